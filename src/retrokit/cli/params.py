"""Option values without pydantic for the plain cases, so a command does not import it.

typer (0.29 and later) converts every option value through a pydantic ``TypeAdapter``, built
for each parameter of the command being run: importing pydantic and building the adapters
costs about a tenth of a second on every start, more than linting a small folder. The values
retrokit's options take in practice (a path, a word, a whole or decimal number, a flag,
lists of those) are converted here as pydantic converts them; anything else (an empty or unusual
number, a flag given a value, a parameter with a parser, a range or path checks) goes to
typer's own conversion, built only then.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_INT = re.compile(r"[+-]?[0-9]{1,18}")
_FLOAT = re.compile(r"[+-]?[0-9]{1,15}(?:\.[0-9]{1,15})?")
_NO_VALUE = object()


def install() -> None:
    """Make typer build the runtime conversion of each parameter with :func:`_build`; does
    nothing with a typer that converts another way."""
    try:
        import typer.core as core
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:  # pragma: no cover - an older or newer typer
        return
    if getattr(core, "build_runtime_param", None) is not build_runtime_param:
        return  # pragma: no cover - already installed, or typer changed

    class _Plain(RuntimeParam):
        """A str, Path, int, float or bool parameter (or a list of them), converted here when the
        value is plain, else by typer's own conversion."""

        _descriptor: Any
        _leaf: type
        _many: bool
        _typer: Any

        def __init__(self, descriptor: Any, leaf: type, many: bool) -> None:
            object.__setattr__(self, "parameter_info", descriptor.parameter_info)
            object.__setattr__(self, "annotation", descriptor.annotation)
            object.__setattr__(self, "_descriptor", descriptor)
            object.__setattr__(self, "_leaf", leaf)
            object.__setattr__(self, "_many", many)
            object.__setattr__(self, "_typer", None)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self._many:
                if isinstance(value, (list, tuple)):
                    items = [self._one(item, param, ctx) for item in value]
                    if _NO_VALUE not in items:
                        return items
            else:
                one = self._one(value, param, ctx)
                if one is not _NO_VALUE:
                    return one
            if self._typer is None:
                object.__setattr__(self, "_typer", build_runtime_param(self._descriptor))
            return self._typer._coerce_value(value, param=param, ctx=ctx)

        def _one(self, value: Any, param: Any, ctx: Any) -> Any:
            leaf = self._leaf
            if leaf is bool:
                return value if isinstance(value, bool) else _NO_VALUE
            if not isinstance(value, str):
                return _NO_VALUE
            if leaf is str:
                return value
            if leaf is Path:
                return coerce_cli_path(
                    Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            if leaf is int:
                return int(value) if _INT.fullmatch(value) else _NO_VALUE
            return float(value) if _FLOAT.fullmatch(value) else _NO_VALUE

    def _build(descriptor: Any) -> Any:
        plain = _plain_leaf(descriptor)
        if plain is None:
            return build_runtime_param(descriptor)
        return _Plain(descriptor, *plain)

    setattr(core, "build_runtime_param", _build)  # noqa: B010 - not exported by typer


def _plain_leaf(descriptor: Any) -> tuple[type, bool] | None:
    """(leaf type, is a list) of a parameter converted here, or None for typer's way."""
    from typing import get_args, get_origin

    info = descriptor.parameter_info
    if (
        descriptor.file_annotation is not None
        or info.parser is not None
        or getattr(info, "click_type", None) is not None
        or info.min is not None
        or info.max is not None
        or getattr(info, "path_type", None) is not None
        or getattr(info, "allow_dash", False)
        or getattr(info, "resolve_path", False)
    ):
        return None
    annotation, many = descriptor.annotation, False
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation) or (None,)
        many = True
    if annotation not in (str, Path, int, float, bool):
        return None
    return annotation, many
