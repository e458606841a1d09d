"""When the review is held: D001."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from retrokit.findings import Finding
from retrokit.rules.registry import Context, N, rule
from retrokit.workbook.schema import INFO


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Monday-to-Friday days after ``start`` up to and including ``end``."""
    days = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


@rule("D001", "late-review", N)
def late_review(ctx: Context) -> Iterator[Finding]:
    """The review was held more than 5 working days after the campaign ended."""
    end, review = ctx.analysis.info.get("end"), ctx.analysis.info.get("review_date")
    if isinstance(end, dt.date) and isinstance(review, dt.date):
        days = working_days_between(end, review)
        if days > 5:
            yield ctx.finding(
                "D001",
                INFO,
                ctx.workbook.info,
                "review_date",
                review=review.isoformat(),
                end=end.isoformat(),
                days=days,
            )
