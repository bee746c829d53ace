"""The light job-search tracker of Crossroads: applications, their stages, and the count by stage in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rutjournal.core.choices import STAGES as STAGES  # named here too for older callers
from rutjournal.core.errors import InvalidInput
from rutjournal.core.storage.db import Database
from rutjournal.core.text import plural
from rutjournal.core.values import MAX_BODY_CHARS, check_day

STAGE_LABELS = dict(
    zip(STAGES, ("Idea", "Applied", "Interview", "Offer", "Rejected", "Withdrawn"), strict=True)
)


@dataclass(frozen=True)
class ApplicationView:
    id: int
    company: str
    role: str
    stage: str
    applied_on: dt.date | None
    updated_on: dt.date
    notes: str


def at_stage(stage: str, count: int) -> str:
    """How many are at a stage, as people say it: "1 idea", "2 applied", "1 at interview", "2 offers"."""
    if stage == "idea":
        return plural(count, "idea")
    if stage == "offer":
        return plural(count, "offer")
    if stage == "interview":
        return f"{count:,} at interview"
    return f"{count:,} {stage}"


def stage_summary(counts: Mapping[str, int]) -> str:
    """The stages that have any, in order: "1 idea, 2 applied, 1 at interview"; "" when there are none."""
    return ", ".join(at_stage(stage, counts[stage]) for stage in STAGES if counts.get(stage))


def check_name(field_name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
        raise InvalidInput(field_name, "1 to 200 characters", value)
    return value.strip()


def check_stage(value: object) -> str:
    if value not in STAGES:
        raise InvalidInput("stage", " / ".join(STAGES), value)
    return str(value)


def check_date(value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput("date", "a date", value)
    return check_day("date", value)


def check_note(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_BODY_CHARS:
        raise InvalidInput("note", f"text of at most {MAX_BODY_CHARS} characters", type(value).__name__)
    return value.strip()


class JobSearch:
    """The tracker's reads and writes; ``Crossroads`` is one (``db`` and ``today`` are set by it)."""

    db: Database
    today: Callable[[], dt.date]

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
            check_date(applied_on)
        notes = check_note(notes)
        today = self.today()
        if applied_on is None and stage != "idea":
            applied_on = today
        from rutjournal.core.storage.models_crossroads import Application

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
            notes = check_note(notes)
        if applied_on is not None:
            check_date(applied_on)
        today = self.today()
        from rutjournal.core.storage.models_crossroads import Application

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


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
