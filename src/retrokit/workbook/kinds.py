"""Which declared sheet set a workbook is: the retrospective unless its sheet names say plan,
or retrokit's own export, which is no campaign at all."""

from __future__ import annotations

from collections.abc import Iterable

from retrokit.text import fold
from retrokit.workbook.plan_schema import PLAN
from retrokit.workbook.schema import REVIEW, SheetSet

#: Every kind of workbook, the default first (it wins a tie).
SHEET_SETS: tuple[SheetSet, ...] = (REVIEW, PLAN)

#: The hidden sheet ``retrokit export --to x.xlsx`` writes: its tables (campaigns, kpis,
#: problems, lessons) would otherwise read as one more campaign, a copy of every other.
EXPORT_MARKER = "_retrokit_export"
#: The tables of an export written before the marker, in the order it wrote them.
_OLD_EXPORT = ["campaigns", "kpis", "problems", "lessons"]
#: retrokit's own export: no sheet is read from it, and compare, lessons, export and lint
#: skip it with a note (recognised from the sheet names alone, before any cell is read).
EXPORT = SheetSet("export", ())


def _spellings(sheet_set: SheetSet) -> dict[str, str]:
    return {fold(s): sheet.key for sheet in sheet_set.sheets for s in sheet.spellings()}


_INDEX = {s.kind: _spellings(s) for s in SHEET_SETS}


def detect_sheet_set(names: Iterable[str]) -> SheetSet:
    """The sheet set naming the most of these sheets (each of its sheets counted once); the
    retrospective when none names more than it does; :data:`EXPORT` for retrokit's export."""
    names = list(names)
    if EXPORT_MARKER in names or [n.casefold() for n in names] == _OLD_EXPORT:
        return EXPORT
    folded = [fold(n) for n in names]
    best, score = SHEET_SETS[0], -1
    for sheet_set in SHEET_SETS:
        index = _INDEX[sheet_set.kind]
        found = len({index[n] for n in folded if n in index})
        if found > score:
            best, score = sheet_set, found
    return best


def sheet_set_of(kind: str) -> SheetSet:
    """The sheet set of a kind name ("review", "plan")."""
    for sheet_set in (*SHEET_SETS, EXPORT):
        if sheet_set.kind == kind:
            return sheet_set
    raise KeyError(kind)


#: How many of its own sheets, named as the templates name them, each set needs before a
#: workbook counts as holding both: a retrospective that keeps the plan's sheets beside its own.
COMBINED_AT_LEAST = 2


def detect_combined(names: Iterable[str]) -> SheetSet | None:
    """The plan, when a workbook names at least two of the retrospective's sheets and at least
    two of the plan's: the review is then read with the plan beside it. None otherwise (one
    plan sheet such as a team roster kept in a review is not a plan)."""
    folded = [fold(n) for n in names]
    found = {
        s.kind: len({_INDEX[s.kind][n] for n in folded if n in _INDEX[s.kind]}) for s in SHEET_SETS
    }
    if found[REVIEW.kind] >= COMBINED_AT_LEAST and found[PLAN.kind] >= COMBINED_AT_LEAST:
        return PLAN
    return None


def names_for(sheet_set: SheetSet, names: Iterable[str]) -> list[str]:
    """The sheet names another set does not claim by name: in a combined workbook, the plan's
    sheets are not candidates for a review sheet found by its headers, nor the other way."""
    others = [_INDEX[s.kind] for s in SHEET_SETS if s.kind != sheet_set.kind]
    return [n for n in names if not any(fold(n) in index for index in others)]
