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
from rutjournal.core.journal import store
from rutjournal.core.load import store as load_store
from rutjournal.core.load.service import check_task_fields
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
        verb = "Imported" if done else "Would import"
        out = [
            f"{self.entry_records:,} journal record{_s(self.entry_records)} on {self.record_days:,} "
            f"day{_s(self.record_days)}, {len(self.tags):,} tag{_s(len(self.tags))}, "
            f"{self.task_records:,} task{_s(self.task_records)}",
            f"{verb}: {self.new_days:,} new day{_s(self.new_days)}, {self.merged_days:,} added to days you "
            f"already have, {len(self.new_tags):,} new tag{_s(len(self.new_tags))}, "
            f"{len(self.tasks):,} new task{_s(len(self.tasks))}",
        ]
        if self.unchanged:
            out.append(
                f"{self.unchanged:,} record{_s(self.unchanged)} already there "
                f"({'nothing was' if done else 'nothing would be'} added for {_them(self.unchanged)})"
            )
        return out

    def lines(self, *, done: bool = False, limit: int = 20) -> list[str]:
        """The preview (or, with ``done``, the result) in plain sentences, one per line."""
        summary = self.summary_lines(done=done)
        out = [f"{self.format} file {self.path}", f"  {summary[0]}", summary[1]]
        out.extend(f"  {line}" for line in summary[2:])
        for title, items in (("Rejected", self.rejected), ("Skipped", self.skipped)):
            if items:
                out.append(f"{title}: {len(items):,} record{_s(len(items))}")
                out.extend(f"  {item.place}: {item.reason}" for item in items[:limit])
                if len(items) > limit:
                    out.append(f"  … and {len(items) - limit:,} more")
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


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _them(n: int) -> str:
    return "it" if n == 1 else "them"


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
                    Rejected(record.place, f"the day's text would pass {MAX_BODY_CHARS:,} characters")
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
                "text", "real characters (it holds an escape such as \\ud800 that is not one)"
            ) from None


def _scores(record: EntryRecord) -> Scores:
    return Scores(record.mood, record.energy, record.challenge, record.hours, record.load)


def task_notes(task: TaskRecord) -> str:
    """What the inventory has no column for (project, tags, status, dates) goes first in the notes."""
    facts = [
        f"{label}: {value}"
        for label, value in (
            ("project", task.project),
            ("tags", ", ".join(task.tags)),
            ("status", "" if task.status == "pending" else task.status),
            ("added", task.created.isoformat() if task.created else ""),
            ("due", task.due.isoformat() if task.due else ""),
        )
        if value
    ]
    parts = ["; ".join(facts)] if facts else []
    if task.notes.strip():
        parts.append(task.notes.strip())
    return "\n\n".join(parts)
