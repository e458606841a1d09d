"""Which way is better: K004 (a direction only inferred, for a reviewer to confirm)."""

from __future__ import annotations

from collections.abc import Iterator

from retrokit.findings import Finding, i18n_arg
from retrokit.method import INFERRED, DirectionSource
from retrokit.method.direction import is_time_unit
from retrokit.rules.registry import Context, N, rule
from retrokit.rules.values import kpi_records
from retrokit.workbook.schema import DIRECTION, KPIS


@rule("K004", "direction-inferred", N)
def direction_inferred(ctx: Context) -> Iterator[Finding]:
    """A KPI's direction was inferred from its name, dimension or the team's words.

    Also said when a time (3秒, 24小时) whose name says neither a wait nor time spent with us
    falls back to the default."""
    for kpi, record in kpi_records(ctx):
        if kpi.direction_source in INFERRED:
            # Without a Direction column there is no cell to fill: point at the metric and
            # say to add the column.
            present = record.ref("direction") is not None
            yield ctx.finding(
                "K004",
                KPIS,
                record,
                "direction" if present else "metric",
                "K004" if present else "K004.no_column",
                metric=kpi.metric,
                direction=DIRECTION.by_code(kpi.direction.value),
                source=i18n_arg(f"direction.{kpi.direction_source.value}"),
            )
        elif kpi.direction_source is DirectionSource.DEFAULT and is_time_unit(kpi.unit):
            # A time (3秒, 24小时) whose name says neither a wait nor time spent with us: the
            # default higher-is-better is a guess worth saying.
            yield ctx.finding(
                "K004",
                KPIS,
                record,
                "direction" if record.ref("direction") is not None else "metric",
                "K004.time",
                metric=kpi.metric,
                unit=kpi.unit,
                direction=DIRECTION.by_code(kpi.direction.value),
            )
