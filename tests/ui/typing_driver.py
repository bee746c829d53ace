"""Runs the real app (``run_gui``) and, once today is editable, types text into it like a user.

Used by the crash tests: it prints ``TYPED <time>`` after the last keystroke and keeps running until killed.
Usage: python typing_driver.py DATA_DIR TEXT
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from rutjournal.ui import app as app_module
from rutjournal.ui.shell.main_window import MainWindow


class TypingWindow(MainWindow):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.ready.connect(lambda: QTimer.singleShot(50, self.type_next))
        self.to_type = list(sys.argv[2])

    def type_next(self) -> None:
        if not self.to_type:
            print(f"TYPED {time.time()}", flush=True)
            return
        QTest.keyClicks(self.journal_view.editor.editor, self.to_type.pop(0))
        QTimer.singleShot(15, self.type_next)


if __name__ == "__main__":
    app_module.MainWindow = TypingWindow  # type: ignore[misc]
    sys.exit(app_module.run_gui(sys.argv[1]))
