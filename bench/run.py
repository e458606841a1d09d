"""Benchmark retrokit against a straightforward pandas/openpyxl baseline, in one run.

Generates its own data in a temp folder (1,000 typical workbooks: ~30 KPI rows, 10 problems, 10
lessons, some re-saved by LibreOffice when installed; a 2,000-workbook set for memory; one
workbook with 100,000 KPI rows), runs each command as a whole process several times, and
prints medians and ratios. Results go to bench/RESULTS.md. Ratios, never absolute times, are
what the targets are about.

    python bench/run.py [--runs 5] [--files 1000] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = r"""
import sys
from pathlib import Path
import pandas as pd
import openpyxl  # noqa: F401  (pandas' engine)
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    n += sum(len(df) for df in sheets.values())
print(n)
"""

CALAMINE = r"""
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
n = 0
paths = [Path(sys.argv[1])] if sys.argv[1].endswith(".xlsx") else sorted(Path(sys.argv[1]).glob("*.xlsx"))
for path in paths:
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        n += len(wb.get_sheet_by_name(name).to_python())
print(n)
"""


def typical_workbook(path: Path, seed: int) -> None:
    """A filled workbook from our own writer: ~30 KPIs, 10 problems, 10 lessons."""
    import datetime as d

    from retrokit.workbook import example
    from retrokit.workbook.scaffold import _fill_rows, build_workbook
    from retrokit.workbook.schema import KPIS, LESSONS, PROBLEMS

    wb = build_workbook("zh-CN", filled=False)
    kpis = []
    for i in range(30):
        dim, zh, _en, target, actual, _fmt, core, an, _ = example.KPIS[i % 6]
        kpis.append(
            {
                "dimension": dim,
                "metric": f"{zh}{i}",
                "target": target,
                "actual": actual * (0.8 + ((seed + i) % 5) / 10),
                "core": core,
                "analysis": an,
            }
        )
    _fill_rows(wb[KPIS.zh_cn], KPIS, kpis, "zh-CN")
    problems = []
    for i in range(10):
        p = dict(example.PROBLEMS[i % 3])
        p["area"] = (f"{p['area'][0]}{seed % 7}-{i}", p["area"][1])
        p["due"] = d.date(2024, 8, 1 + i)
        problems.append(p)
    _fill_rows(wb[PROBLEMS.zh_cn], PROBLEMS, problems, "zh-CN")
    _fill_rows(wb[LESSONS.zh_cn], LESSONS, [example.LESSONS[i % 2] for i in range(10)], "zh-CN")
    from retrokit.workbook.schema import INFO

    ws = wb[INFO.zh_cn]
    for row, key in enumerate([c.key for c in INFO.columns], start=2):
        value = example.INFO[key][0]
        if key == "type":
            value = "促销活动"
        ws.cell(row=row, column=2, value=value)
    wb.save(path)


def large_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(INFO.zh_cn)
    ws.append(["项目名称", "大规模测试"])
    ws.append(["开始日期", dt.date(2024, 1, 1)])
    ws.append(["结束日期", dt.date(2024, 6, 30)])
    ws.append(["负责人", "张经理"])
    ws.append(["核心问题", "规模"])
    ws = wb.create_sheet(KPIS.zh_cn)
    ws.append([c.zh_cn for c in KPIS.columns])
    dims = ["流量", "转化", "收益", "成本", "用户"]
    for i in range(rows):
        ws.append(
            [
                dims[i % 5],
                f"指标{i}",
                "抖音" if i % 2 else "小红书",
                None,
                1000 + i % 97,
                900 + i % 113,
                None,
                None,
                None,
                "是" if i % 50 == 0 else "否",
                "分析",
            ]
        )
    ws = wb.create_sheet(PROBLEMS.zh_cn)
    ws.append([c.zh_cn for c in PROBLEMS.columns])
    ws = wb.create_sheet(LESSONS.zh_cn)
    ws.append([c.zh_cn for c in LESSONS.columns])
    wb.save(path)


def plan_workbook(path: Path, tasks: int, deps_per_task: int) -> None:
    """A plan of one-day tasks in a chain, each waiting for the ``deps_per_task`` before it."""
    import datetime as d

    from retrokit.workbook.plan_scaffold import build_plan_workbook
    from retrokit.workbook.plan_schema import OVERVIEW, TASKS

    wb = build_plan_workbook("en")
    start = d.date(2024, 1, 1)
    overview = wb[OVERVIEW.name("en")]
    for row, value in (
        (2, "Big plan"),
        (4, start),
        (5, start + d.timedelta(days=tasks)),
        (6, "Lead"),
    ):
        overview.cell(row=row, column=2).value = value
    ws = wb[TASKS.name("en")]
    for i in range(1, tasks + 1):
        deps = ", ".join(f"T{i - k}" for k in range(1, deps_per_task + 1) if i > k) or "-"
        day = start + d.timedelta(days=i - 1)
        ws.append([f"T{i}", f"Task {i}", None, None, "Lead", day, day, 1, deps])
    wb.save(path)


def libreoffice_resave(src: Path, outdir: Path) -> Path | None:
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{outdir / '.profile'}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    out = outdir / src.name
    return out if out.exists() else None


def make_set(folder: Path, count: int, work: Path) -> int:
    """``count`` workbooks: 20 distinct ones from our writer, a few LibreOffice re-saves, copies."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = []
    for seed in range(20):
        path = work / f"orig-{seed}.xlsx"
        if not path.exists():
            typical_workbook(path, seed)
        originals.append(path)
    resaved = [p for p in (libreoffice_resave(o, work / "lo") for o in originals[:4]) if p]
    sources = originals + resaved
    lo_count = 0
    for i in range(count):
        src = resaved[i % len(resaved)] if resaved and i % 5 == 0 else originals[i % 20]
        lo_count += src in resaved
        shutil.copyfile(src, folder / f"retro-{i:04d}.xlsx")
    del sources
    return lo_count


def _run_once(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "CI": "1"}
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss / 1024


def measure_together(
    commands: dict[str, tuple[list[str], int]],
) -> dict[str, tuple[float, float]]:
    """Median wall time (s) and peak RSS (MB) of each command, over its number of runs.

    The commands of one comparison take turns (a, b, c, a, b, c, ...), so a shared machine
    that speeds up or slows down over the minutes affects both sides of a ratio alike.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(max(runs for _, runs in commands.values())):
        for name, (cmd, runs) in commands.items():
            if round_ < runs:
                elapsed, peak = _run_once(cmd)
                times[name].append(elapsed)
                peaks[name].append(peak)
    return {name: (statistics.median(times[name]), max(peaks[name])) for name in commands}


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time (s) and peak RSS (MB) of a whole process, over ``runs`` runs."""
    return measure_together({"cmd": (cmd, runs)})["cmd"]


def versions() -> str:
    from importlib.metadata import version

    names = ["retrokit", "python-calamine", "openpyxl", "pandas", "typer", "rich"]
    return ", ".join(f"{n} {version(n)}" for n in names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--load-files", type=int, default=2000)
    ap.add_argument("--large-rows", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    py = sys.executable
    # An installed wheel has its bytecode compiled by pip; the editable install of a checkout
    # has none while PYTHONDONTWRITEBYTECODE is set (as on CI), and compiling every module on
    # every start would be measured instead of retrokit. Compile it once, as pip would.
    import compileall

    compileall.compile_dir(ROOT / "src" / "retrokit", quiet=1)
    retrokit = [py, "-m", "retrokit"]
    rows: list[tuple[str, str, str, str]] = []
    checks: list[tuple[str, float, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="retrokit-bench-") as tmp:
        work = Path(tmp)
        typical = work / "typical"
        print(f"generating {args.files} workbooks ...", flush=True)
        lo = make_set(typical, args.files, work)
        large = work / "large.xlsx"
        print(f"generating a {args.large_rows}-row workbook ...", flush=True)
        large_workbook(large, args.large_rows)

        print("measuring ...", flush=True)
        lint_cmd = [
            *retrokit,
            "lint",
            str(typical),
            "--format",
            "json",
            "-o",
            str(work / "out.json"),
        ]
        typical_set = measure_together(
            {
                # the slow baseline runs fewer times, but an odd number: a real median
                "baseline": ([py, "-c", BASELINE, str(typical)], max(1, args.runs // 2) | 1),
                "calamine": ([py, "-c", CALAMINE, str(typical)], args.runs),
                "lint": (lint_cmd, args.runs),
            }
        )
        (base_t, base_m), (cal_t, cal_m) = typical_set["baseline"], typical_set["calamine"]
        lint_t, lint_m = typical_set["lint"]
        rows += [
            (
                f"pandas+openpyxl baseline, {args.files:,} workbooks",
                f"{base_t:.2f} s",
                f"{base_m:.0f} MB",
                "",
            ),
            ("bare python-calamine, same files", f"{cal_t:.2f} s", f"{cal_m:.0f} MB", ""),
            ("retrokit lint, same files", f"{lint_t:.2f} s", f"{lint_m:.0f} MB", ""),
        ]
        checks.append(
            (
                "lint speed-up over baseline (>= 10x)",
                base_t / lint_t,
                f"{base_t / lint_t:.1f}x",
                base_t / lint_t >= 10,
            )
        )
        checks.append(
            (
                "lint time / bare calamine (<= 3x)",
                lint_t / cal_t,
                f"{lint_t / cal_t:.2f}x",
                lint_t / cal_t <= 3,
            )
        )

        start_up = measure_together(
            {
                "import": ([py, "-c", "import typer, rich"], args.runs),
                "help": ([*retrokit, "--help"], args.runs),
                "version": ([*retrokit, "--version"], args.runs),
            }
        )
        import_t, help_t, ver_t = (start_up[k][0] for k in ("import", "help", "version"))
        rows += [
            ('python -c "import typer, rich"', f"{import_t * 1000:.0f} ms", "", ""),
            ("retrokit --help", f"{help_t * 1000:.0f} ms", "", ""),
            ("retrokit --version", f"{ver_t * 1000:.0f} ms", "", ""),
        ]
        checks.append(
            (
                "--help / import typer,rich (<= 1.5x)",
                help_t / import_t,
                f"{help_t / import_t:.2f}x",
                help_t / import_t <= 1.5,
            )
        )
        checks.append(
            (
                "--version / import typer,rich (<= 1.5x)",
                ver_t / import_t,
                f"{ver_t / import_t:.2f}x",
                ver_t / import_t <= 1.5,
            )
        )

        large_book = measure_together(
            {
                "calamine": ([py, "-c", CALAMINE, str(large)], args.runs),
                "analyze": (
                    [*retrokit, "analyze", str(large), "--format", "json", "--today", "2024-07-01"],
                    args.runs,
                ),
            }
        )
        (big_cal_t, big_cal_m), (big_t, big_m) = large_book["calamine"], large_book["analyze"]
        rows += [
            (
                f"bare python-calamine, {args.large_rows:,}-row workbook",
                f"{big_cal_t:.2f} s",
                f"{big_cal_m:.0f} MB",
                "",
            ),
            (
                f"retrokit analyze, {args.large_rows:,}-row workbook",
                f"{big_t:.2f} s",
                f"{big_m:.0f} MB",
                "",
            ),
        ]
        checks.append(
            ("analyze large: peak memory (< 400 MB)", big_m, f"{big_m:.0f} MB", big_m < 400)
        )
        checks.append(
            (
                "analyze large / bare calamine (<= 3x)",
                big_t / big_cal_t,
                f"{big_t / big_cal_t:.2f}x",
                big_t / big_cal_t <= 3,
            )
        )

        plan = work / "plan.xlsx"
        plan_workbook(plan, 5000, 4)
        plan_set = measure_together(
            {
                "calamine": ([py, "-c", CALAMINE, str(plan)], args.runs),
                "analyze": ([*retrokit, "analyze", str(plan), "--format", "json"], args.runs),
            }
        )
        (plan_cal_t, _), (plan_t, plan_m) = plan_set["calamine"], plan_set["analyze"]
        rows.append(
            (
                "retrokit analyze, 5,000-task plan, 20,000 dependencies",
                f"{plan_t:.2f} s",
                f"{plan_m:.0f} MB",
                "",
            )
        )
        checks.append(
            (
                "analyze plan / bare calamine (<= 3x)",
                plan_t / plan_cal_t,
                f"{plan_t / plan_cal_t:.2f}x ({plan_cal_t:.2f} s)",
                plan_t / plan_cal_t <= 3,
            )
        )

        load = work / "load"
        make_set(load, args.load_files, work)
        load_t, load_m = measure(
            [*retrokit, "lint", str(load), "--format", "json", "-o", str(work / "load.json")], 1
        )
        rows.append(
            (
                f"retrokit lint, {args.load_files:,} workbooks (memory)",
                f"{load_t:.2f} s",
                f"{load_m:.0f} MB",
                "",
            )
        )
        checks.append(
            (
                "lint 2,000 vs 1,000 workbooks: peak memory ratio (~1x)",
                load_m / lint_m,
                f"{load_m / lint_m:.2f}x",
                load_m / lint_m < 1.5,
            )
        )

    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, {platform.platform()}"
    lines = [
        "# Benchmark results",
        "",
        f"Run on {dt.date.today().isoformat()} with `make bench` ({args.runs} runs each, the"
        f" baseline {max(1, args.runs // 2) | 1}; medians; whole processes, cold start included).",
        "The commands of each comparison take turns, so the machine's drift over the minutes",
        "touches both sides of a ratio alike.",
        f"Machine: {machine}.",
        f"Versions: {versions()}.",
        f"Typical set: {args.files} workbooks (30 KPIs, 10 problems, 10 lessons), "
        f"{lo} of them LibreOffice re-saves.",
        "retrokit's bytecode is compiled first, as pip does for an installed wheel. Timings on",
        "this shared 2-core VM move by up to 20% between runs; each ratio comes from one run.",
        "",
        "| what | median time | peak RSS | |",
        "|---|---:|---:|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
        "| target | measured | met |",
        "|---|---:|---|",
        *[f"| {name} | {shown} | {'yes' if ok else 'NO'} |" for name, _, shown, ok in checks],
        "",
    ]
    text = "\n".join(lines)
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
