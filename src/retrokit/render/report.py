"""`retrokit report`: the view model (render/view.py), laid out by Jinja2 as HTML or Markdown.

The view holds every string the reader sees and the charts' data; here the charts become SVG
(matplotlib, for HTML) or Mermaid text (for Markdown), and the templates only lay it out. HTML
autoescapes; Markdown escapes through the ``md`` filter. The output depends only on the
workbook and the as-of date.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Literal

from retrokit.method import Analysis
from retrokit.render import charts
from retrokit.render.charts import short_labels
from retrokit.render.view import (
    MatrixChart,
    RatesChart,
    ReviewView,
    TrendChart,
    compare_view,
    review_view,
)
from retrokit.workbook.schema import Lang

Format = Literal["html", "md"]
TEMPLATE_FILES = {"html": "report.html.j2", "md": "report.md.j2"}


def templates_dir() -> Path:
    """The templates shipped in the wheel, or the checkout's templates/ in development."""
    packaged = Path(__file__).parents[1] / "templates"
    if (packaged / TEMPLATE_FILES["html"]).exists():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def as_of_date(today: dt.date | None) -> dt.date:
    """--today, else SOURCE_DATE_EPOCH (reproducible builds), else the current date."""
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _svg_charts(view: ReviewView) -> dict[str, str]:
    """The HTML page's charts, drawn by matplotlib from the view's chart data."""
    out: dict[str, str] = {}
    if view.kpis:
        out["counts"] = charts.svg(
            charts.status_counts([(c.label, c.status, c.count) for c in view.counts])
        )
    if view.rates is not None:
        out["rates"] = charts.svg(
            charts.achievement_bars(view.rates.bars, view.rates.title, view.rates.na)
        )
    if view.matrix is not None:
        m = view.matrix
        points = [replace(p, label=p.label or "?") for p in m.points]
        out["matrix"] = charts.svg(charts.priority_matrix(points, dict(m.axis), dict(m.quadrants)))
    return out


def _mermaid_text(text: str) -> str:
    # Mermaid labels sit in double quotes; keep them one line and free of quotes and brackets.
    cleaned = " ".join(str(text).split())
    for ch in '"[]{}<>`;#':
        cleaned = cleaned.replace(ch, " ")
    return cleaned.strip() or "-"


def _mermaid_rates(chart: RatesChart) -> str | None:
    rated = [(b.label, b.rate) for b in chart.bars if b.rate is not None]
    if not rated:
        return None
    shown = short_labels([metric for metric, _ in rated])
    names = ", ".join(f'"{_mermaid_text(name)}"' for name in shown)
    # Mermaid draws a bar from the axis's minimum, not from 0: a rate below zero (a net figure
    # that fell below nothing) is drawn as none, and the table beside says what it is.
    values = ", ".join(f"{max(rate, 0.0) * 100:.1f}" for _, rate in rated)
    top = max(100.0, *(rate * 100 for _, rate in rated))
    return "\n".join(
        [
            "xychart-beta horizontal",
            f'    title "{_mermaid_text(chart.title)}"',
            f"    x-axis [{names}]",
            f'    y-axis "%" 0 --> {int(top * 1.1) + 1}',
            f"    bar [{values}]",
            f"    line [{', '.join('100' for _ in rated)}]",
        ]
    )


#: Where a level sits on Mermaid's 0..1 quadrant axes.
_MERMAID_POS = {"low": 0.2, "medium": 0.5, "high": 0.8}


def _mermaid_matrix(chart: MatrixChart) -> str:
    q = {code: _mermaid_text(label) for code, label in chart.quadrants.items()}
    (x_low, x_high), (y_low, y_high) = chart.x_axis, chart.y_axis
    lines = [
        "quadrantChart",
        f"    title {_mermaid_text(chart.title)}",
        # The axes' and quadrants' labels quoted: Mermaid 10 reads no Chinese unquoted.
        f'    x-axis "{_mermaid_text(x_low)}" --> "{_mermaid_text(x_high)}"',
        f'    y-axis "{_mermaid_text(y_low)}" --> "{_mermaid_text(y_high)}"',
        f'    quadrant-1 "{q["major_project"]}"',
        f'    quadrant-2 "{q["quick_win"]}"',
        f'    quadrant-3 "{q["fill_in"]}"',
        f'    quadrant-4 "{q["defer"]}"',
    ]
    seen: dict[tuple[str, str], int] = {}
    for i, p in enumerate(chart.points, start=1):
        n = seen.get((p.impact, p.effort), 0)
        seen[(p.impact, p.effort)] = n + 1
        x = _MERMAID_POS[p.effort] + 0.04 * n
        y = _MERMAID_POS[p.impact] - 0.05 * n
        lines.append(f'    "{i}. {_mermaid_text(p.label)}": [{x:.2f}, {y:.2f}]')
    return "\n".join(lines)


def _mermaid(view: ReviewView) -> dict[str, str]:
    out: dict[str, str] = {}
    rates = _mermaid_rates(view.rates) if view.rates is not None else None
    if rates is not None:
        out["rates"] = rates
    if view.matrix is not None:
        out["matrix"] = _mermaid_matrix(view.matrix)
    return out


def _context(view: ReviewView, fmt: Format) -> dict[str, Any]:
    """The view as the templates name it."""
    context: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}
    context["info"] = view.basic_info
    context["lessons"] = view.lessons_by_category
    context["chart_note"] = view.rates.note if view.rates is not None else ""
    if fmt == "html":
        context["charts"] = _svg_charts(view)
    else:
        context["mermaid"] = _mermaid(view)
    return context


def _mermaid_trend(chart: TrendChart) -> list[str]:
    """One Mermaid line chart per metric, over only the campaigns that measured it: xychart
    has no gaps, and a 0 for "not measured" would read as a collapse. The second line is the
    100% target."""
    blocks = []
    for metric, points in chart.series:
        rated = [(campaign, rate) for campaign, rate in points if rate is not None]
        if not rated:
            continue
        names = ", ".join(f'"{_mermaid_text(campaign)}"' for campaign, _ in rated)
        top = max(100.0, *(rate * 100 for _, rate in rated))
        low = min(0.0, *(rate * 100 for _, rate in rated))
        blocks.append(
            "\n".join(
                [
                    "xychart-beta",
                    f'    title "{_mermaid_text(short_labels([metric])[0])}"',
                    f"    x-axis [{names}]",
                    f'    y-axis "%" {math.floor(low * 1.1)} --> {int(top * 1.1) + 1}',
                    f"    line [{', '.join(f'{rate * 100:.1f}' for _, rate in rated)}]",
                    f"    line [{', '.join('100' for _ in rated)}]",
                ]
            )
        )
    return blocks


def render_compare(data: dict[str, Any], fmt: Format, lang: Lang) -> str:
    """The comparison of campaigns as HTML (a matplotlib chart) or Markdown (Mermaid)."""
    view = compare_view(data, lang)
    context: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}
    context["chart"] = ""
    context["mermaid"] = []
    if view.trend is not None and fmt == "html":
        context["chart"] = charts.svg(charts.metric_lines(view.trend.series, view.trend.title))
    elif view.trend is not None:
        context["mermaid"] = _mermaid_trend(view.trend)
    return str(_environment().get_template(f"compare.{fmt}.j2").render(**context))


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["css_list"] = css_list
    return env


def css_list(items: Sequence[str], indent: int = 10, width: int = 95) -> str:
    """A CSS value list (a font stack), wrapped to lines of at most ``width`` characters whose
    continuation lines are indented by ``indent``, the column where the first one starts."""
    lines: list[str] = []
    line = ""
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if line and indent + len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    lines.append(line)
    return ("\n" + " " * indent).join(lines)


def md_escape(value: Any) -> str:
    """Cell text made safe inside a GitHub-flavoured Markdown table cell."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for ch in "\\`*_[]<>|#~":
        text = text.replace(ch, "\\" + ch)
    text = text.replace("&", "&amp;")
    return text.replace("\n", "<br>")


def render(result: Analysis, fmt: Format, lang: Lang) -> str:
    """The report as one string: a self-contained HTML page or GitHub-flavoured Markdown."""
    view = review_view(result, lang)
    return str(_environment().get_template(TEMPLATE_FILES[fmt]).render(**_context(view, fmt)))


def default_output(workbook: Path, fmt: Format) -> Path:
    return workbook.with_name(f"{workbook.stem}.report.{fmt}")
