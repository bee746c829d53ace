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

What Grow knows comes from the Grow service (its active target, and the goals' histories that say when each
last moved), never from its tables. The SQL of Guidance's own tables is in ``store``: reads on ``db.reader()``,
each write one ``db.writer()`` transaction, so nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance import store
from rutjournal.core.guidance.rules import (
    CONVERSATION_FIELDS,
    GAP_QUESTION,
    GAP_QUESTIONS,
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
from rutjournal.core.i18n import _

if TYPE_CHECKING:
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


class Guidance:
    def __init__(self, db: Database, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.today = today

    def prefill_agenda(self) -> str:
        """A Markdown list of questions from the active target's open gaps and stalled goals (see above)."""
        today = self.today()
        grow = Grow(self.db, self.today)
        target = grow.active_target()
        gaps = target.gaps if target else ()
        histories = grow.goal_histories() if gaps else []
        questions = []
        for gap in gaps:
            live = [g for g in gap.goals if g.status != "dropped"]
            if not live or any(g.status != "done" for g in live):
                asked = GAP_QUESTIONS.get(gap.kind, GAP_QUESTION)
                questions.append(_(asked).format(kind=gap.kind, title=gap.title))
        for gap in gaps:
            for goal in (h for h in histories if h.gap_id == gap.id):
                if goal.overdue_on(today) and goal.due is not None:
                    questions.append(_(OVERDUE_QUESTION).format(title=goal.title, date=text.day(goal.due)))
                elif goal.stalled_on(today):
                    since = text.day(goal.stalled_since())
                    questions.append(_(STALLED_QUESTION).format(title=goal.title, date=since))
        if not questions:
            questions = [_(q) for q in OPTION_QUESTIONS]
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
        with self.db.writer() as conn:
            return store.insert_row(conn, "conversations", values)

    def update_conversation(self, conversation_id: int, **fields: object) -> ConversationView:
        values = check_conversation_fields(fields)
        with self.db.writer() as conn:
            store.update_row(conn, "conversations", conversation_id, values, "conversation")
        return self.conversation(conversation_id)

    def delete_conversation(self, conversation_id: int) -> None:
        """Delete a conversation with its options and follow-ups."""
        with self.db.writer() as conn:
            store.delete_row(conn, "conversations", conversation_id, "conversation")

    def conversation(self, conversation_id: int) -> ConversationView:
        found = self._conversations("WHERE id = ?", (conversation_id,))
        if not found:
            raise InvalidInput("conversation", _("the id of an existing conversation"), conversation_id)
        return found[0]

    def conversations(self) -> list[ConversationView]:
        """Every conversation, newest first (so planned, future ones come before those held)."""
        return self._conversations("", ())

    def add_option(self, conversation_id: int, kind: str, said: str = "") -> int:
        kind, said = choice("option", kind, OPTION_LABELS), plain_text("said", said)
        with self.db.writer() as conn:
            return store.add_child(
                conn, "conversation_options", conversation_id, {"kind": kind, "said": said}
            )

    def delete_option(self, option_id: int) -> None:
        """Take back an option noted by mistake (the window's "Remove option")."""
        with self.db.writer() as conn:
            store.delete_row(conn, "conversation_options", option_id, "option")

    def add_followup(self, conversation_id: int, text: str, owner: str, due: date | None = None) -> int:
        text, owner, due = check_followup(text, owner, due)
        values = {"text": text, "owner": owner, "due": due}
        with self.db.writer() as conn:
            return store.add_child(conn, "followups", conversation_id, values)

    def set_followup_done(self, followup_id: int, done: bool = True, on: date | None = None) -> FollowupView:
        """Tick a follow-up as done (today unless ``on`` is given), or untick it."""
        day = (self.today() if on is None else day_value("done on", on)) if done else None
        with self.db.writer() as conn:
            store.update_row(conn, "followups", followup_id, {"done_on": day}, "follow-up")
        return self._followups("WHERE f.id = ?", (followup_id,))[0]

    def delete_followup(self, followup_id: int) -> None:
        with self.db.writer() as conn:
            store.delete_row(conn, "followups", followup_id, "follow-up")

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
        with self.db.writer() as conn:
            return store.insert_row(conn, "promotions", values)

    def update_promotion(self, promotion_id: int, **fields: object) -> PromotionView:
        values = check_promotion_fields(fields)
        with self.db.writer() as conn:
            store.update_row(conn, "promotions", promotion_id, values, "promotion")
        return next(p for p in self.promotions() if p.id == promotion_id)

    def promotions(self) -> list[PromotionView]:
        """Every promotion decision, newest first."""
        with self.db.reader() as conn:
            return store.read_promotions(conn)

    def _conversations(self, where: str, params: tuple[object, ...]) -> list[ConversationView]:
        with self.db.reader() as conn:
            return store.read_conversations(conn, self.today(), where, params)

    def _followups(self, where: str, params: tuple[object, ...]) -> list[FollowupView]:
        with self.db.reader() as conn:
            return store.read_followups(conn, self.today(), where, params)
