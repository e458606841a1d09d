"""Amounts and their units: an amount typed with its own currency under a header in 万元 is taken
as written; a row counted in 万元 whose cell carries its own 万 is said to be misread by the
sheet, on that cell; a workbook's currency is shown with its money."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils import get_column_letter

from conftest import libreoffice_convert
from retrokit import api
from retrokit.i18n.languages import Lang
from retrokit.method import analyze
from retrokit.workbook.plan_schema import BUDGET, OVERVIEW
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.scaffold import build_workbook
from retrokit.workbook.schema import KPIS
from retrokit.workbook.values import parse_number

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
#: A header unit with a multiplier, per language, as teams write it.
TEN_THOUSAND = {"zh-CN": "（万元）", "zh-TW": "（萬元）", "en": " (10k CNY)"}


def _header(ws: Any, key: str, lang: Lang, unit: str) -> None:
    """The KPI sheet's ``key`` header with ``unit`` after its label."""
    col = next(i for i, c in enumerate(KPIS.columns, 1) if c.key == key)
    ws.cell(row=1, column=col).value = KPIS.column(key).label(lang) + unit


def _review(tmp_path: Path, lang: Lang, rows: list[dict[str, Any]], units: dict[str, str]) -> Path:
    wb = build_workbook(lang, kpis=rows)
    ws = wb[KPIS.name(lang)]
    for key, unit in units.items():
        _header(ws, key, lang, unit)
    path = tmp_path / f"review-{lang}.xlsx"
    wb.save(path)
    return path


# --- 1. an amount with its own currency is taken as written ------------------------------------


@pytest.mark.parametrize(
    "typed,value,currency",
    [
        ("¥240,000", 240_000, "¥"),
        ("￥240,000", 240_000, "¥"),
        ("NT$1,200,000", 1_200_000, "NT$"),
        ("£12,000", 12_000, "£"),
        ("US$5,000", 5_000, "US$"),
        ("HK$5,000", 5_000, "HK$"),
        ("€3,000", 3_000, "€"),
        ("-NT$1,200", -1_200, "NT$"),
        ("(¥300)", -300, "¥"),
        ("RMB 300", 300, "¥"),
        ("240,000元", 240_000, ""),
        ("24", 24, ""),
    ],
)
def test_the_currency_typed_with_an_amount_is_kept(typed: str, value: float, currency: str) -> None:
    q = parse_number(typed)
    assert (q.value, q.currency) == (value, currency)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "typed,expected",
    [
        ("¥240,000", 240_000),
        ("NT$1,200,000", 1_200_000),
        ("£12,000", 12_000),
        ("240,000元", 240_000),
        ("24", 240_000),  # a plain 24 under 万元 still means 240,000
        (24, 240_000),
    ],
)
def test_an_amount_with_its_currency_under_a_header_in_wan_is_not_scaled_again(
    tmp_path: Path, lang: Lang, typed: object, expected: float
) -> None:
    path = _review(
        tmp_path,
        lang,
        [{"metric": {"zh-CN": "销售额", "en": "Sales"}, "target": typed, "actual": 24}],
        {"target": TEN_THOUSAND[lang], "actual": TEN_THOUSAND[lang]},
    )
    kpi = analyze(read_workbook(path)).kpis[0]
    assert kpi.target == expected
    assert kpi.actual == 240_000


@pytest.mark.parametrize("lang", LANGS)
def test_an_amount_with_its_currency_in_a_kpi_named_in_wan_is_converted(
    tmp_path: Path, lang: Lang
) -> None:
    """¥240,000 in 销售额(万元) is 24 万元, as 24万 is."""
    metric = {"zh-CN": "销售额(万元)", "zh-TW": "銷售額(萬元)", "en": "Sales (10k CNY)"}[lang]
    path = _review(tmp_path, lang, [{"metric": metric, "target": 20, "actual": "¥240,000"}], {})
    kpi = analyze(read_workbook(path)).kpis[0]
    assert (kpi.target, kpi.actual, kpi.rate) == (20, 24, 1.2)


def _plan(
    tmp_path: Path, lang: Lang, total: object, lines: list[tuple[Any, ...]], unit: str
) -> Path:
    """A plan typed by hand: its overview (dates and the total budget) and budget lines of
    (category, planned, actual), the amount headers carrying ``unit``."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = OVERVIEW.name(lang)
    for key, value in (
        ("project", "Q3"),
        ("start", "2024-09-01"),
        ("end", "2024-09-30"),
        ("owner", "Chen"),
        ("budget", total),
    ):
        ws.append([OVERVIEW.column(key).label(lang), value])
    budget = wb.create_sheet(BUDGET.name(lang))
    budget.append(
        [
            BUDGET.column("category").label(lang),
            BUDGET.column("planned").label(lang) + unit,
            BUDGET.column("actual").label(lang) + unit,
        ]
    )
    for line in lines:
        budget.append(list(line))
    path = tmp_path / f"plan-{lang}.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_a_budget_line_with_its_currency_under_a_header_in_wan_is_taken_as_written(
    tmp_path: Path, lang: Lang
) -> None:
    """¥240,000 under 计划金额（万元） beside 36 (万元): 600,000 in all, the total budget; no B001
    saying the lines add up to 24亿."""
    path = _plan(
        tmp_path,
        lang,
        600_000,
        [("KOL", "¥240,000", 24), ("Ads", 36, "300,000元")],
        TEN_THOUSAND[lang],
    )
    plan = api.analyze_plan(path)
    assert [(x.planned, x.actual) for x in plan.budget.lines] == [
        (240_000, 240_000),
        (360_000, 300_000),
    ]
    assert plan.budget.planned == 600_000
    assert not [f for f in plan.findings if f.code == "B001"]


# --- 2. a row counted in 万元: the sheet's own formulas and V006 --------------------------------

#: A row of the KPI sheet in 万元 (by its name, or by both headers), target and actual typed
#: one bare and one with its own 万: (metric per language, header unit, target, actual, the
#: cell the sheet misreads, what the sheet reads it as, what retrokit reads).
WAN_ROWS = [
    ({"zh-CN": "销售额(万元)", "zh-TW": "銷售額(萬元)", "en": "Sales (10k CNY)"}, False, 60, "72万", "actual", "720,000", "72"),
    ({"zh-CN": "销售额(万元)", "zh-TW": "銷售額(萬元)", "en": "Sales (10k CNY)"}, False, "60万", 72, "target", "600,000", "60"),
    ({"zh-CN": "销售额", "zh-TW": "銷售額", "en": "Sales"}, True, 60, "72万", "actual", "720,000", "72"),
    ({"zh-CN": "销售额", "zh-TW": "銷售額", "en": "Sales"}, True, "60万", 72, "target", "600,000", "60"),
]  # fmt: skip


def _sheet_results(path: Path, row: int, gap: float, rate: float, status: str, lang: Lang) -> None:
    """Write what LibreOffice computes into the gap, achievement and result cells of ``row``
    (as numbers: the sheet after a recalculation, without LibreOffice)."""
    from openpyxl import load_workbook

    from retrokit.workbook.schema import RESULT

    wb = load_workbook(path)
    ws = wb[KPIS.name(lang)]
    col = {c.key: i for i, c in enumerate(KPIS.columns, 1)}
    ws.cell(row=row, column=col["gap"]).value = gap
    ws.cell(row=row, column=col["rate"]).value = rate
    ws.cell(row=row, column=col["result"]).value = RESULT.label_of(status, lang)
    wb.save(path)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", range(len(WAN_ROWS)))
def test_a_row_in_wan_reads_72wan_as_72_and_v006_names_the_cell_the_sheet_misreads(
    tmp_path: Path, lang: Lang, case: int
) -> None:
    metric, headers, target, actual, misread, sheet, ours = WAN_ROWS[case]
    unit = TEN_THOUSAND[lang] if headers else ""
    path = _review(
        tmp_path,
        lang,
        [{"metric": metric[lang], "target": target, "actual": actual, "direction": "higher"}],
        {"target": unit, "actual": unit} if headers else {},
    )
    # The sheet's formulas: 60 and 720,000 (or 600,000 and 72), as LibreOffice computes them.
    t = 600_000.0 if misread == "target" else 60.0
    a = 720_000.0 if misread == "actual" else 72.0
    _sheet_results(path, 2, a - t, a / t, "exceeded" if a > t else "missed", lang)
    analysis = analyze(read_workbook(path))
    kpi = analysis.kpis[0]
    assert kpi.rate == pytest.approx(1.2)
    v006 = [f for f in api.lint_paths([path], jobs=1) if f.code == "V006"]
    assert [f.key for f in v006] == ["V006.unit"], [f.message(lang) for f in v006]
    message = v006[0].message(lang)
    assert sheet in message and f" {ours}" in message
    letter = get_column_letter(next(i for i, c in enumerate(KPIS.columns, 1) if c.key == misread))
    assert v006[0].cell == f"{letter}2"


@pytest.mark.parametrize("lang", LANGS)
def test_both_cells_bare_in_a_row_in_wan_are_no_v006(tmp_path: Path, lang: Lang) -> None:
    """60 and 72 under 目标值（万元） and 实际值（万元）: the sheet computes 120%, as retrokit."""
    unit = TEN_THOUSAND[lang]
    path = _review(
        tmp_path,
        lang,
        [{"metric": {"zh-CN": "销售额", "en": "Sales"}, "target": 60, "actual": 72}],
        {"target": unit, "actual": unit},
    )
    _sheet_results(path, 2, 12.0, 1.2, "exceeded", lang)
    assert analyze(read_workbook(path)).kpis[0].rate == pytest.approx(1.2)
    assert not [f for f in api.lint_paths([path], jobs=1) if f.code == "V006"]


@pytest.mark.e2e
def test_after_a_libreoffice_recalculation_v006_names_72wan_not_the_bare_60(
    tmp_path: Path,
) -> None:
    """Before: V006 on the bare 60 under 目标值（万元） ("the sheet reads 60, retrokit 600,000":
    the cell the sheet reads right), and nothing at all for 72万 in 销售额(万元)."""
    path = _review(
        tmp_path,
        "zh-CN",
        [
            {"metric": "销售额", "target": 60, "actual": "72万"},
            {"metric": "销售额(万元)", "target": 60, "actual": "72万"},
        ],
        {"target": "（万元）", "actual": "（万元）"},
    )
    saved = libreoffice_convert(path, tmp_path / "lo")
    kpis = analyze(read_workbook(saved)).kpis
    assert [k.rate for k in kpis] == [pytest.approx(1.2), pytest.approx(1.2)]
    v006 = [(f.key, f.cell) for f in api.lint_paths([saved], jobs=1) if f.code == "V006"]
    assert v006 == [("V006.unit", "F2"), ("V006.unit", "F3")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "number_format,currency",
    [('"¥"#,##0', "¥"), ("[$NT$-404]#,##0", "NT$"), ("[$£-809]#,##0.00", "£"), ("\\¥#,##0", "¥")],
)
def test_a_number_shown_with_a_currency_under_a_header_in_wan_is_taken_as_written(
    tmp_path: Path, lang: Lang, number_format: str, currency: str
) -> None:
    """¥240,000 typed into a cell: Excel and LibreOffice keep the number 240000 and show it
    with a currency format (LibreOffice saves \\¥#,##0); it is 240,000, not 24亿."""
    from openpyxl import load_workbook

    path = _plan(
        tmp_path, lang, 600_000, [("KOL", 240_000, 24), ("Ads", 36, 30)], TEN_THOUSAND[lang]
    )
    wb = load_workbook(path)
    ws = wb[BUDGET.name(lang)]
    ws["B2"].number_format = number_format
    ws["C3"].value, ws["C3"].number_format = 300_000, number_format
    wb.save(path)
    plan = api.analyze_plan(path)
    assert [(x.planned, x.actual) for x in plan.budget.lines] == [
        (240_000, 240_000),
        (360_000, 300_000),
    ]
    assert plan.budget.lines[0].record.values["planned"].currency == currency
    assert not [f for f in plan.findings if f.code in ("B001", "B002")]


# --- 3. the workbook's currency is shown with its money ----------------------------------------

TODAY = "2024-07-10"


@pytest.mark.parametrize(
    "amount,currency,shown",
    [
        ("48萬", "NT$", "NT$48萬"),
        ("480K", "£", "£480K"),
        ("-5K", "£", "-£5K"),
        ("+12万", "¥", "+¥12万"),
        ("48萬", "", "48萬"),
        ("", "£", ""),
    ],
)
def test_one_helper_writes_the_currency_before_the_digits(
    amount: str, currency: str, shown: str
) -> None:
    from retrokit.render import display

    assert display.with_currency(amount, currency) == shown


def test_a_chart_writes_the_currency_in_its_number_format() -> None:
    from retrokit.render import display

    assert display.chart_amounts([480_000, 500_000], "en", "£") == ((480.0, 500.0), '"£"General"K"')
    assert display.chart_amounts([480_000], "zh-TW", "NT$") == ((48.0,), '"NT$"General"萬"')
    assert display.chart_amounts([480_000], "zh-CN") == ((48.0,), 'General"万"')


def _example_plan(tmp_path: Path, lang: Lang, mode: str) -> Path:
    """The worked example's plan with its budget in a currency: each amount typed with its sign
    (NT$240,000), or the amount headers in £K (Planned (£K) | 240)."""
    from retrokit.workbook.plan_scaffold import build_plan_workbook

    wb = build_plan_workbook(lang, filled=True)
    ws = wb[BUDGET.name(lang)]
    header = {str(c.value).rstrip(" *"): c.column for c in ws[1] if c.value}
    for key in ("planned", "actual", "revenue"):
        column = header[BUDGET.column(key).label(lang)]
        if mode == "£K":
            ws.cell(row=1, column=column).value = f"{BUDGET.column(key).label(lang)} (£K)"
        for r in range(2, 6):
            cell = ws.cell(row=r, column=column)
            if isinstance(cell.value, int | float):
                amount = cell.value
                cell.value = amount / 1000 if mode == "£K" else f"{mode}{amount:,.0f}"
    path = tmp_path / f"plan-{lang}-{len(mode)}.xlsx"
    wb.save(path)
    return path


def _report(tmp_path: Path, path: Path, fmt: str, *extra: str) -> str:
    from conftest import run_cli

    out = tmp_path / f"{path.stem}.{fmt}"
    proc = run_cli("report", str(path), "-o", str(out), "--today", TODAY, *extra)
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "lang,mode,total,line,message",
    [
        # Before: 總預算 60萬 … | KOL合作 | 24萬 | … 實際花費合計 72萬，超過總預算 60萬。
        ("zh-TW", "NT$", "總預算 NT$60萬", "| KOL合作 | NT$24萬 | 40.0% | NT$24萬 |",
         "實際花費合計 NT$72萬，超過總預算 NT$60萬"),
        ("zh-CN", "¥", "总预算 ¥60万", "| KOL合作 | ¥24万 | 40.0% | ¥24万 |",
         "实际花费合计 ¥72万，超过总预算 ¥60万"),
        # Before: Total budget 600K … | KOL | 240K | … spending adds up to 720K
        ("en", "£K", "Total budget £600K", "| KOL | £240K | 40.0% | £240K |",
         "spending adds up to £720K, over the total budget of £600K"),
        ("en", "US$", "Total budget US$600K", "| KOL | US$240K | 40.0% | US$240K |",
         "spending adds up to US$720K, over the total budget of US$600K"),
    ],
)  # fmt: skip
def test_the_plan_report_shows_the_budget_in_its_currency(
    tmp_path: Path, lang: Lang, mode: str, total: str, line: str, message: str
) -> None:
    path = _example_plan(tmp_path, lang, mode)
    md = _report(tmp_path, path, "md", "--lang", lang)
    assert total in md and line in md and message in md, md
    over = {"zh-TW": "超支 ", "zh-CN": "超支 ", "en": "over budget by "}[lang]
    assert over + mode[: -1 if mode == "£K" else None] in md  # over by NT$12萬, by £120K
    html = _report(tmp_path, path, "html", "--lang", lang)
    assert total.split(" ", 1)[1] in html
    from conftest import run_cli

    terminal = run_cli("analyze", str(path), "--lang", lang, "--today", TODAY).stdout
    assert total.split(" ", 1)[1] in terminal


def test_a_plan_without_a_currency_is_shown_as_before(tmp_path: Path) -> None:
    from retrokit.workbook.plan_scaffold import build_plan_workbook

    path = tmp_path / "plan.xlsx"
    build_plan_workbook("zh-TW", filled=True).save(path)
    md = _report(tmp_path, path, "md", "--lang", "zh-TW")
    assert "總預算 60萬，已分配 60萬，實際花費 72萬，超支 12萬" in md and "$" not in md


def _review_in_pounds(tmp_path: Path, lang: Lang) -> Path:
    rows = [
        {"metric": {"zh-CN": "收入", "en": "Revenue"}, "dimension": "revenue",
         "target": "£12,000", "actual": "£13,500"},
        {"metric": {"zh-CN": "预算(£K)", "en": "Budget (£K)"}, "dimension": "cost",
         "target": 480, "actual": 500, "direction": "lower"},
        {"metric": {"zh-CN": "访问量", "en": "Visits"}, "target": 5000, "actual": 4500},
    ]  # fmt: skip
    info = {"project": "UK", "start": "2024-07-01", "end": "2024-07-15", "owner": "Ann",
            "budget": "£480,000"}  # fmt: skip
    path = tmp_path / f"review-{lang}.xlsx"
    build_workbook(lang, kpis=rows, info=info).save(path)
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_a_money_kpi_and_the_review_budget_show_their_currency(tmp_path: Path, lang: Lang) -> None:
    """Before: 12K / 13.5K for £12,000 / £13,500, 480K £ for Budget (£K), 480K for £480,000."""
    from retrokit.render.view import review_view

    analysis = api.analyze_workbook(_review_in_pounds(tmp_path, lang))
    view = review_view(analysis, lang)
    rows = {r.metric: r for r in view.kpis}
    revenue, budget, visits = (rows[m] for m in [k.metric for k in analysis.kpis])
    big = {"zh-CN": "万", "zh-TW": "萬", "en": "K"}[lang]
    if lang == "en":
        assert (revenue.target, revenue.actual, revenue.gap) == ("£12K", "£13.5K", "+£1.5K")
    else:
        assert (revenue.target, revenue.actual) == ("£12,000", "£13,500")
    assert (
        budget.target.startswith("£") and budget.target.endswith(big) and " £" not in budget.target
    )
    assert (visits.target, visits.actual) == ("5,000", "4,500")
    shown = {i.key: i.value for i in view.info}
    assert shown["budget"] == {"zh-CN": "£48万", "zh-TW": "£48萬", "en": "£480K"}[lang]


def test_the_deck_shows_the_plan_budget_in_its_currency(tmp_path: Path) -> None:
    """The budget slide's table, its notes and its chart's labels in pounds (£240K)."""
    pptx = pytest.importorskip("pptx")
    import datetime as dt

    from pptx.enum.chart import XL_CHART_TYPE

    from conftest import ROOT
    from retrokit.render.deck import render_deck

    review = api.analyze_workbook(ROOT / "examples" / "summer-promo-2024.en.xlsx")
    plan = api.analyze_plan(_example_plan(tmp_path, "en", "£K"), today=dt.date(2024, 8, 8))
    out = tmp_path / "deck.pptx"
    out.write_bytes(render_deck(review, "en", plan=plan))
    prs = pptx.Presentation(str(out))
    texts = [
        cell.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    assert "£240K" in texts and "£300K" in texts
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
    assert "£600K" in notes
    pie = next(
        shape.chart
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_chart and shape.chart.chart_type == XL_CHART_TYPE.PIE
    )
    assert pie.plots[0].data_labels.number_format == '"£"General"K"'  # £240K, as the table
