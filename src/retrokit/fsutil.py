"""Writing files without ever losing what was there."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from retrokit.errors import UsageError, UserError, WriteError


def lock_file_for(path: Path) -> Path | None:
    """The Office lock file (``~$name.xlsx``) beside ``path``, if one exists.

    Excel and WPS drop the first two characters of long names in the lock file's name, so both
    spellings are checked.
    """
    for name in (f"~${path.name}", f"~${path.name[2:]}"):
        candidate = path.with_name(name)
        if len(name) > 2 and candidate.exists():
            return candidate
    return None


def link_loops(path: str | os.PathLike[str]) -> bool:
    """Whether a path is a link that cannot be followed: links that lead round in a circle."""
    import errno

    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file, also through a link; False when either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def shown_name(path: object) -> str:
    """A file name as every output shows it: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become ``\\xff``, control and format characters (escape sequences, newlines,
    BEL, the bidi overrides) ``\\x1b`` / ``\\u202e``. File names are data: one named
    ``a\\nb.xlsx`` must not start a new line in lint's text output, nor a ``\\xff`` byte make its
    JSON invalid UTF-8. Ordinary names (also Chinese ones) come back unchanged."""
    text = str(path)
    if text.isprintable():
        return text
    import unicodedata

    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch.isprintable() or unicodedata.category(ch) == "Zs":
            out.append(ch)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(out)


#: Temp files being written right now, so a signal handler can remove them (discard_pending).
_PENDING: set[Path] = set()


def discard_pending() -> None:
    """Remove every temp file an interrupted :func:`atomic_write` left; the old files stay."""
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            tmp.unlink()
        _PENDING.discard(tmp)


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back (delivered on leaving) where POSIX allows it."""
    import signal

    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):  # pragma: no cover - not POSIX
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def current_umask() -> int:
    """The process umask, read without changing it where Linux allows (``/proc``)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it, then restore it
    os.umask(mask)
    return mask


def mode_for(path: Path) -> int:
    """The mode a written file gets: the replaced file's own, else what ``open()`` would give
    a new file (0666 under the umask) rather than ``mkstemp``'s private 0600."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def atomic_write(path: Path, write: Callable[[Path], None], *, overwrite: bool) -> None:
    """Call ``write(tmp)`` on a temp file in the same folder, then move it onto ``path``.

    A failure at any point leaves an existing ``path`` byte-for-byte as it was. Without
    ``overwrite`` the final step refuses to replace a file that appeared meanwhile.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError("err.no_folder", path=path, folder=folder)
    if not overwrite and path.exists():
        raise UsageError("err.exists", path=path)
    lock = lock_file_for(path)
    if lock is not None and path.exists():
        raise UsageError("err.locked", path=path, lock=lock.name)
    with _stop_signals_held():  # a SIGINT/SIGTERM now must find the temp file registered
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise WriteError("err.write", path=path, reason=os_reason(exc)) from None
        tmp = Path(tmp_name)
        _PENDING.add(tmp)
    os.close(fd)
    failure: object = None
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, mode_for(path))
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if path exists: no window for a clobber
            except FileExistsError:
                raise UsageError("err.exists", path=path) from None
            except OSError:
                os.replace(tmp, path)
    except UserError:
        raise
    except Exception as exc:
        if not _is_write_failure(exc):
            raise
        failure = os_reason(exc)
        _quiet_unraisable(True)  # see _quiet_unraisable: from here until collected
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        _PENDING.discard(tmp)
    if failure is not None:
        _quiet_unraisable(False)
        raise WriteError("err.write", path=path, reason=failure)


def _is_write_failure(exc: BaseException) -> bool:
    """An error of the writing itself (a full disk, a file too large, a folder gone): the OS's
    own, or as the writer libraries wrap it (sqlite3, lxml's serialiser under openpyxl)."""
    if isinstance(exc, OSError):
        return True
    return any(
        cls.__module__.startswith("sqlite3") or cls.__name__ == "SerialisationError"
        for cls in type(exc).__mro__
    )


_hooks: list[object] = []


def _quiet_unraisable(on: bool) -> None:
    """A writer that failed half-way (openpyxl's zip file) closes its file only when the
    error that holds it is dropped, and fails again there: that second failure is the same
    one, already reported, not a traceback to print. Switched on while the error is handled,
    off once what it held is collected."""
    import gc
    import sys

    if on:
        _hooks.append(sys.unraisablehook)
        sys.unraisablehook = lambda unraisable: None
    elif _hooks:
        gc.collect()
        sys.unraisablehook = _hooks.pop()  # type: ignore[assignment]


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to ``path`` atomically, replacing any existing file."""

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    atomic_write(path, write, overwrite=True)


#: The operating system's reasons a user meets, worded in the catalogue (oserror.*).
_OS_REASONS = frozenset(
    {
        "EACCES",
        "EPERM",
        "EROFS",
        "ENOSPC",
        "EDQUOT",
        "ENOENT",
        "EISDIR",
        "ENOTDIR",
        "EFBIG",
        "ENAMETOOLONG",
    }
)


def os_reason(exc: BaseException) -> object:
    """Why an operating-system call failed, in the reader's language where it is a common
    reason (a read-only folder, a full disk), else as the system says it."""
    import errno

    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if name in _OS_REASONS:
        return ("i18n", f"oserror.{name}")
    return getattr(exc, "strerror", None) or str(exc)
