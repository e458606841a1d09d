"""The configuration: ``[tool.retrokit]`` in pyproject.toml, or retrokit.toml / .retrokit.toml.

Unknown keys, codes and values are errors (exit 2), never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrokit.errors import UsageError
from retrokit.findings import Severity
from retrokit.method import DEFAULT_THRESHOLD, DirectionWords
from retrokit.rules import BLAME_WORDS, OPINION_WORDS, REGISTRY, Settings
from retrokit.rules.registry import RENAMED
from retrokit.workbook.schema import Lang

CONFIG_FILES = ("retrokit.toml", ".retrokit.toml", "pyproject.toml")
CONFIG_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "severity",
    "threshold",
    "opinion-words",
    "blame-words",
    "lang",
    "lower-is-better",
    "higher-is-better",
}


class ConfigError(UsageError):
    """A configuration that does not parse or names unknown keys or codes (exit 2). The detail
    is a catalogue key too (``config.*``), so the whole line is in the reader's language."""

    def __init__(self, where: str, detail: str, **args: object) -> None:
        super().__init__("err.config", where=where, detail=detail)
        self.detail_args = args

    def message(self, lang: Lang = "zh-CN") -> str:
        from retrokit.i18n import t

        detail = t(str(self.args_["detail"]), lang, **self.detail_args)
        return t(self.key, lang, where=self.args_["where"], detail=detail)


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    #: The "met" threshold the team configured; None leaves it to each workbook (its meta cell)
    #: and then to DEFAULT_THRESHOLD.
    threshold: float | None = None
    opinion_words: tuple[str, ...] = ()
    blame_words: tuple[str, ...] = ()
    #: A team's own words for KPI names: a name containing one takes that direction.
    lower_is_better: tuple[str, ...] = ()
    higher_is_better: tuple[str, ...] = ()
    lang: Lang | None = None
    source: str | None = None


def base_code(code: str) -> str:
    return code.split(".")[0]


def sub_check(key: str) -> str | None:
    """The sub-check (P007.team, S003.plan) a finding's message key belongs to, if any: the
    key itself, or its head before an ``_`` variant (S003.plan_field)."""
    if "." not in key:
        return None
    if key in REGISTRY:
        return key
    head = key.split("_")[0]
    return head if head in REGISTRY else None


def resolve_selector(selector: str, where: str) -> set[str]:
    """Codes named by a selector: a code (A001), a prefix (A), a rule name, or ALL; a
    sub-check's name or key (owner-not-on-team, P007.team) names just that sub-check."""
    s = selector.strip()
    codes = {base_code(c) for c in REGISTRY}
    if s.upper() == "ALL":
        return codes
    # A sub-check (P007.team, owner-not-on-team) is itself: selecting or ignoring it leaves
    # the rest of its code alone. A code's own name is the whole code.
    by_name = {r.name: r.code if "." in r.code else base_code(r.code) for r in REGISTRY.values()}
    if s in by_name:
        return {by_name[s]}
    if s in RENAMED:  # a rule's former name: the codes it named
        return set(RENAMED[s])
    code, dot, sub = s.partition(".")
    if dot and f"{code.upper()}.{sub}" in REGISTRY:  # p007.team as P007.team
        return {f"{code.upper()}.{sub}"}
    matched = {c for c in codes if c.startswith(s.upper())} if s else set()
    if not matched:
        raise ConfigError(where, "config.unknown_selector", selector=selector)
    return matched


def codes_of(items: Iterable[str], where: str) -> set[str]:
    out: set[str] = set()
    for item in items:
        for part in str(item).split(","):
            if part.strip():
                out |= resolve_selector(part, where)
    return out


def _as_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(where, "config.not_a_list", name=key)


def parse_config(data: dict[str, Any], where: str) -> Config:
    """Validate a [tool.retrokit] table; unknown keys or codes are errors, not ignored."""
    unknown = sorted(set(data) - CONFIG_KEYS)
    if unknown:
        raise ConfigError(where, "config.unknown_key", name=unknown[0])
    cfg: dict[str, Any] = {"source": where}
    for key in (
        "select",
        "ignore",
        "extend-select",
        "opinion-words",
        "blame-words",
        "lower-is-better",
        "higher-is-better",
    ):
        if key in data:
            cfg[key.replace("-", "_")] = _as_list(data[key], key, where)
    for key in ("select", "ignore", "extend_select"):
        if key in cfg:
            codes_of(cfg[key], where)
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(where, "config.not_a_table", name="per-file-ignores")
        pfi = []
        for pattern, codes in table.items():
            listed = _as_list(codes, f"per-file-ignores.{pattern}", where)
            codes_of(listed, where)
            pfi.append((pattern, listed))
        cfg["per_file_ignores"] = tuple(pfi)
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise ConfigError(where, "config.not_a_table", name="severity")
        sev = []
        for code, level in table.items():
            # Each code a selector names (A001, a rule's or a sub-check's name, P007.team).
            named = codes_of([code], where)
            try:
                sev += [(c, Severity(str(level))) for c in sorted(named)]
            except ValueError:
                raise ConfigError(where, "config.bad_severity", level=level) from None
        cfg["severity"] = tuple(sev)
    if "threshold" in data:
        value = data["threshold"]
        if not isinstance(value, int | float) or not 0 < value <= 1:
            raise ConfigError(where, "config.bad_threshold")
        cfg["threshold"] = float(value)
    if "lang" in data:
        from retrokit.i18n import check_lang

        value = data["lang"]
        try:  # as --lang reads it: zh-HK and zh-Hant are zh-TW, en-GB is en
            cfg["lang"] = check_lang(value if isinstance(value, str) else "")
        except ValueError:
            raise ConfigError(where, "config.unknown_lang", value=value) from None
    return Config(**cfg)


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The named config file, or the first one found walking up from ``start``."""
    if path is not None:
        return _load_file(path, required=True) or Config()
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                cfg = _load_file(candidate, required=False)
                if cfg is not None:
                    return cfg
    return Config()


def _load_file(path: Path, required: bool) -> Config | None:
    import tomllib  # only where a config file is found

    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(where, "config.not_found") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib says where in English: keep the place, word the rest from the catalogue.
        at = re.search(r"line (\d+), column (\d+)", str(exc))
        if at:
            raise ConfigError(
                where, "config.toml_at", line=at.group(1), column=at.group(2)
            ) from None
        raise ConfigError(where, "config.toml") from None
    except (UnicodeDecodeError, OSError):
        raise ConfigError(where, "config.unreadable") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("retrokit")
        if table is None:
            return Config(source=where) if required else None
        return parse_config(table, where)
    tool = data.get("tool")
    nested = tool.get("retrokit") if isinstance(tool, dict) and set(data) == {"tool"} else None
    if isinstance(nested, dict) and set(tool) == {"retrokit"}:  # type: ignore[arg-type]
        # A retrokit.toml that copied the [tool.retrokit] header from pyproject.toml means the
        # same settings; any other key beside it is still refused by parse_config.
        return parse_config(nested, where)
    return parse_config(data, where)


def settings_from(config: Config, today: dt.date | None, threshold: float | None) -> Settings:
    """What the checks need: the config, with --today and --threshold when given.

    The "met" threshold in force: --threshold, else the config's, else the workbook's own (the
    cell its result formulas read; :meth:`Settings.for_workbook` applies it), else
    DEFAULT_THRESHOLD."""
    given = threshold if threshold is not None else config.threshold
    return Settings(
        today=today or dt.date.today(),
        threshold=DEFAULT_THRESHOLD if given is None else given,
        threshold_from_workbook=given is None,
        opinion_words=OPINION_WORDS + config.opinion_words,
        blame_words=BLAME_WORDS + config.blame_words,
        direction_words=DirectionWords(config.lower_is_better, config.higher_is_better),
    )
