"""Under a pseudo-translation every word the window shows has come through the catalog.

``i18n.use_pseudo()`` wraps every catalog string in ⟦ ⟧; the demo journal fills every section. A visible text
that still holds a word of English outside the markers (and outside what the journal holds) was never marked
for translation, and the failure names the section or dialog, the widget and the text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from rutjournal.core import i18n
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.section_stack import KEYS
from tests.pseudo import JournalText, pseudo_demo
from tests.ui.pseudo_walk import shown_texts


def problems_in(window: QWidget, journal: JournalText, label: str) -> list[str]:
    found: list[str] = []
    for place, text in shown_texts(window):
        found += journal.problem(f"{label}: {place}", text, journal.unmarked(text))
    return found


def failures(problems: list[str]) -> str:
    return f"{len(problems)} texts not through the catalog:\n" + "\n".join(sorted(set(problems))[:150])


@pytest.fixture
def journal(data_dir: Path) -> JournalText:
    database = pseudo_demo(data_dir)
    i18n.use_pseudo()
    return JournalText(database, str(data_dir))


@pytest.fixture
def window(make_window, journal: JournalText) -> MainWindow:  # type: ignore[no-untyped-def]
    shown: MainWindow = make_window()
    shown.resize(1280, 800)
    return shown


def test_every_section(qtbot, window: MainWindow, journal: JournalText) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for key in KEYS:
        window.show_section(key)
        qtbot.wait(400)  # a section fills itself when first shown; Trends draws after that
        QApplication.processEvents()
        problems += problems_in(window, journal, key)
    assert not problems, failures(problems)


def dialogs(window: MainWindow) -> dict[str, Callable[[], QDialog]]:
    """Every dialog of the window, built as the window builds it."""
    from rutjournal.core.load.service import Load
    from rutjournal.core.storage.backups import list_backups
    from rutjournal.ui.care.passphrase_dialog import PassphraseDialog
    from rutjournal.ui.care.passphrase_settings_dialog import PassphraseSettingsDialog
    from rutjournal.ui.care.recovery_dialog import RecoveryDialog
    from rutjournal.ui.care.restore_dialog import RestoreDialog
    from rutjournal.ui.journal.tags_dialog import TagsDialog
    from rutjournal.ui.load.brain_dump_dialog import BrainDumpDialog
    from rutjournal.ui.shell.about_dialog import AboutDialog
    from rutjournal.ui.shell.settings_dialog import SettingsDialog
    from rutjournal.ui.shell.shortcut_sheet import ShortcutSheet, shortcut_rows
    from rutjournal.ui.shell.welcome_dialog import WelcomeDialog
    from rutjournal.ui.transfer.export_dialog import ExportDialog
    from rutjournal.ui.transfer.import_dialog import ImportDialog

    paths, db = window.paths, window.db
    assert db is not None and window.journal_view.journal is not None
    window.care.back_up_now()
    backups = list_backups(paths.backup_dir)
    return {
        "Settings": lambda: SettingsDialog(window),
        "About": lambda: AboutDialog(paths, window),
        "Tags": lambda: TagsDialog(window.journal_view.journal, window),  # type: ignore[arg-type]
        "Brain dump": lambda: BrainDumpDialog(Load(db), window),
        "Welcome": lambda: WelcomeDialog(paths.database, window),
        "Import": lambda: ImportDialog(db, lambda: True, window),
        "Export": lambda: ExportDialog(db, paths.database, lambda: True, window),
        "Passphrase (set)": lambda: PassphraseSettingsDialog(False, window),
        "Passphrase (change)": lambda: PassphraseSettingsDialog(True, window),
        "Passphrase asked": lambda: PassphraseDialog(paths.database, window),
        "Restore": lambda: RestoreDialog(backups, paths.database, window),
        "Recovery": lambda: RecoveryDialog(
            paths.database, "database disk image is malformed", backups, window
        ),
        "Keyboard shortcuts": lambda: ShortcutSheet(shortcut_rows(window), window),
    }


def test_every_dialog(qtbot, window: MainWindow, journal: JournalText) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for name, make in dialogs(window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(100)
        problems += problems_in(dialog, journal, name)
        dialog.close()
    assert not problems, failures(problems)


FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
IMPORTS = [
    "jrnl/export.json",
    "daylio/daylio_custom_moods.csv",  # its own mood labels, waiting for a score
    "csv/journal.csv",  # the column mapping
    "taskwarrior/export.json",
    "dayone/dayone-export.zip",
    "rednotebook/data",
]


def test_every_step_of_an_import(qtbot, window: MainWindow, journal: JournalText, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The import dialog's preview of each kind of file, a file it cannot read, and the words after an import."""
    import re

    from rutjournal.ui.transfer.import_dialog import ImportDialog

    assert window.db is not None
    garbage = tmp_path / "random.bin"
    garbage.write_bytes(bytes(range(256)) * 8)
    problems: list[str] = []
    for source in [*(FIXTURES / name for name in IMPORTS), garbage]:
        dialog = ImportDialog(window.db, lambda: True, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.set_source(source)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.busy(), timeout=10000)
        # What the file itself holds (its column names, its mood labels, its text) is its data, not ours.
        held = source.read_bytes() if source.is_file() else b""
        words = set(re.findall(r"[^\W\d_]{2,}", held.decode("utf-8", "ignore").lower()))
        journal.words = journal.words | words
        assert dialog.summary.text() or dialog.status.text(), source
        problems += problems_in(dialog, journal, f"import {source.name}")
        dialog.close()
    assert not problems, failures(problems)
