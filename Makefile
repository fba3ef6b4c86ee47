# `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The Korean interface: compiled from its .ts source by Qt's lrelease (ships with PySide6).
TRANSLATIONS := resources/translations/ostplayer_ko.qm

.PHONY: run test lint format system-deps test-deps bench screenshots clean translations

run: $(STAMP) system-deps $(TRANSLATIONS)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "make run: no display found (DISPLAY is not set); run it in a desktop session, or try: xvfb-run -a make run"; \
		exit 1; \
	fi
	$(BIN)/ostplayer

test: $(STAMP) test-deps $(TRANSLATIONS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# Both cores, tests handed out as workers free up. Bytecode is written even where the
	@# environment says not to: pytest then rewrites each test module's asserts once, not
	@# once per worker and run (5 s of every run otherwise).
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto --dist worksteal

%.qm: %.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

system-deps: $(STAMP)
	@bash .ci/ensure-system-deps.sh $(VENV)

test-deps: $(STAMP)
	@bash .ci/ensure-system-deps.sh --test $(VENV)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "OST Player needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	@# A venv without pip (created while python3-venv was missing) is made again.
	@if ! $(BIN)/python -m pip --version >/dev/null 2>&1; then \
		rm -rf $(VENV); \
		$(PYTHON) -m venv $(VENV) 2>/dev/null || \
			{ rm -rf $(VENV); bash .ci/ensure-venv.sh $(PYTHON) && $(PYTHON) -m venv $(VENV); } || \
			{ echo "could not create $(VENV): install python3-venv"; exit 1; }; \
	fi
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	@# The scan benchmark times Quod Libet, Strawberry and Clementine too: --bench installs them.
	@bash .ci/ensure-system-deps.sh --bench $(VENV)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/run_all.py

screenshots: $(STAMP) test-deps $(TRANSLATIONS)
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python docs/make_screenshots.py

translations: $(TRANSLATIONS)

clean:
	rm -f $(TRANSLATIONS)
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
