"""Checking workbooks: ``lint``."""

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from retrokit.cli.app import (
    ConfigOption,
    LangOption,
    MaxCells,
    MaxFile,
    MaxRatio,
    MaxText,
    MaxUnpacked,
    TodayOption,
    app,
    fail,
    fail_t,
    h,
    limits,
    load_config,
    mv,
    output_lang,
    paths_exist,
    today_option,
    ui_lang,
    warn,
)
from retrokit.cli.output import emit, pick_format, to_stdout


@app.command(help=h("help.cmd.lint"))
def lint(
    paths: Annotated[list[Path], typer.Argument(help=h("help.lint_paths"), metavar=mv("paths"))],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=h("help.format_lint"),
            metavar=mv("format"),
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help=h("help.lint_output"), metavar=mv("file"))
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help=h("help.select"), metavar=mv("code"))
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help=h("help.ignore"), metavar=mv("code"))
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option("--extend-select", help=h("help.extend_select"), metavar=mv("code")),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("help.strict"))] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help=h("help.exit_zero"))] = False,
    show_statistics: Annotated[
        bool, typer.Option("--statistics", help=h("help.statistics"))
    ] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    isolated: Annotated[bool, typer.Option("--isolated", help=h("help.isolated"))] = False,
    lang: LangOption = None,
    max_cells: MaxCells = None,
    max_unpacked_bytes: MaxUnpacked = None,
    max_ratio: MaxRatio = None,
    max_file_bytes: MaxFile = None,
    max_text_bytes: MaxText = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help=h("help.timeout"), metavar=mv("seconds")),
    ] = None,
) -> None:
    """Check workbooks the way a code linter checks code; exit 1 on errors."""
    from collections import Counter

    from retrokit.errors import UserError
    from retrokit.lint.config import settings_from
    from retrokit.lint.engine import iter_run
    from retrokit.lint.selection import iter_selected, make_selection
    from retrokit.render.lint_formats import (
        FORMATTERS,
        stat_key,
        statistics,
        summary_header,
        summary_row,
        write_findings,
    )

    formats = {name: cls.suffixes for name, cls in FORMATTERS.items()}
    fmt = pick_format(
        fmt or os.environ.get("RETROKIT_OUTPUT_FORMAT"), output, formats, "text", lang, paths
    )
    if timeout is not None and not timeout > 0:
        fail_t("err.timeout", 2, lang, value=timeout)
    paths_exist(paths, lang)
    cfg = load_config(config, isolated, lang)
    try:
        selection = make_selection(cfg, select or (), ignore or (), extend_select or ())
    except UserError as exc:
        fail(exc.message(ui_lang(lang)), 2)
    settings = settings_from(cfg, today_option(today, lang), None)
    out_lang = (
        output_lang(lang, cfg.lang)
        if (lang or cfg.lang or os.environ.get("RETROKIT_LANG"))
        else None
    )
    progress = _progress() if sys.stderr.isatty() and not os.environ.get("CI") else None
    size_limits = limits(max_cells, max_unpacked_bytes, max_ratio, max_file_bytes, max_text_bytes)
    files: list[str] = []
    codes: Counter[Any] = Counter()
    worst = {"error": 0, "warning": 0}
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY") if fmt == "github" else None
    summary = open(summary_path, "a", encoding="utf-8") if summary_path else None  # noqa: SIM115

    def results() -> Any:
        for result in iter_run(
            paths, settings, progress=progress, limits=size_limits, timeout=timeout
        ):
            if result.skipped is not None:
                from retrokit.i18n import t

                ui = ui_lang(lang)
                warn(t("warn.skipped", ui, path=result.path, reason=t(result.skipped, ui)))
                continue
            if not result.cross_file:
                files.append(result.path)
            yield result

    # A file that could not be read has no language of its own: its F001/F002 is in the
    # user's, as the summary is (a workbook's findings are in the workbook's language).
    unread_lang = ui_lang(lang) if out_lang is None else None

    def findings() -> Any:
        # Counted as they pass, so nothing needs all findings in memory at once.
        for f in iter_selected(results(), selection):
            if unread_lang is not None and f.code in ("F001", "F002") and f.lang != unread_lang:
                f = replace(f, lang=unread_lang)
            codes[stat_key(f)] += 1
            if f.severity.value in worst:
                worst[f.severity.value] += 1
            if summary is not None:
                summary.write(summary_row(f, out_lang))
            yield f

    if summary is not None:
        summary.write(summary_header(out_lang))
    try:
        chunks = write_findings(fmt, findings(), lambda: files, out_lang)

        def parts() -> Any:
            yield from chunks
            if show_statistics and not FORMATTERS[fmt].has_statistics:
                yield statistics(codes, out_lang)

        if to_stdout(output) and fmt == "text" and _colour():
            _print_coloured("".join(parts()))
        else:
            emit(parts(), output, lang=lang, inputs=paths)
    finally:
        if progress is not None:
            progress(-1, -1)
        if summary is not None:
            summary.write("\n")
            summary.close()
    failing = worst["error"] + (worst["warning"] if strict else 0)
    raise typer.Exit(0 if exit_zero or not failing else 1)


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _severity_markers() -> dict[str, str]:
    """Each severity as the text format brackets it, in every language, and its style."""
    from retrokit.i18n import t
    from retrokit.workbook.schema import LANGS

    return {
        f"[{t(f'severity.{sev}', lang)}]": style
        for sev, style in _SEVERITY_STYLE.items()
        for lang in LANGS
    }


def _print_coloured(text: str) -> None:
    """The text format on a terminal: severities coloured by rich, file headers in bold."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    markers = _severity_markers()
    for line in text.splitlines():
        styled = Text(line)
        if line and not line.startswith(" ") and line.endswith((".xlsx", ".xlsm")):
            styled.stylize("bold")
        for marker, style in markers.items():
            start = line.find(marker)
            if start >= 0:
                styled.stylize(style, start, start + len(marker))
        console.print(styled)


PROGRESS_MIN_FILES = 20


def _progress() -> Any:
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("retrokit lint", total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if done < 0:
            if started:
                bar.stop()
            return
        if not started and total < PROGRESS_MIN_FILES:
            return  # a handful of files finishes before a bar would help
        if not started:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total)

    return update
