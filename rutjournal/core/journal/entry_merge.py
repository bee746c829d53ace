"""Merging an editor's save with what another writer stored after the editor loaded the day.

Three-way, like a version-control merge: ``base`` is what the editor loaded, ``ours`` what it holds now,
``theirs`` what is stored now. The text is merged line by line: a part only one side changed takes that side's
version, and where both changed the same part both versions are kept, ours first — so neither the editor's
typing nor what ``rutjournal add`` appended underneath it is ever dropped. A score the editor did not change
takes the stored value; so does a tag: the stored tags, plus those the editor added, less those it removed.
"""

from __future__ import annotations

from typing import NamedTuple

from rutjournal.core.journal.reading import DayEntry
from rutjournal.core.values import SCORE_FIELDS, Scores


class Content(NamedTuple):
    """What a day holds: its text, scores and (normalised, sorted) tags."""

    body: str = ""
    scores: Scores = Scores()
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, entry: DayEntry | None) -> Content:
        return cls() if entry is None else cls(entry.body, entry.scores, tuple(sorted(entry.tags)))


class EditBase(NamedTuple):
    """What an editor loaded: which revision of which entry (None: the day had none), and what it held."""

    revision: tuple[int, int] | None
    content: Content

    @classmethod
    def of(cls, entry: DayEntry | None) -> EditBase:
        return cls(None if entry is None else (entry.id, entry.revision), Content.of(entry))


def merge_content(base: Content, ours: Content, theirs: Content) -> Content:
    return Content(
        merge_text(base.body, ours.body, theirs.body),
        merge_scores(base.scores, ours.scores, theirs.scores),
        merge_tags(base.tags, ours.tags, theirs.tags),
    )


def merge_scores(base: Scores, ours: Scores, theirs: Scores) -> Scores:
    """Each number as the editor set it if it changed it, else as stored."""
    picked = {
        name: getattr(ours if getattr(ours, name) != getattr(base, name) else theirs, name)
        for name in (*SCORE_FIELDS, "hours")
    }
    return Scores(**picked)


def merge_tags(base: tuple[str, ...], ours: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """The stored tags with the editor's changes made: the ones it added, less the ones it removed (a tag it
    left alone is as the other writer left it)."""
    added, removed = set(ours) - set(base), set(base) - set(ours)
    return tuple(sorted((set(theirs) | added) - removed))


class _Hunk(NamedTuple):
    """Lines ``start:end`` of base replaced by ``lines`` on one side (0 ours, 1 theirs)."""

    start: int
    end: int
    side: int
    lines: tuple[str, ...]


def merge_text(base: str, ours: str, theirs: str) -> str:
    """The three-way, line-based merge of the two sides' changes to ``base``."""
    if theirs in (base, ours):
        return ours
    if ours == base:
        return theirs
    old = _lines(base)
    hunks = sorted(
        [*_hunks(old, _lines(ours), 0), *_hunks(old, _lines(theirs), 1)],
        key=lambda h: (h.start, h.end, h.side),
    )
    out: list[str] = []
    done = 0  # base lines before this are written
    i = 0
    while i < len(hunks):
        group = [hunks[i]]
        i += 1
        while i < len(hunks) and any(_overlap(hunks[i], h) for h in group):
            group.append(hunks[i])
            i += 1
        start, end = min(h.start for h in group), max(h.end for h in group)
        out.extend(old[done:start])
        versions = [
            _apply(old, start, end, [h for h in group if h.side == side])
            for side in (0, 1)
            if any(h.side == side for h in group)
        ]
        if len(versions) == 1 or versions[0] == versions[1]:
            out.extend(versions[0])
        else:  # both changed this part: keep both, as paragraphs when both only added lines here
            mine, yours = versions
            apart = start == end and bool(mine and yours and mine[-1].strip() and yours[0].strip())
            out.extend([*mine, *([""] if apart else []), *yours])
        done = end
    out.extend(old[done:])
    return "\n".join(out)


def carry_position(old: str, new: str, position: int) -> int:
    """Where a cursor at ``position`` in ``old`` belongs in ``new``: on the same line of text, same column."""
    old_lines, new_lines = _lines(old), _lines(new)
    if not old_lines or not new_lines:
        return min(position, len(new))
    position = max(0, min(position, len(old)))
    row = old.count("\n", 0, position)
    column = position - (old.rfind("\n", 0, position) + 1)
    target_row, target_column = len(new_lines) - 1, len(new_lines[-1])
    from difflib import SequenceMatcher  # (only when two versions are merged)

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if not i1 <= row < i2:
            continue
        if tag == "equal":
            target_row, target_column = j1 + row - i1, column
        elif old_lines[row] in new_lines[j1:j2]:  # the line is kept, beside the other side's version
            target_row, target_column = j1 + new_lines[j1:j2].index(old_lines[row]), column
        elif j2 > j1:  # the line was rewritten: the end of what replaced it
            target_row, target_column = j2 - 1, len(new_lines[j2 - 1])
        elif j1 > 0:  # the line is gone: the end of the line before
            target_row, target_column = j1 - 1, len(new_lines[j1 - 1])
        else:
            target_row, target_column = 0, 0
        break
    before = sum(len(line) + 1 for line in new_lines[:target_row])
    return before + min(target_column, len(new_lines[target_row]))


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _hunks(old: list[str], new: list[str], side: int) -> list[_Hunk]:
    from difflib import SequenceMatcher  # (only when two versions are merged)

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        _Hunk(i1, i2, side, tuple(new[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _overlap(a: _Hunk, b: _Hunk) -> bool:
    """Whether two changes touch the same base lines (two insertions: at the same place)."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _apply(old: list[str], start: int, end: int, hunks: list[_Hunk]) -> list[str]:
    """Base lines ``start:end`` with one side's changes inside them made."""
    out: list[str] = []
    at = start
    for hunk in hunks:
        out.extend(old[at : hunk.start])
        out.extend(hunk.lines)
        at = hunk.end
    out.extend(old[at:end])
    return out
