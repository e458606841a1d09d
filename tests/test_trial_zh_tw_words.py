"""zh-TW reads as Taiwan writes it: a row is 列 and a column 欄, and no mainland-only words.

Two new-user trials read 「方向」列 (the mainland's column), 第 11 行是合計行 (its row) and 找錯物件 (a
programmer's object) in zh-TW. OpenCC converts characters and cannot know a sense, so the
zh-TW derivation rewrites the phrases of one sense (retrokit.i18n.languages.TAIWAN_PHRASES).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from retrokit.api import analyze_workbook, render_report, scaffold_workbook
from retrokit.i18n import _template, keys, t
from retrokit.i18n.catalogue import CATALOGUE
from retrokit.i18n.languages import derive, localise
from retrokit.method.campaigns import carried_label, parse_carried

#: Characters that start a word with 行 (行動, 行為, 行銷 ...), after which 行 is no row.
_HANG_WORD = "動為銷業程政事人李駛使情家走進星文善經距頭各列"

#: The mainland's 行 for a row and 列 for a column, in the phrases the catalogue uses. A text
#: file's 第 {line} 行 is Taiwan's usage too; 列出, 列表, 列入, 列為 are the verb "to list".
MAINLAND_ROW_COLUMN = re.compile(
    r"第\s*(?:\{(?!line\})\w+\}|\d+)\s*行"
    rf"|[一每本該各的]行(?![{_HANG_WORD}])"
    r"|(?:合計|小計|總計|表頭|KPI ?|問題|預算|相鄰|空)行(?![動為])"
    r"|第\s*\{column\}\s*列|必填列|[」”]列(?![出表入舉印為])|列標題|列名"
    r"|(?:該|這一|三|前置依賴|方向|所在)列(?![出表入舉印為])"
)

#: Mainland words a Taiwan marketer notices (物件 only where it is no named programming
#: object such as ``plan 物件`` in JSON; 版面配置 is Taiwan's PowerPoint word).
WORDS = (
    "(?<![A-Za-z] )物件|模板|示例|樣例|幻燈片|佔位符|閾值|(?<!版面)配置|列表|生成|營銷|對比|文本"
    "|跟蹤|壓縮包|二進位制|復制|規則程式碼"
)
MAINLAND_WORDS = re.compile(WORDS + "|(?<!大)數據")
#: The workbook's own labels keep DOMAIN.md's zh-TW words: the lessons column 效果數據 and the
#: plan's team role 數據 (a data analyst) are what Taiwan teams write there too.
OUTPUT_WORDS = re.compile(WORDS)


def zh_tw_texts() -> dict[str, str]:
    return {key: _template(key, "zh-TW") for key in keys()}


def offending(texts: list[str]) -> list[str]:
    return [x for x in texts if MAINLAND_ROW_COLUMN.search(x) or OUTPUT_WORDS.search(x)]


def test_no_catalogue_text_reads_the_mainland_row_column_or_words() -> None:
    found = {
        key: text
        for key, text in zh_tw_texts().items()
        if MAINLAND_ROW_COLUMN.search(text) or MAINLAND_WORDS.search(text)
    }
    assert not found, found


def test_the_texts_the_trials_read_now_say_row_and_column_as_taiwan_does() -> None:
    assert "第 11 列是合計列" in t("S005", "zh-TW", row=11, label="合計")
    assert "缺少必填欄位「編號」" in t("S002", "zh-TW", sheet="執行排程", column="編號")
    assert "請在「方向」欄寫明" in t("K004", "zh-TW", metric="m", source="s", direction="d")
    assert "問題列的「指標」欄" in t("summary.K003", "zh-TW")
    assert "請新增一列並在「關聯指標」中寫上它" in t("K003", "zh-TW", metric="m")
    p008 = t("P008", "zh-TW", task="T2", row=5, first="t2")
    assert "第 5 列" in p008 and "找錯對象" in p008 and "物件" not in p008
    assert "第 3 行第 4 欄" in t("config.toml_at", "zh-TW", line=3, column=4)
    assert t("export.row", "zh-TW") == "列號"
    assert "欄標題" in t("help.headers", "zh-TW")
    assert "plan 物件" in t("help.plan", "zh-TW")  # a JSON object is Taiwan's 物件


def test_texts_spelled_out_for_zh_tw_read_as_its_phrases_and_vocabulary() -> None:
    # A text the catalogue spells out for zh-TW skips the derivation: it must not keep a word
    # the derivation would have rewritten.
    for key, texts in CATALOGUE.items():
        if "zh-TW" in texts:
            assert localise(texts["zh-TW"], "zh-TW") == texts["zh-TW"], key


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("第 {row} 行", "第 {row} 列"),
        ("第 12 行", "第 12 列"),
        ("请新增一行", "請新增一列"),
        ("每行一个任务", "每列一個任務"),
        ("合计行、小计行", "合計列、小計列"),
        ("已填写的行中", "已填寫的列中"),
        ("缺少必填列", "缺少必填欄位"),
        ("在“方向”列写明", "在「方向」欄寫明"),
        ("请在表头行中添加这一列", "請在標題列中新增這一欄"),
        ("第 {line} 行第 {column} 列", "第 {line} 行第 {column} 欄"),
        ("依赖它的任务会找错对象", "依賴它的任務會找錯對象"),
        ("JSON 增加 plan 对象", "JSON 增加 plan 物件"),
        ("用 retrokit init 生成模板", "用 retrokit init 產生範本"),
    ],
)
def test_derive_rewrites_the_phrases_of_one_sense(source: str, expected: str) -> None:
    assert derive(source, "zh-TW") == expected


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("完成后运行 retrokit lint 检查", "執行"),
        ("状态选“进行中”", "進行中"),
        ("营销活动", "行銷活動"),
        ("改进行动", "改進行動"),
        ("没有责任人的行动", "的行動"),
        ("该行动已连续 2 次延续", "該行動"),
        ("统一行动", "統一行動"),
        ("描述行为和事实", "描述行為"),
        ("银行转账", "銀行"),
        ("流行趋势", "流行"),
        ("各行各业", "各行各業"),
        ("出行人数", "出行"),
        ("用 retrokit rules 列出全部规则", "列出"),
        ("任务把自己列为前置依赖", "列為"),
        ("未列入", "列入"),
    ],
)
def test_sensible_words_survive(source: str, kept: str) -> None:
    assert kept in derive(source, "zh-TW")


def test_a_carried_over_action_reads_in_either_word() -> None:
    label = carried_label("summer.xlsx", 5, "zh-TW")
    assert label == "summer.xlsx 第 5 列"
    assert parse_carried(label) == ("summer.xlsx", 5)
    assert parse_carried("summer.xlsx 第 5 行") == ("summer.xlsx", 5)  # older zh-TW workbooks


def workbook_texts(path: Path) -> list[str]:
    out: list[str] = []
    for ws in load_workbook(path).worksheets:
        out += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        for dv in ws.data_validations.dataValidation:
            out += [x for x in (dv.prompt, dv.promptTitle, dv.error, dv.errorTitle) if x]
    return out


@pytest.mark.parametrize("kind", ["review", "plan"])
@pytest.mark.parametrize("example", [False, True])
def test_the_zh_tw_workbooks_say_row_and_column_as_taiwan_does(
    tmp_path: Path, kind: str, example: bool
) -> None:
    path = scaffold_workbook(tmp_path / "tw.xlsx", lang="zh-TW", kind=kind, example=example)
    assert not offending(workbook_texts(path))


def test_the_zh_tw_report_of_a_review_with_its_plan(tmp_path: Path) -> None:
    plan = scaffold_workbook(tmp_path / "plan.xlsx", lang="zh-TW", kind="plan", example=True)
    review = scaffold_workbook(tmp_path / "review.xlsx", lang="zh-TW", example=True)
    html = render_report(analyze_workbook(review, plan=plan), "html", "zh-TW")
    text = re.sub(r"<[^>]+>", "\n", html)
    assert not offending(text.splitlines())


def test_rules_and_help_in_zh_tw() -> None:
    env = {"RETROKIT_LANG": "zh-TW"}
    rules = run_cli("rules", "--lang", "zh-TW", env=env)
    assert rules.returncode == 0, rules.stderr
    assert "已填寫的列中有必填儲存格為空" in rules.stdout
    assert not offending(rules.stdout.splitlines())
    for command in ("init", "export", "lint"):
        shown = run_cli(command, "--help", env=env)
        assert shown.returncode == 0, shown.stderr
        assert not offending(shown.stdout.splitlines()), command
