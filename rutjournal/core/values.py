"""Checking what a user typed before anything is written: scores, hours, dates, tags, text."""

import datetime as dt
import re
from typing import NamedTuple

from rutjournal.core import text as words
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext

SCORE_FIELDS = ("mood", "energy", "challenge", "load")
MAX_BODY_CHARS = 1_000_000
MAX_TAG_CHARS = 64
MAX_ID = 2**63 - 1  # SQLite stores a whole number in 64 bits: an id past this cannot even be looked up
# Dates a journal holds: a span a person's working life can touch, small enough for every report to be quick.
EARLIEST_DAY = dt.date(1900, 1, 1)
YEARS_AHEAD = 100
_TAG_SPACE = re.compile(r"[\s,]+")
_WHOLE = re.compile(r"[+-]?[0-9]{1,40}")


class Scores(NamedTuple):
    """The numbers of one day. ``None`` means not given — never zero."""

    mood: int | None = None
    energy: int | None = None
    challenge: int | None = None
    hours: float | None = None
    load: int | None = None

    def validated(self) -> "Scores":
        for name in SCORE_FIELDS:
            check_score(name, getattr(self, name))
        check_hours(self.hours)
        return self


def check_score(field: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(field, _("a whole number from 1 to 5, or blank"), value)
    return value


def check_hours(value: object) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 <= value <= 24
        or float(value) * 2 != int(float(value) * 2)
    ):
        raise InvalidInput("hours", _("a number from 0 to 24 in half hours (e.g. 7.5), or blank"), value)
    return float(value)


def parse_score(field: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InvalidInput(field, _("a whole number from 1 to 5"), text) from None
    result = check_score(field, value)
    assert result is not None
    return result


def parse_hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput("hours", _("a number from 0 to 24 in half hours (e.g. 7.5)"), text) from None
    result = check_hours(value)
    assert result is not None
    return result


def parse_whole(field: str, text: str, low: int, high: int, what: str = "") -> int:
    """A whole number written in digits, from ``low`` to ``high``; anything else names ``field``."""
    # The bounds as typed, in digits without grouping: the user types them so.
    if what:
        # TRANSLATORS: {what} says what the number is ("an id").
        allowed = _("a whole number from {low} to {high} ({what})").format(low=low, high=high, what=what)
    else:
        allowed = _("a whole number from {low} to {high}").format(low=low, high=high)
    stripped = text.strip()
    if not _WHOLE.fullmatch(stripped):
        raise InvalidInput(field, allowed, text)
    value = int(stripped)
    if not low <= value <= high:
        raise InvalidInput(field, allowed, text)
    return value


def parse_id(field: str, text: str) -> int:
    """A record's id as typed: a whole number SQLite can hold (1 to 2^63 - 1)."""
    # TRANSLATORS: what a whole number typed is, shown after its bounds: "a whole number from 1 to … (an id)".
    return parse_whole(field, text, 1, MAX_ID, _("an id"))


def latest_day(today: dt.date | None = None) -> dt.date:
    """The last day a date may name: a hundred years after today (28 February for a 29th)."""
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def days_allowed(today: dt.date | None = None) -> str:
    # TRANSLATORS: the dates are written YYYY-MM-DD, as the user types them.
    return _("a date from {earliest} to {latest}").format(
        earliest=EARLIEST_DAY.isoformat(), latest=latest_day(today).isoformat()
    )


def in_bounds(day: dt.date, today: dt.date | None = None) -> bool:
    return EARLIEST_DAY <= day <= latest_day(today)


def check_day(field: str, day: dt.date, today: dt.date | None = None) -> dt.date:
    """``day`` when it lies from 1900-01-01 to a hundred years from today; else InvalidInput naming ``field``."""
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidInput(field, _("a date"), day)
    if not in_bounds(day, today):
        raise InvalidInput(field, days_allowed(today), day.isoformat())
    return day


def parse_day(text: str, field: str = "date", *, bounded: bool = True) -> dt.date:
    """A day written YYYY-MM-DD; with ``bounded`` (where a date enters the journal) also within the bounds.

    A lookup of what is already there (``bounded=False``) takes any real date, so older journals that hold
    days from before the bounds can still be read."""
    stripped = text.strip()
    try:
        day = (
            dt.date.fromisoformat(stripped)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped, re.ASCII)
            else None
        )
    except ValueError:
        day = None
    if day is None:
        raise InvalidInput(field, _("a real calendar date written YYYY-MM-DD"), text)
    return check_day(field, day) if bounded else day


def normalize_tag(text: str) -> str:
    """'#Team Meeting' -> 'team-meeting': tags compare without case, '#' or inner spaces."""
    name = _TAG_SPACE.sub("-", text.strip().lstrip("#").strip()).strip("-").lower()
    if not name:
        raise InvalidInput("tag", _("a word or two (letters, digits, '-')"), text)
    if len(name) > MAX_TAG_CHARS:
        allowed = ngettext("at most {count} character", "at most {count} characters", MAX_TAG_CHARS)
        raise InvalidInput("tag", allowed.format(count=words.whole(MAX_TAG_CHARS)), text)
    return name


def normalize_tags(texts: list[str] | tuple[str, ...]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        if text.strip().lstrip("#").strip():
            seen.setdefault(normalize_tag(text))
    return list(seen)


def split_tags(text: str) -> list[str]:
    """Tags as typed in one box: separated by commas."""
    return normalize_tags([part for part in text.split(",") if part.strip()])


def check_body(text: str) -> str:
    if len(text) > MAX_BODY_CHARS:
        allowed = ngettext(
            "at most {count} character a day", "at most {count} characters a day", MAX_BODY_CHARS
        ).format(count=words.whole(MAX_BODY_CHARS))
        given = ngettext("{count} character", "{count} characters", len(text)).format(
            count=words.whole(len(text))
        )
        raise InvalidInput("text", allowed, given)
    return text


def word_count(text: str) -> int:
    """Words as a reader counts them: Markdown's marks ("##", "-", ">", "**") standing alone are not words."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
