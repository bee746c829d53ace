"""Logging given a function for its file: the folder is looked up, and made, with the first record (the window
starts with ``logging`` already imported by PySide6, so its handlers are set up at once)."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from rutjournal.core.logsetup import logger, setup_logging, stop_logging


def test_a_log_file_given_as_a_function_is_looked_up_with_the_first_record(tmp_path: Path) -> None:
    asked: list[int] = []
    log_file = tmp_path / "logs" / "rutjournal.log"

    def where() -> Path:
        asked.append(1)
        return log_file

    try:
        setup_logging(where)  # logging is imported here already: the handlers are made now
        assert asked == [] and not log_file.parent.exists()
        logger("tests.logsetup").info("the first record")
        logging.getLogger("tests.logsetup").info("a second one, through logging itself")
        assert asked == [1]
        assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700  # the user's alone, as before
        for handler in logging.getLogger().handlers:
            handler.flush()
        written = log_file.read_text(encoding="utf-8")
        assert "INFO tests.logsetup: the first record" in written
        assert "a second one, through logging itself" in written
    finally:
        stop_logging()
