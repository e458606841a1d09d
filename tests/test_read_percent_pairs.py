"""A bare number beside a percentage is read as a fraction or as percent points, whichever
puts it closer in ratio to the percentage, for target and actual alike (DOMAIN: tell them
apart by the cell's format and by the other cell of the same row); V005 still notes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import TODAY, example_data, write
from conftest import libreoffice_convert
from retrokit.api import analyze_workbook
from retrokit.method.analysis import _reconcile
from retrokit.workbook.schema import KPIS, Lang
from retrokit.workbook.values import Quantity


def _pct(value: float) -> Quantity:
    return Quantity(value, "percent")


def _plain(value: float) -> Quantity:
    return Quantity(value)


@pytest.mark.parametrize(
    ("percentage", "plain", "meant"),
    [
        (0.005, 0.6, 0.006),  # 0.5% beside 0.6: 0.6%, not 60%
        (0.05, 4, 0.04),  # 5% beside 4: 4%
        (0.05, 0.04, 0.04),  # 5% beside 0.04 (a cell that lost its format): 4%
        (0.5, 1, 1.0),  # 50% beside 1: 100%, not 1%
        (0.5, 0.45, 0.45),  # 50% beside 0.45: 45%
        (0.5, 45, 0.45),  # 50% beside 45: 45%
        (0.05, 0.8, 0.008),  # 5% beside 0.8: 0.8% is 6x off, 80% 16x
        (0.2, 18, 0.18),
        (0.1, 1, 0.01),  # a tie (10x either way): 1 and more are points
        (0.0, 4, 0.04),  # no ratio to go by: its size
        (0.05, 0, 0.0),
    ],
)
def test_a_bare_number_beside_a_percentage(percentage: float, plain: float, meant: float) -> None:
    t, a, form, mixed = _reconcile(_pct(percentage), _plain(plain))
    assert (t, form, mixed) == (percentage, "percent", True)
    assert a == pytest.approx(meant)
    # the same reading when the bare number is the target
    t, a, form, mixed = _reconcile(_plain(plain), _pct(percentage))
    assert (t, a, form, mixed) == (pytest.approx(meant), percentage, "percent", True)


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_the_rows_of_one_workbook_are_read_by_one_rule(tmp_path: Path, lang: Lang) -> None:
    """Target cells formatted as percentages (as office programs store 0.5%), actuals bare;
    re-saved by LibreOffice, which keeps the formats."""
    data = example_data()
    for i, (target, actual) in enumerate([(0.005, 0.6), (0.05, 4), (0.5, 1)]):
        data["kpis"][i].update(metric=f"转化率{i}", target=target, actual=actual)
    cells = ("E2", "E3", "E4")
    src = write(
        tmp_path / "pct.xlsx",
        data,
        lang=lang,
        percent_cells=tuple(f"{KPIS.name(lang)}!{c}" for c in cells),
    )
    for path in (src, libreoffice_convert(src, tmp_path / "lo")):
        kpis = analyze_workbook(path, today=TODAY).kpis[:3]
        assert [k.actual for k in kpis] == pytest.approx([0.006, 0.04, 1.0])
        assert [k.rate for k in kpis] == pytest.approx([1.2, 0.8, 2.0])
        assert all(k.mixed_forms for k in kpis)
