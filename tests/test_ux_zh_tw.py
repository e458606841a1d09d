"""zh-TW writes one Taiwan word per concept; workbooks with either word still read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import example_data, write
from retrokit.api import analyze_workbook, open_workbook, render_report
from retrokit.i18n import _template, keys, t
from retrokit.i18n.languages import language, page_fonts
from retrokit.workbook.scaffold import init
from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS

#: The mainland words s2t leaves behind, which Taiwan writes as 使用者, 專案, 品質, 活頁簿 and
#: 儲存格; and s2twp's 型別 (a programmer's type) and 併為 where 類型 and 並為 are meant.
MAINLAND = re.compile("用戶|項目|質量|工作簿|單元格|型別|併為")


def schema_labels() -> list[str]:
    out = []
    for sheet in (INFO, KPIS, PROBLEMS, LESSONS):
        out.append(sheet.name("zh-TW"))
        for column in sheet.columns:
            out.append(column.label("zh-TW"))
            if column.choices is not None:
                out += column.choices.labels("zh-TW")
    return out


def test_catalogue_and_schema_use_taiwan_words() -> None:
    texts = [_template(key, "zh-TW") for key in keys()]
    found = {text for text in texts + schema_labels() if MAINLAND.search(text)}
    assert not found, found
    assert "專案名稱" in schema_labels() and "使用者" in schema_labels()
    assert t("report.findings", "zh-TW").startswith("資料品質")


def test_the_zh_tw_report_and_workbook_use_taiwan_words(tmp_path: Path) -> None:
    path = init(tmp_path / "tw.xlsx", lang="zh-TW", example_data=True)
    cells = [
        str(c.value)
        for ws in load_workbook(path).worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert not [c for c in cells if MAINLAND.search(c)]
    html = render_report(analyze_workbook(path), "html", "zh-TW")
    assert not MAINLAND.search(html)
    assert "資料品質" in html


@pytest.mark.parametrize(
    ("old", "new"), [("項目名稱", "專案名稱"), ("項目類型", "專案類型"), ("目標用戶", "目標使用者")]
)
def test_workbooks_with_the_other_word_still_read(tmp_path: Path, old: str, new: str) -> None:
    path = write(tmp_path / "tw.xlsx", example_data(), lang="zh-TW")
    wb = load_workbook(path)
    ws = wb[INFO.name("zh-TW")]
    for row in ws.iter_rows():
        if row[0].value == new:
            row[0].value = old
    wb.save(path)
    info = open_workbook(path).info.values
    assert info.get("project") == "2024年夏季促销活动"
    assert info.get("type") is not None and info.get("audience")


def test_users_dimension_reads_in_either_word(tmp_path: Path) -> None:
    for word in ("用戶", "使用者", "用户"):
        data = example_data()
        data["kpis"][0]["dimension"] = word
        result = analyze_workbook(write(tmp_path / f"{word}.xlsx", data, lang="zh-TW"))
        assert result.kpis[0].dimension == "users", word


def test_zh_hant_pages_list_traditional_fonts_first() -> None:
    assert page_fonts("zh-TW")[: len(language("zh-TW").fonts)] == language("zh-TW").fonts
    assert page_fonts("zh-CN")[0] == language("zh-CN").fonts[0]
    assert page_fonts("en")[-1] == "sans-serif"  # a generic family stays last
