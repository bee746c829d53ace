"""Is a typed task already in the inventory? Same words, a small slip, not a different number."""

from __future__ import annotations

import pytest

from rutjournal.core.load.service import Load
from rutjournal.core.load.task_match import find_match, title_key


@pytest.fixture
def listed(db):  # type: ignore[no-untyped-def]
    load = Load(db)
    for title in ("Weekly status report", "Team stand-up", "Q3 report", "Call", "Budget review"):
        load.add(title, minutes_per_week=60)
    return load.tasks()


def test_a_title_key_is_its_words_in_lower_case() -> None:
    assert title_key("  Team Stand-up!! ") == "team stand up"


@pytest.mark.parametrize(
    ("typed", "listed_title", "exact"),
    [
        ("weekly status report", "Weekly status report", True),
        ("Weekly  status report.", "Weekly status report", True),
        ("Team standup", "Team stand-up", True),
        ("Weekly status reports", "Weekly status report", False),
        ("Weekly status reprot", "Weekly status report", False),
        ("review budget", "Budget review", False),
        ("call", "Call", True),
    ],
)
def test_the_same_task_is_found_whatever_the_small_differences(
    listed, typed: str, listed_title: str, exact: bool
) -> None:  # type: ignore[no-untyped-def]
    match = find_match(typed, listed)
    assert match is not None and match.task.title == listed_title and match.exact is exact


@pytest.mark.parametrize("typed", ["Q4 report", "Calls", "Budget review meeting", "Vendor audit", ""])
def test_a_different_task_is_not_taken_for_a_listed_one(listed, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert find_match(typed, listed) is None
