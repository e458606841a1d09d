"""The KPI sheet's own arithmetic: the formulas that read a target or actual as people type
it, a Python model of what they give, and which cells of a saved workbook hold a formula.

The scaffold formats the target and actual cells as text, so what is typed stays as typed (an
office program would turn ``1:3`` into the time 01:03). Hidden helper columns then read each
cell with functions Excel, WPS and LibreOffice share:

- a number as it is (a number pasted, or the worked example's formatted numbers);
- text with spaces, thousands separators (``,`` ``，``) and the yuan sign (¥ ￥) taken out,
  and a leading ``-`` for the sign;
- ``a:b`` (also ``a：b``) as the ratio b / a; ``5%`` (also ``5％``) and ``5‰``;
- otherwise the leading decimal number, times a multiplier written right after it (万 萬 亿 億
  千 百 千万 百万 万亿, and k w m b bn not followed by another letter); a unit after that (元,
  人, 次, 万元 ...) is ignored.

:func:`sheet_number` is the same reading in Python: V006 compares a cached gap, achievement or
result with what the formula gives from the row's cells, and the reader's value with what the
sheet computes. A form the formulas do not read (``≥5%``, 两千, 百分之五) leaves the sheet
blank; retrokit still reads it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

#: Characters the helper formula deletes from typed text (a sign is read from the first
#: character of the trimmed cell before "+" and "-" go).
DELETED = (" ", ",", "，", "¥", "￥", "+", "-")
#: Characters it replaces: the full-width colon and percent sign.
REPLACED = (("：", ":"), ("％", "%"))
#: The leading number is at most this long (the formula scans a fixed window of characters).
WINDOW = 20
DIGITS = "0123456789."
#: Multipliers written right after the number, longest first.
TWO_CHAR: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("千万", 1e7),
    ("千萬", 1e7),
    ("百万", 1e6),
    ("百萬", 1e6),
    ("bn", 1e9),
)
ONE_CHAR = (("万", 1e4), ("萬", 1e4), ("亿", 1e8), ("億", 1e8), ("千", 1e3), ("百", 100.0))
#: Latin multipliers, taken only when no other letter follows (5kg is 5, 5k is 5000).
LETTERS = (("k", 1e3), ("w", 1e4), ("m", 1e6), ("b", 1e9))
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_DECIMAL = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# --- the formulas ---------------------------------------------------------------------------


def text_formula(cell: str) -> str:
    """The typed text of ``cell`` with what the reading ignores taken out ("" for a number)."""
    expr = f"TRIM({cell})"
    for ch in DELETED:
        expr = f'SUBSTITUTE({expr},{_q(ch)},"")'
    for old, new in REPLACED:
        expr = f"SUBSTITUTE({expr},{_q(old)},{_q(new)})"
    return f'=IF(ISNUMBER({cell}),"",{expr})'


def rest_formula(text: str) -> str:
    """What follows the leading number of the cleaned text in cell ``text``."""
    window = ",".join(str(i) for i in range(1, WINDOW + 1))
    # SUMPRODUCT makes every program evaluate the array of characters without array entry.
    first_other = (
        f'SUMPRODUCT(MATCH(FALSE,ISNUMBER(FIND(MID({text}&"|",{{{window}}},1),{_q(DIGITS)})),0))'
    )
    return f'=IF({text}="","",MID({text},{first_other},99))'


#: The multiplier table on the hidden meta sheet: words in column H from row 1, factors in I.
MULTIPLIER_COLUMNS = ("H", "I")


def multiplier_table() -> list[tuple[str, float]]:
    """The rows of the multiplier table: two-character words, then one-character words of
    CJK, then the Latin letters (looked up only when no other letter follows)."""
    return [*TWO_CHAR, *ONE_CHAR, *LETTERS]


def _table(first: int, last: int) -> str:
    from retrokit.workbook.schema import META_SHEET

    word, factor = MULTIPLIER_COLUMNS
    return f"'{META_SHEET}'!${word}${first}:${factor}${last}"


def _multiplier(rest: str) -> str:
    two, one = len(TWO_CHAR), len(ONE_CHAR)
    cjk = _table(two + 1, two + one)
    every = _table(two + 1, two + one + len(LETTERS))
    followed_by_letter = f'ISNUMBER(FIND(LOWER(MID({rest}&"|",2,1)),{_q(_LATIN)}))'
    one_char = f"IFERROR(VLOOKUP(LEFT({rest}),IF({followed_by_letter},{cjk},{every}),2,FALSE),1)"
    return f"IFERROR(VLOOKUP(LEFT({rest},2),{_table(1, two)},2,FALSE),{one_char})"


def value_formula(cell: str, text: str, rest: str) -> str:
    """The number ``cell`` holds as the sheet reads it, or "" (helper cells ``text``, ``rest``)."""
    colon = f'FIND(":",{text})'
    ratio = f"VALUE(MID({text},{colon}+1,99))/VALUE(LEFT({text},{colon}-1))"
    head = f"VALUE(LEFT({text},LEN({text})-1))"
    plain = f"VALUE(LEFT({text},LEN({text})-LEN({rest})))*{_multiplier(rest)}"
    read = (
        f'IF(ISNUMBER({colon}),{ratio},IF(RIGHT({text})="%",{head}/100,'
        f'IF(RIGHT({text})="‰",{head}/1000,{plain})))'
    )
    sign = f'IF(LEFT(TRIM({cell}))="-",-1,1)'
    return f'=IF(ISNUMBER({cell}),{cell},IFERROR({sign}*{read},""))'


# --- the same reading in Python ---------------------------------------------------------------


def _serial(value: dt.datetime | dt.date | dt.time | dt.timedelta) -> float:
    """The number an office program stores for a date or time."""
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return (seconds + value.microsecond / 1e6) / 86400
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return (value - _EXCEL_EPOCH).total_seconds() / 86400


def _decimal(text: str) -> float | None:
    return float(text) if _DECIMAL.match(text) else None


def _multiplier_of(rest: str) -> float:
    folded = rest.casefold()
    for word, factor in TWO_CHAR:
        if folded.startswith(word):
            return factor
    for word, factor in ONE_CHAR:
        if rest.startswith(word):
            return factor
    if len(rest) > 1 and rest[1].isascii() and rest[1].lower() in _LATIN:
        return 1.0
    for word, factor in LETTERS:
        if folded.startswith(word):
            return factor
    return 1.0


def sheet_number(raw: object) -> float | None:
    """What the sheet's helper formula gives for a target or actual cell: None for blank."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    if isinstance(raw, dt.datetime | dt.date | dt.time | dt.timedelta):
        return _serial(raw)
    trimmed = str(raw).strip(" ")  # TRIM takes out the space character only
    text = trimmed
    for ch in DELETED:
        text = text.replace(ch, "")
    for old, new in REPLACED:
        text = text.replace(old, new)
    sign = -1.0 if trimmed.startswith("-") else 1.0
    value: float | None
    if ":" in text:
        left, right = text.split(":", 1)
        a, b = _decimal(left), _decimal(right)
        value = b / a if a is not None and b is not None and a != 0 else None
    elif text.endswith(("%", "‰")):
        head = _decimal(text[:-1])
        value = None if head is None else head / (100 if text.endswith("%") else 1000)
    else:
        n = len(text) - len(text.lstrip(DIGITS))
        if n >= WINDOW:
            return None
        head = _decimal(text[:n])
        value = None if head is None else head * _multiplier_of(text[n:])
    return None if value is None else sign * value


# --- which cells hold a formula ---------------------------------------------------------------


def formula_cells(path: str | Path, sheet: str, refs: Iterable[str]) -> dict[str, str] | None:
    """Of ``refs`` (``G5``) on ``sheet``, the cells that hold a formula, each with its text
    (``D5/C5``; empty for a cell sharing another's); None when the file cannot tell (not an
    .xlsx package, or unreadable). python-calamine gives cached values only, so this reads
    the sheet's XML; it is asked only about cells that disagree."""
    from retrokit.workbook.package import Limits, open_package

    wanted = list(refs)
    try:
        package = open_package(Path(path), Limits())
    except Exception:  # the file changed or went away since it was read: cannot tell
        return None
    try:
        part = package.sheet_parts.get(sheet)
        if part is None or not wanted:
            return None if part is None else {}
        xml = package.sheet_xml(part)
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    finally:
        package.release()
    from html import unescape

    found = {}
    shared: dict[bytes, tuple[str, int]] | None = None
    # One pass over the sheet's formula cells (the scan that finds uncalculated ones), not
    # one search of the sheet per cell asked about (20,000 disagreeing cells were quadratic).
    from retrokit.workbook.sources import _formula_cells

    asked = set(wanted)
    cells: dict[str, re.Match[bytes]] = {}
    for m in _formula_cells(_FORMULA_CELL, xml):
        ref = m.group(1).decode("ascii", "replace")
        if ref in asked:
            cells.setdefault(ref, m)
    for ref in wanted:
        cell = cells.get(ref)
        inside = cell.group(3) if cell is not None else None
        if inside is not None and b"<f" in inside:
            f = re.search(rb"<f\b([^>]*?)(?:/>|>(.*?)</f>)", inside, re.DOTALL)
            text = unescape(f.group(2).decode("utf-8", "replace")) if f and f.group(2) else ""
            si = re.search(rb'\bsi="(\d+)"', f.group(1)) if f else None
            if not text and si is not None:
                # A cell sharing the formula of the first cell of its range (Excel writes a
                # filled-down column so): that formula, moved down to this row.
                if shared is None:
                    shared = _shared_formulas(xml)
                master = shared.get(si.group(1))
                if master is not None:
                    text = _moved(master[0], _row_of(ref) - master[1])
            found[ref] = text
    return found


#: A cell with its contents, as the formula scan matches it from its opening tag.
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+\d+)"[^>]*?(/>|>(.*?)</c>)', re.DOTALL)


def _row_of(ref: str) -> int:
    return int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ$").lstrip("$") or 0)


def _shared_formulas(xml: bytes) -> dict[bytes, tuple[str, int]]:
    """Shared formula index -> (the formula of its first cell, that cell's row)."""
    from html import unescape

    out = {}
    for m in re.finditer(
        rb'<c r="([A-Z]+\d+)"[^>]*>\s*<f\b[^>]*\bsi="(\d+)"[^>]*\bref="[^"]*"[^>]*>(.*?)</f>'
        rb'|<c r="([A-Z]+\d+)"[^>]*>\s*<f\b[^>]*\bref="[^"]*"[^>]*\bsi="(\d+)"[^>]*>(.*?)</f>',
        xml,
        re.DOTALL,
    ):
        cell, si, text = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
        out[si] = (unescape(text.decode("utf-8", "replace")), _row_of(cell.decode()))
    return out


def _moved(formula: str, rows: int) -> str:
    """``formula`` moved down ``rows`` rows: relative row numbers shift, $-fixed ones stay."""
    if not rows:
        return formula
    return re.sub(
        r"(?<![A-Za-z0-9_.!'\"])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])",
        lambda m: (
            m.group(1) + m.group(2) + (m.group(3) if m.group(2) else str(int(m.group(3)) + rows))
        ),
        formula,
    )
