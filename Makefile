# The two quick-start commands: `make run` and `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLES := examples/text examples/jsonl examples/html examples/warc

.PHONY: run test install build lint fuzz clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "khabar needs Python 3.11 or newer; run: make PY=python3.11 ...")'
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[all,dev]'
	touch $(STAMP)

install: $(STAMP)

## recompile the compiled core (khabar/_native.py's COMPILED, with mypyc) in place; it runs setup.py
## in this venv, so the dev extra carries the build requirements (setuptools>=77, mypy)
build: $(STAMP)
	$(BIN)/python setup.py -q build_ext --inplace

## refine the bundled examples into out/ and print the summary
run: $(STAMP)
	$(BIN)/khabar refine $(EXAMPLES) -o out --force

## run the whole test suite
test: $(STAMP)
	@$(BIN)/python -c 'import sys, khabar._native as n; sys.exit(n.needs_build())' || $(MAKE) build
	$(BIN)/python -m pytest -q

## coverage-guided fuzzing of every reader and of fix, SECONDS each (default 30); needs atheris
fuzz: $(STAMP)
	$(BIN)/python -m pip install -q atheris
	fuzz/run.sh $(or $(SECONDS),30)

lint: $(STAMP)
	$(BIN)/python -m ruff check src tests

clean:
	rm -rf out .pytest_cache .hypothesis
