# eval.mk: how good and how fast extraction is (issue 3). Included by the top
# Makefile; neither target is part of `make test`.
#
#   make eval            scores `newsd extract` on the annotated sets of ../shared
#                        (samples/*.expected.json and eval/polnear-dev.jsonl) with
#                        ../shared/eval/score.py: quote precision, recall, F1 and
#                        speaker accuracy (tools/eval.py); a missing set is skipped
#                        with a message, so CI without ../shared passes
#   make eval-seed       the seed sample alone; exits 1 below its bar (make test)
#   make bench-extract   per-article extraction time for 250/1000/4000-word
#                        synthetic articles and a 1 MiB hostile input
#                        (bench/extract_bench.c), plus callgrind instruction
#                        counts when valgrind is installed
#
# Knobs: EVAL_SHARED (default ../shared), EVAL_INPUT (text | parts: how each
# article is sent, default text), EVAL_OFFSETS (map | null), EVAL_ERRORS (N
# examples of each error kind), EVAL_FLAGS (more tools/eval.py flags).

EVAL_SHARED  ?= ../shared
EVAL_INPUT   ?= text
EVAL_OFFSETS ?= null
EVAL_ERRORS  ?= 0
EVAL_FLAGS   ?=

.PHONY: eval eval-seed bench-extract

# The seed sample is a publisher's article, so it stays in ../shared and is not
# copied into tests/fixtures; `make test` checks it here when ../shared is there.
TEST_EXTRA += eval-seed

eval: build/newsd
	@if [ -d "$(EVAL_SHARED)" ]; then \
	    python3 tools/eval.py --newsd build/newsd --shared "$(EVAL_SHARED)" \
	        --input $(EVAL_INPUT) --offsets $(EVAL_OFFSETS) --errors $(EVAL_ERRORS) $(EVAL_FLAGS); \
	else \
	    echo "eval: $(EVAL_SHARED) not found: no annotated sets, nothing scored"; \
	fi

eval-seed: build/newsd
	@if [ -d "$(EVAL_SHARED)/samples" ]; then \
	    python3 tools/eval.py --newsd build/newsd --shared "$(EVAL_SHARED)" --set samples --strict; \
	else \
	    echo "eval-seed: $(EVAL_SHARED)/samples not found: seed sample not checked"; \
	fi

# The benchmark links the release library; it reads no files.
build/bench/extract_bench: bench/extract_bench.c build/libnewsd.a
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 -g -o $@ $< build/libnewsd.a $(PKGLIBS)

bench-extract: build/bench/extract_bench
	build/bench/extract_bench
	@if command -v valgrind >/dev/null 2>&1; then \
	    for w in 1000 4000; do \
	        valgrind --tool=callgrind --toggle-collect=ingest_run --callgrind-out-file=build/bench/callgrind.$$w.out \
	            build/bench/extract_bench --once $$w 2>&1 | \
	            sed -n 's/.*Collected : *\([0-9]*\).*/callgrind: '$$w'-word article: \1 instructions in ingest_run/p'; \
	    done; \
	    valgrind --tool=callgrind --toggle-collect=ingest_run --callgrind-out-file=build/bench/callgrind.hostile.out \
	        build/bench/extract_bench --once hostile 2>&1 | \
	        sed -n 's/.*Collected : *\([0-9]*\).*/callgrind: hostile 1 MiB input: \1 instructions in ingest_run/p'; \
	fi
