"""Charts for the report and the deck: chart data from the view model drawn by matplotlib.

Each chart function turns the view's chart data into a figure; :func:`svg` and :func:`png`
render any figure (and close it), so the HTML page's SVG and a slide's picture come from the
same data and the same drawing code.

Text stays text (``svg.fonttype = none``) so Chinese renders in the reader's own fonts; the page
CSS gives it a CJK-friendly font stack. Layout is measured with matplotlib's bundled DejaVu Sans
so the SVG is the same on every machine, and ids come from a fixed hash salt, so the same
workbook gives byte-identical charts.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from typing import Any

from retrokit.render.textfit import shorten, width_units
from retrokit.render.view import Bar, Point  # the chart data lives in the view model

#: Width units (a CJK character is two) of a name on a chart's axis or beside its point: a
#: longer one is cut with an ellipsis, so a 30,000-character metric name does not stretch the
#: chart across 5 km of page. The tables keep the whole name.
LABEL_UNITS = 48


def _label(text: str) -> str:
    return short_labels([str(text)])[0]


def short_labels(names: Sequence[str]) -> list[str]:
    """``names`` as a chart shows them: each cut to :data:`LABEL_UNITS` with an ellipsis, the
    channel after ``指标 · 渠道`` kept whole (it tells a metric's two rows apart), and names
    still alike after the cut told apart by their place (…#2), so no two bars share a label."""
    from retrokit.method.analysis import KPI_NAME_SEPARATOR

    out: list[str] = []
    for name in names:
        head, sep, tail = name.rpartition(KPI_NAME_SEPARATOR)
        if sep and sum(map(width_units, tail)) <= LABEL_UNITS // 2:
            room = LABEL_UNITS - sum(map(width_units, sep + tail))
            out.append(shorten(head, room, 1) + sep + tail)
        else:
            out.append(shorten(name, LABEL_UNITS, 1))
    seen: dict[str, int] = {}
    for i, (name, shown) in enumerate(zip(names, out, strict=True)):
        if shown != name:
            n = seen[shown] = seen.get(shown, 0) + 1
            if n > 1 or out.count(shown) > 1:
                out[i] = f"{shown}#{n}"
    return out


COLOURS = {"exceeded": "#2e7d32", "met": "#f9a825", "missed": "#c62828", None: "#9e9e9e"}
AXIS_CAP = 2.0  # bars beyond 200% are drawn to the cap and labelled with their real rate


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "retrokit",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            # Text as typed: "Revenue in $ vs cost in $" is not mathematics, "$^$" no error.
            "text.parse_math": False,
        }
    )
    return plt


def svg(fig: Any) -> str:
    """The figure as inline SVG (text kept as text, no URL, byte-identical across runs)."""
    plt = _pyplot()
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing CJK glyphs in DejaVu only affect measuring
        fig.savefig(
            buf,
            format="svg",
            bbox_inches="tight",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]  # drop the XML declaration and the DOCTYPE (a URL)
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    # Inline SVG in HTML needs no namespace declarations: the page then holds no URL at all.
    text = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", text)
    return text.replace('width="', 'class="chart" width="', 1)


def png(fig: Any, dpi: int = 200) -> bytes:
    """The figure as a PNG picture."""
    plt = _pyplot()
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _length(bar: Bar) -> float:
    """A bar's length in percent: its rate up to the axis cap; an exceeded KPI without a rate
    (a lower-is-better actual of 0) reaches the cap; an unrated one has none."""
    if bar.rate is not None:
        return min(bar.rate, AXIS_CAP) * 100
    return AXIS_CAP * 100 if bar.status == "exceeded" else 0.0


def achievement_bars(bars: Sequence[Bar], title: str, na_text: str) -> Any:
    """Achievement rate per KPI as horizontal bars against the 100% line, coloured by label."""
    plt = _pyplot()
    height = 0.9 + 0.38 * max(1, len(bars))
    fig, ax = plt.subplots(figsize=(7.5, height))
    labels = short_labels([b.label for b in bars])[::-1]
    values = [_length(b) for b in bars][::-1]
    colours = [COLOURS.get(b.status, COLOURS[None]) for b in bars][::-1]
    y = range(len(bars))
    ax.barh(list(y), values, color=colours, height=0.6)
    ax.axvline(100, color="#424242", linewidth=1.2, linestyle="--", zorder=1)
    top = max([100.0, *values]) * 1.18
    ax.set_xlim(0, top)
    texts = []
    for yi, b in zip(y, list(bars)[::-1], strict=True):
        shown = b.text if b.rate is not None or b.status else na_text
        x = _length(b)
        texts.append(ax.text(x + top * 0.01, yi, shown, va="center", fontsize=9, zorder=3))
    ax.set_yticks(list(y), labels)
    _clear_of_line(fig, ax, texts, 100, top * 0.015)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
    ax.set_title(title, loc="left", fontsize=11)
    return fig


def _clear_of_line(fig: Any, ax: Any, texts: Sequence[Any], at: float, gap: float) -> None:
    """Move every label the vertical line at ``at`` would run through to just after it: a
    value label that starts short of 100% and ends past it is read through the dashes."""
    import warnings

    with warnings.catch_warnings():
        # Measuring lays out the tick labels too; their CJK glyphs are the browser's to draw
        # (the SVG keeps text as text), so DejaVu's missing glyphs are no news here.
        warnings.simplefilter("ignore", UserWarning)
        fig.draw_without_rendering()
    line_x = ax.transData.transform((at, 0))[0]
    for text in texts:
        box = text.get_window_extent()
        if box.x0 - 2 <= line_x <= box.x1 + 2:
            text.set_x(at + gap)


def status_counts(counts: Sequence[tuple[str, str | None, int]]) -> Any:
    """A compact stacked bar of exceeded / met / missed / unrated."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 0.7))
    left = 0.0
    total = sum(n for _, _, n in counts) or 1
    for label, status, n in counts:
        if n:
            ax.barh([0], [n], left=left, color=COLOURS.get(status, COLOURS[None]), height=0.8)
            ax.text(
                left + n / 2,
                0,
                f"{label} {n}",
                ha="center",
                va="center",
                color="white",
                fontsize=9,
                fontweight="bold",
            )
            left += n
    ax.set_xlim(0, total)
    ax.axis("off")
    return fig


LEVELS = ["low", "medium", "high"]


def priority_matrix(
    points: Sequence[Point], axis_labels: dict[str, str], quadrants: dict[str, str]
) -> Any:
    """The impact x effort matrix of actions: quick wins top left."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.axhline(1, color="#bdbdbd", linewidth=1)
    ax.axvline(1, color="#bdbdbd", linewidth=1)
    spots: dict[tuple[int, int], int] = {}
    for p in points:
        x, y = LEVELS.index(p.effort), LEVELS.index(p.impact)
        k = spots.get((x, y), 0)
        spots[(x, y)] = k + 1
        dy = -0.18 * k
        ax.scatter([x], [y + dy], s=60, color=COLOURS.get(p.status, "#1565c0"), zorder=3)
        ax.text(x + 0.07, y + dy, _label(p.label), va="center", fontsize=9)
    ax.set_xlim(-0.4, 2.9)
    ax.set_ylim(-0.6, 2.5)
    ax.set_xticks([0, 1, 2], [axis_labels[level] for level in LEVELS])
    ax.set_yticks([0, 1, 2], [axis_labels[level] for level in LEVELS])
    ax.set_xlabel(axis_labels["effort"])
    ax.set_ylabel(axis_labels["impact"])
    for (qx, qy), key in (
        ((-0.35, 2.35), "quick_win"),
        ((2.05, 2.35), "major_project"),
        ((-0.35, -0.5), "fill_in"),
        ((2.05, -0.5), "defer"),
    ):
        ax.text(qx, qy, quadrants[key], fontsize=9, color="#757575", style="italic")
    return fig


def metric_lines(
    series: Sequence[tuple[str, Sequence[tuple[str, float | None]]]], title: str
) -> Any:
    """Achievement over time: one line per metric across campaigns, with the 100% line.

    Each series has one point per campaign, in the order of the x axis (the first series'
    labels); a rate of None is a gap at that campaign's place, never a point moved left."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    labels = short_labels([label for label, _rate in series[0][1]]) if series else []
    for name, points in series:
        ys = [float("nan") if rate is None else rate * 100 for _, rate in points]
        ax.plot(range(len(ys)), ys, marker="o", label=_label(name))
    ax.axhline(100, color="#424242", linewidth=1.2, linestyle="--")
    ax.set_xticks(range(len(labels)), labels)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
    ax.set_title(title, loc="left", fontsize=11)
    # Beside the plot, not on it: "best" still covers a line when there are several.
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    return fig
