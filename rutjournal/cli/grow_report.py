"""The words of ``report grow`` without ``--json``, and a target's line with its date (``target edit`` too).

Each line is one whole sentence in the user's language; the numbers and dates in it are core/text.py's.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rutjournal.core import text
from rutjournal.core.grow.rules import progress_basis
from rutjournal.core.i18n import _, ngettext, pgettext

if TYPE_CHECKING:
    from rutjournal.core.grow.service import GoalView, GrowSummary, TargetView


def by_date(plain: str, by: str, passed: str, by_day: dt.date | None, today: dt.date) -> str:
    """The one of three sentences that fits a target's date, {day} filled in: none (``plain``), ``by``, or
    ``passed`` (that day has gone); the other placeholders are left for the caller."""
    if by_day is None:
        return plain
    return (passed if by_day < today else by).format_map(_Leave(day=text.day(by_day)))


class _Leave(dict[str, str]):
    """format_map's values: the ones given, and every other placeholder left as it was."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def print_report(
    target: TargetView | None, goals: list[GoalView], summary: GrowSummary, today: dt.date, pending: int
) -> None:
    if target is None:
        print(_("No target role yet: set one with `rutjournal target set TITLE [--by DATE]`."))
    else:
        shown = by_date(
            _("Target: {title}"),
            _("Target: {title}, by {day}"),
            _("Target: {title}, by {day} (that date has passed)"),
            target.by_date,
            today,
        )
        print(shown.format(title=target.title))
        basis = progress_basis(target.gaps)
        if target.progress is None:
            print(_("Progress: not measured yet — {basis}").format(basis=basis))
        else:
            print(_("Progress: {share} — {basis}").format(share=text.percent(target.progress), basis=basis))
        if target.gaps:
            print()
            print(_("Gaps (each one's progress is the mean of its goals, dropped goals left out):"))
        for gap in target.gaps:
            counting = sum(g.status != "dropped" for g in gap.goals)
            if counting:
                # TRANSLATORS: a gap of the target: its id, title and kind, its progress and how many goals count
                said = ngettext(
                    "#{id} {title} [{kind}]: {share} from {count} goal",
                    "#{id} {title} [{kind}]: {share} from {count} goals",
                    counting,
                )
                share = text.percent(gap.progress)
            else:
                # TRANSLATORS: a gap of the target: its id, title and kind; {share} is 0 %
                said = _(
                    "#{id} {title} [{kind}]: no goal that counts yet (counts as {share} toward the target)"
                )
                share = text.percent(0)
            print(
                "  "
                + said.format(
                    id=gap.id, title=gap.title, kind=gap.kind, share=share, count=text.whole(counting)
                )
            )
            if gap.good_looks_like:
                print("      " + _("what good looks like: {text}").format(text=gap.good_looks_like))
        if goals:
            print()
            print(_("Goals (overdue first, then by due date):"))
        for goal in goals:
            print("  " + goal_line(goal, today))
            if goal.pace:
                print("      " + _("pace: {explanation}").format(explanation=goal.pace.explanation))
        print()
        print(
            _(
                "Goals: {active} active, {done} done, {overdue} overdue "
                "(past the due date and neither done nor dropped)."
            ).format(
                active=text.whole(summary.goals_active),
                done=text.whole(summary.goals_done),
                overdue=text.whole(summary.goals_overdue),
            )
        )
    count = summary.evidence_count
    print(
        ngettext(
            "Evidence logged: {count} accomplishment.", "Evidence logged: {count} accomplishments.", count
        ).format(count=text.whole(count))
    )
    print(
        _(
            "Challenges asked for: {asked}, of which {granted} granted "
            "(answered yes) and {pending} still waiting for an answer."
        ).format(
            asked=text.whole(summary.challenges_asked),
            granted=text.whole(summary.challenges_granted),
            pending=text.whole(pending),
        )
    )


def goal_line(goal: GoalView, today: dt.date) -> str:
    started = _("started {day}").format(day=text.day(goal.started_on))
    if goal.overdue and goal.due:
        late = (today - goal.due).days
        due = ngettext(
            "due {day}, OVERDUE by {count} day", "due {day}, OVERDUE by {count} days", late
        ).format(day=text.day(goal.due), count=text.whole(late))
    else:
        due = _("due {day}").format(day=text.day(goal.due)) if goal.due else _("no due date")
    if goal.status == "done":
        basis = pgettext("a goal's progress", "done")
    elif goal.milestones:
        ticked, total = sum(m.done_on is not None for m in goal.milestones), len(goal.milestones)
        basis = ngettext(
            "{done} of {count} milestone done", "{done} of {count} milestones done", total
        ).format(done=text.whole(ticked), count=text.whole(total))
    elif goal.manual_percent is not None:
        basis = _("set by hand")
    else:
        basis = _("no milestones or percentage yet")
    status = goal.status.replace("_", " ")
    # TRANSLATORS: a goal in the report: id, title, status (active, done…), started, due, progress and its basis
    said = _("#{id} {title} — {status}, {started}, {due}: {progress} ({basis})")
    return said.format(
        id=goal.id,
        title=goal.title,
        status=status,
        started=started,
        due=due,
        progress=text.percent(goal.progress),
        basis=basis,
    )
