"""The user's language: which one is chosen, its catalog, and its numbers and dates (CLDR's, through Babel)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rutjournal.core import i18n, text

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    i18n.use_language("en")


@pytest.mark.parametrize(
    ("asked", "setting", "environment", "chosen"),
    [
        ("de", "fr", {"LANG": "en_US.UTF-8"}, "de"),  # --lang first
        (None, "fr", {"LANG": "de_DE.UTF-8"}, "fr"),  # then Settings
        (None, "system", {"LANG": "de_DE.UTF-8"}, "de"),  # then the system's
        (None, "system", {"LANGUAGE": "pt_BR:fr:en", "LANG": "de_DE.UTF-8"}, "fr"),  # its list, in order
        (None, "system", {"LC_ALL": "fr_CH.UTF-8", "LANG": "de_DE.UTF-8"}, "fr"),
        (None, "system", {"LANG": "C.UTF-8"}, "en"),
        (None, "system", {"LANG": "ja_JP.UTF-8"}, "en"),  # a language not shipped: English
        (None, "system", {}, "en"),
        ("de-AT", "system", {}, "de"),
    ],
)
def test_the_language_comes_from_the_command_line_then_settings_then_the_system(
    asked: str | None, setting: str, environment: dict[str, str], chosen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.language_of(asked, setting) == chosen


def test_numbers_and_dates_take_each_languages_own_form() -> None:
    written = {}
    for language in ("en", "de", "fr"):
        i18n.use_language(language)
        written[language] = (
            text.day(DAY),
            text.long_day(DAY),
            text.short_day(DAY, DAY),
            text.short_day(DAY, dt.date(2027, 1, 1)),
            text.month(DAY),
            text.hours(7.5),
            text.percent(1 / 3),
            text.whole(12345),
        )
    assert written["en"] == (
        "Thu 3 Dec 2026",
        "Thursday 3 December 2026",
        "3 Dec",
        "3 Dec 2026",
        "December 2026",
        "7.5 h",
        "33 %",
        "12,345",
    )
    assert written["de"] == (
        "Do., 3. Dez. 2026",
        "Donnerstag, 3. Dezember 2026",
        "3. Dez.",
        "3. Dez. 2026",
        "Dezember 2026",
        "7,5 h",
        "33\N{NO-BREAK SPACE}%",
        "12.345",
    )
    assert written["fr"] == (
        "jeu. 3 déc. 2026",
        "jeudi 3 décembre 2026",
        "3 déc.",
        "3 déc. 2026",
        "décembre 2026",
        "7,5 h",
        "33\N{NO-BREAK SPACE}%",
        "12\N{NARROW NO-BREAK SPACE}345",
    )


def test_english_reads_no_catalog_and_a_language_it_does_not_speak_is_refused() -> None:
    i18n.use_language("en")
    assert (i18n.language(), i18n.formats()) == ("en", {})
    assert i18n.ngettext("{n} gap", "{n} gaps", 2) == "{n} gaps"
    with pytest.raises(ValueError, match="'pt'"):
        i18n.use_language("pt")


def test_every_catalog_is_built_from_the_code_as_it_is() -> None:
    # The template holds every marked string, each language's .po every one of them, the .mo what the .po
    # says, and formats.json CLDR's forms: packaging/catalogs.py --check fails naming a file that is not so.
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _fields(text: str) -> set[str]:
    """The placeholders of a message: {name} for .format, %(name)s and %s for argparse's own."""
    return set(re.findall(r"\{(\w*)[^{}]*\}", text)) | set(re.findall(r"%\((\w+)\)\w|%[sdr]", text))


@pytest.mark.parametrize("language", [code for code in i18n.LANGUAGES if code != i18n.SOURCE])
def test_a_translation_keeps_every_placeholder_of_its_english(language: str) -> None:
    # Checked for the entries translated so far (the catalogs are being translated): a translation that
    # drops, adds or renames a placeholder would print the wrong thing or fail in .format.
    from babel.messages.pofile import read_po

    path = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / "rutjournal.po"
    with path.open("rb") as file:
        catalog = read_po(file, locale=language)
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(text) for text in english))
        for said in translated:
            if said and not _fields(said) <= wanted | {"count"}:
                wrong.append((english[0], said))
            if said and len(english) == 1 and _fields(said) != wanted:
                wrong.append((english[0], said))
    assert wrong == []


@pytest.mark.parametrize("language", [code for code in i18n.LANGUAGES if code != i18n.SOURCE])
def test_every_catalog_is_complete(language: str) -> None:
    """A language is shipped whole: every entry translated (every plural form), none fuzzy, and Babel's own
    checks (placeholders of python-format entries, plural counts) find nothing."""
    from babel.messages.pofile import read_po

    path = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / "rutjournal.po"
    with path.open("rb") as file:
        catalog = read_po(file, locale=language)
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if (len(forms) < catalog.num_plurals and isinstance(message.id, tuple)) or not all(forms):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert (untranslated[:10], len(untranslated)) == ([], 0)
    assert fuzzy == []
    assert [(message.id, errors) for message, errors in catalog.check()] == []


@pytest.mark.parametrize(
    ("language", "label", "inside"),
    [
        ("en", "Room to advance", "room to advance"),
        ("fr", "Marge de progression", "marge de progression"),
        ("de", "Raum für Aufstieg", "Raum für Aufstieg"),  # German nouns keep their capital
    ],
)
def test_a_label_inside_a_sentence(language: str, label: str, inside: str) -> None:
    i18n.use_language(language)
    assert text.in_sentence(label) == inside
