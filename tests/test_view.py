"""The view model: what a retrospective says, decided once for the report and the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import example_data, write
from conftest import ROOT
from retrokit.method import analyze
from retrokit.render.view import Rows, review_view
from retrokit.workbook.reader import read_workbook

TODAY = dt.date(2024, 8, 8)


def test_a_row_is_built_only_when_read() -> None:
    built: list[int] = []

    def build(n: int) -> str:
        built.append(n)
        return str(n)

    rows = Rows(range(100_000), build)
    assert len(rows) == 100_000 and built == []
    assert rows[:3] == ["0", "1", "2"] and rows[-1] == "99999"
    assert built == [0, 1, 2, 99999]


def test_the_worked_example_reads_in_the_order_of_the_method() -> None:
    result = analyze(read_workbook(ROOT / "examples" / "summer-promo-2024.en.xlsx"), today=TODAY)
    view = review_view(result, "en")
    assert view.key_question.startswith("Why did new registrations")
    assert [c.count for c in view.counts] == [0, 1, 5, 0]
    spend = next(k for k in view.kpis if k.metric.startswith("Total spend"))
    assert (spend.gap, spend.rate, spend.status) == ("+120K CNY", "83.3%", "missed")
    assert spend.note.startswith(spend.direction_note) and "120.0%" in spend.note
    # the largest shortfall first
    assert [k.metric for k in view.misses][:2] == ["ROI", "Registration conversion"]
    assert [a.priority_code for a in view.actions] == ["quick_win", "quick_win", "major_project"]
    assert view.actions[0].overdue and not view.actions[1].overdue
    assert view.rates is not None and view.rates.bars[0].text == "90.0%"
    assert view.matrix is not None and len(view.matrix.points) == 3
    assert {row.key for row in view.basic_info}.isdisjoint({"project", "key_question"})


def test_svg_and_png_come_from_the_same_chart_data() -> None:
    """The page's SVG and a slide's picture are the same figure drawn from the view's data."""
    from retrokit.render import charts
    from retrokit.render.view import Bar

    bars = [Bar("曝光量", 0.9, "met", "90.0%"), Bar("ROI", 0.733, "missed", "73.3%")]
    svg = charts.svg(charts.achievement_bars(bars, "达成率", "n/a"))
    png = charts.png(charts.achievement_bars(bars, "达成率", "n/a"))
    assert svg.startswith("<svg") and "73.3%" in svg and "曝光量" in svg
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
    assert charts.svg(charts.achievement_bars(bars, "达成率", "n/a")) == svg


def test_lessons_are_grouped_by_the_words_people_use(tmp_path: Path) -> None:
    """经验/教训 are the usual pair; a category nobody defined is 'uncategorised', never '-'."""
    data = example_data()
    first, second = data["lessons"]
    data["lessons"] = [
        {**first, "category": "经验"},
        {**second, "category": "教训"},
        {**second, "category": "随手记"},
    ]
    data["kpis"][0]["dimension"] = "其它"
    path = write(tmp_path / "r.xlsx", data)
    result = analyze(read_workbook(path), today=TODAY)
    assert result.kpis[0].dimension == "other"
    for lang, names in {
        "zh-CN": ["成功经验", "改进教训", "未分类"],
        "zh-TW": ["成功經驗", "改進教訓", "未分類"],
        "en": ["Success", "Lesson", "Uncategorised"],
    }.items():
        groups = review_view(result, lang).lessons_by_category
        assert [g.category for g in groups] == names
