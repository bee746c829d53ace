"""Runs the real app (``run_gui``) and types words into today's entry, one keystroke at a time, while the test
runs commands beside it. Prints ``TYPING`` at the first keystroke and ``TYPED`` after the last; on quitting it
prints ``DAMAGE <words>`` if the window ever took the journal for damaged and ``SAVE_FAILED <text>`` for every
save that failed. Usage: python busy_window_driver.py DATA_DIR WORD...
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtTest import QTest

from rutjournal.ui import app as app_module
from rutjournal.ui.shell.main_window import MainWindow


class BusyWindow(MainWindow):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.ready.connect(lambda: QTimer.singleShot(50, self.type_next))
        self.to_type = list(" ".join(sys.argv[2:]))
        self.damage_seen: list[str] = []
        self.journal_view.save_failed.connect(lambda text, _damaged: print(f"SAVE_FAILED {text}", flush=True))
        app = QCoreApplication.instance()
        assert app is not None
        app.aboutToQuit.connect(self.report)
        self.started = False

    def type_next(self) -> None:
        if self.care.damage is not None:
            self.damage_seen.append(self.care.damage)
        if not self.started:
            self.started = True
            print("TYPING", flush=True)
        if not self.to_type:
            print("TYPED", flush=True)
            return
        # Typed where the cursor is, as a person does: a merge that brings in another process's lines keeps
        # the cursor in the writer's own text.
        QTest.keyClicks(self.journal_view.editor.editor, self.to_type.pop(0))
        QTimer.singleShot(8, self.type_next)

    def report(self) -> None:
        if self.care.damage is not None:
            self.damage_seen.append(self.care.damage)
        for words in self.damage_seen[:1]:
            print(f"DAMAGE {words}", flush=True)
        print("QUIT", flush=True)


if __name__ == "__main__":
    app_module.MainWindow = BusyWindow  # type: ignore[misc]
    sys.exit(app_module.run_gui(sys.argv[1]))
