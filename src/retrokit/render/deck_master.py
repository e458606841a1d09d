"""The master a deck is laid out on: a company's own (``--template``) or the built-in one.

A company's layouts are found by their placeholder types (a title slide with a subtitle, and a
title with a body), never by name, since masters name them in their own language; a master
lacking one is refused with a message naming it. Sample slides in the master file are dropped.
Without a template, python-pptx's default master is widened to 16:9.

The theme's fonts are kept; where it names no East Asian typeface, the script's CJK font is
used (and, in the built-in master, written into the theme for text typed later).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrokit.errors import UsageError
from retrokit.i18n import t
from retrokit.i18n.languages import language
from retrokit.workbook.schema import Lang

WIDE = (12192000, 6858000)  # 16:9, 13.33 x 7.5 in

#: The East Asian typeface when the master names none: the one Office ships for the script.
CJK_FONT = {"zh-TW": "Microsoft JhengHei"}
CJK_DEFAULT = "Microsoft YaHei"


@dataclass(frozen=True)
class Fonts:
    major_latin: str
    major_ea: str
    minor_latin: str
    minor_ea: str


@dataclass(frozen=True)
class Rect:
    left: int
    top: int
    width: int
    height: int


@dataclass
class Master:
    prs: Any
    title: Any  # the title slide layout
    content: Any  # title and body
    title_only: Any | None
    fonts: Fonts
    body: Rect  # where the content layout puts its body, within the slide


def _types(layout: Any) -> set[Any]:
    return {ph.placeholder_format.type for ph in layout.placeholders}


def find_layouts(prs: Any, path: Path | None, lang: Lang) -> tuple[Any, Any, Any | None]:
    """The title, content and title-only layouts, by their placeholder types; a UserError
    naming what is missing when the master lacks the title or the content layout."""
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    titles, bodies = {P.TITLE, P.CENTER_TITLE}, {P.BODY, P.OBJECT}
    others = bodies | {P.SUBTITLE, P.TABLE, P.CHART, P.PICTURE, P.VERTICAL_BODY}
    title = content = title_only = None
    for layout in prs.slide_layouts:
        kinds = _types(layout)
        if title is None and kinds & titles and P.SUBTITLE in kinds:
            title = layout
        if content is None and P.TITLE in kinds and kinds & bodies and P.SUBTITLE not in kinds:
            content = layout
        if title_only is None and P.TITLE in kinds and not kinds & others:
            title_only = layout
    missing = [
        t(key, lang)
        for key, found in (("deck.layout.title", title), ("deck.layout.content", content))
        if found is None
    ]
    if missing:
        raise UsageError(
            "err.deck_layout", path=path or "-", missing=language(lang).list_separator.join(missing)
        )
    return title, content, title_only


def _theme(prs: Any) -> Any:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    return prs.slide_master.part.part_related_by(RT.THEME)


_FONT = re.compile(
    rb'(<a:(major|minor)Font>\s*<a:latin typeface=")([^"]*)("[^>]*/>\s*<a:ea typeface=")([^"]*)"'
)


def theme_fonts(prs: Any, lang: Lang, fill: bool) -> Fonts:
    """The theme's heading and body typefaces; an empty East Asian one becomes the script's
    CJK font (``fill`` writes that into the theme too, for text typed later)."""
    part = _theme(prs)
    cjk = CJK_FONT.get(lang, CJK_DEFAULT)
    found: dict[bytes, tuple[str, str]] = {}

    def sub(m: re.Match[bytes]) -> bytes:
        ea = m.group(5).decode() or cjk
        found[m.group(2)] = (m.group(3).decode() or "Arial", ea)
        return m.group(1) + m.group(3) + m.group(4) + ea.encode() + b'"'

    blob = _FONT.sub(sub, part.blob)
    if fill:
        part._blob = blob  # python-pptx keeps a theme as a plain blob
    major = found.get(b"major", ("Arial", cjk))
    minor = found.get(b"minor", major)
    return Fonts(major[0], major[1], minor[0], minor[1])


def _widen(prs: Any) -> None:
    """The built-in 4:3 master stretched to 16:9: each placeholder's own x and width."""
    from pptx.util import Emu

    k = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = Emu(WIDE[0]), Emu(WIDE[1])
    for owner in [*prs.slide_layouts, prs.slide_master]:
        for shape in owner.shapes:
            if shape._element.xpath("./p:spPr/a:xfrm"):
                shape.left, shape.width = Emu(int(shape.left * k)), Emu(int(shape.width * k))


def _what_it_is(path: Path) -> str:
    """What a file that python-pptx cannot open is, for the message: a workbook, a Word
    document, a file that is no Office package at all (or one with a password, which makes it
    a different container), or a damaged presentation."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return "not_office"
    if any(n.startswith("xl/") for n in names):
        return "workbook"
    if any(n.startswith("word/") for n in names):
        return "document"
    return "damaged"


def open_master(template: Path | None, lang: Lang) -> Master:
    """The company's master, or the built-in one widened to 16:9 with CJK fonts."""
    from pptx import Presentation

    if template is None:
        prs = Presentation()
        _widen(prs)
    else:
        try:
            prs = Presentation(str(template))
        except Exception as exc:  # python-pptx raises whatever the zip or XML layer raises
            reason = ("i18n", f"deck.template.{_what_it_is(template)}")
            raise UsageError("err.deck_template", path=template, reason=reason) from exc
        _drop_slides(prs)
    title, content, title_only = find_layouts(prs, template, lang)
    fonts = theme_fonts(prs, lang, fill=template is None)
    body = body_of(content)
    rect = _clamp(prs, body.left, body.top, body.width, body.height)
    return Master(prs, title, content, title_only, fonts, rect)


def body_of(owner: Any) -> Any:
    """The body (or object) placeholder of a layout or a slide."""
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    return next(ph for ph in owner.placeholders if ph.placeholder_format.type in (P.BODY, P.OBJECT))


def _clamp(prs: Any, left: int, top: int, width: int, height: int) -> Rect:
    sw, sh = int(prs.slide_width), int(prs.slide_height)
    left, top = max(0, int(left)), max(0, int(top))
    return Rect(left, top, min(int(width), sw - left), min(int(height), sh - top))


def _drop_slides(prs: Any) -> None:
    """A master file may hold sample slides; the deck starts without them."""
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)
