"""A total row at the bottom of the KPI sheet (合计, 总计, 小计, Total, Subtotal, 合計) is not a
KPI: it is left out of the analysis with a note (S005), not counted as exceeded or missed."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import TODAY, example_data, write
from conftest import libreoffice_convert
from retrokit.api import analyze_workbook
from retrokit.lint import Config, make_selection, run, select_findings
from retrokit.rules import Settings
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import KPIS, Lang


def _with_total(path: Path, lang: Lang, label: str, where: str, *, formulas: bool = False) -> Path:
    """The worked example with a total row below its six KPIs: the label in the dimension
    column, in the metric column, or in a 序号 (No.) column added before them."""
    write(path, example_data(), lang=lang)
    wb = load_workbook(path)
    ws = wb[KPIS.name(lang)]
    if where == "number":
        ws.insert_cols(1)
        ws["A1"] = {"en": "No."}.get(lang, "序号")
        for row in range(2, 8):
            ws.cell(row, 1).value = row - 1
    first = 2 if where == "number" else 1  # the dimension column
    columns = {"number": 1, "dimension": first, "metric": first + 1}
    ws.cell(8, columns[where]).value = label
    target, actual = (f"{chr(64 + first + c)}" for c in (4, 5))
    ws.cell(8, first + 4).value = f"=SUM({target}2:{target}7)" if formulas else 7_010_063
    ws.cell(8, first + 5).value = f"=SUM({actual}2:{actual}7)" if formulas else 6_110_074.2
    wb.save(path)
    return path


def _codes(path: Path) -> list[tuple[str, str | None]]:
    results = run([path], Settings(today=TODAY))
    return [(f.code, f.cell) for f in select_findings(results, make_selection(Config()))]


@pytest.mark.parametrize(
    ("lang", "label", "where"),
    [
        ("zh-CN", "合计", "dimension"),
        ("zh-CN", "总计：", "metric"),
        ("zh-CN", "小计", "number"),
        ("zh-TW", "合計", "dimension"),
        ("zh-TW", "總計", "number"),
        ("en", "Total", "metric"),
        ("en", "Subtotal", "number"),
        ("en", "Grand total", "dimension"),
    ],
)
def test_a_total_row_is_left_out_with_a_note(
    tmp_path: Path, lang: Lang, label: str, where: str
) -> None:
    path = _with_total(tmp_path / "total.xlsx", lang, label, where)
    book = read_workbook(path)
    assert len(book.kpis) == 6
    [note] = [f for f in book.findings if f.code == "S005"]
    assert note.row == 8 and label.rstrip("：") in note.message(lang)
    analysis = analyze_workbook(path, today=TODAY)
    assert len(analysis.kpis) == 6
    codes = _codes(path)
    assert not [c for c in codes if c[0] in ("S003", "V003", "K001")], codes
    assert ("S005", note.cell) in codes


def test_a_metric_that_merely_mentions_a_total_is_a_kpi(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][0]["metric"] = "总计曝光量"
    data["kpis"][1]["metric"] = "Total sales"
    book = read_workbook(write(tmp_path / "named.xlsx", data))
    assert len(book.kpis) == 6 and not [f for f in book.findings if f.code == "S005"]


def test_a_total_row_recalculated_by_libreoffice_is_left_out(tmp_path: Path) -> None:
    src = _with_total(tmp_path / "total.xlsx", "zh-CN", "小计", "number", formulas=True)
    book = read_workbook(libreoffice_convert(src, tmp_path / "lo"))
    assert book.kpis[-1].values["metric"] == "销售额"
    assert [f.row for f in book.findings if f.code == "S005"] == [8]
