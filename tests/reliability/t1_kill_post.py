"""1. kill -9 of the server at random moments during a POST loop.

Each round: a few clients POST new articles over keep-alive connections (and
one client DELETEs articles of earlier rounds meanwhile); after
a random number of requests has been sent (plus a random few milliseconds, so
the kill lands in extraction, in the transaction, in the fsync or in the
answer) the server gets SIGKILL. Then it is restarted on the same database and:

- every article answered 201, in this round or an earlier one, is there and
  identical to the 201 body (quotes, entities, paragraphs, counters);
- every request not answered 2xx is wholly stored or wholly absent (compared
  with `newsd extract` of its text), and re-POSTing it gives exactly one copy
  (200 duplicate with the same id, or 201);
- a DELETE answered 204 is gone; one not answered left the article wholly
  there (unchanged) or wholly gone;
- integrity_check, foreign_key_check, the FTS indexes and every counter are
  clean.
"""

import os
import threading
import time

import articles
import lib

NAME = "kill-post"
TITLE = "kill -9 during a POST loop"


class Loop:
    """Clients posting fresh articles until their connection dies."""

    def __init__(self, port, first_serial, clients, seed_base, deletable=None):
        self.port = port
        self.deletable = list(deletable or [])  # (serial, id) to DELETE, in order
        self.deletes = []
        self.next_serial = first_serial
        self.clients = clients
        self.seed_base = seed_base
        self.lock = threading.Condition()
        self.sent = 0
        self.records = []
        self.stop = threading.Event()
        self.threads = []

    def _take(self):
        with self.lock:
            s = self.next_serial
            self.next_serial += 1
            return s

    def _client(self):
        conn = lib.Conn(self.port, timeout=15)
        while not self.stop.is_set():
            serial = self._take()
            title, text = articles.make_article(serial, seed=self.seed_base + serial)
            rec = {"serial": serial, "title": title, "text": text, "status": None,
                   "json": None, "error": None, "sent_at": time.monotonic(), "conn_reused":
                   conn.sock is not None}
            with self.lock:
                self.records.append(rec)
            # Counted as sent just before the bytes go out: the kill may come
            # while they are on their way, which is a moment worth trying too.
            with self.lock:
                self.sent += 1
                self.lock.notify_all()
            try:
                r = lib.post_article(conn, text)
                rec["status"] = r.status
                try:
                    rec["json"] = r.json()
                except ValueError:
                    pass
            except lib.NoAnswer as e:
                rec["error"] = str(e)
                break
        conn.close()

    def _deleter(self):
        conn = lib.Conn(self.port, timeout=15)
        for k, (serial, aid) in enumerate(self.deletable):
            # One DELETE for every few POSTs sent, so that deletes go on for
            # as long as the posting does.
            with self.lock:
                self.lock.wait_for(lambda: self.sent >= 4 * (k + 1) or self.stop.is_set())
            if self.stop.is_set():
                break
            rec = {"serial": serial, "id": aid, "status": None, "error": None}
            self.deletes.append(rec)
            try:
                r = conn.request("DELETE", "/articles/%d" % aid, {"Authorization": lib.AUTH})
                rec["status"] = r.status
            except lib.NoAnswer as e:
                rec["error"] = str(e)
                break
        conn.close()

    def start(self):
        for _ in range(self.clients):
            th = threading.Thread(target=self._client, daemon=True)
            th.start()
            self.threads.append(th)
        if self.deletable:
            th = threading.Thread(target=self._deleter, daemon=True)
            th.start()
            self.threads.append(th)

    def wait_sent(self, n, timeout):
        with self.lock:
            return self.lock.wait_for(lambda: self.sent >= n, timeout)

    def join(self, timeout=30):
        self.stop.set()
        with self.lock:
            self.lock.notify_all()
        end = time.monotonic() + timeout
        for th in self.threads:
            th.join(max(0.1, end - time.monotonic()))
        return not any(th.is_alive() for th in self.threads)


def verify_acked(t, port, acked, only=None):
    """GET each acknowledged article and compare it with its 201 body."""
    bad = 0
    for serial in (only if only is not None else list(acked)):
        aid, fp = acked[serial]
        try:
            r = lib.get(port, "/articles/%d" % aid)
        except lib.NoAnswer as e:
            t.check(False, "acked-article-readable", "serial %d id %d: %s" % (serial, aid, e))
            bad += 1
            continue
        if r.status != 200:
            t.check(False, "acked-article-present", "serial %d id %d: GET answered %d"
                    % (serial, aid, r.status))
            bad += 1
            continue
        a = r.json()
        d = lib.diff_fp(fp, lib.fingerprint(a)) or lib.self_consistent(a)
        if d:
            t.check(False, "acked-article-whole", "serial %d id %d: %s" % (serial, aid, d))
            bad += 1
    return bad


def settle_unacked(t, srv, db, rec, stats):
    """A request not answered 2xx: wholly present or absent, then one retry."""
    titles = lib.db_titles(db)
    ids = titles.get(rec["title"], [])
    t.check(len(ids) <= 1, "unacked-at-most-one-copy",
            "serial %d stored %d times" % (rec["serial"], len(ids)))
    if ids:
        stats["unacked_present"] += 1
        want = lib.extract(rec["text"])
        got = lib.db_article_counts(db, ids[0])
        exp = (want["quote_count"], want["entity_count"], len(want["paragraphs"]))
        t.check(got == exp, "unacked-wholly-present",
                "serial %d id %d: rows (quotes, mentions, paragraphs) %r, extraction %r"
                % (rec["serial"], ids[0], got, exp))
    else:
        stats["unacked_absent"] += 1
    try:
        r = lib.post_article(srv.port, rec["text"])
    except lib.NoAnswer as e:
        t.check(False, "retry-answered", "serial %d: %s" % (rec["serial"], e))
        return None
    if ids:
        ok = r.status == 200 and r.json().get("id") == ids[0]
        t.check(ok, "retry-of-stored-is-duplicate",
                "serial %d: retry answered %d (id %s), stored id %d"
                % (rec["serial"], r.status, r.json().get("id") if r.status < 300 else "-",
                   ids[0]))
        stats["retry_200"] += r.status == 200
    else:
        t.check(r.status == 201, "retry-of-absent-is-created",
                "serial %d: retry answered %d" % (rec["serial"], r.status))
        stats["retry_201"] += r.status == 201
    after = lib.db_titles(db).get(rec["title"], [])
    t.check(len(after) == 1, "retry-exactly-one-copy",
            "serial %d: %d copies after the retry" % (rec["serial"], len(after)))
    if r.status in (200, 201):
        return r.json()
    return None


def run(t, opts):
    rounds = opts.rounds or (20 if opts.soak else 4)
    rng, seed = lib.seeded_rng(NAME)
    d = lib.workdir(NAME)
    db = os.path.join(d, "news.db")
    log = os.path.join(d, "server.log")
    lib.migrate(db)
    srv = lib.Server(db, log).start()
    acked = {}  # serial -> (id, fingerprint of the 201 body)
    stats = dict(sent=0, acked=0, noanswer=0, non2xx=0, unacked_present=0, unacked_absent=0,
                 retry_200=0, retry_201=0, restarts=0, deletes=0, deleted=0,
                 delete_lost_answer_gone=0, delete_lost_answer_kept=0)
    statuses = {}
    serial = 1
    started = time.monotonic()
    try:
        for rnd in range(rounds):
            # A deleter removes some earlier articles meanwhile, so the kill
            # also lands inside DELETE transactions.
            pool = sorted(acked)
            rng.shuffle(pool)
            deletable = [(s_, acked[s_][0]) for s_ in pool[:100]]
            loop = Loop(srv.port, serial, clients=rng.choice((1, 2, 3)),
                        seed_base=rng.randrange(1 << 30), deletable=deletable)
            # Up to a few seconds of posting: the kill comes after a random
            # number of sent requests plus a random 0-30 ms.
            kill_after = rng.randint(1, 300)
            jitter = rng.random() * 0.030
            loop.start()
            reached = loop.wait_sent(kill_after, timeout=30)
            t.check(reached, "post-loop-progress",
                    "round %d: %d of %d requests sent in 30 s" % (rnd, loop.sent, kill_after))
            time.sleep(jitter)  # where the kill lands; not a synchronisation
            rc = srv.kill9()
            t.check(rc == -9, "killed-by-sigkill", "round %d: exit status %r" % (rnd, rc))
            t.check(loop.join(), "clients-unblocked", "round %d: a client hung after the kill"
                    % rnd)
            serial = loop.next_serial
            srv.start()
            stats["restarts"] += 1
            t.require(lib.health_ok(srv.port), "restart-healthy", "round %d" % rnd)
            new_acked = []
            unacked = []
            for rec in loop.records:
                stats["sent"] += 1
                st = rec["status"]
                statuses[st if st is not None else "no answer"] = \
                    statuses.get(st if st is not None else "no answer", 0) + 1
                if st == 201 and rec["json"]:
                    acked[rec["serial"]] = (rec["json"]["id"], lib.fingerprint(rec["json"]))
                    new_acked.append(rec["serial"])
                    stats["acked"] += 1
                    t.check(not lib.self_consistent(rec["json"]), "201-body-whole",
                            "serial %d: %s" % (rec["serial"], lib.self_consistent(rec["json"])))
                else:
                    t.check(st is None or st < 500, "no-5xx",
                            "serial %d answered %s: %s" % (rec["serial"], st, rec["json"]))
                    t.check(st != 200, "no-unexpected-duplicate",
                            "serial %d answered 200 to a first POST" % rec["serial"])
                    if st is None:
                        stats["noanswer"] += 1
                    else:
                        stats["non2xx"] += 1
                    unacked.append(rec)
            verify_acked(t, srv.port, acked, new_acked)
            for rec in loop.deletes:
                stats["deletes"] += 1
                r = lib.get(srv.port, "/articles/%d" % rec["id"])
                if rec["status"] == 204:
                    t.check(r.status == 404, "deleted-stays-deleted",
                            "id %d answered 204 to DELETE, GET now %d" % (rec["id"], r.status))
                    del acked[rec["serial"]]
                    stats["deleted"] += 1
                elif r.status == 404:
                    t.check(rec["status"] is None, "delete-refused-but-gone",
                            "id %d: DELETE answered %s but it is gone" % (rec["id"],
                                                                       rec["status"]))
                    del acked[rec["serial"]]
                    stats["delete_lost_answer_gone"] += 1
                else:
                    # Not deleted: still whole and unchanged.
                    t.check(r.status == 200 and not lib.diff_fp(
                        acked[rec["serial"]][1], lib.fingerprint(r.json())),
                        "undeleted-still-whole", "id %d: GET %d" % (rec["id"], r.status))
                    stats["delete_lost_answer_kept"] += 1
            for rec in unacked:
                j = settle_unacked(t, srv, db, rec, stats)
                if j:
                    acked[rec["serial"]] = (j["id"], lib.fingerprint(j))
            problems = lib.db_checks(db)
            t.check(not problems, "db-clean", "round %d: %s" % (rnd, "; ".join(problems)))
            t.debug("round %d: %d sent (kill after %d + %.1f ms), %d acked, %d unacked"
                    % (rnd, len(loop.records), kill_after, jitter * 1000, len(new_acked),
                       len(unacked)))
        # Everything acknowledged in any round is still there, once.
        bad = verify_acked(t, srv.port, acked)
        titles = lib.db_titles(db)
        dup = [k for k, v in titles.items() if len(v) != 1]
        t.check(not dup, "each-article-once", "%d titles stored more than once" % len(dup))
        t.check(len(titles) == len(acked), "nothing-extra",
                "%d articles stored, %d acknowledged or retried and not deleted"
                % (len(titles), len(acked)))
        rc = srv.stop()
        t.check(rc == 0, "clean-exit-at-end", "exit status %r" % rc)
        t.fact("%d rounds (seed %d) in %.1f s: %d POSTs sent, %d answered 201, %d not "
               "answered (killed in flight), %d answered non-2xx; statuses %s"
               % (rounds, seed, time.monotonic() - started, stats["sent"], stats["acked"],
                  stats["noanswer"], stats["non2xx"], statuses))
        t.fact("unacknowledged after restart: %d wholly present (committed, answer lost), %d "
               "absent; retries: %d answered 200 duplicate, %d answered 201; acknowledged "
               "articles checked at the end: %d, bad %d; final articles %d, each once"
               % (stats["unacked_present"], stats["unacked_absent"], stats["retry_200"],
                  stats["retry_201"], len(acked), bad, len(titles)))
        t.fact("DELETEs of earlier articles meanwhile: %d sent, %d answered 204 (gone after "
               "restart), %d killed in flight: %d of those gone, %d still whole"
               % (stats["deletes"], stats["deleted"],
                  stats["delete_lost_answer_gone"] + stats["delete_lost_answer_kept"],
                  stats["delete_lost_answer_gone"], stats["delete_lost_answer_kept"]))
    finally:
        if srv.alive():
            srv.kill9()
    lib.cleanup(d, t)
