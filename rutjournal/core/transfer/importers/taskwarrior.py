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

from rutjournal.core.i18n import _
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
        for _number, item in items
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
        # TRANSLATORS: `task export > tasks.json` is a command, typed as it is.
        raise ImportFileError(path, "", _("is empty: make it with `task export > tasks.json`"))
    if stripped.startswith("["):
        try:
            data = loads(stripped)
        except json.JSONDecodeError as error:
            raise ImportFileError(
                path,
                _("line {line}").format(line=error.lineno),
                # TRANSLATORS: {error} is Python's JSON reader's own words, in English.
                _("is not valid JSON ({error}); the file may be cut short").format(error=error.msg),
            ) from None
        except (RecursionError, ValueError) as error:
            raise ImportFileError(path, "", _("is not valid JSON ({error})").format(error=error)) from None
        if not isinstance(data, list):
            raise ImportFileError(path, "", _("is not a Taskwarrior export: expected a list of tasks"))
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
            where = _("line {line}").format(line=line_number)
            items.append((len(items) + 1, Rejected(where, _("is not a JSON task object"))))
    if not good:
        raise ImportFileError(
            path,
            _("line {line}").format(line=1),
            _("is not a Taskwarrior export: expected JSON (make it with `task export`)"),
        )
    return items


def _place(number: int, item: object) -> str:
    uuid = item.get("uuid") if isinstance(item, dict) else None
    if isinstance(uuid, str) and uuid:
        # TRANSLATORS: where in a Taskwarrior export: its {number}th task, and the task's uuid.
        return _("task {number} (uuid {uuid})").format(number=number, uuid=uuid)
    return _("task {number}").format(number=number)


def _add(item: object, place: str, templates: dict[str, Any], parsed: ParsedFile) -> None:
    if not isinstance(item, dict):
        raise ValueError(_("is not a task (expected an object with a description and a status)"))
    check_no_duplicates(item)
    description = item.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ValueError(_("has no description"))
    description = " ".join(description.split())
    status = item.get("status", "pending")
    if not isinstance(status, str):
        raise ValueError(_("its status is not text (pending, waiting, recurring, completed or deleted)"))
    if status in DONE:
        end = _date(item, "end")
        parsed.skipped.append(Rejected(place, _finished(status, end, description)))
        return
    if status not in ON_PLATE:
        raise ValueError(
            _("status {status} is not one Taskwarrior writes (pending, waiting, recurring, ...)").format(
                status=repr(status)
            )
        )
    parent = item.get("parent")
    if isinstance(parent, str) and parent in templates:
        parsed.skipped.append(
            Rejected(
                place,
                _("one occurrence of the recurring task {title}: the recurring task is imported once").format(
                    title=repr(description)
                ),
            )
        )
        return
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError(_("its tags are not a list of words"))
    clean = clean_tags(tags)
    project = item.get("project")
    if project is not None and not isinstance(project, str):
        raise ValueError(_("its project is not text"))
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


def _finished(status: str, end: dt.date | None, description: str) -> str:
    """Why a completed or deleted task is skipped."""
    # TRANSLATORS: {title} is the task's description, in quotes; {day} the day it ended, YYYY-MM-DD.
    if status == "completed":
        if end:
            return _("completed in Taskwarrior on {day}: not on your plate ({title})").format(
                day=end, title=repr(description)
            )
        return _("completed in Taskwarrior: not on your plate ({title})").format(title=repr(description))
    if end:
        return _("deleted in Taskwarrior on {day}: not on your plate ({title})").format(
            day=end, title=repr(description)
        )
    return _("deleted in Taskwarrior: not on your plate ({title})").format(title=repr(description))


def _notes(item: dict[str, Any], description: str, title: str) -> str:
    """What the inventory has no field for, in plain lines: project, dates, recurrence, annotations."""
    lines = [description] if title != description else []
    if isinstance(item.get("project"), str) and item["project"]:
        # TRANSLATORS: these lines are written into an imported task's notes.
        lines.append(_("Project: {value}").format(value=item["project"]))
    due = _date(item, "due")
    if due:
        lines.append(_("Due: {value}").format(value=due))
    wait = _date(item, "wait")
    if wait:
        lines.append(_("Waiting until: {value}").format(value=wait))
    if isinstance(item.get("recur"), str) and item["recur"]:
        lines.append(_("Recurs: {value}").format(value=item["recur"]))
    annotations = item.get("annotations", [])
    if not isinstance(annotations, list):
        raise ValueError(_("its annotations are not a list"))
    for number, annotation in enumerate(annotations, start=1):
        if not isinstance(annotation, dict) or not isinstance(annotation.get("description"), str):
            raise ValueError(_("annotation {number} has no text").format(number=number))
        when = _date(annotation, "entry")
        lines.append(f"{when}: {annotation['description']}" if when else annotation["description"])
    if isinstance(item.get("uuid"), str):
        lines.append(_("Taskwarrior uuid: {value}").format(value=item["uuid"]))
    return "\n".join(lines)


def _date(item: dict[str, Any], key: str) -> dt.date | None:
    """A Taskwarrior time stamp (20240105T093000Z, in UTC) as the local calendar day; missing -> None."""
    value = item.get(key)
    if value is None or value == "":
        return None
    match = _STAMP.match(value) if isinstance(value, str) else None
    if not match:
        # TRANSLATORS: {key} is Taskwarrior's name of the date (entry, due, end, wait), as it is.
        message = _("{key} date {value} is not a Taskwarrior date (like 20240105T093000Z)")
        raise ValueError(message.format(key=key, value=repr(value)))
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
        message = _("{key} date {value} does not exist in the calendar")
        raise ValueError(message.format(key=key, value=repr(value))) from None
