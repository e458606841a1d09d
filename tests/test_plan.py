"""The plan workbook: scaffold, reading back in three languages, the method and the checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from plan_builders import Book, chain_plan, plan_file
from retrokit import api
from retrokit.method.plan import dependency_order, risk_level
from retrokit.workbook.plan_schema import PLAN

TODAY = dt.date(2024, 8, 8)
LANGS = ("zh-CN", "zh-TW", "en")


def codes(path: Path, today: dt.date = TODAY) -> list[str]:
    return [f.code for f in api.lint_paths([path], today=today, jobs=1)]


# --- the workbook ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_plan_reads_back_in_every_language(tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"plan.{lang}.xlsx"
    proc = run_cli("init", str(path), "--kind", "plan", "--lang", lang, "--example")
    assert proc.returncode == 0, proc.stderr
    workbook = api.open_workbook(path)
    assert (workbook.kind, workbook.lang) == ("plan", lang)
    assert workbook.findings == ()
    sizes = {key: len(records) for key, records in workbook.tables.items()}
    assert sizes == {
        "overview": 1, "goals": 6, "tasks": 12, "budget": 4, "risks": 3, "daily": 105, "team": 6,
    }  # fmt: skip
    assert workbook.table("tasks")[7].values["depends_on"] == ("T4", "T6", "T7")


def test_init_refuses_an_unknown_kind(tmp_path: Path) -> None:
    proc = run_cli("init", str(tmp_path / "x.xlsx"), "--kind", "budget")
    assert proc.returncode == 2 and "--kind" in proc.stderr


def test_a_review_workbook_stays_a_review(example_zh: Path) -> None:
    assert api.open_workbook(example_zh).kind == "review"


def test_traditional_forms_and_taiwan_usage_are_both_read(tmp_path: Path) -> None:
    """項目名稱 (character for character) and 專案名稱 (Taiwan usage) name the same field."""

    def edit(book: Book) -> None:
        ws = book.sheet("overview")
        ws["A2"] = "項目名稱"
        book.sheet("tasks")["A1"] = "編號"
        book.sheet("budget")["E1"] = "計劃金額"

    path = plan_file(tmp_path, "zh-TW", edit)
    workbook = api.open_workbook(path)
    assert workbook.fields("overview").values["project"] == "2024年夏季促銷活動"  # type: ignore[union-attr]
    assert workbook.table("tasks")[0].values["id"] == "T1"
    assert workbook.table("budget")[0].values["planned"].value == 240_000


def test_every_plan_label_is_given_in_every_language() -> None:
    for sheet in PLAN.sheets:
        for lang in LANGS:
            assert sheet.name(lang)
            assert all(c.label(lang) for c in sheet.columns)


def test_the_gantt_is_drawn_by_conditional_formatting(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = plan_file(tmp_path, "en")
    ws = load_workbook(path)["Schedule"]
    formulas = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules]
    assert any("TODAY()" in f for f in formulas)
    assert any("$F2" in f and "$G2" in f for f in formulas)  # start and end columns
    assert "'Plan overview'!$B$4" in str(ws["O1"].value)  # the grid is dated from the start


# --- the method -----------------------------------------------------------------------------


def test_the_critical_path_runs_from_research_to_the_review(tmp_path: Path) -> None:
    plan = api.analyze_plan(plan_file(tmp_path), today=TODAY)
    assert plan.schedule.critical_path == (
        "T1", "T2", "T5", "T6", "T8", "T9", "T10", "T11", "T12",
    )  # fmt: skip
    slack = {t.id: t.slack for t in plan.tasks}
    # T7 ends on Friday 6/28 and T8 starts on Monday 7/1: a weekend is no slack
    # slack counts working days: T3 may slip to Tuesday 6/18, T4 to Friday 6/28
    assert (slack["T3"], slack["T4"], slack["T7"]) == (2, 4, 0)
    assert (plan.schedule.start, plan.schedule.days) == (dt.date(2024, 6, 1), 49)


def test_budget_split_40_30_20_10_and_roi(tmp_path: Path) -> None:
    budget = api.analyze_plan(plan_file(tmp_path), today=TODAY).budget
    assert [g.share for g in budget.by_category] == [0.4, 0.3, 0.2, 0.1]
    assert (budget.total, budget.actual, budget.remaining) == (600_000, 720_000, -120_000)
    ads = budget.lines[1]
    assert (ads.variance, ads.roi) == (120_000, 2.2)


def test_daily_figures_add_up_to_the_reviews_actuals(tmp_path: Path) -> None:
    pacing = {p.metric: p for p in api.analyze_plan(plan_file(tmp_path), today=TODAY).monitoring}
    assert {m: p.to_date for m, p in pacing.items()} == {
        "曝光量": 4_500_000, "注册转化率": 0.04, "ROI": 2.2, "总费用(万元)": 72,
        "新增注册用户": 8000, "销售额": 1_600_000,
    }  # fmt: skip
    assert pacing["曝光量"].status == "on_track"
    assert pacing["销售额"].status == "behind"


def test_pacing_is_linear_over_the_goal_period(tmp_path: Path) -> None:
    """Five of fifteen days in: 150万 against 500万 expects 166.7万 and projects 450万."""

    def edit(book: Book) -> None:
        ws = book.sheet("daily")
        for row in ws.iter_rows(min_row=2):
            if row[0].value and row[0].value > dt.date(2024, 7, 5):
                for cell in row:
                    cell.value = None

    pacing = api.analyze_plan(plan_file(tmp_path, edit=edit), today=TODAY).monitoring[0]
    assert (pacing.elapsed_days, pacing.total_days) == (5, 15)
    assert pacing.expected_to_date == pytest.approx(5_000_000 / 3)
    assert pacing.projected == pytest.approx(pacing.to_date * 3)


def test_risk_level_is_likelihood_times_impact() -> None:
    assert risk_level("high", "medium") == "high"
    assert risk_level("medium", "medium") == "medium"
    assert risk_level("low", "medium") == "low"
    assert risk_level(None, "high") is None


def test_a_cycle_is_broken_and_reported_not_a_hang() -> None:
    order, cycles = dependency_order({"T1": ["T2"], "T2": ["T1"], "T3": ["T1"]})
    assert sorted(order) == ["T1", "T2", "T3"] and len(cycles) == 1
    assert set(cycles[0]) == {"T1", "T2"}


# --- the checks ----------------------------------------------------------------------------


def test_the_example_plan_has_only_the_stories_warnings(tmp_path: Path) -> None:
    # In the workbook's order: the overview's total, the goals, then the budget's line.
    assert codes(plan_file(tmp_path)) == ["B002", "M001", "M001", "B002"]


def test_plan_rules_do_not_run_on_a_review(example_zh: Path) -> None:
    assert not any(c[0] in "PGBXM" for c in codes(example_zh))


def _set(sheet: str, row: int, column: str, value: object):  # type: ignore[no-untyped-def]
    return lambda book: book.set(sheet, row, column, value)


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (_set("tasks", 2, "depends_on", "T2"), "P001"),  # T1 <-> T2
        (_set("tasks", 3, "start", dt.date(2024, 6, 5)), "P002"),  # T2 before T1 ends
        (_set("tasks", 2, "duration", 3), "P003"),
        (_set("tasks", 3, "depends_on", "T1, T99"), "P004"),
        (_set("tasks", 13, "status", "进行中"), "P005"),
        (_set("tasks", 10, "end", dt.date(2024, 7, 25)), "P006"),  # the peak after the end
        (_set("tasks", 4, "owner", None), "P007"),
        (_set("tasks", 4, "owner", "赵六"), "P007"),
        (_set("goals", 2, "path", None), "G001"),
        (_set("goals", 2, "target", "大幅提升"), "G002"),
        (_set("budget", 2, "planned", 250_000), "B001"),
        (_set("budget", 5, "category", "其他"), "B003"),
        (_set("risks", 4, "response", None), "X001"),
    ],
)
def test_each_plan_rule_fires_on_its_case(tmp_path: Path, edit: object, code: str) -> None:
    baseline = codes(plan_file(tmp_path, name="base.xlsx"))
    found = codes(plan_file(tmp_path, edit=edit))  # type: ignore[arg-type]
    assert found.count(code) == baseline.count(code) + 1, found


def test_an_owner_not_on_the_team_is_info(tmp_path: Path) -> None:
    findings = api.lint_paths(
        [plan_file(tmp_path, edit=_set("tasks", 4, "owner", "赵六"))], today=TODAY, jobs=1
    )
    (p007,) = [f for f in findings if f.code == "P007"]
    assert p007.severity.value == "info" and "赵六" in p007.message()


@pytest.mark.parametrize("size", [2, 500])
def test_a_cycle_is_named_without_recursion(tmp_path: Path, size: int) -> None:
    path = chain_plan(tmp_path, size, cycle=True)
    findings = [
        f for f in api.lint_paths([path], today=dt.date(2024, 1, 1), jobs=1) if f.code == "P001"
    ]
    assert len(findings) == 1
    message = findings[0].message("en")
    assert "T1" in message and f"T{size}" in message and message.count("→") == size


def test_a_5000_task_plan_with_20000_dependencies_is_analysed(tmp_path: Path) -> None:
    path = chain_plan(tmp_path, 5000, deps_per_task=4)
    plan = api.analyze_plan(path, today=dt.date(2024, 1, 1))
    assert sum(len(t.depends_on) for t in plan.tasks) == 4 * 5000 - 10
    assert len(plan.schedule.critical_path) == 5000
    assert not [f for f in plan.findings if f.severity.value == "error"]


# --- analyze --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_analyze_json_is_the_plan_contract(tmp_path: Path, lang: str) -> None:
    path = plan_file(tmp_path, lang)  # type: ignore[arg-type]
    proc = run_cli("analyze", str(path), "--format", "json", "--today", "2024-08-08")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["kind"], doc["lang"]) == ("plan", lang)
    assert list(doc) == [
        "kind", "file", "lang", "info", "goals", "team", "tasks", "schedule", "budget", "risks",
        "monitoring", "findings",
    ]  # fmt: skip
    assert doc["schedule"]["critical_path"][0] == "T1"
    assert doc["tasks"][7]["depends_on"] == ["T4", "T6", "T7"]
    assert doc["tasks"][0]["status"] == "done" and doc["tasks"][0]["late"] is False
    assert [c["share"] for c in doc["budget"]["by_category"]] == [0.4, 0.3, 0.2, 0.1]
    assert [r["level"] for r in doc["risks"]] == ["high", "medium", "high"]
    assert {m["status"] for m in doc["monitoring"]} == {"on_track", "behind"}
    assert [f["code"] for f in doc["findings"]] == ["B002", "B002", "M001", "M001"]
    assert doc == json.loads(json.dumps(doc))


def test_analyze_table_shows_the_critical_path(tmp_path: Path) -> None:
    proc = run_cli("analyze", str(plan_file(tmp_path, "en")), "--today", "2024-08-08")
    assert proc.returncode == 0, proc.stderr
    assert "Critical path: T1 → T2 → T5" in proc.stdout and "Pacing" in proc.stdout


# --- into the review ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_review_from_the_plan_reproduces_the_worked_example(tmp_path: Path, lang: str) -> None:
    plan = plan_file(tmp_path, lang)  # type: ignore[arg-type]
    review = tmp_path / "review.xlsx"
    proc = run_cli("init", str(review), "--from-plan", str(plan))
    assert proc.returncode == 0, proc.stderr
    analysis = api.analyze_workbook(review, today=TODAY)
    assert analysis.lang == lang and analysis.info["budget"] == 600_000
    # The campaign's dates, as DOMAIN's worked example gives them (its preparation from 1 June
    # and its review on 19 July are the plan's schedule, not the campaign).
    assert (analysis.info["start"], analysis.info["end"]) == (
        dt.date(2024, 7, 1),
        dt.date(2024, 7, 15),
    )
    assert [(k.rate, k.status.value if k.status else None) for k in analysis.kpis] == [
        (0.9, "met"), (0.8, "missed"), (pytest.approx(0.7333333333), "missed"),
        (pytest.approx(0.8333333333), "missed"), (0.8, "missed"), (0.8, "missed"),
    ]  # fmt: skip
    # Marked as from the plan by a note on each actual cell; 分析简述 stays the team's own, so
    # a missed KPI still asks for its explanation (K001).
    assert all(k.analysis is None for k in analysis.kpis)
    sheet = load_workbook(review).worksheets[1]
    notes = [c.comment.text for row in sheet.iter_rows() for c in row if c.comment is not None]
    said = {
        "zh-CN": "实际值来自计划的每日监测（截至 2024-07-15）",
        "zh-TW": "實際值來自計畫的每日監測（截至 2024-07-15）",
        "en": "Actual from the plan's daily monitoring (through 2024-07-15)",
    }
    assert len(notes) == 6 and set(notes) == {said[lang]}
    codes = [f.code for f in api.lint_paths([review], today=TODAY, jobs=1)]
    assert codes.count("K001") == 5  # the five missed KPIs


def test_from_plan_refuses_a_review(tmp_path: Path, example_zh: Path) -> None:
    proc = run_cli("init", str(tmp_path / "r.xlsx"), "--from-plan", str(example_zh))
    assert proc.returncode == 2 and "r.xlsx" not in proc.stdout


# --- the plan's report ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_report_draws_the_gantt_and_budget(tmp_path: Path, lang: str) -> None:
    plan = plan_file(tmp_path, lang)  # type: ignore[arg-type]
    html, md = tmp_path / "p.html", tmp_path / "p.md"
    for target in (html, md):
        proc = run_cli("report", str(plan), "-o", str(target), "--today", "2024-07-10")
        assert proc.returncode == 0, proc.stderr
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<rect") == 12
    # the critical tasks in red: the path's 9 and T7 (Friday, before Monday's T8)
    assert page.count('fill="#c0392b"') == 10
    assert 'stroke="#e67e22"' in page  # today
    text = md.read_text(encoding="utf-8")
    assert "```mermaid\ngantt" in text and ":crit, done, T1, 2024-06-01, 7d" in text
    assert "```mermaid\npie" in text and ": 240000" in text
    assert ", today, 2024-07-10, 0d" in text


def test_title_rows_moved_columns_and_typed_forms_read_back(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        ws = book.sheet("tasks")
        ws.insert_cols(1)
        ws.insert_rows(1)
        ws["A1"] = "2024 summer: schedule"
        ws["A2"] = "Notes"
        ws["J3"] = "T2、T3"  # depends_on of T1 after the moves, with an ideographic comma
        book.sheet("goals")["E3"] = "≥5%"

    workbook = api.open_workbook(plan_file(tmp_path, "en", edit))
    tasks = workbook.table("tasks")
    assert [t.values["id"] for t in tasks][:3] == ["T1", "T2", "T3"]
    assert tasks[0].values["depends_on"] == ("T2", "T3")
    target = workbook.table("goals")[1].values["target"]
    assert (target.value, target.form) == (0.05, "percent")


@pytest.mark.parametrize("how", [["-o", "p.pptx"], ["--format", "pptx"]])
def test_a_plan_alone_makes_no_deck_and_no_html_named_pptx(tmp_path: Path, how: list[str]) -> None:
    """The deck is the review's (with --plan); `report PLAN -o p.pptx` wrote HTML into it."""
    plan = tmp_path / "plan.xlsx"
    assert run_cli("init", str(plan), "--kind", "plan", "--example").returncode == 0
    proc = run_cli("report", str(plan), *how, "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "--plan" in proc.stderr and "Traceback" not in proc.stderr
    assert not list(tmp_path.glob("*.pptx"))
