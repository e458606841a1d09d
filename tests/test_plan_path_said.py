"""The critical path said once, honestly: a slip on the path made up later is one sentence
(T6 晚了 2 天，后续已追回，关键路径按期完成), never "on time" beside "late"; and the critical
tasks of a second chain without slack (T7 before T8, as T6 is) are named where the path is
listed. Three languages, in the review's 执行过程, its deck and the plan's own report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan_builders import Book, plan_file
from retrokit import api
from retrokit.i18n import t
from retrokit.method.plan import critical_off_path, path_worst_slip
from retrokit.render.deck_plan import _path_said
from retrokit.render.plan_view import schedule_line
from retrokit.workbook.plan_schema import TASK_STATUS
from retrokit.workbook.schema import Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
ROOT = Path(__file__).resolve().parents[1]
PATH = "T1 → T2 → T5 → T6 → T8 → T9 → T10 → T11 → T12"
AFTER = dt.date(2024, 8, 8)


def review_file(lang: Lang) -> Path:
    name = "summer-promo-2024.en.xlsx" if lang == "en" else "summer-promo-2024.xlsx"
    return ROOT / "examples" / name


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_plan_has_a_slip_made_up_and_a_second_chain(tmp_path: Path, lang: Lang) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang), today=AFTER)
    assert " → ".join(plan.schedule.critical_path) == PATH
    worst = path_worst_slip(plan)
    assert worst is not None and (worst[0].id, worst[1]) == ("T6", 2)
    assert critical_off_path(plan) == ("T7",)
    also = t("plan.also_critical", lang, items="T7")
    assert schedule_line(plan, lang).endswith(also)


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_says_the_slip_was_made_up_in_one_sentence(tmp_path: Path, lang: Lang) -> None:
    review = api.analyze_workbook(review_file(lang), today=AFTER, plan=plan_file(tmp_path, lang))
    md = api.render_report(review, "md", lang)
    said = t(
        "report.path_slip.caught_up", lang, path=PATH, slipped="T6", late=2, days=0, task="T12"
    )
    assert said in md
    assert t("report.path_slip.on_time", lang, path=PATH, task="T12") not in md
    assert said + ("" if lang != "en" else " ") + t("plan.also_critical", lang, items="T7") in md


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_says_the_slip_was_made_up_not_on_time_and_late(
    tmp_path: Path, lang: Lang
) -> None:
    plan = api.analyze_plan(plan_file(tmp_path, lang), today=AFTER)
    said = _path_said(plan, lang)
    task = next(x for x in plan.tasks if x.id == "T6")
    assert said == t("deck.note.path_caught_up", lang, slipped=f"T6 {task.task}", late=2)
    assert not said.startswith(t("deck.note.path_on_time", lang))
    assert t("deck.note.worst_slip", lang, task=f"T6 {task.task}", days=2) not in said


@pytest.mark.parametrize("lang", LANGS)
def test_an_open_path_that_made_up_a_slip_says_so(tmp_path: Path, lang: Lang) -> None:
    def last_open(book: Book) -> None:
        book.set("tasks", 13, "finished", None)  # T12, the review meeting
        book.set("tasks", 13, "status", TASK_STATUS.label_of("in_progress", lang))

    plan = api.analyze_plan(plan_file(tmp_path, lang, last_open), today=dt.date(2024, 7, 19))
    said = _path_said(plan, lang)
    names = {x.id: f"{x.id} {x.task}" for x in plan.tasks}
    assert said == t(
        "deck.note.path_caught_up_open", lang, slipped=names["T6"], late=2, task=names["T11"]
    )


def test_a_path_late_at_the_end_still_names_its_worst_slip(tmp_path: Path) -> None:
    def late_end(book: Book) -> None:
        book.set("tasks", 13, "finished", dt.date(2024, 7, 20))  # T12 a day late

    plan = api.analyze_plan(plan_file(tmp_path, "en", late_end), today=AFTER)
    said = _path_said(plan, "en")
    assert said.startswith(t("deck.note.path_slip", "en", days=1))
    assert "T6" in said  # T6's 2 days, the most on the path
