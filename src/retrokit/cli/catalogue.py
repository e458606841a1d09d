"""The rule catalogue: ``rules`` and ``rule``."""

import sys
from typing import Annotated

import typer

from retrokit.cli.app import LangOption, app, fail_t, h, mv, output_lang


def summary(code: str, docstring: str, lang: str) -> str:
    """A rule's one-line summary in ``lang``: the catalogue's, else (English) its docstring's."""
    from retrokit.render.lint_formats import rule_summary

    return rule_summary(code, docstring, lang)  # type: ignore[arg-type]


@app.command("rules", help=h("help.cmd.rules"))
def list_rules(lang: LangOption = None) -> None:
    """List the rule catalogue: code, name, severity, summary."""
    from retrokit.i18n import t
    from retrokit.rules import REGISTRY
    from retrokit.rules import rules as catalogue

    language = output_lang(lang)
    # The severity in the reader's words, as `rule` says it, padded by its width on a terminal
    # (a Chinese character takes two columns), so the summaries still start in one column.
    words = {s: t(f"severity.{s.value}", language) for s in {r.severity for r in REGISTRY.values()}}
    width = max(8, *(_columns(w) for w in words.values()))  # 8: the English column as it was
    sev = {s: w + " " * (width - _columns(w)) for s, w in words.items()}
    for r in catalogue():
        text = summary(r.code, r.summary, language)
        sys.stdout.write(f"{r.code}  {r.name:<28} {sev[r.severity]} {text}\n")
        # Its sub-checks, each with the name and severity it is selected and counted by.
        for sub in (s for key, s in REGISTRY.items() if key.startswith(r.code + ".")):
            text = summary(sub.code, sub.summary, language)
            sys.stdout.write(f"  {sub.code:<11} {sub.name:<28} {sev[sub.severity]} {text}\n")


def _columns(text: str) -> int:
    """The columns ``text`` takes on a terminal: a wide (CJK) character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@app.command("rule", help=h("help.cmd.rule"))
def explain_rule(
    code: Annotated[str, typer.Argument(help=h("help.rule_code"), metavar=mv("code"))],
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
    except UserError:
        fail_t("err.rule_unknown", 2, language, code=code)
    bases = {c.split(".")[0] for c in codes}
    if len(codes) > 1 and len(bases) == 1 and (base := bases.pop()) in codes:
        codes = {base}  # a code and its sub-checks (a rule's former name): the code
    if len(codes) != 1:
        fail_t("err.rule_ambiguous", 2, lang, code=code, count=len(codes))
    r = REGISTRY[codes.pop()]
    text = summary(r.code, r.summary, language)
    severity = t(f"severity.{r.severity.value}", language)  # 警告 in Chinese
    sys.stdout.write(f"{r.code} {r.name} ({severity})\n{text}\n\n")
    sys.stdout.write(t(f"doc.{r.code.split('.')[0]}", language) + "\n")  # a sub-check's code
