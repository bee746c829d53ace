"""The daily reminder and the tray: when to remind, the banner where no tray exists, closing to the tray."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from rutjournal.core.journal.service import Journal
from rutjournal.core.settings import Settings
from rutjournal.core.values import Scores
from rutjournal.ui.shell import tray as tray_module
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.tray import LAST_REMINDED_KEY, install_tray, reminder_due, seconds_until

AT = dt.time(17, 30)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 3, 2, 9, 0), 8.5 * 3600),  # later today
        (dt.datetime(2026, 3, 2, 17, 29, 30), 30),
        (dt.datetime(2026, 3, 2, 17, 30), 24 * 3600),  # the moment itself: the next one is tomorrow
        (dt.datetime(2026, 3, 2, 23, 0), 18.5 * 3600),  # tomorrow
        (dt.datetime(2026, 12, 31, 18, 0), 23.5 * 3600),  # across the year's end
    ],
)
def test_seconds_until_the_next_reminder_time(now: dt.datetime, expected: float) -> None:
    assert seconds_until(now, AT) == expected


def test_the_reminder_decision() -> None:
    evening = dt.datetime(2026, 3, 2, 18, 0)
    nothing = {"has_entry": False, "unsaved_text": False, "reminded_on": None}
    assert reminder_due(evening, AT, **nothing)
    assert not reminder_due(dt.datetime(2026, 3, 2, 17, 0), AT, **nothing)  # not yet
    assert not reminder_due(evening, AT, **{**nothing, "has_entry": True})
    assert not reminder_due(evening, AT, **{**nothing, "unsaved_text": True})
    assert not reminder_due(evening, AT, **{**nothing, "reminded_on": evening.date()})
    assert reminder_due(evening, AT, **{**nothing, "reminded_on": dt.date(2026, 3, 1)})  # yesterday's


def no_tray(monkeypatch: pytest.MonkeyPatch, available: bool = False) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available))


def test_without_a_tray_the_reminder_is_a_banner_once_a_day(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    no_tray(monkeypatch)
    presence = install_tray(
        QApplication.instance(), window, Settings(reminder_time="17:30", live_in_tray=True)
    )  # type: ignore[arg-type]
    assert presence.icon is None and QApplication.instance().quitOnLastWindowClosed()  # type: ignore[union-attr]
    today = dt.date.today()
    presence.now = lambda: dt.datetime.combine(today, dt.time(18, 0))
    assert presence.timer.isActive()
    presence.check()
    assert presence.banner.isVisible()
    presence.banner.later.click()
    presence.check()  # reminded today already: no second banner
    assert not presence.banner.isVisible()
    assert window.settings.value(LAST_REMINDED_KEY) == today.isoformat()
    window.show_section("load")
    presence.remind()
    presence.banner.write.click()  # "Write now" opens today
    assert window.current_section() == "journal" and window.journal_view.day == today
    assert not presence.banner.isVisible()


def test_an_entry_or_unsaved_text_means_no_reminder(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    no_tray(monkeypatch)
    presence = install_tray(QApplication.instance(), window, Settings(reminder_time="07:00"))  # type: ignore[arg-type]
    today = dt.date.today()
    presence.now = lambda: dt.datetime.combine(today, dt.time(23, 0))
    window.journal_view.show_day(today)
    window.journal_view.editor.editor.setPlainText("Started on the release notes")
    assert window.journal_view.dirty
    assert presence.today_written() == (False, True)
    presence.check()
    assert not presence.banner.isVisible()
    window.journal_view.flush()
    assert presence.today_written() == (True, False)
    assert window.db is not None
    Journal(window.db).save(today, "", Scores(mood=2), [])  # scores only still counts as an entry
    presence.check()
    assert not presence.banner.isVisible()


def test_no_reminder_time_means_no_timer(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    no_tray(monkeypatch)
    presence = install_tray(QApplication.instance(), window, Settings())  # type: ignore[arg-type]
    assert not presence.timer.isActive()
    presence.check()
    assert not presence.banner.isVisible()


def test_closing_without_a_tray_quits_as_before(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    no_tray(monkeypatch)
    install_tray(QApplication.instance(), window, Settings(live_in_tray=True))  # type: ignore[arg-type]
    assert window.close()
    assert window.db is None  # shut down: saved and the journal let go


class FakeTrayIcon:
    """Stands in for QSystemTrayIcon where the test screen has no tray."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def showMessage(self, _title: str, text: str, *_args: object) -> None:
        self.messages.append(text)

    def hide(self) -> None:
        pass

    def deleteLater(self) -> None:
        pass


def test_living_in_the_tray_hides_on_close_and_quit_really_quits(
    window: MainWindow, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    no_tray(monkeypatch, available=True)
    fake = FakeTrayIcon()
    monkeypatch.setattr(tray_module.TrayPresence, "_make_icon", lambda self: fake)
    app = QApplication.instance()
    presence = install_tray(app, window, Settings(live_in_tray=True, reminder_time="17:30"))  # type: ignore[arg-type]
    quits: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    assert not app.quitOnLastWindowClosed()  # type: ignore[union-attr]
    window.journal_view.editor.editor.setPlainText("Kept when hidden")
    assert not window.close()  # refused: hidden instead
    assert not window.isVisible() and window.db is not None
    assert not window.journal_view.dirty  # saved on the way into the tray
    assert len(fake.messages) == 1  # says once where it went
    today = dt.date.today()
    presence.now = lambda: dt.datetime.combine(today, dt.time(18, 0))
    presence.open_today()
    assert window.isVisible() and window.journal_view.day == today
    window.quit_action.trigger()  # Ctrl+Q quits for real, tray or not
    qtbot.waitUntil(lambda: bool(quits), timeout=2000)
    assert window.db is None and not window.isVisible()
    app.setQuitOnLastWindowClosed(True)  # type: ignore[union-attr]


def test_a_tray_reminder_is_a_notification(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    no_tray(monkeypatch, available=True)
    fake = FakeTrayIcon()
    monkeypatch.setattr(tray_module.TrayPresence, "_make_icon", lambda self: fake)
    presence = install_tray(QApplication.instance(), window, Settings(reminder_time="06:00"))  # type: ignore[arg-type]
    presence.now = lambda: dt.datetime.combine(dt.date.today(), dt.time(23, 0))
    presence.check()
    assert fake.messages == [tray_module.REMINDER_TEXT]
    assert not presence.banner.isVisible()
