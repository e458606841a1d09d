"""The rule catalogue: ``rules`` and ``rule``."""

import sys
from typing import Annotated

import typer

from retrokit.cli.app import LangOption, app, fail, fail_t, output_lang


@app.command("rules")
def list_rules() -> None:
    """List the rule catalogue: code, name, severity, summary."""
    from retrokit.rules import rules as catalogue

    for r in catalogue():
        sys.stdout.write(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary}\n")


@app.command("rule")
def explain_rule(
    code: Annotated[str, typer.Argument(help="A rule code (A001) or name.")],
    lang: LangOption = None,
) -> None:
    """Explain one rule: why it matters and how to fix it."""
    from retrokit.errors import UserError
    from retrokit.i18n import t
    from retrokit.lint.config import resolve_selector
    from retrokit.rules import REGISTRY

    language = output_lang(lang)
    try:
        codes = resolve_selector(code, "rule")
    except UserError as exc:
        fail(exc.message(language), 2)
    if len(codes) != 1:
        fail_t("err.rule_ambiguous", 2, lang, code=code, count=len(codes))
    r = REGISTRY[codes.pop()]
    sys.stdout.write(f"{r.code} {r.name} ({r.severity.value})\n{r.summary}\n\n")
    sys.stdout.write(t(f"doc.{r.code}", language) + "\n")
