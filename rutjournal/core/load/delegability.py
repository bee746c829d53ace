"""How good a candidate a task is to hand off, drop or decline: a score from 0 to 100, with its reasons.

The score adds four parts, each from one fact about the task (the most a part can add is in brackets):

- job description [40]: not in it 40, partly 20, in it 0;
- value to career or team [25]: 1 → 25, 2 → 18, 3 → 10, 4 → 4, 5 → 0; not rated → 10;
- enjoyment [20]: −2 → 20, −1 → 12, 0 → 5, +1 or +2 → 0; not rated → 5;
- time [15]: 2.5 points an hour a week, rounded half up, up to 15 (six hours or more).

So a disliked, worthless chore outside the job that eats six hours a week scores 100, and a valued, enjoyed
core task scores 0 however long it takes. Every part that adds points says so in words.
"""

# No ``from __future__ import annotations``: typing.NamedTuple compiles every field's annotation given as
# text, 3.5 M instructions for the Load records on every Load command (6 % of Python's start). The
# annotations are real types instead; tests/cli/test_cli_lean.py keeps them so.

from functools import cache
from typing import NamedTuple

from rutjournal.core import text
from rutjournal.core.i18n import N_, _

JD_POINTS = {"no": 40, "partly": 20, "yes": 0}
VALUE_POINTS = {1: 25, 2: 18, 3: 10, 4: 4, 5: 0}
VALUE_UNRATED = 10
ENJOY_POINTS = {-2: 20, -1: 12, 0: 5, 1: 0, 2: 0}
ENJOY_UNRATED = 5
POINTS_PER_HOUR = 2.5
MAX_TIME_POINTS = 15
_new = tuple.__new__


class TaskFacts(NamedTuple):
    minutes_per_week: int
    in_jd: str  # "yes" | "partly" | "no"
    enjoyment: int | None = None  # −2 … +2
    value: int | None = None  # 1 … 5


class Delegability(NamedTuple):
    """A task's score, and the facts it came from: its words (``reasons``, ``parts``) are put together when
    they are shown, not for each of the thousands of tasks a list scores."""

    score: int
    facts: TaskFacts

    @property
    def reasons(self) -> tuple[str, ...]:
        """What marks the task for handing off, in words (the parts that add points for a reason)."""
        facts, reasons = self.facts, []
        if facts.in_jd == "no":
            reasons.append(_("not in your job description"))
        elif facts.in_jd == "partly":
            reasons.append(_("only partly in your job description"))
        if facts.value is not None and facts.value <= 2:
            # TRANSLATORS: a reason to hand a task off; {value} is its rating from 1 to 5.
            reasons.append(_("little value to your career or team ({value}/5)").format(value=facts.value))
        if facts.enjoyment == -2:
            reasons.append(_("you dislike it"))
        elif facts.enjoyment == -1:
            reasons.append(_("you would rather not do it"))
        if facts.minutes_per_week >= 120:
            reasons.append(text.minutes_as_hours(facts.minutes_per_week, per_week=True))
        return tuple(reasons)

    @property
    def parts(self) -> tuple[tuple[str, int], ...]:
        """Each part of the score: what it counted, and its points."""
        facts = self.facts
        jd, value, enjoy, time = _points(facts)
        # TRANSLATORS: the parts of a task's hand-off score: its value (rated 1 to 5) and enjoyment (−2 to +2).
        if facts.enjoyment is None:
            enjoyment = _("enjoyment not rated")
        else:
            rating = f"{facts.enjoyment:+d}".replace("-", "−")
            enjoyment = _("enjoyment {rating}").format(rating=rating)
        if facts.value is None:
            value_words = _("value not rated")
        else:
            value_words = _("value {value}/5").format(value=facts.value)
        time_words = (
            text.minutes_as_hours(facts.minutes_per_week, per_week=True)
            if facts.minutes_per_week
            else _("no hours yet")
        )
        return (
            (_(_JD_WORDS[facts.in_jd]), jd),
            (value_words, value),
            (enjoyment, enjoy),
            (time_words, time),
        )

    def explain(self) -> str:
        """The reasons in one line, as the tooltip and the detail pane show them."""
        reasons = self.reasons
        return " · ".join(reasons) if reasons else _("nothing marks it for handing off")

    def arithmetic(self) -> str:
        """The sum behind the score, every part named, the unrated ones too:
        "partly in your job description: 20 + value not rated: 10 + enjoyment −2: 20 + 3 h/week: 8 = 58"."""
        return " + ".join(f"{what}: {points}" for what, points in self.parts) + f" = {self.score}"


def delegability(facts: TaskFacts) -> Delegability:
    """Score a task from its facts; see the module docstring for the formula."""
    score = score_of(facts.minutes_per_week, facts.in_jd, facts.enjoyment, facts.value)
    return _new(Delegability, (score, facts))  # Delegability._make without its call in Python


def score_of(minutes_per_week: int, in_jd: str, enjoyment: int | None, value: int | None) -> int:
    """The score alone, for a list of thousands of tasks that shows no words: ``delegability(...).score``."""
    return _rated_points(in_jd, enjoyment, value) + _time_points(minutes_per_week)


def _points(facts: TaskFacts) -> tuple[int, int, int, int]:
    """The four parts' points: job description, value, enjoyment, time."""
    value = VALUE_UNRATED if facts.value is None else VALUE_POINTS[facts.value]
    enjoy = ENJOY_UNRATED if facts.enjoyment is None else ENJOY_POINTS[facts.enjoyment]
    return JD_POINTS[facts.in_jd], value, enjoy, _time_points(facts.minutes_per_week)


# A list scores thousands of tasks with few different facts: each part is worked out once per process.
@cache
def _rated_points(in_jd: str, enjoyment: int | None, value: int | None) -> int:
    """The points of the three parts that do not depend on the time."""
    jd, value_points, enjoy, _time = _points(TaskFacts(0, in_jd, enjoyment, value))
    return jd + value_points + enjoy


@cache
def _time_points(minutes_per_week: int) -> int:
    return min(MAX_TIME_POINTS, int(minutes_per_week / 60 * POINTS_PER_HOUR + 0.5))  # halves round up


_JD_WORDS = {
    "no": N_("not in your job description"),
    "partly": N_("partly in your job description"),
    "yes": N_("in your job description"),
}
