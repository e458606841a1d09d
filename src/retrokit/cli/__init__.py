"""The command line: each command parses its options, calls :mod:`retrokit.api` or the layer
it needs, renders through :mod:`retrokit.cli.output`, and exits.

``app`` holds the shared options; the commands live in ``review`` (init, analyze, report),
``checks`` (lint), ``campaigns`` (compare, lessons, export) and ``catalogue`` (rules,
rule).
"""

import errno
import os
import sys

from retrokit.cli.app import app

# The command modules register their commands; --help lists them in this order.
# isort: split
from retrokit.cli import review  # noqa: F401

# isort: split
from retrokit.cli import checks  # noqa: F401

# isort: split
from retrokit.cli import campaigns  # noqa: F401

# isort: split
from retrokit.cli import catalogue  # noqa: F401

#: Commands that read workbooks in this process: run contained (see retrokit.guard), so a
#: crash of the native reader is one line naming the file. lint contains its own workers.
READING_COMMANDS = {"analyze": False, "report": False, "init": False}
#: ... and those over many workbooks, which go on without the file that crashed.
READING_MANY = {"compare": True, "lessons": True, "export": True}


def main() -> None:
    """Console-script entry point."""
    _on_stop_signals()
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    retry = {**READING_COMMANDS, **READING_MANY}.get(command or "")
    if retry is None or not hasattr(os, "fork"):
        sys.exit(_run())
    from retrokit.guard import run_contained

    sys.exit(run_contained(_run, _crashed, retry=retry))


def _run() -> int:
    """The command, as an exit code; its output flushed, a failed flush being one line."""
    code = 0
    try:
        app()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:
        sys.stderr.write("retrokit: interrupted\n")
        return 130
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            _internal(exc)
            return 3
        _stdout_failed(exc)  # writing to stdout: files go through fsutil's one-line errors
        return 2
    except Exception as exc:  # the last net: one line, never a traceback
        _internal(exc)
        code = 3
    try:
        sys.stdout.flush()
    except OSError as exc:  # a full disk or a closed pipe under stdout
        _stdout_failed(exc)
        return 2
    return code


#: Errors of writing output (full disk, file too large, I/O error, a closed pipe).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EPIPE, errno.EDQUOT}


def _internal(exc: BaseException) -> None:
    from retrokit.i18n import t

    detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    sys.stderr.write(f"retrokit: {t('err.internal', 'en', error=detail)}\n")


def _stdout_failed(exc: OSError) -> None:
    from retrokit.cli.app import ui_lang
    from retrokit.i18n import t

    # What could not be written is dropped, so the exit does not try (and fail) again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    message = t("err.write", ui_lang(_lang_arg()), path="-", reason=exc.strerror or exc)
    sys.stderr.write(f"retrokit: {message}\n")
    sys.stderr.flush()


def _lang_arg() -> str | None:
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _crashed(path: str | None, retried: bool) -> int:
    """The parent's one line when the contained command died by a crash signal."""
    from retrokit.cli.app import ui_lang
    from retrokit.fsutil import shown_name
    from retrokit.i18n import t

    lang = ui_lang(_lang_arg())
    reason = t("reason.crashed", lang)
    if path is None:
        message = t("err.internal", lang, error=reason)
    else:
        message = t("err.unreadable", lang, path=shown_name(path), reason=reason)
    from retrokit.text import clean_terminal

    sys.stderr.write(f"retrokit: {clean_terminal(message)}\n")
    return 2 if path is not None else 3


def _on_stop_signals() -> None:
    """SIGINT and SIGTERM: remove the temp file of a write in progress (the old file stays
    as it was), say so in one line, and exit 130 / 143 at once."""
    import signal

    def stop(signum: int, frame: object) -> None:
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, signal.SIG_IGN)
        from retrokit.fsutil import discard_pending

        discard_pending()
        engine = sys.modules.get("retrokit.lint.engine")
        if engine is not None:
            engine.stop_workers()
        try:
            sys.stderr.write("retrokit: interrupted\n")
            sys.stderr.flush()
        finally:
            os._exit(128 + signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


__all__ = ["app", "main"]
