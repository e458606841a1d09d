"""What a new user's trial of the review workbook found unchecked, typed as a user types it.

- A placeholder (无, 同上, 待定, TBD, 全体, everyone) in a required cell of the problems sheet
  counts as missing: A001 / A002 / A005 / A006 say the cell holds a placeholder.
- Lessons are read for opinion (W001) and blame (W002) as root causes are; actions for blame.
- A KPI's direction read from its name: a resolution time and days of inventory are waits, a
  cut or a saving is good.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from builders import TODAY, example_data, write
from retrokit import api
from retrokit.findings import Finding
from retrokit.method.direction import Direction, formula_words, infer_direction
from retrokit.rules.wording import is_placeholder
from retrokit.workbook.schema import Lang

# Columns of the problems sheet as builders writes them: D root cause, E action, F owner, G due.
CELL = {"root_cause": "D", "action": "E", "owner": "F", "due": "G"}
CODE = {"root_cause": "A005", "action": "A006", "owner": "A001", "due": "A002"}


def _findings(tmp_path: Path, lang: Lang, data: dict[str, Any]) -> list[Finding]:
    path = write(tmp_path / f"review-{lang}.xlsx", data, lang=lang)
    return list(api.analyze_workbook(path, today=TODAY).findings)


def _problem(lang: Lang, **cells: Any) -> dict[str, Any]:
    """The worked example with its first problem row changed as typed."""
    data = example_data()
    data["problems"][0].update(cells)
    return data


# --- 1. a placeholder is no value ----------------------------------------------------------

PLACEHOLDERS: list[tuple[Lang, str, str]] = [
    # root causes
    ("zh-CN", "root_cause", "无"),
    ("zh-CN", "root_cause", "-"),
    ("zh-CN", "root_cause", "—"),
    ("zh-CN", "root_cause", "同上"),
    ("zh-CN", "root_cause", "暂无。"),
    ("zh-TW", "root_cause", "無"),
    ("zh-TW", "root_cause", "同上"),
    ("zh-TW", "root_cause", "待釐清"),
    ("en", "root_cause", "n/a"),
    ("en", "root_cause", "N/A"),
    ("en", "root_cause", "none"),
    ("en", "root_cause", "TBD"),
    # actions
    ("zh-CN", "action", "-"),
    ("zh-CN", "action", "同上"),
    ("zh-CN", "action", "待定"),
    ("zh-TW", "action", "待定"),
    ("zh-TW", "action", "再議"),
    ("en", "action", "same as above"),
    ("en", "action", "TBD"),
    # owners
    ("zh-CN", "owner", "待定"),
    ("zh-CN", "owner", "同上"),
    ("zh-CN", "owner", "全体"),
    ("zh-CN", "owner", "大家"),
    ("zh-CN", "owner", "所有人"),
    ("zh-CN", "owner", "全体成员"),
    ("zh-TW", "owner", "待定"),
    ("zh-TW", "owner", "全體成員"),
    ("zh-TW", "owner", "所有人"),
    ("en", "owner", "TBD"),
    ("en", "owner", "ＴＢＤ"),
    ("en", "owner", "everyone"),
    ("en", "owner", "All"),
    # due dates
    ("zh-CN", "due", "待定"),
    ("zh-TW", "due", "未定"),
    ("en", "due", "TBD"),
]


@pytest.mark.parametrize("lang,column,value", PLACEHOLDERS)
def test_a_placeholder_in_a_required_cell_counts_as_missing(
    tmp_path: Path, lang: Lang, column: str, value: str
) -> None:
    findings = _findings(tmp_path, lang, _problem(lang, **{column: value}))
    code, cell = CODE[column], f"{CELL[column]}2"
    got = [f for f in findings if f.code == code and f.cell == cell]
    assert [f.key for f in got] == [f"{code}.placeholder"]
    message = got[0].message()
    assert value in message
    assert {"zh-CN": "占位", "zh-TW": "佔位", "en": "placeholder"}[lang] in message


@pytest.mark.parametrize("lang,value", [("zh-CN", "待定"), ("zh-TW", "未定"), ("en", "TBD")])
def test_a_placeholder_due_date_is_said_once(tmp_path: Path, lang: Lang, value: str) -> None:
    """The reader's "not a date" (V002) gives way to A002's placeholder message."""
    findings = _findings(tmp_path, lang, _problem(lang, due=value))
    cell = f"{CELL['due']}2"
    assert [f.key for f in findings if f.cell == cell] == ["A002.placeholder"]


def test_a_date_that_is_no_placeholder_keeps_its_v002(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "zh-CN", _problem("zh-CN", due="下周左右"))
    cell = f"{CELL['due']}2"
    assert [f.code for f in findings if f.cell == cell] == ["V002"]


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_blank_cell_keeps_its_own_message(tmp_path: Path, lang: Lang) -> None:
    findings = _findings(tmp_path, lang, _problem(lang, root_cause=None, owner=None))
    got = {(f.code, f.cell, f.key) for f in findings if f.code in ("A001", "A005")}
    assert got == {("A005", "D2", "A005"), ("A001", "F2", "A001")}


def test_a_placeholder_action_is_the_one_finding_of_its_row(tmp_path: Path) -> None:
    """No action to own: A006 says so, not A001 and A002 besides."""
    findings = _findings(tmp_path, "zh-CN", _problem("zh-CN", action="同上", owner=None, due=None))
    row = [(f.code, f.key) for f in findings if f.code.startswith("A") and f.row == 2]
    assert row == [("A006", "A006.placeholder")]


REAL_VALUES: list[tuple[Lang, str, str]] = [
    ("zh-CN", "owner", "王经理"),
    ("zh-CN", "owner", "市场部"),
    ("zh-CN", "owner", "全体销售由王经理牵头"),
    ("zh-TW", "owner", "王經理"),
    ("zh-TW", "owner", "行銷部"),
    ("en", "owner", "Marketing team"),
    ("en", "owner", "Li (planner)"),
    ("zh-CN", "root_cause", "无备选供应商"),
    ("zh-CN", "root_cause", "审核流程没有复核环节"),
    ("zh-TW", "root_cause", "沒有備援供應商"),
    ("en", "root_cause", "No backup vendor"),
    ("zh-CN", "action", "全员培训新规则"),
    ("zh-TW", "action", "全員訓練新規則"),
    ("en", "action", "Train all staff on the new rules"),
]


@pytest.mark.parametrize("lang,column,value", REAL_VALUES)
def test_a_real_value_is_no_placeholder(
    tmp_path: Path, lang: Lang, column: str, value: str
) -> None:
    findings = _findings(tmp_path, lang, _problem(lang, **{column: value}))
    assert not [f for f in findings if f.code in ("A001", "A002", "A005", "A006")]
    assert not is_placeholder(value)


def test_placeholders_fold_width_case_and_traditional_forms() -> None:
    for text in ("ＴＢＤ", "tbd", " N/A ", "全體成員", "同上。", "——", "…", "?", "〃", "Everyone"):
        assert is_placeholder(text), text
    for text in ("", "  ", "王经理", "市场部", "全体成员会议纪要", "All hands meeting on Monday"):
        assert not is_placeholder(text), text


# --- 2. lessons and actions are read for opinion and blame ---------------------------------

LESSON_WORDING: list[tuple[Lang, str, str]] = [
    ("zh-CN", "都怪小王没有及时跟进客户，销售太懒", "W002"),
    ("zh-CN", "可能是天气原因", "W001"),
    ("zh-TW", "都怪小王沒有及時跟進客戶，業務太懶", "W002"),
    ("zh-TW", "可能是天氣因素", "W001"),
    ("en", "Sales team was lazy and careless, blame them", "W002"),
    ("en", "Probably the weather", "W001"),
]


@pytest.mark.parametrize("lang,text,code", LESSON_WORDING)
def test_a_lesson_is_read_for_opinion_and_blame(
    tmp_path: Path, lang: Lang, text: str, code: str
) -> None:
    data = example_data()
    data["lessons"][0]["lesson"] = text
    findings = _findings(tmp_path, lang, data)
    assert [(f.code, f.cell) for f in findings if f.code.startswith("W")] == [(code, "B2")]


ROOT_CAUSE_WORDING: list[tuple[Lang, str, str]] = [
    ("zh-CN", "运营不够努力", "W002"),
    ("zh-CN", "渠道同学没有努力争取资源", "W002"),
    ("zh-CN", "设计不用心", "W002"),
    ("zh-CN", "客服态度有问题", "W002"),
    ("zh-CN", "销售工作态度差", "W002"),
    ("zh-CN", "都怪供应商", "W002"),
    ("zh-CN", "都是运营的错", "W002"),
    ("zh-CN", "大家都觉得素材不好", "W001"),
    ("zh-TW", "營運不夠努力", "W002"),
    ("zh-TW", "客服態度有問題", "W002"),
    ("zh-TW", "都是營運的錯", "W002"),
    ("zh-TW", "業務上班打混", "W002"),
    ("zh-TW", "大家都覺得素材不好", "W001"),
    ("en", "Lack of effort from the design team", "W002"),
    ("en", "Bad attitude in customer service", "W002"),
    ("en", "It was all the agency's fault", "W002"),
    ("en", "Everyone thinks the creatives were weak", "W001"),
]


@pytest.mark.parametrize("lang,text,code", ROOT_CAUSE_WORDING)
def test_the_trials_unflagged_root_causes_are_flagged(
    tmp_path: Path, lang: Lang, text: str, code: str
) -> None:
    findings = _findings(tmp_path, lang, _problem(lang, root_cause=text))
    assert (code, "D2") in [(f.code, f.cell) for f in findings]


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_certainty_that_someone_is_no_good_is_both_opinion_and_blame(
    tmp_path: Path, lang: Lang
) -> None:
    text = {"zh-CN": "肯定是销售不行", "zh-TW": "肯定是業務不行", "en": "It's surely Sales's fault"}
    findings = _findings(tmp_path, lang, _problem(lang, root_cause=text[lang]))
    codes = {f.code for f in findings if f.cell == "D2"}
    assert "W002" in codes
    if lang != "en":
        assert "W001" in codes


@pytest.mark.parametrize(
    "lang,action", [("zh-CN", "批评小王"), ("zh-TW", "批評小王並記過"), ("en", "Reprimand Wang")]
)
def test_an_action_that_scolds_a_person_is_blame(tmp_path: Path, lang: Lang, action: str) -> None:
    findings = _findings(tmp_path, lang, _problem(lang, action=action))
    assert ("W002", "E2") in [(f.code, f.cell) for f in findings]


SOUND: list[tuple[Lang, str, str]] = [
    ("zh-CN", "root_cause", "审核流程没有复核环节"),
    ("zh-CN", "root_cause", "预算审批慢了 3 天"),
    ("zh-CN", "root_cause", "销售跟进平均慢了 3 天"),
    ("zh-CN", "problem", "客户批评页面加载慢，跳出率 60%"),
    ("zh-CN", "action", "全员培训新审核流程"),
    ("zh-TW", "root_cause", "審核流程沒有複核環節"),
    ("zh-TW", "root_cause", "預算審批慢了 3 天"),
    ("zh-TW", "problem", "客戶批評頁面載入慢，跳出率 60%"),
    ("en", "root_cause", "We did not test the landing page on mobile"),
    ("en", "root_cause", "Budget approval took 3 days longer"),
    ("en", "action", "Add a mobile test to the launch checklist"),
]


@pytest.mark.parametrize("lang,column,text", SOUND)
def test_sound_wording_raises_no_alarm(tmp_path: Path, lang: Lang, column: str, text: str) -> None:
    findings = _findings(tmp_path, lang, _problem(lang, **{column: text}))
    assert not [f for f in findings if f.code in ("W001", "W002")]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("zh-CN", "下次应该提前 7 天备货"),
        ("zh-CN", "尽可能在上线前测试规则理解度"),
        ("zh-TW", "下次應該提前 7 天備貨"),
        ("en", "Test rule comprehension before launch"),
    ],
)
def test_a_lesson_that_recommends_is_no_opinion(tmp_path: Path, lang: Lang, text: str) -> None:
    data = example_data()
    data["lessons"][1]["lesson"] = text
    findings = _findings(tmp_path, lang, data)
    assert not [f for f in findings if f.code in ("W001", "W002")]


def test_a_guess_in_a_lesson_is_still_a_guess(tmp_path: Path) -> None:
    data = example_data()
    data["lessons"][1]["lesson"] = "应该是规则太复杂"
    findings = _findings(tmp_path, "zh-CN", data)
    assert [(f.code, f.cell) for f in findings if f.code == "W001"] == [("W001", "B3")]


# --- 3. direction read from the name -------------------------------------------------------

LOWER, HIGHER = Direction.LOWER, Direction.HIGHER
NAMES: list[tuple[str | None, str, Direction]] = [
    # a time to resolve a complaint is a wait; the rate of resolving them is good
    (None, "客诉解决时长", LOWER),
    (None, "客訴解決時長", LOWER),
    (None, "complaint resolution time", LOWER),
    (None, "问题解决时间", LOWER),
    (None, "time to resolve", LOWER),
    (None, "投诉解决率", HIGHER),
    (None, "投訴解決率", HIGHER),
    (None, "complaint resolution rate", HIGHER),
    # a cut of a wait is good (the review of the change found these read as waits)
    (None, "平均响应时长降幅", HIGHER),
    (None, "客诉解决时长降低", HIGHER),
    (None, "等待時長減少", HIGHER),
    (None, "load time reduction", HIGHER),
    # a cut or a saving is good, in the cost dimension too
    ("cost", "获客成本降幅", HIGHER),
    ("cost", "獲客成本降幅", HIGHER),
    ("cost", "cost reduction", HIGHER),
    ("cost", "降低率", HIGHER),
    ("cost", "下降幅度", HIGHER),
    ("cost", "减少量", HIGHER),
    ("cost", "減少量", HIGHER),
    ("cost", "spend decrease", HIGHER),
    ("cost", "cost savings", HIGHER),
    # bad events and prices stay lower-is-better
    (None, "跳出率", LOWER),
    (None, "流失率", LOWER),
    (None, "退款率", LOWER),
    (None, "CPC", LOWER),
    (None, "获客成本", LOWER),
    ("cost", "总费用", LOWER),
    # days of stock are a wait; days a user is active are not
    (None, "库存周转天数", LOWER),
    (None, "庫存週轉天數", LOWER),
    (None, "days of inventory", LOWER),
    (None, "inventory turnover days", LOWER),
    (None, "活跃天数", HIGHER),
    (None, "活躍天數", HIGHER),
    (None, "active days", HIGHER),
]


@pytest.mark.parametrize("dimension,name,direction", NAMES)
def test_the_direction_a_marketer_reads_in_the_name(
    dimension: str | None, name: str, direction: Direction
) -> None:
    assert infer_direction(dimension, name)[0] is direction


def test_the_sheets_formulas_read_the_same_new_words() -> None:
    words = formula_words()
    for w in (
        "解决时长",
        "解決時長",
        "周转天数",
        "週轉天數",
        "resolution time",
        "days of inventory",
    ):
        assert w in words["always_lower"], w
    for w in ("降幅", "降低", "减少", "減少", "reduction", "decrease", "savings"):
        assert w in words["higher"], w
    assert "活跃天数" not in words["always_lower"]


#: (dimension, metric (zh-CN, en), target, actual): the sheet's own formulas must label these
#: as the method does (zh-TW derives its names through OpenCC, as the scaffold writes them).
RECALC: list[tuple[str, tuple[str, str], float, float]] = [
    ("other", ("客诉解决时长", "Complaint resolution time"), 24, 30),
    ("cost", ("获客成本降幅", "Cost reduction"), 10, 12),
    ("cost", ("降低率", "Spend decrease"), 10, 8),
    ("cost", ("减少量", "Cost savings"), 10, 9),
    ("other", ("库存周转天数", "Days of inventory"), 30, 36),
    ("other", ("活跃天数", "Active days"), 10, 12),
    ("engagement", ("投诉解决率", "Complaint resolution rate"), 90, 95),
    ("other", ("平均响应时长降幅", "Load time reduction"), 20, 25),
]


@pytest.mark.e2e
def test_libreoffice_labels_the_new_names_as_the_method_does(tmp_path: Path) -> None:
    from retrokit.method import analyze
    from retrokit.workbook import scaffold
    from retrokit.workbook.reader import read_workbook
    from test_recalc import _disagreements, _recalculate, _sheet_rows

    langs: list[Lang] = ["zh-CN", "zh-TW", "en"]
    books = []
    for lang in langs:
        rows = [
            {"dimension": d, "metric": {"zh-CN": m[0], "en": m[1]}, "target": t, "actual": a}
            for d, m, t, a in RECALC
        ]
        path = tmp_path / f"names-{lang}.xlsx"
        scaffold.build_workbook(lang, kpis=rows).save(path)
        books.append(path)
    out, profile = tmp_path / "out", tmp_path / "profile"
    out.mkdir()
    saved = _recalculate(books, out, profile)
    for lang, original, recalculated in zip(langs, books, saved, strict=True):
        kpis = analyze(read_workbook(original)).kpis
        assert [k.direction.value for k in kpis] == [
            "lower",
            "higher",
            "higher",
            "higher",
            "lower",
            "higher",
            "higher",
            "higher",
        ], lang
        sheet = _sheet_rows(recalculated, lang)
        errors = [
            f"{lang} row {k.row} {k.metric}: {problem}"
            for k in kpis
            for problem in _disagreements(k, sheet[k.row - 1], lang)
        ]
        assert not errors, "\n".join(errors)


def test_a_teams_own_rate_formula_is_said_to_compute_otherwise(tmp_path: Path) -> None:
    """=F5/E5 on a lower-is-better row: after a real recalculation the cell still differs, so
    the advice is to check the formula, not to recalculate (V006.own, quoting it)."""
    from openpyxl import load_workbook

    from builders import write
    from conftest import libreoffice_convert
    from retrokit import api
    from retrokit.workbook.schema import KPIS

    path = write(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    ws = wb[KPIS.name("zh-CN")]
    head = [c.value for c in ws[1]]
    rate_col = next(i for i, h in enumerate(head, 1) if h and str(h).startswith("达成率"))
    row = next(r for r in range(2, 10) if "费用" in str(ws.cell(row=r, column=2).value))
    ws.cell(row=row, column=rate_col).value = f"=F{row}/E{row}"
    wb.save(path)
    saved = libreoffice_convert(path, tmp_path / "lo")
    analysis = api.analyze_workbook(saved)
    got = [f for f in analysis.findings if f.code == "V006" and f.row == row]
    assert [f.key for f in got] == ["V006.own"]
    assert f"=F{row}/E{row}" in got[0].message()


def test_a_teams_own_formula_filled_down_as_a_shared_formula_is_its_own_too(
    tmp_path: Path,
) -> None:
    """Excel writes a filled-down column as one formula the cells below share: each of them
    reads its own row's cells, and gets V006.own (not the advice to recalculate)."""
    import re
    import zipfile

    from openpyxl import load_workbook

    from builders import example_data, write
    from conftest import libreoffice_convert
    from retrokit import api
    from retrokit.workbook.schema import KPIS

    data = example_data()
    for kpi in data["kpis"][:2]:
        kpi["dimension"], kpi["metric"], kpi["direction"] = "cost", "获客成本(元)", "lower"
        kpi["target"], kpi["actual"] = 30, 36
    path = write(tmp_path / "r.xlsx", data)
    wb = load_workbook(path)
    ws = wb[KPIS.name("zh-CN")]
    head = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(head, 1) if h and str(h).startswith("达成率"))
    for row in (2, 3):
        ws.cell(row=row, column=col).value = f"=F{row}/E{row}"
    wb.save(path)
    saved = libreoffice_convert(path, tmp_path / "lo")
    shared = tmp_path / "shared.xlsx"
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(shared, "w") as dst:
        for item in src.infolist():
            data_bytes = src.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                data_bytes = re.sub(
                    rb"<f[^>]*>F2/E2</f>", b'<f t="shared" ref="X2:X3" si="0">F2/E2</f>', data_bytes
                )
                data_bytes = re.sub(rb"<f[^>]*>F3/E3</f>", b'<f t="shared" si="0"/>', data_bytes)
                assert b'si="0"/>' in data_bytes
            dst.writestr(item, data_bytes)
    analysis = api.analyze_workbook(shared)
    keys = {f.row: f.key for f in analysis.findings if f.code == "V006"}
    assert keys.get(2) == keys.get(3) == "V006.own"
    (third,) = [f for f in analysis.findings if f.code == "V006" and f.row == 3]
    assert "=F3/E3" in third.message()
