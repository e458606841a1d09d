"""The plan workbook: the schedule (P001-P008), goals (G001-G002), the budget (B001-B003),
risks (X001) and pacing (M001-M002), on plan workbooks; and P009 and B004 on a review read with
its plan (``--plan``, or the plan's sheets in the review's file): the two must be of one
campaign, and say one total spend."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from retrokit.findings import Figure, Finding
from retrokit.method.analysis import _as_percentage
from retrokit.method.plan import (
    Budget,
    Pacing,
    PlanAnalysis,
    TaskResult,
    analyze_plan,
    budget,
    duration_agrees,
    id_key,
    is_ratio,
    plan_currency,
    tasks_by_name,
)
from retrokit.rules.registry import Context, E, N, W, rule
from retrokit.rules.structure import blank_required
from retrokit.text import fold
from retrokit.workbook.plan_schema import (
    BUDGET,
    DAILY,
    GOALS,
    OVERVIEW,
    PHASE,
    RISKS,
    TASK_STATUS,
    TASKS,
    WEEK,
)
from retrokit.workbook.plan_schema import PLAN as PLAN_SHEETS
from retrokit.workbook.reader import Record
from retrokit.workbook.schema import INFO, KPIS, Column, Sheet
from retrokit.workbook.values import Quantity

PLAN = "plan"
#: A spending line may run this far over its plan before B002.
OVERRUN = 0.10
#: A line spent under 1/100 of its plan, or over 100 times it, is typed in another unit
#: (元 beside 万元) rather than spent so: B002 asks for the unit (B002.scale).
UNIT_APART = 100

_last: tuple[Context, PlanAnalysis] | None = None


def plan_of(ctx: Context) -> PlanAnalysis:
    """The plan computed once per context: every rule of the family and the api share it."""
    global _last
    if _last is None or _last[0] is not ctx:
        _last = (
            ctx,
            analyze_plan(ctx.workbook, today=ctx.settings.today, threshold=ctx.settings.threshold),
        )
    return _last[1]


def _is_plan(ctx: Context) -> bool:
    return ctx.workbook.kind == PLAN


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _name_column(ctx: Context) -> str:
    """The column that names a task's row: its name, else (no name column) its id."""
    return "task" if ctx.has_column(TASKS, "task") else "id"


def _missing_cells(
    ctx: Context,
    code: str,
    sheet: Sheet,
    record: Record,
    name: str,
    missing: list[Column],
    **args: Any,
) -> Finding:
    """A row's empty cells (G001, X001) said at the first one. When some are in columns the
    sheet lacks, the message (``CODE.no_column``) says to add those columns, and a row with no
    empty cell to point at is said at its name (column ``name``)."""
    absent = tuple(c for c in missing if not ctx.has_column(sheet, c.key))
    if not absent:
        return ctx.finding(code, sheet, record, missing[0].key, columns=tuple(missing), **args)
    blank = [c for c in missing if c not in absent]
    return ctx.finding(
        code,
        sheet,
        record,
        blank[0].key if blank else name,
        f"{code}.no_column",
        columns=tuple(missing),
        absent=absent,
        **args,
    )


def _named(task: TaskResult) -> str:
    """How a message names a task: its id; while the id is blank (S003 asks for it), its name
    or its row."""
    return task.id or task.task or f"#{task.row}"


@rule("S003.plan", "required-plan-cell-empty", E, kind=PLAN)
def required_plan_cell_empty(ctx: Context) -> Iterator[Finding]:
    """A required field or cell of the plan is empty in a filled row."""
    if not _is_plan(ctx):
        return
    for sheet in PLAN_SHEETS.sheets:
        required = [c.key for c in sheet.columns if c.required]
        if sheet.kind != "fields":
            table = ctx.workbook.table(sheet.key)
            yield from blank_required(ctx, sheet, table, required, "S003.plan")
            continue
        record = ctx.workbook.fields(sheet.key)
        if record is None:
            continue
        for key in required:
            if record.blank(key):
                yield ctx.finding(
                    "S003",
                    sheet,
                    record,
                    key,
                    "S003.plan_field",
                    sheet=ctx.workbook.sheets[sheet.key].name,
                    column=sheet.column(key),
                )


@rule("V002.task", "task-ends-before-start", E, kind=PLAN)
def task_ends_before_start(ctx: Context) -> Iterator[Finding]:
    """A task's end is before its start."""
    if not _is_plan(ctx):
        return
    for task in plan_of(ctx).tasks:
        if task.start is not None and task.end is not None and task.end < task.start:
            yield ctx.finding(
                "V002",
                TASKS,
                task.record,
                "end",
                "V002.task",
                task=_named(task),
                start=_day(task.start),
                end=_day(task.end),
            )


@rule("P001", "dependency-cycle", E, kind=PLAN)
def dependency_cycle(ctx: Context) -> Iterator[Finding]:
    """Tasks depend on each other in a cycle."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    by_id = {t.id: t for t in reversed(plan.tasks) if t.id}
    for cycle in plan.schedule.cycles:
        first = by_id[cycle[0]]
        key = "P001.self" if len(cycle) == 1 else "P001"  # a task waiting for itself
        yield ctx.finding(
            "P001", TASKS, first.record, "depends_on", key, tasks=" → ".join((*cycle, cycle[0]))
        )


@rule("P002", "starts-before-predecessor", E, kind=PLAN)
def starts_before_predecessor(ctx: Context) -> Iterator[Finding]:
    """A task starts before a task it depends on ends."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    by_id = {t.id: t for t in reversed(plan.tasks) if t.id}
    for task in plan.tasks:
        if task.start is None:
            continue
        for pid in task.depends_on:
            pred = by_id.get(pid)
            if pred is not None and pred is not task and pred.end and task.start < pred.end:
                yield ctx.finding(
                    "P002",
                    TASKS,
                    task.record,
                    "start",
                    task=_named(task),
                    start=_day(task.start),
                    pred=pid,
                    end=_day(pred.end),
                )


@rule("P003", "duration-mismatch", W, kind=PLAN)
def duration_mismatch(ctx: Context) -> Iterator[Finding]:
    """The typed duration disagrees with the task's dates."""
    if not _is_plan(ctx):
        return
    for task in plan_of(ctx).tasks:
        if task.duration is None or task.start is None or task.end is None:
            continue
        span = (task.end - task.start).days
        typed = task.record.values.get("duration") if task.record is not None else None
        weeks = isinstance(typed, Quantity) and typed.scale == WEEK
        if not duration_agrees(task.duration, task.start, task.end, weeks):
            yield ctx.finding(
                "P003",
                TASKS,
                task.record,
                "duration",
                ("P003.one_week" if task.duration == 7 else "P003.weeks") if weeks else "P003",
                task=_named(task),
                typed=f"{task.duration:g}",
                days=span + 1,
                **({"weeks": f"{task.duration / 7:g}"} if weeks else {}),
            )


@rule("P004", "unknown-predecessor", E, kind=PLAN)
def unknown_predecessor(ctx: Context) -> Iterator[Finding]:
    """A task depends on an id no task has."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    ids = {t.id for t in plan.tasks}
    key = "P004.name" if tasks_by_name(ctx.workbook) else "P004"
    for task in plan.tasks:
        missing = [p for p in task.depends_on if p not in ids]
        if missing:
            yield ctx.finding(
                "P004", TASKS, task.record, "depends_on", key, task=_named(task), ids=missing
            )


@rule("P005", "task-late", W, kind=PLAN)
def task_late(ctx: Context) -> Iterator[Finding]:
    """A task is past its end and not done."""
    if not _is_plan(ctx):
        return
    # Without a Status column the task cannot be marked done: its end date is said, with the
    # column to add. (Worked out once: thousands of tasks may be late.)
    present = ctx.has_column(TASKS, "status")
    cell, key = ("status", "P005") if present else ("end", "P005.no_column")
    today = ctx.settings.today.isoformat()
    said: dict[str, Any] = {"status_col": TASKS.column("status"), "end_col": TASKS.column("end")}
    if present:
        said["finished_col"] = TASKS.column("finished")
    else:
        said["done"] = TASK_STATUS.by_code("done")
    for task in plan_of(ctx).tasks:
        if task.late:
            yield ctx.finding(
                "P005", TASKS, task.record, cell, key,
                task=_named(task), end=_day(task.end), today=today, **said,
            )  # fmt: skip


#: Phases run before the campaign's live dates (research, preparation, warm-up) or after them
#: (wrap-up, the review): a task of theirs outside the dates is where it belongs.
_BEFORE_LIVE = frozenset({"prep", "warm_up"})
_AFTER_LIVE = frozenset({"wrap_up", "review"})
#: A task with no phase may be preparation or wrap-up: outside the dates it is P006 only this
#: far from them (days before the start, days after the end), where a date is likely mistyped.
FAR_BEFORE, FAR_AFTER = 90, 30


@rule("P006", "outside-campaign", W, kind=PLAN)
def outside_campaign(ctx: Context) -> Iterator[Finding]:
    """A task of the campaign's live phases runs outside its dates, or a task far outside them."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    start, end = plan.info.get("start"), plan.info.get("end")
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return
    for task in plan.tasks:
        # The overview's dates are the campaign's live dates (the review takes them): research
        # and warm-up come before them, wrap-up and the review after.
        early = task.start is not None and task.start < start and task.phase not in _BEFORE_LIVE
        late = task.end is not None and task.end > end and task.phase not in _AFTER_LIVE
        if task.phase is None:
            early = early and task.start is not None and (start - task.start).days > FAR_BEFORE
            late = late and task.end is not None and (task.end - end).days > FAR_AFTER
        if early and task.start is not None:
            key, day = "start", task.start
        elif late and task.end is not None:
            key, day = "end", task.end
        else:
            continue
        args = {"task": _named(task), "day": _day(day), "start": _day(start), "end": _day(end)}
        if task.phase is None:
            days = (start - day).days if key == "start" else (day - end).days
            yield ctx.finding("P006", TASKS, task.record, key, "P006.far", days=days, **args)
        else:
            phase = PHASE.by_code(task.phase)
            yield ctx.finding("P006", TASKS, task.record, key, "P006.phase", phase=phase, **args)


@rule("P007", "task-without-owner", E, kind=PLAN)
def task_without_owner(ctx: Context) -> Iterator[Finding]:
    """A task has no owner."""
    if not _is_plan(ctx):
        return
    for task in plan_of(ctx).tasks:
        if not task.owner:
            if ctx.has_column(TASKS, "owner"):
                yield ctx.finding("P007", TASKS, task.record, "owner", task=_named(task))
            else:  # no Owner column: the task's name is said, with the column to add
                yield ctx.finding(
                    "P007",
                    TASKS,
                    task.record,
                    _name_column(ctx),
                    "P007.no_column",
                    task=_named(task),
                    column=TASKS.column("owner"),
                )


@rule("P007.team", "owner-not-on-team", N, kind=PLAN)
def owner_not_on_team(ctx: Context) -> Iterator[Finding]:
    """A task's owner is not on the team sheet."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    team = {fold(m.name) for m in plan.team if m.name}
    for task in plan.tasks:
        if team and task.owner and fold(task.owner) not in team:
            yield ctx.finding(
                "P007",
                TASKS,
                task.record,
                "owner",
                "P007.team",
                task=_named(task),
                owner=task.owner,
            )


@rule("P008", "duplicate-task-id", E, kind=PLAN)
def duplicate_task_id(ctx: Context) -> Iterator[Finding]:
    """Two tasks have the same id."""
    if not _is_plan(ctx):
        return
    first: dict[str, TaskResult] = {}
    # Without an id column a task is known by its name: the name's cell is said.
    by_name = tasks_by_name(ctx.workbook)
    key_, column = ("P008.name", "task") if by_name else ("P008", "id")
    for task in plan_of(ctx).tasks:
        if not task.id:
            continue
        key = id_key(task.id)
        earlier = first.setdefault(key, task)
        if earlier is not task:
            yield ctx.finding(
                "P008",
                TASKS,
                task.record,
                column,
                key_,
                task=task.id,
                first=earlier.id,
                row=earlier.row,
            )


@rule("G001", "goal-incomplete", W, kind=PLAN)
def goal_incomplete(ctx: Context) -> Iterator[Finding]:
    """A goal has no path, owner or deadline."""
    if not _is_plan(ctx):
        return
    for goal in plan_of(ctx).goals:
        record = goal.record
        if record is None:
            continue
        missing = [GOALS.column(k) for k in ("path", "owner", "due") if record.blank(k)]
        if missing:
            yield _missing_cells(ctx, "G001", GOALS, record, "metric", missing, metric=goal.metric)


@rule("G002", "goal-target-not-number", E, kind=PLAN)
def goal_target_not_number(ctx: Context) -> Iterator[Finding]:
    """A goal's target is not a number."""
    if not _is_plan(ctx):
        return
    for record in ctx.workbook.table("goals"):
        value = record.values.get("target")
        if value is not None and not isinstance(value, Quantity):
            yield ctx.finding(
                "G002", GOALS, record, "target", metric=record.text("metric"), value=str(value)
            )


def _figure(value: float, unit: str | None, *row: float) -> str | Figure:
    """A pacing figure in a message: 5.0%, or a number as the report writes it beside the
    others of its ``row`` (105.6万 against 200万; 1.06M against 2M in English)."""
    if unit == "%":
        return f"{value:.1%}"
    return Figure(value, row or (value,))


def _money(budget: Budget, value: float, *row: float) -> Figure:
    """An amount as the budget table writes it beside the others of its ``row``, in the
    budget's currency: 42万 / 420K / NT$42萬 / £420K."""
    return Figure(value, row, currency=budget.currency)


@rule("B001", "budget-does-not-add-up", W, kind=PLAN)
def budget_does_not_add_up(ctx: Context) -> Iterator[Finding]:
    """The budget lines do not add up to the total budget.

    Also a line's amount in another currency than the budget's (B001.currency)."""
    if not _is_plan(ctx):
        return
    budget = plan_of(ctx).budget
    if budget.total is not None and budget.lines and abs(budget.planned - budget.total) >= 0.5:
        yield ctx.finding(
            "B001",
            OVERVIEW,
            ctx.workbook.fields("overview"),
            "budget",
            planned=_money(budget, budget.planned, budget.planned, budget.total),
            total=_money(budget, budget.total, budget.planned, budget.total),
        )
    yield from _other_currencies(ctx, budget.currency)


def _other_currencies(ctx: Context, currency: str) -> Iterator[Finding]:
    """B001.currency: a budget line's amount in another currency than the budget's (the
    overview's total in NT$, a line in HK$): the sums mix two currencies."""
    from retrokit.method.units import amount_currency, currencies_differ

    if not currency:
        return
    for record in ctx.workbook.table("budget"):
        for key in ("planned", "actual", "revenue"):
            value = record.values.get(key)
            other = amount_currency(value) if isinstance(value, Quantity) else ""
            if currencies_differ(currency, other):
                yield ctx.finding(
                    "B001",
                    BUDGET,
                    record,
                    key,
                    "B001.currency",
                    column=BUDGET.column(key),
                    value=record.text(key),
                    currency=other,
                    budget=currency,
                )


@rule("B002", "over-budget", W, kind=PLAN)
def over_budget(ctx: Context) -> Iterator[Finding]:
    """A line spent more than 10% over its plan, or the total is over budget.

    A line spent under 1% or over 100 times its plan is asked for its unit (B002.scale)."""
    if not _is_plan(ctx):
        return
    budget = plan_of(ctx).budget
    for line in budget.lines:
        # Only a positive plan is one to overspend (a negative amount is V008).
        planned = line.planned
        if (
            planned is not None
            and planned > 0
            and line.actual  # 0: nothing spent yet
            and not 1 / UNIT_APART <= line.actual / planned <= UNIT_APART
        ):
            # 13 spent of 120,000: typed in another unit than the plan (元 beside 万元). Each
            # figure in its own scale, as read: NT$13 against NT$12萬, £130 against £120K.
            yield ctx.finding(
                "B002",
                BUDGET,
                line.record,
                "actual",
                "B002.scale",
                item=line.item or line.category or "",
                actual=_money(budget, line.actual, line.actual),
                planned=_money(budget, planned, planned),
            )
        elif (
            planned is not None
            and planned > 0
            and line.actual is not None
            and line.actual > planned * (1 + OVERRUN)
        ):
            row = (planned, line.actual, line.actual - planned)  # the budget table's row
            yield ctx.finding(
                "B002",
                BUDGET,
                line.record,
                "actual",
                item=line.item or line.category or "",
                actual=_money(budget, line.actual, *row),
                planned=_money(budget, planned, *row),
                share=Figure(line.actual / planned, share=True),
            )
    cap = budget.total if budget.total is not None else None
    if cap is not None and cap > 0 and budget.actual is not None and budget.actual > cap:
        yield ctx.finding(
            "B002",
            OVERVIEW,
            ctx.workbook.fields("overview"),
            "budget",
            "B002.total",
            actual=_money(budget, budget.actual, cap, budget.actual),
            total=_money(budget, cap, cap, budget.actual),
        )


@rule("B003", "no-contingency", N, kind=PLAN)
def no_contingency(ctx: Context) -> Iterator[Finding]:
    """The budget keeps no contingency line."""
    if not _is_plan(ctx):
        return
    lines = plan_of(ctx).budget.lines
    if lines and not any(line.category == "contingency" for line in lines):
        yield ctx.finding("B003", BUDGET, None, None, sheet=BUDGET)


@rule("X001", "risk-unhandled", E, kind=PLAN)
def risk_unhandled(ctx: Context) -> Iterator[Finding]:
    """A high-likelihood, high-impact risk has no response or no owner."""
    if not _is_plan(ctx):
        return
    for risk in plan_of(ctx).risks:
        if risk.likelihood == "high" and risk.impact == "high" and risk.record is not None:
            missing = [RISKS.column(k) for k in ("response", "owner") if risk.record.blank(k)]
            if missing:
                yield _missing_cells(
                    ctx, "X001", RISKS, risk.record, "risk", missing, risk=risk.risk or ""
                )


@rule("M001", "core-goal-behind", W, kind=PLAN)
def core_goal_behind(ctx: Context) -> Iterator[Finding]:
    """A core goal's projection misses the threshold."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    goals = {g.row: g for g in plan.goals}
    for pacing in plan.monitoring:
        if pacing.core and pacing.status == "behind":
            goal = goals[pacing.goal_row]
            target = pacing.target or 0.0
            figures = (pacing.projected, target)
            yield ctx.finding(
                "M001",
                GOALS,
                goal.record,
                "target",
                metric=pacing.metric,
                projected=_figure(pacing.projected, pacing.unit, *figures),
                target=_figure(target, pacing.unit, *figures),
                threshold=f"{plan.threshold:.0%}",
            )


@rule("M002", "bare-rate-beside-percentage", W, kind=PLAN)
def bare_rate_beside_percentage(ctx: Context) -> Iterator[Finding]:
    """A rate's goal and daily values mix percentages and bare numbers, read by a guess.

    The bare one was read as a fraction or in percent points, whichever is nearer the other."""
    if not _is_plan(ctx):
        return
    plan = plan_of(ctx)
    goals = {g.row: g for g in plan.goals}
    for pacing in plan.monitoring:
        if pacing.bare_rows:
            first = pacing.bare_rows[0]
            yield ctx.finding(
                "M002",
                DAILY,
                first,
                "value",
                metric=pacing.metric,
                value=f"{first.values['value'].value:g}",
                read=_figure(_read_as(pacing, first), "%"),
                rows=len(pacing.bare_rows),
            )
        elif pacing.bare_target is not None:
            goal = goals[pacing.goal_row]
            yield ctx.finding(
                "M002",
                GOALS,
                pacing.bare_target,
                "target",
                metric=pacing.metric,
                value=f"{goal.target or 0.0:g}",
                read=_figure(pacing.target or 0.0, "%"),
                rows=1,
            )


@rule("M003", "daily-value-out-of-scale", W, kind=PLAN)
def daily_value_out_of_scale(ctx: Context) -> Iterator[Finding]:
    """A daily value is out of scale beside its goal: most likely typed in another unit.

    A count or amount above ten times the goal's whole target on one day, or a rate a
    hundredfold away from its target."""
    if not _is_plan(ctx):
        return
    goals = {g.row: g for g in plan_of(ctx).goals}
    for pacing in plan_of(ctx).monitoring:
        goal = goals.get(pacing.goal_row)
        ratio = goal is not None and is_ratio(goal.metric, goal.form)
        form = goal.form if goal is not None else "plain"
        target = _as_written(pacing.target or 0.0, form)
        for record in pacing.out_of_scale:
            typed = record.values.get("value")
            yield ctx.finding(
                "M003",
                DAILY,
                record,
                "value",
                "M003.ratio" if ratio else "M003",
                metric=pacing.metric,
                value=_as_written(typed.value, typed.form)
                if isinstance(typed, Quantity)
                else record.text("value"),
                target=target,
            )


def _as_written(value: float, form: str) -> str:
    """A goal's or a day's figure as its cell shows it: 5.0%, 1:3, 4000."""
    if form == "percent":
        return f"{value:.1%}"
    return f"1:{value:g}" if form == "ratio" else f"{value:g}"


def _read_as(pacing: Pacing, record: Record) -> float:
    """How the bare daily value of ``record`` was read beside the goal's percentage."""
    return _as_percentage(record.values["value"].value, pacing.target or 0.0)


def _dates(a: object, b: object) -> tuple[dt.date, dt.date] | None:
    return (a, b) if isinstance(a, dt.date) and isinstance(b, dt.date) else None


@rule("P009", "plan-of-another-campaign", W, kind="review")
def plan_of_another_campaign(ctx: Context) -> Iterator[Finding]:
    """The plan read with the review names another campaign or another period."""
    plan = ctx.workbook.companion
    overview = plan.fields("overview") if plan is not None else None
    if plan is None or overview is None:
        return
    review = ctx.analysis.info
    ours, theirs = review.get("project"), overview.values.get("project")
    other_name = False
    if isinstance(ours, str) and isinstance(theirs, str) and ours and theirs:
        a, b = fold(ours), fold(theirs)
        other_name = a not in b and b not in a  # 夏季促销 within 2024年夏季促销活动 is one
    period = _dates(overview.values.get("start"), overview.values.get("end"))
    campaign = _dates(review.get("start"), review.get("end"))
    apart = (
        period is not None
        and campaign is not None
        and (period[1] < campaign[0] or campaign[1] < period[0])
    )
    if other_name or apart:
        yield ctx.finding(
            "P009",
            INFO,
            ctx.workbook.info,
            "project",
            "P009" if other_name else "P009.period",
            plan=plan.path,
            project=theirs or "-",
            start=_day(period[0] if period else None),
            end=_day(period[1] if period else None),
        )


#: A review KPI that is the campaign's total spend (folded: 总费用(万元), 總花費, 实际花费,
#: Total spend, Total cost); a cost per result (CPC, 获客成本) is none.
_TOTAL_SPEND = re.compile(
    r"总(费用|花费|成本|支出)|(费用|花费|支出)合计|实际花费|total (spend|spending|cost|costs)\b"
)


@rule("B004", "spend-disagrees-with-plan", W, kind="review")
def spend_disagrees_with_plan(ctx: Context) -> Iterator[Finding]:
    """A total-spend KPI of the review disagrees with its plan's budget spent."""
    from retrokit.method.direction import is_per_unit
    from retrokit.method.units import (
        amount_currency,
        currencies_differ,
        multiplier,
        unit_word_currency,
    )

    plan = ctx.workbook.companion
    if plan is None:
        return
    spent = budget(plan.table("budget"), None).actual
    if spent is None:
        return
    currency = plan_currency(plan)
    for kpi in ctx.analysis.kpis:
        name = " ".join(fold(kpi.metric).split())
        if (
            kpi.record is None
            or kpi.actual is None
            or kpi.form != "plain"
            or not _TOTAL_SPEND.search(name)
            or is_per_unit(kpi.metric)
        ):
            continue
        if kpi.currencies is not None:
            continue  # its own target and actual in two currencies: V005.currency
        typed = amount_currency(kpi.record.values.get("actual")) or unit_word_currency(kpi.unit)
        actual = kpi.actual * multiplier(kpi.unit)  # 72 in 万元: 720,000
        row = (actual, spent)
        if currencies_differ(typed, currency):
            # HK$ spent against a budget in NT$: said, never relabelled into one currency.
            yield ctx.finding(
                "B004",
                KPIS,
                kpi.record,
                "actual",
                "B004.currency",
                metric=kpi.metric,
                actual=Figure(actual, row, currency=typed if typed != "元" else ""),
                spent=Figure(spent, row, currency=currency),
                plan=Path(plan.path).name,
            )
            continue
        if abs(actual - spent) <= 0.005 * max(abs(spent), 1.0):
            continue
        yield ctx.finding(
            "B004",
            KPIS,
            kpi.record,
            "actual",
            metric=kpi.metric,
            actual=Figure(actual, row, currency=currency),
            spent=Figure(spent, row, currency=currency),
            plan=Path(plan.path).name,
        )
