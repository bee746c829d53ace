"""The command line of backups: ``backup [--keep N [--remember]]``, ``backups [--json]``, ``restore BACKUP``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from rutjournal.cli.text import json_text
from rutjournal.core import text
from rutjournal.core.errors import InvalidInput, RutjournalError
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.paths import AppPaths


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    backup = sub.add_parser("backup", parents=[common], help=_("back up the journal now (prints the file)"))
    backup.add_argument(
        "--keep", metavar="N", help=_("keep the newest N backups (default: the stored setting, at first 14)")
    )
    backup.add_argument(
        "--remember",
        action="store_true",
        help=_("store --keep N as the setting, for the daily backups the window takes too"),
    )
    backups = sub.add_parser("backups", parents=[common], help=_("list the backups, newest first"))
    backups.add_argument("--json", action="store_true", help=_("print JSON"))
    restore = sub.add_parser(
        "restore", parents=[common], help=_("replace the journal with a backup (the old file is kept aside)")
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help=_("a backup file, or its number in `rutjournal backups`")
    )


def _keep(text: str | None, paths: AppPaths) -> int:
    """--keep N when given (checked like the stored setting), else the stored setting."""
    from rutjournal.core.settings import RANGES, check_value, load_settings

    if text is None:
        return load_settings(paths.settings_file).backup_keep
    try:
        return int(check_value("backup_keep", text))
    except InvalidInput:
        low, high = RANGES["backup_keep"]
        raise InvalidInput(
            "--keep", _("a whole number from {low} to {high}").format(low=low, high=high), text
        ) from None


def run_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.remember and args.keep is None:
        raise InvalidInput("--remember", _("used with --keep N (the number of backups to keep)"))
    keep = _keep(args.keep, paths)
    from rutjournal.core.storage.backups import take_backup

    if args.remember:
        from rutjournal.core.settings import change_setting

        change_setting(paths.settings_file, "backup_keep", keep)
    info = take_backup(paths.database, paths.backup_dir, keep=keep)
    # TRANSLATORS: the backup file just written, and how many journal entries it holds
    print(
        ngettext("{path}  ({count} entries)", "{path}  ({count} entries)", info.entries).format(
            path=info.path, count=text.whole(info.entries)
        )
    )
    if args.remember:
        print(
            ngettext(
                "From now on the newest {count} backups are kept.",
                "From now on the newest {count} backups are kept.",
                keep,
            ).format(count=text.whole(keep))
        )
    return 0


def run_backups(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.storage.backups import list_backups

    found = list_backups(paths.backup_dir)
    if args.json:
        print(
            json_text(
                [
                    {
                        "index": i,
                        "taken_at": b.taken_at.isoformat(),
                        "entries": b.entries,
                        "revision": b.revision,
                        "path": str(b.path),
                    }
                    for i, b in enumerate(found, 1)
                ]
            )
        )
    elif not found:
        print(_("No backups in {folder}.").format(folder=paths.backup_dir))
    else:
        from rutjournal.core.settings import load_settings

        for i, b in enumerate(found, 1):
            # TRANSLATORS: one backup in the list: its number, when it was taken, its entries and its file
            line = ngettext(
                "{number}  {taken}  {count} entries  {path}",
                "{number}  {taken}  {count} entries  {path}",
                b.entries,
            )
            print(
                line.format(
                    number=f"{i:>3}",
                    taken=f"{b.taken_at:%Y-%m-%d %H:%M:%S}",
                    count=f"{text.whole(b.entries):>6}",
                    path=b.path,
                )
            )
        keep = load_settings(paths.settings_file).backup_keep
        print(
            ngettext(
                "The newest {count} daily backups are kept (change it: rutjournal backup --keep N --remember).",
                "The newest {count} daily backups are kept (change it: rutjournal backup --keep N --remember).",
                keep,
            ).format(count=text.whole(keep))
        )
    return 0


def window_holding(lock_file: Path) -> int | None:
    """The process id of a live window holding the journal's lock (QLockFile's first line), if any.

    A restore under an open window would swap the file out from under it and its next saves would go to the old
    one, so the command line refuses instead.
    """
    import os

    try:
        pid = int(lock_file.read_text(encoding="utf-8", errors="replace").splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale lock left by a crash
    except PermissionError:
        return pid
    return pid


def run_restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.errors import DatabaseProblem
    from rutjournal.core.storage.backups import list_backups, read_backup, restore_backup

    holder = window_holding(paths.lock_file)
    if holder is not None:
        raise RutjournalError(
            _(
                "the journal is open in a rutjournal window (process {process}); close it first, then restore"
            ).format(process=holder)
        )
    given: str = args.backup
    if given.isascii() and given.isdigit():
        found = list_backups(paths.backup_dir)
        index = int(given)
        if not 1 <= index <= len(found):
            allowed = _("a number from 1 to {most} (see `rutjournal backups`)").format(most=len(found))
            raise InvalidInput("BACKUP", allowed, given)
        source = found[index - 1].path
    else:
        source = Path(given).expanduser().absolute()
        if not source.is_file():
            raise InvalidInput(
                "BACKUP", _("an existing backup file or its number in `rutjournal backups`"), given
            )
    try:
        info = read_backup(source)
        aside = restore_backup(info, paths.database)
    except DatabaseProblem as exc:
        print(
            _("rutjournal restore: {problem}; the journal was not changed").format(problem=exc),
            file=sys.stderr,
        )
        return 2
    restored = ngettext(
        "Restored {path} ({count} entries, taken {taken}).",
        "Restored {path} ({count} entries, taken {taken}).",
        info.entries,
    )
    print(
        restored.format(
            path=info.path, count=text.whole(info.entries), taken=f"{info.taken_at:%Y-%m-%d %H:%M:%S}"
        )
    )
    if aside is not None:
        print(_("The old journal was kept as {path}").format(path=aside))
    return 0


Handler = Callable[[argparse.Namespace, AppPaths], int]
COMMANDS: dict[str, Handler] = {"backup": run_backup, "backups": run_backups, "restore": run_restore}
REPORTS: dict[str, Handler] = {}
