"""Putting the user's settings into effect in the window: at start-up, and at once when Settings changes one.

The settings themselves are read, checked and stored by ``core.settings``; this module only applies them to
widgets (the calendar's first day, the Trends range, the theme, the tray), so the Settings dialog and the
window share one way of doing it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QComboBox

from rutjournal.core.paths import settings_path
from rutjournal.core.settings import Settings, load_settings

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices

log = logging.getLogger(__name__)
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


def apply_to_window(window: WindowServices, name: str, settings: Settings) -> None:
    """Put one changed setting into effect in the window now."""
    if name == "theme":
        apply_theme_choice(settings.theme)
    elif name == "week_start":
        apply_week_start(window.journal_view.calendar, settings.week_start)
    elif name == "trend_window_days" and "trends" in window.pages.built():
        select_trend_range(window.pages.trends_view.range_box, settings.trend_window_days)
    elif name in ("reminder_time", "live_in_tray") and window.tray is not None:
        window.tray.apply_settings(settings)
    # backup_keep is read at every backup; data_dir is applied by the move itself (ui/data_folder.py)
