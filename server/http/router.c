/* router.c: the static route table and dispatch. Handlers never answer 404
 * for an unknown path, 405, OPTIONS or a missing key: the table does. */
#include "newsd/router.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "newsd/handlers.h"

#define DB ROUTE_NEEDS_DB
/* A read whose 200 answers depend only on the URL, Accept and the data. */
#define READ (ROUTE_NEEDS_DB | ROUTE_CACHED)
#define WRITE (ROUTE_NEEDS_KEY | ROUTE_NEEDS_WRITER | ROUTE_NEEDS_DB)

static const struct route routes[] = {
    {"GET", "/articles", handle_articles_list, READ},
    {"POST", "/articles", handle_article_create, WRITE},
    {"GET", "/articles/{id}", handle_article_get, READ},
    {"DELETE", "/articles/{id}", handle_article_delete, WRITE},
    {"GET", "/articles/{id}/quotes", handle_article_quotes, READ},
    {"GET", "/articles/{id}/entities", handle_article_entities, READ},
    {"GET", "/quotes", handle_quotes_list, READ},
    {"GET", "/quotes/{id}", handle_quote_get, READ},
    {"GET", "/entities", handle_entities_list, READ},
    {"GET", "/entities/{id}", handle_entity_get, READ},
    {"GET", "/entities/{id}/quotes", handle_entity_quotes, READ},
    {"GET", "/entities/{id}/articles", handle_entity_articles, READ},
    {"GET", "/health", handle_health, 0},
    {"GET", "/ready", handle_ready, DB},
    {"GET", "/metrics", handle_metrics, DB},
    {"GET", "/openapi.json", handle_openapi, 0},
};

const struct route *router_routes(size_t *n)
{
    *n = sizeof routes / sizeof routes[0];
    return routes;
}

const char *router_route_name(size_t i, const char **method)
{
    *method = routes[i].method;
    return routes[i].pattern;
}

/* Matches path against pattern segment by segment; "{x}" takes one non-empty
 * segment into caps. */
static bool router_path_match(const char *pattern, const char *path,
                              const char *caps[HTTP_MAX_CAPTURES], char store[][32])
{
    int ncap = 0;
    while (*pattern && *path) {
        if (*pattern != '/' || *path != '/')
            return false;
        pattern++;
        path++;
        size_t plen = strcspn(pattern, "/"), slen = strcspn(path, "/");
        if (pattern[0] == '{') {
            if (slen == 0 || ncap == HTTP_MAX_CAPTURES)
                return false;
            /* Ids are at most 19 digits: a longer segment is kept truncated-marked
             * so that the id parser refuses it. */
            size_t n = slen < 31 ? slen : 31;
            memcpy(store[ncap], path, n);
            store[ncap][n] = '\0';
            if (slen > 31)
                store[ncap][0] = 'x';
            caps[ncap] = store[ncap];
            ncap++;
        } else if (plen != slen || strncmp(pattern, path, plen) != 0) {
            return false;
        }
        pattern += plen;
        path += slen;
    }
    return *pattern == '\0' && *path == '\0';
}

/* Appends ", method" (or the first method) to the Allow list of m; memcpy,
 * not snprintf, since every request builds the list. */
static void router_allow_add(struct route_match *m, size_t *used, const char *method)
{
    size_t n = strlen(method), sep = *used ? 2 : 0;
    if (*used + sep + n + 1 > sizeof m->allow)
        return;
    memcpy(m->allow + *used, ", ", sep);
    memcpy(m->allow + *used + sep, method, n + 1);
    *used += sep + n;
}

void router_match(struct req *rq, struct route_match *m)
{
    const char *caps[HTTP_MAX_CAPTURES] = {0};
    memset(m, 0, sizeof *m);
    size_t used = 0;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (!router_path_match(routes[i].pattern, rq->path, caps, rq->capture_buf))
            continue;
        m->path_known = true;
        if (!m->path_route)
            m->path_route = &routes[i];
        /* A --read-only server answers writes 403, and does not offer them. */
        bool offered = !(routes[i].flags & ROUTE_NEEDS_WRITER) || !rq->cfg || !rq->cfg->read_only;
        if (offered && !strstr(m->allow, routes[i].method))
            router_allow_add(m, &used, routes[i].method);
        bool same = strcmp(routes[i].method, rq->method) == 0 ||
                    (strcmp(rq->method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0);
        if (same && !m->route) {
            m->route = &routes[i];
            memcpy(rq->captures, caps, sizeof caps);
        }
    }
    if (m->path_known) {
        if (strstr(m->allow, "GET"))
            router_allow_add(m, &used, "HEAD");
        router_allow_add(m, &used, "OPTIONS");
    }
}

/* Compares two strings in time that depends only on their lengths, so the
 * key cannot be guessed byte by byte from response times. */
static bool router_key_equal(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    unsigned char diff = na != nb;
    for (size_t i = 0; i < na; i++)
        diff |= (unsigned char)(a[i] ^ b[i % (nb ? nb : 1)]);
    return diff == 0;
}

/* Checks Authorization: Bearer <key>; writes 403 or 401 when it fails. */
static bool router_key_ok(const struct req *rq, struct resp *rs)
{
    if (!rq->cfg || !rq->cfg->api_key) {
        /* on a read-only server a key would not help: say what would */
        resp_problem(rs, rq, 403,
                     rq->cfg && rq->cfg->read_only ? "writes are disabled: the server runs read-only"
                                                   : "writes are disabled: no API key is configured");
        return false;
    }
    /* The scheme is case-insensitive (RFC 7235 2.1), then one or more spaces. */
    const char *h = rq->authorization;
    bool bearer = h && strncasecmp(h, "Bearer", 6) == 0 && h[6] == ' ';
    if (bearer)
        h += 6 + strspn(h + 6, " ");
    if (!bearer || !router_key_equal(h, rq->cfg->api_key)) {
        resp_header(rs, "WWW-Authenticate", "Bearer");
        resp_problem(rs, rq, 401, "a valid API key is required: Authorization: Bearer <key>");
        return false;
    }
    return true;
}

void router_dispatch(struct req *rq, struct resp *rs, const struct route_match *m)
{
    if (!m->path_known) {
        resp_problem(rs, rq, 404, "no such path");
        return;
    }
    if (strcmp(rq->method, "OPTIONS") == 0) {
        resp_header(rs, "Allow", "%s", m->allow);
        rs->status = 204;
        rs->no_etag = true;
        return;
    }
    if (!m->route) {
        resp_header(rs, "Allow", "%s", m->allow);
        resp_problem(rs, rq, 405, "%s is not allowed here; allowed: %s", rq->method, m->allow);
        return;
    }
    if ((m->route->flags & ROUTE_NEEDS_KEY) && !router_key_ok(rq, rs))
        return;
    m->route->handler(rq, rs);
}
