"""A figure merged down over several rows read as data (V009): it belongs to each row, as any
merged cell does, and is said once, since it is often the rows' shared figure (trial 50)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from builders import typed_book
from conftest import libreoffice_convert, run_cli
from retrokit import api

HEADERS = {
    "zh-CN": (("基本信息", ["项目名称", "开始日期", "结束日期", "负责人"]),
              ("KPI评估", ["维度", "指标", "渠道", "目标值", "实际值", "核心指标"]), "流量", "曝光量", "是"),
    "zh-TW": (("基本資訊", ["專案名稱", "開始日期", "結束日期", "負責人"]),
              ("KPI評估", ["維度", "指標", "通路", "目標值", "實際值", "核心指標"]), "流量", "曝光量", "是"),
    "en": (("Basic info", ["Project", "Start date", "End date", "Owner"]),
           ("KPI evaluation", ["Dimension", "Metric", "Channel", "Target", "Actual", "Core"]),
           "Traffic", "Impressions", "Yes"),
}  # fmt: skip


def _review(tmp: Path, lang: str, merge: list[str]) -> Path:
    (info, fields), (kpis, header), dimension, metric, core = HEADERS[lang]
    values: list[Any] = ["Summer", "2024-07-01", "2024-07-15", "Zhang"]
    rows: list[list[Any]] = [
        header,
        [dimension, metric, "抖音", "700万", "400万", core],
        [dimension, metric, "小红书", None, "250万", core],
        [dimension, "GMV", "抖音", "200万", "180万", core],
    ]
    path = typed_book(
        tmp / f"{lang}.xlsx",
        {info: [["", ""], *([f, v] for f, v in zip(fields, values, strict=True))], kpis: rows},
    )
    book = load_workbook(path)
    for cells in merge:
        book[kpis].merge_cells(cells)
    book.save(path)
    return path


def _v009(path: Path) -> list[Any]:
    return [f for f in api.lint_paths([path], jobs=1) if f.code == "V009"]


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_target_merged_over_two_channels_is_said_once(tmp_path: Path, lang: str) -> None:
    path = _review(tmp_path, lang, ["D2:D3", "A2:A4"])  # the dimension merged too, as teams do
    found = _v009(path)
    assert [(f.sheet, f.cell) for f in found] == [(HEADERS[lang][1][0], "D2")]
    text = found[0].message(lang)  # type: ignore[arg-type]
    assert "D2:D3" in text and "700万" in text and "2" in text
    # Read as the merged cell says: each row's target is 7M; the note is what tells.
    rates = [k.rate for k in api.analyze_workbook(path).kpis]
    assert rates == pytest.approx([4 / 7, 2.5 / 7, 0.9])
    # Re-saved by LibreOffice, the merge and the note survive.
    again = libreoffice_convert(path, tmp_path / "lo")
    assert [(f.cell, f.key) for f in _v009(again)] == [("D2", "V009")]


def test_merged_text_and_single_rows_are_no_figure(tmp_path: Path) -> None:
    """A dimension merged down, a figure merged across (D2:E2), and a figure over one row
    read and a blank one are no shared figure."""
    path = _review(tmp_path, "zh-CN", ["A2:A4", "B2:B3"])
    assert _v009(path) == []
    path = _review(tmp_path, "en", ["D4:E4"])
    assert _v009(path) == []
    # A merge from a name across to the figures holds the name, no figure.
    path = _review(tmp_path, "zh-TW", ["B2:D3"])
    assert _v009(path) == []


def test_merges_claiming_every_row_of_the_sheet_are_no_work(tmp_path: Path) -> None:
    """2,000 merges down to row 1,048,576 beside the table (a 20 KB file, review 56): the
    merged-figure check looks at a merge's own columns and counts its rows by bisection, so
    lint reads the workbook instead of timing out on it (F001)."""
    import zipfile

    from openpyxl.utils import get_column_letter

    path = _review(tmp_path, "zh-CN", [])
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as out:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                merges = "".join(
                    f'<mergeCell ref="{get_column_letter(20 + i)}2:'
                    f'{get_column_letter(20 + i)}1048576"/>'
                    for i in range(2000)
                )
                block = f'</sheetData><mergeCells count="2000">{merges}</mergeCells>'
                data = data.decode().replace("</sheetData>", block).encode()
            out.writestr(item, data)
    proc = run_cli("lint", str(hostile), "--timeout", "10", "--format", "json")
    assert '"F001"' not in proc.stdout and '"K002"' not in proc.stdout, proc.stdout[:500]
