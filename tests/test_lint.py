"""`retrokit lint`: one case per rule, the CI formats, config and exit codes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builders import TODAY, example_data, write
from conftest import SHARED, need_shared, run_cli
from retrokit.lint import (
    Config,
    ConfigError,
    check_workbook,
    load_config,
    make_selection,
    run,
    select_findings,
)
from retrokit.rules import REGISTRY, Settings, rules

SETTINGS = Settings(today=TODAY)


def lint_codes(paths: list[Path], settings: Settings = SETTINGS) -> list[tuple[str, str | None]]:
    results = run(paths, settings)
    return [(f.code, f.cell) for f in select_findings(results, make_selection(Config()))]


def k(i: int, **changes: Any) -> Callable[[dict], None]:
    return lambda d: d["kpis"][i].update(changes)


def p(i: int, **changes: Any) -> Callable[[dict], None]:
    return lambda d: d["problems"][i].update(changes)


def lesson(i: int, **changes: Any) -> Callable[[dict], None]:
    return lambda d: d["lessons"][i].update(changes)


def info(**changes: Any) -> Callable[[dict], None]:
    return lambda d: d["info"].update(changes)


# (code, how to break the worked example, the cell it must name)
CASES: list[tuple[str, Callable[[dict], None], str | None]] = [
    ("S001", lambda d: d.pop("lessons"), None),
    (
        "S002",
        lambda d: d.update(
            _order={"problems": ["area", "problem", "root_cause", "action", "due", "expected"]}
        ),
        "A1",
    ),
    ("S003", info(owner=None), "B5"),
    ("S003", k(0, target=None), "E2"),
    ("S003", p(0, area=None), "A2"),
    ("S003", lesson(0, lesson=None, category="success"), "B2"),
    ("V001", k(1, actual="四个点左右"), "F3"),
    ("V002", p(2, due="月底前"), "G4"),
    ("V002", info(end="2024-06-30"), "B4"),
    ("V003", p(1, impact="超高"), "I3"),
    ("V004", k(0, target=0), "E2"),
    ("V005", k(1, target="5%", actual=4), "F3"),
    ("V006", k(0, gap=-1), "G2"),
    ("V006", k(5, rate=0.95), "H7"),
    ("V006", k(5, result="超额完成"), "I7"),
    ("K001", k(1, analysis=None), "K3"),
    ("K002", lambda d: [r.update(core="否") for r in d["kpis"]] and None, None),
    ("K003", p(1, metric="点击率"), "B7"),
    ("K004", k(3, direction=None), "D5"),
    ("A001", p(0, owner=None), "F2"),
    ("A002", p(0, due=None), "G2"),
    ("A003", p(0, expected="提升转化"), "H2"),
    ("A004", p(1, due="2024-07-10"), "G3"),
    ("A005", p(0, root_cause=None), "D2"),
    ("A006", p(0, action=None), "E2"),
    (
        "A007",
        lambda d: (
            [r.update(impact="high") for r in d["problems"] * 2]
            and d["problems"].extend(
                [dict(d["problems"][0], area="新环节"), dict(d["problems"][0], area="另一个")]
            )
            and None
        ),
        None,
    ),
    ("L001", lesson(0, evidence=None), "D2"),
    ("L002", lesson(1, applies_to=None), "C3"),
    ("W001", k(1, analysis="我觉得是页面太丑"), "K3"),
    ("W001", p(0, root_cause="可能是因为流程太长"), "D2"),
    ("W002", p(1, root_cause="设计同学不努力"), "D3"),
    ("D001", info(review_date="2024-08-01"), "B8"),
    ("V007", k(0, actual="#DIV/0!"), "F2"),  # openpyxl writes it as an error value
    ("S005", lambda d: d["kpis"].append({"dimension": "合计", "target": 9, "actual": 8}), "A8"),
    ("K005", lambda d: d["kpis"].append(dict(d["kpis"][1])), "B8"),  # the same KPI twice
]


def test_the_worked_example_is_clean(tmp_path: Path) -> None:
    assert lint_codes([write(tmp_path / "ok.xlsx")]) == []


@pytest.mark.parametrize(
    "code,change,cell", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_rule_fires_on_its_case(
    tmp_path: Path, code: str, change: Callable[[dict], None], cell: str | None
) -> None:
    data = example_data()
    change(data)
    found = lint_codes([write(tmp_path / "case.xlsx", data)])
    assert (code, cell) in found, found


def test_every_rule_has_a_case_and_documentation() -> None:
    from retrokit.i18n import has

    tested = {c[0] for c in CASES} | {"F001", "F002", "R001", "R002"}  # R002: test_campaigns
    tested.add("S004")  # tests/test_read_duplicate_sheets.py
    tested.add("P009")  # tests/test_plan_incomplete.py (a review read with its plan)
    tested.add("B004")  # tests/test_trial_budget.py (a review read with its plan)
    tested.add("V009")  # tests/test_merged_figures.py (merged cells: openpyxl, LibreOffice)
    tested |= {r.code for r in rules() if r.kind == "plan"}  # tests/test_plan.py
    for r in rules():
        assert r.code in tested, r.code
        assert has(f"doc.{r.code}") and re.fullmatch(r"[a-z0-9-]+", r.name)


def test_an_unreadable_file_and_a_lock_file(tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "~$team.xlsx").write_bytes(b"\x05owner")
    write(tmp_path / "team.xlsx")
    found = lint_codes([tmp_path])
    assert ("F001", None) in found and ("F002", None) in found


def test_a_problem_area_recurring_across_workbooks(tmp_path: Path) -> None:
    data = example_data()
    data["problems"][0]["area"] = "註冊環節 "  # Traditional, with a stray space
    data["info"]["project"] = "2024年秋季促销活动"  # another campaign
    write(tmp_path / "q1.xlsx")
    write(tmp_path / "q2.xlsx", data)
    found = [f for f in select_findings(run([tmp_path], SETTINGS), make_selection(Config()))]
    flagged = {(Path(f.file).name, f.cell) for f in found if f.code == "R001"}
    assert {("q1.xlsx", "A2"), ("q2.xlsx", "A2")} <= flagged
    q1 = next(f for f in found if f.file.endswith("q1.xlsx"))
    assert "also came up in: q2.xlsx" in q1.message("en")


def test_a_recurring_area_names_at_most_five_other_files(tmp_path: Path) -> None:
    for i in range(8):
        data = example_data()
        data["info"]["project"] = f"第{i}期"
        write(tmp_path / f"r{i}.xlsx", data)
    found = select_findings(run([tmp_path], SETTINGS, jobs=1), make_selection(Config()))
    message = next(f for f in found if f.code == "R001").message("en")
    assert message.count(".xlsx") == 5 and "(+2)" in message


def test_findings_speak_the_workbooks_language(tmp_path: Path) -> None:
    data = example_data()
    data["problems"][0]["owner"] = None
    result = check_workbook(write(tmp_path / "en.xlsx", data, lang="en"), SETTINGS)
    f = next(f for f in result.findings if f.code == "A001")
    assert f.lang == "en" and "no owner" in f.message()
    assert "责任人" in f.message("zh-CN")


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    data = example_data()
    data["problems"][0]["owner"] = None  # A001 error
    data["lessons"][0]["evidence"] = None  # L001 warning
    folder = tmp_path / "retros"
    folder.mkdir()
    write(folder / "a.xlsx", data)
    other = example_data()
    for i, row in enumerate(other["problems"]):
        row["area"] = f"环节{i}"
    write(folder / "b.xlsx", other)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.xlsx").write_bytes(b"junk")
    return folder


def test_exit_codes(messy: Path, tmp_path: Path) -> None:
    today = ["--today", "2024-07-20"]
    assert run_cli("lint", str(messy), *today).returncode == 1
    assert run_cli("lint", str(messy), *today, "--ignore", "A001").returncode == 0
    assert run_cli("lint", str(messy), *today, "--ignore", "A", "--strict").returncode == 1
    assert run_cli("lint", str(messy), *today, "--exit-zero").returncode == 0
    assert run_cli("lint", str(messy), "--select", "NOPE").returncode == 2
    assert run_cli("lint", str(messy), "--format", "xml").returncode == 2
    assert run_cli("lint", str(messy / "b.xlsx"), *today).returncode == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"junk")
    # the worst finding across all files decides, not the last file's
    proc = run_cli("lint", str(broken), str(messy / "b.xlsx"), *today)
    assert proc.returncode == 1 and "F001" in proc.stdout


def test_selectors_take_codes_prefixes_names_and_all(messy: Path) -> None:
    base = ["lint", str(messy), "--today", "2024-07-20", "--format", "concise", "--exit-zero"]
    for selector, codes in (
        ("A001", {"A001"}),
        ("A", {"A001"}),
        ("lesson-without-evidence", {"L001"}),
        ("ALL", {"A001", "L001"}),
    ):
        out = run_cli(*base, "--select", selector).stdout
        assert {line.split()[1] for line in out.splitlines()} == codes, selector


def test_json_and_json_lines_and_concise(messy: Path) -> None:
    base = ["lint", str(messy), "--today", "2024-07-20", "--lang", "en"]
    items = json.loads(run_cli(*base, "--format", "json").stdout)
    assert {(i["code"], i["severity"], i["sheet"], i["cell"], i["row"]) for i in items} == {
        ("A001", "error", "问题与行动", "F2", 2),
        ("L001", "warning", "经验沉淀", "D2", 2),
    }
    lines = run_cli(*base, "--format", "json-lines").stdout.splitlines()
    assert [json.loads(line) for line in lines] == items
    concise = run_cli(*base, "--format", "concise").stdout
    assert "retros/a.xlsx:问题与行动!F2 A001" in concise.replace(str(messy.parent) + "/", "")
    env = run_cli(*base[:-2], env={"RETROKIT_OUTPUT_FORMAT": "json"}).stdout
    assert json.loads(env)


def test_github_annotations_parse_back_and_fill_the_step_summary(
    messy: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    proc = run_cli(
        "lint",
        "retros",
        "--today",
        "2024-07-20",
        "--format",
        "github",
        "--lang",
        "en",
        cwd=messy.parent,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),title=(\w+)::(.*)$")
    parsed = [pattern.match(line).groups() for line in proc.stdout.splitlines()]  # type: ignore[union-attr]
    assert ("error", "retros/a.xlsx", "A001") in [g[:3] for g in parsed]
    assert any(g[3].startswith("问题与行动!F2 ") for g in parsed)
    assert ("warning", "retros/a.xlsx", "L001") in [g[:3] for g in parsed]
    table = summary.read_text(encoding="utf-8")
    assert "| retros/a.xlsx | 问题与行动!F2 | A001 | error |" in table


def test_sarif_is_valid_2_1_0(messy: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    shared = need_shared()
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())
    out = tmp_path / "r.sarif"
    proc = run_cli(
        "lint",
        "retros",
        "--today",
        "2024-07-20",
        "--format",
        "sarif",
        "-o",
        str(out),
        cwd=messy.parent,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "retrokit"
    assert {r["id"] for r in driver["rules"]} == {r.code for r in rules()}
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "A001")
    loc = result["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "retros/a.xlsx"
    assert loc["physicalLocation"]["region"]["startLine"] == 1
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "问题与行动!F2"
    assert result["message"]["text"].startswith("问题与行动!F2 ")
    again = json.loads(
        run_cli(
            "lint", "retros", "--today", "2024-07-20", "--format", "sarif", cwd=messy.parent
        ).stdout
    )
    assert (
        again["runs"][0]["results"][0]["partialFingerprints"]
        == log["runs"][0]["results"][0]["partialFingerprints"]
    )


def test_junit_has_one_case_per_workbook(messy: Path) -> None:
    import xml.etree.ElementTree as ET

    proc = run_cli("lint", str(messy), "--today", "2024-07-20", "--format", "junit")
    root = ET.fromstring(proc.stdout)
    cases = root.findall(".//testcase")
    assert len(cases) == 2
    assert sum(1 for c in cases if c.find("failure") is not None) == 1


def test_statistics(messy: Path) -> None:
    out = run_cli(
        "lint", str(messy), "--today", "2024-07-20", "--format", "concise", "--statistics"
    ).stdout
    assert re.search(r"^\s+1\s+A001\s+action-without-owner", out, re.M)


def test_config_is_found_walking_up_and_applied(messy: Path) -> None:
    (messy.parent / "pyproject.toml").write_text(
        '[tool.retrokit]\nignore = ["A001"]\nlang = "en"\n'
        '[tool.retrokit.severity]\nL001 = "error"\n',
        encoding="utf-8",
    )
    sub = messy / "deeper"
    sub.mkdir()
    proc = run_cli("lint", "..", "--today", "2024-07-20", "--format", "concise", cwd=sub)
    assert "A001" not in proc.stdout and "L001 [error]" in proc.stdout
    assert "no evidence" in proc.stdout and proc.returncode == 1
    assert (
        run_cli(
            "lint", "..", "--isolated", "--today", "2024-07-20", "--format", "concise", cwd=sub
        ).stdout.count("A001")
        == 1
    )


def test_per_file_ignores_and_retrokit_toml(messy: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "retrokit.toml"
    cfg.write_text('[per-file-ignores]\n"retros/a.xlsx" = ["A001", "L"]\n', encoding="utf-8")
    proc = run_cli(
        "lint", "retros", "--config", str(cfg), "--today", "2024-07-20", cwd=messy.parent
    )
    assert proc.returncode == 0, proc.stdout


def test_retrokit_toml_may_keep_the_pyproject_header(tmp_path: Path) -> None:
    """A retrokit.toml that copied ``[tool.retrokit]`` from pyproject.toml means the same."""
    cfg = tmp_path / "retrokit.toml"
    cfg.write_text('[tool.retrokit]\nignore = ["W001"]\nthreshold = 0.8\n', encoding="utf-8")
    loaded = load_config(cfg)
    assert loaded.threshold == 0.8 and "W001" in loaded.ignore
    cfg.write_text('select = ["A"]\n[tool.retrokit]\nignore = ["W001"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(cfg)
    assert "unknown key 'tool'" in refused.value.message("en")


@pytest.mark.parametrize(
    "text,error",
    [
        ("select = [", "configuration error"),
        ('selct = ["A"]', "unknown key 'selct'"),
        ('ignore = ["Z999"]', "unknown rule selector"),
        ('[severity]\nA001 = "fatal"', "severity 'fatal'"),
        ("threshold = 2", "threshold"),
    ],
)
def test_config_errors_exit_2(tmp_path: Path, messy: Path, text: str, error: str) -> None:
    cfg = tmp_path / ".retrokit.toml"
    cfg.write_text(text, encoding="utf-8")
    proc = run_cli("lint", str(messy), "--config", str(cfg), "--lang", "en")
    assert proc.returncode == 2 and error in proc.stderr, proc.stderr
    assert load_config  # discovery itself is covered above


def test_rules_and_rule_commands() -> None:
    listing = run_cli("rules").stdout
    codes = [line for line in listing.splitlines() if not line.startswith(" ")]
    assert len(codes) == len(rules()) and "A001  action-without-owner" in listing
    # each sub-check under its code, by the key and name it is selected with
    assert len(listing.splitlines()) == len(rules()) + sum("." in k for k in REGISTRY)
    zh = run_cli("rule", "W001", "--lang", "zh-CN").stdout
    assert "我觉得" in zh and "修复" in zh
    en = run_cli("rule", "opinion-wording", "--lang", "en").stdout
    assert "Fix:" in en
    unknown = run_cli("rule", "Q9", "--lang", "en")
    assert unknown.returncode == 2 and "There is no rule 'Q9'" in unknown.stderr
    assert "configuration" not in unknown.stderr


def test_registry_refuses_duplicate_codes() -> None:
    from retrokit.findings import Severity
    from retrokit.rules import rule

    def again() -> None:
        """Duplicate."""

    with pytest.raises(ValueError):
        rule("A001", "again", Severity.ERROR)(again)
    with pytest.raises(ValueError):
        rule("Z999", "action-without-owner", Severity.ERROR)(again)
    assert "A001" in REGISTRY and "Z999" not in REGISTRY


def test_every_rule_is_one_decorated_function_with_its_doc() -> None:
    """A rule is declared one way: the decorator, with a docstring and a catalogue entry."""
    from retrokit.i18n import has
    from retrokit.rules import Scope

    for r in REGISTRY.values():
        assert r.summary, r.code
        assert (r.check is not None) == (r.scope is Scope.WORKBOOK), r.code
        assert (r.set_check is not None) == (r.scope is Scope.SET), r.code
        if "." not in r.code:
            assert has(f"doc.{r.code}"), r.code


def test_pre_commit_hook_is_shipped() -> None:
    from conftest import ROOT

    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: retrokit-lint" in hooks and r"\.(xlsx|xlsm)$" in hooks and "~\\$" in hooks


def test_shared_folder_is_beside_the_checkout() -> None:
    assert SHARED.name == "shared"


def test_parallel_and_serial_runs_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import retrokit.lint.engine as lint

    for i in range(6):
        data = example_data()
        data["problems"][0]["owner"] = None if i % 2 else "李策划"
        write(tmp_path / f"r{i}.xlsx", data)
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04junk")
    monkeypatch.setattr(lint, "PARALLEL_MIN_FILES", 2)

    def flat(jobs: int) -> list[tuple[str, str | None, str | None]]:
        results = run([tmp_path], SETTINGS, jobs=jobs)
        return [
            (Path(f.file).name, f.code, f.cell)
            for f in select_findings(results, make_selection(Config()))
        ]

    assert flat(2) == flat(1)
    assert ("broken.xlsx", "F001", None) in flat(2)


def test_a_worker_that_dies_is_reported_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import retrokit.lint.engine as lint

    for i in range(4):
        write(tmp_path / f"r{i}.xlsx")
    real = lint.check_workbook

    def dies_on_r2(path: Path, *args: object, **kwargs: object) -> lint.FileResult:
        if path.name == "r2.xlsx":
            os._exit(134)  # what a native reader's abort looks like from outside
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lint, "check_workbook", dies_on_r2)
    monkeypatch.setattr(lint, "PARALLEL_MIN_FILES", 2)
    results = run([tmp_path], SETTINGS, jobs=2)
    assert [Path(r.path).name for r in results] == ["r0.xlsx", "r1.xlsx", "r2.xlsx", "r3.xlsx"]
    crashed = next(r for r in results if r.path.endswith("r2.xlsx"))
    assert [f.code for f in crashed.findings] == ["F001"]
    assert "crashed" in crashed.findings[0].message("en")


@pytest.mark.parametrize(
    "options",
    [["--ignore", "F001"], ["--ignore", "F"], ["--ignore", "ALL"], ["--select", "A001"]],
)
def test_an_unreadable_file_is_reported_whatever_is_ignored(
    tmp_path: Path, options: list[str]
) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "retrokit.toml").write_text('[severity]\nF001 = "info"\n', encoding="utf-8")
    proc = run_cli("lint", str(tmp_path), *options, "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1 and "F001 [error]" in proc.stdout, proc.stdout
