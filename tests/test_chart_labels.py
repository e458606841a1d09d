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


def test_a_negative_rate_is_no_bar_in_mermaid(tmp_path: Path) -> None:
    """Mermaid draws a bar from the axis's minimum, so a -20% bar on an axis from -22 would be
    a short stub and every other bar longer than it is (review 56): it is drawn as none."""
    book = _book(tmp_path)
    md = tmp_path / "r.md"
    assert run_cli("report", str(book), "-o", str(md), "--today", "2024-08-08").returncode == 0
    text = md.read_text(encoding="utf-8")
    assert re.search(r'y-axis "%" 0 -->', text)
    bars = re.search(r"bar \[(.*)\]", text).group(1).split(", ")  # type: ignore[union-attr]
    assert bars[1] == "0.0" and all(float(b) >= 0 for b in bars)
    axis = re.search(r"x-axis \[(.*)\]", text).group(1)  # type: ignore[union-attr]
    assert len(axis) < 200 and "…" in axis


def test_a_metrics_channels_keep_their_own_labels() -> None:
    """A long metric on two channels: the cut keeps each channel, so the two bars are two
    (review 56: both read 直播间…人数合计 ·…, one bar hidden under the other)."""
    from retrokit.render.charts import LABEL_UNITS, short_labels
    from retrokit.render.textfit import width_units

    metric = "直播间新增关注人数合计（含自然流量与付费）"
    shown = short_labels([f"{metric} · 抖音", f"{metric} · 小红书", "GMV", "x" * 300, "x" * 301])
    assert shown[0].endswith(" · 抖音") and shown[1].endswith(" · 小红书") and "…" in shown[0]
    assert shown[2] == "GMV"
    assert len(set(shown)) == len(shown)  # two names alike after the cut are told apart
    assert all(sum(map(width_units, s)) <= LABEL_UNITS + 4 for s in shown)
