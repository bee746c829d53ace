"""What an import would do to one journal: the text each day gains, scores, tags and tasks, and what is already there.

The same planning runs for the preview (on a read-only connection) and inside the import's own transaction, so
what is written is computed from the database as it is at that moment, never from a stale preview. Nothing the
user has is ever replaced: text is appended, a score is set only where the day's is blank, tags are added.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.journal import store
from rutjournal.core.load import store as load_store
from rutjournal.core.load.service import check_task_fields
from rutjournal.core.text import whole
from rutjournal.core.transfer.importers.records import EntryRecord, ParsedFile, Rejected, TaskRecord
from rutjournal.core.values import MAX_BODY_CHARS, Scores, check_body, check_day, normalize_tags

SCORE_COLUMNS = store.SCORE_COLUMNS
STARRED_TAG = "starred"
Tick = Callable[[], None]


@dataclass
class ExistingDay:
    id: int
    body: str
    scores: dict[str, Any]
    tags: set[str]


@dataclass
class Existing:
    """The parts of the journal an import can touch, read in a few bulk queries."""

    days: dict[dt.date, ExistingDay] = field(default_factory=dict)
    tag_ids: dict[str, int] = field(default_factory=dict)
    task_titles: set[str] = field(default_factory=set)  # case-folded


def read_existing(conn: sqlite3.Connection, parsed: ParsedFile) -> Existing:
    """Read the days the file touches (range queries of the journal's store), every tag and every task title."""
    found = Existing()
    days = {record.day for record in parsed.entries}
    if days:
        for entry in store.read_days(conn, min(days), max(days)):
            if entry.day in days:
                scores = {column: getattr(entry.scores, column) for column in SCORE_COLUMNS}
                found.days[entry.day] = ExistingDay(entry.id, entry.body, scores, set(entry.tags))
    found.tag_ids = store.tag_ids(conn)
    if parsed.tasks:
        found.task_titles = {title.casefold() for title in load_store.read_titles(conn)}
    return found


@dataclass
class DayPlan:
    """One day that changes: its whole new body, the scores to set (blank ones only) and the tags to add."""

    day: dt.date
    entry_id: int | None  # None: a new entry
    body: str
    scores: dict[str, Any]  # every score column, the existing values kept
    new_tags: list[str]
    records: int  # records that add something to this day


@dataclass
class ImportPlan:
    """The preview of an import, and after ``apply_import`` the account of what it did."""

    format: str
    path: Path
    entry_records: int = 0  # usable journal records in the file
    record_days: int = 0  # distinct days they fall on
    tags: set[str] = field(default_factory=set)  # distinct tags in the records
    new_tags: list[str] = field(default_factory=list)  # those the journal does not have yet
    task_records: int = 0
    days: list[DayPlan] = field(default_factory=list)  # only the days that change
    tasks: list[dict[str, object]] = field(default_factory=list)  # checked fields of the tasks to add
    unchanged: int = 0  # records that would add nothing (already imported)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Rejected] = field(default_factory=list)

    @property
    def new_days(self) -> int:
        return sum(1 for d in self.days if d.entry_id is None)

    @property
    def merged_days(self) -> int:
        """Days that already have an entry and would gain something."""
        return sum(1 for d in self.days if d.entry_id is not None)

    @property
    def changes_anything(self) -> bool:
        return bool(self.days or self.tasks)

    def summary_lines(self, *, done: bool = False) -> list[str]:
        """What the file holds and what the import adds (or added, with ``done``), without the record lists."""
        days = ngettext("{count} day", "{count} days", self.record_days).format(count=whole(self.record_days))
        # TRANSLATORS: what a file holds: "12 journal records on 10 days, 3 tags, 0 tasks"; {days} is "10 days".
        records = ngettext(
            "{count} journal record on {days}", "{count} journal records on {days}", self.entry_records
        ).format(count=whole(self.entry_records), days=days)
        tags = ngettext("{count} tag", "{count} tags", len(self.tags)).format(count=whole(len(self.tags)))
        tasks = ngettext("{count} task", "{count} tasks", self.task_records).format(
            count=whole(self.task_records)
        )
        new_days = ngettext("{count} new day", "{count} new days", self.new_days).format(
            count=whole(self.new_days)
        )
        merged = ngettext(
            "{count} added to days you already have",
            "{count} added to days you already have",
            self.merged_days,
        ).format(count=whole(self.merged_days))
        new_tags = ngettext("{count} new tag", "{count} new tags", len(self.new_tags)).format(
            count=whole(len(self.new_tags))
        )
        new_tasks = ngettext("{count} new task", "{count} new tasks", len(self.tasks)).format(
            count=whole(len(self.tasks))
        )
        if done:
            # TRANSLATORS: what an import added: "Imported: 2 new days, 1 added to days you already have, …".
            adds = _("Imported: {new_days}, {merged}, {new_tags}, {new_tasks}")
        else:
            adds = _("Would import: {new_days}, {merged}, {new_tags}, {new_tasks}")
        out = [
            _("{records}, {tags}, {tasks}").format(records=records, tags=tags, tasks=tasks),
            adds.format(new_days=new_days, merged=merged, new_tags=new_tags, new_tasks=new_tasks),
        ]
        if self.unchanged:
            if done:
                there = ngettext(
                    "{count} record already there (nothing was added for it)",
                    "{count} records already there (nothing was added for them)",
                    self.unchanged,
                )
            else:
                there = ngettext(
                    "{count} record already there (nothing would be added for it)",
                    "{count} records already there (nothing would be added for them)",
                    self.unchanged,
                )
            out.append(there.format(count=whole(self.unchanged)))
        return out

    def lines(self, *, done: bool = False, limit: int = 20) -> list[str]:
        """The preview (or, with ``done``, the result) in plain sentences, one per line."""
        summary = self.summary_lines(done=done)
        # TRANSLATORS: {format} is the format's short name (jrnl, dayone, csv), {path} the file's.
        heading = _("{format} file {path}").format(format=self.format, path=self.path)
        out = [heading, f"  {summary[0]}", summary[1]]
        out.extend(f"  {line}" for line in summary[2:])
        for rejected, items in ((True, self.rejected), (False, self.skipped)):
            if items:
                if rejected:
                    title = ngettext("Rejected: {count} record", "Rejected: {count} records", len(items))
                else:
                    title = ngettext("Skipped: {count} record", "Skipped: {count} records", len(items))
                out.append(title.format(count=whole(len(items))))
                out.extend(f"  {item.place}: {item.reason}" for item in items[:limit])
                if len(items) > limit:
                    more = len(items) - limit
                    out.append(
                        "  "
                        + ngettext("… and {count} more", "… and {count} more", more).format(count=whole(more))
                    )
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "path": str(self.path),
            "entry_records": self.entry_records,
            "days": self.record_days,
            "tags": len(self.tags),
            "task_records": self.task_records,
            "new_days": self.new_days,
            "merged_days": self.merged_days,
            "new_tags": list(self.new_tags),
            "new_tasks": len(self.tasks),
            "unchanged": self.unchanged,
            "rejected": [{"place": r.place, "reason": r.reason} for r in self.rejected],
            "skipped": [{"place": r.place, "reason": r.reason} for r in self.skipped],
        }


def build_plan(parsed: ParsedFile, existing: Existing, tick: Tick | None = None) -> ImportPlan:
    """Merge the records into the days they fall on; ``tick`` runs once per record (progress, cancel)."""
    plan = ImportPlan(
        parsed.format, parsed.path, rejected=list(parsed.rejected), skipped=list(parsed.skipped)
    )
    by_day: dict[dt.date, list[tuple[int, EntryRecord, list[str]]]] = {}
    for index, record in enumerate(parsed.entries):
        if tick:
            tick()
        try:
            check_day("date", record.day)  # 0001-01-01 or 9999-12-31 would make every report span millennia
            check_body(record.body)
            _check_text(record.body, record.title, *record.tags)
            _scores(record).validated()
            names = normalize_tags(list(record.tags) + ([STARRED_TAG] if record.starred else []))
        except InvalidInput as exc:
            plan.rejected.append(Rejected(record.place, str(exc)))
            continue
        by_day.setdefault(record.day, []).append((index, record, names))
        plan.tags.update(names)
    plan.entry_records = sum(len(v) for v in by_day.values())
    plan.record_days = len(by_day)
    for day in sorted(by_day):
        _plan_day(plan, day, by_day[day], existing.days.get(day))
    plan.new_tags = sorted(plan.tags - existing.tag_ids.keys())
    seen = set(existing.task_titles)
    for task in parsed.tasks:
        if tick:
            tick()
        try:
            _check_text(task.title, task.notes, task.project or "", *task.tags)
            fields = check_task_fields(
                {
                    "title": task.title,
                    "kind": task.kind,
                    "minutes_per_week": task.minutes_per_week,
                    "notes": task_notes(task),
                }
            )
        except InvalidInput as exc:
            plan.rejected.append(Rejected(task.place, str(exc)))
            continue
        plan.task_records += 1
        key = str(fields["title"]).casefold()
        if key in seen:
            plan.unchanged += 1
            continue
        seen.add(key)
        plan.tasks.append(fields)
    return plan


def _plan_day(
    plan: ImportPlan,
    day: dt.date,
    records: list[tuple[int, EntryRecord, list[str]]],
    old: ExistingDay | None,
) -> None:
    """Append each record's block in time order (untimed ones first, in file order); skip what is there."""
    records = sorted(records, key=lambda r: (r[1].time is not None, r[1].time or dt.time.min, r[0]))
    body = old.body if old else ""
    scores: dict[str, Any] = dict(old.scores) if old else dict.fromkeys(SCORE_COLUMNS)
    tags = set(old.tags) if old else set()
    new_tags: list[str] = []
    adding = 0
    for _index, record, names in records:
        added = False
        block = render_block(record)
        if block and block not in body:
            merged = f"{body.rstrip(chr(10))}\n\n{block}" if body.strip() else block
            if len(merged) > MAX_BODY_CHARS:
                plan.rejected.append(
                    Rejected(
                        record.place,
                        ngettext(
                            "the day's text would pass {count} character",
                            "the day's text would pass {count} characters",
                            MAX_BODY_CHARS,
                        ).format(count=whole(MAX_BODY_CHARS)),
                    )
                )
                continue
            body, added = merged, True
        for name in names:
            if name not in tags:
                tags.add(name)
                new_tags.append(name)
                added = True
        for column in SCORE_COLUMNS:
            value = getattr(record, column)
            if value is not None and scores[column] is None:
                scores[column] = float(value) if column == "hours" else value
                added = True
        if added:
            adding += 1
        else:
            plan.unchanged += 1
    if adding:
        plan.days.append(DayPlan(day, old.id if old else None, body, scores, new_tags, adding))


def render_block(record: EntryRecord) -> str:
    """A record as it goes into the day's text: a heading with its time and title, then its body."""
    text = record.body.strip("\n")
    title = " ".join(record.title.split())
    heading = " · ".join(
        part for part in (record.time.strftime("%H:%M") if record.time else "", title) if part
    )
    if not heading:
        return text if text.strip() else ""
    return f"### {heading}\n\n{text}" if text.strip() else f"### {heading}"


def _check_text(*texts: str) -> None:
    """JSON and YAML escapes can spell lone surrogates (``\\ud800``), which SQLite cannot store."""
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput(
                "text", _("real characters (it holds an escape such as \\ud800 that is not one)")
            ) from None


def _scores(record: EntryRecord) -> Scores:
    return Scores(record.mood, record.energy, record.challenge, record.hours, record.load)


def task_notes(task: TaskRecord) -> str:
    """What the inventory has no column for (project, tags, status, dates) goes first in the notes."""
    # TRANSLATORS: these are written into an imported task's notes: "project: Q3 launch; status: waiting".
    facts = [
        label.format(value=value)
        for label, value in (
            (_("project: {value}"), task.project),
            (_("tags: {value}"), ", ".join(task.tags)),
            (_("status: {value}"), "" if task.status == "pending" else task.status),
            (_("added: {value}"), task.created.isoformat() if task.created else ""),
            (_("due: {value}"), task.due.isoformat() if task.due else ""),
        )
        if value
    ]
    parts = ["; ".join(facts)] if facts else []
    if task.notes.strip():
        parts.append(task.notes.strip())
    return "\n\n".join(parts)
