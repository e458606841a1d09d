"""Values and computed cells: V002 (end before start), V004, V005, V006."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from retrokit.findings import Finding
from retrokit.method import DEFAULT_THRESHOLD, KpiResult
from retrokit.rules.registry import Context, E, W, rule
from retrokit.workbook.reader import Record
from retrokit.workbook.schema import INFO, KPIS, RESULT
from retrokit.workbook.values import parse_choice


@rule("V002.order", "end-before-start", E)
def end_before_start(ctx: Context) -> Iterator[Finding]:
    """The end date is before the start date."""
    start, end = ctx.analysis.info.get("start"), ctx.analysis.info.get("end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        yield ctx.finding(
            "V002",
            INFO,
            ctx.workbook.info,
            "end",
            "V002.order",
            start=start.isoformat(),
            end=end.isoformat(),
        )


def kpi_records(ctx: Context) -> Iterator[tuple[KpiResult, Record]]:
    for kpi in ctx.analysis.kpis:
        if kpi.record is not None:
            yield kpi, kpi.record


@rule("V004", "rate-undefined", W)
def rate_undefined(ctx: Context) -> Iterator[Finding]:
    """The achievement rate is undefined (target 0, or signs that make the ratio meaningless)."""
    for kpi, record in kpi_records(ctx):
        if kpi.undefined_reason:
            yield ctx.finding(
                "V004",
                KPIS,
                record,
                "target",
                metric=kpi.metric,
                reason=("i18n", kpi.undefined_reason),
            )


@rule("V005", "mixed-forms", W)
def mixed_forms(ctx: Context) -> Iterator[Finding]:
    """Target and actual are written in different forms (one a percentage, the other not)."""
    for kpi, record in kpi_records(ctx):
        if kpi.mixed_forms:
            yield ctx.finding("V005", KPIS, record, "actual", metric=kpi.metric)


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _differs(cached: float, computed: float | None) -> bool:
    if computed is None:
        return True
    return abs(cached - computed) > 1e-6 * max(1.0, abs(computed))


@rule("V006", "stale-computed-cell", W)
def stale_computed_cell(ctx: Context) -> Iterator[Finding]:
    """A gap, achievement or result cell disagrees with the recomputed value."""
    for kpi, record in kpi_records(ctx):
        for key, computed in (("gap", kpi.gap), ("rate", kpi.rate)):
            cached = _number(record.raw.get(key))
            if cached is not None and _differs(cached, computed):
                yield ctx.finding(
                    "V006",
                    KPIS,
                    record,
                    key,
                    column=KPIS.column(key),
                    cached=_show(cached),
                    computed=_show(computed),
                )
        label = record.text("result")
        if label and ctx.settings.threshold == DEFAULT_THRESHOLD:
            try:
                cached_status = parse_choice(label, RESULT)
            except ValueError:
                cached_status = None
            computed_status = kpi.status.value if kpi.status else None
            if cached_status != computed_status:
                shown = RESULT.by_code(computed_status) if computed_status else "-"
                yield ctx.finding(
                    "V006",
                    KPIS,
                    record,
                    "result",
                    column=KPIS.column("result"),
                    cached=label,
                    computed=shown,
                )


def _show(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.6g}"
