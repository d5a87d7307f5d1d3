# Casework: `make demo` sets up and runs the main job on the bundled corpus;
# `make test` sets up and runs the test suite. Both work on a fresh machine.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
WORKSPACE ?= out/demo.duckdb
SANCTIONS ?= ../shared/data/sanctions

.PHONY: setup demo browser renderers test lint bench bench-dumps bench-screen bench-extract bench-coord clean

$(BIN)/casework: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/casework

# The whole pipeline on the bundled sample corpus: lists from ../shared when it is
# there, else downloaded from the official sources.
demo: setup
	@mkdir -p out
	rm -rf $(WORKSPACE) out/demo
	@if [ -d $(SANCTIONS) ]; then \
		echo "lists: loading $(SANCTIONS)"; \
		$(BIN)/casework build examples/corpus --lists $(SANCTIONS) --out out/demo --workspace $(WORKSPACE); \
	else \
		echo "lists: $(SANCTIONS) not found; downloading the official lists (OFAC, UN)"; \
		$(BIN)/casework build examples/corpus --update-lists --out out/demo --workspace $(WORKSPACE); \
	fi
	$(BIN)/casework entities --limit 10 --workspace $(WORKSPACE)
	$(BIN)/casework casefile "Gulnara Karimova" --format md --workspace $(WORKSPACE) | sed -n '/## 4. Sanctions/,/## 5/p'

# Debian's chromium for the rendering tests; installed when missing and we may.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing chromium for the rendering tests"; \
			apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 || \
			{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends chromium >/dev/null; }; \
		else \
			echo "chromium missing and cannot be installed here: the rendering tests will skip"; \
		fi; \
	fi

# The text renderers people copy pages with (tests/ingest/test_render_dumps.py):
# installed when missing and we may, else those tests skip.
RENDERER_PROGRAMS := lynx w3m html2text pandoc
renderers:
	@missing=""; for p in $(RENDERER_PROGRAMS); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing text renderers:$$missing"; \
			apt-get install -y -q --no-install-recommends $$missing >/dev/null 2>&1 || \
			{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $$missing >/dev/null; }; \
		else \
			echo "text renderers missing and cannot be installed here:$$missing: their dump tests will skip"; \
		fi; \
	fi

test: setup browser renderers
	$(BIN)/ruff check casework tests bench
	CASEWORK_REQUIRE_BROWSER=$$(command -v chromium >/dev/null 2>&1 && echo 1 || echo 0) $(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check casework tests bench
	$(BIN)/ruff format --check casework tests bench

bench: setup
	$(BIN)/python -m bench.ingest_quality
	$(BIN)/python -m bench.ingest_throughput

# Page dumps by lynx, w3m, html2text, pandoc and Chromium, read back against the HTML reader
bench-dumps: setup browser renderers
	$(BIN)/python -m bench.render_dumps

# Peers (nomenklatura) come with the bench extra: $(BIN)/pip install -e '.[bench]'
bench-screen: setup
	$(BIN)/python -m bench.names_quality
	$(BIN)/python -m bench.screen_speed
	$(BIN)/python -m bench.screen_scale

bench-extract: setup
	$(BIN)/python -m bench.extract_quality
	$(BIN)/python -m bench.resolve_quality
	$(BIN)/python -m bench.resolve_speed --store

# Coordination and comment waves, beside coordination-network-toolkit (bench extra)
bench-coord: setup
	$(BIN)/python -m bench.coord_quality
	$(BIN)/python -m bench.coord_speed
	$(BIN)/python -m bench.wave_quality --split development
	$(BIN)/python -m bench.wave_quality --split development2
	$(BIN)/python -m bench.wave_quality --split test

clean:
	rm -rf $(VENV) out *.egg-info .pytest_cache .ruff_cache
