"""RedNotebook's data folder, read from month files written by RedNotebook 2.29's own storage code."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from rutjournal.core.transfer.importers import rednotebook
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions

DATA = Path(__file__).parents[2] / "fixtures" / "imports" / "rednotebook" / "data"


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    for file in folder.iterdir():
        file.chmod(0o644)  # RedNotebook writes its files readable by the owner only
    return folder


def test_real_folder_gives_every_day_with_text_tags_and_categories() -> None:
    parsed = rednotebook.parse(DATA, ImportOptions())
    assert parsed.format == "rednotebook"
    assert parsed.rejected == []
    days = {e.day: e for e in parsed.entries}
    assert list(days) == [
        dt.date(2024, 3, 4),
        dt.date(2024, 3, 5),
        dt.date(2024, 3, 31),
        dt.date(2024, 4, 1),
        dt.date(2024, 4, 2),
    ]
    monday = days[dt.date(2024, 3, 4)]
    assert monday.place == "2024-03.txt day 4"
    assert monday.time is None
    assert monday.body == (
        "Monday again. The **quarterly report** took the whole morning.\n"
        "Asked my boss about the //data platform// project. #career #boss\n\n"
        "Work: 1:1 with Sam\nWork: Quarterly report"
    )
    assert set(monday.tags) == {"career", "boss", "work", "tired"}
    cafe = days[dt.date(2024, 3, 5)]
    assert cafe.body.startswith(
        "Café with Zoë — talked about leaving. 日本語も少し。\n\n- item one\n- item two"
    )
    assert cafe.body.endswith("Mood: meh") and cafe.tags == ("mood",)
    assert days[dt.date(2024, 3, 31)].body == "Last day of March: [a link https://example.org] and ''code''."
    assert set(days[dt.date(2024, 4, 1)].tags) == {"planning", "home"}
    only_category = days[dt.date(2024, 4, 2)]
    assert (only_category.body, only_category.tags) == ("Exercise: Ran 5 km", ("exercise",))


def test_one_month_file_can_be_given_alone() -> None:
    parsed = rednotebook.parse(DATA / "2024-04.txt", ImportOptions())
    assert [e.day for e in parsed.entries] == [dt.date(2024, 4, 1), dt.date(2024, 4, 2)]


def test_old_tags_category_gives_tags_not_a_tag_called_tags(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "2010-05.txt").write_text(
        "3: {Tags: {Work: null, Big Project: null}, text: 'old style #Hash'}\n", encoding="utf-8"
    )
    entry = next(e for e in rednotebook.parse(folder, ImportOptions()).entries if e.day.year == 2010)
    assert set(entry.tags) == {"work", "big-project", "hash"}
    assert entry.body == "old style #Hash"


def test_days_that_do_not_exist_are_rejected_and_the_rest_imports(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "2023-04.txt").write_text(
        "1: {text: fine}\n31: {text: no such day}\n0: {text: zero}\n"
        "x: {text: not a number}\n2: just a string\n3: {text: ''}\n4: {text: [1, 2]}\n5: {text: 42}\n",
        encoding="utf-8",
    )
    parsed = rednotebook.parse(folder, ImportOptions())
    april = [(e.day, e.body) for e in parsed.entries if e.day.year == 2023]
    assert april == [(dt.date(2023, 4, 1), "fine"), (dt.date(2023, 4, 5), "42")]
    reasons = {r.place: r.reason for r in parsed.rejected}
    assert set(reasons) == {
        "2023-04.txt day 31",
        "2023-04.txt day 0",
        "2023-04.txt day x",
        "2023-04.txt day 2",
        "2023-04.txt day 3",
        "2023-04.txt day 4",
    }
    assert reasons["2023-04.txt day 31"] == "April 2023 has no day 31 (it has 30 days)"
    assert "empty" in reasons["2023-04.txt day 3"]
    assert len(parsed.entries) == 7  # the real months still import


def test_february_29_only_in_leap_years(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "2024-02.txt").write_text("29: {text: leap}\n", encoding="utf-8")
    (folder / "2023-02.txt").write_text("29: {text: not leap}\n", encoding="utf-8")
    parsed = rednotebook.parse(folder, ImportOptions())
    assert [e.day for e in parsed.entries] == [dt.date(2024, 2, 29)]
    assert [r.place for r in parsed.rejected] == ["2023-02.txt day 29"]


def test_a_month_that_is_not_yaml_is_rejected_with_its_line_and_others_import(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "2024-05.txt").write_text("1:\n  text: 'fine'\n2:\n  text: 'unclosed\n", encoding="utf-8")
    parsed = rednotebook.parse(folder, ImportOptions())
    assert len(parsed.entries) == 5
    [problem] = parsed.rejected
    assert problem.place.startswith("2024-05.txt line ")
    assert "not valid YAML" in problem.reason


def test_a_month_that_is_not_utf8_or_not_a_mapping_is_rejected(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "2024-06.txt").write_bytes(b"1: {text: 'caf\xe9'}\n")
    (folder / "2024-07.txt").write_text("- a list\n- not days\n", encoding="utf-8")
    (folder / "2024-13.txt").write_text("1: {text: 'month 13'}\n", encoding="utf-8")
    (folder / "2024-08.txt").write_text("", encoding="utf-8")
    (folder / "notes.txt").write_text("not a month file", encoding="utf-8")
    parsed = rednotebook.parse(folder, ImportOptions())
    assert len(parsed.entries) == 5
    reasons = {r.place: r.reason for r in parsed.rejected}
    assert set(reasons) == {"2024-06.txt line 1", "2024-07.txt", "2024-13.txt"}
    assert "not UTF-8" in reasons["2024-06.txt line 1"]


def test_a_single_bad_month_file_raises_the_importers_error(tmp_path: Path) -> None:
    bad = tmp_path / "2024-05.txt"
    bad.write_text("1: [unclosed\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="not valid YAML"):
        rednotebook.parse(bad, ImportOptions())
    other = tmp_path / "journal.txt"
    other.write_text("1: {text: hi}\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"2024-03\.txt"):
        rednotebook.parse(other, ImportOptions())


def test_a_folder_without_month_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no RedNotebook month files"):
        rednotebook.parse(tmp_path, ImportOptions())


def test_bom_and_lone_surrogate_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "2024-01.txt").write_bytes("\ufeff1: {text: 'with a BOM'}\n".encode())
    (folder / "2024-02.txt").write_text('1: {text: "\\ud800"}\n', encoding="utf-8")
    parsed = rednotebook.parse(folder, ImportOptions())
    assert [e.body for e in parsed.entries] == ["with a BOM"]
    assert [r.place for r in parsed.rejected] == ["2024-02.txt line 1"]  # YAML refuses it itself


def test_rednotebooks_own_folder_with_data_inside_is_found(tmp_path: Path) -> None:
    copy_data(tmp_path)
    assert len(rednotebook.parse(tmp_path, ImportOptions()).entries) == 5
