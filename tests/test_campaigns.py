"""Across campaigns: init --from, compare, the lessons library, export, and R002."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import example_data, write
from conftest import libreoffice_convert, run_cli
from retrokit.workbook.schema import INFO, KPIS, PROBLEMS

ACTUALS = {  # campaign -> registration conversion, sales
    2: (0.052, 1_900_000),
    3: (0.056, 2_100_000),
}


def fill(path: Path, n: int, done_area: str | None = None) -> None:
    """What the team types into the new workbook: dates, targets and actuals, progress."""
    wb = load_workbook(path)
    info = wb[INFO.name("zh-CN")]
    start = dt.date(2024, 7, 1) + dt.timedelta(days=90 * (n - 1))
    values = {
        "项目名称 *": f"第{n}期活动",
        "开始日期 *": start,
        "结束日期 *": start + dt.timedelta(days=14),
        "负责人 *": "张经理",
        "核心问题 *": "注册转化是否改善？",
    }
    for row in info.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    kpis = wb[KPIS.name("zh-CN")]
    conversion, sales = ACTUALS[n]
    for row in kpis.iter_rows(min_row=2):
        metric = row[1].value
        if metric == "注册转化率":
            row[4].value, row[5].value = 0.05, conversion
        elif metric == "新增注册用户":  # follows the conversion: 5% of 200,000 visitors
            row[4].value, row[5].value = 10_000, round(conversion * 200_000)
        elif metric == "销售额":
            row[4].value, row[5].value = 2_000_000, sales
        elif metric:
            row[4].value, row[5].value = 100, 95
    problems = wb[PROBLEMS.name("zh-CN")]
    for row in problems.iter_rows(min_row=2):
        if done_area and row[0].value == done_area:
            row[10].value = "已完成"
    wb.save(path)


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    first = write(tmp_path / "c1.xlsx")
    before = hashlib.sha256(first.read_bytes()).hexdigest()
    second, third = tmp_path / "c2.xlsx", tmp_path / "c3.xlsx"
    assert run_cli("init", str(second), "--from", str(first)).returncode == 0
    assert hashlib.sha256(first.read_bytes()).hexdigest() == before
    fill(second, 2, done_area="注册环节")
    assert run_cli("init", str(third), "--from", str(second)).returncode == 0
    fill(third, 3)
    return [first, second, third]


def test_init_from_carries_the_kpi_list_and_open_actions(three: list[Path]) -> None:
    data = json.loads(run_cli("analyze", str(three[1]), "--format", "json").stdout)
    assert [k["metric"] for k in data["kpis"]] == [k["metric"] for k in example_data()["kpis"]]
    assert data["kpis"][3]["direction"] == "lower" and data["kpis"][4]["core"] is True
    # all three actions of the example were open; each remembers where it came from
    assert [p["carried_from"] for p in sorted(data["problems"], key=lambda p: p["row"])] == [
        "c1.xlsx 第 2 行",
        "c1.xlsx 第 3 行",
        "c1.xlsx 第 4 行",
    ]
    third = json.loads(run_cli("analyze", str(three[2]), "--format", "json").stdout)
    assert sorted(p["area"] for p in third["problems"]) == ["广告投放", "跨部门协作"]


def test_compare_follows_metrics_actions_and_recurring_areas(three: list[Path]) -> None:
    proc = run_cli("compare", *map(str, reversed(three)), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [c["project"] for c in data["campaigns"]] == [
        "2024年夏季促销活动",
        "第2期活动",
        "第3期活动",
    ]
    conversion = next(m for m in data["metrics"] if m["metric"] == "注册转化率")
    assert [round(p["rate"], 3) for p in conversion["series"]] == [0.8, 1.04, 1.12]
    effect = next(
        e
        for e in data["action_effects"]
        # the registration problem names the core KPI it moves (issue 14.7)
        if e["metric"] == "新增注册用户" and e["next_file"].endswith("c2.xlsx")
    )
    assert effect["rose"] is True
    carried = {c["area"]: c["times"] for c in data["carried_over"]}
    assert carried == {"广告投放": 2, "跨部门协作": 2}
    assert effect["effect"] == "improved"
    # the carried rows are the same problems followed (listed above), not recurrences
    assert data["recurring_areas"] == []


@pytest.mark.parametrize("fmt", ["html", "md", "table"])
def test_compare_reports(three: list[Path], fmt: str) -> None:
    proc = run_cli("compare", *map(str, three), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert "第3期活动" in proc.stdout and "注册转化率" in proc.stdout
    if fmt == "html":
        assert "<svg" in proc.stdout and "<script" not in proc.stdout
    if fmt == "md":
        assert "```mermaid\nxychart-beta" in proc.stdout


def test_r002_flags_an_action_carried_twice_without_progress(three: list[Path]) -> None:
    proc = run_cli(
        "lint", str(three[0].parent), "--select", "R002", "--format", "json", "--lang", "en"
    )
    found = json.loads(proc.stdout)
    assert {(Path(f["file"]).name, f["code"]) for f in found} == {("c3.xlsx", "R002")}
    assert len(found) == 2 and "carried over 2 times" in found[0]["message"]


def test_lessons_library_searches_across_scripts(tmp_path: Path) -> None:
    write(tmp_path / "cn.xlsx")
    tw = example_data()
    tw["lessons"][0]["lesson"] = "短影音+直播組合降低了獲客成本"
    tw["info"]["project"] = "2024年夏季促銷活動（台灣）"  # another campaign: lessons use one once
    write(tmp_path / "tw.xlsx", tw, lang="zh-TW")
    proc = run_cli("lessons", str(tmp_path), "--search", "获客成本", "--format", "json")
    rows = json.loads(proc.stdout)
    assert sorted(Path(r["file"]).name for r in rows) == ["cn.xlsx", "tw.xlsx"]
    proc = run_cli("lessons", str(tmp_path), "--category", "lesson", "--format", "md")
    assert proc.stdout.count("上线前先测试") == 2
    assert run_cli("lessons", str(tmp_path), "--category", "x").returncode == 2


def test_a_mixed_folder_is_answered_in_the_language_most_campaigns_use(tmp_path: Path) -> None:
    """The first file found was zh-TW, so a folder of mostly zh-CN reviews was answered in
    Traditional Chinese (its CSV header too)."""
    for name, lang in (("a-tw", "zh-TW"), ("b", "zh-CN"), ("c", "zh-CN")):
        data = example_data()  # three campaigns: compare uses one campaign given twice once
        data["info"]["project"] = f"{data['info']['project']} {name}"
        write(tmp_path / f"{name}.xlsx", data, lang=lang)  # type: ignore[arg-type]
    env = {"LANG": "C.UTF-8", "RETROKIT_LANG": ""}
    header = run_cli("lessons", str(tmp_path), "--format", "csv", env=env).stdout.splitlines()[0]
    assert "经验" in header or "分类" in header, header
    assert "類" not in header and "經" not in header
    assert "项目" in run_cli("compare", str(tmp_path), env=env).stdout


@pytest.mark.e2e
def test_lessons_csv_opens_in_libreoffice_without_mojibake(tmp_path: Path) -> None:
    write(tmp_path / "cn.xlsx")
    csv = tmp_path / "lessons.csv"
    assert run_cli("lessons", str(tmp_path), "--format", "csv", "-o", str(csv)).returncode == 0
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    from python_calamine import CalamineWorkbook

    # Headless LibreOffice does not run the import dialog, whose charset guess picks UTF-8 for a
    # BOM-marked file; name UTF-8 (76) as that dialog does. The BOM must then be consumed.
    converted = libreoffice_convert(csv, tmp_path / "lo", "xlsx", infilter="CSV:44,34,76,1")
    rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "活动" and rows[1][3] == "短视频+直播组合降低了获客成本"


def test_every_exported_row_has_exactly_its_table_columns(three: list[Path]) -> None:
    from retrokit.lint import check_workbook
    from retrokit.render.export import table_columns, tables
    from retrokit.rules import Settings

    settings = Settings(today=dt.date(2024, 9, 1))
    analyses = [check_workbook(p, settings).context.analysis for p in three]  # type: ignore[union-attr]
    columns = table_columns()
    for name, rows in tables(analyses).items():
        assert rows and all(list(row) == columns[name] for row in rows), name


FORMULA_LOOKALIKES = ["=1+1", '=HYPERLINK("http://x.example","x")', "@SUM(A1)", "+1", "-2"]


def test_exported_cell_text_stays_text(tmp_path: Path) -> None:
    """A metric or action that starts like a formula is exported as the text it is, never as
    a live formula, in openpyxl's reading and in LibreOffice's recalculation."""
    source = write(tmp_path / "hostile.xlsx")
    book = load_workbook(source)  # typed as text, as a person types '=1+1 in Excel
    sheet = book[KPIS.name("zh-CN")]
    metric = [c.value for c in sheet[1]].index(KPIS.column("metric").label("zh-CN")) + 1
    for row, text in enumerate(FORMULA_LOOKALIKES, start=2):
        cell = sheet.cell(row=row, column=metric, value=text)
        cell.data_type = "s"
    sheet = book[PROBLEMS.name("zh-CN")]
    action = [c.value for c in sheet[1]].index(PROBLEMS.column("action").label("zh-CN")) + 1
    cell = sheet.cell(row=2, column=action, value="=cmd|' /C calc'!A0")
    cell.data_type = "s"
    book.save(source)
    target = tmp_path / "out.xlsx"
    proc = run_cli("export", str(source), "--to", str(target))
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(target)
    metrics = [(c.value, c.data_type) for c in wb["kpis"]["D"][1:]]
    assert [m for m, _ in metrics[: len(FORMULA_LOOKALIKES)]] == FORMULA_LOOKALIKES
    assert all(kind == "s" for _, kind in metrics[: len(FORMULA_LOOKALIKES)]), metrics
    texts = [(c.value, c.data_type) for row in wb["problems"].iter_rows() for c in row]
    assert ("=cmd|' /C calc'!A0", "s") in texts
    from python_calamine import CalamineWorkbook

    recalculated = libreoffice_convert(target, tmp_path / "lo", "xlsx")
    rows = CalamineWorkbook.from_path(str(recalculated)).get_sheet_by_name("kpis").to_python()
    assert [r[3] for r in rows[1 : 1 + len(FORMULA_LOOKALIKES)]] == FORMULA_LOOKALIKES


@pytest.mark.parametrize("suffix", [".xlsx", ".sqlite", ".csv"])
def test_a_sheet_without_rows_exports_a_table_with_its_header(tmp_path: Path, suffix: str) -> None:
    import pandas as pd

    from retrokit.render.export import table_columns

    data = example_data()
    data["problems"], data["lessons"] = [], []
    target = tmp_path / f"out{suffix}"
    proc = run_cli("export", str(write(tmp_path / "bare.xlsx", data)), "--to", str(target))
    assert proc.returncode == 0, proc.stderr
    if suffix == ".xlsx":
        frames = pd.read_excel(target, sheet_name=None, engine="calamine")
        frames.pop("_retrokit_export")  # the hidden sheet that marks our export
    elif suffix == ".sqlite":
        with sqlite3.connect(target) as con:
            frames = {n: pd.read_sql(f"select * from {n}", con) for n in table_columns()}
    else:
        frames = {
            p.stem: pd.read_csv(p, encoding="utf-8-sig")
            for p in target.with_suffix("").glob("*.csv")
        }
    assert {n: list(f.columns) for n, f in frames.items()} == table_columns()
    assert len(frames["problems"]) == len(frames["lessons"]) == 0 and len(frames["kpis"]) == 6


@pytest.mark.parametrize("suffix", [".xlsx", ".sqlite", ".csv"])
def test_export_tidy_tables(three: list[Path], tmp_path: Path, suffix: str) -> None:
    import pandas as pd

    target = tmp_path / f"out{suffix}"
    proc = run_cli("export", *map(str, three), "--to", str(target))
    assert proc.returncode == 0, proc.stderr
    if suffix == ".xlsx":
        frames = pd.read_excel(target, sheet_name=None, engine="calamine")
        frames.pop("_retrokit_export")  # the hidden sheet that marks our export
    elif suffix == ".sqlite":
        with sqlite3.connect(target) as con:
            frames = {
                n: pd.read_sql(f"select * from {n}", con)
                for n in ("campaigns", "kpis", "problems", "lessons")
            }
    else:
        folder = tmp_path / "out"
        frames = {p.stem: pd.read_csv(p, encoding="utf-8-sig") for p in folder.glob("*.csv")}
    assert set(frames) == {"campaigns", "kpis", "problems", "lessons"}
    assert list(frames["campaigns"]["campaign"]) == ["c1", "c2", "c3"]
    assert len(frames["kpis"]) == 18 and set(frames["kpis"]["campaign"]) == {"c1", "c2", "c3"}
    assert run_cli("export", *map(str, three), "--to", str(target)).returncode == 2
