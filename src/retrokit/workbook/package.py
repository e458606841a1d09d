"""What a file is, before any parser touches it, and the little structure calamine does not give.

A file is recognised by its first bytes, not its suffix. A zip is checked against size limits
(zip bombs; sheets that span billions of cells, which make native readers abort the process;
shared text repeated by many cells, both measured in :mod:`.extent`) before the cell reader
sees it, and its parts are found as the Open Packaging Conventions say. Number formats (a
percent-formatted 0.05) are read here from ``styles.xml`` (parsed as XML) and the sheet XML
(regular expressions over bytes rather than a DOM).
"""

from __future__ import annotations

import errno
import functools
import io
import itertools
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from retrokit.errors import UnreadableWorkbook
from retrokit.fsutil import os_reason
from retrokit.workbook.extent import NEAR_COLUMNS, NEAR_ROWS, PER_STRING, sheet_extent, text_bytes

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
    """Sanity limits for one workbook; each can be raised from the command line.

    The defaults keep any input under 1 GiB of peak memory: a cell costs about 40 bytes
    while its sheet is read (the reader's store and the Python grid) and 8 bytes once read,
    over every sheet read; shared-string text is counted as often as cells use it, at its
    size as a Python string; the file and the XML unpacked for the checks are held besides.
    """

    max_file_bytes: int = 64 * 1024 * 1024
    max_unpacked_bytes: int = 256 * 1024 * 1024
    max_ratio: int = 200
    max_cells: int = 8_000_000
    max_text_bytes: int = 128 * 1024 * 1024

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
    #: What the sheets read so far hold: cells, and shared-string text counted per use.
    _cells: int = 0
    _text: int = 0
    #: Python size of each shared string, read when the first sheet is checked.
    _string_sizes: list[int] | None = None
    #: An upper bound of the largest shared string's size, from one scan of the part.
    _longest_string: int | None = None
    #: The sheet parts whose text is counted in ``_text``.
    _text_parts: list[str] = field(default_factory=list)
    shared_strings_part: str | None = None
    #: The workbook asks to be recalculated when opened (``fullCalcOnLoad``): a program wrote
    #: it and no office program has saved it since, so a formula's cached value (xlsxwriter
    #: writes 0) is a placeholder, not its result.
    recalculate_on_open: bool = False

    def check_sheet(self, name: str) -> None:
        """Refuse a sheet that spans too many cells, before the cell reader allocates it.

        Called for each sheet just before it is read, so sheets retrokit never reads (the
        how-to sheet, a team's own extra sheets) are not unpacked at all.
        """
        part = self.sheet_parts.get(name)
        if part is None:
            # The cell reader found a sheet the package's relationships do not give: it read
            # the package another way, so nothing checked here would hold for it.
            raise _ambiguous(self.path, name)
        extent = _check_extent(self.path, self, name, part, self.limits, self._cells)
        # Sheets already read count what they hold; this one what it may span at most.
        if self._cells + extent > self.limits.max_cells:
            raise UnreadableWorkbook(
                self.path,
                "reason.too_many_cells_total",
                value=self._cells + extent,
                limit=self.limits.max_cells,
                option="--max-cells",
            )
        self._text += self._shared_text(part, self.limits.max_text_bytes - self._text)
        self._text_parts.append(part)
        if self._text > self.limits.max_text_bytes:
            # The sheets before were counted by a bound that fitted then: count them all
            # exactly before refusing.
            self._text = sum(self._exact_text(p) for p in self._text_parts)
        if self._text > self.limits.max_text_bytes:
            raise UnreadableWorkbook(
                self.path,
                "reason.too_much_text",
                sheet=name,
                value=self._text,
                limit=self.limits.max_text_bytes,
                option="--max-text-bytes",
            )

    def count_cells(self, cells: int) -> None:
        """Add the cells a sheet just read holds to those of the sheets read before it."""
        self._cells += cells

    def check_merges(self, name: str, area: int) -> None:
        """Refuse merged ranges whose fill would write more cells than ``max_cells``."""
        if area > self.limits.max_cells:
            raise UnreadableWorkbook(
                self.path,
                "reason.too_many_merged",
                sheet=name,
                value=area,
                limit=self.limits.max_cells,
                option="--max-cells",
            )

    def _shared_text(self, part: str, room: int) -> int:
        """The bytes of text the cells of ``part`` materialise, or a bound of them that fits
        in ``room``: each string cell's own object, and the shared string it uses, once per
        use."""
        xml = self.sheet_xml(part)
        # Cheap bounds first: every cell a string, every value the longest shared string. A
        # string's size is bounded by its <si> element's bytes (UTF-8 text, markup and
        # entities never take fewer bytes than the Python string holds), found in one scan;
        # the shared strings are parsed only when no bound is enough.
        if self._longest_string is None:
            self._longest_string = _longest_string_bound(self, self.shared_strings_part)
        # Without counting: the tags <c, :c, <v and :v never overlap, so the XML holds at
        # most one per two bytes.
        most = max(PER_STRING, self._longest_string)
        bound = len(xml) // 2 * most
        if bound <= room:
            return bound
        # Counting single bytes (far faster than counting pairs): each tag begins with one.
        bound = (xml.count(b"<") + xml.count(b":")) * most
        if bound <= room:
            return bound
        bound = (xml.count(b"<c") + xml.count(b":c")) * PER_STRING
        bound += (xml.count(b"<v") + xml.count(b":v")) * self._longest_string
        if bound <= room:
            return bound
        return self._exact_text(part)

    def _exact_text(self, part: str) -> int:
        if self._string_sizes is None:
            self._string_sizes = _string_sizes(self.path, self.zip, self.shared_strings_part)
        return text_bytes(self.sheet_xml(part), self._string_sizes)

    def small_sheet(self, name: str) -> bool:
        """Whether a sheet's XML is small enough to be a field/value sheet (or cannot be told):
        the search for an overview under another name passes over large sheets unread."""
        part = self.sheet_parts.get(name)
        if part is None:
            return True
        try:
            return self.zip.getinfo(part).file_size <= _SMALL_SHEET_BYTES
        except KeyError:
            return True

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


#: The most XML a field/value sheet found by its labels may hold (a few dozen rows of text).
_SMALL_SHEET_BYTES = 1 << 20

#: An empty archive: the zip of a package that has none.
_EMPTY_ZIP = b"PK\x05\x06" + b"\x00" * 18

_BUILTIN_PERCENT = {9, 10}


def format_form(code: str) -> str | None:
    """ "percent" for a number format that shows a percentage, "ratio" for one like "1:"0.0,
    "currency:£" for one that shows a currency before or after the amount ([$£-809]#,##0,
    "¥"#,##0, \\$#,##0.00: what Excel and LibreOffice make of a typed ¥240,000 or £12,000)."""
    if re.match(r'^\s*(?:"1:"|1\\?:)', code):
        return "ratio"
    # A % outside quotes and escapes makes Excel multiply by 100 when showing the value.
    stripped = re.sub(r'"[^"]*"|\\.', "", code)
    if "%" in stripped:
        return "percent"
    from retrokit.workbook.values import currency_shown

    section = code.split(";", 1)[0]  # the positive numbers' section names the currency
    for m in _CURRENCY_IN_FORMAT.finditer(section):
        shown = currency_shown(next(g for g in m.groups() if g is not None))
        if shown:
            return f"currency:{shown}"
    return None


#: A currency in a number format: a locale's [$NT$-404], a quoted "¥", an escaped \£ or a
#: bare sign. A locale tag naming no symbol ([$-804], Chinese capital numerals'
#: [DBNum2][$-804]General) is matched whole and names none: its $ is no dollar.
_CURRENCY_IN_FORMAT = re.compile(r'\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]|"([^"]+)"|\\(.)|([¥￥$€£])')


def _number_styles(zf: zipfile.ZipFile) -> dict[int, str]:
    """Cell style index -> "percent" or "ratio", for the styles that show one.

    Parsed as XML, as a stream: each element is dropped once read, so a styles part of
    hundreds of thousands of styles (Excel allows 64,000 cell formats, and bloated workbooks
    carry more named ones) holds no tree in memory. A part that is not well-formed gives no
    formats rather than a scan that starts again at every tag.
    """
    from defusedxml import DefusedXmlException

    try:
        xml = zf.read("xl/styles.xml")
    except ZIP_ERRORS:
        return {}
    # The standard C parser for a part that can declare no DTD, defusedxml's for the rest.
    if _without_dtd(xml):
        import xml.etree.ElementTree as parser
    else:
        import defusedxml.ElementTree as parser  # type: ignore[no-redef]
    forms = dict.fromkeys(_BUILTIN_PERCENT, "percent")
    xf_formats: list[str] = []  # the numFmtId of each cell format of the first cellXfs
    stack: list[Any] = []
    depth: int | None = None  # where the first cellXfs stands while it is read
    done = False
    try:
        for event, element in parser.iterparse(io.BytesIO(xml), events=("start", "end")):
            if event == "start":
                tag = _local(element.tag)
                if tag == "numFmt":
                    attrs = {_local(k): v for k, v in element.attrib.items()}
                    form = format_form(attrs.get("formatCode", ""))
                    if form and attrs.get("numFmtId", "").isdigit():
                        forms[int(attrs["numFmtId"])] = form
                elif tag == "cellXfs" and depth is None and not done:
                    depth = len(stack)
                elif tag == "xf" and depth is not None and len(stack) == depth + 1:
                    xf_formats.append(
                        next(
                            (v for k, v in element.attrib.items() if _local(k) == "numFmtId"),
                            "",
                        )
                    )
                stack.append(element)
                continue
            stack.pop()
            if depth is not None and len(stack) == depth:
                depth, done = None, True  # the first cellXfs ends
            element.clear()
            if stack:
                del stack[-1][-1]  # the element just read is its parent's last child
    except (DefusedXmlException, SyntaxError, ValueError, KeyError, *ZIP_ERRORS):
        return {}
    return {
        index: forms[int(num_id)]
        for index, num_id in enumerate(xf_formats)
        if num_id.isdigit() and int(num_id) in forms
    }


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


def _file_stat(path: Path) -> tuple[int, int]:
    """The mode and size of the file a path names, through links, without opening it."""
    try:
        found = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link to itself, or links that lead round in a circle
            raise UnreadableWorkbook(path, "reason.link_loop") from None
        if isinstance(exc, FileNotFoundError | NotADirectoryError):  # also a link to nothing
            raise UnreadableWorkbook(path, "reason.missing") from None
        raise UnreadableWorkbook(path, "reason.os_error", detail=os_reason(exc)) from None
    return found.st_mode, found.st_size


def open_package(path: Path, limits: Limits) -> Package:
    """Recognise and open a workbook file, or raise :class:`UnreadableWorkbook`."""
    mode, size = _file_stat(path)
    if stat.S_ISDIR(mode):
        raise UnreadableWorkbook(path, "reason.is_dir")
    if path.name.startswith("~$"):
        raise UnreadableWorkbook(path, "reason.lock_file")
    if not stat.S_ISREG(mode):  # a pipe would block the read, /dev/zero never end it
        raise UnreadableWorkbook(path, "reason.not_regular")
    if size == 0:
        raise UnreadableWorkbook(path, "reason.empty")
    if size > limits.max_file_bytes:
        raise UnreadableWorkbook(
            path,
            "reason.zip_bomb",
            what=("i18n", "what.file_size"),
            value=_bytes(size),
            limit=_bytes(limits.max_file_bytes),
            option="--max-file-bytes",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:  # permission denied, a dead network drive: F001, the run goes on
        raise UnreadableWorkbook(path, "reason.os_error", detail=os_reason(exc)) from None
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
    names = _check_names(path, infos)
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
    if _MAIN_WORKBOOK not in names:  # a renamed Word or PowerPoint file: say which
        for part, reason in _OTHER_DOCUMENTS:
            if part in names:
                raise UnreadableWorkbook(path, reason)
    workbook_part = _workbook_part(path, zf, names)
    if workbook_part is None:
        raise UnreadableWorkbook(path, "reason.no_workbook")
    try:
        workbook_xml = zf.read(workbook_part)
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(path, "reason.bad_zip", detail=_short(exc)) from None
    if STRICT_NS in workbook_xml[:4096]:
        raise UnreadableWorkbook(path, "reason.strict")
    package = Package(path, data, zf, limits=limits)
    package.sheet_parts = _sheet_parts(path, zf, names, workbook_part, workbook_xml)
    package.recalculate_on_open = _FULL_CALC.search(workbook_xml) is not None
    package.shared_strings_part = _shared_strings_part(path, zf, names, workbook_part)
    return package


#: ``<calcPr ... fullCalcOnLoad="1"/>``: recalculate every formula when the file is opened.
_FULL_CALC = re.compile(
    rb"""<(?:[\w.-]+:)?calcPr\b[^>]*\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']"""
)


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


#: What the zip, XML and cell-reader libraries say of a damaged file, worded by the catalogue
#: (a Chinese message carries no English); a message not listed is kept as the library says it.
_LIBRARY_WORDS = (
    ("is not a zip file", "detail.not_zip"),
    ("bad crc", "detail.damaged_data"),
    ("invalid deflate", "detail.damaged_data"),
    ("while decompressing", "detail.damaged_data"),
    ("bad magic number", "detail.damaged_data"),
    ("truncated", "detail.truncated"),
    ("failed to fill whole buffer", "detail.truncated"),
    ("unexpected eof", "detail.truncated"),
    ("syntax error", "detail.bad_xml"),
    ("not well-formed", "detail.bad_xml"),
    ("cannot detect file format", "detail.unknown_format"),
)


def _short(exc: BaseException) -> Any:
    """The library's reason, worded where the catalogue knows it (see :data:`_LIBRARY_WORDS`)."""
    text = (str(exc) or type(exc).__name__).splitlines()[0][:120]
    low = text.casefold()
    for words, key in _LIBRARY_WORDS:
        if words in low:
            return ("i18n", key)
    return text


def _bytes(n: int) -> Any:
    """A size as the catalogue words it: 314,589,426 字节（300 MB）."""
    size = f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 2**10:,.0f} KB"
    return ("i18n", "unit.bytes", (("n", f"{n:,}"), ("size", size)))


def _in_part(part: str, exc: BaseException) -> Any:
    """The library's reason for one part of the package, naming the part."""
    return ("i18n", "detail.in_part", (("part", part), ("what", _short(exc))))


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
            what=("i18n", "what.unpacked_size"),
            value=_bytes(total),
            limit=_bytes(limits.max_unpacked_bytes),
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
                    what=("i18n", "what.ratio", (("part", info.filename),)),
                    value=ratio,
                    limit=limits.max_ratio,
                    option="--max-ratio",
                )


# --- the parts, as the Open Packaging Conventions resolve them ---------------------------------
#
# python-calamine reads the workbook at xl/workbook.xml, follows each sheet's relationship
# Target without normalising it (xl/ + "worksheets/../x.xml" is opened literally, entities in
# ids and targets are not decoded) and decodes sheet names as XML does. The size checks must
# look at the part it reads, so a package whose parts could be read two ways is refused: dot
# or empty segments, backslashes, percent-escapes or character references in a target, ids
# or names given twice, member names that differ only in case.

_MAIN_WORKBOOK = "xl/workbook.xml"
_SHARED_STRINGS = "xl/sharedStrings.xml"
_UNSAFE_TARGET = re.compile(r"[\\%&?#:]|^/?$")
_RAW_ID_REF = re.compile(rb"""\bid\s*=\s*["'][^"'>]*&""", re.I)
_RAW_REL_REF = re.compile(rb"""(?:Id|Target)\s*=\s*["'][^"'>]*&""")


#: The main part of the other Office documents, and the reason a renamed one gets.
_OTHER_DOCUMENTS = (
    ("word/document.xml", "reason.word_document"),
    ("ppt/presentation.xml", "reason.presentation"),
)


def _ambiguous(path: Path, detail: str) -> UnreadableWorkbook:
    return UnreadableWorkbook(path, "reason.ambiguous_package", detail=detail)


@functools.lru_cache(maxsize=1024)
def _local(name: str) -> str:
    return name.rpartition("}")[2].rpartition(":")[2]


_XML_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")


def _without_dtd(xml: bytes) -> bool:
    """Whether ``xml`` cannot hold a document type declaration, so that expat parses it as
    defusedxml would (defusedxml refuses only what a DTD brings: entities, external
    references): UTF-8, that is no NUL byte (UTF-16 and UTF-32 put one beside every ASCII
    character) and no other encoding declared, and no markup declaration at all (``<!``:
    DOCTYPE and ENTITY, and comments and CDATA sections too, to keep the test simple)."""
    if b"\x00" in xml or b"<!" in xml:
        return False
    start = 3 if xml.startswith(b"\xef\xbb\xbf") else 0
    if xml.startswith(b"<?xml", start):
        declared = _XML_ENCODING.search(xml, start, max(xml.find(b"?>", start), start))
        if declared and declared.group(1).strip().lower() not in (b"utf-8", b"utf8"):
            return False
    return True


def _fromstring(xml: bytes) -> Any:
    """The element tree of ``xml``: defusedxml's parser (pure Python, about four times as
    slow) for anything that could declare a DTD, the standard C parser for the rest."""
    if _without_dtd(xml):
        from xml.etree.ElementTree import fromstring as plain

        return plain(xml)
    from defusedxml.ElementTree import fromstring

    return fromstring(xml)


#: The most tags of a part read as a whole tree (the workbook, its relationships): each
#: element is some 450 bytes in memory, so 200,000 tags stay under 100 MB, while a real
#: workbook part holds hundreds. (The styles part is read as a stream, whatever its size.)
TREE_TAGS = 200_000


def _parse_xml(path: Path, xml: bytes, part: str) -> Any:
    from defusedxml import DefusedXmlException

    if (tags := xml.count(b"<")) > TREE_TAGS:
        raise UnreadableWorkbook(
            path, "reason.part_too_large", part=part, value=tags, limit=TREE_TAGS
        )
    try:
        return _fromstring(xml)
    except (DefusedXmlException, SyntaxError, ValueError) as exc:
        raise UnreadableWorkbook(path, "reason.corrupt", detail=_in_part(part, exc)) from None


def _check_names(path: Path, infos: list[zipfile.ZipInfo]) -> set[str]:
    """The member names, refusing a package with one name twice or in two cases."""
    seen: dict[str, str] = {}
    for info in infos:
        name = info.filename
        folded = name.casefold()
        if folded in seen:
            raise _ambiguous(path, f"{seen[folded]} / {name}")
        seen[folded] = name
    return set(seen.values())


def resolve_target(path: Path, source: str, target: str) -> str:
    """The part a relationship of ``source`` points to (OPC: relative to the source's folder,
    or from the package root when it begins with /), refused when it could be read two ways."""
    segments = target.lstrip("/").split("/") if target.startswith("/") else target.split("/")
    if (
        _UNSAFE_TARGET.search(target)
        or target.startswith("//")
        or any(s in ("", ".", "..") for s in segments)
    ):
        raise _ambiguous(path, target)
    if target.startswith("/"):
        return "/".join(segments)
    folder = source.rpartition("/")[0]
    return f"{folder}/{target}" if folder else target


def _relationships(
    path: Path, zf: zipfile.ZipFile, names: set[str], part: str
) -> dict[str, tuple[str, str, str]]:
    """Relationship id -> (type, target, target mode) of ``part``; none when it has no rels."""
    folder, _, name = part.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if rels_name not in names:
        return {}
    try:
        xml = zf.read(rels_name)
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(path, "reason.bad_zip", detail=_short(exc)) from None
    if _RAW_REL_REF.search(xml):  # the cell reader does not decode references here
        raise _ambiguous(path, rels_name)
    result: dict[str, tuple[str, str, str]] = {}
    for element in _parse_xml(path, xml, rels_name).iter():
        if _local(element.tag) != "Relationship":
            continue
        attrs = {_local(k): v for k, v in element.attrib.items()}
        rid, target = attrs.get("Id"), attrs.get("Target")
        if rid is None or target is None:
            continue
        if rid in result:
            raise _ambiguous(path, f"{rels_name}: Id {rid}")
        result[rid] = (attrs.get("Type", ""), target, attrs.get("TargetMode", ""))
    return result


def _workbook_part(path: Path, zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """xl/workbook.xml, where the cell reader looks; refused when the package says otherwise."""
    for kind, target, mode in _relationships(path, zf, names, "").values():
        if kind.endswith("/officeDocument") and mode != "External":
            part = resolve_target(path, "", target)
            if part in names and part != _MAIN_WORKBOOK:
                raise _ambiguous(path, f"{part} / {_MAIN_WORKBOOK}")
    return _MAIN_WORKBOOK if _MAIN_WORKBOOK in names else None


def _shared_strings_part(
    path: Path, zf: zipfile.ZipFile, names: set[str], workbook_part: str
) -> str | None:
    for kind, target, mode in _relationships(path, zf, names, workbook_part).values():
        if kind.endswith("/sharedStrings") and mode != "External":
            part = resolve_target(path, workbook_part, target)
            if part in names:
                if part != _SHARED_STRINGS and _SHARED_STRINGS in names:
                    raise _ambiguous(path, f"{part} / {_SHARED_STRINGS}")
                return part
    return _SHARED_STRINGS if _SHARED_STRINGS in names else None


_EMPTY_STR = 49  # sys.getsizeof("") on CPython 3.11+
_SI_START = re.compile(rb"<(?:[\w.-]+:)?si[\s>/]")
_PLAIN_SI_START = re.compile(rb"<si[\s>/]")


def _longest_string_bound(package: Package, part: str | None) -> int:
    """An upper bound of the largest shared string's size as a Python string: the longest
    stretch of the part from one <si> to the next (or to the end)."""
    if part is None:
        return 0
    xml = package.sheet_xml(part)
    # Led by a literal, the first pattern scans quickly; it finds every start unless a
    # prefixed tag (<x:si>) may be there.
    pattern = _SI_START if b":si" in xml else _PLAIN_SI_START
    starts = [m.start() for m in pattern.finditer(xml)]
    if not starts:
        return 0
    starts.append(len(xml))
    return max(b - a for a, b in itertools.pairwise(starts))


def _string_sizes(path: Path, zf: zipfile.ZipFile, part: str | None) -> list[int]:
    """The size as a Python string of each shared string (all its text runs, phonetic too)."""
    if part is None:
        return []
    import sys

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    sizes: list[int] = []
    texts: list[str] = []
    try:
        with zf.open(part) as stream:
            for _, element in iterparse(stream, events=("end",)):
                tag = _local(element.tag)
                if tag == "t" and element.text:
                    texts.append(element.text)
                elif tag == "si":
                    # The text's own bytes: the per-cell object is counted with the cells.
                    sizes.append(sys.getsizeof("".join(texts)) - _EMPTY_STR)
                    texts.clear()
                    element.clear()
    except (DefusedXmlException, SyntaxError, *ZIP_ERRORS) as exc:
        raise UnreadableWorkbook(path, "reason.corrupt", detail=_in_part(part, exc)) from None
    return sizes


#: Relationship types of sheets the cell reader refuses (with the whole file): Excel 4.0 macro
#: sheets (OOXML's and Microsoft's spelling) and dialog sheets.
_MACRO_SHEETS = frozenset({"macrosheet", "xlmacrosheet", "dialogsheet", "xlintlmacrosheet"})


def _sheet_parts(
    path: Path, zf: zipfile.ZipFile, names: set[str], workbook_part: str, xml: bytes
) -> dict[str, str]:
    """Sheet name (decoded as XML decodes it) -> the part the cell reader opens for it."""
    if _RAW_ID_REF.search(xml):
        raise _ambiguous(path, workbook_part)
    rels = _relationships(path, zf, names, workbook_part)
    parts: dict[str, str] = {}
    folded: set[str] = set()
    for element in _parse_xml(path, xml, workbook_part).iter():
        if _local(element.tag) != "sheet":
            continue
        name = element.attrib.get("name")
        ids = [v for k, v in element.attrib.items() if _local(k) == "id"]
        if name is None or not ids:
            continue
        if len(ids) > 1 or name.casefold() in folded:
            raise _ambiguous(path, f"{workbook_part}: {name}")
        folded.add(name.casefold())
        rel = rels.get(ids[0])
        if rel is None or rel[2] == "External":
            continue
        if rel[0].rsplit("/", 1)[-1].casefold() in _MACRO_SHEETS:
            # An Excel 4.0 macro or dialog sheet: the cell reader refuses the whole file.
            raise UnreadableWorkbook(path, "reason.macro_sheet", sheet=name)
        parts[name] = resolve_target(path, workbook_part, rel[1])
    return parts


def _check_extent(
    path: Path, package: Package, sheet: str, part: str, limits: Limits, held: int = 0
) -> int:
    """The cells a sheet spans, or a bound of them that fits beside the ``held`` cells of the
    sheets read before; refused beyond ``max_cells`` (a dense reader would abort)."""
    try:
        xml = package.sheet_xml(part)
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(path, "reason.bad_zip", detail=_short(exc)) from None
    last_row, widest = sheet_extent(
        xml,
        exact=limits.max_cells < NEAR_ROWS * NEAR_COLUMNS,
        room=limits.max_cells - held,
    )
    if last_row * widest > limits.max_cells:
        raise UnreadableWorkbook(
            path,
            "reason.too_many_cells",
            sheet=sheet,
            extent=f"{last_row} x {widest}",
            limit=limits.max_cells,
            option="--max-cells",
        )
    return last_row * widest


def describe(exc: BaseException) -> Any:
    """A short text for an exception raised by a reader library (catalogue words when known)."""
    return _short(exc)
