"""One workbook: ``init``, ``analyze`` and ``report``."""

import sys
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
    OutputOption,
    ThresholdOption,
    TodayOption,
    app,
    choice,
    fail,
    fail_t,
    h,
    limits,
    load_config,
    mv,
    output_lang,
    threshold_option,
    today_option,
    ui_lang,
)
from retrokit.cli.output import emit, pick_format, to_stdout


@app.command(help=h("help.cmd.init"))
def init(
    path: Annotated[Path, typer.Argument(help=h("help.init_path"), metavar=mv("file"))],
    lang: LangOption = None,
    example: Annotated[bool, typer.Option("--example", help=h("help.example"))] = False,
    force: Annotated[bool, typer.Option("--force", help=h("help.force"))] = False,
    previous: Annotated[
        Path | None,
        typer.Option("--from", help=h("help.from"), metavar=mv("workbook")),
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help=h("help.kind"), metavar=mv("kind"))
    ] = "review",
    plan: Annotated[
        Path | None,
        typer.Option("--from-plan", help=h("help.from_plan"), metavar=mv("workbook")),
    ] = None,
    threshold: ThresholdOption = None,
    config: ConfigOption = None,
) -> None:
    """Create a new retrospective (or plan) workbook to fill in Excel, WPS or LibreOffice."""
    from retrokit import api
    from retrokit.errors import UserError

    choice(kind, ("review", "plan"), "--kind", lang)
    language = output_lang(lang)
    if example and previous is not None:
        fail_t("err.example_from", 2, lang)
    if example and plan is not None:
        fail_t("err.example_from_plan", 2, lang)
    # The threshold in force (--threshold, else the team's config) goes into the workbook's
    # meta cell, which its result formulas read: the sheet and retrokit label alike.
    met = threshold_option(threshold, lang)
    if met is None:
        met = load_config(config, lang=lang).threshold
    try:
        # Each source is read once: for the language the new workbook takes, then to fill it.
        # (A plan workbook takes no source: the api says so before anything is read.)
        reads = kind == "review"
        before = api.open_workbook(previous) if reads and previous is not None else previous
        planned = api.open_workbook(plan) if reads and plan is not None else plan
        for source in (before, planned):
            if source is not None and not isinstance(source, Path):
                language = output_lang(lang, source.lang)
        written = api.scaffold_workbook(
            path,
            lang=language,
            example=example,
            force=force,
            previous=before,
            kind=kind,
            plan=planned,
            threshold=met,
        )
    except UserError as exc:
        fail(exc.message(ui_lang(lang)), exc.exit_code)  # the user's language, not the source's
    sys.stdout.write(f"{written}\n")


def _analysis(
    workbook: Path,
    config: Path | None,
    today: Any,
    threshold: float | None,
    lang: str | None,
    size_limits: Any,
    plan: Path | None = None,
) -> tuple[Any, Any]:
    """Config and the checked analysis of one workbook (a review with ``plan`` beside it), or
    a one-line exit 2."""
    from retrokit import api
    from retrokit.errors import UsageError, UserError
    from retrokit.lint.engine import collector_paused

    cfg = load_config(config, lang=lang)
    try:
        # The command is the application: it may tune its own process, as lint's engine does.
        with collector_paused():
            read = api.open_workbook(workbook, limits=size_limits)
            if not any(match.name for match in read.sheets.values()):
                # No sheet of ours at all: an empty analysis would pass for a review.
                raise UsageError("err.not_retrokit", path=workbook)
            options: dict[str, Any] = {
                "config": cfg,
                "today": today,
                "threshold": threshold_option(threshold, lang),
                "limits": size_limits,
            }
            if read.kind == "plan":
                if plan is not None:
                    raise UsageError("err.plan_with_plan", path=workbook)
                return cfg, api.analyze_plan(read, **options)
            return cfg, api.analyze_workbook(read, plan=plan, **options)
    except UserError as exc:
        fail(exc.message(output_lang(lang)), 2)


PlanOption = Annotated[
    Path | None, typer.Option("--plan", help=h("help.plan"), metavar=mv("workbook"))
]


def _inputs(workbook: Path, *others: Path | None) -> list[Path]:
    """The files a command reads (the workbook, a plan, a deck's master), which no output may
    overwrite."""
    return [workbook, *(p for p in others if p is not None)]


ANALYZE_FORMATS = {"table": (".txt",), "json": (".json",)}


@app.command(help=h("help.cmd.analyze"))
def analyze(
    workbook: Annotated[Path, typer.Argument(help=h("help.workbook"), metavar=mv("workbook"))],
    fmt: Annotated[
        str | None, typer.Option("--format", help=h("help.format_analyze"), metavar=mv("format"))
    ] = None,
    output: OutputOption = None,
    today: TodayOption = None,
    threshold: ThresholdOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    max_cells: MaxCells = None,
    max_unpacked_bytes: MaxUnpacked = None,
    max_ratio: MaxRatio = None,
    max_file_bytes: MaxFile = None,
    max_text_bytes: MaxText = None,
    plan: PlanOption = None,
) -> None:
    """Compute achievement rates, gaps, labels, action priorities and overdue actions."""
    inputs = _inputs(workbook, plan)
    fmt = pick_format(fmt, output, ANALYZE_FORMATS, "table", lang, inputs)
    cfg, result = _analysis(
        workbook,
        config,
        today_option(today, lang),
        threshold,
        lang,
        limits(max_cells, max_unpacked_bytes, max_ratio, max_file_bytes, max_text_bytes),
        plan,
    )
    out_lang = output_lang(lang, cfg.lang or result.lang)
    if fmt == "json":
        from retrokit.lint.engine import collector_paused
        from retrokit.render.json import json_document, plan_document
        from retrokit.render.jsonout import write_document

        with collector_paused():  # thousands of acyclic rows, as in reading them
            document = (
                plan_document(result, out_lang)
                if getattr(result, "schedule", None) is not None
                else json_document(result, out_lang)
            )
            if to_stdout(output):
                write_document(document, sys.stdout)
                return
            import io

            buffer = io.StringIO()
            write_document(document, buffer)
        emit(buffer.getvalue(), output, lang=lang, inputs=inputs)
        return
    if getattr(result, "schedule", None) is not None:
        from retrokit.render.plan_terminal import render_plan

        emit(render_plan(result, out_lang), output, lang=lang, inputs=inputs)
        return
    from retrokit.render.terminal import render

    if to_stdout(output):
        render(result, out_lang, sys.stdout)
        return
    import io

    buffer = io.StringIO()
    render(result, out_lang, buffer)
    emit(buffer.getvalue(), output, lang=lang, inputs=inputs)


REPORT_FORMATS = {"html": (".html", ".htm"), "md": (".md", ".markdown"), "pptx": (".pptx",)}


@app.command(help=h("help.cmd.report"))
def report(
    workbook: Annotated[Path, typer.Argument(help=h("help.workbook"), metavar=mv("workbook"))],
    fmt: Annotated[
        str | None, typer.Option("--format", help=h("help.format_report"), metavar=mv("format"))
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help=h("help.report_output"), metavar=mv("file")),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help=h("help.template"), metavar=mv("file")),
    ] = None,
    presenter: Annotated[
        str | None, typer.Option("--presenter", help=h("help.presenter"), metavar=mv("name"))
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    threshold: ThresholdOption = None,
    config: ConfigOption = None,
    max_cells: MaxCells = None,
    max_unpacked_bytes: MaxUnpacked = None,
    max_ratio: MaxRatio = None,
    max_file_bytes: MaxFile = None,
    max_text_bytes: MaxText = None,
    plan: PlanOption = None,
) -> None:
    """Write the retrospective as a self-contained HTML page, GitHub Markdown or a slide deck."""
    from retrokit.render.report import as_of_date, default_output, render

    inputs = _inputs(workbook, plan, template)
    fmt = pick_format(fmt, output, REPORT_FORMATS, "html", lang, inputs)
    # pick_format has refused an -o naming the workbook; the default sits beside it.
    target = Path(output) if output and output != "-" else default_output(workbook, fmt)  # type: ignore[arg-type]
    cfg, result = _analysis(
        workbook,
        config,
        as_of_date(today_option(today, lang)),
        threshold,
        lang,
        limits(max_cells, max_unpacked_bytes, max_ratio, max_file_bytes, max_text_bytes),
        plan,
    )
    out_lang = output_lang(lang, cfg.lang or result.lang)
    if getattr(result, "schedule", None) is not None:
        from retrokit.render.plan_report import render_plan_report

        if fmt == "pptx":  # the deck is the review's, with the plan's sections in it
            fail_t("err.plan_deck", 2, out_lang, path=workbook)

        content: str | bytes = render_plan_report(result, fmt, out_lang)  # type: ignore[arg-type]
    elif fmt == "pptx":
        from retrokit.errors import UserError
        from retrokit.render.deck import render_deck

        try:
            content = render_deck(
                result, out_lang, presenter=presenter, template=template, plan=result.plan
            )
        except UserError as exc:
            fail(exc.message(out_lang), 2)
    else:
        content = render(result, fmt, out_lang)  # type: ignore[arg-type]
    emit(content, "-" if output == "-" else target, lang=lang, inputs=inputs, announce=True)
