"""The Grow service: a target role, the gaps between today and it, goals that close them, and the proof.

The rules (pure functions in ``grow_rules``, each tested on its own):

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
allowed. Writes go through the ORM (imported inside the methods); reads are plain SQL, so showing or reporting
imports no ORM. "Today" comes from the ``today`` callable, so tests run on a fixed clock.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from types import EllipsisType
from typing import TYPE_CHECKING, TypeVar

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.reads import as_date, as_day, read_gaps, read_goals, read_targets
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
from rutjournal.core.storage.db import Database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "ChallengeView",
    "EvidenceView",
    "GapView",
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
        from sqlalchemy import update

        from rutjournal.core.storage.models_grow import Target

        with self.db.write_session() as session, session.begin():
            session.execute(update(Target).where(Target.active).values(active=False))
            target = Target(title=title, by_date=by, active=True)
            session.add(target)
            session.flush()
            return target.id

    def update_target(
        self, target_id: int, *, title: str | None = None, by: dt.date | EllipsisType | None = ...
    ) -> TargetView:
        values: dict[str, object] = {}
        if title is not None:
            values["title"] = check_title(title)
        if not isinstance(by, EllipsisType):
            values["by_date"] = check_optional_date("by", by)
        from rutjournal.core.storage.models_grow import Target

        with self.db.write_session() as session, session.begin():
            target = _existing(session, Target, target_id, "target")
            for name, value in values.items():
                setattr(target, name, value)
        return self._one(read_targets, "WHERE id = ?", target_id, "target")

    def active_target(self) -> TargetView | None:
        with self.db.reader() as conn:
            found = read_targets(conn, self.today(), "WHERE active = 1", ())
        return found[0] if found else None

    def targets(self) -> list[TargetView]:
        """Every target, the newest first."""
        with self.db.reader() as conn:
            return read_targets(conn, self.today(), "", ())

    # -- gaps ------------------------------------------------------------------------------------------------
    def add_gap(self, title: str, kind: str, good_looks_like: str = "", target_id: int | None = None) -> int:
        """Add a gap under a target (by default the active one)."""
        values = check_fields({"title": title, "kind": kind, "good_looks_like": good_looks_like}, GAP_CHECKS)
        from sqlalchemy import select

        from rutjournal.core.storage.models_grow import Gap, Target

        with self.db.write_session() as session, session.begin():
            if target_id is None:
                target_id = session.scalar(select(Target.id).where(Target.active).order_by(Target.id.desc()))
                if target_id is None:
                    raise InvalidInput("target", "set first (there is no active target)")
            else:
                _existing(session, Target, target_id, "target")
            gap = Gap(target_id=target_id, **values)
            session.add(gap)
            session.flush()
            return gap.id

    def update_gap(self, gap_id: int, **fields: object) -> GapView:
        """Change a gap's title, kind or good_looks_like."""
        values = check_fields(fields, GAP_CHECKS)
        from rutjournal.core.storage.models_grow import Gap

        with self.db.write_session() as session, session.begin():
            gap = _existing(session, Gap, gap_id, "gap")
            for name, value in values.items():
                setattr(gap, name, value)
        return self._one(read_gaps, "WHERE id = ?", gap_id, "gap")

    def delete_gap(self, gap_id: int) -> None:
        """Delete a gap and its goals; evidence linked to it is kept, unlinked."""
        from rutjournal.core.storage.models_grow import Gap

        with self.db.write_session() as session, session.begin():
            session.delete(_existing(session, Gap, gap_id, "gap"))

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
        from rutjournal.core.storage.models_grow import Gap, Goal

        with self.db.write_session() as session, session.begin():
            _existing(session, Gap, gap_id, "gap")
            goal = Goal(gap_id=gap_id, started_on=start, **values)
            session.add(goal)
            session.flush()
            return goal.id

    def update_goal(self, goal_id: int, **fields: object) -> GoalView:
        """Change title, started_on, due, status or manual_percent; a new manual percentage is also kept with
        today's date."""
        values = check_fields(fields, GOAL_CHECKS)
        from rutjournal.core.storage.models_grow import Goal, GoalProgress

        with self.db.write_session() as session, session.begin():
            goal = _existing(session, Goal, goal_id, "goal")
            if "due" in values or "started_on" in values:
                start = values.get("started_on", goal.started_on)
                due = values.get("due", goal.due)
                assert isinstance(start, dt.date) and (due is None or isinstance(due, dt.date))
                check_due(start, due)
            percent = values.get("manual_percent")
            if isinstance(percent, int) and percent != goal.manual_percent:
                session.add(GoalProgress(goal_id=goal_id, day=self.today(), percent=percent))
            for name, value in values.items():
                setattr(goal, name, value)
        return self.goal(goal_id)

    def delete_goal(self, goal_id: int) -> None:
        """Delete a goal with its milestones and progress history; evidence linked to it is kept, unlinked."""
        from rutjournal.core.storage.models_grow import Goal

        with self.db.write_session() as session, session.begin():
            session.delete(_existing(session, Goal, goal_id, "goal"))

    def add_milestone(self, goal_id: int, title: str) -> int:
        """Append a milestone to a goal's checklist."""
        title = check_title(title)
        from sqlalchemy import func, select

        from rutjournal.core.storage.models_grow import Goal, Milestone

        with self.db.write_session() as session, session.begin():
            _existing(session, Goal, goal_id, "goal")
            last = session.scalar(select(func.max(Milestone.position)).where(Milestone.goal_id == goal_id))
            milestone = Milestone(goal_id=goal_id, title=title, position=(last or 0) + 1)
            session.add(milestone)
            session.flush()
            return milestone.id

    def set_milestone_done(
        self, milestone_id: int, done: bool = True, on: dt.date | None = None
    ) -> MilestoneView:
        day = check_optional_date("date", on)
        from rutjournal.core.storage.models_grow import Milestone

        with self.db.write_session() as session, session.begin():
            milestone = _existing(session, Milestone, milestone_id, "milestone")
            milestone.done_on = (day or self.today()) if done else None
        return MilestoneView(milestone.id, milestone.goal_id, milestone.title, milestone.done_on)

    def delete_milestone(self, milestone_id: int) -> None:
        from rutjournal.core.storage.models_grow import Milestone

        with self.db.write_session() as session, session.begin():
            session.delete(_existing(session, Milestone, milestone_id, "milestone"))

    def goal(self, goal_id: int) -> GoalView:
        return self._one(read_goals, "WHERE id = ?", goal_id, "goal")

    def goals(self) -> list[GoalView]:
        """The goals of the active target: overdue first, then by due date (none last)."""
        target = self.active_target()
        goals = [goal for gap in target.gaps for goal in gap.goals] if target else []
        return sorted(goals, key=lambda g: (not g.overdue, g.due is None, g.due or dt.date.max, g.id))

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
        from rutjournal.core.storage.models_grow import Evidence, Gap, Goal

        with self.db.write_session() as session, session.begin():
            if goal_id is not None:
                goal = _existing(session, Goal, goal_id, "goal")
                if gap_id is not None and gap_id != goal.gap_id:
                    raise InvalidInput("gap", f"the gap of goal {goal_id} ({goal.gap_id}), or blank", gap_id)
                gap_id = goal.gap_id
            if gap_id is not None:
                _existing(session, Gap, gap_id, "gap")
            row = Evidence(day=on, text=text, kind=kind, result=outcome, gap_id=gap_id, goal_id=goal_id)
            session.add(row)
            session.flush()
            return row.id

    def evidence(self, gap_id: int | None = None) -> list[EvidenceView]:
        """Evidence (of one gap, or all), the newest first."""
        where, params = ("", ()) if gap_id is None else ("WHERE gap_id = ?", (gap_id,))
        sql = f"SELECT id, day, text, kind, result, gap_id, goal_id FROM evidence {where} ORDER BY day DESC, id DESC"
        with self.db.reader() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [EvidenceView(r[0], as_day(r[1]), r[2], r[3], r[4], r[5], r[6]) for r in rows]

    def delete_evidence(self, evidence_id: int) -> None:
        from rutjournal.core.storage.models_grow import Evidence

        with self.db.write_session() as session, session.begin():
            session.delete(_existing(session, Evidence, evidence_id, "evidence"))

    def add_challenge(
        self, what: str, asked_of: str, asked_on: dt.date | None = None, answer: str = "pending"
    ) -> int:
        """Log a request for more responsibility; an answer given already is dated the day it was asked."""
        what, asked_of = check_text(what, "what"), check_title(asked_of, "asked_of")
        answer = check_choice("answer", answer, ANSWERS)
        day = check_optional_date("date", asked_on) or self.today()
        from rutjournal.core.storage.models_grow import Challenge

        with self.db.write_session() as session, session.begin():
            row = Challenge(
                asked_on=day,
                what=what,
                asked_of=asked_of,
                answer=answer,
                answered_on=None if answer == "pending" else day,
            )
            session.add(row)
            session.flush()
            return row.id

    def answer_challenge(self, challenge_id: int, answer: str, on: dt.date | None = None) -> ChallengeView:
        answer = check_choice("answer", answer, ANSWERS)
        day = check_optional_date("date", on)
        from rutjournal.core.storage.models_grow import Challenge

        with self.db.write_session() as session, session.begin():
            row = _existing(session, Challenge, challenge_id, "challenge")
            row.answer = answer
            row.answered_on = None if answer == "pending" else (day or self.today())
        return ChallengeView(row.id, row.asked_on, row.what, row.asked_of, row.answer, row.answered_on)

    def challenges(self) -> list[ChallengeView]:
        """Every challenge asked for, the newest first."""
        sql = "SELECT id, asked_on, what, asked_of, answer, answered_on FROM challenges ORDER BY asked_on DESC, id DESC"
        with self.db.reader() as conn:
            rows = conn.execute(sql).fetchall()
        return [ChallengeView(r[0], as_day(r[1]), r[2], r[3], r[4], as_date(r[5])) for r in rows]

    def summary(self) -> GrowSummary:
        target = self.active_target()
        goals = [goal for gap in target.gaps for goal in gap.goals] if target else []
        with self.db.reader() as conn:
            (evidence,) = conn.execute("SELECT count(*) FROM evidence").fetchone()
            asked, granted = conn.execute(
                "SELECT count(*), coalesce(sum(answer = 'yes'), 0) FROM challenges"
            ).fetchone()
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
            raise InvalidInput(field, f"the id of an existing {field}", row_id)
        return found[0]


def _existing(session: Session, model: type[_Row], row_id: int, field: str) -> _Row:
    row = session.get(model, row_id)
    if row is None:
        raise InvalidInput(field, f"the id of an existing {field}", row_id)
    return row
