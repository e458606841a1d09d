"""A formula a script wrote without a saved result (no office program has opened and saved
the file) is V007 with its cell and the fix, never an empty cell (S003) or a dropped row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from plan_builders import Book, plan_file
from retrokit import api
from retrokit.workbook.schema import KPIS

TODAY = dt.date(2024, 8, 8)
LANGS = ("zh-CN", "zh-TW", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_a_scripted_formula_in_a_kpi_is_v007_not_empty(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "review.xlsx"
    assert run_cli("init", str(path), "--example", "--lang", lang).returncode == 0
    wb = load_workbook(path)
    ws = wb[KPIS.name(lang)]  # type: ignore[arg-type]
    ws["E2"], ws["F2"] = "=500*10000", "=SUM(200*10000,250*10000)"
    wb.save(path)
    found = {(f.code, f.cell) for f in api.lint_paths([path], today=TODAY, jobs=1)}
    assert {("V007", "E2"), ("V007", "F2")} <= found
    assert ("S003", "E2") not in found and ("S003", "F2") not in found


@pytest.mark.parametrize("lang", LANGS)
def test_a_scripted_formula_in_a_plan_is_v007_not_dropped(tmp_path: Path, lang: str) -> None:
    def edit(book: Book) -> None:
        book.set("tasks", 3, "end", "=F3+1")  # T2's end
        book.set("budget", 3, "planned", "=1/0")

    path = plan_file(tmp_path, lang, edit)  # type: ignore[arg-type]
    found = [f for f in api.lint_paths([path], today=TODAY, jobs=1) if f.code == "V007"]
    assert {f.cell for f in found} == {"G3", "E3"}
    assert all(f.key == "V007.uncalculated" for f in found)


@pytest.mark.parametrize("kind", ["review", "plan"])
@pytest.mark.parametrize("example", [True, False])
def test_our_own_templates_have_no_such_cell(tmp_path: Path, kind: str, example: bool) -> None:
    """The templates' formulas (results, helper columns, shares) are ours: never V007."""
    path = tmp_path / "t.xlsx"
    args = ["--kind", kind] + (["--example"] if example else [])
    assert run_cli("init", str(path), *args).returncode == 0
    assert not [f for f in api.lint_paths([path], today=TODAY, jobs=1) if f.code == "V007"]
