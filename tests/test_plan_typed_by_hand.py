"""A plan typed from scratch, not from our template: no hidden sheet, headers as a team types
them (zh-TW and English), a title row, dates as text, amounts under a (萬元) header. The checks
of this session read it as they read our own workbooks; and a LibreOffice re-save changes
nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import libreoffice_convert
from plan_builders import typed_overview
from retrokit import api

TODAY = dt.date(2024, 8, 8)

SHEETS = {
    "zh-TW": {
        "overview": ("活動概況", [("專案名稱", "秋季新品上市"), ("開始日期", "2024/9/1"),
                                 ("結束日期", "2024/9/30"), ("負責人", "陳經理"),
                                 ("總預算（萬元）", 50)]),
        "tasks": ("執行排程", ["編號", "任務名稱", "負責人", "開始時間", "結束時間", "前置依賴"]),
        "budget": ("預算分配", ["類別", "明細", "計畫金額（萬元）", "實際花費（萬元）"]),
    },
    "en": {
        "overview": ("Plan overview", [("Project", "Autumn launch"), ("Start date", "Sep 1, 2024"),
                                      ("End date", "Sep 30, 2024"), ("Owner", "Chen"),
                                      ("Total budget (10k CNY)", 50)]),
        "tasks": ("Schedule", ["ID", "Task", "Owner", "Start", "End", "Depends on"]),
        "budget": ("Budget", ["Category", "Item", "Planned (10k CNY)", "Spent (10k CNY)"]),
    },
}  # fmt: skip


def typed_plan(path: Path, lang: str) -> Path:
    names = SHEETS[lang]
    wb = Workbook()
    ws = wb.active
    ws.title, pairs = names["overview"]
    for field, value in pairs:
        ws.append([field, value])
    title, header = names["tasks"]
    ws = wb.create_sheet(title)
    ws.append([f"{title} 2024"])  # a title row above the header
    ws.append(header)
    ws.append(["T1", "Research", "Chen", "2024/9/1", "2024/9/5", "-"])
    ws.append(["T2", "Design", "Chen", "2024/9/6", "2024/9/10", "T1 and T2"])  # itself
    ws.append(["t2", "Design again", "Chen", "2024/9/11", "2024/9/12", "T1"])  # a repeat
    ws.append(["T3", "Launch", "Chen", "2024/9/20", "2024/9/15", "T1、T2"])  # ends first
    title, header = names["budget"]
    ws = wb.create_sheet(title)
    ws.append(header)
    ws.append(["KOL", "KOL", 30, 28])
    ws.append(["Ads", "Ads", 20, -1])  # a negative spend
    wb.save(path)
    return path


def findings(path: Path) -> set[tuple[str, str | None]]:
    return {(f.code, f.cell) for f in api.lint_paths([path], today=TODAY, jobs=1)}


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_a_plan_typed_by_hand_is_checked_as_ours_are(tmp_path: Path, lang: str) -> None:
    path = typed_plan(tmp_path / "plan.xlsx", lang)
    plan = api.analyze_plan(path, today=TODAY)
    assert plan.lang == lang and [t.id for t in plan.tasks] == ["T1", "T2", "t2", "T3"]
    assert plan.budget.total == 500_000 and plan.budget.planned == 500_000  # (萬元) headers
    found = findings(path)
    assert ("P001", "F4") in found  # T2 waits for itself
    assert ("P008", "A5") in found  # t2 repeats T2
    assert ("V002", "E6") in found  # T3 ends before it starts
    assert ("V008", "D3") in found  # a negative spend
    assert not [c for c, _ in found if c in ("S003", "P004", "B001")], found


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_a_libreoffice_resave_reads_the_same(tmp_path: Path, lang: str) -> None:
    path = typed_plan(tmp_path / "plan.xlsx", lang)
    saved = libreoffice_convert(path, tmp_path / "lo")
    assert findings(saved) == findings(path)


@pytest.mark.parametrize(
    ("header", "typed", "days"),
    [
        ("工期（周）", 2, 14),  # plain numbers under a header in weeks are weeks
        ("工期(週)", 2, 14),
        ("Duration (weeks)", 2, 14),
        ("Duration (wks)", 0.5, 3.5),
        ("工期（周）", "2周", 14),  # a unit of its own is not scaled again
        ("工期（周）", "14天", 14),  # nor are days said as days
        ("工期(天)", 14, 14),
        ("工期", 14, 14),
        ("工期（万）", 14, 14),  # a money multiplier means nothing for days
    ],
)
def test_a_duration_header_in_weeks_reads_its_numbers_as_weeks(
    tmp_path: Path, header: str, typed: object, days: float
) -> None:
    """工期（周） | 2 is two weeks, 14 days: no P003 for a task of 1-14 September."""
    wb = typed_overview(100)
    ws = wb.create_sheet("执行排期")
    ws.append(["编号", "任务名称", "负责人", "开始时间", "结束时间", header])
    start = dt.date(2024, 9, 1)
    end = start + dt.timedelta(days=days - 1 if days == int(days) else 2)
    ws.append(["T1", "调研", "陈", start, end, typed])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = api.analyze_plan(path, today=TODAY)
    assert [t.duration for t in plan.tasks] == [days]
    if days == int(days):
        assert "P003" not in {c for c, _ in findings(path)}
