"""A ratio an office program turned into a time reads back as the ratio (DOMAIN: "What office
programs do"): 1:3 typed becomes 01:03 (h:mm), 1:2.2 becomes 00:01:02.2 (mm:ss.0)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import example_data, write
from conftest import libreoffice_convert
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import KPIS, Lang
from retrokit.workbook.values import Quantity, parse_number


@pytest.mark.parametrize(
    ("clock", "ratio"),
    [
        (dt.time(1, 3), 3.0),  # 1:3 as h:mm
        (dt.time(2, 3), 1.5),  # 2:3
        (dt.time(1, 30), 30.0),  # 1:30
        (dt.time(0, 1, 2, 200000), 2.2),  # 1:2.2 as mm:ss.0
        (dt.time(0, 1, 2, 199999), 2.2),  # float noise below a millisecond
        (dt.time(0, 2, 5), 2.5),  # 2:5 typed where the format was m:ss
        (dt.timedelta(hours=1, minutes=3), 3.0),  # [h]:mm:ss
        (dt.timedelta(seconds=62, microseconds=200000), 2.2),  # [mm]:ss
        (dt.datetime(1899, 12, 30, 1, 3), 3.0),
    ],
)
def test_a_time_in_a_number_cell_is_the_ratio_typed(clock: object, ratio: float) -> None:
    assert parse_number(clock) == Quantity(pytest.approx(ratio), "ratio")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "clock", [dt.time(0, 0), dt.time(0, 5), dt.time(1, 3, 30), dt.timedelta(0), dt.time(0, 0, 5)]
)
def test_a_time_no_one_types_as_a_ratio_does_not_parse(clock: object) -> None:
    with pytest.raises(ValueError):
        parse_number(clock)


def _roi_as_times(path: Path, lang: Lang) -> Path:
    write(path, example_data(), lang=lang)
    wb = load_workbook(path)
    ws = wb[KPIS.name(lang)]
    target, actual = ws["E4"], ws["F4"]  # the ROI row of the worked example
    target.value, target.number_format = dt.time(1, 3), "h:mm"
    actual.value, actual.number_format = dt.time(0, 1, 2, 200000), "mm:ss.0"
    wb.save(path)
    return path


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_roi_turned_into_times_reads_back_as_1_to_3_and_1_to_2_2(
    tmp_path: Path, lang: Lang
) -> None:
    book = read_workbook(_roi_as_times(tmp_path / "roi.xlsx", lang))
    roi = book.kpis[2]
    assert roi.values["target"] == Quantity(3.0, "ratio")
    assert roi.values["actual"] == Quantity(pytest.approx(2.2), "ratio")
    assert not [f for f in book.findings if f.code == "V001"]


def test_times_resaved_by_libreoffice_as_xlsx_xls_and_ods_read_as_ratios(tmp_path: Path) -> None:
    src = _roi_as_times(tmp_path / "roi.xlsx", "zh-CN")
    for fmt in ("xlsx", "xls", "ods"):
        resaved = libreoffice_convert(src, tmp_path / fmt, fmt)
        book = read_workbook(resaved)
        roi = book.kpis[2]
        assert roi.values["target"] == Quantity(3.0, "ratio"), fmt
        assert roi.values["actual"] == Quantity(pytest.approx(2.2), "ratio"), fmt
        assert not [f for f in book.findings if f.code == "V001"], fmt
