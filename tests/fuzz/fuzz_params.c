/* fuzz_params.c: the query-parameter parsers handlers start with
 * (req_params_allow, req_param_int, req_param_id, req_param_time,
 * req_param_limit, req_param_fields, req_path_id), the list links built from the parameters
 * (resp_list), the route matcher, and the two small validators under them (util_parse_id,
 * util_utf8_valid), each checked against an independent model. The contract
 * checked is parse-then-reply: a parser either accepts a value inside its
 * range or writes a 400 problem with a JSON body, never a 500.
 *
 * Input: "[METHOD ][/path][?]name=value&name=value..." (see fuzz_req_build). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_utf8.h"
#include "newsd/http.h"
#include "newsd/router.h"
#include "newsd/store.h"
#include "newsd/util.h"

/* The model of util_parse_id: 1..INT64_MAX in plain decimal, no sign, no
 * leading zero, nothing else. */
static bool model_parse_id(const char *s, int64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 19 || s[0] == '0')
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    if (n == 19 && strcmp(s, "9223372036854775807") > 0)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    *out = v;
    return true;
}

/* A failed parser must have written a 400 problem+json body; then rs is reset
 * for the next parser, as a fresh request would have it. */
static void fuzz_expect(bool ok, struct resp *rs)
{
    if (!ok) {
        FUZZ_CHECK(rs->status == 400);
        FUZZ_CHECK(rs->body != NULL);
        char *text = json_dumps(rs->body, JSON_COMPACT);
        FUZZ_CHECK(text != NULL);
        free(text);
    } else {
        FUZZ_CHECK(rs->status == 500 && rs->body == NULL);
    }
    resp_clear(rs);
    memset(rs, 0, sizeof *rs);
    rs->status = 500;
}

static void fuzz_params_check(struct req *rq)
{
    static const char *const allowed[] = {"limit",   "cursor", "entity", "speaker",
                                          "section", "author", "from",   "to",
                                          "sort",    "q",      NULL};
    struct resp rs = {.status = 500};

    bool ok = req_params_allow(rq, &rs, allowed);
    if (ok) {
        FUZZ_CHECK(!rq->too_many_params);
        for (size_t i = 0; i < rq->n_params; i++) {
            const char *name = rq->params[i].name;
            bool known = name[0] == '_';
            for (const char *const *a = allowed; !known && *a; a++)
                known = strcmp(*a, name) == 0;
            FUZZ_CHECK(known);
            for (size_t j = 0; j < i; j++)
                FUZZ_CHECK(strcmp(rq->params[j].name, name) != 0);
        }
    }
    fuzz_expect(ok, &rs);
    fuzz_expect(req_params_allow(rq, &rs, NULL), &rs);

    int n = -1;
    ok = req_param_int(rq, &rs, "limit", 1, 100, 20, &n);
    FUZZ_CHECK(!ok || (n >= 1 && n <= 100));
    fuzz_expect(ok, &rs);

    int64_t id = -1, model = 0;
    const char *sv = req_param(rq, "speaker");
    ok = req_param_id(rq, &rs, "speaker", &id);
    FUZZ_CHECK(ok == (!sv || model_parse_id(sv, &model)));
    FUZZ_CHECK(!ok || id == (sv ? model : 0));
    fuzz_expect(ok, &rs);

    for (int end_of_day = 0; end_of_day < 2; end_of_day++) {
        const char *name = end_of_day ? "to" : "from";
        const char *v = req_param(rq, name);
        char *t = (char *)"unset";
        ok = req_param_time(rq, &rs, name, end_of_day, &t);
        if (ok && v) {
            FUZZ_CHECK(t != NULL && strncmp(t, v, strlen(v)) == 0);
            FUZZ_CHECK(fuzz_utf8_valid(t, strlen(t)));
        } else {
            FUZZ_CHECK(t == NULL);
        }
        free(t);
        fuzz_expect(ok, &rs);
    }

    /* the list format (Accept is not in this input: JSON) and `limit=all` */
    enum http_format fmt = req_format(rq);
    FUZZ_CHECK(fmt == HTTP_FORMAT_JSON);
    for (int f = HTTP_FORMAT_JSON; f <= HTTP_FORMAT_CSV; f++) {
        bool all = false;
        n = -1;
        ok = req_param_limit(rq, &rs, (enum http_format)f, &n, &all);
        FUZZ_CHECK(!ok || (n >= 1 && n <= 100));
        FUZZ_CHECK(!all || (ok && f != HTTP_FORMAT_JSON));
        fuzz_expect(ok, &rs);
    }

    /* `fields=`: only known names get through */
    static const char *const known[] = {"id", "title", "url", "quotes", NULL};
    ok = req_param_fields(rq, &rs, known);
    for (size_t i = 0; ok && i < rq->fields.n; i++) {
        bool k = false;
        for (const char *const *f = known; !k && *f; f++)
            k = strcmp(*f, rq->fields.v[i]) == 0;
        FUZZ_CHECK(k);
    }
    fuzz_expect(ok, &rs);
    strv_clear(&rq->fields);

    /* a path capture, as the router stores it (at most 31 bytes) */
    if (rq->n_params) {
        size_t n_cap = strlen(rq->params[0].value);
        n_cap = n_cap < 31 ? n_cap : 31;
        memcpy(rq->capture_buf[0], rq->params[0].value, n_cap);
        rq->capture_buf[0][n_cap] = '\0';
        rq->captures[0] = rq->capture_buf[0];
        ok = req_path_id(rq, &rs, 0, &id);
        FUZZ_CHECK(ok == model_parse_id(rq->capture_buf[0], &model));
        FUZZ_CHECK(!ok || id == model);
        fuzz_expect(ok, &rs);
        rq->captures[0] = NULL;
    }

    /* the list envelope and Link header echo every parameter back */
    struct store_meta meta = {.limit = 20, .total = 3, .next_cursor = (char *)"YWJj"};
    resp_list(rq, &rs, json_array(), &meta);
    FUZZ_CHECK(rs.status == 200 && rs.body != NULL);
    json_t *links = json_object_get(rs.body, "links");
    const char *self = json_string_value(json_object_get(links, "self"));
    const char *next = json_string_value(json_object_get(links, "next"));
    FUZZ_CHECK(self && next && strstr(next, "cursor=YWJj"));
    /* Link: <url>; rel="next" is one header line: the parameters echoed in
     * it must not break it. (The path is echoed as is, but a list answers
     * only on its own route, whose path is plain.) */
    size_t plen = strlen(rq->path);
    FUZZ_CHECK(strncmp(self, rq->path, plen) == 0 && strncmp(next, rq->path, plen) == 0);
    FUZZ_CHECK(!strpbrk(next + plen, "\r\n<> \"\\"));
    FUZZ_CHECK(!strpbrk(self + plen, "\r\n<> \"\\"));
    resp_clear(&rs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    FUZZ_CHECK(util_utf8_valid(bytes, size) == fuzz_utf8_valid(bytes, size));

    char *s = fuzz_strndup(data, size);
    int64_t got = -1, want = -1;
    bool ok = util_parse_id(s, &got);
    FUZZ_CHECK(ok == model_parse_id(s, &want));
    FUZZ_CHECK(!ok || got == want);

    struct req rq;
    if (fuzz_req_build(&rq, s, "/articles")) {
        fuzz_params_check(&rq);

        struct route_match m;
        router_match(&rq, &m);
        FUZZ_CHECK(!m.route || m.path_known);
        FUZZ_CHECK(strlen(m.allow) < sizeof m.allow);
        for (int i = 0; m.route && i < HTTP_MAX_CAPTURES; i++)
            FUZZ_CHECK(!rq.captures[i] || strlen(rq.captures[i]) < 32);
    }
    req_clear(&rq);
    free(s);
    return 0;
}
