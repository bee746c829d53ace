"""Every registered importer, fed generated garbage: it reads records or raises ImportFileError, nothing else;
and writing what it read either succeeds or leaves the journal exactly as it was."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rutjournal.core.errors import RutjournalError
from rutjournal.core.storage.db import Database, open_database
from rutjournal.core.transfer.importers.apply import apply_import
from rutjournal.core.transfer.importers.detect import RESTORE, available_formats, parser_for
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions, ParsedFile

FORMATS = [f.name for f in available_formats() if f.name != RESTORE]
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2023-02-30",
            "2023-01-05",
            "09:14",
            "25:61",
            "20230105T120000Z",
            "2023-01-05T23:30:00Z",
            "rad",
            "America/New_York",
            "Mars/Base",
            "pending",
            "completed",
            "@work",
            "",
            "0",
            "6",
            "-1",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
KEYS = [
    "date",
    "time",
    "title",
    "body",
    "tags",
    "starred",
    "creationDate",
    "timeZone",
    "text",
    "uuid",
    "description",
    "status",
    "entry",
    "due",
    "project",
    "annotations",
    "parent",
    "recur",
]
records = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)
shaped_json = st.one_of(
    st.builds(lambda r, t: {"tags": t, "entries": r}, st.lists(records, max_size=4), values),
    st.builds(lambda r: {"metadata": {"version": "1.0"}, "entries": r}, st.lists(records, max_size=4)),
    st.lists(records, max_size=4),
    values,
).map(lambda v: json.dumps(v).encode())
CSV_HEADERS = [
    "full_date",
    "date",
    "weekday",
    "time",
    "mood",
    "activities",
    "note_title",
    "note",
    "text",
    "title",
    "tags",
    "energy",
    "hours",
    "x",
]
csv_text = st.builds(
    lambda header, rows: (",".join(header) + "\n" + "\n".join(",".join(row) for row in rows)).encode(),
    st.lists(st.sampled_from(CSV_HEADERS), min_size=1, max_size=6),
    st.lists(st.lists(st.one_of(st.text(max_size=12), scalars.map(str)), max_size=7), max_size=5),
)
yaml_text = st.builds(
    lambda days: "\n".join(f"{k}: {v}" for k, v in days).encode(),
    st.lists(
        st.tuples(st.one_of(st.integers(-3, 40), st.text(max_size=5)), st.text(max_size=30)), max_size=5
    ),
)


def often(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes any JSON value: so records get through to the database too."""
    return st.integers(0, 7).flatmap(lambda i: values if i == 0 else good)


iso_days = st.dates().map(lambda d: d.isoformat())
words = st.text(max_size=40)
plausible_jrnl = st.builds(
    lambda r: {"tags": {}, "entries": r},
    st.lists(
        st.fixed_dictionaries(
            {
                "date": often(iso_days),
                "time": often(st.times().map(lambda t: t.strftime("%H:%M"))),
                "title": often(words),
                "body": often(words),
                "tags": often(st.lists(words, max_size=3)),
                "starred": often(st.booleans()),
            }
        ),
        min_size=1,
        max_size=5,
    ),
).map(lambda v: json.dumps(v).encode())
plausible_dayone = st.builds(
    lambda r: {"metadata": {"version": "1.0"}, "entries": r},
    st.lists(
        st.fixed_dictionaries(
            {
                "creationDate": often(st.datetimes().map(lambda d: d.isoformat() + "Z")),
                "timeZone": often(st.sampled_from(["America/New_York", "Asia/Tokyo", "UTC", "Nope/Zone"])),
                "text": often(words),
                "tags": often(st.lists(words, max_size=3)),
                "starred": often(st.booleans()),
            }
        ),
        min_size=1,
        max_size=5,
    ),
).map(lambda v: json.dumps(v).encode())
plausible_tasks = st.lists(
    st.fixed_dictionaries(
        {
            "uuid": often(st.uuids().map(str)),
            "description": often(words),
            "status": often(st.sampled_from(["pending", "completed", "deleted", "waiting", "recurring"])),
            "entry": often(st.datetimes().map(lambda d: d.strftime("%Y%m%dT%H%M%SZ"))),
            "tags": often(st.lists(words, max_size=3)),
            "project": often(words),
        }
    ),
    min_size=1,
    max_size=5,
).map(lambda v: json.dumps(v).encode())
cells = st.one_of(iso_days, st.integers(-1, 7).map(str), words.map(lambda w: w.replace(",", " ")))


def plausible_csv(header: str) -> st.SearchStrategy[bytes]:
    width = header.count(",") + 1
    return st.builds(
        lambda rows: (header + "\n" + "\n".join(",".join(row) for row in rows)).encode(),
        st.lists(st.lists(cells, min_size=width - 1, max_size=width + 1), min_size=1, max_size=5),
    )


plausible_yaml = st.builds(
    lambda days: "\n".join(f"{d}: {{text: {json.dumps(t)}}}" for d, t in days).encode(),
    st.lists(st.tuples(st.integers(0, 33), words), min_size=1, max_size=5),
)
garbage = st.one_of(st.binary(max_size=300), shaped_json, csv_text, yaml_text)
PLAUSIBLE = {
    "jrnl": plausible_jrnl,
    "dayone": plausible_dayone,
    "taskwarrior": plausible_tasks,
    "daylio": plausible_csv("full_date,date,weekday,time,mood,activities,note_title,note"),
    "csv": plausible_csv("date,text,mood,tags") | plausible_csv("date,title,body"),
    "rednotebook": plausible_yaml,
}
cases = st.sampled_from(FORMATS).flatmap(
    lambda name: st.tuples(st.just(name), st.one_of(garbage, PLAUSIBLE.get(name, garbage)))
)


def dump(db: Database) -> list[str]:
    conn = sqlite3.connect(db.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _read(name: str, folder: Path, data: bytes) -> ParsedFile | None:
    """Write the garbage where the format expects it and read it; None when the importer refused it."""
    if name == "rednotebook":
        target = folder / "data"
        target.mkdir(exist_ok=True)
        (target / "2023-01.txt").write_bytes(data)
    else:
        target = folder / "export"
        target.write_bytes(data)
    try:
        parsed = parser_for(name)(target, ImportOptions())
    except ImportFileError:
        return None
    assert isinstance(parsed, ParsedFile)
    return parsed


def test_every_importer_reads_garbage_or_says_why_and_never_half_writes() -> None:
    assert {"jrnl", "dayone"} <= set(FORMATS)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_database(root / "journal.sqlite3")
        try:

            @SETTINGS
            @given(case=cases)
            def check(case: tuple[str, bytes]) -> None:
                name, data = case
                with tempfile.TemporaryDirectory(dir=root) as work:
                    parsed = _read(name, Path(work), data)
                if parsed is None:
                    return
                before = dump(db)
                try:
                    apply_import(db, parsed)
                except RutjournalError:
                    assert dump(db) == before

            check()
        finally:
            db.close()


@SETTINGS
@given(data=garbage)
def test_detection_says_a_format_or_why_not(data: bytes) -> None:
    from rutjournal.core.transfer.importers.detect import detect_format, parse_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "file"
        path.write_bytes(data)
        try:
            name = detect_format(path)
            if name != RESTORE:
                parse_file(path, name)
        except ImportFileError as exc:
            assert str(path) in str(exc)
