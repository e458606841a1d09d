"""Smaller defects left from earlier reviews, each reproduced with a workbook built here."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from conftest import run_cli
from retrokit.method import summarise

# --- the rule list says a rule's severity in the reader's language, as `rule` does --------

SEVERITY_WORDS = {
    "zh-CN": ("错误", "警告", "提示"),
    "zh-TW": ("錯誤", "警告", "提示"),
    "en": ("error", "warning", "info"),
}


def test_the_rule_list_words_severities_in_the_readers_language() -> None:
    for lang, (error, warning, info) in SEVERITY_WORDS.items():
        lines = run_cli("rules", "--lang", lang).stdout.splitlines()
        a001 = next(line for line in lines if line.startswith("A001 "))
        a003 = next(line for line in lines if line.startswith("A003 "))
        a007 = next(line for line in lines if line.startswith("A007 "))
        assert f" {error} " in a001 and f" {warning} " in a003 and f" {info} " in a007, lang
        # The same word `rule A003` puts in brackets.
        assert f"({warning})" in run_cli("rule", "A003", "--lang", lang).stdout
        if lang != "en":
            assert not any(w in " ".join(lines).split() for w in ("error", "warning", "info"))


def test_the_rule_lists_summaries_start_in_one_terminal_column() -> None:
    import re

    from retrokit.cli.catalogue import _columns

    for lang in SEVERITY_WORDS:
        lines = run_cli("rules", "--lang", lang).stdout.splitlines()
        for indent in ("", "  "):  # the rules, then their sub-checks
            rows = [x for x in lines if x.startswith(indent) and not x.startswith(indent + " ")]
            rows = [x for x in rows if len(x.split()[1]) < 28]  # a longer name pushes it on
            # Code, name and severity, then the summary: where it starts on a terminal.
            starts = {_columns(re.match(r"\s*(\S+\s+){3}", x)[0]) for x in rows}  # type: ignore[index]
            assert len(starts) == 1, (lang, starts)


# --- a campaign period in one cell that disagrees with the start and end cells -----------

PERIODS = {  # the label a team types, and a period in its language
    "zh-CN": ("活动时间", "2024-07-01 至 2024-07-20", "7月1日-15日"),
    "zh-TW": ("起訖日期", "2024-07-01 至 2024-07-20", "7月1日-15日"),
    "en": ("Campaign period", "2024-07-01 to 2024-07-20", "July 1-15"),
}


def _with_period(tmp_path: Path, lang: str, period: str, **info: Any) -> Path:
    """The worked example (start 2024-07-01, end 2024-07-15 in B3 and B4) with a period row."""
    from openpyxl import load_workbook

    from builders import example_data, write

    data = example_data()
    data["info"].update(info)
    path = write(tmp_path / f"period-{lang}.xlsx", data, lang=lang)  # type: ignore[arg-type]
    wb = load_workbook(path)
    wb.worksheets[0].append([PERIODS[lang][0], period])  # row 12
    wb.save(path)
    return path


def _findings(path: Path, code: str) -> list[Any]:
    from builders import TODAY
    from retrokit.lint import Config, make_selection, run, select_findings
    from retrokit.rules import Settings

    found = select_findings(run([path], Settings(today=TODAY)), make_selection(Config()))
    return [f for f in found if f.code == code]


def test_a_period_that_disagrees_with_the_start_and_end_cells_is_said_once(
    tmp_path: Path,
) -> None:
    for lang, (label, period, _) in PERIODS.items():
        found = _findings(_with_period(tmp_path, lang, period), "V002")
        assert len(found) == 1, (lang, found)
        f = found[0]
        assert (f.cell, f.severity.value, f.key) == ("B12", "warning", "V002.span"), lang
        text = f.message()
        # Both cells, both values, which one is used and how to fix it.
        for part in (label, period, "B3", "2024-07-01", "B4", "2024-07-15"):
            assert part in text, (lang, part, text)
        assert "retrokit" in text, text
        # The dates of the own cells are the ones read.
        from retrokit.api import open_workbook

        info = open_workbook(f.file).tables["info"][0].values
        assert (info["start"], info["end"]) == (dt.date(2024, 7, 1), dt.date(2024, 7, 15))


def test_a_period_that_agrees_with_the_dates_is_no_finding(tmp_path: Path) -> None:
    for lang, (_, _, agreeing) in PERIODS.items():
        for period in (agreeing, "2024-07-01 ~ 2024-07-15", "not a period"):
            assert _findings(_with_period(tmp_path, lang, period), "V002") == [], (lang, period)


def test_a_period_fills_a_blank_end_and_is_checked_against_the_start(tmp_path: Path) -> None:
    for lang, (_, period, _) in PERIODS.items():
        path = _with_period(tmp_path, lang, period, end=None, start=dt.date(2024, 7, 3))
        found = _findings(path, "V002")
        assert [(f.cell, f.key) for f in found] == [("B12", "V002.span_start")], lang
        assert "B3" in found[0].message() and "2024-07-03" in found[0].message()
        # Filling the blank end from the period still works, without a word when it agrees.
        path = _with_period(tmp_path, lang, period, end=None)
        assert _findings(path, "V002") == []


# --- the group tables: counts that add up, and a reached share that means reached --------

GROUP_KPIS = [  # one dimension and one channel: met at 90%, at 100%, unrated, exceeded
    {"metric": "曝光量", "target": 1000, "actual": 900},
    {"metric": "点击量", "target": 1000, "actual": 1000},
    {"metric": "互动量", "target": 1000, "actual": None},
    {"metric": "分享量", "target": 1000, "actual": 1500},
]
UNRATED_WORD = {"zh-CN": "无法评估", "zh-TW": "無法評估", "en": "Unrated"}


def _group_workbook(tmp_path: Path, lang: str) -> Path:
    from builders import example_data, write

    data = example_data()
    data["kpis"] = [
        {"dimension": "traffic", "channel": "抖音", "core": "no", **k} for k in GROUP_KPIS
    ]
    return write(tmp_path / f"groups-{lang}.xlsx", data, lang=lang)  # type: ignore[arg-type]


def _md_rows(md: str, heading: str) -> list[list[str]]:
    """The rows (header first) of the Markdown table under ``### heading``."""
    lines = md.split(f"### {heading}\n", 1)[1].lstrip("\n").splitlines()
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        if not set(line) <= set("|-: "):
            rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows


def test_group_counts_add_up_and_the_reached_share_is_100_percent_or_more(
    tmp_path: Path,
) -> None:
    from builders import TODAY
    from retrokit.api import analyze_workbook, render_report
    from retrokit.i18n import t

    for lang in ("zh-CN", "zh-TW", "en"):
        analysis = analyze_workbook(_group_workbook(tmp_path, lang), today=TODAY)
        md = render_report(analysis, "md", lang)  # type: ignore[arg-type]
        for heading in (t("report.by_dimension", lang), t("report.by_channel", lang)):  # type: ignore[arg-type]
            header, row = _md_rows(md, heading)
            assert header[2].endswith(" / " + UNRATED_WORD[lang]), (lang, header)
            assert row[1] == "4", (lang, row)
            # 1 exceeded, 2 met (90% and 100%), 0 missed, 1 unrated: they add up to 4.
            assert row[2] == "1 / 2 / 0 / 1", (lang, row)
            # Reached: the exceeded one and the one at 100% of the 3 rated; not the one at 90%.
            assert row[3] == "66.7%", (lang, row)
        html = render_report(analysis, "html", lang)  # type: ignore[arg-type]
        assert html.count('<span class="badge unrated">1</span>') == 2, lang
        # The same share in the JSON summary and the export's.
        assert analysis.summary["by_dimension"]["traffic"]["reached_share"] == round(2 / 3, 10)


def test_group_tables_show_no_unrated_count_where_every_kpi_is_rated(tmp_path: Path) -> None:
    from builders import TODAY
    from retrokit.api import analyze_workbook, render_report
    from retrokit.i18n import t

    for lang in ("zh-CN", "zh-TW", "en"):
        path = _group_workbook(tmp_path, lang)
        analysis = analyze_workbook(path, today=TODAY)
        rated = [k for k in analysis.kpis if k.status is not None]
        analysis = replace(analysis, kpis=tuple(rated), summary=summarise(tuple(rated)))
        md = render_report(analysis, "md", lang)  # type: ignore[arg-type]
        header, row = _md_rows(md, t("report.by_dimension", lang))  # type: ignore[arg-type]
        assert UNRATED_WORD[lang] not in header[2] and row[2] == "1 / 2 / 0", (lang, row)


# --- compare of one campaign says that changes need two, and shows its figures ----------

SINGLE = {
    "zh-CN": "变化需要至少两个活动才能比较",
    "zh-TW": "變化需要至少兩個活動才能比較",
    "en": "Changes need two campaigns or more",
}


def _example(tmp_path: Path, lang: str, name: str = "") -> Path:
    from builders import example_data, write

    path = tmp_path / (name or f"example-{lang}.xlsx")
    return write(path, example_data(), lang=lang)  # type: ignore[arg-type]


def test_compare_of_one_campaign_says_changes_need_two(tmp_path: Path) -> None:
    for lang, line in SINGLE.items():
        path = str(_example(tmp_path, lang))
        for fmt in ("table", "md", "html"):
            result = run_cli("compare", path, "--format", fmt, "--lang", lang)
            assert result.returncode == 0, result.stderr
            out = result.stdout
            assert out.count(line) == 1, (lang, fmt, out)
            # The one campaign's figures stay: its row of counts (0 exceeded, 1 met, 5 missed).
            assert "2024-07-01 ~ 2024-07-15" in out.replace("\\~", "~"), (lang, fmt)
        # No empty table of changes in the terminal: its title is not drawn.
        from retrokit.i18n import t

        table = run_cli("compare", path, "--lang", lang).stdout
        assert t("compare.metrics", lang) not in table, table  # type: ignore[arg-type]


def test_compare_of_two_campaigns_says_nothing_of_the_sort(tmp_path: Path) -> None:
    from builders import example_data, write

    first = _example(tmp_path, "zh-CN")
    data = example_data()
    data["info"].update(
        project="2024年秋季促销", start=dt.date(2024, 10, 1), end=dt.date(2024, 10, 15)
    )
    second = write(tmp_path / "autumn.xlsx", data)
    out = run_cli("compare", str(first), str(second), "--format", "md").stdout
    assert SINGLE["zh-CN"] not in out and "| **曝光量** |" in out


# --- lessons and export use a campaign given twice once, as compare does ------------------


def test_lessons_and_export_use_a_campaign_given_twice_once(tmp_path: Path) -> None:
    import csv
    import shutil

    for lang in ("zh-CN", "zh-TW", "en"):
        path = _example(tmp_path, lang)
        copy = shutil.copy(path, tmp_path / f"copy-{lang}.xlsx")
        once = run_cli("lessons", str(path), "--format", "json").stdout
        for given in ((path, path), (path, copy)):
            result = run_cli("lessons", *map(str, given), "--format", "json", "--lang", lang)
            assert result.stdout == once, (lang, given)
            if given[1] == copy:  # named, as compare names it
                assert Path(copy).name in result.stderr and path.name in result.stderr
        out = tmp_path / f"export-{lang}.csv"  # a folder of one CSV per table
        result = run_cli("export", str(path), str(copy), "--to", str(out), "--force")
        assert result.returncode == 0, result.stderr
        assert Path(copy).name in result.stderr
        with open(out.with_suffix("") / "campaigns.csv", encoding="utf-8-sig") as f:
            assert len(list(csv.DictReader(f))) == 1, lang
        with open(out.with_suffix("") / "kpis.csv", encoding="utf-8-sig") as f:
            assert len(list(csv.DictReader(f))) == 6, lang


# --- export --headers LANG words direction_source and overall_basis too -------------------

WORDED_CODES = {  # (overall_basis of the example: core; direction_source: default, column)
    "zh-CN": ("核心 KPI", "默认（越高越好）", "方向列"),
    "zh-TW": ("核心 KPI", "預設（越高越好）", "方向欄"),
    "en": ("Core KPIs", "Default (higher is better)", "Direction column"),
}


def test_export_headers_word_the_direction_source_and_overall_basis(tmp_path: Path) -> None:
    from retrokit.render.export import header_labels

    path = _example(tmp_path, "zh-CN")
    for lang, (basis, default, column) in WORDED_CODES.items():
        out = tmp_path / f"{lang}.csv"
        result = run_cli("export", str(path), "--to", str(out), "--headers", lang, "--force")
        assert result.returncode == 0, result.stderr
        import csv

        folder = out.with_suffix("")
        with open(folder / "campaigns.csv", encoding="utf-8-sig") as f:
            (campaign,) = list(csv.DictReader(f))
        assert campaign[header_labels("campaigns", lang)["overall_basis"]] == basis  # type: ignore[arg-type]
        with open(folder / "kpis.csv", encoding="utf-8-sig") as f:
            sources = [
                r[header_labels("kpis", lang)["direction_source"]] for r in csv.DictReader(f)
            ]  # type: ignore[arg-type]
        # The cost KPI's direction is typed in its Direction column; the others are defaults.
        assert sorted(set(sources)) == sorted({default, column}), (lang, sources)
    # Without --headers the codes stay, as in JSON.
    out = tmp_path / "codes.csv"
    run_cli("export", str(path), "--to", str(out), "--force")
    text = (out.with_suffix("") / "kpis.csv").read_text("utf-8-sig")
    assert ",default" in text and ",column" in text
    assert ",core" in (out.with_suffix("") / "campaigns.csv").read_text("utf-8-sig")


# --- a due date without a year, when the start date has none either -----------------------

YEARLESS = {  # the start, the end and a due date, each without its year
    "zh-CN": ("7月1日", "7月15日", "7月20日", "也没有写年份"),
    "zh-TW": ("7月1日", "7月15日", "7月20日", "也沒有寫年份"),
    "en": ("July 1", "July 15", "July 20", "has none either"),
}


def test_a_yearless_due_date_says_the_start_has_no_year_when_it_is_there(tmp_path: Path) -> None:
    from builders import example_data, write

    for lang, (start, end, due, says) in YEARLESS.items():
        data = example_data()
        data["info"].update(start=start, end=end)
        data["problems"][0]["due"] = due
        path = write(tmp_path / f"yearless-{lang}.xlsx", data, lang=lang)  # type: ignore[arg-type]
        (finding,) = [f for f in _findings(path, "V002") if f.cell == "G2"]
        text = finding.message()
        # The start's cell and value, and that it has no year either.
        assert says in text and "B3" in text and start in text, (lang, text)
        # Not "the basic info has no start date": it has one.
        assert finding.key == "V002.no_year_start", text


def test_a_yearless_due_date_without_a_start_still_says_there_is_none(tmp_path: Path) -> None:
    from builders import example_data, write

    data = example_data()
    data["info"].update(start=None, end=None)
    data["problems"][0]["due"] = "7月20日"
    path = write(tmp_path / "no-start.xlsx", data)
    keys = {f.key for f in _findings(path, "V002") if f.cell == "G2"}
    assert keys == {"V002.no_year"}


# --- a bare (w) after a metric name is 万, in a name written in Chinese ---------------------

WAN_NAMES = [  # (workbook language, metric, unit read)
    ("zh-CN", "曝光量(w)", "万"),
    ("zh-CN", "曝光量（w）", "万"),
    ("zh-TW", "曝光量(W)", "万"),
    ("zh-TW", "播放量（w次）", "万次"),
    ("en", "Views (w次)", "万次"),  # what follows is a Chinese unit
]
NOT_WAN = [  # English names: weeks, watts or anything but 万
    ("en", "Watch time (w)"),
    ("en", "Duration (W)"),
    ("en", "Impressions (w)"),
    ("zh-CN", "曝光量(wk)"),
]


def _kpi(tmp_path: Path, lang: str, metric: str, target: Any, actual: Any) -> Any:
    from builders import TODAY, example_data, write
    from retrokit.api import analyze_workbook

    data = example_data()
    data["kpis"][0].update(metric=metric, target=target, actual=actual)
    path = write(tmp_path / f"wan-{lang}.xlsx", data, lang=lang)  # type: ignore[arg-type]
    return analyze_workbook(path, today=TODAY).kpis[0]


def test_a_bare_w_after_a_chinese_metric_name_is_wan(tmp_path: Path) -> None:
    for lang, metric, unit in WAN_NAMES:
        # 500 typed bare is 500万; 450万 typed with its multiplier is 450 in that unit.
        for actual in ("450万", "450w", 450):
            k = _kpi(tmp_path, lang, metric, 500, actual)
            assert (k.unit, k.target, k.actual) == (unit, 500, 450), (lang, metric, actual)
            assert round(k.rate, 6) == 0.9 and k.status.value == "met", (lang, metric)


def test_a_w_in_an_english_metric_name_is_no_multiplier(tmp_path: Path) -> None:
    from retrokit.method import unit_of

    for lang, metric in NOT_WAN:
        assert unit_of(metric) is None, metric
        k = _kpi(tmp_path, lang, metric, 10, 12)
        assert (k.unit, k.target, k.actual, k.rate) == (None, 10, 12, 1.2), (lang, metric)
