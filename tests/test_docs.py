"""Docs that cannot drift: the rule reference and the README's command tour."""

from __future__ import annotations

import re

from conftest import ROOT, run_cli
from retrokit.render.lint_formats import rules_markdown


def test_rule_reference_is_generated_from_the_registry() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md is stale: run `make docs`"


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    english = {"RETROKIT_LANG": "en"}
    top = run_cli("--help", env=english).stdout
    listing = top[top.index("Commands") :]
    commands = re.findall(r"^(?:│ |  )(\w+)\s", listing, re.M)
    assert set(commands) >= {"init", "analyze", "report", "lint", "rules", "rule"}, top
    for command in commands:
        proc = run_cli(command, "--help", env=english)
        assert proc.returncode == 0 and "Usage" in proc.stdout, command
        assert f"retrokit {command}" in readme, command
    assert "make demo" in readme and "make test" in readme
