"""The command line: each command parses its options, calls :mod:`retrokit.api` or the layer
it needs, renders through :mod:`retrokit.cli.output`, and exits.

``app`` holds the shared options; the commands live in ``review`` (init, analyze, report),
``checks`` (lint), ``campaigns`` (compare, lessons, export) and ``catalogue`` (rules,
rule).
"""

import sys

from retrokit.cli.app import app

# The command modules register their commands; --help lists them in this order.
# isort: split
from retrokit.cli import review  # noqa: F401

# isort: split
from retrokit.cli import checks  # noqa: F401

# isort: split
from retrokit.cli import campaigns  # noqa: F401

# isort: split
from retrokit.cli import catalogue  # noqa: F401


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("retrokit: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last net: one line, never a traceback
        from retrokit.i18n import t

        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        sys.stderr.write(f"retrokit: {t('err.internal', 'en', error=detail)}\n")
        sys.exit(3)


__all__ = ["app", "main"]
