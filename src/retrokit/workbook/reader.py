"""Reading a filled workbook as people really fill it, driven by :mod:`retrokit.workbook.schema`.

Sheets are found by any of their names (three languages, Simplified or Traditional, any case or
width) or, failing that, by their headers; header rows anywhere in the first ten rows; columns
in any order. Every cell is parsed by its column's type, and a cell that does not parse becomes
a finding with its address, never a silent zero. Formula results cached in the file are kept
only to be compared (lint V006): retrokit recomputes everything from target and actual.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from retrokit.errors import UnreadableWorkbook
from retrokit.findings import Finding, Tally
from retrokit.text import cell_text, fold, fold_loose
from retrokit.workbook.package import Limits, OtherPackage, Package, describe, open_package
from retrokit.workbook.schema import (
    DEFAULT_LANG,
    LANGS,
    META_SHEET,
    REVIEW,
    Column,
    Lang,
    Sheet,
    SheetSet,
)
from retrokit.workbook.sources import (
    SOURCES,
    CellError,
    CellSource,
    Grid,
    _library_errors,
    is_blank,
    mark_uncalculated,
)
from retrokit.workbook.types import NO_YEAR, CellValueError, ColType, NumberType
from retrokit.workbook.values import (
    FIRST_DATE,
    LAST_DATE,
    Quantity,
    with_campaign_year,
    written_in_full,
)

HEADER_SEARCH_ROWS = 10
INFO_SEARCH_COLUMNS = 4


@lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """0-based column index -> A1 letters (cached: every record and finding asks)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def ref(row: int, col: int) -> str:
    """0-based row and column -> ``C5``."""
    return f"{column_letter(col)}{row + 1}"


@dataclass(slots=True)
class Record:
    """One filled row of a table sheet (or the Basic info sheet as one record).

    ``raw`` holds what the cell held, ``values`` the parsed value (text, Quantity, date or a
    list code; absent when blank or unparsable) and ``refs`` the cell address of each column.
    A table row shares its sheet's column letters instead of holding eleven address strings.
    Treated as immutable; not frozen because a frozen dataclass takes three times as long to
    build, which shows on a 100,000-row sheet.
    """

    sheet: str
    row: int
    raw: Mapping[str, Any]
    values: Mapping[str, Any]
    letters: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    #: Column key -> "percent" / "ratio" for numeric cells whose number format shows one.
    formats: Mapping[str, str] = field(default_factory=dict)
    #: Explicit addresses, for the Basic info sheet whose fields stand on different rows.
    cells: Mapping[str, str] | None = None

    @property
    def refs(self) -> dict[str, str]:
        if self.cells is not None:
            return dict(self.cells)
        return {k: f"{letter}{self.row}" for k, letter in self.letters.items()}

    def ref(self, key: str) -> str | None:
        if self.cells is not None:
            return self.cells.get(key)
        letter = self.letters.get(key)
        return f"{letter}{self.row}" if letter else None

    def text(self, key: str) -> str:
        value = self.raw.get(key)
        if value.__class__ is str:  # the common case, checked first: rules call this a lot
            return value.strip()
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()[:10]
        return cell_text(value)

    def blank(self, key: str) -> bool:
        # A number, date or flag always shows as some text: only None and blank strings count.
        return is_blank(self.raw.get(key))


@dataclass(frozen=True)
class SheetMatch:
    key: str
    name: str | None = None
    header_row: int | None = None  # 1-based
    columns: Mapping[str, int] = field(default_factory=dict)
    #: Number column key -> the unit its header gives the numbers under it (万元 in
    #: 目标值（万元）, £K in Budget (£K)), for the headers with a multiplier.
    units: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Workbook:
    """Everything read from one workbook file, before any computation: the records of each
    sheet of its set under the sheet's key (a field/value sheet is one record)."""

    path: str
    lang: Lang
    template_version: str | None
    sheets: Mapping[str, SheetMatch]
    tables: Mapping[str, tuple[Record, ...]]
    findings: tuple[Finding, ...]
    kind: str = REVIEW.kind
    #: The plan read from the same file, when a retrospective keeps the plan's sheets beside
    #: its own (:func:`retrokit.workbook.kinds.detect_combined`); None otherwise.
    companion: Workbook | None = None
    #: The "met" threshold the workbook's result formulas read (its hidden meta sheet), if any.
    threshold: float | None = None
    #: Every sheet's name in the file's order (lint lists findings in it).
    sheet_names: tuple[str, ...] = ()

    def table(self, key: str) -> tuple[Record, ...]:
        """The records of sheet ``key``; none when the sheet is missing."""
        return self.tables.get(key, ())

    def fields(self, key: str) -> Record | None:
        """The one record of field/value sheet ``key``, or None when it is missing."""
        records = self.tables.get(key)
        return records[0] if records else None

    # The retrospective's sheets, by the names the method and the rules use.
    @property
    def info(self) -> Record | None:
        return self.fields("info")

    @property
    def kpis(self) -> tuple[Record, ...]:
        return self.table("kpis")

    @property
    def problems(self) -> tuple[Record, ...]:
        return self.table("problems")

    @property
    def lessons(self) -> tuple[Record, ...]:
        return self.table("lessons")


# --- matching -------------------------------------------------------------------------------


def _spelling_index(items: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, spellings in items:
        for s in spellings:
            index.setdefault(fold(s), key)
    return index


@dataclass(frozen=True)
class _Indexes:
    """Folded spelling -> key, for the sheet names and each sheet's columns of one set."""

    sheets: dict[str, str]
    columns: dict[str, dict[str, str]]
    #: Sheet names as spelt, brackets kept (``KPI评估 (2)`` is not one of them).
    exact_sheets: frozenset[str] = frozenset()
    #: Per sheet, its columns' own labels in every language, folded (not their aliases).
    primary: dict[str, frozenset[str]] = field(default_factory=dict)


_INDEXES: dict[str, _Indexes] = {}


def _indexes(sheet_set: SheetSet) -> _Indexes:
    found = _INDEXES.get(sheet_set.kind)
    if found is None:
        found = _INDEXES[sheet_set.kind] = _Indexes(
            _spelling_index((s.key, s.spellings()) for s in sheet_set.sheets),
            {
                s.key: _spelling_index((c.key, c.spellings()) for c in s.columns)
                for s in sheet_set.sheets
            },
            frozenset(fold_loose(n) for s in sheet_set.sheets for n in s.spellings()),
            {
                s.key: frozenset(fold(c.label(lang)) for c in s.columns for lang in LANGS)
                for s in sheet_set.sheets
            },
        )
    return found


_indexes(REVIEW)


def _merged_area(grid: Grid, merges: Sequence[tuple[int, int, int, int]]) -> int:
    """How many cells filling ``merges`` into ``grid`` would visit."""
    rows = len(grid)
    width = max(map(len, grid), default=0)
    return sum(
        max(0, min(r1, rows - 1) - r0 + 1) * max(0, min(c1, width - 1) - c0 + 1)
        for r0, c0, r1, c1 in merges
        if r0 < rows
    )


def _apply_merges(grid: Grid, merges: Sequence[tuple[int, int, int, int]]) -> None:
    """A merged range's value belongs to every cell it covers."""
    for r0, c0, r1, c1 in merges:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        if value == "" or value is None:
            continue
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if row[c] == "" or row[c] is None:
                    row[c] = value


#: Per sheet set and sheet key: cell text seen in the header search -> the column it names (or
#: None). The same headers and the first rows' values come back in every file of a folder.
_HEADER_KEYS: dict[tuple[str, str], dict[str, str | None]] = {}
_HEADER_KEYS_MAX = 8192
_UNSEEN = ""  # never a column key


def _find_header(
    grid: Grid, sheet: Sheet, sheet_set: SheetSet = REVIEW
) -> tuple[int, dict[str, int]] | None:
    """The row (0-based) within the first rows whose cells name the most columns."""
    index = _indexes(sheet_set).columns[sheet.key]
    known = _HEADER_KEYS.setdefault((sheet_set.kind, sheet.key), {})
    best: tuple[int, dict[str, int]] | None = None
    primary = _indexes(sheet_set).primary[sheet.key]
    for r, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for c, value in enumerate(row):
            if isinstance(value, str):
                key = known.get(value, _UNSEEN)
                if key is _UNSEEN:
                    key = index.get(fold(value)) if value.strip() else None
                    if len(known) >= _HEADER_KEYS_MAX:
                        known.clear()
                    known[value] = key
                if key and key not in columns:
                    columns[key] = c
                elif key and fold(value) in primary and fold(row[columns[key]]) not in primary:
                    # 分析简述 beside a 备注 before it: the column's own label wins over
                    # another word for it, which stays a column of the team's own.
                    columns[key] = c
        if len(columns) >= 2 and (best is None or len(columns) > len(best[1])):
            best = (r, columns)
    return best


_LANG_VOTES: dict[str, dict[str, tuple[tuple[Lang, int], ...]]] = {}


def _lang_votes(sheet_set: SheetSet) -> dict[str, tuple[tuple[Lang, int], ...]]:
    """Exact label -> the votes it casts: per language, how many sheets of the set name it so
    (as the sheet's name or one of its column labels) in that language."""
    found = _LANG_VOTES.get(sheet_set.kind)
    if found is not None:
        return found
    counts: dict[str, dict[Lang, int]] = {}
    for s in sheet_set.sheets:
        for lang in LANGS:
            for label in {s.name(lang), *(c.label(lang) for c in s.columns)}:
                votes = counts.setdefault(label, {})
                votes[lang] = votes.get(lang, 0) + 1
    found = _LANG_VOTES[sheet_set.kind] = {
        label: tuple(votes.items()) for label, votes in counts.items()
    }
    return found


_lang_votes(REVIEW)


def _detect_lang(
    names: Iterable[str], headers: Iterable[str], sheet_set: SheetSet = REVIEW
) -> Lang:
    """The language whose exact sheet names and column labels the texts use most.

    Each text, without its ``*`` marks, votes once per sheet that has it as its name or a
    column label in a language: one dictionary lookup per text.
    """
    votes = dict.fromkeys(LANGS, 0)
    table = _lang_votes(sheet_set)
    for text in (*names, *headers):
        if isinstance(text, str):
            for lang, count in table.get(text.replace("*", "").strip(), ()):
                votes[lang] += count
    # A label written the same in zh-CN and zh-TW votes for both; the difference decides.
    return max(LANGS, key=lambda lang: (votes[lang], lang == DEFAULT_LANG))


# --- parsing --------------------------------------------------------------------------------


class _Collector:
    def __init__(self, path: str) -> None:
        self.path = path
        self.tally = Tally()  # at most a thousand findings of one code per sheet
        #: Whether a date was written without its year (7月15日): the campaign's is given after.
        self.yearless = False

    def add(
        self,
        code: str,
        sheet: str | None,
        cell: str | None,
        row: int | None,
        key: str = "",
        /,
        **args: Any,
    ) -> None:
        self.tally.add(Finding(code, self.path, sheet, cell, row, key or code, tuple(args.items())))

    @property
    def findings(self) -> list[Finding]:
        return self.tally.findings()


def parse_cell(column: Column, raw: Any, number_format: str | None = None) -> Any:
    """The typed value of one cell by its column's type; ValueError when it does not parse."""
    return column.type.parse(raw, column, number_format)


_NO_EXTRA: Mapping[str, Any] = {}


#: What the label of a total row says, folded (合計, 總計 and Grand Total fold to these).
TOTAL_LABELS = frozenset(
    {
        "合计",
        "总计",
        "小计",
        "共计",
        "总和",
        "汇总",
        "合计数",
        "total",
        "totals",
        "subtotal",
        "grandtotal",
        "sum",
    }
)
_TOTAL_CJK = re.compile("[计計总總汇匯彙]")


def _total_label(value: Any) -> bool:
    """Whether a cell says 合计 / Total; cheap for the metric names checked on every row."""
    if value.__class__ is not str or len(value) > 24:
        return False
    if value.isascii():
        low = value.lower()
        if "total" not in low and "sum" not in low:
            return False
    elif _TOTAL_CJK.search(value) is None:
        return False
    return fold(value) in TOTAL_LABELS


def _subtotal_label(value: Any) -> bool:
    """Whether a cell names a group's subtotal: KOL小计, 小计：线上, Subtotal (KOL). Asked only
    of the columns a sheet names as saying a total (a budget's category or item): a KPI may
    well be called 订单小计."""
    if value.__class__ is not str or len(value) > 24:
        return False
    return _at_an_end(fold(value), _SUBTOTAL_WORDS)


def _at_an_end(folded: str, words: Iterable[str]) -> bool:
    """Whether a folded cell begins or ends with one of ``words`` (KOL小计, 小计：线上)."""
    return any(folded.startswith(word) or folded.endswith(word) for word in words)


_SUBTOTAL_WORDS = ("小计", "subtotal")
#: What a part column (a KPI's channel) says of a row summing the others: 合计, 全渠道合计,
#: 總計 (folded, at either end of the cell); Total, Grand total, All channels total.
_PART_TOTAL_WORDS = ("合计", "总计", "小计", "共计", "汇总")
_PART_TOTAL_CUE = re.compile("[计計总總汇匯彙]|total", re.IGNORECASE)
_TOTAL_WORDS = frozenset({"total", "totals", "subtotal"})
_TOTAL_FILLERS = frozenset(
    {"grand", "all", "channel", "channels", "platform", "platforms", "overall", "of", "the"}
)


#: A number typed as text in a spare cell (5200, 1,200.5, 25%).
_NUMBER_TEXT = re.compile(r"^\s*[-+]?(?=[\d.,]*\d)(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?\s*$")


_NUMERIC_LEADS = frozenset("0123456789+-.")
_NUMERIC_LEADS_SPACE = _NUMERIC_LEADS | frozenset(" \t\u3000")


def _number_cell(value: Any) -> bool:
    """Whether a cell holds a number, or a number typed as text."""
    cls = value.__class__
    return cls is int or cls is float or (cls is str and _NUMBER_TEXT.match(value) is not None)


@lru_cache(maxsize=4096)  # asked of two cells a row; a sheet's channels repeat
def _part_total_label(value: str) -> bool:
    """Whether a channel or dimension cell says the row sums its name's other rows (not
    Total Wine, a shop)."""
    if len(value) > 24 or _PART_TOTAL_CUE.search(value) is None:
        return False
    if value.isascii():
        words = re.findall("[a-z]+", value.lower())
        return not _TOTAL_WORDS.isdisjoint(words) and all(
            w in _TOTAL_WORDS or w in _TOTAL_FILLERS for w in words
        )
    return _at_an_end(fold(value), _PART_TOTAL_WORDS)


#: A row heading the rows below it: 【线上渠道】, [Online], 二、用户指标, (一) 线上, 1. Online,
#: A. 线上, 线上渠道： — bracketed whole, numbered, or ending in a colon.
_OPENING = frozenset("【[〔〖")
_NOTHING = frozenset({"", None})
_BRACKETED_HEADING = re.compile(r"^[【\[〔〖].+[】\]〕〗]$")
_HEADING = re.compile(
    r"^(?:[【\[〔〖（(].+[】\]〕〗）)]|(?:[一二三四五六七八九十]+|\d{1,2}|[A-Za-z])[、.．]\s*\S.*|"
    r"[（(][一二三四五六七八九十\d]{1,3}[)）]\s*\S.*|.+[:：])$"
)


#: How :meth:`_RowParser.record` takes the common cells of a column (decided once per column).
_TEXT, _NUMBER, _DATE, _CHOICE, _OTHER = range(5)


def _quick_kind(kind: Any) -> int:
    """The short path of a column type: text, a number cell of a column that parses numbers as
    :class:`NumberType` does (a duration's too), a date, a list value, or none."""
    if kind is ColType.TEXT:
        return _TEXT
    if type(kind).parse is NumberType.parse or getattr(kind, "numbers_as_is", False):
        return _NUMBER
    if kind is ColType.DATE:
        return _DATE
    if kind is ColType.CHOICE:
        return _CHOICE
    return _OTHER


class _RowParser:
    """Parses the rows of one table sheet: the columns it found, each with its parser.

    The common cells (a number from the reader, a list value seen before, plain text) take a
    short path; everything else goes through :func:`parse_cell`, which gives the same values.
    """

    def __init__(
        self,
        sheet: Sheet,
        name: str,
        columns: Mapping[str, int],
        extra_columns: Mapping[int, str],
        out: _Collector,
        scales: Mapping[str, float] = _NO_EXTRA,
        header: Sequence[Any] = (),
    ) -> None:
        self.name = name
        self.sheet = sheet
        #: The header's text by column (stripped, casefolded), to know a copy of the header
        #: further down.
        self.header = {
            c: header[c].strip().casefold()
            for c in columns.values()
            if c < len(header) and isinstance(header[c], str)
        }
        #: The header's cells as typed: a copy of the header row is copied exactly, so one
        #: comparison per row finds it.
        self.header_raw = {c: header[c] for c in self.header}
        #: Number column key -> the multiplier of its header's unit (计划金额（万元）), when not 1.
        self.scales = scales
        self.plan = [
            (key, c, sheet.column(key), _quick_kind(sheet.column(key).type))
            for key, c in columns.items()
        ]
        self.letters = {key: column_letter(c) for key, c in columns.items()}
        self.data_columns = [
            c for key, c in columns.items() if sheet.column(key).type is not ColType.FORMULA
        ]
        #: The cells people fill, in one C-level call: most rows below the data are empty.
        self.data_cells: Callable[[list[Any]], tuple[Any, ...]] | None = (
            itemgetter(*self.data_columns) if len(self.data_columns) > 1 else None
        )
        self.data_width = max(self.data_columns, default=-1) + 1
        self.formatted: Mapping[str, str] = _NO_EXTRA
        self.format_columns: list[tuple[str, str]] = []
        self.extra_columns = extra_columns
        self.out = out
        #: The required text columns (a KPI's metric): a row whose are blank or a total label
        #: may be a total row.
        self.key_text_columns = [
            c
            for key, c in columns.items()
            if sheet.column(key).required and sheet.column(key).type is ColType.TEXT
        ] or [  # no required name (a budget line): every text or list column names the row
            c
            for key, c in columns.items()
            if sheet.column(key).type in (ColType.TEXT, ColType.CHOICE, ColType.OPEN_CHOICE)
        ]
        #: The required date and list columns: 合计 there is no value they can hold, so it
        #: marks a total row even beside a named one (合计 | 全渠道 | 销售额 | =SUM(...)); and
        #: the columns the sheet names as saying a total (:attr:`Sheet.total_columns`).
        self.label_columns = [
            c
            for key, c in columns.items()
            if (
                sheet.column(key).required
                and sheet.column(key).type in (ColType.DATE, ColType.CHOICE)
            )
            or key in sheet.total_columns
        ]
        #: The columns where a group's subtotal (KOL小计) marks a total row.
        self.subtotal_columns = {c for key, c in columns.items() if key in sheet.total_columns}
        #: The columns splitting a named row into parts (:attr:`Sheet.part_columns`), and the
        #: rows whose part says a total: row number -> (column, label), settled once every row
        #: is read (:meth:`part_totals`).
        self.part_columns = [
            (key, c, sheet.column(key).type is ColType.TEXT)
            for key, c in columns.items()
            if key in sheet.part_columns
        ]
        self.part_total_rows: dict[int, tuple[int, str]] = {}
        self.part_keys = frozenset(key for key, _, _ in self.part_columns)
        #: Per list column: raw cell value -> code, for values already seen in this sheet.
        self.seen: dict[str, dict[Any, str]] = {key: {} for key, *_ in self.plan}
        #: A list column's names, folded (影响, likelihood): a cell "影响：高" labels a row or
        #: column of a matrix drawn under the table with them.
        self.list_words = {
            fold(spelling): column
            for column in sheet.columns
            if column.choices is not None
            for spelling in column.spellings()
        }
        #: The row above was empty (a block may start here), and the block being passed over
        #: is a matrix (see :meth:`matrix`).
        self.after_gap = False
        self.in_matrix = False

    def use_formats(self, formatted: Mapping[str, str]) -> None:
        """Number formats by cell (``E5`` -> percent/ratio), for the number columns."""
        self.formatted = formatted
        self.format_columns = [
            (key, letter)
            for key, letter in self.letters.items()
            if formatted and isinstance(self.sheet.column(key).type, NumberType)
        ]

    def empty(self, row: list[Any]) -> bool:
        """Whether every cell people fill in this row is empty or blank."""
        width = len(row)
        if self.data_cells is not None and width >= self.data_width:
            cells = self.data_cells(row)
            if cells.count("") + cells.count(None) == len(cells):
                return True  # the common case below the data, in one C-level call
            # A filled row: its first filled cell ends the loop (no generator built per row).
            for v in cells:  # noqa: SIM110
                if v is not None and (v.__class__ is not str or v.strip()):
                    return False
            return True
        return all(c >= width or is_blank(row[c]) for c in self.data_columns)

    def total_row(self, row: list[Any], number: int) -> bool:
        """Whether the row sums the rows above (合计, 小计, Total): reported (S005), not read."""
        width = len(row)
        for c in self.key_text_columns:
            v = row[c] if c < width else ""
            if not is_blank(v) and not _total_label(v):
                return False  # the common case: one search of the metric's text
        for c, v in enumerate(row):
            if _total_label(v):
                self.out.add(
                    "S005", self.name, ref(number - 1, c), number, row=number, label=v.strip()
                )
                return True
        return False

    def named(self, row: list[Any]) -> bool:
        """Whether a row has a name (its key text), not blank and not a number."""
        width = len(row)
        for c in self.key_text_columns:
            v = row[c] if c < width else None
            if (
                v.__class__ is str
                and v.strip()
                and not (v.lstrip()[:1] in _NUMERIC_LEADS and _NUMBER_TEXT.match(v))
            ):
                return True
        return False

    def side_numbers(self, row: list[Any]) -> list[int] | None:
        """The columns of a row holding only one or two numbers and nothing else people fill
        (no name, no dimension): the shape of a side calculation typed in spare cells."""
        width = len(row)
        filled = [c for c in self.data_columns if c < width and not is_blank(row[c])]
        if not 1 <= len(filled) <= 2:
            return None
        return filled if all(_number_cell(row[c]) for c in filled) else None

    def side_calculations(self, grid: Grid, header: int, last: int) -> set[int]:
        """The rows of side calculations below the table (after a blank row, a block of rows
        holding only one or two numbers each: D20 5200, D21 20000), reported once
        (S005.side) rather than read as KPIs without a name. A row without a name among the
        named ones is a KPI whose name was forgotten, and is read (S003)."""
        rows = range(header + 1, last + 1)
        # Only the rows without a name are looked at (one comprehension over the names, as
        # most rows have one); a number in the name's cell is no name (5200 typed in B20).
        if len(self.key_text_columns) == 1:  # a KPI's metric: no call per row
            c = self.key_text_columns[0]
            unnamed = [
                r
                for r in rows
                if c >= len(row := grid[r])
                or (v := row[c]).__class__ is not str
                or not v
                or v.isspace()
                or (v[0] in _NUMERIC_LEADS_SPACE and _NUMBER_TEXT.match(v) is not None)
            ]
        else:
            unnamed = [r for r in rows if not self.named(grid[r])]
        if not unnamed:
            return set()
        #: row -> None when blank, its number cells when shaped as a side calculation, or []
        kind = {
            r: None if self.empty(grid[r]) else (self.side_numbers(grid[r]) or []) for r in unnamed
        }
        first_named = next((r for r in rows if r not in kind), last + 1)
        side: list[tuple[int, list[int]]] = []
        block: list[tuple[int, list[int]]] = []
        gathering = False  # the rows gathered came right after a blank row below the table
        prev = -1
        for r in unnamed:
            k = kind[r]
            next_to = r == prev + 1
            if k is None:  # a blank row ends a block that reached it
                if gathering and block and next_to:
                    side += block
                block, gathering = [], r > first_named
            elif k and gathering and next_to:
                block.append((r, k))
            else:
                block, gathering = [], False
            prev = r
        if gathering and block and prev == last:  # a block ending the sheet
            side += block
        if not side:
            return set()
        first = side[0][0]
        cells = tuple(ref(r, c) for r, filled in side for c in filled)
        self.out.add(
            "S005",
            self.name,
            cells[0],
            first + 1,
            "S005.side",
            row=first + 1,
            cells=cells[:10],
        )
        return {r for r, _ in side}

    def part_totals(self, records: list[Record]) -> list[Record]:
        """``records`` without the rows whose channel or dimension says a total (合计, Total)
        while their name has other rows with a channel, and whose figures are those rows'
        sums: reported (S005). A total word with no such rows, or one that says more than
        its parts (marked core, a figure of its own), is the whole campaign's row, and stays."""
        for key, c, text in self.part_columns:
            # A text part (the channel) is read as it is typed: its totals are looked for
            # here, once per distinct value (a list's, the dimension, when it fails to parse).
            if not text:
                continue
            distinct = {record.values.get(key) for record in records}
            totals = {v for v in distinct if v.__class__ is str and _part_total_label(v)}
            if totals:
                for record in records:
                    label = record.values.get(key)
                    if label in totals:
                        self.part_total_rows.setdefault(record.row, (c, label))
        if not self.part_total_rows:
            return records
        names = [
            key
            for key, _, column, _ in self.plan
            if column.required and column.type is ColType.TEXT
        ]
        split = [key for key, _, text in self.part_columns if text]  # the channel

        def name(record: Record) -> tuple[str, ...]:
            return tuple(fold(record.text(k)) for k in names)

        parts: dict[tuple[str, ...], list[Record]] = {}
        for record in records:
            if record.row not in self.part_total_rows and any(record.text(k) for k in split):
                parts.setdefault(name(record), []).append(record)
        kept = []
        for record in records:
            total = self.part_total_rows.get(record.row)
            if total is not None and name(record) in parts:
                if not _sums_its_parts(record, parts[name(record)]):
                    # It says more than its parts (marked core, figures of its own): the
                    # campaign's row of that metric, kept with no channel.
                    for key in split:
                        record.values.pop(key, None)  # type: ignore[attr-defined]
                    kept.append(record)
                    continue
                c, label = total
                self.out.add(
                    "S005",
                    self.name,
                    ref(record.row - 1, c),
                    record.row,
                    row=record.row,
                    label=label,
                )
                continue
            kept.append(record)
        return kept

    def repeated_header(self, row: list[Any], c: int, name: str) -> bool:
        """Whether the row repeats the header (copied above a second block of rows): its
        name cell and at least one other say their columns' headers."""
        said = self.header.get(c)
        if said is None or name.strip().casefold() != said:
            return False
        width = len(row)
        return (
            sum(
                1
                for cc, text in self.header.items()
                if cc < width and row[cc].__class__ is str and row[cc].strip().casefold() == text
            )
            >= 2
        )

    def heading(self, row_index: int, row: list[Any], named: bool) -> bool:
        """Whether the row only heads the rows below it (【线上渠道】, 二、用户指标, Online:):
        one text in a band merged across the row, or in a single cell: bracketed, numbered
        or ending in a colon, or (in a row with no name) a list column's value that is none
        of the list's. Reported (S005)."""
        width = len(row)
        if self.data_cells is not None and width >= self.data_width:
            cells = self.data_cells(row)
            if (
                cells.count("") + cells.count(None) < len(cells) - 1
                and len(set(cells) - _NOTHING) != 1
            ):
                return False  # the common case: a row of several values, in C
        filled = [c for c in self.data_columns if c < width and not is_blank(row[c])]
        if not filled or len({row[c] for c in filled}) != 1:
            return False
        c = filled[0]
        if row[c].__class__ is not str:
            return False
        text = row[c].strip()
        # Merged across the whole row: a band of one text is a heading. A lesson merged over
        # a few of its own columns is not.
        band = len(filled) > 1 and len(filled) == sum(1 for c in self.data_columns if c < width)
        # In a name's own cell only a whole bracketed text heads a group: a lesson typed as
        # "1. …" alone is a lesson.
        if not band and not (_BRACKETED_HEADING if named else _HEADING).match(text):
            column = next(column for _, cc, column, _ in self.plan if cc == c)
            if named or column.type is not ColType.CHOICE:
                return False
            try:
                parse_cell(column, text)
                return False
            except ValueError:
                pass
        number = row_index + 1
        self.out.add(
            "S005", self.name, ref(row_index, c), number, "S005.section", row=number, label=text
        )
        return True

    def list_label(self, value: Any) -> Column | None:
        """The list column a cell names with one of its values (影响：高, Likelihood: Low): the
        label of a matrix's row or column; None for any other cell."""
        if value.__class__ is not str or len(value) > 40:
            return None
        word, colon, said = value.replace("：", ":").partition(":")
        word = fold(word)
        if not colon or len(word) < 2 or not said.strip():
            return None
        column = self.list_words.get(word) or next(
            (c for w, c in self.list_words.items() if w.startswith(word)), None
        )
        if column is None:
            return None
        try:
            parse_cell(column, said.strip())
        except ValueError:
            return None
        return column

    def matrix(self, row_index: int, row: list[Any]) -> bool:
        """Whether a block below an empty row is a matrix drawn under the table (风险矩阵 |
        影响：低 | 影响：中 | 影响：高, then 可能性：高 | ... rows): its first row labels two or
        more columns with a list column's name and value, standing under other columns than
        the one they name (a row whose 影响程度 cell says 影响：高 is a row, written wordily).
        Reported once (S005), not read."""
        own = {c: column for _, c, column, _ in self.plan}
        labels = [
            c
            for c, v in enumerate(row)
            if (named := self.list_label(v)) is not None and own.get(c) is not named
        ]
        if len(labels) < 2:
            return False
        c = next(c for c, v in enumerate(row) if not is_blank(v))
        number = row_index + 1
        self.out.add(
            "S005", self.name, ref(row_index, c), number, "S005.matrix", row=number,
            label=cell_text(row[c]).strip(), cell=cell_text(row[labels[0]]).strip(),
        )  # fmt: skip
        return True

    def record(self, row_index: int, row: list[Any]) -> Record | None:
        if self.empty(row):
            self.after_gap, self.in_matrix = True, False
            return None
        if self.after_gap:
            self.after_gap = False
            self.in_matrix = self.matrix(row_index, row)
        if self.in_matrix:
            return None
        for c in self.key_text_columns:  # a named row (the common case) is no total row
            name: Any = row[c] if c < len(row) else ""
            if name.__class__ is str and name.strip() and not _total_label(name):
                if name == self.header_raw.get(c) and self.repeated_header(row, c, name):
                    number = row_index + 1
                    self.out.add(
                        "S005", self.name, ref(row_index, c), number, "S005.header", row=number
                    )
                    return None
                if (
                    name.lstrip()[:1] in _OPENING
                    or (
                        self.data_cells is not None
                        and len(row) >= self.data_width
                        and self.data_cells(row).count(name) > 1
                    )
                ) and self.heading(row_index, row, named=True):
                    return None
                break
        else:
            if self.key_text_columns and self.total_row(row, row_index + 1):
                return None
            if self.heading(row_index, row, named=False):
                return None
        for c in self.label_columns:
            if c < len(row) and (
                _total_label(row[c]) or (c in self.subtotal_columns and _subtotal_label(row[c]))
            ):
                number = row_index + 1
                self.out.add(
                    "S005", self.name, ref(row_index, c), number, row=number, label=row[c].strip()
                )
                return None
        width = len(row)
        number = row_index + 1
        formats = _NO_EXTRA
        if self.format_columns:
            formats = {
                k: form
                for k, letter in self.format_columns
                if (form := self.formatted.get(f"{letter}{number}")) is not None
            }
        raw: dict[str, Any] = {}
        values: dict[str, Any] = {}
        unsaved: list[tuple[str, Column, Any]] | None = None  # derivable formulas, no result
        for key, c, column, quick in self.plan:
            v: Any = row[c] if c < width else ""
            raw[key] = v
            cls = v.__class__
            if cls is str:
                if quick is _TEXT:
                    text = v.strip()
                    if text:
                        values[key] = text
                    continue
                if not v.strip():
                    continue
            elif v is None:
                continue
            elif quick is _NUMBER:
                if (cls is float or cls is int) and key not in formats and math.isfinite(v):
                    values[key] = Quantity(float(v))
                    continue
            elif quick is _DATE and (cls is dt.date or cls is dt.datetime):
                day = v if cls is dt.date else v.date()  # as parse_date gives them
                if FIRST_DATE <= day <= LAST_DATE:  # else parse_date reports it (8.10 -> 1900)
                    values[key] = day
                    continue
            if quick is _CHOICE and (cls is str or cls is float):
                seen = self.seen[key]
                code = seen.get(v)
                if code is not None:
                    values[key] = code
                    continue
            kind = column.type
            if cls is CellError:
                if not v.code and column.derived_from:  # decided once the row is read
                    unsaved = [*(unsaved or ()), (key, column, v)]
                elif kind is not ColType.FORMULA:  # the template's own results are recomputed
                    _formula_error(
                        self.out, self.name, column, v, f"{self.letters[key]}{number}", number
                    )
                continue
            try:
                values[key] = parsed = parse_cell(column, v, formats.get(key))
            except ValueError as exc:
                if key in self.part_keys and cls is str and _part_total_label(v.strip()):
                    # 合计 is no dimension but a total (settled in part_totals): no V003
                    self.part_total_rows[number] = (c, v.strip())
                    continue
                cell = f"{self.letters[key]}{number}"
                _unparsable(self.out, self.name, column, v, cell, number, exc)
                continue
            if (parsed.__class__ is dt.date and parsed.year == NO_YEAR) or (
                kind is ColType.DATE_SPAN and NO_YEAR in (parsed[0].year, parsed[1].year)
            ):
                self.out.yearless = True
            if kind is ColType.CHOICE and (cls is str or cls is float):
                self.seen[key][v] = parsed
        if unsaved is not None:
            # No result saved, but what it is worked out from is read (a task's days from its
            # start and end): the method derives it, so it is no V007.
            for key, column, v in unsaved:
                if not all(k in values for k in column.derived_from):
                    ref_ = f"{self.letters[key]}{number}"
                    _formula_error(self.out, self.name, column, v, ref_, number)
        if self.scales:
            scale_by_header(values, self.scales)
        extra = (
            {label: row[c] for c, label in self.extra_columns.items() if c < width}
            if self.extra_columns
            else _NO_EXTRA
        )
        return Record(self.name, number, raw, values, self.letters, extra, formats)


def _sums_its_parts(total: Record, parts: Sequence[Record]) -> bool:
    """Whether a total row adds nothing to its part rows: not marked core, and each figure it
    has is the sum of theirs (to half a percent), every part having that figure."""
    if total.values.get("core") == "yes":
        return False
    for key in ("target", "actual"):
        figure = total.values.get(key)
        if figure is None:
            continue
        shares = [p.values.get(key) for p in parts]
        if not isinstance(figure, Quantity) or not all(isinstance(q, Quantity) for q in shares):
            return False
        added = sum(q.value for q in shares if isinstance(q, Quantity))
        if abs(added - figure.value) > 0.005 * max(abs(figure.value), 1e-9):
            return False
    return True


def _read_table(
    source: CellSource,
    package: Package,
    sheet: Sheet,
    name: str,
    out: _Collector,
    grid: Grid,
    sheet_set: SheetSet,
) -> tuple[SheetMatch, tuple[Record, ...]]:
    found = _find_header(grid, sheet, sheet_set)
    if found is None:
        for column in sheet.columns:
            if column.required:
                out.add("S002", name, None, None, sheet=name, column=column)
        return SheetMatch(sheet.key, name), ()
    header, columns = found
    for column in sheet.columns:
        if column.required and column.key not in columns and column.named_by not in columns:
            out.add("S002", name, ref(header, 0), header + 1, sheet=name, column=column)
    header_row = grid[header]
    extra_columns = {
        c: cell_text(v)
        for c, v in enumerate(header_row)
        if c not in columns.values() and not is_blank(v)
    }
    part = package.sheet_parts.get(name) if not isinstance(package, OtherPackage) else None
    if part is not None:
        typed = [
            column_letter(c)
            for k, c in columns.items()
            if sheet.column(k).type is not ColType.FORMULA
        ]
        xml = package.sheet_xml(part)
        mark_uncalculated(grid, xml, typed, header + 2, package.recalculate_on_open)
    format_cols = [column_letter(c) for k, c in columns.items() if sheet.column(k).formats]
    labels = {k: cell_text(header_row[c]) for k, c in columns.items()}
    scales = header_scales(sheet, labels)
    units = header_units(labels, scales)
    parser = _RowParser(sheet, name, columns, extra_columns, out, scales, header_row)
    # The last filled row bounds the scan for number formats: a template formats hundreds of
    # rows below the few a team fills.
    # A LibreOffice re-save caches an empty result for every template formula, so a template
    # reaches its last formatted row: rows wholly empty are skipped in one C-level comparison each.
    last = header
    blank: list[Any] = []
    for r in range(len(grid) - 1, header, -1):
        row = grid[r]
        if len(row) != len(blank):
            blank = [""] * len(row)
        if row != blank and not parser.empty(row):
            last = r
            break
    if format_cols and last > header:
        formatted = package.formatted_cells(name, format_cols, through_row=last + 1)
        if not formatted and (forms := source.number_forms(name)):
            wanted = set(format_cols)
            formatted = {
                f"{letter}{r + 1}": form
                for (r, c), form in forms.items()
                if (letter := column_letter(c)) in wanted
            }
        parser.use_formats(formatted)
    side = parser.side_calculations(grid, header, last)
    records = [
        record
        for r in range(header + 1, last + 1)
        if (not side or r not in side) and (record := parser.record(r, grid[r])) is not None
    ]
    records = parser.part_totals(records)
    if records and (merges := source.merged(name)):
        _merged_figures(merges, sheet, name, columns, grid, records, out)
    return SheetMatch(sheet.key, name, header + 1, columns, units), tuple(records)


def _merged_figures(
    merges: Sequence[tuple[int, int, int, int]],
    sheet: Sheet,
    name: str,
    columns: Mapping[str, int],
    grid: Grid,
    records: Sequence[Record],
    out: _Collector,
) -> None:
    """A figure merged down over rows read as data (700万 in D3:D4, beside 抖音 and 小红书)
    belongs to each of them, as any merged cell does; said once (V009), because it is often
    the rows' shared figure, which each row then counts in full."""
    figures = {
        c: column
        for key, c in columns.items()
        if isinstance((column := sheet.column(key)).type, NumberType)
    }
    if not figures:
        return
    read = sorted(record.row for record in records)  # 1-based, as the records number them
    for r0, c0, r1, c1 in merges:
        if r1 <= r0 or r0 >= len(grid) or c0 >= len(grid[r0]) or is_blank(grid[r0][c0]):
            continue
        # The merged value is its first cell's: a figure when that cell is a number column's
        # (a merge from a name across to the target holds the name). A merge may claim every
        # row of the sheet (T2:T1048576): the rows read within it are counted by bisection.
        figure = figures.get(c0)
        if figure is None:
            continue
        rows = bisect.bisect_right(read, r1 + 1) - bisect.bisect_left(read, r0 + 1)
        if rows < 2:
            continue
        first = f"{column_letter(c0)}{r0 + 1}"
        out.add(
            "V009", name, first, r0 + 1, column=figure, value=cell_text(grid[r0][c0]).strip(),
            rows=rows, cells=f"{first}:{column_letter(c1)}{r1 + 1}",
        )  # fmt: skip


def header_scales(sheet: Sheet, labels: Mapping[str, str]) -> dict[str, float]:
    """Number column key -> the multiplier its header's unit gives (计划金额（万元）: 10,000;
    工期（周）: 7), for the headers that carry one; a sheet's ``shared_unit`` columns whose
    header names none take the first one's (实际花费 beside 计划金额（万元）: 10,000)."""
    out: dict[str, float] = {}
    for key, label in labels.items():
        kind = sheet.column(key).type
        if isinstance(kind, NumberType):
            scale = kind.header_scale(label)
            if scale != 1:
                out[key] = scale
    if sheet.shared_unit:
        from retrokit.method.units import bracketed_units, split_unit

        first, *others = sheet.shared_unit
        for key in others:  # a header naming any unit of its own (实际花费(元)) keeps it
            if first not in out or key not in labels or key in out:
                continue
            if not any(split_unit(u) is not None for u in bracketed_units(labels[key])):
                out[key] = out[first]
    return out


def header_units(labels: Mapping[str, str], scales: Mapping[str, float]) -> dict[str, str]:
    """Column key -> the unit in its header that gives its ``scales`` multiplier (计划金额（万元）:
    万元; Budget (£K): £K); a column's own scale (工期（周）: 7) names none."""
    from retrokit.method.units import header_unit, multiplier

    out: dict[str, str] = {}
    for key in scales:
        unit = header_unit(labels[key])
        if unit is not None and multiplier(unit) == scales[key]:
            out[key] = unit
    return out


def scale_by_header(values: dict[str, Any], scales: Mapping[str, float]) -> None:
    """Plain numbers under a header with a unit's multiplier (24 under 计划金额（万元）) scaled
    by it, in place; a number typed with its own multiplier, unit or currency (24万, 240000元,
    ¥240,000, NT$1,200,000: an amount with a currency of at least the multiplier) is taken as
    written, and a percentage or ratio has no scale."""
    for key, scale in scales.items():
        q = values.get(key)
        if (
            q.__class__ is Quantity
            and q.form == "plain"
            and q.scale == 1
            and not q.unit
            and not written_in_full(q, scale)
        ):
            value = float(Decimal(repr(q.value)) * Decimal(repr(scale)))
            values[key] = Quantity(value, "plain", q.direction, "", scale, q.currency)


def _parse_values(
    sheet: Sheet,
    name: str,
    raw: Mapping[str, Any],
    ref_of: Callable[[str], str],
    row_of: Callable[[str], int],
    formats: Mapping[str, str],
    out: _Collector,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in sheet.columns:
        key = column.key
        value = raw.get(key)
        if value is None or value == "" or (isinstance(value, str) and not value.strip()):
            continue
        if value.__class__ is CellError:
            _formula_error(out, name, column, value, ref_of(key), row_of(key))
            continue
        try:
            values[key] = parsed = parse_cell(column, value, formats.get(key))
        except ValueError as exc:
            _unparsable(out, name, column, value, ref_of(key), row_of(key), exc)
            continue
        if parsed.__class__ is dt.date and parsed.year == NO_YEAR:
            out.yearless = True
    return values


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


#: The longest campaign over the new year whose yearless start takes the year before its end's.
_NEW_YEAR_SPAN = 92


def _give_years(
    sheet_set: SheetSet, tables: Mapping[str, tuple[Record, ...]], out: _Collector
) -> None:
    """Dates written without a year (7月15日, 8/10) take the campaign's, as an office program
    gives them the current one: the year of the start date on the set's field/value sheet
    (:func:`~retrokit.workbook.values.with_campaign_year`). Without one it is V002, saying the
    year is missing. A yearless range whose end comes before its start in that year
    (7月1日-6月1日) is V002 too, unless the campaign runs into the next year (12月25日-1月10日)."""
    fields = next((s for s in sheet_set.sheets if s.kind == "fields"), None)
    info = tables[fields.key][0].values if fields is not None and tables.get(fields.key) else {}
    start, end = info.get("start"), info.get("end")
    if (
        isinstance(start, dt.date)
        and start.year == NO_YEAR
        and isinstance(end, dt.date)
        and end.year != NO_YEAR
    ):
        # 6月1日 to 2024年6月20日: the start takes its end's year, or the year before for a
        # campaign over the new year (12月25日 to 2025年1月10日); a start that would then lie
        # months before its end (10月20日 to 2024年7月15日) is no reading: V002 asks for it.
        with contextlib.suppress(ValueError):  # 2月29日 in a year without one
            dated = start.replace(year=end.year)
            if dated > end:
                dated = dated.replace(year=end.year - 1)
            if dated.year == end.year or (end - dated).days <= _NEW_YEAR_SPAN:
                assert isinstance(info, dict)  # built as one by this reader
                info["start"] = start = dated
    # A start date given without its year (7月1日) gives none to the others: they say so.
    start_cell = tables[fields.key][0] if fields is not None and tables.get(fields.key) else None
    yearless_start = isinstance(start, dt.date) and start.year == NO_YEAR
    start = start if isinstance(start, dt.date) and start.year != NO_YEAR else None
    new_year = start is not None and isinstance(end, dt.date) and end.year > start.year
    for sheet in sheet_set.sheets:
        for record in tables.get(sheet.key, ()):
            values = record.values
            assert isinstance(values, dict)  # built as one by this reader
            for key, value in list(values.items()):
                if value.__class__ is tuple and sheet.column(key).type is ColType.DATE_SPAN:
                    try:
                        problem = _yearless_span(value, start, new_year)
                    except ValueError:  # 2024-02-01 - 2月29日
                        problem = ""
                    if problem is None:
                        values[key] = _dated_span(value, start, new_year)
                        continue
                elif value.__class__ is not dt.date or value.year != NO_YEAR:
                    continue
                else:
                    try:
                        values[key] = with_campaign_year(value, start)
                        continue
                    except ValueError:
                        problem = "V002.no_year" if start is None else ""
                        if sheet is fields and key in ("start", "end") and start is None:
                            problem = "V002.start_no_year"  # where the year itself comes from
                del values[key]
                cell = record.ref(key) or ""
                row = record.row if record.cells is None else int(cell.lstrip(_LETTERS))
                args: dict[str, Any] = {"sheet": fields} if fields is not None else {}
                if problem == "V002.no_year" and yearless_start and start_cell is not None:
                    problem = "V002.no_year_start"  # the start is there, without its year
                    args |= {"start": cell_text(start_cell.raw.get("start")).strip()}
                    args |= {"start_cell": start_cell.ref("start") or ""}
                reason = CellValueError("V002", problem, **args) if problem else None
                _unparsable(
                    out, record.sheet, sheet.column(key), record.raw.get(key), cell, row, reason
                )


def _yearless_span(
    span: tuple[dt.date, dt.date], start: dt.date | None, new_year: bool
) -> str | None:
    """The message key of a deadline range that cannot be dated, or None: a range without
    any year and no campaign year, or one whose end comes before its start in the same year
    in a campaign that does not run into the next (7月1日-6月1日, 2024-07-01 至 6月1日).
    ValueError for 2月29日 in a common year."""
    first, last = span
    if NO_YEAR not in (first.year, last.year):
        return None
    if first.year == NO_YEAR:
        if start is None:
            return "V002.no_year"
        first = with_campaign_year(first, start)
    if last.year == NO_YEAR:
        last = last.replace(year=first.year)
    if last < first and not new_year and start is not None:
        return "V002.reversed"
    return None


def _dated_span(
    span: tuple[dt.date, dt.date], start: dt.date | None, new_year: bool
) -> tuple[dt.date, dt.date]:
    """A deadline range in its years: a yearless start in the campaign's, a yearless end in
    the start's, or the next when it would come first (checked by :func:`_yearless_span`)."""
    first, last = span
    if first.year == NO_YEAR:
        first = with_campaign_year(first, start)
    if last.year == NO_YEAR:
        last = last.replace(year=first.year)
        if last < first:
            last = last.replace(year=first.year + 1)
    return (first, last)


#: Error value -> the catalogue key saying what causes it.
_ERROR_CAUSES = {
    "#DIV/0!": "cell_error.div0",
    "#N/A": "cell_error.na",
    "#VALUE!": "cell_error.value",
    "#REF!": "cell_error.ref",
    "#NAME?": "cell_error.name",
    "#NUM!": "cell_error.num",
    "#NULL!": "cell_error.null",
}


def _formula_error(
    out: _Collector, name: str, column: Column, value: CellError, cell: str, row: int
) -> None:
    """V007 for a cell whose formula gives an error value, or has no saved result."""
    if not value.code:
        out.add("V007", name, cell, row, "V007.uncalculated", column=column)
        return
    cause = ("i18n", _ERROR_CAUSES.get(value.code.upper(), "cell_error.other"))
    out.add("V007", name, cell, row, column=column, error=value.code, cause=cause)


def _unparsable(
    out: _Collector,
    name: str,
    column: Column,
    value: Any,
    cell: str,
    row: int,
    reason: ValueError | None = None,
) -> None:
    """V001/V002/V003 for a cell that does not parse by its column's type; the finding and
    message that ``reason`` names when it says why (a negative amount, a year out of range)."""
    args: dict[str, Any] = {"column": column, "value": cell_text(value)}
    if column.choices is not None:
        args["choices"] = tuple(column.choices.choices)
    if isinstance(reason, CellValueError):
        out.add(reason.code, name, cell, row, reason.key, **args, **reason.message_args)
        return
    out.add(column.type.bad_cell or "V001", name, cell, row, **args)


#: What a team appends to a sheet's name when it keeps versions: -终版, _v2, 2, (final) aside
#: (brackets are dropped when names are folded), 2024, Q3, copy, 备份.
_VERSION_SUFFIX = re.compile(
    r"(?:[\s\-_·.~#]*(?:v?\d+(?:\.\d+)*|q[1-4]|最终版|最终|终版|定稿|正式版|正式|修订版|修订|修改版|"
    r"修改|更新版|更新|草稿|副本|备份|新|旧|final|copy|backup|draft|new|old|updated|latest|rev))+"
)


def _leftover_grid(grids: Callable[[str], Grid], name: str) -> Grid | None:
    """The cells of a sheet not named as ours, or None when the library cannot read it: an
    .xlsb's chart sheet holds no cells, and is no reason to refuse the workbook."""
    try:
        return grids(name)
    except UnreadableWorkbook:
        raise  # a limit: a sheet too big to hold is refused, whoever's it is
    except _library_errors():
        return None


def _required_count(sheet: Sheet) -> int:
    return sum(1 for c in sheet.columns if c.required)


_FINAL_WORDS = ("最终", "终版", "定稿", "正式", "final", "latest", "updated", "更新", "新", "new")
_DRAFT_WORDS = ("草稿", "draft", "旧", "old", "备份", "backup", "副本", "copy")


def _version_rank(name: str) -> tuple[int, tuple[int, ...]]:
    """How late a version's name says it is: a final or new one, then a numbered one by its
    numbers compared one by one (v1.10 after v1.9), a draft, an old copy or a backup last."""
    loose = fold_loose(name)
    numbers = tuple(int(n) for n in re.findall(r"\d+", loose))
    if any(w in loose for w in _DRAFT_WORDS) or "前" in loose:  # 更新前: before the update
        return 0, numbers
    if any(w in loose for w in _FINAL_WORDS):
        return 2, numbers
    return 1, numbers


def _versioned(name: str, sheet: Sheet) -> bool:
    """Whether ``name`` is one of ``sheet``'s spellings with a version's suffix."""
    loose = fold_loose(name)
    for spelling in sheet.spellings():
        base = fold_loose(spelling)
        if base and loose.startswith(base) and _VERSION_SUFFIX.fullmatch(loose[len(base) :]):
            return True
    return False


def _field_keys(grid: Grid, sheet: Sheet, sheet_set: SheetSet) -> set[str]:
    """The fields of ``sheet`` given as label/value pairs in the first rows and columns of
    ``grid``: a label with a value beside it that is no label. A table's header row (负责人 |
    开始时间 | 结束时间) names fields side by side, with no values: it gives none."""
    index = _indexes(sheet_set).columns[sheet.key]
    found = set()
    for row in grid[:_FIELD_SEARCH_ROWS]:
        cells = row[: INFO_SEARCH_COLUMNS + 1]
        for c, value in enumerate(cells[:-1]):
            if value.__class__ is not str or (key := index.get(fold(value))) is None:
                continue
            beside = cells[c + 1]
            if not is_blank(beside) and (
                beside.__class__ is not str or index.get(fold(beside)) is None
            ):
                found.add(key)
            break
    return found


#: How far down a field/value sheet is searched for its fields when it is not named as ours.
_FIELD_SEARCH_ROWS = 60


def _read_fields(
    sheet: Sheet,
    sheet_set: SheetSet,
    name: str,
    grid: Grid,
    out: _Collector,
    package: Package | OtherPackage | None = None,
) -> tuple[SheetMatch, Record, list[str]]:
    """Field/value pairs wherever they stand in the first columns of the sheet; a number
    cell's format is read as a table's is (a budget of 3,000,000 shown "NT$"#,##0 is NT$)."""
    index = _indexes(sheet_set).columns[sheet.key]
    raw: dict[str, Any] = {}
    refs: dict[str, str] = {}
    rows: dict[str, int] = {}
    labels: list[str] = []
    label_of: dict[str, str] = {}
    period: tuple[Any, str, int, str] | None = None
    for r, row in enumerate(grid):
        for c, value in enumerate(row[:INFO_SEARCH_COLUMNS]):
            if not isinstance(value, str) or not value.strip():
                continue
            key = index.get(fold(value))
            if key is None and period is None and fold(value) in _PERIOD_LABELS:
                key = "period"
            if key is None or key in raw:
                continue
            # The value is the next filled cell to the right (or the one beside when blank).
            target = c + 1
            for cc in range(c + 1, min(len(row), c + 4)):
                if not is_blank(row[cc]):
                    target = cc
                    break
            cell = row[target] if target < len(row) else ""
            if key == "period":
                period = (cell, ref(r, target), r + 1, value.strip())
                labels.append(value)
                break
            raw[key] = cell
            refs[key] = ref(r, target)
            rows[key] = r + 1
            labels.append(value)
            label_of[key] = value
            break
    unread: dict[str, Any] = {}
    filled: list[str] = []
    if period is not None:
        filled, reason = _dates_of_period(sheet, period, raw, refs, rows)
        if filled and reason is not None:  # said once, at the period's cell, as typed
            unread = {key: raw.pop(key) for key in filled}
            _unparsable(out, name, sheet.column(filled[0]), period[0], period[1], period[2], reason)
    formats = _field_formats(sheet, name, raw, refs, package)
    values = _parse_values(sheet, name, raw, refs.__getitem__, rows.__getitem__, formats, out)
    if period is not None and not unread:
        _period_against_dates(out, name, sheet, period, values, refs, filled)
    raw.update(unread)
    scales = header_scales(sheet, label_of)
    if scales:
        scale_by_header(values, scales)
    record = Record(name, 1, raw, values, cells=refs)
    return SheetMatch(sheet.key, name, units=header_units(label_of, scales)), record, labels


def _field_formats(
    sheet: Sheet,
    name: str,
    raw: Mapping[str, Any],
    refs: Mapping[str, str],
    package: Package | OtherPackage | None,
) -> dict[str, str]:
    """The number formats (percent, ratio, a currency) of a field sheet's number cells that
    hold a number, by key: one scan of the small sheet, only when there is such a cell."""
    numbers = {
        key: refs[key]
        for key, value in raw.items()
        if isinstance(value, int | float)
        and not isinstance(value, bool)
        and isinstance(sheet.column(key).type, NumberType)
    }
    if package is None or not numbers:
        return {}
    letters = sorted({ref.rstrip("0123456789") for ref in numbers.values()})
    formatted = package.formatted_cells(name, letters)
    return {key: formatted[ref] for key, ref in numbers.items() if ref in formatted}


#: A field giving the campaign's dates in one cell (活动时间: 2024-07-01 至 2024-07-15), read
#: as the start and end dates where those are not given on their own.
_PERIOD_LABELS = frozenset(
    fold(label)
    for label in (
        "活动时间", "活动周期", "活动日期", "起止日期", "起止时间", "活动期间", "项目周期",
        "项目时间", "执行周期", "起讫日期", "专案周期", "活动起止", "Period", "Dates",
        "Campaign period", "Campaign dates",
        "Duration dates",
    )
)  # fmt: skip


def _dates_of_period(
    sheet: Sheet,
    period: tuple[Any, str, int, str],
    raw: dict[str, Any],
    refs: dict[str, str],
    rows: dict[str, int],
) -> tuple[list[str], ValueError | None]:
    """Start and end from a period typed in one cell, for those not given (or left blank) on
    their own; a part without a year takes the other part's (Jul 1 - Jul 15, 2024). Returns
    the keys it filled, and why the period does not read as a range when it does not (the
    keys then hold the period as typed, for V002 to quote once)."""
    keys = {c.key for c in sheet.columns}
    wanted: list[str] = [k for k in ("start", "end") if k in keys and is_blank(raw.get(k))]
    if not wanted:
        return [], None
    cell, at, row, label = period
    reason: ValueError | None = None
    given = next(
        (raw[k] for k in ("start", "end") if k not in wanted and isinstance(raw.get(k), dt.date)),
        None,
    )
    try:
        first, last = _period_range(sheet, cell, label, given)
    except ValueError as exc:
        reason = exc
    for key in wanted:
        if reason is None:
            raw[key] = first if key == "start" else last
        else:
            raw[key] = cell
        refs[key], rows[key] = at, row
    return wanted, reason


def _period_range(
    sheet: Sheet, cell: Any, label: str, given: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The first and last day of a period typed in one cell; a part without a year takes the
    other part's, or ``given``'s when neither has one. CellValueError (V002) says why not."""
    try:
        first, last = _period_days(cell_text(cell)) or ColType.DATE_SPAN.parse(
            cell, sheet.column("start")
        )
        if first.year == NO_YEAR and last.year != NO_YEAR:
            first = _in_year(first, last.year)
        elif last.year == NO_YEAR and first.year != NO_YEAR:
            last = _in_year(last, first.year)
        elif given is not None and NO_YEAR == first.year == last.year:
            first, last = _in_year(first, given.year), _in_year(last, given.year)
        if NO_YEAR in (first.year, last.year):
            raise ValueError("no year")
        if last < first:
            raise CellValueError(
                "V002", "V002.order", start=first.isoformat(), end=last.isoformat()
            )
    except CellValueError:
        raise
    except ValueError:
        raise CellValueError("V002", "V002.period", label=label) from None
    return first, last


def _period_against_dates(
    out: _Collector,
    name: str,
    sheet: Sheet,
    period: tuple[Any, str, int, str],
    values: dict[str, Any],
    refs: dict[str, str],
    filled: list[str],
) -> None:
    """V002.span at the period's cell when the period and a start or end date given in its own
    cell disagree: the own cell is read (it is the template's), so the period would otherwise
    be dropped without a word. A period that does not read as a range is left alone here."""
    own = [k for k in ("start", "end") if k not in filled and isinstance(values.get(k), dt.date)]
    if not own:
        return
    cell, at, row, label = period
    try:
        first, last = _period_range(sheet, cell, label, values[own[0]])
    except ValueError:
        return
    read = {"start": first, "end": last}
    if all(values[k] == read[k] for k in own):
        return
    dates: dict[str, Any] = {}
    for k in own:
        dates |= {f"{k}_column": sheet.column(k), f"{k}_cell": refs[k], k: values[k].isoformat()}
    key = "V002.span" if len(own) == 2 else f"V002.span_{own[0]}"
    out.add("V002", name, at, row, key, label=label, value=cell_text(cell).strip(), **dates)


#: A period whose end gives only its day (2024年7月1日至15日, 7月1日-15日，2024年, July 1-15,
#: 2024): the end is in the start's month.
_PERIOD_ZH = re.compile(
    r"^(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*[-~～至到—–]\s*"
    r"(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*[日号]?\s*(?:[,，、\s]*(\d{4})\s*年?)?$"
)
_PERIOD_EN = re.compile(
    r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*[-–~]\s*(?:([A-Za-z]{3,9})\.?\s+)?(\d{1,2}),?"
    r"(?:\s+(\d{4}))?$"
)


def _period_days(text: str) -> tuple[dt.date, dt.date] | None:
    """The two days of a period written with its end's month or year left out; None for any
    other writing (the date-range reader takes it)."""
    from retrokit.workbook.values import _english_month

    text = unicodedata.normalize("NFKC", text).strip()
    try:
        m = _PERIOD_ZH.match(text)
        if m:
            year = int(m.group(1) or m.group(6) or NO_YEAR)
            month = int(m.group(2))
            return (
                dt.date(year, month, int(m.group(3))),
                dt.date(year, int(m.group(4) or month), int(m.group(5))),
            )
        m = _PERIOD_EN.match(text)
        if m:
            first = _english_month(m.group(1).casefold())
            second = _english_month(m.group(3).casefold()) if m.group(3) else first
            if first is None or second is None:
                return None
            year = int(m.group(5) or NO_YEAR)
            return dt.date(year, first, int(m.group(2))), dt.date(year, second, int(m.group(4)))
    except ValueError:
        return None
    return None


def _in_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 2月29日 in a common year
        return day


def _match_sheets(
    names: list[str],
    grids: Callable[[str], Grid],
    sheet_set: SheetSet,
    out: _Collector,
    small: Callable[[str], bool] = lambda name: True,
) -> dict[str, str]:
    """Schema sheet key -> workbook sheet name: by name first, then by headers.

    A copy or a backup (``KPI评估 (2)``, ``KPI评估（备份）``, ``KPI Evaluation (old)``) names
    the same sheet once its brackets are dropped: the name as spelt wins over a decorated one,
    then the first, and every other candidate is reported (S004), never silently dropped.
    """
    matched: dict[str, str] = {}
    indexes = _indexes(sheet_set)
    candidates: dict[str, list[str]] = {}
    for name in names:
        key = indexes.sheets.get(fold(name))
        if key:
            candidates.setdefault(key, []).append(name)
    for key, same in candidates.items():
        chosen = min(same, key=lambda n: fold_loose(n) not in indexes.exact_sheets)
        matched[key] = chosen
        for other in same:
            if other != chosen:
                out.add(
                    "S004", other, None, None, sheet=sheet_set.sheet(key), used=chosen, other=other
                )
    leftovers = [n for n in names if n not in matched.values() and n != META_SHEET]
    for sheet in sheet_set.sheets:  # a version's suffix: 经验沉淀-终版, Lessons_v2, KPI评估2
        versions = [n for n in leftovers if _versioned(n, sheet)]
        if not versions:
            continue
        if sheet.key not in matched:  # the latest: a final before a draft, v3 before v2
            matched[sheet.key] = max(versions, key=lambda n: (_version_rank(n), names.index(n)))
        for other in versions:
            leftovers.remove(other)
            if other != matched[sheet.key]:
                used = matched[sheet.key]
                out.add("S004", other, None, None, sheet=sheet, used=used, other=other)
    for sheet in sheet_set.sheets:
        if sheet.key in matched:
            continue
        best: tuple[int, str] | None = None
        for name in leftovers:
            if sheet.kind != "table" and not small(name):
                continue  # a field/value sheet is a few rows: not a sheet of raw data
            grid = _leftover_grid(grids, name)
            if grid is None:
                continue
            if sheet.kind == "table":
                found = _find_header(grid, sheet, sheet_set)
                keys: Iterable[str] = found[1] if found else ()
            else:  # an overview under another name (基本信息 for a plan's 活动概况)
                keys = _field_keys(grid, sheet, sheet_set)
            keys = set(keys)
            required = sum(1 for k in keys if sheet.column(k).required)
            # Two required columns, or a sheet's only one and another (经验沉淀 has one).
            if (required >= 2 or (required == 1 == _required_count(sheet) and len(keys) >= 3)) and (
                best is None or required > best[0]
            ):
                best = (required, name)
        if best:
            matched[sheet.key] = best[1]
            leftovers.remove(best[1])
    return matched


def read_workbook(
    path: str | Path,
    *,
    limits: Limits | None = None,
    reader: str = "calamine",
    sheet_set: SheetSet | None = REVIEW,
) -> Workbook:
    """Read a workbook of ``sheet_set``'s kind (the retrospective unless told; None: the kind
    its sheet names match best), or raise :class:`UnreadableWorkbook` naming the reason."""
    path = Path(path)
    package = open_package(path, limits or Limits())
    errors = _library_errors()
    try:
        source = SOURCES[reader](package)
        names = source.sheet_names
        if not names:
            raise UnreadableWorkbook(path, "reason.no_sheets")
        companion: SheetSet | None = None
        if sheet_set is None:
            from retrokit.workbook.kinds import detect_combined, detect_sheet_set

            companion = detect_combined(names)
            sheet_set = REVIEW if companion is not None else detect_sheet_set(names)
        cache: dict[str, Grid] = {}

        def grid(name: str) -> Grid:
            if name not in cache:
                package.check_sheet(name)
                g = source.grid(name)
                if isinstance(package, OtherPackage):
                    package.check_grid(name, len(g), max(map(len, g), default=0))
                else:
                    package.count_cells(sum(map(len, g)))
                merges = source.merged(name)
                if not isinstance(package, OtherPackage):
                    package.check_merges(name, _merged_area(g, merges))
                _apply_merges(g, merges)
                cache[name] = g
            return cache[name]

        if companion is not None:
            book = _read_combined(path, package, source, names, grid, sheet_set, companion)
        else:
            book = _read(path, package, source, names, grid, sheet_set)
        return replace(book, sheet_names=tuple(names))
    except UnreadableWorkbook:
        raise
    except errors as exc:
        raise UnreadableWorkbook(path, "reason.corrupt", detail=describe(exc)) from None
    finally:
        package.release()


def _read_combined(
    path: Path,
    package: Package,
    source: CellSource,
    names: list[str],
    grid: Callable[[str], Grid],
    sheet_set: SheetSet,
    companion: SheetSet,
) -> Workbook:
    """A retrospective with the plan's sheets beside its own: each set read from the sheets the
    other does not name, the plan as the review's companion. The team keeps the plan sheets it
    uses, so a plan sheet left out is not reported missing (no S001 for the companion)."""

    from retrokit.workbook.kinds import names_for

    main = _read(path, package, source, names_for(sheet_set, names), grid, sheet_set)
    plan = _read(path, package, source, names_for(companion, names), grid, companion)
    plan = replace(plan, findings=tuple(f for f in plan.findings if f.code != "S001"))
    return replace(main, companion=plan)


def _read(
    path: Path,
    package: Package,
    source: CellSource,
    names: list[str],
    grid: Callable[[str], Grid],
    sheet_set: SheetSet,
) -> Workbook:
    out = _Collector(str(path))
    matched = _match_sheets(names, grid, sheet_set, out, package.small_sheet)
    meta = _read_meta(grid(META_SHEET)) if META_SHEET in names else {}
    sheets: dict[str, SheetMatch] = {}
    tables: dict[str, tuple[Record, ...]] = {}
    headers: list[str] = []
    if not matched and sheet_set.sheets:  # (our export's set declares no sheets)
        # None of the kind's sheets: one finding for the workbook, not one per sheet.
        first, second = sheet_set.sheets[0], sheet_set.sheets[1 % len(sheet_set.sheets)]
        key = "S001.none_plan" if sheet_set.kind == "plan" else "S001.none"
        out.add("S001", None, None, None, key, sheet=first, other=second)
    for sheet in sheet_set.sheets:
        name = matched.get(sheet.key)
        if name is None:
            if matched and not sheet.optional:
                out.add("S001", None, None, None, sheet=sheet)
            sheets[sheet.key] = SheetMatch(sheet.key)
            continue
        if sheet.kind == "fields":
            sheets[sheet.key], record, labels = _read_fields(
                sheet, sheet_set, name, grid(name), out, package
            )
            tables[sheet.key] = (record,)
            headers += labels
        else:
            sheets[sheet.key], tables[sheet.key] = _read_table(
                source, package, sheet, name, out, grid(name), sheet_set
            )
            match = sheets[sheet.key]
            if match.header_row:
                headers += [cell_text(v) for v in grid(name)[match.header_row - 1]]
    if out.yearless:
        _give_years(sheet_set, tables, out)
    lang_value = meta.get("lang")
    lang: Lang = (
        lang_value if lang_value in LANGS else _detect_lang(matched.values(), headers, sheet_set)
    )
    return Workbook(
        path=str(path),
        lang=lang,
        template_version=meta.get("template_version"),
        sheets=sheets,
        tables=tables,
        findings=tuple(out.findings),
        kind=sheet_set.kind,
        threshold=_meta_threshold(meta.get("threshold")),
    )


def _meta_threshold(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and 0 < value <= 1 else None


def _read_meta(grid: Grid) -> dict[str, str]:
    return {cell_text(row[0]): cell_text(row[1]) for row in grid if len(row) >= 2 and row[0]}
