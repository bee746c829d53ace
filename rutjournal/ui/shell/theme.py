"""Light and dark: one Fusion palette for each, chosen by the user or following the system.

Every colour in the app comes from the palette (the style sheet uses ``palette()`` roles), so a theme is a
palette plus the few fixed colours (error red, the "freed" green) that need a lighter tone to stay readable on
dark. Views that draw their own colours (Trends' plots) redraw on ``QEvent.ApplicationPaletteChange``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rutjournal.core.logsetup import logger
from rutjournal.core.resources import resource_path
from rutjournal.core.settings import THEMES

log = logger(__name__)
CHOICES = THEMES  # the values the settings file allows
_CHOICE_PROPERTY = "rutjournalTheme"
FUSION_PROPERTY = "rutjournalFusion"  # the app shows Fusion (create_app starts it so: "-style Fusion")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# role: (light, dark). Dark is a soft charcoal, not black; text is off-white, so neither glares.
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#f3f3f5", "#2b2d31"),
    Role.WindowText: ("#1d1e21", "#e4e5e8"),
    Role.Base: ("#ffffff", "#1f2023"),
    Role.AlternateBase: ("#eef1f5", "#33363c"),
    Role.ToolTipBase: ("#fdfdf3", "#3a3d43"),
    Role.ToolTipText: ("#1d1e21", "#eeeff1"),
    Role.PlaceholderText: ("#66696f", "#a2a5ac"),
    Role.Text: ("#1d1e21", "#e4e5e8"),
    Role.Button: ("#e9eaee", "#3a3d43"),
    Role.ButtonText: ("#1d1e21", "#e4e5e8"),
    Role.BrightText: ("#c0392b", "#ff7b6b"),
    Role.Light: ("#ffffff", "#4b4f57"),
    Role.Midlight: ("#e0e2e6", "#41444b"),
    Role.Mid: ("#b5b8bf", "#5a5e67"),  # the style sheet's borders: visible on Base in both
    Role.Dark: ("#8c8f96", "#1a1b1e"),
    Role.Shadow: ("#55575c", "#0e0f10"),
    Role.Highlight: ("#2f6fc4", "#2f6bc4"),
    Role.HighlightedText: ("#ffffff", "#ffffff"),
    Role.Link: ("#1d5fb8", "#79b8ff"),
    Role.LinkVisited: ("#6a3fb5", "#c3a3ff"),
}
_DISABLED: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.WindowText: ("#9a9ca2", "#7c7f86"),
    Role.Text: ("#9a9ca2", "#7c7f86"),
    Role.ButtonText: ("#9a9ca2", "#7c7f86"),
    Role.Highlight: ("#b5b8bf", "#4b4f57"),
    Role.HighlightedText: ("#f3f3f5", "#a2a5ac"),
    Role.Base: ("#f7f7f8", "#26272b"),
    Role.Button: ("#efeff2", "#313338"),
}
# The style sheet is written with light-theme colours; these fixed ones get a lighter tone on dark.
DARK_SWAPS = {"#c0392b": "#ff7b6b", "#2e8b57": "#5fd08f"}
# Status colours for text drawn by item views (pace, trend arrows, refused rows): (light, dark).
STATUS = {
    "good": ("#2e7d4f", "#5fd08f"),
    "warn": ("#a86400", "#f0b45a"),
    "bad": ("#c0392b", "#ff7b6b"),
    "muted": ("#6e7178", "#9a9da4"),
}


def palette_for(dark: bool) -> QPalette:
    """The whole palette of one theme, disabled colours and placeholder text included."""
    palette = QPalette()
    pick = 1 if dark else 0
    for role, pair in _COLOURS.items():
        palette.setColor(role, QColor(pair[pick]))
    for role, pair in _DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(pair[pick]))
    palette.setColor(Role.Accent, QColor(_COLOURS[Role.Highlight][pick]))
    return palette


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def theme_choice(app: QApplication) -> str:
    """The theme last applied: "system", "light" or "dark"."""
    return str(app.property(_CHOICE_PROPERTY) or "system")


def is_dark(app: QApplication) -> bool:
    """Whether the app shows dark now (read from its palette, so it is right whatever chose it)."""
    return app.palette().color(Role.Window).lightness() < 128


def status_colour(kind: str) -> QColor:
    """A readable colour for a status word ("good", "warn", "bad", "muted") on the current theme."""
    app = QApplication.instance()
    dark = isinstance(app, QApplication) and is_dark(app)
    return QColor(STATUS[kind][1 if dark else 0])


def style_sheet(dark: bool) -> str:
    sheet = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    if dark:
        for light, darker in DARK_SWAPS.items():
            sheet = sheet.replace(light, darker)
        tick = resource_path("icons", "check-mark-dark.svg").as_posix()
        sheet += resource_path("styles", "dark.qss").read_text(encoding="utf-8").replace("CHECK_MARK", tick)
    return sheet


def apply_theme(app: QApplication, choice: str) -> None:
    """Show the app light, dark or as the system is; "system" also follows the system when it changes."""
    if choice not in CHOICES:
        log.warning("unknown theme %r; following the system", choice)
        choice = "system"
    app.setProperty(_CHOICE_PROPERTY, choice)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: native dialogs and title bars follow too
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
            choice, Qt.ColorScheme.Unknown
        )
        hints.setColorScheme(scheme)
    if not app.property("rutjournalFollowsSystem"):
        app.setProperty("rutjournalFollowsSystem", True)
        hints.colorSchemeChanged.connect(lambda _scheme: _system_changed(app))
    _show(app, system_is_dark(app) if choice == "system" else choice == "dark")


@contextmanager
def styled_once(app: QApplication) -> Iterator[None]:
    """Build widgets with the style sheet lifted, and style them once they are made: while a sheet is in
    force every widget is polished again as it is made and laid out (some 30 ms for the main window), where
    styling the finished window costs a few."""
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        yield
    finally:
        app.setStyleSheet(sheet)


def _system_changed(app: QApplication) -> None:
    if theme_choice(app) == "system":
        _show(app, system_is_dark(app))


def _show(app: QApplication, dark: bool) -> None:
    if not app.property(FUSION_PROPERTY):  # looked at once: app.style() costs the QStyle type (~10 ms)
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setProperty(FUSION_PROPERTY, True)
    if app.property("rutjournalDark") == dark and app.styleSheet():
        return  # already showing it: no repolish of every widget
    app.setProperty("rutjournalDark", dark)
    app.setPalette(palette_for(dark))
    app.setStyleSheet(style_sheet(dark))  # re-set: palette() in a style sheet is read when it is set
    log.debug("theme: %s", "dark" if dark else "light")  # not info: the first record opens the log file
