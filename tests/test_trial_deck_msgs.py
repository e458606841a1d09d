"""What new users' trials of the deck and the messages found: the speaker notes asked for
support on actions already done, the title slide had no presenter, an English KPI header broke
mid-word, "every core KPI was reached" at 90%, K004 pointed at a direction column the sheet
did not have, `rule` printed its severity in English, an empty expected effect was "not
measurable", and the plan's money and ROI were written several ways. Three languages where
there are words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from builders import example_data, write
from retrokit import api
from retrokit.i18n import t
from retrokit.render.deck_outline import Outline, Slide, outline
from retrokit.render.view import review_view
from retrokit.workbook.schema import STATUS, Lang

LANGS: tuple[Lang, ...] = ("zh-CN", "zh-TW", "en")
TODAY = dt.date(2024, 8, 20)


def deck_of(path: Path, lang: Lang, presenter: str | None = None) -> Outline:
    analysis = api.analyze_workbook(path, today=TODAY)
    return outline(review_view(analysis, lang), presenter=presenter, plan=analysis.plan)


def slide(deck: Outline, title: str) -> Slide:
    return next(s for x in deck.sections for s in x.slides if s.title == title)


def with_statuses(*statuses: str) -> dict[str, Any]:
    data = example_data()
    for row, status in zip(data["problems"], statuses, strict=True):
        row["status"] = status
    return data


# --- 1. a done or dropped action is asked of no one ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_asks_leave_out_done_and_dropped_actions(tmp_path: Path, lang: Lang) -> None:
    path = write(tmp_path / "r.xlsx", with_statuses("in_progress", "dropped", "done"), lang=lang)
    deck = deck_of(path, lang)
    actions = slide(deck, t("deck.actions", lang))
    data = example_data()["problems"]
    open_action, dropped, done = (p["action"] for p in data)
    assert open_action in actions.notes
    assert done not in actions.notes and dropped not in actions.notes
    assert t("deck.note.closed", lang, count=2, total=3) in actions.notes
    # The slide itself says which are done and which dropped.
    assert actions.table is not None
    status = {row[1]: row[4] for row in actions.table.rows}
    assert status[done] == STATUS.label_of("done", lang)
    assert status[dropped] == STATUS.label_of("dropped", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_with_every_action_closed_nothing_is_asked(tmp_path: Path, lang: Lang) -> None:
    path = write(tmp_path / "r.xlsx", with_statuses("done", "done", "dropped"), lang=lang)
    notes = slide(deck_of(path, lang), t("deck.actions", lang)).notes
    assert notes == t("deck.note.closed", lang, count=3, total=3)


# --- 2. the owner presents, on the title slide with the report's date ------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_owner_is_the_presenter_unless_one_is_named(tmp_path: Path, lang: Lang) -> None:
    path = write(tmp_path / "r.xlsx", lang=lang)
    owner = example_data()["info"]["owner"]
    as_of = t("report.as_of", lang, date=TODAY.isoformat())
    assert deck_of(path, lang).subtitle == (t("deck.presenter", lang, name=owner), as_of)
    named = deck_of(path, lang, presenter="Lin").subtitle
    assert named == (t("deck.presenter", lang, name="Lin"), as_of)


def test_without_an_owner_the_title_slide_keeps_its_date(tmp_path: Path) -> None:
    data = example_data()
    del data["info"]["owner"]
    deck = deck_of(write(tmp_path / "r.xlsx", data), "zh-CN")
    assert deck.subtitle == (t("report.as_of", "zh-CN", date=TODAY.isoformat()),)


def test_the_deck_file_names_the_owner_on_its_title_slide(tmp_path: Path) -> None:
    pptx = pytest.importorskip("pptx")
    from retrokit.render.deck import render_deck

    path = write(tmp_path / "r.xlsx", lang="zh-TW")
    data = render_deck(api.analyze_workbook(path, today=TODAY), "zh-TW")
    (tmp_path / "d.pptx").write_bytes(data)
    prs = pptx.Presentation(str(tmp_path / "d.pptx"))
    owner = example_data()["info"]["owner"]
    texts = [ph.text_frame.text for ph in prs.slides[0].placeholders]
    assert any(t("deck.presenter", "zh-TW", name=owner) in x for x in texts), texts
    assert any("2024-08-20" in x for x in texts)
    assert prs.core_properties.author == owner
