"""What the command line and the window call: ``setup``, ``round``, ``status``, ``leave``, ``remember_key`` and
``forget_key``.

The folder's key comes from the sync passphrase given, else from the key this device remembers
(``state.load_key``: kept when the user lets it, so the window's rounds in the background need no passphrase);
with neither a round stops with ``NeedsPassphrase`` before reading anything. A remembered key is checked
against the folder's check file as a passphrase is.

A round, in this order:
 1. the sync passphrase opens the folder's check file, or the round stops there (nothing read or written);
 2. this device's own files not yet in its document (a round killed after writing one) are applied;
 3. the entries this device created on a day another device wrote too are folded (``document.fold``), and
    the journal's entries go into the document as edits; what changed is written as one new update file;
 4. the other devices' files not applied yet are applied (one that does not open is skipped with a message
    and tried again next round);
 5. the document's view is projected into the journal in one write transaction;
 6. the document and the state are saved (``state.save``).
Step 3 compares the journal with the document as step 5 left it last time, so a difference is an edit made
here since. A round killed between 5 and 6 makes the next one send again, as edits of its own, what came in
the last time (a paragraph that arrived then could be sent back and shown twice): the one window of the round
that is not yet closed (see core/sync/__init__.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths
from rutjournal.core.storage.leftovers import remove_leftovers
from rutjournal.core.sync import state as local_state
from rutjournal.core.sync.folder import UPDATE, Found, SyncFolder, new_device_uid
from rutjournal.core.sync.sealed import Key, SyncError, Unreadable, checked, unlock

if TYPE_CHECKING:
    from pycrdt import Doc

    from rutjournal.core.sync.document import Shown

log = logger(__name__)
MAX_NAME_CHARS = 64


class Report(NamedTuple):
    """What a round did: per device name, how many records of each kind came in; how many went out."""

    came_in: dict[str, dict[str, int]]
    went_out: dict[str, int]
    skipped: list[str]  # one sentence per file that did not open


class DeviceSeen(NamedTuple):
    uid: str
    name: str
    files: int
    last_written: dt.datetime | None
    this_device: bool


class Status(NamedTuple):
    folder: Path
    device: str
    name: str
    last_round: dt.datetime | None
    devices: list[DeviceSeen]
    last_came_in: dict[str, dict[str, int]]  # what the last round that brought anything brought, by device
    last_came_in_at: dt.datetime | None
    key_remembered: bool


class NotSetUp(SyncError):
    def __init__(self) -> None:
        super().__init__(_("Sync is not set up for this journal: run rutjournal sync setup FOLDER first."))


class NeedsPassphrase(SyncError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This device does not remember the sync passphrase: give it to sync (nothing was read or written)."
            )
        )


def _not_set_up() -> SyncError:
    return NotSetUp()


def _key(paths: AppPaths, folder: Path, passphrase: str | None) -> Key:
    """The folder's key from ``passphrase``, else the one this device remembers (both checked)."""
    if passphrase is not None:
        return unlock(folder, passphrase)
    raw = local_state.load_key(paths.data_dir)
    if raw is None:
        raise NeedsPassphrase()
    return checked(folder, Key(raw))


def remember_key(paths: AppPaths, passphrase: str) -> None:
    """This device remembers the folder's key from now on (the passphrase is checked first)."""
    state = local_state.load_state(paths.data_dir)
    if state is None:
        raise _not_set_up()
    local_state.save_key(paths.data_dir, unlock(state.folder, passphrase).raw)


def forget_key(paths: AppPaths) -> bool:
    """This device forgets the folder's key: each round then needs the passphrase. False if none was kept."""
    return local_state.forget_key(paths.data_dir)


def setup(
    paths: AppPaths, folder: Path, device_name: str, passphrase: str, *, remember: bool = True
) -> Report:
    """Join (or start) the sync folder ``folder`` as a new device, then sync once. ``remember``: this device
    keeps the folder's key, so later rounds need no passphrase."""
    name = device_name.strip()
    if not name or len(name) > MAX_NAME_CHARS or any(ord(c) < 32 for c in name):
        allowed = _("a name of 1 to {count} characters for this device").format(count=MAX_NAME_CHARS)
        raise InvalidInput("--device", allowed, device_name)
    if not folder.is_dir():
        raise InvalidInput("FOLDER", _("a folder that exists (the one your sync tool keeps in step)"), folder)
    held = local_state.load_state(paths.data_dir)
    if held is not None:
        raise SyncError(
            _("This journal syncs with {folder} already: run rutjournal sync leave first.").format(
                folder=held.folder
            )
        )
    folder = folder.resolve()
    key = unlock(folder, passphrase, create=True)
    state = local_state.State(folder, new_device_uid(), name)
    SyncFolder(folder, key).write_device_name(state.device, name)
    local_state.save(paths.data_dir, state, local_state.load_doc(paths.data_dir))
    if remember:
        local_state.save_key(paths.data_dir, key.raw)
    log.info("sync set up with %s as device %s", folder, state.device)
    return round(paths, passphrase)


def round(paths: AppPaths, passphrase: str | None = None) -> Report:
    """One round (see the module's docstring)."""
    from rutjournal.core.journal.store_by_uid import read_uid_entries
    from rutjournal.core.storage.db import open_database
    from rutjournal.core.sync import document, records
    from rutjournal.core.sync.project import project

    state = local_state.load_state(paths.data_dir)
    if state is None:
        raise _not_set_up()
    folder = SyncFolder(state.folder, _key(paths, state.folder, passphrase))
    remove_leftovers(folder.root / state.device)  # what a round killed while writing left (its own only)
    doc = local_state.load_doc(paths.data_dir)
    skipped: list[str] = []
    _apply(doc, folder, state, [f for f in folder.files(state.device) if f.key not in state.applied], skipped)
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        # One write transaction from reading the journal to writing the view back: a save or a command that
        # comes meanwhile waits for it (SQLite's busy timeout), so the view never overwrites what it did
        # not read. The window's own saves merge with what they find (EditBase), as with any other writer.
        with db.writer() as conn:
            before = doc.get_state()
            folded = document.fold(doc, state.device)
            local = read_uid_entries(conn)
            sent = document.record_local(doc, local, state.device) + folded
            went_out = ({"entries": sent} if sent else {}) | records.record_local(doc, conn, state.device)
            if went_out:
                state.sequence += 1
                written = folder.write(state.device, UPDATE, state.sequence, doc.get_update(before))
                state.applied.add(f"{state.device}/{written}")
            came_in: dict[str, dict[str, int]] = {}
            for device in folder.devices():
                if device not in state.devices:  # a device seen for the first time: its name, if it has come
                    named = folder.device_name(device)
                    if named is not None:
                        state.devices[device] = named
                waiting = [f for f in folder.files(device) if f.key not in state.applied]
                if device == state.device or not waiting:
                    continue
                shown, seen = _by_day(document.view(doc)), records.view(doc)
                _apply(doc, folder, state, waiting, skipped)
                after, kinds = _by_day(document.view(doc)), records.changes(seen, records.view(doc))
                changed = sum(1 for day in shown.keys() | after.keys() if shown.get(day) != after.get(day))
                state.devices[device] = folder.device_name(device) or state.devices.get(device) or device[:8]
                if changed or kinds:
                    came_in[state.devices[device]] = ({"entries": changed} if changed else {}) | kinds
            project(conn, document.view(doc), dt.datetime.now(dt.UTC).replace(tzinfo=None))
            records.project(conn, doc, dt.datetime.now(dt.UTC).replace(tzinfo=None))
    finally:
        db.close()
    state.last_round = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    if came_in:
        state.last_came_in, state.last_came_in_at = came_in, state.last_round
    local_state.save(paths.data_dir, state, doc)
    return Report(came_in, went_out, skipped)


def _by_day(shown: dict[str, Shown]) -> dict[dt.date, tuple[object, ...]]:
    """What each day shows, whichever uid shows it (a day that another device wrote too is one change)."""
    return {d.day: (d.body, d.scores, d.tags) for d in shown.values()}


def _apply(
    doc: Doc[Any], folder: SyncFolder, state: local_state.State, files: list[Found], skipped: list[str]
) -> None:
    for found in files:
        try:
            doc.apply_update(folder.read(found))
        except (Unreadable, ValueError) as exc:
            log.warning("sync: skipped %s: %s", found.key, exc)
            skipped.append(
                _(
                    "Skipped {file}: it does not open (still arriving, damaged, or not from this sync folder); "
                    "it is tried again next time."
                ).format(file=folder.root / found.device / found.name)
            )
            continue
        state.applied.add(found.key)


def status(paths: AppPaths) -> Status:
    """Where this journal syncs, and the devices seen there (no passphrase needed: names are the ones the
    last round read)."""
    state = local_state.load_state(paths.data_dir)
    if state is None:
        raise _not_set_up()
    folder = SyncFolder(state.folder, None)  # listing only: nothing is opened
    devices = []
    for device in sorted(set(folder.devices()) | {state.device}):
        written = folder.last_written(device)
        devices.append(
            DeviceSeen(
                uid=device,
                name=state.devices.get(device, device[:8]),
                files=len(folder.files(device)),
                last_written=None if written is None else dt.datetime.fromtimestamp(written, dt.UTC),
                this_device=device == state.device,
            )
        )
    last = dt.datetime.fromisoformat(state.last_round) if state.last_round else None
    came_at = dt.datetime.fromisoformat(state.last_came_in_at) if state.last_came_in_at else None
    return Status(
        state.folder,
        state.device,
        state.name,
        last,
        devices,
        state.last_came_in,
        came_at,
        local_state.load_key(paths.data_dir) is not None,
    )


def leave(paths: AppPaths) -> Path:
    """This journal stops syncing; returns the folder it synced with. The journal keeps every entry, and the
    folder keeps this device's files (the others may not have read them yet)."""
    state = local_state.load_state(paths.data_dir)
    if state is None:
        raise _not_set_up()
    local_state.forget(paths.data_dir)
    return state.folder
