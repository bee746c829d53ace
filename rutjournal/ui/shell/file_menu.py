"""The window's File menu: backups and restoring; Import… and Export… are put above them (data_transfer.py).

Kept out of main_window.py so the window only says where the menu goes. Actions are added to the window as
well as the menu, so their shortcuts work even where the platform hides the menu bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from rutjournal.core.i18n import _
from rutjournal.ui.care.passphrase_settings import PassphraseSettings

if TYPE_CHECKING:
    from rutjournal.ui.care.data_care import DataCare
    from rutjournal.ui.shell.window_api import WindowServices


def build_file_menu(window: WindowServices, care: DataCare) -> tuple[QMenu, QAction]:
    """The File menu and its Quit action (other entries can be inserted before the backups' separator)."""
    widget = window.widget
    menu = widget.menuBar().addMenu(_("&File"))
    menu.setObjectName("fileMenu")

    def add(text: str, slot: object, keys: QKeySequence | None = None, tip: str = "") -> QAction:
        action = QAction(text, widget)
        if keys is not None:
            action.setShortcut(keys)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        widget.addAction(action)
        return action

    menu.addSeparator()
    settings = add(
        _("Settings…"),
        lambda: _open_settings(window),
        QKeySequence("Ctrl+,"),
        tip=_("Data folder, reminder, theme…"),
    )
    settings.setObjectName("settingsAction")
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: in the application menu, as usual
    menu.addSeparator().setObjectName("backupsSection")
    add(
        _("Back up now"),
        care.back_up_now,
        tip=_("Copy the journal into the backups folder and check the copy"),
    )
    add(
        _("Restore from backup…"),
        care.choose_backup,
        tip=_("Go back to an earlier backup; the journal as it is now is kept, renamed"),
    )
    backups = add(_("Show backups folder"), care.show_backups_folder, tip=str(window.paths.backup_dir))
    backups.setObjectName("backupsFolderAction")  # its tip follows the journal when it moves
    menu.addSeparator()
    passphrase = PassphraseSettings(window)  # found again with widget.findChild(PassphraseSettings)
    add(_("Passphrase…"), passphrase.open_dialog, tip=_("Encrypt the journal and its backups, or stop"))
    menu.addSeparator()
    quit_action = add(_("Quit"), widget.close, QKeySequence(QKeySequence.StandardKey.Quit))
    return menu, quit_action


def _open_settings(window: WindowServices) -> None:
    from rutjournal.ui.shell.settings_dialog import open_settings  # loaded when first used, not at start-up

    open_settings(window)
