"""The command line of the Load section: ``task add|list|decide|done`` and ``report load``."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rutjournal.cli.text import json_text
from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.load.rules import TaskLine, TaskView, parse_minutes
from rutjournal.core.paths import AppPaths

# core.values (its patterns, its records) is imported for an id or a number typed, and load.words for what is
# printed in words: ``task add TITLE --hours H`` needs neither.


def _int(field: str, text: str | None, low: int, high: int) -> int | None:
    if text is None:
        return None
    from rutjournal.core.values import parse_whole

    return parse_whole(field, text, low, high)


def _new_task(args: argparse.Namespace) -> dict[str, object]:
    """The fields of ``task add``, checked: the title read as the quick add reads it (its time and kind), an
    explicit ``--hours`` or ``--kind`` winning over what the title says."""
    from rutjournal.core.load.brain_dump import parse_task_line
    from rutjournal.core.load.service import check_task_fields

    parsed = parse_task_line(" ".join(args.title))
    fields: dict[str, object] = {
        "title": parsed.title,
        "kind": parsed.kind if args.kind is None else args.kind,
        "in_jd": args.in_jd,
        "minutes_per_week": parsed.minutes_per_week if args.hours is None else parse_minutes(args.hours),
        "enjoyment": _int("--enjoy", args.enjoy, -2, 2),
        "value": _int("--value", args.value, 1, 5),
    }
    return check_task_fields(fields)


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    task = sub.add_parser("task", parents=[common], help=_("the Load inventory: add, list and decide tasks"))
    tasks = task.add_subparsers(dest="task_command", metavar="ACTION", required=True, parser_class=type(task))
    add = tasks.add_parser("add", parents=[common], help=_("add a task (prints its id)"))
    add.add_argument(
        "title",
        nargs="+",
        metavar="TITLE",
        # TRANSLATORS: the example is a task's title with its hours a week, as the quick add reads it
        help=_("read as the window's quick add reads it: “Status report, 2h”"),
    )
    add.add_argument(
        "--hours", metavar="H", help=_("hours a week: 2, 1.5, 2h, 90m, 1h30m (wins over the title's)")
    )
    # TRANSLATORS: task, meeting and project are the kinds as they are typed, in English
    add.add_argument("--kind", help=_("task / meeting / project (guessed from the title when not given)"))
    add.add_argument("--in-jd", default="yes", metavar="yes|partly|no", help=_("in your job description?"))
    # TRANSLATORS: the scale of how much you enjoy a task, -2 to +2
    add.add_argument("--enjoy", metavar="N", help=_("-2 (dislike) … +2 (love)"))
    add.add_argument("--value", metavar="N", help=_("value to career or team, 1 … 5"))
    listing = tasks.add_parser("list", parents=[common], help=_("list tasks"))
    listing.add_argument("--decision", help=_("only tasks with this decision"))
    listing.add_argument("--json", action="store_true")
    decide = tasks.add_parser("decide", parents=[common], help=_("decide what to do with a task"))
    decide.add_argument("id", metavar="ID")
    decide.add_argument(
        "decision",
        metavar="DECISION",
        # TRANSLATORS: the decisions as they are typed, in English
        help=_("keep / delegate / drop / decline / automate / renegotiate"),
    )
    decide.add_argument("--to", metavar="NAME", help=_("who takes it over"))
    decide.add_argument("--reason", metavar="TEXT", help=_("why (for a decline, say)"))
    done = tasks.add_parser("done", parents=[common], help=_("the decision was carried out"))
    done.add_argument("id", metavar="ID")
    load = reports.add_parser(
        "load", parents=[common], help=_("hours on your plate, freed, and who to hand off")
    )
    load.add_argument("--json", action="store_true")


def run_task(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.load.service import Load
    from rutjournal.core.storage.db import open_database

    if args.task_command == "add":
        fields = _new_task(args)  # bad input: nothing is opened or written
    task_id = None
    if args.task_command not in ("add", "list"):
        from rutjournal.core.values import parse_id

        task_id = parse_id("ID", args.id)
    from rutjournal.core.choices import DECISIONS

    for given in (getattr(args, "decision", None),):
        if given is not None and given not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), given)
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        load = Load(db)
        if args.task_command == "add":
            print(load.add(**fields))  # type: ignore[arg-type]
        elif args.task_command == "list" and args.json:
            print(json_text([_task_dict(t) for t in load.tasks(args.decision)]))
        elif args.task_command == "list":
            _print_tasks(load.lines(args.decision), args.decision)
        elif args.task_command == "decide":
            assert task_id is not None
            task = load.decide(task_id, args.decision, to=args.to, reason=args.reason)
            print(f"{task.id}: {task.title} → {task.decision}")
        else:
            assert task_id is not None
            task = load.done(task_id)
            assert task.done_on is not None
            from rutjournal.core.load.words import decision_label

            # TRANSLATORS: a task carried out: its id and title, its decision ("Delegated to Sam") and the day
            said = _("{id}: {title} → {decision} on {day}")
            print(
                said.format(
                    id=task.id, title=task.title, decision=decision_label(task), day=text.day(task.done_on)
                )
            )
    finally:
        db.close()
    return 0


def _print_tasks(tasks: list[TaskLine], decision: str | None) -> None:
    from rutjournal.core.load.words import decision_label, task_hours

    if not tasks:
        print(
            _("No task has the decision “{decision}”.").format(decision=decision)
            if decision
            else _('No tasks yet: rutjournal task add "Weekly status report, 2h"')
        )
        return
    # TRANSLATORS: the headings of the list of tasks
    rows = [(_("ID"), _("Task"), _("Hours"), _("Decision"), _("Hand-off score"))]
    # Thousands of tasks, few different hours and decisions: each is put into words once.
    hours_of: dict[int, str] = {}
    label_of: dict[tuple[str, bool], str] = {}
    for t in tasks:
        task_id, title, _kind, minutes, _in_jd, _enjoyment, _value, decision, done_on, score = t
        shown = hours_of.get(minutes)
        if shown is None:
            shown = hours_of[minutes] = task_hours(minutes)
        state = (decision, done_on is None)
        label = label_of.get(state)
        if label is None:
            label = label_of[state] = decision_label(t)
        rows.append((str(task_id), title if len(title) <= 40 else _cut(title, 40), shown, label, str(score)))
    wide = [max(map(len, column)) for column in zip(*rows, strict=True)]
    # Each row padded as str.rjust / str.ljust pad (with spaces, to a width in characters), in one call.
    line = "%{}s  %-{}s  %{}s  %-{}s  %{}s".format(*wide)
    print("\n".join(map(str.rstrip, map(line.__mod__, rows))))


def _cut(title: str, most: int) -> str:
    return title if len(title) <= most else title[: most - 1] + "…"


def _task_dict(t: TaskView) -> dict[str, object]:
    return {
        "id": t.id,
        "title": t.title,
        "kind": t.kind,
        "minutes_per_week": t.minutes_per_week,
        "in_jd": t.in_jd,
        "enjoyment": t.enjoyment,
        "value": t.value,
        "decision": t.decision,
        "delegate_to": t.delegate_to,
        "reason": t.reason,
        "decided_on": t.decided_on.isoformat() if t.decided_on else None,
        "done_on": t.done_on.isoformat() if t.done_on else None,
        "notes": t.notes,
        "delegability": t.delegability.score,
        "reasons": list(t.delegability.reasons),
    }


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.load.service import Load, rank_candidates, summarize
    from rutjournal.core.load.words import declined_sentence, hours, summary_explanations
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        load = Load(db)
        if args.json:
            whole = load.tasks()
            summary, candidates = summarize(whole), load.candidates(5, whole)
        else:
            tasks = load.lines()  # all that the words below need of each task
            summary, top = summarize(tasks), rank_candidates(tasks)[:5]
    finally:
        db.close()
    if args.json:
        print(
            json_text(
                {
                    "minutes_per_week": {
                        "on_plate": summary.on_plate,
                        "core": summary.core,
                        "pending_free": summary.pending_free,
                        "freed": summary.freed,
                        "meetings": summary.meetings,
                        "enjoyed": summary.enjoyed,
                    },
                    "core_share": summary.core_share,
                    "enjoyed_share": summary.enjoyed_share,
                    "tasks": summary.tasks,
                    "candidates": [_task_dict(t) for t in candidates],
                }
            )
        )
        return 0
    plate = ngettext("{count} task", "{count} tasks", summary.plate_tasks).format(
        count=text.whole(summary.plate_tasks)
    )
    if summary.untimed:
        # TRANSLATORS: {hours} is the hours a week on your plate, {tasks} how many tasks ("12 tasks")
        said = ngettext(
            "On your plate: {hours} across {tasks}, {count} task without hours yet",
            "On your plate: {hours} across {tasks}, {count} tasks without hours yet",
            summary.untimed,
        )
    else:
        # TRANSLATORS: {hours} is the hours a week on your plate, {tasks} how many tasks ("12 tasks")
        said = _("On your plate: {hours} across {tasks}")
    print(said.format(hours=hours(summary.on_plate), tasks=plate, count=text.whole(summary.untimed)))
    print(
        _("Core work (in your job description): {hours} ({share})").format(
            hours=hours(summary.core), share=text.percent(summary.core_share)
        )
    )
    print(_("Would be freed by pending decisions: {hours}").format(hours=hours(summary.pending_free)))
    print(_("Freed so far: {hours}").format(hours=hours(summary.freed)))
    print(_("Meetings: {hours}").format(hours=hours(summary.meetings)))
    if summary.enjoyed_share is None:
        why = summary_explanations(tasks)["enjoyed"]
        # TRANSLATORS: {share} is a dash (no share yet), {reason} why there is none
        said = _("Work you enjoy: {share} ({reason})")
        print(said.format(share=text.NOTHING, reason=why[0].lower() + why[1:]))
    else:
        print(_("Work you enjoy: {share} of your hours").format(share=text.percent(summary.enjoyed_share)))
    print(declined_sentence(tasks))
    if top:
        print()
        print(_("Candidates to hand off, best first:"))
        for t in top:
            print(f"  {t.score:>3}  {t.title} — {t.delegability.explain()}")
    return 0


def _collector_paused(
    run: Callable[[argparse.Namespace, AppPaths], int],
) -> Callable[[argparse.Namespace, AppPaths], int]:
    """``run`` with Python's cycle collector paused: a list or a report makes a few records for each of
    thousands of tasks, none of them in a cycle, and a collection on the way (8 M instructions, an eighth of
    Python's start) would find nothing to free. It runs again as usual once the command is done."""

    def paused(args: argparse.Namespace, paths: AppPaths) -> int:
        import gc

        if not gc.isenabled():
            return run(args, paths)
        gc.disable()
        try:
            return run(args, paths)
        finally:
            gc.enable()

    return paused


COMMANDS = {"task": _collector_paused(run_task)}
REPORTS = {"load": _collector_paused(run_report)}
