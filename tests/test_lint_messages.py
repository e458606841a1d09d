"""Lint messages people read: severities in their language, a cell and a fix in every message,
rule metadata in one language, findings in the workbook's order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from builders import write
from conftest import run_cli


def test_the_step_summary_is_worded_in_the_runs_language(tmp_path: Path) -> None:
    review = write(tmp_path / "review.xlsx")
    for lang, head, word in (
        ("zh-CN", "| 文件 | 单元格 | 代码 | 级别 | 说明 |", "| 警告 |"),
        ("zh-TW", "| 檔案 | 儲存格 | 代碼 | 級別 | 說明 |", "| 警告 |"),
        ("en", "| file | cell | code | severity | message |", "| warning |"),
    ):
        summary = tmp_path / f"summary-{lang}.md"
        proc = run_cli(
            "lint",
            str(review),
            "--today",
            "2024-08-08",
            "--format",
            "github",
            "--lang",
            lang,
            env={"GITHUB_STEP_SUMMARY": str(summary)},
        )
        table = summary.read_text(encoding="utf-8")
        assert head in table and word in table, table
        # The annotation commands stay GitHub's own tokens.
        assert "::warning " in proc.stdout, proc.stdout


def _sarif(args: list[str], tmp_path: Path) -> dict[str, object]:
    from conftest import need_shared

    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((need_shared() / "schemas" / "sarif-schema-2.1.0.json").read_text())
    log = json.loads(run_cli("lint", *args, "--format", "sarif").stdout)
    jsonschema.validate(log, schema)
    return log  # type: ignore[no-any-return]


def test_sarif_rule_metadata_is_in_the_results_language(tmp_path: Path) -> None:
    from retrokit.i18n import t
    from retrokit.rules import REGISTRY

    review = write(tmp_path / "review.xlsx")  # a zh-CN workbook
    for options, lang in (([], "zh-CN"), (["--lang", "zh-TW"], "zh-TW"), (["--lang", "en"], "en")):
        log = _sarif([str(review), "--today", "2024-08-08", *options], tmp_path)
        run = log["runs"][0]  # type: ignore[index]
        a004 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "A004")
        short = REGISTRY["A004"].summary if lang == "en" else t("summary.A004", lang)
        assert a004["shortDescription"]["text"] == short, (lang, a004)
        assert a004["help"]["text"] == t("doc.A004", lang)
        result = next(r for r in run["results"] if r["ruleId"] == "A004")
        assert ("逾期" in result["message"]["text"]) == (lang != "en"), result
    # No finding: the head still comes, whole and valid.
    clean = tmp_path / "empty"
    clean.mkdir()
    log = _sarif([str(clean)], tmp_path)
    assert log["runs"][0]["results"] == []  # type: ignore[index]


# --- a finding on a row says its cell, also when the column it is about is missing ------------


def _without(src: Path, dst: Path, sheet_key: str, columns: str, set_: str) -> Path:
    """``src`` without the columns ``columns`` (keys, space-separated) of sheet ``sheet_key``,
    found by their labels."""
    import openpyxl

    from retrokit.workbook.plan_schema import PLAN
    from retrokit.workbook.schema import REVIEW

    sheet = next(s for s in (REVIEW if set_ == "review" else PLAN).sheets if s.key == sheet_key)
    book = openpyxl.load_workbook(src)
    ws = next(ws for ws in book.worksheets if ws.title in sheet.labels.values())
    for key in columns.split():
        labels = set(sheet.column(key).labels.values())
        found = [
            c.column
            for row in ws.iter_rows(min_row=1, max_row=5)
            for c in row
            if isinstance(c.value, str) and c.value.rstrip(" *") in labels
        ]
        assert found, f"{key} not found on {ws.title}"
        ws.delete_cols(found[0])
    book.save(dst)
    return dst


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from retrokit.workbook.plan_scaffold import init_plan
    from retrokit.workbook.scaffold import init

    folder = tmp_path_factory.mktemp("examples")
    return {
        "review": init(folder / "review.xlsx", lang="zh-CN", example_data=True),
        "plan": init_plan(folder / "plan.xlsx", lang="zh-CN", example_data=True),
    }


def _findings(path: Path, code: str, lang: str) -> list[dict[str, Any]]:
    out = run_cli(
        "lint",
        str(path),
        "--select",
        code,
        "--format",
        "json",
        "--lang",
        lang,
        "--today",
        "2024-08-20",
    ).stdout
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("set_", "sheet", "column", "code", "says"),
    [
        (
            "review",
            "kpis",
            "analysis",
            "K001",
            {
                "zh-CN": "请新增一列“分析简述”",
                "zh-TW": "請新增一欄「分析簡述」",
                "en": "no 'Analysis' column",
            },
        ),
        (
            "plan",
            "goals",
            "path",
            "G001",
            {
                "zh-CN": "本表没有以下列：达成路径",
                "zh-TW": "本表沒有以下欄位：達成路徑",
                "en": "no column for Path",
            },
        ),
        (
            "plan",
            "tasks",
            "owner",
            "P007",
            {
                "zh-CN": "请新增一列“负责人”",
                "zh-TW": "請新增一欄「負責人」",
                "en": "no 'Owner' column",
            },
        ),
        (
            "plan",
            "risks",
            "response",
            "X001",
            {
                "zh-CN": "本表没有以下列：应对措施",
                "zh-TW": "本表沒有以下欄位：應對措施",
                "en": "no column for Response",
            },
        ),
        (
            "plan",
            "tasks",
            "status finished",
            "P005",
            {
                "zh-CN": "请新增一列“状态”",
                "zh-TW": "請新增一欄「狀態」",
                "en": "no 'Status' column",
            },
        ),
    ],
)
def test_a_missing_column_is_said_at_the_rows_cell_with_the_column_to_add(
    examples: dict[str, Path],
    tmp_path: Path,
    set_: str,
    sheet: str,
    column: str,
    code: str,
    says: dict[str, str],
) -> None:
    book = _without(examples[set_], tmp_path / f"{set_}.xlsx", sheet, column, set_)
    for lang, text in says.items():
        found = _findings(book, code, lang)
        assert found, (code, lang)
        assert all(f["cell"] and f["row"] for f in found), found
        assert any(text in f["message"] for f in found), (lang, found)


# --- wording -------------------------------------------------------------------------------


def test_late_review_says_the_working_days_it_counted() -> None:
    from retrokit.i18n import t

    args = {"review": "2024-07-23", "end": "2024-07-15", "days": 6}
    for key in ("D001", "D001.weekdays"):
        for lang in ("zh-CN", "zh-TW"):
            text = t(key, lang, **args)  # type: ignore[arg-type]
            assert " 6 個工作日" in text or " 6 个工作日" in text, text
            assert "超过 6" not in text and "超過 6" not in text, text
        assert "came 6 working days after" in t(key, "en", **args)


def test_overdue_and_late_and_incomplete_findings_say_how_to_fix_them(
    examples: dict[str, Path], tmp_path: Path
) -> None:
    fixes = {
        "A004": {
            "zh-CN": "还要做请定一个新的完成时间",
            "zh-TW": "還要做請定一個新的完成時間",
            "en": "give it a new due date",
        },
        "G001": {
            "zh-CN": "请在这一行补填",
            "zh-TW": "請在本列補填",
            "en": "fill it in on this row",
        },
        "P005": {
            "zh-CN": "已重新排期请修改“结束时间”",
            "zh-TW": "已重新排程請修改「結束時間」",
            "en": "if it was re-planned, move its 'End'",
        },
    }
    plan = examples["plan"]
    late = {"状态": "进行中", "实际完成": None}
    books = {
        "A004": examples["review"],
        "G001": _set_cells(plan, tmp_path / "goal.xlsx", "推广目标", {"达成路径": None}),
        "P005": _set_cells(plan, tmp_path / "task.xlsx", "执行排期", late),
    }
    for code, said in fixes.items():
        for lang, text in said.items():
            found = _findings(books[code], code, lang)
            assert found and all(text in f["message"] for f in found), (code, lang, found)


def _set_cells(src: Path, dst: Path, sheet: str, cells: dict[str, Any]) -> Path:
    """``src`` with the first row under ``sheet``'s header set: {column label: value}."""
    import openpyxl

    book = openpyxl.load_workbook(src)
    ws = book[sheet]
    head = next(r for r in range(1, 6) if any(c.value in cells for c in ws[r]))
    for c in ws[head]:
        if c.value in cells:
            ws.cell(head + 1, c.column).value = cells[c.value]
    book.save(dst)
    return dst


def test_a_time_in_a_sheet_without_formulas_is_said_without_the_sheets_formula(
    tmp_path: Path,
) -> None:
    import datetime as dt

    import openpyxl

    from builders import typed_book

    path = typed_book(
        tmp_path / "hand.xlsx",
        {
            "基本信息": [
                ["项目名称", "双11复盘"],
                ["开始日期", "2024-11-01"],
                ["结束日期", "2024-11-11"],
            ],
            "KPI评估": [["指标名称", "目标值", "实际值"], ["投产比", dt.time(1, 3), "1:2.2"]],
        },
    )
    book = openpyxl.load_workbook(path)
    book["KPI评估"]["B2"].number_format = "h:mm"
    book.save(path)
    for lang in ("zh-CN", "zh-TW", "en"):
        found = _findings(path, "V006", lang)
        assert [f["cell"] for f in found] == ["B2"], found
        text = found[0]["message"]
        assert "公式" not in text and "formula" not in text, text
        assert "0.04375" in text, text


# --- order -------------------------------------------------------------------------------


def test_findings_come_in_the_workbooks_order(examples: dict[str, Path]) -> None:
    from retrokit.lint.engine import _column

    review = examples["review"]
    found = json.loads(
        run_cli("lint", str(review), "--today", "2024-08-20", "--format", "json").stdout
    )
    a004 = [f["cell"] for f in found if f["code"] == "A004"]
    assert a004 == sorted(a004, key=lambda c: int(c[1:])) and len(a004) > 1, a004
    text = run_cli("lint", str(review), "--today", "2024-08-20", "--format", "concise").stdout
    assert [
        line.split()[0].split("!")[-1] for line in text.splitlines() if " A004 " in line
    ] == a004
    # Sheet by sheet, then row by row, then left to right.
    from retrokit.workbook.reader import read_workbook

    names = read_workbook(review).sheet_names
    keys = [
        (names.index(f["sheet"]), f["row"] or 0, _column(f["cell"]))
        for f in found
        if f["sheet"] is not None
    ]
    assert keys == sorted(keys), found


def test_the_summary_speaks_the_folders_language_when_nothing_else_names_one(
    tmp_path: Path,
) -> None:
    """On a CI runner's C locale, with no --lang, an English folder is summed up in English
    (trial 51: English findings under 共检查 1 个文件); a mixed folder keeps zh-CN, and a
    language the environment names still wins."""
    from retrokit import api

    en = api.scaffold_workbook(tmp_path / "en.xlsx", lang="en", example=True)
    zh = api.scaffold_workbook(tmp_path / "zh.xlsx", lang="zh-CN", example=True)
    quiet = {"RETROKIT_LANG": ""}

    def last_line(*args: str, env: dict[str, str] | None = None) -> str:
        proc = run_cli("lint", *args, "--today", "2024-08-08", env={**quiet, **(env or {})})
        return proc.stdout.strip().splitlines()[-1]

    assert last_line(str(en)).startswith("1 file(s) checked")
    assert last_line(str(zh)).startswith("共检查 1 个文件")
    assert last_line(str(en), str(zh)).startswith("共检查 2 个文件")
    assert last_line(str(zh), env={"LANG": "en_GB.UTF-8"}).startswith("1 file(s) checked")
