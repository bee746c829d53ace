"""The language a process speaks, settled once at its start: ``--lang``, else Settings, else the system's."""

from __future__ import annotations

import re

from rutjournal.core.i18n import LANGUAGES, language_of
from rutjournal.core.paths import settings_path

# The one setting every command needs, read without json and core.settings (a tenth of a command's own cost):
# settings.json is flat, written by core/settings.py; a value that is not a language reads as "system", as
# load_settings would make it.
_LANGUAGE = re.compile(r'"language"\s*:\s*"([^"\\]*)"')


def settled_language(asked: str | None = None) -> str:
    """The language for this process: ``asked`` (``--lang``), else the Settings file's, else the system's.
    Reading the setting costs a stat when nothing was ever set."""
    return language_of(asked, stored_language())


def stored_language() -> str:
    """The language Settings names ("system" when none, or when the file cannot be read)."""
    try:
        found = _LANGUAGE.search(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):  # no settings file (the usual case), or one that cannot be read
        return "system"
    value = found.group(1).strip().lower() if found else ""
    return value if value in LANGUAGES else "system"
