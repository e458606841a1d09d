"""Rows that hold nothing but formulas without saved results (a script wrote them; no office
program ever computed them) are no empty rows: each such cell is V007, never a silent "no KPI
rows". A sheet of thousands of them lists a thousand per code and counts the rest in one
finding, so the findings never grow with a hostile sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import typed_book
from retrokit import api
from retrokit.findings import LISTED
from retrokit.workbook.schema import Lang

HEADERS = {
    "zh-CN": ("基本信息", "KPI评估", ("维度", "指标名称", "目标值", "实际值"), "项目名称"),
    "zh-TW": ("基本資訊", "KPI評估", ("維度", "指標名稱", "目標值", "實際值"), "專案名稱"),
    "en": ("Basic info", "KPI Evaluation", ("Dimension", "Metric", "Target", "Actual"), "Project"),
}


def _review(path: Path, lang: Lang, rows: list[tuple[str, ...]]) -> Path:
    info, kpi, header, project = HEADERS[lang]
    return typed_book(path, {
        info: [[project, "618"]],
        kpi: [list(header), *map(list, rows)],
        "data": [["Traffic", "GMV", 3000, 2400]],
    })  # fmt: skip


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_row_of_formulas_without_results_is_said(tmp_path: Path, lang: Lang) -> None:
    rows = [tuple(f"=data!{c}1" for c in "ABCD")] * 2
    path = _review(tmp_path / "r.xlsx", lang, rows)
    found = api.lint_paths([path], jobs=1)
    v007 = sorted(f.cell or "" for f in found if f.code == "V007")
    assert v007 == sorted(f"{c}{r}" for c in "ABCD" for r in (2, 3))
    assert len(api.analyze_workbook(path).kpis) == 2  # two rows, not "no KPI rows"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_thousand_findings_of_a_code_per_sheet_and_a_count(tmp_path: Path, lang: Lang) -> None:
    rows = [("Traffic", f"m{n}", str(n), f"=data!D{n}") for n in range(1, 2501)]
    path = _review(tmp_path / "r.xlsx", lang, rows)
    found = api.lint_paths([path], jobs=1)
    v007 = [f for f in found if f.code == "V007"]
    assert len(v007) == LISTED + 1
    more = v007[-1]
    assert more.cell is None and more.severity.value == "error"
    assert "1,500" in more.message(lang) and "V007" in more.message(lang)
    analysis = api.analyze_workbook(path)
    assert sum(1 for f in analysis.findings if f.code == "V007") == LISTED + 1


def test_the_count_of_the_rest_goes_with_the_placeholders_it_stands_for(tmp_path: Path) -> None:
    """1,200 due dates of 待定: each is A002's placeholder, and the reader's V002 for them is
    dropped, its count of the rest with it (no "200 more V002" for nothing listed)."""
    path = typed_book(tmp_path / "tbd.xlsx", {
        "基本信息": [["项目名称", "618"]],
        "KPI评估": [["维度", "指标名称", "目标值", "实际值"], ["收益", "GMV", 100, 90]],
        "问题与行动": [["问题环节", "问题描述", "改进措施", "责任人", "完成时间"],
                   *(["投放", f"问题{n}", "改进", "李四", "待定"] for n in range(1200))],
    })  # fmt: skip
    found = api.lint_paths([path], jobs=1)
    assert not [f for f in found if f.code == "V002"]
    a002 = [f for f in found if f.code == "A002"]
    assert len(a002) == LISTED + 1 and "200" in a002[-1].message("en")
