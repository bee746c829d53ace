"""Daily and on-demand backups of the journal, and restoring one, with SQLite's online backup API.

A backup is written to a hidden temporary name first, verified (opened read-only, ``PRAGMA quick_check``,
entries counted) and only then given its ``journal-YYYYMMDD-HHMMSS.sqlite3`` name, so a file with that name is
always a whole, checked copy. Pruning keeps the newest ``keep`` of those and never touches the
``before-upgrade-*`` copies the migrations make. Restoring never deletes anything: the current journal (and
its -wal/-shm) is renamed aside first.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core.errors import DamagedDatabase, DatabaseProblem, NewerSchema
from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.core.storage import cipher
from rutjournal.core.storage.leftovers import remove_with_sides, temp_name, temp_path
from rutjournal.core.storage.migrations import KNOWN_REVISIONS

log = logger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
BACKUP_GLOB = "journal-*.sqlite3"
UPGRADE_GLOB = "before-upgrade-*.sqlite3"
DEFAULT_KEEP = 14
_STAMP_RE = re.compile(r"(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup file."""

    path: Path
    taken_at: dt.datetime
    entries: int
    revision: str


def backup_name(when: dt.datetime) -> str:
    return f"journal-{when.strftime(STAMP_FORMAT)}.sqlite3"


def _stamp_of(path: Path) -> dt.datetime | None:
    match = _STAMP_RE.search(path.name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1), STAMP_FORMAT)
    except ValueError:
        return None


def verify_copy(path: Path, *, thorough: bool = False) -> tuple[int, str]:
    """Open a copy read-only and check it; returns (entries, revision) or raises DatabaseProblem.

    ``thorough`` runs ``integrity_check`` (every index against its table) instead of ``quick_check``: a new
    backup is checked that way before it is kept, since a journal can be damaged in ways quick_check misses.
    """
    header = cipher.read_header(path)
    if header is None:
        raise DatabaseProblem(
            path, _("the backup {path} cannot be read or is cut short; it did not verify").format(path=path)
        )
    key = cipher.key_for(path) if header != SQLITE_MAGIC else None  # an encrypted journal's backups are too
    if header != SQLITE_MAGIC and key is None:
        raise DatabaseProblem(
            path, _("the backup {path} is not an SQLite file; it did not verify").format(path=path)
        )
    check = "integrity_check" if thorough else "quick_check"
    try:
        if key is not None:
            conn = cipher.connect_file(path, key, read_only=True)
        else:
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            verdict = conn.execute(f"PRAGMA {check}(5)").fetchall()
            if [tuple(v) for v in verdict] != [("ok",)]:
                # TRANSLATORS: what SQLite's check of a file said when it said nothing.
                words = "; ".join(str(v[0]) for v in verdict[:3]) or _("no answer")
                # TRANSLATORS: {check} is the name of SQLite's check (quick_check), {words} what it found.
                message = _("the backup {path} did not verify ({check}: {words})")
                raise DamagedCopy(path, message.format(path=path, check=check, words=words), words)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        # TRANSLATORS: {error} is SQLite's own message, in English.
        message = _("the backup {path} did not verify ({error})").format(path=path, error=exc)
        raise DatabaseProblem(path, message) from exc
    if row is None:
        raise DatabaseProblem(
            path, _("the backup {path} has no schema version; it did not verify").format(path=path)
        )
    return int(entries), str(row[0])


class DamagedCopy(DatabaseProblem):
    """A copy SQLite's own check found damaged; ``words`` is what the check said."""

    def __init__(self, path: Path, message: str, words: str) -> None:
        super().__init__(path, message)
        self.words = words


def read_backup(path: Path) -> BackupInfo:
    """Verify one backup file and describe it; raises DatabaseProblem naming the file if it is no good."""
    entries, revision = verify_copy(path)
    taken_at = _stamp_of(path) or dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path=path, taken_at=taken_at, entries=entries, revision=revision)


def copy_database(source: Path, target: Path) -> None:
    """Copy a (possibly live) database with the online backup API into a standalone, rollback-journal file.

    An encrypted source gives an encrypted copy: SQLCipher's backup API works between two connections keyed
    alike, and the key carries the source's salt, so the copy opens with the same passphrase. The source is
    opened without ever creating it (a vanished journal is an error, not an empty backup).
    """
    from rutjournal.core.storage.connect import connect_existing

    key = cipher.key_for(source)
    src = connect_existing(source, key)
    try:
        dst = cipher.connect(target, key) if key is not None else sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm needed beside the copy
        finally:
            dst.close()
    finally:
        src.close()
    make_private(target)


def make_private(path: Path) -> None:
    """Readable and writable by the user alone (0600), where the platform has such permissions."""
    if os.name == "posix":
        os.chmod(path, 0o600)


def _put_in_place(partial: Path, backup_dir: Path, when: dt.datetime) -> Path:
    """Give a checked copy its name, never over another backup: two taken in the same second (by two
    processes, even) get ``…-2``, ``…-3``. A hard link is made atomically only where no file has the name yet;
    a file system without links falls back to a rename (one process's race there is the only gap)."""
    n = 1
    while True:
        name = backup_name(when) if n == 1 else backup_name(when).replace(".sqlite3", f"-{n}.sqlite3")
        target = backup_dir / name
        try:
            os.link(partial, target)
        except FileExistsError:
            n += 1
            continue
        except OSError:
            if target.exists():
                n += 1
                continue
            os.replace(partial, target)
            return target
        partial.unlink()
        return target


def take_backup(
    db_path: Path, backup_dir: Path, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None
) -> BackupInfo:
    """Copy the journal into ``backup_dir``, check the copy whole (``integrity_check``), keep only the newest
    ``keep`` backups. A damaged journal is never kept as a backup: the damage is recorded instead."""
    from rutjournal.core.storage.damage_record import read_damage, record_damage
    from rutjournal.core.storage.file_locks import use_lock

    if keep < 1:
        raise ValueError("keep must be 1 or more")
    damage = read_damage(db_path)
    if damage is not None:
        # TRANSLATORS: {reason} is a sentence saying the journal was found damaged, and when.
        raise DamagedDatabase(db_path, _("not backed up: {reason}").format(reason=damage.sentence(db_path)))
    if not db_path.exists():
        raise DatabaseProblem(db_path, _("there is no journal at {path} to back up").format(path=db_path))
    when = (now or dt.datetime.now()).replace(microsecond=0)
    backup_dir.mkdir(parents=True, exist_ok=True)
    with use_lock(db_path):  # the file is not swapped (passphrase, restore) while it is being copied
        partial = backup_dir / temp_name("partial", backup_name(when))
        try:
            copy_database(db_path, partial)
            entries, revision = verify_copy(partial, thorough=True)
        except sqlite3.Error as exc:
            _remove_partial(partial)
            # TRANSLATORS: {error} is SQLite's own message, in English.
            message = _("could not back up {path} ({error}); it was left as it is")
            raise DamagedDatabase(db_path, message.format(path=db_path, error=exc)) from exc
        except DamagedCopy as exc:
            _remove_partial(partial)
            record_damage(db_path, exc.words)
            # TRANSLATORS: {words} is what SQLite's check found, in English.
            message = _(
                "the journal file {path} is damaged ({words}); no backup was kept of it, and nothing more is "
                "written to it"
            )
            raise DamagedDatabase(db_path, message.format(path=db_path, words=exc.words)) from exc
        except DatabaseProblem as exc:
            _remove_partial(partial)
            # TRANSLATORS: {error} says why the backup did not verify.
            message = _("the backup of {path} did not verify and was deleted ({error})")
            raise DatabaseProblem(partial, message.format(path=db_path, error=exc)) from exc
        except BaseException:
            _remove_partial(partial)
            raise
        target = _put_in_place(partial, backup_dir, when)
    log.info("backed up %s to %s (%d entries)", db_path, target, entries)
    prune(backup_dir, keep)
    return BackupInfo(path=target, taken_at=when, entries=entries, revision=revision)


def _remove_partial(partial: Path) -> None:
    remove_with_sides(partial)


def _age_key(path: Path) -> tuple[str, int]:
    match = _STAMP_RE.search(path.name)
    if match is None:
        return ("", 0)
    return (match.group(1), int(match.group(2) or 1))


def prune(backup_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` regular backups; returns what was deleted."""
    regular = sorted(backup_dir.glob(BACKUP_GLOB), key=_age_key, reverse=True)
    removed = []
    for old in regular[keep:]:
        old.unlink(missing_ok=True)
        removed.append(old)
        log.info("removed old backup %s", old)
    return removed


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup that verifies (regular and before-upgrade copies), newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in [*backup_dir.glob(BACKUP_GLOB), *backup_dir.glob(UPGRADE_GLOB)]:
        try:
            found.append(read_backup(path))
        except (DatabaseProblem, OSError) as exc:
            log.warning("skipping backup %s: %s", path, exc)
    # In one second, "…-2.sqlite3" came after "….sqlite3" (its name sorts before it: "-" < ".").
    found.sort(key=lambda b: (b.taken_at, _age_key(b.path)[1], b.path.name), reverse=True)
    return found


def backup_due(backup_dir: Path, today: dt.date) -> bool:
    """True when no regular backup was taken on ``today`` (judged by the file names; nothing is opened)."""
    if not backup_dir.is_dir():
        return True
    for path in backup_dir.glob(BACKUP_GLOB):
        stamp = _stamp_of(path)
        if stamp is not None and stamp.date() == today:
            return False
    return True


def restore_backup(backup: BackupInfo | Path, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Put a verified backup in place of the journal.

    The current journal file and its -wal/-shm are renamed to ``<name>.replaced-YYYYMMDD-HHMMSS`` (never
    deleted); returns that path, or None when there was no journal file. Raises DatabaseProblem, with nothing
    changed, if the backup does not verify or was written by a newer rutjournal.
    """
    source = backup.path if isinstance(backup, BackupInfo) else backup
    entries, revision = verify_copy(source)
    if revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            source,
            # TRANSLATORS: {revision} is the database schema's revision, a code such as 0007.
            _(
                "the backup {path} was written by a newer version of rutjournal (schema {revision}); "
                "nothing was changed"
            ).format(path=source, revision=revision),
        )
    from rutjournal.core.storage.damage_record import clear_damage
    from rutjournal.core.storage.file_locks import sole_use

    db_path.parent.mkdir(parents=True, exist_ok=True)
    with sole_use(db_path, "restoring a backup"):
        incoming = temp_path("restoring", db_path)
        try:
            copy_database(source, incoming)
            verify_copy(incoming)
        except (sqlite3.Error, DatabaseProblem) as exc:
            _remove_partial(incoming)
            message = _("could not copy the backup {path} ({error}); nothing was changed")
            raise DatabaseProblem(source, message.format(path=source, error=exc)) from exc
        except BaseException:
            _remove_partial(incoming)
            raise
        when = (now or dt.datetime.now()).strftime(STAMP_FORMAT)
        aside: Path | None = None
        if db_path.exists():
            aside = rename_aside(db_path, "replaced", when)
        else:
            for suffix in (
                "-wal",
                "-shm",
            ):  # stale side files of a vanished journal must not meet the restored one
                side = db_path.with_name(db_path.name + suffix)
                if side.exists():
                    os.replace(side, db_path.with_name(f"{db_path.name}.replaced-{when}{suffix}"))
        os.replace(incoming, db_path)
        cipher.reread_header(db_path)
        clear_damage(db_path)  # the damage was the old file's, kept aside
    log.info("restored %s (%d entries) into %s; the old journal is %s", source, entries, db_path, aside)
    return aside


def rename_aside(db_path: Path, why: str, stamp: str) -> Path:
    """Rename a journal (and its -wal/-shm) to ``<name>.<why>-<stamp>`` beside it, never over another file;
    returns the new path. Nothing a user wrote is ever deleted: it is put aside."""
    aside = db_path.with_name(f"{db_path.name}.{why}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.{why}-{stamp}-{n}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside
