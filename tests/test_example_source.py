"""Issue 14.7: the worked example follows DOMAIN.md's source (core KPIs, causes, team,
lessons), lints with only the findings it should have, and says which fields are illustrative."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from retrokit.api import lint_paths
from retrokit.i18n import t
from retrokit.method import analyze
from retrokit.workbook import example, scaffold
from retrokit.workbook.reader import read_workbook
from retrokit.workbook.schema import LANGS, Lang

TODAY = dt.date(2024, 8, 8)


def test_the_source_facts_are_in_the_example() -> None:
    core = [k["metric"]["zh-CN"] for k in example.KPIS if k["core"] == "yes"]
    assert core == ["新增注册用户", "销售额"]
    analysis = {k["metric"]["zh-CN"]: k["analysis"]["zh-CN"] for k in example.KPIS}
    assert "紧急追加 KOL 投放费用，应对竞品冲击" in analysis["总费用(万元)"]
    assert "竞品同期投放增加" in analysis["曝光量"]
    assert "赵专员" in example.INFO["team"]["zh-CN"] and "Zhao" in example.INFO["team"]["en"]
    assert [lesson["recorded_by"]["zh-CN"] for lesson in example.LESSONS] == ["王主管", "李策划"]
    assert {lesson["recorded_on"] for lesson in example.LESSONS} == {dt.date(2024, 7, 20)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_lints_with_only_its_overdue_action(tmp_path: Path, lang: Lang) -> None:
    path = scaffold.init(tmp_path / f"ex-{lang}.xlsx", lang=lang, example_data=True)
    findings = lint_paths([path], today=TODAY, jobs=1)
    assert [f.code for f in findings] == ["A004"]
    result = analyze(read_workbook(path), today=TODAY)
    assert result.summary["overall_rate"] == pytest.approx(0.8)
    missed_core = [
        k.metric for k in result.kpis if k.core and k.status and k.status.value == "missed"
    ]
    named = {p.metric for p in result.problems}
    assert len(missed_core) == 2 and set(missed_core) <= named


@pytest.mark.parametrize("lang", LANGS)
def test_the_how_to_sheet_of_the_example_says_what_is_illustrative(
    tmp_path: Path, lang: Lang
) -> None:
    note = t("instructions.example", lang)
    assert note and all(w in note for w in ("Impact", "Effort", "Status")) == (lang == "en")
    for filled in (True, False):
        path = scaffold.init(tmp_path / f"{filled}-{lang}.xlsx", lang=lang, example_data=filled)
        ws = load_workbook(path)[t("sheet.instructions", lang)]
        lines = [row[0].value for row in ws.iter_rows()]
        assert (note in lines) is filled
