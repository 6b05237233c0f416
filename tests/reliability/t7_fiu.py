"""7. I/O errors injected with libfiu (fiu-run -x, then fiu-ctrl).

The server runs under `fiu-run -x` (libfiu's POSIX preload); once it listens,
`fiu-ctrl` turns on random failures of one family of calls (read/write and
their p-variants, fsync/fdatasync, open/close). Then it takes POSTs, with GETs
of already acknowledged articles in between. Per phase:

- no crash: the process is alive at the end of the phase;
- a GET of an acknowledged article is 200 and whole, or an error: never a
  200 with half an article;
- faults off again: POSTs answer 201 without a restart;
- then the server is stopped, restarted without libfiu, and every 201 of the
  phase is there and identical to its 201 body; every request not answered
  2xx is wholly stored or absent, and a retry gives exactly one copy; the
  database is clean.
The answers under faults (how many 201, 500, 503, ...) are reported.
"""

import collections
import os
import shutil
import subprocess

import articles
import lib
import t1_kill_post

NAME = "fiu"
TITLE = "I/O errors injected with libfiu"

PHASES = [
    ("posix/io/rw/*", 0.05),
    ("posix/io/rw/*", 0.01),
    ("posix/io/sync/*", 0.10),
    ("posix/io/oc/*", 0.05),
    ("posix/io/*", 0.02),
]


def fiu_ctrl(prefix, pid, command):
    r = subprocess.run(["fiu-ctrl", "-f", prefix, "-c", command, str(pid)],
                       capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        raise lib.Failed("fiu-ctrl %r: %s %s" % (command, r.stdout, r.stderr))


def run(t, opts):
    if not shutil.which("fiu-run") or not shutil.which("fiu-ctrl"):
        raise lib.Skip("fiu-run is not installed (Debian package fiu-utils; `make "
                       "reliability-deps` installs it)")
    n_posts = 150 if opts.soak else 60
    rng, seed = lib.seeded_rng(NAME)
    d = lib.workdir(NAME)
    db = os.path.join(d, "news.db")
    log = os.path.join(d, "server.log")
    prefix = os.path.join(d, "fiu")
    lib.migrate(db)
    base = rng.randrange(1 << 30)
    serial = 1
    acked = {}
    for name, prob in PHASES:
        spec = "enable_random name=%s,probability=%g" % (name, prob)
        srv = lib.Server(db, log, wrapper=["fiu-run", "-x", "-f", prefix]).start()
        try:
            fiu_ctrl(prefix, srv.pid(), spec)
            statuses = collections.Counter()
            gets = collections.Counter()
            records = []
            phase_acked = []
            crashed = None
            for _ in range(n_posts):
                title, text = articles.make_article(serial, seed=base + serial)
                rec = {"serial": serial, "title": title, "text": text}
                serial += 1
                try:
                    r = lib.post_article(srv.port, text)
                    statuses[r.status] += 1
                    rec["status"] = r.status
                    if r.status == 201:
                        j = r.json()
                        acked[rec["serial"]] = (j["id"], lib.fingerprint(j))
                        phase_acked.append(rec["serial"])
                        t.check(not lib.self_consistent(j), "201-body-whole",
                                "serial %d: %s" % (rec["serial"], lib.self_consistent(j)))
                    else:
                        records.append(rec)
                except lib.NoAnswer as e:
                    statuses["no answer"] += 1
                    records.append(rec)
                    if not srv.alive():
                        crashed = srv.wait()
                        break
                # A reader: one acknowledged article, whole or an error.
                if acked:
                    s_ = rng.choice(list(acked))
                    aid, fp = acked[s_]
                    try:
                        g = lib.get(srv.port, "/articles/%d" % aid)
                        gets[g.status] += 1
                        if g.status == 200:
                            j = g.json()
                            bad = lib.diff_fp(fp, lib.fingerprint(j)) or lib.self_consistent(j)
                            t.check(not bad, "reader-never-sees-half",
                                    "%s: id %d: %s" % (spec, aid, bad))
                    except (lib.NoAnswer, ValueError) as e:
                        gets["no answer or bad JSON"] += 1
            t.check(crashed is None and srv.alive(), "no-crash",
                    "%s: the server died (status %r); log: %s"
                    % (spec, crashed, lib.tail(log, 5)))
            recovered = collections.Counter()
            if srv.alive():
                fiu_ctrl(prefix, srv.pid(), "disable name=%s" % name)
                for _ in range(10):
                    title, text = articles.make_article(serial, seed=base + serial)
                    serial += 1
                    try:
                        r = lib.post_article(srv.port, text)
                        recovered[r.status] += 1
                        if r.status == 201:
                            j = r.json()
                            acked[serial - 1] = (j["id"], lib.fingerprint(j))
                            phase_acked.append(serial - 1)
                    except lib.NoAnswer:
                        recovered["no answer"] += 1
                t.check(recovered[201] == 10, "recovers-when-faults-stop",
                        "%s: after disabling: %s" % (spec, dict(recovered)))
                rc = srv.stop()
                t.check(rc == 0, "clean-exit", "%s: exit status %r" % (spec, rc))
        finally:
            if srv.alive():
                srv.kill9()
        # Verify without faults.
        plain = lib.Server(db, log).start()
        try:
            bad = t1_kill_post.verify_acked(t, plain.port, acked, phase_acked)
            stats = dict(unacked_present=0, unacked_absent=0, retry_200=0, retry_201=0)
            for rec in records:
                j = t1_kill_post.settle_unacked(t, plain, db, rec, stats)
                if j:
                    acked[rec["serial"]] = (j["id"], lib.fingerprint(j))
            problems = lib.db_checks(db)
            t.check(not problems, "db-clean", "%s: %s" % (spec, "; ".join(problems)))
            rc = plain.stop()
            t.check(rc == 0, "clean-exit-plain", "exit status %r" % rc)
        finally:
            if plain.alive():
                plain.kill9()
        t.fact("%s: %d POSTs answered %s; reader GETs %s; %s; faults off: %s; verified without "
               "faults: %d acknowledged whole (%d bad), refused ones %d stored whole (answer "
               "lost) and %d absent, retries %d x 200 + %d x 201; database clean: %s"
               % (spec, sum(statuses.values()), dict(statuses), dict(gets),
                  "no crash" if crashed is None else "CRASHED %r" % crashed, dict(recovered),
                  len(phase_acked), bad, stats["unacked_present"], stats["unacked_absent"],
                  stats["retry_200"], stats["retry_201"], not problems))
    codes = collections.Counter()
    with open(log, "rb") as f:
        for line in f:
            if b"event=db_error" in line or b"event=db_full" in line or b"event=db_busy" in line:
                for part in line.split():
                    if part.startswith(b"rc=") or part.startswith(b"event="):
                        codes[part.decode()] += 1
    t.fact("store errors logged over all phases (seed %d): %s" % (seed, dict(codes)))
    lib.cleanup(d, t)
