"""Running rutjournal's command line as a user does.

``rut`` runs ``main(argv)`` in this process, as a freshly started process would run it: its own standard
streams, the environment the test gives, and none of the state an earlier command left in the process (held
passphrases and keys, logging handlers, the umask, warning filters, the locale). Starting an interpreter costs
half a second, a command in-process a few milliseconds.

``rut_process`` starts a real ``python -m rutjournal``: only for what a process alone shows (its exit status
as the shell sees it, the modules a fresh interpreter loads, signals, processes side by side, command-line
bytes as the interpreter decodes them). Every test that uses it says why on its line.
"""

from __future__ import annotations

import io
import json
import locale
import logging
import os
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

# What a fresh interpreter sets from the environment is LC_CTYPE alone; Qt (a QApplication in this process)
# sets every category from it, which would name the days of `show` in the user's language.
_C_CATEGORIES = (locale.LC_COLLATE, locale.LC_MONETARY, locale.LC_NUMERIC, locale.LC_TIME)


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def rut(*args: str, stdin: bytes | str = b"", env: Mapping[str, str | None] | None = None) -> Ran:
    """``rutjournal ARGS`` run by ``main()`` in this process, standard streams captured.

    ``env`` changes the environment for this command only (None unsets a variable). Arguments are what the
    interpreter makes of the command line: bytes that are not UTF-8 arrive as lone surrogates (``"\\udcff"``
    for ``0xff``), as ``sys.argv`` holds them. An exception that escapes ``main()`` fails the test, where a
    process would print a traceback and exit 1.
    """
    from rutjournal.__main__ import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    fake_in = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    out_bytes, err = io.BytesIO(), io.StringIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    with (
        as_a_new_process(env),
        mock.patch.object(sys, "stdin", fake_in),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        code = _exit_status(main, list(args))
    out.flush()
    return Ran(code, out_bytes.getvalue().decode("utf-8", errors="backslashreplace"), err.getvalue())


def _exit_status(main: Callable[[list[str]], int], argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse ends the process for --version and --help
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1


@contextmanager
def as_a_new_process(env: Mapping[str, str | None] | None = None) -> Iterator[None]:
    """The process-wide state a command may read or change, as a new process has it, and put back after."""
    from rutjournal.core import i18n, logsetup
    from rutjournal.core.storage import cipher

    root = logging.getLogger()
    level = root.level
    umask = os.umask(0o022)
    os.umask(umask)
    locales = {category: locale.setlocale(category) for category in _C_CATEGORIES}
    # Keys derived so far are put back after each reset: derive() is a pure function of (passphrase, salt), so
    # a wrong passphrase still finds no key, and PBKDF2's 256,000 rounds per file per command would cost more
    # than the interpreter start this module saves.
    spoken = (i18n._language, i18n._catalog, i18n._formats)  # a command settles its language; put it back
    derived = dict(cipher._raw_keys)
    cipher.forget_all()
    cipher._raw_keys.update(derived)
    try:
        with mock.patch.dict(os.environ), warnings.catch_warnings():
            for name, value in (env or {}).items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            for category in _C_CATEGORIES:
                locale.setlocale(category, "C")
            yield
    finally:
        for category, value in locales.items():
            locale.setlocale(category, value)
        derived.update(cipher._raw_keys)
        cipher.forget_all()
        cipher._raw_keys.update(derived)
        logsetup.stop_logging()
        i18n._language, i18n._catalog, i18n._formats = spoken
        root.setLevel(level)
        os.umask(umask)


def rut_process(
    *args: str, stdin: str | None = "", env: Mapping[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``python -m rutjournal ARGS`` in a process of its own, with this test's environment (its HOME, XDG
    folders, data dir) or ``env`` in its place."""
    return subprocess.run(
        [sys.executable, "-m", "rutjournal", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ.copy() if env is None else dict(env),
        timeout=timeout,
    )


HEAVY = ("PySide6", "matplotlib", "sqlalchemy")
_IMPORTS = """
import sys
from rutjournal.__main__ import main
heavy, found = sys.argv[2].split(","), []
for argv in (command.split("\\x1f") for command in sys.argv[3:]):
    before = {m for m in heavy if m in sys.modules}
    code = main(argv)
    found.append([code] + [m for m in heavy if m in sys.modules and m not in before])
import json  # only now: json is one of the modules a command may be asked not to import
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    json.dump(found, fh)
"""


def heavy_imports(*commands: Sequence[str], heavy: Sequence[str] = HEAVY) -> list[list[object]]:
    """For each command, run one after another by ``main()`` in one fresh interpreter (a process: what it
    imports shows only there): ``[exit status, *the heavy modules it was the first to import]``.

    A module the first command imports is not named again for the next: give commands that are expected to
    import nothing heavy together, and a command that does import one in a call of its own.
    """
    with tempfile.TemporaryDirectory() as scratch:
        results = Path(scratch) / "found.json"
        argvs = [list(command) for command in commands]
        done = subprocess.run(
            [sys.executable, "-c", _IMPORTS, str(results), ",".join(heavy), *("\x1f".join(a) for a in argvs)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=os.environ.copy(),
            timeout=120,
            input="",
        )
        assert done.returncode == 0, done
        found: list[list[object]] = json.loads(results.read_text(encoding="utf-8"))
    return found
