"""The plan beside the review: `analyze|report REVIEW --plan PLAN`, a review that keeps the
plan's sheets in its own file, the errors, and ratios paced by their base."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from combined_builders import combined_file
from conftest import libreoffice_convert, run_cli
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.method.plan import ratio_days
from retrokit.render.json import plan_document, to_json
from retrokit.text import fold
from retrokit.workbook.plan_schema import PLAN, TASKS
from retrokit.workbook.scaffold import build_workbook
from retrokit.workbook.schema import Lang

TODAY = dt.date(2024, 8, 8)
DAY = ("--today", "2024-08-08")
LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
GOLDEN = Path(__file__).parent / "golden"
PATH = "T1 → T2 → T5 → T6 → T8 → T9 → T10 → T11 → T12"


def unfiled(plan: Any) -> dict[str, Any]:
    """A plan's JSON without the file it was read from (also in its findings)."""
    doc = plan_document(plan)
    return {
        **doc,
        "file": "",
        "findings": [{**f, "file": ""} for f in doc["findings"]],
    }


def review_file(tmp: Path, lang: Lang = "zh-CN", name: str = "review.xlsx") -> Path:
    build_workbook(lang, filled=True).save(tmp / name)
    return tmp / name


def pair(tmp: Path, lang: Lang = "zh-CN", edit: Any = None) -> tuple[Path, Path]:
    return review_file(tmp, lang), plan_file(tmp, lang, edit=edit)


def late_review(book: Book) -> None:
    """The review (T12, the last task on the critical path) held three days late."""
    book.set("tasks", 13, "finished", dt.date(2024, 7, 22))


# --- analyze --plan -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_analyze_json_gains_the_plan_as_analyze_plan_gives_it(tmp_path: Path, lang: Lang) -> None:
    review, plan = pair(tmp_path, lang, late_review)
    proc = run_cli("analyze", str(review), "--plan", str(plan), "--format", "json", *DAY)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    alone = json.loads(run_cli("analyze", str(plan), "--format", "json", *DAY).stdout)
    assert list(doc)[-1] == "plan" and doc["plan"] == alone
    assert doc["lang"] == lang and doc["plan"]["kind"] == "plan"
    # the review's findings stay the review's; the plan's are the plan's
    assert [f["code"] for f in doc["findings"]] == ["A004"]
    assert [f["code"] for f in doc["plan"]["findings"]] == ["B002", "B002", "M001", "M001"]
    schedule = doc["plan"]["schedule"]
    assert (schedule["slip"], schedule["slip_task"]) == (3, "T12")
    slips = {x["id"]: x["slip"] for x in doc["plan"]["tasks"]}
    assert (slips["T6"], slips["T12"], slips["T1"]) == (2, 3, 0)
    budget = doc["plan"]["budget"]
    assert [(c["planned"], c["actual"]) for c in budget["by_category"]][:2] == [
        (240_000, 240_000), (180_000, 300_000),
    ]  # fmt: skip
    assert [line["roi"] for line in budget["lines"]][:2] == [3, 2.2]


def test_the_json_of_a_review_without_a_plan_has_no_plan_key(tmp_path: Path) -> None:
    doc = to_json(api.analyze_workbook(review_file(tmp_path), today=TODAY))
    assert "plan" not in doc and list(doc)[-1] == "findings"


def test_a_slip_made_up_later_on_the_path_does_not_count(tmp_path: Path) -> None:
    """The example's T6 finished two days late, the rest of the path on time: no slip."""
    review, plan = pair(tmp_path)
    analysis = api.analyze_workbook(review, plan=plan, today=TODAY)
    assert analysis.plan is not None
    doc = plan_document(analysis.plan)
    assert (doc["schedule"]["slip"], doc["schedule"]["slip_task"]) == (0, "T12")


def test_an_open_critical_task_past_its_end_slips_until_today(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 13, "finished", None)
        book.set("tasks", 13, "status", "进行中")
        book.set("tasks", 12, "finished", dt.date(2024, 7, 17))  # T11 one day early

    review, plan = pair(tmp_path, edit=edit)
    analysis = api.analyze_workbook(review, plan=plan, today=dt.date(2024, 7, 25))
    assert analysis.plan is not None
    doc = plan_document(analysis.plan)
    assert (doc["schedule"]["slip"], doc["schedule"]["slip_task"]) == (6, "T12")
    assert doc["tasks"][10]["slip"] == -1
    from retrokit.render.view import review_view

    view = review_view(analysis, "en")
    assert view.execution is not None
    assert "; 6 days late (as of T12). Also with no slack: T7." in view.execution.path
    assert view.execution.tasks[11].slip == "+6 (still open)" and view.execution.tasks[11].late
    assert view.execution.tasks[10].slip == "-1" and not view.execution.tasks[10].late


@pytest.mark.parametrize("lang", LANGS)
def test_analyze_table_shows_execution_and_budget(tmp_path: Path, lang: Lang) -> None:
    review, plan = pair(tmp_path, lang)
    proc = run_cli("analyze", str(review), "--plan", str(plan), *DAY)
    assert proc.returncode == 0, proc.stderr
    for key in ("report.execution", "report.budget_execution", "report.by_category"):
        assert t(key, lang) in proc.stdout
    assert "T1 → T2 → T5" in proc.stdout


# --- report --plan --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_report_md_and_html_gain_execution_and_budget(tmp_path: Path, lang: Lang) -> None:
    review, plan = pair(tmp_path, lang, late_review)
    for fmt in ("md", "html"):
        out = tmp_path / f"r.{fmt}"
        proc = run_cli("report", str(review), "--plan", str(plan), "-o", str(out), *DAY)
        assert proc.returncode == 0, proc.stderr
        text = out.read_text(encoding="utf-8")
        execution, budget = t("report.execution", lang), t("report.budget_execution", lang)
        kpis = t("report.kpis", lang)
        # after the basic info, before the results: the method's order
        assert text.index(execution) < text.index(budget) < text.index(kpis)
        assert t("report.path_slip.late", lang, path=PATH, days=3, task="T12") in text
        assert TASKS.column("finished").label(lang) in text
        assert t("report.roi", lang) in text and "2.2" in text
        # the plan's findings join the review's data-quality list
        assert "B002" in text and "A004" in text


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_report_markdown_with_the_plan_golden(
    tmp_path: Path, lang: Lang, update_golden: bool
) -> None:
    review, plan = pair(tmp_path, lang, late_review)
    proc = run_cli("report", str(review), "--plan", str(plan), "--format", "md", "-o", "-", *DAY)
    assert proc.returncode == 0, proc.stderr
    golden = GOLDEN / f"with-plan.{lang}.report.md"
    if update_golden:
        golden.write_text(proc.stdout, encoding="utf-8")
    assert proc.stdout == golden.read_text(encoding="utf-8")


def test_report_pptx_takes_the_plan(tmp_path: Path) -> None:
    review, plan = pair(tmp_path)
    out = tmp_path / "deck.pptx"
    proc = run_cli("report", str(review), "--plan", str(plan), "-o", str(out), *DAY)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:2] == b"PK"


def test_a_review_without_a_plan_reports_no_plan_sections(tmp_path: Path) -> None:
    text = api.render_report(api.analyze_workbook(review_file(tmp_path), today=TODAY), "md")
    assert t("report.execution", "zh-CN") not in text
    assert t("report.budget_execution", "zh-CN") not in text


# --- the plan's sheets in the review's own workbook -----------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_combined_workbook_is_the_review_with_its_plan(tmp_path: Path, lang: Lang) -> None:
    path = combined_file(tmp_path, lang)
    workbook = api.open_workbook(path)
    assert (workbook.kind, workbook.lang) == ("review", lang)
    assert workbook.companion is not None and workbook.companion.kind == "plan"
    assert workbook.findings == () and workbook.companion.findings == ()
    analysis = api.analyze_workbook(path, today=TODAY)
    assert analysis.plan is not None
    alone = api.analyze_plan(plan_file(tmp_path, lang), today=TODAY)
    assert unfiled(analysis.plan) == unfiled(alone)
    proc = run_cli("report", str(path), "--format", "md", "-o", "-", *DAY)
    assert proc.returncode == 0, proc.stderr
    assert t("report.execution", lang) in proc.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_lint_checks_a_combined_workbook_with_both_rule_sets(tmp_path: Path, lang: Lang) -> None:
    path = combined_file(tmp_path, lang)
    codes = [f.code for f in api.lint_paths([path], today=TODAY, jobs=1)]
    assert sorted(codes) == ["A004", "B002", "B002", "M001", "M001"]


def test_plan_sheets_left_out_of_a_combined_workbook_are_not_missing(tmp_path: Path) -> None:
    path = combined_file(tmp_path, keys=("tasks", "budget"))
    codes = [f.code for f in api.lint_paths([path], today=TODAY, jobs=1)]
    assert "S001" not in codes and "B002" in codes
    analysis = api.analyze_workbook(path, today=TODAY)
    assert analysis.plan is not None and len(analysis.plan.tasks) == 12
    assert analysis.plan.monitoring == ()


def test_one_plan_sheet_in_a_review_is_not_a_plan(tmp_path: Path) -> None:
    path = combined_file(tmp_path, keys=("team",))
    workbook = api.open_workbook(path)
    assert workbook.kind == "review" and workbook.companion is None
    assert "plan" not in to_json(api.analyze_workbook(workbook, today=TODAY))


@pytest.mark.parametrize("lang", LANGS)
def test_a_combined_workbook_resaved_by_libreoffice(tmp_path: Path, lang: Lang) -> None:
    ours = combined_file(tmp_path, lang)
    saved = libreoffice_convert(ours, tmp_path / "lo")
    before = api.analyze_workbook(ours, today=TODAY)
    after = api.analyze_workbook(saved, today=TODAY)
    assert after.plan is not None and before.plan is not None
    assert unfiled(after.plan) == unfiled(before.plan)
    assert [f.code for f in after.findings] == [f.code for f in before.findings]
    lint = sorted(f.code for f in api.lint_paths([saved], today=TODAY, jobs=1))
    assert lint == ["A004", "B002", "B002", "M001", "M001"]


def test_a_plan_resaved_by_libreoffice_beside_a_review(tmp_path: Path) -> None:
    review, plan = pair(tmp_path, "zh-TW", late_review)
    saved = libreoffice_convert(plan, tmp_path / "lo")
    proc = run_cli("report", str(review), "--plan", str(saved), "--format", "md", "-o", "-", *DAY)
    assert proc.returncode == 0, proc.stderr
    assert t("report.execution", "zh-TW") in proc.stdout
    assert t("report.path_slip.late", "zh-TW", path=PATH, days=3, task="T12") in proc.stdout


# --- the errors -----------------------------------------------------------------------------


def _refused(*args: str) -> str:
    proc = run_cli(*args)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == "" and proc.stderr.count("\n") == 1, proc.stderr
    return proc.stderr


def test_plan_for_a_plan_is_refused(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    err = _refused("analyze", str(plan), "--plan", str(plan))
    assert "--plan" in err


def test_a_review_as_the_plan_is_refused(tmp_path: Path) -> None:
    review = review_file(tmp_path, "en")
    other = review_file(tmp_path, "en", "other.xlsx")
    err = _refused("report", str(review), "--plan", str(other), "--lang", "en")
    assert "not a plan workbook" in err and "other.xlsx" in err


def test_a_missing_plan_is_refused(tmp_path: Path) -> None:
    err = _refused("analyze", str(review_file(tmp_path)), "--plan", str(tmp_path / "nope.xlsx"))
    assert "nope.xlsx" in err


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_an_output_naming_the_plan_is_refused(tmp_path: Path, command: str) -> None:
    review, plan = pair(tmp_path)
    before = plan.read_bytes()
    suffix = [] if command == "report" else ["--format", "json"]
    _refused(command, str(review), "--plan", str(plan), "-o", str(plan), *suffix)
    assert plan.read_bytes() == before


def test_a_plan_for_a_review_that_holds_one_is_refused(tmp_path: Path) -> None:
    path = combined_file(tmp_path, "en")
    err = _refused("analyze", str(path), "--plan", str(plan_file(tmp_path, "en")), "--lang", "en")
    assert "already holds the plan's sheets" in err


# --- ratios paced by their base -------------------------------------------------------------


@pytest.mark.parametrize(
    "ratio,base",
    [
        ("注册转化率", "访客数"),
        ("轉換率", "訪客數"),
        ("Conversion rate", "Visitors"),
        ("ROI", "花費"),
    ],
)
def test_a_ratio_is_weighted_by_its_base_per_day_and_channel(ratio: str, base: str) -> None:
    d1, d2 = dt.date(2024, 7, 1), dt.date(2024, 7, 2)
    found = [("a", d1, 0.10), ("b", d1, 0.02), ("a", d2, 0.05)]
    by_metric = {
        fold(ratio): found,
        fold(base): [("a", d1, 100.0), ("b", d1, 900.0), ("a", d2, 200.0)],
        fold("曝光量"): [("a", d1, 1e6), ("b", d1, 1e6), ("a", d2, 1e6)],
    }
    rows, weights, used = ratio_days(ratio, found, by_metric, {fold(base): base})
    assert used == base and weights == [1000.0, 200.0]
    overall = sum(v * w for (_, v), w in zip(rows, weights, strict=True)) / sum(weights)
    assert overall == pytest.approx(38 / 1200)  # all the conversions over all the visitors


def test_a_ratio_without_a_base_on_every_row_is_a_plain_mean() -> None:
    d1, d2 = dt.date(2024, 7, 1), dt.date(2024, 7, 2)
    found = [("a", d1, 0.10), ("b", d1, 0.02), ("a", d2, 0.05)]
    by_metric = {"转化率": found, "访客数": [("a", d1, 100.0), ("a", d2, 200.0)]}
    rows, weights, used = ratio_days("转化率", found, by_metric)
    assert (weights, used) == (None, None)
    assert dict(rows) == {d1: pytest.approx(0.06), d2: 0.05}
    # a base that is itself a ratio, or no known base at all, is no base either
    assert ratio_days("转化率", found, {"转化率": found, "访客转化率": found})[2] is None
    assert ratio_days("好评率", found, {"好评率": found, "访客数": found})[2] is None


def _spend_row(book: Book) -> Any:
    for row in book.sheet("daily").iter_rows(min_row=2):
        name = fold(str(row[2].value or ""))
        if "费用" in name or "spend" in name:
            return row
    raise AssertionError("no spend row")


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_roi_is_paced_by_its_spend(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang), today=TODAY)
    pacing = {fold(p.metric): p for p in plan.monitoring}
    roi = pacing["roi"]
    assert roi.to_date == 2.2 and roi.weighted_by is not None
    assert fold(roi.weighted_by) in ("总费用", "totalspend")
    assert all(p.weighted_by is None for k, p in pacing.items() if k != "roi")

    def edit(book: Book) -> None:
        _spend_row(book)[3].value = None  # one day's spend unknown: no base for that day

    plain = api.analyze_plan(plan_file(tmp_path, lang, edit=edit, name="p2.xlsx"), today=TODAY)
    roi = {fold(p.metric): p for p in plain.monitoring}["roi"]
    assert roi.weighted_by is None and roi.to_date == pytest.approx(2.16)
    doc = plan_document(plan)
    assert [m["weighted_by"] for m in doc["monitoring"]].count(None) == len(doc["monitoring"]) - 1


def test_the_plan_sheet_set_names_every_sheet_once() -> None:
    # combined detection counts each set's sheets by name: no spelling may be in both
    from retrokit.workbook.schema import REVIEW

    review = {fold(s) for sheet in REVIEW.sheets for s in sheet.spellings()}
    plan = {fold(s) for sheet in PLAN.sheets for s in sheet.spellings()}
    assert not review & plan
