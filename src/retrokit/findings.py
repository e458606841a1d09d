"""The Finding record shared by the reader, analyze, lint and the report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from retrokit.i18n import is_worded, t, worded
from retrokit.i18n.languages import language
from retrokit.workbook.schema import DEFAULT_LANG, Choice, Column, Lang, Sheet


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Figure:
    """A number in a message, written when the message is, in the reader's language and the
    one scale of the ``row`` a table shows it in (itself among them), as
    :func:`retrokit.render.display.figures` writes a row: 42万 against 36万, 5,000 against
    4,000, 420K in English; a ``share`` as 116.7%."""

    value: float
    row: tuple[float, ...] = ()
    share: bool = False
    #: The currency an amount is in, written before it (NT$42萬, £420K); "" for none.
    currency: str = ""


def _render(value: Any, lang: Lang) -> Any:
    if isinstance(value, Figure):
        from retrokit.render import display  # the one writer of numbers; loaded only here

        if value.share:
            return display.percent(value.value)
        row = value.row or (value.value,)
        return display.figures(row, lang, currency=value.currency)[row.index(value.value)]
    if isinstance(value, Column):
        return value.label(lang)
    if isinstance(value, Sheet):
        return value.name(lang)
    if isinstance(value, Choice):
        return value.label(lang)
    if is_worded(value):
        return worded(value, lang)
    if isinstance(value, list | tuple):
        return language(lang).list_separator.join(str(_render(v, lang)) for v in value)
    return value


def sheet_in_reference(name: str) -> str:
    """A sheet's name in a location: as it is, unless the reader could not tell where it ends
    (spaces before or after it, a ! or a quote in it); then in single quotes, its own quotes
    doubled, as Excel writes such a name in a reference (' KPI评估 '!B9)."""
    if name == name.strip() and "!" not in name and "'" not in name:
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a workbook, located to its sheet and cell where there is one.

    ``key`` is the catalogue entry of the message (the rule code, or ``CODE.variant``);
    ``args`` fill it in. Schema objects among the args are shown in the reader's language.
    """

    code: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    key: str = ""
    args: tuple[tuple[str, Any], ...] = ()
    severity: Severity = Severity.ERROR
    #: The workbook's language: messages are shown in it unless the user asks for another.
    lang: Lang = DEFAULT_LANG

    def message(self, lang: Lang | None = None) -> str:
        lang = lang or self.lang
        args = {k: _render(v, lang) for k, v in self.args}
        return t(self.key or self.code, lang, **args)

    @property
    def where(self) -> str:
        """``KPI评估!E5``; ``' KPI评估 '!B9`` for a name whose ends could not be seen."""
        if self.sheet and self.cell:
            return f"{sheet_in_reference(self.sheet)}!{self.cell}"
        return self.sheet or ""

    def to_json(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message(lang),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
        }


#: The most findings of one code listed for one sheet; the rest are counted in one finding.
LISTED = 1000


class Tally:
    """Findings in the order given, at most :data:`LISTED` of one code on one sheet: a sheet of
    500,000 formulas without results is one list of a thousand and a count of the rest
    (``finding.more``), not half a million findings held in memory and printed."""

    def __init__(self) -> None:
        self.kept: list[Finding] = []
        self._counts: dict[tuple[str, str | None], int] = {}
        #: The first finding past the limit, per code and sheet: the count's severity and place.
        self._over: dict[tuple[str, str | None], Finding] = {}

    def add(self, finding: Finding) -> None:
        key = (finding.code, finding.sheet)
        if finding.key == "finding.more":  # a count made before (by the reader): carried on
            rest = int(dict(finding.args)["count"])
            self._counts[key] = max(self._counts.get(key, 0), LISTED) + rest
            self._over.setdefault(key, finding)
            return
        n = self._counts[key] = self._counts.get(key, 0) + 1
        if n <= LISTED:
            self.kept.append(finding)
        elif n == LISTED + 1:
            self._over[key] = finding

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.add(finding)

    def findings(self) -> list[Finding]:
        """The kept findings, then one per code and sheet over the limit that counts the rest."""
        more = []
        for key, first in self._over.items():
            rest = (("count", self._counts[key] - LISTED), ("shown", LISTED), ("code", key[0]))
            more.append(replace(first, cell=None, row=None, key="finding.more", args=rest))
        return self.kept + more


def i18n_arg(key: str, **args: Any) -> tuple[str, str, tuple[tuple[str, Any], ...]]:
    """An argument rendered from the catalogue in the reader's language."""
    return ("i18n", key, tuple(args.items()))
