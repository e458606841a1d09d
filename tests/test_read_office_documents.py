"""A Word or PowerPoint file given as a workbook is named for what it is (F001, exit 2)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import libreoffice_convert, run_cli
from retrokit.errors import UnreadableWorkbook
from retrokit.workbook.reader import read_workbook


def _presentation(path: Path) -> Path:
    from pptx import Presentation

    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "复盘"
    deck.save(str(path))
    return path


def test_a_renamed_presentation_is_named_a_presentation(tmp_path: Path) -> None:
    renamed = tmp_path / "复盘.xlsx"
    _presentation(tmp_path / "deck.pptx").rename(renamed)
    with pytest.raises(UnreadableWorkbook) as info:
        read_workbook(renamed)
    assert info.value.reason == "reason.presentation"
    for lang, word in (("zh-CN", "演示文稿"), ("zh-TW", "簡報"), ("en", "PowerPoint")):
        proc = run_cli("lint", str(renamed), "--lang", lang)
        assert proc.returncode == 1, proc.stderr  # lint reports F001 and goes on
        assert "F001" in proc.stdout and word in proc.stdout
        assert "xl/workbook.xml" not in proc.stdout
    proc = run_cli("analyze", str(renamed), "--lang", "en")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "PowerPoint presentation" in proc.stderr


def _word_document(path: Path) -> Path:
    """The parts of a minimal .docx, as Word writes them (no Writer on the test machines)."""
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{main}">'
            "<w:body><w:p><w:r><w:t>复盘纪要</w:t></w:r></w:p></w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def test_a_renamed_word_document_is_named_a_word_document(tmp_path: Path) -> None:
    renamed = _word_document(tmp_path / "notes.xlsx")
    with pytest.raises(UnreadableWorkbook) as info:
        read_workbook(renamed)
    assert info.value.reason == "reason.word_document"
    proc = run_cli("report", str(renamed), "-o", str(tmp_path / "r.html"), "--lang", "zh-CN")
    assert proc.returncode == 2
    assert "Word 文档" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert "两种读法" not in proc.stderr


def test_a_presentation_resaved_by_libreoffice_is_named_a_presentation(tmp_path: Path) -> None:
    deck = libreoffice_convert(
        _presentation(tmp_path / "deck.pptx"),
        tmp_path / "lo",
        "pptx:Impress MS PowerPoint 2007 XML",
    )
    renamed = deck.rename(tmp_path / "deck.xlsx")
    with pytest.raises(UnreadableWorkbook) as info:
        read_workbook(renamed)
    assert info.value.reason == "reason.presentation"
