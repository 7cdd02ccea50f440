# The README's two commands are `make edition` and `make test`; both set the machine up first.
# Without make: bash scripts/setup.sh && tei-edition build   /   bash scripts/setup.sh && bash scripts/test.sh

PYTHON      ?= python3
TEI_EDITION ?= tei-edition
BUILD       ?= build
SHARED      ?= ../shared

.PHONY: all edition test setup clean score

all: edition

setup:
	bash scripts/setup.sh

# Convert every sources/*.txt into $(BUILD)/ (TEI, PDF, BibTeX; see README).
edition: setup
	$(TEI_EDITION) build --out $(BUILD)

# The test suite (python3 -m pytest -q; see scripts/test.sh for the no-tests case).
test: setup
	bash scripts/test.sh

# Compare the build with the gold files in ../shared/gold (run `make edition` first).
score:
	@test -d $(BUILD) || { echo "score: no $(BUILD)/ yet: run 'make edition' first" >&2; exit 1; }
	@test -f $(SHARED)/tools/score.py || { echo "score: $(SHARED)/tools/score.py not found" >&2; exit 1; }
	$(PYTHON) $(SHARED)/tools/score.py $(BUILD)/ $(SHARED)/gold/ --sources sources/

clean:
	rm -rf $(BUILD) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
