"""The plan's own report shows each budget line's variance, attributed revenue and ROI, as the
review's 预算执行 does (the same view code), once a line has spending or revenue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.render.plan_report import render_plan_report
from retrokit.render.view import budget_view
from retrokit.workbook.plan_schema import BUDGET
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
TODAY = dt.date(2024, 8, 8)


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_report_shows_variance_revenue_and_roi_per_line(
    tmp_path: Path, lang: Lang
) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang), today=TODAY)
    lines = budget_view(plan, lang).lines
    assert [x.roi for x in lines] == ["1:3.00", "1:2.20", "1:1.69", "1:0.00"]
    md = render_plan_report(plan, "md", lang)
    html = render_plan_report(plan, "html", lang)
    header = (
        BUDGET.column("category").label(lang),
        BUDGET.column("item").label(lang),
        BUDGET.column("channel").label(lang),
        BUDGET.column("planned").label(lang),
        BUDGET.column("actual").label(lang),
        t("report.variance", lang),
        BUDGET.column("revenue").label(lang),
        t("report.roi", lang),
    )
    assert f"### {t('report.budget_lines', lang)}" in md
    assert "| " + " | ".join(header) + " |" in md
    for x in lines:  # every line as the review's 预算执行 writes it
        cells = (x.category, x.item, x.channel, x.planned, x.actual, x.variance, x.revenue, x.roi)
        assert "| " + " | ".join(cells) + " |" in md
        assert "".join(f"<td>{c}</td>" for c in cells) in html
    # inside the budget section, after the split by category
    budget, risks = md.index(f"## {BUDGET.name(lang)}"), md.index("\n## ", md.index("### "))
    assert budget < md.index(f"### {t('report.budget_lines', lang)}") < risks


def test_no_line_table_before_anything_is_spent(tmp_path: Path) -> None:
    def unspent(book: Book) -> None:
        for row in range(2, 6):
            book.set("budget", row, "actual", None)
            book.set("budget", row, "revenue", None)

    plan = api.analyze_plan(plan_file(tmp_path, "en", unspent), today=dt.date(2024, 6, 1))
    md = render_plan_report(plan, "md", "en")
    assert t("report.budget_lines", "en") not in md
    assert f"| {t('report.variance', 'en')} |" not in md
