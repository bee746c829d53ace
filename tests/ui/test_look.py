"""Look and feel: light and dark palettes, section icons that follow them, and the keyboard shortcut sheet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.section_stack import KEYS
from rutjournal.ui.shell.shortcut_sheet import ShortcutSheet, keys_text, shortcut_rows
from rutjournal.ui.shell.theme import (
    apply_theme,
    is_dark,
    palette_for,
    status_colour,
    style_sheet,
    theme_choice,
)

Role = QPalette.ColorRole


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    application = qapp
    yield application
    apply_theme(application, "system")  # the next test starts as the app does


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_each_palette_reads_well(dark: bool) -> None:
    p = palette_for(dark)
    assert contrast(p.color(Role.Text), p.color(Role.Base)) >= 7
    assert contrast(p.color(Role.WindowText), p.color(Role.Window)) >= 7
    assert contrast(p.color(Role.ButtonText), p.color(Role.Button)) >= 7
    assert contrast(p.color(Role.HighlightedText), p.color(Role.Highlight)) >= 4.5
    assert contrast(p.color(Role.PlaceholderText), p.color(Role.Base)) >= 4.5
    assert contrast(p.color(Role.ToolTipText), p.color(Role.ToolTipBase)) >= 7
    assert contrast(p.color(Role.Link), p.color(Role.Base)) >= 4.5
    disabled = p.color(QPalette.ColorGroup.Disabled, Role.Text)
    assert 1.8 <= contrast(disabled, p.color(Role.Base)) < contrast(p.color(Role.Text), p.color(Role.Base))
    assert p.color(Role.Window).lightness() < 128 if dark else p.color(Role.Window).lightness() > 200
    assert p.color(Role.Base) != QColor("black")


@pytest.mark.parametrize("dark", [False, True])
def test_status_and_error_colours_read_on_their_theme(app: QApplication, dark: bool) -> None:
    apply_theme(app, "dark" if dark else "light")
    base = app.palette().color(Role.Base)
    for kind in ("good", "warn", "bad"):
        assert contrast(status_colour(kind), base) >= 4.5, kind
    assert ("#c0392b" in style_sheet(dark)) is not dark  # the error red is lightened on dark


def test_the_theme_choice_switches_the_palette_and_the_plots(
    app: QApplication, window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.show_section("trends")
    trends = window.trends_view
    qtbot.waitUntil(lambda: trends.panels["mood"].reading.text() != "", timeout=10000)
    apply_theme(app, "dark")
    assert theme_choice(app) == "dark" and is_dark(app)
    assert trends.options().dark
    qtbot.waitUntil(lambda: trends.panels["mood"].figure.get_facecolor()[0] < 0.5, timeout=10000)
    apply_theme(app, "light")
    assert not is_dark(app)
    qtbot.waitUntil(lambda: trends.panels["mood"].figure.get_facecolor()[0] > 0.5, timeout=10000)
    apply_theme(app, "system")  # the offscreen screen has no colour scheme: light
    assert theme_choice(app) == "system" and not is_dark(app)


def icon_colour(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    image = icon.pixmap(QSize(20, 20), mode).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    solid = [c for c in pixels if c.alpha() == 255]
    assert solid, "the icon draws nothing"
    return solid[0]


def test_every_section_has_an_icon_tinted_for_the_theme(app: QApplication, window: MainWindow) -> None:
    items = [window.sidebar.item(row) for row in range(window.sidebar.count())]
    assert [str(i.data(Qt.ItemDataRole.UserRole)) for i in items] == KEYS
    for dark in (True, False):
        apply_theme(app, "dark" if dark else "light")
        text = window.sidebar.palette().color(Role.WindowText)
        for item in items:
            assert not item.icon().isNull()
            assert icon_colour(item.icon()).rgb() == text.rgb(), item.text()
            selected = icon_colour(item.icon(), QIcon.Mode.Selected)
            assert selected.rgb() == window.sidebar.palette().color(Role.HighlightedText).rgb()


def test_f1_and_ctrl_slash_open_the_sheet_with_every_shortcut(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    listed = sheet.listed()
    shown_keys = {keys for _group, keys, _does in listed}
    window_actions = {
        a for a in [*window.actions(), *window.findChildren(QAction)] if not a.shortcut().isEmpty()
    }
    assert len(window_actions) >= 11  # sections, search, file menu, the sheet
    for action in window_actions:
        assert keys_text(action.shortcuts()) in shown_keys, action.text()
    for key in ("Alt+Left", "Ctrl+T", "Ctrl+E", "Ctrl+N", "Del"):  # the sections' own shortcuts too
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in shown_keys, key
    assert all(does and does != "(no description)" for _g, _k, does in listed)
    groups = [g for g, _k, _d in listed]
    assert {"Window", "Sections", "File", "Journal", "Load", "Search"} <= set(groups)
    assert ("Sections", "Ctrl+3", "Go to Grow") in listed
    sheet.close()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(ShortcutSheet) is not None, timeout=2000)


def test_the_sheet_reads_a_new_action(window: MainWindow) -> None:
    extra = QAction("Do the new thing", window, shortcut=QKeySequence("Ctrl+Shift+K"))
    window.addAction(extra)
    rows = shortcut_rows(window)
    assert any(r.does == "Do the new thing" and r.group == "Window" for r in rows)


def test_following_the_system_changes_with_it(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from rutjournal.ui.shell import theme as theme_module

    apply_theme(app, "system")
    monkeypatch.setattr(theme_module, "system_is_dark", lambda _app: True)
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched to dark
    assert is_dark(app)
    apply_theme(app, "light")  # a fixed choice ignores the system
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(app)
