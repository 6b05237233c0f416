/* store.h: the SQLite store. One struct store is one connection with its cache
 * of prepared statements; a struct store_pool hands read connections to server
 * threads. Rows come out as the caller-owned structs of model.h. SQLite types
 * never leave server/store/. */
#ifndef NEWSD_STORE_H
#define NEWSD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "newsd/model.h"

struct store;
struct store_pool;

enum store_rc {
    STORE_OK = 0,
    STORE_NOT_FOUND, /* no such row */
    STORE_INVALID,   /* a caller value the store cannot use: a forged cursor */
    STORE_BUSY,      /* locked past the busy timeout */
    STORE_FULL,      /* disk full */
    STORE_IO,        /* an I/O error reading or writing the file */
    STORE_SCHEMA,    /* not migrated, or migrated by a newer newsd */
    STORE_ERR,       /* anything else; the store has logged why */
};

enum store_mode { STORE_READ_ONLY = 0, STORE_READ_WRITE, STORE_CREATE };

/* Sets SQLite's process-wide options; call once, first, before any other
 * thread or store exists. Stores work without it, only slower. */
void store_library_init(void);

/* Opens path (":memory:" works) in WAL mode with foreign keys on. STORE_CREATE
 * creates the file when missing. On failure *out is NULL and the reason was
 * logged. */
enum store_rc store_open(const char *path, enum store_mode mode, struct store **out);
/* Finalizes every cached statement and closes. Accepts NULL. */
void store_close(struct store *s);

/* Bounds the time of the statements run on s from now on: past ms
 * milliseconds they are interrupted and report STORE_BUSY. 0 lifts the bound.
 * The server sets it for each request it answers. */
void store_deadline_set(struct store *s, int ms);

/* Opens a read transaction: every read until store_read_end sees one snapshot
 * of the database (a reader never sees half an article). The server brackets
 * each request with these. */
enum store_rc store_read_begin(struct store *s);
/* Ends it; accepts a store with no transaction open. */
void store_read_end(struct store *s);
/* Inside a read transaction: true when another connection has committed since
 * the last call on this connection (or when that cannot be told), so caches
 * built from older snapshots must go. The first call answers true. */
bool store_read_moved(struct store *s);

/* The schema version this binary's migrations reach. */
int store_schema_latest(void);
/* Applies every migration newer than the database, each in its own transaction,
 * recording it in PRAGMA user_version. *from and *to (optional) tell the versions
 * before and after. STORE_SCHEMA when the database is newer than this binary. */
enum store_rc store_migrate(struct store *s, int *from, int *to);
/* STORE_OK when the database is at exactly store_schema_latest(). */
enum store_rc store_schema_check(struct store *s);

/* --- writes ------------------------------------------------------------------ */

struct store_insert {
    int64_t id;     /* the stored (or already present) article */
    bool duplicate; /* same content hash or url was already stored */
};

/* Stores one extracted article with its authors, paragraphs, entities (merged
 * into existing ones by type and name), mentions and quotes, in one BEGIN
 * IMMEDIATE transaction: all of it or none of it. a->ingested_at is set when
 * NULL. A duplicate stores nothing and reports the existing id. */
enum store_rc store_article_insert(struct store *s, struct article *a, struct store_insert *out);

/* What storing an article works out from the article alone (its content
 * hash and the group key of each quote), made ahead on any thread so that
 * the one thread that writes does less: newsd ingest's extraction workers
 * make it. store_article_prep fills *p (STORE_ERR: out of memory, *p is then
 * empty); store_prep_clear frees it and accepts an empty or cleared one. */
struct store_prep {
    char hash[33];
    unsigned char *quote_keys; /* 16 bytes per quote */
    size_t n_quotes;
};
enum store_rc store_article_prep(const struct article *a, struct store_prep *p);
void store_prep_clear(struct store_prep *p);
/* store_article_insert with prep made by store_article_prep from the same
 * article, unchanged since (prep borrowed; NULL: as store_article_insert). */
enum store_rc store_article_insert_prep(struct store *s, struct article *a,
                                        const struct store_prep *prep, struct store_insert *out);

/* Bulk loading (newsd ingest): one transaction around many articles,
 * committed every few thousand articles (store_batch_size). Bulk mode trades
 * the fsync of every commit (synchronous=NORMAL, still consistent in WAL
 * mode) for speed; a re-run finds what a crash lost, as duplicates count once.
 *
 * Inside a batch store_article_insert keeps its contract (a failed article
 * leaves exactly itself out) by rolling the batch back and writing its
 * earlier articles again, so each article given to it stays borrowed, alive
 * and unchanged, until store_batch_commit returns. The batch's full-text rows and
 * entity and quote-group counters are written by store_batch_commit; until
 * then nothing of the batch is visible to other connections anyway. When
 * store_batch_commit fails (or SQLite had to roll the batch back) none of the
 * batch's articles is stored: the caller counts them as failed.
 * store_bulk_finish commits and checkpoints the WAL into the database file. */
enum store_rc store_bulk_mode(struct store *s);
enum store_rc store_batch_begin(struct store *s);
enum store_rc store_batch_commit(struct store *s);
enum store_rc store_bulk_finish(struct store *s);
/* Before a bulk load into a database with no article: drops the indexes only
 * reads use, recording them in deferred_indexes in the same transaction
 * (*deferred true), for store_indexes_restore to build in one sort each at
 * store_bulk_finish. A database holding articles is left as it is. */
enum store_rc store_bulk_defer_indexes(struct store *s, bool *deferred);
/* Builds each index deferred_indexes names, each in a transaction of its own
 * with the removal of its row (a row that is not exactly "CREATE INDEX <its
 * name> ON ..." is refused and kept). STORE_OK at once when it is empty, else
 * the first failure, the others still tried. store_migrate calls it before
 * any later migration with wait false: a busy database (a load running) is
 * left to that load at once. */
enum store_rc store_indexes_restore(struct store *s, bool wait);
/* How many articles the open batch should take before store_batch_commit:
 * from 1,024 in a small database to 8,192 from 32,768 articles on (fewer
 * commits the more pages each one writes; db.c). */
size_t store_batch_size(const struct store *s);
/* Caps this connection's page cache at bytes (SQLite takes pages as it reads
 * them, up to that): newsd ingest's NEWSD_INGEST_CACHE_MB. */
enum store_rc store_cache_limit(struct store *s, size_t bytes);

/* Removes article id with its paragraphs, authors, mentions and quotes, takes
 * its counts off the entities, and removes entities that nothing mentions or
 * quotes any more; one BEGIN IMMEDIATE transaction. STORE_NOT_FOUND for an
 * unknown id. */
enum store_rc store_article_delete(struct store *s, int64_t id);

/* Translates a search box query (words, "phrases", OR, -word, prefix*) into an
 * FTS5 expression in *out (caller frees). STORE_INVALID with a client-safe *why
 * for an unusable q (unclosed phrase, dangling OR, only excluded words, over 256
 * bytes or 16 terms). */
enum store_rc store_fts_parse(const char *q, char **out, const char **why);

/* --- reads ------------------------------------------------------------------- */

/* Paging metadata of a list: next_cursor is NULL on the last page (owned). */
struct store_meta {
    int limit;
    int64_t total;
    char *next_cursor;
};

struct article_query {
    int limit;
    const char *cursor;  /* borrowed; NULL for the first page */
    int64_t entity_id;   /* 0: any */
    int64_t speaker_id;  /* 0: any */
    const char *section; /* borrowed; NULL: any */
    const char *author;
    const char *from; /* ISO 8601 date or date-time, inclusive */
    const char *to;
    bool oldest_first; /* sort=published_at */
    const char *fts;   /* FTS5 expression from store_fts_parse; NULL: no search */
    bool by_relevance; /* sort=relevance (needs fts): best match first */
};

struct article_page {
    struct article *items; /* summaries: no body, paragraphs, quotes, entities */
    size_t n;
    struct store_meta meta;
};

struct quote_query {
    int limit;
    const char *cursor;
    int64_t article_id; /* 0: any; set: article order by position */
    int64_t speaker_id;
    const char *from;
    const char *to;
    const char *fts; /* FTS5 expression over the quote text; NULL: none */
};

struct quote_group_page {
    struct quote_group *items;
    size_t n;
    struct store_meta meta;
};

struct quote_page {
    struct quote *items;
    size_t n;
    struct store_meta meta;
};

enum entity_sort { ENTITY_SORT_MENTIONS = 0, ENTITY_SORT_NAME };

struct entity_query {
    int limit;
    const char *cursor;
    int type;           /* enum entity_type, or -1: any */
    const char *prefix; /* case-insensitive name/alias prefix; NULL: any */
    enum entity_sort sort;
    int64_t article_id; /* set: this article's entities, most mentioned first */
};

struct entity_page {
    struct entity *items;
    size_t n;
    struct store_meta meta;
};

/* Reads one article in full (paragraphs, body, quotes, entities with mentions)
 * into out (zeroed on entry, caller clears). STORE_NOT_FOUND for an unknown id. */
enum store_rc store_article_get(struct store *s, int64_t id, struct article *out);
/* True-ish existence check used for sub-resource 404s. */
enum store_rc store_article_exists(struct store *s, int64_t id);
/* Lists article summaries, newest first (or oldest with oldest_first).
 * STORE_INVALID for a cursor this list did not make. */
enum store_rc store_articles_list(struct store *s, const struct article_query *q,
                                  struct article_page *out);

/* Lists distinct quotations, the most recently seen first, each with its
 * occurrences and article ids. cursor as for the other lists. */
enum store_rc store_quote_groups_list(struct store *s, int limit, const char *cursor,
                                      struct quote_group_page *out);
void quote_group_page_clear(struct quote_group_page *p);

/* One quote with its speaker; its article summary goes to article (optional). */
enum store_rc store_quote_get(struct store *s, int64_t id, struct quote *out,
                              struct article *article);
/* Lists quotes, newest article first, then by position in the article. */
enum store_rc store_quotes_list(struct store *s, const struct quote_query *q,
                                struct quote_page *out);

/* One entity with its aliases, titles and counts. */
enum store_rc store_entity_get(struct store *s, int64_t id, struct entity *out);
enum store_rc store_entity_exists(struct store *s, int64_t id);
/* Lists entities, most mentioned first (or by name). */
enum store_rc store_entities_list(struct store *s, const struct entity_query *q,
                                  struct entity_page *out);

/* Counts the rows of the three main tables (for /metrics). */
enum store_rc store_stats(struct store *s, int64_t *articles, int64_t *quotes, int64_t *entities);

void article_page_clear(struct article_page *p);
void quote_page_clear(struct quote_page *p);
void entity_page_clear(struct entity_page *p);

/* --- pool of read connections for the server --------------------------------- */

/* Opens n read-only connections to path. */
enum store_rc store_pool_open(const char *path, int n, struct store_pool **out);
/* Borrows a connection, waiting while all are in use. Never NULL. */
struct store *store_pool_acquire(struct store_pool *p);
void store_pool_release(struct store_pool *p, struct store *s);
/* Closes every connection; none may be borrowed. Accepts NULL. */
void store_pool_close(struct store_pool *p);

#endif
