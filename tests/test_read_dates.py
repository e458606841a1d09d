"""Dates as people type them: without a year (7月15日, 8/10) in the campaign's year, and a
number that is no campaign's date (8.10 stored as 8.1) reported, never read as 1900."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import TODAY, example_data, write
from conftest import libreoffice_convert
from retrokit.lint import Config, make_selection, run, select_findings
from retrokit.rules import Settings
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import PROBLEMS, Column, Lang
from retrokit.workbook.types import NO_YEAR, ColType
from retrokit.workbook.values import parse_date, with_campaign_year


def found(path: Path) -> list[tuple[str, str | None]]:
    results = run([path], Settings(today=TODAY))
    return [(f.code, f.cell) for f in select_findings(results, make_selection(Config()))]


@pytest.mark.parametrize(
    "text",
    [
        "7月15日",
        "7月15号",
        "7月15號",
        "７月１５日",
        "7/15",
        "7-15",
        "7.15",
        "7 月 15 日",
        "7月15日前",
        "7月15日（周一）",
    ],
)
def test_a_month_and_day_without_a_year_is_read_yearless(text: str) -> None:
    assert parse_date(text) == dt.date(NO_YEAR, 7, 15)


@pytest.mark.parametrize(
    "text",
    [
        "2024年8月10号",
        "2024年8月10號",
        "2024年8月10日",
        "2024/8/10",
        "2024/8/10（周六）",
        "2024/8/10 (Sat)",
        "2024年08月10日前",
        "2024年8月10日之前",
    ],
)
def test_hao_is_a_day_like_ri(text: str) -> None:
    assert parse_date(text) == dt.date(2024, 8, 10)


@pytest.mark.parametrize(
    "value",
    [
        8.1,
        8.10,
        1,
        45,
        3000.0,
        "1900-01-07",
        dt.datetime(1900, 1, 7),
        dt.date(1985, 5, 1),
        dt.date(2150, 1, 1),
        80000,
        "13月5日",
        "2月30日",
    ],
)
def test_a_value_that_is_no_campaigns_date_does_not_parse(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_serials_of_campaign_dates_still_parse() -> None:
    assert parse_date(45514) == dt.date(2024, 8, 10)
    assert parse_date("45514") == dt.date(2024, 8, 10)
    assert parse_date(dt.datetime(2024, 8, 10, 9, 30)) == dt.date(2024, 8, 10)


def test_the_campaign_year_and_the_turn_of_the_year() -> None:
    summer = dt.date(2024, 7, 1)
    assert with_campaign_year(dt.date(NO_YEAR, 8, 5), summer) == dt.date(2024, 8, 5)
    assert with_campaign_year(dt.date(NO_YEAR, 6, 20), summer) == dt.date(2024, 6, 20)  # prep
    winter = dt.date(2024, 12, 1)
    assert with_campaign_year(dt.date(NO_YEAR, 1, 15), winter) == dt.date(2025, 1, 15)
    assert with_campaign_year(dt.date(NO_YEAR, 2, 29), dt.date(2024, 1, 10)) == dt.date(2024, 2, 29)
    with pytest.raises(ValueError):
        with_campaign_year(dt.date(NO_YEAR, 2, 29), dt.date(2023, 1, 10))
    with pytest.raises(ValueError):
        with_campaign_year(dt.date(NO_YEAR, 8, 5), None)


def test_the_plan_columns_take_the_same_forms() -> None:
    column = Column(
        "due", {"zh-CN": "时间节点", "zh-TW": "時間節點", "en": "Deadline"}, ColType.DATE_SPAN
    )
    assert column.type.parse("6月1日-6月30日", column) == (
        dt.date(NO_YEAR, 6, 1),
        dt.date(NO_YEAR, 6, 30),
    )
    assert column.type.parse("8月10号", column) == (dt.date(NO_YEAR, 8, 10),) * 2
    with pytest.raises(ValueError):
        column.type.parse(8.1, column)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_yearless_dates_take_the_campaigns_year(tmp_path: Path, lang: Lang) -> None:
    data = example_data()
    data["info"]["end"] = "7月15日"
    data["problems"][0]["due"] = "8/10"
    data["problems"][1]["due"] = "8月5号"
    data["problems"][2]["due"] = "8-15"
    path = write(tmp_path / "yearless.xlsx", data, lang=lang)
    book = read_workbook(path)
    assert book.info is not None and book.info.values["end"] == dt.date(2024, 7, 15)
    assert [p.values["due"] for p in book.problems] == [
        dt.date(2024, 8, 10),
        dt.date(2024, 8, 5),
        dt.date(2024, 8, 15),
    ]
    assert not [f for f in book.findings if f.code == "V002"]
    # the same findings as the worked example written with full dates
    assert found(path) == found(write(tmp_path / "full.xlsx", example_data(), lang=lang))


def test_a_yearless_date_without_a_start_date_is_reported(tmp_path: Path) -> None:
    data = example_data()
    data["info"]["start"] = None
    data["problems"][0]["due"] = "8月10日"
    codes = found(write(tmp_path / "nostart.xlsx", data))
    assert ("V002", "G2") in codes


def test_a_due_date_typed_8_10_stored_as_a_number_is_reported_not_overdue(tmp_path: Path) -> None:
    """Office programs store a typed 8.10 as the number 8.1 (1900-01-07 in a date format)."""
    path = write(tmp_path / "typed.xlsx", example_data())
    wb = load_workbook(path)
    ws = wb[PROBLEMS.name("zh-CN")]
    ws["G2"].value, ws["G2"].number_format = 8.1, "yyyy-mm-dd"  # the template's date column
    ws["G3"].value = 8.05  # a General cell: the number itself
    wb.save(path)
    resaved = libreoffice_convert(path, tmp_path / "lo")
    for book in (path, resaved):
        codes = found(book)
        assert ("V002", "G2") in codes and ("V002", "G3") in codes, codes
        assert ("A004", "G2") not in codes and ("A004", "G3") not in codes
