"""The command line of imports: ``import FILE_OR_FOLDER [--format F] [--dry-run] [--json] ...``.

It prints the preview first; with ``--dry-run`` that is all (not even a journal file is created). A file that
cannot be read at all exits 2 with one line naming the file and the place; records that cannot be used are
listed with their place and the rest are imported, all in one transaction.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rutjournal.cli.text import json_text
from rutjournal.core.errors import InvalidInput, RutjournalError
from rutjournal.core.i18n import _
from rutjournal.core.paths import AppPaths
from rutjournal.core.transfer.importers.detect import FORMATS, RESTORE
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions

if TYPE_CHECKING:
    from rutjournal.core.storage.db import Database

EXIT_OK, EXIT_USAGE = 0, 2


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    imp = sub.add_parser(
        "import",
        parents=[common],
        help=_("import another app's export (jrnl, Day One, Daylio, RedNotebook, Taskwarrior, CSV)"),
    )
    imp.add_argument("source", metavar="FILE_OR_FOLDER", help=_("the export file, zip or data folder"))
    imp.add_argument(
        "--format", choices=sorted(FORMATS), default=None, help=_("skip detection and read it as this format")
    )
    imp.add_argument("--dry-run", action="store_true", help=_("show what would be imported; write nothing"))
    imp.add_argument(
        "--mood-map", metavar="LABEL=N,...", help=_("Daylio: mood labels onto 1–5, e.g. rad=5,good=4,meh=3")
    )
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help=_("CSV: read the column HEADER as FIELD (date, time, text, title, mood, tags, …; repeatable)"),
    )
    imp.add_argument("--json", action="store_true", help=_("print the preview or result as JSON"))


def mood_map(text: str | None) -> dict[str, int] | None:
    """'rad=5,good=4' -> {'rad': 5, 'good': 4}; labels compare in lower case."""
    if text is None:
        return None
    found: dict[str, int] = {}
    for part in text.split(","):
        label, sep, value = part.partition("=")
        if not part.strip():
            continue
        if not sep or not label.strip() or value.strip() not in {"1", "2", "3", "4", "5"}:
            raise InvalidInput("--mood-map", _("LABEL=N pairs with N from 1 to 5, e.g. rad=5,awful=1"), part)
        found[label.strip().lower()] = int(value)
    if not found:
        raise InvalidInput("--mood-map", _("LABEL=N pairs with N from 1 to 5, e.g. rad=5,awful=1"), text)
    return found


def columns(pairs: list[str]) -> dict[str, str] | None:
    found: dict[str, str] = {}
    for pair in pairs:
        header, sep, field = pair.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise InvalidInput("--column", _("HEADER=FIELD, e.g. 'Written on=date'"), pair)
        found[header.strip()] = field.strip().lower()
    return found or None


def run_import(args: argparse.Namespace, paths: AppPaths) -> int:
    """Import the file, folder, pipe or (``-``) standard input named."""
    options = ImportOptions(mood_map=mood_map(args.mood_map), csv_columns=columns(args.column))
    from rutjournal.core.transfer.importers.piped import STDIN_NAME, is_pipe, spooled

    if args.source == "-":
        with spooled(sys.stdin.buffer, Path(STDIN_NAME)) as held:
            return _import(args, paths, options, held, Path(STDIN_NAME))
    source = Path(args.source).expanduser().absolute()
    if not source.exists():
        raise InvalidInput("FILE_OR_FOLDER", _("an existing file or folder"), Path(args.source))
    if is_pipe(source):  # import <(cmd): a pipe can be read once, and has no size to check
        with source.open("rb") as stream, spooled(stream, source) as held:
            return _import(args, paths, options, held, source)
    if not (source.is_file() or source.is_dir()):
        raise InvalidInput("FILE_OR_FOLDER", _("a file, a folder, a pipe, or - for standard input"), source)
    return _import(args, paths, options, source, source)


def _import(
    args: argparse.Namespace, paths: AppPaths, options: ImportOptions, source: Path, shown: Path
) -> int:
    """Read ``source`` (named ``shown`` in every message: a pipe is read from a copy) and import it."""
    from rutjournal.core.transfer.importers.detect import detect_format, parse_file

    try:
        try:
            name = args.format or detect_format(source)
            if name == RESTORE:
                return _restore(args, paths, source, shown)
            parsed = parse_file(source, name, options)
        except ImportFileError as exc:
            if exc.path != source:
                raise
            raise ImportFileError(shown, exc.place, exc.reason) from exc
    except ImportFileError as exc:
        print(f"rutjournal import: {exc}", file=sys.stderr)
        return EXIT_USAGE
    parsed.path = shown
    from rutjournal.core.transfer.importers.apply import apply_import, preview_import

    if args.dry_run:
        db = _open_existing(paths)
        try:
            plan = preview_import(db, parsed)
        finally:
            if db is not None:
                db.close()
    else:
        from rutjournal.core.storage.db import open_database

        db = open_database(paths.database, backup_dir=paths.backup_dir)
        try:
            plan = apply_import(db, parsed)
        finally:
            db.close()
    if args.json:
        print(json_text({"dry_run": args.dry_run, **plan.as_dict()}))
    else:
        print("\n".join(plan.lines(done=not args.dry_run)))
        if args.dry_run:
            print(_("Nothing was written (--dry-run)."))
    return EXIT_OK


def _open_existing(paths: AppPaths) -> Database | None:
    """The journal if there is one (a dry run must not create it), else None."""
    if not paths.database.exists():
        return None
    from rutjournal.core.storage.db import open_database

    return open_database(paths.database, backup_dir=paths.backup_dir)


def _restore(args: argparse.Namespace, paths: AppPaths, source: Path, shown: Path) -> int:
    """A full rutjournal export is restored whole into an empty journal (the exporters' ``restore_json``)."""
    try:
        from rutjournal.core.transfer.exporters.json_restore import restore_json
    except ImportError:
        raise RutjournalError(
            _(
                "{path} is a full rutjournal export, and restoring one is not available in this version"
            ).format(path=source)
        ) from None
    import tempfile

    from rutjournal.core.storage.db import open_database

    with tempfile.TemporaryDirectory() as scratch:
        # A dry run with no journal yet tries the restore on a scratch one, so it still creates no file.
        target = paths.database
        if args.dry_run and not target.exists():
            target = Path(scratch) / "journal.sqlite3"
        db = open_database(target, backup_dir=paths.backup_dir)
        try:
            result = restore_json(db, source, dry_run=args.dry_run)
        finally:
            db.close()
    result = replace(result, path=shown)
    if args.json:
        print(json_text(result.as_dict()))
    else:
        # TRANSLATORS: the first line of a restore's preview: the file is a full rutjournal export
        print(_("rutjournal export {path}").format(path=shown))
        # TRANSLATORS: what a restore puts back: a list such as "120 entries, 4 goals"
        said = _("Would restore: {what}") if args.dry_run else _("Restored: {what}")
        print(said.format(what=", ".join(result.lines())))
        if args.dry_run:
            print(_("Nothing was written (--dry-run)."))
    return EXIT_OK


Handler = Callable[[argparse.Namespace, AppPaths], int]
COMMANDS: dict[str, Handler] = {"import": run_import}
REPORTS: dict[str, Handler] = {}
