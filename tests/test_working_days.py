"""D001 counts mainland China's working days for zh-CN workbooks (issue 14, point 9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builders import example_data, write
from retrokit.lint.engine import check_workbook
from retrokit.rules import Settings
from retrokit.rules.timing import china_working_days_between, working_days_between

D = dt.date


def test_spring_festival_2025() -> None:
    # 2025-01-28..02-04 off; Sunday 01-26 a make-up workday
    assert working_days_between(D(2025, 1, 20), D(2025, 2, 5)) == 12
    assert china_working_days_between(D(2025, 1, 20), D(2025, 2, 5)) == 7
    assert china_working_days_between(D(2025, 1, 24), D(2025, 2, 6)) == 4


def test_outside_the_known_years_there_is_no_answer() -> None:
    assert china_working_days_between(D(2040, 1, 1), D(2040, 1, 20)) is None


def d001(tmp_path: Path, lang: str, end: dt.date, review: dt.date) -> list[str]:
    data = example_data()
    data["info"].update(start=end - dt.timedelta(days=14), end=end, review_date=review)
    for p in data["problems"]:
        p["due"] = review + dt.timedelta(days=30)
    path = write(tmp_path / f"{lang}.xlsx", data, lang=lang)  # type: ignore[arg-type]
    result = check_workbook(path, Settings(today=review))
    return [f.message(lang) for f in result.findings if f.code == "D001"]  # type: ignore[arg-type]


@pytest.mark.parametrize("lang,late", [("zh-CN", False), ("zh-TW", True), ("en", True)])
def test_a_review_after_the_holiday_is_on_time_in_mainland_china(
    tmp_path: Path, lang: str, late: bool
) -> None:
    found = d001(tmp_path, lang, D(2025, 1, 24), D(2025, 2, 6))
    assert bool(found) is late


@pytest.mark.parametrize("lang,note", [("zh-CN", "按周一至周五计算"), ("en", "Monday to Friday")])
def test_outside_the_data_it_counts_weekdays_and_says_so(
    tmp_path: Path, lang: str, note: str
) -> None:
    (message,) = d001(tmp_path, lang, D(2040, 1, 2), D(2040, 1, 20))
    if lang == "zh-CN":
        assert note in message
    else:
        assert "working days" in message
