"""Across campaigns: ``compare``, ``lessons`` and ``export``. They read and compute; no rule runs."""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from retrokit.cli.app import (
    LangOption,
    OutputOption,
    PathsArgument,
    TodayOption,
    app,
    choice,
    fail,
    fail_t,
    h,
    load_config,
    mv,
    output_lang,
    paths_exist,
    today_option,
    ui_lang,
    warn,
)
from retrokit.cli.output import emit, pick_format, to_stdout


def _campaigns(
    paths: list[Path],
    today: Any = None,
    lang: str | None = None,
    *,
    distinct: bool = False,
    same_as: dict[str, str] | None = None,
) -> list[Any]:
    """Every readable workbook under ``paths``, read and computed; others are named on stderr.
    With ``distinct`` a campaign given twice (the same file, or a copy) is used once, both files
    named on stderr: compare, lessons and export count it once; ``same_as`` receives each file
    left out -> the file used, named as the workbooks are.

    A path that does not exist is a usage error (exit 2) and nothing is read or written;
    paths that hold no readable retrospective at all fail as lint fails on an unreadable
    file (exit 1), rather than printing or exporting empty tables."""
    from retrokit import api
    from retrokit.fsutil import shown_name
    from retrokit.i18n import t

    ui = ui_lang(lang)
    paths_exist(paths, lang)

    def skipped(path: Path, exc: Any) -> None:
        from retrokit.guard import warned_before

        if warned_before(path):  # said by an attempt that a reader crash cut short
            return
        warn(t("warn.skipped", ui, path=shown_name(path), reason=exc.reason_text(ui)))

    from dataclasses import replace

    # The team's threshold, as analyze applies it; else each workbook's own (its meta cell).
    threshold = load_config(None, lang=lang).threshold

    def duplicate(left_out: Path, used: Path, why: str) -> None:
        if same_as is not None:
            same_as[shown_name(left_out)] = shown_name(used)
        warn(
            t(
                "warn.same_campaign",
                ui,
                left_out=shown_name(left_out),
                used=shown_name(used),
                why=t(f"why.{why}", ui),
            )
        )

    campaigns = api.load_campaigns(
        paths,
        today=today,
        threshold=threshold,
        on_skip=skipped,
        distinct=distinct,
        on_duplicate=duplicate,
    )
    if not campaigns:
        shown = ", ".join(shown_name(str(p)) for p in paths)
        fail_t("err.no_campaigns", 1, lang, paths=shown)
    # File names are data: escaped once here for every format (fsutil.shown_name).
    return [
        c
        if shown_name(c.workbook.path) == c.workbook.path
        else replace(
            c,
            workbook=replace(c.workbook, path=shown_name(c.workbook.path)),
            analysis=replace(c.analysis, file=shown_name(c.analysis.file)),
        )
        for c in campaigns
    ]


RawCsvOption = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help=h("help.raw_csv"),
    ),
]

COMPARE_FORMATS = {
    "table": (".txt",),
    "json": (".json",),
    "html": (".html", ".htm"),
    "md": (".md", ".markdown"),
}


def _most_common_lang(analyses: Sequence[Any]) -> str | None:
    """The language most of the campaigns are written in (the first of them on a tie): a
    folder of Simplified workbooks with one Traditional is answered in Simplified."""
    from collections import Counter

    if not analyses:
        return None
    langs: list[str] = [a.lang for a in analyses]
    counts = Counter(langs)
    return max(counts, key=lambda lang: (counts[lang], -langs.index(lang)))


@app.command(help=h("help.cmd.compare"))
def compare(
    paths: PathsArgument,
    fmt: Annotated[
        str | None, typer.Option("--format", help=h("help.format_compare"), metavar=mv("format"))
    ] = None,
    output: OutputOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """Compare campaigns: results over time, recurring problems, carried-over actions."""
    import json

    from retrokit.api import campaigns_of
    from retrokit.method.campaigns import compare as compare_campaigns
    from retrokit.text import json_safe

    fmt = pick_format(fmt, output, COMPARE_FORMATS, "table", lang, paths)
    same_as: dict[str, str] = {}
    analyses, workbooks = campaigns_of(
        _campaigns(paths, today_option(today, lang), lang, distinct=True, same_as=same_as)
    )
    data = compare_campaigns(analyses, workbooks, same_as)
    out_lang = output_lang(lang, _most_common_lang(analyses))
    if fmt == "json":
        text = json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    elif fmt in ("html", "md"):
        from retrokit.render.report import render_compare

        text = render_compare(data, fmt, out_lang)  # type: ignore[arg-type]
    else:
        from retrokit.render.terminal import render_compare_table

        if to_stdout(output):
            render_compare_table(data, out_lang, sys.stdout)
            return
        import io

        buffer = io.StringIO()
        render_compare_table(data, out_lang, buffer)
        text = buffer.getvalue()
    emit(text, output, lang=lang, inputs=paths)


LESSONS_FORMATS = {
    "table": (".txt",),
    "md": (".md", ".markdown"),
    "csv": (".csv",),
    "json": (".json",),
}
CATEGORIES = ("success", "lesson", "surprise")


def _category(value: str, lang: str | None) -> str:
    """The category code for ``--category`` written as a code or a label in any language."""
    from retrokit.workbook.schema import CATEGORY
    from retrokit.workbook.values import parse_choice

    try:
        return parse_choice(value, CATEGORY)
    except ValueError:
        names = [*CATEGORIES, *CATEGORY.labels(ui_lang(lang))]
        choice(value, tuple(names), "--category", lang)
        raise


def _header_lang(value: str) -> Any:
    from retrokit.i18n import check_lang

    try:
        return check_lang(value)
    except ValueError:
        fail_t("err.choice", 2, None, option="--headers", choices="zh-CN, zh-TW, en", value=value)


def _no_lessons(search: str | None, category: str | None, lang: Any) -> str:
    """Why the library is empty: nothing matches the search or category, or none recorded."""
    from retrokit.i18n import t
    from retrokit.workbook.schema import CATEGORY

    criteria = [f"--search {search}"] if search else []
    if category:
        criteria.append(f"--category {CATEGORY.label_of(category, lang)}")
    if criteria:
        return t("lessons.no_match", lang, criteria=" ".join(criteria))
    return t("lessons.none_recorded", lang)


@app.command(help=h("help.cmd.lessons"))
def lessons(
    paths: PathsArgument,
    search: Annotated[
        str | None, typer.Option("--search", help=h("help.search"), metavar=mv("text"))
    ] = None,
    category: Annotated[
        str | None,
        typer.Option("--category", help=h("help.category"), metavar=mv("category")),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help=h("help.format_lessons"), metavar=mv("format"))
    ] = None,
    output: OutputOption = None,
    lang: LangOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Every lesson from every workbook, searchable across scripts: the team's library."""
    import io

    from retrokit.method.campaigns import lessons as collect
    from retrokit.render.terminal import lessons_text

    fmt = pick_format(fmt, output, LESSONS_FORMATS, "table", lang, paths)
    if category is not None:
        category = _category(category, lang)
    analyses = [c.analysis for c in _campaigns(paths, lang=lang, distinct=True)]
    rows = collect(analyses, search, category)
    out_lang = output_lang(lang, _most_common_lang(analyses))
    empty = "" if rows else _no_lessons(search, category, out_lang)
    if empty and fmt in ("csv", "json"):  # the output stays what a program reads
        warn(_no_lessons(search, category, ui_lang(lang)))
    if fmt == "table" and to_stdout(output):
        lessons_text(rows, out_lang, "table", sys.stdout, empty=empty)
        return
    buffer = io.StringIO()
    lessons_text(rows, out_lang, fmt, buffer, raw_csv=raw_csv, empty=empty)
    text = buffer.getvalue()
    if fmt == "csv":
        # A BOM so Excel and Feishu read it as UTF-8, redirected to a file or not.
        emit(text.encode("utf-8-sig"), output, lang=lang, inputs=paths)
        return
    emit(text, output, lang=lang, inputs=paths)


@app.command(help=h("help.cmd.export"))
def export(
    paths: PathsArgument,
    to: Annotated[Path, typer.Option("--to", "-o", help=h("help.to"), metavar=mv("file"))],
    force: Annotated[bool, typer.Option("--force", help=h("help.force"))] = False,
    headers: Annotated[
        str | None,
        typer.Option("--headers", help=h("help.headers"), metavar=mv("lang")),
    ] = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Export campaigns, KPIs, problems and lessons as tidy tables for a BI tool."""
    from retrokit.cli.output import refuse_inputs
    from retrokit.errors import UserError
    from retrokit.render.export import export as export_tables

    header_lang = None if headers is None else _header_lang(headers)
    refuse_inputs(to, paths, None)
    analyses = [c.analysis for c in _campaigns(paths, distinct=True)]
    try:
        written = export_tables(
            analyses, to, force=force, raw_csv=raw_csv, headers=header_lang, roots=paths
        )
    except UserError as exc:
        fail(exc.message(ui_lang()), exc.exit_code)
    sys.stdout.write(f"{written}\n")
