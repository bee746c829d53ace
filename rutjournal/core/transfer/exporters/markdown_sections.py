"""The rest of the journal as Markdown, for ``export --format markdown --include …``: the task inventory, the
target role with its gaps, goals and milestones, the evidence, and the conversations with their follow-ups.

Read through the sections' own stores, in the export's one read transaction, so it holds what the entries'
files hold at the same moment. Like the entries' files it depends only on the journal (no export date: the
day the views are worked out for changes only what is not written here, such as a goal's pace).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TextIO

from rutjournal.core.grow import store as grow_store
from rutjournal.core.grow.promotion_case import STATUS_WORDS
from rutjournal.core.guidance import store as guidance_store
from rutjournal.core.i18n import _, in_words
from rutjournal.core.load import store as load_store
from rutjournal.core.report_text import GAP_KIND_WORDS, TASK_KIND_WORDS
from rutjournal.core.text import minutes_as_hours

SECTIONS = ("tasks", "goals", "evidence", "conversations")
FILE_NAME = "beyond-the-journal.md"


def write_sections(out: TextIO, conn: sqlite3.Connection, chosen: tuple[str, ...]) -> dict[str, int]:
    """Write the chosen sections under one ``#`` title; returns how many records each held."""
    out.write("# {title}\n".format(title=_("Beyond the journal")))
    counts: dict[str, int] = {}
    for name in SECTIONS:
        if name in chosen:
            counts[name] = _WRITERS[name](out, conn)
    return counts


def _tasks(out: TextIO, conn: sqlite3.Connection) -> int:
    # TRANSLATORS: the headings of the Markdown export's sections.
    out.write("\n## {title}\n".format(title=_("Tasks")))
    tasks = sorted(load_store.read_tasks(conn), key=lambda t: (t.decision, t.title))
    for t in tasks:
        # TRANSLATORS: {decision} is the decision's stored name (delegate, drop, …), as it is.
        decision = _("decision: {decision}").format(decision=t.decision)
        facts = [
            in_words(TASK_KIND_WORDS, t.kind),
            minutes_as_hours(t.minutes_per_week, per_week=True),
            decision,
        ]
        if t.delegate_to:
            # TRANSLATORS: whom a task was delegated to.
            facts.append(_("to {whom}").format(whom=t.delegate_to))
        if t.done_on:
            # TRANSLATORS: the day a decision was carried out, written YYYY-MM-DD.
            facts.append(_("done {day}").format(day=t.done_on))
        out.write(f"\n- **{t.title}** — {', '.join(facts)}\n")
        if t.notes:
            out.write(f"  {t.notes.strip()}\n")
    if not tasks:
        out.write("\n{line}\n".format(line=_("No tasks yet.")))
    return len(tasks)


def _goals(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## {title}\n".format(title=_("Target, gaps and goals")))
    today = dt.date.today()
    for target in reversed(grow_store.read_targets(conn, today, "WHERE active", ())):
        if target.by_date:
            # TRANSLATORS: the target role, in Markdown bold, and the day it is aimed for (YYYY-MM-DD).
            line = _("Target: **{title}** by {day}").format(title=target.title, day=target.by_date)
        else:
            line = _("Target: **{title}**").format(title=target.title)
        out.write(f"\n{line}\n")
    n = 0
    for gap in grow_store.read_gaps(conn, today, "", ()):
        out.write(f"\n### {gap.title} ({in_words(GAP_KIND_WORDS, gap.kind)})\n")
        if gap.good_looks_like:
            line = _("What good looks like: {text}").format(text=gap.good_looks_like)
            out.write(f"\n{line}\n")
        for goal in gap.goals:
            n += 1
            status = in_words(STATUS_WORDS, goal.status)
            # TRANSLATORS: {status} is the goal's status (active, done, …), {day} when it is due (YYYY-MM-DD).
            state = _("{status}, due {day}").format(status=status, day=goal.due) if goal.due else status
            out.write(f"\n- **{goal.title}** ({state})\n")
            for step in goal.milestones:
                out.write(f"  - [{'x' if step.done_on else ' '}] {step.title}\n")
    if not n:
        out.write("\n{line}\n".format(line=_("No goals yet.")))
    return n


def _evidence(out: TextIO, conn: sqlite3.Connection) -> int:
    from rutjournal.core.report_text import EVIDENCE_WORDS

    out.write("\n## {title}\n".format(title=_("Evidence")))
    items = list(reversed(grow_store.read_evidence(conn, None)))  # the oldest first
    for item in items:
        result = f" — {item.result}" if item.result else ""
        kind = in_words(EVIDENCE_WORDS, item.kind)
        out.write(f"\n- {item.day} ({kind}): {item.text.strip()}{result}\n")
    if not items:
        out.write("\n{line}\n".format(line=_("No evidence yet.")))
    return len(items)


def _conversations(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## {title}\n".format(title=_("Conversations")))
    held = list(
        reversed(guidance_store.read_conversations(conn, dt.date.today(), "", ()))
    )  # the oldest first
    for c in held:
        # TRANSLATORS: whether a conversation was held or is still planned.
        state = _("held") if c.held else _("planned")
        # TRANSLATORS: a conversation's heading: its day (YYYY-MM-DD), with whom, their stored role (boss, hr, …).
        heading = _("{day} with {name} ({role}, {state})").format(
            day=c.day, name=c.with_name, role=c.role, state=state
        )
        out.write(f"\n### {heading}\n")
        for label, text in ((_("Agenda:"), c.agenda), (_("Notes:"), c.notes), (_("Outcome:"), c.outcome)):
            if text:
                out.write(f"\n{label}\n\n{demote_headings(text.strip(), 3)}\n")
        if c.followups:
            out.write("\n{label}\n\n".format(label=_("Follow-ups:")))
            for f in c.followups:
                # TRANSLATORS: {owner} is who owes a follow-up, stored as "me" or "them"; {day} when it is due.
                owed = _("{owner}, due {day}").format(owner=f.owner, day=f.due) if f.due else f.owner
                out.write(f"- [{'x' if f.done_on else ' '}] {f.text} ({owed})\n")
    if not held:
        out.write("\n{line}\n".format(line=_("No conversations yet.")))
    return len(held)


_WRITERS = {"tasks": _tasks, "goals": _goals, "evidence": _evidence, "conversations": _conversations}


def demote_headings(text: str, below: int) -> str:
    """The text's own Markdown headings pushed under level ``below`` (``#`` becomes ``below + 1`` hashes, at
    most six), outside fenced code: a heading the user wrote never sits beside the day it belongs to."""
    lines = []
    fenced = False
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and stripped.startswith("#"):
            hashes = len(stripped) - len(stripped.lstrip("#"))
            rest = stripped[hashes:]
            if hashes <= 6 and (not rest or rest.startswith((" ", "\t"))):
                line = "#" * min(6, hashes + below) + rest
        lines.append(line)
    return "\n".join(lines)
