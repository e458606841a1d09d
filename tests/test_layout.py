"""The layout: one direction of flow, one output path, no process-wide side effects."""

from __future__ import annotations

import datetime as dt
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from retrokit import api

TODAY = dt.date(2024, 8, 8)


# --- one direction of flow ------------------------------------------------------------------


def test_analyze_does_not_go_through_the_lint_engine(
    example_zh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import retrokit.lint.engine as engine

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("analyze went through the lint engine")

    monkeypatch.setattr(engine, "check_workbook", refuse)
    monkeypatch.setattr(engine, "iter_run", refuse)
    analysis = api.analyze_workbook(example_zh, today=TODAY)
    assert [k.metric for k in analysis.kpis][:2] == ["曝光量", "注册转化率"]
    assert analysis.findings  # the rules ran, without the engine


def test_campaigns_load_without_running_rules(
    example_zh: Path, example_en: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import retrokit.rules.registry as registry

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a rule ran while loading campaigns")

    monkeypatch.setattr(registry, "check", refuse)
    monkeypatch.setattr(registry, "check_set", refuse)
    campaigns = api.load_campaigns([example_zh.parent], today=TODAY)
    assert sorted(Path(c.workbook.path).name for c in campaigns) == [
        "summer.en.xlsx",
        "summer.xlsx",
    ]


def test_cli_compare_lessons_export_run_no_rules(example_zh: Path, tmp_path: Path) -> None:
    """In a fresh interpreter: the campaign commands never import a rule family."""
    code = (
        "import sys\n"
        "from retrokit.cli import main\n"
        f"sys.argv = ['retrokit', 'lessons', {str(example_zh)!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RULES', any(m.startswith('retrokit.rules.') for m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "RULES False" in out


def test_library_functions_leave_the_garbage_collector_alone(example_zh: Path) -> None:
    from retrokit.lint import check_workbook
    from retrokit.rules import Settings

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    api.analyze_workbook(example_zh, today=TODAY)
    check_workbook(example_zh, Settings(today=TODAY))
    api.load_campaigns([example_zh], today=TODAY)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_api_lint_paths_equals_the_command(example_zh: Path) -> None:
    findings = api.lint_paths([example_zh], today=TODAY)
    proc = run_cli("lint", str(example_zh), "--format", "json", "--today", "2024-08-08")
    assert [f.code for f in findings] == [f["code"] for f in json.loads(proc.stdout)]


def test_api_analyze_equals_the_command(example_zh: Path) -> None:
    from retrokit.render.json import to_json

    analysis = api.analyze_workbook(example_zh, today=TODAY)
    proc = run_cli("analyze", str(example_zh), "--format", "json", "--today", "2024-08-08")
    assert json.loads(proc.stdout) == to_json(analysis)


def test_api_scaffold_and_report(tmp_path: Path) -> None:
    path = api.scaffold_workbook(tmp_path / "x.xlsx", lang="en", example=True)
    html = api.render_report(api.analyze_workbook(path, today=TODAY), "html")
    assert html.startswith("<!DOCTYPE html>") and "Summer" in html


# --- one output path ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "name", "marker"),
    [
        (["compare"], "c.html", "<!DOCTYPE html>"),
        (["compare"], "c.md", "#"),
        (["compare"], "c.json", '"campaigns"'),
        (["compare", "--format", "table"], "c.txt", "2024"),
        (["lessons"], "l.csv", "2024年夏季促销活动"),
        (["lessons"], "l.json", '"lesson"'),
        (["lessons", "--format", "table"], "l.txt", "短视频"),
        (["analyze"], "a.json", '"kpis"'),
        (["analyze"], "a.txt", "曝光量"),
    ],
)
def test_every_command_honours_o(
    example_zh: Path, tmp_path: Path, args: list[str], name: str, marker: str
) -> None:
    target = tmp_path / "out" / name
    target.parent.mkdir()
    proc = run_cli(*args, str(example_zh), "-o", str(target), "--today", "2024-08-08")
    if args[0] == "lessons":  # lessons has no --today
        proc = run_cli(*args, str(example_zh), "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "" or proc.stdout.strip() == str(target)
    assert marker in target.read_text(encoding="utf-8-sig")


def test_lessons_csv_file_has_a_bom(example_zh: Path, tmp_path: Path) -> None:
    target = tmp_path / "lessons.csv"
    assert run_cli("lessons", str(example_zh), "-o", str(target)).returncode == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "args",
    [
        ["report", "-o", "r.pdf", "--format", "html"],
        ["report", "--format", "md", "-o", "r.html"],
        ["compare", "--format", "json", "-o", "c.html"],
        ["lessons", "--format", "csv", "-o", "l.json"],
        ["lint", "--format", "sarif", "-o", "l.xml"],
        ["analyze", "--format", "json", "-o", "a.html"],
    ],
)
def test_a_suffix_that_does_not_match_the_format_is_a_usage_error(
    example_zh: Path, tmp_path: Path, args: list[str]
) -> None:
    command, *rest = args
    proc = run_cli(command, str(example_zh), *rest, "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "does not match the format" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("?.*"))


def test_report_pdf_without_format_is_refused_not_written_as_html(
    example_zh: Path, tmp_path: Path
) -> None:
    """No PDF format exists: `-o r.pdf` names no format, so the default (html) is used only
    when the suffix does not belong to another format; .pdf is refused, and the message names
    the suffixes the command writes (it has no --format to tell the user to leave out)."""
    proc = run_cli("report", str(example_zh), "-o", str(tmp_path / "r.pdf"), "--lang", "en")
    assert proc.returncode == 2
    assert "cannot write a .pdf file" in proc.stderr and ".pptx" in proc.stderr
    assert "--format" not in proc.stderr
    assert not (tmp_path / "r.pdf").exists()
    lint = run_cli("lint", str(example_zh), "-o", str(tmp_path / "r.docx"), "--lang", "en")
    assert lint.returncode == 2 and ".sarif" in lint.stderr and ".txt" in lint.stderr


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [(".sarif", "sarif"), (".xml", "junit"), (".json", "json"), (".jsonl", "json-lines")],
)
def test_lint_output_suffix_picks_the_format(
    example_zh: Path, tmp_path: Path, suffix: str, fmt: str
) -> None:
    target = tmp_path / f"report{suffix}"
    run_cli("lint", str(example_zh), "-o", str(target), "--exit-zero")
    reference = run_cli("lint", str(example_zh), "--format", fmt, "--exit-zero").stdout
    assert target.read_text(encoding="utf-8") == reference


@pytest.mark.parametrize("command", ["lint", "compare", "lessons", "analyze"])
def test_o_naming_an_input_workbook_is_refused(
    example_zh: Path, tmp_path: Path, command: str
) -> None:
    before = example_zh.read_bytes()
    link = tmp_path / "link.xlsx"
    link.symlink_to(example_zh)
    for target in (example_zh, link):
        proc = run_cli(command, str(example_zh), "-o", str(target), "--format", "json")
        assert proc.returncode == 2, (command, proc.stderr)
        assert "会覆盖它" in proc.stderr
    assert example_zh.read_bytes() == before


def test_o_naming_a_workbook_inside_an_input_folder_is_refused(
    example_zh: Path, tmp_path: Path
) -> None:
    before = example_zh.read_bytes()
    proc = run_cli("lint", str(example_zh.parent), "-o", str(example_zh), "--format", "json")
    assert proc.returncode == 2
    assert example_zh.read_bytes() == before


# --- the layout itself -----------------------------------------------------------------------


def test_folders_show_the_architecture() -> None:
    package = ROOT / "src" / "retrokit"
    for room in ("cli", "i18n", "workbook", "method", "rules", "lint", "render"):
        assert (package / room / "__init__.py").is_file(), room
    assert (package / "api.py").is_file()
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in doc.split("`"):
        if path.startswith("src/retrokit/") and path.endswith(".py"):
            assert (ROOT / path).is_file(), f"docs/architecture.md names {path}"


def test_method_is_pure() -> None:
    """The computation imports no I/O, JSON, rendering or command-line module."""
    code = (
        "import sys\n"
        "import retrokit.method\n"
        "bad = [m for m in sys.modules if m.startswith(('retrokit.render', 'retrokit.cli',"
        " 'retrokit.lint', 'retrokit.rules', 'json', 'jinja2', 'openpyxl', 'pandas', 'rich'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_new_sheet_set_reads_without_touching_the_reader(tmp_path: Path) -> None:
    """A kind of workbook is declarations: the reader returns its tables by sheet key."""
    from openpyxl import Workbook as Book

    from retrokit.workbook.reader import read_workbook
    from retrokit.workbook.schema import Column, Sheet, SheetSet
    from retrokit.workbook.types import ColType

    overview = Sheet(
        "overview",
        {"zh-CN": "概况", "zh-TW": "概況", "en": "Overview"},
        kind="fields",
        columns=(
            Column(
                "name",
                {"zh-CN": "名称", "zh-TW": "名稱", "en": "Name"},
                ColType.TEXT,
                required=True,
            ),
            Column(
                "budget", {"zh-CN": "总预算", "zh-TW": "總預算", "en": "Budget"}, ColType.NUMBER
            ),
        ),
    )
    tasks = Sheet(
        "tasks",
        {"zh-CN": "任务", "zh-TW": "任務", "en": "Tasks"},
        columns=(
            Column(
                "task",
                {"zh-CN": "任务名称", "zh-TW": "任務名稱", "en": "Task"},
                ColType.TEXT,
                required=True,
            ),
            Column(
                "days",
                {"zh-CN": "工期", "zh-TW": "工期", "en": "Days"},
                ColType.NUMBER,
                required=True,
            ),
            Column(
                "start", {"zh-CN": "开始时间", "zh-TW": "開始時間", "en": "Start"}, ColType.DATE
            ),
        ),
    )
    plan = SheetSet("plan-test", (overview, tasks))
    book = Book()
    ws = book.active
    ws.title = "概況"
    ws.append(["名稱", "夏季促销"])
    ws.append(["總預算", "60万"])
    ws = book.create_sheet("Tasks")
    ws.append(["Start", "Task", "Days"])
    ws.append(["2024-06-01", "research", "5"])
    ws.append(["", "", ""])
    ws.append(["2024-06-10", "KOL", "not a number"])
    book.save(tmp_path / "plan.xlsx")

    wb = read_workbook(tmp_path / "plan.xlsx", sheet_set=plan)
    assert wb.kind == "plan-test" and set(wb.tables) == {"overview", "tasks"}
    overview_record = wb.fields("overview")
    assert overview_record is not None
    assert overview_record.values["budget"].value == 600_000
    assert [r.values["task"] for r in wb.table("tasks")] == ["research", "KOL"]
    assert [r.values["start"].isoformat() for r in wb.table("tasks")] == [
        "2024-06-01",
        "2024-06-10",
    ]
    assert [(f.code, f.cell) for f in wb.findings] == [("V001", "C4")]


def test_a_plan_beside_the_reviews_is_not_a_campaign(example_zh: Path) -> None:
    api.scaffold_workbook(example_zh.parent / "plan.xlsx", kind="plan", example=True)
    campaigns = api.load_campaigns([example_zh.parent], today=TODAY)
    assert [Path(c.workbook.path).name for c in campaigns] == ["summer.xlsx"]
