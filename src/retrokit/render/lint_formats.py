"""Formatters of lint findings: they only format, they never check."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from retrokit import __version__
from retrokit.findings import Finding, Severity
from retrokit.i18n import t
from retrokit.lint.config import base_code
from retrokit.lint.selection import relpath
from retrokit.render.jsonout import encode_items
from retrokit.rules import REGISTRY, rules
from retrokit.text import clean_terminal
from retrokit.workbook.schema import Lang

_encode = json.JSONEncoder(ensure_ascii=False).encode

FORMATS = ("text", "concise", "json", "json-lines", "github", "sarif", "junit")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(f: Finding) -> str:
    path = relpath(f.file)
    return f"{path}:{f.where}" if f.where else path


def _line(f: Finding, lang: Lang | None) -> str:
    return clean_terminal(f"{_location(f)} {f.code} [{f.severity.value}] {f.message(lang)}")


def concise(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    return "".join(_line(f, lang) + "\n" for f in findings)


def statistics(counts: Counter[str]) -> str:
    """Findings per code, most frequent first."""
    lines = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        r = REGISTRY[base_code(code)]
        lines.append(f"{n:>6}  {code}  {r.name}  [{r.severity.value}]")
    return "".join(line + "\n" for line in lines)


def text(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    """Grouped by file, then a summary by code and the totals."""
    out: list[str] = []
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    for file, items in by_file.items():
        out.append(clean_terminal(relpath(file)))
        for f in items:
            out.append("  " + _line(f, lang))
        out.append("")
    if findings:
        out.append(statistics(Counter(f.code for f in findings)).rstrip("\n"))
    sev = Counter(f.severity for f in findings)
    out.append(
        f"{len(files)} file(s) checked: {sev[Severity.ERROR]} error(s), "
        f"{sev[Severity.WARNING]} warning(s), {sev[Severity.INFO]} info."
    )
    return "\n".join(out) + "\n"


def as_json(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    return "".join(stream_json(findings, lang))


def json_lines(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    return "".join(stream_json_lines(findings, lang))


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    """GitHub Actions workflow commands, one per finding."""
    lines = []
    for f in findings:
        props = f"file={_gh_escape_prop(relpath(f.file))},title={_gh_escape_prop(f.code)}"
        body = f"{f.where} {f.message(lang)}".strip()
        lines.append(f"::{GITHUB_LEVEL[f.severity]} {props}::{_gh_escape_data(body)}")
    return "".join(line + "\n" for line in lines)


def _md_cell(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(f: Finding) -> str:
    key = "\x1f".join([f.code, relpath(f.file), f.sheet or "", f.cell or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


_RULE_INDEX = {r.code: i for i, r in enumerate(rules())}


def sarif_result(f: Finding, lang: Lang | None) -> dict[str, Any]:
    """One SARIF result: the cell as a logical location and at the start of the message."""
    code = base_code(f.code)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": relpath(f.file)},
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


def sarif_log(
    findings: Iterable[Finding], files: Sequence[str], lang: Lang | None
) -> dict[str, Any]:
    driver_rules = []
    for r in rules():
        doc = t(f"doc.{r.code}", lang or "en")
        driver_rules.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": doc.splitlines()[0]},
                "help": {"text": doc},
                "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            }
        )
    driver = {
        "name": "retrokit",
        "version": __version__,
        "informationUri": "https://pypi.org/project/retrokit/",
        "rules": driver_rules,
    }
    results = [sarif_result(f, lang) for f in findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def sarif(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    return json.dumps(sarif_log(findings, files, lang), ensure_ascii=False, indent=2) + "\n"


def junit(findings: Sequence[Finding], files: Sequence[str], lang: Lang | None) -> str:
    """One test case per workbook; it fails when the workbook has error-level findings."""
    from xml.sax.saxutils import escape, quoteattr  # it imports urllib: only when asked for

    by_file: dict[str, list[Finding]] = {f: [] for f in files}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    failures = sum(any(f.severity is Severity.ERROR for f in items) for items in by_file.values())
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="retrokit" tests="{len(by_file)}" failures="{failures}">',
        f'  <testsuite name="retrokit lint" tests="{len(by_file)}" failures="{failures}" '
        'errors="0" skipped="0">',
    ]
    for file, items in by_file.items():
        name = quoteattr(relpath(file))
        detail = escape("\n".join(_line(f, lang) for f in items))
        out.append(f'    <testcase classname="retrokit.lint" name={name}>')
        errors = [f for f in items if f.severity is Severity.ERROR]
        if errors:
            summary = quoteattr(
                f"{len(errors)} error(s): " + ", ".join(sorted({f.code for f in errors}))
            )
            out.append(f'      <failure message={summary} type="retrokit">{detail}</failure>')
        elif items:
            out.append(f"      <system-out>{detail}</system-out>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


# --- streaming: the machine formats are written finding by finding, so linting thousands of
# workbooks holds no more than one file's findings at a time. text and junit group by file
# and are built whole.


def stream_concise(findings: Iterable[Finding], lang: Lang | None) -> Iterator[str]:
    for f in findings:
        yield _line(f, lang) + "\n"


def stream_json_lines(findings: Iterable[Finding], lang: Lang | None) -> Iterator[str]:
    for f in findings:
        yield _encode(f.to_json(lang)) + "\n"


def stream_json(findings: Iterable[Finding], lang: Lang | None) -> Iterator[str]:
    """An array with one finding per line, written by the C encoder a thousand at a time."""
    yield "["
    for i, chunk in enumerate(encode_items((f.to_json(lang) for f in findings), "  ")):
        yield ("," if i else "") + "\n  " + chunk
    yield "\n]\n"


def stream_github(findings: Iterable[Finding], lang: Lang | None) -> Iterator[str]:
    for f in findings:
        yield github([f], (), lang)


def stream_sarif(findings: Iterable[Finding], lang: Lang | None) -> Iterator[str]:
    marker = "@@retrokit-results@@"
    log = sarif_log([], (), lang)
    log["runs"][0]["results"] = marker
    head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(marker))
    yield head + "["
    for i, f in enumerate(findings):
        yield ("," if i else "") + "\n" + _encode(sarif_result(f, lang))
    yield "\n]" + tail + "\n"


STREAMING: dict[str, Callable[[Iterable[Finding], Lang | None], Iterator[str]]] = {
    "concise": stream_concise,
    "json": stream_json,
    "json-lines": stream_json_lines,
    "github": stream_github,
    "sarif": stream_sarif,
}


def summary_header() -> str:
    """The head of the $GITHUB_STEP_SUMMARY table; rows follow as findings stream."""
    return (
        "### retrokit lint\n\n| file | cell | code | severity | message |\n|---|---|---|---|---|\n"
    )


def summary_row(f: Finding, lang: Lang | None) -> str:
    return (
        f"| {_md_cell(relpath(f.file))} | {_md_cell(f.where)} | {f.code} | "
        f"{f.severity.value} | {_md_cell(f.message(lang))} |\n"
    )


FORMATTERS: dict[str, Callable[[Sequence[Finding], Sequence[str], Lang], str]] = {
    "text": text,
    "concise": concise,
    "json": as_json,
    "json-lines": json_lines,
    "github": github,
    "sarif": sarif,
    "junit": junit,
}


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
