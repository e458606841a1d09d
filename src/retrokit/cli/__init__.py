"""The command line: each command parses its options, calls :mod:`retrokit.api` or the layer
it needs, renders through :mod:`retrokit.cli.output`, and exits.

``app`` holds the shared options; the commands live in ``review`` (init, analyze, report),
``checks`` (lint), ``campaigns`` (compare, lessons, export) and ``catalogue`` (rules,
rule).
"""

import sys
from typing import Any

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


def main() -> None:
    """Console-script entry point."""
    from typer import Abort
    from typer._click.exceptions import ClickException, UsageError

    try:
        code = app(standalone_mode=False)
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()
        else:
            sys.stderr.write(usage_error(exc))
        sys.exit(exc.exit_code)
    except ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (Abort, KeyboardInterrupt):
        sys.stderr.write("retrokit: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last net: one line, never a traceback
        from retrokit.i18n import t

        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        sys.stderr.write(f"retrokit: {t('err.internal', 'en', error=detail)}\n")
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)


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
            return t("cli.missing_argument", lang, name=f"'{param.name}'")
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


__all__ = ["app", "main"]
