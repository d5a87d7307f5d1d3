# Casework: `make demo` sets up and runs the main job on the bundled corpus;
# `make test` sets up and runs the test suite. Both work on a fresh machine.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
WORKSPACE ?= out/demo.duckdb

.PHONY: setup demo test lint bench bench-screen bench-extract clean

$(BIN)/casework: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/casework

demo: setup
	@mkdir -p out
	rm -f $(WORKSPACE)
	$(BIN)/casework ingest examples/corpus --workspace $(WORKSPACE)
	$(BIN)/casework documents --workspace $(WORKSPACE)
	$(BIN)/casework extract --workspace $(WORKSPACE)
	$(BIN)/casework resolve --workspace $(WORKSPACE)
	$(BIN)/casework entities --limit 15 --workspace $(WORKSPACE)

test: setup
	$(BIN)/ruff check casework tests bench
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check casework tests bench
	$(BIN)/ruff format --check casework tests bench

bench: setup
	$(BIN)/python -m bench.ingest_quality
	$(BIN)/python -m bench.ingest_throughput

# Peers (nomenklatura) come with the bench extra: $(BIN)/pip install -e '.[bench]'
bench-screen: setup
	$(BIN)/python -m bench.names_quality
	$(BIN)/python -m bench.screen_speed
	$(BIN)/python -m bench.screen_scale

bench-extract: setup
	$(BIN)/python -m bench.extract_quality
	$(BIN)/python -m bench.resolve_quality
	$(BIN)/python -m bench.resolve_speed --store

clean:
	rm -rf $(VENV) out *.egg-info .pytest_cache .ruff_cache
