"""A metric in % typed as bare numbers (转化率(%): 5 and 4.6) is shown as percentages, its gap
in points, in the terminal, the report and the deck's table, in every language."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from retrokit import api
from retrokit.workbook.schema import Lang

NAMES = {"zh-CN": "注册转化率(%)", "zh-TW": "註冊轉化率(%)", "en": "Sign-up rate (%)"}


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_bare_numbers_of_a_metric_in_percent(tmp_path: Path, lang: Lang) -> None:
    path = tmp_path / "review.xlsx"
    api.scaffold_workbook(path, lang=lang, example=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[1]
    row = next(
        r
        for r in range(2, 12)
        if isinstance(ws.cell(r, 5).value, float) and ws.cell(r, 5).value < 1
    )
    ws.cell(row, 2).value = NAMES[lang]
    for column, value in ((5, 5), (6, 4.6)):
        ws.cell(row, column).value = value
        ws.cell(row, column).number_format = "General"
    wb.save(path)
    analysis = api.analyze_workbook(path)
    (kpi,) = [k for k in analysis.kpis if k.metric == NAMES[lang]]
    assert (kpi.target, kpi.actual, round(kpi.rate or 0, 4)) == (5, 4.6, 0.92)
    markdown = api.render_report(analysis, "md", lang)
    line = next(x for x in markdown.splitlines() if x.startswith("|") and NAMES[lang] in x)
    assert "| 5% | 4.6% | -0.4 pp |" in line, line
