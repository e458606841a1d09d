"""The plan workbook after real LibreOffice opens, recalculates and saves it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import libreoffice_convert
from plan_builders import plan_file
from retrokit import api
from retrokit.workbook.plan_schema import BUDGET, TASKS

TODAY = dt.date(2024, 8, 8)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_the_plan_survives_a_libreoffice_round_trip(tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    ours = plan_file(tmp_path, lang)  # type: ignore[arg-type]
    saved = libreoffice_convert(ours, tmp_path / "lo")

    # The Gantt is still drawn by the sheet: the bar and today rules survive.
    ws = load_workbook(saved)[TASKS.name(lang)]  # type: ignore[arg-type]
    formulas = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules]
    assert any("TODAY()" in f for f in formulas), formulas
    assert any("$F2" in f and "$G2" in f for f in formulas), formulas

    values = load_workbook(saved, data_only=True)
    grid = values[TASKS.name(lang)]  # type: ignore[arg-type]
    assert grid["N1"].value == 1  # a 49-day campaign: a day grid
    assert grid["O1"].value.date() == dt.date(2024, 6, 1)
    # ... and every day after it, one a column, to the grid's last (61 days).
    days = [c.value.date() for c in grid[1][14 : 14 + 61]]
    assert days == [dt.date(2024, 6, 1) + dt.timedelta(days=i) for i in range(61)]
    shares = [values[BUDGET.name(lang)].cell(row=r, column=6).value for r in range(2, 6)]  # type: ignore[arg-type]
    assert shares == pytest.approx([0.4, 0.3, 0.2, 0.1])

    before = api.analyze_plan(ours, today=TODAY)
    after = api.analyze_plan(saved, today=TODAY)
    assert api.open_workbook(saved).kind == "plan"
    assert after.schedule == before.schedule
    assert [(m.metric, m.to_date, m.status) for m in after.monitoring] == [
        (m.metric, m.to_date, m.status) for m in before.monitoring
    ]
    assert after.budget.by_category == before.budget.by_category
    assert [f.code for f in after.findings] == [f.code for f in before.findings]
