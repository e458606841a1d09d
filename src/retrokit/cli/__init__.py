"""The command line: parse options, call the library, render, exit.

Heavy libraries (openpyxl, pandas, matplotlib) are imported inside the commands that need them,
so `--help`, `--version` and `lint` start fast. No `from __future__ import annotations` here:
typer would then evaluate every annotation string again at each start.
"""

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from retrokit import __version__

if TYPE_CHECKING:
    from retrokit.workbook.schema import Lang

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


def _fail_t(key: str, exit_code: int, lang: str | None = None, /, **args: Any) -> NoReturn:
    """Fail with a catalogue message in the language the user asked for (see _ui_lang)."""
    from retrokit.i18n import t

    _fail(t(key, _ui_lang(lang), **args), exit_code)


def _ui_lang(value: str | None = None) -> "Lang":
    """The language of the command line's own messages: --lang, else RETROKIT_LANG, else
    zh-CN. Never fails, since it also words the error about a --lang it cannot use."""
    from retrokit.i18n import check_lang

    for candidate in (value, os.environ.get("RETROKIT_LANG")):
        if candidate:
            try:
                return check_lang(candidate)
            except ValueError:
                continue
    return "zh-CN"


def _lang(value: str | None, default: str | None = None) -> "Lang":
    from retrokit.i18n import check_lang

    value = value or os.environ.get("RETROKIT_LANG") or default or "zh-CN"
    try:
        return check_lang(value)
    except ValueError:
        _fail_t("err.lang", 2, value=value)


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
    previous: Annotated[
        Path | None,
        typer.Option("--from", help="Start from a previous review: its KPI list and open actions."),
    ] = None,
) -> None:
    """Create a new retrospective workbook to fill in Excel, WPS or LibreOffice."""
    from retrokit.errors import UserError
    from retrokit.workbook.scaffold import init as scaffold_init

    kpis = problems = None
    language = _lang(lang)
    try:
        if previous is not None:
            from retrokit.method.campaigns import carry_over
            from retrokit.workbook.reader import read_workbook

            old = read_workbook(previous)
            language = _lang(lang, old.lang)
            kpis, problems = carry_over(old, language)
        written = scaffold_init(
            path,
            lang=language,
            example_data=example,
            force=force,
            kpis=kpis,
            problems=problems,
        )
    except UserError as exc:
        _fail(exc.message(language), exc.exit_code)
    sys.stdout.write(f"{written}\n")


def _today(value: str | None, lang: str | None = None) -> dt.date | None:
    from retrokit.workbook.values import parse_iso_date

    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        _fail_t("err.date_option", 2, lang, value=value)


def _threshold(value: float | None, lang: str | None = None) -> float | None:
    if value is not None and not 0 < value <= 1:
        _fail_t("err.threshold", 2, lang, value=value)
    return value


def _config(path: Path | None, isolated: bool = False) -> Any:
    from retrokit.lint.engine import Config, load_config

    if isolated:
        return Config()
    return load_config(path)


MaxCells = Annotated[
    int | None, typer.Option("--max-cells", help="Refuse sheets spanning more cells (20,000,000).")
]
MaxUnpacked = Annotated[
    int | None,
    typer.Option("--max-unpacked-bytes", help="Refuse files unpacking beyond this (1 GiB)."),
]
MaxRatio = Annotated[
    int | None, typer.Option("--max-ratio", help="Refuse zip members compressed beyond (200).")
]
MaxFile = Annotated[
    int | None, typer.Option("--max-file-bytes", help="Refuse larger files (200 MiB).")
]


def _limits(cells: int | None, unpacked: int | None, ratio: int | None, size: int | None) -> Any:
    from retrokit.workbook.package import Limits

    given = {
        "max_cells": cells,
        "max_unpacked_bytes": unpacked,
        "max_ratio": ratio,
        "max_file_bytes": size,
    }
    return Limits(**{k: v for k, v in given.items() if v is not None})


ThresholdOption = Annotated[
    float | None,
    typer.Option("--threshold", help="Achievement rate from which a KPI counts as met (0.9)."),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Config file (retrokit.toml or pyproject.toml).")
]


def _analysis(
    workbook: Path,
    config: Path | None,
    today: dt.date | None,
    threshold: float | None,
    lang: str | None,
    limits: Any,
) -> tuple[Any, Any]:
    """Config and the analysis (with its lint findings) of one workbook, or a one-line exit 2."""
    from retrokit.errors import UserError
    from retrokit.lint.engine import analysis_with_findings, settings_from

    try:
        cfg = _config(config)
        settings = settings_from(cfg, today, _threshold(threshold, lang))
        return cfg, analysis_with_findings(workbook, cfg, settings, limits)
    except UserError as exc:
        _fail(exc.message(_lang(lang)), 2)


@app.command()
def analyze(
    workbook: Annotated[Path, typer.Argument(help="The filled retrospective workbook.")],
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    today: TodayOption = None,
    threshold: ThresholdOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    max_cells: MaxCells = None,
    max_unpacked_bytes: MaxUnpacked = None,
    max_ratio: MaxRatio = None,
    max_file_bytes: MaxFile = None,
) -> None:
    """Compute achievement rates, gaps, labels, action priorities and overdue actions."""
    if fmt not in ("table", "json"):
        _fail_t("err.choice", 2, lang, option="--format", choices="table, json", value=fmt)
    cfg, result = _analysis(
        workbook,
        config,
        _today(today, lang),
        threshold,
        lang,
        _limits(max_cells, max_unpacked_bytes, max_ratio, max_file_bytes),
    )
    out_lang = _lang(lang, cfg.lang or result.lang)
    if fmt == "json":
        from retrokit.method.analysis import json_document
        from retrokit.render.jsonout import write_document

        write_document(json_document(result, out_lang), sys.stdout)
    else:
        from retrokit.render.terminal import render

        render(result, out_lang, sys.stdout)


@app.command()
def report(
    workbook: Annotated[Path, typer.Argument(help="The filled retrospective workbook.")],
    fmt: Annotated[str, typer.Option("--format", help="html or md.")] = "html",
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="Where to write (default: beside the workbook; - for stdout)."
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    threshold: ThresholdOption = None,
    config: ConfigOption = None,
    max_cells: MaxCells = None,
    max_unpacked_bytes: MaxUnpacked = None,
    max_ratio: MaxRatio = None,
    max_file_bytes: MaxFile = None,
) -> None:
    """Write the retrospective as a self-contained HTML page or GitHub Markdown."""
    from retrokit.errors import UserError
    from retrokit.render.report import as_of_date, default_output, render

    if fmt not in ("html", "md"):
        _fail_t("err.choice", 2, lang, option="--format", choices="html, md", value=fmt)
    cfg, result = _analysis(
        workbook,
        config,
        as_of_date(_today(today, lang)),
        threshold,
        lang,
        _limits(max_cells, max_unpacked_bytes, max_ratio, max_file_bytes),
    )
    out_lang = _lang(lang, cfg.lang or result.lang)
    text = render(result, fmt, out_lang)  # type: ignore[arg-type]
    if output == "-":
        sys.stdout.write(text)
        return
    target = Path(output) if output else default_output(workbook, fmt)  # type: ignore[arg-type]
    if target.resolve() == workbook.resolve():
        _fail_t("err.report_over_workbook", 2, lang, path=target)
    from retrokit.fsutil import write_text_atomic

    try:
        write_text_atomic(target, text)
    except UserError as exc:
        _fail(exc.message(out_lang), 1)
    sys.stdout.write(f"{target}\n")


@app.command()
def lint(
    paths: Annotated[list[Path], typer.Argument(help="Workbooks or folders to check.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="text, concise, json, json-lines, github, sarif or junit "
            "(or $RETROKIT_OUTPUT_FORMAT).",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Rules to check.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip.")] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option("--extend-select", help="Rules to add.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Always exit 0.")] = False,
    show_statistics: Annotated[
        bool, typer.Option("--statistics", help="Print counts per rule code.")
    ] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
    lang: LangOption = None,
    max_cells: MaxCells = None,
    max_unpacked_bytes: MaxUnpacked = None,
    max_ratio: MaxRatio = None,
    max_file_bytes: MaxFile = None,
) -> None:
    """Check workbooks the way a code linter checks code; exit 1 on errors."""
    from collections import Counter

    from retrokit.errors import UserError
    from retrokit.lint.engine import iter_run, iter_selected, make_selection, settings_from
    from retrokit.render.lint_formats import (
        FORMATTERS,
        statistics,
        summary_header,
        summary_row,
        write_findings,
    )

    fmt = fmt or os.environ.get("RETROKIT_OUTPUT_FORMAT") or "text"
    if fmt not in FORMATTERS:
        _fail_t("err.choice", 2, lang, option="--format", choices=", ".join(FORMATTERS), value=fmt)
    try:
        cfg = _config(config, isolated)
        selection = make_selection(cfg, select or (), ignore or (), extend_select or ())
        settings = settings_from(cfg, _today(today, lang), None)
    except UserError as exc:
        _fail(exc.message(_ui_lang(lang)), 2)
    out_lang = (
        _lang(lang, cfg.lang) if (lang or cfg.lang or os.environ.get("RETROKIT_LANG")) else None
    )
    progress = _progress() if sys.stderr.isatty() and not os.environ.get("CI") else None
    limits = _limits(max_cells, max_unpacked_bytes, max_ratio, max_file_bytes)
    files: list[str] = []
    codes: Counter[str] = Counter()
    worst = {"error": 0, "warning": 0}
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY") if fmt == "github" else None
    summary = open(summary_path, "a", encoding="utf-8") if summary_path else None  # noqa: SIM115

    def results() -> Any:
        for result in iter_run(paths, settings, progress=progress, limits=limits):
            if not result.cross_file:
                files.append(result.path)
            yield result

    def findings() -> Any:
        # Counted as they pass, so nothing needs all findings in memory at once.
        for f in iter_selected(results(), selection):
            codes[f.code] += 1
            if f.severity.value in worst:
                worst[f.severity.value] += 1
            if summary is not None:
                summary.write(summary_row(f, out_lang))
            yield f

    if summary is not None:
        summary.write(summary_header())
    try:
        chunks = write_findings(fmt, findings(), lambda: files, out_lang)

        def tail() -> Any:
            if show_statistics:
                yield statistics(codes)

        _write_chunks(chunks, tail(), output, coloured=fmt == "text", lang=lang)
    finally:
        if progress is not None:
            progress(-1, -1)
        if summary is not None:
            summary.write("\n")
            summary.close()
    failing = worst["error"] + (worst["warning"] if strict else 0)
    raise typer.Exit(0 if exit_zero or not failing else 1)


def _write_chunks(
    chunks: Any, tail: Any, output: Path | None, *, coloured: bool, lang: str | None = None
) -> None:
    """Stream text to stdout, or to a temp file renamed onto ``output`` when complete."""
    import itertools

    from retrokit.errors import UserError

    parts = itertools.chain(chunks, tail)
    if output is not None and str(output) != "-":
        from retrokit.fsutil import atomic_write

        def write(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.writelines(parts)

        try:
            atomic_write(output, write, overwrite=True)
        except UserError as exc:
            _fail(exc.message(_ui_lang(lang)), 2)
    elif coloured and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        _print_coloured("".join(parts))
    else:
        for part in parts:
            sys.stdout.write(part)


_SEVERITY_STYLE = {"[error]": "bold red", "[warning]": "yellow", "[info]": "cyan"}


def _print_coloured(text: str) -> None:
    """The text format on a terminal: severities coloured by rich, file headers in bold."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    for line in text.splitlines():
        styled = Text(line)
        if line and not line.startswith(" ") and line.endswith((".xlsx", ".xlsm")):
            styled.stylize("bold")
        for marker, style in _SEVERITY_STYLE.items():
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


def _load_set(
    paths: list[Path], today: str | None, lang: str | None = None
) -> tuple[list[Any], list[Any]]:
    """Analyses and workbooks of every readable file under ``paths``; others are named."""
    from retrokit.i18n import t
    from retrokit.lint.engine import check_workbook, discover, settings_from

    ui = _ui_lang(lang)
    settings = settings_from(_config(None), _today(today, lang), None)
    analyses, workbooks = [], []
    for path in discover(paths):
        if path.name.startswith("~$"):
            continue
        result = check_workbook(path, settings)
        if result.context is None:
            reason = result.error.reason_text(ui) if result.error else "unreadable"
            sys.stderr.write(f"retrokit: {t('warn.skipped', ui, path=path, reason=reason)}\n")
            continue
        analyses.append(result.context.analysis)
        workbooks.append(result.context.workbook)
    return analyses, workbooks


PathsArgument = Annotated[list[Path], typer.Argument(help="Workbooks or folders.")]


@app.command()
def compare(
    paths: PathsArgument,
    fmt: Annotated[str, typer.Option("--format", help="table, json, html or md.")] = "table",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write here.")] = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """Compare campaigns: results over time, recurring problems, carried-over actions."""
    import json

    from retrokit.method.campaigns import compare as compare_campaigns

    if fmt not in ("table", "json", "html", "md"):
        _fail_t(
            "err.choice", 2, lang, option="--format", choices="table, json, html, md", value=fmt
        )
    analyses, workbooks = _load_set(paths, today, lang)
    data = compare_campaigns(analyses, workbooks)
    out_lang = _lang(lang, analyses[0].lang if analyses else None)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt in ("html", "md"):
        from retrokit.render.report import render_compare

        text = render_compare(data, fmt, out_lang)  # type: ignore[arg-type]
    else:
        from retrokit.render.terminal import render_compare_table

        render_compare_table(data, out_lang, sys.stdout)
        return
    _emit(text, output, lang)


def _emit(text: str, output: str | None, lang: str | None = None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from retrokit.errors import UserError
    from retrokit.fsutil import write_text_atomic

    try:
        write_text_atomic(Path(output), text)
    except UserError as exc:
        _fail(exc.message(_ui_lang(lang)), 1)


@app.command()
def lessons(
    paths: PathsArgument,
    search: Annotated[str | None, typer.Option("--search", help="Text to look for.")] = None,
    category: Annotated[
        str | None, typer.Option("--category", help="success, lesson or surprise.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, md, csv or json.")] = "table",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write here.")] = None,
    lang: LangOption = None,
) -> None:
    """Every lesson from every workbook, searchable across scripts: the team's library."""
    from retrokit.method.campaigns import lessons as collect

    if fmt not in ("table", "md", "csv", "json"):
        _fail_t("err.choice", 2, lang, option="--format", choices="table, md, csv, json", value=fmt)
    if category is not None and category not in ("success", "lesson", "surprise"):
        _fail_t(
            "err.choice",
            2,
            lang,
            option="--category",
            choices="success, lesson, surprise",
            value=category,
        )
    analyses, _ = _load_set(paths, None, lang)
    rows = collect(analyses, search, category)
    out_lang = _lang(lang, analyses[0].lang if analyses else None)
    from retrokit.render.terminal import lessons_text

    if fmt == "table":
        lessons_text(rows, out_lang, "table", sys.stdout)
        return
    import io

    buf = io.StringIO()
    lessons_text(rows, out_lang, fmt, buf)
    text = buf.getvalue()
    if fmt == "csv" and output not in (None, "-"):
        from retrokit.fsutil import atomic_write

        data = text.encode("utf-8-sig")  # a BOM so Excel and Feishu read UTF-8

        def write(tmp: Path) -> None:
            tmp.write_bytes(data)

        atomic_write(Path(output), write, overwrite=True)
        return
    _emit(text, output, lang)


@app.command()
def export(
    paths: PathsArgument,
    to: Annotated[Path, typer.Option("--to", help="A .xlsx, .csv (folder of tables) or .sqlite.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Export campaigns, KPIs, problems and lessons as tidy tables for a BI tool."""
    from retrokit.errors import UserError
    from retrokit.method.campaigns import export as export_tables

    analyses, _ = _load_set(paths, None)
    try:
        written = export_tables(analyses, to, force=force)
    except UserError as exc:
        _fail(exc.message(_ui_lang()), exc.exit_code)
    sys.stdout.write(f"{written}\n")


@app.command("rules")
def list_rules() -> None:
    """List the rule catalogue: code, name, severity, summary."""
    from retrokit.rules import rules as catalogue

    for r in catalogue():
        sys.stdout.write(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary}\n")


@app.command("rule")
def explain_rule(
    code: Annotated[str, typer.Argument(help="A rule code (A001) or name.")],
    lang: LangOption = None,
) -> None:
    """Explain one rule: why it matters and how to fix it."""
    from retrokit.errors import UserError
    from retrokit.i18n import t
    from retrokit.lint.engine import resolve_selector
    from retrokit.rules import REGISTRY

    language = _lang(lang)
    try:
        codes = resolve_selector(code, "rule")
    except UserError as exc:
        _fail(exc.message(language), 2)
    if len(codes) != 1:
        _fail_t("err.rule_ambiguous", 2, lang, code=code, count=len(codes))
    r = REGISTRY[codes.pop()]
    sys.stdout.write(f"{r.code} {r.name} ({r.severity.value})\n{r.summary}\n\n")
    sys.stdout.write(t(f"doc.{r.code}", language) + "\n")


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
