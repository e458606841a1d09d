"""Numbers the way the reader's language writes them: 450万 / 4.5M, 80.0%, -1.0 pp, +12 万元."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from retrokit.i18n import t
from retrokit.i18n.languages import Lang, language
from retrokit.method.analysis import KpiResult

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


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def quantity(value: float | None, kpi: KpiResult, lang: Lang) -> str:
    """A target or actual in the KPI's written form."""
    if value is None:
        return ""
    if kpi.form == "percent":
        return percent(value)
    if kpi.form == "ratio":
        return f"1:{value:g}"
    return number(value, lang)


def gap(kpi: KpiResult, lang: Lang) -> str:
    """The gap with its sign and unit: -1.0 pp, +12 万元, -50万."""
    if kpi.gap is None:
        return ""
    sign = "+" if kpi.gap > 0 else ("-" if kpi.gap < 0 else "±")
    magnitude = abs(kpi.gap)
    if kpi.form == "percent":
        return f"{sign}{magnitude * 100:.1f} pp"
    if kpi.form == "ratio":
        return f"{sign}{magnitude:g}"
    shown = f"{sign}{number(magnitude, lang)}"
    unit = kpi.unit if kpi.unit and kpi.unit != "%" else ""
    return f"{shown} {unit}" if unit else shown


def rate(kpi: KpiResult, lang: Lang) -> str:
    return percent(kpi.rate) if kpi.rate is not None else t("label.na", lang)


def date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
