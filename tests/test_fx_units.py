"""A KPI's figures read as written, not relabelled: target and actual in two currencies get no
gap, rate or result and a V005.currency finding at the actual (¥, RMB, CNY and 元 are one; a
currency on one side only is no mix); figures fifty times apart are said to be most likely
typed in two units (V005.magnitude, the rate kept); a rate typed as fractions (转化率 0.12 and
0.1) is shown as percentages with pp gaps; rows of 1亿 or more are shown in 亿; a review made
from a plan keeps its budget's currency; a plan's budget line in another currency is said
(B001.currency). Workbooks typed from scratch in three languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from builders import typed_book
from plan_builders import Book
from retrokit import api
from retrokit.method import Analysis, KpiResult
from retrokit.render import display
from retrokit.render.view import kpi_row
from retrokit.workbook.plan_schema import BUDGET, OVERVIEW
from retrokit.workbook.schema import Lang

#: (basic info, KPI sheet, its headers) per language, as a team types them.
SHEETS: dict[str, tuple[str, list[list[Any]], str, list[str]]] = {
    "zh-CN": (
        "基本信息",
        [["字段", "内容"], ["项目名称", "币种"], ["开始日期", "2025-01-10"],
         ["结束日期", "2025-01-20"], ["负责人", "张"], ["核心问题", "q"]],
        "KPI评估",
        ["维度", "指标名称", "目标值", "实际值", "核心指标", "分析简述"],
    ),
    "zh-TW": (
        "基本資訊",
        [["欄位", "內容"], ["專案名稱", "幣別"], ["開始日期", "2025/3/1"],
         ["結束日期", "2025/3/20"], ["負責人", "陳經理"], ["核心問題", "q"]],
        "KPI評估",
        ["維度", "指標名稱", "目標值", "實際值", "核心指標", "分析簡述"],
    ),
    "en": (
        "Basic Info",
        [["Field", "Value"], ["Project", "FX"], ["Start date", "2025-01-10"],
         ["End date", "2025-01-20"], ["Owner", "Al"], ["Key question", "q"]],
        "KPI Evaluation",
        ["Dimension", "Metric", "Target", "Actual", "Core", "Analysis"],
    ),
}  # fmt: skip
DIMENSION = {"zh-CN": "收益", "zh-TW": "收益", "en": "Revenue"}
NO = {"zh-CN": "否", "zh-TW": "否", "en": "No"}


def _review(tmp_path: Path, lang: Lang, rows: list[tuple[str, Any, Any]]) -> Analysis:
    """A review typed by hand in ``lang`` with one KPI row per (metric, target, actual)."""
    info_name, info, kpi_name, headers = SHEETS[lang]
    kpis = [headers] + [[DIMENSION[lang], m, t, a, NO[lang], "x"] for m, t, a in rows]
    path = typed_book(tmp_path / f"review-{lang}.xlsx", {info_name: info, kpi_name: kpis})
    return api.analyze_workbook(path)


def _kpi(analysis: Analysis, metric: str) -> KpiResult:
    return next(k for k in analysis.kpis if k.metric == metric)


def _keys(analysis: Analysis, row: int) -> list[tuple[str, str | None]]:
    return [(f.key, f.cell) for f in analysis.findings if f.row == row and f.code == "V005"]


# --- 1. two currencies --------------------------------------------------------------------------

MIXED = [
    ("zh-TW", "營收", "HK$100萬", "NT$350萬", ("HK$", "NT$"), ("HK$100萬", "NT$350萬")),
    ("zh-TW", "獲客成本", "NT$150", "¥40", ("NT$", "¥"), ("NT$150", "¥40")),
    ("en", "Revenue EU", "€1.2M", "¥9M", ("€", "¥"), ("€1.2M", "¥9M")),
    ("en", "Revenue", "£200k", "$250k", ("£", "$"), ("£200K", "$250K")),
    ("en", "Revenue", "US$5,000", "300 GBP", ("US$", "£"), ("US$5,000", "£300")),
    ("zh-CN", "销售额", "200万元", "US$30万", ("元", "US$"), ("200万元", "US$30万")),
    ("zh-CN", "销售额", "HKD 100万", "RMB 90万", ("HK$", "¥"), ("HK$100万", "¥90万")),
]


@pytest.mark.parametrize(("lang", "metric", "target", "actual", "currencies", "shown"), MIXED)
def test_two_currencies_get_no_rate_and_a_finding_at_the_actual(
    tmp_path: Path,
    lang: Lang,
    metric: str,
    target: str,
    actual: str,
    currencies: tuple[str, str],
    shown: tuple[str, str],
) -> None:
    analysis = _review(tmp_path, lang, [(metric, target, actual)])
    kpi = _kpi(analysis, metric)
    assert (kpi.gap, kpi.rate, kpi.status, kpi.unit) == (None, None, None, None)
    assert kpi.currencies == currencies
    assert kpi.undefined_reason == "V005.currency"
    assert _keys(analysis, 2) == [("V005.currency", "D2")]
    assert not [f for f in analysis.findings if f.code == "V004"]  # said once, as V005
    finding = next(f for f in analysis.findings if f.key == "V005.currency")
    for language in ("zh-CN", "zh-TW", "en"):
        message = finding.message(language)  # type: ignore[arg-type]
        assert target in message and actual in message
        assert currencies[0] in message and currencies[1] in message
    # Each figure in its own currency, never relabelled; no gap, rate n/a, unrated.
    row = kpi_row(kpi, lang)
    assert (row.target, row.actual, row.gap, row.status) == (*shown, "", "unrated")
    assert analysis.summary["unrated"] == 1


@pytest.mark.parametrize(
    ("lang", "metric", "target", "actual", "rate"),
    [
        ("zh-CN", "销售额", "¥200万", "180万元", 0.9),  # ¥ and 元 are one
        ("zh-CN", "销售额", "RMB 200万", "CNY 180万", 0.9),
        ("zh-CN", "销售额", "¥200万", "RMB 180万", 0.9),
        ("zh-TW", "營收", "NT$400萬", "360萬元", 0.9),  # 元 in Taipei is the NT dollar
        ("zh-TW", "營收", "NT$400萬", "TWD 360萬", 0.9),
        ("zh-TW", "獲客成本", "NT$150", "40", 150 / 40),  # one side only: as always
        ("en", "Revenue", "$200k", "US$180k", 0.9),  # $ is any dollar
        ("en", "Revenue", "200k", "£180k", 0.9),
    ],
)
def test_one_currency_or_one_side_keeps_todays_reading(
    tmp_path: Path, lang: Lang, metric: str, target: str, actual: str, rate: float
) -> None:
    analysis = _review(tmp_path, lang, [(metric, target, actual)])
    kpi = _kpi(analysis, metric)
    assert kpi.currencies is None and kpi.rate == pytest.approx(rate)
    assert not [f for f in analysis.findings if f.key == "V005.currency"]


def test_a_currency_in_the_metrics_name_is_each_sides_without_one(tmp_path: Path) -> None:
    analysis = _review(tmp_path, "zh-TW", [("營收(NT$萬)", "400", "HK$90萬")])
    kpi = _kpi(analysis, "營收(NT$萬)")
    assert kpi.currencies == ("NT$", "HK$") and kpi.rate is None


# --- 2. a unit slip -----------------------------------------------------------------------------

SLIPS = [
    ("zh-CN", "曝光量", "500万", "450"),
    ("zh-CN", "总费用(万元)", "60", "720000"),
    ("zh-CN", "销售额", "200万", "1.6亿"),
    ("zh-TW", "曝光量", "500萬", "450"),
    ("zh-TW", "營收", "NT$200萬", "NT$1.6億"),
    ("en", "Sessions", "1.2M", "900"),
    ("en", "Revenue", "£200", "£250k"),
    ("en", "Loss", "-2", "-500"),  # one sign: still a slip
]


@pytest.mark.parametrize(("lang", "metric", "target", "actual"), SLIPS)
def test_figures_fifty_times_apart_are_asked_for_their_units(
    tmp_path: Path, lang: Lang, metric: str, target: str, actual: str
) -> None:
    analysis = _review(tmp_path, lang, [(metric, target, actual)])
    kpi = _kpi(analysis, metric)
    assert kpi.rate is not None or kpi.undefined_reason  # kept as computed: a warning only
    assert _keys(analysis, 2) == [("V005.magnitude", "D2")]
    finding = next(f for f in analysis.findings if f.key == "V005.magnitude")
    assert finding.severity.value == "warning"
    for language in ("zh-CN", "zh-TW", "en"):
        message = finding.message(language)  # type: ignore[arg-type]
        assert target in message and actual in message


@pytest.mark.parametrize(
    ("lang", "metric", "target", "actual"),
    [
        ("zh-CN", "曝光量", "500万", "450万"),
        ("zh-CN", "曝光量", "1万", "45万"),  # 45 times: a viral week, not asked
        ("zh-CN", "转化率", "5%", "0.01%"),  # a rate: its own checks
        ("zh-CN", "点击率", "2", "0.01"),
        ("en", "ROI", "1:3", "1:300"),
        ("en", "ROI", "3", "400"),
        ("en", "Sessions", "0", "900"),  # no ratio (V004)
        ("en", "Profit", "-200", "30000"),  # signs differ
        ("zh-TW", "營收", "HK$1萬", "NT$350萬"),  # two currencies: V005.currency only
        ("zh-CN", "投诉数", "10", "0"),
    ],
)
def test_no_slip_asked_of_close_figures_rates_ratios_or_another_finding(
    tmp_path: Path, lang: Lang, metric: str, target: str, actual: str
) -> None:
    analysis = _review(tmp_path, lang, [(metric, target, actual)])
    assert not [f for f in analysis.findings if f.key == "V005.magnitude"]


# --- 3. a rate typed as fractions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "metric", "target", "actual", "shown"),
    [
        ("zh-CN", "转化率A", 0.12, 0.10, ("12.0%", "10.0%", "-2.0 pp")),
        ("zh-CN", "跳出率", 0.4, 0.5, ("40.0%", "50.0%", "+10.0 pp")),
        ("zh-TW", "轉換率", 0.12, 0.1, ("12.0%", "10.0%", "-2.0 pp")),
        ("en", "CTR", 0.025, 0.021, ("2.5%", "2.1%", "-0.4 pp")),
        ("en", "Retention rate", 1, 0.9, ("100.0%", "90.0%", "-10.0 pp")),
        ("en", "Bounce rate", 0, 0.3, ("0.0%", "30.0%", "+30.0 pp")),
    ],
)
def test_a_rate_typed_as_fractions_is_shown_in_percent(
    tmp_path: Path,
    lang: Lang,
    metric: str,
    target: float,
    actual: float,
    shown: tuple[str, str, str],
) -> None:
    analysis = _review(tmp_path, lang, [(metric, target, actual)])
    kpi = _kpi(analysis, metric)
    assert (kpi.target, kpi.actual) == (target, actual)  # the fractions, as typed
    row = kpi_row(kpi, lang)
    assert (row.target, row.actual, row.gap) == shown
    if target:
        expected = actual / target if kpi.direction.value == "higher" else target / actual
        assert kpi.rate == pytest.approx(expected)  # the rate as before


@pytest.mark.parametrize(
    ("metric", "target", "actual", "shown"),
    [
        ("ROI", 0.8, 0.5, ("0.8", "0.5")),  # a ratio, not a percentage
        ("投资回报率", 0.8, 0.5, ("0.8", "0.5")),
        ("客单价", 0.8, 0.5, ("0.8", "0.5")),  # no percent in the name
        ("增长率", 0.5, 1.2, ("0.5", "1.2")),  # a figure past 1: as typed
        ("增长率", -0.02, 0.05, ("-0.02", "0.05")),
        # A 率 that is no percentage, and names carrying their figures' unit (review 56):
        # 0.5 per mille is no 50%, and 0.8 under 转化率 % is 0.8 points.
        ("人均复购频率", 0.5, 0.4, ("0.5", "0.4")),
        ("库存周转率", 0.8, 0.6, ("0.8", "0.6")),
        ("投诉率(‰)", 0.5, 0.3, ("0.5", "0.3")),
        ("投诉率‰", 0.5, 0.3, ("0.5", "0.3")),
        ("转化率 %", 0.8, 0.6, ("0.8", "0.6")),
        ("占比%", 0.3, 0.2, ("0.3", "0.2")),
    ],
)
def test_ratios_and_names_without_percent_stay_bare(
    tmp_path: Path, metric: str, target: float, actual: float, shown: tuple[str, str]
) -> None:
    analysis = _review(tmp_path, "zh-CN", [(metric, target, actual)])
    row = kpi_row(_kpi(analysis, metric), "zh-CN")
    assert (row.target, row.actual) == shown


def test_a_rate_in_fractions_is_percent_in_the_markdown_report(tmp_path: Path) -> None:
    analysis = _review(tmp_path, "zh-CN", [("转化率A", 0.12, 0.1)])
    line = next(x for x in api.render_report(analysis, "md").splitlines() if "转化率A" in x)
    assert "12.0%" in line and "10.0%" in line and "-2.0 pp" in line and "0.12" not in line


# --- 4. 亿 in Chinese ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "target", "actual", "shown"),
    [
        ("zh-CN", "3亿", "3.2亿", ("3亿", "3.2亿", "+0.2亿")),
        ("zh-CN", 320000000, 350000000, ("3.2亿", "3.5亿", "+0.3亿")),
        ("zh-TW", "3億", "3.2億", ("3億", "3.2億", "+0.2億")),
        ("zh-TW", "NT$1.2億", "NT$1.5億", ("NT$1.2億", "NT$1.5億", "+NT$0.3億")),
        ("en", "300M", "320M", ("300M", "320M", "+20M")),
        ("en", "1.2B", "1.5B", ("1.2B", "1.5B", "+0.3B")),
        # One scale per row: the smallest figure under 1亿 keeps the row in 万.
        ("zh-CN", "1.2亿", "9800万", ("12000万", "9800万", "-2200万")),
        # A difference two decimals of 亿 cannot show keeps it in 万 too.
        ("zh-CN", "3亿", "3.001亿", ("30000万", "30010万", "+10万")),
        # ... and so does a figure they cannot show exactly (review 56: 1亿 / 1.02亿 / +0.01亿
        # neither added up nor kept the 40万).
        ("zh-CN", 100400000, 101600000, ("10040万", "10160万", "+120万")),
        # 万 as before: the gap reaches the scale, or the row is plain.
        ("zh-CN", "500万", "450万", ("500万", "450万", "-50万")),
        ("zh-CN", "1万", "8000", ("10,000", "8,000", "-2,000")),
    ],
)
def test_figures_of_an_yi_or_more_are_shown_in_yi(
    tmp_path: Path, lang: Lang, target: Any, actual: Any, shown: tuple[str, str, str]
) -> None:
    metric = {"zh-CN": "销售额", "zh-TW": "營收", "en": "Revenue"}[lang]
    analysis = _review(tmp_path, lang, [(metric, target, actual)])
    row = kpi_row(_kpi(analysis, metric), lang)
    assert (row.target, row.actual, row.gap) == shown


# --- 5. init --from-plan keeps the plan's currency ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "budget", "number_format", "currency", "shown"),
    [
        ("zh-TW", "NT$300萬", None, "NT$", "NT$300萬"),
        ("zh-CN", "¥60万", None, "¥", "¥60万"),
        ("en", "£480K", None, "£", "£480K"),
        ("zh-TW", 3_000_000, '"HK$"#,##0', "HK$", "HK$300萬"),  # a number shown with HK$
        ("zh-CN", 600_000, None, "", "60万"),  # none: as before
    ],
)
def test_a_review_from_the_plan_keeps_its_budgets_currency(
    tmp_path: Path,
    lang: Lang,
    budget: Any,
    number_format: str | None,
    currency: str,
    shown: str,
) -> None:
    book = Book(lang)
    book.set("overview", 0, "budget", budget)
    if number_format:
        ws = book.sheet("overview")
        cell = next(c for row in ws.iter_rows() for c in row if c.value == budget)
        cell.number_format = number_format
    plan = book.save(tmp_path / "plan.xlsx")
    review = api.scaffold_workbook(tmp_path / "review.xlsx", lang=lang, plan=plan)
    analysis = api.analyze_workbook(review)
    assert analysis.currency == currency
    assert analysis.info["budget"] == {"NT$300萬": 3e6, "¥60万": 6e5, "£480K": 4.8e5}.get(
        str(budget), budget
    )
    assert display.money(analysis.info["budget"], lang, analysis.currency) == shown


def test_a_typed_reviews_budget_shown_with_a_currency_is_in_it(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    info_name, info, kpi_name, headers = SHEETS["zh-TW"]
    path = typed_book(
        tmp_path / "review.xlsx",
        {info_name: [*info, ["預算", 3_000_000]], kpi_name: [headers]},
    )
    wb = load_workbook(path)
    wb[info_name]["B7"].number_format = "[$NT$-404]#,##0"
    wb.save(path)
    assert api.analyze_workbook(path).currency == "NT$"


# --- the plan's budget in one currency ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "total", "line", "other", "finding"),
    [
        ("zh-TW", "NT$300萬", "HK$50萬", "HK$", True),
        ("zh-CN", "¥60万", "US$2万", "US$", True),
        ("en", "£480K", "€50K", "€", True),
        ("zh-TW", "NT$300萬", "50萬元", "", False),  # 元 in Taipei is the NT dollar
        ("zh-CN", "¥60万", "RMB 20万", "", False),
        ("en", "£480K", "50K", "", False),  # no currency of its own: the budget's
    ],
)
def test_a_budget_line_in_another_currency_is_said(
    tmp_path: Path, lang: Lang, total: str, line: str, other: str, finding: bool
) -> None:
    book = Book(lang)
    book.set("overview", 0, "budget", total)
    ws = book.sheet("budget")
    column = [c.key for c in BUDGET.columns].index("planned") + 1
    ws.cell(row=2, column=column).value = line
    plan = api.analyze_plan(book.save(tmp_path / "plan.xlsx"))
    said = [f for f in plan.findings if f.key == "B001.currency"]
    if not finding:
        assert not said
        return
    letter = "ABCDEFGHIJ"[column - 1]
    assert [f.cell for f in said] == [f"{letter}2"]
    message = said[0].message(lang)
    budget = {"NT$300萬": "NT$", "¥60万": "¥", "£480K": "£"}[total]
    assert line in message and other in message and budget in message


def test_a_total_spend_in_another_currency_is_said_not_compared_with_the_plans(
    tmp_path: Path,
) -> None:
    """B004 compares the review's total spend with its plan's; in HK$ against a plan in NT$
    the two are not relabelled into one currency and compared: B004.currency says so."""
    from openpyxl import load_workbook

    from builders import write
    from test_trial_budget import HEADER, trial_plan

    planned, _, revenue = HEADER["zh-TW"]
    plan = trial_plan(tmp_path, "zh-TW", (planned, "實際花費(元)", revenue), "own")
    review = write(tmp_path / "r.xlsx", lang="zh-TW")
    before = api.analyze_workbook(review, plan=plan)
    assert [f.code for f in before.findings if f.code == "B004"] == ["B004"]  # 72萬 vs 54萬
    wb = load_workbook(review)
    cell = next(c for ws in wb for row in ws.iter_rows() for c in row if c.value == 72)
    cell.value = "HK$72萬"
    wb.save(review)
    after = api.analyze_workbook(review, plan=plan)
    (said,) = [f for f in after.findings if f.code == "B004"]
    assert said.key == "B004.currency"
    for lang, words in (("zh-TW", ("HK$72萬", "NT$54萬", "幣別")), ("en", ("HK$720K", "NT$"))):
        message = said.message(lang)  # type: ignore[arg-type]
        assert all(w in message for w in words), message


@pytest.mark.parametrize("form", ["[DBNum2][$-804]General", "[$-804]#,##0", "[$-804]0.00"])
def test_a_locale_tag_naming_no_symbol_is_no_dollar(tmp_path: Path, form: str) -> None:
    """Chinese capital numerals' format ([DBNum2][$-804]General) carries a locale tag with a
    $ in it and no currency: the budget stays yuan, never $60万 (review 56)."""
    from retrokit.workbook.package import _CURRENCY_IN_FORMAT

    assert all(not any(m.groups()) for m in _CURRENCY_IN_FORMAT.finditer(form))
    book = Book("zh-CN")
    overview = book.sheet("overview")
    row = [c.key for c in OVERVIEW.columns].index("budget") + 2
    overview.cell(row=row, column=2).number_format = form
    plan = api.analyze_plan(book.save(tmp_path / "plan.xlsx"), today=dt.date(2024, 7, 8))
    assert plan.budget.currency == "" and plan.budget.total == 600_000
    assert not [f for f in plan.findings if "$" in f.message("zh-CN")]


def test_a_metric_is_shown_one_way_across_its_channels(tmp_path: Path) -> None:
    """点击率 typed in points for one channel (1.2 / 0.9) keeps the other channel's 0.9 / 0.7
    as typed too: one team's convention, never 1.2 beside 90.0% (review 56)."""
    path = typed_book(
        tmp_path / "ctr.xlsx",
        {
            "基本信息": [["字段", "内容"], ["项目名称", "夏季促销"], ["开始日期", "2024-07-01"]],
            "KPI评估": [
                ["维度", "指标", "渠道", "目标值", "实际值"],
                ["流量", "点击率", "抖音", 1.2, 0.9],
                ["流量", "点击率", "小红书", 0.9, 0.7],
                ["转化", "转化率", "抖音", 0.12, 0.1],
            ],
        },
    )
    rows = [kpi_row(k, "zh-CN") for k in api.analyze_workbook(path).kpis]
    assert [(r.target, r.actual) for r in rows] == [
        ("1.2", "0.9"),
        ("0.9", "0.7"),
        ("12.0%", "10.0%"),
    ]
