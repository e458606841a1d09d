"""The one way a command writes what it produced: to stdout, or atomically to a file.

Every command that writes output goes through :func:`emit`; the format follows ``--format``,
else the suffix of ``-o``, and a suffix that does not fit the format is a usage error rather
than, say, HTML written under ``report.pdf``. An output that is one of the command's inputs is
refused: nothing retrokit does may overwrite a workbook it reads.
"""

import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from retrokit.cli.app import fail, fail_t, ui_lang

#: A format's usual file suffixes, the first one preferred. A format with none writes text
#: that any suffix may hold.
Suffixes = Mapping[str, tuple[str, ...]]


def to_stdout(output: str | Path | None) -> bool:
    return output is None or str(output) == "-"


#: Files no text format is written as: a report named ``r.pdf`` must not be HTML inside.
FOREIGN_SUFFIXES = (
    ".pdf",
    ".pptx",
    ".ppt",
    ".docx",
    ".doc",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".ods",
    ".png",
    ".jpg",
    ".jpeg",
    ".svg",
    ".zip",
)


def pick_format(
    fmt: str | None,
    output: str | Path | None,
    suffixes: Suffixes,
    default: str,
    lang: str | None,
    inputs: Sequence[Path] = (),
) -> str:
    """The output format: ``--format`` when given, else the one whose suffix ``-o`` ends in,
    else ``default``. Then the suffix must fit: one of the format's own, or for a plain-text
    format (listing none) any suffix that is not another format's or a document's. A mismatch
    is a usage error, never a file whose name lies about its content. An output that is one of
    ``inputs`` is refused first."""
    if not to_stdout(output):
        refuse_inputs(Path(str(output)), inputs, lang)
    choices = tuple(suffixes)
    if fmt is not None and fmt not in suffixes:
        fail_t("err.choice", 2, lang, option="--format", choices=", ".join(choices), value=fmt)
    name = "" if to_stdout(output) else Path(str(output)).name.lower()
    # The format whose suffix is the longest match first: x.sarif.json is SARIF, not JSON.
    matches = {
        f: max((len(x) for x in listed if name.endswith(x)), default=0)
        for f, listed in suffixes.items()
    }
    claimed = sorted((f for f, n in matches.items() if n), key=lambda f: -matches[f])
    chosen = fmt if fmt is not None else (claimed[0] if claimed else default)
    listed = suffixes[chosen]
    suffix = Path(name).suffix
    if suffix and chosen not in claimed:
        fits = not listed and not claimed and suffix not in FOREIGN_SUFFIXES
        if not fits and fmt is None:  # no --format to leave out: say what the command writes
            known = [x for listed_ in suffixes.values() for x in listed_]
            if not all(suffixes.values()):  # a plain-text format takes .txt (and the like)
                known.append(".txt")
            fail_t(
                "err.suffix_unknown", 2, lang, path=output, suffix=suffix, known=", ".join(known)
            )
        if not fits:
            fail_t(
                "err.format_suffix",
                2,
                lang,
                path=output,
                suffix=suffix,
                format=chosen,
                expected=", ".join(listed) or "-",
            )
    return chosen


def refuse_inputs(target: Path, inputs: Iterable[Path], lang: str | None) -> None:
    """A usage error when ``target`` is one of ``inputs`` (also through a link), or a file
    found under an input folder."""
    if not target.exists():
        return
    from retrokit.fsutil import same_file

    for item in inputs:
        candidates = [item]
        if item.is_dir():
            try:
                target.resolve().relative_to(item.resolve())
            except ValueError:
                continue
            candidates = [target]
        for candidate in candidates:
            if same_file(target, candidate) and (not item.is_dir() or _is_workbook(target)):
                fail_t("err.output_is_input", 2, lang, path=target)


def _is_workbook(path: Path) -> bool:
    from retrokit.workbook.files import OTHER_SPREADSHEETS, WORKBOOK_SUFFIXES

    return path.name.lower().endswith(WORKBOOK_SUFFIXES + OTHER_SPREADSHEETS)


def emit(
    content: str | bytes | Iterable[str],
    output: str | Path | None,
    *,
    lang: str | None = None,
    inputs: Sequence[Path] = (),
    announce: bool = False,
) -> None:
    """Write ``content`` (text, bytes, or text chunks as they are produced) to stdout or,
    atomically, to ``output``; ``announce`` prints the path written. A write that fails is one
    line and exit 2, with any existing file left as it was."""
    if to_stdout(output):
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        elif isinstance(content, str):
            sys.stdout.write(content)
        else:
            for part in content:
                sys.stdout.write(part)
        return
    from retrokit.errors import UserError
    from retrokit.fsutil import atomic_write

    target = Path(str(output))
    refuse_inputs(target, inputs, lang)

    def write(tmp: Path) -> None:
        if isinstance(content, bytes):
            tmp.write_bytes(content)
            return
        with open(tmp, "w", encoding="utf-8") as fh:
            if isinstance(content, str):
                fh.write(content)
            else:
                fh.writelines(content)

    try:
        atomic_write(target, write, overwrite=True)
    except UserError as exc:
        fail(exc.message(ui_lang(lang)), 2)
    if announce:
        sys.stdout.write(f"{target}\n")
