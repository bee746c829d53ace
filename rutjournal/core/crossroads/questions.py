"""The Crossroads check-in questions: read from ``resources/checkin_questions.txt`` (in another language from
``resources/locale/<language>/checkin_questions.txt``, with the same keys), answered 1-5, averaged with the
reverse-scored ones turned round. Qt-free and database-free."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _

REVERSE_MARK = "(reverse-scored)"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    anchors: str  # what 1 means … what 5 means
    reverse: bool  # 5 is the bad end: the score used is 6 - answer


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
    """The questions in ``path``, else the shipped ones in the language in use."""
    if path is not None:
        return parse_questions(path.read_text(encoding="utf-8"))
    from rutjournal.core.i18n import in_language
    from rutjournal.core.resources import resource_path

    english = parse_questions(resource_path("checkin_questions.txt").read_text(encoding="utf-8"))
    translated_path = in_language("checkin_questions.txt")
    if translated_path == resource_path("checkin_questions.txt"):
        return english
    return translated(english, parse_questions(translated_path.read_text(encoding="utf-8")))


def translated(english: Sequence[Question], words: Sequence[Question]) -> list[Question]:
    """The English questions in other words: the keys and which end is good stay the English file's (the
    answers are kept by key). A translation that does not hold the same keys is not used."""
    by_key = {q.key: q for q in words}
    if sorted(by_key) != sorted(q.key for q in english):
        from rutjournal.core.logsetup import logger

        logger(__name__).warning(
            "the translated check-in questions do not match the English keys; using English"
        )
        return list(english)
    return [Question(q.key, by_key[q.key].text, by_key[q.key].anchors, q.reverse) for q in english]


def check_answers(questions: Sequence[Question], answers: Mapping[str, object]) -> dict[str, int]:
    """Every question answered with a whole number 1-5, and no unknown key; else InvalidInput naming them."""
    keys = [q.key for q in questions]
    unknown = [k for k in answers if k not in keys]
    if unknown:
        raise InvalidInput(
            "answers",
            _("keys of the check-in questions: {keys}").format(keys=", ".join(keys)),
            ", ".join(unknown),
        )
    missing = [k for k in keys if k not in answers]
    if missing:
        allowed = _("an answer to every question (missing: {keys})").format(keys=", ".join(missing))
        raise InvalidInput("answers", allowed)
    checked: dict[str, int] = {}
    for key in keys:
        score = answers[key]
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise InvalidInput(key, _("a whole number from 1 to 5"), score)
        checked[key] = score
    return checked


def checkin_mean(questions: Sequence[Question], answers: Mapping[str, int]) -> float | None:
    """The mean of the answers to the current questions, reverse-scored ones turned round (6 - answer)."""
    scores = [6 - answers[q.key] if q.reverse else answers[q.key] for q in questions if q.key in answers]
    return sum(scores) / len(scores) if scores else None


def anchor_words(anchors: str) -> tuple[str, str, str, str, str]:
    """'1 = none … 5 = plenty' → five short words, one per score (the ends named, the middle numbered)."""
    low, _sep, high = anchors.partition("…")
    # TRANSLATORS: the low end of a 1-5 answer whose question names none
    low = low.split("=", 1)[-1].strip() or _("low")
    # TRANSLATORS: the high end of a 1-5 answer whose question names none
    high = _without_note(high.split("=", 1)[-1]) or _("high")
    return (low, "2", "3", "4", high)


def _without_note(words: str) -> str:
    """The words without a closing note in brackets ("it spoils my weekend (reverse-scored)" → "it spoils
    my weekend"), in any language."""
    words = words.strip()
    if words.endswith(")") and "(" in words:
        words = words[: words.rindex("(")].rstrip()
    return words
