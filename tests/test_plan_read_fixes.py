"""Plan workbooks as people fill them: blank statuses, ids in another case, yearless dates,
total rows, bare rates and combined workbooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan_builders import Book, plan_file
from retrokit import api
from retrokit.method.plan import Pacing

TODAY = dt.date(2024, 8, 8)
LANGS = ("zh-CN", "zh-TW", "en")


def codes(path: Path, today: dt.date = TODAY) -> list[str]:
    return [f.code for f in api.lint_paths([path], today=today, jobs=1)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_finished_date_with_a_blank_status_is_done(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 7, "status", None)  # T6, finished 2 days late

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    task = api.analyze_plan(path, today=TODAY).tasks[5]
    assert (task.id, task.status, task.late) == ("T6", "done", False)
    assert "P005" not in codes(path)


def test_a_blank_status_without_a_finished_date_stays_open(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 7, "status", None)
        book.set("tasks", 7, "finished", None)

    path = plan_file(tmp_path, "en", edit)
    task = api.analyze_plan(path, today=TODAY).tasks[5]
    assert (task.status, task.late) == (None, True)


@pytest.mark.parametrize("lang", LANGS)
def test_predecessor_ids_match_in_any_case_and_width(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 9, "depends_on", "t4/ Ｔ６ 、t7")

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    plan = api.analyze_plan(path, today=TODAY)
    assert plan.tasks[7].depends_on == ("T4", "T6", "T7")
    assert "T8" in plan.schedule.critical_path
    assert "P004" not in codes(path)


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("zh-CN", "T4和T6、T7完成后"),
        ("zh-TW", "T4與T6，T7完成後"),
        ("en", "T4 and T6 & T7"),
        ("zh-CN", "任务T4 + T6 以及 Ｔ７"),
    ],
)
def test_predecessors_written_in_words_are_read(tmp_path: Path, lang: str, typed: str) -> None:
    path = plan_file(tmp_path, lang, lambda b: b.set("tasks", 9, "depends_on", typed))  # type: ignore[arg-type]
    plan = api.analyze_plan(path, today=TODAY)
    assert plan.tasks[7].depends_on == ("T4", "T6", "T7")
    assert "P004" not in codes(path)


def test_words_with_two_numbers_in_them_are_no_id(tmp_path: Path) -> None:
    """T5完成后第2天 names T5 and a day: no single reading, so P004 shows it as typed."""
    path = plan_file(tmp_path, "zh-CN", lambda b: b.set("tasks", 9, "depends_on", "T5完成后第2天"))
    (p004,) = [f for f in api.lint_paths([path], today=TODAY, jobs=1) if f.code == "P004"]
    assert "T5完成后第2天" in p004.message("zh-CN")


def test_an_unknown_predecessor_is_still_named_as_typed(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "en", lambda b: b.set("tasks", 9, "depends_on", "t4, t99"))
    (p004,) = [f for f in api.lint_paths([path], today=TODAY, jobs=1) if f.code == "P004"]
    assert "t99" in p004.message("en") and "T4" not in p004.message("en")


def _new_year_campaign(book: Book) -> None:
    book.set("overview", 0, "start", dt.date(2025, 12, 20))
    book.set("overview", 0, "end", dt.date(2026, 1, 20))


@pytest.mark.parametrize(
    ("lang", "due"),
    [("zh-CN", "12月25日-1月10日"), ("zh-TW", "12月25日至1月10日"), ("en", "Dec 25 - Jan 10")],
)
def test_a_yearless_deadline_range_runs_into_the_new_year(
    tmp_path: Path, lang: str, due: str
) -> None:
    def edit(book: Book) -> None:
        _new_year_campaign(book)
        book.set("goals", 2, "due", due)
        book.set("goals", 3, "due", "2025-12-25 - 1月10日")
        book.set("goals", 4, "due", "1月15日")

    plan = api.analyze_plan(plan_file(tmp_path, lang, edit), today=TODAY)  # type: ignore[arg-type]
    span = (dt.date(2025, 12, 25), dt.date(2026, 1, 10))
    assert (plan.goals[0].due_start, plan.goals[0].due_end) == span
    assert (plan.goals[1].due_start, plan.goals[1].due_end) == span
    assert plan.goals[2].due_end == dt.date(2026, 1, 15)


TOTAL = {"zh-CN": "合计", "zh-TW": "合計", "en": "Total"}


@pytest.mark.parametrize("lang", LANGS)
def test_total_rows_of_the_plan_are_skipped(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        budget = book.sheet("budget")
        budget.append([TOTAL[lang], None, None, None, "=SUM(E2:E5)", None, "=SUM(G2:G5)"])
        budget.append([None, f"{TOTAL[lang]} ", None, None, 600_000])  # the label in 明细
        daily = book.sheet("daily")
        daily.append([TOTAL[lang], "全渠道" if lang != "en" else "All", "销售额", 1_600_000])
        tasks = book.sheet("tasks")
        tasks.append([TOTAL[lang], None, None, None, None, None, None, "=SUM(H2:H13)"])
        book.sheet("risks").append([TOTAL[lang]])

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    base = plan_file(tmp_path, lang, name="base.xlsx")  # type: ignore[arg-type]
    plan, before = api.analyze_plan(path, today=TODAY), api.analyze_plan(base, today=TODAY)
    assert plan.budget.planned == before.budget.planned == 600_000
    assert len(plan.budget.lines) == 4 and len(plan.tasks) == 12 and len(plan.risks) == 3
    assert [m.to_date for m in plan.monitoring] == [m.to_date for m in before.monitoring]
    found = codes(path)
    assert found.count("S005") == 5
    assert sorted(c for c in found if c != "S005") == sorted(codes(base))


def _daily_rates(book: Book, scale: float, form: str | None = None) -> None:
    """Every daily value of the conversion goal (row 3) multiplied by ``scale`` (100: typed
    in percent points)."""
    metric = book.sheet("goals")["B3"].value
    for row in book.sheet("daily").iter_rows(min_row=2):
        if row[2].value == metric:
            row[3].value = round(row[3].value * scale, 6)
            if form is not None:
                row[3].number_format = form


def _conversion(plan: api.PlanAnalysis) -> Pacing:
    return next(p for p in plan.monitoring if p.goal_row == 3)


@pytest.mark.parametrize("lang", LANGS)
def test_bare_daily_rates_beside_a_percentage_goal_are_percent_points(
    tmp_path: Path, lang: str
) -> None:
    path = plan_file(tmp_path, lang, lambda b: _daily_rates(b, 100, "General"))  # type: ignore[arg-type]
    plan = api.analyze_plan(path, today=TODAY)
    rate = _conversion(plan)
    assert rate.to_date == pytest.approx(0.04) and rate.status == "behind"
    findings = [f for f in api.lint_paths([path], today=TODAY, jobs=1) if f.code == "M002"]
    assert len(findings) == 1
    message = findings[0].message(lang)  # type: ignore[arg-type]
    assert rate.metric in message and "3.7%" in message


def test_fractions_typed_without_a_percent_format_are_no_guess(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "en", lambda b: _daily_rates(b, 1, "General"))  # 0.037
    rate = _conversion(api.analyze_plan(path, today=TODAY))
    assert rate.to_date == pytest.approx(0.04)
    assert "M002" not in codes(path)


def test_a_bare_goal_target_beside_daily_percentages(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        book.set("goals", 3, "target", 5)
        book.sheet("goals")["E3"].number_format = "General"
        _daily_rates(book, 1, "0.0%")

    path = plan_file(tmp_path, "en", edit)
    rate = _conversion(api.analyze_plan(path, today=TODAY))
    assert (rate.target, rate.to_date, rate.unit) == (0.05, pytest.approx(0.04), "%")
    assert codes(path).count("M002") == 1


def test_a_review_from_a_plan_with_bare_daily_rates(tmp_path: Path) -> None:
    from conftest import run_cli

    plan = plan_file(tmp_path, "zh-CN", lambda b: _daily_rates(b, 100, "General"))
    review = tmp_path / "review.xlsx"
    proc = run_cli("init", str(review), "--from-plan", str(plan))
    assert proc.returncode == 0, proc.stderr
    kpi = next(k for k in api.analyze_workbook(review, today=TODAY).kpis if "转化率" in k.metric)
    assert kpi.actual == pytest.approx(0.04) and kpi.rate == pytest.approx(0.8)


@pytest.mark.parametrize("lang", LANGS)
def test_a_review_from_a_combined_workbook_uses_its_plan_part(tmp_path: Path, lang: str) -> None:
    from combined_builders import combined_file
    from conftest import run_cli

    review = tmp_path / "next.xlsx"
    source = combined_file(tmp_path, lang)  # type: ignore[arg-type]
    proc = run_cli("init", str(review), "--from-plan", str(source))
    assert proc.returncode == 0, proc.stderr
    analysis = api.analyze_workbook(review, today=TODAY)
    assert analysis.lang == lang and analysis.info["budget"] == 600_000
    assert len(analysis.kpis) == 6
