"""File → Settings…: the language is chosen like every other setting, and used from the next start."""

from __future__ import annotations

import json

from rutjournal.core.settings import load_settings
from rutjournal.ui.shell.settings_dialog import open_settings


def test_picking_deutsch_stores_it_and_says_it_comes_with_the_next_start(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_settings(window)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    box = dialog.language
    names = [box.itemText(i) for i in range(box.count())]
    assert names == ["System language", "English", "Deutsch", "Français"]
    assert box.currentData() == "system" and dialog.language_note.isHidden()  # nothing chosen yet: no note

    box.setCurrentIndex(box.findData("de"))  # picking Deutsch saves it at once, as every setting does

    assert json.loads(window.paths.settings_file.read_text())["language"] == "de"
    assert load_settings(window.paths.settings_file).language == "de"
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == "The new language is used from the next start."
    assert dialog.status.text() == "Saved."
    assert window.windowTitle().startswith("rutjournal")  # still English: the window is not translated now

    box.setCurrentIndex(box.findData("system"))  # back to the language in use: the note goes
    assert dialog.language_note.isHidden()
    dialog.close()
    again = open_settings(window)  # brought back: the stored choice, and the note while it differs
    assert again is dialog and again.language.currentData() == "system" and again.language_note.isHidden()
