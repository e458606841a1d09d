"""Plans as a team leaves them half done: blank required cells, a task waiting for itself,
a task ending before it starts, two tasks with one id. Each is a finding with its cell."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import run_cli
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.findings import Finding

TODAY = dt.date(2024, 8, 8)
LANGS = ("zh-CN", "zh-TW", "en")


def found(path: Path) -> list[Finding]:
    return list(api.lint_paths([path], today=TODAY, jobs=1))


@pytest.mark.parametrize("lang", LANGS)
def test_a_blank_plan_template_fails_lint_on_its_overview(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "plan.xlsx"
    assert run_cli("init", str(path), "--kind", "plan", "--lang", lang).returncode == 0
    proc = run_cli("lint", str(path), "--lang", lang)
    assert proc.returncode == 1, proc.stdout
    cells = sorted(f.cell for f in found(path) if f.code == "S003")
    assert cells == ["B2", "B4", "B5", "B6", "B8"]  # project, start, end, owner, total budget


@pytest.mark.parametrize("lang", LANGS)
def test_blank_required_cells_of_filled_rows_are_errors(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 2, "end", None)  # T1
        book.set("tasks", 3, "start", None)  # T2
        book.set("tasks", 4, "id", None)  # T3
        book.set("tasks", 5, "task", None)  # T4
        book.set("goals", 2, "target", None)
        book.set("budget", 2, "planned", None)

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    s003 = {(f.sheet, f.cell) for f in found(path) if f.code == "S003"}
    names = {key: Book(lang).sheet(key).title for key in ("tasks", "goals", "budget")}  # type: ignore[arg-type]
    assert {
        (names["tasks"], "G2"),
        (names["tasks"], "F3"),
        (names["tasks"], "A4"),
        (names["tasks"], "B5"),
        (names["goals"], "E2"),
        (names["budget"], "E2"),
    } <= s003
    # The task without an id is named by its name, never by a blank.
    for f in found(path):
        if f.row == 4 and f.sheet == names["tasks"]:
            assert "  " not in f.message(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_waiting_for_itself_is_a_cycle_of_one(tmp_path: Path, lang: str) -> None:
    path = plan_file(tmp_path, lang, lambda b: b.set("tasks", 3, "depends_on", "T2, T1"))  # type: ignore[arg-type]
    (p001,) = [f for f in found(path) if f.code == "P001"]
    assert (p001.cell, "T2 → T2") == ("I3", p001.args[0][1])
    assert api.analyze_plan(path, today=TODAY).schedule.cycles == (("T2",),)


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_ending_before_it_starts_is_v002(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 2, "start", dt.date(2024, 6, 10))
        book.set("tasks", 2, "end", dt.date(2024, 6, 5))

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    (v002,) = [f for f in found(path) if f.code == "V002"]
    assert v002.cell == "G2" and "2024-06-05" in v002.message(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_two_tasks_with_one_id_are_p008(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 4, "id", "t1")  # T3's row, T1 in another case
        book.set("tasks", 5, "id", "Ｔ１")  # and in full width

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    p008 = [f for f in found(path) if f.code == "P008"]
    assert [f.cell for f in p008] == ["A4", "A5"]
    assert all("T1" in f.message(lang) for f in p008)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reviews")
    made = {}
    for lang in LANGS:
        made[lang] = folder / f"review-{lang}.xlsx"
        assert run_cli("init", str(made[lang]), "--example", "--lang", lang).returncode == 0
    return made


@pytest.mark.parametrize("lang", LANGS)
def test_the_campaigns_own_plan_raises_nothing(
    tmp_path: Path, lang: str, reviews: dict[str, Path]
) -> None:
    plan = plan_file(tmp_path, lang)  # type: ignore[arg-type]
    result = api.analyze_workbook(reviews[lang], plan=plan, today=TODAY)
    assert "P009" not in {f.code for f in result.findings}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("project", "start", "end", "key"),
    [
        ("Test campaign 测试活动", None, None, "P009"),
        (None, dt.date(2023, 1, 1), dt.date(2023, 2, 1), "P009.period"),
    ],
)
def test_a_plan_of_another_campaign_is_p009(
    tmp_path: Path,
    lang: str,
    reviews: dict[str, Path],
    project: str | None,
    start: dt.date | None,
    end: dt.date | None,
    key: str,
) -> None:
    def edit(book: Book) -> None:
        if project:
            book.set("overview", 0, "project", project)
        if start and end:
            book.set("overview", 0, "start", start)
            book.set("overview", 0, "end", end)

    plan = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    result = api.analyze_workbook(reviews[lang], plan=plan, today=TODAY)
    (p009,) = [f for f in result.findings if f.code == "P009"]
    assert p009.key == key and p009.cell == "B2" and "plan.xlsx" in p009.message(lang)  # type: ignore[arg-type]
    proc = run_cli("analyze", str(reviews[lang]), "--plan", str(plan), "--today", "2024-08-08")
    assert proc.returncode == 0 and "P009" in proc.stdout


def test_statistics_give_each_severity_of_a_code_its_own_line(tmp_path: Path) -> None:
    """P007 (no owner, an error) and its sub-check (an owner not on the team, info)."""

    def edit(book: Book) -> None:
        book.set("tasks", 2, "owner", None)
        book.set("tasks", 3, "owner", "Somebody Else")

    path = plan_file(tmp_path, "en", edit)
    # The statistics say severities in the run's language (the environment's, zh-CN here).
    out = run_cli("lint", str(path), "--statistics", "--today", "2024-08-08", "--lang", "en").stdout
    assert re.search(r"^\s+1\s+P007\s+task-without-owner\s+\[error\]$", out, re.M), out
    assert re.search(r"^\s+1\s+P007\s+owner-not-on-team\s+\[info\]$", out, re.M), out


def test_a_plan_read_with_a_review_is_judged_by_the_reviews_threshold(tmp_path: Path) -> None:
    review = tmp_path / "review.xlsx"
    assert run_cli("init", str(review), "--example", "--threshold", "0.8").returncode == 0
    plan = plan_file(tmp_path, "zh-CN")
    result = api.analyze_workbook(review, plan=plan, today=TODAY)
    assert result.plan is not None and result.plan.threshold == 0.8
