"""Charts stay charts on hostile names and negative rates (trial 50): a 30,000-character
metric name is cut on the chart's axis (the tables keep it whole), and a rate below zero is
drawn above the Mermaid axis's minimum instead of off it."""

from __future__ import annotations

import re
from pathlib import Path

from builders import example_data, write
from conftest import run_cli


def _book(tmp: Path) -> Path:
    data = example_data()
    data["kpis"][0]["metric"] = "曝光量" * 10_000
    data["kpis"][1]["actual"] = "-1%"  # against 5%: a rate of -20%
    return write(tmp / "long.xlsx", data)


def test_a_huge_name_is_cut_on_the_charts_and_kept_in_the_tables(tmp_path: Path) -> None:
    book = _book(tmp_path)
    html = tmp_path / "r.html"
    assert run_cli("report", str(book), "-o", str(html), "--today", "2024-08-08").returncode == 0
    page = html.read_text(encoding="utf-8")
    widths = [float(w) for w in re.findall(r'<svg[^>]*?width="([0-9.]+)pt"', page)]
    assert widths and max(widths) < 2000  # was 376,441 pt
    assert "曝光量" * 10_000 in page  # the KPI table keeps the name as typed


def test_the_mermaid_axis_reaches_a_negative_rate(tmp_path: Path) -> None:
    book = _book(tmp_path)
    md = tmp_path / "r.md"
    assert run_cli("report", str(book), "-o", str(md), "--today", "2024-08-08").returncode == 0
    text = md.read_text(encoding="utf-8")
    low = int(re.search(r'y-axis "%" (-?\d+) -->', text).group(1))  # type: ignore[union-attr]
    assert low <= -20
    axis = re.search(r"x-axis \[(.*)\]", text).group(1)  # type: ignore[union-attr]
    assert len(axis) < 200 and "…" in axis
