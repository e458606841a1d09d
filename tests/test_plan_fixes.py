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
    # 160万 attributed ÷ 72万 spent, not ÷ the 67万 of the lines with revenue (1:2.39)
    assert "整体 ROI（归因收入合计 ÷ 全部实际花费）为 1:2.22" in slides[0].notes
    en = roi(plan, review_view(review, "en"))
    assert "total attributed revenue over total actual spend is 1:2.22" in en[0].notes


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


def test_zh_tw_text_uses_the_workbook_words() -> None:
    """The zh-TW plan says 通路, 執行排程 and 計畫: so do the deck, report and messages (the
    review's KPI sheet keeps DOMAIN.md's zh-TW header 渠道, and reads 通路 too)."""
    from retrokit.i18n import _template
    from retrokit.i18n.catalogue import CATALOGUE
    from retrokit.workbook.schema import REVIEW

    assert REVIEW.sheet("kpis").column("channel").label("zh-TW") == "渠道"
    assert PLAN.sheet("tasks").name("zh-TW") == "執行排程"
    mixed = [
        k for k in CATALOGUE if any(w in _template(k, "zh-TW") for w in ("渠道", "排期", "計劃"))
    ]
    assert mixed == []


def test_a_zh_tw_review_with_the_old_channel_header_still_reads(tmp_path: Path) -> None:
    import openpyxl

    from builders import example_data, write
    from retrokit.workbook.schema import REVIEW

    data = example_data()
    data["kpis"][0]["channel"] = "抖音"
    path = write(tmp_path / "tw.xlsx", data, lang="zh-TW")
    wb = openpyxl.load_workbook(path)
    ws = wb[REVIEW.sheet("kpis").name("zh-TW")]
    header = [c for c in ws[1] if c.value == "渠道"]  # DOMAIN.md's zh-TW header
    assert len(header) == 1
    header[0].value = "通路"  # Taiwan's word for it, as the zh-TW texts say
    wb.save(path)
    review = api.analyze_workbook(path, today=TODAY)
    assert [k.channel for k in review.kpis] == [
        k.channel for k in api.analyze_workbook(write(tmp_path / "cn.xlsx", data), today=TODAY).kpis
    ]
    assert any(k.channel for k in review.kpis)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_libreoffice_reads_text_dates_and_amounts_in_the_plan_formulas(
    tmp_path: Path, lang: str
) -> None:
    """The Gantt's step cell survives an overview date typed as text (LibreOffice's AND() does
    not short-circuit), and the budget share reads 24万 as the review's KPI formulas do."""
    from openpyxl import load_workbook

    from conftest import libreoffice_convert
    from retrokit.workbook.plan_schema import BUDGET, TASKS

    def edit(b: Book) -> None:
        b.set("overview", 0, "end", "2024年7月19日")
        b.set("budget", 2, "planned", "24万")
        b.set("budget", 3, "planned", "180,000")

    ours = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    values = load_workbook(libreoffice_convert(ours, tmp_path / "lo"), data_only=True)
    grid = values[TASKS.name(lang)]  # type: ignore[arg-type]
    assert grid["N1"].value == 1
    # The campaign runs 1-15 July (the overview); its preparation from 1 June has its bars.
    assert grid["O1"].value.date() == dt.date(2024, 6, 1)
    budget = values[BUDGET.name(lang)]  # type: ignore[arg-type]
    shares = [budget.cell(row=r, column=6).value for r in range(2, 6)]
    assert shares == pytest.approx([0.4, 0.3, 0.2, 0.1])
    # retrokit's own reading agrees with the sheet
    plan = api.analyze_plan(ours, today=TODAY)
    assert [x.share for x in plan.budget.lines] == pytest.approx(shares)

    def text_start(b: Book) -> None:
        b.set("overview", 0, "start", "六月一日")

    values = load_workbook(
        libreoffice_convert(plan_file(tmp_path, lang, text_start, "s.xlsx"), tmp_path / "lo"),  # type: ignore[arg-type]
        data_only=True,
    )
    grid = values[TASKS.name(lang)]  # type: ignore[arg-type]
    # The grid still starts at the first task's start: the bars do not depend on the overview.
    assert grid["N1"].value == 1 and grid["O1"].value.date() == dt.date(2024, 6, 1)


def _cycle_plan(tmp: Path) -> Path:
    """T2 waits for T1 and T3, T3 for T2: the dates say T2 comes first (it ends before T3)."""
    book = Book("en", filled=False)
    book.set("overview", 0, "project", "Cycle")
    book.set("overview", 0, "owner", "Lead")
    day = dt.date(2025, 10, 20)
    book.set("overview", 0, "start", day)
    book.set("overview", 0, "end", day + dt.timedelta(days=26))
    ws = book.sheet("tasks")
    rows = [
        ("T1", 0, 4, "-"),
        ("T2", 5, 8, "T1、T3"),
        ("T3", 9, 16, "T2"),
        ("T4", 9, 14, "T2"),
        ("T5", 17, 22, "T3, T4"),
        ("T6", 23, 26, "T5"),
    ]
    for i, first, last, deps in rows:
        start, end = day + dt.timedelta(days=first), day + dt.timedelta(days=last)
        ws.append([i, f"Task {i}", None, None, "Lead", start, end, None, deps])
    return book.save(tmp / "cycle.xlsx")


def test_a_cycle_is_broken_where_the_dates_contradict_it(tmp_path: Path) -> None:
    plan = api.analyze_plan(_cycle_plan(tmp_path), today=TODAY)
    # T2 → T3 → T2: the edge the dates contradict is "T2 waits for T3" (P002), dropped
    assert plan.schedule.cycles == (("T3", "T2"),)
    slack = {t.id: t.slack for t in plan.tasks}
    assert slack == {"T1": 0, "T2": 0, "T3": 0, "T4": 2, "T5": 0, "T6": 0}
    assert plan.schedule.critical_path == ("T1", "T2", "T3", "T5", "T6")
    codes = [(f.code, f.cell) for f in plan.findings if f.code in ("P001", "P002")]
    assert ("P002", "F3") in codes and any(c == "P001" for c, _ in codes)


def test_the_most_contradicted_edge_of_a_cycle_goes() -> None:
    from retrokit.method.plan import dependency_order

    # without dates: the first edge, as before
    order, cycles = dependency_order({"T1": ["T2"], "T2": ["T1"]})
    assert sorted(order) == ["T1", "T2"] and len(cycles) == 1
    # the edge rated most contradicted goes, whichever graphlib names first
    late = {("T3", "T1"): 4.0, ("T2", "T3"): 1.0}
    order, cycles = dependency_order(
        {"T1": ["T3"], "T2": ["T1"], "T3": ["T2"]}, lambda p, s: late.get((p, s), 0.0)
    )
    assert cycles == [("T3", "T1", "T2")]
    assert order == ["T1", "T2", "T3"]


def test_a_row_with_a_time_gets_v006_time_after_libreoffice(tmp_path: Path) -> None:
    """Ratios LibreOffice turned into times, fractional seconds too: the time is the cause,
    never a stale result to recalculate."""
    from openpyxl import load_workbook

    from conftest import libreoffice_convert
    from retrokit.api import lint_paths
    from retrokit.workbook import formulas, scaffold
    from retrokit.workbook.schema import KPIS

    assert formulas.sheet_number(dt.time(0, 1, 2, 200000)) == pytest.approx(62.2 / 86400)
    row = [{"metric": {"zh-CN": "ROI", "en": "ROI"}, "target": "1:3", "actual": "1:2"}]
    path = scaffold.init(tmp_path / "t.xlsx", lang="zh-CN", kpis=row)
    wb = load_workbook(path)
    ws = wb[KPIS.name("zh-CN")]
    ws["E2"] = dt.time(1, 3)
    ws["E2"].number_format = "hh:mm:ss AM/PM"
    ws["F2"] = dt.time(0, 1, 2, 200000)
    ws["F2"].number_format = "mm:ss.00"
    wb.save(path)
    saved = libreoffice_convert(path, tmp_path / "lo")
    found = [
        (f.cell, f.message()) for f in lint_paths([saved], today=TODAY, jobs=1) if f.code == "V006"
    ]
    assert [cell for cell, _ in found] == ["E2", "F2"], found
    assert "01:03" in found[0][1] and "00:01:02.2" in found[1][1]
    assert all("时间" in m and "Ctrl+Alt+F9" not in m for _, m in found)


def test_a_mistyped_year_does_not_move_the_gantt_grid(tmp_path: Path) -> None:
    """T1 typed as 2004-06-01 (for 2024): the grid keeps to the overview's start, so the other
    eleven tasks keep their bars and only the mistyped one falls off (review 56)."""
    from openpyxl import load_workbook

    from conftest import libreoffice_convert
    from retrokit.workbook.plan_schema import TASKS

    def edit(b: Book) -> None:
        b.set("tasks", 2, "start", dt.date(2004, 6, 1))

    ours = plan_file(tmp_path, "zh-CN", edit)  # type: ignore[arg-type]
    values = load_workbook(libreoffice_convert(ours, tmp_path / "lo"), data_only=True)
    grid = values[TASKS.name("zh-CN")]
    assert grid["O1"].value.date() == dt.date(2024, 7, 1)  # the overview's start
    assert grid["N1"].value == 1  # days: the campaign's own span, not twenty years
