"""The command line: parse options, call the library, render, exit.

Heavy libraries (openpyxl, pandas, matplotlib) are imported inside the commands that need them,
so `--help`, `--version` and `lint` start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from retrokit import __version__

app = typer.Typer(
    name="retrokit",
    help="Marketing campaign retrospectives (复盘) as checkable workbooks.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the output: zh-CN, zh-TW or en."),
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Date to judge overdue actions against (YYYY-MM-DD)."),
]


def _fail(message: str, code: int) -> NoReturn:
    from retrokit.text import clean_terminal

    sys.stderr.write(f"retrokit: {clean_terminal(message)}\n")
    raise typer.Exit(code)


def _lang(value: str | None, default: str | None = None) -> str:
    from retrokit.i18n import check_lang, t

    value = value or os.environ.get("RETROKIT_LANG") or default or "zh-CN"
    try:
        return check_lang(value)
    except ValueError:
        _fail(t("err.lang", "en", value=value), 2)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"retrokit {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Scaffold, analyze, report on and lint campaign retrospective workbooks."""


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Workbook to create (.xlsx).")],
    lang: LangOption = None,
    example: Annotated[
        bool, typer.Option("--example", help="Fill in the worked example (2024 summer promotion).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Create a new retrospective workbook to fill in Excel, WPS or LibreOffice."""
    from retrokit.errors import UserError
    from retrokit.scaffold import init as scaffold_init

    language = _lang(lang)
    try:
        written = scaffold_init(path, lang=language, example_data=example, force=force)  # type: ignore[arg-type]
    except UserError as exc:
        _fail(exc.message(language), exc.exit_code)  # type: ignore[arg-type]
    sys.stdout.write(f"{written}\n")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("retrokit: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last net: one line, never a traceback
        from retrokit.i18n import t

        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        sys.stderr.write(f"retrokit: {t('err.internal', 'en', error=detail)}\n")
        sys.exit(3)
