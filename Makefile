# sarabun — make serve (site on 127.0.0.1:8000) and make test are the two set-up commands.
# Everything installs itself: system packages (apt), then a .venv with the Python package.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the tools and the site build need (PyICU compiles against libicu).
APT_PACKAGES := libicu-dev pkg-config g++ git
# Only for `make test` and the benchmarks: chromium drives the browser tests; fonts-thai-tlwg gives
# screenshots Thai glyphs even before the web font loads; libreoffice-writer-nogui exports the
# office-made PDFs the import tests read (glyph-by-glyph Thai with /ActualText, borderless tables).
TEST_APT_PACKAGES := chromium fonts-thai-tlwg libreoffice-writer-nogui
# axe-core (npm) runs the accessibility checks in the browser tests.
AXE_VERSION := 4.14.1
AXE_JS := node_modules/axe-core/axe.min.js

# Material prints a long banner about MkDocs 2.0 on every build; we pin mkdocs<2 (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve preview site check check-changed test lint unit system-deps test-deps axe bench-build bench-citations bench-search bench-history clean

help:
	@echo "make serve   build the site and serve it on http://127.0.0.1:8000"
	@echo "make test    lint, type-check and run the whole test suite"
	@echo "make site    build the site into site/ (atomically)"
	@echo "make check   validate every document (sarabun check)"
	@echo "make check-changed   validate the documents changed since main (and those citing them)"

system-deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The same check with the test packages added (a sub-make, so system-deps itself stays small).
test-deps:
	@$(MAKE) --no-print-directory system-deps EXTRA_APT="$(TEST_APT_PACKAGES)"

$(STAMP): pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade "pip>=24,<27"
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/sarabun check

# What a pull request changes, against main (origin/main in CI; BASE=<ref> to choose), plus the
# documents citing it. SUMMARY=<file> appends a Thai Markdown report (GitHub's step summary).
check-changed: $(STAMP)
	$(BIN)/sarabun check-changed $(if $(BASE),--base $(BASE)) $(if $(SUMMARY),--summary $(SUMMARY))

$(AXE_JS):
	npm install --no-save --no-audit --no-fund --no-package-lock "axe-core@$(AXE_VERSION)"

axe: $(AXE_JS)

# Build into a temporary folder and swap it in only on success: a failed build leaves the
# previous site untouched. No --quiet: mkdocs 1.6 does not count warnings under --quiet, so a
# strict build would pass with them. The plugin writes data/documents.json and .csv itself.
site: $(STAMP)
	rm -rf .site-new
	$(BIN)/python -m mkdocs build --strict -d .site-new
	$(BIN)/sarabun search-index .site-new
	rm -rf site.old && if [ -d site ]; then mv site site.old; fi && mv .site-new site && rm -rf site.old
	@echo "site built in site/"

# Serves the built site (with its search index) exactly as it will be published. For live
# reloading while editing, `make preview` runs mkdocs serve (the plugin rebuilds the search index).
serve: system-deps site
	$(BIN)/python -m http.server --directory site --bind 127.0.0.1 8000

preview: $(STAMP)
	$(BIN)/python -m mkdocs serve --strict -a 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: test-deps $(STAMP) $(AXE_JS) lint
	$(BIN)/pytest

bench-build: $(STAMP)
	$(BIN)/python scripts/bench_build.py 1000 5000

bench-citations: $(STAMP)
	$(BIN)/python scripts/bench_citations.py 5000

bench-search: test-deps $(STAMP)
	$(BIN)/python scripts/bench_search.py 1000 5000 20000

# LAYOUT=flat|types to compare with the default year folders (scripts/bench_history.py --help)
bench-history: $(STAMP)
	$(BIN)/python scripts/bench_history.py --docs 10000 $(if $(LAYOUT),--layout $(LAYOUT))

clean:
	rm -rf site .site-new site.old $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules
