# Two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test system-deps venv benchmarks screenshots accessibility-report clean

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

## Rewrite docs/accessibility.md from the tests' conformance markers.
accessibility-report: $(STAMP)
	$(PY) -m tests.conformance

clean:
	rm -rf $(VENV) var build dist *.egg-info .pytest_cache

# --- Signed builds for the kiosk fleet (docs/deploy.md) ---------------------------
UPDATE_REPO     ?= var/update-repo
OFFLINE_KEYS    ?= var/keys/offline
ONLINE_KEYS     ?= var/keys/online
CHANNEL         ?= stable
DEVICE_GROUPS   ?= *
RELEASE_VERSION ?= $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
PUBLISH         := $(PY) packaging/update_repository.py --repo $(UPDATE_REPO)

.PHONY: bundle bundle-compare publish update-keys update-repo-init update-refresh

## Build dist/welfare-kiosk/ and dist/welfare-kiosk-<version>.tar.gz from the committed tree.
bundle: $(STAMP)
	$(PY) -m pip install --quiet -e '.[packaging]'
	$(PY) packaging/bundle.py build --out dist

## Report files that differ between two bundles: make bundle-compare A=dir1 B=dir2
bundle-compare:
	$(PY) packaging/bundle.py compare $(A) $(B)

## Generate keys (offline root x3 + targets, online snapshot + timestamp); once, on an offline machine.
update-keys: $(STAMP)
	$(PUBLISH) create-keys --offline-keys $(OFFLINE_KEYS) --online-keys $(ONLINE_KEYS)

## Create the update repository (root 2-of-3) in $(UPDATE_REPO).
update-repo-init: $(STAMP)
	$(PUBLISH) init --offline-keys $(OFFLINE_KEYS) --online-keys $(ONLINE_KEYS)

## Sign and add dist/welfare-kiosk-$(RELEASE_VERSION).tar.gz to $(CHANNEL) for $(DEVICE_GROUPS).
publish: $(STAMP)
	$(PUBLISH) publish --offline-keys $(OFFLINE_KEYS) --online-keys $(ONLINE_KEYS) \
	    --archive dist/welfare-kiosk-$(RELEASE_VERSION).tar.gz --version $(RELEASE_VERSION) \
	    --channel $(CHANNEL) --groups '$(DEVICE_GROUPS)'

## Re-sign snapshot and timestamp with the online keys (daily, from cron on the publishing machine).
update-refresh: $(STAMP)
	$(PUBLISH) refresh --online-keys $(ONLINE_KEYS)
