"""Smaller defects left from earlier reviews, each reproduced with a workbook built here."""

from __future__ import annotations

from conftest import run_cli

# --- the rule list says a rule's severity in the reader's language, as `rule` does --------

SEVERITY_WORDS = {
    "zh-CN": ("错误", "警告", "提示"),
    "zh-TW": ("錯誤", "警告", "提示"),
    "en": ("error", "warning", "info"),
}


def test_the_rule_list_words_severities_in_the_readers_language() -> None:
    for lang, (error, warning, info) in SEVERITY_WORDS.items():
        lines = run_cli("rules", "--lang", lang).stdout.splitlines()
        a001 = next(line for line in lines if line.startswith("A001 "))
        a003 = next(line for line in lines if line.startswith("A003 "))
        a007 = next(line for line in lines if line.startswith("A007 "))
        assert f" {error} " in a001 and f" {warning} " in a003 and f" {info} " in a007, lang
        # The same word `rule A003` puts in brackets.
        assert f"({warning})" in run_cli("rule", "A003", "--lang", lang).stdout
        if lang != "en":
            assert not any(w in " ".join(lines).split() for w in ("error", "warning", "info"))


def test_the_rule_lists_summaries_start_in_one_terminal_column() -> None:
    import re

    from retrokit.cli.catalogue import _columns

    for lang in SEVERITY_WORDS:
        lines = run_cli("rules", "--lang", lang).stdout.splitlines()
        for indent in ("", "  "):  # the rules, then their sub-checks
            rows = [x for x in lines if x.startswith(indent) and not x.startswith(indent + " ")]
            rows = [x for x in rows if len(x.split()[1]) < 28]  # a longer name pushes it on
            # Code, name and severity, then the summary: where it starts on a terminal.
            starts = {_columns(re.match(r"\s*(\S+\s+){3}", x)[0]) for x in rows}  # type: ignore[index]
            assert len(starts) == 1, (lang, starts)
