"""Planning and writing an import: merge rules, idempotence, all-or-nothing, cancel."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.importers.apply import apply_import, preview_import
from rutjournal.core.transfer.importers.jrnl import parse
from rutjournal.core.transfer.importers.records import (
    EntryRecord,
    ImportCancelled,
    ParsedFile,
    Rejected,
    TaskRecord,
)
from rutjournal.core.values import Scores

FIXTURE = Path(__file__).parents[2] / "fixtures" / "imports" / "jrnl" / "export.json"
D = dt.date(2023, 1, 5)


def dump(db: Database) -> list[str]:
    """Every row of every table (the search index included), to compare a journal before and after."""
    conn = sqlite3.connect(db.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def record(body: str, place: str = "r", day: dt.date = D, **kw: object) -> EntryRecord:
    return EntryRecord(day=day, body=body, place=place, **kw)  # type: ignore[arg-type]


def parsed(*entries: EntryRecord, tasks: tuple[TaskRecord, ...] = ()) -> ParsedFile:
    return ParsedFile("test", Path("test.json"), entries=list(entries), tasks=list(tasks))


def test_the_real_jrnl_export_goes_in_by_day_in_time_order(db: Database, journal: Journal) -> None:
    plan = apply_import(db, parse(FIXTURE))
    assert (plan.entry_records, plan.record_days, plan.new_days, plan.merged_days) == (8, 5, 5, 0)
    day = journal.get(D)
    assert day is not None
    headings = [line for line in day.body.splitlines() if line.startswith("### ")]
    assert headings == [
        "### 09:14 · Standup ran long.",
        "### 12:05 · Lunch with Priya — she moved to the data team last year and loves it.",
        "### 17:40 · Asked Dana about the analytics project.",
    ]
    assert "Café crème, naïve me" in day.body
    assert day.tags == ("busywork", "growth", "mentor", "starred", "work")
    evening = journal.get(dt.date(2023, 2, 15))
    assert evening is not None and "早上好" in evening.body and "- shipped the dashboard" in evening.body
    weekend = journal.get(dt.date(2023, 1, 7))
    assert weekend is not None and "📚" in weekend.body and "starred" not in weekend.tags
    promo = journal.get(dt.date(2023, 2, 14))
    assert promo is not None and promo.tags == ("promotion", "starred", "work")
    with db.reader() as conn:  # the search index was kept in step, tags included
        hits = conn.execute("SELECT rowid FROM entry_search WHERE entry_search MATCH 'Priya AND starred'")
        assert [r[0] for r in hits] == [day.id]


def test_importing_the_same_file_twice_adds_nothing(db: Database) -> None:
    apply_import(db, parse(FIXTURE))
    before = dump(db)
    again = preview_import(db, parse(FIXTURE))
    assert (again.new_days, again.merged_days, again.unchanged, again.new_tags) == (0, 0, 8, [])
    assert not again.changes_anything
    apply_import(db, parse(FIXTURE))
    assert dump(db) == before


def test_a_day_with_text_keeps_it_and_gains_the_import_after_it(db: Database, journal: Journal) -> None:
    journal.save(D, "My own words.", Scores(mood=2), ["mine"])
    plan = apply_import(db, parsed(record("Imported words.", time=dt.time(9, 0), mood=5, energy=4)))
    assert (plan.new_days, plan.merged_days) == (0, 1)
    day = journal.get(D)
    assert day is not None
    assert day.body == "My own words.\n\n### 09:00\n\nImported words."
    assert (day.scores.mood, day.scores.energy) == (2, 4)  # a score is set only where it was blank
    assert day.tags == ("mine",)
    apply_import(db, parsed(record("More.", time=dt.time(10, 0), tags=("new",))))
    with db.reader() as conn:  # the search index follows the merged text and the added tag
        hits = conn.execute("SELECT rowid FROM entry_search WHERE entry_search MATCH 'own AND more AND new'")
        assert [r[0] for r in hits] == [day.id]


def test_untimed_records_keep_file_order_and_a_first_score_wins(db: Database, journal: Journal) -> None:
    apply_import(
        db,
        parsed(
            record("late", time=dt.time(21, 0), mood=1, tags=("b",)),
            record("second untimed", mood=4),
            record("first untimed", tags=("A",)),
        ),
    )
    day = journal.get(D)
    assert day is not None
    assert day.body == "second untimed\n\nfirst untimed\n\n### 21:00\n\nlate"
    assert day.scores.mood == 4 and day.tags == ("a", "b")


def test_bad_records_are_rejected_with_their_place_and_the_rest_goes_in(
    db: Database, journal: Journal
) -> None:
    plan = apply_import(
        db,
        parsed(
            record("fine"),
            record("too happy", place="entry 2", mood=7),
            record("too long", place="entry 3", hours=30.0),
            record("bad tag", place="entry 4", tags=("x" * 80,)),
        ),
    )
    assert [r.place for r in plan.rejected] == ["entry 2", "entry 3", "entry 4"]
    assert "mood: must be a whole number from 1 to 5" in plan.rejected[0].reason
    assert "entry 2: mood" in "\n".join(plan.lines())
    day = journal.get(D)
    assert day is not None and day.body == "fine" and day.scores == Scores()


def test_tasks_go_to_the_inventory_once(db: Database) -> None:
    Load(db).add("Weekly status report")
    tasks = (
        TaskRecord("weekly STATUS report", "task 1"),
        TaskRecord("Fix the build", "task 2", project="infra", tags=("ci",), due=dt.date(2024, 5, 1)),
        TaskRecord("fix the build", "task 3"),
        TaskRecord("", "task 4"),
    )
    plan = apply_import(db, parsed(tasks=tasks))
    assert (plan.task_records, len(plan.tasks), plan.unchanged) == (3, 1, 2)
    assert [r.place for r in plan.rejected] == ["task 4"]
    added = [t for t in Load(db).tasks() if t.title == "Fix the build"]
    assert len(added) == 1
    assert (added[0].in_jd, added[0].decision) == ("yes", "undecided")
    assert added[0].notes == "project: infra; tags: ci; due: 2024-05-01"
    assert apply_import(db, parsed(tasks=tasks)).tasks == []


def test_a_failure_half_way_leaves_the_journal_as_it_was(
    db: Database, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.save(D, "Keep me.", Scores(mood=3), ["mine"])
    before = dump(db)
    from rutjournal.core.transfer.importers import apply

    real = apply._write_tasks  # the last write: the journal's days are in by then

    def failing_write(*args: object) -> None:
        real(*args)  # type: ignore[arg-type]
        raise OSError("disk full")  # after every row is in, before the commit

    monkeypatch.setattr(apply, "_write_tasks", failing_write)
    with pytest.raises(OSError):
        apply_import(db, parse(FIXTURE))
    assert dump(db) == before


def test_cancel_rolls_back_everything(db: Database, journal: Journal) -> None:
    journal.save(D, "Keep me.", Scores(), [])
    before = dump(db)
    seen: list[tuple[int, int]] = []
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 12  # well into the writes, after the planning

    with pytest.raises(ImportCancelled):
        apply_import(db, parse(FIXTURE), progress=lambda d, t: seen.append((d, t)), cancelled=cancelled)
    assert dump(db) == before
    assert seen and all(t == 16 for _, t in seen) and seen[-1][0] >= 8


def test_progress_reaches_the_total(db: Database) -> None:
    seen: list[tuple[int, int]] = []
    apply_import(db, parse(FIXTURE), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (16, 16)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_preview_counts_and_lists_without_writing(db: Database, journal: Journal) -> None:
    journal.save(D, "Mine.", Scores(), [])
    before = dump(db)
    file = parse(FIXTURE)
    file.rejected.append(Rejected("entry 99", "the date 2023-02-30 does not exist on the calendar"))
    file.skipped.append(Rejected("entry 100", "a photo-only entry"))
    plan = preview_import(db, file)
    assert (plan.new_days, plan.merged_days, len(plan.tags)) == (4, 1, 7)
    text = "\n".join(plan.lines())
    assert "8 journal records on 5 days, 7 tags, 0 tasks" in text
    assert "Would import: 4 new days, 1 added to days you already have" in text
    assert "entry 99: the date 2023-02-30 does not exist" in text
    assert "Skipped: 1 record\n  entry 100: a photo-only entry" in text
    assert dump(db) == before
    assert preview_import(None, file).new_days == 5
