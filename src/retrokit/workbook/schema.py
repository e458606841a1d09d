"""The one declaration of the retrospective workbook.

Sheet names, column headers, aliases, value types, required-ness and list values live here and
nowhere else. The scaffold writes from it, the reader matches against it, lint checks against it
and the report takes its labels from it. Adding a column is one line in one of the tables below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Lang = Literal["zh-CN", "zh-TW", "en"]
LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
DEFAULT_LANG: Lang = "zh-CN"

TEMPLATE_VERSION = "1"
META_SHEET = "_retrokit"


class ColType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "list"
    FORMULA = "formula"


class _Trilingual:
    """A label in the three languages plus aliases: what a list value, a column and a sheet
    share. (A plain base: the dataclasses below declare the fields.)"""

    zh_cn: str
    zh_tw: str
    en: str
    aliases: tuple[str, ...]

    def label(self, lang: Lang) -> str:
        return {"zh-CN": self.zh_cn, "zh-TW": self.zh_tw, "en": self.en}[lang]

    def spellings(self) -> Iterator[str]:
        """Every way a user may write it (matched after :func:`retrokit.text.fold`)."""
        yield self.zh_cn
        yield self.zh_tw
        yield self.en
        yield from self.aliases


@dataclass(frozen=True)
class Choice(_Trilingual):
    """One value of a dropdown list: a canonical English code and its label per language."""

    code: str
    zh_cn: str
    zh_tw: str
    en: str
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

    def by_code(self, code: str) -> Choice:
        for c in self.choices:
            if c.code == code:
                return c
        raise KeyError(code)


def _choices(name: str, *rows: tuple[str, ...]) -> ChoiceList:
    return ChoiceList(name, tuple(Choice(r[0], r[1], r[2], r[3], tuple(r[4:])) for r in rows))


PROJECT_TYPE = _choices(
    "project_type",
    ("launch", "新品上市", "新品上市", "Launch", "product launch"),
    ("promotion", "促销活动", "促銷活動", "Promotion"),
    ("brand", "品牌活动", "品牌活動", "Brand", "brand campaign"),
    ("traffic", "引流活动", "引流活動", "Traffic", "traffic campaign"),
    ("periodic", "阶段性总结", "階段性總結", "Periodic review", "periodic"),
    ("other", "其他", "其他", "Other"),
)
DIMENSION = _choices(
    "dimension",
    ("traffic", "流量", "流量", "Traffic"),
    ("conversion", "转化", "轉化", "Conversion", "轉換"),
    ("engagement", "传播", "傳播", "Engagement", "communication"),
    ("revenue", "收益", "收益", "Revenue", "营收", "營收"),
    ("cost", "成本", "成本", "Cost", "费用", "費用"),
    ("users", "用户", "用戶", "Users", "user", "使用者"),
    ("other", "其他", "其他", "Other"),
)
DIRECTION = _choices(
    "direction",
    ("higher", "越高越好", "越高越好", "Higher is better", "higher", "高", "↑"),
    ("lower", "越低越好", "越低越好", "Lower is better", "lower", "低", "↓"),
)
YES_NO = _choices(
    "yes_no",
    ("yes", "是", "是", "Yes", "y", "true", "1", "✓", "√", "核心"),
    ("no", "否", "否", "No", "n", "false", "0", "✗", "×"),
)
LEVEL = _choices(
    "level",
    ("high", "高", "高", "High", "h"),
    ("medium", "中", "中", "Medium", "m", "med", "mid"),
    ("low", "低", "低", "Low", "l"),
)
STATUS = _choices(
    "status",
    ("open", "未开始", "未開始", "Open", "not started", "todo", "to do"),
    ("in_progress", "进行中", "進行中", "In progress", "doing", "wip"),
    ("done", "已完成", "已完成", "Done", "completed", "closed", "完成"),
    ("dropped", "已取消", "已取消", "Dropped", "cancelled", "canceled", "取消"),
)
CATEGORY = _choices(
    "category",
    ("success", "成功经验", "成功經驗", "Success"),
    ("lesson", "改进教训", "改進教訓", "Lesson", "教训", "教訓"),
    ("surprise", "意外发现", "意外發現", "Surprise"),
)
RESULT = _choices(
    "result",
    ("exceeded", "超额完成", "超額完成", "Exceeded"),
    ("met", "基本完成", "基本完成", "Met"),
    ("missed", "未完成", "未完成", "Missed"),
)
PRIORITY = _choices(
    "priority",
    ("quick_win", "优先做", "優先做", "Quick win"),
    ("major_project", "重点规划", "重點規劃", "Major project"),
    ("fill_in", "顺手做", "順手做", "Fill-in"),
    ("defer", "暂缓", "暫緩", "Defer"),
)
#: Metric-name words that make a KPI lower-is-better when its Direction is blank (DOMAIN.md).
LOWER_IS_BETTER_WORDS: tuple[str, ...] = (
    "费用",
    "費用",
    "成本",
    "花费",
    "花費",
    "支出",
    "获客成本",
    "獲客成本",
    "CAC",
    "CPA",
    "CPC",
    "CPM",
    "跳出率",
    "流失率",
    "退货率",
    "退貨率",
    "加载时间",
    "載入時間",
    "加載時間",
    "投诉",
    "投訴",
    "cost",
    "spend",
    "expense",
    "bounce",
    "churn",
    "return rate",
    "load time",
    "complaint",
)

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
class Column(_Trilingual):
    """A column of a table sheet, or a field of the Basic info sheet."""

    key: str
    zh_cn: str
    zh_tw: str
    en: str
    type: ColType = ColType.TEXT
    required: bool = False
    choices: ChoiceList | None = None
    aliases: tuple[str, ...] = ()
    width: int = 14
    #: Whether the cell's number format tells what the number is (a percent or a ratio: 5% is
    #: stored as 0.05, 1:3 as a time), so the reader looks the format up.
    formats: bool = False


@dataclass(frozen=True)
class Sheet(_Trilingual):
    key: str
    zh_cn: str
    zh_tw: str
    en: str
    columns: tuple[Column, ...]
    #: "fields": a two-column field/value sheet; "table": a header row with records below.
    kind: Literal["fields", "table"] = "table"
    aliases: tuple[str, ...] = ()

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
# One line a column: key, zh-CN, zh-TW, en, type, then required-ness, list, aliases, width.
INFO = Sheet(
    'info', '基本信息', '基本資訊', 'Basic Info',
    kind='fields',
    aliases=('基本资料', '基本資料', 'Basic Information', 'Info'),
    columns=(
        Column('project', '项目名称', '項目名稱', 'Project', T, required=True, aliases=('活动名称', '活動名稱', '專案名稱', 'Project name', 'Campaign')),
        Column('type', '项目类型', '項目類型', 'Type', L, choices=PROJECT_TYPE, aliases=('活动类型', '活動類型', 'Project type', 'Campaign type')),
        Column('start', '开始日期', '開始日期', 'Start date', D, required=True, aliases=('Start',)),
        Column('end', '结束日期', '結束日期', 'End date', D, required=True, aliases=('End',)),
        Column('owner', '负责人', '負責人', 'Owner', T, required=True),
        Column('audience', '目标用户', '目標用戶', 'Target audience', T, aliases=('目标人群', '目標人群', '目標使用者', 'Audience')),
        Column('budget', '预算', '預算', 'Budget', N, aliases=('总预算', '總預算')),
        Column('review_date', '复盘日期', '復盤日期', 'Review date', D, aliases=('覆盘日期',)),
        Column('team', '复盘成员', '復盤成員', 'Review team', T, aliases=('Team', '参与人员')),
        Column('key_question', '核心问题', '核心問題', 'Key question', T, required=True, aliases=('关键问题', '關鍵問題')),
        Column('scope', '复盘范围', '復盤範圍', 'Scope', T),
    ),
)

KPIS = Sheet(
    'kpis', 'KPI评估', 'KPI評估', 'KPI Evaluation',
    aliases=('KPI', 'KPIs', '指标评估', '指標評估', '目标达成', '目標達成'),
    columns=(
        Column('dimension', '维度', '維度', 'Dimension', L, choices=DIMENSION, width=10),
        Column('metric', '指标名称', '指標名稱', 'Metric', T, required=True, aliases=('指标', '指標', 'KPI', 'KPI name', 'Metric name'), width=20),
        Column('channel', '渠道', '渠道', 'Channel', T, width=12),
        Column('direction', '方向', '方向', 'Direction', L, choices=DIRECTION),
        Column('target', '目标值', '目標值', 'Target', N, required=True, aliases=('目标', '目標'), formats=True),
        Column('actual', '实际值', '實際值', 'Actual', N, required=True, aliases=('实际', '實際', '完成值', '实际完成'), formats=True),
        Column('gap', '差异值', '差異值', 'Gap', F, aliases=('差异', '差異', '差值'), width=12, formats=True),
        Column('rate', '达成率', '達成率', 'Achievement', F, aliases=('完成率', 'Achievement rate', 'Rate'), width=10),
        Column('result', '结果', '結果', 'Result', F, aliases=('达成情况', '達成情況'), width=10),
        Column('core', '核心指标', '核心指標', 'Core', L, choices=YES_NO, aliases=('核心', 'Core KPI'), width=10),
        Column('analysis', '分析简述', '分析簡述', 'Analysis', T, aliases=('分析', '原因分析', '说明', '說明'), width=36),
    ),
)

PROBLEMS = Sheet(
    'problems', '问题与行动', '問題與行動', 'Problems & Actions',
    aliases=('问题和行动', '問題和行動', 'Problems and Actions', 'Problems', 'Actions', '问题分析', '問題分析', '改进计划', '改進計劃'),
    columns=(
        Column('area', '问题环节', '問題環節', 'Area', T, required=True, width=12),
        Column('problem', '问题描述', '問題描述', 'Problem', T, required=True, width=30),
        Column('metric', '关联指标', '關聯指標', 'Metric', T, aliases=('Related metric',)),
        Column('root_cause', '根因分析', '根因分析', 'Root cause', T, required=True, aliases=('根本原因', '原因'), width=36),
        Column('action', '改进措施', '改進措施', 'Action', T, required=True, aliases=('行动', '行動', 'Improvement'), width=30),
        Column('owner', '责任人', '責任人', 'Owner', T, required=True, aliases=('负责人', '負責人'), width=10),
        Column('due', '完成时间', '完成時間', 'Due', D, required=True, aliases=('截止日期', '截止时间', '截止時間', 'Due date', 'Deadline'), width=12),
        Column('expected', '预期效果', '預期效果', 'Expected effect', T, required=True, aliases=('Expected',), width=20),
        Column('impact', '影响程度', '影響程度', 'Impact', L, choices=LEVEL, width=10),
        Column('effort', '实施难度', '實施難度', 'Effort', L, choices=LEVEL, width=10),
        Column('status', '状态', '狀態', 'Status', L, choices=STATUS, width=10),
        Column('carried_from', '来源', '來源', 'Carried from', T, aliases=('延续自', '延續自', '来自', 'From'), width=22),
    ),
)

LESSONS = Sheet(
    'lessons', '经验沉淀', '經驗沉澱', 'Lessons',
    aliases=('经验总结', '經驗總結', 'Lessons learned', '经验教训', '經驗教訓'),
    columns=(
        Column('category', '分类', '分類', 'Category', L, choices=CATEGORY, width=12),
        Column('lesson', '经验内容', '經驗內容', 'Lesson', T, required=True, aliases=('经验', '經驗'), width=40),
        Column('applies_to', '适用场景', '適用場景', 'Applies to', T, aliases=('场景', '場景'), width=24),
        Column('evidence', '效果数据', '效果數據', 'Evidence', T, aliases=('数据', '數據'), width=24),
        Column('recorded_by', '记录人', '記錄人', 'Recorded by', T, width=10),
        Column('recorded_on', '记录时间', '記錄時間', 'Recorded on', D, aliases=('记录日期', '記錄日期'), width=12),
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
