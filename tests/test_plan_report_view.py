"""The plan's own report as a leader reads it (issue 17, new-user trial): the overview and every
goal first, the risks with their responses and owners, an empty plan that reads as one, a ROI
goal in the form it was written, and a deck that says the critical path's slip as the report
does while its last task is still open. Three languages; the HTML loaded by real Chromium."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, chromium_dom, run_cli
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.method.plan import execution
from retrokit.workbook.plan_schema import GOALS, OVERVIEW, RISKS, TASK_STATUS, TASKS
from retrokit.workbook.schema import LEVEL, Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
TODAY = "2024-07-10"


def report(plan: Path, out: Path, *args: str) -> str:
    proc = run_cli("report", str(plan), "-o", str(out), "--today", TODAY, *args)
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


def md_rows(text: str, first_cell: str) -> list[list[str]]:
    """The cells of the Markdown table rows whose first cell is ``first_cell``."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == first_cell:
            rows.append(cells)
    return rows


def with_unpaced_goal(book: Book) -> None:
    """A seventh goal that the daily monitoring never mentions (no pacing for it)."""
    book.set("goals", 8, "metric", "NPS")
    book.set("goals", 8, "target", 40)
    book.set("goals", 8, "owner", "QA")
    book.set("goals", 8, "path", "survey")


# --- 1: overview, goals, risks --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_opens_with_the_overview_and_every_goal(tmp_path: Path, lang: Lang) -> None:
    plan = plan_file(tmp_path, lang, with_unpaced_goal)
    analysed = api.analyze_plan(plan, today=dt.date.fromisoformat(TODAY))
    md = report(plan, tmp_path / "p.md")
    html = report(plan, tmp_path / "p.html")

    # The overview comes before the schedule, with every filled field.
    assert md.index(f"## {OVERVIEW.name(lang)}") < md.index(f"## {TASKS.name(lang)}")
    for column in OVERVIEW.columns:
        assert md_rows(md, column.label(lang)), column.key
        assert f"<th>{column.label(lang)}</th>" in html
    assert md_rows(md, OVERVIEW.column("owner").label(lang))[0][1] == analysed.info["owner"]

    # Every goal, with every column of the goals sheet as a header.
    assert md.index(f"## {GOALS.name(lang)}") < md.index(f"## {TASKS.name(lang)}")
    header = "| " + " | ".join(c.label(lang) for c in GOALS.columns) + " |"
    assert header in md
    for goal in analysed.goals:
        assert goal.metric in md and goal.metric in html
    (nps,) = [r for r in md.splitlines() if "| NPS |" in r]
    assert "| 40 |" in nps and "| QA |" in nps and "| survey |" in nps
    # The goal without daily rows is named under the pacing, not left out.
    assert t("plan.unpaced", lang, items="NPS") in md
    # The ROI goal was written 1:3: shown 1:3, as the review shows a KPI written so.
    (goal_row,) = [
        r for r in md.splitlines() if "| ROI |" in r and r.count("|") == len(GOALS.columns) + 1
    ]
    assert "| 1:3 |" in goal_row
    # A unit stays with its target, said once: 总费用(万元) | 60, not 60 万元; 600K in English.
    cost = [r for r in md.splitlines() if "(万元) |" in r or "(萬元) |" in r or "600K" in r]
    assert cost and ("| 60 |" in cost[0] or "600K" in cost[0]) and "60 万元" not in cost[0], md


@pytest.mark.parametrize("lang", LANGS)
def test_high_risks_are_listed_with_response_and_owner_first(tmp_path: Path, lang: Lang) -> None:
    plan = plan_file(tmp_path, lang)
    analysed = api.analyze_plan(plan)
    md = report(plan, tmp_path / "p.md")
    html = report(plan, tmp_path / "p.html")
    assert f"### {t('plan.risk_list', lang)}" in md
    assert f"<h3>{t('plan.risk_list', lang)}</h3>" in html
    high = [r for r in analysed.risks if r.level == "high"]
    assert len(high) == 2
    names = {r.risk for r in analysed.risks}
    listed = [  # the list's rows in the report's order (the matrix has four cells a row)
        cells
        for line in md.splitlines()
        if line.startswith("|")
        for cells in [[c.strip() for c in line.strip().strip("|").split("|")]]
        if cells[0] in names and len(cells) == 6
    ]
    order = [LEVEL.label_of(x, lang) for x in ("high", "medium", "low")]
    levels = [c[1] for c in listed]
    assert levels == sorted(levels, key=order.index) and levels[0] == order[0]
    for r in high:
        (cells,) = [c for c in listed if c[0] == r.risk]
        assert cells[1] == LEVEL.label_of("high", lang)
        assert cells[3] == r.response and cells[4] == r.owner
        assert r.response and r.owner and r.response in html and r.owner in html
    heads = [RISKS.column(k).label(lang) for k in ("response", "owner")]
    assert all(h in md for h in heads)


# --- 2: the empty plan ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_plan_reads_as_one(tmp_path: Path, lang: Lang) -> None:
    plan = tmp_path / "p.xlsx"
    assert run_cli("init", str(plan), "--kind", "plan", "--lang", lang).returncode == 0
    md = report(plan, tmp_path / "e.md")
    html = report(plan, tmp_path / "e.html")

    assert md.startswith("# p.xlsx\n")  # the file's name while the project is blank
    assert "```mermaid" not in md and "pie" not in md and "gantt" not in md
    assert "<svg" not in html and "<title>p.xlsx</title>" in html and "<h1>p.xlsx</h1>" in html
    for text in (md, html):
        assert t("plan.schedule_empty", lang) in text
        assert t("plan.budget_empty", lang) in text
        assert t("plan.risks_empty", lang) in text
        assert t("plan.goals_empty", lang) in text
        assert t("plan.pacing_empty", lang) in text
        assert "★" not in text  # no critical path sentence with blank dates
        # No empty tables: the one table is the findings' (the blank required fields).
        tables = text.count("<table") + sum(r.startswith("|---") for r in text.splitlines())
        assert tables <= 1
    assert not re.search(r"^#+ *$", md, re.M)  # no heading without a name

    proc = run_cli("analyze", str(plan), "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "p.xlsx"
    assert t("plan.schedule_empty", lang) in proc.stdout
    assert t("plan.budget_empty", lang) in proc.stdout
    assert t("plan.risks_empty", lang) in proc.stdout
    assert "━" not in proc.stdout  # no empty table heads


def test_the_plan_reports_load_in_chromium(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    assert run_cli("init", str(empty), "--kind", "plan", "--lang", "en").returncode == 0
    report(empty, tmp_path / "empty.html")
    dom = chromium_dom(tmp_path / "empty.html", tmp_path)
    assert "empty.xlsx" in dom and t("plan.schedule_empty", "en") in dom

    plan = plan_file(tmp_path, "zh-CN")
    report(plan, tmp_path / "p.html")
    dom = chromium_dom(tmp_path / "p.html", tmp_path)
    for text in ("项目名称", "2024年夏季促销活动", "达成路径", "1:3", "启用备选 KOL 名单", "<svg"):
        assert text in dom, text


# --- 3: the deck's critical path while its last task is open ---------------------------------


def last_task_open(lang: Lang) -> Any:
    """Two tasks in a chain: T1 done on time, T2 in progress and past its end (6-10)."""

    def edit(book: Book) -> None:
        book.clear("tasks")
        rows = (
            ("T1", "2024-06-01", "2024-06-05", "-", "done", "2024-06-05"),
            ("T2", "2024-06-06", "2024-06-10", "T1", "in_progress", None),
        )
        for row, (tid, start, end, deps, status, finished) in enumerate(rows, start=2):
            book.set("tasks", row, "id", tid)
            book.set("tasks", row, "task", f"Task {tid}")
            book.set("tasks", row, "owner", "Lead")
            book.set("tasks", row, "start", dt.date.fromisoformat(start))
            book.set("tasks", row, "end", dt.date.fromisoformat(end))
            book.set("tasks", row, "depends_on", deps)
            book.set("tasks", row, "status", TASK_STATUS.label_of(status, lang))
            if finished:
                book.set("tasks", row, "finished", dt.date.fromisoformat(finished))

    return edit


def slide_text(slide: Any) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_says_the_paths_slip_so_far_as_the_report_does(tmp_path: Path, lang: Lang) -> None:
    pytest.importorskip("pptx")
    from pptx import Presentation

    from retrokit.render.deck import render_deck

    plan = plan_file(tmp_path, lang, last_task_open(lang))
    today = dt.date(2024, 6, 20)
    review_file = (
        ROOT
        / "examples"
        / ("summer-promo-2024.en.xlsx" if lang == "en" else "summer-promo-2024.xlsx")
    )
    review = api.analyze_workbook(review_file, today=today, plan=plan)
    assert review.plan is not None
    done = execution(review.plan)
    assert (done.slip, done.slip_task) == (10, "T2")

    out = tmp_path / "d.pptx"
    out.write_bytes(render_deck(review, lang, plan=review.plan))
    prs = Presentation(str(out))
    (summary,) = [
        s
        for s in prs.slides
        if s.shapes.title is not None
        and s.shapes.title.text_frame.text == t("deck.schedule_summary", lang)
    ]
    said = t("deck.note.path_slip_open", lang, days=10, task="T2 Task T2")
    text, notes = slide_text(summary), summary.notes_slide.notes_text_frame.text
    assert said in text and said in notes
    finished_late = t("deck.note.path_slip", lang, days=10)
    assert finished_late not in text and finished_late not in notes
    # The same slip and task as the report's 执行过程 and `analyze`.
    md = api.render_report(review, "md", lang)
    sentence = t("report.path_slip.late", lang, path="T1 → T2", days=10, task="T2")
    assert sentence in md


@pytest.mark.parametrize("lang", LANGS)
def test_a_finished_path_still_says_it_finished_late(tmp_path: Path, lang: Lang) -> None:
    def edit(book: Book) -> None:
        last_task_open(lang)(book)
        book.set("tasks", 3, "status", TASK_STATUS.label_of("done", lang))
        book.set("tasks", 3, "finished", dt.date(2024, 6, 14))

    from retrokit.render.deck_plan import _path_said

    plan = api.analyze_plan(plan_file(tmp_path, lang, edit), today=dt.date(2024, 6, 20))
    said = _path_said(plan, lang)
    assert said.startswith(t("deck.note.path_slip", lang, days=4))


# --- 4: ROI in the review's convention -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_roi_follows_the_form_the_goal_was_written_in(tmp_path: Path, lang: Lang) -> None:
    """A goal written 1:3 is shown 1:3 in the plan's report and terminal, as the review shows
    its KPI; a goal written as a plain 3 stays 3; budget lines' computed ROI is written 1:x
    in the review, the one form of ROI across its plan sections (the KPI table's)."""
    ratio = report(plan_file(tmp_path, lang), tmp_path / "r.md")
    (paced,) = [r for r in ratio.splitlines() if r.startswith("| ROI |") and "/" in r]
    # Days 1-10 of 15 by --today: the spend-weighted ROI so far, to two decimals.
    assert paced.split("|")[2:5] == [" 1:3 ", " 1:2.25 ", " 1:2.25 "]
    proc = run_cli("analyze", str(plan_file(tmp_path, lang)), "--today", TODAY)
    assert re.search(r"ROI +│ 1:3 +│ 1:2\.25 +│ 1:2\.25", proc.stdout), proc.stdout

    def plain(book: Book) -> None:
        book.sheet("goals")["E4"].number_format = "General"

    plain_md = report(plan_file(tmp_path, lang, plain, "plain.xlsx"), tmp_path / "p.md")
    (paced,) = [r for r in plain_md.splitlines() if r.startswith("| ROI |") and "/" in r]
    # the budget lines' computed ROI is written 1:x, as in the review's 预算执行
    lines_table = re.search(rf"### {t('report.budget_lines', lang)}\n.*?\n## ", plain_md, re.S)
    assert lines_table is not None and "| 1:3.00 |" in lines_table.group()
    goals_only = plain_md.replace(lines_table.group(), "")
    assert paced.split("|")[2] == " 3 " and "1:" not in goals_only

    review = (
        ROOT
        / "examples"
        / ("summer-promo-2024.en.xlsx" if lang == "en" else "summer-promo-2024.xlsx")
    )
    proc = run_cli(
        "report", str(review), "--plan", str(plan_file(tmp_path, lang)), "-o", "-", "--format", "md",
        "--today", "2024-08-08", "--lang", lang,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"\| ROI \|[^\n]*\| 1:3 \| 1:2\.2 \|", proc.stdout)  # the KPI row
    assert re.search(
        r"\| 72万 \| 1:3\.00 \||\| 720K \| 1:3\.00 \||\| 72萬 \| 1:3\.00 \|", proc.stdout
    )  # a line, in its column's one precision (1:3.00 beside 1:1.69)
