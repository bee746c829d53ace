"""The 1:1 brief for one conversation, as Markdown a person could take into it.

By default the next planned conversation, else the most recent: who and when, the agenda as stored, the open
follow-ups with who owes them, the evidence of the last 30 days, and the last 30 days of the journal in one line
per measure (mood, hours worked, perceived load), each line saying what it measures and over how many days.
Every section says in a sentence when it has nothing to show: no empty headings.

Reads only (plain SQL through the services): no ORM, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rutjournal.core import text
from rutjournal.core.grow.rules import progress_basis
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import ROLE_LABELS, ConversationView, FollowupView, Guidance
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.report_text import evidence_item, md_block, md_inline, sentence, span
from rutjournal.core.storage.db import Database

__all__ = ["WINDOW_DAYS", "brief_markdown", "pick_conversation"]

WINDOW_DAYS = 30


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
        out += ["# 1:1 brief", "", f"Prepared on {text.long_day(day)}.", ""]
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
        out += [f"With {md_inline(conv.with_name)} ({role}) · {text.long_day(conv.day)} · {when}", ""]
    if target is not None:
        by = f" by {text.day(target.by_date)}" if target.by_date else ""
        basis = progress_basis(target.gaps, lambda title: f"“{md_inline(title)}”")
        progress = (
            f": {text.percent(target.progress)} of the way there ({basis})"
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
    intro = f"{text.plural(len(followups), 'follow-up')} open ({mine} mine, {len(followups) - mine} theirs)"
    intro += f", {overdue} overdue." if overdue else ", none overdue."
    out += [intro, ""]
    for f in followups:
        who = "me" if f.owner == "me" else md_inline(f.with_name)
        if f.due is None:
            due = "no due date"
        elif f.overdue:
            due = f"**overdue**, due {text.day(f.due)}"
        else:
            due = f"due {text.day(f.due)}"
        out.append(f"- {sentence(md_inline(f.text))} Owed by {who}; {due}.")
    return [*out, ""]


def _recent_evidence(grow: Grow, first: dt.date, last: dt.date) -> list[str]:
    out = [f"## Evidence of the last {WINDOW_DAYS} days", ""]
    recent = [e for e in grow.evidence() if first <= e.day <= last]
    if not recent:
        return [*out, f"No evidence was logged in these {WINDOW_DAYS} days ({span(first, last)}).", ""]
    titles = {gap.id: gap.title for target in grow.targets() for gap in target.gaps}
    out += [f"{span(first, last)}, most recent first:", ""]
    for e in recent:
        gap = titles.get(e.gap_id) if e.gap_id is not None else None
        out.append(evidence_item(e, with_kind=False, gap=gap))
    return [*out, ""]


def _last_days(db: Database, first: dt.date, last: dt.date) -> list[str]:
    days = Journal(db).scores_between(first, last)
    written = len(days)
    mood, moods = _mean(s.mood for s in days.values())
    hours, hours_days = _mean(s.hours for s in days.values())
    load, loads = _mean(s.load for s in days.values())
    tasks = Load(db).summary()
    out = [f"## Last {WINDOW_DAYS} days", "", f"From the journal, {span(first, last)}:", ""]
    if not written:
        out.append(
            f"- **Journal:** nothing written in these {WINDOW_DAYS} days, so no mood or workload to show."
        )
    else:
        out.append(_measure("Mood", mood, moods, written, f"{text.score(mood)} of 5 on average"))
        out.append(
            _measure("Hours worked", hours, hours_days, written, f"{text.hours(hours)} a day on average")
        )
        load_words = f"{text.score(load)} of 5 on average (1 light, 5 crushing)"
        out.append(_measure("Perceived load", load, loads, written, load_words))
    if tasks.tasks:
        on_plate = text.minutes_as_hours(tasks.on_plate, per_week=True)
        line = f"- **Task inventory:** {on_plate} on the plate"
        if tasks.core_share is not None:
            line += f", {text.percent(tasks.core_share)} of it core work"
        freed = text.minutes_as_hours(tasks.freed, per_week=True)
        line += f"; {freed} freed so far" if tasks.freed else "; none freed yet"
        if tasks.pending_free:
            pending = text.minutes_as_hours(tasks.pending_free, per_week=True)
            line += f", {pending} more once the pending decisions are carried out"
        out.append(line + ".")
    return [*out, ""]


def _mean(values: Iterable[float | None]) -> tuple[float | None, int]:
    """The mean of the values given (None for none) and how many there were."""
    given = [v for v in values if v is not None]
    return (sum(given) / len(given) if given else None), len(given)


def _measure(name: str, mean: float | None, count: int, written: int, value: str) -> str:
    """One line of the last days: what it measures, its mean, and over how many of the written days."""
    if not count or mean is None:
        return f"- **{name}:** not recorded on any of the written days."
    if count == written:
        return f"- **{name}:** {value} over {text.plural(written, 'written day')}."
    return f"- **{name}:** {value} over {count} of {text.plural(written, 'written day')}."
