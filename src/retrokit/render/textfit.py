"""How many lines a text takes in a box, estimated without a renderer, and how to shorten it.

A wide (CJK) character counts two widths of a Latin one; a Latin word breaks only at its
spaces, a CJK text anywhere. The deck sizes its boxes and table rows from these estimates,
with the width of a unit chosen generously so that the estimate errs towards more lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

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


def longest_word(text: str) -> int:
    """The width units of the longest piece of ``text`` that must not break: a Latin word (a
    CJK character may break anywhere, so it counts alone)."""
    return max(
        (sum(width_units(c) for c in tok) for tok in _tokens(text) if not tok.isspace()),
        default=0,
    )


def column_widths(total: int, weights: Sequence[float], least: Sequence[int]) -> list[int]:
    """``total`` split by ``weights``, each column given at least its ``least`` (a header word
    that must not break) and the room taken from the others in their proportions. When the
    least widths alone overrun ``total``, they are scaled down together."""
    if sum(least) >= total:
        return [int(total * m / sum(least)) for m in least]
    fixed: dict[int, int] = {}
    while True:
        rest = total - sum(fixed.values())
        free = [j for j in range(len(weights)) if j not in fixed]
        share = sum(weights[j] for j in free)
        widths = {j: int(rest * weights[j] / share) if share else 0 for j in free}
        short = {j: least[j] for j in free if widths[j] < least[j]}
        if not short:
            return [fixed.get(j, widths.get(j, 0)) for j in range(len(weights))]
        fixed.update(short)
