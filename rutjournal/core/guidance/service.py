"""The Guidance service: career conversations prepared, held and followed up, and promotion decisions.

A new conversation's agenda is prefilled from the active target of Grow (the user edits it freely):

- an *open gap* is a gap of the active target whose goals (dropped ones aside) are not all done, or that has
  none: "What would closing my {kind} gap — {title} — take here? Who does it well?";
- a *stalled goal* is a not-started or active goal of the active target that is overdue (due < today), or that
  was started at least 30 days ago and has seen no progress for 30 days (no milestone done and no manual
  percentage recorded within them): "{title} has stalled since {date}: what is in the way, and can you help?"
  (the date of its last progress, else its start; an overdue goal names its due date instead);
- with no open gap at all (no target yet, or every gap closed), fixed questions about the options an employer
  can offer, so that a new user still walks in with a useful agenda.

Grow's tables are read here with plain SQL: this module depends on no other service. Reads use bare sqlite3
(no ORM import); writes go through the ORM, imported inside the methods that write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.guidance.rules import (
    CONVERSATION_FIELDS,
    GAP_QUESTION,
    MAX_FOLLOWUP_CHARS,
    MAX_NAME_CHARS,
    OPTION_LABELS,
    OPTION_QUESTIONS,
    OUTCOME_LABELS,
    OVERDUE_QUESTION,
    OWNER_LABELS,
    PROMOTION_FIELDS,
    ROLE_LABELS,
    STALL_DAYS,
    STALLED_QUESTION,
    ConversationView,
    FollowupView,
    OptionView,
    PromotionView,
    check_conversation_fields,
    check_followup,
    check_promotion_fields,
    choice,
    day_value,
    plain_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rutjournal.core.storage.db import Database

__all__ = [
    "CONVERSATION_FIELDS",
    "MAX_FOLLOWUP_CHARS",
    "MAX_NAME_CHARS",
    "OPTION_LABELS",
    "OPTION_QUESTIONS",
    "OUTCOME_LABELS",
    "OWNER_LABELS",
    "PROMOTION_FIELDS",
    "ROLE_LABELS",
    "STALL_DAYS",
    "ConversationView",
    "FollowupView",
    "Guidance",
    "OptionView",
    "PromotionView",
    "check_conversation_fields",
    "check_followup",
    "check_promotion_fields",
]

_Row = TypeVar("_Row")


class Guidance:
    def __init__(self, db: Database, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.today = today

    def prefill_agenda(self) -> str:
        """A Markdown list of questions from the active target's open gaps and stalled goals (see above)."""
        today = self.today()
        since = (today - timedelta(days=STALL_DAYS)).isoformat()
        with self.db.reader() as conn:
            target = conn.execute("SELECT id FROM targets WHERE active ORDER BY id DESC LIMIT 1").fetchone()
            gaps = [] if target is None else _gaps(conn, target[0])
        questions = []
        for kind, title, goals in gaps:
            live = [g for g in goals if g[1] != "dropped"]
            if not live or any(g[1] != "done" for g in live):
                questions.append(GAP_QUESTION.format(kind=kind, title=title))
        for _kind, _gap, goals in gaps:
            for title, status, started_on, due, last in goals:
                if status not in ("not_started", "active"):
                    continue
                if due is not None and due < today.isoformat():
                    questions.append(OVERDUE_QUESTION.format(title=title, date=_shown(due)))
                elif started_on <= since and (last is None or last < since):
                    questions.append(STALLED_QUESTION.format(title=title, date=_shown(last or started_on)))
        if not questions:
            questions = list(OPTION_QUESTIONS)
        return "\n".join(f"- {q}" for q in questions)

    def add_conversation(
        self,
        day: date,
        with_name: str,
        role: str,
        *,
        held: bool = False,
        agenda: str | None = None,
        notes: str = "",
        outcome: str = "",
    ) -> int:
        """Add a conversation (planned, or held) and return its id; with no agenda given, it is prefilled."""
        values = check_conversation_fields(
            {"day": day, "with_name": with_name, "role": role, "held": held, "notes": notes}
            | {"outcome": outcome, "agenda": "" if agenda is None else agenda}
        )
        if agenda is None:
            values["agenda"] = self.prefill_agenda()
        from rutjournal.core.storage.models_grow import Conversation

        return self._add(Conversation(**values))

    def update_conversation(self, conversation_id: int, **fields: object) -> ConversationView:
        values = check_conversation_fields(fields)
        from rutjournal.core.storage.models_grow import Conversation

        with self.db.write_session() as session, session.begin():
            row = _get(session, Conversation, "conversation", conversation_id)
            for name, value in values.items():
                setattr(row, name, value)
        return self.conversation(conversation_id)

    def delete_conversation(self, conversation_id: int) -> None:
        """Delete a conversation with its options and follow-ups."""
        from rutjournal.core.storage.models_grow import Conversation

        with self.db.write_session() as session, session.begin():
            session.delete(_get(session, Conversation, "conversation", conversation_id))

    def conversation(self, conversation_id: int) -> ConversationView:
        found = self._conversations("WHERE id = ?", (conversation_id,))
        if not found:
            raise InvalidInput("conversation", "the id of an existing conversation", conversation_id)
        return found[0]

    def conversations(self) -> list[ConversationView]:
        """Every conversation, newest first (so planned, future ones come before those held)."""
        return self._conversations("", ())

    def add_option(self, conversation_id: int, kind: str, said: str = "") -> int:
        kind, said = choice("option", kind, OPTION_LABELS), plain_text("said", said)
        from rutjournal.core.storage.models_grow import ConversationOption

        return self._add(ConversationOption(conversation_id=conversation_id, kind=kind, said=said))

    def delete_option(self, option_id: int) -> None:
        from rutjournal.core.storage.models_grow import ConversationOption

        with self.db.write_session() as session, session.begin():
            session.delete(_get(session, ConversationOption, "option", option_id))

    def add_followup(self, conversation_id: int, text: str, owner: str, due: date | None = None) -> int:
        text, owner, due = check_followup(text, owner, due)
        from rutjournal.core.storage.models_grow import Followup

        return self._add(Followup(conversation_id=conversation_id, text=text, owner=owner, due=due))

    def set_followup_done(self, followup_id: int, done: bool = True, on: date | None = None) -> FollowupView:
        """Tick a follow-up as done (today unless ``on`` is given), or untick it."""
        day = (self.today() if on is None else day_value("done on", on)) if done else None
        from rutjournal.core.storage.models_grow import Followup

        with self.db.write_session() as session, session.begin():
            _get(session, Followup, "follow-up", followup_id).done_on = day
        found = self._followups("WHERE f.id = ?", (followup_id,))
        return found[0]

    def delete_followup(self, followup_id: int) -> None:
        from rutjournal.core.storage.models_grow import Followup

        with self.db.write_session() as session, session.begin():
            session.delete(_get(session, Followup, "follow-up", followup_id))

    def open_followups(self) -> list[FollowupView]:
        """Follow-ups not done: overdue ones first, then by due date (undated last)."""
        found = self._followups("WHERE f.done_on IS NULL", ())
        return sorted(found, key=lambda f: (not f.overdue, f.due is None, f.due or date.max, f.id))

    def overdue_followups(self) -> list[FollowupView]:
        """Follow-ups not done whose due date has passed, whoever owes them."""
        return [f for f in self.open_followups() if f.overdue]

    def add_promotion(
        self, day: date, outcome: str, *, reason: str | None = None, role_title: str | None = None
    ) -> int:
        """Record a promotion asked for: granted, refused (with the reason given, if any) or pending."""
        values = check_promotion_fields(
            {"day": day, "outcome": outcome, "role_title": role_title, "reason": reason}
        )
        from rutjournal.core.storage.models_grow import Promotion

        return self._add(Promotion(**values))

    def update_promotion(self, promotion_id: int, **fields: object) -> PromotionView:
        values = check_promotion_fields(fields)
        from rutjournal.core.storage.models_grow import Promotion

        with self.db.write_session() as session, session.begin():
            row = _get(session, Promotion, "promotion", promotion_id)
            for name, value in values.items():
                setattr(row, name, value)
        return next(p for p in self.promotions() if p.id == promotion_id)

    def promotions(self) -> list[PromotionView]:
        """Every promotion decision, newest first."""
        with self.db.reader() as conn:
            rows = conn.execute(
                "SELECT id, day, outcome, role_title, reason FROM promotions ORDER BY day DESC, id DESC"
            ).fetchall()
        return [PromotionView(r[0], date.fromisoformat(r[1]), r[2], r[3], r[4]) for r in rows]

    def _add(self, row: Any) -> int:
        """Insert one row (an option or follow-up only under an existing conversation) and return its id."""
        from rutjournal.core.storage.models_grow import Conversation

        with self.db.write_session() as session, session.begin():
            parent = getattr(row, "conversation_id", None)
            if parent is not None:
                _get(session, Conversation, "conversation", parent)
            session.add(row)
            session.flush()
            return int(row.id)

    def _conversations(self, where: str, params: tuple[object, ...]) -> list[ConversationView]:
        with self.db.reader() as conn:
            rows = conn.execute(
                "SELECT id, day, with_name, role, held, agenda, notes, outcome FROM conversations "
                f"{where} ORDER BY day DESC, id DESC",
                params,
            ).fetchall()
            ids = tuple(r[0] for r in rows)
            marks = ", ".join("?" * len(ids))
            options = conn.execute(
                f"SELECT id, conversation_id, kind, said FROM conversation_options "
                f"WHERE conversation_id IN ({marks}) ORDER BY id",
                ids,
            ).fetchall()
        followups = self._followups(f"WHERE f.conversation_id IN ({marks})", ids) if ids else []
        return [
            ConversationView(
                *(r[0], date.fromisoformat(r[1]), r[2], r[3], bool(r[4]), r[5], r[6], r[7]),
                options=tuple(OptionView(*o) for o in options if o[1] == r[0]),
                followups=tuple(f for f in followups if f.conversation_id == r[0]),
            )
            for r in rows
        ]

    def _followups(self, where: str, params: tuple[object, ...]) -> list[FollowupView]:
        today = self.today()
        with self.db.reader() as conn:
            rows = conn.execute(
                "SELECT f.id, f.conversation_id, f.text, f.owner, f.due, f.done_on, c.with_name "
                f"FROM followups f JOIN conversations c ON c.id = f.conversation_id {where} ORDER BY f.id",
                params,
            ).fetchall()
        views = []
        for fid, cid, what, owner, due_text, done_text, with_name in rows:
            due, done_on = _date(due_text), _date(done_text)
            overdue = done_on is None and due is not None and due < today
            views.append(FollowupView(fid, cid, what, owner, due, done_on, overdue, with_name))
        return views


def _gaps(conn: sqlite3.Connection, target_id: int) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    """The target's gaps as (kind, title, goals), each goal (title, status, started_on, due, last progress)."""
    gaps = conn.execute(
        "SELECT id, kind, title FROM gaps WHERE target_id = ? ORDER BY id", (target_id,)
    ).fetchall()
    goals = conn.execute(
        "SELECT g.gap_id, g.title, g.status, g.started_on, g.due, MAX("
        " COALESCE((SELECT MAX(done_on) FROM milestones m WHERE m.goal_id = g.id), ''),"
        " COALESCE((SELECT MAX(day) FROM goal_progress p WHERE p.goal_id = g.id), '')) "
        "FROM goals g JOIN gaps ON gaps.id = g.gap_id WHERE gaps.target_id = ? ORDER BY g.id",
        (target_id,),
    ).fetchall()
    return [
        (kind, title, [(*goal[1:5], goal[5] or None) for goal in goals if goal[0] == gap_id])
        for gap_id, kind, title in gaps
    ]


def _get(session: Session, model: type[_Row], what: str, row_id: int) -> _Row:
    row = session.get(model, row_id)
    if row is None:
        raise InvalidInput(what, f"the id of an existing {what}", row_id)
    return row


def _shown(iso: str) -> str:
    """A stored ISO day as the agenda says it: "Sun 31 May 2026"."""
    return text.day(date.fromisoformat(iso))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
