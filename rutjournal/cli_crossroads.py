"""The command line of the Crossroads section (being built: no commands yet)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rutjournal.paths import AppPaths


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` and its reports to ``reports``."""


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {}
