"""An amount with a currency under a header in 万元 is taken as written only when it is at least
one 万 (¥240,000: 240,000 yuan); one below (¥60, or 60 in a cell shown as ¥60.00, as a zh-CN
team formats money columns) is in the header's unit: 60万, not 60 yuan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from builders import typed_book
from retrokit import api


def _review(path: Path, target: object, actual: object, fmt: str | None) -> Path:
    typed_book(path, {
        "基本信息": [["项目名称", "618"], ["开始日期", dt.date(2024, 6, 1)]],
        "KPI评估": [["维度", "指标名称", "目标值（万元）", "实际值（万元）"],
                   ["收益", "销售额", target, actual]],
    })  # fmt: skip
    if fmt:
        wb = openpyxl.load_workbook(path)
        wb["KPI评估"]["C2"].number_format = wb["KPI评估"]["D2"].number_format = fmt
        wb.save(path)
    return path


@pytest.mark.parametrize(
    ("target", "actual", "fmt"),
    [
        (200, 160, '"¥"#,##0.00'),  # shown ¥200.00 / ¥160.00 under 万元
        ("¥200", "¥160", None),  # typed with the sign
        (2_000_000, 1_600_000, '"¥"#,##0'),  # in full, shown ¥2,000,000
        ("¥2,000,000", "¥1,600,000", None),
        (200, "¥1,600,000", None),  # one of each
    ],
)
def test_an_amount_with_a_currency_under_wan(
    tmp_path: Path, target: object, actual: object, fmt: str | None
) -> None:
    (kpi,) = api.analyze_workbook(_review(tmp_path / "r.xlsx", target, actual, fmt)).kpis
    assert (kpi.target, kpi.actual) == (2_000_000, 1_600_000)
    assert round(kpi.rate or 0, 4) == 0.8


def test_a_kpis_currency_is_not_the_budgets(tmp_path: Path) -> None:
    """海外广告花费(US$) in a review whose budget, 600000, says no currency: the budget is shown
    as 60万, not US$60万."""
    path = _review(tmp_path / "r.xlsx", 200, 160, None)
    wb = openpyxl.load_workbook(path)
    wb["基本信息"].append(["预算", 600000])
    wb["KPI评估"].append(["成本", "海外广告花费(US$)", 20000, 22000])
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert analysis.currency == ""
    assert "US$60" not in api.render_report(analysis, "md")
