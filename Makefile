# Two commands: `make all` (environment, data, panel, notebooks, HTML) and `make test`.
# Uses the active virtualenv/conda environment if there is one, else creates .venv with the
# pinned versions of constraints.txt.
SHELL := /bin/bash
.DEFAULT_GOAL := all

ifneq ($(or $(VIRTUAL_ENV),$(CONDA_PREFIX)),)
PY := python
STAMP := .make/installed-active-env.stamp
else
PY := .venv/bin/python
STAMP := .venv/.installed.stamp
endif
BOOTSTRAP_PYTHON ?= $(shell command -v python3.11 || command -v python3)
KERNEL := transition

# The local mirror of the raw files, when it sits beside the project (CI and the team's machines).
ifneq ($(wildcard ../shared/data/SOURCES.csv),)
export TRANSITION_DATA_MIRROR ?= $(abspath ../shared/data)
endif

NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
JOBS ?= 2

.PHONY: all setup data notebooks html bench test clean

all: setup data notebooks html

$(STAMP): pyproject.toml constraints.txt
	@if [ "$(PY)" = ".venv/bin/python" ] && [ ! -x .venv/bin/python ]; then $(BOOTSTRAP_PYTHON) -m venv .venv; fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (transition)" >/dev/null
	@mkdir -p $(dir $(STAMP)) && touch $(STAMP)

setup: $(STAMP)

data: setup
	$(PY) -m transition data

# The default run: every notebook with its default parameters, $(JOBS) at a time; each notebook and
# its results replace the committed ones only when it has run through (see `transition run --help`).
notebooks: data
	$(PY) -m transition run -j $(JOBS)
	$(PY) -m transition run -j $(JOBS) --name ru -p lang=ru   # the Russian edition, runs/ru/ → site/ru/

html: setup
	$(PY) -m transition render

# Panel, each notebook, the full run serial vs -j 2, a 12-variant sweep → results/benchmarks.json.
bench: data
	$(PY) -m transition bench -j $(JOBS)

test: setup
	$(PY) -m pytest tests $(NOTEBOOKS) --nbval-lax --nbval-current-env --sanitize-with tests/nbval_sanitize.cfg

clean:
	rm -rf data/processed site .make
