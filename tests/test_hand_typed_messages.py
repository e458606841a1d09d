"""Messages on a review typed by hand (no template of ours: no drop-downs, no formulas) do not
send the user to a template they never had: V003 names the choices without a drop-down,
V005 says the reading is a guess where the sheet has no achievement of its own, V006 on a
typed result says to correct or clear it, not to restore a formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from builders import typed_book
from retrokit import api
from retrokit.findings import Finding
from retrokit.workbook.schema import Lang

HEADERS = {
    "zh-CN": ("基本信息", "项目名称", "KPI评估", ("维度", "指标名称", "方向", "目标值", "实际值", "结果"), "越低越好", "超额完成"),
    "en": ("Basic info", "Project", "KPI Evaluation", ("Dimension", "Metric", "Direction", "Target", "Actual", "Result"), "Lower is better", "Exceeded"),
}  # fmt: skip


def _hand_typed(path: Path, lang: Lang, result: bool) -> dict[str, Finding]:
    info, project, kpi, header, lower, exceeded = HEADERS[lang]
    width = len(header) if result else len(header) - 1
    rows = [
        list(header),
        ["Cost", "Spend", lower, 60, 72, exceeded],  # 83.3%: missed, typed exceeded
        ["Conversion", "CVR", "", "5%", 4, ""],  # a percentage beside a bare number
        ["Sales", "GMV", "sideways", 100, 90, ""],  # no such direction
    ]
    typed_book(path, {info: [[project, "618"]], kpi: [row[:width] for row in rows]})
    return {f.code: f for f in api.lint_paths([path], jobs=1)}


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_hand_typed_messages_name_no_template(tmp_path: Path, lang: Lang) -> None:
    found = _hand_typed(tmp_path / "a.xlsx", lang, result=False)
    v003, v005 = found["V003"], found["V005"]
    assert "下拉" not in v003.message(lang) and "drop-down" not in v003.message(lang)
    assert v005.key == "V005.hand" and "8000%" not in v005.message(lang)
    v006 = _hand_typed(tmp_path / "b.xlsx", lang, result=True)["V006"]
    assert v006.key == "V006.hand" and v006.cell == "F2"
    assert "公式" not in v006.message(lang) and "formula" not in v006.message(lang)


def test_our_templates_messages_keep_their_formula_advice(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    api.scaffold_workbook(path, lang="en", example=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[1]
    ws["I2"] = "Missed"  # the example's first KPI is 90%: met, typed over the formula
    wb.save(path)
    (v006,) = [f for f in api.lint_paths([path], jobs=1) if f.code == "V006"]
    assert v006.key == "V006.typed" and "formula" in v006.message("en")


def test_a_column_is_scanned_for_formulas_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hundreds of typed achievements that disagree: the sheet is scanned once for the column,
    not once per cell (that was quadratic: 4,000 rows took 20 s)."""
    import retrokit.rules.values as values

    calls: list[int] = []
    real = values.formula_cells

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(values, "formula_cells", counted)
    rows = [["收益", f"指标{n}", 100, 90, 0.5] for n in range(300)]  # 90% computed, 50% typed
    path = typed_book(tmp_path / "many.xlsx", {
        "基本信息": [["项目名称", "618"]],
        "KPI评估": [["维度", "指标名称", "目标值", "实际值", "达成率"], *rows],
    })  # fmt: skip
    found = [f for f in api.lint_paths([path], jobs=1) if f.code == "V006"]
    assert len(found) == 300 and {f.key for f in found} == {"V006.hand"}
    assert len(calls) <= 2
