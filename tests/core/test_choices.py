"""The allowed-value lists of ``core.choices``: each value once, the subsets inside their lists, and the label
tables of the window and the command line naming exactly the stored values."""

from __future__ import annotations

import pytest

from rutjournal.core import choices
from rutjournal.core.crossroads.tracker import STAGE_LABELS
from rutjournal.core.guidance.rules import OPTION_LABELS, OUTCOME_LABELS, OWNER_LABELS, ROLE_LABELS

LISTS = {
    name: value
    for name, value in vars(choices).items()
    if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value)
}
RANGES = {
    name: value
    for name, value in vars(choices).items()
    if name.isupper() and isinstance(value, tuple) and all(isinstance(v, int) for v in value)
}


def test_every_list_and_range_is_found() -> None:
    assert len(LISTS) == 14 and len(RANGES) == 6, (sorted(LISTS), sorted(RANGES))


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_value_is_stored_once_as_a_plain_word(name: str) -> None:
    values = LISTS[name]
    assert values and len(set(values)) == len(values)
    assert all(v and v == v.strip().lower() and "'" not in v for v in values)  # safe inside a CHECK's quotes


@pytest.mark.parametrize("name", sorted(RANGES))
def test_each_range_runs_low_to_high(name: str) -> None:
    low, high = RANGES[name]
    assert low < high


def test_the_subsets_lie_inside_their_lists() -> None:
    assert set(choices.FREEING) < set(choices.DECISIONS) and choices.DECISIONS[0] not in choices.FREEING
    assert set(choices.CLOSED_STATUSES) < set(choices.GOAL_STATUSES)


def test_the_label_tables_name_exactly_the_stored_values() -> None:
    assert tuple(STAGE_LABELS) == choices.STAGES
    assert tuple(ROLE_LABELS) == choices.ROLES and tuple(OPTION_LABELS) == choices.OPTION_KINDS
    assert tuple(OWNER_LABELS) == choices.OWNERS and tuple(OUTCOME_LABELS) == choices.OUTCOMES
