"""The method's computation, pure: no I/O, no JSON, no rendering.

Import from here (``from retrokit.method import Analysis, analyze``): the modules behind it
(KPIs, actions, lessons, the workbook's analysis, campaigns) may move.
"""

from retrokit.method.analysis import (
    ALL_CHANNELS,
    DEFAULT_THRESHOLD,
    PRIORITY_ORDER,
    Analysis,
    KpiResult,
    LessonResult,
    Priority,
    ProblemResult,
    Status,
    achievement_rate,
    analyze,
    evaluate_kpi,
    evaluate_lesson,
    evaluate_problem,
    infer_direction,
    is_overdue,
    kpi_direction,
    priority,
    result_status,
    summarise,
    unit_of,
    why_chain,
)
from retrokit.method.direction import INFERRED, Direction, DirectionSource, DirectionWords

__all__ = [
    "ALL_CHANNELS",
    "DEFAULT_THRESHOLD",
    "INFERRED",
    "PRIORITY_ORDER",
    "Analysis",
    "Direction",
    "DirectionSource",
    "DirectionWords",
    "KpiResult",
    "LessonResult",
    "Priority",
    "ProblemResult",
    "Status",
    "achievement_rate",
    "analyze",
    "evaluate_kpi",
    "evaluate_lesson",
    "evaluate_problem",
    "infer_direction",
    "is_overdue",
    "kpi_direction",
    "priority",
    "result_status",
    "summarise",
    "unit_of",
    "why_chain",
]
