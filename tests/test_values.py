"""Numbers, dates and list values as people type them (DOMAIN.md)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrokit.workbook.schema import DIRECTION, LEVEL, STATUS, YES_NO
from retrokit.workbook.values import Quantity, parse_choice, parse_date, parse_number

CASES = [
    ("5000", 5000, "plain"),
    ("5,000", 5000, "plain"),
    ("5000.5", 5000.5, "plain"),
    ("-12", -12, "plain"),
    ("+12", 12, "plain"),
    ("１２３", 123, "plain"),
    ("5%", 0.05, "percent"),
    ("5 %", 0.05, "percent"),
    ("５％", 0.05, "percent"),
    ("500万", 5_000_000, "plain"),
    ("500萬", 5_000_000, "plain"),
    ("1.2亿", 1.2e8, "plain"),
    ("1.2億", 1.2e8, "plain"),
    ("3千", 3000, "plain"),
    ("2k", 2000, "plain"),
    ("1.5M", 1_500_000, "plain"),
    ("10w", 100_000, "plain"),
    ("200万元", 2_000_000, "plain"),
    ("1万人", 10_000, "plain"),
    ("10万件", 100_000, "plain"),
    ("5000单", 5000, "plain"),
    ("1000万次", 10_000_000, "plain"),
    ("3秒", 3, "plain"),
    ("1:3", 3, "ratio"),
    ("1：2.2", 2.2, "ratio"),
    ("≥5%", 0.05, "percent"),
    (">=5%", 0.05, "percent"),
    ("不低于5%", 0.05, "percent"),
    ("<=3秒", 3, "plain"),
    ("十万", 100_000, "plain"),
    ("两千五百", 2500, "plain"),
    ("一千二百万", 12_000_000, "plain"),
    ("百分之五", 0.05, "percent"),
    ("三成", 0.3, "percent"),
    ("¥1,200", 1200, "plain"),
    # an accountant's negatives and a typographic minus (seen in a new user's trial)
    ("(1,200)", -1200, "plain"),
    ("（1,200）", -1200, "plain"),
    ("(12%)", -0.12, "percent"),
    ("(¥300)", -300, "plain"),
    ("\u221212", -12, "plain"),
    ("\u221212%", -0.12, "percent"),
    ("-¥300", -300, "plain"),
    ("-NT$1,200", -1200, "plain"),
]


@pytest.mark.parametrize("text", ["((5))", "(-5)", "(0)", "(1:3)", "(万)", "5(", "--¥3"])
def test_brackets_that_are_no_accountants_negative_stay_unreadable(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text,value,form", CASES)
def test_every_number_form_of_domain_md_parses(text: str, value: float, form: str) -> None:
    q = parse_number(text)
    assert q.value == pytest.approx(value) and q.form == form


def test_threshold_signs_tell_the_direction() -> None:
    assert parse_number("≥5%").direction == "higher"
    assert parse_number("不低于5%").direction == "higher"
    assert parse_number("<=3秒").direction == "lower"
    assert parse_number("5%").direction is None


def test_units_are_kept_not_applied() -> None:
    assert parse_number("1万人") == Quantity(10_000, "plain", None, "人")


def test_a_ratio_that_excel_turned_into_a_time_reads_back_as_the_ratio() -> None:
    assert parse_number(dt.time(1, 3)) == Quantity(3, "ratio")
    assert parse_number(dt.timedelta(hours=1, minutes=3)).value == 3
    assert parse_number(dt.datetime(1899, 12, 30, 1, 3)).value == 3


def test_a_percent_formatted_cell_is_a_percentage() -> None:
    assert parse_number(0.05, number_format="percent") == Quantity(0.05, "percent")
    assert parse_number(0.05) == Quantity(0.05, "plain")


@pytest.mark.parametrize("text", ["abc", "5%%", "0:3", "", "N/A", "待定", "5 5", "nan", "inf"])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    "raw",
    [
        "2023/09/30",
        "2023-9-30",
        "2023.9.30",
        "2023年9月30日",
        45199,
        45199.0,
        dt.datetime(2023, 9, 30, 10, 0),
        dt.date(2023, 9, 30),
        "20230930",
        "Sep 30, 2023",
    ],
)
def test_dates_in_every_written_form(raw: object) -> None:
    assert parse_date(raw) == dt.date(2023, 9, 30)


@pytest.mark.parametrize("raw", ["明天", "2023-13-01", "soon", -5, 1e12])
def test_what_is_not_a_date_is_refused(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_date(raw)


@pytest.mark.parametrize(
    "raw,choices,code",
    [
        ("進行中", STATUS, "in_progress"),
        ("已完成", STATUS, "done"),
        ("Done", STATUS, "done"),
        ("High", LEVEL, "high"),
        ("高", LEVEL, "high"),
        ("是", YES_NO, "yes"),
        ("Y", YES_NO, "yes"),
        ("N", YES_NO, "no"),
        ("否", YES_NO, "no"),
        (" 越低越好 ", DIRECTION, "lower"),
        ("lower is better", DIRECTION, "lower"),
        (True, YES_NO, "yes"),
    ],
)
def test_list_values_in_any_language(raw: object, choices: object, code: str) -> None:
    assert parse_choice(raw, choices) == code  # type: ignore[arg-type]


def _plain(v: float) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".")


FORMS = {
    "plain": _plain,
    "thousands": lambda v: f"{v:,.2f}",
    "fullwidth": lambda v: "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in _plain(v)),
    "wan": lambda v: _plain(v / 1e4) + "万",
    "percent": lambda v: _plain(v * 100) + "%",
}


@given(
    value=st.integers(min_value=-(10**9), max_value=10**9).map(float)
    | st.decimals(min_value=-(10**6), max_value=10**6, places=2).map(float),
    form=st.sampled_from(sorted(FORMS)),
)
def test_a_number_written_any_supported_way_parses_back_to_itself(value: float, form: str) -> None:
    text = FORMS[form](value)
    assert parse_number(text).value == pytest.approx(value, rel=1e-9, abs=1e-9)


@given(
    st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
        st.dates(),
        st.datetimes(),
        st.times(),
    )
)
def test_random_cells_parse_or_raise_value_error_only(raw: object) -> None:
    for parse in (parse_number, parse_date, lambda r: parse_choice(r, STATUS)):
        with contextlib.suppress(ValueError):
            parse(raw)


@pytest.mark.parametrize(
    "text,day",
    [
        ("114/03/01", dt.date(2025, 3, 1)),
        ("113.8.10", dt.date(2024, 8, 10)),
        ("113-08-10", dt.date(2024, 8, 10)),
        ("113年8月10日", dt.date(2024, 8, 10)),
        ("民國113年8月10日", dt.date(2024, 8, 10)),
        ("中華民國113年8月10日", dt.date(2024, 8, 10)),
        ("民國99年1月2日", dt.date(2010, 1, 2)),
        ("114/03/01 (六)", dt.date(2025, 3, 1)),
        ("113/08/10前", dt.date(2024, 8, 10)),
    ],
)
def test_a_taiwan_year_is_1911_years_on(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["24/07/01", "113/13/01", "民國113年2月30日"])
def test_what_is_no_taiwan_date_stays_unreadable(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_a_range_of_taiwan_dates_reads_both_ends() -> None:
    from retrokit.workbook.schema import Column
    from retrokit.workbook.types import ColType

    column = Column("due", {"zh-CN": "时间节点", "en": "Due"}, ColType.DATE_SPAN)
    got = ColType.DATE_SPAN.parse("113/7/1-113/7/15", column)
    assert got == (dt.date(2024, 7, 1), dt.date(2024, 7, 15))
