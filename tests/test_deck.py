"""`retrokit report --format pptx`: the deck read back, fitted, mastered, reproducible, real."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from builders import example_data, write
from conftest import ROOT, libreoffice_convert, run_cli
from retrokit import api
from retrokit.i18n import t
from retrokit.render.textfit import line_count, shorten

pptx = pytest.importorskip("pptx")
from pptx import Presentation  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402
from pptx.enum.shapes import PP_PLACEHOLDER  # noqa: E402

TODAY = ["--today", "2024-08-08"]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def deck(workbook: Path, out: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    proc = run_cli("report", str(workbook), "-o", str(out), *TODAY, *args, env=env)
    assert proc.returncode == 0, proc.stderr
    return Presentation(str(out))


def titles(prs: Any) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title else "" for s in prs.slides]


def charts(prs: Any) -> list[Any]:
    return [shape.chart for s in prs.slides for shape in s.shapes if shape.has_chart]


def notes(slide: Any) -> str:
    return str(slide.notes_slide.notes_text_frame.text)


def test_the_example_deck_follows_the_outline(tmp_path: Path) -> None:
    prs = deck(
        ROOT / "examples" / "summer-promo-2024.xlsx", tmp_path / "d.pptx", "--presenter", "张经理"
    )
    assert titles(prs) == [
        "2024年夏季促销活动 复盘报告",
        "目录",
        "01 项目概述",
        "基本信息",
        "核心目标",
        "02 成果数据",
        "整体达成",
        "KPI 达成情况",
        "各 KPI 达成率",
        "03 挑战与经验",
        "问题与根因",
        "成功经验",
        "改进教训",
        "04 改进建议",
        "改进行动（按优先级）",
        "影响 × 难度矩阵",
    ]
    first = prs.slides[0]
    assert "汇报人：张经理" in [ph.text_frame.text for ph in first.placeholders][1]
    contents = prs.slides[1].placeholders[1].text_frame.text.splitlines()
    assert contents == ["01 项目概述", "02 成果数据", "03 挑战与经验", "04 改进建议"]
    assert prs.slide_width * 9 == prs.slide_height * 16
    for slide in prs.slides:  # every slide has something to say
        assert notes(slide).strip()


def test_charts_are_native_and_carry_the_analysis(tmp_path: Path) -> None:
    book = ROOT / "examples" / "summer-promo-2024.xlsx"
    prs = deck(book, tmp_path / "d.pptx")
    result = api.analyze_workbook(book, today=__import__("datetime").date(2024, 8, 8))
    pie, bars, matrix = charts(prs)
    assert pie.chart_type == XL_CHART_TYPE.PIE
    s = result.summary
    counts = dict(zip(pie.plots[0].categories, pie.series[0].values, strict=True))
    assert counts == {"基本完成": s["met"], "未完成": s["missed"]}
    assert bars.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(bars.plots[0].categories) == [k.metric for k in result.kpis]
    assert list(bars.series[0].values) == pytest.approx([k.rate for k in result.kpis])
    # the bars wear the report's colours: amber for met, red for missed
    fills = [str(p.format.fill.fore_color.rgb) for p in bars.series[0].points]
    assert fills[0] == "F9A825" and set(fills[1:]) == {"C62828"}
    assert matrix.chart_type == XL_CHART_TYPE.XY_SCATTER
    assert len(matrix.series[0].values) == sum(1 for p in result.problems if p.impact and p.effort)


def test_rates_read_against_the_100_percent_line_and_one_overshoot_squashes_nothing(
    tmp_path: Path,
) -> None:
    data = example_data()
    data["kpis"][0] = {**data["kpis"][0], "target": 100, "actual": 4000}  # 4000%
    book = write(tmp_path / "r.xlsx", data)
    prs = deck(book, tmp_path / "d.pptx")
    bars = charts(prs)[1]
    axis = bars.value_axis
    assert axis.has_major_gridlines and axis.major_unit == 0.5  # a gridline at 100%
    assert axis.maximum_scale == 2.0  # the report's 200% cap
    assert max(bars.series[0].values) == pytest.approx(40.0)  # the value itself is kept
    plain = charts(deck(ROOT / "examples" / "summer-promo-2024.xlsx", tmp_path / "e.pptx"))[1]
    assert plain.value_axis.maximum_scale is None  # no cap where nothing goes past it


def _runs_without_ea(data: bytes) -> list[str]:
    bad = []
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        for name in z.namelist():
            if not re.match(r"ppt/(slides|notesSlides|charts)/[^/]+\.xml$", name):
                continue
            root = etree.fromstring(z.read(name))
            for run in root.iter(f"{A}r"):
                rpr = run.find(f"{A}rPr")
                ok = rpr is not None and rpr.find(f"{A}ea") is not None
                ok = ok and rpr.find(f"{A}latin") is not None
                if not ok:
                    bad.append(f"{name}: {run.findtext(f'{A}t')}")
    return bad


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_three_languages_and_every_run_names_an_east_asian_typeface(
    tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "d.pptx"
    prs = deck(ROOT / "examples" / "summer-promo-2024.xlsx", out, "--lang", lang)
    shown = titles(prs)
    for key in ("deck.contents", "deck.overall", "deck.problems"):
        assert t(key, lang) in shown  # type: ignore[arg-type]
    assert _runs_without_ea(out.read_bytes()) == []
    ea = prs.slides[0].shapes.title.text_frame.paragraphs[0].runs[0].font._rPr.find(f"{A}ea")
    assert ea.get("typeface") == ("Microsoft JhengHei" if lang == "zh-TW" else "Microsoft YaHei")


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    book = ROOT / "examples" / "summer-promo-2024.xlsx"
    deck(book, tmp_path / "a.pptx")
    deck(book, tmp_path / "b.pptx")
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()


def test_source_date_epoch_sets_the_deck_time(tmp_path: Path) -> None:
    book = ROOT / "examples" / "summer-promo-2024.xlsx"
    proc = run_cli(
        "report", str(book), "-o", str(tmp_path / "a.pptx"), env={"SOURCE_DATE_EPOCH": "1723111200"}
    )
    assert proc.returncode == 0, proc.stderr
    props = Presentation(str(tmp_path / "a.pptx")).core_properties
    assert props.created.isoformat() == props.modified.isoformat() == "2024-08-08T10:00:00"
    with zipfile.ZipFile(tmp_path / "a.pptx") as z:
        assert {i.date_time for i in z.infolist()} == {(2024, 8, 8, 10, 0, 0)}


def test_the_suffix_alone_selects_the_deck(tmp_path: Path) -> None:
    proc = run_cli(
        "report", str(ROOT / "examples" / "summer-promo-2024.xlsx"), "-o", str(tmp_path / "x.pptx")
    )
    assert proc.returncode == 0, proc.stderr
    assert zipfile.is_zipfile(tmp_path / "x.pptx")


def _outside(prs: Any) -> list[str]:
    w, h = prs.slide_width, prs.slide_height
    bad = []
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            box = (shape.left, shape.top, shape.width, shape.height)
            if None in box:
                continue
            left, top, width, height = box
            if shape.has_table:  # its rows' heights, not the frame's, are what is drawn
                height = sum(r.height for r in shape.table.rows)
                width = sum(c.width for c in shape.table.columns)
            if left < 0 or top < 0 or left + width > w or top + height > h:
                bad.append(f"slide {n}: {shape.name}")
    return bad


def test_fifty_kpis_continue_on_following_slides_inside_the_slide(tmp_path: Path) -> None:
    data = example_data()
    base = data["kpis"]
    data["kpis"] = [
        {**base[i % len(base)], "metric": f"指标{i}", "channel": f"渠道{i % 4}"} for i in range(50)
    ]
    prs = deck(write(tmp_path / "big.xlsx", data), tmp_path / "big.pptx")
    assert _outside(prs) == []
    shown = titles(prs)
    assert "KPI 达成情况（续）" in shown
    assert "分渠道达成率" in shown
    # the chart's 40 bars (core KPIs, then the lowest rates) run over two slides of 20
    assert "各 KPI 达成率（续）" in shown
    bars = [c for c in charts(prs) if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    assert [len(c.series[0].values) for c in bars] == [20, 20, 4]  # and the 4 channels
    tables = [s.shapes for s in prs.slides if "KPI 达成情况" in s.shapes.title.text_frame.text]
    header = [c.text for c in next(sh for sh in tables[0] if sh.has_table).table.rows[0].cells]
    rows = 0
    for shapes in tables:
        table = next(sh for sh in shapes if sh.has_table).table
        assert [c.text for c in table.rows[0].cells] == header  # the header repeats
        rows += len(table.rows) - 1
    assert rows == 50


def test_long_cells_are_shortened_with_the_full_text_in_the_notes(tmp_path: Path) -> None:
    data = example_data()
    long_zh = "物料延误导致上线推迟，" * 30  # 300 characters
    long_en = ("The landing page asked for too much before the offer was shown. " * 5)[:300]
    for p in data["problems"]:
        p["problem"], p["root_cause"], p["action"] = long_zh, long_en, long_zh
    for x in data["lessons"]:
        x["lesson"], x["evidence"] = long_en, long_zh
    data["info"]["key_question"] = long_zh
    data["kpis"][0]["metric"] = long_zh
    prs = deck(write(tmp_path / "long.xlsx", data), tmp_path / "long.pptx")
    assert _outside(prs) == []
    all_notes = "\n".join(notes(s) for s in prs.slides)
    assert long_zh in all_notes and long_en in all_notes
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        assert len(cell.text) < 300


def test_text_from_the_workbook_stays_text(tmp_path: Path) -> None:
    data = example_data()
    data["kpis"][0]["metric"] = '<b>曝光</b> & "量"'
    data["problems"][0]["action"] = "<script>alert(1)</script> &amp; </a:t>"
    prs = deck(write(tmp_path / "h.xlsx", data), tmp_path / "h.pptx")
    cells = [
        c.text
        for s in prs.slides
        for sh in s.shapes
        if sh.has_table
        for r in sh.table.rows
        for c in r.cells
    ]
    assert '<b>曝光</b> & "量"' in cells
    assert "<script>alert(1)</script> &amp; </a:t>" in cells


def test_text_estimates_count_cjk_as_two_widths() -> None:
    assert line_count("abcd", 4) == 1
    assert line_count("汉字汉字", 4) == 2
    assert line_count("two words", 5) == 2
    short = shorten("汉" * 50, 10, 2)
    assert short.endswith("…") and line_count(short, 10) <= 2


def _master(path: Path, *, drop_title_slide: bool = False) -> Path:
    prs = Presentation()  # 4:3, Calibri: unlike the built-in 16:9 style
    for layout in prs.slide_layouts:
        layout.name = "ACME " + layout.name
    if drop_title_slide:
        for layout in list(prs.slide_layouts):
            kinds = {ph.placeholder_format.type for ph in layout.placeholders}
            if PP_PLACEHOLDER.SUBTITLE in kinds:
                prs.slide_layouts.remove(layout)
    slide = prs.slides.add_slide(prs.slide_layouts[0])  # a sample slide, to be dropped
    slide.shapes.title.text = "sample"
    prs.save(str(path))
    return path


def test_a_supplied_master_is_honoured(tmp_path: Path) -> None:
    master = _master(tmp_path / "acme.pptx")
    prs = deck(
        ROOT / "examples" / "summer-promo-2024.xlsx", tmp_path / "d.pptx", "--template", str(master)
    )
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert all(s.slide_layout.name.startswith("ACME ") for s in prs.slides)
    assert "sample" not in titles(prs)
    assert _outside(prs) == []
    run = prs.slides[3].placeholders[1].text_frame.paragraphs[0].runs[0]
    assert run.font._rPr.find(f"{A}latin").get("typeface") == "Calibri"  # the master's font


def test_a_master_without_a_needed_layout_is_refused_in_one_line(tmp_path: Path) -> None:
    master = _master(tmp_path / "acme.pptx", drop_title_slide=True)
    out = tmp_path / "d.pptx"
    proc = run_cli(
        "report",
        str(ROOT / "examples" / "summer-promo-2024.en.xlsx"),
        "-o",
        str(out),
        "--template",
        str(master),
        "--lang",
        "en",
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "title slide" in proc.stderr and "acme.pptx" in proc.stderr
    assert not out.exists()


def test_the_master_is_an_input_never_an_output(tmp_path: Path) -> None:
    """-o naming the company's master would replace it with one deck."""
    master = _master(tmp_path / "acme.pptx")
    before = master.read_bytes()
    book = str(ROOT / "examples" / "summer-promo-2024.xlsx")
    proc = run_cli("report", book, "--template", str(master), "-o", str(master), "--lang", "en")
    assert proc.returncode == 2 and "would overwrite" in proc.stderr
    assert master.read_bytes() == before


@pytest.mark.parametrize(
    "content,said",
    [
        (None, "it is an Excel workbook, not a presentation"),
        (b"not a zip at all", "it is not an Office file, or it has a password to open"),
    ],
)
def test_a_master_that_is_no_presentation_says_what_it_is(
    tmp_path: Path, content: bytes | None, said: str
) -> None:
    master = tmp_path / "master.pptx"
    if content is None:
        master.write_bytes((ROOT / "examples" / "summer-promo-2024.xlsx").read_bytes())
    else:
        master.write_bytes(content)
    book = str(ROOT / "examples" / "summer-promo-2024.xlsx")
    proc = run_cli("report", book, "--template", str(master), "-o", str(tmp_path / "d.pptx"),
                   "--lang", "en")  # fmt: skip
    assert proc.returncode == 2 and said in proc.stderr and "Error" not in proc.stderr


def test_python_pptx_is_not_imported_for_help() -> None:
    code = (
        "import sys; sys.argv=['retrokit','--help']\n"
        "from retrokit.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pptx' in sys.modules, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "False"


def _pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", out).group(1))  # type: ignore[union-attr]
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_libreoffice_shows_one_page_per_slide(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "d.pptx"
    prs = deck(ROOT / "examples" / "summer-promo-2024.xlsx", out, "--lang", lang)
    pdf = libreoffice_convert(out, tmp_path / "pdf", "pdf")
    assert _pdf_pages(pdf) == len(prs.slides)


def test_the_example_deck_in_examples_is_current(tmp_path: Path) -> None:
    # `make examples` writes it; the bytes belong to python-pptx's version, the slides to us
    committed = Presentation(str(ROOT / "examples" / "summer-promo-2024.pptx"))
    fresh = deck(
        ROOT / "examples" / "summer-promo-2024.xlsx",
        tmp_path / "d.pptx",
        "--presenter",
        "张经理",
        "--plan",
        str(ROOT / "examples" / "summer-promo-2024.plan.xlsx"),
    )
    assert "03" in " ".join(titles(fresh))  # the plan's sections are in it
    assert titles(committed) == titles(fresh)
    assert [notes(s) for s in committed.slides] == [notes(s) for s in fresh.slides]
