"""The one place that decides where rutjournal keeps its data, settings and logs.

Precedence for the data directory: ``--data-dir`` > ``RUTJOURNAL_DATA_DIR`` > the folder chosen in Settings
(``data_dir`` in settings.json) > platformdirs' user data dir.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rutjournal import APP_NAME

DATA_DIR_ENV = "RUTJOURNAL_DATA_DIR"
DATABASE_NAME = "journal.sqlite3"
LOCK_NAME = "journal.lock"
BACKUP_DIR_NAME = "backups"


@dataclass(frozen=True)
class AppPaths:
    """Where one running rutjournal reads and writes."""

    data_dir: Path
    log_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def lock_file(self) -> Path:
        return self.data_dir / LOCK_NAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR_NAME

    @property
    def log_file(self) -> Path:
        return self.log_dir / "rutjournal.log"

    @property
    def window_settings(self) -> Path:
        return self.config_dir / "window.ini"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Work out every path from the command-line override, the environment and platformdirs."""
    import platformdirs

    config_dir = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    chosen = (
        data_dir
        or os.environ.get(DATA_DIR_ENV)
        or _moved_data_dir(config_dir)
        or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )
    return AppPaths(
        data_dir=Path(chosen).expanduser().absolute(),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        config_dir=config_dir,
    )


def _moved_data_dir(config_dir: Path) -> str:
    """The folder the user moved the journal to in Settings (empty when it was never moved)."""
    if not (config_dir / "settings.json").exists():
        return ""  # the usual case: no file to read, nothing imported
    from rutjournal.core.settings import load_settings

    return load_settings(config_dir / "settings.json").data_dir


def demo_data_dir() -> Path:
    """The demo journal's own folder: beside the platform's data folder, never inside the user's journal
    folder (wherever Settings, ``--data-dir`` or the environment put that)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False) + "-demo").absolute()


def is_demo(paths: AppPaths) -> bool:
    return paths.data_dir == demo_data_dir()


def settings_path() -> Path:
    """The settings file alone (it does not depend on the data folder), for views built after start-up."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"
