"""The command line: the same services as the window, for the shell and for scripts.

Exit status: 0 done, 2 bad usage or bad input (one line naming the field; nothing written), 1 anything else
(one line and the log path). Never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import NoReturn, cast

from rutjournal import __version__
from rutjournal.cli import passphrase as cli_passphrase
from rutjournal.core.errors import DamagedDatabase, InvalidInput, RutjournalError, SearchSyntaxError
from rutjournal.core.i18n import LANGUAGES, _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths, resolve_paths

log = logger("rutjournal.cli.main")
# argparse's own words ("usage:", "options", its errors) are looked up in rutjournal's catalog, which carries
# them (packaging/catalogs.py): Python ships no translation of them. In English they are argparse's as ever.
vars(argparse).update(_=_, ngettext=ngettext)
# The modules of rutjournal.cli that add commands and reports, with the commands and reports each adds. A
# command line imports only the module its command needs (``rutjournal add``: ``cli/journal.py``); help, and a
# command nobody knows, build them all. tests/cli/test_cli_parser.py checks each module adds exactly these.
SECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "load": (("task",), ("load",)),
    "grow": (("target", "gap", "goal", "milestone", "evidence", "challenge"), ("grow",)),
    "guidance": (("conversation", "followup", "promotion"), ()),
    "reports": ((), ("promotion-case", "brief")),
    "trends": (("plot",), ("trends",)),
    "crossroads": (("checkin", "application"), ("crossroads",)),
    "backups": (("backup", "backups", "restore"), ()),
    "export": (("export",), ()),
    "imports": (("import",), ()),
    "passphrase": (("passphrase",), ()),
    "journal": (("add", "show", "search"), ()),
    "sync": (("sync",), ()),
}  # each module: add_parsers(), COMMANDS, REPORTS
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace, AppPaths], int]


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # TRANSLATORS: {prog} is the command typed ("rutjournal add"), {message} what argparse found wrong
        raise UsageError(_("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message))

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every argument added, only to check its metavar, and sizes it with
        # shutil (which imports zlib, bz2 and lzma); the width is worked out here the way shutil does it.
        formatter_class = cast("type[argparse.HelpFormatter]", self.formatter_class)
        return formatter_class(prog=self.prog, width=_terminal_width() - 2)


def _terminal_width() -> int:
    """The width help is wrapped to: $COLUMNS, else the terminal's, else 80 (``shutil.get_terminal_size``)."""
    import os

    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
        return 80


def sections_for(argv: Sequence[str]) -> list[str]:
    """The section modules a command line needs: none for the window, the one
    owning its command (or its report), or every one when it asks for help or names a command or report no
    module adds (so that argparse can list them all)."""
    words = iter(argv)
    found: list[str] = []
    for word in words:
        if word in ("-h", "--help"):
            return list(SECTIONS)
        if word in ("--data-dir", "--lang"):
            next(words, None)
            continue
        if word.startswith("-"):
            continue
        found.append(word)
        if found[0] != "report" or len(found) == 2:
            break
    if not found:
        return []  # the window
    for name, (commands, reports) in SECTIONS.items():
        if found[0] in commands or (found[0] == "report" and found[1:] and found[1] in reports):
            return [name]
    return list(SECTIONS)


def section_module(name: str) -> ModuleType:
    return importlib.import_module(f"rutjournal.cli.{name}")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (every command when None): the main commands, and the sections it needs."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("use the journal in PATH (default: $RUTJOURNAL_DATA_DIR, else your data folder)"),
    )
    common.add_argument(
        "--lang",
        choices=tuple(LANGUAGES),
        default=argparse.SUPPRESS,
        help=_("the language to write in: en, de or fr (default: Settings, else the system's language)"),
    )
    parser = _Parser(
        prog="rutjournal",
        parents=[common],
        description=_(
            "A private journal to get your career out of a rut. Without a command, opens the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"rutjournal {__version__}",
        help=_("show program's version number and exit"),  # argparse's words: its default is not looked up
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("use the demo journal (made-up data in a folder of its own, built the first time)"),
    )
    parser.add_argument(
        "--reset-demo", action="store_true", help=_("with --demo: build the demo journal again from scratch")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = sub.add_parser(
        "report", parents=[common], help=_("reports: load, grow, promotion-case, brief, …")
    )
    reports = report.add_subparsers(
        dest="report_command", metavar="REPORT", required=True, parser_class=_Parser
    )
    for name in list(SECTIONS) if argv is None else sections_for(argv):
        section_module(name).add_parsers(sub, common, reports)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser(argv)
    args = parser.parse_args(list(argv))
    from rutjournal.cli.text import check_text_arguments

    try:
        check_text_arguments(parser, args)
    except InvalidInput as exc:
        raise UsageError(
            f"rutjournal {args.command}: {exc}" if args.command else f"rutjournal: {exc}"
        ) from None
    if getattr(args, "data_dir", None) is not None and not args.data_dir.strip():
        raise UsageError(_("rutjournal: --data-dir: must be a folder's path (got an empty one)"))
    if args.demo and getattr(args, "data_dir", None):
        raise UsageError(_("rutjournal: --demo has a folder of its own; leave out --data-dir"))
    if args.reset_demo and not args.demo:
        raise UsageError(_("rutjournal: --reset-demo goes with --demo"))
    return args


def demo_folder(args: argparse.Namespace) -> str | None:
    """The demo's data folder, built if need be, when ``--demo`` was given (None otherwise)."""
    if not args.demo:
        return None
    from rutjournal.core.demo import ensure_demo
    from rutjournal.core.paths import demo_data_dir

    folder = demo_data_dir()
    ensure_demo(folder, reset=args.reset_demo)
    return str(folder)


def run(args: argparse.Namespace, started: Callable[[], None] | None = None) -> int:
    """Run a subcommand; every failure becomes one line on stderr and an exit status. ``started`` is called
    just before the command's own work (``__main__.console`` lets the cycle collector run again then)."""
    paths = resolve_paths(getattr(args, "data_dir", None))
    from rutjournal.core.logsetup import QUIET, setup_logging

    setup_logging(lambda: paths.log_file, stderr_level=QUIET)  # the log folder is looked up if a record comes
    if args.demo:
        try:
            paths = resolve_paths(demo_folder(args))
        except RutjournalError as exc:
            print(f"rutjournal: {exc}", file=sys.stderr)
            return EXIT_FAILED
    from rutjournal.core.storage.cipher import PassphraseNeeded, WrongPassphrase
    from rutjournal.core.transfer.exporters.leftovers import remove_abandoned_exports

    # A killed export's partial files go first (a failed directory listing when there are none).
    remove_abandoned_exports(paths.data_dir)
    # A file name that is not UTF-8 is printed escaped, rather than failing once the work is done.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    try:
        handler = _handler(args.command)
        if args.command != "passphrase":
            cli_passphrase.unlock(paths)  # an encrypted journal: its passphrase first (nothing else asks)
            _tell_what_happened_before(paths)
        if started is not None:
            started()
        return handler(args, paths)
    except BrokenPipeError:
        # The reader stopped early (`rutjournal search x | head`): what was asked is done; say nothing more.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except (InvalidInput, SearchSyntaxError, PassphraseNeeded, WrongPassphrase) as exc:
        print(f"rutjournal {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RutjournalError as exc:
        log.error("%s failed: %s", args.command, exc)
        if isinstance(exc, DamagedDatabase) and "rutjournal restore" not in str(exc):
            # TRANSLATORS: {command} is the command typed ("add"), {problem} what went wrong, {log} the log file
            said = _(
                "rutjournal {command}: {problem}; to recover: rutjournal backups, then rutjournal restore N "
                "(log: {log})"
            )
        else:
            # TRANSLATORS: {command} is the command typed ("add"), {problem} what went wrong, {log} the log file
            said = _("rutjournal {command}: {problem} (log: {log})")
        print(said.format(command=args.command, problem=exc, log=paths.log_file), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        log.exception("%s failed", args.command)
        from rutjournal.core.failures import plain_failure
        from rutjournal.core.storage.connect import damaged, first_line, is_damage

        plain = plain_failure(exc, paths.database)  # a full or read-only disk: the machine, not a bug
        if plain is not None:
            message = plain
        elif is_damage(exc):
            message = str(damaged(paths.database, exc))
        else:
            message = _("unexpected error: {problem}").format(problem=first_line(exc))
        # TRANSLATORS: {command} is the command typed ("add"), {problem} what went wrong, {log} the log file
        said = _("rutjournal {command}: {problem} (details in {log})")
        print(said.format(command=args.command, problem=message, log=paths.log_file), file=sys.stderr)
        return EXIT_FAILED


def _tell_what_happened_before(paths: AppPaths) -> None:
    """Say on stderr what an earlier, interrupted run left (and finish it where it can be finished), and
    that the journal is known to be damaged. A stat or two when there is nothing to say."""
    from rutjournal.core.storage.damage_record import read_damage
    from rutjournal.core.storage.encryption import finish_interrupted

    for line in finish_interrupted(paths.database, paths.backup_dir):
        print(f"rutjournal: {line}", file=sys.stderr)
    damage = read_damage(paths.database)
    if damage is not None:
        print(
            _("rutjournal: warning: {problem}").format(problem=damage.sentence(paths.database)),
            file=sys.stderr,
        )


def _handler(command: str) -> Handler:
    if command == "report":
        return _report
    name = next(name for name, (commands, _reports) in SECTIONS.items() if command in commands)
    handler: Handler = section_module(name).COMMANDS[command]
    return handler


def _report(args: argparse.Namespace, paths: AppPaths) -> int:
    name = next(name for name, (_commands, reports) in SECTIONS.items() if args.report_command in reports)
    handler: Handler = section_module(name).REPORTS[args.report_command]
    return handler(args, paths)
