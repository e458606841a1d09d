"""The computation's shortcuts give what the plain computation gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import example_data, write
from retrokit.api import analyze_workbook
from retrokit.method import (
    ALL_CHANNELS,
    Direction,
    KpiResult,
    Status,
    result_status,
    summarise,
)
from retrokit.method.analysis import _round10
from retrokit.render.view import review_view
from retrokit.workbook.schema import DIMENSION

finite = st.floats(allow_nan=False, allow_infinity=False)
# Rates on and within a hair of the boundaries, where rounding to 12 places decides.
near = st.sampled_from([1.0, 0.9, 0.8, 0.95, 1 / 3]).flatmap(
    lambda b: st.integers(-3000, 3000).map(lambda k: b + k * 1e-15)
)
thresholds = st.sampled_from([0.9, 0.8, 0.95, 1.0, 0.333333333333, 1 / 3])


@given(st.one_of(finite, st.integers(-(10**15), 10**15)))
def test_rounding_a_value_skips_only_what_round_leaves_alone(x: float) -> None:
    assert _round10(x) == round(x, 10)
    assert type(_round10(x)) is type(round(x, 10))


def plain_status(rate: float, threshold: float) -> Status:
    r = round(rate, 12)
    return Status.EXCEEDED if r > 1 else Status.MET if r >= threshold else Status.MISSED


@given(st.one_of(near, st.floats(0, 3)), thresholds)
def test_a_label_is_what_the_rate_rounded_to_12_places_says(rate: float, threshold: float) -> None:
    assert result_status(rate, threshold) == plain_status(rate, threshold)


def plain_counts(items: list[KpiResult]) -> dict[str, Any]:
    counts: dict[str, Any] = {
        "kpis": len(items),
        "exceeded": sum(k.status is Status.EXCEEDED for k in items),
        "met": sum(k.status is Status.MET for k in items),
        "missed": sum(k.status is Status.MISSED for k in items),
        "unrated": sum(k.status is None for k in items),
    }
    rated = counts["kpis"] - counts["unrated"]
    # Reached is 100% or more: the exceeded KPIs and those met at exactly 100% (not one at 90%).
    at_goal = sum(k.status is Status.MET and round(k.rate or 0, 12) >= 1 for k in items)
    reached = counts["exceeded"] + at_goal
    counts["reached_share"] = round(reached / rated, 10) if rated else None
    return counts


def plain_summary(kpis: list[KpiResult]) -> dict[str, Any]:
    """The roll-ups written the obvious way: one group at a time."""
    summary = plain_counts(kpis)
    dims: dict[str | None, list[KpiResult]] = {}
    channels: dict[str, list[KpiResult]] = {}
    for k in kpis:
        dims.setdefault(k.dimension, []).append(k)
        channels.setdefault(k.channel or ALL_CHANNELS, []).append(k)
    order = [*(c.code for c in DIMENSION.choices), None]
    summary["by_dimension"] = {
        code or "unspecified": plain_counts(dims[code]) for code in order if code in dims
    }
    summary["by_channel"] = {c: plain_counts(group) for c, group in channels.items()}
    summary["core_missed"] = [
        f"{k.metric} · {k.channel}" if k.channel else k.metric
        for k in kpis
        if k.core and k.status is Status.MISSED
    ]
    basis = [k for k in kpis if k.core] or kpis
    rates = [min(k.rate, 1.0) for k in basis if k.rate is not None]
    summary["overall_rate"] = round(sum(rates) / len(rates), 10) if rates else None
    summary["overall_basis"] = "core" if any(k.core for k in kpis) else "all"
    return summary


kpi = st.builds(
    lambda row, dim, channel, status, core: KpiResult(
        row, dim, f"m{row}", channel, Direction.HIGHER, None, "plain",
        1.0, 1.0, 0.0, 1.0, status, core, None,
    ),
    st.integers(2, 10_000),
    st.sampled_from([None, *(c.code for c in DIMENSION.choices)]),
    st.sampled_from([None, "", "抖音", "小红书", ALL_CHANNELS, "WeChat"]),
    st.sampled_from([None, *Status]),
    st.booleans(),
)  # fmt: skip


@given(st.lists(kpi, max_size=60))
def test_roll_ups_count_each_group_as_one_at_a_time_would(kpis: list[KpiResult]) -> None:
    got = summarise(tuple(kpis))
    want = plain_summary(kpis)
    assert got == want
    # first-seen order of channels (a blank one counted under all), list order of dimensions
    assert list(got["by_channel"]) == list(want["by_channel"])
    assert list(got["by_dimension"]) == list(want["by_dimension"])


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_nothing_of_a_bad_thing_is_exceeded_not_undefined(tmp_path: Path, lang: str) -> None:
    """客诉量 10 allowed, 0 received: the best outcome, not an undefined rate (V004)."""
    data = example_data()
    data["kpis"] = [
        {
            "dimension": "other",
            "metric": "客诉量",
            "direction": "lower",
            "target": 10,
            "actual": 0,
            "core": "yes",
        },
        {
            "dimension": "other",
            "metric": "退款率",
            "direction": "lower",
            "target": "2%",
            "actual": "0%",
            "core": "yes",
        },
    ]
    result = analyze_workbook(write(tmp_path / "r.xlsx", data), today=dt.date(2024, 8, 8))
    assert [(k.rate, k.status) for k in result.kpis] == [(None, Status.EXCEEDED)] * 2
    assert result.summary["overall_rate"] == 1.0
    assert not [f for f in result.findings if f.code == "V004"]
    view = review_view(result, lang)
    expected = {"zh-CN": "实际为 0", "zh-TW": "實際為 0", "en": "actual 0"}[lang]
    assert view.rates is not None and [b.text for b in view.rates.bars] == [expected] * 2
