"""English dates without a year (Jul 15, 20 Jul) are yearless like 7月15日: they take the
campaign's year, never the current one, and without a start date they are V002."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builders import TODAY, example_data, write
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.lint import Config, make_selection, run, select_findings
from retrokit.rules import Settings
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import Lang
from retrokit.workbook.types import NO_YEAR
from retrokit.workbook.values import parse_date


def found(path: Path) -> list[tuple[str, str | None]]:
    results = run([path], Settings(today=TODAY))
    return [(f.code, f.cell) for f in select_findings(results, make_selection(Config()))]


@pytest.mark.parametrize(
    "text",
    ["Jul 15", "July 15", "Jul. 15", "Jul 15th", "15 Jul", "15-Jul", "15th of July", "jul 15"],
)
def test_an_english_month_and_day_is_yearless(text: str) -> None:
    assert parse_date(text) == dt.date(NO_YEAR, 7, 15)


@pytest.mark.parametrize("text", ["Jul 15, 2024", "15 July 2024", "2024 Jul 15"])
def test_an_english_date_with_its_year_keeps_it(text: str) -> None:
    assert parse_date(text) == dt.date(2024, 7, 15)


def test_not_a_month_is_no_date() -> None:
    for text in ("Julio 15", "Ju 15", "Jul 32"):
        with pytest.raises(ValueError):
            parse_date(text)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_english_yearless_dates_take_the_reviews_year(tmp_path: Path, lang: Lang) -> None:
    data = example_data()
    data["info"]["end"] = "Jul 15"
    data["problems"][0]["due"] = "Aug 10"
    data["problems"][1]["due"] = "5 Aug"
    path = write(tmp_path / "yearless.xlsx", data, lang=lang)
    book = read_workbook(path)
    assert book.info is not None and book.info.values["end"] == dt.date(2024, 7, 15)
    assert [p.values["due"] for p in book.problems[:2]] == [
        dt.date(2024, 8, 10),
        dt.date(2024, 8, 5),
    ]
    assert not [f for f in book.findings if f.code == "V002"]


def test_an_english_yearless_start_is_reported(tmp_path: Path) -> None:
    data = example_data()
    data["info"]["start"] = "Jul 1"
    data["info"]["end"] = "Jul 15"  # no year anywhere: V002 asks for it
    data["problems"][0]["due"] = "Aug 10"
    codes = found(write(tmp_path / "nostart.xlsx", data, lang="en"))
    assert ("V002", "G2") in codes
    assert [c for c, _ in codes].count("V002") >= 2


def test_an_english_yearless_start_takes_its_ends_year(tmp_path: Path) -> None:
    data = example_data()
    data["info"]["start"] = "Jul 1"  # the end, 2024-07-15, has its year
    data["problems"][0]["due"] = "Aug 10"
    path = write(tmp_path / "start.xlsx", data, lang="en")
    assert not [c for c, _ in found(path) if c == "V002"]
    analysis = api.analyze_workbook(path)
    assert analysis.info["start"] == dt.date(2024, 7, 1)
    assert dt.date(2024, 8, 10) in [p.due for p in analysis.problems]


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_english_yearless_dates_take_the_plans_year(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 2, "start", "Jun 1")
        book.set("tasks", 2, "end", "7 Jun")
        book.set("goals", 2, "due", "Jul 1 - Jul 15")

    plan = api.analyze_plan(plan_file(tmp_path, lang, edit), today=TODAY)  # type: ignore[arg-type]
    assert (plan.tasks[0].start, plan.tasks[0].end) == (dt.date(2024, 6, 1), dt.date(2024, 6, 7))
    assert (plan.goals[0].due_start, plan.goals[0].due_end) == (
        dt.date(2024, 7, 1),
        dt.date(2024, 7, 15),
    )
