/* cache.c: the response cache (see cache.h). A chained hash table for lookups
 * and a dense array of the same entries for eviction. Eviction is random: a
 * client walking more distinct URLs than fit would make LRU (or CLOCK) miss
 * every time, while random replacement keeps a fair share of them. */
#include "newsd/cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "newsd/util.h"

/* Answers above this share of the bound are not kept: one export must not
 * empty the cache. */
#define CACHE_MAX_SHARE 4

struct cache_entry {
    struct cache_entry *next; /* in its bucket */
    size_t slot;              /* index in cache.all */
    uint64_t hash;
    size_t bytes; /* what it costs against the bound */
    struct cache_answer a;
    size_t key_len;
    char key[];
};

struct cache {
    pthread_mutex_t lock;
    size_t max_bytes, bytes;
    struct cache_entry **buckets;
    size_t n_buckets; /* a power of two */
    struct cache_entry **all;
    size_t n, cap;
    uint64_t filled_gen; /* the generation the entries belong to */
    uint64_t rng;
    atomic_uint_fast64_t gen;
    atomic_uint_fast64_t hits, misses;
};

struct cache *cache_new(size_t max_bytes)
{
    if (max_bytes == 0)
        return NULL;
    struct cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    /* About one bucket per 4 KiB of answers, at least 256. */
    c->n_buckets = 256;
    while (c->n_buckets < max_bytes / 4096 && c->n_buckets < ((size_t)1 << 24))
        c->n_buckets <<= 1;
    if (!(c->buckets = calloc(c->n_buckets, sizeof *c->buckets))) {
        free(c);
        return NULL;
    }
    pthread_mutex_init(&c->lock, NULL);
    c->max_bytes = max_bytes;
    c->rng = 0x9e3779b97f4a7c15ULL;
    atomic_init(&c->gen, 1);
    atomic_init(&c->hits, 0);
    atomic_init(&c->misses, 0);
    return c;
}

void cache_answer_clear(struct cache_answer *a)
{
    if (!a)
        return;
    free(a->body);
    free(a->content_type);
    for (size_t i = 0; i < a->n_headers; i++) {
        free(a->headers[i].name);
        free(a->headers[i].value);
    }
    memset(a, 0, sizeof *a);
}

static void cache_entry_free(struct cache_entry *e)
{
    cache_answer_clear(&e->a);
    free(e);
}

/* Drops every entry (the lock is held). */
static void cache_drop_all(struct cache *c)
{
    for (size_t i = 0; i < c->n; i++)
        cache_entry_free(c->all[i]);
    memset(c->buckets, 0, c->n_buckets * sizeof *c->buckets);
    c->n = 0;
    c->bytes = 0;
}

void cache_free(struct cache *c)
{
    if (!c)
        return;
    cache_drop_all(c);
    free(c->all);
    free(c->buckets);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

uint64_t cache_generation(struct cache *c)
{
    return c ? atomic_load(&c->gen) : 0;
}

void cache_bump(struct cache *c)
{
    if (c)
        atomic_fetch_add(&c->gen, 1);
}

/* A deep copy of src into dst; false (dst cleared) when out of memory. */
static bool cache_answer_copy(struct cache_answer *dst, const struct cache_answer *src)
{
    memset(dst, 0, sizeof *dst);
    dst->len = src->len;
    dst->gzip = src->gzip;
    dst->plain_len = src->plain_len;
    memcpy(dst->etag, src->etag, sizeof dst->etag);
    memcpy(dst->etag_gz, src->etag_gz, sizeof dst->etag_gz);
    bool ok = (dst->body = malloc(src->len ? src->len : 1)) != NULL;
    if (ok)
        memcpy(dst->body, src->body, src->len);
    if (ok && src->content_type)
        ok = (dst->content_type = util_strdup(src->content_type)) != NULL;
    for (size_t i = 0; ok && i < src->n_headers; i++) {
        dst->headers[i].name = util_strdup(src->headers[i].name);
        dst->headers[i].value = util_strdup(src->headers[i].value);
        dst->n_headers = i + 1;
        ok = dst->headers[i].name && dst->headers[i].value;
    }
    if (!ok)
        cache_answer_clear(dst);
    return ok;
}

/* The bucket chain link that points at key's entry (or at the NULL ending
 * the chain when it is absent). The lock is held. */
static struct cache_entry **cache_find(struct cache *c, uint64_t h, const char *key,
                                       size_t key_len)
{
    struct cache_entry **p = &c->buckets[h & (c->n_buckets - 1)];
    while (*p && !((*p)->hash == h && (*p)->key_len == key_len &&
                   memcmp((*p)->key, key, key_len) == 0))
        p = &(*p)->next;
    return p;
}

bool cache_get(struct cache *c, const char *key, size_t key_len, uint64_t gen,
               struct cache_answer *out)
{
    if (!c)
        return false;
    uint64_t h = util_fnv1a(key, key_len, UTIL_FNV_SEED);
    bool hit = false;
    pthread_mutex_lock(&c->lock);
    if (c->filled_gen == gen && gen == cache_generation(c)) {
        struct cache_entry *e = *cache_find(c, h, key, key_len);
        hit = e && cache_answer_copy(out, &e->a);
    }
    pthread_mutex_unlock(&c->lock);
    atomic_fetch_add(hit ? &c->hits : &c->misses, 1);
    return hit;
}

/* Unlinks and frees the entry in slot i of c->all (the lock is held). */
static void cache_evict(struct cache *c, size_t i)
{
    struct cache_entry *e = c->all[i];
    struct cache_entry **p = cache_find(c, e->hash, e->key, e->key_len);
    *p = e->next;
    c->all[i] = c->all[--c->n];
    c->all[i]->slot = i;
    c->bytes -= e->bytes;
    cache_entry_free(e);
}

static size_t cache_random(struct cache *c, size_t n)
{
    /* xorshift64: enough to spread evictions, and no shared global state. */
    c->rng ^= c->rng << 13;
    c->rng ^= c->rng >> 7;
    c->rng ^= c->rng << 17;
    return (size_t)(c->rng % n);
}

static size_t cache_answer_bytes(const struct cache_answer *a)
{
    size_t n = a->len + (a->content_type ? strlen(a->content_type) + 1 : 0);
    for (size_t i = 0; i < a->n_headers; i++)
        n += strlen(a->headers[i].name) + strlen(a->headers[i].value) + 2;
    return n;
}

void cache_put(struct cache *c, const char *key, size_t key_len, uint64_t gen,
               const struct cache_answer *a)
{
    if (!c || gen != cache_generation(c))
        return;
    size_t bytes = sizeof(struct cache_entry) + key_len + cache_answer_bytes(a);
    if (bytes > c->max_bytes / CACHE_MAX_SHARE)
        return;
    struct cache_entry *e = malloc(sizeof *e + key_len);
    if (!e)
        return;
    if (!cache_answer_copy(&e->a, a)) {
        free(e);
        return;
    }
    e->hash = util_fnv1a(key, key_len, UTIL_FNV_SEED);
    e->key_len = key_len;
    e->bytes = bytes;
    memcpy(e->key, key, key_len);

    pthread_mutex_lock(&c->lock);
    if (gen != cache_generation(c)) {
        /* A bump came while this answer was copied: it is stale already, and
         * storing it would drop the new generation's entries. */
        pthread_mutex_unlock(&c->lock);
        cache_entry_free(e);
        return;
    }
    if (c->filled_gen != gen) {
        /* The first answer of a new generation: the old ones are all stale. */
        cache_drop_all(c);
        c->filled_gen = gen;
    }
    struct cache_entry **p = cache_find(c, e->hash, key, key_len);
    if (*p)
        cache_evict(c, (*p)->slot); /* a racing request stored it first */
    while (c->n && c->bytes + bytes > c->max_bytes)
        cache_evict(c, cache_random(c, c->n));
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 256;
        struct cache_entry **v = realloc(c->all, ncap * sizeof *v);
        if (!v) {
            pthread_mutex_unlock(&c->lock);
            cache_entry_free(e);
            return;
        }
        c->all = v;
        c->cap = ncap;
    }
    p = cache_find(c, e->hash, key, key_len);
    e->next = NULL;
    *p = e;
    e->slot = c->n;
    c->all[c->n++] = e;
    c->bytes += bytes;
    pthread_mutex_unlock(&c->lock);
}

void cache_stats(struct cache *c, struct cache_stats *out)
{
    memset(out, 0, sizeof *out);
    if (!c)
        return;
    out->hits = atomic_load(&c->hits);
    out->misses = atomic_load(&c->misses);
    pthread_mutex_lock(&c->lock);
    out->entries = c->n;
    out->bytes = c->bytes;
    pthread_mutex_unlock(&c->lock);
}
