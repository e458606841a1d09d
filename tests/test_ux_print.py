"""The report prints on A4 and reads on screen; compare reads as a report (issue 16, 6 and 7)."""

from __future__ import annotations

import copy
import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from builders import example_data, write
from conftest import need_tool
from retrokit.api import analyze_workbook, campaigns_of, load_campaigns, render_report
from retrokit.method.campaigns import compare
from retrokit.render import charts
from retrokit.render.report import render_compare
from retrokit.render.view import Bar, review_view
from retrokit.workbook.schema import Lang

TODAY = dt.date(2024, 8, 8)


def with_kpis(n: int) -> dict[str, Any]:
    data = example_data()
    base = data["kpis"]
    kpis = []
    for i in range(n):
        k = copy.deepcopy(base[i % len(base)])
        k["metric"] = f"{k['metric']}{i + 1}"
        kpis.append(k)
    data["kpis"] = kpis
    return data


def print_pdf(html: str, tmp: Path, name: str) -> Path:
    chromium = need_tool("chromium")
    page = tmp / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp / f"{name}.pdf"
    proc = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp / '.chromium-print'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert pdf.exists(), proc.stderr[-2000:]
    return pdf


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_12_kpi_review_prints_on_at_most_3_a4_pages(tmp_path: Path, lang: Lang) -> None:
    book = write(tmp_path / f"kpi12.{lang}.xlsx", with_kpis(12), lang=lang)
    html = render_report(analyze_workbook(book, today=TODAY), "html", lang)
    assert 1 <= pages(print_pdf(html, tmp_path, lang)) <= 3


def test_a_long_table_breaks_with_its_header_on_every_page(tmp_path: Path) -> None:
    pdftotext = need_tool("pdftotext")
    book = write(tmp_path / "kpi60.xlsx", with_kpis(60))
    pdf = print_pdf(render_report(analyze_workbook(book, today=TODAY), "html"), tmp_path, "k60")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    kpi_pages = [p for p in text.split("\f") if re.search(r"\d+万", p) and "指标名称" in p]
    assert len(kpi_pages) >= 2  # the table broke, and its header came along
    first = text.split("\f")[0]
    assert "指标名称" in first  # it starts on page 1 instead of leaving page 1 half empty


def test_print_css_keeps_charts_and_cards_whole_and_repeats_headers() -> None:
    css = render_report(analyze_workbook(write_example()), "html").split("@media print", 1)[1]
    assert "thead { display: table-header-group; }" in css
    assert re.search(r"tr, ul\.cards li, figure, svg\.chart[^{]*\{ break-inside: avoid; \}", css)
    assert "table { break-inside: auto" in css


_EXAMPLE: list[Path] = []


def write_example() -> Path:
    import tempfile

    if not _EXAMPLE:
        _EXAMPLE.append(write(Path(tempfile.mkdtemp()) / "example.xlsx", example_data()))
    return _EXAMPLE[0]


def test_numeric_headers_align_with_their_numbers() -> None:
    html = render_report(analyze_workbook(write_example(), today=TODAY), "html")
    head = html[
        html.index("<thead>", html.index("KPI")) : html.index("</thead>", html.index("KPI"))
    ]
    assert head.count('<th class="num">') == 4
    assert "th.num { text-align: right; }" in html


def test_done_actions_lose_their_priority_and_a_missing_owner_says_so(tmp_path: Path) -> None:
    data = example_data()
    data["problems"][0]["status"] = "已完成"
    data["problems"][1]["owner"] = None
    result = analyze_workbook(write(tmp_path / "x.xlsx", data), today=TODAY)
    view = review_view(result, "zh-CN")
    by_action = {a.action: a for a in view.actions}
    done = by_action[data["problems"][0]["action"]]
    assert done.priority == "" and done.priority_code == ""
    assert by_action[data["problems"][1]["action"]].owner == "未填写"
    assert any(f.code == "A001" for f in result.findings)
    html = render_report(result, "html")
    card = html[
        html.index(data["problems"][0]["action"]) - 600 : html.index(data["problems"][0]["action"])
    ]
    assert "badge unrated" not in card.split("<li>")[-1]
    assert "未填写" in html


@pytest.mark.parametrize("rate", [0.86, 0.9, 0.93, 0.96, 0.99, 1.0, 1.02])
def test_the_100_percent_line_runs_clear_of_the_value_labels(rate: float) -> None:
    bars = [Bar(f"KPI {i}", r, f"{r * 100:.1f}%", "met") for i, r in enumerate([rate, 0.5, 1.3])]
    fig = charts.achievement_bars(bars, "t", "n/a")
    ax = fig.axes[0]
    fig.draw_without_rendering()
    line_x = ax.transData.transform((100, 0))[0]
    for text in ax.texts:
        box = text.get_window_extent()
        assert not box.x0 - 1 <= line_x <= box.x1 + 1, (text.get_text(), box, line_x)


def test_the_trend_legend_sits_beside_the_lines() -> None:
    series = [(f"m{i}", [("a", 0.5 + i / 10), ("b", 0.9), ("c", 1.1)]) for i in range(4)]
    fig = charts.metric_lines(series, "t")
    ax = fig.axes[0]
    fig.draw_without_rendering()
    legend = ax.get_legend().get_window_extent()
    assert legend.x0 >= ax.get_window_extent().x1  # right of the plot area, over no line


@pytest.fixture
def three_campaigns(tmp_path: Path) -> list[Path]:
    paths = []
    for i, (name, start) in enumerate(
        [("春季", "2024-03-01"), ("夏季", "2024-07-01"), ("秋季", "2024-10-01")]
    ):
        d = example_data()
        d["info"]["project"] = f"2024年{name}促销"
        d["info"]["start"] = start
        d["info"]["end"] = start[:-2] + "15"
        if i == 1:
            d["kpis"] = [k for k in d["kpis"] if k["metric"] != "ROI"]
        paths.append(write(tmp_path / f"c{i}.xlsx", d))
    return paths


def compared(paths: list[Path], fmt: str, lang: Lang = "zh-CN") -> str:
    analyses, workbooks = campaigns_of(load_campaigns(paths, today=TODAY))
    return render_compare(compare(analyses, workbooks), fmt, lang)  # type: ignore[arg-type]


def test_compare_trend_is_a_table_with_campaigns_as_columns(three_campaigns: list[Path]) -> None:
    html = compared(three_campaigns, "html")
    trend = html[
        html.index('<table class="trend">') : html.index(
            "</table>", html.index('<table class="trend">')
        )
    ]
    assert (
        len(re.findall(r"<th[ >]", trend)) == 5  # the metric, three campaigns, the trend word
        and "2024年春季促销" in trend
        and "2024年秋季促销" in trend
    )
    row = next(r for r in trend.split("<tr>") if "ROI" in r)
    assert row.count("<td") == 5 and "未测量" in row and "未完成" in row
    assert "<h3>" not in html
    md = compared(three_campaigns, "md")
    assert "| 指标 | 2024年春季促销 | 2024年夏季促销 | 2024年秋季促销 | 最近变化 |" in md
    assert re.search(r"\| \*\*ROI\*\* \| [\d.]+% 未完成 \| 未测量 \| [\d.]+% 未完成 \|", md)


def test_mermaid_leaves_out_a_campaign_without_the_metric(three_campaigns: list[Path]) -> None:
    md = compared(three_campaigns, "md")
    blocks = re.findall(r"```mermaid\n(.*?)```", md, re.S)
    roi = next(b for b in blocks if 'title "ROI"' in b)
    assert "2024年夏季促销" not in roi and roi.count('"2024年') == 2
    for block in blocks:
        first_line = re.search(r"    line \[(.*)\]", block)
        assert first_line and " 0" not in f" {first_line.group(1)}".replace(", ", " ")
    caption = md[md.rindex("```") :]
    assert "每个指标一张" in caption and "100%" in caption
    assert "draws" not in caption
    en = compared(three_campaigns, "md", "en")
    assert "one per metric" in en[en.rindex("```") :]
