"""The Guidance section's box of promotions asked for: the decisions so far and a row to record the next."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.guidance.rules import OUTCOME_WORDS
from rutjournal.core.guidance.service import OUTCOME_LABELS
from rutjournal.core.i18n import _, in_words
from rutjournal.ui.widgets.date_field import day_edit

if TYPE_CHECKING:
    from rutjournal.core.guidance.service import PromotionView


class PromotionsBox(QGroupBox):
    """Shows the promotion decisions; the view records a new one when its button is clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Promotions asked for"), parent)
        self.promotions = QListWidget()
        self.promotions.setAccessibleName(_("Promotion decisions"))
        self.promotions.setWordWrap(True)
        self.promotion_outcome = QComboBox()
        self.promotion_outcome.setAccessibleName(_("Promotion outcome"))
        for outcome, label in OUTCOME_LABELS.items():
            self.promotion_outcome.addItem(_(label), outcome)
        self.promotion_day = day_edit(_("Date of the decision"))
        self.promotion_day.setToolTip(
            _("When you were told: a decision months old is recorded with its own date.")
        )
        self.promotion_role = QLineEdit(placeholderText=_("role asked for"))
        self.promotion_role.setAccessibleName(_("Role asked for"))
        self.promotion_reason = QLineEdit(placeholderText=_("reason given (if refused)"))
        self.promotion_reason.setAccessibleName(_("Reason given"))
        self.promotion_button = QPushButton(_("Record decision"))
        self.promotion_button.setToolTip(_("Record the promotion decision"))
        pv = QVBoxLayout(self)
        pv.addWidget(self.promotions, 1)
        row = QHBoxLayout()
        widgets = (
            self.promotion_outcome,
            self.promotion_day,
            self.promotion_role,
            self.promotion_reason,
            self.promotion_button,
        )
        for w in widgets:
            row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
        pv.addLayout(row)

    def show_promotions(self, promotions: Iterable[PromotionView]) -> None:
        self.promotions.clear()
        for p in promotions:
            reason = f" — {p.reason}" if p.reason else ""
            role = f" ({p.role_title})" if p.role_title else ""
            outcome = in_words(OUTCOME_WORDS, p.outcome)
            # TRANSLATORS: a promotion asked for: the day and the answer, then the role and the reason if given
            line = _("{day}: {outcome}").format(day=text.short_day(p.day), outcome=outcome)
            self.promotions.addItem(line + role + reason)
        if not self.promotions.count():
            self.promotions.addItem(_("No promotion asked for yet. Record the answer here when you ask."))
