"""`retrokit report`: one view model, laid out by the Jinja2 templates as HTML or Markdown.

The Python side prepares every string the reader sees (numbers in the reader's language,
labels, charts); the templates only lay it out. HTML autoescapes; Markdown escapes through the
``md`` filter. The output depends only on the workbook and the as-of date.
"""

from __future__ import annotations

import datetime as dt
import heapq
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from retrokit import __version__
from retrokit.i18n import t
from retrokit.i18n.languages import language, page_fonts
from retrokit.method.analysis import Analysis, KpiResult, Status
from retrokit.render import charts, display
from retrokit.workbook.schema import (
    CATEGORY,
    DIMENSION,
    INFO,
    KPIS,
    LEVEL,
    PRIORITY,
    PROBLEMS,
    RESULT,
    STATUS,
    Lang,
)

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


def _kpi_row(k: KpiResult, lang: Lang) -> dict[str, Any]:
    note = ""
    if k.direction.value == "lower":
        note = t("label.lower_better", lang)
        if k.target and k.actual is not None and k.target > 0:
            note += "; " + t("report.of_target", lang, share=display.percent(k.actual / k.target))
    return {
        "dimension": DIMENSION.label_of(k.dimension, lang),
        "metric": k.metric,
        "core": k.core,
        "channel": k.channel or "",
        "target": display.quantity(k.target, k, lang),
        "actual": display.quantity(k.actual, k, lang),
        "gap": display.gap(k, lang),
        "rate": display.rate(k, lang),
        "status": k.status.value if k.status else "unrated",
        "label": RESULT.label_of(k.status.value, lang) if k.status else t("label.unrated", lang),
        "note": note,
        "analysis": k.analysis or "",
    }


def build_view(result: Analysis, lang: Lang, *, charts_svg: bool = True) -> dict[str, Any]:
    """Everything the templates show, as display-ready strings, in the method's order."""
    info = result.info
    s = result.summary
    project = info.get("project") or t("report.untitled", lang)
    summary = t(
        "report.summary",
        lang,
        total=s["kpis"],
        exceeded=s["exceeded"],
        met=s["met"],
        missed=s["missed"],
    )
    if s["unrated"]:
        summary += " " + t("report.unrated", lang, count=s["unrated"])
    sep = language(lang).list_separator
    core_missed = list(s.get("core_missed", []))
    core_line = (
        t("report.core_missed", lang, metrics=sep.join(core_missed))
        if core_missed
        else t("report.core_ok", lang)
        if any(k.core for k in result.kpis)
        else ""
    )
    info_rows = []
    for column in INFO.columns:
        value = info.get(column.key)
        if value is None or value == "" or column.key in ("project", "key_question"):
            continue
        if column.choices is not None:
            value = column.choices.by_code(value).label(lang)
        elif isinstance(value, float):
            value = display.number(value, lang)
        info_rows.append({"label": column.label(lang), "value": display.date(value)})
    kpis = [_kpi_row(k, lang) for k in result.kpis]
    highlights = [_kpi_row(k, lang) for k in result.kpis if k.status is Status.EXCEEDED]
    misses = sorted(
        (k for k in result.kpis if k.status is Status.MISSED),
        key=lambda k: (k.rate if k.rate is not None else 0, k.row),
    )
    actions = []
    for p in result.problems:
        actions.append(
            {
                "priority": PRIORITY.label_of(p.priority.value if p.priority else None, lang),
                "priority_code": p.priority.value if p.priority else "",
                "area": p.area or "",
                "problem": p.problem or "",
                "metric": p.metric or "",
                "why_chain": list(p.why_chain),
                "action": p.action or "",
                "owner": p.owner or "",
                "due": display.date(p.due),
                "expected": p.expected or "",
                "impact": LEVEL.label_of(p.impact, lang),
                "effort": LEVEL.label_of(p.effort, lang),
                "status": STATUS.label_of(p.status, lang),
                "overdue": p.overdue,
            }
        )
    lessons = []
    for choice in [*CATEGORY.choices, None]:
        code = choice.code if choice else None
        items = [x for x in result.lessons if x.category == code]
        if items:
            lessons.append(
                {
                    "category": choice.label(lang) if choice else "-",
                    "entries": [
                        {
                            "lesson": x.lesson or "",
                            "applies_to": x.applies_to or "",
                            "evidence": x.evidence or "",
                        }
                        for x in items
                    ],
                }
            )
    findings = [
        {"where": f.where, "code": f.code, "severity": f.severity.value, "message": f.message(lang)}
        for f in result.findings
    ]
    labels = {
        "kpi": {c.key: c.label(lang) for c in KPIS.columns},
        "problem": {c.key: c.label(lang) for c in PROBLEMS.columns},
        **{key.split(".", 1)[1]: t(key, lang) for key in _REPORT_KEYS},
        "overdue": t("label.overdue", lang),
    }
    view: dict[str, Any] = {
        "lang": lang,
        "html_lang": language(lang).html_lang,
        "fonts": page_fonts(),
        "title": t("report.title", lang, project=project),
        "colon": language(lang).colon,
        "key_question": info.get("key_question") or "",
        "scope": info.get("scope") or "",
        "summary": summary,
        "core_line": core_line,
        "info": info_rows,
        "kpis": kpis,
        "highlights": highlights,
        "misses": [_kpi_row(k, lang) for k in misses],
        "actions": actions,
        "lessons": lessons,
        "findings": findings,
        "as_of": t("report.as_of", lang, date=result.today.isoformat()),
        "generated": t("report.generated", lang, version=__version__),
        "labels": labels,
        "mermaid": _mermaid(result, lang),
        "chart_note": _chart_note(result, lang),
    }
    if charts_svg:
        view["charts"] = _charts(result, lang)
    return view


_REPORT_KEYS = [
    "report.key_question",
    "report.goals",
    "report.basic_info",
    "report.kpis",
    "report.chart_rates",
    "report.highlights",
    "report.misses",
    "report.none",
    "report.actions",
    "report.matrix",
    "report.lessons",
    "report.findings",
    "report.no_findings",
    "report.core",
    "report.why_chain",
    "report.where",
    "report.code",
    "report.message",
    "report.priority",
    "report.metric",
]


#: Bars in the chart of achievement rates. A chart with more is not read; past a few
#: thousand, drawing it takes minutes and gigabytes. The KPI table always lists them all.
CHART_BARS = 40


def chart_kpis(kpis: Sequence[KpiResult]) -> list[KpiResult]:
    """The KPIs in the chart of rates: all of them when few, else the core ones and then the
    lowest rates (unrated last), CHART_BARS in all, in the list's order."""
    if len(kpis) <= CHART_BARS:
        return list(kpis)

    def weight(i: int) -> tuple[bool, bool, float, int]:
        k = kpis[i]
        return (not k.core, k.rate is None, k.rate or 0.0, i)

    chosen = heapq.nsmallest(CHART_BARS, range(len(kpis)), key=weight)
    return [kpis[i] for i in sorted(chosen)]


def _chart_note(result: Analysis, lang: Lang) -> str:
    total = len(result.kpis)
    if total <= CHART_BARS:
        return ""
    return t("report.chart_subset", lang, shown=CHART_BARS, total=f"{total:,}")


def _charts(result: Analysis, lang: Lang) -> dict[str, str]:
    na = t("label.na", lang)
    bars = [
        charts.Bar(k.metric, k.rate, k.status.value if k.status else None, display.rate(k, lang))
        for k in chart_kpis(result.kpis)
    ]
    s = result.summary
    counts: list[tuple[str, str | None, int]] = [
        (RESULT.by_code(code).label(lang), code, s[code]) for code in ("exceeded", "met", "missed")
    ]
    counts.append((t("label.unrated", lang), None, s["unrated"]))
    out = {"counts": charts.status_counts(counts)} if result.kpis else {}
    if bars:
        out["rates"] = charts.achievement_bars(bars, t("report.chart_rates", lang), na)
    points = [
        charts.Point(
            p.area or p.action or "?",
            p.impact,
            p.effort,
            "met" if p.status == "done" else ("missed" if p.overdue else None),
        )
        for p in result.problems
        if p.impact and p.effort
    ]
    if points:
        axis = {c.code: c.label(lang) for c in LEVEL.choices}
        axis["impact"] = PROBLEMS.column("impact").label(lang)
        axis["effort"] = PROBLEMS.column("effort").label(lang)
        quadrants = {c.code: c.label(lang) for c in PRIORITY.choices}
        out["matrix"] = charts.priority_matrix(points, axis, quadrants)
    return out


def _mermaid_text(text: str) -> str:
    # Mermaid labels sit in double quotes; keep them one line and free of quotes and brackets.
    cleaned = " ".join(str(text).split())
    for ch in '"[]{}<>`;#':
        cleaned = cleaned.replace(ch, " ")
    return cleaned.strip() or "-"


def _mermaid(result: Analysis, lang: Lang) -> dict[str, str]:
    out: dict[str, str] = {}
    rated = [(k.metric, k.rate) for k in chart_kpis(result.kpis) if k.rate is not None]
    if rated:
        names = ", ".join(f'"{_mermaid_text(metric)}"' for metric, _ in rated)
        values = ", ".join(f"{rate * 100:.1f}" for _, rate in rated)
        top = max(100.0, *(rate * 100 for _, rate in rated))
        out["rates"] = "\n".join(
            [
                "xychart-beta horizontal",
                f'    title "{_mermaid_text(t("report.chart_rates", lang))}"',
                f"    x-axis [{names}]",
                f'    y-axis "%" 0 --> {int(top * 1.1) + 1}',
                f"    bar [{values}]",
                f"    line [{', '.join('100' for _ in rated)}]",
            ]
        )
    points = [p for p in result.problems if p.impact and p.effort]
    if points:
        pos = {"low": 0.2, "medium": 0.5, "high": 0.8}
        q = {c.code: _mermaid_text(c.label(lang)) for c in PRIORITY.choices}
        low, high = LEVEL.by_code("low").label(lang), LEVEL.by_code("high").label(lang)
        sp = language(lang).word_separator
        effort = PROBLEMS.column("effort").label(lang)
        impact = PROBLEMS.column("impact").label(lang)
        lines = [
            "quadrantChart",
            f"    title {_mermaid_text(t('report.matrix', lang))}",
            f"    x-axis {_mermaid_text(low + sp + effort)} --> {_mermaid_text(high + sp + effort)}",
            f"    y-axis {_mermaid_text(low + sp + impact)} --> {_mermaid_text(high + sp + impact)}",
            f"    quadrant-1 {q['major_project']}",
            f"    quadrant-2 {q['quick_win']}",
            f"    quadrant-3 {q['fill_in']}",
            f"    quadrant-4 {q['defer']}",
        ]
        seen: dict[tuple[str, str], int] = {}
        for i, p in enumerate(points, start=1):
            n = seen.get((p.impact, p.effort), 0)  # type: ignore[arg-type]
            seen[(p.impact, p.effort)] = n + 1  # type: ignore[index]
            x = pos[p.effort] + 0.04 * n  # type: ignore[index]
            y = pos[p.impact] - 0.05 * n  # type: ignore[index]
            lines.append(
                f'    "{i}. {_mermaid_text(p.area or p.action or "")}": [{x:.2f}, {y:.2f}]'
            )
        out["matrix"] = "\n".join(lines)
    return out


def compare_view(data: dict[str, Any], lang: Lang, *, chart: bool) -> dict[str, Any]:
    """The `retrokit compare` report's view model (same look as the single-campaign report)."""
    from pathlib import Path as _Path

    sep = language(lang).list_separator
    yes, no = t("compare.yes", lang), t("compare.no", lang)

    def name(file: str) -> str:
        return _Path(file).name

    def rate(value: float | None) -> str:
        return display.percent(value) if value is not None else t("label.na", lang)

    projects = {c["file"]: c["project"] or name(c["file"]) for c in data["campaigns"]}
    campaigns = [
        {
            **c,
            "project": projects[c["file"]],
            "owner": c["owner"] or "",
            "period": f"{c['start'] or '?'} ~ {c['end'] or '?'}",
            "core_missed": sep.join(c["core_missed"]),
        }
        for c in data["campaigns"]
    ]
    metrics = [
        {
            "metric": m["metric"],
            "points": [
                {"project": projects.get(p["file"], name(p["file"])), "rate": rate(p["rate"])}
                for p in m["series"]
            ],
        }
        for m in data["metrics"]
    ]
    labels = {
        key.split(".", 1)[1]: t(key, lang)
        for key in (
            "compare.campaigns",
            "compare.metrics",
            "compare.areas",
            "compare.causes",
            "compare.carried",
            "compare.effects",
            "compare.period",
            "compare.open",
            "compare.overdue",
            "compare.core_missed",
            "compare.files",
            "compare.times",
            "compare.before",
            "compare.after",
            "compare.rose",
            "report.none",
            "report.metric",
        )
    }
    labels.update(
        {
            "project": INFO.column("project").label(lang),
            "owner": INFO.column("owner").label(lang),
            "action": PROBLEMS.column("action").label(lang),
            **{c.code: c.label(lang) for c in RESULT.choices},
        }
    )
    view: dict[str, Any] = {
        "lang": lang,
        "html_lang": language(lang).html_lang,
        "fonts": page_fonts(),
        "title": t("compare.title", lang),
        "campaigns": campaigns,
        "metrics": metrics,
        "recurring_areas": [
            {"text": r["text"], "files": sep.join(name(f) for f in r["files"])}
            for r in data["recurring_areas"]
        ],
        "recurring_causes": [
            {"text": r["text"], "files": sep.join(name(f) for f in r["files"])}
            for r in data["recurring_root_causes"]
        ],
        "carried": [{**c, "file": name(c["file"])} for c in data["carried_over"]],
        "effects": [
            {
                "action": e["action"],
                "metric": e["metric"],
                "rate_before": rate(e["rate_before"]),
                "rate_after": rate(e["rate_after"]),
                "rose": "" if e["rose"] is None else (yes if e["rose"] else no),
            }
            for e in data["action_effects"]
        ],
        "labels": labels,
        "generated": t("report.generated", lang, version=__version__),
        "chart": "",
        "mermaid": "",
    }
    series = [
        (m["metric"], [(projects.get(p["file"], name(p["file"])), p["rate"]) for p in m["series"]])
        for m in data["metrics"]
    ]
    if series and chart:
        view["chart"] = charts.metric_lines(series, t("compare.metrics", lang))
    if series and not chart:
        order = [projects[c["file"]] for c in data["campaigns"]]
        lines = [
            "xychart-beta",
            f'    title "{_mermaid_text(t("compare.metrics", lang))}"',
            f"    x-axis [{', '.join(chr(34) + _mermaid_text(o) + chr(34) for o in order)}]",
            '    y-axis "%"',
        ]
        for _metric, points in series:
            rates = dict(points)
            values = [f"{rates[o] * 100:.1f}" if rates.get(o) is not None else "0" for o in order]
            lines.append(f"    line [{', '.join(values)}]")
        view["mermaid"] = "\n".join(lines)
    return view


def render_compare(data: dict[str, Any], fmt: Format, lang: Lang) -> str:
    env = _environment()
    view = compare_view(data, lang, chart=fmt == "html")
    return str(env.get_template(f"compare.{fmt}.j2").render(**view))


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
    env = _environment()
    view = build_view(result, lang, charts_svg=fmt == "html")
    return str(env.get_template(TEMPLATE_FILES[fmt]).render(**view))


def default_output(workbook: Path, fmt: Format) -> Path:
    return workbook.with_name(f"{workbook.stem}.report.{fmt}")
