/* test_http.c: the request side without a socket: route matching (404, 405 and
 * Allow), parameter parsers and their 400s, ids, and list links. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "newsd/embedded.h"
#include "newsd/handlers.h"
#include "newsd/http.h"
#include "newsd/metrics.h"
#include "newsd/router.h"
#include "newsd/store.h"
#include "newsd/util.h"

/* A request for method and path with "name=value" parameters (NULL-ended). */
static void make_req(struct req *rq, const char *method, const char *path,
                     const char *const *params)
{
    memset(rq, 0, sizeof *rq);
    rq->method = method;
    rq->path = path;
    for (; params && *params; params += 2) {
        rq->params[rq->n_params].name = strdup(params[0]);
        rq->params[rq->n_params++].value = strdup(params[1]);
    }
}

Test(router, matches_paths_and_captures_ids)
{
    struct req rq;
    struct route_match m;
    make_req(&rq, "GET", "/articles/42/quotes", NULL);
    router_match(&rq, &m);
    cr_assert(m.path_known);
    cr_assert_not_null(m.route);
    cr_assert_eq(m.route->handler, handle_article_quotes);
    cr_assert_str_eq(rq.captures[0], "42");
    req_clear(&rq);

    make_req(&rq, "GET", "/articles/42/nope", NULL);
    router_match(&rq, &m);
    cr_assert(!m.path_known);
    req_clear(&rq);

    make_req(&rq, "GET", "/articles/", NULL);
    router_match(&rq, &m);
    cr_assert(!m.path_known, "an empty id segment is no route");
    req_clear(&rq);
}

Test(router, wrong_method_is_405_with_allow)
{
    struct req rq;
    struct resp rs = {.status = 500};
    struct route_match m;
    make_req(&rq, "DELETE", "/quotes", NULL);
    router_match(&rq, &m);
    cr_assert(m.path_known);
    cr_assert_null(m.route);
    router_dispatch(&rq, &rs, &m);
    cr_assert_eq(rs.status, 405);
    cr_assert_str_eq(rs.headers[0].name, "Allow");
    cr_assert_str_eq(rs.headers[0].value, "GET, HEAD, OPTIONS");
    resp_clear(&rs);
    req_clear(&rq);
}

Test(router, unknown_path_is_404_and_options_204)
{
    struct req rq;
    struct resp rs = {.status = 500};
    struct route_match m;
    make_req(&rq, "GET", "/nothing/here", NULL);
    router_match(&rq, &m);
    router_dispatch(&rq, &rs, &m);
    cr_assert_eq(rs.status, 404);
    cr_assert_eq(json_integer_value(json_object_get(rs.body, "status")), 404);
    resp_clear(&rs);
    req_clear(&rq);

    make_req(&rq, "OPTIONS", "/articles", NULL);
    rs.status = 500;
    router_match(&rq, &m);
    router_dispatch(&rq, &rs, &m);
    cr_assert_eq(rs.status, 204);
    cr_assert_str_eq(rs.headers[0].value, "GET, POST, HEAD, OPTIONS");
    resp_clear(&rs);
    req_clear(&rq);
}

Test(router, writes_need_a_configured_key)
{
    struct config cfg = {0};
    struct req rq;
    struct resp rs = {.status = 500};
    struct route_match m;
    make_req(&rq, "POST", "/articles", NULL);
    rq.cfg = &cfg;
    router_match(&rq, &m);
    router_dispatch(&rq, &rs, &m);
    cr_assert_eq(rs.status, 403);
    resp_clear(&rs);

    cfg.api_key = "s3cret-key";
    rq.authorization = "Bearer s3cret-kez";
    rs.status = 500;
    router_dispatch(&rq, &rs, &m);
    cr_assert_eq(rs.status, 401);
    resp_clear(&rs);
    req_clear(&rq);
}

/* The dates the lists' filters and a record's published_at take: real days
 * (leap years), and UTC offsets SQLite's strftime reads; "+99:99" once passed
 * and then stored as no date (the article sorted at its ingestion time) or
 * filtered to an empty list instead of a 400. */
Test(util, iso8601_dates_and_offsets)
{
    cr_expect(util_iso8601_valid("2024-02-29"));
    cr_expect_not(util_iso8601_valid("2023-02-29"));
    cr_expect(util_iso8601_valid("2000-02-29"));
    cr_expect_not(util_iso8601_valid("1900-02-29"));
    cr_expect(util_iso8601_valid("2024-12-31T23:59:59.123456789Z"));
    cr_expect_not(util_iso8601_valid("2024-12-31T23:59:60Z"));
    cr_expect(util_iso8601_valid("2024-01-01 00:00+05:30"));
    cr_expect(util_iso8601_valid("2024-01-01T00:00:00+14:00"));
    cr_expect(util_iso8601_valid("2024-01-01T00:00:00-12:00"));
    cr_expect_not(util_iso8601_valid("2024-01-01T00:00:00+99:99"));
    cr_expect_not(util_iso8601_valid("2024-01-01T00:00:00+15:00"));
    cr_expect_not(util_iso8601_valid("2024-01-01T00:00:00-05:60"));
    cr_expect_not(util_iso8601_valid("2024-01-01T00:00:00+0530"));
    cr_expect_not(util_iso8601_valid("2024-01-01T00:00:"));
}

Test(req, limit_parser_bounds)
{
    const char *const ok[] = {"limit", "100", NULL};
    const char *const bad[] = {"limit", "1000000000000", NULL};
    struct req rq;
    struct resp rs = {.status = 500};
    int v = 0;
    make_req(&rq, "GET", "/articles", ok);
    cr_assert(req_param_int(&rq, &rs, "limit", 1, 100, 20, &v));
    cr_assert_eq(v, 100);
    req_clear(&rq);
    make_req(&rq, "GET", "/articles", bad);
    cr_assert(!req_param_int(&rq, &rs, "limit", 1, 100, 20, &v));
    cr_assert_eq(rs.status, 400);
    cr_assert_str_eq(json_string_value(json_object_get(rs.body, "detail")),
                     "limit must be an integer from 1 to 100");
    resp_clear(&rs);
    req_clear(&rq);
    make_req(&rq, "GET", "/articles", NULL);
    cr_assert(req_param_int(&rq, &rs, "limit", 1, 100, 20, &v));
    cr_assert_eq(v, 20, "absent means the default");
    req_clear(&rq);
}

Test(req, times_are_checked_and_to_is_inclusive)
{
    const char *const good[] = {"from", "2026-03-04", "to", "2026-03-05", NULL};
    struct req rq;
    struct resp rs = {.status = 500};
    char *from = NULL, *to = NULL;
    make_req(&rq, "GET", "/articles", good);
    cr_assert(req_param_time(&rq, &rs, "from", false, &from));
    cr_assert(req_param_time(&rq, &rs, "to", true, &to));
    cr_assert_str_eq(from, "2026-03-04");
    cr_assert_str_eq(to, "2026-03-05T23:59:59");
    free(from);
    free(to);
    req_clear(&rq);
    const char *bad[] = {"2026-13-01",         "2026-03-04T25:00", "03/04/2026",
                         "2026-03-04T10:00+5", "2026-03-04Tx",     ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *const p[] = {"from", bad[i], NULL};
        make_req(&rq, "GET", "/articles", p);
        cr_assert(!req_param_time(&rq, &rs, "from", false, &from), "accepted %s", bad[i]);
        cr_assert_eq(rs.status, 400);
        resp_clear(&rs);
        rs.status = 500;
        req_clear(&rq);
    }
    const char *const leap[] = {"from", "2024-02-29", NULL};
    make_req(&rq, "GET", "/articles", leap);
    cr_assert(req_param_time(&rq, &rs, "from", false, &from), "2024 is a leap year");
    free(from);
    req_clear(&rq);
    const char *const dt[] = {"from", "2026-03-04T18:12:00.5-05:00", NULL};
    make_req(&rq, "GET", "/articles", dt);
    cr_assert(req_param_time(&rq, &rs, "from", false, &from));
    free(from);
    req_clear(&rq);
}

Test(req, unknown_and_repeated_parameters)
{
    static const char *const allowed[] = {"limit", NULL};
    const char *const typo[] = {"limt", "3", NULL};
    const char *const twice[] = {"limit", "3", "limit", "4", NULL};
    const char *const busting[] = {"_", "123", "limit", "3", NULL};
    struct req rq;
    struct resp rs = {.status = 500};
    make_req(&rq, "GET", "/articles", typo);
    cr_assert(!req_params_allow(&rq, &rs, allowed));
    cr_assert_str_eq(json_string_value(json_object_get(rs.body, "detail")),
                     "unknown query parameter 'limt'");
    resp_clear(&rs);
    req_clear(&rq);
    make_req(&rq, "GET", "/articles", twice);
    rs.status = 500;
    cr_assert(!req_params_allow(&rq, &rs, allowed));
    cr_assert_eq(rs.status, 400);
    const char *detail = json_string_value(json_object_get(rs.body, "detail"));
    cr_assert(detail && strstr(detail, "limit"), "the detail names the parameter: %s",
              detail ? detail : "(none)");
    resp_clear(&rs);
    req_clear(&rq);
    make_req(&rq, "GET", "/articles", busting);
    cr_assert(req_params_allow(&rq, &rs, allowed));
    req_clear(&rq);
}

Test(util, ids_are_positive_64_bit)
{
    int64_t v;
    cr_assert(util_parse_id("1", &v) && v == 1);
    cr_assert(util_parse_id("9223372036854775807", &v) && v == INT64_MAX);
    const char *bad[] = {"0", "-1", "+1", "01", "9223372036854775808", "1.0", "1 ", "", "abc"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert(!util_parse_id(bad[i], &v), "accepted '%s'", bad[i]);
    cr_assert(!util_parse_id(NULL, &v));
}

/* buf_i64 and buf_json_string write what printf and jansson write. */
Test(util, numbers_and_strings_are_written_as_libc_and_jansson_would)
{
    const int64_t vs[] = {0, 7, -7, 10, 999, 1000000007, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof vs / sizeof *vs; i++) {
        struct buf b = {0};
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)vs[i]);
        cr_assert(buf_i64(&b, vs[i]));
        cr_assert_str_eq(b.data, want);
        buf_clear(&b);
    }
    const char *ss[] = {"",
                        "plain words",
                        "say \"no\"",
                        "back\\slash",
                        "tab\tnl\ncr\r",
                        "\x01\x1f\x7f end",
                        "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d",
                        "\"\"\\"};
    for (size_t i = 0; i < sizeof ss / sizeof *ss; i++) {
        struct buf b = {0};
        json_t *j = json_string(ss[i]);
        char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
        cr_assert(buf_json_string(&b, ss[i]));
        cr_assert_str_eq(b.data, want, "string %zu", i);
        free(want);
        json_decref(j);
        buf_clear(&b);
    }
}

Test(util, utf8_validation)
{
    cr_assert(util_utf8_valid("plain", 5));
    cr_assert(util_utf8_valid("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80", 18));
    cr_assert(!util_utf8_valid("\xc0\xaf", 2), "overlong");
    cr_assert(!util_utf8_valid("\xed\xa0\x80", 3), "surrogate");
    cr_assert(!util_utf8_valid("\xf4\x90\x80\x80", 4), "past U+10FFFF");
    cr_assert(!util_utf8_valid("ab\xe2\x80", 4), "truncated");
    cr_assert(!util_utf8_valid("a\0b", 3), "NUL");
}

Test(resp, list_links_keep_filters_and_replace_the_cursor)
{
    const char *const p[] = {"type", "place", "cursor", "old", "limit", "5", NULL};
    struct req rq;
    make_req(&rq, "GET", "/entities", p);
    struct store_meta meta = {.limit = 5, .total = 9, .next_cursor = "abc_-1"};
    json_t *env = http_list_envelope(&rq, json_array(), &meta);
    cr_assert_not_null(env);
    json_t *links = json_object_get(env, "links");
    cr_assert_str_eq(json_string_value(json_object_get(links, "self")),
                     "/entities?type=place&cursor=old&limit=5");
    cr_assert_str_eq(json_string_value(json_object_get(links, "next")),
                     "/entities?type=place&limit=5&cursor=abc_-1");
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(env, "meta"), "total")), 9);
    json_decref(env);
    req_clear(&rq);
}

static const char *test_route_name(size_t i, const char **method)
{
    *method = "GET";
    return i == 0 ? "/articles" : "/quotes";
}

Test(metrics, prometheus_text_counts_requests)
{
    struct metrics m;
    struct metrics_db db = {.articles = 3, .quotes = 7, .entities = 5, .db_bytes = 4096};
    struct buf out = {0};
    metrics_init(&m);
    metrics_request(&m, 0, METRICS_ROUTE, 200, 120);
    metrics_request(&m, 0, METRICS_ROUTE, 200, 3000);
    metrics_request(&m, 1, METRICS_ROUTE, 404, 50);
    metrics_request(&m, METRICS_MAX_ROUTES, METRICS_ROUTE, 418, 50);
    /* Answers about a route's path that its handler does not give. */
    metrics_request(&m, 0, METRICS_OPTIONS, 204, 10);
    metrics_request(&m, 1, METRICS_OTHER, 405, 10);
    metrics_request(&m, METRICS_MAX_ROUTES, METRICS_OTHER, 404, 10);
    cr_assert(metrics_render(&m, &db, 2, test_route_name, &out));
    cr_assert_not_null(
        strstr(out.data,
               "newsd_http_requests_total{method=\"GET\",route=\"/articles\",status=\"200\"} 2\n"),
        "%s", out.data);
    cr_assert_not_null(strstr(out.data, "route=\"/quotes\",status=\"404\"} 1\n"));
    cr_assert_not_null(strstr(out.data, "route=\"unmatched\",status=\"other\"} 1\n"));
    cr_assert_not_null(
        strstr(out.data, "{method=\"OPTIONS\",route=\"/articles\",status=\"204\"} 1\n"));
    cr_assert_not_null(strstr(out.data, "{method=\"other\",route=\"/quotes\",status=\"405\"} 1\n"));
    cr_assert_not_null(strstr(out.data, "{method=\"\",route=\"unmatched\",status=\"404\"} 1\n"),
                       "an unknown path stays unmatched, whatever its kind");
    cr_assert_not_null(
        strstr(out.data, "newsd_http_request_duration_seconds_bucket{le=\"0.0001\"} 5\n"));
    cr_assert_not_null(strstr(out.data, "newsd_http_request_duration_seconds_count 7\n"));
    cr_assert_not_null(strstr(out.data, "newsd_rows{table=\"quotes\"} 7\n"));
    buf_clear(&out);
}

/* The route table and docs/openapi.json list the same method + path pairs. */
Test(router, openapi_lists_exactly_the_routes)
{
    const char *text = embedded_doc_get("openapi.json");
    cr_assert_not_null(text);
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    cr_assert_not_null(doc, "openapi.json: %s", err.text);
    json_t *paths = json_object_get(doc, "paths");
    size_t n;
    const struct route *routes = router_routes(&n);
    size_t documented = 0;
    for (size_t i = 0; i < n; i++) {
        char method[8] = {0};
        for (size_t k = 0; routes[i].method[k] && k < 7; k++)
            method[k] = (char)(routes[i].method[k] | 32);
        json_t *op = json_object_get(json_object_get(paths, routes[i].pattern), method);
        cr_assert_not_null(op, "%s %s is not in openapi.json", routes[i].method, routes[i].pattern);
    }
    const char *path;
    json_t *item;
    json_object_foreach(paths, path, item)
    {
        const char *method;
        json_t *op;
        json_object_foreach(item, method, op)
        {
            bool found = false;
            for (size_t i = 0; i < n && !found; i++)
                found = strcmp(routes[i].pattern, path) == 0 &&
                        strncasecmp(routes[i].method, method, 8) == 0;
            cr_assert(found, "openapi.json documents %s %s, which no route serves", method, path);
            documented++;
        }
    }
    cr_assert_eq(documented, n);
    json_decref(doc);
}

Test(http, overdue_never_wraps_for_a_start_after_the_clock)
{
    /* The watchdog reads the clock once and then walks the connections while
     * pool threads complete requests: a start one millisecond after its
     * reading must not count as 2^64 - 1 ms old (it cut answered keep-alive
     * connections, docs/performance.md, session 11). */
    cr_assert_not(http_overdue(1000, 1001, 5000));
    cr_assert_not(http_overdue(1000, UINT64_MAX, 0));
    cr_assert_not(http_overdue(6000, 1000, 5000));
    cr_assert(http_overdue(6001, 1000, 5000));
    cr_assert(http_overdue(10, 0, 9));
}
