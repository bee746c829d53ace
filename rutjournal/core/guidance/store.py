"""Guidance's tables in SQL, on the bare sqlite3 connection the service opens: conversations with the options
offered and the follow-ups agreed in them, and promotion decisions.

Reads return the frozen views of ``rules``; writes take values the service has checked and go through the row
helpers Grow's store keeps for both sections (stamps as the ORM set them, the same InvalidInput for an id that
names no row).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from rutjournal.core.grow.store import delete_row, insert_row, require_row, update_row
from rutjournal.core.guidance.rules import ConversationView, FollowupView, OptionView, PromotionView
from rutjournal.core.storage.dates import day_of

__all__ = [
    "add_child",
    "delete_row",
    "insert_row",
    "read_conversations",
    "read_followups",
    "read_promotions",
    "update_row",
]


def add_child(
    conn: sqlite3.Connection, table: str, conversation_id: int, values: Mapping[str, object]
) -> int:
    """Insert an option or a follow-up, only under a conversation that exists; its id."""
    require_row(conn, "conversations", conversation_id, "conversation")
    return insert_row(conn, table, {"conversation_id": conversation_id, **values})


def read_conversations(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[ConversationView]:
    """The conversations a WHERE clause on ``conversations`` picks, newest first, with options and follow-ups."""
    rows = conn.execute(
        "SELECT id, day, with_name, role, held, agenda, notes, outcome FROM conversations "
        f"{where} ORDER BY day DESC, id DESC",
        params,
    ).fetchall()
    ids = tuple(r[0] for r in rows)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    options = conn.execute(
        "SELECT id, conversation_id, kind, said FROM conversation_options "
        f"WHERE conversation_id IN ({marks}) ORDER BY id",
        ids,
    ).fetchall()
    followups = read_followups(conn, today, f"WHERE f.conversation_id IN ({marks})", ids)
    return [
        ConversationView(
            *(r[0], day_of(r[1]), r[2], r[3], bool(r[4]), r[5], r[6], r[7]),
            options=tuple(OptionView(*o) for o in options if o[1] == r[0]),
            followups=tuple(f for f in followups if f.conversation_id == r[0]),
        )
        for r in rows
    ]


def read_followups(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[FollowupView]:
    """The follow-ups a WHERE clause on ``followups f`` (joined to ``conversations c``) picks, by id; one is
    overdue when it is not done and its due date is before ``today``."""
    rows = conn.execute(
        "SELECT f.id, f.conversation_id, f.text, f.owner, f.due, f.done_on, c.with_name "
        f"FROM followups f JOIN conversations c ON c.id = f.conversation_id {where} ORDER BY f.id",
        params,
    ).fetchall()
    views = []
    for followup_id, conversation_id, what, owner, due_text, done_text, with_name in rows:
        due, done_on = day_of(due_text), day_of(done_text)
        overdue = done_on is None and due is not None and due < today
        views.append(
            FollowupView(followup_id, conversation_id, what, owner, due, done_on, overdue, with_name)
        )
    return views


def read_promotions(conn: sqlite3.Connection) -> list[PromotionView]:
    """Every promotion decision, newest first."""
    rows = conn.execute(
        "SELECT id, day, outcome, role_title, reason FROM promotions ORDER BY day DESC, id DESC"
    ).fetchall()
    return [PromotionView(r[0], day_of(r[1]), r[2], r[3], r[4]) for r in rows]
