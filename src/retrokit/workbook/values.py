"""Parsing cell values as people type them: numbers, dates and list values.

Every parser takes what a cell reader gives (str, int, float, bool, date, datetime, time,
timedelta or None) and either returns a typed value or raises :class:`ValueError`; callers turn
that into a finding with the cell's address. Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from retrokit.text import fold, has_cjk, to_simplified
from retrokit.workbook.schema import ChoiceList
from retrokit.workbook.types import NO_YEAR, CellValueError

Form = Literal["plain", "percent", "ratio"]


@dataclass(frozen=True)
class Quantity:
    """A parsed number: its value with any written multiplier applied.

    ``form`` says how it was written (``5%`` is percent 0.05, ``1:3`` is ratio 3.0);
    ``direction`` is set when a threshold sign said it (``≥5%`` higher, ``<=3秒`` lower);
    ``unit`` is a unit word written after the number (元, 人, 秒), not applied;
    ``scale`` the multiplier already applied to ``value``: the one typed (6万: 10,000) or the
    one of its column's header (计划金额(万元): 10,000), 1 for a number written bare;
    ``currency`` the currency written before it, as shown (NT$ for NT$1,200 and TWD 1200,
    £ for £12,000; :func:`currency_shown`), "" for none: an amount in its currency's units,
    which a header's multiplier does not scale again.
    """

    value: float
    form: Form = "plain"
    direction: Literal["higher", "lower"] | None = None
    unit: str = ""
    scale: float = field(default=1.0, compare=False)
    currency: str = field(default="", compare=False)


_MULTIPLIERS = {
    "万": 1e4,
    "w": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "k": 1e3,
    "百": 1e2,
    "m": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "千万": 1e7,
    "百万": 1e6,
    "万亿": 1e12,
}
_HIGHER_PREFIX = ("≥", ">=", ">", "⩾", "不低于", "不少于", "至少", "大于等于", "大于", "高于")
_LOWER_PREFIX = (
    "≤",
    "<=",
    "<",
    "⩽",
    "不高于",
    "不超过",
    "至多",
    "小于等于",
    "小于",
    "低于",
    "最多",
)
_HIGHER_SUFFIX = ("以上", "及以上", "+")
_LOWER_SUFFIX = ("以内", "以下", "及以下")
_CURRENCY = "¥￥$€£"
#: A currency written before the amount as a code or a country's dollar (NT$120萬, HK$5000,
#: RMB 300, USD 50): taken off as ¥ is.
_CURRENCY_CODE = re.compile(
    r"^(?:(?:nt|hk|us|s|a|c)\$|(?:rmb|cny|twd|ntd|hkd|usd|eur)(?=[\d.$¥]))", re.I
)
#: Longer than any number people type, threshold words and unit included
#: ("大于等于 1,234,567,890.12 万元/人次" is 30): longer text is V001 at once.
MAX_NUMBER_TEXT = 100
#: A currency as written (a sign, a country's dollar or a code, folded) -> as it is shown.
_CURRENCIES = {
    "¥": "¥", "rmb": "¥", "cny": "¥", "nt$": "NT$", "twd": "NT$", "ntd": "NT$",
    "hk$": "HK$", "hkd": "HK$", "us$": "US$", "usd": "US$", "$": "$", "s$": "S$",
    "a$": "A$", "c$": "C$", "£": "£", "gbp": "£", "€": "€", "eur": "€",
}  # fmt: skip
#: The currency leading a normalised number, after an accountant's bracket or a sign.
_LEADING_CURRENCY = re.compile(
    r"^[(+-]?((?:nt|hk|us|s|a|c)\$|(?:rmb|cny|twd|ntd|hkd|usd|eur)(?=[\d.$¥])|[¥$€£])", re.I
)


def currency_shown(written: str) -> str:
    """How a currency written as ``written`` (￥, RMB, NT$, TWD, £, GBP, US$) is shown: ¥, NT$,
    £, US$; "" for text that names none (元 and 万元 are units, not a currency sign)."""
    folded = unicodedata.normalize("NFKC", written).strip().casefold()
    return _CURRENCIES.get(folded, "")


_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)(?P<num>\d+(?:\.\d*)?|\.\d+)\s*"
    r"(?P<mult>万亿|千万|百万|万|亿|千|百|bn|[kwmb](?![a-z]))?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_RATIO = re.compile(r"^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$")
# Unit words typed after a number: 元, 万元 (the 万 is taken as the multiplier), 人次, 秒, ms,
# 元/人. A closed set, so that "四个点左右" is not read as 4 with a unit.
_UNIT_WORD = r"(?:[A-Za-z]{1,5}|[元人件单次秒个天小时分钟笔台篇条场家位户张份箱瓶倍点周月年克吨米里套款盒包杯例]{1,3})"
_UNIT = re.compile(rf"^{_UNIT_WORD}(?:/{_UNIT_WORD})?$")
_CN_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+$")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace("≧", "≥").replace("≦", "≤").replace("﹪", "%").replace("\u2212", "-")
    s = _THOUSANDS.sub("", s)
    s = re.sub(r"(?<!\d)\s+|\s+(?!\d)", "", s)  # "5 %" is 5%, "5 5" stays unreadable
    if has_cjk(s):
        s = to_simplified(s)
    return s


@lru_cache(maxsize=1)
def _cn2an() -> object:
    import cn2an  # slow to import (~0.15 s): only when a Chinese numeral is typed

    return cn2an


def _chinese_numeral(text: str) -> float:
    if not _CN_NUMERAL.match(text):
        raise ValueError(text)
    try:
        return float(_cn2an().cn2an(text, "normal"))  # type: ignore[attr-defined]
    except Exception as exc:  # cn2an raises bare ValueError/KeyError on odd input
        raise ValueError(text) from exc


def _split_direction(s: str) -> tuple[str, Literal["higher", "lower"] | None]:
    for prefix in _HIGHER_PREFIX:
        if s.startswith(prefix):
            return s[len(prefix) :], "higher"
    for prefix in _LOWER_PREFIX:
        if s.startswith(prefix):
            return s[len(prefix) :], "lower"
    for suffix in _HIGHER_SUFFIX:
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)], "higher"
    for suffix in _LOWER_SUFFIX:
        if s.endswith(suffix):
            return s[: -len(suffix)], "lower"
    return s, None


def _parse_text_number(s: str) -> tuple[float, Form, str, float]:
    if not s:
        raise ValueError("empty")
    if len(s) > 2 and s[0] == "(" and s[-1] == ")":
        # An accountant's negative: (1,200), (12%), (¥300).
        value, form, unit, scale = _parse_text_number(s[1:-1])
        if value <= 0 or form == "ratio":
            raise ValueError(s)  # (-5), (0) and (1:3) are no accountant's writing
        return -value, form, unit, scale
    if len(s) > 1 and s[0] in "+-" and (s[1] in _CURRENCY or _CURRENCY_CODE.match(s[1:])):
        value, form, unit, scale = _parse_text_number(s[1:])  # -¥300, -NT$1,200
        if value < 0:
            raise ValueError(s)
        return (-value if s[0] == "-" else value), form, unit, scale
    s = _CURRENCY_CODE.sub("", s).lstrip(_CURRENCY)
    ratio = _RATIO.match(s)
    if ratio:
        left, right = float(ratio.group(1)), float(ratio.group(2))
        if left == 0:
            raise ValueError(s)
        return right / left, "ratio", "", 1.0
    if s.startswith("百分之"):
        return _chinese_or_digits(s[3:]) / 100, "percent", "", 1.0
    if s.endswith("%") or s.endswith("‰"):
        per = 100 if s.endswith("%") else 1000
        if s[:-1].endswith(("%", "‰")):  # 5%% is no number
            raise ValueError(s)
        value, form, unit, _ = _parse_text_number(s[:-1])
        if form != "plain" or unit:
            raise ValueError(s)
        return value / per, "percent", "", 1.0
    if s.endswith("成") and len(s) > 1:
        return _chinese_or_digits(s[:-1]) / 10, "percent", "", 1.0
    m = _NUMBER.match(s)
    if m:
        mult = (m.group("mult") or "").lower()
        scale = float(_MULTIPLIERS[mult]) if mult else 1.0
        if mult:
            # In decimal: 1.1 * 1e8 in binary floats is 110000000.00000001.
            value = float(Decimal(m.group("num")) * Decimal(int(_MULTIPLIERS[mult])))
        else:
            value = float(m.group("num"))
        if m.group("sign") == "-":
            value = -value
        rest = m.group("rest")
        if rest and not _UNIT.match(rest):
            raise ValueError(s)
        if rest.lower() in ("%", "‰"):
            raise ValueError(s)
        return value, "plain", rest, scale
    # Chinese numerals, possibly followed by a unit word (十万人, 两千五百元).
    for cut in range(len(s), 0, -1):
        head, unit = s[:cut], s[cut:]
        if _CN_NUMERAL.match(head) and (not unit or _UNIT.match(unit)):
            scale = 1e8 if "亿" in head else 1e4 if "万" in head else 1.0  # 十万 carries one
            return _chinese_numeral(head), "plain", unit, scale
    raise ValueError(s)


def _chinese_or_digits(s: str) -> float:
    try:
        return float(s)
    except ValueError:
        return _chinese_numeral(s)


def ratio_from_clock(seconds: float) -> float:
    """A ratio that an office program turned into a time or a duration.

    Excel, WPS and LibreOffice read a typed ``1:3`` as the time 01:03 (h:mm) and ``1:2.2`` as
    00:01:02.2 (m:ss.0): the first is read back as hours:minutes (1:3), the second, with no
    hours and some seconds, as minutes:seconds (1:2.2). Any other clock (01:03:30, 00:05:00)
    was not typed as a ratio: ValueError.
    """
    total = round(seconds, 3)  # a fraction of a day carries float noise below a millisecond
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours > 0 and secs == 0:
        return minutes / hours
    if hours == 0 and minutes > 0 and secs > 0:
        return round(secs, 3) / minutes
    raise ValueError("time")


def _clock_seconds(value: dt.time) -> float:
    return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6


def written_in_full(q: Quantity, size: float) -> bool:
    """Whether an amount with a currency (¥240,000 typed, or a cell shown with ¥) is written in
    the currency's own units rather than in the multiplier ``size`` of its header or name (万元:
    10,000): ¥240,000 under 万元 is 240,000 yuan, while ¥60 there, below one 万, means 60万."""
    return bool(q.currency) and abs(q.value) >= size > 1


def parse_number(raw: object, *, number_format: str | None = None) -> Quantity:
    """Parse a target or actual cell.

    ``number_format`` is "percent" when a numeric cell is shown as a percentage (0.05 as 5%),
    "ratio" when shown as 1:x, "currency:¥" when shown with a currency (240000 as ¥240,000). Raises ValueError when the cell holds no number.
    """
    if raw is None or isinstance(raw, bool):
        raise ValueError(repr(raw))
    if isinstance(raw, int | float):
        value = float(raw)
        if not math.isfinite(value):
            raise ValueError(repr(raw))
        form: Form = "percent" if number_format == "percent" else "plain"
        if number_format == "ratio":
            form = "ratio"
        if number_format is not None and number_format.startswith("currency:"):
            # ¥240,000 typed into a cell: the office program keeps 240000 and shows the sign.
            return Quantity(value, form, currency=number_format.removeprefix("currency:"))
        return Quantity(value, form)
    # A time (h:mm, mm:ss.0) or a duration ([h]:mm:ss) is how office programs store a typed
    # ratio; calamine gives xlsx, xls and ods alike as datetime.time or timedelta.
    if isinstance(raw, dt.datetime):
        if raw.year > 1900:  # a real date in a number cell is not a number
            raise ValueError(raw.isoformat())
        return Quantity(ratio_from_clock(_clock_seconds(raw.time())), "ratio")
    if isinstance(raw, dt.time):
        return Quantity(ratio_from_clock(_clock_seconds(raw)), "ratio")
    if isinstance(raw, dt.timedelta):
        return Quantity(ratio_from_clock(raw.total_seconds()), "ratio")
    if isinstance(raw, dt.date):
        raise ValueError(raw.isoformat())
    raw_text = str(raw)
    if len(raw_text) > MAX_NUMBER_TEXT:  # not a number, and costly to take apart
        raise ValueError(raw_text[:MAX_NUMBER_TEXT])
    text = _normalise(raw_text)
    body, direction = _split_direction(text)
    value, form, unit, scale = _parse_text_number(body)
    if not math.isfinite(value):
        raise ValueError(text)
    sign = _LEADING_CURRENCY.match(body)
    currency = currency_shown(sign.group(1)) if sign and form == "plain" else ""
    return Quantity(value, form, direction, unit, scale, currency)


# --- dates ---------------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
#: The dates a campaign can have: a serial number or a date outside them (8.10 typed for 8月10日
#: and stored as the number 8.1, which is 1900-01-07) is no date the team meant.
FIRST_DATE, LAST_DATE = dt.date(1990, 1, 1), dt.date(2099, 12, 31)
_FIRST_SERIAL = (FIRST_DATE - _EXCEL_EPOCH).days
_LAST_SERIAL = (LAST_DATE - _EXCEL_EPOCH).days
#: 2024-08-10, 2024年8月10号, 2024/8/10 (周六), 2024年8月10日前 (a deadline: by that day).
_YMD = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:之前|以前|前)?"
    r"(?:[ T(].*)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
#: A Taiwan (Republic of China) year, 1911 years after the Gregorian: 113/08/10, 113.8.10,
#: 113年8月10日, 民國113年8月10日 (folded to Simplified before it is matched). Without 民国
#: the year has three digits (民國 100 is 2011), so 24/07/01 is never taken for one.
_ROC = re.compile(
    r"^(?:(?:中华)?民国\s*(\d{2,3})|(1\d\d))\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
    r"\s*[日号]?(?:之前|以前|前)?(?:[ T(].*)?$"
)
_ROC_OFFSET = 1911
#: A month and day without a year, as people type them and as office programs read them in
#: the current year: 7月15日, 8月10号, 8/10, 8-10, 8.10.
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*[日号]?(?:之前|以前|前)?(?:\(.*)?$")
#: The year last, as English-speaking teams type it: 7/20/2024 (month first, the US), 20/07/2024
#: (day first, the UK), 6-1-2024, 20.07.2024; a time or weekday may follow.
_YEAR_LAST = re.compile(r"^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:[ T(].*)?$")

#: The same in English: Jul 15, July 15th, 15 Jul, 15-Jul (an office program's d-mmm).
_EN_MONTH_DAY = re.compile(r"^([a-z]{3,9})\.?[\s-]*(\d{1,2})(?:st|nd|rd|th)?$")
_EN_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s-]*(?:of\s+)?([a-z]{3,9})\.?$")
#: A weekday before or after it: Mon, Jul 15 / Jul 15 (Mon).
_EN_WEEKDAY = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+|(?:\s*[,(]\s*|\s+)(?:mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\.?\s*\)?$"
)
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_in(folded: str) -> int | None:
    """Monday 0 ... Sunday 6 for the one weekday named in ``folded`` text, else None."""
    found = {i for i, day in enumerate(_WEEKDAYS) if re.search(rf"(?<![a-z]){day}", folded)}
    return found.pop() if len(found) == 1 else None


def _english_month(word: str) -> int | None:
    """1-12 for a month's English name or its abbreviation of three letters or more (Sept)."""
    for number, name in enumerate(_MONTHS, 1):
        if name.startswith(word):
            return number
    return None


def _english_month_day(text: str) -> dt.date | None:
    """A month and day in English without a year, in the year :data:`NO_YEAR`."""
    folded = _EN_WEEKDAY.sub("", text.casefold()).rstrip(",. ")
    m = _EN_MONTH_DAY.match(folded)
    if m:
        word, day = m.group(1), m.group(2)
    else:
        m = _EN_DAY_MONTH.match(folded)
        if m is None:
            return None
        day, word = m.group(1), m.group(2)
    month = _english_month(word)
    return None if month is None else dt.date(NO_YEAR, month, int(day))


def _plausible(day: dt.date) -> dt.date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise CellValueError(
            "V002", "V002.year_range", first=str(FIRST_DATE.year), last=str(LAST_DATE.year)
        )
    return day


def _year_last(first: int, second: int, year: int, weekday: int | None = None) -> dt.date:
    """The date of 7/20/2024 or 20/07/2024: the number over 12 is the day. When both could be
    the month (8/10/2024: August 10 in the US, 8 October in the UK), a weekday written beside
    it (Sat: August 10, 2024 is one) decides; else no reading is safe to guess: V002 names
    both and asks for the year first."""
    if first > 12 >= second:
        return _plausible(dt.date(year, second, first))
    if second > 12 >= first or first == second:
        return _plausible(dt.date(year, first, second))
    if first > 12:  # 13/14/2024: no month at all
        raise ValueError(f"{first}/{second}/{year}")
    month_first = _plausible(dt.date(year, first, second))
    day_first = dt.date(year, second, first)
    fitting = [d for d in (month_first, day_first) if d.weekday() == weekday]
    if len(fitting) == 1:
        return fitting[0]
    raise CellValueError(
        "V002",
        "V002.day_or_month",
        month_first=month_first.isoformat(),
        day_first=day_first.isoformat(),
    )


def parse_date(raw: object) -> dt.date:
    """Parse a date cell: real dates, Excel serial numbers and the usual written forms.

    A date written without its year (7月15日, 8/10, Jul 15, 20 Jul) has the year :data:`NO_YEAR`: the reader
    gives it the campaign's. With the year last (7/20/2024, 20/07/2024) the number over 12 is the
    day; 8/10/2024, which could be either, is V002 (``V002.day_or_month``). A Taiwan year
    (113/08/10, 民國113年8月10日) is 1911 years on. A date outside 1990-2099, or a serial
    number that is one, is not a campaign's date (a typed 8.10 stored as 8.1): ValueError.
    """
    if raw is None or isinstance(raw, bool):
        raise ValueError(repr(raw))
    if isinstance(raw, dt.datetime):
        return _plausible(raw.date())
    if isinstance(raw, dt.date):
        return _plausible(raw)
    if isinstance(raw, int | float):
        if not math.isfinite(raw) or not _FIRST_SERIAL <= raw < _LAST_SERIAL + 1:
            raise ValueError(repr(raw))
        return _EXCEL_EPOCH + dt.timedelta(days=int(raw))
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if has_cjk(text):
        text = to_simplified(text)
    m = _YMD.match(text) or _COMPACT.match(text)
    if m:
        return _plausible(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    m = _ROC.match(text)
    if m:
        year = int(m.group(1) or m.group(2)) + _ROC_OFFSET
        return _plausible(dt.date(year, int(m.group(3)), int(m.group(4))))
    # A weekday beside it (8/10/2024 Sat) decides only where it fits one reading.
    bare = _EN_WEEKDAY.sub("", text.casefold()).strip()
    m = _YEAR_LAST.match(bare)
    if m and not re.search(r"[a-z]{3}", bare):
        weekday = _weekday_in(text.casefold())
        return _year_last(int(m.group(1)), int(m.group(3)), int(m.group(4)), weekday)
    m = _MONTH_DAY.match(text)
    if m:
        return dt.date(NO_YEAR, int(m.group(1)), int(m.group(2)))
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return parse_date(float(text))
    if not re.search(r"[A-Za-z]{3}", text):  # only month names are left for dateutil
        raise ValueError(text)
    if re.search(r"\d\s*[-–—~～]\s*\d", text):
        raise ValueError(text)  # a range (July 1-15, 2024): dateutil would read one odd date
    yearless = _english_month_day(text)  # dateutil would give it the current year
    if yearless is not None:
        return yearless
    from dateutil import parser as date_parser

    try:
        parsed: dt.datetime = date_parser.parse(text, yearfirst=True, fuzzy=False)
    except (ValueError, OverflowError) as exc:
        raise ValueError(text) from exc
    return _plausible(parsed.date())


def with_campaign_year(day: dt.date, start: dt.date | None) -> dt.date:
    """A date written without its year, in the campaign's: the start date's year, or the next
    one when that would put it more than a quarter before the start (a campaign from 2024-12-01
    whose action is due 1月15日 means 2025-01-15). ValueError without a start to go by, or
    for 2月29日 in a common year."""
    if day.year != NO_YEAR:
        return day
    if start is None or start.year == NO_YEAR:
        raise ValueError("no year")
    dated = day.replace(year=start.year)
    if dated < start - dt.timedelta(days=_BEFORE_START_DAYS):
        dated = day.replace(year=start.year + 1)
    return dated


#: How long before the start a yearless date still belongs to the start's year: preparation
#: runs a few weeks ahead, while a date months before the start is next year's.
_BEFORE_START_DAYS = 90


def parse_iso_date(text: str) -> dt.date:
    """A command-line date: YYYY-MM-DD only."""
    return dt.date.fromisoformat(text.strip())


# --- lists ---------------------------------------------------------------------------------


_INDEXES: dict[str, dict[str, str]] = {}


def _index(choices: ChoiceList) -> dict[str, str]:
    # Keyed by the list's name: hashing the frozen dataclass on every cell costs more than
    # the lookup itself.
    index = _INDEXES.get(choices.name)
    if index is None:
        index = {fold(spelling): c.code for c in choices.choices for spelling in c.spellings()}
        _INDEXES[choices.name] = index
    return index


def parse_choice(raw: object, choices: ChoiceList) -> str:
    """The canonical code of a list value written in any language, or ValueError."""
    if isinstance(raw, bool):
        raw = "yes" if raw else "no"
    text = raw if isinstance(raw, str) else str(raw)
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    index = _index(choices)
    code = index.get(text) if text.isascii() and text.islower() else None
    if code is None:
        code = index.get(fold(text))
    if code is None:
        raise ValueError(text)
    return code


def has_number(text: str) -> bool:
    """Whether a free text carries a number (digits or a Chinese numeral with a unit/percent)."""
    s = unicodedata.normalize("NFKC", text)
    return bool(
        re.search(r"\d", s) or re.search(r"百分之|[一二两三四五六七八九十]+(成|倍|%|个百分点)", s)
    )
