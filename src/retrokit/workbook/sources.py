"""Where the reader's cells come from: the value grids of a workbook's sheets, with formula
errors marked (python-calamine reads them as empty cells), and the exceptions the reader
libraries raise on broken files.

Two sources give the same answers: python-calamine (fast, the default) and openpyxl (the
reference, used in tests).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from retrokit.workbook.extent import column_number
from retrokit.workbook.package import Package

Grid = list[list[Any]]


@dataclass(frozen=True, slots=True)
class CellError:
    """A formula whose result is an error (#DIV/0!, #N/A, #VALUE!, #REF!, #NAME?): neither
    empty nor a value. python-calamine reads it as an empty cell, so the reader takes it from
    the sheet's XML (:func:`_mark_errors`); reported as V007, never as a blank cell."""

    code: str

    def __str__(self) -> str:
        return self.code


#: An error cell in a sheet's XML: Excel, WPS, LibreOffice and openpyxl write r= before t=.
_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*? t="e"[^>]*>(.*?)</c>', re.DOTALL)
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")


def _column_index(letters: str) -> int:
    return column_number(letters) - 1  # 0-based, as the grid counts


def _put_errors(grid: Grid, errors: Mapping[tuple[int, int], str]) -> None:
    """Put a :class:`CellError` at each (row, col) of ``errors`` (an .ods's or an .xls's, read
    beside the cell reader) where the grid holds an empty cell."""
    for (r, c), code in errors.items():
        if r < len(grid) and c < len(grid[r]) and is_blank(grid[r][c]):
            grid[r][c] = CellError(code)


def _mark_errors(grid: Grid, xml: bytes) -> None:
    """Put a :class:`CellError` where the sheet holds an error value (one scan when none)."""
    if b't="e"' not in xml:
        return
    for m in _ERROR_CELL.finditer(xml):
        value = _ERROR_VALUE.search(m.group(3))
        r, c = int(m.group(2)) - 1, _column_index(m.group(1).decode())
        if value is None or r >= len(grid) or c >= len(grid[r]) or not is_blank(grid[r][c]):
            continue
        grid[r][c] = CellError(value.group(1).decode(errors="replace").strip() or "#N/A")


#: A formula cell with no result saved (a workbook written by a script, never opened and
#: saved by an office program): a formula, then an empty or no value. A cached text result
#: (t="str", t="s") is a value, even an empty one.
_UNCALCULATED = (
    rb'<c r="(%s)(\d+)"([^>]*)>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)(?:<v\s*/>|<v>\s*</v>)?</c>'
)
#: Any formula cell, whatever result is cached (a workbook to be recalculated on opening).
_ANY_FORMULA = rb'<c r="(%s)(\d+)"([^>]*)>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)'


def mark_uncalculated(
    grid: Grid, xml: bytes, letters: list[str], first_row: int, placeholders: bool = False
) -> None:
    """Put ``CellError("")`` where a cell of the columns ``letters`` (rows from ``first_row``,
    1-based) holds a formula without a saved result: the cell reader gives it as empty, and
    it is neither empty nor a value (V007 says to open and save the file). ``placeholders``:
    the workbook is to be recalculated on opening (no office program saved it), so a result
    cached by the program that wrote it (xlsxwriter's 0) is no result either."""
    if not letters or b"<f" not in xml:
        return
    template = _ANY_FORMULA if placeholders else _UNCALCULATED
    pattern = re.compile(template % b"|".join(x.encode() for x in letters))
    for m in _formula_cells(pattern, xml):
        r, c = int(m.group(2)) - 1, _column_index(m.group(1).decode())
        if r + 1 < first_row or (b't="s' in m.group(3) and not placeholders):
            continue
        if r >= len(grid) or c >= len(grid[r]):
            # The cell reader leaves out the rows (and columns) holding nothing but formulas
            # without results: a row of them is no empty row. (Their cells were counted with
            # the sheet's span before it was read.)
            width = max(c + 1, len(grid[0]) if grid else 0)
            grid.extend([""] * width for _ in range(r + 1 - len(grid)))
            grid[r].extend([""] * (c + 1 - len(grid[r])))
        if placeholders or is_blank(grid[r][c]):
            grid[r][c] = CellError("")


def _formula_cells(pattern: re.Pattern[bytes], xml: bytes) -> Iterator[re.Match[bytes]]:
    """The matches of ``pattern`` (a cell that begins with its formula) in ``xml``, tried only
    at the cells that hold one: a sheet has far fewer formulas than cells, and finding the
    next ``<f`` skips the rest far faster than the pattern tried at every cell would."""
    at = xml.find(b"<f")
    while at >= 0:
        if xml[at + 2 : at + 3] in _TAG_END:  # <f>, <f t="shared" ...>, <f/>: not <formula>
            start = xml.rfind(b'<c r="', 0, at)
            m = pattern.match(xml, start) if start >= 0 else None
            if m is not None and m.end() > at:
                yield m
        at = xml.find(b"<f", at + 2)


#: What may follow a tag's name: its end, an attribute or the end of an empty tag.
_TAG_END = frozenset({b">", b"/", b" ", b"\t", b"\n", b"\r"})


def is_blank(value: Any) -> bool:
    """An empty cell, or one of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


_ODS = "urn:oasis:names:tc:opendocument:xmlns:"
_ODS_TABLE, _ODS_TEXT = f"{{{_ODS}table:1.0}}", f"{{{_ODS}text:1.0}}"
_ODS_ERROR = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"
_ODS_VALUE_TYPE = f"{{{_ODS}office:1.0}}value-type"


@dataclass
class OdsSheet:
    """What calamine does not give of an OpenDocument sheet: its error cells (LibreOffice
    marks them calcext:value-type="error"; calamine reads them as empty), its merged ranges
    and the cells of a percentage type (0.05 shown as 5%)."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    percents: set[tuple[int, int]] = field(default_factory=set)


#: Copies of a repeated cell or row recorded at most (a sheet's data is far smaller; an
#: error repeated over a million columns is a hostile file's, not a team's).
_ODS_MAX_REPEAT = 4096
_ODS_MARKS = (b'value-type="error"', b"-spanned=", b'value-type="percentage"')


def ods_cells(data: bytes) -> dict[str, OdsSheet]:
    """Sheet name -> :class:`OdsSheet` of an OpenDocument spreadsheet (empty when it has no
    error, merge or percentage)."""
    import zipfile

    from defusedxml.ElementTree import iterparse

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("content.xml")
    except (KeyError, zipfile.BadZipFile):
        return {}
    if not any(mark in xml for mark in _ODS_MARKS):
        return {}
    found: dict[str, OdsSheet] = {}
    sheet = OdsSheet()
    row = col = 0
    # The error and percentage cells of the row being read, as (first column, columns, what):
    # a row or a cell that LibreOffice writes once with a repeat count stands for each copy.
    marked: list[tuple[int, int, str]] = []
    cell_tags = (f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell")
    for event, element in iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_ODS_TABLE}table":
                sheet = found.setdefault(element.get(f"{_ODS_TABLE}name", ""), OdsSheet())
                row = 0
            elif tag == f"{_ODS_TABLE}table-row":
                col = 0
                marked = []
            continue
        if tag == f"{_ODS_TABLE}table-row":
            repeat = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
            for r in range(row, row + min(repeat, _ODS_MAX_REPEAT) if marked else row):
                for first, count, what in marked:
                    for c in range(first, first + min(count, _ODS_MAX_REPEAT)):
                        if what == "%":
                            sheet.percents.add((r, c))
                        else:
                            sheet.errors[(r, c)] = what
            row += repeat
            element.clear()
        elif tag in cell_tags:
            count = int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
            if element.get(_ODS_ERROR) == "error":
                text = "".join(element.itertext()).strip()
                marked.append((col, count, text or "#N/A"))
            elif element.get(_ODS_VALUE_TYPE) == "percentage":
                marked.append((col, count, "%"))
            rows = int(element.get(f"{_ODS_TABLE}number-rows-spanned", "1"))
            cols = int(element.get(f"{_ODS_TABLE}number-columns-spanned", "1"))
            if rows > 1 or cols > 1:
                sheet.merges.append((row, col, row + rows - 1, col + cols - 1))
            col += count
    return {
        name: cells
        for name, cells in found.items()
        if cells.errors or cells.merges or cells.percents
    }


#: Not yet opened (None is a file xlrd could not open).
_UNOPENED = object()
#: The first bytes of an OLE2 compound file: a legacy .xls.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The most cells of an .xls sheet whose formats and errors are read a second time (by xlrd,
#: in Python: about 40 bytes and a microsecond a cell); beyond it the values stand alone.
XLS_FORMAT_CELLS = 1_000_000


@dataclass
class XlsSheet:
    """What python-calamine does not give of a legacy .xls sheet: its formula errors (read as
    empty cells) and the cells whose number format shows a percentage or a ratio."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    forms: dict[tuple[int, int], str] = field(default_factory=dict)


def open_xls(data: bytes) -> Any | None:
    """The .xls ``data`` opened by xlrd (the maintained reader of the BIFF format, with its cell
    formats), its sheets read when asked; None for a file xlrd does not read (the values
    calamine read then stand alone)."""
    import xlrd

    try:
        return xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
    except Exception:  # xlrd raises many kinds on a file it reads otherwise than calamine
        return None


def xls_cells(book: Any, name: str, rows: Grid | None = None) -> XlsSheet | None:
    """The errors and number forms of one sheet of an .xls opened by :func:`open_xls`, or None
    when it cannot say: a sheet over :data:`XLS_FORMAT_CELLS` cells (``rows``, as calamine
    read them, tell), or one xlrd does not read."""
    if rows is not None and sum(map(len, rows)) > XLS_FORMAT_CELLS:
        return None
    import xlrd

    from retrokit.workbook.package import format_form

    try:
        sheet = book.sheet_by_name(name)
    except Exception:  # xlrd raises many kinds on a sheet it reads otherwise than calamine
        return None
    try:
        if sheet.nrows * sheet.ncols > XLS_FORMAT_CELLS:
            return None
        out = XlsSheet()
        forms: dict[int, str | None] = {}  # per xf index
        for r in range(sheet.nrows):
            for c, kind in enumerate(sheet.row_types(r)):
                if kind == xlrd.XL_CELL_ERROR:
                    code = xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#N/A")
                    out.errors[(r, c)] = code
                elif kind == xlrd.XL_CELL_NUMBER:
                    xf = sheet.cell_xf_index(r, c)
                    if xf not in forms:
                        fmt = book.format_map.get(book.xf_list[xf].format_key)
                        forms[xf] = format_form(fmt.format_str) if fmt is not None else None
                    if (form := forms[xf]) is not None:
                        out.forms[(r, c)] = form
        return out
    except Exception:  # a record xlrd cannot follow: the values calamine read stand alone
        return None
    finally:
        book.unload_sheet(name)


class CellSource:
    """Sheet names and value grids of one workbook. Two implementations give the same answers:
    python-calamine (fast, the default) and openpyxl (a reference, used in tests)."""

    sheet_names: list[str]

    def grid(self, name: str) -> Grid:
        raise NotImplementedError

    def merged(self, name: str) -> list[tuple[int, int, int, int]]:
        """Merged ranges as 0-based (first row, first col, last row, last col)."""
        raise NotImplementedError

    def percent_cells(self, name: str) -> set[tuple[int, int]]:
        """0-based (row, col) of the cells a format without OOXML styles marks as percentages
        (an .ods cell of the percentage type); an .xlsx's come from its styles instead."""
        return set()

    def number_forms(self, name: str) -> dict[tuple[int, int], str]:
        """0-based (row, col) -> "percent" or "ratio" for the cells of a format without OOXML
        styles whose number format shows one (an .ods percentage, an .xls cell's format)."""
        return dict.fromkeys(self.percent_cells(name), "percent")


class CalamineSource(CellSource):
    def __init__(self, package: Package) -> None:
        from python_calamine import CalamineWorkbook

        self._wb = CalamineWorkbook.from_filelike(io.BytesIO(package.data))
        self.sheet_names = list(self._wb.sheet_names)
        self._merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self._package = package
        self._ods: dict[str, OdsSheet] | None = None
        self._xls: dict[str, XlsSheet | None] = {}
        self._xls_book: Any = _UNOPENED

    def grid(self, name: str) -> Grid:
        # The sheet's own cell store is dropped once converted: on a large sheet it is as big
        # again as the lists it becomes.
        sheet = self._wb.get_sheet_by_name(name)
        self._merged[name] = self._ranges(sheet)
        rows: Grid = sheet.to_python(skip_empty_area=False)
        part = self._package.sheet_parts.get(name)
        if part is not None:  # an .xlsx: calamine reads an error value as an empty cell
            _mark_errors(rows, self._package.sheet_xml(part))
        elif (ods := self.ods(name)) is not None:
            _put_errors(rows, ods.errors)
        elif (xls := self.xls(name, rows)) is not None:
            _put_errors(rows, xls.errors)
        return rows  # fresh lists of lists: ours to fill merged ranges into

    def xls(self, name: str, rows: Grid | None = None) -> XlsSheet | None:
        """A legacy .xls sheet's errors and number forms, which calamine gives for neither
        (None for other formats, or a sheet too large to read twice)."""
        if not self._package.data.startswith(_OLE_SIGNATURE):
            return None
        if name not in self._xls:
            if self._xls_book is _UNOPENED:
                self._xls_book = open_xls(self._package.data)  # once for all its sheets
            book = self._xls_book
            self._xls[name] = xls_cells(book, name, rows) if book is not None else None
        return self._xls[name]

    def number_forms(self, name: str) -> dict[tuple[int, int], str]:
        xls = self.xls(name)
        return xls.forms if xls is not None else super().number_forms(name)

    def ods(self, name: str) -> OdsSheet | None:
        """An .ods sheet's errors, merges and percentages (None for other formats; an .xlsb
        is a zip too, but holds no content.xml)."""
        if self._package.sheet_parts or not self._package.data.startswith(b"PK"):
            return None
        if self._ods is None:
            self._ods = ods_cells(self._package.data)
        return self._ods.get(name)

    def percent_cells(self, name: str) -> set[tuple[int, int]]:
        ods = self.ods(name)
        return ods.percents if ods is not None else set()

    def merged(self, name: str) -> list[tuple[int, int, int, int]]:
        if name not in self._merged:  # asked before the grid
            self._merged[name] = self._ranges(self._wb.get_sheet_by_name(name))
        if not self._merged[name] and (ods := self.ods(name)) is not None:
            self._merged[name] = ods.merges  # calamine gives no merged ranges of an .ods
        return self._merged[name]

    @staticmethod
    def _ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
        return [(a[0], a[1], b[0], b[1]) for a, b in sheet.merged_cell_ranges or []]


class OpenpyxlSource(CellSource):
    """The reference reader: openpyxl in normal mode (it pads to the declared dimension in
    read-only mode, which WPS writes wrongly), cached values only."""

    def __init__(self, package: Package) -> None:
        import io

        from openpyxl import load_workbook

        self._wb = load_workbook(io.BytesIO(package.data), data_only=True)
        self.sheet_names = list(self._wb.sheetnames)

    def grid(self, name: str) -> Grid:
        ws = self._wb[name]
        rows = [
            [
                "" if c.value is None else CellError(c.value) if c.data_type == "e" else c.value
                for c in row
            ]
            for row in ws.iter_rows(min_row=1, min_col=1)
        ]
        return rows

    def merged(self, name: str) -> list[tuple[int, int, int, int]]:
        ws = self._wb[name]
        return [
            (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
            for r in ws.merged_cells.ranges
        ]


SOURCES: dict[str, Callable[[Package], CellSource]] = {
    "calamine": CalamineSource,
    "openpyxl": OpenpyxlSource,
}

# Exceptions the reader libraries raise on broken files besides their own types (corpus README).
_READER_ERRORS: tuple[type[BaseException], ...] = (
    KeyError,
    TypeError,
    IndexError,
    ValueError,
    OSError,
    EOFError,
    UnicodeError,
    RuntimeError,
    AttributeError,
    OverflowError,
    AssertionError,
    MemoryError,
)


@cache
def _library_errors() -> tuple[type[BaseException], ...]:
    """Computed once per process: a folder of workbooks asks for every file."""
    import xml.etree.ElementTree as ET
    import zipfile
    import zlib

    import python_calamine

    extra: list[type[BaseException]] = [
        python_calamine.CalamineError,
        zipfile.BadZipFile,
        zlib.error,
        ET.ParseError,
    ]
    try:
        from defusedxml import DefusedXmlException

        extra.append(DefusedXmlException)
    except ImportError:  # pragma: no cover - defusedxml is a dependency
        pass
    return (*_READER_ERRORS, *extra)
