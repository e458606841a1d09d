"""Benchmark retrokit against a straightforward pandas/openpyxl baseline, in one run.

Generates its own data in a temp folder (1,000 typical workbooks: ~30 KPI rows, 10 problems, 10
lessons, some re-saved by LibreOffice when installed; a 2,000-workbook set for memory; one
workbook with 100,000 KPI rows; and six sets of 250 worked examples, one per language as
``retrokit init --example`` writes them and one per language re-saved by LibreOffice), runs
each command as a whole process several times, and prints medians and ratios. Results go to
bench/RESULTS.md. Ratios, never absolute times, are what the targets are about.

    python bench/run.py [--runs 5] [--files 1000] [--set-files 250] [--before REF]
                        [--sets-only] [--out bench/RESULTS.md]

``--before REF`` also times lint on the six sets as the code stood at git revision REF (its
src/ exported to the temp folder), taking turns with the current code.
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
from typing import NamedTuple

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
        row = example.KPIS[i % 6]
        kpis.append(
            {
                "dimension": row["dimension"],
                "metric": f"{row['metric']['zh-CN']}{i}",
                "target": row["target"],
                "actual": row["actual"] * (0.8 + ((seed + i) % 5) / 10),
                "core": row["core"],
                "analysis": row["analysis"]["zh-CN"],
            }
        )
    _fill_rows(wb[KPIS.name("zh-CN")], KPIS, kpis, "zh-CN")
    problems = []
    for i in range(10):
        p = dict(example.PROBLEMS[i % 3])
        p["area"] = f"{p['area']['zh-CN']}{seed % 7}-{i}"
        p["due"] = d.date(2024, 8, 1 + i)
        problems.append(p)
    _fill_rows(wb[PROBLEMS.name("zh-CN")], PROBLEMS, problems, "zh-CN")
    _fill_rows(
        wb[LESSONS.name("zh-CN")], LESSONS, [example.LESSONS[i % 2] for i in range(10)], "zh-CN"
    )
    from retrokit.workbook.schema import INFO

    ws = wb[INFO.name("zh-CN")]
    for row, key in enumerate([c.key for c in INFO.columns], start=2):
        value = example.INFO[key]
        if isinstance(value, dict):
            value = value["zh-CN"]
        if key == "type":
            value = "促销活动"
        ws.cell(row=row, column=2, value=value)
    wb.save(path)


def large_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(INFO.name("zh-CN"))
    ws.append(["项目名称", "大规模测试"])
    ws.append(["开始日期", dt.date(2024, 1, 1)])
    ws.append(["结束日期", dt.date(2024, 6, 30)])
    ws.append(["负责人", "张经理"])
    ws.append(["核心问题", "规模"])
    ws = wb.create_sheet(KPIS.name("zh-CN"))
    ws.append([c.label("zh-CN") for c in KPIS.columns])
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
    ws = wb.create_sheet(PROBLEMS.name("zh-CN"))
    ws.append([c.label("zh-CN") for c in PROBLEMS.columns])
    ws = wb.create_sheet(LESSONS.name("zh-CN"))
    ws.append([c.label("zh-CN") for c in LESSONS.columns])
    wb.save(path)


#: The day the 5,000-task plan is analysed on: its middle (one task a day from 2024-01-01).
PLAN_MIDPOINT = "2030-11-05"


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
        (8, 100_000),  # the total budget
    ):
        overview.cell(row=row, column=2).value = value
    ws = wb[TASKS.name("en")]
    for i in range(1, tasks + 1):
        deps = ", ".join(f"T{i - k}" for k in range(1, deps_per_task + 1) if i > k) or "-"
        day = start + d.timedelta(days=i - 1)
        ws.append([f"T{i}", f"Task {i}", None, None, "Lead", day, day, 1, deps])
    wb.save(path)


def libreoffice_resave(sources: list[Path], outdir: Path, profile: Path) -> list[Path]:
    """LibreOffice's re-saves of ``sources`` (same names, in ``outdir``), in ONE soffice run
    with a private profile; empty when soffice is not installed."""
    soffice = shutil.which("soffice")
    if not soffice or not sources:
        return []
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    return [outdir / src.name for src in sources if (outdir / src.name).exists()]


def make_set(folder: Path, count: int, work: Path) -> int:
    """``count`` workbooks: 20 distinct ones from our writer, a few LibreOffice re-saves, copies."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = []
    for seed in range(20):
        path = work / f"orig-{seed}.xlsx"
        if not path.exists():
            typical_workbook(path, seed)
        originals.append(path)
    resaved = libreoffice_resave(originals[:4], work / "lo", work / "lo-profile")
    sources = originals + resaved
    lo_count = 0
    for i in range(count):
        src = resaved[i % len(resaved)] if resaved and i % 5 == 0 else originals[i % 20]
        lo_count += src in resaved
        shutil.copyfile(src, folder / f"retro-{i:04d}.xlsx")
    del sources
    return lo_count


SET_LANGS = ("zh-CN", "zh-TW", "en")


def example_workbook(path: Path, lang: str, seed: int) -> None:
    """``retrokit init --example --lang LANG``, with the project name and one actual varied."""
    from retrokit.workbook.scaffold import build_workbook
    from retrokit.workbook.schema import INFO, KPIS

    wb = build_workbook(lang, filled=True)
    info = wb[INFO.name(lang)]
    info.cell(row=2, column=2, value=f"{info.cell(row=2, column=2).value} {seed}")
    kpis = wb[KPIS.name(lang)]
    actual = kpis.cell(row=2, column=[c.key for c in KPIS.columns].index("actual") + 1)
    actual.value = actual.value * (0.8 + (seed % 5) / 10)
    wb.save(path)


def make_lang_sets(work: Path, count: int) -> dict[str, Path | None]:
    """Six sets of ``count`` files: per language, 20 distinct worked examples from our writer
    and their LibreOffice re-saves (all 60 converted in one soffice run), copied round."""
    sources: dict[str, list[Path]] = {}
    for lang in SET_LANGS:
        folder = work / "lang-src"
        folder.mkdir(parents=True, exist_ok=True)
        sources[lang] = []
        for seed in range(20):
            path = folder / f"{lang}-{seed:02d}.xlsx"
            example_workbook(path, lang, seed)
            sources[lang].append(path)
    everything = [p for paths in sources.values() for p in paths]
    resaved = set(libreoffice_resave(everything, work / "lang-lo", work / "lo-profile"))
    sets: dict[str, Path | None] = {}
    for lang in SET_LANGS:
        lo = [work / "lang-lo" / p.name for p in sources[lang]]
        for kind, files in (("ours", sources[lang]), ("LibreOffice", lo)):
            name = f"{lang}, {kind}"
            if not all(f in resaved or kind == "ours" for f in files):
                sets[name] = None
                continue
            folder = work / f"set-{lang}-{kind}"
            folder.mkdir()
            for i in range(count):
                shutil.copyfile(files[i % len(files)], folder / f"retro-{i:04d}.xlsx")
            sets[name] = folder
    return sets


#: Runs retrokit from another src/ folder: python -c RUN_FROM SRC ARGS...
RUN_FROM = (
    "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
    "runpy.run_module('retrokit', run_name='__main__', alter_sys=True)"
)


def export_src(ref: str, dest: Path) -> Path:
    """The src/ folder of git revision ``ref``, exported under ``dest`` and byte-compiled."""
    import compileall

    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "src"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    compileall.compile_dir(dest / "src" / "retrokit", quiet=1)
    return dest / "src"


def measure_sets(
    sets: dict[str, Path | None], runs: int, work: Path, before: Path | None
) -> list[dict[str, object]]:
    """Per set: bare calamine, lint and (when asked) lint of the code before, taking turns."""
    py = sys.executable
    results: list[dict[str, object]] = []
    for name, folder in sets.items():
        if folder is None:
            results.append({"set": name, "skipped": True})
            continue
        print(f"  {name} ...", flush=True)
        args = ["lint", str(folder), "--format", "json", "--exit-zero"]
        commands = {
            "calamine": ([py, "-c", CALAMINE, str(folder)], runs),
            "lint": ([py, "-m", "retrokit", *args, "-o", str(work / "set.json")], runs),
        }
        if before is not None:
            commands["before"] = (
                [py, "-c", RUN_FROM, str(before), *args, "-o", str(work / "before.json")],
                runs,
            )
        timed = measure_all(commands)
        results.append({"set": name, "files": len(list(folder.glob("*.xlsx"))), **timed})
    return results


class Timing(NamedTuple):
    """Medians over the runs of one command: wall and CPU seconds; the highest peak RSS."""

    wall: float
    cpu: float
    peak: float


def _run_once(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system, its children included) and peak RSS (MB)
    of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "CI": "1"}
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure_all(commands: dict[str, tuple[list[str], int]]) -> dict[str, Timing]:
    """The :class:`Timing` of each command, over its number of runs.

    The commands of one comparison take turns (a, b, c, a, b, c, ...), so a shared machine
    that speeds up or slows down over the minutes affects both sides of a ratio alike.
    """
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for round_ in range(max(n for _, n in commands.values())):
        for name, (cmd, n) in commands.items():
            if round_ < n:
                runs[name].append(_run_once(cmd))
    return {
        name: Timing(
            statistics.median(r[0] for r in got),
            statistics.median(r[1] for r in got),
            max(r[2] for r in got),
        )
        for name, got in runs.items()
    }


def measure_together(
    commands: dict[str, tuple[list[str], int]],
) -> dict[str, tuple[float, float]]:
    """Median wall time (s) and peak RSS (MB) of each command, taking turns."""
    return {name: (t.wall, t.peak) for name, t in measure_all(commands).items()}


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time (s) and peak RSS (MB) of a whole process, over ``runs`` runs."""
    return measure_together({"cmd": (cmd, runs)})["cmd"]


def versions() -> str:
    from importlib.metadata import version

    names = ["retrokit", "python-calamine", "openpyxl", "pandas", "typer", "rich"]
    return ", ".join(f"{n} {version(n)}" for n in names)


def measure_typical(
    args: argparse.Namespace,
    work: Path,
    rows: list[tuple[str, str, str, str]],
    checks: list[tuple[str, float, str, bool]],
    before: Path | None = None,
    compared: list[tuple[str, float, float]] | None = None,
) -> int:
    """The 1,000-file set, start-up, the large workbook and the 2,000-file memory set: adds
    their rows and checks; returns how many of the typical files are LibreOffice re-saves.
    With ``before`` (an exported src/), the same commands of the older code take turns with
    the current ones and (what, before, after) seconds go to ``compared``."""
    py = sys.executable
    retrokit = [py, "-m", "retrokit"]
    old = [py, "-c", RUN_FROM, str(before)] if before is not None else None
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
            **({"before": ([*old, *lint_cmd[3:]], args.runs)} if old else {}),
        }
    )
    if old and compared is not None:
        compared.append(
            (f"lint, {args.files:,} workbooks", typical_set["before"][0], typical_set["lint"][0])
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
            **({"before": ([*old, "--help"], args.runs)} if old else {}),
        }
    )
    if old and compared is not None:
        compared.append(("--help", start_up["before"][0], start_up["help"][0]))
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
            **(
                {
                    "before": (
                        [*old, "analyze", str(large), "--format", "json", "--today", "2024-07-01"],
                        args.runs,
                    )
                }
                if old
                else {}
            ),
        }
    )
    if old and compared is not None:
        compared.append(
            (
                f"analyze, {args.large_rows:,}-row workbook",
                large_book["before"][0],
                large_book["analyze"][0],
            )
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
    checks.append(("analyze large: peak memory (< 400 MB)", big_m, f"{big_m:.0f} MB", big_m < 400))
    checks.append(
        (
            "analyze large / bare calamine (<= 3x)",
            big_t / big_cal_t,
            f"{big_t / big_cal_t:.2f}x",
            big_t / big_cal_t <= 3,
        )
    )

    example = ROOT / "examples" / "summer-promo-2024.xlsx"
    report_cmd = [*retrokit, "report", str(example), "--today", "2024-08-08", "-o"]
    deck_vs_html = measure_together(
        {
            "html": ([*report_cmd, str(work / "r.html")], args.runs),
            "pptx": ([*report_cmd, str(work / "r.pptx")], args.runs),
        }
    )
    (html_t, _), (deck_t, deck_m) = deck_vs_html["html"], deck_vs_html["pptx"]
    rows.append(
        ("retrokit report --format pptx, the example", f"{deck_t:.2f} s", f"{deck_m:.0f} MB", "")
    )
    checks.append(
        (
            "deck / HTML report of the example (<= 2x)",
            deck_t / html_t,
            f"{deck_t / html_t:.2f}x",
            deck_t / html_t <= 2,
        )
    )

    plan = work / "plan.xlsx"
    plan_workbook(plan, 5000, 4)
    plan_set = measure_together(
        {
            "calamine": ([py, "-c", CALAMINE, str(plan)], args.runs),
            # Half the tasks past their end: the same 2,500 late-task findings on any day.
            "analyze": (
                [*retrokit, "analyze", str(plan), "--format", "json", "--today", PLAN_MIDPOINT],
                args.runs,
            ),
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
    return lo


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x"


def sets_section(results: list[dict[str, object]], files: int, before: str | None) -> list[str]:
    """The six sets as Markdown: times, the ratio of lint to bare calamine, the target."""
    lines = [
        "## Six sets: our workbooks and LibreOffice re-saves, per language",
        "",
        f"Each set: {files} copies of 20 distinct worked examples (`retrokit init --example"
        " --lang L`, project name and one actual varied), or of their LibreOffice re-saves"
        " (all 60 converted in one soffice run). `retrokit lint DIR --format json --exit-zero`"
        " against bare python-calamine reading every sheet of every file; median wall / CPU"
        " seconds (CPU: user + system, lint's worker processes included). Target: lint at"
        " most 2x bare calamine (wall) on each set. lint reads in two worker processes and"
        " bare calamine in one, so the wall ratio depends on what else the machine runs; on a"
        " busy machine it tends to the CPU ratio, which moves far less from run to run.",
    ]
    if before:
        lines.append(
            f"Before: the code at git revision `{before}`, run in the same turns as the"
            " current code (after)."
        )
    if any(r.get("skipped") for r in results):
        lines.append(
            "LibreOffice (soffice) was not found, or did not convert: its sets were skipped."
        )
    head = "| set | bare calamine | lint | lint / calamine (wall) | (CPU) |"
    rule = "|---|---:|---:|---:|---:|"
    if before:
        head += " lint before | before / calamine (wall) | (CPU) |"
        rule += "---:|---:|---:|"
    lines += ["", head + " <= 2x |", rule + "---|"]
    for r in results:
        if r.get("skipped"):
            blanks = " |" * (7 if before else 4)
            lines.append(f"| {r['set']} | skipped: no soffice |{blanks}")
            continue
        cal, lint = r["calamine"], r["lint"]
        assert isinstance(cal, Timing) and isinstance(lint, Timing)
        row = (
            f"| {r['set']} | {cal.wall:.2f} s / {cal.cpu:.2f} s | {lint.wall:.2f} s /"
            f" {lint.cpu:.2f} s | {_ratio(lint.wall, cal.wall)} | {_ratio(lint.cpu, cal.cpu)} |"
        )
        if before:
            old = r["before"]
            assert isinstance(old, Timing)
            row += (
                f" {old.wall:.2f} s / {old.cpu:.2f} s | {_ratio(old.wall, cal.wall)} |"
                f" {_ratio(old.cpu, cal.cpu)} |"
            )
        lines.append(row + f" {'yes' if lint.wall <= 2 * cal.wall else 'NO'} |")
    return [*lines, ""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--load-files", type=int, default=2000)
    ap.add_argument("--large-rows", type=int, default=100_000)
    ap.add_argument("--set-files", type=int, default=250, help="files in each of the six sets")
    ap.add_argument("--before", metavar="REF", help="also time lint at this git revision")
    ap.add_argument(
        "--sets-only",
        action="store_true",
        help="only the six sets; prints, and writes only to an explicit --out",
    )
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.out is None and not args.sets_only:
        args.out = ROOT / "bench" / "RESULTS.md"
    # An installed wheel has its bytecode compiled by pip; the editable install of a checkout
    # has none while PYTHONDONTWRITEBYTECODE is set (as on CI), and compiling every module on
    # every start would be measured instead of retrokit. Compile it once, as pip would.
    import compileall

    compileall.compile_dir(ROOT / "src" / "retrokit", quiet=1)
    rows: list[tuple[str, str, str, str]] = []
    checks: list[tuple[str, float, str, bool]] = []
    load_start = os.getloadavg()[0]
    command = " ".join(["python bench/run.py", *sys.argv[1:]]) if sys.argv[1:] else "make bench"
    with tempfile.TemporaryDirectory(prefix="retrokit-bench-") as tmp:
        work = Path(tmp)
        before = export_src(args.before, work / "before") if args.before else None
        compared: list[tuple[str, float, float]] = []
        lo = None if args.sets_only else measure_typical(args, work, rows, checks, before, compared)
        print(f"generating the six sets of {args.set_files} workbooks ...", flush=True)
        sets = make_lang_sets(work, args.set_files)
        print("measuring the six sets ...", flush=True)
        set_results = measure_sets(sets, args.runs, work, before)

    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, {platform.platform()}"
    lines = [
        "# Benchmark results",
        "",
        f"Run on {dt.date.today().isoformat()} with `{command}` ({args.runs} runs each, the"
        f" baseline {max(1, args.runs // 2) | 1}; medians; whole processes, cold start included).",
        "The commands of each comparison take turns, so the machine's drift over the minutes",
        "touches both sides of a ratio alike.",
        f"Machine: {machine}.",
        f"Load average (1 min) at the start and at the end: {load_start:.1f} and"
        f" {os.getloadavg()[0]:.1f} (for {os.cpu_count()} cores).",
        f"Versions: {versions()}.",
        *(
            [
                f"Typical set: {args.files} workbooks (30 KPIs, 10 problems, 10 lessons), "
                f"{lo} of them LibreOffice re-saves."
            ]
            if lo is not None
            else []
        ),
        "retrokit's bytecode is compiled first, as pip does for an installed wheel. Timings on",
        "this shared 2-core VM move by up to 20% between runs; each ratio comes from one run.",
        "",
        *(
            [
                "| what | median time | peak RSS | |",
                "|---|---:|---:|---|",
                *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
                "",
                "| target | measured | met |",
                "|---|---:|---|",
                *[
                    f"| {name} | {shown} | {'yes' if ok else 'NO'} |"
                    for name, _, shown, ok in checks
                ],
                "",
            ]
            if rows
            else []
        ),
        *(
            [
                f"Before and after: the code at git revision `{args.before}` and the current"
                " code, taking turns in the same run (median wall seconds).",
                "",
                "| what | before | after | after / before |",
                "|---|---:|---:|---:|",
                *[f"| {w} | {b:.2f} s | {a:.2f} s | {a / b:.2f}x |" for w, b, a in compared],
                "",
            ]
            if compared
            else []
        ),
        *sets_section(set_results, args.set_files, args.before),
    ]
    text = "\n".join(lines)
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
