/* fuzz_request.c: a whole request without a socket: the input becomes a
 * struct req (method, path, query parameters, a few headers, a body), the
 * router matches and dispatches it, and the handlers run against a seeded
 * in-memory store, through the parameter parsers, cursors, the search
 * sanitiser, the store's list queries, the views, `fields=` and the NDJSON and
 * CSV exports (streams are drained to the end). No input may produce a 500
 * (every refusal is a 4xx), a body that does not serialise, a stream that
 * fails halfway, or a header value with a line break.
 *
 * Input, HTTP-like:
 *   REQUEST-LINE "\n" { NAME ": " VALUE "\n" } "\n" BODY
 * with the request line as fuzz_req_build reads it and the headers
 * Content-Type and Accept understood (others ignored). POST /articles is sent
 * with the right key, so the create handler reads the body (text/plain or a
 * JSON record), ingests and stores it; a created article is deleted again so
 * the seeded store never changes. Other write routes stop at the key check
 * (no Authorization), and /metrics, which needs the daemon's counters, is
 * skipped. The seeded store is a file here (see fuzz_store_use_file): an
 * export streams from a connection of its own. FUZZ_VERBOSE=1 prints each request's status
 * (triage). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "fuzz_utf8.h"
#include "newsd/config.h"
#include "newsd/handlers.h"
#include "newsd/http.h"
#include "newsd/router.h"
#include "newsd/store.h"
#include "newsd/util.h"

/* Upper bound on the chunks of one export: the seeded store is small. */
#define FUZZ_MAX_CHUNKS 100000

/* Splits the header block at s (modified in place) into Content-Type and
 * Accept; returns the start of the body, or NULL when there is none. */
static char *fuzz_headers(char *s, const char *end, const char **ctype, const char **accept)
{
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl)
            *nl = '\0';
        if (s[0] == '\0')
            return nl ? nl + 1 : NULL; /* blank line: the body follows */
        char *colon = strchr(s, ':');
        if (colon) {
            *colon = '\0';
            const char *v = colon + 1;
            while (*v == ' ')
                v++;
            if (strcasecmp(s, "Content-Type") == 0)
                *ctype = v;
            else if (strcasecmp(s, "Accept") == 0)
                *accept = v;
        }
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    return NULL;
}

/* Runs a streamed body to its end; every chunk is valid UTF-8. */
static void fuzz_drain(struct resp *rs)
{
    struct buf b = {0};
    int rc = 1;
    for (int n = 0; rc == 1; n++) {
        FUZZ_CHECK(n < FUZZ_MAX_CHUNKS);
        b.len = 0;
        if (b.data)
            b.data[0] = '\0';
        rc = rs->stream.next(rs->stream.ctx, &b);
        FUZZ_CHECK(rc >= 0); /* -1 cuts a 200 response short */
        FUZZ_CHECK(fuzz_utf8_valid(b.data ? b.data : "", b.len));
    }
    buf_clear(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct config cfg = {.api_key = (char *)"fuzz-key", .max_body = 1 << 20};
    if (size > 16384)
        return 0; /* keep runs quick: big bodies are the extract target's job */
    char *s = fuzz_strndup(data, size);
    struct req rq;
    struct resp rs = {.status = 500};
    const char *ctype = NULL, *accept = NULL, *body = NULL;
    size_t body_len = 0;
    char *line_end = memchr(s, '\n', size);
    if (line_end) {
        *line_end = '\0';
        body = fuzz_headers(line_end + 1, s + size, &ctype, &accept);
        body_len = body ? size - (size_t)(body - s) : 0; /* the body keeps its NULs */
    }
    if (!fuzz_req_build(&rq, s, "/articles"))
        goto out;
    static char db[128];
    fuzz_store_use_file();
    snprintf(db, sizeof db, "%s", fuzz_store_path());
    cfg.db = db; /* exports open their own connection */
    rq.cfg = &cfg;
    rq.request_id = "fuzz";
    rq.store = fuzz_store_seeded();
    rq.content_type = ctype;
    rq.accept = accept;
    rq.body = body;
    rq.body_len = body_len;

    struct route_match m;
    router_match(&rq, &m);
    if (m.route && m.route->handler == handle_metrics)
        goto out;
    bool create = m.route && m.route->handler == handle_article_create;
    if (create) {
        rq.authorization = "Bearer fuzz-key";
        rq.writer = rq.store;
    }
    FUZZ_CHECK(!m.route || !(m.route->flags & ROUTE_NEEDS_WRITER) || create ||
               (m.route->flags & ROUTE_NEEDS_KEY)); /* else it would write below */
    router_dispatch(&rq, &rs, &m);
    resp_fields_apply(&rq, &rs); /* as the daemon does after every handler */
    if (create && rs.status == 201) {
        /* Location: /articles/<id> of the new article: take it out again */
        const char *loc = NULL;
        int64_t id = 0;
        for (size_t i = 0; i < rs.n_headers; i++)
            if (strcmp(rs.headers[i].name, "Location") == 0)
                loc = rs.headers[i].value;
        FUZZ_CHECK(loc && strncmp(loc, "/articles/", 10) == 0 && util_parse_id(loc + 10, &id));
        FUZZ_CHECK(store_article_delete(rq.writer, id) == STORE_OK);
    }

    if (getenv("FUZZ_VERBOSE")) {
        fprintf(stderr, "fuzz_request: %s %s -> %d%s\n", rq.method, rq.path, rs.status,
                rs.stream.next ? " (stream)" : "");
        for (size_t i = 0; i < rs.n_headers; i++)
            if (strcmp(rs.headers[i].name, "Link") == 0)
                fprintf(stderr, "fuzz_request:   Link: %s\n", rs.headers[i].value);
    }
    FUZZ_CHECK(rs.status != 500);
    FUZZ_CHECK(rs.status >= 200 && rs.status < 500);
    if (rs.status >= 400)
        FUZZ_CHECK(rs.body != NULL); /* problem+json */
    else if (rs.status != 204)
        FUZZ_CHECK(rs.body != NULL || rs.text != NULL || rs.stream.next != NULL);
    if (rs.body) {
        char *text = json_dumps(rs.body, JSON_COMPACT);
        FUZZ_CHECK(text != NULL);
        free(text);
    }
    if (rs.text)
        FUZZ_CHECK(fuzz_utf8_valid(rs.text, strlen(rs.text)));
    if (rs.stream.next)
        fuzz_drain(&rs);
    for (size_t i = 0; i < rs.n_headers; i++)
        FUZZ_CHECK(!strpbrk(rs.headers[i].value, "\r\n"));
out:
    resp_clear(&rs);
    req_clear(&rq);
    free(s);
    return 0;
}
