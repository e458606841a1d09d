"""Units and numbers read as one table (issue 14, point 8)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from builders import example_data, write
from retrokit import api
from retrokit.method import unit_of
from retrokit.render.json import to_json
from retrokit.render.view import kpi_row
from retrokit.workbook.values import parse_number

TODAY = dt.date(2024, 8, 8)


@pytest.mark.parametrize(
    "name,unit",
    [
        ("总费用(万元)", "万元"),
        ("總費用（萬元）", "萬元"),
        ("Total spend (10k CNY)", "10k CNY"),
        ("访客(UV)", "UV"),
        ("订单(单)", "单"),
        ("注册用户(人)", "人"),
        ("点击率(%)", "%"),
        ("曝光量(主会场)", None),
        ("Visits (main venue)", None),
        # a bare multiplier, and the currency first or a pound (a new user's trial)
        ("Total cost (K GBP)", "K GBP"),
        ("Revenue (£K)", "£K"),
        ("Sales (USD K)", "USD K"),
        ("销售额(K)", "K"),
        ("销售额(万)", "万"),
        ("Reach (m)", None),  # m alone may be metres
    ],
)
def test_bracketed_text_is_a_unit_only_when_it_is_one(name: str, unit: str | None) -> None:
    assert unit_of(name) == unit


def test_no_float_noise() -> None:
    assert parse_number("1.1亿").value == 110_000_000
    assert parse_number("0.07亿").value == 7_000_000
    assert parse_number("1.3万").value == 13_000


def rows(tmp_path: Path, lang: str, *kpis: dict) -> list:
    data = example_data()
    base = data["kpis"][0]
    data["kpis"] = [{**base, "direction": None, **k} for k in kpis]
    analysis = api.analyze_workbook(write(tmp_path / "u.xlsx", data), today=TODAY)
    return [kpi_row(k, lang) for k in analysis.kpis]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("zh-CN", [("50 元", "58 元", "+8 元"), ("10,000", "8,000", "-2,000"), ("60 万元", "72 万元", "+12 万元")]),
        ("zh-TW", [("50 元", "58 元", "+8 元"), ("10,000", "8,000", "-2,000"), ("60 萬元", "72 萬元", "+12 萬元")]),
        ("en", [("50 元", "58 元", "+8 元"), ("10K", "8K", "-2K"), ("600K 元", "720K 元", "+120K 元")]),
    ],
)  # fmt: skip
def test_a_row_shows_target_actual_and_gap_alike(
    tmp_path: Path, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    got = rows(
        tmp_path,
        lang,
        {"metric": "获客成本", "target": "50元", "actual": "58元"},
        {"metric": "新增注册用户", "target": "1万", "actual": 8000},
        {"metric": "总费用(万元)", "target": 60, "actual": 72},
        {"metric": "曝光量", "target": "500万", "actual": "450万"},
    )
    assert [(r.target, r.actual, r.gap) for r in got[:3]] == expected
    big = {"zh-CN": ("500万", "450万", "-50万"), "zh-TW": ("500萬", "450萬", "-50萬")}
    assert (got[3].target, got[3].actual, got[3].gap) == big.get(lang, ("5M", "4.5M", "-0.5M"))


def test_english_folds_the_units_multiplier(tmp_path: Path) -> None:
    (row,) = rows(tmp_path, "en", {"metric": "Total spend (10k CNY)", "target": 60, "actual": 72})
    assert (row.target, row.actual, row.gap) == ("600K CNY", "720K CNY", "+120K CNY")


def test_json_numbers_are_clean(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][5].update(target="1.1亿", actual="0.07亿")
    data["info"]["budget"] = "1.1亿"
    analysis = api.analyze_workbook(write(tmp_path / "j.xlsx", data), today=TODAY)
    text = json.dumps(to_json(analysis))
    assert "110000000.0" in text and "110000000.00000001" not in text
    assert "7000000.000000001" not in text
