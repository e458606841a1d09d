"""`retrokit init --kind plan`: the plan workbook, its Gantt chart drawn by the sheet itself.

The schedule sheet carries a grid to the right of its columns: one column a day (a week when the
plan runs over 60 days), dated from the overview's start or an earlier task's, whose cells
conditional formatting shades between each task's start and end, with today's column marked.
Excel, WPS and LibreOffice draw the bars without retrokit; editing a date moves them.
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
from retrokit.workbook.types import MAX_AMOUNT, ColType

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
    # The grid runs from the first of the overview's start and the tasks' starts to the last of
    # the ends: preparation before the campaign's dates (research in June for a July campaign)
    # and the review after them get their bars too. MIN and MAX pass over a date typed as text
    # (the bar of such a task is not drawn either), and COUNT says whether any date is there.
    starts = f"{o_start},${start}$2:${start}${TABLE_ROWS + 1}"
    ends = f"{o_end},${end}$2:${end}${TABLE_ROWS + 1}"
    # A year mistyped on one task (2004 for 2024) would start the grid twenty years early and
    # leave every other bar off it: past what the grid can show (its columns in weeks), the
    # grid keeps to the overview's start, and only the mistyped bar falls off.
    reach = GANTT_COLUMNS * 7
    first_day = (
        f"IF(ISNUMBER({o_start}),IF(MAX({ends})-MIN({starts})>{reach},{o_start},"
        f"MIN({starts})),MIN({starts}))"
    )
    # The grid's unit in days, in the sheet: conditional formats may only read their own sheet.
    # Nested IFs, not AND(): LibreOffice evaluates every argument of AND, so a date typed as
    # text made the subtraction, and with it the whole cell, #VALUE!.
    ws.cell(row=1, column=step_col + 1).value = (
        f"=IF(COUNT({starts})>0,IF(COUNT({ends})>0,"
        f"IF(MAX({ends})-{first_day}>{GANTT_DAY_LIMIT},7,1),1),1)"
    )
    ws.cell(row=1, column=step_col + 1).number_format = '0"d"'
    ws.cell(row=1, column=step_col + 1).font = Font(color="808080", size=8)
    ws.column_dimensions[_col_letter(step_col)].width = 4
    last_col = _col_letter(step_col + GANTT_COLUMNS)
    # The first day is worked out once, in the grid's first cell; the others count on from it.
    first_cell = f"${_col_letter(step_col + 1)}$1"
    for i in range(GANTT_COLUMNS):
        cell = ws.cell(row=1, column=step_col + 2 + i)
        cell.value = (
            f'=IF(COUNT({starts})>0,{first_day},"")'
            if i == 0
            else f'=IF(ISNUMBER({first_cell}),{first_cell}+{i}*{step},"")'
        )
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
    the review's KPI sheet reads a target (:mod:`retrokit.workbook.formulas`), so 20万 counts;
    then whether the row is a budget line retrokit counts (1) or not (0)."""
    first = len(BUDGET.columns) + 1
    parts = ("text", "rest", "value", "line")
    return {part: _col_letter(first + i) for i, part in enumerate(parts)}


#: Characters the reader's folding drops from a label, which the formula takes out too.
_LABEL_DECORATION = (" ", "-", "_", "*", ":", "：")
#: Traditional forms of the characters of the total labels (the reader folds them to these).
_TRADITIONAL = (str.maketrans("计总汇数", "計總匯數"), str.maketrans("计总汇数", "計總彙數"))
#: The column of the hidden meta sheet that lists the spellings of a total label.
TOTAL_LABEL_COLUMN = "K"


def total_label_spellings() -> list[str]:
    """What the reader takes for a total label (:data:`reader.TOTAL_LABELS`), Simplified and
    Traditional, for the sheet's formulas to look up."""
    from retrokit.workbook.reader import TOTAL_LABELS

    spellings = set(TOTAL_LABELS)
    for table in _TRADITIONAL:
        spellings |= {label.translate(table) for label in TOTAL_LABELS}
    return sorted(spellings)


def total_label_formula(cell: str) -> str:
    """Whether ``cell`` says 合计 / Total as the reader reads it: case and the decorations its
    folding drops ignored, Simplified or Traditional."""
    from retrokit.workbook.schema import META_SHEET

    count = len(total_label_spellings())
    words = f"'{META_SHEET}'!${TOTAL_LABEL_COLUMN}$1:${TOTAL_LABEL_COLUMN}${count}"
    expr = f"TRIM({cell})"
    for ch in _LABEL_DECORATION:
        expr = f'SUBSTITUTE({expr},{formulas._q(ch)},"")'
    # MATCH compares text without regard to case in Excel, WPS and LibreOffice.
    return f"ISNUMBER(MATCH({expr},{words},0))"


def _line_formula(row: int, value: str) -> str:
    """1 when row ``row`` is a budget line as retrokit reads it: not a total row (合计 in its
    category or item, or in another text cell beside blank ones) and a planned amount that is
    neither negative nor beyond :data:`~retrokit.workbook.types.MAX_AMOUNT` (V008); else 0."""
    keys = [c.key for c in BUDGET.columns]
    texts = [
        f"{_col_letter(keys.index(c.key))}{row}"
        for c in BUDGET.columns
        if c.type in (ColType.TEXT, ColType.CHOICE, ColType.OPEN_CHOICE)
    ]
    says = {cell: total_label_formula(cell) for cell in texts}
    named = [f"{_col_letter(keys.index(k))}{row}" for k in BUDGET.total_columns]
    others = [c for c in texts if c not in named]
    # Past the first OR, the named columns say no total: they must be blank.
    blank_or_total = ",".join(
        f'TRIM({c})=""' if c in named else f'OR(TRIM({c})="",{says[c]})' for c in texts
    )
    total = (
        f"OR({','.join(says[c] for c in named)},"
        f"AND({blank_or_total},OR({','.join(says[c] for c in others)})))"
    )
    amount = f"{value}{row}"
    # Nested IFs: LibreOffice's AND() evaluates every argument; an error cell is no line.
    counted = f"IF(ISNUMBER({amount}),IF({amount}<0,0,IF({amount}>={MAX_AMOUNT:.0f},0,1)),0)"
    return f"=IFERROR(IF({total},0,{counted}),0)"


def _write_share(ws: Any) -> None:
    keys = [c.key for c in BUDGET.columns]
    planned, share = _col_letter(keys.index("planned")), _col_letter(keys.index("share"))
    helper = share_helpers()
    last = TABLE_ROWS + 1
    value, line = helper["value"], helper["line"]
    # The lines retrokit counts: a 合计 row below them, a negative or absurd amount left out.
    total = f"SUMIF(${line}$2:${line}${last},1,${value}$2:${value}${last})"
    for row in range(2, last + 1):
        cell, text, rest = f"{planned}{row}", f"{helper['text']}{row}", f"{helper['rest']}{row}"
        ws[f"{helper['text']}{row}"] = formulas.text_formula(cell)
        ws[f"{helper['rest']}{row}"] = formulas.rest_formula(text)
        ws[f"{value}{row}"] = formulas.value_formula(cell, text, rest)
        ws[f"{line}{row}"] = _line_formula(row, value)
        ws[f"{share}{row}"] = f'=IF({line}{row}=1,IF({total}>0,{value}{row}/{total},""),"")'
        ws[f"{share}{row}"].number_format = "0.0%"
    ws.column_dimensions.group(helper["text"], helper["line"], hidden=True)


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
    for row, word in enumerate(total_label_spellings(), start=1):
        wb["_retrokit"][f"{TOTAL_LABEL_COLUMN}{row}"] = word
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
