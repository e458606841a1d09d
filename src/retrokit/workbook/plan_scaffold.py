"""`retrokit init --kind plan`: the plan workbook, its Gantt chart drawn by the sheet itself.

The schedule sheet carries a grid to the right of its columns: one column a day (a week when the
campaign runs over 60 days), dated from the overview's start, whose cells conditional formatting
shades between each task's start and end, with today's column marked. Excel, WPS and
LibreOffice draw the bars without retrokit; editing a date moves them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from retrokit.errors import UsageError
from retrokit.fsutil import atomic_write
from retrokit.i18n import t
from retrokit.method import DEFAULT_THRESHOLD
from retrokit.workbook import formulas
from retrokit.workbook import plan_example as example
from retrokit.workbook.plan_schema import BUDGET, DAILY, GOALS, OVERVIEW, RISKS, TASKS, TEAM
from retrokit.workbook.scaffold import (
    TABLE_ROWS,
    _col_letter,
    _fill_rows,
    _write_meta,
    _write_table,
    write_fields,
)
from retrokit.workbook.schema import Lang, Sheet

#: Columns of the Gantt grid: 61 days, or 61 weeks for a campaign over 60 days.
GANTT_COLUMNS = 61
#: Days a campaign may span before the grid counts weeks.
GANTT_DAY_LIMIT = 60
BAR_FILL = "4472C4"
TODAY_FILL = "F4B183"


def overview_cell(key: str) -> str:
    """The overview's value cell of field ``key``, as a reference from another sheet."""
    row = [c.key for c in OVERVIEW.columns].index(key) + 2
    return f"$B${row}"


def _formats(ws: Any, sheet: Sheet, rows: list[dict[str, Any]], key: str) -> None:
    """Number formats a row asks for (a percent target, a 1:x ratio)."""
    letter = _col_letter([c.key for c in sheet.columns].index(key))
    for r, spec in enumerate(rows, start=2):
        if "format" in spec:
            ws[f"{letter}{r}"].number_format = spec["format"]


def _write_gantt(ws: Any, lang: Lang) -> None:
    """The grid, its step cell and the conditional formats that draw the bars."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill

    keys = [c.key for c in TASKS.columns]
    start, end = _col_letter(keys.index("start")), _col_letter(keys.index("end"))
    step_col = len(keys) + 1  # one blank column between the table and the grid
    step = f"${_col_letter(step_col)}$1"
    overview = f"'{OVERVIEW.name(lang)}'!"
    o_start, o_end = overview + overview_cell("start"), overview + overview_cell("end")
    # The grid's unit in days, in the sheet: conditional formats may only read their own sheet.
    # Nested IFs, not AND(): LibreOffice evaluates every argument of AND, so a date typed as
    # text made the subtraction, and with it the whole cell, #VALUE!.
    ws.cell(row=1, column=step_col + 1).value = (
        f"=IF(ISNUMBER({o_start}),IF(ISNUMBER({o_end}),"
        f"IF({o_end}-{o_start}>{GANTT_DAY_LIMIT},7,1),1),1)"
    )
    ws.cell(row=1, column=step_col + 1).number_format = '0"d"'
    ws.cell(row=1, column=step_col + 1).font = Font(color="808080", size=8)
    ws.column_dimensions[_col_letter(step_col)].width = 4
    last_col = _col_letter(step_col + GANTT_COLUMNS)
    for i in range(GANTT_COLUMNS):
        cell = ws.cell(row=1, column=step_col + 2 + i)
        cell.value = f'=IF(ISNUMBER({o_start}),{o_start}+{i}*{step},"")'
        cell.number_format = "m/d"
        cell.alignment = Alignment(text_rotation=90, horizontal="center")
        cell.font = Font(size=8)
        ws.column_dimensions[_col_letter(step_col + 1 + i)].width = 3.2
    grid_first = _col_letter(step_col + 1)
    area = f"{grid_first}2:{last_col}{TABLE_ROWS + 1}"
    day = f"{grid_first}$1"
    bar = (
        f"AND(ISNUMBER(${start}2),ISNUMBER(${end}2),ISNUMBER({day}),"
        f"${start}2<{day}+{step},${end}2>={day})"
    )
    today = f"AND(ISNUMBER({day}),{day}<=TODAY(),TODAY()<{day}+{step})"
    ws.conditional_formatting.add(
        area,
        FormulaRule(formula=[bar], fill=PatternFill("solid", fgColor=BAR_FILL, bgColor=BAR_FILL)),
    )
    ws.conditional_formatting.add(
        area,
        FormulaRule(
            formula=[today], fill=PatternFill("solid", fgColor=TODAY_FILL, bgColor=TODAY_FILL)
        ),
    )
    # The header of today's column too.
    ws.conditional_formatting.add(
        f"{grid_first}1:{last_col}1",
        FormulaRule(
            formula=[today.replace(f"{grid_first}$1", f"{grid_first}1")],
            fill=PatternFill("solid", fgColor=TODAY_FILL, bgColor=TODAY_FILL),
        ),
    )


def share_helpers() -> dict[str, str]:
    """The hidden helper columns of the budget sheet, right of its last column after one empty
    column: the planned amount's cleaned text, what follows its number, and its value, read as
    the review's KPI sheet reads a target (:mod:`retrokit.workbook.formulas`), so 20万 counts."""
    first = len(BUDGET.columns) + 1
    return {part: _col_letter(first + i) for i, part in enumerate(("text", "rest", "value"))}


def _write_share(ws: Any) -> None:
    keys = [c.key for c in BUDGET.columns]
    planned, share = _col_letter(keys.index("planned")), _col_letter(keys.index("share"))
    helper = share_helpers()
    last = TABLE_ROWS + 1
    value = helper["value"]
    total = f"SUM(${value}$2:${value}${last})"
    for row in range(2, last + 1):
        cell, text, rest = f"{planned}{row}", f"{helper['text']}{row}", f"{helper['rest']}{row}"
        ws[f"{helper['text']}{row}"] = formulas.text_formula(cell)
        ws[f"{helper['rest']}{row}"] = formulas.rest_formula(text)
        ws[f"{value}{row}"] = formulas.value_formula(cell, text, rest)
        # Nested IFs: LibreOffice's AND() evaluates every argument.
        ws[f"{share}{row}"] = (
            f'=IF(ISNUMBER({value}{row}),IF({total}>0,{value}{row}/{total},""),"")'
        )
        ws[f"{share}{row}"].number_format = "0.0%"
    ws.column_dimensions.group(helper["text"], helper["value"], hidden=True)


def _write_instructions(wb: Any, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(t("sheet.instructions", lang))
    ws.column_dimensions["A"].width = 110
    for i, line in enumerate(t("instructions.plan", lang).splitlines(), start=1):
        cell = ws.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            cell.font = Font(bold=True, size=14)


def build_plan_workbook(
    lang: Lang,
    *,
    filled: bool = False,
    tasks: list[dict[str, Any]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Any:
    """The plan workbook as an openpyxl object; ``filled`` writes the worked example's plan,
    ``tasks`` pre-fills schedule rows (keys are column keys, list values codes)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    write_fields(wb, OVERVIEW, lang, example.OVERVIEW if filled else None)
    tables: tuple[tuple[Sheet, list[dict[str, Any]]], ...] = (
        (GOALS, example.GOALS),
        (TASKS, example.TASKS),
        (BUDGET, example.BUDGET),
        (RISKS, example.RISKS),
        (DAILY, example.DAILY),
        (TEAM, example.TEAM),
    )
    for sheet, rows in tables:
        ws = _write_table(wb, sheet, lang)
        if sheet is TASKS:
            _write_gantt(ws, lang)
            if tasks:
                _fill_rows(ws, TASKS, tasks, lang)
        if sheet is BUDGET:
            _write_share(ws)
        if filled:
            _fill_rows(ws, sheet, rows, lang)
            if sheet is GOALS:
                _formats(ws, sheet, rows, "target")
            if sheet is DAILY:
                _formats(ws, sheet, rows, "value")
    _write_instructions(wb, lang)
    _write_meta(wb, lang, threshold)
    wb["_retrokit"].append(["kind", "plan"])
    wb.active = 0
    return wb


def init_plan(
    path: Path,
    *,
    lang: Lang,
    example_data: bool = False,
    force: bool = False,
    threshold: float = DEFAULT_THRESHOLD,
) -> Path:
    """Write a new plan workbook at ``path``; never overwrites without ``force``."""
    if path.suffix.lower() != ".xlsx":
        raise UsageError("err.suffix", path=path)
    if not 0 < threshold <= 1:
        raise UsageError("err.threshold", value=threshold)
    wb = build_plan_workbook(lang, filled=example_data, threshold=threshold)
    atomic_write(path, lambda tmp: wb.save(tmp), overwrite=force)
    return path
