"""This month's check-in: the questions with the answers saved (after a restart too), a note, and a first save;
once this month's check-in exists every change saves itself into it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.crossroads.questions import anchor_words
from rutjournal.core.crossroads.service import CheckinView, Crossroads
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.text import day, whole
from rutjournal.ui.widgets.message import show_message
from rutjournal.ui.widgets.score_selector import ScoreSelector

NOTE_SAVE_MS = 500  # a note saves itself this long after the last keystroke (and when the field is left)
FORM_WIDTH = 720  # wider than this, the questions read worse, not better


class CheckinForm(QScrollArea):
    """The questions in a scroll area, so every one can be reached in a small window or at 200 % scaling."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crossroads: Crossroads | None = None
        self.answers: dict[str, ScoreSelector] = {}
        self.shown: CheckinView | None = None  # the saved check-in the form shows, None when it shows none
        self.dirty = False  # answers or a note changed and not saved yet
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_("This month's check-in"))
        inner = QWidget()
        self.form = QVBoxLayout()
        body = QWidget()
        body.setLayout(self.form)
        body.setMaximumWidth(FORM_WIDTH)
        row = QHBoxLayout(inner)
        row.addWidget(body, 1)
        row.addStretch(0)
        self.setWidget(inner)
        self.intro = QLabel(wordWrap=True)
        # TRANSLATORS: the placeholder of the check-in's note
        self.note = QLineEdit(placeholderText=_("a line or two"))
        self.note.setAccessibleName(_("Check-in note"))
        self.save_button = QPushButton(_("Save check-in"))
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("crossroadsMessage")
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_MS)
        self._note_timer.timeout.connect(self._save_change)
        self.save_button.clicked.connect(self._save)
        self.note.textEdited.connect(self._note_edited)
        self.note.editingFinished.connect(self._flush_note)

    def set_crossroads(self, crossroads: Crossroads) -> None:
        self.crossroads = crossroads
        self.form.addWidget(self.intro)
        for question in crossroads.questions():
            label = QLabel(question.text, wordWrap=True)
            self.form.addSpacing(6)
            name = question.key.replace("_", " ").capitalize()
            selector = ScoreSelector(name, anchor_words(question.anchors))
            selector.label.hide()
            selector.word.hide()  # the anchors below say what the ends mean; 2-4 are numbers alone
            selector.setToolTip(question.anchors)
            selector.setAccessibleName(question.text)
            label.setBuddy(selector.group.button(1))
            self.form.addWidget(label)
            self.form.addWidget(selector)
            anchors = QLabel(question.anchors, wordWrap=True)
            anchors.setObjectName("checkinAnchors")
            self.form.addWidget(anchors)
            selector.value_changed.connect(self._answer_changed)
            self.answers[question.key] = selector
        self.form.addSpacing(6)
        note_label = QLabel(_("Anything else on your mind (optional):"))
        note_label.setBuddy(self.note)
        self.form.addWidget(note_label)
        self.form.addWidget(self.note)
        self.form.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addWidget(self.message)
        self.form.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Show this month's saved check-in (unless the user is changing it), and say what saving does."""
        if self.crossroads is None:
            return
        saved = self.crossroads.this_month()
        if not self.dirty and not _same(saved, self.shown):
            self._show(saved)
        count = len(self.answers)
        if saved is not None:
            self.save_button.hide()
            self.intro.setText(
                # TRANSLATORS: {day} is the day of this month's check-in
                _("Your answers of {day}. Change any of them and it saves itself.").format(day=day(saved.day))
            )
            return
        self.save_button.show()
        latest = next(iter(self.crossroads.checkins()), None)
        if latest is None:
            intro = ngettext(
                "Two minutes, once a month. Answer all {count} question (1 to 5), then save.",
                "Two minutes, once a month. Answer all {count} questions (1 to 5), then save.",
                count,
            )
        else:
            # TRANSLATORS: {day} is the day of the last check-in; {count} how many questions it has
            intro = ngettext(
                "Two minutes, once a month. The last one was on {day}. Answer all {count} question (1 to 5), "
                "then save.",
                "Two minutes, once a month. The last one was on {day}. Answer all {count} questions (1 to 5), "
                "then save.",
                count,
            )
        self.intro.setText(
            intro.format(count=whole(count), day=day(latest.day) if latest is not None else "")
        )

    def unanswered(self) -> list[str]:
        return [key for key, selector in self.answers.items() if selector.value() is None]

    # --- saving ---------------------------------------------------------------------------------------------
    def _show(self, checkin: CheckinView | None) -> None:
        for key, selector in self.answers.items():
            selector.set_value(None if checkin is None else checkin.answers.get(key))
        text = "" if checkin is None else checkin.note
        if self.note.text() != text:
            self.note.setText(text)
        self.shown = checkin

    def _answer_changed(self, _value: object) -> None:
        self.dirty = True
        if self.shown is not None:
            self._save_change()

    def _note_edited(self, _text: str) -> None:
        self.dirty = True
        if self.shown is not None:
            self._note_timer.start()

    def _flush_note(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._save_change()

    def _save_change(self) -> None:
        """A change to this month's saved check-in: saved into it once every question has an answer."""
        if self.shown is None:
            return
        left = self.unanswered()
        if left:
            self._say(
                # TRANSLATORS: {count} is how many questions have no answer yet
                ngettext(
                    "Answer every question to save the change ({count} left).",
                    "Answer every question to save the change ({count} left).",
                    len(left),
                ).format(count=whole(len(left))),
                error=True,
            )
            return
        self._write(self.shown.day)

    def _save(self) -> None:
        if self.crossroads is None:
            return
        left = self.unanswered()
        if left:
            self._say(
                # TRANSLATORS: {count} is how many questions have no answer yet
                ngettext(
                    "Answer every question first ({count} left).",
                    "Answer every question first ({count} left).",
                    len(left),
                ).format(count=whole(len(left))),
                error=True,
            )
            return
        self._write(None)

    def _write(self, on: dt.date | None) -> None:
        """Save the form as the check-in of ``on`` (this month's, replaced), or of today for a first one."""
        assert self.crossroads is not None
        when = self.crossroads.today() if on is None else on
        answers = {key: int(selector.value() or 0) for key, selector in self.answers.items()}
        try:
            self.crossroads.save_checkin(when, answers, self.note.text())
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        self.dirty = False
        self.shown = None  # re-read: the form now shows what is stored
        self.refresh()
        self._say(_("Saved. The signals and the verdict have been updated."))
        self.saved.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message, text, error=error)


def _same(a: CheckinView | None, b: CheckinView | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.id, a.day, a.note, a.answers) == (b.id, b.day, b.note, b.answers)
