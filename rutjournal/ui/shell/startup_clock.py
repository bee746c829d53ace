"""Start-up timing: when the process began, when the window showed, when today became editable."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from rutjournal.core.logsetup import logger

log = logger(__name__)
REPORT_ENV = "RUTJOURNAL_STARTUP_REPORT"


def process_start_time() -> float:
    """The wall-clock time this process was started (from /proc, to about 10 ms, where there is one)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_after_boot = int(stat[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - (uptime - started_after_boot)
    except (OSError, ValueError, IndexError):
        return _IMPORTED_AT


_IMPORTED_AT = time.time()


class StartupClock:
    """Collects the two figures the issue names and logs them (and writes them for benchmarks)."""

    def __init__(self) -> None:
        self.started = process_start_time()
        self.visible: float | None = None
        self.editable: float | None = None

    def mark_visible(self) -> None:
        if self.visible is None:
            self.visible = time.time()

    def mark_editable(self) -> bool:
        """Record the moment today's entry took input; returns True when a benchmark asked to quit now."""
        if self.editable is not None:
            return False
        self.editable = time.time()
        visible = (self.visible or self.editable) - self.started
        log.info(
            "start-up: window visible after %.3f s, today editable after %.3f s",
            visible,
            self.editable - self.started,
        )
        report = os.environ.get(REPORT_ENV)
        if report:
            Path(report).write_text(
                json.dumps(
                    {
                        "process_start": self.started,
                        "window_visible": self.visible or self.editable,
                        "editable": self.editable,
                    }
                )
            )
            return True
        return False
