"""Prints what the slow packaging tests measured (bundle size, build and install time) after the run."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.packaging.support")  # its asserts explain themselves too

from tests.packaging.support import FIGURES  # noqa: E402


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("packaging figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
