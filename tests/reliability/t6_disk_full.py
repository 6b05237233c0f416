"""6. Disk full.

The database lives on a 2 MiB tmpfs mounted for the test (root only; the mount
is removed in a finally clause whatever happens; without the permission the
test is skipped with a message). A filler file on the same tmpfs leaves little
room, then:

A. POST new articles until three in a row are refused: every refusal is 503
   problem+json, never a 5xx of another kind, and every 201 is stored (GET
   right after, and in the database at the end);
B. while full, reads still answer (/health, /ready, /articles, /articles/{id});
C. the filler is deleted: without a restart, the refused articles and new
   ones are accepted (201), each stored once;
D. the tmpfs is filled to the last byte: POST and DELETE answer 503, and
   SIGTERM while full still exits 0, and a server started while the disk is
   still full serves reads (and answers POST 503);
E. with room again, a restarted server has every acknowledged article whole,
   and the database is clean.
"""

import os
import subprocess
import tempfile

import articles
import lib

NAME = "disk-full"
TITLE = "disk full on a 2 MiB tmpfs"


def free_bytes(path):
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def fill(path, leave):
    """Writes a filler file leaving about `leave` bytes free (0: none)."""
    n = max(0, free_bytes(os.path.dirname(path)) - leave)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    except OSError:
        return
    try:
        while n > 0:
            n -= os.write(fd, b"\0" * min(n, 65536))
        while leave == 0:  # to the last block
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def run(t, opts):
    if os.geteuid() != 0:
        raise lib.Skip("needs root to mount a tmpfs (run as root, e.g. in the CI container)")
    rng, seed = lib.seeded_rng(NAME)
    d = lib.workdir(NAME)
    mnt = tempfile.mkdtemp(prefix="newsd-rel-tmpfs-")
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mnt],
                       capture_output=True, text=True)
    if m.returncode != 0:
        os.rmdir(mnt)
        raise lib.Skip("mount -t tmpfs is not permitted here: %s" % m.stderr.strip())
    srv = None
    try:
        db = os.path.join(mnt, "news.db")
        filler = os.path.join(mnt, "filler")
        lib.migrate(db)
        srv = lib.Server(db, os.path.join(d, "server.log")).start()
        p = srv.port
        base = rng.randrange(1 << 30)
        acked = {}     # serial -> (id, fingerprint)
        refused = []   # (serial, text)
        statuses = {}

        def post(serial):
            title, text = articles.make_article(serial, seed=base + serial)
            try:
                r = lib.post_article(p, text)
            except lib.NoAnswer as e:
                t.check(False, "post-answered", "serial %d: %s" % (serial, e))
                return None
            statuses[r.status] = statuses.get(r.status, 0) + 1
            if r.status == 201:
                j = r.json()
                acked[serial] = (j["id"], lib.fingerprint(j))
                g = lib.get(p, "/articles/%d" % j["id"])
                t.check(g.status == 200 and not lib.diff_fp(acked[serial][1],
                                                            lib.fingerprint(g.json())),
                        "201-is-stored", "serial %d id %d: GET %d" % (serial, j["id"], g.status))
            else:
                t.check(r.status == 503 and r.is_problem(), "refusal-is-503-problem",
                        "serial %d answered %d %s: %s" % (serial, r.status,
                                                          r.header("content-type"), r.body[:150]))
                t.check(lib.db_titles(db).get(title) is None, "refused-not-stored",
                        "serial %d answered %d but is stored" % (serial, r.status))
                refused.append((serial, text, r))
            return r

        # A. Fill.
        # An article costs about 160 KiB of WAL (its pages and index pages),
        # and the WAL is only checkpointed at 1000 pages (4 MiB): on 2 MiB the
        # room left after the filler goes is enough for about 8 more.
        fill(filler, 300 * 1024)
        serial = 1
        in_a_row = 0
        retry_after = None
        while serial <= 300 and in_a_row < 3:
            r = post(serial)
            serial += 1
            if r is not None and r.status != 201:
                in_a_row += 1
                retry_after = r.header("retry-after")
            else:
                in_a_row = 0
        t.require(in_a_row == 3, "disk-fills", "no refusal after %d POSTs" % (serial - 1))
        stored_a = len(acked)
        refused_a = len(refused)
        # B. Reads while full.
        some_id = next(iter(acked.values()))[0] if acked else 1
        for target in ("/health", "/ready", "/articles?limit=5", "/articles/%d" % some_id,
                       "/quotes?limit=5", "/entities?limit=5"):
            r = lib.get(p, target)
            t.check(r.status == 200, "reads-while-full", "%s answered %d" % (target, r.status))
        # C. Room again, no restart.
        os.unlink(filler)
        again = {}
        for s_, text, _ in list(refused):
            r = lib.post_article(p, text)
            again[r.status] = again.get(r.status, 0) + 1
            t.check(r.status == 201, "refused-then-accepted", "serial %d: %d" % (s_, r.status))
            if r.status == 201:
                j = r.json()
                acked[s_] = (j["id"], lib.fingerprint(j))
        refused.clear()
        new_ok = 0
        for _ in range(2):
            r = post(serial)
            serial += 1
            new_ok += r is not None and r.status == 201
        t.check(new_ok == 2, "recovers-without-restart", "%d of 2 new POSTs answered 201"
                % new_ok)
        titles = lib.db_titles(db)
        t.check(all(len(v) == 1 for v in titles.values()), "each-once-after-recovery")
        # D. Full to the last byte: writes refused, SIGTERM still clean.
        fill(filler, 0)
        d_status = {}
        for _ in range(5):
            r = post(serial)
            serial += 1
            if r is not None:
                d_status[r.status] = d_status.get(r.status, 0) + 1
        victim = next(iter(acked))
        r = lib.request(p, "DELETE", "/articles/%d" % acked[victim][0],
                        {"Authorization": lib.AUTH})
        delete_full = r.status
        t.check(r.status in (204, 503), "delete-while-full-204-or-503",
                "answered %d: %s" % (r.status, r.body[:150]))
        if r.status == 204:
            del acked[victim]
        rc = srv.stop()
        t.check(rc == 0, "sigterm-while-full-exit-0", "exit status %r; log: %s"
                % (rc, lib.tail(srv.log_path, 5)))
        # D2. A restart while still full (a supervisor restarting it): it
        # should come up and serve reads.
        try:
            srv.start(timeout=15)
            full_start = "started; /health %d, /articles %d, POST %d" % (
                lib.get(srv.port, "/health").status,
                lib.get(srv.port, "/articles?limit=2").status,
                lib.post_article(srv.port, articles.make_article(serial, seed=base)[1]).status)
            serial += 1
            t.check(full_start.startswith("started; /health 200, /articles 200, POST 503"),
                    "restart-while-full-serves-reads", full_start)
            rc = srv.stop()
            t.check(rc == 0, "sigterm-while-full-exit-0", "second stop: exit status %r" % rc)
        except lib.Failed as e:
            full_start = "did not start: %s" % e
            t.check(False, "restart-while-full-serves-reads", full_start)
        # E. Room again, restart, everything acknowledged is there.
        os.unlink(filler)
        srv.start()
        p = srv.port
        bad = 0
        for s_, (aid, fp) in acked.items():
            g = lib.get(p, "/articles/%d" % aid)
            ok = g.status == 200 and not lib.diff_fp(fp, lib.fingerprint(g.json()))
            bad += not ok
            t.check(ok, "acked-present-after-restart", "serial %d id %d: %d" % (s_, aid, g.status))
        titles = lib.db_titles(db)
        t.check(len(titles) == len(acked) and all(len(v) == 1 for v in titles.values()),
                "final-each-once", "%d stored, %d acknowledged" % (len(titles), len(acked)))
        problems = lib.db_checks(db)
        t.check(not problems, "db-clean", "; ".join(problems))
        rc = srv.stop()
        t.check(rc == 0, "clean-exit", "exit status %r" % rc)
        t.fact("2 MiB tmpfs, filler leaving 300 KiB: %d POSTs answered 201 then %d refused "
               "(503 problem+json, Retry-After %s); reads answered 200 while full; after the "
               "filler went, the refused ones were re-POSTed: %s, and 2 new: %d x 201, no "
               "restart" % (stored_a, refused_a, retry_after, again, new_ok))
        t.fact("filled to the last byte: POSTs answered %s, DELETE answered %d, SIGTERM exit "
               "status 0; a restart while still full: %s; after a restart with room %d acknowledged articles all present and whole (%d "
               "bad); database clean: %s; all statuses %s (seed %d)"
               % (d_status, delete_full, full_start, len(acked), bad, not problems, statuses, seed))
    finally:
        if srv is not None and srv.alive():
            srv.kill9()
        u = subprocess.run(["umount", mnt], capture_output=True, text=True)
        if u.returncode != 0:
            subprocess.run(["umount", "-l", mnt], capture_output=True)
        try:
            os.rmdir(mnt)
        except OSError as e:
            t.log("  could not remove %s: %s" % (mnt, e))
    lib.cleanup(d, t)
