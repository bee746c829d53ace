"""Damage, once found by any process, is remembered beside the journal so that no process writes into it again.

``journal.sqlite3.damaged`` holds when the damage was found and SQLite's words for it (no journal text: SQLite
reports pages and indexes, never cell contents). While it exists every process opens the journal read-only:
what can still be read can be shown or exported, and nothing is written. Restoring a backup (or putting a new
journal in place of an empty file) removes it.
"""

import datetime as dt
import os
from pathlib import Path
from typing import NamedTuple

from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger

log = logger(__name__)

SUFFIX = ".damaged"
MAX_WORDS = 300


class DamageRecord(NamedTuple):
    found_at: dt.datetime
    words: str  # what SQLite (or the check) said

    def sentence(self, db_path: Path) -> str:
        # TRANSLATORS: {when} is a date and time written 2026-12-03 18:30, {words} SQLite's finding (in
        # English); "rutjournal backups" and "rutjournal restore BACKUP" are commands, typed as they are.
        return _(
            "the journal file {path} was found damaged on {when} ({words}); nothing is written to it until a "
            "backup is restored (rutjournal backups; rutjournal restore BACKUP)"
        ).format(path=db_path, when=f"{self.found_at:%Y-%m-%d %H:%M}", words=self.words)


def record_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def record_damage(db_path: Path, words: str, now: dt.datetime | None = None) -> None:
    """Remember that the journal is damaged (written whole, under a temporary name first). Never raises:
    failing to write the note must not hide the damage from the one who found it."""
    import json

    words = " ".join(words.split())[:MAX_WORDS]
    when = (now or dt.datetime.now()).replace(microsecond=0)
    target = record_path(db_path)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        if target.exists():
            return  # the first finding stands: it is the one closest to the cause
        partial.write_text(json.dumps({"found_at": when.isoformat(), "words": words}), encoding="utf-8")
        os.replace(partial, target)
        log.error("recorded damage of %s: %s", db_path, words)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        log.error("could not record the damage of %s (%s): %s", db_path, exc, words)


def read_damage(db_path: Path) -> DamageRecord | None:
    """The damage recorded for the journal, or None (one stat when there is none)."""
    target = record_path(db_path)
    if not target.exists():
        return None
    import json

    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        return DamageRecord(dt.datetime.fromisoformat(str(data["found_at"])), str(data["words"]))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        # A note we cannot read still says "damaged": err on the side of not writing.
        return DamageRecord(dt.datetime.fromtimestamp(_mtime(target)), _("the damage note could not be read"))


def clear_damage(db_path: Path) -> None:
    record_path(db_path).unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
