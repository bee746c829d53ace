"""Read a brain dump (one task per line, typed as it comes) into tasks for the Load inventory.

The rules, in the order they are applied to each line:

- Blank lines, and lines that hold only a list bullet, are skipped. Bullets and numbering are removed:
  ``-``, ``*``, ``+``, ``>``, ``•``, ``–``, ``1.``, ``2)``, ``(3)`` and Markdown checkboxes ``[ ]`` / ``[x]``.
- The time is the LAST time expression on the line: ``2h``, ``2 h``, ``2hrs``, ``2 hours``, ``1.5h`` (or
  ``1,5h``), ``90m``, ``90 min``, ``90 minutes``, ``1h30``, ``1h30m``, ``1 h 30 min``. A range (``2-3h``,
  ``30–45 min``, ``2 to 3 hours``) counts as its midpoint: a range is an estimate, and the middle of it
  neither inflates nor hides the load (``2-3h`` is 2.5 h); a first number bigger than the second is no range
  (``Review top 5 - 2h`` is 2 h).
- A frequency right after the time (``daily``, ``a day``, ``per day``, ``each day``, ``/day``, ``weekly``,
  ``a week``, ``/wk``, ``monthly``, ``a month``, ``fortnightly``, ``every other week``), or just before it
  (``Planning sync weekly 90 minutes``), converts it to a week: a day is one of 5 working days (×5), a month
  is 4.33 weeks (÷4.33), a fortnight two weeks (÷2). A count right after the time multiplies it:
  ``15m 3x a week``, ``30 min x2``. With no frequency next to the time, the words daily / weekly /
  monthly / fortnightly anywhere in the title set it (``Daily standup 15m`` is 15 minutes each working day;
  ``Monthly report 4h`` is 4 hours a month); otherwise the time is per week. Minutes are rounded to whole
  minutes once, at the end.
- The time, the frequency next to it, and the separators left around them (``,`` ``-`` ``:`` ``–`` ``(`` ``)``
  ``~`` and words such as "about") are removed from the title; everything else the user typed stays.
- No time at all gives 0 minutes: allowed, the user fills it in later.
- Kind: "meeting" when the title names one (meeting, sync, standup, stand-up, 1:1, one-on-one, call — but
  not on-call —, retro, huddle, catch-up, all-hands, town hall); else "project" for project, migration,
  initiative; else "task". Meeting words win: "Project sync" is a meeting.
- A line is rejected, with the reason in words, when nothing but a time is left, when its title is longer
  than 200 characters, or when its time comes to more than 168 hours a week. Nothing is cut short silently.
"""

# No ``from __future__ import annotations``: typing.NamedTuple compiles every field's annotation given as
# text, 3.5 M instructions for the Load records on every Load command (6 % of Python's start). The
# annotations are real types instead; tests/cli/test_cli_lean.py keeps them so.

import math
import re
from typing import NamedTuple

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.text import minutes_as_hours
from rutjournal.core.text import whole as whole_number

MAX_TITLE = 200
MAX_MINUTES = 7 * 24 * 60
WORKING_DAYS = 5
WEEKS_PER_MONTH = 4.33
_AT_MOST = N_("at most 168 hours a week")

_NUM = r"\d+(?:[.,]\d+)?"
_H = r"(?:hours?|hrs?|h)"
_M = r"(?:minutes?|mins?|m)"
_UNIT = rf"(?:{_H}|{_M})"
# The patterns a time needs are compiled where they are first used (re keeps them compiled after that): a
# line without a digit has no time, and compiling them costs a command that adds one task a quarter of the time
# Python takes to start.
_IX = re.IGNORECASE | re.VERBOSE
_TIME = rf"""
    (?<![\w.,])
    (?:
        (?P<ch>{_NUM})\s*{_H}(?:\s*(?P<cm>\d{{1,2}})\s*{_M}|(?P<cm2>\d{{1,2}}))(?!\w)
      | (?P<lo>{_NUM})\s*(?P<lounit>{_UNIT})?\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})\s*(?P<hiunit>{_UNIT})(?!\w)
      | (?P<n>{_NUM})\s*(?P<unit>{_UNIT})(?!\w)
    )
    """
_FREQ = r"""
    (?P<word>daily|weekly|monthly|fortnightly|every\s+other\s+week|every\s+two\s+weeks)
  | (?:/\s*|per\s+|a\s+|an\s+|each\s+|every\s+)(?P<period>(?:work(?:ing)?\s*)?days?|weeks?|wk|months?|mo)
"""
_AFTER = rf"""
    [\s,]*
    (?P<open>\(\s*)?
    (?:(?:(?P<mult>\d+)\s*(?:x|×|times)|(?:x|×)\s*(?P<mult2>\d+))(?!\w)[\s,]*)?
    (?:(?:{_FREQ})(?!\w))?
    (?(open)\s*\))
    """
_BEFORE = rf"(?<![\w-])(?:{_FREQ})[\s,:;–—-]*\Z"
_FREQ_WORD = r"(?<![\w-])(daily|weekly|monthly|fortnightly)(?![\w-])"
_BULLET = r"\A\s*(?:(?:[-*+>]|\d{1,3}[.)])(?:\s+|\Z)|[•·▪◦‣–—]\s*|\(\d{1,3}\)\s*|\[[ xX✓✔]?\]\s*)+"
_BULLET_STARTS = "-*+>•·▪◦‣–—(["  # what a bullet can start with, after spaces, but a digit
_APPROX = r"(?:[~≈]|(?<![\w-])(?:about|approx\.?|around|roughly|ca\.))\s*\Z"
_SEPARATORS = " \t,-:;–—|/(~≈@"
_LEADING = r"\A[\s,\-:;–—|/)]+"
_MEETING_WORDS = (
    r"meetings?|mtgs?|syncs?|stand-?ups?|stand\s+ups?|1:1s?|1-on-1s?|one-on-ones?|"
    r"one\s+on\s+ones?|calls?|retros?|retrospectives?|huddles?|catch-?ups?|all-hands|town\s?halls?"
)
_MEETING = rf"(?<![\w-])(?:{_MEETING_WORDS})(?![\w-])"


def _stem(word: str) -> str:
    """The text a meeting word always begins with: "stand" of ``stand-?ups?``, "meeting" of ``meetings?``."""
    end = next((i for i, c in enumerate(word) if c in "\\?()[]*+"), len(word))
    return word[: end - 1] if word[end : end + 1] == "?" else word[:end]


# An ASCII title holding none of the stems in lower case names no meeting, and the pattern is not compiled for
# it. (Other text folds its case further, "ſync" is a sync: the pattern decides.)
_MEETING_STEMS = tuple(_stem(word) for word in _MEETING_WORDS.split("|"))
_PROJECT = re.compile(r"\b(?:projects?|migrations?|initiatives?)\b", re.IGNORECASE)


class ParsedTask(NamedTuple):
    title: str
    minutes_per_week: int
    kind: str
    line_number: int = 0

    def fields(self) -> dict[str, object]:
        """The fields ``Load.add_many`` takes."""
        return {"title": self.title, "kind": self.kind, "minutes_per_week": self.minutes_per_week}


class Rejected(NamedTuple):
    line_number: int
    line: str
    reason: str
    # What a one-line reader (quick add, ``task add``) names as wrong, and what it allows instead.
    field: str = "title"
    allowed: str = N_("a few words saying what the task is")  # translated where each Rejected is made


class BrainDump(NamedTuple):
    tasks: list[ParsedTask]
    rejected: list[Rejected]

    @property
    def total_minutes(self) -> int:
        return sum(task.minutes_per_week for task in self.tasks)

    @property
    def untimed(self) -> int:
        """How many tasks came without a time (0 minutes, to be filled in later)."""
        return sum(1 for task in self.tasks if task.minutes_per_week == 0)


def parse_brain_dump(text: str) -> BrainDump:
    """Read one task per non-blank line; see the module docstring for the rules."""
    dump = BrainDump([], [])
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        start = line.lstrip()[:1]
        if start and (start in _BULLET_STARTS or start.isdecimal()):  # compiled for a line a bullet can start
            body = re.sub(_BULLET, "", line, count=1).strip()
        else:
            body = line.strip()
        if not body:
            continue
        parsed = _parse_line(body)
        if isinstance(parsed, Rejected):
            dump.rejected.append(Rejected(number, line.strip(), parsed.reason, parsed.field, parsed.allowed))
        else:
            title, minutes = parsed
            dump.tasks.append(ParsedTask(title, minutes, guess_kind(title), number))
    return dump


def parse_task_line(line: str) -> ParsedTask:
    """One typed line read as one line of a brain dump is ("Team standup 15m daily"): the quick add of the
    window and ``rutjournal task add`` both read a title this way. Raises InvalidInput saying why not."""
    dump = parse_brain_dump(" ".join(line.split()))  # one line, whatever line breaks a paste brought
    if dump.rejected:
        refused = dump.rejected[0]
        raise InvalidInput(refused.field, refused.allowed, line.strip())
    if not dump.tasks:
        raise InvalidInput("title", _("a few words saying what the task is"), line)
    return dump.tasks[0]


def guess_kind(title: str) -> str:
    if (not title.isascii() or any(stem in title.lower() for stem in _MEETING_STEMS)) and re.search(
        _MEETING, title, re.IGNORECASE
    ):
        return "meeting"
    if _PROJECT.search(title):
        return "project"
    return "task"


def _parse_line(body: str) -> tuple[str, int] | Rejected:
    """(title, minutes a week), or why the line cannot be used (its number and text are filled in later)."""
    matches = list(re.compile(_TIME, _IX).finditer(body)) if any(c.isdecimal() for c in body) else []
    minutes = 0.0
    title = body
    if matches:
        time = matches[-1]
        per_time, start = _minutes(time)
        after = re.compile(_AFTER, _IX).match(body, time.end())
        assert after is not None  # every part of _AFTER is optional
        end = after.end()
        count = int(after["mult"] or after["mult2"] or 1)
        factor = _factor(after["word"], after["period"])
        if factor is None:
            before = re.compile(_BEFORE, _IX).search(body[:start])
            if before is not None and _strip(body[: before.start()]):
                start = before.start()
                factor = _factor(before["word"], before["period"])
        title = _cut(body, start, end)
        if factor is None:
            words = re.findall(_FREQ_WORD, title, re.IGNORECASE)
            factor = _factor(words[-1] if words else None, None)
        minutes = per_time * count * (1.0 if factor is None else factor)
    title = " ".join(title.split())
    if not title:
        return Rejected(
            0,
            body,
            _("only a time, no task: add what the time is spent on"),
            "title",
            _("a few words saying what the time is spent on, not only a time"),
        )
    if len(title) > MAX_TITLE:
        # TRANSLATORS: {most} is the most characters a title may have, {count} how many this one has.
        reason = ngettext(
            "longer than {most} character ({count}): shorten it, details can go in the notes",
            "longer than {most} characters ({count}): shorten it, details can go in the notes",
            MAX_TITLE,
        ).format(most=whole_number(MAX_TITLE), count=whole_number(len(title)))
        allowed = ngettext(
            "1 to {most} character (details can go in the notes)",
            "1 to {most} characters (details can go in the notes)",
            MAX_TITLE,
        ).format(most=whole_number(MAX_TITLE))
        return Rejected(0, body, reason, "title", allowed)
    if not minutes < 100 * MAX_MINUTES:  # also catches the infinity of an absurdly long number
        return Rejected(0, body, _("comes to far more than a week has (168 h)"), "hours", _(_AT_MOST))
    whole = math.floor(minutes + 0.5)
    if whole > MAX_MINUTES:
        # TRANSLATORS: {hours} is hours a week ("170 h/week").
        reason = _("comes to {hours}, more than a week has (168 h)").format(
            hours=minutes_as_hours(whole, per_week=True)
        )
        return Rejected(0, body, reason, "hours", _(_AT_MOST))
    return title, whole


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _unit_minutes(unit: str | None) -> int:
    return 60 if unit is None or unit[0].lower() == "h" else 1


def _minutes(time: re.Match[str]) -> tuple[float, int]:
    """Minutes of one time expression, and where it starts."""
    if time["ch"] is not None:
        return _number(time["ch"]) * 60 + int(time["cm"] or time["cm2"]), time.start()
    if time["lo"] is not None:
        hi = _number(time["hi"]) * _unit_minutes(time["hiunit"])
        lo_unit = time["lounit"] or time["hiunit"]
        lo = _number(time["lo"]) * _unit_minutes(lo_unit)
        if lo > hi:  # "Top 5 - 2h" is not a range: only the number with a unit is a time
            return hi, time.start("hi")
        return (lo + hi) / 2, time.start()
    return _number(time["n"]) * _unit_minutes(time["unit"]), time.start()


def _factor(word: str | None, period: str | None) -> float | None:
    """Weeks per period of the frequency named, or None when none is."""
    name = " ".join((word or period or "").lower().split())
    if not name:
        return None
    if name in ("fortnightly", "every other week", "every two weeks"):
        return 0.5
    if "day" in name or name == "daily":
        return float(WORKING_DAYS)
    if name.startswith("mo"):
        return 1 / WEEKS_PER_MONTH
    return 1.0


def _strip_trailing(text: str) -> str:
    """Without the separators and words such as "about" that were left at the end."""
    return re.sub(_APPROX, "", text.rstrip(_SEPARATORS), flags=re.IGNORECASE).rstrip(_SEPARATORS)


def _strip(text: str) -> str:
    return re.sub(_LEADING, "", _strip_trailing(text))


def _cut(text: str, start: int, end: int) -> str:
    """The text without [start, end), tidied where the cut was made."""
    left, right = re.sub(_APPROX, "", text[:start], flags=re.IGNORECASE).rstrip(), text[end:].lstrip()
    if left.endswith(("(", "[")) and right.startswith((")", "]")):
        left, right = left[:-1].rstrip(), right[1:].lstrip()
    if not right:
        left = _strip_trailing(left)
        if left.count(")") > left.count("("):
            left = left.rstrip(")").rstrip()
        return re.sub(_LEADING, "", left)
    if not left:
        return re.sub(_LEADING, "", right)
    return f"{left} {right}"
