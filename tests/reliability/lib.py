"""lib.py: what the reliability tests share.

- Server: runs `newsd serve` on a free loopback port (--port 0) and learns the
  port from its "newsd listening on http://127.0.0.1:PORT" line; that line, the
  process's exit and the answers are the only things the tests wait on.
- A small HTTP/1.1 client over plain sockets (keep-alive or not, raw bytes).
- Database checks with Python's sqlite3: integrity_check, foreign_key_check,
  the FTS5 indexes, and "every article is whole" (its rows agree with its
  counters), run on the live file while the server runs.
- Checks: each test records named checks; a failed check whose name is in
  KNOWN (a reported newsd bug, not fixed yet) is counted as expected-to-fail.

Only 127.0.0.1 is ever contacted. Python standard library only.
"""

import json
import os
import random
import selectors
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("NEWSD_BIN", os.path.join(ROOT, "build", "newsd"))
API_KEY = "reliability-test-key"
AUTH = "Bearer " + API_KEY
HOST = "127.0.0.1"

# Checks that fail because of a reported, not yet fixed newsd bug: name -> why.
# A listed check that passes is reported as fixed, so it can leave this list.
KNOWN = {}


# --- results -------------------------------------------------------------------

class Failed(Exception):
    """A test could not go on (its remaining checks are not run)."""


class Test:
    """The checks and figures of one test."""

    def __init__(self, name, verbose=False):
        self.name = name
        self.verbose = verbose
        self.passed = 0
        self.failed = []      # (check, detail)
        self.xfailed = []     # (check, detail, why)
        self.fixed = []       # known checks that passed
        self.skipped = None   # reason
        self.facts = []       # lines for the report
        self._known_seen = set()

    def check(self, ok, check, detail=""):
        """Records one check; returns ok."""
        if check in KNOWN:
            if ok:
                if check not in self._known_seen:
                    self.fixed.append(check)
            else:
                self.xfailed.append((check, detail, KNOWN[check]))
                self.log("  XFAIL %s: %s" % (check, detail[:160]))
            self._known_seen.add(check)
            return ok
        if ok:
            self.passed += 1
        else:
            self.failed.append((check, detail))
            self.log("  FAIL %s: %s" % (check, detail[:400]))
        return ok

    def require(self, ok, check, detail=""):
        if not self.check(ok, check, detail):
            raise Failed("%s: %s" % (check, detail))

    def fact(self, line):
        self.facts.append(line)
        self.log("  " + line)

    def log(self, line):
        print(line, flush=True)

    def debug(self, line):
        if self.verbose:
            print("    " + line, flush=True)


# --- the server ------------------------------------------------------------------

def newsd_env(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSD_")}
    env["NEWSD_API_KEY"] = API_KEY
    env.update(extra or {})
    return env


class Server:
    """One `newsd serve` process. Its stderr goes to log_path through a reader
    thread, which also sets `stopping` when the server logs event=stopping."""

    def __init__(self, db, log_path, threads=2, wrapper=None, env=None):
        self.db = db
        self.log_path = log_path
        self.threads = threads
        self.wrapper = wrapper or []
        self.env = env
        self.proc = None
        self.port = None
        self.stopping = threading.Event()
        self._reader = None

    def start(self, timeout=30):
        argv = self.wrapper + [BIN, "serve", "--db", self.db, "--bind", HOST, "--port", "0",
                               "--threads", str(self.threads)]
        self.stopping.clear()
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=newsd_env(self.env))
        self._reader = threading.Thread(target=self._read_stderr, args=(self.proc,), daemon=True)
        self._reader.start()
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        line = b""
        deadline = time.monotonic() + timeout
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                self.kill9()
                raise Failed("server did not print its listening line within %d s" % timeout)
            c = os.read(self.proc.stdout.fileno(), 1)
            if not c:
                rc = self.proc.wait()
                raise Failed("server exited (%s) before listening; log: %s"
                             % (rc, tail(self.log_path)))
            line += c
        sel.close()
        text = line.decode()
        prefix = "newsd listening on http://%s:" % HOST
        if not text.startswith(prefix):
            raise Failed("unexpected first line: %r" % text)
        self.port = int(text[len(prefix):].strip())
        return self

    def _read_stderr(self, proc):
        with open(self.log_path, "ab") as log:
            for line in proc.stderr:
                log.write(line)
                log.flush()
                if b"event=stopping" in line:
                    self.stopping.set()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def pid(self):
        return self.proc.pid

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        return self.wait()

    def term(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def wait(self, timeout=None):
        """The exit status (negative: killed by that signal), or None on timeout."""
        if not self.proc:
            return None
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if self._reader:
            self._reader.join(5)
        if self.proc.stdout:
            self.proc.stdout.close()
        return rc

    def stop(self, timeout=10):
        """SIGTERM and wait; SIGKILL when it does not exit in time."""
        if not self.proc:
            return None
        self.term()
        rc = self.wait(timeout)
        if rc is None:
            rc = self.kill9()
            raise Failed("server did not exit within %d s of SIGTERM" % timeout)
        return rc


def tail(path, n=15):
    try:
        with open(path, "rb") as f:
            return b"".join(f.readlines()[-n:]).decode("utf-8", "replace")
    except OSError:
        return ""


def run_cli(args, timeout=120, env=None):
    """Runs `newsd ARGS`; returns (rc, stdout, stderr)."""
    p = subprocess.run([BIN] + args, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=timeout, env=newsd_env(env))
    return p.returncode, p.stdout.decode(), p.stderr.decode("utf-8", "replace")


def migrate(db):
    rc, out, err = run_cli(["migrate", "--db", db])
    if rc != 0:
        raise Failed("migrate failed: %s %s" % (out, err))


def workdir(tag):
    return tempfile.mkdtemp(prefix="newsd-rel-%s-" % tag)


# --- HTTP ------------------------------------------------------------------------

class NoAnswer(Exception):
    """The connection closed, was refused or timed out before a full answer."""


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value (the last one)
        self.body = body
        self.interim = None  # the status of a 1xx answer that came first
        self._json = None

    def json(self):
        if self._json is None:
            self._json = json.loads(self.body.decode("utf-8"))
        return self._json

    def header(self, name):
        return self.headers.get(name.lower())

    def is_problem(self):
        """True when the body is application/problem+json with its status."""
        if (self.header("content-type") or "").split(";")[0] != "application/problem+json":
            return False
        try:
            j = self.json()
        except ValueError:
            return False
        return isinstance(j, dict) and j.get("status") == self.status and "title" in j

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:120])


def _read_response(sock, method="GET"):
    """Reads one response from sock; raises NoAnswer when it ends early."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        try:
            chunk = sock.recv(65536)
        except (socket.timeout, OSError) as e:
            raise NoAnswer("head: %s" % e)
        if not chunk:
            raise NoAnswer("closed before the response head (%d bytes)" % len(buf))
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("iso-8859-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise NoAnswer("bad status line %r" % lines[0])
    status = int(parts[1])
    if 100 <= status < 200 and status != 101:
        # An interim answer (100 Continue): the final one follows.
        r, left = _read_response(_Prefixed(sock, rest), method)
        r.interim = status
        return r, left
    headers = {}
    for ln in lines[1:]:
        if ":" in ln:
            k, v = ln.split(":", 1)
            headers[k.strip().lower()] = v.strip()

    def more():
        try:
            c = sock.recv(65536)
        except (socket.timeout, OSError) as e:
            raise NoAnswer("body: %s" % e)
        return c

    if method == "HEAD" or status in (204, 304):
        return Response(status, headers, b""), rest
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        data = rest
        while True:
            while b"\r\n" not in data:
                c = more()
                if not c:
                    raise NoAnswer("closed in chunk size")
                data += c
            size_line, data = data.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            while len(data) < size + 2:
                c = more()
                if not c:
                    raise NoAnswer("closed in chunk")
                data += c
            body += data[:size]
            data = data[size + 2:]
            if size == 0:
                return Response(status, headers, body), data
    if "content-length" in headers:
        n = int(headers["content-length"])
        body = rest
        while len(body) < n:
            c = more()
            if not c:
                raise NoAnswer("closed in body (%d of %d bytes)" % (len(body), n))
            body += c
        return Response(status, headers, body[:n]), body[n:]
    body = rest
    while True:
        c = more()
        if not c:
            return Response(status, headers, body), b""
        body += c


def connect(port, timeout=10):
    s = socket.create_connection((HOST, port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def build_request(method, target, headers=None, body=None, close=True):
    h = ["%s %s HTTP/1.1" % (method, target), "Host: 127.0.0.1"]
    if close:
        h.append("Connection: close")
    for k, v in (headers or {}).items():
        h.append("%s: %s" % (k, v))
    if body is not None:
        h.append("Content-Length: %d" % len(body))
    return ("\r\n".join(h) + "\r\n\r\n").encode("utf-8") + (body or b"")


def raw(port, data, timeout=10, method="GET"):
    """Sends raw bytes on a new connection and reads one answer."""
    try:
        s = connect(port, timeout)
    except OSError as e:
        raise NoAnswer("connect: %s" % e)
    try:
        try:
            s.sendall(data)
        except OSError:
            pass  # the server may answer (413, 431) before reading everything
        r, _ = _read_response(s, method)
        return r
    finally:
        s.close()


def request(port, method, target, headers=None, body=None, timeout=10):
    return raw(port, build_request(method, target, headers, body), timeout, method)


def get(port, target, timeout=10):
    return request(port, "GET", target, timeout=timeout)


class Conn:
    """A keep-alive connection; reconnects when the previous one was closed."""

    def __init__(self, port, timeout=10):
        self.port = port
        self.timeout = timeout
        self.sock = None
        self.leftover = b""

    def request(self, method, target, headers=None, body=None):
        if self.sock is None:
            try:
                self.sock = connect(self.port, self.timeout)
            except OSError as e:
                raise NoAnswer("connect: %s" % e)
            self.leftover = b""
        data = build_request(method, target, headers, body, close=False)
        try:
            self.sock.sendall(data)
            r, self.leftover = _read_response(_Prefixed(self.sock, self.leftover), method)
        except (NoAnswer, OSError) as e:
            self.close()
            raise NoAnswer(str(e))
        if (r.header("connection") or "").lower() == "close":
            self.close()
        return r

    def close(self):
        if self.sock:
            self.sock.close()
        self.sock = None


class _Prefixed:
    """A socket whose first recv returns bytes already read."""

    def __init__(self, sock, prefix):
        self.sock = sock
        self.prefix = prefix

    def recv(self, n):
        if self.prefix:
            p, self.prefix = self.prefix, b""
            return p
        return self.sock.recv(n)


def post_headers(content_type="text/plain; charset=utf-8"):
    return {"Authorization": AUTH, "Content-Type": content_type}


def post_article(conn_or_port, text):
    body = text.encode("utf-8")
    if isinstance(conn_or_port, Conn):
        return conn_or_port.request("POST", "/articles", post_headers(), body)
    return request(conn_or_port, "POST", "/articles", post_headers(), body)


def health_ok(port, timeout=5):
    try:
        r = get(port, "/health", timeout)
        return r.status == 200
    except NoAnswer:
        return False


# --- articles: what "whole" means ------------------------------------------------

SUMMARY_KEYS = ("id", "url", "title", "subtitle", "section", "authors", "dateline",
                "published_at", "word_count", "quote_count", "entity_count", "ingested_at",
                "body", "paragraphs")


def fingerprint(a):
    """The parts of a full article JSON that must never change once stored.
    Entities keep only what is the article's own (their totals grow with
    later articles)."""
    fp = {k: a.get(k) for k in SUMMARY_KEYS}
    fp["quotes"] = a.get("quotes")
    fp["entities"] = sorted((e["id"], e["name"], e["type"], e["mentions"])
                            for e in a.get("entities", []))
    return fp


def self_consistent(a):
    """A full article's lists agree with its own counters; '' when they do."""
    problems = []
    if len(a.get("quotes", [])) != a.get("quote_count"):
        problems.append("quotes %d != quote_count %s" % (len(a.get("quotes", [])),
                                                         a.get("quote_count")))
    if len(a.get("entities", [])) != a.get("entity_count"):
        problems.append("entities %d != entity_count %s" % (len(a.get("entities", [])),
                                                            a.get("entity_count")))
    if not a.get("paragraphs"):
        problems.append("no paragraphs")
    elif "\n\n".join(a["paragraphs"]) != a.get("body"):
        problems.append("paragraphs do not make the body")
    return "; ".join(problems)


def diff_fp(want, got):
    keys = [k for k in want if want.get(k) != got.get(k)]
    return "differs in " + ", ".join(keys) if keys else ""


def extract(text):
    """newsd extract of a text: what storing it must give (no ids)."""
    p = subprocess.run([BIN, "extract", "-"], input=text.encode("utf-8"), capture_output=True,
                       timeout=60, env=newsd_env())
    if p.returncode != 0:
        raise Failed("extract failed: %s" % p.stderr.decode("utf-8", "replace"))
    return json.loads(p.stdout)


# --- the database ----------------------------------------------------------------

def db_open(path):
    c = sqlite3.connect(path, timeout=10, isolation_level=None)
    c.execute("PRAGMA busy_timeout = 10000")
    return c


def db_checks(path):
    """Runs every structural check on the database file; returns a list of
    problems (empty when clean). Reads only; the FTS5 integrity checks run on
    an in-memory copy made with SQLite's backup API."""
    problems = []
    c = db_open(path)
    try:
        ic = [r[0] for r in c.execute("PRAGMA integrity_check")]
        if ic != ["ok"]:
            problems.append("integrity_check: %s" % "; ".join(ic[:5]))
        fk = c.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append("foreign_key_check: %d rows, first %r" % (len(fk), fk[0]))
        problems += whole_problems(c)
        mem = sqlite3.connect(":memory:")
        c.backup(mem)
        for t in ("articles_fts", "quotes_fts"):
            try:
                mem.execute("INSERT INTO %s(%s) VALUES('integrity-check')" % (t, t))
            except sqlite3.DatabaseError as e:
                problems.append("%s integrity-check: %s" % (t, e))
        mem.close()
    finally:
        c.close()
    return problems


def db_paragraphs(c, aid, body):
    """An article's paragraphs as newsd reads them: its article_paragraphs
    rows, or, when it has none (the body gives them back), its body cut at
    each blank line; an empty body has none."""
    rows = [r[0] for r in c.execute(
        "SELECT text FROM article_paragraphs WHERE article_id = ? ORDER BY position", (aid,))]
    if rows or not body:
        return rows
    return body.split("\n\n")


def whole_problems(c):
    """Every article agrees with its rows, and every entity's counters with
    the rows that reference it: a half-written article would break one."""
    problems = []
    rows = c.execute(
        "SELECT a.id, a.quote_count, a.entity_count, "
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
        " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id), a.body "
        "FROM articles a").fetchall()
    for aid, qc, ec, nq, nm, body in rows:
        np_ = len(db_paragraphs(c, aid, body))
        if qc != nq or ec != nm or np_ == 0:
            problems.append("article %d: quote_count %d rows %d, entity_count %d rows %d, "
                            "%d paragraphs" % (aid, qc, nq, ec, nm, np_))
    bad = c.execute(
        "SELECT e.id, e.article_count, e.mention_count, e.quote_count, "
        " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), "
        " (SELECT coalesce(sum(count), 0) FROM mentions m WHERE m.entity_id = e.id), "
        " (SELECT count(*) FROM quotes q WHERE q.speaker_id = e.id) "
        "FROM entities e").fetchall()
    for eid, ac, mc, qc, nac, nmc, nqc in bad:
        if (ac, mc, qc) != (nac, nmc, nqc):
            problems.append("entity %d counters (%d, %d, %d) but rows (%d, %d, %d)"
                            % (eid, ac, mc, qc, nac, nmc, nqc))
    bodies = c.execute("SELECT id, body FROM articles").fetchall()
    for aid, body in bodies:
        if "\n\n".join(db_paragraphs(c, aid, body)) != body:
            problems.append("article %d: paragraphs do not make the body" % aid)
    return problems[:20]


def db_titles(path):
    """title -> list of ids, for every stored article."""
    c = db_open(path)
    try:
        out = {}
        for aid, title in c.execute("SELECT id, title FROM articles"):
            out.setdefault(title, []).append(aid)
        return out
    finally:
        c.close()


def db_article_counts(path, aid):
    """(quote_count, entity_count, paragraphs) of a stored article, from its rows."""
    c = db_open(path)
    try:
        body = c.execute("SELECT body FROM articles WHERE id = ?", (aid,)).fetchone()
        return (c.execute("SELECT count(*) FROM quotes WHERE article_id = ?", (aid,)).fetchone()[0],
                c.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (aid,)).fetchone()[0],
                len(db_paragraphs(c, aid, body[0] if body else None)))
    finally:
        c.close()


def db_count(path):
    c = db_open(path)
    try:
        return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        c.close()


def seeded_rng(name):
    """A random source for one test: RELIABILITY_SEED replays a run."""
    seed = int(os.environ.get("RELIABILITY_SEED", "0")) or random.randrange(1, 1 << 30)
    return random.Random("%d:%s" % (seed, name)), seed


def cleanup(d, t):
    """Removes a test's folder, or keeps it (and says where) when a check failed."""
    if t.failed:
        t.log("  kept for inspection: %s" % d)
        return
    subprocess.run(["rm", "-rf", "--one-file-system", d], check=False)


class Skip(Exception):
    """The test cannot run here (the reason says why)."""


def db_signatures(path):
    """title -> everything stored about the article except ids and times:
    two databases that got the same articles compare equal."""
    c = db_open(path)
    try:
        out = {}
        arts = c.execute("SELECT id, title, subtitle, section, dateline, published_at, body, "
                         "word_count, quote_count, entity_count, url FROM articles").fetchall()
        for row in arts:
            aid = row[0]
            quotes = tuple(c.execute(
                "SELECT q.position, q.text, e.type, e.name, q.speaker_text, q.cue, q.kind, "
                "q.paragraph, q.start, q.\"end\" FROM quotes q LEFT JOIN entities e "
                "ON e.id = q.speaker_id WHERE q.article_id = ? ORDER BY q.position", (aid,)))
            mentions = tuple(sorted(c.execute(
                "SELECT e.type, e.name, m.count, m.quotes FROM mentions m JOIN entities e "
                "ON e.id = m.entity_id WHERE m.article_id = ?", (aid,))))
            authors = tuple(r[0] for r in c.execute(
                "SELECT name FROM article_authors WHERE article_id = ? ORDER BY position",
                (aid,)))
            paras = tuple(db_paragraphs(c, aid, row[6]))
            sig = (row[1:], quotes, mentions, authors, paras)
            out.setdefault(row[1], []).append(sig)
        return out
    finally:
        c.close()
