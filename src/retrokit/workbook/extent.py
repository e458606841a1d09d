"""How much reading a sheet will materialise, from its XML bytes, before the cell reader runs.

python-calamine allocates a sheet's whole used range densely and gives every cell that uses a
shared string its own copy of it. These scans find both as that reader will: the span from
every spelling of r= it accepts, the text from every use of each shared string. Each is led
by a literal so that a 100,000-row sheet is scanned quickly; an unusual spelling falls back to
walking the tags one by one.
"""

from __future__ import annotations

import re

# Calamine places a cell by its r= attribute in any spelling XML allows (tabs, spaces around
# =, single quotes, lower-case letters), or right after the cell before when it has none. The
# patterns below start from a literal so that they scan a 100,000-row sheet quickly.
#: One look at every cell tag. The first group is set for a tag that does not begin with
#: r="..." (placed after the cell before it, or spelled in a way XML allows but writers do
#: not use): the tags are then walked. The others give a far reference: a column of two
#: letters or more (the reader takes any number, not just Excel's three) with its row, or a
#: row beyond 99,999. Led by a literal, it scans a 100,000-row sheet in a fraction of a second.
_CELL_SCAN = re.compile(
    rb'c(?<=[<:]c)(?:(?! r=")([\s/>])| r="(?:([A-Za-z]{2,})(\d+)|[A-Za-z]?(\d{6,}))")'
)
#: A formula: its start tag, its text (never a '<') and its end tag.
_FORMULA = re.compile(rb"<f(?:\s[^<>]*)?>[^<]*</f>")
#: The row of every cell, for a sheet whose cells all begin with r="...".
_CELL_ROW = re.compile(rb'c(?<=[<:]c) r="[A-Za-z]*(\d+)"')
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_R_ATTR = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]*)(\d*)')
#: r= spelled other than ` r="`: then a tag may carry it twice (the reader takes the last).
_ODD_R = re.compile(rb"""r(?:\s+=|=\s|=')""")  # led by a literal: a fast scan


def _odd_addresses(xml: bytes) -> bool:
    """Whether some row or cell tag may not carry exactly one ` r="` (so: walk the tags)."""
    if xml.count(b' r="') != xml.count(b"<c ") + xml.count(b"<row "):
        return True
    return _space_before_r(xml) or _ODD_R.search(xml) is not None


def _space_before_r(xml: bytes) -> bool:
    """Whether a tab or line end comes right before an r somewhere in ``xml``."""
    return _space_before(xml, b"r")


def _space_before(xml: bytes, letter: bytes) -> bool:
    """Whether a tab or line end comes right before ``letter`` somewhere in ``xml``."""
    # A one-byte search runs at memory speed, a two-byte one far slower: look for the
    # whitespace first. Writers put none in a sheet, or one line end after the declaration.
    for space in (b"\t", b"\n", b"\r"):
        first = xml.find(space)
        if first < 0:
            continue
        if xml.find(space, first + 1) < 0:
            if xml[first + 1 : first + 2] == letter:
                return True
        elif space + letter in xml:
            return True
    return False


#: The one-letter column of every cell, for a tall sheet without far columns.
_CELL_LETTER = re.compile(rb'c(?<=[<:]c) r="([A-Za-z])')
#: What a sheet without far references spans at most: rows up to 99,999, columns A to Z.
NEAR_ROWS, NEAR_COLUMNS = 99_999, 26


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _walk_extent(xml: bytes) -> tuple[int, int]:
    """Follow every row and cell tag as the reader does: exact, and slow on big sheets."""
    last_row = widest = row = col = 0
    for m in _TAG.finditer(xml):
        refs = _R_ATTR.findall(m.group(2))
        letters, digits = refs[-1] if refs else (b"", b"")
        if m.group(1) == b"row":
            row = int(digits) if digits else row + 1
            col = 0
        else:
            col = column_number(letters.decode()) if letters else col + 1
            if digits:
                row = int(digits)
        last_row, widest = max(last_row, row), max(widest, col)
    return last_row, widest


def sheet_extent(xml: bytes, exact: bool = False, room: int = 0) -> tuple[int, int]:
    """(rows, columns) that a dense cell reader allocates for this sheet XML, or more.

    When every cell tag begins with its own address the far references alone decide: rows
    stay below 100,000 and columns within A-Z unless one names more. ``exact`` (or any other
    cell tag) walks the tags instead. A sheet with far columns is measured to its last row
    unless 99,999 rows of its width fit in ``room`` cells anyway.
    """
    # Formulas are most of a template's bytes, and nothing in one is a row or cell tag.
    xml = _FORMULA.sub(b"", xml)
    if exact or _odd_addresses(xml):
        return _walk_extent(xml)
    letters: set[bytes] = set()
    rows = NEAR_ROWS
    for odd, column, digits, far_row in _CELL_SCAN.findall(xml):
        if odd:
            return _walk_extent(xml)
        if column:
            letters.add(column)
        rows = max(rows, int(digits or far_row))
    if not letters:
        if rows <= NEAR_ROWS:
            return rows, NEAR_COLUMNS
        # A tall sheet is usually narrow (one long column): take its real widest column.
        found = {c.upper() for c in _CELL_LETTER.findall(xml)}
        return rows, max((column_number(c.decode()) for c in found), default=1)
    # A wide sheet (a note in column AB, say) is usually short: take its real last row rather
    # than assume 99,999 of them, unless they would fit.
    widest = max(NEAR_COLUMNS, *(column_number(c.decode()) for c in letters))
    if rows * widest <= room:
        return rows, widest
    return _last_row(xml), widest


def _last_row(xml: bytes) -> int:
    """The highest row a cell tag names (0 for none)."""
    # Rows come in order as writers write them: take the last cell's and prove that no cell
    # names a higher one in a single search, rather than reading every cell's row.
    last = _CELL_ROW.match(xml, xml.rfind(b'<c r="') + 1)
    if last is not None:
        row = int(last.group(1))
        # Any tag's r= counts here (a row tag's too): led by a literal, the search is quick.
        higher = rb' r="[A-Za-z]*0*' + _greater_than(row) + b'"'
        if re.search(higher, xml) is None:
            return row
    return max((int(d) for d in _CELL_ROW.findall(xml)), default=0)


def _greater_than(n: int) -> bytes:
    """A pattern of the decimal numbers above ``n`` >= 0, written without leading zeros."""
    digits = str(n).encode()
    above = [b"[1-9][0-9]{%d,}" % len(digits)]  # more digits
    for i, d in enumerate(digits):  # the same first digits, then a higher one
        if d != ord("9"):
            rest = len(digits) - i - 1
            above.append(digits[:i] + b"[%c-9][0-9]{%d}" % (d + 1, rest))
    return b"(?:" + b"|".join(above) + b")"


_VALUE_TAG = re.compile(rb"<(?:[\w.-]+:)?(c|v)(?=[\s/>])([^>]*)>\s*(\d*)")
_TYPE_ATTR = re.compile(rb"""\st\s*=\s*["']([^"']*)["']""")


#: What one string cell costs besides its text: the reader's copy and the Python object.
PER_STRING = 96
_STRING_TYPES = (b"s", b"str", b"inlineStr")


_SHARED_VALUE = re.compile(rb' t="s"[^<>]*><v>(\d{1,11})</v>')
_ODD_T = re.compile(rb"""t(?:\s+=|=\s|=')""")


def text_bytes(xml: bytes, sizes: list[int]) -> int:
    """The text the cells of a sheet materialise, each use of a shared string counted."""
    # As Excel and the usual writers spell cells, one pass of a pattern finds every use;
    # any other spelling is walked tag by tag.
    strings = xml.count(b' t="s"')
    values = _SHARED_VALUE.findall(xml)
    odd = _space_before(xml, b"t") or _ODD_T.search(xml)
    if len(values) == strings and not odd:
        try:
            text = sum(map(sizes.__getitem__, map(int, values)))
        except IndexError:  # a value past the table: the reader's error, walk to be sure
            return _walk_text(xml, sizes)
        others = xml.count(b' t="str"') + xml.count(b' t="inlineStr"')
        return text + (strings + others) * PER_STRING
    return _walk_text(xml, sizes)


def _walk_text(xml: bytes, sizes: list[int]) -> int:
    total = 0
    shared = False
    count = len(sizes)
    for tag, attrs, digits in _VALUE_TAG.findall(xml):
        if tag == b"c":
            types = _TYPE_ATTR.findall(attrs)
            kind = types[-1].strip() if types else b""
            shared = kind == b"s"
            if kind in _STRING_TYPES:
                total += PER_STRING
        elif shared and digits and len(digits) < 12 and int(digits) < count:
            total += sizes[int(digits)]
    return total
