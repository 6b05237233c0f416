/* test_cache.c: the response cache on its own: hits copy what was stored,
 * a new generation hides everything older, the byte bound holds, and keys
 * match exactly (a key that is a prefix of another is another key). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "newsd/cache.h"

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
    struct cache_answer in = answer_of(body, ctype, total), out = {0};
    cr_assert_not(cache_get(c, "/a", 2, g, &out), "empty cache");
    cache_put(c, "/a", 2, g, &in);
    body[0] = 'X'; /* the cache kept its own copy */
    cr_assert(cache_get(c, "/a", 2, g, &out));
    cr_assert_eq(out.len, in.len);
    cr_assert_eq(memcmp(out.body, "{\"data\":[1,2,3]}", out.len), 0);
    cr_assert_str_eq(out.content_type, "application/json");
    cr_assert_str_eq(out.etag, in.etag);
    cr_assert_eq(out.n_headers, 1);
    cr_assert_str_eq(out.headers[0].name, "X-Total-Count");
    cr_assert_str_eq(out.headers[0].value, "3");
    cache_answer_clear(&out);

    struct cache_answer miss = {0};
    cr_assert_not(cache_get(c, "/", 1, g, &miss), "a prefix of a key is another key");
    cr_assert_not(cache_get(c, "/ab", 3, g, &miss), "a longer key is another key");
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
    struct cache_answer in = answer_of(body, ctype, NULL), out = {0};
    cache_put(c, "/k", 2, g, &in);
    cache_bump(c);
    uint64_t g2 = cache_generation(c);
    cr_assert_neq(g, g2);
    cr_assert_not(cache_get(c, "/k", 2, g2, &out), "stored before the bump");
    /* A request that began before the bump cannot store into the new one. */
    cache_put(c, "/k", 2, g, &in);
    cr_assert_not(cache_get(c, "/k", 2, g2, &out));
    cr_assert_not(cache_get(c, "/k", 2, g, &out), "an old generation is never served");
    char fresh[] = "new";
    struct cache_answer in2 = answer_of(fresh, ctype, NULL);
    cache_put(c, "/k", 2, g2, &in2);
    cr_assert(cache_get(c, "/k", 2, g2, &out));
    cr_assert_eq(memcmp(out.body, "new", 3), 0);
    cache_answer_clear(&out);
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
        struct cache_answer out = {0};
        int n = snprintf(key, sizeof key, "/a/%d", i);
        if (cache_get(c, key, (size_t)n, g, &out))
            found++;
        cache_answer_clear(&out);
    }
    /* About 29 answers of 2 KB fit in 64 KiB: the cache is full, not empty. */
    cr_assert_geq(found, 20);
    cr_assert_leq(found, 32);

    static char big[20000];
    memset(big, 'y', sizeof big - 1);
    struct cache_answer huge = answer_of(big, ctype, NULL), out = {0};
    cache_put(c, "/big", 4, g, &huge);
    cr_assert_not(cache_get(c, "/big", 4, g, &out), "over a quarter of the bound");
    cache_free(c);
}

Test(cache, off_means_nothing_is_kept)
{
    cr_assert_null(cache_new(0));
    char body[] = "x", ctype[] = "text/plain";
    struct cache_answer in = answer_of(body, ctype, NULL), out = {0};
    cache_put(NULL, "/a", 2, 0, &in);
    cr_assert_not(cache_get(NULL, "/a", 2, 0, &out));
    cache_bump(NULL);
    cache_free(NULL);
}
