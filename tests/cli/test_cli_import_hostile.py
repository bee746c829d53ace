"""Hostile and odd files to import: bounded time and memory, one line and exit 2 for a file that cannot be read,
and every record that cannot be used listed with its place and reason — none dropped silently."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest

from tests.rut import rut, rut_process

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
JRNL = FIXTURES / "jrnl" / "export.json"
DAYONE_ZIP = FIXTURES / "dayone" / "dayone-export.zip"
# RedNotebook's month file as the issue found it: 388 bytes whose aliases unfold to 9^8 entries of a category.
LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    + "1: {text: hello, Work: *i}\n"
)


def imported(data_dir: Path) -> list[tuple[str, str]]:
    if not (data_dir / "journal.sqlite3").exists():
        return []
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        return conn.execute("SELECT day, body FROM entries ORDER BY day").fetchall()
    finally:
        conn.close()


def preview(*args: str, stdin: bytes = b"") -> dict[str, object]:
    done = rut("import", *args, "--dry-run", "--json", stdin=stdin)
    assert done.returncode == 0, done
    result: dict[str, object] = json.loads(done.stdout)
    return result


def rejected(result: dict[str, object]) -> dict[str, str]:
    items = result["rejected"]
    assert isinstance(items, list)
    return {item["place"]: item["reason"] for item in items}


def refused(source: Path | str, reason: str, stdin: bytes = b"") -> None:
    done = rut("import", str(source), stdin=stdin)
    assert (done.returncode, done.stdout) == (2, ""), done
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert reason in done.stderr


def month(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- RedNotebook: aliases, keys given twice, links and special files ---------------------------------------------
def test_yaml_aliases_are_refused_before_they_unfold(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rn"
    assert len(month(folder, "2024-03.txt", LAUGHS).read_bytes()) < 400
    month(folder, "2024-04.txt", "2: {text: a fine day}\n")
    done = rut_process("import", str(folder), "--json")  # a process: a hang would be stopped at 60 s
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert rejected(result) == {
        "2024-03.txt": "the whole month: it uses YAML aliases (*name), which RedNotebook never writes; it was not read"
    }
    assert imported(data_dir) == [("2024-04-02", "a fine day")]


def test_a_day_or_a_key_given_twice_in_a_month_is_rejected_not_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "rn"
    month(
        folder,
        "2024-03.txt",
        "1: {text: first}\n1: {text: second}\n2: {text: one, text: other}\n3: {text: kept}\n",
    )
    result = preview(str(folder))
    assert rejected(result) == {
        "2024-03.txt day 1": "the day is given twice in the month file; which one is meant cannot be told, so "
        "neither was imported",
        "2024-03.txt day 2": "gives 'text' twice; which one is meant cannot be told, so the day was not imported",
    }
    assert (result["entry_records"], result["new_days"]) == (1, 1)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda f, out: (f / "2024-05.txt").symlink_to(out), "is a link to a file outside the folder"),
        (
            lambda f, out: (f / "2024-05.txt").symlink_to(f / "gone.txt"),
            "is a link to something that does not",
        ),
        (
            lambda f, out: (
                (f / "2024-05.txt").symlink_to(f / "2024-06.txt"),
                (f / "2024-06.txt").symlink_to(f / "2024-05.txt"),
            ),
            "is a link that cannot be followed (it loops back on itself)",
        ),
        (lambda f, out: os.mkfifo(f / "2024-05.txt"), "is a pipe, a device or a socket, not a file"),
    ],
    ids=["outside", "dangling", "loop", "fifo"],
)
def test_links_out_of_the_folder_nowhere_or_in_a_loop_and_pipes_are_refused(
    data_dir: Path, tmp_path: Path, make: object, reason: str
) -> None:
    folder = tmp_path / "rn"
    month(folder, "2024-04.txt", "2: {text: inside}\n")
    outside = month(tmp_path / "elsewhere", "2024-05.txt", "3: {text: another journal's secret}\n")
    make(folder, outside)  # type: ignore[operator]
    refused(folder, f"{folder / '2024-05.txt'}: {reason}")
    assert imported(data_dir) == []


def test_a_link_inside_the_folder_is_followed(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rn"
    month(folder / "old", "2024-04.txt", "2: {text: inside}\n")
    (folder / "2024-04.txt").symlink_to(folder / "old" / "2024-04.txt")
    assert rut("import", str(folder)).returncode == 0
    assert imported(data_dir) == [("2024-04-02", "inside")]


def test_a_data_folder_linked_from_outside_is_refused(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rednotebook"
    folder.mkdir()
    month(tmp_path / "elsewhere", "2024-05.txt", "3: {text: not yours}\n")
    (folder / "data").symlink_to(tmp_path / "elsewhere")
    refused(folder, f"{folder / 'data'}: is a link to a file outside the folder")


# -- JSON: keys given twice, numbers too long, nesting too deep ----------------------------------------------------
def test_a_jrnl_entry_with_a_key_given_twice_is_rejected_with_its_place(tmp_path: Path) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(
        '{"tags": {}, "entries": ['
        '{"date": "2024-01-02", "time": "09:00", "title": "One", "body": "kept", "tags": []},'
        '{"date": "2024-01-03", "time": "09:00", "title": "Two", "body": "a", "body": "b", "tags": []}]}',
        encoding="utf-8",
    )
    result = preview(str(source))
    assert rejected(result) == {
        "entry 2": 'the key "body" is given twice in it; which one is meant cannot be told'
    }
    assert result["entry_records"] == 1


def test_a_top_level_key_given_twice_refuses_the_file(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text('{"tags": {}, "entries": [], "entries": []}', encoding="utf-8")
    refused(source, 'the key "entries" is given twice at the top of the file')


def test_a_day_one_entry_with_a_key_given_twice_is_rejected(tmp_path: Path) -> None:
    source = tmp_path / "Journal.json"
    kept = '{"creationDate": "2024-01-02T10:00:00Z", "text": "kept"}'
    twice = '{"creationDate": "2024-01-02T10:00:00Z", "text": "one", "text": "two"}'
    source.write_text(f'{{"metadata": {{"version": "1.0"}}, "entries": [{kept}, {twice}]}}', encoding="utf-8")
    assert rejected(preview(str(source))) == {
        "entry 2": 'the key "text" is given twice in it; which one is meant cannot be told'
    }


def test_a_taskwarrior_task_with_a_key_given_twice_is_rejected(tmp_path: Path) -> None:
    source = tmp_path / "tasks.json"
    source.write_text(
        '[{"uuid": "a", "description": "Reports", "status": "pending"},'
        ' {"uuid": "b", "description": "One", "status": "pending", "description": "Two"}]',
        encoding="utf-8",
    )
    result = preview(str(source))
    assert rejected(result) == {
        "task 2 (uuid b)": 'the key "description" is given twice in it; which one is meant cannot be told'
    }
    assert result["task_records"] == 1


@pytest.mark.parametrize(
    "text",
    [
        '{"tags": {}, "entries": [{"date": "2024-01-02", "body": "x", "n": %s}]}',
        '{"metadata": {}, "entries": [{"creationDate": "2024-01-02T10:00:00Z", "text": "x", "n": %s}]}',
        '[{"uuid": "a", "description": "x", "status": "pending", "urgency": %s}]',
        '{"format": "rutjournal", "format_version": 1, "schema_revision": "0005", "tables": {"x": %s}}',
    ],
    ids=["jrnl", "dayone", "taskwarrior", "rutjournal"],
)
def test_a_number_of_5000_digits_refuses_the_file(data_dir: Path, tmp_path: Path, text: str) -> None:
    source = tmp_path / "big.json"
    source.write_text(text % ("9" * 5000), encoding="utf-8")
    refused(source, "digits")
    assert imported(data_dir) == []


@pytest.mark.parametrize(
    "text",
    [
        '{"tags": {}, "entries": %s}',
        '{"metadata": {}, "entries": %s}',
        '{"format": "rutjournal", "format_version": 1, "schema_revision": "0005", "tables": %s}',
    ],
    ids=["jrnl", "dayone", "rutjournal"],
)
def test_json_nested_100000_deep_refuses_the_file(data_dir: Path, tmp_path: Path, text: str) -> None:
    source = tmp_path / "deep.json"
    source.write_text(text % ("[" * 100_000 + "]" * 100_000), encoding="utf-8")
    refused(source, "nested too deeply")
    assert imported(data_dir) == []


def export_of(data_dir: Path, tmp_path: Path) -> dict[str, object]:
    assert rut("add", "--date", "2024-01-02", "--mood", "3", "hello").returncode == 0
    out = tmp_path / "full.json"
    assert rut("export", "--format", "json", "--out", str(out)).returncode == 0
    (data_dir / "journal.sqlite3").unlink()
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_a_rutjournal_export_with_a_column_or_table_given_twice_is_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    text = json.dumps(export_of(data_dir, tmp_path))
    source = tmp_path / "twice.json"
    source.write_text(text.replace('"body": "hello"', '"body": "hello", "body": "other"'), encoding="utf-8")
    refused(source, 'at table entries, row 1, column "body": is given twice')
    source.write_text(text.replace('"tags": [', '"tags": [], "tags": ['), encoding="utf-8")
    refused(source, 'at table "tags": is given twice')
    assert imported(data_dir) == []


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("day", "0001-01-01", "must be a date from 1900-01-01 to "),
        ("day", "9999-12-31", "must be a date from 1900-01-01 to "),
        ("id", 2**63, "must be a whole number SQLite can hold (64 bits)"),
    ],
)
def test_a_rutjournal_export_with_a_value_out_of_bounds_is_refused(
    data_dir: Path, tmp_path: Path, column: str, value: object, reason: str
) -> None:
    data = export_of(data_dir, tmp_path)
    tables = data["tables"]
    assert isinstance(tables, dict)
    tables["entries"][0][column] = value
    source = tmp_path / "bounds.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    refused(source, f"at table entries, row 1, column {column}: {reason}")
    assert not (data_dir / "journal.sqlite3").exists() or imported(data_dir) == []


# -- dates outside the bounds ----------------------------------------------------------------------------------------
def test_records_dated_outside_the_bounds_are_rejected_with_their_place(
    data_dir: Path, tmp_path: Path
) -> None:
    entries = [
        {"date": day, "time": "09:00", "title": "", "body": f"on {day}", "tags": []}
        for day in ("0001-01-01", "1899-12-31", "2024-01-02", "9999-12-31")
    ]
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    done = rut("import", str(source), "--json")
    assert done.returncode == 0, done
    reasons = rejected(json.loads(done.stdout))
    assert sorted(reasons) == ["entry 1 (0001-01-01)", "entry 2 (1899-12-31)", "entry 4 (9999-12-31)"]
    assert all(r.startswith("date: must be a date from 1900-01-01 to ") for r in reasons.values())
    assert imported(data_dir) == [("2024-01-02", "### 09:00\n\non 2024-01-02")]


def test_a_csv_row_dated_before_1900_is_rejected(tmp_path: Path) -> None:
    source = tmp_path / "days.csv"
    source.write_text("date,text\n2024-01-02,fine\n1850-06-01,too early\n", encoding="utf-8")
    assert list(rejected(preview(str(source)))) == ["line 3"]


# -- from a pipe ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("source", [JRNL, DAYONE_ZIP], ids=["jrnl", "dayone-zip"])
def test_standard_input_is_read_and_its_format_told_by_content(data_dir: Path, source: Path) -> None:
    result = preview("-", stdin=source.read_bytes())
    assert result["path"] == "standard input"
    assert result["format"] == ("jrnl" if source == JRNL else "dayone")
    done = rut("import", "-", stdin=source.read_bytes())
    assert done.returncode == 0, done
    assert imported(data_dir)


def test_standard_input_that_is_empty_or_not_an_export_is_refused(data_dir: Path) -> None:
    refused("-", "standard input: the file is empty")
    refused("-", "standard input at byte 1: not UTF-8 text", stdin=b"\xff\xfegarbage")
    assert not (data_dir / "journal.sqlite3").exists()


def test_a_named_pipe_is_read_like_process_substitution(data_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fd-63"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as pipe:
            pipe.write(JRNL.read_bytes())

    writer = threading.Thread(target=write)
    writer.start()
    try:
        done = rut("import", str(fifo), "--json")
    finally:
        writer.join(timeout=30)
    assert done.returncode == 0, done
    result = json.loads(done.stdout)
    assert (result["format"], result["path"], result["new_days"]) == ("jrnl", str(fifo), 5)


def test_a_rutjournal_export_can_be_restored_from_standard_input(data_dir: Path, tmp_path: Path) -> None:
    data = export_of(data_dir, tmp_path)
    done = rut("import", "-", stdin=json.dumps(data).encode())
    assert done.returncode == 0, done
    assert done.stdout.startswith("rutjournal export standard input\nRestored: 1 entry")
    assert imported(data_dir) == [("2024-01-02", "hello")]


def test_a_device_is_not_read_forever(data_dir: Path) -> None:
    refused("/dev/zero", "FILE_OR_FOLDER: must be a file, a folder, a pipe, or - for standard input")


def test_a_zip_member_with_a_key_given_twice_names_the_member(tmp_path: Path) -> None:
    source = tmp_path / "export.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("Journal.json", '{"entries": [], "metadata": {}, "entries": []}')
    refused(source, 'at Journal.json: the key "entries" is given twice at the top of the file')
