"""How many lines a text takes in a box, estimated without a renderer, and how to shorten it.

A wide (CJK) character counts two widths of a Latin one; a Latin word breaks only at its
spaces, a CJK text anywhere. The deck sizes its boxes and table rows from these estimates,
with the width of a unit chosen generously so that the estimate errs towards more lines.
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"


def width_units(ch: str) -> int:
    """2 for a wide (CJK) character, 1 for any other."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _tokens(line: str) -> list[str]:
    # a CJK character may break anywhere; a Latin word only at its spaces
    return re.findall(r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+|\s|.", line)


def line_count(text: str, per_line: int) -> int:
    """Lines ``text`` takes when wrapped greedily at ``per_line`` width units."""
    per_line = max(per_line, 2)
    lines = 0
    for para in text.split("\n") or [""]:
        lines += 1
        used = 0
        for token in _tokens(para):
            w = sum(width_units(c) for c in token)
            if used + w <= per_line:
                used += w
            elif token.isspace():
                lines, used = lines + 1, 0
            elif w <= per_line:
                lines, used = lines + 1, w
            else:  # a word longer than a line breaks inside
                lines += (used + w) // per_line
                used = (used + w) % per_line
    return lines


def shorten(text: str, per_line: int, max_lines: int) -> str:
    """``text`` as it fits ``max_lines`` lines, cut with an ellipsis when it does not."""
    text = " ".join(text.split()) if "\n" not in text else text
    if line_count(text, per_line) <= max_lines:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_count(text[:mid].rstrip() + ELLIPSIS, per_line) <= max_lines:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS
