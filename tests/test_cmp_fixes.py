"""Bugs found trying compare, lessons, export and lint (compare/lessons/export, wording,
direction, per-file ignores, statistics)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def test_statistics_come_once_in_the_text_format(example_zh: Path) -> None:
    for fmt, times in (("text", 1), ("concise", 1)):
        out = run_cli(
            "lint", str(example_zh), "--today", "2024-08-20", "--format", fmt, "--statistics"
        ).stdout
        counted = [line for line in out.splitlines() if "action-overdue  [" in line]
        assert len(counted) == times, (fmt, out)
