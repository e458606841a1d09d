"""What a new user's trial of the reports found (retrokit report X.xlsx -o out.html|md|pptx):
a task ending before it starts broke the Gantt charts, the critical-path caption promised a ★
the charts did not show, severity words and colons stayed English in Chinese reports, a
full-width comma in a root cause came out half-width, and the help of report and analyze
lagged behind what they read and write. Three languages where there are words."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from builders import example_data, write
from conftest import run_cli
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.i18n.languages import language
from retrokit.method import why_chain
from retrokit.method.plan import PlanAnalysis
from retrokit.render.deck_outline import Gantt, outline
from retrokit.render.plan_report import render_plan_report
from retrokit.render.view import review_view
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
SVG = "{http://www.w3.org/2000/svg}"
#: A Mermaid gantt task line as the plan report writes it: a name free of ``:#;%`` (written
#: as entity codes, ``#58;``), its tags, an id, a start date and a whole number of days, at
#: least one.
MERMAID_TASK = re.compile(
    r"    (?:[^:#;%\n]|#\d+;)+ :(crit, )?(done, )?[A-Za-z0-9][\w.\-]*, \d{4}-\d\d-\d\d, "
    r"[1-9]\d*d"
)


# --- 1. a task that ends before it starts, or lacks a date, leaves the charts whole ---------


def awkward_tasks(book: Book) -> None:
    """T7 ends eight days before it starts (V002); T5 has a start but no end; T6 no dates."""
    book.set("tasks", 8, "start", dt.date(2024, 6, 28))
    book.set("tasks", 8, "end", dt.date(2024, 6, 20))
    for row, keep_start in ((6, True), (7, False)):
        book.set("tasks", row, "end", None)
        book.set("tasks", row, "duration", None)
        if not keep_start:
            book.set("tasks", row, "start", None)


def awkward_plan(tmp_path: Path, lang: Lang) -> PlanAnalysis:
    path = plan_file(tmp_path, lang, awkward_tasks)
    return api.analyze_plan(path, today=dt.date(2024, 6, 25))


def svg_bars(html: str) -> list[tuple[str, float]]:
    """Each bar of the Gantt SVG as (its label, its width); the SVG must parse as XML."""
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group())  # type: ignore[union-attr]
    labels = [x.text or "" for x in svg.iter(f"{SVG}text") if x.get("x") == "4"]
    widths = [float(r.get("width", "0")) for r in svg.iter(f"{SVG}rect")]
    assert len(labels) == len(widths)
    return list(zip(labels, widths, strict=True))


def gantt_lines(md: str) -> list[str]:
    block = re.search(r"```mermaid\ngantt\n(.*?)```", md, re.S)
    assert block is not None, md
    return [x for x in block.group(1).splitlines() if " :" in x and "milestone" not in x]


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_ending_before_it_starts_is_left_out_of_the_svg_gantt(
    tmp_path: Path, lang: Lang
) -> None:
    plan = awkward_plan(tmp_path, lang)
    assert any(f.code == "V002" for f in plan.findings)
    bars = svg_bars(render_plan_report(plan, "html", lang))
    ids = [label.split()[0] for label, _ in bars]
    assert ids == ["T1", "T2", "T3", "T4", "T8", "T9", "T10", "T11", "T12"]
    assert all(width > 0 for _, width in bars), bars


@pytest.mark.parametrize("lang", LANGS)
def test_every_mermaid_gantt_line_is_valid_and_the_reversed_task_is_left_out(
    tmp_path: Path, lang: Lang
) -> None:
    plan = awkward_plan(tmp_path, lang)
    md = render_plan_report(plan, "md", lang)
    lines = gantt_lines(md)
    assert len(lines) == 9 and all(MERMAID_TASK.fullmatch(x) for x in lines), lines
    assert not [x for x in lines if re.search(r", (T5|T6|T7), ", x)]
    assert "-" not in "".join(x.rsplit(", ", 1)[1] for x in lines)  # no negative duration
    assert "V002" in md  # the findings still name the task


def test_a_plan_whose_only_dated_task_is_reversed_draws_no_chart_but_says_its_schedule(
    tmp_path: Path,
) -> None:
    def only_reversed(book: Book) -> None:
        book.clear("tasks")
        book.set("tasks", 2, "id", "T1")
        book.set("tasks", 2, "task", "落地页开发")
        book.set("tasks", 2, "start", dt.date(2024, 6, 29))
        book.set("tasks", 2, "end", dt.date(2024, 6, 20))

    plan = api.analyze_plan(plan_file(tmp_path, "zh-CN", only_reversed))
    html = render_plan_report(plan, "html", "zh-CN")
    md = render_plan_report(plan, "md", "zh-CN")
    assert "<svg" not in html and "<rect" not in html
    assert "gantt" not in md and "-9d" not in md and "V002" in md


def test_mermaid_names_and_ids_that_would_break_a_line_are_made_safe(tmp_path: Path) -> None:
    def odd_names(book: Book) -> None:
        book.set("tasks", 2, "task", "调研: 第一轮; #1 %%备注\n第二行")
        book.set("tasks", 3, "id", "T 2,b")
        book.set("tasks", 4, "depends_on", "T 2,b")

    plan = api.analyze_plan(plan_file(tmp_path, "zh-CN", odd_names))
    lines = gantt_lines(render_plan_report(plan, "md", "zh-CN"))
    assert all(MERMAID_TASK.fullmatch(x) for x in lines), lines
    # every character kept, as an entity code Mermaid draws as the character
    assert lines[0].startswith("    调研#58; 第一轮#59; #35;1 #37;#37;备注 第二行 ")
    assert not [f for f in plan.findings if f.code == "P004" and f.row == 4]  # 'T 2,b' is one task


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_gantt_has_no_backward_bar(tmp_path: Path, lang: Lang) -> None:
    plan_path = plan_file(tmp_path, lang, awkward_tasks)
    review = write(tmp_path / "review.xlsx", lang=lang)
    analysis = api.analyze_workbook(review, today=dt.date(2024, 8, 20), plan=plan_path)
    deck = outline(review_view(analysis, lang), plan=analysis.plan)
    charts = [s.chart for x in deck.sections for s in x.slides if isinstance(s.chart, Gantt)]
    assert charts and all(days >= 1 for c in charts for days in c.planned)
    assert len(charts[0].categories) == 9


# --- 2. the ★ the critical path's sentence speaks of is on the chart ------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_critical_tasks_carry_the_star_the_caption_explains(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang), today=dt.date(2024, 6, 25))
    critical = {x.id for x in plan.tasks if x.critical}
    assert critical and len(critical) < len(plan.tasks)
    html = render_plan_report(plan, "html", lang)
    md = render_plan_report(plan, "md", lang)
    caption = t("plan.critical_path", lang, path="", start="", end="", days=0)
    assert "★" in caption
    for text in (html, md):
        assert caption.split("★")[1] in text  # the caption is shown beside the chart
    for label, _ in svg_bars(html):
        assert ("★" in label) == (label.split()[0] in critical), label
    for line in gantt_lines(md):
        task_id = line.split(", ")[-3].split(":")[-1].split()[-1]
        assert (" ★ :" in line) == (task_id in critical), line


# --- 3. severity and colons in the report's language ----------------------------------------

SEVERITY = {
    "zh-CN": ("错误", "警告", "提示"),
    "zh-TW": ("錯誤", "警告", "提示"),
    "en": ("error", "warning", "info"),
}
ACTION_LABEL = {"zh-CN": "改进措施", "zh-TW": "改進措施", "en": "Action"}


@pytest.mark.parametrize("lang", LANGS)
def test_severity_words_come_from_the_catalogue(lang: Lang) -> None:
    words = tuple(t(f"severity.{s}", lang) for s in ("error", "warning", "info"))
    assert words == SEVERITY[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_review_reports_show_severity_and_colons_in_their_language(
    tmp_path: Path, lang: Lang
) -> None:
    review = write(tmp_path / "review.xlsx", lang=lang)
    analysis = api.analyze_workbook(review, today=dt.date(2024, 8, 8))
    html = api.render_report(analysis, "html", lang)
    md = api.render_report(analysis, "md", lang)
    warning = SEVERITY[lang][1]
    assert f'A004 <span class="note">{warning}</span>' in html
    assert f"| A004 {warning} |" in md
    colon = language(lang).colon
    mark = colon.strip()
    assert f"<strong>{ACTION_LABEL[lang]}{mark}</strong>" in html
    if lang != "en":
        for text in (html, md):
            assert not re.search(r"\bwarning\b", text)
            # no ASCII colon after Chinese text or a closing bracket (URLs and CSS aside)
            body = text.split("<body>")[-1]
            assert not re.findall(r"[\u4e00-\u9fff）)]:", body), re.findall(r".{8}[）)]?:", body)


@pytest.mark.parametrize("lang", LANGS)
def test_compare_labels_take_the_language_colon(tmp_path: Path, lang: Lang) -> None:
    first = example_data()
    second = example_data()
    second["info"]["project"] = "2024年双十一活动"
    paths = [
        write(tmp_path / "a.xlsx", first, lang=lang),
        write(tmp_path / "b.xlsx", second, lang=lang),
    ]
    colon = language(lang).colon
    out = run_cli("compare", *map(str, paths), "--lang", lang).stdout
    areas = t("compare.areas", lang)
    assert f"{areas}{colon}" in out, out
    md = run_cli("compare", *map(str, paths), "--lang", lang, "--format", "md").stdout
    assert re.search(rf"\*\*{colon}a\.xlsx", md), md


def test_lint_text_words_its_severities_in_the_runs_language(tmp_path: Path) -> None:
    # The formats people read (text, concise, --statistics) say the severity in the run's
    # language, as analyze and `retrokit rules` do; the machine formats keep the fixed tokens.
    review = write(tmp_path / "review.xlsx")
    for fmt in ("text", "concise"):
        out = run_cli("lint", str(review), "--today", "2024-08-08", "--format", fmt).stdout
        assert "A004 [警告]" in out and "[warning]" not in out, out
        en = run_cli(
            "lint", str(review), "--today", "2024-08-08", "--format", fmt, "--lang", "en"
        ).stdout
        assert "A004 [warning]" in en and "[警告]" not in en, en
        tw = run_cli(
            "lint",
            str(review),
            "--today",
            "2024-08-08",
            "--format",
            fmt,
            "--lang",
            "zh-TW",
            "--statistics",
        ).stdout
        assert "A004 [警告]" in tw and "action-overdue  [警告]" in tw, tw
    machine = {
        "json": '"severity": "warning"',
        "sarif": '"level":"warning"',
        "junit": "A004 [warning]",
        "github": "::warning ",
    }
    for fmt, token in machine.items():
        out = run_cli("lint", str(review), "--today", "2024-08-08", "--format", fmt).stdout
        assert token in out.replace('"level": ', '"level":'), (fmt, out)


# --- 4. the user's text as typed ---------------------------------------------------------------

TYPED = "排期由代理商决定，没有复核（无人跟进）"
CAUSE = f"{TYPED} －＞ 代理商：资源不足 ＞ 没有备选"


def test_a_5_why_chain_splits_on_full_width_arrows_and_keeps_the_steps_as_typed() -> None:
    assert why_chain(CAUSE) == (TYPED, "代理商：资源不足", "没有备选")
    assert why_chain("a ＝＝＞ b ﹣﹥ c ￫ d => e -> f") == ("a", "b", "c", "d", "e", "f")


@pytest.mark.parametrize("lang", LANGS)
def test_a_root_cause_is_shown_as_typed_in_every_output(tmp_path: Path, lang: Lang) -> None:
    data = example_data()
    data["problems"][0]["root_cause"] = CAUSE
    review = write(tmp_path / "review.xlsx", data, lang=lang)
    args = ("--today", "2024-08-08", "--lang", lang)
    proc = run_cli("analyze", str(review), "--format", "json", *args)
    problems = json.loads(proc.stdout)["problems"]
    chain = next(p["why_chain"] for p in problems if p["root_cause"] == CAUSE)
    assert chain == [TYPED, "代理商：资源不足", "没有备选"]
    for suffix in ("html", "md"):
        out = tmp_path / f"r.{suffix}"
        assert run_cli("report", str(review), "-o", str(out), *args).returncode == 0
        assert TYPED in out.read_text(encoding="utf-8")
    deck = tmp_path / "r.pptx"
    assert run_cli("report", str(review), "-o", str(deck), *args).returncode == 0
    from pptx import Presentation

    texts = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
    assert any(TYPED in x for x in texts)
    assert not any("决定,没有复核" in x for x in texts)


# --- 5. help that says what report and analyze take and write ---------------------------------

HELP = {
    "zh-CN": ("PowerPoint 演示文稿", "活动方案"),
    "zh-TW": ("PowerPoint 簡報", "活動方案"),
    "en": ("PowerPoint deck", "campaign plan"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_report_and_analyze_help_name_decks_and_plans(lang: Lang) -> None:
    deck, plan = HELP[lang]
    env = {"RETROKIT_LANG": lang, "COLUMNS": "400"}
    report = run_cli("report", "--help", env=env).stdout
    assert deck in report and plan in report, report
    analyze = run_cli("analyze", "--help", env=env).stdout
    assert plan in analyze, analyze


#: The group tables' "2 / 1 / 0" column says which count is which.
RESULT_COUNTS = {
    "zh-CN": "超额完成 / 基本完成 / 未完成",
    "zh-TW": "超額完成 / 基本完成 / 未完成",
    "en": "Exceeded / Met / Missed",
}


@pytest.mark.parametrize("lang", LANGS)
def test_group_tables_name_the_three_counts_and_unrated_reads_one_way(
    tmp_path: Path, lang: Lang
) -> None:
    review = write(tmp_path / "review.xlsx", lang=lang)
    analysis = api.analyze_workbook(review, today=dt.date(2024, 8, 8))
    md = api.render_report(analysis, "md", lang)
    html = api.render_report(analysis, "html", lang)
    assert f"| {RESULT_COUNTS[lang]} |" in md
    assert f"<th>{RESULT_COUNTS[lang]}</th>" in html
    # one word for a KPI that cannot be rated: the label and the summary agree
    if lang != "en":
        unrated = t("label.unrated", lang)
        assert unrated in t("report.unrated", lang, count=1)
