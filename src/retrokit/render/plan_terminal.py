"""`retrokit analyze PLAN.xlsx` as terminal tables: the schedule with its critical path, the
budget split, the risks and the pacing of each goal, then the findings."""

from __future__ import annotations

import io
from typing import Any

from retrokit.i18n import t
from retrokit.method.plan import PlanAnalysis
from retrokit.render import display
from retrokit.render.plan_view import (
    PlanTable,
    budget_line,
    budget_table,
    goals_table,
    pacing_values,
    plan_title,
    schedule_line,
    team_table,
)
from retrokit.render.terminal import TERMINAL_ROWS, _c
from retrokit.workbook.plan_schema import (
    BUDGET,
    GOALS,
    OVERVIEW,
    RISKS,
    TASK_STATUS,
    TASKS,
    TEAM,
)
from retrokit.workbook.schema import LEVEL, Lang

PACE_STYLE = {"ahead": "bold green", "on_track": "yellow", "behind": "bold red"}


def _rich(table: PlanTable, title: str) -> Any:
    """A plan view's table as a terminal table."""
    from rich.table import Table

    out = Table(title=_c(title), title_justify="left")
    for name in table.header:
        out.add_column(_c(name))
    for row in table.rows[:TERMINAL_ROWS]:
        out.add_row(*(_c(cell) for cell in row))
    return out


def _day(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def render_plan(plan: PlanAnalysis, lang: Lang) -> str:
    """The plan as terminal tables (plain text off a terminal)."""
    from rich.console import Console
    from rich.table import Table

    stream = io.StringIO()
    console = Console(file=stream, highlight=False, soft_wrap=False, width=160)

    info = Table(title=_c(OVERVIEW.name(lang)), show_header=False, title_justify="left")
    for column in OVERVIEW.columns:
        value = plan.info.get(column.key)
        if value is None or value == "":
            continue
        if column.choices is not None and isinstance(value, str):
            value = column.choices.label_of(value, lang)
        elif isinstance(value, float):
            value = display.money(
                value, lang, plan.budget.currency if column.key == "budget" else ""
            )
        info.add_row(
            _c(column.label(lang)), _c(_day(value) if hasattr(value, "isoformat") else value)
        )
    # An overview left blank still names the plan, as the report's title does.
    console.print(info if info.row_count else _c(plan_title(plan)))
    goals = goals_table(plan, lang)
    if goals is not None:  # the goals themselves, paced or not (pacing follows below)
        console.print(_rich(goals, GOALS.name(lang)))

    tasks = Table(title=_c(TASKS.name(lang)), title_justify="left")
    # A schedule without ids knows its tasks by name: the name is shown once.
    named = bool(plan.tasks) and all(t.id == (t.task or "") for t in plan.tasks)
    keys = ("id", "task", "owner", "start", "end", "depends_on", "status")
    for key in keys[1:] if named else keys:
        tasks.add_column(_c(TASKS.column(key).label(lang)))
    tasks.add_column(_c(t("plan.slack", lang)))
    for task in plan.tasks[:TERMINAL_ROWS]:
        mark = " ★" if task.critical else ""
        status = TASK_STATUS.label_of(task.status, lang)
        if task.late:
            status += f" ({t('plan.late', lang)})"
        tasks.add_row(
            *(() if named else (_c(task.id + mark),)),
            _c((task.task or "") + mark if named else task.task),
            _c(task.owner),
            _day(task.start),
            _day(task.end),
            _c(", ".join(task.depends_on)),
            _c(status),
            "" if task.slack is None else str(task.slack),
            style="bold" if task.critical else None,
        )
    if plan.tasks:
        console.print(tasks)
    console.print(_c(schedule_line(plan, lang)))

    split = budget_table(plan, lang)  # the report's: one scale, in the budget's currency
    if split is not None:
        console.print(_rich(split, BUDGET.name(lang)))
    console.print(_c(budget_line(plan, lang)))

    risks = Table(title=_c(RISKS.name(lang)), title_justify="left")
    for key in ("risk", "likelihood", "impact"):
        risks.add_column(_c(RISKS.column(key).label(lang)))
    risks.add_column(_c(t("plan.level", lang)))
    for key in ("response", "owner"):
        risks.add_column(_c(RISKS.column(key).label(lang)))
    for r in plan.risks:
        risks.add_row(
            _c(r.risk),
            _c(LEVEL.label_of(r.likelihood, lang)),
            _c(LEVEL.label_of(r.impact, lang)),
            _c(LEVEL.label_of(r.level, lang)),
            _c(r.response),
            _c(r.owner),
        )
    console.print(risks if plan.risks else _c(t("plan.risks_empty", lang)))
    team = team_table(plan, lang)
    if team is not None:
        console.print(_rich(team, TEAM.name(lang)))

    if plan.monitoring:
        pacing = Table(title=_c(t("plan.pacing", lang)), title_justify="left")
        pacing.add_column(_c(GOALS.column("metric").label(lang)))
        pacing.add_column(_c(GOALS.column("target").label(lang)))
        for key in ("plan.to_date", "plan.projected", "plan.days", "plan.pace_status"):
            pacing.add_column(_c(t(key, lang)))
        for m in plan.monitoring:
            pacing.add_row(
                _c(m.metric + (" ★" if m.core else "")),
                *pacing_values(m, plan, lang),
                f"{m.elapsed_days}/{m.total_days}",
                _c(t(f"plan.{m.status}", lang)) if m.status else "",
                style=PACE_STYLE.get(m.status or ""),
            )
        console.print(pacing)

    if plan.findings:
        for f in plan.findings:
            severity = t(f"severity.{f.severity.value}", lang)
            console.print(_c(f"{f.where} {f.code} [{severity}] {f.message(lang)}"))
    else:
        console.print(_c(t("report.no_findings", lang)))
    return stream.getvalue()
