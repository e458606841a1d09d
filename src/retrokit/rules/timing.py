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


def china_working_days_between(start: dt.date, end: dt.date) -> int | None:
    """Mainland China's working days after ``start`` up to and including ``end``: public
    holidays off, make-up workdays on (chinese-calendar). None when a year is outside the
    years the library knows."""
    import chinese_calendar

    days = 0
    current = start
    try:
        while current < end:
            current += dt.timedelta(days=1)
            days += bool(chinese_calendar.is_workday(current))
    except NotImplementedError:
        return None
    return days


@rule("D001", "late-review", N)
def late_review(ctx: Context) -> Iterator[Finding]:
    """The review was held more than 5 working days after the campaign ended."""
    end, review = ctx.analysis.info.get("end"), ctx.analysis.info.get("review_date")
    if isinstance(end, dt.date) and isinstance(review, dt.date):
        key = "D001"
        days: int | None = None
        if ctx.workbook.lang == "zh-CN":
            days = china_working_days_between(end, review)
            if days is None:
                key = "D001.weekdays"  # outside the holiday data: say it counted weekdays
        if days is None:
            days = working_days_between(end, review)
        if days > 5:
            yield ctx.finding(
                "D001",
                INFO,
                ctx.workbook.info,
                "review_date",
                key,
                review=review.isoformat(),
                end=end.isoformat(),
                days=days,
            )
