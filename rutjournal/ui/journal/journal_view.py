"""The Journal section: one day's entry, its scores and tags, a calendar, a prompt — saved as you type.

Autosave: the first edit starts a 0.5 s timer that is not restarted by later keystrokes, so nothing typed waits
more than half a second to reach the database; leaving the day, the section or the app saves at once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.text import long_day, whole
from rutjournal.core.values import Scores, word_count
from rutjournal.ui.journal.day_panel import DayPanel
from rutjournal.ui.journal.entry_calendar import to_date, to_qdate
from rutjournal.ui.journal.entry_editor import EntryEditor
from rutjournal.ui.journal.prompt_bar import PromptBar
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:  # the journal service brings SQLAlchemy: kept off the start-up path until the window shows
    from rutjournal.core.journal.service import DayEntry, Journal
    from rutjournal.ui.journal.tags_dialog import TagsDialog

log = logger(__name__)
AUTOSAVE_MS = 500


class Draft(NamedTuple):
    """A day's text, scores and tags as typed, not yet saved (a NamedTuple: dataclasses costs the window's
    start 2 % of a bare Qt window)."""

    day: dt.date
    body: str
    scores: Scores
    tags: tuple[str, ...]


class JournalView(QWidget):
    """Shows one day at a time; ``journal`` is None until the database is open."""

    saved = Signal(object)  # the date just saved
    save_failed = Signal(str, bool)  # what went wrong, and whether it is damage to the journal file
    task_requested = Signal(str)  # a line of the entry, to add to the Load inventory
    evidence_requested = Signal(str)  # selected text, to log as evidence in Grow
    today_wanted = Signal()  # Ctrl+T from another section: show the journal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal: Journal | None = None
        self.day = dt.date.today()
        self.loaded: DayEntry | None = None
        self.dirty = False
        self.streak_text = ""  # the last streak read, shown while an edit is not saved yet
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(AUTOSAVE_MS)
        self.save_timer.timeout.connect(self.autosave)
        self._build()
        self._shortcuts()
        self.setEnabled(False)

    # --- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(_("Previous day (Alt+Left)"))
        self.prev_button.setAccessibleName(_("Previous day"))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(_("Next day (Alt+Right)"))
        self.next_button.setAccessibleName(_("Next day"))
        self.today_button = QPushButton(_("Today"))
        self.today_button.setToolTip(_("Go to today (Ctrl+T)"))
        self.day_label = QLabel()
        self.day_label.setObjectName("dayTitle")
        self.ahead_label = QLabel()
        self.ahead_label.setObjectName("aheadOfToday")
        self.ahead_label.setVisible(False)
        self.ahead_label.setToolTip(
            _("A day that has not come yet: what you write here is a plan, not a record")
        )
        self.stats_label = QLabel()
        self.stats_label.setObjectName("dayStats")
        self.stats_label.setToolTip(_("Words in this entry · days in a row with an entry, up to today"))
        header = QHBoxLayout()
        for w in (self.prev_button, self.day_label, self.next_button, self.ahead_label):
            header.addWidget(w)
        header.addStretch(1)
        header.addWidget(self.stats_label)
        header.addWidget(self.today_button)

        self.prompts = PromptBar()
        self.prompt_label, self.another_prompt, self.use_prompt = (
            self.prompts.label,
            self.prompts.another,
            self.prompts.use,
        )

        self.editor = EntryEditor()
        self.preview_button = QPushButton(_("Preview"))
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(_("Show the rendered Markdown (Ctrl+E)"))
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.read_only_words = ""  # said in the footer while the journal may only be read
        footer = QHBoxLayout()
        footer.addWidget(self.preview_button)
        footer.addStretch(1)
        footer.addWidget(self.save_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.prompts)
        left_layout.addWidget(self.editor, 1)
        left_layout.addLayout(footer)

        self.panel = DayPanel()
        self.calendar, self.scores, self.hours = self.panel.calendar, self.panel.scores, self.panel.hours
        self.tags, self.manage_tags = self.panel.tags, self.panel.manage_tags

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.editor.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.editor.customContextMenuRequested.connect(self._context_menu)
        self.editor.text_changed.connect(self._edited)
        self.editor.text_changed.connect(self._update_stats)
        self.panel.edited.connect(self._edited)
        self.prev_button.clicked.connect(lambda: self.show_day(self.day - dt.timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.show_day(self.day + dt.timedelta(days=1)))
        self.today_button.clicked.connect(self.go_today)
        self.calendar.clicked.connect(lambda qd: self.show_day(to_date(qd)))
        self.calendar.activated.connect(lambda qd: self.show_day(to_date(qd), focus=True))
        self.preview_button.toggled.connect(self.editor.set_previewing)
        self.manage_tags.clicked.connect(self.open_tags)
        self.prompts.quote_wanted.connect(self._quote)

    def _shortcuts(self) -> None:
        """Ctrl+E here; the day keys (Alt+Left/Right, Ctrl+T) are the window's actions, so they work from
        anywhere in it — the search box included (see ``day_keys``)."""
        preview = QShortcut(
            QKeySequence("Ctrl+E"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        preview.activated.connect(self.preview_button.toggle)
        preview.setWhatsThis(_("Markdown preview on or off"))  # the shortcut sheet's words
        # Tab goes round the day's own fields (text, scores' boxes, hours, tags), never off to the search box.
        QWidget.setTabOrder(self.hours, self.tags)
        QWidget.setTabOrder(self.tags, self.manage_tags)
        QWidget.setTabOrder(self.manage_tags, self.editor.editor)

    def day_keys(self) -> list[tuple[str, str, object]]:
        """(words, keys, slot) for the window to make actions of."""
        return [
            (_("Previous day"), "Alt+Left", lambda: self._step_day(-1)),
            (_("Next day"), "Alt+Right", lambda: self._step_day(1)),
            (_("Today"), "Ctrl+T", self._today_from_anywhere),
        ]

    def _step_day(self, days: int) -> None:
        if self.isVisible() and self.isEnabled():  # the journal is the section shown
            self.show_day(self.day + dt.timedelta(days=days), focus=True)

    def _today_from_anywhere(self) -> None:
        if self.isEnabled():
            self.today_wanted.emit()
            self.go_today()

    # --- data ---------------------------------------------------------------------------------------------
    def set_journal(self, journal: Journal) -> None:
        self.journal = journal
        self.setEnabled(True)
        self.calendar.set_marks_source(journal.marks)
        self.show_day(self.day, focus=True)

    def set_read_only(self, reason: str | None) -> None:
        """A journal that may only be read (damage recorded, or a file this account cannot write): every day
        can be read and browsed, nothing on it changed, and the footer says so instead of "Saved"."""
        self.read_only_words = "" if reason is None else _("Read-only: this journal can be read, not changed")
        self.editor.editor.setReadOnly(reason is not None)
        self.panel.set_writable(reason is None)
        self.save_label.setText(self.read_only_words)
        self.save_label.setToolTip(reason or "")

    def open_tags(self) -> TagsDialog | None:
        """The tags manager; after a rename, merge or delete the day on screen and the suggestions re-read."""
        if self.journal is None or not self.flush(finished_tags_only=True):
            return None
        from rutjournal.ui.journal.tags_dialog import TagsDialog

        dialog = TagsDialog(self.journal, self)
        dialog.changed.connect(lambda: self.show_day(self.day))
        dialog.open()
        return dialog

    def go_today(self) -> None:
        self.show_day(dt.date.today(), focus=True)

    def show_day(self, day: dt.date, focus: bool = False) -> None:
        """Save the day on screen, then show ``day`` as stored now (other writers included)."""
        if self.journal is None or not self.flush():
            return
        self.day = day
        self.loaded = self.journal.get(day)
        entry = self.loaded
        self._show(
            entry.body if entry else "", entry.scores if entry else Scores(), entry.tags if entry else ()
        )
        self.tags.set_known_tags(self.journal.known_tags(dt.date.today()))
        self.day_label.setText(long_day(day))
        ahead = (day - dt.date.today()).days
        self.ahead_label.setVisible(ahead > 0)  # written ahead of time: say so, it is not a day lived yet
        days_ahead = ngettext("ahead of today ({count} day)", "ahead of today ({count} days)", ahead)
        self.ahead_label.setText(days_ahead.format(count=whole(ahead)) if ahead > 0 else "")
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(to_qdate(day))
        self.calendar.blockSignals(False)
        if (self.calendar.yearShown(), self.calendar.monthShown()) != (day.year, day.month):
            self.calendar.setCurrentPage(day.year, day.month)  # re-reads that month's marks
        else:
            self.calendar.refresh_marks()  # another writer may have added days
        self.prompts.show_for(day)
        self._update_stats()
        # TRANSLATORS: the entry shown is stored
        self.save_label.setText(self.read_only_words or (_("Saved") if entry else ""))
        if focus:
            self.editor.set_previewing(False)
            self.preview_button.setChecked(False)
            self.editor.editor.setFocus()
            self.editor.editor.moveCursor(self.editor.editor.textCursor().MoveOperation.End)

    def _show(self, body: str, scores: Scores, tags: tuple[str, ...] | list[str]) -> None:
        """Put a day's values in the widgets without counting it as an edit."""
        self.editor.set_text(body)
        self.panel.show_values(scores, tags)

    def take_draft(self) -> Draft | None:
        """The edits not saved yet, taken out of the save queue (the file must not be written: it is damaged).
        They stay on screen; ``put_back`` writes them into the journal that replaces it."""
        self.save_timer.stop()
        if not self.dirty:
            return None
        self.dirty = False
        return Draft(self.day, self.editor.text(), self.current_scores(), tuple(self.tags.tags()))

    def put_back(self, draft: Draft) -> None:
        """Show a kept draft over what the (restored) journal has for its day, and save it as an edit."""
        self.show_day(draft.day)
        self._show(draft.body, draft.scores, draft.tags)
        self._edited()

    def reload_if_changed(self) -> None:
        """Pick up what another writer (the command line) stored, unless the user is mid-edit."""
        if self.journal is None or self.dirty:
            return
        current = self.journal.get(self.day)
        if current != self.loaded:
            before, cursor, turn = self.editor.text(), self.editor.cursor_index(), self.prompts.turn
            self.show_day(self.day)
            self.editor.carry_cursor(before, cursor)
            if turn != self.prompts.turn:  # the same day: the prompt the user moved to stays
                self.prompts.show_for(self.day, turn)

    def refresh_from_store(self) -> None:
        """Another process wrote: show the day as stored now — unless it is being edited, when the save
        merges — and read the calendar's marks, the known tags and the streak again."""
        if self.journal is None:
            return
        self.reload_if_changed()
        self.calendar.refresh_marks()
        self.tags.set_known_tags(self.journal.known_tags(dt.date.today()))
        self._update_stats()

    def current_scores(self) -> Scores:
        return self.panel.scores_now()

    def autosave(self) -> bool:
        """The save half a second after a keystroke: everything but a tag still being typed."""
        return self.flush(finished_tags_only=True)

    def flush(self, *, finished_tags_only: bool = False) -> bool:
        """Write pending edits now. Returns False (and keeps them on screen) if they could not be saved."""
        self.save_timer.stop()
        if not self.dirty or self.journal is None:
            return True
        from rutjournal.core.journal.entry_merge import EditBase

        text = self.editor.text()
        unfinished = self.tags.unfinished() if finished_tags_only else None
        tags = self.tags.tags(finished_only=unfinished is not None)
        try:  # based on what was loaded: what another writer stored since is merged in, never overwritten
            saved = self.journal.save_edit(
                self.day, text, self.current_scores(), tags, EditBase.of(self.loaded)
            )
        except RutjournalError as exc:
            return self._failed(str(exc), exc)
        except Exception as exc:  # disk full, locked for too long: keep the text, say so in plain words
            log.exception("saving %s failed", self.day)
            from rutjournal.core.failures import plain_failure

            plain = plain_failure(exc, self.journal.db.path)
            first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
            return self._failed(plain or _("could not save: {reason}").format(reason=first), exc)
        self.loaded = saved.entry
        self.dirty = (
            unfinished is not None
        )  # the tag being typed is saved once it is finished (or on leaving)
        # TRANSLATORS: {time} is the time of the save, "14:05:09"
        said = _("Saved {time}")
        if saved.merged:
            cursor, entry = self.editor.cursor_index(), saved.entry
            self._show(
                entry.body if entry else "", entry.scores if entry else Scores(), entry.tags if entry else ()
            )
            if unfinished is not None:
                self.tags.set_tags(entry.tags if entry else (), unfinished)
            self.editor.carry_cursor(text, cursor)
            # TRANSLATORS: {time} is the time of the save, "14:05:09"
            said = _("Saved {time} · merged with what was added elsewhere")
        self.save_label.setText(said.format(time=f"{dt.datetime.now():%H:%M:%S}"))
        self.save_label.setProperty("error", False)
        self.calendar.refresh_marks()
        self.tags.set_known_tags(self.journal.known_tags(dt.date.today()))
        self._update_stats()
        self.saved.emit(self.day)
        return True

    def _failed(self, message: str, problem: BaseException) -> bool:
        from rutjournal.core.storage.connect import is_damage
        from rutjournal.core.storage.integrity import is_damaged_file

        # TRANSLATORS: {reason} is why the entry could not be saved
        show_message(self.save_label, _("Not saved — {reason}").format(reason=message), error=True)
        self.save_failed.emit(message, is_damaged_file(problem) or is_damage(problem))
        return False

    def _edited(self) -> None:
        if self.journal is None:
            return
        self.dirty = True
        self.save_label.setText(_("Editing…"))
        if not self.save_timer.isActive():
            self.save_timer.start()

    def selected_line(self, pos: QPoint | None = None) -> str:
        return self.editor.line_at(pos)

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.editor.editor.mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The editor's menu for a right-click at ``pos``, with "Add to Load" and "Add as evidence"."""
        from rutjournal.core.plain_text import plain_line

        menu = self.editor.editor.createStandardContextMenu()
        line = plain_line(self.selected_line(pos))  # "- **Vendor** call" is offered as "Vendor call"
        if line:
            menu.addSeparator()
            shown = line if len(line) <= 40 else line[:39] + "…"
            # TRANSLATORS: {line} is a line of the entry; Load is the section where tasks are listed
            action = menu.addAction(_("Add “{line}” to Load as a task").format(line=shown))
            action.triggered.connect(lambda: self.task_requested.emit(line))
            evidence = menu.addAction(_("Add as evidence (Grow)"))
            evidence.triggered.connect(lambda: self.evidence_requested.emit(line))
        return menu

    # --- small things -------------------------------------------------------------------------------------
    def _update_stats(self) -> None:
        words = word_count(self.editor.text())
        streak = self.journal.streak(dt.date.today()) if self.journal and not self.dirty else None
        parts = [ngettext("{count} word", "{count} words", words).format(count=words)]
        if streak is not None:
            from rutjournal.core.journal.service import STREAK_CAP  # imported already: the journal is open

            if streak >= STREAK_CAP:  # counted no further back than the cap
                # TRANSLATORS: days in a row with an entry, counted no further back than {count} days
                said = ngettext("{count}+-day streak", "{count}+-day streak", streak)
            else:
                # TRANSLATORS: days in a row with an entry, up to today
                said = ngettext("{count}-day streak", "{count}-day streak", streak)
            self.streak_text = said.format(count=whole(streak)) if streak else _("no streak yet")
        if self.streak_text:
            parts.append(self.streak_text)
        self.stats_label.setText(" · ".join(parts))

    def _quote(self, prompt: str) -> None:
        self.editor.set_previewing(False)
        self.preview_button.setChecked(False)
        edit = self.editor.editor
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        prefix = "\n\n" if edit.toPlainText().strip() else ""
        edit.insertPlainText(f"{prefix}> {prompt}\n\n")
        edit.setFocus()
