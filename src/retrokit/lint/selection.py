"""Which findings a run reports: selectors, per-file ignores and severity overrides."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from retrokit.findings import Finding, Severity
from retrokit.lint.config import Config, base_code, codes_of, sub_check
from retrokit.rules import REGISTRY


class HasFindings(Protocol):
    """One file's findings as the engine yields them."""

    path: str
    findings: list[Finding]


#: Reported in every run, as an error, whatever the selectors, ignores and severities say: a
#: file that cannot be read was checked for nothing (as ruff never hides a syntax error).
ALWAYS = frozenset({"F001"})


@dataclass(frozen=True)
class Selection:
    codes: frozenset[str]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    #: The folder per-file-ignores patterns are relative to: the config file's folder, so
    #: a pattern means the same files wherever lint runs from (None: the current folder).
    root: Path | None = None
    #: Sub-checks ignored on their own (P007.team): the rest of their code is still reported.
    ignored: frozenset[str] = frozenset()

    def wants(self, finding: Finding, rel: str) -> bool:
        code = base_code(finding.code)
        if code in ALWAYS:
            return True
        sub = sub_check(finding.key)
        if sub is not None and sub in self.ignored:
            return False
        if code not in self.codes and sub not in self.codes:
            return False
        for pattern, codes in self.per_file_ignores:
            if (code in codes or sub in codes) and (
                fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern)
            ):
                return False
        return True

    def severity_of(self, code: str, key: str = "") -> Severity:
        """The configured severity of ``code``, else the registry's; a sub-check (P007.team)
        takes only a severity configured for itself (by its key or name)."""
        code = base_code(code)
        overrides = dict(self.severity)
        sub = sub_check(key)
        if code in ALWAYS:
            return REGISTRY[code].severity
        # A sub-check of its own level (P007.team: info) keeps it unless named itself; one at
        # its code's level (K002.core, split from K002) follows what the code is set to, so a
        # config written before the split keeps its gate.
        if sub is not None and (
            sub in overrides or REGISTRY[sub].severity is not REGISTRY[code].severity
        ):
            return overrides.get(sub, REGISTRY[sub].severity)
        return overrides.get(code, REGISTRY[code].severity)


def make_selection(
    config: Config,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> Selection:
    """Command-line selectors replace the config's select and add to its ignores (as in ruff)."""
    chosen = codes_of(select or config.select, "--select")
    chosen |= codes_of([*config.extend_select, *extend_select], "--extend-select")
    ignored = codes_of([*config.ignore, *ignore], "--ignore")
    chosen -= ignored
    pfi = tuple((p, frozenset(codes_of(c, "per-file-ignores"))) for p, c in config.per_file_ignores)
    root = Path(os.path.abspath(config.source)).parent if config.source else None
    subs = frozenset(k for k in ignored if "." in k)
    return Selection(frozenset(chosen), pfi, config.severity, root, subs)


# --- finding files ---------------------------------------------------------------------------


def iter_selected(
    results: Iterable[HasFindings], selection: Selection, root: Path | None = None
) -> Iterator[Finding]:
    """The selected findings with their configured severities, as the results come. Paths
    are matched against per-file-ignores relative to ``root``, by default the config's folder."""
    root = root or selection.root
    rels: dict[str, str] = {}  # cross-file results come one per finding: resolve paths once
    for result in results:
        rel = rels.get(result.path)
        if rel is None:
            rel = rels[result.path] = relpath(result.path, root)
        for f in result.findings:
            if selection.wants(f, rel):
                severity = selection.severity_of(f.code, f.key)
                yield f if severity is f.severity else replace(f, severity=severity)


def select_findings(
    results: Iterable[HasFindings], selection: Selection, root: Path | None = None
) -> list[Finding]:
    """The selected findings with their configured severities, in file and cell order."""
    return list(iter_selected(results, selection, root))


def relpath(path: str, root: Path | None = None) -> str:
    """``path`` from ``root`` (the working folder), as per-file-ignores patterns match it
    (``../archive/*.xlsx`` included)."""
    try:
        return os.path.relpath(path, root or Path.cwd()).replace(os.sep, "/")
    except ValueError:
        return path


def shown_path(path: str) -> str:
    """``path`` as lint's outputs name it: from the working folder, and a file outside it as
    it was given (/data/q3.xlsx, not ../../data/q3.xlsx)."""
    rel = relpath(path)
    return path.replace(os.sep, "/") if rel == ".." or rel.startswith("../") else rel
