"""Text edits as ranges: a ``pycrdt.Text`` (or several shown joined) is turned into what the user wrote by
deleting and inserting the ranges difflib finds, never replaced by a new Text, so two devices' concurrent edits
of one text both survive (the engine keeps every concurrent insert). Entries (``document``) and the other
sections' free-form texts (``records``) edit through ``edit_texts``.
"""

from __future__ import annotations

import difflib

from pycrdt import Text


def edit_texts(texts: list[Text], old: str, new: str, separator: str = "\n\n") -> None:
    """Turn ``old`` (the non-empty texts joined by ``separator``) into ``new`` by deleting and inserting ranges
    of the texts they fall in: an insertion goes into the text it touches (at a boundary: the one before), a
    deletion into each text it covers; separators between texts are the view's, never deleted from a Text."""
    spans: list[tuple[Text, int, int]] = []  # (text, start, end) in ``old``
    position = 0
    for text in texts:
        length = len(str(text))
        if length:
            spans.append((text, position, position + length))
            position += length + len(separator)
    if not spans:
        spans = [(texts[0], 0, 0)]
    contents = {id(text): str(text) for text, _start, _end in spans}
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):  # right to left: earlier offsets stay valid
        if tag == "equal":
            continue
        for text, start, end in reversed(spans):
            low, high = max(i1, start), min(i2, end)
            if low < high:
                _delete(text, contents, low - start, high - start)
        if j2 > j1:
            text, start, end = next((s for s in reversed(spans) if s[1] <= i1), spans[0])
            _insert(text, contents, min(i1, end) - start, new[j1:j2])


def _bytes(text: str, index: int) -> int:
    """Yrs counts a Text in UTF-8 bytes; Python in code points."""
    return len(text[:index].encode("utf-8"))


def _delete(text: Text, contents: dict[int, str], low: int, high: int) -> None:
    now = contents[id(text)]
    del text[_bytes(now, low) : _bytes(now, high)]
    contents[id(text)] = now[:low] + now[high:]


def _insert(text: Text, contents: dict[int, str], at: int, piece: str) -> None:
    now = contents[id(text)]
    text.insert(_bytes(now, at), piece)
    contents[id(text)] = now[:at] + piece + now[at:]
