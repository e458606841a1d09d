"""Numbers the way the reader's language writes them: 450万 / 4.5M, 80.0%, -1.0 pp, +12 万元."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

from retrokit.i18n import t
from retrokit.i18n.languages import Lang, language
from retrokit.method.analysis import KpiResult
from retrokit.method.units import CURRENCY_SIGNS, split_unit, unit_currency


class Quantified(Protocol):
    """What showing a KPI's numbers needs of it: a :class:`KpiResult`, or two actuals of one
    KPI across campaigns shown on one scale."""

    @property
    def unit(self) -> str | None: ...
    @property
    def form(self) -> str: ...
    @property
    def target(self) -> float | None: ...
    @property
    def actual(self) -> float | None: ...


#: From here on a number is shown in scientific notation: the compact forms end at 万亿 / T.
_COMPACT_LIMIT = 1e15


@lru_cache(maxsize=4)
def _babel(lang: Lang) -> Any:
    from babel import Locale

    return Locale.parse(language(lang).babel_locale)


def number(value: float, lang: Lang) -> str:
    """450万 and 1.2亿 in Chinese, 4.5M and 120M in English; small numbers as they are."""
    from babel.numbers import format_compact_decimal, format_decimal

    if not abs(value) < _COMPACT_LIMIT:  # babel's decimal context cannot quantize these
        return f"{value:.3g}"
    if abs(value) >= 10_000:
        return str(format_compact_decimal(value, locale=_babel(lang), fraction_digits=2))
    return str(format_decimal(round(value, 2), locale=_babel(lang), group_separator=False))


def with_currency(amount: str, currency: str) -> str:
    """An amount as written (48萬, 480K, -5K) with the currency it is counted in before its
    digits, after any sign: NT$48萬, £480K, -£5K, +¥12万. The one place a currency is written:
    every display of money (a budget, a money KPI, a finding's figure, a chart's labels) passes
    through here, and "" (no currency in the workbook) leaves the amount as it always was.

    Before the number, as Taiwan's and Hong Kong's marketing decks, annual reports and press
    write money (NT$48萬, NT$1.2億, HK$5萬) and as the UK and the US do (£480K); a sign after
    the number (48萬 NT$) reads as a unit word, which a currency sign is not."""
    if not currency or not amount:
        return amount
    if amount[0] in "+-±":
        return amount[0] + currency + amount[1:]
    return currency + amount


def money(value: float | None, lang: Lang, currency: str = "") -> str:
    """An amount of money on its own (a total budget): 60万, NT$48萬, £480K; "" for none."""
    return "" if value is None else with_currency(number(value, lang), currency)


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


#: The scales a row of target, actual and gap is shown in, largest first, per language:
#: (from which number, divided by, suffix).
_SCALES: dict[str, tuple[tuple[float, float, str], ...]] = {
    "zh-CN": ((1e8, 1e8, "亿"), (1e4, 1e4, "万")),
    "zh-TW": ((1e8, 1e8, "億"), (1e4, 1e4, "萬")),
    "en": ((1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "K")),
}


def _unit(kpi: Quantified, lang: Lang) -> tuple[float, str, str]:
    """(factor, unit shown after the number, currency shown before it). English folds a unit's
    multiplier into the number (10k CNY: 12 is shown 120K CNY); Chinese keeps the unit as
    written (12 万元). A currency sign goes before the number with the multiplier folded in,
    in every language (£K: 480 is £480K; NT$萬: 48 is NT$48萬)."""
    unit = kpi.unit if kpi.unit and kpi.unit != "%" else ""
    if not unit:
        return 1.0, "", ""
    parts = split_unit(unit)
    currency = unit_currency(unit)
    if currency:
        return (parts[0] if parts is not None else 1.0), "", currency
    if parts is not None and parts[0] != 1 and not lang.startswith("zh"):
        return parts[0], parts[1], ""
    return 1.0, in_script(unit, lang), ""


@lru_cache(maxsize=256)
def in_script(unit: str, lang: Lang) -> str:
    """A unit word in the script of ``lang``: the reader matches units in Simplified forms
    (單 is read as 单), a zh-TW page shows them in Traditional again (5,000 單, 60 萬元)."""
    from retrokit.i18n.languages import derive
    from retrokit.text import has_cjk

    return derive(unit, lang) if has_cjk(unit) else unit


#: Languages whose row scale is the largest that every number of the row reaches: Chinese
#: writes 10,000 / 8,000 / -2,000 rather than 1万 / 0.8万 / -0.2万 (its scales are 10^4 apart,
#: so no number grows past four digits before the next one). English takes the scale of the
#: row's largest number and writes fractions of it: 5M / 4.5M / -0.5M, 10K / 8K / -2K.
_SCALE_BY_SMALLEST = frozenset({"zh-CN", "zh-TW"})


def _scale(kpi: Quantified, factor: float, lang: Lang) -> tuple[float, str]:
    """One scale for the whole row (target, actual and gap), never 1万 / 8000: 500万 / 450万 /
    -50万, 10,000 / 8,000 / -2,000; in English 5M / 4.5M / -0.5M."""
    # A gap where the row has one (two actuals across campaigns have none).
    gap = getattr(kpi, "gap", None)
    return _row_scale((kpi.target, kpi.actual), factor, lang, differences=(gap,))


#: How small a row's difference may be in a Chinese scale its figures all reach: in 万 the
#: difference reaches it too (10,000 / 12,000 / +2,000, not 1万 / 1.2万 / +0.2万); in 亿, a
#: scale 10^4 above 万, figures of 3亿 and 3.2亿 are written so and their difference +0.2亿
#: (not 30000万 / 32000万 / +2000万), down to the 0.01亿 two decimals still show.
_DIFFERENCE_FLOOR = {1e8: 1e6}
#: The step every figure of a row written in 亿 is a whole number of: two decimals of 亿 must
#: show each of them exactly, or 10040万 / 10160万 / +120万 would read 1亿 / 1.02亿 / +0.01亿,
#: which neither adds up nor keeps the 40万.
_EXACT_STEP = {1e8: 1e6}


def _exact_in(step: float, figures: Iterable[float]) -> bool:
    return all(abs(v / step - round(v / step)) < 1e-6 for v in figures)


def _row_scale(
    row: Iterable[float | None],
    factor: float,
    lang: Lang,
    differences: Iterable[float | None] = (),
) -> tuple[float, str]:
    """The one scale of a row of numbers (see :func:`_scale`); ``differences``: the row's
    gap, shown in the scale of the figures it is the difference of."""
    values = [abs(v) * factor for v in row if v]
    apart = [abs(v) * factor for v in differences if v]
    if lang not in _SCALE_BY_SMALLEST:
        reference = max(values + apart, default=0.0)
        for start, size, suffix in _SCALES.get(lang, _SCALES["en"]):
            if reference >= start:
                return size, suffix
        return 1.0, ""
    smallest = min(values or apart, default=0.0)
    for start, size, suffix in _SCALES[lang]:
        floor = _DIFFERENCE_FLOOR.get(start, start)
        if smallest >= start and all(d >= floor for d in apart):
            step = _EXACT_STEP.get(start)
            if step is None or _exact_in(step, values + apart):
                return size, suffix
    return 1.0, ""


def _plain(value: float, kpi: Quantified, lang: Lang) -> str:
    factor, unit, currency = _unit(kpi, lang)
    size, suffix = _scale(kpi, factor, lang)
    return with_currency(_shown(value, factor, size, suffix, unit, lang), currency)


def _shown(value: float, factor: float, size: float, suffix: str, unit: str, lang: Lang) -> str:
    from babel.numbers import format_decimal

    shown = value * factor / size
    # Chinese writes a scaled number and its unit as one word (1万人, 1.2亿元); a plain number
    # keeps its space (12 万元), as do the other languages (4.5M CNY).
    space = "" if suffix and lang.startswith("zh") else " "
    if not abs(shown) < _COMPACT_LIMIT:  # babel's decimal context cannot quantize these
        return f"{shown:.3g}{suffix}" + (f"{space}{unit}" if unit else "")
    text = str(format_decimal(round(shown, 2), locale=_babel(lang), group_separator=size == 1))
    return f"{text}{suffix}" + (f"{space}{unit}" if unit else "")


class _SpendFigures:
    """Planned, spent and their difference as :func:`_scale` reads a KPI row's numbers."""

    unit = None
    form = "plain"

    def __init__(self, planned: float | None, actual: float | None) -> None:
        self.target, self.actual = planned, actual
        self.gap = None if planned is None or actual is None else actual - planned


def spending(
    planned: float | None,
    actual: float | None,
    lang: Lang,
    currency: str = "",
    table: Sequence[float | None] = (),
) -> tuple[str, str, str]:
    """(planned, spent, variance) of a budget line in one scale, as a KPI row's target, actual
    and gap are shown: 100K / 95K / -5K, not 100K / 95K / -5000; the variance signed, "" for a
    missing figure; in the budget's ``currency`` (£100K / £95K / -£5K). ``table``: the other
    amounts of the table the line is shown in (:func:`spend_table`), whose one scale it takes,
    so that a column never mixes 24万 with 120,000."""
    row = _SpendFigures(planned, actual)
    variance = row.gap
    planned_shown, actual_shown, variance_shown = amounts(
        (planned, actual, variance), lang, currency, within=table
    )
    if variance is None or variance == 0:
        difference = "" if variance is None else "0"  # not 0万
    else:
        difference = ("+" if variance > 0 else "") + variance_shown
    return planned_shown, actual_shown, difference


def spend_table(
    rows: Iterable[tuple[float | None, float | None]], *others: float | None
) -> tuple[float | None, ...]:
    """Every amount of a table of (planned, spent) rows, their variances and ``others`` (the
    lines' revenue), for :func:`spending` and :func:`amounts` to share one scale."""
    out: list[float | None] = list(others)
    for planned, actual in rows:
        out += [planned, actual, _SpendFigures(planned, actual).gap]
    return tuple(out)


def _table_scale(values: Sequence[float | None], lang: Lang) -> tuple[float, str]:
    """The one scale of a table of amounts (:func:`_row_scale`), in English never one that
    writes an amount of the table as less than a tenth of it: £240,000 beside £13, not £240K
    beside £0.01K; 1,003K against 1,000K, not 1M against 1M."""
    size, suffix = _row_scale(values, 1.0, lang)
    smallest = min((abs(v) for v in values if v), default=0.0)
    if lang in _SCALE_BY_SMALLEST or smallest >= size / 10:
        return size, suffix
    for _, step, name in _SCALES.get(lang, _SCALES["en"]):
        if step < size and smallest >= step / 10:
            return step, name
    return 1.0, ""


def amounts(
    values: Sequence[float | None],
    lang: Lang,
    currency: str = "",
    within: Sequence[float | None] = (),
) -> list[str]:
    """Amounts of money in one scale, that of ``values`` and the ``within`` amounts of the same
    table (a column of 24万 / 13万 / 5万, never 24万 / 13 / 5), in ``currency``; "" for none."""
    size, suffix = _table_scale((*values, *within), lang)
    return [
        ""
        if v is None
        else with_currency("0" if v == 0 else _shown(v, 1.0, size, suffix, "", lang), currency)
        for v in values
    ]  # 0, not 0万


def figures(
    values: Sequence[float | None],
    lang: Lang,
    unit: str | None = None,
    currency: str = "",
    word: str = "",
) -> list[str]:
    """A row of numbers (a goal's target, figure to date and projection) in one scale, as a
    KPI row's are: 10K / 8K, not 10K / 8000; percentages for the unit ``%``, "" for a
    missing figure; amounts in ``currency`` (£420K against £360K); a unit ``word`` after
    each as a KPI row writes it (10,000 人, 1万人, 500 users)."""
    if unit == "%":
        return ["" if v is None else percent(v) for v in values]
    size, suffix = _row_scale(values, 1.0, lang)
    shown_word = in_script(word, lang) if word else ""
    return [
        "" if v is None else with_currency(_shown(v, 1.0, size, suffix, shown_word, lang), currency)
        for v in values
    ]


def ratio(value: float) -> str:
    """A computed ratio (a return on spend) the way a KPI typed 1:3 is shown: 1:2.25, 1:0.91,
    two decimals at most (not 1:2.25227 nor 2.25)."""
    return f"1:{round(value, 2):g}"


def _ratio_places(values: Sequence[float | None]) -> int:
    """The decimals the finest of ``values`` needs, two at most (:func:`ratio`)."""
    return max(
        (len(f"{v:.2f}".rstrip("0").split(".")[1]) for v in values if v is not None), default=0
    )


def ratios(values: Sequence[float | None]) -> list[str]:
    """A column of computed ratios (the ROI of each budget line) in one precision, the
    finest :func:`ratio` needs for any of them: 1:3.00 / 1:2.20 / 1:1.69, not 1:3 beside
    1:2.2 and 1:1.69; "" for none."""
    places = _ratio_places(values)
    return ["" if v is None else f"1:{v:.{places}f}" for v in values]


def ratios_format(values: Sequence[float | None]) -> str:
    """Excel's number format of a chart of the ratios :func:`ratios` writes, in its one
    precision: ``"1:"0.00`` labels 3 as 1:3.00 beside 1:1.69."""
    places = _ratio_places(values)
    return '"1:"0' + ("." + "0" * places if places else "")


def chart_amounts(
    values: Sequence[float | None], lang: Lang, currency: str = ""
) -> tuple[tuple[float | None, ...], str]:
    """Amounts for a native chart, whose labels a number format writes: the values in the one
    scale :func:`figures` writes them in, rounded as it rounds, and the format that adds the
    scale's suffix and the ``currency``. 480,000 is 48 with ``General"万"`` (48万) in Chinese,
    480 with ``General"K"`` (480K) in English, ``"£"General"K"`` (£480K) in pounds, as the
    table beside the chart writes it."""
    size, suffix = _row_scale(values, 1.0, lang)
    scaled = tuple(None if v is None else round(v / size, 2) for v in values)
    sign = f'"{currency}"' if currency else ""
    if suffix:
        return scaled, f'{sign}General"{suffix}"'
    whole = all(v is None or v == int(v) for v in scaled)
    return scaled, sign + ("#,##0" if whole else "#,##0.00")


def quantity(value: float | None, kpi: Quantified, lang: Lang, currency: str = "") -> str:
    """A target or actual in the KPI's written form, in the row's scale and unit; with its own
    ``currency`` when the row's two are in two (HK$100萬 beside NT$350萬: KpiResult.currencies),
    a sign before the number, a word (元) after it."""
    if value is None:
        return ""
    if currency and kpi.form == "plain":
        amount = _plain(value, kpi, lang)
        if currency in CURRENCY_SIGNS:
            return with_currency(amount, currency)
        return amount + ("" if lang.startswith("zh") else " ") + in_script(currency, lang)
    if kpi.form == "percent":
        return percent(value)
    if kpi.form == "ratio":
        return f"1:{value:g}"
    if kpi.unit == "%":  # bare numbers of a metric in %: 5 and 4.6 are points, 0.05 a fraction
        return percent(value if _fractions(kpi) else value / 100)
    return _plain(value, kpi, lang)


def _fractions(kpi: Quantified) -> bool:
    """Whether a metric in % typed as bare numbers wrote them as fractions (0.05 and 0.046 for
    5% and 4.6%, cells without their percent format) rather than in points (5 and 4.6)."""
    values = [abs(v) for v in (kpi.target, kpi.actual) if v is not None]
    return bool(values) and max(values) <= 1


def gap(kpi: KpiResult, lang: Lang) -> str:
    """The gap with its sign and unit, in the row's scale: -1.0 pp, +12 万元, -50万."""
    if kpi.gap is None:
        return ""
    sign = "+" if kpi.gap > 0 else ("-" if kpi.gap < 0 else "±")
    magnitude = abs(kpi.gap)
    if kpi.form == "percent":
        return f"{sign}{magnitude * 100:.1f} pp"
    if kpi.unit == "%":  # bare numbers in %: their difference is in points too
        return f"{sign}{magnitude * (100 if _fractions(kpi) else 1):.1f} pp"
    if kpi.form == "ratio":
        return f"{sign}{magnitude:g}"
    return sign + _plain(magnitude, kpi, lang)


def rate(kpi: KpiResult, lang: Lang) -> str:
    if kpi.rate is not None:
        return percent(kpi.rate)
    return t("label.zero_actual" if kpi.status else "label.na", lang)


def date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
