"""Fontconfig's start, on the second core while Python imports Qt.

The window's first text waits for fontconfig to read its configuration and font caches (``FcInit``: 10–18 ms,
nearly a fifth of the window's own building). That is C work with no Python in it, so a thread started before
Qt is imported does it while the main thread imports and builds, and Qt then finds the library's one default
configuration loaded: the same one it would have loaded itself (fontconfig keeps it in one atomically set
pointer, so a Qt that asks while the thread is still at it is safe too, and only loads it twice). Nothing is
drawn differently; where there is no fontconfig (Windows, macOS) nothing is done.
"""

from __future__ import annotations

import sys

_started = False


def start() -> None:
    """Start loading fontconfig's configuration in the background, once a process (Linux and the BSDs)."""
    global _started
    if _started or sys.platform in ("win32", "darwin"):
        return
    _started = True
    import _thread  # threading would cost more to import than the thread saves

    _thread.start_new_thread(_load, ())


def _load() -> None:
    try:
        import ctypes

        ctypes.CDLL("libfontconfig.so.1").FcInit()  # ctypes lets go of the GIL for the call
    except (ImportError, OSError, AttributeError):  # no ctypes or no fontconfig: Qt finds its fonts itself
        return
