"""A share of on-time events (物流时效达标率, 发货时效好评率, on-time rate) counts events, not a
time: higher is better, as any rate. A wait itself (平均响应时长, 发货时效, 審核週期) stays
lower-is-better."""

from __future__ import annotations

import pytest

from retrokit.method.direction import Direction, read_name


@pytest.mark.parametrize(
    "name",
    ["物流时效达标率", "客服响应时效达成率", "發貨時效達標率", "审核周期达标率", "售后处理时效满意度",
     "发货时效好评率", "Checkout completion time rate", "Delivery time satisfaction score"],
)  # fmt: skip
def test_a_share_of_timely_events_is_no_wait(name: str) -> None:
    assert read_name(name) is not Direction.LOWER


@pytest.mark.parametrize(
    "name",
    ["平均响应时长", "首屏加载时间", "发货时效", "物流时效(天)", "審核週期", "Delivery time"],
)
def test_a_wait_is_lower_is_better(name: str) -> None:
    assert read_name(name) is Direction.LOWER
