"""The method's computation (DOMAIN.md): pure functions from read records to results.

Direction, gap, direction-aware achievement rate, result labels, roll-ups, action priority
and overdue actions. No I/O here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import compress, repeat
from operator import attrgetter, gt, is_
from typing import TYPE_CHECKING, Any

from retrokit.findings import Finding
from retrokit.method.direction import (
    NO_WORDS,
    Direction,
    DirectionSource,
    DirectionWords,
)
from retrokit.method.direction import infer_direction as _infer
from retrokit.method.units import (
    amount_currency,
    currencies_differ,
    in_named_unit,
    unit_in_name,
    unit_word_currency,
)
from retrokit.text import fold
from retrokit.workbook.reader import Record, Workbook
from retrokit.workbook.schema import DIMENSION, Lang
from retrokit.workbook.values import Quantity

if TYPE_CHECKING:
    from retrokit.method.plan import PlanAnalysis

#: The achievement rate from which a KPI counts as met, unless configured. The one place it is
#: written: the lint config, the rule settings and the workbook's threshold cell default to it.
DEFAULT_THRESHOLD = 0.9
ALL_CHANNELS = "all"
#: What a team types for every channel at once (folded): such KPIs group with those that name
#: none, so a report does not show 全渠道 and 全部渠道 as two channels.
_ALL_CHANNEL_WORDS = frozenset(
    {"全渠道", "全部渠道", "所有渠道", "全通路", "全部通路", "所有通路", "全平台", "全网",
     "all", "allchannels", "overall", "total"}
)  # fmt: skip


def channel_group(channel: str | None) -> str:
    """The group of a KPI's channel: :data:`ALL_CHANNELS` for none or for all of them."""
    if not channel:
        return ALL_CHANNELS
    return ALL_CHANNELS if fold(channel) in _ALL_CHANNEL_WORDS else channel


class Status(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    MISSED = "missed"


class Priority(StrEnum):
    QUICK_WIN = "quick_win"
    MAJOR_PROJECT = "major_project"
    FILL_IN = "fill_in"
    DEFER = "defer"


PRIORITY_ORDER = [Priority.QUICK_WIN, Priority.MAJOR_PROJECT, Priority.FILL_IN, Priority.DEFER]

# Impact x effort. High impact + low effort is a quick win, high + high a major project, low +
# low a fill-in, low + high deferred. Medium sits between: medium effort counts as cheap for a
# high- or low-impact problem, and a medium-impact problem is a quick win when cheap, a project
# to plan at medium effort and deferred when costly.
PRIORITY_TABLE: Mapping[tuple[str, str], Priority] = {
    ("high", "low"): Priority.QUICK_WIN,
    ("high", "medium"): Priority.QUICK_WIN,
    ("high", "high"): Priority.MAJOR_PROJECT,
    ("medium", "low"): Priority.QUICK_WIN,
    ("medium", "medium"): Priority.MAJOR_PROJECT,
    ("medium", "high"): Priority.DEFER,
    ("low", "low"): Priority.FILL_IN,
    ("low", "medium"): Priority.FILL_IN,
    ("low", "high"): Priority.DEFER,
}

# The arrows of a 5-Why chain in every width people type them (－＞, ＝＞, ＞, ￫ as well as ->, =>,
# >, →): the chain is split on the text as typed, so each step keeps its own full-width commas
# and brackets (NFKC would turn "决定，没有复核" into "决定,没有复核").
_GT = "[>\ufe65\uff1e]"
_ARROW = re.compile(
    rf"\s*(?:[-\ufe63\uff0d]+{_GT}|[=\u207c\u208c\ufe66\uff1d]+{_GT}|[→\uffeb⇒➔➜➡⟶]|{_GT})\s*"
)


# The per-row results are treated as immutable but not frozen: a frozen dataclass takes three
# times as long to build, which shows on a 100,000-row sheet.
@dataclass(slots=True)
class KpiResult:
    row: int
    dimension: str | None
    metric: str
    channel: str | None
    direction: Direction
    unit: str | None
    form: str  # plain | percent | ratio: how target and actual are written
    target: float | None
    actual: float | None
    gap: float | None
    rate: float | None
    status: Status | None
    core: bool
    analysis: str | None
    direction_source: DirectionSource = DirectionSource.DEFAULT  # see DirectionSource
    #: V004.zero / V004.signs / V004.range when the rate is undefined; V005.currency when
    #: target and actual are in two currencies (:attr:`currencies`)
    undefined_reason: str | None = None
    mixed_forms: bool = False  # one of target/actual a percentage, the other not (V005)
    #: A rate typed as a fraction in one cell and in percent points in the other (0.12 and 11:
    #: both read as percentages, V005.scale)
    mixed_scale: bool = False
    #: (the target's, the actual's) currency, as written, when the two cannot be one (HK$100萬
    #: against NT$350萬): no gap, rate or result is computed (V005.currency), and each figure
    #: is shown in its own currency.
    currencies: tuple[str, str] | None = None
    #: Plain figures from 0 to 1 shown as percentages because the name counts in percent
    #: (转化率 0.12 / 0.1: 12.0% / 10.0%; see _percent_by_name).
    percent_by_name: bool = False
    record: Record | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class ProblemResult:
    row: int
    area: str | None
    problem: str | None
    metric: str | None
    root_cause: str | None
    why_chain: tuple[str, ...]
    action: str | None
    owner: str | None
    due: dt.date | None
    expected: str | None
    impact: str | None
    effort: str | None
    status: str | None
    priority: Priority | None
    overdue: bool
    carried_from: str | None = None
    record: Record | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class LessonResult:
    row: int
    category: str | None
    lesson: str | None
    applies_to: str | None
    evidence: str | None
    recorded_by: str | None
    recorded_on: dt.date | None


@dataclass(frozen=True)
class Analysis:
    file: str
    lang: Lang
    info: Mapping[str, Any]
    kpis: tuple[KpiResult, ...]
    problems: tuple[ProblemResult, ...]
    lessons: tuple[LessonResult, ...]
    summary: Mapping[str, Any]
    today: dt.date
    threshold: float
    findings: tuple[Finding, ...] = ()
    #: The campaign's plan, analysed, when the review is read with one (``--plan``, or the
    #: plan's sheets kept in the review's own workbook); its findings stay with it.
    plan: PlanAnalysis | None = None
    #: The currency of the review's budget, as shown (NT$, £, ¥): the one its budget cell is
    #: typed with or its label names; "" when neither says one (a KPI's is not the budget's).
    currency: str = ""


# --- KPIs ------------------------------------------------------------------------------------


def infer_direction(
    dimension: str | None, metric: str, words: DirectionWords = NO_WORDS
) -> Direction:
    """The direction a KPI's name and dimension suggest (see :mod:`retrokit.method.direction`)."""
    return _infer(dimension, metric, words)[0]


def kpi_direction(
    explicit: str | None,
    dimension: str | None,
    metric: str,
    *quantities: Quantity | None,
    words: DirectionWords = NO_WORDS,
    unit: str | None = None,
) -> tuple[Direction, DirectionSource]:
    """The Direction column if filled, then a threshold sign (≥5%, <=3秒), then the team's
    words, the name (with ``unit``, a time's when only it makes the figure one: 发货 24小时),
    the cost dimension; and which of them said it."""
    if explicit:
        return Direction(explicit), DirectionSource.COLUMN
    for q in quantities:
        if q is not None and q.direction:
            return Direction(q.direction), DirectionSource.SIGN
    return _infer(dimension, metric, words, unit)


def achievement_rate(
    target: float, actual: float, direction: Direction
) -> tuple[float | None, str | None]:
    """actual/target when higher is better, target/actual when lower is better.

    Returns (rate, None) or (None, reason) when the ratio is undefined: a zero target, or signs
    that make it meaningless (a negative target; a lower-is-better actual below zero). A
    lower-is-better actual of 0 has no ratio either, but is no error: (None, None).
    """
    if target == 0:
        return None, "V004.zero"
    if target < 0:
        return None, "V004.signs"
    if direction is Direction.LOWER:
        if actual == 0:
            return None, None  # exceeded, with no ratio to show (kpi_status)
        if actual < 0:
            return None, "V004.signs"
        rate = target / actual
    else:
        rate = actual / target
    if not math.isfinite(rate):  # 1e300 / 1e-300: no float holds it
        return None, "V004.range"
    return rate, None


def kpi_status(
    target: float | None,
    actual: float | None,
    direction: Direction,
    rate: float | None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Status | None:
    """The label of a KPI: its rate's (:func:`result_status`), except that a lower-is-better
    actual of 0 against a positive target (no complaints where 10 were allowed) is exceeded,
    the best outcome there is, though target/actual has no value."""
    if direction is Direction.LOWER and actual == 0 and target is not None and target > 0:
        return Status.EXCEEDED
    return result_status(rate, threshold)


def result_status(rate: float | None, threshold: float = DEFAULT_THRESHOLD) -> Status | None:
    """exceeded above 100%, met from the threshold up to 100%, missed below it."""
    if rate is None:
        return None
    r = rate
    if abs(r - 1) < 1e-9 or abs(r - threshold) < 1e-9:
        # 0.9000000000000001 is 90%. Rounding moves a rate by under 1e-12, so it can only
        # change a comparison this close to a boundary; elsewhere it would cost for nothing.
        r = round(r, 12)
    if r > 1:
        return Status.EXCEEDED
    if r >= threshold:
        return Status.MET
    return Status.MISSED


def unit_of(metric: str) -> str | None:
    """The unit written in brackets after a metric name: 总费用(万元) -> 万元 (not 主会场)."""
    return unit_in_name(metric)


def _reconcile(target: Quantity, actual: Quantity) -> tuple[float, float, str, bool]:
    """Bring target and actual to one form.

    A bare number beside a percentage was typed either as a fraction (0.04, a cell without
    its percent format) or in percent points (4 meaning 4%). It is read as whichever puts it
    closer in ratio to the percentage beside it, the same way whether it is the target or the
    actual: 4 beside 5% is 4%, 0.6 beside 0.5% is 0.6%, 1 beside 50% is 100%. The pair is
    still flagged (V005): the reading is a guess that a uniform writing removes.
    """
    t, a = target.value, actual.value
    forms = {target.form, actual.form}
    if forms == {"percent", "plain"}:
        if actual.form == "plain":
            a = _as_percentage(a, t)
        else:
            t = _as_percentage(t, a)
        return t, a, "percent", True
    if "ratio" in forms:
        return t, a, "ratio", False
    return t, a, target.form, False


#: A metric counted in percent (转化率, 占比, CTR, Sign-up rate (%)); a return on spend, also
#: called 投资回报率, is a ratio.
_PERCENT_METRIC = re.compile(r"率|占比|佔比|比例|ctr|cvr|\brate\b|%", re.IGNORECASE)
_RETURN_METRIC = re.compile(r"roi|roas|回报|回報|投产|投產|产出|產出", re.IGNORECASE)


def _fraction_and_points(metric: str, t: float, a: float) -> tuple[float, float] | None:
    """A rate's target and actual as fractions when one was typed as a fraction and the other
    in percent points (0.12 and 11 for 12% and 11%), or None. Read so only when the metric is
    counted in percent, one number is above 1 and the other not, and the reading brings the
    two far closer in ratio than as typed: a growth rate of 0.5 against 1.2 stays as typed."""
    if not (t > 0 and a > 0) or (t > 1) == (a > 1):
        return None
    if not _PERCENT_METRIC.search(metric) or _RETURN_METRIC.search(metric):
        return None
    read = (t / 100, a) if t > 1 else (t, a / 100)
    as_typed, as_read = abs(math.log(a / t)), abs(math.log(read[1] / read[0]))
    # Read so only when the two then lie within a factor of three: a target of 20 beside an
    # actual of 0.8 may well be a collapse to 0.8%, and stays as typed.
    if as_read * 2 < as_typed and as_read < math.log(3):
        return read
    return None


def _as_percentage(plain: float, percentage: float) -> float:
    """``plain`` as a fraction or as percent points, whichever is closer to ``percentage`` in
    ratio; a tie, a zero or opposite signs leave it to its size (1 and more: points)."""
    points = plain / 100
    if plain * percentage > 0:
        as_fraction = abs(math.log(plain / percentage))
        as_points = abs(math.log(points / percentage))
        if abs(as_fraction - as_points) > 1e-9:  # 1 beside 10% is 100% or 1%: a tie
            return plain if as_fraction < as_points else points
    return points if abs(plain) >= 1 else plain


def _two_currencies(
    target: Quantity | None, actual: Quantity | None, named: str | None, header: str
) -> tuple[str, str] | None:
    """(target's, actual's) currency when both name one and they cannot be the same (HK$ and
    NT$, NT$ and ¥, £ and $; ¥, RMB and 元 are one), each as written or else the row's (the
    metric's unit, 营收(NT$萬), or the ``header`` currency of both amount columns); None
    otherwise: a currency on one side only (NT$150 against 40) keeps the reading it always
    had. Most rows name none, and are passed at the first test."""
    if target is None or actual is None:
        return None
    if not (target.currency or actual.currency or target.unit or actual.unit):
        return None
    ours, theirs = amount_currency(target), amount_currency(actual)
    if not ours and not theirs:
        return None
    row = unit_word_currency(named) or header
    ours, theirs = ours or row, theirs or row
    return (ours, theirs) if currencies_differ(ours, theirs) else None


#: Names whose 率 is no percentage (a frequency, a turnover, a multiple, an exchange rate, an
#: efficiency) or that name their figures' own unit: 转化率 % with 0.8 is 0.8 points, 投诉率‰
#: with 0.5 is 0.5 per mille.
_NOT_FRACTIONS = re.compile(r"频率|頻率|周转|週轉|周轉|倍率|汇率|匯率|效率|功率|[%％‰]")


def _percent_by_name(metric: str, t: float | None, a: float | None) -> bool:
    """Whether plain figures are fractions of a rate: a metric counted in percent by its name
    (转化率, CTR, Bounce rate; never ROI, a frequency or a name carrying its unit) whose
    figures all lie from 0 to 1 (1 is 100%)."""
    if (t is None and a is None) or not (t is None or 0 <= t <= 1):
        return False
    if not (a is None or 0 <= a <= 1):
        return False
    return (
        _PERCENT_METRIC.search(metric) is not None
        and _RETURN_METRIC.search(metric) is None
        and _NOT_FRACTIONS.search(metric) is None
    )


def _one_form_per_metric(kpis: tuple[KpiResult, ...]) -> tuple[KpiResult, ...]:
    """A metric's rows shown one way: when one channel's figures are plain numbers above 1
    (点击率 1.2 / 0.9, in points), its rows read as fractions by their name (0.9 / 0.7) are
    shown as typed too, not as 90.0% beside 1.2."""
    if not any(k.percent_by_name for k in kpis):
        return kpis
    in_points = {
        fold(k.metric)
        for k in kpis
        if k.form == "plain" and any(v is not None and abs(v) > 1 for v in (k.target, k.actual))
    }
    return tuple(
        replace(k, form="plain", unit=None, percent_by_name=False)
        if k.percent_by_name and fold(k.metric) in in_points
        else k
        for k in kpis
    )


def _round10(x: float) -> float:
    """``round(x, 10)``, skipped for a whole number, which it leaves as it is (and which
    most targets and actuals are): the rounding is a slow call."""
    return round(x, 10) if x.__class__ is float and not x.is_integer() else x


def evaluate_kpi(
    record: Record,
    threshold: float = DEFAULT_THRESHOLD,
    words: DirectionWords = NO_WORDS,
    currency: str = "",
) -> KpiResult:
    """One KPI row: its direction, gap, achievement and result. ``currency`` is the one its
    target and actual headers are counted in (目标值(£K)), the unit of a plain figure that has
    none of its own."""
    v = record.values
    metric: str = v.get("metric", "")  # text columns hold their trimmed text (Record.text)
    target: Quantity | None = v.get("target")
    actual: Quantity | None = v.get("actual")
    named = unit_of(metric)
    written = named or (target.unit if target else "") or (actual.unit if actual else "")
    direction, source = kpi_direction(
        v.get("direction"), v.get("dimension"), metric, target, actual, words=words, unit=written
    )
    if named is not None:
        # Target and actual in the unit of the KPI's name: 72万 in 总费用(万元) is 72, and
        # ¥240,000 (an amount written in its currency's units) is 24.
        target, actual = in_named_unit(target, named), in_named_unit(actual, named)
    given = target or actual
    unit = (
        written
        # An amount typed with its currency (£12,000) is counted in it, as one named 收入(£).
        or (target.currency if target and target.form == "plain" else "")
        or (actual.currency if actual and actual.form == "plain" else "")
        or (currency if given is not None and given.form == "plain" else "")
    )
    gap = rate = None
    reason = None
    mixed = False
    form: str = given.form if given is not None else "plain"
    t = a = None
    mixed_scale = False
    currencies = _two_currencies(target, actual, named, currency)
    if currencies is not None and target is not None and actual is not None:
        # HK$100萬 against NT$350萬: no rate, gap or result without an exchange rate.
        t, a, unit, reason = target.value, actual.value, "", "V005.currency"
    elif target is not None and actual is not None:
        t, a, form, mixed = _reconcile(target, actual)
        if form == "plain" and (read := _fraction_and_points(metric, t, a)) is not None:
            (t, a), form, mixed_scale = read, "percent", True
        difference = a - t
        gap = _round10(difference) if math.isfinite(difference) else None
        rate, reason = achievement_rate(t, a, direction)
    elif target is not None:
        t = target.value
    elif actual is not None:
        a = actual.value
    by_name = form == "plain" and not unit and not currencies and _percent_by_name(metric, t, a)
    if by_name:
        form = "percent"  # 转化率 0.12 and 0.1: fractions of a rate, shown 12.0% and 10.0%
    if form == "percent" and not unit:
        unit = "%"
    return KpiResult(
        row=record.row,
        dimension=v.get("dimension"),
        metric=metric,
        channel=v.get("channel"),
        direction=direction,
        direction_source=source,
        unit=unit or None,
        form=form,
        target=None if t is None else _round10(t),
        actual=None if a is None else _round10(a),
        gap=gap,
        rate=None if rate is None else _round10(rate),
        status=None if currencies else kpi_status(t, a, direction, rate, threshold),
        core=v.get("core") == "yes",
        analysis=v.get("analysis"),
        undefined_reason=reason,
        mixed_forms=mixed,
        mixed_scale=mixed_scale,
        currencies=currencies,
        percent_by_name=by_name,
        record=record,
    )


#: How far apart a KPI's target and actual lie before they are most likely typed in two units
#: (500万 against 450; 60 against 720000 in 总费用(万元)): fifty times either way. A budget
#: line asks at a hundredfold (B002.scale), but a KPI's slip lands at the slip times the true
#: achievement: 1.6亿 typed for 160万 against 200万 is 80 times, a 100-fold slip of an 80% KPI.
UNITS_APART = 50


def units_apart(kpi: KpiResult) -> bool:
    """Whether a KPI's target and actual are fifty times or more apart (:data:`UNITS_APART`):
    both non-zero and of one sign, plain amounts or counts (not a rate, a percentage or a
    ratio such as ROI), and not already said to be written in two forms or currencies."""
    t, a = kpi.target, kpi.actual
    if not t or not a or (t > 0) != (a > 0):
        return False
    if kpi.form != "plain" or kpi.unit == "%" or kpi.currencies is not None:
        return False
    if kpi.mixed_forms or kpi.mixed_scale:
        return False
    if _PERCENT_METRIC.search(kpi.metric) or _RETURN_METRIC.search(kpi.metric):
        return False
    return not 1 / UNITS_APART <= a / t <= UNITS_APART


KPI_NAME_SEPARATOR = " · "


def kpi_name(metric: str, channel: str | None) -> str:
    """How a KPI is named wherever it is shown: ``指标 · 渠道`` when it has a channel, since the
    same metric on two channels is two KPIs."""
    return f"{metric}{KPI_NAME_SEPARATOR}{channel}" if channel else metric


class Change(StrEnum):
    """How a KPI moved between two campaigns, as its direction reads it."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"


def change(
    before: float | None, after: float | None, direction: Direction = Direction.HIGHER
) -> Change | None:
    """Improved, worsened or unchanged from ``before`` to ``after`` (None when one is
    missing): a fall is an improvement when lower is better."""
    if before is None or after is None:
        return None
    delta = after - before
    if abs(delta) <= 1e-9 * max(1.0, abs(before), abs(after)):
        return Change.UNCHANGED
    better = delta < 0 if direction is Direction.LOWER else delta > 0
    return Change.IMPROVED if better else Change.WORSENED


# --- problems and lessons --------------------------------------------------------------------


def why_chain(root_cause: str) -> tuple[str, ...]:
    """A 5-Why chain written with arrows (-> → ＞) split into its steps, each as typed."""
    return tuple(step for step in (s.strip() for s in _ARROW.split(root_cause)) if step)


def priority(impact: str | None, effort: str | None) -> Priority | None:
    if impact is None or effort is None:
        return None
    return PRIORITY_TABLE[(impact, effort)]


def is_overdue(due: dt.date | None, status: str | None, today: dt.date) -> bool:
    """Due before today and not done or dropped (a blank status counts as open)."""
    return due is not None and due < today and status not in ("done", "dropped")


def evaluate_problem(record: Record, today: dt.date) -> ProblemResult:
    v = record.values
    root = record.text("root_cause") or None
    return ProblemResult(
        row=record.row,
        area=record.text("area") or None,
        problem=record.text("problem") or None,
        metric=record.text("metric") or None,
        root_cause=root,
        why_chain=why_chain(root) if root else (),
        action=record.text("action") or None,
        owner=record.text("owner") or None,
        due=v.get("due"),
        expected=record.text("expected") or None,
        impact=v.get("impact"),
        effort=v.get("effort"),
        status=v.get("status"),
        priority=priority(v.get("impact"), v.get("effort")),
        overdue=is_overdue(v.get("due"), v.get("status"), today),
        carried_from=record.text("carried_from") or None,
        record=record,
    )


def _priority_key(p: ProblemResult) -> tuple[int, int, dt.date, int]:
    rank = PRIORITY_ORDER.index(p.priority) if p.priority else len(PRIORITY_ORDER)
    impact = {"high": 0, "medium": 1, "low": 2}.get(p.impact or "", 3)
    return (rank, impact, p.due or dt.date.max, p.row)


def evaluate_lesson(record: Record) -> LessonResult:
    v = record.values
    return LessonResult(
        row=record.row,
        category=v.get("category"),
        lesson=record.text("lesson") or None,
        applies_to=record.text("applies_to") or None,
        evidence=record.text("evidence") or None,
        recorded_by=record.text("recorded_by") or None,
        recorded_on=v.get("recorded_on"),
    )


# --- roll-ups --------------------------------------------------------------------------------


_STATUSES = (Status.EXCEEDED, Status.MET, Status.MISSED)


def reached(kpi: KpiResult) -> bool:
    """Whether the KPI reached its goal: an achievement of 100% or more (exceeded, or met at
    exactly 100%). A KPI met at 90% is "met", not reached."""
    return kpi.status is Status.EXCEEDED or (
        kpi.status is Status.MET and kpi.rate is not None and round(kpi.rate, 12) >= 1
    )


def _counts_of(total: int, tally: Mapping[Status | None, int], at_goal: int) -> dict[str, Any]:
    """Counts by label from a tally of statuses (None: unrated); ``at_goal`` is how many of
    the met KPIs are at exactly 100%, reached with the exceeded ones."""
    counts: dict[str, Any] = {"kpis": total}
    for status in _STATUSES:
        counts[status.value] = tally.get(status, 0)
    counts["unrated"] = tally.get(None, 0)
    rated = total - counts["unrated"]
    # The share of the rated KPIs that reached their goal (100% or more), as the report's
    # 达成占比 and the core line's 达成 say it.
    counts["reached_share"] = round((counts["exceeded"] + at_goal) / rated, 10) if rated else None
    return counts


def _at_goal(kpis: tuple[KpiResult, ...]) -> list[KpiResult]:
    """The met KPIs at exactly 100%: reached, though not exceeded. Those near 100% are picked
    in C (a sheet may have 100,000 rows, few of them at 100%); a met KPI has a rate."""
    met = list(compress(kpis, map(is_, map(_status, kpis), repeat(Status.MET))))
    near = compress(met, map(gt, map(_rate, met), repeat(1 - 1e-9)))
    return [k for k in near if reached(k)]


def _by_group(
    kpis: tuple[KpiResult, ...],
    group: str,
    rename: Callable[[Any], Any],
    at_goal: list[KpiResult],
) -> dict[Any, dict[str, Any]]:
    """Counts per value of the ``group`` field, in first-seen order. The (group, status)
    pairs are tallied in C (a sheet may have 100,000 rows); ``rename`` then merges groups,
    such as a blank channel into all channels. ``at_goal``: the met KPIs at 100% (few)."""
    tallies: dict[Any, Counter[Status | None]] = {}
    for (value, status), n in Counter(map(attrgetter(group, "status"), kpis)).items():
        tallies.setdefault(rename(value), Counter())[status] += n
    at_100 = Counter(rename(getattr(k, group)) for k in at_goal)
    return {value: _counts_of(sum(t.values()), t, at_100[value]) for value, t in tallies.items()}


_status = attrgetter("status")
_rate = attrgetter("rate")


def overall_rate(kpis: tuple[KpiResult, ...]) -> tuple[float | None, str]:
    """The mean achievement of the core KPIs (of all KPIs when none is core), each capped at
    100% so that one overshoot cannot hide a miss; unrated KPIs are left out. Returns the rate
    (None when no KPI is rated) and its basis, ``core`` or ``all``."""
    core = [k for k in kpis if k.core]
    basis = "core" if core else "all"
    rates = [
        1.0 if k.rate is None else min(k.rate, 1.0)
        for k in (core or kpis)
        if k.rate is not None or k.status is Status.EXCEEDED
    ]
    return (round(sum(rates) / len(rates), 10) if rates else None), basis


def summarise(kpis: tuple[KpiResult, ...]) -> dict[str, Any]:
    """Counts by label overall, per dimension (in the list's order) and per channel, and the
    overall rate."""
    at_goal = _at_goal(kpis)
    summary = _counts_of(len(kpis), Counter(map(_status, kpis)), len(at_goal))
    summary["overall_rate"], summary["overall_basis"] = overall_rate(kpis)
    dims = _by_group(kpis, "dimension", lambda d: d, at_goal)
    order = [c.code for c in DIMENSION.choices]
    summary["by_dimension"] = {
        code or "unspecified": dims[code] for code in [*order, None] if code in dims
    }
    summary["by_channel"] = _by_group(kpis, "channel", channel_group, at_goal)
    summary["core_missed"] = [
        kpi_name(k.metric, k.channel) for k in kpis if k.core and k.status is Status.MISSED
    ]
    return summary


def _info(record: Record | None) -> dict[str, Any]:
    from retrokit.workbook.schema import INFO

    out: dict[str, Any] = {}
    for column in INFO.columns:
        value = record.values.get(column.key) if record else None
        if isinstance(value, Quantity):
            value = value.value
        out[column.key] = value
    return out


def _review_currency(workbook: Workbook) -> str:
    """:attr:`Analysis.currency`: the basic info's budget cell's, or its label's (预算(£K));
    "" otherwise. A KPI's currency is not the budget's (海外广告花费(US$) in a review whose
    budget is in yuan)."""
    from retrokit.method.units import unit_currency

    info = workbook.info
    budget = info.values.get("budget") if info is not None else None
    if isinstance(budget, Quantity) and budget.currency:
        return budget.currency
    match = workbook.sheets.get("info")
    return unit_currency(match.units.get("budget")) if match is not None else ""


def _header_currency(workbook: Workbook) -> str:
    """The currency both KPI amount headers are counted in (目标值(£K) and 实际值(£K)), or ""."""
    from retrokit.method.units import unit_currency

    match = workbook.sheets.get("kpis")
    units = match.units if match is not None else {}
    target, actual = unit_currency(units.get("target")), unit_currency(units.get("actual"))
    return target if target == actual else ""


def analyze(
    workbook: Workbook,
    *,
    today: dt.date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    findings: tuple[Finding, ...] | None = None,
    words: DirectionWords = NO_WORDS,
) -> Analysis:
    """Compute every KPI, problem and lesson of a read workbook."""
    today = today or dt.date.today()
    currency = _header_currency(workbook)
    kpis = _one_form_per_metric(
        tuple(evaluate_kpi(r, threshold, words, currency) for r in workbook.kpis)
    )
    problems = tuple(
        sorted((evaluate_problem(r, today) for r in workbook.problems), key=_priority_key)
    )
    lessons = tuple(evaluate_lesson(r) for r in workbook.lessons)
    return Analysis(
        file=workbook.path,
        lang=workbook.lang,
        info=_info(workbook.info),
        kpis=kpis,
        problems=problems,
        lessons=lessons,
        summary=summarise(kpis),
        today=today,
        threshold=threshold,
        findings=workbook.findings if findings is None else findings,
        currency=_review_currency(workbook),
    )
