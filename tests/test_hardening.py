"""Every file a team can commit, every attack a file can carry."""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import TODAY, example_data, write
from conftest import ROOT, need_shared, run_cli
from retrokit.errors import UnreadableWorkbook
from retrokit.lint import Config, make_selection, run, select_findings
from retrokit.method import analyze
from retrokit.render.json import to_json
from retrokit.rules import Settings
from retrokit.workbook.reader import read_workbook


def corpus() -> Path:
    return need_shared() / "corpus" / "files"


def test_lint_over_the_whole_corpus_finds_something_in_every_file() -> None:
    files = corpus()
    proc = run_cli("lint", str(files), "--format", "json", "--lang", "en")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)
    flagged = {Path(f["file"]).name for f in findings}
    every = {p.name for p in files.iterdir() if p.is_file() and not p.name.startswith(".")}
    spreadsheets = {
        n
        for n in every
        if n.lower().endswith(
            (".xlsx", ".xlsm", ".xls", ".xlsb", ".xltx", ".xltm", ".ods", ".numbers")
        )
    }
    assert spreadsheets <= flagged, sorted(spreadsheets - flagged)
    by_name = {Path(f["file"]).name: f for f in findings if f["code"] == "F001"}
    assert "password-protected" in by_name["poi__protected_passtika.xlsx"]["message"]
    assert ".xls file is damaged" in by_name["phpspreadsheet__oleloop.xls"]["message"]
    assert "spans too many cells" in by_name["made__far_corner_cell.xlsx"]["message"]
    assert "not a spreadsheet" in by_name["made__text_file.xlsx"]["message"]


def test_analyze_on_every_corpus_file_gives_a_result_or_one_line() -> None:
    failures = []
    for path in sorted(corpus().iterdir()):
        if not path.is_file():
            continue
        try:
            proc = run_cli("analyze", str(path), "--format", "json", "--lang", "en")
        except subprocess.TimeoutExpired:
            failures.append(f"{path.name}: hang")
            continue
        if proc.returncode < 0:
            failures.append(f"{path.name}: killed by signal {-proc.returncode}")
        elif proc.returncode == 0:
            json.loads(proc.stdout)
        elif proc.returncode != 2 or proc.stderr.count("\n") != 1 or path.name not in proc.stderr:
            failures.append(f"{path.name}: rc={proc.returncode} {proc.stderr[-300:]!r}")
        if "Traceback" in proc.stderr or "panicked" in proc.stderr:
            failures.append(f"{path.name}: {proc.stderr[-300:]!r}")
    assert failures == []


def test_a_sound_legacy_xls_is_read() -> None:
    assert read_workbook(corpus() / "sheetjs__write_97.xls").path.endswith("write_97.xls")


def test_encrypted_and_legacy_messages() -> None:
    for name, text in (
        ("excelize__encryptAES.xlsx", "password-protected"),
        ("poi__xor-encryption-abc.xls", "password-protected"),
        ("phpspreadsheet__oleloop.xls", ".xls file is damaged"),  # a broken container: not read
        ("made__html_table.xls", "not a spreadsheet"),
        ("poi__xlmmacro.xlsm", "sheet 'Macro1' is an Excel 4.0 macro or dialog sheet"),
        ("sheetjs__BlankSheetTypes.xlsm", "Excel 4.0 macro or dialog sheet"),
    ):
        with pytest.raises(UnreadableWorkbook) as info:
            read_workbook(corpus() / name)
        assert text in info.value.message("en"), name


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW"])
def test_chinese_refusals_carry_no_english(lang: str) -> None:
    """The reasons a file is refused, in Chinese: no English phrase beside the Chinese one."""
    allowed = {"Excel", "WPS", "xlsx", "xls", "ods", "LibreOffice", "OpenDocument"}
    for name in (
        "excelize__encryptAES.xlsx",
        "poi__xor-encryption-abc.xls",
        "phpspreadsheet__oleloop.xls",
        "made__html_table.xls",
        "made__text_file.xlsx",
    ):
        with pytest.raises(UnreadableWorkbook) as info:
            read_workbook(corpus() / name)
        message = info.value.message(lang).replace(str(corpus() / name), "")
        words = set(re.findall(r"[A-Za-z]{2,}", message)) - allowed
        assert not words, (name, message)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol9;&xxe;</t></si></sst>"""


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_a_billion_laughs_file_is_refused_not_expanded(tmp_path: Path, reader: str) -> None:
    src = write(tmp_path / "ok.xlsx")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(bomb, "w") as b:
        for item in a.infolist():
            data = a.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                data = BILLION_LAUGHS.encode()
            b.writestr(item, data)
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))\n"
        "from retrokit.workbook.reader import read_workbook\n"
        "from retrokit.errors import UnreadableWorkbook\n"
        "try:\n"
        f"    wb = read_workbook(sys.argv[1], reader={reader!r})\n"
        "    text = ' '.join(str(v) for r in wb.kpis for v in r.raw.values())\n"
        "    assert 'lollollol' not in text and 'root:' not in text\n"
        "    print('read')\n"
        "except UnreadableWorkbook as e:\n"
        "    print('refused', e)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-1000:]
    assert proc.stdout.startswith(("read", "refused"))


def test_defusedxml_is_what_openpyxl_uses() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_a_zip_bomb_is_refused_before_parsing_with_the_limit_named(tmp_path: Path) -> None:
    src = write(tmp_path / "ok.xlsx")
    bomb = tmp_path / "zipbomb.xlsx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as b:
        for item in a.infolist():
            b.writestr(item.filename, a.read(item.filename))
        b.writestr("xl/media/padding.bin", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(UnreadableWorkbook) as info:
        read_workbook(bomb)
    message = info.value.message("en")
    assert "compression ratio" in message and "--max-ratio" in message
    proc = run_cli("analyze", str(bomb), "--max-ratio", "100000", "--format", "json")
    assert proc.returncode == 0, proc.stderr


FAR_CELLS = {
    "canonical": b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    "tab and newline": b'<row\tr="1048576"><c\nr="XFD1048576"><v>1</v></c></row>',
    "spaces around =": b'<row r = "1048576"><c r = "XFD1048576"><v>1</v></c></row>',
    "single quotes": b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
    "lower-case column": b'<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>',
    "two-letter column": b'<row r="99999"><c r="ZZ99999"><v>1</v></c></row>',
    "five-letter column": b'<row r="900"><c r="AAAAA900"><v>1</v></c></row>',
    "cells without r=": b'<row r="99999">' + b"<c><v>1</v></c>" * 1000 + b"</row>",
    "r= not first": b'<row r="90000"><c s="0" r="ZZ90000"><v>1</v></c></row>',
}


def with_rows(tmp_path: Path, rows: bytes) -> Path:
    """A valid workbook with ``rows`` added at the end of its Lessons sheet's data."""
    src = write(tmp_path / "ok.xlsx")
    out = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as b:
        for item in a.infolist():
            data = a.read(item.filename)
            if item.filename == "xl/worksheets/sheet4.xml":
                data = data.replace(b"</sheetData>", rows + b"</sheetData>", 1)
            b.writestr(item.filename, data)
    return out


def test_a_wide_but_short_sheet_is_read(tmp_path: Path) -> None:
    """A note far to the right (column ZZ, row 20) spans 20 x 702 cells, not 99,999 rows."""
    note = b'<row r="20"><c r="ZZ20" t="inlineStr"><is><t>note</t></is></c></row>'
    assert read_workbook(with_rows(tmp_path, note)).lessons


@pytest.mark.parametrize("spelling", sorted(FAR_CELLS))
def test_a_far_cell_is_refused_in_every_spelling_the_reader_accepts(
    tmp_path: Path, spelling: str
) -> None:
    """python-calamine places cells by r= in any XML spelling, or one after another without
    it; each form of a far-reaching cell must be refused before it allocates the sheet."""
    with pytest.raises(UnreadableWorkbook) as info:
        read_workbook(with_rows(tmp_path, FAR_CELLS[spelling]))
    assert "spans too many cells" in info.value.message("en")


def test_terminal_output_strips_escape_sequences_from_cells(tmp_path: Path) -> None:
    data = example_data()
    # openpyxl refuses control characters; Excel stores them escaped as _x001B_.
    data["kpis"][0]["metric"] = "曝光量ESC]8;;http://evilBELclickESC]8;;BEL"
    data["problems"][0]["owner"] = None
    data["problems"][0]["area"] = "注册ESC[2JESC[31m环节"
    plain = write(tmp_path / "plain.xlsx", data)
    path = tmp_path / "esc.xlsx"
    with zipfile.ZipFile(plain) as a, zipfile.ZipFile(path, "w") as b:
        for item in a.infolist():
            raw = a.read(item.filename)
            if item.filename.endswith(".xml"):
                raw = raw.replace(b"ESC", b"_x001B_").replace(b"BEL", b"_x0007_")
            b.writestr(item, raw)
    assert "\x1b" in read_workbook(path).kpis[0].raw["metric"]
    for args in (
        ["analyze", str(path)],
        ["lint", str(path), "--format", "text"],
        ["lint", str(path), "--format", "concise"],
    ):
        proc = run_cli(*args)
        assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout, args


def test_cell_text_written_into_a_workbook_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from retrokit.workbook import example, scaffold

    original = example.LESSONS[0]["lesson"]
    try:
        example.LESSONS[0]["lesson"] = {
            "zh-CN": '=HYPERLINK("http://evil","x")',
            "en": "+cmd|' /C calc'!A0",
        }
        for lang in ("zh-CN", "en"):
            path = scaffold.init(tmp_path / f"f-{lang}.xlsx", lang=lang, example_data=True)
            cell = load_workbook(path)[scaffold.LESSONS.name(lang)]["B2"]
            assert cell.data_type == "s", cell.value
    finally:
        example.LESSONS[0]["lesson"] = original


def test_the_workbook_read_is_never_written(tmp_path: Path) -> None:
    path = write(tmp_path / "r.xlsx")
    before = path.read_bytes(), path.stat().st_mtime_ns
    for args in (
        ["analyze", str(path)],
        ["lint", str(path)],
        ["report", str(path)],
        ["report", str(path), "--format", "md"],
    ):
        run_cli(*args)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 40))
def test_flipped_bytes_give_a_result_or_the_readers_error(
    tmp_path_factory: pytest.TempPathFactory, seed: int, flips: int
) -> None:
    folder = tmp_path_factory.mktemp("mut")
    original = write(folder / "ok.xlsx").read_bytes()
    rnd = random.Random(seed)
    data = bytearray(original)
    for _ in range(flips):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    path = folder / "mutant.xlsx"
    path.write_bytes(bytes(data))
    with contextlib.suppress(UnreadableWorkbook):
        json.dumps(to_json(analyze(read_workbook(path), today=TODAY)))
    results = run([path], Settings(today=TODAY))
    select_findings(results, make_selection(Config()))


def _outcome(read: Any) -> tuple[str, bytes]:
    from retrokit.workbook.package import ZIP_ERRORS

    try:
        return "ok", read()
    except ZIP_ERRORS:
        return "refused", b""


def test_the_fast_inflate_reads_every_member_as_zipfile_does() -> None:
    """Sheet XML is inflated by ISA-L for the pre-checks; on every corpus file and example it
    gives zipfile's bytes, or refuses where zipfile refuses."""
    from retrokit.workbook.package import read_member

    paths = [*sorted(corpus().iterdir()), *sorted((ROOT / "examples").glob("*.xlsx"))]
    compared = 0
    for path in paths:
        data = path.read_bytes()
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            continue
        for name in zf.namelist():
            fast = _outcome(partial(read_member, data, zf, name))
            assert fast == _outcome(partial(zf.read, name)), (path.name, name)
            compared += 1
    assert compared > 500


@pytest.mark.parametrize("field", ["size", "crc", "name"])
def test_a_member_whose_directory_entry_lies_is_refused(tmp_path: Path, field: str) -> None:
    """A deflated sheet that unpacks to more (or other) bytes than its directory entry says,
    or whose local header names another file, is refused as zipfile refuses it, and the file
    gets its one-line error."""
    from retrokit.workbook.package import read_member

    book = write(tmp_path / "ok.xlsx")
    data = bytearray(book.read_bytes())
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = max(zf.infolist(), key=lambda i: i.file_size if "worksheets" in i.filename else 0)
    if field == "name":  # the last letter of the name in the local header: sheet1.xml -> .xmm
        at = info.header_offset + 30 + len(info.filename) - 1
        data[at] = ord("m")
    else:  # uncompressed size or CRC-32 in the central header, halved
        entry = _central_entry(bytes(data), info.filename)
        offset = {"size": 24, "crc": 16}[field]
        value = int.from_bytes(data[entry + offset : entry + offset + 4], "little")
        data[entry + offset : entry + offset + 4] = (value // 2).to_bytes(4, "little")
    bad = tmp_path / "lying.xlsx"
    bad.write_bytes(bytes(data))
    lying = zipfile.ZipFile(io.BytesIO(bytes(data)))
    with pytest.raises(zipfile.BadZipFile):
        read_member(bytes(data), lying, info.filename)
    with pytest.raises(zipfile.BadZipFile):
        lying.read(info.filename)
    proc = run_cli("analyze", str(bad), "--lang", "en")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "lying.xlsx" in proc.stderr and "Traceback" not in proc.stderr


def _central_entry(data: bytes, name: str) -> int:
    """Where the central directory entry of ``name`` starts."""
    at = data.index(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len].decode() == name:
            return at
        at = data.find(b"PK\x01\x02", at + 46)
    raise AssertionError(name)
