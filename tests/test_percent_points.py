"""A metric in % typed as bare numbers (转化率(%): 5 and 4.6) is shown as percentages, its gap
in points, in the report, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import example_with_rate
from retrokit import api
from retrokit.workbook.schema import Lang

NAMES = {"zh-CN": "注册转化率(%)", "zh-TW": "註冊轉化率(%)", "en": "Sign-up rate (%)"}


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
@pytest.mark.parametrize(("target", "actual"), [(5, 4.6), (0.05, 0.046)])
def test_bare_numbers_of_a_metric_in_percent(
    tmp_path: Path, lang: Lang, target: float, actual: float
) -> None:
    """In points (5 and 4.6) or as fractions without their format (0.05 and 0.046): 5.0%."""
    path = example_with_rate(tmp_path / "review.xlsx", lang, NAMES[lang], target, actual)
    analysis = api.analyze_workbook(path)
    (kpi,) = [k for k in analysis.kpis if k.metric == NAMES[lang]]
    assert (kpi.target, kpi.actual, round(kpi.rate or 0, 4)) == (target, actual, 0.92)
    markdown = api.render_report(analysis, "md", lang)
    line = next(x for x in markdown.splitlines() if x.startswith("|") and NAMES[lang] in x)
    assert "| 5.0% | 4.6% | -0.4 pp |" in line, line
