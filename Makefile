# Briefing: `make site` builds the site from seeds/, `make test` runs the tests.
# Both create .venv and install the pinned dependencies on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test test-properdocs fuzz serve pdf bench bench-zensical system-deps clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Briefing needs Python 3.11 or newer; run: make PYTHON=python3.11 ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# axe-core (MPL-2.0) for tests/test_accessibility.py, from npm into .venv/axe (system-deps installs npm if missing)
AXE_CORE := axe-core@4.14.1
$(VENV)/.installed-axe: $(VENV)/.installed Makefile
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe $(AXE_CORE)
	@touch $@

site: $(VENV)/.installed            ## extract every seed, render, build site/ (opens from disk too)
	$(BIN)/python build_briefs.py build --offline

serve: $(VENV)/.installed           ## live preview on http://127.0.0.1:8000
	$(BIN)/python build_briefs.py serve

pdf: $(VENV)/.installed system-deps ## site/ with site/pdf/<id>.pdf and site/pdf/briefing-book.pdf, linked from the pages
	$(BIN)/python build_briefs.py build --offline --pdf

# ProperDocs, the drop-in fork of MkDocs 1.6, in a second venv (briefing/engine.py picks it by BRIEFING_ENGINE)
PD_VENV := .venv-properdocs
$(PD_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PD_VENV)/bin/python -m pip install --quiet -e '.[test,properdocs]'
	@touch $@

test-properdocs: $(PD_VENV)/.installed system-deps  ## the site tests built by ProperDocs instead of MkDocs (CI runs it)
	BRIEFING_ENGINE=properdocs $(PD_VENV)/bin/python -m pytest tests/test_site.py tests/test_publishing.py -q

test: system-deps $(VENV)/.installed-test $(VENV)/.installed-axe
	$(BIN)/python -m pytest

fuzz: $(VENV)/.installed-test      ## the fuzz suite with 10,000 cases per test (tests/test_fuzz.py; long)
	BRIEFING_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -x

# Zensical, Material's successor, in a third venv: bench/bench_zensical.py builds the same pages with it and MkDocs.
# Not a dependency of Briefing; 0.0.73 is the newest that installs from the package index here (MIT).
ZS_VENV := .venv-zensical
$(ZS_VENV)/.installed:
	$(PYTHON) -m venv $(ZS_VENV)
	$(ZS_VENV)/bin/python -m pip install --quiet 'zensical==0.0.73'
	@touch $@

bench-zensical: $(VENV)/.installed $(ZS_VENV)/.installed  ## Zensical against MkDocs on the same pages (time, memory, problems)
	$(BIN)/python bench/bench_zensical.py

bench: $(VENV)/.installed-test      ## speed and memory figures (printed, never asserted)
	$(BIN)/python bench/run.py

system-deps:                        ## Debian packages: fonts and pango (PDF), poppler (tests), chromium (browser test)
	@scripts/system-deps.sh

clean:
	rm -rf site docs/index.md docs/all-briefs.md docs/briefs docs/actors docs/countries docs/agreements \
	  docs/all-briefs docs/find.md docs/figures docs/quotes docs/timeline docs/tags docs/feeds docs/exports .briefing .docs.render-* .site.build-* .site.old-* \
	  .site-spare .site.spare-* .site-pagefind
