"""The command line of sync: ``sync`` (one round), ``sync setup FOLDER [--device NAME]``, ``sync status
[--json]``, ``sync leave``. The sync passphrase comes from $RUTJOURNAL_SYNC_PASSPHRASE, else (a round) from the
key this device remembers (``setup`` keeps it unless ``--no-remember``), else is asked on a terminal; with none
of them the command stops (exit 2) naming the variable. Safe while the window is open: a round
writes the journal in one transaction, as the window's own saves do."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rutjournal.cli.text import json_text
from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.paths import AppPaths

if TYPE_CHECKING:
    from rutjournal.core.sync.service import Report, Status

PASSPHRASE_ENV = "RUTJOURNAL_SYNC_PASSPHRASE"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace, AppPaths], int]


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    sync = sub.add_parser(
        "sync",
        parents=[common],
        help=_("sync with your other devices through a shared folder (without an action: sync once now)"),
    )
    actions = sync.add_subparsers(dest="sync_action", metavar="ACTION", parser_class=type(sync))
    setup = actions.add_parser(
        "setup", parents=[common], help=_("start syncing this journal through FOLDER, then sync once")
    )
    setup.add_argument("folder", metavar="FOLDER", help=_("a folder your sync tool keeps in step"))
    setup.add_argument(
        "--device", metavar="NAME", help=_("this device's name (default: the computer's name)")
    )
    setup.add_argument(
        "--no-remember",
        action="store_true",
        help=_("do not keep the sync key on this device: every sync then asks for the passphrase"),
    )
    status = actions.add_parser(
        "status", parents=[common], help=_("where this journal syncs, and the devices")
    )
    status.add_argument("--json", action="store_true", help=_("print JSON"))
    actions.add_parser(
        "leave", parents=[common], help=_("stop syncing this journal (its entries and the folder stay)")
    )


def _passphrase(paths: AppPaths | None = None) -> str | None:
    """The sync passphrase given; None when ``paths`` is given and its device remembers the key."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if paths is not None:
        from rutjournal.core.sync.state import load_key

        if load_key(paths.data_dir) is not None:
            return None
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(_("Sync passphrase: "))
    # TRANSLATORS: {variable} is the environment variable's name, RUTJOURNAL_SYNC_PASSPHRASE
    allowed = _("given in ${variable}, or typed in a terminal").format(variable=PASSPHRASE_ENV)
    raise InvalidInput("sync passphrase", allowed)


def run_sync(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.sync import service
    from rutjournal.core.sync.sealed import SyncError, WrongSyncPassphrase

    action = args.sync_action
    try:
        if action == "status":
            shown = service.status(paths)
            print(json_text(_status_json(shown)) if args.json else _status_text(shown))
        elif action == "leave":
            folder = service.leave(paths)
            print(
                _(
                    "This journal no longer syncs with {folder}; its entries stay, and so do this device's "
                    "files in the folder."
                ).format(folder=folder)
            )
        elif action == "setup":
            import socket

            name = args.device if args.device is not None else socket.gethostname()
            passphrase = _passphrase()
            assert passphrase is not None
            report = service.setup(
                paths, Path(args.folder).expanduser(), name, passphrase, remember=not args.no_remember
            )
            print(
                _("This device, {name}, syncs with {folder} now.").format(
                    name=name.strip(), folder=args.folder
                )
            )
            _tell(report)
        else:
            _tell(service.round(paths, _passphrase(paths)))
    except (WrongSyncPassphrase, service.NotSetUp, service.NeedsPassphrase) as exc:
        print(f"rutjournal sync: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SyncError as exc:
        print(f"rutjournal sync: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _tell(report: Report) -> None:
    for line in report.skipped:
        print(f"rutjournal sync: {line}", file=sys.stderr)
    if report.went_out:
        # TRANSLATORS: {records} is a list of counts, e.g. "3 entries and 1 task"
        print(_("{records} went out.").format(records=_counts(report.went_out)))
    for device, kinds in sorted(report.came_in.items()):
        # TRANSLATORS: {records} is a list of counts, e.g. "3 entries and 1 task"; {device} a device's name
        print(_("{records} came in from {device}.").format(records=_counts(kinds), device=device))
    if not report.went_out and not report.came_in:
        print(_("Nothing new: this journal and the sync folder are in step."))


def _counts(kinds: dict[str, int]) -> str:
    """ "3 entries and 1 task": each kind's count in words, in the order of the journal's tables."""
    from rutjournal.core.transfer.exporters.tables import TABLES, count_words

    order = {table: n for n, table in enumerate(TABLES)}
    listed = sorted(kinds, key=lambda kind: (order.get(kind, len(order)), kind))
    return text.and_list([count_words(kind, kinds[kind]) for kind in listed if kinds[kind]])


def _status_json(shown: Status) -> dict[str, object]:
    return {
        "folder": str(shown.folder),
        "device": shown.device,
        "name": shown.name,
        "last_round": None if shown.last_round is None else shown.last_round.isoformat() + "Z",
        "key_remembered": shown.key_remembered,
        "last_came_in": shown.last_came_in,
        "last_came_in_at": None if shown.last_came_in_at is None else shown.last_came_in_at.isoformat() + "Z",
        "devices": [
            {
                "uid": d.uid,
                "name": d.name,
                "files": d.files,
                "last_written": None
                if d.last_written is None
                else d.last_written.isoformat(timespec="seconds"),
                "this_device": d.this_device,
            }
            for d in shown.devices
        ],
    }


def _status_text(shown: Status) -> str:
    last = (
        # TRANSLATORS: when this device last synced, in "Last synced: {when}"
        _("never")
        if shown.last_round is None
        else f"{text.day(shown.last_round.date())} {shown.last_round:%H:%M} UTC"
    )
    lines = [
        _("Syncs with: {folder}").format(folder=shown.folder),
        _("This device: {name}").format(name=shown.name),
        _("Last synced: {when}").format(when=last),
        _("Sync passphrase: remembered on this device")
        if shown.key_remembered
        else _("Sync passphrase: asked for at each sync"),
    ]
    for device in shown.devices:
        files = ngettext("{count} file", "{count} files", device.files).format(count=text.whole(device.files))
        if device.this_device:
            # TRANSLATORS: a line of the devices list: {name} is a device's name, {files} "3 files"
            lines.append(_("  {name} (this device): {files}").format(name=device.name, files=files))
        else:
            # TRANSLATORS: a line of the devices list: {name} is a device's name, {files} "3 files"
            lines.append(_("  {name}: {files}").format(name=device.name, files=files))
    return "\n".join(lines)


COMMANDS = {"sync": run_sync}
REPORTS: dict[str, Handler] = {}
