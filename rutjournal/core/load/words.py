"""The Load section's numbers and states in words, one way for the window and for ``report load``.

A decision is named with its state ("Delegate" while pending, "Delegated · done" once carried out); a count
of tasks names their kinds ("2 meetings and 1 project"); every total can say how it was counted, including
what it leaves out (tasks without hours, tasks nobody rated).
"""

from __future__ import annotations

from collections.abc import Sequence

from rutjournal.core import text
from rutjournal.core.choices import FREEING, TASK_KINDS
from rutjournal.core.i18n import N_, _, ngettext, pgettext
from rutjournal.core.load.decision_words import carried_out, decided_not_done, kept
from rutjournal.core.load.rules import TaskLine, TaskView, is_freed, is_pending, summarize

# TRANSLATORS: a decision about a task, carried out: the decision cell of the Load table.
_DONE_LABELS = {
    "keep": N_("Kept · done"),
    "delegate": N_("Delegated · done"),
    "drop": N_("Dropped · done"),
    "decline": N_("Declined · done"),
    "automate": N_("Automated · done"),
    "renegotiate": N_("Renegotiated · done"),
}


def hours(minutes: int) -> str:
    """A total of minutes a week in hours: "2 h/week", "0.8 h/week", "0 h/week"."""
    return text.minutes_as_hours(minutes, per_week=True)


def task_hours(minutes: int) -> str:
    """One task's hours a week; a task without hours (0, to be filled in) is a dash, not zero."""
    return text.minutes_as_hours(minutes or None, per_week=True)


def decision_label(task: TaskView | TaskLine) -> str:
    """The decision cell: "Undecided", "Keep", "Delegate" (not carried out yet), "Delegated · done"."""
    if task.done_on is not None and task.decision in _DONE_LABELS:
        return _(_DONE_LABELS[task.decision])
    return _decision_name(task.decision)


def _decision_name(decision: str) -> str:
    """A decision as the table names it before it is carried out (the stored value in a title's case)."""
    # TRANSLATORS: a decision about a task (undecided, or what to do with it), in the Load table.
    names = {
        "undecided": pgettext("decision", "Undecided"),
        "keep": pgettext("decision", "Keep"),
        "delegate": pgettext("decision", "Delegate"),
        "drop": pgettext("decision", "Drop"),
        "decline": pgettext("decision", "Decline"),
        "automate": pgettext("decision", "Automate"),
        "renegotiate": pgettext("decision", "Renegotiate"),
    }
    return names.get(decision, decision.title())


def decision_tone(task: TaskView) -> str:
    """How the decision cell is coloured: "muted" undecided, "plain" kept, "warn" waiting, "good" done."""
    if task.decision == "undecided":
        return "muted"
    if task.decision == "keep":
        return "plain"
    return "good" if task.done_on is not None else "warn"


def decision_detail(task: TaskView) -> str:
    """The decision in a sentence, with its dates and what it frees: the decision cell's tooltip."""
    if task.decision == "undecided":
        return _("No decision yet: pick one here, or select tasks and use the bar below the table.")
    day = text.day(task.decided_on) if task.decided_on else None
    whom = task.delegate_to if task.decision == "delegate" and task.delegate_to else None
    # TRANSLATORS: {reason} is the reason the user gave for a decision, as written.
    why = (
        [_("Why: {reason}.").format(reason=task.reason)]
        if task.reason and task.decision != "delegate"
        else []
    )
    if task.decision == "keep":
        return " ".join([kept(day), *why])
    frees = task.decision in FREEING and task.minutes_per_week > 0
    if task.done_on is None:
        after = [_("{hours} will be freed.").format(hours=hours(task.minutes_per_week))] if frees else []
        return " ".join(
            [
                decided_not_done(task.decision, day, whom),
                _("Mark it done once it has happened."),
                *after,
                *why,
            ]
        )
    freed = [_("{hours} freed.").format(hours=hours(task.minutes_per_week))] if frees else []
    return " ".join([carried_out(task.decision, day, text.day(task.done_on), whom), *freed, *why])


def kinds_count(tasks: Sequence[TaskView | TaskLine]) -> str:
    """How many tasks, by kind: "1 task", "2 meetings and 1 project", "1 task, 2 meetings and 1 project"."""
    counts = [(kind, sum(1 for t in tasks if t.kind == kind)) for kind in TASK_KINDS]
    parts = [_kind_count(kind, n) for kind, n in counts if n]
    if not parts:
        return _kind_count("task", 0)
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        # TRANSLATORS: two counts of tasks by kind: "2 meetings and 1 project".
        return _("{first} and {second}").format(first=parts[0], second=parts[1])
    # TRANSLATORS: three counts of tasks by kind: "1 task, 2 meetings and 1 project".
    return _("{first}, {second} and {third}").format(first=parts[0], second=parts[1], third=parts[2])


def _kind_count(kind: str, n: int) -> str:
    """How many tasks of one kind (choices.TASK_KINDS): "1 task", "2 meetings"."""
    count = text.whole(n)
    if kind == "meeting":
        return ngettext("{count} meeting", "{count} meetings", n).format(count=count)
    if kind == "project":
        return ngettext("{count} project", "{count} projects", n).format(count=count)
    return ngettext("{count} task", "{count} tasks", n).format(count=count)


def declined_sentence(tasks: Sequence[TaskView | TaskLine]) -> str:
    """The "Saying no" total: what was declined, by kind, and the hours back (or still to come back)."""
    declined = [t for t in tasks if t.decision == "decline"]
    if not declined:
        return _("Nothing declined yet. Set a meeting or project to “decline”, with a reason.")
    back = sum(t.minutes_per_week for t in declined if t.done_on is not None)
    coming = sum(t.minutes_per_week for t in declined if t.done_on is None)
    # TRANSLATORS: in these, {what} counts the tasks declined by kind: "2 meetings and 1 project".
    what = kinds_count(declined)
    if not back and not coming:
        return _("You declined {what}; none of them has hours yet.").format(what=what)
    if not coming:
        return _("You declined {what}: {hours} back.").format(what=what, hours=hours(back))
    if not back:
        return ngettext(
            "You declined {what}: {hours} back once you mark it done.",
            "You declined {what}: {hours} back once you mark them done.",
            len(declined),
        ).format(what=what, hours=hours(coming))
    return _("You declined {what}: {hours} back, {more} more once the rest are marked done.").format(
        what=what, hours=hours(back), more=hours(coming)
    )


def summary_explanations(tasks: Sequence[TaskView | TaskLine]) -> dict[str, str]:
    """How each figure of the summary strip is counted, in words and with this inventory's numbers."""
    s = summarize(tasks)
    plate = [t for t in tasks if not is_freed(t)]
    pending = [t for t in plate if is_pending(t)]
    freed = [t for t in tasks if is_freed(t)]
    meetings = [t for t in plate if t.kind == "meeting"]
    plate_words = ngettext(
        "{hours} across {count} task on your plate: every task's hours, except those handed off, dropped, "
        "declined or automated for good (marked done).",
        "{hours} across {count} tasks on your plate: every task's hours, except those handed off, dropped, "
        "declined or automated for good (marked done).",
        s.plate_tasks,
    ).format(hours=hours(s.on_plate), count=text.whole(s.plate_tasks))
    if s.untimed:
        untimed = ngettext(
            "{count} task has no hours yet and is not counted.",
            "{count} tasks have no hours yet and are not counted.",
            s.untimed,
        ).format(count=text.whole(s.untimed))
        plate_words = f"{plate_words} {untimed}"
    if s.enjoyed_share is None:
        enjoyed = _(
            "Rate how much you enjoy your tasks and this says what share of your hours goes to work you enjoy."
        )
    else:
        # TRANSLATORS: {enjoyed} and {total} are hours a week, {share} a percentage.
        enjoyed = _("{enjoyed} of your {total} on tasks you rated +1 or +2: {share}.").format(
            enjoyed=hours(s.enjoyed), total=hours(s.on_plate), share=text.percent(s.enjoyed_share)
        )
        if s.on_plate > s.enjoy_rated:
            unrated = _("{hours} is on tasks not rated yet.").format(hours=hours(s.on_plate - s.enjoy_rated))
            enjoyed = f"{enjoyed} {unrated}"
    if s.core_share is not None:
        # TRANSLATORS: {core} and {total} are hours a week, {share} a percentage.
        core = _("{core} of your {total} on tasks in your job description: {share}.").format(
            core=hours(s.core), total=hours(s.on_plate), share=text.percent(s.core_share)
        )
    else:
        core = _("Hours on tasks in your job description, and their share of your plate: none timed yet.")
    return {
        "plate": plate_words,
        "pending": ngettext(
            "{hours} from {count} decision to delegate, drop, decline or automate not carried out yet. "
            "Mark them done when they are.",
            "{hours} from {count} decisions to delegate, drop, decline or automate not carried out yet. "
            "Mark them done when they are.",
            len(pending),
        ).format(hours=hours(s.pending_free), count=text.whole(len(pending))),
        "freed": ngettext(
            "{hours} from {count} task handed off, dropped, declined or automated, and marked done.",
            "{hours} from {count} tasks handed off, dropped, declined or automated, and marked done.",
            len(freed),
        ).format(hours=hours(s.freed), count=text.whole(len(freed))),
        "core": core,
        "meetings": ngettext(
            "{hours} in {count} meeting still on your plate.",
            "{hours} in {count} meetings still on your plate.",
            len(meetings),
        ).format(hours=hours(s.meetings), count=text.whole(len(meetings))),
        "enjoyed": enjoyed,
    }
