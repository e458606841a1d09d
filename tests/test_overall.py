"""The overall figure (issue 14, point 6): the mean achievement of the core KPIs, capped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builders import example_data, write
from retrokit import api
from retrokit.render.report import render

TODAY = dt.date(2024, 8, 8)


def test_the_worked_example_is_80_percent(tmp_path: Path) -> None:
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx"), today=TODAY)
    assert analysis.summary["overall_rate"] == 0.8
    assert analysis.summary["overall_basis"] == "core"


def test_an_overshoot_cannot_hide_a_miss(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][3]["core"] = "是"  # 总费用: 60 -> 72, lower is better: 83.3%
    data["kpis"][0].update(core="是", actual=10_000_000)  # 曝光量 200%: counts as 100%
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx", data), today=TODAY)
    rates = [0.8, 0.8, 60 / 72, 1.0]
    assert analysis.summary["overall_rate"] == pytest.approx(sum(rates) / 4)


def test_all_kpis_when_none_is_core(tmp_path: Path) -> None:
    data = example_data()
    for k in data["kpis"]:
        k["core"] = "否"
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx", data), today=TODAY)
    assert analysis.summary["overall_basis"] == "all"
    expected = [min(k.rate, 1) for k in analysis.kpis if k.rate is not None]
    assert analysis.summary["overall_rate"] == pytest.approx(sum(expected) / len(expected))


@pytest.mark.parametrize(
    "lang,first,note",
    [
        ("zh-CN", "核心目标达成率 80.0%", "每项最高按 100% 计"),
        ("zh-TW", "核心目標達成率 80.0%", "每項最高按 100% 計"),
        ("en", "Core goal achievement 80.0%", "at most 100%"),
    ],
)
def test_shown_first_and_defined_in_the_footnote(
    tmp_path: Path, lang: str, first: str, note: str
) -> None:
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx"), today=TODAY)
    md = render(analysis, "md", lang)  # type: ignore[arg-type]
    body = md.split("\n## ", 1)[0]
    assert first in body and body.index(first) < body.index("KPI")
    assert note in md.rsplit("---", 1)[1]
    html = render(analysis, "html", lang)  # type: ignore[arg-type]
    assert first in html and note in html.split("<footer>", 1)[1]
