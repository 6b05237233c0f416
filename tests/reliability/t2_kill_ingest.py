"""2. kill -9 of `newsd ingest` of a folder mid-way, then re-runs.

A folder of generated .txt articles is ingested once into a reference
database (which also times a full run). Then, into a fresh database, `newsd
ingest` is started again and again and each run is killed with SIGKILL at a
random moment (right after it reports a file done, plus a few milliseconds).
After each kill the database must be clean, every article in it whole and
equal to the reference, and the run must have kept no more articles than it
reported (ingest commits in batches, so the open batch is lost). A last run
goes to the end: its "N ingested, M duplicates, K failed" must account for
every file (M being exactly the articles the killed runs had committed, K
zero), and the final database must hold each article exactly once, equal to
the reference.
"""

import json
import os
import pty
import re
import select
import subprocess
import time

import articles
import lib

NAME = "kill-ingest"
TITLE = "kill -9 during `newsd ingest` of a folder"


def ingest_argv(db, folder):
    return [lib.BIN, "ingest", "--db", db, folder]


PROGRESS = re.compile(rb"(\d+) ingested, (\d+) duplicates, (\d+) failed")


# Every stored column except ingestion times (and the sort keys taken from
# them), ids included: two ingests of the same folder into fresh databases
# must agree row for row, whatever the number of extraction threads.
DUMP = [
    "SELECT id, content_hash, url, title, subtitle, section, dateline, published_at, "
    "word_count, quote_count, entity_count, body FROM articles ORDER BY id",
    "SELECT * FROM article_paragraphs ORDER BY article_id, position",
    "SELECT article_id, position, name FROM article_authors ORDER BY article_id, position",
    "SELECT * FROM entities ORDER BY id",
    "SELECT * FROM entity_aliases ORDER BY entity_id, alias",
    "SELECT * FROM entity_names ORDER BY entity_id, name",
    "SELECT * FROM entity_titles ORDER BY entity_id, title",
    "SELECT article_id, entity_id, count, quotes FROM mentions ORDER BY article_id, entity_id",
    "SELECT id, canon, text, occurrences FROM quote_groups ORDER BY id",
    "SELECT id, article_id, position, text, speaker_id, speaker_text, cue, kind, paragraph, "
    "start, \"end\", group_id FROM quotes ORDER BY id",
    "SELECT * FROM articles_fts_docsize ORDER BY id",
    "SELECT * FROM quotes_fts_docsize ORDER BY id",
]


def db_dump(path):
    c = lib.db_open(path)
    try:
        return [c.execute(q).fetchall() for q in DUMP]
    finally:
        c.close()


def index_state(path):
    """The explicit indexes the database has and those deferred_indexes
    records as left out by a bulk load (migration 0008), each {name: sql}."""
    c = lib.db_open(path)
    try:
        have = dict(c.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                              "AND sql IS NOT NULL"))
        deferred = dict(c.execute("SELECT name, sql FROM deferred_indexes"))
        return have, deferred
    finally:
        c.close()


def run_killed(db, folder, target, jitter):
    """Runs an ingest with stderr on a pseudo-terminal (so it reports each
    file) and SIGKILLs it once it has reported `target` files, plus jitter."""
    master, slave = pty.openpty()
    p = subprocess.Popen(ingest_argv(db, folder), stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=slave, env=lib.newsd_env())
    os.close(slave)
    buf = b""
    last = None
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            r, _, _ = select.select([master], [], [], deadline - time.monotonic())
            if not r:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            buf = (buf + chunk)[-4096:]
            found = PROGRESS.findall(buf)
            if found:
                last = tuple(int(x) for x in found[-1])
            if last and sum(last) >= target:
                time.sleep(jitter)  # where the kill lands; not a synchronisation
                p.kill()
                break
        p.wait(30)
        if p.returncode == -9:
            # Whatever reached the terminal before the kill still counts.
            while True:
                r, _, _ = select.select([master], [], [], 0)
                if not r:
                    break
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                buf = (buf + chunk)[-4096:]
            found = PROGRESS.findall(buf)
            last = tuple(int(x) for x in found[-1]) if found else last
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
        p.stdout.close()
    return {"rc": p.returncode, "progress": last}


def run(t, opts):
    kills = opts.rounds or (20 if opts.soak else 4)
    # More files than one ingest batch (1,024), so that kills land both inside
    # a batch and after some batches committed.
    n_files = 4400 if opts.soak else 2200
    rng, seed = lib.seeded_rng(NAME)
    d = lib.workdir(NAME)
    folder = os.path.join(d, "articles")
    os.mkdir(folder)
    base = rng.randrange(1 << 30)
    for i in range(n_files):
        _, text = articles.make_article(i + 1, seed=base + i, paragraphs=4)
        with open(os.path.join(folder, "%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write(text)
    ref = os.path.join(d, "reference.db")
    t0 = time.monotonic()
    rc, out, err = lib.run_cli(["ingest", "--db", ref, folder])
    full = time.monotonic() - t0
    t.require(rc == 0 and out.strip() == "%d ingested, 0 duplicates, 0 failed" % n_files,
              "reference-ingest", "rc %d: %s %s" % (rc, out, err[-300:]))
    want = lib.db_signatures(ref)
    want_indexes, left = index_state(ref)
    t.check(len(want_indexes) >= 10 and not left, "reference-indexes-built",
            "%d indexes, %d still deferred" % (len(want_indexes), len(left)))
    # Extraction runs on worker threads and the store writes in input order:
    # one thread and four give the same database, ids included.
    for threads in ("1", "4"):
        other = os.path.join(d, "threads-%s.db" % threads)
        rc, out, err = lib.run_cli(["ingest", "--threads", threads, "--db", other, folder])
        t.check(rc == 0 and out.strip() == "%d ingested, 0 duplicates, 0 failed" % n_files,
                "ingest-threads-%s" % threads, "rc %d: %s %s" % (rc, out, err[-300:]))
        t.check(db_dump(other) == db_dump(ref), "threads-%s-same-database" % threads,
                "ingest --threads %s stored something else than the default run" % threads)
    # Failures and notes travel through the same ordered queue as articles:
    # the same messages in the same order with one thread or four.
    mixed = os.path.join(d, "mixed")
    os.mkdir(mixed)
    record = json.dumps({"text": text}).encode()
    for name, data in (("a.txt", text.encode()), ("b.txt", b"not \xff UTF-8"),
                       ("c.md", b"notes"), ("d.jsonl", b'{"text": 5}\n' + record + b"\n"),
                       ("e.txt", b"")):
        with open(os.path.join(mixed, name), "wb") as f:
            f.write(data)
    outputs = []
    for threads in ("1", "4"):
        mdb = os.path.join(d, "mixed-%s.db" % threads)
        rc, out, err = lib.run_cli(["ingest", "--threads", threads, "--db", mdb, mixed])
        msgs = [l for l in err.splitlines() if l.startswith(("failed:", "skipped:"))]
        outputs.append((rc, out, msgs))
    t.check(outputs[0] == outputs[1] and outputs[0][0] == 1 and len(outputs[0][2]) == 4,
            "threads-same-messages", "one thread: %r; four: %r" % tuple(outputs))
    db = os.path.join(d, "news.db")
    lib.migrate(db)
    stored_before = []
    killed = 0
    finished_early = 0
    reported = 0  # articles the killed runs said they ingested
    committed_by_kills = []  # (reported, committed) of each killed run
    for k in range(kills):
        before = lib.db_count(db)
        # The kill comes right after the run reports file number `target`
        # done (its progress line, written when stderr is a terminal), plus a
        # random 0-8 ms: within the next file's extraction, transaction or
        # fsync.
        # Anywhere in the folder: among the files stored by earlier runs
        # (read again as duplicates), or past them, before or after one of
        # ingest's batch commits.
        target = rng.randint(1, n_files - 1)
        jitter = rng.random() * 0.008
        res = run_killed(db, folder, target, jitter)
        after = lib.db_count(db)
        stored_before.append(after)
        if res["rc"] == -9:
            killed += 1
            ing = res["progress"][0] if res["progress"] else 0
            reported += ing
            # `newsd ingest` commits in batches: a killed run keeps the batches
            # it committed and loses the open one, so it may store fewer
            # articles than its progress showed, never more.
            t.check(after - before <= ing, "killed-run-stored-no-more-than-reported",
                    "run %d: %d articles before, %d after, last progress %r"
                    % (k, before, after, res["progress"]))
            committed_by_kills.append((ing, after - before))
        else:
            finished_early += 1
            t.check(res["rc"] == 0, "run-exit-0", "run %d: rc %r" % (k, res["rc"]))
            reported += res["progress"][0] if res["progress"] else 0
        t.check(after >= before, "no-article-lost-by-kill",
                "run %d: %d articles before, %d after" % (k, before, after))
        problems = lib.db_checks(db)
        t.check(not problems, "db-clean-after-kill", "run %d: %s" % (k, "; ".join(problems)))
        # A load into an empty database drops its read indexes until its end:
        # each one is either there or recorded for the next writer to build.
        have, deferred = index_state(db)
        t.check(not set(have) & set(deferred) and {**have, **deferred} == want_indexes,
                "indexes-present-or-recorded", "run %d: %d present, %d deferred, %d wanted"
                % (k, len(have), len(deferred), len(want_indexes)))
        got = lib.db_signatures(db)
        for title, sigs in got.items():
            if not t.check(len(sigs) == 1 and sigs == want.get(title), "stored-article-whole",
                           "run %d: %r stored %d times or differs from the reference"
                           % (k, title[:60], len(sigs))):
                break
        t.debug("run %d: %s after file %d + %.1f ms (progress %r); %d -> %d articles"
                % (k, "killed" if res["rc"] == -9 else "exited %r" % res["rc"], target,
                   jitter * 1000, res["progress"], before, after))
    committed = lib.db_count(db)
    rc, out, err = lib.run_cli(["ingest", "--db", db, folder])
    m = re.match(r"(\d+) ingested, (\d+) duplicates, (\d+) failed", out.strip())
    t.require(m is not None, "final-run-summary", "rc %d: %r %s" % (rc, out, err[-300:]))
    ing, dup, fail = (int(x) for x in m.groups())
    t.check(rc == 0, "final-run-exit-0", "rc %d: %s" % (rc, err[-300:]))
    t.check(ing + dup + fail == n_files, "every-file-accounted",
            "%d + %d + %d != %d files" % (ing, dup, fail, n_files))
    t.check(fail == 0, "no-failed-file", err[-300:])
    t.check(dup == committed, "duplicates-are-the-killed-runs-articles",
            "%d duplicates, %d articles committed by the killed runs" % (dup, committed))
    got = lib.db_signatures(db)
    t.check(set(got) == set(want), "final-has-every-article",
            "%d titles stored, %d expected" % (len(got), len(want)))
    twice = [k for k, v in got.items() if len(v) != 1]
    t.check(not twice, "final-each-article-once", "%d stored more than once" % len(twice))
    differ = [k for k in want if got.get(k) != want[k]]
    t.check(not differ, "final-equals-reference", "%d articles differ from the reference, "
            "e.g. %r" % (len(differ), differ[:1]))
    problems = lib.db_checks(db)
    t.check(not problems, "final-db-clean", "; ".join(problems))
    have, deferred = index_state(db)
    t.check(have == want_indexes and not deferred, "final-indexes-built",
            "%d present, %d deferred, %d wanted" % (len(have), len(deferred), len(want_indexes)))
    t.check(committed + ing == n_files, "runs-account-for-every-file",
            "killed runs committed %d, final run ingested %d, %d files"
            % (committed, ing, n_files))
    t.fact("%d files (seed %d), a full ingest takes %.2f s; %d runs killed with -9 (%d "
           "finished first), articles after each: %s; (progress shown, articles kept) of each "
           "killed run: %s (ingest commits in batches: the open batch is lost); final run: "
           "%d ingested + %d duplicates + %d failed = %d files; final database: %d articles, "
           "each once, equal to the reference"
           % (n_files, seed, full, killed, finished_early, stored_before, committed_by_kills,
              ing, dup, fail, ing + dup + fail, len(got)))
    lib.cleanup(d, t)
