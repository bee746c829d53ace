"""Helpers shared by the start-up benchmarks: a private Xvfb display and polling for a visible window."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

POLL_S = 0.01


def need(*tools: str) -> None:
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: apt-get install -y xvfb xdotool (see docs/benchmarks.md)")


@contextmanager
def xvfb() -> Iterator[str]:
    """Start Xvfb on a free display (it picks one and tells us through -displayfd); yield ':N'."""
    need("Xvfb", "xdotool")
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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


def window_shown(display: str, name_regex: str) -> bool:
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name_regex],
        env={**os.environ, "DISPLAY": display}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        check=False,
    )
    return done.returncode == 0


def wait_window(display: str, name_regex: str, proc: subprocess.Popen[bytes], timeout: float = 30.0
                ) -> float:
    """Poll every ~10 ms until a visible window's title matches; return time.time() when seen."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if window_shown(display, name_regex):
            return time.time()
        if proc.poll() is not None:
            raise RuntimeError(f"the program exited ({proc.returncode}) before '{name_regex}' showed")
        time.sleep(POLL_S)
    raise RuntimeError(f"no visible window matching '{name_regex}' after {timeout:.0f} s")


def poll_period(display: str, rounds: int = 20) -> float:
    """How long one poll takes (xdotool run + sleep): the resolution of the window-visible figures."""
    t0 = time.perf_counter()
    for _ in range(rounds):
        window_shown(display, "^no such window$")
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
