"""5. Stalled clients: 200 connections that never finish their request.

Three kinds, held open at once:
- idle: half a request head sent, then nothing (libmicrohttpd's idle timeout,
  10 s in newsd, should close them);
- trickled heads: a request head sent one byte a second, never finished;
- trickled bodies: a complete POST head, then the body one byte a second.
Meanwhile GET /health and GET /articles on fresh connections must each answer
200 within 1 s. The test reports when the server closed each kind (the
trickled ones are never idle, so they are not cut by the idle timeout: a
slowloris client keeps its slot). At the end the stalled sockets are closed,
the server must be healthy, back to its open file count, and exit 0 on SIGTERM.
A last part fills the connection limit (1000) with trickling clients: near
the limit the watchdog cuts requests older than a second, so a new client
must still be answered within 3 s.
"""

import os
import resource
import selectors
import socket
import threading
import time

import lib

NAME = "stalled"
TITLE = "200 stalled clients while /health and /articles keep answering"


def fd_count(pid):
    try:
        return len(os.listdir("/proc/%d/fd" % pid))
    except OSError:
        return -1


class Stalled:
    """The stalled sockets and one loop that trickles bytes and sees closes."""

    def __init__(self, port):
        self.port = port
        self.sel = selectors.DefaultSelector()
        self.socks = {}  # sock -> state dict

    def open(self, kind, n):
        for i in range(n):
            s = socket.create_connection((lib.HOST, self.port), timeout=5)
            s.setblocking(False)
            if kind == "idle":
                first = b"GET /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "
                rest = b""
            elif kind == "trickled head":
                first = b"G"
                rest = (b"ET /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " +
                        b"x" * 200 + b"\r\n\r\n")
            else:
                body = b"y" * 50000
                first = (b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " +
                         lib.AUTH.encode() + b"\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body))
                rest = body
            s.send(first)
            st = {"kind": kind, "opened": time.monotonic(), "rest": rest, "closed": None,
                  "answer": b"", "sent": len(first)}
            self.socks[s] = st
            self.sel.register(s, selectors.EVENT_READ)

    def loop(self, seconds, interval=1.0):
        """Trickles one byte per interval on each trickling socket, for
        `seconds`, and records when the server closes a socket."""
        end = time.monotonic() + seconds
        next_tick = time.monotonic() + interval
        while True:
            now = time.monotonic()
            if now >= end:
                break
            timeout = min(next_tick, end) - now
            for key, _ in self.sel.select(max(0.0, timeout)):
                s = key.fileobj
                st = self.socks[s]
                try:
                    data = s.recv(4096)
                except OSError:
                    data = b""
                if data:
                    st["answer"] += data
                if not data:
                    st["closed"] = time.monotonic() - st["opened"]
                    self.sel.unregister(s)
            if time.monotonic() >= next_tick:
                next_tick += interval
                for s, st in self.socks.items():
                    if st["closed"] is None and st["rest"]:
                        try:
                            s.send(st["rest"][:1])
                            st["rest"] = st["rest"][1:]
                            st["sent"] += 1
                        except OSError:
                            st["closed"] = time.monotonic() - st["opened"]
                            self.sel.unregister(s)

    def summary(self, kind):
        sts = [st for st in self.socks.values() if st["kind"] == kind]
        closed = sorted(st["closed"] for st in sts if st["closed"] is not None)
        answers = {}
        for st in sts:
            line = st["answer"].split(b"\r\n")[0].decode("latin-1")[:40] or "nothing"
            answers[line] = answers.get(line, 0) + 1
        return len(sts), closed, answers

    def close(self):
        for s in self.socks:
            try:
                self.sel.unregister(s)
            except (KeyError, ValueError):
                pass
            s.close()
        self.socks.clear()


def probe_loop(port, stop, out):
    """GET /health and /articles on new connections, about 10 a second."""
    while not stop.is_set():
        for target in ("/health", "/articles?limit=5"):
            t0 = time.monotonic()
            try:
                r = lib.get(port, target, timeout=5)
                out.append((target, r.status, time.monotonic() - t0))
            except lib.NoAnswer as e:
                out.append((target, str(e), time.monotonic() - t0))
        stop.wait(0.1)  # pacing of the probes, not a synchronisation


def fmt_closed(n, closed):
    if not closed:
        return "none of %d closed" % n
    return ("%d of %d closed by the server, after %.1f-%.1f s (median %.1f s)"
            % (len(closed), n, closed[0], closed[-1], closed[len(closed) // 2]))


def run(t, opts):
    seconds = 30 if opts.soak else 13
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 4096)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    d = lib.workdir(NAME)
    db = os.path.join(d, "news.db")
    rc, out, err = lib.run_cli(["ingest", "--db", db, os.path.join(lib.ROOT, "samples")])
    t.require(rc == 0, "samples-ingested", out + err)
    srv = lib.Server(db, os.path.join(d, "server.log")).start()
    try:
        p = srv.port
        t.require(lib.get(p, "/articles?limit=5").status == 200, "warm")
        fds0 = fd_count(srv.pid())
        st = Stalled(p)
        st.open("idle", 70)
        st.open("trickled head", 60)
        st.open("trickled body", 70)
        stop = threading.Event()
        probes = []
        th = threading.Thread(target=probe_loop, args=(p, stop, probes), daemon=True)
        th.start()
        st.loop(seconds)
        stop.set()
        th.join(10)
        bad = [x for x in probes if x[1] != 200]
        slow = [x for x in probes if x[1] == 200 and x[2] > 1.0]
        lat = sorted(x[2] for x in probes if x[1] == 200)
        t.check(len(probes) > 20, "probes-ran", "%d probes" % len(probes))
        t.check(not bad, "probes-answered-200", "%d failed, e.g. %r" % (len(bad), bad[:3]))
        # Latency is reported, never asserted: a timed threshold fails on a
        # loaded machine and passes a starved server on a fast one. Starvation
        # shows as probes that got no 200 (probes-answered-200 above).
        t.fact("probes slower than 1 s: %d, e.g. %r" % (len(slow), slow[:3]))
        results = {k: st.summary(k) for k in ("idle", "trickled head", "trickled body")}
        n_idle, closed_idle, ans_idle = results["idle"]
        t.check(len(closed_idle) == n_idle, "idle-clients-closed",
                "%s" % fmt_closed(n_idle, closed_idle))
        t.check(all(c <= 12.0 for c in closed_idle), "idle-closed-near-10s",
                "closed after %r s" % closed_idle[-3:])
        st.close()
        t.require(lib.health_ok(p), "healthy-after")
        # libmicrohttpd does not always notice at once that a client whose
        # head was unfinished went away (its socket stays in CLOSE-WAIT until
        # the 10 s idle timeout): poll, bounded, for the open file count to
        # come back to where it was.
        t_closed = time.monotonic()
        deadline = t_closed + 12
        fds1 = fd_count(srv.pid())
        fds_at_close = fds1
        pause = threading.Event()
        while fds1 > fds0 and time.monotonic() < deadline:
            pause.wait(0.2)  # polling a condition, with a deadline
            fds1 = fd_count(srv.pid())
        back_after = time.monotonic() - t_closed
        t.check(fds1 <= fds0, "no-fd-leak", "%d open files before, %d after" % (fds0, fds1))
        t.fact("200 stalled clients held for %d s: %d probes (GET /health, GET /articles) all "
               "200: %s; latency median %.1f ms, max %.1f ms"
               % (seconds, len(probes), not bad, 1000 * lat[len(lat) // 2] if lat else -1,
                  1000 * lat[-1] if lat else -1))
        for kind, (n, closed, answers) in results.items():
            t.fact("%s: %s; what they received: %s" % (kind, fmt_closed(n, closed), answers))
        t.fact("server open files: %d before the stalled clients, %d just after they closed, "
               "%d %.1f s later" % (fds0, fds_at_close, fds1, back_after))

        # The connection limit (1000): all of it taken by trickling clients.
        limit = Stalled(p)
        opened = 0
        try:
            for _ in range(1010):
                limit.open("trickled head", 1)
                opened += 1
        except OSError as e:
            t.fact("opening trickling connections stopped at %d: %s" % (opened, e))
        limit.loop(1.5)
        t0 = time.monotonic()
        try:
            r = lib.get(p, "/health", timeout=3)
            full = "%d after %.2f s" % (r.status, time.monotonic() - t0)
        except lib.NoAnswer as e:
            full = "no answer (%s) after %.2f s" % (e, time.monotonic() - t0)
        n, closed, answers = limit.summary("trickled head")
        limit.close()
        if opened >= 1000:
            t.check(full.startswith("200") or full.startswith("503"),
                    "new-client-answered-at-connection-limit",
                    "with %d trickling connections open, a new GET /health got %s"
                    % (opened, full))
        t.fact("%d trickling connections (the limit is 1000): a new GET /health got %s; "
               "%d of them were closed by the server (%s)" % (opened, full, len(closed), answers))
        t.require(lib.health_ok(p), "healthy-after-limit")
        t.check(srv.alive(), "alive")
        rc = srv.stop()
        t.check(rc == 0, "clean-exit", "exit status %r" % rc)
    finally:
        if srv.alive():
            srv.kill9()
    lib.cleanup(d, t)
