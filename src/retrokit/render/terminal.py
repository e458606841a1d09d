"""`retrokit analyze` as rich tables for the terminal (plain text off a TTY or with NO_COLOR)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any, TypeVar

from retrokit.i18n import t
from retrokit.method.analysis import Analysis, Status
from retrokit.render import display
from retrokit.text import clean_terminal
from retrokit.workbook.schema import (
    CATEGORY,
    DIMENSION,
    INFO,
    KPIS,
    LESSONS,
    LEVEL,
    PRIORITY,
    PROBLEMS,
    RESULT,
    STATUS,
    Lang,
)

T = TypeVar("T")

STATUS_STYLE = {Status.EXCEEDED: "bold green", Status.MET: "yellow", Status.MISSED: "bold red"}
BAR_WIDTH = 10
#: Rows listed per table, and findings listed. A terminal table costs about half a
#: millisecond a row to lay out: a 100,000-row sheet would take a minute and most of a
#: gigabyte to show rows nobody scrolls through. The rest are counted, and named where to see.
TERMINAL_ROWS = 1000


def _listed(items: Sequence[T]) -> Sequence[T]:
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
    from rich.console import Console
    from rich.table import Table

    console = Console(
        file=stream, highlight=False, soft_wrap=False, width=160 if not stream.isatty() else None
    )

    info = Table(title=_c(INFO.name(lang)), show_header=False, title_justify="left")
    for column in INFO.columns:
        value = result.info.get(column.key)
        if column.choices is not None and value:
            value = column.choices.by_code(value).label(lang)
        elif isinstance(value, float):
            value = display.number(value, lang)
        info.add_row(_c(column.label(lang)), _c(display.date(value)))
    console.print(info)

    kpis = Table(title=_c(KPIS.name(lang)), title_justify="left")
    for key in ("dimension", "metric", "channel", "target", "actual", "gap", "rate"):
        kpis.add_column(_c(KPIS.column(key).label(lang)))
    kpis.add_column("")
    kpis.add_column(_c(KPIS.column("result").label(lang)))
    for k in _listed(result.kpis):
        metric = k.metric + (" ★" if k.core else "")
        if k.direction.value == "lower":
            metric += f" ({t('label.lower_better', lang)})"
        status = RESULT.label_of(k.status.value, lang) if k.status else t("label.unrated", lang)
        style = STATUS_STYLE.get(k.status, "dim") if k.status else "dim"
        kpis.add_row(
            _c(DIMENSION.label_of(k.dimension, lang)),
            _c(metric),
            _c(k.channel),
            _c(display.quantity(k.target, k, lang)),
            _c(display.quantity(k.actual, k, lang)),
            _c(display.gap(k, lang)),
            _c(display.rate(k, lang)),
            _bar(k.rate),
            f"[{style}]{_c(status)}[/]",
        )
    console.print(kpis)
    _more(console, result.kpis, "terminal.more_rows", lang)
    s = result.summary
    console.print(
        f"[bold]{_c(RESULT.by_code('exceeded').label(lang))} {s['exceeded']} · "
        f"{_c(RESULT.by_code('met').label(lang))} {s['met']} · "
        f"{_c(RESULT.by_code('missed').label(lang))} {s['missed']} · "
        f"{_c(t('label.unrated', lang))} {s['unrated']}[/]"
    )

    problems = Table(title=_c(PROBLEMS.name(lang)), title_justify="left")
    for key in ("area", "problem", "action", "owner", "due", "impact", "effort", "status"):
        problems.add_column(_c(PROBLEMS.column(key).label(lang)))
    problems.add_column("")
    for p in _listed(result.problems):
        due = display.date(p.due)
        overdue = f" ⚠ {t('label.overdue', lang)}" if p.overdue else ""
        due = f"[bold red]{_c(due + overdue)}[/]" if overdue else _c(due)
        problems.add_row(
            _c(p.area),
            _c(p.problem),
            _c(p.action),
            _c(p.owner),
            due,
            _c(LEVEL.label_of(p.impact, lang)),
            _c(LEVEL.label_of(p.effort, lang)),
            _c(STATUS.label_of(p.status, lang)),
            _c(PRIORITY.label_of(p.priority.value if p.priority else None, lang)),
        )
    console.print(problems)
    _more(console, result.problems, "terminal.more_rows", lang)

    lessons = Table(title=_c(LESSONS.name(lang)), title_justify="left")
    for key in ("category", "lesson", "applies_to", "evidence"):
        lessons.add_column(_c(LESSONS.column(key).label(lang)))
    for x in _listed(result.lessons):
        lessons.add_row(
            _c(CATEGORY.label_of(x.category, lang)), _c(x.lesson), _c(x.applies_to), _c(x.evidence)
        )
    console.print(lessons)
    _more(console, result.lessons, "terminal.more_rows", lang)

    for f in _listed(result.findings):
        console.print(_c(f"{f.where} {f.code} [{f.severity.value}] {f.message(lang)}"))
    _more(console, result.findings, "terminal.more_findings", lang)


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
    for m in data["metrics"]:
        steps = " → ".join(
            display.percent(p["rate"]) if p["rate"] is not None else "n/a" for p in m["series"]
        )
        metrics.add_row(_c(m["metric"]), _c(steps))
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
        rose = "" if e["rose"] is None else ("↑" if e["rose"] else "↓")
        console.print(_c(f"{t('compare.effects', lang)}: {e['action']} → {e['metric']} {rose}"))


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
