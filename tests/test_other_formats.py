"""Every spreadsheet a team saves (issue 14, point 10): .xls and .ods (python-calamine reads
them; .xlsb likewise) in every command, and a lock file is one line and exit 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from builders import write
from conftest import libreoffice_convert, run_cli


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("formats")
    (work / "src").mkdir()
    source = write(work / "src" / "review.xlsx")
    out = work / "books"
    for fmt in ("xls", "ods"):
        converted = libreoffice_convert(source, work / fmt, fmt)
        out.mkdir(exist_ok=True)
        shutil.copy(converted, out / converted.name)
    return out


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_analyze_and_report_read_it(folder: Path, suffix: str, tmp_path: Path) -> None:
    book = folder / f"review{suffix}"
    proc = run_cli("analyze", str(book), "--format", "json", "--today", "2024-08-08")
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert [k["rate"] for k in data["kpis"]][:2] == [0.9, 0.8]
    assert data["summary"]["overall_rate"] == 0.8
    report = tmp_path / "r.md"
    assert run_cli("report", str(book), "-o", str(report)).returncode in (0, 1)
    assert "80.0%" in report.read_text(encoding="utf-8")


def test_lint_finds_them_in_a_folder_and_compare_lessons_export_read_them(
    folder: Path, tmp_path: Path
) -> None:
    proc = run_cli("lint", str(folder), "--format", "json", "--today", "2024-08-08")
    found = json.loads(proc.stdout)
    files = {Path(f["file"]).suffix for f in found}
    assert {".xls", ".ods"} <= files, found
    assert not [f for f in found if f["code"] == "F001"]
    proc = run_cli("lessons", str(folder), "--format", "json")
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) >= 2, proc.stderr
    proc = run_cli("compare", str(folder), "--format", "json")
    # One review saved twice: compare reads both and uses the campaign once, naming both.
    assert proc.returncode == 0 and len(json.loads(proc.stdout)["campaigns"]) == 1
    assert "review.ods" in proc.stderr and "review.xls" in proc.stderr
    assert run_cli("export", str(folder), "--to", str(tmp_path / "t.sqlite")).returncode == 0


@pytest.mark.parametrize("command", ["analyze", "report"])
@pytest.mark.parametrize("lang,text", [("zh-CN", "锁文件"), ("zh-TW", "鎖"), ("en", "lock file")])
def test_a_lock_file_is_one_line_and_exit_2(
    tmp_path: Path, command: str, lang: str, text: str
) -> None:
    lock = tmp_path / "~$review.xlsx"
    lock.write_bytes(b"\x05owner")
    proc = run_cli(command, str(lock), "--lang", lang)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and text in proc.stderr, proc.stderr
