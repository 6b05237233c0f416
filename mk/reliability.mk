# reliability.mk: fault tests of the real server and CLI (tests/reliability/,
# Python 3 standard library only). Included by the top Makefile.
#
#   make reliability        the quick set, part of `make test` (about a minute):
#                           kill -9 during POSTs (4 rounds) and during `newsd
#                           ingest` (4 kills), SIGTERM during writes, hostile
#                           requests, 200 stalled clients, disk full on a tmpfs
#   make soak               the long variants: 20 kill rounds each, a longer
#                           stall, and I/O errors injected with libfiu
#   make reliability-deps   installs fiu-utils (libfiu's fiu-run) when missing
#
# Narrow or replay a run with RELIABILITY_ARGS, e.g.
#   make reliability RELIABILITY_ARGS="hostile stalled -v"
#   RELIABILITY_SEED=12345 make soak
# The disk-full test mounts a tmpfs, so it needs root; without that it is
# skipped with a message. Servers listen on 127.0.0.1 only.

RELIABILITY_PY   := PYTHONDONTWRITEBYTECODE=1 python3 tests/reliability/run.py
RELIABILITY_ARGS ?=
RELIABILITY_DEPS_PKGS := fiu-utils

.PHONY: reliability soak reliability-deps

reliability: build/newsd
	@$(RELIABILITY_PY) $(RELIABILITY_ARGS)

soak: build/newsd reliability-deps
	@$(RELIABILITY_PY) --soak $(RELIABILITY_ARGS)

reliability-deps:
	@sh tools/apt-install.sh $(RELIABILITY_DEPS_PKGS)

TEST_EXTRA += reliability
