"""Issue 14.5: V006 fires only when a cached gap, achievement or result disagrees with what the
sheet's own formula gives from the row's cells, and its advice matches the cause; the
template's target and actual cells take every form the prompt lists."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from retrokit.api import lint_paths
from retrokit.i18n import t
from retrokit.workbook import formulas, scaffold
from retrokit.workbook.schema import KPIS, LANGS, Lang
from retrokit.workbook.values import parse_number

TODAY = dt.date(2024, 7, 20)
ROW = [{"metric": {"zh-CN": "曝光量", "en": "Impressions"}, "target": "500万", "actual": "450万"}]


def _book(tmp_path: Path, lang: Lang, name: str = "r.xlsx") -> Path:
    return scaffold.init(tmp_path / name, lang=lang, kpis=ROW)


def _v006(path: Path) -> list[tuple[str, str | None, str]]:
    return [
        (f.key, f.cell, f.message())
        for f in lint_paths([path], today=TODAY, jobs=1)
        if f.code == "V006"
    ]


def _with_cached(path: Path, cell: str, value: str, text: bool = False) -> None:
    """Give the formula in ``cell`` a cached value, as an office program saves one."""
    part = "xl/worksheets/sheet2.xml"
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    xml = members[part].decode()
    pattern = re.compile(rf'<c r="{cell}"([^>]*)>(<f>.*?</f>)<v\s*/?>(?:</v>)?</c>')
    assert pattern.search(xml), xml[:400]
    kind = ' t="str"' if text else ""
    xml = pattern.sub(
        lambda m: f'<c r="{cell}"{m.group(1)}{kind}>{m.group(2)}<v>{value}</v></c>', xml
    )
    members[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


@pytest.mark.parametrize("lang", LANGS)
def test_a_value_typed_over_the_formula_is_told_to_restore_it(tmp_path: Path, lang: Lang) -> None:
    path = _book(tmp_path, lang)
    wb = load_workbook(path)
    ws = wb[KPIS.name(lang)]
    ws["G2"] = -1  # the gap typed by hand
    ws["I2"] = "超额完成" if lang != "en" else "Exceeded"
    wb.save(path)
    found = _v006(path)
    assert [(key, cell) for key, cell, _ in found] == [("V006.typed", "G2"), ("V006.typed", "I2")]
    restore = {"zh-CN": "恢复公式", "zh-TW": "恢復公式", "en": "Restore the formula"}[lang]
    assert all(restore in message for _, _, message in found)
    assert "-500,000" in found[0][2]


@pytest.mark.parametrize("lang", LANGS)
def test_a_result_that_follows_a_typed_rate_is_not_stale(tmp_path: Path, lang: Lang) -> None:
    """The result formula reads the achievement cell: with 50% typed over it, 未完成 is what the
    formula gives, so only the typed rate is a finding (shown as the sheet shows it: 50.0%)."""
    path = _book(tmp_path, lang)
    missed = {"zh-CN": "未完成", "zh-TW": "未完成", "en": "Missed"}[lang]
    _with_cached(path, "I2", missed, text=True)
    wb = load_workbook(path)
    wb[KPIS.name(lang)]["H2"] = 0.5
    wb.save(path)
    found = _v006(path)
    assert [(key, cell) for key, cell, _ in found] == [("V006.typed", "H2")]
    assert "50.0%" in found[0][2] and "90.0%" in found[0][2]


@pytest.mark.parametrize("lang", LANGS)
def test_a_stale_formula_result_is_told_to_recalculate(tmp_path: Path, lang: Lang) -> None:
    path = _book(tmp_path, lang)
    _with_cached(path, "G2", "-123")
    _with_cached(path, "H2", "0.5")
    found = _v006(path)
    assert [(key, cell) for key, cell, _ in found] == [("V006.stale", "G2"), ("V006.stale", "H2")]
    recalc = {"zh-CN": "重新计算", "zh-TW": "重新計算", "en": "recalculate"}[lang]
    assert all(recalc in message for _, _, message in found)


@pytest.mark.parametrize("lang", LANGS)
def test_a_cached_value_the_formula_would_give_is_no_finding(tmp_path: Path, lang: Lang) -> None:
    path = _book(tmp_path, lang)
    _with_cached(path, "G2", "-500000")
    _with_cached(path, "H2", "0.9")
    assert _v006(path) == []


@pytest.mark.e2e
def test_a_file_that_cannot_tell_typed_from_stale_gives_the_advice_that_covers_both(
    tmp_path: Path,
) -> None:
    """An .ods (or .xls, .xlsb) shows no formulas to our reader: the advice names both fixes."""
    from conftest import libreoffice_convert

    path = _book(tmp_path, "en")
    wb = load_workbook(path)
    wb[KPIS.name("en")]["G2"] = -1
    wb.save(path)
    ods = libreoffice_convert(path, tmp_path / "lo", fmt="ods")
    assert formulas.formula_cells(ods, KPIS.name("en"), ["G2"]) is None
    assert formulas.formula_cells(tmp_path / "missing.xlsx", KPIS.name("en"), ["G2"]) is None
    found = _v006(ods)
    assert [(key, cell) for key, cell, _ in found] == [("V006", "G2")]
    assert "restore the formula or update the value" in found[0][2]


@pytest.mark.parametrize("lang", LANGS)
def test_the_target_and_actual_cells_are_text_with_a_prompt_of_what_computes(
    tmp_path: Path, lang: Lang
) -> None:
    ws = load_workbook(scaffold.init(tmp_path / "b.xlsx", lang=lang))[KPIS.name(lang)]
    assert {ws[f"{c}{r}"].number_format for c in "EF" for r in (2, 201)} == {"@"}
    prompts = {str(dv.sqref).split(":")[0]: dv.prompt for dv in ws.data_validations.dataValidation}
    assert prompts["E2"] == prompts["F2"] == t("prompt.kpi_number", lang)
    assert len(prompts["E2"]) <= 255
    helpers = [x for h in scaffold.helper_columns().values() for x in h.values()]
    assert all(ws.column_dimensions[x].hidden for x in (helpers[0],))
    assert ws[f"{helpers[0]}1"].value is None  # no header: the reader sees no extra column


#: Every form the prompt lists, in each language: the sheet's reading is retrokit's.
@pytest.mark.parametrize("lang", LANGS)
def test_every_form_the_prompt_lists_reads_the_same_in_the_sheet_and_in_retrokit(
    lang: Lang,
) -> None:
    prompt = t("prompt.kpi_number", lang)
    for form in ("5000", "1,200", "5%", "5‰", "1:3", "3k", "50元", "8000人", "200万元", "500万"):
        if lang == "zh-TW":
            form = form.replace("万", "萬")
        if lang == "en" and form in ("50元", "8000人", "200万元"):
            continue
        assert form in prompt, (lang, form)
        assert formulas.sheet_number(form) == pytest.approx(parse_number(form).value), form
    for form in ("5M", "50 CNY", "8000 users", "1.5亿", "500萬", "1：3", "5％", "¥50", "-5%"):
        assert formulas.sheet_number(form) == pytest.approx(parse_number(form).value), form
    for form in ("≥5%", "两千", "百分之五", ""):
        assert formulas.sheet_number(form) is None, form
    assert formulas.sheet_number(dt.time(1, 3)) == pytest.approx(63 / 1440)


def test_a_hand_typed_value_that_is_what_retrokit_computes_is_no_finding(tmp_path: Path) -> None:
    """A sheet filled without the template's formulas is right when its numbers are."""
    row = [{"metric": {"zh-CN": "收藏率", "en": "Save rate"}, "target": "5%以上", "actual": "4%"}]
    path = scaffold.init(tmp_path / "r.xlsx", lang="en", kpis=row)
    wb = load_workbook(path)
    ws = wb[KPIS.name("en")]
    ws["G2"], ws["H2"], ws["I2"] = -0.01, 0.8, "Missed"  # retrokit's values, typed
    wb.save(path)
    assert _v006(path) == []
    ws["G2"] = -0.02
    wb.save(path)
    assert [(key, cell) for key, cell, _ in _v006(path)] == [("V006.typed", "G2")]


@pytest.mark.e2e
@pytest.mark.parametrize("lang", LANGS)
def test_after_libreoffice_saves_it_a_typed_value_is_still_told_apart_from_the_formulas(
    tmp_path: Path, lang: Lang
) -> None:
    from conftest import libreoffice_convert

    path = _book(tmp_path, lang)
    wb = load_workbook(path)
    wb[KPIS.name(lang)]["H2"] = 0.95  # the achievement typed over its formula
    wb.save(path)
    saved = libreoffice_convert(path, tmp_path / "lo")
    found = _v006(saved)
    # the result formula now reads the typed 95%: it agrees with the sheet, not with retrokit
    assert [(key, cell) for key, cell, _ in found] == [("V006.typed", "H2")]
    assert "95.0%" in found[0][2] and "90.0%" in found[0][2]
