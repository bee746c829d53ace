"""Is this task already in the inventory? A new title is compared with every task's before it is added, so
a brain dump or a quick add does not fill the inventory with "Weekly status report" twice.

Two titles are the same task when they read the same once case, spaces and punctuation are set aside
("Team stand-up" and "team standup"), when they hold the same words in another order, or when they differ by
a small slip (difflib's similarity of at least 0.9: "status reprot", "Code reviews"). Titles whose numbers
differ ("Q3 report", "Q4 report") are different tasks, and a title of four letters or fewer must match whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rutjournal.core.load.rules import TaskView

SIMILAR = 0.9
SHORT = 4
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Match:
    """An existing task a new title matches; ``exact`` when only case, spaces or punctuation differ."""

    task: TaskView
    exact: bool


def title_key(title: str) -> str:
    """The words of a title, lower case, one space apart: "Team Stand-up!" → "team stand up"."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(_WORD.findall(folded.replace("_", " ")))


def _similarity(new: str, old: str) -> tuple[bool, float]:
    """(exact, similarity) of two title keys."""
    if new.replace(" ", "") == old.replace(" ", ""):
        return True, 1.0
    if sorted(new.split()) == sorted(old.split()):
        return False, 0.99
    if _DIGITS.findall(new) != _DIGITS.findall(old) or min(len(new), len(old)) <= SHORT:
        return False, 0.0
    import difflib  # (only when a title is compared)

    return False, difflib.SequenceMatcher(None, new, old).ratio()


def find_match(title: str, tasks: Iterable[TaskView]) -> Match | None:
    """The existing task most like ``title``, if one is near enough to be the same task."""
    new = title_key(title)
    if not new:
        return None
    best: tuple[float, TaskView, bool] | None = None
    for task in tasks:
        exact, score = _similarity(new, title_key(task.title))
        if score >= SIMILAR and (best is None or score > best[0]):
            best = (score, task, exact)
    return None if best is None else Match(best[1], best[2])
