"""The task table as a user reads it: the columns that fit, the ones chosen, decisions that show their state,
an order that stays true after an edit, and a sort arrow that points the way the rows run."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from rutjournal.core.load.service import Load
from rutjournal.ui.load.load_view import LoadView
from rutjournal.ui.load.task_model import COLUMN, ToneRole
from rutjournal.ui.load.task_table import AT_A_GLANCE
from rutjournal.ui.shell.theme import status_colour
from tests.ui.test_load_view import cell, open_load, select


def titles(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.proxy.index(row, 0).data() for row in range(view.proxy.rowCount())]


def demo_tasks(window) -> Load:  # type: ignore[no-untyped-def]
    load = Load(window.db)
    for i, (title, hours) in enumerate((("Status report", 2), ("Vendor sync", 1), ("Forecast", 6))):
        load.add(title, minutes_per_week=hours * 60, in_jd=("no", "partly", "yes")[i], kind="task")
    return load


def fits(window, qtbot, width: int, height: int):  # type: ignore[no-untyped-def]
    window.resize(width, height)
    view = open_load(window, qtbot)
    qtbot.waitUntil(lambda: window.width() == width and view.table.viewport().width() > 0)
    QApplication.processEvents()
    return view


def test_the_usual_columns_fit_at_1100_pixels_with_the_decision_in_sight(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_tasks(window)
    view = fits(window, qtbot, 1100, 720)
    view.reload()
    table = view.table
    assert table.shown_columns() == list(AT_A_GLANCE)
    assert "decision" in table.shown_columns()
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    right = table.columnViewportPosition(COLUMN["decision"]) + table.columnWidth(COLUMN["decision"])
    assert right <= table.viewport().width()
    assert table.columnWidth(COLUMN["title"]) >= 220


def test_at_900_by_600_every_part_of_the_section_can_be_read(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_tasks(window)
    view = fits(window, qtbot, 900, 600)
    view.reload()
    assert view.table.horizontalScrollBar().maximum() == 0
    assert view.table.columnWidth(COLUMN["title"]) >= 100
    tabs = view.tabs.tabBar()
    assert sum(tabs.tabSizeHint(i).width() for i in range(tabs.count())) <= tabs.width()  # no tab cut off
    for widget in (
        view.decision_pick,
        view.who_or_why,
        view.apply_button,
        view.done_button,
        view.delete_button,
    ):
        corner = widget.mapTo(view, QPoint(widget.width(), widget.height()))
        assert view.rect().contains(corner - QPoint(1, 1)), widget.accessibleName() or widget.text()
        assert widget.width() >= widget.minimumSizeHint().width()


def test_the_columns_are_chosen_on_the_header_and_remembered(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_load(window, qtbot)
    header = view.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(20, 5))
    menu = view.table.menu
    assert menu is not None and menu.isVisible()
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert actions["Task"].isChecked() and not actions["Task"].isEnabled()  # a row needs its task's name
    assert not actions["Enjoy"].isChecked()
    actions["Enjoy"].trigger()
    actions["My job?"].trigger()
    menu.close()
    assert not view.table.isColumnHidden(COLUMN["enjoyment"])
    assert view.table.isColumnHidden(COLUMN["in_jd"])
    again = LoadView()  # as after a restart: the choice is read back from the settings file
    qtbot.addWidget(again)
    assert again.table.shown_columns() == ["title", "score", "minutes_per_week", "enjoyment", "decision"]
    again.table.column_menu().actions()[-1].trigger()  # "Show the usual columns"
    assert again.table.shown_columns() == list(AT_A_GLANCE)


def test_a_done_decision_looks_done_and_a_pending_one_pending(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    load = demo_tasks(window)
    report, sync, _forecast = (t.id for t in load.tasks())
    load.decide(report, "delegate", to="Sam")
    load.done(report)
    load.decide(sync, "decline")
    view = fits(window, qtbot, 1100, 720)
    view.reload()
    done, pending = cell(view, "Status report", "decision"), cell(view, "Vendor sync", "decision")
    undecided = cell(view, "Forecast", "decision")
    assert (done.data(), done.data(ToneRole)) == ("Delegated · done", "good")
    assert (pending.data(), pending.data(ToneRole)) == ("Decline", "warn")
    assert (undecided.data(), undecided.data(ToneRole)) == ("Undecided", "muted")
    assert "done on" in done.data(Qt.ItemDataRole.ToolTipRole)
    assert cell(view, "Status report", "title").data(Qt.ItemDataRole.ForegroundRole) == status_colour("muted")
    view.table.clearSelection()
    shot = view.table.viewport().grab().toImage()
    assert _has_colour(shot, view.table.visualRect(done), status_colour("good"))
    assert _has_colour(shot, view.table.visualRect(pending), status_colour("warn"))
    assert not _has_colour(shot, view.table.visualRect(undecided), status_colour("good"))


def _has_colour(image: QImage, rect, colour: QColor) -> bool:  # type: ignore[no-untyped-def]
    ratio = image.devicePixelRatio()
    for y in range(int(rect.top() * ratio), int(rect.bottom() * ratio)):
        for x in range(int(rect.left() * ratio), int(rect.right() * ratio)):
            found = image.pixelColor(x, y)
            if (
                max(
                    abs(found.red() - colour.red()),
                    abs(found.green() - colour.green()),
                    abs(found.blue() - colour.blue()),
                )
                < 40
            ):
                return True
    return False


def test_an_edit_moves_the_row_to_where_the_order_puts_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_tasks(window)
    view = open_load(window, qtbot)
    view.reload()
    view.table.sortByColumn(COLUMN["minutes_per_week"], Qt.SortOrder.DescendingOrder)
    assert titles(view) == ["Forecast", "Status report", "Vendor sync"]
    select(view, "Vendor sync")
    assert view.proxy.setData(cell(view, "Vendor sync", "minutes_per_week"), "8h")
    assert titles(view) == ["Vendor sync", "Forecast", "Status report"]
    assert [t.title for t in view.selected_tasks()] == ["Vendor sync"]  # the selection went with it
    view.table.sortByColumn(COLUMN["score"], Qt.SortOrder.DescendingOrder)
    before = titles(view)
    assert view.proxy.setData(cell(view, before[-1], "in_jd"), "no")  # its score rises to the top
    assert titles(view)[0] == before[-1]


def _arrow_points_down(view, column: int) -> bool:  # type: ignore[no-untyped-def]
    """Read the sort arrow off the header as drawn: a ▼ is widest at its top, a ▲ at its bottom."""
    header = view.table.horizontalHeader()
    image = header.grab().toImage()
    ratio = image.devicePixelRatio()
    left = header.sectionViewportPosition(column) + header.sectionSize(column) - 16  # the arrow's corner
    background = image.pixelColor(int((left + 2) * ratio), 1)
    widths = []
    for y in range(1, image.height() - 2):  # not the header's bottom line
        ink = sum(
            1
            for x in range(int(left * ratio), int((left + 12) * ratio))
            if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 100
        )
        if ink:
            widths.append(ink)
    assert len(widths) >= 3, "no arrow drawn"
    return widths.index(max(widths)) < len(widths) / 2


def test_the_sort_arrow_points_the_way_the_rows_run(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_tasks(window)
    view = fits(window, qtbot, 1100, 720)
    view.reload()
    column = COLUMN["minutes_per_week"]
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert titles(view)[0] == "Forecast"  # largest on top ...
    assert _arrow_points_down(view, column)  # ... and the arrow says so: ▼
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert titles(view)[0] == "Vendor sync"
    assert not _arrow_points_down(view, column)  # ▲


def test_the_to_whom_box_shows_what_the_selection_holds(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    load = Load(window.db)
    sam = load.add("Status report", minutes_per_week=120)
    ana = load.add("Expenses", minutes_per_week=60)
    sync = load.add("Vendor sync", kind="meeting", minutes_per_week=60)
    load.add("Forecast", minutes_per_week=600)
    load.decide(sam, "delegate", to="Sam")
    load.decide(ana, "delegate", to="Ana")
    load.decide(sync, "decline", reason="no agenda")
    view = open_load(window, qtbot)
    view.reload()
    view.decision_pick.setCurrentIndex(view.decision_pick.findData("delegate"))
    select(view, "Status report")
    assert view.who_or_why.text() == "Sam"
    assert view.who_or_why.placeholderText().startswith("to whom?")
    select(view, "Expenses")
    assert view.who_or_why.text() == "Ana"
    select(view, "Status report", "Expenses")
    assert view.who_or_why.text() == ""  # they differ: nothing carried over
    qtbot.keyClicks(view.who_or_why, "Kim")
    select(view, "Forecast")
    assert view.who_or_why.text() == ""  # typed for other tasks, not for this one
    view.decision_pick.setCurrentIndex(view.decision_pick.findData("decline"))
    assert view.who_or_why.placeholderText().startswith("why?")
    select(view, "Vendor sync")
    assert view.who_or_why.text() == "no agenda"
    metrics = view.who_or_why.fontMetrics()
    for pick in ("delegate", "decline"):
        view.decision_pick.setCurrentIndex(view.decision_pick.findData(pick))
        assert view.who_or_why.width() >= metrics.horizontalAdvance(view.who_or_why.placeholderText())
