"""`retrokit analyze` as rich tables for the terminal (plain text off a TTY or with NO_COLOR)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any, TypeVar

from retrokit.i18n import t
from retrokit.method import Analysis
from retrokit.render.view import ReviewView, compare_view, review_view
from retrokit.text import clean_terminal, json_safe
from retrokit.workbook.schema import (
    CATEGORY,
    INFO,
    LESSONS,
    RESULT,
    Lang,
)

T = TypeVar("T")

STATUS_STYLE = {"exceeded": "bold green", "met": "yellow", "missed": "bold red"}
BAR_WIDTH = 10
#: Rows listed per table, and findings listed. A terminal table costs about half a
#: millisecond a row to lay out: a 100,000-row sheet would take a minute and most of a
#: gigabyte to show rows nobody scrolls through. The rest are counted, and named where to see.
TERMINAL_ROWS = 1000


def _listed(items: Sequence[T]) -> Sequence[T]:
    # The view builds a row's strings when it is read: only the listed rows cost anything.
    return items[:TERMINAL_ROWS]


def _more(console: Any, items: Sequence[Any], key: str, lang: Lang) -> None:
    """The line that says how many items were not listed, when some were not."""
    hidden = len(items) - TERMINAL_ROWS
    if hidden > 0:
        console.print(_c(t(key, lang, count=f"{hidden:,}")))


def _c(text: Any) -> str:
    """Cell text made safe for the terminal and for rich markup."""
    from rich.markup import escape

    return escape(clean_terminal("" if text is None else str(text)))


def _bar(rate: float | None) -> str:
    if rate is None:
        return ""
    filled = max(0, min(BAR_WIDTH, round(min(rate, 1.0) * BAR_WIDTH)))
    return "█" * filled + "░" * (BAR_WIDTH - filled) + ("+" if rate > 1 else " ")


def _console(stream: IO[str], width: int | None) -> Any:
    """A console on ``stream``: ``width`` columns, else the terminal's, else 160 off a TTY."""
    from rich.console import Console

    if width is None and not stream.isatty():
        width = 160
    return Console(file=stream, highlight=False, soft_wrap=False, width=width)


def _table(
    title: str, columns: Sequence[tuple[str, bool]], narrow: bool = False, **options: Any
) -> Any:
    """A table whose text columns wrap (folding a long CJK run) and whose numbers stay whole.

    ``columns`` are (header, numeric). Numeric columns are right-aligned, never wrapped and keep
    their widest cell (``min_width``), so an 80-column terminal narrows only the text columns,
    which fold instead of ending in "…". A ``narrow`` table drops the outer border and shares
    the padding between columns: on 80 columns that is a third more room for the text.
    """
    from rich import box
    from rich.table import Table

    if narrow:
        options.update(box=box.SIMPLE_HEAD, collapse_padding=True, show_edge=False, pad_edge=False)
    table = Table(title=_c(title), title_justify="left", **options)
    for header, numeric in columns:
        table.add_column(
            _c(header),
            overflow="fold",
            no_wrap=numeric,
            justify="right" if numeric else "left",
        )
    return table


def _fit_numbers(table: Any) -> None:
    """Give every numeric (no-wrap) column the width of its widest cell as a floor."""
    from rich.cells import cell_len
    from rich.text import Text

    for column in table.columns:
        if column.no_wrap:
            cells = [column.header, *column.cells]
            widest = max(
                (
                    max(cell_len(line) for line in Text.from_markup(str(c)).plain.split("\n"))
                    for c in cells
                ),
                default=0,
            )
            column.min_width = widest


def _plan_tables(console: Any, view: ReviewView, narrow: bool) -> None:
    """执行过程 and 预算执行 of a review read with its plan, from the same view as the report."""
    e = view.execution
    if e is not None:
        shown = ("id", "task", "planned", "finished", "slip", "status")[0 if e.ids else 1 :]
        tasks = _table(e.title, [(e.labels[k], k == "slip") for k in shown], narrow)
        for x in e.tasks:
            slip = f"[bold red]{_c(x.slip)}[/]" if x.late else _c(x.slip)
            task = x.task + (" ★" if x.critical else "")
            cells = (_c(task), _c(x.planned), _c(x.finished), slip, _c(x.status))
            tasks.add_row(*((_c(x.id),) if e.ids else ()), *cells)
        _fit_numbers(tasks)
        console.print(tasks)
        console.print(_c(e.path))
    b = view.budget_execution
    if b is None:
        return
    keys = ("category", "item", "channel", "planned", "actual", "variance", "revenue", "roi")
    numeric = {"planned", "actual", "variance", "revenue", "roi"}
    lines = _table(b.title, [(b.labels[k], k in numeric) for k in keys], narrow)
    for line in b.lines:
        variance = f"[bold red]{_c(line.variance)}[/]" if line.over else _c(line.variance)
        lines.add_row(
            *(_c(v) for v in (line.category, line.item, line.channel, line.planned, line.actual)),
            variance,
            _c(line.revenue),
            _c(line.roi),
        )
    _fit_numbers(lines)
    console.print(lines)
    for title, first, groups in (
        (b.labels["by_category"], b.labels["category"], b.by_category),
        (b.labels["by_channel"], b.labels["channel"], b.by_channel),
    ):
        table = _table(
            title,
            [(first, False)] + [(b.labels[k], True) for k in ("planned", "actual", "variance")],
            narrow,
        )
        for g in groups:
            variance = f"[bold red]{_c(g.variance)}[/]" if g.over else _c(g.variance)
            table.add_row(_c(g.label), _c(g.planned), _c(g.actual), variance)
        _fit_numbers(table)
        console.print(table)
    console.print(_c(b.summary))


def render(result: Analysis, lang: Lang, stream: IO[str], width: int | None = None) -> None:
    """The analysis as terminal tables, laid out from the same view as the report.

    ``width`` fixes the console width (tests); by default the terminal's, or 160 off a TTY.
    """
    view = review_view(result, lang)
    labels = view.labels
    console = _console(stream, width)
    narrow = console.width < 110

    if view.overall:
        console.print(f"[bold]{_c(view.overall)}[/]")
    if view.core_unrated:
        console.print(f"[bold]{_c(view.core_line)}[/]")
    info = _table(labels.sheet["info"], [("", False), ("", False)], show_header=False)
    for row in view.info:
        info.add_row(_c(row.label), _c(row.value))
    console.print(info)
    _plan_tables(console, view, narrow)

    kpi_columns = [
        (labels.kpi["dimension"], False),
        (labels.kpi["metric"], False),
        (labels.kpi["channel"], False),
        (labels.kpi["target"], True),
        (labels.kpi["actual"], True),
        (labels.kpi["gap"], True),
        (labels.kpi["rate"], True),
    ]
    if not narrow:
        kpi_columns.append((t("terminal.progress", lang), True))
    kpi_columns.append((labels.kpi["result"], False))
    kpis = _table(labels.sheet["kpis"], kpi_columns, narrow)
    for k in _listed(view.kpis):
        metric = k.metric + (" ★" if k.core else "")
        if k.direction_note:
            metric += f" ({k.direction_note})"
        style = STATUS_STYLE.get(k.status, "dim")
        numbers = [_c(k.target), _c(k.actual), _c(k.gap), _c(k.rate)]
        if not narrow:
            numbers.append(_bar(k.rate_value))
        kpis.add_row(
            _c(k.dimension),
            _c(metric),
            _c(k.channel),
            *numbers,
            f"[{style}]{_c(k.label)}[/]",
        )
    _fit_numbers(kpis)
    console.print(kpis)
    _more(console, view.kpis, "terminal.more_rows", lang)
    console.print("[bold]" + " · ".join(f"{_c(c.label)} {c.count}" for c in view.counts) + "[/]")

    p = labels.problem
    problem_columns: list[tuple[str, bool]] = [
        (p["area"], False),
        (p["problem"], False),
        (p["action"], False),
        (p["owner"], False),
        (p["due"], True),
    ]
    if narrow:
        # Impact and effort side by side ("高 / 低") leave the text columns room to read.
        problem_columns.append((t("terminal.grades", lang), False))
    else:
        problem_columns += [(p["impact"], False), (p["effort"], False)]
    problem_columns += [(p["status"], False), (t("terminal.priority", lang), False)]
    problems = _table(labels.sheet["problems"], problem_columns, narrow)
    for a in _listed(view.actions):
        due = f"[bold red]{_c(a.due)}\n{_c(f'⚠ {labels.overdue}')}[/]" if a.overdue else _c(a.due)
        grades = [f"{_c(a.impact)} / {_c(a.effort)}"] if narrow else [_c(a.impact), _c(a.effort)]
        problems.add_row(
            _c(a.area),
            _c(a.problem),
            _c(a.action),
            _c(a.owner),
            due,
            *grades,
            _c(a.status),
            _c(a.priority),
        )
    _fit_numbers(problems)
    console.print(problems)
    _more(console, view.actions, "terminal.more_rows", lang)

    lessons = _table(
        labels.sheet["lessons"],
        [(labels.lesson[k], False) for k in ("category", "lesson", "applies_to", "evidence")],
        narrow,
    )
    for x in _listed(view.lessons):
        lessons.add_row(_c(x.category), _c(x.lesson), _c(x.applies_to), _c(x.evidence))
    console.print(lessons)
    _more(console, view.lessons, "terminal.more_rows", lang)

    for f in _listed(view.findings):
        console.print(_c(f"{f.where} {f.code} [{f.severity}] {f.message}"))
    _more(console, view.findings, "terminal.more_findings", lang)


def render_compare_table(
    data: dict[str, Any], lang: Lang, stream: IO[str], width: int | None = None
) -> None:
    """`retrokit compare` in the terminal: the campaigns, then each metric's trend."""
    from pathlib import Path

    console = _console(stream, width)
    narrow = console.width < 110
    table = _table(
        t("compare.campaigns", lang),
        [
            (INFO.column("project").label(lang), False),
            (t("compare.period", lang), False),
            (INFO.column("owner").label(lang), False),
            *((c.label(lang), True) for c in RESULT.choices),
            (t("compare.core_missed", lang), False),
            (t("compare.open", lang), True),
            (t("compare.overdue", lang), True),
        ],
        narrow,
    )
    view = compare_view(data, lang)  # the same cells as md and html (a missing date is ?)
    for c in view.campaigns:
        table.add_row(
            _c(c.project),
            _c(c.period),
            _c(c.owner),
            str(c.exceeded),
            str(c.met),
            str(c.missed),
            _c(c.core_missed),
            str(c.open_actions),
            str(c.overdue_actions),
        )
    _fit_numbers(table)
    console.print(table)
    for line in view.undated:
        console.print(_c(line))
    # Each metric's trend: the campaigns as columns, the rate and its result in each, then
    # whether the achievement improved or worsened.
    if view.single:  # one campaign: no change to show, and a table of none would say nothing
        console.print(_c(view.single))
    else:
        metrics = _table(
            t("compare.metrics", lang),
            [
                (t("report.metric", lang), False),
                *((c, False) for c in view.trend_columns),
                (view.labels["trend"], False),
            ],
            narrow,
        )
        for m in view.metrics:
            metrics.add_row(
                _c(m.metric),
                *(
                    _c(f"{p.rate} {p.label}") if p else f"[dim]{_c(view.labels['not_measured'])}[/]"
                    for p in m.by_campaign
                ),
                _c(m.trend),
            )
        console.print(metrics)
    if view.metrics:
        console.print(_c(view.labels["trend_note"]))
    for key, title in (
        ("recurring_areas", "compare.areas"),
        ("recurring_root_causes", "compare.causes"),
    ):
        for r in data[key]:
            files = ", ".join(Path(f).name for f in r["files"])
            console.print(_c(f"{t(title, lang)}{view.colon}{r['text']} ({files})"))
    for c in data["carried_over"]:
        console.print(_c(f"{t('compare.carried', lang)}{view.colon}{c['action']} x{c['times']}"))
    for e in view.effects:
        # Without a verdict (a rate missing on either side) the line ends at the values.
        line = t(
            "compare.effect_line" if e.effect else "compare.effect_line.untold",
            lang,
            action=e.action,
            metric=e.metric,
            before=e.before,
            after=e.after,
            effect=e.effect,
        )
        console.print(_c(f"{t('compare.effects', lang)}{view.colon}{line}"))


LESSON_COLUMNS = ("campaign", "date", "category", "lesson", "applies_to", "evidence")


def lessons_text(
    rows: list[dict[str, Any]],
    lang: Lang,
    fmt: str,
    stream: IO[str],
    *,
    raw_csv: bool = False,
    empty: str = "",
) -> None:
    """The lessons library as a terminal table, Markdown, CSV or JSON. CSV text cells that a
    spreadsheet would evaluate get a leading apostrophe unless ``raw_csv`` (csv_safe). With
    no rows, the table and Markdown say ``empty`` instead of drawing an empty table; CSV and
    JSON stay what a program reads (a header, an empty list)."""
    if not rows and empty and fmt in ("table", "md"):
        from retrokit.render.report import md_escape

        stream.write((clean_terminal(empty) if fmt == "table" else md_escape(empty)) + "\n")
        return
    headers = [
        t("lessons.campaign", lang),
        t("lessons.date", lang),
        *(LESSONS.column(k).label(lang) for k in ("category", "lesson", "applies_to", "evidence")),
    ]

    def cells(row: dict[str, Any]) -> list[str]:
        values = [row.get(k) for k in LESSON_COLUMNS]
        values[2] = CATEGORY.label_of(row.get("category"), lang)
        return ["" if v is None else str(v) for v in values]

    if fmt == "json":
        import json

        stream.write(json_safe(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "csv":
        import csv

        from retrokit.render.export import csv_safe

        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            texts = cells(row)
            if not raw_csv:
                originals = [row.get(k) for k in LESSON_COLUMNS]
                texts = [
                    csv_safe(text) if isinstance(orig, str) else text
                    for text, orig in zip(texts, originals, strict=True)
                ]
            writer.writerow(texts)
    elif fmt == "md":
        from retrokit.render.report import md_escape

        stream.write("| " + " | ".join(md_escape(h) for h in headers) + " |\n")
        stream.write("|" + "---|" * len(headers) + "\n")
        for row in rows:
            stream.write("| " + " | ".join(md_escape(c) for c in cells(row)) + " |\n")
    else:
        console = _console(stream, None)
        table = _table(LESSONS.name(lang), [(h, False) for h in headers], console.width < 110)
        for row in rows:
            table.add_row(*(_c(c) for c in cells(row)))
        console.print(table)
