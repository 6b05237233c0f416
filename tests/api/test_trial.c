/* test_trial.c: black-box regression tests for what a new user's trial of the
 * API found: request heads near the connection's memory, exports with a bad
 * cursor, headers of paged exports, CSV formulas, NUL bytes in headers,
 * ignored parameters, the auth scheme's case and the metrics' labels. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct server srv;

static void trial_setup(void)
{
    harness_db(&srv, true);
    harness_start(&srv, NULL);
}

static void trial_teardown(void)
{
    harness_stop(&srv);
    harness_cleanup(&srv);
}

TestSuite(trial, .init = trial_setup, .fini = trial_teardown, .timeout = 120);

/* Sends a GET with a query of n bytes of c and one extra header of h bytes
 * (none when 0), returning the answer in r. */
static void get_sized(const char *path, size_t n, char c, size_t h, struct http_res *r)
{
    size_t cap = strlen(path) + n + h + 256;
    char *raw = malloc(cap);
    cr_assert_not_null(raw);
    int len = snprintf(raw, cap, "GET %s", path);
    memset(raw + len, c, n);
    len += (int)n;
    len += snprintf(raw + len, cap - (size_t)len,
                    " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n%s", h ? "X-Pad: " : "");
    memset(raw + len, 'b', h);
    len += (int)h;
    len += snprintf(raw + len, cap - (size_t)len, "%s\r\n", h ? "\r\n" : "");
    http_raw(&srv, raw, (size_t)len, r);
    free(raw);
}

static void expect_problem_res(struct http_res *r, int status)
{
    cr_assert_eq(r->status, status, "want %d, got %d: %s", status, r->status, r->body);
    char *ct = http_header(r, "Content-Type");
    cr_assert_str_eq(ct, "application/problem+json");
    free(ct);
    cr_assert_not_null(r->json);
    cr_assert_eq(json_integer_value(json_object_get(r->json, "status")), status);
}

/* A list echoes its URL twice in its head (Link) and body; an 8,000-byte URL
 * used to overflow the connection's pool and close the connection unanswered. */
Test(trial, long_urls_are_answered_or_refused_414)
{
    struct http_res r;
    get_sized("/articles?limit=1&_x=", 1900, 'a', 0, &r);
    cr_assert_eq(r.status, 200, "%s", r.body);
    char *link = http_header(&r, "Link");
    cr_assert_not_null(link, "a list with a next page has a Link header");
    free(link);
    http_res_clear(&r);
    size_t sizes[] = {2100, 8000, 12000};
    for (size_t i = 0; i < 3; i++) {
        get_sized("/articles?limit=1&_x=", sizes[i], 'a', 0, &r);
        expect_problem_res(&r, 414);
        http_res_clear(&r);
    }
    /* Commas are echoed as %2C: three bytes each in the links. */
    get_sized("/articles?limit=1&_x=", 1000, ',', 0, &r);
    expect_problem_res(&r, 414);
    http_res_clear(&r);
}

Test(trial, large_heads_are_refused_431)
{
    struct http_res r;
    get_sized("/health", 0, 'a', 7000, &r);
    cr_assert_eq(r.status, 200);
    http_res_clear(&r);
    size_t sizes[] = {9000, 12000, 15000, 17000};
    for (size_t i = 0; i < 4; i++) {
        get_sized("/health", 0, 'a', sizes[i], &r);
        cr_assert_eq(r.status, 431, "%zu: %d", sizes[i], r.status);
        if (sizes[i] < 16000)
            expect_problem_res(&r, 431); /* past the pool libmicrohttpd answers itself */
        http_res_clear(&r);
    }
    /* Many small header fields: 64 bytes of the pool each. */
    struct buf_like {
        char *p;
        size_t n;
    } raw = {0};
    FILE *f = open_memstream(&raw.p, &raw.n);
    fprintf(f, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for (int i = 0; i < 100; i++)
        fprintf(f, "X-%d: a\r\n", i);
    fprintf(f, "\r\n");
    fclose(f);
    http_raw(&srv, raw.p, raw.n, &r);
    free(raw.p);
    expect_problem_res(&r, 431);
    http_res_clear(&r);
}

/* An export used to answer 200 and then cut its stream on a bad cursor. */
Test(trial, export_with_a_bad_cursor_is_a_400_before_any_byte)
{
    const char *accepts[] = {"Accept: text/csv\r\n", "Accept: application/x-ndjson\r\n"};
    const char *paths[] = {"/quotes?limit=all&cursor=abc", "/articles?limit=all&cursor=abc",
                           "/entities?limit=all&cursor=abc"};
    for (size_t a = 0; a < 2; a++) {
        for (size_t p = 0; p < 3; p++) {
            struct http_res r;
            http_do(&srv, "GET", paths[p], accepts[a], NULL, 0, &r);
            expect_problem_res(&r, 400);
            cr_assert_str_eq(json_string_value(json_object_get(r.json, "detail")),
                             "cursor is not valid for this list");
            http_res_clear(&r);
        }
    }
    /* A good export still streams every row. */
    struct http_res r;
    http_do(&srv, "GET", "/articles?limit=all", "Accept: application/x-ndjson\r\n", NULL, 0, &r);
    cr_assert_eq(r.status, 200);
    size_t lines = 0;
    for (const char *p = r.body; (p = strchr(p, '\n')); p++)
        lines++;
    http_res_clear(&r);
    http_get(&srv, "/articles?limit=1", &r);
    cr_assert_eq((long long)lines,
                 json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total")));
    http_res_clear(&r);
}

/* Distinct quotations have no export form: a client asking for CSV used to get
 * JSON, and limit=all a bare "limit must be an integer". Both now say why. */
Test(trial, distinct_quotations_refuse_exports_clearly)
{
    struct http_res r;
    http_do(&srv, "GET", "/quotes?group=canonical&limit=2", "Accept: text/csv\r\n", NULL, 0, &r);
    expect_problem_res(&r, 406);
    cr_assert_not_null(strstr(json_string_value(json_object_get(r.json, "detail")), "JSON only"));
    http_res_clear(&r);
    http_get(&srv, "/quotes?group=canonical&limit=all", &r);
    expect_problem_res(&r, 400);
    cr_assert_not_null(strstr(json_string_value(json_object_get(r.json, "detail")),
                              "no limit=all"));
    http_res_clear(&r);
    http_get(&srv, "/quotes?group=canonical&limit=2", &r);
    cr_assert_eq(r.status, 200, "JSON pages as before");
    cr_assert_eq(json_array_size(json_object_get(r.json, "data")), 2);
    http_res_clear(&r);
}

/* The id of the first row of an export page: the first cell after the CSV
 * header row, or the "id" member of the first NDJSON line (in a static buffer). */
static const char *first_row_id(const char *body, bool csv)
{
    static char id[32];
    if (csv) {
        const char *p = strchr(body, '\n');
        cr_assert_not_null(p, "no CSV header row");
        p++;
        snprintf(id, sizeof id, "%.*s", (int)strspn(p, "0123456789"), p);
        return id;
    }
    json_t *line = json_loadb(body, strcspn(body, "\n"), 0, NULL);
    cr_assert_not_null(line, "the first line is not JSON: %.80s", body);
    snprintf(id, sizeof id, "%lld", json_integer_value(json_object_get(line, "id")));
    json_decref(line);
    return id;
}

/* api.md promises Link on every list with a next page, exports included. */
Test(trial, paged_exports_carry_link_to_the_next_page)
{
    const char *accepts[] = {"Accept: text/csv\r\n", "Accept: application/x-ndjson\r\n"};
    /* The id of the third quote, the first of the second page. */
    struct http_res three;
    http_get(&srv, "/quotes?limit=3&fields=id", &three);
    char third_id[32];
    snprintf(third_id, sizeof third_id, "%lld",
             json_integer_value(
                 json_object_get(json_array_get(json_object_get(three.json, "data"), 2), "id")));
    http_res_clear(&three);
    for (size_t a = 0; a < 2; a++) {
        struct http_res r;
        http_do(&srv, "GET", "/quotes?limit=2", accepts[a], NULL, 0, &r);
        cr_assert_eq(r.status, 200);
        char *link = http_header(&r, "Link");
        cr_assert_not_null(link, "%s", accepts[a]);
        cr_assert(strncmp(link, "</quotes?limit=2&cursor=", 24) == 0, "%s", link);
        cr_assert_not_null(strstr(link, ">; rel=\"next\""), "%s", link);
        /* The link leads to the next page. */
        char target[512];
        snprintf(target, sizeof target, "%.*s", (int)(strchr(link, '>') - link - 1), link + 1);
        free(link);
        http_res_clear(&r);
        http_do(&srv, "GET", target, accepts[a], NULL, 0, &r);
        cr_assert_eq(r.status, 200, "%s", target);
        /* and it is the next page: the rows after the first two, not them again */
        cr_assert_str_eq(first_row_id(r.body, a == 0), third_id, "%s: %.300s", target, r.body);
        http_res_clear(&r);
        /* The last page has none. */
        http_do(&srv, "GET", "/quotes?limit=100&speaker=999999", accepts[a], NULL, 0, &r);
        cr_assert_eq(r.status, 200);
        cr_assert_null(http_header(&r, "Link"));
        http_res_clear(&r);
    }
}

/* api.md: names starting with '_' are ignored; given twice they were a 400. */
Test(trial, underscore_parameters_are_ignored_entirely)
{
    struct http_res r;
    http_get(&srv, "/articles?_=1&_=2&limit=1&_x=3", &r);
    cr_assert_eq(r.status, 200, "%s", r.body);
    const char *self =
        json_string_value(json_object_get(json_object_get(r.json, "links"), "self"));
    cr_assert_str_eq(self, "/articles?limit=1");
    http_res_clear(&r);
    /* Ignored, but still counted against the 32 parameters a request may have. */
    char target[512] = "/articles?limit=1";
    for (int i = 0; i < 40; i++)
        snprintf(target + strlen(target), sizeof target - strlen(target), "&_x%d=1", i);
    http_get(&srv, target, &r);
    expect_problem_res(&r, 400);
    cr_assert_not_null(strstr(json_string_value(json_object_get(r.json, "detail")), "at most 32"));
    http_res_clear(&r);
}

/* A --read-only server answers writes 403: it must not offer them in Allow
 * or in the CORS preflight. */
Test(trial, a_read_only_server_does_not_offer_writes)
{
    harness_stop(&srv);
    harness_start_args(&srv, NULL, "--read-only");
    struct http_res r;
    http_do(&srv, "OPTIONS", "/articles", "Origin: http://a.example\r\n", NULL, 0, &r);
    cr_assert_eq(r.status, 204);
    char *allow = http_header(&r, "Allow");
    char *methods = http_header(&r, "Access-Control-Allow-Methods");
    cr_assert_str_eq(allow, "GET, HEAD, OPTIONS");
    cr_assert_str_eq(methods, "GET, HEAD, OPTIONS");
    free(allow);
    free(methods);
    http_res_clear(&r);
    http_do(&srv, "DELETE", "/articles/1", NULL, NULL, 0, &r);
    cr_assert_eq(r.status, 403, "writes are still refused as before");
    /* and the reason is the one that helps: a key would not */
    const char *detail = json_string_value(json_object_get(r.json, "detail"));
    cr_assert(detail && strstr(detail, "read-only"), "detail: %s", detail ? detail : "(none)");
    http_res_clear(&r);
}

/* `newsd extract <folder>` said "Input/output error"; it is a usage error. */
Test(trial, extract_of_a_folder_is_a_usage_error)
{
    const char *args[] = {"extract", srv.dir, NULL};
    char out[256];
    cr_assert_eq(harness_run(args, out, sizeof out), 2);
}
