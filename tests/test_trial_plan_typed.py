"""A new user's trial of plan workbooks typed by hand (DOMAIN's own tables, as a team types
them): each workbook is built here, in zh-CN, zh-TW and English where there are words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from retrokit import api
from retrokit.findings import Finding

D = dt.date
LANGS = ("zh-CN", "zh-TW", "en")

# fmt: off
#: Sheet names and the overview's field labels as each language types them.
WORDS: dict[str, dict[str, Any]] = {
    "zh-CN": {
        "overview": "活动概况", "goals": "推广目标", "tasks": "执行排期", "budget": "预算分配",
        "fields": ("项目名称", "开始日期", "结束日期", "负责人", "总预算"),
        "goal_header": ("目标维度", "具体指标", "量化目标", "达成路径", "负责人", "时间节点"),
        "budget_header": ("类别", "明细", "计划金额", "实际花费"),
        "done": "已完成", "doing": "进行中",
    },
    "zh-TW": {
        "overview": "活動概況", "goals": "推廣目標", "tasks": "執行排程", "budget": "預算分配",
        "fields": ("專案名稱", "開始日期", "結束日期", "負責人", "總預算"),
        "goal_header": ("目標維度", "具體指標", "量化目標", "達成路徑", "負責人", "時間節點"),
        "budget_header": ("類別", "明細", "計畫金額", "實際花費"),
        "done": "已完成", "doing": "進行中",
    },
    "en": {
        "overview": "Plan overview", "goals": "Goals", "tasks": "Schedule", "budget": "Budget",
        "fields": ("Project", "Start date", "End date", "Owner", "Total budget"),
        "goal_header": ("Dimension", "Metric", "Target", "Path", "Owner", "Deadline"),
        "budget_header": ("Category", "Item", "Planned", "Spent"),
        "done": "Done", "doing": "In progress",
    },
}
#: DOMAIN's Gantt table: no ID column (task, description, owner, start, end, days, pred., status).
NO_ID_HEADER = {
    "zh-CN": ("任务", "任务描述", "负责人", "开始时间", "结束时间", "工期（天）", "前置任务", "状态"),
    "zh-TW": ("任務", "任務描述", "負責人", "開始時間", "結束時間", "工期（天）", "前置任務", "狀態"),
    "en": ("Task", "Description", "Owner", "Start", "End", "Duration", "Predecessors", "Status"),
}
ID_HEADER = {
    "zh-CN": ("编号", "任务名称", "负责人", "开始时间", "结束时间", "工期（天）", "前置依赖", "状态"),
    "zh-TW": ("編號", "任務名稱", "負責人", "開始時間", "結束時間", "工期（天）", "前置依賴", "狀態"),
    "en": ("ID", "Task", "Owner", "Start", "End", "Duration", "Depends on", "Status"),
}
# fmt: on


def typed_plan(
    path: Path,
    lang: str,
    *,
    task_header: Sequence[str] | None = None,
    tasks: Sequence[Sequence[Any]] = (),
    budget: float | str | None = 500_000,
    budget_rows: Sequence[Sequence[Any]] = (),
    goals: Sequence[Sequence[Any]] = (),
    start: str = "2024-06-03",
    end: str = "2024-06-30",
) -> Path:
    """A plan as a user types it: the overview's pairs, then goals, schedule and budget."""
    words = WORDS[lang]
    wb = Workbook()
    ws = wb.active
    ws.title = words["overview"]
    project, first, last, owner, total = words["fields"]
    for pair in ((project, "Summer"), (first, start), (last, end), (owner, "Chen")):
        ws.append(list(pair))
    if budget is not None:
        ws.append([total, budget])
    ws = wb.create_sheet(words["goals"])
    ws.append(list(words["goal_header"]))
    for goal in goals or [("", "Orders", 5000, "Live", "Chen", "2024-06-30")]:
        ws.append(list(goal))
    ws = wb.create_sheet(words["tasks"])
    ws.append(list(task_header or NO_ID_HEADER[lang]))
    for task in tasks:
        ws.append(list(task))
    ws = wb.create_sheet(words["budget"])
    ws.append(list(words["budget_header"]))
    for line in budget_rows or [("KOL", "KOL", 300_000, None), ("Ads", "Ads", 200_000, None)]:
        ws.append(list(line))
    wb.save(path)
    return path


def codes(findings: Sequence[Finding]) -> list[str]:
    return [f.code for f in findings]


def messages(findings: Sequence[Finding], code: str, lang: str) -> list[str]:
    return [f.message(lang) for f in findings if f.code == code]  # type: ignore[arg-type]


# --- 1. a schedule without an ID column knows its tasks by name -----------------------------


def named_tasks(lang: str) -> list[tuple[Any, ...]]:
    done = WORDS[lang]["done"]
    return [
        # name, description, owner, start, end, days, predecessors, status
        ("KOL 筛选", "KOL", "Chen", "2024-06-03", "2024-06-04", 2, "-", done),
        ("素材 制作", "Art", "Chen", "2024-06-05", "2024-06-06", 2, "KOL 筛选", done),
        ("Brief", "Brief", "Chen", "2024-06-05", "2024-06-05", 1, "—", done),
        (
            "Launch day",
            "Go",
            "Chen",
            "2024-06-07",
            "2024-06-07",
            1,
            "KOL 筛选、素材 制作; Brief",
            done,
        ),
        ("Wrap", "End", "Chen", "2024-06-07", "2024-06-07", 1, "无", done),
        ("Recap", "End", "Chen", "2024-06-07", "2024-06-07", 1, "none", done),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_a_schedule_without_ids_knows_its_tasks_by_name(tmp_path: Path, lang: str) -> None:
    path = typed_plan(tmp_path / "p.xlsx", lang, tasks=named_tasks(lang))
    plan = api.analyze_plan(path, today=D(2024, 6, 10))
    assert plan.lang == lang
    assert not [c for c in codes(plan.findings) if c in ("S002", "S003", "P004")], plan.findings
    by_id = {t.id: t for t in plan.tasks}
    assert list(by_id) == ["KOL 筛选", "素材 制作", "Brief", "Launch day", "Wrap", "Recap"]
    # split at list separators only, never at the space inside a name; - / — / 无 / none: none
    assert by_id["Launch day"].depends_on == ("KOL 筛选", "素材 制作", "Brief")
    assert by_id["素材 制作"].depends_on == ("KOL 筛选",)
    assert all(not by_id[n].depends_on for n in ("KOL 筛选", "Brief", "Wrap", "Recap"))
    assert plan.schedule.critical_path[:3] == ("KOL 筛选", "素材 制作", "Launch day")
    assert by_id["Brief"].slack == 1 and not by_id["Brief"].critical


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_name_no_task_has_is_p004_quoted_as_typed(tmp_path: Path, lang: str) -> None:
    late = ("Launch", "Go", "Chen", "2024-06-07", "2024-06-07", 1, "KOL 筛选, Press kit", "")
    rows = [*named_tasks(lang)[:2], late]
    path = typed_plan(tmp_path / "p.xlsx", lang, tasks=rows)
    found = api.lint_paths([path], today=D(2024, 6, 10), jobs=1)
    (p004,) = messages(found, "P004", lang)
    assert "Press kit" in p004 and "KOL" not in p004
    assert ("名称" if lang == "zh-CN" else "名稱" if lang == "zh-TW" else "name") in p004
    assert "S002" not in codes(found)


@pytest.mark.parametrize("lang", LANGS)
def test_json_ids_are_the_names(tmp_path: Path, lang: str) -> None:
    import json

    from retrokit.render.json import plan_document

    path = typed_plan(tmp_path / "p.xlsx", lang, tasks=named_tasks(lang)[:2])
    data = json.loads(json.dumps(plan_document(api.analyze_plan(path, today=D(2024, 6, 10)))))
    assert [t["id"] for t in data["tasks"]] == ["KOL 筛选", "素材 制作"]
    assert data["tasks"][1]["depends_on"] == ["KOL 筛选"]
    assert data["schedule"]["critical_path"] == ["KOL 筛选", "素材 制作"]


@pytest.mark.parametrize("lang", LANGS)
def test_with_an_id_column_nothing_changes(tmp_path: Path, lang: str) -> None:
    done = WORDS[lang]["done"]
    rows = [
        ("T1", "KOL 筛选", "Chen", "2024-06-03", "2024-06-04", 2, "-", done),
        ("T2", "Art", "Chen", "2024-06-05", "2024-06-06", 2, "T1", done),
        ("T3", "Go", "Chen", "2024-06-07", "2024-06-07", 1, "T1 T2", done),
        ("", "No id", "Chen", "2024-06-07", "2024-06-07", 1, "KOL 筛选", done),
    ]
    path = typed_plan(tmp_path / "p.xlsx", lang, task_header=ID_HEADER[lang], tasks=rows)
    plan = api.analyze_plan(path, today=D(2024, 6, 10))
    assert [t.id for t in plan.tasks] == ["T1", "T2", "T3", ""]
    assert plan.tasks[2].depends_on == ("T1", "T2")  # ids still split at a space
    # A predecessor written as a task's name is that task's id (序号 and names).
    assert plan.tasks[3].depends_on == ("T1",)
    assert plan.schedule.critical_path == ("T1", "T2", "T3")
    found = codes(plan.findings)
    assert "S003" in found and "P004" not in found  # the blank id; the name is T1's


def test_a_schedule_without_id_and_without_task_column_is_still_s002(tmp_path: Path) -> None:
    header = ("负责人", "开始时间", "结束时间", "工期（天）", "状态")
    rows = [("Chen", "2024-06-03", "2024-06-04", 2, "已完成")]
    path = typed_plan(tmp_path / "p.xlsx", "zh-CN", task_header=header, tasks=rows)
    found = api.lint_paths([path], today=D(2024, 6, 10), jobs=1)
    assert codes(found).count("S002") == 2  # 编号 and 任务名称


# --- 2. a weekend between a task and its successor is no slack -----------------------------


def week_tasks(lang: str) -> list[tuple[Any, ...]]:
    done, doing = WORDS[lang]["done"], WORDS[lang]["doing"]
    return [
        # 2024-10-07 is a Monday
        ("T1", "Research", "Amy", "2024-10-07", "2024-10-11", 5, "-", done),  # Mon-Fri
        ("T2", "Launch", "Bob", "2024-10-14", "2024-10-18", 5, "T1", doing),  # next Mon-Fri
        ("T3", "Deals", "Bob", "2024-10-07", "2024-10-10", 4, "-", done),  # ends Thursday
        ("T4", "Event", "Bob", "2024-10-19", "2024-10-19", 1, "T2", doing),  # a Saturday
        ("T5", "Recap", "Amy", "2024-10-21", "2024-10-25", 5, "T4, T3", doing),  # Monday
    ]


def _renamed(predecessors: str, names: dict[str, str]) -> str:
    if predecessors == "-":
        return predecessors
    return "、".join(names[p.strip()] for p in predecessors.split(","))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ids", [True, False])
def test_a_weekend_gap_is_no_slack(tmp_path: Path, lang: str, ids: bool) -> None:
    rows = week_tasks(lang)
    if not ids:  # the same plan known by names
        names = {r[0]: r[1] for r in rows}
        rows = [(r[1], *r[1:6], _renamed(r[6], names), r[7]) for r in rows]
    header = ID_HEADER[lang] if ids else NO_ID_HEADER[lang]
    path = typed_plan(tmp_path / "p.xlsx", lang, task_header=header, tasks=rows,
                      start="2024-10-07", end="2024-10-25")  # fmt: skip
    plan = api.analyze_plan(path, today=D(2024, 10, 15))
    slack = [t.slack for t in plan.tasks]
    # T1 (Friday) before T2 (Monday): no slack; T4 (Saturday) before T5 (Monday): none;
    # T3 ends Thursday, T5 waits until the Monday after next: six working days (Friday and
    # the next week), weekends not counted
    assert slack == [0, 0, 6, 0, 0]
    path_ids = ("T1", "T2", "T4", "T5") if ids else ("Research", "Launch", "Event", "Recap")
    assert plan.schedule.critical_path == path_ids
    assert "P002" not in codes(plan.findings)


def test_a_gap_with_a_working_day_is_still_slack(tmp_path: Path) -> None:
    rows = [
        ("T1", "A", "Amy", "2024-10-10", "2024-10-10", 1, "-", "已完成"),  # Thursday
        ("T2", "B", "Amy", "2024-10-14", "2024-10-14", 1, "T1", "进行中"),  # Monday
        ("T3", "C", "Amy", "2024-10-07", "2024-10-14", 6, "-", "进行中"),
    ]
    path = typed_plan(tmp_path / "p.xlsx", "zh-CN", task_header=ID_HEADER["zh-CN"], tasks=rows)
    plan = api.analyze_plan(path, today=D(2024, 10, 8))
    assert [t.slack for t in plan.tasks] == [1, 0, 0]  # the Friday between: one working day
    assert plan.schedule.critical_path == ("T3",)


def test_slack_counts_working_days_alike_up_a_chain(tmp_path: Path) -> None:
    """A (Mon-Fri) before B (Mon-Wed) before C (Fri); D sets the last day. B may slip one
    working day, so A may too: the weekend between A and B adds nothing."""
    rows = [
        ("A", "A", "Amy", "2024-06-03", "2024-06-07", 5, "-", "进行中"),
        ("B", "B", "Amy", "2024-06-10", "2024-06-12", 3, "A", "进行中"),
        ("C", "C", "Amy", "2024-06-14", "2024-06-14", 1, "B", "进行中"),
        ("D", "D", "Amy", "2024-06-03", "2024-06-14", 10, "-", "进行中"),
    ]
    path = typed_plan(tmp_path / "p.xlsx", "zh-CN", task_header=ID_HEADER["zh-CN"], tasks=rows,
                      start="2024-06-03", end="2024-06-14")  # fmt: skip
    plan = api.analyze_plan(path, today=D(2024, 6, 3))
    assert [t.slack for t in plan.tasks] == [1, 1, 0, 0]


@pytest.mark.parametrize("lang", LANGS)
def test_p002_is_unchanged_by_weekends(tmp_path: Path, lang: str) -> None:
    rows = [
        ("T1", "A", "Amy", "2024-10-07", "2024-10-11", 5, "-", WORDS[lang]["done"]),  # to Friday
        ("T2", "B", "Amy", "2024-10-10", "2024-10-14", 5, "T1", WORDS[lang]["doing"]),
        ("T3", "C", "Amy", "2024-10-12", "2024-10-14", 3, "T1", WORDS[lang]["doing"]),
    ]
    path = typed_plan(tmp_path / "p.xlsx", lang, task_header=ID_HEADER[lang], tasks=rows)
    found = [f for f in api.lint_paths([path], today=D(2024, 10, 8), jobs=1) if f.code == "P002"]
    assert [f.row for f in found] == [3]  # T2 starts Thursday, before T1 ends; T3 on Saturday


# --- 3. P003 reads durations in weeks and in working days -----------------------------------

WEEKS = {"zh-CN": "{}周", "zh-TW": "{}週", "en": "{} weeks"}
WEEKS_HEADER = {"zh-CN": "工期（周）", "zh-TW": "工期（週）", "en": "Duration (weeks)"}


def p003(tmp_path: Path, lang: str, rows: Sequence[tuple[Any, ...]], header: str = "") -> list[int]:
    """The rows P003 warns on, for tasks of (start, end, duration)."""
    task_header = list(ID_HEADER[lang])
    if header:
        task_header[5] = header
    tasks = [
        (f"T{n}", f"Task {n}", "Amy", first, last, days, "-", WORDS[lang]["done"])
        for n, (first, last, days) in enumerate(rows, start=1)
    ]
    path = typed_plan(tmp_path / "p.xlsx", lang, task_header=task_header, tasks=tasks,
                      start="2024-05-01", end="2024-07-31")  # fmt: skip
    found = api.lint_paths([path], today=D(2024, 6, 1), jobs=1)
    return [f.row or 0 for f in found if f.code == "P003"]


@pytest.mark.parametrize("lang", LANGS)
def test_durations_in_weeks_agree_with_their_working_weeks(tmp_path: Path, lang: str) -> None:
    week = WEEKS[lang]
    rows = [
        ("2024-06-03", "2024-06-14", week.format(2)),  # Monday to the next Friday: 10 working days
        ("2024-06-03", "2024-06-07", week.format(1)),  # Monday to Friday
        ("2024-06-03", "2024-06-05", week.format(1)),  # 3 days: more than half a week off
        ("2024-06-03", "2024-06-16", week.format(2)),  # Monday to Sunday: 14 days
        ("2024-06-03", "2024-06-07", week.format(3)),  # a real disagreement
        ("2024-06-03", "2024-06-12", week.format(1)),  # 10 days: within half a week of 7
    ]
    assert p003(tmp_path, lang, rows) == [4, 6]


@pytest.mark.parametrize("lang", LANGS)
def test_plain_numbers_under_a_header_in_weeks(tmp_path: Path, lang: str) -> None:
    rows = [("2024-06-03", "2024-06-14", 2), ("2024-06-03", "2024-06-07", 1),
            ("2024-06-03", "2024-06-07", 4)]  # fmt: skip
    assert p003(tmp_path, lang, rows, WEEKS_HEADER[lang]) == [4]


@pytest.mark.parametrize("lang", LANGS)
def test_durations_in_working_days_and_calendar_days(tmp_path: Path, lang: str) -> None:
    rows = [
        ("2024-06-03", "2024-06-14", 10),  # working days (Mon-Fri, both ends)
        ("2024-06-03", "2024-06-14", 12),  # calendar days, both ends
        ("2024-06-03", "2024-06-14", 11),  # end − start
        ("2024-05-20", "2024-05-25", 5),  # DOMAIN: 5月20日 to 5月25日 as 5 days
        ("2024-05-20", "2024-05-25", 30),  # typed 30, spans 5: warned
        ("2024-06-03", "2024-06-14", 2),  # 2 days is no reading of two weeks in a day column
    ]
    assert p003(tmp_path, lang, rows) == [6, 7]


# --- 4. a duration formula without a saved result is derived from the dates ----------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_unsaved_duration_formula_beside_both_dates_is_no_v007(
    tmp_path: Path, lang: str
) -> None:
    done = WORDS[lang]["done"]
    rows = [
        # written by openpyxl: the formulas have no saved result
        ("T1", "A", "Amy", D(2024, 6, 3), D(2024, 6, 7), "=E2-D2+1", "-", done),
        ("T2", "B", "Amy", D(2024, 6, 10), D(2024, 6, 14), "=E3-D3+1", "T1", done),
        ("T3", "C", "Amy", D(2024, 6, 17), None, "=E4-D4+1", "T2", done),  # no end: V007
    ]
    budget = [("KOL", "KOL", 300_000, None), ("Ads", "Ads", "=500000-C2", None)]
    path = typed_plan(tmp_path / "p.xlsx", lang, task_header=ID_HEADER[lang], tasks=rows,
                      budget_rows=budget)  # fmt: skip
    found = api.lint_paths([path], today=D(2024, 6, 1), jobs=1)
    v007 = sorted(f.cell or "" for f in found if f.code == "V007")
    assert v007 == ["C3", "F4"]  # the budget's formula and the task without an end
    plan = api.analyze_plan(path, today=D(2024, 6, 1))
    assert [t.slack for t in plan.tasks][:2] == [0, 0]
    assert plan.schedule.critical_path[:2] == ("T1", "T2")


# --- 5. 应急 / 备用金 / reserve / buffer are the contingency ---------------------------------

CONTINGENCY = {
    "zh-CN": [("应急", "备用金"), ("备用金", ""), ("预备金", "")],
    "zh-TW": [("應急", "備用金"), ("備用金", ""), ("預備金", "")],
    "en": [("Reserve", ""), ("Buffer", ""), ("buffer", "x")],
}


@pytest.mark.parametrize("lang", LANGS)
def test_contingency_lines_as_teams_name_them(tmp_path: Path, lang: str) -> None:
    for n, (category, item) in enumerate(CONTINGENCY[lang]):
        lines = [("KOL", "KOL", 450_000, 0), (category, item, 50_000, 0)]
        path = typed_plan(tmp_path / f"p{n}.xlsx", lang, budget_rows=lines)
        found = api.lint_paths([path], today=D(2024, 6, 1), jobs=1)
        assert "B003" not in codes(found), (category, item)
    lines = [("KOL", "KOL", 450_000, 0), ("Ads", "Ads", 50_000, 0)]
    path = typed_plan(tmp_path / "none.xlsx", lang, budget_rows=lines)
    assert "B003" in codes(api.lint_paths([path], today=D(2024, 6, 1), jobs=1))


# --- 6. DOMAIN's goal dimensions: brand exposure, user interaction, sales conversion --------

DIMENSIONS = {
    "zh-CN": ("品牌曝光", "用户互动", "销售转化", "品牌曝光度"),
    "zh-TW": ("品牌曝光", "用戶互動", "銷售轉化", "品牌曝光度"),
    "en": ("Brand exposure", "User interaction", "Sales conversion", "brand exposure"),
}
CODES = ["traffic", "engagement", "conversion", "traffic"]


@pytest.mark.parametrize("lang", LANGS)
def test_domain_goal_dimensions_are_read(tmp_path: Path, lang: str) -> None:
    goals = [
        (dim, f"Metric {n}", 100, "Path", "Chen", "2024-06-30")
        for n, dim in enumerate(DIMENSIONS[lang])
    ]
    path = typed_plan(tmp_path / "p.xlsx", lang, goals=goals)
    plan = api.analyze_plan(path, today=D(2024, 6, 10))
    assert [g.dimension for g in plan.goals] == CODES
    assert "V003" not in codes(plan.findings)


@pytest.mark.parametrize("lang", LANGS)
def test_the_review_kpi_sheet_reads_them_as_well(tmp_path: Path, lang: str) -> None:
    from builders import example_data, write

    data = example_data()
    for kpi, dim in zip(data["kpis"], DIMENSIONS[lang], strict=False):
        kpi["dimension"] = dim
    path = write(tmp_path / "r.xlsx", data, lang=lang)  # type: ignore[arg-type]
    analysis = api.analyze_workbook(path, today=D(2024, 7, 20))
    assert [k.dimension for k in analysis.kpis[:4]] == CODES
    assert "V003" not in codes(analysis.findings)


# --- 7. shares (40%) without a total budget are no amounts ----------------------------------

SHARES_NEED_TOTAL = {"zh-CN": "需在活动概况中填写总预算", "zh-TW": "需在活動概況中填寫總預算",
                     "en": "need the total budget"}  # fmt: skip
ALLOCATED = {"zh-CN": "已分配 -，", "zh-TW": "已分配 -，", "en": "allocated -,"}


@pytest.mark.parametrize("lang", LANGS)
def test_shares_without_a_total_show_no_amount(tmp_path: Path, lang: str) -> None:
    from retrokit.render.plan_terminal import render_plan
    from retrokit.render.plan_view import plan_view

    lines = [("KOL", "KOL", "40%", 180_000), ("Ads", "Ads", "60%", 160_000)]
    path = typed_plan(tmp_path / "p.xlsx", lang, budget=None, budget_rows=lines)
    plan = api.analyze_plan(path, today=D(2024, 6, 10))
    assert [line.planned for line in plan.budget.lines] == [None, None]
    assert plan.budget.unpriced_shares == 2 and plan.budget.remaining is None
    view = plan_view(plan, lang)  # type: ignore[arg-type]
    assert view.budget is not None and [row[1] for row in view.budget.rows] == ["", ""]
    assert ALLOCATED[lang] in view.budget_line and SHARES_NEED_TOTAL[lang] in view.budget_line
    text = render_plan(plan, lang)  # type: ignore[arg-type]
    assert ALLOCATED[lang] in text and SHARES_NEED_TOTAL[lang] in text
    budget_rows = [row for row in text.splitlines() if row.startswith("│ KOL")]
    assert budget_rows and " 0 " not in budget_rows[0]


@pytest.mark.parametrize("lang", LANGS)
def test_amounts_beside_shares_without_a_total(tmp_path: Path, lang: str) -> None:
    from retrokit.render.plan_view import plan_view

    lines = [("KOL", "KOL", 100_000, 90_000), ("Ads", "Ads", "40%", 10_000)]
    path = typed_plan(tmp_path / "p.xlsx", lang, budget=None, budget_rows=lines)
    plan = api.analyze_plan(path, today=D(2024, 6, 10))
    view = plan_view(plan, lang)  # type: ignore[arg-type]
    assert view.budget is not None and view.budget.rows[1][1] == ""
    assert view.budget.rows[0][1] != "" and SHARES_NEED_TOTAL[lang] in view.budget_line
    assert plan.budget.unpriced_shares == 1 and plan.budget.remaining is None


@pytest.mark.parametrize("lang", LANGS)
def test_shares_with_a_total_are_amounts_as_before(tmp_path: Path, lang: str) -> None:
    from retrokit.render.plan_view import plan_view

    lines = [("KOL", "KOL", "40%", 180_000), ("Ads", "Ads", "60%", 160_000)]
    path = typed_plan(tmp_path / "p.xlsx", lang, budget_rows=lines)
    plan = api.analyze_plan(path, today=D(2024, 6, 10))
    assert [line.planned for line in plan.budget.lines] == [200_000, 300_000]
    assert plan.budget.unpriced_shares == 0 and plan.budget.remaining == 160_000
    assert SHARES_NEED_TOTAL[lang] not in plan_view(plan, lang).budget_line  # type: ignore[arg-type]


def test_a_plan_typed_in_other_words_is_read(tmp_path: Path) -> None:
    """A planner's own headers (事项, 开始, 截止日期, 前置, 预算, 已花费, 概率, 应对, 分工;
    Predecessor, Mitigation) are read without S002."""
    from openpyxl import Workbook

    from retrokit import api

    wb = Workbook()
    ov = wb.active
    ov.title = "活动概况"
    for row in (("项目名称", "秋季上新"), ("开始时间", "2024-09-01"), ("结束时间", "2024-09-30"),
                ("项目负责人", "陈"), ("总预算", 100000)):  # fmt: skip
        ov.append(row)
    goals = wb.create_sheet("推广目标")
    goals.append(["维度", "具体指标", "目标", "路径", "负责人", "截止"])
    goals.append(["转化", "注册用户", 1000, "抖音 600 + 小红书 400", "陈", "2024-09-30"])
    tasks = wb.create_sheet("执行排期")
    tasks.append(["No.", "事项", "开始", "截止日期", "前置", "责任人"])
    tasks.append(["T1", "调研", "2024-09-02", "2024-09-06", "-", "陈"])
    tasks.append(["T2", "投放", "2024-09-09", "2024-09-20", "T1", "陈"])
    budget = wb.create_sheet("预算分配")
    budget.append(["类别", "明细", "预算", "已花费"])
    budget.append(["广告投放", "抖音", 90000, 50000])
    budget.append(["应急备用金", "", 10000, 0])
    risks = wb.create_sheet("风险预案")
    risks.append(["风险", "概率", "影响", "预警", "应对", "负责人"])
    risks.append(["KOL 取消", "高", "高", "档期未确认", "备选名单", "陈"])
    team = wb.create_sheet("项目分工")
    team.append(["角色", "姓名", "分工"])
    team.append(["组长", "陈", "统筹"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = api.analyze_plan(path, today=dt.date(2024, 9, 10))
    assert not [f for f in plan.findings if f.code in ("S001", "S002", "S003", "V003")]
    assert [t.id for t in plan.tasks] == ["T1", "T2"]
    assert plan.tasks[1].depends_on == ("T1",) or list(plan.tasks[1].depends_on) == ["T1"]
    assert plan.budget.planned == 100000
    assert plan.risks[0].response == "备选名单"


def _schedule_only(path: Path, head: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ov = wb.active
    ov.title = "活动概况"
    for row in (("项目名称", "夏促"), ("开始日期", "2024-06-01"), ("结束日期", "2024-06-30"),
                ("负责人", "陈"), ("总预算", 100000)):  # fmt: skip
        ov.append(row)
    ws = wb.create_sheet("执行排期")
    ws.append(head)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("name", ["海报、视频制作", "Design, copy", "预热；投放"])
def test_a_task_name_holding_a_list_separator_is_one_predecessor(tmp_path: Path, name: str) -> None:
    path = _schedule_only(
        tmp_path / "p.xlsx",
        ["任务名称", "开始时间", "结束时间", "前置依赖"],
        [[name, "2024-06-03", "2024-06-07", "-"], ["投放", "2024-06-10", "2024-06-14", name]],
    )
    plan = api.analyze_plan(path, today=dt.date(2024, 6, 1))
    assert not [f for f in plan.findings if f.code == "P004"]
    assert list(plan.tasks[1].depends_on) == [name]
    assert list(plan.schedule.critical_path) == [name, "投放"]


def test_predecessors_named_by_task_where_the_sheet_numbers_its_tasks(tmp_path: Path) -> None:
    """序号 1, 2, 3 and 前置任务 written as task names: the names resolve to the numbers."""
    path = _schedule_only(
        tmp_path / "p.xlsx",
        ["序号", "任务名称", "开始时间", "结束时间", "前置任务"],
        [
            [1, "KOL筛选", "2024-06-03", "2024-06-07", "-"],
            [2, "素材制作", "2024-06-10", "2024-06-14", "KOL 筛选"],
            [3, "投放", "2024-06-17", "2024-06-21", "素材制作"],
        ],
    )
    plan = api.analyze_plan(path, today=dt.date(2024, 6, 1))
    assert not [f for f in plan.findings if f.code == "P004"]
    assert [list(t.depends_on) for t in plan.tasks] == [[], ["1"], ["2"]]
    assert list(plan.schedule.critical_path) == ["1", "2", "3"]


def _repeated_name(tmp: Path) -> Path:
    """A schedule without ids where 复盘会 comes twice, first and last."""
    return _schedule_only(
        tmp / "p.xlsx",
        ["任务名称", "开始时间", "结束时间", "前置依赖"],
        [
            ["复盘会", "2024-06-03", "2024-06-03", "-"],
            ["投放", "2024-06-04", "2024-06-14", "复盘会"],
            ["复盘会", "2024-06-17", "2024-06-18", "投放"],
        ],
    )


def test_a_repeated_task_name_without_ids_is_said_at_the_name(tmp_path: Path) -> None:
    path = _repeated_name(tmp_path)
    plan = api.analyze_plan(path, today=dt.date(2024, 6, 1))
    (p008,) = [f for f in plan.findings if f.code == "P008"]
    assert (p008.key, p008.cell) == ("P008.name", "A4")
    assert "编号" in p008.message() and "复盘会（二）" in p008.message()


def test_a_repeated_task_name_keeps_its_place_in_the_schedule(tmp_path: Path) -> None:
    """The second 复盘会 (P008) still ends the schedule and is on its critical path; a
    successor naming 复盘会 waits for the first."""
    path = _repeated_name(tmp_path)
    plan = api.analyze_plan(path, today=dt.date(2024, 6, 1))
    assert plan.schedule.end == dt.date(2024, 6, 18)
    assert [(t.slack, t.critical) for t in plan.tasks] == [(0, True)] * 3
    assert list(plan.schedule.critical_path) == ["复盘会", "投放", "复盘会"]
    assert not [f for f in plan.findings if f.code == "P001"]


def _p003_in_weeks(tmp: Path, lang: str, weeks: int, end: str) -> list[Any]:
    """P003 on one task of 3-N June typed as ``weeks`` under a header in weeks."""
    task_header = list(ID_HEADER[lang])
    task_header[5] = WEEKS_HEADER[lang]
    tasks = [("T1", "Task 1", "Amy", "2024-06-03", end, weeks, "-", WORDS[lang]["done"])]
    path = typed_plan(tmp / "p.xlsx", lang, task_header=task_header, tasks=tasks,
                      start="2024-05-01", end="2024-07-31")  # fmt: skip
    return [f for f in api.lint_paths([path], today=D(2024, 6, 1), jobs=1) if f.code == "P003"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_duration_in_weeks_is_said_in_weeks(tmp_path: Path, lang: str) -> None:
    """3 typed under 工期（周） is said as 3 weeks (21 days), not "21 days" (trial 51)."""
    found = _p003_in_weeks(tmp_path, lang, 3, "2024-06-07")
    assert [f.key for f in found] == ["P003.weeks"]
    said = {"zh-CN": "3 周（21 天）", "zh-TW": "3 週（21 天）", "en": "3 weeks (21 days)"}[lang]
    assert said in found[0].message(lang)  # type: ignore[arg-type]


def test_one_week_is_said_as_one_week(tmp_path: Path) -> None:
    """English says "1 week (7 days)", not "1 weeks" (review 56)."""
    found = _p003_in_weeks(tmp_path, "en", 1, "2024-06-28")
    assert [f.key for f in found] == ["P003.one_week"]
    assert "says 1 week (7 days)" in found[0].message("en")
