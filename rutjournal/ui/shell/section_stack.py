"""The pages of the main window: one per section, the journal built at once, the others the first time they are
opened (so the window shows without waiting for them or their modules), filled with their service when needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from rutjournal.core.i18n import N_

if TYPE_CHECKING:
    import sqlite3

    from rutjournal.core.storage.db import Database
    from rutjournal.ui.crossroads.crossroads_view import CrossroadsView
    from rutjournal.ui.grow.grow_view import GrowView
    from rutjournal.ui.guidance.guidance_view import GuidanceView
    from rutjournal.ui.load.load_view import LoadView
    from rutjournal.ui.search.search_view import SearchView
    from rutjournal.ui.trends.trends_view import TrendsView

# Each section: its key, its title (translated where it is shown: _(title)) and its shortcut.
SECTIONS = (
    ("journal", N_("Journal"), "Ctrl+1"),
    # TRANSLATORS: a section of the window's sidebar: the user's workload (tasks and hours)
    ("load", N_("Load"), "Ctrl+2"),
    # TRANSLATORS: a section of the window's sidebar: the user's goals and growth toward the next role
    ("grow", N_("Grow"), "Ctrl+3"),
    ("guidance", N_("Guidance"), "Ctrl+4"),
    # TRANSLATORS: a section of the window's sidebar: the monthly check-in (stay, push for change, or leave)
    ("crossroads", N_("Crossroads"), "Ctrl+5"),
    ("trends", N_("Trends"), "Ctrl+6"),
    # TRANSLATORS: a section of the window's sidebar (a noun): the results of a search
    ("search", N_("Search"), "Ctrl+7"),
)
KEYS = [key for key, _title, _keys in SECTIONS]
SECTION_PROPERTY = "rutjournalSection"  # on the window's go-to-section actions: the key of their section
ALWAYS_BUILT = ("journal",)
KEPT_ON_CLOSE = ("search",)  # holds no service, only the window's connection: given the new one on reopening


class SectionStack(QStackedWidget):
    """Until a section is built its slot holds an empty widget that is never shown."""

    section_wanted = Signal(str)  # a section asks for another one (Crossroads' steps): the window shows it

    def __init__(
        self,
        built: dict[str, QWidget],
        open_day: Callable[[dt.date], None],
        search_conn: Callable[[], sqlite3.Connection | None],
    ) -> None:
        super().__init__()
        self._views = dict(built)
        self._open_day = open_day
        self._search_conn = search_conn  # the window's read connection, None while the journal is closed
        for key in KEYS:
            self.addWidget(self._views.get(key) or QWidget())

    def view(self, key: str) -> QWidget:
        """The widget of a section, built on first use."""
        if key not in self._views:
            built = _build(key, self._open_day)
            if key == "crossroads":
                cast("CrossroadsView", built).section_wanted.connect(self.section_wanted)
            elif key == "search":
                conn = self._search_conn()
                if conn is not None:
                    cast("SearchView", built).set_connection(conn)
            self._put(key, built)
        return self._views[key]

    def built_view(self, key: str) -> QWidget | None:
        """The widget of a section if it has been built, without building it."""
        return self._views.get(key)

    # The views by name, built on first use (the stack holds them as QWidgets; each key holds one kind).
    @property
    def search_view(self) -> SearchView:
        return cast("SearchView", self.view("search"))

    @property
    def load_view(self) -> LoadView:
        return cast("LoadView", self.view("load"))

    @property
    def grow_view(self) -> GrowView:
        return cast("GrowView", self.view("grow"))

    @property
    def guidance_view(self) -> GuidanceView:
        return cast("GuidanceView", self.view("guidance"))

    @property
    def crossroads_view(self) -> CrossroadsView:
        return cast("CrossroadsView", self.view("crossroads"))

    @property
    def trends_view(self) -> TrendsView:
        return cast("TrendsView", self.view("trends"))

    def built(self) -> list[str]:
        """The lazily built sections that exist now (the ones to re-read after another writer)."""
        return [key for key in self._views if key not in ALWAYS_BUILT]

    def drop_built(self) -> None:
        """Forget the lazily built sections, so a reopened (restored) journal gets new ones with new services."""
        shown = self.currentIndex()
        for key in [key for key in self.built() if key not in KEPT_ON_CLOSE]:
            index = KEYS.index(key)
            view = self._views.pop(key)
            self.insertWidget(index, QWidget())
            self.removeWidget(view)
            view.deleteLater()
        self.setCurrentIndex(max(shown, 0))

    def fill(self, key: str, db: Database) -> None:
        """Give a section its service the first time it is needed, or have it re-read what may have changed
        (the guidance prefill, the crossroads signals and the trends read every other section)."""
        if key == "load":
            load = self.load_view
            if load.load is None:
                from rutjournal.core.load.service import Load

                load.set_load(Load(db))
        elif key == "grow":
            grow = self.grow_view
            if grow.grow is None:
                from rutjournal.core.grow.service import Grow

                grow.set_grow(Grow(db))
        elif key == "guidance":
            guidance = self.guidance_view
            if guidance.guidance is None:
                from rutjournal.core.guidance.service import Guidance

                guidance.set_guidance(Guidance(db))
            else:
                guidance.refresh()
        elif key == "crossroads":
            crossroads = self.crossroads_view
            if crossroads.crossroads is None:
                from rutjournal.core.crossroads.service import Crossroads

                crossroads.set_crossroads(Crossroads(db))
            else:
                crossroads.refresh()
        elif key == "trends":
            trends = self.trends_view
            if trends.db is None:
                trends.set_db(db)
            else:
                trends.refresh()

    def _put(self, key: str, view: QWidget) -> None:
        index = KEYS.index(key)
        slot = self.widget(index)
        shown = self.currentIndex() == index
        self.insertWidget(index, view)
        if slot is not None:  # every key has a slot from the start: a placeholder until built
            self.removeWidget(slot)
            slot.deleteLater()
        self._views[key] = view
        if shown:  # rebuilt while shown (after a restore): keep it shown
            self.setCurrentIndex(index)


def _build(key: str, open_day: Callable[[dt.date], None]) -> QWidget:
    if key == "search":
        from rutjournal.ui.search.search_view import SearchView

        search = SearchView()
        search.open_day.connect(open_day)
        return search
    if key == "load":
        from rutjournal.ui.load.load_view import LoadView

        load = LoadView()
        load.open_day.connect(open_day)
        return load
    if key == "grow":
        from rutjournal.ui.grow.grow_view import GrowView

        return GrowView()
    if key == "guidance":
        from rutjournal.ui.guidance.guidance_view import GuidanceView

        return GuidanceView()
    if key == "crossroads":
        from rutjournal.ui.crossroads.crossroads_view import CrossroadsView

        return CrossroadsView()
    if key == "trends":
        from rutjournal.ui.trends.trends_view import TrendsView

        return TrendsView()
    raise KeyError(key)
