"""The check every command's arguments get before anything runs: text must be real text.

Bytes that are not UTF-8 reach Python's ``sys.argv`` as lone surrogates (``\\udcff`` for ``0xff``), which SQLite
cannot store and a terminal cannot show. A path is exempt: a file name may hold any bytes, and Python hands the
same bytes back to the system.
"""

from __future__ import annotations

import argparse

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _

PATH_DESTS = frozenset({"data_dir", "out", "source", "backup"})


def check_text_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """InvalidInput naming the first argument of the chosen command whose text is not UTF-8."""
    names = _field_names(parser, args)
    for dest, value in vars(args).items():
        if dest in PATH_DESTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not is_utf8(text):
                raise InvalidInput(names.get(dest, dest), _("UTF-8 text (it holds bytes that are not)"))


def is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _field_names(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """dest -> what the user typed it as (``--asked-of``, ``TEXT``), along the subcommands chosen."""
    names: dict[str, str] = {}
    current: argparse.ArgumentParser | None = parser
    while current is not None:
        chosen: argparse.ArgumentParser | None = None
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                picked = getattr(args, action.dest, None)
                chosen = action.choices.get(picked) if isinstance(picked, str) else None
                names.setdefault(
                    action.dest, action.metavar if isinstance(action.metavar, str) else "COMMAND"
                )
            elif action.option_strings:
                names[action.dest] = max(action.option_strings, key=len)
            else:
                names[action.dest] = (
                    action.metavar if isinstance(action.metavar, str) else action.dest.upper()
                )
        current = chosen
    return names


def json_text(value: object) -> str:
    """``value`` as one line of JSON, as ``--json`` prints it; json is imported only when it is asked for."""
    import json

    return json.dumps(value, ensure_ascii=False)
