"""The workbook's formulas against the method, with real LibreOffice as the calculator.

The scaffold writes gap, achievement and result formulas so a team sees the numbers while it
types; retrokit recomputes them. Both must say the same thing. Every workbook below is written
by the scaffold, recalculated by LibreOffice in one headless run, and each cached value is
compared with what `retrokit.method.analyze` computes from the same file.

Out of scope by design (the reader sees what a formula cannot): numbers written as text
("500万", "≥5%", "1:3" in a text cell); a ratio typed as 1:3 into a General cell, which the
office program stores as the time 01:03; a plain 4 beside a 5% cell, which the reader takes as
4% from the other cell's number format; list values the reader folds but = does not (other
width, a script variant that is no listed spelling) and metric names it NFKC-folds (ＣＡＣ).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builders import TODAY
from conftest import ROOT, need_tool
from retrokit.method import DEFAULT_THRESHOLD, KpiResult, Status, analyze
from retrokit.workbook import scaffold
from retrokit.workbook.example import FMT_PCT, FMT_RATIO
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import KPIS, LANGS, META_SHEET, RESULT, Lang

TOLERANCE = 1e-9
CONFIGURED = 0.85  # a team's own threshold, written by `init` into the threshold cell

# (dimension, metric (zh-CN, en), direction, target, actual, formats of target and actual)
# Metric names decide the direction when Direction and Dimension say nothing: 费用/cost,
# 投诉/complaint and the vocabulary of retrokit.method.direction. zh-TW gets the names through
# OpenCC.
Case = tuple[str | None, tuple[str, str], str | None, float | None, float | None, str, str]
PLAIN, PCT, RATIO = "General", FMT_PCT, FMT_RATIO
CASES: list[Case] = [
    # higher is better, Direction filled
    ("traffic", ("曝光量", "Impressions"), "higher", 5_000_000, 4_500_000, PLAIN, PLAIN),
    ("traffic", ("访问量", "Visits"), "higher", 100, 120, PLAIN, PLAIN),
    ("revenue", ("销售额", "Sales"), "higher", 2_000_000, 1_600_000, PLAIN, PLAIN),
    ("users", ("新增用户", "New users"), "higher", 200, 200, PLAIN, PLAIN),  # exactly 100%
    ("users", ("活跃用户", "Active users"), "higher", 1000, 899.9, PLAIN, PLAIN),  # just below
    # higher is better, Direction blank and nothing cost-like
    ("conversion", ("订单数", "Orders"), None, 80, 76, PLAIN, PLAIN),
    (None, ("好评数", "Good reviews"), None, 30, 33, PLAIN, PLAIN),
    # lower is better, Direction filled on a neutral name
    ("other", ("平均响应时长", "Average response time"), "lower", 10, 12, PLAIN, PLAIN),
    ("other", ("处理时长", "Handling time"), "lower", 9, 10, PLAIN, PLAIN),  # exactly 90%
    # Direction says higher although the name sounds like a cost: Direction wins
    ("revenue", ("费用节省", "Cost savings"), "higher", 100, 95, PLAIN, PLAIN),
    # lower is better from a blank Direction: the cost dimension, then cost-like names
    ("cost", ("物料", "Materials"), None, 60, 72, PLAIN, PLAIN),
    ("cost", ("场地", "Venue"), None, 60, 50, PLAIN, PLAIN),
    (None, ("总费用(万元)", "Total cost (10k)"), None, 60, 72, PLAIN, PLAIN),
    ("conversion", ("CAC", "CAC"), None, 30, 25, PLAIN, PLAIN),
    ("conversion", ("获客成本", "Acquisition cost"), None, 27, 30, PLAIN, PLAIN),  # 90%
    # a value a customer brings stays higher-is-better in the cost dimension
    ("cost", ("客单价", "Average order value"), None, 100, 90, PLAIN, PLAIN),
    ("cost", ("获客单价", "Cost per acquisition"), None, 50, 45, PLAIN, PLAIN),
    # percentages in percent-formatted cells
    ("conversion", ("注册转化率", "Registration conversion"), "higher", 0.05, 0.04, PCT, PCT),
    ("conversion", ("点击率", "Click-through rate"), "higher", 0.1, 0.09, PCT, PCT),  # 90% in float
    ("traffic", ("跳出率", "Bounce rate"), None, 0.4, 0.5, PCT, PCT),
    ("traffic", ("流失率", "Churn rate"), None, 0.3, 0.3, PCT, PCT),  # 100%, lower
    ("conversion", ("复购率", "Repurchase rate"), "higher", 0.2, 0.17, PCT, PCT),  # 85%
    ("conversion", ("支付率", "Payment rate"), None, 0.05, 0.04, PCT, PLAIN),  # 0.04 beside 5%
    # ratios shown as 1:x
    ("revenue", ("ROI", "ROI"), "higher", 3, 2.2, RATIO, RATIO),
    ("revenue", ("投产比", "Return ratio"), None, 2.5, 2.7, RATIO, RATIO),
    # negative values and zero targets: the rate is undefined or below zero
    ("revenue", ("利润", "Profit"), "higher", 100, -20, PLAIN, PLAIN),
    ("revenue", ("亏损收窄", "Loss narrowing"), "higher", -50, 10, PLAIN, PLAIN),
    ("cost", ("退款", "Refunds"), "lower", 30, -5, PLAIN, PLAIN),
    ("cost", ("CPA", "CPA"), None, 30, 0, PLAIN, PLAIN),  # lower, nothing spent: exceeded
    ("engagement", ("客诉量", "Complaints received"), "lower", 10, 0, PLAIN, PLAIN),
    ("engagement", ("退款率", "Refund rate"), None, 0.02, 0, PCT, PCT),
    ("cost", ("退款", "Refunds"), "lower", 0, 0, PLAIN, PLAIN),  # zero target: undefined
    ("engagement", ("投诉量", "Complaints"), None, 0, 5, PLAIN, PLAIN),
    ("users", ("新客", "New customers"), "higher", 0, 10, PLAIN, PLAIN),
    ("users", ("会员数", "Members"), "higher", 0, 0, PLAIN, PLAIN),
    # around a configured 85%
    ("traffic", ("转发量", "Shares"), "higher", 100, 85, PLAIN, PLAIN),
    ("traffic", ("收藏量", "Saves"), "higher", 100, 84.9, PLAIN, PLAIN),
    ("traffic", ("评论量", "Comments"), "higher", 0.2, 0.17, PLAIN, PLAIN),
    ("cost", ("投放费用", "Ad spend"), None, 85, 100, PLAIN, PLAIN),
    # a rate a hair off a boundary (an actual pasted from a calculation): the method reads
    # it at 12 decimals, so 0.8999999999996 is 90% and 1.0000000000004 is 100%
    ("users", ("注册用户", "Sign-ups"), "higher", 1000, 899.9999999996, PLAIN, PLAIN),
    ("users", ("下单用户", "Buyers"), "higher", 1000, 1000.0000000004, PLAIN, PLAIN),
    ("traffic", ("分享量", "Reposts"), "higher", 1000, 849.9999999996, PLAIN, PLAIN),
    ("cost", ("退款", "Refunds"), "lower", -30, 5, PLAIN, PLAIN),
    # a target without an actual yet, or the other way round: nothing to compare
    ("revenue", ("客单价", "Basket size"), "higher", 300, None, PLAIN, PLAIN),
    ("revenue", ("毛利", "Gross margin"), "higher", None, 300, PLAIN, PLAIN),
    # direction read from the name (issue 14): the vocabulary on the hidden sheet
    ("conversion", ("获客单价", "Cost per acquisition"), None, 50, 58, PLAIN, PLAIN),
    ("traffic", ("平均点击价格", "Cost per click"), None, 2, 2.5, PLAIN, PLAIN),
    ("conversion", ("流失用户数", "Churned users"), None, 100, 120, PLAIN, PLAIN),
    ("engagement", ("差评率", "Negative review rate"), None, 0.02, 0.03, PCT, PCT),
    ("engagement", ("投诉解决率", "Complaint resolution rate"), None, 0.9, 0.95, PCT, PCT),
    ("cost", ("成本节约", "Cost savings"), None, 10, 12, PLAIN, PLAIN),
    ("revenue", ("客单价", "Average order value"), None, 200, 180, PLAIN, PLAIN),
    ("other", ("平均回复时长", "Average reply time"), None, 30, 40, PLAIN, PLAIN),
]
#: Rows typed past the dropdown (it only warns): list values in another language, or in a
#: spelling the reader accepts. (dimension, metric, direction, target, actual) as typed.
TYPED: list[tuple[str | None, str, str | None, float, float]] = [
    (None, "Response time", "lower", 10, 12),
    (None, "响应时长", "低", 10, 12),
    (None, "Wait time", "↓", 9, 10),
    (None, "等待时长", "Lower is better", 9, 10),
    (None, "Lower is better, typed lower case", "lower is better", 9, 10),
    ("费用", "物流", None, 60, 50),
    ("費用", "Shipping", None, 60, 72),
    ("cost", "Freight", None, 60, 72),
    ("成本", "Packaging", "越高越好", 60, 72),
    (" Cost ", "Printing", None, 60, 72),
    (None, "排队时长", " 越低越好", 9, 10),
    ("traffic", "Queue cost", " ", 9, 10),
]


def _rows(lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "dimension": dimension,
            # Keyed by language as the scaffold takes the example's text; zh-TW derives.
            "metric": {"zh-CN": metric[0], "en": metric[1]},
            "direction": direction,
            "target": target,
            "actual": actual,
        }
        for dimension, metric, direction, target, actual, _, _ in CASES
    ]


def _write(path: Path, lang: Lang, threshold: float) -> Path:
    wb = scaffold.build_workbook(lang, kpis=_rows(lang), threshold=threshold)
    ws = wb[KPIS.name(lang)]
    col = {c.key: i + 1 for i, c in enumerate(KPIS.columns)}
    for r, case in enumerate(CASES, start=2):
        for key, fmt in (("target", case[5]), ("actual", case[6])):
            ws.cell(row=r, column=col[key]).number_format = fmt
    for r, values in enumerate(TYPED, start=len(CASES) + 2):
        for key, value in zip(
            ("dimension", "metric", "direction", "target", "actual"), values, strict=True
        ):
            ws.cell(row=r, column=col[key], value=value)
    wb.save(path)
    return path


def _recalculate(books: list[Path], outdir: Path, profile: Path) -> list[Path]:
    """Open every workbook in ONE headless LibreOffice run, recalculate, save as .xlsx."""
    soffice = need_tool("soffice")
    proc = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            *map(str, books),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    saved = [outdir / b.name for b in books]
    missing = [p.name for p in saved if not p.exists()]
    assert proc.returncode == 0 and not missing, proc.stdout + proc.stderr
    return saved


BOOKS = [(lang, t) for lang in LANGS for t in (DEFAULT_THRESHOLD, CONFIGURED)]


Books = dict[tuple[str, float], tuple[Path, Path]]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> Books:
    """(lang, threshold) -> (the scaffold's file, LibreOffice's recalculated copy)."""
    src = tmp_path_factory.mktemp("recalc-src")
    books = [_write(src / f"kpis-{lang}-{t}.xlsx", lang, t) for lang, t in BOOKS]
    saved = _recalculate(
        books, tmp_path_factory.mktemp("recalc-out"), tmp_path_factory.mktemp("lo-profile")
    )
    return dict(zip(BOOKS, zip(books, saved, strict=True), strict=True))


def _sheet_rows(path: Path, lang: Lang) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(KPIS.name(lang)).to_python()


def _disagreements(kpi: KpiResult, row: list[Any], lang: Lang) -> Iterator[str]:
    col = {c.key: i for i, c in enumerate(KPIS.columns)}
    for key, computed in (("gap", kpi.gap), ("rate", kpi.rate)):
        shown = row[col[key]]
        if computed is None:
            if shown != "":
                yield f"{key}: sheet {shown!r}, method blank"
        elif not isinstance(shown, float) or abs(shown - computed) > TOLERANCE:
            yield f"{key}: sheet {shown!r}, method {computed!r}"
    label = RESULT.label_of(kpi.status.value if kpi.status else None, lang)
    if row[col["result"]] != label:
        yield f"result: sheet {row[col['result']]!r}, method {label!r}"


@pytest.mark.e2e
@pytest.mark.parametrize("lang,threshold", BOOKS)
def test_every_gap_rate_and_label_libreoffice_shows_is_what_the_method_computes(
    recalculated: Books, lang: Lang, threshold: float
) -> None:
    original, saved = recalculated[(lang, threshold)]
    rows = _sheet_rows(saved, lang)
    method = analyze(read_workbook(original), threshold=threshold).kpis
    assert len(method) == len(CASES) + len(TYPED)
    errors = [
        f"row {kpi.row} {kpi.metric}: {problem}"
        for kpi in method
        for problem in _disagreements(kpi, rows[kpi.row - 1], lang)
    ]
    assert not errors, "\n".join(errors)
    shown = [v for r in rows for v in r if isinstance(v, str)]
    assert not [v for v in shown if v.startswith(("#", "Err:"))]


@pytest.mark.e2e
def test_the_cases_cover_every_label_and_undefined_rate(
    recalculated: Books,
) -> None:
    original, _ = recalculated[("en", DEFAULT_THRESHOLD)]
    kpis = analyze(read_workbook(original)).kpis
    assert {k.status for k in kpis} == {*Status, None}
    assert {k.direction.value for k in kpis} == {"higher", "lower"}
    assert {k.undefined_reason for k in kpis} >= {"V004.zero", "V004.signs"}
    assert {k.form for k in kpis} == {"plain", "percent", "ratio"}


def test_the_threshold_lives_in_one_cell_that_every_result_formula_reads(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(scaffold.init(tmp_path / "r.xlsx", lang="en", threshold=CONFIGURED))
    sheet, cell = scaffold.THRESHOLD_CELL.replace("$", "").split("!")
    assert sheet.strip("'") == META_SHEET and wb[META_SHEET][cell].value == CONFIGURED
    results = [row[8].value for row in wb[KPIS.name("en")].iter_rows(min_row=2)]
    assert all(scaffold.THRESHOLD_CELL in f for f in results)
    assert not any(re.search(r"0\.\d", f) for f in results)


def test_the_default_threshold_is_the_methods_everywhere() -> None:
    from openpyxl import load_workbook

    from conftest import run_cli
    from retrokit.lint import Config
    from retrokit.rules import Settings

    # No configured threshold leaves it to the workbook's own cell, then to the default.
    assert Config().threshold is None
    assert Settings(today=TODAY).threshold == DEFAULT_THRESHOLD
    help_text = " ".join(
        re.sub(r"[│╭╮╰╯─]", " ", run_cli("analyze", "--help", "--lang", "en").stdout).split()
    )
    assert f"counts as met ({DEFAULT_THRESHOLD})" in help_text
    for name in ("summer-promo-2024.xlsx", "summer-promo-2024.en.xlsx"):
        meta = load_workbook(ROOT / "examples" / name)[META_SHEET]
        assert meta["A3"].value == "threshold" and meta["B3"].value == DEFAULT_THRESHOLD


# --- issue 14.5: every form the prompt advertises, typed as text, computes in the sheet --------

#: (metric (zh-CN, en), direction, target, actual) typed into the text-formatted cells as a team
#: types them: each form "prompt.kpi_number" lists, and their Traditional and full-width kin.
FORMS: list[tuple[tuple[str, str], str | None, str, str]] = [
    (("曝光量", "Impressions"), None, "500万", "450万"),
    (("访问量", "Visits"), None, "5000", "4500"),
    (("访客数", "Visitors"), None, "1,200", "1,080"),
    (("销售额", "Sales"), None, "200万元", "160万元"),
    (("成交额", "GMV"), None, "1.5亿", "1.8亿"),
    (("点赞数", "Likes"), None, "3k", "2.7K"),
    (("获客成本", "Acquisition cost"), None, "50元", "58元"),
    (("客单价", "Basket size"), "higher", "¥200", "￥180"),
    (("新增注册用户", "New registered users"), None, "1万人", "8000人"),
    (("注册转化率", "Registration conversion"), None, "5%", "4%"),
    (("退货率", "Return rate"), None, "5‰", "4‰"),
    (("跳出率", "Bounce rate"), None, "40％", "50％"),
    (("ROI", "ROI"), None, "1:3", "1:2.2"),
    (("投产比", "Return ratio"), None, "1：2.5", "1：2.7"),
    (("覆盖人数", "Reach"), None, "5M", "4.5m"),
    (("会员数", "Members"), None, "500萬", "450萬"),
    (("总费用(万元)", "Total spend (10k CNY)"), None, "60", "72"),
    (("物流费用", "Shipping cost"), None, "20万", "18万"),
    (("下单用户", "Buyers"), None, "8000 users", "7000 users"),
    (("广告预算", "Ad budget"), "lower", "50 CNY", "45 CNY"),
    (("利润", "Profit"), "higher", "100万", "-20万"),
]
#: Forms retrokit reads that the sheet's formulas do not: the sheet stays blank (no V006).
UNCOMPUTED: list[tuple[tuple[str, str], str | None, str, str]] = [
    (("点击率", "Click-through rate"), None, "≥5%", "4%"),
    (("复购人数", "Repeat buyers"), None, "两千", "1800"),
]
#: The sheet computes with another value than retrokit reads: V006 says how to write it.
MISREAD: tuple[tuple[str, str], str | None, str, str] = (
    ("收藏率", "Save rate"),
    None,
    "5%以上",
    "4%",
)


def _write_forms(path: Path, lang: Lang) -> Path:
    import datetime as dt

    rows = [*FORMS, *UNCOMPUTED, MISREAD]
    wb = scaffold.build_workbook(
        lang,
        kpis=[
            {"metric": {"zh-CN": m[0], "en": m[1]}, "direction": d, "target": t, "actual": a}
            for m, d, t, a in rows
        ],
    )
    ws = wb[KPIS.name(lang)]
    col = {c.key: i + 1 for i, c in enumerate(KPIS.columns)}
    # 1:3 typed into a General cell of an older workbook: Excel and LibreOffice keep the time 01:03
    r = len(rows) + 2
    ws.cell(row=r, column=col["metric"], value="ROI (time)")
    target = ws.cell(row=r, column=col["target"], value=dt.time(1, 3))
    target.number_format = "h:mm"
    ws.cell(row=r, column=col["actual"], value="1:2.2")
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """lang -> (the scaffold's file with typed forms, LibreOffice's recalculated copy)."""
    src = tmp_path_factory.mktemp("forms-src")
    books = [_write_forms(src / f"forms-{lang}.xlsx", lang) for lang in LANGS]
    saved = _recalculate(
        books, tmp_path_factory.mktemp("forms-out"), tmp_path_factory.mktemp("lo-profile-forms")
    )
    return dict(zip(LANGS, zip(books, saved, strict=True), strict=True))


@pytest.mark.e2e
@pytest.mark.parametrize("lang", LANGS)
def test_every_advertised_form_computes_in_the_sheet_as_retrokit_reads_it(
    forms: dict[str, tuple[Path, Path]], lang: Lang
) -> None:
    _, saved = forms[lang]
    rows = _sheet_rows(saved, lang)
    kpis = analyze(read_workbook(saved)).kpis
    assert not [f for f in read_workbook(saved).findings if f.code == "V001"]
    errors = [
        f"row {kpi.row} {kpi.metric}: {problem}"
        for kpi in kpis[: len(FORMS)]
        for problem in _disagreements(kpi, rows[kpi.row - 1], lang)
    ]
    assert not errors, "\n".join(errors)
    assert all(k.gap is not None for k in kpis[: len(FORMS)])
    col = {c.key: i for i, c in enumerate(KPIS.columns)}
    for kpi in kpis[len(FORMS) : len(FORMS) + len(UNCOMPUTED)]:
        assert kpi.gap is not None and rows[kpi.row - 1][col["gap"]] == "", kpi.metric


@pytest.mark.e2e
@pytest.mark.parametrize("lang", LANGS)
def test_v006_after_recalculation_names_only_what_the_sheet_misreads(
    forms: dict[str, tuple[Path, Path]], lang: Lang
) -> None:
    from retrokit.api import lint_paths

    _, saved = forms[lang]
    v006 = [f for f in lint_paths([saved], today=TODAY, jobs=1) if f.code == "V006"]
    misread, time_row = len(FORMS) + len(UNCOMPUTED) + 2, len(FORMS) + len(UNCOMPUTED) + 3
    assert [(f.key, f.cell) for f in v006] == [
        ("V006.form", f"E{misread}"),
        ("V006.time", f"E{time_row}"),
    ]
    time_message = v006[1].message()
    assert "01:03" in time_message and "1:3" in time_message


@pytest.mark.e2e
@pytest.mark.parametrize("lang,threshold", BOOKS)
def test_a_freshly_recalculated_sheet_has_no_v006_whatever_the_threshold(
    recalculated: Books, lang: Lang, threshold: float
) -> None:
    """The result formulas read the workbook's own threshold; V006 models them with it, so a
    team's 85% is no disagreement when lint runs with the default."""
    from retrokit.api import lint_paths

    _, saved = recalculated[(lang, threshold)]
    assert read_workbook(saved).threshold == threshold
    v006 = [f for f in lint_paths([saved], today=TODAY, jobs=1) if f.code == "V006"]
    assert not v006, [(f.cell, f.message()) for f in v006]
