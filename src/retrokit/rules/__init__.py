"""The rule catalogue: one small function per code, registered with its name and severity.

Codes are a contract: never reused, never renumbered. Reader rules (S001, S002, V001-V003) have
no check function here: the reader emits them with the cell it could not read. Each rule's
explanation and fix example, in three languages, is the catalogue entry ``doc.CODE``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from retrokit.findings import Finding, Severity
from retrokit.method import DEFAULT_THRESHOLD
from retrokit.method.analysis import Analysis, KpiResult, Status
from retrokit.text import fold, fold_loose
from retrokit.workbook.reader import Record, Workbook
from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS, RESULT, STATUS, Sheet
from retrokit.workbook.values import has_number, parse_choice

OPINION_WORDS: tuple[str, ...] = (
    "我觉得",
    "我認為",
    "我认为",
    "我感觉",
    "感觉",
    "大概",
    "可能",
    "应该",
    "也许",
    "或许",
    "估计",
    "好像",
    "似乎",
    "I think",
    "I feel",
    "I believe",
    "probably",
    "maybe",
    "perhaps",
    "might",
    "seems",
    "guess",
)
BLAME_WORDS: tuple[str, ...] = (
    "不努力",
    "不负责",
    "不認真",
    "不认真",
    "太懒",
    "懒",
    "能力差",
    "能力不行",
    "不上心",
    "敷衍",
    "甩锅",
    "拖后腿",
    "lazy",
    "careless",
    "incompetent",
    "didn't try",
    "did not try",
    "not trying",
    "sloppy",
    "irresponsible",
)


@dataclass
class Settings:
    """What the checks need from the configuration."""

    today: dt.date
    threshold: float = DEFAULT_THRESHOLD
    opinion_words: tuple[str, ...] = OPINION_WORDS
    blame_words: tuple[str, ...] = BLAME_WORDS


@dataclass
class Context:
    """One workbook as read and analysed, with the settings of this run."""

    workbook: Workbook
    analysis: Analysis
    settings: Settings
    _out: list[Finding] = field(default_factory=list)

    def finding(
        self,
        code: str,
        sheet: Sheet | None,
        record: Record | None,
        column: str | None,
        key: str = "",
        /,
        **args: Any,
    ) -> Finding:
        sheet_name = None
        if sheet is not None:
            sheet_name = self.workbook.sheets[sheet.key].name
        cell = record.ref(column) if record is not None and column else None
        row = record.row if record is not None and sheet is not INFO else None
        if sheet is INFO and cell:
            row = int("".join(ch for ch in cell if ch.isdigit()))
        return Finding(
            code,
            self.workbook.path,
            sheet_name,
            cell,
            row,
            key or code,
            tuple(args.items()),
            REGISTRY[code].severity,
            lang=self.workbook.lang,
        )


Check = Callable[[Context], Iterable[Finding]]
SetCheck = Callable[[Sequence[Context]], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Check | None = None
    set_check: SetCheck | None = None


REGISTRY: dict[str, Rule] = {}


def _register(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    check: Check | None = None,
    set_check: SetCheck | None = None,
) -> None:
    if code in REGISTRY or any(r.name == name for r in REGISTRY.values()):
        raise ValueError(f"duplicate rule {code} {name}")
    REGISTRY[code] = Rule(code, name, severity, summary, check, set_check)


def rule(code: str, name: str, severity: Severity) -> Callable[[Check], Check]:
    """Register a per-workbook rule; its docstring's first line is its summary."""

    def wrap(fn: Check) -> Check:
        _register(code, name, severity, (fn.__doc__ or "").strip().splitlines()[0], check=fn)
        return fn

    return wrap


def set_rule(code: str, name: str, severity: Severity) -> Callable[[SetCheck], SetCheck]:
    """Register a rule over the whole linted set of workbooks."""

    def wrap(fn: SetCheck) -> SetCheck:
        _register(code, name, severity, (fn.__doc__ or "").strip().splitlines()[0], set_check=fn)
        return fn

    return wrap


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

# Rules whose findings come from elsewhere: the file walk and the reader.
_register("F001", "unreadable-file", E, "The file cannot be read as a workbook.")
_register("F002", "lock-file-committed", E, "An Office lock file (~$name.xlsx) is committed.")
_register("S001", "missing-sheet", E, "A sheet of the template is missing.")
_register("S002", "missing-column", E, "A required column is missing from a sheet's header.")
_register("V001", "number-unreadable", E, "A number cell does not parse.")
_register("V002", "date-unreadable", E, "A date does not parse, or the end is before the start.")
_register("V003", "value-not-in-list", E, "A value is not one of its list's values.")


def _blank_required(
    ctx: Context, sheet: Sheet, records: Iterable[Record], keys: Sequence[str]
) -> Iterator[Finding]:
    match = ctx.workbook.sheets[sheet.key]
    for record in records:
        for key in keys:
            if key in match.columns and record.blank(key):
                yield ctx.finding("S003", sheet, record, key, column=sheet.column(key))


def _campaign_over(ctx: Context) -> bool:
    end = ctx.analysis.info.get("end")
    return not isinstance(end, dt.date) or end < ctx.settings.today


@rule("S003", "required-cell-empty", E)
def required_cell_empty(ctx: Context) -> Iterator[Finding]:
    """A required field or cell is empty in a filled row."""
    info = ctx.workbook.info
    if info is not None:
        for column in INFO.columns:
            if column.required and info.blank(column.key):
                yield ctx.finding("S003", INFO, info, column.key, "S003.field", column=column)
    kpi_keys = ["metric", "target"] + (["actual"] if _campaign_over(ctx) else [])
    yield from _blank_required(ctx, KPIS, ctx.workbook.kpis, kpi_keys)
    yield from _blank_required(ctx, PROBLEMS, ctx.workbook.problems, ["area", "problem"])
    yield from _blank_required(ctx, LESSONS, ctx.workbook.lessons, ["lesson"])


@rule("V002.order", "end-before-start", E)
def end_before_start(ctx: Context) -> Iterator[Finding]:
    """The end date is before the start date."""
    start, end = ctx.analysis.info.get("start"), ctx.analysis.info.get("end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        yield ctx.finding(
            "V002",
            INFO,
            ctx.workbook.info,
            "end",
            "V002.order",
            start=start.isoformat(),
            end=end.isoformat(),
        )


def _kpis(ctx: Context) -> Iterator[tuple[KpiResult, Record]]:
    for kpi in ctx.analysis.kpis:
        if kpi.record is not None:
            yield kpi, kpi.record


@rule("V004", "rate-undefined", W)
def rate_undefined(ctx: Context) -> Iterator[Finding]:
    """The achievement rate is undefined (target 0, or signs that make the ratio meaningless)."""
    for kpi, record in _kpis(ctx):
        if kpi.undefined_reason:
            yield ctx.finding(
                "V004",
                KPIS,
                record,
                "target",
                metric=kpi.metric,
                reason=("i18n", kpi.undefined_reason),
            )


@rule("V005", "mixed-forms", W)
def mixed_forms(ctx: Context) -> Iterator[Finding]:
    """Target and actual are written in different forms (one a percentage, the other not)."""
    for kpi, record in _kpis(ctx):
        if kpi.mixed_forms:
            yield ctx.finding("V005", KPIS, record, "actual", metric=kpi.metric)


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _differs(cached: float, computed: float | None) -> bool:
    if computed is None:
        return True
    return abs(cached - computed) > 1e-6 * max(1.0, abs(computed))


@rule("V006", "stale-computed-cell", W)
def stale_computed_cell(ctx: Context) -> Iterator[Finding]:
    """A gap, achievement or result cell disagrees with the recomputed value."""
    for kpi, record in _kpis(ctx):
        for key, computed in (("gap", kpi.gap), ("rate", kpi.rate)):
            cached = _number(record.raw.get(key))
            if cached is not None and _differs(cached, computed):
                yield ctx.finding(
                    "V006",
                    KPIS,
                    record,
                    key,
                    column=KPIS.column(key),
                    cached=_show(cached),
                    computed=_show(computed),
                )
        label = record.text("result")
        if label and ctx.settings.threshold == DEFAULT_THRESHOLD:
            try:
                cached_status = parse_choice(label, RESULT)
            except ValueError:
                cached_status = None
            computed_status = kpi.status.value if kpi.status else None
            if cached_status != computed_status:
                shown = RESULT.by_code(computed_status) if computed_status else "-"
                yield ctx.finding(
                    "V006",
                    KPIS,
                    record,
                    "result",
                    column=KPIS.column("result"),
                    cached=label,
                    computed=shown,
                )


def _show(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.6g}"


@rule("K001", "kpi-without-analysis", W)
def kpi_without_analysis(ctx: Context) -> Iterator[Finding]:
    """A missed or exceeded KPI has no analysis."""
    for kpi, record in _kpis(ctx):
        if kpi.status in (Status.MISSED, Status.EXCEEDED) and not kpi.analysis:
            yield ctx.finding(
                "K001",
                KPIS,
                record,
                "analysis",
                metric=kpi.metric,
                status=RESULT.by_code(kpi.status.value),
            )


@rule("K002", "no-core-kpis", W)
def no_core_kpis(ctx: Context) -> Iterator[Finding]:
    """There are no KPI rows, or none is marked core."""
    if ctx.workbook.sheets["kpis"].name is None:
        return
    if not ctx.analysis.kpis:
        yield ctx.finding("K002", KPIS, None, None, sheet=KPIS)
    elif not any(k.core for k in ctx.analysis.kpis):
        yield ctx.finding("K002", KPIS, None, None, "K002.core")


@rule("K003", "core-miss-unexplained", W)
def core_miss_unexplained(ctx: Context) -> Iterator[Finding]:
    """A missed core KPI that no problem row names in its Metric column."""
    named = [fold(p.metric) for p in ctx.analysis.problems if p.metric]
    for kpi, record in _kpis(ctx):
        if kpi.core and kpi.status is Status.MISSED:
            key = fold(kpi.metric)
            if not any(key and (key == n or key in n or n in key) for n in named):
                yield ctx.finding("K003", KPIS, record, "metric", metric=kpi.metric)


def _problem_rule(code: str, column: str, test: Callable[[Record], bool]) -> Check:
    def check(ctx: Context) -> Iterator[Finding]:
        if column not in ctx.workbook.sheets["problems"].columns:
            return
        for record in ctx.workbook.problems:
            if test(record):
                yield ctx.finding(code, PROBLEMS, record, column, value=record.text(column))

    return check


def _problem_check(
    code: str,
    name: str,
    severity: Severity,
    column: str,
    summary: str,
    test: Callable[[Record], bool],
) -> None:
    _register(code, name, severity, summary, check=_problem_rule(code, column, test))


_problem_check(
    "A001",
    "action-without-owner",
    E,
    "owner",
    "An action has no owner.",
    lambda r: not r.blank("action") and r.blank("owner"),
)
_problem_check(
    "A002",
    "action-without-due-date",
    E,
    "due",
    "An action has no due date.",
    lambda r: not r.blank("action") and r.blank("due"),
)
_problem_check(
    "A003",
    "effect-not-measurable",
    W,
    "expected",
    "The expected effect is not measurable (no number in it).",
    lambda r: not r.blank("action") and not has_number(r.text("expected")),
)


@rule("A004", "action-overdue", W)
def action_overdue(ctx: Context) -> Iterator[Finding]:
    """An action is overdue: due before today and not done or dropped."""
    for p in ctx.analysis.problems:
        if p.overdue and p.due and p.record is not None:
            status = STATUS.by_code(p.status) if p.status else "-"
            yield ctx.finding(
                "A004", PROBLEMS, p.record, "due", due=p.due.isoformat(), status=status
            )


_problem_check(
    "A005",
    "problem-without-root-cause",
    E,
    "root_cause",
    "A problem has no root cause.",
    lambda r: r.blank("root_cause"),
)
_problem_check(
    "A006",
    "problem-without-action",
    E,
    "action",
    "A problem has no action.",
    lambda r: r.blank("action"),
)


@rule("A007", "too-many-high-impact", N)
def too_many_high_impact(ctx: Context) -> Iterator[Finding]:
    """More than three problems are rated high impact."""
    high = [p for p in ctx.analysis.problems if p.impact == "high"]
    if len(high) > 3:
        yield ctx.finding("A007", PROBLEMS, None, None, count=len(high))


def _lesson_rule(code: str, column: str) -> Check:
    def check(ctx: Context) -> Iterator[Finding]:
        if column not in ctx.workbook.sheets["lessons"].columns:
            return
        for record in ctx.workbook.lessons:
            if not record.blank("lesson") and record.blank(column):
                yield ctx.finding(code, LESSONS, record, column)

    return check


_register(
    "L001",
    "lesson-without-evidence",
    W,
    "A lesson has no evidence.",
    check=_lesson_rule("L001", "evidence"),
)
_register(
    "L002",
    "lesson-without-scenario",
    W,
    "A lesson has no applicable scenario.",
    check=_lesson_rule("L002", "applies_to"),
)


@lru_cache(maxsize=16)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words anywhere: a quick first look, one C-level scan per text."""
    folded = sorted({fold_loose(w) for w in words if w.strip()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in folded) or r"(?!)")


@lru_cache(maxsize=16)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for w in sorted({fold_loose(w) for w in words}, key=len, reverse=True):
        escaped = re.escape(w)
        parts.append(rf"\b{escaped}\b" if w.isascii() else escaped)
    return re.compile("|".join(parts) or r"(?!)")


def _wording(code: str, words: Callable[[Settings], tuple[str, ...]]) -> Check:
    def check(ctx: Context) -> Iterator[Finding]:
        listed = words(ctx.settings)
        pattern = _word_pattern(listed)
        quick = _any_word(listed)
        targets = [(KPIS, r, "analysis") for r in ctx.workbook.kpis]
        targets += [
            (PROBLEMS, r, k) for r in ctx.workbook.problems for k in ("problem", "root_cause")
        ]
        for sheet, record, key in targets:
            text = fold_loose(record.text(key))
            # A plain scan for any word first (fast); the second only confirms word boundaries.
            m = pattern.search(text) if quick.search(text) else None
            if m:
                yield ctx.finding(
                    code, sheet, record, key, column=sheet.column(key), word=m.group(0)
                )

    return check


_register(
    "W001",
    "opinion-wording",
    W,
    "Opinion wording in an analysis or root cause.",
    check=_wording("W001", lambda s: s.opinion_words),
)
_register(
    "W002",
    "blaming-people",
    W,
    "Blame aimed at people rather than behaviour.",
    check=_wording("W002", lambda s: s.blame_words),
)


@set_rule("R001", "recurring-problem-area", W)
def recurring_problem_area(contexts: Sequence[Context]) -> Iterator[Finding]:
    """The same problem area recurs in two or more workbooks of the linted set."""
    seen: dict[str, list[tuple[Context, Record]]] = {}
    for ctx in contexts:
        areas: dict[str, Record] = {}
        for record in ctx.workbook.problems:
            key = fold(record.text("area"))
            if key and key not in areas:
                areas[key] = record
        for key, record in areas.items():
            seen.setdefault(key, []).append((ctx, record))
    for entries in seen.values():
        if len(entries) < 2:
            continue
        files = sorted({c.workbook.path for c, _ in entries})
        if len(files) < 2:
            continue
        for ctx, record in entries:
            # The first few other files by name: O(1) per finding however large the set.
            others = [f for f in files[: R001_MAX_FILES + 1] if f != ctx.workbook.path]
            more = len(files) - 1 - min(len(others), R001_MAX_FILES)
            yield ctx.finding(
                "R001",
                PROBLEMS,
                record,
                "area",
                area=record.text("area"),
                files=_file_list(others[:R001_MAX_FILES], more),
            )


R001_MAX_FILES = 5


def _file_list(files: list[str], more: int) -> str:
    """The other workbooks, at most five by name: a big set must not make messages huge."""
    return ", ".join(os.path.basename(f) for f in files) + (f" (+{more})" if more > 0 else "")


@set_rule("R002", "action-carried-without-progress", W)
def action_carried_without_progress(contexts: Sequence[Context]) -> Iterator[Finding]:
    """An action carried over twice or more without progress."""
    from retrokit.method.campaigns import stalled_carries

    by_workbook = {id(c.workbook): c for c in contexts}
    for workbook, record, chain in stalled_carries([c.workbook for c in contexts]):
        ctx = by_workbook[id(workbook)]
        origins = [record.text("carried_from"), *(r.text("carried_from") for r in chain[:-1])]
        yield ctx.finding(
            "R002", PROBLEMS, record, "carried_from", times=len(chain), chain=" ← ".join(origins)
        )


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


def rules() -> list[Rule]:
    """The public catalogue, ordered by code (sub-checks such as V002.order folded in)."""
    return sorted((r for r in REGISTRY.values() if "." not in r.code), key=lambda r: r.code)
