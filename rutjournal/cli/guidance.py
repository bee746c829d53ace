"""The command line of the Guidance section: ``conversation add|list``, ``followup add|done|delete|list`` and
``promotion add|edit|list``. Every value is checked before the journal is opened, so a bad one writes nothing."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rutjournal.cli.text import json_text
from rutjournal.core import text
from rutjournal.core.choices import ROLES
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, in_words, ngettext
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import parse_day, parse_id

if TYPE_CHECKING:
    from rutjournal.core.guidance.service import ConversationView, FollowupView, Guidance, PromotionView

CLI_ROLES = tuple(role.replace("_", "-") for role in ROLES)  # as people type them: skip-level for skip_level
Handler = Callable[[argparse.Namespace, AppPaths], int]
_T = TypeVar("_T")


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` (it has no reports of its own)."""
    conv = sub.add_parser("conversation", parents=[common], help=_("career conversations: add and list"))
    convs = conv.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(conv))
    add = convs.add_parser("add", parents=[common], help=_("plan or log a conversation (prints its id)"))
    add.add_argument("--date", help=_("YYYY-MM-DD (default: today)"))
    add.add_argument("--with", dest="with_name", required=True, metavar="NAME", help=_("who you talk to"))
    add.add_argument("--role", required=True, metavar="|".join(CLI_ROLES), help=_("their role"))
    add.add_argument("--held", action="store_true", help=_("it has taken place (default: planned)"))
    add.add_argument("--notes", default="", metavar="TEXT")
    convs.add_parser("list", parents=[common], help=_("conversations, newest first")).add_argument(
        "--json", action="store_true"
    )

    followup = sub.add_parser("followup", parents=[common], help=_("follow-up actions of a conversation"))
    followups = followup.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(followup)
    )
    add = followups.add_parser("add", parents=[common], help=_("add a follow-up (prints its id)"))
    add.add_argument("conversation", metavar="CONV_ID")
    add.add_argument("text", nargs="+", metavar="TEXT")
    add.add_argument("--owner", required=True, metavar="me|them", help=_("who owes it"))
    add.add_argument("--due", metavar="D", help="YYYY-MM-DD")
    followups.add_parser("done", parents=[common], help=_("tick a follow-up as done")).add_argument(
        "id", metavar="ID"
    )
    followups.add_parser(
        "delete", parents=[common], help=_("take back a follow-up noted by mistake")
    ).add_argument("id", metavar="ID")
    followups.add_parser("list", parents=[common], help=_("open follow-ups, overdue first")).add_argument(
        "--json", action="store_true"
    )

    promotion = sub.add_parser("promotion", parents=[common], help=_("promotions asked for and the answers"))
    promotions = promotion.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(promotion)
    )
    add = promotions.add_parser(
        "add", parents=[common], help=_("record a promotion decision (prints its id)")
    )
    add.add_argument("--date", help=_("YYYY-MM-DD (default: today)"))
    add.add_argument("--outcome", required=True, metavar="granted|refused|pending")
    add.add_argument("--reason", metavar="TEXT", help=_("the reason given (for a refusal, say)"))
    add.add_argument("--role", metavar="TITLE", help=_("the role asked for"))
    edit = promotions.add_parser(
        "edit", parents=[common], help=_("record the answer to a pending request, or correct one")
    )
    edit.add_argument("id", metavar="ID")
    edit.add_argument("--outcome", metavar="granted|refused|pending")
    edit.add_argument("--reason", metavar="TEXT", help=_("the reason given ('' clears it)"))
    edit.add_argument("--role", metavar="TITLE", help=_("the role asked for ('' clears it)"))
    edit.add_argument("--date", help="YYYY-MM-DD")
    promotions.add_parser("list", parents=[common], help=_("promotion decisions, newest first")).add_argument(
        "--json", action="store_true"
    )


def run_conversation(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.action == "add":
        from rutjournal.core.guidance.service import ROLE_LABELS, check_conversation_fields

        day, role = _day(args.date), args.role.replace("-", "_")
        if role not in ROLE_LABELS:
            raise InvalidInput("role", " / ".join(CLI_ROLES), args.role)
        check_conversation_fields({"with_name": args.with_name, "notes": args.notes})
        print(
            _run(
                paths,
                lambda g: g.add_conversation(day, args.with_name, role, held=args.held, notes=args.notes),
            )
        )
    elif args.json:
        print(json_text([_conversation_dict(c) for c in _run(paths, _conversations)]))
    else:
        for c in _run(paths, _conversations):
            open_ = sum(1 for f in c.followups if f.done_on is None)
            options = len(c.options)
            # TRANSLATORS: one conversation in the list: its id, day, who with and their role, and whether it
            # has taken place; then how many options it named and how many follow-ups are open
            line = (
                _("{id}  {day}  {name} ({role}), held · {options} · {followups}")
                if c.held
                else _("{id}  {day}  {name} ({role}), planned · {options} · {followups}")
            )
            print(
                line.format(
                    id=f"{c.id:>4}",
                    day=text.day(c.day),
                    name=c.with_name,
                    role=_role(c.role),
                    options=ngettext("{count} option", "{count} options", options).format(
                        count=text.whole(options)
                    ),
                    followups=ngettext("{count} open follow-up", "{count} open follow-ups", open_).format(
                        count=text.whole(open_)
                    ),
                )
            )
    return 0


def run_followup(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.action == "add":
        from rutjournal.core.guidance.service import check_followup

        conversation = _int("CONV_ID", args.conversation)
        what, owner, due = check_followup(
            " ".join(args.text), args.owner, None if args.due is None else parse_day(args.due, "--due")
        )
        print(_run(paths, lambda g: g.add_followup(conversation, what, owner, due)))
    elif args.action == "done":
        followup_id = _int("ID", args.id)
        done = _run(paths, lambda g: g.set_followup_done(followup_id))
        if done.done_on:
            print(
                _("{id}: {text} → done {day}").format(id=done.id, text=done.text, day=text.day(done.done_on))
            )
        else:
            print(_("{id}: {text} → done no").format(id=done.id, text=done.text))
    elif args.action == "delete":
        followup_id = _int("ID", args.id)
        _run(paths, lambda g: g.delete_followup(followup_id))
        # TRANSLATORS: {id} is the id of the follow-up taken back
        print(_("{id}: deleted").format(id=followup_id))
    elif args.json:
        print(json_text([_followup_dict(f) for f in _run(paths, _open_followups)]))
    else:
        for f in _run(paths, _open_followups):
            when = _("due {day}").format(day=text.day(f.due)) if f.due else _("no due date")
            # TRANSLATORS: a follow-up or a goal past its due date, in a list
            flag = _("OVERDUE") + " " if f.overdue else ""
            # TRANSLATORS: who owes a follow-up, and what: "I owe: send the slides"
            owes = _("I owe: {text}") if f.owner == "me" else _("{name} owes: {text}")
            print(f"{f.id:>4}  {flag}{when}  {owes.format(name=f.with_name, text=f.text)}")
    return 0


def run_promotion(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.action == "add":
        from rutjournal.core.guidance.service import check_promotion_fields

        day = _day(args.date)
        check_promotion_fields({"outcome": args.outcome, "reason": args.reason, "role_title": args.role})
        print(
            _run(
                paths,
                lambda g: g.add_promotion(day, args.outcome, reason=args.reason, role_title=args.role),
            )
        )
    elif args.action == "edit":
        _edit_promotion(args, paths)
    elif args.json:
        print(json_text([_promotion_dict(p) for p in _run(paths, _promotions)]))
    else:
        from rutjournal.core.guidance.rules import OUTCOME_WORDS

        for p in _run(paths, _promotions):
            role = f" ({p.role_title})" if p.role_title else ""
            reason = f": {p.reason}" if p.reason else ""
            print(f"{p.id:>4}  {text.day(p.day)}  {in_words(OUTCOME_WORDS, p.outcome)}{role}{reason}")
    return 0


def _run(paths: AppPaths, call: Callable[[Guidance], _T]) -> _T:
    """Open the journal, make one call to the Guidance service, close it."""
    from rutjournal.core.guidance.service import Guidance
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        return call(Guidance(db))
    finally:
        db.close()


def _conversations(g: Guidance) -> list[ConversationView]:
    return g.conversations()


def _open_followups(g: Guidance) -> list[FollowupView]:
    return g.open_followups()


def _edit_promotion(args: argparse.Namespace, paths: AppPaths) -> None:
    from rutjournal.core.guidance.rules import OUTCOME_WORDS
    from rutjournal.core.guidance.service import check_promotion_fields

    promotion_id = _int("ID", args.id)
    given = {"outcome": args.outcome, "reason": args.reason, "role_title": args.role}
    fields: dict[str, object] = {name: value for name, value in given.items() if value is not None}
    if args.date is not None:
        fields["day"] = _day(args.date)
    if not fields:
        raise InvalidInput("promotion edit", _("at least one of --outcome, --reason, --role or --date"))
    check_promotion_fields(fields)
    done = _run(paths, lambda g: g.update_promotion(promotion_id, **fields))
    # TRANSLATORS: a promotion decision recorded: its id, its outcome (granted, refused or pending) and day
    print(
        _("{id}: {outcome} on {day}").format(
            id=done.id, outcome=in_words(OUTCOME_WORDS, done.outcome), day=text.day(done.day)
        )
    )


def _promotions(g: Guidance) -> list[PromotionView]:
    return g.promotions()


def _day(typed: str | None) -> dt.date:
    if typed is None or typed.strip().lower() == "today":
        return dt.date.today()
    return parse_day(typed, "--date")


def _int(field: str, typed: str) -> int:
    return parse_id(field, typed)


def _role(role: str) -> str:
    from rutjournal.core.guidance.service import ROLE_LABELS

    return _(ROLE_LABELS.get(role, role))  # the labels are marked where they are kept


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _followup_dict(f: FollowupView) -> dict[str, object]:
    return {
        "id": f.id,
        "conversation_id": f.conversation_id,
        "text": f.text,
        "owner": f.owner,
        "due": _iso(f.due),
        "done_on": _iso(f.done_on),
        "overdue": f.overdue,
        "with": f.with_name,
    }


def _conversation_dict(c: ConversationView) -> dict[str, object]:
    return {
        "id": c.id,
        "date": c.day.isoformat(),
        "with": c.with_name,
        "role": c.role,
        "held": c.held,
        "agenda": c.agenda,
        "notes": c.notes,
        "outcome": c.outcome,
        "options": [{"id": o.id, "kind": o.kind, "said": o.said} for o in c.options],
        "followups": [_followup_dict(f) for f in c.followups],
    }


def _promotion_dict(p: PromotionView) -> dict[str, object]:
    return {
        "id": p.id,
        "date": p.day.isoformat(),
        "outcome": p.outcome,
        "role_title": p.role_title,
        "reason": p.reason,
    }


COMMANDS: dict[str, Handler] = {
    "conversation": run_conversation,
    "followup": run_followup,
    "promotion": run_promotion,
}
REPORTS: dict[str, Handler] = {}
