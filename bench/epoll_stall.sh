#!/usr/bin/env bash
# epoll_stall.sh: shows why newsd polls instead of using epoll (docs/performance.md,
# session 19). bench/ceiling, with one pool thread, is loaded with 127 and then
# 128 keep-alive connections, in epoll mode and in poll mode. With
# libmicrohttpd 0.9.75 in epoll mode a pool thread with exactly 128 connections
# ready at one moment stops answering: the runs at 128 connections fall
# from tens of thousands of requests a second to tens (now and then to a
# fraction of the 127-connection rate only). In poll mode both counts answer
# alike. Takes about 30 s; loopback only.
#
#   bench/epoll_stall.sh            (needs wrk and build/bench/ceiling: make bench-deps build/bench/ceiling)
#
# Knobs: STALL_REPEAT (3 runs a cell), STALL_SECONDS (2 s a run).
set -euo pipefail
cd "$(dirname "$0")/.."
CEILING=${CEILING:-build/bench/ceiling}
REPEAT=${STALL_REPEAT:-3}
SECS=${STALL_SECONDS:-2}
for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "epoll_stall.sh: $tool is missing (make bench-deps)" >&2; exit 1; }
done
[ -x "$CEILING" ] || { echo "epoll_stall.sh: build $CEILING first (make build/bench/ceiling)" >&2; exit 1; }

DIR=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$DIR"' EXIT
# One 14 KB answer (an article's size), in the ceiling's file format: target,
# headers, blank line, body.
mkdir -p "$DIR/resp"
{ printf '/x\nContent-Type: application/json\n\n{"data":"'; head -c 14000 /dev/zero | tr '\0' 'a'; printf '"}'; } \
    > "$DIR/resp/000000"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

echo "| mode | connections | req/s of each run |"
echo "| --- | ---: | --- |"
for mode in epoll poll; do
    for conns in 127 128; do
        rates=() flags=()
        [ $mode = poll ] && flags=(--poll)
        for _ in $(seq "$REPEAT"); do
            # A fresh server each run: a stalled one stays stalled.
            "$CEILING" --dir "$DIR/resp" --port "$port" --threads 1 "${flags[@]}" \
                > "$DIR/out" 2>&1 &
            pid=$!
            up=false
            for _ in $(seq 50); do
                curl -sf -o /dev/null "http://127.0.0.1:$port/x" && { up=true; break; }
                sleep 0.1
            done
            $up || { echo "epoll_stall.sh: the ceiling did not answer: $(cat "$DIR/out")" >&2; exit 1; }
            # One wrk thread: its connections send their requests together.
            out=$(wrk -t1 -c"$conns" -d"${SECS}s" --timeout 1s "http://127.0.0.1:$port/x" 2>&1 || true)
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
            pid=
            rates+=("$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<< "$out")")
        done
        echo "| $mode | $conns | ${rates[*]} |"
    done
done
