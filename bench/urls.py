#!/usr/bin/env python3
"""urls.py: the URL sets of the serving benchmark, fetched from a running newsd.

Walks the running server for thousands of distinct article ids, list cursors,
speaker ids and search terms, fetches every URL once and writes:

    OUT/urls-<endpoint>.txt   one request target a line, for bench/rotate.lua
    OUT/resp/NNNNNN           target, response headers, blank line, body: what
                              bench/ceiling.c loads
    OUT/nginx/b/NNNNNN        the body alone, and OUT/nginx/maps.conf mapping
                              each target to its file and per-URL headers, for
                              the nginx reference (bench/nginx.conf.in)

Endpoints: list (/articles?limit=20 and its cursors), article (/articles/{id}),
quotes (/quotes?speaker={id}), search (/articles?q={term}), entities
(/entities?type=person and its cursors). Only 200 answers are kept.

    bench/urls.py --base http://127.0.0.1:PORT --out DIR [--max 4000]
"""

import argparse
import concurrent.futures
import http.client
import threading
import json
import os
import random
import re
import sys
import time
import urllib.parse

# Headers the servers make themselves (or that are per connection).
SKIP = {"date", "content-length", "connection", "keep-alive", "transfer-encoding"}
STOP = {"says", "will", "with", "after", "asking", "leaves", "wait", "answers", "plan",
        "more", "than", "matters", "residents", "protests", "weeks", "months", "from",
        "that", "this", "their", "about", "into", "over", "pays", "who", "the", "and"}


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def get(self, target):
        for attempt in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                self.conn.request("GET", target)
                r = self.conn.getresponse()
                body = r.read()
                return r.status, r.getheaders(), body
            except (http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 2:
                    raise
                time.sleep(0.2)

    def json(self, target):
        st, _, body = self.get(target)
        if st != 200:
            raise SystemExit("urls.py: %s answered %d: %s" % (target, st, body[:200]))
        return json.loads(body)


def walk(cli, first, limit_budget):
    """Follows next_cursor from first; yields each page's items and cursor."""
    target = first
    pages = 0
    while target and pages < limit_budget:
        page = cli.json(target)
        pages += 1
        yield page["data"], page["meta"]["next_cursor"]
        nxt = page["links"].get("next")
        target = nxt


def spread(seq, n):
    """n items spread evenly over seq (all of it when shorter)."""
    if len(seq) <= n:
        return list(seq)
    step = len(seq) / n
    return [seq[int(i * step)] for i in range(n)]


def q(s):
    return urllib.parse.quote(s, safe="")


def collect(cli, maxn, rng):
    total = cli.json("/articles?limit=1")["meta"]["total"]
    # Walk with a page size that yields about maxn cursors; a cursor is not
    # bound to its page size, so each one starts a distinct 20-article page.
    step = max(1, min(100, total // maxn))
    cursors, ids, titles = [], [], []
    for items, cur in walk(cli, "/articles?limit=%d" % step, 10 ** 6):
        ids += [a["id"] for a in items]
        titles += [a["title"] for a in items]
        if cur:
            cursors.append(cur)
    lists = ["/articles?limit=20"] + ["/articles?limit=20&cursor=%s" % c
                                      for c in spread(cursors, maxn - 1)]
    articles = ["/articles/%d" % i for i in spread(ids, maxn)]

    ptotal = cli.json("/entities?type=person&limit=1")["meta"]["total"]
    pstep = max(1, min(100, ptotal // maxn))
    pcursors, speakers = [], []
    for items, cur in walk(cli, "/entities?type=person&limit=%d" % pstep, 10 ** 6):
        speakers += [e["id"] for e in items if e.get("quote_count", 0) > 0]
        if cur:
            pcursors.append(cur)
    entities = ["/entities?type=person"] + ["/entities?type=person&cursor=%s" % c
                                            for c in spread(pcursors, maxn - 1)]
    quotes = ["/quotes?speaker=%d" % i for i in spread(speakers, maxn)]

    # Search terms from the titles: single words (common topic nouns, towns,
    # organisations, surnames) and pairs of neighbouring words (both must match).
    singles, pairs = {}, set()
    for t in titles:
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", t) if w.lower() not in STOP]
        for w in words:
            singles[w.lower()] = singles.get(w.lower(), 0) + 1
        for a, b in zip(words, words[1:]):
            pairs.add("%s %s" % (a.lower(), b.lower()))
    common = sorted(singles, key=lambda w: (-singles[w], w))
    pairs = sorted(pairs)
    rng.shuffle(pairs)
    terms = common[: maxn // 2]
    terms += pairs[: maxn - len(terms)]
    rng.shuffle(terms)
    search = ["/articles?q=%s" % q(t) for t in terms]
    return {"list": lists, "article": articles, "quotes": quotes, "search": search,
            "entities": entities}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max", type=int, default=4000, help="URLs per endpoint at most")
    ap.add_argument("--search-max", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--jobs", type=int, default=4, help="concurrent fetches")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    cli = Client(a.base)
    t0 = time.time()
    sets = collect(cli, a.max, rng)
    sets["search"] = sets["search"][: a.search_max]
    os.makedirs(os.path.join(a.out, "resp"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "nginx", "b"), exist_ok=True)
    maps = {"bfile": [], "etag": [], "total": [], "link": []}
    static = {}
    n = 0
    kept = {}
    local = threading.local()

    def fetch(t):
        if not hasattr(local, "cli"):
            local.cli = Client(a.base)
        return local.cli.get(t)

    pool = concurrent.futures.ThreadPoolExecutor(a.jobs)
    for ep, targets in sets.items():
        kept[ep] = []
        for t, (st, headers, body) in zip(targets, pool.map(fetch, targets)):
            if st != 200:
                continue
            name = "%06d" % n
            n += 1
            hs = [(k, v) for k, v in headers if k.lower() not in SKIP]
            with open(os.path.join(a.out, "resp", name), "wb") as f:
                f.write(t.encode() + b"\n")
                for k, v in hs:
                    f.write(("%s: %s\n" % (k, v)).encode())
                f.write(b"\n")
                f.write(body)
            with open(os.path.join(a.out, "nginx", "b", name), "wb") as f:
                f.write(body)
            hd = {k.lower(): v for k, v in hs}
            maps["bfile"].append((t, "/" + name))
            maps["etag"].append((t, hd.get("etag", "")))
            maps["total"].append((t, hd.get("x-total-count", "")))
            maps["link"].append((t, hd.get("link", "")))
            for k in ("cache-control", "vary", "access-control-allow-origin",
                      "access-control-expose-headers", "content-type"):
                static.setdefault(k, set()).add(hd.get(k, ""))
            kept[ep].append(t)
        with open(os.path.join(a.out, "urls-%s.txt" % ep), "w") as f:
            f.write("\n".join(kept[ep]) + "\n")
    for k, vs in static.items():
        if len(vs) != 1:
            print("urls.py: warning: %s differs between URLs: %s" % (k, sorted(vs)[:3]),
                  file=sys.stderr)
    with open(os.path.join(a.out, "nginx", "maps.conf"), "w") as f:
        for var, rows in maps.items():
            f.write("map $request_uri $bench_%s {\n    default \"%s\";\n" %
                    (var, "/-missing-" if var == "bfile" else ""))
            for t, v in rows:
                f.write("    \"%s\" '%s';\n" % (t.replace('"', '\\"'), v))
            f.write("}\n")
    sizes = {}
    for ep in kept:
        sizes[ep] = len(kept[ep])
    print(json.dumps({"urls": sizes, "responses": n, "seconds": round(time.time() - t0, 1)}))


if __name__ == "__main__":
    main()
