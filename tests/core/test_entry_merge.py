"""The three-way merge of an editor's save with what another writer stored meanwhile, on its own."""

from __future__ import annotations

import pytest

from rutjournal.core.journal.entry_merge import carry_position, merge_scores, merge_tags, merge_text
from rutjournal.core.values import Scores


@pytest.mark.parametrize(
    ("base", "ours", "theirs", "merged"),
    [
        # only one side changed: that side wins, exactly
        ("a\nb", "a\nb\nc", "a\nb", "a\nb\nc"),
        ("a\nb", "a\nb", "a\nB", "a\nB"),
        ("same", "new", "new", "new"),
        # the command line appended while the editor changed the last line: both, in order
        ("Standup.", "Standup. Then the review.", "Standup.\n\nAdded from the shell.", None),
        # changes in different places both land
        ("one\ntwo\nthree\nfour", "ONE\ntwo\nthree\nfour", "one\ntwo\nthree\nFOUR", "ONE\ntwo\nthree\nFOUR"),
    ],
)
def test_changes_on_one_side_or_apart_are_both_kept(
    base: str, ours: str, theirs: str, merged: str | None
) -> None:
    expected = merged if merged is not None else "Standup. Then the review.\n\nAdded from the shell."
    assert merge_text(base, ours, theirs) == expected


def test_both_appending_keeps_both_ours_first() -> None:
    base = "Morning: planning."
    ours = "Morning: planning.\n\nAfternoon: typed in the window."
    theirs = "Morning: planning.\n\nrutjournal add: a note from the shell."
    assert merge_text(base, ours, theirs) == (
        "Morning: planning.\n\nAfternoon: typed in the window.\n\nrutjournal add: a note from the shell."
    )


def test_both_writing_a_day_that_was_empty_keeps_both_as_paragraphs() -> None:
    assert merge_text("", "From the window.", "From the shell.") == "From the window.\n\nFrom the shell."


def test_both_editing_the_same_line_keeps_both_versions() -> None:
    base = "intro\nThe meeting went fine.\nend"
    ours = "intro\nThe meeting went fine, I think.\nend"
    theirs = "intro\nThe meeting went badly.\nend"
    assert merge_text(base, ours, theirs) == (
        "intro\nThe meeting went fine, I think.\nThe meeting went badly.\nend"
    )


def test_one_side_deleting_a_line_the_other_left_alone_deletes_it() -> None:
    base = "keep\ndrop me\nkeep too"
    assert merge_text(base, "keep\nkeep too", base + "\n\nappended") == "keep\nkeep too\n\nappended"
    assert merge_text(base, base + "\nmine", "keep\nkeep too") == "keep\nkeep too\nmine"


def test_deleting_a_line_the_other_side_changed_keeps_the_change() -> None:
    base = "a\nb\nc"
    assert merge_text(base, "a\nc", "a\nB, rewritten elsewhere\nc") == "a\nB, rewritten elsewhere\nc"
    assert merge_text(base, "a\nmy B\nc", "a\nc") == "a\nmy B\nc"


def test_clearing_the_text_while_another_writer_appended_keeps_the_appended_text() -> None:
    merged = merge_text("old words", "", "old words\n\nnew from the shell")
    assert "new from the shell" in merged and "old words" not in merged


def test_trailing_newlines_and_unicode_survive() -> None:
    base = "Café ☕\n"
    assert merge_text(base, "Café ☕\nZoë 🙂\n", "Café ☕\n\n東京") == "Café ☕\nZoë 🙂\n\n東京"


def test_scores_the_editor_did_not_change_take_the_stored_value() -> None:
    base = Scores(mood=3, energy=3, hours=8.0)
    ours = Scores(mood=4, energy=3, hours=8.0)  # the editor changed the mood only
    theirs = Scores(mood=2, energy=1, hours=9.5, load=5)  # the shell changed energy, hours and load
    assert merge_scores(base, ours, theirs) == Scores(mood=4, energy=1, hours=9.5, load=5)
    assert merge_scores(base, Scores(energy=3, hours=8.0), theirs).mood is None  # cleared by the editor


def test_tags_are_the_union_less_what_the_editor_removed() -> None:
    base = ("meeting", "work")
    ours = ("mentoring", "work")  # removed meeting, added mentoring
    theirs = ("meeting", "shell", "work")  # added shell
    assert merge_tags(base, ours, theirs) == ("mentoring", "shell", "work")
    assert merge_tags(base, base, ("work",)) == ("work",)  # the other writer's removal stands


def test_the_cursor_stays_on_its_text() -> None:
    ours = "first line\nsecond line"
    merged = "from the shell\nfirst line\nsecond line\n\nappended"
    at = ours.index("cond")
    assert merged[carry_position(ours, merged, at) :].startswith("cond line")
    end = len(ours)
    assert merged[: carry_position(ours, merged, end)].endswith("second line")
    assert carry_position("", "anything", 0) == 0
    assert carry_position("abc", "", 2) == 0
