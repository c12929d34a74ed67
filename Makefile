# Two entry points for a fresh machine (see README.md):
#   make repro   set up the environment and run the whole pipeline on the demo corpus (dvc repro)
#   make test    set up the environment and run the tests
# Targets are idempotent: the virtualenv is built once and rebuilt only when pyproject.toml or the lock changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# DVC stages call `newsstance`: the virtualenv's bin must come first on PATH.
export PATH := $(abspath $(BIN)):$(PATH)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export MLFLOW_DISABLE_TELEMETRY := true
export DVC_NO_ANALYTICS := 1

.PHONY: install repro test benchmarks ui clean-outputs

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first and exact: 2.13.0 is a CPU wheel on the build machines' disk; anything looser pulls CUDA.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

repro: install
	git rev-parse --git-dir >/dev/null 2>&1 || (git init -q && git add -A && git -c user.name=newsstance -c user.email=newsstance@localhost commit -qm init)
	$(BIN)/dvc repro
	$(BIN)/dvc metrics show

test: install
	$(BIN)/python -m pytest

benchmarks: install
	$(BIN)/python benchmarks/segmentation.py
	$(BIN)/python benchmarks/segmentation_demo.py
	$(BIN)/python benchmarks/segmentation_robustness.py
	$(BIN)/python benchmarks/probe_pages.py
	$(BIN)/python benchmarks/segmentation_adaptation.py
	$(BIN)/python benchmarks/dedup.py
	$(BIN)/python benchmarks/stance.py

ui: install
	$(BIN)/mlflow ui --backend-store-uri sqlite:///mlflow.db
