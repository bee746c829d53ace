"""Numbers, counts and dates in words, one way everywhere: the window, the command line and the reports.

Hours are rounded to a tenth and written without a trailing ".0" ("28.9 h", "2 h", "0.5 h"); a share is a
whole percentage ("33 %"); a score is one decimal ("3.4"). Hours are always hours — never minutes beside
hours in one summary. A count agrees with its noun ("1 gap", "2 gaps"). Dates are written in one style:
"Thu 3 Dec 2026" (``day``), "Thursday 3 December 2026" for a heading (``long_day``), "December 2026" for a
month; ISO dates (2026-12-03) only where a machine reads them (JSON, CSV, file names, command arguments).

In another language (core/i18n.py) numbers take its decimal sign ("7,5 h") and dates its own order and names,
CLDR's: "Do., 3. Dez. 2026", "jeu. 3 déc. 2026".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rutjournal.core.calendar_words import MONTHS, WEEKDAYS
from rutjournal.core.i18n import _, formats, language

NOTHING = "–"  # a blank is not a zero: an unknown value is shown as a dash


def number(value: float, decimals: int = 1) -> str:
    """A number rounded to ``decimals`` places, without trailing zeros: 28.8667 → "28.9", 2.0 → "2"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    local = formats()
    return text.replace(".", local["decimal"]) if local else text


def hours(value: float | None, *, per_week: bool = False) -> str:
    """Hours as people say them: "28.9 h", "1.5 h/week"; None is a dash."""
    if value is None:
        return NOTHING
    if per_week:
        # TRANSLATORS: hours a week, abbreviated: "1.5 h/week".
        return _("{hours} h/week").format(hours=number(value))
    # TRANSLATORS: hours, abbreviated: "28.9 h".
    return _("{hours} h").format(hours=number(value))


def minutes_as_hours(minutes: int | None, *, per_week: bool = False) -> str:
    """Minutes (as the inventory stores them) in hours: 45 → "0.8 h", 90 → "1.5 h"."""
    return NOTHING if minutes is None else hours(minutes / 60, per_week=per_week)


def percent(share: float | None) -> str:
    """A share from 0 to 1 as a whole percentage: 0.333 → "33 %"; None is a dash."""
    if share is None:
        return NOTHING
    local = formats()
    whole = f"{round(share * 100):d}"
    return local["percent"].replace("#,##0", whole) if local else f"{whole} %"


def score(value: float | None) -> str:
    """A score or a mean of scores, one decimal: 3.4166 → "3.4", 4.0 → "4"."""
    return NOTHING if value is None else number(value)


def plural(count: int, word: str, words: str | None = None) -> str:
    """A count with its noun: plural(1, "gap") → "1 gap", plural(3, "gap") → "3 gaps"."""
    shown = whole(count)
    return f"{shown} {word if count == 1 else (words or word + 's')}"


def whole(count: int) -> str:
    """A whole number with its thousands grouped: "12,345" ("12.345" in German)."""
    local = formats()
    return f"{count:,}".replace(",", local["group"]) if local else f"{count:,}"


def day(value: dt.date) -> str:
    """The app's one date style: "Thu 3 Dec 2026"."""
    if formats():
        return _cldr(formats()["patterns"]["day"], value)
    return f"{WEEKDAYS[value.weekday()][:3]} {value.day} {MONTHS[value.month - 1][:3]} {value.year}"


def long_day(value: dt.date) -> str:
    """A day for a heading: "Thursday 3 December 2026"."""
    if formats():
        return _cldr(formats()["patterns"]["long_day"], value)
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"


def short_day(value: dt.date, today: dt.date | None = None) -> str:
    """A day in a list, without the year when it is this year's: "3 Dec", "3 Dec 2025"."""
    this_year = (today or dt.date.today()).year
    if formats():
        pattern = "short_day" if value.year == this_year else "short_day_year"
        return _cldr(formats()["patterns"][pattern], value)
    text = f"{value.day} {MONTHS[value.month - 1][:3]}"
    return text if value.year == this_year else f"{text} {value.year}"


def month(value: dt.date) -> str:
    """ "December 2026"."""
    if formats():
        return _cldr(formats()["patterns"]["month"], value)
    return f"{MONTHS[value.month - 1]} {value.year}"


def _cldr(pattern: str, value: dt.date) -> str:
    """A date written by a CLDR pattern ("E, d. MMM y"): the fields the app's date forms use, and quoted text."""
    local, out, i = formats(), [], 0
    while i < len(pattern):
        letter = pattern[i]
        run = len(pattern[i:]) - len(pattern[i:].lstrip(letter)) if letter.isalpha() else 1
        if letter == "'":
            end = pattern.find("'", i + 1)
            end = len(pattern) if end < 0 else end
            out.append(pattern[i + 1 : end] or "'")
            i = end + 1
            continue
        if letter == "E":
            out.append(local["days" if run >= 4 else "days_short"][value.weekday()])
        elif letter == "d":
            out.append(f"{value.day:0{run}d}")
        elif letter in "ML":
            names = "months_alone" if letter == "L" else "months"
            out.append(
                local[names if run >= 4 else "months_short"][value.month - 1]
                if run >= 3
                else f"{value.month:0{run}d}"
            )
        elif letter == "y":
            out.append(f"{value.year:04d}" if run != 2 else f"{value.year % 100:02d}")
        else:
            out.append(pattern[i : i + run])
        i += run
    return "".join(out)


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Room to advance" → "room to advance". German writes its nouns
    with a capital wherever they stand, so there a label keeps its case."""
    if language() == "de":
        return label
    return label[:1].lower() + label[1:]


def and_list(items: Sequence[str]) -> str:
    """Things in a sentence: "a", "a and b", "a, b and c"."""
    if len(items) == 1:
        return items[0]
    # TRANSLATORS: the end of a list in a sentence, e.g. "14 days of entries with a mood and a first check-in"
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])
