"""Crossroads' own store (check-ins, applications on plain sqlite3) and what a reading of an earlier day sees of
the other sections, read through their services."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.core.crossroads import store
from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.crossroads.sources import read_goals
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.dates import moment_of
from rutjournal.core.values import Scores

TODAY = dt.date(2026, 11, 26)
KEYS = ["room", "options", "learning", "dread", "followups", "recognition", "energy", "recommend"]


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


@pytest.fixture
def crossroads(db):  # type: ignore[no-untyped-def]
    return Crossroads(db, today=lambda: TODAY)


def stamps(db, table: str, row_id: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(db.path) as conn:
        found = conn.execute(f"SELECT created_at, updated_at FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return found[0], found[1]


# -- the store ---------------------------------------------------------------------------------------------------
def test_a_checkin_is_kept_with_all_its_answers_or_not_at_all(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlite3.IntegrityError):  # the table's CHECK refuses the second answer
        store.save_checkin(db, d(11, 2), {"room": 3, "options": 9}, "half")
    assert store.read_checkins(db) == []
    kept = store.save_checkin(db, d(11, 2), {"room": 3, "options": 4}, "whole")
    with pytest.raises(sqlite3.IntegrityError):  # replacing it half-way leaves the one kept as it was
        store.save_checkin(db, d(11, 2), {"room": 5, "options": 0}, "broken")
    [only] = store.read_checkins(db)
    assert (only.id, only.note, only.answers) == (kept, "whole", {"options": 4, "room": 3})


def test_replacing_a_checkin_keeps_its_id_and_creation_and_moves_its_update(crossroads, db) -> None:  # type: ignore[no-untyped-def]
    first = crossroads.save_checkin(d(11, 2), dict.fromkeys(KEYS, 2), "bad week")
    created, updated = stamps(db, "checkins", first)
    assert created == updated and moment_of(created).year >= 2026
    assert crossroads.save_checkin(d(11, 2), dict.fromkeys(KEYS, 4), "better") == first
    again = stamps(db, "checkins", first)
    assert again[0] == created and again[1] > updated


def test_an_application_change_that_changes_nothing_writes_nothing(crossroads, db) -> None:  # type: ignore[no-untyped-def]
    app = crossroads.add_application("Acme", "Analyst", stage="applied", notes="referral")
    created, updated = stamps(db, "applications", app)
    assert created == updated
    same = crossroads.update_application(app, stage="applied", notes="referral")
    assert stamps(db, "applications", app) == (created, updated)
    moved = crossroads.update_application(app, stage="interview")
    assert (same.stage, moved.stage, moved.notes, moved.applied_on) == (
        "applied",
        "interview",
        "referral",
        TODAY,
    )
    assert stamps(db, "applications", app)[1] > updated


def test_writing_a_checkin_or_an_application_imports_no_orm(db) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys, datetime as dt; from pathlib import Path; "
        "from rutjournal.core.storage.db import open_database; "
        "from rutjournal.core.crossroads.service import Crossroads; "
        f"x = Crossroads(open_database(Path({str(db.path)!r}))); "
        "x.save_checkin(dt.date(2026, 11, 2), {q.key: 3 for q in x.questions()}); "
        "a = x.add_application('Acme', 'Analyst'); x.update_application(a, stage='offer'); x.verdict(); "
        "print('sqlalchemy' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


# -- the other sections' data, as of a day -----------------------------------------------------------------------
def test_the_scores_of_a_span_leave_out_the_days_outside_it(db) -> None:  # type: ignore[no-untyped-def]
    with db.reader() as conn:
        conn.executemany(
            "INSERT INTO entries (day, body, mood, hours, created_at, updated_at) VALUES (?, '', ?, ?, 'x', 'x')",
            [("2026-08-28", 1, None), ("2026-08-29", 2, 7), ("2026-11-26", 4, None), ("2026-11-27", 5, 9)],
        )
    assert Journal(db).scores_between(d(8, 29), TODAY) == {
        d(8, 29): Scores(mood=2, hours=7.0),
        d(11, 26): Scores(mood=4),
    }
    # the 90 days up to today start on 29 August: the day before is not read, so it is not a day with a mood
    assert Crossroads(db, today=lambda: TODAY).evidence().mood_days == 2


def test_a_goals_last_progress_is_the_later_of_its_milestones_and_percentages_by_the_day(db) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.grow.service import Grow

    grow = Grow(db, today=lambda: d(10, 1))
    grow.set_target("Lead")
    gap = grow.add_gap("SQL", "skill")
    ticked, measured, _quiet = (grow.add_goal(t, gap, started_on=d(9, 1)) for t in ("a", "b", "c"))
    grow.set_milestone_done(grow.add_milestone(ticked, "one"), on=d(10, 5))
    grow.set_milestone_done(grow.add_milestone(ticked, "two"), on=d(11, 10))
    grow.update_goal(measured, manual_percent=20)  # recorded on 1 October
    grow.set_milestone_done(grow.add_milestone(measured, "three"), on=d(9, 20))

    def last(day: dt.date) -> list[dt.date | None]:
        return [goal.last_progress for goal in read_goals(grow, day)]

    assert last(TODAY) == [d(11, 10), d(10, 1), None]  # ticked, measured, quiet
    assert last(d(10, 7)) == [d(10, 5), d(10, 1), None]
    assert last(d(9, 30)) == [None, d(9, 20), None]


def test_a_reading_of_an_earlier_day_sees_the_other_sections_as_they_were_then(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.guidance.service import Guidance

    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Lead")
    gap = grow.add_gap("SQL", "skill")
    goal = grow.add_goal("Course", gap, started_on=d(8, 1))
    grow.set_milestone_done(grow.add_milestone(goal, "one"), on=d(11, 20))  # progress after 27 October only
    grow.add_goal("Mentor", gap, started_on=d(11, 1))  # not yet started on 27 October
    guidance = Guidance(db, today=lambda: TODAY)
    talk = guidance.add_conversation(d(10, 1), "Dana", "boss", held=True)
    owed = guidance.add_followup(talk, "Confirm budget", "them", due=d(10, 20))
    guidance.set_followup_done(owed, on=d(11, 15))  # late, but done by today
    guidance.add_conversation(d(11, 10), "HR", "hr", held=True)
    guidance.add_promotion(d(10, 5), "granted")
    guidance.add_promotion(d(11, 5), "refused", reason="no budget")

    now = {s.key: s for s in crossroads.read()[0]}
    then = {s.key: s for s in crossroads.read(d(10, 27))[0]}
    assert (now["goals"].value, then["goals"].value) == ("0 of 2 open goals", "1 of 1 open goal")
    assert now["followups"].value == "0 of 1 follow-up past due"
    assert (then["followups"].value, then["followups"].direction) == ("1 of 1 follow-up past due", "worse")
    assert (now["guidance"].value, then["guidance"].value) == ("2 conversations held", "1 conversation held")
    assert now["promotion"].value == "1, latest reason: no budget"
    assert (then["promotion"].value, then["promotion"].direction) == ("none, 1 promotion granted", "better")
