"""What the document may hold for a column, checked as the schema would (records_table.checked)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from rutjournal.core.sync.records_table import BY_NAME, Invalid, checked, plain


def column(table: str, name: str) -> Any:
    return next(c for c in BY_NAME[table].columns if c.name == name)


@pytest.mark.parametrize(
    ("table", "name", "value", "expected"),
    [
        ("tasks", "minutes_per_week", 90.0, 90),  # the engine gives numbers back as floats
        ("tasks", "enjoyment", None, None),
        ("tasks", "kind", "meeting", "meeting"),
        ("tasks", "decided_on", "2026-05-02", "2026-05-02"),
        ("task_events", "at", "2026-05-02T09:15:02", "2026-05-02 09:15:02.000000"),
        ("task_events", "done", True, True),
        ("goals", "manual_percent", 100, 100),
    ],
)
def test_a_value_the_schema_takes_is_kept(table: str, name: str, value: Any, expected: Any) -> None:
    assert checked(column(table, name), value) == expected


@pytest.mark.parametrize(
    ("table", "name", "value"),
    [
        ("tasks", "minutes_per_week", 7.5),
        ("tasks", "minutes_per_week", math.nan),
        ("tasks", "minutes_per_week", math.inf),
        ("tasks", "minutes_per_week", True),  # a bool is no number here
        ("tasks", "enjoyment", 3),
        ("tasks", "kind", "chore"),
        ("tasks", "title", None),
        ("tasks", "title", 7),
        ("tasks", "decided_on", "2026-02-30"),
        ("task_events", "done", 1),
        ("goal_progress", "percent", 101),
        ("applications", "stage", "hired"),
    ],
)
def test_a_value_the_schema_refuses_is_invalid(table: str, name: str, value: Any) -> None:
    with pytest.raises(Invalid):
        checked(column(table, name), value)


def test_a_cell_read_from_sqlite_reads_as_the_document_holds_it() -> None:
    at = column("task_events", "at")
    assert plain(at, "2026-05-02 09:15:02.000000") == checked(at, "2026-05-02 09:15:02")
    assert plain(column("task_events", "done"), 0) is False
