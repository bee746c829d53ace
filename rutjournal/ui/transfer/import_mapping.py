"""The import dialog's mapping steps: Daylio's mood labels onto 1–5, and a plain CSV's columns onto fields.

Each is a small table of combo boxes that says ``changed`` when the user picks something, so the dialog can read
the file again and show a fresh preview. Neither reads a file itself: the dialog hands them what was found.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from rutjournal.core.i18n import N_, _

SCORE_CHOICES: tuple[tuple[str, int | None], ...] = (
    (N_("Choose a score…"), None),
    # TRANSLATORS: the scores a Daylio mood can be given; rad, meh and awful are Daylio's own mood names.
    (N_("5 · best (like rad)"), 5),
    (N_("4 · good"), 4),
    # TRANSLATORS: a score a Daylio mood can be given; meh is one of Daylio's own mood names.
    (N_("3 · in between (like meh)"), 3),
    (N_("2 · bad"), 2),
    # TRANSLATORS: a score a Daylio mood can be given; awful is one of Daylio's own mood names.
    (N_("1 · worst (like awful)"), 1),
)
IGNORE = ""
MOST_ROWS = 10  # rows shown before a mapping table scrolls: most exports have fewer columns or moods
FIELD_WORDS: dict[str, str] = {
    # TRANSLATORS: what a column of a CSV file to import goes into: here, nowhere.
    IGNORE: N_("(leave out)"),
    # TRANSLATORS: a column of a CSV file holding the date; YYYY-MM-DD shows how it is written there.
    "date": N_("Date (YYYY-MM-DD)"),
    "time": N_("Time of day"),
    # TRANSLATORS: a column of a CSV file holding a journal entry's title.
    "title": N_("Title"),
    "body": N_("Entry text"),
    "tags": N_("Tags"),
    "mood": N_("Mood 1–5"),
    "energy": N_("Energy 1–5"),
    "challenge": N_("Challenge 1–5"),
    "hours": N_("Hours worked"),
    "load": N_("Perceived load 1–5"),
}


def fit_rows(table: QTableWidget, most: int = 6) -> None:
    """Rows tall enough for their combo boxes, and the table tall enough for up to ``most`` of them: a mapping
    is short, and a table that scrolls after two rows hides the very choices the user has to make."""
    combo_height = QComboBox().sizeHint().height()
    height = max(table.verticalHeader().defaultSectionSize(), combo_height + 4)
    for row in range(table.rowCount()):
        table.setRowHeight(row, height)
    combos = [table.cellWidget(row, 1) for row in range(table.rowCount())]
    widest = max((combo.sizeHint().width() for combo in combos if combo is not None), default=0)
    if widest:  # a header sizes a column to its items' text, never to the widgets sitting in its cells
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(1, max(widest + 8, table.horizontalHeader().sectionSizeHint(1)))
    shown = min(table.rowCount(), most)
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + shown * height + 2 * table.frameWidth() + 2)


class MoodMapTable(QTableWidget):
    """Each mood label of a Daylio file with a score; labels Daylio does not use by default start unscored."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moodMap")
        self.setColumnCount(2)
        self.setHorizontalHeaderLabels([_("Mood in Daylio"), _("Score in rutjournal")])
        self.verticalHeader().hide()
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setAccessibleName(_("Daylio moods and their scores"))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}

    def set_labels(self, labels: list[str], scores: dict[str, int]) -> None:
        """Show ``labels``; ``scores`` holds what is known (the defaults, and what the user picked before)."""
        self.combos.clear()
        self.setRowCount(len(labels))
        for row, label in enumerate(labels):
            item = QTableWidgetItem(label)
            if label not in scores:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                # TRANSLATORS: {label} is a mood label the user made in Daylio (not one of Daylio's own).
                item.setText(_("{label}   (your own label)").format(label=label))
            self.setItem(row, 0, item)
            combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
            # TRANSLATORS: {label} is a Daylio mood label ("rad").
            combo.setAccessibleName(_("Score for {label}").format(label=label))
            for text, score in SCORE_CHOICES:
                combo.addItem(_(text), score)
            known = scores.get(label)
            combo.setCurrentIndex(0 if known is None else max(0, combo.findData(known)))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.setCellWidget(row, 1, combo)
            self.combos[label] = combo
        fit_rows(self, most=MOST_ROWS)

    def scores(self) -> dict[str, int]:
        """Label -> score for every label that has one."""
        chosen = {label: combo.currentData() for label, combo in self.combos.items()}
        return {label: int(score) for label, score in chosen.items() if score is not None}

    def unscored(self) -> list[str]:
        return [label for label, combo in self.combos.items() if combo.currentData() is None]

    def set_score(self, label: str, score: int) -> None:
        combo = self.combos[label]
        combo.setCurrentIndex(combo.findData(score))


class ColumnMapTable(QTableWidget):
    """Each header of a plain CSV with the field it fills, or "(leave out)"; guesses from the names come first."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnMap")
        self.setColumnCount(2)
        self.setHorizontalHeaderLabels([_("Column in the file"), _("Goes into")])
        self.verticalHeader().hide()
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setAccessibleName(_("CSV columns and the fields they fill"))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}

    def set_headers(self, headers: list[str], mapping: dict[str, str]) -> None:
        self.combos.clear()
        self.setRowCount(len(headers))
        for row, header in enumerate(headers):
            item = QTableWidgetItem(header)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 0, item)
            combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
            # TRANSLATORS: {header} is a column's name in the file's header row.
            combo.setAccessibleName(_("Field for the column {header}").format(header=header))
            for name, words in FIELD_WORDS.items():
                combo.addItem(_(words), name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, IGNORE))))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.setCellWidget(row, 1, combo)
            self.combos[header] = combo
        fit_rows(self, most=MOST_ROWS)

    def mapping(self) -> dict[str, str]:
        """Header -> field for the columns that are read (the ones left out are not named)."""
        chosen = {header: str(combo.currentData()) for header, combo in self.combos.items()}
        return {header: name for header, name in chosen.items() if name != IGNORE}

    def set_field(self, header: str, name: str) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(combo.findData(name))
