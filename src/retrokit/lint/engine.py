"""The lint engine: find workbooks, read, compute and check each, then the set rules.

Many files run in worker processes. The engine, and only the engine, tunes the process it runs
files in (the garbage collector pause below, the workers' memory cap): the library functions it
calls leave process-wide state alone.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from retrokit.errors import UnreadableWorkbook
from retrokit.findings import Finding, i18n_arg
from retrokit.method import analyze
from retrokit.rules import Context, Settings, check, check_set
from retrokit.workbook.files import discover, is_lock_file
from retrokit.workbook.package import Limits
from retrokit.workbook.reader import Record, read_workbook

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
def collector_paused() -> Iterator[None]:
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
    analysis = analyze(
        workbook,
        today=settings.today,
        threshold=settings.threshold,
        words=settings.direction_words,
    )
    ctx = Context(workbook, analysis, settings)
    result.context = ctx
    result.findings = check(ctx)
    return result


def _worker(args: tuple[str, Settings, Limits | None, str]) -> FileResult:
    path, settings, limits, reader = args
    with collector_paused():
        return _slim(check_workbook(Path(path), settings, limits, reader))


def _worker_batch(batch: list[tuple[str, Settings, Limits | None, str]]) -> list[FileResult]:
    return [_worker(task) for task in batch]


#: The only problem columns the rules over a whole set read (R001, R002).
SET_RULE_COLUMNS = ("area", "carried_from", "status")
#: The basic-info fields the set rules need: which campaign a file is (R001).
SET_RULE_INFO = ("project", "start", "end")


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
        workbook = replace(ctx.workbook, tables={"problems": problems}, findings=())
        analysis = replace(
            ctx.analysis,
            info={k: ctx.analysis.info.get(k) for k in SET_RULE_INFO},
            summary={},
            kpis=(),
            problems=(),
            lessons=(),
            findings=(),
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
    for finding in check_set(contexts):
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
