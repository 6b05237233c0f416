/* db.c: opening a connection (pragmas, WAL), the per-connection statement
 * cache, error translation, migrations and the pool of read connections. The
 * resource files (articles.c, quotes.c, entities.c) hold their own SQL. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsd/embedded.h"
#include "newsd/log.h"
#include "store_internal.h"

/* Busy timeout: a reader never waits on a writer in WAL mode, but two writers
 * (server and a CLI ingest) queue on the write lock for this long. */
#define STORE_BUSY_MS 5000

/* The schema version from which deferred_indexes exists (0008). */
#define STORE_SCHEMA_DEFERRED 8

static const char *const stmt_names[STMT__COUNT] = {
    [STMT_BEGIN] = "begin",
    [STMT_COMMIT] = "commit",
    [STMT_ARTICLE_FIND_DUP] = "article_find_dup",
    [STMT_ARTICLE_INSERT] = "article_insert",
    [STMT_PARAGRAPH_INSERT] = "paragraph_insert",
    [STMT_AUTHOR_INSERT] = "author_insert",
    [STMT_ENTITY_FIND] = "entity_find",
    [STMT_ENTITY_INSERT] = "entity_insert",
    [STMT_ENTITY_COUNT] = "entity_count",
    [STMT_ALIAS_INSERT] = "alias_insert",
    [STMT_TITLE_INSERT] = "title_insert",
    [STMT_NAME_INSERT] = "name_insert",
    [STMT_MENTION_INSERT] = "mention_insert",
    [STMT_QUOTE_INSERT] = "quote_insert",
    [STMT_ARTICLE_FTS_INSERT] = "article_fts_insert",
    [STMT_QUOTES_FTS_INSERT] = "quotes_fts_insert",
    [STMT_BATCH_ARTICLES_FTS] = "batch_articles_fts",
    [STMT_BATCH_QUOTES_FTS] = "batch_quotes_fts",
    [STMT_BATCH_MAX_IDS] = "batch_max_ids",
    [STMT_BATCH_DATA_VERSION] = "batch_data_version",
    [STMT_GROUP_FIND] = "group_find",
    [STMT_GROUP_INSERT] = "group_insert",
    [STMT_GROUP_COUNT] = "group_count",
    [STMT_ARTICLE_GET] = "article_get",
    [STMT_ARTICLE_EXISTS] = "article_exists",
    [STMT_ARTICLE_PARAGRAPHS] = "article_paragraphs",
    [STMT_ARTICLE_AUTHORS] = "article_authors",
    [STMT_ARTICLE_QUOTES_ALL] = "article_quotes_all",
    [STMT_ARTICLE_ENTITIES_ALL] = "article_entities_all",
    [STMT_ENTITY_GET] = "entity_get",
    [STMT_ENTITY_EXISTS] = "entity_exists",
    [STMT_ENTITY_ALIASES] = "entity_aliases",
    [STMT_ENTITY_TITLES] = "entity_titles",
    [STMT_QUOTE_GET] = "quote_get",
    [STMT_DELETE_UNCOUNT_MENTIONS] = "delete_uncount_mentions",
    [STMT_DELETE_UNCOUNT_QUOTES] = "delete_uncount_quotes",
    [STMT_DELETE_ORPHANS] = "delete_orphans",
    [STMT_DELETE_UNCOUNT_GROUPS] = "delete_uncount_groups",
    [STMT_DELETE_RESEEN_GROUPS] = "delete_reseen_groups",
    [STMT_DELETE_GROUPS] = "delete_groups",
    [STMT_DELETE_ARTICLE] = "delete_article",
    [STMT_GROUP_UPSERT] = "group_upsert",
    [STMT_GROUP_ARTICLES] = "group_articles",
    [STMT_DATA_VERSION] = "data_version",
    [STMT_STATS] = "stats",
};

enum store_rc store_rc_from(struct store *s, int rc, const char *what)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        return STORE_OK;
    case SQLITE_INTERRUPT:
        log_warn("event=db_deadline stmt=%s", what);
        return STORE_BUSY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        log_warn("event=db_busy stmt=%s", what);
        return STORE_BUSY;
    case SQLITE_FULL:
        log_error("event=db_full stmt=%s", what);
        return STORE_FULL;
    case SQLITE_IOERR:
        log_error("event=db_io_error stmt=%s rc=%d msg=\"%s\"", what, rc,
                  s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        return STORE_IO;
    case SQLITE_CORRUPT:
        /* A failed or short read looks like this to SQLite as well as a damaged
         * file does; either way the client can only retry, and the error log
         * (and PRAGMA integrity_check) tells the operator which it was. */
        log_error("event=db_corrupt stmt=%s rc=%d msg=\"%s\"", what, rc,
                  s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        return STORE_IO;
    default:
        log_error("event=db_error stmt=%s rc=%d msg=\"%s\"", what, rc,
                  s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        return STORE_ERR;
    }
}

sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, const char *sql)
{
    if (!s->stmts[id]) {
        int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->stmts[id], NULL);
        if (rc != SQLITE_OK) {
            store_rc_from(s, rc, stmt_names[id]);
            sqlite3_finalize(s->stmts[id]);
            s->stmts[id] = NULL;
        }
    }
    return s->stmts[id];
}

sqlite3_stmt *store_prepare_once(struct store *s, const char *sql, const char *what)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        store_rc_from(s, rc, what);
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

sqlite3_stmt *store_prepare_cached(struct store *s, const char *sql, const char *what)
{
    uint64_t key = util_fnv1a(sql, strlen(sql), UTIL_FNV_SEED);
    size_t slot = key % STORE_DYN_CACHE;
    sqlite3_stmt *st = s->dyn[slot].st;
    if (st && s->dyn[slot].key == key && !sqlite3_stmt_busy(st) &&
        strcmp(sqlite3_sql(st), sql) == 0)
        return st;
    if (st && sqlite3_stmt_busy(st))
        return store_prepare_once(s, sql, what); /* in use: a one-off copy */
    sqlite3_finalize(st);
    s->dyn[slot].st = NULL;
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        store_rc_from(s, rc, what);
        sqlite3_finalize(st);
        return NULL;
    }
    s->dyn[slot].key = key;
    s->dyn[slot].st = st;
    return st;
}

void store_stmt_release(struct store *s, sqlite3_stmt *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < STORE_DYN_CACHE; i++) {
        if (s->dyn[i].st == st) {
            store_stmt_done(st);
            return;
        }
    }
    sqlite3_finalize(st);
}

void store_stmt_done(sqlite3_stmt *st)
{
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

int store_bind_id(sqlite3_stmt *st, int i, int64_t v)
{
    return v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

char *store_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    return util_strndup((const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

enum store_rc store_exec(struct store *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? STORE_OK : store_rc_from(s, rc, what);
}

/* Pragmas every connection needs. WAL lets readers run beside the one writer;
 * synchronous=FULL makes an acknowledged write survive power loss. */
static const char sql_pragmas[] = "PRAGMA foreign_keys = ON;"
                                  "PRAGMA synchronous = FULL;"
                                  "PRAGMA temp_store = MEMORY;";

static int64_t store_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Called by SQLite every few thousand VM steps: non-zero interrupts the
 * statement, so no request query runs past its deadline. */
static int store_progress(void *arg)
{
    const struct store *s = arg;
    return s->deadline_ns && store_now_ns() > s->deadline_ns;
}

void store_deadline_set(struct store *s, int ms)
{
    s->deadline_ns = ms > 0 ? store_now_ns() + (int64_t)ms * 1000000 : 0;
}

/* Limits on what one value or statement may hold: an article is at most a few
 * MiB, and no SQL we write is long. */
#define STORE_MAX_VALUE (32 << 20)
#define STORE_MAX_SQL (64 << 10)

/* SQLite counts every allocation under one process-wide mutex by default
 * (SQLITE_CONFIG_MEMSTATUS), for sqlite3_memory_used(), which newsd never
 * reads: a lock and unlock around each of the writer's mallocs and frees, and
 * one lock shared by all of the server's threads. */
void store_library_init(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum store_rc store_open(const char *path, enum store_mode mode, struct store **out)
{
    *out = NULL;
    struct store *s = calloc(1, sizeof *s);
    if (!s)
        return STORE_ERR;
    s->fts_step = STORE_FTS_STEP;
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    /* Readers open read-write with query_only on: a WAL database needs its -shm
     * file even for reading, and SQLite falls back to read-only by itself when
     * the file is not writable. */
    flags |= SQLITE_OPEN_READWRITE;
    if (mode == STORE_CREATE)
        flags |= SQLITE_OPEN_CREATE;
    enum store_rc rc = STORE_ERR;
    int src = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (src != SQLITE_OK) {
        log_error("event=db_open_failed path=\"%s\" msg=\"%s\"", path,
                  s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(src));
        goto out;
    }
    sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
    sqlite3_progress_handler(s->db, 4000, store_progress, s);
    sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, STORE_MAX_VALUE);
    sqlite3_limit(s->db, SQLITE_LIMIT_SQL_LENGTH, STORE_MAX_SQL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    sqlite3_extended_result_codes(s->db, 1);
    if ((src = store_quote_key_register(s->db)) != SQLITE_OK ||
        (src = store_name_fold_register(s->db)) != SQLITE_OK) {
        rc = store_rc_from(s, src, "functions");
        goto out;
    }
    if ((rc = store_exec(s, sql_pragmas, "pragmas")) != STORE_OK)
        goto out;
    if (mode == STORE_READ_ONLY &&
        (rc = store_exec(s, "PRAGMA query_only = ON;", "query_only")) != STORE_OK)
        goto out;
    s->path = util_strdup(path);
    *out = s;
    return STORE_OK;
out:
    store_close(s);
    return rc == STORE_OK ? STORE_ERR : rc;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    for (int i = 0; i < STMT__COUNT; i++)
        sqlite3_finalize(s->stmts[i]);
    for (int i = 0; i < STORE_DYN_CACHE; i++)
        sqlite3_finalize(s->dyn[i].st);
    store_wcache_free(s->wc);
    free(s->kept);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

/* --- migrations -------------------------------------------------------------- */

int store_schema_latest(void)
{
    return (int)embedded_migrations_count;
}

static enum store_rc store_user_version(struct store *s, int *v)
{
    sqlite3_stmt *st = store_prepare_once(s, "PRAGMA user_version", "user_version");
    if (!st)
        return STORE_ERR;
    enum store_rc rc = STORE_ERR;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *v = sqlite3_column_int(st, 0);
        rc = STORE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Applies migration number n (1-based) and records it, in one transaction. */
static enum store_rc store_migration_apply(struct store *s, int n)
{
    struct buf sql = {0};
    enum store_rc rc = STORE_ERR;
    if (!buf_printf(&sql, "BEGIN IMMEDIATE;\n%s\nPRAGMA user_version = %d;\nCOMMIT;",
                    embedded_migrations[n - 1].text, n))
        goto out;
    rc = store_exec(s, sql.data, embedded_migrations[n - 1].name);
    if (rc != STORE_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    else
        log_info("event=migrated version=%d file=%s", n, embedded_migrations[n - 1].name);
out:
    buf_clear(&sql);
    return rc;
}

enum store_rc store_migrate(struct store *s, int *from, int *to)
{
    int v = 0;
    enum store_rc rc = store_user_version(s, &v);
    if (rc != STORE_OK)
        return rc;
    if (from)
        *from = v;
    if (v > store_schema_latest()) {
        log_error("event=schema_too_new version=%d known=%d", v, store_schema_latest());
        return STORE_SCHEMA;
    }
    /* WAL is recorded in the file, so it is switched on here, after the version
     * check: a database this binary refuses is left as it was. */
    if ((rc = store_exec(s, "PRAGMA journal_mode = WAL;", "wal")) != STORE_OK)
        return rc;
    /* A load that died left indexes out: they are built before any later
     * migration, which may drop or change them, runs. Without waiting: a
     * database whose write lock is taken has its load running, and that load
     * builds them itself; any other failure leaves the data whole, only
     * slower to read, and is logged. */
    if (v >= STORE_SCHEMA_DEFERRED)
        store_indexes_restore(s, false);
    for (int n = v + 1; n <= store_schema_latest(); n++)
        if ((rc = store_migration_apply(s, n)) != STORE_OK)
            return rc;
    if (to)
        *to = store_schema_latest();
    return STORE_OK;
}

enum store_rc store_schema_check(struct store *s)
{
    int v = 0;
    enum store_rc rc = store_user_version(s, &v);
    if (rc != STORE_OK)
        return rc;
    return v == store_schema_latest() ? STORE_OK : STORE_SCHEMA;
}

/* --- pool -------------------------------------------------------------------- */

struct store_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    int n;
    int n_free;
    struct store **all;
    struct store **free_list;
};

enum store_rc store_pool_open(const char *path, int n, struct store_pool **out)
{
    *out = NULL;
    struct store_pool *p = calloc(1, sizeof *p);
    if (!p)
        return STORE_ERR;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    p->all = calloc((size_t)n, sizeof *p->all);
    p->free_list = calloc((size_t)n, sizeof *p->free_list);
    enum store_rc rc = STORE_ERR;
    if (!p->all || !p->free_list)
        goto fail;
    for (int i = 0; i < n; i++) {
        if ((rc = store_open(path, STORE_READ_ONLY, &p->all[i])) != STORE_OK)
            goto fail;
        p->n++;
        p->free_list[p->n_free++] = p->all[i];
    }
    *out = p;
    return STORE_OK;
fail:
    store_pool_close(p);
    return rc == STORE_OK ? STORE_ERR : rc;
}

struct store *store_pool_acquire(struct store_pool *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->n_free == 0)
        pthread_cond_wait(&p->freed, &p->lock);
    struct store *s = p->free_list[--p->n_free];
    pthread_mutex_unlock(&p->lock);
    return s;
}

void store_pool_release(struct store_pool *p, struct store *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&p->lock);
    p->free_list[p->n_free++] = s;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

void store_pool_close(struct store_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++)
        store_close(p->all[i]);
    free(p->all);
    free(p->free_list);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

enum store_rc store_batch_begin(struct store *s)
{
    /* No savepoint: a failed article rolls the batch back, and the batch's
     * other articles are written again (articles.c, batch_replay). */
    s->n_kept = 0;
    enum store_rc rc = store_exec(s, "BEGIN IMMEDIATE", "batch_begin");
    if (rc != STORE_OK)
        return rc;
    int src = store_batch_ids(s);
    if (src == SQLITE_OK)
        src = store_batch_check(s);
    if (src != SQLITE_OK) {
        rc = store_rc_from(s, src, "batch_begin");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    s->in_batch = true;
    return STORE_OK;
}

enum store_rc store_batch_commit(struct store *s)
{
    bool batch = s->in_batch;
    s->in_batch = false;
    s->n_kept = 0;
    if (sqlite3_get_autocommit(s->db)) {
        if (!batch)
            return STORE_OK;
        /* SQLite rolled the open batch back after an error: nothing of it is
         * stored, which the caller must count. */
        log_error("event=batch_lost stmt=batch_commit");
        store_batch_forget(s);
        return STORE_ERR;
    }
    int src = batch ? store_batch_fts(s) : SQLITE_OK;
    enum store_rc rc = src == SQLITE_OK ? store_exec(s, "COMMIT", "batch_commit")
                                        : store_rc_from(s, src, "batch_fts");
    /* A batch that cannot commit is taken back whole (a failed COMMIT may
     * leave it open), so the next batch starts clean. */
    if (rc != STORE_OK && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (rc != STORE_OK)
        store_batch_forget(s);
    return rc;
}

enum store_rc store_bulk_finish(struct store *s)
{
    enum store_rc rc = store_batch_commit(s);
    /* Whatever the last batch did, the indexes come back before the WAL is
     * copied into the database. An index that cannot be built is logged and
     * left recorded for the next writer; it loses no article, so it does not
     * change what the batch's commit returned. */
    store_indexes_restore(s, true);
    if (rc == STORE_OK)
        rc = store_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", "checkpoint");
    return rc;
}

/* --- indexes deferred by a bulk load (0008_deferred_indexes.sql) ------------ */

/* Every index a read uses and no write needs: the explicit, non-unique ones.
 * The unique ones (content hash, url, entity and quote-group keys) are
 * automatic indexes with no SQL of their own, and ingest's look-ups need them. */
static const char sql_defer_save[] =
    "INSERT OR IGNORE INTO deferred_indexes (name, sql) "
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
    "AND sql NOT LIKE 'CREATE UNIQUE%'";
static const char sql_defer_drops[] =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
    "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name";
static const char sql_defer_list[] = "SELECT name, sql FROM deferred_indexes ORDER BY name";
static const char sql_articles_empty[] = "SELECT NOT EXISTS (SELECT 1 FROM articles)";
static const char sql_index_exists[] =
    "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1";
static const char sql_defer_done[] = "DELETE FROM deferred_indexes WHERE name = ?1";

/* Used by store_indexes_restore: the recorded statement must create exactly
 * the index its row names (deferred_indexes is data in the file, so it is
 * checked like input): "CREATE INDEX <name> ON " and nothing after the one
 * statement. */
static bool index_sql_valid(const char *name, const char *sql, sqlite3 *db, sqlite3_stmt **st)
{
    size_t n = strlen(name);
    if (strncmp(sql, "CREATE INDEX ", 13) != 0 || strncmp(sql + 13, name, n) != 0 ||
        strncmp(sql + 13 + n, " ON ", 4) != 0)
        return false;
    const char *tail = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, st, &tail) != SQLITE_OK || !*st)
        return false;
    while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == '\r' || *tail == ';'))
        tail++;
    return tail && *tail == '\0';
}

/* Used by store_bulk_defer_indexes; identifiers cannot be bound, so the name
 * (from sqlite_schema) is quoted with %w. */
static enum store_rc index_drop(struct store *s, const char *name)
{
    char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", name);
    if (!drop)
        return STORE_ERR;
    enum store_rc rc = store_exec(s, drop, "index_drop");
    sqlite3_free(drop);
    return rc;
}

/* The (name, sql) rows of query sql, as name, sql, name, sql, ... in *v
 * (caller frees each and v). Read whole first: SQLite refuses DDL while a
 * read of the schema is open. */
static enum store_rc deferred_rows(struct store *s, const char *sql, char ***v, size_t *n)
{
    *v = NULL;
    *n = 0;
    sqlite3_stmt *st = store_prepare_once(s, sql, "defer_list");
    if (!st)
        return STORE_ERR;
    enum store_rc rc = STORE_OK;
    int src = SQLITE_DONE;
    while (rc == STORE_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        char **nv = realloc(*v, (*n + 2) * sizeof **v);
        if (!nv) {
            rc = STORE_ERR;
            break;
        }
        *v = nv;
        nv[*n] = store_col_text(st, 0);
        nv[*n + 1] = store_col_text(st, 1);
        *n += 2;
        if (!nv[*n - 2] || !nv[*n - 1])
            rc = STORE_ERR;
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_rc_from(s, src, "defer_list");
    sqlite3_finalize(st);
    return rc;
}

static void deferred_rows_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Ends the transaction a deferral step opened: COMMIT when rc is STORE_OK,
 * else ROLLBACK, so that rows and indexes always change together. */
static enum store_rc deferred_end(struct store *s, enum store_rc rc)
{
    if (rc == STORE_OK)
        rc = store_exec(s, "COMMIT", "defer_commit");
    if (rc != STORE_OK && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

enum store_rc store_bulk_defer_indexes(struct store *s, bool *deferred)
{
    *deferred = false;
    enum store_rc rc = store_exec(s, "BEGIN IMMEDIATE", "defer_begin");
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *st = store_prepare_once(s, sql_articles_empty, "articles_empty");
    int src = st ? sqlite3_step(st) : SQLITE_ERROR;
    bool empty = src == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    char **v = NULL;
    size_t n = 0;
    if (src != SQLITE_ROW)
        rc = st ? store_rc_from(s, src, "articles_empty") : STORE_ERR;
    else if (empty && (rc = store_exec(s, sql_defer_save, "defer_save")) == STORE_OK)
        rc = deferred_rows(s, sql_defer_drops, &v, &n);
    for (size_t i = 0; rc == STORE_OK && i < n; i += 2)
        rc = index_drop(s, v[i]);
    deferred_rows_free(v, n);
    rc = deferred_end(s, rc);
    *deferred = rc == STORE_OK && empty;
    if (*deferred)
        log_info("event=indexes_deferred");
    return rc;
}

/* Steps sql once with name bound as ?1: SQLITE_ROW, SQLITE_DONE or an error. */
static int step_with_name(struct store *s, const char *sql, const char *what, const char *name)
{
    sqlite3_stmt *st = store_prepare_once(s, sql, what);
    int src = st ? sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) : SQLITE_ERROR;
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    sqlite3_finalize(st);
    return src;
}

/* Builds index name from its recorded sql (unless it exists) and drops its
 * row, in one transaction of its own: one index that cannot be built (a
 * stale or damaged row, a full disk) holds back no other, and a writer
 * waiting on the lock waits for one sort at most. */
static enum store_rc index_restore_one(struct store *s, const char *name, const char *sql)
{
    enum store_rc rc = store_exec(s, "BEGIN IMMEDIATE", "restore_begin");
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *st = NULL;
    int src = step_with_name(s, sql_index_exists, "index_exists", name);
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        rc = STORE_ERR;
    else if (src == SQLITE_DONE && !index_sql_valid(name, sql, s->db, &st)) {
        log_error("event=index_row_refused name=\"%s\"", name);
        rc = STORE_ERR;
    } else if (src == SQLITE_DONE && (src = sqlite3_step(st)) != SQLITE_DONE)
        rc = store_rc_from(s, src, "index_create");
    sqlite3_finalize(st);
    if (rc == STORE_OK && step_with_name(s, sql_defer_done, "defer_done", name) != SQLITE_DONE)
        rc = STORE_ERR;
    return deferred_end(s, rc);
}

enum store_rc store_indexes_restore(struct store *s, bool wait)
{
    char **v = NULL;
    size_t n = 0;
    enum store_rc rc = deferred_rows(s, sql_defer_list, &v, &n), first = STORE_OK;
    size_t built = 0;
    if (!wait)
        sqlite3_busy_timeout(s->db, 0);
    /* the sorts of CREATE INDEX may use a helper thread: nothing else runs now */
    sqlite3_exec(s->db, "PRAGMA threads = 2", NULL, NULL, NULL);
    for (size_t i = 0; rc == STORE_OK && i < n; i += 2) {
        enum store_rc one = index_restore_one(s, v[i], v[i + 1]);
        if (one == STORE_BUSY && !wait) {
            log_info("event=indexes_restore_left reason=busy");
            first = one;
            break; /* a load runs and will build them */
        }
        if (one != STORE_OK && first == STORE_OK)
            first = one;
        built += one == STORE_OK;
    }
    sqlite3_exec(s->db, "PRAGMA threads = 0", NULL, NULL, NULL);
    if (!wait)
        sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
    deferred_rows_free(v, n);
    if (built)
        log_info("event=indexes_restored count=%zu", built);
    if (rc == STORE_OK && first != STORE_OK && first != STORE_BUSY)
        log_error("event=indexes_restore_failed built=%zu", built);
    return rc != STORE_OK ? rc : first;
}

/* Bulk mode also turns off this connection's foreign key checks: every row a
 * batch writes refers to an article, entity or quote group that the same
 * write transaction just stored or looked up (the writer's memory is dropped
 * whenever another connection commits), so the checks only repeated a parent
 * lookup per row, 7% of the writer's instructions. Deletes, whose cascades
 * need them, run on other connections (the server's). */
enum store_rc store_bulk_mode(struct store *s)
{
    return store_exec(s, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;", "bulk_mode");
}

/* newsd ingest sets 1 GiB (NEWSD_INGEST_CACHE_MB), filled only as pages are
 * read: every batch updates the indexes written at random places all over,
 * so once they outgrow the cache each batch read most of their pages back
 * from the OS (at 95,000 articles and 64 MiB, a quarter of the writer's
 * time). */
enum store_rc store_cache_limit(struct store *s, size_t bytes)
{
    /* a pragma's value cannot be bound; this one is a number we made */
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%zu;", bytes >> 10);
    return store_exec(s, sql, "cache_limit");
}

/* A batch's commit writes every page the batch dirtied (to the WAL, then,
 * checkpointed, to the database), and the indexes written at random places
 * (quotes_by_speaker, mentions_by_entity, quotes_by_group, ...) spread a
 * batch over more pages the larger they are, so that cost is paid per batch
 * and grows with the database: 50,000 articles in batches of 1,024 took the
 * storing thread 32 s, in batches of 8,192 24 s. A batch of a quarter of the
 * articles already stored keeps it about flat per article. The bounds: a
 * crash loses one batch (1,024 articles in a small database), and the
 * articles a batch keeps for a replay (store.h) stay around 120 MB. */
#define STORE_BATCH_MIN 1024
#define STORE_BATCH_MAX 8192

size_t store_batch_size(const struct store *s)
{
    int64_t n = s->batch_article_max / 4; /* the largest id: about the articles stored */
    if (n < STORE_BATCH_MIN)
        return STORE_BATCH_MIN;
    return n > STORE_BATCH_MAX ? STORE_BATCH_MAX : (size_t)n;
}

/* Used by the server around each request's reads: one snapshot for all of
 * them, so a request never sees half of a concurrent write or delete. */
static const char sql_begin[] = "BEGIN";
static const char sql_commit[] = "COMMIT";

enum store_rc store_read_begin(struct store *s)
{
    sqlite3_stmt *st = store_stmt(s, STMT_BEGIN, sql_begin);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_step(st);
    store_stmt_done(st);
    return src == SQLITE_DONE ? STORE_OK : store_rc_from(s, src, "read_begin");
}

void store_read_end(struct store *s)
{
    if (sqlite3_get_autocommit(s->db))
        return;
    sqlite3_stmt *st = store_stmt(s, STMT_COMMIT, sql_commit);
    int src = st ? sqlite3_step(st) : SQLITE_ERROR;
    store_stmt_done(st);
    if (src != SQLITE_DONE)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* never leave it open */
}
