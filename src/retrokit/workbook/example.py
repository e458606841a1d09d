"""The worked example of DOMAIN.md: a 2024 summer promotion.

Text is keyed by language code and given for every language that derives from no other; the
Traditional Chinese workbook converts the Simplified text (see :func:`retrokit.i18n.languages.pick`).
List values are canonical codes, so the scaffold writes them in the workbook's language. Numbers are real numbers with a number format, so the template's formulas
compute them in any office program.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# Number formats the example's cells show their values in.
FMT_INT = "#,##0"
FMT_PCT = "0.0%"
FMT_RATIO = '"1:"0.0'
FMT_DATE = "yyyy-mm-dd"

D = dt.date

# A cell's value: the same in every language (a date, a number, a list code), or text per
# language code.

INFO: dict[str, Any] = {
    "project": {"zh-CN": "2024年夏季促销活动", "en": "2024 Summer Promotion"},
    "type": {"zh-CN": "promotion", "en": "promotion"},
    "start": D(2024, 7, 1),
    "end": D(2024, 7, 15),
    "owner": {"zh-CN": "张经理", "en": "Manager Zhang"},
    "audience": {"zh-CN": "18-35岁女性", "en": "Women aged 18-35"},
    "budget": 600_000,
    "review_date": D(2024, 7, 19),
    "team": {"zh-CN": "张经理、李策划、王主管、刘主管、赵专员", "en": "Zhang, Li, Wang, Liu, Zhao"},
    "key_question": {
        "zh-CN": "为什么新增注册用户和销售额没有达到目标？",
        "en": "Why did new registrations and sales miss their targets?",
    },
    "scope": {"zh-CN": "2024-07-01 至 07-15 全渠道推广", "en": "All channels, 2024-07-01 to 07-15"},
}

KPIS: list[dict[str, Any]] = [
    {
        "dimension": "traffic",
        "metric": {"zh-CN": "曝光量", "en": "Impressions"},
        "target": 5_000_000,
        "actual": 4_500_000,
        "format": FMT_INT,
        "core": "no",
        "analysis": {
            "zh-CN": "竞品同期投放增加；抖音渠道达成 120%，其他渠道仅 60%",
            "en": "Competitors spent more in the same weeks; Douyin reached 120%, the other "
            "channel 60%",
        },
    },
    {
        "dimension": "conversion",
        "metric": {"zh-CN": "注册转化率", "en": "Registration conversion"},
        "target": 0.05,
        "actual": 0.04,
        "format": FMT_PCT,
        "core": "no",
        "analysis": {
            "zh-CN": "注册流程 5 步，落地页跳出率高",
            "en": "5-step sign-up, high landing-page bounce",
        },
    },
    {
        "dimension": "revenue",
        "metric": {"zh-CN": "ROI", "en": "ROI"},
        "target": 3,
        "actual": 2.2,
        "format": FMT_RATIO,
        "core": "no",
        "analysis": {"zh-CN": "销售额未达标而费用超支", "en": "Sales missed while spend overran"},
    },
    {
        "dimension": "cost",
        "metric": {"zh-CN": "总费用(万元)", "en": "Total spend (10k CNY)"},
        "direction": "lower",
        "target": 60,
        "actual": 72,
        "format": "0",
        "core": "no",
        "analysis": {
            "zh-CN": "紧急追加 KOL 投放费用，应对竞品冲击；花了预算的 120%",
            "en": "Emergency extra KOL spend to answer a competitor's push: 120% of budget",
        },
    },
    {
        "dimension": "users",
        "metric": {"zh-CN": "新增注册用户", "en": "New registered users"},
        "target": 10_000,
        "actual": 8000,
        "format": FMT_INT,
        "core": "yes",
        "analysis": {"zh-CN": "注册转化率低导致新增不足", "en": "Low registration conversion"},
    },
    {
        "dimension": "revenue",
        "metric": {"zh-CN": "销售额", "en": "Sales"},
        "target": 2_000_000,
        "actual": 1_600_000,
        "format": FMT_INT,
        "core": "yes",
        "analysis": {
            "zh-CN": "短视频点击率低于行业均值，进店流量不足",
            "en": "Short-video CTR below the industry mean",
        },
    },
]

PROBLEMS: list[dict[str, Any]] = [
    {
        "area": {"zh-CN": "注册环节", "en": "Registration"},
        "problem": {
            "zh-CN": "注册转化率 4%，目标 5%",
            "en": "Registration conversion 4%, target 5%",
        },
        "metric": {"zh-CN": "新增注册用户", "en": "New registered users"},
        "root_cause": {
            "zh-CN": "注册转化率低 → 落地页跳出率高 → 注册流程 5 步太长",
            "en": "Low conversion -> high landing-page bounce -> 5-step sign-up too long",
        },
        "action": {
            "zh-CN": "取消手机验证，注册从 5 步减到 3 步",
            "en": "Drop phone verification: cut sign-up from 5 steps to 3",
        },
        "owner": {"zh-CN": "李策划", "en": "Li (planner)"},
        "due": D(2024, 8, 10),
        "expected": {"zh-CN": "注册转化率提升到 5.5%", "en": "Registration conversion up to 5.5%"},
        "impact": "high",
        "effort": "low",
        "status": "in_progress",
    },
    {
        "area": {"zh-CN": "广告投放", "en": "Ad delivery"},
        "problem": {
            "zh-CN": "短视频点击率比行业均值低 20%",
            "en": "Short-video CTR 20% under the industry mean",
        },
        "metric": {"zh-CN": "销售额", "en": "Sales"},
        "root_cause": {
            "zh-CN": "点击率低 → 素材缺乏紧迫感",
            "en": "Low CTR -> creatives lacked urgency",
        },
        "action": {"zh-CN": "素材增加“限时”文案", "en": "Add 'limited time' copy to the creatives"},
        "owner": {"zh-CN": "王主管", "en": "Wang (lead)"},
        "due": D(2024, 8, 5),
        "expected": {
            "zh-CN": "点击率回到行业均值（提升 20%）",
            "en": "CTR back to the industry mean (+20%)",
        },
        "impact": "high",
        "effort": "low",
        "status": "open",
    },
    {
        "area": {"zh-CN": "跨部门协作", "en": "Cross-team work"},
        "problem": {"zh-CN": "物料晚到 2 天", "en": "Materials arrived 2 days late"},
        "metric": "",
        "root_cause": {
            "zh-CN": "物料晚到 → 物流供应商对接混乱 → 没有备选供应商",
            "en": "Late materials -> logistics vendor mix-up -> no backup vendor",
        },
        "action": {
            "zh-CN": "增加备选物流供应商，提前 7 天备货",
            "en": "Add a backup vendor and stock 7 days ahead",
        },
        "owner": {"zh-CN": "刘主管", "en": "Liu (lead)"},
        "due": D(2024, 8, 15),
        "expected": {"zh-CN": "物料提前 3 天到位", "en": "Materials in 3 days early"},
        "impact": "medium",
        "effort": "medium",
        "status": "open",
    },
]

LESSONS: list[dict[str, Any]] = [
    {
        "category": "success",
        "lesson": {
            "zh-CN": "短视频+直播组合降低了获客成本",
            "en": "Short video + live stream lowered CAC",
        },
        "applies_to": {
            "zh-CN": "新品上市和大促拉新",
            "en": "New-customer acquisition in launches and promotions",
        },
        "evidence": {
            "zh-CN": "新客占比 +20%，获客成本 -15%",
            "en": "New-customer share +20%, CAC -15%",
        },
        "recorded_by": {"zh-CN": "王主管", "en": "Wang (lead)"},
        "recorded_on": D(2024, 7, 20),
    },
    {
        "category": "lesson",
        "lesson": {
            "zh-CN": "上线前先测试用户对活动规则的理解",
            "en": "Test rule comprehension before launch",
        },
        "applies_to": {"zh-CN": "规则复杂的促销活动", "en": "Promotions with complex rules"},
        "evidence": {
            "zh-CN": "30% 的用户反馈规则不清楚",
            "en": "30% of users said the rules were unclear",
        },
        "recorded_by": {"zh-CN": "李策划", "en": "Li (planner)"},
        "recorded_on": D(2024, 7, 20),
    },
]
