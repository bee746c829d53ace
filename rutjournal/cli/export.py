"""The command line of exports: ``export --format json|markdown|csv --out PATH [--split year|month]``.

A JSON export imports neither SQLAlchemy nor anything else heavy: it opens a current journal with bare sqlite3
and streams its rows. Every file is written under a temporary name and renamed into place when whole, so a
failed export leaves no half file.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from rutjournal.core.errors import InvalidInput, RutjournalError
from rutjournal.core.i18n import _
from rutjournal.core.paths import AppPaths
from rutjournal.core.transfer.exporters.files import check_target

FORMATS = ("json", "markdown", "csv")


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    export = sub.add_parser(
        "export",
        parents=[common],
        help=_("write the journal to JSON (everything, re-importable), Markdown or CSV"),
    )
    # TRANSLATORS: the formats --format takes: json, markdown and csv are typed as they are
    export.add_argument("--format", required=True, choices=FORMATS, help=_("json, markdown or csv"))
    export.add_argument(
        "--out", required=True, metavar="PATH", help=_("the file to write (for markdown: a folder, created)")
    )
    export.add_argument(
        "--include",
        metavar="tasks,goals,evidence,conversations",
        help=_("markdown only: add beyond-the-journal.md with these sections (comma-separated, or 'all')"),
    )
    export.add_argument(
        "--split", metavar="year|month", help=_("markdown only: one file a year (default) or a month")
    )


def _checked_out(fmt: str, text: str, database: Path) -> Path:
    """The output path, refused (exit 2, nothing written) when it cannot possibly be written, when something
    other than a regular file is there (a link, a pipe, a device: see ``check_target``) — or when it is the
    journal itself, which an export must never replace."""
    if not text.strip():
        raise InvalidInput("--out", _("a file name (it is empty)"))
    out = Path(text).expanduser().absolute()
    own = {database.resolve(), *(database.with_name(database.name + s).resolve() for s in ("-wal", "-shm"))}
    if out.resolve() in own:
        raise InvalidInput("--out", _("a file other than the journal itself"), Path(text))
    if fmt == "markdown":  # a folder of files, which may exist; each file in it is checked as it is written
        if out.exists() and not out.is_dir():
            raise InvalidInput("--out", _("a folder for the Markdown files (this is a file)"), Path(text))
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            allowed = _("a folder that can be created ({problem})").format(problem=exc.strerror)
            raise InvalidInput("--out", allowed, Path(text)) from exc
        folder = out
    else:
        if out.is_dir():
            raise InvalidInput(
                "--out",
                _("a file name, not a folder (e.g. {example})").format(example=out / ("journal." + fmt)),
                Path(text),
            )
        check_target(out)
        folder = out.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidInput("--out", _("a place you can write to (permission denied)"), Path(text))
    return out


def _sections(text: str | None) -> tuple[str, ...]:
    """--include's sections, in the order they are written; 'all' is every one."""
    from rutjournal.core.transfer.exporters.markdown_sections import SECTIONS

    if text is None:
        return ()
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if names == ["all"]:
        return SECTIONS
    wrong = [name for name in names if name not in SECTIONS]
    if wrong or not names:
        raise InvalidInput(
            # TRANSLATORS: the section names --include takes; they are typed in English as written
            "--include",
            _("tasks, goals, evidence, conversations or all (comma-separated)"),
            text,
        )
    return tuple(name for name in SECTIONS if name in names)


def run_export(args: argparse.Namespace, paths: AppPaths) -> int:
    fmt: str = args.format
    if args.split is not None and fmt != "markdown":
        raise InvalidInput("--split", _("given only with --format markdown"), args.split)
    if args.include is not None and fmt != "markdown":
        raise InvalidInput("--include", _("given only with --format markdown"), args.include)
    include = _sections(args.include)
    split = args.split or "year"
    if split not in ("year", "month"):
        # TRANSLATORS: the two values --split takes, typed in English as written
        raise InvalidInput("--split", _("year or month"), split)
    if not paths.database.exists():
        raise RutjournalError(
            _("there is no journal in {folder} yet; nothing to export").format(folder=paths.database.parent)
        )
    out = _checked_out(fmt, args.out, paths.database)
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        if fmt == "json":
            from rutjournal.core.transfer.exporters.json_export import export_json

            result = export_json(db, out)
        elif fmt == "csv":
            from rutjournal.core.transfer.exporters.csv_export import export_csv

            result = export_csv(db, out)
        else:
            from rutjournal.core.transfer.exporters.markdown_export import export_markdown

            result = export_markdown(db, out, split, include)
    except OSError as exc:
        from rutjournal.core.failures import plain_failure

        plain = plain_failure(exc, out)
        raise RutjournalError(
            plain
            or _("could not write {path} ({problem}); nothing was written").format(
                path=out, problem=exc.strerror or exc
            )
        ) from exc
    finally:
        db.close()
    print("\n".join(result.lines()))
    return 0


Handler = Callable[[argparse.Namespace, AppPaths], int]
COMMANDS: dict[str, Handler] = {"export": run_export}
REPORTS: dict[str, Handler] = {}
