"""Taskwarrior's ``task export``: a JSON array of task objects, into the Load inventory.

What is still on the user's plate (pending, waiting, recurring) is imported; completed and deleted tasks are
skipped with the reason. A recurring task is exported as its template (status "recurring") plus one pending
child per occurrence, each naming the template in ``parent``: the template is imported once and the children
are skipped, or a weekly meeting would land in the inventory once per week. With ``rc.json.array=off``
Taskwarrior prints one object per line without the brackets; that is read too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from rutjournal.core.transfer.importers.json_source import check_no_duplicates, loads
from rutjournal.core.transfer.importers.records import (
    ImportFileError,
    ImportOptions,
    ParsedFile,
    Rejected,
    TaskRecord,
)
from rutjournal.core.transfer.importers.textfiles import check_unicode, clean_tags, read_text

FORMAT = "taskwarrior"
ON_PLATE = ("pending", "waiting", "recurring")
DONE = {"completed": "completed", "deleted": "deleted"}
TASK_KEYS = frozenset({"uuid", "description", "status"})
MEETING_TAGS = frozenset({"meeting", "meetings"})
MAX_TITLE = 200
_STAMP = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def parse(path: Path, options: ImportOptions) -> ParsedFile:
    """The tasks still to do, as Load records; finished ones skipped and broken ones rejected with why."""
    items = _load(path, read_text(path))
    parsed = ParsedFile(format=FORMAT, path=path)
    templates = {
        item["uuid"]: item
        for _, item in items
        if isinstance(item, dict) and isinstance(item.get("uuid"), str) and item.get("status") == "recurring"
    }
    for number, item in items:
        place = _place(number, item)
        if isinstance(item, Rejected):
            parsed.rejected.append(item)
            continue
        try:
            _add(item, place, templates, parsed)
        except ValueError as error:
            parsed.rejected.append(Rejected(place, str(error)))
    return parsed


def _load(path: Path, text: str) -> list[tuple[int, Any]]:
    """The task objects with their numbers; lines that are not JSON in the one-per-line form are rejected."""
    stripped = text.strip()
    if not stripped:
        raise ImportFileError(path, "", "is empty: make it with `task export > tasks.json`")
    if stripped.startswith("["):
        try:
            data = loads(stripped)
        except json.JSONDecodeError as error:
            raise ImportFileError(
                path, f"line {error.lineno}", f"is not valid JSON ({error.msg}); the file may be cut short"
            ) from None
        except (RecursionError, ValueError) as error:
            raise ImportFileError(path, "", f"is not valid JSON ({error})") from None
        if not isinstance(data, list):
            raise ImportFileError(path, "", "is not a Taskwarrior export: expected a list of tasks")
        return list(enumerate(data, start=1))
    items: list[tuple[int, Any]] = []
    good = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        line = line.strip().rstrip(",")
        if not line:
            continue
        try:
            item = loads(line)
            items.append((len(items) + 1, item))
            good += isinstance(item, dict) and not TASK_KEYS.isdisjoint(item)
        except (ValueError, RecursionError):
            items.append((len(items) + 1, Rejected(f"line {line_number}", "is not a JSON task object")))
    if not good:
        raise ImportFileError(
            path, "line 1", "is not a Taskwarrior export: expected JSON (make it with `task export`)"
        )
    return items


def _place(number: int, item: object) -> str:
    uuid = item.get("uuid") if isinstance(item, dict) else None
    return f"task {number} (uuid {uuid})" if isinstance(uuid, str) and uuid else f"task {number}"


def _add(item: object, place: str, templates: dict[str, Any], parsed: ParsedFile) -> None:
    if not isinstance(item, dict):
        raise ValueError("is not a task (expected an object with a description and a status)")
    check_no_duplicates(item)
    description = item.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ValueError("has no description")
    description = " ".join(description.split())
    status = item.get("status", "pending")
    if not isinstance(status, str):
        raise ValueError("its status is not text (pending, waiting, recurring, completed or deleted)")
    if status in DONE:
        end = _date(item, "end")
        when = f" on {end}" if end else ""
        parsed.skipped.append(
            Rejected(place, f"{DONE[status]} in Taskwarrior{when}: not on your plate ({description!r})")
        )
        return
    if status not in ON_PLATE:
        raise ValueError(
            f"status {status!r} is not one Taskwarrior writes (pending, waiting, recurring, ...)"
        )
    parent = item.get("parent")
    if isinstance(parent, str) and parent in templates:
        parsed.skipped.append(
            Rejected(
                place,
                f"one occurrence of the recurring task {description!r}: the recurring task is imported once",
            )
        )
        return
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError("its tags are not a list of words")
    clean = clean_tags(tags)
    project = item.get("project")
    if project is not None and not isinstance(project, str):
        raise ValueError("its project is not text")
    check_unicode(description + (project or ""))
    title = description if len(description) <= MAX_TITLE else description[: MAX_TITLE - 1] + "…"
    notes = check_unicode(_notes(item, description, title))
    parsed.tasks.append(
        TaskRecord(
            title=title,
            place=place,
            kind="meeting" if MEETING_TAGS & set(clean) else "task",
            notes=notes,
            tags=clean,
            project=project or None,
            status=status,
            created=_date(item, "entry"),
            due=_date(item, "due"),
        )
    )


def _notes(item: dict[str, Any], description: str, title: str) -> str:
    """What the inventory has no field for, in plain lines: project, dates, recurrence, annotations."""
    lines = [description] if title != description else []
    if isinstance(item.get("project"), str) and item["project"]:
        lines.append(f"Project: {item['project']}")
    due = _date(item, "due")
    if due:
        lines.append(f"Due: {due}")
    wait = _date(item, "wait")
    if wait:
        lines.append(f"Waiting until: {wait}")
    if isinstance(item.get("recur"), str) and item["recur"]:
        lines.append(f"Recurs: {item['recur']}")
    annotations = item.get("annotations", [])
    if not isinstance(annotations, list):
        raise ValueError("its annotations are not a list")
    for number, annotation in enumerate(annotations, start=1):
        if not isinstance(annotation, dict) or not isinstance(annotation.get("description"), str):
            raise ValueError(f"annotation {number} has no text")
        when = _date(annotation, "entry")
        lines.append(f"{when}: {annotation['description']}" if when else annotation["description"])
    if isinstance(item.get("uuid"), str):
        lines.append(f"Taskwarrior uuid: {item['uuid']}")
    return "\n".join(lines)


def _date(item: dict[str, Any], key: str) -> dt.date | None:
    """A Taskwarrior time stamp (20240105T093000Z, in UTC) as the local calendar day; missing -> None."""
    value = item.get(key)
    if value is None or value == "":
        return None
    match = _STAMP.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"{key} date {value!r} is not a Taskwarrior date (like 20240105T093000Z)")
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        if not match[4]:
            return day
        moment = dt.datetime.combine(day, dt.time(int(match[4]), int(match[5]), int(match[6])))
        zone = match[7]
        if zone and zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            moment = moment.replace(tzinfo=dt.timezone(sign * offset))
        else:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone().date()
    except (ValueError, OverflowError):
        raise ValueError(f"{key} date {value!r} does not exist in the calendar") from None
