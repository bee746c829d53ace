"""A row of five toggle buttons for a 1–5 score; clicking the chosen one again clears it (blank, not zero)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QWidget

from rutjournal.core.i18n import _

MOOD_COLOURS = {1: "#d9534f", 2: "#f0ad4e", 3: "#e8d44d", 4: "#8cc152", 5: "#37a65a"}


class ScoreSelector(QWidget):
    """Shows and edits one score. ``value`` is an int 1–5 or None."""

    value_changed = Signal(object)

    def __init__(
        self, label: str, words: tuple[str, str, str, str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.words = words
        self._value: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.label = QLabel(label)
        self.label.setMinimumWidth(max(72, self.label.sizeHint().width()))
        layout.addWidget(self.label)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        for score in range(1, 6):
            button = QToolButton()
            button.setText(str(score))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            # TRANSLATORS: a score button's tooltip: "Mood 4: good (click again to clear)".
            tip = _("{label} {score}: {word} (click again to clear)")
            # TRANSLATORS: what a screen reader says for a score button: "Mood 4, good".
            spoken = _("{label} {score}, {word}")
            button.setToolTip(tip.format(label=label, score=score, word=words[score - 1]))
            button.setAccessibleName(spoken.format(label=label, score=score, word=words[score - 1]))
            button.setObjectName(f"score{score}")
            button.setMinimumWidth(30)
            self.group.addButton(button, score)
            layout.addWidget(button)
        self.word = QLabel("")
        self.word.setObjectName("scoreWord")
        # as wide as its longest word, so that no word of this language is cut short
        metrics = self.word.fontMetrics()
        self.word.setMinimumWidth(max(metrics.horizontalAdvance(word) for word in (*words, _("not set"))) + 4)
        layout.addWidget(self.word)
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)
        self.label.setBuddy(self.group.button(1))

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show a stored value without announcing a change."""
        self._value = value
        for score in range(1, 6):
            self.group.button(score).setChecked(score == value)
        # TRANSLATORS: a score that has not been given yet.
        self.word.setText(self.words[value - 1] if value else _("not set"))

    def _clicked(self, score: int) -> None:
        self.set_value(None if self._value == score else score)
        self.value_changed.emit(self._value)
