"""A styles part bloated with styles (100,000 named ones and 40,000 more cell formats: 420,000
tags) keeps every number format: 5% stays 5%, not 0.05. The part is read
as a stream, so it holds no tree of half a million elements."""

from __future__ import annotations

import zipfile
from pathlib import Path

from builders import example_with_rate
from retrokit import api


def _bloat(src: Path, dst: Path, named: int = 100_000, extra: int = 40_000) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/styles.xml":
                s = data.decode()
                xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment/></xf>'
                s = s.replace("</cellStyleXfs>", xf * named + "</cellStyleXfs>")
                s = s.replace("</cellXfs>", xf * extra + "</cellXfs>")
                assert s.count("<") > 400_000
                data = s.encode()
            zout.writestr(item, data)
    return dst


def test_a_bloated_styles_part_keeps_the_percent_formats(tmp_path: Path) -> None:
    plain = example_with_rate(tmp_path / "r.xlsx", "zh-CN", "注册转化率", 0.05, 0.046)
    # the example's percent format, kept on its cells: write it back after example_with_rate
    import openpyxl

    wb = openpyxl.load_workbook(plain)
    ws = wb.worksheets[1]
    for cell in ("E3", "F3"):
        ws[cell].number_format = "0.0%"
    wb.save(plain)
    bloated = _bloat(plain, tmp_path / "bloated.xlsx")
    for path in (plain, bloated):
        (kpi,) = [k for k in api.analyze_workbook(path).kpis if k.metric == "注册转化率"]
        assert kpi.form == "percent", path
