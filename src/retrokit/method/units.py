"""Units: which bracketed text after a metric name is a unit, and what multiplier it carries.

总费用(万元) has the unit 万元 (10,000 元); 曝光量(主会场) has none: 主会场 is a place, not a
unit. A unit is an optional multiplier (万, 千, 百万, 亿, 10k, k, m) and a base unit from a
closed list in every language.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# fmt: off
BASE_UNITS = (
    "元", "圆", "块", "美元", "港元", "港幣", "港币", "人民币", "人民幣", "次", "人", "人次", "%",
    "pp", "uv", "pv", "单", "單", "个", "個", "件", "笔", "筆", "户", "戶", "位", "台", "张",
    "張", "份", "条", "條", "篇", "场", "場", "家", "秒", "分钟", "分鐘", "小时", "小時", "天",
    "日", "周", "週", "月", "年", "倍", "点", "點", "元/人", "元/单", "元/單", "元/次",
    "cny", "rmb", "yuan", "usd", "hkd", "twd", "ntd", "eur", "$", "¥", "people", "persons",
    "users", "times", "visits", "orders", "items", "pcs", "units", "clicks", "views", "s",
    "sec", "secs", "seconds", "min", "mins", "minutes", "h", "hr", "hrs", "hours", "days",
    "weeks", "months", "x", "ms",
)
MULTIPLIERS = {
    "万": 1e4, "萬": 1e4, "千": 1e3, "百": 1e2, "百万": 1e6, "百萬": 1e6, "千万": 1e7,
    "千萬": 1e7, "亿": 1e8, "億": 1e8, "10k": 1e4, "10 k": 1e4, "k": 1e3, "thousand": 1e3,
    "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
}
# fmt: on
_BASES = {b.casefold() for b in BASE_UNITS}
_MULT = sorted(MULTIPLIERS, key=len, reverse=True)
_BRACKETED = re.compile(r"[(\[]\s*([^()\[\]]{1,16}?)\s*[)\]]\s*$")


def split_unit(unit: str) -> tuple[float, str] | None:
    """(multiplier, base unit) of a unit: 万元 -> (10000, 元), 10k CNY -> (10000, CNY), 元 ->
    (1, 元); None when the text is no unit."""
    text = unicodedata.normalize("NFKC", unit).strip()
    key = text.casefold()
    if key in _BASES:
        return 1.0, text
    for m in _MULT:
        if key.startswith(m):
            rest = text[len(m) :].strip()
            if rest.casefold() in _BASES:
                return MULTIPLIERS[m], rest
    return None


@functools.lru_cache(maxsize=4096)
def unit_in_name(metric: str) -> str | None:
    """The unit written in brackets after a metric name, when it is one: 总费用(万元) -> 万元;
    曝光量(主会场) -> None."""
    m = _BRACKETED.search(metric if metric.isascii() else unicodedata.normalize("NFKC", metric))
    if m is None:
        return None
    unit = m.group(1)
    return unit if split_unit(unit) is not None else None
