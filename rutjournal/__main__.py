"""Entry point: the command line for subcommands, the window otherwise (Qt is imported only for the window)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from rutjournal.core.storage.private_files import private_by_default

    private_by_default()  # the journal, backups, logs, settings and exports are the user's alone
    from rutjournal.cli.main import EXIT_USAGE, UsageError, parse_args, run

    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if args.command:
        return run(args)
    from rutjournal.ui.app import run_gui

    return run_gui(getattr(args, "data_dir", None), demo=args.demo, reset_demo=args.reset_demo)


if __name__ == "__main__":
    sys.exit(main())
