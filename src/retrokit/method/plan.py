"""The plan's computation, pure: the schedule by the critical-path method, the budget split,
risk levels and the pacing of each goal from the daily monitoring sheet.

Schedule. Each task takes its own dates; a dependency is finish-to-start. The dependency graph is
ordered with :class:`graphlib.TopologicalSorter`; a cycle it reports is recorded (P001) and
broken at its closing edge, so a cyclic plan is still computed, never a hang or a recursion.
The backward pass gives each task its latest finish: the project's last day for a task nothing
waits for, else the day before the earliest latest start of its successors; for a
Monday-to-Friday team, a gap made only of a Saturday and Sunday between the task's end and
that latest finish (Friday's task, then Monday's) is no slack: the latest finish is the end.
Slack is latest finish minus planned end, in days; a task with no slack (or less) is
critical, and the critical path runs through the critical tasks in dependency order.

Pacing. A goal's daily rows are those of its metric (and its channel, unless the goal is for
all channels), dated up to and including ``today`` (``--today``): to date means so far.
Additive metrics (counts, money) are summed and paced linearly over the goal's period:
expected to date = target x elapsed days / period days, projected = to date x period days /
elapsed days. Ratios (rates, ROI) and figures per unit (averages and prices such as 客单价, ARPU;
costs per result such as CPC, CPA, 获客成本: :func:`~retrokit.method.direction.is_per_unit`)
are averaged; the average is both the figure to date and the projection. It is weighted by the
ratio's base where the daily sheet gives one for every day and channel of the ratio (ROI by
spend, a conversion rate by visitors, CPC by clicks, 客单价 by orders: :data:`RATIO_BASES`), so
that it is sum(ratio x base) / sum(base); otherwise it is a plain mean. Figures are compared in
one unit: a goal named with a unit that has a multiplier (销售额(万元)) is counted in it, each
daily value taken to its base first by the unit of its own name (a bare 6 under 销售额(万元) is
60,000) unless it carries its multiplier (6万, or a header with one), then divided into the
goal's (:func:`~retrokit.method.units.in_unit`, as the review reads a KPI's target and actual). The projection's direction-aware achievement rate gives
the status: above 100% ahead, from the threshold on track, below it behind. The pace compares
the figure to date with the expected one the same way: to date ÷ expected, or expected ÷ to date
for a goal where lower is better, so above 1 is ahead of plan either way.
"""

from __future__ import annotations

import datetime as dt
import graphlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from retrokit.findings import Finding
from retrokit.method.analysis import (
    ALL_CHANNELS,
    DEFAULT_THRESHOLD,
    Status,
    _as_percentage,
    channel_group,
    kpi_direction,
    result_status,
    unit_of,
)
from retrokit.method.analysis import achievement_rate as _rate
from retrokit.method.direction import Direction, is_per_unit
from retrokit.method.units import in_named_unit, multiplier, to_base, typed_in_base, unit_in_name
from retrokit.text import cell_text, fold
from retrokit.workbook.reader import Record, Workbook
from retrokit.workbook.types import NAME_SPLIT, NO_YEAR, task_ids, task_names
from retrokit.workbook.values import Quantity, with_campaign_year

#: Task statuses that no longer need doing.
CLOSED = frozenset({"done", "cancelled"})
_RATIO_WORDS = re.compile(r"率|占比|佔比|比例|roi|ctr|cvr|rate|ratio|%", re.IGNORECASE)


@dataclass(slots=True)
class GoalResult:
    row: int
    dimension: str | None
    metric: str
    channel: str | None
    phase: str | None
    direction: Direction
    target: float | None
    unit: str | None
    path: str | None
    owner: str | None
    due_start: dt.date | None
    due_end: dt.date | None
    core: bool
    #: How the target was written (plain, percent, ratio); kept out of the JSON.
    form: str = "plain"
    record: Record | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class TeamMember:
    row: int
    role: str | None
    name: str | None
    duty: str | None


@dataclass(slots=True)
class TaskResult:
    row: int
    id: str
    task: str | None
    phase: str | None
    owner: str | None
    start: dt.date | None
    end: dt.date | None
    duration: float | None
    depends_on: tuple[str, ...]
    status: str | None
    finished: dt.date | None
    slack: int | None
    critical: bool
    late: bool
    record: Record | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Schedule:
    start: dt.date | None
    end: dt.date | None
    days: int | None
    critical_path: tuple[str, ...]
    #: The dependency cycles found, each as its task ids in order (P001).
    cycles: tuple[tuple[str, ...], ...] = ()


@dataclass(slots=True)
class BudgetLine:
    row: int
    category: str | None
    item: str | None
    channel: str | None
    phase: str | None
    planned: float | None
    share: float | None
    actual: float | None
    variance: float | None
    revenue: float | None
    roi: float | None
    record: Record | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class BudgetGroup:
    name: str | None
    planned: float
    share: float | None
    actual: float | None


@dataclass(frozen=True)
class Budget:
    total: float | None
    planned: float
    actual: float | None
    remaining: float | None
    lines: tuple[BudgetLine, ...]
    by_category: tuple[BudgetGroup, ...]
    by_channel: tuple[BudgetGroup, ...]
    #: Lines planned as a share (40%) that no total budget turns into an amount: their
    #: ``planned`` is None, and the groups count them as nothing planned.
    unpriced_shares: int = 0
    #: The currency the amounts are in, as shown (NT$, £, ¥): the one the overview's total or
    #: the budget's cells are typed with, or their headers' unit names (Planned (£K)); "" when
    #: none says one (the amounts are shown as they always were).
    currency: str = ""


@dataclass(slots=True)
class RiskResult:
    row: int
    risk: str | None
    likelihood: str | None
    impact: str | None
    level: str | None
    signal: str | None
    response: str | None
    owner: str | None
    status: str | None
    record: Record | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Pacing:
    metric: str
    channel: str | None
    target: float | None
    unit: str | None
    to_date: float
    first_date: dt.date
    last_date: dt.date
    elapsed_days: int
    total_days: int
    expected_to_date: float | None
    pace: float | None
    projected: float
    status: str | None
    core: bool = False
    goal_row: int = 0
    #: The daily metric a ratio was weighted by (its base, as the sheet names it); None for
    #: a sum, or a ratio averaged plainly for want of a base on every one of its days.
    weighted_by: str | None = None
    #: Daily rows whose bare number (4) had to be read beside the goal's percentage (5%), as
    #: a fraction or in percent points (:func:`bare_beside_percentage`), and the goal's
    #: record when it was its target that was bare; kept out of the JSON (a finding says it).
    bare_rows: tuple[Record, ...] = ()
    bare_target: Record | None = None
    #: Daily rows whose figure is out of scale beside the goal (:func:`out_of_scale`): most
    #: likely typed in another unit; kept out of the JSON (a finding says it).
    out_of_scale: tuple[Record, ...] = ()


@dataclass(frozen=True)
class PlanAnalysis:
    file: str
    lang: str
    info: Mapping[str, Any]
    goals: tuple[GoalResult, ...]
    team: tuple[TeamMember, ...]
    tasks: tuple[TaskResult, ...]
    schedule: Schedule
    budget: Budget
    risks: tuple[RiskResult, ...]
    monitoring: tuple[Pacing, ...]
    today: dt.date
    threshold: float
    findings: tuple[Finding, ...] = ()
    #: The schedule has no id column: a task's id is its name (:func:`tasks_by_name`).
    by_name: bool = False


def _number(value: Any) -> float | None:
    return value.value if isinstance(value, Quantity) else None


# --- the schedule ---------------------------------------------------------------------------


def _task(record: Record, today: dt.date, by_name: bool = False) -> TaskResult:
    """A task of the schedule; ``by_name``: the sheet has no id column, so a task's id is its
    name and its predecessors are names (split at list separators, never at a space)."""
    v = record.values
    end, status, finished = v.get("end"), v.get("status"), v.get("finished")
    if status is None and finished is not None:
        # A finished date with a blank status: the task is done.
        status = "done"
    return TaskResult(
        row=record.row,
        id=(v.get("task") or "") if by_name else v.get("id", ""),
        task=v.get("task"),
        phase=v.get("phase"),
        owner=v.get("owner"),
        start=v.get("start"),
        end=end,
        duration=_number(v.get("duration")),
        depends_on=task_names(record.raw.get("depends_on")) if by_name else v.get("depends_on", ()),
        status=status,
        finished=finished,
        slack=None,
        critical=False,
        late=end is not None and end < today and status not in CLOSED,
        record=record,
    )


def id_key(text: str) -> str:
    """The matching key of a task id: full-width forms, case and surrounding spaces dropped."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


#: A run of the characters task ids are written with (after NFKC: full-width ones too).
_ID_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")


def _id_in_words(text: str, ids: Mapping[str, str]) -> str | None:
    """The id of ``T5完成后`` (after T5 is done), ``任务T5``: the one id written among words
    in another script. Two ids or numbers (``T5完成后第2天``) are no single reading: None, and
    P004 names what was written."""
    runs = _ID_RUN.findall(unicodedata.normalize("NFKC", text))
    return ids.get(runs[0].casefold()) if len(runs) == 1 else None


def _name_key(text: str) -> str:
    """The matching key of a task name: that of an id, without spaces (KOL筛选 is KOL 筛选)."""
    return "".join(id_key(text).split())


#: The most words an id with spaces is looked up with (``Phase 2 A``).
_ID_WORDS = 8


def _ids_as_written(text: str, parsed: tuple[str, ...], ids: Mapping[str, str]) -> tuple[str, ...]:
    """The predecessors of a cell under an ID column, where an id holds a space or a comma
    (``A 1``, ``A,2``): the cell, or each part between list separators (, ， 、 ; ； a line), that
    a task has as its id is that task; within a part, the longest run of words that is a task's
    id is that task (``A 1 T3`` is ``A 1`` and ``T3``), other words are split as ids are
    (``T1和T3``); a part in which no id is known is kept as written (P004 names ``X 9``, not
    ``X`` and ``9``). Cells whose ids are all known are kept as read."""
    if all(id_key(p) in ids for p in parsed):
        return parsed
    if id_key(text) in ids:
        return (text.strip(),)
    out: list[str] = []
    for piece in NAME_SPLIT.split(text):
        words = piece.split()
        found: list[str] = []
        known = False
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _ID_WORDS), i, -1):
                run = " ".join(words[i:j])
                if id_key(run) in ids:
                    found.append(run)
                    known, i = True, j
                    break
            else:
                parts = task_ids(words[i])
                known = known or any(
                    id_key(p) in ids or _id_in_words(p, ids) is not None for p in parts
                )
                found += parts
                i += 1
        if not known and len(found) > 1:
            found = [" ".join(words)]  # one id as written, which no task has
        out += found
    return tuple(out)


def _resolve_predecessors(
    tasks: tuple[TaskResult, ...], by_name: bool = False
) -> tuple[TaskResult, ...]:
    """Predecessor ids written in another case or width (``t3``, ``Ｔ３``) or among words
    (``T3完成后``) replaced, in place, by the id of the task they name as that task writes it;
    an id no task has is kept as typed. ``by_name``: the ids are names, matched also without
    their spaces."""
    ids: dict[str, str] = {}
    for task in tasks:
        if task.id:
            ids.setdefault(id_key(task.id), task.id)
    if by_name:
        for task in tasks:
            if task.id:
                ids.setdefault(_name_key(task.id), task.id)
    # A predecessor written as a task's name where the sheet has ids (序号 1, 2, 3 and
    # 前置任务 "KOL筛选"): the id of the task of that name, when the name is no id.
    names: dict[str, str] = {}
    for task in tasks:
        if task.id and task.task:
            names.setdefault(_name_key(task.task), task.id)
    # Each id is named by several successors: its key is worked out once.
    named: dict[str, str] = {}
    written = {task.id for task in tasks if task.id}
    for task in tasks:
        if not task.depends_on:
            continue
        if not by_name and task.record is not None and not written.issuperset(task.depends_on):
            # Cells whose ids are all the tasks' own, as most are, are kept as read.
            raw = cell_text(task.record.raw.get("depends_on"))
            task.depends_on = _ids_as_written(raw, task.depends_on, ids)
        if len(task.depends_on) > 1 and task.record is not None:
            # A name holding a list separator (海报、视频制作) is one task, not two.
            whole = _name_key(cell_text(task.record.raw.get("depends_on")).strip())
            found = ids.get(whole) if by_name else None
            if found is None and whole not in ids:
                found = names.get(whole)
            if found is not None:
                task.depends_on = (found,)
                continue
        resolved = []
        for p in task.depends_on:
            found = named.get(p)
            if found is None:
                found = named[p] = (
                    ids.get(id_key(p))
                    or (ids.get(_name_key(p)) if by_name else None)
                    or names.get(_name_key(p))
                    or _id_in_words(p, ids)
                    or p
                )
            resolved.append(found)
        task.depends_on = tuple(resolved)
    return tasks


def dependency_order(
    graph: Mapping[str, Sequence[str]],
    contradiction: Callable[[str, str], float] | None = None,
) -> tuple[list[str], list[tuple[str, ...]]]:
    """Task ids with every predecessor before its successors, and the cycles found on the way.

    ``graph`` maps an id to its predecessors (known ids only). Each cycle graphlib reports is
    broken at one edge and the sort retried, so the order covers every task: the edge
    ``contradiction(predecessor, successor)`` rates highest above 0 (the dates say the
    successor starts before the predecessor ends, as P002 does), else the first. A cycle is
    given from the predecessor of its broken edge, each id a predecessor of the next and the
    last of the first: its first edge is the one dropped."""
    preds = {node: list(dict.fromkeys(p)) for node, p in graph.items()}
    order = _acyclic_order(preds)
    if order is not None:
        return order, []
    cycles: list[tuple[str, ...]] = []
    while True:
        try:
            return list(graphlib.TopologicalSorter(preds).static_order()), cycles
        except graphlib.CycleError as exc:
            # [a, b, ..., a]: each node a predecessor of the next one.
            cycle: list[str] = list(exc.args[1])[:-1]
            at = 0
            if contradiction is not None:
                n = len(cycle)
                rated = [(contradiction(cycle[i], cycle[(i + 1) % n]), -i) for i in range(n)]
                best, minus_i = max(rated)
                at = -minus_i if best > 0 else 0
            cycle = cycle[at:] + cycle[:at]
            cycles.append(tuple(cycle))
            preds[cycle[1 % len(cycle)]].remove(cycle[0])  # b no longer waits for a


def _acyclic_order(preds: Mapping[str, Sequence[str]]) -> list[str] | None:
    """``graphlib.TopologicalSorter(preds).static_order()`` for a graph without a cycle, in
    the same order, about ten times as fast; None when some task is on or after a cycle
    (graphlib then finds the cycles)."""
    # graphlib's bookkeeping: nodes in the order first named, each with its successors in the
    # order added and its count of predecessors; groups of ready nodes in turn.
    successors: dict[str, list[str]] = {}
    waiting: dict[str, int] = {}
    for node, before in preds.items():
        successors.setdefault(node, [])
        waiting[node] = waiting.get(node, 0) + len(before)
        for p in before:
            successors.setdefault(p, []).append(node)
            waiting.setdefault(p, 0)
    ready = [node for node in successors if not waiting[node]]
    order: list[str] = []
    while ready:
        order += ready
        group, ready = ready, []
        for node in group:
            for after in successors[node]:
                waiting[after] -= 1
                if not waiting[after]:
                    ready.append(after)
    return order if len(order) == len(successors) else None


def working_days(start: dt.date, end: dt.date) -> int:
    """Monday-to-Friday days from ``start`` to ``end``, both counted (0 when end is first)."""
    days = (end - start).days + 1
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for d in range(rest) if (first + d) % 7 < 5)


def duration_agrees(days: float, start: dt.date, end: dt.date, weeks: bool = False) -> bool:
    """Whether a typed duration (in days; ``weeks``: it was typed in weeks, 7 days each)
    agrees with the task's dates (P003): end − start or end − start + 1 calendar days (the
    source counts 5月20日-5月25日 as 5), or the span's working days (Monday to Friday, both
    ends counted); typed in weeks, also the span's working weeks (working days ÷ 5) or its
    calendar days within half a week of the weeks typed (1周 is 4 to 10 days, never one)."""
    span = (end - start).days
    if abs(days - span) < 1e-9 or abs(days - span - 1) < 1e-9:
        return True  # the common case, without counting working days
    work = working_days(start, end)
    if abs(days - work) < 1e-9:
        return True
    if not weeks:
        return False
    if abs(days / 7 - work / 5) < 1e-9:
        return True
    return abs(span + 1 - days) <= 3 + 1e-9


def _weekdays_to(ordinal: int) -> int:
    """Monday-to-Friday days from 0001-01-01 (a Monday, ordinal 1) through ``ordinal``."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def schedule(tasks: Sequence[TaskResult]) -> Schedule:
    """Slack and the critical flag of every dated task (set in place) and the critical path."""
    by_id: dict[str, TaskResult] = {}
    for task in tasks:
        if task.id:
            # A repeated id or name (P008) still has its place in the schedule, under a key of
            # its own; a successor naming it waits for the first task of that id.
            by_id[task.id if task.id not in by_id else f"{task.id}\0{task.row}"] = task
    graph = {i: [p for p in t.depends_on if p in by_id and p != i] for i, t in by_id.items()}

    def contradiction(pred: str, succ: str) -> float:
        """Days the successor starts before its predecessor ends (P002), 0 when it does not."""
        end, begin = by_id[pred].end, by_id[succ].start
        return (end - begin).days if end is not None and begin is not None else 0.0

    order, found = dependency_order(graph, contradiction)
    # A task waiting for itself is a cycle of one (P001); the graph leaves the edge out.
    keyed_cycles = [(i,) for i, t in by_id.items() if i in t.depends_on] + found
    cycles = [tuple(by_id[i].id for i in c) for c in keyed_cycles]
    dated = [t for t in by_id.values() if t.start is not None and t.end is not None]
    if not dated:
        return Schedule(None, None, None, (), tuple(cycles))
    start = min(t.start for t in dated if t.start is not None)
    end = max(t.end for t in dated if t.end is not None)
    # The backward pass on positions in ``order`` and day numbers: 20,000 dependencies are
    # as many integer steps, not date arithmetic.
    at = {i: n for n, i in enumerate(order)}
    broken = {(c[0], c[1 % len(c)]) for c in keyed_cycles}  # (predecessor, successor) dropped
    successors: list[list[int]] = [[] for _ in order]
    for n, i in enumerate(order):
        for p in graph[i]:
            if not broken or (p, i) not in broken:
                successors[at[p]].append(n)
    in_cycle = {i for c in keyed_cycles for i in c}
    last_day = end.toordinal()
    latest_start: list[int | None] = [None] * len(order)
    for n in range(len(order) - 1, -1, -1):
        task = by_id[order[n]]
        if task.start is None or task.end is None:
            continue
        latest_finish: int | None = None
        for s in successors[n]:
            begin = latest_start[s]
            if begin is not None and (latest_finish is None or begin - 1 < latest_finish):
                latest_finish = begin - 1
        if latest_finish is None:
            latest_finish = last_day
        finish = task.end.toordinal()
        # A Monday-to-Friday team: the latest finish is a working day (a Sunday's is the
        # Friday before), and slack is the working days a task may slip, so Friday's task
        # before Monday's has none, and a weekend never adds to it.
        while latest_finish > finish and (latest_finish - 1) % 7 >= 5:
            latest_finish -= 1
        task.slack = (
            _weekdays_to(latest_finish) - _weekdays_to(finish)
            if latest_finish > finish
            else latest_finish - finish
        )
        if in_cycle and order[n] in in_cycle:  # an edge left of a cycle contradicting its dates
            task.slack = max(task.slack, 0)
        task.critical = task.slack <= 0
        latest_start[n] = latest_finish - (finish - task.start.toordinal())
    path: list[str] = []
    critical = [i for i in order if by_id[i].critical]
    if critical:
        on_path = set(critical)
        heads = [i for i in critical if not any(p in on_path for p in graph[i])]
        current: str | None = min(heads or critical, key=lambda i: (by_id[i].start, i))
        seen: set[str] = set()
        while current is not None and current not in seen:
            path.append(current)
            seen.add(current)
            nxt = [
                order[s]
                for s in successors[at[current]]
                if order[s] in on_path and order[s] not in seen
            ]
            current = min(nxt, key=lambda i: (by_id[i].start, i)) if nxt else None
    shown = tuple(by_id[i].id for i in path)
    return Schedule(start, end, (end - start).days + 1, shown, tuple(cycles))


def tasks_by_name(workbook: Workbook) -> bool:
    """Whether the schedule has no id column but a task column: its tasks are known by their
    names (DOMAIN's own Gantt table: task, description, owner, start, end, ...)."""
    match = workbook.sheets.get("tasks")
    if match is None or match.header_row is None:
        return False
    return "id" not in match.columns and "task" in match.columns


# --- budget, risks, goals -------------------------------------------------------------------


def _amount(value: Any, total: float | None) -> float | None:
    """A line's planned amount: a percentage (40%, as a split is often planned) is that share
    of the overview's total budget; without a total it is no amount."""
    if isinstance(value, Quantity) and value.form == "percent":
        return value.value * total if total is not None and total > 0 else None
    return _number(value)


def _line(record: Record, total_planned: float, total: float | None = None) -> BudgetLine:
    v = record.values
    planned, actual = _amount(v.get("planned"), total), _number(v.get("actual"))
    revenue = _number(v.get("revenue"))
    share = planned / total_planned if planned is not None and total_planned > 0 else None
    spent = actual if actual else planned  # roi on plan while nothing is spent
    roi = revenue / spent if revenue is not None and spent else None
    return BudgetLine(
        row=record.row,
        category=v.get("category"),
        item=v.get("item"),
        channel=v.get("channel"),
        phase=v.get("phase"),
        planned=planned,
        share=share,
        actual=actual,
        variance=None if actual is None or planned is None else actual - planned,
        revenue=revenue,
        roi=roi,
        record=record,
    )


def _groups(lines: Iterable[BudgetLine], key: str, total: float) -> tuple[BudgetGroup, ...]:
    planned: dict[str | None, float] = {}
    actual: dict[str | None, float | None] = {}
    for line in lines:
        name = getattr(line, key)
        planned[name] = planned.get(name, 0.0) + (line.planned or 0.0)
        if line.actual is not None:
            actual[name] = (actual.get(name) or 0.0) + line.actual
        else:
            actual.setdefault(name, None)
    return tuple(
        BudgetGroup(name, p, p / total if total > 0 else None, actual[name])
        for name, p in sorted(planned.items(), key=lambda kv: -kv[1])
    )


def plan_currency(workbook: Workbook) -> str:
    """The currency of a plan's money (:attr:`Budget.currency`): the first the overview's total
    budget, the budget sheet's amount headers or its cells name, in that order."""
    from retrokit.method.units import unit_currency

    overview = workbook.fields("overview")
    total = overview.values.get("budget") if overview is not None else None
    if isinstance(total, Quantity) and total.currency:
        return total.currency
    keys = ("planned", "actual", "revenue")
    for sheet, wanted in (("overview", ("budget",)), ("budget", keys)):
        match = workbook.sheets.get(sheet)
        for key in wanted:
            currency = unit_currency(match.units.get(key)) if match is not None else ""
            if currency:
                return currency
    for record in workbook.table("budget"):
        for key in keys:
            value = record.values.get(key)
            if isinstance(value, Quantity) and value.currency:
                return value.currency
    return ""


def budget(records: Sequence[Record], total: float | None, currency: str = "") -> Budget:
    """Each line's share, variance and ROI, and the split by category and by channel."""
    planned = sum(_amount(r.values.get("planned"), total) or 0.0 for r in records)
    lines = tuple(_line(r, planned, total) for r in records)
    spent = [line.actual for line in lines if line.actual is not None]
    actual = sum(spent) if spent else None
    unpriced = sum(
        1
        for line in lines
        if line.planned is None
        and isinstance(q := line.record.values.get("planned") if line.record else None, Quantity)
        and q.form == "percent"
    )
    # Without a total, what remains is of the planned lines, unknown while some are shares.
    base = total if total is not None else None if unpriced else planned
    return Budget(
        total=total,
        planned=planned,
        actual=actual,
        remaining=None if actual is None or base is None else base - actual,
        lines=lines,
        by_category=_groups(lines, "category", planned),
        by_channel=_groups(lines, "channel", planned),
        unpriced_shares=unpriced,
        currency=currency,
    )


_LEVEL_SCORE = {"low": 1, "medium": 2, "high": 3}


def risk_level(likelihood: str | None, impact: str | None) -> str | None:
    """Likelihood x impact on a 3 x 3 grid: 6 and up high, 3 to 4 medium, under 3 low."""
    if likelihood is None or impact is None:
        return None
    score = _LEVEL_SCORE[likelihood] * _LEVEL_SCORE[impact]
    return "high" if score >= 6 else "medium" if score >= 3 else "low"


def _risk(record: Record) -> RiskResult:
    v = record.values
    return RiskResult(
        row=record.row,
        risk=v.get("risk"),
        likelihood=v.get("likelihood"),
        impact=v.get("impact"),
        level=risk_level(v.get("likelihood"), v.get("impact")),
        signal=v.get("signal"),
        response=v.get("response"),
        owner=v.get("owner"),
        status=v.get("status"),
        record=record,
    )


def _with_year(day: dt.date | None, year: int | None) -> dt.date | None:
    if day is None or day.year != NO_YEAR or year is None:
        return day if day is None or day.year != NO_YEAR else None
    try:
        return day.replace(year=year)
    except ValueError:  # 2月29日 in a common year
        return None


def _due(
    due: tuple[dt.date | None, dt.date | None], year: int | None, start: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """A goal's deadline in the campaign's year (see
    :func:`~retrokit.workbook.values.with_campaign_year`); the end of a yearless range that
    would fall before its start is next year's (12月25日-1月10日)."""

    def dated(day: dt.date | None) -> dt.date | None:
        if day is not None and day.year == NO_YEAR and start is not None:
            try:
                return with_campaign_year(day, start)
            except ValueError:  # 2月29日 in a common year
                return None
        return _with_year(day, year)

    first, last = dated(due[0]), dated(due[1])
    end = due[1]
    if first is not None and last is not None and last < first and end and end.year == NO_YEAR:
        last = _with_year(end, first.year + 1)
    return first, last


def _goal(record: Record, year: int | None, start: dt.date | None = None) -> GoalResult:
    v = record.values
    metric: str = v.get("metric", "")
    raw = v.get("target")
    target = raw if isinstance(raw, Quantity) else None
    form = target.form if target else "plain"
    unit = (
        unit_of(metric)
        or (target.unit if target else "")
        or ("%" if form == "percent" else "")
        or (target.currency if target and form == "plain" else "")  # £12,000: in pounds
    )
    direction, _source = kpi_direction(
        v.get("direction"), v.get("dimension"), metric, target, unit=unit
    )
    due_start, due_end = _due(v.get("due") or (None, None), year, start)
    named = in_named_unit(target, unit_in_name(metric))  # 200万 in 销售额(万元) is 200
    return GoalResult(
        row=record.row,
        dimension=v.get("dimension"),
        metric=metric,
        channel=v.get("channel"),
        phase=v.get("phase"),
        direction=direction,
        target=named.value if named else None,
        unit=unit or None,
        path=v.get("path"),
        owner=v.get("owner"),
        due_start=due_start,
        due_end=due_end,
        core=v.get("core") == "yes",
        form=form,
        record=record,
    )


# --- pacing ---------------------------------------------------------------------------------


def is_ratio(metric: str, form: str = "plain") -> bool:
    """A rate or ROI, or a figure per unit (客单价, CPC, 获客成本: see
    :func:`~retrokit.method.direction.is_per_unit`): averaged over days, not summed."""
    return form in ("percent", "ratio") or bool(_RATIO_WORDS.search(metric)) or is_per_unit(metric)


def _for_all(channel: str | None) -> bool:
    return channel_group(channel) == ALL_CHANNELS  # the review's grouping: one word list


def pace_goal(
    goal: GoalResult,
    rows: Sequence[tuple[dt.date, float]],
    period: tuple[dt.date, dt.date],
    threshold: float = DEFAULT_THRESHOLD,
    weights: Sequence[float] | None = None,
) -> Pacing:
    """The goal's figure to date from its daily rows (date, value), and where it is heading.
    A ratio's days are averaged by ``weights`` (each day's base) when given, else plainly."""
    first = min(d for d, _ in rows)
    last = max(d for d, _ in rows)
    start, end = period
    total_days = max((end - start).days + 1, 1)
    elapsed = min(max((last - start).days + 1, 1), total_days)
    values = [v for _, v in rows]
    if is_ratio(goal.metric, goal.form):
        to_date = (
            sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
            if weights
            else sum(values) / len(values)
        )
        expected, projected = goal.target, to_date
    else:
        to_date = sum(values)
        expected = None if goal.target is None else goal.target * elapsed / total_days
        projected = to_date * total_days / elapsed
    # Read as an achievement rate is: to date ÷ expected, or expected ÷ to date for a goal
    # where lower is better (获客成本 44.5 against 50 is ahead: 1.12, not 0.89).
    pace = _rate(expected, to_date, goal.direction)[0] if expected else None
    status = None
    if goal.target is not None:
        rate, _ = _rate(goal.target, projected, goal.direction)
        label = result_status(rate, threshold)
        status = {Status.EXCEEDED: "ahead", Status.MET: "on_track", Status.MISSED: "behind"}.get(
            label  # type: ignore[arg-type]
        )
    return Pacing(
        metric=goal.metric,
        channel=goal.channel,
        target=goal.target,
        unit=goal.unit,
        to_date=round(to_date, 10),
        first_date=first,
        last_date=last,
        elapsed_days=elapsed,
        total_days=total_days,
        expected_to_date=None if expected is None else round(expected, 10),
        pace=None if pace is None else round(pace, 10),
        projected=round(projected, 10),
        status=status,
        core=goal.core,
        goal_row=goal.row,
    )


def monitoring(
    goals: Sequence[GoalResult],
    daily: Sequence[Record],
    campaign: tuple[dt.date | None, dt.date | None],
    threshold: float = DEFAULT_THRESHOLD,
    today: dt.date | None = None,
) -> tuple[Pacing, ...]:
    """Pacing of every goal that has daily rows up to and including ``today`` (all of them
    without one).

    Daily values are compared in one unit: each in its base (元) first, a bare number by the
    unit in its metric's name (6 under 销售额(万元) is 60,000), one typed with a multiplier (6万)
    or under a header with one as it is; then in the goal's unit (÷ 10,000 for a goal
    销售额(万元))."""
    by_metric: dict[str, list[tuple[str, dt.date, float]]] = {}
    typed: dict[str, list[tuple[str, Quantity, Record]]] = {}  # the same rows as written
    names: dict[str, str] = {}  # folded metric -> the name as first written
    for r in daily:
        day, raw = r.values.get("date"), r.values.get("value")
        metric = r.values.get("metric")
        if day is None or not isinstance(raw, Quantity) or not metric:
            continue
        if today is not None and day > today:
            continue
        value = raw.value
        if raw.form == "plain":
            value = to_base(
                value,
                raw.scale,
                unit_in_name(metric),
                in_base=typed_in_base(raw, unit_in_name(metric)),
            )
        names.setdefault(fold(metric), metric)
        channel = fold(r.values.get("channel") or "")
        by_metric.setdefault(fold(metric), []).append((channel, day, value))
        typed.setdefault(fold(metric), []).append((channel, raw, r))
    out = []
    for goal in goals:
        found = by_metric.get(fold(goal.metric), [])
        written = typed.get(fold(goal.metric), [])
        if not _for_all(goal.channel):
            wanted = fold(goal.channel or "")
            found = [x for x in found if x[0] == wanted]
            written = [x for x in written if x[0] == wanted]
        if not found:
            continue
        size = multiplier(unit_in_name(goal.metric))
        if size != 1:
            found = [(c, d, v / size) for c, d, v in found]
        found, goal, bare_rows, bare_target = bare_beside_percentage(goal, found, written)
        slips = out_of_scale(goal, [v for _, _, v in found], [r for _, _, r in written])
        rows = [(d, v) for _, d, v in found]
        weights: list[float] | None = None
        base: str | None = None
        if is_ratio(goal.metric, goal.form):
            rows, weights, base = ratio_days(goal.metric, found, by_metric, names)
        start = goal.due_start if goal.due_start != goal.due_end else None
        start = start or campaign[0] or min(d for d, _ in rows)
        end = goal.due_end or campaign[1] or max(d for d, _ in rows)
        paced = pace_goal(goal, rows, (start, max(start, end)), threshold, weights=weights)
        paced.weighted_by = base
        paced.bare_rows, paced.bare_target = bare_rows, bare_target
        paced.out_of_scale = slips
        out.append(paced)
    return tuple(out)


def out_of_scale(
    goal: GoalResult, values: Sequence[float], records: Sequence[Record]
) -> tuple[Record, ...]:
    """The daily rows (of ``records``, beside their ``values`` in the goal's unit) whose
    figure cannot be a day's share of the goal: one day above ten times the whole target of a
    count or an amount (4000 under 新增会员(万人) for a goal of 2万人), or a rate, ROI or
    figure per unit a hundredfold away from its target either way. Such a figure is most
    likely typed in another unit; it is still counted, and M003 asks for its unit."""
    target = goal.target
    if target is None or target <= 0 or len(values) != len(records):
        return ()
    if is_ratio(goal.metric, goal.form):
        return tuple(
            r
            for v, r in zip(values, records, strict=True)
            if v > 0 and not target / 100 <= v <= target * 100
        )
    return tuple(r for v, r in zip(values, records, strict=True) if v > target * 10)


def bare_beside_percentage(
    goal: GoalResult,
    found: list[DailyRow],
    written: Sequence[tuple[str, Quantity, Record]],
) -> tuple[list[DailyRow], GoalResult, tuple[Record, ...], Record | None]:
    """The review's rule for a bare number beside a percentage (see
    :func:`~retrokit.method.analysis._reconcile`) between a goal's target and its daily
    values: a bare daily value (4) beside a target of 5% is read as a fraction or in percent
    points, whichever is closer in ratio to the target; a bare target (5) beside daily
    percentages (4%, 6%) likewise beside their mean. Returns the rows, the goal, the daily
    records whose reading was a guess (a fraction below 1 read as one is none) and the goal's
    record when its target was read so."""
    if goal.target is None:
        return found, goal, (), None
    if goal.form == "percent":
        bare = [i for i, (_, q, _) in enumerate(written) if q.form == "plain"]
        if not bare:
            return found, goal, (), None
        rows, guessed = list(found), []
        for i in bare:
            c, d, v = rows[i]
            read = _as_percentage(v, goal.target)
            rows[i] = (c, d, read)
            if read != v or abs(v) >= 1:  # 0.037 typed for 3.7% is no guess; 4 or 0.6 is
                guessed.append(written[i][2])
        return rows, goal, tuple(guessed), None
    if goal.form == "plain":
        percents = [q.value for _, q, _ in written if q.form == "percent"]
        if not percents or len(percents) < len(written):
            return found, goal, (), None
        target = _as_percentage(goal.target, sum(percents) / len(percents))
        guess = goal.record if target != goal.target or abs(goal.target) >= 1 else None
        goal = replace(goal, target=target, form="percent", unit=goal.unit or "%")
        return found, goal, (), guess
    return found, goal, (), None


#: What a ratio is weighted by when the daily sheet gives it for the same day and channel:
#: the words of a ratio's name, then the words of its base's name in order of preference (both
#: folded: Traditional spellings read as Simplified). ROI is revenue per spend, so its days
#: weigh by spend; a click-through rate by impressions; a conversion rate by visitors.
RATIO_BASES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    # Figures per unit (:func:`~retrokit.method.direction.is_per_unit`) first, so that a
    # conversion cost weighs by conversions, not by the visitors of a conversion rate: a cost
    # per click by clicks, an order value by orders, a cost per acquisition by acquisitions.
    (("cpc", "ecpc", "点击单价", "点击成本", "cost per click"), ("点击", "click")),
    (
        ("cpm", "ecpm", "千次曝光", "曝光成本", "cost per mille", "cost per thousand"),
        ("曝光", "展现", "展示", "impression"),
    ),
    (("cpl", "线索成本", "留资成本", "cost per lead"), ("线索", "留资", "lead")),
    (
        (
            "cpa",
            "cac",
            "获客成本",
            "获客单价",
            "单客成本",
            "转化成本",
            "acquisition",
            "per conversion",
            "conversion cost",
        ),
        (
            "转化数",
            "转化量",
            "转化人数",
            "获客",
            "新客",
            "新用户",
            "conversion",
            "acquisition",
            "new customer",
            "new user",
        ),
    ),
    (
        ("客单价", "笔单价", "订单均价", "aov", "order value", "basket"),
        ("订单", "单量", "成交笔数", "order"),
    ),
    (
        ("arpu", "arppu", "人均", "per user", "per capita", "per customer"),
        ("用户", "人数", "客户", "user", "customer", "buyer"),
    ),
    (
        ("roi", "roas", "投产比", "投入产出比"),
        ("花费", "费用", "消耗", "投放金额", "投入", "spend", "cost"),
    ),
    (
        ("点击率", "点阅率", "ctr", "click-through", "click rate"),
        ("曝光", "展现", "展示", "impression"),
    ),
    (
        ("转化率", "转换率", "cvr", "conversion"),
        ("访客", "uv", "访问", "会话", "流量", "点击量", "点击数", "visitor", "session", "click"),
    ),
    (
        ("互动率", "engagement"),
        ("曝光", "阅读", "播放", "观看", "触达", "impression", "view", "reach"),
    ),
    (("复购率", "回购率", "repurchase", "repeat"), ("购买人数", "客户数", "buyer", "customer")),
    (("退款率", "退货率", "refund", "return rate"), ("订单", "order")),
    (("跳出率", "bounce"), ("访客", "uv", "访问", "会话", "visitor", "session", "visit")),
)

#: A daily row as :func:`monitoring` keeps it: (folded channel, day, value).
DailyRow = tuple[str, dt.date, float]


def ratio_base(
    metric: str, found: Sequence[DailyRow], by_metric: Mapping[str, Sequence[DailyRow]]
) -> str | None:
    """The folded name of the daily metric a ratio weighs its rows by: the first of its bases
    (:data:`RATIO_BASES`) with a row for the day and channel of every row of the ratio. None
    when no base covers them all: the ratio is then averaged plainly."""
    name = fold(metric)
    wanted = {(c, d) for c, d, _ in found}
    for ratio_words, base_words in RATIO_BASES:
        # fold drops spaces: "average order value" is found in "averageordervalue"
        if not any(fold(w) in name for w in ratio_words):
            continue
        for word in map(fold, base_words):
            for key, rows in by_metric.items():
                if word not in key or key == name or is_ratio(key):
                    continue
                if wanted <= {(c, d) for c, d, v in rows if v >= 0}:
                    return key
        return None
    return None


def ratio_days(
    metric: str,
    found: Sequence[DailyRow],
    by_metric: Mapping[str, Sequence[DailyRow]],
    names: Mapping[str, str] | None = None,
) -> tuple[list[tuple[dt.date, float]], list[float] | None, str | None]:
    """A ratio's value per day, each day's weight and the base it was weighted by.

    With a base on every (day, channel) of the ratio, a day's value is its channels' ratios
    weighted by their bases and its weight the sum of those bases, so the period's figure is
    sum(ratio x base) / sum(base): the ROI of all the spend, the conversion of all the
    visitors. Without, the channels of a day and then the days are averaged plainly (weights
    None). A day whose bases add up to zero weighs nothing; if all do, the plain mean."""
    key = ratio_base(metric, found, by_metric)
    if key is not None:
        base: dict[tuple[str, dt.date], float] = {}
        for c, d, v in by_metric[key]:
            base[(c, d)] = base.get((c, d), 0.0) + v
        sums: dict[dt.date, list[float]] = {}
        for c, d, v in found:
            weight = base[(c, d)]
            day = sums.setdefault(d, [0.0, 0.0])
            day[0] += v * weight
            day[1] += weight
        if any(w > 0 for _, w in sums.values()):
            rows = [(d, rw / w if w > 0 else 0.0) for d, (rw, w) in sums.items()]
            weights = [w for _, w in sums.values()]
            return rows, weights, (names or {}).get(key, key)
    per_day: dict[dt.date, list[float]] = {}
    for _, d, v in found:
        per_day.setdefault(d, []).append(v)
    return [(d, sum(vs) / len(vs)) for d, vs in per_day.items()], None, None


# --- the plan -------------------------------------------------------------------------------


def _overview(record: Record | None) -> dict[str, Any]:
    from retrokit.workbook.plan_schema import OVERVIEW

    out: dict[str, Any] = {}
    for column in OVERVIEW.columns:
        value = record.values.get(column.key) if record else None
        out[column.key] = value.value if isinstance(value, Quantity) else value
    return out


def analyze_plan(
    workbook: Workbook,
    *,
    today: dt.date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> PlanAnalysis:
    """Compute every goal, task, budget line, risk and pacing figure of a read plan."""
    today = today or dt.date.today()
    info = _overview(workbook.fields("overview"))
    start, end = info.get("start"), info.get("end")
    dates = [d for d in (start, end) if isinstance(d, dt.date)]
    year = dates[0].year if dates else None
    first = start if isinstance(start, dt.date) else None
    goals = tuple(_goal(r, year, first) for r in workbook.table("goals"))
    by_name = tasks_by_name(workbook)
    tasks = _resolve_predecessors(
        tuple(_task(r, today, by_name) for r in workbook.table("tasks")), by_name
    )
    team = tuple(
        TeamMember(r.row, r.values.get("role"), r.values.get("name"), r.values.get("duty"))
        for r in workbook.table("team")
    )
    total = info.get("budget")
    return PlanAnalysis(
        file=workbook.path,
        lang=workbook.lang,
        info=info,
        goals=goals,
        team=team,
        tasks=tasks,
        schedule=schedule(tasks),
        budget=budget(
            workbook.table("budget"),
            total if isinstance(total, float) else None,
            plan_currency(workbook),
        ),
        risks=tuple(_risk(r) for r in workbook.table("risks")),
        monitoring=monitoring(
            goals,
            workbook.table("daily"),
            (
                start if isinstance(start, dt.date) else None,
                end if isinstance(end, dt.date) else None,
            ),
            threshold,
            today,
        ),
        today=today,
        threshold=threshold,
        findings=workbook.findings,
        by_name=by_name,
    )


# --- into the review ------------------------------------------------------------------------

#: Basic-info fields of the review that the plan's overview fills.
REVIEW_INFO_KEYS = ("project", "type", "start", "end", "owner", "audience", "budget")
_FORMATS = {"percent": "0.0%", "ratio": '"1:"0.0'}


def review_seed(plan: PlanAnalysis) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Basic info and one KPI row per goal for a review of this plan (`init --from-plan`).

    A KPI row takes its actual from the daily monitoring when the plan has it; such a row
    carries ``from_daily`` (the last day counted) so the sheet can say where it came from."""
    info = {k: plan.info.get(k) for k in REVIEW_INFO_KEYS}
    if plan.budget.currency and isinstance(info.get("budget"), int | float):
        info["budget_currency"] = plan.budget.currency  # NT$300萬 stays in NT$
    pacing = {p.goal_row: p for p in plan.monitoring}
    kpis: list[dict[str, Any]] = []
    for goal in plan.goals:
        row: dict[str, Any] = {
            "dimension": goal.dimension,
            "metric": goal.metric,
            "channel": goal.channel,
            "direction": goal.direction.value,
            "target": goal.target,
            "core": "yes" if goal.core else "no",
        }
        if goal.form in _FORMATS:
            row["format"] = _FORMATS[goal.form]
        paced = pacing.get(goal.row)
        if paced is not None:
            row["actual"] = paced.to_date
            row["from_daily"] = paced.last_date
        kpis.append(row)
    return info, kpis


# --- the plan against what happened (the review's 执行过程) -----------------------------------


@dataclass(frozen=True)
class TaskSlip:
    """One task's planned end against its actual finish."""

    id: str
    task: str | None
    end: dt.date | None
    finished: dt.date | None
    status: str | None
    critical: bool
    #: Days finished after (+) or before (-) the planned end; for a task still open past its
    #: end, the days it has run over so far (``open``); None when neither is known.
    slip: int | None
    open: bool


@dataclass(frozen=True)
class Execution:
    tasks: tuple[TaskSlip, ...]
    critical_path: tuple[str, ...]
    #: The critical path's slip: that of the last task along the path that has one (finished,
    #: or open past its end at ``today``); a slip caught up later on the path no longer counts.
    slip: int | None
    slip_task: str | None


def task_slip(task: TaskResult, today: dt.date) -> TaskSlip:
    """A task's slip: finished minus planned end, or for an open task past its end, today
    minus its end. A cancelled task has none."""
    slip: int | None = None
    running = False
    if task.end is not None and task.status != "cancelled":
        if task.finished is not None:
            slip = (task.finished - task.end).days
        elif task.status != "done" and today > task.end:
            slip, running = (today - task.end).days, True
    return TaskSlip(
        task.id, task.task, task.end, task.finished, task.status, task.critical, slip, running
    )


def execution(plan: PlanAnalysis) -> Execution:
    """Every task's planned against actual finish, the critical path and its slip."""
    slips = tuple(task_slip(t, plan.today) for t in plan.tasks)
    by_id = {s.id: s for s in reversed(slips) if s.id}
    known = [i for i in plan.schedule.critical_path if by_id[i].slip is not None]
    last = known[-1] if known else None
    return Execution(
        slips,
        plan.schedule.critical_path,
        by_id[last].slip if last is not None else None,
        last,
    )


def finish_slip(task: TaskResult, today: dt.date) -> int | None:
    """Days a task finished past its planned end (negative: early), or for an open task past
    its end the days it has run over so far; None when unknown (see :func:`task_slip`)."""
    return task_slip(task, today).slip


def critical_off_path(plan: PlanAnalysis) -> tuple[str, ...]:
    """The critical tasks (no slack) the critical path does not list, in the schedule's order:
    a second chain without slack beside it (T7 before T8, as T6 is), which the sentence that
    lists the path names too."""
    on_path = set(plan.schedule.critical_path)
    return tuple(
        dict.fromkeys(x.id for x in plan.tasks if x.critical and x.id and x.id not in on_path)
    )


def path_worst_slip(plan: PlanAnalysis) -> tuple[TaskResult, int] | None:
    """The task of the critical path that slipped most (finished, or open past its end; the
    first of equals) and its days late; None when none did. Beside a path on schedule it is a
    slip made up later. A repeated id (P008) is its first task, as the schedule has it."""
    by_id: dict[str, TaskResult] = {}
    for task in plan.tasks:
        by_id.setdefault(task.id, task)
    worst: tuple[TaskResult, int] | None = None
    for i in plan.schedule.critical_path:
        slip = task_slip(by_id[i], plan.today).slip if i in by_id else None
        if slip is not None and slip > 0 and (worst is None or slip > worst[1]):
            worst = (by_id[i], slip)
    return worst
