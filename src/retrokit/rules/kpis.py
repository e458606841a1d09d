"""KPI rows: K001-K003, K005."""

from __future__ import annotations

from collections.abc import Iterator

from retrokit.findings import Finding
from retrokit.method import Status
from retrokit.method.campaigns import kpi_key
from retrokit.rules.registry import Context, W, rule
from retrokit.rules.values import kpi_records
from retrokit.text import fold
from retrokit.workbook.schema import KPIS, RESULT


@rule("K001", "kpi-without-analysis", W)
def kpi_without_analysis(ctx: Context) -> Iterator[Finding]:
    """A missed or exceeded KPI has no analysis."""
    for kpi, record in kpi_records(ctx):
        if kpi.status in (Status.MISSED, Status.EXCEEDED) and not kpi.analysis:
            # Without an Analysis column there is no cell to fill: point at the metric and say
            # to add the column (as K004 does for Direction).
            present = ctx.has_column(KPIS, "analysis")
            yield ctx.finding(
                "K001",
                KPIS,
                record,
                "analysis" if present else "metric",
                "K001" if present else "K001.no_column",
                metric=kpi.metric,
                status=RESULT.by_code(kpi.status.value),
                **({} if present else {"column": KPIS.column("analysis")}),
            )


@rule("K002", "no-kpis", W)
def no_kpis(ctx: Context) -> Iterator[Finding]:
    """There are no KPI rows."""
    if ctx.workbook.sheets["kpis"].name is not None and not ctx.analysis.kpis:
        yield ctx.finding("K002", KPIS, None, None, sheet=KPIS)


@rule("K002.core", "no-kpi-marked-core", W)
def no_kpi_marked_core(ctx: Context) -> Iterator[Finding]:
    """There are KPI rows, but none is marked core."""
    if ctx.workbook.sheets["kpis"].name is None or not ctx.analysis.kpis:
        return
    if not any(k.core for k in ctx.analysis.kpis):
        yield ctx.finding("K002", KPIS, None, None, "K002.core")


@rule("K003", "core-miss-unexplained", W)
def core_miss_unexplained(ctx: Context) -> Iterator[Finding]:
    """A missed core KPI that no problem row names in its Metric column."""
    named = [fold(p.metric) for p in ctx.analysis.problems if p.metric]
    for kpi, record in kpi_records(ctx):
        if kpi.core and kpi.status is Status.MISSED:
            key = fold(kpi.metric)
            if not any(key and (key == n or key in n or n in key) for n in named):
                yield ctx.finding("K003", KPIS, record, "metric", metric=kpi.metric)


@rule("K005", "duplicate-kpi", W)
def duplicate_kpi(ctx: Context) -> Iterator[Finding]:
    """The same metric for the same channel is on two rows of one review."""
    first: dict[tuple[str, ...], int] = {}
    for kpi, record in kpi_records(ctx):
        key = (*kpi_key(kpi), fold(record.text("phase")))  # a phase, where a sheet has one
        if not key[0]:
            continue
        row = first.setdefault(key, record.row)
        if row != record.row:
            yield ctx.finding(
                "K005",
                KPIS,
                record,
                "metric",
                "K005.channel" if kpi.channel else "K005",
                metric=kpi.metric,
                channel=kpi.channel or "",
                first=row,
            )
