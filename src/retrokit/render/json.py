"""The JSON contract of ``retrokit analyze --format json``: English keys, ISO dates, codes.

Result objects become JSON objects here and nowhere else; long lists stay iterators so that
:mod:`retrokit.render.jsonout` can stream them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from enum import Enum
from functools import partial
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from retrokit.method import Analysis
from retrokit.workbook.schema import Lang

# --- JSON ------------------------------------------------------------------------------------

#: Result fields that stay out of the JSON contract (the source record, internal details).
_JSON_SKIP = frozenset(
    {
        "record",
        "undefined_reason",
        "mixed_forms",
        "mixed_scale",
        "form",
        "currencies",
        "percent_by_name",
    }
)
_ENUM_TYPES = ("Direction", "Status", "Priority")
_CONVERT: Mapping[str, Callable[[Any], Any]] = {
    "date": dt.date.isoformat,
    "list": list,
    "enum": attrgetter("value"),
}


@dataclass(frozen=True)
class _Layout:
    """How one result class becomes a JSON object: its contract fields, read in one call."""

    names: tuple[str, ...]
    values: Callable[[Any], tuple[Any, ...]]
    convert: tuple[tuple[str, str], ...]


_LAYOUTS: dict[type, _Layout] = {}


def _json_layout(cls: type) -> _Layout:
    """The contract's field names of a result class, and those needing a conversion."""
    layout = _LAYOUTS.get(cls)
    if layout is not None:
        return layout
    names: list[str] = []
    convert: list[tuple[str, str]] = []
    for f in fields(cls):
        if f.name in _JSON_SKIP:
            continue
        names.append(f.name)
        kind = str(f.type)
        if "date" in kind:
            convert.append((f.name, "date"))
        elif kind.startswith("tuple"):
            convert.append((f.name, "list"))
        elif any(kind.startswith(e) for e in _ENUM_TYPES):
            convert.append((f.name, "enum"))
    layout = _LAYOUTS[cls] = _Layout(tuple(names), attrgetter(*names), tuple(convert))
    return layout


def json_fields(cls: type) -> tuple[str, ...]:
    """The keys of a KPI, problem or lesson result in the JSON contract, in order."""
    return _json_layout(cls).names


def _json_row(obj: Any, enums: bool = True) -> dict[str, Any]:
    """A result as a JSON object. The JSON encoder writes a StrEnum as its text already, so
    a stream of rows can leave them be (``enums=False``)."""
    layout = _json_layout(type(obj))
    row = dict(zip(layout.names, layout.values(obj), strict=True))
    for name, how in layout.convert:
        value = row[name]
        if value is not None and (enums or how != "enum"):
            row[name] = _CONVERT[how](value)
    return row


def _stream_row(obj: Any) -> dict[str, Any]:
    return _json_row(obj, enums=False)


def _stream_rows(objs: tuple[Any, ...]) -> Iterator[dict[str, Any]]:
    """Results as JSON objects for a stream. The encoder writes a StrEnum as its text and a
    tuple as a list, so when no field is a date the objects are built by map, zip and dict
    alone, without a Python call per row (100,000 KPI rows)."""
    if not objs:
        return iter(())
    layout = _json_layout(type(objs[0]))
    if any(how == "date" for _, how in layout.convert):
        return map(_stream_row, objs)
    return map(dict, map(zip, repeat(layout.names), map(layout.values, objs)))


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def json_document(
    result: Analysis, lang: Lang | None = None, *, streamed: bool = True
) -> dict[str, Any]:
    """The `analyze --format json` contract with its long lists as iterators, for streaming."""
    lang = lang or result.lang
    rows: Callable[[tuple[Any, ...]], Iterable[dict[str, Any]]] = (
        _stream_rows if streamed else partial(map, _json_row)
    )
    document: dict[str, Any] = {
        "file": result.file,
        "lang": result.lang,
        "info": {k: _json_value(v) for k, v in result.info.items()},
        "kpis": rows(result.kpis),
        "problems": rows(result.problems),
        "lessons": rows(result.lessons),
        "summary": dict(result.summary),
        "findings": (f.to_json(lang) for f in result.findings),
    }
    if result.plan is not None:
        # Read with its plan (--plan, or the plan's sheets in the same file): the plan's own
        # contract, its findings included.
        document["plan"] = plan_document(result.plan, lang)
    return document


def to_json(result: Analysis, lang: Lang | None = None) -> dict[str, Any]:
    """The `analyze --format json` contract: English keys, ISO dates, null for missing."""
    return {
        key: value if isinstance(value, dict | str) else list(value)
        for key, value in json_document(result, lang, streamed=False).items()
    }


# --- the plan --------------------------------------------------------------------------------

#: The plan's contract: each list's keys, in order (issue 17).
PLAN_FIELDS: Mapping[str, tuple[str, ...]] = {
    "goals": (
        "row", "dimension", "metric", "channel", "phase", "direction", "target", "unit", "path",
        "owner", "due_start", "due_end", "core",
    ),
    "team": ("row", "role", "name", "duty"),
    "tasks": (
        "row", "id", "task", "phase", "owner", "start", "end", "duration", "depends_on",
        "status", "finished", "slack", "critical", "late",
    ),
    "lines": (
        "row", "category", "item", "channel", "phase", "planned", "share", "actual", "variance",
        "revenue", "roi",
    ),
    "risks": (
        "row", "risk", "likelihood", "impact", "level", "signal", "response", "owner", "status",
    ),
    "monitoring": (
        "metric", "channel", "target", "unit", "to_date", "first_date", "last_date",
        "elapsed_days", "total_days", "expected_to_date", "pace", "projected", "status",
        "weighted_by",
    ),
}  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return _json_value(value)


#: Values the JSON encoder writes as they are.
_AS_IS = frozenset({str, int, float, bool, type(None)})


def _objects(items: Iterable[Any], names: tuple[str, ...]) -> list[dict[str, Any]]:
    """``{name: _plain(item.name)}`` for each item: the fields read in one C-level call per
    item, and only the columns holding something else than plain values converted (5,000
    tasks of 14 fields)."""
    values = attrgetter(*names) if len(names) > 1 else lambda item: (getattr(item, names[0]),)
    rows = [dict(zip(names, values(item), strict=True)) for item in items]
    for name in names:
        column = list(map(itemgetter(name), rows))
        if not _AS_IS.issuperset(map(type, column)):
            for row, value in zip(rows, column, strict=True):
                row[name] = _plain(value)
    return rows


def _group_rows(groups: Iterable[Any], key: str) -> list[dict[str, Any]]:
    return [
        {key: g.name, "planned": g.planned, "share": g.share, "actual": g.actual} for g in groups
    ]


def plan_document(result: Any, lang: Lang | None = None) -> dict[str, Any]:
    """The `analyze --format json` contract of a plan workbook (``kind: "plan"``); also the
    ``plan`` object of a review analysed with its plan. Each task carries its ``slip`` (days
    finished after its planned end; for an open task past its end, so far) and the schedule
    the critical path's ``slip`` and the task it is measured at (``slip_task``)."""
    from retrokit.method.plan import execution

    lang = lang or result.lang
    budget, schedule = result.budget, result.schedule
    done = execution(result)
    tasks = _objects(result.tasks, PLAN_FIELDS["tasks"])
    for row, slipped in zip(tasks, done.tasks, strict=True):
        row["slip"] = slipped.slip
    return {
        "kind": "plan",
        "file": result.file,
        "lang": result.lang,
        "info": {k: _json_value(v) for k, v in result.info.items()},
        "goals": _objects(result.goals, PLAN_FIELDS["goals"]),
        "team": _objects(result.team, PLAN_FIELDS["team"]),
        "tasks": tasks,
        "schedule": {
            "start": _json_value(schedule.start),
            "end": _json_value(schedule.end),
            "days": schedule.days,
            "critical_path": list(schedule.critical_path),
            "slip": done.slip,
            "slip_task": done.slip_task,
        },
        "budget": {
            "total": budget.total,
            "planned": budget.planned,
            "actual": budget.actual,
            "remaining": budget.remaining,
            # The currency the amounts are in, as the workbook writes it (NT$, £); none named
            # is yuan, the amounts' base unit.
            "currency": budget.currency or None,
            "lines": _objects(budget.lines, PLAN_FIELDS["lines"]),
            "by_category": _group_rows(budget.by_category, "category"),
            "by_channel": _group_rows(budget.by_channel, "channel"),
        },
        "risks": _objects(result.risks, PLAN_FIELDS["risks"]),
        "monitoring": _objects(result.monitoring, PLAN_FIELDS["monitoring"]),
        "findings": [f.to_json(lang) for f in result.findings],
    }
