"""The command line of the reports to take into a meeting: ``report promotion-case`` and ``report brief``.

``--out FILE.md`` writes Markdown, ``--out FILE.pdf`` a PDF (Qt is imported for that only); anything else exits
2 naming ``--out`` and the allowed endings, and nothing is written. The path written is printed. Reading the
journal needs no ORM.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from rutjournal.core.errors import InvalidInput
from rutjournal.paths import AppPaths

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
        help="the case for your target role: gaps and their progress, evidence by gap, challenges taken on",
    )
    case.add_argument("--out", required=True, metavar="FILE", help="FILE.md (Markdown) or FILE.pdf")
    brief = reports.add_parser(
        "brief",
        parents=[common],
        help="a 1:1 brief: agenda, open follow-ups, recent evidence, mood and workload of the last 30 days",
    )
    brief.add_argument("--out", required=True, metavar="FILE", help="FILE.md (Markdown) or FILE.pdf")
    brief.add_argument(
        "--conversation",
        metavar="ID",
        help="the conversation (default: the next planned one, else the most recent)",
    )


def check_out(text: str) -> Path:
    """The file to write: ending in .md or .pdf, in a folder that exists."""
    path = Path(text).expanduser()
    if path.suffix.lower() not in FORMATS or not path.stem:
        raise InvalidInput("--out", "a file name ending in .md or .pdf", text)
    if not path.parent.is_dir():
        raise InvalidInput("--out", "a file in an existing folder", text)
    return path


def run_promotion_case(args: argparse.Namespace, paths: AppPaths) -> int:
    out = check_out(args.out)  # bad input stops here: the journal is not even opened
    from rutjournal.core.db import open_database
    from rutjournal.core.reports import promotion_case_markdown

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        markdown = promotion_case_markdown(db)
    finally:
        db.close()
    _write(markdown, out, _title(markdown, "Promotion case"))
    return 0


def run_brief(args: argparse.Namespace, paths: AppPaths) -> int:
    out = check_out(args.out)
    conversation = None
    if args.conversation is not None:
        try:
            conversation = int(args.conversation)
        except ValueError:
            raise InvalidInput("--conversation", "a whole number (an id)", args.conversation) from None
    from rutjournal.core.db import open_database
    from rutjournal.core.reports import brief_markdown

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        try:
            markdown = brief_markdown(db, conversation)
        except InvalidInput as exc:
            raise InvalidInput("--conversation", exc.allowed, exc.value) from None
    finally:
        db.close()
    _write(markdown, out, _title(markdown, "1:1 brief"))
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


def _write(markdown: str, out: Path, title: str) -> None:
    if out.suffix.lower() == ".pdf":
        from rutjournal.pdf_export import markdown_to_pdf

        markdown_to_pdf(markdown, out, title)
    else:
        temp = out.with_name(f".{out.name}.{os.getpid()}.part")  # moved into place once complete
        try:
            with open(temp, "w", encoding="utf-8", newline="\n") as file:
                file.write(markdown)
            os.replace(temp, out)
        finally:
            temp.unlink(missing_ok=True)
    print(out.resolve())


COMMANDS: dict[str, Handler] = {}
REPORTS: dict[str, Handler] = {"promotion-case": run_promotion_case, "brief": run_brief}
