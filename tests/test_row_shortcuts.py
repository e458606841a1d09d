"""The reader's short paths for common cells give what each column's own parser gives."""

from __future__ import annotations

import datetime as dt

import pytest

from retrokit.workbook.plan_schema import PLAN
from retrokit.workbook.reader import _Collector, _RowParser, parse_cell
from retrokit.workbook.schema import REVIEW, Column, Sheet
from retrokit.workbook.sources import CellError

#: What cells hold as the cell reader gives them: text, numbers, dates, blanks, odd values.
RAW = (
    None,
    "",
    "   ",
    "plain text",
    "  padded  ",
    5,
    5.0,
    0.35,
    -12.5,
    float("inf"),
    float("nan"),
    True,
    dt.date(2024, 6, 1),
    dt.datetime(2024, 6, 1, 9, 30),
    dt.datetime(1900, 1, 7),
    dt.time(0, 1, 2),
    "2024-06-01",
    "6月1日-6月30日",
    "50%",
    "500万",
    "1:3",
    "T1, T3",
    "T1、T3",
    "-",
    "是",
    "yes",
    "已完成",
    "done",
    "高",
    "预热",
    "KOL合作",
    "组长",
    CellError("#DIV/0!"),
)


def _expected(column: Column, raw: object) -> object:
    """What the slow path alone gives for one cell (absent: blank, unreadable or an error)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()) or isinstance(raw, CellError):
        return "absent"
    try:
        return parse_cell(column, raw)
    except ValueError:
        return "absent"


@pytest.mark.parametrize(
    "sheet",
    [s for s in (*REVIEW.sheets, *PLAN.sheets) if s.kind != "fields"],
    ids=lambda s: s.key,
)
def test_every_cell_reads_as_its_columns_parser_reads_it(sheet: Sheet) -> None:
    columns = {column.key: i for i, column in enumerate(sheet.columns)}
    parser = _RowParser(sheet, sheet.key, columns, {}, _Collector("test.xlsx"))
    # The rows are named (no total row): the required text columns hold a plain name, or the
    # first text column where none is required (a budget line): a row of one text in every
    # cell is a heading band merged across the row.
    named = [c.key for c in sheet.columns if c.required and c.type.name == "text"] or [
        next(c.key for c in sheet.columns if c.type.name == "text")
    ]
    rows = 0
    for raw in RAW:
        # Each value in every column, twice, so that a list value seen before is taken too.
        for _ in range(2):
            row = [raw] * len(sheet.columns)
            for key in named:
                row[columns[key]] = "named row"
            record = parser.record(rows + 1, row)
            rows += 1
            if record is None:  # every cell people fill is blank
                assert raw is None or (isinstance(raw, str) and not raw.strip())
                continue
            for column, value in zip(sheet.columns, row, strict=True):
                if column.type.name == "formula":
                    continue
                got = record.values.get(column.key, "absent")
                want = _expected(column, value)
                assert got == want and type(got) is type(want), (column.key, value, got, want)
