"""`retrokit report`: golden files, escaping, reproducibility and a real browser."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from builders import example_data, write
from conftest import ROOT, chromium_dom, chromium_screenshot, run_cli

GOLDEN = ROOT / "tests" / "golden"
TODAY = ["--today", "2024-08-08"]
SVG = re.compile(r"<svg.*?</svg>", re.S)


def report(workbook: Path, *args: str) -> str:
    proc = run_cli("report", str(workbook), "-o", "-", *TODAY, *args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def check_golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing {path}: run `make golden` and review the result"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended run `make golden`"
    )


@pytest.mark.parametrize(
    "example,lang", [("summer-promo-2024.xlsx", "zh-CN"), ("summer-promo-2024.en.xlsx", "en")]
)
def test_markdown_golden(example: str, lang: str, update_golden: bool) -> None:
    text = report(ROOT / "examples" / example, "--format", "md")
    check_golden(f"{Path(example).stem}.report.md", text, update_golden)


@pytest.mark.parametrize("example", ["summer-promo-2024.xlsx", "summer-promo-2024.en.xlsx"])
def test_html_golden_with_charts_aside(example: str, update_golden: bool) -> None:
    # Chart geometry belongs to matplotlib's version; the page around it is ours to pin.
    text = report(ROOT / "examples" / example)
    assert len(SVG.findall(text)) == 3
    check_golden(f"{Path(example).stem}.report.html", SVG.sub("<svg/>", text), update_golden)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_markdown_emphasis_renders_in_commonmark(example_zh: Path, lang: str) -> None:
    """Bold next to punctuation (80.0%**¹, 'Key question: **') stays literal asterisks on
    GitHub; a CommonMark parser must see every ** as emphasis."""
    from markdown_it import MarkdownIt

    html = (
        MarkdownIt("commonmark")
        .enable("table")
        .render(report(example_zh, "--format", "md", "--lang", lang))
    )
    assert "**" not in html and html.count("<strong>") >= 3


def test_same_workbook_gives_byte_identical_output(example_zh: Path) -> None:
    for fmt in ("html", "md"):
        assert report(example_zh, "--format", fmt) == report(example_zh, "--format", fmt)


def test_timestamp_comes_from_source_date_epoch(example_zh: Path) -> None:
    proc = run_cli(
        "report",
        str(example_zh),
        "-o",
        "-",
        "--format",
        "md",
        env={"SOURCE_DATE_EPOCH": "1723075200"},
    )  # 2024-08-08
    assert "2024-08-08" in proc.stdout


def test_report_follows_the_order_of_the_method(example_zh: Path) -> None:
    text = report(example_zh, "--format", "md")
    order = [
        "核心问题",
        "共 6 个 KPI",
        "基本信息",
        "KPI 达成情况",
        "亮点",
        "问题（未完成",
        "问题与改进行动",
        "经验沉淀",
        "数据质量检查",
    ]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert "**共 6 个 KPI：超额完成 0 个，基本完成 1 个，未完成 5 个。**" in text
    assert "未完成的核心指标：新增注册用户、销售额" in text
    assert "越低越好; 为目标的 120.0%" in text
    assert "**2024-08-05 ⚠ 已逾期**" in text
    assert "```mermaid\nxychart-beta" in text and "```mermaid\nquadrantChart" in text
    # largest shortfall first
    misses = text[text.index("问题（未完成") : text.index("问题与改进行动")]
    assert misses.index("ROI") < misses.index("总费用")


def test_language_follows_the_workbook_unless_asked(example_en: Path) -> None:
    assert "Goal review" in report(example_en, "--format", "md") or "KPI results" in report(
        example_en, "--format", "md"
    )
    assert "KPI 達成情況" in report(example_en, "--format", "md", "--lang", "zh-TW")


def test_default_output_is_beside_the_workbook(example_zh: Path) -> None:
    proc = run_cli("report", str(example_zh), *TODAY)
    assert proc.returncode == 0
    out = example_zh.with_name("summer.report.html")
    assert out.exists() and proc.stdout.strip() == str(out)
    proc = run_cli("report", str(example_zh), "--format", "md", *TODAY)
    assert example_zh.with_name("summer.report.md").exists()
    before = example_zh.read_bytes()
    proc = run_cli("report", str(example_zh), "-o", str(example_zh))
    assert proc.returncode == 2 and example_zh.read_bytes() == before


def test_unreadable_workbook_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("hello", encoding="utf-8")
    proc = run_cli("report", str(bad))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


HOSTILE = "<script>alert(1)</script> | pipe\nnew line **bold** [link](http://x)"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    data = example_data()
    data["kpis"][0]["metric"] = HOSTILE
    data["kpis"][1]["analysis"] = HOSTILE
    data["problems"][0]["problem"] = HOSTILE
    data["lessons"][0]["lesson"] = HOSTILE
    data["info"]["project"] = "<img src=x onerror=alert(1)>"
    return write(tmp_path / "hostile.xlsx", data)


def test_cell_text_is_escaped_in_html(hostile: Path) -> None:
    html = report(hostile)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for svg in SVG.findall(html):
        assert "<script" not in svg


def test_cell_text_cannot_break_a_markdown_table(hostile: Path) -> None:
    md = report(hostile, "--format", "md")
    assert "<script>" not in md
    kpi_table = md[md.index("| 维度") : md.index("```mermaid")]
    rows = [line for line in kpi_table.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + 6
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 9, row


def test_html_is_self_contained(example_zh: Path) -> None:
    html = report(example_zh)
    for banned in ("<script", "<link", "@import", "src=", "<iframe", "http://", "https://"):
        assert banned not in html, banned
    assert not re.search(r"url\((?!#)", html)  # only references inside the page's own SVG
    assert not re.search(r"href=\"(?!#)", html)
    assert "@media print" in html and "@page" in html and "viewport" in html
    assert "Noto Sans CJK SC" in html and "PingFang SC" in html


@pytest.mark.e2e
def test_a_real_browser_renders_the_report(example_zh: Path, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    run_cli("report", str(example_zh), "-o", str(html), *TODAY)
    png = tmp_path / "report.png"
    proc = chromium_screenshot(html, png)
    assert png.exists() and png.stat().st_size > 10_000, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], console
    dom = chromium_dom(html, tmp_path)
    for metric in ("曝光量", "注册转化率", "ROI", "总费用(万元)", "新增注册用户", "销售额"):
        assert metric in dom, metric
    shots = ROOT / "tests" / "screenshots"
    shots.mkdir(exist_ok=True)
    (shots / "report-zh-CN.png").write_bytes(png.read_bytes())


def test_rate_labels_read_at_any_rate_including_above_200_and_na(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][0]["actual"] = 12_500_000  # 250%
    data["kpis"][1]["target"] = 0  # undefined
    html = report(write(tmp_path / "wide.xlsx", data))
    chart = SVG.findall(html)[1]
    assert "250.0%" in chart and "无法计算" in chart
    assert "超额完成" in html


def test_the_chart_takes_the_core_kpis_then_the_lowest_rates_in_list_order() -> None:
    from retrokit.method import Direction, KpiResult
    from retrokit.render.view import CHART_BARS, chart_kpis

    def kpi(row: int, rate: float | None, core: bool = False) -> KpiResult:
        return KpiResult(
            row, None, f"m{row}", None, Direction.HIGHER, None, "plain",
            1.0, rate, None, rate, None, core, None,
        )  # fmt: skip

    few = [kpi(i, 1.0) for i in range(CHART_BARS)]
    assert chart_kpis(few) == few
    many = [kpi(i, 2.0 - i / 1000) for i in range(500)]  # rates fall down the list
    many[3] = kpi(3, None)  # unrated: after every rated one
    many[7] = kpi(7, 5.0, core=True)  # core: always in, whatever its rate
    chosen = chart_kpis(many)
    assert len(chosen) == CHART_BARS
    assert [k.row for k in chosen] == [7, *range(461, 500)]


def test_a_long_kpi_list_gets_a_chart_of_forty_and_a_table_of_all(tmp_path: Path) -> None:
    from retrokit.render.view import CHART_BARS

    data = example_data()
    row = data["kpis"][0]
    data["kpis"] = [{**row, "metric": f"指标{i}", "actual": 100 + i} for i in range(300)]
    book = write(tmp_path / "long.xlsx", data)
    html = report(book)
    chart = SVG.findall(html)[1]
    assert chart.count("指标") == CHART_BARS
    assert html.count("<td>指标") + html.count("<strong>指标") >= 300
    assert "图中为 40 个 KPI" in html and "全部 300 个见上表" in html
    md = report(book, "--format", "md", "--lang", "en")
    x_axis = next(line for line in md.splitlines() if "x-axis [" in line)
    assert x_axis.count('"') == 2 * CHART_BARS
    assert "The chart shows 40 of the 300 KPIs" in md


def test_the_terminal_lists_a_thousand_rows_and_counts_the_rest(tmp_path: Path) -> None:
    from retrokit.render.terminal import TERMINAL_ROWS

    data = example_data()
    row = data["kpis"][0]
    data["kpis"] = [{**row, "metric": f"m{i}"} for i in range(TERMINAL_ROWS + 25)]
    proc = run_cli("analyze", str(write(tmp_path / "long.xlsx", data)), *TODAY, "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert f"m{TERMINAL_ROWS - 1} " in proc.stdout and f"m{TERMINAL_ROWS} " not in proc.stdout
    assert "… 25 more rows not listed in the terminal" in proc.stdout


def _terminal_kpis(text: str) -> list[list[str]]:
    """The KPI table's rows as the terminal lays them out: cells between the box lines."""
    start = text.index("┏")  # the first table with a header: the KPIs
    table = text[start : text.index("┘", start)]
    return [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in table.splitlines()
        if line.startswith("│")
    ]


def _html_kpis(html: str) -> list[list[str]]:
    """The KPI table's rows in the report: the metric's own text, then the number cells."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        metric = re.sub(r"<[^>]+>", "", re.split(r" <span|<div", cells[1])[0])
        badge = re.sub(r"<[^>]+>", "", cells[7])
        rows.append([unescape(s) for s in (cells[0], metric, *cells[2:7], badge)])
    return rows


@pytest.mark.parametrize(
    "example,lang",
    [
        ("summer-promo-2024.xlsx", "zh-CN"),
        ("summer-promo-2024.xlsx", "zh-TW"),
        ("summer-promo-2024.en.xlsx", "en"),
    ],
)
def test_terminal_and_report_show_the_same_kpi_strings(example: str, lang: str) -> None:
    # Both lay out the one view: a label, gap or rate cannot differ between them.
    book = str(ROOT / "examples" / example)
    proc = run_cli("analyze", book, *TODAY, "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    terminal = _terminal_kpis(proc.stdout)
    html = _html_kpis(report(ROOT / "examples" / example, "--lang", lang))
    assert len(terminal) == len(html) == 6
    for term, page in zip(terminal, html, strict=True):
        dimension, metric, channel, target, actual, gap, rate, _bar, label = term
        assert metric.startswith(page[1]), (metric, page[1])
        assert [dimension, channel, target, actual, gap, rate, label] == [page[0], *page[2:]]
    gaps = {row[5] for row in terminal}
    assert any(" pp" in g for g in gaps) and any(g.startswith("+") for g in gaps)
