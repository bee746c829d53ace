"""The Load section's numbers and states in words, one way for the window and for ``report load``.

A decision is named with its state ("Delegate" while pending, "Delegated · done" once carried out); a count
of tasks names their kinds ("2 meetings and 1 project"); every total can say how it was counted, including
what it leaves out (tasks without hours, tasks nobody rated).
"""

from __future__ import annotations

from collections.abc import Sequence

from rutjournal.core import text
from rutjournal.core.choices import FREEING, TASK_KINDS
from rutjournal.core.load.rules import TaskView, summarize

DONE_WORDS = {
    "keep": "Kept",
    "delegate": "Delegated",
    "drop": "Dropped",
    "decline": "Declined",
    "automate": "Automated",
    "renegotiate": "Renegotiated",
}


def hours(minutes: int) -> str:
    """A total of minutes a week in hours: "2 h/week", "0.8 h/week", "0 h/week"."""
    return text.minutes_as_hours(minutes, per_week=True)


def task_hours(minutes: int) -> str:
    """One task's hours a week; a task without hours (0, to be filled in) is a dash, not zero."""
    return text.minutes_as_hours(minutes or None, per_week=True)


def decision_label(task: TaskView) -> str:
    """The decision cell: "Undecided", "Keep", "Delegate" (not carried out yet), "Delegated · done"."""
    if task.done_on is not None and task.decision in DONE_WORDS:
        return f"{DONE_WORDS[task.decision]} · done"
    return task.decision.title()


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
        return "No decision yet: pick one here, or select tasks and use the bar below the table."
    decided = f" on {text.day(task.decided_on)}" if task.decided_on else ""
    whom = f" to {task.delegate_to}" if task.decision == "delegate" and task.delegate_to else ""
    why = f" Why: {task.reason}." if task.reason and task.decision != "delegate" else ""
    if task.decision == "keep":
        return f"Kept{decided}: it stays on your plate.{why}"
    frees = task.decision in FREEING and task.minutes_per_week > 0
    if task.done_on is None:
        after = f" {hours(task.minutes_per_week)} will be freed." if frees else ""
        return (
            f"Decided{decided} to {task.decision} it{whom}; not carried out yet. "
            f"Mark it done once it has happened.{after}{why}"
        )
    freed = f" {hours(task.minutes_per_week)} freed." if frees else ""
    return (
        f"{DONE_WORDS[task.decision]}{whom}: decided{decided}, done on {text.day(task.done_on)}.{freed}{why}"
    )


def kinds_count(tasks: Sequence[TaskView]) -> str:
    """How many tasks, by kind: "1 task", "2 meetings and 1 project", "1 task, 2 meetings and 1 project"."""
    counts = [(kind, sum(1 for t in tasks if t.kind == kind)) for kind in TASK_KINDS]
    parts = [text.plural(n, kind) for kind, n in counts if n]
    if not parts:
        return text.plural(0, "task")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def declined_sentence(tasks: Sequence[TaskView]) -> str:
    """The "Saying no" total: what was declined, by kind, and the hours back (or still to come back)."""
    declined = [t for t in tasks if t.decision == "decline"]
    if not declined:
        return "Nothing declined yet. Set a meeting or project to “decline”, with a reason."
    back = sum(t.minutes_per_week for t in declined if t.done_on is not None)
    coming = sum(t.minutes_per_week for t in declined if t.done_on is None)
    said = f"You declined {kinds_count(declined)}"
    if not back and not coming:
        return f"{said}; none of them has hours yet."
    if not coming:
        return f"{said}: {hours(back)} back."
    if not back:
        return f"{said}: {hours(coming)} back once you mark {_them(declined)} done."
    return f"{said}: {hours(back)} back, {hours(coming)} more once the rest are marked done."


def _them(tasks: Sequence[TaskView]) -> str:
    return "it" if len(tasks) == 1 else "them"


def _are(count: int) -> str:
    return "is" if count == 1 else "are"


def summary_explanations(tasks: Sequence[TaskView]) -> dict[str, str]:
    """How each figure of the summary strip is counted, in words and with this inventory's numbers."""
    s = summarize(list(tasks))
    plate = [t for t in tasks if not t.freed]
    pending = [t for t in plate if t.pending]
    freed = [t for t in tasks if t.freed]
    meetings = [t for t in plate if t.kind == "meeting"]
    untimed = ""
    if s.untimed:
        has = "has" if s.untimed == 1 else "have"
        untimed = f" {text.plural(s.untimed, 'task')} {has} no hours yet and {_are(s.untimed)} not counted."
    enjoyed = (
        "Rate how much you enjoy your tasks and this says what share of your hours goes to work you enjoy."
        if s.enjoyed_share is None
        else f"{hours(s.enjoyed)} of your {hours(s.on_plate)} on tasks you rated +1 or +2: "
        f"{text.percent(s.enjoyed_share)}."
        + (
            f" {hours(s.on_plate - s.enjoy_rated)} is on tasks not rated yet."
            if s.on_plate > s.enjoy_rated
            else ""
        )
    )
    return {
        "plate": f"{hours(s.on_plate)} across {text.plural(s.plate_tasks, 'task')} on your plate: every task's "
        "hours, except those handed off, dropped, declined or automated for good (marked done)." + untimed,
        "pending": f"{hours(s.pending_free)} from {text.plural(len(pending), 'decision')} to delegate, drop, "
        "decline or automate not carried out yet. Mark them done when they are.",
        "freed": f"{hours(s.freed)} from {text.plural(len(freed), 'task')} handed off, dropped, declined or "
        "automated, and marked done.",
        "core": (
            f"{hours(s.core)} of your {hours(s.on_plate)} on tasks in your job description: "
            f"{text.percent(s.core_share)}."
            if s.core_share is not None
            else "Hours on tasks in your job description, and their share of your plate: none timed yet."
        ),
        "meetings": f"{hours(s.meetings)} in {text.plural(len(meetings), 'meeting')} still on your plate.",
        "enjoyed": enjoyed,
    }
