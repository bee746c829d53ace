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

from rutjournal.core.i18n import N_, _
from rutjournal.ui.shell.section_stack import SECTION_PROPERTY, SECTIONS

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices

# The groups' order, by where a shortcut comes from (never by its translated name): the window itself, the
# go-to-section actions, a menu (its object name), then a section (its key).
GROUP_ORDER = ("window", "sections", "fileMenu", "helpMenu", "journal", "load", "search")
TITLES = {key: title for key, title, _keys in SECTIONS}
# Keys read by event filters rather than by an action or shortcut: the only ones written out by hand.
FILTERED_KEYS = (
    # TRANSLATORS: the name of the Down arrow key, as the keyboard shortcut sheet lists it
    ("search", N_("Down"), N_("From the search box to the results")),
    # TRANSLATORS: the name of the Enter key, as the keyboard shortcut sheet lists it
    ("search", N_("Enter"), N_("Open the day of the chosen result")),
    # TRANSLATORS: the name of the Escape key, as the keyboard shortcut sheet lists it
    ("search", N_("Esc"), N_("Clear the search and go back to the journal")),
)


@dataclass(frozen=True)
class ShortcutRow:
    group: str
    keys: str
    does: str


def keys_text(sequences: list[QKeySequence]) -> str:
    """The keys as the platform writes them, alternatives joined by "or"."""
    written = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()]
    text = written[0] if written else ""
    for other in written[1:]:
        # TRANSLATORS: two keyboard shortcuts that do the same thing ("F1 or Ctrl+/")
        text = _("{keys} or {other}").format(keys=text, other=other)
    return text


def _section_of(obj: QObject | None, views: dict[int, str]) -> str | None:
    while obj is not None:
        if id(obj) in views:
            return views[id(obj)]
        obj = obj.parent()
    return None


def _menu_of(action: QAction) -> tuple[str, str] | None:
    """(the menu's object name, its title as shown) of the menu that lists ``action``, if one does."""
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return owner.objectName(), owner.title().replace("&", "")
    return None


def _window_group() -> tuple[str, str]:
    # TRANSLATORS: a heading of the keyboard shortcut sheet: keys that work anywhere in the window
    return "window", _("Window")


def shortcut_rows(window: WindowServices) -> list[ShortcutRow]:
    """Every shortcut of the window and its sections (all built first, so none is missing), grouped."""
    views = {id(window.pages.view(key)): key for key, _title, _k in SECTIONS}
    widget = window.widget
    rows: list[tuple[str, ShortcutRow]] = []  # (where it comes from, for GROUP_ORDER; the row)
    seen: set[int] = set()
    for action in [*widget.actions(), *widget.findChildren(QAction)]:
        keys = keys_text(action.shortcuts())
        if not keys or id(action) in seen:
            continue
        seen.add(id(action))
        text = action.text().replace("&", "")
        if action.property(SECTION_PROPERTY) in TITLES:  # main_window's go-to-section actions
            # TRANSLATORS: a heading of the keyboard shortcut sheet: the keys that show each section
            group = _("Sections")
            # TRANSLATORS: what a section's shortcut does; {section} is the section's name ("Go to Grow")
            does = _("Go to {section}").format(section=text)
            rows.append(("sections", ShortcutRow(group, keys, does)))
            continue
        found = _menu_of(action) or _section_group(_section_of(action.parent(), views)) or _window_group()
        rows.append((found[0], ShortcutRow(found[1], keys, text)))
    for shortcut in widget.findChildren(QShortcut):
        keys = keys_text([shortcut.key()])
        if keys:
            found = _section_group(_section_of(shortcut.parent(), views)) or _window_group()
            does = shortcut.whatsThis() or _("(no description)")
            rows.append((found[0], ShortcutRow(found[1], keys, does)))
    for key, keys, does in FILTERED_KEYS:
        rows.append((key, ShortcutRow(_(TITLES[key]), _(keys), _(does))))

    def order(item: tuple[str, ShortcutRow]) -> tuple[int, str]:
        source, row = item
        rank = GROUP_ORDER.index(source) if source in GROUP_ORDER else len(GROUP_ORDER)
        return rank, row.group

    # sorted is stable: within a group, the order the code made them
    return [row for _source, row in sorted(rows, key=order)]


def _section_group(key: str | None) -> tuple[str, str] | None:
    """(the section's key, its title as shown) for a section's key, or None."""
    return None if key is None else (key, _(TITLES[key]))


class ShortcutSheet(QDialog):
    """A non-modal list of the keys, grouped; Esc or Close puts it away."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setObjectName("shortcutSheet")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        # TRANSLATORS: the two column headers of the keyboard shortcut sheet: the keys, and what they do
        self.tree.setHeaderLabels([_("Keys"), _("Does")])
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
        note = QLabel(_("Keys of the section on screen work while it is shown."))
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
