"""JSON written as it is produced, so a result of any size never sits in memory as one string.

Top-level keys stand on their own lines; a mapping value has one key per line and a list of
objects one object per line, written compactly by the C encoder a thousand at a time. That
keeps a 100,000-row result quick to write and still easy to read and diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, TextIO

from retrokit.text import json_safe

_raw_encode = json.JSONEncoder(ensure_ascii=False).encode


def _encode(value: Any) -> str:
    return json_safe(_raw_encode(value))


#: Items encoded per call: one call of the C encoder for many rows instead of one each.
_CHUNK = 1024


def _write_block(stream: TextIO, items: Iterable[str], brackets: str) -> None:
    """One item per line at the second level, or the empty brackets."""
    written = False
    for item in items:
        stream.write(("," if written else brackets[0]) + "\n    " + item)
        written = True
    stream.write("\n  " + brackets[1] if written else brackets)


def encode_items(values: Iterable[Any], indent: str = "    ") -> Iterator[str]:
    """The items of a list as JSON, a chunk of them per string, each object of a chunk on its
    own line after ``indent``; chunks are to be joined with a comma, a newline and ``indent``."""
    it = iter(values)
    while chunk := list(islice(it, _CHUNK)):
        text = _encode(chunk)[1:-1]
        first = chunk[0]
        key = next(iter(first), None) if isinstance(first, dict) else None
        if isinstance(key, str):
            # Where one object ends and the next begins. Only there can "}, {" stand before a
            # quoted key and ": " (inside a string a quote is escaped, and after a string's
            # closing quote comes punctuation), so this never reaches into a value.
            seam = "}, {" + _encode(key) + ": "
            text = text.replace(seam, "},\n" + indent + seam[3:])
        yield text


def write_document(document: Mapping[str, Any], stream: TextIO) -> None:
    """Write ``document``; its list, tuple and iterator values are written item by item."""
    stream.write("{")
    for i, (key, value) in enumerate(document.items()):
        stream.write(("," if i else "") + "\n  " + _encode(key) + ": ")
        if isinstance(value, Mapping):
            pairs = (_encode(k) + ": " + _encode(v) for k, v in value.items())
            _write_block(stream, pairs, "{}")
        elif isinstance(value, str) or not isinstance(value, Iterable):
            stream.write(_encode(value))
        else:
            _write_block(stream, encode_items(value), "[]")
    stream.write("\n}\n")
