"""A main window on a fresh temporary journal, opened the way the app opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from rutjournal.core.paths import AppPaths, resolve_paths
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.style import apply_style


@pytest.fixture(autouse=True)
def no_welcome(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test journal starts empty, so the first-run welcome would cover the window in every test; only
    tests/ui/test_welcome.py puts it back."""
    from rutjournal.ui.shell import first_run

    monkeypatch.setattr(first_run, "offer_welcome", lambda _window: None)


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return resolve_paths(data_dir)


@pytest.fixture
def make_window(qtbot, paths: AppPaths) -> Iterator:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        apply_style(QApplication.instance())  # type: ignore[arg-type]
        window = MainWindow(paths)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


@pytest.fixture
def window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window()


def type_unicode(widget: QWidget, text: str) -> None:
    """Type any text, emoji included (QTest.keyClicks aborts on non-ASCII with the PySide6 6.12 wheels)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


@pytest.fixture
def open_view(qtbot):  # type: ignore[no-untyped-def]
    """Opens one section's view on its own, with no main window around it: ``open_view(GrowView, lambda
    view: view.set_grow(Grow(db)))`` builds the view, gives it its service and shows it at 900 × 600."""

    def open_one(make, attach):  # type: ignore[no-untyped-def]
        view = make()
        attach(view)
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.show()
        return view

    return open_one
