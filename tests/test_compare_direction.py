"""compare speaks of better and worse (issue 14, point 2) and follows a KPI by metric and
channel (point 3)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from builders import example_data, write
from conftest import run_cli
from retrokit import api
from retrokit.method import Change, Direction, change
from retrokit.method.campaigns import compare


def test_change_reads_the_direction() -> None:
    assert change(58, 47, Direction.LOWER) is Change.IMPROVED
    assert change(47, 58, Direction.LOWER) is Change.WORSENED
    assert change(0.8, 0.9) is Change.IMPROVED
    assert change(0.3, 0.3 + 1e-15) is Change.UNCHANGED
    assert change(None, 1.0) is None


def campaign(path: Path, n: int, cost: float, douyin: float) -> Path:
    data = example_data()
    start = dt.date(2024, 1, 1) + dt.timedelta(days=90 * n)
    data["info"].update(project=f"第{n}期", start=start, end=start + dt.timedelta(days=14))
    exposure = data["kpis"][0]
    data["kpis"] = [
        {**exposure, "channel": "抖音", "actual": douyin},
        {**exposure, "channel": "小红书", "actual": 3_000_000},
        {
            **exposure,
            "dimension": "conversion",
            "metric": "获客成本",
            "channel": None,
            "direction": None,
            "target": 50,
            "actual": cost,
        },
    ]
    data["problems"][0].update(metric="获客成本", action="精简注册流程到 3 步")
    return write(path, data)


@pytest.fixture
def pair(tmp_path: Path) -> list[Path]:
    return [
        campaign(tmp_path / "a.xlsx", 1, 58, 6_000_000),
        campaign(tmp_path / "b.xlsx", 2, 47, 4_000_000),
    ]


def test_a_cost_that_fell_improved_and_channels_are_followed(pair: list[Path]) -> None:
    campaigns = api.load_campaigns(pair, today=dt.date(2024, 12, 1))
    data = compare([c.analysis for c in campaigns], [c.workbook for c in campaigns])
    trends = {m["metric"]: m["trend"] for m in data["metrics"]}
    assert trends == {
        "曝光量 · 抖音": "worsened",
        "曝光量 · 小红书": "unchanged",
        "获客成本": "improved",
    }
    (effect,) = data["action_effects"]
    assert (effect["metric"], effect["effect"]) == ("获客成本", "improved")
    assert (effect["actual_before"], effect["actual_after"]) == (58, 47)


@pytest.mark.parametrize(
    "lang,words",
    [
        ("zh-CN", ("改善", "变差", "持平", "曝光量 · 抖音")),
        ("zh-TW", ("改善", "變差", "持平", "曝光量 · 抖音")),
        ("en", ("improved", "worsened", "unchanged", "曝光量 · 抖音")),
    ],
)
@pytest.mark.parametrize("fmt", ["md", "html", "table"])
def test_every_format_says_better_or_worse(
    pair: list[Path], lang: str, words: tuple[str, ...], fmt: str
) -> None:
    proc = run_cli("compare", *map(str, pair), "--format", fmt, "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    for word in words:
        assert word in proc.stdout, (word, proc.stdout)
    assert "↑" not in proc.stdout and "上升" not in proc.stdout


def test_json_keeps_rose_and_adds_the_change(pair: list[Path]) -> None:
    data = json.loads(run_cli("compare", *map(str, pair), "--format", "json").stdout)
    effect = data["action_effects"][0]
    assert {"rose", "effect", "direction"} <= set(effect)
    assert {m["trend"] for m in data["metrics"]} == {"improved", "worsened", "unchanged"}


@pytest.mark.parametrize(
    "lang,words",
    [
        ("zh-CN", ("分渠道", "分维度", "全部渠道", "曝光量 · 抖音")),
        ("zh-TW", ("分通路", "分維度", "全部通路", "曝光量 · 抖音")),  # Taiwan usage
        ("en", ("By channel", "By dimension", "All channels", "曝光量 · 抖音")),
    ],
)
def test_the_report_names_kpis_with_their_channel(
    tmp_path: Path, lang: str, words: tuple[str, ...]
) -> None:
    from retrokit.render.report import render

    data = example_data()
    data["kpis"][0].update(channel="抖音", actual=6_000_000)  # exceeded: a highlight
    data["kpis"].append({**data["kpis"][0], "channel": "小红书", "actual": 3_000_000})
    data["kpis"].append({**data["kpis"][3], "channel": "抖音"})
    analysis = api.analyze_workbook(write(tmp_path / "c.xlsx", data), today=dt.date(2024, 8, 8))
    for fmt in ("md", "html"):
        text = render(analysis, fmt, lang)  # type: ignore[arg-type]
        for word in (*words, "曝光量 · 小红书"):
            assert word in text, (fmt, word)
    md = render(analysis, "md", lang)  # type: ignore[arg-type]
    channel_table = md.split(words[0], 1)[1].split("###", 1)[0]
    douyin = next(line for line in channel_table.splitlines() if line.startswith("| 抖音"))
    assert "总费用(万元) 72" in douyin  # the channel's spend
