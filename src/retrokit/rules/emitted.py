"""Findings the lint engine and the reader emit where they meet the problem."""

from __future__ import annotations

from retrokit.rules.registry import E, N, Scope, W, rule


@rule("F001", "unreadable-file", E, scope=Scope.EMITTED)
def unreadable_file() -> None:
    """The file cannot be read as a workbook."""


@rule("F002", "lock-file-committed", E, scope=Scope.EMITTED)
def lock_file_committed() -> None:
    """An Office lock file (~$name.xlsx) is committed."""


@rule("S001", "missing-sheet", E, scope=Scope.EMITTED)
def missing_sheet() -> None:
    """A sheet of the template is missing."""


@rule("S002", "missing-column", E, scope=Scope.EMITTED)
def missing_column() -> None:
    """A required column is missing from a sheet's header."""


@rule("S004", "duplicate-sheet", W, scope=Scope.EMITTED)
def duplicate_sheet() -> None:
    """Two sheets could be the same sheet (a copy or a backup): one is read, the other not."""


@rule("S005", "total-row-skipped", N, scope=Scope.EMITTED)
def total_row_skipped() -> None:
    """A total (Total, Subtotal), a heading, a repeated header or a matrix is not read as data."""


@rule("V001", "number-unreadable", E, scope=Scope.EMITTED)
def number_unreadable() -> None:
    """A number cell does not parse."""


@rule("V002", "date-unreadable", E, scope=Scope.EMITTED)
def date_unreadable() -> None:
    """A date does not parse, or the end is before the start."""


@rule("V003", "value-not-in-list", E, scope=Scope.EMITTED)
def value_not_in_list() -> None:
    """A value is not one of its list's values."""


@rule("V007", "formula-error", E, scope=Scope.EMITTED)
def formula_error() -> None:
    """A cell's formula gives an error value (#DIV/0!, #N/A, #REF!...)."""


@rule("V008", "amount-out-of-range", E, scope=Scope.EMITTED, kind="plan")
def amount_out_of_range() -> None:
    """An amount is negative, or implausibly large."""


@rule("V009", "merged-figure", W, scope=Scope.EMITTED)
def merged_figure() -> None:
    """A figure merged over several rows is counted in full on each of them."""


@rule("V002.span", "period-disagrees-with-dates", W, scope=Scope.EMITTED)
def period_disagrees_with_dates() -> None:
    """A campaign period typed in one cell disagrees with the start or end date beside it."""
