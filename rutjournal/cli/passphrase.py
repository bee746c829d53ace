"""The command line of encryption: ``passphrase set|change|remove``, and asking for the passphrase.

Every other command, on an encrypted journal, takes the passphrase from ``RUTJOURNAL_PASSPHRASE``, else asks on
the terminal (three tries), else stops with one line saying how to give it. Passphrases typed here are read with
getpass on a terminal; from a script (standard input not a terminal) they are read one per line from standard
input, in the order the prompts would ask for them. A wrong passphrase exits 2 with nothing written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from rutjournal.core import text
from rutjournal.core.errors import InvalidInput, RutjournalError
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.paths import AppPaths
from rutjournal.core.storage import cipher

TRIES = 3


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    phrase = sub.add_parser(
        "passphrase",
        parents=[common],
        help=_("encrypt the journal and its backups with a passphrase, or stop"),
    )
    phrase.add_argument(
        "action",
        choices=("set", "change", "remove"),
        # TRANSLATORS: set, change and remove are the actions as they are typed
        help=_("set: encrypt; change: new passphrase; remove: store unencrypted again"),
    )
    phrase.add_argument("--yes", action="store_true", help=_("remove: do not ask for confirmation"))


def _read(prompt: str) -> str:
    if sys.stdin.isatty():
        import getpass  # (termios: only when a passphrase is asked for)

        return getpass.getpass(prompt)
    try:
        line = sys.stdin.readline()
        line.encode("utf-8")  # a byte that is not UTF-8 arrives as a lone surrogate, or stops the read
    except UnicodeError:
        raise InvalidInput("passphrase", _("UTF-8 text on standard input, one per line")) from None
    if not line:
        raise InvalidInput("passphrase", _("given on standard input, one per line (none was left)"))
    return line.rstrip("\r\n")


def _current(db: Path) -> str:
    """The passphrase that opens the journal now: from the environment, else asked (three tries)."""
    given = os.environ.get(cipher.PASSPHRASE_ENV)
    if given:
        cipher.unlock(db, given)
        return given
    if not sys.stdin.isatty():
        return _checked(db, _read(_("Passphrase for {path}: ").format(path=db)))
    for attempt in range(1, TRIES + 1):
        try:
            return _checked(db, _read(_("Passphrase for {path}: ").format(path=db)))
        except cipher.WrongPassphrase:
            if attempt < TRIES:
                print(_("Wrong passphrase for {path}; try again.").format(path=db), file=sys.stderr)
    raise cipher.WrongPassphrase(
        db,
        ngettext(
            "the passphrase did not open {path} {count} times: it is wrong, or the file is damaged "
            "(`rutjournal restore` can put back a backup); nothing was changed",
            "the passphrase did not open {path} {count} times: it is wrong, or the file is damaged "
            "(`rutjournal restore` can put back a backup); nothing was changed",
            TRIES,
        ).format(path=db, count=text.whole(TRIES)),
    )


def _checked(db: Path, passphrase: str) -> str:
    cipher.unlock(db, passphrase)
    return passphrase


def unlock(paths: AppPaths) -> None:
    """Before any command: hold the passphrase of an encrypted journal, or say how to give it."""
    db = paths.database
    if not cipher.needs_passphrase(db):
        return
    if not os.environ.get(cipher.PASSPHRASE_ENV) and not sys.stdin.isatty():
        raise cipher.PassphraseNeeded(
            db,
            # TRANSLATORS: {variable} is the environment variable's name, RUTJOURNAL_PASSPHRASE
            _(
                "the journal {path} is encrypted: give its passphrase in {variable} "
                "or run the command in a terminal"
            ).format(path=db, variable=cipher.PASSPHRASE_ENV),
        )
    _current(db)


def _new() -> str:
    first = _read(_("New passphrase: "))
    cipher.check_new_passphrase(first)
    if _read(_("The new passphrase again: ")) != first:
        raise InvalidInput(
            "passphrase", _("typed the same twice (the two did not match); nothing was changed")
        )
    return first


def _refuse_if_open(paths: AppPaths) -> None:
    from rutjournal.cli.backups import window_holding

    holder = window_holding(paths.lock_file)
    if holder is not None:
        raise RutjournalError(
            _("the journal is open in a rutjournal window (process {process}); close it first").format(
                process=holder
            )
        )


def _kept_aside(paths: AppPaths, action: str) -> list[str]:
    from rutjournal.core.storage.encryption import kept_aside

    if action == "set":
        return [
            _(
                "Still unencrypted: {path} (an old journal kept aside by a restore; delete it if unneeded)"
            ).format(path=path)
            for path in kept_aside(paths.database, action)
        ]
    return [
        _("Still encrypted with the earlier passphrase: {path} (an old journal kept aside)").format(path=path)
        for path in kept_aside(paths.database, action)
    ]


def run_passphrase(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.storage import encryption

    db = paths.database
    _refuse_if_open(paths)
    if args.action == "set":
        if cipher.is_encrypted(db) or (db.exists() and not cipher.is_plain(db) and db.stat().st_size):
            raise InvalidInput(
                "passphrase set", _("used on an unencrypted journal (use `passphrase change`)")
            )
        from rutjournal.core.storage.db import open_database

        new = _new()  # first: a mistyped passphrase leaves everything as it was
        open_database(db, backup_dir=paths.backup_dir).close()  # refuses a foreign file; creates a new one
        outcome = encryption.set_passphrase(db, paths.backup_dir, new)
        print(
            _(
                "The journal {path} is now encrypted. Keep the passphrase safe: without it nobody can read "
                "the journal, not even you."
            ).format(path=db)
        )
    elif args.action == "change":
        if not cipher.is_encrypted(db):
            raise InvalidInput("passphrase change", _("used on an encrypted journal (use `passphrase set`)"))
        old = _current(db)
        outcome = encryption.change_passphrase(db, paths.backup_dir, old, _new())
        print(_("The journal {path} now opens with the new passphrase only.").format(path=db))
    else:
        if not cipher.is_encrypted(db):
            raise InvalidInput("passphrase remove", _("used on an encrypted journal (it is not encrypted)"))
        old = _current(db)
        # TRANSLATORS: the answer stays "yes" in every language: it is what the user must type
        asked = _("Store {path} and its backups unencrypted? Type yes: ").format(path=db)
        if not args.yes and _read(asked).strip() != "yes":
            print(_("Nothing was changed."))
            return 0
        outcome = encryption.remove_passphrase(db, paths.backup_dir, old)
        print(_("The journal {path} is stored unencrypted again.").format(path=db))
    if outcome.converted:
        count = len(outcome.converted)
        if args.action == "remove":
            said = ngettext(
                "{count} backup(s) in {folder} decrypted the same way.",
                "{count} backup(s) in {folder} decrypted the same way.",
                count,
            )
        else:
            said = ngettext(
                "{count} backup(s) in {folder} encrypted the same way.",
                "{count} backup(s) in {folder} encrypted the same way.",
                count,
            )
        print(said.format(count=text.whole(count), folder=paths.backup_dir))
    for path, why in outcome.left:
        # TRANSLATORS: a backup file not converted, and why
        print(_("Left as it was: {path} ({reason})").format(path=path, reason=why))
    for line in _kept_aside(paths, args.action):
        print(line)
    return 0


Handler = Callable[[argparse.Namespace, AppPaths], int]
COMMANDS: dict[str, Handler] = {"passphrase": run_passphrase}
REPORTS: dict[str, Handler] = {}
