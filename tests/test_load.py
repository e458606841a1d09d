"""A load check (issue 15.11): 2,000 workbooks of which 10% hostile, one of them aborting the
native reader, linted in under a minute with every bad file reported, in under 1 GiB of memory
in total (the command and all its workers together)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from builders import write

FILES = 2000
HOSTILE_SHARE = 0.10
MEMORY_LIMIT = 1024**3
#: A hang guard, not a speed target: the time is printed (pytest -s) for the report.
TIME_LIMIT_SECONDS = 60


def _hostile_kinds(tmp: Path) -> dict[str, bytes]:
    """Small files each refused for a different reason before or while reading."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024**2))
    from openpyxl import Workbook

    far = Workbook()
    far.active["A1"] = "x"
    far.active["XFD1048576"] = "y"
    far.save(tmp / "far.xlsx")
    return {
        "bomb": bomb.getvalue(),
        "far": (tmp / "far.xlsx").read_bytes(),
        "junk": b"PK\x03\x04junk",
        "empty": b"",
        "text": b"<html>not a workbook</html>",
        "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
    }


def _tree_rss(root: int) -> int:
    """Resident memory of ``root`` and every process under it, in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="measures memory in /proc")
def test_two_thousand_files_with_hostile_ones_in_under_a_minute_and_a_gib(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "retros"
    folder.mkdir()
    good = write(tmp_path / "good.xlsx")
    kinds = _hostile_kinds(tmp_path)
    hostile = int(FILES * HOSTILE_SHARE)
    bad: set[str] = set()
    names = list(kinds)
    for i in range(FILES):
        if i % (FILES // hostile) == 0:
            kind = names[len(bad) % len(names)]
            path = folder / f"r{i:04}-{kind}.xlsx"
            if not bad:
                path = folder / f"r{i:04}-crash.xlsx"
                shutil.copy(good, path)
            else:
                path.write_bytes(kinds[kind])
            bad.add(path.name)
        else:
            shutil.copy(good, folder / f"r{i:04}.xlsx")
    assert len(bad) == hostile
    crash = next(n for n in bad if "crash" in n)

    out = tmp_path / "lint.jsonl"
    env = {**os.environ, "RETROKIT_TEST_CRASH_ON": crash, "NO_COLOR": "1"}
    started = time.monotonic()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "retrokit",
            "lint",
            str(folder),
            "--format",
            "json-lines",
            "--select",
            "F",
            "-o",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        _, err = proc.communicate(timeout=TIME_LIMIT_SECONDS * 5)
    finally:
        stop.set()
        sampler.join()
    elapsed = time.monotonic() - started
    print(f"\nload check: {FILES} files linted in {elapsed:.1f} s, peak {peak / 1024**2:.0f} MB")
    assert proc.returncode == 1, err.decode(errors="replace")[-2000:]
    assert b"Traceback" not in err
    findings = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    reported = {Path(f["file"]).name for f in findings if f["code"] == "F001"}
    assert reported == bad
    assert peak < MEMORY_LIMIT, f"{peak / 1024**2:.0f} MB"
    assert elapsed < TIME_LIMIT_SECONDS, f"{elapsed:.1f} s"
