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

import re
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
    #: Phrases whose sense a character conversion cannot know, as (regular expression,
    #: replacement) applied in order before the vocabulary: a spreadsheet's row and column
    #: (the mainland's 行 and 列 are Taiwan's 列 and 欄), keyed on contexts that have one sense.
    phrases: tuple[tuple[str, str], ...] = ()


#: Characters that start a word with 行 in it (行動, 行為, 行銷, 行業 ...): such a 行 is no row.
_WORD_AFTER_HANG = "動為銷業程政事人李駛使情家走進星文善經距頭各列"
#: 列 starting a verb or word of its own (列出, 列表, 列入, 列舉, 列印): such a 列 is no column.
_WORD_AFTER_LIE = "出表入舉印"

#: Taiwan's phrases for what s2twp converts character by character. A spreadsheet's column is
#: the mainland's 列 and Taiwan's 欄 (欄位), its row the mainland's 行 and Taiwan's 列; columns
#: are rewritten first, so that a row's new 列 is not taken for a column. Only contexts with one
#: sense are keyed on (第 {row} 行, 一行, 合計行, 「X」列, 必填列): 執行, 進行, 行銷, 銀行 and the
#: list verb 列出 stay, and a text file's 第 {line} 行 is Taiwan's usage too.
TAIWAN_PHRASES: tuple[tuple[str, str], ...] = (
    ("(?<!大)數據", "資料"),
    # 配置 is a setting; Taiwan's PowerPoint says 版面配置 for a layout (版式, below).
    ("配置檔案", "設定檔"),
    ("(?<!版面)配置", "設定"),
    ("必填[列項]", "必填欄位"),
    ("列(標題|名)", r"欄\1"),
    ("(方向|前置依賴|所在)列", r"\1欄"),
    (f"([」”]|這一|該|各|兩|三)列(?![{_WORD_AFTER_LIE}為])", r"\1欄"),
    (r"第(\s*(?:\{\w+\}|\d+)\s*)列", r"第\1欄"),
    ("表頭行?", "標題列"),
    (r"第(\s*(?:\{(?!line\})\w+\}|\d+)\s*)行", r"第\1列"),
    (
        f"(一|兩|三|每|本|該|各|的|空|相鄰|合計|小計|總計|問題|預算|資料|KPI ?)行(?![{_WORD_AFTER_HANG}])",
        r"\1列",
    ),
    # 对象 is a party or target (找錯對象); s2twp's 物件 is a programmer's object, kept only
    # where it names one (JSON 增加 plan 物件).
    ("(?<![A-Za-z] )物件", "對象"),
    ("解壓(?!縮)", "解壓縮"),
    ("(\\d|按|每)\\s*周", r"\1週"),
)

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
            # The mainland words s2twp leaves as they are, in Taiwan's office and marketing
            # usage (範本 and 投影片 are what Taiwan's Office says; a rule's 代碼 is no 程式碼).
            ("營銷", "行銷"),
            ("模板", "範本"),
            ("示例", "範例"),
            ("樣例", "範例"),
            ("文本", "文字"),
            ("列表", "清單"),
            ("生成", "產生"),
            ("閾值", "門檻值"),
            ("跟蹤", "追蹤"),
            ("對比", "比較"),
            ("幫助", "說明"),
            ("轉化", "轉換"),
            ("點選率", "點擊率"),
            ("渠道", "通路"),
            ("反饋", "回饋"),
            ("調研", "調查"),
            ("打法", "做法"),
            ("策劃", "企劃"),
            ("彙報人", "報告人"),
            ("幻燈片", "投影片"),
            ("佔位符", "版面配置區"),
            ("版式", "版面配置"),
            ("宏表", "巨集表"),
            ("壓縮包", "壓縮檔"),
            ("拼寫", "拼字"),
            ("二進位制", "二進位"),
            ("復制", "複製"),
            ("高亮", "醒目標示"),
            ("規則程式碼", "規則代碼"),
            ("規則的程式碼", "規則的代碼"),
            ("程式碼、名稱", "代碼、名稱"),
        ),
        phrases=TAIWAN_PHRASES,
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


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def localise(text: str, lang: str) -> str:
    """``text``, already in ``lang``'s script, in ``lang``'s phrases and vocabulary: the step
    after OpenCC's conversion (a text spelled out for ``lang`` reads the same through it)."""
    target = _BY_CODE[lang]
    for pattern, replacement in target.phrases:
        text = _compiled(pattern).sub(replacement, text)
    for other, own in target.vocabulary:
        text = text.replace(other, own)
    return text


def derive(text: str, lang: str) -> str:
    """``text``, written in the language ``lang`` derives from, converted into ``lang``."""
    target = _BY_CODE[lang]
    if not target.opencc_profile:
        return text
    return localise(str(_converter(target.opencc_profile).convert(text)), lang)


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
    return asked_lang(environ) or DEFAULT_LANG


def asked_lang(environ: Mapping[str, str] | None = None) -> Lang | None:
    """The language the environment names (RETROKIT_LANG, else the locale), or None when it
    names none (a CI runner's C locale)."""
    import os

    env = os.environ if environ is None else environ
    wanted = env.get("RETROKIT_LANG", "").replace("_", "-").casefold()
    for code in LANGS:
        if wanted == code.casefold():
            return code
    return locale_lang(env)
