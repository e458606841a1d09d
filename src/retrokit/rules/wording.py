"""How analyses, problems, root causes and lessons are worded: W001 (opinion), W002 (blame,
in an action too); and the placeholder that fills a required cell without filling it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from retrokit.findings import Finding
from retrokit.rules.registry import Context, W, rule
from retrokit.rules.words import (
    ACTION_BLAME,
    BLAME_PATTERNS,
    NOT_OPINION,
    PLACEHOLDERS,
    RECOMMENDING,
)
from retrokit.text import to_simplified
from retrokit.workbook.schema import KPIS, LESSONS, PROBLEMS, Sheet

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
def _word_pattern(
    words: tuple[str, ...], not_words: tuple[str, ...] = (), patterns: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """The listed words, and ``patterns`` as written (on the folded text); ``not_words`` (a
    noun such as 可能性 holding a listed word) are tried first at each place and skipped."""
    listed = sorted({_fold_word(w) for w in words if w.strip()}, key=len, reverse=True)
    skipped = sorted({_fold_word(w) for w in not_words if w.strip()}, key=len, reverse=True)
    word = "|".join([*patterns, *(_alternative(w) for w in listed)]) or r"(?!)"
    if not skipped:
        return re.compile(f"(?P<word>{word})")
    skip = "|".join(_alternative(w) for w in skipped)
    return re.compile(f"(?P<skip>{skip})|(?P<word>{word})")


def find_word(
    text: str,
    words: tuple[str, ...],
    not_words: tuple[str, ...] = (),
    patterns: tuple[str, ...] = (),
) -> str | None:
    """The first listed word (or match of one of ``patterns``) in ``text`` as the text writes
    it, or None."""
    if not text:
        return None
    folded, origin = fold_with_offsets(text)
    for m in _word_pattern(words, not_words, patterns).finditer(folded):
        if m.group("word") is not None:
            start, end = m.span("word")
            if origin is None:
                return text[start:end]
            return text[origin[start] : origin[end - 1] + 1]
    return None


#: Marks a cell may hold around a placeholder, or hold alone ("-", "—", "…", "/", "?", "〃").
_MARKS = " \t\n-‐‑‒–—―−_~～/\\|.。,，、;；:：!！?？…·•*＊〃'\"“”‘’()（）[]【】「」"


@lru_cache(maxsize=1)
def _placeholders() -> frozenset[str]:
    return frozenset(_fold_word(w) for w in PLACEHOLDERS)


def is_placeholder(text: str) -> bool:
    """Whether a filled cell holds a placeholder rather than a value: a listed placeholder
    (无, 同上, 待定, TBD, n/a, 全体成员, everyone) or only dashes, dots and question marks.
    A blank cell is not one (it is simply empty)."""
    if not text.strip():
        return False
    folded = _fold_word(text).strip(_MARKS)
    return not folded or folded in _placeholders()


#: What a column is checked for: the words, and the patterns (:data:`BLAME_PATTERNS`).
_Check = tuple[str, tuple[str, ...], tuple[str, ...]]


def _wording(
    ctx: Context,
    code: str,
    sheets: tuple[tuple[Sheet, tuple[_Check, ...]], ...],
    not_words: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """A finding for the first listed word (or pattern match) in each checked cell, row by
    row of each sheet."""
    for sheet, checks in sheets:
        for record in ctx.workbook.table(sheet.key):
            for key, listed, patterns in checks:
                word = find_word(record.text(key), listed, not_words, patterns)
                if word is not None:
                    column = sheet.column(key)
                    yield ctx.finding(code, sheet, record, key, column=column, word=word)


@rule("W001", "opinion-wording", W)
def opinion_wording(ctx: Context) -> Iterator[Finding]:
    """Opinion wording in an analysis, root cause or lesson.

    Problem descriptions are read too."""
    words = ctx.settings.opinion_words
    # A lesson recommends ("下次应该提前备货"): should is no guess there (应该是 still is).
    recommending = {_fold_word(w) for w in RECOMMENDING}
    in_lessons = tuple(w for w in words if _fold_word(w) not in recommending)
    sheets: tuple[tuple[Sheet, tuple[_Check, ...]], ...] = (
        (KPIS, (("analysis", words, ()),)),
        (PROBLEMS, (("problem", words, ()), ("root_cause", words, ()))),
        (LESSONS, (("lesson", in_lessons, ()),)),
    )
    return _wording(ctx, "W001", sheets, NOT_OPINION)


@rule("W002", "blaming-people", W)
def blaming_people(ctx: Context) -> Iterator[Finding]:
    """Blame aimed at people rather than behaviour.

    Read in analyses, problems, root causes, lessons and actions."""
    words, patterns = ctx.settings.blame_words, BLAME_PATTERNS
    # An action that scolds or punishes a person (批评小王) fixes no behaviour.
    sheets: tuple[tuple[Sheet, tuple[_Check, ...]], ...] = (
        (KPIS, (("analysis", words, patterns),)),
        (
            PROBLEMS,
            (
                ("problem", words, patterns),
                ("root_cause", words, patterns),
                ("action", words + ACTION_BLAME, patterns),
            ),
        ),
        (LESSONS, (("lesson", words, patterns),)),
    )
    return _wording(ctx, "W002", sheets)
