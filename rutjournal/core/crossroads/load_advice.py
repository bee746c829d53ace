"""What the Load section can do now, for the Crossroads step "lighten your load": the hours the pending
decisions would free, else where to start. Qt-free and database-free: it reads what the Load service says
(``LoadFacts``)."""

from __future__ import annotations

from rutjournal.core.crossroads.model import LoadFacts
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.text import minutes_as_hours, whole


def load_action(load: LoadFacts) -> str:
    """What the Load section can do now: the hours the pending decisions would free, else where to start."""
    if not load.tasks:
        return _(
            "List every task, meeting and project in Load (Brain dump… takes thirty at once) to see what can go."
        )
    count = whole(load.undecided)
    if load.pending_free:
        # TRANSLATORS: {hours} is hours a week, e.g. "3.5 h/week"
        text = _(
            "Your pending decisions would free {hours}: carry them out and mark them done in Load."
        ).format(hours=minutes_as_hours(load.pending_free, per_week=True))
        if load.undecided:
            waits = ngettext(
                "{count} task still waits for a decision.",
                "{count} tasks still wait for a decision.",
                load.undecided,
            )
            text += " " + waits.format(count=count)
    elif load.undecided:
        text = ngettext(
            "No decision is pending yet: Hand off first in Load ranks your {count} undecided task — delegate, "
            "drop, decline or automate from the top.",
            "No decision is pending yet: Hand off first in Load ranks your {count} undecided tasks — delegate, "
            "drop, decline or automate from the top.",
            load.undecided,
        ).format(count=count)
    else:
        text = _(
            "Every task has its decision: look again at what you keep, and say no to new meetings and projects."
        )
    if load.outside:
        outside = _(
            "{hours} on your plate is outside your job description: hand it back, or ask for a temp for the "
            "orphaned admin work."
        )
        text += " " + outside.format(hours=minutes_as_hours(load.outside, per_week=True))
    return text
