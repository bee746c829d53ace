"""Daylio's CSV export: one row per mood record, several a day, with activities and an optional note.

The header today is ``full_date,date,weekday,time,mood,activities,note_title,note``; older exports have no
``note_title`` (or a ``year`` column and dates like "18 May" instead of ``full_date``) and some newer ones add
``scales``. Columns are found by name, so all of these read the same.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rutjournal.core.calendar_words import MONTHS
from rutjournal.core.i18n import _
from rutjournal.core.transfer.importers.records import (
    EntryRecord,
    ImportFileError,
    ImportOptions,
    ParsedFile,
    Rejected,
)
from rutjournal.core.transfer.importers.textfiles import (
    clean_body,
    clean_tags,
    csv_rows,
    parse_iso_day,
    parse_time,
    read_text,
)

FORMAT = "daylio"
DEFAULT_MOOD_MAP: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
ACTIVITY_SEPARATOR = "|"
_SLASH = re.compile(r"\s*/\s*")  # Daylio's "movies / tv" becomes the tag "movies/tv"
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Notes with formatting carry a few HTML tags; they become the Markdown the journal shows.
_MARKUP = (
    (re.compile(r"</?(?:b|strong)>", re.IGNORECASE), "**"),
    (re.compile(r"</?(?:i|em)>", re.IGNORECASE), "*"),
    (re.compile(r"<li>", re.IGNORECASE), "\n- "),
    (re.compile(r"</li>", re.IGNORECASE), ""),
    (re.compile(r"</?(?:ul|ol|p|div)>", re.IGNORECASE), "\n\n"),
)
_MONTHS = tuple(name.lower() for name in MONTHS)


def parse(path: Path, options: ImportOptions) -> ParsedFile:
    """Every mood record of the export; a row that cannot be used is rejected with its line and why."""
    moods = _mood_map(path, options)
    header, rows = _read(path)
    columns = _columns(path, header)
    parsed = ParsedFile(format=FORMAT, path=path)
    for line, row in rows:
        place = _("line {line}").format(line=line)
        try:
            parsed.entries.append(_entry(row, len(header), columns, moods, place))
        except ValueError as error:
            parsed.rejected.append(Rejected(place, str(error)))
    return parsed


def mood_labels(path: Path) -> list[str]:
    """The distinct mood labels of the file (lower case, first seen first), for the GUI's mapping step."""
    header, rows = _read(path)
    mood = _columns(path, header)["mood"]
    labels: dict[str, None] = {}
    for _line, row in rows:
        if mood < len(row) and row[mood].strip():
            labels.setdefault(row[mood].strip().lower())
    return list(labels)


def _read(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    rows = list(csv_rows(path, read_text(path)))
    if not rows:
        raise ImportFileError(path, "", _("is empty: a Daylio export starts with a header line"))
    return [cell.strip().lower() for cell in rows[0][1]], rows[1:]


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    """Where each column Daylio writes sits; without a mood and a date there is nothing to import."""
    columns = {name: header.index(name) for name in reversed(header) if name}
    has_date = "full_date" in columns or {"year", "date"} <= columns.keys()
    if "mood" not in columns or not has_date:
        found = ", ".join(header) or _("none")
        raise ImportFileError(
            path,
            _("line {line}").format(line=1),
            # TRANSLATORS: full_date, year, date and mood are Daylio's column names, as they are.
            _(
                "is not a Daylio export: it needs the columns full_date (or year and date) and mood "
                "(columns found: {found})"
            ).format(found=found),
        )
    return columns


def _mood_map(path: Path, options: ImportOptions) -> dict[str, int]:
    moods = dict(DEFAULT_MOOD_MAP)
    for label, score in (options.mood_map or {}).items():
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise ImportFileError(
                path,
                "",
                _("the mood map gives {label} the score {score}; scores run from 1 to 5").format(
                    label=repr(label), score=repr(score)
                ),
            )
        moods[str(label).strip().lower()] = score
    return moods


def _entry(
    row: list[str], width: int, columns: dict[str, int], moods: dict[str, int], place: str
) -> EntryRecord:
    if len(row) != width:
        raise ValueError(
            _("has {count} fields where the header has {width}; a quote or comma may be missing").format(
                count=len(row), width=width
            )
        )

    def cell(name: str) -> str:
        return row[columns[name]] if name in columns else ""

    label = cell("mood").strip()
    if not label:
        raise ValueError(_("has no mood"))
    mood = moods.get(label.lower())
    if mood is None:
        raise ValueError(
            # TRANSLATORS: rad, good, meh, bad and awful are Daylio's moods; --mood-map {example} is typed as is.
            _(
                "mood {label} is not one of Daylio's own (rad, good, meh, bad, awful); "
                "say which score it means, e.g. --mood-map {example}"
            ).format(label=repr(label), example=f"{label.lower()}=3")
        )
    activities = [_SLASH.sub("/", part.strip()) for part in cell("activities").split(ACTIVITY_SEPARATOR)]
    return EntryRecord(
        day=_day(cell("full_date"), cell("year"), cell("date")),
        body=clean_body(_note(cell("note"))),
        place=place,
        time=parse_time(cell("time")),
        title=_BREAK.sub(" ", cell("note_title")).strip(),
        tags=clean_tags([name for name in activities if name]),
        mood=mood,
    )


def _day(full_date: str, year: str, date: str) -> dt.date:
    """``full_date`` (2024-03-05) when there is one, else the old pair of year and "18 May" / "May 18"."""
    if full_date.strip():
        return parse_iso_day(full_date)
    words = date.replace(",", " ").split()
    numbers = [word for word in words if word.isdigit()]
    months = [_month(word) for word in words if _month(word)]
    if not year.strip().isdigit() or len(numbers) != 1 or len(months) != 1 or len(words) != 2:
        message = _("date {date} of year {year} cannot be read (e.g. 18 May)")
        raise ValueError(message.format(date=repr(date.strip()), year=repr(year.strip())))
    try:
        return dt.date(int(year), months[0], int(numbers[0]))
    except ValueError:
        # TRANSLATORS: {date} is a day and month as Daylio wrote it ("18 May"), {year} the year.
        message = _("{date} {year} does not exist in the calendar")
        raise ValueError(message.format(date=date.strip(), year=year.strip())) from None


def _month(word: str) -> int:
    """'May', 'sept', 'December' -> 5, 9, 12; not a month name -> 0."""
    word = word.lower()
    for number, name in enumerate(_MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    return 0


def _note(text: str) -> str:
    """Daylio's note: ``<br>`` for new lines, and a little HTML when the user formatted it."""
    text = _BREAK.sub("\n", text)
    for pattern, markdown in _MARKUP:
        text = pattern.sub(markdown, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
