"""The Crossroads service: the monthly check-in, the signals that combine it with what the app already knows,
the verdict (stay / push / leave, rules in ``crossroads_rules.decide``) and a light job-search tracker.

Signals, each with a value, a direction and why it counts ("not enough data" when there is too little):

- ``checkin``: mean of the latest check-in (reverse-scored questions turned round) and its change since the
  previous one (± 0.25 or more is better / worse);
- ``room`` and ``options``: the latest answers to those two questions (≤ 2 worse, 3 steady, ≥ 4 better);
- ``mood`` and ``challenge``: mean of the last 30 days against the 30 before (each needs 5 scored days);
- ``monday_dread``: Tuesday-Friday mean mood minus Monday mean mood over the last 90 days (positive = Mondays
  worse; at least 4 Mondays and 8 other weekdays); ≥ 0.5 worse, ≤ 0 better;
- ``goals``: goals of the active target, not started or active, that are overdue or stalled (started 30+ days
  ago, no milestone done nor percentage recorded in the last 30 days);
- ``promotion``: promotions refused, with the latest reason;
- ``followups``: follow-ups owned by the employer ('them') not done and past their due date;
- ``hours``: hours a week freed by carried-out decisions vs still on the plate (Load);
- ``guidance``: conversations held — not a sign about the job, but the verdict's good-faith guard reads it.

Reads are plain SQL (no ORM import), writes go through the ORM imported inside the methods; every check happens
before anything is written. "Today" comes from the ``today`` callable.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from rutjournal.core.crossroads_rules import (
    BURIED_MINUTES,
    DREAD_STRONG,
    DREAD_WORSE,
    LOW_ANSWER,
    NOT_ENOUGH,
    STAGES,
    Question,
    Signal,
    Verdict,
    check_answers,
    checkin_mean,
    decide,
    direction_of,
    load_questions,
    monday_dread,
    signed,
    trend,
)
from rutjournal.core.db import Database
from rutjournal.core.errors import InvalidInput
from rutjournal.core.values import MAX_BODY_CHARS, check_day

__all__ = ["STAGES", "ApplicationView", "CheckinView", "Crossroads", "Question", "Signal", "Verdict"]

STALL_DAYS = 30
FREEING = ("delegate", "drop", "decline", "automate")


@dataclass(frozen=True)
class CheckinView:
    id: int
    day: dt.date
    note: str
    answers: dict[str, int] = field(compare=False)


@dataclass(frozen=True)
class ApplicationView:
    id: int
    company: str
    role: str
    stage: str
    applied_on: dt.date | None
    updated_on: dt.date
    notes: str


def check_name(field_name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
        raise InvalidInput(field_name, "1 to 200 characters", value)
    return value.strip()


def check_stage(value: object) -> str:
    if value not in STAGES:
        raise InvalidInput("stage", " / ".join(STAGES), value)
    return str(value)


def _check_day(value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput("date", "a date", value)
    return check_day("date", value)


def _check_note(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_BODY_CHARS:
        raise InvalidInput("note", f"text of at most {MAX_BODY_CHARS} characters", type(value).__name__)
    return value.strip()


class Crossroads:
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
        day = _check_day(day)
        checked = check_answers(self.questions(), answers)
        note = _check_note(note)
        from sqlalchemy import select

        from rutjournal.core.models import utcnow
        from rutjournal.core.models_crossroads import Checkin, CheckinAnswer

        with self.db.write_session() as session, session.begin():
            checkin = session.scalar(select(Checkin).where(Checkin.day == day))
            if checkin is None:
                checkin = Checkin(day=day)
                session.add(checkin)
            else:
                checkin.answers.clear()
                session.flush()
                checkin.updated_at = utcnow()
            checkin.note = note
            checkin.answers.extend(CheckinAnswer(key=k, score=s) for k, s in checked.items())
            session.flush()
            return checkin.id

    def checkins(self) -> list[CheckinView]:
        """Every check-in, the newest first."""
        with self.db.reader() as conn:
            rows = conn.execute("SELECT id, day, note FROM checkins ORDER BY day DESC").fetchall()
            answers: dict[int, dict[str, int]] = {}
            for cid, key, score in conn.execute("SELECT checkin_id, key, score FROM checkin_answers"):
                answers.setdefault(cid, {})[key] = score
        return [
            CheckinView(cid, dt.date.fromisoformat(day), note, answers.get(cid, {}))
            for cid, day, note in rows
        ]

    def due(self) -> bool:
        """True when there is no check-in in the current calendar month."""
        today = self.today()
        first = today.replace(day=1)
        with self.db.reader() as conn:
            row = conn.execute(
                "SELECT 1 FROM checkins WHERE day BETWEEN ? AND ? LIMIT 1",
                (first.isoformat(), _month_end(today).isoformat()),
            ).fetchone()
        return row is None

    # -- applications ----------------------------------------------------------------------------------------
    def add_application(
        self,
        company: str,
        role: str,
        stage: str = "idea",
        applied_on: dt.date | None = None,
        notes: str = "",
    ) -> int:
        """Add an application; one added at a stage past "idea" with no date is taken as applied today."""
        company, role, stage = check_name("company", company), check_name("role", role), check_stage(stage)
        if applied_on is not None:
            _check_day(applied_on)
        notes = _check_note(notes)
        today = self.today()
        if applied_on is None and stage != "idea":
            applied_on = today
        from rutjournal.core.models_crossroads import Application

        with self.db.write_session() as session, session.begin():
            row = Application(
                company=company, role=role, stage=stage, applied_on=applied_on, updated_on=today, notes=notes
            )
            session.add(row)
            session.flush()
            return row.id

    def update_application(
        self,
        application_id: int,
        *,
        stage: str | None = None,
        notes: str | None = None,
        applied_on: dt.date | None = None,
    ) -> ApplicationView:
        """Move an application to another stage (and/or change its notes); its ``updated_on`` becomes today."""
        if stage is not None:
            check_stage(stage)
        if notes is not None:
            notes = _check_note(notes)
        if applied_on is not None:
            _check_day(applied_on)
        today = self.today()
        from rutjournal.core.models_crossroads import Application

        with self.db.write_session() as session, session.begin():
            row = session.get(Application, application_id)
            if row is None:
                raise InvalidInput("application", "the id of an existing application", application_id)
            if stage is not None:
                row.stage = stage
                if stage != "idea" and row.applied_on is None and applied_on is None:
                    row.applied_on = today
            if notes is not None:
                row.notes = notes
            if applied_on is not None:
                row.applied_on = applied_on
            row.updated_on = today
        return next(a for a in self.applications() if a.id == application_id)

    def applications(self) -> list[ApplicationView]:
        with self.db.reader() as conn:
            rows = conn.execute(
                "SELECT id, company, role, stage, applied_on, updated_on, notes FROM applications ORDER BY id"
            ).fetchall()
        return [
            ApplicationView(i, c, r, s, _date(a), dt.date.fromisoformat(u), n) for i, c, r, s, a, u, n in rows
        ]

    def counts_by_stage(self) -> dict[str, int]:
        """Every stage, in order, with how many applications are at it (zeros included)."""
        counts = dict.fromkeys(STAGES, 0)
        with self.db.reader() as conn:
            for stage, n in conn.execute("SELECT stage, count(*) FROM applications GROUP BY stage"):
                counts[stage] = n
        return counts

    # -- signals and verdict ---------------------------------------------------------------------------------
    def signals(self) -> list[Signal]:
        today = self.today()
        questions = self.questions()
        checkins = self.checkins()
        with self.db.reader() as conn:
            moods, challenges = _scores(conn, today)
            facts = [
                _goals_signal(conn, today),
                _promotion_signal(conn),
                _followups_signal(conn, today),
                _hours_signal(conn),
                _guidance_signal(conn),
            ]
        return [
            checkin_signal(questions, checkins),
            answer_signal("room", "Room to advance", checkins, why=ROOM_WHY),
            answer_signal("options", "Options match your goals", checkins, why=OPTIONS_WHY),
            trend_signal("mood", "Mood trend", moods, today, MOOD_WHY),
            trend_signal("challenge", "Challenge trend", challenges, today, CHALLENGE_WHY),
            dread_signal(moods, today),
            *facts,
        ]

    def verdict(self, signals: list[Signal] | None = None) -> Verdict:
        return decide(self.signals() if signals is None else signals)


ROOM_WHY = "When there is no room left to move up, staying longer rarely changes that."
OPTIONS_WHY = "Options that don't match your goals mean the employer cannot give you what you are after."
MOOD_WHY = "A mood that keeps falling over weeks is the rut getting deeper, not a bad day."
CHALLENGE_WHY = "Boredom is the usual root of a rut: a falling challenge score means the work teaches less."


def checkin_signal(questions: list[Question], checkins: list[CheckinView]) -> Signal:
    """Mean of the latest check-in and its change since the previous one (checkins newest first)."""
    why = "The monthly check-in is your own judgement, asked the same way each time, so its drift is honest."
    label = "Check-in score"
    if not checkins:
        return Signal("checkin", label, f"{NOT_ENOUGH} (no check-in yet)", "unknown", why)
    latest = checkin_mean(questions, checkins[0].answers)
    if latest is None:
        return Signal("checkin", label, f"{NOT_ENOUGH} (no answers)", "unknown", why)
    previous = checkin_mean(questions, checkins[1].answers) if len(checkins) > 1 else None
    if previous is None:
        return Signal(
            "checkin", label, f"{latest:.2f} / 5 (first check-in, nothing to compare)", "unknown", why, latest
        )
    change = latest - previous
    value = f"{latest:.2f} / 5 ({signed(change)} since {checkins[1].day.isoformat()})"
    return Signal("checkin", label, value, direction_of(change), why, latest)


def answer_signal(key: str, label: str, checkins: list[CheckinView], why: str) -> Signal:
    """The latest check-in's answer to one question: ≤ 2 worse, 3 steady, ≥ 4 better."""
    answer = next((c.answers[key] for c in checkins if key in c.answers), None)
    if answer is None:
        return Signal(key, label, f"{NOT_ENOUGH} (not answered in a check-in yet)", "unknown", why)
    direction = "worse" if answer <= LOW_ANSWER else "steady" if answer == 3 else "better"
    return Signal(key, label, f"{answer} / 5", direction, why, float(answer))


def trend_signal(key: str, label: str, scores: dict[dt.date, int], today: dt.date, why: str) -> Signal:
    found = trend(scores, today)
    if found is None:
        return Signal(
            key,
            label,
            f"{NOT_ENOUGH} (needs 5 scored days in each of the last two 30-day spans)",
            "unknown",
            why,
        )
    recent, earlier = found
    change = recent - earlier
    value = f"{recent:.2f} in the last 30 days vs {earlier:.2f} the 30 before ({signed(change)})"
    return Signal(key, label, value, direction_of(change), why, change)


def dread_signal(moods: dict[dt.date, int], today: dt.date) -> Signal:
    why = "Dreading Mondays more than other days is the classic sign of a job, not a life, gone flat."
    label = "Monday dread"
    index = monday_dread(moods, today)
    if index is None:
        return Signal(
            "monday_dread",
            label,
            f"{NOT_ENOUGH} (needs 4 Mondays and 8 other weekdays with a mood in the last 90 days)",
            "unknown",
            why,
        )
    direction = "worse" if index >= DREAD_WORSE else "better" if index <= 0 else "steady"
    if index > 0:
        value = f"Mondays {index:.2f} below Tuesday-Friday"
    else:
        value = f"Mondays {-index:.2f} at or above Tuesday-Friday"
    strong = " (strong)" if index >= DREAD_STRONG else ""
    return Signal("monday_dread", label, value + strong, direction, why, index)


def _scores(conn: sqlite3.Connection, today: dt.date) -> tuple[dict[dt.date, int], dict[dt.date, int]]:
    start = (today - dt.timedelta(days=89)).isoformat()  # enough for both the 60-day trends and the dread
    rows = conn.execute(
        "SELECT day, mood, challenge FROM entries WHERE day BETWEEN ? AND ?", (start, today.isoformat())
    ).fetchall()
    moods = {dt.date.fromisoformat(d): m for d, m, _c in rows if m is not None}
    challenges = {dt.date.fromisoformat(d): c for d, _m, c in rows if c is not None}
    return moods, challenges


def _goals_signal(conn: sqlite3.Connection, today: dt.date) -> Signal:
    why = "Goals that stall or slip often mean the job gives you no room to grow, whatever the effort."
    label = "Stalled or overdue goals"
    since = (today - dt.timedelta(days=STALL_DAYS)).isoformat()
    rows = conn.execute(
        "SELECT g.status, g.started_on, g.due, MAX("
        " COALESCE((SELECT MAX(done_on) FROM milestones m WHERE m.goal_id = g.id), ''),"
        " COALESCE((SELECT MAX(day) FROM goal_progress p WHERE p.goal_id = g.id), '')) "
        "FROM goals g JOIN gaps ON gaps.id = g.gap_id JOIN targets t ON t.id = gaps.target_id WHERE t.active"
    ).fetchall()
    live = [r for r in rows if r[0] in ("not_started", "active")]
    if not live:
        return Signal("goals", label, f"{NOT_ENOUGH} (no open goals in Grow)", "unknown", why)
    stuck = sum(
        1
        for _status, started, due, last in live
        if (due is not None and due < today.isoformat()) or (started <= since and (not last or last < since))
    )
    value = f"{stuck} of {len(live)} open goals"
    return Signal("goals", label, value, "worse" if stuck else "better", why, float(stuck))


def _promotion_signal(conn: sqlite3.Connection) -> Signal:
    why = "A refused promotion is the clearest sign of how far this employer will let you go."
    label = "Refused promotions"
    rows = conn.execute("SELECT outcome, reason FROM promotions ORDER BY day, id").fetchall()
    if not rows:
        return Signal("promotion", label, f"{NOT_ENOUGH} (no promotion recorded)", "unknown", why)
    refused = [reason for outcome, reason in rows if outcome == "refused"]
    if refused:
        latest = refused[-1] or "no reason given"
        return Signal(
            "promotion", label, f"{len(refused)} (latest reason: {latest})", "worse", why, float(len(refused))
        )
    granted = any(outcome == "granted" for outcome, _r in rows)
    return Signal("promotion", label, "0", "better" if granted else "steady", why, 0.0)


def _followups_signal(conn: sqlite3.Connection, today: dt.date) -> Signal:
    why = "An employer who does not do what they promised in a career conversation is telling you something."
    label = "Employer follow-ups undone"
    rows = conn.execute("SELECT due, done_on FROM followups WHERE owner = 'them'").fetchall()
    if not rows:
        return Signal(
            "followups", label, f"{NOT_ENOUGH} (no follow-up owned by your employer)", "unknown", why
        )
    late = sum(1 for due, done in rows if done is None and due is not None and due < today.isoformat())
    value = f"{late} past due of {len(rows)}"
    return Signal("followups", label, value, "worse" if late else "better", why, float(late))


def _hours_signal(conn: sqlite3.Connection) -> Signal:
    why = (
        "Hours freed from busywork show the job can be reshaped; hours still buried show it has not been yet."
    )
    label = "Hours freed vs on your plate"
    marks = ", ".join(f"'{d}'" for d in FREEING)
    row = conn.execute(
        f"SELECT count(*), "
        f"COALESCE(SUM(CASE WHEN decision IN ({marks}) AND done_on IS NOT NULL THEN minutes_per_week END), 0), "
        f"COALESCE(SUM(CASE WHEN NOT (decision IN ({marks}) AND done_on IS NOT NULL) THEN minutes_per_week END), 0) "
        f"FROM tasks"
    ).fetchone()
    count, freed, plate = row
    if not count:
        return Signal("hours", label, f"{NOT_ENOUGH} (no tasks in Load)", "unknown", why)
    value = f"{_hours(freed)} h/week freed, {_hours(plate)} h/week still on your plate"
    direction = "better" if freed else "worse" if plate > BURIED_MINUTES else "steady"
    return Signal("hours", label, value, direction, why, freed / 60)


def _guidance_signal(conn: sqlite3.Connection) -> Signal:
    why = "Leaving is only advised after a good-faith effort: at least one conversation with your boss or HR."
    (held,) = conn.execute("SELECT count(*) FROM conversations WHERE held").fetchone()
    if not held:
        return Signal("guidance", "Guidance conversations held", "none yet", "unknown", why, 0.0)
    return Signal("guidance", "Guidance conversations held", str(held), "steady", why, float(held))


def _hours(minutes: int) -> str:
    return f"{minutes / 60:g}"


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
