"""What the Guidance section holds and the checks on it: the allowed values with their labels, the frozen views,
and the checks a value passes before it is written (no database, no Qt, no ORM).

They live apart from the service so the CLI checks what a user typed before it opens the journal. The keys of the
label tables are the values the database allows, taken from ``core.choices``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rutjournal.core.choices import OPTION_KINDS, OUTCOMES, OWNERS, ROLES
from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.activity import STALL_DAYS as STALL_DAYS  # what "stalled" means is Grow's
from rutjournal.core.i18n import N_, _
from rutjournal.core.text import whole
from rutjournal.core.values import MAX_BODY_CHARS, check_day

# The labels are marked here and translated where they are shown: _(ROLE_LABELS[role]).
ROLE_LABELS: dict[str, str] = dict(
    zip(
        ROLES,
        # TRANSLATORS: whom a career conversation is with: your boss, HR, a mentor, your boss's boss
        (N_("Boss"), N_("HR"), N_("Mentor"), N_("Skip-level")),
        strict=True,
    )
)
OPTION_LABELS: dict[str, str] = dict(
    zip(
        OPTION_KINDS,
        (
            # TRANSLATORS: the options to grow a conversation names
            N_("Lateral move"),
            N_("Cross-training"),
            N_("Leadership programme"),
            N_("Seminar"),
            N_("Course reimbursement"),
            N_("Promotion path"),
            N_("Other"),
        ),
        strict=True,
    )
)
# TRANSLATORS: who owes a follow-up of a conversation: me, or them (the employer)
OWNER_LABELS: dict[str, str] = dict(zip(OWNERS, (N_("Me"), N_("Them")), strict=True))
# TRANSLATORS: the outcome of a promotion asked for
OUTCOME_LABELS: dict[str, str] = dict(
    zip(OUTCOMES, (N_("Pending"), N_("Granted"), N_("Refused")), strict=True)
)
# The outcomes inside a line ("3 Dec: granted (Senior Analyst)"), translated where shown: in_words(OUTCOME_WORDS, …)
OUTCOME_WORDS = {
    # TRANSLATORS: the outcome of a promotion asked for, in a list of decisions ("3 Dec: granted (Senior Analyst)")
    "pending": N_("pending"),
    # TRANSLATORS: the outcome of a promotion asked for, in a list of decisions ("3 Dec: granted (Senior Analyst)")
    "granted": N_("granted"),
    # TRANSLATORS: the outcome of a promotion asked for, in a list of decisions ("3 Dec: granted (Senior Analyst)")
    "refused": N_("refused"),
}
MAX_NAME_CHARS = 200
MAX_FOLLOWUP_CHARS = 1000
CONVERSATION_FIELDS = ("day", "with_name", "role", "held", "agenda", "notes", "outcome")
PROMOTION_FIELDS = ("day", "outcome", "role_title", "reason")
# The questions of a suggested agenda, translated where the agenda is written (Guidance.prefill_agenda).
# TRANSLATORS: {kind} is the kind of a gap, as stored (skill, experience, …); {title} the gap's title
GAP_QUESTION = N_("What would closing my {kind} gap — {title} — take here? Who does it well?")
GAP_QUESTIONS = {  # by the gap's kind; {title} is the gap's title
    "skill": N_("What would closing my skill gap — {title} — take here? Who does it well?"),
    "experience": N_("What would closing my experience gap — {title} — take here? Who does it well?"),
    "knowledge": N_("What would closing my knowledge gap — {title} — take here? Who does it well?"),
    "visibility": N_("What would closing my visibility gap — {title} — take here? Who does it well?"),
}
# TRANSLATORS: {title} is a goal's title, {date} a day
STALLED_QUESTION = N_("{title} has stalled since {date}: what is in the way, and can you help?")
OVERDUE_QUESTION = N_("{title} was due on {date} and is not done yet: what is in the way, and can you help?")
OPTION_QUESTIONS = (
    N_("Which options could help me grow here: a lateral move, cross-training, a leadership programme?"),
    N_("Are there seminars or courses I could take, and would the company reimburse them?"),
    N_("What would you need to see from me to consider me for the next step?"),
)


@dataclass(frozen=True)
class OptionView:
    id: int
    conversation_id: int
    kind: str
    said: str


@dataclass(frozen=True)
class FollowupView:
    id: int
    conversation_id: int
    text: str
    owner: str
    due: date | None
    done_on: date | None
    overdue: bool
    with_name: str  # the person of the conversation


@dataclass(frozen=True)
class ConversationView:
    id: int
    day: date
    with_name: str
    role: str
    held: bool
    agenda: str
    notes: str
    outcome: str
    options: tuple[OptionView, ...]
    followups: tuple[FollowupView, ...]


@dataclass(frozen=True)
class PromotionView:
    id: int
    day: date
    outcome: str
    role_title: str | None
    reason: str | None


def choice(field: str, value: object, labels: dict[str, str]) -> str:
    if not isinstance(value, str) or value not in labels:
        raise InvalidInput(field, " / ".join(labels), value)
    return value


def day_value(field: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInput(field, _("a date"), value)
    return check_day(field, value)


def _name(field: str, value: object, limit: int = MAX_NAME_CHARS) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > limit:
        raise InvalidInput(field, _("1 to {count} characters").format(count=limit), value)
    return value.strip()


def plain_text(field: str, value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_BODY_CHARS:
        allowed = _("text of at most {count} characters").format(count=whole(MAX_BODY_CHARS))
        raise InvalidInput(field, allowed, value)
    return value


def _optional(field: str, value: object, limit: int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value.strip()) > limit:
        raise InvalidInput(field, _("at most {count} characters, or blank").format(count=limit), value)
    return value.strip()


def check_conversation_fields(values: dict[str, object]) -> dict[str, object]:
    """Validate conversation fields a user may set; raises InvalidInput naming the first bad one."""
    checked: dict[str, object] = {}
    for name, value in values.items():
        if name == "day":
            checked[name] = day_value("date", value)
        elif name == "with_name":
            checked[name] = _name("name", value)
        elif name == "role":
            checked[name] = choice("role", value, ROLE_LABELS)
        elif name == "held":
            if not isinstance(value, bool):
                raise InvalidInput("held", _("True or False"), value)
            checked[name] = value
        elif name in ("agenda", "notes", "outcome"):
            checked[name] = plain_text(name, value)
        else:
            raise InvalidInput(name, _("one of {names}").format(names=", ".join(CONVERSATION_FIELDS)))
    return checked


def check_followup(text: object, owner: object, due: object) -> tuple[str, str, date | None]:
    """A follow-up's text, who owes it and its due date, checked."""
    return (
        _name("text", text, MAX_FOLLOWUP_CHARS),
        choice("owner", owner, OWNER_LABELS),
        None if due is None else day_value("due", due),
    )


def check_promotion_fields(values: dict[str, object]) -> dict[str, object]:
    """Validate promotion fields; a blank role title or reason is stored as none."""
    checked: dict[str, object] = {}
    for name, value in values.items():
        if name == "day":
            checked[name] = day_value("date", value)
        elif name == "outcome":
            checked[name] = choice("outcome", value, OUTCOME_LABELS)
        elif name == "role_title":
            checked[name] = _optional("role", value, MAX_NAME_CHARS)
        elif name == "reason":
            checked[name] = _optional("reason", value, MAX_BODY_CHARS)
        else:
            raise InvalidInput(name, _("one of {names}").format(names=", ".join(PROMOTION_FIELDS)))
    return checked
