"""Fixes found by testing the plan workbook and the deck with a plan: the overall ROI, cycles
broken at the edge the dates contradict, prompts and formulas of the plan template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.render.deck_plan import roi
from retrokit.render.view import review_view
from retrokit.workbook.plan_schema import PLAN

TODAY = dt.date(2024, 8, 8)


def test_the_overall_roi_divides_by_all_actual_spend(tmp_path: Path) -> None:
    # the contingency line spent 5万 and earned nothing typed: it still counts in the spend
    plan = api.analyze_plan(
        plan_file(tmp_path, edit=lambda b: b.set("budget", 5, "revenue", None)), today=TODAY
    )
    assert plan.budget.lines[3].revenue is None and plan.budget.lines[3].actual == 50000
    review = api.analyze_workbook(Path(__file__).parents[1] / "examples" / "summer-promo-2024.xlsx")
    slides = roi(plan, review_view(review, "zh-CN"))
    # 160万 attributed ÷ 72万 spent, not ÷ the 67万 of the lines with revenue (2.39)
    assert "整体 ROI（归因收入合计 ÷ 全部实际花费）为 2.22" in slides[0].notes
    en = roi(plan, review_view(review, "en"))
    assert "total attributed revenue over total actual spend is 2.22" in en[0].notes


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_the_duration_prompt_asks_for_whole_days(lang: str) -> None:
    book = Book(lang)  # type: ignore[arg-type]
    ws = book.sheet("tasks")
    letter = "H"  # 工期(天)
    assert ws[f"{letter}1"].value == PLAN.sheet("tasks").column("duration").label(lang)  # type: ignore[arg-type]
    prompts = [dv.prompt for dv in ws.data_validations.dataValidation if f"{letter}2" in dv.sqref]
    assert prompts == [t("prompt.days", lang)]  # type: ignore[arg-type]
    assert "1:3" not in prompts[0] and "%" not in prompts[0]


@pytest.mark.parametrize(
    "lang,said",
    [
        ("zh-CN", "表格自身公式算出的达成率和结果与 retrokit 不同"),
        ("zh-TW", "表格自身公式算出的達成率和結果與 retrokit 不同"),
        ("en", "the sheet's own formulas show a different achievement and result"),
    ],
)
def test_v005_says_the_sheet_shows_another_result(tmp_path: Path, lang: str, said: str) -> None:
    from builders import example_data, write
    from retrokit.lint import Config, make_selection, run, select_findings
    from retrokit.rules import Settings

    data = example_data()
    data["kpis"][1].update(target="5%", actual=4)
    results = run([write(tmp_path / "v005.xlsx", data)], Settings(today=TODAY))
    found = [f for f in select_findings(results, make_selection(Config())) if f.code == "V005"]
    assert len(found) == 1
    assert said in found[0].message(lang)  # type: ignore[arg-type]
