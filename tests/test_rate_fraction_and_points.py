"""A rate typed as a fraction in one cell and in percent points in the other (0.12 and 11 for
12% and 11%) is read as both percentages, with V005.scale saying how; a growth rate of 0.5
against 1.2, a ROI of 3 against 0.8 and consistent pairs stay as typed. In the template made
by retrokit too (its formulas' result is no second finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import example_with_rate
from retrokit import api
from retrokit.method.analysis import _fraction_and_points
from retrokit.workbook.schema import Lang

NAMES = {"zh-CN": "注册转化率", "zh-TW": "註冊轉化率", "en": "Sign-up rate"}


@pytest.mark.parametrize(
    ("metric", "t", "a", "read"),
    [
        ("转化率", 0.12, 11, (0.12, 0.11)),
        ("转化率(%)", 12, 0.11, (0.12, 0.11)),
        ("CTR", 2.5, 0.021, (0.025, 0.021)),
        ("Conversion rate", 0.05, 4.6, (0.05, 0.046)),
        ("增长率", 0.5, 1.2, None),  # a growth rate over 100%: as typed
        ("完成率", 1, 1.1, None),
        ("投资回报率", 3, 0.8, None),  # a return on spend is no percentage
        ("ROI", 0.5, 2, None),
        ("GMV", 0.12, 11, None),
        ("转化率", 5, 4.6, None),  # consistent points
        ("转化率", 0.05, 0.046, None),  # consistent fractions
        ("转化率", 20, 0.8, None),  # 20% to 0.8%, or 0.8 as 80%: no reading is sure
    ],
)
def test_which_pairs_are_read_as_fraction_and_points(
    metric: str, t: float, a: float, read: tuple[float, float] | None
) -> None:
    got = _fraction_and_points(metric, t, a)
    assert got == read if read is None or got is None else got == pytest.approx(read)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_the_templates_rate_typed_both_ways(tmp_path: Path, lang: Lang) -> None:
    path = example_with_rate(tmp_path / "review.xlsx", lang, NAMES[lang], 0.12, 11)
    row = 3  # the example's 注册转化率
    analysis = api.analyze_workbook(path)
    (kpi,) = [k for k in analysis.kpis if k.metric == NAMES[lang]]
    assert (kpi.form, kpi.target, kpi.actual) == ("percent", 0.12, 0.11)
    assert round(kpi.rate or 0, 4) == 0.9167
    codes = [
        (f.code, f.key, f.cell) for f in analysis.findings if f.row == row and f.code[0] in "KV"
    ]
    assert codes == [("V005", "V005.scale", f"F{row}")], codes
    message = next(f for f in analysis.findings if f.key == "V005.scale").message(lang)
    assert "0.12" in message and "11" in message and "12%" in message and "11%" in message
