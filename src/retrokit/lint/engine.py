"""The lint engine: find workbooks, read, compute and check each, then the set rules.

Many files run in worker processes. The engine, and only the engine, tunes the process it runs
files in (the garbage collector pause below, the workers' memory cap): the library functions it
calls leave process-wide state alone.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from retrokit.errors import UnreadableWorkbook
from retrokit.findings import Finding, i18n_arg
from retrokit.fsutil import shown_name
from retrokit.method import analyze
from retrokit.rules import Context, Settings, check, check_set
from retrokit.workbook.extent import column_number
from retrokit.workbook.files import discover, is_lock_file
from retrokit.workbook.package import Limits
from retrokit.workbook.reader import Record, read_workbook

# --- running ---------------------------------------------------------------------------------

#: One file to check: its path, the settings, the size limits and the reader's name.
Task = tuple[str, Settings, Limits | None, str]


@dataclass
class FileResult:
    path: str
    context: Context | None = None
    findings: list[Finding] = field(default_factory=list)
    error: UnreadableWorkbook | None = None
    #: True for the findings of rules over the whole set, which come after every file.
    cross_file: bool = False
    #: Why the file is no workbook to check (a catalogue reason: retrokit's own export), or
    #: None; such a file has no findings and is named in a note, not counted as checked.
    skipped: str | None = None


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
        workbook = read_workbook(path, limits=limits, reader=reader, sheet_set=None)
    except UnreadableWorkbook as exc:
        result.error = exc
        reason = i18n_arg(exc.reason, **exc.detail)
        result.findings.append(Finding("F001", str(path), key="F001", args=(("reason", reason),)))
        return result
    if workbook.kind == "export":
        result.skipped = "reason.export_file"
        return result
    settings = settings.for_workbook(workbook)
    analysis = analyze(
        workbook,
        today=settings.today,
        threshold=settings.threshold,
        words=settings.direction_words,
    )
    ctx = Context(workbook, analysis, settings)
    result.context = ctx
    findings = check(ctx)
    plan = workbook.companion
    if plan is not None:
        # A retrospective keeping the plan's sheets: the plan's rules check those sheets.
        planned = analyze(plan, today=settings.today, threshold=settings.threshold)
        findings += check(Context(plan, planned, settings))
    result.findings = in_sheet_order(findings, workbook.sheet_names)
    return result


def in_sheet_order(findings: list[Finding], sheet_names: Sequence[str]) -> list[Finding]:
    """A workbook's findings as a reader goes through it: the workbook's own first, then sheet
    by sheet in the file's order, each sheet's own findings before its rows, row by row and
    left to right, a count of the findings not listed last; findings on one cell stay in rule
    order (the sort is stable)."""
    order = {name: i for i, name in enumerate(sheet_names)}

    def key(f: Finding) -> tuple[int, int, int, int]:
        if f.sheet is None:
            return (-1, 0, 0, 0)
        sheet = order.get(f.sheet, len(order))
        if f.key == "finding.more":
            return (sheet, 1, 0, 0)
        return (sheet, 0, -1 if f.row is None else f.row, _column(f.cell))

    return sorted(findings, key=key)


def _column(cell: str | None) -> int:
    """The 1-based column of an address (C5: 3); -1 for none."""
    return column_number(cell.rstrip("0123456789")) if cell else -1


def _worker(args: Task) -> FileResult:
    path, settings, limits, reader = args
    with collector_paused():
        return _shown(_slim(check_workbook(Path(path), settings, limits, reader)))


def _shown(result: FileResult) -> FileResult:
    """The file named as outputs show it (fsutil.shown_name): a name with escape sequences,
    newlines or bytes that are not UTF-8 is escaped once, here, for every format."""
    shown = shown_name(result.path)
    if shown == result.path:
        return result
    result.path = shown
    result.findings = [replace(f, file=shown) for f in result.findings]
    if result.context is not None:
        ctx = result.context
        result.context = Context(replace(ctx.workbook, path=shown), ctx.analysis, ctx.settings)
    return result


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
#: How long one file may take in a worker before it is stopped and reported (``--timeout``).
DEFAULT_TIMEOUT_SECONDS = 30.0


def _start_worker_process() -> None:
    """In each worker: the memory cap, and Ctrl-C left to the parent (which stops the
    workers), so an interrupt prints no traceback per worker."""
    import faulthandler
    import signal

    from retrokit import fsutil

    faulthandler.disable()  # a worker's crash is the parent's F001, not a stack dump
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command line's handler
    fsutil._PENDING.clear()  # the parent's temp file is the parent's to remove
    _LIVE.clear()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass


def _die_with_parent() -> None:
    """A worker never outlives the lint process. The command line's SIGINT/SIGTERM handler
    kills the workers it knows, but one forked in the same instant is not known yet; and a
    forked worker holds copies of every pipe (its own included, so it never reads EOF) and of
    the caller's stdout, which would keep a pipeline waiting forever. Linux kills it when its
    parent dies; a parent already gone is checked after asking."""
    import multiprocessing
    import signal

    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        os._exit(0)


def _failed(path: str, reason: str, **detail: object) -> FileResult:
    text = i18n_arg(reason, **detail)
    return FileResult(path, findings=[Finding("F001", path, key="F001", args=(("reason", text),))])


def _serve(conn: Any, state: Any) -> None:
    """A worker's loop: a batch of (index, task) in, the batch's results out, until told to
    stop. Which file it is on, and since when, it keeps in ``state`` (shared memory: the
    parent reads it without being woken per file)."""
    import time

    from retrokit.guard import crash_test

    _start_worker_process()
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            break
        if batch is None:
            break
        results = []
        for index, task in batch:
            state[1] = 0.0
            state[0] = index
            state[1] = time.monotonic()  # after the index: a start always has its file
            crash_test(Path(task[0]))
            results.append(_worker(task))
        state[1] = 0.0
        conn.send(results)
    conn.close()


#: The worker processes running now, so that a stop signal can end them (stop_workers).
_LIVE: set[Any] = set()


def stop_workers() -> None:
    """Kill every worker at once: for the command line's SIGINT/SIGTERM handler, which exits
    without unwinding (the workers would otherwise finish their batches first)."""
    for process in list(_LIVE):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


@dataclass
class _Worker:
    process: Any
    conn: Any
    #: [index of the file being read, when it started (0: none)], written by the worker.
    state: Any
    #: The files sent and not yet answered, in the order the worker takes them.
    pending: deque[tuple[int, Task]] = field(default_factory=deque)


def _run_pool(
    tasks: list[Task],
    workers: int,
    timeout: float,
    progress: Callable[[int, int], None] | None,
) -> Iterator[FileResult]:
    """Files in worker processes, each file with its own deadline.

    Workers are forked processes fed batches over a pipe, answering a batch at a time (as
    ``multiprocessing.Pool`` does, and as fast on the bench's 1,000 files). Each worker notes
    in shared memory which file it is on and since when, so the parent, without being woken
    per file, knows the file a dead worker (its sentinel fires) was reading and when a file
    has run past ``timeout``: that file is an F001, the worker is replaced, and the rest of
    its files (also those it finished but had not yet sent) go back in the queue. Results are
    yielded in file order."""
    import multiprocessing
    import time
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    size = max(1, min(32, len(tasks) // (workers * 8)))
    queue: deque[list[tuple[int, Task]]] = deque(
        list(enumerate(tasks))[i : i + size] for i in range(0, len(tasks), size)
    )
    pool: list[_Worker] = []
    ready: dict[int, FileResult] = {}
    next_out = 0
    done = 0

    def spawn() -> _Worker:
        parent, child = context.Pipe()
        state = context.RawArray("d", 2)
        process = context.Process(target=_serve, args=(child, state), daemon=True)
        process.start()
        _LIVE.add(process)
        child.close()
        return _Worker(process, parent, state)

    def feed(worker: _Worker) -> None:
        # Two batches in hand: the worker never waits for the parent between batches.
        while queue and len(worker.pending) < 2 * size:
            batch = queue.popleft()
            worker.pending.extend(batch)
            try:
                worker.conn.send(batch)
            except OSError:  # it died: its sentinel fires next, and the batch is redone
                return

    def finish(index: int, result: FileResult) -> None:
        nonlocal done
        ready[index] = result
        done += 1
        if progress:
            progress(done, len(tasks))

    def receive(worker: _Worker) -> None:
        """Every batch of results the worker has sent; EOFError once it is gone."""
        while worker.pending and worker.conn.poll():
            for result in worker.conn.recv():
                index, _ = worker.pending.popleft()
                finish(index, result)

    def replace_worker(worker: _Worker, reason: str, **detail: object) -> None:
        culprit = int(worker.state[0]) if worker.state[1] else None
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        _LIVE.discard(worker.process)
        with contextlib.suppress(EOFError, OSError):
            receive(worker)
        worker.conn.close()
        pending = list(worker.pending)
        if pending:
            at = next((i for i, (index, _) in enumerate(pending) if index == culprit), 0)
            index, task = pending.pop(at)
            finish(index, _failed(shown_name(task[0]), reason, **detail))
            if pending:
                queue.appendleft(pending)
        pool.remove(worker)
        if queue:
            fresh = spawn()
            pool.append(fresh)
            feed(fresh)

    try:
        for _ in range(min(workers, len(queue))):
            pool.append(spawn())
        for worker in pool:
            feed(worker)
        while next_out < len(tasks):
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            if next_out >= len(tasks):
                break
            busy = [w for w in pool if w.pending]
            if not busy:  # pragma: no cover - every task is either queued or pending
                raise RuntimeError("lint pool lost track of a file")
            now = time.monotonic()
            deadlines = [w.state[1] + timeout for w in busy if w.state[1]]
            wait_for = max(0.01, min(deadlines, default=now + timeout) - now)
            handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            fired = set(wait(handles, timeout=wait_for))
            now = time.monotonic()
            for worker in busy:
                dead = worker.process.sentinel in fired
                if worker.conn in fired:
                    try:
                        receive(worker)
                    except (EOFError, OSError):
                        dead = True
                started = worker.state[1]
                if dead:
                    replace_worker(worker, "reason.crashed")
                elif worker.pending and started and now - started >= timeout:
                    replace_worker(worker, "reason.timeout", seconds=f"{timeout:g}")
                else:
                    feed(worker)
    finally:
        for worker in pool:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in pool:
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            _LIVE.discard(worker.process)
            worker.conn.close()


def iter_run(
    paths: Sequence[Path],
    settings: Settings,
    *,
    limits: Limits | None = None,
    reader: str = "calamine",
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
) -> Iterator[FileResult]:
    """Check every file, yielding each file's result as it is done; then the findings of the
    rules over the whole set, one result per file they concern (``cross_file``). Only the few
    problem columns those rules need are kept, so memory does not grow with the findings of
    files already yielded.

    Files are read in worker processes (several when there are many files): a file whose
    reader crashes, or that takes longer than ``timeout`` seconds, is an F001 and the other
    files go on."""
    files = discover(paths)
    tasks = [(str(p), settings, limits, reader) for p in files]
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    if len(tasks) < PARALLEL_MIN_FILES:
        workers = 1
    contexts = []
    results = _run_pool(tasks, max(1, workers), timeout or DEFAULT_TIMEOUT_SECONDS, progress)
    for result in results:
        if result.context is not None:
            contexts.append(result.context)
        yield result
    for finding in check_set(contexts):
        yield FileResult(finding.file, findings=[finding], cross_file=True)


def run(paths: Sequence[Path], settings: Settings, **options: Any) -> list[FileResult]:
    """Every file's result with the cross-file findings merged in, as one list."""
    by_path: dict[str, FileResult] = {}
    for result in iter_run(paths, settings, **options):
        if result.cross_file and result.path in by_path:
            by_path[result.path].findings.extend(result.findings)
        else:
            by_path[result.path] = result
    return list(by_path.values())
