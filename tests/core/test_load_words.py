"""The Load section's sentences: decisions with their state, counts by kind, totals that say what they leave out."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.load.service import Load, summarize
from rutjournal.core.load.words import (
    decision_detail,
    decision_label,
    decision_tone,
    declined_sentence,
    kinds_count,
    summary_explanations,
)


@pytest.fixture
def load(db) -> Load:  # type: ignore[no-untyped-def]
    return Load(db)


def test_a_decision_says_whether_it_is_done(load: Load) -> None:
    task = load.add("Status report", minutes_per_week=120)
    assert (decision_label(load.get(task)), decision_tone(load.get(task))) == ("Undecided", "muted")
    load.decide(task, "delegate", to="Sam", on=dt.date(2026, 11, 2))
    assert (decision_label(load.get(task)), decision_tone(load.get(task))) == ("Delegate", "warn")
    assert decision_detail(load.get(task)) == (
        "Decided on Mon 2 Nov 2026 to delegate it to Sam; not carried out yet. "
        "Mark it done once it has happened. 2 h/week will be freed."
    )
    load.done(task, on=dt.date(2026, 11, 9))
    assert (decision_label(load.get(task)), decision_tone(load.get(task))) == ("Delegated · done", "good")
    assert decision_detail(load.get(task)) == (
        "Delegated to Sam: decided on Mon 2 Nov 2026, done on Mon 9 Nov 2026. 2 h/week freed."
    )
    load.decide(task, "keep")
    assert (decision_label(load.get(task)), decision_tone(load.get(task))) == ("Keep", "plain")


def test_what_was_declined_is_named_by_its_kind(load: Load) -> None:
    assert declined_sentence(load.tasks()) == (
        "Nothing declined yet. Set a meeting or project to “decline”, with a reason."
    )
    chore = load.add("Filing", minutes_per_week=60)
    load.decide(chore, "decline")
    assert declined_sentence(load.tasks()) == "You declined 1 task: 1 h/week back once you mark it done."
    load.done(chore)
    assert declined_sentence(load.tasks()) == "You declined 1 task: 1 h/week back."
    for title in ("Vendor sync", "Steering call"):
        load.decide(load.add(title, kind="meeting", minutes_per_week=90), "decline")
    load.decide(load.add("Migration", kind="project", minutes_per_week=0), "decline")
    assert kinds_count(load.tasks()) == "1 task, 2 meetings and 1 project"
    assert declined_sentence(load.tasks()) == (
        "You declined 1 task, 2 meetings and 1 project: 1 h/week back, 3 h/week more once the rest are "
        "marked done."
    )


def test_a_share_nobody_rated_is_no_share(load: Load) -> None:
    load.add("Forecast", minutes_per_week=600)
    load.add("Filing", minutes_per_week=0)
    summary = summarize(load.tasks())
    assert summary.enjoyed_share is None  # not 0 %: nothing was rated
    assert (summary.plate_tasks, summary.untimed) == (2, 1)
    said = summary_explanations(load.tasks())
    assert said["plate"].startswith("10 h/week across 2 tasks on your plate")
    assert said["plate"].endswith("1 task has no hours yet and is not counted.")
    assert said["enjoyed"].startswith("Rate how much you enjoy your tasks")
    load.update(load.tasks()[0].id, enjoyment=1)
    assert summarize(load.tasks()).enjoyed_share == 1.0
    assert summary_explanations(load.tasks())["enjoyed"] == (
        "10 h/week of your 10 h/week on tasks you rated +1 or +2: 100 %."
    )


def test_the_totals_count_the_tasks_they_are_made_of(load: Load) -> None:
    done = load.add("Report", minutes_per_week=120)
    load.decide(done, "drop")
    load.done(done)
    load.add("Forecast", minutes_per_week=60)
    said = summary_explanations(load.tasks())
    assert said["plate"].startswith("1 h/week across 1 task on your plate")  # the dropped one is off it
    assert said["freed"].startswith("2 h/week from 1 task handed off")
    assert said["meetings"] == "0 h/week in 0 meetings still on your plate."


def test_a_brain_dump_merged_into_listed_tasks_is_one_transaction(load: Load) -> None:
    listed = load.add("Status report", minutes_per_week=0)
    ids = load.add_many([{"title": "Filing", "minutes_per_week": 30}], new_minutes={listed: 120})
    assert [(t.title, t.minutes_per_week) for t in load.tasks()] == [("Status report", 120), ("Filing", 30)]
    from rutjournal.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        load.add_many([{"title": "Expenses"}], new_minutes={404: 60})
    with pytest.raises(InvalidInput):
        load.add_many([{"title": "Expenses"}], new_minutes={listed: 99_999})
    assert [t.title for t in load.tasks()] == ["Status report", "Filing"] and len(ids) == 1
    assert load.get(listed).minutes_per_week == 120
