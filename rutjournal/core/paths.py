"""The one place that decides where rutjournal keeps its data, settings and logs.

Precedence for the data directory: ``--data-dir`` > ``RUTJOURNAL_DATA_DIR`` > the folder chosen in Settings
(``data_dir`` in settings.json) > platformdirs' user data dir.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rutjournal import APP_NAME

DATA_DIR_ENV = "RUTJOURNAL_DATA_DIR"
DATABASE_NAME = "journal.sqlite3"
LOCK_NAME = "journal.lock"
BACKUP_DIR_NAME = "backups"


class AppPaths:
    """Where one running rutjournal reads and writes.

    The log and settings folders are asked of platformdirs the first time they are wanted: importing it costs
    a command about half of the time Python takes to start, and a command given its folder (``--data-dir``,
    ``$RUTJOURNAL_DATA_DIR``) that has nothing to log and no setting to read needs neither.
    """

    __slots__ = ("_config_dir", "_log_dir", "data_dir")

    def __init__(
        self, data_dir: Path, *, config_dir: Path | None = None, log_dir: Path | None = None
    ) -> None:
        self.data_dir = data_dir
        self._config_dir = config_dir
        self._log_dir = log_dir

    def __repr__(self) -> str:
        return f"AppPaths(data_dir={self.data_dir!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AppPaths):
            return NotImplemented
        return (self.data_dir, self.config_dir, self.log_dir) == (
            other.data_dir,
            other.config_dir,
            other.log_dir,
        )

    __hash__ = None  # type: ignore[assignment]

    def moved_to(self, data_dir: Path) -> AppPaths:
        """The same settings and log folders, with the journal in ``data_dir``."""
        return AppPaths(data_dir, config_dir=self._config_dir, log_dir=self._log_dir)

    @property
    def config_dir(self) -> Path:
        if self._config_dir is None:
            self._config_dir = user_config_dir()
        return self._config_dir

    @property
    def log_dir(self) -> Path:
        if self._log_dir is None:
            import platformdirs

            self._log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        return self._log_dir

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


def user_config_dir() -> Path:
    """The folder of the settings files (platformdirs' user config dir). On Linux it is worked out the way
    platformdirs does it (the XDG rule), without importing platformdirs: every command reads the language from
    the settings file, and importing platformdirs costs half of Python's own start."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CONFIG_HOME", "")
        return Path(base if base.strip() else os.path.expanduser("~/.config")) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Work out every path from the command-line override, the environment, Settings and platformdirs."""
    given = data_dir or os.environ.get(DATA_DIR_ENV)
    if given:
        return AppPaths(Path(given).expanduser().absolute())
    import platformdirs

    config_dir = user_config_dir()
    chosen = _moved_data_dir(config_dir) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return AppPaths(Path(chosen).expanduser().absolute(), config_dir=config_dir)


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
    # The demo folder's name ends in "-demo": any other folder is told apart without importing platformdirs.
    return paths.data_dir.name.endswith("-demo") and paths.data_dir == demo_data_dir()


def settings_path() -> Path:
    """The settings file alone (it does not depend on the data folder), for views built after start-up."""
    return user_config_dir() / "settings.json"
