"""Help → About: version, licence, the real paths, and where the data is, in plain words."""

from __future__ import annotations

from PySide6.QtGui import QAction

from rutjournal import __version__
from rutjournal.ui.shell.about_dialog import AboutDialog


def test_about_shows_version_licence_and_the_right_paths(window) -> None:  # type: ignore[no-untyped-def]
    assert window.help_menu.title() == "&Help"
    about = window.findChild(QAction, "aboutAction")
    assert about in window.help_menu.actions()
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    texts = [label.text() for label in dialog.findChildren(type(dialog.data_path))]
    assert any(__version__ in t for t in texts)
    assert "GPL-3.0-or-later" in dialog.licence.text()
    assert dialog.data_path.text() == str(window.paths.database)
    assert dialog.backup_path.text() == str(window.paths.backup_dir)
    assert dialog.log_path.text() == str(window.paths.log_file)
    assert dialog.config_path.text() == str(window.paths.settings_file)
    words = dialog.explanation.text()
    for said in ("one SQLite file on this computer", "backups", "leaves this machine", "encrypts"):
        assert said in words
    assert "http" not in words and "<a " not in words  # link-free


def test_the_help_menu_has_room_for_the_shortcut_sheet(window) -> None:  # type: ignore[no-untyped-def]
    names = [a.objectName() for a in window.help_menu.actions()]
    assert "demoAction" in names and "aboutAction" in names
