"""The user's settings: a small JSON file in the config folder, typed, with defaults for anything missing.

Settings that hold journal text never live here (they belong inside the database); this file holds only knobs
such as how many backups to keep. A hand-edited file with a bad value must not stop the app: that value falls
back to its default and the log says so. Writes go to a temporary file first and are renamed into place, so a
crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _
from rutjournal.core.logsetup import logger

log = logger(__name__)

BACKUP_KEEP_MIN = 1
BACKUP_KEEP_MAX = 365
THEMES = ("system", "light", "dark")
WEEK_STARTS = ("monday", "sunday", "saturday")
TREND_WINDOWS = (30, 90, 365, 0)  # days; 0 = all time
LANGUAGE_CHOICES = (
    "system",
    "en",
    "de",
    "fr",
)  # "system": the environment's language (core.i18n.language_of)
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class Settings(NamedTuple):
    """Every setting with its default. ``data_dir`` empty means the platform's data folder; ``reminder_time``
    empty means no reminder."""

    backup_keep: int = 14
    theme: str = "system"
    reminder_time: str = ""
    live_in_tray: bool = False
    week_start: str = "monday"
    trend_window_days: int = 90
    data_dir: str = ""
    welcomed: bool = False  # the first-run welcome has been shown
    language: str = "system"  # used from the next start


RANGES: dict[str, tuple[int, int]] = {"backup_keep": (BACKUP_KEEP_MIN, BACKUP_KEEP_MAX)}
CHOICES: dict[str, tuple[object, ...]] = {
    "theme": THEMES,
    "week_start": WEEK_STARTS,
    "trend_window_days": TREND_WINDOWS,
    "language": LANGUAGE_CHOICES,
}
FLAGS = ("live_in_tray", "welcomed")
# What each setting is, for a person: marked here, translated where it is shown (_(DESCRIPTIONS[name])).
DESCRIPTIONS: dict[str, str] = {
    "backup_keep": N_("how many daily backups to keep"),
    "theme": N_("the colours: follow the system, or always light or dark"),
    "reminder_time": N_("when to remind you to write if today has no entry (HH:MM; empty: never)"),
    "live_in_tray": N_("closing the window keeps rutjournal in the tray, to remind you"),
    "week_start": N_("the first day of the week in calendars"),
    "trend_window_days": N_("the date range Trends opens on (0: all time)"),
    "data_dir": N_("the folder that holds the journal (empty: your data folder)"),
    "welcomed": N_("the welcome has been shown"),
    "language": N_("the language of the window and the reports: system, en, de or fr (from the next start)"),
}


def check_value(name: str, value: object) -> Any:
    """The value as the setting's type, or InvalidInput saying what is allowed (booleans are not numbers)."""
    if name not in DESCRIPTIONS:
        # TRANSLATORS: {choices} are names or values the user types, as they are: "backup_keep, data_dir, …".
        names = _("one of {choices}").format(choices=", ".join(sorted(DESCRIPTIONS)))
        raise InvalidInput("setting", names, name)
    if name in RANGES:
        low, high = RANGES[name]
        number = _whole(value)
        if number is None or not low <= number <= high:
            raise InvalidInput(
                name, _("a whole number from {low} to {high}").format(low=low, high=high), value
            )
        return number
    if name in CHOICES:
        allowed = CHOICES[name]
        chosen = _whole(value) if isinstance(allowed[0], int) else value
        if isinstance(chosen, str):
            chosen = chosen.strip().lower()
        if chosen not in allowed:
            choices = ", ".join(str(a) for a in allowed)
            raise InvalidInput(name, _("one of {choices}").format(choices=choices), value)
        return chosen
    if name in FLAGS:
        if isinstance(value, str) and value.strip().lower() in (
            "yes",
            "true",
            "on",
            "1",
            "no",
            "false",
            "off",
            "0",
        ):
            return value.strip().lower() in ("yes", "true", "on", "1")
        if not isinstance(value, bool):
            raise InvalidInput(name, _("yes or no"), value)
        return value
    if not isinstance(value, str):
        # TRANSLATORS: what a setting must hold: any text.
        raise InvalidInput(name, _("text"), value)
    text = value.strip()
    if name == "data_dir" and "\x00" in text:
        raise InvalidInput(name, _("a folder's path (it holds a NUL character)"), value)
    if name == "reminder_time" and text and not _TIME.fullmatch(text):
        raise InvalidInput(name, _("a time written HH:MM (e.g. 17:30), or empty for no reminder"), value)
    return text


def _whole(value: object) -> int | None:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # not a number: the caller says what is allowed
            value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def load_settings(path: Path) -> Settings:
    """Read the settings; a missing file gives the defaults, a bad value its default (with a warning)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, RecursionError) as exc:  # RecursionError: nested deeper than Python recurses
        log.warning("cannot read the settings file %s (%s); using the defaults", path, _short(exc))
        return Settings()
    if not isinstance(raw, dict):
        log.warning("the settings file %s does not hold an object; using the defaults", path)
        return Settings()
    chosen: dict[str, Any] = {}
    for name, default in Settings._field_defaults.items():
        if name not in raw:
            continue
        try:
            chosen[name] = check_value(name, raw[name])
        except InvalidInput as exc:
            log.warning("settings file %s: %s; using the default %r", path, exc, default)
    return Settings(**chosen)


def _short(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def save_settings(path: Path, settings: Settings) -> None:
    """Write all settings atomically (temporary file in the same folder, then rename over the old one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Only what differs from the defaults: a default improved in a later version then reaches the user too.
    changed = {k: v for k, v in settings._asdict().items() if v != Settings._field_defaults[k]}
    text = json.dumps(changed, indent=2, sort_keys=True) + "\n"
    import tempfile  # only when a setting is changed: not on the start-up path

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
    updated = load_settings(path)._replace(**{name: checked})
    save_settings(path, updated)
    log.info("setting %s is now %r (%s)", name, checked, path)
    return updated
