"""A new user's trial of compare, lessons and export: what the charts, the trends, the
skipped files, the duplicates, the action effects and an empty search say."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from builders import example_data, write
from conftest import run_cli
from retrokit.api import campaigns_of, load_campaigns
from retrokit.method.campaigns import compare
from retrokit.render import charts
from retrokit.render.report import render_compare
from retrokit.render.view import compare_view
from retrokit.workbook.schema import Lang

TODAY = dt.date(2025, 12, 1)
LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")


def campaign(
    path: Path,
    project: str,
    start: Any,
    rates: dict[str, float],
    *,
    lang: Lang = "zh-CN",
    problems: list[dict[str, Any]] | None = None,
) -> Path:
    """A review whose KPIs are the given metrics, each with target 100 and the rate as actual."""
    data = example_data()
    data["info"]["project"] = project
    data["info"]["start"] = start
    data["info"]["end"] = start + dt.timedelta(days=20) if isinstance(start, dt.date) else None
    data["kpis"] = [
        {
            "dimension": "revenue",
            "metric": metric,
            "target": 100,
            "actual": rate * 100,
            "core": "no",
        }
        for metric, rate in rates.items()
    ]
    data["problems"] = problems or []
    return write(path, data, lang=lang)


def compared(paths: list[Path]) -> dict[str, Any]:
    analyses, workbooks = campaigns_of(load_campaigns(paths, today=TODAY))
    return compare(analyses, workbooks)


# --- 1. every chart puts the campaigns in the table's order, a gap where one did not measure --


@pytest.fixture
def three_seasons(tmp_path: Path) -> list[Path]:
    """March, June and October; June measured ROI only, and the files sort otherwise."""
    return [
        campaign(
            tmp_path / "c_spring.xlsx", "春季", dt.date(2025, 3, 1), {"转化率": 0.8, "ROI": 0.733}
        ),
        campaign(tmp_path / "a_summer.xlsx", "夏季", dt.date(2025, 6, 1), {"ROI": 1.1}),
        campaign(
            tmp_path / "b_autumn.xlsx",
            "双11",
            dt.date(2025, 10, 20),
            {"转化率": 1.04, "ROI": 0.833},
        ),
    ]


def test_the_chart_puts_campaigns_in_the_tables_start_date_order(three_seasons: list[Path]) -> None:
    data = compared(three_seasons)
    assert [c["project"] for c in data["campaigns"]] == ["春季", "夏季", "双11"]
    view = compare_view(data, "zh-CN")
    assert view.trend is not None
    fig = charts.metric_lines(view.trend.series, view.trend.title)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["春季", "夏季", "双11"]
    lines = {
        line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")
    }
    roi = [round(y, 1) for y in lines["ROI"].get_ydata()]
    assert list(lines["ROI"].get_xdata()) == [0, 1, 2] and roi == [73.3, 110.0, 83.3]
    # 转化率 was not measured in June: a gap at June's place, October stays at October's.
    conversion = list(lines["转化率"].get_ydata())
    assert conversion[0] == pytest.approx(80) and math.isnan(conversion[1])
    assert conversion[2] == pytest.approx(104)


def test_the_html_chart_reads_its_campaigns_left_to_right_as_the_table(
    three_seasons: list[Path],
) -> None:
    html = render_compare(compared(three_seasons), "html", "zh-CN")
    svg = html[html.index("<svg") : html.index("</svg>")]
    ticks = re.findall(r'x="([\d.]+)"[^>]*>(春季|夏季|双11)</text>', svg)
    assert [name for _, name in sorted(ticks, key=lambda t: float(t[0]))] == [
        "春季",
        "夏季",
        "双11",
    ]


def test_mermaid_charts_follow_the_tables_order(three_seasons: list[Path]) -> None:
    md = render_compare(compared(three_seasons), "md", "zh-CN")
    blocks = re.findall(r"```mermaid\n(.*?)```", md, re.S)
    roi = next(b for b in blocks if 'title "ROI"' in b)
    assert 'x-axis ["春季", "夏季", "双11"]' in roi and "line [73.3, 110.0, 83.3]" in roi
    conversion = next(b for b in blocks if 'title "转化率"' in b)
    assert 'x-axis ["春季", "双11"]' in conversion and "line [80.0, 104.0]" in conversion


# --- 2. a campaign without a start date is named, and no trend rests on its guessed place ---

UNDATED_WORDS = {
    "zh-CN": ("没有开始日期", "无法识别", "实际先后未知"),
    "zh-TW": ("沒有開始日期", "無法識別", "實際先後未知"),
    "en": ("no start date", "cannot be read", "place in time is not known"),
}


@pytest.fixture
def one_undated(tmp_path: Path) -> list[Path]:
    """June and October dated; a spring campaign whose start reads 三月初 (no date) and one
    whose start is blank: both land after the dated ones, their place unknown."""
    linked = [{"area": "注册", "problem": "注册慢", "metric": "ROI", "action": "缩短注册"}]
    return [
        campaign(tmp_path / "june.xlsx", "夏季", dt.date(2025, 6, 1), {"ROI": 1.1}),
        campaign(
            tmp_path / "oct.xlsx", "双11", dt.date(2025, 10, 20), {"ROI": 0.833}, problems=linked
        ),
        campaign(tmp_path / "spring.xlsx", "春季", "三月初", {"ROI": 0.733}),
        campaign(tmp_path / "blank.xlsx", "冬季", None, {"ROI": 0.5}),
    ]


def test_an_undated_campaign_is_named_with_its_cell_and_left_out_of_trends(
    one_undated: list[Path],
) -> None:
    data = compared(one_undated)
    assert [Path(c["file"]).name for c in data["campaigns"]][:2] == ["june.xlsx", "oct.xlsx"]
    undated = {Path(u["file"]).name: (u["cell"], u["text"]) for u in data["undated"]}
    assert undated == {"spring.xlsx": ("B3", "三月初"), "blank.xlsx": ("B3", "")}
    roi = next(m for m in data["metrics"] if m["metric"] == "ROI")
    # June 110% -> October 83.3%: the dated pair decides; spring's 73.3% and winter's 50% do not.
    assert roi["trend"] == "worsened"
    assert all(p["change"] is None for p in roi["series"] if "oct" not in p["file"])
    # October's action is not followed into a campaign whose place in time is a guess.
    assert data["action_effects"] == []


def test_undated_campaigns_leave_trend_verdicts_empty_when_only_one_dated(
    tmp_path: Path,
) -> None:
    paths = [
        campaign(tmp_path / "a.xlsx", "夏季", dt.date(2025, 6, 1), {"ROI": 1.1}),
        campaign(tmp_path / "b.xlsx", "春季", "Q1", {"ROI": 0.733}),
    ]
    data = compared(paths)
    assert [m["trend"] for m in data["metrics"]] == [None]


@pytest.mark.parametrize("lang", LANGS)
def test_compare_says_which_campaigns_have_no_start_date(
    one_undated: list[Path], lang: Lang
) -> None:
    data = compared(one_undated)
    blank, unreadable, unknown = UNDATED_WORDS[lang]
    for fmt in ("html", "md"):
        text = render_compare(data, fmt, lang)  # type: ignore[arg-type]
        assert "spring.xlsx" in text and unreadable in text and "三月初" in text, fmt
        assert "blank.xlsx" in text and blank in text and unknown in text, fmt
        assert "!B3" in text
    proc = run_cli("compare", *map(str, one_undated), "--today", "2025-12-01", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if unknown in line]
    assert len(lines) == 2 and any("spring.xlsx" in x and "!B3" in x for x in lines), lines


# --- 3. a plan workbook among the reviews is named on stderr, not dropped silently ----------

PLAN_WORDS = {
    "zh-CN": ("已跳过", "活动方案工作簿", "复盘工作簿"),
    "zh-TW": ("已跳過", "活動方案活頁簿", "復盤活頁簿"),
    "en": ("skipped", "campaign plan workbook", "read retrospectives"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_plan_workbook_is_named_when_skipped(tmp_path: Path, lang: Lang) -> None:
    from plan_builders import plan_file

    folder = tmp_path / "set"
    folder.mkdir()
    campaign(folder / "june.xlsx", "夏季", dt.date(2025, 6, 1), {"ROI": 1.1})
    plan = plan_file(folder, lang, name="q1.plan.xlsx")
    skipped, plan_words, reads = PLAN_WORDS[lang]
    runs = [
        ("compare", str(folder), "--lang", lang),
        ("compare", str(plan), str(folder / "june.xlsx"), "--lang", lang),
        ("lessons", str(folder), "--lang", lang),
        ("export", str(folder), "-o", str(tmp_path / "out.sqlite"), "--force"),
    ]
    for args in runs:
        proc = run_cli(*args, env={"RETROKIT_LANG": lang})  # export's language
        assert proc.returncode == 0, (args, proc.stderr)
        lines = [line for line in proc.stderr.splitlines() if "q1.plan.xlsx" in line]
        assert len(lines) == 1, (args, proc.stderr)
        assert skipped in lines[0] and plan_words in lines[0] and reads in lines[0], lines


# --- 4. one campaign given twice is used once, and said so ----------------------------------

SAME_WORDS = {
    "zh-CN": ("是同一个活动", "只使用", "项目名称、起止日期和负责人都相同", "逐格相同"),
    "zh-TW": ("是同一個活動", "只使用", "專案名稱、起止日期和負責人都相同", "逐格相同"),
    "en": ("are the same campaign", "only", "same project name, dates and owner", "cell for cell"),
}
TWICE_PROBLEMS = [
    {
        "area": "注册流程",
        "problem": "注册慢",
        "metric": "ROI",
        "root_cause": "步骤多",
        "action": "减步骤",
    }
]


@pytest.fixture
def given_twice(tmp_path: Path) -> dict[str, Path]:
    """双11 as typed, the same rows re-saved with its dates as text (10月20日, no year), and a
    copy with the same project and start but one actual corrected."""
    folder = tmp_path / "twice"
    folder.mkdir()
    start = dt.date(2025, 10, 20)
    rates = {"ROI": 0.833, "注册转化率": 1.04}
    return {
        "typed": campaign(
            folder / "a_cn.xlsx", "2025年双11大促", start, rates, problems=TWICE_PROBLEMS
        ),
        "resaved": campaign(
            folder / "b_cn_lo.xlsx", "2025年双11大促", "10月20日", rates, problems=TWICE_PROBLEMS
        ),
        "corrected": campaign(
            folder / "c_cn_v2.xlsx", "2025年双11大促", start, {**rates, "ROI": 0.9}
        ),
    }


def test_the_same_campaign_in_two_files_is_compared_once(given_twice: dict[str, Path]) -> None:
    pair = [given_twice["resaved"], given_twice["typed"]]
    seen: list[tuple[str, str, str]] = []
    campaigns = load_campaigns(
        pair,
        today=TODAY,
        distinct=True,
        on_duplicate=lambda a, b, why: seen.append((a.name, b.name, why)),
    )
    # The file whose start date reads is the one kept, whichever came first.
    assert [Path(c.workbook.path).name for c in campaigns] == ["a_cn.xlsx"]
    assert seen == [("b_cn_lo.xlsx", "a_cn.xlsx", "same_content")]
    data = compare(*campaigns_of(campaigns))
    assert data["recurring_areas"] == [] and data["recurring_root_causes"] == []
    assert data["action_effects"] == [] and data["metrics"] == []
    seen.clear()
    load_campaigns(
        [given_twice["typed"], given_twice["corrected"]],
        distinct=True,
        on_duplicate=lambda a, b, why: seen.append((a.name, b.name, why)),
    )
    assert seen == [("c_cn_v2.xlsx", "a_cn.xlsx", "same_start")]


def test_different_campaigns_of_one_project_stay_two(tmp_path: Path) -> None:
    paths = [
        campaign(tmp_path / "a.xlsx", "会员日", dt.date(2025, 3, 1), {"ROI": 0.8}),
        campaign(tmp_path / "b.xlsx", "会员日", dt.date(2025, 6, 1), {"ROI": 0.8}),
        campaign(tmp_path / "c.xlsx", "", None, {"ROI": 0.8}),
        campaign(tmp_path / "d.xlsx", "", None, {"ROI": 0.8}),
        campaign(tmp_path / "e.xlsx", "双11 (上海)", dt.date(2025, 6, 1), {"ROI": 0.8}),
        campaign(tmp_path / "f.xlsx", "双11 (北京)", dt.date(2025, 6, 1), {"ROI": 0.9}),
    ]
    assert len(load_campaigns(paths, distinct=True)) == 6


@pytest.mark.parametrize("lang", LANGS)
def test_a_campaign_given_twice_is_named_on_stderr(
    given_twice: dict[str, Path], lang: Lang
) -> None:
    same, only, by_start, by_content = SAME_WORDS[lang]
    folder = given_twice["typed"].parent
    proc = run_cli("compare", str(folder), "--lang", lang, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stderr.splitlines() if same in x]
    assert len(lines) == 2, proc.stderr
    assert all("a_cn.xlsx" in x and only in x for x in lines)
    assert any("b_cn_lo.xlsx" in x and by_content in x for x in lines)
    assert any("c_cn_v2.xlsx" in x and by_start in x for x in lines)
    assert [Path(c["file"]).name for c in json.loads(proc.stdout)["campaigns"]] == ["a_cn.xlsx"]


# --- 5. an action is followed to the next campaign that measured its metric -----------------

EFFECT_WORDS = {"zh-CN": "改善", "zh-TW": "改善", "en": "improved"}


@pytest.mark.parametrize("lang", LANGS)
def test_an_action_is_followed_past_a_campaign_without_its_metric(
    tmp_path: Path, lang: Lang
) -> None:
    steps = [
        {
            "area": "注册流程",
            "problem": "注册转化率 4%",
            "metric": "注册转化率",
            "action": "注册步骤由5步减为3步",
        }
    ]
    paths = [
        campaign(
            tmp_path / "tw.xlsx",
            "春季",
            dt.date(2025, 3, 1),
            {"注册转化率": 0.8, "ROI": 0.7},
            problems=steps,
        ),
        campaign(tmp_path / "en.xlsx", "夏季", dt.date(2025, 6, 1), {"ROI": 1.1}),
        campaign(
            tmp_path / "cn.xlsx", "双11", dt.date(2025, 10, 20), {"注册转化率": 1.04, "ROI": 0.8}
        ),
    ]
    data = compared(paths)
    [effect] = data["action_effects"]
    assert (Path(effect["file"]).name, Path(effect["next_file"]).name) == ("tw.xlsx", "cn.xlsx")
    assert effect["next_project"] == "双11" and effect["effect"] == "improved"
    assert [Path(f).name for f in effect["skipped"]] == ["en.xlsx"]
    view = compare_view(data, lang)
    [shown] = view.effects
    assert shown.before.startswith("春季") and shown.after.startswith("双11")
    assert shown.effect == EFFECT_WORDS[lang]
    proc = run_cli("compare", *map(str, paths), "--today", "2025-12-01", "--lang", lang)
    line = next(x for x in proc.stdout.splitlines() if "注册步骤由5步减为3步" in x)
    assert "春季" in line and "双11" in line and EFFECT_WORDS[lang] in line, line


# --- 6. the trend word judges the latest change, and the report says what it compares -------

LATEST = {
    "zh-CN": ("最近变化", "变差", "上一次测量"),
    "zh-TW": ("最近變化", "變差", "上一次測量"),
    "en": ("Latest change", "worsened", "measured before it"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_trend_is_the_latest_change_and_says_so(three_seasons: list[Path], lang: Lang) -> None:
    data = compared(three_seasons)
    roi = next(m for m in data["metrics"] if m["metric"] == "ROI")
    # 73.3% -> 110% -> 83.3%: the latest campaign fell; first against last would say improved.
    assert roi["trend"] == "worsened"
    assert (Path(roi["trend_from"]).name, Path(roi["trend_to"]).name) == (
        "a_summer.xlsx",
        "b_autumn.xlsx",
    )
    conversion = next(m for m in data["metrics"] if m["metric"] == "转化率")
    # Not measured in June: spring against October.
    assert conversion["trend"] == "improved"
    assert Path(conversion["trend_from"]).name == "c_spring.xlsx"
    header, worse, note = LATEST[lang]
    view = compare_view(data, lang)
    assert view.labels["trend"] == header and note in view.labels["trend_note"]
    assert next(m.trend for m in view.metrics if m.metric == "ROI") == worse
    for fmt in ("html", "md"):
        text = render_compare(data, fmt, lang)  # type: ignore[arg-type]
        assert header in text and note in text, fmt
    proc = run_cli("compare", *map(str, three_seasons), "--today", "2025-12-01", "--lang", lang)
    roi_row = next(x for x in proc.stdout.splitlines() if "ROI" in x)
    assert worse in roi_row and header in proc.stdout and note in proc.stdout


# --- 7. a search that finds nothing says so ------------------------------------------------

NO_MATCH = {
    "zh-CN": ("没有经验符合条件", "这些复盘中没有记录经验"),
    "zh-TW": ("沒有經驗符合條件", "這些復盤中沒有記錄經驗"),
    "en": ("No lesson matches", "No lessons are recorded"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_search_that_finds_no_lesson_says_so(tmp_path: Path, lang: Lang) -> None:
    book = campaign(tmp_path / "a.xlsx", "春季", dt.date(2025, 3, 1), {"ROI": 0.8})
    no_match, none_recorded = NO_MATCH[lang]
    proc = run_cli("lessons", str(book), "--search", "不存在的字", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    assert no_match in proc.stdout and "不存在的字" in proc.stdout
    assert "┏" not in proc.stdout and "|" not in proc.stdout  # no empty table drawn
    md = run_cli("lessons", str(book), "--search", "不存在的字", "--format", "md", "--lang", lang)
    assert md.returncode == 0 and no_match in md.stdout and "|---" not in md.stdout
    for fmt, empty in (("json", "[]"), ("csv", None)):
        out = run_cli(
            "lessons", str(book), "--search", "不存在的字", "--format", fmt, "--lang", lang
        )
        assert out.returncode == 0 and no_match in out.stderr, out.stderr
        assert out.stdout.strip() == empty if empty else len(out.stdout.splitlines()) == 1
    found = run_cli("lessons", str(book), "--search", "直播", "--lang", lang)
    assert no_match not in found.stdout and not found.stderr
    data = example_data()
    data["lessons"] = []
    bare = write(tmp_path / "bare.xlsx", data)
    proc = run_cli("lessons", str(bare), "--lang", lang)
    assert proc.returncode == 0 and none_recorded in proc.stdout


@pytest.mark.parametrize("change", ["end", "owner"])
def test_two_campaigns_sharing_a_name_and_start_stay_two(tmp_path: Path, change: str) -> None:
    """Two cities' 618 (same name and dates, other owners) and two phases of one campaign
    (same start, other ends) are different campaigns, with different rows."""
    from openpyxl import load_workbook

    start = dt.date(2025, 6, 1)
    a = campaign(tmp_path / "a.xlsx", "618大促", start, {"GMV": 1.1})
    b = campaign(tmp_path / "b.xlsx", "618大促", start, {"GMV": 0.8, "新客数": 0.9})
    wb = load_workbook(b)
    info = wb.worksheets[0]
    for row in info.iter_rows():
        if change == "end" and row[0].value == "结束日期":
            row[1].value = start + dt.timedelta(days=10)
        if change == "owner" and row[0].value == "负责人":
            row[1].value = "北京-李"
    wb.save(b)
    proc = run_cli("compare", str(a), str(b), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "同一个活动" not in proc.stderr
    assert len(json.loads(proc.stdout)["campaigns"]) == 2
