"""The command line speaks the language asked for: --lang, else Settings, else the system's; --json never."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.__main__ import asked_language, window_options
from rutjournal.core.paths import settings_path, user_config_dir
from rutjournal.core.settings import change_setting


def rutjournal(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "rutjournal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_lang_on_the_command_line_comes_first(tmp_path: Path) -> None:
    change_setting(settings_path(), "language", "fr")
    said = rutjournal(tmp_path, "--lang", "de", "add", "--mood", "4", "Ein Tag", env={"LANGUAGE": "en"})
    assert said.returncode == 0, said.stderr
    assert said.stdout.strip().endswith(": ergänzt (Eintrag 1, neu)")


def test_settings_come_before_the_system(tmp_path: Path) -> None:
    change_setting(settings_path(), "language", "fr")
    said = rutjournal(tmp_path, "add", "--mood", "9", "x", env={"LANGUAGE": "de"})
    assert (said.returncode, said.stdout) == (2, "")
    assert "mood" in said.stderr and "(valeur donnée : 9)" in said.stderr.replace("\u202f", " ").replace(
        "\xa0", " "
    )


def test_the_system_language_without_a_setting(tmp_path: Path) -> None:
    said = rutjournal(tmp_path, "add", "--mood", "9", "x", env={"LANGUAGE": "de_AT:en"})
    assert said.returncode == 2
    assert "erwartet wird" in said.stderr


def test_json_stays_language_neutral(tmp_path: Path) -> None:
    assert rutjournal(tmp_path, "add", "--mood", "4", "--hours", "7.5", "a day").returncode == 0
    english = json.loads(rutjournal(tmp_path, "show", "today", "--json").stdout)
    german = json.loads(rutjournal(tmp_path, "--lang", "de", "show", "today", "--json").stdout)
    assert german == english
    assert german["hours"] == 7.5


def test_an_unknown_language_is_bad_usage(tmp_path: Path) -> None:
    said = rutjournal(tmp_path, "--lang", "xx", "show", "today")
    assert said.returncode == 2
    assert "--lang" in said.stderr and "'de'" in said.stderr


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        (["--lang", "de", "add", "x"], "de"),
        (["add", "--lang=fr", "x"], "fr"),
        (["--lang", "xx"], None),
        (["add", "--", "--lang", "de"], None),  # journal text, not an option
        (["add", "x"], None),
    ],
)
def test_asked_language(words: list[str], asked: str | None) -> None:
    assert asked_language(words) == asked


def test_the_window_takes_lang_too() -> None:
    assert window_options(["--lang", "fr", "--data-dir", "/tmp/x"]) == {"lang": "fr", "data_dir": "/tmp/x"}
    assert window_options(["--lang", "xx"]) is None  # the parser says what is wrong


def test_the_settings_folder_is_platformdirs_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """On Linux the folder is worked out without importing platformdirs, by platformdirs' own rule."""
    import platformdirs

    for value in (str(tmp_path / "xdg"), "", "   "):
        monkeypatch.setenv("XDG_CONFIG_HOME", value)
        assert user_config_dir() == Path(platformdirs.user_config_dir("rutjournal", appauthor=False))
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert user_config_dir() == Path(platformdirs.user_config_dir("rutjournal", appauthor=False))


@pytest.mark.parametrize(
    ("written", "language"),
    [
        ('{\n  "language": "de"\n}\n', "de"),
        ('{"theme": "dark", "language" :  "FR"}', "fr"),
        ('{"language": "pt"}', "system"),  # not a language rutjournal speaks: load_settings keeps the default
        ('{"theme": "dark"}', "system"),
        ("not json at all", "system"),
    ],
)
def test_the_stored_language_reads_as_load_settings_reads_it(written: str, language: str) -> None:
    from rutjournal.core.language import stored_language
    from rutjournal.core.settings import load_settings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(written, encoding="utf-8")
    assert stored_language() == language == load_settings(path).language
    change_setting(path, "language", "fr")
    assert stored_language() == "fr"
