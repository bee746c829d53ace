"""What the Crossroads signals read from the other sections, as of a day, asked of their services and never of
their tables: the daily scores of the journal (``journal_reads``, until the journal's service offers it), the
goals of the active target (Grow, with ``grow_reads`` for their last progress), and the conversations with their
follow-ups and the promotions (Guidance). Load's inventory is read apart (``Crossroads.load_facts``): it has no
history to ask about.

The scores are read over the 90 days up to the day and no further — the longest span a signal looks at (the
Monday dread; the trends take 60, the levels 30) — so a reading costs the same in a journal of ten years as in
one of ten weeks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rutjournal.core.crossroads.numbers import DREAD_DAYS
from rutjournal.core.storage.db import Database

if TYPE_CHECKING:  # the services are imported when a reading is made, not when the window asks if one is due
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.guidance.service import ConversationView, PromotionView

SCORES = ("mood", "energy", "challenge", "hours", "load")


@dataclass(frozen=True)
class GoalState:
    """A goal of the active target as the stalled-goal signal reads it on a day."""

    status: str
    started_on: dt.date
    due: dt.date | None
    last_progress: dt.date | None  # the last milestone done or percentage recorded by that day


@dataclass(frozen=True)
class Sources:
    """The other sections' data behind one reading; every list holds only what existed by its day."""

    scores: dict[str, dict[dt.date, float]]  # by name (SCORES): the last 90 days, a blank left out (never 0)
    goals: list[GoalState]  # the active target's, started by the day
    conversations: list[ConversationView]  # dated by the day, held or not, with their follow-ups
    promotions: list[PromotionView]  # dated by the day, the oldest first


def read_sources(db: Database, day: dt.date) -> Sources:
    """The other sections' data as of ``day`` (today, or the day of the last reading)."""
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.guidance.service import Guidance

    guidance = Guidance(db, today=lambda: day)
    return Sources(
        scores=read_scores(db, day),
        goals=read_goals(Grow(db, today=lambda: day), day),
        conversations=[c for c in guidance.conversations() if c.day <= day],
        promotions=[p for p in reversed(guidance.promotions()) if p.day <= day],
    )


def read_scores(db: Database, day: dt.date) -> dict[str, dict[dt.date, float]]:
    """Each daily score of the 90 days up to ``day``, by name, then by day; the days left blank are not in it."""
    from rutjournal.core.journal.service import Journal

    days = Journal(db).scores_between(day - dt.timedelta(days=DREAD_DAYS - 1), day)
    found: dict[str, dict[dt.date, float]] = {name: {} for name in SCORES}
    for when, scores in days.items():
        for name in SCORES:
            value = getattr(scores, name)
            if value is not None:
                found[name][when] = value
    return found


def read_goals(grow: Grow, day: dt.date) -> list[GoalState]:
    """The active target's goals started by ``day``, each with its last progress by then (their status is
    today's: Grow keeps no history of it)."""
    return [
        GoalState(goal.status, goal.started_on, goal.due, goal.last_activity(day))
        for goal in grow.goal_histories()
        if goal.started_on <= day
    ]
