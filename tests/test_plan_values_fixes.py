"""The plan's values as a new user types them (issue 17's trial): the budget sheet's own share
formula leaves out what retrokit leaves out (a 合计 row, a negative amount), amounts below zero
or beyond any campaign are V008, a reversed deadline range is V002, durations in weeks, and
the V002 messages for a year out of range or missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import libreoffice_convert, run_cli
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.findings import Finding
from retrokit.workbook.plan_schema import BUDGET, BUDGET_CATEGORY
from retrokit.workbook.schema import LANGS, Lang

TODAY = dt.date(2024, 8, 8)
TOTAL = {"zh-CN": "合计", "zh-TW": "合計", "en": "Total"}
SUBTOTAL = {"zh-CN": "小计", "zh-TW": "小計", "en": "Subtotal"}
GRAND = {"zh-CN": "总计", "zh-TW": "總計", "en": "Grand total"}


def _codes(path: Path, code: str) -> list[Finding]:
    return [f for f in api.lint_paths([path], today=TODAY, jobs=1) if f.code == code]


def _category(code: str, lang: Lang) -> str:
    return BUDGET_CATEGORY.by_code(code).label(lang)


# --- 1. the sheet's share formula agrees with retrokit ----------------------------------------


def _budget_with_totals(lang: Lang):  # type: ignore[no-untyped-def]
    def edit(book: Book) -> None:
        # The four lines of the example (40/30/20/10 of 600,000) in rows 2-5, then:
        book.set("budget", 6, "category", _category("kol", lang))
        book.set("budget", 6, "item", SUBTOTAL[lang])  # a subtotal beside a named category
        book.set("budget", 6, "planned", 240_000)
        book.set("budget", 7, "category", TOTAL[lang])
        book.set("budget", 7, "planned", "60万" if lang != "en" else "600,000")
        book.set("budget", 8, "item", f" {GRAND[lang]} ")
        book.set("budget", 8, "planned", 600_000)
        book.set("budget", 9, "category", _category("other", lang))
        book.set("budget", 9, "item", "refund")
        book.set("budget", 9, "planned", -5_000)  # V008: no line of the sum

    return edit


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheets_share_leaves_out_total_rows_as_retrokit_does(
    tmp_path: Path, lang: Lang
) -> None:
    from openpyxl import load_workbook

    ours = plan_file(tmp_path, lang, _budget_with_totals(lang))
    saved = libreoffice_convert(ours, tmp_path / "lo")
    ws = load_workbook(saved, data_only=True)[BUDGET.name(lang)]
    share = [c.key for c in BUDGET.columns].index("share") + 1
    shown = [ws.cell(row=r, column=share).value for r in range(2, 10)]
    assert shown[:4] == pytest.approx([0.4, 0.3, 0.2, 0.1])
    assert [v in (None, "") for v in shown[4:]] == [True] * 4, shown

    plan = api.analyze_plan(saved, today=TODAY)
    lines = [line for line in plan.budget.lines if line.planned is not None]
    assert [line.row for line in lines] == [2, 3, 4, 5]  # row 9's amount is V008
    assert [line.share for line in lines] == pytest.approx(shown[:4])
    assert plan.budget.planned == 600_000
    skipped = [f.cell for f in plan.findings if f.code == "S005"]
    assert {"B6", "A7", "B8"} <= set(skipped), skipped


def test_the_share_formula_reads_the_same_total_labels_as_the_reader() -> None:
    from retrokit.text import fold
    from retrokit.workbook.plan_scaffold import total_label_spellings
    from retrokit.workbook.reader import TOTAL_LABELS

    spellings = total_label_spellings()
    assert {fold(s) for s in spellings} == set(TOTAL_LABELS)
    assert {"合計", "總計", "小計", "彙總", "匯總"} <= set(spellings)


# --- 2. negative and absurd amounts ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_negative_amount_is_v008_and_no_overspend(tmp_path: Path, lang: Lang) -> None:
    def edit(book: Book) -> None:
        book.set("overview", 0, "budget", -600_000)
        book.set("budget", 2, "planned", -540_000)
        book.set("budget", 2, "actual", -100)
        book.set("budget", 3, "actual", "-5万" if lang != "en" else "-50,000")

    path = plan_file(tmp_path, lang, edit)
    v008 = _codes(path, "V008")
    assert sorted(f.cell or "" for f in v008) == ["B8", "E2", "G2", "G3"]
    text = v008[0].message(lang)
    assert {"zh-CN": "负数", "zh-TW": "負數", "en": "negative"}[lang] in text
    assert not _codes(path, "B002")
    plan = api.analyze_plan(path, today=TODAY)
    assert plan.budget.lines[0].planned is None and plan.budget.total is None


@pytest.mark.parametrize("lang", LANGS)
def test_an_amount_beyond_any_campaign_is_v008(tmp_path: Path, lang: Lang) -> None:
    def edit(book: Book) -> None:
        book.set("budget", 2, "planned", "99999999999999999999亿")
        book.set("budget", 3, "actual", 1e20)
        book.set("budget", 4, "revenue", 1e28)

    path = plan_file(tmp_path, lang, edit)
    v008 = _codes(path, "V008")
    assert sorted(f.cell or "" for f in v008) == ["E2", "G3", "H4"]
    assert "1,000,000,000,000,000" in v008[0].message(lang)
    plan = api.analyze_plan(path, today=TODAY)
    assert all(
        abs(x) < 1e15
        for line in plan.budget.lines
        for x in (line.planned, line.actual, line.revenue)
        if x is not None
    )
    out = tmp_path / "plan.md"
    done = run_cli("report", str(path), "-o", str(out), "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "e+" not in out.read_text(encoding="utf-8")


def test_a_negative_revenue_is_a_refund_not_a_finding(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "zh-CN", lambda b: b.set("budget", 2, "revenue", -1_000))
    assert not _codes(path, "V008")


def test_b002_needs_a_positive_plan(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        book.set("budget", 2, "planned", 0)
        book.set("budget", 2, "actual", 100)
        book.set("budget", 3, "actual", 1_000_000)  # 180,000 planned: over

    path = plan_file(tmp_path, "zh-CN", edit)
    # In the workbook's order: the overview's total (B8) before the budget's line (G3).
    assert [f.cell for f in _codes(path, "B002")] == ["B8", "G3"]


# --- 3. a reversed deadline range -----------------------------------------------------------

REVERSED = {"zh-CN": "7月1日-6月1日", "zh-TW": "7月1日至6月1日", "en": "Jul 1 - Jun 1"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_reversed_deadline_range_is_v002_not_next_year(tmp_path: Path, lang: Lang) -> None:
    path = plan_file(tmp_path, lang, lambda b: b.set("goals", 2, "due", REVERSED[lang]))
    (v002,) = [f for f in _codes(path, "V002") if f.cell == "I2"]
    text = v002.message(lang)
    assert REVERSED[lang] in text and "2024-12-25" in text
    assert {"zh-CN": "早于", "zh-TW": "早於", "en": "ends before it starts"}[lang] in text
    goal = api.analyze_plan(path, today=TODAY).goals[0]
    assert goal.due_start is None and goal.due_end is None


def test_a_reversed_range_with_its_years_is_v002_too(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        book.set("goals", 2, "due", "2024-07-01 至 2024-06-01")
        book.set("goals", 3, "due", "2024-07-01 至 6月1日")  # not 2025 in a June campaign
        book.set("goals", 4, "due", "2024-06-01 至 6月30日")

    path = plan_file(tmp_path, "zh-CN", edit)
    found = {f.cell: f.message("zh-CN") for f in _codes(path, "V002")}
    assert "2024-06-01" in found["I2"] and "早于" in found["I2"]
    assert "早于开始日期" in found["I3"]
    assert "I4" not in found
    goals = api.analyze_plan(path, today=TODAY).goals
    assert goals[0].due_end is None and goals[1].due_end is None
    assert goals[2].due_end == dt.date(2024, 6, 30)


def test_a_range_over_the_new_year_still_rolls_in_a_campaign_over_it(tmp_path: Path) -> None:
    def edit(book: Book) -> None:
        book.set("overview", 0, "start", dt.date(2024, 3, 1))
        book.set("overview", 0, "end", dt.date(2025, 1, 31))
        book.set("goals", 2, "due", "12月25日-1月10日")

    path = plan_file(tmp_path, "zh-CN", edit)
    assert not [f for f in _codes(path, "V002") if f.cell == "I2"]
    goal = api.analyze_plan(path, today=TODAY).goals[0]
    assert (goal.due_start, goal.due_end) == (dt.date(2024, 12, 25), dt.date(2025, 1, 10))


# --- 4. durations in weeks ------------------------------------------------------------------

WEEKS = {
    "zh-CN": [("1周", 7), ("2周", 14), ("两周", 14), ("3天", 3)],
    "zh-TW": [("1週", 7), ("2週", 14), ("1.5週", 10.5), ("3天", 3)],
    "en": [("1 week", 7), ("2 weeks", 14), ("3 wks", 21), ("3 days", 3)],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_duration_in_weeks_is_seven_days_a_week(tmp_path: Path, lang: Lang) -> None:
    def edit(book: Book) -> None:
        for row, (typed, _days) in enumerate(WEEKS[lang], start=2):
            book.set("tasks", row, "duration", typed)

    path = plan_file(tmp_path, lang, edit)
    plan = api.analyze_plan(path, today=TODAY)
    assert [t.duration for t in plan.tasks[:4]] == [days for _typed, days in WEEKS[lang]]
    p003 = {f.cell: f.message(lang) for f in _codes(path, "P003")}
    assert "H2" not in p003  # 1 week for the example's 7-day task
    assert "14" in p003["H3"] and " 1 " not in p003["H3"]  # 2 weeks for a 5-day task


@pytest.mark.parametrize("lang", LANGS)
def test_a_week_is_no_single_day(tmp_path: Path, lang: Lang) -> None:
    """1周 agrees with a working week (Monday to Friday) or with 4 to 10 calendar days: a
    one-day task typed 1周 is P003; one of 10 days typed 1周 is not."""
    week = WEEKS[lang][0][0]
    spans = [
        ("2024-06-03", "2024-06-03"),
        ("2024-06-03", "2024-06-07"),
        ("2024-06-03", "2024-06-12"),
        ("2024-06-03", "2024-06-13"),
    ]

    def edit(book: Book) -> None:
        for row, (start, end) in enumerate(spans, start=2):
            book.set("tasks", row, "start", start)
            book.set("tasks", row, "end", end)
            book.set("tasks", row, "duration", week)
            book.set("tasks", row, "depends_on", None)

    path = plan_file(tmp_path, lang, edit)
    p003 = {f.cell for f in _codes(path, "P003")}
    assert "H2" in p003  # one day
    assert "H3" not in p003  # Monday to Friday: a working week
    assert "H4" not in p003  # 10 days: within half a week of 7
    assert "H5" in p003  # 11 days


def test_a_week_written_as_w_stays_ten_thousand_elsewhere() -> None:
    from retrokit.workbook.values import parse_number

    assert parse_number("1w").value == 10_000


# --- 5. date messages -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_year_out_of_range_says_so(tmp_path: Path, lang: Lang) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 2, "start", "1900-01-01")
        book.set("tasks", 2, "end", dt.date(2200, 12, 31))

    path = plan_file(tmp_path, lang, edit)
    found = {f.cell: f.message(lang) for f in _codes(path, "V002")}
    for cell in ("F2", "G2"):
        assert "1990" in found[cell] and "2099" in found[cell], found
        assert "2024-08-10" not in found[cell]
    assert {"zh-CN": "年份", "zh-TW": "年份", "en": "year"}[lang] in found["F2"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_yearless_date_without_a_campaign_year_says_the_year_is_missing(
    tmp_path: Path, lang: Lang
) -> None:
    def edit(book: Book) -> None:
        book.set("overview", 0, "start", None)
        book.set("overview", 0, "end", None)
        book.set("tasks", 2, "start", "6月5日" if lang != "en" else "Jun 5")
        book.set("goals", 2, "due", "6月1日-6月30日" if lang != "en" else "Jun 1 - Jun 30")

    path = plan_file(tmp_path, lang, edit)
    found = {f.cell: f.message(lang) for f in _codes(path, "V002")}
    overview = {"zh-CN": "活动概况", "zh-TW": "活動概況", "en": "Plan overview"}[lang]
    for cell in ("F2", "I2"):
        assert overview in found[cell], found
        assert {"zh-CN": "没有写年份", "zh-TW": "沒有寫年份", "en": "no year"}[lang] in found[cell]
        assert "2024-08-10" not in found[cell]
