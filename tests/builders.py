"""Workbooks built for tests with openpyxl: the worked example as data, changed per case."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from retrokit.workbook import example
from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS, Lang, Sheet


def _zh(value: Any) -> Any:
    return value["zh-CN"] if isinstance(value, dict) else value


def _label(sheet: Sheet, key: str, value: Any, lang: Lang) -> Any:
    column = sheet.column(key)
    if (
        column.choices is not None
        and isinstance(value, str)
        and value in {c.code for c in column.choices.choices}
    ):
        return column.choices.by_code(value).label(lang)
    return value


def example_data() -> dict[str, Any]:
    """The worked example as plain rows of {column key: cell value} (zh-CN)."""
    kpis = [{k: _zh(v) for k, v in kpi.items() if k != "format"} for kpi in example.KPIS]
    return {
        "info": {k: _zh(v) for k, v in example.INFO.items()},
        "kpis": kpis,
        "problems": [{k: _zh(v) for k, v in p.items()} for p in example.PROBLEMS],
        "lessons": [{k: _zh(v) for k, v in x.items()} for x in example.LESSONS],
    }


def write(
    path: Path,
    data: dict[str, Any] | None = None,
    *,
    lang: Lang = "zh-CN",
    title_rows: int = 0,
    order: dict[str, list[str]] | None = None,
    percent_cells: tuple[str, ...] = (),
) -> Path:
    """Write the data as a workbook the way a person might build it from scratch."""
    data = copy.deepcopy(data if data is not None else example_data())
    order = order or data.pop("_order", None)
    wb = Workbook()
    wb.remove(wb.active)
    if "info" in data:
        ws = wb.create_sheet(INFO.name(lang))
        for key, value in data["info"].items():
            ws.append([INFO.column(key).label(lang), _label(INFO, key, value, lang)])
    for sheet in (KPIS, PROBLEMS, LESSONS):
        if sheet.key not in data:
            continue
        ws = wb.create_sheet(sheet.name(lang))
        for _ in range(title_rows):
            ws.append(["2024 复盘"])
        keys = (order or {}).get(sheet.key) or [c.key for c in sheet.columns]
        ws.append(
            [
                sheet.column(k).label(lang) if k in [c.key for c in sheet.columns] else k
                for k in keys
            ]
        )
        for row in data[sheet.key]:
            ws.append([_label(sheet, k, row.get(k), lang) if k in row else None for k in keys])
    for ref in percent_cells:
        sheet_name, cell = ref.split("!")
        wb[sheet_name][cell].number_format = "0%"
    wb.save(path)
    return path


TODAY = dt.date(2024, 7, 20)


def example_with_rate(path: Path, lang: Lang, metric: str, target: Any, actual: Any) -> Path:
    """Our worked example with its rate KPI (注册转化率, target 5%) renamed ``metric`` and typed
    as ``target`` and ``actual`` in cells without a number format."""
    from openpyxl import load_workbook

    from retrokit import api

    api.scaffold_workbook(path, lang=lang, example=True)
    wb = load_workbook(path)
    ws = wb.worksheets[1]
    row = next(r for r in range(2, 12) if ws.cell(r, 5).value == 0.05)
    ws.cell(row, 2).value = metric
    for column, value in ((5, target), (6, actual)):
        ws.cell(row, column).value = value
        ws.cell(row, column).number_format = "General"
    wb.save(path)
    return path


def typed_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook typed from scratch with openpyxl, as a team types one by hand: each sheet
    with its rows, in order (the first one the sheet openpyxl starts with)."""
    book = Workbook()
    first = book.active
    assert first is not None
    for n, (name, rows) in enumerate(sheets.items()):
        ws = first if n == 0 else book.create_sheet(name)
        ws.title = name
        for row in rows:
            ws.append(list(row))
    book.save(path)
    return path
