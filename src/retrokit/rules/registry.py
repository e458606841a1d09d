"""The rule registry: one way to declare a rule, and what a check receives.

A rule is a function decorated with :func:`rule`; its docstring's first line is its summary and
the catalogue entry ``doc.CODE`` its explanation in every language. Checks over one workbook get
a :class:`Context`; checks over a whole linted set (``scope=Scope.SET``) get every context.
Findings that the reader or the lint engine emit themselves (a cell that does not parse, a file
that cannot be opened) are declared here too, with ``scope=Scope.EMITTED``, so the catalogue,
selection and documentation know them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeVar

from retrokit.findings import Finding, Severity, Tally
from retrokit.method import DEFAULT_THRESHOLD, Analysis, DirectionWords
from retrokit.rules.words import BLAME_WORDS, OPINION_WORDS
from retrokit.workbook.reader import Record, Workbook
from retrokit.workbook.schema import Sheet

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass
class Settings:
    """What the checks need from the configuration."""

    today: dt.date
    threshold: float = DEFAULT_THRESHOLD
    opinion_words: tuple[str, ...] = OPINION_WORDS
    blame_words: tuple[str, ...] = BLAME_WORDS
    direction_words: DirectionWords = field(default_factory=DirectionWords)
    #: Neither --threshold nor the config set the threshold: each workbook's own threshold
    #: (the meta cell its result formulas read) is the one in force for it.
    threshold_from_workbook: bool = False

    def for_workbook(self, workbook: Workbook) -> Settings:
        """The settings for one workbook: its own threshold when none was given."""
        if self.threshold_from_workbook and workbook.threshold is not None:
            return replace(self, threshold=workbook.threshold)
        return self


@dataclass
class Context:
    """One workbook as read and analysed, with the settings of this run."""

    workbook: Workbook
    analysis: Analysis
    settings: Settings
    _out: list[Finding] = field(default_factory=list)

    def has_column(self, sheet: Sheet, key: str) -> bool:
        """Whether ``sheet`` as read has column ``key``. A finding about a cell of a column the
        sheet lacks points at its row's name instead and says to add the column."""
        return key in self.workbook.sheets[sheet.key].columns

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
        fields = sheet is not None and sheet.kind == "fields"
        row = record.row if record is not None and not fields else None
        if fields and cell:
            row = int("".join(ch for ch in cell if ch.isdigit()))
        return Finding(
            code,
            self.workbook.path,
            sheet_name,
            cell,
            row,
            key or code,
            tuple(args.items()),
            (REGISTRY.get(key) or REGISTRY[code]).severity,
            lang=self.workbook.lang,
        )


Check = Callable[[Context], Iterable[Finding]]
SetCheck = Callable[[Sequence[Context]], Iterable[Finding]]


class Scope(StrEnum):
    #: Checked on one workbook at a time.
    WORKBOOK = "workbook"
    #: Checked over every workbook of a linted set, after the files.
    SET = "set"
    #: Emitted by the reader or the engine where they meet the problem; no check here.
    EMITTED = "emitted"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    scope: Scope = Scope.WORKBOOK
    check: Check | None = None
    set_check: SetCheck | None = None
    #: The kind of workbook the rule checks (a sheet set's kind: "review", "plan").
    kind: str = "review"


REGISTRY: dict[str, Rule] = {}
#: A rule's former name -> the codes it named, so a config that names it keeps working.
RENAMED: dict[str, tuple[str, ...]] = {
    # K002 said "no KPI rows" under this name; the rows and the core mark are named apart now.
    "no-core-kpis": ("K002", "K002.core"),
}

F = TypeVar("F", bound=Callable[..., Any])


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    scope: Scope = Scope.WORKBOOK,
    kind: str = "review",
) -> Callable[[F], F]:
    """Register the decorated function as rule ``code``; its docstring's first line is the
    summary. Codes and names are unique: a second registration is an error. The rule runs on
    workbooks of ``kind`` only."""

    def wrap(fn: F) -> F:
        if code in REGISTRY or any(r.name == name for r in REGISTRY.values()):
            raise ValueError(f"duplicate rule {code} {name}")
        summary = (fn.__doc__ or "").strip().splitlines()[0]
        REGISTRY[code] = Rule(
            code,
            name,
            severity,
            summary,
            scope,
            check=fn if scope is Scope.WORKBOOK else None,
            set_check=fn if scope is Scope.SET else None,
            kind=kind,
        )
        return fn

    return wrap


def rules() -> list[Rule]:
    """The public catalogue, ordered by code (sub-checks such as V002.order folded in)."""
    return sorted((r for r in REGISTRY.values() if "." not in r.code), key=lambda r: r.code)


def check(ctx: Context) -> list[Finding]:
    """The reader's findings on one workbook, then every per-workbook rule's, in rule order."""
    tally = Tally()  # at most a thousand findings of one code per sheet, and their count
    tally.extend(replace(f, lang=ctx.workbook.lang) for f in ctx.workbook.findings)
    kind = ctx.workbook.kind
    for r in REGISTRY.values():
        if r.check is not None and r.kind == kind:
            tally.extend(r.check(ctx))
    findings = tally.findings()
    # A placeholder in a typed cell (待定 as a due date) is said once: the rule's finding that
    # names it a placeholder stands for the reader's "待定 is not a date".
    said = {(f.sheet, f.cell) for f in findings if f.key.endswith(".placeholder")}
    if said:
        findings = [f for f in findings if f.code not in _UNREAD or (f.sheet, f.cell) not in said]
        # The reader's count of the rest goes with its listed findings when none is left: the
        # rest were placeholders too, each said by its rule (and counted with its findings).
        listed = {(f.code, f.sheet) for f in findings if f.key != "finding.more"}
        findings = [
            f
            for f in findings
            if f.key != "finding.more" or f.code not in _UNREAD or (f.code, f.sheet) in listed
        ]
    return findings


#: The reader's findings on a cell whose value it could not read by its column's type.
_UNREAD = frozenset({"V001", "V002", "V003"})


def check_set(contexts: Sequence[Context]) -> Iterator[Finding]:
    """The findings of the rules over a whole set of workbooks."""
    for r in REGISTRY.values():
        if r.set_check is not None:
            yield from r.set_check([c for c in contexts if c.workbook.kind == r.kind])
