"""Text normalisation shared by header matching, list values and cross-workbook comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Decorations people add to headers: （必填） (required) * ＊ ★ and bracketed notes or units.
_BRACKETED = re.compile(r"[\(\[【〔][^\)\]】〕]*[\)\]】〕]")
_DECORATION = re.compile(r"[\s*★☆※:：_\-·•]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Traditional -> Simplified through OpenCC; ASCII text is returned as is."""
    if not has_cjk(text):
        return text
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


def cell_text(value: object) -> str:
    """A cell value as trimmed text ('' for empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
