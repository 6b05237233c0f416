/* cache.h: the response cache. Finished 200 answers of read routes are kept by
 * request key (path, parameters, Accept) and database generation, so a
 * repeated request costs a lookup instead of queries and JSON.
 * Bounded in bytes; the generation moves whenever any connection commits, which
 * makes every older entry dead at once. Thread-safe. */
#ifndef NEWSD_CACHE_H
#define NEWSD_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CACHE_MAX_HEADERS 4
#define CACHE_ETAG_MAX 40
/* Answers shorter than this are not worth compressing: they are kept and
 * sent as their identity bytes only, and take no second form. */
#define CACHE_PACK_MIN 1024

/* The form stored bytes are in. An answer is kept as its identity bytes
 * while the cache is roomy (cache_roomy), else compressed: gzip for a first
 * client that takes it, which is sent as it is, or an LZ4 block for one that
 * does not (curl and most HTTP libraries), which unpacks five times faster
 * than gzip inflates, in 1.4 times gzip's room. A client of the other kind
 * (gzip or not) gets the other form made for it, and kept beside the first
 * while there is room. */
enum cache_form {
    CACHE_IDENTITY, /* the bytes themselves */
    CACHE_GZIP,     /* gzip, sent as it is to clients that take it */
    CACHE_LZ4,      /* one LZ4 block of the identity bytes */
};

/* An answer to store, as cache_put takes it: every string is borrowed and
 * copied. */
struct cache_answer {
    const char *body;
    size_t len;
    enum cache_form form; /* of body */
    size_t plain_len;     /* the identity length */
    /* Optionally, a second form of the body, of the other kind (gzip when
     * body is not, and back); ignored when of the same kind. */
    const char *alt;
    size_t alt_len;
    enum cache_form alt_form;
    char etag[CACHE_ETAG_MAX];    /* of the identity bytes */
    char etag_gz[CACHE_ETAG_MAX]; /* of the gzip bytes, when compressed */
    char *content_type;
    struct {
        char *name;
        char *value;
    } headers[CACHE_MAX_HEADERS];
    size_t n_headers;
    uint64_t build_us; /* what the miss took to answer: dear answers are not cold-evicted */
};

/* Stored bytes, reference-counted: a hit sends them without a copy, and they
 * live until the last holder lets go, evicted or not. */
struct cache_blob;
/* A blob of n bytes for the caller to fill (one reference), NULL on OOM. */
struct cache_blob *cache_blob_new(size_t n);
char *cache_blob_data(struct cache_blob *b);
/* Drops one reference; the last frees. Accepts NULL. Its signature is a
 * libmicrohttpd free callback's, so a response can hold a reference. */
void cache_blob_release(void *b);

struct cache;
struct cache_entry;

/* A stored answer handed out by cache_get, read-only, valid until
 * cache_hit_clear even when evicted or out of date meanwhile. */
struct cache_hit {
    const struct cache_answer *a; /* the entry's etags, content type and headers */
    char *body;                   /* the bytes to send, inside blob */
    size_t len;
    enum cache_form form;         /* of body */
    struct cache_blob *blob;      /* a reference; taken by whoever sends body */
    struct cache_entry *entry;    /* a reference, for a */
};

/* A cache holding at most max_bytes of answers, counted as the allocator
 * gives them (malloc_usable_size plus the chunk header): key, strings and
 * bodies; NULL when max_bytes is 0 (the cache is off: every other function
 * accepts NULL and does nothing). Bodies still being sent after their entry
 * left are not counted. */
struct cache *cache_new(size_t max_bytes);
void cache_free(struct cache *c);

/* The current generation; an answer is stored and found under one. */
uint64_t cache_generation(struct cache *c);
/* Moves to a new generation: everything stored so far is stale. */
void cache_bump(struct cache *c);

/* Finds the answer stored under key for generation gen; false on a miss. The
 * body is in the form the client takes (gzip when want_gzip, else identity
 * or LZ4) when the entry holds one, else in the entry's first form. *out is the caller's,
 * released with cache_hit_clear. */
bool cache_get(struct cache *c, const char *key, size_t key_len, uint64_t gen, bool want_gzip,
               struct cache_hit *out);
/* Makes b (taken: bytes in the given form, converted from the found ones)
 * the body of h. */
void cache_hit_body(struct cache_hit *h, struct cache_blob *b, enum cache_form form);
/* Whether a second form of about bytes would be kept for h's entry, making
 * room for it when it can: from cold entries (not found for a long while),
 * or, one time in eight, by dropping other entries' second forms; entries
 * in use are never evicted for it. Asked before making one, which costs
 * more than a hit. */
bool cache_alt_room(struct cache *c, const struct cache_hit *h, size_t bytes);
/* Offers b, bytes in the given form (of the other kind than the entry's
 * first), to h's entry as its second form, which keeps a reference to it
 * when it fits. b stays the caller's. */
void cache_hit_offer(struct cache *c, const struct cache_hit *h, struct cache_blob *b,
                     enum cache_form form);
/* Whether an answer of bytes more would leave c at most half full: then it is
 * worth keeping as its identity bytes, which a client without gzip is sent
 * without unpacking (about a sixth less CPU a hit), rather than packed; the other
 * half is left for the packed answers that come once it fills, which hold
 * three times as many. */
bool cache_roomy(struct cache *c, size_t bytes);
/* Releases the references of h; accepts a zeroed or cleared hit. */
void cache_hit_clear(struct cache_hit *h);

/* Stores a copy of a under key for generation gen, evicting others to stay
 * within the byte bound. The second form of a compressed answer (a->alt) is
 * kept beside it while there is room: it saves a conversion on every hit of
 * a client of the other kind, and is the first thing dropped when room is
 * needed. Nothing happens when gen is no longer current or the answer is
 * larger than a quarter of the bound. */
void cache_put(struct cache *c, const char *key, size_t key_len, uint64_t gen,
               const struct cache_answer *a);

/* A watch on the database for commits by any process (this one included),
 * cheap enough for every request: a read of the WAL-index header in the
 * database's -shm file, which SQLite rewrites on every commit in WAL mode
 * (from a shared mapping of the file's first page, or pread before the file
 * is that long).
 * NULL when db_path has no real path on disk. Thread-safe. Free it only after
 * every database connection of the process is closed: closing its descriptor
 * drops the process's POSIX locks on the -shm file, SQLite's included. */
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

/* Counters for /metrics. alts: entries that also hold a second form.
 * dropped: bytes let go so far (evictions, second forms given up, stale
 * generations); the daemon hands free heap pages back after it moves. */
struct cache_stats {
    uint64_t hits, misses, entries, bytes, alts, dropped;
};
void cache_stats(struct cache *c, struct cache_stats *out);

#endif
