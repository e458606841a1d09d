"""A formula whose result is an error (#DIV/0!, #N/A, #VALUE!, #REF!, #NAME?) is reported as
what it is, with its cell (V007), never as an empty cell (S003) or an unmeasurable text."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import TODAY, example_data, write
from conftest import libreoffice_convert
from retrokit.findings import Finding
from retrokit.lint import Config, make_selection, run, select_findings
from retrokit.rules import Settings
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import KPIS, PROBLEMS, Lang
from retrokit.workbook.sources import CellError

#: cell -> (formula, the error LibreOffice computes for it)
FORMULAS = {
    "KPI!F5": ("=1/0", "#DIV/0!"),  # the cost row's actual
    "KPI!E6": ('=VLOOKUP("zz",A1:B2,2,0)', "#N/A"),  # new users' target
    "KPI!F7": ('="a"+1', "#VALUE!"),  # sales' actual
    "PRB!B2": ("=NOSUCHFUNCTION(1)", "#NAME?"),  # the problem
    "PRB!F3": ("=NA()", "#N/A"),  # the owner
    "PRB!H4": ("=#REF!+1", "#REF!"),  # the expected effect
}


def _lint(path: Path) -> list[Finding]:
    results = run([path], Settings(today=TODAY))
    return list(select_findings(results, make_selection(Config())))


def _with_formulas(path: Path, lang: Lang) -> Path:
    write(path, example_data(), lang=lang)
    wb = load_workbook(path)
    sheets = {"KPI": wb[KPIS.name(lang)], "PRB": wb[PROBLEMS.name(lang)]}
    for ref, (formula, _) in FORMULAS.items():
        sheet, cell = ref.split("!")
        sheets[sheet][cell] = formula
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh-CN", "公式结果是错误值"), ("zh-TW", "公式結果是錯誤值"), ("en", "formula error")],
)
def test_formula_errors_recalculated_by_libreoffice_are_reported_as_errors(
    tmp_path: Path, lang: Lang, words: str
) -> None:
    book = libreoffice_convert(_with_formulas(tmp_path / "f.xlsx", lang), tmp_path / "lo")
    findings = _lint(book)
    errors = {f.cell: f for f in findings if f.code == "V007"}
    assert set(errors) == {ref.split("!")[1] for ref in FORMULAS}, findings
    for ref, (_, error) in FORMULAS.items():
        message = errors[ref.split("!")[1]].message()
        assert error in message and words in message, message
    # none of them is an empty cell or an unmeasurable effect
    assert not [f for f in findings if f.code in ("S003", "A001", "A003", "V001")], findings
    for reader in ("calamine", "openpyxl"):
        kpis = read_workbook(book, reader=reader).kpis
        assert kpis[3].raw["actual"] == CellError("#DIV/0!"), reader
        assert "actual" not in kpis[3].values and "target" not in kpis[4].values


def test_a_formula_without_an_error_stays_a_value(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.xlsx", example_data())
    wb = load_workbook(path)
    wb[KPIS.name("zh-CN")]["F2"] = "=4000000+500000"
    wb.save(path)
    book = libreoffice_convert(path, tmp_path / "lo")
    assert not [f for f in _lint(book) if f.code == "V007"]
    assert read_workbook(book).kpis[0].values["actual"].value == 4_500_000


def test_formula_errors_in_an_ods_saved_by_libreoffice_are_reported(tmp_path: Path) -> None:
    """calamine reads an .ods error cell as empty too; LibreOffice marks it in content.xml."""
    book = libreoffice_convert(_with_formulas(tmp_path / "f.xlsx", "en"), tmp_path / "lo", "ods")
    findings = _lint(book)
    errors = {f.cell: f.message() for f in findings if f.code == "V007"}
    assert set(errors) == {ref.split("!")[1] for ref in FORMULAS}, findings
    assert "#DIV/0!" in errors["F5"] and "#REF!" in errors["H4"]
    assert not [f for f in findings if f.code in ("S003", "A001", "A003", "V001")], findings
