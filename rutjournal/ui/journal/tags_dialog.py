"""Tags…: every tag with the number of days that carry it; rename, merge and delete them across the journal.

The list is a table model over the journal service's ``tag_uses``. Renaming into a tag that exists merges
the two; deleting takes the tag off every day (the days stay) and is confirmed first. ``ask_name``,
``ask_target`` and ``confirm`` are hooks tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.text import whole
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.core.journal.service import Journal
    from rutjournal.core.journal.tags import TagUse

Index = QModelIndex | QPersistentModelIndex


class TagModel(QAbstractTableModel):
    HEADERS = (
        # TRANSLATORS: a column header of the tags manager: the tag's name
        N_("Tag"),
        # TRANSLATORS: a column header of the tags manager: how many days carry the tag
        N_("Days"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TagUse] = []

    def set_rows(self, rows: list[TagUse]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        use = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"#{use.name}" if index.column() == 0 else whole(use.entries)
        if role == Qt.ItemDataRole.UserRole:
            return use.name if index.column() == 0 else use.entries
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        return None


class TagsDialog(QDialog):
    changed = Signal()  # tags were renamed, merged or deleted: the views re-read

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # TRANSLATORS: the title of the tags manager
        self.setWindowTitle(_("Tags"))
        self.setObjectName("tagsDialog")
        self.journal = journal
        self.ask_name: Callable[[str], str | None] = self._ask_name
        self.ask_target: Callable[[list[str]], str | None] = self._ask_target
        self.confirm: Callable[[str, int], bool] = self._confirm
        self.model = TagModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(_("Tags and the days that carry them"))
        intro = QLabel(
            _(
                "Rename a tag, merge several into one (select them first), or delete one: every day that carries "
                "it changes with it. Renaming into a tag you already have merges the two."
            ),
            wordWrap=True,
        )
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("tagsStatus")
        self.rename_button = QPushButton(_("Rename…"))
        self.merge_button = QPushButton(_("Merge…"))
        self.delete_button = QPushButton(_("Delete…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.rename_button, self.merge_button, self.delete_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(480, 420)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.journal.tag_uses())
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self._enable()

    def selected(self) -> list[str]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [str(self.sorted.index(row, 0).data(Qt.ItemDataRole.UserRole)) for row in sorted(rows)]

    def select(self, *names: str) -> None:
        """Select the rows of these tags (what a user does with the mouse before Rename, Merge or Delete)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row in range(self.sorted.rowCount()):
            index = self.sorted.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) in names:
                selection.select(index, flags)

    def _enable(self) -> None:
        chosen = len(self.selected())
        self.rename_button.setEnabled(chosen == 1)
        self.merge_button.setEnabled(chosen >= 2)
        self.delete_button.setEnabled(chosen == 1)

    def _done(self, text: str) -> None:
        show_message(self.status, text)
        self.refresh()
        self.changed.emit()

    def _failed(self, exc: RutjournalError) -> None:
        show_message(self.status, str(exc), error=True)

    def rename_selected(self) -> None:
        [old] = self.selected()
        new = self.ask_name(old)
        if not new:
            return
        try:
            touched = self.journal.rename_tag(old, new)
        except RutjournalError as exc:
            self._failed(exc)
            return
        self._done(
            ngettext("Renamed #{tag} on {count} day.", "Renamed #{tag} on {count} days.", touched).format(
                tag=old, count=whole(touched)
            )
        )

    def merge_selected(self) -> None:
        names = self.selected()
        target = self.ask_target(names)
        if not target:
            return
        try:
            touched = self.journal.merge_tags(names, target)
        except RutjournalError as exc:
            self._failed(exc)
            return
        # TRANSLATORS: how many tags were merged, put in "Merged {tags} into #{tag} on … days." below
        tags = ngettext("{count} tag", "{count} tags", len(names)).format(count=whole(len(names)))
        self._done(
            # TRANSLATORS: {tags} is how many tags were merged ("3 tags"), {tag} the tag they became
            ngettext(
                "Merged {tags} into #{tag} on {count} day.",
                "Merged {tags} into #{tag} on {count} days.",
                touched,
            ).format(tags=tags, tag=target.lstrip("#"), count=whole(touched))
        )

    def delete_selected(self) -> None:
        [name] = self.selected()
        days = next((use.entries for use in self.model.rows if use.name == name), 0)
        if not self.confirm(name, days):
            return
        try:
            touched = self.journal.delete_tag(name)
        except RutjournalError as exc:
            self._failed(exc)
            return
        self._done(
            ngettext(
                "Deleted #{tag}: taken off {count} day (the days themselves are kept).",
                "Deleted #{tag}: taken off {count} days (the days themselves are kept).",
                touched,
            ).format(tag=name, count=whole(touched))
        )

    # --- the questions -------------------------------------------------------------------------------------
    def _ask_name(self, old: str) -> str | None:
        name, ok = QInputDialog.getText(
            self, _("Rename tag"), _("New name for #{tag}:").format(tag=old), text=old
        )
        return name if ok else None

    def _ask_target(self, names: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(
            self, _("Merge tags"), _("Merge the selected tags into:"), names, 0, True
        )
        return name if ok else None

    def _confirm(self, name: str, days: int) -> bool:
        answer = QMessageBox.question(
            self,
            _("Delete tag"),
            ngettext(
                "Take #{tag} off {count} day? The days and their text stay; only the tag goes.",
                "Take #{tag} off {count} days? The days and their text stay; only the tag goes.",
                days,
            ).format(tag=name, count=whole(days)),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
