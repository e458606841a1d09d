"""Which files on disk are workbooks: what lint checks and compare, lessons and export read."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Other spreadsheet files found in a folder are checked too, so a committed .xls or .ods gets
#: an F001 telling the team to save it as .xlsx instead of being silently skipped.
OTHER_SPREADSHEETS = (".xls", ".xlsb", ".xltx", ".xltm", ".ods", ".numbers", ".et")


def is_lock_file(path: Path) -> bool:
    return path.name.startswith("~$")


def discover(paths: Sequence[Path]) -> list[Path]:
    """Workbooks (.xlsx/.xlsm, and Office lock files for F002) under the given paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(WORKBOOK_SUFFIXES + OTHER_SPREADSHEETS):
                        found.append(Path(root) / name)
        else:
            found.append(path)
    return list(dict.fromkeys(found))
