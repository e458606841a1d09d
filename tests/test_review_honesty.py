"""The review's conclusions stay honest when KPIs cannot be rated, and compare's small wording
fixes (a new-user trial): no "every core KPI was reached" while core actuals are blank or
unreadable, in every output; titles that do not say 复盘 twice; 1万人 without a space; no
dangling comma; an empty effects table says "none"."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from builders import example_data, write
from conftest import chromium_dom, run_cli
from retrokit import api
from retrokit.i18n import t
from retrokit.render import display, terminal
from retrokit.render.report import render
from retrokit.render.view import compare_view, review_title, review_view

TODAY = dt.date(2024, 8, 8)
LANGS = ("zh-CN", "zh-TW", "en")


def _core_book(tmp_path: Path, lang: Any = "zh-CN", *, all_unrated: bool = False) -> Path:
    """Three core KPIs: one at 120% (unless all_unrated), one blank actual, one 待统计."""
    data = example_data()
    for k in data["kpis"]:
        k["core"] = "否"
    data["kpis"][0].update(core="是", actual=None if all_unrated else 6_000_000)
    data["kpis"][4].update(core="是", actual=None)
    data["kpis"][5].update(core="是", actual="待统计")
    if all_unrated:  # another campaign: compare uses one campaign given twice once
        data["info"]["project"] = f"{data['info']['project']} (2)"
    return write(tmp_path / f"core.{lang}.xlsx", data, lang=lang)


def _terminal(analysis: Any, lang: Any) -> str:
    out = io.StringIO()
    terminal.render(analysis, lang, out, width=160)
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_core_kpis_without_a_rating_are_never_all_met(tmp_path: Path, lang: Any) -> None:
    analysis = api.analyze_workbook(_core_book(tmp_path, lang), today=TODAY)
    view = review_view(analysis, lang)
    ok = t("report.core_ok", lang)
    partial = t("report.overall_partial.core", lang, rated=1, total=3)
    assert view.overall.endswith(partial)
    assert ok not in view.core_line
    assert view.core_unrated == 2
    names = [k.name for k in view.kpis if k.core and k.status == "unrated"]
    assert len(names) == 2 and all(name in view.core_line for name in names)
    for text in (render(analysis, "md", lang), render(analysis, "html", lang)):
        assert ok not in text and partial in text
    shown = _terminal(analysis, lang)
    assert ok not in shown and partial in shown and view.core_line in shown


@pytest.mark.parametrize("lang", LANGS)
def test_all_core_kpis_unrated_says_the_rate_cannot_be_computed(tmp_path: Path, lang: Any) -> None:
    analysis = api.analyze_workbook(_core_book(tmp_path, lang, all_unrated=True), today=TODAY)
    view = review_view(analysis, lang)
    assert view.overall == ""
    names = [k.name for k in view.kpis if k.core]
    sep = "、" if lang != "en" else ", "
    assert view.core_line == t("report.core_all_unrated", lang, count=3, metrics=sep.join(names))
    assert view.core_line in _terminal(analysis, lang)


def test_the_deck_says_how_many_core_kpis_are_unrated(tmp_path: Path) -> None:
    pptx = pytest.importorskip("pptx")
    book = _core_book(tmp_path)
    out = tmp_path / "d.pptx"
    proc = run_cli("report", str(book), "-o", str(out), "--today", "2024-08-08")
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(
        shape.text_frame.text
        for slide in pptx.Presentation(str(out)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "核心指标全部达成" not in text
    assert "2 个核心指标无法评估" in text


def test_the_html_page_in_chromium_says_it(tmp_path: Path) -> None:
    book = _core_book(tmp_path)
    page = tmp_path / "r.html"
    proc = run_cli("report", str(book), "-o", str(page), "--today", "2024-08-08")
    assert proc.returncode == 0, proc.stderr
    dom = chromium_dom(page, tmp_path)
    assert "核心指标全部达成" not in dom
    assert "2 个核心指标无法评估" in dom
    assert "（仅计入可评估的 1/3 个核心指标）" in dom


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_misses_list_says_some_kpis_were_not_rated(tmp_path: Path, lang: Any) -> None:
    data = example_data()
    data["kpis"][0]["actual"] = 6_000_000  # exceeded; every other actual blank
    for k in data["kpis"][1:]:
        k["actual"] = None
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx", data, lang=lang), today=TODAY)
    view = review_view(analysis, lang)
    assert not view.misses and view.none_unrated == t("report.none_unrated", lang, count=5)
    for fmt in ("md", "html"):
        assert view.none_unrated in render(analysis, fmt, lang)


def test_the_worked_example_keeps_its_plain_lines(tmp_path: Path) -> None:
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx"), today=TODAY)
    view = review_view(analysis, "zh-CN")
    assert view.core_unrated == 0 and view.none_unrated == ""
    assert view.overall == "核心目标达成率 80.0%"


@pytest.mark.parametrize(
    ("project", "lang", "title"),
    [
        ("双11大促复盘", "zh-CN", "双11大促复盘报告"),
        ("雙11大促復盤", "zh-TW", "雙11大促復盤報告"),
        ("双11大促复盘", "en", "双11大促复盘: report"),
        ("Q3 Retrospective", "en", "Q3 Retrospective: report"),
        ("Summer review", "en", "Summer review: report"),
        ("双11复盘报告", "zh-CN", "双11复盘报告"),
        ("Summer review report", "en", "Summer review report"),
        ("Product preview", "en", "Product preview: retrospective"),
        ("夏季促销", "zh-CN", "夏季促销 复盘报告"),
        ("夏季促銷", "zh-TW", "夏季促銷 復盤報告"),
    ],
)
def test_a_title_says_review_once(project: str, lang: Any, title: str) -> None:
    assert review_title(project, lang) == title


def test_the_report_title_in_every_format(tmp_path: Path) -> None:
    data = example_data()
    data["info"]["project"] = "双11大促复盘"
    analysis = api.analyze_workbook(write(tmp_path / "a.xlsx", data), today=TODAY)
    assert render(analysis, "md", "zh-CN").startswith("# 双11大促复盘报告\n")
    assert "<title>双11大促复盘报告</title>" in render(analysis, "html", "zh-CN")


class _People:
    unit = "人"
    form = "plain"
    target = 10_000.0
    actual = 20_000.0
    gap = 10_000.0


class _Money:
    unit = "万元"
    form = "plain"
    target = 12.0
    actual = 10.0
    gap = -2.0


def test_a_scaled_number_and_its_unit_are_one_word_in_chinese() -> None:
    assert display.quantity(10_000, _People(), "zh-CN") == "1万人"
    assert display.quantity(10_000, _People(), "zh-TW") == "1萬人"
    assert display.quantity(20_000, _People(), "en") == "20K 人"
    # A plain number keeps its space before a unit.
    assert display.quantity(12, _Money(), "zh-CN") == "12 万元"


def _two_campaigns(tmp_path: Path, *, second_unrated: bool, metric: bool = True) -> Path:
    folder = tmp_path / "camp"
    folder.mkdir()
    a = example_data()
    if not metric:
        for p in a["problems"]:
            p["metric"] = None
    write(folder / "a.xlsx", a)
    b = example_data()
    b["info"].update(project="第二期", start=dt.datetime(2024, 9, 1), end=dt.datetime(2024, 9, 15))
    if second_unrated:
        for k in b["kpis"]:
            k["actual"] = None
    if not metric:
        for p in b["problems"]:
            p["metric"] = None
    write(folder / "b.xlsx", b)
    return folder


@pytest.mark.parametrize("lang", LANGS)
def test_an_effect_without_a_verdict_ends_without_a_comma(tmp_path: Path, lang: str) -> None:
    folder = _two_campaigns(tmp_path, second_unrated=True)
    proc = run_cli("compare", str(folder), "--lang", lang, "--today", "2024-10-01")
    assert proc.returncode == 0, proc.stderr
    effects = [x for x in proc.stdout.splitlines() if x.startswith(t("compare.effects", lang))]
    assert effects
    for line in effects:
        assert not line.rstrip().endswith((",", "，")), line


@pytest.mark.parametrize("lang", LANGS)
def test_no_effects_say_none_in_html_and_markdown(tmp_path: Path, lang: Any) -> None:
    folder = _two_campaigns(tmp_path, second_unrated=False, metric=False)
    for fmt in ("html", "md"):
        out = tmp_path / f"c.{fmt}"
        proc = run_cli("compare", str(folder), "--lang", lang, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        text = out.read_text(encoding="utf-8")
        effects = text.split(t("compare.effects", lang))[1]
        assert t("report.none", lang) in effects
        assert t("compare.before", lang) not in effects


@pytest.mark.parametrize("lang", LANGS)
def test_compare_names_the_core_kpis_it_could_not_rate(tmp_path: Path, lang: Any) -> None:
    folder = tmp_path / "camp"
    folder.mkdir()
    _core_book(folder, lang)  # one core KPI exceeded, two unrated: none missed
    all_unrated = _core_book(tmp_path, lang, all_unrated=True)
    all_unrated.rename(folder / "second.xlsx")
    proc = run_cli("compare", str(folder), "--lang", lang, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert sorted(len(c["core_unrated"]) for c in data["campaigns"]) == [2, 3]
    view = compare_view(data, lang)
    cells = sorted(c.core_missed for c in view.campaigns)
    assert cells == sorted(t("compare.core_unrated", lang, count=n) for n in (2, 3))
    for fmt in ("md", "html"):
        out = tmp_path / f"c.{fmt}"
        assert run_cli("compare", str(folder), "--lang", lang, "-o", str(out)).returncode == 0
        text = out.read_text(encoding="utf-8")
        assert all(cell in text for cell in cells)


def test_a_campaign_with_missed_and_unrated_core_kpis_says_both() -> None:
    from retrokit.render.view import _core_missed

    campaign = {"core_missed": ["销售额"], "core_unrated": ["新增注册用户"]}
    assert _core_missed(campaign, "、", "zh-CN") == "销售额（另有 1 个核心指标无法评估）"
    assert _core_missed({"core_missed": ["Sales"]}, ", ", "en") == "Sales"
