"""A task's decision in a sentence, one whole sentence for each decision, with or without its day and whom.

The Load section's tooltip of the decision cell (``words.decision_detail``) puts these together with the
hours the decision frees and the reason given. Each variant is written out, so a translator sees whole
sentences: "Decided on Thu 3 Dec 2026 to delegate it to Sam; not carried out yet."
"""

from __future__ import annotations

from rutjournal.core.i18n import _


def kept(day: str | None) -> str:
    """ "Kept on Thu 3 Dec 2026: it stays on your plate." """
    if day is None:
        return _("Kept: it stays on your plate.")
    # TRANSLATORS: {day} is the day the decision was made.
    return _("Kept on {day}: it stays on your plate.").format(day=day)


def decided_not_done(decision: str, day: str | None, whom: str | None) -> str:
    """A decision made but not carried out yet; ``whom`` is for "delegate" only."""
    # TRANSLATORS: in these, {day} is the day the decision was made, {whom} whom the task goes to.
    if decision == "delegate" and whom is not None:
        if day is None:
            return _("Decided to delegate it to {whom}; not carried out yet.").format(whom=whom)
        return _("Decided on {day} to delegate it to {whom}; not carried out yet.").format(day=day, whom=whom)
    sentences = {
        "delegate": (
            _("Decided to delegate it; not carried out yet."),
            _("Decided on {day} to delegate it; not carried out yet."),
        ),
        "drop": (
            _("Decided to drop it; not carried out yet."),
            _("Decided on {day} to drop it; not carried out yet."),
        ),
        "decline": (
            _("Decided to decline it; not carried out yet."),
            _("Decided on {day} to decline it; not carried out yet."),
        ),
        "automate": (
            _("Decided to automate it; not carried out yet."),
            _("Decided on {day} to automate it; not carried out yet."),
        ),
        "renegotiate": (
            _("Decided to renegotiate it; not carried out yet."),
            _("Decided on {day} to renegotiate it; not carried out yet."),
        ),
    }
    undated, dated = sentences[decision]
    return undated if day is None else dated.format(day=day)


def carried_out(decision: str, day: str | None, done: str, whom: str | None) -> str:
    """A decision carried out on ``done``; ``whom`` is for "delegate" only."""
    # TRANSLATORS: in these, {day} is the day the decision was made, {done} the day it was carried out,
    # {whom} whom the task went to.
    if decision == "delegate" and whom is not None:
        if day is None:
            return _("Delegated to {whom}: decided, done on {done}.").format(whom=whom, done=done)
        return _("Delegated to {whom}: decided on {day}, done on {done}.").format(
            whom=whom, day=day, done=done
        )
    sentences = {
        "delegate": (
            _("Delegated: decided, done on {done}."),
            _("Delegated: decided on {day}, done on {done}."),
        ),
        "drop": (_("Dropped: decided, done on {done}."), _("Dropped: decided on {day}, done on {done}.")),
        "decline": (
            _("Declined: decided, done on {done}."),
            _("Declined: decided on {day}, done on {done}."),
        ),
        "automate": (
            _("Automated: decided, done on {done}."),
            _("Automated: decided on {day}, done on {done}."),
        ),
        "renegotiate": (
            _("Renegotiated: decided, done on {done}."),
            _("Renegotiated: decided on {day}, done on {done}."),
        ),
    }
    undated, dated = sentences[decision]
    return undated.format(done=done) if day is None else dated.format(day=day, done=done)
