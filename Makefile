# newsd build. `make` builds build/newsd; `make run` installs what is missing,
# builds, loads the samples and serves; `make test` runs every test twice: on the
# release build and on an AddressSanitizer + UndefinedBehaviorSanitizer build.

CC      ?= cc
PKGS    := libmicrohttpd jansson sqlite3 libdeflate liblz4
DB      ?= newsd.db

# Debian packages the build and the tests need; `make deps` installs the missing.
# libxxhash-dev is used from its header alone (no run-time library).
DEPS_PKGS := gcc make pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev \
             libcriterion-dev libdeflate-dev liblz4-dev libxxhash-dev python3 curl valgrind

WARN    := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wcast-qual -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wundef -Wno-unused-parameter
CSTD    := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
PKGFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
TESTLIBS = $(shell pkg-config --libs criterion 2>/dev/null || echo -lcriterion)

BASE_CFLAGS = $(CSTD) $(WARN) -Iinclude $(PKGFLAGS) -MMD -MP
REL_CFLAGS  := -O2 -g
SAN_CFLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all

LIB_SRC   := $(sort $(shell find server -name '*.c' ! -name main.c 2>/dev/null))
UNIT_SRC  := $(sort $(wildcard tests/unit/*.c))
API_SRC   := $(sort $(wildcard tests/api/*.c))
MIGRATIONS := $(sort $(wildcard migrations/*.sql))
DATA      := $(sort $(wildcard data/*.txt))
DOCS_EMBED := docs/openapi.json
GEN_SRC   := build/gen/embedded_migrations.c build/gen/embedded_docs.c build/gen/gazetteer_table.c

# Objects of one variant (release: build/, sanitizers: build/san/).
objs = $(patsubst %.c,$(1)/obj/%.o,$(2))

.PHONY: all deps run test check unit api san lint clean docs valgrind
all: build/newsd

deps:
	@sh tools/apt-install.sh $(DEPS_PKGS)

build/gen/embedded_migrations.c: tools/embed.sh $(MIGRATIONS)
	@mkdir -p $(@D)
	sh tools/embed.sh embedded_migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

build/gen/gazetteer_table.c: tools/gen_gazetteer.py $(DATA)
	@mkdir -p $(@D)
	python3 tools/gen_gazetteer.py $(DATA) > $@.tmp && mv $@.tmp $@

build/gen/embedded_docs.c: tools/embed.sh $(DOCS_EMBED)
	@mkdir -p $(@D)
	sh tools/embed.sh embedded_docs $(DOCS_EMBED) > $@.tmp && mv $@.tmp $@

# --- release variant ---------------------------------------------------------
REL_LIB_OBJ := $(call objs,build,$(LIB_SRC) $(GEN_SRC:build/%=%))
build/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) -c $< -o $@
build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) -c $< -o $@
build/libnewsd.a: $(REL_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/newsd: build/obj/server/main.o build/libnewsd.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKGLIBS)
build/unit_tests: $(call objs,build,$(UNIT_SRC)) build/libnewsd.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKGLIBS) $(TESTLIBS)
build/api_tests: $(call objs,build,$(API_SRC)) build/libnewsd.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKGLIBS) $(TESTLIBS)

# --- sanitizer variant -------------------------------------------------------
SAN_LIB_OBJ := $(call objs,build/san,$(LIB_SRC) $(GEN_SRC:build/%=%))
build/san/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC (san) $<"
	@$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) -c $< -o $@
build/san/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo "CC (san) $<"
	@$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) -c $< -o $@
build/san/libnewsd.a: $(SAN_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/san/newsd: build/san/obj/server/main.o build/san/libnewsd.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKGLIBS)
build/san/unit_tests: $(call objs,build/san,$(UNIT_SRC)) build/san/libnewsd.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKGLIBS) $(TESTLIBS)
build/san/api_tests: $(call objs,build/san,$(API_SRC)) build/san/libnewsd.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKGLIBS) $(TESTLIBS)

# --- running -----------------------------------------------------------------
run: deps
	$(MAKE) build/newsd
	build/newsd migrate --db $(DB)
	build/newsd ingest --db $(DB) samples
	build/newsd serve --db $(DB)

# Tests run from the top folder: fixtures and samples are found by relative path.
# The API tests spawn the binary named by NEWSD_BIN on a free loopback port.
unit: build/unit_tests
	build/unit_tests
api: build/newsd build/api_tests
	NEWSD_BIN=build/newsd build/api_tests
san: build/san/newsd build/san/unit_tests build/san/api_tests
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    build/san/unit_tests
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    NEWSD_BIN=build/san/newsd build/san/api_tests

# valgrind on a short serve-and-query life of the release binary: no leak.
valgrind: build/newsd
	tests/valgrind/serve.sh build/newsd

test: deps
	$(MAKE) lint
	$(MAKE) unit api
	$(MAKE) san
	$(MAKE) valgrind
	$(if $(TEST_EXTRA),$(MAKE) $(TEST_EXTRA))
	@echo "all test suites passed (release and sanitizer builds)"

check: san

# Banned functions (the curl idea): unbounded or locale-blind string calls.
lint:
	@! grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets)\s*\(' \
	    $$(find server include tests -name '*.[ch]') || \
	    { echo "lint: banned function used (see above)"; exit 1; }
	@echo "lint: ok"

# Regenerates the curl examples of README.md and docs/api.md from a real run
# (tests/api/test_docs.c checks that they still match), and docs/openapi.json.
docs: build/newsd
	python3 tools/gen_openapi.py
	tools/tour.sh > build/tour.md
	python3 tools/splice.py README.md '<!-- tour:begin -->' '<!-- tour:end -->' < build/tour.md
	python3 tools/splice.py docs/api.md '<!-- examples:begin -->' '<!-- examples:end -->' < build/tour.md

clean:
	rm -rf build

# Feature makefiles (fuzzing, benchmarks, evaluation, reliability) add their own
# targets; each may append to TEST_EXTRA, which `make test` runs last.
-include $(sort $(wildcard mk/*.mk))

-include $(shell find build -name '*.d' 2>/dev/null)

# Optional, not part of `make test` (CI has no browser): newsd from a page on
# another origin in Debian's Chromium (apt-get install chromium), through
# playwright-core from npm. See docs/api.md, "From a browser".
browser-check: build/newsd
	@test -x "$${CHROMIUM:-/usr/bin/chromium}" || \
	    { echo "browser-check: needs Chromium (apt-get install -y chromium)"; exit 1; }
	@test -d tools/browser/node_modules/playwright-core || \
	    (cd tools/browser && npm install --no-audit --no-fund --loglevel=error)
	node tools/browser/check.mjs build/newsd
