"""Units: which bracketed text after a metric name is a unit, and what multiplier it carries.

总费用(万元) has the unit 万元 (10,000 元); 曝光量(主会场) has none: 主会场 is a place, not a
unit. A unit is an optional multiplier (万, 千, 百万, 亿, 10k, k, m) and a base unit from a
closed list in every language.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata

from retrokit.workbook.values import Quantity, written_in_full

# fmt: off
BASE_UNITS = (
    "元", "圆", "块", "美元", "港元", "港幣", "港币", "人民币", "人民幣", "次", "人", "人次", "%",
    "pp", "uv", "pv", "单", "單", "个", "個", "件", "笔", "筆", "户", "戶", "位", "台", "张",
    "張", "份", "条", "條", "篇", "场", "場", "家", "秒", "分钟", "分鐘", "小时", "小時", "天",
    "日", "周", "週", "月", "年", "倍", "点", "點", "元/人", "元/单", "元/單", "元/次",
    "cny", "rmb", "yuan", "usd", "hkd", "twd", "ntd", "eur", "$", "¥", "people", "persons",
    "users", "times", "visits", "orders", "items", "pcs", "units", "clicks", "views", "s",
    "sec", "secs", "seconds", "min", "mins", "minutes", "h", "hr", "hrs", "hours", "days",
    "weeks", "months", "x", "ms", "gbp", "£", "€", "jpy", "sgd", "aud", "cad", "nt$", "hk$",
    "us$", "s$",
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
    if key in MULTIPLIERS and key != "m":  # 销售额(万), Sales (K): m alone may be metres
        return MULTIPLIERS[key], ""
    for m in _MULT:
        if key.startswith(m):
            rest = text[len(m) :].strip()
            if rest.casefold() in _BASES:
                return MULTIPLIERS[m], rest
        elif key.endswith(m) and len(key) > len(m):  # the currency first: £K, USD K, 元万
            rest = text[: -len(m)].strip()
            if rest.casefold() in _BASES and rest not in ("%", "x"):
                return MULTIPLIERS[m], rest
    return None


@functools.lru_cache(maxsize=4096)
def unit_in_name(metric: str) -> str | None:
    """The unit written in brackets after a metric name, when it is one: 总费用(万元) -> 万元;
    曝光量(主会场) -> None."""
    text = metric if metric.isascii() else unicodedata.normalize("NFKC", metric)
    m = _BRACKETED.search(text)
    if m is None:
        return None
    unit = m.group(1)
    if split_unit(unit) is not None:
        return unit
    return _wan(unit, text[: m.start()])


def _wan(unit: str, name: str) -> str | None:
    """A unit written with w for 万 (from its pinyin, wan), as Chinese writers do: 曝光量(w) and
    销售额(W) are in 万, 播放量(w次) in 万次; given as 万 so that every reader of the unit knows
    it. Only in a name written in Chinese or before a Chinese unit: in English, Watch time (w)
    is as likely weeks or watts, and is no unit."""
    from retrokit.text import has_cjk

    if unit[:1] not in ("w", "W"):
        return None
    rest = unit[1:].strip()
    if rest and (rest.casefold() not in _BASES or not has_cjk(rest)):
        return None
    return "万" + rest if has_cjk(name) or rest else None


_ANY_BRACKETED = re.compile(r"[(\[]\s*([^()\[\]]{1,16}?)\s*[)\]]")


def multiplier(unit: str | None) -> float:
    """The multiplier of a unit: 万元 -> 10,000, 元 -> 1; 1 for no unit or text that is none."""
    parts = split_unit(unit) if unit else None
    return parts[0] if parts is not None else 1.0


@functools.lru_cache(maxsize=1024)
def header_unit(label: str) -> str | None:
    """The unit in a column header's brackets that gives the plain numbers under it a
    multiplier: 计划金额（万元） -> 万元, Budget (£K) -> £K, a bare multiplier (万, 10k, K)
    too; None for a header without one (工期(天), 目标值 *, 金额（必填）). ``m`` alone is not
    read as a million: it is as likely metres."""
    for inside in bracketed_units(label):
        key = inside.casefold()
        if key in MULTIPLIERS and key != "m":
            return inside
        parts = split_unit(inside)
        if parts is not None and parts[0] != 1:
            return inside
    return None


def header_scale(label: str) -> float:
    """The multiplier a column header's unit gives the plain numbers under it (:func:`header_unit`):
    计划金额（万元） and Planned (10k CNY) -> 10,000, 实际花费(千元) -> 1,000; 1 for none."""
    unit = header_unit(label)
    return 1.0 if unit is None else multiplier(unit)


def bracketed_units(label: str) -> list[str]:
    """What a header says in brackets (工期（周）: 周; Planned (10k CNY): 10k CNY), in order."""
    text = unicodedata.normalize("NFKC", label)
    return [m.group(1).strip() for m in _ANY_BRACKETED.finditer(text)]


def in_unit(value: float, scale: float, unit: str | None, *, in_base: bool = False) -> float:
    """A figure in a unit with a multiplier (a KPI or goal named 总费用(万元)): a number written
    bare is already in it (60 is 60 万元); one that carries a multiplier, typed (72万) or from
    its column's header, or that is written in the base with its currency (``in_base``:
    ¥240,000) is converted into it (72万 is 72 万元, ¥240,000 is 24). Without a multiplier in
    the unit the value is as read."""
    size = multiplier(unit)
    return value if (scale == 1 and not in_base) or size == 1 else value / size


def typed_in_base(q: Quantity, unit: str | None) -> bool:
    """Whether ``q`` is written in the base of ``unit`` with its currency (¥240,000 for a KPI
    named 销售额(万元)), so that :func:`in_unit` converts it (see
    :func:`~retrokit.workbook.values.written_in_full`: ¥60 there is 60 万元)."""
    return written_in_full(q, multiplier(unit))


def in_named_unit(q: Quantity | None, unit: str | None) -> Quantity | None:
    """A target or actual in the unit of its metric's name (:func:`in_unit`: 72万 in 总费用(万元)
    is 72, ¥240,000 is 24), when it carries a multiplier or a currency of its own; as it is
    otherwise."""
    if q is None or (q.scale == 1 and not q.currency):
        return q
    return dataclasses.replace(
        q, value=in_unit(q.value, q.scale, unit, in_base=typed_in_base(q, unit))
    )


def to_base(value: float, scale: float, unit: str | None, *, in_base: bool = False) -> float:
    """A figure in its unit's base (元 for 万元): a bare number is multiplied by the unit's
    multiplier, one that carries its own (typed 6万, or from its header) is already there."""
    return value * multiplier(unit) if scale == 1 and not in_base else value


#: The currency signs shown before an amount (:func:`retrokit.workbook.values.currency_shown`
#: writes every sign and code as one of these): NT$48萬, £480K, ¥60万.
CURRENCY_SIGNS = ("¥", "$", "£", "€", "NT$", "HK$", "US$", "S$", "A$", "C$")
_SIGNS = {s.casefold(): s for s in CURRENCY_SIGNS}


def unit_currency(unit: str | None) -> str:
    """The currency sign a unit is counted in, as shown: £K and (£) -> £, NT$萬 -> NT$; "" for
    a unit without one (万元, 10k CNY, 人: a code or 元 keeps the unit as written)."""
    parts = split_unit(unit) if unit else None
    if parts is None:
        return ""
    base = parts[1].casefold()
    return "¥" if base == "￥" else _SIGNS.get(base, "")


# --- which currency an amount is in --------------------------------------------------------

#: The currencies each written currency may be, as ISO codes. A sign or a code names one; 元
#: (圆, 块) is the yuan of the mainland, Taiwan and Hong Kong alike (NT$150 beside 40元 in a
#: Taipei sheet is one currency), and a bare $ is any dollar.
_DOLLARS = frozenset({"USD", "TWD", "HKD", "SGD", "AUD", "CAD"})
_MAY_BE: dict[str, frozenset[str]] = {
    "¥": frozenset({"CNY"}),
    "元": frozenset({"CNY", "TWD", "HKD"}),
    "NT$": frozenset({"TWD"}),
    "HK$": frozenset({"HKD"}),
    "US$": frozenset({"USD"}),
    "$": _DOLLARS,
    "S$": frozenset({"SGD"}),
    "A$": frozenset({"AUD"}),
    "C$": frozenset({"CAD"}),
    "£": frozenset({"GBP"}),
    "€": frozenset({"EUR"}),
}
#: Unit words that name a currency (after the number: 40元, 300 USD), as shown.
_CURRENCY_WORDS = {
    "元": "元", "圆": "元", "块": "元", "yuan": "元", "人民币": "¥", "人民幣": "¥",
    "美元": "US$", "港元": "HK$", "港币": "HK$", "港幣": "HK$", "新台币": "NT$",
    "新台幣": "NT$", "台币": "NT$", "台幣": "NT$",
}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def unit_word_currency(unit: str | None) -> str:
    """The currency a unit word names, as shown: 元 and 万元 -> 元, 元/人 -> 元, USD -> US$,
    £K -> £, RMB -> ¥; "" for a unit that names none (人, 次, %)."""
    if not unit:
        return ""
    from retrokit.workbook.values import currency_shown

    head = unicodedata.normalize("NFKC", unit).split("/")[0].strip()
    parts = split_unit(head)
    base = parts[1] if parts is not None and parts[1] else head
    folded = base.casefold()
    return _CURRENCY_WORDS.get(folded) or currency_shown(base) or unit_currency(head)


def amount_currency(q: Quantity | None) -> str:
    """The currency an amount is written in, as shown: its sign or code (NT$350萬, RMB 300:
    NT$, ¥), else its unit word's (40元: 元; 300 USD: US$); "" for none or a non-amount."""
    if q is None or q.form != "plain":
        return ""
    return q.currency or unit_word_currency(q.unit)


def currencies_differ(one: str, other: str) -> bool:
    """Whether two written currencies (as :func:`amount_currency` gives them) cannot be the
    same: HK$ and NT$, NT$ and ¥, £ and $; ¥, RMB and 元 are one, as are NT$ and 元, $ and
    US$. A side without a currency ("") differs from none."""
    if not one or not other or one == other:
        return False
    a, b = _MAY_BE.get(one), _MAY_BE.get(other)
    return a is not None and b is not None and not (a & b)
