"""Reading workbooks as people really fill them, and the method's computation on them."""

from __future__ import annotations

import datetime as dt
import json
import random
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from builders import TODAY, example_data, write
from conftest import ROOT, libreoffice_convert, run_cli
from retrokit.errors import UnreadableWorkbook
from retrokit.method import (
    Direction,
    Priority,
    Status,
    achievement_rate,
    analyze,
    infer_direction,
    priority,
    result_status,
    unit_of,
    why_chain,
)
from retrokit.render.json import to_json
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.scaffold import build_workbook
from retrokit.workbook.schema import LANGS, META_SHEET, SHEETS, Lang

# DOMAIN.md's worked example: metric -> (gap, rate, status, direction)
EXPECTED = [
    ("曝光量", -500_000, 0.9, "met", "higher"),
    ("注册转化率", -0.01, 0.8, "missed", "higher"),
    ("ROI", -0.8, 0.733333, "missed", "higher"),
    ("总费用(万元)", 12, 0.833333, "missed", "lower"),
    ("新增注册用户", -2000, 0.8, "missed", "higher"),
    ("销售额", -400_000, 0.8, "missed", "higher"),
]


def assert_worked_example(path: Path, reader: str = "calamine") -> dict:
    data = to_json(analyze(read_workbook(path, reader=reader), today=TODAY))
    got = [(k["metric"], k["gap"], k["rate"], k["status"], k["direction"]) for k in data["kpis"]]
    assert [g[0] for g in got] == [e[0] for e in EXPECTED]
    for (metric, gap, rate, status, direction), want in zip(got, EXPECTED, strict=True):
        assert gap == pytest.approx(want[1], abs=1e-9), metric
        assert rate == pytest.approx(want[2], abs=1e-6), metric
        assert (status, direction) == (want[3], want[4]), metric
    return data


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_the_worked_example_yields_domain_md_table(example_zh: Path, reader: str) -> None:
    data = assert_worked_example(example_zh, reader)
    assert data["summary"]["met"] == 1 and data["summary"]["missed"] == 5
    assert data["summary"]["core_missed"] == ["新增注册用户", "销售额"]
    assert [k["unit"] for k in data["kpis"]][:4] == [None, "%", None, "万元"]
    assert data["info"]["start"] == "2024-07-01" and data["info"]["budget"] == 600000


def test_cost_overrun_is_a_miss_not_a_success() -> None:
    rate, _ = achievement_rate(60, 72, Direction.LOWER)
    assert rate == pytest.approx(0.8333, abs=1e-4)
    assert result_status(rate) is Status.MISSED


def test_units_and_directions_from_metric_names_in_any_width() -> None:
    assert [
        unit_of(m) for m in ("总费用(万元)", "总费用（万元）", "费用﹙万元﹚", "Cost (USD)")
    ] == [
        "万元",
        "万元",
        "万元",
        "USD",
    ]
    assert unit_of("销售额") is None
    assert infer_direction(None, "获客成本") is Direction.LOWER
    assert infer_direction(None, "ＣＰＣ") is Direction.LOWER  # full-width letters
    assert infer_direction(None, "Bounce rate") is Direction.LOWER
    assert infer_direction(None, "曝光量") is Direction.HIGHER
    assert infer_direction("cost", "曝光量") is Direction.LOWER


def test_labels_follow_the_threshold() -> None:
    assert result_status(1.01) is Status.EXCEEDED
    assert result_status(1.0) is Status.MET
    assert result_status(0.9) is Status.MET
    assert result_status(0.8999) is Status.MISSED
    assert result_status(0.85, threshold=0.8) is Status.MET
    assert result_status(None) is None


def test_undefined_rates_are_reported_not_crashed() -> None:
    assert achievement_rate(0, 5, Direction.HIGHER) == (None, "V004.zero")
    assert achievement_rate(-5, 5, Direction.HIGHER) == (None, "V004.signs")
    assert achievement_rate(5, -1, Direction.LOWER) == (None, "V004.signs")
    # no complaints where 5 were allowed: no ratio, and no error either (exceeded)
    assert achievement_rate(5, 0, Direction.LOWER) == (None, None)


def test_a_5_why_chain_splits_on_arrows() -> None:
    assert why_chain("销量低 -> 转化低 → 跳出率高 ＞ 图片慢=>带宽小") == (
        "销量低",
        "转化低",
        "跳出率高",
        "图片慢",
        "带宽小",
    )


def test_priority_from_impact_and_effort() -> None:
    assert priority("high", "low") is Priority.QUICK_WIN
    assert priority("high", "high") is Priority.MAJOR_PROJECT
    assert priority("low", "low") is Priority.FILL_IN
    assert priority("low", "high") is Priority.DEFER
    assert priority("medium", "medium") is Priority.MAJOR_PROJECT
    assert priority(None, "low") is None


def test_problems_come_by_priority_and_overdue_is_marked(example_zh: Path) -> None:
    result = analyze(read_workbook(example_zh), today=dt.date(2024, 8, 8))
    assert [(p.area, p.priority, p.overdue) for p in result.problems] == [
        ("广告投放", Priority.QUICK_WIN, True),
        ("注册环节", Priority.QUICK_WIN, False),
        ("跨部门协作", Priority.MAJOR_PROJECT, False),
    ]


def _scattered(tmp_path: Path) -> Path:
    data = example_data()
    data["kpis"][0]["target"] = "500万"
    data["kpis"][0]["actual"] = "450万"
    data["kpis"][1]["target"] = "5%"
    data["kpis"][1]["actual"] = "4%"
    data["kpis"][2]["target"] = "1:3"
    data["kpis"][2]["actual"] = "1：2.2"
    data["kpis"][4]["target"] = "1万人"
    data["kpis"][4]["actual"] = "8000人"
    data["kpis"][5]["target"] = "200万元"
    data["kpis"][5]["actual"] = "160万元"
    order = {
        "kpis": ["metric", "备注", "actual", "target", "dimension", "core", "analysis"],
        "problems": [
            "owner",
            "area",
            "problem",
            "metric",
            "root_cause",
            "action",
            "due",
            "expected",
            "status",
            "impact",
            "effort",
        ],
    }
    return write(tmp_path / "scattered.xlsx", data, title_rows=2, order=order)


def test_title_rows_moved_and_extra_columns_and_typed_numbers(tmp_path: Path) -> None:
    path = _scattered(tmp_path)
    data = assert_worked_example(path)
    assert data["findings"] == []
    wb = read_workbook(path)
    assert wb.sheets["kpis"].header_row == 3
    assert wb.kpis[0].extra == {"备注": None} or "备注" in wb.kpis[0].extra


@pytest.mark.e2e
@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_a_workbook_saved_by_real_libreoffice(tmp_path: Path, reader: str) -> None:
    saved = libreoffice_convert(_scattered(tmp_path), tmp_path / "lo")
    assert_worked_example(saved, reader)
    scaffolded = libreoffice_convert(ROOT / "examples" / "summer-promo-2024.xlsx", tmp_path / "lo2")
    assert_worked_example(scaffolded, reader)


def test_a_traditional_chinese_workbook(tmp_path: Path) -> None:
    data = example_data()
    data["problems"][0]["status"] = "進行中"
    data["kpis"][3]["dimension"] = "成本"
    path = write(tmp_path / "tw.xlsx", data, lang="zh-TW")
    wb = read_workbook(path)
    assert wb.lang == "zh-TW"
    assert wb.problems[0].values["status"] == "in_progress"
    assert_worked_example(path)


def test_sheet_and_header_names_in_any_script_width_and_decoration(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = " ｋｐｉ評估 "
    ws.append(["指標名稱（必填）", "目標值 *", "實際值(required)", "方向"])
    ws.append(["跳出率", "40%", "50%", None])
    ws.append(["CAC", "≤30", "25", None])
    path = tmp_path / "odd.xlsx"
    wb.save(path)
    result = analyze(read_workbook(path), today=TODAY)
    assert [(k.metric, k.direction, k.status) for k in result.kpis] == [
        ("跳出率", Direction.LOWER, Status.MISSED),
        ("CAC", Direction.LOWER, Status.EXCEEDED),
    ]


def test_a_sheet_found_by_its_headers_when_its_name_is_unknown(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Metric", "Target", "Actual"])
    ws.append(["Sales", 100, 120])
    wb.save(tmp_path / "s.xlsx")
    result = analyze(read_workbook(tmp_path / "s.xlsx"), today=TODAY)
    assert result.kpis[0].status is Status.EXCEEDED


def test_a_plain_number_beside_a_percentage_is_a_percentage(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][1]["target"] = "5%"
    data["kpis"][1]["actual"] = 4
    result = analyze(read_workbook(write(tmp_path / "m.xlsx", data)), today=TODAY)
    kpi = result.kpis[1]
    assert (kpi.actual, kpi.rate, kpi.mixed_forms) == (0.04, 0.8, True)


def test_percent_formatted_cells_are_percentages(tmp_path: Path) -> None:
    data = example_data()
    path = write(tmp_path / "p.xlsx", data, percent_cells=("KPI评估!E3", "KPI评估!F3"))
    kpi = analyze(read_workbook(path), today=TODAY).kpis[1]
    assert kpi.form == "percent" and kpi.unit == "%"


def test_merged_area_cells_belong_to_every_row(tmp_path: Path) -> None:
    data = example_data()
    data["problems"][1]["area"] = None
    path = write(tmp_path / "merged.xlsx", data)
    wb = load_workbook(path)
    wb["问题与行动"].merge_cells("A2:A3")
    wb.save(path)
    problems = read_workbook(path).problems
    assert [p.values["area"] for p in problems][:2] == ["注册环节", "注册环节"]


def test_the_wrong_dimension_that_wps_writes_is_not_trusted(
    example_zh: Path, tmp_path: Path
) -> None:
    out = tmp_path / "wps.xlsx"
    with zipfile.ZipFile(example_zh) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                import re

                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:A1"/>', data)
            dst.writestr(item, data)
    assert_worked_example(out)
    assert_worked_example(out, "openpyxl")


def test_unparsable_cells_become_findings_with_their_address(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][0]["target"] = "大约五百万吧"
    data["problems"][0]["due"] = "下周"
    data["problems"][0]["status"] = "差不多了"
    wb = read_workbook(write(tmp_path / "bad.xlsx", data))
    assert [(f.code, f.sheet, f.cell) for f in wb.findings] == [
        ("V001", "KPI评估", "E2"),
        ("V002", "问题与行动", "G2"),
        ("V003", "问题与行动", "K2"),
    ]
    assert "大约五百万吧" in wb.findings[0].message("zh-CN")


def _zip_without(src: Path, dst: Path, member: str) -> Path:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
        for item in a.infolist():
            if item.filename != member:
                b.writestr(item, a.read(item.filename))
    return dst


def test_files_that_are_not_workbooks_raise_one_error_type(
    example_zh: Path, tmp_path: Path
) -> None:
    cases = {
        "empty.xlsx": (b"", "reason.empty"),
        "text.xlsx": ("项目,目标\n销售,100\n".encode(), "reason.not_spreadsheet"),
        "page.xlsx": (b"<html><body><table></table></body></html>", "reason.not_spreadsheet"),
        "half.xlsx": (example_zh.read_bytes()[:4000], "reason.bad_zip"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "reason.xls"),
    }
    for name, (content, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(UnreadableWorkbook) as info:
            read_workbook(path)
        assert info.value.reason == reason, name
        assert name in info.value.message("en")
    nowb = _zip_without(example_zh, tmp_path / "nowb.xlsx", "xl/workbook.xml")
    with pytest.raises(UnreadableWorkbook, match="no workbook"):
        read_workbook(nowb)
    with pytest.raises(UnreadableWorkbook, match="lock file"):
        (tmp_path / "~$summer.xlsx").write_bytes(b"\x0bowner")
        read_workbook(tmp_path / "~$summer.xlsx")


def test_analyze_json_contract(example_en: Path) -> None:
    proc = run_cli("analyze", str(example_en), "--format", "json", "--today", "2024-08-08")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {
        "file",
        "lang",
        "info",
        "kpis",
        "problems",
        "lessons",
        "summary",
        "findings",
    }
    assert data["lang"] == "en"
    assert set(data["info"]) == {
        "project",
        "type",
        "start",
        "end",
        "owner",
        "audience",
        "budget",
        "review_date",
        "team",
        "key_question",
        "scope",
    }
    kpi = data["kpis"][3]
    assert set(kpi) == {
        "row",
        "dimension",
        "metric",
        "channel",
        "direction",
        "direction_source",
        "unit",
        "target",
        "actual",
        "gap",
        "rate",
        "status",
        "core",
        "analysis",
    }
    assert (kpi["dimension"], kpi["direction"], kpi["status"]) == ("cost", "lower", "missed")
    problem = data["problems"][0]
    assert set(problem) == {
        "row",
        "area",
        "problem",
        "metric",
        "root_cause",
        "why_chain",
        "action",
        "owner",
        "due",
        "expected",
        "impact",
        "effort",
        "status",
        "priority",
        "overdue",
        "carried_from",
    }
    assert (problem["priority"], problem["overdue"], problem["due"]) == (
        "quick_win",
        True,
        "2024-08-05",
    )
    assert data["lessons"][0]["category"] == "success"
    assert [f["code"] for f in data["findings"]] == ["A004"]
    assert data["findings"][0]["cell"] == "G3" and "overdue" in data["findings"][0]["message"]
    # Streamed one row per line (a 100,000-row result is never one string in memory), and the
    # same document as the in-memory form the exports use.
    lines = proc.stdout.splitlines()
    assert sum(line.startswith('    {"row": ') for line in lines) == 6 + 3 + 2
    in_memory = to_json(analyze(read_workbook(example_en), today=dt.date(2024, 8, 8)))
    assert json.loads(json.dumps(in_memory)) == {**data, "findings": []}


def test_analyze_table_is_plain_text_off_a_terminal(example_zh: Path) -> None:
    proc = run_cli("analyze", str(example_zh), "--today", "2024-08-08")
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout
    for text in ("曝光量", "83.3%", "-1.0 pp", "+12 万元", "-50万", "已逾期", "优先做"):
        assert text in proc.stdout, text


def test_analyze_errors_are_one_line_with_exit_2(tmp_path: Path, example_zh: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook at all")
    for args in (
        ["analyze", str(bad)],
        ["analyze", str(tmp_path / "missing.xlsx")],
        ["analyze", str(example_zh), "--today", "yesterday"],
        ["analyze", str(example_zh), "--threshold", "5"],
        ["analyze", str(example_zh), "--format", "xml"],
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, args
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr


CELL = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.sampled_from(["500万", "1:3", "5%", "是", "高"]),
)
NAMES = st.sampled_from(["基本信息", "KPI評估", "Lessons", "问题与行动", "Sheet", "經驗沉澱", "x"])
HEADERS = st.sampled_from(
    [
        "指标名称",
        "目標值",
        "Actual",
        "Area",
        "根因分析",
        "负责人",
        "完成时间",
        "状态",
        "分类",
        "经验内容",
        "项目名称",
        "结束日期",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            NAMES, st.lists(HEADERS, max_size=6), st.lists(st.lists(CELL, max_size=8), max_size=8)
        ),
        min_size=1,
        max_size=4,
    ),
    st.randoms(),
)
def test_random_cell_contents_never_raise_anything_but_the_readers_error(
    tmp_path_factory: pytest.TempPathFactory, sheets: list, rnd: random.Random
) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for name, headers, rows in sheets:
        title = name if name not in wb.sheetnames else f"{name}{len(wb.sheetnames)}"
        ws = wb.create_sheet(title)
        ws.append(headers)
        for row in rows:
            ws.append(row)
        if rnd.random() < 0.3 and rows:
            ws.merge_cells(start_row=1, start_column=1, end_row=2, end_column=2)
    path = tmp_path_factory.mktemp("fuzz") / "f.xlsx"
    wb.save(path)
    try:
        result = analyze(read_workbook(path), today=TODAY)
        json.dumps(to_json(result))
    except UnreadableWorkbook:
        pass


def _detect_lang_before(names: Iterable[str], headers: Iterable[str]) -> Lang:
    """The language detection as it was first written: every text against every label."""
    votes = dict.fromkeys(LANGS, 0)
    texts = [n.strip() for n in (*names, *headers) if isinstance(n, str)]
    for text in texts:
        bare = text.replace("*", "").strip()
        for s in SHEETS:
            for lang in LANGS:
                if bare == s.name(lang) or any(bare == c.label(lang) for c in s.columns):
                    votes[lang] += 1
    return max(LANGS, key=lambda lang: (votes[lang], lang == "zh-CN"))


def _every_label() -> list[str]:
    return sorted(
        {s.name(lang) for s in SHEETS for lang in LANGS}
        | {c.label(lang) for s in SHEETS for c in s.columns for lang in LANGS}
    )


@pytest.mark.parametrize("scaffolded", [True, False], ids=["scaffold", "by-hand"])
@pytest.mark.parametrize("names_lang", LANGS)
@pytest.mark.parametrize("headers_lang", LANGS)
def test_language_detection_answers_as_before(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    headers_lang: Lang,
    names_lang: Lang,
    scaffolded: bool,
) -> None:
    """Headers in one language and sheet names in another (or the same), without the hidden
    sheet that names the language: the reader's answer is the old algorithm's."""
    from retrokit.workbook import reader

    path = tmp_path / "w.xlsx"
    if scaffolded:
        book = build_workbook(headers_lang, filled=True)
        del book[META_SHEET]
        book.save(path)
    else:
        write(path, example_data(), lang=headers_lang)
    book = load_workbook(path)
    for sheet in SHEETS:
        if sheet.name(headers_lang) in book.sheetnames:
            book[sheet.name(headers_lang)].title = sheet.name(names_lang)
    book.save(path)
    calls: list[tuple[list[str], list[str], Lang]] = []
    detect = reader._detect_lang

    def spy(names: Iterable[str], headers: Iterable[str], sheet_set: Any = None) -> Lang:
        names, headers = list(names), list(headers)
        calls.append((names, headers, detect(names, headers)))
        return calls[-1][2]

    monkeypatch.setattr(reader, "_detect_lang", spy)
    wb = read_workbook(path)
    [(names, headers, answer)] = calls
    assert answer == _detect_lang_before(names, headers) == wb.lang
    if headers_lang == names_lang:
        assert wb.lang == headers_lang


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_every_label()) | st.text(max_size=6),
            st.sampled_from(["", " ", "*", " *", "* ", "**", "\t"]),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_language_detection_matches_the_old_algorithm_on_any_texts(
    texts: list[tuple[str, str, bool]],
) -> None:
    from retrokit.workbook.reader import _detect_lang

    decorated = [f"{deco}{text}" if before else f"{text}{deco}" for text, deco, before in texts]
    half = len(decorated) // 2
    names, headers = decorated[:half], [*decorated[half:], None, 3.5]
    assert _detect_lang(names, headers) == _detect_lang_before(names, headers)  # type: ignore[list-item]
