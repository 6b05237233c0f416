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
