"""The KPI sheet typed by hand (a new-user trial): times read as waits, total rows in the
channel or dimension column, the same metric twice, stray side calculations below the table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from retrokit import api
from retrokit.api import campaigns_of, load_campaigns
from retrokit.findings import Finding
from retrokit.lint import Config, make_selection, run, select_findings
from retrokit.method import Direction, DirectionSource
from retrokit.method.campaigns import compare
from retrokit.render.report import render_compare
from retrokit.rules import Settings
from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS, Lang

TODAY = dt.date(2024, 8, 8)
LANGS: list[Lang] = ["zh-CN", "zh-TW", "en"]
INFO_VALUES = {
    "project": "T",
    "start": "2024-06-01",
    "end": "2024-06-20",
    "owner": "Zhou",
    "key_question": "?",
}
KPI_KEYS = ("dimension", "metric", "channel", "target", "actual")


def review(
    path: Path,
    lang: Lang,
    kpis: Sequence[Sequence[Any]],
    keys: Sequence[str] = KPI_KEYS,
    cells: dict[str, Any] | None = None,
) -> Path:
    """A review typed by hand with openpyxl (as the trial's common.py): no template, no
    formulas, only the header of each sheet in ``lang`` and the KPI rows as given; ``cells``
    are typed into the KPI sheet by address afterwards."""
    wb = openpyxl.Workbook()
    info = wb.active
    assert info is not None
    info.title = INFO.name(lang)
    for key, value in INFO_VALUES.items():
        info.append([INFO.column(key).label(lang), value])
    sheet = wb.create_sheet(KPIS.name(lang))
    sheet.append([KPIS.column(k).label(lang) for k in keys])
    for row in kpis:
        sheet.append(list(row))
    for address, value in (cells or {}).items():
        sheet[address] = value
    problems = wb.create_sheet(PROBLEMS.name(lang))
    problems.append([c.label(lang) for c in PROBLEMS.columns if c.required])
    wb.create_sheet(LESSONS.name(lang)).append([c.label(lang) for c in LESSONS.columns[:2]])
    wb.save(path)
    return path


def codes(findings: Sequence[Finding], *wanted: str) -> list[Finding]:
    return [f for f in findings if f.code in wanted]


def lint(path: Path) -> list[Finding]:
    """What ``retrokit lint`` reports of one file, with its default selection."""
    return list(select_findings(run([path], Settings(today=TODAY)), make_selection(Config())))


# --- 1. a time is a wait (lower is better) unless it is time spent with us ------------------

LOWER, HIGHER = Direction.LOWER, Direction.HIGHER

#: (metric by language, target, actual): the trial's times, each worse in the actual.
WAITS = [
    (("首屏打开", "首屏打開", "First screen load"), "3秒", "4秒"),
    (("客服响应", "客服響應", "Customer service response"), "30秒", "45秒"),
    (("发货", "發貨", "Shipping"), "24小时", "36小时"),
    (("结账时间", "結帳時間", "Checkout time"), "90s", "120s"),
    (("平均回应时间", "平均回應時間", "Average response time"), "2小時", "3小時"),
    (("缺货次数", "缺貨次數", "Stock-outs"), 10, 12),
    (("物流时效(天)", "物流時效(天)", "Delivery (days)"), 3, 4),
    (("审核周期", "審核週期", "Approval cycle"), "2天", "3天"),
]
#: Time people spend with us: higher is better.
STAYS = [
    (("停留时长", "停留時長", "Dwell time"), "5分钟", "6分钟"),
    (("观看时长", "觀看時長", "Watch time"), "5min", "6min"),
    (("人均使用时长", "人均使用時長", "Session duration"), "5min", "6min"),
]


@pytest.mark.parametrize("lang", LANGS)
def test_a_time_is_read_as_a_wait_or_as_time_spent_with_us(tmp_path: Path, lang: Lang) -> None:
    i = LANGS.index(lang)
    rows = [("其他" if i < 2 else "Other", m[i], None, t, a) for m, t, a in [*WAITS, *STAYS]]
    path = review(tmp_path / "t.xlsx", lang, rows)
    analysis = api.analyze_workbook(path, today=TODAY)
    got = {k.metric: (k.direction, k.direction_source, k.status) for k in analysis.kpis}
    for names, *_ in WAITS:
        direction, source, status = got[names[i]]
        assert (direction, source) == (LOWER, DirectionSource.NAME), names[i]
        assert status is not None and status.value == "missed", names[i]
    for names, *_ in STAYS:
        direction, source, status = got[names[i]]
        assert (direction, source) == (HIGHER, DirectionSource.NAME), names[i]
        assert status is not None and status.value == "exceeded", names[i]
    # every one of them was inferred: K004 says so on each row
    k004 = codes(analysis.findings, "K004")
    assert len(k004) == len(WAITS) + len(STAYS)


@pytest.mark.parametrize("lang", LANGS)
def test_a_time_whose_name_says_nothing_is_said_to_be_assumed(tmp_path: Path, lang: Lang) -> None:
    name = ("活动时长", "活動時長", "Campaign length")[LANGS.index(lang)]
    other = ("曝光量", "曝光量", "Impressions")[LANGS.index(lang)]
    path = review(
        tmp_path / "t.xlsx", lang, [(None, name, None, "5天", "6天"), (None, other, None, 5, 6)]
    )
    analysis = api.analyze_workbook(path, today=TODAY)
    kpi = analysis.kpis[0]
    assert (kpi.direction, kpi.direction_source) == (HIGHER, DirectionSource.DEFAULT)
    k004 = codes(analysis.findings, "K004")
    assert len(k004) == 1 and k004[0].key == "K004.time"  # not on the plain count beside it
    message = k004[0].message(lang)
    assert name in message and "天" in message
    assert ("越高越好" if lang != "en" else "Higher is better") in message


# --- 2. a total in the channel or dimension column is the sum of the channels --------------

#: (lang, dimension, the channel rows' total words, the dimension's total word)
TOTALS = [
    ("zh-CN", "收益", ("合计", "全渠道合计", "总计"), "合计"),
    ("zh-TW", "收益", ("總計", "合計", "全通路合計"), "合計"),
    ("en", "Revenue", ("Total", "Grand total", "All channels total"), "Total"),
]


@pytest.mark.parametrize("lang,dimension,words,dimension_word", TOTALS)
@pytest.mark.parametrize("which", [0, 1, 2])
def test_a_total_channel_row_is_no_kpi(
    tmp_path: Path,
    lang: Lang,
    dimension: str,
    words: tuple[str, ...],
    dimension_word: str,
    which: int,
) -> None:
    rows = [
        (dimension, "GMV(万元)", "天猫", 1500, 1300),
        (dimension, "GMV(万元)", "抖音", 1000, 700),
        (dimension, "GMV(万元)", "京东", 500, 400),
        (dimension, "GMV(万元)", words[which], 3000, 2400),
        (dimension_word, "GMV(万元)", None, 3000, 2400),
    ]
    path = review(tmp_path / "t.xlsx", lang, rows)
    analysis = api.analyze_workbook(path, today=TODAY)
    assert [k.channel for k in analysis.kpis] == ["天猫", "抖音", "京东"]
    assert set(analysis.summary["by_channel"]) == {"天猫", "抖音", "京东"}
    notes = codes(analysis.findings, "S005")
    assert [(f.cell, f.row) for f in notes] == [("C5", 5), ("A6", 6)]
    assert words[which] in notes[0].message(lang)
    assert not codes(analysis.findings, "V003", "S003")


@pytest.mark.parametrize("lang,dimension,words,dimension_word", TOTALS)
def test_a_campaign_level_row_stays_a_kpi(
    tmp_path: Path, lang: Lang, dimension: str, words: tuple[str, ...], dimension_word: str
) -> None:
    rows = [
        (dimension, "GMV(万元)", words[0], 3000, 2400),  # a total word, no other channel
        (dimension, "UV", "天猫", 10, 9),
        (dimension, "UV", ("全渠道", "全通路", "All channels")[LANGS.index(lang)], 30, 27),
        (dimension, "UV", None, 30, 27),
        (dimension_word, "ROI", None, 3, 2),  # a dimension 合计 on a metric of its own
    ]
    path = review(tmp_path / "t.xlsx", lang, rows)
    analysis = api.analyze_workbook(path, today=TODAY)
    assert [k.metric for k in analysis.kpis] == ["GMV(万元)", "UV", "UV", "UV", "ROI"]
    assert analysis.kpis[-1].dimension is None
    assert not codes(analysis.findings, "S005", "V003", "S003")


# --- 3. the same metric twice ---------------------------------------------------------------

RATE = {"zh-CN": "注册转化率", "zh-TW": "註冊轉換率", "en": "Registration conversion"}
WARM_UP = {"zh-CN": "预热期", "zh-TW": "預熱期", "en": "Warm-up "}


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_metric_twice_is_said_at_the_second_row(tmp_path: Path, lang: Lang) -> None:
    metric = RATE[lang]
    rows = [
        (None, metric, None, "5%", "5.2%"),
        (None, metric, None, "6%", "4.5%"),  # the same KPI again: K005 names row 2
        (None, metric, "天猫", "5%", "4%"),  # another channel: a KPI of its own
        (None, metric, "抖音", "5%", "4%"),
        (None, metric, "抖音", "5%", "3%"),  # the same channel again
        (None, WARM_UP[lang] + metric, None, "5%", "4%"),  # another name: no K005
    ]
    found = codes(lint(review(tmp_path / "d.xlsx", lang, rows)), "K005")
    assert [(f.cell, f.key, dict(f.args)["first"]) for f in found] == [
        ("B3", "K005", 2),
        ("B6", "K005.channel", 5),
    ]
    assert found[0].severity.value == "warning"
    message = found[1].message(lang)
    assert metric in message and "抖音" in message and "5" in message
    assert ("刪掉" if lang == "zh-TW" else "删掉" if lang == "zh-CN" else "delete") in message


def test_compare_names_the_row_it_used(tmp_path: Path) -> None:
    before = review(tmp_path / "q2.xlsx", "zh-CN", [("转化", RATE["zh-CN"], None, "5%", "4%")])
    after = tmp_path / "q3.xlsx"
    review(
        after,
        "zh-CN",
        [("转化", RATE["zh-CN"], None, "5%", "5.2%"), ("转化", RATE["zh-CN"], None, "6%", "4.5%")],
    )
    data = compare(*campaigns_of(load_campaigns([before, after], today=TODAY)))
    [metric] = data["metrics"]
    last = metric["series"][-1]
    assert (last["row"], last["duplicate_rows"]) == (2, [3])
    assert metric["series"][0]["duplicate_rows"] == []
    for lang, words in (
        ("zh-CN", "第 2 行；第 3 行"),
        ("zh-TW", "第 2 列；第 3 列"),
        ("en", "row 2; row 3"),
    ):
        assert words in render_compare(data, "md", lang), lang  # type: ignore[arg-type]


# --- 4. side calculations typed in spare cells below the table -------------------------------

SIDE_ROWS = [
    ("流量", "曝光量", None, 500, 450),
    ("转化", "注册转化率", None, "5%", "4%"),
    ("收益", "ROI", None, "1:3", "1:2.2"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("column", ["D", "B", "A"])  # target, metric, dimension
def test_numbers_typed_below_the_table_are_a_side_calculation(
    tmp_path: Path, lang: Lang, column: str
) -> None:
    cells = {f"{column}20": 5200, f"{column}21": "20000"}
    path = review(tmp_path / "s.xlsx", lang, SIDE_ROWS, cells=cells)
    analysis = api.analyze_workbook(path, today=TODAY)
    assert [k.metric for k in analysis.kpis] == [r[1] for r in SIDE_ROWS]
    found = lint(path)
    assert not codes(found, "S003", "V003", "V001")
    [note] = codes(found, "S005")
    assert (note.key, note.cell, note.row) == ("S005.side", f"{column}20", 20)
    message = note.message(lang)
    assert f"{column}20" in message and f"{column}21" in message


def test_the_trials_london_workbook(tmp_path: Path) -> None:
    """Two numbers in the Direction column (E20, E21) between the table and a KPI appended
    far below it (row 40): one note, and the KPI below is still read."""
    rows = [(d, m, None, None, t, a) for d, m, _, t, a in SIDE_ROWS]
    keys = ("dimension", "metric", "channel", "direction", "target", "actual")
    cells = {"E20": 5200, "E21": 20000, "A40": "收益", "B40": "客单价", "E40": 45, "F40": 48.5}
    path = review(tmp_path / "l.xlsx", "zh-CN", rows, keys=keys, cells=cells)
    found = lint(path)
    assert not codes(found, "S003", "V003")
    assert [(f.key, f.cell) for f in codes(found, "S005")] == [("S005.side", "E20")]
    metrics = [k.metric for k in api.analyze_workbook(path, today=TODAY).kpis]
    assert metrics == ["曝光量", "注册转化率", "ROI", "客单价"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_kpi_whose_name_was_forgotten_keeps_its_s003(tmp_path: Path, lang: Lang) -> None:
    rows = [SIDE_ROWS[0], (None, None, None, 100, 90), *SIDE_ROWS[1:]]
    path = review(tmp_path / "f.xlsx", lang, rows)
    found = lint(path)
    assert [f.cell for f in codes(found, "S003")] == ["B3"]
    assert not codes(found, "S005")
    assert len(api.analyze_workbook(path, today=TODAY).kpis) == 4
    # a row of text below the table is no side calculation: read (and reported) as today
    path = review(tmp_path / "g.xlsx", lang, [*SIDE_ROWS, (None,) * 5, ("流量", None, None, 1, 2)])
    assert [f.cell for f in codes(lint(path), "S003")] == ["B6"]
