"""The command line of the reports to take into a meeting: ``report promotion-case`` and ``report brief``.

``--out FILE.md`` writes Markdown, ``--out FILE.pdf`` a PDF (Qt is imported for that only); anything else exits
2 naming ``--out`` and the allowed endings, and nothing is written. The path written is printed. Reading the
journal needs no ORM.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.paths import AppPaths
from rutjournal.core.transfer.exporters.files import AtomicFiles, check_target
from rutjournal.core.values import parse_id

Handler = Callable[[argparse.Namespace, AppPaths], int]
FORMATS = (".md", ".pdf")


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's reports to ``reports`` (it has no commands of its own)."""
    case = reports.add_parser(
        "promotion-case",
        parents=[common],
        help=_(
            "the case for your target role: gaps and their progress, evidence by gap, challenges taken on"
        ),
    )
    case.add_argument("--out", required=True, metavar="FILE", help=_("FILE.md (Markdown) or FILE.pdf"))
    brief = reports.add_parser(
        "brief",
        parents=[common],
        help=_(
            "a 1:1 brief: agenda, open follow-ups, recent evidence, mood and workload of the last 30 days"
        ),
    )
    brief.add_argument("--out", required=True, metavar="FILE", help=_("FILE.md (Markdown) or FILE.pdf"))
    brief.add_argument(
        "--conversation",
        metavar="ID",
        help=_("the conversation (default: the next planned one, else the most recent)"),
    )


def check_out(text: str) -> Path:
    """The file to write: ending in .md or .pdf, new or a regular file, in a folder that exists."""
    path = Path(text).expanduser()
    if path.suffix.lower() not in FORMATS or not path.stem:
        raise InvalidInput("--out", _("a file name ending in .md or .pdf"), path)
    return check_target(path)


def run_promotion_case(args: argparse.Namespace, paths: AppPaths) -> int:
    out = check_out(args.out)  # bad input stops here: the journal is not even opened
    from rutjournal.core.reports import promotion_case_markdown
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        markdown = promotion_case_markdown(db)
    finally:
        db.close()
    # TRANSLATORS: the PDF's title when the report has no heading of its own
    _write(markdown, out, _title(markdown, _("Promotion case")), paths)
    return 0


def run_brief(args: argparse.Namespace, paths: AppPaths) -> int:
    out = check_out(args.out)
    conversation = None
    if args.conversation is not None:
        conversation = parse_id("--conversation", args.conversation)
    from rutjournal.core.reports import brief_markdown
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        try:
            markdown = brief_markdown(db, conversation)
        except InvalidInput as exc:
            raise InvalidInput("--conversation", exc.allowed, exc.value) from None
    finally:
        db.close()
    # TRANSLATORS: the PDF's title when the brief has no heading of its own; a 1:1 is a one-to-one meeting with your manager
    _write(markdown, out, _title(markdown, _("1:1 brief")), paths)
    return 0


def _title(markdown: str, fallback: str) -> str:
    """The document's first heading, unescaped, for the PDF's metadata and footer."""
    first = markdown.split("\n", 1)[0]
    if not first.startswith("# "):
        return fallback
    text = first[2:].strip()
    out, escaped = [], False
    for char in text:
        if char == "\\" and not escaped:
            escaped = True
            continue
        out.append(char)
        escaped = False
    return "".join(out) or fallback


def _write(markdown: str, out: Path, title: str, paths: AppPaths) -> None:
    """Write beside ``out`` and move into place when complete, noted in the data folder meanwhile."""
    with AtomicFiles(paths.data_dir) as files:
        if out.suffix.lower() == ".pdf":
            from rutjournal.render.pdf import write_pdf

            write_pdf(markdown, files.reserve(out), title)
        else:
            with files.open(out) as file:
                file.write(markdown)
    print(out.resolve())


COMMANDS: dict[str, Handler] = {}
REPORTS: dict[str, Handler] = {"promotion-case": run_promotion_case, "brief": run_brief}
