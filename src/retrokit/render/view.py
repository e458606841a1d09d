"""The one view model of a retrospective: what a report says, decided once for every format.

:func:`review_view` turns an :class:`~retrokit.method.Analysis` into display-ready strings in
the reader's language, in the method's order (key question and summary, basic info, KPIs,
highlights and misses, actions by priority, lessons by category, findings), plus the chart data
as plain values. The HTML and Markdown report and the terminal tables only lay it out, so they
cannot disagree on a label, a number or a priority. :func:`compare_view` does the same for
``retrokit compare``.

Row strings are built when a row is read (:class:`Rows`): the report reads them all, the
terminal only the rows it lists, so a 100,000-row sheet costs the terminal nothing it does not
show.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from retrokit import __version__
from retrokit.findings import Finding
from retrokit.i18n import t
from retrokit.i18n.languages import language, page_fonts
from retrokit.method import (
    ALL_CHANNELS,
    Analysis,
    KpiResult,
    LessonResult,
    ProblemResult,
    Status,
    channel_group,
    kpi_name,
    reached,
)
from retrokit.render import display
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

if TYPE_CHECKING:
    from retrokit.method.plan import BudgetGroup, PlanAnalysis

S = TypeVar("S")
R = TypeVar("R")


#: Bars in the chart of achievement rates. A chart with more is not read; past a few
#: thousand, drawing it takes minutes and gigabytes. The KPI table always lists them all.
CHART_BARS = 40


class Rows(Sequence[R], Generic[S, R]):
    """Read-only rows built from their source records when read, never stored."""

    __slots__ = ("_build", "_source")

    def __init__(self, source: Sequence[S], build: Callable[[S], R]) -> None:
        self._source = source
        self._build = build

    def __len__(self) -> int:
        return len(self._source)

    def __iter__(self) -> Iterator[R]:
        return map(self._build, self._source)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[R]: ...
    def __getitem__(self, index: int | slice) -> R | Sequence[R]:
        if isinstance(index, slice):
            return [self._build(x) for x in self._source[index]]
        return self._build(self._source[index])


# --- the rows ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InfoRow:
    key: str
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class KpiRow:
    dimension: str
    metric: str
    name: str  # how the KPI is named outside its table row: 指标 · 渠道
    core: bool
    channel: str
    target: str
    actual: str
    gap: str
    rate: str
    status: str  # exceeded | met | missed | unrated: the code a format styles by
    label: str  # the result as the reader reads it
    direction_note: str  # "lower is better", or empty
    note: str  # direction_note and, when it applies, the actual's share of the target
    analysis: str
    rate_value: float | None  # the rate itself, for a format that draws it


@dataclass(frozen=True, slots=True)
class ActionRow:
    priority: str
    priority_code: str  # quick_win | major_project | fill_in | defer, or empty
    area: str
    problem: str
    metric: str
    why_chain: tuple[str, ...]
    action: str
    owner: str
    due: str
    overdue: bool
    expected: str
    impact: str
    effort: str
    status: str
    closed: bool = False  # done or dropped: nothing left to ask for


@dataclass(frozen=True, slots=True)
class LessonRow:
    category: str
    lesson: str
    applies_to: str
    evidence: str


@dataclass(frozen=True)
class LessonGroup:
    category: str
    entries: Sequence[LessonRow]


@dataclass(frozen=True, slots=True)
class FindingRow:
    where: str
    code: str
    severity: str  # in the reader's language (警告 in Chinese), through the catalogue
    message: str


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One channel's or dimension's KPIs: counts by result (the unrated ones too, so that they
    add up to ``kpis``) and the reached share; for a channel also its spend (its cost KPIs'
    actuals) and return (its revenue KPIs')."""

    label: str
    kpis: int
    exceeded: int
    met: int
    missed: int
    reached: str  # share of the rated KPIs at 100% or more (met at 90% is not reached)
    spend: str = ""
    returned: str = ""
    unrated: int = 0


@dataclass(frozen=True)
class Count:
    """How many KPIs carry one result; ``status`` is None for the unrated ones."""

    status: str | None
    label: str
    count: int


# --- chart data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    rate: float | None
    status: str | None
    text: str  # the rate as shown: "83.3%" or "n/a"


@dataclass(frozen=True)
class Point:
    label: str  # the action's area, else the action; empty when it has neither
    impact: str
    effort: str
    status: str | None  # the colour: met when done, missed when overdue


@dataclass(frozen=True)
class RatesChart:
    """Achievement rate per KPI against the 100% line: the chart's bars and captions."""

    title: str
    bars: tuple[Bar, ...]
    na: str
    note: str  # says the chart shows a subset, when it does


@dataclass(frozen=True)
class MatrixChart:
    """The impact x effort matrix of the actions."""

    title: str
    points: tuple[Point, ...]
    axis: Mapping[str, str]  # low / medium / high / impact / effort
    quadrants: Mapping[str, str]  # quick_win / major_project / fill_in / defer
    x_axis: tuple[str, str]  # "Low effort", "High effort"
    y_axis: tuple[str, str]  # "Low impact", "High impact"


@dataclass(frozen=True)
class Labels:
    """Headings and column labels; the sheet and column labels come from the schema."""

    sheet: Mapping[str, str]  # info / kpis / problems / lessons: the sheets' names
    info: Mapping[str, str]
    kpi: Mapping[str, str]
    problem: Mapping[str, str]
    lesson: Mapping[str, str]
    key_question: str
    goals: str
    basic_info: str
    kpis: str
    chart_rates: str
    highlights: str
    misses: str
    none: str
    actions: str
    matrix: str
    lessons: str
    findings: str
    no_findings: str
    core: str
    why_chain: str
    where: str
    code: str
    message: str
    priority: str
    metric: str
    overdue: str
    by_channel: str
    by_dimension: str
    channel: str
    dimension: str
    group_kpis: str
    result_counts: str  # the header of "2 / 1 / 0": 超额完成 / 基本完成 / 未完成
    unrated: str  # 无法评估, the fourth count where a group has unrated KPIs
    reached: str
    spend: str
    returned: str


@dataclass(frozen=True)
class ReviewView:
    """One campaign's retrospective as it is shown, in the method's order."""

    lang: Lang
    html_lang: str
    fonts: tuple[str, ...]
    title: str
    colon: str
    as_of: str
    key_question: str
    summary: str
    core_line: str
    overall: str  # "核心目标达成率 80.0%", or empty without a rated KPI; shown first
    overall_note: str  # how the overall rate is defined, for the footnote
    counts: tuple[Count, ...]
    info: tuple[InfoRow, ...]  # every basic-info field, filled or not
    kpis: Sequence[KpiRow]
    highlights: Sequence[KpiRow]
    misses: Sequence[KpiRow]  # the largest shortfall first
    by_channel: tuple[GroupRow, ...]  # empty unless the KPIs name a channel
    by_dimension: tuple[GroupRow, ...]
    rates: RatesChart | None
    actions: Sequence[ActionRow]  # by priority
    matrix: MatrixChart | None
    lessons: Sequence[LessonRow]  # in the workbook's order
    lessons_by_category: tuple[LessonGroup, ...]
    findings: Sequence[FindingRow]
    labels: Labels
    generated: str
    #: 执行过程 and 预算执行, when the review is read with its plan; None otherwise.
    execution: ExecutionView | None = None
    budget_execution: BudgetView | None = None
    #: How many core KPIs could not be rated; the core line says which.
    core_unrated: int = 0
    #: Whether the group tables count unrated KPIs (無法評估) beside the three results: where
    #: any KPI is unrated, so that each group's counts add up to its KPIs.
    groups_unrated: bool = False
    #: Said for an empty highlights or misses list when some KPIs could not be rated.
    none_unrated: str = ""

    @property
    def basic_info(self) -> tuple[InfoRow, ...]:
        """The filled basic-info fields besides the title and the key question."""
        return tuple(
            row for row in self.info if row.value and row.key not in ("project", "key_question")
        )


@dataclass(frozen=True)
class TaskSlipRow:
    """One task of 执行过程: its planned end against its actual finish."""

    id: str
    task: str
    planned: str  # the planned end
    finished: str  # the actual finish, or empty
    status: str
    slip: str  # "+3", "0", "-1"; "+5 (open)" for an open task past its end; empty if unknown
    critical: bool
    late: bool  # finished (or still open) after its planned end


@dataclass(frozen=True)
class ExecutionView:
    """执行过程: every task planned against actual, the critical path and its slip."""

    title: str
    tasks: tuple[TaskSlipRow, ...]
    path: str  # the critical path and its slip, as one sentence
    slip: int | None  # the critical path's slip in days, for a format that styles it
    labels: Mapping[str, str]  # id / task / planned / finished / status / slip / critical
    #: Whether the schedule has ids: without an ID column a task's id is its name, shown once.
    ids: bool = True


@dataclass(frozen=True)
class SpendRow:
    """A category's or a channel's planned against actual spending."""

    label: str
    planned: str
    actual: str
    variance: str
    over: bool  # spent more than planned


@dataclass(frozen=True)
class SpendLine:
    """One budget line, with its ROI."""

    category: str
    item: str
    channel: str
    planned: str
    actual: str
    variance: str
    revenue: str
    roi: str
    over: bool


@dataclass(frozen=True)
class BudgetView:
    """预算执行: planned against actual by category and by channel, and ROI per line."""

    title: str
    summary: str  # total, allocated, spent, remaining
    by_category: tuple[SpendRow, ...]
    by_channel: tuple[SpendRow, ...]
    lines: tuple[SpendLine, ...]
    labels: Mapping[str, str]  # category / channel / item / planned / actual / variance / ...


# --- building the review ------------------------------------------------------------------------


def info_value(value: Any, key: str, lang: Lang, currency: str = "") -> str:
    """A basic-info field as shown: list values by their label, numbers in the reader's way,
    the budget in the review's ``currency``."""
    column = INFO.column(key)
    if column.choices is not None and value:
        value = column.choices.shown(value, lang)  # a team's own project type as typed
    elif isinstance(value, float):
        value = display.money(value, lang, currency if key == "budget" else "")
    return display.date(value)


def kpi_row(k: KpiResult, lang: Lang) -> KpiRow:
    """One KPI as every format shows it."""
    direction_note = ""
    note = ""
    if k.direction.value == "lower":
        direction_note = note = t("label.lower_better", lang)
        if k.target and k.actual is not None and k.target > 0:
            note += "; " + t("report.of_target", lang, share=display.percent(k.actual / k.target))
    return KpiRow(
        dimension=DIMENSION.label_of(k.dimension, lang),
        metric=k.metric,
        name=kpi_name(k.metric, k.channel),
        core=k.core,
        channel=k.channel or "",
        target=display.quantity(k.target, k, lang, k.currencies[0] if k.currencies else ""),
        actual=display.quantity(k.actual, k, lang, _actual_currency(k)),
        gap=display.gap(k, lang),
        rate=display.rate(k, lang),
        status=k.status.value if k.status else "unrated",
        label=RESULT.label_of(k.status.value, lang) if k.status else t("label.unrated", lang),
        direction_note=direction_note,
        note=note,
        analysis=k.analysis or "",
        rate_value=k.rate,
    )


#: Statuses of an action that is over: it no longer needs a priority.
CLOSED = ("done", "dropped")


def action_row(p: ProblemResult, lang: Lang) -> ActionRow:
    # A finished action loses its priority badge; a missing owner says so (A001 names it too).
    priority = None if p.status in CLOSED or not p.priority else p.priority.value
    return ActionRow(
        priority=PRIORITY.label_of(priority, lang) if priority else "",
        priority_code=priority or "",
        area=p.area or "",
        problem=p.problem or "",
        metric=p.metric or "",
        why_chain=tuple(p.why_chain),
        action=p.action or "",
        owner=p.owner or t("label.missing", lang),
        due=display.date(p.due),
        overdue=p.overdue,
        expected=p.expected or "",
        impact=LEVEL.label_of(p.impact, lang),
        effort=LEVEL.label_of(p.effort, lang),
        status=STATUS.label_of(p.status, lang),
        closed=p.status in CLOSED,
    )


def lesson_row(x: LessonResult, lang: Lang) -> LessonRow:
    return LessonRow(
        category=CATEGORY.label_of(x.category, lang),
        lesson=x.lesson or "",
        applies_to=x.applies_to or "",
        evidence=x.evidence or "",
    )


def finding_row(f: Finding, lang: Lang, other_file: bool = False) -> FindingRow:
    """One data-quality line; ``other_file`` names the file too (the plan's findings in the
    review's report: 推广目标!E6 is in the plan, not the review)."""
    where = f"{Path(f.file).name}: {f.where}" if other_file else f.where
    return FindingRow(where, f.code, t(f"severity.{f.severity.value}", lang), f.message(lang))


def chart_kpis(kpis: Sequence[KpiResult]) -> list[KpiResult]:
    """The KPIs in the chart of rates: all of them when few, else the core ones and then the
    lowest rates (unrated last), CHART_BARS in all, in the list's order."""
    if len(kpis) <= CHART_BARS:
        return list(kpis)

    def weight(i: int) -> tuple[bool, bool, float, int]:
        k = kpis[i]
        return (not k.core, k.rate is None, k.rate or 0.0, i)

    chosen = heapq.nsmallest(CHART_BARS, range(len(kpis)), key=weight)
    return [kpis[i] for i in sorted(chosen)]


def rates_chart(kpis: Sequence[KpiResult], lang: Lang) -> RatesChart | None:
    """The bars of the rates chart, or None without KPIs."""
    bars = tuple(
        Bar(
            kpi_name(k.metric, k.channel),
            k.rate,
            k.status.value if k.status else None,
            display.rate(k, lang),
        )
        for k in chart_kpis(kpis)
    )
    if not bars:
        return None
    total = len(kpis)
    note = (
        t("report.chart_subset", lang, shown=CHART_BARS, total=f"{total:,}")
        if total > CHART_BARS
        else ""
    )
    return RatesChart(t("report.chart_rates", lang), bars, t("label.na", lang), note)


def matrix_chart(problems: Sequence[ProblemResult], lang: Lang) -> MatrixChart | None:
    """The actions with both an impact and an effort, placed on the matrix; None when none."""
    points = tuple(
        Point(
            p.area or p.action or "",
            p.impact,
            p.effort,
            "met" if p.status == "done" else ("missed" if p.overdue else None),
        )
        for p in problems
        if p.impact and p.effort
    )
    if not points:
        return None
    axis = {c.code: c.label(lang) for c in LEVEL.choices}
    axis["impact"] = PROBLEMS.column("impact").label(lang)
    axis["effort"] = PROBLEMS.column("effort").label(lang)
    sp = language(lang).word_separator
    return MatrixChart(
        title=t("report.matrix", lang),
        points=points,
        axis=axis,
        quadrants={c.code: c.label(lang) for c in PRIORITY.choices},
        x_axis=(axis["low"] + sp + axis["effort"], axis["high"] + sp + axis["effort"]),
        y_axis=(axis["low"] + sp + axis["impact"], axis["high"] + sp + axis["impact"]),
    )


_REPORT_KEYS = (
    "key_question",
    "goals",
    "basic_info",
    "kpis",
    "chart_rates",
    "highlights",
    "misses",
    "none",
    "actions",
    "matrix",
    "lessons",
    "findings",
    "no_findings",
    "core",
    "why_chain",
    "where",
    "code",
    "message",
    "priority",
    "metric",
)


def review_labels(lang: Lang) -> Labels:
    """The headings and column labels in ``lang``."""
    return Labels(
        sheet={
            "info": INFO.name(lang),
            "kpis": KPIS.name(lang),
            "problems": PROBLEMS.name(lang),
            "lessons": LESSONS.name(lang),
        },
        info={c.key: c.label(lang) for c in INFO.columns},
        kpi={c.key: c.label(lang) for c in KPIS.columns},
        problem={c.key: c.label(lang) for c in PROBLEMS.columns},
        lesson={c.key: c.label(lang) for c in LESSONS.columns},
        overdue=t("label.overdue", lang),
        by_channel=t("report.by_channel", lang),
        by_dimension=t("report.by_dimension", lang),
        channel=KPIS.column("channel").label(lang),
        dimension=KPIS.column("dimension").label(lang),
        group_kpis=t("report.group_kpis", lang),
        result_counts=" / ".join(RESULT.label_of(c, lang) for c in ("exceeded", "met", "missed")),
        unrated=t("report.group_unrated", lang),
        reached=t("report.reached", lang),
        spend=t("report.spend", lang),
        returned=t("report.returned", lang),
        **{key: t(f"report.{key}", lang) for key in _REPORT_KEYS},
    )


def _group_row(label: str, c: Mapping[str, Any]) -> GroupRow:
    share = c.get("reached_share")
    return GroupRow(
        label,
        c["kpis"],
        c["exceeded"],
        c["met"],
        c["missed"],
        display.percent(share) if share is not None else "",
        unrated=c["unrated"],
    )


def _actual_currency(k: KpiResult) -> str:
    """The currency a KPI's actual is shown in when its target's is another (HK$ and NT$)."""
    return k.currencies[1] if k.currencies else ""


def _money(kpis: Sequence[KpiResult], dimension: str, lang: Lang) -> str:
    """The actuals of a channel's KPIs of one dimension, each named: 总费用 72 万元. Spend is
    what the cost dimension holds as lower-is-better: a 客单价 or a saving filed there is not;
    and money is an amount, not a rate (退款率 2%) nor a price of one (CPC, 获客成本)."""
    from retrokit.method.direction import is_per_unit

    sep = language(lang).list_separator
    return sep.join(
        f"{k.metric} {display.quantity(k.actual, k, lang, _actual_currency(k))}"
        for k in kpis
        if k.dimension == dimension
        and k.actual is not None
        and k.form == "plain"
        and not is_per_unit(k.metric)
        and (dimension != "cost" or k.direction.value == "lower")
    )


def group_tables(result: Analysis, lang: Lang) -> tuple[tuple[GroupRow, ...], ...]:
    """The by-channel table (when a KPI names a channel) and the by-dimension table."""
    s = result.summary
    by_dimension = tuple(
        _group_row(DIMENSION.label_of(code, lang) if code != "unspecified" else "-", c)
        for code, c in s.get("by_dimension", {}).items()
    )
    channels = s.get("by_channel", {})
    if not any(code != ALL_CHANNELS for code in channels):
        return (), by_dimension
    members: dict[str, list[KpiResult]] = {}
    for k in result.kpis:
        members.setdefault(channel_group(k.channel), []).append(k)
    rows = []
    for code, c in channels.items():
        label = t("report.all_channels", lang) if code == ALL_CHANNELS else code
        row = _group_row(label, c)
        kpis = members.get(code, [])
        rows.append(
            GroupRow(
                row.label,
                row.kpis,
                row.exceeded,
                row.met,
                row.missed,
                row.reached,
                _money(kpis, "cost", lang),
                _money(kpis, "revenue", lang),
                row.unrated,
            )
        )
    return tuple(rows), by_dimension


def _lesson_groups(lessons: Sequence[LessonResult], lang: Lang) -> tuple[LessonGroup, ...]:
    by_code: dict[str | None, list[LessonResult]] = {}
    for x in lessons:
        by_code.setdefault(x.category, []).append(x)
    groups = []
    for choice in [*CATEGORY.choices, None]:
        items = by_code.get(choice.code if choice else None)
        if items:
            groups.append(
                LessonGroup(
                    choice.label(lang) if choice else t("lessons.uncategorised", lang),
                    Rows(items, lambda x: lesson_row(x, lang)),
                )
            )
    return tuple(groups)


#: How a project's name may already say it is a retrospective (in any of the languages, as
#: one team mixes them), and how it may already say it is its report.
_NAMED_REVIEW = re.compile(r"(复盘|復盤|\b(retrospective|retro|review))\W*$", re.IGNORECASE)
_NAMED_REPORT = re.compile(
    r"(复盘报告|復盤報告|\b(retrospective|retro|review)\W*report)\W*$", re.IGNORECASE
)


def review_title(project: str, lang: Lang) -> str:
    """The report's title: "{project} 复盘报告", without saying 复盘 twice when the name ends
    with it (双11大促复盘 -> 双11大促复盘报告; 双11复盘报告 stays as it is)."""
    if _NAMED_REPORT.search(project):
        return project
    if _NAMED_REVIEW.search(project):
        return t("report.title.named", lang, project=project)
    return t("report.title", lang, project=project)


def review_view(result: Analysis, lang: Lang) -> ReviewView:
    """What the retrospective says, in ``lang``; as of the analysis' own date."""
    info = result.info
    s = result.summary
    project = info.get("project") or t("report.untitled", lang)
    summary = t(
        "report.summary",
        lang,
        total=s["kpis"],
        exceeded=s["exceeded"],
        met=s["met"],
        missed=s["missed"],
    )
    if s["unrated"]:
        summary += " " + t("report.unrated", lang, count=s["unrated"])
    rate = s.get("overall_rate")
    basis = s.get("overall_basis", "core")
    overall = (
        t(f"report.overall.{basis}", lang, rate=display.percent(rate)) if rate is not None else ""
    )
    # The rate leaves unrated KPIs out: say so beside it, and never call the core KPIs all
    # reached while some of them could not be rated (a blank or unreadable actual).
    core = [k for k in result.kpis if k.core]
    rated = [k for k in (core or result.kpis) if k.rate is not None or k.status is Status.EXCEEDED]
    if rate is not None and len(rated) < len(core or result.kpis):
        overall += t(
            f"report.overall_partial.{basis}",
            lang,
            rated=len(rated),
            total=len(core or result.kpis),
        )
    overall_note = t(f"report.overall_note.{basis}", lang) if rate is not None else ""
    sep = language(lang).list_separator
    core_missed = list(s.get("core_missed", []))
    core_unrated = [kpi_name(k.metric, k.channel) for k in core if k.status is None]
    core_parts = []
    if core_missed:
        core_parts.append(t("report.core_missed", lang, metrics=sep.join(core_missed)))
    if core_unrated:
        key = "report.core_all_unrated" if len(core_unrated) == len(core) else "report.core_unrated"
        core_parts.append(t(key, lang, count=len(core_unrated), metrics=sep.join(core_unrated)))
    elif core and not core_missed:
        # Only 100% or more reached the goal; a core KPI met at 90% was not "reached".
        all_reached = all(map(reached, core))
        core_parts.append(t("report.core_ok" if all_reached else "report.core_none_missed", lang))
    core_line = " ".join(core_parts)
    counts = (
        *(
            Count(code, RESULT.by_code(code).label(lang), s[code])
            for code in ("exceeded", "met", "missed")
        ),
        Count(None, t("label.unrated", lang), s["unrated"]),
    )
    misses = sorted(
        (k for k in result.kpis if k.status is Status.MISSED),
        key=lambda k: (k.rate if k.rate is not None else 0, k.row),
    )

    def kpi(k: KpiResult) -> KpiRow:
        return kpi_row(k, lang)

    by_channel, by_dimension = group_tables(result, lang)

    return ReviewView(
        lang=lang,
        html_lang=language(lang).html_lang,
        fonts=page_fonts(lang),
        title=review_title(project, lang),
        colon=language(lang).colon,
        as_of=t("report.as_of", lang, date=result.today.isoformat()),
        key_question=info.get("key_question") or "",
        summary=summary,
        core_line=core_line,
        overall=overall,
        overall_note=overall_note,
        counts=counts,
        info=tuple(
            InfoRow(c.key, c.label(lang), info_value(info.get(c.key), c.key, lang, result.currency))
            for c in INFO.columns
        ),
        kpis=Rows(result.kpis, kpi),
        highlights=Rows([k for k in result.kpis if k.status is Status.EXCEEDED], kpi),
        misses=Rows(misses, kpi),
        by_channel=by_channel,
        by_dimension=by_dimension,
        rates=rates_chart(result.kpis, lang),
        actions=Rows(result.problems, lambda p: action_row(p, lang)),
        matrix=matrix_chart(result.problems, lang),
        lessons=Rows(result.lessons, lambda x: lesson_row(x, lang)),
        lessons_by_category=_lesson_groups(result.lessons, lang),
        findings=Rows(
            result.findings if result.plan is None else (*result.findings, *result.plan.findings),
            lambda f: finding_row(f, lang, other_file=f.file != result.file),
        ),
        labels=review_labels(lang),
        generated=t("report.generated", lang, version=__version__),
        execution=None if result.plan is None else execution_view(result.plan, lang),
        budget_execution=None if result.plan is None else budget_view(result.plan, lang),
        core_unrated=len(core_unrated),
        groups_unrated=bool(s["unrated"]),
        none_unrated=t("report.none_unrated", lang, count=s["unrated"]) if s["unrated"] else "",
    )


# --- the plan beside the review (执行过程, 预算执行) ---------------------------------------------


def _days(days: int | None) -> str:
    return "" if days is None else f"{days:+d}" if days else "0"


def execution_view(plan: PlanAnalysis, lang: Lang) -> ExecutionView:
    """执行过程 of a review read with its plan: each task's planned end against its actual
    finish (its slip in days), and the critical path with its slip."""
    from retrokit.method.plan import execution, path_worst_slip
    from retrokit.render.plan_view import with_also_critical
    from retrokit.workbook.plan_schema import TASK_STATUS, TASKS

    done = execution(plan)
    rows = tuple(
        TaskSlipRow(
            id=x.id,
            task=x.task or "",
            planned=display.date(x.end),
            finished=display.date(x.finished),
            status=TASK_STATUS.shown(x.status, lang),
            slip=t("report.slip_open", lang, days=_days(x.slip)) if x.open else _days(x.slip),
            critical=x.critical,
            late=(x.slip or 0) > 0,
        )
        for x in done.tasks
    )
    path = " → ".join(done.critical_path)
    worst = path_worst_slip(plan)
    if not path:
        sentence = t("report.no_critical_path", lang)
    elif done.slip is None:
        sentence = t("report.path_slip.unknown", lang, path=path)
    elif done.slip <= 0 and worst is not None:  # a slip on the path, made up later
        sentence = t(
            "report.path_slip.caught_up_early" if done.slip < 0 else "report.path_slip.caught_up",
            lang, path=path, slipped=worst[0].id, late=worst[1], days=-done.slip,
            task=done.slip_task,
        )  # fmt: skip
    else:
        key = "late" if done.slip > 0 else "early" if done.slip < 0 else "on_time"
        sentence = t(
            f"report.path_slip.{key}", lang, path=path, days=abs(done.slip), task=done.slip_task
        )
    if path:
        sentence = with_also_critical(sentence, plan, lang)
    labels = {
        "id": TASKS.column("id").label(lang),
        "task": TASKS.column("task").label(lang),
        "planned": t("report.planned_finish", lang),
        "finished": TASKS.column("finished").label(lang),
        "status": TASKS.column("status").label(lang),
        "slip": t("report.slip_days", lang),
        "critical": t("report.critical", lang),
    }
    return ExecutionView(
        t("report.execution", lang), rows, sentence, done.slip, labels, ids=not plan.by_name
    )


def _spend_row(
    label: str,
    planned: float | None,
    actual: float | None,
    lang: Lang,
    currency: str = "",
    table: Sequence[float | None] = (),
) -> SpendRow:
    shown = display.spending(planned, actual, lang, currency, table)
    over = planned is not None and actual is not None and actual > planned
    return SpendRow(label or "-", *shown, over)


def _amounts(group: BudgetGroup) -> tuple[float | None, float | None]:
    return group.planned, group.actual


def budget_view(plan: PlanAnalysis, lang: Lang) -> BudgetView:
    """预算执行 of a review read with its plan: planned against actual spending by category
    and by channel, and each line's ROI (revenue ÷ spent, ÷ planned while nothing is spent)."""
    from retrokit.workbook.plan_schema import BUDGET, BUDGET_CATEGORY

    b = plan.budget

    def money(value: float | None) -> str:
        return display.money(value, lang, b.currency)

    # Each table in one scale (24万 / 13万, never 24万 beside 120,000 and 13), its ROIs in one
    # precision (1:3.00 / 1:2.20 / 1:1.69).
    line_table = display.spend_table(
        ((x.planned, x.actual) for x in b.lines), *(x.revenue for x in b.lines)
    )
    revenues = display.amounts([x.revenue for x in b.lines], lang, b.currency, line_table)
    rois = display.ratios([x.roi for x in b.lines])  # as a KPI typed 1:3
    lines = tuple(
        SpendLine(
            category=BUDGET_CATEGORY.shown(x.category, lang),
            item=x.item or "",
            channel=x.channel or "",
            planned=spent.planned,
            actual=spent.actual,
            variance=spent.variance,
            revenue=revenue,
            roi=roi,
            over=x.variance is not None and x.variance > 0,
        )
        for x, revenue, roi in zip(b.lines, revenues, rois, strict=True)
        for spent in (_spend_row("", x.planned, x.actual, lang, b.currency, line_table),)
    )
    categories = display.spend_table(_amounts(g) for g in b.by_category)
    channels = display.spend_table(_amounts(g) for g in b.by_channel)
    labels = {
        key: BUDGET.column(key).label(lang)
        for key in ("category", "item", "channel", "planned", "actual", "revenue")
    }
    labels |= {
        "variance": t("report.variance", lang),
        "roi": t("report.roi", lang),
        "by_category": t("report.by_category", lang),
        "by_channel": t("report.by_channel", lang),
        "lines": t("report.budget_lines", lang),
    }
    return BudgetView(
        title=t("report.budget_execution", lang),
        summary=t(
            "plan.budget_line" if b.remaining is None or b.remaining >= 0 else "plan.budget_over",
            lang,
            total=money(b.total) or "-",
            planned=money(b.planned),
            actual=money(b.actual) or "-",
            remaining=money(b.remaining) or "-",
            over=money(None if b.remaining is None else -b.remaining),
        ),
        by_category=tuple(
            _spend_row(
                BUDGET_CATEGORY.shown(g.name, lang), *_amounts(g), lang, b.currency, categories
            )
            for g in b.by_category
        ),
        by_channel=tuple(
            _spend_row(g.name or "", *_amounts(g), lang, b.currency, channels) for g in b.by_channel
        ),
        lines=lines,
        labels=labels,
    )


# --- compare ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CampaignRow:
    project: str
    period: str
    owner: str
    exceeded: int
    met: int
    missed: int
    core_missed: str
    open_actions: int
    overdue_actions: int


@dataclass(frozen=True, slots=True)
class RatePoint:
    project: str
    rate: str
    #: The result label of that KPI in that campaign (超额完成 ...) and its status code.
    label: str = ""
    status: str = ""


@dataclass(frozen=True, slots=True)
class MetricTrend:
    metric: str  # 指标 · 渠道
    points: tuple[RatePoint, ...]
    #: One cell per campaign of the comparison, in its order; None where it lacks the metric.
    by_campaign: tuple[RatePoint | None, ...] = ()
    #: improved / worsened / unchanged: the latest change (the last campaign that measured
    #: it against the one before that did), as its direction reads it, worded; empty when it
    #: cannot be told.
    trend: str = ""


@dataclass(frozen=True, slots=True)
class Recurring:
    text: str
    files: str


@dataclass(frozen=True, slots=True)
class Carried:
    """An action carried over from campaign to campaign; text as recorded (may be None)."""

    action: str | None
    area: str | None
    times: int
    file: str


@dataclass(frozen=True, slots=True)
class Effect:
    action: str
    metric: str
    rate_before: str
    rate_after: str
    effect: str  # improved / worsened / unchanged as the metric's direction reads it, worded
    #: The campaign before and after, each with what was compared (the actual, or the rate
    #: where the units differ): "Q1 160万", so a line carried through three campaigns reads.
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class _Actuals:
    """An actual of a KPI in one campaign, shown in its own scale (display.Quantified)."""

    unit: str | None
    form: str
    target: float | None
    actual: float | None


@dataclass(frozen=True)
class TrendChart:
    """Each metric's rate across the campaigns, in the campaigns' (the table's) order.

    Every series holds one point per campaign, at that campaign's place: the rate is None
    where the campaign did not measure or rate the metric, so a chart leaves a gap there
    instead of moving a later campaign's point into it."""

    title: str
    campaigns: tuple[str, ...]
    series: tuple[tuple[str, tuple[tuple[str, float | None], ...]], ...]


@dataclass(frozen=True)
class CompareView:
    lang: Lang
    html_lang: str
    fonts: tuple[str, ...]
    title: str
    campaigns: tuple[CampaignRow, ...]
    metrics: tuple[MetricTrend, ...]
    trend: TrendChart | None
    recurring_areas: tuple[Recurring, ...]
    recurring_causes: tuple[Recurring, ...]
    carried: tuple[Carried, ...]
    effects: tuple[Effect, ...]
    labels: Mapping[str, str]
    generated: str
    #: The campaigns as the columns of the trend table, in their order.
    trend_columns: tuple[str, ...] = ()
    #: The language's colon after a label ("：", ": ").
    colon: str = ": "
    #: One line per campaign whose start date is unknown: its file, the cell, and that its
    #: place in time is not known and the trends leave it out.
    undated: tuple[str, ...] = ()
    #: With one campaign only, the line that says changes need two, in place of an empty
    #: table of changes (the campaign's own figures stay in the table above it).
    single: str = ""


_COMPARE_KEYS = (
    "compare.campaigns",
    "compare.metrics",
    "compare.areas",
    "compare.causes",
    "compare.carried",
    "compare.effects",
    "compare.period",
    "compare.open",
    "compare.overdue",
    "compare.core_missed",
    "compare.files",
    "compare.times",
    "compare.before",
    "compare.after",
    "compare.effect",
    "compare.trend",
    "report.none",
    "report.metric",
    "compare.mermaid_caption",
    "compare.not_measured",
)


def _metric_trend(
    metric: Mapping[str, Any],
    campaigns: Sequence[Mapping[str, Any]],
    projects: Mapping[str, str],
    rate: Any,
    lang: Lang,
    trend: str = "",
) -> MetricTrend:
    """One metric across the campaigns: its points, and a cell per campaign for the table."""

    def point(p: Mapping[str, Any]) -> RatePoint:
        status = p.get("status") or ""
        label = RESULT.label_of(status, lang) if status else t("label.unrated", lang)
        if p.get("duplicate_rows"):  # the row used, where the review has the KPI twice (K005)
            others = language(lang).list_separator.join(str(r) for r in p["duplicate_rows"])
            label += t("compare.duplicate_rows", lang, row=p["row"], others=others)
        return RatePoint(
            projects.get(p["file"], Path(p["file"]).name), rate(p["rate"]), label, status
        )

    points = {p["file"]: point(p) for p in metric["series"]}
    return MetricTrend(
        metric["metric"],
        tuple(points.values()),
        tuple(points.get(c["file"]) for c in campaigns),
        trend,
    )


def _effect(
    e: Mapping[str, Any], projects: Mapping[str, str], rate: Any, effect: str, lang: Lang
) -> Effect:
    """An action's effect on its metric: the campaigns compared, each with its value."""

    def shown(file: str, value: float | None, rate_value: float | None) -> str:
        project = projects.get(file) or Path(file).name
        if e.get("basis", "actual") != "actual":
            return f"{project} {rate(rate_value)}"
        own = _Actuals(e.get("unit"), e.get("form", "plain"), None, value)
        return f"{project} {display.quantity(value, own, lang)}"

    return Effect(
        action=e["action"],
        metric=e["metric"],
        rate_before=rate(e["rate_before"]),
        rate_after=rate(e["rate_after"]),
        effect=effect,
        before=shown(e["file"], e["actual_before"], e["rate_before"]),
        after=shown(e["next_file"], e["actual_after"], e["rate_after"]),
    )


def _core_missed(campaign: Mapping[str, Any], sep: str, lang: Lang) -> str:
    """A campaign's missed core KPIs, and how many core KPIs could not be rated: an empty
    cell must not read as "every core KPI reached" while some are unmeasured."""
    missed = sep.join(campaign["core_missed"])
    unrated = len(campaign.get("core_unrated", ()))
    if not unrated:
        return missed
    if missed:
        return t("compare.core_unrated_also", lang, missed=missed, count=unrated)
    return t("compare.core_unrated", lang, count=unrated)


def _undated(u: Mapping[str, Any], lang: Lang) -> str:
    """A campaign without a start date, named with the cell its date belongs in."""
    sheet = u.get("sheet") or INFO.name(lang)
    cell = f"{sheet}!{u['cell']}" if u.get("cell") else sheet
    file = Path(u["file"]).name
    if u.get("text"):
        return t("compare.undated.unreadable", lang, file=file, cell=cell, text=u["text"])
    return t("compare.undated.blank", lang, file=file, cell=cell)


def compare_view(data: Mapping[str, Any], lang: Lang) -> CompareView:
    """What ``retrokit compare`` says about a set of campaigns, in ``lang``."""
    sep = language(lang).list_separator

    def moved(code: str | None) -> str:
        return t(f"compare.change.{code}", lang) if code else ""

    def name(file: str) -> str:
        return Path(file).name

    def rate(value: float | None) -> str:
        return display.percent(value) if value is not None else t("label.na", lang)

    projects = {c["file"]: c["project"] or name(c["file"]) for c in data["campaigns"]}
    labels = {key.split(".", 1)[1]: t(key, lang) for key in _COMPARE_KEYS}
    labels.update(
        {
            "project": INFO.column("project").label(lang),
            "owner": INFO.column("owner").label(lang),
            "action": PROBLEMS.column("action").label(lang),
            **{c.code: c.label(lang) for c in RESULT.choices},
            # The trend column says what it compares: the latest change, not first to last.
            "trend": t("compare.latest_change", lang),
            "trend_note": t("compare.latest_change_note", lang),
        }
    )

    def aligned(metric: Mapping[str, Any]) -> tuple[tuple[str, float | None], ...]:
        """The metric's rate at each campaign's place in the table; None where it has none."""
        rates = {p["file"]: p["rate"] for p in metric["series"]}
        return tuple((projects[c["file"]], rates.get(c["file"])) for c in data["campaigns"])

    series = tuple((m["metric"], aligned(m)) for m in data["metrics"])
    trend = (
        TrendChart(
            t("compare.metrics", lang),
            tuple(projects[c["file"]] for c in data["campaigns"]),
            series,
        )
        if series
        else None
    )
    return CompareView(
        lang=lang,
        html_lang=language(lang).html_lang,
        fonts=page_fonts(lang),
        title=t("compare.title", lang),
        campaigns=tuple(
            CampaignRow(
                project=projects[c["file"]],
                period=f"{c['start'] or '?'} ~ {c['end'] or '?'}",
                owner=c["owner"] or "",
                exceeded=c["exceeded"],
                met=c["met"],
                missed=c["missed"],
                core_missed=_core_missed(c, sep, lang),
                open_actions=c["open_actions"],
                overdue_actions=c["overdue_actions"],
            )
            for c in data["campaigns"]
        ),
        metrics=tuple(
            _metric_trend(m, data["campaigns"], projects, rate, lang, moved(m.get("trend")))
            for m in data["metrics"]
        ),
        trend_columns=tuple(projects[c["file"]] for c in data["campaigns"]),
        trend=trend,
        recurring_areas=tuple(
            Recurring(r["text"], sep.join(name(f) for f in r["files"]))
            for r in data["recurring_areas"]
        ),
        recurring_causes=tuple(
            Recurring(r["text"], sep.join(name(f) for f in r["files"]))
            for r in data["recurring_root_causes"]
        ),
        carried=tuple(
            Carried(c["action"], c["area"], c["times"], name(c["file"]))
            for c in data["carried_over"]
        ),
        effects=tuple(
            _effect(e, projects, rate, moved(e.get("effect")), lang) for e in data["action_effects"]
        ),
        labels=labels,
        generated=t("report.generated", lang, version=__version__),
        colon=language(lang).colon,
        undated=tuple(_undated(u, lang) for u in data.get("undated", ())),
        single=(
            t("compare.single", lang, project=projects[data["campaigns"][0]["file"]])
            if len(data["campaigns"]) == 1
            else ""
        ),
    )
