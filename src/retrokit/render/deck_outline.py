"""What the slide deck says: the view model cut into sections and slides, before any layout.

The deck follows the outline of a work-summary deck (DOMAIN.md): a title slide, the contents,
then 01 project overview, 02 strategy and 03 execution (from a plan), 04 results, 05 challenges
and lessons, 06 improvements. A section with nothing to show is left out; the contents slide
numbers the sections that remain. Every slide carries the sentences a presenter would say.

This module is pure (no python-pptx): :mod:`retrokit.render.deck` lays the outline out on a
master, paginating tables and shortening text to the room the master's layouts give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from retrokit.i18n import t
from retrokit.i18n.languages import language
from retrokit.render.view import ActionRow, KpiRow, ReviewView

if TYPE_CHECKING:  # the plan's modules load only when a plan is given
    from retrokit.method.plan import PlanAnalysis

ChartKind = Literal["bar", "pie"]


@dataclass(frozen=True)
class Table:
    """A table whose rows may run over several slides; the header repeats on each."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]  # the columns' relative widths
    marks: tuple[str | None, ...] = ()  # per row: the status colouring ``mark_column``
    mark_column: int = -1


@dataclass(frozen=True)
class CategoryChart:
    """A bar or pie chart of one series; ``colours`` holds a status code per point."""

    kind: ChartKind
    series: str
    categories: tuple[str, ...]
    values: tuple[float | None, ...]
    colours: tuple[str | None, ...]  # a status code, or a "#rrggbb" colour of its own
    number_format: str  # "0%" for rates, "0" for counts


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    colour: str  # "#rrggbb"
    marks: tuple[str | None, ...] = ()  # per point: a status whose colour overrides it


@dataclass(frozen=True)
class ClusteredBars:
    """Several series side by side per category, as planned against actual."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    number_format: str  # Excel's number format of the values and their labels


@dataclass(frozen=True)
class Gantt:
    """Tasks as bars on a date axis: from the planned start over the planned days, then the
    days a task finished past its end. Dates are Excel's day serials, as charts store them."""

    categories: tuple[str, ...]
    starts: tuple[float, ...]
    planned: tuple[float, ...]  # days, the end day included
    slips: tuple[float, ...]  # days finished late, 0 when on time
    critical: tuple[bool, ...]
    first: float  # the axis' first and last day
    last: float
    names: tuple[str, str, str]  # the series: start, planned days, days late


@dataclass(frozen=True)
class MatrixPoint:
    label: str
    effort: int  # 1 low .. 3 high
    impact: int
    status: str | None


@dataclass(frozen=True)
class Matrix:
    """The impact x effort matrix as an XY scatter chart."""

    points: tuple[MatrixPoint, ...]
    x_axis: tuple[str, str]  # "Low effort", "High effort"
    y_axis: tuple[str, str]


@dataclass(frozen=True)
class Slide:
    title: str
    notes: str
    lead: str = ""  # one short paragraph above a table or chart
    bullets: tuple[str, ...] = ()
    table: Table | None = None
    chart: CategoryChart | ClusteredBars | Gantt | Matrix | None = None


@dataclass(frozen=True)
class Section:
    key: str  # overview | strategy | execution | results | challenges | improvements
    title: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Outline:
    title: str
    subtitle: tuple[str, ...]
    title_notes: str
    sections: tuple[Section, ...]
    contents_title: str
    contents_notes: str = field(default="")

    def numbered(self) -> list[tuple[str, Section]]:
        """The sections that remain, numbered 01, 02 ... in order."""
        return [(f"{i:02d}", s) for i, s in enumerate(self.sections, start=1)]


_LEVELS = ("low", "medium", "high")


def outline(
    view: ReviewView, *, presenter: str | None = None, plan: PlanAnalysis | None = None
) -> Outline:
    """The deck of one retrospective in the view's language; ``plan`` is the campaign plan
    (issue 17) that the phases, sections 02 and 03 and the ROI per budget line come from, or
    None. The presenter is ``presenter``, else the review's owner."""
    lang = view.lang
    project = next((r.value for r in view.info if r.key == "project"), "") or view.title
    date = view.as_of
    presenter = deck_presenter(view, presenter)
    subtitle = (t("deck.presenter", lang, name=presenter), date) if presenter else (date,)
    sections = [
        s
        for s in (
            _overview(view, plan),
            *plan_sections(plan, view),
            _results(view, plan),
            _challenges(view),
            _improvements(view),
        )
        if s is not None and s.slides
    ]
    sep = language(lang).list_separator
    contents_notes = t(
        "deck.note.contents",
        lang,
        count=len(sections),
        sections=sep.join(s.title for s in sections),
    )
    return Outline(
        title=view.title,
        subtitle=subtitle,
        title_notes=t("deck.note.title", lang, project=project, date=date.split()[-1]),
        sections=tuple(sections),
        contents_title=t("deck.contents", lang),
        contents_notes=contents_notes,
    )


def deck_presenter(view: ReviewView, presenter: str | None = None) -> str | None:
    """Who presents the deck: the one named on the command line, else the review's owner
    (DOMAIN.md: presenter and date on the title slide), else no one."""
    if presenter:
        return presenter
    return next((r.value for r in view.info if r.key == "owner" and r.value), None)


def plan_sections(plan: PlanAnalysis | None, view: ReviewView) -> list[Section]:
    """02 strategy review (core strategy, channel mix, theme) and 03 execution (the schedule
    and the budget against plan), which come from the campaign plan; none without one."""
    if plan is None:
        return []
    from retrokit.render import deck_plan

    return [deck_plan.strategy(plan, view), deck_plan.execution(plan, view)]


def _sentence_join(items: Sequence[str], lang: str) -> str:
    return language(lang).list_separator.join(items)


def _overview(view: ReviewView, plan: PlanAnalysis | None = None) -> Section | None:
    lang = view.lang
    colon = view.colon
    info = {r.key: r for r in view.info}
    bullets: list[str] = []
    if view.key_question:
        bullets.append(view.labels.key_question + colon + view.key_question)
    background = str(plan.info.get("background") or "") if plan is not None else ""
    if background:
        from retrokit.workbook.plan_schema import OVERVIEW

        bullets.append(OVERVIEW.column("background").label(lang) + colon + background)
    start, end = info["start"].value, info["end"].value
    if start or end:
        period = t("deck.period_value", lang, start=start or "?", end=end or "?")
        bullets.append(t("deck.period", lang) + colon + period)
    facts = [r for r in view.basic_info if r.key not in ("start", "end")]
    bullets += [r.label + colon + r.value for r in facts]
    slides: list[Slide] = []
    if bullets:
        notes = []
        if view.key_question:
            notes.append(t("deck.note.question", lang, question=view.key_question))
        if background:
            notes.append(background)
        if facts:
            notes.append(
                t(
                    "deck.note.info",
                    lang,
                    facts=_sentence_join([r.label + colon + r.value for r in facts], lang),
                )
            )
        slides.append(Slide(view.labels.basic_info, " ".join(notes), bullets=tuple(bullets)))
    kpis = list(view.kpis)
    goals = [k for k in kpis if k.core] or kpis
    if goals:
        title = t("deck.core_goals" if any(k.core for k in kpis) else "deck.goals", lang)
        lab = view.labels.kpi
        named = [f"{k.metric} {k.target}" for k in goals[:3]]
        slides.append(
            Slide(
                title,
                t("deck.note.goals", lang, count=len(kpis), goals=_sentence_join(named, lang)),
                table=Table(
                    (lab["dimension"], lab["metric"], lab["channel"], lab["target"]),
                    tuple((k.dimension, k.metric, k.channel, k.target) for k in goals),
                    (1.2, 3.0, 1.5, 1.5),
                ),
            )
        )
    if plan is not None:
        from retrokit.render import deck_plan

        slides += deck_plan.phases(plan, view)
    return Section("overview", t("deck.s.overview", lang), tuple(slides))


def _gaps(view: ReviewView) -> str:
    misses = list(view.misses[:3])
    if not misses:
        return ""
    items = [t("deck.note.gap", view.lang, metric=k.metric, rate=k.rate) for k in misses]
    return t("deck.note.gaps", view.lang, items=_sentence_join(items, view.lang))


def _say(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _kpi_table(view: ReviewView, kpis: Sequence[KpiRow]) -> Table:
    lab = view.labels.kpi
    return Table(
        (lab["metric"], lab["target"], lab["actual"], lab["gap"], lab["rate"], lab["result"]),
        tuple(
            (
                k.metric + (" ★" if k.core else "") + (f" ({k.channel})" if k.channel else ""),
                k.target,
                k.actual,
                k.gap,
                k.rate,
                k.label,
            )
            for k in kpis
        ),
        (3.2, 1.3, 1.3, 1.3, 1.1, 1.3),
        marks=tuple(k.status for k in kpis),
        mark_column=5,
    )


def channel_rates(kpis: Sequence[KpiRow]) -> list[tuple[str, float]]:
    """The mean achievement rate of the rated KPIs of each channel, in first-seen order; a KPI
    of all channels (全渠道, or none named) is of no one channel."""
    from retrokit.method import ALL_CHANNELS, channel_group

    by: dict[str, list[float]] = {}
    for k in kpis:
        if k.rate_value is not None and channel_group(k.channel) != ALL_CHANNELS:
            by.setdefault(k.channel, []).append(k.rate_value)
    return [(c, sum(v) / len(v)) for c, v in by.items()]


def _results(view: ReviewView, plan: PlanAnalysis | None = None) -> Section | None:
    roi: list[Slide] = []
    if plan is not None:
        from retrokit.render import deck_plan

        roi = deck_plan.roi(plan, view)
    if not view.kpis:
        return Section("results", t("deck.s.results", view.lang), tuple(roi))
    lang = view.lang
    kpis = list(view.kpis)
    summary = _say(view.summary, view.core_line)
    gaps = _gaps(view)
    counts = [c for c in view.counts if c.count]
    slides = [
        Slide(
            t("deck.overall", lang),
            _say(summary, gaps),
            lead=summary,
            chart=CategoryChart(
                "pie",
                t("deck.count", lang),
                tuple(c.label for c in counts),
                tuple(float(c.count) for c in counts),
                tuple(c.status for c in counts),
                "0",
            ),
        ),
        Slide(view.labels.kpis, _say(summary, gaps), table=_kpi_table(view, kpis)),
    ]
    if view.rates is not None:
        bars = view.rates.bars
        slides.append(
            Slide(
                t("deck.rates_title", lang),
                _say(t("deck.note.rates", lang), gaps, view.rates.note),
                lead=view.rates.note,
                chart=CategoryChart(
                    "bar",
                    t("deck.rate", lang),
                    tuple(b.label for b in bars),
                    tuple(b.rate for b in bars),
                    tuple(b.status for b in bars),
                    "0%",
                ),
            )
        )
    channels = channel_rates(kpis)
    if len(channels) > 1:  # one channel has no best and worst
        ranked = sorted(channels, key=lambda c: c[1])
        slides.append(
            Slide(
                t("deck.by_channel", lang),
                t("deck.note.channel", lang, best=ranked[-1][0], worst=ranked[0][0]),
                chart=CategoryChart(
                    "bar",
                    t("deck.rate", lang),
                    tuple(c for c, _ in channels),
                    tuple(r for _, r in channels),
                    tuple(None for _ in channels),
                    "0%",
                ),
            )
        )
    return Section("results", t("deck.s.results", lang), (*slides, *roi))


def root_cause(a: ActionRow) -> tuple[str, str]:
    """The 5-Why chain before the root cause, and the root cause (the chain's last step)."""
    if not a.why_chain:
        return "", ""
    return " → ".join(a.why_chain[:-1]), a.why_chain[-1]


def _challenges(view: ReviewView) -> Section | None:
    lang = view.lang
    slides: list[Slide] = []
    problems = [a for a in view.actions if a.problem or a.why_chain]
    if problems:
        lab = view.labels.problem
        items = [
            t("deck.note.problem", lang, problem=a.problem, cause=root_cause(a)[1])
            for a in problems[:3]
        ]
        slides.append(
            Slide(
                t("deck.problems", lang),
                t(
                    "deck.note.problems",
                    lang,
                    count=len(problems),
                    items=_sentence_join(items, lang),
                ),
                table=Table(
                    (
                        lab["area"],
                        lab["problem"],
                        view.labels.why_chain,
                        t("deck.root_cause", lang),
                    ),
                    tuple((a.area, a.problem, *root_cause(a)) for a in problems),
                    (1.3, 2.6, 3.0, 2.2),
                ),
            )
        )
    lab = view.labels.lesson
    for group in view.lessons_by_category:
        entries = list(group.entries)
        slides.append(
            Slide(
                group.category,
                t(
                    "deck.note.lessons",
                    lang,
                    category=group.category,
                    count=len(entries),
                    first=entries[0].lesson,
                ),
                table=Table(
                    (lab["lesson"], lab["applies_to"], lab["evidence"]),
                    tuple((x.lesson, x.applies_to, x.evidence) for x in entries),
                    (3.6, 2.2, 2.6),
                ),
            )
        )
    return Section("challenges", t("deck.s.challenges", lang), tuple(slides))


def _improvements(view: ReviewView) -> Section | None:
    lang = view.lang
    actions = [a for a in view.actions if a.action]
    slides: list[Slide] = []
    if actions:
        lab = view.labels.problem
        # A done or dropped action needs no one's support: the asks are the open ones.
        asks = [
            a.action + "（" + t("report.owner_due", lang, owner=a.owner, due=a.due) + "）"
            if lang != "en"
            else f"{a.action} ({t('report.owner_due', lang, owner=a.owner, due=a.due)})"
            for a in [a for a in actions if not a.closed][:3]
        ]
        overdue = sum(a.overdue for a in actions)
        closed = sum(a.closed for a in actions)
        notes = _say(
            t("deck.note.asks", lang, items=_sentence_join(asks, lang)) if asks else "",
            t("deck.note.overdue", lang, count=overdue) if overdue else "",
            t("deck.note.closed", lang, count=closed, total=len(actions)) if closed else "",
        )
        slides.append(
            Slide(
                t("deck.actions", lang),
                notes,
                table=Table(
                    (
                        view.labels.priority,
                        lab["action"],
                        lab["owner"],
                        lab["due"],
                        lab["status"],
                    ),
                    tuple(
                        (
                            a.priority,
                            a.action,
                            a.owner,
                            a.due + (f" ⚠ {view.labels.overdue}" if a.overdue else ""),
                            a.status,
                        )
                        for a in actions
                    ),
                    (1.3, 4.0, 1.3, 1.9, 1.2),
                    marks=tuple("missed" if a.overdue else None for a in actions),
                    mark_column=3,
                ),
            )
        )
    if view.matrix is not None:
        m = view.matrix
        slides.append(
            Slide(
                m.title,
                t("deck.note.matrix", lang),
                chart=Matrix(
                    tuple(
                        MatrixPoint(
                            p.label or "?",
                            _LEVELS.index(p.effort) + 1,
                            _LEVELS.index(p.impact) + 1,
                            p.status,
                        )
                        for p in m.points
                    ),
                    m.x_axis,
                    m.y_axis,
                ),
            )
        )
    return Section("improvements", t("deck.s.improvements", lang), tuple(slides))
