"""`retrokit report PLAN.xlsx`: the plan's own report. The overview and every goal, then HTML
with an SVG Gantt chart (the critical path and today marked), the budget split, the risk matrix
with each risk's response and owner, and pacing per goal; Markdown with a Mermaid ``gantt`` and
``pie`` in their place. What it says comes from ``plan_view.py``; this module lays it out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape
from typing import Literal

from retrokit.i18n import t
from retrokit.i18n.languages import language
from retrokit.method.plan import PlanAnalysis, TaskResult
from retrokit.render.plan_view import PlanTable, charted_tasks, plan_title, plan_view
from retrokit.workbook.plan_schema import BUDGET, BUDGET_CATEGORY, PHASE, TASKS
from retrokit.workbook.schema import Lang

ROW_HEIGHT = 22
LABEL_WIDTH = 200
DAY_WIDTH = 14
CRITICAL, NORMAL, TODAY = "#c0392b", "#4472c4", "#e67e22"
#: After a critical task's name, as in the terminal's table: the schedule's sentence
#: (``plan.critical_path``) says what the star means.
CRITICAL_MARK = " ★"


def gantt_svg(plan: PlanAnalysis, lang: Lang) -> str:
    """The schedule as an SVG: a bar per dated task, critical ones in red and starred (as
    the schedule's sentence says), today a line."""
    tasks = charted_tasks(plan)
    if not tasks:
        return ""
    first = min(x.start for x in tasks if x.start is not None)
    last = max(x.end for x in tasks if x.end is not None)
    days = (last - first).days + 1
    colon = language(lang).colon
    width = LABEL_WIDTH + days * DAY_WIDTH + 10
    height = (len(tasks) + 1) * ROW_HEIGHT + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11" role="img">'
    ]
    for i in range(0, days, 7):
        x = LABEL_WIDTH + i * DAY_WIDTH
        day = first + dt.timedelta(days=i)
        out.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height}" stroke="#ddd"/>')
        out.append(f'<text x="{x + 2}" y="12" fill="#666">{day.month}/{day.day}</text>')
    for row, task in enumerate(tasks, start=1):
        assert task.start is not None and task.end is not None
        y = row * ROW_HEIGHT
        x = LABEL_WIDTH + (task.start - first).days * DAY_WIDTH
        w = ((task.end - task.start).days + 1) * DAY_WIDTH
        color = CRITICAL if task.critical else NORMAL
        name = "" if task.task == task.id else f" {task.task or ''}"  # a task known by name
        full = f"{task.id}{CRITICAL_MARK if task.critical else ''}{name}"
        out.append(f'<text x="4" y="{y + 15}">{escape(full[:28])}</text>')
        out.append(  # the tooltip names the task in full; the label is cut to its column
            f'<rect x="{x}" y="{y + 4}" width="{w}" height="{ROW_HEIGHT - 8}" rx="3" '
            f'fill="{color}"><title>{escape(full)}{colon}{task.start} - {task.end}</title></rect>'
        )
    if first <= plan.today <= last:
        mid: float = LABEL_WIDTH + (plan.today - first).days * DAY_WIDTH + DAY_WIDTH / 2
        out.append(
            f'<line x1="{mid}" y1="0" x2="{mid}" y2="{height}" stroke="{TODAY}" stroke-width="2"/>'
        )
    out.append("</svg>")
    return "".join(out)


def _rows(header: Sequence[str], rows: Sequence[Sequence[str]], fmt: str) -> str:
    if fmt == "md":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _fields(rows: Sequence[tuple[str, str]], fmt: str) -> str:
    """Field and value pairs: a table without a header row in HTML (Markdown needs one)."""
    if fmt == "md":
        return _rows(("", ""), rows, fmt)
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="fields"><tbody>{body}</tbody></table>'


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")


def _table(table: PlanTable, fmt: str) -> str:
    return _rows(table.header, table.rows, fmt)


def _say(text: str, fmt: str) -> str:
    """A sentence of the report: a paragraph in HTML, a line of its own in Markdown."""
    if not text:
        return ""
    return text + "\n" if fmt == "md" else f"<p>{escape(text)}</p>"


def _join(parts: Sequence[str], fmt: str) -> str:
    return "\n".join(p for p in parts if p) if fmt == "md" else "".join(parts)


def _sections(plan: PlanAnalysis, lang: Lang, fmt: str) -> list[tuple[str, str]]:
    view = plan_view(plan, lang)
    names = view.names
    sections: list[tuple[str, str]] = []
    if view.overview:
        sections.append((names["overview"], _fields(view.overview, fmt)))
    goals = _table(view.goals, fmt) if view.goals else _say(view.goals_empty, fmt)
    sections.append((names["goals"], goals))

    if not view.schedule_dated:
        schedule = _say(view.schedule_line, fmt)
    elif fmt == "md":
        schedule = _mermaid_gantt(plan, lang) + "\n" + view.schedule_line + "\n"
    else:
        schedule = f"<figure>{gantt_svg(plan, lang)}</figure>" + _say(view.schedule_line, fmt)
    sections.append((names["schedule"], schedule))

    if view.budget is None:
        budget = _say(view.budget_line, fmt)
    elif fmt == "md":
        pie = _mermaid_pie(plan, lang)
        budget = (pie + "\n" if pie else "") + _table(view.budget, fmt) + "\n"
        budget += view.budget_line + "\n"
    else:
        budget = _table(view.budget, fmt) + _say(view.budget_line, fmt)
    if view.budget_lines is not None:  # variance, attributed revenue and ROI per line
        heading = view.names["budget_lines"]
        budget += (
            f"\n### {heading}\n\n" + _table(view.budget_lines, fmt)
            if fmt == "md"
            else f"<h3>{escape(heading)}</h3>" + _table(view.budget_lines, fmt)
        )
    sections.append((names["budget"], budget))

    if view.risk_matrix is None or view.risk_list is None:
        risks = _say(view.risks_empty, fmt)
    else:
        heading = (
            f"### {view.names['risk_list']}\n"
            if fmt == "md"
            else f"<h3>{escape(view.names['risk_list'])}</h3>"
        )
        risks = _join([_table(view.risk_matrix, fmt), heading, _table(view.risk_list, fmt)], fmt)
    sections.append((names["risks"], risks))

    pacing = _table(view.pacing, fmt) if view.pacing else ""
    sections.append((names["pacing"], _join([pacing, _say(view.pacing_note, fmt)], fmt)))
    if view.team is not None:  # who does what, as the team sheet lists it
        sections.append((names["team"], _table(view.team, fmt)))

    findings = _rows(
        [t("report.where", lang), t("report.code", lang), t("report.message", lang)],
        [[f.where, f.code, f.message(lang)] for f in plan.findings],
        fmt,
    ) if plan.findings else (t("report.no_findings", lang) + ("\n" if fmt == "md" else ""))  # fmt: skip
    sections.append((names["findings"], findings))
    return sections


#: A task id Mermaid reads as one (its task data is split at commas, colons end a name).
_MERMAID_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
#: What ends, comments out or cuts a Mermaid gantt line's text: a colon, ``#`` and ``;``
#: (ending a task's data), ``%`` (a comment, also as a name's second character), and ``#``
#: itself, which opens an entity code. Each is written as its entity code (``#58;``), which
#: Mermaid 10 and 11 turn back into the character when they draw the chart.
_MERMAID_ESCAPED = re.compile(r"[#:;%]")
#: A line Mermaid's gantt lexer reads as a statement, not a task, by how it begins (any case):
#: its keywords (``title``, ``section``, ``excludes``, ...; the ``click`` line and its ``call``
#: and ``href``; the accessibility ones) and a date. A name beginning so has its first
#: character written as an entity code.
_MERMAID_KEYWORD = re.compile(
    r"(?:gantt|dateFormat|axisFormat|tickInterval|includes|excludes|todayMarker|"
    r"inclusiveEndDates|topAxis|weekday|weekend|title|section|accTitle|accDescr|"
    r"accDescription|click|call|href)(?![A-Za-z0-9_])|\d{4}-\d\d-\d\d",
    re.IGNORECASE,
)


def _entity(char: str) -> str:
    return f"#{ord(char)};"


def mermaid_text(text: str) -> str:
    """A task's or a section's name as one Mermaid gantt line holds it, every character kept:
    on one line, with what would end or comment it out, and a keyword it begins with, written
    as entity codes (``#35;`` for ``#``)."""
    name = _MERMAID_ESCAPED.sub(lambda m: _entity(m.group()), " ".join(text.split()))
    if _MERMAID_KEYWORD.match(name):
        name = _entity(name[0]) + name[1:]
    return name


def _phase_sections(tasks: Sequence[TaskResult], lang: Lang) -> list[tuple[str, list[TaskResult]]]:
    """The tasks under one section per phase, in the order phases first appear; tasks without
    a phase under their own section (only when some task has one); one unnamed group when no
    task has a phase."""
    groups: dict[str, list[TaskResult]] = {}
    for task in tasks:
        groups.setdefault(PHASE.shown(task.phase, lang).strip(), []).append(task)
    if list(groups) == [""]:
        return [("", list(tasks))]
    return [(name or t("plan.no_phase", lang), members) for name, members in groups.items()]


def _mermaid_gantt(plan: PlanAnalysis, lang: Lang) -> str:
    lines = ["```mermaid", "gantt", "    dateFormat YYYY-MM-DD", f"    title {TASKS.name(lang)}"]
    today: list[str] = []
    if plan.schedule.start and plan.schedule.start <= plan.today <= (
        plan.schedule.end or plan.today
    ):
        # Mermaid's own today marker is the reader's clock; the report's day is --today.
        name = mermaid_text(t("plan.today", lang))
        today.append(f"    {name} :milestone, today, {plan.today.isoformat()}, 0d")
    tasks = charted_tasks(plan)
    number = {id(task): n for n, task in enumerate(tasks, start=1)}
    sections = _phase_sections(tasks, lang)
    if sections[0][0]:
        lines += today  # above the sections, not in the last one
    for section, members in sections:
        if section:
            lines.append(f"    section {mermaid_text(section)}")
        for task in members:
            assert task.start is not None and task.end is not None
            n = number[id(task)]
            name = mermaid_text(task.task or "") or mermaid_text(task.id) or f"T{n}"
            name += CRITICAL_MARK if task.critical else ""
            tags = ("crit, " if task.critical else "") + ("done, " if task.status == "done" else "")
            key = task.id if _MERMAID_ID.fullmatch(task.id) else f"task{n}"
            # At least 1: a charted task ends after it starts.
            days = (task.end - task.start).days + 1
            lines.append(f"    {name} :{tags}{key}, {task.start.isoformat()}, {days}d")
    if not sections[0][0]:
        lines += today
    lines.append("```")
    return "\n".join(lines) + "\n"


def _mermaid_pie(plan: PlanAnalysis, lang: Lang) -> str:
    """The planned split as a Mermaid pie; empty while nothing is planned (an empty pie)."""
    if not any(g.planned > 0 for g in plan.budget.by_category):
        return ""
    lines = ["```mermaid", f"pie title {BUDGET.name(lang)}"]
    for g in plan.budget.by_category:
        # A team's own category as typed: a quote or a line end would end Mermaid's label.
        # ``#`` as its entity code: Mermaid reads ``#1;`` in a label as one.
        label = " ".join(BUDGET_CATEGORY.shown(g.name, lang).replace('"', "'").split()) or "-"
        label = label.replace("#", _entity("#"))
        lines.append(f'    "{label}" : {g.planned:g}')
    lines.append("```")
    return "\n".join(lines) + "\n"


def render_plan_report(plan: PlanAnalysis, fmt: Literal["html", "md"], lang: Lang) -> str:
    """The plan report as one string: a self-contained HTML page or GitHub Markdown."""
    if fmt not in ("html", "md"):
        raise ValueError(f"no plan report as {fmt}")  # never HTML under another format's name
    title = plan_title(plan)
    sections = _sections(plan, lang, fmt)
    if fmt == "md":
        parts = [f"# {title}\n"]
        parts += [f"## {name}\n\n{body}" for name, body in sections]
        return "\n".join(parts)
    body = "".join(f"<section><h2>{escape(n)}</h2>{b}</section>" for n, b in sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"
        ".fields th{text-align:left;background:#f5f5f5;white-space:nowrap}"
        f"figure{{overflow-x:auto;margin:0}}</style></head><body><h1>{escape(title)}</h1>"
        f"{body}</body></html>\n"
    )
