"""The plan behind DOMAIN.md's worked example: the 2024 summer promotion as it was planned.

Six goals (the review's six KPIs), twelve tasks from research to the review with their
dependencies, a 60万 budget split 40/30/20/10 (KOL, ads, materials, contingency), three risks
and daily figures for 1-15 July that add up to the review's actuals (450万 impressions, 4%
registration conversion, ROI 2.2, 72万 spent, 8,000 new users, 160万 sales). Text is keyed by
language code as in :mod:`retrokit.workbook.example`; list values are codes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from retrokit.workbook.example import FMT_INT, FMT_PCT, FMT_RATIO

D = dt.date
START, END = D(2024, 7, 1), D(2024, 7, 15)

OVERVIEW: dict[str, Any] = {
    "project": {"zh-CN": "2024年夏季促销活动", "en": "2024 Summer Promotion"},
    "type": "promotion",
    "start": START,
    "end": END,
    "owner": {"zh-CN": "张经理", "en": "Manager Zhang"},
    "audience": {"zh-CN": "18-35岁女性", "en": "Women aged 18-35"},
    "budget": 600_000,
    "strategy": {"zh-CN": "种草内容 + 限时促销", "en": "Seeding content + limited-time offers"},
    "channels": {
        "zh-CN": "抖音信息流、小红书KOL、朋友圈",
        "en": "Douyin feed, Xiaohongshu KOLs, WeChat Moments",
    },
    "theme": {"zh-CN": "清凉一夏", "en": "Cool summer"},
    "background": {
        "zh-CN": "夏季是品类旺季，竞品已提前开始促销；需要拉新并提升注册转化。",
        "en": "Summer is the category's high season and competitors started early; we need new "
        "users and better registration conversion.",
    },
}

_PERIOD = {"zh-CN": "7月1日-7月15日", "en": "2024-07-01 - 2024-07-15"}

GOALS: list[dict[str, Any]] = [
    {
        "dimension": "traffic",
        "metric": {"zh-CN": "曝光量", "en": "Impressions"},
        "channel": {"zh-CN": "全渠道", "en": "All channels"},
        "phase": "peak",
        "target": 5_000_000,
        "format": FMT_INT,
        "direction": "higher",
        "path": {
            "zh-CN": "抖音信息流 300万 + 小红书KOL 150万 + 朋友圈 50万",
            "en": "Douyin feed 3M + KOLs 1.5M + Moments 0.5M",
        },
        "owner": {"zh-CN": "王主管", "en": "Wang"},
        "due": _PERIOD,
        "core": "no",
    },
    {
        "dimension": "conversion",
        "metric": {"zh-CN": "注册转化率", "en": "Registration conversion"},
        "phase": "peak",
        "target": 0.05,
        "format": FMT_PCT,
        "direction": "higher",
        "path": {"zh-CN": "落地页改版 + 注册流程 5 步", "en": "New landing page + 5-step sign-up"},
        "owner": {"zh-CN": "李策划", "en": "Li"},
        "due": _PERIOD,
        "core": "no",
    },
    {
        "dimension": "revenue",
        "metric": {"zh-CN": "ROI", "en": "ROI"},
        "phase": "peak",
        "target": 3,
        "format": FMT_RATIO,
        "direction": "higher",
        "path": {"zh-CN": "高转化渠道加投", "en": "Shift spend to converting channels"},
        "owner": {"zh-CN": "张经理", "en": "Zhang"},
        "due": _PERIOD,
        "core": "no",
    },
    {
        "dimension": "cost",
        "metric": {"zh-CN": "总费用(万元)", "en": "Total spend (10k CNY)"},
        "phase": "peak",
        "target": 60,
        "format": "0",
        "direction": "lower",
        "path": {"zh-CN": "按 40/30/20/10 分配预算", "en": "Budget split 40/30/20/10"},
        "owner": {"zh-CN": "张经理", "en": "Zhang"},
        "due": _PERIOD,
        "core": "no",
    },
    {
        "dimension": "users",
        "metric": {"zh-CN": "新增注册用户", "en": "New registered users"},
        "phase": "peak",
        "target": 10_000,
        "format": FMT_INT,
        "direction": "higher",
        "path": {"zh-CN": "KOL 引流 + 注册有礼", "en": "KOL traffic + sign-up gift"},
        "owner": {"zh-CN": "李策划", "en": "Li"},
        "due": _PERIOD,
        "core": "yes",
    },
    {
        "dimension": "revenue",
        "metric": {"zh-CN": "销售额", "en": "Sales"},
        "phase": "peak",
        "target": 2_000_000,
        "format": FMT_INT,
        "direction": "higher",
        "path": {"zh-CN": "直播间 + 限时折扣", "en": "Live streams + limited-time discounts"},
        "owner": {"zh-CN": "刘主管", "en": "Liu"},
        "due": _PERIOD,
        "core": "yes",
    },
]

_Z, _L, _W, _U, _C, _S = (
    {"zh-CN": "张经理", "en": "Zhang"},
    {"zh-CN": "李策划", "en": "Li"},
    {"zh-CN": "王主管", "en": "Wang"},
    {"zh-CN": "刘主管", "en": "Liu"},
    {"zh-CN": "陈设计", "en": "Chen"},
    {"zh-CN": "赵专员", "en": "Zhao"},
)


def _task(
    id_: str,
    zh: str,
    en: str,
    phase: str,
    owner: dict[str, str],
    start: dt.date,
    end: dt.date,
    deps: str,
    finished: dt.date,
    deliverable: dict[str, str],
) -> dict[str, Any]:
    return {
        "id": id_,
        "task": {"zh-CN": zh, "en": en},
        "phase": phase,
        "owner": owner,
        "start": start,
        "end": end,
        "duration": (end - start).days + 1,
        "depends_on": deps,
        "status": "done",
        "finished": finished,
        "deliverable": deliverable,
    }


def _d(zh: str, en: str) -> dict[str, str]:
    return {"zh-CN": zh, "en": en}


TASKS: list[dict[str, Any]] = [
    _task(
        "T1",
        "市场与用户调研",
        "Market and user research",
        "prep",
        _L,
        D(2024, 6, 1),
        D(2024, 6, 7),
        "-",
        D(2024, 6, 7),
        _d("调研报告", "Research report"),
    ),
    _task(
        "T2",
        "目标拆解与策略",
        "Goals and strategy",
        "prep",
        _Z,
        D(2024, 6, 8),
        D(2024, 6, 12),
        "T1",
        D(2024, 6, 12),
        _d("策划案定稿", "Approved plan"),
    ),
    _task(
        "T3",
        "预算审批",
        "Budget approval",
        "prep",
        _Z,
        D(2024, 6, 13),
        D(2024, 6, 14),
        "T2",
        D(2024, 6, 14),
        _d("预算表签字", "Signed budget"),
    ),
    _task(
        "T4",
        "KOL 筛选与签约",
        "KOL selection and contracts",
        "prep",
        _W,
        D(2024, 6, 15),
        D(2024, 6, 24),
        "T3",
        D(2024, 6, 24),
        _d("8 位 KOL 签约", "8 KOLs signed"),
    ),
    _task(
        "T5",
        "物料设计",
        "Creative design",
        "prep",
        _C,
        D(2024, 6, 13),
        D(2024, 6, 22),
        "T2",
        D(2024, 6, 22),
        _d("主视觉与 20 条短视频", "Key visual and 20 videos"),
    ),
    _task(
        "T6",
        "物料生产与备货",
        "Production and stock",
        "prep",
        _U,
        D(2024, 6, 23),
        D(2024, 6, 30),
        "T5",
        D(2024, 7, 2),
        _d("物料到仓", "Materials in stock"),
    ),
    _task(
        "T7",
        "落地页与注册流程",
        "Landing page and sign-up",
        "prep",
        _S,
        D(2024, 6, 13),
        D(2024, 6, 28),
        "T2",
        D(2024, 6, 28),
        _d("落地页上线", "Landing page live"),
    ),
    _task(
        "T8",
        "预热期投放",
        "Warm-up ads",
        "warm_up",
        _W,
        D(2024, 7, 1),
        D(2024, 7, 4),
        "T4, T6、T7",
        D(2024, 7, 4),
        _d("曝光 100万", "1M impressions"),
    ),
    _task(
        "T9",
        "爆发期直播与KOL",
        "Peak: live streams and KOLs",
        "peak",
        _W,
        D(2024, 7, 5),
        D(2024, 7, 10),
        "T8",
        D(2024, 7, 10),
        _d("6 场直播", "6 live streams"),
    ),
    _task(
        "T10",
        "持续期复购活动",
        "Sustain: repeat purchases",
        "sustain",
        _U,
        D(2024, 7, 11),
        D(2024, 7, 15),
        "T9",
        D(2024, 7, 15),
        _d("复购券核销", "Coupons redeemed"),
    ),
    _task(
        "T11",
        "收尾与数据整理",
        "Wrap-up and data",
        "wrap_up",
        _S,
        D(2024, 7, 16),
        D(2024, 7, 18),
        "T10",
        D(2024, 7, 18),
        _d("数据报表", "Data report"),
    ),
    _task(
        "T12",
        "复盘会",
        "Retrospective",
        "review",
        _Z,
        D(2024, 7, 19),
        D(2024, 7, 19),
        "T11",
        D(2024, 7, 19),
        _d("复盘工作簿", "Review workbook"),
    ),
]

BUDGET: list[dict[str, Any]] = [
    {
        "category": "kol",
        "item": _d("抖音/小红书 KOL 合作", "Douyin and Xiaohongshu KOLs"),
        "channel": _d("小红书", "Xiaohongshu"),
        "phase": "peak",
        "planned": 240_000,
        "actual": 240_000,
        "revenue": 720_000,
        "owner": _W,
    },
    {
        "category": "ads",
        "item": _d("抖音信息流投放", "Douyin feed ads"),
        "channel": _d("抖音", "Douyin"),
        "phase": "peak",
        "planned": 180_000,
        "actual": 300_000,
        "revenue": 660_000,
        "owner": _W,
    },
    {
        "category": "materials",
        "item": _d("短视频与主视觉", "Videos and key visual"),
        "channel": _d("全渠道", "All channels"),
        "phase": "prep",
        "planned": 120_000,
        "actual": 130_000,
        "revenue": 220_000,
        "owner": _C,
    },
    {
        "category": "contingency",
        "item": _d("应急备用金", "Contingency"),
        "channel": "",
        "phase": "peak",
        "planned": 60_000,
        "actual": 50_000,
        "revenue": 0,
        "owner": _Z,
    },
]

RISKS: list[dict[str, Any]] = [
    {
        "risk": _d("KOL 临时取消合作", "A KOL cancels"),
        "likelihood": "medium",
        "impact": "high",
        "signal": _d("档期确认延迟超过 2 天", "Slot confirmation over 2 days late"),
        "response": _d("启用备选 KOL 名单", "Call on the standby KOL list"),
        "owner": _W,
        "status": "closed",
    },
    {
        "risk": _d("物流延误导致物料晚到", "Logistics delay holds up materials"),
        "likelihood": "medium",
        "impact": "medium",
        "signal": _d("供应商未按期发货", "Supplier misses the ship date"),
        "response": _d("备用供应商，提前 7 天备货", "A backup vendor; stock 7 days ahead"),
        "owner": _U,
        "status": "occurred",
    },
    {
        "risk": _d("流量不及预期", "Traffic below plan"),
        "likelihood": "high",
        "impact": "high",
        "signal": _d("日曝光低于 30万 连续 2 天", "Daily impressions under 300k two days running"),
        "response": _d("追加付费流量，优化素材", "Buy extra paid traffic; refresh creatives"),
        "owner": _Z,
        "status": "occurred",
    },
]

TEAM: list[dict[str, Any]] = [
    {"role": "lead", "name": _Z, "duty": _d("统筹、预算与复盘", "Lead, budget and the review")},
    {
        "role": "planner",
        "name": _L,
        "duty": _d("调研、策略与注册转化", "Research, strategy, sign-up conversion"),
    },
    {"role": "designer", "name": _C, "duty": _d("主视觉与短视频", "Key visual and videos")},
    {"role": "channel", "name": _W, "duty": _d("KOL 与广告投放", "KOLs and ads")},
    {
        "role": "execution",
        "name": _U,
        "duty": _d("物料、物流与活动执行", "Materials, logistics, events"),
    },
    {"role": "data", "name": _S, "duty": _d("落地页、数据监测", "Landing page, daily data")},
]

# Day weights of 1-15 July: warm-up, peak, sustain. They sum to 100.
_WEIGHTS = (3, 4, 4, 5, 6, 9, 10, 10, 9, 8, 7, 7, 6, 6, 6)
# Daily deviations of the ratio metrics around their period value; they sum to zero.
_SWING = (-3, -2, -2, -1, 0, 1, 2, 3, 2, 1, 0, 0, -1, 0, 0)
# ROI's daily deviations: pacing weighs a day's ROI by that day's spend, so these cancel out
# weighted by the daily spend (2, 2, 2, 3, 4, 6, 7, 7, 6, 5, 5, 5, 4, 4, 10 of the 72万).
_ROI_SWING = (-3, -2, -2, -1, 0, 1, 2, 2, 1, 0, 0, -1, -1, -1, -1)


def _split(total: int) -> list[int]:
    """``total`` over the fifteen days by weight, whole numbers adding up exactly."""
    parts = [total * w // 100 for w in _WEIGHTS]
    parts[-1] += total - sum(parts)
    return parts


def _daily() -> list[dict[str, Any]]:
    days = [START + dt.timedelta(days=i) for i in range(15)]
    douyin, moments = _split(3_000_000), _split(1_500_000)
    users, sales, spend = _split(8_000), _split(1_600_000), _split(72)
    rows: list[dict[str, Any]] = []
    for i, day in enumerate(days):
        rows += [
            {
                "date": day,
                "channel": _d("抖音", "Douyin"),
                "metric": _d("曝光量", "Impressions"),
                "value": douyin[i],
            },
            {
                "date": day,
                "channel": _d("朋友圈", "WeChat Moments"),
                "metric": _d("曝光量", "Impressions"),
                "value": moments[i],
            },
            {
                "date": day,
                "channel": _d("全渠道", "All channels"),
                "metric": _d("新增注册用户", "New registered users"),
                "value": users[i],
            },
            {
                "date": day,
                "channel": _d("全渠道", "All channels"),
                "metric": _d("销售额", "Sales"),
                "value": sales[i],
            },
            {
                "date": day,
                "channel": _d("全渠道", "All channels"),
                "metric": _d("总费用(万元)", "Total spend (10k CNY)"),
                "value": spend[i],
            },
            {
                "date": day,
                "channel": _d("全渠道", "All channels"),
                "metric": _d("注册转化率", "Registration conversion"),
                "value": round(0.04 + _SWING[i] / 1000, 4),
                "format": FMT_PCT,
            },
            {
                "date": day,
                "channel": _d("全渠道", "All channels"),
                "metric": _d("ROI", "ROI"),
                "value": round(2.2 + _ROI_SWING[i] / 10, 2),
                "format": FMT_RATIO,
            },
        ]
    return rows


DAILY: list[dict[str, Any]] = _daily()
