"""The promotion case, as Markdown a person could hand over in a meeting.

The active target role, a summary with the numbers in words, each gap with its kind, what good looks like, its
progress, its goals (status, progress, due, pace) and the evidence that closes it; evidence linked to no gap of
the target under "Other accomplishments"; then the challenges asked for and their answers. Every section says
in a sentence when it has nothing to show: no empty headings.

Reads only (plain SQL through the services): no ORM, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rutjournal.core import text
from rutjournal.core.grow.rules import (
    VERDICT_WORDS,
    ChallengeView,
    EvidenceView,
    GapView,
    GoalView,
    TargetView,
    progress_basis,
)
from rutjournal.core.grow.service import Grow
from rutjournal.core.i18n import N_, _, in_words, ngettext
from rutjournal.core.report_text import capital, evidence_item, md_inline, sentence
from rutjournal.core.storage.db import Database

__all__ = ["ANSWER_WORDS", "STATUS_WORDS", "promotion_case_markdown"]

# Stored codes in words, marked here and translated where shown: _(ANSWER_WORDS[answer]).
ANSWER_WORDS = {
    # TRANSLATORS: the answer to a request for more responsibility
    "yes": N_("granted"),
    # TRANSLATORS: the answer to a request for more responsibility
    "no": N_("turned down"),
    # TRANSLATORS: the answer to a request for more responsibility
    "later": N_("put off until later"),
    # TRANSLATORS: the answer to a request for more responsibility
    "pending": N_("no answer yet"),
}
STATUS_WORDS = {
    # TRANSLATORS: the status of a goal
    "not_started": N_("not started"),
    # TRANSLATORS: the status of a goal
    "active": N_("active"),
    # TRANSLATORS: the status of a goal
    "done": N_("done"),
    # TRANSLATORS: the status of a goal
    "dropped": N_("dropped"),
}
KIND_WORDS = {  # a gap's kind, as a column of the table of gaps
    # TRANSLATORS: a kind of gap between you and a target role (a column of a table)
    "skill": N_("Skill"),
    "experience": N_("Experience"),
    "knowledge": N_("Knowledge"),
    "visibility": N_("Visibility"),
}
KIND_GAPS = {  # a gap's kind, under its heading
    "skill": N_("Skill gap"),
    "experience": N_("Experience gap"),
    "knowledge": N_("Knowledge gap"),
    "visibility": N_("Visibility gap"),
}


def promotion_case_markdown(db: Database, today: dt.date | None = None) -> str:
    """The case for the active target role, from Grow's records (see the module docstring)."""
    day = today or dt.date.today()
    grow = Grow(db, today=lambda: day)
    target = grow.active_target()
    evidence = grow.evidence()
    challenges = grow.challenges()
    out: list[str] = []
    if target is None:
        out += [
            "# " + _("Promotion case"),
            "",
            _("Prepared on {day}.").format(day=text.long_day(day)),
            "",
            _(
                "No target role has been named yet, so there is no case to make toward one. Name the role "
                "and the gaps between you and it (the Grow section, or `rutjournal target set TITLE`); this "
                "report then shows how far each gap has closed and the evidence that closes it."
            ),
            "",
        ]
        gaps: tuple[GapView, ...] = ()
    else:
        gaps = target.gaps
        if not target.by_date:
            by = _("No target date set")
        elif target.by_date < day:
            by = _("Target date: {day} (passed)").format(day=text.day(target.by_date))
        else:
            by = _("Target date: {day}").format(day=text.day(target.by_date))
        out += [
            # TRANSLATORS: a heading; {title} is the target role, e.g. "Staff engineer"
            "# " + _("Promotion case: {title}").format(title=md_inline(target.title)),
            "",
            # TRANSLATORS: {target_date} is "Target date: Thu 3 Dec 2026" or "No target date set"
            _("{target_date} · prepared on {day}").format(target_date=by, day=text.long_day(day)),
            "",
        ]
        out += ["## " + _("Summary"), "", _case_summary(target, evidence, challenges), ""]
        out += _gap_table(target)
        out += _gap_sections(target, evidence, day)
    linked = {g.id for g in gaps}
    others = [e for e in evidence if e.gap_id not in linked]
    if others:
        if target and target.gaps:
            heading = _("Other accomplishments")
            intro = _("Evidence not linked to a gap of this target, most recent first:")
        else:
            heading, intro = _("Accomplishments"), _("Most recent first:")
        out += ["## " + heading, "", intro, "", *(evidence_item(e) for e in others), ""]
    out += _challenge_section(challenges)
    return "\n".join(out).rstrip() + "\n"


def _gaps_closed(target: TargetView) -> str:
    """How many gaps are more than half closed, with the target's progress and how it was reached."""
    gaps = target.gaps
    half = sum(g.progress is not None and g.progress > 0.5 for g in gaps)
    total = len(gaps)
    if total == 1:
        said = _("the one gap is more than half closed") if half else _("the one gap is not yet half closed")
    elif half == total:
        said = _("all {count} gaps are more than half closed").format(count=total)
    elif half == 0:
        said = _("none of the {count} gaps is more than half closed yet").format(count=total)
    else:
        said = ngettext(
            "{half} of {count} gaps is more than half closed",
            "{half} of {count} gaps are more than half closed",
            half,
        ).format(half=half, count=total)
    if target.progress is None:
        return said
    basis = progress_basis(gaps, lambda title: f"“{md_inline(title)}”")
    # TRANSLATORS: {said} is "2 of 3 gaps are more than half closed", {basis} how the percentage is reached
    return _("{said} (overall {percent}: {basis})").format(
        said=said, percent=text.percent(target.progress), basis=basis
    )


def _goals_done(goals: list[GoalView]) -> str:
    """The closing sentence on the goals set: how many are done and overdue."""
    done = sum(g.status == "done" for g in goals)
    overdue = sum(g.overdue for g in goals)
    if len(goals) == 1:
        if done:
            return _("The one goal set so far is done.")
        return (
            _("The one goal set so far is overdue.")
            if overdue
            else _("The one goal set so far is not done yet.")
        )
    finished = (
        ngettext("{count} is done", "{count} are done", done).format(count=done)
        if done
        else _("none is done yet")
    )
    late = (
        ngettext("{count} is overdue", "{count} are overdue", overdue).format(count=overdue)
        if overdue
        else ""
    )
    # TRANSLATORS: {done} is "2 are done" or "none is done yet", {late} "1 is overdue" or "none is overdue"
    return _("Of the {count} goals set to close them, {done} and {late}.").format(
        count=len(goals), done=finished, late=late or _("none is overdue")
    )


def _case_summary(target: TargetView, evidence: list[EvidenceView], challenges: list[ChallengeView]) -> str:
    if target.by_date:
        opening = _("Working toward {title} by {day}.").format(
            title=md_inline(target.title), day=text.day(target.by_date)
        )
    else:
        opening = _("Working toward {title}.").format(title=md_inline(target.title))
    parts = [
        _gaps_closed(target) if target.gaps else _("no gaps between today and the role have been named yet")
    ]
    if not evidence:
        parts.append(_("no evidence logged yet"))
    else:
        first = min(e.day for e in evidence)
        parts.append(
            ngettext(
                "{count} piece of evidence since {month}",
                "{count} pieces of evidence since {month}",
                len(evidence),
            ).format(count=text.whole(len(evidence)), month=text.month(first))
        )
    if not challenges:
        parts.append(_("no challenges asked for yet"))
    else:
        granted = sum(c.answer == "yes" for c in challenges)
        parts.append(
            ngettext(
                "{count} challenge asked for, {granted} granted",
                "{count} challenges asked for, {granted} granted",
                len(challenges),
            ).format(count=text.whole(len(challenges)), granted=granted)
        )
    goals = [g for gap in target.gaps for g in gap.goals if g.status != "dropped"]
    closing = " " + _goals_done(goals) if goals else ""
    return f"{opening} {capital('; '.join(parts))}.{closing}"


def _gap_table(target: TargetView) -> list[str]:
    if not target.gaps:
        return []
    # TRANSLATORS: the columns of the table of gaps: a gap, its kind, its goals, its progress
    head = (_("Gap"), _("Kind"), _("Goals"), _("Progress"))
    rows = ["| {} | {} | {} | {} |".format(*head), "| --- | --- | --- | ---: |"]
    for gap in target.gaps:
        counted = [g for g in gap.goals if g.status != "dropped"]
        done = sum(g.status == "done" for g in counted)
        goals = (
            _("{done} of {count} done").format(done=done, count=len(counted)) if counted else _("none yet")
        )
        progress = text.percent(gap.progress if gap.progress is not None else 0)
        if gap.progress is None:
            progress = _("{percent} (no goal yet)").format(percent=progress)
        rows.append(
            f"| {md_inline(gap.title)} | {capital(in_words(KIND_WORDS, gap.kind))} | {goals} | {progress} |"
        )
    return [*rows, ""]


def _gap_sections(target: TargetView, evidence: list[EvidenceView], today: dt.date) -> list[str]:
    if not target.gaps:
        return [
            "## " + _("Gaps"),
            "",
            _(
                "No gaps have been named yet: list the skills, experience, knowledge and visibility the role "
                "asks for that are not yet shown, and the goals that will close them."
            ),
            "",
        ]
    out = ["## " + _("Gaps, goals and evidence"), ""]
    for gap in target.gaps:
        out += [f"### {md_inline(gap.title)}", ""]
        if gap.progress is None:
            state = _("no goal that counts yet, so it counts as {zero} toward the target").format(
                zero=text.percent(0)
            )
        else:
            state = _("{percent} closed").format(percent=text.percent(gap.progress))
        kind = _(KIND_GAPS[gap.kind]) if gap.kind in KIND_GAPS else f"{capital(gap.kind)} gap"
        out += [f"*{kind} · {state}*", ""]
        if gap.good_looks_like.strip():
            # TRANSLATORS: what the gap looks like once closed, as the user wrote it
            good = _("**What good looks like:** {text}").format(text=md_inline(gap.good_looks_like))
            out += [good, ""]
        if gap.goals:
            out += ["**" + _("Goals") + "**", "", *_goal_items(gap.goals, today), ""]
        else:
            out += [_("No goals set for this gap yet."), ""]
        mine = [e for e in evidence if e.gap_id == gap.id]
        if mine:
            out += ["**" + _("Evidence") + "**", "", *(evidence_item(e, with_kind=True) for e in mine), ""]
        else:
            out += [_("No evidence logged for this gap yet."), ""]
    return out


def _goal_facts(goal: GoalView, today: dt.date) -> list[str]:
    """A goal's status, progress, due date and pace, each in a few words."""
    facts = [in_words(STATUS_WORDS, goal.status)]
    if goal.status == "dropped":
        facts.append(_("not counted"))
    elif goal.status != "done":
        done = text.percent(goal.progress)
        if goal.milestones:
            ticked, count = sum(m.done_on is not None for m in goal.milestones), len(goal.milestones)
            facts.append(
                ngettext(
                    "{percent} done ({ticked} of {count} milestone)",
                    "{percent} done ({ticked} of {count} milestones)",
                    count,
                ).format(percent=done, ticked=ticked, count=text.whole(count))
            )
        else:
            facts.append(_("{percent} done").format(percent=done))
    if goal.due is None:
        facts.append(_("no due date"))
    elif goal.overdue:
        late = (today - goal.due).days
        facts.append(
            ngettext(
                "**overdue** by {count} day, due {day}", "**overdue** by {count} days, due {day}", late
            ).format(count=text.whole(late), day=text.day(goal.due))
        )
    else:
        facts.append(_("due {day}").format(day=text.day(goal.due)))
    if goal.pace is not None and not goal.overdue:
        # TRANSLATORS: {pace} is "on track", "at risk" or "off track"; {percent} the share of the time gone
        facts.append(
            _("{pace} ({percent} of the time gone)").format(
                pace=_(VERDICT_WORDS[goal.pace.verdict]), percent=text.percent(goal.pace.expected)
            )
        )
    return facts


def _goal_items(goals: Iterable[GoalView], today: dt.date) -> list[str]:
    lines = []
    for goal in goals:
        lines.append(f"- {md_inline(goal.title)} — {', '.join(_goal_facts(goal, today))}")
        for milestone in goal.milestones:
            if milestone.done_on:
                done = _("done {day}").format(day=text.day(milestone.done_on))
            else:
                # TRANSLATORS: a milestone not done yet
                done = _("to do")
            lines.append(f"    - {md_inline(milestone.title)} — {done}")
    return lines


def _told(answer: str, count: int) -> str:
    """How many requests got an answer: "2 granted", "1 no answer yet"."""
    if answer == "yes":
        # TRANSLATORS: requests for more responsibility
        return ngettext("{count} granted", "{count} granted", count).format(count=count)
    if answer == "no":
        return ngettext("{count} turned down", "{count} turned down", count).format(count=count)
    if answer == "later":
        return ngettext("{count} put off until later", "{count} put off until later", count).format(
            count=count
        )
    return ngettext("{count} no answer yet", "{count} no answer yet", count).format(count=count)


def _challenge_section(challenges: list[ChallengeView]) -> list[str]:
    out = ["## " + _("Challenges taken on"), ""]
    if not challenges:
        return [*out, _("No requests for more responsibility have been logged yet."), ""]
    counts = {answer: sum(c.answer == answer for c in challenges) for answer in ANSWER_WORDS}
    told = [_told(a, counts[a]) for a in ("yes", "no", "later", "pending") if counts[a]]
    n = len(challenges)
    # TRANSLATORS: {answers} is "2 granted, 1 turned down"
    out += [
        ngettext(
            "More responsibility asked for {count} time: {answers}. Most recent first:",
            "More responsibility asked for {count} times: {answers}. Most recent first:",
            n,
        ).format(count=text.whole(n), answers=", ".join(told)),
        "",
    ]
    for c in challenges:
        answer = in_words(ANSWER_WORDS, c.answer)
        if c.answered_on and c.answered_on != c.asked_on:
            # TRANSLATORS: {answer} is "granted", "turned down", …
            answer = _("{answer} on {day}").format(answer=answer, day=text.day(c.answered_on))
        asked = _("Asked of {person}; {answer}.").format(person=md_inline(c.asked_of), answer=answer)
        out.append(f"- **{text.day(c.asked_on)}** — {sentence(md_inline(c.what))} {asked}")
    return [*out, ""]
