"""A severity set for a code before it was split keeps its gate: `K002 = "error"` makes the
sub-check K002.core (no KPI marked core, warning like K002) an error too; P007.team, info by
its own default, keeps its level unless it is named itself."""

from __future__ import annotations

from retrokit.findings import Severity
from retrokit.lint.selection import Selection

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _selection(**severity: Severity) -> Selection:
    return Selection(frozenset(), (), tuple(severity.items()))


def test_a_code_set_sets_its_sub_checks_of_the_same_level() -> None:
    chosen = _selection(K002=E)
    assert chosen.severity_of("K002", "K002") is E
    assert chosen.severity_of("K002", "K002.core") is E
    assert _selection().severity_of("K002", "K002.core") is W


def test_a_sub_check_of_its_own_level_keeps_it() -> None:
    assert _selection(P007=W).severity_of("P007", "P007.team") is INFO
    assert _selection(P007=W, **{"P007.team": E}).severity_of("P007", "P007.team") is E
    assert _selection(K002=E, **{"K002.core": INFO}).severity_of("K002", "K002.core") is INFO
