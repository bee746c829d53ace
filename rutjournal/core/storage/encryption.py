"""Setting, changing and removing the journal's passphrase, for the journal and every backup beside it.

Each file is converted the way SQLCipher documents: the source is opened (with its key, if any), a new file is
ATTACHed with the new key (or none) and ``sqlcipher_export`` copies everything into it. The new file is written
beside the old one under a temporary name, verified (``quick_check``, and every table holds as many rows as in
the source) and only then moved over the old one with ``os.replace``; the source's -wal/-shm are checkpointed
away first, so no plain copy is left behind and a failure leaves the old file exactly as it was. Change uses the
same export rather than ``PRAGMA rekey`` so the new file is verified before it replaces the old one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.storage import cipher
from rutjournal.core.storage.file_locks import JournalBusy, sole_use
from rutjournal.core.storage.leftovers import remove_leftovers, remove_with_sides, temp_path

log = logger(__name__)

BACKUP_PATTERNS = ("journal-*.sqlite3", "before-upgrade-*.sqlite3")


class Outcome:
    """What a passphrase change did to the journal's backups."""

    def __init__(self) -> None:
        self.converted: list[Path] = []
        self.left: list[tuple[Path, str]] = []  # (file, why it was left as it was)


def _counts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _checkpoint(path: Path, key: cipher.Key | None) -> None:
    """Fold the write-ahead log into the file and let SQLite delete it (the last connection closing does)."""
    if not path.with_name(path.name + "-wal").exists():
        return
    conn = cipher.connect(path, key) if key is not None else sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def export_file(source: Path, source_key: cipher.Key | None, target: Path, passphrase: str | None) -> None:
    """Write ``source`` into the new file ``target`` encrypted with ``passphrase`` (plain for None), verified."""
    target.unlink(missing_ok=True)
    new_key = cipher.new_key(passphrase) if passphrase is not None else None
    conn = cipher.connect(source, source_key)
    try:
        counts = _counts(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(
            "ATTACH DATABASE ? AS converted KEY ?", (str(target), new_key.pragma_value if new_key else "")
        )
        conn.execute("SELECT sqlcipher_export('converted')")
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")  # not copied by sqlcipher_export
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    check = cipher.connect(target, new_key)
    try:
        verdict = check.execute("PRAGMA quick_check").fetchone()
        if not verdict or verdict[0] != "ok":
            # TRANSLATORS: {verdict} is what SQLite's check said, in English.
            message = _("the converted copy of {path} did not verify ({verdict})")
            raise DatabaseProblem(target, message.format(path=source, verdict=verdict))
        if _counts(check) != counts:
            message = _("the converted copy of {path} does not hold every row").format(path=source)
            raise DatabaseProblem(target, message)
        check.execute("PRAGMA journal_mode=DELETE")
    finally:
        check.close()


def convert_in_place(path: Path, old: str | None, new: str | None) -> None:
    """Re-write one database file from passphrase ``old`` to ``new`` (None: plain); nothing changes on error."""
    key = cipher.key_for(path, old) if old is not None else None
    if old is not None and key is None:
        raise DatabaseProblem(path, _("{path} is not encrypted").format(path=path))
    _checkpoint(path, key)
    partial = temp_path("converting", path)
    try:
        export_file(path, key, partial, new)
    except sqlite3.DatabaseError as exc:
        remove_with_sides(partial)
        if "not a database" in str(exc):
            raise cipher.WrongPassphrase(path, _("wrong passphrase for {path}").format(path=path)) from exc
        message = _("could not convert {path} ({error}); it was left as it is").format(path=path, error=exc)
        raise DatabaseProblem(path, message) from exc
    except BaseException:
        remove_with_sides(partial)
        raise
    if os.name == "posix":
        os.chmod(partial, 0o600)
    os.replace(partial, path)
    cipher.reread_header(path)
    for suffix in ("-wal", "-shm"):  # checkpointed above: whatever is left belongs to the old file
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _backups(backup_dir: Path) -> list[Path]:
    if not backup_dir.is_dir():
        return []
    return sorted(p for pattern in BACKUP_PATTERNS for p in backup_dir.glob(pattern))


def _convert_backups(backup_dir: Path, old: str | None, new: str | None) -> Outcome:
    """Bring every backup to the journal's new state; a backup that cannot be converted is named, not lost."""
    outcome = Outcome()
    for path in _backups(backup_dir):
        plain = cipher.is_plain(path)
        if (plain and new is None) or (not plain and new is not None and old is None):
            if not plain:  # encrypted with some earlier passphrase, and we are only encrypting plain files
                outcome.left.append((path, _("already encrypted with another passphrase")))
            continue
        _convert_backup(path, None if plain else old, new, outcome)
    return outcome


def _convert_backup(path: Path, old: str | None, new: str | None, outcome: Outcome) -> None:
    try:
        convert_in_place(path, old, new)
    except DatabaseProblem as exc:
        log.warning("left the backup %s as it was: %s", path, exc)
        outcome.left.append((path, str(exc)))
    else:
        outcome.converted.append(path)


def set_passphrase(db_path: Path, backup_dir: Path, passphrase: str) -> Outcome:
    """Encrypt a plain journal and its plain backups with a new passphrase."""
    cipher.check_new_passphrase(passphrase)
    with sole_use(db_path, "setting a passphrase"), _converting(db_path, "set"):
        cipher.reread_header(db_path)
        if not cipher.is_plain(db_path):
            message = _("{path} is not a plain rutjournal database; nothing was changed")
            raise DatabaseProblem(db_path, message.format(path=db_path))
        cipher.write_marker(db_path)  # first: until the swap the file still starts with the SQLite header
        try:
            convert_in_place(db_path, None, passphrase)
        except BaseException:
            cipher.marker_path(db_path).unlink(missing_ok=True)
            raise
        cipher.remember(db_path, passphrase)
        log.info("encrypted %s", db_path)
        return _convert_backups(backup_dir, None, passphrase)


def change_passphrase(db_path: Path, backup_dir: Path, old: str, new: str) -> Outcome:
    """Re-encrypt the journal and its backups with a new passphrase (plain backups get encrypted too)."""
    cipher.check_new_passphrase(new)
    with sole_use(db_path, "changing the passphrase"), _converting(db_path, "change"):
        convert_in_place(db_path, old, new)
        cipher.write_marker(db_path)
        cipher.forget(db_path)
        cipher.remember(db_path, new)
        log.info("changed the passphrase of %s", db_path)
        outcome = Outcome()
        for path in _backups(backup_dir):
            _convert_backup(path, None if cipher.is_plain(path) else old, new, outcome)
        return outcome


def remove_passphrase(db_path: Path, backup_dir: Path, old: str) -> Outcome:
    """Store the journal and its backups unencrypted again."""
    with sole_use(db_path, "removing the passphrase"), _converting(db_path, "remove"):
        convert_in_place(db_path, old, None)
        cipher.marker_path(db_path).unlink(missing_ok=True)  # last: the file is plain SQLite by now
        cipher.forget(db_path)
        log.info("removed the passphrase of %s", db_path)
        return _convert_backups(backup_dir, old, None)


# --- a conversion that was cut short ---------------------------------------------------------------------
def note_path(db_path: Path) -> Path:
    """``journal.sqlite3.converting``: present while a passphrase is set, changed or removed."""
    return db_path.with_name(db_path.name + ".converting")


@contextmanager
def _converting(db_path: Path, action: str) -> Iterator[None]:
    """Leave a note while converting, so that a run killed half-way is noticed (and finished) next time."""
    note = note_path(db_path)
    note.write_text(action + "\n", encoding="utf-8")
    try:
        yield
    except BaseException:
        _tidy(db_path)
        if not _backups_left_behind(db_path, action):
            note.unlink(missing_ok=True)  # a failure that changed nothing (or everything) needs no note
        raise
    note.unlink(missing_ok=True)


def _backups_left_behind(db_path: Path, action: str) -> bool:
    """True when the journal was converted but some backups were not (what a note must report)."""
    encrypted = not cipher.is_plain(db_path)
    backups = _backups(db_path.parent / "backups")
    if action == "remove":
        return not encrypted and any(not cipher.is_plain(p) for p in backups)
    return encrypted and any(cipher.is_plain(p) for p in backups)


def _tidy(db_path: Path) -> None:
    """Remove the half-written files of a conversion whose process is gone (the journal and its backups)."""
    remove_leftovers(db_path.parent, db_path.parent / "backups")


def finish_interrupted(db_path: Path, backup_dir: Path) -> list[str]:
    """After a passphrase run was killed half-way: remove its half-written files, finish what can be finished
    (backups left unencrypted are encrypted with the journal's passphrase, once it is known) and say in
    sentences what happened and what is left. Empty when no run was cut short (one stat)."""
    note = note_path(db_path)
    if not note.exists():
        return []
    try:
        action = note.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        action = ""
    try:
        lock = sole_use(db_path, "finishing an interrupted passphrase change")
    except JournalBusy:
        return []  # another process has the journal open: the next start finishes it
    with lock:
        _tidy(db_path)
        cipher.reread_header(db_path)
        encrypted = not cipher.is_plain(db_path)
        if encrypted and cipher.passphrase_for(db_path) is None:
            return []  # asked again once the passphrase is given
        lines = _finish(db_path, backup_dir, action, encrypted)
        note.unlink(missing_ok=True)
    for line in lines:
        log.warning("%s", line)
    return lines


def _finish(db_path: Path, backup_dir: Path, action: str, encrypted: bool) -> list[str]:
    plain = [p for p in _backups(backup_dir) if cipher.is_plain(p)]
    locked = [p for p in _backups(backup_dir) if not cipher.is_plain(p)]
    if action in ("set", "change") and not encrypted:
        cipher.marker_path(db_path).unlink(missing_ok=True)
        # TRANSLATORS: `passphrase {action}` is a command, as typed: "passphrase set", "passphrase change".
        message = _(
            "An earlier `passphrase {action}` was interrupted before the journal was converted: "
            "{path} is still stored as it was before; run it again."
        )
        return [message.format(action=action, path=db_path)]
    if action == "remove" and encrypted:
        message = _(
            "An earlier `passphrase remove` was interrupted before the journal was converted: "
            "{path} is still encrypted; run it again."
        )
        return [message.format(path=db_path)]
    if action == "remove":
        if not locked:
            return []
        # TRANSLATORS: English writes "backup(s)" for one and many alike; {names} are file names.
        message = ngettext(
            "An earlier `passphrase remove` was interrupted: {count} backup(s) are still encrypted with the "
            "earlier passphrase ({names}).",
            "An earlier `passphrase remove` was interrupted: {count} backup(s) are still encrypted with the "
            "earlier passphrase ({names}).",
            len(locked),
        )
        return [message.format(count=len(locked), names=", ".join(p.name for p in locked))]
    passphrase = cipher.passphrase_for(db_path)
    assert passphrase is not None
    outcome = Outcome()
    for path in plain:
        _convert_backup(path, None, passphrase, outcome)
    lines = []
    if outcome.converted:
        count = len(outcome.converted)
        # TRANSLATORS: English writes "backup(s)" for one and many alike.
        message = ngettext(
            "An earlier `passphrase {action}` was interrupted: {count} backup(s) were still unencrypted, and "
            "are encrypted now.",
            "An earlier `passphrase {action}` was interrupted: {count} backup(s) were still unencrypted, and "
            "are encrypted now.",
            count,
        )
        lines.append(message.format(action=action, count=count))
    # TRANSLATORS: {path} is a backup's path, {reason} why it could not be encrypted.
    lines += [
        _("Still unencrypted: {path} ({reason})").format(path=path, reason=why) for path, why in outcome.left
    ]
    return lines


def kept_aside(db_path: Path, action: str) -> list[Path]:
    """Earlier journals a restore renamed aside (never deleted, never converted) that the passphrase ``action``
    (set, change, remove) did not reach: still unencrypted after ``set``, still under the earlier passphrase
    after ``change`` or ``remove``. The user must hear of them."""
    found = []
    for path in sorted(db_path.parent.glob(f"{db_path.name}.replaced-*")):
        if path.name.endswith(("-wal", "-shm")):
            continue
        if cipher.is_plain(path) == (action == "set"):
            found.append(path)
    return found
