"""The writing prompts and check-in questions of each language: the same ones as the English, in its words."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core import i18n
from rutjournal.core.crossroads.questions import anchor_words, load_questions, parse_questions
from rutjournal.core.journal.prompts import all_prompts, prompt_for
from rutjournal.core.resources import resource_path

OTHERS = [code for code in i18n.LANGUAGES if code != i18n.SOURCE]


@pytest.mark.parametrize("code", OTHERS)
def test_prompts_are_the_english_ones_in_order(code: str) -> None:
    english = all_prompts()
    i18n.use_language(code)
    translated = all_prompts()
    assert [p.step for p in translated] == [p.step for p in english]
    assert all(t.text != e.text for t, e in zip(translated, english, strict=True))
    day = dt.date(2026, 12, 3)
    i18n.use_language(i18n.SOURCE)
    english_today = prompt_for(day)
    i18n.use_language(code)
    assert prompt_for(day).step == english_today.step  # the same prompt, in other words
    assert prompt_for(day).text != english_today.text


@pytest.mark.parametrize("code", OTHERS)
def test_check_in_questions_keep_keys_and_direction(code: str) -> None:
    english = load_questions()
    file = resource_path("locale", code, "checkin_questions.txt")
    assert [q.key for q in parse_questions(file.read_text(encoding="utf-8"))] == [q.key for q in english]
    i18n.use_language(code)
    translated = load_questions()
    assert [(q.key, q.reverse) for q in translated] == [(q.key, q.reverse) for q in english]
    assert all(t.text != e.text and t.anchors != e.anchors for t, e in zip(translated, english, strict=True))
    dread = next(q for q in translated if q.key == "dread")
    low, *_middle, high = anchor_words(dread.anchors)
    assert "(" not in high and low and high  # the note in brackets is not on the button


def test_a_translation_with_other_keys_is_not_used() -> None:
    from rutjournal.core.crossroads.questions import translated

    english = load_questions()
    wrong = parse_questions("room | Frage? | 1 = a … 5 = b\n")
    assert translated(english, wrong) == english
