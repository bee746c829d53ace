"""Is the journal file whole? ``PRAGMA quick_check`` on a read-only connection, and the backup to recover from.

The check reads every page, so it grows with the journal: the window runs it in the background after it is
up, never on the start-up path. It opens its own read-only connection so that checking can never write to a
file that may be damaged.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core.errors import DamagedDatabase, DatabaseProblem, NotADatabase
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.storage import cipher
from rutjournal.core.storage.backups import BackupInfo, backup_due, list_backups, take_backup
from rutjournal.core.storage.connect import is_damage
from rutjournal.core.storage.damage_record import read_damage, record_damage
from rutjournal.core.storage.migrations import KNOWN_REVISIONS

log = logger(__name__)

MAX_PROBLEMS = 20  # quick_check can list thousands of lines for one bad page; a person reads the first few


@dataclass(frozen=True)
class CheckResult:
    """What ``PRAGMA quick_check`` said about one file; ``problems`` is empty when it said "ok"."""

    path: Path
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """SQLite's own words, shortened to the first three lines."""
        shown = "; ".join(self.problems[:3])
        more = len(self.problems) - 3
        if more <= 0:
            return shown
        # TRANSLATORS: {problems} are SQLite's first three findings (in English), {count} how many more it had.
        return ngettext("{problems} (and {count} more)", "{problems} (and {count} more)", more).format(
            problems=shown, count=more
        )


def quick_check(path: Path, *, thorough: bool = False) -> CheckResult:
    """Run ``PRAGMA quick_check`` (``integrity_check`` when ``thorough``) on ``path`` read-only; a file SQLite
    cannot even read counts as damaged. Damage found in the journal is recorded for every process to see."""
    from rutjournal.core.storage.connect import connect_existing

    check = "integrity_check" if thorough else "quick_check"
    try:
        # An encrypted journal is checked through SQLCipher with its key; the header is known already.
        conn = connect_existing(path, cipher.key_for(path), read_only=True)
        try:
            rows = conn.execute(f"PRAGMA {check}({MAX_PROBLEMS})").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.error("%s could not read %s: %s", check, path, exc)
        if is_damage(exc):
            record_damage(path, str(exc))
        return CheckResult(path, (str(exc),))
    lines = tuple(str(row[0]) for row in rows)
    if lines == ("ok",):
        log.info("%s: %s is ok", check, path)
        return CheckResult(path, ())
    log.error("%s found damage in %s: %s", check, path, "; ".join(lines))
    result = CheckResult(path, lines or (_("no answer from {check}").format(check=check),))
    record_damage(path, result.summary)
    return result


def integrity_check(path: Path) -> CheckResult:
    """Every page, every index against its table: what a backup must pass (quick_check misses index damage)."""
    return quick_check(path, thorough=True)


def is_damaged_file(problem: BaseException) -> bool:
    """True when a refusal means "this journal is damaged", so restoring a backup is the way out.

    A text file or another program's database in the journal's place is not damage to recover from, and
    neither is a journal from a newer rutjournal; an SQLite file that SQLite itself cannot read is.
    """
    if isinstance(problem, DamagedDatabase):
        return True
    if isinstance(problem, NotADatabase):
        cause = problem.__cause__
        return isinstance(cause, sqlite3.DatabaseError) and is_damage(cause)
    return isinstance(problem, sqlite3.DatabaseError) and is_damage(problem)


def restorable_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups that verify and that this version can open, newest first (list_backups verifies each)."""
    return [b for b in list_backups(backup_dir) if b.revision in KNOWN_REVISIONS]


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The backup to offer first when the journal is damaged, or None when there is none to offer."""
    found = restorable_backups(backup_dir)
    return found[0] if found else None


def problem_text(problem: BaseException) -> str:
    """SQLite's words for a refusal (the cause's message when there is one), for the recovery dialog."""
    cause = problem.__cause__
    if isinstance(problem, DamagedDatabase) and problem.words:
        return problem.words
    if isinstance(problem, DatabaseProblem) and isinstance(cause, sqlite3.Error):
        return str(cause)
    return str(problem)


@dataclass(frozen=True)
class StartOfDay:
    """The outcome of the checks run once the journal is open: the check, and the daily backup if one was due.

    ``backups`` is filled only when the check found damage: the ones to offer for recovery, newest first.
    """

    check: CheckResult
    backup: BackupInfo | None = None
    backup_error: str | None = None
    backups: tuple[BackupInfo, ...] = ()


def start_of_day(
    db_path: Path, backup_dir: Path, keep: int, today: dt.date, *, back_up: bool = True
) -> StartOfDay:
    """Check the journal, then take the day's backup if none was taken today (never a backup of damage).

    ``back_up=False`` only checks: after a save failed, the question is whether the file is damaged.
    """
    damage = read_damage(db_path)  # found earlier, by this process or another: no need to look again
    check = CheckResult(db_path, (damage.words,)) if damage is not None else integrity_check(db_path)
    if not check.ok:
        return StartOfDay(check, backups=tuple(restorable_backups(backup_dir)))
    if not back_up or not backup_due(backup_dir, today) or not holds_anything(db_path):
        return StartOfDay(check)  # a brand-new, empty journal has nothing to lose yet
    try:
        return StartOfDay(check, backup=take_backup(db_path, backup_dir, keep=keep))
    except (DatabaseProblem, OSError) as exc:
        log.error("the daily backup failed: %s", exc)
        return StartOfDay(check, backup_error=str(exc))


def set_aside_damaged(db_path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged journal (and its -wal/-shm) to ``<name>.damaged-<stamp>``, never deleting it, so a
    new journal can start in its place; the damage note goes with it. For a damaged file with no backup."""
    from rutjournal.core.storage.backups import STAMP_FORMAT, rename_aside
    from rutjournal.core.storage.damage_record import clear_damage
    from rutjournal.core.storage.file_locks import sole_use

    with sole_use(db_path, "setting the damaged journal aside"):
        aside = rename_aside(db_path, "damaged", (now or dt.datetime.now()).strftime(STAMP_FORMAT))
        cipher.reread_header(db_path)
        clear_damage(db_path)
    log.warning("set the damaged journal %s aside as %s", db_path, aside)
    return aside


WRITTEN_TABLES = (
    "entries",
    "tasks",
    "targets",
    "gaps",
    "evidence",
    "challenges",
    "conversations",
    "checkins",
    "applications",
)


def holds_anything(db_path: Path) -> bool:
    """True once the journal holds something the user wrote (one indexed look-up a table, whatever its size)."""
    from rutjournal.core.storage.connect import connect_existing

    try:
        conn = connect_existing(db_path, cipher.key_for(db_path), read_only=True)
        try:
            return any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in WRITTEN_TABLES)
        finally:
            conn.close()
    except sqlite3.Error:
        return True  # cannot tell: back it up
