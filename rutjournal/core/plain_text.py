"""A line of Markdown as the words a person reads: for a task title made from a journal line, a status
message, any place that shows one line of an entry outside the editor.

Only the marks go: quote marks, heading hashes, list bullets and numbers, task boxes, emphasis, strike-through,
code ticks, link and image targets, backslash escapes. Every word stays, and so do marks inside code and
underscores inside words (``snake_case``, ``2 * 3``).
"""

from __future__ import annotations

import re

# Patterns, compiled by re the first time a line holds the mark they look for (re keeps them): a command that
# shows a handful of lines without links or code compiles none of those, and a line without a mark is not
# searched for it.
_LEAD = r"""\A\s*(?:
        >\s?                              # a quote
      | \#{1,6}(?:\s+|\Z)                 # a heading
      | (?:[-*+•]|\d{1,9}[.)])(?:\s+|\Z)  # a list item
      | \[[ xX]\](?:\s+|\Z)               # a task box
    )"""
_LEADERS = frozenset(">#-*+•[0123456789")  # what a line with a mark in front begins with, after its spaces
_CLOSING_HASHES = r"\s+#+\s*\Z"
_RULE = r"\A\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})\Z"
_CODE = r"(`+)(.+?)\1"
_ESCAPE = r"\\([\\`*_{}\[\]()#+\-.!>~|<])"
_IMAGE = r"!\[([^\]]*)\]\([^)]*\)"
_LINK = r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"
_AUTOLINK = r"<((?:https?|mailto):[^>\s]+)>"
_EMPHASIS = (  # each with the marks a line must hold one of for it to be looked for
    (("**", "__"), r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),  # **bold**, __bold__
    (("~~",), r"(~~)(?=\S)(.+?)(?<=\S)\1"),  # ~~struck~~
    (("==",), r"(==)(?=\S)(.+?)(?<=\S)\1"),  # ==marked==
    (("*",), r"(?<![\w*])(\*)(?=\S)(.+?)(?<=\S)\1(?![\w*])"),  # *italic*, not 2 * 3
    (("_",), r"(?<![\w_])(_)(?=\S)(.+?)(?<=\S)\1(?![\w_])"),  # _italic_, not snake_case
)
_KEEP = "\ue000"  # a private-use character: marks a kept piece (code, an escaped mark) while the rest is read


def plain_line(line: str) -> str:
    """One line of Markdown without its marks, its spaces tidied: "- **Vendor** call" → "Vendor call"."""
    if any(mark in line for mark in "*-_") and re.match(_RULE, line):
        return ""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"{_KEEP}{len(kept) - 1}{_KEEP}"

    text = re.sub(_CODE, lambda m: keep(m[2].strip()), line) if "`" in line else line
    if "\\" in text:
        text = re.sub(_ESCAPE, lambda m: keep(m[1]), text)
    while text.lstrip()[:1] in _LEADERS:  # "> - [x] done" has three marks in front
        stripped = re.sub(_LEAD, "", text, count=1, flags=re.VERBOSE)
        if stripped == text:
            break
        text = stripped
    if "#" in text:
        text = re.sub(_CLOSING_HASHES, "", text)
    if "[" in text:
        text = re.sub(_IMAGE, lambda m: m[1], text)
        text = re.sub(_LINK, lambda m: m[1], text)
    if "<" in text:
        text = re.sub(_AUTOLINK, lambda m: m[1], text)
    for marks, pattern in _EMPHASIS:
        previous = None
        while previous != text and any(
            mark in text for mark in marks
        ):  # nested: ***both*** is ** around * around
            previous, text = text, re.sub(pattern, lambda m: m[2], text)
    if kept:
        # (a private-use character the writer typed is left as it is, if it looks like a mark of ours)
        text = re.sub(
            f"{_KEEP}(\\d+){_KEEP}", lambda m: kept[int(m[1])] if int(m[1]) < len(kept) else m[0], text
        )
    return " ".join(text.split())
