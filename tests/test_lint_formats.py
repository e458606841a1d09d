"""Lint formats: one class each, the same bytes however the findings arrive."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from builders import TODAY, example_data, write
from retrokit.findings import Finding, Severity
from retrokit.lint import Config, FileResult, iter_run, iter_selected, make_selection
from retrokit.render.lint_formats import FORMATTERS, Formatter, write_findings
from retrokit.rules import Settings
from retrokit.workbook.schema import Lang


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Finding], list[str]]:
    """Findings of a small set: an error, a recurring area (cross-file findings that come last),
    a clean workbook, an unreadable one, and a message full of JSON and line breaks."""
    folder = tmp_path_factory.mktemp("formats")
    data = example_data()
    data["problems"][0]["owner"] = None
    data["lessons"][0]["evidence"] = None
    write(folder / "a.xlsx", data)
    other = example_data()
    other["info"]["project"] = "2024 Autumn"  # another campaign: its areas recur
    write(folder / "b.xlsx", other, lang="en")
    clean = example_data()
    for i, row in enumerate(clean["problems"]):
        row["area"] = f"环节{i}"
    write(folder / "clean.xlsx", clean)
    (folder / "broken.xlsx").write_bytes(b"junk")
    files: list[str] = []

    def results() -> Iterator[FileResult]:
        for result in iter_run([folder], Settings(today=TODAY), jobs=1):
            if not result.cross_file:
                files.append(result.path)
            yield result

    findings = list(iter_selected(results(), make_selection(Config())))
    tricky = 'x}, {"code": "A001",\n\r| 100% <b>&"y"'
    findings.append(
        Finding("F001", str(folder / "c,d.xlsx"), key="F001", args=(("reason", tricky),))
    )
    assert {f.severity for f in findings} >= {Severity.ERROR, Severity.WARNING}
    assert any(f.code == "R001" for f in findings)
    return findings, files


def one_by_one(name: str, findings: list[Finding], files: list[str], lang: Lang | None) -> str:
    formatter = FORMATTERS[name](lang)
    return "".join([formatter.start(), *map(formatter.handle, findings), formatter.stop(files)])


@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_a_format_writes_the_same_bytes_one_by_one_or_all_at_once(
    checked: tuple[list[Finding], list[str]], name: str, lang: Lang | None
) -> None:
    findings, files = checked
    # Past the JSON encoder's chunk of 1,024, so several chunks are joined.
    many = findings * (2100 // len(findings) + 1)
    for items in ([], findings, many):
        whole = "".join(write_findings(name, iter(items), lambda: files, lang))
        assert whole == one_by_one(name, items, files, lang)
        assert whole.endswith("\n") or not whole


def test_the_registry_has_every_format_and_refuses_a_name_taken() -> None:
    assert list(FORMATTERS) == [
        "text",
        "concise",
        "json",
        "json-lines",
        "github",
        "sarif",
        "junit",
    ]
    with pytest.raises(ValueError, match="'json' is already registered"):

        class Again(Formatter):
            name = "json"

    assert FORMATTERS["json"].__name__ == "Json"


def test_a_sheet_name_whose_ends_cannot_be_seen_is_quoted() -> None:
    from retrokit.findings import Finding

    def where(sheet: str) -> str:
        return Finding("S003", "a.xlsx", sheet, "B9").where

    assert where("KPI评估") == "KPI评估!B9" and where("KPI Evaluation") == "KPI Evaluation!B9"
    assert where(" KPI评估 ") == "' KPI评估 '!B9"
    assert where("Q3's!") == "'Q3''s!'!B9"
