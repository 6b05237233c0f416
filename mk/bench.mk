# bench.mk: the benchmark suite of bench/ (issue 6). Included by the top Makefile;
# not part of `make test`.
#
#   make bench-deps   installs wrk, nginx-light and linux-perf when missing (apt-get)
#   make bench        builds newsd and bench/ceiling, generates the corpus, times
#                     ingest and extraction, then serves it with newsd, the
#                     libmicrohttpd ceiling, nginx and the ceiling's twin (the
#                     control) and loads each with wrk; prints one table (see
#                     docs/performance.md)
#   make bench-epoll-stall  shows why newsd polls (bench/epoll_stall.sh, 30 s)
#
# Knobs: BENCH_SCALE (articles per serving table, default "1000 20000"; add
# 100000 for the large table), BENCH_DURATION (seconds per wrk run, default 4),
# BENCH_CONNS (default "32 256"), BENCH_SEED (corpus seed, default 6),
# BENCH_ENDPOINTS (list article quotes search entities), BENCH_WALK (warm-up:
# seconds at most to fetch every URL of a list once per server, default 20;
# 0 turns the walk off), BENCH_REPEAT (runs of each server, endpoint and
# connection count, default 3: the report gives their median and spread),
# BENCH_CONTROL (1: run the ceiling's twin and judge it by the targets against
# the ceiling, default; 0: not), BENCH_OUT (work dir, default build/bench).

BENCH_DEPS_PKGS := wrk nginx-light linux-perf
BENCH_SCALE     ?= 1000 20000
BENCH_DURATION  ?= 4
BENCH_CONNS     ?= 32 256
BENCH_SEED      ?= 6
BENCH_OUT       ?= build/bench
BENCH_WALK      ?= 20
BENCH_REPEAT    ?= 3
BENCH_CONTROL   ?= 1

.PHONY: bench bench-deps bench-corpus bench-epoll-stall

bench-deps:
	@sh tools/apt-install.sh $(BENCH_DEPS_PKGS)
	@# Debian starts nginx on port 80 after installing it; the bench runs its own.
	@if [ -f /run/nginx.pid ] && kill -0 "$$(cat /run/nginx.pid)" 2>/dev/null; then \
	    echo "note: a system nginx runs (pid $$(cat /run/nginx.pid)); the bench starts its own on a loopback port"; fi

build/bench/ceiling: bench/ceiling.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -g -o $@ $< $(shell pkg-config --cflags --libs libmicrohttpd) -lpthread

bench: deps bench-deps
	$(MAKE) build/newsd build/bench/ceiling
	BENCH_SCALE="$(BENCH_SCALE)" BENCH_DURATION="$(BENCH_DURATION)" BENCH_CONNS="$(BENCH_CONNS)" \
	    BENCH_SEED="$(BENCH_SEED)" BENCH_OUT="$(BENCH_OUT)" BENCH_WALK="$(BENCH_WALK)" BENCH_REPEAT="$(BENCH_REPEAT)" \
	    BENCH_CONTROL="$(BENCH_CONTROL)" bench/run.sh

bench-epoll-stall: bench-deps build/bench/ceiling
	bench/epoll_stall.sh

# Only the corpus (for BENCH_SCALE), e.g. to generate 100,000 articles ahead.
bench-corpus:
	BENCH_SCALE="$(BENCH_SCALE)" BENCH_SEED="$(BENCH_SEED)" BENCH_OUT="$(BENCH_OUT)" \
	    bench/run.sh --corpus-only

# A perf profile of newsd serving one endpoint of the last run's largest table:
# make bench-profile PROFILE_ENDPOINT=search PROFILE_SCALE=20000
PROFILE_ENDPOINT ?= list
PROFILE_SCALE    ?= 20000
.PHONY: bench-profile
bench-profile: bench-deps
	bench/profile.sh $(PROFILE_ENDPOINT) $(PROFILE_SCALE)
