"""Formatters of lint findings: they only format, they never check.

Each ``retrokit lint --format`` is one `Formatter` subclass, fed the way flake8 feeds its
formatters: `Formatter.start` once, `Formatter.handle` for each finding as the engine yields it,
then `Formatter.stop` with the files checked (known only at the end). Streaming is the only
mode: the machine formats write each finding as it comes, so linting thousands of workbooks
never holds their findings; a format whose head or grouping needs the whole set (text's groups
and summary, junit's counts) keeps what it must, as text, inside its own class.
`write_findings` is the one entry point the CLI calls.

Adding a format is one class; defining it registers it in `FORMATTERS` under its ``name``
(a second class with a name already taken is refused)::

    class Checkstyle(Formatter):
        '''Checkstyle XML, one <file> per finding.'''

        name = "checkstyle"

        def start(self) -> str:
            return '<?xml version="1.0" encoding="UTF-8"?>\\n<checkstyle>\\n'

        def handle(self, finding: Finding) -> str:
            return f"<file name={quoteattr(shown_path(finding.file))}>...</file>\\n"

        def stop(self, files: Sequence[str]) -> str:
            return "</checkstyle>\\n"

``self.lang`` is the language messages are shown in (``None``: each workbook's own). A format
that can encode many findings at once faster than one by one overrides `Formatter.handle_all`
too; tests/test_lint_formats.py checks that both paths give the same bytes for every format.
The ``--format`` help text of the lint command names the formats; add the new name there.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any, ClassVar

from retrokit import __version__
from retrokit.findings import Finding, Severity
from retrokit.i18n import t
from retrokit.i18n.languages import DEFAULT_LANG, LANGS, asked_lang, environment_lang
from retrokit.lint.config import base_code, sub_check
from retrokit.lint.selection import shown_path
from retrokit.render.jsonout import encode_items
from retrokit.rules import REGISTRY, rules
from retrokit.text import clean_terminal, json_safe
from retrokit.workbook.schema import Lang

_raw_encode = json.JSONEncoder(ensure_ascii=False).encode


def _encode(value: Any) -> str:
    return json_safe(_raw_encode(value))


class Formatter:
    """One output format of `retrokit lint`; subclasses register themselves by ``name``."""

    #: The ``--format`` value; empty on a base that is not a format of its own.
    name: ClassVar[str] = ""
    #: The file suffixes ``-o`` may name for this format (and that choose it when ``--format``
    #: is not given); none for plain text, which any text file may hold.
    suffixes: ClassVar[tuple[str, ...]] = ()
    #: True for a format that ends with the findings per code anyway (``--statistics`` adds
    #: nothing to it: the table would come twice).
    has_statistics: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.name:
            return
        if cls.name in FORMATTERS:
            taken = FORMATTERS[cls.name].__qualname__
            raise ValueError(f"lint format {cls.name!r} is already registered by {taken}")
        FORMATTERS[cls.name] = cls

    def __init__(self, lang: Lang | None) -> None:
        self.lang = lang

    def start(self) -> str:
        """What comes before the first finding."""
        return ""

    def handle(self, finding: Finding) -> str:
        """The text of one finding (empty when the format holds it back until `stop`)."""
        raise NotImplementedError

    def handle_all(self, findings: Iterable[Finding]) -> Iterator[str]:
        """The text of many findings in a row: the same bytes as `handle` on each of them."""
        handle = self.handle
        for finding in findings:
            if text := handle(finding):
                yield text

    def stop(self, files: Sequence[str]) -> str:
        """What comes after the last finding; ``files`` are the workbooks checked."""
        return ""


FORMATTERS: dict[str, type[Formatter]] = {}


def write_findings(
    name: str,
    findings: Iterable[Finding],
    files: Callable[[], Sequence[str]],
    lang: Lang | None,
) -> Iterator[str]:
    """The findings in format ``name``, chunk by chunk; ``files()`` is asked once they ran out."""
    formatter = FORMATTERS[name](lang)
    yield formatter.start()
    yield from formatter.handle_all(findings)
    yield formatter.stop(files())


def _location(f: Finding) -> str:
    path = shown_path(f.file)
    return f"{path}:{f.where}" if f.where else path


@cache  # asked once per finding: three severities, a few languages
def severity_word(severity: Severity, lang: Lang) -> str:
    """A severity as people read it (警告, warning): the human-read formats word it in the
    run's language; the machine formats keep the fixed token ``severity.value``."""
    return t(f"severity.{severity.value}", lang)


def _line(f: Finding, lang: Lang | None, *, worded: bool = True) -> str:
    """One finding on one line: where, code, [severity], message. The severity is worded in the
    message's language; ``worded=False`` keeps the English token (JUnit's detail)."""
    sev = severity_word(f.severity, lang or f.lang) if worded else f.severity.value
    return clean_terminal(f"{_location(f)} {f.code} [{sev}] {f.message(lang)}")


#: What a line of the statistics counts: a code, its rule's (or sub-check's) name, a severity.
StatKey = tuple[str, str, Severity]


def stat_key(finding: Finding) -> StatKey:
    """The statistics line a finding counts on: P007 [error] and P007's owner-not-on-team
    [info] are two lines, each with its own name and severity."""
    rule = REGISTRY[sub_check(finding.key) or base_code(finding.code)]
    return finding.code, rule.name, finding.severity


def statistics(counts: Counter[StatKey], lang: Lang | None = None) -> str:
    """Findings per code, name and severity, most frequent first; the severity in ``lang``
    (None: the environment's language, as the summary line is)."""
    lang = lang or environment_lang()
    lines = [
        f"{n:>6}  {code}  {name}  [{severity_word(severity, lang)}]"
        for (code, name, severity), n in sorted(
            counts.items(), key=lambda kv: (-kv[1], kv[0][0], -kv[0][2].rank)
        )
    ]
    return "".join(line + "\n" for line in lines)


class Text(Formatter):
    """Grouped by file, then a summary by code and the totals."""

    name = "text"
    has_statistics = True

    def __init__(self, lang: Lang | None) -> None:
        super().__init__(lang)
        # Cross-file findings come last but belong under their file: lines wait until stop.
        self._by_file: dict[str, list[str]] = {}
        self._codes: Counter[StatKey] = Counter()
        self._severities: Counter[Severity] = Counter()
        self._langs: set[str] = set()

    def handle(self, finding: Finding) -> str:
        self._by_file.setdefault(finding.file, []).append("  " + _line(finding, self.lang) + "\n")
        self._codes[stat_key(finding)] += 1
        self._severities[finding.severity] += 1
        self._langs.add(finding.lang)
        return ""

    def _summary_lang(self) -> Lang:
        """The language of the statistics and the summary line: --lang (or the config's), else
        the one the environment names, else that of every finding when they share one (an
        English folder linted on a CI runner's C locale is summed up in English), else zh-CN."""
        chosen = self.lang or asked_lang()
        if chosen is not None:
            return chosen
        shared = [lang for lang in LANGS if self._langs == {lang}]
        return shared[0] if shared else DEFAULT_LANG

    def stop(self, files: Sequence[str]) -> str:
        out = [
            clean_terminal(shown_path(file)) + "\n" + "".join(lines) + "\n"
            for file, lines in self._by_file.items()
        ]
        lang = self._summary_lang()
        out.append(statistics(self._codes, lang))
        sev = self._severities
        out.append(
            t(
                "lint.summary",
                lang,
                files=len(files),
                errors=sev[Severity.ERROR],
                warnings=sev[Severity.WARNING],
                infos=sev[Severity.INFO],
            )
            + "\n"
        )
        return "".join(out)


class Concise(Formatter):
    """One line per finding: where, code, severity, message."""

    name = "concise"

    def handle(self, finding: Finding) -> str:
        return _line(finding, self.lang) + "\n"


class Json(Formatter):
    """An array with one finding per line."""

    name = "json"
    suffixes = (".json",)

    def __init__(self, lang: Lang | None) -> None:
        super().__init__(lang)
        self._written = False

    def start(self) -> str:
        return "["

    def handle(self, finding: Finding) -> str:
        sep = "," if self._written else ""
        self._written = True
        return sep + "\n  " + _encode(finding.to_json(self.lang))

    def handle_all(self, findings: Iterable[Finding]) -> Iterator[str]:
        # The C encoder a thousand findings at a time rather than one call each.
        lang = self.lang
        for chunk in encode_items((f.to_json(lang) for f in findings), "  "):
            yield ("," if self._written else "") + "\n  " + chunk
            self._written = True

    def stop(self, files: Sequence[str]) -> str:
        return "\n]\n"


class JsonLines(Formatter):
    """One JSON object per line."""

    name = "json-lines"
    suffixes = (".jsonl", ".ndjson")

    def handle(self, finding: Finding) -> str:
        return _encode(finding.to_json(self.lang)) + "\n"

    def handle_all(self, findings: Iterable[Finding]) -> Iterator[str]:
        # The C encoder a thousand at a time, as for json. A chunk holds a raw newline only
        # between two objects (the encoder escapes those inside strings), after their comma.
        lang = self.lang
        for chunk in encode_items((f.to_json(lang) for f in findings), ""):
            yield chunk.replace(",\n", "\n") + "\n"


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class Github(Formatter):
    """GitHub Actions workflow commands, one per finding."""

    name = "github"

    def handle(self, finding: Finding) -> str:
        f = finding
        # Cell text in a message: no escape sequence, bell or bidi override reaches the log.
        file = clean_terminal(shown_path(f.file))
        props = f"file={_gh_escape_prop(file)},title={_gh_escape_prop(f.code)}"
        body = clean_terminal(f"{f.where} {f.message(self.lang)}").strip()
        return f"::{GITHUB_LEVEL[f.severity]} {props}::{_gh_escape_data(body)}\n"


#: Markdown and HTML that cell text must not become in the job summary: tags (<details>,
#: <img>), images and links, emphasis, code spans, headings, tables.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md_cell(s: str) -> str:
    s = clean_terminal(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return s.replace("\r", " ").replace("\n", "<br>")


def summary_header(lang: Lang | None = None) -> str:
    """The head of the $GITHUB_STEP_SUMMARY table, in ``lang`` (None: the environment's);
    rows follow as findings stream."""
    lang = lang or environment_lang()
    heads = " | ".join(t(f"lint.column.{c}", lang) for c in ("file", "cell", "code", "severity"))
    message = t("lint.column.message", lang)
    return f"### retrokit lint\n\n| {heads} | {message} |\n|---|---|---|---|---|\n"


def summary_row(f: Finding, lang: Lang | None) -> str:
    """One finding as a row of the step summary: read by people, so worded in its language."""
    return (
        f"| {_md_cell(shown_path(f.file))} | {_md_cell(f.where)} | {f.code} | "
        f"{severity_word(f.severity, lang or f.lang)} | {_md_cell(f.message(lang))} |\n"
    )


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(f: Finding) -> str:
    key = "\x1f".join([f.code, shown_path(f.file), f.sheet or "", f.cell or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


_RULE_INDEX = {r.code: i for i, r in enumerate(rules())}


def sarif_result(f: Finding, lang: Lang | None) -> dict[str, Any]:
    """One SARIF result: the cell as a logical location and at the start of the message."""
    code = base_code(f.code)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": shown_path(f.file)},
            # A workbook has no lines: a placeholder region keeps code-scanning UIs happy.
            "region": {"startLine": 1},
        }
    }
    if f.where:
        location["logicalLocations"] = [{"fullyQualifiedName": f.where, "kind": "element"}]
    return {
        "ruleId": code,
        "ruleIndex": _RULE_INDEX[code],
        "level": SARIF_LEVEL[f.severity],
        "message": {"text": f"{f.where} {f.message(lang)}".strip()},
        "locations": [location],
        "partialFingerprints": {"retrokitCell/v1": fingerprint(f)},
    }


def rule_summary(code: str, docstring: str, lang: Lang) -> str:
    """A rule's one-line summary in ``lang``: the catalogue's, else (English) its docstring's."""
    from retrokit.i18n import has

    key = f"summary.{code}"
    return t(key, lang) if lang != "en" and has(key) else docstring


def _sarif_driver(lang: Lang) -> dict[str, Any]:
    """The tool and its rules, every text of them in ``lang`` (the results' language)."""
    driver_rules = []
    for r in rules():
        doc = t(f"doc.{r.code}", lang)
        driver_rules.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": rule_summary(r.code, r.summary, lang)},
                "fullDescription": {"text": doc.splitlines()[0]},
                "help": {"text": doc},
                "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            }
        )
    return {
        "name": "retrokit",
        "version": __version__,
        "informationUri": "https://pypi.org/project/retrokit/",
        "rules": driver_rules,
    }


class Sarif(Formatter):
    """A SARIF 2.1.0 log: the rule catalogue, then one compact result per line.

    The rules are described in the language the results are: ``--lang``'s, else (each workbook
    in its own) the first finding's, so the head waits for it; a run without findings has its
    head at the end, in the environment's language."""

    name = "sarif"
    suffixes = (".sarif", ".sarif.json")
    _MARKER = "@@retrokit-results@@"

    def __init__(self, lang: Lang | None) -> None:
        super().__init__(lang)
        self._written = False
        self._tail: str | None = None

    def _open(self, lang: Lang) -> str:
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{"tool": {"driver": _sarif_driver(lang)}, "results": self._MARKER}],
        }
        text = json_safe(json.dumps(log, ensure_ascii=False, indent=2))
        head, self._tail = text.split(json.dumps(self._MARKER))
        return head + "["

    def start(self) -> str:
        return self._open(self.lang) if self.lang else ""

    def handle(self, finding: Finding) -> str:
        result = "\n" + _encode(sarif_result(finding, self.lang))
        if self._written:
            return "," + result
        self._written = True
        return (self._open(finding.lang) if self._tail is None else "") + result

    def stop(self, files: Sequence[str]) -> str:
        head = self._open(environment_lang()) if self._tail is None else ""
        return head + "\n]" + (self._tail or "") + "\n"


class Junit(Formatter):
    """One test case per workbook; it fails when the workbook has error-level findings."""

    name = "junit"
    suffixes = (".xml", ".junit")

    def __init__(self, lang: Lang | None) -> None:
        super().__init__(lang)
        # The suite's head counts failures: each workbook's lines wait until stop.
        self._lines: dict[str, list[str]] = {}
        self._errors: dict[str, list[str]] = {}

    def handle(self, finding: Finding) -> str:
        # A CI tool's record: the severity stays the fixed token, as the failure's type does.
        self._lines.setdefault(finding.file, []).append(_line(finding, self.lang, worded=False))
        errors = self._errors.setdefault(finding.file, [])
        if finding.severity is Severity.ERROR:
            errors.append(finding.code)
        return ""

    def stop(self, files: Sequence[str]) -> str:
        from xml.sax.saxutils import escape, quoteattr  # it imports urllib: only when asked for

        # Every workbook checked, clean ones too, then any a finding names that was not checked.
        cases: dict[str, list[str]] = {file: [] for file in files}
        for file, lines in self._lines.items():
            cases.setdefault(file, []).extend(lines)
        failures = sum(bool(self._errors.get(file)) for file in cases)
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuites name="retrokit" tests="{len(cases)}" failures="{failures}">',
            f'  <testsuite name="retrokit lint" tests="{len(cases)}" failures="{failures}" '
            'errors="0" skipped="0">',
        ]
        for file, lines in cases.items():
            # classname is a stable name CI dashboards group by, not a module path to follow.
            detail = escape("\n".join(lines))
            out.append(
                f'    <testcase classname="retrokit.lint" name={quoteattr(shown_path(file))}>'
            )
            if errors := self._errors.get(file):
                summary = quoteattr(f"{len(errors)} error(s): " + ", ".join(sorted(set(errors))))
                out.append(f'      <failure message={summary} type="retrokit">{detail}</failure>')
            elif lines:
                out.append(f"      <system-out>{detail}</system-out>")
            out.append("    </testcase>")
        out += ["  </testsuite>", "</testsuites>"]
        return "\n".join(out) + "\n"


def rules_markdown() -> str:
    """The rule catalogue as Markdown (docs/rules.md is generated from this)."""
    lines = [
        "# Lint rules",
        "",
        "Generated from the rule registry by `make docs`; a test fails when it drifts.",
        "",
        "| code | name | severity | what it checks |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in rules()]
    for r in rules():
        lines += [
            "",
            f"## {r.code} {r.name}",
            "",
            r.summary,
            "",
            *t(f"doc.{r.code}", "en").splitlines(),
            "",
            "中文：",
            "",
            *t(f"doc.{r.code}", "zh-CN").splitlines(),
        ]
    return "\n".join(lines) + "\n"
