/* req.c: parsing and validating request parameters. Each parser either fills
 * its out-parameter or writes a 400 problem and returns false (parse, then
 * reply), so a handler stops at the first bad parameter. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsd/http.h"
#include "newsd/util.h"

const char *req_param(const struct req *rq, const char *name)
{
    for (size_t i = 0; i < rq->n_params; i++)
        if (strcmp(rq->params[i].name, name) == 0)
            return rq->params[i].value;
    return NULL;
}

bool req_params_allow(const struct req *rq, struct resp *rs, const char *const *allowed)
{
    if (rq->too_many_params) {
        resp_problem(rs, rq, 400, "too many query parameters (at most %d)", HTTP_MAX_PARAMS);
        return false;
    }
    for (size_t i = 0; i < rq->n_params; i++) {
        const char *name = rq->params[i].name;
        if (name[0] == '_')
            continue; /* cache-busting: ignored entirely, twice or not */
        bool ok = false;
        for (const char *const *a = allowed; !ok && a && *a; a++)
            ok = strcmp(*a, name) == 0;
        if (!ok) {
            resp_problem(rs, rq, 400, "unknown query parameter '%.*s'",
                         (int)util_utf8_prefix(name, strlen(name), 64), name);
            return false;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(rq->params[j].name, name) == 0) {
                resp_problem(rs, rq, 400, "query parameter '%.*s' is given twice",
                             (int)util_utf8_prefix(name, strlen(name), 64), name);
                return false;
            }
        }
    }
    return true;
}

bool req_param_int(const struct req *rq, struct resp *rs, const char *name, int min, int max,
                   int def, int *out)
{
    const char *v = req_param(rq, name);
    if (!v) {
        *out = def;
        return true;
    }
    long n = 0;
    bool ok = *v != '\0' && strlen(v) <= 10;
    for (const char *p = v; ok && *p; p++) {
        ok = *p >= '0' && *p <= '9';
        n = n * 10 + (*p - '0');
    }
    if (!ok || n < min || n > max) {
        resp_problem(rs, rq, 400, "%s must be an integer from %d to %d", name, min, max);
        return false;
    }
    *out = (int)n;
    return true;
}

bool req_param_id(const struct req *rq, struct resp *rs, const char *name, int64_t *out)
{
    const char *v = req_param(rq, name);
    *out = 0;
    if (!v)
        return true;
    if (!util_parse_id(v, out)) {
        resp_problem(rs, rq, 400, "%s must be a positive integer id", name);
        return false;
    }
    return true;
}

bool req_path_id(const struct req *rq, struct resp *rs, int i, int64_t *out)
{
    if (!util_parse_id(rq->captures[i], out)) {
        resp_problem(rs, rq, 400, "id must be a positive integer");
        return false;
    }
    return true;
}

bool req_param_time(const struct req *rq, struct resp *rs, const char *name, bool end_of_day,
                    char **out)
{
    const char *v = req_param(rq, name);
    *out = NULL;
    if (!v)
        return true;
    if (!util_iso8601_valid(v)) {
        resp_problem(rs, rq, 400,
                     "%s must be an ISO 8601 date (2026-03-04) or date-time "
                     "(2026-03-04T18:12:00Z)",
                     name);
        return false;
    }
    struct buf b = {0};
    /* A bare date as an inclusive upper bound means the whole of that day. */
    if (!buf_puts(&b, v) || (end_of_day && strlen(v) == 10 && !buf_puts(&b, "T23:59:59"))) {
        buf_clear(&b);
        return false; /* stays 500 */
    }
    *out = buf_take(&b);
    return true;
}

bool req_param_fields(struct req *rq, struct resp *rs, const char *const *known)
{
    const char *v = req_param(rq, "fields");
    if (!v)
        return true;
    for (const char *p = v;;) {
        size_t n = strcspn(p, ",");
        bool ok = false;
        for (const char *const *k = known; !ok && *k; k++)
            ok = strlen(*k) == n && strncmp(*k, p, n) == 0;
        if (!ok) {
            resp_problem(rs, rq, 400, "fields: unknown field '%.*s'",
                         (int)util_utf8_prefix(p, n, 64), p);
            return false;
        }
        char *name = util_strndup(p, n);
        if (!name || !strv_push_taken(&rq->fields, name))
            return false; /* stays 500 */
        if (!p[n])
            break;
        p += n + 1;
    }
    return true;
}

enum http_format req_format(const struct req *rq)
{
    const char *a = rq->accept;
    if (!a)
        return HTTP_FORMAT_JSON;
    /* The first of our types the client names wins; q-values are not weighed. */
    const char *nd = strstr(a, "application/x-ndjson"), *csv = strstr(a, "text/csv");
    const char *json = strstr(a, "application/json");
    if (nd && (!json || nd < json) && (!csv || nd < csv))
        return HTTP_FORMAT_NDJSON;
    if (csv && (!json || csv < json))
        return HTTP_FORMAT_CSV;
    return HTTP_FORMAT_JSON;
}

bool req_param_limit(const struct req *rq, struct resp *rs, enum http_format f, int *limit,
                     bool *all)
{
    const char *v = req_param(rq, "limit");
    *all = false;
    if (v && strcmp(v, "all") == 0) {
        if (f == HTTP_FORMAT_JSON) {
            resp_problem(rs, rq, 400,
                         "limit=all is for exports: ask for Accept: application/x-ndjson "
                         "or text/csv");
            return false;
        }
        *all = true;
        *limit = 100;
        return true;
    }
    return req_param_int(rq, rs, "limit", 1, 100, 20, limit);
}
