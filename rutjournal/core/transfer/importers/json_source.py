"""Reading a JSON export whole, once, with a size limit and messages that say where it went wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rutjournal.core.i18n import _, ngettext
from rutjournal.core.text import whole
from rutjournal.core.transfer.importers.records import ImportFileError

MAX_IMPORT_BYTES = (
    512 * 1024 * 1024
)  # refused before reading: more than any journal, and more than RAM allows
MAX_DIGITS = 40  # digits in a whole number: ids and time stamps need 20 at most


def check_size(path: Path, size: int) -> None:
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            path,
            "",
            # TRANSLATORS: {size} and {most} are numbers of megabytes.
            _("it is {size} MB; rutjournal imports files of up to {most} MB").format(
                size=whole(round(size / 2**20)), most=MAX_IMPORT_BYTES // 2**20
            ),
        )
    if size == 0:
        raise ImportFileError(path, "", _("the file is empty"))


def read_json_file(path: Path) -> Any:
    """The file's JSON value; an unreadable, empty, oversized or malformed file raises ImportFileError."""
    try:
        check_size(path, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            path, "", _("cannot be read ({error})").format(error=exc.strerror or exc)
        ) from exc
    return parse_json_bytes(path, data)


def parse_json_bytes(path: Path, data: bytes, member: str = "") -> Any:
    """Decode and parse; ``member`` names the file inside a zip for the message."""
    if not data.strip():
        raise ImportFileError(path, member, _("the file is empty"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if member:
            # TRANSLATORS: where in a file inside a zip: {member} is the file's name.
            where = _("{member}, byte {number}").format(member=member, number=exc.start + 1)
        else:
            where = _("byte {number}").format(number=exc.start + 1)
        raise ImportFileError(path, where, _("not UTF-8 text (is this really a JSON export?)")) from exc
    try:
        return loads(text)
    except NumberTooLong as exc:
        raise ImportFileError(path, member, str(exc)) from exc
    except json.JSONDecodeError as exc:
        rest = text[exc.pos :].rstrip()
        truncated = not rest or (exc.msg.startswith("Unterminated string") and "\n" not in rest)
        if truncated:
            reason = _("the JSON ends too soon (is the file cut short?)")
        else:
            # TRANSLATORS: {error} is Python's JSON reader's own words, in English.
            reason = _("not valid JSON ({error})").format(error=exc.msg)
        if member:
            where = _("{member}, line {line}, column {column}").format(
                member=member, line=exc.lineno, column=exc.colno
            )
        else:
            where = _("line {line}, column {column}").format(line=exc.lineno, column=exc.colno)
        raise ImportFileError(path, where, reason) from exc
    except RecursionError as exc:
        raise ImportFileError(path, member, _("the JSON is nested too deeply to be an export")) from exc


class NumberTooLong(ValueError):
    """A number with more digits than any export writes (and than Python converts quickly)."""


class JsonObject(dict[str, Any]):
    """A JSON object that had a key more than once; only the last value is in it, so the rest are named."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found  # the usual case: a plain dict, nothing more to pay
    marked = JsonObject(found)
    seen: set[str] = set()
    twice: dict[str, None] = {}
    for key, _value in pairs:
        if key in seen:
            twice.setdefault(key)
        seen.add(key)
    marked.duplicates = tuple(twice)
    return marked


def _int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise NumberTooLong(
            ngettext(
                "a number in it has {count} digit; an export holds none longer than {most}",
                "a number in it has {count} digits; an export holds none longer than {most}",
                len(text),
            ).format(count=whole(len(text)), most=MAX_DIGITS)
        )
    return int(text)


def loads(text: str, **options: Any) -> Any:
    """``json.loads`` that marks objects with a key given twice (``JsonObject``) and refuses over-long numbers."""
    return json.loads(text, parse_int=_int, object_pairs_hook=_object, **options)


def duplicate_key(value: Any) -> str | None:
    """The first key given twice in any object inside ``value`` (walked without recursion), else None."""
    todo = [value]
    while todo:
        current = todo.pop()
        if isinstance(current, JsonObject) and current.duplicates:
            return current.duplicates[0]
        if isinstance(current, dict):
            todo.extend(current.values())
        elif isinstance(current, list):
            todo.extend(current)
    return None


def key_words(key: str) -> str:
    """A key for a message: quoted, and short (a key is the file's text, not ours)."""
    shown = key if len(key) <= 30 else key[:29] + "…"
    return f'"{shown}"'


def check_no_duplicates(item: Any) -> None:
    """BadRecord when a record (or an object inside it) gives a key twice: which value is meant cannot be told."""
    key = duplicate_key(item)
    if key is not None:
        # TRANSLATORS: {key} is a key of the file's JSON, in quotes.
        raise BadRecord(
            _("the key {key} is given twice in it; which one is meant cannot be told").format(
                key=key_words(key)
            )
        )


def check_top_level(path: Path, data: Any, member: str = "") -> None:
    """ImportFileError when the file's outer object gives a key twice (two "entries" lists, say)."""
    if isinstance(data, JsonObject) and data.duplicates:
        raise ImportFileError(
            path,
            member,
            _("the key {key} is given twice at the top of the file").format(
                key=key_words(data.duplicates[0])
            ),
        )


class BadRecord(ValueError):
    """One entry of a JSON export cannot be used; the reason goes to the preview's list of rejected records."""


def tags_and_star(item: dict[str, Any]) -> tuple[list[str], bool]:
    """An entry's "tags" (a list of words) and "starred" (true or false), as jrnl and Day One both write them."""
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadRecord('"tags" must be a list of words')
    starred = item.get("starred", False)
    if not isinstance(starred, bool):
        raise BadRecord('"starred" must be true or false')
    return tags, starred
