"""The lint engine: find workbooks, read and analyse each, run the selected rules.

The same engine gives `analyze` its findings and the report its data-quality section.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import gc
import os
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from retrokit.errors import UnreadableWorkbook, UsageError
from retrokit.findings import Finding, Severity, i18n_arg
from retrokit.method import DEFAULT_THRESHOLD
from retrokit.method.analysis import Analysis, analyze
from retrokit.rules import (
    BLAME_WORDS,
    OPINION_WORDS,
    REGISTRY,
    Context,
    Rule,
    Settings,
)
from retrokit.workbook.package import Limits
from retrokit.workbook.reader import Record, read_workbook
from retrokit.workbook.schema import LANGS, Lang

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Other spreadsheet files found in a folder are checked too, so a committed .xls or .ods gets
#: an F001 telling the team to save it as .xlsx instead of being silently skipped.
OTHER_SPREADSHEETS = (".xls", ".xlsb", ".xltx", ".xltm", ".ods", ".numbers", ".et")
CONFIG_FILES = ("retrokit.toml", ".retrokit.toml", "pyproject.toml")
CONFIG_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "severity",
    "threshold",
    "opinion-words",
    "blame-words",
    "lang",
}


class ConfigError(UsageError):
    """A configuration that does not parse or names unknown keys or codes (exit 2)."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    threshold: float = DEFAULT_THRESHOLD
    opinion_words: tuple[str, ...] = ()
    blame_words: tuple[str, ...] = ()
    lang: Lang | None = None
    source: str | None = None


def base_code(code: str) -> str:
    return code.split(".")[0]


def resolve_selector(selector: str, where: str) -> set[str]:
    """Codes named by a selector: a code (A001), a prefix (A), a rule name, or ALL."""
    s = selector.strip()
    codes = {base_code(c) for c in REGISTRY}
    if s.upper() == "ALL":
        return codes
    by_name = {r.name: base_code(r.code) for r in REGISTRY.values()}
    if s in by_name:
        return {by_name[s]}
    matched = {c for c in codes if c.startswith(s.upper())} if s else set()
    if not matched:
        raise ConfigError("err.config", where=where, detail=f"unknown rule selector '{selector}'")
    return matched


def _codes(items: Iterable[str], where: str) -> set[str]:
    out: set[str] = set()
    for item in items:
        for part in str(item).split(","):
            if part.strip():
                out |= resolve_selector(part, where)
    return out


def _as_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError("err.config", where=where, detail=f"'{key}' must be a list of strings")


def parse_config(data: dict[str, Any], where: str) -> Config:
    """Validate a [tool.retrokit] table; unknown keys or codes are errors, not ignored."""
    unknown = sorted(set(data) - CONFIG_KEYS)
    if unknown:
        raise ConfigError("err.config", where=where, detail=f"unknown key '{unknown[0]}'")
    cfg: dict[str, Any] = {"source": where}
    for key in ("select", "ignore", "extend-select", "opinion-words", "blame-words"):
        if key in data:
            cfg[key.replace("-", "_")] = _as_list(data[key], key, where)
    for key in ("select", "ignore", "extend_select"):
        if key in cfg:
            _codes(cfg[key], where)
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(
                "err.config", where=where, detail="'per-file-ignores' must be a table"
            )
        pfi = []
        for pattern, codes in table.items():
            listed = _as_list(codes, f"per-file-ignores.{pattern}", where)
            _codes(listed, where)
            pfi.append((pattern, listed))
        cfg["per_file_ignores"] = tuple(pfi)
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise ConfigError("err.config", where=where, detail="'severity' must be a table")
        sev = []
        for code, level in table.items():
            _codes([code], where)
            try:
                sev.append((code, Severity(str(level))))
            except ValueError:
                raise ConfigError(
                    "err.config",
                    where=where,
                    detail=f"severity '{level}' is not error, warning or info",
                ) from None
        cfg["severity"] = tuple(sev)
    if "threshold" in data:
        value = data["threshold"]
        if not isinstance(value, int | float) or not 0 < value <= 1:
            raise ConfigError(
                "err.config", where=where, detail="'threshold' must be a number between 0 and 1"
            )
        cfg["threshold"] = float(value)
    if "lang" in data:
        if data["lang"] not in LANGS:
            raise ConfigError("err.config", where=where, detail=f"unknown lang '{data['lang']}'")
        cfg["lang"] = data["lang"]
    return Config(**cfg)


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The named config file, or the first one found walking up from ``start``."""
    if path is not None:
        return _load_file(path, required=True) or Config()
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                cfg = _load_file(candidate, required=False)
                if cfg is not None:
                    return cfg
    return Config()


def _load_file(path: Path, required: bool) -> Config | None:
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("err.config", where=where, detail="file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError("err.config", where=where, detail=str(exc).splitlines()[0]) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("retrokit")
        if table is None:
            return Config(source=where) if required else None
        return parse_config(table, where)
    return parse_config(data, where)


@dataclass(frozen=True)
class Selection:
    codes: frozenset[str]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    def wants(self, finding: Finding, rel: str) -> bool:
        code = base_code(finding.code)
        if code not in self.codes:
            return False
        for pattern, codes in self.per_file_ignores:
            if code in codes and (
                fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern)
            ):
                return False
        return True

    def severity_of(self, code: str) -> Severity:
        code = base_code(code)
        overrides = dict(self.severity)
        if code in overrides:
            return overrides[code]
        return REGISTRY[code].severity


def make_selection(
    config: Config,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> Selection:
    """Command-line selectors replace the config's select and add to its ignores (as in ruff)."""
    chosen = _codes(select or config.select, "--select")
    chosen |= _codes([*config.extend_select, *extend_select], "--extend-select")
    chosen -= _codes([*config.ignore, *ignore], "--ignore")
    pfi = tuple((p, frozenset(_codes(c, "per-file-ignores"))) for p, c in config.per_file_ignores)
    return Selection(frozenset(chosen), pfi, config.severity)


# --- finding files ---------------------------------------------------------------------------


def is_lock_file(path: Path) -> bool:
    return path.name.startswith("~$")


def discover(paths: Sequence[Path]) -> list[Path]:
    """Workbooks (.xlsx/.xlsm, and Office lock files for F002) under the given paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(WORKBOOK_SUFFIXES + OTHER_SPREADSHEETS):
                        found.append(Path(root) / name)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


# --- running ---------------------------------------------------------------------------------


@dataclass
class FileResult:
    path: str
    context: Context | None = None
    findings: list[Finding] = field(default_factory=list)
    error: UnreadableWorkbook | None = None
    #: True for the findings of rules over the whole set, which come after every file.
    cross_file: bool = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading builds millions of small acyclic objects (cells, records, results); the cyclic
    garbage collector would walk the growing heap again and again for nothing, which costs
    40% of reading a 100,000-row sheet. Reference counting still frees everything.

    Afterwards what was built is frozen (moved out of the collector's generations), so the
    first collections after the pause do not walk it all either.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def check_workbook(
    path: Path, settings: Settings, limits: Limits | None = None, reader: str = "calamine"
) -> FileResult:
    """Read, analyse and run every per-workbook rule on one file."""
    with _collector_paused():
        return _check_workbook(path, settings, limits, reader)


def _check_workbook(
    path: Path, settings: Settings, limits: Limits | None, reader: str
) -> FileResult:
    result = FileResult(str(path))
    if is_lock_file(path):
        result.findings.append(Finding("F002", str(path), key="F002"))
        return result
    try:
        workbook = read_workbook(path, limits=limits, reader=reader)
    except UnreadableWorkbook as exc:
        result.error = exc
        reason = i18n_arg(exc.reason, **exc.detail)
        result.findings.append(Finding("F001", str(path), key="F001", args=(("reason", reason),)))
        return result
    analysis = analyze(workbook, today=settings.today, threshold=settings.threshold)
    ctx = Context(workbook, analysis, settings)
    findings = [replace(f, lang=workbook.lang) for f in workbook.findings]
    for rule in REGISTRY.values():
        if rule.check is not None:
            findings.extend(rule.check(ctx))
    result.context = ctx
    result.findings = findings
    return result


def _worker(args: tuple[str, Settings, Limits | None, str]) -> FileResult:
    path, settings, limits, reader = args
    return _slim(check_workbook(Path(path), settings, limits, reader))


def _worker_batch(batch: list[tuple[str, Settings, Limits | None, str]]) -> list[FileResult]:
    return [_worker(task) for task in batch]


#: The only problem columns the rules over a whole set read (R001, R002).
SET_RULE_COLUMNS = ("area", "carried_from", "status")


def _slim(result: FileResult) -> FileResult:
    """Keep only what the set rules need (problem rows), so a run over thousands of files
    does not hold every workbook in memory."""
    ctx = result.context
    if ctx is not None:
        problems = tuple(
            Record(
                r.sheet,
                r.row,
                {k: r.raw[k] for k in SET_RULE_COLUMNS if k in r.raw},
                {k: r.values[k] for k in SET_RULE_COLUMNS if k in r.values},
                r.letters,
            )
            for r in ctx.workbook.problems
        )
        workbook = replace(
            ctx.workbook, info=None, kpis=(), lessons=(), findings=(), problems=problems
        )
        analysis = replace(
            ctx.analysis, info={}, summary={}, kpis=(), problems=(), lessons=(), findings=()
        )
        result.context = Context(workbook, analysis, ctx.settings)
    return result


PARALLEL_MIN_FILES = 64
#: Address-space cap of a worker process: a native reader that tries to allocate beyond it
#: fails inside the worker, which is then reported as an F001 instead of taking lint down.
WORKER_MEMORY_BYTES = 4 * 1024**3


def _limit_worker_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass


def _crashed(path: str) -> FileResult:
    reason = i18n_arg("reason.crashed")
    return FileResult(
        path, findings=[Finding("F001", path, key="F001", args=(("reason", reason),))]
    )


def _run_isolated(tasks: Sequence[tuple[str, Settings, Limits | None, str]]) -> list[FileResult]:
    """Each task in a fresh worker of its own, so a file that kills its worker is named."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    results = []
    for task in tasks:
        with ProcessPoolExecutor(1, initializer=_limit_worker_memory) as pool:
            try:
                results.append(pool.submit(_worker, task).result())
            except BrokenProcessPool:
                results.append(_crashed(task[0]))
    return results


#: How long one chunk of files may take before the pool is presumed to have lost a worker.
CHUNK_TIMEOUT_SECONDS = 300


def _run_parallel(
    tasks: list[tuple[str, Settings, Limits | None, str]],
    workers: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[FileResult]:
    """multiprocessing.Pool (measured faster here than ProcessPoolExecutor); a worker that dies
    loses its task silently there, so results are awaited with a timeout and anything left
    over is redone one file per process, naming the file that kills its reader. Results are
    yielded in file order as they arrive."""
    import multiprocessing

    done = 0
    size = max(1, min(32, len(tasks) // (workers * 8)))
    batches = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    context = multiprocessing.get_context("fork")
    pool = context.Pool(workers, initializer=_limit_worker_memory)
    try:
        # chunksize=1 over explicit batches: Pool.imap's own chunking returns a plain
        # generator, which cannot wait with a timeout.
        results = pool.imap(_worker_batch, batches, chunksize=1)
        for _ in batches:
            batch = results.next(timeout=CHUNK_TIMEOUT_SECONDS * size)
            done += len(batch)
            if progress:
                progress(done, len(tasks))
            yield from batch
        pool.close()
    except (multiprocessing.TimeoutError, OSError, EOFError):
        pool.terminate()
        for result in _run_isolated(tasks[done:]):
            done += 1
            if progress:
                progress(done, len(tasks))
            yield result
    finally:
        pool.terminate()
        pool.join()


def iter_run(
    paths: Sequence[Path],
    settings: Settings,
    *,
    limits: Limits | None = None,
    reader: str = "calamine",
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> Iterator[FileResult]:
    """Check every file (in parallel when there are many), yielding each file's result as it
    is done; then the findings of the rules over the whole set, one result per file they
    concern (``cross_file``). Only the few problem columns those rules need are kept, so
    memory does not grow with the findings of files already yielded."""
    files = discover(paths)
    tasks = [(str(p), settings, limits, reader) for p in files]
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    if workers > 1 and len(tasks) >= PARALLEL_MIN_FILES:
        results: Iterable[FileResult] = _run_parallel(tasks, workers, progress)
    else:
        results = _run_serial(tasks, progress)
    contexts = []
    for result in results:
        if result.context is not None:
            contexts.append(result.context)
        yield result
    for rule in REGISTRY.values():
        if rule.set_check is not None:
            for finding in rule.set_check(contexts):
                yield FileResult(finding.file, findings=[finding], cross_file=True)


def _run_serial(
    tasks: list[tuple[str, Settings, Limits | None, str]],
    progress: Callable[[int, int], None] | None,
) -> Iterator[FileResult]:
    for i, task in enumerate(tasks, start=1):
        yield _worker(task)
        if progress:
            progress(i, len(tasks))


def run(paths: Sequence[Path], settings: Settings, **options: Any) -> list[FileResult]:
    """Every file's result with the cross-file findings merged in, as one list."""
    by_path: dict[str, FileResult] = {}
    for result in iter_run(paths, settings, **options):
        if result.cross_file and result.path in by_path:
            by_path[result.path].findings.extend(result.findings)
        else:
            by_path[result.path] = result
    return list(by_path.values())


def iter_selected(
    results: Iterable[FileResult], selection: Selection, root: Path | None = None
) -> Iterator[Finding]:
    """The selected findings with their configured severities, as the results come."""
    rels: dict[str, str] = {}  # cross-file results come one per finding: resolve paths once
    for result in results:
        rel = rels.get(result.path)
        if rel is None:
            rel = rels[result.path] = relpath(result.path, root)
        for f in result.findings:
            if selection.wants(f, rel):
                severity = selection.severity_of(f.code)
                yield f if severity is f.severity else replace(f, severity=severity)


def select_findings(
    results: Iterable[FileResult], selection: Selection, root: Path | None = None
) -> list[Finding]:
    """The selected findings with their configured severities, in file and cell order."""
    return list(iter_selected(results, selection, root))


def relpath(path: str, root: Path | None = None) -> str:
    try:
        return os.path.relpath(path, root or Path.cwd()).replace(os.sep, "/")
    except ValueError:
        return path


def findings_for(analysis_source: FileResult, config: Config) -> list[Finding]:
    """The selected findings of one checked workbook (for analyze and report)."""
    return select_findings([analysis_source], make_selection(config))


def settings_from(config: Config, today: dt.date | None, threshold: float | None) -> Settings:
    return Settings(
        today=today or dt.date.today(),
        threshold=threshold if threshold is not None else config.threshold,
        opinion_words=OPINION_WORDS + config.opinion_words,
        blame_words=BLAME_WORDS + config.blame_words,
    )


def analysis_with_findings(
    path: Path, config: Config, settings: Settings, limits: Limits | None = None
) -> Analysis:
    """analyze's entry point: one workbook with its lint findings attached."""
    result = check_workbook(path, settings, limits)
    if result.error is not None:
        raise result.error
    assert result.context is not None
    findings = findings_for(result, config)
    return replace(result.context.analysis, findings=tuple(findings))


__all__ = ["Config", "FileResult", "Rule", "run"]
