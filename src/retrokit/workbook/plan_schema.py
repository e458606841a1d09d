"""The plan workbook: goals, the Gantt schedule, the budget split, risks, daily monitoring and
the team, declared as a second :class:`~retrokit.workbook.schema.SheetSet` (DOMAIN.md, the plan
side of the method). zh-TW labels are Taiwan usage; the character-for-character Traditional
forms (項目名稱) are read back as aliases.
"""

from __future__ import annotations

from typing import Any

from retrokit.workbook.schema import (
    DIMENSION,
    DIRECTION,
    LEVEL,
    PROJECT_TYPE,
    YES_NO,
    Column,
    Sheet,
    SheetSet,
    _choices,
)
from retrokit.workbook.types import ColType, NumberType

# fmt: off
PHASE = _choices(
    "phase",
    ("prep", {"zh-CN": "筹备", "zh-TW": "籌備", "en": "Prep"}, "准备", "準備", "preparation"),
    ("warm_up", {"zh-CN": "预热", "zh-TW": "預熱", "en": "Warm-up"}, "warmup", "warm up"),
    ("peak", {"zh-CN": "爆发", "zh-TW": "爆發", "en": "Peak"}, "高潮"),
    ("sustain", {"zh-CN": "持续", "zh-TW": "持續", "en": "Sustain"}, "延续", "延續"),
    ("wrap_up", {"zh-CN": "收尾", "zh-TW": "收尾", "en": "Wrap-up"}, "wrapup", "wrap up"),
    ("review", {"zh-CN": "复盘", "zh-TW": "復盤", "en": "Review"}, "覆盘", "retrospective"),
)
TASK_STATUS = _choices(
    "task_status",
    ("not_started", {"zh-CN": "未开始", "zh-TW": "未開始", "en": "Not started"}, "todo", "open", "待开始", "待開始"),
    ("in_progress", {"zh-CN": "进行中", "zh-TW": "進行中", "en": "In progress"}, "doing", "wip"),
    ("done", {"zh-CN": "已完成", "zh-TW": "已完成", "en": "Done"}, "完成", "completed", "finished"),
    ("delayed", {"zh-CN": "延期", "zh-TW": "延期", "en": "Delayed"}, "已延期", "late"),
    ("cancelled", {"zh-CN": "取消", "zh-TW": "取消", "en": "Cancelled"}, "已取消", "canceled", "dropped"),
)
BUDGET_CATEGORY = _choices(
    "budget_category",
    ("kol", {"zh-CN": "KOL合作", "zh-TW": "KOL合作", "en": "KOL"}, "KOL", "达人合作", "達人合作", "网红合作"),
    ("ads", {"zh-CN": "广告投放", "zh-TW": "廣告投放", "en": "Ads"}, "广告", "廣告", "advertising", "paid media"),
    ("materials", {"zh-CN": "物料制作", "zh-TW": "物料製作", "en": "Materials"}, "物料", "物料製作費", "物料制作费"),
    ("staff", {"zh-CN": "人力", "zh-TW": "人力", "en": "Staff"}, "人力成本", "people", "labour", "labor"),
    ("tech", {"zh-CN": "技术", "zh-TW": "技術", "en": "Tech"}, "technology"),
    ("contingency", {"zh-CN": "应急备用金", "zh-TW": "應急備用金", "en": "Contingency"}, "备用金", "備用金", "预备金", "預備金", "应急预留金", "應急預留金", "预留金", "預留金", "应急金", "應急金", "应急资金", "應急資金", "机动金", "機動金", "机动资金", "機動資金", "reserve", "contingency reserve", "contingency fund", "应急", "應急", "应急备用", "應急備用", "备用", "備用", "储备金", "儲備金", "buffer", "budget buffer", "reserve fund", "contingency budget"),
    ("other", {"zh-CN": "其他", "zh-TW": "其他", "en": "Other"}, "其它"),
)
RISK_STATUS = _choices(
    "risk_status",
    ("watching", {"zh-CN": "监控中", "zh-TW": "監控中", "en": "Watching"}, "monitoring", "open"),
    ("occurred", {"zh-CN": "已发生", "zh-TW": "已發生", "en": "Occurred"}, "happened"),
    ("closed", {"zh-CN": "已关闭", "zh-TW": "已關閉", "en": "Closed"}, "关闭", "關閉"),
)
ROLE = _choices(
    "role",
    ("lead", {"zh-CN": "组长", "zh-TW": "組長", "en": "Lead"}, "负责人", "負責人", "项目经理", "專案經理"),
    ("planner", {"zh-CN": "策划", "zh-TW": "企劃", "en": "Planner"}, "策劃"),
    ("designer", {"zh-CN": "设计", "zh-TW": "設計", "en": "Designer"}, "design"),
    ("channel", {"zh-CN": "渠道", "zh-TW": "通路", "en": "Channel"}),
    ("execution", {"zh-CN": "执行", "zh-TW": "執行", "en": "Execution"}),
    ("data", {"zh-CN": "数据", "zh-TW": "數據", "en": "Data"}, "資料", "analyst"),
)
# fmt: on

T, N, D, L, F = ColType.TEXT, ColType.NUMBER, ColType.DATE, ColType.CHOICE, ColType.FORMULA
IDS, SPAN, MEASURE, OPEN = ColType.TASK_IDS, ColType.DATE_SPAN, ColType.MEASURE, ColType.OPEN_CHOICE
MONEY, REVENUE = ColType.AMOUNT, ColType.REVENUE


#: Unit words of a duration in weeks (週 and 個 are folded to 周 and 个 before the match).
_WEEK_UNITS = frozenset(
    {"周", "个周", "星期", "个星期", "礼拜", "个礼拜", "wk", "wks", "week", "weeks"}
)


#: Days in a week: a duration typed in weeks is read as days, with this scale.
WEEK = 7.0


class _DaysType(NumberType):
    """A task's duration: read as any number, prompted as what it is, a whole number of days
    (the number prompt's 5% and 1:3 are no durations); weeks (1周, 2週, 2 weeks) are 7 days."""

    prompt_key = "prompt.days"
    #: A number cell is the number of days as it stands: the reader's short path takes it.
    numbers_as_is = True

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        from retrokit.workbook.values import Quantity

        days = super().parse(raw, column, number_format)
        if days.form == "plain" and days.unit.casefold() in _WEEK_UNITS:
            # Its own unit said weeks: a header in weeks or days does not scale it again.
            return Quantity(days.value * WEEK, days.form, days.direction, "", WEEK)
        return days

    def header_scale(self, label: str) -> float:
        """7 under a header in weeks (工期（周）, 工期(週), Duration (weeks)): the plain numbers
        there are weeks. A money multiplier (万) means nothing for days: 1 otherwise."""
        from retrokit.method.units import bracketed_units
        from retrokit.text import to_simplified

        units = (to_simplified(u.casefold()) for u in bracketed_units(label))
        return WEEK if any(u in _WEEK_UNITS for u in units) else 1.0


DAYS = _DaysType()

# fmt: off
OVERVIEW = Sheet(
    'overview', {'zh-CN': '活动概况', 'zh-TW': '活動概況', 'en': 'Plan overview'},
    kind='fields',
    aliases=('活动概览', '活動概覽', 'Overview', 'Plan'),
    columns=(
        Column('project', {'zh-CN': '项目名称', 'zh-TW': '專案名稱', 'en': 'Project'}, T, required=True, aliases=('項目名稱', '活动名称', '活動名稱', 'Project name', 'Campaign')),
        Column('type', {'zh-CN': '项目类型', 'zh-TW': '專案類型', 'en': 'Type'}, L, choices=PROJECT_TYPE, aliases=('項目類型', '活动类型', '活動類型', 'Project type')),
        Column('start', {'zh-CN': '开始日期', 'zh-TW': '開始日期', 'en': 'Start date'}, D, required=True, aliases=('Start', '开始时间', '活动开始', 'Start time')),
        Column('end', {'zh-CN': '结束日期', 'zh-TW': '結束日期', 'en': 'End date'}, D, required=True, aliases=('End', '结束时间', '活动结束', 'End time')),
        Column('owner', {'zh-CN': '负责人', 'zh-TW': '負責人', 'en': 'Owner'}, T, required=True, aliases=('项目负责人', '活动负责人', 'PM', 'Lead')),
        Column('audience', {'zh-CN': '目标用户', 'zh-TW': '目標使用者', 'en': 'Target audience'}, T, aliases=('目標用戶', '目标人群', '目標人群', 'Audience')),
        Column('budget', {'zh-CN': '总预算', 'zh-TW': '總預算', 'en': 'Total budget'}, MONEY, required=True, aliases=('预算', '預算', 'Budget')),
        Column('strategy', {'zh-CN': '核心策略', 'zh-TW': '核心策略', 'en': 'Core strategy'}, T, aliases=('Strategy', '策略')),
        Column('channels', {'zh-CN': '渠道组合', 'zh-TW': '通路組合', 'en': 'Channel mix'}, T, aliases=('渠道組合', 'Channels')),
        Column('theme', {'zh-CN': '传播主题', 'zh-TW': '傳播主題', 'en': 'Theme'}, T, aliases=('主题', 'Campaign theme')),
        Column('background', {'zh-CN': '项目背景', 'zh-TW': '專案背景', 'en': 'Background'}, T, aliases=('項目背景', '背景')),
    ),
)

GOALS = Sheet(
    'goals', {'zh-CN': '推广目标', 'zh-TW': '推廣目標', 'en': 'Goals'},
    aliases=('目标设定', '目標設定', 'Goal setting', 'Plan goals'),
    columns=(
        Column('dimension', {'zh-CN': '目标维度', 'zh-TW': '目標維度', 'en': 'Dimension'}, L, choices=DIMENSION, aliases=('维度', '維度'), width=10),
        Column('metric', {'zh-CN': '具体指标', 'zh-TW': '具體指標', 'en': 'Metric'}, T, required=True, aliases=('指标', '指標', '指标名称', '指標名稱'), width=18),
        Column('channel', {'zh-CN': '渠道', 'zh-TW': '通路', 'en': 'Channel'}, T, aliases=('渠道',), width=12),
        Column('phase', {'zh-CN': '阶段', 'zh-TW': '階段', 'en': 'Phase'}, L, choices=PHASE, width=10),
        Column('target', {'zh-CN': '量化目标', 'zh-TW': '量化目標', 'en': 'Target'}, MEASURE, required=True, aliases=('目标值', '目標值', 'SMART目标', 'SMART目標', '目标'), formats=True),
        Column('direction', {'zh-CN': '方向', 'zh-TW': '方向', 'en': 'Direction'}, L, choices=DIRECTION, width=12),
        Column('path', {'zh-CN': '达成路径', 'zh-TW': '達成路徑', 'en': 'Path'}, T, aliases=('实现路径', '實現路徑', 'How', '路径'), width=30),
        Column('owner', {'zh-CN': '负责人', 'zh-TW': '負責人', 'en': 'Owner'}, T, width=10),
        Column('due', {'zh-CN': '时间节点', 'zh-TW': '時間節點', 'en': 'Deadline'}, SPAN, aliases=('截止日期', '截止時間', 'Due', '截止'), width=22),
        Column('core', {'zh-CN': '核心指标', 'zh-TW': '核心指標', 'en': 'Core'}, L, choices=YES_NO, aliases=('核心', '核心？', '核心指标？', '核心指標？', '是否核心', '是否核心指标', '是否核心指標', 'Core?', 'Core KPI', 'Core KPI?'), width=10),
    ),
)

TASKS = Sheet(
    'tasks', {'zh-CN': '执行排期', 'zh-TW': '執行排程', 'en': 'Schedule'},
    aliases=('執行排期', '甘特图', '甘特圖', 'Gantt', 'Timeline'),
    columns=(
        Column('id', {'zh-CN': '编号', 'zh-TW': '編號', 'en': 'ID'}, T, required=True, aliases=('序号', '序號', '任务编号', '任務編號', 'Task ID', 'No.', 'No'), width=8, named_by='task'),
        Column('task', {'zh-CN': '任务名称', 'zh-TW': '任務名稱', 'en': 'Task'}, T, required=True, aliases=('任务', '任務', '事项', '工作事项', '工作内容'), width=20),
        Column('description', {'zh-CN': '任务描述', 'zh-TW': '任務描述', 'en': 'Description'}, T, width=28),
        Column('phase', {'zh-CN': '阶段', 'zh-TW': '階段', 'en': 'Phase'}, L, choices=PHASE, width=10),
        Column('owner', {'zh-CN': '负责人', 'zh-TW': '負責人', 'en': 'Owner'}, T, width=10),
        Column('start', {'zh-CN': '开始时间', 'zh-TW': '開始時間', 'en': 'Start'}, D, required=True, aliases=('开始日期', '開始日期', 'Start date', '开始'), width=12),
        Column('end', {'zh-CN': '结束时间', 'zh-TW': '結束時間', 'en': 'End'}, D, required=True, aliases=('结束日期', '結束日期', 'End date', '结束', '截止日期', '截止时间'), width=12),
        Column('duration', {'zh-CN': '工期(天)', 'zh-TW': '工期(天)', 'en': 'Days'}, DAYS, aliases=('工期', '天数', '天數', 'Duration'), width=10, derived_from=('start', 'end')),
        Column('depends_on', {'zh-CN': '前置依赖', 'zh-TW': '前置依賴', 'en': 'Depends on'}, IDS, aliases=('前置任务', '前置任務', '依赖', '依賴', 'Predecessors', '前置', '依赖任务', 'Predecessor', 'Dependencies'), width=12),
        Column('status', {'zh-CN': '状态', 'zh-TW': '狀態', 'en': 'Status'}, L, choices=TASK_STATUS, aliases=('进度状态', '進度狀態', 'Progress status'), width=10),
        Column('finished', {'zh-CN': '实际完成', 'zh-TW': '實際完成', 'en': 'Finished'}, D, aliases=('实际完成时间', '實際完成時間', 'Actual finish'), width=12),
        Column('deliverable', {'zh-CN': '交付标准', 'zh-TW': '交付標準', 'en': 'Deliverable'}, T, aliases=('交付物',), width=20),
    ),
)

BUDGET = Sheet(
    'budget', {'zh-CN': '预算分配', 'zh-TW': '預算分配', 'en': 'Budget'},
    aliases=('预算', '預算', 'Budget split'),
    total_columns=('category', 'item'),
    shared_unit=('planned', 'actual', 'revenue'),
    columns=(
        Column('category', {'zh-CN': '类别', 'zh-TW': '類別', 'en': 'Category'}, OPEN, choices=BUDGET_CATEGORY, aliases=('预算类别', '預算類別'), width=12),
        Column('item', {'zh-CN': '明细', 'zh-TW': '明細', 'en': 'Item'}, T, aliases=('项目', '項目'), width=24),
        Column('channel', {'zh-CN': '渠道', 'zh-TW': '通路', 'en': 'Channel'}, T, aliases=('渠道',), width=12),
        Column('phase', {'zh-CN': '阶段', 'zh-TW': '階段', 'en': 'Phase'}, L, choices=PHASE, width=10),
        Column('planned', {'zh-CN': '计划金额', 'zh-TW': '計畫金額', 'en': 'Planned'}, MONEY, required=True, aliases=('計劃金額', '预算金额', '預算金額', '预算', '金额'), width=12, formats=True),
        Column('share', {'zh-CN': '计划占比', 'zh-TW': '計畫占比', 'en': 'Share'}, F, aliases=('計劃佔比', '占比', '佔比'), width=10),
        Column('actual', {'zh-CN': '实际花费', 'zh-TW': '實際花費', 'en': 'Spent'}, MONEY, aliases=('实际金额', '實際金額', 'Actual', '实际', '已花费', '花费'), width=12, formats=True),
        Column('revenue', {'zh-CN': '归因收入', 'zh-TW': '歸因收入', 'en': 'Revenue'}, REVENUE, aliases=('收入',), width=12, formats=True),
        Column('owner', {'zh-CN': '负责人', 'zh-TW': '負責人', 'en': 'Owner'}, T, width=10),
    ),
)

RISKS = Sheet(
    'risks', {'zh-CN': '风险预案', 'zh-TW': '風險預案', 'en': 'Risks'},
    aliases=('风险', '風險', 'Risk plan'),
    columns=(
        Column('risk', {'zh-CN': '风险', 'zh-TW': '風險', 'en': 'Risk'}, T, required=True, aliases=('风险描述', '風險描述'), width=24),
        Column('likelihood', {'zh-CN': '可能性', 'zh-TW': '可能性', 'en': 'Likelihood'}, L, choices=LEVEL, aliases=('概率', 'Probability'), width=10),
        Column('impact', {'zh-CN': '影响程度', 'zh-TW': '影響程度', 'en': 'Impact'}, L, choices=LEVEL, aliases=('影响',), width=10),
        Column('signal', {'zh-CN': '预警信号', 'zh-TW': '預警訊號', 'en': 'Signal'}, T, aliases=('預警信號', '预警'), width=22),
        Column('response', {'zh-CN': '应对措施', 'zh-TW': '應對措施', 'en': 'Response'}, T, aliases=('预案', '預案', '应对', 'Mitigation'), width=28),
        Column('owner', {'zh-CN': '负责人', 'zh-TW': '負責人', 'en': 'Owner'}, T, width=10),
        Column('status', {'zh-CN': '状态', 'zh-TW': '狀態', 'en': 'Status'}, L, choices=RISK_STATUS, width=10),
    ),
)

DAILY = Sheet(
    'daily', {'zh-CN': '每日监测', 'zh-TW': '每日監測', 'en': 'Daily monitoring'},
    aliases=('数据监测', '數據監測', 'Monitoring', 'Daily'),
    columns=(
        Column('date', {'zh-CN': '日期', 'zh-TW': '日期', 'en': 'Date'}, D, required=True, width=12),
        Column('channel', {'zh-CN': '渠道', 'zh-TW': '通路', 'en': 'Channel'}, T, aliases=('渠道',), width=12),
        Column('metric', {'zh-CN': '指标', 'zh-TW': '指標', 'en': 'Metric'}, T, required=True, aliases=('指标名称', '指標名稱'), width=18),
        Column('value', {'zh-CN': '数值', 'zh-TW': '數值', 'en': 'Value'}, N, required=True, aliases=('数据', '數據', '值'), width=12, formats=True),
        Column('note', {'zh-CN': '备注', 'zh-TW': '備註', 'en': 'Note'}, T, width=24),
    ),
    optional=True,
)

TEAM = Sheet(
    'team', {'zh-CN': '项目分工', 'zh-TW': '專案分工', 'en': 'Team'},
    aliases=('項目分工', '团队分工', '團隊分工', 'Roster'),
    columns=(
        Column('role', {'zh-CN': '角色', 'zh-TW': '角色', 'en': 'Role'}, OPEN, choices=ROLE, width=10),
        Column('name', {'zh-CN': '姓名', 'zh-TW': '姓名', 'en': 'Name'}, T, required=True, aliases=('成员', '成員', '人员', '人員'), width=12),
        Column('duty', {'zh-CN': '职责', 'zh-TW': '職責', 'en': 'Duty'}, T, aliases=('工作内容', '工作內容', '分工', 'Responsibility', 'Responsibilities'), width=36),
    ),
    optional=True,
)
# fmt: on

#: The plan: overview, goals, the schedule, the budget, risks, daily monitoring, the team.
PLAN = SheetSet("plan", (OVERVIEW, GOALS, TASKS, BUDGET, RISKS, DAILY, TEAM))
PLAN_CHOICE_LISTS = (PHASE, TASK_STATUS, BUDGET_CATEGORY, RISK_STATUS, ROLE)
