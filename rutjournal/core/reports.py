"""Reports to take into a meeting, as Markdown a person could hand over: a promotion case and a 1:1 brief.

- The **promotion case** (``promotion_case``): the active target role, a summary with the numbers in words, each
  gap with its kind, what good looks like, its progress, its goals (status, progress, due, pace) and the
  evidence that closes it; evidence linked to no gap of the target under "Other accomplishments"; then the
  challenges asked for and their answers.
- The **1:1 brief** (``brief``) for one conversation (by default the next planned one, else the most recent):
  who and when, the agenda as stored, the open follow-ups with who owes them, the evidence of the last 30 days,
  and the last 30 days of the journal in one line per measure (mood, hours worked, perceived load), each line
  saying what it measures and over how many days.

Every section says in a sentence when it has nothing to show: no empty headings. User text is escaped where
Markdown would read it as structure (emphasis, links, code, HTML, headings); stored Markdown (an agenda) is
kept, but its headings become bold lines so they cannot outrank the report's own (``report_text``, the words
both reports share).

Reads only (plain SQL through the services): no ORM, no Qt. ``pdf_export`` turns the Markdown into a PDF. This
module is the one place callers import the reports from.
"""

from __future__ import annotations

from rutjournal.core.grow.promotion_case import ANSWER_WORDS as ANSWER_WORDS
from rutjournal.core.grow.promotion_case import STATUS_WORDS as STATUS_WORDS
from rutjournal.core.grow.promotion_case import promotion_case_markdown
from rutjournal.core.guidance.brief import WINDOW_DAYS, brief_markdown
from rutjournal.core.guidance.brief import pick_conversation as pick_conversation
from rutjournal.core.report_text import EVIDENCE_WORDS as EVIDENCE_WORDS
from rutjournal.core.report_text import md_block as md_block
from rutjournal.core.report_text import md_inline

__all__ = ["WINDOW_DAYS", "brief_markdown", "md_inline", "promotion_case_markdown"]
