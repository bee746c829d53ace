"""The user's settings: a small JSON file in the config folder, typed, with defaults for anything missing.

Settings that hold journal text never live here (they belong inside the database); this file holds only knobs
such as how many backups to keep. A hand-edited file with a bad value must not stop the app: that value falls
back to its default and the log says so. Writes go to a temporary file first and are renamed into place, so a
crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from rutjournal.core.errors import InvalidInput

log = logging.getLogger(__name__)

BACKUP_KEEP_MIN = 1
BACKUP_KEEP_MAX = 365


@dataclass(frozen=True)
class Settings:
    """Every setting with its default; ``RANGES`` says what each whole-number setting may be."""

    backup_keep: int = 14


RANGES: dict[str, tuple[int, int]] = {"backup_keep": (BACKUP_KEEP_MIN, BACKUP_KEEP_MAX)}
DESCRIPTIONS: dict[str, str] = {"backup_keep": "how many daily backups to keep"}


def check_value(name: str, value: object) -> int:
    """The value as the setting's type, or InvalidInput saying what is allowed (booleans are not numbers)."""
    if name not in RANGES:
        raise InvalidInput("setting", f"one of {', '.join(sorted(RANGES))}", name)
    low, high = RANGES[name]
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # not a number: refused just below, with what is allowed
            value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(name, f"a whole number from {low} to {high}", value)
    return value


def load_settings(path: Path) -> Settings:
    """Read the settings; a missing file gives the defaults, a bad value its default (with a warning)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("cannot read the settings file %s (%s); using the defaults", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        log.warning("the settings file %s does not hold an object; using the defaults", path)
        return Settings()
    chosen: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name not in raw:
            continue
        try:
            chosen[field.name] = check_value(field.name, raw[field.name])
        except InvalidInput as exc:
            log.warning("settings file %s: %s; using the default %r", path, exc, field.default)
    return Settings(**chosen)


def save_settings(path: Path, settings: Settings) -> None:
    """Write all settings atomically (temporary file in the same folder, then rename over the old one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def change_setting(path: Path, name: str, value: object) -> Settings:
    """Check one value, store it beside the others, and return the settings now in force."""
    checked = check_value(name, value)
    updated = replace(load_settings(path), **{name: checked})
    save_settings(path, updated)
    log.info("setting %s is now %r (%s)", name, checked, path)
    return updated
