"""The Crossroads service: the monthly check-in, the signals that combine it with what the app already knows
(``signals``, over what ``sources`` asks of the other sections' services, and the Load service for the
inventory), the verdict (stay / push / leave, or too early: rules in ``rules.decide``) with the steps it names,
what changed since the last reading (``changes``: the reading of 30 days earlier, recomputed), and a light
job-search tracker (``tracker``).

Its own tables are read and written through ``store`` (plain sqlite3, no ORM); other sections' data only
through their services. Every check happens before anything is written. "Today" comes from the ``today``
callable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from rutjournal.core.crossroads import store
from rutjournal.core.crossroads.changes import last_reading_day, what_changed
from rutjournal.core.crossroads.model import CheckinView, Evidence, LoadFacts, Signal, Step, Verdict
from rutjournal.core.crossroads.numbers import as_shown
from rutjournal.core.crossroads.questions import Question, check_answers, checkin_mean, load_questions
from rutjournal.core.crossroads.rules import decide
from rutjournal.core.crossroads.signals import all_signals
from rutjournal.core.crossroads.sources import read_sources
from rutjournal.core.crossroads.tracker import (
    STAGES,
    ApplicationView,
    JobSearch,
    check_date,
    check_name,
    check_note,
    check_stage,
)
from rutjournal.core.storage.db import Database

__all__ = [
    "STAGES",
    "ApplicationView",
    "CheckinView",
    "Crossroads",
    "Evidence",
    "LoadFacts",
    "Question",
    "Signal",
    "Step",
    "Verdict",
    "check_name",
    "check_stage",
]


class Crossroads(JobSearch):
    def __init__(
        self,
        db: Database,
        today: Callable[[], dt.date] = dt.date.today,
        questions: list[Question] | None = None,
    ) -> None:
        self.db = db
        self.today = today
        self._questions = questions

    # -- check-ins -------------------------------------------------------------------------------------------
    def questions(self) -> list[Question]:
        if self._questions is None:
            self._questions = load_questions()
        return list(self._questions)

    def save_checkin(self, day: dt.date, answers: dict[str, int], note: str = "") -> int:
        """Save the check-in of ``day``; a second one on the same day replaces the first (same id)."""
        day = check_date(day)
        checked = check_answers(self.questions(), answers)
        note = check_note(note)
        return store.save_checkin(self.db, day, checked, note)

    def checkins(self) -> list[CheckinView]:
        """Every check-in, the newest first, its answers in the order of the questions."""
        order = {q.key: i for i, q in enumerate(self.questions())}
        return [
            replace(
                checkin,
                answers=dict(
                    sorted(checkin.answers.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
                ),
            )
            for checkin in store.read_checkins(self.db)
        ]

    def this_month(self) -> CheckinView | None:
        """The check-in of the current calendar month (the latest, should there be two), or None."""
        today = self.today()
        return next(
            (c for c in self.checkins() if (c.day.year, c.day.month) == (today.year, today.month)), None
        )

    def score(self, checkin: CheckinView) -> float | None:
        """A check-in's mean as shown (one decimal), the reverse-scored questions turned round."""
        found = checkin_mean(self.questions(), checkin.answers)
        return None if found is None else as_shown(found)

    def due(self) -> bool:
        """True when there is no check-in in the current calendar month."""
        today = self.today()
        return not store.has_checkin_between(self.db, today.replace(day=1), _month_end(today))

    # -- signals and verdict ---------------------------------------------------------------------------------
    def signals(self) -> list[Signal]:
        return self.read()[0]

    def evidence(self) -> Evidence:
        """How much the verdict has to go on: days with a mood in the last 90 days, and check-ins."""
        return self.read()[1]

    def load_facts(self) -> LoadFacts:
        """What the Load service says about the inventory: hours on the plate, freed, pending, outside the job
        description (read through its public service, never its tables)."""
        from rutjournal.core.load.service import Load

        load = Load(self.db)
        tasks = load.tasks()
        summary = load.summary()
        plate = [t for t in tasks if not t.freed]
        return LoadFacts(
            tasks=len(tasks),
            on_plate=summary.on_plate,
            freed=summary.freed,
            pending_free=summary.pending_free,
            undecided=sum(t.decision == "undecided" for t in tasks),
            outside=sum(t.minutes_per_week for t in plate if t.in_jd == "no"),
            partly=sum(t.minutes_per_week for t in plate if t.in_jd == "partly"),
        )

    def read(
        self, as_of: dt.date | None = None, load: LoadFacts | None = None
    ) -> tuple[list[Signal], Evidence]:
        """The signals and the evidence behind them as of a day (default today), in one read; ``load`` is the
        inventory if already read (it has no history: an earlier day reads it as it is now)."""
        day = self.today() if as_of is None else as_of
        load = self.load_facts() if load is None else load
        checkins = [c for c in self.checkins() if c.day <= day]
        sources = read_sources(self.db, day)
        signals = all_signals(sources, day, self.questions(), checkins, load)
        return signals, Evidence(mood_days=len(sources.scores["mood"]), checkins=len(checkins))

    def verdict(self, signals: list[Signal] | None = None, evidence: Evidence | None = None) -> Verdict:
        """The verdict over the given signals and evidence (or a fresh read of whichever is not given), with the
        steps it names and what changed since the last reading: the reading of 30 days earlier, recomputed."""
        load = self.load_facts()
        if signals is None or evidence is None:
            fresh_signals, fresh_evidence = self.read(load=load)
            signals = fresh_signals if signals is None else signals
            evidence = fresh_evidence if evidence is None else evidence
        since = last_reading_day(self.today())
        before, then_evidence = self.read(since, load)
        then = decide(before, then_evidence, load=load)
        now = decide(signals, evidence, before, load=load, since=since)
        changes = what_changed(then, now, before, signals, since, (then_evidence, evidence))
        return replace(now, since=since, changes=changes)

    def steps(self) -> list[Step]:
        """The steps the verdict names (push: strongest first; leave: one; stay and too early: none)."""
        return self.verdict().steps


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)
