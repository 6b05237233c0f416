/* test_write_input.c: black-box tests of the values a POST /articles record
 * may carry (published_at, url), the 422 for a text too short to be an
 * article, and a record saved with a byte order mark. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct server srv;
static const char *const key_env[] = {"NEWSD_API_KEY=input-key-123", NULL};
#define JSON_AUTH "Content-Type: application/json\r\nAuthorization: Bearer input-key-123\r\n"

static void input_setup(void)
{
    harness_db(&srv, false);
    harness_start(&srv, key_env);
}

static void input_teardown(void)
{
    harness_stop(&srv);
    harness_cleanup(&srv);
}

TestSuite(write_input, .init = input_setup, .fini = input_teardown, .timeout = 120);

#define BODY                                                                                       \
    "ROTTERDAM — The Willems bridge reopened to traffic on Saturday after a two-week "           \
    "inspection found no structural damage, the city said.\\n\\nThe bridge carries about "         \
    "forty thousand cars a day across the river."

/* POSTs a record with the extra members (",\"k\":v" text) and returns the status;
 * the detail of a problem goes to detail (when not NULL). */
static int post_record(const char *title, const char *extra, char *detail, size_t detail_size)
{
    char rec[2048];
    snprintf(rec, sizeof rec, "{\"title\":\"%s\",\"body\":\"%s\"%s}", title, BODY, extra);
    struct http_res r;
    http_do(&srv, "POST", "/articles", JSON_AUTH, rec, strlen(rec), &r);
    int status = r.status;
    if (detail) {
        const char *d = json_string_value(json_object_get(r.json, "detail"));
        snprintf(detail, detail_size, "%s", d ? d : "");
    }
    http_res_clear(&r);
    return status;
}

/* POSTs a record with field set to value, titled label and i so that each
 * record is new; returns the status, with the problem's detail in detail. */
static int post_with(const char *field, const char *value, const char *label, size_t i,
                     char *detail, size_t n)
{
    char extra[160], title[64];
    snprintf(extra, sizeof extra, ",\"%s\":\"%s\"", field, value);
    snprintf(title, sizeof title, "%s %zu", label, i);
    return post_record(title, extra, detail, n);
}

/* How many articles the server holds. */
static long long articles_total(void)
{
    struct http_res r;
    http_get(&srv, "/articles?limit=1", &r);
    cr_assert_eq(r.status, 200);
    long long n = json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total"));
    http_res_clear(&r);
    return n;
}

/* The published_at of the newest article stored under title. */
static char *published_at_of(const char *title)
{
    struct http_res r;
    http_get(&srv, "/articles?limit=100", &r);
    cr_assert_eq(r.status, 200);
    char *out = NULL;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(r.json, "data"), i, a)
        if (!out && strcmp(json_string_value(json_object_get(a, "title")), title) == 0)
            out = strdup(json_string_value(json_object_get(a, "published_at")));
    http_res_clear(&r);
    cr_assert_not_null(out, "no article titled %s", title);
    return out;
}

Test(write_input, published_at_must_be_iso_8601)
{
    char detail[512];
    const char *bad[] = {
        "yesterday", "2026-02-30", "2026-13-01", "2026-03-04T25:00:00Z", "04/03/2026", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_eq(post_with("published_at", bad[i], "Bad date", i, detail, sizeof detail), 400,
                     "%s", bad[i]);
        cr_assert_not_null(strstr(detail, "published_at"), "%s", detail);
    }
    cr_assert_eq(articles_total(), 0, "a refused record stores nothing");
    const char *good[] = {"2026-03-04", "2026-03-04T18:12:00Z", "2026-03-04T18:12:00-05:00",
                          "2024-02-29"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        cr_assert_eq(post_with("published_at", good[i], "Good date", i, detail, sizeof detail), 201,
                     "%s: %s", good[i], detail);
        /* Stored as found, offset and all. */
        char title[64];
        snprintf(title, sizeof title, "Good date %zu", i);
        char *got = published_at_of(title);
        cr_assert_str_eq(got, good[i]);
        free(got);
    }
}

Test(write_input, url_must_be_http_or_https)
{
    char detail[512];
    const char *bad[] = {"javascript:alert(1)",
                         "data:text/html,x",
                         "file:///etc/passwd",
                         "ftp://example.org/a",
                         "http://",
                         "https:///path",
                         "example.org/a",
                         "http://exa mple.org/"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_eq(post_with("url", bad[i], "Bad url", i, detail, sizeof detail), 400, "%s",
                     bad[i]);
        cr_assert_not_null(strstr(detail, "url"), "%s", detail);
    }
    cr_assert_eq(articles_total(), 0, "a refused record stores nothing");
    const char *good[] = {"https://example.org/a", "HTTP://example.org/b?x=1#y"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        cr_assert_eq(post_with("url", good[i], "Good url", i, detail, sizeof detail), 201, "%s: %s",
                     good[i], detail);
    }
}

/* The detail names the threshold api.md documents; the two records sit on
 * either side of it (11 and 12 words), so a change of the threshold shows. */
Test(write_input, a_short_text_says_what_is_missing)
{
    const char *shortrec = "{\"title\":\"T\",\"body\":\"The ferry is back, the operator said on "
                           "Monday.\"}";
    struct http_res r;
    http_do(&srv, "POST", "/articles", JSON_AUTH, shortrec, strlen(shortrec), &r);
    cr_assert_eq(r.status, 422);
    const char *d = json_string_value(json_object_get(r.json, "detail"));
    cr_assert_not_null(d);
    cr_assert_not_null(strstr(d, "too short"), "%s", d);
    cr_assert_not_null(strstr(d, "12 words"), "%s", d);
    http_res_clear(&r);
    const char *eleven = "{\"title\":\"T\",\"body\":\"The ferry is back at last, the operator "
                         "said on Monday.\"}";
    http_do(&srv, "POST", "/articles", JSON_AUTH, eleven, strlen(eleven), &r);
    cr_assert_eq(r.status, 422, "%s", r.body);
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 0, "a 422 stores nothing");
    const char *twelve = "{\"title\":\"T\",\"body\":\"The old ferry is back at last, the operator "
                         "said on Monday.\"}";
    http_do(&srv, "POST", "/articles", JSON_AUTH, twelve, strlen(twelve), &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    http_res_clear(&r);
}

Test(write_input, a_leading_byte_order_mark_is_skipped)
{
    char rec[1024];
    snprintf(rec, sizeof rec, "\xef\xbb\xbf{\"title\":\"With a BOM\",\"body\":\"%s\"}", BODY);
    struct http_res r;
    http_do(&srv, "POST", "/articles", JSON_AUTH, rec, strlen(rec), &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    http_res_clear(&r);
    /* One mark only: a second is not JSON. */
    snprintf(rec, sizeof rec, "\xef\xbb\xbf\xef\xbb\xbf{\"title\":\"Two\",\"body\":\"%s\"}", BODY);
    http_do(&srv, "POST", "/articles", JSON_AUTH, rec, strlen(rec), &r);
    cr_assert_eq(r.status, 400, "%s", r.body);
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 1, "only the record with one mark was stored");
}

/* RFC 7235: the auth scheme is case-insensitive. */
Test(write_input, the_bearer_scheme_is_case_insensitive)
{
    char rec[1024];
    snprintf(rec, sizeof rec, "{\"title\":\"Lower-case scheme\",\"body\":\"%s\"}", BODY);
    struct http_res r;
    http_do(&srv, "POST", "/articles",
            "Content-Type: application/json\r\nAuthorization: bearer input-key-123\r\n", rec,
            strlen(rec), &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    http_res_clear(&r);
    http_do(&srv, "POST", "/articles",
            "Content-Type: application/json\r\nAuthorization: bearer wrong-key-1234\r\n", rec,
            strlen(rec), &r);
    cr_assert_eq(r.status, 401, "%s", r.body);
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 1, "the refused one stored nothing");
}
