"""Pacing of figures per unit (averaged, not summed), units with a multiplier (万元) in goal
names, daily values and money headers, daily rows after --today, and one scale per pacing row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from builders import example_data, write
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.method.direction import is_per_unit
from retrokit.method.plan import is_ratio
from retrokit.method.units import header_scale, in_unit
from retrokit.render import display
from retrokit.render.plan_report import render_plan_report
from retrokit.render.plan_terminal import render_plan
from retrokit.text import fold
from retrokit.workbook.plan_schema import PLAN
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
JUNE_10 = dt.date(2024, 6, 10)

# Per language: goal names and the daily base each figure per unit is weighted by.
NAMES: dict[str, dict[str, str]] = {
    "zh-CN": {"aov": "客单价", "cpc": "CPC", "cpa": "获客成本", "orders": "订单数",
              "clicks": "点击量", "sales": "销售额(万元)", "spend": "总费用(万元)", "reach": "新增用户"},
    "zh-TW": {"aov": "客單價", "cpc": "CPC", "cpa": "獲客成本", "orders": "訂單數",
              "clicks": "點擊量", "sales": "銷售額(萬元)", "spend": "總費用(萬元)", "reach": "新增用戶"},
    "en": {"aov": "Average order value", "cpc": "CPC", "cpa": "Cost per acquisition",
           "orders": "Orders", "clicks": "Clicks", "sales": "Sales (10k CNY)",
           "spend": "Total spend (10k CNY)", "reach": "New users"},
}  # fmt: skip
#: A daily figure of 6万 (60,000) as each language types it.
SIX_WAN = {"zh-CN": "6万", "zh-TW": "6萬", "en": "60k"}
TWO_WAN = {"zh-CN": "2万", "zh-TW": "2萬", "en": "20k"}


def _june(book: Book) -> None:
    book.set("overview", 0, "start", dt.date(2024, 6, 1))
    book.set("overview", 0, "end", dt.date(2024, 6, 30))


def _general(book: Book, key: str, column: str) -> None:
    """The example's number formats (5% on its conversion goal) taken off a column."""
    index = [c.key for c in PLAN.sheet(key).columns].index(column) + 1
    for row in book.sheet(key).iter_rows(min_row=2, min_col=index, max_col=index):
        row[0].number_format = "General"


def _goals(book: Book, goals: list[tuple[str, Any]]) -> None:
    book.clear("goals")
    _general(book, "goals", "target")
    for row, (metric, target) in enumerate(goals, start=2):
        book.set("goals", row, "metric", metric)
        book.set("goals", row, "target", target)
        book.set("goals", row, "core", "Yes" if book.lang == "en" else "是")


def _daily(book: Book, rows: list[tuple[dt.date, str, Any]]) -> None:
    book.clear("daily")
    _general(book, "daily", "value")
    for row, (day, metric, value) in enumerate(rows, start=2):
        book.set("daily", row, "date", day)
        book.set("daily", row, "metric", metric)
        book.set("daily", row, "value", value)


def _days(n: int = 10) -> list[dt.date]:
    return [dt.date(2024, 6, d) for d in range(1, n + 1)]


def _pacing(plan: Any) -> dict[str, Any]:
    return {fold(p.metric): p for p in plan.monitoring}


# --- 1. figures per unit are averaged ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["客单价", "客單價", "CPC", "CPA", "CPM", "CAC", "获客成本", "單客成本", "转化成本", "均价",
     "平均停留时长", "人均消费", "ARPU", "AOV", "Average order value", "cost per lead",
     "点击单价"],
)  # fmt: skip
def test_figures_per_unit_are_paced_as_ratios(name: str) -> None:
    assert is_per_unit(name) and is_ratio(name)


@pytest.mark.parametrize("name", ["销售额", "曝光量", "花费", "投放成本", "总费用(万元)", "Orders"])
def test_counts_and_totals_are_still_summed(name: str) -> None:
    assert not is_per_unit(name) and not is_ratio(name)


@pytest.mark.parametrize("lang", LANGS)
def test_average_order_value_and_costs_per_result_are_averaged(tmp_path: Path, lang: Lang) -> None:
    n = NAMES[lang]

    def edit(book: Book) -> None:
        _june(book)
        _goals(book, [(n["aov"], 200), (n["cpc"], 2), (n["cpa"], 50)])
        rows: list[tuple[dt.date, str, Any]] = []
        for i, day in enumerate(_days()):
            rows += [(day, n["aov"], 190), (day, n["cpc"], 1.8)]
            rows += [(day, n["cpa"], 40 if i % 2 == 0 else 80)]
        _daily(book, rows)

    plan = api.analyze_plan(plan_file(tmp_path, lang, edit), today=JUNE_10)
    pacing = _pacing(plan)
    aov, cpc, cpa = (pacing[fold(n[k])] for k in ("aov", "cpc", "cpa"))
    assert (aov.to_date, aov.projected) == (190, 190)
    assert (cpc.to_date, cpc.projected, cpc.status) == (1.8, 1.8, "ahead")  # lower is better
    assert cpa.to_date == 60 and cpa.weighted_by is None  # no base: a plain mean
    assert aov.expected_to_date == 200 and aov.status == "on_track"
    # Only the cost per acquisition misses its target: 60 against 50, not 600 against 50.
    misses = [f for f in plan.findings if f.code == "M001"]
    assert (
        len(misses) == 1
        and "60" in misses[0].message(lang)
        and "600" not in misses[0].message(lang)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_per_unit_is_weighted_by_its_base(tmp_path: Path, lang: Lang) -> None:
    n = NAMES[lang]

    def edit(book: Book) -> None:
        _june(book)
        _goals(book, [(n["aov"], 200), (n["cpc"], 2)])
        rows: list[tuple[dt.date, str, Any]] = []
        for day, aov, orders, cpc, clicks in (
            (dt.date(2024, 6, 1), 100, 1, 1.0, 100),
            (dt.date(2024, 6, 2), 300, 3, 3.0, 300),
        ):
            rows += [(day, n["aov"], aov), (day, n["orders"], orders)]
            rows += [(day, n["cpc"], cpc), (day, n["clicks"], clicks)]
        _daily(book, rows)

    pacing = _pacing(api.analyze_plan(plan_file(tmp_path, lang, edit), today=JUNE_10))
    aov, cpc = pacing[fold(n["aov"])], pacing[fold(n["cpc"])]
    # (100 x 1 + 300 x 3) / 4 orders; (1 x 100 + 3 x 300) / 400 clicks
    assert aov.to_date == 250 and aov.weighted_by == n["orders"]
    assert cpc.to_date == 2.5 and cpc.weighted_by == n["clicks"]


# --- 2. units with a multiplier ----------------------------------------------------------------


def test_the_unit_rule() -> None:
    assert in_unit(720_000, 1e4, "万元") == 72  # typed 72万 in a 万元 KPI
    assert in_unit(72, 1, "万元") == 72  # bare: already in 万元
    assert in_unit(720_000, 1e4, "元") == 720_000
    assert in_unit(60_000, 1e4, "千元") == 60
    for label in ("计划金额（万元）", "實際花費(萬元)", "Planned (10k CNY)", "Spent (K CNY)",
                  "总预算（万）", "Revenue (10k)"):  # fmt: skip
        assert header_scale(label) in (1e4, 1e3), label
    for label in ("计划金额", "工期(天)", "目标值 *", "金额（必填）", "Distance (m)"):
        assert header_scale(label) == 1, label


@pytest.mark.parametrize("lang", LANGS)
def test_a_goal_in_wan_is_paced_in_wan_and_seeds_the_review_in_wan(
    tmp_path: Path, lang: Lang
) -> None:
    n = NAMES[lang]

    def edit(book: Book) -> None:
        _june(book)
        _goals(book, [(n["sales"], 200), (n["spend"], 60)])
        rows: list[tuple[dt.date, str, Any]] = []
        for day in _days():
            rows += [(day, n["sales"], SIX_WAN[lang]), (day, n["spend"], TWO_WAN[lang])]
        _daily(book, rows)

    path = plan_file(tmp_path, lang, edit)
    plan = api.analyze_plan(path, today=JUNE_10)
    pacing = _pacing(plan)
    sales, spend = pacing[fold(n["sales"])], pacing[fold(n["spend"])]
    assert (sales.to_date, sales.projected, sales.pace) == (60, 180, 0.9)
    assert (spend.to_date, spend.projected) == (20, 60)
    assert not [f for f in plan.findings if f.code == "M001"]

    review = api.scaffold_workbook(tmp_path / "review.xlsx", lang=lang, plan=path)
    kpis = {fold(k.metric): k for k in api.analyze_workbook(review, today=JUNE_10).kpis}
    assert kpis[fold(n["sales"])].actual == 60 and kpis[fold(n["sales"])].target == 200
    assert kpis[fold(n["spend"])].actual == 20


def test_a_goal_target_typed_with_its_multiplier_is_read_in_the_goal_unit(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        _june(book)
        _goals(book, [("销售额(万元)", "200万")])
        _daily(book, [(day, "销售额", 60_000) for day in _days()])  # in 元: no unit in its name

    sales = api.analyze_plan(plan_file(tmp_path, "zh-CN", edit), today=JUNE_10).monitoring[0]
    assert (sales.target, sales.to_date) == (200, 60)


@pytest.mark.parametrize("lang", LANGS)
def test_a_review_kpi_in_wan_reads_an_actual_typed_in_wan(tmp_path: Path, lang: Lang) -> None:
    data = example_data()
    data["kpis"] = [
        {"dimension": "成本", "metric": "总费用(万元)", "target": 60, "actual": "72万"},
        {"dimension": "成本", "metric": "总费用(万元)", "channel": "B", "target": "60万", "actual": 72},
        {"dimension": "成本", "metric": "总费用", "target": "60万", "actual": 720_000},
    ]  # fmt: skip
    path = write(tmp_path / "r.xlsx", data)
    kpis = api.analyze_workbook(path, today=JUNE_10).kpis
    assert [(k.target, k.actual) for k in kpis] == [(60, 72), (60, 72), (600_000, 720_000)]
    assert kpis[0].rate == kpis[2].rate


# --- 3. money headers with a unit --------------------------------------------------------------

HEADERS = {
    "zh-CN": ("计划金额（万元）", "实际花费(万元)", "归因收入（万元）", "总预算（万元）"),
    "zh-TW": ("計畫金額（萬元）", "實際花費(萬元)", "歸因收入（萬元）", "總預算（萬元）"),
    "en": ("Planned (10k CNY)", "Spent (10k CNY)", "Revenue (10k CNY)", "Total budget (10k CNY)"),
}


def _budget_in_wan(book: Book, total: Any, total_header: bool) -> None:
    ws = book.sheet("budget")
    keys = [c.key for c in PLAN.sheet("budget").columns]
    planned, actual, revenue, overview = HEADERS[book.lang]
    for key, label in (("planned", planned), ("actual", actual), ("revenue", revenue)):
        ws.cell(row=1, column=keys.index(key) + 1).value = label
    book.clear("budget")
    lines = [("kol", 24, 24, 72), ("ads", 18, 30, 66), ("materials", "12万" if book.lang != "en" else "120k", 13, None),
             ("contingency", 6, 5, None)]  # fmt: skip
    for row, (category, p, a, r) in enumerate(lines, start=2):
        book.set(
            "budget",
            row,
            "category",
            PLAN.sheet("budget").column("category").choices.label_of(category, book.lang),
        )  # type: ignore[union-attr]
        book.set("budget", row, "item", category)
        book.set("budget", row, "planned", p)
        book.set("budget", row, "actual", a)
        book.set("budget", row, "revenue", r)
    book.set("overview", 0, "budget", total)
    if total_header:
        row = [c.key for c in PLAN.sheet("overview").columns].index("budget") + 2
        book.sheet("overview").cell(row=row, column=1).value = overview


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("total_header", [True, False])
def test_money_headers_with_a_unit_scale_their_plain_numbers(
    tmp_path: Path, lang: Lang, total_header: bool
) -> None:
    total = 60 if total_header else SIX_WAN[lang].replace("6", "60")

    plan = api.analyze_plan(
        plan_file(tmp_path, lang, lambda b: _budget_in_wan(b, total, total_header)),
        today=JUNE_10,
    )
    b = plan.budget
    assert (b.total, b.planned, b.actual, b.remaining) == (600_000, 600_000, 720_000, -120_000)
    assert [line.planned for line in b.lines] == [240_000, 180_000, 120_000, 60_000]
    assert b.lines[0].revenue == 720_000 and b.lines[0].roi == 3
    assert not [f for f in plan.findings if f.code == "B001"]
    text = render_plan(plan, lang)
    assert "59.99" not in text and "0.01" not in text


# --- 4. to date means up to and including --today ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_daily_rows_after_today_are_not_counted(tmp_path: Path, lang: Lang) -> None:
    path = plan_file(tmp_path, lang)
    later = api.analyze_plan(path, today=dt.date(2024, 8, 8))
    mid = api.analyze_plan(path, today=dt.date(2024, 7, 10))
    assert all(p.last_date == dt.date(2024, 7, 10) for p in mid.monitoring)
    assert all(p.elapsed_days == 10 for p in mid.monitoring)
    assert {p.total_days for p in mid.monitoring} == {p.total_days for p in later.monitoring}
    sums = [p for p in mid.monitoring if not is_ratio(p.metric, "plain") and p.unit != "%"]
    assert sums and all(
        m.to_date < full.to_date
        for m, full in zip(mid.monitoring, later.monitoring, strict=True)
        if m in sums
    )


# --- 5. one scale per pacing row ---------------------------------------------------------------


def test_a_row_of_figures_is_in_one_scale() -> None:
    assert display.figures((10_000, 8000, 5440), "en") == ["10K", "8K", "5.44K"]
    assert display.figures((5e6, 4.5e6, None), "en") == ["5M", "4.5M", ""]
    assert display.figures((10_000, 8000, 5440), "zh-CN") == ["10,000", "8,000", "5,440"]
    assert display.figures((5e6, 3.06e6, 4.59e6), "zh-TW") == ["500萬", "306萬", "459萬"]
    assert display.figures((0.05, 0.04, 0.04), "en", "%") == ["5.0%", "4.0%", "4.0%"]


@pytest.mark.parametrize("lang", LANGS)
def test_pacing_rows_of_the_terminal_and_report_keep_one_scale(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang), today=dt.date(2024, 7, 10))
    users = next(p for p in plan.monitoring if p.target == 10_000)
    shown = display.figures((users.target, users.to_date, users.projected), lang)
    text = render_plan(plan, lang)
    report = render_plan_report(plan, "md", lang)
    for out in (text, report):
        assert all(s in out for s in shown)
    if lang == "en":
        assert shown[0] == "10K" and shown[1].endswith("K") and "5440" not in text
    else:
        assert shown == ["10,000", "5,440", "8,160"] and "1万" not in text.split("10/15")[0][-200:]


@pytest.mark.parametrize(
    ("lang", "sales"),
    [("zh-CN", ("105.6万", "200万")), ("zh-TW", ("105.6萬", "200萬")), ("en", ("1.06M", "2M"))],
)
def test_m001_writes_its_figures_as_the_report_does(
    tmp_path: Path, lang: Lang, sales: tuple[str, str]
) -> None:
    """M001 on the example's sales goal: 105.6万 against 200万, not 1,056,000 against 2,000,000."""
    path = tmp_path / "plan.xlsx"
    api.scaffold_workbook(path, kind="plan", lang=lang, example=True)
    plan = api.analyze_plan(path, today=dt.date(2024, 7, 5))
    messages = [f.message(lang) for f in plan.findings if f.code == "M001"]
    assert any(sales[0] in m and sales[1] in m for m in messages), messages
    assert not any("1,056,000" in m for m in messages)


@pytest.mark.parametrize("lang", LANGS)
def test_a_cost_below_its_target_paces_ahead(tmp_path: Path, lang: Lang) -> None:
    """A goal where lower is better reads its pace as its status does (trial 51): 44.5 a
    customer against 50 is 1.12, ahead, not 0.89 beside the word "ahead"."""
    n = NAMES[lang]

    def edit(book: Book) -> None:
        _june(book)
        _goals(book, [(n["cpa"], 50), (n["reach"], 3000)])
        rows: list[tuple[dt.date, str, Any]] = []
        for day in _days():
            rows += [(day, n["cpa"], 40 if day.day % 2 else 49), (day, n["reach"], 100)]
        _daily(book, rows)

    plan = api.analyze_plan(plan_file(tmp_path, lang, edit), today=JUNE_10)
    pacing = _pacing(plan)
    cost, reach = pacing[fold(n["cpa"])], pacing[fold(n["reach"])]
    assert cost.to_date == 44.5 and cost.status == "ahead"
    assert cost.pace == pytest.approx(50 / 44.5)
    # A count still paces as to date over expected: 1,000 of an expected 1,000.
    assert (reach.to_date, reach.expected_to_date, reach.pace) == (1000, 1000, 1.0)


@pytest.mark.parametrize("lang", LANGS)
def test_a_daily_value_out_of_scale_asks_for_its_unit(tmp_path: Path, lang: Lang) -> None:
    """4000 under a goal of 3,000 new users a month is people typed where the sheet counts
    something else, or extra digits: still counted, and M003 says so at its cell (trial 50)."""
    n = NAMES[lang]

    def edit(book: Book) -> None:
        _june(book)
        _goals(book, [(n["reach"], 3000), (n["aov"], 150), (n["orders"], 900)])
        rows: list[tuple[dt.date, str, Any]] = []
        for day in _days():
            slip = day.day == 4
            rows += [(day, n["reach"], 40_000 if slip else 100), (day, n["orders"], 30)]
            rows += [(day, n["aov"], 16_000 if day.day == 7 else 140)]
        rows += [(dt.date(2024, 6, 1), n["orders"], 2500)]  # a launch day: big, not absurd
        _daily(book, rows)

    path = plan_file(tmp_path, lang, edit)
    found = [f for f in api.lint_paths([path], today=JUNE_10, jobs=1) if f.code == "M003"]
    assert sorted((f.key, f.row) for f in found) == [("M003", 11), ("M003.ratio", 22)]
    text = next(f for f in found if f.key == "M003").message(lang)
    assert "40000" in text and "3000" in text
    # Still counted, as documented: the warning is what tells.
    reach = _pacing(api.analyze_plan(path, today=JUNE_10))[fold(n["reach"])]
    assert reach.to_date == 9 * 100 + 40_000
