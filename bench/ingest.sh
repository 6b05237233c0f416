#!/usr/bin/env bash
# ingest.sh: times `newsd ingest` of the benchmark corpus into fresh databases,
# on its own (the ingest part of bench/run.sh, with more detail, for issue 6).
#
#   bench/ingest.sh [SCALE...]        default: 10000
#
# For each scale (a multiple of 1,000): articles/s, MB/s of JSON lines read,
# database bytes per article (file + WAL after the run), the process's user
# and system CPU seconds and peak RSS, and the load average before and after
# (other work on the machine moves wall times; compare CPU seconds too).
# The corpus comes from bench/run.sh --corpus-only (make bench-corpus), made
# here when missing. Knobs: NEWSD (build/newsd), BENCH_SEED (6), BENCH_OUT
# (build/bench), INGEST_ARGS (extra arguments, e.g. "--threads 1"),
# INGEST_REPEAT (runs per scale, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

NEWSD=${NEWSD:-build/newsd}
SEED=${BENCH_SEED:-6}
OUT=${BENCH_OUT:-build/bench}
REPEAT=${INGEST_REPEAT:-1}
SCALES=${*:-10000}
MAX=0
for s in $SCALES; do
    if [ $((s % 1000)) -ne 0 ] || [ "$s" -le 0 ]; then
        echo "ingest.sh: scales are multiples of 1000" >&2
        exit 2
    fi
    [ "$s" -gt "$MAX" ] && MAX=$s
done
[ -x "$NEWSD" ] || { echo "ingest.sh: build $NEWSD first (make)" >&2; exit 2; }

CORPUS=$OUT/corpus-seed$SEED
have=$(sed -n 2p "$CORPUS/stamp" 2>/dev/null || echo 0)
if [ "$have" -lt "$MAX" ]; then
    BENCH_SCALE=$MAX BENCH_SEED=$SEED BENCH_OUT=$OUT bench/run.sh --corpus-only
fi

work=$(mktemp -d /tmp/newsd-ingest-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
printf '%-8s %9s %7s %11s %8s %8s %8s %7s  %s\n' articles "art/s" "MB/s" "bytes/art" \
    "wall s" "user s" "sys s" "RSS MB" "load before -> after"
for s in $SCALES; do
    files=()
    for ((i = 0; i < s / 1000; i++)); do files+=("$(printf '%s/part-%04d.jsonl' "$CORPUS" "$i")"); done
    bytes=$(cat "${files[@]}" | wc -c)
    for ((r = 0; r < REPEAT; r++)); do
        rm -f "$work"/news.db*
        load0=$(cut -d' ' -f1 /proc/loadavg)
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
            "$NEWSD" ingest ${INGEST_ARGS:-} --db "$work/news.db" "${files[@]}" \
            > "$work/out" 2> "$work/err" || { cat "$work/out" "$work/err" >&2; exit 1; }
        load1=$(cut -d' ' -f1 /proc/loadavg)
        read -r wall user sys rss < "$work/time"
        dbbytes=$(cat "$work"/news.db* | wc -c)
        awk -v n="$s" -v b="$bytes" -v d="$dbbytes" -v w="$wall" -v u="$user" -v y="$sys" \
            -v m="$rss" -v l0="$load0" -v l1="$load1" 'BEGIN {
                printf "%-8d %9.0f %7.2f %11.0f %8.2f %8.2f %8.2f %7.0f  %s -> %s\n",
                    n, n / w, b / 1048576 / w, d / n, w, u, y, m / 1024, l0, l1 }'
        grep -q "^$s ingested, 0 duplicates, 0 failed" "$work/out" ||
            { echo "ingest.sh: unexpected summary: $(cat "$work/out")" >&2; exit 1; }
    done
done
