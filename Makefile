# ServeFlow: `make run` serves the product on the embedded default; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
UV_VERSION := 0.13.9

.PHONY: run test install lint format lock clean infra-lint client test-client

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Installs exactly the locked versions (hash-checked); re-runs only when a lock file changes.
$(VENV)/.installed: $(BIN)/uv requirements/base.lock requirements/dev.lock
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements/base.lock requirements/dev.lock
	touch $@

install: $(VENV)/.installed

run: install client
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data
	PORT=$(PORT) bin/serve

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest
	$(MAKE) --no-print-directory test-client

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

# The web client (web-client/): `make run` builds it when Node.js is present, `make test` runs its unit tests
# (Vitest) and its end-to-end tests (playwright-core driving Debian's Chromium against the real backend).
HAVE_NPM := $(shell command -v npm 2>/dev/null)
CLIENT_INPUTS := $(shell find web-client/src web-client/index.html web-client/codegen.ts web-client/codegen web-client/vite.config.ts \
	graphql_api marketplace cms -type f -not -path 'web-client/src/gql/*' -not -name '*.pyc' -not -name '*.test.ts' -not -name '*.test.tsx' 2>/dev/null)

web-client/node_modules/.package-lock.json: web-client/package-lock.json
	cd web-client && npm ci --no-audit --no-fund --loglevel=error

# npm run build = export the schema + codegen + tsc + vite build + precompress; re-runs only when an input changes.
web-client/dist/index.html: $(VENV)/.installed web-client/node_modules/.package-lock.json $(CLIENT_INPUTS)
	cd web-client && npm run --silent build

ifdef HAVE_NPM
client: install web-client/dist/index.html
else
client:
	@echo "Node.js (20+) with npm is not installed: skipping the web client; the API and CMS still serve."
endif

test-client: install
	@command -v npm >/dev/null || { echo "make test needs Node.js 20+ and npm for the web client tests"; exit 1; }
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(MAKE) --no-print-directory web-client/dist/index.html
	cd web-client && npm test --silent && npm run --silent e2e
