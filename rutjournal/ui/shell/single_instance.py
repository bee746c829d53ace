"""One writer per journal: a lock file beside the database, and a local socket to wake the running window.

QtNetwork is imported only to listen (once the window has shown) or to wake another window: not before the
first paint.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QThread, Signal

from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logger(__name__)
WAKE = b"raise\n"


def server_name(paths: AppPaths) -> str:
    import hashlib

    digest = hashlib.sha256(str(paths.data_dir).encode()).hexdigest()[:16]
    return f"rutjournal-{digest}"


class SingleInstance(QObject):
    """Holds the journal's lock for the life of the window; a second start hands over to the first."""

    activation_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.lock = QLockFile(str(paths.lock_file))
        self.lock.setStaleLockTime(0)  # never steal a live lock by age; a dead owner's PID still frees it
        self.server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        """True when this process now owns the journal; False when another one does. Without ``listen``
        another start cannot wake this window until ``listen()`` is called."""
        if not self.lock.tryLock(200):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # TRANSLATORS: the start of a message the user reads when rutjournal cannot start (no full stop)
            raise OSError(_("cannot create the lock file {path}").format(path=self.paths.lock_file))
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer other starts on this journal (they ask this window to come to the front)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.isLocked():
            return
        self.server = QLocalServer(self)
        QLocalServer.removeServer(server_name(self.paths))  # a crashed owner may have left its socket
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(server_name(self.paths)):
            log.warning("cannot listen for other instances: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    def wake_running(self, timeout_ms: int = 1500) -> bool:
        """Ask the window that owns the journal to come to the front; True if it heard. One that has just
        started listens once it has shown, so a missing server is asked again until the time is up."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket.connectToServer(server_name(self.paths))
            if socket.waitForConnected(timeout_ms):
                break
            if time.monotonic() >= deadline:
                return False
            QThread.msleep(50)
        socket.write(WAKE)
        ok = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _on_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(WAKE.strip()):
            log.info("another start asked this window to come to the front")
            self.activation_requested.emit()
