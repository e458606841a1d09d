"""Task ids with a space or a comma (``A 1``, ``A,2``) under an ID column: a predecessor cell
naming such an id as written is that task, not two unknown ones (no false P004); a space still
splits ids that tasks have (``T1 T3``), and an unknown id with a space is named as written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan_builders import Book, plan_file
from retrokit import api
from retrokit.method.plan import PlanAnalysis
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")


def analysed(tmp_path: Path, lang: Lang, cells: dict[int, str]) -> PlanAnalysis:
    """The example plan with T1 renamed ``A 1`` and T2 ``A,2``, and T3.. depending on
    ``cells`` by row."""

    def edit(book: Book) -> None:
        book.set("tasks", 2, "id", "A 1")
        book.set("tasks", 3, "id", "A,2")
        book.set("tasks", 3, "depends_on", "A 1")
        for row, cell in cells.items():
            book.set("tasks", row, "depends_on", cell)

    return api.analyze_plan(plan_file(tmp_path, lang, edit), today=dt.date(2024, 6, 20))


def depends(plan: PlanAnalysis, row: int) -> tuple[str, ...]:
    return next(x.depends_on for x in plan.tasks if x.row == row)


@pytest.mark.parametrize("lang", LANGS)
def test_an_id_with_a_space_or_comma_named_as_written_is_that_task(
    tmp_path: Path, lang: Lang
) -> None:
    plan = analysed(tmp_path, lang, {4: "A,2", 5: "A 1、T3", 6: "a 1; T3", 7: "A 1 T3"})
    assert depends(plan, 3) == ("A 1",)
    assert depends(plan, 4) == ("A,2",)
    assert depends(plan, 5) == ("A 1", "T3")
    assert depends(plan, 6) == ("A 1", "T3")
    assert depends(plan, 7) == ("A 1", "T3")  # split where the parts are ids
    assert not [f for f in plan.findings if f.code == "P004" and f.row in (3, 4, 5, 6, 7)]
    assert plan.schedule.critical_path[0] == "A 1"  # the chain is whole


def test_a_space_still_splits_ids_that_tasks_have(tmp_path: Path) -> None:
    plan = analysed(tmp_path, "en", {8: "T4 T5", 9: "T6 and T7"})
    assert depends(plan, 8) == ("T4", "T5")
    assert depends(plan, 9) == ("T6", "T7")
    assert not [f for f in plan.findings if f.code == "P004" and f.row in (8, 9)]


def test_an_unknown_id_with_a_space_is_named_as_written(tmp_path: Path) -> None:
    plan = analysed(tmp_path, "en", {4: "X 9", 5: "T3 T99"})
    assert depends(plan, 4) == ("X 9",)
    assert depends(plan, 5) == ("T3", "T99")  # T3 is kept; P004 names T99 alone
    found = {f.row: f.message("en") for f in plan.findings if f.code == "P004"}
    assert "'X 9'" in found[4], found
    assert "depends on 'T99', which" in found[5], found
