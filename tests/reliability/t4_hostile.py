"""4. Hostile requests against a running server.

Each request below goes on its own connection to a server holding the samples.
For each: the answer is a 4xx (a few listed exceptions: 501 for a method the
HTTP library does not know, 505 for an HTTP version it does not speak, 200 for
a search text that is only odd words), problem+json whenever newsd itself
answered (it sets X-Request-Id; the HTTP library's own 400/413/414/431 pages
are HTML), no 5xx, nothing stored (the article count and the database are
unchanged) and the server alive (GET /health answers 200 after each).
"""

import os
import socket

import lib

NAME = "hostile"
TITLE = "hostile requests"

AUTH = lib.AUTH.encode()


def req(method, target, headers=(), body=None, close=True):
    """Raw request bytes; target and header values may hold any bytes."""
    if isinstance(target, str):
        target = target.encode()
    lines = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1"]
    if close:
        lines.append(b"Connection: close")
    for h in headers:
        lines.append(h if isinstance(h, bytes) else h.encode())
    if body is not None and not any(h.lower().startswith(b"content-length") or
                                    h.lower().startswith(b"transfer-encoding")
                                    for h in (x if isinstance(x, bytes) else x.encode()
                                              for x in headers)):
        lines.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def post(ctype, body, extra=()):
    return req("POST", "/articles", [b"Authorization: " + AUTH, b"Content-Type: " + ctype]
               + list(extra), body)


def chunked(body, size=65536):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


# Known limits, counted as expected failures. The rest of what this suite
# found (%00 cutting C strings, unknown Transfer-Encoding left unanswered, an
# oversized Content-Length read before the 413, 2026-02-30 taken as a date) is
# fixed and checked as any other case.
RAW_NUL = ("a raw NUL byte in the request line or a header value: libmicrohttpd 0.9.75 "
           "hands newsd a C string cut at the NUL, so newsd cannot see it (%00 is refused)")
lib.KNOWN.update({
    "status: path raw NUL": RAW_NUL,
    "status: header value NUL": RAW_NUL,
    "status: space before colon": "libmicrohttpd accepts 'Host : x' (RFC 9112 section 5.1: "
                                  "a server MUST answer 400)",
})

FOURXX = set(range(400, 500))
SEARCH = FOURXX | {200}  # q values that are only odd words are valid searches

# (name, raw request, accepted statuses, seconds to wait for the answer)
CASES = []


def case(name, data, ok=FOURXX, timeout=15):
    CASES.append((name, data, ok, timeout))


def build(cursor_articles, cursor_quotes, cursor_entity_quotes):
    CASES.clear()
    # --- invalid UTF-8 and NUL bytes in the path, the query and the body
    case("path raw 0xFF", req("GET", b"/articles/\xff"))
    case("path %FF", req("GET", "/articles/%FF"))
    case("path overlong %C0%AF", req("GET", "/articles/%C0%AF"))
    case("path lone surrogate %ED%A0%80", req("GET", "/entities/%ED%A0%80"))
    case("query raw 0xFF", req("GET", b"/articles?q=\xff"))
    case("query %FF%FE", req("GET", "/articles?q=%FF%FE"))
    case("query name %FF", req("GET", "/articles?%FF=1"))
    case("query truncated %E2%82", req("GET", "/quotes?q=%E2%82"))
    case("section overlong", req("GET", "/articles?section=%C0%AF"))
    case("path %00 then junk", req("GET", "/articles/1%00junk"))
    case("path raw NUL", req("GET", b"/articles/1\x00junk"))
    case("health %00 then junk", req("GET", "/health%00junk"))
    case("query value %00", req("GET", "/articles?q=a%00b"))
    case("query name %00", req("GET", "/articles?limit%00x=1"))
    case("header value NUL", req("GET", "/articles/1", [b"Accept: application/json\x00x"]))
    case("body text 0xFF", post(b"text/plain", b"Title\n\nSome text \xff here.\n"))
    case("body text overlong", post(b"text/plain", b"Title\n\n\xc0\xaf text.\n"))
    case("body text surrogate", post(b"text/plain", b"Title\n\n\xed\xa0\x80 text.\n"))
    case("body text truncated UTF-8", post(b"text/plain", b"Title\n\nText \xe2\x82"))
    case("body text NUL", post(b"text/plain", b"Title\n\nBody with a \x00 NUL byte.\n"))
    case("body JSON raw 0xFF", post(b"application/json", b'{"text": "a \xff b"}'))
    case("body JSON \\u0000", post(b"application/json", b'{"text": "a \\u0000 b"}'))
    case("body JSON lone surrogate", post(b"application/json", b'{"text": "a \\ud800 b"}'))
    # --- sizes
    big = b"A" * (2 << 20)
    case("2 MiB body, Content-Length", post(b"text/plain", big))
    case("2 MiB body, chunked", post(b"text/plain", chunked(big),
                                     [b"Transfer-Encoding: chunked"]))
    case("Content-Length 2^64", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain",
        b"Content-Length: 18446744073709551616"], b"x"))
    case("Content-Length -1", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain", b"Content-Length: -1"], b"x"))
    case("40 KB URI", req("GET", "/articles?q=" + "a" * 40000))
    case("40 KB path", req("GET", "/articles/" + "1" * 40000))
    case("40 KB header", req("GET", "/health", [b"X-Big: " + b"a" * 40000]))
    case("40 KB of small headers", req("GET", "/health",
                                      [b"X-H%d: %s" % (i, b"v" * 30) for i in range(1000)]))
    case("40 KB Authorization", post(b"text/plain", b"x",
                                     [b"Authorization: Bearer " + b"k" * 40000]))
    # --- JSON shapes
    case("100,000-deep array", post(b"application/json", b"[" * 100000 + b"]" * 100000))
    case("100,000-deep in text", post(b"application/json",
                                      b'{"text":' + b"[" * 100000 + b"]" * 100000 + b"}"))
    case("100,000-deep object", post(b"application/json",
                                     b'{"a":' * 100000 + b"1" + b"}" * 100000))
    case("duplicate keys", post(b"application/json", b'{"text": "a", "text": "b"}'))
    case("duplicate keys, nested", post(b"application/json",
                                        b'{"title": "t", "body": "b", "x": {"k": 1, "k": 2}}'))
    case("huge number as text", post(b"application/json",
                                     b'{"text": 123456789012345678901234567890}'))
    case("1e999999 as title", post(b"application/json", b'{"title": 1e999999, "body": "b"}'))
    case("-1e309 as url", post(b"application/json", b'{"text": "t", "url": -1e309}'))
    case("number top level", post(b"application/json", b"1" * 5000))
    case("string top level", post(b"application/json", b'"text"'))
    case("truncated JSON", post(b"application/json", b'{"text": "abc'))
    case("empty JSON body", post(b"application/json", b""))
    case("empty text body", post(b"text/plain", b""))
    case("no Content-Type", req("POST", "/articles", [b"Authorization: " + AUTH], b"text"))
    case("wrong key", req("POST", "/articles", [b"Authorization: Bearer nope",
                                                b"Content-Type: text/plain"], b"Title\n\nx"))
    case("key with NUL", req("POST", "/articles", [b"Authorization: " + AUTH + b"\x00x",
                                                   b"Content-Type: text/plain"], b"T\n\nx"))
    # --- framing
    case("Content-Length and chunked", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain", b"Content-Length: 5",
        b"Transfer-Encoding: chunked"], b"0\r\n\r\n"))
    case("two Content-Length", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain", b"Content-Length: 1",
        b"Content-Length: 1"], b"x"))
    case("bad chunk size", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain",
        b"Transfer-Encoding: chunked"], b"zz\r\nabc\r\n0\r\n\r\n"))
    case("chunk size overflow", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain",
        b"Transfer-Encoding: chunked"], b"ffffffffffffffffff\r\nabc\r\n0\r\n\r\n"))
    # RFC 9112 section 6.3: a request whose last transfer coding is not
    # chunked is answered 400 and closed.
    case("Transfer-Encoding gzip", req("POST", "/articles", [
        b"Authorization: " + AUTH, b"Content-Type: text/plain",
        b"Transfer-Encoding: gzip"], b"abc"), FOURXX | {501}, timeout=3)
    case("header without colon", req("GET", "/health", [b"NoColonHere"]))
    # RFC 9112 lets a server replace obsolete line folding by a space.
    case("header folding", req("GET", "/health", [b"X-A: a", b" folded"]), FOURXX | {200})
    case("space before colon", req("GET", "/health", [b"Host : x"]))
    case("no Host", b"GET /health HTTP/1.1\r\nConnection: close\r\n\r\n")
    case("HTTP/0.9 request", b"GET /health\r\n\r\n")
    case("HTTP/2.0 version", b"GET /health HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n",
         FOURXX | {505})
    case("HTTP/1.1 in lower case", b"GET /health http/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    case("bare LF line ends", b"GET /articles/1 HTTP/1.1\nHost: x\nConnection: close\n\n",
         FOURXX | {200})
    case("absolute-form to elsewhere", req("GET", "http://example.invalid/articles/1"),
         FOURXX | {200})
    # --- methods
    case("PUT /articles", req("PUT", "/articles", [b"Authorization: " + AUTH], b"x"))
    case("PATCH /articles/1", req("PATCH", "/articles/1", [b"Authorization: " + AUTH], b"x"))
    case("DELETE /articles (collection)", req("DELETE", "/articles", [b"Authorization: " + AUTH]))
    case("DELETE without key", req("DELETE", "/articles/1"))
    case("POST /health", req("POST", "/health", [b"Content-Type: text/plain"], b"x"))
    case("TRACE", req("TRACE", "/articles"))
    case("CONNECT", req("CONNECT", "127.0.0.1:80"), FOURXX | {501})
    case("unknown method FOO", req("FOO", "/articles"), FOURXX | {501})
    case("lower-case get", req("get", "/articles"), FOURXX | {501})
    case("1000-letter method", req("X" * 1000, "/articles"), FOURXX | {501})
    case("method with NUL", req("GE\x00T", "/articles"), FOURXX | {501})
    case("PRI (HTTP/2 preface)", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", FOURXX | {501, 505})
    # --- cursors
    case("cursor AAAA", req("GET", "/articles?cursor=AAAA"))
    case("cursor 10 KB", req("GET", "/articles?cursor=" + "A" * 10000))
    case("cursor not base64", req("GET", "/articles?cursor=%21%40%23%24"))
    case("cursor edited", req("GET", "/articles?cursor=" + cursor_articles[:-2] +
                              ("AA" if cursor_articles[-2:] != "AA" else "BB")))
    case("cursor with padding", req("GET", "/articles?cursor=" + cursor_articles + "="))
    case("cursor of /articles on /quotes", req("GET", "/quotes?cursor=" + cursor_articles))
    case("cursor of /quotes on /articles", req("GET", "/articles?cursor=" + cursor_quotes))
    case("cursor on another sort", req("GET", "/articles?sort=published_at&cursor=" +
                                       cursor_articles))
    # A genuine cursor of the same list kind under other filters or another
    # parent id: the keyset still applies, so 200 is sound (reported).
    case("cursor on another filter", req("GET", "/articles?section=Sport&cursor=" +
                                         cursor_articles), FOURXX | {200})
    case("entity quotes cursor on another id", req(
        "GET", "/entities/2/quotes?cursor=" + cursor_entity_quotes), FOURXX | {200})
    case("cursor twice", req("GET", "/articles?cursor=%s&cursor=%s"
                             % (cursor_articles, cursor_articles)))
    # --- q values (a search of odd words is valid: 200 or 400)
    for q in ["%22unclosed", "a%20OR", "OR", "-a", "-a%20-b", "*", "%5E", "a%20" * 20,
              "a" * 300, "NEAR(a%20b)", "title:a", "'%20OR%201=1%20--", "%22%22",
              "a%22b", "(", ")", "{a}", "a*b*c*", "%25", "%E2%80%9Cquoted%E2%80%9D",
              "%F0%9F%92%A9", "a%09b%0Ac", "AND", "NOT%20a", "a%20NOT", "-", "--", "+a",
              "a:b:c", "%5B1%5D", "%3Cscript%3E"]:
        case("q=" + q[:40], req("GET", "/articles?q=" + q), SEARCH)
    case("quotes q unclosed", req("GET", "/quotes?q=%22a"))
    case("entities q %", req("GET", "/entities?q=%25"), SEARCH)
    case("entities q 300 bytes", req("GET", "/entities?q=" + "x" * 300), SEARCH)
    # --- numbers and ids
    for n in ["-1", "0", "9223372036854775808", "18446744073709551616", "9" * 40, "1e3",
              "0x1", "01", "+1", "%201", "1%20", "1.0", "-0", "%2D1", "١"]:
        case("GET /articles/" + n[:20], req("GET", "/articles/" + n))
    for path in ["/quotes/%s", "/entities/%s", "/articles/%s/quotes", "/articles/%s/entities",
                 "/entities/%s/quotes", "/entities/%s/articles"]:
        for n in ["-1", "0", "9223372036854775808", "9" * 40]:
            case("GET " + (path % n)[:40], req("GET", path % n))
    case("DELETE /articles/-1", req("DELETE", "/articles/-1", [b"Authorization: " + AUTH]))
    case("DELETE /articles/2^63", req("DELETE", "/articles/9223372036854775808",
                                      [b"Authorization: " + AUTH]))
    case("DELETE /articles/40 digits", req("DELETE", "/articles/" + "9" * 40,
                                           [b"Authorization: " + AUTH]))
    for q in ["limit=0", "limit=-1", "limit=101", "limit=1e400", "limit=" + "9" * 40,
              "limit=18446744073709551617", "limit=all", "entity=-1",
              "entity=9223372036854775808", "entity=" + "9" * 40, "speaker=1e400",
              "from=99999-99-99", "from=9999999999-01-01", "to=2026-02-30",
              "from=2026-01-01T25:00:00Z", "sort=relevance", "sort=id", "fields=nope",
              "limit=1&limit=2",
              "&".join("_x%d=1" % i for i in range(40)), "unknown=1"]:
        case("GET /articles?" + q[:40], req("GET", "/articles?" + q))


def oversized_early(t, port):
    """A Content-Length over the cap should be refused before its body is sent
    (docs/operations.md). Waits up to 1 s for that answer, then sends
    nothing more and closes."""
    seen = []
    for cl, expect in ((2 << 20, None), (100 << 30, None), (2 << 20, "100-continue")):
        s = lib.connect(port, timeout=1)
        head = (b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + AUTH +
                b"\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n" % cl)
        if expect:
            head += b"Expect: 100-continue\r\n"
        s.sendall(head + b"\r\n")
        try:
            first = s.recv(64).split(b"\r\n")[0].decode("latin-1") or "closed"
        except socket.timeout:
            first = "no answer in 1 s"
        except OSError as e:
            first = str(e)
        s.close()
        what = "Content-Length %d%s: %s" % (cl, " + Expect: 100-continue" if expect else "",
                                           first)
        seen.append(what)
        t.check(" 413 " in first + " ", "oversized-content-length-refused-before-body", what)
    return "; ".join(seen)


def run(t, opts):
    d = lib.workdir(NAME)
    db = os.path.join(d, "news.db")
    rc, out, err = lib.run_cli(["ingest", "--db", db, os.path.join(lib.ROOT, "samples")])
    t.require(rc == 0, "samples-ingested", out + err)
    srv = lib.Server(db, os.path.join(d, "server.log")).start()
    try:
        p = srv.port
        n0 = lib.db_count(db)
        ca = lib.get(p, "/articles?limit=1").json()["meta"]["next_cursor"]
        cq = lib.get(p, "/quotes?limit=1").json()["meta"]["next_cursor"]
        cq1 = lib.get(p, "/entities/1/quotes?limit=1").json()["meta"]["next_cursor"] or ca
        build(ca, cq, cq1)
        tally = {}
        by_lib = 0
        closed = []
        for name, data, ok, timeout in CASES:
            method = data.split(b" ", 1)[0].decode("latin-1")
            try:
                r = lib.raw(p, data, timeout=timeout, method=method)
            except lib.NoAnswer as e:
                closed.append(name)
                t.check(False, "answered: " + name, "no answer: %s" % e)
                t.check(srv.alive(), "alive", "server died after %s" % name)
                t.require(lib.health_ok(p), "health-after", "after %s" % name)
                continue
            tally[r.status] = tally.get(r.status, 0) + 1
            t.check(r.status in ok, "status: " + name,
                    "answered %d: %s" % (r.status, r.body[:160]))
            t.check(r.status < 500 or r.status in ok, "no-5xx",
                    "%s answered %d" % (name, r.status))
            if r.header("x-request-id") is not None:
                if r.status >= 400:
                    t.check(r.is_problem(), "problem+json: " + name,
                            "content-type %s body %s" % (r.header("content-type"),
                                                         r.body[:120]))
            else:
                by_lib += 1
            t.check(srv.alive(), "alive", "server died after %s" % name)
            t.require(lib.health_ok(p), "health-after", "GET /health failed after %s" % name)
        early = oversized_early(t, p)
        n1 = lib.db_count(db)
        t.check(n1 == n0, "nothing-stored", "%d articles before, %d after" % (n0, n1))
        problems = lib.db_checks(db)
        t.check(not problems, "db-clean", "; ".join(problems))
        rc = srv.stop()
        t.check(rc == 0, "clean-exit", "exit status %r" % rc)
        t.fact("%d hostile requests: statuses %s; %d answered by libmicrohttpd itself (no "
               "X-Request-Id), %d closed without an answer; articles %d before and %d after; "
               "GET /health 200 after each"
               % (len(CASES), dict(sorted(tally.items())), by_lib, len(closed), n0, n1))
        if closed:
            t.fact("not answered: %s" % ", ".join(closed))
        t.fact("a POST whose Content-Length is over the cap, body withheld: %s" % early)
    finally:
        if srv.alive():
            srv.kill9()
    lib.cleanup(d, t)
