"""A retrospective that keeps the plan's sheets beside its own: the worked example's review
with the worked example's plan sheets copied in (values, number forms and formulas)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from retrokit.workbook.plan_scaffold import build_plan_workbook
from retrokit.workbook.plan_schema import PLAN
from retrokit.workbook.scaffold import build_workbook
from retrokit.workbook.schema import Lang


def copy_sheet(source: Any, target_book: Any) -> Any:
    ws = target_book.create_sheet(source.title)
    for row in source.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            new = ws.cell(row=cell.row, column=cell.column, value=cell.value)
            new.number_format = cell.number_format
    return ws


def combined_file(
    tmp: Path,
    lang: Lang = "zh-CN",
    *,
    keys: tuple[str, ...] = tuple(s.key for s in PLAN.sheets),
    name: str = "combined.xlsx",
    edit_plan: Any = None,
) -> Path:
    """The example review with the plan sheets of ``keys`` (every one by default)."""
    review = build_workbook(lang, filled=True)
    plan = build_plan_workbook(lang, filled=True)
    if edit_plan is not None:
        edit_plan(plan)
    for key in keys:
        copy_sheet(plan[PLAN.sheet(key).name(lang)], review)
    review.save(tmp / name)
    return tmp / name
