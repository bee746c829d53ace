"""jrnl's JSON export (``jrnl --export json``): ``{"tags": {...}, "entries": [{date, time, title, body, tags,
starred}]}``. jrnl splits an entry's first sentence off as its title; both are kept, the title as a heading.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from rutjournal.core.i18n import _
from rutjournal.core.transfer.importers.json_source import (
    BadRecord,
    check_no_duplicates,
    check_top_level,
    read_json_file,
    tags_and_star,
)
from rutjournal.core.transfer.importers.records import (
    EntryRecord,
    ImportFileError,
    ImportOptions,
    ParsedFile,
    Rejected,
)

FORMAT = "jrnl"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", re.ASCII)


def parse(path: Path, options: ImportOptions | None = None) -> ParsedFile:
    data = read_json_file(path)
    check_top_level(path, data)
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ImportFileError(path, "", _('not a jrnl JSON export: there is no "entries" list'))
    parsed = ParsedFile(FORMAT, path)
    for number, item in enumerate(entries, 1):
        # TRANSLATORS: where in an export: its {number}th entry.
        place = _("entry {number}").format(number=number)
        try:
            parsed.entries.append(_entry(item, place))
        except BadRecord as exc:
            parsed.rejected.append(Rejected(place, str(exc)))
    return parsed


def _entry(item: Any, place: str) -> EntryRecord:
    if not isinstance(item, dict):
        raise BadRecord(_("not an entry (expected an object with date, time, title and body)"))
    check_no_duplicates(item)
    day = parse_date(item.get("date"))
    # TRANSLATORS: where in an export: "entry 3 (2024-03-05)".
    place = _("{place} ({day})").format(place=place, day=day.isoformat())
    time = parse_time(item.get("time"))
    title, body = _text(item, "title"), _text(item, "body")
    tags, starred = tags_and_star(item)
    return EntryRecord(
        day=day,
        body=body,
        place=place,
        time=time,
        title=title,
        tags=tuple(t.lstrip("@#") for t in tags if t.strip("@# ")),
        starred=starred,
    )


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        # TRANSLATORS: {key} is a key of the export's JSON, typed as it is.
        raise BadRecord(_('"{key}" must be text').format(key=key))
    return value


def parse_date(value: object) -> dt.date:
    """A YYYY-MM-DD date that exists on the calendar (2023-02-30 does not)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        raise BadRecord(_("the date {value} is not written YYYY-MM-DD").format(value=repr(value)))
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadRecord(_("the date {value} does not exist on the calendar").format(value=value)) from None


def parse_time(value: object) -> dt.time | None:
    if value is None or value == "":
        return None
    match = _TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        raise BadRecord(_("the time {value} is not written HH:MM").format(value=repr(value)))
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise BadRecord(_("the time {value} does not exist").format(value=value))
    return dt.time(hour, minute)
