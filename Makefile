# Set-up on a fresh machine: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck pytest bench e2e-deps clean golden examples docs

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
	$(BIN)/retrokit analyze demo/plan.xlsx --today 2024-07-10
	$(BIN)/retrokit report demo/plan.xlsx -o demo/plan.report.html --today 2024-07-10
	$(BIN)/retrokit init demo/review-from-plan.xlsx --from-plan demo/plan.xlsx --force
	$(BIN)/retrokit lint demo/ --today 2024-08-08 --exit-zero
	@echo "demo/: blank.xlsx example.xlsx example.analysis.json example.report.html example.report.md"
	@echo "       plan.xlsx plan.report.html review-from-plan.xlsx (the plan's lifecycle)"

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(DEVSTAMP)
	$(BIN)/mypy src

pytest: $(DEVSTAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

# System packages the end-to-end tests use: LibreOffice (recalculation oracle) and Chromium.
e2e-deps:
	@if ! command -v soffice >/dev/null || ! command -v chromium >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends libreoffice-calc-nogui chromium fonts-noto-cjk >/dev/null; \
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

docs: $(STAMP)
	$(BIN)/python -c "from retrokit.render.lint_formats import rules_markdown; open('docs/rules.md','w').write(rules_markdown())"
