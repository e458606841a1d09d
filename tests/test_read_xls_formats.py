"""A legacy .xls keeps what python-calamine does not give of it: the number formats that show
a percentage or a ratio (5.0%, 1:3 rather than 0.05 and 3) and formula errors (V007 with the
cell, never an empty actual). Workbooks saved as .xls by real LibreOffice, in three languages."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import libreoffice_convert
from retrokit import api
from retrokit.workbook.schema import Lang


def _xls(tmp_path: Path, lang: Lang, error: bool = False) -> tuple[Path, Path]:
    path = tmp_path / f"review-{lang}.xlsx"
    api.scaffold_workbook(path, lang=lang, example=True)
    if error:
        wb = openpyxl.load_workbook(path)
        wb.worksheets[1]["F6"] = "=1/0"  # the actual of 新增注册用户 / New users
        wb.save(path)
    return path, libreoffice_convert(path, tmp_path / "lo", "xls")


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_percent_and_ratio_formats_of_an_xls(tmp_path: Path, lang: Lang) -> None:
    xlsx, xls = _xls(tmp_path, lang)
    want = [(k.form, k.target, k.actual) for k in api.analyze_workbook(xlsx).kpis]
    got = [(k.form, k.target, k.actual) for k in api.analyze_workbook(xls).kpis]
    assert got == want
    assert ("percent", 0.05, 0.04) in got and ("ratio", 3.0, 2.2) in got


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_formula_error_of_an_xls_is_said_at_its_cell(tmp_path: Path, lang: Lang) -> None:
    _, xls = _xls(tmp_path, lang, error=True)
    found = api.lint_paths([xls], jobs=1)
    v007 = [f for f in found if f.code == "V007"]
    assert [f.cell for f in v007] == ["F6"], [(f.code, f.cell) for f in found]
    assert "#DIV/0!" in v007[0].message(lang)
    assert not [f for f in found if f.cell == "F6" and f.code != "V007"]
