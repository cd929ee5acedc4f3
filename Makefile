# ServeFlow: `make run` serves the product on the embedded default; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
UV_VERSION := 0.13.9

.PHONY: run test install lint format lock clean infra-lint

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Installs exactly the locked versions (hash-checked); re-runs only when a lock file changes.
$(VENV)/.installed: $(BIN)/uv requirements/base.lock requirements/dev.lock
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements/base.lock requirements/dev.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data
	PORT=$(PORT) bin/serve

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Re-resolve the locks after editing requirements/*.in.
lock: $(BIN)/uv
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements/base.in -o requirements/base.lock
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements/dev.in -o requirements/dev.lock
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements/infra.in -o requirements/infra.lock

clean:
	rm -rf $(VENV) $(INFRA_VENV) var

# Infrastructure linters (checkov, hadolint) in their own virtualenv, so their dependencies never touch the app's locks.
INFRA_VENV := .venv-infra
$(INFRA_VENV)/.installed: $(BIN)/uv requirements/infra.lock
	$(PYTHON) -m venv $(INFRA_VENV)
	$(BIN)/uv pip sync --quiet --python $(INFRA_VENV)/bin/python --require-hashes requirements/infra.lock
	touch $@

# Offline: every Terraform finding is fixed or skipped in the file with a reason; the Dockerfile passes hadolint.
infra-lint: $(INFRA_VENV)/.installed
	$(INFRA_VENV)/bin/hadolint Dockerfile
	$(INFRA_VENV)/bin/checkov --quiet --compact --skip-download --framework terraform -d infra/terraform
	$(INFRA_VENV)/bin/checkov --quiet --compact --skip-download --framework dockerfile -f Dockerfile
