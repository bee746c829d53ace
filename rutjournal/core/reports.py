"""Reports to take into a meeting, as Markdown a person could hand over: a promotion case and a 1:1 brief.

- The **promotion case**: the active target role, a summary with the numbers in words, each gap with its kind,
  what good looks like, its progress, its goals (status, progress, due, pace) and the evidence that closes it;
  evidence linked to no gap of the target under "Other accomplishments"; then the challenges asked for and
  their answers.
- The **1:1 brief** for one conversation (by default the next planned one, else the most recent): who and
  when, the agenda as stored, the open follow-ups with who owes them, the evidence of the last 30 days, and
  the last 30 days of the journal in one line per measure (mood, hours worked, perceived load), each line
  saying what it measures and over how many days.

Every section says in a sentence when it has nothing to show: no empty headings. User text is escaped where
Markdown would read it as structure (emphasis, links, code, HTML, headings); stored Markdown (an agenda) is
kept, but its headings become bold lines so they cannot outrank the report's own.

Reads only (plain SQL through the services): no ORM, no Qt. ``pdf_export`` turns the Markdown into a PDF.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from rutjournal.core.calendar_words import MONTHS, WEEKDAYS
from rutjournal.core.db import Database
from rutjournal.core.grow import Grow
from rutjournal.core.grow_rules import (
    VERDICT_WORDS,
    ChallengeView,
    EvidenceView,
    GapView,
    GoalView,
    TargetView,
)
from rutjournal.core.guidance import ROLE_LABELS, ConversationView, FollowupView, Guidance
from rutjournal.core.load import Load

__all__ = ["WINDOW_DAYS", "brief_markdown", "long_date", "md_inline", "promotion_case_markdown"]

WINDOW_DAYS = 30
EVIDENCE_WORDS = {
    "project_shipped": "project shipped",
    "writing_design": "writing and design",
    "collaboration_mentoring": "collaboration and mentoring",
    "beyond_role": "work beyond the role",
}
ANSWER_WORDS = {
    "yes": "granted",
    "no": "turned down",
    "later": "put off until later",
    "pending": "no answer yet",
}
STATUS_WORDS = {"not_started": "not started", "active": "active", "done": "done", "dropped": "dropped"}

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_HASH = re.compile(r"(^|\s)#")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$")


# -- words and numbers ------------------------------------------------------------------------------------------
def md_inline(text: str) -> str:
    """User text made safe for one line of Markdown: whitespace (newlines too) collapsed to single spaces, and
    the characters that would start emphasis, code, a link, HTML, a table cell or a heading escaped."""
    flat = " ".join(text.split())
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _HASH.sub(lambda m: m.group(1) + "\\#", flat)
    return _ENTITY.sub(r"\\&", flat)


def md_block(text: str) -> str:
    """Stored Markdown kept as written, except that headings become bold lines (they would outrank the
    report's own), underlines that would make a heading are dropped, and HTML is shown as text."""
    lines = []
    for line in text.strip().splitlines():
        heading = _HEADING.match(line)
        if heading:
            words = (heading.group(1) or "").strip()
            lines.append(f"**{md_inline(words)}**" if words else "")
        elif _SETEXT.match(line) and lines and lines[-1].strip():
            lines.append("")
        else:
            lines.append(line.replace("<", "\\<"))
    return "\n".join(lines).strip()


def long_date(day: dt.date) -> str:
    """'1 September 2027': spelled out, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _weekday_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def _span(first: dt.date, last: dt.date) -> str:
    """'18 April – 17 May 2026' (the year once when both days share it)."""
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {long_date(last)}"
    return f"{long_date(first)} – {long_date(last)}"


def _n(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}"


def _hours(minutes: int) -> str:
    text = f"{minutes / 60:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _sentence(text: str) -> str:
    """Text that ends as a sentence does (a full stop added unless it has its own)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- the promotion case -----------------------------------------------------------------------------------------
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
            f"Prepared on {long_date(day)}.",
            "",
            "No target role has been named yet, so there is no case to make toward one. Name the role "
            "and the gaps between you and it (the Grow section, or `rutjournal target set TITLE`); this "
            "report then shows how far each gap has closed and the evidence that closes it.",
            "",
        ]
        gaps: tuple[GapView, ...] = ()
    else:
        gaps = target.gaps
        by = f"Target date: {long_date(target.by_date)}" if target.by_date else "No target date set"
        out += [
            f"# Promotion case: {md_inline(target.title)}",
            "",
            f"{by} · prepared on {long_date(day)}",
            "",
        ]
        out += ["## Summary", "", _case_summary(target, evidence, challenges, day), ""]
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
        out += [heading, "", intro, "", *(_evidence_item(e) for e in others), ""]
    out += _challenge_section(challenges)
    return "\n".join(out).rstrip() + "\n"


def _case_summary(
    target: TargetView, evidence: list[EvidenceView], challenges: list[ChallengeView], today: dt.date
) -> str:
    by = f" by {long_date(target.by_date)}" if target.by_date else ""
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
            counted = sum(g.progress is not None for g in gaps)
            basis = (
                "the mean of the gaps" if counted == total else f"the mean of the {counted} gaps with goals"
            )
            parts[-1] += f" (overall {_pct(target.progress)}, {basis})"
    if not evidence:
        parts.append("no evidence logged yet")
    else:
        first = min(e.day for e in evidence)
        month = MONTHS[first.month - 1] + ("" if first.year == today.year else f" {first.year}")
        parts.append(f"{_n(len(evidence), 'piece')} of evidence since {month}")
    if not challenges:
        parts.append("no challenges asked for yet")
    else:
        granted = sum(c.answer == "yes" for c in challenges)
        parts.append(f"{_n(len(challenges), 'challenge')} asked for, {granted} granted")
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
    return f"{opening} {_capital('; '.join(parts))}.{closing}"


def _gap_table(target: TargetView) -> list[str]:
    if not target.gaps:
        return []
    rows = ["| Gap | Kind | Goals | Progress |", "| --- | --- | --- | ---: |"]
    for gap in target.gaps:
        counted = [g for g in gap.goals if g.status != "dropped"]
        done = sum(g.status == "done" for g in counted)
        goals = f"{done} of {len(counted)} done" if counted else "none yet"
        progress = _pct(gap.progress) if gap.progress is not None else "–"
        rows.append(f"| {md_inline(gap.title)} | {_capital(gap.kind)} | {goals} | {progress} |")
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
            state = "no goals that count yet, so no progress to show"
        else:
            state = f"{_pct(gap.progress)} closed"
        out += [f"*{_capital(gap.kind)} gap · {state}*", ""]
        if gap.good_looks_like.strip():
            out += [f"**What good looks like:** {md_inline(gap.good_looks_like)}", ""]
        if gap.goals:
            out += ["**Goals**", "", *_goal_items(gap.goals, today), ""]
        else:
            out += ["No goals set for this gap yet.", ""]
        mine = [e for e in evidence if e.gap_id == gap.id]
        if mine:
            out += ["**Evidence**", "", *(_evidence_item(e, with_kind=True) for e in mine), ""]
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
                facts.append(
                    f"{_pct(goal.progress)} done ({ticked} of {_n(len(goal.milestones), 'milestone')})"
                )
            else:
                facts.append(f"{_pct(goal.progress)} done")
        if goal.due is None:
            facts.append("no due date")
        elif goal.overdue:
            facts.append(f"**overdue**, due {long_date(goal.due)}")
        else:
            facts.append(f"due {long_date(goal.due)}")
        if goal.pace is not None and not goal.overdue:
            gone = _pct(goal.pace.expected)
            facts.append(f"{VERDICT_WORDS[goal.pace.verdict]} ({gone} of the time gone)")
        lines.append(f"- {md_inline(goal.title)} — {', '.join(facts)}")
        for milestone in goal.milestones:
            done = f"done {long_date(milestone.done_on)}" if milestone.done_on else "to do"
            lines.append(f"    - {md_inline(milestone.title)} — {done}")
    return lines


def _evidence_item(item: EvidenceView, *, with_kind: bool = True, gap: str | None = None) -> str:
    label = f"**{long_date(item.day)}**"
    if with_kind:
        label += f" · *{_capital(EVIDENCE_WORDS.get(item.kind, item.kind.replace('_', ' ')))}*"
    line = f"- {label} — {_sentence(md_inline(item.text))}"
    if item.result:
        line += f" Result: {_sentence(md_inline(item.result))}"
    if gap:
        line += f" Gap: {_sentence(md_inline(gap))}"
    return line


def _challenge_section(challenges: list[ChallengeView]) -> list[str]:
    out = ["## Challenges taken on", ""]
    if not challenges:
        return [*out, "No requests for more responsibility have been logged yet.", ""]
    counts = {answer: sum(c.answer == answer for c in challenges) for answer in ANSWER_WORDS}
    told = [f"{counts[a]} {ANSWER_WORDS[a]}" for a in ("yes", "no", "later", "pending") if counts[a]]
    out += [
        f"More responsibility asked for {_n(len(challenges), 'time')}: {', '.join(told)}. Most recent first:",
        "",
    ]
    for c in challenges:
        answer = ANSWER_WORDS.get(c.answer, c.answer)
        if c.answered_on and c.answered_on != c.asked_on:
            answer += f" on {long_date(c.answered_on)}"
        out.append(
            f"- **{long_date(c.asked_on)}** — {_sentence(md_inline(c.what))} "
            f"Asked of {md_inline(c.asked_of)}; {answer}."
        )
    return [*out, ""]


# -- the 1:1 brief ----------------------------------------------------------------------------------------------
def pick_conversation(conversations: list[ConversationView], today: dt.date) -> ConversationView | None:
    """The next planned conversation (not held, today or later), else the most recent one, else none."""
    planned = [c for c in conversations if not c.held and c.day >= today]
    if planned:
        return min(planned, key=lambda c: (c.day, c.id))
    return conversations[0] if conversations else None


def brief_markdown(db: Database, conversation_id: int | None = None, today: dt.date | None = None) -> str:
    """The brief for one conversation (see the module docstring); an unknown id raises InvalidInput."""
    day = today or dt.date.today()
    guidance = Guidance(db, today=lambda: day)
    grow = Grow(db, today=lambda: day)
    if conversation_id is not None:
        conv: ConversationView | None = guidance.conversation(conversation_id)
    else:
        conv = pick_conversation(guidance.conversations(), day)
    end = min(conv.day, day) if conv else day
    first = end - dt.timedelta(days=WINDOW_DAYS - 1)
    target = grow.active_target()
    out: list[str] = []
    if conv is None:
        out += ["# 1:1 brief", "", f"Prepared on {long_date(day)}.", ""]
        out += [
            "No conversation is planned or recorded yet, so the agenda below is a suggestion drawn from the "
            "open gaps and stalled goals (or general questions when there are none). Plan the conversation "
            "in the Guidance section to keep an agenda of your own.",
            "",
        ]
    else:
        role = ROLE_LABELS.get(conv.role, conv.role)
        when = "held" if conv.held else _when(conv.day, day)
        out += [f"# 1:1 brief: {md_inline(conv.with_name)}", ""]
        out += [f"With {md_inline(conv.with_name)} ({role}) · {_weekday_date(conv.day)} · {when}", ""]
    if target is not None:
        by = f" by {long_date(target.by_date)}" if target.by_date else ""
        progress = (
            f": {_pct(target.progress)} of the way there (the mean of the gaps' progress)"
            if target.progress is not None
            else ""
        )
        out += [f"Working toward **{md_inline(target.title)}**{by}{progress}.", ""]
    out += _agenda(conv, guidance)
    out += _followup_section(guidance.open_followups())
    out += _recent_evidence(grow, first, end)
    out += _last_days(db, first, end)
    return "\n".join(out).rstrip() + "\n"


def _when(day: dt.date, today: dt.date) -> str:
    days = (day - today).days
    if days == 0:
        return "planned for today"
    if days == 1:
        return "planned for tomorrow"
    if days > 1:
        return f"planned, in {days} days"
    return "planned, not marked as held"


def _agenda(conv: ConversationView | None, guidance: Guidance) -> list[str]:
    if conv is None:
        return ["## Suggested agenda", "", md_block(guidance.prefill_agenda()), ""]
    agenda = md_block(conv.agenda)
    return ["## Agenda", "", agenda or "No agenda has been written for this conversation.", ""]


def _followup_section(followups: list[FollowupView]) -> list[str]:
    out = ["## Open follow-ups", ""]
    if not followups:
        return [*out, "No follow-ups are open.", ""]
    overdue = sum(f.overdue for f in followups)
    mine = sum(f.owner == "me" for f in followups)
    intro = f"{_n(len(followups), 'follow-up')} open ({mine} mine, {len(followups) - mine} theirs)"
    intro += f", {overdue} overdue." if overdue else ", none overdue."
    out += [intro, ""]
    for f in followups:
        who = "me" if f.owner == "me" else md_inline(f.with_name)
        if f.due is None:
            due = "no due date"
        elif f.overdue:
            due = f"**overdue**, due {long_date(f.due)}"
        else:
            due = f"due {long_date(f.due)}"
        out.append(f"- {_sentence(md_inline(f.text))} Owed by {who}; {due}.")
    return [*out, ""]


def _recent_evidence(grow: Grow, first: dt.date, last: dt.date) -> list[str]:
    out = [f"## Evidence of the last {WINDOW_DAYS} days", ""]
    recent = [e for e in grow.evidence() if first <= e.day <= last]
    if not recent:
        return [*out, f"No evidence was logged in these {WINDOW_DAYS} days ({_span(first, last)}).", ""]
    titles = {gap.id: gap.title for target in grow.targets() for gap in target.gaps}
    out += [f"{_span(first, last)}, most recent first:", ""]
    for e in recent:
        gap = titles.get(e.gap_id) if e.gap_id is not None else None
        out.append(_evidence_item(e, with_kind=False, gap=gap))
    return [*out, ""]


def _last_days(db: Database, first: dt.date, last: dt.date) -> list[str]:
    with db.reader() as conn:
        written, mood, moods, hours, hours_days, load, loads = conn.execute(
            "SELECT count(*), avg(mood), count(mood), avg(hours), count(hours), avg(load), count(load) "
            "FROM entries WHERE day BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        ).fetchone()
    tasks = Load(db).summary()
    out = [f"## Last {WINDOW_DAYS} days", "", f"From the journal, {_span(first, last)}:", ""]
    if not written:
        out.append(
            f"- **Journal:** nothing written in these {WINDOW_DAYS} days, so no mood or workload to show."
        )
    else:
        out.append(_measure("Mood", mood, moods, written, f"{_one_decimal(mood or 0)} of 5 on average"))
        out.append(
            _measure(
                "Hours worked", hours, hours_days, written, f"{_one_decimal(hours or 0)} a day on average"
            )
        )
        load_words = f"{_one_decimal(load or 0)} of 5 on average (1 light, 5 crushing)"
        out.append(_measure("Perceived load", load, loads, written, load_words))
    if tasks.tasks:
        line = f"- **Task inventory:** {_hours(tasks.on_plate)} hours a week on the plate"
        if tasks.core_share is not None:
            line += f", {_pct(tasks.core_share)} of it core work"
        line += f"; {_hours(tasks.freed)} hours a week freed so far" if tasks.freed else "; none freed yet"
        if tasks.pending_free:
            line += f", {_hours(tasks.pending_free)} more once the pending decisions are carried out"
        out.append(line + ".")
    return [*out, ""]


def _measure(name: str, mean: float | None, count: int, written: int, value: str) -> str:
    """One line of the last days: what it measures, its mean, and over how many of the written days."""
    if not count or mean is None:
        return f"- **{name}:** not recorded on any of the written days."
    if count == written:
        return f"- **{name}:** {value} over {_n(written, 'written day')}."
    return f"- **{name}:** {value} over {count} of {_n(written, 'written day')}."
