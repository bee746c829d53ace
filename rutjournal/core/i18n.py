"""The user's language, for the window, the command line and the reports alike (no Qt here).

Strings are marked where they are written: ``_("…")`` for a sentence shown now, ``N_("…")`` for one kept in a
table and translated where it is shown (``_(name)``), ``ngettext(singular, plural, n)`` for a count, each with
named placeholders (``_("{count} gaps").format(count=…)``) so a translation may put them in its own order.

The catalogs are Python's gettext ``.mo`` files in ``resources/locale/<language>/LC_MESSAGES/``, built with
Babel from the marked strings (``python packaging/catalogs.py``); the numbers and dates of each language (its
decimal sign, its names of months and days) are CLDR's, written out by the same script into
``resources/locale/<language>/formats.json``, so nothing at run time imports Babel. English is the source
language: it needs no catalog, and a command in English opens no file for it.

The language is chosen once per process, before anything is shown (``use_language``): ``--lang`` on the
command line, else the Settings' language, else the environment (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``), else English.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gettext
    from collections.abc import Mapping
    from pathlib import Path

LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français"}  # each in its own words
SOURCE = "en"
DOMAIN = "rutjournal"
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language = SOURCE
_catalog: gettext.GNUTranslations | None = None
_formats: dict[str, Any] = {}


def language_of(asked: str | None = None, setting: str = "system") -> str:
    """The language to use: ``asked`` (``--lang``), else ``setting`` unless it is "system", else the first
    shipped language the environment names, else English. An unknown ``asked`` is English too (the command
    line checks it first)."""
    for wanted in (asked, None if setting == "system" else setting):
        if wanted:
            return _shipped(wanted) or SOURCE
    for name in _ENVIRONMENT:
        value = os.environ.get(name, "")
        if not value:
            continue
        if name == "LANGUAGE":  # a list, in order of preference: "fr_CA:fr:en"
            for item in value.split(":"):
                if found := _shipped(item):
                    return found
            continue
        return _shipped(value) or SOURCE  # the first variable set decides, as for gettext
    return SOURCE


def _shipped(tag: str) -> str | None:
    """The shipped language a locale name means ("de_DE.UTF-8" → "de"), or None."""
    code = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def use_language(language: str) -> None:
    """Translate everything from now on into ``language`` (one of LANGUAGES)."""
    global _language, _catalog, _formats
    if language not in LANGUAGES:
        raise ValueError(f"not a language rutjournal speaks: {language!r}")
    _language, _catalog, _formats = language, None, {}
    if language == SOURCE:
        return
    import gettext
    import json

    from rutjournal.core.resources import resource_path

    folder = resource_path("locale", language)
    with (folder / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        _catalog = gettext.GNUTranslations(file)
    _formats = json.loads((folder / "formats.json").read_text(encoding="utf-8"))


def language() -> str:
    """The language in use ("en", "de" or "fr")."""
    return _language


def _(message: str) -> str:
    """``message`` in the user's language."""
    return message if _catalog is None else _catalog.gettext(message)


def N_(message: str) -> str:
    """``message`` marked for translation but kept as written: it is translated where it is shown."""
    return message


def in_words(table: Mapping[str, str], code: str) -> str:
    """A stored code ("delegate", "skill") in the user's words, from a table of ``N_`` labels; a code the table
    does not know (one a newer version stored) is shown as it is."""
    return _(table[code]) if code in table else code


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase that agrees with ``count`` in the user's language."""
    if _catalog is None:
        return singular if count == 1 else plural
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the user's language where the same English word means two things ("May" the month)."""
    return message if _catalog is None else _catalog.pgettext(context, message)


def formats() -> dict[str, Any]:
    """The language's CLDR symbols and names (see packaging/catalogs.py); empty for English."""
    return _formats


def in_language(name: str) -> Path:
    """A text resource in the language in use: ``resources/locale/<language>/<name>`` when that language has
    its own copy, else the English ``resources/<name>``."""
    from rutjournal.core.resources import resource_path

    if _language != SOURCE:
        try:
            return resource_path("locale", _language, name)
        except FileNotFoundError:
            pass
    return resource_path(name)


def start_in(language: str) -> str:
    """Use ``language`` for the rest of the process; a shipped catalog that cannot be read leaves English
    (the log says why) rather than stopping the app. Returns the language in use."""
    if language == _language and (_catalog is not None or language == SOURCE):
        return language
    try:
        use_language(language)
    except (OSError, ValueError) as exc:  # a damaged or missing catalog file
        from rutjournal.core.logsetup import logger

        logger(__name__).warning("cannot use the %s catalog (%s); speaking English", language, exc)
        use_language(SOURCE)
    return _language


class _Pseudo:
    """A pseudo-translation for tests: every catalog string comes back inside ⟦ ⟧, so a visible string
    without them was never looked up in the catalog."""

    @staticmethod
    def gettext(message: str) -> str:
        return f"⟦{message}⟧"

    @staticmethod
    def ngettext(singular: str, plural: str, count: int) -> str:
        return f"⟦{singular if count == 1 else plural}⟧"

    @staticmethod
    def pgettext(context: str, message: str) -> str:
        return f"⟦{message}⟧"


PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def use_pseudo() -> None:
    """Mark every translated string (English underneath, English numbers and dates): see ``_Pseudo``."""
    global _language, _catalog, _formats
    _language, _catalog, _formats = SOURCE, _Pseudo(), {}  # type: ignore[assignment]
