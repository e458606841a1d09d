"""The deck with a plan: phases, strategy, execution against plan and ROI per budget line,
read back with python-pptx, fitted to the slide, in three languages, and opened by LibreOffice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, libreoffice_convert
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.method.plan import PlanAnalysis, finish_slip
from retrokit.render import display
from retrokit.render.deck_plan import serial
from retrokit.workbook.plan_schema import BUDGET_CATEGORY, PHASE, TASK_STATUS
from test_deck import _outside, _pdf_pages, _runs_without_ea, charts, notes, titles

pptx = pytest.importorskip("pptx")
from pptx import Presentation  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402

TODAY = dt.date(2024, 8, 8)
LANGS = ("zh-CN", "zh-TW", "en")
REVIEW = {
    "zh-CN": ROOT / "examples" / "summer-promo-2024.xlsx",
    "zh-TW": ROOT / "examples" / "summer-promo-2024.xlsx",  # read in zh-CN, shown in zh-TW
    "en": ROOT / "examples" / "summer-promo-2024.en.xlsx",
}


def plan_deck(plan: Path, out: Path, lang: str = "zh-CN") -> tuple[Any, PlanAnalysis]:
    """The deck as `report --plan` builds it: the review analysed, the plan analysed, both in."""
    from retrokit.render.deck import render_deck

    review = api.analyze_workbook(REVIEW[lang], today=TODAY)
    analysed = api.analyze_plan(plan, today=TODAY)
    out.write_bytes(render_deck(review, lang, presenter="张经理", plan=analysed))  # type: ignore[arg-type]
    return Presentation(str(out)), analysed


def tables(prs: Any, title: str, lang: str = "zh-CN") -> list[Any]:
    """The tables of the slide titled ``title`` and of its continuations, in order."""
    names = {title, t("deck.continued", lang, title=title)}  # type: ignore[arg-type]
    return [
        sh.table
        for slide in prs.slides
        if slide.shapes.title.text_frame.text in names
        for sh in slide.shapes
        if sh.has_table
    ]


def cells(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_plan_adds_phases_strategy_execution_and_roi(tmp_path: Path) -> None:
    prs, _ = plan_deck(plan_file(tmp_path), tmp_path / "d.pptx")
    assert titles(prs) == [
        "2024年夏季促销活动 复盘报告",
        "目录",
        "01 项目概述",
        "基本信息",
        "核心目标",
        "阶段与里程碑",
        "02 策略回顾",
        "核心策略与传播主题",
        "渠道组合（计划预算占比）",
        "03 执行过程",
        "排期与关键路径",
        "甘特图（计划与实际）",
        "排期执行（计划与实际）",
        "预算执行（计划与实际）",
        "分类预算执行",
        "风险预案与应对",
        "04 成果数据",
        "整体达成",
        "KPI 达成情况",
        "各 KPI 达成率",
        "各预算项 ROI",
        "预算项投入产出",
        "05 挑战与经验",
        "问题与根因",
        "成功经验",
        "改进教训",
        "06 改进建议",
        "改进行动（按优先级）",
        "影响 × 难度矩阵",
    ]
    contents = prs.slides[1].placeholders[1].text_frame.text.splitlines()
    assert contents == [
        "01 项目概述",
        "02 策略回顾",
        "03 执行过程",
        "04 成果数据",
        "05 挑战与经验",
        "06 改进建议",
    ]
    for slide in prs.slides:
        assert notes(slide).strip()
    said = "\n".join(notes(s) for s in prs.slides)
    # what a presenter says: the path's slip, the overrun, the best and worst return
    assert "T6 物料生产与备货 晚了 2 天，后续已追回，关键路径按期完成。" in said
    assert "超支 12万" in said and "超出计划最多的是广告投放" in said
    assert "ROI 1:3" in said and "整体 ROI（归因收入合计 ÷ 全部实际花费）为 1:2.22" in said


def test_the_strategy_comes_from_the_plan_overview(tmp_path: Path) -> None:
    prs, plan = plan_deck(plan_file(tmp_path), tmp_path / "d.pptx")
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "核心策略与传播主题")
    assert slide.placeholders[1].text_frame.text.splitlines() == [
        f"核心策略：{plan.info['strategy']}",
        f"渠道组合：{plan.info['channels']}",
        f"传播主题：{plan.info['theme']}",
    ]
    basic = next(s for s in prs.slides if s.shapes.title.text_frame.text == "基本信息")
    assert f"项目背景：{plan.info['background']}" in basic.placeholders[1].text_frame.text


def test_charts_equal_the_plan_analysis(tmp_path: Path) -> None:
    prs, plan = plan_deck(plan_file(tmp_path), tmp_path / "d.pptx")
    found = charts(prs)
    mix, gantt, budget, roi = found[0], found[1], found[2], found[-2]
    b = plan.budget
    assert mix.chart_type == XL_CHART_TYPE.PIE
    # amounts in the scale the tables write them (48万), the suffix in the number format
    shown, money = display.chart_amounts([g.planned for g in b.by_channel], "zh-CN")
    assert list(mix.series[0].values) == list(shown)
    assert mix.plots[0].data_labels.number_format == money == 'General"万"'
    assert list(mix.plots[0].categories) == [g.name or "未指定" for g in b.by_channel]

    assert gantt.chart_type == XL_CHART_TYPE.BAR_STACKED
    starts, days, late = (list(x.values) for x in gantt.series)
    assert starts == [serial(x.start) for x in plan.tasks if x.start]
    assert days == [(x.end - x.start).days + 1 for x in plan.tasks if x.start and x.end]
    assert late == [max(finish_slip(x, TODAY) or 0, 0) for x in plan.tasks]
    assert late[5] == 2  # T6 finished two days after its planned end
    assert list(gantt.plots[0].categories)[5] == "T6 物料生产与备货"
    critical = [str(p.format.fill.fore_color.rgb) for i, p in enumerate(gantt.series[1].points)
                if plan.tasks[i].critical]  # fmt: skip
    assert set(critical) == {"C0392B"}
    assert gantt.value_axis.tick_labels.number_format == "m/d"

    assert budget.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(budget.plots[0].categories) == [
        BUDGET_CATEGORY.label_of(g.name, "zh-CN") for g in b.by_category
    ]
    planned, actual = budget.series
    assert (planned.name, actual.name) == ("计划金额", "实际花费")
    amounts = [g.planned for g in b.by_category] + [g.actual for g in b.by_category]
    shown, money = display.chart_amounts(amounts, "zh-CN")
    assert list(planned.values) + list(actual.values) == list(shown)
    assert budget.value_axis.tick_labels.number_format == money
    # ads spent 167% of plan: its actual bar is red, the others the series' blue
    assert str(planned.format.fill.fore_color.rgb) == "90A4AE"
    assert str(actual.format.fill.fore_color.rgb) == "1565C0"
    assert str(actual.points[1].format.fill.fore_color.rgb) == "C62828"

    assert roi.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    ranked = [x for x in b.lines if x.category != "contingency"]  # the reserve is not ranked
    assert list(roi.series[0].values) == pytest.approx([round(x.roi, 2) for x in ranked])
    assert roi.plots[0].data_labels.number_format == '"1:"0.00'  # 1:1.80, as the table
    assert list(roi.plots[0].categories) == [x.item for x in ranked]


def test_the_schedule_table_is_planned_against_actual(tmp_path: Path) -> None:
    prs, plan = plan_deck(plan_file(tmp_path), tmp_path / "d.pptx")
    (table,) = tables(prs, "排期执行（计划与实际）")
    rows = cells(table)
    assert rows[0] == [
        "编号",
        "任务名称",
        "阶段",
        "负责人",
        "计划起止",
        "实际完成",
        "延误(天)",
        "状态",
    ]
    assert [r[0] for r in rows[1:]] == [x.id + (" ★" if x.critical else "") for x in plan.tasks]
    t6 = next(r for r in rows if r[0] == "T6 ★")
    assert t6[4:7] == ["6/23–6/30", "7/2", "+2"]
    assert t6[7] == TASK_STATUS.label_of("done", "zh-CN")
    late = next(x for x in plan.tasks if x.id == "T6")
    assert finish_slip(late, TODAY) == 2
    summary = next(s for s in prs.slides if s.shapes.title.text_frame.text == "排期与关键路径")
    assert summary.placeholders[1].text_frame.text.splitlines() == [
        "计划 12 项任务，6/1 至 7/19，共 49 天",
        "关键路径（★）：" + " → ".join(plan.schedule.critical_path) + "。另有 T7 也没有余量。",
        "已完成 12 项：按期 11 项，延期 1 项",
        # one sentence: not "on time" beside "late" (a slip made up later)
        "T6 物料生产与备货 晚了 2 天，后续已追回，关键路径按期完成。",
    ]
    (phases,) = tables(prs, "阶段与里程碑")
    assert [r[0] for r in cells(phases)[1:]] == [c.label("zh-CN") for c in PHASE.choices]


@pytest.mark.parametrize("lang", LANGS)
def test_three_languages_with_east_asian_typefaces(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "d.pptx"
    prs, _ = plan_deck(plan_file(tmp_path, lang), out, lang)  # type: ignore[arg-type]
    shown = titles(prs)
    for key in ("deck.phases", "deck.strategy", "deck.schedule", "deck.budget", "deck.roi",
                "deck.schedule_summary", "deck.risks", "deck.channel_mix", "deck.gantt"):  # fmt: skip
        assert t(key, lang) in shown  # type: ignore[arg-type]
    for key in ("deck.s.strategy", "deck.s.execution"):
        assert any(s.endswith(t(key, lang)) for s in shown)  # type: ignore[arg-type]
    assert _runs_without_ea(out.read_bytes()) == []
    assert _outside(prs) == []
    for slide in prs.slides:
        assert notes(slide).strip()


def test_a_plan_without_schedule_budget_or_risks_leaves_execution_out(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        for key in ("tasks", "budget", "risks"):
            book.clear(key)

    prs, _ = plan_deck(plan_file(tmp_path, edit=edit), tmp_path / "d.pptx")
    shown = titles(prs)
    assert not any("执行过程" in s or "ROI" in s or "阶段" in s for s in shown)
    contents = prs.slides[1].placeholders[1].text_frame.text.splitlines()
    assert contents == ["01 项目概述", "02 策略回顾", "03 成果数据", "04 挑战与经验", "05 改进建议"]
    assert "03 成果数据" in shown


def test_the_same_plan_gives_the_same_bytes(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    plan_deck(plan, tmp_path / "a.pptx")
    plan_deck(plan, tmp_path / "b.pptx")
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()


LONG_ZH = "物料延误导致上线推迟，" * 30  # 300 characters
LONG_EN = ("The launch waited for a supplier who had promised the boxes a week earlier. " * 5)[:300]


def big_plan(tmp: Path, lang: str, tasks: int = 200) -> Path:
    """200 tasks, 40 budget lines and 300-character cells wherever people write text."""
    long = LONG_EN if lang == "en" else LONG_ZH

    def edit(book: Book) -> None:
        for key in ("tasks", "budget"):
            book.clear(key)
        for key in ("strategy", "channels", "theme", "background"):
            book.set("overview", 0, key, long)
        start = dt.date(2024, 6, 1)
        book.set("overview", 0, "end", start + dt.timedelta(days=220))
        for i in range(tasks):
            row, day = i + 2, start + dt.timedelta(days=i)
            values = {
                "id": f"T{i + 1}",
                "task": long if i % 7 == 0 else f"Task {i + 1}",
                "phase": PHASE.choices[i * 6 // tasks].label(lang),  # type: ignore[arg-type]
                "owner": long if i == 3 else "Lead",
                "start": day,
                "end": day + dt.timedelta(days=1),
                "duration": 2,
                "depends_on": f"T{i}" if i else None,
                "status": TASK_STATUS.choices[2].label(lang),  # type: ignore[arg-type]
                "finished": day + dt.timedelta(days=1 + i % 3),
            }
            for column, value in values.items():
                book.set("tasks", row, column, value)
        for i in range(40):
            row = i + 2
            category = BUDGET_CATEGORY.choices[i % 7].label(lang)  # type: ignore[arg-type]
            for column, value in {
                "category": category,
                "item": long if i % 5 == 0 else f"Line {i + 1}",
                "channel": f"C{i % 9}",
                "planned": 10_000 + i,
                "actual": 9_000 + 200 * i,
                "revenue": 5_000 + 1_000 * i,
            }.items():
                book.set("budget", row, column, value)
        book.set("risks", 2, "risk", long)
        book.set("risks", 2, "response", long)

    return plan_file(tmp, lang, edit=edit)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_two_hundred_tasks_and_long_cells_stay_inside_the_slide(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "big.pptx"
    prs, plan = plan_deck(big_plan(tmp_path, lang), out, lang)
    assert len(plan.tasks) == 200 and len(plan.budget.lines) == 40
    assert _outside(prs) == []
    assert _runs_without_ea(out.read_bytes()) == []
    shown = titles(prs)
    schedule = t("deck.schedule", lang)  # type: ignore[arg-type]
    assert t("deck.continued", lang, title=schedule) in shown  # type: ignore[arg-type]
    parts = tables(prs, schedule, lang)
    assert len(parts) > 1
    header = cells(parts[0])[0]
    ids = []
    for table in parts:
        rows = cells(table)
        assert rows[0] == header  # the header repeats
        ids += [r[0].removesuffix(" ★") for r in rows[1:]]
    assert ids == [f"T{i}" for i in range(1, 201)]
    # the ROI of 40 lines runs over bar charts of at most 20, values as analysed
    roi = t("deck.roi", lang)  # type: ignore[arg-type]
    assert t("deck.continued", lang, title=roi) in shown  # type: ignore[arg-type]
    bars = [
        c
        for s in prs.slides
        if s.shapes.title.text_frame.text.startswith(roi)
        for c in (sh.chart for sh in s.shapes if sh.has_chart)
    ]
    values = [v for c in bars for v in c.series[0].values]
    ranked = [x for x in plan.budget.lines if x.category != "contingency"]
    assert values == pytest.approx([round(x.roi, 2) for x in ranked])
    # 9 channels: the pie keeps the 7 largest and the other 2 as one slice
    mix = next(c for c in charts(prs) if c.chart_type == XL_CHART_TYPE.PIE)
    planned = [g.planned for g in plan.budget.by_channel]
    sliced = display.chart_amounts([*planned[:7], sum(planned[7:])], lang)[0]
    assert list(mix.series[0].values) == list(sliced)
    assert mix.plots[0].categories[-1] == t("deck.other_channels", lang, count=2)  # type: ignore[arg-type]
    # long text is shortened on the slide, in full in the notes
    long = LONG_EN if lang == "en" else LONG_ZH
    said = "\n".join(notes(s) for s in prs.slides)
    assert long in said
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                assert all(len(c.text) < 300 for r in shape.table.rows for c in r.cells)
            elif shape.has_text_frame and lang != "en":  # 300 Latin letters fit 4 lines
                assert long not in shape.text_frame.text


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_libreoffice_shows_one_page_per_slide_with_a_plan(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "d.pptx"
    prs, _ = plan_deck(plan_file(tmp_path, lang), out, lang)  # type: ignore[arg-type]
    pdf = libreoffice_convert(out, tmp_path / "pdf", "pdf")
    assert _pdf_pages(pdf) == len(prs.slides)


@pytest.mark.e2e
def test_libreoffice_opens_the_two_hundred_task_deck(tmp_path: Path) -> None:
    out = tmp_path / "big.pptx"
    prs, _ = plan_deck(big_plan(tmp_path, "zh-CN"), out)
    pdf = libreoffice_convert(out, tmp_path / "pdf", "pdf")
    assert _pdf_pages(pdf) == len(prs.slides)


def test_the_plan_modules_load_only_with_a_plan() -> None:
    import subprocess
    import sys

    code = (
        "import sys, retrokit.render.deck, retrokit.render.deck_outline\n"
        "print(sorted(m for m in sys.modules if 'plan' in m))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_a_gantt_of_thirty_tasks_continues_on_a_second_slide(tmp_path: Path) -> None:
    prs, plan = plan_deck(big_plan(tmp_path, "zh-CN", tasks=30), tmp_path / "g.pptx")
    assert _outside(prs) == []
    shown = titles(prs)
    assert shown.count("甘特图（计划与实际）") == 1 and "甘特图（计划与实际）（续）" in shown
    gantts = [c for c in charts(prs) if c.chart_type == XL_CHART_TYPE.BAR_STACKED]
    assert [len(c.plots[0].categories) for c in gantts] == [20, 10]
    starts = [v for c in gantts for v in c.series[0].values]
    assert starts == [serial(x.start) for x in plan.tasks if x.start]
    # every part keeps the whole campaign's date axis, so bars line up across slides
    assert {(c.value_axis.minimum_scale, c.value_axis.maximum_scale) for c in gantts} == {
        (gantts[0].value_axis.minimum_scale, gantts[0].value_axis.maximum_scale)
    }


def test_a_plan_without_strategy_or_channels_leaves_the_strategy_out(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        for key in ("strategy", "channels", "theme"):
            book.set("overview", 0, key, None)
        for row in range(2, 6):
            book.set("budget", row, "channel", None)

    prs, _ = plan_deck(plan_file(tmp_path, edit=edit), tmp_path / "d.pptx")
    contents = prs.slides[1].placeholders[1].text_frame.text.splitlines()
    assert contents == ["01 项目概述", "02 执行过程", "03 成果数据", "04 挑战与经验", "05 改进建议"]
    assert "02 执行过程" in titles(prs)


def test_the_plan_sections_fit_a_supplied_4_3_master(tmp_path: Path) -> None:
    from retrokit.render.deck import render_deck
    from test_deck import _master

    master = _master(tmp_path / "acme.pptx")
    review = api.analyze_workbook(REVIEW["zh-CN"], today=TODAY)
    plan = api.analyze_plan(big_plan(tmp_path, "zh-CN", tasks=30), today=TODAY)
    out = tmp_path / "d.pptx"
    out.write_bytes(render_deck(review, "zh-CN", template=master, plan=plan))
    prs = Presentation(str(out))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert all(s.slide_layout.name.startswith("ACME ") for s in prs.slides)
    assert _outside(prs) == []
    assert "甘特图（计划与实际）" in titles(prs)
