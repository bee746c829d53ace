"""Moving the journal to another folder without ever risking it.

The order is what keeps it safe: the journal is copied with SQLite's online backup API (an encrypted journal
stays encrypted: the copy is made the way backups are), the copy is checked (``quick_check``, the same number
of entries, the same schema), the backups and the encryption marker are copied beside it, the new folder is
stored in the settings, and only then is the old file renamed aside as ``journal.sqlite3.moved-<stamp>`` —
never deleted. A failure at any step before the settings are written leaves everything as it was (the
half-made copy is removed); the new folder is used only once it holds a checked journal.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core import text
from rutjournal.core.errors import DatabaseProblem, InvalidInput
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import DATA_DIR_ENV, AppPaths
from rutjournal.core.settings import change_setting
from rutjournal.core.storage import cipher
from rutjournal.core.storage.backups import STAMP_FORMAT, copy_database, rename_aside, verify_copy
from rutjournal.core.storage.file_locks import sole_use
from rutjournal.core.storage.leftovers import remove_leftovers, remove_with_sides, temp_path

log = logger(__name__)


@dataclass(frozen=True)
class Moved:
    """Where the journal is now, what was left behind, and whether the environment overrides the setting."""

    data_dir: Path
    entries: int
    old_kept_as: Path | None  # the renamed old file (None when it could not be renamed: see warning)
    backups_copied: int
    warning: str = ""  # something the user should know; the move itself succeeded


def check_target(current: AppPaths, target: Path) -> Path:
    """The target folder, absolute; InvalidInput saying why when it cannot take the journal."""
    folder = target.expanduser().absolute()
    if folder == current.data_dir:
        raise InvalidInput("folder", _("a folder other than the one the journal is in now"), str(folder))
    if folder.is_relative_to(current.data_dir):
        raise InvalidInput("folder", _("a folder outside the journal's current folder"), str(folder))
    if folder.exists() and not folder.is_dir():
        raise InvalidInput("folder", _("a folder (this is a file)"), str(folder))
    database = folder / current.database.name
    taken = [
        p
        for p in (database, database.with_name(database.name + "-wal"), cipher.marker_path(database))
        if p.exists()
    ]
    if taken:
        raise InvalidInput(
            "folder", _("a folder that holds no journal yet (this one already has one)"), str(folder)
        )
    return folder


def _live_facts(path: Path) -> tuple[int, str]:
    """Entries and schema revision of the live journal, read the way the app reads it (its -wal included)."""
    from rutjournal.core.storage.connect import connect_raw

    conn = connect_raw(path)
    try:
        entries = int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    return entries, str(row[0]) if row else ""


def move_journal(
    current: AppPaths, target: Path, *, settings_file: Path | None = None, now: dt.datetime | None = None
) -> Moved:
    """Copy, check, store the new folder in the settings, then rename the old journal aside (see above).

    The caller must have let go of the journal (no writer may be open); the window holds the new folder's
    lock (``journal.lock``) while it moves, so no second rutjournal can open either folder half-way.
    Raises InvalidInput for an unsuitable folder and DatabaseProblem when the copy fails; nothing changed then.
    """
    folder = check_target(current, target)
    source = current.database
    if not source.exists():
        raise DatabaseProblem(source, _("there is no journal at {path} to move").format(path=source))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput("folder", _("a folder you can write to"), f"{folder} ({exc.strerror})") from exc
    new_db = folder / source.name
    remove_leftovers(folder)  # an earlier move into this folder that was killed half-way
    partial = temp_path("moving", new_db)
    with sole_use(source, "moving the journal"):
        return _move(current, folder, source, new_db, partial, settings_file, now)


def _move(
    current: AppPaths,
    folder: Path,
    source: Path,
    new_db: Path,
    partial: Path,
    settings_file: Path | None,
    now: dt.datetime | None,
) -> Moved:
    try:
        expected, source_revision = _live_facts(source)
        copy_database(source, partial)
        entries, revision = verify_copy(partial)
        if entries != expected or revision != source_revision:
            # TRANSLATORS: {count} is the copy's entries, {expected} the journal's; {revision} and
            # {source_revision} are schema revisions, codes such as 0007. English writes "entries" for one too.
            message = ngettext(
                "the copy in {folder} has {count} entries (schema {revision}), the journal {expected} "
                "(schema {source_revision}); nothing was moved",
                "the copy in {folder} has {count} entries (schema {revision}), the journal {expected} "
                "(schema {source_revision}); nothing was moved",
                entries,
            )
            raise DatabaseProblem(
                partial,
                message.format(
                    folder=folder,
                    count=text.whole(entries),
                    revision=revision,
                    expected=text.whole(expected),
                    source_revision=source_revision,
                ),
            )
        marker = cipher.marker_path(source)
        if marker.exists():
            shutil.copy2(marker, cipher.marker_path(new_db))
        os.replace(partial, new_db)
    except (sqlite3.Error, OSError, DatabaseProblem) as exc:
        remove_with_sides(partial)
        if isinstance(exc, DatabaseProblem):
            raise
        message = _("could not copy the journal to {folder} ({error}); nothing was moved")
        raise DatabaseProblem(source, message.format(folder=folder, error=exc)) from exc
    passphrase = cipher.passphrase_for(source)
    if passphrase is not None:
        cipher.remember(new_db, passphrase)
    copied = _copy_backups(current.backup_dir, folder / current.backup_dir.name)
    change_setting(settings_file or current.settings_file, "data_dir", str(folder))
    warnings = []
    overriding = os.environ.get(DATA_DIR_ENV)
    if overriding and Path(overriding).expanduser().absolute() != folder:
        # TRANSLATORS: {variable} is the name of an environment variable, {folder} the folder it names.
        warning = _(
            "{variable} is set to {folder}: while it is, rutjournal opens that folder instead. "
            "Remove it from your environment to use the new folder."
        )
        warnings.append(warning.format(variable=DATA_DIR_ENV, folder=overriding))
    aside: Path | None = None
    try:
        aside = _rename_aside(source, now or dt.datetime.now())
    except OSError as exc:
        log.error("moved the journal to %s but could not rename %s aside: %s", folder, source, exc)
        # TRANSLATORS: {error} is the system's own words ("Permission denied").
        warning = _("The old file {path} could not be renamed ({error}); it is still there.")
        warnings.append(warning.format(path=source, error=exc.strerror))
    log.info("moved the journal (%d entries) to %s; the old one is %s", entries, folder, aside)
    return Moved(folder, entries, aside, copied, " ".join(warnings))


def _copy_backups(source: Path, target: Path) -> int:
    """Copy the files of the backups folder (standalone files, never open for writing). One already in the
    target is left as it is: moving back to a former folder finds its own old backups there, same names."""
    if not source.is_dir():
        return 0
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for item in sorted(source.iterdir()):
        if item.is_file() and not item.name.startswith(".") and not (target / item.name).exists():
            shutil.copy2(item, target / item.name)
            copied += 1
    return copied


def _rename_aside(database: Path, now: dt.datetime) -> Path:
    """``journal.sqlite3`` → ``journal.sqlite3.moved-<stamp>``, with its -wal/-shm and marker alongside."""
    marker = cipher.marker_path(database)
    aside = rename_aside(database, "moved", now.strftime(STAMP_FORMAT))
    if marker.exists():  # the kept file is still encrypted: its marker goes with it
        os.replace(marker, cipher.marker_path(aside))
    return aside
