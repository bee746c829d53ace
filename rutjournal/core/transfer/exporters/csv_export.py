"""The journal as CSV for spreadsheets: one row per day, oldest first.

Written as UTF-8 with a byte-order mark: Excel opens a CSV without one in the machine's legacy code page and
garbles every accented letter, while LibreOffice, Numbers, pandas (``encoding="utf-8-sig"``) and Python's csv
module read the mark fine. Rows end in CRLF and fields with commas, quotes or line breaks are quoted (RFC 4180),
so a multi-line entry stays in one cell.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.exporters.entry_rows import ExportedDay, hours_text, read_days
from rutjournal.core.transfer.exporters.files import AtomicFiles, ExportResult

HEADER = ("date", "weekday", "mood", "energy", "challenge", "hours", "load", "tags", "words", "text")
ENCODING = "utf-8-sig"


def export_csv(db: Database, path: Path) -> ExportResult:
    """Write every entry to ``path`` (replacing it only once the new file is complete)."""
    with (
        db.reader() as conn,
        AtomicFiles(db.path.parent) as files,
        files.open(path, encoding=ENCODING, newline="") as out,
    ):
        entries = write_csv(out, read_days(conn))
    return ExportResult([path], {"entries": entries})


def write_csv(out: TextIO, days: Iterable[ExportedDay]) -> int:
    """Write the header and one row per day to ``out`` (opened with ``newline=""``); return the row count."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    count = 0
    for day in days:
        writer.writerow(
            (
                day.day.isoformat(),
                day.weekday,
                _blank(day.mood),
                _blank(day.energy),
                _blank(day.challenge),
                "" if day.hours is None else hours_text(day.hours),
                _blank(day.load),
                ", ".join(day.tags),
                day.words,
                day.body,
            )
        )
        count += 1
    return count


def _blank(value: int | None) -> str | int:
    return "" if value is None else value
