"""User-facing text in every registered language: the language registry and the catalogue.

The registry (:mod:`retrokit.i18n.languages`) is small and imported by the workbook schema; the
catalogue (:mod:`retrokit.i18n.catalogue`) is loaded on the first :func:`t`, so importing this
package costs nothing at start-up.
"""

from __future__ import annotations

from functools import lru_cache

from retrokit.i18n.languages import DEFAULT_LANG, LANGS, Lang, pick

__all__ = ["DEFAULT_LANG", "LANGS", "Lang", "check_lang", "has", "keys", "t"]


def _catalogue() -> dict[str, dict[str, str]]:
    from retrokit.i18n.catalogue import CATALOGUE

    return CATALOGUE


@lru_cache(maxsize=1024)
def _template(key: str, lang: Lang) -> str:
    return str(pick(_catalogue()[key], lang))


def t(key: str, lang: Lang = DEFAULT_LANG, **args: object) -> str:
    """The catalogue text for ``key`` in ``lang`` with ``args`` filled in."""
    return _template(key, lang).format(**args)


def has(key: str) -> bool:
    return key in _catalogue()


def keys() -> list[str]:
    return list(_catalogue())


def check_lang(value: str) -> Lang:
    """Normalise a --lang option value (zh-cn, zh_TW, EN ...) or raise ValueError."""
    for lang in LANGS:
        if value.replace("_", "-").casefold() == lang.casefold():
            return lang
    raise ValueError(value)
