"""Across the linted set: R001 (recurring area), R002 (stalled carry-over)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice

from retrokit.findings import Finding
from retrokit.rules.registry import Context, Scope, W, rule
from retrokit.text import fold
from retrokit.workbook.reader import Record
from retrokit.workbook.schema import PROBLEMS


@rule("R001", "recurring-problem-area", W, scope=Scope.SET)
def recurring_problem_area(contexts: Sequence[Context]) -> Iterator[Finding]:
    """The same problem area recurs in two or more campaigns of the linted set."""
    from retrokit.method.campaigns import campaign_identity

    seen: dict[str, list[tuple[Context, Record]]] = {}
    for ctx in contexts:
        areas: dict[str, Record] = {}
        for record in ctx.workbook.problems:
            # A carried-over row is the same problem being followed (R002), not a new one.
            if record.text("carried_from"):
                continue
            key = fold(record.text("area"))
            if key and key not in areas:
                areas[key] = record
        for key, record in areas.items():
            seen.setdefault(key, []).append((ctx, record))
    root = _root([c.workbook.path for c in contexts])
    names: dict[tuple[str, ...], str] = {}  # the files shown, named once per list
    for entries in seen.values():
        if len(entries) < 2:
            continue
        # Two files of one campaign (same project and period) are a duplicate, not a recurrence.
        identity = {c.workbook.path: campaign_identity(c.analysis) for c, _ in entries}
        per_campaign = Counter(identity.values())
        if len(per_campaign) < 2:
            continue
        files = sorted(identity)
        for ctx, record in entries:
            mine = identity[ctx.workbook.path]
            # The first few other files by name, found without a pass over all of them.
            shown = tuple(islice((f for f in files if identity[f] != mine), R001_MAX_FILES))
            more = len(files) - per_campaign[mine] - len(shown)
            if shown not in names:
                names[shown] = _file_list(list(shown), 0, root)
            listed = names[shown] + (f" (+{more})" if more > 0 else "")
            yield ctx.finding(
                "R001", PROBLEMS, record, "area", area=record.text("area"), files=listed
            )


R001_MAX_FILES = 5


def _root(paths: list[str]) -> str:
    """The folder the linted set shares, which the files are named relative to."""
    try:
        return os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    except ValueError:  # paths on different drives
        return ""


def _file_list(files: list[str], more: int, root: str = "") -> str:
    """The other workbooks relative to the set's root, at most five by name: a big set must
    not make messages huge."""
    names = [os.path.relpath(os.path.abspath(f), root) if root else f for f in files]
    return ", ".join(names) + (f" (+{more})" if more > 0 else "")


@rule("R002", "action-carried-without-progress", W, scope=Scope.SET)
def action_carried_without_progress(contexts: Sequence[Context]) -> Iterator[Finding]:
    """An action carried over twice or more without progress."""
    from retrokit.method.campaigns import carried_label, stalled_carries

    by_workbook = {id(c.workbook): c for c in contexts}
    workbooks = [c.workbook for c in contexts]
    starts = [c.analysis.info.get("start") for c in contexts]
    stalled = stalled_carries(workbooks, starts)
    root = _root([w.path for w in workbooks]) if stalled else ""
    for workbook, record, chain in stalled:
        ctx = by_workbook[id(workbook)]
        # Each row as found, its file named from the set's root: two files of one name in
        # two folders (2023/summer.xlsx, 2024/summer.xlsx) read apart.
        origins = [
            carried_label(_file_list([path], 0, root), r.row, workbook.lang) for path, r in chain
        ]
        yield ctx.finding(
            "R002", PROBLEMS, record, "carried_from", times=len(chain), chain=" ← ".join(origins)
        )
