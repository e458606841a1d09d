"""`retrokit report --format pptx`: the deck outline laid out with python-pptx.

:mod:`retrokit.render.deck_outline` decides what each slide says; here it is laid out on the
master of :mod:`retrokit.render.deck_master`: the company's own (``--template``), whose layouts
are found by their placeholder types, or a clean 16:9 built-in one. Charts are native PowerPoint charts (editable in PowerPoint, WPS
and Keynote), coloured like the HTML report (:data:`retrokit.render.charts.COLOURS`).

Nothing may run off a slide, and no renderer tells us how tall a text will be, so sizes are
estimated conservatively (:mod:`retrokit.render.textfit`: a CJK character is two widths of a Latin one):
tables continue on following slides with their header repeated, and a cell or bullet too long
for its room is shortened, with the full text in the speaker notes.

Every run names a Latin and an East Asian typeface (``a:latin`` and ``a:ea``): python-pptx's
``font.name`` sets only the Latin one (python-pptx#768), and without ``a:ea`` Keynote,
LibreOffice and web viewers show Chinese in a wrong font or as boxes.

The bytes are reproducible: core properties carry the as-of time (``SOURCE_DATE_EPOCH`` when
set) and the package is re-zipped with fixed timestamps, embedded chart workbooks included.
python-pptx is imported only inside these functions, only when a deck is asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrokit.i18n import t
from retrokit.method import Analysis
from retrokit.render.charts import COLOURS
from retrokit.render.deck_master import Master, Rect, body_of, open_master
from retrokit.render.deck_outline import (
    CategoryChart,
    ClusteredBars,
    Gantt,
    Matrix,
    Outline,
    Slide,
    Table,
    deck_presenter,
    outline,
)
from retrokit.render.textfit import column_widths, line_count, longest_word, shorten
from retrokit.render.view import review_view
from retrokit.workbook.schema import Lang

if TYPE_CHECKING:
    from retrokit.method.plan import PlanAnalysis

EMU_PER_PT = 12700
EMU_PER_IN = 914400
MATRIX_COLOUR = "#1565c0"  # an open action on the matrix, as in the HTML chart
BAR_COLOUR = "#1565c0"  # a bar with no status to show
#: The Gantt chart's colours, as in the plan's HTML report (critical, other, and a slip).
GANTT_CRITICAL, GANTT_NORMAL, GANTT_SLIP = "#c0392b", "#4472c4", "#e67e22"

TITLE_PT, BODY_PT, TABLE_PT, CHART_PT, NOTES_PT = 28, 16, 12, 11, 12
LINE = 1.3  # line height per point of font size, generous for CJK faces
UNIT = 0.55  # a Latin character's width per point of font size; CJK counts two
#: A bold Latin character's width per point, wide enough for the wide faces a viewer may
#: substitute (DejaVu Sans Bold: "Achievement" is 0.67 a letter): a header word never breaks.
BOLD_UNIT = 0.7
INSET_X, INSET_Y = 91440, 45720  # text insets we set on every box and cell (0.1, 0.05 in)
MAX_CELL_LINES, MAX_BULLET_LINES = 3, 4
BARS_PER_SLIDE = 20  # bars a chart keeps legible, label and value beside each


# --- estimating text ----------------------------------------------------------------------------


def per_line(width_emu: int, pt: float) -> int:
    """Width units that fit a line of ``width_emu`` at ``pt`` points, insets taken off."""
    return int((width_emu - 2 * INSET_X) / (UNIT * pt * EMU_PER_PT))


def line_height(pt: float) -> int:
    return int(LINE * pt * EMU_PER_PT)


def deck_time(today: dt.date) -> dt.datetime:
    """The deck's timestamp: ``SOURCE_DATE_EPOCH`` when set, else the as-of date at midnight."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(today.year, today.month, today.day)


# --- writing text -------------------------------------------------------------------------------


def set_typefaces(rpr: Any, latin: str, ea: str) -> None:
    """Name the Latin and the East Asian typeface of a run's (or a default's) properties."""
    from pptx.oxml.ns import qn

    node = rpr.get_or_add_latin()
    node.set("typeface", latin)
    found = rpr.find(qn("a:ea"))
    if found is None:
        found = rpr.makeelement(qn("a:ea"), {})
        node.addnext(found)
    found.set("typeface", ea)


def write_text(
    frame: Any,
    paragraphs: Sequence[str],
    pt: float,
    fonts: tuple[str, str],
    *,
    bold: bool = False,
    colour: str | None = None,
) -> None:
    """Replace a text frame's text: one paragraph each, every run with both typefaces."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Emu, Pt

    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Emu(INSET_X)
    frame.margin_top = frame.margin_bottom = Emu(INSET_Y)
    for i, text in enumerate(paragraphs or [""]):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = text
        run.font.size = Pt(pt)
        run.font.bold = bold
        if colour:
            run.font.color.rgb = rgb(colour)
        set_typefaces(run.font._rPr, *fonts)


def rgb(colour: str) -> Any:
    """A python-pptx colour from "#rrggbb"."""
    from pptx.dml.color import RGBColor

    make: Any = RGBColor  # untyped in python-pptx
    r, g, b = bytes.fromhex(colour.lstrip("#"))
    return make(r, g, b)


class Notes:
    """What the presenter says on one slide, and the full text of anything shortened."""

    def __init__(self, lang: Lang, said: str) -> None:
        self.lang = lang
        self.said = said
        self.full: list[str] = []

    def shortened(self, full: str, shown: str) -> str:
        if shown != full and full not in self.full:
            self.full.append(full)
        return shown

    def paragraphs(self) -> list[str]:
        out = [self.said] if self.said else []
        if self.full:
            out += [t("deck.full_text", self.lang), *self.full]
        return out


class Builder:
    """Lays an outline out on a master, slide by slide."""

    def __init__(self, master: Master, lang: Lang) -> None:
        self.m = master
        self.prs = master.prs
        self.lang = lang
        f = master.fonts
        self.heading = (f.major_latin, f.major_ea)
        self.body = (f.minor_latin, f.minor_ea)

    # slides -------------------------------------------------------------------------------

    def _slide(self, layout: Any, title: str, notes: Notes) -> Any:
        from pptx.enum.shapes import PP_PLACEHOLDER as P

        slide = self.prs.slides.add_slide(layout)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.type in (P.TITLE, P.CENTER_TITLE):
                width, height = int(ph.width), int(ph.height)
                lines = max(1, (height - 2 * INSET_Y) // line_height(TITLE_PT))
                shown = shorten(title, per_line(width, TITLE_PT), lines)
                write_text(ph.text_frame, [notes.shortened(title, shown)], TITLE_PT, self.heading)
        return slide

    def _notes(self, slide: Any, notes: Notes) -> None:
        frame = slide.notes_slide.notes_text_frame
        write_text(frame, notes.paragraphs(), NOTES_PT, self.body)

    def title_slide(self, o: Outline) -> None:
        from pptx.enum.shapes import PP_PLACEHOLDER as P

        notes = Notes(self.lang, o.title_notes)
        slide = self._slide(self.m.title, o.title, notes)
        for ph in slide.placeholders:
            if ph.placeholder_format.type == P.SUBTITLE:
                per = per_line(int(ph.width), BODY_PT + 2)
                lines = [notes.shortened(s, shorten(s, per, 1)) for s in o.subtitle]
                write_text(ph.text_frame, lines, BODY_PT + 2, self.body)
        self._notes(slide, notes)

    def bullets_slide(self, title: str, bullets: Sequence[str], said: str) -> None:
        """Bullets in the content layout's body, continued on more slides when they are many."""
        rect = self.m.body
        per = per_line(rect.width, BODY_PT) - 4  # room for the bullet's indent
        room = (rect.height - 2 * INSET_Y) // line_height(BODY_PT)
        pages: list[list[tuple[str, str]]] = [[]]
        used = 0
        for text in bullets:
            shown = shorten(text, per, MAX_BULLET_LINES)
            n = line_count(shown, per)
            if pages[-1] and used + n > room:
                pages.append([])
                used = 0
            pages[-1].append((text, shown))
            used += n
        for i, page in enumerate(pages):
            notes = Notes(self.lang, said)
            name = title if i == 0 else t("deck.continued", self.lang, title=title)
            slide = self._slide(self.m.content, name, notes)
            body = body_of(slide)
            texts = [notes.shortened(full, short) for full, short in page]
            write_text(body.text_frame, texts, BODY_PT, self.body)
            self._notes(slide, notes)

    def _bare(self, title: str, notes: Notes) -> Any:
        """A slide with a title and nothing else, for a table or a chart."""
        from pptx.enum.shapes import PP_PLACEHOLDER as P

        if self.m.title_only is not None:
            return self._slide(self.m.title_only, title, notes)
        slide = self._slide(self.m.content, title, notes)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.type not in (P.TITLE, P.CENTER_TITLE):
                ph._element.getparent().remove(ph._element)
        return slide

    def _lead(self, slide: Any, text: str, notes: Notes) -> int:
        """A short paragraph atop the body area; the height it takes."""
        if not text:
            return 0
        from pptx.util import Emu

        r = self.m.body
        per = per_line(r.width, BODY_PT)
        shown = notes.shortened(text, shorten(text, per, 2))
        height = self.lead_height(text)
        box = slide.shapes.add_textbox(Emu(r.left), Emu(r.top), Emu(r.width), Emu(height))
        write_text(box.text_frame, [shown], BODY_PT, self.body)
        return height

    def lead_height(self, text: str) -> int:
        """The height :meth:`_lead` gives ``text``: two lines at most, shortened."""
        if not text:
            return 0
        per = per_line(self.m.body.width, BODY_PT)
        return line_count(shorten(text, per, 2), per) * line_height(BODY_PT) + 2 * INSET_Y

    def content_slide(self, s: Slide) -> None:
        if s.bullets:
            self.bullets_slide(s.title, s.bullets, s.notes)
        elif s.table is not None:
            self.table_slides(s, s.table)
        elif (
            isinstance(s.chart, CategoryChart | ClusteredBars | Gantt)
            and len(s.chart.categories) > BARS_PER_SLIDE
        ):
            c = s.chart  # a bar chart is read at BARS_PER_SLIDE bars; more continue
            for n, i in enumerate(range(0, len(c.categories), BARS_PER_SLIDE)):
                title = s.title if n == 0 else t("deck.continued", self.lang, title=s.title)
                chunk = _part(c, slice(i, i + BARS_PER_SLIDE))
                self._chart_slide(replace(s, title=title, chart=chunk))
        elif s.chart is not None:
            self._chart_slide(s)

    def _chart_slide(self, s: Slide) -> None:
        notes = Notes(self.lang, s.notes)
        slide = self._bare(s.title, notes)
        top = self._lead(slide, s.lead, notes)
        r = self.m.body
        area = Rect(r.left, r.top + top, r.width, r.height - top)
        if isinstance(s.chart, Matrix):
            self.matrix(slide, s.chart, area)
        elif isinstance(s.chart, ClusteredBars):
            self.clustered_bars(slide, s.chart, area)
        elif isinstance(s.chart, Gantt):
            self.gantt(slide, s.chart, area)
        elif s.chart is not None:
            self.category_chart(slide, s.chart, area)
        self._notes(slide, notes)

    # tables -------------------------------------------------------------------------------

    def table_slides(self, s: Slide, table: Table) -> None:
        """The table over as many slides as its rows need, the header on each."""
        from pptx.util import Emu

        r = self.m.body
        least = [  # the header's longest word on one line, at the bold width
            int(longest_word(h) * BOLD_UNIT * TABLE_PT * EMU_PER_PT) + 2 * INSET_X
            for h in table.header
        ]
        widths = column_widths(r.width, table.weights, least)
        pers = [per_line(w, TABLE_PT) for w in widths]
        lh = line_height(TABLE_PT)

        def fit(row: Sequence[str], lines: int) -> tuple[list[str], int]:
            cells = [shorten(c, p, lines) for c, p in zip(row, pers, strict=True)]
            n = max(line_count(c, p) for c, p in zip(cells, pers, strict=True))
            return cells, n * lh + 2 * INSET_Y + 4 * EMU_PER_PT

        header, header_h = fit(table.header, 2)
        rows = [(i, *fit(row, MAX_CELL_LINES)) for i, row in enumerate(table.rows)]
        pages: list[list[tuple[int, list[str], int]]] = [[]]
        top = self.lead_height(s.lead)  # the lead stands atop every page of the table
        room = r.height - top - header_h
        used = 0
        for row in rows:
            if pages[-1] and used + row[2] > room:
                pages.append([])
                used = 0
            pages[-1].append(row)
            used += row[2]
        for n, page in enumerate(pages):
            notes = Notes(self.lang, s.notes)
            if len(pages) > 1:
                notes.said += " " + t(
                    "deck.note.table",
                    self.lang,
                    first=page[0][0] + 1,
                    last=page[-1][0] + 1,
                    total=len(rows),
                )
            title = s.title if n == 0 else t("deck.continued", self.lang, title=s.title)
            slide = self._bare(title, notes)
            self._lead(slide, s.lead, notes)
            height = header_h + sum(h for _, _, h in page)
            shape = slide.shapes.add_table(
                len(page) + 1,
                len(widths),
                Emu(r.left),
                Emu(r.top + top),
                Emu(sum(widths)),
                Emu(height),
            )
            grid = shape.table
            for j, w in enumerate(widths):
                grid.columns[j].width = Emu(w)
            grid.rows[0].height = Emu(header_h)
            self._row(grid, 0, header, [None] * len(widths), bold=True)
            for k, (i, cells, h) in enumerate(page, start=1):
                grid.rows[k].height = Emu(h)
                for full, shown in zip(table.rows[i], cells, strict=True):
                    notes.shortened(full, shown)
                fills: list[str | None] = [None] * len(widths)
                if table.marks and table.mark_column >= 0:
                    fills[table.mark_column] = table.marks[i]
                self._row(grid, k, cells, fills)
            self._notes(slide, notes)

    def _row(
        self,
        grid: Any,
        k: int,
        cells: Sequence[str],
        fills: Sequence[str | None],
        bold: bool = False,
    ) -> None:

        for j, text in enumerate(cells):
            cell = grid.cell(k, j)
            status = fills[j]
            colour = None
            if status in COLOURS and status is not None:
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(COLOURS[status])
                colour = "#ffffff"
            write_text(cell.text_frame, [text], TABLE_PT, self.body, bold=bold, colour=colour)

    # charts -------------------------------------------------------------------------------

    def _chart_fonts(self, chart: Any) -> None:
        from pptx.util import Pt

        chart.font.size = Pt(CHART_PT)
        set_typefaces(chart.font._rPr, *self.body)

    def category_chart(self, slide: Any, c: CategoryChart, r: Rect) -> None:
        """A native bar chart of rates or a pie of counts, each point in its status colour."""
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
        from pptx.util import Emu

        chart_data: Any = CategoryChartData  # untyped in python-pptx
        data = chart_data(number_format=c.number_format)
        per = per_line(r.width // 3, CHART_PT)
        data.categories = [shorten(x, per, 1) for x in c.categories]
        data.add_series(c.series, c.values)
        kind = XL_CHART_TYPE.PIE if c.kind == "pie" else XL_CHART_TYPE.BAR_CLUSTERED
        frame = slide.shapes.add_chart(
            kind, Emu(r.left), Emu(r.top), Emu(r.width), Emu(r.height), data
        )
        chart = frame.chart
        self._chart_fonts(chart)
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format = "0.0%" if c.number_format == "0%" else c.number_format
        plot.data_labels.number_format_is_linked = False
        if c.kind == "pie":
            chart.has_legend = True
            chart.legend.position = XL_LEGEND_POSITION.RIGHT
            chart.legend.include_in_layout = False
        else:
            chart.has_legend = False
            plot.vary_by_categories = False
            plot.gap_width = 60
            chart.category_axis.reverse_order = True  # the first KPI on top, as in the table
            if all(v is None or v >= 0 for v in c.values):
                chart.value_axis.minimum_scale = 0
            if c.number_format == "0%":
                self._rate_axis(chart.value_axis, c.values)
            chart.value_axis.tick_labels.number_format = c.number_format
            chart.value_axis.tick_labels.number_format_is_linked = False
        for point, status in zip(chart.series[0].points, c.colours, strict=False):
            point.format.fill.solid()
            fallback = COLOURS[None] if c.kind == "pie" else BAR_COLOUR
            point.format.fill.fore_color.rgb = rgb(point_colour(status, fallback))

    @staticmethod
    def _rate_axis(axis: Any, values: Sequence[float | None]) -> None:
        """Rates read against the 100% line, as in the HTML report: gridlines every 50% (one of
        them at 100%), and the axis stops at the report's cap (200%) so that one overshoot does
        not squash every other bar; a longer bar runs to the edge, its label keeps its value."""
        from retrokit.render.charts import AXIS_CAP

        axis.has_major_gridlines = True
        axis.major_unit = 0.5
        if max((v for v in values if v is not None), default=0.0) > AXIS_CAP:
            axis.maximum_scale = AXIS_CAP

    def clustered_bars(self, slide: Any, c: ClusteredBars, r: Rect) -> None:
        """Native clustered bars, one colour per series (planned against actual), a point
        in its status colour where it is marked, with a legend naming the series."""
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
        from pptx.util import Emu

        chart_data: Any = CategoryChartData  # untyped in python-pptx
        data = chart_data(number_format=c.number_format)
        per = per_line(r.width // 3, CHART_PT)
        data.categories = [shorten(x, per, 1) for x in c.categories]
        for series in c.series:
            data.add_series(series.name, series.values)
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, Emu(r.left), Emu(r.top), Emu(r.width), Emu(r.height), data
        )
        chart = frame.chart
        self._chart_fonts(chart)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format = c.number_format
        plot.data_labels.number_format_is_linked = False
        plot.vary_by_categories = False
        plot.gap_width = 60
        plot.overlap = 0
        chart.category_axis.reverse_order = True  # the first category on top, as in the table
        values = [v for x in c.series for v in x.values if v is not None]
        if all(v >= 0 for v in values):
            chart.value_axis.minimum_scale = 0
        chart.value_axis.tick_labels.number_format = c.number_format
        chart.value_axis.tick_labels.number_format_is_linked = False
        for plotted, series in zip(chart.series, c.series, strict=True):
            plotted.format.fill.solid()
            plotted.format.fill.fore_color.rgb = rgb(series.colour)
            for i, status in enumerate(series.marks):
                if status is not None:
                    point = plotted.points[i]
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = rgb(point_colour(status, series.colour))

    def gantt(self, slide: Any, g: Gantt, r: Rect) -> None:
        """A native stacked-bar Gantt chart: an unfilled bar up to each start, the planned
        days (critical tasks in red) and the days finished late, on a date axis."""
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE
        from pptx.util import Emu

        chart_data: Any = CategoryChartData  # untyped in python-pptx
        data = chart_data(number_format="0")
        per = per_line(r.width // 3, CHART_PT)
        data.categories = [shorten(x, per, 1) for x in g.categories]
        for name, values in zip(g.names, (g.starts, g.planned, g.slips), strict=True):
            data.add_series(name, values)
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_STACKED, Emu(r.left), Emu(r.top), Emu(r.width), Emu(r.height), data
        )
        chart = frame.chart
        self._chart_fonts(chart)
        plot = chart.plots[0]
        plot.gap_width = 40
        plot.overlap = 100
        chart.category_axis.reverse_order = True  # the first task on top, as in the table
        axis = chart.value_axis
        axis.minimum_scale, axis.maximum_scale = g.first, g.last + 1
        span = g.last + 1 - g.first
        axis.major_unit = 1 if span <= 14 else 7 if span <= 120 else 30
        axis.has_major_gridlines = True
        axis.tick_labels.number_format = "m/d"
        axis.tick_labels.number_format_is_linked = False
        offset, planned, slip = chart.series
        offset.format.fill.background()
        offset.format.line.fill.background()
        planned.format.fill.solid()
        planned.format.fill.fore_color.rgb = rgb(GANTT_NORMAL)
        for i, critical in enumerate(g.critical):
            if critical:
                point = planned.points[i]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = rgb(GANTT_CRITICAL)
        slip.format.fill.solid()
        slip.format.fill.fore_color.rgb = rgb(GANTT_SLIP)
        # No legend: viewers disagree on hiding the offset series' entry (c:legendEntry), so
        # the slide's lead says what the colours mean.
        chart.has_legend = False

    def matrix(self, slide: Any, m: Matrix, r: Rect) -> None:
        """Impact x effort as a native XY scatter; points sharing a cell are nudged apart."""
        from pptx.chart.data import XyChartData
        from pptx.enum.chart import (
            XL_CHART_TYPE,
            XL_LABEL_POSITION,
            XL_MARKER_STYLE,
            XL_TICK_LABEL_POSITION,
        )
        from pptx.util import Emu, Pt

        xy_data: Any = XyChartData  # untyped in python-pptx
        data = xy_data()
        series = data.add_series(m.y_axis[1])
        seen: dict[tuple[int, int], int] = {}
        for p in m.points:
            n = seen.get((p.effort, p.impact), 0)
            seen[(p.effort, p.impact)] = n + 1
            series.add_data_point(p.effort + 0.06 * (n % 4), p.impact - 0.12 * n)
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.XY_SCATTER, Emu(r.left), Emu(r.top), Emu(r.width), Emu(r.height), data
        )
        chart = frame.chart
        self._chart_fonts(chart)
        chart.has_legend = False
        for axis, (low, high) in ((chart.category_axis, m.x_axis), (chart.value_axis, m.y_axis)):
            # the gridlines at 1.5 and 2.5 split the levels; the title reads low to high
            axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0.5, 3.5, 1
            axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
            axis.has_major_gridlines = True
            axis.has_title = True
            write_text(axis.axis_title.text_frame, [f"{low} → {high}"], CHART_PT, self.body)
        per = per_line(r.width // 4, CHART_PT)
        plotted = chart.series[0]
        plotted.format.line.fill.background()
        for point, p in zip(plotted.points, m.points, strict=False):
            colour = COLOURS.get(p.status, MATRIX_COLOUR) if p.status else MATRIX_COLOUR
            point.marker.style = XL_MARKER_STYLE.CIRCLE
            point.marker.size = 10
            point.marker.format.fill.solid()
            point.marker.format.fill.fore_color.rgb = rgb(colour)
            label = point.data_label
            label.position = XL_LABEL_POSITION.RIGHT
            write_text(label.text_frame, [shorten(p.label, per, 1)], CHART_PT, self.body)
            label.font.size = Pt(CHART_PT)

    # the whole deck -----------------------------------------------------------------------

    def build(self, o: Outline) -> None:
        self.title_slide(o)
        numbered = o.numbered()
        self.bullets_slide(
            o.contents_title, [f"{n} {s.title}" for n, s in numbered], o.contents_notes
        )
        for n, section in numbered:
            notes = Notes(
                self.lang, t("deck.note.section", self.lang, number=n, title=section.title)
            )
            slide = self._bare(f"{n} {section.title}", notes)
            self._notes(slide, notes)
            for s in section.slides:
                self.content_slide(s)


def point_colour(status: str | None, fallback: str) -> str:
    """A chart point's colour: its own "#rrggbb", its status's, else ``fallback``."""
    if status and status.startswith("#"):
        return status
    return COLOURS.get(status, fallback) if status else fallback


def _part(
    c: CategoryChart | ClusteredBars | Gantt, part: slice
) -> CategoryChart | ClusteredBars | Gantt:
    """The chart's categories in ``part``, with their values and colours."""
    if isinstance(c, Gantt):
        return replace(
            c,
            categories=c.categories[part],
            starts=c.starts[part],
            planned=c.planned[part],
            slips=c.slips[part],
            critical=c.critical[part],
        )
    if isinstance(c, CategoryChart):
        return replace(
            c, categories=c.categories[part], values=c.values[part], colours=c.colours[part]
        )
    series = tuple(replace(x, values=x.values[part], marks=x.marks[part]) for x in c.series)
    return replace(c, categories=c.categories[part], series=series)


def render_deck(
    result: Analysis,
    lang: Lang,
    *,
    presenter: str | None = None,
    template: Path | None = None,
    plan: PlanAnalysis | None = None,
) -> bytes:
    """The retrospective as a .pptx deck; the same input and date give the same bytes.
    ``plan`` (:func:`retrokit.api.analyze_plan`) adds the phases, the strategy, execution
    against plan and the ROI per budget line."""
    view = review_view(result, lang)
    presenter = deck_presenter(view, presenter)
    master = open_master(template, lang)
    Builder(master, lang).build(outline(view, presenter=presenter, plan=plan))
    stamp = deck_time(result.today)
    props = master.prs.core_properties
    props.title = view.title
    props.author = presenter or ""
    props.last_modified_by = "retrokit"
    props.revision = 1
    props.created = props.modified = props.last_printed = stamp
    buf = io.BytesIO()
    master.prs.save(buf)
    return normalise_zip(buf.getvalue(), stamp)


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The package with every member's timestamp fixed, in its order, embedded workbooks (the
    charts' data) normalised too: their core properties carry the time they were written."""
    when = max(stamp, dt.datetime(1980, 1, 1)).timetuple()[:6]
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            blob = src.read(item)
            if item.filename.endswith(".xlsx"):
                blob = normalise_zip(blob, stamp)
            elif item.filename == "docProps/core.xml":
                blob = _CORE_DATES.sub(lambda m: m.group(1) + iso + m.group(3), blob)
            info = zipfile.ZipInfo(item.filename, when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, blob)
    return out.getvalue()
