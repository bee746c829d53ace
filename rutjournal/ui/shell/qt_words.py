"""Qt's own words in the user's language: the standard buttons, the file dialogs, the calendar's month names.

rutjournal's words come from its gettext catalogs (``core/i18n.py``); Qt's come from the translations Qt ships
(``qtbase_de.qm``, ``qtbase_fr.qm``), loaded here once the language is settled. The one-folder bundle keeps
exactly those files (packaging/rutjournal.spec). English needs neither.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rutjournal.core import i18n
from rutjournal.core.logsetup import logger

log = logger(__name__)


def install_qt_words(app: QCoreApplication) -> QTranslator | None:
    """Have Qt speak the language in use: its translation of its own dialogs, and its locale for dates and
    numbers in widgets (a calendar's months). Returns the translator installed (None for English)."""
    language = i18n.language()
    if QLocale.system().name().split("_")[0] != language:
        QLocale.setDefault(QLocale(language))  # asked for in Settings or with --lang, not the system's
    if language == i18n.SOURCE:
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        log.warning("Qt's own %s words are not in %s; its dialogs stay in English", language, folder)
        return None
    app.installTranslator(translator)
    return translator
