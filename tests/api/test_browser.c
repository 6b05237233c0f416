/* test_browser.c: black-box regression tests for what a single-page app on
 * another origin found when it called newsd from a real browser (Chromium,
 * tools/browser/): answers a browser hid from the page for want of a CORS
 * header. Each request here carries Origin, as every cross-origin fetch does. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct server srv;
static struct server srv2; /* a test's own server; .fini ends it if the test failed */

static void browser_setup(void)
{
    harness_db(&srv, true);
    static const char *const env[] = {"NEWSD_API_KEY=browser-key", NULL};
    harness_start(&srv, env);
}

static void browser_teardown(void)
{
    harness_stop(&srv);
    harness_cleanup(&srv);
    harness_cleanup(&srv2);
}

TestSuite(browser, .init = browser_setup, .fini = browser_teardown, .timeout = 120);

#define ORIGIN "Origin: http://127.0.0.1:5173\r\n"

/* Asserts that the answer grants the page's origin (the default, "*"). */
static void expect_granted(const struct http_res *r)
{
    char *o = http_header(r, "Access-Control-Allow-Origin");
    cr_assert_not_null(o, "status %d without Access-Control-Allow-Origin: the page sees only "
                          "a network error\n%s", r->status, r->head);
    cr_assert_str_eq(o, "*");
    free(o);
}

/* A search URL of n letters after ?q= (past the 2,048-byte URL limit for n
 * over about 2,000), allocated. */
static char *long_search_target(size_t n)
{
    char *target = malloc(n + 32);
    cr_assert_not_null(target);
    int len = snprintf(target, n + 32, "/articles?q=");
    memset(target + len, 'a', n);
    target[(size_t)len + n] = '\0';
    return target;
}

/* A page building a long search URL got "TypeError: Failed to fetch" instead
 * of the 414: the lean refusal head had no Access-Control-Allow-Origin. */
Test(browser, a_414_is_readable_by_the_page)
{
    char *target = long_search_target(2100);
    struct http_res r;
    http_do(&srv, "GET", target, ORIGIN, NULL, 0, &r);
    free(target);
    cr_assert_eq(r.status, 414, "%s", r.head);
    expect_granted(&r);
    cr_assert_not_null(r.json, "the problem body is there to read");
    http_res_clear(&r);
}

/* A browser sends Accept-Encoding: gzip; the 414's problem echoes the long
 * URL, so it passed 1 KiB and went gzipped, but the lean head carried no
 * Content-Encoding: the page got binary bytes where JSON was promised. */
Test(browser, a_414_body_is_json_for_a_gzip_client)
{
    char *target = long_search_target(2100);
    struct http_res r;
    http_do(&srv, "GET", target, ORIGIN "Accept-Encoding: gzip, deflate, br, zstd\r\n", NULL, 0,
            &r);
    free(target);
    cr_assert_eq(r.status, 414, "%s", r.head);
    char *ce = http_header(&r, "Content-Encoding");
    cr_assert(ce || r.json, "a gzip body with no Content-Encoding: %s", r.head);
    cr_assert(!ce || r.json == NULL, "Content-Encoding with an identity body");
    free(ce);
    http_res_clear(&r);
}

/* The same for a head refused as too large (431). */
Test(browser, a_431_is_readable_by_the_page)
{
    char *pad = malloc(9100);
    cr_assert_not_null(pad);
    int len = snprintf(pad, 9100, ORIGIN "X-Pad: ");
    memset(pad + len, 'b', 9000);
    memcpy(pad + len + 9000, "\r\n", 3);
    struct http_res r;
    http_do(&srv, "GET", "/health", pad, NULL, 0, &r);
    free(pad);
    cr_assert_eq(r.status, 431, "%s", r.head);
    expect_granted(&r);
    http_res_clear(&r);
}

/* A client without Origin (curl, a server) keeps the shortest refusal head. */
Test(browser, a_refusal_without_origin_stays_lean)
{
    char *target = malloc(2200);
    cr_assert_not_null(target);
    int len = snprintf(target, 2200, "/articles?q=");
    memset(target + len, 'a', 2100);
    target[len + 2100] = '\0';
    struct http_res r;
    http_do(&srv, "GET", target, NULL, NULL, 0, &r);
    free(target);
    cr_assert_eq(r.status, 414);
    char *o = http_header(&r, "Access-Control-Allow-Origin");
    cr_assert_null(o, "no CORS header for a client that sent no Origin");
    http_res_clear(&r);
}

/* True when the comma-separated list names name (case-insensitive). */
static bool list_names(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        p += strspn(p, ", ");
        size_t len = strcspn(p, ",");
        while (len > 0 && p[len - 1] == ' ')
            len--;
        if (len == n && strncasecmp(p, name, n) == 0)
            return true;
        p += strcspn(p, ",");
    }
    return false;
}

/* docs/api.md promises Allow on a 405 and Retry-After on a 503; a page can
 * read a response header only when Access-Control-Expose-Headers names it.
 * POST to /health passes the preflight (POST is allowed) and answers 405. */
Test(browser, allow_and_retry_after_are_exposed)
{
    struct http_res r;
    http_do(&srv, "POST", "/health",
            ORIGIN "Authorization: Bearer browser-key\r\nContent-Type: application/json\r\n", "{}",
            2, &r);
    cr_assert_eq(r.status, 405);
    expect_granted(&r);
    char *allow = http_header(&r, "Allow");
    char *exposed = http_header(&r, "Access-Control-Expose-Headers");
    cr_assert_str_eq(allow, "GET, HEAD, OPTIONS", "Allow names what /health takes");
    const char *want[] = {"ETag", "Link", "Location", "X-Total-Count", "X-Request-Id", "Allow",
                          "Retry-After"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(list_names(exposed, want[i]), "%s is not exposed: %s", want[i], exposed);
    free(allow);
    free(exposed);
    http_res_clear(&r);
}

/* An operator who copied the page's address ("https://App.example/") into
 * NEWSD_CORS_ORIGINS had every page refused: browsers send the origin with no
 * trailing '/' and in lower case. Another origin is still refused. */
Test(browser, configured_origins_match_as_browsers_send_them)
{
    harness_db(&srv2, false);
    static const char *const env[] = {
        "NEWSD_CORS_ORIGINS=https://App.example/, http://127.0.0.1:5173", NULL};
    harness_start(&srv2, env);
    const char *sent[] = {"Origin: https://app.example\r\n", ORIGIN};
    const char *want[] = {"https://app.example", "http://127.0.0.1:5173"};
    struct http_res r;
    for (size_t i = 0; i < 2; i++) {
        http_do(&srv2, "GET", "/articles?limit=1", sent[i], NULL, 0, &r);
        cr_assert_eq(r.status, 200);
        char *o = http_header(&r, "Access-Control-Allow-Origin");
        cr_assert(o && strcmp(o, want[i]) == 0, "%s granted %s", want[i], o ? o : "nothing");
        free(o);
        http_res_clear(&r);
    }
    http_do(&srv2, "GET", "/articles?limit=1", "Origin: https://app.example.evil\r\n", NULL, 0, &r);
    char *o = http_header(&r, "Access-Control-Allow-Origin");
    cr_assert_null(o, "a longer origin is another origin");
    http_res_clear(&r);
    harness_stop(&srv2);
    harness_cleanup(&srv2);
}
