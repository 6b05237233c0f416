#!/usr/bin/env bash
# tour.sh: prints the README's curl tour as Markdown, with the output each
# command really printed against a fresh database of the samples. Run from the
# top folder after `make`: tools/tour.sh > /tmp/tour.md
set -euo pipefail
bin=${NEWSD_BIN:-build/newsd}
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$bin" ingest --db "$dir/tour.db" samples >/dev/null 2>&1
exec 3< <("$bin" serve --db "$dir/tour.db" --port 0 2>/dev/null)
pid=$!
read -r line <&3
port=${line##*:}
base="http://127.0.0.1:$port"

# Pretty-prints JSON bodies and keeps headers as they are.
show() {
    local shown=$1; shift
    printf '```console\n$ %s\n' "$shown"
    curl -s "$@" | python3 -c 'import json,sys
d=sys.stdin.read()
try: print(json.dumps(json.loads(d), indent=2, ensure_ascii=False))
except ValueError: print(d, end="")'
    printf '```\n\n'
}
show_head() {
    local shown=$1; shift
    printf '```console\n$ %s\n' "$shown"
    curl -s -o /dev/null -D - "$@" | tr -d '\r' | grep -v '^Date:'
    printf '```\n\n'
}

first_article=$(curl -s "$base/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
first_quote=$(curl -s "$base/quotes?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
top_person=$(curl -s "$base/entities?type=person&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')

echo "### Articles"
show "curl -s 'localhost:8080/articles?limit=2'" "$base/articles?limit=2"
show "curl -s localhost:8080/articles/$first_article" "$base/articles/$first_article"
show "curl -s 'localhost:8080/articles/$first_article/quotes?limit=2'" "$base/articles/$first_article/quotes?limit=2"
show "curl -s 'localhost:8080/articles/$first_article/entities?limit=3'" "$base/articles/$first_article/entities?limit=3"
echo "### Quotes"
show "curl -s 'localhost:8080/quotes?limit=2'" "$base/quotes?limit=2"
show "curl -s localhost:8080/quotes/$first_quote" "$base/quotes/$first_quote"
echo "### Entities"
show "curl -s 'localhost:8080/entities?type=person&limit=3'" "$base/entities?type=person&limit=3"
show "curl -s localhost:8080/entities/$top_person" "$base/entities/$top_person"
show "curl -s 'localhost:8080/entities/$top_person/quotes?limit=2'" "$base/entities/$top_person/quotes?limit=2"
show "curl -s 'localhost:8080/entities/$top_person/articles?limit=1'" "$base/entities/$top_person/articles?limit=1"
echo "### Health and readiness"
show "curl -s localhost:8080/health" "$base/health"
show "curl -s localhost:8080/ready" "$base/ready"
echo "### Errors are problem+json"
show "curl -s 'localhost:8080/articles?limit=500'" "$base/articles?limit=500"
show "curl -s localhost:8080/articles/abc" "$base/articles/abc"
show "curl -s localhost:8080/entities/424242" "$base/entities/424242"
show "curl -s -X DELETE localhost:8080/health" -X DELETE "$base/health"
echo "### Caching"
show_head "curl -sD - -o /dev/null 'localhost:8080/articles?limit=1'" "$base/articles?limit=1"
etag=$(curl -s -o /dev/null -D - "$base/articles?limit=1" | tr -d '\r' | sed -n 's/^ETag: //p')
show_head "curl -sD - -o /dev/null -H 'If-None-Match: $etag' 'localhost:8080/articles?limit=1'" -H "If-None-Match: $etag" "$base/articles?limit=1"
