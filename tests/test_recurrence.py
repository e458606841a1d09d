"""A carried-over row is not a recurrence, nor is a second file of one campaign (issue 14,
point 4); R001 names the other files relative to the linted folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builders import example_data, write
from conftest import run_cli
from retrokit.lint.config import Config
from retrokit.lint.engine import run
from retrokit.lint.selection import make_selection, select_findings
from retrokit.rules import Settings

SETTINGS = Settings(today=dt.date(2024, 9, 1))


def r001(paths: list[Path]) -> list[str]:
    found = select_findings(run(paths, SETTINGS, jobs=1), make_selection(Config()))
    return [f.message("en") for f in found if f.code == "R001"]


def campaign(path: Path, project: str, **problem: str) -> Path:
    data = example_data()
    data["info"]["project"] = project
    data["problems"][0].update(problem)
    return write(path, data)


def test_two_files_of_one_campaign_are_a_duplicate(tmp_path: Path) -> None:
    write(tmp_path / "a.xlsx")
    write(tmp_path / "copy of a.xlsx")
    assert r001([tmp_path]) == []


def test_a_carried_over_row_is_not_a_recurrence(tmp_path: Path) -> None:
    campaign(tmp_path / "q1.xlsx", "Q1")
    data = example_data()
    data["info"]["project"] = "Q2"
    for i, p in enumerate(data["problems"]):
        p["carried_from"] = f"q1.xlsx 第 {i + 2} 行"
    write(tmp_path / "q2.xlsx", data)
    assert r001([tmp_path]) == []


def test_files_are_named_relative_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "2024" / "h1").mkdir(parents=True)
    (tmp_path / "2024" / "h2").mkdir(parents=True)
    campaign(tmp_path / "2024" / "h1" / "review.xlsx", "H1")
    campaign(tmp_path / "2024" / "h2" / "review.xlsx", "H2")
    messages = r001([tmp_path])
    assert messages and any("h2/review.xlsx" in m for m in messages), messages


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_compare_leaves_carried_rows_and_duplicates_out(tmp_path: Path, lang: str) -> None:
    import json

    write(tmp_path / "a.xlsx")
    write(tmp_path / "a-copy.xlsx")
    proc = run_cli("compare", str(tmp_path / "a.xlsx"), str(tmp_path / "a-copy.xlsx"),
                   "--format", "json", "--lang", lang)  # fmt: skip
    data = json.loads(proc.stdout)
    assert data["recurring_areas"] == [] and data["recurring_root_causes"] == []
