"""Containing a crash of the native cell reader in the single-process commands.

python-calamine is native code: an allocation it cannot make aborts the whole process, which no
``except`` can catch. The lint engine reads in worker processes already (lint/engine.py). The
other commands that read workbooks (analyze, report, compare, lessons, export, init --from) run
in a forked child of the command line's process instead (:func:`run_contained`), which costs
one fork (a few milliseconds, no copying of what was read: the child does the whole command
and writes its own output). The child names each workbook before reading it
(:func:`reading`); when it dies by a signal, the parent names the file it was reading:

- a command of one workbook ends with that one-line F001 message and exit 2;
- a command over many workbooks runs again without that file, which is then skipped with the
  usual warning line, as any unreadable file is.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

#: Signals that mean the process crashed (as opposed to being asked to stop).
CRASH_SIGNALS = frozenset(
    {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE, signal.SIGKILL}
)

#: Test-only: reading a file of this name dies by SIGABRT, as a native reader crash would.
#: The test suite sets it to prove that crashes are contained; nothing else reads it.
TEST_CRASH_ENV = "RETROKIT_TEST_CRASH_ON"

#: The pipe the child names its files on (set only in a contained child).
_announce_fd: int | None = None
#: Files that crashed an earlier attempt of this command: refused before any reading.
_crashed: set[str] = set()
#: Files named by an earlier attempt before it crashed: warned about already.
_seen: set[str] = set()


def reading(path: Path) -> None:
    """Called before a workbook's cells are read: refuses a file that crashed the reader in
    an earlier attempt, and tells a containing parent which file is being read."""
    key = os.path.abspath(path)
    if key in _crashed:
        from retrokit.errors import UnreadableWorkbook

        raise UnreadableWorkbook(path, "reason.crashed")
    if _announce_fd is not None:
        os.write(_announce_fd, os.fsencode(str(path)) + b"\0")
    crash_test(path)


def crash_test(path: Path) -> None:
    """Abort like a native crash when the test suite asks for it (TEST_CRASH_ENV)."""
    name = os.environ.get(TEST_CRASH_ENV)
    if name and Path(path).name == name:
        os.abort()


def warned_before(path: Path) -> bool:
    """True when an earlier, crashed attempt of this command already got this far (so its
    warning about ``path`` was printed once already)."""
    return os.path.abspath(path) in _seen


def run_contained(
    command: Callable[[], int],
    on_crash: Callable[[str | None, bool], int],
    *,
    retry: bool,
) -> int:
    """Run ``command`` (which returns an exit code) in a forked child and return its code.

    When the child dies by a crash signal, ``on_crash(path, retried)`` gives the exit code:
    ``path`` is the file it was reading (or None). With ``retry`` the command runs again
    without that file first, as long as each attempt names a new file.
    """
    global _announce_fd
    while True:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(read_end)
            _announce_fd = write_end
            code = 3
            try:
                code = command()
            finally:
                for stream in (sys.stdout, sys.stderr):
                    with contextlib.suppress(OSError, ValueError):
                        stream.flush()
                os._exit(code)
        os.close(write_end)
        status, names = _wait(pid, read_end)
        if not os.WIFSIGNALED(status):
            return os.waitstatus_to_exitcode(status)
        signum = os.WTERMSIG(status)
        if signum not in CRASH_SIGNALS:
            return 128 + signum
        last = os.fsdecode(names[-1]) if names else None
        key = os.path.abspath(last) if last is not None else None
        if retry and key is not None and key not in _crashed:
            _crashed.add(key)
            _seen.update(os.path.abspath(os.fsdecode(n)) for n in names[:-1])
            continue
        return on_crash(last, retry)


def _wait(pid: int, read_end: int) -> tuple[int, list[bytes]]:
    """Wait for the child, passing SIGINT and SIGTERM sent to this process on to it (a
    Ctrl-C reaches both; the child cleans up and exits on the first)."""
    forward = {signal.SIGINT, signal.SIGTERM}

    def pass_on(signum: int, frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

    previous = {s: signal.signal(s, pass_on) for s in forward}
    data = b""
    try:
        while chunk := _read(read_end):
            data += chunk
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except InterruptedError:  # pragma: no cover - PEP 475 retries for us
                continue
    finally:
        os.close(read_end)
        for s, handler in previous.items():
            signal.signal(s, handler)
    return status, [n for n in data.split(b"\0") if n]


def _read(fd: int) -> bytes:
    while True:
        try:
            return os.read(fd, 65536)
        except InterruptedError:  # pragma: no cover - PEP 475 retries for us
            continue
