/* cache.c: the response cache (see cache.h). A chained hash table for lookups
 * and a dense array of the same entries for eviction, plus one of the entries
 * that also hold a second form. Eviction is random: a client walking more
 * distinct URLs than fit would make LRU (or CLOCK) miss every time, while
 * random replacement keeps a fair share of them. A second form (see cache.h)
 * is the first thing given up for room. Entries and bodies are
 * reference-counted, so a hit sends the stored bytes without copying them.
 * An entry is one allocation (with its key, strings and stored body), and the
 * bound counts what the allocator gave. */
#include "newsd/cache.h"

#include <malloc.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "newsd/util.h"

/* Answers above this share of the bound are not kept: one export must not
 * empty the cache. */
#define CACHE_MAX_SHARE 4
/* One converted hit in this many may drop another's second form (see
 * cache_alt_room). */
#define CACHE_ALT_SWAP 8
/* An entry not found by the last CACHE_COLD_AGE x (entries held) lookups is
 * cold: a client walking a set of answers that fits finds each of them once
 * per walk, every (entries held) lookups or sooner. Room for second forms is
 * taken from cold entries first. */
#define CACHE_COLD_AGE 4
#define CACHE_COLD_TRIES 4
/* Entries picked at random for each eviction, the cheapest to rebuild going. */
#define CACHE_PICKS 4
/* An answer that took longer than this to build is never cold-evicted: the
 * second form it would make room for saves a conversion (10-30 us a hit),
 * its next miss costs milliseconds (a search: 1-3 ms at 20,000 articles). */
#define CACHE_COLD_MAX_BUILD_US 500
/* cache_entry.slot of an entry that left the table. */
#define CACHE_GONE SIZE_MAX

/* A blob on its own (owner NULL) counts its references; the stored body of
 * an entry lies in the entry's own block (owner set), and its references are
 * the entry's. */
struct cache_blob {
    atomic_uint refs;
    struct cache_entry *owner;
    size_t len;
    char data[];
};

/* Immutable once in the table, but for alt and the slots, which change
 * under the cache's lock. Freed when the last reference goes. One block
 * holds the entry, its key, its strings and its stored body: an entry costs
 * one allocation (and one hole when it goes), not seven, which left the
 * heap full of small holes between bodies. */
struct cache_entry {
    atomic_uint refs;         /* the table's, while in it, and each hit's */
    struct cache_entry *next; /* in its bucket */
    size_t slot;              /* index in cache.all, or CACHE_GONE */
    size_t alt_slot;          /* index in cache.alts, while alt is set */
    uint64_t hash;
    size_t bytes;             /* what it costs against the bound, alt aside */
    size_t alt_bytes;         /* what alt costs against the bound, while set */
    uint64_t last_use;        /* cache.clock when stored or last found */
    struct cache_answer a;    /* a.body lies in body; the strings are in the block */
    struct cache_blob *body;  /* in the block, owner this entry */
    struct cache_blob *alt;   /* the second form (see cache_answer), or NULL */
    enum cache_form alt_form; /* of alt, while set */
    size_t key_len;
    char key[];
};

struct cache {
    pthread_mutex_t lock;
    size_t max_bytes, bytes;
    uint64_t dropped; /* bytes let go so far */
    struct cache_entry **buckets;
    size_t n_buckets; /* a power of two */
    struct cache_entry **all;
    size_t n, cap;
    struct cache_entry **alts; /* the entries holding a second form */
    size_t n_alts, cap_alts;
    uint64_t filled_gen; /* the generation the entries belong to */
    uint64_t clock;      /* lookups so far (under the lock), for cold entries */
    uint64_t rng;
    atomic_uint_fast64_t gen;
    atomic_uint_fast64_t hits, misses;
};

struct cache_blob *cache_blob_new(size_t n)
{
    struct cache_blob *b = malloc(sizeof *b + (n ? n : 1));
    if (!b)
        return NULL;
    atomic_init(&b->refs, 1);
    b->owner = NULL;
    b->len = n;
    return b;
}

/* What a block of malloc'd memory costs: what the allocator gave, and its
 * chunk header (glibc's is one size_t). */
static size_t cache_cost(void *p)
{
    return malloc_usable_size(p) + sizeof(size_t);
}

static void cache_entry_release(struct cache_entry *e);

char *cache_blob_data(struct cache_blob *b)
{
    return b->data;
}

static struct cache_blob *cache_blob_ref(struct cache_blob *b)
{
    atomic_fetch_add(b->owner ? &b->owner->refs : &b->refs, 1);
    return b;
}

void cache_blob_release(void *p)
{
    struct cache_blob *b = p;
    if (b && b->owner)
        cache_entry_release(b->owner);
    else if (b && atomic_fetch_sub(&b->refs, 1) == 1)
        free(b);
}

/* A blob holding a copy of the n bytes at p; NULL on OOM. */
static struct cache_blob *cache_blob_copy(const char *p, size_t n)
{
    struct cache_blob *b = cache_blob_new(n);
    if (b)
        memcpy(b->data, p, n);
    return b;
}

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

static void cache_entry_release(struct cache_entry *e)
{
    if (!e || atomic_fetch_sub(&e->refs, 1) != 1)
        return;
    cache_blob_release(e->alt);
    free(e);
}

/* Drops the second form of the entry in slot i of c->alts (the lock is
 * held); hits that hold it keep it until they are done. */
static void cache_alt_drop(struct cache *c, size_t i)
{
    struct cache_entry *e = c->alts[i];
    c->alts[i] = c->alts[--c->n_alts];
    c->alts[i]->alt_slot = i;
    c->bytes -= e->alt_bytes;
    c->dropped += e->alt_bytes;
    cache_blob_release(e->alt);
    e->alt = NULL;
}

/* Takes e out of the table's array and counts, dropping its second form
 * (the lock is held; the caller unlinks it from its bucket). */
static void cache_entry_leave(struct cache *c, struct cache_entry *e)
{
    if (e->alt)
        cache_alt_drop(c, e->alt_slot);
    c->all[e->slot] = c->all[--c->n];
    c->all[e->slot]->slot = e->slot;
    e->slot = CACHE_GONE;
    c->bytes -= e->bytes;
    c->dropped += e->bytes;
    cache_entry_release(e);
}

/* Drops every entry (the lock is held). */
static void cache_drop_all(struct cache *c)
{
    while (c->n)
        cache_entry_leave(c, c->all[c->n - 1]);
    memset(c->buckets, 0, c->n_buckets * sizeof *c->buckets);
    c->bytes = 0;
}

void cache_free(struct cache *c)
{
    if (!c)
        return;
    cache_drop_all(c);
    free(c->all);
    free(c->alts);
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

/* The bytes of a's strings (content type and headers), NULs included. */
static size_t cache_strings_len(const struct cache_answer *a)
{
    size_t n = a->content_type ? strlen(a->content_type) + 1 : 0;
    for (size_t i = 0; i < a->n_headers; i++)
        n += strlen(a->headers[i].name) + strlen(a->headers[i].value) + 2;
    return n;
}

/* Copies the NUL-terminated s to *at and moves *at past it. */
static char *cache_str_put(char **at, const char *s)
{
    size_t n = strlen(s) + 1;
    char *dst = memcpy(*at, s, n);
    *at += n;
    return dst;
}

/* A new entry (one reference, out of the table) holding a copy of key and of
 * src's metadata and stored body, all in one block; NULL when out of memory. */
static struct cache_entry *cache_entry_new(const char *key, size_t key_len,
                                           const struct cache_answer *src)
{
    size_t at_body = sizeof(struct cache_entry) + key_len + cache_strings_len(src);
    at_body = (at_body + alignof(struct cache_blob) - 1) & ~(alignof(struct cache_blob) - 1);
    struct cache_entry *e = calloc(1, at_body + sizeof(struct cache_blob) + src->len);
    if (!e)
        return NULL;
    atomic_init(&e->refs, 1);
    e->slot = CACHE_GONE;
    e->hash = util_fnv1a(key, key_len, UTIL_FNV_SEED);
    e->key_len = key_len;
    memcpy(e->key, key, key_len);
    e->bytes = cache_cost(e);

    struct cache_answer *dst = &e->a;
    dst->len = src->len;
    dst->form = src->form;
    dst->plain_len = src->plain_len;
    memcpy(dst->etag, src->etag, sizeof dst->etag);
    memcpy(dst->etag_gz, src->etag_gz, sizeof dst->etag_gz);
    char *at = e->key + key_len;
    if (src->content_type)
        dst->content_type = cache_str_put(&at, src->content_type);
    for (size_t i = 0; i < src->n_headers; i++) {
        dst->headers[i].name = cache_str_put(&at, src->headers[i].name);
        dst->headers[i].value = cache_str_put(&at, src->headers[i].value);
    }
    dst->n_headers = src->n_headers;
    dst->build_us = src->build_us;

    e->body = (struct cache_blob *)((char *)e + at_body);
    e->body->owner = e; /* its refs stay unused: references to it are e's */
    e->body->len = src->len;
    memcpy(e->body->data, src->body, src->len);
    dst->body = e->body->data;
    return e;
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

/* Whether f1 and f2 are of the same kind: both gzip, or neither. */
static bool cache_same_kind(enum cache_form f1, enum cache_form f2)
{
    return (f1 == CACHE_GZIP) == (f2 == CACHE_GZIP);
}

bool cache_get(struct cache *c, const char *key, size_t key_len, uint64_t gen, bool want_gzip,
               struct cache_hit *out)
{
    memset(out, 0, sizeof *out);
    if (!c)
        return false;
    uint64_t h = util_fnv1a(key, key_len, UTIL_FNV_SEED);
    struct cache_entry *e = NULL;
    pthread_mutex_lock(&c->lock);
    c->clock++;
    if (c->filled_gen == gen && gen == cache_generation(c))
        e = *cache_find(c, h, key, key_len);
    if (e) {
        e->last_use = c->clock;
        atomic_fetch_add(&e->refs, 1);
        /* The second form when it is the one this client takes. */
        bool alt = e->alt && (e->alt_form == CACHE_GZIP) == want_gzip;
        out->blob = cache_blob_ref(alt ? e->alt : e->body);
        out->form = alt ? e->alt_form : e->a.form;
    }
    pthread_mutex_unlock(&c->lock);
    atomic_fetch_add(e ? &c->hits : &c->misses, 1);
    if (!e)
        return false;
    out->entry = e;
    out->a = &e->a;
    out->body = out->blob->data;
    out->len = out->blob->len;
    return true;
}

void cache_hit_clear(struct cache_hit *h)
{
    if (!h)
        return;
    cache_blob_release(h->blob);
    cache_entry_release(h->entry);
    memset(h, 0, sizeof *h);
}

static size_t cache_random(struct cache *c, size_t n)
{
    /* xorshift64: enough to spread evictions, and no shared global state. */
    c->rng ^= c->rng << 13;
    c->rng ^= c->rng >> 7;
    c->rng ^= c->rng << 17;
    return (size_t)(c->rng % n);
}

static void cache_evict(struct cache *c, size_t i);

/* Room for one more entry pointer in the array *v of *cap, n in use; false
 * when out of memory (the array is unchanged). */
static bool cache_vec_room(struct cache_entry ***v, size_t n, size_t *cap)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 256;
    struct cache_entry **nv = realloc(*v, ncap * sizeof *nv);
    if (!nv)
        return false;
    *v = nv;
    *cap = ncap;
    return true;
}

/* Evicts random cold entries (see CACHE_COLD_AGE), other than keep, while
 * bytes more do not fit, and gives up after CACHE_COLD_TRIES picks that were
 * not cold (the lock is held). Cold entries were not asked for in a long
 * while (a client moved on to other answers), so they make room for second
 * forms at no cost to the answers in use. */
static void cache_evict_cold(struct cache *c, size_t bytes, const struct cache_entry *keep)
{
    int warm = 0;
    while (warm < CACHE_COLD_TRIES && c->n && c->bytes + bytes > c->max_bytes) {
        size_t i = cache_random(c, c->n);
        const struct cache_entry *e = c->all[i];
        if (e != keep && e->a.build_us <= CACHE_COLD_MAX_BUILD_US &&
            c->clock - e->last_use > (uint64_t)CACHE_COLD_AGE * c->n)
            cache_evict(c, i);
        else
            warm++;
    }
}

/* Whether e may have a second form: it is in the table, without one, and
 * compressed or large enough to be. */
static bool cache_alt_wanted(const struct cache_entry *e)
{
    return e->slot != CACHE_GONE && !e->alt &&
           (e->a.form != CACHE_IDENTITY || e->a.plain_len >= CACHE_PACK_MIN);
}

/* Whether e can take a second form of bytes more (the lock is held). */
static bool cache_alt_fits(const struct cache *c, const struct cache_entry *e, size_t bytes)
{
    return cache_alt_wanted(e) && c->bytes + bytes <= c->max_bytes;
}

/* Makes room for a second form of bytes for e (the lock is held): from cold
 * entries, or (drop) by dropping other entries' second forms, chosen at
 * random. Entries in use are never evicted for it: a miss costs queries and
 * JSON, a missing second form only a conversion. */
static bool cache_entry_alt_room(struct cache *c, const struct cache_entry *e, size_t bytes, bool drop)
{
    if (!cache_alt_wanted(e) || bytes > c->max_bytes)
        return false;
    cache_evict_cold(c, bytes, e);
    while (drop && c->n_alts && c->bytes + bytes > c->max_bytes)
        cache_alt_drop(c, cache_random(c, c->n_alts));
    return cache_alt_fits(c, e, bytes);
}

/* Gives e the second form alt, in form (a reference is taken), when it fits
 * and is of the other kind than e's first (the lock is held). */
static void cache_alt_attach(struct cache *c, struct cache_entry *e, struct cache_blob *alt,
                             enum cache_form form)
{
    size_t cost = cache_cost(alt);
    if (cache_same_kind(form, e->a.form) || !cache_alt_fits(c, e, cost) ||
        !cache_vec_room(&c->alts, c->n_alts, &c->cap_alts))
        return;
    e->alt = cache_blob_ref(alt);
    e->alt_form = form;
    e->alt_bytes = cost;
    e->alt_slot = c->n_alts;
    c->alts[c->n_alts++] = e;
    c->bytes += cost;
}

void cache_hit_body(struct cache_hit *h, struct cache_blob *b, enum cache_form form)
{
    cache_blob_release(h->blob);
    h->blob = b;
    h->body = b->data;
    h->len = b->len;
    h->form = form;
}

bool cache_alt_room(struct cache *c, const struct cache_hit *h, size_t bytes)
{
    if (!c || !h->entry)
        return false;
    /* When the bound is full, one converted hit in CACHE_ALT_SWAP takes the
     * place of another entry's second form: often enough to follow a change
     * of what clients ask for, rarely enough that a steady walk over more
     * answers than fit does not trade second forms on every request (that
     * churn, a free and an allocation under the lock, cost a sixth of a list
     * hit's CPU at 100,000 articles). */
    pthread_mutex_lock(&c->lock);
    bool room = cache_entry_alt_room(c, h->entry, bytes, cache_random(c, CACHE_ALT_SWAP) == 0);
    pthread_mutex_unlock(&c->lock);
    return room;
}

void cache_hit_offer(struct cache *c, const struct cache_hit *h, struct cache_blob *b,
                     enum cache_form form)
{
    if (!c || !h->entry || !b || b->owner)
        return; /* an entry's own body is never another's second form */
    pthread_mutex_lock(&c->lock);
    cache_alt_attach(c, h->entry, b, form);
    pthread_mutex_unlock(&c->lock);
}

bool cache_roomy(struct cache *c, size_t bytes)
{
    if (!c)
        return false;
    pthread_mutex_lock(&c->lock);
    /* Entries of an older generation are dropped by the next store. */
    size_t held = c->filled_gen == cache_generation(c) ? c->bytes : 0;
    bool roomy = held + bytes <= c->max_bytes / 2;
    pthread_mutex_unlock(&c->lock);
    return roomy;
}

/* Unlinks the entry in slot i of c->all and lets it go (the lock is held). */
static void cache_evict(struct cache *c, size_t i)
{
    struct cache_entry *e = c->all[i];
    struct cache_entry **p = cache_find(c, e->hash, e->key, e->key_len);
    *p = e->next;
    cache_entry_leave(c, e);
}

/* The slot of a random entry to evict for room: of CACHE_PICKS picked at
 * random, one not looked up or stored within the last (entries held)
 * lookups if there is one, and of those the cheapest to answer again.
 * Still random among answers of one cost and age, so a walk over more of
 * them than fit keeps a fair share (there every entry is that recent, and
 * the rule falls back to cost alone); but an answer that took milliseconds
 * (a search) is rarely given up for one that takes a tenth of that to build
 * again, and a client's fresh answers are not given up for others' older
 * ones that nobody has asked for since (the benchmark's warm-up walk lost a
 * third of its answers to those of the URL collection before it). The lock
 * is held; c->n > 0. */
static size_t cache_victim(struct cache *c)
{
    size_t best = 0;
    bool best_recent = true;
    for (int k = 0; k < CACHE_PICKS; k++) {
        size_t i = cache_random(c, c->n);
        bool recent = c->clock - c->all[i]->last_use < (uint64_t)c->n;
        if (k == 0 || (best_recent && !recent) ||
            (recent == best_recent && c->all[i]->a.build_us < c->all[best]->a.build_us)) {
            best = i;
            best_recent = recent;
        }
    }
    return best;
}

/* Makes room for bytes more (the lock is held): cold entries first (a
 * client moved on from them), then second forms, then entries chosen by
 * cache_victim. Not the least recently used first: for a walk over many more
 * answers than fit, that would miss every time. */
static void cache_make_room(struct cache *c, size_t bytes)
{
    cache_evict_cold(c, bytes, NULL);
    while (c->n_alts && c->bytes + bytes > c->max_bytes)
        cache_alt_drop(c, cache_random(c, c->n_alts));
    while (c->n && c->bytes + bytes > c->max_bytes)
        cache_evict(c, cache_victim(c));
}

/* Adds e to the table for generation gen (the lock is held); false when it
 * was not added (stale, or out of memory). */
static bool cache_insert(struct cache *c, struct cache_entry *e, uint64_t gen)
{
    if (gen != cache_generation(c))
        return false; /* a bump came while the answer was copied: stale already */
    if (c->filled_gen != gen) {
        /* The first answer of a new generation: the old ones are all stale. */
        cache_drop_all(c);
        c->filled_gen = gen;
    }
    struct cache_entry **p = cache_find(c, e->hash, e->key, e->key_len);
    if (*p)
        cache_evict(c, (*p)->slot); /* a racing request stored it first */
    cache_make_room(c, e->bytes);
    if (!cache_vec_room(&c->all, c->n, &c->cap))
        return false;
    p = cache_find(c, e->hash, e->key, e->key_len);
    e->next = NULL;
    e->last_use = c->clock;
    *p = e;
    e->slot = c->n;
    c->all[c->n++] = e;
    c->bytes += e->bytes;
    return true;
}

void cache_put(struct cache *c, const char *key, size_t key_len, uint64_t gen,
               const struct cache_answer *a)
{
    if (!c || gen != cache_generation(c))
        return;
    size_t bytes = sizeof(struct cache_entry) + key_len + cache_strings_len(a) + a->len;
    if (bytes > c->max_bytes / CACHE_MAX_SHARE)
        return;
    struct cache_entry *e = cache_entry_new(key, key_len, a);
    struct cache_blob *alt = NULL;
    bool with_alt = a->alt && !cache_same_kind(a->alt_form, a->form);
    if (!e || (with_alt && !(alt = cache_blob_copy(a->alt, a->alt_len)))) {
        cache_entry_release(e);
        return;
    }
    pthread_mutex_lock(&c->lock);
    bool in = cache_insert(c, e, gen);
    if (in && alt && cache_entry_alt_room(c, e, cache_cost(alt), true))
        cache_alt_attach(c, e, alt, a->alt_form);
    pthread_mutex_unlock(&c->lock);
    if (!in)
        cache_entry_release(e);
    cache_blob_release(alt);
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
    out->alts = c->n_alts;
    out->dropped = c->dropped;
    pthread_mutex_unlock(&c->lock);
}
