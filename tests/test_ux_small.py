"""Small things that behave the same everywhere (issue 16, point 4)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from retrokit import api


def test_statistics_show_the_configured_severity(example_zh: Path) -> None:
    (example_zh.parent / "retrokit.toml").write_text(
        '[severity]\nA004 = "error"\n', encoding="utf-8"
    )
    for fmt in ("text", "concise"):
        out = run_cli(
            "lint",
            str(example_zh),
            "--today",
            "2024-08-20",
            "--format",
            fmt,
            "--statistics",
            cwd=example_zh.parent,
        ).stdout
        counted = [line for line in out.splitlines() if "action-overdue" in line]
        assert counted and all("[错误]" in line for line in counted), (fmt, out)


def test_lessons_csv_has_its_bom_on_stdout_too(example_zh: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "retrokit", "lessons", str(example_zh), "--format", "csv"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(proc.stdout.decode("utf-8-sig"))))
    assert len(rows) > 1


@pytest.mark.parametrize(
    "category", ["success", "成功经验", "成功經驗", "Success", "lesson", "改进教训", "Lesson"]
)
def test_category_takes_codes_and_labels_in_every_language(example_zh: Path, category: str) -> None:
    proc = run_cli("lessons", str(example_zh), "--category", category, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert '"category"' in proc.stdout


def test_an_unknown_category_is_a_usage_error(example_zh: Path) -> None:
    proc = run_cli("lessons", str(example_zh), "--category", "流程优化")
    assert proc.returncode == 2 and "--category" in proc.stderr and "成功经验" in proc.stderr


def test_today_takes_the_workbook_date_forms(example_zh: Path) -> None:
    def overdue(today: str) -> int:
        proc = run_cli("analyze", str(example_zh), "--today", today, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.count('"overdue": true')

    assert overdue("2024-08-08") == 1
    for today in ("2024/8/8", "2024年8月8日", "20240808", "2024.08.08"):
        assert overdue(today) == 1, today


@pytest.mark.parametrize("today", ["45000", "yesterday", "2024-13-01"])
def test_today_refuses_what_is_not_a_date(example_zh: Path, today: str) -> None:
    proc = run_cli("analyze", str(example_zh), "--today", today)
    assert proc.returncode == 2 and "2024年8月1日" in proc.stderr


def test_init_example_with_from_is_a_usage_error(example_zh: Path, tmp_path: Path) -> None:
    proc = run_cli("init", str(tmp_path / "new.xlsx"), "--example", "--from", str(example_zh))
    assert proc.returncode == 2 and "--from" in proc.stderr
    assert not (tmp_path / "new.xlsx").exists()


@pytest.mark.parametrize(
    ("headers", "expected"),
    [(None, "metric"), ("zh-CN", "指标名称"), ("zh-TW", "指標名稱"), ("en", "Metric")],
)
def test_export_headers_in_a_language(
    example_zh: Path, tmp_path: Path, headers: str | None, expected: str
) -> None:
    target = tmp_path / "out.csv"
    proc = run_cli(
        "export", str(example_zh), "--to", str(target), *(["--headers", headers] if headers else [])
    )
    assert proc.returncode == 0, proc.stderr
    header = (tmp_path / "out" / "kpis.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert expected in header.split(","), header


def test_export_headers_refuses_an_unknown_language(example_zh: Path, tmp_path: Path) -> None:
    proc = run_cli("export", str(example_zh), "--to", str(tmp_path / "x.csv"), "--headers", "fr")
    assert proc.returncode == 2 and "--headers" in proc.stderr


def test_export_csv_over_an_existing_folder_says_folder(example_zh: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    for lang, word in (("zh-CN", "文件夹已存在"), ("en", "folder exists")):
        proc = run_cli(
            "export",
            str(example_zh),
            "--to",
            str(tmp_path / "out.csv"),
            env={"RETROKIT_LANG": lang},
        )
        assert proc.returncode != 0 and word in proc.stderr, proc.stderr


def test_the_locale_speaks_where_no_workbook_does(example_zh: Path, tmp_path: Path) -> None:
    """Without --lang or RETROKIT_LANG, messages that come before (or without) a workbook follow
    the locale; a workbook's own language still beats the locale for what is said about it."""
    en = {"LANG": "en_US.UTF-8", "RETROKIT_LANG": ""}
    tw = {"LANG": "zh_TW.UTF-8", "RETROKIT_LANG": ""}
    assert "An action has no owner." in run_cli("rules", env=en).stdout
    assert "Fix:" in run_cli("rule", "A001", env=en).stdout
    assert "沒有責任人" in run_cli("rule", "A001", env=tw).stdout
    missing = run_cli("analyze", str(tmp_path / "missing.xlsx"), env=en)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert "达成率" in run_cli("analyze", str(example_zh), env=en).stdout


def test_lang_before_the_command_sets_the_whole_run() -> None:
    helped = run_cli("--help", "--lang", "en")
    assert helped.returncode == 0 and "Commands" in helped.stdout
    assert "An action has no owner." in run_cli("--lang", "en", "rules").stdout
    assert run_cli("--lang", "en", "rule", "A001", "--lang", "zh-TW").stdout.count("修復") == 1
    refused = run_cli("--lang", "xx", "rules")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1


@pytest.mark.parametrize("lang,said", [("zh-CN", "不存在"), ("en", "no such file or folder")])
def test_lint_of_a_path_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A folder or a glob that matched nothing is a mistake in the command (exit 2), as for
    compare, not an unreadable workbook failing the check (trial 51)."""
    good = tmp_path / "ok.xlsx"
    api.scaffold_workbook(good, example=True)
    proc = run_cli("lint", str(good), str(tmp_path / "retros" / "*.xlsx"), "--lang", lang)
    assert proc.returncode == 2 and proc.stdout == ""
    assert said in proc.stderr and "retros" in proc.stderr and proc.stderr.count("\n") == 1
