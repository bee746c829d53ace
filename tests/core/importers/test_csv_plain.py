"""Plain CSV with a header row: guessed or mapped columns, delimiters, and rows that cannot be used."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest

from rutjournal.core.transfer.importers import csv_plain
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports" / "csv"
GERMAN = {"Datum": "date", "Notiz": "body", "Stimmung": "mood", "Stunden": "hours"}


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "journal.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def test_guessed_columns_fill_every_field() -> None:
    parsed = csv_plain.parse(FIXTURES / "journal.csv", ImportOptions())
    assert parsed.format == "csv"
    assert parsed.rejected == []
    first, second, third, fourth, fifth = parsed.entries
    assert first.day == dt.date(2024, 3, 4) and first.time == dt.time(18, 30)
    assert first.title == "Monday"
    assert first.body == "Status report again.\nAsked about the data platform project."
    assert first.tags == ("work", "boss")
    assert (first.mood, first.energy, first.challenge, first.hours, first.load) == (2, 2, 1, 9.5, 4)
    assert first.place == "line 2"
    assert second.place == "line 4"  # the quoted body of line 2 spans two lines
    assert second.tags == ("work", "learning") and second.time is None
    assert (third.mood, third.energy, third.hours, third.load) == (3, None, 4.5, None)
    assert fourth.tags == ("reading", "friends") and fourth.body == "Read two chapters; café with Zoë ☕"
    assert (fifth.day, fifth.time, fifth.title) == (dt.date(2024, 3, 8), dt.time(12, 15), "Lunch")


def test_read_headers_and_guess_columns_for_the_mapping_step() -> None:
    headers = csv_plain.read_headers(FIXTURES / "journal.csv")
    assert headers[:4] == ["Date", "Time", "Title", "Entry"]
    assert csv_plain.guess_columns(headers) == {
        "Date": "date",
        "Time": "time",
        "Title": "title",
        "Entry": "body",
        "Tags": "tags",
        "Mood": "mood",
        "Energy": "energy",
        "Challenge": "challenge",
        "Hours worked": "hours",
        "Perceived load": "load",
    }
    assert csv_plain.read_headers(FIXTURES / "tagebuch_semicolon.csv") == list(GERMAN)
    assert csv_plain.guess_columns(["day", "text", "note", "Labels", "x"]) == {
        "day": "date",
        "text": "body",
        "Labels": "tags",
    }


def test_semicolons_and_decimal_commas_with_a_user_mapping() -> None:
    parsed = csv_plain.parse(FIXTURES / "tagebuch_semicolon.csv", ImportOptions(csv_columns=GERMAN))
    assert [(e.day, e.body, e.mood, e.hours) for e in parsed.entries] == [
        (dt.date(2024, 1, 8), "Neues Projekt angefangen", 4, 8.5),
        (dt.date(2024, 1, 9), "Meeting; dann Doku", 3, 7.0),
    ]


def test_a_mapping_only_reads_the_mapped_columns() -> None:
    parsed = csv_plain.parse(
        FIXTURES / "journal.csv", ImportOptions(csv_columns={"Date": "date", "Title": "title"})
    )
    assert [e.title for e in parsed.entries] == ["Monday", "Evening", "Lunch"]
    assert all(e.mood is None and e.body == "" for e in parsed.entries)
    assert [r.place for r in parsed.rejected] == ["line 4", "line 5"]
    assert "nothing to import" in parsed.rejected[0].reason


def test_tab_separated(tmp_path: Path) -> None:
    path = write(tmp_path, "date\ttext\ttags\n2024-01-02\thello, world\t#a #b\n")
    parsed = csv_plain.parse(path, ImportOptions())
    assert [(e.body, e.tags) for e in parsed.entries] == [("hello, world", ("a", "b"))]


def test_no_date_column_is_refused_naming_the_headers_found(tmp_path: Path) -> None:
    path = write(tmp_path, "when,text\n2024-01-02,hello\n")
    with pytest.raises(ImportFileError, match=r"no date column.*'when', 'text'"):
        csv_plain.parse(path, ImportOptions())
    with pytest.raises(ImportFileError, match="no date column"):
        csv_plain.parse(path, ImportOptions(csv_columns={"text": "body"}))


def test_a_mapping_naming_a_missing_header_or_an_unknown_field_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "date,text\n2024-01-02,hello\n")
    with pytest.raises(ImportFileError, match="no column 'Datum'"):
        csv_plain.parse(path, ImportOptions(csv_columns={"Datum": "date"}))
    with pytest.raises(ImportFileError, match="'colour'"):
        csv_plain.parse(path, ImportOptions(csv_columns={"date": "date", "text": "colour"}))
    with pytest.raises(ImportFileError, match="two columns"):
        csv_plain.parse(path, ImportOptions(csv_columns={"date": "date", "text": "date"}))


def test_bad_rows_are_rejected_with_line_and_reason(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "date,text,mood,hours,energy,time\n"
        "2024-02-30,no such day,,,,\n"
        "05/03/2024,ambiguous,,,,\n"
        "2024-03-01,mood too high,7,,,\n"
        "2024-03-02,half a mood,2.5,,,\n"
        "2024-03-03,too many hours,,25,,\n"
        "2024-03-04,quarter hours,,7.25,,\n"
        "2024-03-05,ragged\n"
        "2024-03-06,extra,,,,,surplus\n"
        "2024-03-07,,,,,\n"
        ",no date,,,,\n"
        "2024-03-08,bad time,,,,noon\n"
        "2024-03-09,energy zero,,,0,\n"
        "2024-03-10,good,5,7.5,1,07:30\n",
    )
    parsed = csv_plain.parse(path, ImportOptions())
    assert [(e.day, e.mood, e.hours, e.energy, e.time) for e in parsed.entries] == [
        (dt.date(2024, 3, 10), 5, 7.5, 1, dt.time(7, 30))
    ]
    reasons = {r.place: r.reason for r in parsed.rejected}
    assert list(reasons) == [f"line {n}" for n in range(2, 14)]
    assert "does not exist" in reasons["line 2"]
    assert "YYYY-MM-DD" in reasons["line 3"]
    assert "mood '7'" in reasons["line 4"] and "1 to 5" in reasons["line 4"]
    assert "mood '2.5'" in reasons["line 5"]
    assert "hours '25'" in reasons["line 6"]
    assert "half hours" in reasons["line 7"]
    assert "2 fields where the header has 6" in reasons["line 8"]
    assert "7 fields" in reasons["line 9"]
    assert "nothing to import" in reasons["line 10"]
    assert "no date" in reasons["line 11"]
    assert "'noon'" in reasons["line 12"]
    assert "energy '0'" in reasons["line 13"]


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffDate;Body\r\n2024-01-02;hi\r\n".encode())
    assert csv_plain.read_headers(path) == ["Date", "Body"]
    assert [e.body for e in csv_plain.parse(path, ImportOptions()).entries] == ["hi"]


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "date,text\n2024-01-02,caf\xe9\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        csv_plain.parse(path, ImportOptions())
    with pytest.raises(ImportFileError, match="not UTF-8"):
        csv_plain.read_headers(path)


@pytest.mark.parametrize("text", ["", "\n", " \r\n"])
def test_empty_file_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(ImportFileError, match="empty"):
        csv_plain.parse(write(tmp_path, text), ImportOptions())
    with pytest.raises(ImportFileError, match="empty"):
        csv_plain.read_headers(write(tmp_path, text))


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="folder"):
        csv_plain.parse(tmp_path, ImportOptions())


@pytest.mark.parametrize(
    "text",
    ['"', 'date\n"2024-01-01', "a;b,c\tz\n1\n", "\x00\x00,\x00\n\x00", "date\n" + "x" * 200_000 + "\n"],
)
def test_odd_files_never_raise_anything_but_the_importers_error(tmp_path: Path, text: str) -> None:
    with contextlib.suppress(ImportFileError):
        csv_plain.parse(write(tmp_path, text), ImportOptions())
