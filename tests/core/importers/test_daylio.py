"""Daylio's CSV export, read from hand-made files that follow the real headers (old and new)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rutjournal.core.transfer.importers import daylio
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports" / "daylio"
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "daylio_export.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def test_current_export_gives_every_record_with_time_tags_title_and_mood() -> None:
    parsed = daylio.parse(FIXTURES / "daylio_export.csv", ImportOptions())
    assert parsed.format == "daylio"
    assert parsed.rejected == []
    assert [(e.day, e.time, e.mood) for e in parsed.entries] == [
        (dt.date(2024, 3, 5), dt.time(21, 40), 4),
        (dt.date(2024, 3, 5), dt.time(8, 15), 3),
        (dt.date(2024, 3, 4), dt.time(19, 2), 2),
        (dt.date(2024, 3, 3), dt.time(11, 30), 5),
        (dt.date(2024, 3, 2), dt.time(16, 45), 1),
        (dt.date(2024, 3, 1), dt.time(12, 0), 4),  # "Good": labels compare without case
    ]
    first = parsed.entries[0]
    assert first.title == "Better day"
    assert first.body == "Finished the migration plan.\nSam liked it.\n\nDinner with Zoë 🍝"
    assert first.tags == ("work", "reading", "friends")
    assert first.place == "line 2"
    assert parsed.entries[1].body == ""  # a mood with no note is still a record
    assert parsed.entries[1].tags == ("work", "bad-sleep")
    assert parsed.entries[2].body.endswith('project, "we will see".')
    assert parsed.entries[3].tags == ("family", "movies/tv", "😊")


def test_old_header_with_year_column_and_twelve_hour_times() -> None:
    parsed = daylio.parse(FIXTURES / "daylio_2018_old_header.csv", ImportOptions())
    assert parsed.rejected == []
    assert [(e.day, e.time, e.mood, e.body) for e in parsed.entries] == [
        (dt.date(2018, 5, 18), dt.time(23, 54), 5, "Went to a party"),
        (dt.date(2018, 5, 17), dt.time(22, 21), 3, ""),
        (dt.date(2018, 5, 16), dt.time(7, 5), 1, "Did nothing today."),
    ]
    assert parsed.entries[0].tags == ("clean", "cook", "music")


def test_unknown_labels_are_rejected_with_the_line_and_how_to_map_them() -> None:
    parsed = daylio.parse(FIXTURES / "daylio_custom_moods.csv", ImportOptions())
    assert [e.day for e in parsed.entries] == [dt.date(2023, 11, 18)]
    assert [r.place for r in parsed.rejected] == ["line 2", "line 3"]
    assert "'super'" in parsed.rejected[0].reason
    assert "--mood-map super=" in parsed.rejected[0].reason


def test_custom_mood_map_scores_custom_labels_and_keeps_the_defaults() -> None:
    options = ImportOptions(mood_map={"Super": 5, "so-so": 2})
    parsed = daylio.parse(FIXTURES / "daylio_custom_moods.csv", options)
    assert parsed.rejected == []
    assert [(e.mood, e.time) for e in parsed.entries] == [
        (5, dt.time(20, 30)),
        (2, dt.time(18, 10)),
        (4, dt.time(9, 0)),
    ]


def test_custom_mood_map_can_rescore_a_default_label() -> None:
    parsed = daylio.parse(FIXTURES / "daylio_export.csv", ImportOptions(mood_map={"meh": 2}))
    assert parsed.entries[1].mood == 2


def test_a_mood_map_outside_one_to_five_stops_the_import() -> None:
    with pytest.raises(ImportFileError, match="1 to 5"):
        daylio.parse(FIXTURES / "daylio_export.csv", ImportOptions(mood_map={"super": 9}))


def test_mood_labels_lists_each_label_once_in_file_order() -> None:
    assert daylio.mood_labels(FIXTURES / "daylio_custom_moods.csv") == ["super", "so-so", "good"]
    assert daylio.mood_labels(FIXTURES / "daylio_export.csv") == ["good", "meh", "bad", "rad", "awful"]
    assert daylio.DEFAULT_MOOD_MAP == {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}


def test_bad_rows_are_rejected_with_their_line_and_the_rest_imports(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "2024-02-30,February 30,Friday,10:00,good,,,no such day\n"
        + "2024-03-01,March 1,Friday,25:00,good,,,bad time\n"
        + '2024-03-02,March 2,Saturday,10:00,good,"work"\n'
        + "2024-03-03,March 3,Sunday,10:00,,,,no mood\n"
        + '2024-03-04,March 4,Monday,9:00 am,meh,,,"two\nlines"\n'
        + "03/05/2024,March 5,Tuesday,10:00,good,,,ambiguous\n"
        + "2024-03-06,March 6,Wednesday,10:00,good,,,fine\n",
    )
    parsed = daylio.parse(path, ImportOptions())
    assert [(e.day, e.body) for e in parsed.entries] == [
        (dt.date(2024, 3, 4), "two\nlines"),
        (dt.date(2024, 3, 6), "fine"),
    ]
    reasons = {r.place: r.reason for r in parsed.rejected}
    assert set(reasons) == {"line 2", "line 3", "line 4", "line 5", "line 8"}
    assert "does not exist" in reasons["line 2"]
    assert "25:00" in reasons["line 3"]
    assert "6 fields where the header has 8" in reasons["line 4"]
    assert "no mood" in reasons["line 5"]
    assert "YYYY-MM-DD" in reasons["line 8"]


def test_byte_order_mark_and_blank_lines_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path, ("\ufeff" + HEADER + "\n2024-03-06,March 6,Wednesday,10:00,rad,,,ok\n\n").encode())
    parsed = daylio.parse(path, ImportOptions())
    assert [(e.day, e.mood, e.place) for e in parsed.entries] == [(dt.date(2024, 3, 6), 5, "line 3")]


def test_not_utf8_is_refused_with_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.encode() + b"2024-03-06,March 6,Wednesday,10:00,rad,,,caf\xe9\n")
    with pytest.raises(ImportFileError, match="not UTF-8") as raised:
        daylio.parse(path, ImportOptions())
    assert raised.value.place == "line 2"


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff"])
def test_an_empty_file_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(ImportFileError, match="empty"):
        daylio.parse(write(tmp_path, text), ImportOptions())


def test_a_csv_without_the_daylio_columns_is_refused_naming_what_it_found(tmp_path: Path) -> None:
    path = write(tmp_path, "day,text\n2024-03-01,hello\n")
    with pytest.raises(ImportFileError, match=r"full_date.*mood.*day, text"):
        daylio.parse(path, ImportOptions())
    with pytest.raises(ImportFileError):
        daylio.mood_labels(path)


def test_header_only_gives_nothing(tmp_path: Path) -> None:
    parsed = daylio.parse(write(tmp_path, HEADER), ImportOptions())
    assert parsed.entries == [] and parsed.rejected == []


def test_formatted_notes_become_markdown(tmp_path: Path) -> None:
    note = "Plan:<ul><li>one</li><li><b>two</b></li></ul>Done, <i>finally</i><br><br><br>x <3 y"
    path = write(tmp_path, HEADER + f'2024-03-06,March 6,Wednesday,10:00,rad,,,"{note}"\n')
    [entry] = daylio.parse(path, ImportOptions()).entries
    assert entry.body == "Plan:\n\n- one\n- **two**\n\nDone, *finally*\n\nx <3 y"
