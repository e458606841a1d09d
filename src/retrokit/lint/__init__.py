"""Linting a folder of workbooks: configuration, selection, and the engine that runs the rules.

``config`` reads ``[tool.retrokit]``; ``selection`` decides which findings a run reports;
``engine`` finds the files and checks them, many at once in worker processes.
"""

from retrokit.lint.config import (
    Config,
    ConfigError,
    base_code,
    load_config,
    parse_config,
    resolve_selector,
    settings_from,
)
from retrokit.lint.engine import FileResult, check_workbook, iter_run, run
from retrokit.lint.selection import (
    Selection,
    iter_selected,
    make_selection,
    relpath,
    select_findings,
)
from retrokit.workbook.files import discover

__all__ = [
    "Config",
    "ConfigError",
    "FileResult",
    "Selection",
    "base_code",
    "check_workbook",
    "discover",
    "iter_run",
    "iter_selected",
    "load_config",
    "make_selection",
    "parse_config",
    "relpath",
    "resolve_selector",
    "run",
    "select_findings",
    "settings_from",
]
