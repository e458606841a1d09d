"""The plan report's Mermaid charts hold every task as typed: a name beginning with a gantt
keyword (``title sponsor outreach``, ``section banners``, ``excludes weekends: ...``) stays a
task, never the chart's title, a section or a weekend rule; ``:``, ``#``, ``;`` and ``%`` are
kept as entity codes; tasks are grouped under one section per phase; the SVG's tooltip names
the task in full; the review's quadrant chart quotes its labels (Mermaid 10 reads no Chinese
unquoted). The checks read the text we write. The escapes were checked once by hand with
Mermaid 10.9.8 and 11.17.2 (node and jsdom): Mermaid is no dependency of ours, and a test
that skips in CI would prove nothing there."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from builders import write
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.render.plan_report import mermaid_text, render_plan_report
from retrokit.render.report import render
from retrokit.workbook.plan_schema import PHASE, TASKS
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
#: What Mermaid's gantt lexer (10.9 and 11.x) reads as a statement when a line begins with it.
KEYWORD = re.compile(
    r"(gantt|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|"
    r"inclusiveenddates|topaxis|weekday|weekend|title|section|acctitle|accdescr|"
    r"accdescription|click|call|href)(?![a-z0-9_])|\d{4}-\d\d-\d\d|%",
    re.IGNORECASE,
)
#: Twelve names, one per task of the example plan, each of which broke the chart.
NAMES = (
    "title sponsor outreach",
    "section banners print run",
    "excludes weekends: live streams",
    "dateFormat X",
    "SECTION 预热",
    "Gantt review",
    "call center setup",
    "click here; then # 2",
    "accTitle: hidden",
    "2024-07-01 kickoff",
    "5% off; 物料 #1 设计",
    "weekend saturday todayMarker off",
)


def odd_names(book: Book) -> None:
    for row, name in enumerate(NAMES, start=2):
        book.set("tasks", row, "task", name)


def gantt_block(md: str) -> list[str]:
    block = re.search(r"```mermaid\ngantt\n(.*?)```", md, re.S)
    assert block is not None, md
    return block.group(1).splitlines()


def decoded(text: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_named_like_a_gantt_keyword_stays_a_task(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang, odd_names), today=dt.date(2024, 6, 20))
    lines = [x.strip() for x in gantt_block(render_plan_report(plan, "md", lang))]
    statements = [x for x in lines if not x.startswith("section ") and " :" not in x]
    assert statements == ["dateFormat YYYY-MM-DD", f"title {TASKS.name(lang)}"], statements
    tasks = [x for x in lines if " :" in x and ":milestone" not in x]
    assert len(tasks) == len(NAMES)
    names = [x.rsplit(" :", 1)[0].removesuffix(" ★") for x in tasks]
    for name in names:
        assert not KEYWORD.match(name), name
        assert not re.search(r"[:;%]", re.sub(r"#\d+;", "", name)), name
        assert "#" not in re.sub(r"#\d+;", "", name), name
    assert sorted(decoded(x) for x in names) == sorted(NAMES)  # every character kept


def test_a_name_keeps_every_character_as_an_entity_code() -> None:
    assert mermaid_text("Launch: day #1; 50%") == "Launch#58; day #35;1#59; 50#37;"
    assert mermaid_text("  title\n two ") == "#116;itle two"
    assert mermaid_text("Titles of posts") == "Titles of posts"  # no keyword: as typed
    assert mermaid_text("预热 title") == "预热 title"


@pytest.mark.parametrize("lang", LANGS)
def test_tasks_are_grouped_under_a_section_per_phase(tmp_path: Path, lang: Lang) -> None:
    def one_without(book: Book) -> None:
        book.set("tasks", 5, "phase", None)  # T4

    plan = api.analyze_plan(plan_file(tmp_path, lang, one_without), today=dt.date(2024, 6, 20))
    lines = gantt_block(render_plan_report(plan, "md", lang))
    sections = [x.strip().removeprefix("section ") for x in lines if x.startswith("    section ")]
    expected: list[str] = []
    for task in plan.tasks:
        shown = t("plan.no_phase", lang) if task.phase is None else task.phase
        expected += [] if shown in expected else [shown]
    assert [decoded(x) for x in sections] == [
        x if x == t("plan.no_phase", lang) else _phase_label(x, lang) for x in expected
    ]
    # each task under its phase's section; today above every section
    assert lines.index(next(x for x in lines if ":milestone" in x)) < lines.index(
        next(x for x in lines if x.startswith("    section "))
    )
    no_phase = lines.index(f"    section {t('plan.no_phase', lang)}")
    assert ", T4, " in lines[no_phase + 1]


def _phase_label(code: str, lang: Lang) -> str:
    return PHASE.shown(code, lang)


def test_no_section_when_no_task_has_a_phase(tmp_path: Path) -> None:
    def no_phases(book: Book) -> None:
        for row in range(2, 14):
            book.set("tasks", row, "phase", None)

    plan = api.analyze_plan(plan_file(tmp_path, "en", no_phases), today=dt.date(2024, 6, 20))
    lines = gantt_block(render_plan_report(plan, "md", "en"))
    assert not [x for x in lines if "section" in x]
    assert ":milestone" in lines[-1]  # today after the tasks, as before


def test_the_svg_tooltip_names_the_task_in_full(tmp_path: Path) -> None:
    long = "section banners print run for every store of the chain"

    def named(book: Book) -> None:
        book.set("tasks", 2, "task", long)

    plan = api.analyze_plan(plan_file(tmp_path, "en", named), today=dt.date(2024, 6, 20))
    html = render_plan_report(plan, "html", "en")
    assert f"<title>T1 ★ {long}: 2024-06-01 - 2024-06-07</title>" in html
    assert f">{('T1 ★ ' + long)[:28]}</text>" in html  # the label is cut to its column


@pytest.mark.parametrize("lang", LANGS)
def test_the_quadrant_chart_quotes_its_labels(tmp_path: Path, lang: Lang) -> None:
    path = write(tmp_path / "review.xlsx", lang=lang)
    analysis = api.analyze_workbook(path, today=dt.date(2024, 8, 20))
    md = render(analysis, "md", lang)
    block = re.search(r"```mermaid\nquadrantChart\n(.*?)```", md, re.S)
    assert block is not None
    for line in block.group(1).splitlines():
        line = line.strip()
        if line.startswith(("x-axis", "y-axis")):
            assert re.fullmatch(r'[xy]-axis "[^"]+" --> "[^"]+"', line), line
        elif line.startswith("quadrant-"):
            assert re.fullmatch(r'quadrant-[1-4] "[^"]+"', line), line
