"""How analyses and root causes are worded: W001 (opinion), W002 (blame)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from retrokit.findings import Finding
from retrokit.rules.registry import Context, W, rule
from retrokit.rules.words import NOT_OPINION
from retrokit.text import to_simplified
from retrokit.workbook.schema import KPIS, PROBLEMS

#: Apostrophes people (and autocorrect) type: "didn’t" is "didn't".
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\uff07": "'", "`": "'"})
_SPACES = re.compile(r"\s+")


def _fold_char(c: str) -> str:
    return unicodedata.normalize("NFKC", c).casefold().translate(_APOSTROPHES)


def _fold_word(word: str) -> str:
    """A listed word as the text is folded: full-width to half-width, case and Traditional
    forms dropped, runs of spaces as one."""
    folded = "".join(_fold_char(c) for c in _SPACES.sub(" ", word.strip()))
    return to_simplified(folded)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded as :func:`_fold_word` folds a word (spaces kept, so English words keep
    their boundaries), and for each folded character the index of the cell character it came
    from (None: the same index, the usual case), so a match is quoted the way the cell says it."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    origin: list[int] | None = None
    if len(folded) != len(text):  # a character folded into several ("ﬁ", "ß"): map each
        chars: list[str] = []
        origin = []
        for i, c in enumerate(text):
            for f in _fold_char(c):
                chars.append(f)
                origin.append(i)
        folded = "".join(chars)
    simplified = to_simplified(folded)
    # OpenCC converts character for character here; a phrase conversion that changed the
    # length would shift the offsets, so the unconverted text is matched then.
    return (simplified if len(simplified) == len(folded) else folded), origin


def _alternative(word: str) -> str:
    """One word of the pattern: an English word only as a whole word (``lazy`` not in
    ``lazyload``, ``I think`` across any spaces), a Chinese word anywhere."""
    escaped = r"\s+".join(re.escape(part) for part in word.split(" "))
    if word.isascii():
        head = r"(?<![^\W_])" if re.match(r"\w", word) else ""
        tail = r"(?![^\W_])" if re.search(r"\w$", word) else ""
        return head + escaped + tail
    return escaped


@lru_cache(maxsize=16)
def _word_pattern(words: tuple[str, ...], not_words: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The listed words; ``not_words`` (a noun such as 可能性 holding a listed word) are
    tried first at each place and skipped."""
    listed = sorted({_fold_word(w) for w in words if w.strip()}, key=len, reverse=True)
    skipped = sorted({_fold_word(w) for w in not_words if w.strip()}, key=len, reverse=True)
    word = "|".join(_alternative(w) for w in listed) or r"(?!)"
    if not skipped:
        return re.compile(f"(?P<word>{word})")
    skip = "|".join(_alternative(w) for w in skipped)
    return re.compile(f"(?P<skip>{skip})|(?P<word>{word})")


def find_word(text: str, words: tuple[str, ...], not_words: tuple[str, ...] = ()) -> str | None:
    """The first listed word in ``text`` as the text writes it, or None."""
    if not text:
        return None
    folded, origin = fold_with_offsets(text)
    for m in _word_pattern(words, not_words).finditer(folded):
        if m.group("word") is not None:
            start, end = m.span("word")
            if origin is None:
                return text[start:end]
            return text[origin[start] : origin[end - 1] + 1]
    return None


def _wording(
    ctx: Context, code: str, listed: tuple[str, ...], not_words: tuple[str, ...] = ()
) -> Iterator[Finding]:
    """A finding for the first listed word in each analysis, problem and root cause."""
    targets = [(KPIS, r, "analysis") for r in ctx.workbook.kpis]
    targets += [(PROBLEMS, r, k) for r in ctx.workbook.problems for k in ("problem", "root_cause")]
    for sheet, record, key in targets:
        word = find_word(record.text(key), listed, not_words)
        if word is not None:
            yield ctx.finding(code, sheet, record, key, column=sheet.column(key), word=word)


@rule("W001", "opinion-wording", W)
def opinion_wording(ctx: Context) -> Iterator[Finding]:
    """Opinion wording in an analysis or root cause."""
    return _wording(ctx, "W001", ctx.settings.opinion_words, NOT_OPINION)


@rule("W002", "blaming-people", W)
def blaming_people(ctx: Context) -> Iterator[Finding]:
    """Blame aimed at people rather than behaviour."""
    return _wording(ctx, "W002", ctx.settings.blame_words)
