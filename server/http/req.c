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
        bool ok = name[0] == '_';
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

/* Checks that s[0..n) are digits. */
static bool req_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Accepts YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]] and Z or +HH:MM.
 * The store normalises it to UTC (SQLite's strftime); here we check the shape
 * and ranges so that a bad value is a 400, not an empty list. */
static bool req_time_shape(const char *v)
{
    size_t n = strlen(v);
    if (n < 10 || n > 35 || !req_digits(v, 4) || v[4] != '-' || !req_digits(v + 5, 2) ||
        v[7] != '-' || !req_digits(v + 8, 2))
        return false;
    int year = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    int mon = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (mon < 1 || mon > 12 || day < 1 || day > days[mon - 1] + (mon == 2 && leap))
        return false; /* 2026-02-30 is no date, not March 2 */
    if (n == 10)
        return true;
    const char *t = v + 10;
    if ((*t != 'T' && *t != ' ') || strlen(t) < 6 || !req_digits(t + 1, 2) || t[3] != ':' ||
        !req_digits(t + 4, 2))
        return false;
    int hh = (t[1] - '0') * 10 + (t[2] - '0'), mm = (t[4] - '0') * 10 + (t[5] - '0');
    if (hh > 23 || mm > 59)
        return false;
    t += 6;
    if (*t == ':') {
        if (!req_digits(t + 1, 2) || (t[1] - '0') * 10 + (t[2] - '0') > 59)
            return false;
        t += 3;
        if (*t == '.') {
            t++;
            size_t k = 0;
            while (isdigit((unsigned char)t[k]))
                k++;
            if (k == 0 || k > 9)
                return false;
            t += k;
        }
    }
    if (*t == '\0' || strcmp(t, "Z") == 0)
        return true;
    return (*t == '+' || *t == '-') && strlen(t) == 6 && req_digits(t + 1, 2) && t[3] == ':' &&
           req_digits(t + 4, 2);
}

bool req_param_time(const struct req *rq, struct resp *rs, const char *name, bool end_of_day,
                    char **out)
{
    const char *v = req_param(rq, name);
    *out = NULL;
    if (!v)
        return true;
    if (!req_time_shape(v)) {
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
