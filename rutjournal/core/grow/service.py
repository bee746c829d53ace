"""The Grow service: a target role, the gaps between today and it, goals that close them, and the proof.

The rules (pure functions in ``rules``, each tested on its own; a goal's dated history in ``activity``):

- A goal's progress is the share of its milestones done; with no milestones, its manual percentage / 100; with
  neither, 0. A goal whose status is done counts 1.0 whatever its milestones say.
- A gap's progress is the mean of its goals' progress, dropped goals left out; None when no goal counts.
  A target's progress is the mean of its gaps', a gap with no goal that counts yet counting as 0 (its whole way
  is still ahead); ``progress_basis`` says so in words. None only when no gap has been named.
- Pace, for active goals with a due date only: expected = days since the start / days from start to due,
  clamped to 0..1. On track when progress ≥ expected − 0.10, at risk when ≥ expected − 0.25, else off track.
- A goal is overdue when its due date is before today and it is neither done nor dropped. A goal may start in
  the past (one already under way when it is entered); its due date may not precede its start.
- The summary counts the goals of the active target; evidence and challenges are counted over all time, and a
  challenge is granted when its answer is yes.

Every check happens before anything is written: a bad value raises InvalidInput naming the field and what is
allowed. The SQL is in ``store``: reads run on ``db.reader()``, each write in one ``db.writer()`` transaction, so
nothing here imports SQLAlchemy. "Today" comes from the ``today`` callable, so tests run on a fixed clock.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from types import EllipsisType
from typing import TypeVar

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow import store
from rutjournal.core.grow.activity import GoalHistory
from rutjournal.core.grow.rules import (
    ANSWERS,
    EVIDENCE_KINDS,
    GAP_CHECKS,
    GOAL_CHECKS,
    ChallengeView,
    EvidenceView,
    GapView,
    GoalView,
    GrowSummary,
    MilestoneView,
    Pace,
    PaceVerdict,
    TargetView,
    check_choice,
    check_due,
    check_fields,
    check_note,
    check_optional_date,
    check_text,
    check_title,
)
from rutjournal.core.i18n import _
from rutjournal.core.storage.db import Database

__all__ = [
    "ChallengeView",
    "EvidenceView",
    "GapView",
    "GoalHistory",
    "GoalView",
    "Grow",
    "GrowSummary",
    "MilestoneView",
    "Pace",
    "PaceVerdict",
    "TargetView",
]

_Row = TypeVar("_Row")


class Grow:
    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.db = db
        self.today = today

    # -- target ----------------------------------------------------------------------------------------------
    def set_target(self, title: str, by: dt.date | None = None) -> int:
        """Make a new active target; the previous one stays as history (no longer active)."""
        title, by = check_title(title), check_optional_date("by", by)
        with self.db.writer() as conn:
            return store.add_target(conn, title, by)

    def update_target(
        self, target_id: int, *, title: str | None = None, by: dt.date | EllipsisType | None = ...
    ) -> TargetView:
        """Correct a target's title or date (``by=None`` clears the date) without losing its gaps, as setting a
        new target would."""
        values: dict[str, object] = {}
        if title is not None:
            values["title"] = check_title(title)
        if not isinstance(by, EllipsisType):
            values["by_date"] = check_optional_date("by", by)
        with self.db.writer() as conn:
            store.update_row(conn, "targets", target_id, values, "target")
        return self._one(store.read_targets, "WHERE id = ?", target_id, "target")

    def active_target(self) -> TargetView | None:
        with self.db.reader() as conn:
            found = store.read_targets(conn, self.today(), "WHERE active = 1", ())
        return found[0] if found else None

    def targets(self) -> list[TargetView]:
        """Every target, the newest first."""
        with self.db.reader() as conn:
            return store.read_targets(conn, self.today(), "", ())

    # -- gaps ------------------------------------------------------------------------------------------------
    def add_gap(self, title: str, kind: str, good_looks_like: str = "", target_id: int | None = None) -> int:
        """Add a gap under a target (by default the active one)."""
        values = check_fields({"title": title, "kind": kind, "good_looks_like": good_looks_like}, GAP_CHECKS)
        with self.db.writer() as conn:
            if target_id is None:
                target_id = store.active_target_id(conn)
                if target_id is None:
                    raise InvalidInput("target", _("set first (there is no active target)"))
            else:
                store.require_row(conn, "targets", target_id, "target")
            return store.insert_row(conn, "gaps", {"target_id": target_id, **values})

    def update_gap(self, gap_id: int, **fields: object) -> GapView:
        """Change a gap's title, kind or good_looks_like."""
        values = check_fields(fields, GAP_CHECKS)
        with self.db.writer() as conn:
            store.update_row(conn, "gaps", gap_id, values, "gap")
        return self._one(store.read_gaps, "WHERE id = ?", gap_id, "gap")

    def delete_gap(self, gap_id: int) -> None:
        """Delete a gap and its goals; evidence linked to it is kept, unlinked."""
        with self.db.writer() as conn:
            store.delete_row(conn, "gaps", gap_id, "gap")

    # -- goals and milestones --------------------------------------------------------------------------------
    def add_goal(
        self,
        title: str,
        gap_id: int,
        due: dt.date | None = None,
        status: str = "active",
        started_on: dt.date | None = None,
    ) -> int:
        values = check_fields({"title": title, "due": due, "status": status}, GOAL_CHECKS)
        start = check_optional_date("started_on", started_on) or self.today()
        check_due(start, due)
        with self.db.writer() as conn:
            store.require_row(conn, "gaps", gap_id, "gap")
            return store.insert_row(conn, "goals", {"gap_id": gap_id, "started_on": start, **values})

    def update_goal(self, goal_id: int, **fields: object) -> GoalView:
        """Change title, started_on, due, status or manual_percent; a new manual percentage is also kept with
        today's date."""
        values = check_fields(fields, GOAL_CHECKS)
        with self.db.writer() as conn:
            started_on, due, manual_percent = store.goal_dates(conn, goal_id)
            if "due" in values or "started_on" in values:
                start = values.get("started_on", started_on)
                new_due = values.get("due", due)
                assert isinstance(start, dt.date) and (new_due is None or isinstance(new_due, dt.date))
                check_due(start, new_due)
            percent = values.get("manual_percent")
            if isinstance(percent, int) and percent != manual_percent:
                store.add_goal_progress(conn, goal_id, self.today(), percent)
            store.update_row(conn, "goals", goal_id, values, "goal")
        return self.goal(goal_id)

    def delete_goal(self, goal_id: int) -> None:
        """Delete a goal with its milestones and progress history; evidence linked to it is kept, unlinked."""
        with self.db.writer() as conn:
            store.delete_row(conn, "goals", goal_id, "goal")

    def add_milestone(self, goal_id: int, title: str) -> int:
        """Append a milestone to a goal's checklist."""
        title = check_title(title)
        with self.db.writer() as conn:
            return store.add_milestone(conn, goal_id, title)

    def set_milestone_done(
        self, milestone_id: int, done: bool = True, on: dt.date | None = None
    ) -> MilestoneView:
        day = check_optional_date("date", on)
        done_on = (day or self.today()) if done else None
        with self.db.writer() as conn:
            store.update_row(conn, "milestones", milestone_id, {"done_on": done_on}, "milestone")
            return store.read_milestone(conn, milestone_id)

    def delete_milestone(self, milestone_id: int) -> None:
        with self.db.writer() as conn:
            store.delete_row(conn, "milestones", milestone_id, "milestone")

    def goal(self, goal_id: int) -> GoalView:
        return self._one(store.read_goals, "WHERE id = ?", goal_id, "goal")

    def goals(self) -> list[GoalView]:
        """The goals of the active target: overdue first, then by due date (none last)."""
        target = self.active_target()
        goals = [goal for gap in target.gaps for goal in gap.goals] if target else []
        return sorted(goals, key=lambda g: (not g.overdue, g.due is None, g.due or dt.date.max, g.id))

    def goal_histories(self) -> list[GoalHistory]:
        """Every goal of the active target (dropped ones too), by id, with the days it moved: what Guidance,
        Trends and Crossroads ask for a goal's last activity, its progress on a day, or whether it stalled."""
        with self.db.reader() as conn:
            target_id = store.active_target_id(conn)
            return [] if target_id is None else store.read_goal_histories(conn, target_id)

    def first_day(self) -> dt.date | None:
        """The earliest day Grow knows (any target's goals), or None."""
        with self.db.reader() as conn:
            return store.first_day(conn)

    # -- evidence and challenges -----------------------------------------------------------------------------
    def add_evidence(
        self,
        text: str,
        day: dt.date | None = None,
        kind: str = "project_shipped",
        result: str | None = None,
        gap_id: int | None = None,
        goal_id: int | None = None,
    ) -> int:
        """Log an accomplishment; linked to a goal only, it is linked to that goal's gap as well."""
        text, kind = check_text(text), check_choice("kind", kind, EVIDENCE_KINDS)
        on = check_optional_date("date", day) or self.today()
        outcome = None if result is None else check_note(result, "result") or None
        with self.db.writer() as conn:
            if goal_id is not None:
                goal_gap = store.gap_of_goal(conn, goal_id)
                if gap_id is not None and gap_id != goal_gap:
                    allowed = _("the gap of goal {goal} ({gap}), or blank").format(goal=goal_id, gap=goal_gap)
                    raise InvalidInput("gap", allowed, gap_id)
                gap_id = goal_gap
            if gap_id is not None:
                store.require_row(conn, "gaps", gap_id, "gap")
            row = {
                "day": on,
                "text": text,
                "kind": kind,
                "result": outcome,
                "gap_id": gap_id,
                "goal_id": goal_id,
            }
            return store.insert_row(conn, "evidence", row)

    def evidence(self, gap_id: int | None = None) -> list[EvidenceView]:
        """Evidence (of one gap, or all), the newest first."""
        with self.db.reader() as conn:
            return store.read_evidence(conn, gap_id)

    def delete_evidence(self, evidence_id: int) -> None:
        with self.db.writer() as conn:
            store.delete_row(conn, "evidence", evidence_id, "evidence")

    def add_challenge(
        self, what: str, asked_of: str, asked_on: dt.date | None = None, answer: str = "pending"
    ) -> int:
        """Log a request for more responsibility; an answer given already is dated the day it was asked."""
        what, asked_of = check_text(what, "what"), check_title(asked_of, "asked_of")
        answer = check_choice("answer", answer, ANSWERS)
        day = check_optional_date("date", asked_on) or self.today()
        row = {"asked_on": day, "what": what, "asked_of": asked_of, "answer": answer}
        with self.db.writer() as conn:
            return store.insert_row(
                conn, "challenges", row | {"answered_on": None if answer == "pending" else day}
            )

    def answer_challenge(self, challenge_id: int, answer: str, on: dt.date | None = None) -> ChallengeView:
        answer = check_choice("answer", answer, ANSWERS)
        day = check_optional_date("date", on)
        answered_on = None if answer == "pending" else (day or self.today())
        with self.db.writer() as conn:
            values = {"answer": answer, "answered_on": answered_on}
            store.update_row(conn, "challenges", challenge_id, values, "challenge")
            return store.read_challenges(conn, "WHERE id = ?", (challenge_id,))[0]

    def challenges(self) -> list[ChallengeView]:
        """Every challenge asked for, the newest first."""
        with self.db.reader() as conn:
            return store.read_challenges(conn)

    def summary(self) -> GrowSummary:
        target = self.active_target()
        goals = [goal for gap in target.gaps for goal in gap.goals] if target else []
        with self.db.reader() as conn:
            evidence, asked, granted = store.tallies(conn)
        return GrowSummary(
            goals_active=sum(g.status == "active" for g in goals),
            goals_done=sum(g.status == "done" for g in goals),
            goals_overdue=sum(g.overdue for g in goals),
            evidence_count=evidence,
            challenges_asked=asked,
            challenges_granted=granted,
            target_progress=target.progress if target else None,
        )

    def _one(
        self,
        read: Callable[[sqlite3.Connection, dt.date, str, tuple[object, ...]], list[_Row]],
        where: str,
        row_id: int,
        field: str,
    ) -> _Row:
        with self.db.reader() as conn:
            found = read(conn, self.today(), where, (row_id,))
        if not found:
            raise store.missing(field, row_id)
        return found[0]
