"""How analyses and root causes are worded: W001 (opinion), W002 (blame)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from retrokit.findings import Finding
from retrokit.rules.registry import Context, W, rule
from retrokit.text import fold_loose
from retrokit.workbook.schema import KPIS, PROBLEMS


@lru_cache(maxsize=16)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words anywhere: a quick first look, one C-level scan per text."""
    folded = sorted({fold_loose(w) for w in words if w.strip()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in folded) or r"(?!)")


@lru_cache(maxsize=16)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for w in sorted({fold_loose(w) for w in words}, key=len, reverse=True):
        escaped = re.escape(w)
        parts.append(rf"\b{escaped}\b" if w.isascii() else escaped)
    return re.compile("|".join(parts) or r"(?!)")


def _wording(ctx: Context, code: str, listed: tuple[str, ...]) -> Iterator[Finding]:
    """A finding for the first listed word in each analysis, problem and root cause."""
    pattern = _word_pattern(listed)
    quick = _any_word(listed)
    targets = [(KPIS, r, "analysis") for r in ctx.workbook.kpis]
    targets += [(PROBLEMS, r, k) for r in ctx.workbook.problems for k in ("problem", "root_cause")]
    for sheet, record, key in targets:
        text = fold_loose(record.text(key))
        # A plain scan for any word first (fast); the second only confirms word boundaries.
        m = pattern.search(text) if quick.search(text) else None
        if m:
            yield ctx.finding(code, sheet, record, key, column=sheet.column(key), word=m.group(0))


@rule("W001", "opinion-wording", W)
def opinion_wording(ctx: Context) -> Iterator[Finding]:
    """Opinion wording in an analysis or root cause."""
    return _wording(ctx, "W001", ctx.settings.opinion_words)


@rule("W002", "blaming-people", W)
def blaming_people(ctx: Context) -> Iterator[Finding]:
    """Blame aimed at people rather than behaviour."""
    return _wording(ctx, "W002", ctx.settings.blame_words)
