"""File → Settings…: every setting, stored the moment it changes (no Save button) and applied at once.

Each control can only hold a valid value (a time, a number in range, a choice from a list), and each change
goes through ``core.settings.change_setting``, which checks it again and writes the file atomically. Moving
the data folder is a job of its own (``ui/data_folder.py``); the dialog only asks where to and confirms.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import LANGUAGES, N_, _
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import is_demo
from rutjournal.core.settings import (
    BACKUP_KEEP_MAX,
    BACKUP_KEEP_MIN,
    LANGUAGE_CHOICES,
    THEMES,
    TREND_WINDOWS,
    WEEK_STARTS,
    Settings,
    change_setting,
    load_settings,
)
from rutjournal.ui.shell.preferences import apply_theme_choice, apply_week_start, select_trend_range
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)
DEFAULT_REMINDER = QTime(17, 30)
# The choices' labels, translated where they are shown: _(THEME_LABELS[theme]).
THEME_LABELS = {
    # TRANSLATORS: a theme in Settings: light or dark as the desktop is
    "system": N_("Follow the system"),
    # TRANSLATORS: a theme in Settings: always light
    "light": N_("Light"),
    # TRANSLATORS: a theme in Settings: always dark
    "dark": N_("Dark"),
}
# TRANSLATORS: the first day of the week, a choice in Settings
WEEK_LABELS = {"monday": N_("Monday"), "sunday": N_("Sunday"), "saturday": N_("Saturday")}
TREND_LABELS = {
    30: N_("Last 30 days"),
    90: N_("Last 90 days"),
    365: N_("Last 365 days"),
    0: N_("All time"),
}


class SettingsDialog(QDialog):
    """``choose_folder`` and ``confirm_move`` are hooks the tests replace."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.main_window = window
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.confirm_move: Callable[[Path], bool] = self._ask_move
        settings = load_settings(window.paths.settings_file)

        self.folder = QLabel()
        self.folder.setObjectName("dataFolder")
        self.folder.setTextFormat(Qt.TextFormat.PlainText)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.folder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.move_button = QPushButton(_("Move…"))
        self.move_button.setAccessibleName(_("Move the journal to another folder"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignTop)

        self.reminder_on = QCheckBox(_("Remind me to write at"))
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName(_("Reminder time"))
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.reminder_on)
        reminder_row.addWidget(self.reminder_time)
        reminder_row.addStretch(1)
        self.tray = QCheckBox(_("Keep rutjournal in the tray when its window is closed"))

        self.theme = _combo(_("Theme"), [(_(THEME_LABELS[t]), t) for t in THEMES])
        self.week_start = _combo(_("Week starts on"), [(_(WEEK_LABELS[d]), d) for d in WEEK_STARTS])
        self.backup_keep = QSpinBox(minimum=BACKUP_KEEP_MIN, maximum=BACKUP_KEEP_MAX)
        self.backup_keep.setAccessibleName(_("Backups to keep"))
        # TRANSLATORS: the backups box in Settings; {count} is the number the user picks there (1 to 365)
        before, _count, after = _("keep {count} daily copies").partition("{count}")
        self.backup_keep.setPrefix(before)
        self.backup_keep.setSuffix(after)
        self.trend_window = _combo(_("Trends open on"), [(_(TREND_LABELS[d]), d) for d in TREND_WINDOWS])
        # "System language" is translated; each language's own name is the same in every language.
        languages = [(LANGUAGES[code], code) for code in LANGUAGE_CHOICES if code != "system"]
        self.language = _combo(_("Language"), [(_("System language"), "system"), *languages])
        self.opened_language = settings.language  # the one in use: a new one is used from the next start
        self.language_note = QLabel(_("The new language is used from the next start."))
        self.language_note.setObjectName("languageNote")

        hint = _("Changes are saved as you make them.")
        self.status = QLabel(hint)
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.form = form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_("Data folder:"), folder_row)
        form.addRow(_("Reminder:"), reminder_row)
        form.addRow("", self.tray)
        form.addRow(_("Theme:"), self.theme)
        form.addRow(_("Week starts on:"), self.week_start)
        form.addRow(_("Backups:"), self.backup_keep)
        form.addRow(_("Trends open on:"), self.trend_window)
        form.addRow(_("Language:"), self.language)
        form.addRow("", self.language_note)  # the row is shown while the choice differs (_show_language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.status)
        column.addWidget(buttons)
        self.setMinimumWidth(620)
        self.show_settings(settings)
        self._connect()
        from rutjournal.ui.care.data_folder import DataFolderMove

        self.mover = window.widget.findChild(DataFolderMove) or DataFolderMove(window)
        self.mover.finished.connect(self._moved)

    # --- showing ------------------------------------------------------------------------------------------
    def show_settings(self, settings: Settings) -> None:
        """Put the stored values into the controls (without storing them again)."""
        for widget in self._controls():
            widget.blockSignals(True)
        self.folder.setText(str(self.main_window.paths.data_dir))
        demo = is_demo(self.main_window.paths)
        self.move_button.setEnabled(not demo)
        self.move_button.setToolTip(
            _("The demo journal stays in its own folder") if demo else _("Choose a new folder")
        )
        self.reminder_on.setChecked(bool(settings.reminder_time))
        time = QTime.fromString(settings.reminder_time, "HH:mm")
        self.reminder_time.setTime(time if time.isValid() else DEFAULT_REMINDER)
        self.tray.setChecked(settings.live_in_tray)
        _select(self.theme, settings.theme)
        _select(self.week_start, settings.week_start)
        self.backup_keep.setValue(settings.backup_keep)
        _select(self.trend_window, settings.trend_window_days)
        _select(self.language, settings.language)
        self._show_language_note()
        for widget in self._controls():
            widget.blockSignals(False)

    def _controls(self) -> list[QWidget]:
        return [
            self.reminder_on,
            self.reminder_time,
            self.tray,
            self.theme,
            self.week_start,
            self.backup_keep,
            self.trend_window,
            self.language,
        ]

    # --- storing ------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        self.reminder_on.toggled.connect(self._reminder_changed)
        self.reminder_time.timeChanged.connect(lambda _t: self._time_typed())
        self.tray.toggled.connect(lambda on: self.store("live_in_tray", on))
        self.theme.currentIndexChanged.connect(lambda _i: self.store("theme", self.theme.currentData()))
        self.week_start.currentIndexChanged.connect(
            lambda _i: self.store("week_start", self.week_start.currentData())
        )
        self.backup_keep.valueChanged.connect(lambda n: self.store("backup_keep", n))
        self.trend_window.currentIndexChanged.connect(
            lambda _i: self.store("trend_window_days", self.trend_window.currentData())
        )
        self.language.currentIndexChanged.connect(lambda _i: self._language_chosen())
        self.move_button.clicked.connect(self.move_journal)

    def _language_chosen(self) -> None:
        self.store("language", self.language.currentData())
        self._show_language_note()

    def _show_language_note(self) -> None:
        """The note under the language: shown while the choice differs from the language in use (the one
        stored when the dialog was made: the language changes only at the next start)."""
        self.form.setRowVisible(self.language_note, self.language.currentData() != self.opened_language)

    def _time_typed(self) -> None:
        """A time typed or picked means "remind me then": the box always takes digits, and turns it on."""
        if self.reminder_on.isChecked():
            self._reminder_changed()
        else:
            self.reminder_on.setChecked(True)  # stores it, through toggled

    def _reminder_changed(self) -> None:
        on = self.reminder_on.isChecked()
        self.store("reminder_time", self.reminder_time.time().toString("HH:mm") if on else "")

    def store(self, name: str, value: object) -> Settings | None:
        """Save one setting and put it into effect in the window now."""
        try:
            settings = change_setting(self.main_window.paths.settings_file, name, value)
        except (InvalidInput, OSError) as exc:
            log.error("could not store the setting %s: %s", name, exc)
            show_message(self.status, _("Not saved: {why}").format(why=exc), error=True)
            return None
        apply_to_window(self.main_window, name, settings)
        show_message(self.status, _("Saved."))
        return settings

    # --- moving the journal -------------------------------------------------------------------------------
    def move_journal(self) -> None:
        target = self.choose_folder()
        if target is None or not self.confirm_move(target):
            return
        if self.mover.move(target):
            self.move_button.setEnabled(False)
            show_message(self.status, _("Moving the journal to {folder}…").format(folder=target))

    def _moved(self, ok: bool, text: str) -> None:
        self.show_settings(load_settings(self.main_window.paths.settings_file))
        show_message(self.status, text, error=not ok)
        self.main_window.say(text, 20000)

    def _ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self, _("Move the journal to"), str(self.main_window.paths.data_dir.parent)
        )
        return Path(chosen) if chosen else None

    def _ask_move(self, target: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Move the journal"),
            _("Move your journal and its backups to {folder}?").format(folder=target),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            _(
                "The journal is copied and checked first. The old file stays where it is, renamed "
                "“.moved-…”, until you delete it yourself. rutjournal will use the new folder from now on."
            )
        )
        go = box.addButton(_("Move"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is go


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
    # backup_keep is read at every backup; data_dir is applied by the move itself (ui/data_folder.py);
    # language is used from the next start


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for label, data in items:
        box.addItem(label, data)
    return box


def _select(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


def open_settings(window: WindowServices) -> SettingsDialog:
    """File → Settings… (one dialog per window, brought back with the stored values)."""
    dialog = window.widget.findChild(SettingsDialog)
    if dialog is None:
        dialog = SettingsDialog(window)
    else:
        dialog.show_settings(load_settings(window.paths.settings_file))
    dialog.open()
    return dialog
