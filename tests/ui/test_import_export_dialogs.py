"""File → Import… and File → Export… driven through their dialogs, as a user would, on the real fixtures.

The file choosers cannot be driven offscreen, so each test hands the dialog its path through ``set_source`` /
``set_destination``, the methods the Choose buttons call.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import open_database
from rutjournal.core.transfer.exporters.json_export import export_json
from rutjournal.core.values import Scores
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.transfer import import_dialog as import_dialog_module
from rutjournal.ui.transfer.import_steps import write_import

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
JRNL = FIXTURES / "jrnl" / "export.json"
JRNL_DAY = dt.date(2023, 1, 5)


def counts(database: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(database)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("entries", "tags", "tasks")
        )
    finally:
        conn.close()


def open_import(window: MainWindow, qtbot, source: Path):  # type: ignore[no-untyped-def]
    """File → Import… (from the menu), then the file as if chosen; waits for the preview."""
    [action] = [a for a in window.file_menu.actions() if a.text() == "Import…"]
    action.trigger()
    dialog = window.transfer.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_source(source)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    return dialog


def press_import(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert dialog.import_button.isEnabled(), dialog.status.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.finished_ok, timeout=15000)


def test_import_and_export_sit_at_the_top_of_the_file_menu(window: MainWindow) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts[:2] == ["Import…", "Export…"]
    shortcuts = [a.shortcut().toString() for a in window.file_menu.actions()[:2]]
    assert shortcuts == ["Ctrl+I", "Ctrl+Shift+E"]
    others = [a.shortcut().toString() for a in window.actions() if a not in window.file_menu.actions()[:2]]
    assert not set(shortcuts) & set(others)


def test_a_jrnl_export_is_previewed_then_imported_and_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_import(window, qtbot, JRNL)
    assert dialog.format_combo.currentText() == "jrnl JSON export"
    preview = dialog.summary.text()
    assert "8 journal records on 5 days, 7 tags" in preview
    assert "Would import: 5 new days, 0 added to days you already have, 7 new tags" in preview
    assert counts(window.paths.database) == (0, 0, 0)  # a preview writes nothing

    press_import(dialog, qtbot)
    assert "Imported: 5 new days" in dialog.summary.text()
    assert not dialog.import_button.isVisible() and dialog.close_button.isEnabled()
    assert counts(window.paths.database)[:2] == (5, 7)
    assert window.db is not None
    stored = Journal(window.db).get(JRNL_DAY)
    assert stored is not None and "Standup ran long." in stored.body

    window.open_day(JRNL_DAY)
    assert "Spent the morning on the quarterly report" in window.journal_view.editor.text()
    window.search_box.setText("quarterly")
    qtbot.waitUntil(lambda: window.search_view.model.rowCount() > 0, timeout=5000)

    again = open_import(window, qtbot, JRNL)  # the same file twice adds nothing
    assert "already there" in again.summary.text()
    assert not again.import_button.isEnabled()


@pytest.mark.parametrize(
    ("source", "words", "preview"),
    [
        ("rednotebook/data", "RedNotebook data folder", "5 journal records on 5 days"),
        ("dayone/dayone-export.zip", "Day One export", "Would import:"),
    ],
)
def test_a_folder_or_a_zip_is_told_by_its_content(window: MainWindow, qtbot, source, words, preview) -> None:  # type: ignore[no-untyped-def]
    dialog = open_import(window, qtbot, FIXTURES / source)
    assert dialog.format_combo.currentText() == words
    assert preview in dialog.summary.text() and dialog.import_button.isEnabled()


def test_the_day_on_screen_and_pending_edits_survive_an_import(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    today = window.journal_view.day
    source = tmp_path / "today.json"
    entry = {
        "date": today.isoformat(),
        "time": "07:30",
        "title": "Imported",
        "body": "From jrnl.",
        "tags": [],
    }
    source.write_text(json.dumps({"tags": {}, "entries": [entry]}), encoding="utf-8")
    window.journal_view.editor.editor.setPlainText("Typed just now")
    assert window.journal_view.dirty

    press_import(open_import(window, qtbot, source), qtbot)
    text = window.journal_view.editor.text()
    assert text.startswith("Typed just now") and "### 07:30 · Imported" in text and "From jrnl." in text


def test_daylio_labels_of_your_own_need_a_score_first(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_import(window, qtbot, FIXTURES / "daylio" / "daylio_custom_moods.csv")
    assert dialog.format_combo.currentText() == "Daylio CSV"
    assert dialog.mood_table.unscored() == ["super", "so-so"]
    assert dialog.mood_table.scores() == {"good": 4}
    assert not dialog.import_button.isEnabled()
    assert "super" in dialog.summary.text()

    dialog.mood_table.set_score("super", 5)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    assert not dialog.import_button.isEnabled()
    dialog.mood_table.set_score("so-so", 2)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "3 journal records on 3 days" in dialog.summary.text()

    press_import(dialog, qtbot)
    assert window.db is not None
    journal = Journal(window.db)
    moods = {day: journal.get(dt.date(2023, 11, day)).scores.mood for day in (18, 19, 20)}  # type: ignore[union-attr]
    assert moods == {18: 4, 19: 2, 20: 5}


def test_a_csv_column_mapping_change_previews_again(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_import(window, qtbot, FIXTURES / "csv" / "journal.csv")
    assert dialog.column_box.isVisible()
    assert dialog.column_table.mapping()["Date"] == "date"
    assert "5 journal records on 4 days, 5 tags" in dialog.summary.text()

    dialog.column_table.set_field("Tags", "")
    qtbot.waitUntil(lambda: "5 journal records on 4 days, 0 tags" in dialog.summary.text(), timeout=10000)
    assert dialog.import_button.isEnabled()

    dialog.column_table.set_field("Date", "")
    qtbot.waitUntil(lambda: "no date column" in dialog.summary.text(), timeout=10000)
    assert dialog.summary.property("error") is True
    assert not dialog.import_button.isEnabled()
    assert dialog.column_box.isVisible()  # the mapping stays, to be put right

    dialog.column_table.set_field("Date", "date")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    press_import(dialog, qtbot)
    assert counts(window.paths.database)[0] == 4


def test_taskwarrior_tasks_show_up_in_an_open_load_section(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_section("load")
    assert window.load_view.model.rows == []
    window.show_section("journal")
    dialog = open_import(window, qtbot, FIXTURES / "taskwarrior" / "export.json")
    assert "5 new tasks" in dialog.summary.text()
    assert "Skipped · task 7" in dialog.left_out.toPlainText()
    press_import(dialog, qtbot)
    titles = {task.title for task in window.load_view.model.rows}
    assert len(titles) == 5 and "Team meeting" in titles


def test_cancel_midway_changes_nothing(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def slow(db, parsed, progress, cancelled):  # type: ignore[no-untyped-def]
        def tick(done: int, total: int) -> None:
            time.sleep(0.05)
            progress(done, total)

        return write_import(db, parsed, tick, cancelled)

    monkeypatch.setattr(import_dialog_module, "write_import", slow)
    dialog = open_import(window, qtbot, JRNL)
    before = counts(window.paths.database)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.running.isVisible() and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.importing, timeout=10000)
    assert dialog.status.text().startswith("Cancelled: nothing was imported")
    assert counts(window.paths.database) == before
    assert dialog.import_button.isEnabled() and not dialog.finished_ok


def test_a_file_of_random_bytes_says_so_and_imports_nothing(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "random.bin"
    junk.write_bytes(os.urandom(4096) + b"\x00")
    dialog = open_import(window, qtbot, junk)
    assert dialog.summary.property("error") is True
    assert "random.bin" in dialog.summary.text() and "not a text file" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert window.journal_view.isEnabled()  # the app carries on
    assert counts(window.paths.database) == (0, 0, 0)


def test_a_file_cut_short_names_the_place(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cut = tmp_path / "cut.json"
    cut.write_bytes(JRNL.read_bytes()[:700])
    dialog = open_import(window, qtbot, cut)
    assert dialog.format_combo.currentText() == "jrnl JSON export"
    assert dialog.summary.property("error") is True
    assert "Cannot import cut.json, at line" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_a_full_export_is_refused_by_a_journal_with_data(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert window.db is not None
    Journal(window.db).save(JRNL_DAY, "Already here", Scores(mood=3), [])
    export_json(window.db, tmp_path / "full.json")
    dialog = open_import(window, qtbot, tmp_path / "full.json")
    assert dialog.format_combo.currentText() == "rutjournal export (full restore)"
    text = dialog.summary.text()
    assert "already holds data (1 entry)" in text and "new, empty data folder" in text
    assert not dialog.import_button.isEnabled()


def test_a_full_export_restores_into_an_empty_journal(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = open_database(tmp_path / "other" / "journal.sqlite3")
    try:
        Journal(other).save(JRNL_DAY, "From the old computer", Scores(mood=4), ["moved"])
        export_json(other, tmp_path / "full.json")
    finally:
        other.close()
    dialog = open_import(window, qtbot, tmp_path / "full.json")
    assert "Would restore: 1 entry" in dialog.summary.text()
    press_import(dialog, qtbot)
    assert "Restored: 1 entry" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    window.open_day(JRNL_DAY)
    assert window.journal_view.editor.text() == "From the old computer"


@pytest.mark.parametrize(
    ("fmt", "name", "written"),
    [("json", "out.json", ["out.json"]), ("csv", "out.csv", ["out.csv"]), ("markdown", "notes", ["2023.md"])],
)
def test_export_writes_the_files(window: MainWindow, qtbot, tmp_path, fmt, name, written) -> None:  # type: ignore[no-untyped-def]
    assert window.db is not None
    Journal(window.db).save(JRNL_DAY, "Worth keeping", Scores(mood=4), ["work"])
    [action] = [a for a in window.file_menu.actions() if a.text() == "Export…"]
    action.trigger()
    dialog = window.transfer.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_format(fmt)
    assert dialog.split_combo.isEnabled() == (fmt == "markdown")
    dialog.set_destination(tmp_path / name)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10000)
    base = tmp_path / name if fmt == "markdown" else tmp_path
    for file in written:
        assert "Worth keeping" in (base / file).read_text(encoding="utf-8")
    assert f"Wrote {base / written[0]}" in dialog.status.text()


def test_markdown_by_month_and_a_bad_destination(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert window.db is not None
    Journal(window.db).save(JRNL_DAY, "January", Scores(), [])
    dialog = window.transfer.open_export()
    assert dialog is not None
    dialog.set_format("csv")
    dialog.set_destination(window.paths.database)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.property("error") is True and "journal file itself" in dialog.status.text()
    dialog.set_format("markdown")
    dialog.split_combo.setCurrentIndex(dialog.split_combo.findData("month"))
    dialog.set_destination(tmp_path / "md")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10000)
    assert (tmp_path / "md" / "2023-01.md").exists()


def test_markdown_can_take_the_rest_of_the_journal_along(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.load.service import Load

    assert window.db is not None
    Journal(window.db).save(JRNL_DAY, "Worth keeping", Scores(mood=4), [])
    Load(window.db).add("Weekly status report")
    [action] = [a for a in window.file_menu.actions() if a.text() == "Export…"]
    action.trigger()
    dialog = window.transfer.export_dialog
    dialog.set_format("json")
    assert not dialog.include_rest.isEnabled()
    dialog.set_format("markdown")
    dialog.include_rest.setChecked(True)
    dialog.set_destination(tmp_path / "notes")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10000)
    assert "**Weekly status report**" in (tmp_path / "notes" / "beyond-the-journal.md").read_text(
        encoding="utf-8"
    )
