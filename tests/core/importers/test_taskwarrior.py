"""Taskwarrior's `task export`, read from a file written by Taskwarrior 2.6.2 itself."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rutjournal.core.transfer.importers import taskwarrior
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions

EXPORT = Path(__file__).parents[2] / "fixtures" / "imports" / "taskwarrior" / "export.json"


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Taskwarrior writes UTC; the calendar day is the local one, so the tests fix the local zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "tasks.json"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_real_export_gives_the_tasks_on_your_plate() -> None:
    parsed = taskwarrior.parse(EXPORT, ImportOptions())
    assert parsed.format == "taskwarrior"
    assert parsed.rejected == []
    assert parsed.entries == []
    tasks = {t.title: t for t in parsed.tasks}
    assert list(tasks) == [
        "Weekly status report",
        "Team meeting",
        "Review Zoë's pull requests — café order ☕",
        "Fix the printer again",
        "Prepare promotion case",
    ]
    report = tasks["Weekly status report"]
    assert report.place.startswith("task 1 (uuid ")
    assert (report.kind, report.minutes_per_week, report.project, report.status) == (
        "task",
        0,
        "Admin",
        "pending",
    )
    assert report.tags == ("report",)
    assert (report.created, report.due) == (dt.date(2024, 1, 2), dt.date(2024, 1, 12))
    lines = report.notes.splitlines()
    assert lines[:2] == ["Project: Admin", "Due: 2024-01-12"]
    assert lines[2].endswith(": Boss wants it by Friday noon")  # dated by the annotation
    assert dt.date.fromisoformat(lines[2][:10])
    assert lines[3].startswith("Taskwarrior uuid: ")
    meeting = tasks["Team meeting"]
    assert (meeting.kind, meeting.status, meeting.due) == ("meeting", "recurring", dt.date(2030, 1, 7))
    assert "Recurs: weekly" in meeting.notes
    review = tasks["Review Zoë's pull requests — café order ☕"]
    assert (review.project, review.tags, review.due) == ("Dev.Reviews", ("dev", "review"), None)
    printer = tasks["Fix the printer again"]
    assert printer.project is None
    assert [line.split(": ", 1)[1] for line in printer.notes.splitlines()[:2]] == [
        "Asked IT for a new one",
        "IT said no budget",
    ]
    assert "Waiting until: 2099-01-01" in tasks["Prepare promotion case"].notes


def test_finished_tasks_and_occurrences_of_a_recurring_one_are_skipped_with_why() -> None:
    parsed = taskwarrior.parse(EXPORT, ImportOptions())
    raw = json.loads(EXPORT.read_text(encoding="utf-8"))
    ended = {t["description"]: t["end"] for t in raw if "end" in t}
    reasons = [r.reason for r in parsed.skipped]
    assert len(reasons) == 3
    assert (
        reasons[0]
        == "one occurrence of the recurring task 'Team meeting': the recurring task is imported once"
    )
    day = dt.datetime.strptime(ended["Expense claims"], "%Y%m%dT%H%M%SZ").date()
    assert reasons[1] == f"completed in Taskwarrior on {day}: not on your plate ('Expense claims')"
    assert reasons[2].startswith("deleted in Taskwarrior on ")
    assert all("(uuid " in r.place for r in parsed.skipped)


def test_an_occurrence_whose_template_is_not_in_the_file_is_imported(tmp_path: Path) -> None:
    task = {
        "uuid": "u1",
        "description": "Standup",
        "status": "pending",
        "parent": "elsewhere",
        "tags": ["Meeting"],
    }
    [record] = taskwarrior.parse(write(tmp_path, [task]), ImportOptions()).tasks
    assert (record.title, record.kind) == ("Standup", "meeting")


def test_utc_times_become_the_local_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    path = write(tmp_path, [{"description": "x", "status": "pending", "due": "20240112T030000Z"}])
    assert taskwarrior.parse(path, ImportOptions()).tasks[0].due == dt.date(2024, 1, 11)


def test_one_object_per_line_without_brackets(tmp_path: Path) -> None:
    lines = [json.dumps({"description": f"task {n}", "status": "pending"}) for n in (1, 2)]
    parsed = taskwarrior.parse(write(tmp_path, "\n".join([*lines, "not json"]) + "\n"), ImportOptions())
    assert [t.title for t in parsed.tasks] == ["task 1", "task 2"]
    assert [(r.place, r.reason) for r in parsed.rejected] == [("line 3", "is not a JSON task object")]


def test_broken_tasks_are_rejected_with_their_number_and_the_rest_import(tmp_path: Path) -> None:
    tasks: list[object] = [
        {"uuid": "a", "description": "ok", "status": "pending"},
        {"uuid": "b", "description": "  ", "status": "pending"},
        {"uuid": "c", "description": "bad due", "status": "pending", "due": "20240230T000000Z"},
        {"uuid": "d", "description": "odd due", "status": "pending", "due": "next week"},
        {"uuid": "e", "description": "odd status", "status": "archived"},
        {"uuid": "f", "description": "tags", "status": "pending", "tags": "work"},
        {"uuid": "g", "description": "annotations", "status": "pending", "annotations": [{"entry": 5}]},
        {"uuid": "h", "description": "project", "status": "pending", "project": 7},
        {"uuid": "i", "description": "surrogate \ud800", "status": "pending"},
        [1, 2],
        "text",
        {"uuid": "j", "description": "status list", "status": ["pending"]},
    ]
    parsed = taskwarrior.parse(write(tmp_path, tasks), ImportOptions())
    assert [t.title for t in parsed.tasks] == ["ok"]
    reasons = {r.place: r.reason for r in parsed.rejected}
    assert list(reasons) == [
        "task 2 (uuid b)",
        "task 3 (uuid c)",
        "task 4 (uuid d)",
        "task 5 (uuid e)",
        "task 6 (uuid f)",
        "task 7 (uuid g)",
        "task 8 (uuid h)",
        "task 9 (uuid i)",
        "task 10",
        "task 11",
        "task 12 (uuid j)",
    ]
    assert reasons["task 2 (uuid b)"] == "has no description"
    assert "does not exist" in reasons["task 3 (uuid c)"]
    assert "'next week'" in reasons["task 4 (uuid d)"]
    assert "'archived'" in reasons["task 5 (uuid e)"]


def test_a_long_description_is_shortened_into_the_title_and_kept_whole_in_the_notes(tmp_path: Path) -> None:
    description = "word " * 100
    [task] = taskwarrior.parse(write(tmp_path, [{"description": description}]), ImportOptions()).tasks
    assert len(task.title) == 200 and task.title.endswith("…")
    assert task.notes.splitlines()[0] == description.strip()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("", "empty"),
        ("  \n", "empty"),
        ('[{"description": "cut', "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
        ('{"tasks": []}', "not a Taskwarrior export"),
        ("garbage\nmore garbage\n", "not a Taskwarrior export"),
        (b"[\xff\xfe]", "not UTF-8"),
    ],
)
def test_unreadable_files_raise_the_importers_error(tmp_path: Path, data: str | bytes, match: str) -> None:
    with pytest.raises(ImportFileError, match=match):
        taskwarrior.parse(write(tmp_path, data), ImportOptions())


def test_bom_and_empty_array(tmp_path: Path) -> None:
    assert taskwarrior.parse(write(tmp_path, "\ufeff[]".encode()), ImportOptions()).tasks == []
