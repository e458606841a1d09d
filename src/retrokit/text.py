"""Text normalisation shared by header matching, list values and cross-workbook comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Decorations people add to headers: （必填） (required) * ＊ ★ and bracketed notes or units.
_BRACKETED = re.compile(r"[\(\[【〔][^\)\]】〕]*[\)\]】〕]")
_DECORATION = re.compile(r"[\s*★☆※:：_\-·•]+")
#: Han characters (compiled on first use: a set of ranges this wide takes a while).
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
#: Bidirectional overrides and marks: they reorder what a terminal or a log shows
#: ("txt.exe" as "exe.txt"), so they never reach one.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
#: What a JSON text may hold raw but a terminal or a log viewer would act on: escaped as \uXXXX.
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f{_BIDI}\\u2028\\u2029]")
#: Characters XML 1.0 cannot hold (a workbook cell written by openpyxl would be refused).
_NOT_XML = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ud800-\\udfff\\ufffe\\uffff]")
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _cjk() -> re.Pattern[str]:
    return re.compile(_CJK)


def has_cjk(text: str) -> bool:
    return _cjk().search(text) is not None


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Traditional -> Simplified through OpenCC (its ``t2s``); ASCII text is returned as is.

    OpenCC's dictionaries take ~25 ms a process to load, so they are loaded only for a text
    they would change: one holding a character some entry of theirs changes (generated into
    :mod:`retrokit.i18n.simplified` by ``make catalogue``). A Simplified or English workbook
    is read without them, and the Traditional spellings of our own sheets and columns are
    converted ahead of time."""
    if not has_cjk(text):
        return text
    from retrokit.i18n.simplified import CHANGED, CONVERTED

    if CHANGED.isdisjoint(text):
        return text  # no entry of OpenCC's matches: it would return the text as it is
    ready = CONVERTED.get(text)
    if ready is not None:
        return ready
    return str(_t2s().convert(text))


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The matching key of a header, sheet name or list value.

    Full-width forms become half-width (NFKC), Traditional becomes Simplified, case and spaces
    and decorations such as （必填）, ``*`` or ``(required)`` are dropped.
    """
    s = unicodedata.normalize("NFKC", text)
    s = _BRACKETED.sub("", s)
    s = _DECORATION.sub("", s)
    return to_simplified(s.casefold())


@lru_cache(maxsize=8192)
def fold_loose(text: str) -> str:
    """Like :func:`fold` but keeps bracketed parts, for values rather than headers."""
    s = unicodedata.normalize("NFKC", text)
    s = _DECORATION.sub("", s)
    return to_simplified(s.casefold())


#: What an office program takes for the start of a formula when a cell holds it as typed.
_FORMULA_LEADS = ("=", "+", "-", "@")


def looks_like_formula(value: object) -> bool:
    """Text that a spreadsheet would read as a formula: a workbook we write keeps it as text."""
    return isinstance(value, str) and value.startswith(_FORMULA_LEADS)


def clean_terminal(text: str) -> str:
    """Strip escape sequences and control characters a cell could smuggle into a terminal."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def json_safe(encoded: str) -> str:
    """JSON text with C1 controls, bidirectional controls and line separators escaped.

    The value is unchanged (``\\u202e`` decodes to U+202E); only the raw character, which
    a terminal or log viewer would act on, is gone. Outside strings JSON is ASCII, so the
    substitution only ever touches string contents.
    """
    if encoded.isascii():
        return encoded
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def xml_safe(text: str) -> str:
    """Text a workbook cell can hold: characters XML cannot hold become U+FFFD, visibly."""
    return _NOT_XML.sub("\ufffd", text)


def cell_text(value: object) -> str:
    """A cell value as trimmed text ('' for empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
