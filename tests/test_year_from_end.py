"""A campaign start typed without its year (6月1日) beside an end with one (2024年6月20日)
takes the end's year, and the dates without a year elsewhere follow it: nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from retrokit import api
from retrokit.workbook.schema import Lang

D = dt.date
SHEETS = {
    "zh-CN": ("基本信息", ["项目名称", "开始日期", "结束日期", "负责人"], "KPI评估",
              ["维度", "指标名称", "目标值", "实际值"], "问题与行动",
              ["问题环节", "问题描述", "改进措施", "责任人", "完成时间"]),
    "zh-TW": ("基本資訊", ["專案名稱", "開始日期", "結束日期", "負責人"], "KPI評估",
              ["維度", "指標名稱", "目標值", "實際值"], "問題與行動",
              ["問題環節", "問題描述", "改進措施", "責任人", "完成時間"]),
    "en": ("Basic info", ["Project", "Start date", "End date", "Owner"], "KPI Evaluation",
           ["Dimension", "Metric", "Target", "Actual"], "Problems & Actions",
           ["Stage", "Problem", "Action", "Owner", "Due date"]),
}  # fmt: skip
START = {"zh-CN": "12月25日", "zh-TW": "12月25日", "en": "Dec 25"}
DUE = {"zh-CN": "1月15日", "zh-TW": "1月15日", "en": "Jan 15"}


def _review(path: Path, lang: Lang, start: str, end: str, due: str) -> Path:
    info, labels, kpi, kpi_header, actions, action_header = SHEETS[lang]
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = info
    for label, value in zip(labels, ["年货节", start, end, "Amy"], strict=True):
        ws.append([label, value])
    wb.create_sheet(kpi).append(kpi_header)
    wb[kpi].append(["Sales", "GMV", 100, 80])
    wb.create_sheet(actions).append(action_header)
    wb[actions].append(["Page", "Slow", "Compress", "Amy", due])
    wb.save(path)
    return path


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_yearless_start_takes_its_ends_year(tmp_path: Path, lang: Lang) -> None:
    path = _review(tmp_path / "r.xlsx", lang, START[lang], "2025-01-10", DUE[lang])
    analysis = api.analyze_workbook(path, today=D(2025, 3, 1))
    assert (analysis.info["start"], analysis.info["end"]) == (D(2024, 12, 25), D(2025, 1, 10))
    assert [p.due for p in analysis.problems] == [D(2025, 1, 15)]
    assert not [f for f in analysis.findings if f.code == "V002"]
