"""Logging to a rotating file in the user log directory (stderr only gets warnings).

Nothing is paid for before the first record. Each module takes its logger with ``logger(__name__)``, a stand-in
that imports ``logging`` and sets up the handlers when it is first asked to write; ``setup_logging`` only notes
where records go until then. The file itself is opened, and ``logging.handlers`` (which brings sockets and
pickle) imported, when the first record reaches it. A command that has nothing to log imports neither, and a
library that logs by itself (SQLAlchemy and Alembic upgrading a file, matplotlib) is routed to the file by
``route_records()`` before it is imported.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import logging

WARNING = 30  # logging.WARNING, without importing logging
QUIET = 100  # above every level: nothing reaches stderr (the command line prints its own one line)

_wanted: tuple[Path | Callable[[], Path], int] | None = None  # where records go, once something writes one
_configured: Path | None = None


def setup_logging(log_file: Path | Callable[[], Path], *, stderr_level: int = WARNING) -> None:
    """Send every record to a rotating file, and those at ``stderr_level`` or above to stderr. The handlers are
    made with the first record (at once if ``logging`` is already in use); ``log_file`` may be a function, so
    that the log folder is worked out only then too."""
    global _wanted
    if _configured is not None and _configured == log_file:
        return
    _wanted = (log_file, stderr_level)
    if "logging" in sys.modules:
        route_records()


def route_records() -> None:
    """Set up the handlers ``setup_logging`` asked for now, before code that logs through ``logging`` itself."""
    global _wanted, _configured
    if _wanted is None:
        return
    where, stderr_level = _wanted
    _wanted = None
    import logging

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    _remove_handlers(root)
    # A path is prepared now; a function (the log folder not looked up yet) when the first record comes.
    file_handler = _log_file_handler(where) if isinstance(where, Path) else _rotating_on_first_record(where)
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler._rutjournal = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(stderr_level)
    err.setFormatter(logging.Formatter("rutjournal: %(message)s"))
    err._rutjournal = True  # type: ignore[attr-defined]
    root.addHandler(err)
    _configured = where if isinstance(where, Path) else None


def stop_logging() -> None:
    """Close and remove the handlers ``setup_logging`` added; the next call starts afresh. A process ends with
    this done for it; commands run one after another in one process (the tests) would otherwise keep writing
    to the first one's standard error and log file, which may be gone."""
    global _wanted, _configured
    _wanted = None
    _configured = None
    if "logging" in sys.modules:
        import logging

        _remove_handlers(logging.getLogger())


class Log:
    """A module's logger, made (with the handlers) when it is first asked to write something."""

    __slots__ = ("_name", "_real")

    def __init__(self, name: str) -> None:
        self._name = name
        self._real: logging.Logger | None = None

    def _logger(self) -> logging.Logger:
        if self._real is None:
            import logging

            route_records()
            self._real = logging.getLogger(self._name)
        return self._real

    def debug(self, msg: object, *args: object, **kwargs: Any) -> None:
        if "logging" in sys.modules:  # only a logging set up by someone else (at DEBUG) could keep it
            self._logger().debug(msg, *args, stacklevel=2, **kwargs)

    def info(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._logger().info(msg, *args, stacklevel=2, **kwargs)

    def warning(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._logger().warning(msg, *args, stacklevel=2, **kwargs)

    def error(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._logger().error(msg, *args, stacklevel=2, **kwargs)

    def exception(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._logger().exception(msg, *args, stacklevel=2, **kwargs)

    def critical(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._logger().critical(msg, *args, stacklevel=2, **kwargs)


def logger(name: str) -> Log:
    """The logger of module ``name`` (``log = logger(__name__)``), costing nothing until it writes."""
    return Log(name)


def _remove_handlers(root: logging.Logger) -> None:
    for handler in list(root.handlers):
        if getattr(handler, "_rutjournal", False):
            root.removeHandler(handler)
            handler.close()


def _log_file_handler(log_file: Path) -> logging.Handler:
    """The log file's handler, its folder made (the user's alone) now; standard error when it cannot be."""
    import logging

    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        from rutjournal.core.storage.private_files import tighten

        tighten(log_file.parent)  # the log names files and dates: the user's alone
        return _rotating_on_first_record(log_file)
    except OSError as exc:  # a read-only home must not stop the app
        print(f"rutjournal: cannot write the log file {log_file}: {exc.strerror}", file=sys.stderr)
        return logging.StreamHandler(sys.stderr)


def _rotating_on_first_record(where: Path | Callable[[], Path]) -> logging.Handler:
    """A ``RotatingFileHandler`` (1 MB, five old files kept) made when the first record arrives. Given a
    function, the log folder is looked up and made then too (the window's start has it so: platformdirs and
    its dataclasses cost 4 % of a bare Qt window, and a start that logs nothing needs neither)."""
    import logging

    class RotatingOnFirstRecord(logging.Handler):
        def __init__(self) -> None:
            super().__init__()
            self._target: logging.Handler | None = None

        def emit(self, record: logging.LogRecord) -> None:
            if self._target is None:
                target = _opened(where) if isinstance(where, Path) else _log_file_handler(where())
                target.setFormatter(self.formatter)
                self._target = target
            self._target.emit(record)

        def flush(self) -> None:
            if self._target is not None:
                self._target.flush()

        def close(self) -> None:
            if self._target is not None:
                self._target.close()
            super().close()

    return RotatingOnFirstRecord()


def _opened(log_file: Path) -> logging.Handler:
    import logging.handlers

    try:
        return logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:  # a log folder that turned read-only: say so once, on stderr
        print(f"rutjournal: cannot write the log file {log_file}: {exc.strerror}", file=sys.stderr)
        return logging.StreamHandler(sys.stderr)
