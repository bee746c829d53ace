"""The Crossroads rules, Qt-free and database-free: the check-in questions, the signals' arithmetic and the
verdict (stay / push / leave). ``crossroads`` reads the numbers from the journal; everything that turns numbers
into words and words into a verdict is here, each piece tested on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core.errors import InvalidInput

DIRECTIONS = ("better", "worse", "steady", "unknown")
STAGES = ("idea", "applied", "interview", "offer", "rejected", "withdrawn")
REVERSE_MARK = "(reverse-scored)"
TREND_STEP = 0.25  # a change of at least this much (in points on a 1-5 scale) is a change, not noise
TREND_DAYS = 30  # mood and challenge: the last 30 days against the 30 before
TREND_MIN_DAYS = 5  # ... each window needs at least this many scored days
DREAD_DAYS = 90  # the Monday-dread index looks at the last 90 days
DREAD_MIN_MONDAYS = 4
DREAD_MIN_OTHER = 8
DREAD_WORSE = 0.5  # Mondays this far below Tue-Fri read as "worse" ...
DREAD_STRONG = 1.0  # ... and this far below count toward leaving
LOW_ANSWER = 2  # a check-in answer of 2 or less on room / options counts toward leaving
BURIED_MINUTES = 40 * 60  # still on the plate with nothing freed: more than 40 h a week reads as "worse"
NOT_ENOUGH = "not enough data"
GOOD_FAITH = "Before leaving, make a good-faith effort: hold at least one conversation with your boss or HR (Guidance)."


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    anchors: str  # what 1 means … what 5 means
    reverse: bool  # 5 is the bad end: the score used is 6 - answer


@dataclass(frozen=True)
class Signal:
    key: str
    label: str
    value: str  # shown as is: a number with its unit, or "not enough data (…)"
    direction: str  # better / worse / steady / unknown
    why: str  # one sentence: why this counts
    number: float | None = None  # the figure the verdict rules read (None without enough data)


@dataclass(frozen=True)
class Verdict:
    verdict: str  # stay / push / leave
    reasons: list[str]
    rule: str


# -- questions -----------------------------------------------------------------------------------------------
def parse_questions(text: str) -> list[Question]:
    """Lines ``key | question | anchors``; '#' lines and blank lines are skipped. An anchor text containing
    "(reverse-scored)" marks a question whose 5 is the bad end."""
    questions: list[Question] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"check-in questions, line {number}: expected 'key | question | anchors'")
        key, question, anchors = parts
        questions.append(Question(key, question, anchors, REVERSE_MARK in anchors.lower()))
    if len({q.key for q in questions}) != len(questions):
        raise ValueError("check-in questions: every key must be different")
    return questions


def load_questions(path: Path | None = None) -> list[Question]:
    if path is None:
        from rutjournal.resources import resource_path

        path = resource_path("checkin_questions.txt")
    return parse_questions(path.read_text(encoding="utf-8"))


def check_answers(questions: Sequence[Question], answers: Mapping[str, object]) -> dict[str, int]:
    """Every question answered with a whole number 1-5, and no unknown key; else InvalidInput naming them."""
    keys = [q.key for q in questions]
    unknown = [k for k in answers if k not in keys]
    if unknown:
        raise InvalidInput(
            "answers", "keys of the check-in questions: " + ", ".join(keys), ", ".join(unknown)
        )
    missing = [k for k in keys if k not in answers]
    if missing:
        raise InvalidInput("answers", "an answer to every question (missing: " + ", ".join(missing) + ")")
    checked: dict[str, int] = {}
    for key in keys:
        score = answers[key]
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise InvalidInput(key, "a whole number from 1 to 5", score)
        checked[key] = score
    return checked


def checkin_mean(questions: Sequence[Question], answers: Mapping[str, int]) -> float | None:
    """The mean of the answers to the current questions, reverse-scored ones turned round (6 - answer)."""
    scores = [6 - answers[q.key] if q.reverse else answers[q.key] for q in questions if q.key in answers]
    return sum(scores) / len(scores) if scores else None


# -- arithmetic behind the signals ---------------------------------------------------------------------------
def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def trend(
    scores: Mapping[dt.date, int], today: dt.date, days: int = TREND_DAYS, minimum: int = TREND_MIN_DAYS
) -> tuple[float, float] | None:
    """(mean of the last ``days`` days up to today, mean of the ``days`` before); None when either window has
    fewer than ``minimum`` scored days."""
    recent_start = today - dt.timedelta(days=days - 1)
    earlier_start = recent_start - dt.timedelta(days=days)
    recent = [s for d, s in scores.items() if recent_start <= d <= today]
    earlier = [s for d, s in scores.items() if earlier_start <= d < recent_start]
    if len(recent) < minimum or len(earlier) < minimum:
        return None
    return sum(recent) / len(recent), sum(earlier) / len(earlier)


def monday_dread(moods: Mapping[dt.date, int], today: dt.date, days: int = DREAD_DAYS) -> float | None:
    """How far Monday's mean mood sits below the Tuesday-Friday mean over the last ``days`` days (positive =
    Mondays are worse); None with fewer than 4 Mondays or 8 Tuesday-Friday days."""
    start = today - dt.timedelta(days=days - 1)
    window = {d: m for d, m in moods.items() if start <= d <= today}
    mondays = [m for d, m in window.items() if d.weekday() == 0]
    others = [m for d, m in window.items() if 1 <= d.weekday() <= 4]
    if len(mondays) < DREAD_MIN_MONDAYS or len(others) < DREAD_MIN_OTHER:
        return None
    return sum(others) / len(others) - sum(mondays) / len(mondays)


def direction_of(change: float, step: float = TREND_STEP) -> str:
    if change >= step:
        return "better"
    if change <= -step:
        return "worse"
    return "steady"


def signed(x: float) -> str:
    return f"{x:+.2f}".replace("-", "−")


# -- the verdict ---------------------------------------------------------------------------------------------
def _strong(signal: Signal) -> bool:
    """Whether a signal counts toward leaving (the set in ``decide``'s table)."""
    n = signal.number
    if signal.key in ("promotion", "followups"):
        return n is not None and n >= 1
    if signal.key in ("room", "options"):
        return n is not None and n <= LOW_ANSWER
    if signal.key == "mood":
        return signal.direction == "worse"
    if signal.key == "monday_dread":
        return n is not None and n >= DREAD_STRONG
    return False


RULES = {
    "leave": "leave: 3 or more strong signals AND at least one guidance conversation held",
    "push-good-faith": "push: 3 or more strong signals, but no guidance conversation held yet (good faith first)",
    "push": "push: at least one strong signal, or two or more signals getting worse",
    "stay": "stay: no strong signal and at most one signal getting worse",
}


def decide(signals: Sequence[Signal]) -> Verdict:
    """The verdict over the signals. Strong signals (they count toward leaving):

    ======================  ======================================================
    signal key              strong when
    ======================  ======================================================
    promotion               at least one promotion refused
    followups               at least one employer follow-up undone past its due date
    room                    latest check-in answer on room to advance ≤ 2
    options                 latest check-in answer on options matching goals ≤ 2
    mood                    mood falling (last 30 days ≥ 0.25 below the 30 before)
    monday_dread            Mondays ≥ 1.0 point below the Tuesday-Friday mean
    ======================  ======================================================

    ``held`` is the number of guidance conversations held (the ``guidance`` signal's number, 0 without it);
    ``worse`` counts every signal whose direction is "worse". The first row that matches decides:

    ==  =========================================  ===============================================
    #   when                                       verdict
    ==  =========================================  ===============================================
    1   strong ≥ 3 and held ≥ 1                    leave
    2   strong ≥ 3 and held = 0                    push — and the good-faith sentence (GOOD_FAITH)
    3   strong ≥ 1 or worse ≥ 2                    push
    4   otherwise                                  stay
    ==  =========================================  ===============================================

    So "leave" is never the verdict before at least one guidance conversation has been held.
    """
    strong = [s for s in signals if _strong(s)]
    worse = [s for s in signals if s.direction == "worse"]
    held_signal = next((s for s in signals if s.key == "guidance"), None)
    held = int(held_signal.number or 0) if held_signal else 0
    strong_line = (
        f"{len(strong)} of the 6 strong signals point to leaving"
        + (": " + ", ".join(s.label.lower() for s in strong) if strong else "")
        + "."
    )
    held_line = (
        f"You have held {held} guidance conversation{'s' if held != 1 else ''}."
        if held
        else "You have not held a guidance conversation yet."
    )
    if len(strong) >= 3:
        reasons = [strong_line, *(_reason(s) for s in strong), held_line]
        if held >= 1:
            return Verdict("leave", reasons, RULES["leave"])
        return Verdict("push", [*reasons, GOOD_FAITH], RULES["push-good-faith"])
    if strong or len(worse) >= 2:
        reasons = [strong_line, *(_reason(s) for s in worse)]
        reasons += [_reason(s) for s in strong if s not in worse]
        if not held:
            reasons.append(GOOD_FAITH)
        return Verdict("push", reasons, RULES["push"])
    known = [s for s in signals if s.direction in ("better", "steady") and s.key != "guidance"]
    if not known and not worse:
        reasons = [
            "Not enough data yet to see a problem: keep writing daily and answer the monthly check-in."
        ]
    else:
        reasons = [
            f"{len(known)} signal{'s' if len(known) != 1 else ''} better or steady, {len(worse)} getting worse."
        ]
        reasons += [_reason(s) for s in signals if s.direction == "better"]
        reasons += [_reason(s) for s in worse]
    return Verdict("stay", reasons, RULES["stay"])


def _reason(signal: Signal) -> str:
    return f"{signal.label}: {signal.value} ({signal.direction})."
