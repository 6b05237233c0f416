/* store_internal.h: what the store's files share and nobody else sees: the
 * connection struct, the statement cache and the small step/column helpers. */
#ifndef NEWSD_STORE_INTERNAL_H
#define NEWSD_STORE_INTERNAL_H

#include <sqlite3.h>

#include "newsd/store.h"

/* One slot per prepared statement; each is prepared on first use with the SQL
 * text that lives next to its single user. */
enum store_stmt_id {
    STMT_BEGIN,
    STMT_COMMIT,
    STMT_ARTICLE_FIND_DUP,
    STMT_ARTICLE_INSERT,
    STMT_PARAGRAPH_INSERT,
    STMT_AUTHOR_INSERT,
    STMT_ENTITY_FIND,
    STMT_ENTITY_INSERT,
    STMT_ENTITY_COUNT,
    STMT_ALIAS_INSERT,
    STMT_TITLE_INSERT,
    STMT_NAME_INSERT,
    STMT_MENTION_INSERT,
    STMT_QUOTE_INSERT,
    STMT_ARTICLE_FTS_INSERT,
    STMT_QUOTES_FTS_INSERT,
    STMT_BATCH_ARTICLES_FTS,
    STMT_BATCH_QUOTES_FTS,
    STMT_BATCH_MAX_IDS,
    STMT_BATCH_DATA_VERSION,
    STMT_GROUP_FIND,
    STMT_GROUP_INSERT,
    STMT_GROUP_COUNT,
    STMT_ARTICLE_GET,
    STMT_ARTICLE_EXISTS,
    STMT_ARTICLE_PARAGRAPHS,
    STMT_ARTICLE_AUTHORS,
    STMT_ARTICLE_QUOTES_ALL,
    STMT_ARTICLE_ENTITIES_ALL,
    STMT_ENTITY_GET,
    STMT_ENTITY_EXISTS,
    STMT_ENTITY_ALIASES,
    STMT_ENTITY_TITLES,
    STMT_QUOTE_GET,
    STMT_DELETE_UNCOUNT_MENTIONS,
    STMT_DELETE_UNCOUNT_QUOTES,
    STMT_DELETE_ORPHANS,
    STMT_DELETE_UNCOUNT_GROUPS,
    STMT_DELETE_RESEEN_GROUPS,
    STMT_DELETE_GROUPS,
    STMT_DELETE_ARTICLE,
    STMT_GROUP_UPSERT,
    STMT_GROUP_ARTICLES,
    STMT_DATA_VERSION,
    STMT_STATS,
    STMT__COUNT
};

/* The tables whose ids are public, and never given twice (0005_id_high.sql). */
enum store_id_table {
    STORE_IDS_ARTICLES,
    STORE_IDS_QUOTES,
    STORE_IDS_ENTITIES,
    STORE_IDS_GROUPS,
    STORE_IDS__COUNT
};

/* Slots of the per-connection cache of assembled list statements. */
#define STORE_DYN_CACHE 64
/* Slots of the per-connection cache of list totals. */
#define STORE_COUNT_CACHE 64
/* Articles between two writes of a batch's full-text rows (a store's
 * fts_step). Writing them only at the commit left the storing thread
 * indexing a whole batch alone at the end of a load, the extraction threads
 * done and idle; in steps, that work overlaps the extraction still running.
 * But each step makes FTS5 segments that its merges then rewrite: 256 cost
 * the storing thread about a tenth more instructions than 4,096, which for
 * the batch sizes of a load (1,024 to 8,192 articles) is about once a batch
 * (docs/performance.md, session 11). */
#define STORE_FTS_STEP 4096

struct store {
    sqlite3 *db;
    char *path;
    struct buf *explain; /* tests: when set, lists append their query plans here */
    int64_t deadline_ns; /* CLOCK_MONOTONIC; 0: none. Checked by the progress handler */
    /* List totals of this connection, valid while PRAGMA data_version stays. */
    struct {
        uint64_t key; /* hash of the SQL text */
        sqlite3_stmt *st;
    } dyn[STORE_DYN_CACHE];
    int64_t counts_version;
    int64_t seen_version; /* data_version at the last store_read_moved */
    int64_t counts_changes;
    struct {
        uint64_t key; /* hash of the count query and its values; 0: empty */
        int64_t total;
    } counts[STORE_COUNT_CACHE];
    sqlite3_stmt *stmts[STMT__COUNT];
    /* Bulk loading (store_batch_begin .. store_batch_commit). The largest
     * article id when the batch began sizes the batch (store_batch_size). */
    bool in_batch;
    int64_t batch_article_max;
    /* The batch's rows above these ids have no full-text rows yet: they are
     * written every fts_step articles and when the batch commits. */
    int64_t fts_article_from;
    int64_t fts_quote_from;
    size_t fts_step; /* STORE_FTS_STEP; a test lowers it to cross a step */
    /* The last id the batch gave, per table: the batch holds the write lock,
     * so it numbers its rows itself from where store_batch_ids found the
     * tables' highest ids ever given, instead of a lookup per row. */
    int64_t batch_last_id[STORE_IDS__COUNT];
    struct store_wcache *wc; /* the bulk writer's memory (articles.c); NULL until a batch */
    struct article **kept;   /* the batch's newly stored articles (borrowed), for a replay */
    size_t n_kept, cap_kept;
};

/* Returns the cached statement id, preparing sql on first use. NULL (logged)
 * when it cannot be prepared. The caller resets it with store_stmt_done. */
sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, const char *sql);
/* Resets a statement and clears its bindings so it is ready for the next user. */
void store_stmt_done(sqlite3_stmt *st);
/* Translates an SQLite result code, logging errmsg with the statement's name. */
enum store_rc store_rc_from(struct store *s, int rc, const char *what);

/* Binds text or NULL; binds a zero id as NULL. Return SQLite codes. */
int store_bind_text(sqlite3_stmt *st, int i, const char *v);
int store_bind_id(sqlite3_stmt *st, int i, int64_t v);
/* Copies column i as a new string (NULL for SQL NULL or on OOM). */
char *store_col_text(sqlite3_stmt *st, int i);

/* Runs a one-shot statement list (no rows), e.g. pragmas. */
enum store_rc store_exec(struct store *s, const char *sql, const char *what);

/* Prepares a statement that is not cached; caller finalizes. */
sqlite3_stmt *store_prepare_once(struct store *s, const char *sql, const char *what);
/* Prepares an assembled list statement, reusing this connection's earlier
 * compile of the same SQL text (lists take a few dozen shapes, and compiling
 * cost a sixth of their time). Give it back with store_stmt_release. */
sqlite3_stmt *store_prepare_cached(struct store *s, const char *sql, const char *what);
/* Resets a statement from store_prepare_cached for its next use, or
 * finalizes it when it was not kept. Accepts NULL. */
void store_stmt_release(struct store *s, sqlite3_stmt *st);

/* Batch helpers (articles.c), run inside the batch's transaction; they return
 * SQLite codes. store_batch_ids notes where the batch's rows start;
 * store_batch_check drops the writer's memory when another connection
 * committed since the last batch; store_batch_fts writes the batch's entity
 * counters and the full-text rows of every article and quote stored since;
 * store_batch_forget drops the writer's memory (after a rollback). */
struct store_wcache;
int store_batch_ids(struct store *s);
int store_batch_check(struct store *s);
int store_batch_fts(struct store *s);
void store_batch_forget(struct store *s);
void store_wcache_free(struct store_wcache *w);

/* The folded key of a quote's words (canon.c): lower case, no punctuation or
 * quote marks, single spaces. New string, NULL on OOM. */
char *store_quote_canon(const char *text);
/* What quote_groups.canon holds (0003_quote_group_keys.sql): two 64-bit
 * FNV-1a hashes of the folded text (canon[0..n)), big-endian. */
#define STORE_QUOTE_KEY_LEN 16
void store_quote_key(const char *canon, size_t n, unsigned char key[STORE_QUOTE_KEY_LEN]);
/* Registers newsd_quote_key(text) -> that key as a blob, for the migration
 * that turned stored folded texts into keys. Returns an SQLite code. */
int store_quote_key_register(sqlite3 *db);
/* Registers newsd_fold(text) -> text in lower case (Unicode, not just ASCII),
 * which the name keys of authors and entities hold (0006_name_keys.sql).
 * Returns an SQLite code. */
int store_name_fold_register(sqlite3 *db);

/* Cursor helpers (cursor.c): a cursor is base64url text of kind-tagged fields
 * with a check value, so a forged or foreign cursor is refused. */
#define STORE_CURSOR_MAX_FIELDS 4
struct store_cursor {
    char kind;
    int n;
    char *field[STORE_CURSOR_MAX_FIELDS];
};
/* Encodes kind and n fields, checked against scope (a hash of the list's
 * filters: a cursor only works on the list it came from); returns a new string or NULL on OOM. */
char *store_cursor_encode(char kind, int n, const char *const *fields, uint64_t scope);
/* Decodes s made for kind with n fields into c (caller clears). */
bool store_cursor_decode(const char *s, char kind, int n, uint64_t scope, struct store_cursor *c);
void store_cursor_clear(struct store_cursor *c);

/* Fills a's summary fields from the STORE_ARTICLE_SUMMARY_COLS columns that
 * start at column base; authors are read separately. articles_by_sort holds
 * every one of these columns (0007_list_covering_index.sql), so that a list
 * page never reads the articles' rows: a column added here goes there too. */
#define STORE_ARTICLE_SUMMARY_COLS                                                                 \
    "a.id, a.url, a.title, a.subtitle, a.section, a.dateline, a.published_at, "                    \
    "a.word_count, a.quote_count, a.entity_count, a.ingested_at, a.source, a.sort_at"
#define STORE_ARTICLE_SUMMARY_NCOLS 13
enum store_rc store_article_row(sqlite3_stmt *st, int base, struct article *a);
/* Reads the authors of article a->id into a->authors. */
enum store_rc store_article_authors(struct store *s, struct article *a);

/* The search excerpt of a hit: the window of the columns (title, subtitle,
 * body; NULL entries skipped) with the most distinct words of the FTS5
 * expression fts, matched words between \x02 and \x03. Appends to out;
 * false when out of memory. */
bool store_snippet(const char *fts, const char *const *cols, size_t ncols, struct buf *out);

#define STORE_QUOTE_COLS                                                                           \
    "q.id, q.article_id, q.text, q.speaker_id, e.name, e.type, q.speaker_text, q.cue, "            \
    "q.kind, q.paragraph, q.start, q.\"end\", q.sort_at, q.position"
#define STORE_QUOTE_NCOLS 14
void store_quote_row(sqlite3_stmt *st, struct quote *q);

#define STORE_ENTITY_COLS "e.id, e.name, e.type, e.article_count, e.mention_count, e.quote_count"
#define STORE_ENTITY_NCOLS 6
void store_entity_row(sqlite3_stmt *st, struct entity *e);
/* Reads aliases and titles of e->id. */
enum store_rc store_entity_names(struct store *s, struct entity *e);

#endif
