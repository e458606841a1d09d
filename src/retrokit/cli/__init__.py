"""The command line: each command parses its options, calls :mod:`retrokit.api` or the layer
it needs, renders through :mod:`retrokit.cli.output`, and exits.

``app`` holds the shared options (:func:`application` loads it with its commands); the
commands live in ``review`` (init, analyze, report), ``checks`` (lint), ``campaigns``
(compare, lessons, export) and ``catalogue`` (rules, rule).
"""

import errno
import os
import sys
from typing import Any

#: Commands that read workbooks in this process: run contained (see retrokit.guard), so a
#: crash of the native reader is one line naming the file. lint contains its own workers.
READING_COMMANDS = {"analyze": False, "report": False, "init": False}
#: ... and those over many workbooks, which go on without the file that crashed.
READING_MANY = {"compare": True, "lessons": True, "export": True}


def application() -> Any:
    """The typer application with every command registered (imported on first use: the
    parent of a contained command forks before typer is loaded, so the child does not copy
    the pages of a large interpreter, and this module stays cheap to import)."""
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

    return app


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
    from typer import Abort
    from typer._click.exceptions import ClickException, UsageError

    code = 0
    try:
        result = application()(standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()
        else:
            sys.stderr.write(usage_error(exc))
        return exc.exit_code
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    except (Abort, KeyboardInterrupt):
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
    from retrokit.errors import WriteError
    from retrokit.fsutil import os_reason

    # What could not be written is dropped, so the exit does not try (and fail) again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    message = WriteError("err.write_stdout", reason=os_reason(exc)).message(ui_lang(_lang_arg()))
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


def usage_error(exc: Any) -> str:
    """A click usage error in the user's language: the usage line, where to find help, and
    the error, each from the catalogue (click's own English never reaches the user)."""
    from retrokit.cli.app import HELP_LANG, localize_help
    from retrokit.i18n import t

    lang = HELP_LANG
    lines = []
    if exc.ctx is not None:
        lines.append(localize_help(exc.ctx.get_usage(), lang))
        lines.append(t("cli.try_help", lang, command=exc.ctx.command_path))
    lines += ["", t("cli.error", lang, message=_reworded(exc, lang))]
    return "\n".join(lines) + "\n"


def _reworded(exc: Any, lang: Any) -> str:
    import re

    from retrokit.i18n import t

    kind = type(exc).__name__
    if kind == "NoSuchOption":
        text = t("cli.no_such_option", lang, option=exc.option_name)
        if exc.possibilities:
            text += t("cli.did_you_mean", lang, options=", ".join(sorted(exc.possibilities)))
        return text
    param = getattr(exc, "param", None)
    if kind == "MissingParameter":
        if param is not None and param.param_type_name == "argument":
            shown = param.metavar or param.name  # the word the help screen uses
            return t("cli.missing_argument", lang, name=f"'{shown}'")
        hint = param.opts[0] if param is not None and param.opts else "?"
        return t("cli.missing_option", lang, name=f"'{hint}'")
    if kind == "BadParameter" and param is not None:
        option = param.opts[0] if getattr(param, "opts", None) else str(param.name)
        value = _raw_value(exc, option)
        said = exc.format_message()
        key = (
            "cli.bad_integer"
            if "valid integer" in said
            else "cli.bad_number"
            if "valid number" in said
            else "cli.bad_value"
        )
        return t(key, lang, option=option, value=value)
    message = exc.format_message()
    m = re.match(r"Option '?([^' ]+)'? requires an argument", message)
    if m:
        return t("cli.needs_value", lang, option=m.group(1))
    m = re.match(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", message)
    if m:
        return t("cli.extra_argument", lang, args=m.group(1))
    m = re.match(r"No such command '?([^'.]+)'?", message)
    if m:
        return t("cli.no_such_command", lang, command=m.group(1))
    return str(message)


def _raw_value(exc: Any, option: str) -> str:
    """What the user typed for ``option`` (click keeps only its own sentence about it)."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == option and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
    return "?"


__all__ = ["application", "main"]
