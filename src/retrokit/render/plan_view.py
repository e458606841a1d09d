"""What the plan's own report says, format-neutral: the title, the overview, every goal, the
schedule's sentence, the budget split, the risks (the matrix and each risk with its response
and owner, highest first) and the pacing, as display strings. ``plan_report.py`` lays it out
as HTML and Markdown; ``plan_terminal.py`` takes its sentences and number forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from retrokit.i18n import t
from retrokit.method.plan import BudgetGroup, GoalResult, Pacing, PlanAnalysis, TaskResult
from retrokit.method.units import unit_currency
from retrokit.render import display
from retrokit.workbook.plan_schema import (
    BUDGET,
    BUDGET_CATEGORY,
    GOALS,
    OVERVIEW,
    PHASE,
    RISK_STATUS,
    RISKS,
    ROLE,
    TEAM,
)
from retrokit.workbook.schema import DIMENSION, DIRECTION, LEVEL, YES_NO, Lang

#: Risks listed highest level first; a risk without a level last.
_LEVEL_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class PlanTable:
    """A table as display strings: its header and its rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PlanView:
    """The plan report's content. A table with no rows is None, and its section says why in
    the ``*_empty`` sentence instead (an empty plan reads as one, not as blank tables)."""

    title: str
    overview: tuple[tuple[str, str], ...]
    goals: PlanTable | None
    goals_empty: str
    schedule_dated: bool  # a chart can be drawn
    schedule_line: str  # the critical path, or that the schedule is empty
    budget: PlanTable | None
    budget_line: str
    risk_matrix: PlanTable | None
    risk_list: PlanTable | None
    risks_empty: str
    pacing: PlanTable | None
    pacing_note: str  # the goals without daily figures, or that there are none at all
    team: PlanTable | None  # the roster (项目分工); None when the plan keeps none
    names: dict[str, str]  # section titles: overview / goals / schedule / budget / risks / ...
    #: Each budget line's variance, attributed revenue and ROI, as the review's 预算执行 shows
    #: them; None until some line has spending or revenue.
    budget_lines: PlanTable | None = None


def figure(value: float | None, lang: Lang, unit: str | None = None, currency: str = "") -> str:
    """A plan figure as the reader's language writes it; a percentage for the unit ``%``; an
    amount of the budget in its ``currency`` (NT$48萬)."""
    if value is None:
        return ""
    return display.percent(value) if unit == "%" else display.money(value, lang, currency)


def goal_value(value: float | None, goal: GoalResult | None, lang: Lang) -> str:
    """A goal's target (or its pacing figures) in the form the goal was written: 1:3 for a
    ratio, as the review shows a KPI written 1:3; 5.0% for a percentage; otherwise the
    number in the reader's language."""
    if value is None:
        return ""
    if goal is not None and goal.form == "ratio":
        return display.ratio(value)  # a computed ratio: 1:2.25, not 1:2.25227
    unit = goal.unit if goal is not None else None
    percent = "%" if goal is not None and goal.form == "percent" else unit
    return figure(value, lang, percent, unit_currency(unit))


def _target(goal: GoalResult, lang: Lang, pacing: Pacing | None = None) -> str:
    """The target with its unit word (人), unless the metric's name says it already
    (总费用(万元): 60); a paced goal's as the pacing table writes it, in its row's scale
    (10,000人 in both tables, not 1万 人 beside 10,000)."""
    if pacing is not None and pacing.target == goal.target:
        return goal_figures((pacing.target, pacing.to_date, pacing.projected), goal, lang)[0]
    return goal_figures((goal.target,), goal, lang)[0]


def _span(start: dt.date | None, end: dt.date | None) -> str:
    if start is None or end is None or start == end:
        return display.date(start or end)
    return f"{display.date(start)} – {display.date(end)}"


def plan_title(plan: PlanAnalysis) -> str:
    """The project's name, or the file's name while the overview leaves it blank."""
    return str(plan.info.get("project") or "").strip() or Path(plan.file).name


def overview_rows(plan: PlanAnalysis, lang: Lang) -> tuple[tuple[str, str], ...]:
    """The overview's filled fields as (label, value), in the sheet's order."""
    rows = []
    for column in OVERVIEW.columns:
        value = plan.info.get(column.key)
        if value is None or value == "":
            continue
        if column.choices is not None and isinstance(value, str):
            shown = column.choices.shown(value, lang)
        elif isinstance(value, (int, float)):
            money = plan.budget.currency if column.key == "budget" else ""
            shown = display.money(float(value), lang, money)
        else:
            shown = display.date(value)
        rows.append((column.label(lang), shown))
    return tuple(rows)


def charted_tasks(plan: PlanAnalysis) -> list[TaskResult]:
    """The tasks a Gantt chart draws: both dates known and the end not before the start. A
    task ending before it starts (V002 names it) has no length to draw; it is left out rather
    than drawn backwards, which breaks an SVG (a negative width) and a whole Mermaid chart."""
    return [x for x in plan.tasks if x.start is not None and x.end is not None and x.start <= x.end]


def schedule_line(plan: PlanAnalysis, lang: Lang) -> str:
    """The critical path with its own dates (its first start and last end: a path that a
    broken dependency cut short starts later than the project), or that no task has dates."""
    s = plan.schedule
    if s.start is None or s.end is None:
        return t("plan.schedule_empty", lang)
    by_id: dict[str, TaskResult] = {}
    for task in plan.tasks:
        by_id.setdefault(task.id, task)
    path = [by_id[i] for i in s.critical_path if i in by_id]
    starts = [x.start for x in path if x.start is not None]
    ends = [x.end for x in path if x.end is not None]
    start, end = (min(starts), max(ends)) if starts and ends else (s.start, s.end)
    return with_also_critical(t(
        "plan.critical_path", lang, path=" → ".join(s.critical_path) or "-",
        start=start, end=end, days=(end - start).days + 1,
    ), plan, lang)  # fmt: skip


def with_also_critical(sentence: str, plan: PlanAnalysis, lang: Lang) -> str:
    """A sentence that lists the critical path, followed by the critical tasks it leaves out
    (a second chain without slack: ``另有 T7 也没有余量。``), so that every ★ is accounted for."""
    from retrokit.method.plan import critical_off_path

    others = critical_off_path(plan)
    if not others or not plan.schedule.critical_path:
        return sentence
    from retrokit.i18n.languages import language

    space = language(lang).word_separator  # "" between Chinese sentences, " " in English
    if not sentence.endswith(("。", ".", "！", "!")):
        sentence += "." if space else "。"
    return sentence + space + t("plan.also_critical", lang, items=display_list(list(others), lang))


def group_planned(plan: PlanAnalysis, group: BudgetGroup, key: str = "category") -> float | None:
    """A group's planned amount; None (shown empty) when none of its lines has one (all are
    shares, 40%, with no total budget to take them of)."""
    lines = plan.budget.lines
    known = any(line.planned is not None for line in lines if getattr(line, key) == group.name)
    return group.planned if known else None


def budget_line(plan: PlanAnalysis, lang: Lang) -> str:
    """Total, allocated, spent and remaining; that no line is planned yet when none is; that
    lines planned as shares need a total budget."""
    b = plan.budget
    if not b.lines and b.total is None:
        return t("plan.budget_empty", lang)
    known = any(line.planned is not None for line in b.lines)
    c = b.currency
    over = b.remaining is not None and b.remaining < 0  # over by 12万, not 剩余 -12万
    line = t(
        "plan.budget_over" if over else "plan.budget_line", lang,
        total=figure(b.total, lang, currency=c) or "-",
        planned=figure(b.planned if known else None, lang, currency=c) or "-",
        actual=figure(b.actual, lang, currency=c) or "-",
        remaining=figure(b.remaining, lang, currency=c) or "-",
        over=figure(None if b.remaining is None else -b.remaining, lang, currency=c),
    )  # fmt: skip
    if b.unpriced_shares:
        line += t("plan.shares_need_total", lang, n=b.unpriced_shares)
    return line if b.lines else t("plan.budget_empty", lang) + " " + line


def pacing_values(pacing: Pacing, plan: PlanAnalysis, lang: Lang) -> tuple[str, str, str]:
    """A goal's target, figure to date and projection (:func:`goal_figures`)."""
    goal = next((g for g in plan.goals if g.row == pacing.goal_row), None)
    row = (pacing.target, pacing.to_date, pacing.projected)
    if goal is None:
        shown = display.figures(row, lang, pacing.unit, unit_currency(pacing.unit))
    else:
        shown = goal_figures(row, goal, lang)
    return shown[0], shown[1], shown[2]


def goal_figures(row: tuple[float | None, ...], goal: GoalResult, lang: Lang) -> list[str]:
    """A goal's figures (its target, or its target, figure to date and projection) as both the
    goals table and the pacing table write them: in the goal's written form (1:2.2 beside a
    goal written 1:3, 5.0%), else in one scale for the row (10K / 8K, not 10K / 8000) with
    the goal's unit word (10,000 人, 500万, NT$200万)."""
    if goal.form == "ratio":
        return [goal_value(v, goal, lang) for v in row]
    return display.figures(
        row,
        lang,
        "%" if goal.form == "percent" else goal.unit,
        unit_currency(goal.unit),
        _unit_word(goal),
    )


def _unit_word(goal: GoalResult) -> str:
    """The unit written after a goal's figures (人), unless its name says it already
    (总费用(万元): 60) or its form or currency shows it (5.0%, 1:3, NT$200万)."""
    from retrokit.method.units import unit_in_name

    if not goal.unit or goal.unit == "%" or goal.form in ("percent", "ratio"):
        return ""
    if unit_currency(goal.unit) or unit_in_name(goal.metric) == goal.unit:
        return ""
    return goal.unit


def goals_table(plan: PlanAnalysis, lang: Lang) -> PlanTable | None:
    """The goals as set: metric, target, path, owner and deadline, paced or not."""
    if not plan.goals:
        return None
    paced = {m.goal_row: m for m in plan.monitoring}
    keys = ("dimension", "metric", "channel", "phase", "target", "direction", "path", "owner")
    header = tuple(GOALS.column(k).label(lang) for k in (*keys, "due", "core"))
    rows = tuple(
        (
            DIMENSION.shown(g.dimension, lang),
            g.metric,
            g.channel or "",
            PHASE.shown(g.phase, lang),
            _target(g, lang, paced.get(g.row)),
            DIRECTION.shown(str(g.direction), lang),
            g.path or "",
            g.owner or "",
            _span(g.due_start, g.due_end),
            YES_NO.label_of("yes" if g.core else "no", lang),
        )
        for g in plan.goals
    )
    return PlanTable(header, rows)


def team_table(plan: PlanAnalysis, lang: Lang) -> PlanTable | None:
    """Who does what (项目分工): a role of the list in ``lang``, a team's own as typed."""
    if not plan.team:
        return None
    return PlanTable(
        tuple(TEAM.column(k).label(lang) for k in ("role", "name", "duty")),
        tuple((ROLE.shown(m.role, lang), m.name or "", m.duty or "") for m in plan.team),
    )


def budget_table(plan: PlanAnalysis, lang: Lang) -> PlanTable | None:
    """The split by category: planned, share and spent, the amounts in one scale."""
    if not plan.budget.by_category:
        return None
    groups = plan.budget.by_category
    planned = [group_planned(plan, g) for g in groups]
    # One scale for the table: 24万 / 13万 / 5万, never 24万 beside 13 and 120,000.
    table = (*planned, *(g.actual for g in groups))
    c = plan.budget.currency
    return PlanTable(
        tuple(BUDGET.column(k).label(lang) for k in ("category", "planned", "share", "actual")),
        tuple(
            (BUDGET_CATEGORY.shown(g.name, lang), shown_planned, figure(g.share, lang, "%"),
             shown_actual)
            for g, shown_planned, shown_actual in zip(
                groups,
                display.amounts(planned, lang, c, table),
                display.amounts([g.actual for g in groups], lang, c, table),
                strict=True,
            )
        ),
    )  # fmt: skip


def budget_lines_table(plan: PlanAnalysis, lang: Lang) -> PlanTable | None:
    """Each budget line planned against spent, its variance, attributed revenue and ROI: the
    lines of the review's 预算执行 (``view.budget_view``); None while no line has spending or
    revenue (nothing to compare yet)."""
    from retrokit.render.view import budget_view

    if not any(x.actual is not None or x.revenue is not None for x in plan.budget.lines):
        return None
    shown = budget_view(plan, lang)
    keys = ("category", "item", "channel", "planned", "actual", "variance", "revenue", "roi")
    return PlanTable(
        tuple(shown.labels[k] for k in keys),
        tuple(tuple(str(getattr(x, k)) for k in keys) for x in shown.lines),
    )


def _risks(plan: PlanAnalysis, lang: Lang) -> tuple[PlanTable | None, PlanTable | None]:
    if not plan.risks:
        return None, None
    levels = ("high", "medium", "low")
    matrix = PlanTable(
        (
            f"{RISKS.column('likelihood').label(lang)} / {RISKS.column('impact').label(lang)}",
            *(LEVEL.label_of(i, lang) for i in levels),
        ),
        tuple(
            (
                LEVEL.label_of(lk, lang),
                *(
                    "; ".join(
                        r.risk or "" for r in plan.risks if (r.likelihood, r.impact) == (lk, im)
                    )
                    for im in levels
                ),
            )
            for lk in levels
        ),
    )
    ranked = sorted(plan.risks, key=lambda r: (_LEVEL_ORDER.get(r.level or "", 3), r.row))
    listed = PlanTable(
        (
            RISKS.column("risk").label(lang),
            t("plan.level", lang),
            *(RISKS.column(k).label(lang) for k in ("signal", "response", "owner", "status")),
        ),
        tuple(
            (r.risk or "", LEVEL.shown(r.level, lang), r.signal or "", r.response or "",
             r.owner or "", RISK_STATUS.shown(r.status, lang))
            for r in ranked
        ),
    )  # fmt: skip
    return matrix, listed


def _pacing(plan: PlanAnalysis, lang: Lang) -> tuple[PlanTable | None, str]:
    paced = {m.goal_row for m in plan.monitoring}
    unpaced = [g.metric for g in plan.goals if g.row not in paced]
    if not plan.monitoring:
        return None, t("plan.pacing_empty", lang)
    table = PlanTable(
        (
            GOALS.column("metric").label(lang),
            GOALS.column("target").label(lang),
            *(t(k, lang) for k in ("plan.to_date", "plan.projected", "plan.days", "plan.pace_status")),
        ),
        tuple(
            (m.metric + (" ★" if m.core else ""), *pacing_values(m, plan, lang),
             f"{m.elapsed_days}/{m.total_days}", t(f"plan.{m.status}", lang) if m.status else "")
            for m in plan.monitoring
        ),
    )  # fmt: skip
    note = t("plan.unpaced", lang, items=display_list(unpaced, lang)) if unpaced else ""
    return table, note


def display_list(items: list[str], lang: Lang) -> str:
    from retrokit.i18n.languages import language

    return language(lang).list_separator.join(items)


def plan_view(plan: PlanAnalysis, lang: Lang) -> PlanView:
    """The plan report's content in ``lang``."""
    from retrokit.workbook.plan_schema import TASKS

    matrix, listed = _risks(plan, lang)
    pacing, pacing_note = _pacing(plan, lang)
    s = plan.schedule
    return PlanView(
        title=plan_title(plan),
        overview=overview_rows(plan, lang),
        goals=goals_table(plan, lang),
        goals_empty=t("plan.goals_empty", lang),
        schedule_dated=s.start is not None and s.end is not None and bool(charted_tasks(plan)),
        schedule_line=schedule_line(plan, lang),
        budget=budget_table(plan, lang),
        budget_line=budget_line(plan, lang),
        risk_matrix=matrix,
        risk_list=listed,
        risks_empty=t("plan.risks_empty", lang),
        pacing=pacing,
        pacing_note=pacing_note,
        team=team_table(plan, lang),
        budget_lines=budget_lines_table(plan, lang),
        names={
            "overview": OVERVIEW.name(lang),
            "goals": GOALS.name(lang),
            "schedule": TASKS.name(lang),
            "budget": BUDGET.name(lang),
            "risks": RISKS.name(lang),
            "risk_list": t("plan.risk_list", lang),
            "pacing": t("plan.pacing", lang),
            "team": TEAM.name(lang),
            "findings": t("report.findings", lang),
            "budget_lines": t("report.budget_lines", lang),
        },
    )
