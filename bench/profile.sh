#!/usr/bin/env bash
# profile.sh: a CPU profile of newsd serving one endpoint under a short wrk load
# (perf, with DWARF call graphs), on a database and URL list left by
# bench/run.sh. Prints the top functions by self time and by inclusive time
# (callers included), and newsd's CPU time per request.
#
#   bench/profile.sh [ENDPOINT] [SCALE]       default: list 20000
#   e.g. bench/profile.sh search 20000
#
# Knobs: PROFILE_SECONDS (5), PROFILE_CONNS (32), PROFILE_FREQ (999 Hz),
# BENCH_OUT (build/bench), NEWSD (build/bench/run/newsd, the binary the run used).
# Needs perf (Debian: linux-perf; `make bench-deps` installs it). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
EP=${1:-list}
SCALE=${2:-20000}
OUT=${BENCH_OUT:-build/bench}
RUN=$OUT/run
DIR=$RUN/s$SCALE
SECS=${PROFILE_SECONDS:-5}
CONNS=${PROFILE_CONNS:-32}
FREQ=${PROFILE_FREQ:-999}
NEWSD=${NEWSD:-$RUN/newsd}
[ -x "$NEWSD" ] || NEWSD=build/newsd
[ -f "$DIR/newsd.db" ] && [ -f "$DIR/urls-$EP.txt" ] ||
    { echo "profile.sh: no $DIR/newsd.db or urls-$EP.txt: run make bench first" >&2; exit 1; }
command -v perf >/dev/null || { echo "profile.sh: perf is missing (make bench-deps)" >&2; exit 1; }

PROF=$OUT/profile-$EP-$SCALE
mkdir -p "$PROF"
"$NEWSD" serve --db "$DIR/newsd.db" --port 0 > "$PROF/newsd.out" 2> /dev/null &
pid=$!
wpid=
trap 'kill $pid ${wpid:-} 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q listening "$PROF/newsd.out" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$PROF/newsd.out" | head -1)

# Load for 1 s more than the profile on each side, so it covers steady state only.
wrk -t"$(nproc)" -c"$CONNS" -d$((SECS + 2))s --timeout 2s -s bench/rotate.lua \
    "http://127.0.0.1:$port" -- "$DIR/urls-$EP.txt" > "$PROF/wrk.out" 2>&1 &
wpid=$!
sleep 1
c0=$(awk '{print $14 + $15}' /proc/$pid/stat)
perf record -q -F "$FREQ" --call-graph dwarf,16384 -p "$pid" -o "$PROF/perf.data" -- sleep "$SECS" \
    2> "$PROF/perf-record.log"
c1=$(awk '{print $14 + $15}' /proc/$pid/stat)
wait $wpid || true
wpid=
r=$(sed -n 's/^RESULT //p' "$PROF/wrk.out")
set +o pipefail # head closes the reports' pipes early
echo "## newsd profile: $EP at $SCALE articles, $CONNS connections, ${SECS}s at ${FREQ} Hz"
echo
echo "wrk (whole run, $((SECS + 2)) s): $r"
echo "newsd CPU during the profile (perf's own unwinding included): $(( (c1 - c0) * 10 )) ms over ${SECS} s"
echo
echo "### Self time (top 25; library symbols without debug info show as addresses)"
echo '```'
perf report -i "$PROF/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null |
    grep -E '^ +[0-9]' | head -25
echo '```'
echo
echo "### Inclusive time (callers included, top 45)"
echo '```'
perf report -i "$PROF/perf.data" --children --sort symbol --stdio -g none 2>/dev/null |
    grep -E '^ +[0-9]' | grep -v '\] 0x0000' | head -45
echo '```'
echo
echo "### By library"
echo '```'
perf report -i "$PROF/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null |
    grep -E '^ +[0-9]' | head -10
echo '```'
