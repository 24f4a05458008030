# Two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test system-deps venv benchmarks screenshots clean

system-deps:
	@bash packaging/system-deps.sh

$(STAMP): pyproject.toml
	@bash packaging/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

## Start the reference backend with demo data on 127.0.0.1 and open the kiosk window.
run: $(STAMP)
	@bash packaging/run-demo.sh

## Run the whole test suite (offscreen Qt, real SQLite, real servers on 127.0.0.1).
test: $(STAMP)
	@bash packaging/run-tests.sh

benchmarks: $(STAMP)
	$(PY) -m benchmarks.run_all

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots --out screenshots

clean:
	rm -rf $(VENV) var build dist *.egg-info .pytest_cache
