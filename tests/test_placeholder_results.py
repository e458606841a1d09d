"""A workbook that asks to be recalculated on opening (fullCalcOnLoad: written by a program,
never saved by an office program) caches placeholders, not results: xlsxwriter, pandas' other
.xlsx engine, writes 0 for every formula. Such a formula in a typed cell is V007, never an
actual of 0."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from retrokit import api
from retrokit.workbook.schema import Lang

SHEETS = {
    "zh-CN": ("基本信息", ("项目名称", "开始日期"), "KPI评估", ("维度", "指标名称", "目标值", "实际值", "核心指标"), "是"),
    "zh-TW": ("基本資訊", ("專案名稱", "開始日期"), "KPI評估", ("維度", "指標名稱", "目標值", "實際值", "核心指標"), "是"),
    "en": ("Basic info", ("Project", "Start date"), "KPI Evaluation", ("Dimension", "Metric", "Target", "Actual", "Core KPI"), "Yes"),
}  # fmt: skip


def _xlsxwriter_review(path: Path, lang: Lang) -> Path:
    info, labels, kpi, header, yes = SHEETS[lang]
    wb = xlsxwriter.Workbook(str(path))
    sheet = wb.add_worksheet(info)
    sheet.write_column(0, 0, labels)
    sheet.write_column(0, 1, ["618", "2024-06-01"])
    data = wb.add_worksheet("data")
    data.write_row(0, 0, ["GMV", 3000, 2400])
    kpis = wb.add_worksheet(kpi)
    kpis.write_row(0, 0, header)
    kpis.write_row(1, 0, ["Sales", "GMV", 3000])
    kpis.write_formula(1, 3, "=data!C1")  # cached as 0 until an office program computes it
    kpis.write(1, 4, yes)
    wb.close()
    return path


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_placeholder_result_is_no_actual(tmp_path: Path, lang: Lang) -> None:
    path = _xlsxwriter_review(tmp_path / "r.xlsx", lang)
    analysis = api.analyze_workbook(path)
    (kpi,) = analysis.kpis
    assert kpi.actual is None and kpi.rate is None  # not 0 against 3,000
    assert [(f.code, f.cell) for f in analysis.findings if f.code == "V007"] == [("V007", "D2")]
