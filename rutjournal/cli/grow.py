"""The command line of the Grow section: ``target set|edit``, ``gap``, ``goal``, ``milestone``, ``evidence``, ``challenge``
and ``report grow``.

Everything a user typed is checked before the journal is opened (an id that does not exist can only be found
once it is); each add prints the new record's id.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from types import EllipsisType
from typing import TYPE_CHECKING

from rutjournal.cli.grow_report import by_date, print_report
from rutjournal.cli.text import json_text
from rutjournal.core import text
from rutjournal.core.choices import ANSWERS, EVIDENCE_KINDS, GAP_KINDS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.rules import (
    VERDICT_WORDS,
    check_choice,
    check_due,
    check_note,
    check_text,
    check_title,
    progress_basis,
)
from rutjournal.core.i18n import _, in_words
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import parse_day, parse_id

if TYPE_CHECKING:
    from rutjournal.core.grow.service import GapView, GoalView, Grow

Action = Callable[["Grow"], None]


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` and its reports to ``reports``."""

    def actions(name: str, what: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
        parser = sub.add_parser(name, parents=[common], help=what)
        subs: argparse._SubParsersAction = parser.add_subparsers(  # type: ignore[type-arg]
            dest=f"{name}_command", metavar="ACTION", required=True, parser_class=type(parser)
        )
        return subs

    targets = actions("target", _("Grow: the role you are working toward"))
    target = targets.add_parser(
        "set", parents=[common], help=_("set a new target role (prints its id; the previous one is kept)")
    )
    target.add_argument("title", nargs="+", metavar="TITLE")
    target.add_argument("--by", metavar="DATE", help=_("when you want to be there, YYYY-MM-DD"))
    edit = targets.add_parser(
        "edit",
        parents=[common],
        help=_("correct the active target's title or date (its gaps and goals stay)"),
    )
    edit.add_argument("title", nargs="*", metavar="TITLE", help=_("the corrected title"))
    when = edit.add_mutually_exclusive_group()
    when.add_argument("--by", metavar="DATE", help=_("the new date, YYYY-MM-DD"))
    when.add_argument("--no-by", action="store_true", help=_("clear the date"))
    edit.add_argument("--id", metavar="ID", help=_("a target other than the active one (an earlier one)"))

    gaps = actions("gap", _("Grow: the gaps between you and the target"))
    gap_edit = gaps.add_parser(
        "edit", parents=[common], help=_("correct a gap's title, kind or good-looks-like")
    )
    gap_edit.add_argument("id", metavar="ID")
    gap_edit.add_argument("title", nargs="*", metavar="TITLE", help=_("the corrected title"))
    gap_edit.add_argument("--kind", metavar="K", help=" / ".join(GAP_KINDS))
    gap_edit.add_argument("--good", metavar="TEXT", help=_("what good looks like"))
    gap = gaps.add_parser(
        "add", parents=[common], help=_("add a gap under the active target (prints its id)")
    )
    gap.add_argument("title", nargs="+", metavar="TITLE")
    gap.add_argument("--kind", required=True, metavar="K", help=" / ".join(GAP_KINDS))
    gap.add_argument("--good", metavar="TEXT", default="", help=_("what good looks like"))

    goals = actions("goal", _("Grow: goals that close a gap"))
    goal = goals.add_parser("add", parents=[common], help=_("add an active goal (prints its id)"))
    goal.add_argument("title", nargs="+", metavar="TITLE")
    goal.add_argument("--gap", required=True, metavar="ID", help=_("the gap it closes"))
    goal.add_argument(
        "--start", metavar="DATE", help=_("when you started on it, YYYY-MM-DD (default: today; may be past)")
    )
    goal.add_argument("--due", metavar="DATE", help=_("YYYY-MM-DD, on or after the start (may be past)"))
    listing = goals.add_parser("list", parents=[common], help=_("the active target's goals, overdue first"))
    listing.add_argument("--json", action="store_true")

    milestones = actions("milestone", _("Grow: a goal's checklist"))
    milestone = milestones.add_parser("add", parents=[common], help=_("append a milestone (prints its id)"))
    milestone.add_argument("goal", metavar="GOAL_ID")
    milestone.add_argument("title", nargs="+", metavar="TITLE")
    milestones.add_parser("done", parents=[common], help=_("tick a milestone off today")).add_argument(
        "id", metavar="ID"
    )

    evidences = actions("evidence", _("Grow: the log of what you have accomplished"))
    evidence = evidences.add_parser("add", parents=[common], help=_("log an accomplishment (prints its id)"))
    evidences.add_parser(
        "delete", parents=[common], help=_("take back a piece of evidence logged by mistake")
    ).add_argument("id", metavar="ID")
    evidence.add_argument("text", nargs="+", metavar="TEXT")
    evidence.add_argument("--gap", metavar="ID", help=_("the gap it helps close"))
    evidence.add_argument("--goal", metavar="ID", help=_("the goal it belongs to (its gap is taken too)"))
    evidence.add_argument("--kind", default="project_shipped", metavar="K", help=" / ".join(EVIDENCE_KINDS))
    evidence.add_argument("--date", metavar="D", help=_("YYYY-MM-DD (default: today)"))
    evidence.add_argument("--result", metavar="TEXT", help=_("a measurable result"))

    challenge = actions("challenge", _("Grow: more responsibility asked for")).add_parser(
        "add", parents=[common], help=_("log a request for more responsibility (prints its id)")
    )
    challenge.add_argument("text", nargs="+", metavar="TEXT", help=_("what you asked for"))
    challenge.add_argument("--asked-of", required=True, metavar="WHO")
    challenge.add_argument("--answer", default="pending", metavar="yes|no|later", help=_("default: pending"))
    challenge.add_argument("--date", metavar="D", help=_("when you asked, YYYY-MM-DD (default: today)"))

    report = reports.add_parser(
        "grow", parents=[common], help=_("target, gaps, goals and their pace, evidence")
    )
    report.add_argument("--json", action="store_true")


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    action = _prepare(args)  # bad input stops here: the journal is not even opened
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        action(Grow(db))
    finally:
        db.close()
    return 0


def _prepare(args: argparse.Namespace) -> Action:
    """Check what was typed and return what to do with it."""
    command = args.command, getattr(args, f"{args.command}_command")
    if command == ("target", "set"):
        title, by = check_title(" ".join(args.title)), _date("--by", args.by)
        return lambda grow: print(grow.set_target(title, by))
    if command == ("target", "edit"):
        return _edit_target(args)
    if command == ("gap", "edit"):
        gap_id, fields = _int("ID", args.id), {}
        if args.title:
            fields["title"] = check_title(" ".join(args.title))
        if args.kind is not None:
            fields["kind"] = _choice("--kind", args.kind, GAP_KINDS)
        if args.good is not None:
            fields["good_looks_like"] = check_note(args.good, "--good")
        if not fields:
            raise InvalidInput("gap edit", _("a new TITLE, --kind or --good"))

        def edit_gap(grow: Grow) -> None:
            from rutjournal.core.report_text import GAP_KIND_WORDS

            view = grow.update_gap(gap_id, **fields)
            kind = in_words(GAP_KIND_WORDS, view.kind)
            # TRANSLATORS: a gap just changed: its id, its title and its kind ("3: Forecasting models (knowledge)")
            print(_("{id}: {title} ({kind})").format(id=view.id, title=view.title, kind=kind))

        return edit_gap
    if command == ("gap", "add"):
        title, kind = check_title(" ".join(args.title)), _choice("--kind", args.kind, GAP_KINDS)
        good = check_note(args.good, "--good")
        return lambda grow: print(grow.add_gap(title, kind, good))
    if command == ("goal", "add"):
        title, gap = check_title(" ".join(args.title)), _int("--gap", args.gap)
        start, due = _date("--start", args.start) or dt.date.today(), _date("--due", args.due)
        check_due(start, due, "--due")
        return lambda grow: print(grow.add_goal(title, gap, due, started_on=start))
    if command == ("goal", "list"):
        return lambda grow: _print_goals(grow.goals(), args.json)
    if command == ("milestone", "add"):
        goal, title = _int("GOAL_ID", args.goal), check_title(" ".join(args.title))
        return lambda grow: print(grow.add_milestone(goal, title))
    if command == ("milestone", "done"):
        milestone = _int("ID", args.id)

        def tick(grow: Grow) -> None:
            view = grow.set_milestone_done(milestone)
            done = text.day(view.done_on) if view.done_on else None
            said = _("{id}: {title} → done {day}") if done else _("{id}: {title} → done no")
            print(said.format(id=view.id, title=view.title, day=done))

        return tick
    if command == ("evidence", "add"):
        said, kind = check_text(" ".join(args.text)), _choice("--kind", args.kind, EVIDENCE_KINDS)
        day, of_gap, of_goal = _date("--date", args.date), _id("--gap", args.gap), _id("--goal", args.goal)
        result = None if args.result is None else check_note(args.result, "--result")
        return lambda grow: print(grow.add_evidence(said, day, kind, result, of_gap, of_goal))
    if command == ("evidence", "delete"):
        evidence_id = _int("ID", args.id)

        def delete(grow: Grow) -> None:
            grow.delete_evidence(evidence_id)
            # TRANSLATORS: {id} is the id of the evidence taken back
            print(_("{id}: deleted").format(id=evidence_id))

        return delete
    assert command == ("challenge", "add"), command
    what, asked_of = check_text(" ".join(args.text), "TEXT"), check_title(args.asked_of, "--asked-of")
    answer, day = _choice("--answer", args.answer, ANSWERS), _date("--date", args.date)
    return lambda grow: print(grow.add_challenge(what, asked_of, day, answer))


def _edit_target(args: argparse.Namespace) -> Action:
    """Correct a target in place: unlike ``target set``, which starts a new one, its gaps and goals stay."""
    title = check_title(" ".join(args.title)) if args.title else None
    by: dt.date | EllipsisType | None = (
        None if args.no_by else ... if args.by is None else _date("--by", args.by)
    )
    if title is None and isinstance(by, EllipsisType):
        raise InvalidInput("target edit", _("given a corrected TITLE, --by DATE or --no-by"))
    chosen = _id("--id", args.id)

    def edit(grow: Grow) -> None:
        target_id = chosen
        if target_id is None:
            active = grow.active_target()
            if active is None:
                raise InvalidInput("target", _("set first (there is no active target)"))
            target_id = active.id
        view = grow.update_target(target_id, title=title, by=by)
        shown = by_date(
            _("{id}: {title}"),
            _("{id}: {title}, by {day}"),
            _("{id}: {title}, by {day} (that date has passed)"),
            view.by_date,
            grow.today(),
        )
        print(shown.format(id=view.id, title=view.title))

    return edit


def _id(field: str, typed: str | None) -> int | None:
    return None if typed is None else _int(field, typed)


def _int(field: str, typed: str) -> int:
    return parse_id(field, typed)


def _date(field: str, typed: str | None) -> dt.date | None:
    return None if typed is None else parse_day(typed, field)


def _choice(field: str, typed: str, allowed: tuple[str, ...]) -> str:
    """One of the allowed words; 'skip-level' is read as 'skip_level'."""
    return check_choice(field, typed.strip().lower().replace("-", "_"), allowed)


def _print_goals(goals: list[GoalView], as_json: bool) -> None:
    from rutjournal.core.grow.promotion_case import STATUS_WORDS

    if as_json:
        print(json_text([_goal_dict(g) for g in goals]))
    elif not goals:
        print(_("No goals yet (add one with: rutjournal goal add TITLE --gap ID)."))
    for g in [] if as_json else goals:
        due = text.day(g.due) if g.due else _("no due date")
        flag = _("OVERDUE") if g.overdue else (_(VERDICT_WORDS[g.pace.verdict]) if g.pace else "")
        status = in_words(STATUS_WORDS, g.status)
        line = f"{g.id:>4}  {g.title[:40]:<40} {status:<11} {text.percent(g.progress):>5}  {due:<15}  {flag}"
        print(line.rstrip())


def _goal_dict(g: GoalView) -> dict[str, object]:
    return {
        "id": g.id,
        "gap_id": g.gap_id,
        "title": g.title,
        "started_on": g.started_on.isoformat(),
        "due": g.due.isoformat() if g.due else None,
        "status": g.status,
        "manual_percent": g.manual_percent,
        "progress": g.progress,
        "milestones": [
            {"id": m.id, "title": m.title, "done_on": m.done_on.isoformat() if m.done_on else None}
            for m in g.milestones
        ],
        "pace": None
        if g.pace is None
        else {
            "verdict": g.pace.verdict,
            "expected": g.pace.expected,
            "actual": g.pace.actual,
            "explanation": g.pace.explanation,
        },
        "overdue": g.overdue,
    }


def _gap_dict(g: GapView) -> dict[str, object]:
    return {
        "id": g.id,
        "title": g.title,
        "kind": g.kind,
        "good_looks_like": g.good_looks_like,
        "progress": g.progress,
        "goals": [goal.id for goal in g.goals],
    }


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        grow = Grow(db)
        target, goals, summary = grow.active_target(), grow.goals(), grow.summary()
        today = grow.today()
        pending = sum(c.answer == "pending" for c in grow.challenges())
    finally:
        db.close()
    if args.json:
        report = {
            "target": None
            if target is None
            else {
                "id": target.id,
                "title": target.title,
                "by": target.by_date and target.by_date.isoformat(),
            },
            "progress": summary.target_progress,
            "progress_basis": None if target is None else progress_basis(target.gaps),
            "gaps": [_gap_dict(g) for g in target.gaps] if target else [],
            "goals": [_goal_dict(g) for g in goals],
            "goals_active": summary.goals_active,
            "goals_done": summary.goals_done,
            "goals_overdue": summary.goals_overdue,
            "evidence_count": summary.evidence_count,
            "challenges_asked": summary.challenges_asked,
            "challenges_granted": summary.challenges_granted,
            "challenges_pending": pending,
        }
        print(json_text(report))
        return 0
    print_report(target, goals, summary, today, pending)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {
    name: run_command for name in ("target", "gap", "goal", "milestone", "evidence", "challenge")
}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"grow": run_report}
