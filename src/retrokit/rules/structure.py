"""Required cells: S003."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from retrokit.findings import Finding
from retrokit.rules.registry import Context, E, rule
from retrokit.workbook.reader import Record
from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS, Sheet


def blank_required(
    ctx: Context, sheet: Sheet, records: Iterable[Record], keys: Sequence[str], message: str = ""
) -> Iterator[Finding]:
    match = ctx.workbook.sheets[sheet.key]
    present = [key for key in keys if key in match.columns]
    for record in records:
        values = record.values
        for key in present:
            # A parsed value stands for a filled cell: only the others are looked at.
            if key not in values and record.blank(key):
                yield ctx.finding("S003", sheet, record, key, message, column=sheet.column(key))


def _campaign_over(ctx: Context) -> bool:
    end = ctx.analysis.info.get("end")
    return not isinstance(end, dt.date) or end < ctx.settings.today


@rule("S003", "required-cell-empty", E)
def required_cell_empty(ctx: Context) -> Iterator[Finding]:
    """A required field or cell is empty in a filled row."""
    info = ctx.workbook.info
    if info is not None:
        for column in INFO.columns:
            if column.required and info.blank(column.key):
                yield ctx.finding("S003", INFO, info, column.key, "S003.field", column=column)
    kpi_keys = ["metric", "target"] + (["actual"] if _campaign_over(ctx) else [])
    yield from blank_required(ctx, KPIS, ctx.workbook.kpis, kpi_keys)
    yield from blank_required(ctx, PROBLEMS, ctx.workbook.problems, ["area", "problem"])
    yield from blank_required(ctx, LESSONS, ctx.workbook.lessons, ["lesson"])
