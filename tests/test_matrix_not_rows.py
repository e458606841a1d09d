"""A row after a blank row whose list cells are written with their own column's name (影响程度
cell 影响：高) is a row typed wordily, not a matrix drawn under the table: it and the rows after
it are read (the matrix's labels stand under other columns than the ones they name)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import typed_book
from retrokit import api


def test_wordy_list_cells_in_their_own_columns_are_a_row(tmp_path: Path) -> None:
    path = typed_book(tmp_path / "r.xlsx", {
        "基本信息": [["项目名称", "618"], ["开始日期", dt.date(2024, 7, 1)]],
        "KPI评估": [["维度", "指标名称", "目标值", "实际值"], ["收益", "GMV", 100, 90]],
        "问题与行动": [
            ["问题环节", "问题描述", "改进措施", "责任人", "完成时间", "影响程度", "实施难度"],
            ["注册", "转化低", "减步骤", "李四", dt.date(2024, 8, 10), "高", "低"],
            [],
            ["投放", "点击低", "加文案", "王五", dt.date(2024, 8, 5), "影响：高", "难度：低"],
            ["物流", "晚到", "备选", "刘六", dt.date(2024, 8, 15), "中", "中"],
        ],
    })  # fmt: skip
    analysis = api.analyze_workbook(path, today=dt.date(2024, 7, 20))
    assert sorted(p.area or "" for p in analysis.problems) == ["投放", "注册", "物流"]
    assert not [f for f in analysis.findings if f.key == "S005.matrix"]
