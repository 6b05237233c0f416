#!/usr/bin/env bash
# serve.sh [BIN]: runs `newsd serve` under valgrind for a short life: start,
# every read endpoint, a write and a delete, errors, then SIGTERM. Passes when
# the server exits 0 and valgrind reports no error and no definite or indirect
# leak. Traffic goes to 127.0.0.1 only.
set -euo pipefail
bin=${1:-build/newsd}
dir=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT

"$bin" ingest --db "$dir/v.db" samples >/dev/null 2>&1
exec 3< <(NEWSD_API_KEY=valgrind-key exec valgrind --quiet --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=99 --log-file="$dir/valgrind.log" \
    "$bin" serve --db "$dir/v.db" --port 0 --threads 2 2>"$dir/server.log")
pid=$!
# The listening line is the only wait (valgrind makes start-up slow).
if ! read -r -t 120 line <&3; then
    echo "valgrind: the server did not start"; cat "$dir/valgrind.log" "$dir/server.log"; exit 1
fi
base="http://127.0.0.1:${line##*:}"
get() { curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "$@"; }

for path in /health /ready /metrics /openapi.json '/articles?limit=3' /articles/1 \
    /articles/1/quotes /articles/1/entities '/quotes?limit=5' /quotes/1 '/entities?limit=5' \
    /entities/1 /entities/1/quotes /entities/1/articles '/articles?q=port' \
    '/quotes?group=canonical' '/entities?q=a' /nope '/articles?limit=0' /articles/abc; do
    get "$base$path" >/dev/null
done
get -H 'Accept-Encoding: gzip' "$base/articles?limit=20" >/dev/null
# The cache's two forms: /articles/1 was kept as LZ4 above and
# /articles?limit=20 as gzip; each is converted for the other kind of
# client, which keeps the second form, then found in both.
for i in 1 2; do
    get -H 'Accept-Encoding: gzip' "$base/articles/1" >/dev/null
    get "$base/articles/1" >/dev/null
    get "$base/articles?limit=20" >/dev/null
    get -H 'Accept-Encoding: gzip' "$base/articles?limit=20" >/dev/null
done
get -H 'Accept: text/csv' "$base/quotes?limit=all" >/dev/null
get -H 'Accept: application/x-ndjson' "$base/articles?limit=all" >/dev/null
created=$(curl -s --max-time 30 -H 'Authorization: Bearer valgrind-key' \
    -H 'Content-Type: text/plain' --data-binary @samples/01-tromso-pier-storm.txt \
    -o /dev/null -w '%{http_code}' "$base/articles")
status=$(curl -s --max-time 30 -X DELETE -H 'Authorization: Bearer valgrind-key' \
    -o /dev/null -w '%{http_code}' "$base/articles/1")
echo "valgrind run: POST answered $created, DELETE answered $status"

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
if [ "$rc" -ne 0 ] || [ -s "$dir/valgrind.log" ]; then
    echo "valgrind: the server exited $rc; valgrind said:"
    cat "$dir/valgrind.log"
    exit 1
fi
echo "valgrind: no errors and no leaks over the server's life cycle"
