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
from rutjournal.core.report_text import capital, evidence_item, md_inline, sentence
from rutjournal.core.storage.db import Database

__all__ = ["ANSWER_WORDS", "STATUS_WORDS", "promotion_case_markdown"]

ANSWER_WORDS = {
    "yes": "granted",
    "no": "turned down",
    "later": "put off until later",
    "pending": "no answer yet",
}
STATUS_WORDS = {"not_started": "not started", "active": "active", "done": "done", "dropped": "dropped"}


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
            "# Promotion case",
            "",
            f"Prepared on {text.long_day(day)}.",
            "",
            "No target role has been named yet, so there is no case to make toward one. Name the role "
            "and the gaps between you and it (the Grow section, or `rutjournal target set TITLE`); this "
            "report then shows how far each gap has closed and the evidence that closes it.",
            "",
        ]
        gaps: tuple[GapView, ...] = ()
    else:
        gaps = target.gaps
        by = f"Target date: {text.day(target.by_date)}" if target.by_date else "No target date set"
        if target.by_date and target.by_date < day:
            by += " (passed)"
        out += [
            f"# Promotion case: {md_inline(target.title)}",
            "",
            f"{by} · prepared on {text.long_day(day)}",
            "",
        ]
        out += ["## Summary", "", _case_summary(target, evidence, challenges), ""]
        out += _gap_table(target)
        out += _gap_sections(target, evidence, day)
    linked = {g.id for g in gaps}
    others = [e for e in evidence if e.gap_id not in linked]
    if others:
        heading = "## Other accomplishments" if target and target.gaps else "## Accomplishments"
        intro = (
            "Evidence not linked to a gap of this target, most recent first:"
            if target and target.gaps
            else "Most recent first:"
        )
        out += [heading, "", intro, "", *(evidence_item(e) for e in others), ""]
    out += _challenge_section(challenges)
    return "\n".join(out).rstrip() + "\n"


def _case_summary(target: TargetView, evidence: list[EvidenceView], challenges: list[ChallengeView]) -> str:
    by = f" by {text.day(target.by_date)}" if target.by_date else ""
    opening = f"Working toward {md_inline(target.title)}{by}."
    parts = []
    gaps = target.gaps
    if not gaps:
        parts.append("no gaps between today and the role have been named yet")
    else:
        half = sum(g.progress is not None and g.progress > 0.5 for g in gaps)
        total = len(gaps)
        if total == 1:
            parts.append("the one gap is " + ("more than half closed" if half else "not yet half closed"))
        elif half == total:
            parts.append(f"all {total} gaps are more than half closed")
        elif half == 0:
            parts.append(f"none of the {total} gaps is more than half closed yet")
        else:
            parts.append(f"{half} of {total} gaps {'is' if half == 1 else 'are'} more than half closed")
        if target.progress is not None:
            basis = progress_basis(gaps, lambda title: f"“{md_inline(title)}”")
            parts[-1] += f" (overall {text.percent(target.progress)}: {basis})"
    if not evidence:
        parts.append("no evidence logged yet")
    else:
        first = min(e.day for e in evidence)
        parts.append(f"{text.plural(len(evidence), 'piece')} of evidence since {text.month(first)}")
    if not challenges:
        parts.append("no challenges asked for yet")
    else:
        granted = sum(c.answer == "yes" for c in challenges)
        parts.append(f"{text.plural(len(challenges), 'challenge')} asked for, {granted} granted")
    goals = [g for gap in gaps for g in gap.goals if g.status != "dropped"]
    closing = ""
    if goals:
        done = sum(g.status == "done" for g in goals)
        overdue = sum(g.overdue for g in goals)
        finished = "none is done yet" if not done else f"{done} {'is' if done == 1 else 'are'} done"
        late = f"{overdue} {'is' if overdue == 1 else 'are'} overdue" if overdue else "none is overdue"
        if len(goals) == 1:
            state = "done" if done else ("overdue" if overdue else "not done yet")
            closing = f" The one goal set so far is {state}."
        else:
            closing = f" Of the {len(goals)} goals set to close them, {finished} and {late}."
    return f"{opening} {capital('; '.join(parts))}.{closing}"


def _gap_table(target: TargetView) -> list[str]:
    if not target.gaps:
        return []
    rows = ["| Gap | Kind | Goals | Progress |", "| --- | --- | --- | ---: |"]
    for gap in target.gaps:
        counted = [g for g in gap.goals if g.status != "dropped"]
        done = sum(g.status == "done" for g in counted)
        goals = f"{done} of {len(counted)} done" if counted else "none yet"
        progress = text.percent(gap.progress if gap.progress is not None else 0)
        if gap.progress is None:
            progress += " (no goal yet)"
        rows.append(f"| {md_inline(gap.title)} | {capital(gap.kind)} | {goals} | {progress} |")
    return [*rows, ""]


def _gap_sections(target: TargetView, evidence: list[EvidenceView], today: dt.date) -> list[str]:
    if not target.gaps:
        return [
            "## Gaps",
            "",
            "No gaps have been named yet: list the skills, experience, knowledge and visibility the role "
            "asks for that are not yet shown, and the goals that will close them.",
            "",
        ]
    out = ["## Gaps, goals and evidence", ""]
    for gap in target.gaps:
        out += [f"### {md_inline(gap.title)}", ""]
        if gap.progress is None:
            state = f"no goal that counts yet, so it counts as {text.percent(0)} toward the target"
        else:
            state = f"{text.percent(gap.progress)} closed"
        out += [f"*{capital(gap.kind)} gap · {state}*", ""]
        if gap.good_looks_like.strip():
            out += [f"**What good looks like:** {md_inline(gap.good_looks_like)}", ""]
        if gap.goals:
            out += ["**Goals**", "", *_goal_items(gap.goals, today), ""]
        else:
            out += ["No goals set for this gap yet.", ""]
        mine = [e for e in evidence if e.gap_id == gap.id]
        if mine:
            out += ["**Evidence**", "", *(evidence_item(e, with_kind=True) for e in mine), ""]
        else:
            out += ["No evidence logged for this gap yet.", ""]
    return out


def _goal_items(goals: Iterable[GoalView], today: dt.date) -> list[str]:
    lines = []
    for goal in goals:
        facts = [STATUS_WORDS.get(goal.status, goal.status)]
        if goal.status == "dropped":
            facts.append("not counted")
        elif goal.status != "done":
            if goal.milestones:
                ticked = sum(m.done_on is not None for m in goal.milestones)
                milestones = text.plural(len(goal.milestones), "milestone")
                facts.append(f"{text.percent(goal.progress)} done ({ticked} of {milestones})")
            else:
                facts.append(f"{text.percent(goal.progress)} done")
        if goal.due is None:
            facts.append("no due date")
        elif goal.overdue:
            late = text.plural((today - goal.due).days, "day")
            facts.append(f"**overdue** by {late}, due {text.day(goal.due)}")
        else:
            facts.append(f"due {text.day(goal.due)}")
        if goal.pace is not None and not goal.overdue:
            gone = text.percent(goal.pace.expected)
            facts.append(f"{VERDICT_WORDS[goal.pace.verdict]} ({gone} of the time gone)")
        lines.append(f"- {md_inline(goal.title)} — {', '.join(facts)}")
        for milestone in goal.milestones:
            done = f"done {text.day(milestone.done_on)}" if milestone.done_on else "to do"
            lines.append(f"    - {md_inline(milestone.title)} — {done}")
    return lines


def _challenge_section(challenges: list[ChallengeView]) -> list[str]:
    out = ["## Challenges taken on", ""]
    if not challenges:
        return [*out, "No requests for more responsibility have been logged yet.", ""]
    counts = {answer: sum(c.answer == answer for c in challenges) for answer in ANSWER_WORDS}
    told = [f"{counts[a]} {ANSWER_WORDS[a]}" for a in ("yes", "no", "later", "pending") if counts[a]]
    out += [
        f"More responsibility asked for {text.plural(len(challenges), 'time')}: {', '.join(told)}. "
        "Most recent first:",
        "",
    ]
    for c in challenges:
        answer = ANSWER_WORDS.get(c.answer, c.answer)
        if c.answered_on and c.answered_on != c.asked_on:
            answer += f" on {text.day(c.answered_on)}"
        out.append(
            f"- **{text.day(c.asked_on)}** — {sentence(md_inline(c.what))} "
            f"Asked of {md_inline(c.asked_of)}; {answer}."
        )
    return [*out, ""]
