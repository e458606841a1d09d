"""A new user's trial in Taipei: a planner types a plan by hand from DOMAIN's tables (a risk
matrix drawn under the risks, June's preparation before July's live dates, a schedule without
IDs). Each workbook is built here, zh-TW first, then zh-CN and English where words matter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from conftest import run_cli
from plan_builders import plan_file
from retrokit import api
from retrokit.findings import Finding
from retrokit.lint.config import resolve_selector
from retrokit.render.plan_view import schedule_line
from retrokit.workbook.scaffold import build_workbook
from retrokit.workbook.schema import Lang

D = dt.date
TODAY = D(2024, 7, 20)
LANGS: tuple[Lang, ...] = ("zh-TW", "zh-CN", "en")

# fmt: off
WORDS: dict[str, dict[str, Any]] = {
    "zh-TW": {
        "sheets": ("活動概況", "推廣目標", "執行排期", "預算分配", "風險預案"),
        "fields": ("專案名稱", "開始日期", "結束日期", "負責人", "總預算"),
        "goals": ("具體指標", "量化目標", "負責人", "時間節點", "達成路徑"),
        "tasks": ("任務名稱", "負責人", "開始", "結束", "工期", "前置", "狀態"),
        "ids": "編號", "phase": "階段",
        "budget": ("類別", "明細", "計畫金額(萬元)", "實際花費"),
        "risks": ("風險", "可能性", "影響程度", "應對措施", "負責人"),
        "matrix": (("風險矩陣", "影響：低", "影響：中", "影響：高"),
                   ("可能性：高", "", "", ""), ("可能性：中", "", "", "KOL 臨時取消"),
                   ("可能性：低", "", "", "")),
        "levels": ("高", "中", "低"), "done": "已完成", "doing": "進行中", "todo": "未開始",
        "phases": {"prep": "籌備", "warm_up": "預熱", "peak": "爆發", "sustain": "持續",
                   "wrap_up": "收尾", "review": "復盤"},
    },
    "zh-CN": {
        "sheets": ("活动概况", "推广目标", "执行排期", "预算分配", "风险预案"),
        "fields": ("项目名称", "开始日期", "结束日期", "负责人", "总预算"),
        "goals": ("具体指标", "量化目标", "负责人", "时间节点", "达成路径"),
        "tasks": ("任务名称", "负责人", "开始时间", "结束时间", "工期", "前置依赖", "状态"),
        "ids": "编号", "phase": "阶段",
        "budget": ("类别", "明细", "计划金额(万元)", "实际花费"),
        "risks": ("风险", "可能性", "影响程度", "应对措施", "负责人"),
        "matrix": (("风险矩阵", "影响：低", "影响：中", "影响：高"),
                   ("可能性：高", "", "", ""), ("可能性：中", "", "", "KOL 临时取消"),
                   ("可能性：低", "", "", "")),
        "levels": ("高", "中", "低"), "done": "已完成", "doing": "进行中", "todo": "未开始",
        "phases": {"prep": "筹备", "warm_up": "预热", "peak": "爆发", "sustain": "持续",
                   "wrap_up": "收尾", "review": "复盘"},
    },
    "en": {
        "sheets": ("Plan overview", "Goals", "Schedule", "Budget", "Risks"),
        "fields": ("Project", "Start date", "End date", "Owner", "Total budget"),
        "goals": ("Metric", "Target", "Owner", "Deadline", "Path"),
        "tasks": ("Task", "Owner", "Start", "End", "Duration", "Depends on", "Status"),
        "ids": "ID", "phase": "Phase",
        "budget": ("Category", "Item", "Planned (10k)", "Spent"),
        "risks": ("Risk", "Likelihood", "Impact", "Response", "Owner"),
        "matrix": (("Risk matrix", "Impact: Low", "Impact: Medium", "Impact: High"),
                   ("Likelihood: High", "", "", ""), ("Likelihood: Medium", "", "", "KOL cancels"),
                   ("Likelihood: Low", "", "", "")),
        "levels": ("High", "Medium", "Low"), "done": "Done", "doing": "In progress",
        "todo": "Not started",
        "phases": {"prep": "Prep", "warm_up": "Warm-up", "peak": "Peak", "sustain": "Sustain",
                   "wrap_up": "Wrap-up", "review": "Review"},
    },
}
# fmt: on

#: Her schedule (mkplan.py): June's research and preparation, July's live tasks, a wrap-up
#: after the end. (name, owner, start, end, days, predecessors, status key, phase key)
HER_TASKS: tuple[tuple[Any, ...], ...] = (
    ("市場調研", "李企劃", "2024-06-03", "2024-06-07", 5, "-", "done", "prep"),
    ("策略定稿", "林經理", "2024-06-10", "2024-06-14", 5, "市場調研", "done", "prep"),
    ("KOL 簽約", "王主管", "2024-06-17", "2024-06-21", 5, "策略定稿", "done", "prep"),
    ("物料設計", "陳設計", "2024-06-17", "2024-06-28", 10, "策略定稿", "done", "prep"),
    ("預熱投放", "王主管", "2024-07-01", "2024-07-05", 5, "KOL 簽約、物料設計", "done", "warm_up"),
    ("爆發期直播", "王主管", "2024-07-08", "2024-07-12", 5, "預熱投放", "doing", "peak"),
    ("收尾與數據整理", "趙專員", "2024-07-15", "2024-07-19", 5, "爆發期直播", "todo", "wrap_up"),
)


def taipei_plan(
    path: Path,
    lang: Lang = "zh-TW",
    *,
    tasks: Sequence[Sequence[Any]] = HER_TASKS,
    phases: bool = False,
    ids: bool = False,
    risks: Sequence[Sequence[Any]] | None = None,
    matrix: bool = True,
    start: str = "2024-07-01",
    end: str = "2024-07-15",
) -> Path:
    """Her plan as she typed it: the overview's pairs with the live dates, one goal, the
    schedule (no ID and no phase column unless asked), the budget, and the risks with a
    matrix drawn under them after a blank row."""
    w = WORDS[lang]
    overview, goals, schedule, budget, risk_sheet = w["sheets"]
    wb = Workbook()
    ws = wb.active
    ws.title = overview
    project, first, last, owner, total = w["fields"]
    for pair in ((project, "2024夏日促銷"), (first, start), (last, end), (owner, "林經理")):
        ws.append(list(pair))
    ws.append([total, 600_000])
    ws = wb.create_sheet(goals)
    ws.append(list(w["goals"]))
    ws.append(["GMV", 2_000_000, "劉主管", f"{start} - {end}", "KOL + Ads"])
    ws = wb.create_sheet(schedule)
    ws.append([*((w["ids"],) if ids else ()), *w["tasks"], *((w["phase"],) if phases else ())])
    for n, (name, who, begin, finish, days, after, status, phase) in enumerate(tasks, 1):
        ws.append(
            [
                *((f"T{n}",) if ids else ()),
                name,
                who,
                begin,
                finish,
                days,
                after,
                w[status],
                *((w["phases"][phase] if phase else None,) if phases else ()),
            ]
        )
    ws = wb.create_sheet(budget)
    ws.append(list(w["budget"]))
    for line in (
        ("KOL", "KOL", 24, None),
        ("Ads", "Feed", 30, None),
        ("Other", "Reserve", 6, None),
    ):
        ws.append(list(line))
    ws = wb.create_sheet(risk_sheet)
    ws.append(list(w["risks"]))
    high, medium, _ = w["levels"]
    for risk in risks or (
        ("KOL 臨時取消", medium, high, "備選 KOL", "王主管"),
        ("物流延誤", medium, medium, "備用供應商", "劉主管"),
    ):
        ws.append(list(risk))
    if matrix:
        ws.append([])
        for row in w["matrix"]:
            ws.append(list(row))
    wb.save(path)
    return path


def lint(path: Path, **kw: Any) -> list[Finding]:
    return api.lint_paths([path], today=TODAY, jobs=1, **kw)


def of(findings: Sequence[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


# --- 1. a risk matrix drawn under the risk table is no risk ----------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_matrix_under_the_risks_is_one_note_and_no_risk(tmp_path: Path, lang: Lang) -> None:
    path = taipei_plan(tmp_path / "plan.xlsx", lang)
    findings = lint(path)
    assert not of(findings, "V003"), [f.message() for f in of(findings, "V003")]
    (note,) = [f for f in of(findings, "S005") if f.key == "S005.matrix"]
    assert (note.cell, note.row) == ("A5", 5)
    said = note.message(lang)
    assert WORDS[lang]["matrix"][0][0] in said
    assert {"zh-TW": "從第 5 列", "zh-CN": "从第 5 行", "en": "from row 5"}[lang] in said
    plan = api.analyze_plan(path, today=TODAY)
    assert [r.risk for r in plan.risks] == ["KOL 臨時取消", "物流延誤"]
    assert [r.row for r in plan.risks] == [2, 3]


@pytest.mark.parametrize("lang", LANGS)
def test_risks_typed_after_a_blank_row_stay_risks(tmp_path: Path, lang: Lang) -> None:
    high, medium, low = WORDS[lang]["levels"]
    risks = (
        ("KOL 臨時取消", medium, high, "備選 KOL", "王主管"),
        (),  # a blank row, then more risks typed with 高/中/低
        ("物流延誤", high, low, "備用供應商", "劉主管"),
        ("颱風", low, high, "室內場地", "劉主管"),
    )
    path = taipei_plan(tmp_path / "plan.xlsx", lang, risks=risks, matrix=False)
    assert not of(lint(path), "S005")
    plan = api.analyze_plan(path, today=TODAY)
    assert [(r.risk, r.likelihood, r.impact) for r in plan.risks] == [
        ("KOL 臨時取消", "medium", "high"),
        ("物流延誤", "high", "low"),
        ("颱風", "low", "high"),
    ]


def test_a_second_block_of_risks_is_read(tmp_path: Path) -> None:
    """Only cells naming a list column and one of its values mark a matrix: a block whose
    cells say something else is read (and checked) as rows."""
    path = taipei_plan(tmp_path / "plan.xlsx", "zh-TW", matrix=False)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["風險預案"]
    ws.append([])
    ws.append(["流量不如預期", "高", "高", "加投", "王主管"])
    wb.save(path)
    plan = api.analyze_plan(path, today=TODAY)
    assert [r.risk for r in plan.risks][-1] == "流量不如預期"


# --- 2. P006: preparation before the live dates, wrap-up after them --------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_her_june_preparation_is_no_p006(tmp_path: Path, lang: Lang) -> None:
    """No phase column: June's tasks (up to 4 weeks before 7/1) and the wrap-up ending 4 days
    after 7/15 are where a plan has them."""
    path = taipei_plan(tmp_path / "plan.xlsx", lang)
    assert not of(lint(path), "P006"), [f.message(lang) for f in of(lint(path), "P006")]


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_with_no_phase_far_outside_is_p006(tmp_path: Path, lang: Lang) -> None:
    tasks = list(HER_TASKS)
    tasks[0] = ("市場調研", "李企劃", "2023-06-03", "2023-06-07", 5, "-", "done", "prep")
    path = taipei_plan(tmp_path / "plan.xlsx", lang, tasks=tasks)
    (p006,) = of(lint(path), "P006")
    assert (p006.key, p006.cell) == ("P006.far", "C2")
    said = p006.message(lang)
    assert "2023-06-03" in said and "394" in said
    assert {"zh-TW": "「階段」欄", "zh-CN": "“阶段”列", "en": "'Phase'"}[lang] in said


@pytest.mark.parametrize("lang", LANGS)
def test_p006_by_phase(tmp_path: Path, lang: Lang) -> None:
    """With a phase column: prep and warm-up before the start, wrap-up and review after the
    end are expected; a live-phase task outside the dates, a prep task ending after the end and
    a wrap-up task starting before the start are P006."""
    tasks = [
        *HER_TASKS,
        ("復盤會", "林經理", "2024-07-22", "2024-07-22", 1, "收尾與數據整理", "todo", "review"),
        ("加場直播", "王主管", "2024-07-16", "2024-07-18", 3, "爆發期直播", "todo", "sustain"),
        ("補貨", "劉主管", "2024-07-10", "2024-07-17", 6, "-", "todo", "prep"),
        ("提前結案", "趙專員", "2024-06-28", "2024-07-02", 3, "-", "todo", "wrap_up"),
    ]
    path = taipei_plan(tmp_path / "plan.xlsx", lang, tasks=tasks, phases=True)
    found = of(lint(path), "P006")
    assert [(f.row, f.key) for f in found] == [
        (10, "P006.phase"),
        (11, "P006.phase"),
        (12, "P006.phase"),
    ], [f.message(lang) for f in found]
    said = found[0].message(lang)
    assert WORDS[lang]["phases"]["sustain"] in said and "2024-07-18" in said


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_plan_with_live_dates_has_no_p006(tmp_path: Path, lang: Lang) -> None:
    """Our example's schedule runs from June's research to the review on 7/19; with the
    overview's dates the live ones of DOMAIN's example (7/1-7/15) it has no P006 either."""

    def live(book: Any) -> None:
        book.set("overview", 0, "start", D(2024, 7, 1))
        book.set("overview", 0, "end", D(2024, 7, 15))

    assert not of(lint(plan_file(tmp_path, lang)), "P006")
    assert not of(lint(plan_file(tmp_path, lang, edit=live, name="live.xlsx")), "P006")


def test_a_live_task_of_the_example_outside_its_dates_is_p006(tmp_path: Path) -> None:
    def late_peak(book: Any) -> None:  # T9, the peak's live stream, ends after 7/19
        book.set("tasks", 10, "end", D(2024, 7, 25))

    (p006,) = of(lint(plan_file(tmp_path, "zh-CN", edit=late_peak)), "P006")
    assert p006.key == "P006.phase" and "爆发" in p006.message("zh-CN")


# --- 3. a schedule without IDs: no ID column in 执行过程 -------------------------------------


def execution_header(report: str, lang: Lang) -> str:
    task = {"zh-TW": "| 任務名稱 |", "zh-CN": "| 任务名称 |", "en": "| Task |"}[lang]
    lines = [line for line in report.splitlines() if task in line and "|---" not in line]
    return lines[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_execution_table_shows_no_id_column_without_ids(tmp_path: Path, lang: Lang) -> None:
    review = tmp_path / "review.xlsx"
    build_workbook(lang, filled=True).save(review)
    named = taipei_plan(tmp_path / "named.xlsx", lang, matrix=False)
    analysis = api.analyze_workbook(review, plan=named, today=TODAY)
    md = api.render_report(analysis, "md", lang)
    header = execution_header(md, lang)
    assert WORDS[lang]["ids"] not in header, header
    assert "| 市場調研 | **市場調研**" not in md and "| **市場調研**" in md
    html = api.render_report(analysis, "html", lang)
    assert f"<th>{WORDS[lang]['ids']}</th>" not in html
    assert "<td>市場調研</td><td>" not in html
    # A schedule with IDs keeps its ID column.
    with_ids = taipei_plan(tmp_path / "ids.xlsx", lang, matrix=False, ids=True)
    md = api.render_report(api.analyze_workbook(review, plan=with_ids, today=TODAY), "md", lang)
    assert execution_header(md, lang).startswith(f"| {WORDS[lang]['ids']} |")


def test_the_terminal_execution_table_shows_no_id_column(tmp_path: Path) -> None:
    review = tmp_path / "review.xlsx"
    build_workbook("zh-TW", filled=True).save(review)
    named = taipei_plan(tmp_path / "named.xlsx", "zh-TW", matrix=False)
    proc = run_cli(
        "analyze", str(review), "--plan", str(named), "--today", "2024-07-20", "--lang", "zh-TW"
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "編號" not in proc.stdout and "市場調研" in proc.stdout


# --- 4. the critical path's own dates ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_critical_path_sentence_has_the_paths_own_dates(tmp_path: Path, lang: Lang) -> None:
    """策略定稿 names a task no one has (P004): the path starts at it on 6/10, not on the
    project's first day (6/3)."""
    tasks = list(HER_TASKS)
    tasks[1] = ("策略定稿", "林經理", "2024-06-10", "2024-06-14", 5, "市場調查", "done", "prep")
    path = taipei_plan(tmp_path / "plan.xlsx", lang, tasks=tasks, matrix=False)
    plan = api.analyze_plan(path, today=TODAY)
    assert of(plan.findings, "P004")
    assert plan.schedule.start == D(2024, 6, 3) and plan.schedule.critical_path[0] == "策略定稿"
    said = schedule_line(plan, lang)
    assert "2024-06-10" in said and "2024-07-19" in said and "2024-06-03" not in said
    assert {"zh-TW": "共 40 天", "zh-CN": "共 40 天", "en": "40 days"}[lang] in said


def test_her_critical_path_of_one_task_says_its_own_week(tmp_path: Path) -> None:
    """f06: research in June, the warm-up 7/1-7/5 the only critical task."""
    tasks = (
        HER_TASKS[0],
        ("預熱投放", "王主管", "2024-07-01", "2024-07-05", 5, "市場調研", "done", "warm_up"),
    )
    plan = api.analyze_plan(taipei_plan(tmp_path / "f06.xlsx", tasks=tasks), today=TODAY)
    said = schedule_line(plan, "zh-TW")
    assert "2024-07-01 至 2024-07-05，共 5 天" in said, said


# --- 5. K002 says there are no KPI rows: no-kpis -----------------------------------------------


def test_k002_is_named_for_what_it_says(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    build_workbook("zh-TW", filled=False).save(empty)
    proc = run_cli("lint", str(empty), "--lang", "zh-TW", "--today", "2024-07-20")
    (line,) = [
        line
        for line in proc.stdout.splitlines()
        if "K002" in line and "[" in line and "!" not in line and ":" not in line
    ]
    assert "no-kpis" in line and "no-core-kpis" not in line
    proc = run_cli("rule", "K002", "--lang", "en")
    assert proc.stdout.startswith("K002 no-kpis") and "There are no KPI rows." in proc.stdout


def test_the_core_case_of_k002_has_its_own_name(tmp_path: Path) -> None:
    review = tmp_path / "review.xlsx"
    wb = build_workbook("zh-CN", filled=True)
    ws = wb["KPI评估"]
    core = next(c.column for c in ws[1] if c.value and "核心" in str(c.value))
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, core).value:
            ws.cell(row, core).value = "否"
    wb.save(review)
    (k002,) = of(lint(review), "K002")
    assert k002.key == "K002.core"
    proc = run_cli("lint", str(review), "--today", "2024-07-20", "--select", "K002")
    assert "no-kpi-marked-core" in proc.stdout, proc.stdout


@pytest.mark.parametrize("selector", ["no-core-kpis", "K002"])
def test_a_config_naming_the_old_name_still_works(tmp_path: Path, selector: str) -> None:
    assert resolve_selector("no-core-kpis", "test") == {"K002", "K002.core"}
    empty = tmp_path / "empty.xlsx"
    build_workbook("zh-CN", filled=False).save(empty)
    assert of(lint(empty), "K002")
    assert not of(lint(empty, ignore=[selector]), "K002")
    (tmp_path / "retrokit.toml").write_text(
        f'ignore = ["{selector}"]\n[severity]\n"{selector}" = "error"\n', encoding="utf-8"
    )
    proc = run_cli("lint", str(empty), "--today", "2024-07-20", cwd=tmp_path)
    assert proc.returncode != 2 and "K002" not in proc.stdout, proc.stderr
    proc = run_cli("rule", "no-core-kpis")
    assert proc.returncode == 0 and proc.stdout.startswith("K002 no-kpis")
