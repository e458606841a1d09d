"""The fast path: light imports at start-up and on lint, and the same answers from both readers."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from builders import TODAY, example_data, write
from conftest import ROOT, libreoffice_convert
from retrokit.lint import check_workbook
from retrokit.method import analyze
from retrokit.render.json import to_json
from retrokit.rules import Settings
from retrokit.workbook.reader import read_workbook

HEAVY = ("pandas", "openpyxl", "numpy", "matplotlib")
PROBE = """
import sys
sys.argv = ["retrokit", *sys.argv[1:]]
from retrokit.cli import main
try:
    main()
except SystemExit:
    pass
print(",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["lint", "--help"],
        ["lint", str(ROOT / "examples"), "--today", "2024-07-20"],
    ],
)
def test_no_heavy_imports_on_startup_and_lint(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stderr.strip().splitlines()[-1:] in ([], [""]), proc.stderr


def test_the_parent_of_a_contained_command_forks_before_loading_typer() -> None:
    """``retrokit.cli`` and the guard import no typer: the child of analyze, report and init
    loads it, so the fork copies no pages of a large interpreter (about 13 ms a command)."""
    probe = (
        "import sys\n"
        "import retrokit.cli, retrokit.guard\n"
        "loaded = [m for m in ('typer', 'retrokit.cli.app', 'retrokit.errors') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
        "app = retrokit.cli.application()\n"
        "print(','.join(sorted(c.name or c.callback.__name__ for c in app.registered_commands)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    loaded, commands = proc.stdout.splitlines()
    assert loaded == ""
    assert {"analyze", "report", "init", "lint", "compare", "lessons", "export"} <= set(
        commands.split(",")
    )


def _answers(path: Path, reader: str) -> tuple[object, list[tuple[object, ...]]]:
    result = to_json(analyze(read_workbook(path, reader=reader), today=TODAY))
    result.pop("findings")
    lint = check_workbook(path, Settings(today=TODAY), reader=reader)
    findings = sorted((f.code, f.sheet, f.cell, f.message("en")) for f in lint.findings)
    return result, findings


def _workbooks(tmp_path: Path) -> list[Path]:
    data = example_data()
    data["kpis"][0]["target"] = "500万"
    data["problems"][0]["owner"] = None
    data["lessons"][1]["evidence"] = None
    data["kpis"][1]["analysis"] = "我觉得页面太慢"
    return [
        ROOT / "examples" / "summer-promo-2024.xlsx",
        ROOT / "examples" / "summer-promo-2024.en.xlsx",
        write(tmp_path / "messy.xlsx", data, lang="zh-TW", title_rows=1),
    ]


def test_both_readers_give_the_same_answers(tmp_path: Path) -> None:
    for path in _workbooks(tmp_path):
        assert _answers(path, "calamine") == _answers(path, "openpyxl"), path.name


@pytest.mark.e2e
def test_both_readers_agree_on_libreoffice_saved_workbooks(tmp_path: Path) -> None:
    for path in _workbooks(tmp_path):
        saved = libreoffice_convert(path, tmp_path / "lo" / path.stem)
        assert _answers(saved, "calamine") == _answers(saved, "openpyxl"), path.name


def test_results_are_plain_values() -> None:
    from retrokit.findings import Finding

    assert asdict(Finding("A001", "f.xlsx"))["code"] == "A001"


#: Texts that look like the boundary between two objects of an encoded list.
BOUNDARY_LOOKALIKES = ["x}, {", '}, {"row": 1', "}, {", '"}, {"a": ', "}, {'row': 2}"]


def test_streamed_json_splits_chunks_only_between_objects() -> None:
    """Rows are encoded many per call and then put one per line; text that looks like the
    seam between two objects stays as it was, in every chunk."""
    import io
    import json

    from retrokit.render.jsonout import write_document

    texts = BOUNDARY_LOOKALIKES
    rows = [
        {"row": i, "text": texts[i % len(texts)], "tags": [{"k": i}, {"k": 0}]} for i in range(2600)
    ]
    out = io.StringIO()
    write_document({"rows": iter(rows), "words": iter(texts), "none": iter(())}, out)
    text = out.getvalue()
    assert json.loads(text) == {"rows": rows, "words": texts, "none": []}
    lines = [line for line in text.splitlines() if line.startswith('    {"row"')]
    assert len(lines) == len(rows)
    assert [json.loads(line.strip().rstrip(","))["text"] for line in lines] == [
        r["text"] for r in rows
    ]


def test_streamed_json_is_the_same_document_one_item_per_line() -> None:
    import io
    import json

    from retrokit.render.jsonout import write_document

    document = {
        "name": 'a "quoted"\nline',
        "empty": iter(()),
        "rows": (dict(row=i, text="}, {\n") for i in range(3)),
        "counts": {"a": 1, "nested": {"b": [1, 2]}},
        "none": {},
        "n": None,
    }
    out = io.StringIO()
    write_document(document, out)
    text = out.getvalue()
    assert json.loads(text) == {
        "name": 'a "quoted"\nline',
        "empty": [],
        "rows": [{"row": i, "text": "}, {\n"} for i in range(3)],
        "counts": {"a": 1, "nested": {"b": [1, 2]}},
        "none": {},
        "n": None,
    }
    assert [line for line in text.splitlines() if line.startswith('    {"row"')] == [
        f'    {{"row": {i}, "text": "}}, {{\\n"}}{"," if i < 2 else ""}' for i in range(3)
    ]
