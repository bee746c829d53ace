"""Qt's own dialogs speak the language rutjournal speaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from rutjournal.core import i18n
from rutjournal.ui.shell.qt_words import install_qt_words


@pytest.fixture
def restored(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(before)
    i18n.use_language(i18n.SOURCE)


def cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()


@pytest.mark.parametrize(
    ("code", "cancel", "month"), [("de", "Abbrechen", "Dezember"), ("fr", "Annuler", "décembre")]
)
def test_standard_buttons_and_months_follow_the_language(
    qapp: QApplication, restored: None, code: str, cancel: str, month: str
) -> None:
    i18n.use_language(code)
    assert install_qt_words(qapp) is not None
    assert cancel_text().replace("&", "") == cancel
    assert QLocale().monthName(12) == month


def test_english_on_a_german_system_puts_qt_in_english_too() -> None:
    """English chosen (Settings or --lang) on a German system: the app's Qt speaks English, its calendar's
    months included. A process of its own: Qt reads the system's locale once, when it starts."""
    import os
    import subprocess
    import sys

    script = (
        "from rutjournal.core.i18n import start_in; start_in('en')\n"
        "from rutjournal.ui.app import create_app\n"
        "from PySide6.QtCore import QLocale\n"
        "create_app(); print(QLocale.system().name(), QLocale().monthName(12))\n"
    )
    kept = {name: os.environ[name] for name in ("PATH", "HOME", "PYTHONPATH") if name in os.environ}
    env = {**kept, "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    said = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert said.stdout.split() == ["de_DE", "December"], said.stderr


def test_english_installs_nothing(qapp: QApplication, restored: None) -> None:
    i18n.use_language(i18n.SOURCE)
    assert install_qt_words(qapp) is None
    assert cancel_text().replace("&", "") == "Cancel"


@pytest.mark.parametrize(
    ("code", "shown"), [("en", "Wed 3 Mar 2027"), ("de", "Mi., 3. März 2027"), ("fr", "mer. 3 mars 2027")]
)
def test_a_day_editor_writes_the_day_as_the_language_does(
    qapp: QApplication, restored: None, code: str, shown: str
) -> None:
    import datetime as dt

    from rutjournal.core import text
    from rutjournal.ui.widgets.date_field import day_edit

    i18n.use_language(code)
    install_qt_words(qapp)
    day = dt.date(2027, 3, 3)
    assert day_edit("Due", day).text() == shown == text.day(day)
