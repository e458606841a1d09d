"""`make demo` reads as a success: it lints the filled example and says which files to open."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from conftest import ROOT, run_cli


def demo_recipe() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = makefile[makefile.index("\ndemo:") :].split("\n\n", 1)[0]
    block = re.sub(r"\\\n\s*", " ", block)  # a recipe line continued with a backslash
    return [line.strip() for line in block.splitlines()[1:] if line.startswith("\t")]


def test_demo_lints_the_filled_example_not_the_blank_workbook() -> None:
    lints = [line for line in demo_recipe() if " lint " in line]
    assert lints and all("demo/example.xlsx" in line for line in lints), lints
    assert not any(re.search(r"lint demo/?\s", line) for line in lints), lints


def test_demo_ends_by_naming_the_files_to_open() -> None:
    recipe = demo_recipe()
    tail = "\n".join(line for line in recipe if line.startswith("@echo"))
    for made in ("example.report.html", "example.report.md", "example.xlsx", "blank.xlsx"):
        assert f"demo/{made}" in tail, made


def test_demo_commands_run_and_the_lint_has_no_errors(tmp_path: Path) -> None:
    for line in demo_recipe():
        if not line.startswith("$(BIN)/retrokit"):
            continue
        args = shlex.split(line.removeprefix("$(BIN)/retrokit").split(">", 1)[0])
        (tmp_path / "demo").mkdir(exist_ok=True)
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 0, (line, proc.stdout, proc.stderr)
        if args[0] == "lint":
            assert re.search(r"\b0 (error|个错误)", proc.stdout), proc.stdout
