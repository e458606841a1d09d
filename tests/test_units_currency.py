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
