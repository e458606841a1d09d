"""Lint messages people read: severities in their language, a cell and a fix in every message,
rule metadata in one language, findings in the workbook's order."""

from __future__ import annotations

import json
from pathlib import Path

from builders import write
from conftest import run_cli


def test_the_step_summary_is_worded_in_the_runs_language(tmp_path: Path) -> None:
    review = write(tmp_path / "review.xlsx")
    for lang, head, word in (
        ("zh-CN", "| 文件 | 单元格 | 代码 | 级别 | 说明 |", "| 警告 |"),
        ("zh-TW", "| 檔案 | 儲存格 | 代碼 | 級別 | 說明 |", "| 警告 |"),
        ("en", "| file | cell | code | severity | message |", "| warning |"),
    ):
        summary = tmp_path / f"summary-{lang}.md"
        proc = run_cli(
            "lint",
            str(review),
            "--today",
            "2024-08-08",
            "--format",
            "github",
            "--lang",
            lang,
            env={"GITHUB_STEP_SUMMARY": str(summary)},
        )
        table = summary.read_text(encoding="utf-8")
        assert head in table and word in table, table
        # The annotation commands stay GitHub's own tokens.
        assert "::warning " in proc.stdout, proc.stdout


def _sarif(args: list[str], tmp_path: Path) -> dict[str, object]:
    import pytest

    from conftest import need_shared

    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((need_shared() / "schemas" / "sarif-schema-2.1.0.json").read_text())
    log = json.loads(run_cli("lint", *args, "--format", "sarif").stdout)
    jsonschema.validate(log, schema)
    return log  # type: ignore[no-any-return]


def test_sarif_rule_metadata_is_in_the_results_language(tmp_path: Path) -> None:
    from retrokit.i18n import t
    from retrokit.rules import REGISTRY

    review = write(tmp_path / "review.xlsx")  # a zh-CN workbook
    for options, lang in (([], "zh-CN"), (["--lang", "zh-TW"], "zh-TW"), (["--lang", "en"], "en")):
        log = _sarif([str(review), "--today", "2024-08-08", *options], tmp_path)
        run = log["runs"][0]  # type: ignore[index]
        a004 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "A004")
        short = REGISTRY["A004"].summary if lang == "en" else t("summary.A004", lang)
        assert a004["shortDescription"]["text"] == short, (lang, a004)
        assert a004["help"]["text"] == t("doc.A004", lang)
        result = next(r for r in run["results"] if r["ruleId"] == "A004")
        assert ("逾期" in result["message"]["text"]) == (lang != "en"), result
    # No finding: the head still comes, whole and valid.
    clean = tmp_path / "empty"
    clean.mkdir()
    log = _sarif([str(clean)], tmp_path)
    assert log["runs"][0]["results"] == []  # type: ignore[index]
