# fuzz.mk: libFuzzer targets for the parsers that take untrusted input
# (tests/fuzz/fuzz_<name>.c) and their checked-in seed corpora
# (tests/fuzz/corpus/<name>/). Included by the top Makefile.
#
#   make fuzz-replay   every corpus input once through each target, built with
#                      gcc + ASan/UBSan (no clang needed); part of `make test`
#   make fuzz          builds the targets with clang -fsanitize=fuzzer and runs
#                      each for FUZZ_SECONDS (default 60); new inputs go to
#                      build/fuzz/corpus/<name>/, crashes to build/fuzz/artifacts/
#   make fuzz-merge    adds the inputs of build/fuzz/corpus/ that reach new code
#                      to the checked-in corpora (libFuzzer -merge=1)
#   make fuzz-deps     installs clang and libFuzzer when missing (Debian 12:
#                      clang and libclang-rt-14-dev)
#
# Narrow a run with FUZZ_TARGETS="fts params" or tune FUZZ_SECONDS, FUZZ_FLAGS.

FUZZ_TARGETS ?= extract record cursor fts params request store http
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS   ?=
# 1: the targets step over inputs that hit a reported, still open finding
# (see fuzz_skip_known_on in tests/fuzz/fuzz.h); 0 to hunt them again.
FUZZ_SKIP_KNOWN ?= 1
FUZZ_DEPS_PKGS := clang libclang-rt-14-dev

# Inputs longer than this are not tried (the parsers' own caps are far lower,
# except ingest, which takes whole pages).
FUZZ_MAXLEN_extract := 65536
FUZZ_MAXLEN_record  := 65536
FUZZ_MAXLEN_store   := 16384
FUZZ_MAXLEN_cursor  := 2048
FUZZ_MAXLEN_fts     := 1024
FUZZ_MAXLEN_params  := 4096
FUZZ_MAXLEN_request := 8192
FUZZ_MAXLEN_http    := 8192
FUZZ_RPAREN := )

# Extra link flags of one target: the cursor target watches the scope the
# lists pass to store_cursor_decode (see tests/fuzz/fuzz_cursor.c).
FUZZ_LDFLAGS_cursor := -Wl,--wrap=store_cursor_decode

# Every target links its own file and the shared helpers.
FUZZ_COMMON_SRC := tests/fuzz/fuzz_common.c
FUZZ_SRC := $(sort $(wildcard tests/fuzz/*.c))
# Objects reached only through the pattern rules below: keep them.
.SECONDARY: $(call objs,build/san,$(FUZZ_SRC)) $(call objs,build/fuzz,$(FUZZ_SRC))
FUZZ_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: fuzz fuzz-replay fuzz-build fuzz-merge fuzz-deps

# --- replay with gcc (sanitizer variant of the Makefile) --------------------
# Objects come from the Makefile's build/san/obj/%.o rule (BASE_CFLAGS and
# SAN_CFLAGS, -Werror included).
FUZZ_REPLAY_BINS := $(FUZZ_TARGETS:%=build/san/fuzz/replay_%)

build/san/fuzz/replay_%: build/san/obj/tests/fuzz/fuzz_%.o \
                         $(call objs,build/san,$(FUZZ_COMMON_SRC) tests/fuzz/replay.c) \
                         build/san/libnewsd.a
	@mkdir -p $(@D)
	$(CC) $(SAN_CFLAGS) $(FUZZ_LDFLAGS_$*) -o $@ $^ $(PKGLIBS)

# One line per target, then one summary line; fails when any corpus input
# fails. tests/fuzz/known/<name>/ holds reproducers of reported, not yet fixed
# bugs: each runs alone, its failure is expected and only counted, and one
# that passes is named so it can move into the corpus as a regression case.
fuzz-replay: $(FUZZ_REPLAY_BINS)
	@inputs=0; failed=0; open=0; \
	for t in $(FUZZ_TARGETS); do \
	    if line=$$($(FUZZ_ENV) build/san/fuzz/replay_$$t -q tests/fuzz/corpus/$$t); then \
	        echo "  $$line"; \
	    else \
	        echo "  $$t: FAILED (see the report above)"; failed=$$((failed + 1)); \
	    fi; \
	    n=$$(echo "$$line" | sed -n 's/^[^:]*: \([0-9]*\) inputs.*/\1/p'); \
	    inputs=$$((inputs + $${n:-0})); \
	    for k in tests/fuzz/known/$$t/*; do \
	        test -f "$$k" || continue; \
	        if $(FUZZ_ENV) build/san/fuzz/replay_$$t -q "$$k" >/dev/null 2>&1; then \
	            echo "  fixed: $$k passes now; move it to tests/fuzz/corpus/$$t/"; \
	        else \
	            open=$$((open + 1)); \
	        fi; \
	    done; \
	done; \
	echo "fuzz replay: $(words $(FUZZ_TARGETS)) targets, $$inputs inputs, $$failed failed" \
	     "($$open open findings in tests/fuzz/known/)"; \
	test $$failed -eq 0

TEST_EXTRA += fuzz-replay

# --- libFuzzer builds with clang ---------------------------------------------
# The library is compiled again with coverage instrumentation. -Werror is left
# out here: clang warns about things gcc does not, and the gcc builds already
# hold the code to -Werror.
FUZZ_CFLAGS := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
               -fsanitize=fuzzer-no-link,address,undefined
FUZZ_LIB_OBJ := $(call objs,build/fuzz,$(LIB_SRC) $(GEN_SRC:build/%=%))
FUZZ_BINS := $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC (fuzz) $<"
	@$(FUZZ_CC) $(filter-out -Werror,$(BASE_CFLAGS)) $(FUZZ_CFLAGS) -c $< -o $@
build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo "CC (fuzz) $<"
	@$(FUZZ_CC) $(filter-out -Werror,$(BASE_CFLAGS)) $(FUZZ_CFLAGS) -c $< -o $@
build/fuzz/libnewsd.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/fuzz/fuzz_%: build/fuzz/obj/tests/fuzz/fuzz_%.o \
                   $(call objs,build/fuzz,$(FUZZ_COMMON_SRC)) build/fuzz/libnewsd.a
	$(FUZZ_CC) $(subst fuzzer-no-link,fuzzer,$(FUZZ_CFLAGS)) $(FUZZ_LDFLAGS_$*) -o $@ $^ $(PKGLIBS)

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

# Each target runs FUZZ_SECONDS over its checked-in corpus plus the working
# corpus of earlier runs; a slow input (> 2 s) counts as a crash. All targets
# run even when one fails; the artifacts are listed at the end.
fuzz: fuzz-build
	@failed=""; \
	for t in $(FUZZ_TARGETS); do \
	    mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts/$$t; \
	    dict=""; test -f tests/fuzz/dict/$$t.dict && dict="-dict=tests/fuzz/dict/$$t.dict"; \
	    maxlen=4096; case $$t in $(foreach x,$(FUZZ_TARGETS),$(x)$(FUZZ_RPAREN) maxlen=$(FUZZ_MAXLEN_$(x));;) esac; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	    $(FUZZ_ENV) FUZZ_SKIP_KNOWN=$(FUZZ_SKIP_KNOWN) build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=2 \
	        -rss_limit_mb=2048 -max_len=$$maxlen -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/artifacts/$$t/ $$dict $(FUZZ_FLAGS) \
	        build/fuzz/corpus/$$t tests/fuzz/corpus/$$t 2>build/fuzz/$$t.log \
	        || failed="$$failed $$t"; \
	    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ *DONE' \
	        build/fuzz/$$t.log | tr '\n' ' '; echo; \
	done; \
	if [ -n "$$failed" ]; then \
	    echo "fuzz: findings in:$$failed (logs: build/fuzz/<name>.log)"; \
	    ls -l build/fuzz/artifacts/*/ 2>/dev/null; exit 1; \
	fi; \
	echo "fuzz: $(words $(FUZZ_TARGETS)) targets, $(FUZZ_SECONDS) s each, no findings"

# Known findings are not skipped here: an input that still hits one crashes
# during the merge and stays out, so `make fuzz-replay` keeps passing. Edge
# coverage only (-use_counters=0) keeps the corpora small.
fuzz-merge: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p build/fuzz/corpus/$$t; \
	    $(FUZZ_ENV) FUZZ_SKIP_KNOWN=0 build/fuzz/fuzz_$$t -merge=1 -use_counters=0 -timeout=2 \
	        -rss_limit_mb=2048 tests/fuzz/corpus/$$t build/fuzz/corpus/$$t 2>&1 \
	        | grep -E 'MERGE-OUTER: [0-9]+ new files' | sed "s/^/$$t: /"; \
	    echo "$$t: $$(ls tests/fuzz/corpus/$$t | wc -l) files," \
	         "$$(du -sk tests/fuzz/corpus/$$t | cut -f1) KiB"; \
	done

# clang with libFuzzer's runtime; installs the Debian packages when missing.
fuzz-deps:
	@if ! printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }\n' | \
	    $(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null >/dev/null 2>&1; then \
	    sh tools/apt-install.sh $(FUZZ_DEPS_PKGS); \
	fi
