"""Hostile files written byte by byte: each test builds its own small package with zipfile.

Anything that could take the process down (a native abort, a runaway allocation) runs in a
subprocess with a memory rlimit, so a regression fails one test instead of the session.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = b"http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="rels" ContentType="application/'
    b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    b'ContentType="application/xml"/></Types>'
)
ROOT_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="' + RELS + b'"><Relationship Id="rId1" '
    b'Type="' + DOC_RELS + b'/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
#: A cell at the far corner: a dense reader would allocate 17 billion cells for it.
FAR = (
    b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
)
NEAR = b'<row r="1"><c r="A1"><v>1</v></c></row>'
#: Enough address space for the interpreter, its libraries and a real workbook, far less than
#: a runaway dense allocation asks for.
MEMORY_CAP = 3 << 30
GIB = 1 << 30


def workbook_xml(sheets: list[tuple[bytes, bytes]]) -> bytes:
    """``sheets`` as (name as written in the XML, relationship id)."""
    items = b"".join(
        b'<sheet name="%s" sheetId="%d" r:id="%s"/>' % (name, i + 1, rid)
        for i, (name, rid) in enumerate(sheets)
    )
    return (
        b'<?xml version="1.0"?><workbook xmlns="' + MAIN + b'" xmlns:r="' + DOC_RELS + b'">'
        b"<sheets>" + items + b"</sheets></workbook>"
    )


def rels_xml(targets: list[tuple[bytes, bytes]], quote: bytes = b'"') -> bytes:
    """Worksheet relationships (id, target), attributes in ``quote``."""
    q = quote
    items = b"".join(
        b"<Relationship Id="
        + q
        + rid
        + q
        + b" Type="
        + q
        + DOC_RELS
        + b"/worksheet"
        + q
        + b" Target="
        + q
        + target
        + q
        + b"/>"
        for rid, target in targets
    )
    return (
        b'<?xml version="1.0"?><Relationships xmlns="' + RELS + b'">' + items + b"</Relationships>"
    )


def sheet_xml(rows: bytes, extra: bytes = b"") -> bytes:
    return (
        b'<?xml version="1.0"?><worksheet xmlns="'
        + MAIN
        + b'"><sheetData>'
        + rows
        + b"</sheetData>"
        + extra
        + b"</worksheet>"
    )


def package(path: Path, members: list[tuple[str, bytes]]) -> Path:
    """A zip of exactly these members, after the content types and the root relationships."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        for name, data in members:
            z.writestr(name, data)
    return path


def one_sheet(path: Path, target: bytes, part: str, rows: bytes, **kw: bytes) -> Path:
    return package(
        path,
        [
            ("xl/workbook.xml", workbook_xml([(b"S", b"rId1")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", target)], **kw)),
            (part, sheet_xml(rows)),
        ],
    )


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


#: Runs the CLI and reports its peak resident memory in kB on the last line of stderr.
_MEASURED = (
    "import resource, runpy, sys\n"
    "sys.argv = ['retrokit', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('retrokit', run_name='__main__')\n"
    "finally:\n"
    "    sys.stdout.flush()\n"
    "    sys.stderr.write('maxrss %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def cli(*args: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess[str], int]:
    """The real command in a capped subprocess: (the process, its peak RSS in bytes).

    The timeout only guards against a hang; no test asserts wall time.
    """
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "RETROKIT_LANG": "en"}
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        preexec_fn=_cap_memory,
    )
    lines = proc.stderr.splitlines()
    peak = 0
    if lines and lines[-1].startswith("maxrss "):
        peak = int(lines.pop().split()[1]) * 1024
        proc.stderr = "".join(line + "\n" for line in lines)
    return proc, peak


def refused(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one line of a refusal (exit 2, no signal, no traceback) that names ``words``."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr[-2000:]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --- 1. one view of the package ------------------------------------------------------------


def test_single_quoted_relationships_lead_to_the_part_the_reader_opens(tmp_path: Path) -> None:
    book = one_sheet(tmp_path / "q.xlsx", b"sheets/s.xml", "xl/sheets/s.xml", FAR, quote=b"'")
    refused(cli("analyze", str(book))[0], "--max-cells")


def test_a_sheet_name_with_a_character_reference_is_decoded_as_xml_decodes_it(
    tmp_path: Path,
) -> None:
    """&#128; is U+0080 in XML; html.unescape would read it as the euro sign, the name of the
    other, harmless sheet, and check that one instead."""
    book = package(
        tmp_path / "name.xlsx",
        [
            ("xl/workbook.xml", workbook_xml([(b"&#128;", b"rId1"), ("€".encode(), b"rId2")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", b"a.xml"), (b"rId2", b"b.xml")])),
            ("xl/a.xml", sheet_xml(FAR)),
            ("xl/b.xml", sheet_xml(NEAR)),
        ],
    )
    refused(cli("analyze", str(book))[0], "--max-cells")


def test_a_target_with_dot_segments_is_refused(tmp_path: Path) -> None:
    book = package(
        tmp_path / "dots.xlsx",
        [
            ("xl/workbook.xml", workbook_xml([(b"S", b"rId1")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", b"worksheets/../evil/x.xml")])),
            ("xl/worksheets/../evil/x.xml", sheet_xml(FAR)),
            ("xl/evil/x.xml", sheet_xml(NEAR)),
        ],
    )
    refused(cli("analyze", str(book))[0], "read two ways", "worksheets/../evil/x.xml")


@pytest.mark.parametrize(
    "target",
    [b"./s.xml", b"w//s.xml", b"w\\s.xml", b"w%2Fs.xml", b"&#119;/s.xml", b"/../s.xml"],
)
def test_a_target_that_reads_two_ways_is_refused(tmp_path: Path, target: bytes) -> None:
    literal = "xl/" + target.decode()
    book = one_sheet(tmp_path / "t.xlsx", target, literal, NEAR)
    with zipfile.ZipFile(book, "a") as z:
        z.writestr("xl/w/s.xml", sheet_xml(FAR))
        z.writestr("xl/s.xml", sheet_xml(FAR))
    refused(cli("analyze", str(book))[0], "read two ways")


def test_member_names_differing_only_in_case_are_refused(tmp_path: Path) -> None:
    book = one_sheet(tmp_path / "case.xlsx", b"s.xml", "xl/s.xml", NEAR)
    with zipfile.ZipFile(book, "a") as z:
        z.writestr("xl/S.xml", sheet_xml(FAR))
    refused(cli("analyze", str(book))[0], "read two ways")


def test_a_member_given_twice_is_refused(tmp_path: Path) -> None:
    book = one_sheet(tmp_path / "twice.xlsx", b"s.xml", "xl/s.xml", NEAR)
    with pytest.warns(UserWarning), zipfile.ZipFile(book, "a") as z:
        z.writestr("xl/s.xml", sheet_xml(FAR))
    refused(cli("analyze", str(book))[0], "read two ways")


def test_a_relationship_id_given_twice_is_refused(tmp_path: Path) -> None:
    book = package(
        tmp_path / "ids.xlsx",
        [
            ("xl/workbook.xml", workbook_xml([(b"S", b"rId1")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", b"a.xml"), (b"rId1", b"b.xml")])),
            ("xl/a.xml", sheet_xml(NEAR)),
            ("xl/b.xml", sheet_xml(FAR)),
        ],
    )
    refused(cli("analyze", str(book))[0], "read two ways")


def test_an_absolute_target_is_read_from_the_package_root(tmp_path: Path) -> None:
    book = one_sheet(tmp_path / "abs.xlsx", b"/other/s.xml", "other/s.xml", FAR)
    with zipfile.ZipFile(book, "a") as z:
        z.writestr("xl/other/s.xml", sheet_xml(NEAR))
    refused(cli("analyze", str(book))[0], "--max-cells")


def test_a_cell_address_given_twice_counts_as_the_reader_reads_it(tmp_path: Path) -> None:
    rows = b'<row r="5"><c r="D5" r="XFD1048576"><v>1</v></c></row>'
    book = one_sheet(tmp_path / "r.xlsx", b"s.xml", "xl/s.xml", rows)
    refused(cli("analyze", str(book))[0], "--max-cells")


def test_a_full_height_single_column_is_one_column_wide() -> None:
    from retrokit.workbook.package import sheet_extent

    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in (1, 1048576))
    assert sheet_extent(rows) == (1048576, 1)
    assert sheet_extent(rows.replace(b'r="A', b'r="C')) == (1048576, 3)


# --- 3. limits count what will be materialised ----------------------------------------------


def shared_strings(texts: list[bytes]) -> bytes:
    items = b"".join(b"<si><t>" + text + b"</t></si>" for text in texts)
    return b'<?xml version="1.0"?><sst xmlns="' + MAIN + b'">' + items + b"</sst>"


def test_one_long_shared_string_used_by_many_cells_is_refused_in_memory(tmp_path: Path) -> None:
    """A 1 MB string used by 4,500 cells: 4.5 GB once every cell holds its own copy."""
    cells = b"".join(
        b'<row r="%d">' % r
        + b"".join(b'<c r="%c%d" t="s"><v>0</v></c>' % (col, r) for col in b"ABCDEFGHI")
        + b"</row>"
        for r in range(1, 501)
    )
    book = package(
        tmp_path / "sst.xlsx",
        [
            ("xl/workbook.xml", workbook_xml([(b"S", b"rId1")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", b"s.xml")])),
            ("xl/s.xml", sheet_xml(cells)),
            ("xl/sharedStrings.xml", shared_strings([b"x" * 1_000_000])),
        ],
    )
    assert book.stat().st_size < 40_000
    for command in ("analyze", "lint"):
        proc, peak = cli(command, str(book), "--format", "json")
        assert peak < GIB, (command, peak)
        if command == "analyze":
            refused(proc, "--max-text-bytes")
        else:
            assert proc.returncode == 1 and "--max-text-bytes" in proc.stdout, proc.stdout


def test_many_sheets_each_under_the_cell_limit_are_refused_in_all(tmp_path: Path) -> None:
    count = 40
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="7900"><c r="ALL7900"><v>1</v></c></row>'
    book = package(
        tmp_path / "sheets.xlsx",
        [
            ("xl/workbook.xml", workbook_xml([(b"S%d" % i, b"rId%d" % i) for i in range(count)])),
            (
                "xl/_rels/workbook.xml.rels",
                rels_xml([(b"rId%d" % i, b"s%d.xml" % i) for i in range(count)]),
            ),
            *[(f"xl/s{i}.xml", sheet_xml(rows)) for i in range(count)],
        ],
    )
    assert book.stat().st_size < 20_000
    proc, peak = cli("analyze", str(book))
    refused(proc, "--max-cells")
    assert peak < GIB, peak


def test_merged_ranges_over_a_large_span_are_counted(tmp_path: Path) -> None:
    """3,000 merged ranges each over the whole used range: billions of visits, or a refusal."""
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    rows += b'<row r="2000"><c r="CV2000"><v>1</v></c></row>'
    merges = b"<mergeCells>" + b'<mergeCell ref="A1:CV2000"/>' * 3000 + b"</mergeCells>"
    book = package(
        tmp_path / "merged.xlsx",
        [
            ("xl/workbook.xml", workbook_xml([(b"S", b"rId1")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", b"s.xml")])),
            ("xl/s.xml", sheet_xml(rows, merges)),
        ],
    )
    proc, peak = cli("analyze", str(book), timeout=60)
    refused(proc, "--max-cells", "merged")
    assert peak < GIB


# --- a retrospective workbook written as bytes ---------------------------------------------


def _xml_text(value: str) -> bytes:
    from xml.sax.saxutils import escape

    return escape(value).encode()


def _cell(ref: str, value: object) -> bytes:
    if isinstance(value, int | float):
        return b'<c r="%s"><v>%s</v></c>' % (ref.encode(), repr(value).encode())
    return b'<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
        ref.encode(),
        _xml_text(str(value)),
    )


def _rows(rows: list[list[object]]) -> bytes:
    from retrokit.workbook.reader import column_letter

    out = []
    for r, row in enumerate(rows, 1):
        cells = b"".join(
            _cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(row) if v is not None
        )
        out.append(b'<row r="%d">%s</row>' % (r, cells))
    return b"".join(out)


def retro(path: Path, **tables: list[dict[str, object]]) -> Path:
    """A retrospective in English: the sheets of the schema, rows given as {column key: value};
    the Basic info sheet as ``info=[{...}]``. Missing required cells get plain values."""
    from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS

    defaults = {
        "info": {
            "project": "Spring sale",
            "start": "2024-03-01",
            "end": "2024-03-31",
            "owner": "Li",
            "key_question": "Why did sales miss?",
        },
        "kpis": {"metric": "Sales", "target": 100, "actual": 90},
        "problems": {
            "area": "Ads",
            "problem": "CTR fell 20%",
            "root_cause": "Old creative",
            "action": "New creative",
            "owner": "Wang",
            "due": "2024-05-01",
            "expected": "CTR +10%",
        },
        "lessons": {"lesson": "Test creatives early"},
    }
    sheets = [(INFO, "info"), (KPIS, "kpis"), (PROBLEMS, "problems"), (LESSONS, "lessons")]
    members: list[tuple[str, bytes]] = []
    names: list[tuple[bytes, bytes]] = []
    targets: list[tuple[bytes, bytes]] = []
    for i, (sheet, key) in enumerate(sheets, 1):
        given = tables.get(key) or [{}]
        data = [{**defaults[key], **row} for row in given]
        if sheet.kind == "fields":
            rows = [[sheet.column(k).label("en"), v] for k, v in data[0].items()]
        else:
            keys = [c.key for c in sheet.columns]
            rows = [[sheet.column(k).label("en") for k in keys]]
            rows += [[row.get(k) for k in keys] for row in data]
        names.append((_xml_text(sheet.name("en")), b"rId%d" % i))
        targets.append((b"rId%d" % i, b"worksheets/sheet%d.xml" % i))
        members.append((f"xl/worksheets/sheet{i}.xml", sheet_xml(_rows(rows))))
    return package(
        path,
        [
            ("xl/workbook.xml", workbook_xml(names)),
            ("xl/_rels/workbook.xml.rels", rels_xml(targets)),
            *members,
        ],
    )


def test_the_byte_built_retrospective_reads(tmp_path: Path) -> None:
    proc, _ = cli("analyze", str(retro(tmp_path / "ok.xlsx")), "--format", "json")
    assert json.loads(proc.stdout)["kpis"][0]["metric"] == "Sales"


# --- 4. nothing quadratic -------------------------------------------------------------------


def test_a_styles_part_of_unclosed_tags_does_not_rescan(tmp_path: Path) -> None:
    book = retro(tmp_path / "styles.xlsx")
    styles = b'<?xml version="1.0"?><styleSheet xmlns="' + MAIN + b'">' + b"<cellXfs>" * 100_000
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/styles.xml", styles)
    assert book.stat().st_size < 20_000
    proc, _ = cli("analyze", str(book), "--format", "json", timeout=60)
    assert proc.returncode in (0, 2), proc.stderr[-2000:]  # the cell reader refuses it
    # The format scan itself, which runs whenever the cell reader accepts the file.
    scan = (
        "import sys, zipfile\n"
        "from retrokit.workbook.package import _number_styles\n"
        "print(_number_styles(zipfile.ZipFile(sys.argv[1])))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", scan, str(book)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "{}", done.stderr[-2000:]


def test_a_megabyte_of_text_in_a_number_cell_is_v001_at_once(tmp_path: Path) -> None:
    book = retro(tmp_path / "num.xlsx", kpis=[{"target": "9" * 1_000_000}])
    proc, _ = cli("lint", str(book), "--format", "json", timeout=60)
    found = [f for f in json.loads(proc.stdout) if f["code"] == "V001"]
    assert [f["cell"] for f in found] == ["E2"], proc.stdout[:2000]


def test_many_percent_signs_are_one_bad_cell_not_a_corrupt_file(tmp_path: Path) -> None:
    book = retro(tmp_path / "pct.xlsx", kpis=[{"actual": "5" + "%" * 3000}])
    proc, _ = cli("lint", str(book), "--format", "json", timeout=60)
    findings = json.loads(proc.stdout)
    assert [f["cell"] for f in findings if f["code"] == "V001"] == ["F2"], proc.stdout[:2000]
    assert not [f for f in findings if f["code"].startswith("F")]


def test_a_megabyte_in_every_text_column_finishes(tmp_path: Path) -> None:
    from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS

    big = "转化率下降了5%因为预算不足 -> 为什么 " * 60_000

    def texts(sheet: Any) -> dict[str, object]:
        return {c.key: big for c in sheet.columns if c.type.name == "TEXT"}

    book = retro(
        tmp_path / "text.xlsx",
        info=[texts(INFO)],
        kpis=[texts(KPIS)] * 3,
        problems=[texts(PROBLEMS)] * 3,
        lessons=[texts(LESSONS)] * 3,
    )
    for args in (("analyze", "--format", "json"), ("report", "-o", str(tmp_path / "r.html"))):
        proc, peak = cli(args[0], str(book), *args[1:], timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert peak < GIB


# --- 5. every number is a number ------------------------------------------------------------


def _no_constants(name: str) -> object:
    raise AssertionError(f"{name} in JSON output")


@pytest.mark.parametrize(
    ("target", "actual", "undefined"),
    [(1e40, 2e40, False), (1, 1e300, False), (1e-300, 1e300, True), (-1.7e308, 1.7e308, True)],
)
def test_extreme_numbers_give_numbers_or_an_undefined_rate(
    tmp_path: Path, target: float, actual: float, undefined: bool
) -> None:
    book = retro(tmp_path / "n.xlsx", kpis=[{"target": target, "actual": actual}])
    for args in (
        ("analyze",),
        ("analyze", "--format", "json"),
        ("lint", "--format", "json"),
        ("report", "-o", str(tmp_path / "r.html")),
        ("report", "-o", str(tmp_path / "r.md")),
    ):
        proc, _ = cli(args[0], str(book), *args[1:])
        assert proc.returncode in (0, 1), (args, proc.stderr[-2000:])
        assert "Infinity" not in proc.stdout and "NaN" not in proc.stdout
        if "json" in args:
            data = json.loads(proc.stdout, parse_constant=_no_constants)
            if args[0] == "lint":
                assert ("V004" in {f["code"] for f in data}) is undefined
            else:
                assert (data["kpis"][0]["rate"] is None) is undefined
    for name in ("r.html", "r.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Infinity" not in text and "NaN" not in text and "inf%" not in text


# --- 6. text is text everywhere -------------------------------------------------------------


@pytest.mark.parametrize("metric", ["$^$", "$\\foo{$", "Revenue in $ vs cost in $"])
def test_a_metric_name_with_dollar_signs_is_drawn_as_typed(tmp_path: Path, metric: str) -> None:
    book = retro(tmp_path / "m.xlsx", kpis=[{"metric": metric}, {"metric": "Leads"}])
    report = tmp_path / "r.html"
    proc, _ = cli("report", str(book), "-o", str(report))
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = report.read_text(encoding="utf-8")
    svg = page[page.index("<svg") :]
    from html import escape

    assert escape(metric, quote=False) in svg  # the label as typed, dollar signs and all


#: Control characters as a workbook stores them (_xHHHH_), which the cell reader decodes.
CONTROLS = "Sales_x0001_a_x000B_b_x001B_[31mc_x0000_d"


def test_control_characters_do_not_stop_export_or_init(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = retro(
        tmp_path / "c.xlsx",
        kpis=[{"metric": CONTROLS, "analysis": "note_x0007_"}],
        problems=[{"action": "Fix _x0002_ it", "status": "Open"}],
    )
    proc, _ = cli("export", str(book), "--to", str(tmp_path / "x.xlsx"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    cells = [
        str(v)
        for ws in load_workbook(tmp_path / "x.xlsx").worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    assert any(c.startswith("Sales\ufffda") for c in cells), cells[:40]
    proc, _ = cli("init", str(tmp_path / "next.xlsx"), "--from", str(book), "--lang", "en")
    assert proc.returncode == 0, proc.stderr[-2000:]
    texts = [
        str(v)
        for ws in load_workbook(tmp_path / "next.xlsx").worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    assert any("\ufffd" in v for v in texts), texts[:60]


HOSTILE = "x\u202eevil\x07bell\x9bC1\x1b[2Jclear"


def test_bidi_bell_and_c1_never_reach_a_terminal_log_or_json(tmp_path: Path) -> None:
    book = retro(
        tmp_path / "h.xlsx",
        kpis=[{"metric": HOSTILE, "target": HOSTILE}],
        lessons=[{"lesson": HOSTILE}],
    )
    raw = ("\u202e", "\x07", "\x9b", "\x1b")
    for args in (
        ("analyze",),
        ("analyze", "--format", "json"),
        ("lint",),
        ("lint", "--format", "github"),
        ("lint", "--format", "json"),
        ("lint", "--format", "json-lines"),
        ("lint", "--format", "sarif"),
    ):
        proc, _ = cli(args[0], str(book), *args[1:])
        assert proc.returncode in (0, 1), (args, proc.stderr[-2000:])
        for char in raw:
            assert char not in proc.stdout and char not in proc.stderr, (args, repr(char))
        if "json" in args or "sarif" in args:
            text = proc.stdout
            values = (
                [json.loads(line) for line in text.splitlines()]
                if "json-lines" in args
                else [json.loads(text)]
            )
            assert "\u202e" in json.dumps(values, ensure_ascii=False)  # escaped, not lost


def test_cell_text_in_the_job_summary_is_markdown_escaped(tmp_path: Path) -> None:
    payload = "<details><summary>x</summary>![i](https://example.com/t.png) **b** | c"
    book = retro(tmp_path / "s.xlsx", kpis=[{"target": payload}])
    summary = tmp_path / "summary.md"
    env_code = f"import os; os.environ['GITHUB_STEP_SUMMARY'] = {str(summary)!r}\n" + _MEASURED
    proc = subprocess.run(
        [sys.executable, "-c", env_code, "lint", str(book), "--format", "github"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    text = summary.read_text(encoding="utf-8")
    assert "V001" in text
    assert "<details>" not in text and "![" not in text and "**b**" not in text
    row = next(line for line in text.splitlines() if "V001" in line)
    assert row.count(" | ") == 4  # the pipe in the cell did not open a column
