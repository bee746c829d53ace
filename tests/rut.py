"""Running rutjournal's command line as a user does: a subprocess with this test's isolated environment, or
in-process (``rut_here``) where hundreds of hostile inputs would otherwise start hundreds of interpreters."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from unittest import mock


def rut(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m rutjournal ARGS``; the environment is the test's own (its HOME, XDG folders, data dir)."""
    return subprocess.run(
        [sys.executable, "-m", "rutjournal", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ.copy() if env is None else env,
        timeout=60,
    )


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def rut_here(*args: str, stdin: bytes | str = b"") -> Ran:
    """``rutjournal ARGS`` run by ``main()`` in this process, standard streams captured.

    Arguments are what the interpreter makes of the command line: bytes that are not UTF-8 arrive as lone
    surrogates (``"\\udcff"`` for ``0xff``), as ``sys.argv`` holds them.
    """
    from rutjournal.__main__ import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    fake_in = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    out_bytes, err = io.BytesIO(), io.StringIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    with mock.patch.object(sys, "stdin", fake_in), redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    out.flush()
    return Ran(code, out_bytes.getvalue().decode("utf-8", errors="backslashreplace"), err.getvalue())
