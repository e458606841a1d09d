"""What the slide deck says from the campaign plan (issue 17): the phases and milestones in 01,
02 strategy review, 03 execution against plan, and the ROI per budget line in 04.

Like :mod:`retrokit.render.deck_outline` this is pure (no python-pptx) and imported only when
a plan is given. The plan's codes (phase, task status, budget category, risk level) are shown
in the deck's language, whatever language the plan workbook was written in. A slide with
nothing to show is not made; a section left without slides is dropped by the outline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from retrokit.i18n import t
from retrokit.method.plan import (
    Budget,
    BudgetGroup,
    BudgetLine,
    PlanAnalysis,
    TaskResult,
    finish_slip,
    path_worst_slip,
    task_slip,
)
from retrokit.method.plan import (
    execution as path_execution,
)
from retrokit.render import display
from retrokit.render.deck_outline import (
    CategoryChart,
    ClusteredBars,
    Gantt,
    Section,
    Series,
    Slide,
    Table,
)
from retrokit.render.plan_view import charted_tasks, with_also_critical
from retrokit.render.view import ReviewView
from retrokit.workbook.plan_schema import (
    BUDGET,
    BUDGET_CATEGORY,
    OVERVIEW,
    PHASE,
    RISK_STATUS,
    RISKS,
    TASK_STATUS,
    TASKS,
)
from retrokit.workbook.schema import LEVEL, Lang

PLANNED_COLOUR = "#90a4ae"  # the plan: a quiet grey beside what happened
ACTUAL_COLOUR = "#1565c0"
#: Slices of the channel mix, in the order of their planned share.
PALETTE = ("#1565c0", "#2e7d32", "#f9a825", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037", "#9e9e9e")
OVERRUN = 1.10  # spent over 10% above plan is an overrun, as B002 says
GANTT_TASKS = 40  # a Gantt chart of more tasks (two slides of bars) is left to the table
EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of the serials charts store dates as


def _join(items: Sequence[str], lang: Lang) -> str:
    from retrokit.i18n.languages import language

    return language(lang).list_separator.join(items)


def _money(value: float | None, lang: Lang, budget: Budget) -> str:
    return display.money(value, lang, budget.currency)


def _day(day: dt.date | None, year: int | None) -> str:
    """6/1 within the plan's year, the full date outside it."""
    if day is None:
        return ""
    return f"{day.month}/{day.day}" if day.year == year else day.isoformat()


def _year(plan: PlanAnalysis) -> int | None:
    return plan.schedule.start.year if plan.schedule.start else None


def _task_name(task: TaskResult) -> str:
    return f"{task.id} {task.task}" if task.task else task.id


# --- 01: phases and milestones --------------------------------------------------------------


def phases(plan: PlanAnalysis, view: ReviewView) -> list[Slide]:
    """Each phase of the schedule with its dates, its tasks and its milestone (the task that
    closes it); none when no task names a phase."""
    lang, year = view.lang, _year(plan)
    rows: list[tuple[str, ...]] = []
    said: list[str] = []
    for choice in PHASE.choices:
        tasks = [x for x in plan.tasks if x.phase == choice.code and x.start and x.end]
        if not tasks:
            continue
        start = min(x.start for x in tasks if x.start)
        end = max(x.end for x in tasks if x.end)
        closing = [x for x in tasks if x.end == end][-1]
        name, span = choice.label(lang), f"{_day(start, year)}–{_day(end, year)}"
        rows.append((name, span, str(len(tasks)), _task_name(closing)))
        said.append(
            t(
                "deck.note.phase",
                lang,
                phase=name,
                start=_day(start, year),
                end=_day(end, year),
                milestone=closing.task or closing.id,
            )
        )
    if not rows:
        return []
    header = (
        TASKS.column("phase").label(lang),
        t("deck.phase_dates", lang),
        t("deck.phase_tasks", lang),
        t("deck.milestone", lang),
    )
    notes = t("deck.note.phases", lang, count=len(rows), phases=_join(said, lang))
    return [
        Slide(t("deck.phases", lang), notes, table=Table(header, tuple(rows), (1.2, 1.8, 1.0, 4.0)))
    ]


# --- 02: strategy review --------------------------------------------------------------------


def strategy(plan: PlanAnalysis, view: ReviewView) -> Section:
    """The core strategy, channel mix and theme from the plan's overview, and the planned
    budget by channel."""
    lang, colon = view.lang, view.colon
    slides: list[Slide] = []
    facts = [
        (OVERVIEW.column(key).label(lang), str(plan.info.get(key) or "").strip())
        for key in ("strategy", "channels", "theme")
    ]
    facts = [(label, value) for label, value in facts if value]
    if facts:
        slides.append(
            Slide(
                t("deck.strategy", lang),
                t(
                    "deck.note.strategy",
                    lang,
                    items=_join([f"{k}{colon}{v}" for k, v in facts], lang),
                ),
                bullets=tuple(f"{k}{colon}{v}" for k, v in facts),
            )
        )
    mix = [g for g in plan.budget.by_channel if g.planned > 0]
    if any(g.name for g in mix):
        names = [g.name or t("deck.unassigned", lang) for g in mix]
        values = [g.planned for g in mix]
        if len(mix) > len(PALETTE):  # a pie stays legible: the largest, then the rest as one
            keep = len(PALETTE) - 1
            rest = t("deck.other_channels", lang, count=len(mix) - keep)
            names, values = [*names[:keep], rest], [*values[:keep], sum(values[keep:])]
        amounts, money_format = display.chart_amounts(  # 48万, as the tables
            values, lang, plan.budget.currency
        )
        slides.append(
            Slide(
                t("deck.channel_mix", lang),
                t(
                    "deck.note.channel_mix",
                    lang,
                    top=names[0],
                    share=display.percent(mix[0].share or 0.0),
                    count=len(mix),
                ),
                chart=CategoryChart(
                    "pie",
                    BUDGET.column("planned").label(lang),
                    tuple(names),
                    amounts,
                    PALETTE[: len(values)],
                    money_format,
                ),
            )
        )
    return Section("strategy", t("deck.s.strategy", lang), tuple(slides))


# --- 03: execution --------------------------------------------------------------------------


def execution(plan: PlanAnalysis, view: ReviewView) -> Section:
    """The schedule against plan (planned dates, actual finish, slip, the critical path), the
    budget split planned against spent, and how the planned risks played out."""
    slides = _schedule(plan, view) + _budget(plan, view) + _risks(plan, view)
    return Section("execution", t("deck.s.execution", view.lang), tuple(slides))


def _slip_text(slip: int | None) -> str:
    if slip is None:
        return ""
    return f"+{slip}" if slip > 0 else str(slip)


def _path_said(plan: PlanAnalysis, lang: Lang) -> str:
    """Where the critical path ended against plan, and its largest slip. While the path is
    not finished, its slip so far as of the last task that has one, as the report says it
    (``report.path_slip``): a path whose last task is still open has not finished late."""
    by_id: dict[str, TaskResult] = {}
    for x in plan.tasks:
        by_id.setdefault(x.id, x)  # a repeated id (P008) is its first task, as in the schedule
    path = [by_id[i] for i in plan.schedule.critical_path if i in by_id]
    if not path:
        return ""
    last = task_slip(path[-1], plan.today)
    so_far = path_execution(plan)
    named = None
    if last.slip is not None and not last.open:
        key = "deck.note.path_slip" if last.slip > 0 else "deck.note.path_on_time"
        said = t(key, lang, days=last.slip)
    elif so_far.slip is not None and so_far.slip_task in by_id:
        named = by_id[so_far.slip_task]
        key = "deck.note.path_slip_open" if so_far.slip > 0 else "deck.note.path_on_time_open"
        said = t(key, lang, days=so_far.slip, task=_task_name(named))
    else:
        said = t("deck.note.path_open", lang)
    worst = path_worst_slip(plan)
    if worst is None:
        return said
    slipped, late = worst
    if last.slip is not None and not last.open and last.slip <= 0:
        # Late on the way, on time at the end: one sentence, not "on time" and "late".
        return t("deck.note.path_caught_up", lang, slipped=_task_name(slipped), late=late)
    if named is not None and so_far.slip is not None and so_far.slip <= 0:
        return t(
            "deck.note.path_caught_up_open", lang,
            slipped=_task_name(slipped), late=late, task=_task_name(named),
        )  # fmt: skip
    if not (slipped is named and late == so_far.slip):
        said += " " + t("deck.note.worst_slip", lang, task=_task_name(slipped), days=late)
    return said


def _schedule(plan: PlanAnalysis, view: ReviewView) -> list[Slide]:
    if not plan.tasks:
        return []
    lang, year, s = view.lang, _year(plan), plan.schedule
    col = TASKS.column
    rows: list[tuple[str, ...]] = []
    marks = []
    named = plan.by_name  # no ID column: the id is the name, shown once (★ on the name)
    for x in plan.tasks:
        slip = finish_slip(x, plan.today)
        status = TASK_STATUS.shown(x.status, lang)
        if x.late:
            status += f" ({t('plan.late', lang)})"
        planned = f"{_day(x.start, year)}–{_day(x.end, year)}" if x.start or x.end else ""
        mark = " ★" if x.critical else ""
        rows.append(
            (
                *(() if named else (x.id + mark,)),
                (x.task or "") + (mark if named else ""),
                PHASE.shown(x.phase, lang),
                x.owner or "",
                planned,
                _day(x.finished, year),
                _slip_text(slip),
                status,
            )
        )
        marks.append("missed" if slip is not None and slip > 0 else None)
    header: tuple[str, ...] = (
        *(() if named else (col("id").label(lang),)),
        col("task").label(lang),
        col("phase").label(lang),
        col("owner").label(lang),
        t("deck.planned_dates", lang),
        col("finished").label(lang),
        t("deck.slip", lang),
        col("status").label(lang),
    )
    finished = [x for x in plan.tasks if x.finished is not None]
    on_time = sum(1 for x in finished if (finish_slip(x, plan.today) or 0) <= 0)
    span = {
        "start": _day(s.start, year) or "?",
        "end": _day(s.end, year) or "?",
        "days": s.days or 0,
    }
    done = {"done": len(finished), "on_time": on_time, "late": len(finished) - on_time}
    path = " → ".join(s.critical_path)
    overdue = [_task_name(x) for x in plan.tasks if x.late]
    overdue_line = (
        t("deck.schedule_overdue", lang, count=len(overdue), items=_join(overdue, lang))
        if overdue
        else ""
    )
    bullets = [
        t("deck.schedule_plan", lang, tasks=len(plan.tasks), **span),
        with_also_critical(t("deck.critical_path", lang, path=path), plan, lang) if path else "",
        t("deck.schedule_done", lang, **done),
        overdue_line,
        _path_said(plan, lang),
    ]
    notes = _say(
        t("deck.note.schedule", lang, tasks=len(plan.tasks), **span, **done),
        with_also_critical(t("deck.note.critical_path", lang, path=path), plan, lang)
        if path
        else "",
        _path_said(plan, lang),
        overdue_line,
    )
    widths = (0.9, 2.8, 0.9, 1.1, 1.4, 1.1, 1.0, 1.4)
    table = Table(
        header,
        tuple(rows),
        (3.7, *widths[2:]) if named else widths,
        marks=tuple(marks),
        mark_column=5 if named else 6,
    )
    return [
        Slide(t("deck.schedule_summary", lang), notes, bullets=tuple(b for b in bullets if b)),
        *_gantt(plan, lang),
        Slide(t("deck.schedule", lang), t("deck.note.schedule_table", lang), table=table),
    ]


def serial(day: dt.date) -> float:
    """A date as the day number a chart stores (Excel's 1900 system)."""
    return float((day - EXCEL_EPOCH).days)


def _gantt(plan: PlanAnalysis, lang: Lang) -> list[Slide]:
    dated = charted_tasks(plan)  # a task ending before it starts has no bar to draw
    if not dated or len(dated) > GANTT_TASKS:
        return []
    slips = [max(finish_slip(x, plan.today) or 0, 0) for x in dated]
    starts = [x.start for x in dated if x.start is not None]
    ends = [x.end + dt.timedelta(days=s) for x, s in zip(dated, slips, strict=True) if x.end]
    chart = Gantt(
        categories=tuple(_task_name(x) for x in dated),
        starts=tuple(serial(d) for d in starts),
        planned=tuple(
            float((x.end - x.start).days + 1) for x in dated if x.start is not None and x.end
        ),
        slips=tuple(float(s) for s in slips),
        critical=tuple(x.critical for x in dated),
        first=serial(min(starts)),
        last=serial(max(ends)),
        names=(
            t("deck.gantt_start", lang),
            t("deck.gantt_planned", lang),
            t("deck.gantt_slip", lang),
        ),
    )
    return [
        Slide(
            t("deck.gantt", lang),
            t("deck.note.gantt", lang),
            lead=t("deck.gantt_key", lang),
            chart=chart,
        )
    ]


def _over(planned: float, actual: float | None) -> bool:
    return actual is not None and actual > planned * OVERRUN


def _budget(plan: PlanAnalysis, view: ReviewView) -> list[Slide]:
    b = plan.budget
    groups: list[BudgetGroup] = [g for g in b.by_category if g.planned or g.actual]
    if not groups:
        return []
    lang = view.lang
    names = tuple(BUDGET_CATEGORY.shown(g.name, lang) or t("deck.unassigned", lang) for g in groups)
    total = b.total if b.total is not None else b.planned
    said = [
        t(
            "deck.note.budget",
            lang,
            total=_money(total, lang, b),
            planned=_money(b.planned, lang, b),
            actual=_money(b.actual, lang, b) or "-",
        )
    ]
    if b.actual is not None and total:
        balance = total - b.actual
        key = "deck.note.under_budget" if balance >= 0 else "deck.note.over_budget"
        said.append(t(key, lang, amount=_money(abs(balance), lang, b)))
    overruns = [
        (g.actual - g.planned, name)
        for g, name in zip(groups, names, strict=True)
        if g.actual is not None and g.actual > g.planned
    ]
    if overruns:
        amount, name = max(overruns)
        said.append(t("deck.note.overrun", lang, category=name, amount=_money(amount, lang, b)))
    notes = " ".join(said)
    planned_label, actual_label = (
        BUDGET.column("planned").label(lang),
        BUDGET.column("actual").label(lang),
    )
    spent = any(g.actual is not None for g in groups)
    amounts, money_format = display.chart_amounts(  # one scale for both series: 48万, 50万
        [g.planned for g in groups] + ([g.actual for g in groups] if spent else []),
        lang,
        b.currency,
    )
    series = [Series(planned_label, amounts[: len(groups)], PLANNED_COLOUR)]
    if spent:
        series.append(
            Series(
                actual_label,
                amounts[len(groups) :],
                ACTUAL_COLOUR,
                tuple("missed" if _over(g.planned, g.actual) else None for g in groups),
            )
        )
    chart = ClusteredBars(names, tuple(series), money_format)
    header = (
        BUDGET.column("category").label(lang),
        planned_label,
        BUDGET.column("share").label(lang),
        actual_label,
        t("deck.variance", lang),
    )
    in_table = display.spend_table((g.planned, g.actual) for g in groups)  # one scale
    rows = tuple(
        (name, planned, "" if g.share is None else display.percent(g.share), actual, variance)
        for g, name in zip(groups, names, strict=True)
        for planned, actual, variance in (
            display.spending(g.planned, g.actual, lang, b.currency, in_table),
        )
    )
    table = Table(
        header,
        rows,
        (2.0, 1.5, 1.2, 1.5, 1.5),
        marks=tuple("missed" if _over(g.planned, g.actual) else None for g in groups),
        mark_column=4,
    )
    title = t("deck.budget", lang)
    return [
        Slide(title, notes, chart=chart),
        Slide(
            t("deck.budget_table", lang),
            _say(t("deck.note.budget_table", lang), *said[1:]),
            table=table,
        ),
    ]


def _risks(plan: PlanAnalysis, view: ReviewView) -> list[Slide]:
    risks = [r for r in plan.risks if r.risk]
    if not risks:
        return []
    lang = view.lang
    col = RISKS.column
    occurred = [r.risk or "" for r in risks if r.status == "occurred"]
    said = t("deck.note.risks", lang, count=len(risks), occurred=len(occurred))
    if occurred:
        said += " " + t("deck.note.occurred", lang, items=_join(occurred, lang))
    table = Table(
        (
            col("risk").label(lang),
            t("plan.level", lang),
            col("response").label(lang),
            col("owner").label(lang),
            col("status").label(lang),
        ),
        tuple(
            (
                r.risk or "",
                LEVEL.shown(r.level, lang),
                r.response or "",
                r.owner or "",
                RISK_STATUS.shown(r.status, lang),
            )
            for r in risks
        ),
        (2.8, 0.9, 3.2, 1.1, 1.1),
        marks=tuple("missed" if r.status == "occurred" else None for r in risks),
        mark_column=4,
    )
    return [Slide(t("deck.risks", lang), said, table=table)]


# --- 04: ROI per budget line ----------------------------------------------------------------


def _line_name(line: BudgetLine, lang: Lang) -> str:
    return line.item or BUDGET_CATEGORY.shown(line.category, lang) or f"#{line.row}"


def overall_spend(budget: Budget) -> float:
    """What the overall ROI divides by: the total actual spend of every line (lines without
    revenue spent money too), the total planned while nothing is spent, as each line's ROI."""
    return budget.actual if budget.actual else budget.planned


def roi(plan: PlanAnalysis, view: ReviewView) -> list[Slide]:
    """The return of each budget line that has one, as bars and as a table. The contingency
    reserve is spent where the plan falls short, its revenue counted there: it is left out,
    not ranked last and marked as earning too little."""
    lines = [x for x in plan.budget.lines if x.roi is not None and x.category != "contingency"]
    if not lines:
        return []
    lang = view.lang
    names = tuple(_line_name(x, lang) for x in lines)
    ranked = sorted(zip(lines, names, strict=True), key=lambda p: p[0].roi or 0.0)
    spent = overall_spend(plan.budget)
    revenue = sum(x.revenue or 0.0 for x in plan.budget.lines)
    notes = t(
        "deck.note.roi",
        lang,
        best=ranked[-1][1],
        best_roi=_ratio(ranked[-1][0].roi),
        worst=ranked[0][1],
        worst_roi=_ratio(ranked[0][0].roi),
        overall=_ratio(revenue / spent if spent else None),
    )
    col = BUDGET.column
    # One scale for the amounts and one precision for the ROIs, as the report's table.
    c = plan.budget.currency
    within = (*(x.actual for x in lines), *(x.revenue for x in lines))
    spent_shown = display.amounts([x.actual for x in lines], lang, c, within)
    revenue_shown = display.amounts([x.revenue for x in lines], lang, c, within)
    rois = display.ratios([x.roi for x in lines])
    table = Table(
        (
            col("category").label(lang),
            col("item").label(lang),
            col("channel").label(lang),
            col("actual").label(lang),
            col("revenue").label(lang),
            t("deck.roi_series", lang),
        ),
        tuple(
            (
                BUDGET_CATEGORY.shown(x.category, lang),
                x.item or "",
                x.channel or "",
                spent,
                revenue,
                roi or "-",
            )
            for x, spent, revenue, roi in zip(lines, spent_shown, revenue_shown, rois, strict=True)
        ),
        (1.4, 2.8, 1.3, 1.3, 1.3, 0.9),
        marks=tuple("missed" if (x.roi or 0.0) < 1 else None for x in lines),
        mark_column=5,
    )
    chart = CategoryChart(
        "bar",
        t("deck.roi_series", lang),
        names,
        tuple(None if x.roi is None else round(x.roi, 2) for x in lines),
        tuple("missed" if (x.roi or 0.0) < 1 else None for x in lines),
        display.ratios_format([x.roi for x in lines]),  # 1:2.20 beside 1:1.69, as the table
    )
    return [
        Slide(t("deck.roi", lang), notes, chart=chart),
        Slide(t("deck.roi_table", lang), t("deck.note.roi_table", lang), table=table),
    ]


def _say(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _ratio(value: float | None) -> str:
    return "-" if value is None else display.ratio(value)
