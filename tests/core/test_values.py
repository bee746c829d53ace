"""Validation of what a user types: scores, hours, dates, tags and the body, before anything is written."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.values import (
    EARLIEST_DAY,
    MAX_BODY_CHARS,
    MAX_ID,
    MAX_TAG_CHARS,
    SCORE_FIELDS,
    Scores,
    check_body,
    check_day,
    check_hours,
    check_score,
    latest_day,
    normalize_tag,
    normalize_tags,
    parse_day,
    parse_hours,
    parse_id,
    parse_score,
    parse_whole,
    split_tags,
    word_count,
)


@pytest.mark.parametrize("field", SCORE_FIELDS)
@pytest.mark.parametrize("value", [1, 2, 3, 4, 5, None])
def test_scores_one_to_five_and_blank_are_accepted(field: str, value: int | None) -> None:
    assert check_score(field, value) == value
    scores = Scores(**{field: value})
    assert scores.validated() is scores


@pytest.mark.parametrize("field", SCORE_FIELDS)
@pytest.mark.parametrize("value", [0, 6, -1, True, False, "3", 3.0, 2.5])
def test_scores_outside_range_or_not_int_are_rejected_naming_the_field(field: str, value: object) -> None:
    with pytest.raises(InvalidInput) as info:
        Scores(**{field: value}).validated()  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.value == value
    assert str(info.value).startswith(f"{field}: must be a whole number from 1 to 5")


def test_invalid_input_is_a_value_error_with_a_readable_message() -> None:
    err = InvalidInput("mood", "a whole number from 1 to 5, or blank", 7)
    assert isinstance(err, ValueError)
    assert str(err) == "mood: must be a whole number from 1 to 5, or blank (got 7)"
    assert str(InvalidInput("TEXT", "some text")) == "TEXT: must be some text"


@pytest.mark.parametrize("value", [0, 24, 7.5, 0.5, 23.5, 8, None])
def test_hours_in_half_hours_from_0_to_24_are_accepted(value: float | None) -> None:
    result = check_hours(value)
    assert result == value
    if value is not None:
        assert isinstance(result, float)
    assert Scores(hours=value).validated().hours == value


@pytest.mark.parametrize("value", [-1, -0.5, 24.5, 25, 7.25, 7.1, True, "7", float("nan"), float("inf")])
def test_hours_outside_range_or_not_half_hours_are_rejected(value: object) -> None:
    with pytest.raises(InvalidInput) as info:
        check_hours(value)
    assert info.value.field == "hours"
    with pytest.raises(InvalidInput, match=r"^hours: "):
        Scores(hours=value).validated()  # type: ignore[arg-type]


def test_parse_score_and_hours_from_text() -> None:
    assert parse_score("energy", "4") == 4
    assert parse_score("energy", " 5 ") == 5
    assert parse_hours("7.5") == 7.5
    assert parse_hours("0") == 0.0
    assert parse_hours("24") == 24.0


@pytest.mark.parametrize(
    ("field", "text"), [("mood", "7"), ("mood", "0"), ("load", "x"), ("challenge", "2.5")]
)
def test_parse_score_rejects_with_the_field(field: str, text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_score(field, text)
    assert info.value.field == field


@pytest.mark.parametrize("text", ["-1", "25", "24.5", "7.25", "seven", "", "nan"])
def test_parse_hours_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_hours(text)
    assert info.value.field == "hours"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2026-03-01", dt.date(2026, 3, 1)),
        (" 2026-12-31\n", dt.date(2026, 12, 31)),
        ("2000-02-29", dt.date(2000, 2, 29)),
    ],
)
def test_parse_day_accepts_real_dates(text: str, expected: dt.date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "2025-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-3-1",
        "20260301",
        "01/03/2026",
        "2026-03-01T10:00",
        "today",
        "",
        "2026-W09-7",
    ],
)
def test_parse_day_rejects_anything_but_a_real_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_day(text)
    assert info.value.field == "date"
    assert info.value.value == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#Team Meeting", "team-meeting"),
        ("work", "work"),
        ("  ##Work  ", "work"),
        ("one  two\tthree", "one-two-three"),
        ("a, b", "a-b"),
        ("#-edge-", "edge"),
        ("C++", "c++"),
        ("Ünïcode Tag", "ünïcode-tag"),
    ],
)
def test_normalize_tag(text: str, expected: str) -> None:
    assert normalize_tag(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "#", "##", "-", " , "])
def test_normalize_tag_rejects_empty(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        normalize_tag(text)
    assert info.value.field == "tag"


def test_tag_length_limit() -> None:
    assert normalize_tag("#" + "a" * MAX_TAG_CHARS) == "a" * MAX_TAG_CHARS
    with pytest.raises(InvalidInput, match=f"tag: must be at most {MAX_TAG_CHARS} characters"):
        normalize_tag("a" * (MAX_TAG_CHARS + 1))
    with pytest.raises(InvalidInput):
        normalize_tags(["ok", "b" * (MAX_TAG_CHARS + 1)])


def test_normalize_tags_dedupes_keeps_first_order_and_skips_blanks() -> None:
    assert normalize_tags(["#Work", "work", " WORK ", "#Team Meeting", "team meeting", "", "#", "a"]) == [
        "work",
        "team-meeting",
        "a",
    ]
    assert normalize_tags(()) == []


def test_split_tags_on_commas() -> None:
    assert split_tags("#Team Meeting, work,, Work ,  ") == ["team-meeting", "work"]
    assert split_tags("") == []


def test_body_limit() -> None:
    at_limit = "x" * MAX_BODY_CHARS
    assert check_body(at_limit) is at_limit
    assert check_body("") == ""
    with pytest.raises(InvalidInput) as info:
        check_body(at_limit + "y")
    assert info.value.field == "text"
    assert "1,000,000" in str(info.value)


def test_word_count() -> None:
    assert word_count("") == 0
    assert word_count("  one two\nthree\t four  ") == 4


# -- whole numbers, ids and the bounds of a date ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [("1", 1), (" 42 ", 42), ("+7", 7), (str(MAX_ID), MAX_ID)])
def test_an_id_is_a_whole_number_sqlite_holds(text: str, expected: int) -> None:
    assert parse_id("ID", text) == expected


@pytest.mark.parametrize(
    "text", ["0", "-1", str(MAX_ID + 1), "9" * 5000, "1.0", "1e3", "", "x", "\u0663", "1_0"]
)
def test_anything_else_is_not_an_id(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_id("--goal", text)
    assert str(info.value).startswith(f"--goal: must be a whole number from 1 to {MAX_ID} (an id)")
    assert len(str(info.value)) < 160  # a 5,000-digit number is not echoed back whole


def test_whole_numbers_within_their_range() -> None:
    assert parse_whole("--days", "36525", 1, 36525) == 36525
    with pytest.raises(InvalidInput, match=r"--days: must be a whole number from 1 to 10 \(got '11'\)"):
        parse_whole("--days", "11", 1, 10)


def test_a_date_runs_from_1900_to_a_hundred_years_from_today() -> None:
    today = dt.date(2026, 3, 1)
    assert latest_day(today) == dt.date(2126, 3, 1)
    assert latest_day(dt.date(2028, 2, 29)) == dt.date(2128, 2, 29)  # 2128 is a leap year too
    assert latest_day(dt.date(2000, 2, 29)) == dt.date(2100, 2, 28)  # 2100 is not
    assert latest_day(dt.date(2027, 2, 28)) == dt.date(2127, 2, 28)
    assert check_day("date", EARLIEST_DAY, today) == EARLIEST_DAY
    assert check_day("date", dt.date(2126, 3, 1), today) == dt.date(2126, 3, 1)
    for outside in (dt.date(1899, 12, 31), dt.date(2126, 3, 2), dt.date.min, dt.date.max):
        with pytest.raises(InvalidInput, match=r"^--due: must be a date from 1900-01-01 to 2126-03-01"):
            check_day("--due", outside, today)


def test_parse_day_keeps_to_the_bounds_unless_it_only_looks_something_up() -> None:
    with pytest.raises(InvalidInput, match=r"^--by: must be a date from 1900-01-01 to "):
        parse_day("0999-03-05", "--by")
    assert parse_day("0999-03-05", bounded=False) == dt.date(999, 3, 5)
    with pytest.raises(InvalidInput, match=r"^date: must be a real calendar date"):
        parse_day("0999-02-30", bounded=False)


def test_a_long_value_is_not_echoed_back_but_a_path_is_shown_whole() -> None:
    from pathlib import Path

    essay = "my private words " * 100
    assert len(str(InvalidInput("reason", "at most 10 characters", essay))) < 120
    deep = Path("/a" * 60) / "journal.json"
    assert str(deep) in str(InvalidInput("--out", "a new file", deep))
