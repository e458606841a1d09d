"""Help, usage errors and messages in the user's language (issue 16, point 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli
from retrokit.cli.app import cli_lang
from retrokit.i18n import keys
from retrokit.i18n.catalogue import CATALOGUE
from retrokit.i18n.languages import derive, environment_lang, locale_lang

COMMANDS = ("init", "analyze", "report", "lint", "compare", "lessons", "export", "rules", "rule")
#: click's English that must not reach a Chinese reader.
CLICK_ENGLISH = re.compile(
    r"Usage:|Options:|Arguments:|Commands:|Show this message|\[required\]|No such option|"
    r"Missing argument|Invalid value|Try '|Error:|\[OPTIONS\]"
)


def no_latin_sentences(text: str) -> bool:
    """No run of three English words outside option names, paths, codes and format lists."""
    cleaned = re.sub(r"--[\w-]+|\$\w+|\{[^}]*\}|<[^>]*>|\S+\.(xlsx|toml|csv|sqlite)\b", "", text)
    cleaned = re.sub(
        r"retrokit|python -m|LibreOffice|GitHub Markdown|HTML|WPS|Excel|BI", "", cleaned
    )
    return not re.search(r"\b[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}\b", cleaned)


@pytest.mark.parametrize("command", [None, *COMMANDS])
@pytest.mark.parametrize(
    ("env", "marker"),
    [
        ({}, "用法："),
        ({"LANG": "zh_TW.UTF-8"}, "用法："),
        ({"RETROKIT_LANG": "zh-TW"}, "選項"),
        ({"RETROKIT_LANG": "en"}, "Usage:"),
    ],
)
def test_help_of_every_command_is_in_the_chosen_language(
    command: str | None, env: dict[str, str], marker: str
) -> None:
    proc = run_cli(*([command] if command else []), "--help", env={"LANG": "C.UTF-8", **env})
    assert proc.returncode == 0 and marker in proc.stdout, proc.stdout
    if "RETROKIT_LANG" not in env or env["RETROKIT_LANG"] != "en":
        assert not CLICK_ENGLISH.search(proc.stdout), proc.stdout
        assert no_latin_sentences(proc.stdout), proc.stdout
    if env.get("LANG", "").startswith("zh_TW") or env.get("RETROKIT_LANG") == "zh-TW":
        assert "選項" in proc.stdout and "选项" not in proc.stdout


def test_lang_on_the_command_line_wins_over_the_environment() -> None:
    proc = run_cli("lint", "--help", "--lang", "en", env={"RETROKIT_LANG": "zh-CN"})
    assert "Usage:" in proc.stdout and "Rules to skip." in proc.stdout
    proc = run_cli("lint", "--help", "--lang=zh-TW", env={"LANG": "en_US.UTF-8"})
    assert "要跳過的規則" in proc.stdout


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["lint", "--bogus"], "没有这个选项：--bogus", "No such option: --bogus"),
        (["lint"], "缺少参数 '文件或文件夹'", "Missing argument 'PATH'"),
        (["analyze"], "缺少参数 '工作簿'", "Missing argument 'WORKBOOK'"),
        (
            ["analyze", "x.xlsx", "--threshold", "abc"],
            "--threshold 的值无效：abc 不是数字",
            "abc is not a number",
        ),
        (["analyze", "x.xlsx", "--max-cells", "x"], "不是整数", "not a whole number"),
        (["analyze", "x.xlsx", "extra"], "多余的参数：extra", "unexpected extra argument"),
        (["bogus"], "没有这个命令：bogus", "No such command: bogus"),
    ],
)
def test_usage_errors_are_in_the_chosen_language(args: list[str], zh: str, en: str) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2 and zh in proc.stderr, proc.stderr
    assert "用法：" in proc.stderr and "错误：" in proc.stderr
    assert not CLICK_ENGLISH.search(proc.stderr), proc.stderr
    proc = run_cli(*args, env={"RETROKIT_LANG": "en"})
    assert proc.returncode == 2 and en in proc.stderr, proc.stderr


def test_a_bad_threshold_value_is_worded_in_the_language(example_zh) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("analyze", str(example_zh), "--threshold", "2")
    assert proc.returncode == 2 and "阈值 2.0 无效" in proc.stderr
    proc = run_cli("analyze", str(example_zh), "--threshold", "2", "--lang", "en")
    assert "threshold 2.0 is not valid" in proc.stderr


def test_the_lint_summary_line_is_in_the_chosen_language(example_zh) -> None:  # type: ignore[no-untyped-def]
    zh = run_cli("lint", str(example_zh), "--today", "2024-08-08").stdout
    assert "共检查 1 个文件：0 个错误，1 个警告，0 条提示。" in zh
    tw = run_cli("lint", str(example_zh), "--today", "2024-08-08", env={"LANG": "zh_TW.UTF-8"})
    assert "共檢查 1 個檔案" in tw.stdout
    en = run_cli("lint", str(example_zh), "--today", "2024-08-08", "--lang", "en").stdout
    assert "1 file(s) checked: 0 error(s), 1 warning(s), 0 info." in en


def test_rules_and_rule_speak_the_language() -> None:
    zh = run_cli("rules", "--lang", "zh-CN").stdout
    assert "A001  action-without-owner" in zh and "改进措施没有责任人。" in zh
    en = run_cli("rules", "--lang", "en").stdout
    assert "An action has no owner." in en
    tw = run_cli("rule", "A001", env={"RETROKIT_LANG": "zh-TW"}).stdout
    assert "改進措施沒有責任人" in tw
    assert "An action has no owner" not in run_cli("rule", "A001").stdout


def test_every_rule_has_a_chinese_summary() -> None:
    from retrokit.rules import rules

    assert {f"summary.{r.code}" for r in rules()} <= set(keys())


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ('ignore = ["Z999"]', "未知的规则选择器 'Z999'"),
        ('selct = ["A"]', "未知的配置项 'selct'"),
        ('[severity]\nA001 = "fatal"', "级别 'fatal' 不是"),
        ("threshold = 2", "0 到 1 之间"),
        ("select = [", "TOML 语法错误"),
        ("x = = 1", "TOML 语法错误（第 1 行第 5 列）"),
        ('lang = "fr"', "未知的语言 'fr'"),
        ("lang = 1", "未知的语言 '1'"),
    ],
)
def test_config_errors_are_whole_lines_in_the_language(tmp_path, text: str, zh: str) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "retrokit.toml"
    cfg.write_text(text, encoding="utf-8")
    proc = run_cli("lint", str(tmp_path), "--config", str(cfg))
    assert proc.returncode == 2 and "配置错误" in proc.stderr and zh in proc.stderr, proc.stderr
    assert no_latin_sentences(proc.stderr.replace(str(cfg), "")), proc.stderr


def test_select_on_the_command_line_is_translated_too(example_zh) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("lint", str(example_zh), "--select", "Q9")
    assert proc.returncode == 2 and "未知的规则选择器 'Q9'" in proc.stderr
    assert "unknown rule selector" not in proc.stderr


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_TW.UTF-8"}, "zh-TW"),
        ({"LANG": "zh_HK.UTF-8"}, "zh-TW"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh-TW"),
    ],
)
def test_the_locale_picks_a_language(env: dict[str, str], lang: str | None) -> None:
    assert locale_lang(env) == lang
    assert environment_lang(env) == (lang or "zh-CN")
    assert environment_lang({**env, "RETROKIT_LANG": "en"}) == "en"


def test_cli_lang_reads_lang_from_argv() -> None:
    assert cli_lang(["lint", "--lang", "en"]) == "en"
    assert cli_lang(["lint", "--lang=zh-TW"]) == "zh-TW"


def test_spelled_out_zh_tw_help_agrees_with_its_derivation() -> None:
    # Spelled out only so that --help never loads OpenCC: it must say what OpenCC would.
    for key, texts in CATALOGUE.items():
        if key.startswith(("help.", "cli.")):
            assert texts["zh-TW"] == derive(texts["zh-CN"], "zh-TW"), key


def test_english_rule_summaries_are_the_docstrings() -> None:
    from retrokit.rules import rules

    for r in rules():
        assert CATALOGUE[f"summary.{r.code}"]["en"] == r.summary, r.code


#: typer's names of Python types, which mean nothing to a marketing team.
TYPE_NAMES = re.compile(r"<(?:str|int|float|bool|path|list\[[^\]]*\])>")


@pytest.mark.parametrize("command", [None, *COMMANDS])
@pytest.mark.parametrize(("lang", "word"), [("zh-CN", "日期"), ("zh-TW", "日期"), ("en", "DATE")])
def test_help_says_what_a_value_is_not_its_python_type(
    command: str | None, lang: str, word: str
) -> None:
    proc = run_cli(*([command] if command else []), "--help", env={"RETROKIT_LANG": lang})
    assert proc.returncode == 0 and not TYPE_NAMES.search(proc.stdout), proc.stdout
    if command in ("analyze", "report", "lint"):
        assert f"--today {word}" in proc.stdout, proc.stdout


def _columns(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
@pytest.mark.parametrize("command", ["analyze", "lessons", "init"])
def test_option_help_starts_in_one_terminal_column(command: str, lang: str) -> None:
    """Chinese value words take two columns each: the help after them still lines up."""
    proc = run_cli(command, "--help", env={"RETROKIT_LANG": lang, "COLUMNS": "200"})
    starts = set()
    for line in proc.stdout.splitlines():
        found = re.match(r"(  --?\S.*?\S)  +(?=\S)", line)
        if found:
            starts.add(_columns(found.group(0)))
    assert len(starts) == 1, proc.stdout


@pytest.mark.parametrize(
    ("value", "lang", "marker"),
    [("zh-HK", "zh-TW", "核心目標"), ("zh_Hant", "zh-TW", "核心目標"), ("en-GB", "en", "Core")],
)
def test_a_config_lang_reads_as_the_option_does(
    tmp_path: Path, value: str, lang: str, marker: str, example_zh: Path
) -> None:
    """A Hong Kong team writes zh-HK: it reads as zh-TW (as --lang zh-HK does), never a crash."""
    from retrokit.lint.config import parse_config

    assert parse_config({"lang": value}, "retrokit.toml").lang == lang
    (tmp_path / "retrokit.toml").write_text(f'lang = "{value}"', encoding="utf-8")
    proc = run_cli("analyze", str(example_zh), cwd=tmp_path)
    assert proc.returncode == 0 and marker in proc.stdout, proc.stderr
