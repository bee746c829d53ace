"""Every test runs headless and in its own temporary home: the real user data is never touched."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point HOME, every XDG directory and the data-dir variable at a fresh temporary folder; no passphrase."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    os.chmod(home / "run", 0o700)
    monkeypatch.setenv("RUTJOURNAL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RUTJOURNAL_PASSPHRASE", raising=False)
    monkeypatch.setenv(
        "LANGUAGE", "en"
    )  # the tests read English, whatever the machine speaks (it comes first)
    from rutjournal.core.storage import cipher

    cipher.forget()  # passphrases live in the process: none may carry over from another test
    yield home
    cipher.forget()
    from rutjournal.core import i18n

    if i18n.language() != i18n.SOURCE or i18n._catalog is not None:  # a test spoke German, French or pseudo
        i18n.use_language(i18n.SOURCE)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path):  # type: ignore[no-untyped-def]
    from rutjournal.core.storage.db import open_database

    database = open_database(data_dir / "journal.sqlite3")
    yield database
    database.close()


@pytest.fixture
def journal(db):  # type: ignore[no-untyped-def]
    from rutjournal.core.journal.service import Journal

    return Journal(db)


@pytest.fixture
def journal_with(data_dir: Path) -> Callable[..., Path]:
    """``journal_with(entries=[(day, text, scores, tags), ...])`` makes the test's journal holding them, written
    through the journal service (as the window writes) and closed again; scores and tags may be left off.
    Returns the journal's path. Seeding through commands would cost a command, once a process, per entry."""

    def make(*, entries: Iterable[tuple[Any, ...]] = ()) -> Path:
        from rutjournal.core.journal.service import Journal
        from rutjournal.core.storage.db import open_database
        from rutjournal.core.values import Scores

        path = data_dir / "journal.sqlite3"
        database = open_database(path)
        try:
            journal = Journal(database)
            for day, text, *rest in entries:
                scores: Scores = rest[0] if rest else Scores()
                tags: Sequence[str] = rest[1] if len(rest) > 1 else ()
                journal.save(day, text, scores, tags)
        finally:
            database.close()
        return path

    return make
