"""Exports for BI tools: tidy tables (campaigns, kpis, problems, lessons) as .xlsx, .sqlite,
or a folder of CSV files. Every table keeps its header even without rows."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from retrokit.method import Analysis, KpiResult, LessonResult, ProblemResult
from retrokit.method.campaigns import order
from retrokit.render.json import json_fields, to_json
from retrokit.workbook.schema import ChoiceList, Lang

#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text cell for a CSV that people open in Excel, WPS or Feishu: text beginning with a
    formula character gets a leading apostrophe, so it shows as typed instead of being
    evaluated (``=HYPERLINK(...)`` stays text). Numbers and other values pass untouched."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _under(file: str, root: str) -> str | None:
    """``file`` relative to the folder ``root`` (POSIX), or None when it is not under it."""
    try:
        rel = os.path.relpath(file, root)
    except ValueError:  # another drive
        return None
    return None if rel == ".." or rel.startswith(("../", "..\\")) else rel.replace(os.sep, "/")


def campaign_keys(files: Sequence[str], roots: Sequence[str | Path] = ()) -> dict[str, str]:
    """Each file's campaign key: its path relative to the folder it was found under (a file
    named on its own, or without ``roots``: its name), without the suffix. The same files
    given the same way get the same keys, and two campaigns never share one: yr/2023/618.xlsx
    and yr/2024/618.xlsx exported from ``yr`` are ``2023/618`` and ``2024/618``. Where two
    would still meet (the same name under two roots), the path as given is the key, with its
    suffix if that is all that tells them apart."""
    folders = [str(r) for r in roots if os.path.isdir(r)]

    def relative(file: str) -> str:
        for root in folders:
            rel = _under(file, root)
            if rel is not None:
                return rel
        return Path(file).name

    def stem(path: str) -> str:
        return str(PurePosixPath(path).with_suffix("")) if PurePosixPath(path).suffix else path

    keys = {f: stem(relative(f)) for f in files}
    for fallback in (lambda f: stem(f.replace(os.sep, "/")), lambda f: f.replace(os.sep, "/")):
        seen = Counter(keys.values())
        keys = {f: (fallback(f) if seen[k] > 1 else k) for f, k in keys.items()}
    return keys


#: A campaign's counts and overall rate, as its summary has them.
_CAMPAIGN_COUNTS = (
    "kpis",
    "exceeded",
    "met",
    "missed",
    "unrated",
    "reached_share",
    "overall_rate",
    "overall_basis",
)


def table_columns() -> dict[str, list[str]]:
    """The columns of each tidy table, there even when a table has no rows (a workbook with
    no lessons still exports a lessons table with its header)."""
    from retrokit.workbook.schema import INFO

    return {
        "campaigns": ["campaign", "file", *(c.key for c in INFO.columns), *_CAMPAIGN_COUNTS],
        "kpis": ["campaign", *json_fields(KpiResult)],
        "problems": ["campaign", *json_fields(ProblemResult)],
        "lessons": ["campaign", *json_fields(LessonResult)],
    }


#: Export columns that are not a sheet's column: their header comes from the catalogue
#: (``export.<key>``). A KPI's ``status`` is its result, not an action's status.
_COMPUTED = {
    "campaigns": ("campaign", "file", *_CAMPAIGN_COUNTS),
    "kpis": ("campaign", "row", "unit", "status"),
    "problems": ("campaign", "row", "why_chain", "priority", "overdue"),
    "lessons": ("campaign", "row"),
}


def header_labels(table: str, lang: Lang) -> dict[str, str]:
    """The headers of ``table`` in ``lang``: a sheet's column label, or the catalogue's."""
    from retrokit.i18n import has, t
    from retrokit.workbook.schema import INFO, KPIS, LESSONS, PROBLEMS

    sheet = {"campaigns": INFO, "kpis": KPIS, "problems": PROBLEMS, "lessons": LESSONS}[table]
    on_sheet = {c.key for c in sheet.columns}
    labels = {}
    for key in table_columns()[table]:
        if key in _COMPUTED[table] or key not in on_sheet:
            name = "result" if (table, key) == ("kpis", "status") else key
            # A computed column without a label of its own keeps its key, as in JSON.
            labels[key] = t(f"export.{name}", lang) if has(f"export.{name}") else key
        else:
            labels[key] = sheet.column(key).label(lang)
    return labels


def _value_lists() -> dict[str, dict[str, ChoiceList]]:
    """Per table, the list each coded column's values come from (a KPI's ``status`` is its
    result; ``core`` and ``overdue`` are yes or no)."""
    from retrokit.workbook.schema import INFO, KPIS, LESSONS, PRIORITY, PROBLEMS, RESULT, YES_NO

    def listed(sheet: Any) -> dict[str, ChoiceList]:
        return {c.key: c.choices for c in sheet.columns if c.choices is not None}

    return {
        "campaigns": listed(INFO),
        "kpis": {**listed(KPIS), "status": RESULT, "core": YES_NO},
        "problems": {**listed(PROBLEMS), "priority": PRIORITY, "overdue": YES_NO},
        "lessons": listed(LESSONS),
    }


#: Coded columns that are no sheet's list: their values are worded by the catalogue
#: (``export.<column>.<code>``): where a KPI's direction came from, what the overall rate is of.
_CATALOGUE_CODED = {"campaigns": ("overall_basis",), "kpis": ("direction_source",)}


def worded_values(
    data: dict[str, list[dict[str, Any]]], lang: Lang
) -> dict[str, list[dict[str, Any]]]:
    """The tables with their coded values in ``lang`` (promotion -> 促销活动, met -> 基本完成,
    True -> 是, core -> 核心 KPI), as a reader of the language's headers expects them; free
    text as typed."""
    from retrokit.i18n import has, t

    lists = _value_lists()
    out: dict[str, list[dict[str, Any]]] = {}
    for table, rows in data.items():
        coded = lists.get(table, {})
        by_catalogue = _CATALOGUE_CODED.get(table, ())
        worded = []
        for row in rows:
            row = dict(row)
            for key, choices in coded.items():
                value = row.get(key)
                if isinstance(value, bool):
                    row[key] = choices.label_of("yes" if value else "no", lang)
                elif isinstance(value, str):
                    row[key] = choices.shown(value, lang)
            for key in by_catalogue:
                value = row.get(key)
                if isinstance(value, str) and has(f"export.{key}.{value}"):
                    row[key] = t(f"export.{key}.{value}", lang)
            worded.append(row)
        out[table] = worded
    return out


#: Columns an .xlsx export shows as a percentage, and those holding a date (ISO text in the
#: tables, a real date in the sheet, so that Excel sorts and filters them as dates).
_PERCENT_KEYS = frozenset({"rate", "reached_share", "overall_rate"})
_DATE_KEYS = frozenset({"start", "end", "review_date", "due", "recorded_on"})


def tables(
    analyses: Sequence[Analysis], roots: Sequence[str | Path] = ()
) -> dict[str, list[dict[str, Any]]]:
    """Tidy tables campaigns / kpis / problems / lessons, each row with its campaign key
    (:func:`campaign_keys`, relative to the ``roots`` the workbooks were found under)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in table_columns()}
    keys = campaign_keys([a.file for a in analyses], roots)
    for a in order(analyses):
        data = to_json(a)
        key = keys[a.file]
        out["campaigns"].append(
            {
                "campaign": key,
                "file": a.file,
                **data["info"],
                **{k: v for k, v in data["summary"].items() if not isinstance(v, dict | list)},
            }
        )
        for name in ("kpis", "problems", "lessons"):
            for row in data[name]:
                flat = {k: ("; ".join(v) if isinstance(v, list) else v) for k, v in row.items()}
                out[name].append({"campaign": key, **flat})
    return out


def _write_xlsx(
    path: Path,
    columns: dict[str, list[str]],
    data: dict[str, list[dict[str, Any]]],
    keys: dict[str, list[str]] | None = None,
) -> None:
    """A sheet per table, written row by row (openpyxl's write-only mode: a 100,000-row table
    is not held as cells). Cell text stays text, whatever it starts with: a metric named
    "=HYPERLINK(...)" must not become a live formula in the export. Rates are shown as
    percentages and dates are dates (``keys``: each table's field keys, in column order)."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from retrokit import __version__
    from retrokit.text import looks_like_formula, xml_safe
    from retrokit.workbook.kinds import EXPORT_MARKER

    wb = Workbook(write_only=True)
    for name, rows in data.items():
        ws = wb.create_sheet(name)
        ws.append(columns[name])
        fields = (keys or columns)[name]
        for row in rows:
            cells: list[Any] = []
            for key, field in zip(columns[name], fields, strict=True):
                value = row.get(key)
                if field in _DATE_KEYS and isinstance(value, str):
                    with contextlib.suppress(ValueError):  # a date as typed stays text
                        value = dt.date.fromisoformat(value)
                if isinstance(value, dt.date):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = "yyyy-mm-dd"
                    value = cell
                elif field in _PERCENT_KEYS and isinstance(value, float):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = "0.0%"
                    value = cell
                elif isinstance(value, str):  # a control character XML cannot hold, visibly
                    value = xml_safe(value)
                    if looks_like_formula(value):
                        cell = WriteOnlyCell(ws, value=value)
                        cell.data_type = "s"
                        value = cell
                cells.append(value)
            ws.append(cells)
    # Marks the file as retrokit's export, so reading a folder that holds it (compare,
    # lessons, lint) skips it instead of taking its tables for one more campaign.
    marker = wb.create_sheet(EXPORT_MARKER)
    marker.sheet_state = "hidden"
    marker.append(["retrokit export", __version__])
    wb.save(path)


def export(
    analyses: Sequence[Analysis],
    target: Path,
    *,
    force: bool = False,
    raw_csv: bool = False,
    headers: Lang | None = None,
    roots: Sequence[str | Path] = (),
) -> Path:
    """Write the tidy tables as .xlsx (a sheet each), .sqlite (a table each) or, for .csv, a
    folder named after the file holding one UTF-8 CSV (with BOM, for Excel) per table. CSV
    text cells are made safe to open (csv_safe) unless ``raw_csv``; the other formats keep
    the exact text. ``headers`` names the columns in a language (the sheet labels) and words
    the coded values in it (基本完成, not met); by default keys and codes. ``roots`` are the paths the workbooks were found under (the campaign
    key is relative to them)."""
    import pandas as pd

    from retrokit.errors import UsageError, WriteError
    from retrokit.fsutil import atomic_write

    columns = keys = table_columns()
    data = tables(analyses, roots)
    if headers is not None:
        data = worded_values(data, headers)
        names = {table: header_labels(table, headers) for table in columns}
        data = {
            table: [{names[table][k]: v for k, v in row.items()} for row in rows]
            for table, rows in data.items()
        }
        columns = {table: [names[table][k] for k in keys] for table, keys in columns.items()}
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        atomic_write(target, lambda tmp: _write_xlsx(tmp, columns, data, keys), overwrite=force)
        return target
    frames = {name: pd.DataFrame(rows, columns=columns[name]) for name, rows in data.items()}
    if suffix in (".sqlite", ".db", ".sqlite3"):
        import sqlite3

        def write_sqlite(tmp: Path) -> None:
            tmp.unlink(missing_ok=True)
            with sqlite3.connect(tmp) as con:
                for name, frame in frames.items():
                    frame.astype(object).where(frame.notna(), None).to_sql(name, con, index=False)
            con.close()

        atomic_write(target, write_sqlite, overwrite=force)
        return target
    if suffix == ".csv":
        folder = target.with_suffix("")
        if folder.exists() and not force:
            raise UsageError("err.folder_exists", path=folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from retrokit.fsutil import os_reason

            raise WriteError("err.write", path=folder, reason=os_reason(exc)) from None
        for name, frame in frames.items():
            if not raw_csv:
                frame = frame.map(csv_safe)
            encoded = frame.to_csv(index=False).encode("utf-8-sig")

            def write_csv(tmp: Path, encoded: bytes = encoded) -> None:
                tmp.write_bytes(encoded)

            atomic_write(folder / f"{name}.csv", write_csv, overwrite=True)
        return folder
    raise UsageError("err.export_suffix", path=target)
