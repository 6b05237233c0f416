/* fuzz_request.c: a whole request without a socket: the input becomes a
 * struct req (method, path, query parameters; see fuzz_req_build), the router
 * matches and dispatches it, and the handlers run against a seeded in-memory
 * store, through the parameter parsers, cursors, the search sanitiser, the
 * store's list queries and the views. No input may produce a 500 (every
 * refusal is a 4xx) or a body that does not serialise.
 *
 * Input: the request line, then (optional) "\n" + Content-Type + "\n" + body.
 * POST /articles is sent with the right key, so the create handler reads the
 * body (text/plain or a JSON record), ingests and stores it; a created article
 * is deleted again so the seeded store never changes. Other write routes stop
 * at the key check (no Authorization), and /metrics, which needs the daemon's
 * counters, is skipped. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "newsd/config.h"
#include "newsd/handlers.h"
#include "newsd/http.h"
#include "newsd/router.h"
#include "newsd/store.h"
#include "newsd/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct config cfg = {.api_key = (char *)"fuzz-key", .max_body = 1 << 20};
    if (size > 16384)
        return 0; /* keep runs quick: big bodies are the extract target's job */
    char *s = fuzz_strndup(data, size);
    struct req rq;
    struct resp rs = {.status = 500};
    /* request line \n content type \n body (the body keeps its NULs) */
    char *line_end = memchr(s, '\n', size);
    const char *ctype = NULL, *body = NULL;
    size_t body_len = 0;
    if (line_end) {
        *line_end = '\0';
        ctype = line_end + 1;
        char *ct_end = memchr(line_end + 1, '\n', size - (size_t)(line_end + 1 - s));
        if (ct_end) {
            *ct_end = '\0';
            body = ct_end + 1;
            body_len = size - (size_t)(body - s);
        }
    }
    if (!fuzz_req_build(&rq, s, "/articles") || fuzz_skip_known(&rq))
        goto out;
    rq.cfg = &cfg;
    rq.request_id = "fuzz";
    rq.store = fuzz_store_seeded();
    rq.content_type = ctype;
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

    if (getenv("FUZZ_VERBOSE")) /* triage: what each input got */
        fprintf(stderr, "fuzz_request: %s %s -> %d\n", rq.method, rq.path, rs.status);
    FUZZ_CHECK(rs.status != 500);
    FUZZ_CHECK(rs.status >= 200 && rs.status < 500);
    if (rs.status >= 400)
        FUZZ_CHECK(rs.body != NULL); /* problem+json */
    else if (rs.status != 204)
        FUZZ_CHECK(rs.body != NULL || rs.text != NULL);
    if (rs.body) {
        char *text = json_dumps(rs.body, JSON_COMPACT);
        FUZZ_CHECK(text != NULL);
        free(text);
    }
    for (size_t i = 0; i < rs.n_headers; i++)
        FUZZ_CHECK(!strpbrk(rs.headers[i].value, "\r\n"));
out:
    resp_clear(&rs);
    req_clear(&rq);
    free(s);
    return 0;
}
