"""What a file is, before any parser touches it, and the little structure calamine does not give.

A file is recognised by its first bytes, not its suffix. A zip is checked against size limits
(zip bombs, sheets that span billions of cells, which make native readers abort the process)
before the cell reader sees it. Number formats (a percent-formatted 0.05) are read here from
``styles.xml`` and the sheet XML, with regular expressions over bytes rather than a DOM.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from retrokit.errors import UnreadableWorkbook

_inflate: ModuleType
try:  # ISA-L inflates sheet XML about four times as fast as zlib, the same API
    from isal import isal_zlib as _inflate

    _INFLATE_ERRORS: tuple[type[BaseException], ...] = (_inflate.error, zlib.error)
except ImportError:  # pragma: no cover - a platform without an isal wheel
    _inflate = zlib
    _INFLATE_ERRORS = (zlib.error,)

# What zipfile raises on a damaged archive: beyond BadZipFile, a flipped byte gives zlib errors,
# unsupported methods (NotImplementedError), encrypted members (RuntimeError) and worse.
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    KeyError,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    UnicodeDecodeError,
    OverflowError,
)

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml/main"


#: The cell reader allocates a sheet's whole used range densely (32 bytes a cell): past this
#: ceiling it may abort the process, so a raised --max-cells is held to it.
HARD_MAX_CELLS = 100_000_000


@dataclass(frozen=True)
class Limits:
    """Sanity limits for one workbook; each can be raised from the command line."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_unpacked_bytes: int = 1024 * 1024 * 1024
    max_ratio: int = 200
    max_cells: int = 20_000_000

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_cells", min(self.max_cells, HARD_MAX_CELLS))


@dataclass
class Package:
    """An opened .xlsx/.xlsm: its bytes, its zip, and where each sheet's XML lives."""

    path: Path
    data: bytes
    zip: zipfile.ZipFile
    sheet_parts: dict[str, str] = field(default_factory=dict)
    _styles: dict[int, str] | None = None
    limits: Limits = field(default_factory=lambda: Limits())
    #: Sheet XML already unpacked by the extent check, reused for number formats.
    _xml: dict[str, bytes] = field(default_factory=dict)

    def check_sheet(self, name: str) -> None:
        """Refuse a sheet that spans too many cells, before the cell reader allocates it.

        Called for each sheet just before it is read, so sheets retrokit never reads (the
        how-to sheet, a team's own extra sheets) are not unpacked at all.
        """
        part = self.sheet_parts.get(name)
        if part is not None:
            _check_extent(self.path, self, name, part, self.limits)
            return
        # The cell reader found a sheet our relationship parsing did not: check every
        # worksheet part rather than let it through unchecked.
        for member in self.zip.namelist():
            if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                _check_extent(self.path, self, name, member, self.limits)

    def sheet_xml(self, part: str) -> bytes:
        if part not in self._xml:
            self._xml[part] = read_member(self.data, self.zip, part)
        return self._xml[part]

    def release(self) -> None:
        """Drop the unpacked XML once reading is done."""
        self._xml.clear()

    def formatted_cells(
        self, sheet_name: str, columns: list[str], through_row: int | None = None
    ) -> dict[str, str]:
        """Refs (``E5``) of cells in ``columns`` shown as a percentage or a ratio -> the form.

        ``through_row`` stops the scan at the next row's tag (rows come in ascending order, as
        Excel requires); without it, or when that tag is not found, the whole sheet is read.
        """
        part = self.sheet_parts.get(sheet_name)
        if not part or not columns:
            return {}
        if self._styles is None:
            self._styles = _number_styles(self.zip)
        if not self._styles:
            return {}
        try:
            xml = self.sheet_xml(part)
        except ZIP_ERRORS:
            return {}
        cols = "|".join(re.escape(c) for c in columns)
        # Excel, WPS, LibreOffice and openpyxl all write r= first and s= after it; led by a
        # literal, the pattern scans a sheet quickly.
        pattern = re.compile(rb' r="((?:' + cols.encode() + rb')\d+)"[^>]*? s="(\d+)"')
        styles = self._styles
        end = xml.find(b'<row r="%d"' % (through_row + 1)) if through_row else -1
        return {
            m.group(1).decode(): styles[int(m.group(2))]
            for m in pattern.finditer(xml, 0, end if end >= 0 else len(xml))
            if int(m.group(2)) in styles
        }


class OtherPackage(Package):
    """A .xls, .xlsb or .ods workbook: python-calamine reads its cells. What only the OOXML
    parts tell (the number formats that mark a percentage or a ratio, the sheet extent before
    reading) is not available: formats are left to the values, and the extent is checked on
    the cells read (:meth:`check_grid`)."""

    def check_sheet(self, name: str) -> None:
        return None

    def check_grid(self, name: str, rows: int, columns: int) -> None:
        if rows * columns > self.limits.max_cells:
            raise UnreadableWorkbook(
                self.path,
                "reason.too_many_cells",
                sheet=name,
                extent=f"{rows} x {columns}",
                limit=self.limits.max_cells,
                option="--max-cells",
            )

    def formatted_cells(
        self, sheet_name: str, columns: list[str], through_row: int | None = None
    ) -> dict[str, str]:
        return {}


def _other(path: Path, data: bytes, limits: Limits, kind: str) -> OtherPackage:
    """A workbook in another format, opened if python-calamine reads it."""
    if kind == "xls" and not _sound_ole(data):
        raise UnreadableWorkbook(path, "reason.xls")
    try:
        from python_calamine import CalamineWorkbook

        CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names  # noqa: B018
    except Exception:  # calamine raises its own error types on a file it cannot read
        raise UnreadableWorkbook(path, f"reason.{kind}") from None
    return OtherPackage(path, data, zipfile.ZipFile(io.BytesIO(_EMPTY_ZIP)), limits=limits)


def _sound_ole(data: bytes) -> bool:
    """Whether an OLE2 container holds a workbook stream that reads to its end, with olefile
    refusing structural defects. calamine's .xls reader aborts the whole process (out of
    memory) on some broken containers (a FAT loop), so it only sees sound ones."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
        name = "Workbook" if ole.exists("Workbook") else "Book"
        stream = ole.openstream(name)
        return len(stream.read(len(data) + 1)) <= len(data)
    except Exception:  # olefile raises many kinds on a broken container
        return False


#: An empty archive: the zip of a package that has none.
_EMPTY_ZIP = b"PK\x05\x06" + b"\x00" * 18

_BUILTIN_PERCENT = {9, 10}
_NUMFMT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)/?>")
_NUMFMTID = re.compile(rb'numFmtId="(\d+)"')


def format_form(code: str) -> str | None:
    """ "percent" for a number format that shows a percentage, "ratio" for one like "1:"0.0."""
    if re.match(r'^\s*(?:"1:"|1\\?:)', code):
        return "ratio"
    # A % outside quotes and escapes makes Excel multiply by 100 when showing the value.
    stripped = re.sub(r'"[^"]*"|\\.', "", code)
    return "percent" if "%" in stripped else None


def _number_styles(zf: zipfile.ZipFile) -> dict[int, str]:
    """Cell style index -> "percent" or "ratio", for the styles that show one."""
    try:
        xml = zf.read("xl/styles.xml")
    except ZIP_ERRORS:
        return {}
    import html

    forms = dict.fromkeys(_BUILTIN_PERCENT, "percent")
    for num_id, code in _NUMFMT.findall(xml):
        form = format_form(html.unescape(code.decode("utf-8", "replace")))
        if form:
            forms[int(num_id)] = form
    block = _CELLXFS.search(xml)
    if not block:
        return {}
    result = {}
    for index, attrs in enumerate(_XF.findall(block.group(1))):
        m = _NUMFMTID.search(attrs)
        if m and int(m.group(1)) in forms:
            result[index] = forms[int(m.group(1))]
    return result


def _sniff_ole(path: Path, data: bytes) -> UnreadableWorkbook:
    # An OLE2 container is either an encrypted OOXML workbook or a legacy .xls (maybe
    # encrypted too). Neither is read; the message says which and what to do.
    if "EncryptionInfo".encode("utf-16-le") in data:
        return UnreadableWorkbook(path, "reason.encrypted")
    if _xls_is_encrypted(data):
        return UnreadableWorkbook(path, "reason.encrypted")
    return UnreadableWorkbook(path, "reason.xls")


def _xls_is_encrypted(data: bytes) -> bool:
    """Whether a BIFF8 workbook stream carries a FILEPASS record (RC4 or XOR encryption)."""
    try:
        import msoffcrypto

        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # a broken OLE file is not encrypted, just legacy and broken
        return False


def _sniff_other(path: Path, data: bytes) -> UnreadableWorkbook:
    head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff \t\r\n").lower()
    if head.startswith((b"<", b"{")) or _looks_like_text(data[:4096]):
        return UnreadableWorkbook(path, "reason.not_spreadsheet")
    return UnreadableWorkbook(path, "reason.unknown_format")


def _looks_like_text(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            sample.decode("utf-16")
        except UnicodeDecodeError:
            return False
    return b"\x00" not in sample or sample[:2] in (b"\xff\xfe", b"\xfe\xff")


def open_package(path: Path, limits: Limits) -> Package:
    """Recognise and open a workbook file, or raise :class:`UnreadableWorkbook`."""
    if not path.exists():
        raise UnreadableWorkbook(path, "reason.missing")
    if path.is_dir():
        raise UnreadableWorkbook(path, "reason.is_dir")
    if path.name.startswith("~$"):
        raise UnreadableWorkbook(path, "reason.lock_file")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableWorkbook(path, "reason.empty")
    if size > limits.max_file_bytes:
        raise UnreadableWorkbook(
            path,
            "reason.zip_bomb",
            what="file size",
            value=size,
            limit=limits.max_file_bytes,
            option="--max-file-bytes",
        )
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        refused = _sniff_ole(path, data)
        if refused.reason != "reason.xls":
            raise refused
        return _other(path, data, limits, "xls")
    if not data.startswith(ZIP_MAGIC):
        raise _sniff_other(path, data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(path, "reason.bad_zip", detail=_short(exc)) from None
    names = {i.filename for i in infos}
    _check_bomb(path, infos, limits)
    manifest = "META-INF/manifest.xml"
    if "EncryptedPackage" in names or (
        manifest in names and "encryption-data" in _read(zf, manifest)
    ):
        raise UnreadableWorkbook(path, "reason.encrypted")
    if "content.xml" in names or (
        "mimetype" in names and _read(zf, "mimetype").startswith("application/vnd.oasis")
    ):
        return _other(path, data, limits, "ods")
    if "xl/workbook.bin" in names:
        return _other(path, data, limits, "xlsb")
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        raise UnreadableWorkbook(path, "reason.numbers")
    workbook_part = _workbook_part(zf, names)
    if workbook_part is None:
        raise UnreadableWorkbook(path, "reason.no_workbook")
    try:
        workbook_xml = zf.read(workbook_part)
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(path, "reason.bad_zip", detail=_short(exc)) from None
    if STRICT_NS in workbook_xml[:4096]:
        raise UnreadableWorkbook(path, "reason.strict")
    package = Package(path, data, zf, limits=limits)
    package.sheet_parts = _sheet_parts(zf, workbook_part, workbook_xml)
    return package


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, fixed fields, name and extra lengths
#: Flag bits a plain deflated member may carry: deflate options, a data descriptor, UTF-8
#: names. Any other (encryption, patched data) is left to zipfile, which refuses it.
_PLAIN_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800


def read_member(data: bytes, zf: zipfile.ZipFile, name: str) -> bytes:
    """One member of the archive ``data``, as ``zf.read(name)`` gives it.

    A deflated member is inflated from the archive bytes directly, with the checks zipfile
    makes: never more than the declared size, and the CRC must match (a damaged or lying
    member raises BadZipFile). Anything else (stored, encrypted, other methods) goes through
    zipfile itself.
    """
    info = zf.getinfo(name)
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & ~_PLAIN_FLAGS:
        return zf.read(info)
    start = info.header_offset
    try:
        signature, name_len, extra_len = _LOCAL_HEADER.unpack_from(data, start)
    except struct.error:
        raise zipfile.BadZipFile(f"{name}: local header out of range") from None
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{name}: bad local header")
    at = start + _LOCAL_HEADER.size
    encoding = "utf-8" if info.flag_bits & 0x0800 else "cp437"
    if bytes(data[at : at + name_len]).decode(encoding, "replace") != info.orig_filename:
        raise zipfile.BadZipFile(f"{name}: the local header names another file")
    begin = at + name_len + extra_len
    raw = memoryview(data)[begin : begin + info.compress_size]
    if len(raw) != info.compress_size:
        raise zipfile.BadZipFile(f"{name}: truncated")
    try:
        out: bytes = _inflate.decompressobj(-15).decompress(raw, info.file_size + 1)
    except _INFLATE_ERRORS as exc:
        raise zipfile.BadZipFile(f"{name}: {exc}") from None
    if len(out) != info.file_size or _inflate.crc32(out) != info.CRC:
        raise zipfile.BadZipFile(f"{name}: size or CRC does not match the directory")
    return out


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:120]


def _read(zf: zipfile.ZipFile, name: str) -> str:
    try:
        return zf.read(name)[:65536].decode("utf-8", "replace")
    except ZIP_ERRORS:
        return ""


def _check_bomb(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = sum(i.file_size for i in infos)
    if total > limits.max_unpacked_bytes:
        raise UnreadableWorkbook(
            path,
            "reason.zip_bomb",
            what="unpacked size",
            value=total,
            limit=limits.max_unpacked_bytes,
            option="--max-unpacked-bytes",
        )
    for info in infos:
        # Small members compress freakishly well without harm; judge only the large ones.
        if info.file_size > 10 * 1024 * 1024 and info.compress_size > 0:
            ratio = info.file_size // info.compress_size
            if ratio > limits.max_ratio:
                raise UnreadableWorkbook(
                    path,
                    "reason.zip_bomb",
                    what=f"compression ratio of {info.filename}",
                    value=ratio,
                    limit=limits.max_ratio,
                    option="--max-ratio",
                )


_TARGET = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb'(\w+(?::\w+)?)="([^"]*)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")


def _attrs(raw: bytes) -> dict[str, str]:
    import html

    return {
        k.decode().split(":")[-1] if k != b"r:id" else "r:id": html.unescape(
            v.decode("utf-8", "replace")
        )
        for k, v in _ATTR.findall(raw)
    }


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = base.split("/")[:-1]
    for piece in target.replace("\\", "/").split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _relationships(zf: zipfile.ZipFile, part: str) -> dict[str, dict[str, str]]:
    folder, _, name = part.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    try:
        xml = zf.read(rels_name)
    except ZIP_ERRORS:
        return {}
    result = {}
    for raw in _TARGET.findall(xml):
        attrs = _attrs(raw)
        if "Id" in attrs and "Target" in attrs:
            result[attrs["Id"]] = attrs
    return result


def _workbook_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    for rel in _relationships(zf, "").values():
        if rel.get("Type", "").endswith("/officeDocument"):
            part = _resolve("", rel["Target"])
            if part in names:
                return part
    return "xl/workbook.xml" if "xl/workbook.xml" in names else None


def _sheet_parts(zf: zipfile.ZipFile, workbook_part: str, xml: bytes) -> dict[str, str]:
    rels = _relationships(zf, workbook_part)
    parts = {}
    for raw in _SHEET.findall(xml):
        attrs = _attrs(raw)
        rel = rels.get(attrs.get("r:id", "") or attrs.get("id", ""))
        if "name" in attrs and rel:
            parts[attrs["name"]] = _resolve(workbook_part, rel["Target"])
    return parts


# Calamine places a cell by its r= attribute in any spelling XML allows (tabs, spaces around
# =, single quotes, lower-case letters), or right after the cell before when it has none. The
# patterns below start from a literal so that they scan a 100,000-row sheet quickly.
#: One look at every cell tag. The first group is set for a tag that does not begin with
#: r="..." (placed after the cell before it, or spelled in a way XML allows but writers do
#: not use): the tags are then walked. The others give a far reference: a column of two
#: letters or more (the reader takes any number, not just Excel's three) with its row, or a
#: row beyond 99,999. Led by a literal, it scans a 100,000-row sheet in a fraction of a second.
_CELL_SCAN = re.compile(
    rb'c(?<=[<:]c)(?:(?! r=")([\s/>])| r="(?:([A-Za-z]{2,})(\d+)|[A-Za-z]?(\d{6,}))")'
)
#: The row of every cell, for a sheet whose cells all begin with r="...".
_CELL_ROW = re.compile(rb'c(?<=[<:]c) r="[A-Za-z]*(\d+)"')
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_R_ATTR = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]*)(\d*)')
#: What a sheet without far references spans at most: rows up to 99,999, columns A to Z.
_NEAR_ROWS, _NEAR_COLUMNS = 99_999, 26


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _walk_extent(xml: bytes) -> tuple[int, int]:
    """Follow every row and cell tag as the reader does: exact, and slow on big sheets."""
    last_row = widest = row = col = 0
    for m in _TAG.finditer(xml):
        ref = _R_ATTR.search(m.group(2))
        letters, digits = (ref.group(1), ref.group(2)) if ref else (b"", b"")
        if m.group(1) == b"row":
            row = int(digits) if digits else row + 1
            col = 0
        else:
            col = _column_number(letters.decode()) if letters else col + 1
            if digits:
                row = int(digits)
        last_row, widest = max(last_row, row), max(widest, col)
    return last_row, widest


def sheet_extent(xml: bytes, exact: bool = False) -> tuple[int, int]:
    """(rows, columns) that a dense cell reader allocates for this sheet XML, or more.

    When every cell tag begins with its own address the far references alone decide: rows
    stay below 100,000 and columns within A-Z unless one names more. ``exact`` (or any other
    cell tag) walks the tags instead.
    """
    if exact:
        return _walk_extent(xml)
    letters: set[bytes] = set()
    rows = _NEAR_ROWS
    for odd, column, digits, far_row in _CELL_SCAN.findall(xml):
        if odd:
            return _walk_extent(xml)
        if column:
            letters.add(column)
        rows = max(rows, int(digits or far_row))
    if not letters:
        return rows, _NEAR_COLUMNS
    # A wide sheet (a note in column AB, say) is usually short: take its real last row rather
    # than assume 99,999 of them.
    rows = max((int(d) for d in _CELL_ROW.findall(xml)), default=0)
    return rows, max(_NEAR_COLUMNS, *(_column_number(c.decode()) for c in letters))


def _check_extent(path: Path, package: Package, sheet: str, part: str, limits: Limits) -> None:
    """Refuse a sheet whose cells span more than ``max_cells`` (a dense reader would abort)."""
    try:
        xml = package.sheet_xml(part)
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(path, "reason.bad_zip", detail=_short(exc)) from None
    last_row, widest = sheet_extent(xml, exact=limits.max_cells < _NEAR_ROWS * _NEAR_COLUMNS)
    if last_row * widest > limits.max_cells:
        raise UnreadableWorkbook(
            path,
            "reason.too_many_cells",
            sheet=sheet,
            extent=f"{last_row} x {widest}",
            limit=limits.max_cells,
            option="--max-cells",
        )


def describe(exc: BaseException) -> str:
    """A short text for an exception raised by a reader library."""
    return _short(exc)
