#!/usr/bin/env bash
# tour.sh: prints the README's curl tour as Markdown, with the output each
# command really printed against a fresh database of the samples. Run from the
# top folder after `make`: tools/tour.sh > /tmp/tour.md
set -euo pipefail
bin=${NEWSD_BIN:-build/newsd}
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$bin" ingest --db "$dir/tour.db" samples >/dev/null 2>&1
exec 3< <(NEWSD_API_KEY=tour-key "$bin" serve --db "$dir/tour.db" --port 0 2>/dev/null)
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
# Runs a shell command line as shown (localhost:8080 pointed at the tour server).
show_sh() {
    local shown=$1
    printf '```console\n$ %s\n' "$shown"
    bash -c "${shown//localhost:8080/127.0.0.1:$port}"
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
echo "### Search, filters and fields"
show "curl -s 'localhost:8080/articles?q=port%20OR%20harbour&limit=2&fields=id,title,snippet,highlights'" "$base/articles?q=port%20OR%20harbour&limit=2&fields=id,title,snippet,highlights"
show "curl -s 'localhost:8080/articles?section=Sport&from=2026-01-01&fields=id,title,published_at'" "$base/articles?section=Sport&from=2026-01-01&fields=id,title,published_at"
echo "### Quotes"
show "curl -s 'localhost:8080/quotes?limit=2'" "$base/quotes?limit=2"
show "curl -s localhost:8080/quotes/$first_quote" "$base/quotes/$first_quote"
show "curl -s 'localhost:8080/quotes?group=canonical&limit=2'" "$base/quotes?group=canonical&limit=2"
echo "### Entities"
show "curl -s 'localhost:8080/entities?type=person&limit=3'" "$base/entities?type=person&limit=3"
show "curl -s localhost:8080/entities/$top_person" "$base/entities/$top_person"
show "curl -s 'localhost:8080/entities/$top_person/quotes?limit=2'" "$base/entities/$top_person/quotes?limit=2"
show "curl -s 'localhost:8080/entities/$top_person/articles?limit=1'" "$base/entities/$top_person/articles?limit=1"
show "curl -s 'localhost:8080/entities?q=ha&fields=id,name,type,aliases'" "$base/entities?q=ha&fields=id,name,type,aliases"
echo "### Exports"
show_sh "curl -s -H 'Accept: text/csv' 'localhost:8080/quotes?limit=all' | head -4"
show_sh "curl -s -H 'Accept: application/x-ndjson' 'localhost:8080/entities?limit=all&type=place' | wc -l"
echo "### Writing (needs NEWSD_API_KEY; here it is tour-key)"
show_sh "curl -s -o /dev/null -w '%{http_code}\\n' -X POST -H 'Content-Type: text/plain' --data-binary @samples/01-tromso-pier-storm.txt localhost:8080/articles"
show_sh "curl -s -X POST -H 'Authorization: Bearer tour-key' -H 'Content-Type: application/json' -d '{\"title\": \"Night ferry returns\", \"body\": \"BERGEN — The night ferry is back, the operator said on Monday.\\n\\n\\\"We missed it,\\\" said Ida Berg, a regular passenger.\", \"published_at\": \"2026-03-09\"}' localhost:8080/articles | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a[\"id\"], a[\"title\"], [(q[\"text\"], q[\"speaker_text\"]) for q in a[\"quotes\"]])'"
show_sh "curl -s -o /dev/null -w '%{http_code}\\n' -X DELETE -H 'Authorization: Bearer tour-key' localhost:8080/articles/1"
echo "### Health and readiness"
show "curl -s localhost:8080/health" "$base/health"
show "curl -s localhost:8080/ready" "$base/ready"
show_sh "curl -s localhost:8080/metrics | grep -E '^newsd_(rows|http_in_flight)'"
show_sh "curl -s localhost:8080/openapi.json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[\"openapi\"], sorted(d[\"paths\"]))'"
echo "### Errors are problem+json"
show "curl -s 'localhost:8080/articles?limit=500'" "$base/articles?limit=500"
show "curl -s localhost:8080/articles/abc" "$base/articles/abc"
show "curl -s localhost:8080/entities/424242" "$base/entities/424242"
show "curl -s -X DELETE localhost:8080/health" -X DELETE "$base/health"
echo "### Caching"
show_head "curl -sD - -o /dev/null 'localhost:8080/articles?limit=1'" "$base/articles?limit=1"
etag=$(curl -s -o /dev/null -D - "$base/articles?limit=1" | tr -d '\r' | sed -n 's/^ETag: //p')
show_head "curl -sD - -o /dev/null -H 'If-None-Match: $etag' 'localhost:8080/articles?limit=1'" -H "If-None-Match: $etag" "$base/articles?limit=1"
