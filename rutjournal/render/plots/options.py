"""How a plot is asked for: the rolling mean's window and the light or dark theme. Plain data, free of
matplotlib, so the command line and the Trends view can hold them before matplotlib is loaded."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    muted: str
    grid: str
    blank: str  # a day of the year with no mood
    dots: float  # the opacity of a day's point: on near-black a faint point vanishes


LIGHT = Theme(
    background="#ffffff", text="#222222", muted="#666666", grid="#dddddd", blank="#ececec", dots=0.35
)
DARK = Theme(background="#1e1f22", text="#e6e6e6", muted="#a0a0a0", grid="#3a3b3f", blank="#2e3034", dots=0.7)


@dataclass(frozen=True)
class PlotOptions:
    window: int = 7  # the rolling mean's days: 7 or 30
    dark: bool = False

    @property
    def theme(self) -> Theme:
        return DARK if self.dark else LIGHT
