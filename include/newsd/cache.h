/* cache.h: the response cache. Finished 200 answers of read routes are kept by
 * request key (path, parameters, Accept, gzip or not) and database generation,
 * so a repeated request costs a lookup and a copy instead of queries and JSON.
 * Bounded in bytes; the generation moves whenever any connection commits, which
 * makes every older entry dead at once. Thread-safe. */
#ifndef NEWSD_CACHE_H
#define NEWSD_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CACHE_MAX_HEADERS 4
#define CACHE_ETAG_MAX 40

/* One stored answer. Strings are owned by the struct (or borrowed when it is
 * handed out by cache_get: see there). */
struct cache_answer {
    char *body;
    size_t len;
    bool gzip;        /* body is gzip: the daemon inflates it for other clients */
    size_t plain_len; /* the identity length */
    char etag[CACHE_ETAG_MAX];    /* of the identity bytes */
    char etag_gz[CACHE_ETAG_MAX]; /* of the gzip bytes, when gzip */
    char *content_type;
    struct {
        char *name;
        char *value;
    } headers[CACHE_MAX_HEADERS];
    size_t n_headers;
};

struct cache;

/* A cache holding at most max_bytes of answers; NULL when max_bytes is 0
 * (the cache is off: every other function accepts NULL and does nothing). */
struct cache *cache_new(size_t max_bytes);
void cache_free(struct cache *c);

/* The current generation; an answer is stored and found under one. */
uint64_t cache_generation(struct cache *c);
/* Moves to a new generation: everything stored so far is stale. */
void cache_bump(struct cache *c);

/* Copies the answer stored under key for generation gen into *out (owned by
 * the caller, freed with cache_answer_clear). False on a miss. */
bool cache_get(struct cache *c, const char *key, size_t key_len, uint64_t gen,
               struct cache_answer *out);
/* Stores a copy of a under key for generation gen, evicting others to stay
 * within the byte bound. Nothing happens when gen is no longer current or the
 * answer is larger than a quarter of the bound. */
void cache_put(struct cache *c, const char *key, size_t key_len, uint64_t gen,
               const struct cache_answer *a);

void cache_answer_clear(struct cache_answer *a);

/* A watch on the database for commits by any process (this one included),
 * cheap enough for every request: one pread of the WAL-index header in the
 * database's -shm file, which SQLite rewrites on every commit in WAL mode.
 * NULL when db_path has no real path on disk. Thread-safe. */
struct cache_watch;
struct cache_watch *cache_watch_new(const char *db_path);
void cache_watch_free(struct cache_watch *w);

enum cache_watch_rc {
    CACHE_WATCH_SAME,    /* no commit since the last check */
    CACHE_WATCH_MOVED,   /* a commit (or a log restart): c's generation was moved */
    CACHE_WATCH_UNKNOWN, /* cannot tell (no WAL, no -shm yet, w NULL): ask the database */
};
/* Compares the header with the last one seen and moves c's generation when it
 * changed, before the new header counts as seen: a caller that reads the
 * generation after a SAME or MOVED answer gets one no older than every commit
 * completed before the check. */
enum cache_watch_rc cache_watch_check(struct cache_watch *w, struct cache *c);

/* Counters for /metrics. */
struct cache_stats {
    uint64_t hits, misses, entries, bytes;
};
void cache_stats(struct cache *c, struct cache_stats *out);

#endif
