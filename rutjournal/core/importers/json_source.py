"""Reading a JSON export whole, once, with a size limit and messages that say where it went wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rutjournal.core.importers.records import ImportFileError

MAX_IMPORT_BYTES = (
    512 * 1024 * 1024
)  # refused before reading: more than any journal, and more than RAM allows


def check_size(path: Path, size: int) -> None:
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            path,
            "",
            f"it is {size / 2**20:,.0f} MB; rutjournal imports files of up to {MAX_IMPORT_BYTES // 2**20} MB",
        )
    if size == 0:
        raise ImportFileError(path, "", "the file is empty")


def read_json_file(path: Path) -> Any:
    """The file's JSON value; an unreadable, empty, oversized or malformed file raises ImportFileError."""
    try:
        check_size(path, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path, "", f"cannot be read ({exc.strerror or exc})") from exc
    return parse_json_bytes(path, data)


def parse_json_bytes(path: Path, data: bytes, member: str = "") -> Any:
    """Decode and parse; ``member`` names the file inside a zip for the message."""
    where = f"{member}, " if member else ""
    if not data.strip():
        raise ImportFileError(path, member, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            path, f"{where}byte {exc.start + 1}", "not UTF-8 text (is this really a JSON export?)"
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        rest = text[exc.pos :].rstrip()
        truncated = not rest or (exc.msg.startswith("Unterminated string") and "\n" not in rest)
        reason = (
            "the JSON ends too soon (is the file cut short?)" if truncated else f"not valid JSON ({exc.msg})"
        )
        raise ImportFileError(path, f"{where}line {exc.lineno}, column {exc.colno}", reason) from exc
    except RecursionError as exc:
        raise ImportFileError(path, member, "the JSON is nested too deeply to be an export") from exc


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
