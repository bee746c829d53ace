"""The language a process speaks, settled once at its start: ``--lang``, else Settings, else the system's."""

from __future__ import annotations

from rutjournal.core.i18n import language_of
from rutjournal.core.paths import settings_path


def settled_language(asked: str | None = None) -> str:
    """The language for this process: ``asked`` (``--lang``), else the Settings file's, else the system's.
    Reading the setting costs a stat when nothing was ever set."""
    path = settings_path()
    setting = "system"
    if path.exists():
        from rutjournal.core.settings import load_settings

        setting = load_settings(path).language
    return language_of(asked, setting)
