"""Across campaigns: carry actions forward, compare reviews, and keep a lessons library.

The method's last step (DOMAIN.md, "Track"): check next time whether the actions were done and
whether they moved their KPI, notice problems that come back, and reuse what worked.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import os
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from retrokit.i18n import t
from retrokit.method.analysis import (
    KPI_NAME_SEPARATOR,
    Analysis,
    KpiResult,
    change,
    kpi_name,
)
from retrokit.method.direction import Direction
from retrokit.text import fold, fold_loose
from retrokit.workbook.reader import Record, Workbook
from retrokit.workbook.schema import Lang

OPEN_STATUSES = (None, "open", "in_progress")
#: 第 5 行 in zh-CN (and in zh-TW workbooks written before Taiwan's 列 for a row), 第 5 列 in zh-TW.
_CARRIED = re.compile(r"^(?P<file>.+?)(?:\s*第\s*(?P<zh>\d+)\s*[行列]|,\s*row\s+(?P<en>\d+))\s*$")


def carried_label(file: str, row: int, lang: Lang) -> str:
    """Where a carried-over action came from: ``summer.xlsx 第 5 行`` (zh-TW ``第 5 列``) /
    ``summer.xlsx, row 5``."""
    return t("carried.label", lang, file=file, row=row)


def parse_carried(text: str) -> tuple[str, int] | None:
    """(file name, row) from a Carried-from cell written by `init --from`, in any language."""
    ref = carried_reference(text)
    return None if ref is None else (_name_of(ref[0]), ref[1])


def carried_reference(text: str) -> tuple[str, int] | None:
    """(file as written, row) from a Carried-from cell: a bare name (``summer.xlsx``) or a
    path from the referring workbook's folder (``../2024/summer.xlsx``), with ``/`` or ``\\``."""
    m = _CARRIED.match(text.strip())
    if not m:
        return None
    return m.group("file").strip().replace("\\", "/"), int(m.group("zh") or m.group("en"))


def _name_of(file: str) -> str:
    return posixpath.basename(file.replace("\\", "/"))


#: How far up from the new workbook's folder `init --from` still writes the previous one's
#: path (``../../2024/Q4/summer.xlsx``); further up the two are not in one tree of reviews
#: (a file made on the desktop and moved later), and the bare name is written.
CARRIED_MAX_UP = 2


def carried_file(previous: str, new: str | None) -> str:
    """How a Carried-from cell names ``previous`` seen from the workbook ``new``: its path
    from ``new``'s folder, with ``/``, when it lies in another folder of the same tree
    (``../2024/summer.xlsx``); else its bare name (also when ``new`` is not known)."""
    name = _name_of(previous)
    if new is None:
        return name
    try:
        rel = os.path.relpath(os.path.abspath(previous), os.path.dirname(os.path.abspath(new)))
    except ValueError:  # on different drives
        return name
    parts = rel.replace(os.sep, "/").split("/")
    if parts.count("..") > CARRIED_MAX_UP:
        return name
    return "/".join(parts)


def carry_over(
    previous: Workbook, lang: Lang, new: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The KPI list (targets and actuals empty) and every open action of ``previous``, each
    action naming where it came from as seen from the new workbook's path ``new``."""
    kpis = []
    for r in previous.kpis:
        kpis.append(
            {
                "dimension": r.values.get("dimension"),
                "metric": r.text("metric"),
                "channel": r.text("channel"),
                "direction": r.values.get("direction"),
                "core": r.values.get("core"),
            }
        )
    name = carried_file(previous.path, new)
    problems = []
    for r in previous.problems:
        if r.values.get("status") not in OPEN_STATUSES:
            continue
        row: dict[str, Any] = {}
        for key in ("area", "problem", "metric", "root_cause", "action", "owner", "expected"):
            row[key] = r.text(key)
        for key in ("due", "impact", "effort", "status"):
            row[key] = r.values.get(key)
        row["carried_from"] = carried_label(name, r.row, lang)
        problems.append(row)
    return kpis, problems


# --- carry-over chains (lint R002, compare) --------------------------------------------------


def _where(path: str) -> str:
    """A workbook's place, comparable across the set however its path was given."""
    return os.path.normpath(os.path.abspath(path))


def _folders(place: str) -> tuple[str, ...]:
    """The folders a place lies in, from the top."""
    return Path(os.path.dirname(place)).parts


class _Named:
    """The files of one name in a set: by folder, by start date, and under each folder above
    them, so that the nearest is found without a pass over all of them."""

    def __init__(self) -> None:
        #: (place of the workbook it stands for, its start date as an ordinal or None)
        self.files: list[tuple[str, int | None]] = []
        self.by_folder: dict[str, str] = {}
        self.starts: list[int] = []  # the start dates (ordinals) known, sorted, for bisect
        #: (folders from the top, a start or None) -> the files under them with that start
        self.under: dict[tuple[tuple[str, ...], int | None], list[int]] = {}
        #: folders from the top -> the files under them, whatever their start
        self.anywhere: dict[tuple[str, ...], list[int]] = {}

    def add(self, place: str, target: str, start: dt.date | None) -> None:
        ordinal = start.toordinal() if start is not None else None
        i = len(self.files)
        self.files.append((target, ordinal))
        self.by_folder.setdefault(os.path.dirname(place), target)
        folders = _folders(place)
        for k in range(len(folders) + 1):
            self.under.setdefault((folders[:k], ordinal), []).append(i)
            self.anywhere.setdefault(folders[:k], []).append(i)

    def sort(self) -> None:
        self.starts = sorted(f[1] for f in self.files if f[1] is not None)

    def nearest(self, mine: tuple[str, ...], place: str, start: int | None) -> str | None:
        """The file with that start in the folder nearest to ``mine``, other than ``place``;
        None when there is none, or two as near."""
        for k in range(len(mine), -1, -1):
            targets = {self.files[i][0] for i in self.under.get((mine[:k], start), ())}
            targets.discard(place)
            if targets:
                return targets.pop() if len(targets) == 1 else None
        return None

    def nearest_latest(self, mine: tuple[str, ...], place: str) -> str | None:
        """Whatever their start: the nearest folder, then the latest start."""
        for k in range(len(mine), -1, -1):
            files = [self.files[i] for i in self.anywhere.get(mine[:k], ())]
            files = [f for f in files if f[0] != place]
            if files:
                top = max(f[1] or 0 for f in files)
                targets = {f[0] for f in files if (f[1] or 0) == top}
                return targets.pop() if len(targets) == 1 else None
        return None


class CarryIndex:
    """The problem rows of a set, and which workbook each Carried-from cell names.

    A cell names a file and a row. A path (``../2024/summer.xlsx``, written by `init --from`
    for a workbook in another folder) is looked up from the referring workbook's folder. A
    bare name (``summer.xlsx``; every workbook written before paths, and one moved since) may
    be shared by several workbooks, one per folder (``2023/summer.xlsx``, ``2024/summer.xlsx``):
    the one in the referring workbook's own folder, else the one that started most recently
    before the referring one (the nearer folder on a tie), else one that started the same
    day, else, where start dates are not known, the one in the nearest folder; never the
    referring workbook itself, nor one that started after it, and none where two are
    equally likely. A file left out as a duplicate of a campaign (``same_as``: its path ->
    the path of the copy used) is found as that copy."""

    def __init__(
        self,
        workbooks: Iterable[tuple[Workbook, Any]],
        same_as: Mapping[str, str] | None = None,
    ) -> None:
        self.rows: dict[str, dict[int, Record]] = {}
        self.start: dict[str, dt.date | None] = {}
        self.paths: dict[str, str] = {}  # place of a workbook -> its path as given
        self.places: dict[str, str] = {}  # place of a file -> place of the workbook used
        #: name -> its files (place, place of the workbook used); indexed on first look-up
        self.files: dict[str, list[tuple[str, str]]] = {}
        self.named: dict[str, _Named] = {}
        for wb, start in workbooks:
            place = _where(wb.path)
            self.rows[place] = {r.row: r for r in wb.problems}
            self.start[place] = start if isinstance(start, dt.date) else None
            self.paths[place] = wb.path
            self._add(place, place, wb.path)
        for left_out, used in (same_as or {}).items():
            target = _where(used)
            if target in self.rows and _where(left_out) not in self.rows:
                self._add(_where(left_out), target, left_out)
        self._resolved: dict[tuple[str, str], str | None] = {}

    def _add(self, place: str, target: str, path: str) -> None:
        self.places[place] = target
        self.files.setdefault(_name_of(path), []).append((place, target))

    def _named(self, name: str) -> _Named | None:
        """The files of one name, indexed when a cell first names it."""
        if name not in self.named:
            files = self.files.get(name)
            if files is None:
                return None
            named = self.named[name] = _Named()
            for place, target in files:
                named.add(place, target, self.start[target])
            named.sort()
        return self.named[name]

    def chain(self, workbook: Workbook, record: Record) -> list[tuple[str, Record]]:
        """The records this action was carried from, each with its workbook's path, newest
        first, as far as the set reaches."""
        chain: list[tuple[str, Record]] = []
        place = _where(workbook.path)
        seen = {(place, record.row)}
        current = record
        while True:
            ref = carried_reference(current.text("carried_from"))
            if ref is None:
                return chain
            target = self.resolve(place, ref[0])
            if target is None or (target, ref[1]) in seen:
                return chain
            found = self.rows[target].get(ref[1])
            if found is None:
                return chain
            seen.add((target, ref[1]))
            place, current = target, found
            chain.append((self.paths[target], current))

    def resolve(self, place: str, file: str) -> str | None:
        """The workbook (its place) that ``file`` names, written in the workbook at ``place``."""
        key = (place, file)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(place, file)
        return self._resolved[key]

    def _resolve(self, place: str, file: str) -> str | None:
        folder = os.path.dirname(place)
        if "/" in file:
            target = self.places.get(_where(os.path.join(folder, file)))
            if target is not None:
                return target if target != place else None
        named = self._named(_name_of(file))
        if named is None:
            return None
        target = named.by_folder.get(folder)
        if target is not None and target != place:
            return target
        own = self.start.get(place)
        mine = _folders(place)
        if own is None:  # its place in time unknown: the nearest folder, then the latest start
            return named.nearest_latest(mine, place)
        day = own.toordinal()
        before = bisect.bisect_left(named.starts, day)
        if before:  # the latest start before the referring one; the nearest folder on a tie
            return named.nearest(mine, place, named.starts[before - 1])
        # A phase that started the same day; else one whose start is unknown; never a
        # campaign that started later.
        same_day = {named.files[i][0] for i in named.under.get(((), day), ())} - {place}
        return named.nearest(mine, place, day if same_day else None)


def stalled_carries(
    workbooks: Sequence[Workbook], starts: Sequence[Any] | None = None
) -> list[tuple[Workbook, Record, list[tuple[str, Record]]]]:
    """Open actions carried over twice or more with their status never moving (R002), each
    with the rows it came from and their workbooks' paths (``CarryIndex.chain``). ``starts``
    holds each workbook's start date (None where unknown), which tells two files of one name
    apart."""
    index = CarryIndex(zip(workbooks, starts or [None] * len(workbooks), strict=True))
    out = []
    for wb in workbooks:
        for record in wb.problems:
            status = record.values.get("status") or "open"
            if status not in ("open", "in_progress") or not record.text("carried_from"):
                continue
            chain = index.chain(wb, record)
            moved = any((r.values.get("status") or "open") != status for _, r in chain)
            if len(chain) >= 2 and not moved:
                out.append((wb, record, chain))
    return out


# --- compare ---------------------------------------------------------------------------------


def metric_key(metric: str) -> str:
    """Metric names match after script, case, width, spaces and a bracketed unit are folded."""
    return fold(metric)


def _start(a: Analysis) -> dt.date:
    start = a.info.get("start")
    return start if isinstance(start, dt.date) else dt.date.max


def order(analyses: Iterable[Analysis]) -> list[Analysis]:
    return sorted(analyses, key=lambda a: (_start(a), a.file))


def dated(a: Analysis) -> bool:
    """Whether a campaign's start date is known: only then is its place in time known."""
    return isinstance(a.info.get("start"), dt.date)


def _undated(ordered: Sequence[Analysis], workbooks: Sequence[Workbook]) -> list[dict[str, Any]]:
    """The campaigns without a readable start date, each with the cell its date belongs in
    (``sheet`` and ``cell``; the cell is None where the sheet has no start row) and what that
    cell holds (empty when blank)."""
    by_path = {wb.path: wb for wb in workbooks}
    out = []
    for a in ordered:
        if dated(a):
            continue
        wb = by_path.get(a.file)
        info = wb.info if wb is not None else None
        out.append(
            {
                "file": a.file,
                "project": a.info.get("project"),
                "sheet": info.sheet if info is not None else None,
                "cell": info.ref("start") if info is not None else None,
                "text": info.text("start") if info is not None else "",
            }
        )
    return out


def compare(
    analyses: Sequence[Analysis],
    workbooks: Sequence[Workbook],
    same_as: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Campaigns side by side; metrics over time; recurring areas and causes; carry-overs.

    Campaigns are in start-date order; those without a start date come last, are listed
    under ``undated``, and take part in no trend or action effect. ``same_as`` maps each
    file left out as a duplicate to the file used for it (``distinct_campaigns``), so that an
    action carried from the file left out is followed in the copy used."""
    ordered = order(analyses)
    campaigns = []
    for a in ordered:
        s = a.summary
        campaigns.append(
            {
                "file": a.file,
                "project": a.info.get("project"),
                "start": _iso(a.info.get("start")),
                "end": _iso(a.info.get("end")),
                "owner": a.info.get("owner"),
                "kpis": s["kpis"],
                "exceeded": s["exceeded"],
                "met": s["met"],
                "missed": s["missed"],
                "core_missed": list(s["core_missed"]),
                # Core KPIs without a rating (a blank or unreadable actual): neither missed
                # nor reached, and said so beside the missed ones.
                "core_unrated": [
                    kpi_name(k.metric, k.channel) for k in a.kpis if k.core and k.status is None
                ],
                "open_actions": sum(p.status in OPEN_STATUSES for p in a.problems),
                "overdue_actions": sum(p.overdue for p in a.problems),
            }
        )
    metrics: dict[tuple[str, str], dict[str, Any]] = {}
    for a in ordered:
        for k in a.kpis:
            key = kpi_key(k)
            if not key[0]:
                continue
            entry = metrics.setdefault(
                key,
                {
                    "metric": kpi_name(k.metric, k.channel),
                    "name": k.metric,
                    "channel": k.channel,
                    "unit": k.unit,
                    "direction": k.direction.value,
                    "series": [],
                },
            )
            same = [p for p in entry["series"] if p["file"] == a.file]
            if same:
                # One point per campaign: the first row naming the KPI; the others are named
                # beside it (and K005 flags them in the review).
                same[0]["duplicate_rows"].append(k.row)
                continue
            entry["series"].append(
                {
                    "file": a.file,
                    "project": a.info.get("project"),
                    "start": _iso(a.info.get("start")),
                    "rate": k.rate,
                    "status": k.status.value if k.status else None,
                    "actual": k.actual,
                    "unit": k.unit,
                    "row": k.row,
                    "duplicate_rows": [],
                }
            )
    known = {a.file for a in ordered if dated(a)}
    for entry in metrics.values():
        # Only campaigns whose place in time is known take part in a change: after an undated
        # one the order is a guess, and "improved" would rest on it.
        series = [p for p in entry["series"] if p["file"] in known]
        for p in entry["series"]:
            p["change"] = None
        direction = Direction(entry["direction"])
        # Shown beside the achievement rates, so it follows them: 90% -> 60% is worse even
        # when the actual rose (a target doubled), whatever the raw numbers did.
        for prev, point in itertools.pairwise(series):
            point["change"] = _rate_moved(prev, point, direction)
        # The trend is the latest change: the last campaign that measured the metric against
        # the one before it that did. 73% -> 110% -> 83% reads "worsened", which is what a
        # manager asks of it; first against last would say "improved" about a fall. The two
        # campaigns it compares are named (trend_from, trend_to).
        measured = [p for p in series if p["rate"] is not None or p["actual"] is not None]
        entry["trend"] = entry["trend_from"] = entry["trend_to"] = None
        if len(measured) >= 2:
            entry["trend"] = _rate_moved(measured[-2], measured[-1], direction)
            entry["trend_from"], entry["trend_to"] = measured[-2]["file"], measured[-1]["file"]
    over_time = [m for m in metrics.values() if len(m["series"]) >= 2]
    recurring_areas = _recurring(ordered, lambda p: p.area)
    recurring_causes = _recurring(ordered, lambda p: p.root_cause)
    starts = {a.file: a.info.get("start") for a in analyses}
    index = CarryIndex(((wb, starts.get(wb.path)) for wb in workbooks), same_as)
    carried = []
    for wb in workbooks:
        for record in wb.problems:
            chain = index.chain(wb, record)
            if len(chain) >= 2:
                carried.append(
                    {
                        "file": wb.path,
                        "row": record.row,
                        "action": record.text("action"),
                        "area": record.text("area"),
                        "times": len(chain),
                        "status": record.values.get("status"),
                    }
                )
    effects = _action_effects([a for a in ordered if dated(a)])
    return {
        "campaigns": campaigns,
        # Listed after the dated ones, their place in time unknown: left out of every trend
        # and action effect, and said so.
        "undated": _undated(ordered, workbooks),
        "metrics": over_time,
        "recurring_areas": recurring_areas,
        "recurring_root_causes": recurring_causes,
        "carried_over": carried,
        "action_effects": effects,
    }


def kpi_key(k: KpiResult) -> tuple[str, str]:
    """A KPI's identity across campaigns: its metric and its channel, folded."""
    return metric_key(k.metric), fold(k.channel or "")


def _by_value(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether two points' actuals can be compared: both there, in one unit."""
    actuals = before["actual"] is not None and after["actual"] is not None
    return actuals and before.get("unit") == after.get("unit")


def _moved(before: dict[str, Any], after: dict[str, Any], direction: Direction) -> str | None:
    """Did the value itself move the right way: by the actuals when both are in one unit (58
    -> 47 元 of a cost is an improvement), else by the achievement rates, which already read
    the direction."""
    if _by_value(before, after):
        moved = change(before["actual"], after["actual"], direction)
        return moved.value if moved else None
    moved = change(before["rate"], after["rate"])
    return moved.value if moved else None


def _rate_moved(before: dict[str, Any], after: dict[str, Any], direction: Direction) -> str | None:
    """Did the achievement move the right way: by the rates (they read the direction and the
    target), else, where a rate is undefined (a target of 0), by the actuals."""
    if before["rate"] is not None and after["rate"] is not None:
        moved = change(before["rate"], after["rate"])
        return moved.value if moved else None
    if _by_value(before, after):
        moved = change(before["actual"], after["actual"], direction)
        return moved.value if moved else None
    return None


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def campaign_identity(a: Analysis) -> tuple[str, Any, Any] | str:
    """What makes two workbooks one campaign: the same project and period. A workbook without
    a project name is its own campaign."""
    project = a.info.get("project")
    if not project:
        return a.file
    return fold(str(project)), a.info.get("start"), a.info.get("end")


def _same_campaign_keys(workbook: Workbook, a: Analysis) -> list[tuple[str, Any]]:
    """What makes two files one campaign given twice: the same project name, dates and owner,
    or the same project name and the same KPI, problem and lesson rows cell for cell (a copy
    re-saved by another program, whose dates may now read differently; unless both start
    dates read and differ). A workbook without a project name matches no other; one with
    nothing in those rows matches by its start date only."""
    project = a.info.get("project")
    if not project:
        return []
    name = fold_loose(str(project))  # 双11 (上海) and 双11 (北京) are two campaigns
    keys: list[tuple[str, Any]] = []
    start, end = a.info.get("start"), a.info.get("end")
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        # Dates alone are no proof: the same start with another end is a phase of the
        # campaign (预热 10-20 → 10-31, 爆发 10-20 → 11-11), and two cities may share both,
        # so the owner must agree too.
        owner = fold_loose(str(a.info.get("owner") or ""))
        keys.append(("same_start", (name, start, end, owner)))
    rows = tuple(
        tuple(sorted((k, repr(v)) for k, v in r.raw.items() if v is not None and v != ""))
        for table in ("kpis", "problems", "lessons")
        for r in workbook.table(table)
    )
    if any(rows):
        keys.append(("same_content", (name, rows)))
    return keys


def _apart(a: Analysis, b: Analysis) -> bool:
    """Two start dates, both known and different: two runs of a campaign, however alike."""
    return dated(a) and dated(b) and a.info.get("start") != b.info.get("start")


def distinct_campaigns(
    items: Sequence[tuple[Workbook, Analysis]],
) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The campaigns of a set with each given once: the indexes kept, and for every file
    left out (its index, the index of the file kept for it, and why: ``same_start`` or
    ``same_content``). The first file of a campaign is kept, unless a later one has the start
    date the first lacks."""
    kept: list[int] = []
    dropped: list[tuple[int, int, str]] = []
    owner: dict[tuple[str, Any], int] = {}
    for i, (workbook, a) in enumerate(items):
        keys = _same_campaign_keys(workbook, a)
        match = next(
            ((owner[k], k[0]) for k in keys if k in owner and not _apart(a, items[owner[k]][1])),
            None,
        )
        if match is None:
            kept.append(i)
            for k in keys:
                owner[k] = i
            continue
        first, why = match
        if dated(a) and not dated(items[first][1]):  # keep the one whose place in time is known
            kept[kept.index(first)] = i
            for k, holder in list(owner.items()):
                if holder == first:
                    owner[k] = i
            for k in keys:
                owner[k] = i
            dropped.append((first, i, why))
        else:
            for k in keys:
                owner.setdefault(k, first)
            dropped.append((i, first, why))
    return kept, dropped


def _recurring(ordered: Sequence[Analysis], text_of: Any) -> list[dict[str, Any]]:
    """Texts found in two or more campaigns. Carried-over rows are the same problem followed
    (the carried list has them), and two files of one campaign are a duplicate."""
    seen: dict[str, dict[str, Any]] = {}
    for a in ordered:
        for p in a.problems:
            text = text_of(p)
            if not text or p.carried_from:
                continue
            key = fold(text)
            entry = seen.setdefault(key, {"text": text, "files": [], "_campaigns": set()})
            if a.file not in entry["files"]:
                entry["files"].append(a.file)
                entry["_campaigns"].add(campaign_identity(a))
    return [
        {k: v for k, v in e.items() if k != "_campaigns"}
        for e in seen.values()
        if len(e["_campaigns"]) >= 2
    ]


def _kpis_by_metric(a: Analysis) -> dict[str, KpiResult]:
    """A campaign's KPIs by folded name, both ``指标`` (its first row) and ``指标 · 渠道``."""
    out: dict[str, KpiResult] = {}
    for k in a.kpis:
        out.setdefault(metric_key(kpi_name(k.metric, k.channel)), k)
        out.setdefault(metric_key(k.metric), k)
    return out


def _action_effects(ordered: Sequence[Analysis]) -> list[dict[str, Any]]:
    """For actions linked to a metric: did that metric's value get better from one campaign
    to the next that measured it, as its direction reads it? Each names the two campaigns it
    compares (an action carried over is followed once per pair; a campaign between them that
    did not measure the metric is passed over, its files under ``skipped``) and whether it
    compared the actuals or, in different units, the rates (``basis``)."""
    effects = []
    by_metric = [_kpis_by_metric(a) for a in ordered]
    for i, before in enumerate(ordered):
        kpis_before = by_metric[i]
        for p in before.problems:
            if not p.metric or not p.action:
                continue
            key = metric_key(p.metric.replace("·", KPI_NAME_SEPARATOR))
            if key not in kpis_before:
                continue
            j = next((j for j in range(i + 1, len(ordered)) if key in by_metric[j]), None)
            if j is None:
                continue
            after = ordered[j]
            kb, ka = kpis_before[key], by_metric[j][key]
            rb, ra = kb.rate, ka.rate
            point_b = {"actual": kb.actual, "unit": kb.unit, "rate": rb}
            point_a = {"actual": ka.actual, "unit": ka.unit, "rate": ra}
            effects.append(
                {
                    "file": before.file,
                    "next_file": after.file,
                    "project": before.info.get("project"),
                    "next_project": after.info.get("project"),
                    "action": p.action,
                    "metric": p.metric,
                    "status": p.status,
                    "rate_before": rb,
                    "rate_after": ra,
                    "actual_before": kb.actual,
                    "actual_after": ka.actual,
                    "unit": ka.unit,
                    "form": ka.form,
                    "direction": ka.direction.value,
                    "rose": None if rb is None or ra is None else ra > rb,
                    "effect": _moved(point_b, point_a, ka.direction),
                    "basis": "actual" if _by_value(point_b, point_a) else "rate",
                    "skipped": [a.file for a in ordered[i + 1 : j]],
                }
            )
    return effects


# --- lessons ---------------------------------------------------------------------------------


def lessons(
    analyses: Sequence[Analysis], search: str | None = None, category: str | None = None
) -> list[dict[str, Any]]:
    """Every lesson with its campaign and date; search across script and case."""
    needle = fold_loose(search) if search else ""
    out = []
    for a in order(analyses):
        for x in a.lessons:
            if category and x.category != category:
                continue
            haystack = fold_loose(" ".join(filter(None, (x.lesson, x.applies_to, x.evidence))))
            if needle and needle not in haystack:
                continue
            date = x.recorded_on or a.info.get("end")
            out.append(
                {
                    "campaign": a.info.get("project"),
                    "file": a.file,
                    "date": _iso(date),
                    "category": x.category,
                    "lesson": x.lesson,
                    "applies_to": x.applies_to,
                    "evidence": x.evidence,
                    "recorded_by": x.recorded_by,
                }
            )
    return out
