"""Finding words on screen or in a command's output that never went through the catalog.

Under ``i18n.use_pseudo()`` every string looked up in the catalog comes back inside ⟦ ⟧. What is left of a
visible text once those parts, markup, numbers and the journal's own words (what the user wrote: entries, task
names, tags…) are taken out must be nothing: any other word was written in English and never translated.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from rutjournal.core.calendar_words import MONTHS, WEEKDAYS

_MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
_TAG = re.compile(r"<[^<>]*>|&[a-z]+;|&#\d+;")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LINK = re.compile(r"\b(?:https?|file)://\S+")
# A file's path or name: what the machine calls it, in no language.
_PATH = re.compile(
    r"(?:~|\.)?(?:/[\w.@+-]+)+/?|\b[\w.-]+\.(?:sqlite3|json|log|md|pdf|csv|txt|ini|png|svg|zip)\b"
)

# Words that are names, not English: they read the same in every language.
NAMES = frozenset(
    word.lower()
    for word in [
        "rutjournal",
        "jrnl",
        "RedNotebook",
        "Taskwarrior",
        "Markdown",
        "PDF",
        "CSV",
        "JSON",
        "YAML",
        "ZIP",
        "SQLite",
        "SQLCipher",
        "Qt",
        "PySide",
        "matplotlib",
        "English",
        "Deutsch",
        "Français",
        "Day",
        "One",
        "Daylio",
        "HR",
        "UTC",
        "GitHub",
        "Syncthing",
        "Nextcloud",
        "Dropbox",
        "iCloud",
        "SVG",
        "PNG",
        "Ctrl",
        "Shift",
        "Alt",
        "Meta",
        "Esc",
        "Del",
        "Ins",
        "PgUp",
        "PgDown",
        "Home",
        "End",
        "Tab",
        "Return",
        "Enter",
        "Backspace",
        "Space",
        "Left",
        "Right",
        "Up",
        "Down",
        "md",
        "txt",
        "json",
        "csv",
        "pdf",
        "png",
        "svg",
        "zip",
        "db",
        "sqlite",
        "log",
        "ini",
    ]
)
# English month and day names, whole and cut to three letters ("Sept" too) and, for the calendar's header, two:
# numbers and dates come from core/text.py (core/calendar_words.py in English), not from the catalog.
CALENDAR = frozenset(
    {name.lower() for name in (*MONTHS, *WEEKDAYS)}
    | {name[:3].lower() for name in (*MONTHS, *WEEKDAYS)}
    | {name[:2].lower() for name in WEEKDAYS}
    | {"sept"}
)


LOREM = [
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "eiusmod",
    "tempor",
    "incididunt",
    "labore",
    "dolore",
    "magna",
    "aliqua",
    "enim",
    "minim",
    "veniam",
    "quis",
    "nostrud",
    "exercitation",
    "ullamco",
    "laboris",
    "nisi",
    "aliquip",
    "commodo",
    "consequat",
]
_CODE = re.compile(r"[a-z_]+")  # a stored code ("delegate", "meeting"): shown through its label, never as is


def pseudo_demo(data_dir: Path) -> Path:
    """The demo journal, its entries rewritten in lorem ipsum: the entries are the only long free text, and
    in words no sentence of the app uses, they cannot hide an English word the catalog missed."""
    from rutjournal.core.demo import ensure_demo
    from rutjournal.core.paths import resolve_paths

    ensure_demo(data_dir)
    database = resolve_paths(data_dir).database
    connection = sqlite3.connect(database)
    try:
        with connection:
            for (entry,) in connection.execute("SELECT id FROM entries").fetchall():
                words = [LOREM[(entry * 7 + n * 3) % len(LOREM)] for n in range(12 + entry % 20)]
                connection.execute(
                    "UPDATE entries SET body = ? WHERE id = ?", (" ".join(words).capitalize() + ".", entry)
                )
    finally:
        connection.close()
    return database


class JournalText:
    """What the journal holds, to tell from the app's own words: its stored texts (task names, goals,
    people, tags…) are taken out of a shown text whole; the entries' words (lorem ipsum) one by one."""

    def __init__(self, database: Path, *more: str) -> None:
        values: set[str] = set(more)
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            tables = [
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            for table in tables:
                if table == "entries" or table.startswith(("entry_search", "sqlite_", "alembic")):
                    continue
                for row in connection.execute(f'SELECT * FROM "{table}"'):
                    for value in row:
                        if (
                            isinstance(value, str)
                            and len(value) > 1
                            and (table == "tags" or not _CODE.fullmatch(value))
                        ):
                            values.add(value)
                            values.update(
                                line.strip() for line in value.splitlines() if len(line.strip()) > 1
                            )
        finally:
            connection.close()
        from rutjournal.core.crossroads.questions import load_questions
        from rutjournal.core.journal.prompts import all_prompts

        # The prompts and questions come from a file per language (resources/locale/<language>/), not the catalog.
        values.update(p.text for p in all_prompts())
        values.update(text for q in load_questions() for text in (q.text, q.anchors, q.key))
        self.values = sorted(values, key=len, reverse=True)
        self._values = re.compile("|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in self.values))
        self.words = frozenset(LOREM)

    def unmarked(self, text: str) -> list[str]:
        return unmarked(self.without_data(text), self.words)

    def problem(self, label: str, text: str, left: list[str]) -> list[str]:
        """One line for a failing test: where, what was shown, and the words not through the catalog."""
        if not left:
            return []
        return [f"{label}: {text.strip()[:150]!r} (not through the catalog: {', '.join(left[:6])})"]

    def without_data(self, text: str) -> str:
        """``text`` with what the journal holds taken out (whole words only: "win" is not taken out of
        "--window")."""
        text = _PATH.sub(" ", self._values.sub(" ", text))
        for cell in re.findall(r"[^\t⟦⟧ ]+(?: [^\t⟦⟧ ]+)*…", text):  # a stored text cut short to fit a column
            start = cell.rstrip("…").strip()
            if len(start) > 3 and any(value.startswith(start) for value in self.values):
                text = text.replace(cell, " ")
        return re.sub(r"#[\w-]+", " ", text)  # a tag as the journal writes it


def unmarked(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` that went through no catalog lookup (empty when every word did)."""
    text = _LINK.sub(" ", _TAG.sub(" ", text))
    while True:  # innermost first: a marked sentence may hold a marked label
        stripped = _MARKED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return [
        word
        for word in _WORD.findall(text)
        if word.lower() not in allowed and word.lower() not in NAMES and word.lower() not in CALENDAR
    ]
