"""`retrokit analyze` as rich tables for the terminal (plain text off a TTY or with NO_COLOR)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any, TypeVar

from retrokit.i18n import t
from retrokit.method import Analysis
from retrokit.render import display
from retrokit.render.view import review_view
from retrokit.text import clean_terminal
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


def render(result: Analysis, lang: Lang, stream: IO[str]) -> None:
    """The analysis as terminal tables, laid out from the same view as the report."""
    from rich.console import Console
    from rich.table import Table

    view = review_view(result, lang)
    labels = view.labels
    console = Console(
        file=stream, highlight=False, soft_wrap=False, width=160 if not stream.isatty() else None
    )

    if view.overall:
        console.print(f"[bold]{_c(view.overall)}[/]")
    info = Table(title=_c(labels.sheet["info"]), show_header=False, title_justify="left")
    for row in view.info:
        info.add_row(_c(row.label), _c(row.value))
    console.print(info)

    kpis = Table(title=_c(labels.sheet["kpis"]), title_justify="left")
    for key in ("dimension", "metric", "channel", "target", "actual", "gap", "rate"):
        kpis.add_column(_c(labels.kpi[key]))
    kpis.add_column("")
    kpis.add_column(_c(labels.kpi["result"]))
    for k in _listed(view.kpis):
        metric = k.metric + (" ★" if k.core else "")
        if k.direction_note:
            metric += f" ({k.direction_note})"
        style = STATUS_STYLE.get(k.status, "dim")
        kpis.add_row(
            _c(k.dimension),
            _c(metric),
            _c(k.channel),
            _c(k.target),
            _c(k.actual),
            _c(k.gap),
            _c(k.rate),
            _bar(k.rate_value),
            f"[{style}]{_c(k.label)}[/]",
        )
    console.print(kpis)
    _more(console, view.kpis, "terminal.more_rows", lang)
    console.print("[bold]" + " · ".join(f"{_c(c.label)} {c.count}" for c in view.counts) + "[/]")

    problems = Table(title=_c(labels.sheet["problems"]), title_justify="left")
    for key in ("area", "problem", "action", "owner", "due", "impact", "effort", "status"):
        problems.add_column(_c(labels.problem[key]))
    problems.add_column("")
    for a in _listed(view.actions):
        due = f"[bold red]{_c(f'{a.due} ⚠ {labels.overdue}')}[/]" if a.overdue else _c(a.due)
        problems.add_row(
            _c(a.area),
            _c(a.problem),
            _c(a.action),
            _c(a.owner),
            due,
            _c(a.impact),
            _c(a.effort),
            _c(a.status),
            _c(a.priority),
        )
    console.print(problems)
    _more(console, view.actions, "terminal.more_rows", lang)

    lessons = Table(title=_c(labels.sheet["lessons"]), title_justify="left")
    for key in ("category", "lesson", "applies_to", "evidence"):
        lessons.add_column(_c(labels.lesson[key]))
    for x in _listed(view.lessons):
        lessons.add_row(_c(x.category), _c(x.lesson), _c(x.applies_to), _c(x.evidence))
    console.print(lessons)
    _more(console, view.lessons, "terminal.more_rows", lang)

    for f in _listed(view.findings):
        console.print(_c(f"{f.where} {f.code} [{f.severity}] {f.message}"))
    _more(console, view.findings, "terminal.more_findings", lang)


def render_compare_table(data: dict[str, Any], lang: Lang, stream: IO[str]) -> None:
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, highlight=False, width=160 if not stream.isatty() else None)
    table = Table(title=_c(t("compare.campaigns", lang)), title_justify="left")
    for header in (
        INFO.column("project").label(lang),
        t("compare.period", lang),
        INFO.column("owner").label(lang),
        *(c.label(lang) for c in RESULT.choices),
        t("compare.core_missed", lang),
        t("compare.open", lang),
        t("compare.overdue", lang),
    ):
        table.add_column(_c(header))
    for c in data["campaigns"]:
        table.add_row(
            _c(c["project"]),
            _c(f"{c['start']} ~ {c['end']}"),
            _c(c["owner"]),
            str(c["exceeded"]),
            str(c["met"]),
            str(c["missed"]),
            _c("、".join(c["core_missed"])),
            str(c["open_actions"]),
            str(c["overdue_actions"]),
        )
    console.print(table)
    metrics = Table(title=_c(t("compare.metrics", lang)), title_justify="left")
    metrics.add_column(_c(t("report.metric", lang)))
    metrics.add_column("")
    metrics.add_column(_c(t("compare.trend", lang)))
    for m in data["metrics"]:
        steps = " → ".join(
            display.percent(p["rate"]) if p["rate"] is not None else "n/a" for p in m["series"]
        )
        trend = t(f"compare.change.{m['trend']}", lang) if m.get("trend") else ""
        metrics.add_row(_c(m["metric"]), _c(steps), _c(trend))
    console.print(metrics)
    for key, title in (
        ("recurring_areas", "compare.areas"),
        ("recurring_root_causes", "compare.causes"),
    ):
        for r in data[key]:
            files = ", ".join(Path(f).name for f in r["files"])
            console.print(_c(f"{t(title, lang)}: {r['text']} ({files})"))
    for c in data["carried_over"]:
        console.print(_c(f"{t('compare.carried', lang)}: {c['action']} x{c['times']}"))
    for e in data["action_effects"]:
        moved = t(f"compare.change.{e['effect']}", lang) if e.get("effect") else ""
        console.print(_c(f"{t('compare.effects', lang)}: {e['action']} → {e['metric']} {moved}"))


LESSON_COLUMNS = ("campaign", "date", "category", "lesson", "applies_to", "evidence")


def lessons_text(rows: list[dict[str, Any]], lang: Lang, fmt: str, stream: IO[str]) -> None:
    """The lessons library as a terminal table, Markdown, CSV or JSON."""
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

        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow(cells(row))
    elif fmt == "md":
        from retrokit.render.report import md_escape

        stream.write("| " + " | ".join(md_escape(h) for h in headers) + " |\n")
        stream.write("|" + "---|" * len(headers) + "\n")
        for row in rows:
            stream.write("| " + " | ".join(md_escape(c) for c in cells(row)) + " |\n")
    else:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=stream, highlight=False, width=160 if not stream.isatty() else None)
        table = Table(title=_c(LESSONS.name(lang)), title_justify="left")
        for h in headers:
            table.add_column(_c(h))
        for row in rows:
            table.add_row(*(_c(c) for c in cells(row)))
        console.print(table)
