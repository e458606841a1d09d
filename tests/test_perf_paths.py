"""The quick paths taken for speed give what the slow ones give: option values without
pydantic, the container checks' cheaper scans and bounds, the plan's topological order."""

from __future__ import annotations

import graphlib
import random
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from retrokit.errors import UnreadableWorkbook
from retrokit.method.plan import _acyclic_order, dependency_order
from retrokit.workbook import extent
from retrokit.workbook.package import Limits, _fromstring, _without_dtd, open_package
from test_hostile import package, rels_xml, shared_strings, sheet_xml, workbook_xml

# --- option values --------------------------------------------------------------------------


def test_linting_and_analysing_do_not_import_pydantic(example_zh: Path) -> None:
    for command in ("lint", "analyze"):
        code = (
            "import runpy, sys\n"
            f"sys.argv = ['retrokit', {command!r}, {str(example_zh)!r}, '--format', 'json',"
            " '--max-cells', '5000000', '--today', '2024-08-08']\n"
            "try:\n"
            "    runpy.run_module('retrokit', run_name='__main__')\n"
            "except SystemExit:\n"
            "    pass\n"
            "print('PYDANTIC' if 'pydantic' in sys.modules else 'NO-PYDANTIC', file=sys.stderr)\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
        assert "NO-PYDANTIC" in proc.stderr, proc.stderr[-2000:]


@pytest.mark.parametrize(
    ("annotation", "raw"),
    [
        (int, "5000000"),
        (int, "-3"),
        (int, "+7"),
        (int, "007"),
        (int, " 5"),
        (int, "1_000"),
        (int, "5.0"),
        (int, "1e3"),
        (int, ""),
        (float, "30"),
        (float, "0.85"),
        (float, "-0"),
        (float, "1e3"),
        (float, "inf"),
        (float, "abc"),
        (str, "json"),
        (str, ""),
        (Path, "some/file.xlsx"),
        (Path, ""),
        (list[str], ["K001", "S"]),
        (list[Path], ["a.xlsx", "b"]),
        (bool, True),
        (bool, "yes"),
    ],
)
def test_plain_option_values_convert_as_typers_own(annotation: Any, raw: Any) -> None:
    """The conversion installed by retrokit.cli gives typer's value or typer's error."""
    import typer.core
    from typer import BadParameter
    from typer._coercion import build_runtime_param, resolve_type_descriptor
    from typer.models import OptionInfo

    import retrokit.cli.app  # noqa: F401  (installs the conversion)

    descriptor = resolve_type_descriptor(annotation, OptionInfo())
    ours = typer.core.build_runtime_param(descriptor)
    theirs = build_runtime_param(descriptor)
    assert type(ours) is not type(theirs)

    def convert(param: Any) -> Any:
        try:
            return param._coerce_value(raw, param=None, ctx=None)
        except BadParameter as exc:
            return ("error", exc.format_message())

    assert convert(ours) == convert(theirs)


# --- the container checks -------------------------------------------------------------------


def _space_before_r_by_pairs(xml: bytes) -> bool:
    return any(ws + b"r" in xml for ws in (b"\t", b"\n", b"\r"))


@pytest.mark.parametrize(
    "xml",
    [
        b'<c r="A1">',
        b'<?xml version="1.0"?>\n<worksheet><c r="A1">',
        b'<?xml version="1.0"?>\nrow',
        b'<c\tr="A1">',
        b"<c\nr='A1'>\n",
        b'<c r="A1">\n\n<c\nr="B1">',
        b"\r\n<c\r\nr='A1'>",
        b"\r",
        b"x\tr",
        b"",
    ],
)
def test_whitespace_before_r_is_found_as_by_searching_pairs(xml: bytes) -> None:
    assert extent._space_before_r(xml) == _space_before_r_by_pairs(xml)
    # The same scan looks for whitespace before the t= of a cell type.
    as_t = xml.replace(b"r", b"t")
    assert extent._space_before(as_t, b"t") == any(
        ws + b"t" in as_t for ws in (b"\t", b"\n", b"\r")
    )


@pytest.mark.parametrize("seed", range(3))
def test_formula_cells_are_the_cells_the_pattern_finds(seed: int) -> None:
    """mark_uncalculated tries its pattern only where a formula is: the same cells as trying it
    at every cell, among conditional formats' <formula>, shared formulas, cached results and
    formulas in columns it does not read."""
    import re

    from retrokit.workbook.sources import _UNCALCULATED, _formula_cells

    rng = random.Random(seed)
    kinds = [
        b"<v>1</v>",
        b"<f>A1+1</f>",
        b"<f>A1+1</f><v></v>",
        b"<f>A1+1</f><v/>",
        b"<f>A1+1</f><v>2</v>",
        b'<f t="shared" ref="B2:B9" si="0">A2</f>',
        b'<f t="shared" si="0"/>',
        b"<f/>",
        b"<is><t>text</t></is>",
    ]
    cells = []
    for row in range(1, 60):
        for col in b"ABCDE":
            attrs = rng.choice([b"", b' s="3"', b' t="str"', b' t="s"'])
            cells.append(b'<c r="%c%d"%s>%s</c>' % (col, row, attrs, rng.choice(kinds)))
    xml = (
        b"<worksheet><sheetData>"
        + b"".join(cells)
        + b'</sheetData><conditionalFormatting sqref="A1"><cfRule><formula>A1&gt;0</formula>'
        b"</cfRule></conditionalFormatting><dataValidation><formula1>1</formula1>"
        b"</dataValidation></worksheet>"
    )
    pattern = re.compile(_UNCALCULATED % b"|".join((b"B", b"D")))
    found = [m.span() for m in _formula_cells(pattern, xml)]
    assert found == [m.span() for m in pattern.finditer(xml)]
    assert found


def test_plain_task_id_lists_split_as_the_pattern_splits() -> None:
    """The split of ``T1, T2`` in C gives the ids the full pattern gives, on random lists."""
    from retrokit.text import cell_text
    from retrokit.workbook.types import _ID_SPLIT, _NONE_WORDS, TaskIdsType

    def by_pattern(raw: Any) -> tuple[str, ...]:
        text = cell_text(raw).strip()
        if text.casefold() in _NONE_WORDS:
            return ()
        return tuple(p for p in _ID_SPLIT.split(text) if p and p not in _NONE_WORDS)

    parts = ["T", "1", "2", ",", " ", "-", "_", ".", "a", "n", "d", "N", "/", "none", "None"]
    parts += ["and", "AND", "、", "\t", "n/a", "Ｔ", "\x1f", "\u3000", "和", "&"]
    rng = random.Random(7)
    ids = TaskIdsType()
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        assert ids.parse(text, None) == by_pattern(text), text  # type: ignore[arg-type]


def _book(path: Path, cells: bytes, strings: list[bytes], more: bytes | None = None) -> Path:
    """Sheets S and T (T holds ``more``, else the same cells as S) and the shared strings."""
    return package(
        path,
        [
            ("xl/workbook.xml", workbook_xml([(b"S", b"rId1"), (b"T", b"rId2")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([(b"rId1", b"s.xml"), (b"rId2", b"t.xml")])),
            ("xl/s.xml", sheet_xml(cells)),
            ("xl/t.xml", sheet_xml(cells if more is None else more)),
            ("xl/sharedStrings.xml", shared_strings(strings)),
        ],
    )


def _strings(rows: int, value: bytes = b"0") -> bytes:
    return b"".join(
        b'<row r="%d"><c r="A%d" t="s"><v>%s</v></c><c r="B%d"><v>2</v></c></row>'
        % (r, r, value, r)
        for r in range(1, rows + 1)
    )


def test_text_bounds_are_never_below_the_exact_count(tmp_path: Path) -> None:
    book = _book(tmp_path / "b.xlsx", _strings(300, b"1"), [b"x" * 40, b"y" * 900, b"z"])
    for room in (10**9, 2_000_000, 400_000, 60_000, 0):
        pkg = open_package(book, Limits())
        exact = pkg._exact_text("xl/s.xml")
        got = pkg._shared_text("xl/s.xml", room)
        assert got >= exact
        assert got <= room or got == exact


def test_loose_bounds_of_earlier_sheets_do_not_refuse_a_workbook_that_fits(
    tmp_path: Path,
) -> None:
    """Sheet S is counted by a cheap bound that fits, T exactly, and the two are over the
    limit: both are then counted exactly, and the workbook is refused only if that is."""
    book = _book(tmp_path / "b.xlsx", _strings(10), [b"x" * 2000], more=_strings(200))
    probe = open_package(book, Limits())
    s_exact, t_exact = probe._exact_text("xl/s.xml"), probe._exact_text("xl/t.xml")
    s_loose = probe._shared_text("xl/s.xml", 10**9)
    assert s_loose > 10 * s_exact
    fits = open_package(book, Limits(max_text_bytes=s_loose + t_exact - 1))
    fits.check_sheet("S")
    fits.check_sheet("T")
    assert fits._text == s_exact + t_exact
    tight = open_package(book, Limits(max_text_bytes=s_exact + t_exact - 1))
    tight.check_sheet("S")
    with pytest.raises(UnreadableWorkbook) as refused:
        tight.check_sheet("T")
    assert refused.value.reason == "reason.too_much_text"


@pytest.mark.parametrize(
    ("xml", "plain"),
    [
        (b"<a/>", True),
        (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a/>', True),
        (b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?><a/>", True),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>', False),
        (b'<?xml version="1.0" encoding="cp037"?><a/>', False),
        (b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', False),
        (b"<a><!-- c --></a>", False),
        ('<?xml version="1.0" encoding="UTF-16"?><a/>'.encode("utf-16"), False),
        ("<a/>".encode("utf-16-le"), False),
    ],
)
def test_only_parts_that_cannot_declare_a_dtd_skip_defusedxml(xml: bytes, plain: bool) -> None:
    assert _without_dtd(xml) is plain


def test_an_entity_bomb_is_still_refused() -> None:
    from defusedxml import DefusedXmlException

    bomb = b'<!DOCTYPE a [<!ENTITY e "xxxxxxxx"><!ENTITY f "&e;&e;&e;&e;">]><a>&f;</a>'
    with pytest.raises(DefusedXmlException):
        _fromstring(bomb)


def test_the_plain_parser_reads_what_defusedxml_reads(tmp_path: Path, example_zh: Path) -> None:
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(example_zh) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")) and "worksheets" not in name:
                data = z.read(name)
                ours, theirs = _fromstring(data), fromstring(data)
                assert [(e.tag, e.attrib, e.text) for e in ours.iter()] == [
                    (e.tag, e.attrib, e.text) for e in theirs.iter()
                ]


# --- the plan's order -----------------------------------------------------------------------


def test_the_acyclic_order_is_graphlibs() -> None:
    rng = random.Random(17)
    cyclic = 0
    for _ in range(400):
        ids = [f"T{i}" for i in rng.sample(range(1, 300), rng.randint(1, 40))]
        graph: dict[str, list[str]] = {}
        for k, node in enumerate(ids):
            pool = ids[:k] if rng.random() < 0.9 else ids
            picked = rng.sample(pool, min(len(pool), rng.randint(0, 4)))
            graph[node] = [p for p in dict.fromkeys(picked) if p != node]
        try:
            expected: list[str] | None = list(graphlib.TopologicalSorter(graph).static_order())
        except graphlib.CycleError:
            expected = None
            cyclic += 1
        assert _acyclic_order(graph) == expected
        order, cycles = dependency_order(graph)
        assert sorted(order) == sorted(ids) and bool(cycles) == (expected is None)
    assert 20 < cyclic < 380  # both kinds of graph were tried


def test_numbers_above_n_are_matched_and_no_others() -> None:
    import re

    for n in [*range(0, 1100), 5001, 99999, 100000, 1048575]:
        above = re.compile(rb"0*" + extent._greater_than(n) + rb"\Z")
        for m in [*range(0, 1150), n - 1, n, n + 1, 10 * n + 3, 100001]:
            if m >= 0:
                for text in (b"%d" % m, b"0%d" % m, b"00%d" % m):
                    assert (above.match(text) is not None) == (m > n), (n, text)


def test_the_last_row_is_the_highest_any_cell_names() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        cells = b"".join(
            b'<row r="%d"><c r="%s%s%d"><v>1</v></c></row>'
            % (
                rng.randint(0, 130),
                rng.choice([b"A", b"AB", b"x:", b"", b"ZZ"]),
                b"0" * rng.randint(0, 2),
                rng.randint(0, 120),
            )
            for _ in range(rng.randint(0, 8))
        ).replace(b'<c r="x:', b'<x:c r="')
        expected = max((int(d) for d in extent._CELL_ROW.findall(cells)), default=0)
        assert extent._last_row(cells) == expected


def test_formulas_do_not_change_the_extent() -> None:
    rows = b'<row r="1"><c r="A1"><f>A2&amp;" r=\\"XFD9\\""</f><v>1</v></c></row>'
    rows += b'<row r="2"><c r="AB2"><f aca="false">SUM(A1:A9)</f><v>2</v></c></row>'
    assert extent.sheet_extent(rows) == extent.sheet_extent(rows, exact=True) == (2, 28)


def test_a_wide_sheet_is_measured_to_its_last_row_only_when_the_bound_does_not_fit(
    tmp_path: Path,
) -> None:
    """99,999 rows of a wide sheet's width are assumed when they fit beside what is held (no
    search for its last row); when they do not, its real rows decide, as before."""
    rows = b'<row r="1"><c r="A1"><v>1</v></c><c r="AB1"><v>1</v></c></row>'
    rows += b'<row r="40"><c r="C40"><v>2</v></c></row>'
    assert extent.sheet_extent(rows, room=99_999 * 28) == (99_999, 28)
    assert extent.sheet_extent(rows, room=99_999 * 28 - 1) == (40, 28)
    assert extent.sheet_extent(rows) == (40, 28)
    book = _book(tmp_path / "wide.xlsx", rows, [b"x"])
    # Both sheets fit exactly (40 x 28 cells each), whatever bound the first was checked by.
    fits = open_package(book, Limits(max_cells=2 * 40 * 28))
    for name in ("S", "T"):
        fits.check_sheet(name)
        fits.count_cells(40 * 28)
    tight = open_package(book, Limits(max_cells=40 * 28 - 1))
    with pytest.raises(UnreadableWorkbook) as refused:
        tight.check_sheet("S")
    assert "40 x 28" in refused.value.message("en")
