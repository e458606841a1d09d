"""The one declaration of the retrospective workbook.

Sheet names, column headers, aliases, value types, required-ness and list values live here and
nowhere else. The scaffold writes from it, the reader matches against it, lint checks against it
and the report takes its labels from it. Adding a column is one line in one of the tables below.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from retrokit.i18n.languages import DEFAULT_LANG as DEFAULT_LANG
from retrokit.i18n.languages import LANGS as LANGS
from retrokit.i18n.languages import Lang as Lang

# Re-exported: the modules that read the schema take the language names from it too.
from retrokit.workbook.types import ColType, ColumnType

#: A label in every registered language, keyed by language code ("zh-CN": "指标名称").
Labels = Mapping[str, str]

TEMPLATE_VERSION = "1"
META_SHEET = "_retrokit"


class _Labelled:
    """A label per language plus aliases: what a list value, a column and a sheet share.
    (A plain base: the dataclasses below declare the fields.)"""

    labels: Labels
    aliases: tuple[str, ...]

    def label(self, lang: Lang) -> str:
        return self.labels[lang]

    def spellings(self) -> Iterator[str]:
        """Every way a user may write it (matched after :func:`retrokit.text.fold`)."""
        for lang in LANGS:
            yield self.labels[lang]
        yield from self.aliases


@dataclass(frozen=True)
class Choice(_Labelled):
    """One value of a dropdown list: a canonical English code and its label per language."""

    code: str
    labels: Labels = field(hash=False)
    aliases: tuple[str, ...] = ()

    def spellings(self) -> Iterator[str]:
        yield self.code
        yield from super().spellings()


@dataclass(frozen=True)
class ChoiceList:
    name: str
    choices: tuple[Choice, ...]

    def labels(self, lang: Lang) -> list[str]:
        return [c.label(lang) for c in self.choices]

    def label_of(self, code: str | None, lang: Lang) -> str:
        """The label of a code in ``lang``; empty for no code."""
        return self.by_code(code).label(lang) if code else ""

    def shown(self, value: str | None, lang: Lang) -> str:
        """What a cell of this list shows in ``lang``: a code's label, and a value the list
        does not know (the free text of an open list, a team's own budget category) as typed."""
        try:
            return self.label_of(value, lang)
        except KeyError:
            return value or ""

    def by_code(self, code: str) -> Choice:
        for c in self.choices:
            if c.code == code:
                return c
        raise KeyError(code)


def _choices(name: str, *rows: tuple[str, Labels, *tuple[str, ...]]) -> ChoiceList:
    """A list from rows of code, labels, then aliases."""
    return ChoiceList(name, tuple(Choice(r[0], r[1], tuple(r[2:])) for r in rows))


# fmt: off
# One line a value: code, labels by language, then aliases.
PROJECT_TYPE = _choices(
    "project_type",
    ("launch", {"zh-CN": "新品上市", "zh-TW": "新品上市", "en": "Launch"}, "product launch"),
    ("promotion", {"zh-CN": "促销活动", "zh-TW": "促銷活動", "en": "Promotion"}, "促销", "大促"),
    ("brand", {"zh-CN": "品牌活动", "zh-TW": "品牌活動", "en": "Brand"}, "brand campaign"),
    ("traffic", {"zh-CN": "引流活动", "zh-TW": "引流活動", "en": "Traffic"}, "traffic campaign", "引流", "拉新"),
    ("periodic", {"zh-CN": "阶段性总结", "zh-TW": "階段性總結", "en": "Periodic review"}, "periodic"),
    ("other", {"zh-CN": "其他", "zh-TW": "其他", "en": "Other"}, "其它"),
)
DIMENSION = _choices(
    "dimension",
    # DOMAIN's goal dimensions (brand exposure, user interaction, sales conversion) too.
    ("traffic", {"zh-CN": "流量", "zh-TW": "流量", "en": "Traffic"}, "品牌曝光", "品牌曝光度", "曝光", "曝光度", "brand exposure", "exposure", "reach", "awareness"),
    ("conversion", {"zh-CN": "转化", "zh-TW": "轉化", "en": "Conversion"}, "轉換", "销售转化", "銷售轉化", "銷售轉換", "sales conversion"),
    ("engagement", {"zh-CN": "传播", "zh-TW": "傳播", "en": "Engagement"}, "communication", "用户互动", "用戶互動", "使用者互動", "互动", "互動", "user interaction", "interaction", "user engagement", "品牌", "品牌传播", "brand"),
    ("revenue", {"zh-CN": "收益", "zh-TW": "收益", "en": "Revenue"}, "营收", "營收", "销售", "销售额", "sales", "GMV"),
    ("cost", {"zh-CN": "成本", "zh-TW": "成本", "en": "Cost"}, "费用", "費用"),
    ("users", {"zh-CN": "用户", "zh-TW": "使用者", "en": "Users"}, "user", "用戶", "拉新", "新客", "留存", "acquisition", "retention"),
    ("other", {"zh-CN": "其他", "zh-TW": "其他", "en": "Other"}, "其它"),
)
DIRECTION = _choices(
    "direction",
    ("higher", {"zh-CN": "越高越好", "zh-TW": "越高越好", "en": "Higher is better"}, "higher", "高", "↑",
     "越大越好", "越多越好", "越大越佳", "越高越佳", "越多越佳", "高更好", "大更好", "多更好",
     "正向", "more is better", "bigger is better", "larger is better", "greater is better",
     "higher better", "up", "⬆", "▲"),
    ("lower", {"zh-CN": "越低越好", "zh-TW": "越低越好", "en": "Lower is better"}, "lower", "低", "↓",
     "越小越好", "越少越好", "越低越佳", "越小越佳", "越少越佳", "低更好", "小更好", "少更好", "反向",
     "less is better", "smaller is better", "fewer is better", "lower better", "down", "⬇", "▼"),
)
YES_NO = _choices(
    "yes_no",
    ("yes", {"zh-CN": "是", "zh-TW": "是", "en": "Yes"}, "y", "true", "1", "✓", "√", "核心"),
    ("no", {"zh-CN": "否", "zh-TW": "否", "en": "No"}, "n", "false", "0", "✗", "×", "非核心", "不是"),
)
LEVEL = _choices(
    "level",
    ("high", {"zh-CN": "高", "zh-TW": "高", "en": "High"}, "h", "较高", "很高", "非常高", "大", "较大"),
    ("medium", {"zh-CN": "中", "zh-TW": "中", "en": "Medium"}, "m", "med", "mid", "中等", "一般", "适中"),
    ("low", {"zh-CN": "低", "zh-TW": "低", "en": "Low"}, "l", "较低", "很低", "小", "较小"),
)
STATUS = _choices(
    "status",
    ("open", {"zh-CN": "未开始", "zh-TW": "未開始", "en": "Open"}, "not started", "todo", "to do",
     "待开始", "待处理", "待办", "未启动", "延期", "暂停", "搁置", "on hold", "postponed", "paused"),
    ("in_progress", {"zh-CN": "进行中", "zh-TW": "進行中", "en": "In progress"}, "doing", "wip",
     "进行", "跟进中", "处理中", "推进中", "执行中", "ongoing", "in-progress"),
    ("done", {"zh-CN": "已完成", "zh-TW": "已完成", "en": "Done"}, "completed", "closed", "完成",
     "已关闭", "已解决", "已落地", "resolved", "finished"),
    ("dropped", {"zh-CN": "已取消", "zh-TW": "已取消", "en": "Dropped"}, "cancelled", "canceled", "取消",
     "放弃", "已放弃", "不做", "abandoned"),
)
CATEGORY = _choices(
    "category",
    ("success", {"zh-CN": "成功经验", "zh-TW": "成功經驗", "en": "Success"}, "经验", "經驗", "成功", "亮点", "亮點"),
    ("lesson", {"zh-CN": "改进教训", "zh-TW": "改進教訓", "en": "Lesson"}, "教训", "教訓", "失败",
     "不足", "待改进", "失败教训", "failure", "improvement", "mistake"),
    ("surprise", {"zh-CN": "意外发现", "zh-TW": "意外發現", "en": "Surprise"}, "意外", "惊喜", "驚喜",
     "发现", "新发现", "insight", "finding"),
)
RESULT = _choices(
    "result",
    ("exceeded", {"zh-CN": "超额完成", "zh-TW": "超額完成", "en": "Exceeded"}),
    ("met", {"zh-CN": "基本完成", "zh-TW": "基本完成", "en": "Met"}),
    ("missed", {"zh-CN": "未完成", "zh-TW": "未完成", "en": "Missed"}),
)
PRIORITY = _choices(
    "priority",
    ("quick_win", {"zh-CN": "优先做", "zh-TW": "優先做", "en": "Quick win"}),
    ("major_project", {"zh-CN": "重点规划", "zh-TW": "重點規劃", "en": "Major project"}),
    ("fill_in", {"zh-CN": "顺手做", "zh-TW": "順手做", "en": "Fill-in"}),
    ("defer", {"zh-CN": "暂缓", "zh-TW": "暫緩", "en": "Defer"}),
)
# fmt: on
# The metric-name vocabulary of direction lives in retrokit.method.direction.

ALL_CHOICE_LISTS = (
    PROJECT_TYPE,
    DIMENSION,
    DIRECTION,
    YES_NO,
    LEVEL,
    STATUS,
    CATEGORY,
    RESULT,
    PRIORITY,
)


@dataclass(frozen=True)
class Column(_Labelled):
    """A column of a table sheet, or a field of the Basic info sheet."""

    key: str
    labels: Labels = field(hash=False)
    type: ColumnType = ColType.TEXT
    required: bool = False
    choices: ChoiceList | None = None
    aliases: tuple[str, ...] = ()
    width: int = 14
    #: Whether the cell's number format tells what the number is (a percent or a ratio: 5% is
    #: stored as 0.05, 1:3 as a time), so the reader looks the format up.
    formats: bool = False
    #: The key of the column that names the rows when this required one is left out: its
    #: absence is then no S002 (a schedule without 编号 knows its tasks by their names).
    named_by: str | None = None
    #: The keys of the columns this one can be worked out from (a task's days from its start
    #: and end): a formula here without a saved result is no V007 while they are all read.
    derived_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet(_Labelled):
    key: str
    labels: Labels = field(hash=False)
    columns: tuple[Column, ...]
    #: "fields": a two-column field/value sheet; "table": a header row with records below.
    kind: Literal["fields", "table"] = "table"
    aliases: tuple[str, ...] = ()
    #: Columns whose 合计 / Total makes the row a total row whatever its other cells say (a
    #: budget's category or item: KOL合作 | 小计 sums the KOL lines above).
    total_columns: tuple[str, ...] = ()
    #: Columns that split a named row into parts (a KPI's channel, its dimension): 合计 /
    #: Total there makes the row the sum of its name's other rows when it has some (GMV 天猫,
    #: GMV 抖音, GMV 合计), and is no value of the column; alone it is the whole (a
    #: campaign-level KPI), read as a row.
    part_columns: tuple[str, ...] = ()
    #: A sheet a team may leave out (the plan's daily monitoring before launch): no S001.
    optional: bool = False
    #: Number columns counted in one unit, the first's: a column whose header names no unit
    #: takes the first one's (a budget's 实际花费 beside 计划金额（万元）: a bare 13 is 13万).
    shared_unit: tuple[str, ...] = ()

    def name(self, lang: Lang) -> str:
        """The sheet's name in ``lang`` (its label)."""
        return self.label(lang)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


T, N, D, L, F = ColType.TEXT, ColType.NUMBER, ColType.DATE, ColType.CHOICE, ColType.FORMULA

# fmt: off
# One line a column: key, labels by language, type, then required-ness, list, aliases, width.
INFO = Sheet(
    'info', {'zh-CN': '基本信息', 'zh-TW': '基本資訊', 'en': 'Basic Info'},
    kind='fields',
    aliases=('基本资料', '基本資料', 'Basic Information', 'Info'),
    columns=(
        Column('project', {'zh-CN': '项目名称', 'zh-TW': '專案名稱', 'en': 'Project'}, T, required=True, aliases=('活动名称', '活動名稱', '項目名稱', 'Project name', 'Campaign', 'Campaign name')),
        Column('type', {'zh-CN': '项目类型', 'zh-TW': '專案類型', 'en': 'Type'}, ColType.OPEN_CHOICE, choices=PROJECT_TYPE, aliases=('活动类型', '活動類型', '項目類型', 'Project type', 'Campaign type')),
        Column('start', {'zh-CN': '开始日期', 'zh-TW': '開始日期', 'en': 'Start date'}, D, required=True, aliases=('Start', '开始时间', '活动开始', '上线日期', 'Start time')),
        Column('end', {'zh-CN': '结束日期', 'zh-TW': '結束日期', 'en': 'End date'}, D, required=True, aliases=('End', '结束时间', '活动结束', 'End time')),
        Column('owner', {'zh-CN': '负责人', 'zh-TW': '負責人', 'en': 'Owner'}, T, required=True, aliases=('项目负责人', '活动负责人', 'Project owner', 'PM', 'Lead')),
        Column('audience', {'zh-CN': '目标用户', 'zh-TW': '目標使用者', 'en': 'Target audience'}, T, aliases=('目标人群', '目標人群', '目標用戶', 'Audience', '受众', 'Target users')),
        Column('budget', {'zh-CN': '预算', 'zh-TW': '預算', 'en': 'Budget'}, N, aliases=('总预算', '總預算', '活动预算')),
        Column('review_date', {'zh-CN': '复盘日期', 'zh-TW': '復盤日期', 'en': 'Review date'}, D, aliases=('覆盘日期', '复盘时间')),
        Column('team', {'zh-CN': '复盘成员', 'zh-TW': '復盤成員', 'en': 'Review team'}, T, aliases=('Team', '参与人员', '参与人')),
        Column('key_question', {'zh-CN': '核心问题', 'zh-TW': '核心問題', 'en': 'Key question'}, T, required=True, aliases=('关键问题', '關鍵問題', '复盘问题', '核心复盘问题')),
        Column('scope', {'zh-CN': '复盘范围', 'zh-TW': '復盤範圍', 'en': 'Scope'}, T),
    ),
)

KPIS = Sheet(
    'kpis', {'zh-CN': 'KPI评估', 'zh-TW': 'KPI評估', 'en': 'KPI Evaluation'},
    aliases=('KPI', 'KPIs', '指标评估', '指標評估', '目标达成', '目標達成'),
    columns=(
        Column('dimension', {'zh-CN': '维度', 'zh-TW': '維度', 'en': 'Dimension'}, L, choices=DIMENSION, aliases=('指标类别', '指标类型'), width=10),
        Column('metric', {'zh-CN': '指标名称', 'zh-TW': '指標名稱', 'en': 'Metric'}, T, required=True, aliases=('指标', '指標', 'KPI', 'KPI name', 'Metric name', 'KPI名称', '考核指标', '指标项', 'Indicator'), width=20),
        # zh-TW 渠道 as DOMAIN.md's sheet has it; Taiwan's 通路 is read too (and said in texts).
        Column('channel', {'zh-CN': '渠道', 'zh-TW': '渠道', 'en': 'Channel'}, T, aliases=('通路', '平台', '渠道/平台', '投放渠道', 'Platform'), width=12),
        Column('direction', {'zh-CN': '方向', 'zh-TW': '方向', 'en': 'Direction'}, L, choices=DIRECTION, aliases=('指标方向', '评价方向', 'Better if')),
        Column('target', {'zh-CN': '目标值', 'zh-TW': '目標值', 'en': 'Target'}, ColType.KPI_NUMBER, required=True, aliases=('目标', '目標', '计划值', '目标数', 'Goal', 'Plan', 'Planned', 'Target value'), formats=True),
        Column('actual', {'zh-CN': '实际值', 'zh-TW': '實際值', 'en': 'Actual'}, ColType.KPI_NUMBER, required=True, aliases=('实际', '實際', '完成值', '实际完成', '实际达成', '实际数', 'Achieved', 'Actual value'), formats=True),
        Column('gap', {'zh-CN': '差异值', 'zh-TW': '差異值', 'en': 'Gap'}, F, aliases=('差异', '差異', '差值', '差距'), width=12, formats=True),
        Column('rate', {'zh-CN': '达成率', 'zh-TW': '達成率', 'en': 'Achievement'}, F, aliases=('完成率', 'Achievement rate', 'Rate'), width=10),
        Column('result', {'zh-CN': '结果', 'zh-TW': '結果', 'en': 'Result'}, F, aliases=('达成情况', '達成情況'), width=10),
        Column('core', {'zh-CN': '核心指标', 'zh-TW': '核心指標', 'en': 'Core'}, L, choices=YES_NO, aliases=('核心', 'Core KPI', '是否核心', '是否核心指标', 'Key KPI', 'Key?'), width=10),
        Column('analysis', {'zh-CN': '分析简述', 'zh-TW': '分析簡述', 'en': 'Analysis'}, T, aliases=('分析', '原因分析', '说明', '說明', '备注', 'Notes', 'Note', 'Comment', 'Comments', 'Remarks'), width=36),
    ),
    part_columns=('channel', 'dimension'),
)

PROBLEMS = Sheet(
    'problems', {'zh-CN': '问题与行动', 'zh-TW': '問題與行動', 'en': 'Problems & Actions'},
    aliases=('问题和行动', '問題和行動', 'Problems and Actions', 'Problems', 'Actions', '问题分析', '問題分析', '改进计划', '改進計劃'),
    columns=(
        Column('area', {'zh-CN': '问题环节', 'zh-TW': '問題環節', 'en': 'Area'}, T, required=True, aliases=('环节', '业务环节', 'Stage'), width=12),
        Column('problem', {'zh-CN': '问题描述', 'zh-TW': '問題描述', 'en': 'Problem'}, T, required=True, aliases=('问题', '存在问题', '问题点', 'Issue'), width=30),
        Column('metric', {'zh-CN': '关联指标', 'zh-TW': '關聯指標', 'en': 'Metric'}, T, aliases=('Related metric',)),
        Column('root_cause', {'zh-CN': '根因分析', 'zh-TW': '根因分析', 'en': 'Root cause'}, T, required=True, aliases=('根本原因', '原因', '根因'), width=36),
        Column('action', {'zh-CN': '改进措施', 'zh-TW': '改進措施', 'en': 'Action'}, T, required=True, aliases=('行动', '行動', 'Improvement', '措施', '改进方案', '对策'), width=30),
        Column('owner', {'zh-CN': '责任人', 'zh-TW': '責任人', 'en': 'Owner'}, T, required=True, aliases=('负责人', '負責人'), width=10),
        Column('due', {'zh-CN': '完成时间', 'zh-TW': '完成時間', 'en': 'Due'}, D, required=True, aliases=('截止日期', '截止时间', '截止時間', 'Due date', 'Deadline'), width=12),
        Column('expected', {'zh-CN': '预期效果', 'zh-TW': '預期效果', 'en': 'Expected effect'}, T, required=True, aliases=('Expected', 'Expected result', '预期结果'), width=20),
        Column('impact', {'zh-CN': '影响程度', 'zh-TW': '影響程度', 'en': 'Impact'}, L, choices=LEVEL, width=10),
        Column('effort', {'zh-CN': '实施难度', 'zh-TW': '實施難度', 'en': 'Effort'}, L, choices=LEVEL, aliases=('难度',), width=10),
        Column('status', {'zh-CN': '状态', 'zh-TW': '狀態', 'en': 'Status'}, L, choices=STATUS, aliases=('进展', '执行状态'), width=10),
        Column('carried_from', {'zh-CN': '来源', 'zh-TW': '來源', 'en': 'Carried from'}, T, aliases=('延续自', '延續自', '来自', 'From'), width=22),
    ),
)

LESSONS = Sheet(
    'lessons', {'zh-CN': '经验沉淀', 'zh-TW': '經驗沉澱', 'en': 'Lessons'},
    aliases=('经验总结', '經驗總結', 'Lessons learned', '经验教训', '經驗教訓'),
    columns=(
        Column('category', {'zh-CN': '分类', 'zh-TW': '分類', 'en': 'Category'}, L, choices=CATEGORY, width=12),
        Column('lesson', {'zh-CN': '经验内容', 'zh-TW': '經驗內容', 'en': 'Lesson'}, T, required=True, aliases=('经验', '經驗', '经验教训', '心得', '经验总结'), width=40),
        Column('applies_to', {'zh-CN': '适用场景', 'zh-TW': '適用場景', 'en': 'Applies to'}, T, aliases=('场景', '場景', '适用范围'), width=24),
        Column('evidence', {'zh-CN': '效果数据', 'zh-TW': '效果數據', 'en': 'Evidence'}, T, aliases=('数据', '數據', '依据', '证据', '数据支撑'), width=24),
        Column('recorded_by', {'zh-CN': '记录人', 'zh-TW': '記錄人', 'en': 'Recorded by'}, T, width=10),
        Column('recorded_on', {'zh-CN': '记录时间', 'zh-TW': '記錄時間', 'en': 'Recorded on'}, D, aliases=('记录日期', '記錄日期', '日期', 'Date'), width=12),
    ),
)
# fmt: on


@dataclass(frozen=True)
class SheetSet:
    """A kind of workbook: the sheets the reader looks for, the scaffold writes and lint checks.

    The reader returns each sheet's records under its key (``Workbook.tables``), so a new kind of
    workbook is a new set of declarations, not new fields in the reader."""

    kind: str
    sheets: tuple[Sheet, ...]

    def sheet(self, key: str) -> Sheet:
        for s in self.sheets:
            if s.key == key:
                return s
        raise KeyError(key)


#: The retrospective: basic info, KPI evaluation, problems and actions, lessons.
REVIEW = SheetSet("review", (INFO, KPIS, PROBLEMS, LESSONS))
SHEET_SETS: dict[str, SheetSet] = {s.kind: s for s in (REVIEW,)}
SHEETS: tuple[Sheet, ...] = REVIEW.sheets


def sheet(key: str) -> Sheet:
    return REVIEW.sheet(key)
