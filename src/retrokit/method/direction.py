"""Which way is better for a KPI: the direction column, a threshold sign, or the name read as a
marketer reads it.

A name is read as language, not matched against one list of costly words. Its head says what
kind of figure it is (成本 / 费用 / 消耗 are spending; 单价 / 价格 a price; 率 / 数 / 金额 / 时长 a
rate, count, amount or time) and the rest says what it is *of*: a bad event (流失, 投诉, 退款), a
good one (解决, 回收, 节约, 留存), or something bought (获客, 点击, 曝光). So:

- a rate, count or amount of a bad event is lower-is-better (跳失率, 流失用户数, 退款金额);
- spending is lower-is-better (投放消耗, 营销费用率), and so is the price of what is bought
  (获客单价, 平均点击价格, CPL) but not the price a customer pays (客单价);
- a time spent waiting is lower-is-better (回复时长, load time, 客诉解决时长: the customer
  waits; 库存周转天数, days of inventory: the goods wait), a time spent with us is not (活跃天数);
- anything that is of a good event stays higher-is-better even with a cost or complaint word in
  it (投诉解决率, 成本节约, 费用回收率, ROI), a cut or a saving too (获客成本降幅, cost reduction).

Every word list carries Simplified and Traditional Chinese and English, so matching is width and
case folding only (no OpenCC call per KPI row). The formulas of the workbook read the same
vocabulary (:func:`formula_words`), written once to its hidden sheet.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class DirectionSource(StrEnum):
    """Where a KPI's direction came from, in the order they are asked."""

    COLUMN = "column"  # the Direction column
    SIGN = "sign"  # a threshold sign in the target or actual (≥5%, <=3秒)
    CONFIG = "config"  # a team's own words ([tool.retrokit] lower-is-better / higher-is-better)
    NAME = "name"  # the metric's name, read as below
    DIMENSION = "dimension"  # the cost dimension
    DEFAULT = "default"  # nothing said: higher is better


#: Sources that only inferred the direction; a reviewer should confirm them (rule K004).
INFERRED = frozenset({DirectionSource.NAME, DirectionSource.DIMENSION, DirectionSource.CONFIG})

# fmt: off
#: Spending: a figure of money going out. Lower is better unless it is of a good event.
SPENDING = (
    "成本", "费用", "費用", "花费", "花費", "支出", "消耗", "开支", "開支", "开销", "開銷",
    "耗费", "耗費", "投入", "费率", "費率", "超支",
    "cost", "costs", "spend", "spending", "spent", "expense", "expenses", "expenditure",
    "outlay", "overspend", "overrun",
)
# Traditional forms include OpenCC s2twp's Taiwan phrases (卸载 -> 解除安裝, 点击 -> 點選), as
# a zh-TW workbook converted from a Simplified one spells them.

#: Bad events: a rate, count, amount or time of one is lower-is-better.
BAD_EVENTS = (
    "拒收", "取消", "退订", "退訂", "卸载", "卸載", "流失", "投诉", "投訴", "客诉", "客訴",
    "差评", "差評", "延迟", "延遲", "延误", "延誤", "缺货", "缺貨", "违规", "違規", "跳出",
    "跳失", "退款", "退货", "退貨", "退单", "退單", "拒付", "故障", "错误", "錯誤", "失败",
    "失敗", "丢失", "丟失", "破损", "破損", "漏发", "漏發", "错发", "錯發", "逾期", "坏账",
    "壞帳", "欺诈", "欺詐", "解除安裝", "壞賬", "作弊", "舆情", "輿情", "負評", "负评", "弃单", "棄單", "弃购", "棄購",
    "超时", "超時", "timeout", "timeouts", "time-out", "time-outs", "断货", "斷貨",
    "stock-out", "stock-outs", "stock out", "stock outs",
    "churn", "churned", "bounce", "bounced", "bounces", "refund", "refunds", "refunded",
    "return", "returns", "returned", "complaint", "complaints", "unsubscribe",
    "unsubscribes", "unsubscribed", "uninstall", "uninstalls", "cancellation",
    "cancellations", "cancelled", "canceled", "delay", "delays", "delayed", "stockout",
    "stockouts", "out of stock", "out-of-stock", "violation", "violations", "error", "errors",
    "failure", "failures", "failed", "defect", "defects", "rejection", "rejections",
    "rejected", "negative review", "negative reviews", "bad review", "bad reviews",
    "drop-off", "abandonment", "abandoned", "chargeback", "chargebacks", "fraud",
)
#: Good events: what a figure is of when it measures something won back or done well.
GOOD_EVENTS = (
    "解决", "解決", "回复", "回覆", "回收", "召回", "节约", "節約", "节省", "節省", "留存",
    "挽回", "挽留", "好评", "好評", "满意", "滿意", "回报", "回報", "产出", "產出", "收入",
    "营收", "營收", "利润", "利潤", "销售额", "銷售額", "复购", "復購", "及时", "及時", "准时",
    "準時", "降幅", "降低", "下降", "减少", "減少", "on-time", "on time", "timely",
    "roi", "roas", "return on", "resolution", "resolved", "recalled", "won back", "win-back", "reply", "replies", "replied",
    "recovered", "recovery", "recall", "saving", "savings", "saved", "retention",
    "reduction", "reductions", "decrease", "decreases",
    "retained", "satisfaction", "positive review", "positive reviews", "revenue", "profit",
    "repurchase",
)
#: A cut of something (平均响应时长降幅, load time reduction): a cut of a wait is good, so
#: these words undo the wait (the good-event words hold them too).
CUTS = (
    "降幅", "降低", "下降", "减少", "減少", "缩短", "縮短",
    "reduction", "reductions", "decrease", "decreases",
)
#: Values a customer brings, higher-is-better in any dimension (a 客单价 filed under 成本 is
#: still the price a customer pays); not when they are the price of something bought (获客单价).
CUSTOMER_VALUES = (
    "客单价", "客單價", "笔单价", "筆單價", "件单价", "件單價", "订单均价", "訂單均價",
    "人均消费", "人均消費", "客户价值", "客戶價值", "终身价值", "終身價值",
    "average order value", "order value", "aov", "basket size", "basket value", "arpu",
    "arppu", "ltv", "lifetime value", "customer value", "revenue per",
)
#: Prices and unit costs: lower-is-better when of something bought (获客单价), not otherwise
#: (客单价, the price a customer pays).
PRICE_HEADS = ("单价", "單價", "价格", "價格", "出价", "出價", "price", "bid")
BOUGHT = (
    "获客", "獲客", "拉新", "引流", "点击", "點擊", "點選", "曝光", "展示", "线索", "線索", "下载",
    "下載", "安装", "安裝", "激活", "啟用", "获取", "獲取", "转化", "轉化", "留资", "留資",
    "acquisition", "click", "clicks", "impression", "impressions", "lead", "leads",
    "install", "installs", "download", "downloads", "conversion", "per",
)
#: Abbreviations of a cost per something bought.
COST_PER = (
    "cac", "cpa", "cpc", "cpm", "cpl", "cps", "cpi", "cpv", "cpe", "cpo", "ecpm", "ecpc",
)
#: Time heads, and what makes a time a wait (lower-is-better) rather than time spent with us.
TIME_HEADS = (
    "时长", "時長", "时间", "時間", "耗时", "耗時", "天数", "天數", "周期", "週期", "时效", "時效",
    "time", "duration", "latency", "days", "cycle",
)
WAITING = (
    "加载", "加載", "载入", "載入", "响应", "響應", "回复", "回覆", "等待", "处理", "處理",
    "发货", "發貨", "交付", "排队", "排隊", "配送", "到货", "到貨", "审核", "審核", "稽核", "耗时",
    "耗時", "首响", "首響", "解决", "解決", "周转", "週轉", "库存", "庫存", "回应", "回應", "首屏",
    "打开", "打開", "启动", "啟動", "物流", "结账", "結帳", "結賬", "出库", "出庫",
    "load", "loading", "response", "reply", "wait", "waiting", "handle", "handling", "delivery",
    "shipping", "turnaround", "resolution", "resolve", "latency", "queue", "turnover",
    "inventory", "checkout", "check-out", "startup", "dispatch", "fulfilment", "fulfillment",
    "approval", "review",
)
#: Time people spend with us (停留时长, watch time, session duration): higher is better.
ENGAGED = (
    "停留", "观看", "觀看", "浏览", "瀏覽", "阅读", "閱讀", "收听", "收聽", "播放", "在线", "在線",
    "使用", "活跃", "活躍", "陪伴", "互动", "互動",
    "watch", "watching", "watched", "view", "viewing", "dwell", "session", "sessions",
    "on site", "on-site", "on page", "on-page", "reading", "listening", "engagement", "engaged",
    "active", "usage", "playtime",
)
#: Units that make a figure a time (3秒, 24小时, 90s, Delivery (days)), as the reader keeps
#: them after the number or in the name's brackets; 分 alone is as often a score's points.
TIME_UNITS = (
    "秒", "秒钟", "秒鐘", "毫秒", "分钟", "分鐘", "小时", "小時", "钟头", "鐘頭", "天", "日",
    "工作日", "周", "週", "星期",
    "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h",
    "hr", "hrs", "hour", "hours", "d", "day", "days", "wk", "wks", "week", "weeks",
)
#: Averages: a figure per person or per item, never a count (人均停留, 平均订单金额).
AVERAGES = ("均价", "均價", "平均", "人均", "average", "avg", "mean", "per capita")
#: The heads of a cost of one result (获客成本, 转化成本, 单客成本, cost per lead), when of
#: something bought (:data:`BOUGHT`) or of one (:data:`PER_ONE`); 投放成本 is a total.
UNIT_COST_HEADS = ("成本", "cost")
PER_ONE = ("单客", "單客", "单次", "單次", "单个", "單個", "单人", "單人", "每")
# fmt: on

_UNIT = re.compile(r"[(\[]\s*[^()\[\]]{1,12}?\s*[)\]]\s*$")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Words found anywhere in a name: CJK words as substrings, Latin ones as whole words (so
    ``return`` is not found in ``returning customers``)."""
    parts = []
    for w in sorted({_norm(w) for w in words}, key=len, reverse=True):
        escaped = re.escape(w)
        parts.append(rf"(?<![a-z]){escaped}(?![a-z])" if w.isascii() else escaped)
    return re.compile("|".join(parts)) if parts else re.compile(r"(?!x)x")


class _Words:
    """:func:`_pattern` of a word list, compiled when first searched: the lists are long, and
    a run that reads no KPI name (a plan's schedule, ``--help``) needs none of them."""

    __slots__ = ("_compiled", "_words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = words
        self._compiled: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _pattern(self._words)
        return compiled.search(text)


_ON_TIME = re.compile(r"(?<![a-z])on[- ]time(?![a-z])")
_SPENDING = _Words(SPENDING)
_BAD = _Words(BAD_EVENTS)
_GOOD = _Words(GOOD_EVENTS)
_VALUE = _Words(CUSTOMER_VALUES)
_PRICE = _Words(PRICE_HEADS)
_BOUGHT = _Words(BOUGHT)
_COST_PER = _Words(COST_PER)
_TIME = _Words(TIME_HEADS)
_WAITING = _Words(WAITING)
_AVERAGES = _Words(AVERAGES)
_UNIT_COST = _Words(UNIT_COST_HEADS)
_PER_ONE = _Words(PER_ONE)
_CUT = _Words(CUTS)
_ENGAGED = _Words(ENGAGED)
_TIME_UNITS = frozenset(_norm(u) for u in TIME_UNITS)


@dataclass(frozen=True)
class DirectionWords:
    """A team's own words (``[tool.retrokit] lower-is-better`` / ``higher-is-better``): a name
    containing one takes that direction before the built-in reading."""

    lower: tuple[str, ...] = ()
    higher: tuple[str, ...] = ()

    def match(self, name: str) -> Direction | None:
        """The direction of the longest of the team's words found in ``name``, if any."""
        best: tuple[int, Direction] | None = None
        for words, direction in ((self.lower, Direction.LOWER), (self.higher, Direction.HIGHER)):
            for w in words:
                key = _norm(w)
                if key and key in name and (best is None or len(key) > best[0]):
                    best = (len(key), direction)
        return best[1] if best else None


NO_WORDS = DirectionWords()


#: A share or a score (达标率, 满意度, on-time rate): a count of events, not a time itself.
_SHARE = re.compile(r"率|占比|佔比|比例|满意|滿意|好评|好評|\brate\b|\bratio\b|score|satisfaction")


@functools.lru_cache(maxsize=4096)  # a few dozen regular expression searches a name
def read_name(metric: str) -> Direction | None:
    """The direction a metric's name gives, or None when it says nothing either way.

    A higher-is-better answer is given only when the name also holds a lower-is-better cue that
    a good event overrides (投诉解决率): a plain name (销售额, 客单价) says nothing, so the
    default decides, or :func:`infer_direction` reads it as good before the cost dimension.
    """
    name = _UNIT.sub("", _norm(metric))
    timed = _ON_TIME.sub("", name)  # "on-time delivery" says nothing of a wait
    a_time = bool(_TIME.search(timed))
    waiting = bool(a_time and _WAITING.search(timed)) or "耗时" in name
    if (waiting or "latency" in name) and not _CUT.search(name) and not _SHARE.search(name):
        # A wait; its cut (响应时长降幅) is read as the good event below, and a share of
        # them (物流时效达标率, 准时率, on-time rate) by what the share counts.
        return Direction.LOWER
    bought = bool(_PRICE.search(name) and _BOUGHT.search(name))
    cue = bool(_COST_PER.search(name) or _BAD.search(name) or _SPENDING.search(name) or bought)
    if _good(name, bought):
        return Direction.HIGHER if cue else None
    if cue:
        return Direction.LOWER
    if a_time and _ENGAGED.search(name):
        return Direction.HIGHER  # time spent with us: 停留时长, watch time, 活跃天数
    return None


def is_time_unit(unit: str | None) -> bool:
    """Whether a unit makes a figure a time (秒, 小时, s, days)."""
    return bool(unit) and _norm(unit or "") in _TIME_UNITS


@functools.lru_cache(maxsize=4096)
def read_timed(metric: str) -> Direction | None:
    """The direction of a metric whose figure is a time by its unit alone (首屏打开: 3秒,
    发货: 24小时, Delivery (days)), when its name does not say it: a wait is lower-is-better,
    time spent with us (停留, watch) higher; None when the name says neither."""
    name = _UNIT.sub("", _norm(metric))
    if _WAITING.search(_ON_TIME.sub("", name)) and not _CUT.search(name):
        return Direction.LOWER
    if _ENGAGED.search(name):
        return Direction.HIGHER
    return None


def _good(name: str, bought: bool) -> bool:
    """Of a good event, or a value a customer brings that is not the price of what is bought."""
    return bool(_GOOD.search(name) or (not bought and _VALUE.search(name)))


@functools.lru_cache(maxsize=4096)
def is_good_name(metric: str) -> bool:
    """Whether a name is of a good event or a customer's value (客单价, average order value):
    it then stays higher-is-better in any dimension, the cost dimension too."""
    name = _UNIT.sub("", _norm(metric))
    return _good(name, bool(_PRICE.search(name) and _BOUGHT.search(name)))


@functools.lru_cache(maxsize=4096)
def is_per_unit(metric: str) -> bool:
    """Whether a name is of a figure per unit rather than a count or total: an average or
    price (客单价, 均价, 人均消费, ARPU, average order value, 点击单价) or a cost per result
    (CPC, CPA, CAC, 获客成本, 转化成本, 单客成本, cost per lead). Such a figure is averaged over
    days, never summed."""
    name = _UNIT.sub("", _norm(metric))
    if _VALUE.search(name) or _PRICE.search(name) or _COST_PER.search(name):
        return True
    if _AVERAGES.search(name):
        return True
    return bool(_UNIT_COST.search(name) and (_BOUGHT.search(name) or _PER_ONE.search(name)))


def infer_direction(
    dimension: str | None, metric: str, words: DirectionWords = NO_WORDS, unit: str | None = None
) -> tuple[Direction, DirectionSource]:
    """The direction a KPI's name and dimension suggest, and which of them said it; ``unit``
    (of its values or its name's brackets) is a time's when only it says the figure is one."""
    if words.lower or words.higher:
        team = words.match(_norm(metric))
        if team is not None:
            return team, DirectionSource.CONFIG
    by_name = read_name(metric)
    if by_name is None and is_time_unit(unit):
        by_name = read_timed(metric)
    if by_name is not None:
        return by_name, DirectionSource.NAME
    if dimension == "cost":
        if is_good_name(metric):
            return Direction.HIGHER, DirectionSource.NAME
        return Direction.LOWER, DirectionSource.DIMENSION
    return Direction.HIGHER, DirectionSource.DEFAULT


def formula_words() -> dict[str, tuple[str, ...]]:
    """The vocabulary as flat lists a spreadsheet formula can SEARCH for: words that make a
    name lower-is-better, words that keep it higher-is-better, and compounds (a wait, the price
    of something bought) that are lower-is-better even beside a good word."""
    waiting = tuple(
        w + h for w in WAITING if not w.isascii() for h in TIME_HEADS if not h.isascii()
    )
    waiting += tuple(
        f"{w} {h}" for w in WAITING if w.isascii() for h in ("time", "duration", "days")
    )
    waiting += tuple(f"days of {w}" for w in WAITING if w.isascii())  # days of inventory
    bought = tuple(b + p for b in BOUGHT if not b.isascii() for p in PRICE_HEADS if not p.isascii())
    bought += tuple(f"{p} per" for p in ("cost", "price"))
    return {
        "lower": tuple(dict.fromkeys((*SPENDING, *BAD_EVENTS, *COST_PER))),
        "higher": tuple(dict.fromkeys((*GOOD_EVENTS, *CUSTOMER_VALUES))),
        "always_lower": tuple(dict.fromkeys((*waiting, *bought, "latency", "耗时", "耗時"))),
        "cut": tuple(dict.fromkeys(CUTS)),  # undoes always_lower, as in read_name
    }
