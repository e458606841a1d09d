"""`retrokit analyze` and `compare` read in an 80-column terminal: text wraps, numbers stay whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from builders import example_data, write
from retrokit.api import analyze_workbook, campaigns_of, load_campaigns
from retrokit.method.campaigns import compare
from retrokit.render.terminal import render, render_compare_table
from retrokit.workbook.schema import Lang

LONG = "短视频投放素材与目标人群不匹配导致点击率长期低于行业平均水平"


def long_cjk_workbook(path: Path) -> Path:
    data = example_data()
    data["kpis"][0]["metric"] = "新客首单转化率（含小程序与直播间）"
    for problem in data["problems"]:
        problem["problem"] = LONG
        problem["action"] = "重新制作三套分人群素材并在上线前做小流量测试" * 2
    return write(path, data)


def shown(path: Path, lang: Lang, width: int) -> str:
    stream = io.StringIO()
    render(analyze_workbook(path, today=None), lang, stream, width=width)
    return stream.getvalue()


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_no_cell_is_cut_and_every_line_fits(tmp_path: Path, width: int, lang: Lang) -> None:
    text = shown(long_cjk_workbook(tmp_path / "long.xlsx"), lang, width)
    from rich.cells import cell_len

    assert "…" not in text
    assert max(cell_len(line.rstrip()) for line in text.splitlines()) <= width


@pytest.mark.parametrize("width", [80, 120])
def test_numbers_and_dates_stay_whole(tmp_path: Path, width: int) -> None:
    text = shown(long_cjk_workbook(tmp_path / "long.xlsx"), "zh-CN", width)
    for number in ("500万", "450万", "-50万", "80.0%", "+12 万元", "2024-08-05", "2024-08-15"):
        assert number in text, number


@pytest.mark.parametrize("width", [80, 120])
def test_every_column_has_a_header(tmp_path: Path, width: int) -> None:
    text = shown(long_cjk_workbook(tmp_path / "long.xlsx"), "zh-CN", width)
    assert "优先级" in text  # the priority column
    assert ("进度" in text) == (width >= 110)  # the bar, shown when there is room for it
    for header in ("问题环节", "问题描述", "改进措施", "完成时间", "达成率", "差异值"):
        assert header in text, header


@pytest.mark.parametrize("width", [80, 120])
def test_compare_fits_too(tmp_path: Path, width: int) -> None:
    a = long_cjk_workbook(tmp_path / "a.xlsx")
    data = example_data()
    data["info"]["project"] = "2024年国庆节全渠道会员拉新与复购促销活动"
    b = write(tmp_path / "b.xlsx", data)
    analyses, workbooks = campaigns_of(load_campaigns([a, b]))
    stream = io.StringIO()
    render_compare_table(compare(analyses, workbooks), "zh-CN", stream, width=width)
    assert "…" not in stream.getvalue()
