"""The light job-search tracker of Crossroads: applications, their stages, and the count by stage in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace

from rutjournal.core.choices import STAGES as STAGES  # named here too for older callers
from rutjournal.core.crossroads import store
from rutjournal.core.crossroads.model import ApplicationView
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.storage.db import Database
from rutjournal.core.text import whole
from rutjournal.core.values import MAX_BODY_CHARS, check_day

__all__ = [
    "STAGES",
    "STAGE_LABELS",
    "ApplicationView",
    "JobSearch",
    "at_stage",
    "check_date",
    "check_name",
    "check_note",
    "check_stage",
    "stage_summary",
]

# The stages' labels, marked here and translated where they are shown: _(STAGE_LABELS[stage]).
STAGE_LABELS = dict(
    zip(
        STAGES,
        (
            # TRANSLATORS: a stage of a job application: an idea of a job to apply for
            N_("Idea"),
            # TRANSLATORS: a stage of a job application
            N_("Applied"),
            # TRANSLATORS: a stage of a job application
            N_("Interview"),
            # TRANSLATORS: a stage of a job application: a job offer received
            N_("Offer"),
            # TRANSLATORS: a stage of a job application
            N_("Rejected"),
            # TRANSLATORS: a stage of a job application
            N_("Withdrawn"),
        ),
        strict=True,
    )
)


def at_stage(stage: str, count: int) -> str:
    """How many are at a stage, as people say it: "1 idea", "2 applied", "1 at interview", "2 offers"."""
    shown = whole(count)
    if stage == "idea":
        return ngettext("{count} idea", "{count} ideas", count).format(count=shown)
    if stage == "offer":
        return ngettext("{count} offer", "{count} offers", count).format(count=shown)
    if stage == "interview":
        return ngettext("{count} at interview", "{count} at interview", count).format(count=shown)
    if stage == "applied":
        # TRANSLATORS: job applications sent and waiting for an answer
        return ngettext("{count} applied", "{count} applied", count).format(count=shown)
    if stage == "rejected":
        return ngettext("{count} rejected", "{count} rejected", count).format(count=shown)
    if stage == "withdrawn":
        return ngettext("{count} withdrawn", "{count} withdrawn", count).format(count=shown)
    return f"{shown} {stage}"


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
        raise InvalidInput("date", _("a date"), value)
    return check_day("date", value)


def check_note(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_BODY_CHARS:
        allowed = _("text of at most {count} characters").format(count=MAX_BODY_CHARS)
        raise InvalidInput("note", allowed, type(value).__name__)
    return value.strip()


class JobSearch:
    """The tracker's reads and writes (through ``crossroads.store``); ``Crossroads`` is one (``db`` and
    ``today`` are set by it)."""

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
        return store.add_application(self.db, company, role, stage, applied_on, today, notes)

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

        def change(row: ApplicationView) -> ApplicationView:
            applied = row.applied_on if applied_on is None else applied_on
            if stage is not None and stage != "idea" and applied is None:
                applied = today  # moved past "idea" with no date: taken as applied today
            return replace(
                row,
                stage=row.stage if stage is None else stage,
                notes=row.notes if notes is None else notes,
                applied_on=applied,
                updated_on=today,
            )

        if not store.change_application(self.db, application_id, change):
            raise InvalidInput("application", _("the id of an existing application"), application_id)
        return next(a for a in self.applications() if a.id == application_id)

    def applications(self) -> list[ApplicationView]:
        return store.read_applications(self.db)

    def counts_by_stage(self) -> dict[str, int]:
        """Every stage, in order, with how many applications are at it (zeros included)."""
        return {**dict.fromkeys(STAGES, 0), **store.count_by_stage(self.db)}
