"""A journal line's Markdown as plain words: what a task title or a status message made from it shows."""

from __future__ import annotations

import pytest

from rutjournal.core.plain_text import plain_line


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("- Vendor call", "Vendor call"),
        ("* Vendor call", "Vendor call"),
        ("+ Vendor call", "Vendor call"),
        ("3. Vendor call", "Vendor call"),
        ("3) Vendor call", "Vendor call"),
        ("- [ ] Vendor call", "Vendor call"),
        ("- [x] Vendor call", "Vendor call"),
        ("## Vendor call ##", "Vendor call"),
        ("> Vendor call", "Vendor call"),
        ("> - **Vendor** call", "Vendor call"),
        ("*Vendor* call", "Vendor call"),
        ("_Vendor_ call", "Vendor call"),
        ("__Vendor__ ~~sales~~ call", "Vendor sales call"),
        ("***Vendor*** call", "Vendor call"),
        ("[Vendor call](https://example.org/call) notes", "Vendor call notes"),
        ("![the vendor](vendor.png) call", "the vendor call"),
        ("   -   Vendor    call  ", "Vendor call"),
        ("---", ""),
    ],
)
def test_the_marks_go_and_every_word_stays(line: str, plain: str) -> None:
    assert plain_line(line) == plain


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("Rename `**kwargs` in the parser", "Rename **kwargs in the parser"),  # code is shown as typed
        ("Fix the snake_case_names", "Fix the snake_case_names"),
        ("Estimate 2 * 3 days", "Estimate 2 * 3 days"),
        ("\\*not\\* emphasis", "*not* emphasis"),
        ("#meeting with sales", "#meeting with sales"),  # a tag, not a heading
        ("Call -> follow up", "Call -> follow up"),
    ],
)
def test_what_only_looks_like_a_mark_is_kept(line: str, plain: str) -> None:
    assert plain_line(line) == plain


def test_a_private_use_character_the_writer_typed_is_kept_not_a_crash() -> None:
    # U+E000 is what plain_line marks its kept pieces with; typed by the writer, it is text like any other
    assert plain_line("`code` and \ue0009\ue000 kept") == "code and \ue0009\ue000 kept"
