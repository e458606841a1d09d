"""retrokit as a library: the same steps the commands take, without the command line.

The data flows one way: a workbook is read (:func:`open_workbook`), computed
(:mod:`retrokit.method`), checked (:mod:`retrokit.rules`) and rendered (:func:`render_report`).
None of these functions changes process-wide state (the garbage collector, signals, the
working directory); the lint engine that runs many files at once (:func:`lint_paths`) keeps
its tuning inside itself.

    >>> from retrokit import api
    >>> analysis = api.analyze_workbook("复盘.xlsx", today=datetime.date(2024, 8, 8))
    >>> analysis.summary["missed"], [k.rate for k in analysis.kpis]
    >>> html = api.render_report(analysis, "html")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from retrokit.errors import UnreadableWorkbook

if TYPE_CHECKING:
    from retrokit.findings import Finding
    from retrokit.lint.config import Config
    from retrokit.method import Analysis
    from retrokit.method.plan import PlanAnalysis
    from retrokit.workbook.package import Limits
    from retrokit.workbook.reader import Workbook
    from retrokit.workbook.schema import Lang

PathLike = str | Path


@dataclass(frozen=True)
class Campaign:
    """One readable workbook of a set, as read and as computed (no rules run)."""

    workbook: Workbook
    analysis: Analysis


def open_workbook(path: PathLike, *, limits: Limits | None = None) -> Workbook:
    """Read a workbook as people fill it; :class:`UnreadableWorkbook` names why it cannot be.

    An Office lock file (``~$name.xlsx``) is refused with the lock-file message (F002)."""
    from retrokit.guard import reading
    from retrokit.workbook.files import is_lock_file
    from retrokit.workbook.reader import read_workbook

    path = Path(path)
    if is_lock_file(path):
        raise UnreadableWorkbook(path, "reason.lock_file")
    reading(path)
    workbook = read_workbook(path, limits=limits, sheet_set=None)  # the kind its sheets name
    if workbook.kind == "export":  # our own export: its tables are no campaign
        raise UnreadableWorkbook(path, "reason.export_file")
    return workbook


def analyze_workbook(
    source: PathLike | Workbook,
    *,
    config: Config | None = None,
    today: dt.date | None = None,
    threshold: float | None = None,
    limits: Limits | None = None,
    plan: PathLike | Workbook | None = None,
) -> Analysis:
    """Read (unless given a read workbook), compute and check one workbook: the analysis with
    the findings its config selects, as ``retrokit analyze`` shows it.

    ``plan`` is the campaign's plan workbook (``--plan``); a review that keeps the plan's
    sheets in its own file is read with them. Either way the analysed plan, checked by its own
    rules, is the analysis' ``plan``. A plan that is not a plan workbook, and a plan given for
    a review that holds one already, are usage errors."""
    from retrokit.lint.config import Config, settings_from
    from retrokit.lint.selection import make_selection, select_findings
    from retrokit.method import analyze
    from retrokit.rules import Context, check

    config = config or Config()
    workbook = (
        source if not isinstance(source, str | Path) else open_workbook(source, limits=limits)
    )
    settings = settings_from(config, today, threshold).for_workbook(workbook)
    planned = _plan_beside(workbook, plan, limits)
    if planned is not None and workbook.companion is None:
        workbook = replace(workbook, companion=planned)  # the review's rules see its plan
    analysis = analyze(
        workbook,
        today=settings.today,
        threshold=settings.threshold,
        words=settings.direction_words,
    )
    found = check(Context(workbook, analysis, settings))
    selected = select_findings([_Found(workbook.path, found)], make_selection(config))
    return replace(
        analysis,
        findings=tuple(selected),
        plan=None
        if planned is None
        # One run, one threshold: the plan's pacing is judged by the review's.
        else analyze_plan(
            planned, config=config, today=settings.today, threshold=settings.threshold
        ),
    )


def _plan_beside(
    workbook: Workbook, plan: PathLike | Workbook | None, limits: Limits | None
) -> Workbook | None:
    """The plan read with a review: ``plan`` (which must be a plan workbook) or the plan's
    sheets in the review's own file."""
    from retrokit.errors import UsageError

    if plan is None:
        return workbook.companion
    if workbook.companion is not None:
        raise UsageError("err.plan_twice", path=workbook.path)
    read = plan if not isinstance(plan, str | Path) else open_workbook(plan, limits=limits)
    if read.kind != "plan":
        raise UsageError("err.not_a_plan", path=read.path)
    return read


def analyze_plan(
    source: PathLike | Workbook,
    *,
    config: Config | None = None,
    today: dt.date | None = None,
    threshold: float | None = None,
    limits: Limits | None = None,
) -> PlanAnalysis:
    """Read (unless given a read workbook), compute and check one plan workbook: the schedule,
    budget, risks and pacing with the findings its config selects, as ``retrokit analyze``
    shows a plan."""
    from retrokit.lint.config import Config, settings_from
    from retrokit.lint.selection import make_selection, select_findings
    from retrokit.method import analyze
    from retrokit.rules import Context, check
    from retrokit.rules.plan import plan_of

    config = config or Config()
    workbook = (
        source if not isinstance(source, str | Path) else open_workbook(source, limits=limits)
    )
    settings = settings_from(config, today, threshold).for_workbook(workbook)
    ctx = Context(workbook, analyze(workbook, today=settings.today), settings)
    found = check(ctx)
    selected = select_findings([_Found(workbook.path, found)], make_selection(config))
    return replace(plan_of(ctx), findings=tuple(selected))


@dataclass
class _Found:
    path: str
    findings: list[Finding]


def lint_paths(
    paths: Sequence[PathLike],
    *,
    config: Config | None = None,
    today: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    limits: Limits | None = None,
    jobs: int | None = None,
) -> list[Finding]:
    """Check every workbook under ``paths`` (folders are searched) and return the selected
    findings in file and cell order, with the rules over the whole set last."""
    from retrokit.lint.config import Config, settings_from
    from retrokit.lint.engine import iter_run
    from retrokit.lint.selection import iter_selected, make_selection

    config = config or Config()
    selection = make_selection(config, select, ignore)
    settings = settings_from(config, today, None)
    results = iter_run([Path(p) for p in paths], settings, limits=limits, jobs=jobs)
    return list(iter_selected(results, selection))


def load_campaigns(
    paths: Sequence[PathLike],
    *,
    today: dt.date | None = None,
    threshold: float | None = None,
    limits: Limits | None = None,
    on_skip: Callable[[Path, UnreadableWorkbook], None] | None = None,
    distinct: bool = False,
    on_duplicate: Callable[[Path, Path, str], None] | None = None,
) -> list[Campaign]:
    """Read and compute every retrospective under ``paths``, for compare, lessons and export.
    No rule runs; a file that cannot be read, retrokit's own export, a plan workbook (not a
    campaign's review) and a workbook with none of a review's sheets are passed to ``on_skip``
    (lock files silently). With ``distinct`` (compare), a campaign given twice (the same
    project and start date, or the same project and rows: ``method.campaigns.
    distinct_campaigns``) is used once; the file left out, the file used and why
    (``same_start``, ``same_content``) go to ``on_duplicate``."""
    from retrokit.lint.config import Config, settings_from
    from retrokit.method import analyze
    from retrokit.workbook.files import discover, is_lock_file

    settings = settings_from(Config(), today, threshold)
    campaigns = []
    for path in discover([Path(p) for p in paths]):
        if is_lock_file(path):
            continue
        try:
            workbook = open_workbook(path, limits=limits)
        except UnreadableWorkbook as exc:
            if on_skip is not None:
                on_skip(path, exc)
            continue
        if workbook.kind != "review":
            if on_skip is not None:
                reason = (
                    "reason.plan_not_review" if workbook.kind == "plan" else "reason.not_a_review"
                )
                on_skip(path, UnreadableWorkbook(path, reason))
            continue
        if not any(match.name for match in workbook.sheets.values()):
            if on_skip is not None:  # neither a review nor a plan: not a campaign either
                on_skip(path, UnreadableWorkbook(path, "reason.not_a_review"))
            continue
        analysis = analyze(
            workbook,
            today=settings.today,
            # --threshold, else the workbook's own (the cell its formulas read), else 0.9.
            threshold=settings.for_workbook(workbook).threshold,
        )
        campaigns.append(Campaign(workbook, analysis))
    if not distinct:
        return campaigns
    from retrokit.method.campaigns import distinct_campaigns

    kept, dropped = distinct_campaigns([(c.workbook, c.analysis) for c in campaigns])
    for left_out, used, why in dropped:
        if on_duplicate is not None:
            on_duplicate(
                Path(campaigns[left_out].workbook.path), Path(campaigns[used].workbook.path), why
            )
    return [campaigns[i] for i in sorted(kept)]


def scaffold_workbook(
    path: PathLike,
    *,
    lang: Lang = "zh-CN",
    example: bool = False,
    force: bool = False,
    previous: PathLike | Workbook | None = None,
    kind: str = "review",
    plan: PathLike | Workbook | None = None,
    threshold: float | None = None,
) -> Path:
    """Write a new workbook to fill in; ``previous`` carries its KPI list and open actions
    forward (it is only read). ``kind`` "plan" writes the plan workbook instead of the review.
    ``threshold`` is the "met" threshold the review's result formulas read (its meta cell);
    DEFAULT_THRESHOLD when None.
    ``plan`` fills basic info and one KPI row per goal from a plan workbook, with the actuals
    of its daily monitoring where it has them. Either source may be a path or a workbook read
    already. Never overwrites without ``force``; the write is atomic."""
    from retrokit.method.campaigns import carry_over
    from retrokit.workbook.scaffold import init

    _refuse_overwriting_a_source(Path(path), _source_path(previous), _source_path(plan))
    if kind == "plan":
        from retrokit.errors import UsageError

        for option, given in (("--from", previous), ("--from-plan", plan)):
            if given is not None:  # a plan starts blank or from the example
                raise UsageError("err.plan_kind_from", option=option)
        from retrokit.workbook.plan_scaffold import init_plan

        return init_plan(Path(path), lang=lang, example_data=example, force=force)
    kpis: Any = None
    problems: Any = None
    info: Any = None
    if previous is not None:
        kpis, problems = carry_over(_opened(previous), lang, str(path))
    if plan is not None:
        info, kpis = _from_plan(plan, lang)
    return init(
        Path(path),
        lang=lang,
        example_data=example,
        force=force,
        kpis=kpis,
        problems=problems,
        info=info,
        **({} if threshold is None else {"threshold": threshold}),
    )


def _source_path(source: PathLike | Workbook | None) -> PathLike | None:
    return source if source is None or isinstance(source, str | Path) else source.path


def _opened(source: PathLike | Workbook) -> Workbook:
    return open_workbook(source) if isinstance(source, str | Path) else source


def _refuse_overwriting_a_source(path: Path, *sources: PathLike | None) -> None:
    """A usage error when the new workbook's path is a workbook it is made from (even
    through a link): with ``force`` it would replace the file it reads."""
    from retrokit.errors import UsageError
    from retrokit.fsutil import same_file

    if any(source is not None and same_file(path, source) for source in sources):
        raise UsageError("err.init_over_source", path=path)


def _from_plan(
    source: PathLike | Workbook, lang: Lang
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from retrokit.errors import UsageError
    from retrokit.i18n import t
    from retrokit.method.plan import analyze_plan, review_seed

    workbook = _opened(source)
    path = workbook.path
    if workbook.kind != "plan" and workbook.companion is not None:
        workbook = workbook.companion  # a review that keeps the plan's sheets: its plan part
    if workbook.kind != "plan":
        raise UsageError("err.not_a_plan", path=path)
    info, kpis = review_seed(analyze_plan(workbook))
    for row in kpis:
        last = row.pop("from_daily", None)
        if last is not None:
            # A note on the actual cell, not text in 分析简述: that column is the team's own
            # explanation (K001 asks for it on a missed KPI) and the report quotes it.
            row["actual_note"] = t("plan.actual_from_daily", lang, date=last.isoformat())
    return info, kpis


def render_report(
    analysis: Analysis, fmt: Literal["html", "md"] = "html", lang: Lang | None = None
) -> str:
    """The review as one self-contained HTML page or GitHub Markdown, in ``lang`` (default
    the workbook's own language)."""
    from retrokit.render.report import render

    return render(analysis, fmt, lang or analysis.lang)


def campaigns_of(items: Iterable[Campaign]) -> tuple[list[Analysis], list[Workbook]]:
    """The analyses and workbooks of a set, as compare takes them."""
    listed = list(items)
    return [c.analysis for c in listed], [c.workbook for c in listed]


__all__ = [
    "Campaign",
    "analyze_plan",
    "analyze_workbook",
    "campaigns_of",
    "lint_paths",
    "load_campaigns",
    "open_workbook",
    "render_report",
    "scaffold_workbook",
]
