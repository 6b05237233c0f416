/* test_cache.c: the response cache on its own: hits copy what was stored,
 * a new generation hides everything older, the byte bound holds, and keys
 * match exactly (a key that is a prefix of another is another key); and the
 * watch that tells the cache of commits by any process. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsd/cache.h"
#include "newsd/model.h"
#include "newsd/store.h"
#include "newsd/util.h"

static char total_name[] = "X-Total-Count";

/* An answer borrowing its strings, as the daemon hands it to cache_put. */
static struct cache_answer answer_of(char *body, char *ctype, char *total)
{
    struct cache_answer a = {.body = body, .len = strlen(body), .content_type = ctype};
    snprintf(a.etag, sizeof a.etag, "\"%zx\"", strlen(body));
    if (total) {
        a.headers[0].name = total_name;
        a.headers[0].value = total;
        a.n_headers = 1;
    }
    return a;
}

Test(cache, a_hit_is_a_copy_of_what_was_stored)
{
    struct cache *c = cache_new(1 << 20);
    cr_assert_not_null(c);
    uint64_t g = cache_generation(c);
    char body[] = "{\"data\":[1,2,3]}", ctype[] = "application/json", total[] = "3";
    struct cache_answer in = answer_of(body, ctype, total);
    struct cache_hit out = {0};
    cr_assert_not(cache_get(c, "/a", 2, g, false, &out), "empty cache");
    cache_put(c, "/a", 2, g, &in);
    body[0] = 'X'; /* the cache kept its own copy */
    cr_assert(cache_get(c, "/a", 2, g, false, &out));
    cr_assert_eq(out.len, in.len);
    cr_assert_eq(memcmp(out.body, "{\"data\":[1,2,3]}", out.len), 0);
    cr_assert_eq(out.form, CACHE_IDENTITY);
    cr_assert_str_eq(out.a->content_type, "application/json");
    cr_assert_str_eq(out.a->etag, in.etag);
    cr_assert_eq(out.a->n_headers, 1);
    cr_assert_str_eq(out.a->headers[0].name, "X-Total-Count");
    cr_assert_str_eq(out.a->headers[0].value, "3");
    cache_hit_clear(&out);
    cache_hit_clear(&out); /* twice is harmless */

    struct cache_hit miss = {0};
    cr_assert_not(cache_get(c, "/", 1, g, false, &miss), "a prefix of a key is another key");
    cr_assert_not(cache_get(c, "/ab", 3, g, false, &miss), "a longer key is another key");
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_eq(st.hits, 1);
    cr_assert_eq(st.misses, 3);
    cr_assert_eq(st.entries, 1);
    cache_free(c);
}

Test(cache, a_new_generation_hides_older_answers)
{
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    char body[] = "old", ctype[] = "application/json";
    struct cache_answer in = answer_of(body, ctype, NULL);
    struct cache_hit out = {0};
    cache_put(c, "/k", 2, g, &in);
    cache_bump(c);
    uint64_t g2 = cache_generation(c);
    cr_assert_neq(g, g2);
    cr_assert_not(cache_get(c, "/k", 2, g2, false, &out), "stored before the bump");
    /* A request that began before the bump cannot store into the new one. */
    cache_put(c, "/k", 2, g, &in);
    cr_assert_not(cache_get(c, "/k", 2, g2, false, &out));
    cr_assert_not(cache_get(c, "/k", 2, g, false, &out), "an old generation is never served");
    char fresh[] = "new";
    struct cache_answer in2 = answer_of(fresh, ctype, NULL);
    cache_put(c, "/k", 2, g2, &in2);
    cr_assert(cache_get(c, "/k", 2, g2, false, &out));
    cr_assert_eq(memcmp(out.body, "new", 3), 0);
    cache_hit_clear(&out);
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_eq(st.entries, 1, "the first store of a generation drops the stale ones");
    cache_free(c);
}

Test(cache, the_byte_bound_holds_and_big_answers_are_not_kept)
{
    size_t bound = 64 * 1024;
    struct cache *c = cache_new(bound);
    uint64_t g = cache_generation(c);
    char body[2001], ctype[] = "application/json";
    memset(body, 'x', sizeof body - 1);
    body[sizeof body - 1] = '\0';
    struct cache_answer in = answer_of(body, ctype, NULL);
    size_t found = 0;
    for (int i = 0; i < 500; i++) {
        char key[16];
        int n = snprintf(key, sizeof key, "/a/%d", i);
        cache_put(c, key, (size_t)n, g, &in);
        struct cache_stats st;
        cache_stats(c, &st);
        cr_assert_leq(st.bytes, bound, "after %d answers", i + 1);
    }
    for (int i = 0; i < 500; i++) {
        char key[16];
        struct cache_hit out = {0};
        int n = snprintf(key, sizeof key, "/a/%d", i);
        if (cache_get(c, key, (size_t)n, g, false, &out))
            found++;
        cache_hit_clear(&out);
    }
    /* About 29 answers of 2 KB fit in 64 KiB: the cache is full, not empty. */
    cr_assert_geq(found, 20);
    cr_assert_leq(found, 32);

    static char big[20000];
    memset(big, 'y', sizeof big - 1);
    struct cache_answer huge = answer_of(big, ctype, NULL);
    struct cache_hit out = {0};
    cache_put(c, "/big", 4, g, &huge);
    cr_assert_not(cache_get(c, "/big", 4, g, false, &out), "over a quarter of the bound");
    cache_free(c);
}

Test(cache, a_hit_outlives_its_entry)
{
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    char body[] = "kept while sent", ctype[] = "application/json";
    struct cache_answer in = answer_of(body, ctype, NULL);
    struct cache_hit out = {0};
    cache_put(c, "/k", 2, g, &in);
    cr_assert(cache_get(c, "/k", 2, g, false, &out));
    cache_bump(c); /* the next store drops every entry of g */
    char other[] = "x";
    struct cache_answer in2 = answer_of(other, ctype, NULL);
    cache_put(c, "/j", 2, cache_generation(c), &in2);
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_eq(st.entries, 1);
    /* The body is still the hit's to send (AddressSanitizer watches). */
    cr_assert_eq(out.len, strlen("kept while sent"));
    cr_assert_eq(memcmp(out.body, "kept while sent", out.len), 0);
    cr_assert_str_eq(out.a->content_type, "application/json");
    cache_hit_clear(&out);
    cache_free(c);
}

/* The daemon's path: the body's reference moves from the hit to the response,
 * the hit is cleared, and the entry (whose block holds the body) is evicted
 * before libmicrohttpd is done sending. */
Test(cache, a_sent_body_outlives_its_hit_and_entry)
{
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    char body[] = "still being sent", ctype[] = "application/json", total[] = "1";
    struct cache_answer in = answer_of(body, ctype, total);
    cache_put(c, "/s", 2, g, &in);
    struct cache_hit out = {0};
    cr_assert(cache_get(c, "/s", 2, g, false, &out));
    struct cache_blob *sending = out.blob;
    const char *bytes = out.body;
    size_t len = out.len;
    cr_assert_eq(len, strlen("still being sent"));
    out.blob = NULL;
    out.body = NULL;
    cache_hit_clear(&out);
    cache_bump(c);
    char other[] = "y";
    struct cache_answer in2 = answer_of(other, ctype, NULL);
    cache_put(c, "/t", 2, cache_generation(c), &in2);
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_eq(st.entries, 1, "/s left the table");
    cr_assert_gt(st.dropped, 0, "its bytes were counted as let go");
    cr_assert_eq(memcmp(bytes, "still being sent", len), 0); /* AddressSanitizer watches */
    cache_blob_release(sending);
    cache_free(c);
}

/* A gzip answer of the given sizes, with an LZ4 second form of alt_len
 * bytes when alt is set (the bytes are stand-ins: the cache never reads
 * them). */
static struct cache_answer gzip_of(char *gz, size_t gz_len, char *alt, size_t alt_len,
                                   char *ctype)
{
    struct cache_answer a = {.body = gz, .len = gz_len, .form = CACHE_GZIP, .alt = alt,
                             .alt_len = alt ? alt_len : 0, .alt_form = CACHE_LZ4,
                             .plain_len = 4 * gz_len,
                             .content_type = ctype};
    snprintf(a.etag, sizeof a.etag, "\"p\"");
    snprintf(a.etag_gz, sizeof a.etag_gz, "\"p-gz\"");
    return a;
}

Test(cache, each_client_gets_the_form_it_takes_while_both_are_kept)
{
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    char gz[] = "GZ", lz[] = "LZ4 block", ctype[] = "application/json";
    struct cache_answer in = gzip_of(gz, 2, lz, strlen(lz), ctype);
    cache_put(c, "/z", 2, g, &in);
    struct cache_hit out = {0};
    cr_assert(cache_get(c, "/z", 2, g, false, &out));
    cr_assert_eq(out.form, CACHE_LZ4, "a client without gzip gets the LZ4 form to unpack");
    cr_assert_eq(out.len, strlen(lz));
    cr_assert_eq(memcmp(out.body, "LZ4 block", out.len), 0);
    cache_hit_clear(&out);
    cr_assert(cache_get(c, "/z", 2, g, true, &out));
    cr_assert_eq(out.form, CACHE_GZIP, "a gzip client gets the stored gzip bytes");
    cr_assert_eq(out.len, 2);
    cache_hit_clear(&out);
    cache_free(c);
}

Test(cache, the_form_a_client_lacked_is_offered_and_kept)
{
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    char lz[] = "LZ", ctype[] = "application/json";
    /* First kept for a client without gzip: LZ4 only. */
    struct cache_answer in = {.body = lz, .len = 2, .form = CACHE_LZ4, .plain_len = 40,
                              .content_type = ctype};
    cache_put(c, "/y", 2, g, &in);
    struct cache_hit out = {0};
    cr_assert(cache_get(c, "/y", 2, g, true, &out));
    cr_assert_eq(out.form, CACHE_LZ4, "nothing to give a gzip client but LZ4 yet");
    /* The caller unpacks and gzips, sends that, and offers it. */
    cr_assert(cache_alt_room(c, &out, 20));
    struct cache_blob *sent = cache_blob_new(4);
    memcpy(cache_blob_data(sent), "GZIP", 4);
    cache_hit_offer(c, &out, sent, CACHE_LZ4);
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_eq(st.alts, 0, "a second form of the first's kind is refused");
    cache_hit_offer(c, &out, sent, CACHE_GZIP);
    cache_hit_body(&out, sent, CACHE_GZIP);
    cr_assert_eq(out.form, CACHE_GZIP);
    cr_assert_eq(out.len, 4);
    cache_hit_clear(&out);
    cr_assert(cache_get(c, "/y", 2, g, true, &out));
    cr_assert_eq(out.form, CACHE_GZIP, "the offered gzip form was kept");
    cr_assert_eq(memcmp(out.body, "GZIP", 4), 0);
    cr_assert_not(cache_alt_room(c, &out, 20), "it has both forms already");
    cache_hit_clear(&out);
    cr_assert(cache_get(c, "/y", 2, g, false, &out));
    cr_assert_eq(out.form, CACHE_LZ4, "and the LZ4 one stays for the others");
    cache_hit_clear(&out);

    /* A small identity answer has no second form. */
    char small[] = "{}";
    struct cache_answer id = {.body = small, .len = 2, .form = CACHE_IDENTITY, .plain_len = 2,
                              .content_type = ctype};
    cache_put(c, "/i", 2, g, &id);
    cr_assert(cache_get(c, "/i", 2, g, true, &out));
    cr_assert_eq(out.form, CACHE_IDENTITY);
    cr_assert_not(cache_alt_room(c, &out, 1));
    cache_hit_clear(&out);
    cache_stats(c, &st);
    cr_assert_eq(st.alts, 1);
    cache_free(c);
}

Test(cache, a_large_identity_answer_takes_a_gzip_form_for_gzip_clients)
{
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    static char plain[CACHE_PACK_MIN];
    char ctype[] = "application/json";
    struct cache_answer in = {.body = plain, .len = sizeof plain, .form = CACHE_IDENTITY,
                              .plain_len = sizeof plain, .content_type = ctype};
    cache_put(c, "/big", 4, g, &in);
    struct cache_hit out = {0};
    cr_assert(cache_get(c, "/big", 4, g, true, &out));
    cr_assert_eq(out.form, CACHE_IDENTITY, "nothing but the identity bytes yet");
    cr_assert(cache_alt_room(c, &out, 100));
    struct cache_blob *gz = cache_blob_new(3);
    memcpy(cache_blob_data(gz), "GZ!", 3);
    cache_hit_offer(c, &out, gz, CACHE_GZIP);
    cache_hit_body(&out, gz, CACHE_GZIP);
    cache_hit_clear(&out);
    cr_assert(cache_get(c, "/big", 4, g, true, &out));
    cr_assert_eq(out.form, CACHE_GZIP, "the gzip form was kept for the next gzip client");
    cr_assert_eq(memcmp(out.body, "GZ!", 3), 0);
    cache_hit_clear(&out);
    cr_assert(cache_get(c, "/big", 4, g, false, &out));
    cr_assert_eq(out.form, CACHE_IDENTITY);
    cr_assert_eq(out.len, sizeof plain);
    cache_hit_clear(&out);
    cache_free(c);
}

Test(cache, answers_are_kept_unpacked_only_while_half_the_bound_is_free)
{
    size_t bound = 64 * 1024;
    struct cache *c = cache_new(bound);
    uint64_t g = cache_generation(c);
    cr_assert(cache_roomy(c, bound / 2), "an empty cache is roomy up to half its bound");
    cr_assert_not(cache_roomy(c, bound / 2 + 1));
    static char body[8000];
    char ctype[] = "application/json";
    struct cache_answer in = {.body = body, .len = sizeof body, .form = CACHE_IDENTITY,
                              .plain_len = sizeof body, .content_type = ctype};
    int kept = 0;
    for (; kept < 8 && cache_roomy(c, sizeof body); kept++) {
        char key[16];
        int n = snprintf(key, sizeof key, "/u/%d", kept);
        cache_put(c, key, (size_t)n, g, &in);
    }
    cr_assert(kept >= 3 && kept <= 4, "8 KB answers fill half of 64 KiB after 3 or 4: %d", kept);
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_leq(st.bytes + sizeof body, bound / 2 + sizeof body);
    cr_assert_gt(st.bytes + sizeof body, bound / 2, "roomy said no only when it was not");
    /* A new generation makes the old answers stale: room again. */
    cache_bump(c);
    cr_assert(cache_roomy(c, sizeof body));
    cr_assert_not(cache_roomy(NULL, 1), "no cache, no room");
    cache_free(c);
}

Test(cache, second_forms_go_before_any_entry_does)
{
    size_t bound = 64 * 1024;
    struct cache *c = cache_new(bound);
    uint64_t g = cache_generation(c);
    static char gz[500], plain[4000];
    char ctype[] = "application/json";
    struct cache_answer in = gzip_of(gz, sizeof gz, plain, sizeof plain, ctype);
    for (int i = 0; i < 40; i++) {
        char key[16];
        int n = snprintf(key, sizeof key, "/g/%d", i);
        cache_put(c, key, (size_t)n, g, &in);
        struct cache_stats st;
        cache_stats(c, &st);
        cr_assert_leq(st.bytes, bound, "after %d answers", i + 1);
    }
    /* 40 entries of about 0.7 KB fit; all their second forms (160 KB) do not. */
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_eq(st.entries, 40, "no entry was evicted for second forms");
    cr_assert_gt(st.alts, 5);
    cr_assert_lt(st.alts, 16);
    cache_free(c);
}

/* Fills a 64 KiB cache with 40 gzip-only answers /old/0../old/39 that took
 * build_us to make, then looks them all up (warm) or not, lets 400 other
 * lookups pass, and stores one new answer with a second form that does not fit
 * beside them. */
static struct cache *cold_setup(bool warm, uint64_t build_us, struct cache_stats *st)
{
    struct cache *c = cache_new(64 * 1024);
    uint64_t g = cache_generation(c);
    static char gz[1000], plain[20000];
    char ctype[] = "application/json";
    struct cache_answer old = gzip_of(gz, sizeof gz, NULL, sizeof plain, ctype);
    old.build_us = build_us;
    char key[16];
    for (int i = 0; i < 40; i++)
        cache_put(c, key, (size_t)snprintf(key, sizeof key, "/old/%d", i), g, &old);
    struct cache_hit h = {0};
    for (int i = 0; i < 400; i++) {
        int n = warm ? snprintf(key, sizeof key, "/old/%d", i % 40) : snprintf(key, sizeof key, "/none");
        cache_get(c, key, (size_t)n, g, false, &h);
        cache_hit_clear(&h);
    }
    struct cache_answer fresh = gzip_of(gz, sizeof gz, plain, sizeof plain, ctype);
    cache_put(c, "/new", 4, g, &fresh);
    cache_stats(c, st);
    return c;
}

/* The form cold_setup's new answer is found in by a client without gzip. */
static enum cache_form new_form(struct cache *c)
{
    struct cache_hit h = {0};
    cr_assert(cache_get(c, "/new", 4, cache_generation(c), false, &h));
    enum cache_form f = h.form;
    cache_hit_clear(&h);
    return f;
}

Test(cache, entries_nobody_asks_for_make_room_for_second_forms)
{
    struct cache_stats st;
    struct cache *c = cold_setup(false, 100, &st);
    cr_assert_eq(new_form(c), CACHE_LZ4, "the second form was kept, in room taken from cold entries");
    cr_assert_lt(st.entries, 41);
    cr_assert_leq(st.bytes, 64 * 1024);
    cache_free(c);
}

Test(cache, entries_in_use_are_not_evicted_for_second_forms)
{
    struct cache_stats st;
    struct cache *c = cold_setup(true, 100, &st);
    cr_assert_eq(st.entries, 41, "every answer in use stays");
    cr_assert_eq(new_form(c), CACHE_GZIP,
                 "no room for a second form without evicting answers in use");
    cache_free(c);
}

Test(cache, dear_answers_are_not_evicted_for_second_forms)
{
    /* cold, but each took 2 ms to build (a search): an inflate is cheaper */
    struct cache_stats st;
    struct cache *c = cold_setup(false, 2000, &st);
    cr_assert_eq(st.entries, 41, "no answer that was dear to build was evicted");
    cr_assert_eq(new_form(c), CACHE_GZIP,
                 "no room for a second form without evicting dear answers");
    cache_free(c);
}

/* A 1 KB gzip answer that took build_us to make (its bytes are static). */
static struct cache_answer kb_answer(uint64_t build_us)
{
    static char gz[1000];
    static char ctype[] = "application/json";
    struct cache_answer a = gzip_of(gz, sizeof gz, NULL, 0, ctype);
    a.build_us = build_us;
    return a;
}

Test(cache, answers_dear_to_build_outlast_cheap_ones)
{
    struct cache *c = cache_new(64 * 1024);
    uint64_t g = cache_generation(c);
    char key[16];
    struct cache_answer dear = kb_answer(3000); /* a search */
    for (int i = 0; i < 20; i++)
        cache_put(c, key, (size_t)snprintf(key, sizeof key, "/dear/%d", i), g, &dear);
    struct cache_answer cheap = dear;
    cheap.build_us = 100;
    for (int i = 0; i < 200; i++)
        cache_put(c, key, (size_t)snprintf(key, sizeof key, "/cheap/%d", i), g, &cheap);
    int kept = 0;
    struct cache_hit h = {0};
    for (int i = 0; i < 20; i++) {
        kept += cache_get(c, key, (size_t)snprintf(key, sizeof key, "/dear/%d", i), g, true, &h);
        cache_hit_clear(&h);
    }
    struct cache_stats st;
    cache_stats(c, &st);
    cr_assert_lt(st.entries, 100, "about 50 answers of 1 KB fit in 64 KiB: %llu",
                 (unsigned long long)st.entries);
    /* Random eviction alone would keep about a quarter of them (50 of 220). */
    cr_assert_geq(kept, 15, "%d of 20 dear answers kept", kept);
    cache_free(c);
}

/* A client walking its answers in (lookup, miss, store) does not lose them to
 * older answers nobody has asked for since: the benchmark's warm-up walk lost
 * a third of its answers to what its URL collection had stored before. */
Test(cache, fresh_answers_outlast_older_ones_nobody_asks_for)
{
    struct cache *c = cache_new(64 * 1024);
    uint64_t g = cache_generation(c);
    char key[16];
    struct cache_answer a = kb_answer(100);
    struct cache_hit h = {0};
    for (int i = 0; i < 80; i++) /* fills the cache: about 50 fit */
        cache_put(c, key, (size_t)snprintf(key, sizeof key, "/old/%d", i), g, &a);
    for (int i = 0; i < 100; i++) { /* other lookups since: the old ones age */
        cr_assert_not(cache_get(c, key, (size_t)snprintf(key, sizeof key, "/else/%d", i), g,
                                true, &h));
    }
    for (int i = 0; i < 40; i++) { /* a walk: each a miss, then stored */
        size_t n = (size_t)snprintf(key, sizeof key, "/new/%d", i);
        cr_assert_not(cache_get(c, key, n, g, true, &h));
        cache_put(c, key, n, g, &a);
    }
    int kept = 0;
    for (int i = 0; i < 40; i++) {
        kept += cache_get(c, key, (size_t)snprintf(key, sizeof key, "/new/%d", i), g, true, &h);
        cache_hit_clear(&h);
    }
    /* Random eviction alone keeps about two thirds of them. */
    cr_assert_geq(kept, 38, "%d of 40 fresh answers kept", kept);
    cache_free(c);
}

Test(cache, off_means_nothing_is_kept)
{
    cr_assert_null(cache_new(0));
    char body[] = "x", ctype[] = "text/plain";
    struct cache_answer in = answer_of(body, ctype, NULL);
    struct cache_hit out = {0};
    cache_put(NULL, "/a", 2, 0, &in);
    cr_assert_not(cache_get(NULL, "/a", 2, 0, false, &out));
    cache_bump(NULL);
    cache_free(NULL);
}

/* --- the watch (watch.c) -------------------------------------------------- */

/* Stores one small article through w, text varying with n. */
static void watch_write(struct store *w, int n)
{
    struct article a = {0};
    struct buf b = {0};
    buf_printf(&b, "Watched story %d", n);
    a.title = buf_take(&b);
    buf_printf(&b, "Paragraph of watched story %d.", n);
    strv_push(&a.paragraphs, b.data);
    a.body = buf_take(&b);
    a.word_count = 5;
    struct store_insert res;
    cr_assert_eq(store_article_insert(w, &a, &res), STORE_OK);
    cr_assert_not(res.duplicate);
    article_clear(&a);
}

/* The invariant the cache rests on: every commit, and the log restart after
 * a truncating checkpoint, moves the generation before the next check
 * returns; no commit, no move. */
Test(cache, the_watch_sees_every_commit_and_log_restart)
{
    char dir[] = "/tmp/newsd-watch-XXXXXX", path[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/w.db", dir);
    struct store *w = NULL, *r = NULL;
    cr_assert_eq(store_open(path, STORE_CREATE, &w), STORE_OK);
    cr_assert_eq(store_migrate(w, NULL, NULL), STORE_OK);
    cr_assert_eq(store_open(path, STORE_READ_ONLY, &r), STORE_OK);
    cr_assert_eq(store_read_begin(r), STORE_OK); /* a reader maps the -shm, as the server's do */
    store_read_end(r);

    struct cache *c = cache_new(1 << 20);
    struct cache_watch *cw = cache_watch_new(path);
    cr_assert_not_null(cw);
    uint64_t g = cache_generation(c);
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_MOVED, "the first look cannot vouch");
    cr_assert_gt(cache_generation(c), g);
    g = cache_generation(c);
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_SAME);
    cr_assert_eq(cache_generation(c), g, "no commit, no move");

    watch_write(w, 1);
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_MOVED, "a commit");
    cr_assert_gt(cache_generation(c), g);
    g = cache_generation(c);
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_SAME);

    /* newsd ingest's way: a batch, then a checkpoint that truncates the log. */
    cr_assert_eq(store_bulk_mode(w), STORE_OK);
    cr_assert_eq(store_batch_begin(w), STORE_OK);
    watch_write(w, 2);
    cr_assert_eq(store_bulk_finish(w), STORE_OK);
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_MOVED, "a batch and a log restart");
    g = cache_generation(c);
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_SAME);
    watch_write(w, 3); /* the first commit into the restarted log */
    cr_assert_eq(cache_watch_check(cw, c), CACHE_WATCH_MOVED, "a commit after the restart");
    cr_assert_gt(cache_generation(c), g);

    store_close(r);
    store_close(w);
    cache_watch_free(cw); /* after the connections: see cache.h */
    cache_free(c);
    char shm[80], wal[80];
    snprintf(shm, sizeof shm, "%s-shm", path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(shm);
    unlink(wal);
    unlink(path);
    rmdir(dir);
}

Test(cache, no_watch_without_a_file)
{
    cr_assert_null(cache_watch_new("/nonexistent/newsd/w.db"));
    cr_assert_null(cache_watch_new(":memory:"));
    struct cache *c = cache_new(1 << 20);
    uint64_t g = cache_generation(c);
    cr_assert_eq(cache_watch_check(NULL, c), CACHE_WATCH_UNKNOWN);
    cr_assert_eq(cache_generation(c), g);
    cache_free(c);
    cache_watch_free(NULL);
}
