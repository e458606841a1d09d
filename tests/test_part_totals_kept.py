"""A 合计 row under its channels is dropped (S005) only when it adds nothing to them: not
marked core and its figures their sums. One marked core, or with figures of its own, is the
campaign's row of that metric: kept, with no channel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builders import typed_book
from retrokit import api


def _review(path: Path, total: tuple[object, ...]) -> Path:
    return typed_book(path, {
        "基本信息": [["项目名称", "618"], ["开始日期", dt.date(2024, 6, 1)]],
        "KPI评估": [["维度", "指标名称", "渠道", "目标值", "实际值", "核心指标"],
                   ["收益", "GMV", "天猫", 600000, 500000, "否"],
                   ["收益", "GMV", "抖音", 400000, 450000, "否"],
                   ["收益", "GMV", *total]],
    })  # fmt: skip


@pytest.mark.parametrize(
    ("total", "kept"),
    [
        (("合计", 1000000, 950000, "否"), False),  # the sum of its channels: S005
        (("合计", 1000000, 950000, "是"), True),  # marked core: the campaign's KPI
        (("全渠道合计", 1200000, 950000, "否"), True),  # a target of its own
    ],
)
def test_a_total_row_is_dropped_only_when_it_adds_nothing(
    tmp_path: Path, total: tuple[object, ...], kept: bool
) -> None:
    analysis = api.analyze_workbook(_review(tmp_path / "r.xlsx", total))
    channels = [k.channel for k in analysis.kpis]
    assert channels == (["天猫", "抖音", None] if kept else ["天猫", "抖音"])
    assert bool([f for f in analysis.findings if f.code == "S005"]) is not kept
