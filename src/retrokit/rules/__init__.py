"""The rule catalogue: a module per family, each rule a decorated function (registry.py).

Codes are a contract: never reused, never renumbered. The families are imported in code order,
which is also the order their findings come in. Each rule's explanation and fix example, in
every language, is the catalogue entry ``doc.CODE``.
"""

import importlib

from retrokit.rules.registry import (
    REGISTRY,
    Context,
    Rule,
    Scope,
    Settings,
    check,
    check_set,
    rule,
    rules,
)
from retrokit.rules.words import BLAME_WORDS, OPINION_WORDS

#: The rule families, in the order their checks run and so their findings come. Adding a family
#: is a module here and its name in this list.
FAMILIES = (
    "emitted",
    "structure",
    "values",
    "kpis",
    "directions",
    "actions",
    "lessons",
    "wording",
    "recurrence",
    "timing",
    "plan",
)
for _family in FAMILIES:
    importlib.import_module(f"retrokit.rules.{_family}")


__all__ = [
    "BLAME_WORDS",
    "FAMILIES",
    "OPINION_WORDS",
    "REGISTRY",
    "Context",
    "Rule",
    "Scope",
    "Settings",
    "check",
    "check_set",
    "rule",
    "rules",
]
