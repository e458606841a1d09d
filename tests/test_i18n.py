"""The language registry and everything keyed by it stay complete: a language added to the
registry without its catalogue column, schema labels or example text fails here."""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, get_args

import pytest

from retrokit import i18n
from retrokit.i18n import languages, t
from retrokit.i18n.catalogue import CATALOGUE
from retrokit.i18n.languages import LANGS, LANGUAGES, Language
from retrokit.workbook import example
from retrokit.workbook.schema import ALL_CHOICE_LISTS, SHEETS

#: Languages whose text is written out, not derived from another's.
WRITTEN = [x.code for x in LANGUAGES if x.derives_from is None]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_type_names_every_registered_language() -> None:
    assert set(get_args(languages.Lang)) == set(LANGS)
    assert languages.DEFAULT_LANG in LANGS


def test_every_language_states_its_facts() -> None:
    for language in LANGUAGES:
        assert language.html_lang and language.fonts and language.babel_locale
        assert language.list_separator and language.colon
        if language.derives_from is not None:
            assert language.derives_from in LANGS
            assert language.derives_from != language.code


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_a_catalogue_entry_has_text_for_every_written_language(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) <= set(LANGS), f"{key}: unregistered {set(entry) - set(LANGS)}"
    missing = [lang for lang in WRITTEN if lang not in entry]
    assert not missing, f"{key} has no text in {missing}"
    # The same placeholders in every language, or t() fails in one of them only.
    assert len({frozenset(_fields(text)) for text in entry.values()}) == 1, key


def _labelled() -> Iterator[tuple[str, Mapping[str, str]]]:
    for sheet in SHEETS:
        yield f"sheet {sheet.key}", sheet.labels
        for column in sheet.columns:
            yield f"column {sheet.key}.{column.key}", column.labels
    for choices in ALL_CHOICE_LISTS:
        for choice in choices.choices:
            yield f"choice {choices.name}.{choice.code}", choice.labels


def test_every_sheet_column_and_list_value_has_a_label_in_every_language() -> None:
    # Labels are matched when reading, where converting text per cell would be slow, so a
    # derived language spells its labels out too.
    for where, labels in _labelled():
        assert set(labels) == set(LANGS), where


def test_the_worked_example_has_text_for_every_written_language() -> None:
    rows: list[dict[str, Any]] = [example.INFO, *example.KPIS, *example.PROBLEMS, *example.LESSONS]
    for row in rows:
        for key, value in row.items():
            if isinstance(value, Mapping):
                assert set(WRITTEN) <= set(value) <= set(LANGS), key


def test_a_derived_language_converts_the_text_it_does_not_spell_out() -> None:
    import opencc

    assert "zh-TW" not in CATALOGUE["report.summary"]
    converted = opencc.OpenCC("s2twp").convert(CATALOGUE["report.summary"]["zh-CN"])
    assert t("report.summary", "zh-TW", total=1, exceeded=0, met=0, missed=1) == converted.format(
        total=1, exceeded=0, met=0, missed=1
    )
    # ...and keeps its own text where the catalogue gives one.
    assert t("label.na", "zh-TW") == CATALOGUE["label.na"]["zh-TW"]


def test_a_registered_language_reads_the_catalogue_through_the_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hong_kong = Language(
        code="zh-HK",
        html_lang="zh-Hant-HK",
        fonts=('"PingFang HK"',),
        list_separator="、",
        colon="：",
        word_separator="",
        babel_locale="zh_Hant_HK",
        derives_from="zh-CN",
        opencc_profile="s2hk",
    )
    monkeypatch.setitem(languages._BY_CODE, "zh-HK", hong_kong)
    i18n._template.cache_clear()
    try:
        assert t("report.untitled", "zh-HK") == "未命名活動"  # type: ignore[arg-type]
        assert t("report.untitled", "en") == "Untitled campaign"
    finally:
        i18n._template.cache_clear()


def test_the_page_font_stack_lists_every_language_in_registry_order() -> None:
    fonts = languages.page_fonts()
    for language in LANGUAGES:
        assert all(font in fonts for font in language.fonts)
    assert fonts[0] == LANGUAGES[0].fonts[0]


def test_derived_texts_are_converted_ahead_of_time_and_current() -> None:
    """`make catalogue` wrote every derived text; a stale one would be converted afresh, but
    the file must keep up so that no process loads OpenCC just to word a message."""
    from retrokit.i18n import derived_texts
    from retrokit.i18n.derived import DERIVED

    assert derived_texts() == DERIVED, "src/retrokit/i18n/derived.py is stale: run `make catalogue`"


def test_messages_in_a_derived_language_do_not_load_opencc() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from retrokit.i18n import t\n"
        "t('S003', 'zh-TW', column='x'); t('report.title', 'zh-TW', project='p')\n"
        "print('opencc' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "given,lang",
    [("zh-HK", "zh-TW"), ("zh_mo", "zh-TW"), ("zh-Hant", "zh-TW"), ("zh-SG", "zh-CN"),
     ("zh-Hans", "zh-CN"), ("zh", "zh-CN"), ("en-GB", "en"), ("EN_us", "en"), ("zh_tw", "zh-TW")],
)  # fmt: skip
def test_lang_takes_the_regions_and_scripts_the_locale_takes(given: str, lang: str) -> None:
    from retrokit.i18n import check_lang

    assert check_lang(given) == lang


@pytest.mark.parametrize("given", ["fr", "xx", "", "C"])
def test_lang_refuses_what_we_do_not_speak(given: str) -> None:
    from retrokit.i18n import check_lang

    with pytest.raises(ValueError):
        check_lang(given)


def test_the_characters_opencc_may_change_are_current() -> None:
    """`make catalogue` wrote the characters OpenCC's t2s may change and our own Traditional
    spellings converted; stale, a text would pass unconverted (or OpenCC load again)."""
    from retrokit.i18n import _schema_conversions, _t2s_changed_characters
    from retrokit.i18n.simplified import CHANGED, CONVERTED

    changed = _t2s_changed_characters()
    assert changed == CHANGED, "src/retrokit/i18n/simplified.py is stale: run `make catalogue`"
    assert _schema_conversions(changed) == CONVERTED, "run `make catalogue`"


def test_t2s_leaves_every_other_character_as_it_is() -> None:
    """Every Han character outside CHANGED, all in one text (so phrases could match across
    them), comes back from OpenCC unchanged: skipping OpenCC for them loses nothing."""
    from retrokit.i18n.simplified import CHANGED
    from retrokit.text import _t2s

    blocks = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20)]
    text = "".join(chr(i) for a, b in blocks for i in range(a, b) if chr(i) not in CHANGED)
    assert _t2s().convert(text) == text
    assert all(_t2s().convert(c) != c for c in "項稱預達風險後發")
    assert set("項稱預達風險後發") <= CHANGED


def test_traditional_text_is_still_converted() -> None:
    from retrokit.text import fold, to_simplified

    assert to_simplified("預算分配（萬元）") == "预算分配（万元）"
    assert fold("專案名稱") == fold("项目名称") or fold("專案名稱") == "专案名称"
    assert fold("執行排期") == "执行排期"


def test_reading_a_simplified_or_english_workbook_does_not_load_opencc() -> None:
    """OpenCC's dictionaries (~25 ms a process) load only for text they would change."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent / "examples"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from retrokit import api\n"
        "for path in sys.argv[1:]:\n"
        "    read = api.open_workbook(Path(path))\n"
        "    (api.analyze_plan if read.kind == 'plan' else api.analyze_workbook)(read)\n"
        "print('opencc' in sys.modules)\n"
    )
    files = [str(root / f) for f in ("summer-promo-2024.xlsx", "summer-promo-2024.en.xlsx",
                                     "summer-promo-2024.plan.xlsx")]  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-c", code, *files], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
