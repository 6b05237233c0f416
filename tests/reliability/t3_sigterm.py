"""3. SIGTERM during writes.

While clients POST over keep-alive connections, and while one POST is in
flight for sure (its headers and half its body sent; the rest is sent after
the signal), the server gets SIGTERM. Then:

- the draining starts: a probe on an open keep-alive connection is answered
  503 (problem+json, Retry-After) instead of 200;
- new connections are refused or answered 503;
- the in-flight POST, completed after the signal, is answered (not cut);
- every POST of the loops got an answer or a clean connection close, no 5xx
  but 503; every 201 is stored whole; a 503 stored nothing; one without an
  answer is wholly stored or absent;
- the process exits 0 within 5 s of the signal;
- after a restart the database is clean, and retrying the unanswered and 503
  POSTs gives exactly one copy each.
A second phase sends SIGTERM while a client holds a request half-sent and never
finishes it, and reports how long the exit takes.
"""

import os
import time

import articles
import lib
import t1_kill_post

NAME = "sigterm"
TITLE = "SIGTERM during writes"


def half_post(port, text):
    """Opens a POST and sends its headers and half its body; returns the
    socket and the rest of the body."""
    body = text.encode("utf-8")
    s = lib.connect(port, timeout=15)
    head = ("POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            "Authorization: %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
            % (lib.AUTH, len(body))).encode()
    s.sendall(head + body[:len(body) // 2])
    return s, body[len(body) // 2:]


def run(t, opts):
    rng, seed = lib.seeded_rng(NAME)
    d = lib.workdir(NAME)
    db = os.path.join(d, "news.db")
    log = os.path.join(d, "server.log")
    lib.migrate(db)
    srv = lib.Server(db, log).start()
    base = rng.randrange(1 << 30)
    try:
        # A keep-alive probe connection, known to work before the signal.
        probe = lib.Conn(srv.port, timeout=10)
        t.require(probe.request("GET", "/health").status == 200, "probe-before")
        # The in-flight POST: the server has its headers, so it counts it.
        inflight_title, inflight_text = articles.make_article(900001, seed=base - 1)
        inflight_sock, inflight_rest = half_post(srv.port, inflight_text)
        # The write loops.
        loop = t1_kill_post.Loop(srv.port, 1, clients=3, seed_base=base)
        loop.start()
        t.require(loop.wait_sent(rng.randint(20, 80), timeout=30), "loop-progress")
        t0 = time.monotonic()
        srv.term()
        # Draining has begun when the open connection gets 503.
        saw_503 = None
        for _ in range(2000):
            try:
                r = probe.request("GET", "/health")
            except lib.NoAnswer as e:
                saw_503 = "closed: %s" % e
                break
            if r.status == 503:
                saw_503 = r
                break
            t.check(r.status == 200, "probe-200-until-draining", "got %d" % r.status)
        t.check(isinstance(saw_503, lib.Response) and saw_503.is_problem() and
                saw_503.header("retry-after") is not None, "keepalive-gets-503-problem",
                "probe got %r" % (saw_503,))
        # New connections: refused, or answered 503.
        new_conn = {}
        for _ in range(20):
            try:
                r = lib.get(srv.port, "/health", timeout=5)
                key = r.status
            except lib.NoAnswer as e:
                key = "refused" if "refused" in str(e).lower() else "closed: %s" % e
            new_conn[key] = new_conn.get(key, 0) + 1
        t.check(set(new_conn) <= {503, "refused"}, "new-connections-refused-or-503",
                "%r" % new_conn)
        # The in-flight POST completes after the signal.
        try:
            inflight_sock.sendall(inflight_rest)
            inflight = lib._read_response(inflight_sock, "POST")[0]
        except (OSError, lib.NoAnswer) as e:
            inflight = "no answer: %s" % e
        inflight_sock.close()
        t.check(isinstance(inflight, lib.Response) and inflight.status in (201, 503),
                "inflight-answered", "%r" % (inflight,))
        rc = srv.wait(timeout=10)
        exit_s = time.monotonic() - t0
        t.check(rc == 0, "exit-0", "exit status %r" % rc)
        t.check(exit_s <= 5.0, "exit-within-5s", "%.2f s" % exit_s)
        t.check(loop.join(timeout=15), "clients-unblocked", "a client hung")
        probe.close()
        statuses = {}
        acked, unacked, refused = {}, [], []
        late = early = 0
        for rec in loop.records:
            st = rec["status"]
            if st is None:
                # Sent well before the signal, it was in flight: it must be
                # answered. Sent around or after it, a close is a refusal.
                if rec["sent_at"] < t0 - 0.05:
                    early += 1
                    t.check(False, "inflight-loop-post-answered",
                            "serial %d sent %.0f ms before SIGTERM got no answer: %s"
                            % (rec["serial"], (t0 - rec["sent_at"]) * 1000, rec["error"]))
                else:
                    late += 1
            key = st if st is not None else "no answer"
            statuses[key] = statuses.get(key, 0) + 1
            if st == 201:
                acked[rec["serial"]] = (rec["json"]["id"], lib.fingerprint(rec["json"]))
            else:
                t.check(st in (None, 503), "loop-no-other-status",
                        "serial %d: %s %s" % (rec["serial"], st, rec["json"]))
                if st == 503:
                    refused.append(rec)
                    t.check(lib.db_titles(db).get(rec["title"]) is None, "503-stored-nothing",
                            "serial %d was stored though answered 503" % rec["serial"])
                unacked.append(rec)
        # After a restart: everything acknowledged is there and whole.
        srv.start()
        t1_kill_post.verify_acked(t, srv.port, acked)
        stats = dict(unacked_present=0, unacked_absent=0, retry_200=0, retry_201=0)
        if isinstance(inflight, lib.Response) and inflight.status == 201:
            acked[0] = (inflight.json()["id"], lib.fingerprint(inflight.json()))
            t1_kill_post.verify_acked(t, srv.port, acked, [0])
        else:
            unacked.append({"serial": 900001, "title": inflight_title, "text": inflight_text})
        for rec in unacked:
            t1_kill_post.settle_unacked(t, srv, db, rec, stats)
        problems = lib.db_checks(db)
        t.check(not problems, "db-clean", "; ".join(problems))
        t.fact("SIGTERM after %d POSTs sent by 3 keep-alive clients (seed %d): loop answers %s; "
               "open keep-alive connection then got %s; 20 new connections: %s; the POST in "
               "flight (half its body sent before the signal) was answered %s; exit status "
               "%r after %.2f s; the loop requests without an answer were all sent after "
               "the signal (%d; %d before it)"
               % (len(loop.records), seed, statuses,
                  saw_503.status if isinstance(saw_503, lib.Response) else saw_503, new_conn,
                  inflight.status if isinstance(inflight, lib.Response) else inflight, rc,
                  exit_s, late, early))
        t.fact("after restart: %d acknowledged articles whole; unanswered or 503: %d stored "
               "whole, %d absent; retries %d x 200, %d x 201"
               % (len(acked), stats["unacked_present"], stats["unacked_absent"],
                  stats["retry_200"], stats["retry_201"]))

        # Phase 2: a client that never finishes its request.
        stalled, _ = half_post(srv.port, articles.make_article(900002, seed=base - 2)[1])
        idle = lib.connect(srv.port)  # connected, nothing sent
        t.require(lib.health_ok(srv.port), "phase2-healthy")
        t0 = time.monotonic()
        srv.term()
        rc = srv.wait(timeout=30)
        exit2 = time.monotonic() - t0
        stalled.close()
        idle.close()
        t.check(rc == 0, "exit-0-with-stalled-client", "exit status %r" % rc)
        t.check(exit2 <= 5.0 + 1.0, "exit-with-stalled-client-bounded",
                "%.2f s (the drain waits at most 5 s for in-flight requests)" % exit2)
        t.fact("SIGTERM while a client holds a half-sent POST forever: exit status %r after "
               "%.2f s (the drain gives in-flight requests up to 5 s)" % (rc, exit2))
    finally:
        if srv.alive():
            srv.kill9()
    lib.cleanup(d, t)
