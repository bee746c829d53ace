"""Finding the files in ``resources/``: inside the installed package, or beside it in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).parent.parent / "resources"  # rutjournal/resources in the wheel
_SOURCE = Path(__file__).resolve().parents[2] / "resources"  # the repository's resources/


def resource_path(*parts: str) -> Path:
    """The path of a resource file; raises FileNotFoundError naming it if it is missing."""
    for base in (_PACKAGED, _SOURCE):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"rutjournal resource not found: {'/'.join(parts)} (looked in {_PACKAGED}, {_SOURCE})"
    )
