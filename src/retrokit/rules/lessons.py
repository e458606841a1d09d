"""Lessons: L001, L002."""

from __future__ import annotations

from collections.abc import Iterator

from retrokit.findings import Finding
from retrokit.rules.registry import Context, W, rule
from retrokit.workbook.schema import LESSONS


def _lesson_cells(ctx: Context, code: str, column: str) -> Iterator[Finding]:
    """A finding on ``column`` of every lesson row that leaves it blank."""
    if column not in ctx.workbook.sheets["lessons"].columns:
        return
    for record in ctx.workbook.lessons:
        if not record.blank("lesson") and record.blank(column):
            yield ctx.finding(code, LESSONS, record, column)


@rule("L001", "lesson-without-evidence", W)
def lesson_without_evidence(ctx: Context) -> Iterator[Finding]:
    """A lesson has no evidence."""
    return _lesson_cells(ctx, "L001", "evidence")


@rule("L002", "lesson-without-scenario", W)
def lesson_without_scenario(ctx: Context) -> Iterator[Finding]:
    """A lesson has no applicable scenario."""
    return _lesson_cells(ctx, "L002", "applies_to")
