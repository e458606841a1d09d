# Set-up on a fresh machine: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck pytest bench e2e-deps clean golden examples docs catalogue

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(STAMP)

demo: $(STAMP)
	mkdir -p demo
	$(BIN)/retrokit init demo/blank.xlsx --force
	$(BIN)/retrokit init demo/example.xlsx --example --force
	$(BIN)/retrokit analyze demo/example.xlsx --today 2024-08-08
	$(BIN)/retrokit analyze demo/example.xlsx --format json --today 2024-08-08 > demo/example.analysis.json
	$(BIN)/retrokit report demo/example.xlsx -o demo/example.report.html --today 2024-08-08
	$(BIN)/retrokit report demo/example.xlsx --format md -o demo/example.report.md --today 2024-08-08
	$(BIN)/retrokit init demo/plan.xlsx --kind plan --example --force
	$(BIN)/retrokit report demo/example.xlsx --plan demo/plan.xlsx -o demo/example.report.pptx \
	  --today 2024-08-08
	$(BIN)/retrokit analyze demo/plan.xlsx --today 2024-07-10
	$(BIN)/retrokit report demo/plan.xlsx -o demo/plan.report.html --today 2024-07-10
	$(BIN)/retrokit init demo/review-from-plan.xlsx --from-plan demo/plan.xlsx --force
	$(BIN)/retrokit report demo/example.xlsx --plan demo/plan.xlsx -o demo/example.plan.html --today 2024-08-08
	$(BIN)/retrokit lint demo/example.xlsx demo/plan.xlsx --today 2024-08-08 --exit-zero
	@echo ""
	@echo "Open these files:"
	@echo "  demo/example.report.html   the review report (browser; prints to A4)"
	@echo "  demo/example.report.md     the same report as Markdown"
	@echo "  demo/example.report.pptx   the slide deck for leadership"
	@echo "  demo/example.xlsx          the filled worked example"
	@echo "  demo/blank.xlsx            a blank workbook to fill in for your own campaign"
	@echo "  demo/example.analysis.json the analysis as JSON"
	@echo "  demo/plan.xlsx             the plan behind the example (goals, Gantt, budget, risks)"
	@echo "  demo/plan.report.html      the plan's report: Gantt with the critical path, budget"
	@echo "  demo/review-from-plan.xlsx a review started from the plan"
	@echo "  demo/example.plan.html     the review with its plan: execution, budget execution"

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(DEVSTAMP)
	$(BIN)/mypy src

pytest: $(DEVSTAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

# System packages the end-to-end tests use: LibreOffice (recalculation oracle; Impress opens
# the decks, which the calc-only package cannot), poppler's pdfinfo (pages of a converted deck)
# and Chromium.
e2e-deps:
	@if ! command -v soffice >/dev/null || ! command -v chromium >/dev/null \
	    || ! command -v pdfinfo >/dev/null \
	    || ! dpkg -s libreoffice-impress-nogui >/dev/null 2>&1 \
	    || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends libreoffice-calc-nogui libreoffice-impress-nogui poppler-utils \
	    chromium fonts-noto-cjk >/dev/null; \
	fi

bench: $(DEVSTAMP)
	$(BIN)/python bench/run.py

golden: $(DEVSTAMP)
	$(BIN)/pytest -q tests/test_report.py --update-golden

clean:
	rm -rf $(VENV) demo build dist .pytest_cache .mypy_cache .ruff_cache

examples: $(STAMP)
	$(BIN)/retrokit init examples/summer-promo-2024.xlsx --example --force
	$(BIN)/retrokit init examples/summer-promo-2024.en.xlsx --example --lang en --force
	$(BIN)/retrokit init examples/summer-promo-2024.plan.xlsx --kind plan --example --force
	$(BIN)/retrokit report examples/summer-promo-2024.xlsx -o examples/summer-promo-2024.pptx \
	  --plan examples/summer-promo-2024.plan.xlsx --today 2024-08-08 --presenter 张经理

docs: $(STAMP)
	$(BIN)/python -c "from retrokit.render.lint_formats import rules_markdown; open('docs/rules.md','w').write(rules_markdown())"

# The zh-TW text the catalogue does not spell out, converted by OpenCC ahead of time (so lint
# and report need not load OpenCC's dictionaries), and the characters OpenCC's t2s changes (so
# reading a Simplified or English workbook need not either); tests/test_i18n.py fails when stale.
catalogue: $(STAMP)
	$(BIN)/python -c "from retrokit.i18n import derived_module; open('src/retrokit/i18n/derived.py','w').write(derived_module())"
	$(BIN)/python -c "from retrokit.i18n import simplified_module; s = simplified_module(); open('src/retrokit/i18n/simplified.py','w').write(s)"
	$(BIN)/ruff format -q src/retrokit/i18n/derived.py src/retrokit/i18n/simplified.py || true
