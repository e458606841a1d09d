"""A new user's trial of the plan's budget sheet (预算分配 / 預算分配 / Budget), typed by hand
by a Taipei planner: a spent column without a unit beside a planned column in 萬元, and how
the budget's money is shown (one scale a table, over budget said as such, one ROI precision a
column, a goal's figures shown one way in the goals and the pacing tables). zh-TW first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from builders import write
from plan_builders import Book
from retrokit import api
from retrokit.method.units import multiplier
from retrokit.render import display
from retrokit.render.plan_view import plan_view
from retrokit.render.report import render
from retrokit.render.view import review_view
from retrokit.workbook.plan_schema import BUDGET
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-TW", "zh-CN", "en")
TODAY = dt.date(2024, 8, 20)

# fmt: off
#: The trial's budget (f06): planned in the header's unit, spent with a sign, a multiplier or
#: bare, as she typed it. Bare 13 and 5 mean 13萬 and 5萬, like the column beside them.
HEADER = {
    "zh-TW": ("計畫金額(萬元)", "實際花費", "歸因收入"),
    "zh-CN": ("计划金额(万元)", "实际花费", "归因收入"),
    "en": ("Planned (£K)", "Spent", "Revenue"),
}
LINES: dict[str, tuple[tuple[Any, Any, Any], ...]] = {
    "zh-TW": ((24, "NT$240,000", "NT$72萬"), (18, "30萬", "NT$66萬"), (12, 13, "NT$22萬"), (6, 5, 0)),
    "zh-CN": ((24, "¥240,000", "¥72万"), (18, "30万", "¥66万"), (12, 13, "¥22万"), (6, 5, 0)),
    "en": ((240, "£240,000", "£720K"), (180, "300K", "£660K"), (120, 130, "£220K"), (60, 50, 0)),
}
# fmt: on
SPENT = [240_000.0, 300_000.0, 130_000.0, 50_000.0]


def trial_plan(
    tmp: Path, lang: Lang, header: tuple[str, str, str] | None = None, name: str = "plan"
) -> Path:
    """The worked example's plan with the trial's budget lines and headers."""
    book = Book(lang)
    ws = book.sheet("budget")
    keys = [c.key for c in BUDGET.columns]
    for key, label in zip(("planned", "actual", "revenue"), header or HEADER[lang], strict=True):
        ws.cell(row=1, column=keys.index(key) + 1).value = label
    for row, values in enumerate(LINES[lang], start=2):
        for key, value in zip(("planned", "actual", "revenue"), values, strict=True):
            ws.cell(row=row, column=keys.index(key) + 1).value = value
    return book.save(tmp / f"{name}.{lang}.xlsx")


# --- 1. the budget's money columns share one unit ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_spent_column_without_a_unit_is_read_in_the_planned_columns_unit(
    tmp_path: Path, lang: Lang
) -> None:
    plan = api.analyze_plan(trial_plan(tmp_path, lang), today=TODAY)
    b = plan.budget
    # Before: 物料製作 spent NT$13 and 應急備用金 NT$5 (total NT$54萬, ROI 1:16923.1).
    assert [x.actual for x in b.lines] == SPENT
    assert [x.revenue for x in b.lines] == [720_000.0, 660_000.0, 220_000.0, 0.0]
    assert b.actual == 720_000.0  # the review's 总费用(万元) KPI says 72 as well
    assert [round(x.roi or 0, 2) for x in b.lines] == [3.0, 2.2, 1.69, 0.0]
    # Over the total now (72萬 of 60萬): said, not a silent NT$54萬.
    assert any(f.key == "B002.total" for f in plan.findings)


@pytest.mark.parametrize("lang", LANGS)
def test_a_header_naming_its_own_unit_keeps_it(tmp_path: Path, lang: Lang) -> None:
    planned, _, revenue = HEADER[lang]
    spent = {"zh-TW": "實際花費(元)", "zh-CN": "实际花费(元)", "en": "Spent (£)"}[lang]
    plan = api.analyze_plan(trial_plan(tmp_path, lang, (planned, spent, revenue)), today=TODAY)
    # A bare 13 under 實際花費(元) is 13 元, as its header says; amounts with their own unit
    # or sign stay as written.
    bare = [float(x[1]) for x in LINES[lang][2:]]
    assert [x.actual for x in plan.budget.lines] == [240_000.0, 300_000.0, *bare]


@pytest.mark.parametrize("lang", LANGS)
def test_the_review_shows_one_total_spend(tmp_path: Path, lang: Lang) -> None:
    review = write(tmp_path / f"r.{lang}.xlsx", lang=lang)
    analysis = api.analyze_workbook(review, today=TODAY, plan=trial_plan(tmp_path, lang))
    view = review_view(analysis, lang)
    assert view.budget_execution is not None
    summary = view.budget_execution.summary
    assert analysis.plan is not None and analysis.plan.budget.actual == 720_000
    # The review's 总费用(万元) / Total spend (10k CNY) KPI: 72, the same 72万 spent.
    assert any(k.actual == 72 and multiplier(k.unit or "") == 10_000 for k in analysis.kpis)
    spent = {"zh-TW": "實際花費 NT$72萬", "zh-CN": "实际花费 ¥72万", "en": "spent £720K"}[lang]
    assert spent in summary, summary


# --- 2. the budget's money shown one way ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_over_budget_is_said_as_such(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(trial_plan(tmp_path, lang), today=TODAY)
    line = plan_view(plan, lang).budget_line
    over = {
        "zh-TW": "超支 NT$12萬",
        "zh-CN": "超支 ¥12万",
        "en": "over budget by £120K",
    }[lang]
    assert over in line and "-" not in line, line  # not 剩餘 -NT$12萬 / remaining -£120K
    review = write(tmp_path / f"r.{lang}.xlsx", lang=lang)
    analysis = api.analyze_workbook(review, today=TODAY, plan=trial_plan(tmp_path, lang))
    summary = review_view(analysis, lang).budget_execution
    assert summary is not None and over in summary.summary


@pytest.mark.parametrize("lang", LANGS)
def test_a_budget_table_has_one_scale_and_one_roi_precision(tmp_path: Path, lang: Lang) -> None:
    planned, _, revenue = HEADER[lang]
    spent = {"zh-TW": "實際花費(元)", "zh-CN": "实际花费(元)", "en": "Spent (£)"}[lang]
    path = trial_plan(tmp_path, lang, (planned, spent, revenue), "own")  # 13 and 5 as written
    review = write(tmp_path / f"r.{lang}.xlsx", lang=lang)
    analysis = api.analyze_workbook(review, today=TODAY, plan=path)
    budget = review_view(analysis, lang).budget_execution
    assert budget is not None
    sign = {"zh-TW": "NT$", "zh-CN": "¥", "en": "£"}[lang]
    # Before: NT$24萬 | NT$24萬 above NT$120,000 | NT$13 in the same columns.
    assert [x.planned for x in budget.lines] == [
        f"{sign}240,000", f"{sign}180,000", f"{sign}120,000", f"{sign}60,000"
    ]  # fmt: skip
    bare = [f"{sign}{x[1]}" for x in LINES[lang][2:]]
    assert [x.actual for x in budget.lines] == [f"{sign}240,000", f"{sign}300,000", *bare]
    # With the trial's own reading (bare in 萬): every amount of each table in 萬 / K.
    analysis = api.analyze_workbook(review, today=TODAY, plan=trial_plan(tmp_path, lang))
    budget = review_view(analysis, lang).budget_execution
    assert budget is not None
    ten_k = {"zh-TW": "萬", "zh-CN": "万", "en": "K"}[lang]
    for row in (*budget.lines, *budget.by_category, *budget.by_channel):
        for cell in (row.planned, row.actual, row.variance):
            assert cell in ("", "0") or cell.endswith(ten_k), (row, cell)
    # ROI: 1:3.00 / 1:2.20 / 1:1.69 / 1:0.00, not 1:3 beside 1:2.2 and 1:1.69.
    assert [x.roi for x in budget.lines] == ["1:3.00", "1:2.20", "1:1.69", "1:0.00"]
    assert budget.lines[-1].revenue == f"{sign}0"  # not NT$0萬
    # The plan's own split: one scale, in the budget's currency, in the report and terminal.
    split = plan_view(api.analyze_plan(path, today=TODAY), lang).budget
    assert split is not None
    assert [r[3] for r in split.rows] == [f"{sign}240,000", f"{sign}300,000", *bare]


def test_ratios_share_one_precision() -> None:
    assert display.ratios([3.0, 2.2, 1.6923, None]) == ["1:3.00", "1:2.20", "1:1.69", ""]
    assert display.ratios([3.0, 2.2]) == ["1:3.0", "1:2.2"]
    assert display.ratios([3.0, 2.0]) == ["1:3", "1:2"]
    assert display.ratios_format([3.0, 1.69]) == '"1:"0.00'


@pytest.mark.parametrize("lang", LANGS)
def test_a_goal_is_shown_one_way_in_the_goals_and_pacing_tables(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(Book(lang).save(tmp_path / "plan.xlsx"), today=TODAY)
    view = plan_view(plan, lang)
    assert view.goals is not None and view.pacing is not None
    target = view.goals.header.index(view.pacing.header[1])
    goals = {row[1]: row[target] for row in view.goals.rows}
    paced = {row[0].removesuffix(" ★"): row[1] for row in view.pacing.rows}
    assert paced and all(goals[metric] == shown for metric, shown in paced.items()), (goals, paced)
    assert not any("萬 " in x or "万 " in x for x in goals.values())  # no 1萬 人


@pytest.mark.parametrize("lang", LANGS)
def test_a_line_spent_a_hundredfold_from_its_plan_is_asked_for_its_unit(
    tmp_path: Path, lang: Lang
) -> None:
    planned, _, revenue = HEADER[lang]
    spent = {"zh-TW": "實際花費(元)", "zh-CN": "实际花费(元)", "en": "Spent (£)"}[lang]
    path = trial_plan(tmp_path, lang, (planned, spent, revenue), "own")  # 13 and 5 as written
    plan = api.analyze_plan(path, today=TODAY)
    asked = [f for f in plan.findings if f.key == "B002.scale"]
    column = [c.key for c in BUDGET.columns].index("actual")
    letter = "ABCDEFGHIJ"[column]
    assert [f.cell for f in asked] == [f"{letter}4", f"{letter}5"], plan.findings
    message = asked[0].message(lang)
    words = {
        "zh-TW": ("實際花費 NT$13，計畫 NT$12萬", "單位"),
        "zh-CN": ("实际花费 ¥13，计划 ¥12万", "单位"),
        "en": ("spent £130 against a plan of £120K", "unit"),
    }[lang]
    assert all(w in message for w in words), message
    # The lines read in one unit are not asked (24萬 against 24萬 ... 5萬 against 6萬).
    plan = api.analyze_plan(trial_plan(tmp_path, lang), today=TODAY)
    assert not [f for f in plan.findings if f.key == "B002.scale"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_review_and_its_plan_never_show_two_total_spends_without_a_word(
    tmp_path: Path, lang: Lang
) -> None:
    review = write(tmp_path / f"r.{lang}.xlsx", lang=lang)
    # Read in one unit, the budget's 72萬 agrees with the review's 总费用(万元) 72: nothing said.
    analysis = api.analyze_workbook(review, today=TODAY, plan=trial_plan(tmp_path, lang))
    # (The English review's total spend is in 万元, its plan's budget in £: said so.)
    keys = [f.key for f in analysis.findings if f.code == "B004"]
    assert keys == (["B004.currency"] if lang == "en" else [])
    # Spent under 實際花費(元) as typed (13 and 5): 54萬 against the KPI's 72萬, said at the KPI.
    planned, _, revenue = HEADER[lang]
    spent = {"zh-TW": "實際花費(元)", "zh-CN": "实际花费(元)", "en": "Spent (£)"}[lang]
    path = trial_plan(tmp_path, lang, (planned, spent, revenue), "own")
    analysis = api.analyze_workbook(review, today=TODAY, plan=path)
    (said,) = [f for f in analysis.findings if f.code == "B004"]
    message = said.message(lang)
    # The English review's total spend is in 万元, its plan's budget in £: said to be in
    # two currencies, never relabelled into pounds (£720K) and compared.
    words = {
        "zh-TW": ("72萬", "54萬", "不一致"),
        "zh-CN": ("72万", "54万", "不一致"),
        "en": ("720K", "£540.18K", "another currency"),
    }[lang]
    assert all(w in message for w in words) and f"own.{lang}.xlsx" in message, message
    md = render(analysis, "md", lang)
    (line,) = [x for x in md.splitlines() if "B004" in x]  # in the report's data-quality list
    assert all(w in line for w in words), line


@pytest.mark.parametrize("lang,currency", [("zh-TW", "NT$"), ("zh-CN", "¥"), ("en", "£")])
def test_the_plan_json_names_the_budgets_currency(
    tmp_path: Path, lang: Lang, currency: str
) -> None:
    """A JSON reader is told what the amounts are in: NT$240,000 is no 240,000 yuan."""
    import json

    from retrokit.render.json import plan_document

    plan = api.analyze_plan(trial_plan(tmp_path, lang), today=TODAY)
    document = json.loads(json.dumps(plan_document(plan, lang), default=str))
    assert document["budget"]["currency"] == currency
    assert document["budget"]["lines"][0]["planned"] == 240_000.0
    example = tmp_path / "example.xlsx"
    api.scaffold_workbook(example, lang=lang, example=True, kind="plan")
    plain = plan_document(api.analyze_plan(example, today=TODAY), lang)
    assert plain["budget"]["currency"] is None  # 60万 with no currency named: yuan
