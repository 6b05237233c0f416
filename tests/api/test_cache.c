/* test_cache.c: the response cache seen from outside. A repeated request gets
 * the same bytes with its own request id and CORS headers; a write, also by
 * another process, is visible to the very next request; each format and
 * encoding is its own entry. */
#include <criterion/criterion.h>
#include <libdeflate.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct server srv;

static void cache_teardown(void)
{
    harness_stop(&srv);
    harness_cleanup(&srv);
}

TestSuite(cache, .fini = cache_teardown, .timeout = 120);

/* The value of a metrics sample line that starts with name, or -1. */
static long long metric(const char *name)
{
    struct http_res r;
    http_get(&srv, "/metrics", &r);
    cr_assert_eq(r.status, 200);
    long long v = -1;
    const char *p = strstr(r.body, name);
    if (p)
        v = strtoll(p + strlen(name), NULL, 10);
    http_res_clear(&r);
    return v;
}

static long long total_of(const struct http_res *r)
{
    return json_integer_value(json_object_get(json_object_get(r->json, "meta"), "total"));
}

Test(cache, a_write_by_another_process_is_seen_by_the_next_request)
{
    harness_db(&srv, false);
    harness_start(&srv, NULL);
    struct http_res a, b;
    /* Each read connection's first request starts a generation (it cannot
     * know what it missed), so a few requests come before the first hit. */
    for (int i = 0; i < 4; i++) {
        http_get(&srv, "/articles?limit=5", &a);
        cr_assert_eq(a.status, 200);
        http_res_clear(&a);
    }
    http_get(&srv, "/articles?limit=5", &a);
    http_get(&srv, "/articles?limit=5", &b);
    cr_assert_eq(total_of(&b), 0);
    cr_assert_geq(metric("newsd_cache_lookups_total{outcome=\"hit\"} "), 1,
                  "the second request was answered from the cache");
    char *etag = http_header(&b, "ETag");
    http_res_clear(&a);
    http_res_clear(&b);

    /* `newsd ingest` writes the same database while the server runs. */
    char out[256];
    const char *ingest[] = {"ingest", "--db", srv.db, "samples", NULL};
    cr_assert_eq(harness_run(ingest, out, sizeof out), 0, "%s", out);
    http_get(&srv, "/articles?limit=5", &a);
    cr_assert_eq(a.status, 200);
    cr_assert_geq(total_of(&a), 12, "the cached empty list must not be served");
    char *etag2 = http_header(&a, "ETag");
    cr_assert_str_neq(etag, etag2);
    long long first_total = total_of(&a);
    free(etag);
    free(etag2);
    http_res_clear(&a);

    /* The ingest ended with a checkpoint that truncated the write-ahead log,
     * so the next commit restarts it: that one must be seen as well. */
    http_get(&srv, "/articles?limit=5", &a); /* cached again */
    http_res_clear(&a);
    char path[128];
    snprintf(path, sizeof path, "%s/extra.txt", srv.dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("World\n\nFerry crews at the northern crossing stop work over rosters\n\n"
          "LARVIK — Crews on the northern ferry crossing voted on Tuesday to stop work next "
          "week.\n\n“We cannot keep sailing the night crossings short of hands,” said Ingrid "
          "Solheim, who speaks for the crews.\n", f);
    fclose(f);
    const char *again[] = {"ingest", "--db", srv.db, path, NULL};
    cr_assert_eq(harness_run(again, out, sizeof out), 0, "%s", out);
    http_get(&srv, "/articles?limit=5", &a);
    cr_assert_eq(total_of(&a), first_total + 1, "a commit after a checkpoint is seen too");
    http_res_clear(&a);
}

Test(cache, writes_through_the_api_are_seen_at_once)
{
    harness_db(&srv, true);
    static const char *const env[] = {"NEWSD_API_KEY=k-cache-1", NULL};
    harness_start(&srv, env);
    struct http_res r;
    http_get(&srv, "/entities?type=person&limit=100", &r);
    long long people = total_of(&r);
    http_res_clear(&r);
    http_get(&srv, "/entities?type=person&limit=100", &r); /* now cached */
    cr_assert_eq(total_of(&r), people);
    http_res_clear(&r);

    static const char text[] =
        "World\n\nHarbour pilots vote to strike over night shifts\n\n"
        "PORTSMOUTH — Pilots at the harbour voted on Monday to stop work next week.\n\n"
        "“We cannot keep guiding ships through the night alone,” said Orla Fennimore, who "
        "chairs the pilots' association.\n";
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\nAuthorization: Bearer k-cache-1\r\n",
            text, sizeof text - 1, &r);
    cr_assert_eq(r.status, 201);
    char target[64];
    snprintf(target, sizeof target, "/articles/%lld",
             json_integer_value(json_object_get(r.json, "id")));
    http_res_clear(&r);
    http_get(&srv, "/entities?type=person&limit=100", &r);
    cr_assert_eq(total_of(&r), people + 1, "the new speaker is listed");
    http_res_clear(&r);

    http_get(&srv, target, &r);
    cr_assert_eq(r.status, 200);
    http_res_clear(&r);
    http_do(&srv, "DELETE", target, "Authorization: Bearer k-cache-1\r\n", NULL, 0, &r);
    cr_assert_eq(r.status, 204);
    http_res_clear(&r);
    http_get(&srv, target, &r);
    cr_assert_eq(r.status, 404, "a deleted article is not served from the cache");
    http_res_clear(&r);
    http_get(&srv, "/entities?type=person&limit=100", &r);
    cr_assert_eq(total_of(&r), people);
    http_res_clear(&r);
}

Test(cache, hits_keep_per_request_headers_and_each_variant_is_its_own)
{
    harness_db(&srv, true);
    static const char *const env[] = {"NEWSD_CORS_ORIGINS=http://app.example", NULL};
    harness_start(&srv, env);
    const char *origin = "Origin: http://app.example\r\n";
    struct http_res a, b;
    http_do(&srv, "GET", "/articles?limit=3", origin, NULL, 0, &a);
    http_do(&srv, "GET", "/articles?limit=3", origin, NULL, 0, &b);
    cr_assert_eq(a.status, 200);
    cr_assert_eq(b.status, 200);
    cr_assert_eq(a.body_len, b.body_len);
    cr_assert_eq(memcmp(a.body, b.body, a.body_len), 0);
    const char *same[] = {"ETag", "X-Total-Count", "Link", "Content-Type", "Cache-Control",
                          "Vary", "Access-Control-Allow-Origin"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        char *x = http_header(&a, same[i]), *y = http_header(&b, same[i]);
        cr_assert_not_null(x, "%s", same[i]);
        cr_assert_not_null(y, "%s on the cached answer", same[i]);
        cr_assert_str_eq(x, y, "%s", same[i]);
        free(x);
        free(y);
    }
    char *id1 = http_header(&a, "X-Request-Id"), *id2 = http_header(&b, "X-Request-Id");
    cr_assert_str_neq(id1, id2, "each answer has its own request id");
    free(id1);
    free(id2);

    /* A conditional request answered from the cache is still a 304. */
    char *etag = http_header(&b, "ETag");
    char cond[128];
    snprintf(cond, sizeof cond, "If-None-Match: %s\r\n", etag);
    struct http_res nm;
    http_do(&srv, "GET", "/articles?limit=3", cond, NULL, 0, &nm);
    cr_assert_eq(nm.status, 304);
    cr_assert_eq(nm.body_len, 0);
    http_res_clear(&nm);

    /* gzip and CSV answers of the same URL are kept apart. */
    for (int round = 0; round < 2; round++) {
        struct http_res z, csv;
        http_do(&srv, "GET", "/articles?limit=3", "Accept-Encoding: gzip\r\n", NULL, 0, &z);
        char *enc = http_header(&z, "Content-Encoding"), *zt = http_header(&z, "ETag");
        cr_assert_not_null(enc, "round %d", round);
        cr_assert_str_eq(enc, "gzip");
        cr_assert_str_neq(zt, etag);
        free(enc);
        free(zt);
        http_res_clear(&z);
        http_do(&srv, "GET", "/articles?limit=3", "Accept: text/csv\r\n", NULL, 0, &csv);
        char *ct = http_header(&csv, "Content-Type");
        cr_assert_not_null(strstr(ct, "text/csv"), "round %d: %s", round, ct);
        cr_assert_null(csv.json);
        free(ct);
        http_res_clear(&csv);
    }
    free(etag);
    http_res_clear(&a);
    http_res_clear(&b);
    cr_assert_geq(metric("newsd_cache_lookups_total{outcome=\"hit\"} "), 3);
}

/* Regression: the key held Accept's text, so curl ("* / *" without the
 * spaces), a browser's fetch and a client sending no Accept each kept their
 * own copy of the same JSON, and a cache warmed by one missed for the rest. */
Test(cache, clients_wording_accept_differently_for_json_share_one_entry)
{
    harness_db(&srv, true);
    harness_start(&srv, NULL);
    static const char *const accepts[] = {
        "", "Accept: */*\r\n", "Accept: application/json, text/plain, */*\r\n",
        "Accept: application/json\r\n"};
    long long hits = metric("newsd_cache_lookups_total{outcome=\"hit\"} ");
    long long misses = metric("newsd_cache_lookups_total{outcome=\"miss\"} ");
    char *first = NULL;
    for (size_t i = 0; i < sizeof accepts / sizeof accepts[0]; i++) {
        struct http_res r;
        http_do(&srv, "GET", "/articles?limit=2", accepts[i], NULL, 0, &r);
        cr_assert_eq(r.status, 200, "%s", accepts[i]);
        cr_assert_not_null(r.json, "%s", accepts[i]);
        char *etag = http_header(&r, "ETag");
        if (!first)
            first = etag;
        else {
            cr_assert_str_eq(etag, first, "%s", accepts[i]);
            free(etag);
        }
        http_res_clear(&r);
    }
    free(first);
    cr_assert_eq(metric("newsd_cache_lookups_total{outcome=\"miss\"} ") - misses, 1,
                 "one answer built");
    cr_assert_eq(metric("newsd_cache_lookups_total{outcome=\"hit\"} ") - hits, 3,
                 "the others found it");
    /* CSV is another answer, and so another entry. */
    struct http_res csv;
    http_do(&srv, "GET", "/articles?limit=2", "Accept: text/csv\r\n", NULL, 0, &csv);
    char *ct = http_header(&csv, "Content-Type");
    cr_assert_not_null(strstr(ct, "text/csv"), "%s", ct);
    free(ct);
    http_res_clear(&csv);
    cr_assert_eq(metric("newsd_cache_lookups_total{outcome=\"miss\"} ") - misses, 2);
}

Test(cache, one_entry_serves_gzip_and_identity_clients)
{
    harness_db(&srv, true);
    harness_start(&srv, NULL);
    struct http_res gz, plain, fresh;
    /* Stored compressed by a gzip client, then inflated for one without. */
    http_do(&srv, "GET", "/articles/3", "Accept-Encoding: gzip\r\n", NULL, 0, &gz);
    cr_assert_eq(gz.status, 200);
    cr_assert_eq((unsigned char)gz.body[0], 0x1f, "gzip magic");
    http_get(&srv, "/articles/3", &plain);
    cr_assert_eq(plain.status, 200);
    cr_assert_null(http_header(&plain, "Content-Encoding"));
    cr_assert_not_null(plain.json, "the inflated body is the JSON");
    /* gzip with a zero weight is a refusal of gzip. */
    struct http_res q0;
    http_do(&srv, "GET", "/articles/3", "Accept-Encoding: gzip;q=0, identity\r\n", NULL, 0, &q0);
    cr_assert_null(http_header(&q0, "Content-Encoding"));
    cr_assert_not_null(q0.json);
    http_res_clear(&q0);
    /* A cache-busting parameter is another key: answered afresh. */
    http_get(&srv, "/articles/3?_=1", &fresh);
    cr_assert_eq(fresh.body_len, plain.body_len);
    cr_assert_eq(memcmp(fresh.body, plain.body, plain.body_len), 0);
    char *e1 = http_header(&plain, "ETag"), *e2 = http_header(&fresh, "ETag"),
         *e3 = http_header(&gz, "ETag");
    cr_assert_str_eq(e1, e2, "the identity tag does not depend on the path taken");
    cr_assert_str_neq(e1, e3);
    free(e1);
    free(e2);
    free(e3);
    http_res_clear(&gz);
    http_res_clear(&plain);
    http_res_clear(&fresh);
}

Test(cache, off_when_the_bound_is_zero)
{
    harness_db(&srv, true);
    static const char *const env[] = {"NEWSD_CACHE_MB=0", NULL};
    harness_start(&srv, env);
    struct http_res a, b;
    http_get(&srv, "/quotes?limit=2", &a);
    http_get(&srv, "/quotes?limit=2", &b);
    cr_assert_eq(b.status, 200);
    cr_assert_eq(a.body_len, b.body_len);
    cr_assert_eq(memcmp(a.body, b.body, a.body_len), 0);
    http_res_clear(&a);
    http_res_clear(&b);
    cr_assert_eq(metric("newsd_cache_lookups_total"), -1, "no cache, no cache metrics");
}

/* The JSON a gzip answer inflates to (NULL on error), to compare it with the
 * identity one. */
static char *gunzipped(const struct http_res *r, size_t want)
{
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    char *out = malloc(want + 1);
    size_t got = 0;
    if (!d || !out ||
        libdeflate_gzip_decompress(d, r->body, r->body_len, out, want, &got) !=
            LIBDEFLATE_SUCCESS ||
        got != want) {
        free(out);
        out = NULL;
    }
    libdeflate_free_decompressor(d);
    return out;
}

/* Fetches target as a gzip client (gz) or not, and checks the answer is
 * want's bytes in that encoding, with want's tag for it. */
static void same_answer(const char *target, bool gz, const struct http_res *want)
{
    struct http_res r;
    http_do(&srv, "GET", target, gz ? "Accept-Encoding: gzip\r\n" : "", NULL, 0, &r);
    cr_assert_eq(r.status, 200, "%s", target);
    char *enc = http_header(&r, "Content-Encoding"), *tag = http_header(&r, "ETag"),
         *want_tag = http_header(want, "ETag");
    char *body = gz ? gunzipped(&r, want->body_len) : NULL;
    if (gz) {
        cr_assert_str_eq(enc, "gzip", "%s", target);
        cr_assert_not_null(body, "%s: gzip of the identity bytes' length", target);
        cr_assert_eq(memcmp(body, want->body, want->body_len), 0, "%s", target);
        cr_assert_eq(strlen(tag), strlen(want_tag) + 3, "%s: %s", target, tag);
        cr_assert_eq(strncmp(tag, want_tag, strlen(want_tag) - 1), 0, "%s", target);
        cr_assert_str_eq(tag + strlen(want_tag) - 1, "-gz\"", "%s", target);
    } else {
        cr_assert_null(enc, "%s", target);
        cr_assert_eq(r.body_len, want->body_len, "%s", target);
        cr_assert_eq(memcmp(r.body, want->body, r.body_len), 0, "%s", target);
        cr_assert_str_eq(tag, want_tag, "%s", target);
    }
    free(body);
    free(enc);
    free(tag);
    free(want_tag);
    http_res_clear(&r);
}

/* Answers are kept in the form their first client took (gzip, or for a
 * client without gzip the identity bytes while the cache is at most half
 * full, LZ4 after), and converted for the other kind; in a cache too
 * small for both forms of every answer, some entries keep only one. Every
 * client must still get the same bytes and tag as a fresh identity answer,
 * or their gzip form. */
Test(cache, each_form_is_converted_to_the_same_answer_for_the_other_kind_of_client)
{
    harness_db(&srv, true);
    static const char *const env[] = {"NEWSD_CACHE_MB=2", NULL};
    harness_start(&srv, env);
    struct http_res want;
    http_get(&srv, "/articles/3?_=fresh", &want);
    cr_assert_eq(want.status, 200);
    cr_assert_gt(want.body_len, 4096, "an answer worth compressing");
    enum { N = 200 };
    char target[64];
    for (int i = 0; i < N; i++) { /* even keys first for gzip clients, odd for others */
        snprintf(target, sizeof target, "/articles/3?_=%d", i);
        same_answer(target, i % 2 == 0, &want);
    }
    long long entries = metric("\nnewsd_cache_entries ");
    cr_assert_gt(entries, N / 2, "the first forms fit: %lld entries", entries);
    cr_assert_eq(metric("\nnewsd_cache_two_form_entries "), 0, "one form each so far");
    long long hits = metric("newsd_cache_lookups_total{outcome=\"hit\"} ");
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < N; i++) { /* now the other kind, twice */
            snprintf(target, sizeof target, "/articles/3?_=%d", i);
            same_answer(target, i % 2 == 1, &want);
        }
    long long both = metric("\nnewsd_cache_two_form_entries ");
    cr_assert_gt(both, 0, "second forms were kept while there was room");
    cr_assert_lt(both, N, "but not for all: 2 MiB does not hold both forms of %d", N);
    cr_assert_geq(metric("newsd_cache_lookups_total{outcome=\"hit\"} ") - hits, entries,
                  "the repeats were hits");
    http_res_clear(&want);
}
