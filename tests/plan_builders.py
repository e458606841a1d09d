"""Plan workbooks for tests: the worked example's plan, changed cell by cell by column key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from retrokit.workbook.plan_scaffold import build_plan_workbook
from retrokit.workbook.plan_schema import OVERVIEW, PLAN
from retrokit.workbook.schema import Lang

Edit = Callable[["Book"], None]


class Book:
    """An openpyxl plan workbook addressed by sheet key, row and column key."""

    def __init__(self, lang: Lang, filled: bool = True) -> None:
        self.lang = lang
        self.wb = build_plan_workbook(lang, filled=filled)

    def sheet(self, key: str) -> Any:
        return self.wb[PLAN.sheet(key).name(self.lang)]

    def set(self, key: str, row: int, column: str, value: Any) -> None:
        sheet = PLAN.sheet(key)
        if sheet.kind == "fields":
            row = [c.key for c in OVERVIEW.columns].index(column) + 2
            self.sheet(key).cell(row=row, column=2).value = value
            return
        index = [c.key for c in sheet.columns].index(column) + 1
        self.sheet(key).cell(row=row, column=index).value = value

    def clear(self, key: str) -> None:
        """Every data row of a table sheet emptied."""
        ws = self.sheet(key)
        width = len(PLAN.sheet(key).columns)
        for row in ws.iter_rows(min_row=2, max_col=width):
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    cell.value = None

    def save(self, path: Path) -> Path:
        self.wb.save(path)
        return path


def plan_file(
    tmp: Path, lang: Lang = "zh-CN", edit: Edit | None = None, name: str = "plan.xlsx"
) -> Path:
    book = Book(lang)
    if edit is not None:
        edit(book)
    return book.save(tmp / name)


def chain_plan(
    tmp: Path, tasks: int, deps_per_task: int = 1, *, cycle: bool = False, name: str = "big.xlsx"
) -> Path:
    """A plan of ``tasks`` one-day tasks in a chain, each waiting for up to ``deps_per_task``
    earlier ones; ``cycle`` makes the first wait for the last."""
    book = Book("en", filled=False)
    book.set("overview", 0, "project", "Big")
    book.set("overview", 0, "owner", "Lead")
    start = dt.date(2024, 1, 1)
    book.set("overview", 0, "start", start)
    book.set("overview", 0, "end", start + dt.timedelta(days=tasks))
    book.set("overview", 0, "budget", 100_000)
    ws = book.sheet("tasks")
    for i in range(1, tasks + 1):
        deps = [f"T{i - k}" for k in range(1, deps_per_task + 1) if i - k >= 1]
        if cycle and i == 1:
            deps = [f"T{tasks}"]
        day = start + dt.timedelta(days=i - 1)
        ws.append([f"T{i}", f"Task {i}", None, None, "Lead", day, day, 1, ", ".join(deps) or "-"])
    return book.save(tmp / name)


def typed_overview(budget: float) -> Any:
    """A new openpyxl workbook whose first sheet is a plan overview typed by hand (zh-CN, no
    template): 秋季, 1-30 September 2024, owner 陈, the total ``budget``."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "活动概况"
    for pair in (("项目名称", "秋季"), ("开始日期", "2024-09-01"), ("结束日期", "2024-09-30"),
                 ("负责人", "陈"), ("总预算", budget)):  # fmt: skip
        ws.append(list(pair))
    return wb
