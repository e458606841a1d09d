"""The typer application and what every command shares: options declared once, the language
of messages, failing with one line.

No ``from __future__ import annotations`` in the command modules: typer would then evaluate
every annotation string again at each start. Heavy libraries are imported inside commands, so
``--help``, ``--version`` and ``lint`` start fast.
"""

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from retrokit import __version__
from retrokit.cli.params import install as _plain_option_values
from retrokit.i18n import t
from retrokit.i18n.languages import environment_lang

_plain_option_values()  # typer would import pydantic to convert each option value

if TYPE_CHECKING:
    from retrokit.i18n.languages import Lang

_F = TypeVar("_F", bound=Callable[..., Any])

# --- the language of help and usage errors ----------------------------------------------------


def cli_lang(argv: list[str] | None = None) -> "Lang":
    """The language of help, usage errors and messages: ``--lang`` on the command line, else
    RETROKIT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else zh-CN. Read from argv
    before typer parses it, because help texts are fixed when the commands are declared."""
    from retrokit.i18n import check_lang

    args = sys.argv[1:] if argv is None else argv
    given = [a.split("=", 1)[1] for a in args if a.startswith("--lang=")]
    given += [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"]
    for candidate in given:
        try:
            return check_lang(candidate)
        except ValueError:
            continue
    return environment_lang()


HELP_LANG = cli_lang()


def h(key: str) -> str:
    """A help text from the catalogue, in the language of this run (see cli_lang). zh-TW help
    is spelled out in the catalogue, so --help never loads OpenCC."""
    return t(key, HELP_LANG)


def mv(key: str) -> str:
    """What an option's value is, for help screens (``--today DATE``, ``--today 日期``)."""
    return t(f"metavar.{key}", HELP_LANG)


# click's own words in help screens, in the order they are replaced (longer ones first).
_CLICK_WORDS = (
    ("COMMAND [ARGS]...", "cli.command_args"),
    ("[OPTIONS]", "cli.options_metavar"),
    ("Show this message and exit.", "cli.help_option"),
    ("[required]", "cli.required"),
)
_CLICK_HEADINGS = (
    ("Usage:", "cli.usage"),
    ("Arguments:", "cli.arguments"),
    ("Options:", "cli.options"),
    ("Commands:", "cli.commands"),
)


def localize_help(text: str, lang: "Lang" = HELP_LANG) -> str:
    """A help or usage screen with click's own English words in ``lang``."""
    if lang == "en":
        return text
    import re

    for english, key in _CLICK_WORDS:
        text = text.replace(english, t(key, lang))
    for english, key in _CLICK_HEADINGS:
        word = t(key, lang)
        # A full-width colon carries its own space: "用法：retrokit ...", not "用法： retrokit".
        after = "" if word.endswith("：") else r"\1"
        text = re.sub(rf"^{re.escape(english)}( |$)", word + after, text, flags=re.M)
    return text


def _wide_characters_counted() -> None:
    """Make click lay out help screens by terminal columns: it counts characters, and a
    Chinese character takes two columns, so the help texts after ``--plan 工作簿`` would not
    start in one column. (The vendored click of typer 0.29; any other is left as it is.)"""
    import importlib

    try:
        formatting: Any = importlib.import_module("typer._click.formatting")
    except ImportError:  # pragma: no cover - another typer
        return
    counted = getattr(formatting, "term_len", None)
    if counted is None:  # pragma: no cover - another typer
        return
    if getattr(counted, "wide_aware", False):
        return

    def term_len(text: str) -> int:
        n: int = counted(text)
        if text.isascii():
            return n
        import unicodedata

        return n + sum(unicodedata.east_asian_width(c) in "WF" for c in text)

    setattr(term_len, "wide_aware", True)  # noqa: B010 - a mark on a function
    formatting.term_len = term_len


_wide_characters_counted()


class _Command(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.param_type_name == "argument" and param.metavar is not None:
                # The argument's word says what it is; typer would add its type (<path>).
                setattr(param, "display_type_rich", _no_type)  # noqa: B010 - typer's own method

    def get_help(self, ctx: Any) -> str:
        return localize_help(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return localize_help(super().get_usage(ctx))


def _no_type(ctx: Any) -> None:
    return None


class _Group(TyperGroup):
    def get_help(self, ctx: Any) -> str:
        return localize_help(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return localize_help(super().get_usage(ctx))


class _App(typer.Typer):
    """Commands whose help screens speak the user's language."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[_F], _F]:
        kwargs.setdefault("cls", _Command)
        decorator: Callable[[_F], _F] = super().command(*args, **kwargs)
        return decorator


app = _App(
    name="retrokit",
    cls=_Group,
    help=h("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# --- options every command declares the same way ---------------------------------------------

LangOption = Annotated[
    str | None,
    # Spelled out rather than read from the registry, which `--help` does not import.
    typer.Option("--lang", help=h("help.lang"), metavar=mv("lang")),
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help=h("help.today"), metavar=mv("date")),
]
# The default shown is retrokit.method.DEFAULT_THRESHOLD, spelled out rather than imported:
# importing the method here would double the start-up of --help (bench/run.py budgets it).
# tests/test_recalc.py fails when the two disagree.
ThresholdOption = Annotated[
    float | None,
    typer.Option("--threshold", help=h("help.threshold"), metavar=mv("rate")),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help=h("help.config"), metavar=mv("file"))
]
OutputOption = Annotated[
    str | None,
    typer.Option("-o", "--output", help=h("help.output"), metavar=mv("file")),
]
PathsArgument = Annotated[list[Path], typer.Argument(help=h("help.paths"), metavar=mv("paths"))]
MaxCells = Annotated[
    int | None, typer.Option("--max-cells", help=h("help.max_cells"), metavar=mv("number"))
]
MaxUnpacked = Annotated[
    int | None,
    typer.Option("--max-unpacked-bytes", help=h("help.max_unpacked"), metavar=mv("bytes")),
]
MaxText = Annotated[
    int | None, typer.Option("--max-text-bytes", help=h("help.max_text"), metavar=mv("bytes"))
]
MaxRatio = Annotated[
    int | None, typer.Option("--max-ratio", help=h("help.max_ratio"), metavar=mv("number"))
]
MaxFile = Annotated[
    int | None, typer.Option("--max-file-bytes", help=h("help.max_file"), metavar=mv("bytes"))
]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"retrokit {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=h("help.version")),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Scaffold, analyze, report on and lint campaign retrospective workbooks."""
    if lang is not None:
        # `retrokit --lang en COMMAND`: the whole run speaks it, as RETROKIT_LANG would make
        # it (a command's own --lang still wins).
        os.environ["RETROKIT_LANG"] = output_lang(lang)


# --- messages ---------------------------------------------------------------------------------


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    from retrokit.text import clean_terminal

    sys.stderr.write(f"retrokit: {clean_terminal(message)}\n")
    raise typer.Exit(code)


def fail_t(key: str, exit_code: int, lang: str | None = None, /, **args: Any) -> NoReturn:
    """Fail with a catalogue message in the language the user asked for (see ui_lang)."""
    from retrokit.i18n import t

    fail(t(key, ui_lang(lang), **args), exit_code)


def warn(message: str) -> None:
    from retrokit.text import clean_terminal

    sys.stderr.write(f"retrokit: {clean_terminal(message)}\n")


def ui_lang(value: str | None = None) -> "Lang":
    """The language of the command line's own messages: --lang, else RETROKIT_LANG, else the
    locale, else zh-CN. Never fails, since it also words the error about a --lang it cannot
    use."""
    from retrokit.i18n import check_lang

    if value:
        try:
            return check_lang(value)
        except ValueError:
            pass
    return cli_lang([])


def output_lang(value: str | None, default: str | None = None) -> "Lang":
    """The language of a command's output: --lang, RETROKIT_LANG, the workbook's, else the
    locale (LC_ALL, LC_MESSAGES, LANG), else zh-CN."""
    from retrokit.i18n import check_lang

    value = value or os.environ.get("RETROKIT_LANG") or default or environment_lang()
    try:
        return check_lang(value)
    except ValueError:
        fail_t("err.lang", 2, value=value)


def paths_exist(paths: list[Path], lang: str | None) -> None:
    """A one-line usage error (exit 2) naming the first of ``paths`` that does not exist (also a
    link to nothing, or a loop of links): a folder or a glob that matched nothing is a mistake
    in the command, not a workbook that cannot be read."""
    from retrokit.fsutil import link_loops, shown_name

    for path in paths:
        if not path.exists():
            if path.is_symlink() and link_loops(path):
                from retrokit.errors import UnreadableWorkbook

                message = UnreadableWorkbook(shown_name(str(path)), "reason.link_loop")
                fail(message.message(ui_lang(lang)), 2)
            fail_t("err.no_such_path", 2, lang, path=shown_name(str(path)))


def choice(value: str, choices: tuple[str, ...], option: str, lang: str | None) -> str:
    """``value`` if it is one of ``choices``, else a one-line usage error."""
    if value not in choices:
        fail_t("err.choice", 2, lang, option=option, choices=", ".join(choices), value=value)
    return value


# --- option values ----------------------------------------------------------------------------


def today_option(value: str | None, lang: str | None = None) -> dt.date | None:
    """``--today`` in the forms a workbook's date cell takes (2024-08-01, 2024/8/1,
    2024年8月1日, 20240801, Aug 1 2024); a bare number is not an Excel serial here."""
    import re

    from retrokit.workbook.types import NO_YEAR, CellValueError
    from retrokit.workbook.values import parse_date

    if value is None:
        return None
    try:
        if re.fullmatch(r"\s*\d+(\.\d+)?\s*", value) and not re.fullmatch(r"\s*\d{8}\s*", value):
            raise ValueError(value)
        day = parse_date(value)
    except CellValueError as exc:
        if exc.key == "V002.day_or_month":  # 8/10/2024: August 10 or 8 October
            fail_t("err.date_option.day_or_month", 2, lang, value=value, **exc.message_args)
        fail_t("err.date_option", 2, lang, value=value)
    except ValueError:
        fail_t("err.date_option", 2, lang, value=value)
    if day.year == NO_YEAR:  # 8月10日, 8/10: a cell takes the campaign's year, the option has none
        fail_t("err.date_option.no_year", 2, lang, value=value)
    return day


def threshold_option(value: float | None, lang: str | None = None) -> float | None:
    if value is not None and not 0 < value <= 1:
        fail_t("err.threshold", 2, lang, value=value)
    return value


def load_config(path: Path | None, isolated: bool = False, lang: str | None = None) -> Any:
    """The configuration in force, or a one-line usage error."""
    from retrokit.errors import UserError
    from retrokit.lint.config import Config
    from retrokit.lint.config import load_config as load

    if isolated:
        return Config()
    try:
        return load(path)
    except UserError as exc:
        fail(exc.message(ui_lang(lang)), 2)


def limits(
    cells: int | None,
    unpacked: int | None,
    ratio: int | None,
    size: int | None,
    text: int | None = None,
) -> Any:
    from retrokit.workbook.package import Limits

    given = {
        "max_cells": cells,
        "max_unpacked_bytes": unpacked,
        "max_ratio": ratio,
        "max_file_bytes": size,
        "max_text_bytes": text,
    }
    return Limits(**{k: v for k, v in given.items() if v is not None})
