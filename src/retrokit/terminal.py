"""`retrokit analyze` as rich tables for the terminal (plain text off a TTY or with NO_COLOR)."""

from __future__ import annotations

from typing import IO, Any

from retrokit import display
from retrokit.analysis import Analysis, Status
from retrokit.i18n import t
from retrokit.schema import (
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
    ChoiceList,
    Lang,
)
from retrokit.text import clean_terminal

STATUS_STYLE = {Status.EXCEEDED: "bold green", Status.MET: "yellow", Status.MISSED: "bold red"}
BAR_WIDTH = 10


def _c(text: Any) -> str:
    """Cell text made safe for the terminal and for rich markup."""
    from rich.markup import escape

    return escape(clean_terminal("" if text is None else str(text)))


def _label(choices: ChoiceList, code: str | None, lang: Lang) -> str:
    return choices.by_code(code).label(lang) if code else ""


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
    for k in result.kpis:
        metric = k.metric + (" ★" if k.core else "")
        if k.direction.value == "lower":
            metric += f" ({t('label.lower_better', lang)})"
        status = _label(RESULT, k.status.value, lang) if k.status else t("label.unrated", lang)
        style = STATUS_STYLE.get(k.status, "dim") if k.status else "dim"
        kpis.add_row(
            _c(_label(DIMENSION, k.dimension, lang)),
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
    for p in result.problems:
        due = display.date(p.due)
        overdue = f" ⚠ {t('label.overdue', lang)}" if p.overdue else ""
        due = f"[bold red]{_c(due + overdue)}[/]" if overdue else _c(due)
        problems.add_row(
            _c(p.area),
            _c(p.problem),
            _c(p.action),
            _c(p.owner),
            due,
            _c(_label(LEVEL, p.impact, lang)),
            _c(_label(LEVEL, p.effort, lang)),
            _c(_label(STATUS, p.status, lang)),
            _c(_label(PRIORITY, p.priority.value if p.priority else None, lang)),
        )
    console.print(problems)

    lessons = Table(title=_c(LESSONS.name(lang)), title_justify="left")
    for key in ("category", "lesson", "applies_to", "evidence"):
        lessons.add_column(_c(LESSONS.column(key).label(lang)))
    for x in result.lessons:
        lessons.add_row(
            _c(_label(CATEGORY, x.category, lang)), _c(x.lesson), _c(x.applies_to), _c(x.evidence)
        )
    console.print(lessons)

    for f in result.findings:
        console.print(_c(f"{f.where} {f.code} [{f.severity.value}] {f.message(lang)}"))
