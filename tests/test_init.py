"""`retrokit init`: the scaffolded workbook, its safety, and LibreOffice as an oracle."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import ROOT, libreoffice_convert, run_cli
from retrokit.workbook import scaffold
from retrokit.workbook.schema import (
    INFO,
    KPIS,
    LANGS,
    LESSONS,
    META_SHEET,
    PROBLEMS,
    SHEETS,
    TEMPLATE_VERSION,
)

EXPECTED = {  # DOMAIN.md's worked example: metric -> (gap, rate, label code)
    "曝光量": (-500_000, 0.9, "met"),
    "注册转化率": (-0.01, 0.8, "missed"),
    "ROI": (-0.8, 0.7333, "missed"),
    "总费用(万元)": (12, 0.8333, "missed"),
    "新增注册用户": (-2000, 0.8, "missed"),
    "销售额": (-400_000, 0.8, "missed"),
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("lang", LANGS)
def test_four_sheets_in_domain_order_plus_instructions_and_version(
    tmp_path: Path, lang: str
) -> None:
    path = scaffold.init(tmp_path / "r.xlsx", lang=lang)  # type: ignore[arg-type]
    wb = load_workbook(path)
    names = wb.sheetnames
    assert names[:4] == [s.name(lang) for s in SHEETS]  # type: ignore[arg-type]
    assert len(names) == 6 and names[5] == META_SHEET
    meta = wb[META_SHEET]
    assert meta.sheet_state == "hidden"
    assert [[c.value for c in row[:2]] for row in meta.iter_rows(max_row=3)] == [
        ["template_version", TEMPLATE_VERSION],
        ["lang", lang],
        ["threshold", 0.9],
    ]
    assert "retrokit lint" in str(wb[names[4]]["A1"].value) + "".join(
        str(c.value) for c in wb[names[4]]["A"]
    )


def test_headers_are_styled_frozen_and_carry_dropdowns(tmp_path: Path) -> None:
    wb = load_workbook(scaffold.init(tmp_path / "r.xlsx", lang="zh-CN"))
    ws = wb[KPIS.name("zh-CN")]
    assert ws.freeze_panes == "A2"
    headers = [c.value for c in ws[1]]
    assert headers[1] == "指标名称 *" and headers[0] == "维度"
    assert ws["A1"].font.bold
    assert ws.column_dimensions["K"].width >= 30
    lists = {str(dv.sqref)[0]: dv for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert set(lists) == {"A", "D", "J"}  # dimension, direction, core
    assert lists["J"].formula1 == '"是,否"'
    assert lists["A"].prompt and "流量" in lists["A"].prompt
    ws = wb[PROBLEMS.name("zh-CN")]
    kinds = {str(dv.sqref)[0]: dv.type for dv in ws.data_validations.dataValidation}
    assert kinds["G"] == "date" and kinds["I"] == kinds["J"] == kinds["K"] == "list"
    assert ws["A1"].value == "问题环节 *"


def test_kpi_formulas_are_direction_aware_and_read_target_and_actual_through_helpers() -> None:
    f = scaffold.kpi_formulas(2, "en")
    # O and R: the hidden helper cells that read target E and actual F as typed (issue 14.5)
    assert f["gap"] == '=IF(AND(ISNUMBER($O2),ISNUMBER($R2)),$R2-$O2,"")'
    assert "$O2/$R2" in f["rate"] and "$R2/$O2" in f["rate"]
    helpers = scaffold.helper_formulas(2)
    assert helpers["O"].startswith("=IF(ISNUMBER(E2),E2,") and "M2" in helpers["O"]
    assert '"Exceeded"' in f["result"] and f">={scaffold.THRESHOLD_CELL}" in f["result"]
    assert 'TRIM($D2)="越低越好"' in f["rate"] and "SEARCH('_retrokit'!$D$1:" in f["rate"]


def test_result_column_is_coloured(tmp_path: Path) -> None:
    ws = load_workbook(scaffold.init(tmp_path / "r.xlsx", lang="en"))[KPIS.name("en")]
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert len(rules) == 3
    assert {r.formula[0] for r in rules} == {'$I2="Exceeded"', '$I2="Met"', '$I2="Missed"'}


def test_example_fills_six_kpis_three_problems_two_lessons(example_zh: Path) -> None:
    wb = load_workbook(example_zh)
    kpis = [r for r in wb[KPIS.name("zh-CN")].iter_rows(min_row=2, values_only=True) if r[1]]
    assert [r[1] for r in kpis] == list(EXPECTED)
    assert [r[4] for r in kpis] == [5_000_000, 0.05, 3, 60, 10_000, 2_000_000]
    problems = [
        r for r in wb[PROBLEMS.name("zh-CN")].iter_rows(min_row=2, values_only=True) if r[0]
    ]
    assert [r[5] for r in problems] == ["李策划", "王主管", "刘主管"]
    lessons = [r for r in wb[LESSONS.name("zh-CN")].iter_rows(min_row=2, values_only=True) if r[1]]
    assert [r[0] for r in lessons] == ["成功经验", "改进教训"]
    info = {r[0]: r[1] for r in wb[INFO.name("zh-CN")].iter_rows(min_row=2, values_only=True)}
    assert info["项目名称 *"] == "2024年夏季促销活动"


def test_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"the team's precious work")
    before = sha(path)
    proc = run_cli("init", str(path), "--example")
    assert proc.returncode == 2
    assert (
        proc.stderr.count("\n") == 1 and "--force" in proc.stderr and "Traceback" not in proc.stderr
    )
    assert sha(path) == before
    assert run_cli("init", str(path), "--force").returncode == 0
    assert sha(path) != before


@pytest.mark.parametrize("option", ["--from", "--from-plan"])
def test_init_never_writes_over_the_workbook_it_reads(tmp_path: Path, option: str) -> None:
    """``init X --from X --force`` would replace the filled workbook with a blank one."""
    source = tmp_path / "filled.xlsx"
    kind = ["--kind", "plan"] if option == "--from-plan" else []
    assert run_cli("init", str(source), "--example", *kind).returncode == 0
    link = tmp_path / "link.xlsx"
    link.symlink_to(source)
    before = sha(source)
    for target in (source, link):
        proc = run_cli("init", str(target), option, str(source), "--force", "--lang", "en")
        assert proc.returncode == 2, proc.stderr
        assert "would overwrite" in proc.stderr and proc.stderr.count("\n") == 1
    assert sha(source) == before


def test_bad_paths_get_one_line_errors(tmp_path: Path) -> None:
    proc = run_cli("init", str(tmp_path / "missing" / "r.xlsx"), "--lang", "en")
    assert proc.returncode == 2 and "does not exist" in proc.stderr and proc.stderr.count("\n") == 1
    proc = run_cli("init", str(tmp_path / "r.csv"), "--lang", "en")
    assert proc.returncode == 2 and ".xlsx" in proc.stderr
    proc = run_cli("init", str(tmp_path / "r.xlsx"), "--lang", "fr")
    assert proc.returncode == 2 and "zh-TW" in proc.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "args,env,expected",
    [
        (["analyze", "{book}", "--format", "xml"], {}, "--format 只能是 table, json，不能是 xml"),
        (["analyze", "{book}", "--format", "xml", "--lang", "en"], {}, "--format must be"),
        (["analyze", "{book}", "--today", "2024-13-01"], {"RETROKIT_LANG": "zh-TW"}, "無法識別"),
        (["analyze", "{book}", "--threshold", "5", "--lang", "en"], {}, "between 0 and 1"),
        (["lint", "{book}", "--format", "foo"], {}, "--format 只能是 text"),
        (["lessons", "{book}", "--category", "x", "--lang", "en"], {}, "--category must be"),
        (["rule", "K00"], {}, "对应 5 条规则"),
        (["analyze", "{book}", "--lang", "xx"], {}, "不支持的语言 xx"),
        (["export", "{book}", "--to", "{book}.txt"], {"RETROKIT_LANG": "en"}, "export to a .xlsx"),
        (["compare", "{missing}", "--lang", "en"], {}, "no such file or folder"),
    ],
)
def test_command_line_errors_speak_the_users_language(
    example_zh: Path, tmp_path: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    """Wrong options are worded from the catalogue in --lang, else RETROKIT_LANG, else zh-CN."""
    paths = {"book": str(example_zh), "missing": str(tmp_path / "gone.xlsx")}
    argv = [a.format(**paths) for a in args]
    proc = run_cli(*argv, env={"RETROKIT_LANG": "", **env})
    assert expected in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_write_that_fails_midway_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.xlsx"
    scaffold.init(path, lang="en")
    before = sha(path)

    def explode(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", explode)
    from retrokit.errors import UserError

    with pytest.raises(UserError, match="the disk is full"):
        scaffold.init(path, lang="en", force=True)
    assert sha(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temp file left behind


def test_refuses_to_replace_a_workbook_open_in_excel(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    scaffold.init(path, lang="en")
    (tmp_path / "~$r.xlsx").write_bytes(b"lock")
    proc = run_cli("init", str(path), "--force", "--lang", "en")
    assert proc.returncode == 2 and "open in Excel" in proc.stderr


@pytest.mark.parametrize(
    "name,lang", [("summer-promo-2024.xlsx", "zh-CN"), ("summer-promo-2024.en.xlsx", "en")]
)
def test_examples_match_what_init_example_writes_now(tmp_path: Path, name: str, lang: str) -> None:
    fresh = scaffold.init(tmp_path / name, lang=lang, example_data=True)  # type: ignore[arg-type]
    committed = load_workbook(ROOT / "examples" / name)
    current = load_workbook(fresh)
    assert committed.sheetnames == current.sheetnames
    for ws in current.worksheets:
        got = [[c.value for c in row] for row in committed[ws.title].iter_rows()]
        want = [[c.value for c in row] for row in ws.iter_rows()]
        assert got == want, f"examples/{name} drifted on sheet {ws.title}: run `make examples`"


@pytest.mark.e2e
def test_libreoffice_recalculates_the_example_to_domain_values(
    example_zh: Path, tmp_path: Path
) -> None:
    from python_calamine import CalamineWorkbook

    saved = libreoffice_convert(example_zh, tmp_path / "lo")
    rows = CalamineWorkbook.from_path(str(saved)).get_sheet_by_name(KPIS.name("zh-CN")).to_python()
    labels = {"met": "基本完成", "missed": "未完成", "exceeded": "超额完成"}
    got = {r[1]: r for r in rows[1:] if r[1]}
    assert list(got) == list(EXPECTED)
    for metric, (gap, rate, label) in EXPECTED.items():
        row = got[metric]
        assert row[6] == pytest.approx(gap, abs=1e-9), metric
        assert row[7] == pytest.approx(rate, abs=5e-5), metric
        assert row[8] == labels[label], metric


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_other_languages_open_in_libreoffice_without_errors(tmp_path: Path, lang: str) -> None:
    from python_calamine import CalamineWorkbook

    src = scaffold.init(tmp_path / f"r-{lang}.xlsx", lang=lang, example_data=True)  # type: ignore[arg-type]
    saved = libreoffice_convert(src, tmp_path / "lo")
    wb = CalamineWorkbook.from_path(str(saved))
    assert wb.sheet_names[:4] == [s.name(lang) for s in SHEETS]  # type: ignore[arg-type]
    rows = wb.get_sheet_by_name(KPIS.name(lang)).to_python()  # type: ignore[arg-type]
    results = [r[8] for r in rows[1:7]]
    assert all(isinstance(v, str) and v for v in results), results
    assert not any(str(v).startswith(("#", "Err:")) for r in rows for v in r)


@pytest.mark.e2e
def test_wheel_ships_templates_and_runs_init_from_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=600,
    )
    wheel = next(dist.glob("retrokit-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("retrokit/templates/") for n in names), names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)], check=True, timeout=900
    )
    out = tmp_path / "fresh.xlsx"
    proc = subprocess.run(
        [str(venv / "bin" / "retrokit"), "init", str(out), "--example"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert load_workbook(out).sheetnames[0] == INFO.name("zh-CN")


@pytest.mark.parametrize("option", ["--from", "--from-plan"])
def test_init_reads_its_source_once(
    tmp_path: Path, option: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The source decides the new workbook's language and fills it: one reading does both."""
    from typer.testing import CliRunner

    from retrokit import api
    from retrokit.cli import application

    source = tmp_path / "source.xlsx"
    args = ["--kind", "plan"] if option == "--from-plan" else []
    assert run_cli("init", str(source), "--example", "--lang", "zh-TW", *args).returncode == 0
    reads: list[Path] = []
    opened = api.open_workbook

    def counted(path: Any, **kwargs: Any) -> Any:
        reads.append(Path(path))
        return opened(path, **kwargs)

    monkeypatch.setattr(api, "open_workbook", counted)
    result = CliRunner().invoke(
        application(), ["init", str(tmp_path / "new.xlsx"), option, str(source)]
    )
    assert result.exit_code == 0, result.output
    assert reads == [source]
    assert "KPI評估" in load_workbook(tmp_path / "new.xlsx").sheetnames  # the source's language


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--kind", "plan", "--from-plan", "{src}"], "--from-plan is for review workbooks"),
        (["--kind", "plan", "--from", "{src}"], "--from is for review workbooks"),
        (["--example", "--from-plan", "{src}"], "--example and --from-plan cannot be used"),
    ],
)
def test_options_that_cannot_go_together_are_refused(
    tmp_path: Path, args: list[str], words: str
) -> None:
    source = tmp_path / "plan.xlsx"
    assert run_cli("init", str(source), "--kind", "plan", "--example").returncode == 0
    target = tmp_path / "new.xlsx"
    given = [a.replace("{src}", str(source)) for a in args]
    proc = run_cli("init", str(target), *given, "--lang", "en")
    assert proc.returncode == 2 and words in proc.stderr and proc.stderr.count("\n") == 1
    assert not target.exists()


def test_init_errors_speak_the_users_language_not_the_sources(tmp_path: Path) -> None:
    """An English workbook given to --from: its language makes the new workbook English, but
    a refusal is said in the reader's own language (here the zh-TW locale)."""
    source = tmp_path / "english.xlsx"
    assert run_cli("init", str(source), "--example", "--lang", "en").returncode == 0
    proc = run_cli(
        "init", str(source), "--from", str(source), "--force", env={"LANG": "zh_TW.UTF-8"}
    )
    assert proc.returncode == 2 and "新活頁簿的路徑" in proc.stderr, proc.stderr
