"""A package part read as a whole tree (the workbook's relationships) is bounded by its tags,
not only by its bytes: 250,000 tags of 8 bytes each would take about a gigabyte as elements.
And a file that cannot be read is said in the user's language, not the default one."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from retrokit import api
from retrokit.errors import UnreadableWorkbook
from retrokit.workbook.package import TREE_TAGS


def _bloated_rels(tmp_path: Path, tags: int) -> Path:
    src = tmp_path / "ok.xlsx"
    api.scaffold_workbook(src, lang="en", example=True)
    out = tmp_path / "bloated.xlsx"
    part = "xl/_rels/workbook.xml.rels"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == part:
                data = data.replace(b"</Relationships>", b'<x a="1"/>' * tags + b"</Relationships>")
            zout.writestr(info, data)
    return out


def test_a_relationships_part_of_too_many_tags_is_refused(tmp_path: Path) -> None:
    path = _bloated_rels(tmp_path, TREE_TAGS + 1)
    with pytest.raises(UnreadableWorkbook) as caught:
        api.open_workbook(path)
    assert caught.value.reason == "reason.part_too_large"
    assert "workbook.xml.rels" in caught.value.message("en")
    proc = run_cli("analyze", str(path), "--lang", "en")
    assert (
        proc.returncode == 2 and "unusually large" in proc.stderr and "Traceback" not in proc.stderr
    )


def test_a_part_within_the_bound_reads(tmp_path: Path) -> None:
    path = _bloated_rels(tmp_path, 1000)
    assert api.open_workbook(path).kind == "review"


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en_GB.UTF-8", "cannot be read"),
        ("zh_TW.UTF-8", "檔案無法讀取"),
        ("zh_CN.UTF-8", "文件无法读取"),
    ],
)
def test_an_unreadable_file_is_said_in_the_users_language(
    tmp_path: Path, locale: str, words: str
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    for fmt in ("text", "json"):
        proc = run_cli("lint", str(path), "--format", fmt, env={"LANG": locale})
        assert proc.returncode == 1 and words in proc.stdout, proc.stdout
    doc = json.loads(run_cli("lint", str(path), "--format", "json", env={"LANG": locale}).stdout)
    assert doc[0]["code"] == "F001"
