# Two commands: `make all` (environment, data, panel, notebooks, book) and `make test`.
#
# The environment: the active virtualenv ($VIRTUAL_ENV) or the active *named* conda environment; never
# conda's `base` nor the system's Python: then a project virtualenv .venv is created (with
# BOOTSTRAP_PYTHON, default python3.11 or python3). The pinned versions of constraints.txt are installed
# into it once (again when pyproject.toml or constraints.txt change). Every target says which
# environment it uses. `make run ARGS="list"` runs the `transition` command in that environment.
#
# A second `make all` with nothing changed takes a few seconds: the data step is redone only when the
# registry, the project's data tables or the data code change; `transition run` reuses stored
# executions (.cache/runs/, see `transition run --help`) and leaves identical files untouched; the
# book is rebuilt only when a notebook or the book's sources are newer than site/index.html.
SHELL := /bin/bash
.DEFAULT_GOAL := all

ifneq ($(VIRTUAL_ENV),)
ENV_PREFIX := $(VIRTUAL_ENV)
ENV_KIND := the active virtualenv
else ifneq ($(and $(CONDA_PREFIX),$(filter-out base,$(CONDA_DEFAULT_ENV))),)
ENV_PREFIX := $(CONDA_PREFIX)
ENV_KIND := the active conda environment '$(CONDA_DEFAULT_ENV)'
else
ENV_PREFIX := $(CURDIR)/.venv
ENV_KIND := the project virtualenv .venv$(if $(CONDA_PREFIX), (conda's base environment is left alone),)
endif
PY := $(ENV_PREFIX)/bin/python
STAMP := .make/installed-$(subst /,_,$(ENV_PREFIX)).stamp
BOOTSTRAP_PYTHON ?= $(shell command -v python3.11 || command -v python3)
KERNEL := transition

# The local mirror of the raw files, when it sits beside the project (CI and the team's machines).
ifneq ($(wildcard ../shared/data/SOURCES.csv),)
export TRANSITION_DATA_MIRROR ?= $(abspath ../shared/data)
endif

NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
# The analysis notebooks run again with the data observed only to 2002 (runs/as_of_2002/): the ledger (00)
# judges every claim "as of the essay" on their headline files, which are committed.
ESSAY_NOTEBOOKS := 01 02 03 04 05 06 07 08 10
JOBS ?= 2
DATA_INPUTS := data/sources.toml $(filter-out data/variables.csv,$(wildcard data/*.csv)) $(wildcard src/transition/data/*.py)
BOOK_INPUTS := $(wildcard book/* book/*/* book/*/*/* runs/ru/[0-9][0-9]_*.ipynb) src/transition/publish/*.py

.PHONY: all setup data notebooks html run bench test clean which-env

all: setup data notebooks html

which-env:
	@echo "environment: $(ENV_KIND) ($(ENV_PREFIX))"

$(STAMP): pyproject.toml constraints.txt
	@echo "environment: $(ENV_KIND) ($(ENV_PREFIX))"
	@if [ ! -x "$(PY)" ]; then \
	  if [ "$(ENV_PREFIX)" != "$(CURDIR)/.venv" ]; then echo "no python in $(ENV_PREFIX)"; exit 1; fi; \
	  if [ -z "$(BOOTSTRAP_PYTHON)" ]; then echo "no python3 to create .venv with (set BOOTSTRAP_PYTHON)"; exit 1; fi; \
	  $(BOOTSTRAP_PYTHON) -m venv .venv; fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (transition)" >/dev/null
	@mkdir -p $(dir $(STAMP)) && touch $(STAMP)

setup: $(STAMP)
	@echo "environment: $(ENV_KIND) ($(ENV_PREFIX))"

# Raw files verified, panel built, variable dictionary written: again only when what they depend on changes.
.make/data.stamp: $(STAMP) $(DATA_INPUTS)
	$(PY) -m transition data
	@mkdir -p .make && touch $@

data: .make/data.stamp

# The default run: every notebook with its default parameters, $(JOBS) at a time; each notebook and
# its results replace the committed ones only when it has run through, and a notebook whose inputs
# are unchanged is reused from the execution cache (see `transition run --help`; --force re-executes).
notebooks: data
	$(PY) -m transition run -j $(JOBS) --name as_of_2002 -p as_of=2002 $(ESSAY_NOTEBOOKS)  # the claims as of the essay
	$(PY) -m transition run -j $(JOBS)
	$(PY) -m transition run -j $(JOBS) --name ru -p lang=ru   # the Russian edition, runs/ru/ → site/ru/

# The book (site/, site/ru/): rebuilt when a notebook or the book's sources are newer than the site.
site/index.html: $(STAMP) $(NOTEBOOKS) $(BOOK_INPUTS)
	$(PY) -m transition render

html: notebooks site/index.html

# Any `transition` command in the project's environment: make run ARGS="run 02 --explain".
run: setup
	$(PY) -m transition $(ARGS)

# Panel, each notebook, the full run serial vs -j 2, a 12-variant sweep, `transition list`, a warm
# `make all` and the cold run of both editions against its floor → results/benchmarks.json.
bench: data
	$(PY) -m transition bench -j $(JOBS) --warm-make --cold

test: setup
	$(PY) -m pytest tests $(NOTEBOOKS) --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --durations=25

clean:
	rm -rf data/processed site .make .cache
