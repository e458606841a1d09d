"""The languages retrokit speaks, and every fact about them that is not a catalogue text.

A language is registered once here: its code, how HTML names it, the fonts its text needs, how
it joins a list, which babel locale writes its numbers, and whether its text derives from another
language (zh-TW from zh-CN through OpenCC's ``s2twp``) where nothing is spelled out for it.
Everything else that varies by language is a column of :mod:`retrokit.i18n.catalogue` or of the
labels in :mod:`retrokit.workbook.schema`, keyed by :attr:`Language.code`.

This module is light on purpose: the workbook schema imports it, and OpenCC is only imported when
a text is actually derived.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, cast

#: The codes of the registered languages, for the type checker. Keep in step with LANGUAGES
#: (tests/test_i18n.py checks that they agree).
Lang = Literal["zh-CN", "zh-TW", "en"]


@dataclass(frozen=True)
class Language:
    """One language of the output and of the workbooks retrokit writes and reads."""

    code: str
    #: The ``lang`` attribute of an HTML page in this language.
    html_lang: str
    #: Fonts for this language's text, most preferred first, as CSS names them (quoted when they
    #: hold a space). A page lists every language's fonts, since data in one language often
    #: appears under headings in another.
    fonts: tuple[str, ...]
    #: Joins the items of a list in running text: 、 in Chinese, ", " in English.
    list_separator: str
    #: Separates a label from its value in running text: ： in Chinese, ": " in English.
    colon: str
    #: Separates two words joined into one label ("Low Effort", but 低实施难度).
    word_separator: str
    #: The babel locale that writes this language's numbers (450万, 4.5M).
    babel_locale: str
    #: The language whose text this one converts where the catalogue spells out none of its own.
    derives_from: str | None = None
    #: The OpenCC profile of that conversion.
    opencc_profile: str | None = None
    #: Words the conversion leaves in another region's usage, and this language's word for
    #: each (one word per concept: Taiwan writes 使用者, 專案, 品質).
    vocabulary: tuple[tuple[str, str], ...] = ()


LANGUAGES: tuple[Language, ...] = (
    Language(
        code="zh-CN",
        html_lang="zh-Hans",
        fonts=(
            '"PingFang SC"',
            '"Hiragino Sans GB"',
            '"Microsoft YaHei"',
            '"Noto Sans CJK SC"',
            '"Source Han Sans SC"',
        ),
        list_separator="、",
        colon="：",
        word_separator="",
        babel_locale="zh_CN",
    ),
    Language(
        code="zh-TW",
        html_lang="zh-Hant",
        fonts=(
            '"PingFang TC"',
            '"Hiragino Sans TC"',
            '"Microsoft JhengHei"',
            '"Noto Sans CJK TC"',
            '"Source Han Sans TC"',
        ),
        list_separator="、",
        colon="：",
        word_separator="",
        babel_locale="zh_Hant_TW",
        derives_from="zh-CN",
        opencc_profile="s2twp",
        vocabulary=(
            ("用戶", "使用者"),
            ("項目", "專案"),
            ("質量", "品質"),
            # Taiwan's Excel and WPS say 活頁簿 and 儲存格; 型別 is a programmer's type.
            ("工作簿", "活頁簿"),
            ("單元格", "儲存格"),
            ("型別", "類型"),
            ("併為", "並為"),
            # Taiwan quotes with corner brackets, as the texts spelled out for it do.
            ("“", "「"),
            ("”", "」"),
        ),
    ),
    Language(
        code="en",
        html_lang="en",
        fonts=(
            "system-ui",
            "-apple-system",
            '"Segoe UI"',
            "Roboto",
            '"Helvetica Neue"',
            "Arial",
            "sans-serif",
        ),
        list_separator=", ",
        colon=": ",
        word_separator=" ",
        babel_locale="en",
    ),
)

#: Every language code, in the registry's order (the order of preference when two tie).
LANGS: tuple[Lang, ...] = tuple(cast(Lang, language.code) for language in LANGUAGES)
DEFAULT_LANG: Lang = "zh-CN"

_BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}


def language(code: str) -> Language:
    """The registered language of ``code``; KeyError for one that is not registered."""
    return _BY_CODE[code]


def page_fonts(lang: str | None = None) -> tuple[str, ...]:
    """The CSS font stack of a page: every language's fonts, the page's own language first
    (a zh-Hant page must not draw its text in Simplified glyph forms), then the registry's
    order."""
    # A stack that ends in a generic family (English: sans-serif) stays last, or nothing
    # after it would ever be used.
    first = (
        [_BY_CODE[lang]] if lang in _BY_CODE and "sans-serif" not in _BY_CODE[lang].fonts else []
    )
    ordered = first + [language for language in LANGUAGES if language not in first]
    return tuple(font for language in ordered for font in language.fonts)


@lru_cache(maxsize=8)
def _converter(profile: str) -> Any:
    import opencc

    return opencc.OpenCC(profile)


def derive(text: str, lang: str) -> str:
    """``text``, written in the language ``lang`` derives from, converted into ``lang``."""
    target = _BY_CODE[lang]
    if not target.opencc_profile:
        return text
    converted = str(_converter(target.opencc_profile).convert(text))
    for other, own in target.vocabulary:
        converted = converted.replace(other, own)
    return converted


def pick(texts: Mapping[str, Any], lang: str) -> Any:
    """The text for ``lang`` from texts keyed by language code: its own where given, else the
    text of the language it derives from, converted. KeyError when neither is there."""
    if lang in texts:
        return texts[lang]
    source = _BY_CODE[lang].derives_from
    if source is None:
        raise KeyError(lang)
    value = pick(texts, source)
    return derive(value, lang) if isinstance(value, str) else value


def locale_lang(environ: Mapping[str, str]) -> Lang | None:
    """The language the POSIX locale asks for (LC_ALL, then LC_MESSAGES, then LANG):
    zh_TW/zh_HK/zh_MO and zh_Hant read as zh-TW, other Chinese as zh-CN, en_* as en; None for
    C, POSIX or a language retrokit does not speak."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if not value:
            continue
        tag = value.split(".")[0].split("@")[0].replace("-", "_").casefold()
        if tag.startswith("zh"):
            traditional = any(part in tag for part in ("_tw", "_hk", "_mo", "hant"))
            return "zh-TW" if traditional else "zh-CN"
        if tag == "en" or tag.startswith("en_"):
            return "en"
        return None
    return None


def environment_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the environment asks for: RETROKIT_LANG, else the locale, else zh-CN."""
    import os

    env = os.environ if environ is None else environ
    wanted = env.get("RETROKIT_LANG", "").replace("_", "-").casefold()
    for code in LANGS:
        if wanted == code.casefold():
            return code
    return locale_lang(env) or DEFAULT_LANG
