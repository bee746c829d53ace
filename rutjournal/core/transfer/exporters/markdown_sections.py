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
from rutjournal.core.guidance import store as guidance_store
from rutjournal.core.load import store as load_store
from rutjournal.core.text import minutes_as_hours

SECTIONS = ("tasks", "goals", "evidence", "conversations")
FILE_NAME = "beyond-the-journal.md"


def write_sections(out: TextIO, conn: sqlite3.Connection, chosen: tuple[str, ...]) -> dict[str, int]:
    """Write the chosen sections under one ``#`` title; returns how many records each held."""
    out.write("# Beyond the journal\n")
    counts: dict[str, int] = {}
    for name in SECTIONS:
        if name in chosen:
            counts[name] = _WRITERS[name](out, conn)
    return counts


def _tasks(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Tasks\n")
    tasks = sorted(load_store.read_tasks(conn), key=lambda t: (t.decision, t.title))
    for t in tasks:
        facts = [t.kind, minutes_as_hours(t.minutes_per_week, per_week=True), f"decision: {t.decision}"]
        if t.delegate_to:
            facts.append(f"to {t.delegate_to}")
        if t.done_on:
            facts.append(f"done {t.done_on}")
        out.write(f"\n- **{t.title}** — {', '.join(facts)}\n")
        if t.notes:
            out.write(f"  {t.notes.strip()}\n")
    if not tasks:
        out.write("\nNo tasks yet.\n")
    return len(tasks)


def _goals(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Target, gaps and goals\n")
    today = dt.date.today()
    for target in reversed(grow_store.read_targets(conn, today, "WHERE active", ())):
        by = f" by {target.by_date}" if target.by_date else ""
        out.write(f"\nTarget: **{target.title}**{by}\n")
    n = 0
    for gap in grow_store.read_gaps(conn, today, "", ()):
        out.write(f"\n### {gap.title} ({gap.kind})\n")
        if gap.good_looks_like:
            out.write(f"\nWhat good looks like: {gap.good_looks_like}\n")
        for goal in gap.goals:
            n += 1
            due = f", due {goal.due}" if goal.due else ""
            out.write(f"\n- **{goal.title}** ({goal.status}{due})\n")
            for step in goal.milestones:
                out.write(f"  - [{'x' if step.done_on else ' '}] {step.title}\n")
    if not n:
        out.write("\nNo goals yet.\n")
    return n


def _evidence(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Evidence\n")
    items = list(reversed(grow_store.read_evidence(conn, None)))  # the oldest first
    for item in items:
        result = f" — {item.result}" if item.result else ""
        out.write(f"\n- {item.day} ({item.kind}): {item.text.strip()}{result}\n")
    if not items:
        out.write("\nNo evidence yet.\n")
    return len(items)


def _conversations(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Conversations\n")
    held = list(
        reversed(guidance_store.read_conversations(conn, dt.date.today(), "", ()))
    )  # the oldest first
    for c in held:
        state = "held" if c.held else "planned"
        out.write(f"\n### {c.day} with {c.with_name} ({c.role}, {state})\n")
        for label, text in (("Agenda", c.agenda), ("Notes", c.notes), ("Outcome", c.outcome)):
            if text:
                out.write(f"\n{label}:\n\n{demote_headings(text.strip(), 3)}\n")
        if c.followups:
            out.write("\nFollow-ups:\n\n")
            for f in c.followups:
                due = f", due {f.due}" if f.due else ""
                out.write(f"- [{'x' if f.done_on else ' '}] {f.text} ({f.owner}{due})\n")
    if not held:
        out.write("\nNo conversations yet.\n")
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
