"""Entry point: the command line for subcommands, the window otherwise (Qt is imported only for the window)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence


def _nothing() -> None:
    pass


def main(argv: Sequence[str] | None = None, started: Callable[[], None] = _nothing) -> int:
    """The command line ``argv`` (``sys.argv``'s when None) run; ``started`` is called once its start is over
    (imports, parsing, opening), just before the command's own work or the window."""
    from rutjournal.core.storage.private_files import private_by_default

    private_by_default()  # the journal, backups, logs, settings and exports are the user's alone
    words = list(sys.argv[1:] if argv is None else argv)
    from rutjournal.core.i18n import start_in
    from rutjournal.core.language import settled_language

    start_in(settled_language(asked_language(words)))  # before any word is written, help and errors included
    window = window_options(words)
    if window is not None:  # the window alone: its start needs none of the command line's parser
        from rutjournal.ui.font_warmup import start

        started()
        start()  # fontconfig loads on the other core while Qt is imported
        from rutjournal.ui.app import run_gui

        return run_gui(window.get("data_dir"), demo="demo" in window, reset_demo="reset_demo" in window)
    from rutjournal.cli.main import EXIT_USAGE, UsageError, parse_args, run

    try:
        args = parse_args(words)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if args.command:
        return run(args, started)
    started()
    from rutjournal.ui.app import run_gui

    return run_gui(getattr(args, "data_dir", None), demo=args.demo, reset_demo=args.reset_demo)


def asked_language(words: list[str]) -> str | None:
    """The language ``--lang`` names (``--lang de``, ``--lang=de``), if it names one rutjournal speaks; the
    parser says what is wrong with any other. Nothing after ``--`` is an option."""
    from rutjournal.core.i18n import LANGUAGES

    rest = iter(words)
    for word in rest:
        if word == "--":
            break
        name, given, value = word.partition("=")
        if name == "--lang":
            value = value if given else next(rest, "")
            return value if value in LANGUAGES else None
    return None


def window_options(words: list[str]) -> dict[str, str] | None:
    """The options of a command line that only opens the window (``--data-dir PATH``, ``--lang L``,
    ``--demo``, ``--reset-demo``, each once, well formed), or None: then the parser reads it, and says what is
    wrong."""
    from rutjournal.core.i18n import LANGUAGES

    found: dict[str, str] = {}
    rest = iter(words)
    for word in rest:
        name, given, value = word.partition("=")
        if name in ("--data-dir", "--lang") and name[2:].replace("-", "_") not in found:
            value = value if given else next(rest, "")
            if not value.strip() or value.startswith("-"):
                return None
            if name == "--lang" and value not in LANGUAGES:
                return None
            found[name[2:].replace("-", "_")] = value
        elif word in ("--demo", "--reset-demo") and not given and word[2:].replace("-", "_") not in found:
            found[word[2:].replace("-", "_")] = ""
        else:
            return None
    if ("data_dir" in found and "demo" in found) or ("reset_demo" in found and "demo" not in found):
        return None
    return found


def console() -> None:
    """The ``rutjournal`` program: ``main`` as a process. Python's cycle collector is paused while it starts:
    what the start makes (modules, classes, the parser) lives until the process ends, and the collector only
    walked it, again and again (about 9 M instructions for ``show``, a sixth of rutjournal's own start). Once the
    start is over, those objects are frozen out of the collector's reach (``gc.freeze``) and it runs again for
    the command's own work, or the window's. Once the command has answered, what it made is frozen too, so the
    interpreter's exit does not walk it all one last time for cycles (about 15 M instructions for a list of
    2,000 tasks); their memory goes with the process. Tests call ``main`` in-process instead, where nothing is
    paused or frozen."""
    import gc

    gc.disable()
    code = main(started=_collect_from_now)
    gc.freeze()
    sys.exit(code)


def _collect_from_now() -> None:
    """The start is over: what it made stays out of the collector's walks, which start again."""
    import gc

    gc.freeze()
    gc.enable()


if __name__ == "__main__":
    console()
