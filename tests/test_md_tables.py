"""Every Markdown table retrokit writes is one table to a GFM/CommonMark reader: no blank
line splits it (a blank line ends a table, and the rows after it become paragraphs). Each
output is parsed with markdown-it's table rule and every pipe row outside a code fence must
be a row of a parsed table."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from builders import example_data, write
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("zh-CN", "zh-TW", "en")
DELIMITER = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")


def _pipe_rows(text: str) -> int:
    """The lines that mean to be table rows (not the delimiter rows), outside code fences."""
    rows, fenced = 0, False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("|") and not DELIMITER.match(line):
            rows += 1
    return rows


def _parsed_rows(text: str) -> int:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return sum(1 for token in tokens if token.type == "tr_open")


def assert_tables_whole(text: str) -> None:
    assert _pipe_rows(text) > 0
    assert _parsed_rows(text) == _pipe_rows(text), text


def test_the_checker_sees_a_split_table() -> None:
    split = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n"
    assert _parsed_rows(split) != _pipe_rows(split)
    assert_tables_whole("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n")


@pytest.fixture
def campaigns(tmp_path: Path) -> Path:
    folder = tmp_path / "camp"
    folder.mkdir()
    write(folder / "a.xlsx")
    later = example_data()
    later["info"].update(
        project="第二期", start=dt.datetime(2024, 9, 1), end=dt.datetime(2024, 9, 15)
    )
    later["kpis"][0]["actual"] = 6_000_000
    later["kpis"][1]["actual"] = None
    write(folder / "b.xlsx", later, lang="en")
    return folder


@pytest.mark.parametrize("lang", LANGS)
def test_the_review_report(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "r.md"
    book = ROOT / "examples" / "summer-promo-2024.xlsx"
    proc = run_cli("report", str(book), "-o", str(out), "--lang", lang, "--today", "2024-08-08")
    assert proc.returncode == 0, proc.stderr
    assert_tables_whole(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_review_report_with_its_plan(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "r.md"
    book = ROOT / "examples" / "summer-promo-2024.xlsx"
    plan = ROOT / "examples" / "summer-promo-2024.plan.xlsx"
    proc = run_cli(
        "report", str(book), "--plan", str(plan), "-o", str(out), "--lang", lang,
        "--today", "2024-08-08",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert_tables_whole(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_report(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "p.md"
    plan = ROOT / "examples" / "summer-promo-2024.plan.xlsx"
    proc = run_cli("report", str(plan), "-o", str(out), "--lang", lang, "--today", "2024-06-20")
    assert proc.returncode == 0, proc.stderr
    assert_tables_whole(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_compare(tmp_path: Path, campaigns: Path, lang: str) -> None:
    out = tmp_path / "c.md"
    proc = run_cli("compare", str(campaigns), "--format", "md", "-o", str(out), "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert_tables_whole(text)
    assert _parsed_rows(text) >= 1 + 2 + 1 + 6  # the campaigns' and the metrics' tables


@pytest.mark.parametrize("lang", LANGS)
def test_lessons(tmp_path: Path, campaigns: Path, lang: str) -> None:
    out = tmp_path / "l.md"
    proc = run_cli("lessons", str(campaigns), "--format", "md", "-o", str(out), "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    assert_tables_whole(out.read_text(encoding="utf-8"))
