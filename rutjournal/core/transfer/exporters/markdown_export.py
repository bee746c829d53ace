"""The journal as Markdown, for reading and keeping: one file a year (or a month), each day under a heading.

    ## 2024-03-05 (Tuesday)

    Mood 4/5 · Energy 3/5 · Challenge 2/5 · 7.5 h · Load 3/5 · #review #team

    The entry's text, as written (it is Markdown already), its own headings moved under the day's
    (``## What went well`` becomes ``#### What went well``).

The output depends only on the journal (no dates of export, no locale), so exporting twice gives the same files.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import TextIO

from rutjournal.core.calendar_words import MONTHS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.exporters.entry_rows import ExportedDay, hours_text, read_days
from rutjournal.core.transfer.exporters.files import AtomicFiles, ExportResult
from rutjournal.core.transfer.exporters.markdown_sections import FILE_NAME as SECTIONS_FILE
from rutjournal.core.transfer.exporters.markdown_sections import SECTIONS, demote_headings, write_sections

SPLITS = ("year", "month")


def export_markdown(
    db: Database, folder: Path, split: str = "year", include: tuple[str, ...] = ()
) -> ExportResult:
    """Write ``YYYY.md`` (or ``YYYY-MM.md``) files into ``folder`` (created if missing); existing files of the
    same names are replaced, other files are left alone. Nothing is replaced until every file is written.
    ``include`` (tasks, goals, evidence, conversations) adds ``beyond-the-journal.md`` with those sections."""
    if split not in SPLITS:
        # TRANSLATORS: "year" and "month" are typed as they are.
        raise InvalidInput("--split", _("year or month"), split)
    unknown = [name for name in include if name not in SECTIONS]
    if unknown:
        raise InvalidInput(
            # TRANSLATORS: the names are typed as they are.
            "--include",
            _("tasks, goals, evidence or conversations (comma-separated)"),
            unknown[0],
        )
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    entries = 0
    with db.reader() as conn, AtomicFiles(db.path.parent) as files:
        conn.execute("BEGIN")
        try:
            for key, days in groupby(read_days(conn), key=lambda d: _period(d, split)):
                path = folder / f"{key}.md"
                with files.open(path) as out:
                    entries += write_markdown(out, _title(key), days)
                paths.append(path)
            counts: dict[str, int] = {}
            if include:
                path = folder / SECTIONS_FILE
                with files.open(path) as out:
                    counts = write_sections(out, conn, include)
                paths.append(path)
        finally:
            conn.execute("COMMIT")
    return ExportResult(paths, {"entries": entries, **counts})


def write_markdown(out: TextIO, title: str, days: Iterable[ExportedDay]) -> int:
    """Write one file's worth of days under a ``# title``; return how many."""
    out.write(f"# {title}\n")
    count = 0
    for day in days:
        out.write(f"\n## {day.day.isoformat()} ({day.weekday})\n")
        line = score_line(day)
        if line:
            out.write(f"\n{line}\n")
        body = demote_headings(day.body.strip("\n"), 2)  # the text's own headings sit under the day's
        if body:
            out.write(f"\n{body}\n")
        count += 1
    return count


def score_line(day: ExportedDay) -> str:
    """``Mood 4/5 · Energy 3/5 · Challenge 2/5 · 7.5 h · Load 3/5 · #tag``, blanks left out."""
    # TRANSLATORS: a day's scores from 1 to 5 in the Markdown export: "Mood 4/5".
    labels = (_("Mood {score}/5"), _("Energy {score}/5"), _("Challenge {score}/5"))
    parts = [
        label.format(score=value)
        for label, value in zip(labels, (day.mood, day.energy, day.challenge), strict=True)
        if value is not None
    ]
    if day.hours is not None:
        parts.append(_("{hours} h").format(hours=hours_text(day.hours)))
    if day.load is not None:
        parts.append(_("Load {score}/5").format(score=day.load))
    if day.tags:
        parts.append(" ".join(f"#{tag}" for tag in day.tags))
    return " · ".join(parts)


def _period(day: ExportedDay, split: str) -> str:
    """'2024' or '2024-03': years written with four digits (0999), as strftime does not on every system."""
    year = f"{day.day.year:04d}"
    return year if split == "year" else f"{year}-{day.day.month:02d}"


def _title(key: str) -> str:
    year, _dash, month = key.partition("-")
    return f"{MONTHS[int(month) - 1]} {year}" if month else year
