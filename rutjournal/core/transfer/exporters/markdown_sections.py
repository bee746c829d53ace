"""The rest of the journal as Markdown, for ``export --format markdown --include …``: the task inventory, the
target role with its gaps, goals and milestones, the evidence, and the conversations with their follow-ups.

Read straight from the tables, in the export's own read transaction, so it holds what the entries' files hold
at the same moment. Like the entries' files it depends only on the journal (no export date).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TextIO

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


def _rows(conn: sqlite3.Connection, sql: str, *args: object) -> Iterator[sqlite3.Row]:
    cursor = conn.execute(sql, args)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))  # type: ignore[misc]


def _tasks(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Tasks\n")
    n = 0
    for t in _rows(conn, "SELECT * FROM tasks ORDER BY decision, title"):
        n += 1
        facts = [
            t["kind"],
            minutes_as_hours(t["minutes_per_week"], per_week=True),
            f"decision: {t['decision']}",
        ]
        if t["delegate_to"]:
            facts.append(f"to {t['delegate_to']}")
        if t["done_on"]:
            facts.append(f"done {t['done_on']}")
        out.write(f"\n- **{t['title']}** — {', '.join(str(f) for f in facts)}\n")
        if t["notes"]:
            out.write(f"  {t['notes'].strip()}\n")
    if not n:
        out.write("\nNo tasks yet.\n")
    return n


def _goals(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Target, gaps and goals\n")
    for target in _rows(conn, "SELECT * FROM targets WHERE active ORDER BY id"):
        by = f" by {target['by_date']}" if target["by_date"] else ""
        out.write(f"\nTarget: **{target['title']}**{by}\n")
    n = 0
    for gap in _rows(conn, "SELECT * FROM gaps ORDER BY id"):
        out.write(f"\n### {gap['title']} ({gap['kind']})\n")
        if gap["good_looks_like"]:
            out.write(f"\nWhat good looks like: {gap['good_looks_like']}\n")
        for goal in _rows(conn, "SELECT * FROM goals WHERE gap_id = ? ORDER BY id", gap["id"]):
            n += 1
            due = f", due {goal['due']}" if goal["due"] else ""
            out.write(f"\n- **{goal['title']}** ({goal['status']}{due})\n")
            for step in _rows(
                conn, "SELECT * FROM milestones WHERE goal_id = ? ORDER BY position, id", goal["id"]
            ):
                out.write(f"  - [{'x' if step['done_on'] else ' '}] {step['title']}\n")
    if not n:
        out.write("\nNo goals yet.\n")
    return n


def _evidence(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Evidence\n")
    n = 0
    for item in _rows(conn, "SELECT * FROM evidence ORDER BY day, id"):
        n += 1
        result = f" — {item['result']}" if item["result"] else ""
        out.write(f"\n- {item['day']} ({item['kind']}): {item['text'].strip()}{result}\n")
    if not n:
        out.write("\nNo evidence yet.\n")
    return n


def _conversations(out: TextIO, conn: sqlite3.Connection) -> int:
    out.write("\n## Conversations\n")
    n = 0
    for c in _rows(conn, "SELECT * FROM conversations ORDER BY day, id"):
        n += 1
        state = "held" if c["held"] else "planned"
        out.write(f"\n### {c['day']} with {c['with_name']} ({c['role']}, {state})\n")
        for label, key in (("Agenda", "agenda"), ("Notes", "notes"), ("Outcome", "outcome")):
            if c[key]:
                out.write(f"\n{label}:\n\n{demote_headings(c[key].strip(), 3)}\n")
        follow = list(_rows(conn, "SELECT * FROM followups WHERE conversation_id = ? ORDER BY id", c["id"]))
        if follow:
            out.write("\nFollow-ups:\n\n")
            for f in follow:
                due = f", due {f['due']}" if f["due"] else ""
                out.write(f"- [{'x' if f['done_on'] else ' '}] {f['text']} ({f['owner']}{due})\n")
    if not n:
        out.write("\nNo conversations yet.\n")
    return n


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
