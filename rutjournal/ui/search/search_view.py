"""The Search section: ranked FTS5 results with highlighted snippets; opening one shows that day."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QStackedWidget, QVBoxLayout, QWidget

from rutjournal.core.errors import SearchSyntaxError
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.journal.search import find
from rutjournal.core.logsetup import logger
from rutjournal.core.text import whole
from rutjournal.ui.search.search_model import DayRole, HtmlDelegate, SearchResultsModel
from rutjournal.ui.widgets.message import show_message

log = logger(__name__)
LIMIT = 100
# TRANSLATORS: the help beside the search results, in HTML. What is inside <code> is typed in the search box:
# OR, NOT, the quotation marks, * and # must stay as they are; the example words may be translated (the
# right-hand column says what each finds). Ctrl+F and Enter are keys.
HELP_HTML = N_("""
<h3>Search everything you have written</h3>
<p>Type in the search box at the top (<b>Ctrl+F</b>). Results come as you type, best match first;
<b>Enter</b> or a click opens the day.</p>
<table cellpadding="4">
<tr><td><code>status report</code></td><td>entries with both words</td></tr>
<tr><td><code>"status report"</code></td><td>the exact phrase</td></tr>
<tr><td><code>promot*</code></td><td>promotion, promoted, promote…</td></tr>
<tr><td><code>#meeting</code></td><td>entries tagged meeting</td></tr>
<tr><td><code>boss OR manager</code></td><td>either word</td></tr>
<tr><td><code>deadline NOT weekend</code></td><td>the first word without the second</td></tr>
</table>
""")


class SearchView(QWidget):
    open_day = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn: sqlite3.Connection | None = None
        self.query = ""
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("searchMessage")
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setAccessibleName(_("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.help = QLabel(_(HELP_HTML), wordWrap=True)
        self.help.setObjectName("searchHelp")
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ranked = QLabel(wordWrap=True)  # under the results: that only the most recent were ranked
        self.ranked.setObjectName("searchRanked")
        self.ranked.hide()
        self.body = QStackedWidget()
        self.body.addWidget(self.help)
        self.body.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.ranked)
        self.results.viewport().installEventFilter(self)
        self.results.activated.connect(self._open)
        self.results.clicked.connect(self._open)
        self._show_help()

    def set_connection(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        if self.query:
            self.run(self.query)

    def run(self, query: str) -> None:
        self.query = query.strip()
        self.body.setCurrentWidget(self.results if self.query else self.help)
        self.ranked.hide()
        if not self.query:
            self.model.set_hits([])
            self._show_help()
            return
        if self.conn is None:
            self.message.setText(_("Opening the journal…"))
            return
        started = time.perf_counter()
        try:
            hits, ranked, matched = find(self.conn, self.query, limit=LIMIT)
        except SearchSyntaxError as exc:
            self.model.set_hits([])
            self.body.setCurrentWidget(self.help)  # the examples say how to write one that works
            show_message(self.message, str(exc), error=True)
            return
        log.debug(
            "search %r: %d hits in %.1f ms", self.query, len(hits), (time.perf_counter() - started) * 1000
        )
        self.model.set_hits(hits)
        show_message(self.message, "")
        if not hits:
            self.body.setCurrentWidget(self.help)
            # TRANSLATORS: {query} is what the user typed in the search box.
            self.message.setText(_("No entries match “{query}”.").format(query=self.query))
        else:
            self.message.setText(found_words(len(hits)))
            if ranked is not None and matched is not None:
                self.ranked.setText(ranked_words(ranked, matched))
                self.ranked.show()
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
            self.results.scrollToTop()

    def refresh(self) -> None:
        """Search again (the journal changed), keeping the chosen result chosen and the list where it was."""
        if not self.query:
            return
        chosen = self.model.data(self.results.currentIndex(), DayRole)
        scroll = self.results.verticalScrollBar().value()
        self.run(self.query)
        for row in range(self.model.rowCount()):
            if self.model.data(self.model.index(row), DayRole) == chosen:
                self.results.setCurrentIndex(self.model.index(row))
                self.results.verticalScrollBar().setValue(scroll)
                break

    def focus_results(self) -> None:
        self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.results.viewport():
            self.results.doItemsLayout()  # row heights depend on the width the snippets wrap to
        return super().eventFilter(watched, event)

    def _show_help(self) -> None:
        self.message.setProperty("error", False)
        self.message.setText("")

    def _open(self, index: object) -> None:
        day = self.model.data(index, DayRole)  # type: ignore[arg-type]
        if isinstance(day, dt.date):
            self.open_day.emit(day)


def found_words(count: int) -> str:
    """The line above the results: how many, and how to open one."""
    if count == LIMIT:  # only the best are listed
        # TRANSLATORS: {count} results are listed, the most a search shows ({limit}); Enter is the key.
        found = ngettext(
            "{count} entry matches (the best {limit}), best first. Enter or click opens the day.",
            "{count} entries match (the best {limit}), best first. Enter or click opens the day.",
            count,
        )
    else:
        # TRANSLATORS: Enter is the key.
        found = ngettext(
            "{count} entry matches, best first. Enter or click opens the day.",
            "{count} entries match, best first. Enter or click opens the day.",
            count,
        )
    return found.format(count=whole(count), limit=whole(LIMIT))


def ranked_words(ranked: int, matched: int) -> str:
    """The line under the results when only the most recently written matches were ranked."""
    # TRANSLATORS: {ranked} (5,000) of {matched} matching entries were ranked, the most recently written.
    said = ngettext(
        "Ranked the {ranked} most recently written of {matched} matching entry.",
        "Ranked the {ranked} most recently written of {matched} matching entries.",
        matched,
    )
    return said.format(ranked=whole(ranked), matched=whole(matched))
