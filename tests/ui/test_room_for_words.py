"""German and French are longer than English: every section and dialog at 1280 × 800 gives their words room.

A label that does not wrap, a button, a check box or a tab that gets less width than its text needs has its
end cut off; in each shipped language, on the demo journal, none may.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from rutjournal.core import i18n
from rutjournal.core.demo import ensure_demo
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.section_stack import KEYS
from tests.ui.layout_checks import cut_short
from tests.ui.test_pseudo_locale import dialogs


@pytest.fixture(params=list(i18n.LANGUAGES))
def window(request, make_window, data_dir: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    ensure_demo(data_dir)
    i18n.use_language(request.param)
    shown: MainWindow = make_window()
    shown.resize(1280, 800)
    return shown


def test_every_section_gives_its_words_room(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    cut: list[str] = []
    for key in KEYS:
        window.show_section(key)
        qtbot.wait(300)
        QApplication.processEvents()
        cut += [f"{key}: {line}" for line in cut_short(window)]
    assert not cut, "\n".join(sorted(set(cut)))


def test_every_dialog_gives_its_words_room(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    cut: list[str] = []
    for name, make in dialogs(window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(100)
        cut += [f"{name}: {line}" for line in cut_short(dialog)]
        dialog.close()
    assert not cut, "\n".join(sorted(set(cut)))
