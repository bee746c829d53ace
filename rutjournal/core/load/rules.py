"""The rules of the Load inventory, with no database: what a task is, which values are allowed, how typed
hours are read, and how the tasks add up into the summary strip's totals and the hand-off ranking.

Time is whole minutes a week everywhere, so totals are exact. "On your plate" is every task except those whose
freeing decision (delegate, drop, decline, automate) has been carried out.
"""

# No ``from __future__ import annotations``: typing.NamedTuple compiles every field's annotation given as
# text, 3.5 M instructions for the Load records on every Load command (6 % of Python's start). The
# annotations are real types instead; tests/cli/test_cli_lean.py keeps them so.

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import NamedTuple, TypeVar

# The allowed values, named here too for older callers.
from rutjournal.core.choices import DECISIONS as DECISIONS
from rutjournal.core.choices import FREEING as FREEING
from rutjournal.core.choices import IN_JD as IN_JD
from rutjournal.core.choices import MINUTES_PER_WEEK, TASK_KINDS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.load.delegability import Delegability, TaskFacts, delegability

KINDS = TASK_KINDS
MAX_MINUTES = MINUTES_PER_WEEK[1]
# Compiled the first time hours are typed as more than a number ("1h30m"; re keeps it compiled after that): a
# list, a report, or ``--hours 0.5`` never needs it.
_HOURS = r"^\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$"
EDITABLE = (
    "title",
    "kind",
    "minutes_per_week",
    "in_jd",
    "enjoyment",
    "value",
    "delegate_to",
    "reason",
    "notes",
)


class TaskView(NamedTuple):
    id: int
    title: str
    kind: str
    minutes_per_week: int
    in_jd: str
    enjoyment: int | None
    value: int | None
    decision: str
    delegate_to: str | None
    reason: str | None
    decided_on: dt.date | None
    done_on: dt.date | None
    notes: str
    delegability: Delegability  # worked out from the fields above

    @property
    def score(self) -> int:
        return self.delegability.score

    @property
    def freed(self) -> bool:
        return is_freed(self)

    @property
    def pending(self) -> bool:
        return is_pending(self)


class TaskLine(NamedTuple):
    """What a list of tasks and the report show of a task: TaskView without the words of its decision
    (whom, why, when) and its notes. Thousands are read for every list, and sqlite3 pays for every cell."""

    id: int
    title: str
    kind: str
    minutes_per_week: int
    in_jd: str
    enjoyment: int | None
    value: int | None
    decision: str
    done_on: dt.date | None
    score: int  # the hand-off score, worked out from the fields above

    @property
    def delegability(self) -> Delegability:
        """The score with its facts, for its words: worked out again, for the few tasks a report explains."""
        return delegability(TaskFacts(self.minutes_per_week, self.in_jd, self.enjoyment, self.value))


# A task as the totals, the ranking and the words of a decision read it: whole, or its line.
Task = TypeVar("Task", TaskView, TaskLine)


def is_freed(task: TaskView | TaskLine) -> bool:
    """Off the plate: a freeing decision (delegate, drop, decline, automate) carried out."""
    return task.decision in FREEING and task.done_on is not None


def is_pending(task: TaskView | TaskLine) -> bool:
    """A freeing decision not carried out yet: its hours are still on the plate."""
    return task.decision in FREEING and task.done_on is None


class LoadSummary(NamedTuple):
    """The totals of the summary strip, in minutes a week; shares are None when there is nothing to share."""

    on_plate: int
    core: int
    pending_free: int
    freed: int
    meetings: int
    enjoyed: int
    tasks: int
    plate_tasks: int = 0  # how many tasks are on the plate (``tasks`` counts the freed ones too)
    untimed: int = 0  # tasks on the plate with no hours yet: the totals leave them out
    enjoy_rated: int = 0  # minutes on the plate of tasks whose enjoyment is rated

    @property
    def core_share(self) -> float | None:
        return self.core / self.on_plate if self.on_plate else None

    @property
    def enjoyed_share(self) -> float | None:
        """Share of the plate on work rated +1 or +2; None until some timed task on the plate is rated at all
        (a plate nobody rated is not 0 % enjoyed)."""
        return self.enjoyed / self.on_plate if self.on_plate and self.enjoy_rated else None


def parse_minutes(text: str) -> int:
    """'2', '1.5', '2h', '90m', '1h30m' → whole minutes a week (a range check is ``check_task_fields``')."""
    allowed = _("hours a week such as 2, 1.5, 2h, 90m or 1h30m")
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None:
        if not math.isfinite(number) or abs(number) > MAX_MINUTES:  # inf, nan, 1e309: no number of minutes
            raise InvalidInput("hours", allowed, text)
        return round(number * 60)
    match = re.compile(_HOURS, re.IGNORECASE).match(text)
    if not text.strip() or not match or not any(match.groups()):
        raise InvalidInput("hours", allowed, text)
    hours, minutes = match.groups()
    if len(hours or "") > 6 or len(minutes or "") > 6:
        raise InvalidInput("hours", allowed, text)
    return round(float(hours or 0) * 60) + int(minutes or 0)


def check_task_fields(values: dict[str, object]) -> dict[str, object]:
    """Validate the fields a user may set; raises InvalidInput naming the first bad one."""
    for name, value in values.items():
        if name == "title":
            if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
                raise InvalidInput("title", _("1 to 200 characters"), value)
            values[name] = value.strip()
        elif name == "kind" and value not in KINDS:
            raise InvalidInput("kind", " / ".join(KINDS), value)
        elif name == "in_jd" and value not in IN_JD:
            # TRANSLATORS: the column saying whether a task is in the user's job description.
            raise InvalidInput(_("in job description"), " / ".join(IN_JD), value)
        elif name == "minutes_per_week" and not (isinstance(value, int) and 0 <= value <= MAX_MINUTES):
            raise InvalidInput("hours", _("0 to 168 hours a week"), value)
        elif name == "enjoyment" and value is not None and value not in (-2, -1, 0, 1, 2):
            raise InvalidInput("enjoyment", _("a whole number from -2 to +2, or blank"), value)
        elif name == "value" and value is not None and value not in (1, 2, 3, 4, 5):
            raise InvalidInput("value", _("a whole number from 1 to 5, or blank"), value)
        elif name not in EDITABLE:
            raise InvalidInput(name, _("one of {choices}").format(choices=", ".join(EDITABLE)))
    return values


def rank_candidates(tasks: Sequence[Task]) -> list[Task]:
    """The undecided tasks, highest hand-off score first (more hours first on a tie)."""
    # Sorted on (key, task) pairs made in one pass, not through a key function called per task; ids are
    # unique, so two tasks are never compared themselves.
    ranked = [(-t.score, -t.minutes_per_week, t.id, t) for t in tasks if t.decision == "undecided"]
    ranked.sort()
    return [t for *_key, t in ranked]


def summarize(tasks: Sequence[TaskView | TaskLine]) -> LoadSummary:
    """The totals, in one pass over the tasks (thousands of them)."""
    on_plate = core = pending_free = freed = meetings = enjoyed = plate_tasks = untimed = enjoy_rated = 0
    for t in tasks:
        minutes = t.minutes_per_week
        if t.decision in FREEING:
            if t.done_on is not None:  # t.freed: off the plate
                freed += minutes
                continue
            pending_free += minutes  # t.pending
        plate_tasks += 1
        on_plate += minutes
        if not minutes:
            untimed += 1
        if t.in_jd == "yes":
            core += minutes
        if t.kind == "meeting":
            meetings += minutes
        if t.enjoyment is not None:
            enjoy_rated += minutes
            if t.enjoyment > 0:
                enjoyed += minutes
    return LoadSummary(
        on_plate=on_plate,
        core=core,
        pending_free=pending_free,
        freed=freed,
        meetings=meetings,
        enjoyed=enjoyed,
        tasks=len(tasks),
        plate_tasks=plate_tasks,
        untimed=untimed,
        enjoy_rated=enjoy_rated,
    )
