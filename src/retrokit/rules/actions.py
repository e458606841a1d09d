"""Problems and actions: A001-A007."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from retrokit.findings import Finding
from retrokit.rules.registry import Context, E, N, W, rule
from retrokit.rules.wording import is_placeholder
from retrokit.workbook.reader import Record
from retrokit.workbook.schema import PROBLEMS, STATUS
from retrokit.workbook.sources import CellError
from retrokit.workbook.values import has_number


def _problem_cells(
    ctx: Context, code: str, column: str, test: Callable[[Record], bool]
) -> Iterator[Finding]:
    """A finding on ``column`` of every problem row that ``test`` picks."""
    if column not in ctx.workbook.sheets["problems"].columns:
        return
    for record in ctx.workbook.problems:
        if test(record):
            yield ctx.finding(code, PROBLEMS, record, column, value=record.text(column))


def _filled(record: Record, key: str) -> bool:
    """A cell that holds a value: neither blank nor a placeholder (无, 同上, TBD, 全体)."""
    return not record.blank(key) and not is_placeholder(record.text(key))


def _missing_cells(
    ctx: Context, code: str, column: str, test: Callable[[Record], bool] = lambda r: True
) -> Iterator[Finding]:
    """A finding on ``column`` of every problem row that ``test`` picks and that leaves the
    column blank, or fills it with a placeholder (the message then says so: the cell looks
    filled)."""
    if column not in ctx.workbook.sheets["problems"].columns:
        return
    for record in ctx.workbook.problems:
        if not test(record):
            continue
        if record.blank(column):
            yield ctx.finding(code, PROBLEMS, record, column, value="")
        elif is_placeholder(text := record.text(column)):
            yield ctx.finding(
                code,
                PROBLEMS,
                record,
                column,
                f"{code}.placeholder",
                column=PROBLEMS.column(column),
                value=text,
            )


@rule("A001", "action-without-owner", E)
def action_without_owner(ctx: Context) -> Iterator[Finding]:
    """An action has no owner.

    A placeholder (待定, 全体, everyone) is no owner."""
    return _missing_cells(ctx, "A001", "owner", lambda r: _filled(r, "action"))


@rule("A002", "action-without-due-date", E)
def action_without_due_date(ctx: Context) -> Iterator[Finding]:
    """An action has no due date.

    A placeholder (待定, TBD) is no date."""
    return _missing_cells(
        ctx, "A002", "due", lambda r: _filled(r, "action") and "due" not in r.values
    )


@rule("A003", "effect-not-measurable", W)
def effect_not_measurable(ctx: Context) -> Iterator[Finding]:
    """The expected effect is not measurable (no number in it)."""
    for f in _problem_cells(
        ctx,
        "A003",
        "expected",
        lambda r: (
            not r.blank("action")
            and not has_number(r.text("expected"))
            and r.raw.get("expected").__class__ is not CellError
        ),  # V007 already says what it is
    ):
        # A blank cell is missing, not "'' is not measurable": say it is empty.
        yield f if dict(f.args)["value"] else replace(f, key="A003.empty")


@rule("A004", "action-overdue", W)
def action_overdue(ctx: Context) -> Iterator[Finding]:
    """An action is overdue: due before today and not done or dropped."""
    for p in ctx.analysis.problems:
        if p.overdue and p.due and p.record is not None:
            status = STATUS.by_code(p.status) if p.status else "-"
            yield ctx.finding(
                "A004",
                PROBLEMS,
                p.record,
                "due",
                due=p.due.isoformat(),
                status=status,
                done=STATUS.by_code("done"),
            )


@rule("A005", "problem-without-root-cause", E)
def problem_without_root_cause(ctx: Context) -> Iterator[Finding]:
    """A problem has no root cause.

    A placeholder (无, 同上, n/a) is no root cause."""
    return _missing_cells(ctx, "A005", "root_cause")


@rule("A006", "problem-without-action", E)
def problem_without_action(ctx: Context) -> Iterator[Finding]:
    """A problem has no action.

    A placeholder (-, 同上, 待定) is no action."""
    return _missing_cells(ctx, "A006", "action")


@rule("A007", "too-many-high-impact", N)
def too_many_high_impact(ctx: Context) -> Iterator[Finding]:
    """More than three problems are rated high impact."""
    high = [p for p in ctx.analysis.problems if p.impact == "high"]
    if len(high) > 3:
        yield ctx.finding("A007", PROBLEMS, None, None, count=len(high))
