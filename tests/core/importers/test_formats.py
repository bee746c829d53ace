"""Reading jrnl and Day One exports, and telling formats apart by their content."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.importers import dayone, jrnl
from rutjournal.core.transfer.importers.apply import apply_import
from rutjournal.core.transfer.importers.detect import FORMATS, available_formats, detect_format, parse_file
from rutjournal.core.transfer.importers.records import ImportFileError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"
JRNL = FIXTURES / "jrnl" / "export.json"
DAYONE_JSON = FIXTURES / "dayone" / "Journal.json"
DAYONE_ZIP = FIXTURES / "dayone" / "dayone-export.zip"


def test_jrnl_records_keep_date_time_title_tags_and_star() -> None:
    parsed = jrnl.parse(JRNL)
    assert len(parsed.entries) == 8 and not parsed.rejected
    first = parsed.entries[1]
    assert (first.day, first.time, first.starred) == (dt.date(2023, 1, 5), dt.time(12, 5), True)
    assert first.title.startswith("Lunch with Priya")
    assert first.tags == ("mentor",)
    assert first.place == "entry 2 (2023-01-05)"


def test_day_one_days_are_those_of_each_entry_s_own_time_zone() -> None:
    for path in (DAYONE_JSON, DAYONE_ZIP):
        parsed = dayone.parse(path)
        got = [(e.day.isoformat(), e.time.strftime("%H:%M") if e.time else None) for e in parsed.entries]
        assert got == [
            ("2023-01-05", "18:30"),  # 23:30 UTC in New York: the same day
            ("2023-01-06", "23:30"),  # 04:30 UTC in New York: the evening before
            ("2023-01-07", "00:00"),  # 15:00 UTC in Tokyo: the next day
            ("2023-01-06", "13:15"),
        ]
        retro = parsed.entries[0]
        assert retro.starred and retro.tags == ("work", "Team Meeting")
        assert "new on-call rota. I volunteered to lead the next one!" in retro.body


def test_day_one_import_writes_days_in_time_order(db: Database, journal: Journal) -> None:
    apply_import(db, dayone.parse(DAYONE_ZIP))
    day = journal.get(dt.date(2023, 1, 6))
    assert day is not None
    assert day.body.index("### 13:15") < day.body.index("### 23:30")
    retro = journal.get(dt.date(2023, 1, 5))
    assert retro is not None and retro.tags == ("starred", "team-meeting", "work")


def _zip(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../evil.json", "photos/../../evil.txt", "/etc/evil.json", "C:\\evil.json"])
def test_a_zip_that_climbs_out_of_its_folder_is_refused(tmp_path: Path, db: Database, name: str) -> None:
    path = _zip(tmp_path, {"Journal.json": DAYONE_JSON.read_bytes(), name: b"{}"})
    with pytest.raises(ImportFileError) as caught:
        parse_file(path)
    assert caught.value.place == name and "outside its folder" in str(caught.value)
    assert not (tmp_path.parent / "evil.json").exists()


def test_a_zip_without_a_journal_or_damaged_says_so(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"no \.json"):
        parse_file(_zip(tmp_path, {"photos/a.jpeg": b"x"}))
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", DAYONE_JSON.read_bytes() * 3)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.getvalue()[:-60])
    with pytest.raises(ImportFileError, match="zip"):
        parse_file(cut, "dayone")


def test_formats_are_told_apart_by_content_not_name(tmp_path: Path) -> None:
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    assert detect_format(JRNL) == "jrnl"
    assert detect_format(DAYONE_JSON) == "dayone"
    assert detect_format(DAYONE_ZIP) == "dayone"
    assert detect_format(write("a.csv", json.dumps({"tags": {}, "entries": []}))) == "jrnl"
    tasks = [{"id": 1, "uuid": "u", "description": "d", "status": "pending", "entry": "20230105T120000Z"}]
    assert detect_format(write("tasks.txt", json.dumps(tasks))) == "taskwarrior"
    assert detect_format(write("x.json", '{"format": "rutjournal", "version": 1}')) == "rutjournal"
    daylio = "full_date,date,weekday,time,mood,activities,note_title,note\n2023-01-05,January 5,Thursday,"
    assert detect_format(write("export.json", daylio + "9:14 pm,rad,work,,\n")) == "daylio"
    assert detect_format(write("d.csv", "day;text;mood\n2023-01-05;hello;3\n")) == "csv"
    folder = tmp_path / "rn" / "data"
    folder.mkdir(parents=True)
    (folder / "2023-01.txt").write_text("5: {text: hi}\n", encoding="utf-8")
    assert detect_format(tmp_path / "rn") == "rednotebook"
    assert {f.name for f in available_formats()} >= {"jrnl", "dayone"}
    assert set(FORMATS) == {"jrnl", "dayone", "daylio", "rednotebook", "taskwarrior", "csv", "rutjournal"}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "only blank space"),
        (bytes(range(256)) * 4, "binary data"),
        (b"\xff\xfe\xfa garbage \xc3", "not UTF-8"),
        (b"just a line of prose\n", "header row"),
        (b'{"hello": "world"}', "not an export rutjournal knows"),
    ],
)
def test_files_that_are_no_known_format_get_a_clear_message(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=words) as caught:
        parse_file(path)
    assert str(path) in str(caught.value) and "nothing was imported" in str(caught.value)


def test_a_folder_that_is_not_rednotebook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="not a RedNotebook data folder"):
        detect_format(tmp_path)


def test_truncated_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_bytes(JRNL.read_bytes()[:700])
    with pytest.raises(ImportFileError, match="ends too soon") as caught:
        parse_file(path)
    assert caught.value.place.startswith("line ")
    broken = tmp_path / "broken.json"
    broken.write_text('{"tags": {}, "entries": [\n  {"date": "2023-01-05",, }\n]}', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not valid JSON") as caught:
        parse_file(broken, "jrnl")
    assert caught.value.place == "line 2, column 25"


def test_dates_that_do_not_exist_and_wrong_types_are_rejected_with_their_place(tmp_path: Path) -> None:
    path = tmp_path / "jrnl.json"
    entries = [
        {"date": "2023-02-30", "time": "09:00", "title": "t", "body": "b", "tags": [], "starred": False},
        {"date": "2023-02-28", "time": "25:00", "title": "t", "body": "b"},
        {"date": "2023-02-28", "time": "09:00", "title": 3, "body": "b"},
        "not an entry",
        {"date": "2023-02-28", "time": "09:00", "title": "ok", "body": "fine", "tags": ["@x"]},
    ]
    path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    parsed = parse_file(path)
    assert [(r.place, r.reason) for r in parsed.rejected] == [
        ("entry 1", "the date 2023-02-30 does not exist on the calendar"),
        ("entry 2", "the time 25:00 does not exist"),
        ("entry 3", '"title" must be text'),
        ("entry 4", "not an entry (expected an object with date, time, title and body)"),
    ]
    assert [e.tags for e in parsed.entries] == [("x",)]


def test_day_one_bad_time_zones_and_dates_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    entries = [
        {"creationDate": "2023-01-05T23:30:00Z", "timeZone": "Mars/Olympus_Mons", "text": "a"},
        {"creationDate": "2023-02-30T10:00:00Z", "text": "b"},
        {"creationDate": "2023-01-05T10:00:00Z", "timeZone": "../../etc/passwd", "text": "c"},
        {"text": "no date"},
        {"creationDate": "2023-01-05T10:00:00Z", "text": "UTC when no zone"},
    ]
    path.write_text(json.dumps({"metadata": {}, "entries": entries}), encoding="utf-8")
    parsed = parse_file(path)
    assert [r.place for r in parsed.rejected] == ["entry 1", "entry 2", "entry 3", "entry 4"]
    assert "Mars/Olympus_Mons" in parsed.rejected[0].reason
    assert parsed.entries[0].day == dt.date(2023, 1, 5) and parsed.entries[0].time == dt.time(10, 0)


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rutjournal.core.transfer.importers import detect, json_source

    monkeypatch.setattr(json_source, "MAX_IMPORT_BYTES", 1000)
    monkeypatch.setattr(detect, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2000)
    with pytest.raises(ImportFileError, match="imports files of up to"):
        detect_format(path)
    with pytest.raises(ImportFileError, match="imports files of up to"):
        jrnl.parse(_copy_padded(tmp_path))


def _copy_padded(tmp_path: Path) -> Path:
    path = tmp_path / "padded.json"
    path.write_bytes(JRNL.read_bytes() + b" " * 1000)
    return path


def test_a_200_mb_file_of_noise_gets_a_message_at_once(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: 200 MB of NUL bytes without writing them
    with pytest.raises(ImportFileError, match="binary data"):
        parse_file(path)
    with pytest.raises(ImportFileError, match=r"not UTF-8|not valid JSON"):
        parse_file(path, "jrnl")
