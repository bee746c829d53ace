"""Helpers shared by the start-up benchmarks: a private Xvfb display and polling for a visible window."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

POLL_S = 0.005


def need(*tools: str) -> None:
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: apt-get install -y xvfb (see docs/benchmarks.md)")


@contextmanager
def xvfb() -> Iterator[str]:
    """Start Xvfb on a free display (it picks one and tells us through -displayfd); yield ':N'."""
    need("Xvfb")
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as fh:
            number = fh.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(5)


class _Attributes(ctypes.Structure):  # XWindowAttributes, up to map_state
    _fields_: ClassVar = [
        *[(n, ctypes.c_int) for n in ("x", "y", "width", "height", "border_width", "depth")],
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        *[(n, ctypes.c_int) for n in ("klass", "bit_gravity", "win_gravity", "backing_store")],
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("rest", ctypes.c_byte * 64),
    ]


class Screen:
    """One Xlib connection that lists viewable top-level windows by title: the same test as
    `xdotool search --onlyvisible --name`, without starting a process for every poll."""

    IS_VIEWABLE = 2

    def __init__(self, display: str) -> None:
        x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, *[ctypes.c_void_p] * 4]
        x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            *[ctypes.c_void_p] * 5,
        ]
        x.XFree.argtypes = [ctypes.c_void_p]
        self._ignore = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda _d, _e: 0)
        x.XSetErrorHandler(self._ignore)  # a window that vanished mid-poll is not fatal
        self.x, self.dpy = x, x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise SystemExit(f"cannot open X display {display}")
        self.root = x.XDefaultRootWindow(self.dpy)
        self.names = [x.XInternAtom(self.dpy, n, 0) for n in (b"_NET_WM_NAME", b"WM_NAME")]

    def _title(self, window: int) -> str | None:
        """_NET_WM_NAME, else WM_NAME, of any 8-bit type (as xdotool reads them)."""
        for atom in self.names:
            kind, fmt, count, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
            data = ctypes.c_void_p()
            status = self.x.XGetWindowProperty(
                self.dpy,
                window,
                atom,
                0,
                4096,
                0,
                0,
                ctypes.byref(kind),
                ctypes.byref(fmt),
                ctypes.byref(count),
                ctypes.byref(after),
                ctypes.byref(data),
            )
            if status == 0 and data.value:
                text = ctypes.string_at(data.value, count.value) if fmt.value == 8 else b""
                self.x.XFree(data)
                if text:
                    return text.decode("utf-8", "replace")
        return None

    def titles(self) -> list[str]:
        x, dpy = self.x, self.dpy
        root, parent, children, count = (
            ctypes.c_ulong(),
            ctypes.c_ulong(),
            ctypes.POINTER(ctypes.c_ulong)(),
            ctypes.c_uint(),
        )
        if not x.XQueryTree(
            dpy,
            self.root,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        found = []
        for i in range(count.value):
            attrs = _Attributes()
            if not x.XGetWindowAttributes(dpy, children[i], ctypes.byref(attrs)):
                continue
            title = self._title(children[i]) if attrs.map_state == self.IS_VIEWABLE else None
            if title is not None:
                found.append(title)
        if count.value:
            x.XFree(children)
        return found

    def shown(self, name_regex: str) -> bool:
        return any(re.search(name_regex, title) for title in self.titles())

    def close(self) -> None:
        self.x.XCloseDisplay(ctypes.c_void_p(self.dpy))


def wait_window(
    screen: Screen, name_regex: str, proc: subprocess.Popen[bytes], timeout: float = 30.0
) -> float:
    """Poll every ~5 ms until a viewable top-level window's title matches; return time.time() then."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if screen.shown(name_regex):
            return time.time()
        if proc.poll() is not None:
            raise RuntimeError(f"the program exited ({proc.returncode}) before '{name_regex}' showed")
        time.sleep(POLL_S)
    raise RuntimeError(f"no viewable window matching '{name_regex}' after {timeout:.0f} s")


def poll_period(screen: Screen, rounds: int = 50) -> float:
    """How long one poll takes (query + sleep): the resolution of the window-visible figures."""
    t0 = time.perf_counter()
    for _ in range(rounds):
        screen.shown("^no such window$")
        time.sleep(POLL_S)
    return (time.perf_counter() - t0) / rounds


def stop(proc: subprocess.Popen[bytes]) -> None:
    """End a program this benchmark started (by its own pid)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
