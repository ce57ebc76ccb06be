# olivebranch: `make run` to use it, `make test` to test it. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.test-installed
MODEL  := olivebranch/data/model/heads.json
MODEL_INPUTS := $(wildcard corpus/*.jsonl) olivebranch/data/check/patterns.toml \
                olivebranch/check/model.py olivebranch/check/training.py olivebranch/check/patterns.py \
                olivebranch/check/ngrams.py olivebranch/check/text.py
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install run test eval bench clean

install: $(STAMP) $(MODEL)

# torch is pinned to the CPU build that pip finds on this machine's disk; an
# unpinned torch would pull several GB of CUDA libraries.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[model]"
	touch $@

# The draft check's model: distilled from all-MiniLM-L6-v2, trained on corpus/ (train split).
$(MODEL): $(STAMP) $(MODEL_INPUTS)
	$(BIN)/python -m olivebranch.check.training --corpus corpus

$(TESTSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[model,test]"
	touch $@

run: install
	$(BIN)/olivebranch start

test: install $(TESTSTAMP)
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m olivebranch.check.evaluation --corpus corpus

bench: install $(TESTSTAMP)
	$(BIN)/python -m pytest bench --benchmark-enable --benchmark-only -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .benchmarks olivebranch/data/model
