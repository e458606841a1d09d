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


# --- 3. no word of an English table header breaks ---------------------------------------------


def test_a_column_is_as_wide_as_its_header_word_needs() -> None:
    from retrokit.render.textfit import column_widths, longest_word

    assert longest_word("Achievement") == 11 and longest_word("Slip (days)") == 6
    assert longest_word("达成率") == 2  # a CJK text may break anywhere
    widths = column_widths(950, (3.2, 1.3, 1.3, 1.3, 1.1, 1.3), (0, 0, 0, 0, 130, 0))
    assert widths[4] == 130 and sum(widths) <= 950
    assert widths[0] / widths[1] == pytest.approx(3.2 / 1.3, rel=0.02)
    assert column_widths(100, (1, 1), (80, 80)) == [50, 50]  # too narrow: shared alike


def test_english_deck_headers_keep_their_words_whole_in_a_pdf(tmp_path: Path) -> None:
    """LibreOffice draws the deck with the faces this machine has (wide ones among them):
    no header word of any table may come out of the PDF cut in two (``Achievemen t``)."""
    import shutil
    import subprocess

    from conftest import libreoffice_convert, need_tool
    from plan_builders import plan_file

    pptx = pytest.importorskip("pptx")
    from retrokit.render.deck import render_deck

    pdftotext = need_tool("pdftotext")
    need_tool("soffice")
    review = write(tmp_path / "r.xlsx", lang="en")
    analysis = api.analyze_workbook(review, today=TODAY, plan=plan_file(tmp_path, "en"))
    out = tmp_path / "deck.pptx"
    out.write_bytes(render_deck(analysis, "en", plan=analysis.plan))
    words = {
        w
        for s in pptx.Presentation(str(out)).slides
        for shape in s.shapes
        if shape.has_table
        for cell in shape.table.rows[0].cells
        for w in cell.text.split()
    }
    assert "Achievement" in words
    pdf = libreoffice_convert(out, tmp_path / "pdf", "pdf")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    shutil.rmtree(tmp_path / "pdf", ignore_errors=True)
    tokens = set(text.split())
    broken = {w: w[:k] for w in words for k in range(2, len(w)) if {w[:k], w[k:]} <= tokens}
    assert not broken, broken
    # the budget charts' labels and axis write money as the tables do (item 8)
    assert "240K" in text and not any(x in text for x in ("240,000", "180,000", "60,000"))


# --- 4. a core KPI met at 90% was not "reached" -----------------------------------------------


def core_book(tmp_path: Path, lang: Lang, exposure: float) -> Path:
    """Only 曝光量 (target 5M) is core, at ``exposure``; no core KPI is missed."""
    data = example_data()
    for k in data["kpis"]:
        k["core"] = "否"
    data["kpis"][0].update(core="是", actual=exposure)
    return write(tmp_path / f"core.{lang}.xlsx", data, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_core_kpis_met_below_100_are_not_called_reached(tmp_path: Path, lang: Lang) -> None:
    view = review_view(
        api.analyze_workbook(core_book(tmp_path, lang, 4_500_000), today=TODAY), lang
    )
    assert view.core_line == t("report.core_none_missed", lang)
    assert t("report.core_ok", lang) not in view.core_line


@pytest.mark.parametrize(("lang", "exposure"), [(x, v) for x in LANGS for v in (5e6, 6e6)])
def test_core_kpis_at_100_or_more_are_reached(tmp_path: Path, lang: Lang, exposure: float) -> None:
    view = review_view(api.analyze_workbook(core_book(tmp_path, lang, exposure), today=TODAY), lang)
    assert view.core_line == t("report.core_ok", lang)


def test_the_english_summary_no_longer_says_reached_at_90(tmp_path: Path) -> None:
    from retrokit.render.report import render

    analysis = api.analyze_workbook(core_book(tmp_path, "en", 4_500_000), today=TODAY)
    md = render(analysis, "md", "en")
    assert "No core KPI was missed" in md and "Every core KPI was reached" not in md


# --- 5. K004 points at a cell the sheet has -------------------------------------------------


def inferred_cost(tmp_path: Path, lang: Lang, *, column: bool) -> Path:
    """总费用(万元) (row 5) with no direction written; ``column``: the sheet has the
    Direction column at all."""
    from retrokit.workbook.schema import KPIS

    data = example_data()
    del data["kpis"][3]["direction"]
    keys = [c.key for c in KPIS.columns if column or c.key != "direction"]
    return write(tmp_path / f"k004.{lang}.xlsx", data, lang=lang, order={"kpis": keys})


def k004(path: Path) -> Any:
    analysis = api.analyze_workbook(path, today=TODAY)
    found = [f for f in analysis.findings if f.code == "K004"]
    assert len(found) == 1, found
    return found[0]


def _lower(lang: Lang) -> str:
    from retrokit.workbook.schema import DIRECTION

    return DIRECTION.by_code("lower").label(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_k004_without_a_direction_column_names_the_metric_and_says_add_one(
    tmp_path: Path, lang: Lang
) -> None:
    from retrokit.workbook.schema import KPIS

    f = k004(inferred_cost(tmp_path, lang, column=False))
    keys = [c.key for c in KPIS.columns if c.key != "direction"]
    assert f.cell == f"{'ABCDEFGHIJK'[keys.index('metric')]}5"
    message = f.message(lang)
    source = t("direction.name", lang)
    assert message == t(
        "K004.no_column", lang, metric="总费用(万元)", direction=_lower(lang), source=source
    )
    add = {"zh-CN": "请加一列“方向”", "zh-TW": "請新增一欄「方向」", "en": "add one"}[lang]
    assert add in message


@pytest.mark.parametrize("lang", LANGS)
def test_k004_with_the_column_names_its_blank_cell(tmp_path: Path, lang: Lang) -> None:
    from retrokit.workbook.schema import KPIS

    f = k004(inferred_cost(tmp_path, lang, column=True))
    keys = [c.key for c in KPIS.columns]
    assert f.cell == f"{'ABCDEFGHIJKL'[keys.index('direction')]}5"
    source = t("direction.name", lang)
    assert f.message(lang) == t(
        "K004", lang, metric="总费用(万元)", direction=_lower(lang), source=source
    )


# --- 6. `rule` says the severity in the reader's language -------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_rule_says_its_severity_in_the_language(lang: Lang) -> None:
    from conftest import run_cli

    first = run_cli("rule", "A003", "--lang", lang).stdout.splitlines()[0]
    assert first == f"A003 effect-not-measurable ({t('severity.warning', lang)})"
    assert (lang == "en") == ("warning" in first)


# --- 7. a blank expected effect is missing, not "'' is not measurable" ------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_blank_expected_effect_is_reported_empty(tmp_path: Path, lang: Lang) -> None:
    from retrokit.workbook.schema import PROBLEMS

    data = example_data()
    data["problems"][0]["expected"] = None
    data["problems"][1]["expected"] = "提升转化"
    analysis = api.analyze_workbook(write(tmp_path / "r.xlsx", data, lang=lang), today=TODAY)
    found = {f.row: f for f in analysis.findings if f.code == "A003"}
    letter = "ABCDEFGHIJKL"[[c.key for c in PROBLEMS.columns].index("expected")]
    assert set(found) == {2, 3} and found[2].cell == f"{letter}2"
    empty = found[2].message(lang)
    assert empty == t("A003.empty", lang)
    assert "“”" not in empty and "「」" not in empty and "''" not in empty
    assert found[3].message(lang) == t("A003", lang, value="提升转化")


# --- 8. the plan's money and ROI, written one way --------------------------------------------


def plan_deck(tmp_path: Path, lang: Lang) -> tuple[Outline, Any]:
    from plan_builders import plan_file

    review = write(tmp_path / f"r.{lang}.xlsx", lang=lang)
    plan = plan_file(tmp_path, lang, name=f"p.{lang}.xlsx")
    analysis = api.analyze_workbook(review, today=TODAY, plan=plan)
    return outline(review_view(analysis, lang), plan=analysis.plan), analysis


def excel_general(value: float, number_format: str) -> str:
    """A chart label as Excel writes ``General"万"`` or ``"1:"General``: 24 is 24万."""
    if "General" not in number_format:  # "1:"0.00: fixed decimals
        prefix, _, digits = number_format.replace('"', "").partition("0")
        return f"{prefix}{value:.{len(digits.partition('.')[2])}f}"
    prefix, _, suffix = number_format.replace('"', "").partition("General")
    return f"{prefix}{value:g}{suffix}"


@pytest.mark.parametrize("lang", LANGS)
def test_budget_charts_label_money_as_the_tables_write_it(tmp_path: Path, lang: Lang) -> None:
    from retrokit.render.deck_outline import CategoryChart, ClusteredBars

    deck, _ = plan_deck(tmp_path, lang)
    bars = slide(deck, t("deck.budget", lang)).chart
    table = slide(deck, t("deck.budget_table", lang)).table
    assert isinstance(bars, ClusteredBars) and table is not None
    planned, spent = bars.series
    for row, p, a in zip(table.rows, planned.values, spent.values, strict=True):
        assert p is not None and a is not None
        assert (excel_general(p, bars.number_format), excel_general(a, bars.number_format)) == (
            row[1],
            row[3],
        )
    assert {"zh-CN": "24万", "zh-TW": "24萬", "en": "240K"}[lang] == table.rows[0][1]
    pie = slide(deck, t("deck.channel_mix", lang)).chart
    assert isinstance(pie, CategoryChart) and pie.number_format == bars.number_format
    labels = [excel_general(v or 0.0, pie.number_format) for v in pie.values]
    assert labels[0] == {"zh-CN": "24万", "zh-TW": "24萬", "en": "240K"}[lang]
    assert not any("," in x or "000" in x for x in labels)


@pytest.mark.parametrize("lang", LANGS)
def test_roi_is_written_one_way_across_the_plan_sections(tmp_path: Path, lang: Lang) -> None:
    from retrokit.render.deck_outline import CategoryChart
    from retrokit.render.report import render

    deck, analysis = plan_deck(tmp_path, lang)
    chart = slide(deck, t("deck.roi", lang)).chart
    table = slide(deck, t("deck.roi_table", lang)).table
    assert isinstance(chart, CategoryChart) and table is not None
    shown = [row[-1] for row in table.rows]
    assert shown == ["1:3.00", "1:2.20", "1:1.69"]  # one precision for the column
    assert [excel_general(v or 0.0, chart.number_format) for v in chart.values] == shown
    notes = slide(deck, t("deck.roi", lang)).notes
    assert "1:3" in notes and "1:1.69" in notes and "1:2.22" in notes  # the overall ROI
    md = render(analysis, "md", lang)  # the budget lines' table of the review's report
    items = [row[1] for row in table.rows]
    lines = [x for x in md.splitlines() if any(f"| {item} |" in x for item in items)]
    assert [x.rsplit("|", 2)[-2].strip() for x in lines] == shown


@pytest.mark.parametrize("lang", LANGS)
def test_b002_writes_money_and_share_in_the_readers_way(tmp_path: Path, lang: Lang) -> None:
    from plan_builders import plan_file

    plan = api.analyze_plan(plan_file(tmp_path, lang), today=TODAY)
    messages = {f.key or f.code: f.message(lang) for f in plan.findings if f.code == "B002"}
    item = {"zh-CN": "抖音信息流投放", "zh-TW": "抖音資訊流投放", "en": "Douyin feed ads"}[lang]
    money = {"zh-CN": ("30万", "18万"), "zh-TW": ("30萬", "18萬"), "en": ("300K", "180K")}[lang]
    assert messages["B002"] == t(
        "B002", lang, item=item, actual=money[0], planned=money[1], share="166.7%"
    )
    assert "300,000" not in messages["B002"] and "167%" not in messages["B002"]
    total = {"zh-CN": ("72万", "60万"), "zh-TW": ("72萬", "60萬"), "en": ("720K", "600K")}[lang]
    assert messages["B002.total"] == t("B002.total", lang, actual=total[0], total=total[1])


@pytest.mark.parametrize("lang", LANGS)
def test_b002_writes_a_small_line_as_its_table_row_does(tmp_path: Path, lang: Lang) -> None:
    from plan_builders import Book, plan_file
    from retrokit.render import display

    def small(book: Book) -> None:
        book.set("budget", 3, "planned", 5_000)
        book.set("budget", 3, "actual", 6_000)

    plan = api.analyze_plan(plan_file(tmp_path, lang, small), today=TODAY)
    (message,) = [
        f.message(lang) for f in plan.findings if f.key in ("", "B002") and f.code == "B002"
    ]
    planned, spent, _ = display.spending(5_000, 6_000, lang)
    assert (planned, spent) == ("5,000", "6,000")
    assert f"{spent}" in message and f"{planned}" in message and "120.0%" in message
