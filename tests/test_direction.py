"""Direction as a marketer reads it (issue 14, point 1): the name's head and what it is of, the
Direction column's spellings, a team's own words, where each direction came from, and K004."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from builders import example_data, write
from retrokit import api
from retrokit.i18n.languages import derive
from retrokit.lint.config import parse_config
from retrokit.method import Direction, DirectionSource, DirectionWords
from retrokit.method.direction import formula_words, infer_direction
from retrokit.render.json import to_json

TODAY = dt.date(2024, 8, 8)
LOWER, HIGHER = Direction.LOWER, Direction.HIGHER

# (zh-CN, en, direction): zh-TW is the zh-CN name in Traditional script.
NAMES = [
    ("投放消耗", "Media spend", LOWER),
    ("广告消耗(万元)", "Ad spend (10k CNY)", LOWER),
    ("跳失率", "Bounce rate", LOWER),
    ("退款率", "Refund rate", LOWER),
    ("差评率", "Negative review rate", LOWER),
    ("客诉率", "Complaint rate", LOWER),
    ("获客单价", "Cost per acquisition", LOWER),
    ("平均点击价格", "Average price per click", LOWER),
    ("千次曝光价格", "Price per thousand impressions", LOWER),
    ("营销费用率", "Marketing expense ratio", LOWER),
    ("CPL", "CPL", LOWER),
    ("CPS", "CPS", LOWER),
    ("流失用户数", "Churned users", LOWER),
    ("拒收率", "Rejection rate", LOWER),
    ("取消订单数", "Cancelled orders", LOWER),
    ("退订人数", "Unsubscribes", LOWER),
    ("卸载率", "Uninstalls", LOWER),
    ("延迟发货率", "Delayed shipments", LOWER),
    ("缺货率", "Stockout rate", LOWER),
    ("违规次数", "Violations", LOWER),
    ("超支金额", "Overspend", LOWER),
    ("平均回复时长", "Average reply time", LOWER),
    ("订单超时率", "Timeout rate", LOWER),
    ("平均处理时长", "Average handle time", LOWER),
    # a cost or complaint word, but something good measured: higher is better
    ("投诉解决率", "Complaint resolution rate", HIGHER),
    ("成本节约(万元)", "Cost savings (10k CNY)", HIGHER),
    ("费用回收金额", "Spend recovered", HIGHER),
    ("差评回复率", "Negative review reply rate", HIGHER),
    ("流失用户召回数", "Churned users recalled", HIGHER),
    ("投入产出比", "Return on ad spend", HIGHER),
    ("客单价", "Average order value", HIGHER),
    ("曝光量", "Impressions", HIGHER),
    ("停留时长", "Time on site", HIGHER),
    ("老客回访率", "Returning customers", HIGHER),
    ("投诉处理及时率", "Complaints handled on time", HIGHER),
]


@pytest.mark.parametrize("zh,en,expected", NAMES, ids=[n[1] for n in NAMES])
def test_direction_from_the_name_in_three_languages(zh: str, en: str, expected: Direction) -> None:
    for name in (zh, derive(zh, "zh-TW"), en):
        assert infer_direction(None, name)[0] is expected, name


def test_where_the_direction_came_from() -> None:
    assert infer_direction(None, "获客单价") == (LOWER, DirectionSource.NAME)
    assert infer_direction("cost", "物料") == (LOWER, DirectionSource.DIMENSION)
    assert infer_direction("cost", "ROI") == (HIGHER, DirectionSource.NAME)
    assert infer_direction(None, "销售额") == (HIGHER, DirectionSource.DEFAULT)
    words = DirectionWords(lower=("坑位费",), higher=("退款拦截",))
    assert infer_direction(None, "直播坑位费", words) == (LOWER, DirectionSource.CONFIG)
    assert infer_direction(None, "退款拦截率", words) == (HIGHER, DirectionSource.CONFIG)


def test_config_keys_add_a_teams_words() -> None:
    cfg = parse_config({"lower-is-better": ["坑位费"], "higher-is-better": "拦截, saved"}, "t")
    assert cfg.lower_is_better == ("坑位费",)
    assert cfg.higher_is_better == ("拦截", "saved")


def test_the_formula_vocabulary_is_the_same_words() -> None:
    words = formula_words()
    assert "投诉" in words["lower"] and "解决" in words["higher"]
    assert "获客单价" in words["always_lower"] and "回复时长" in words["always_lower"]


SPELLINGS = ["越低越好", "越小越好", "越少越好", "↓", "低", "lower is better", "Less is better"]
SPELLINGS_UP = ["越高越好", "越大越好", "越多越好", "↑", "高", "Higher is better", "more is better"]


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_the_direction_column_takes_every_spelling_and_wins(tmp_path: Path, lang: str) -> None:
    data = example_data()
    kpi = data["kpis"][0]  # 曝光量
    rows = []
    for spelling in [*SPELLINGS, *SPELLINGS_UP]:
        rows.append({**kpi, "metric": "退款率" if spelling in SPELLINGS_UP else "曝光量"})
        rows[-1]["direction"] = spelling
    data["kpis"] = rows
    path = write(tmp_path / "d.xlsx", data, lang=lang)  # type: ignore[arg-type]
    analysis = api.analyze_workbook(path, today=TODAY)
    assert not [f for f in analysis.findings if f.code == "V003"]
    got = [(k.direction, k.direction_source) for k in analysis.kpis]
    expected = [(LOWER, DirectionSource.COLUMN)] * len(SPELLINGS) + [
        (HIGHER, DirectionSource.COLUMN)
    ] * len(SPELLINGS_UP)
    assert got == expected


@pytest.mark.parametrize(
    "lang,words",
    [
        ("zh-CN", ("获客单价", "名称")),
        ("zh-TW", ("獲客單價", "名稱")),
        ("en", ("Cost", "its name")),
    ],
)
def test_json_source_and_the_info_rule(tmp_path: Path, lang: str, words: tuple[str, str]) -> None:
    data = example_data()
    kpi = {**data["kpis"][0], "dimension": "conversion", "direction": None}
    kpi["metric"] = "Cost per lead" if lang == "en" else words[0]
    data["kpis"].append(kpi)
    path = write(tmp_path / "d.xlsx", data, lang=lang)  # type: ignore[arg-type]
    analysis = api.analyze_workbook(path, today=TODAY)
    doc = json.loads(json.dumps(to_json(analysis)))
    assert doc["kpis"][-1]["direction"] == "lower"
    assert doc["kpis"][-1]["direction_source"] == "name"
    assert {k["direction_source"] for k in doc["kpis"][:-1]} <= {"column", "default"}
    k004 = [f for f in analysis.findings if f.code == "K004"]
    assert len(k004) == 1 and k004[0].severity.value == "info"
    message = k004[0].message(lang)  # type: ignore[arg-type]
    assert words[1] in message and kpi["metric"] in message
