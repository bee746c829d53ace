"""The words both reports are written in: user text made safe for Markdown, a span of days, and one line of
evidence. Numbers, counts and single dates are written by ``core.text``, as everywhere else in the app.

User text is escaped where Markdown would read it as structure (emphasis, links, code, HTML, headings); stored
Markdown (an agenda) is kept, but its headings become bold lines so they cannot outrank the report's own.
"""

from __future__ import annotations

import datetime as dt
import re

from rutjournal.core import text
from rutjournal.core.grow.rules import EvidenceView
from rutjournal.core.i18n import N_, _

__all__ = [
    "EVIDENCE_WORDS",
    "capital",
    "evidence_item",
    "md_block",
    "md_inline",
    "sentence",
    "span",
]

# TRANSLATORS: the kind of a task in a list of tasks (the Markdown export)
TASK_KIND_WORDS = {"task": N_("task"), "meeting": N_("meeting"), "project": N_("project")}
# TRANSLATORS: the kind of a gap, after its title: "Forecasting models (knowledge)"
GAP_KIND_WORDS = {
    "skill": N_("skill"),
    "experience": N_("experience"),
    "knowledge": N_("knowledge"),
    "visibility": N_("visibility"),
}
EVIDENCE_WORDS = {  # the kinds of evidence in words, translated where shown: _(EVIDENCE_WORDS[kind])
    # TRANSLATORS: a kind of evidence of one's work
    "project_shipped": N_("project shipped"),
    # TRANSLATORS: a kind of evidence of one's work
    "writing_design": N_("writing and design"),
    # TRANSLATORS: a kind of evidence of one's work
    "collaboration_mentoring": N_("collaboration and mentoring"),
    # TRANSLATORS: a kind of evidence of one's work
    "beyond_role": N_("work beyond the role"),
}

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_HASH = re.compile(r"(^|\s)#")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$")


# -- Markdown ---------------------------------------------------------------------------------------------------
def md_inline(text: str) -> str:
    """User text made safe for one line of Markdown: whitespace (newlines too) collapsed to single spaces, and
    the characters that would start emphasis, code, a link, HTML, a table cell or a heading escaped."""
    flat = " ".join(text.split())
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _HASH.sub(lambda m: m.group(1) + "\\#", flat)
    return _ENTITY.sub(r"\\&", flat)


def md_block(text: str) -> str:
    """Stored Markdown kept as written, except that headings become bold lines (they would outrank the
    report's own), underlines that would make a heading are dropped, and HTML is shown as text."""
    lines = []
    for line in text.strip().splitlines():
        heading = _HEADING.match(line)
        if heading:
            words = (heading.group(1) or "").strip()
            lines.append(f"**{md_inline(words)}**" if words else "")
        elif _SETEXT.match(line) and lines and lines[-1].strip():
            lines.append("")
        else:
            lines.append(line.replace("<", "\\<"))
    return "\n".join(lines).strip()


# -- dates ------------------------------------------------------------------------------------------------------
def span(first: dt.date, last: dt.date) -> str:
    """ "Tue 21 Apr 2026 – Wed 20 May 2026": both days in the app's one date style."""
    return f"{text.day(first)} – {text.day(last)}"


# -- sentences --------------------------------------------------------------------------------------------------
def sentence(text: str) -> str:
    """Text that ends as a sentence does (a full stop added unless it has its own)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def evidence_item(item: EvidenceView, *, with_kind: bool = True, gap: str | None = None) -> str:
    label = f"**{text.day(item.day)}**"
    if with_kind:
        kind = _(EVIDENCE_WORDS[item.kind]) if item.kind in EVIDENCE_WORDS else item.kind.replace("_", " ")
        label += f" · *{capital(kind)}*"
    line = f"- {label} — {sentence(md_inline(item.text))}"
    if item.result:
        # TRANSLATORS: what a piece of evidence achieved, as the user wrote it
        line += " " + _("Result: {result}").format(result=sentence(md_inline(item.result)))
    if gap:
        # TRANSLATORS: the gap (toward a target role) a piece of evidence closes, as the user named it
        line += " " + _("Gap: {gap}").format(gap=sentence(md_inline(gap)))
    return line
