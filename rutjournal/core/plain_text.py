"""A line of Markdown as the words a person reads: for a task title made from a journal line, a status
message, any place that shows one line of an entry outside the editor.

Only the marks go: quote marks, heading hashes, list bullets and numbers, task boxes, emphasis, strike-through,
code ticks, link and image targets, backslash escapes. Every word stays, and so do marks inside code and
underscores inside words (``snake_case``, ``2 * 3``).
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"""\A\s*(?:
        >\s?                              # a quote
      | \#{1,6}(?:\s+|\Z)                 # a heading
      | (?:[-*+•]|\d{1,9}[.)])(?:\s+|\Z)  # a list item
      | \[[ xX]\](?:\s+|\Z)               # a task box
    )""",
    re.VERBOSE,
)
_CLOSING_HASHES = re.compile(r"\s+#+\s*\Z")
_RULE = re.compile(r"\A\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})\Z")
_CODE = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<])")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),  # **bold**, __bold__
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1"),  # ~~struck~~
    re.compile(r"(==)(?=\S)(.+?)(?<=\S)\1"),  # ==marked==
    re.compile(r"(?<![\w*])(\*)(?=\S)(.+?)(?<=\S)\1(?![\w*])"),  # *italic*, not 2 * 3
    re.compile(r"(?<![\w_])(_)(?=\S)(.+?)(?<=\S)\1(?![\w_])"),  # _italic_, not snake_case
)
_KEEP = "\ue000"  # a private-use character: marks a kept piece (code, an escaped mark) while the rest is read


def plain_line(line: str) -> str:
    """One line of Markdown without its marks, its spaces tidied: "- **Vendor** call" → "Vendor call"."""
    if _RULE.match(line):
        return ""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"{_KEEP}{len(kept) - 1}{_KEEP}"

    text = _CODE.sub(lambda m: keep(m[2].strip()), line)
    text = _ESCAPE.sub(lambda m: keep(m[1]), text)
    while True:  # "> - [x] done" has three marks in front
        stripped = _LEAD.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _CLOSING_HASHES.sub("", text)
    text = _IMAGE.sub(lambda m: m[1], text)
    text = _LINK.sub(lambda m: m[1], text)
    text = _AUTOLINK.sub(lambda m: m[1], text)
    for pattern in _EMPHASIS:
        previous = None
        while previous != text:  # nested: ***both*** is ** around * around
            previous, text = text, pattern.sub(lambda m: m[2], text)
    text = re.sub(f"{_KEEP}(\\d+){_KEEP}", lambda m: kept[int(m[1])], text)
    return " ".join(text.split())
