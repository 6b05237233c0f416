#!/usr/bin/env python3
"""report.py: prints the report of one bench/run.sh run (its folder): the
machine line, the ingest and extraction figures, the serving table with
newsd's ratio to the libmicrohttpd ceiling and to nginx, and issue 6's targets.

    bench/report.py build/bench/run
"""

import json
import os
import statistics
import sys

ENDPOINT = {
    "list": "GET /articles?limit=20",
    "article": "GET /articles/{id}",
    "quotes": "GET /quotes?speaker={id}",
    "search": "GET /articles?q={term}",
    "entities": "GET /entities?type=person",
}
ORDER = ["list", "article", "quotes", "search", "entities"]


def load(run):
    rows = [json.loads(l) for l in open(os.path.join(run, "results.jsonl")) if l.strip()]
    meta = json.load(open(os.path.join(run, "meta.json")))
    end = os.path.join(run, "meta-end.json")
    if os.path.exists(end):
        meta.update(json.load(open(end)))
    return meta, rows


WRK_SUMS = ("requests", "seconds", "non2xx", "connect", "read", "write", "timeout")


def merge(runs):
    """One row from the repeats of a (scale, endpoint, connections, server)
    cell: the median of req/s, p50 and p99 taken separately (a run's tail
    says little about the next one's on two shared cores), the sums of
    requests, errors, CPU and cache lookups, the highest RSS; the runs
    themselves stay under "runs" for the spread."""
    # A run wrk could not finish (no RESULT line) counts as an error of the
    # cell; the medians come from the runs that finished, so a lost run
    # neither hides in them as zeros nor vanishes from the error count.
    done = [r for r in runs if not r["wrk"].get("failed")] or runs
    row = dict(done[0], runs=runs)
    w = dict(done[0]["wrk"])
    for f in ("rps", "p50_us", "p99_us"):
        w[f] = statistics.median(r["wrk"].get(f, 0) for r in done)
    for f in WRK_SUMS:
        w[f] = sum(r["wrk"].get(f, 0) for r in runs)
    w["failed"] = sum(1 for r in runs if r["wrk"].get("failed"))
    row["wrk"] = w
    for f in ("cpu_ticks", "cache_hits", "cache_misses"):
        if all(f in r for r in runs):
            row[f] = sum(r[f] for r in runs)
    row["rss_kb"] = max(r["rss_kb"] for r in runs)
    return row


def spread(r, f):
    """min-max of wrk field f over the cell's runs, in ms."""
    v = [x["wrk"].get(f, 0) for x in r["runs"]]
    return "%s-%s" % (ms(min(v)), ms(max(v)))


def errors(w):
    """Errors of a cell: wrk's counts, plus one for each run with no result."""
    return sum(w.get(k, 0) for k in ("non2xx", "connect", "read", "write", "timeout")) + \
        int(w.get("failed", 0))


def cpu_us(r):
    """Server CPU time per answered request, in microseconds."""
    n = r["wrk"].get("requests", 0)
    if not n or "cpu_ticks" not in r:
        return "-"
    return "%.0f" % (r["cpu_ticks"] * 1e6 / r.get("hz", 100) / n)


def hit_rate(r):
    """newsd's response-cache hits over its lookups during the run, or "-"."""
    n = r.get("cache_hits", 0) + r.get("cache_misses", 0)
    return "%.1f%%" % (100.0 * r["cache_hits"] / n) if n else "-"


def ms(us):
    return "%.2f" % (us / 1000.0) if us < 10000 else "%.1f" % (us / 1000.0)


def row_order(k):
    """Table order of a (scale, endpoint, connections) key: by scale, then
    endpoint as listed in ORDER, then connections."""
    return (k[0], ORDER.index(k[1]) if k[1] in ORDER else 9, k[2])


def verdict(ok):
    return "met" if ok else "NOT met"


def worst_ratio(serve, keys, ep, srv):
    """The lowest req/s ratio of server srv to the ceiling on endpoint ep, and
    its key; None when unmeasured."""
    ratios = []
    for k in keys:
        if k[1] == ep and (k + ("ceiling",)) in serve and (k + (srv,)) in serve:
            cr = serve[k + ("ceiling",)]["wrk"]["rps"]
            ratios.append((serve[k + (srv,)]["wrk"]["rps"] / cr if cr else 0, k))
    return min(ratios) if ratios else None


def p99_verdict(serve, keys, srv):
    """Whether srv's p99 is within 2x of the ceiling's on every non-search row."""
    bad, rows = [], 0
    for k in keys:
        if k[1] == "search" or (k + ("ceiling",)) not in serve or (k + (srv,)) not in serve:
            continue
        rows += 1
        p99 = serve[k + (srv,)]["wrk"]["p99_us"]
        cp99 = serve[k + ("ceiling",)]["wrk"]["p99_us"]
        if p99 > 2 * cp99:
            bad.append("%s@%d/%dc %.1fx" % (k[1], k[0], k[2], p99 / max(cp99, 1)))
    if not rows:
        return "not measured (no row with the ceiling)"
    return "%s (%d of %d rows within%s)" % (
        verdict(not bad), rows - len(bad), rows,
        ("; " + ", ".join(bad[:8]) + (", ..." if len(bad) > 8 else "")) if bad else "")


STALL_CORES = 0.3


def stalled_runs(runs_of):
    """The runs in which a server used under STALL_CORES of CPU: a server
    with every connection's request unread sleeps (docs/performance.md,
    session 19: libmicrohttpd's epoll mode), and wrk reports no error for
    it. Per run: a cell's sums would hide one stalled run among five."""
    out = []
    for k in sorted(runs_of, key=lambda k: row_order(k) + (k[3],)):
        for r in runs_of[k]:
            secs = r["wrk"].get("seconds") or 0
            if "cpu_ticks" in r and secs and not r["wrk"].get("failed"):
                cores = r["cpu_ticks"] / r.get("hz", 100) / secs
                if cores < STALL_CORES:
                    out.append((k, r, cores))
    return out


def small_note(big):
    """What a target line at the largest scale adds when that is under the
    100,000 articles the targets are set for."""
    return "" if big >= 100000 else " (the target is for 100,000; this run's largest scale)"


def errors_verdict(serve, keys, stalls, srv):
    """Whether srv's runs had no error and no stall, with their counts."""
    errs = sum(errors(serve[k + (srv,)]["wrk"]) for k in keys if k + (srv,) in serve)
    stuck = sum(1 for k, _, _ in stalls if k[3] == srv)
    return "%s (%d in all %s runs, %d stalled runs)" % (
        verdict(errs == 0 and stuck == 0), errs, srv, stuck)


def p50_growth(serve, keys, big, srv):
    """Whether srv's p50 at the largest scale is within 1.5x of its p50 at
    1,000 articles on every row, with the worst row; None when unmeasured."""
    if not big or big <= 1000:
        return None
    grow = []
    for k in keys:
        base = serve.get((1000, k[1], k[2], srv))
        if k[0] == big and (k + (srv,)) in serve and base and base["wrk"]["p50_us"]:
            grow.append((serve[k + (srv,)]["wrk"]["p50_us"] / base["wrk"]["p50_us"], k))
    if not grow:
        return None
    worst = max(grow)
    return "%s (%d of %d rows within; worst %.2fx: %s, %d connections)" % (
        verdict(worst[0] <= 1.5), sum(1 for g in grow if g[0] <= 1.5), len(grow), worst[0],
        worst[1][1], worst[1][2])


def main():
    run = sys.argv[1] if len(sys.argv) > 1 else "build/bench/run"
    meta, rows = load(run)
    out = []
    p = out.append
    p("# newsd benchmark")
    p("")
    p("machine: %s; load average at start %s, at end %s" % (
        meta["machine"], meta["load_start"], meta.get("load_end", "?")))
    p("versions: %s at commit %s%s, libmicrohttpd %s, SQLite %s, nginx %s, wrk %s; "
      "wrk: %s s per run, %s runs per cell, corpus seed %s; started %s" % (
          meta["newsd"], meta.get("commit", "?"),
          " (+%d files changed in server/, include/, migrations/)" % meta["dirty"]
          if meta.get("dirty") else "", meta["libmicrohttpd"], meta["sqlite"], meta["nginx"],
          meta["wrk"], meta["duration"], meta.get("repeat", 1), meta["seed"], meta["start"]))
    p("")
    ingest = [r for r in rows if r["kind"] == "ingest"]
    p("| ingest (newsd ingest, full extraction) | seconds | articles/s | MB/s | DB bytes/article |")
    p("| --- | ---: | ---: | ---: | ---: |")
    for r in ingest:
        p("| %d articles | %.1f | %.0f | %.2f | %.0f |" % (
            r["scale"], r["seconds"], r["scale"] / r["seconds"],
            r["bytes"] / r["seconds"] / 1e6, r["db_bytes"] / r["scale"]))
    for r in rows:
        if r["kind"] == "extract":
            p("| extraction only, %d articles (newsd extract --format jsonl > /dev/null) "
              "| %.1f | %.0f | %.2f | |" % (r["scale"], r["seconds"], r["scale"] / r["seconds"],
                                           r["bytes"] / r["seconds"] / 1e6))
    p("")

    runs_of = {}
    for r in rows:
        if r["kind"] == "serve":
            runs_of.setdefault((r["scale"], r["endpoint"], r["conns"], r["server"]), []).append(r)
    serve = {k: merge(v) for k, v in runs_of.items()}
    repeat = max((len(v) for v in runs_of.values()), default=1)
    control = any(k[3] == "twin" for k in serve)
    keys = sorted({(k[0], k[1], k[2]) for k in serve}, key=row_order)
    p("| articles | endpoint | conns | newsd req/s | p50 ms | p99 ms | errors | RSS MB "
      "| CPU µs/req | cache hits | ceiling req/s | p50 ms | p99 ms | CPU µs/req | nginx req/s "
      "| p50 ms | p99 ms | newsd/ceiling | newsd/nginx |")
    p("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for k in keys:
        n, c, g = (serve.get(k + (s,)) for s in ("newsd", "ceiling", "nginx"))
        if not n:
            continue
        nw = n["wrk"]
        cells = [str(k[0]), ENDPOINT.get(k[1], k[1]), str(k[2]), "%.0f" % nw["rps"],
                 ms(nw["p50_us"]), ms(nw["p99_us"]), str(errors(nw)),
                 "%.1f" % (n["rss_kb"] / 1024.0), cpu_us(n), hit_rate(n)]
        for ref in (c, g):
            if ref:
                w = ref["wrk"]
                cells += ["%.0f" % w["rps"], ms(w["p50_us"]), ms(w["p99_us"])]
                if ref is c:
                    cells.append(cpu_us(ref))
            else:
                cells += ["-", "-", "-"] + (["-"] if ref is c else [])
        for ref in (c, g):
            cells.append("%.1f%%" % (100.0 * nw["rps"] / ref["wrk"]["rps"])
                         if ref and ref["wrk"]["rps"] else "-")
        p("| " + " | ".join(cells) + " |")
    p("")
    if repeat > 1:
        p("Each cell above is the median of %d runs (req/s, p50 and p99 each taken "
          "separately; errors, CPU and cache lookups summed over the runs; RSS the "
          "highest). Their spread, lowest-highest:" % repeat)
        p("")
        p("| articles | endpoint | conns | newsd req/s | p50 ms | p99 ms | ceiling req/s "
          "| p50 ms | p99 ms |" + (" twin req/s | p50 ms | p99 ms |" if control else ""))
        p("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" +
          (" ---: | ---: | ---: |" if control else ""))
        for k in keys:
            n, c = serve.get(k + ("newsd",)), serve.get(k + ("ceiling",))
            if not n:
                continue
            cells = [str(k[0]), ENDPOINT.get(k[1], k[1]), str(k[2])]
            for r in (n, c) + ((serve.get(k + ("twin",)),) if control else ()):
                if r:
                    v = [x["wrk"]["rps"] for x in r["runs"]]
                    cells += ["%.0f-%.0f" % (min(v), max(v)), spread(r, "p50_us"),
                              spread(r, "p99_us")]
                else:
                    cells += ["-", "-", "-"]
            p("| " + " | ".join(cells) + " |")
        p("")
    stalls = stalled_runs(runs_of)
    if stalls:
        p("Stalls: runs in which a server used under %.1f cores while wrk kept its connections "
          "busy (wrk 4.1 counts no error for a request still unanswered when a run ends, so "
          "these show only here and in req/s): %s." % (STALL_CORES, "; ".join(
              "%s, %s at %d articles, %d connections, run %d: %.0f req/s, %.2f cores" % (
                  k[3], ENDPOINT.get(k[1], k[1]), k[0], k[2], r["rep"], r["wrk"].get("rps", 0),
                  cores) for k, r, cores in stalls)))
        p("")
    walks = [r for r in rows if r["kind"] == "walk"]
    if walks:
        cut = ["%s %s at %d (%.0f s)" % (r["server"], ENDPOINT.get(r["endpoint"], r["endpoint"]),
                                        r["scale"], r["seconds"])
               for r in walks if not r["complete"]]
        p("Warm-up: before its runs of an endpoint, each server was sent every URL of the "
          "endpoint's list once (curl, 16 at a time; %d walks, %.1f s the longest), then 1 s "
          "of wrk. %s" % (len(walks), max(r["seconds"] for r in walks),
                         "Walks cut at their time bound: " + "; ".join(cut) + "." if cut
                         else "Every walk ended within its time bound."))
        p("")
    p("RSS: newsd's peak resident set (VmHWM, reset before each run) during the run. "
      "Cache hits: newsd's response-cache hits over its lookups during the run "
      "(/metrics before and after). "
      "Errors: non-2xx answers plus socket errors and timeouts (%s s). " % meta.get("timeout", 5) + "CPU µs/req: the "
      "server process's user + system CPU time over the run divided by the requests "
      "answered (wrk, on the same cores, is not counted): it says where a server stands "
      "against another in the same run even when other load on the machine moves req/s.")
    p("")

    # --- targets ---
    p("## Targets (issue 6)")
    p("")

    scales = sorted({k[0] for k in keys})
    big = scales[-1] if scales else None
    for ep in ("list", "article", "quotes", "entities"):
        worst = worst_ratio(serve, keys, ep, "newsd")
        if worst:
            p("- %s >= 50%% of the ceiling's req/s: %s (worst %.1f%% at %d articles, %d "
              "connections)" % (ENDPOINT[ep], verdict(worst[0] >= 0.5), 100 * worst[0],
                                worst[1][0], worst[1][2]))
    srch = [k for k in keys if k[1] == "search" and k[0] >= 20000]
    if srch:
        worst = min(serve[k + ("newsd",)]["wrk"]["rps"] for k in srch)
        p("- search >= 3,000 req/s on >= 20,000 articles: %s (lowest %.0f req/s)" % (
            verdict(worst >= 3000), worst))
    else:
        p("- search >= 3,000 req/s on 20,000 articles: not measured (no scale >= 20000)")
    s32 = [k for k in keys if k[1] == "search" and k[2] == 32]
    if s32:
        worst = max(serve[k + ("newsd",)]["wrk"]["p99_us"] for k in s32)
        p("- search p99 < 100 ms at 32 connections: %s (highest %s ms)" % (
            verdict(worst < 100000), ms(worst)))
    p("- p99 <= 2x the ceiling's p99 (non-search rows): " + p99_verdict(serve, keys, "newsd"))
    p("- no errors: " + errors_verdict(serve, keys, stalls, "newsd"))
    growth = p50_growth(serve, keys, big, "newsd")
    if growth:
        p("- p50 at %d articles within 1.5x of p50 at 1,000%s: %s" % (big, small_note(big), growth))
    if ingest:
        r = max(ingest, key=lambda r: r["scale"])
        rate = r["scale"] / r["seconds"]
        p("- ingest >= 2,000 articles/s: %s (%.0f articles/s at %d articles)" % (
            verdict(rate >= 2000), rate, r["scale"]))
    if big:
        peak = max(serve[k + ("newsd",)]["rss_kb"] for k in keys if k[0] == big) / 1024.0
        p("- RSS < 64 MB at %d articles%s: %s (peak %.1f MB)" % (
            big, small_note(big), verdict(peak < 64), peak))
    if control:
        p("")
        p("Control: the ceiling's twin (the same program serving the same bytes, loaded in "
          "the same rounds) judged by the same targets against the ceiling, as newsd is. "
          "What it misses, two identical servers miss on this machine:")
        p("")
        worst = min(filter(None, (worst_ratio(serve, keys, ep, "twin")
                                  for ep in ("list", "article", "quotes", "entities"))),
                    default=None)
        if worst:
            p("- req/s >= 50%% of the ceiling's: %s (worst %.1f%% at %s, %d articles, %d "
              "connections)" % (verdict(worst[0] >= 0.5), 100 * worst[0],
                                ENDPOINT.get(worst[1][1], worst[1][1]), worst[1][0], worst[1][2]))
        p("- p99 <= 2x the ceiling's p99 (non-search rows): " + p99_verdict(serve, keys, "twin"))
        growth = p50_growth(serve, keys, big, "twin")
        if growth:
            p("- p50 at %d articles within 1.5x of p50 at 1,000%s: %s" % (big, small_note(big),
                                                                        growth))
        p("- no errors: " + errors_verdict(serve, keys, stalls, "twin"))
    print("\n".join(out))


if __name__ == "__main__":
    main()
