"""The Markdown and CSV exports: layout, blanks left out, awkward text kept whole, and deterministic output."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.exporters.csv_export import HEADER, export_csv
from rutjournal.core.transfer.exporters.markdown_export import export_markdown
from rutjournal.core.values import Scores

AWKWARD = 'She said "no, not now",\nthen: ok; 1,5 h — café'


@pytest.fixture
def days(db: Database) -> Database:
    journal = Journal(db)
    journal.save(
        dt.date(2024, 3, 5), "First *line*.\n\nSecond paragraph.", Scores(4, 3, 2, 7.5, 3), ["team", "review"]
    )
    journal.save(dt.date(2024, 3, 6), AWKWARD, Scores(), [])
    journal.save(dt.date(2024, 4, 1), "", Scores(mood=1, hours=0), ["sick"])
    journal.save(dt.date(2025, 1, 2), "New year.", Scores(energy=5), [])
    return db


def test_markdown_by_year(days: Database, tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = export_markdown(days, out)
    assert [p.name for p in result.paths] == ["2024.md", "2025.md"] and result.counts == {"entries": 4}
    assert sorted(p.name for p in out.iterdir()) == ["2024.md", "2025.md"]  # no temporary files left
    assert (out / "2024.md").read_text(encoding="utf-8") == (
        "# 2024\n"
        "\n## 2024-03-05 (Tuesday)\n"
        "\nMood 4/5 · Energy 3/5 · Challenge 2/5 · 7.5 h · Load 3/5 · #review #team\n"
        "\nFirst *line*.\n\nSecond paragraph.\n"
        "\n## 2024-03-06 (Wednesday)\n"
        f"\n{AWKWARD}\n"
        "\n## 2024-04-01 (Monday)\n"
        "\nMood 1/5 · 0 h · #sick\n"
    )
    assert (out / "2025.md").read_text(encoding="utf-8") == (
        "# 2025\n\n## 2025-01-02 (Thursday)\n\nEnergy 5/5\n\nNew year.\n"
    )
    first = (out / "2024.md").read_bytes()
    export_markdown(days, out)
    assert (out / "2024.md").read_bytes() == first


def test_markdown_by_month(days: Database, tmp_path: Path) -> None:
    result = export_markdown(days, tmp_path / "md", split="month")
    assert [p.name for p in result.paths] == ["2024-03.md", "2024-04.md", "2025-01.md"]
    assert (
        (tmp_path / "md" / "2024-04.md")
        .read_text(encoding="utf-8")
        .startswith("# April 2024\n\n## 2024-04-01")
    )
    with pytest.raises(InvalidInput, match="--split"):
        export_markdown(days, tmp_path / "md", split="week")


def test_csv_rows_survive_a_spreadsheet_round_trip(days: Database, tmp_path: Path) -> None:
    path = tmp_path / "journal.csv"
    assert export_csv(days, path).counts == {"entries": 4}
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM for Excel, RFC 4180 line ends
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == HEADER
    assert rows[1] == [
        "2024-03-05",
        "Tuesday",
        "4",
        "3",
        "2",
        "7.5",
        "3",
        "review, team",
        "4",
        "First *line*.\n\nSecond paragraph.",
    ]
    assert rows[2] == ["2024-03-06", "Wednesday", "", "", "", "", "", "", "11", AWKWARD]
    assert rows[3][:9] == ["2024-04-01", "Monday", "1", "", "", "0", "", "sick", "0"]
    assert len(rows) == 5


def test_exports_of_an_empty_journal(db: Database, tmp_path: Path) -> None:
    assert export_markdown(db, tmp_path / "md").paths == []
    assert export_csv(db, tmp_path / "e.csv").counts == {"entries": 0}
    assert (tmp_path / "e.csv").read_bytes() == b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\r\n"


def test_a_failed_export_leaves_the_old_file_and_no_temporary_one(days: Database, tmp_path: Path) -> None:
    path = tmp_path / "journal.csv"
    path.write_text("old", encoding="utf-8")

    def broken(_conn):  # type: ignore[no-untyped-def]
        yield from ()
        raise OSError(28, "No space left on device")

    import rutjournal.core.transfer.exporters.csv_export as module

    original = module.read_days
    module.read_days = broken  # type: ignore[assignment]
    try:
        with pytest.raises(OSError, match="No space"):
            export_csv(days, path)
    finally:
        module.read_days = original
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name != "data" and p.name != "home"] == ["journal.csv"]
