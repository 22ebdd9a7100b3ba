# sysdraft — two commands on a fresh machine:
#   make run    install what is missing, build, open the worked example in the workspace
#   make test   install what the tests need, build, run every test
SWIFT      ?= swift
PREFIX     ?= /usr/local
RUN_DEBS   := libncursesw5-dev pkg-config
TEST_DEBS  := $(RUN_DEBS) tmux cmark-gfm graphviz librsvg2-bin python3-venv unicode-data units man-db groff-base zsh fish
# Checkers from PyPI that tests run (installed into $(VENV); tests find them in $(VENV)/bin).
PY_PKGS    := openapi-spec-validator pglast sarif-tools
VENV       := .build/venv
BENCH_DEBS := $(RUN_DEBS) libgraph-easy-perl
DEMO       := .build/demo/url-shortener.json
BIN         = $(shell $(SWIFT) build --show-bin-path)/sysdraft

.PHONY: run test build release release-static bench install test-stress deps-run deps-test deps-py clean

run: deps-run build
	@mkdir -p $(dir $(DEMO))
	@[ -f $(DEMO) ] || $(BIN) new $(DEMO) --from url-shortener
	$(BIN) $(DEMO)

test: deps-test deps-py build release-static
	$(SWIFT) test

build:
	$(SWIFT) build

release: deps-run
	$(SWIFT) build -c release

# Benchmarks are measured, not asserted: see BENCHMARKS.md.
bench: deps-run
	@.ci/install-debs $(BENCH_DEBS) || echo "graph-easy not installed; comparison skipped"
	$(SWIFT) build -c release --product sysdraft-bench
	$$($(SWIFT) build -c release --show-bin-path)/sysdraft-bench

# Long version of the kill-at-random-moments recovery test.
test-stress: deps-test build
	SYSDRAFT_STRESS=1 $(SWIFT) test --filter Stress

# The program (its data is compiled in, and so is the Swift runtime: the binary alone can be
# copied anywhere), completions for bash, zsh and fish, and the manual page. SYSDRAFT_BIN=PATH
# installs that program instead of a release build (the tests install the debug build).
SHARE = $(PREFIX)/share
install: $(if $(SYSDRAFT_BIN),,release-static)
	install -d $(PREFIX)/bin $(SHARE)/man/man1 $(SHARE)/bash-completion/completions \
	  $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(or $(SYSDRAFT_BIN),$$($(SWIFT) build -c release --show-bin-path)/sysdraft) $(PREFIX)/bin/sysdraft
	$(PREFIX)/bin/sysdraft generate-manual > $(SHARE)/man/man1/sysdraft.1
	$(PREFIX)/bin/sysdraft --generate-completion-script bash > $(SHARE)/bash-completion/completions/sysdraft
	$(PREFIX)/bin/sysdraft --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_sysdraft
	$(PREFIX)/bin/sysdraft --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/sysdraft.fish
	@echo "installed $(PREFIX)/bin/sysdraft; run \`sysdraft doctor\` to check (is $(PREFIX)/bin on your PATH?)"

# A release build with the Swift runtime linked in (no libswiftCore.so needed where it runs).
release-static: deps-run
	$(SWIFT) build -c release --product sysdraft --static-swift-stdlib

deps-run:
	@.ci/install-debs $(RUN_DEBS)

deps-test:
	@.ci/install-debs $(TEST_DEBS)

# A virtual environment under .build/ with the PyPI checkers; reinstalled when PY_PKGS changes.
deps-py:
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	@[ "$$(cat $(VENV)/.installed 2>/dev/null)" = "$(PY_PKGS)" ] || \
	  { $(VENV)/bin/pip install -q --disable-pip-version-check $(PY_PKGS) && echo "$(PY_PKGS)" > $(VENV)/.installed; }

clean:
	rm -rf .build
