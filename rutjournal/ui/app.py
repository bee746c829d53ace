"""Starting the window: logging, one instance per journal, the error dialog, then the event loop."""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from rutjournal import APP_NAME, __version__
from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger, setup_logging
from rutjournal.core.paths import resolve_paths
from rutjournal.core.resources import resource_path
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.single_instance import SingleInstance
from rutjournal.ui.shell.startup_clock import StartupClock
from rutjournal.ui.shell.theme import FUSION_PROPERTY, apply_theme, styled_once
from rutjournal.ui.widgets.message import tell_user

log = logger(__name__)


def create_app(theme: str = "system") -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # Fusion from the start, set by Qt itself: asking for it from Python would build the QStyle type first.
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME, "-style", "Fusion"])
    app.setProperty(FUSION_PROPERTY, True)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.rutjournal.Rutjournal")
    app.setWindowIcon(QIcon(str(resource_path("icons", "io.github.rutjournal.Rutjournal.svg"))))
    from rutjournal.ui.shell.qt_words import install_qt_words

    install_qt_words(app)  # Qt's own words and locale follow the language (English on another system too)
    apply_theme(app, theme)
    return app


def install_excepthook(log_file: str | Callable[[], object]) -> None:
    """Log an unexpected error and tell the user where the log is (``log_file`` may be a function: the log
    folder is then looked up only when there is an error to tell of)."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        tell_user(
            _("rutjournal: unexpected error"),
            _(
                "Something went wrong: {error}\n\nWhat you wrote is saved as you type. "
                "The details are in the log: {log}"
            ).format(error=value, log=log_file() if callable(log_file) else log_file),
        )

    sys.excepthook = hook


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM (logout, shutdown) and Ctrl+C quit through Qt, so pending text is saved first."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda _s, _f: app.quit())
    ticker = QTimer(app, interval=250)  # gives Python a moment to run its signal handlers
    ticker.timeout.connect(lambda: None)
    ticker.start()


def run_gui(data_dir: str | None = None, *, demo: bool = False, reset_demo: bool = False) -> int:
    clock = StartupClock()
    from rutjournal.core.storage.private_files import private_by_default

    private_by_default()  # as main() does: also when run_gui is started on its own (tests, bundles)
    paths = resolve_paths(data_dir)
    log_paths = paths  # the demo's journal logs where the user's does

    def log_file() -> Path:  # looked up when wanted: platformdirs costs 4 % of a bare Qt window
        return log_paths.log_file

    setup_logging(log_file)
    if demo:  # the demo journal, in a folder of its own (built the first time: a second or two)
        from rutjournal.ui.shell.first_run import demo_paths

        demo_at = demo_paths(reset=reset_demo)
        if demo_at is None:
            return 1
        paths = demo_at
    from rutjournal.core.settings import load_settings

    settings = load_settings(paths.settings_file)  # a small JSON file: the theme before the first paint
    app = create_app(settings.theme)
    install_excepthook(log_file)
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        tell_user(
            "rutjournal",
            _("Cannot create the data folder {folder}: {why}. Log: {log}").format(
                folder=paths.data_dir, why=exc.strerror, log=log_file()
            ),
        )
        return 1
    instance = SingleInstance(paths)
    try:
        owner = instance.acquire(listen=False)  # the window listens for other starts once it has shown
    except OSError as exc:
        tell_user(
            "rutjournal",
            # TRANSLATORS: {problem} is the system's reason the folder's lock could not be taken.
            _("{problem}. Is {folder} writable? Log: {log}").format(
                problem=exc, folder=paths.data_dir, log=log_file()
            ),
        )
        return 1
    if not owner:
        if instance.wake_running():
            log.info("the journal in %s is open in another window; brought it to the front", paths.data_dir)
            return 0
        tell_user(
            "rutjournal",
            _("This journal is already open in another rutjournal ({path}).").format(path=paths.database),
        )
        return 1
    from rutjournal.core.storage.cipher import needs_passphrase

    if needs_passphrase(paths.database):  # an encrypted journal: its passphrase before anything opens it
        from rutjournal.ui.care.passphrase_dialog import unlock_journal

        refused = unlock_journal(paths.database)
        if refused is not None:
            instance.release()
            if refused:
                tell_user(_("rutjournal: wrong passphrase"), refused)
            return 1 if refused else 0
    with styled_once(app):
        window = MainWindow(paths, clock)
        from rutjournal.ui.shell.tray import install_tray

        install_tray(app, window, settings)  # the reminder, and the tray icon when the desktop has one
    window.styled()
    window.hand_over_lock(instance)  # a move to another folder (Settings) takes the lock along
    exit_code = 0

    def failed(message: str) -> None:
        nonlocal exit_code
        exit_code = 1
        tell_user(
            _("rutjournal: cannot open the journal"),
            # TRANSLATORS: {message} says why the journal could not be opened; {log} is the log file's path.
            _("{message}\n\nLog: {log}").format(message=message, log=log_file()),
        )
        QTimer.singleShot(0, app.quit)

    window.data_failed.connect(failed)
    app.aboutToQuit.connect(window.shutdown)
    quit_on_signals(app)
    window.show()
    QTimer.singleShot(300, window.open_data)  # in case no paint arrives (a minimised start)
    try:
        code = app.exec()
    finally:
        window.shutdown()
        (window.instance or instance).release()  # the lock moves with the journal (Settings → Move…)
    return exit_code or code
