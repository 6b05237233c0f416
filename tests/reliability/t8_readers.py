"""8. A reader never sees half an article.

Readers GET /articles/{id} over keep-alive connections while a writer changes
what they read:
- during POSTs: readers fetch the newest articles (found through GET
  /articles?limit=5) as they are added; every 200 must be whole (its quotes,
  entities and paragraphs agree with its counters and its body);
- during DELETEs: readers hammer the ids being deleted; every answer must be a
  whole article (200) or 404, never a 200 with the article row but none of its
  quotes, entities or paragraphs.
"""

import os
import threading

import articles
import lib

NAME = "readers"
TITLE = "readers during POSTs and DELETEs never see half an article"

def run(t, opts):
    n_articles = 400 if opts.soak else 150
    rng, seed = lib.seeded_rng(NAME)
    d = lib.workdir(NAME)
    db = os.path.join(d, "news.db")
    folder = os.path.join(d, "articles")
    os.mkdir(folder)
    base = rng.randrange(1 << 30)
    # Long articles (30 paragraphs, about 25 quotes) make each read longer.
    for i in range(n_articles):
        _, text = articles.make_article(i + 1, seed=base + i, paragraphs=30)
        with open(os.path.join(folder, "%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write(text)
    rc, out, err = lib.run_cli(["ingest", "--db", db, folder])
    t.require(rc == 0, "ingest", out + err[-300:])
    srv = lib.Server(db, os.path.join(d, "server.log")).start()
    p = srv.port
    try:
        # --- readers during POSTs
        stop = threading.Event()
        lock = threading.Lock()
        seen = {"reads": 0, "half": [], "errors": 0}

        def newest_reader():
            c = lib.Conn(p)
            while not stop.is_set():
                try:
                    lst = c.request("GET", "/articles?limit=5&fields=id")
                    for item in lst.json()["data"]:
                        r = c.request("GET", "/articles/%d" % item["id"])
                        with lock:
                            seen["reads"] += 1
                        if r.status == 200:
                            bad = lib.self_consistent(r.json())
                            if bad:
                                with lock:
                                    seen["half"].append((item["id"], bad))
                except (lib.NoAnswer, ValueError, KeyError):
                    with lock:
                        seen["errors"] += 1
            c.close()

        readers = [threading.Thread(target=newest_reader, daemon=True) for _ in range(2)]
        for th in readers:
            th.start()
        writer = lib.Conn(p)
        posted = 0
        n_posts = 60 if not opts.soak else 200
        for i in range(n_posts):
            _, text = articles.make_article(100000 + i, seed=base - i - 1, paragraphs=20)
            r = lib.post_article(writer, text)
            posted += r.status == 201
        stop.set()
        for th in readers:
            th.join(15)
        t.check(posted == n_posts, "posts-accepted", "%d of %d answered 201" % (posted, n_posts))
        # "never half" holds vacuously when no reader read a whole article.
        whole = seen["reads"] - len(seen["half"])
        t.check(whole > 0, "post-readers-read", "%d reads" % seen["reads"])
        t.check(not seen["half"], "post-reader-sees-whole",
                "%d half articles, e.g. %r" % (len(seen["half"]), seen["half"][:3]))
        t.check(seen["errors"] == 0, "post-readers-answered", "%d errors" % seen["errors"])
        t.fact("during %d POSTs: %d GET /articles/{id} of the newest articles, %d not whole"
               % (posted, seen["reads"], len(seen["half"])))

        # --- readers during DELETEs
        ids = [row[0] for row in lib.db_open(db).execute(
            "SELECT id FROM articles ORDER BY id LIMIT ?", (n_articles,))]
        cur = [0]
        stop = threading.Event()
        res = {"200": 0, "404": 0, "other": [], "half": []}

        def delete_reader():
            c = lib.Conn(p)
            while not stop.is_set():
                i = cur[0]
                for aid in (ids[i], ids[min(i + 1, len(ids) - 1)]):
                    try:
                        r = c.request("GET", "/articles/%d" % aid)
                    except lib.NoAnswer as e:
                        with lock:
                            res["other"].append(str(e))
                        continue
                    with lock:
                        if r.status == 200:
                            res["200"] += 1
                            bad = lib.self_consistent(r.json())
                            if bad:
                                res["half"].append((aid, bad))
                        elif r.status == 404:
                            res["404"] += 1
                        else:
                            res["other"].append(r.status)
            c.close()

        readers = [threading.Thread(target=delete_reader, daemon=True) for _ in range(3)]
        for th in readers:
            th.start()
        deleter = lib.Conn(p)
        deleted = 0
        for k, aid in enumerate(ids):
            cur[0] = k
            r = deleter.request("DELETE", "/articles/%d" % aid, {"Authorization": lib.AUTH})
            deleted += r.status == 204
        stop.set()
        for th in readers:
            th.join(15)
        t.check(deleted == len(ids), "deletes-answered-204", "%d of %d" % (deleted, len(ids)))
        t.check(not res["other"], "delete-readers-answered-200-or-404",
                "%r" % res["other"][:5])
        t.check(res["200"] > 0, "delete-readers-read-200",
                "no reader got an article before its delete: the check below proved nothing")
        t.check(not res["half"], "delete-reader-sees-whole-or-404",
                "%d of %d answers 200 were half articles, e.g. %r"
                % (len(res["half"]), res["200"], res["half"][:2]))
        problems = lib.db_checks(db)
        t.check(not problems, "db-clean", "; ".join(problems))
        rc = srv.stop()
        t.check(rc == 0, "clean-exit", "exit status %r" % rc)
        t.fact("during %d DELETEs: %d GETs answered 200 (%d of them half an article: the row "
               "without its quotes, entities or paragraphs), %d answered 404 (seed %d)"
               % (deleted, res["200"], len(res["half"]), res["404"], seed))
    finally:
        if srv.alive():
            srv.kill9()
    lib.cleanup(d, t)
