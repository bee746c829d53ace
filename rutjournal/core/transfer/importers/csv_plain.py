"""Any CSV with a header row: a spreadsheet of days, one row per record, columns chosen by the user.

The column mapping (header -> field) comes from the GUI's mapping step or the CLI; without one it is guessed
from the header names. Dates must be YYYY-MM-DD: 03/04/2024 is March in one country and April in another,
and a wrong guess would silently move entries.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rutjournal.core.errors import InvalidInput
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
    sniff_delimiter,
)
from rutjournal.core.values import check_hours

FORMAT = "csv"
FIELDS = ("date", "time", "title", "body", "tags", "mood", "energy", "challenge", "hours", "load")
SCORES = ("mood", "energy", "challenge", "load")
# Header names (lower case, '_' for spaces and '-') that mean a field, for guessing the mapping.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "full_date", "entry_date", "datum", "fecha"),
    "time": ("time", "hour_of_day", "clock"),
    "title": ("title", "subject", "heading", "note_title"),
    "body": ("body", "text", "entry", "note", "notes", "content", "journal", "description"),
    "tags": ("tags", "tag", "labels", "label", "categories", "activities"),
    "mood": ("mood", "mood_score"),
    "energy": ("energy", "energy_level"),
    "challenge": ("challenge", "challenged"),
    "hours": ("hours", "hours_worked", "worked_hours", "work_hours"),
    "load": ("load", "perceived_load", "workload"),
}
_DATE_TIME = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s*$")
_TAG_SPLIT = re.compile(r"[,;]")


def read_headers(path: Path) -> list[str]:
    """The header row as written, for the GUI's column-mapping step."""
    text = read_text(path)
    for _line, row in csv_rows(path, text, sniff_delimiter(text)):
        return [cell.strip() for cell in row]
    raise ImportFileError(path, "", _("is empty: a CSV to import starts with a header line"))


def guess_columns(headers: list[str]) -> dict[str, str]:
    """Header -> field for every header whose name says what it holds; the first of a field wins."""
    guessed: dict[str, str] = {}
    for header in headers:
        key = re.sub(r"[\s\-]+", "_", header.strip().lower())
        for name, synonyms in SYNONYMS.items():
            if key in synonyms and name not in guessed.values() and header not in guessed:
                guessed[header] = name
    return guessed


def parse(path: Path, options: ImportOptions) -> ParsedFile:
    """One entry record per row; a row that cannot be used is rejected with its line and why."""
    text = read_text(path)
    rows = list(csv_rows(path, text, sniff_delimiter(text)))
    if not rows:
        raise ImportFileError(path, "", _("is empty: a CSV to import starts with a header line"))
    headers = [cell.strip() for cell in rows[0][1]]
    columns = _columns(path, headers, options.csv_columns)
    parsed = ParsedFile(format=FORMAT, path=path)
    for line, row in rows[1:]:
        place = _("line {line}").format(line=line)
        try:
            parsed.entries.append(_entry(row, len(headers), columns, place))
        except ValueError as error:
            parsed.rejected.append(Rejected(place, str(error)))
    return parsed


def _columns(path: Path, headers: list[str], mapping: dict[str, str] | None) -> dict[str, int]:
    """Field -> column index; a mapping naming a header the file lacks, or no date, stops the import."""
    # TRANSLATORS: what a CSV's header names when it names no columns.
    found = ", ".join(repr(header) for header in headers) or _("none")
    chosen = guess_columns(headers) if mapping is None else mapping
    columns: dict[str, int] = {}
    for header, name in chosen.items():
        if name not in FIELDS:
            raise ImportFileError(
                path,
                "",
                # TRANSLATORS: {header} is a column of the file, {name} and {fields} are field names, as typed.
                _("column {header} is mapped to {name}, which is not one of {fields}").format(
                    header=repr(header), name=repr(name), fields=", ".join(FIELDS)
                ),
            )
        if header not in headers:
            reason = _("has no column {header} (columns found: {found})").format(
                header=repr(header), found=found
            )
            raise ImportFileError(path, _("line {line}").format(line=1), reason)
        if name in columns:
            reason = _("two columns are mapped to {name}; map one column to each").format(name=repr(name))
            raise ImportFileError(path, "", reason)
        columns[name] = headers.index(header)
    if "date" not in columns:
        raise ImportFileError(
            path,
            _("line {line}").format(line=1),
            _(
                "has no date column: name one 'date' or map a column to the date (columns found: {found})"
            ).format(found=found),
        )
    return columns


def _entry(row: list[str], width: int, columns: dict[str, int], place: str) -> EntryRecord:
    if len(row) != width:
        raise ValueError(
            # TRANSLATORS: {count} and {width} are numbers of fields; English says "fields" for one too.
            _("has {count} fields where the header has {width}; a quote or delimiter may be missing").format(
                count=len(row), width=width
            )
        )
    cells = {name: row[index].strip() for name, index in columns.items()}
    day, time = _day_and_time(cells["date"])
    if cells.get("time"):
        time = parse_time(cells["time"])
    scores = {name: _score(name, cells.get(name, "")) for name in SCORES}
    hours = _hours(cells.get("hours", ""))
    body = clean_body(row[columns["body"]]).strip() if "body" in columns else ""
    title = cells.get("title", "")
    tags = _tags(cells.get("tags", ""))
    if not body and not title and hours is None and all(v is None for v in scores.values()):
        # TRANSLATORS: {day} is a date written YYYY-MM-DD.
        raise ValueError(
            _("has a date ({day}) but no text, title or score: nothing to import").format(day=day)
        )
    return EntryRecord(
        day=day,
        body=body,
        place=place,
        time=time,
        title=title,
        tags=tags,
        mood=scores["mood"],
        energy=scores["energy"],
        challenge=scores["challenge"],
        hours=hours,
        load=scores["load"],
    )


def _day_and_time(text: str) -> tuple[dt.date, dt.time | None]:
    """'2024-03-05' or '2024-03-05 20:30' (a spreadsheet's date and time in one cell)."""
    match = _DATE_TIME.match(text)
    if match:
        return parse_iso_day(match[1]), parse_time(match[2])
    if not text:
        raise ValueError(_("has no date"))
    return parse_iso_day(text), None


def _score(name: str, text: str) -> int | None:
    """'3' (or '3.0', as spreadsheets write it) -> 3; blank -> None; outside 1..5 -> ValueError."""
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not value.is_integer() or not 1 <= value <= 5:
        # TRANSLATORS: {name} is a score's column (mood, energy, challenge, load), as it is; {value} the cell.
        message = _("{name} {value} is not a whole number from 1 to 5 (leave it blank if unknown)")
        raise ValueError(message.format(name=name, value=repr(text)))
    return int(value)


def _hours(text: str) -> float | None:
    if not text:
        return None
    try:
        return check_hours(float(text.replace(",", ".")))
    except (ValueError, InvalidInput):
        raise ValueError(
            _(
                "hours {value} is not a number from 0 to 24 in half hours (e.g. 7.5; leave it blank if unknown)"
            ).format(value=repr(text))
        ) from None


def _tags(text: str) -> tuple[str, ...]:
    """'work, reading' or 'work; reading' or '#work #reading': spaces only separate tags written with '#'."""
    names: list[str] = []
    for part in _TAG_SPLIT.split(text):
        words = part.split()
        if any(word.startswith("#") for word in words):
            names.extend(words)
        elif part.strip():
            names.append(part)
    return clean_tags(names)
