"""The task table: the columns a user needs at a glance, the rest a right-click away on the header, and the
choice remembered across restarts (in the window's settings file, beside its size and place).

The sort arrow points the way the rows run: up (▲) when the smallest value is on top, down (▼) when the
largest is. Qt draws it the other way round by default; ``SortHeader`` turns it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from rutjournal.core.choices import DECISIONS
from rutjournal.core.i18n import _
from rutjournal.core.paths import settings_path
from rutjournal.ui.load.choice_delegate import ChoiceDelegate
from rutjournal.ui.load.decision_delegate import MARGIN, PAD_X, DecisionDelegate
from rutjournal.ui.load.task_model import (
    COLUMN,
    COLUMNS,
    ENJOY_LABELS,
    choices,
    decision_choice,
    in_jd_label,
    kind_label,
)

AT_A_GLANCE = ("title", "score", "minutes_per_week", "in_jd", "decision")
ALWAYS = "title"  # a row without its task's name means nothing
SETTINGS_KEY = "load/columns"
# The widest value each column usually holds: its width is that or its header, whichever is wider.
SAMPLES = {
    "score": "100",
    "minutes_per_week": "10.5 h",
    "kind": "meeting",
    "in_jd": "partly",
    "enjoyment": "−2 dislike",
    "value": "5",
    "decision": "Automated · done",
    "delegate_to": "Sam in finance",
    "decided_on": "30 Dec 2026",
    "done_on": "30 Dec 2026",
    "notes": "a few words of notes",
}


def _sample(key: str) -> str:
    """A column's usual widest value, in the user's language where it is a word."""
    if key == "kind":
        return kind_label("meeting")
    if key == "in_jd":
        return in_jd_label("partly")
    if key == "enjoyment":
        return _(ENJOY_LABELS[-2])
    if key == "decision":
        return _("Automated · done")
    return SAMPLES[key]


def window_settings() -> QSettings:
    """The window's own settings file (``window.ini``, beside ``settings.json``)."""
    return QSettings(str(settings_path().with_name("window.ini")), QSettings.Format.IniFormat)


class SortHeader(QHeaderView):
    """A horizontal header whose sort arrow matches the order: ▲ ascending, ▼ descending."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        turned = {
            QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
            QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
        }
        option.sortIndicator = turned.get(option.sortIndicator, option.sortIndicator)


class TaskTable(QTableView):
    """The inventory's table: sortable, editable in place, with a column chooser on its header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Tasks"))
        self.setHorizontalHeader(SortHeader(self))
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)  # one line a task; the whole title is in its tooltip and the side pane
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.menu: QMenu | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for key in SAMPLES:
            self.setColumnWidth(COLUMN[key], self.usual_width(key))
        header.setSectionResizeMode(COLUMN[ALWAYS], QHeaderView.ResizeMode.Stretch)
        self._delegates()
        self.show_columns(self._remembered())

    def usual_width(self, key: str) -> int:
        """Room for the column's header (with its sort arrow) or its usual widest value, in this font."""
        header = self.horizontalHeader()
        heading = header.fontMetrics().horizontalAdvance(_(COLUMNS[COLUMN[key]].title)) + 22  # and the arrow
        value = self.fontMetrics().horizontalAdvance(_sample(key)) + 12
        if key == "decision":
            value += 2 * PAD_X + 2 * MARGIN  # the pill around the words
        return max(heading, value)

    def _delegates(self) -> None:
        pick = ChoiceDelegate
        for key in ("kind", "in_jd", "enjoyment", "value"):
            self.setItemDelegateForColumn(COLUMN[key], pick(choices(key), self))
        decisions = [(decision_choice(d), d) for d in DECISIONS]
        self.setItemDelegateForColumn(COLUMN["decision"], DecisionDelegate(decisions, self))

    # --- the columns shown ----------------------------------------------------------------------------------
    def shown_columns(self) -> list[str]:
        return [c.key for i, c in enumerate(COLUMNS) if not self.isColumnHidden(i)]

    def show_columns(self, keys: list[str] | tuple[str, ...]) -> None:
        wanted = set(keys) | {ALWAYS}
        for i, column in enumerate(COLUMNS):
            self.setColumnHidden(i, column.key not in wanted)

    def set_column_shown(self, key: str, shown: bool) -> None:
        """Show or hide one column, and remember the choice for the next start."""
        if key == ALWAYS:
            return
        self.setColumnHidden(COLUMN[key], not shown)
        if shown and self.columnWidth(COLUMN[key]) < 40:
            self.setColumnWidth(COLUMN[key], self.usual_width(key))
        self._remember()

    def reset_columns(self) -> None:
        self.show_columns(AT_A_GLANCE)
        self._remember()

    def _remembered(self) -> list[str]:
        stored = window_settings().value(SETTINGS_KEY)
        if not isinstance(stored, str) or not stored:
            return list(AT_A_GLANCE)
        keys = [key for key in stored.split(",") if key in COLUMN]
        return keys or list(AT_A_GLANCE)

    def _remember(self) -> None:
        settings = window_settings()
        settings.setValue(SETTINGS_KEY, ",".join(self.shown_columns()))
        settings.sync()

    def column_menu(self) -> QMenu:
        """A menu of every column, ticked when shown; the task's own name cannot be hidden."""
        menu = QMenu(self)
        menu.setObjectName("loadColumnMenu")
        menu.setToolTipsVisible(True)
        shown = set(self.shown_columns())
        for column in COLUMNS:
            action = QAction(_(column.title), menu, checkable=True, checked=column.key in shown)
            action.setToolTip(_(column.tip))
            action.setEnabled(column.key != ALWAYS)
            action.toggled.connect(lambda on, key=column.key: self.set_column_shown(key, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(_("Show the usual columns"), self.reset_columns)
        return menu

    def _column_menu(self, pos: QPoint) -> None:
        self.menu = self.column_menu()
        self.menu.popup(self.horizontalHeader().mapToGlobal(pos))
