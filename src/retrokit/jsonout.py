"""JSON written as it is produced, so a result of any size never sits in memory as one string.

Top-level keys stand on their own lines; a mapping value has one key per line and a list value
one item per line, each written compactly by the C encoder. That keeps a 100,000-row result
quick to write and still easy to read and diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

_encode = json.JSONEncoder(ensure_ascii=False).encode


def _write_block(stream: TextIO, items: Iterable[str], brackets: str) -> None:
    """One item per line at the second level, or the empty brackets."""
    written = False
    for item in items:
        stream.write(("," if written else brackets[0]) + "\n    " + item)
        written = True
    stream.write("\n  " + brackets[1] if written else brackets)


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
            _write_block(stream, map(_encode, value), "[]")
    stream.write("\n}\n")
