"""A budget line's planned, spent and variance are shown in one scale, as a KPI row is."""

from __future__ import annotations

import pytest

from retrokit.render.display import spending


@pytest.mark.parametrize(
    ("lang", "planned", "actual", "shown"),
    [
        ("en", 100_000, 95_000, ("100K", "95K", "-5K")),
        ("en", 180_000, 300_000, ("180K", "300K", "+120K")),
        ("en", 5_000_000, 4_500_000, ("5M", "4.5M", "-0.5M")),
        ("en", 240_000, 240_000, ("240K", "240K", "0")),
        ("en", 800, 950, ("800", "950", "+150")),
        ("zh-CN", 60_000, 50_000, ("6万", "5万", "-1万")),
        ("zh-CN", 100_000, 95_000, ("100,000", "95,000", "-5,000")),
        ("zh-TW", 5_000_000, 4_500_000, ("500萬", "450萬", "-50萬")),
        ("zh-CN", 240_000, None, ("24万", "", "")),
        ("zh-CN", None, None, ("", "", "")),
    ],
)
def test_one_scale_for_the_line(
    lang: str, planned: float | None, actual: float | None, shown: tuple[str, str, str]
) -> None:
    assert spending(planned, actual, lang) == shown  # type: ignore[arg-type]
