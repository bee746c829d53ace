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
