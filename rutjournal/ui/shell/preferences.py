"""Putting the user's settings into effect in widgets: at start-up, and at once when Settings changes one.

The settings themselves are read, checked and stored by ``core.settings``; this module only applies them to
widgets (the calendar's first day, the Trends range, the theme), so the views, the window and the Settings
dialog (which applies a change to the whole window: ``settings_dialog.apply_to_window``) share one way of
doing it. It knows no window, so any view may use it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QComboBox

from rutjournal.core.logsetup import logger
from rutjournal.core.paths import settings_path
from rutjournal.core.settings import Settings, load_settings

log = logger(__name__)
WEEK_DAYS = {"monday": Qt.DayOfWeek.Monday, "sunday": Qt.DayOfWeek.Sunday, "saturday": Qt.DayOfWeek.Saturday}


def current_settings() -> Settings:
    """The settings as stored now (a small JSON file: cheap enough to read whenever a view is built)."""
    return load_settings(settings_path())


def apply_week_start(calendar: QCalendarWidget, week_start: str) -> None:
    calendar.setFirstDayOfWeek(WEEK_DAYS.get(week_start, Qt.DayOfWeek.Monday))


def select_trend_range(box: QComboBox, days: int) -> None:
    """Choose the range of ``days`` (0: all time) in a Trends range box whose items hold days or None."""
    index = box.findData(days or None)
    if index >= 0:
        box.setCurrentIndex(index)


def apply_theme_choice(choice: str) -> None:
    """The theme at once; with no theme module (an older build) the plain style is put back instead."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    try:
        from rutjournal.ui.shell.theme import apply_theme
    except ImportError:
        log.warning("no theme module: the theme %r applies only as the system's", choice)
        from rutjournal.ui.shell.style import apply_style

        apply_style(app)
        return
    apply_theme(app, choice)
