"""The keyboard shortcut sheet (F1 or Ctrl+/): every shortcut of the window, read from its actions and
shortcuts when the sheet opens, so the list cannot fall behind the code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rutjournal.ui.shell.section_stack import SECTIONS

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices

GROUP_ORDER = ("Window", "Sections", "File", "Help", "Journal", "Load", "Search")
# Keys read by event filters rather than by an action or shortcut: the only ones written out by hand.
FILTERED_KEYS = (
    ("Search", "Down", "From the search box to the results"),
    ("Search", "Enter", "Open the day of the chosen result"),
    ("Search", "Esc", "Clear the search and go back to the journal"),
)


@dataclass(frozen=True)
class ShortcutRow:
    group: str
    keys: str
    does: str


def keys_text(sequences: list[QKeySequence]) -> str:
    """The keys as the platform writes them, alternatives joined by "or"."""
    return " or ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()
    )


def _section_of(obj: QObject | None, views: dict[int, str]) -> str | None:
    while obj is not None:
        if id(obj) in views:
            return views[id(obj)]
        obj = obj.parent()
    return None


def _menu_of(action: QAction) -> str | None:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return owner.title().replace("&", "")
    return None


def shortcut_rows(window: WindowServices) -> list[ShortcutRow]:
    """Every shortcut of the window and its sections (all built first, so none is missing), grouped."""
    views = {id(window.pages.view(key)): title for key, title, _k in SECTIONS}
    widget = window.widget
    section_keys = {(title, keys) for _key, title, keys in SECTIONS}
    rows: list[ShortcutRow] = []
    seen: set[int] = set()
    for action in [*widget.actions(), *widget.findChildren(QAction)]:
        keys = keys_text(action.shortcuts())
        if not keys or id(action) in seen:
            continue
        seen.add(id(action))
        text = action.text().replace("&", "")
        if (text, action.shortcut().toString()) in section_keys:
            rows.append(ShortcutRow("Sections", keys, f"Go to {text}"))
            continue
        group = _menu_of(action) or _section_of(action.parent(), views) or "Window"
        rows.append(ShortcutRow(group, keys, text))
    for shortcut in widget.findChildren(QShortcut):
        keys = keys_text([shortcut.key()])
        if keys:
            group = _section_of(shortcut.parent(), views) or "Window"
            rows.append(ShortcutRow(group, keys, shortcut.whatsThis() or "(no description)"))
    rows.extend(ShortcutRow(*row) for row in FILTERED_KEYS)

    def order(row: ShortcutRow) -> tuple[int, str]:
        rank = GROUP_ORDER.index(row.group) if row.group in GROUP_ORDER else len(GROUP_ORDER)
        return rank, row.group

    return sorted(rows, key=order)  # stable: within a group, the order the code made them


class ShortcutSheet(QDialog):
    """A non-modal list of the keys, grouped; Esc or Close puts it away."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcutSheet")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "Does"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            if row.group not in groups:
                heading = QTreeWidgetItem(self.tree, [row.group])
                heading.setFirstColumnSpanned(True)
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = heading
            QTreeWidgetItem(groups[row.group], [row.keys, row.does])
        self.tree.expandAll()
        self.tree.setItemsExpandable(False)
        # ResizeToContents leaves out the children's indentation, so the longest keys met the next column.
        widest = max((self.tree.fontMetrics().horizontalAdvance(r.keys) for r in rows), default=0)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, widest + self.tree.indentation() + 24)
        note = QLabel("Keys of the section on screen work while it is shown.")
        note.setObjectName("sheetNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def listed(self) -> list[tuple[str, str, str]]:
        """(group, keys, does) for every row shown: what the tests compare with the window's actions."""
        out: list[tuple[str, str, str]] = []
        headings = [self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount())]
        for heading in filter(None, headings):
            items = [heading.child(r) for r in range(heading.childCount())]
            out.extend((heading.text(0), item.text(0), item.text(1)) for item in filter(None, items))
        return out


def open_shortcut_sheet(window: WindowServices) -> ShortcutSheet:
    """Show the sheet (one at a time: a second F1 brings the open one forward)."""
    sheet = window.widget.findChild(ShortcutSheet)
    if sheet is None:
        sheet = ShortcutSheet(shortcut_rows(window), window.widget)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    return sheet


__all__ = ["ShortcutRow", "ShortcutSheet", "open_shortcut_sheet", "shortcut_rows"]
