"""What the Grow section shows and the rules behind it: the frozen views, and the arithmetic and checks as
small pure functions (no database, no Qt).

They live apart from the service so the CLI can check what a user typed before it opens the journal, and so
every rule is tested on its own (the rules are written out in ``grow``'s docstring). The allowed values are
``core.choices``'; they are named here too for older callers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from rutjournal.core import text
from rutjournal.core.choices import ANSWERS as ANSWERS
from rutjournal.core.choices import CLOSED_STATUSES as CLOSED
from rutjournal.core.choices import EVIDENCE_KINDS as EVIDENCE_KINDS
from rutjournal.core.choices import GAP_KINDS as GAP_KINDS
from rutjournal.core.choices import GOAL_STATUSES as GOAL_STATUSES
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.values import check_day

MAX_TITLE = 200
MAX_TEXT = 10_000
ON_TRACK_POINTS = 10  # within this many points of the time gone: on track
OFF_TRACK_POINTS = 25  # more than this many points behind: off track

PaceVerdict = Literal["on_track", "at_risk", "off_track"]
# The pace verdicts in words, translated where shown: _(VERDICT_WORDS[verdict]).
VERDICT_WORDS: dict[str, str] = {
    # TRANSLATORS: the pace of a goal
    "on_track": N_("on track"),
    # TRANSLATORS: the pace of a goal
    "at_risk": N_("at risk"),
    # TRANSLATORS: the pace of a goal
    "off_track": N_("off track"),
}
# TRANSLATORS: {on} and {off} are numbers of percentage points
PACE_RULE = N_("on track means within {on} points of the time gone; off track, more than {off} behind")


@dataclass(frozen=True)
class Pace:
    """How a goal's progress compares with the share of its time gone, with the rule stated in words."""

    verdict: PaceVerdict
    expected: float
    actual: float
    explanation: str


@dataclass(frozen=True)
class MilestoneView:
    id: int
    goal_id: int
    title: str
    done_on: dt.date | None


@dataclass(frozen=True)
class GoalView:
    id: int
    gap_id: int
    title: str
    started_on: dt.date
    due: dt.date | None
    status: str
    manual_percent: int | None
    milestones: tuple[MilestoneView, ...]
    progress: float
    pace: Pace | None
    overdue: bool


@dataclass(frozen=True)
class GapView:
    id: int
    target_id: int
    title: str
    kind: str
    good_looks_like: str
    goals: tuple[GoalView, ...]
    progress: float | None


@dataclass(frozen=True)
class TargetView:
    id: int
    title: str
    by_date: dt.date | None
    active: bool
    gaps: tuple[GapView, ...]
    progress: float | None


@dataclass(frozen=True)
class EvidenceView:
    id: int
    day: dt.date
    text: str
    kind: str
    result: str | None
    gap_id: int | None
    goal_id: int | None


@dataclass(frozen=True)
class ChallengeView:
    id: int
    asked_on: dt.date
    what: str
    asked_of: str
    answer: str
    answered_on: dt.date | None


@dataclass(frozen=True)
class GrowSummary:
    goals_active: int
    goals_done: int
    goals_overdue: int
    evidence_count: int
    challenges_asked: int
    challenges_granted: int
    target_progress: float | None


def goal_progress(
    status: str, milestones_done: int, milestones_total: int, manual_percent: int | None
) -> float:
    """0..1: a done goal is complete; else the share of milestones done; else the manual percentage; else 0."""
    if status == "done":
        return 1.0
    if milestones_total:
        return milestones_done / milestones_total
    if manual_percent is not None:
        return manual_percent / 100
    return 0.0


def mean_progress(values: Iterable[float | None]) -> float | None:
    """The mean of the values that exist; None when none does (nothing to measure is not zero progress)."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def gap_progress(goals: Iterable[GoalView]) -> float | None:
    """The mean of the goals' progress, dropped goals left out; None when no goal counts."""
    return mean_progress(g.progress for g in goals if g.status != "dropped")


def target_progress(gaps: Iterable[GapView]) -> float | None:
    """The mean of the gaps' progress, a gap with no goal that counts yet as 0 (the whole way is still ahead);
    None when no gap has been named."""
    return mean_progress(0.0 if g.progress is None else g.progress for g in gaps)


def progress_basis(gaps: tuple[GapView, ...], quote: Callable[[str], str] = lambda t: f"'{t}'") -> str:
    """How a target's progress was reached, in words: "the mean of 2 gaps; 'Stakeholder visibility' has no
    goal yet and counts as 0 %". ``quote`` writes a gap's title (the reports escape it for Markdown)."""
    if not gaps:
        return _("no gaps named yet, so nothing to measure")
    missing = [g for g in gaps if g.progress is None]
    some = not all(not g.goals for g in missing)  # some hold only dropped goals: "no goal that counts"
    n = len(gaps)
    found = {"count": text.whole(n), "zero": text.percent(0), "missing": text.whole(len(missing))}
    if missing:
        # TRANSLATORS: two or three titles of gaps, e.g. "'Visibility' and 'Budgets'"
        found["title"] = (
            quote(missing[0].title)
            if len(missing) == 1
            else _("{first} and {last}").format(
                first=", ".join(quote(g.title) for g in missing[:-1]), last=quote(missing[-1].title)
            )
        )
    # TRANSLATORS (these clauses): how a target's progress is reached; {title} is a gap's title, {zero} is "0 %"
    if n == 1:
        if not missing:
            return _("its one gap")
        if some:
            return _("its one gap, {title}, has no goal that counts yet and counts as {zero}").format(**found)
        return _("its one gap, {title}, has no goal yet and counts as {zero}").format(**found)
    if not missing:
        return ngettext("the mean of {count} gap", "the mean of {count} gaps", n).format(**found)
    if len(missing) == n:
        return ngettext(
            "the mean of {count} gap; none has a goal that counts yet, so each counts as {zero}",
            "the mean of {count} gaps; none has a goal that counts yet, so each counts as {zero}",
            n,
        ).format(**found)
    if len(missing) == 1 and some:
        return ngettext(
            "the mean of {count} gap; {title} has no goal that counts yet and counts as {zero}",
            "the mean of {count} gaps; {title} has no goal that counts yet and counts as {zero}",
            n,
        ).format(**found)
    if len(missing) == 1:
        return ngettext(
            "the mean of {count} gap; {title} has no goal yet and counts as {zero}",
            "the mean of {count} gaps; {title} has no goal yet and counts as {zero}",
            n,
        ).format(**found)
    if len(missing) <= 3 and some:
        return ngettext(
            "the mean of {count} gap; {title} have no goal that counts yet and count as {zero}",
            "the mean of {count} gaps; {title} have no goal that counts yet and count as {zero}",
            n,
        ).format(**found)
    if len(missing) <= 3:
        return ngettext(
            "the mean of {count} gap; {title} have no goal yet and count as {zero}",
            "the mean of {count} gaps; {title} have no goal yet and count as {zero}",
            n,
        ).format(**found)
    if some:
        return ngettext(
            "the mean of {count} gap; {missing} of them have no goal that counts yet and count as {zero}",
            "the mean of {count} gaps; {missing} of them have no goal that counts yet and count as {zero}",
            n,
        ).format(**found)
    return ngettext(
        "the mean of {count} gap; {missing} of them have no goal yet and count as {zero}",
        "the mean of {count} gaps; {missing} of them have no goal yet and count as {zero}",
        n,
    ).format(**found)


def goal_view(
    goal_id: int,
    gap_id: int,
    title: str,
    started_on: dt.date,
    due: dt.date | None,
    status: str,
    manual_percent: int | None,
    milestones: tuple[MilestoneView, ...],
    today: dt.date,
) -> GoalView:
    """A goal as shown: its progress, its pace (active goals with a due date only) and whether it is overdue."""
    done = sum(m.done_on is not None for m in milestones)
    progress = goal_progress(status, done, len(milestones), manual_percent)
    return GoalView(
        id=goal_id,
        gap_id=gap_id,
        title=title,
        started_on=started_on,
        due=due,
        status=status,
        manual_percent=manual_percent,
        milestones=milestones,
        progress=progress,
        pace=pace(started_on, due, today, progress) if due is not None and status == "active" else None,
        overdue=is_overdue(due, status, today),
    )


def time_gone(started_on: dt.date, due: dt.date, today: dt.date) -> float:
    """The share of the days from start to due that have passed, clamped to 0..1."""
    total = (due - started_on).days
    if total <= 0:
        return 1.0 if today >= due else 0.0
    return min(1.0, max(0.0, (today - started_on).days / total))


def pace_verdict(expected: float, actual: float) -> PaceVerdict:
    """On track within 10 points of the time gone, at risk up to 25 points behind, off track beyond."""
    behind = round((expected - actual) * 100, 6)  # in points, rounded so 75 % − 65 % is exactly 10
    if behind <= ON_TRACK_POINTS:
        return "on_track"
    if behind <= OFF_TRACK_POINTS:
        return "at_risk"
    return "off_track"


def pace(started_on: dt.date, due: dt.date, today: dt.date, actual: float) -> Pace:
    expected = time_gone(started_on, due, today)
    verdict = pace_verdict(expected, actual)
    rule = _(PACE_RULE).format(on=ON_TRACK_POINTS, off=OFF_TRACK_POINTS)
    # TRANSLATORS: {actual} and {expected} are percentages, {verdict} "on track", {rule} the rule of the verdicts
    explanation = _("{actual} done with {expected} of the time gone: {verdict} ({rule})").format(
        actual=text.percent(actual),
        expected=text.percent(expected),
        verdict=_(VERDICT_WORDS[verdict]),
        rule=rule,
    )
    return Pace(verdict, expected, actual, explanation)


def is_overdue(due: dt.date | None, status: str, today: dt.date) -> bool:
    """Past its due date and neither done nor dropped."""
    return due is not None and due < today and status not in CLOSED


def check_title(value: object, field: str = "title") -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > MAX_TITLE:
        raise InvalidInput(field, _("1 to {count} characters").format(count=MAX_TITLE), value)
    return value.strip()


def check_text(value: object, field: str = "text") -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > MAX_TEXT:
        raise InvalidInput(field, _("1 to {count} characters").format(count=text.whole(MAX_TEXT)), value)
    return value.strip()


def check_note(value: object, field: str) -> str:
    """Optional free text: may be empty, but not endless."""
    if not isinstance(value, str) or len(value.strip()) > MAX_TEXT:
        allowed = _("text of at most {count} characters").format(count=text.whole(MAX_TEXT))
        raise InvalidInput(field, allowed, value)
    return value.strip()


def check_choice(field: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidInput(field, " / ".join(allowed), value)
    return value


def check_percent(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise InvalidInput("manual_percent", _("a whole number from 0 to 100, or blank"), value)
    return value


def check_optional_date(field: str, value: object) -> dt.date | None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise InvalidInput(field, _("a date (YYYY-MM-DD), or blank"), value)
    return None if value is None else check_day(field, value)


def check_start(value: object) -> dt.date:
    """A goal's start: any day in the journal's bounds, past ones included (a goal already under way)."""
    day = check_optional_date("started_on", value)
    if day is None:
        raise InvalidInput("started_on", _("a date (YYYY-MM-DD)"), value)
    return day


def check_due(started_on: dt.date, due: dt.date | None, field: str = "due") -> dt.date | None:
    """A due date on or after the goal's start (a goal can be entered late, never due before it began)."""
    if due is not None and due < started_on:
        allowed = _("on or after the start, {day}").format(day=text.day(started_on))
        raise InvalidInput(field, allowed, due.isoformat())
    return due


def check_fields(
    values: dict[str, object], checks: dict[str, Callable[[object], object]]
) -> dict[str, object]:
    """Check each field a user may change with its own check; a field not in ``checks`` is refused."""
    checked: dict[str, object] = {}
    for name, value in values.items():
        if name not in checks:
            raise InvalidInput(name, _("one of {names}").format(names=", ".join(checks)), value)
        checked[name] = checks[name](value)
    return checked


GAP_CHECKS: dict[str, Callable[[object], object]] = {
    "title": check_title,
    "kind": lambda v: check_choice("kind", v, GAP_KINDS),
    "good_looks_like": lambda v: check_note(v, "good_looks_like"),
}
GOAL_CHECKS: dict[str, Callable[[object], object]] = {
    "title": check_title,
    "due": lambda v: check_optional_date("due", v),
    "started_on": check_start,
    "status": lambda v: check_choice("status", v, GOAL_STATUSES),
    "manual_percent": check_percent,
}
