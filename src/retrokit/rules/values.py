"""Values and computed cells: V002 (end before start), V004, V005, V006."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from retrokit.findings import Finding
from retrokit.method import (
    DEFAULT_THRESHOLD,
    KpiResult,
    achievement_rate,
    kpi_direction,
    kpi_status,
    result_status,
    units_apart,
)
from retrokit.method.units import in_named_unit, multiplier, unit_in_name
from retrokit.rules.registry import Context, E, W, rule
from retrokit.text import cell_text
from retrokit.workbook.formulas import formula_cells, sheet_number
from retrokit.workbook.reader import Record
from retrokit.workbook.schema import INFO, KPIS, META_SHEET, RESULT
from retrokit.workbook.values import Quantity, parse_choice


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
        if kpi.undefined_reason and kpi.undefined_reason.startswith("V004"):
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
    """Target and actual are written in different forms (one a percentage, the other not).

    Also two currencies (V005.currency: no rate) and figures fifty times apart, most likely
    typed in two units (V005.magnitude)."""
    for kpi, record in kpi_records(ctx):
        if kpi.mixed_forms:
            # A sheet without achievement or result cells has nothing to disagree with retrokit.
            columns = ctx.workbook.sheets[KPIS.key].columns
            key = "V005" if "rate" in columns or "result" in columns else "V005.hand"
            yield ctx.finding("V005", KPIS, record, "actual", key, metric=kpi.metric)
        elif kpi.mixed_scale and kpi.target is not None and kpi.actual is not None:
            yield ctx.finding(
                "V005", KPIS, record, "actual", "V005.scale", **_as_typed(kpi, record),
                target_read=f"{kpi.target:.2%}".replace(".00%", "%"),
                actual_read=f"{kpi.actual:.2%}".replace(".00%", "%"),
            )  # fmt: skip
        elif kpi.currencies is not None:
            # HK$100萬 against NT$350萬: no rate, gap or result (KpiResult.currencies).
            yield ctx.finding(
                "V005", KPIS, record, "actual", "V005.currency", **_as_typed(kpi, record),
                target_currency=kpi.currencies[0], actual_currency=kpi.currencies[1],
            )  # fmt: skip
        elif units_apart(kpi):
            # 500万 against 450: most likely two units (a 万 left out); the rate stands.
            yield ctx.finding(
                "V005", KPIS, record, "actual", "V005.magnitude", **_as_typed(kpi, record)
            )


def _as_typed(kpi: KpiResult, record: Record) -> dict[str, str]:
    """A KPI's name and its target and actual as typed, for the messages that quote them."""
    raw = record.raw
    return {
        "metric": kpi.metric,
        "target": cell_text(raw.get("target")),
        "actual": cell_text(raw.get("actual")),
    }


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _differs(cached: float, computed: float | None) -> bool:
    if computed is None:
        return True
    return abs(cached - computed) > 1e-6 * max(1.0, abs(computed))


@dataclass(frozen=True)
class SheetRow:
    """What the KPI sheet's own formulas give from one row's cells (retrokit.workbook.formulas):
    the target and actual as its helper columns read them, then gap, achievement and result."""

    target: float | None
    actual: float | None
    gap: float | None
    rate: float | None
    status: str | None


def sheet_row(kpi: KpiResult, record: Record, threshold: float) -> SheetRow:
    t, a = sheet_number(record.raw.get("target")), sheet_number(record.raw.get("actual"))
    gap = rate = status = None
    if t is not None and a is not None:
        gap = a - t
        # The formulas' direction: the Direction column, the metric's name and the dimension,
        # never a threshold sign or a team's configured words, which the sheet cannot see.
        v = record.values
        direction, _ = kpi_direction(v.get("direction"), v.get("dimension"), kpi.metric)
        rate, _ = achievement_rate(t, a, direction)
        status = kpi_status(t, a, direction, rate, threshold)
    return SheetRow(t, a, gap, rate, status.value if status else None)


def _unread(record: Record) -> bool:
    """Whether target or actual holds something the reader could not read (V001 says so)."""
    return any(not record.blank(k) and k not in record.values for k in ("target", "actual"))


@rule("V006", "stale-computed-cell", W)
def stale_computed_cell(ctx: Context) -> Iterator[Finding]:
    """A gap, achievement or result disagrees with the sheet's formula, or the sheet misreads a value.

    The cached gap, achievement or result is compared with what the sheet's own formula gives
    from the row's cells (a value typed over it, or a stale result); where they agree, the
    target and actual as the sheet reads them are compared with retrokit's (1:3 stored as a
    time, 5%以上)."""
    threshold = ctx.workbook.threshold or DEFAULT_THRESHOLD
    yield from _threshold(ctx, threshold)
    #: (record, column, cached, the formula's value, whether retrokit agrees with the cache)
    stale: list[tuple[Record, str, Any, Any, bool]] = []
    computes: bool | None = None  # whether the sheet has formulas on its rows: asked once
    for kpi, record in kpi_records(ctx):
        if _unread(record):
            continue
        sheet = sheet_row(kpi, record, threshold)
        times = [k for k in ("target", "actual") if _is_time(record.raw.get(k))]
        if times:
            # The sheet computes with the time's serial, so its gap, achievement and result
            # differ from retrokit's whatever is cached: the time is the cause, not staleness.
            if computes is None:
                computes = _sheet_computes(ctx)
            yield from _times(ctx, record, sheet, times, computes)
            continue
        found = False
        for key, model in (("gap", sheet.gap), ("rate", sheet.rate)):
            cached = _number(record.raw.get(key))
            if cached is not None and _differs(cached, model):
                method = kpi.gap if key == "gap" else kpi.rate
                agrees = method is not None and not _differs(cached, method)
                show = _show_rate if key == "rate" else _show
                stale.append((record, key, show(cached), show(model), agrees))
                found = True
        label = record.text("result")
        if label:
            try:
                cached_status = parse_choice(label, RESULT)
            except ValueError:
                cached_status = None
            # The result formula reads the achievement CELL: a rate typed over its formula
            # gives the label that rate has (V006 on the rate says what is wrong).
            typed_rate = _number(record.raw.get("rate"))
            formula_status = sheet.status
            if typed_rate is not None:
                at = result_status(typed_rate, threshold)
                formula_status = at.value if at else None
            if cached_status != formula_status:
                shown = RESULT.by_code(formula_status) if formula_status else "-"
                method_status = kpi.status.value if kpi.status else None
                agrees = cached_status is not None and cached_status == method_status
                stale.append((record, "result", label, shown, agrees))
                found = True
        computed = any(_number(record.raw.get(k)) is not None for k in ("gap", "rate"))
        if not found and computed and not (kpi.mixed_forms or kpi.mixed_scale):
            yield from _misread(ctx, kpi, record, sheet)
    if stale:
        yield from _stale(ctx, stale)


#: The meta cell every result formula reads (retrokit.workbook.scaffold.THRESHOLD_CELL).
THRESHOLD_ADDRESS = "B3"


def _threshold(ctx: Context, sheet_threshold: float) -> Iterator[Finding]:
    """V006.threshold, once: the workbook's result formulas read another threshold than the one
    in force (--threshold or the config), so the sheet's labels and retrokit's may differ."""
    used = ctx.settings.threshold
    if ctx.workbook.template_version is None or abs(used - sheet_threshold) < 1e-9:
        return  # no formulas of ours, or they read the threshold in force
    differ = sum(
        1
        for k in ctx.analysis.kpis
        if k.rate is not None
        and result_status(k.rate, used) != result_status(k.rate, sheet_threshold)
    )
    yield Finding(
        "V006",
        ctx.workbook.path,
        META_SHEET,
        THRESHOLD_ADDRESS,
        None,
        "V006.threshold",
        (
            ("cell", f"{META_SHEET}!{THRESHOLD_ADDRESS}"),
            ("column", KPIS.column("result")),
            ("sheet", f"{sheet_threshold:.0%}"),
            ("used", f"{used:.0%}"),
            ("value", f"{used:g}"),
            ("count", differ),
        ),
        W,
        lang=ctx.workbook.lang,
    )


def _is_time(raw: Any) -> bool:
    """Whether a target or actual cell holds a time (a ratio an office program converted)."""
    return isinstance(raw, dt.time | dt.timedelta) or (
        isinstance(raw, dt.datetime) and raw.year < 1900  # a time past 24h: 1899-12-31 01:03
    )


def _clock(raw: dt.time | dt.datetime | dt.timedelta) -> str:
    """The time as a clock shows it, with seconds and their fraction when it has them."""
    if isinstance(raw, dt.timedelta):
        return str(raw)
    shown = raw.strftime("%H:%M")
    if raw.second or raw.microsecond:
        shown += raw.strftime(":%S")
    if raw.microsecond:
        shown += f"{raw.microsecond / 1e6:.6f}".rstrip("0")[1:]
    return shown


def _sheet_computes(ctx: Context) -> bool:
    """Whether the KPI sheet computes anything: a formula in its gap, achievement or result
    column. A sheet typed by hand has no formula that computes with a time's serial."""
    sheet_name = ctx.workbook.sheets[KPIS.key].name
    return any(_column_has_formulas(ctx, sheet_name, k) for k in ("gap", "rate", "result"))


def _times(
    ctx: Context, record: Record, sheet: SheetRow, keys: list[str], computes: bool = True
) -> Iterator[Finding]:
    """V006.time for each of the row's target and actual that holds a time; V006.time_hand
    (the time's serial said as the cell's value, no formula named) on a sheet without
    formulas."""
    for key in keys:
        model = sheet.target if key == "target" else sheet.actual
        read = record.values.get(key)
        yield ctx.finding(
            "V006",
            KPIS,
            record,
            key,
            "V006.time" if computes else "V006.time_hand",
            column=KPIS.column(key),
            shown=_clock(record.raw[key]),
            sheet=_show(model),
            read=_show(read.value) if isinstance(read, Quantity) else "-",
        )


def _misread(ctx: Context, kpi: KpiResult, record: Record, sheet: SheetRow) -> Iterator[Finding]:
    """A target or actual the sheet computed with a value other than retrokit's."""
    unit = _row_unit(ctx, kpi)
    for key, model in (("target", sheet.target), ("actual", sheet.actual)):
        read = record.values.get(key)
        if model is None or not isinstance(read, Quantity):
            continue
        raw = record.raw.get(key)
        if unit is not None and read.form == "plain":
            # The row counts in a unit with a multiplier (总费用(万元), or both headers 万元):
            # the sheet computes in it, so a cell is read right when the sheet's number is
            # retrokit's in that unit (60 under 万元 is 60, whatever retrokit holds in 元).
            size, name, named = unit
            ours = read.value / size
            if named and (in_name := in_named_unit(read, name)) is not None:
                ours = in_name.value
            if not _differs(model, ours):
                continue
            own = read.currency or (read.scale != 1 and (named or not _in_header_unit(raw, read)))
            if own:
                # 72万 in a row in 万元: the sheet multiplies it again (720,000 万元).
                yield ctx.finding(
                    "V006",
                    KPIS,
                    record,
                    key,
                    "V006.unit",
                    column=KPIS.column(key),
                    value=record.text(key),
                    unit=name,
                    sheet=_show(model),
                    read=_show(ours),
                )
                continue
        if not _differs(model, read.value):
            continue
        if (
            _in_header_unit(raw, read)
            and not _differs(model * read.scale, read.value)
            and sheet.rate is not None
            and kpi.rate is not None
            and not _differs(sheet.rate, kpi.rate)
        ):
            # 200 under 目标值（万元）: the sheet computes in the header's unit, retrokit in
            # 元; where its rate is retrokit's (the other cell in the same unit), nothing is
            # misread. A unit on one header only makes the rates differ: reported.
            continue
        if isinstance(raw, dt.time | dt.datetime | dt.timedelta):
            yield from _times(ctx, record, sheet, [key])
        else:
            yield ctx.finding(
                "V006",
                KPIS,
                record,
                key,
                "V006.form",
                column=KPIS.column(key),
                value=record.text(key),
                sheet=_show(model),
                read=_show(read.value),
            )


def _row_unit(ctx: Context, kpi: KpiResult) -> tuple[float, str, bool] | None:
    """(multiplier, unit, whether the KPI's name gives it) of the unit with a multiplier that
    a KPI row's plain numbers are counted in: its name's (总费用(万元)), or the one both the
    target and actual headers give (目标值（万元） and 实际值（万元）); None otherwise (a unit
    on one header only is a misreading of its own)."""
    named = unit_in_name(kpi.metric)
    if named is not None and multiplier(named) != 1:
        return multiplier(named), named, True
    match = ctx.workbook.sheets.get(KPIS.key)
    units = match.units if match is not None else {}
    target, actual = units.get("target"), units.get("actual")
    if target is not None and target == actual:
        return multiplier(target), target, False
    return None


def _in_header_unit(raw: object, read: Quantity) -> bool:
    """Whether ``read`` is a number written bare that its column's header scaled (万元): a
    number cell, or text of digits only; a multiplier typed in the cell (200万) is not."""
    if read.scale == 1 or read.form != "plain" or read.unit:
        return False
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return True
    text = str(raw).strip().replace(",", "")
    return text.replace(".", "", 1).lstrip("-").isdigit()


def _column_has_formulas(ctx: Context, sheet_name: str | None, key: str) -> bool:
    """Whether any KPI row's ``key`` cell holds a formula (our template's, or the team's own):
    only then is restoring one the advice."""
    if ctx.workbook.template_version is not None:
        return True
    refs = sorted({r for _, record in kpi_records(ctx) if (r := record.ref(key))})
    return bool(sheet_name and refs and formula_cells(ctx.workbook.path, sheet_name, refs))


def _stale(ctx: Context, stale: list[tuple[Record, str, Any, Any, bool]]) -> Iterator[Finding]:
    """The disagreeing cells, each with the advice its cause needs: a value typed over the
    formula, a formula whose cached result is stale, or (a file that cannot tell) either. A
    typed value that is what retrokit computes is no finding: a sheet made without the
    template's formulas, filled in by hand, is right."""
    sheet_name = ctx.workbook.sheets[KPIS.key].name
    refs = {record.ref(key) for record, key, *_ in stale}
    with_formula = (
        formula_cells(ctx.workbook.path, sheet_name, sorted(r for r in refs if r))
        if sheet_name
        else None
    )
    has_formulas: dict[str, bool] = {}
    for record, key, cached, computed, agrees in stale:
        formula = with_formula is not None and record.ref(key) in with_formula
        if agrees and not formula:
            continue
        cause = "V006.stale" if formula else "V006.typed"
        text = with_formula.get(record.ref(key) or "", "") if with_formula else ""
        if text and _own_formula(text, record):
            # The team's own formula (=F5/E5 where lower is better): recalculating changes
            # nothing, the formula itself computes otherwise.
            yield ctx.finding(
                "V006",
                KPIS,
                record,
                key,
                "V006.own",
                column=KPIS.column(key),
                cached=cached,
                computed=computed,
                formula="=" + text,
            )
            continue
        message = "V006" if with_formula is None else cause
        if message == "V006.typed":
            if key not in has_formulas:  # one scan of the sheet per column, not per cell
                has_formulas[key] = _column_has_formulas(ctx, sheet_name, key)
            if not has_formulas[key]:
                message = "V006.hand"  # a sheet typed by hand has no formula to restore
        yield ctx.finding(
            "V006",
            KPIS,
            record,
            key,
            message,
            column=KPIS.column(key),
            cached=cached,
            computed=computed,
        )


def _own_formula(text: str, record: Record) -> bool:
    """Whether a formula reads the row's target or actual cell itself, as a team's own does
    (the template's read the hidden helper columns that parse them)."""
    cells = {record.ref(k) for k in ("target", "actual")} - {None, ""}
    plain = text.replace("$", "").upper()
    return any(re.search(rf"(?<![A-Z0-9_!]){re.escape(str(cell))}(?!\d)", plain) for cell in cells)


def _show_rate(value: float | None) -> str:
    """An achievement as the sheet shows it: 80.0%."""
    return "-" if value is None else f"{value * 100:.1f}%"


def _show(value: float | None) -> str:
    """A number as a person reads it: 2,000,000 and 0.04375, never 2e+06."""
    if value is None:
        return "-"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.6g}"
