"""`retrokit init`: a workbook a marketing team can fill without reading a manual."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from retrokit.errors import UsageError
from retrokit.fsutil import atomic_write
from retrokit.i18n import t
from retrokit.i18n.languages import pick
from retrokit.method import DEFAULT_THRESHOLD
from retrokit.text import xml_safe
from retrokit.workbook import example, formulas
from retrokit.workbook.schema import (
    DIRECTION,
    INFO,
    KPIS,
    LESSONS,
    META_SHEET,
    PROBLEMS,
    RESULT,
    TEMPLATE_VERSION,
    Choice,
    Column,
    Lang,
    Sheet,
)

TABLE_ROWS = 200  # rows prepared with formulas and validations below each header
#: The one cell of the workbook holding the "met" threshold (row 3 of the hidden meta sheet):
#: every result formula reads it, so `init` can write a team's threshold in one place.
THRESHOLD_CELL = f"'{META_SHEET}'!$B$3"
#: The direction vocabulary (retrokit.method.direction.formula_words), one list a column of the
#: hidden meta sheet from row 1, so every formula looks words up in one place.
WORD_COLUMNS = {"lower": "D", "higher": "E", "always_lower": "F", "cut": "G"}


def _word_range(kind: str) -> str:
    from retrokit.method.direction import formula_words

    letter, count = WORD_COLUMNS[kind], len(formula_words()[kind])
    return f"'{META_SHEET}'!${letter}$1:${letter}${count}"


HEADER_FILL = "1F4E79"
RESULT_FILLS = {"exceeded": "C6EFCE", "met": "FFEB9C", "missed": "FFC7CE"}
RESULT_FONTS = {"exceeded": "006100", "met": "7F6000", "missed": "9C0006"}


def _localise(value: Any, lang: Lang) -> Any:
    """The example's value for ``lang``: text keyed by language code, or one value for all."""
    return pick(value, lang) if isinstance(value, Mapping) else value


def _col_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _excel_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _spellings(choice: Choice) -> list[str]:
    return sorted({s.casefold(): s for s in choice.spellings()}.values())


def kpi_formulas(row: int, lang: Lang) -> dict[str, str]:
    """The gap, achievement and result formulas of one KPI row.

    Direction-aware as DOMAIN.md defines it; target and actual are read through the hidden
    helper columns (:func:`helper_formulas`), so 500万, 50元, 5% and 1:3 typed as text compute;
    blank (not an error) when either is missing or in a form the helpers do not read, or when
    the rate is undefined. Only functions that Excel, WPS and LibreOffice share are used.
    """
    col = {c.key: _col_letter(i) for i, c in enumerate(KPIS.columns)}
    # TRIM: a list value typed or pasted with spaces around it is still that value.
    d, a = f"TRIM(${col['direction']}{row})", f"TRIM(${col['dimension']}{row})"
    b = f"${col['metric']}{row}"
    # Target and actual as the hidden helper columns read them (retrokit.workbook.formulas).
    helper = helper_columns()
    tgt, act = f"${helper['target']['value']}{row}", f"${helper['actual']['value']}{row}"
    rate = f"${col['rate']}{row}"
    # Every spelling the reader accepts, not only the dropdown's labels: the dropdown only
    # warns, so "lower", "↓" or the 费用 dimension typed by hand must count too. (Excel's =
    # ignores case, so one spelling per case-folded form is enough.)
    lower_labels = _spellings(DIRECTION.by_code("lower"))
    cost_labels = _spellings(KPIS.column("dimension").choices.by_code("cost"))  # type: ignore[union-attr]

    def found(kind: str) -> str:
        return f"SUMPRODUCT(--ISNUMBER(SEARCH({_word_range(kind)},{b})))>0"

    explicit = ",".join(f"{d}={_excel_string(x)}" for x in lower_labels)
    by_dimension = ",".join(f"{a}={_excel_string(x)}" for x in cost_labels)
    lower = (
        f'OR({explicit},AND({d}="",OR(AND({found("always_lower")},NOT({found("cut")})),'
        f"AND(NOT({found('higher')}),OR({by_dimension},{found('lower')})))))"
    )
    both = f"AND(ISNUMBER({tgt}),ISNUMBER({act}))"
    labels = {c.code: _excel_string(c.label(lang)) for c in RESULT.choices}
    # The method reads a rate at 12 decimals (result_status): 0.8999999999996 is 90%.
    rounded = f"ROUND({rate},12)"
    return {
        "gap": f'=IF({both},{act}-{tgt},"")',
        "rate": (
            f'=IF({both},IF({lower},IF(AND({tgt}>0,{act}>0),{tgt}/{act},""),'
            f'IF({tgt}>0,{act}/{tgt},"")),"")'
        ),
        # A lower-is-better actual of 0 against a positive target has no rate but is the best
        # outcome there is (retrokit.method.analysis.kpi_status).
        "result": (
            f"=IF(ISNUMBER({rate}),IF({rounded}>1,{labels['exceeded']},"
            f"IF({rounded}>={THRESHOLD_CELL},{labels['met']},{labels['missed']})),"
            f'IF(AND({both},{tgt}>0),IF(AND({act}=0,{lower}),{labels["exceeded"]},""),""))'
        ),
    }


def helper_columns() -> dict[str, dict[str, str]]:
    """The hidden helper columns of the KPI sheet, right of its last column after one empty
    column: for target and actual, the cleaned text, what follows the number, and the value."""
    first = len(KPIS.columns) + 1
    parts = ("text", "rest", "value")
    return {
        key: {part: _col_letter(first + 3 * k + i) for i, part in enumerate(parts)}
        for k, key in enumerate(("target", "actual"))
    }


def helper_formulas(row: int) -> dict[str, str]:
    """Cell letter -> formula of the helper cells of one KPI row."""
    col = {c.key: _col_letter(i) for i, c in enumerate(KPIS.columns)}
    out: dict[str, str] = {}
    for key, letters in helper_columns().items():
        # Relative references: the same row, and shorter text in a sheet of 200 such rows.
        cell = f"{col[key]}{row}"
        text, rest = f"{letters['text']}{row}", f"{letters['rest']}{row}"
        out[letters["text"]] = formulas.text_formula(cell)
        out[letters["rest"]] = formulas.rest_formula(text)
        out[letters["value"]] = formulas.value_formula(cell, text, rest)
    return out


def _validation(column: Column, lang: Lang, ref: str) -> Any:
    """The column type's data validation over ``ref``, with its prompt and error texts."""
    dv = column.type.validation(column, lang)
    if dv is None:
        return None
    prompt = column.type.prompt(column, lang)
    dv.promptTitle = t("prompt.title", lang)
    dv.prompt = prompt[:255]
    dv.showInputMessage = True
    dv.errorTitle = t("error.title", lang)
    dv.error = prompt[:255]
    dv.add(ref)
    return dv


def _style_header(ws: Any, columns: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in ws[1][:columns]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 24
    ws.freeze_panes = "A2"


def _header_label(column: Column, lang: Lang) -> str:
    return column.label(lang) + (" *" if column.required else "")


def _width(column: Column, lang: Lang) -> float:
    # CJK characters take two columns of width; leave room for the " *" and the dropdown arrow.
    label = column.label(lang)
    needed = sum(2 if ord(ch) > 0x2E80 else 1 for ch in label) + 4
    return max(column.width, needed)


def write_fields(wb: Any, sheet: Sheet, lang: Lang, values: Mapping[str, Any] | None) -> Any:
    """A field/value sheet (basic info, the plan's overview): each field's label, its value
    cell formatted, validated and prompted by its column type, and ``values`` where given
    (text keyed by language, as the examples hold it, is taken in ``lang``)."""
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(sheet.name(lang))
    ws.append([t("label.field", lang), t("label.value", lang)])
    _style_header(ws, 2)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 48
    for i, column in enumerate(sheet.columns, start=2):
        ws.cell(row=i, column=1, value=_header_label(column, lang)).font = Font(bold=True)
        cell = ws.cell(row=i, column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if column.type.number_format:
            cell.number_format = column.type.number_format
        dv = _validation(column, lang, f"B{i}")
        if dv is not None:
            ws.add_data_validation(dv)
        if values is not None and values.get(column.key) not in (None, ""):
            column.type.write(cell, _localise(values[column.key], lang), column, lang)
    return ws


def _write_info(wb: Any, lang: Lang, filled: bool, values: Mapping[str, Any] | None = None) -> None:
    ws = write_fields(wb, INFO, lang, example.INFO if filled else values)
    currency = values.get("budget_currency") if values is not None and not filled else None
    if currency:
        # The plan's budget in its currency (NT$300萬): the amount stays a number, shown with
        # the sign, which the reader takes as the review's currency.
        row = next(i for i, c in enumerate(INFO.columns, start=2) if c.key == "budget")
        ws.cell(row=row, column=2).number_format = _excel_string(currency) + "#,##0"


def _write_table(wb: Any, sheet: Sheet, lang: Lang) -> Any:
    ws = wb.create_sheet(sheet.name(lang))
    ws.append([_header_label(c, lang) for c in sheet.columns])
    _style_header(ws, len(sheet.columns))
    last = TABLE_ROWS + 1
    for i, column in enumerate(sheet.columns):
        letter = _col_letter(i)
        ws.column_dimensions[letter].width = _width(column, lang)
        dv = _validation(column, lang, f"{letter}2:{letter}{last}")
        if dv is not None:
            ws.add_data_validation(dv)
    return ws


def _fill_rows(ws: Any, sheet: Sheet, rows: list[dict[str, Any]], lang: Lang) -> None:
    keys = [c.key for c in sheet.columns]
    for r, record in enumerate(rows, start=2):
        for i, key in enumerate(keys):
            column = sheet.columns[i]
            value = _localise(record.get(key), lang)
            if value is None or value == "":
                continue
            if isinstance(value, str):  # a control character XML cannot hold, visibly
                value = xml_safe(value)
            column.type.write(ws.cell(row=r, column=i + 1), value, column, lang)


def _write_kpis(wb: Any, lang: Lang, filled: bool) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    ws = _write_table(wb, KPIS, lang)
    col = {c.key: _col_letter(i) for i, c in enumerate(KPIS.columns)}
    last = TABLE_ROWS + 1
    for row in range(2, last + 1):
        for key, formula in kpi_formulas(row, lang).items():
            ws[f"{col[key]}{row}"] = formula
        for letter, formula in helper_formulas(row).items():
            ws[f"{letter}{row}"] = formula
        ws[f"{col['rate']}{row}"].number_format = "0.0%"
        for key in ("target", "actual"):  # typed text stays as typed: 1:3 is no time
            ws[f"{col[key]}{row}"].number_format = KPIS.column(key).type.number_format
    letters = [x for helper in helper_columns().values() for x in helper.values()]
    ws.column_dimensions.group(letters[0], letters[-1], hidden=True)
    if filled:
        _fill_rows(ws, KPIS, example.KPIS, lang)
        for r, spec in enumerate(example.KPIS, start=2):
            for key in ("target", "actual", "gap"):
                ws[f"{col[key]}{r}"].number_format = spec["format"]
    result = col["result"]
    area = f"{result}2:{result}{last}"
    for code, fill in RESULT_FILLS.items():
        label = _excel_string(RESULT.by_code(code).label(lang))
        ws.conditional_formatting.add(
            area,
            FormulaRule(
                formula=[f"${result}2={label}"],
                fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                font=Font(color=RESULT_FONTS[code], bold=True),
            ),
        )


def _write_instructions(wb: Any, lang: Lang, filled: bool = False) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(t("sheet.instructions", lang))
    ws.column_dimensions["A"].width = 110
    lines = t("instructions", lang).splitlines()
    if filled:  # the worked example: say which of its fields the source does not give
        lines.append(t("instructions.example", lang))
    for i, line in enumerate(lines, start=1):
        cell = ws.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            cell.font = Font(bold=True, size=14)


def _write_meta(wb: Any, lang: Lang, threshold: float) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.append(["template_version", TEMPLATE_VERSION])
    ws.append(["lang", lang])
    ws.append(["threshold", threshold])  # THRESHOLD_CELL
    from retrokit.method.direction import formula_words

    for kind, words in formula_words().items():
        for row, word in enumerate(words, start=1):
            ws[f"{WORD_COLUMNS[kind]}{row}"] = word
    word_column, factor_column = formulas.MULTIPLIER_COLUMNS
    for row, (word, factor) in enumerate(formulas.multiplier_table(), start=1):
        ws[f"{word_column}{row}"] = word
        ws[f"{factor_column}{row}"] = factor
    ws.sheet_state = "hidden"


def build_workbook(
    lang: Lang,
    *,
    filled: bool = False,
    kpis: list[dict[str, Any]] | None = None,
    problems: list[dict[str, Any]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    info: Mapping[str, Any] | None = None,
) -> Any:
    """The scaffolded workbook as an openpyxl object (the four sheets in DOMAIN.md's order).

    ``filled`` writes the worked example; ``kpis`` and ``problems`` pre-fill rows (keys are
    column keys, list values canonical codes, an optional "format" the number format of target
    and actual), as `init --from` does; ``info`` fills Basic info (`init --from-plan`; with
    "budget_currency", the currency its budget is shown in).
    ``threshold`` is the achievement rate from which the result formulas say "met".
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _write_info(wb, lang, filled, info)
    _write_kpis(wb, lang, filled)
    if kpis:
        _fill_rows(wb[KPIS.name(lang)], KPIS, kpis, lang)
        col = {c.key: _col_letter(i) for i, c in enumerate(KPIS.columns)}
        for r, spec in enumerate(kpis, start=2):
            if spec.get("format"):
                for key in ("target", "actual", "gap"):
                    wb[KPIS.name(lang)][f"{col[key]}{r}"].number_format = spec["format"]
            if spec.get("actual_note"):  # where the actual came from, as a cell note
                from openpyxl.comments import Comment

                note = Comment(xml_safe(spec["actual_note"]), "retrokit", height=60, width=240)
                wb[KPIS.name(lang)][f"{col['actual']}{r}"].comment = note
    ws = _write_table(wb, PROBLEMS, lang)
    if filled:
        _fill_rows(ws, PROBLEMS, example.PROBLEMS, lang)
    if problems:
        _fill_rows(ws, PROBLEMS, problems, lang)
    ws = _write_table(wb, LESSONS, lang)
    if filled:
        _fill_rows(ws, LESSONS, example.LESSONS, lang)
    _write_instructions(wb, lang, filled)
    _write_meta(wb, lang, threshold)
    wb.active = 0
    return wb


def init(
    path: Path,
    *,
    lang: Lang,
    example_data: bool = False,
    force: bool = False,
    kpis: list[dict[str, Any]] | None = None,
    problems: list[dict[str, Any]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    info: Mapping[str, Any] | None = None,
) -> Path:
    """Write a new retrospective workbook at ``path``; never overwrites without ``force``."""
    if path.suffix.lower() != ".xlsx":
        raise UsageError("err.suffix", path=path)
    if not 0 < threshold <= 1:
        raise UsageError("err.threshold", value=threshold)
    wb = build_workbook(
        lang, filled=example_data, kpis=kpis, problems=problems, threshold=threshold, info=info
    )
    atomic_write(path, lambda tmp: wb.save(tmp), overwrite=force)
    return path
