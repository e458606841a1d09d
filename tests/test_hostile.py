"""Hostile files written byte by byte: each test builds its own small package with zipfile.

Anything that could take the process down (a native abort, a runaway allocation) runs in a
subprocess with a memory rlimit, so a regression fails one test instead of the session.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

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
