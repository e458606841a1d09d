"""The worked example of DOMAIN.md: a 2024 summer promotion.

Text is given in Simplified Chinese and English; the Traditional Chinese workbook converts the
Simplified text with OpenCC. List values are canonical codes, so the scaffold writes them in the
workbook's language. Numbers are real numbers with a number format, so the template's formulas
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

INFO: dict[str, tuple[Any, Any]] = {
    # key: (zh-CN, en)
    "project": ("2024年夏季促销活动", "2024 Summer Promotion"),
    "type": ("promotion", "promotion"),
    "start": (D(2024, 7, 1), D(2024, 7, 1)),
    "end": (D(2024, 7, 15), D(2024, 7, 15)),
    "owner": ("张经理", "Manager Zhang"),
    "audience": ("18-35岁女性", "Women aged 18-35"),
    "budget": (600000, 600000),
    "review_date": (D(2024, 7, 19), D(2024, 7, 19)),
    "team": ("张经理、李策划、王主管、刘主管", "Zhang, Li, Wang, Liu"),
    "key_question": (
        "为什么注册转化和销售额没有达到目标？",
        "Why did registration conversion and sales miss their targets?",
    ),
    "scope": ("2024-07-01 至 07-15 全渠道推广", "All channels, 2024-07-01 to 07-15"),
}

# (dimension, metric zh-CN, metric en, target, actual, number format, core, analysis zh, en)
KPIS: list[tuple[Any, ...]] = [
    (
        "traffic",
        "曝光量",
        "Impressions",
        5_000_000,
        4_500_000,
        FMT_INT,
        "no",
        "抖音渠道达成 120%，其他渠道仅 60%",
        "Douyin reached 120%, the other channel 60%",
    ),
    (
        "conversion",
        "注册转化率",
        "Registration conversion",
        0.05,
        0.04,
        FMT_PCT,
        "yes",
        "注册流程 5 步，落地页跳出率高",
        "5-step sign-up, high landing-page bounce",
    ),
    (
        "revenue",
        "ROI",
        "ROI",
        3,
        2.2,
        FMT_RATIO,
        "no",
        "销售额未达标而费用超支",
        "Sales missed while spend overran",
    ),
    (
        "cost",
        "总费用(万元)",
        "Total spend (10k CNY)",
        60,
        72,
        "0",
        "no",
        "追加短视频投放 12 万元，花了预算的 120%",
        "Extra 120k CNY on short video: 120% of budget",
    ),
    (
        "users",
        "新增注册用户",
        "New registered users",
        10_000,
        8_000,
        FMT_INT,
        "no",
        "注册转化率低导致新增不足",
        "Low registration conversion",
    ),
    (
        "revenue",
        "销售额",
        "Sales",
        2_000_000,
        1_600_000,
        FMT_INT,
        "yes",
        "短视频点击率低于行业均值，进店流量不足",
        "Short-video CTR below the industry mean",
    ),
]

# (area, problem, metric, root cause, action, owner, due, expected, impact, effort, status),
# each text as (zh-CN, en)
PROBLEMS: list[dict[str, Any]] = [
    {
        "area": ("注册环节", "Registration"),
        "problem": ("注册转化率 4%，目标 5%", "Registration conversion 4%, target 5%"),
        "metric": ("注册转化率", "Registration conversion"),
        "root_cause": (
            "注册转化率低 → 落地页跳出率高 → 注册流程 5 步太长",
            "Low conversion -> high landing-page bounce -> 5-step sign-up too long",
        ),
        "action": (
            "取消手机验证，注册从 5 步减到 3 步",
            "Drop phone verification: cut sign-up from 5 steps to 3",
        ),
        "owner": ("李策划", "Li (planner)"),
        "due": D(2024, 8, 10),
        "expected": ("注册转化率提升到 5.5%", "Registration conversion up to 5.5%"),
        "impact": "high",
        "effort": "low",
        "status": "in_progress",
    },
    {
        "area": ("广告投放", "Ad delivery"),
        "problem": ("短视频点击率比行业均值低 20%", "Short-video CTR 20% under the industry mean"),
        "metric": ("销售额", "Sales"),
        "root_cause": ("点击率低 → 素材缺乏紧迫感", "Low CTR -> creatives lacked urgency"),
        "action": ("素材增加“限时”文案", "Add 'limited time' copy to the creatives"),
        "owner": ("王主管", "Wang (lead)"),
        "due": D(2024, 8, 5),
        "expected": ("点击率回到行业均值（提升 20%）", "CTR back to the industry mean (+20%)"),
        "impact": "high",
        "effort": "low",
        "status": "open",
    },
    {
        "area": ("跨部门协作", "Cross-team work"),
        "problem": ("物料晚到 2 天", "Materials arrived 2 days late"),
        "metric": ("", ""),
        "root_cause": (
            "物料晚到 → 物流供应商对接混乱 → 没有备选供应商",
            "Late materials -> logistics vendor mix-up -> no backup vendor",
        ),
        "action": (
            "增加备选物流供应商，提前 7 天备货",
            "Add a backup vendor and stock 7 days ahead",
        ),
        "owner": ("刘主管", "Liu (lead)"),
        "due": D(2024, 8, 15),
        "expected": ("物料提前 3 天到位", "Materials in 3 days early"),
        "impact": "medium",
        "effort": "medium",
        "status": "open",
    },
]

LESSONS: list[dict[str, Any]] = [
    {
        "category": "success",
        "lesson": ("短视频+直播组合降低了获客成本", "Short video + live stream lowered CAC"),
        "applies_to": ("新品上市和大促拉新", "New-customer acquisition in launches and promotions"),
        "evidence": ("新客占比 +20%，获客成本 -15%", "New-customer share +20%, CAC -15%"),
        "recorded_by": ("张经理", "Manager Zhang"),
        "recorded_on": D(2024, 7, 19),
    },
    {
        "category": "lesson",
        "lesson": ("上线前先测试用户对活动规则的理解", "Test rule comprehension before launch"),
        "applies_to": ("规则复杂的促销活动", "Promotions with complex rules"),
        "evidence": ("30% 的用户反馈规则不清楚", "30% of users said the rules were unclear"),
        "recorded_by": ("李策划", "Li (planner)"),
        "recorded_on": D(2024, 7, 19),
    },
]
