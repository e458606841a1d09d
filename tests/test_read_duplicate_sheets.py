"""A copied or backup sheet never silently replaces the real one: the exact name wins over a
decorated one (Excel's `KPI评估 (2)`, `KPI评估(旧)`, `KPI Evaluation (old)`), and the other
candidate is reported (S004) naming both sheets."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import example_data, write
from conftest import libreoffice_convert
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import KPIS, Lang


def _with_copy(path: Path, lang: Lang, copy_name: str, *, keep_original: bool = True) -> Path:
    """The worked example with a stale copy of the KPI sheet placed before the real one."""
    write(path, example_data(), lang=lang)
    wb = load_workbook(path)
    real = wb[KPIS.name(lang)]
    copy = wb.copy_worksheet(real)
    copy.title = copy_name
    for row in range(2, 8):
        copy.cell(row, 6).value = 1  # the copy's actuals are stale
    wb.move_sheet(copy, offset=-(len(wb.sheetnames) - 2))
    if not keep_original:
        wb.remove(real)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("lang", "copy_name", "words"),
    [
        ("zh-CN", "KPI评估 (2)", "都可能是"),
        ("zh-CN", "KPI评估(旧)", "都可能是"),
        ("zh-CN", "KPI评估（备份）", "都可能是"),
        ("zh-TW", "KPI評估 (2)", "都可能是"),
        ("en", "KPI Evaluation (old)", "could both be"),
    ],
)
def test_the_real_sheet_is_read_and_the_copy_reported(
    tmp_path: Path, lang: Lang, copy_name: str, words: str
) -> None:
    path = _with_copy(tmp_path / "copy.xlsx", lang, copy_name)
    book = read_workbook(path)
    assert book.sheets["kpis"].name == KPIS.name(lang)
    assert book.kpis[0].values["actual"].value == 4_500_000  # not the copy's 1
    [dup] = [f for f in book.findings if f.code == "S004"]
    assert dup.sheet == copy_name
    message = dup.message(lang)
    assert copy_name in message and KPIS.name(lang) in message and words in message


def test_a_copy_alone_is_read_as_the_sheet(tmp_path: Path) -> None:
    path = _with_copy(tmp_path / "only.xlsx", "zh-CN", "KPI评估 (2)", keep_original=False)
    book = read_workbook(path)
    assert book.sheets["kpis"].name == "KPI评估 (2)"
    assert not [f for f in book.findings if f.code in ("S001", "S004")]


def test_the_choice_survives_a_libreoffice_resave(tmp_path: Path) -> None:
    src = _with_copy(tmp_path / "copy.xlsx", "zh-CN", "KPI评估(旧)")
    book = read_workbook(libreoffice_convert(src, tmp_path / "lo"))
    assert book.sheets["kpis"].name == "KPI评估"
    assert book.kpis[0].values["actual"].value == 4_500_000
    assert [f.sheet for f in book.findings if f.code == "S004"] == ["KPI评估(旧)"]
