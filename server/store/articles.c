/* articles.c: storing one extracted article in one transaction, and reading
 * articles back (one in full, or a page of summaries). Entity and quote rows
 * are read by entities.c and quotes.c; this file only writes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsd/log.h"
#include "store_internal.h"

#define CHECK(expr)                                                                                \
    do {                                                                                           \
        if ((src = (expr)) != SQLITE_OK)                                                           \
            goto out;                                                                              \
    } while (0)

/* Normalised UTC form every sort_at has, so that text order is time order. */
#define SORT_FMT "'%Y-%m-%dT%H:%M:%SZ'"

/* --- insert ------------------------------------------------------------------ */

/* The content key: two independent 64-bit FNV-1a hashes over title and body
 * (stored: the same values as util_fnv1a gives, kept in one pass so that
 * each byte is read once and the two multiply chains overlap). Dedup only;
 * 128 bits make an accidental collision negligible. */
static void article_content_hash(const struct article *a, char out[33])
{
    uint64_t h1 = UTIL_FNV_SEED, h2 = 0x84222325cbf29ce4ULL;
    const char *parts[2] = {a->title ? a->title : "", a->body ? a->body : ""};
    for (int i = 0; i < 2; i++) {
        const unsigned char *p = (const unsigned char *)parts[i];
        size_t n = strlen(parts[i]) + 1; /* the NUL separates the parts */
        h2 = h2 * 31 + 7;
        for (size_t k = 0; k < n; k++) {
            h1 = (h1 ^ p[k]) * 0x100000001b3ULL;
            h2 = (h2 ^ p[k]) * 0x100000001b3ULL;
        }
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

/* Used by store_article_insert: dedup by content hash, or by url when given.
 * Served by the UNIQUE indexes on content_hash and url. */
static const char sql_find_dup[] = "SELECT id FROM articles WHERE content_hash = ?1 "
                                   "UNION ALL SELECT id FROM articles WHERE url = ?2 LIMIT 1";

/* The highest id table t ever gave: its max(id), or the highest id deleted
 * from it (0005_id_high.sql; SQLite's own choice, max(id) + 1, gave the
 * newest row's id again once it was deleted). max(id) is read from the
 * rowid b-tree's last page, high by id_high's key: two descents over pages
 * every insert keeps hot. */
#define HIGH_ID(t)                                                                                 \
    "max(coalesce((SELECT high FROM id_high WHERE name = '" t "'), 0), "                           \
    " coalesce((SELECT max(id) FROM " t "), 0))"
/* The id a new row of table t gets: parameter p when bound (a batch numbers
 * its rows itself: next_id), else one above every id the table ever gave.
 * Used by the inserts of articles, entities, quote groups and quotes. */
#define NEXT_ID(t, p) "coalesce(" p ", " HIGH_ID(t) " + 1)"

static const char sql_article_insert[] =
    "INSERT INTO articles (id, content_hash, url, source, title, subtitle, section, dateline, "
    " published_at, ingested_at, sort_at, body, word_count, quote_count, entity_count) "
    "VALUES (" NEXT_ID("articles", "?14") ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    " coalesce(strftime(" SORT_FMT ", ?8), strftime(" SORT_FMT ", ?9)), ?10, ?11, ?12, ?13) "
    "RETURNING sort_at";

static const char sql_paragraph_insert[] =
    "INSERT INTO article_paragraphs (article_id, position, text) VALUES (?1, ?2, ?3)";
static const char sql_author_insert[] =
    "INSERT INTO article_authors (article_id, position, name, sort_at, name_key) "
    "VALUES (?1, ?2, ?3, ?4, newsd_fold(?3))";
/* Served by UNIQUE (type, name). */
static const char sql_entity_find[] = "SELECT id FROM entities WHERE type = ?1 AND name = ?2";
static const char sql_entity_insert[] =
    "INSERT INTO entities (id, type, name) VALUES (" NEXT_ID("entities", "?3") ", ?1, ?2)";
/* An entity's counters: once per entity of an article, or once per entity of
 * a whole batch (store_batch_commit). */
static const char sql_entity_count[] =
    "UPDATE entities SET article_count = article_count + ?2, "
    " mention_count = mention_count + ?3, quote_count = quote_count + ?4 WHERE id = ?1";
static const char sql_alias_insert[] =
    "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?1, ?2)";
static const char sql_name_insert[] =
    "INSERT OR IGNORE INTO entity_names (entity_id, name, name_key) VALUES (?1, ?2, newsd_fold(?2))";
static const char sql_title_insert[] =
    "INSERT OR IGNORE INTO entity_titles (entity_id, title) VALUES (?1, ?2)";
/* quotes: how many of the article's quotes the entity speaks. */
static const char sql_mention_insert[] =
    "INSERT INTO mentions (article_id, entity_id, count, sort_at, quotes) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (article_id, entity_id) DO UPDATE SET "
    " count = count + excluded.count, quotes = quotes + excluded.quotes";
/* Used by article_quote_insert: served by UNIQUE (canon), which holds the
 * 16-byte store_quote_key of the folded words (0003_quote_group_keys.sql). */
static const char sql_group_upsert[] =
    "INSERT INTO quote_groups (id, canon, text, occurrences, first_seen, last_seen) "
    "VALUES (" NEXT_ID("quote_groups", "?4") ", ?1, ?2, 1, ?3, ?3) "
    "ON CONFLICT (canon) DO UPDATE SET "
    " occurrences = occurrences + 1, first_seen = min(first_seen, excluded.first_seen), "
    " last_seen = max(last_seen, excluded.last_seen) RETURNING id";
/* Used in a batch instead of sql_group_upsert: make the group with this
 * first occurrence, or (UNIQUE (canon) taken) find it; the batch's further
 * occurrences are added up and written by sql_group_count when it commits.
 * The insert comes first because most quotations are new: a lookup first
 * probed the canon index twice for every new one. */
static const char sql_group_find[] = "SELECT id FROM quote_groups WHERE canon = ?1";
static const char sql_group_insert[] =
    "INSERT INTO quote_groups (id, canon, text, occurrences, first_seen, last_seen) "
    "VALUES (" NEXT_ID("quote_groups", "?4") ", ?1, ?2, 1, ?3, ?3) "
    "ON CONFLICT (canon) DO NOTHING";
static const char sql_group_count[] =
    "UPDATE quote_groups SET occurrences = occurrences + ?2, "
    " first_seen = min(first_seen, ?3), last_seen = max(last_seen, ?4) WHERE id = ?1";
static const char sql_quote_insert[] =
    "INSERT INTO quotes (id, article_id, position, text, speaker_id, speaker_text, cue, kind, "
    " paragraph, start, \"end\", sort_at, group_id) "
    "VALUES (" NEXT_ID("quotes", "?13") ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/* The article's full-text rows, added last (see 0001_init.sql). */
static const char sql_article_fts_insert[] =
    "INSERT INTO articles_fts (rowid, title, subtitle, body) "
    "SELECT id, title, subtitle, body FROM articles WHERE id = ?1";
static const char sql_quotes_fts_insert[] =
    "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE article_id = ?1";

/* Used by store_batch_fts: the full-text rows of a whole batch in one
 * statement each (one FTS5 flush per batch instead of one per article), read
 * by rowid range on articles and quotes. */
static const char sql_batch_articles_fts[] =
    "INSERT INTO articles_fts (rowid, title, subtitle, body) "
    "SELECT id, title, subtitle, body FROM articles WHERE id > ?1";
static const char sql_batch_quotes_fts[] =
    "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id > ?1";
/* Used by store_batch_ids: the rowid b-trees answer max(id) from their last
 * page; then the highest id each public table ever gave, in
 * enum store_id_table's order. */
static const char sql_batch_max_ids[] =
    "SELECT (SELECT coalesce(max(id), 0) FROM articles), "
    " (SELECT coalesce(max(id), 0) FROM quotes), " HIGH_ID("articles") ", " HIGH_ID("quotes")
    ", " HIGH_ID("entities") ", " HIGH_ID("quote_groups");

/* --- the bulk writer's memory ----------------------------------------------------
 *
 * During a batch (store_batch_begin .. store_batch_commit) the writer keeps in
 * memory what it already knows is in the database: entity ids by (type, name)
 * and the (entity, alias/name/title) rows, so an entity seen before costs no
 * lookup and no INSERT OR IGNORE; and it adds up the entity counters of the
 * batch's articles, written once per entity when the batch commits. The
 * memory is dropped whenever it could be wrong: another connection committed
 * since the last batch (PRAGMA data_version), an article or a batch was
 * rolled back, or it grew past STORE_WCACHE_MAX keys. */

#define STORE_WCACHE_MAX (1u << 18) /* keys per map: tens of MB at most */
/* Quote groups remembered at most: their keys are whole quotations. */
#define STORE_WCACHE_GROUPS (1u << 16)

struct wkey {
    uint64_t h;
    char *key; /* NULL: empty slot */
    size_t len;
    int64_t val;
};

struct wmap {
    struct wkey *v;
    size_t cap, n; /* cap: 0 or a power of two */
    size_t max;    /* keys kept at most (then it starts over); 0: STORE_WCACHE_MAX */
};

/* Quote-group counters a batch adds up: id 0 is an empty slot; first and
 * last are sort_at values (SORT_FMT, 20 characters). */
struct wgroup {
    int64_t id, occurrences;
    char first[24], last[24];
};

/* Entity counters a batch adds up: id 0 is an empty slot. */
struct wcount {
    int64_t id, articles, mentions, quotes;
};

struct store_wcache {
    struct wmap ents;   /* "<type><name>" -> entity id */
    struct wmap names;  /* "<table><entity id>:<text>" -> 1 */
    struct wmap groups; /* store_quote_key -> quote group id */
    struct wcount *c;
    size_t ccap, cn;
    struct wgroup *g;
    size_t gcap, gn;
    int64_t data_version;
    bool version_known;
};

static void wmap_clear(struct wmap *m)
{
    size_t max = m->max;
    for (size_t i = 0; i < m->cap; i++)
        free(m->v[i].key);
    free(m->v);
    memset(m, 0, sizeof *m);
    m->max = max;
}

static struct wkey *wmap_slot(const struct wmap *m, const char *key, size_t len, uint64_t h)
{
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        struct wkey *k = &m->v[i];
        if (!k->key || (k->h == h && k->len == len && memcmp(k->key, key, len) == 0))
            return k;
    }
}

static bool wmap_get(const struct wmap *m, const char *key, size_t len, int64_t *val)
{
    if (!m->cap)
        return false;
    struct wkey *k = wmap_slot(m, key, len, util_fnv1a(key, len, UTIL_FNV_SEED));
    if (!k->key)
        return false;
    *val = k->val;
    return true;
}

/* Remembers key -> val; false when memory runs out (the map stays usable). */
static bool wmap_put(struct wmap *m, const char *key, size_t len, int64_t val)
{
    if (m->n >= (m->max ? m->max : STORE_WCACHE_MAX))
        wmap_clear(m);
    if ((m->n + 1) * 4 > m->cap * 3) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        struct wkey *v = calloc(cap, sizeof *v);
        if (!v)
            return false;
        struct wmap bigger = {.v = v, .cap = cap, .n = m->n};
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].key)
                *wmap_slot(&bigger, m->v[i].key, m->v[i].len, m->v[i].h) = m->v[i];
        free(m->v);
        *m = bigger;
    }
    uint64_t h = util_fnv1a(key, len, UTIL_FNV_SEED);
    struct wkey *k = wmap_slot(m, key, len, h);
    if (!k->key) {
        if (!(k->key = malloc(len)))
            return false;
        memcpy(k->key, key, len);
        k->len = len;
        k->h = h;
        m->n++;
    }
    k->val = val;
    return true;
}

static void wcount_clear(struct store_wcache *w)
{
    free(w->c);
    w->c = NULL;
    w->ccap = w->cn = 0;
}

static struct wcount *wcount_slot(struct wcount *v, size_t cap, int64_t id)
{
    for (size_t i = ((uint64_t)id * 0x9e3779b97f4a7c15ULL) >> 40 & (cap - 1);;
         i = (i + 1) & (cap - 1))
        if (v[i].id == id || v[i].id == 0)
            return &v[i];
}

/* Adds an article's counters for entity id to the batch's; false on OOM. */
static bool wcount_add(struct store_wcache *w, const struct wcount *d)
{
    if ((w->cn + 1) * 2 > w->ccap) {
        size_t cap = w->ccap ? w->ccap * 2 : 1024;
        struct wcount *v = calloc(cap, sizeof *v);
        if (!v)
            return false;
        for (size_t i = 0; i < w->ccap; i++)
            if (w->c[i].id)
                *wcount_slot(v, cap, w->c[i].id) = w->c[i];
        free(w->c);
        w->c = v;
        w->ccap = cap;
    }
    struct wcount *c = wcount_slot(w->c, w->ccap, d->id);
    if (!c->id) {
        c->id = d->id;
        w->cn++;
    }
    c->articles += d->articles;
    c->mentions += d->mentions;
    c->quotes += d->quotes;
    return true;
}

static void wgroup_clear(struct store_wcache *w)
{
    free(w->g);
    w->g = NULL;
    w->gcap = w->gn = 0;
}

static struct wgroup *wgroup_slot(struct wgroup *v, size_t cap, int64_t id)
{
    for (size_t i = ((uint64_t)id * 0x9e3779b97f4a7c15ULL) >> 40 & (cap - 1);;
         i = (i + 1) & (cap - 1))
        if (v[i].id == id || v[i].id == 0)
            return &v[i];
}

/* Adds one more occurrence of group id, in an article sorted at sort_at, to
 * the batch's sums; false on OOM or an unexpected sort_at. */
static bool wgroup_add(struct store_wcache *w, int64_t id, const char *sort_at)
{
    size_t n = strlen(sort_at);
    if (n >= sizeof w->g[0].first)
        return false;
    if ((w->gn + 1) * 2 > w->gcap) {
        size_t cap = w->gcap ? w->gcap * 2 : 1024;
        struct wgroup *v = calloc(cap, sizeof *v);
        if (!v)
            return false;
        for (size_t i = 0; i < w->gcap; i++)
            if (w->g[i].id)
                *wgroup_slot(v, cap, w->g[i].id) = w->g[i];
        free(w->g);
        w->g = v;
        w->gcap = cap;
    }
    struct wgroup *g = wgroup_slot(w->g, w->gcap, id);
    if (!g->id) {
        g->id = id;
        w->gn++;
        memcpy(g->first, sort_at, n + 1);
        memcpy(g->last, sort_at, n + 1);
    }
    g->occurrences++;
    if (strcmp(sort_at, g->first) < 0)
        memcpy(g->first, sort_at, n + 1);
    if (strcmp(sort_at, g->last) > 0)
        memcpy(g->last, sort_at, n + 1);
    return true;
}

static void wcache_forget(struct store_wcache *w)
{
    if (!w)
        return;
    wmap_clear(&w->ents);
    wmap_clear(&w->names);
    wmap_clear(&w->groups);
    wcount_clear(w);
    wgroup_clear(w);
}

void store_wcache_free(struct store_wcache *w)
{
    wcache_forget(w);
    free(w);
}

/* The entity cache key: one type letter, then the name. */
static size_t ent_key(struct buf *b, enum entity_type type, const char *name)
{
    b->len = 0;
    char t = (char)('0' + (int)type);
    if (!buf_append(b, &t, 1) || !buf_append(b, name, strlen(name)))
        return 0;
    return b->len;
}

/* Runs a cached statement that returns no row; each bind was done by the caller. */
static int stmt_run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Binds text or NULL without a copy: the writers' strings (the article's,
 * or locals of the function that steps) outlive the statement's use, which
 * store_stmt_done ends by clearing the bindings. A copy per value was a
 * malloc, a memcpy and a free of every body and paragraph. */
static int bind_text_borrowed(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* The id to bind for a new row of table t: in a batch, the next of the
 * batch's own numbering (store_batch_ids), so a row costs no id lookup
 * (6% of the storing thread's instructions); else 0, bound as NULL, and
 * the insert's NEXT_ID looks it up. An insert that fails or finds its row
 * there (group upsert) leaves a gap, never a second use. */
static int64_t next_id(struct store *s, enum store_id_table t)
{
    return s->in_batch ? ++s->batch_last_id[t] : 0;
}

/* Finds or creates the entity (type, name); *id gets its row id. In a batch
 * the writer's memory answers for entities it has seen (key is scratch). */
static int entity_upsert(struct store *s, enum entity_type type, const char *name, int64_t *id,
                         struct buf *key)
{
    int src = SQLITE_NOMEM;
    struct store_wcache *w = s->in_batch ? s->wc : NULL;
    size_t klen = w ? ent_key(key, type, name) : 0;
    if (klen && wmap_get(&w->ents, key->data, klen, id))
        return SQLITE_OK;
    sqlite3_stmt *st = store_stmt(s, STMT_ENTITY_FIND, sql_entity_find);
    if (!st)
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_text(st, 1, entity_type_name(type), -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC));
    src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        src = SQLITE_OK;
        goto out;
    }
    if (src != SQLITE_DONE)
        goto out;
    store_stmt_done(st);
    if (!(st = store_stmt(s, STMT_ENTITY_INSERT, sql_entity_insert)))
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_text(st, 1, entity_type_name(type), -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC));
    CHECK(store_bind_id(st, 3, next_id(s, STORE_IDS_ENTITIES)));
    CHECK(stmt_run(st));
    *id = sqlite3_last_insert_rowid(s->db);
out:
    store_stmt_done(st);
    if (src == SQLITE_OK && klen)
        wmap_put(&w->ents, key->data, klen, *id); /* a miss only costs a lookup later */
    return src;
}

/* The names cache key: the statement, the entity id (their bytes: only this
 * process reads the key, and printf cost as much as the lookup it saves),
 * then the text; 0 on OOM. */
static size_t names_key(struct buf *b, enum store_stmt_id id, int64_t entity_id, const char *text)
{
    char head[1 + sizeof entity_id];
    head[0] = (char)id;
    memcpy(head + 1, &entity_id, sizeof entity_id);
    b->len = 0;
    if (!buf_append(b, head, sizeof head) || !buf_append(b, text, strlen(text)))
        return 0;
    return b->len;
}

/* Adds (entity_id, text) rows with one of the three INSERT OR IGNORE
 * statements; in a batch, rows the writer knows are there are skipped. */
static int entity_names_insert(struct store *s, enum store_stmt_id id, const char *sql,
                               int64_t entity_id, const struct strv *names, struct buf *key)
{
    int src = SQLITE_OK;
    struct store_wcache *w = s->in_batch ? s->wc : NULL;
    sqlite3_stmt *st = NULL;
    for (size_t i = 0; i < names->n; i++) {
        size_t klen = 0;
        int64_t one;
        if (w) {
            klen = names_key(key, id, entity_id, names->v[i]);
            if (klen && wmap_get(&w->names, key->data, klen, &one))
                continue;
        }
        if (!st && !(st = store_stmt(s, id, sql)))
            return SQLITE_ERROR;
        CHECK(sqlite3_bind_int64(st, 1, entity_id));
        CHECK(sqlite3_bind_text(st, 2, names->v[i], -1, SQLITE_STATIC));
        CHECK(stmt_run(st));
        sqlite3_reset(st);
        if (klen)
            wmap_put(&w->names, key->data, klen, 1);
    }
out:
    store_stmt_done(st);
    return src;
}

/* Stores one entity of the article: its row, aliases, names, titles and its
 * mention, which speaks `quotes` of the article's quotes. The entity's
 * counters are the caller's (article_counts). */
static int article_entity_insert(struct store *s, int64_t article_id, const char *sort_at,
                                 struct entity *e, int64_t quotes, struct buf *key)
{
    int src;
    sqlite3_stmt *st = NULL;
    CHECK(entity_upsert(s, e->type, e->name, &e->id, key));
    CHECK(entity_names_insert(s, STMT_ALIAS_INSERT, sql_alias_insert, e->id, &e->aliases, key));
    CHECK(entity_names_insert(s, STMT_NAME_INSERT, sql_name_insert, e->id, &e->aliases, key));
    struct strv own = {.v = &e->name, .n = 1};
    CHECK(entity_names_insert(s, STMT_NAME_INSERT, sql_name_insert, e->id, &own, key));
    CHECK(entity_names_insert(s, STMT_TITLE_INSERT, sql_title_insert, e->id, &e->titles, key));
    if (!(st = store_stmt(s, STMT_MENTION_INSERT, sql_mention_insert)))
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_int64(st, 1, article_id));
    CHECK(sqlite3_bind_int64(st, 2, e->id));
    CHECK(sqlite3_bind_int64(st, 3, e->mentions > 0 ? e->mentions : 1));
    CHECK(sqlite3_bind_text(st, 4, sort_at, -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_int64(st, 5, quotes));
    CHECK(stmt_run(st));
out:
    store_stmt_done(st);
    return src;
}

/* Runs one entity's counter update. */
static int entity_count_run(struct store *s, const struct wcount *d)
{
    int src;
    sqlite3_stmt *st = store_stmt(s, STMT_ENTITY_COUNT, sql_entity_count);
    if (!st)
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_int64(st, 1, d->id));
    CHECK(sqlite3_bind_int64(st, 2, d->articles));
    CHECK(sqlite3_bind_int64(st, 3, d->mentions));
    CHECK(sqlite3_bind_int64(st, 4, d->quotes));
    CHECK(stmt_run(st));
out:
    store_stmt_done(st);
    return src;
}

/* The counters one stored article adds to its entity i. */
static struct wcount article_count_of(const struct article *a, const int64_t *quotes, size_t i)
{
    const struct entity *e = &a->entities[i];
    return (struct wcount){
        .id = e->id, .articles = 1, .mentions = e->mentions > 0 ? e->mentions : 1,
        .quotes = quotes[i]};
}

/* What storing one article leaves for after its transaction or savepoint:
 * per entity of the article, how many of its quotes it speaks; per quote,
 * the group whose occurrence the batch's sums must still add (0: none); and
 * the article's sort key. */
struct article_tx {
    int64_t *quotes;
    int64_t *pending;
    char *sort_at;
    const unsigned char *keys; /* borrowed: the quotes' group keys made ahead, or NULL */
};

static void article_tx_clear(struct article_tx *t)
{
    free(t->quotes);
    free(t->pending);
    free(t->sort_at);
    memset(t, 0, sizeof *t);
}

/* The article's entities sorted by (type, name), as indices into
 * a->entities: speaker lookups in O(log n), so an article with thousands of
 * speakers costs no more than it should. */
struct ent_index {
    size_t *v;
    size_t n, cap;
};

static int ent_cmp(const struct article *a, size_t i, enum entity_type t, const char *name)
{
    const struct entity *e = &a->entities[i];
    if (e->type != t)
        return e->type < t ? -1 : 1;
    return strcmp(e->name ? e->name : "", name);
}

/* Binary search: true when found; *at is its position or where it belongs. */
static bool ent_find(const struct ent_index *x, const struct article *a, enum entity_type t,
                     const char *name, size_t *at)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = ent_cmp(a, x->v[mid], t, name);
        if (c == 0) {
            *at = mid;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *at = lo;
    return false;
}

static bool ent_insert(struct ent_index *x, size_t at, size_t entity)
{
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 16;
        size_t *v = realloc(x->v, cap * sizeof *v);
        if (!v)
            return false;
        x->v = v;
        x->cap = cap;
    }
    memmove(x->v + at + 1, x->v + at, (x->n - at) * sizeof *x->v);
    x->v[at] = entity;
    x->n++;
    return true;
}

/* Makes sure every named speaker is one of the article's entities (a speaker
 * the extraction did not list counts as one mention), so that each quote's
 * speaker has its mention row; speaker_of[i] gets the entity index of quote
 * i, or SIZE_MAX when it has no named speaker. */
static bool article_speakers_listed(struct article *a, size_t *speaker_of)
{
    struct ent_index x = {0};
    bool ok = true;
    size_t at;
    for (size_t i = 0; ok && i < a->n_entities; i++)
        if (!ent_find(&x, a, a->entities[i].type, a->entities[i].name ? a->entities[i].name : "",
                      &at))
            ok = ent_insert(&x, at, i);
    for (size_t i = 0; ok && i < a->n_quotes; i++) {
        const struct quote *q = &a->quotes[i];
        speaker_of[i] = SIZE_MAX;
        if (!q->speaker_name)
            continue;
        if (ent_find(&x, a, q->speaker_type, q->speaker_name, &at)) {
            speaker_of[i] = x.v[at];
            continue;
        }
        struct entity *v = realloc(a->entities, (a->n_entities + 1) * sizeof *v);
        if (!v) {
            ok = false;
            break;
        }
        a->entities = v;
        struct entity *e = &a->entities[a->n_entities];
        memset(e, 0, sizeof *e);
        e->type = q->speaker_type;
        e->mentions = 1;
        ok = (e->name = util_strdup(q->speaker_name)) != NULL;
        if (ok)
            a->n_entities++;
        ok = ok && ent_insert(&x, at, a->n_entities - 1);
        speaker_of[i] = a->n_entities - 1;
    }
    free(x.v);
    return ok;
}

/* Finds or makes the group of a quote's words (their key); *id gets its row id. */
static int quote_group_upsert(struct store *s, const struct quote *q, const unsigned char *key,
                              const char *sort_at, int64_t *id)
{
    int src;
    sqlite3_stmt *st = store_stmt(s, STMT_GROUP_UPSERT, sql_group_upsert);
    if (!st)
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_blob(st, 1, key, STORE_QUOTE_KEY_LEN, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 2, q->text ? q->text : "", -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 3, sort_at, -1, SQLITE_STATIC));
    CHECK(store_bind_id(st, 4, next_id(s, STORE_IDS_GROUPS)));
    src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        src = stmt_run(st);
    }
out:
    store_stmt_done(st);
    return src;
}

/* In a batch: finds the group of a quote's words (the writer's memory, then
 * the canon index), or makes it counting this quote. *id gets its row id;
 * *counted is false when this occurrence is still to be added (by the
 * batch's sums, once the article is released into the batch). */
static int quote_group_find(struct store *s, const struct quote *q, const unsigned char *key,
                            const char *sort_at, int64_t *id, bool *counted)
{
    int src = SQLITE_OK;
    struct store_wcache *w = s->wc;
    sqlite3_stmt *st = NULL;
    const char *ck = (const char *)key;
    *counted = false;
    if (wmap_get(&w->groups, ck, STORE_QUOTE_KEY_LEN, id))
        goto out;
    if (!(st = store_stmt(s, STMT_GROUP_INSERT, sql_group_insert))) {
        src = SQLITE_ERROR;
        goto out;
    }
    /* The next id is taken only when the row is made, so the ids come out
     * as they did with the lookup first. */
    int64_t fresh = s->batch_last_id[STORE_IDS_GROUPS] + 1;
    CHECK(sqlite3_bind_blob(st, 1, key, STORE_QUOTE_KEY_LEN, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 2, q->text ? q->text : "", -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 3, sort_at, -1, SQLITE_STATIC));
    CHECK(store_bind_id(st, 4, fresh));
    CHECK(stmt_run(st));
    if (sqlite3_changes(s->db) == 1) {
        s->batch_last_id[STORE_IDS_GROUPS] = fresh;
        *id = fresh;
        *counted = true;
    } else {
        store_stmt_done(st);
        if (!(st = store_stmt(s, STMT_GROUP_FIND, sql_group_find))) {
            src = SQLITE_ERROR;
            goto out;
        }
        CHECK(sqlite3_bind_blob(st, 1, key, STORE_QUOTE_KEY_LEN, SQLITE_STATIC));
        src = sqlite3_step(st);
        if (src == SQLITE_ROW) {
            *id = sqlite3_column_int64(st, 0);
            src = SQLITE_OK;
        } else if (src == SQLITE_DONE) {
            src = SQLITE_CORRUPT; /* the canon that conflicted is not there */
        }
    }
    if (src == SQLITE_OK)
        wmap_put(&w->groups, ck, STORE_QUOTE_KEY_LEN, *id);
out:
    store_stmt_done(st);
    return src;
}

/* Runs one quote group's counter update. */
static int group_count_run(struct store *s, const struct wgroup *g)
{
    int src;
    sqlite3_stmt *st = store_stmt(s, STMT_GROUP_COUNT, sql_group_count);
    if (!st)
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_int64(st, 1, g->id));
    CHECK(sqlite3_bind_int64(st, 2, g->occurrences));
    CHECK(sqlite3_bind_text(st, 3, g->first, -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_text(st, 4, g->last, -1, SQLITE_STATIC));
    CHECK(stmt_run(st));
out:
    store_stmt_done(st);
    return src;
}

/* The group key of a quote's words; false on OOM. */
static bool quote_key_of(const struct quote *q, unsigned char key[STORE_QUOTE_KEY_LEN])
{
    char *canon = store_quote_canon(q->text ? q->text : "");
    if (!canon)
        return false;
    store_quote_key(canon, strlen(canon), key);
    free(canon);
    return true;
}

/* Stores quote pos of the article with its group; key is its group key
 * made ahead (store_article_prep), or NULL. In a batch, *pending gets the
 * group id when this occurrence is still to be counted, else 0. */
static int article_quote_insert(struct store *s, struct article *a, const char *sort_at, size_t pos,
                                struct quote *q, const unsigned char *key, size_t speaker,
                                int64_t *pending)
{
    int src;
    int64_t group = 0;
    bool counted = true;
    sqlite3_stmt *st = NULL;
    unsigned char own[STORE_QUOTE_KEY_LEN];
    if (!key && !quote_key_of(q, own))
        return SQLITE_NOMEM;
    key = key ? key : own;
    q->speaker_id = speaker == SIZE_MAX ? 0 : a->entities[speaker].id;
    if (s->in_batch && s->wc)
        CHECK(quote_group_find(s, q, key, sort_at, &group, &counted));
    else
        CHECK(quote_group_upsert(s, q, key, sort_at, &group));
    *pending = counted ? 0 : group;
    if (!(st = store_stmt(s, STMT_QUOTE_INSERT, sql_quote_insert)))
        return SQLITE_ERROR;
    CHECK(sqlite3_bind_int64(st, 1, a->id));
    CHECK(sqlite3_bind_int64(st, 2, (int64_t)pos));
    CHECK(sqlite3_bind_text(st, 3, q->text ? q->text : "", -1, SQLITE_STATIC));
    CHECK(store_bind_id(st, 4, q->speaker_id));
    CHECK(bind_text_borrowed(st, 5, q->speaker_text));
    CHECK(bind_text_borrowed(st, 6, q->cue));
    CHECK(sqlite3_bind_text(st, 7, quote_kind_name(q->kind), -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_int(st, 8, q->paragraph));
    CHECK(sqlite3_bind_int64(st, 9, q->start));
    CHECK(sqlite3_bind_int64(st, 10, q->end));
    CHECK(sqlite3_bind_text(st, 11, sort_at, -1, SQLITE_STATIC));
    CHECK(sqlite3_bind_int64(st, 12, group));
    CHECK(store_bind_id(st, 13, next_id(s, STORE_IDS_QUOTES)));
    CHECK(stmt_run(st));
    q->id = sqlite3_last_insert_rowid(s->db);
    q->article_id = a->id;
out:
    store_stmt_done(st);
    return src;
}

/* Adds a stored article's counters to its entities and the occurrences it
 * still owes its quote groups: now (one transaction per article), or to the
 * batch's sums once the article is released into the batch (what the sums
 * cannot take is written now). */
static int article_counts(struct store *s, const struct article *a, const struct article_tx *t,
                          bool defer)
{
    int src = SQLITE_OK;
    for (size_t i = 0; src == SQLITE_OK && i < a->n_entities; i++) {
        struct wcount d = article_count_of(a, t->quotes, i);
        if (!defer || !s->wc || !wcount_add(s->wc, &d))
            src = entity_count_run(s, &d);
    }
    for (size_t i = 0; src == SQLITE_OK && i < a->n_quotes; i++) {
        if (!t->pending[i])
            continue;
        if (!defer || !s->wc || !wgroup_add(s->wc, t->pending[i], t->sort_at)) {
            struct wgroup g = {.id = t->pending[i], .occurrences = 1};
            snprintf(g.first, sizeof g.first, "%s", t->sort_at);
            snprintf(g.last, sizeof g.last, "%s", t->sort_at);
            src = strlen(t->sort_at) < sizeof g.first ? group_count_run(s, &g) : SQLITE_ERROR;
        }
    }
    return src;
}

/* Inserts the article row; fills a->id and the sort key. */
static int article_row_insert(struct store *s, struct article *a, const char *hash, char **sort_at)
{
    int src;
    sqlite3_stmt *st = store_stmt(s, STMT_ARTICLE_INSERT, sql_article_insert);
    if (!st)
        return SQLITE_ERROR;
    CHECK(bind_text_borrowed(st, 1, hash));
    CHECK(bind_text_borrowed(st, 2, a->url));
    CHECK(bind_text_borrowed(st, 3, a->source));
    CHECK(bind_text_borrowed(st, 4, a->title));
    CHECK(bind_text_borrowed(st, 5, a->subtitle));
    CHECK(bind_text_borrowed(st, 6, a->section));
    CHECK(bind_text_borrowed(st, 7, a->dateline));
    CHECK(bind_text_borrowed(st, 8, a->published_at));
    CHECK(bind_text_borrowed(st, 9, a->ingested_at));
    CHECK(bind_text_borrowed(st, 10, a->body ? a->body : ""));
    CHECK(sqlite3_bind_int64(st, 11, a->word_count));
    CHECK(sqlite3_bind_int64(st, 12, (int64_t)a->n_quotes));
    CHECK(sqlite3_bind_int64(st, 13, (int64_t)a->n_entities));
    CHECK(store_bind_id(st, 14, next_id(s, STORE_IDS_ARTICLES)));
    src = sqlite3_step(st);
    if (src != SQLITE_ROW)
        goto out;
    a->id = sqlite3_last_insert_rowid(s->db);
    src = (*sort_at = store_col_text(st, 0)) ? SQLITE_OK : SQLITE_NOMEM;
    if (src == SQLITE_OK)
        src = stmt_run(st); /* finish the RETURNING statement */
out:
    store_stmt_done(st);
    return src;
}

/* Inserts position-ordered text rows (paragraphs or authors) of the article. */
static int article_texts_insert(struct store *s, enum store_stmt_id id, const char *sql,
                                int64_t article_id, const struct strv *texts, const char *sort_at)
{
    int src = SQLITE_OK;
    sqlite3_stmt *st = store_stmt(s, id, sql);
    if (!st)
        return SQLITE_ERROR;
    for (size_t i = 0; i < texts->n; i++) {
        CHECK(sqlite3_bind_int64(st, 1, article_id));
        CHECK(sqlite3_bind_int64(st, 2, (int64_t)i));
        CHECK(bind_text_borrowed(st, 3, texts->v[i]));
        if (sort_at)
            CHECK(bind_text_borrowed(st, 4, sort_at));
        CHECK(stmt_run(st));
        sqlite3_reset(st);
    }
out:
    store_stmt_done(st);
    return src;
}

/* --- paragraphs ----------------------------------------------------------------
 *
 * The body is the paragraphs joined by a blank line ("\n\n"), so an
 * article's paragraph rows only repeated its body: a fifth of the database
 * and a tenth of the writer's instructions. They are written only when
 * cutting the body at each "\n\n" (from the left) would not give the
 * paragraphs back exactly; readers cut the body when an article has no
 * paragraph rows (databases written before keep theirs). An empty body
 * cuts into no paragraph. */

/* The end of the paragraph that starts at body[off]: the next "\n\n", or the
 * end of the body; *last is true for the latter. */
static size_t paragraph_end(const char *body, size_t len, size_t off, bool *last)
{
    const char *sep = off < len ? strstr(body + off, "\n\n") : NULL;
    *last = sep == NULL;
    return sep ? (size_t)(sep - body) : len;
}

/* True when cutting a->body gives exactly a->paragraphs. */
static bool article_paragraphs_in_body(const struct article *a)
{
    const char *body = a->body ? a->body : "";
    size_t len = strlen(body), off = 0;
    if (len == 0)
        return a->paragraphs.n == 0;
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        bool last;
        size_t end = paragraph_end(body, len, off, &last);
        const char *p = a->paragraphs.v[i];
        if (strlen(p) != end - off || memcmp(p, body + off, end - off) != 0 ||
            last != (i + 1 == a->paragraphs.n))
            return false;
        off = end + 2;
    }
    return a->paragraphs.n > 0;
}

/* Cuts a stored article's body into its paragraphs (see above). */
static enum store_rc article_paragraphs_cut(const char *body, struct strv *out)
{
    size_t len = body ? strlen(body) : 0, off = 0;
    bool last = len == 0;
    while (!last) {
        size_t end = paragraph_end(body, len, off, &last);
        char *p = util_strndup(body + off, end - off);
        if (!p || !strv_push_taken(out, p))
            return STORE_ERR;
        off = end + 2;
    }
    return STORE_OK;
}

/* Looks for an already stored copy; *id is 0 when there is none. */
static int article_find_dup(struct store *s, const char *hash, const char *url, int64_t *id)
{
    int src;
    *id = 0;
    sqlite3_stmt *st = store_stmt(s, STMT_ARTICLE_FIND_DUP, sql_find_dup);
    if (!st)
        return SQLITE_ERROR;
    CHECK(bind_text_borrowed(st, 1, hash));
    CHECK(bind_text_borrowed(st, 2, url));
    src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    src = src == SQLITE_ROW || src == SQLITE_DONE ? SQLITE_OK : src;
out:
    store_stmt_done(st);
    return src;
}

/* Current time as ISO 8601 UTC with milliseconds. */
static char *store_now(void)
{
    struct timespec ts;
    struct tm tm;
    char buf[40];
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, sizeof buf - n, ".%03ldZ", ts.tv_nsec / 1000000);
    return util_strdup(buf);
}

/* Runs a cached statement whose one parameter is the article id. */
static int article_id_run(struct store *s, enum store_stmt_id id, const char *sql,
                          int64_t article_id)
{
    sqlite3_stmt *st = store_stmt(s, id, sql);
    if (!st)
        return SQLITE_ERROR;
    int src = sqlite3_bind_int64(st, 1, article_id);
    if (src == SQLITE_OK)
        src = stmt_run(st);
    store_stmt_done(st);
    return src;
}

/* Writes every row of the article (whose entities may grow by its named
 * speakers); the entity and group counters of a batch are left to
 * article_counts. */
static int article_insert_all(struct store *s, struct article *a, const char *hash,
                              struct article_tx *t)
{
    int src = SQLITE_NOMEM;
    struct buf key = {0};
    size_t *speaker_of = calloc(a->n_quotes ? a->n_quotes : 1, sizeof *speaker_of);
    if (!speaker_of || !article_speakers_listed(a, speaker_of))
        goto out;
    if (!(t->quotes = calloc(a->n_entities ? a->n_entities : 1, sizeof *t->quotes)) ||
        !(t->pending = calloc(a->n_quotes ? a->n_quotes : 1, sizeof *t->pending)))
        goto out;
    for (size_t i = 0; i < a->n_quotes; i++)
        if (speaker_of[i] != SIZE_MAX)
            t->quotes[speaker_of[i]]++;
    CHECK(article_row_insert(s, a, hash, &t->sort_at));
    if (!article_paragraphs_in_body(a))
        CHECK(article_texts_insert(s, STMT_PARAGRAPH_INSERT, sql_paragraph_insert, a->id,
                                   &a->paragraphs, NULL));
    CHECK(article_texts_insert(s, STMT_AUTHOR_INSERT, sql_author_insert, a->id, &a->authors,
                               t->sort_at));
    for (size_t i = 0; i < a->n_entities; i++)
        CHECK(article_entity_insert(s, a->id, t->sort_at, &a->entities[i], t->quotes[i], &key));
    for (size_t i = 0; i < a->n_quotes; i++)
        CHECK(article_quote_insert(s, a, t->sort_at, i, &a->quotes[i],
                                   t->keys ? t->keys + i * STORE_QUOTE_KEY_LEN : NULL,
                                   speaker_of[i], &t->pending[i]));
    if (!s->in_batch) { /* a batch adds its full-text rows and counters when it commits */
        CHECK(article_counts(s, a, t, false));
        CHECK(article_id_run(s, STMT_ARTICLE_FTS_INSERT, sql_article_fts_insert, a->id));
        CHECK(article_id_run(s, STMT_QUOTES_FTS_INSERT, sql_quotes_fts_insert, a->id));
    }
out:
    buf_clear(&key);
    free(speaker_of);
    return src;
}

int store_batch_ids(struct store *s)
{
    sqlite3_stmt *st = store_stmt(s, STMT_BATCH_MAX_IDS, sql_batch_max_ids);
    if (!st)
        return SQLITE_ERROR;
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        s->batch_article_max = s->fts_article_from = sqlite3_column_int64(st, 0);
        s->fts_quote_from = sqlite3_column_int64(st, 1);
        for (int t = 0; t < STORE_IDS__COUNT; t++)
            s->batch_last_id[t] = sqlite3_column_int64(st, 2 + t);
        src = SQLITE_OK;
    }
    store_stmt_done(st);
    return src;
}

/* Writes the full-text rows of the batch's articles and quotes stored since
 * the last call, by rowid range, one statement per index. */
static int batch_fts_rows(struct store *s)
{
    int src = article_id_run(s, STMT_BATCH_ARTICLES_FTS, sql_batch_articles_fts,
                             s->fts_article_from);
    if (src == SQLITE_OK)
        src = article_id_run(s, STMT_BATCH_QUOTES_FTS, sql_batch_quotes_fts, s->fts_quote_from);
    if (src == SQLITE_OK) {
        s->fts_article_from = s->batch_last_id[STORE_IDS_ARTICLES];
        s->fts_quote_from = s->batch_last_id[STORE_IDS_QUOTES];
    }
    return src;
}

int store_batch_fts(struct store *s)
{
    int src = SQLITE_OK;
    struct store_wcache *w = s->wc;
    for (size_t i = 0; w && src == SQLITE_OK && i < w->ccap; i++)
        if (w->c[i].id)
            src = entity_count_run(s, &w->c[i]);
    for (size_t i = 0; w && src == SQLITE_OK && i < w->gcap; i++)
        if (w->g[i].id)
            src = group_count_run(s, &w->g[i]);
    if (w) {
        wcount_clear(w);
        wgroup_clear(w);
    }
    if (src == SQLITE_OK)
        src = batch_fts_rows(s);
    return src;
}

/* Used by store_batch_check: changes when another connection commits. */
static const char sql_batch_data_version[] = "PRAGMA data_version";

int store_batch_check(struct store *s)
{
    if (!s->wc) {
        if (!(s->wc = calloc(1, sizeof *s->wc)))
            return SQLITE_OK; /* no memory: the batch runs without it */
        s->wc->groups.max = STORE_WCACHE_GROUPS;
    }
    sqlite3_stmt *st = store_stmt(s, STMT_BATCH_DATA_VERSION, sql_batch_data_version);
    if (!st)
        return SQLITE_ERROR;
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        int64_t v = sqlite3_column_int64(st, 0);
        if (!s->wc->version_known || v != s->wc->data_version)
            wcache_forget(s->wc);
        s->wc->data_version = v;
        s->wc->version_known = true;
        src = SQLITE_OK;
    }
    store_stmt_done(st);
    return src;
}

void store_batch_forget(struct store *s)
{
    wcache_forget(s->wc);
}

/* Stores one article inside the open batch, without a savepoint of its own:
 * *fresh is true when it was newly stored. On failure nothing is undone here
 * (batch_article_insert does). */
static int batch_article_once(struct store *s, struct article *a, const struct store_prep *prep,
                              struct store_insert *out)
{
    char hash[33];
    int src;
    struct article_tx t = {0};
    out->id = 0;
    out->duplicate = false;
    if (!a->ingested_at && !(a->ingested_at = store_now()))
        return SQLITE_NOMEM;
    if (prep) {
        memcpy(hash, prep->hash, sizeof hash);
        t.keys = prep->quote_keys;
    } else {
        article_content_hash(a, hash);
    }
    CHECK(article_find_dup(s, hash, a->url, &out->id));
    if (out->id) {
        out->duplicate = true;
        goto out;
    }
    CHECK(article_insert_all(s, a, hash, &t));
    CHECK(article_counts(s, a, &t, true));
    out->id = a->id;
out:
    article_tx_clear(&t);
    return src;
}

/* Remembers a newly stored article of the batch (borrowed) for a replay. */
static bool batch_keep(struct store *s, struct article *a)
{
    if (s->n_kept == s->cap_kept) {
        size_t cap = s->cap_kept ? s->cap_kept * 2 : 256;
        struct article **v = realloc(s->kept, cap * sizeof *v);
        if (!v)
            return false;
        s->kept = v;
        s->cap_kept = cap;
    }
    s->kept[s->n_kept++] = a;
    return true;
}

/* Takes the batch back and starts it again with its earlier articles, so
 * that a failed article leaves exactly itself out. The write lock is given
 * up for a moment: should another writer store one of those articles in
 * between, it is stored once all the same. When the batch cannot be written
 * again it is lost, which store_batch_commit reports. */
static void batch_replay(struct store *s)
{
    struct store_insert r;
    wcache_forget(s->wc);
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    int src = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (src == SQLITE_OK)
        src = store_batch_ids(s);
    if (src == SQLITE_OK)
        src = store_batch_check(s);
    for (size_t i = 0; src == SQLITE_OK && i < s->n_kept; i++) {
        src = batch_article_once(s, s->kept[i], NULL, &r);
        if (src == SQLITE_OK && r.duplicate)
            log_warn("event=batch_replay_duplicate id=%lld", (long long)r.id);
    }
    if (src != SQLITE_OK) {
        log_error("event=batch_lost stmt=batch_replay rc=%d", src);
        if (!sqlite3_get_autocommit(s->db))
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        s->n_kept = 0;
        wcache_forget(s->wc);
    }
}

/* store_article_insert inside a batch. The article writes straight into the
 * batch's transaction: a savepoint per article (or one around the batch)
 * made SQLite copy the pages it touched into its statement journal, a tenth
 * of the writer's instructions and more in memory traffic. A failure, rare,
 * is undone by batch_replay instead. */
static enum store_rc batch_article_insert(struct store *s, struct article *a,
                                          const struct store_prep *prep, struct store_insert *out)
{
    if (sqlite3_get_autocommit(s->db)) {
        /* The batch was rolled back after an error (disk full, I/O): its
         * articles are gone, and store_batch_commit will say so. */
        log_error("event=batch_lost stmt=article_insert");
        return STORE_ERR;
    }
    int src = SQLITE_OK;
    if (s->n_kept && s->fts_step && s->n_kept % s->fts_step == 0 &&
        s->fts_article_from < s->batch_last_id[STORE_IDS_ARTICLES])
        src = batch_fts_rows(s);
    if (src == SQLITE_OK)
        src = batch_article_once(s, a, prep, out);
    if (src == SQLITE_OK && !out->duplicate && !batch_keep(s, a))
        src = SQLITE_NOMEM;
    if (src == SQLITE_OK)
        return STORE_OK;
    enum store_rc rc = store_rc_from(s, src, "article_insert");
    out->id = 0;
    out->duplicate = false;
    batch_replay(s);
    return rc;
}

enum store_rc store_article_prep(const struct article *a, struct store_prep *p)
{
    memset(p, 0, sizeof *p);
    if (a->n_quotes && !(p->quote_keys = malloc(a->n_quotes * STORE_QUOTE_KEY_LEN)))
        return STORE_ERR;
    for (size_t i = 0; i < a->n_quotes; i++) {
        if (!quote_key_of(&a->quotes[i], p->quote_keys + i * STORE_QUOTE_KEY_LEN)) {
            store_prep_clear(p);
            return STORE_ERR;
        }
    }
    article_content_hash(a, p->hash);
    p->n_quotes = a->n_quotes;
    return STORE_OK;
}

void store_prep_clear(struct store_prep *p)
{
    if (!p)
        return;
    free(p->quote_keys);
    memset(p, 0, sizeof *p);
}

enum store_rc store_article_insert(struct store *s, struct article *a, struct store_insert *out)
{
    return store_article_insert_prep(s, a, NULL, out);
}

enum store_rc store_article_insert_prep(struct store *s, struct article *a,
                                        const struct store_prep *prep, struct store_insert *out)
{
    char hash[33];
    int src;
    bool in_tx = false;
    struct article_tx t = {0};
    if (prep && prep->n_quotes != a->n_quotes)
        prep = NULL; /* not made from this article as it is: work it out here */
    if (s->in_batch)
        return batch_article_insert(s, a, prep, out);
    out->id = 0;
    out->duplicate = false;
    if (!a->ingested_at && !(a->ingested_at = store_now()))
        return STORE_ERR;
    if (prep) {
        memcpy(hash, prep->hash, sizeof hash);
        t.keys = prep->quote_keys;
    } else {
        article_content_hash(a, hash);
    }
    /* Inside a caller's transaction the article is a savepoint of it, so a
     * failure still takes back exactly this article. */
    bool nested = !sqlite3_get_autocommit(s->db);
    CHECK(sqlite3_exec(s->db, nested ? "SAVEPOINT article" : "BEGIN IMMEDIATE", NULL, NULL, NULL));
    in_tx = true;
    CHECK(article_find_dup(s, hash, a->url, &out->id));
    if (out->id) {
        out->duplicate = true;
        goto out;
    }
    CHECK(article_insert_all(s, a, hash, &t));
    CHECK(sqlite3_exec(s->db, nested ? "RELEASE article" : "COMMIT", NULL, NULL, NULL));
    in_tx = false;
    out->id = a->id;
out:;
    /* Translate (and log) before the rollback, which would replace errmsg. */
    enum store_rc rc = src == SQLITE_OK ? STORE_OK : store_rc_from(s, src, "article_insert");
    if (in_tx)
        sqlite3_exec(s->db, nested ? "ROLLBACK TO article; RELEASE article" : "ROLLBACK", NULL,
                     NULL, NULL);
    if (rc != STORE_OK)
        out->id = 0;
    article_tx_clear(&t);
    return rc;
}

/* --- delete ------------------------------------------------------------------ */

/* Used by store_article_delete, in this order, all bound to ?1 = article id.
 * Each count is taken off with one pass over the article's rows (its
 * mentions by primary key, its quotes by UNIQUE (article_id, position),
 * grouped), joined to the rows they change: a correlated count per changed
 * row walked the article's quotes once for each of its quote groups, and
 * an article of 10,000 quotes took 13 s to delete, holding the write lock. */
static const char sql_uncount_mentions[] =
    "UPDATE entities SET article_count = article_count - 1, "
    " mention_count = mention_count - m.count "
    "FROM mentions m WHERE m.article_id = ?1 AND m.entity_id = entities.id";
static const char sql_uncount_quotes[] =
    "UPDATE entities SET quote_count = quote_count - c.n "
    "FROM (SELECT speaker_id, count(*) AS n FROM quotes "
    "      WHERE article_id = ?1 AND speaker_id IS NOT NULL GROUP BY speaker_id) AS c "
    "WHERE entities.id = c.speaker_id";
static const char sql_delete_orphans[] =
    "DELETE FROM entities WHERE article_count <= 0 AND quote_count <= 0 AND id IN "
    " (SELECT entity_id FROM mentions WHERE article_id = ?1 "
    "  UNION SELECT speaker_id FROM quotes WHERE article_id = ?1)";
/* Quote groups: take the article's quotes off, move first/last seen to the
 * remaining quotes (quotes_by_group gives min and max), and drop the groups
 * only this article had (which cascades to its quotes in them). */
static const char sql_uncount_groups[] =
    "UPDATE quote_groups SET occurrences = occurrences - c.n "
    "FROM (SELECT group_id, count(*) AS n FROM quotes WHERE article_id = ?1 "
    "      GROUP BY group_id) AS c "
    "WHERE quote_groups.id = c.group_id";
static const char sql_reseen_groups[] =
    "UPDATE quote_groups SET "
    " first_seen = (SELECT min(sort_at) FROM quotes q WHERE q.group_id = quote_groups.id "
    "  AND q.article_id <> ?1), "
    " last_seen = (SELECT max(sort_at) FROM quotes q WHERE q.group_id = quote_groups.id "
    "  AND q.article_id <> ?1) "
    "WHERE occurrences > 0 AND id IN (SELECT group_id FROM quotes WHERE article_id = ?1)";
static const char sql_delete_groups[] =
    "DELETE FROM quote_groups WHERE occurrences <= 0 "
    "AND id IN (SELECT group_id FROM quotes WHERE article_id = ?1)";
static const char sql_delete_article[] = "DELETE FROM articles WHERE id = ?1";

enum store_rc store_article_delete(struct store *s, int64_t id)
{
    static const struct {
        enum store_stmt_id id;
        const char *sql;
    } steps[] = {
        {STMT_DELETE_UNCOUNT_MENTIONS, sql_uncount_mentions},
        {STMT_DELETE_UNCOUNT_QUOTES, sql_uncount_quotes},
        {STMT_DELETE_ORPHANS, sql_delete_orphans},
        {STMT_DELETE_UNCOUNT_GROUPS, sql_uncount_groups},
        {STMT_DELETE_RESEEN_GROUPS, sql_reseen_groups},
        {STMT_DELETE_GROUPS, sql_delete_groups},
        {STMT_DELETE_ARTICLE, sql_delete_article},
    };
    int src;
    bool in_tx = false, found = false;
    wcache_forget(s->wc); /* it may remove entities the bulk writer remembers */
    CHECK(sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
    in_tx = true;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        sqlite3_stmt *st = store_stmt(s, steps[i].id, steps[i].sql);
        if (!st) {
            src = SQLITE_ERROR;
            goto out;
        }
        src = sqlite3_bind_int64(st, 1, id);
        if (src == SQLITE_OK)
            src = stmt_run(st);
        if (steps[i].id == STMT_DELETE_ARTICLE)
            found = sqlite3_changes(s->db) > 0;
        store_stmt_done(st);
        if (src != SQLITE_OK)
            goto out;
    }
    CHECK(sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL));
    in_tx = false;
out:;
    enum store_rc rc = src == SQLITE_OK ? STORE_OK : store_rc_from(s, src, "article_delete");
    if (in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (rc != STORE_OK)
        return rc;
    return found ? STORE_OK : STORE_NOT_FOUND;
}

/* --- reads ------------------------------------------------------------------- */

enum store_rc store_article_row(sqlite3_stmt *st, int b, struct article *a)
{
    a->id = sqlite3_column_int64(st, b + 0);
    a->url = store_col_text(st, b + 1);
    a->title = store_col_text(st, b + 2);
    a->subtitle = store_col_text(st, b + 3);
    a->section = store_col_text(st, b + 4);
    a->dateline = store_col_text(st, b + 5);
    a->published_at = store_col_text(st, b + 6);
    a->word_count = sqlite3_column_int64(st, b + 7);
    a->quote_count = sqlite3_column_int64(st, b + 8);
    a->entity_count = sqlite3_column_int64(st, b + 9);
    a->ingested_at = store_col_text(st, b + 10);
    a->source = store_col_text(st, b + 11);
    return a->ingested_at ? STORE_OK : STORE_ERR; /* title may be NULL */
}

/* Reads position-ordered text rows of one article into out. */
static enum store_rc article_texts_read(struct store *s, enum store_stmt_id id, const char *sql,
                                        int64_t article_id, struct strv *out)
{
    sqlite3_stmt *st = store_stmt(s, id, sql);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_bind_int64(st, 1, article_id);
    while (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW)
        src = strv_push_taken(out, store_col_text(st, 0)) ? SQLITE_OK : SQLITE_NOMEM;
    store_stmt_done(st);
    return src == SQLITE_DONE ? STORE_OK : store_rc_from(s, src, "article_texts");
}

/* Served by the primary key (article_id, position). */
static const char sql_article_authors[] =
    "SELECT name FROM article_authors WHERE article_id = ?1 ORDER BY position";
static const char sql_article_paragraphs[] =
    "SELECT text FROM article_paragraphs WHERE article_id = ?1 ORDER BY position";

enum store_rc store_article_authors(struct store *s, struct article *a)
{
    return article_texts_read(s, STMT_ARTICLE_AUTHORS, sql_article_authors, a->id, &a->authors);
}

static const char sql_article_get[] =
    "SELECT " STORE_ARTICLE_SUMMARY_COLS ", a.body FROM articles a WHERE a.id = ?1";
/* All quotes of one article in order: UNIQUE (article_id, position). */
static const char sql_article_quotes_all[] =
    "SELECT " STORE_QUOTE_COLS " FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id "
    "WHERE q.article_id = ?1 ORDER BY q.position";
/* All entities of one article, most mentioned first: mentions_by_article_count. */
static const char sql_article_entities_all[] =
    "SELECT " STORE_ENTITY_COLS ", m.count FROM mentions m JOIN entities e ON e.id = m.entity_id "
    "WHERE m.article_id = ?1 ORDER BY m.count DESC, m.entity_id";

static enum store_rc article_quotes_read(struct store *s, struct article *a)
{
    sqlite3_stmt *st = store_stmt(s, STMT_ARTICLE_QUOTES_ALL, sql_article_quotes_all);
    if (!st)
        return STORE_ERR;
    size_t cap = 0;
    int src = sqlite3_bind_int64(st, 1, a->id);
    while (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (a->n_quotes == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            struct quote *v = realloc(a->quotes, ncap * sizeof *v);
            if (!v) {
                src = SQLITE_NOMEM;
                break;
            }
            a->quotes = v;
            cap = ncap;
        }
        memset(&a->quotes[a->n_quotes], 0, sizeof a->quotes[0]);
        store_quote_row(st, &a->quotes[a->n_quotes++]);
        src = SQLITE_OK;
    }
    store_stmt_done(st);
    return src == SQLITE_DONE ? STORE_OK : store_rc_from(s, src, "article_quotes");
}

static enum store_rc article_entities_read(struct store *s, struct article *a)
{
    sqlite3_stmt *st = store_stmt(s, STMT_ARTICLE_ENTITIES_ALL, sql_article_entities_all);
    if (!st)
        return STORE_ERR;
    size_t cap = 0;
    int src = sqlite3_bind_int64(st, 1, a->id);
    while (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (a->n_entities == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            struct entity *v = realloc(a->entities, ncap * sizeof *v);
            if (!v) {
                src = SQLITE_NOMEM;
                break;
            }
            a->entities = v;
            cap = ncap;
        }
        struct entity *e = &a->entities[a->n_entities++];
        memset(e, 0, sizeof *e);
        store_entity_row(st, e);
        e->mentions = sqlite3_column_int64(st, STORE_ENTITY_NCOLS);
        src = SQLITE_OK;
    }
    store_stmt_done(st);
    if (src != SQLITE_DONE)
        return store_rc_from(s, src, "article_entities");
    for (size_t i = 0; i < a->n_entities; i++) {
        enum store_rc rc = store_entity_names(s, &a->entities[i]);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

enum store_rc store_article_get(struct store *s, int64_t id, struct article *out)
{
    sqlite3_stmt *st = store_stmt(s, STMT_ARTICLE_GET, sql_article_get);
    if (!st)
        return STORE_ERR;
    enum store_rc rc;
    int src = sqlite3_bind_int64(st, 1, id);
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        rc = store_article_row(st, 0, out);
        out->body = store_col_text(st, STORE_ARTICLE_SUMMARY_NCOLS);
    } else {
        rc = src == SQLITE_DONE ? STORE_NOT_FOUND : store_rc_from(s, src, "article_get");
    }
    store_stmt_done(st);
    if (rc == STORE_OK)
        rc = store_article_authors(s, out);
    if (rc == STORE_OK)
        rc = article_texts_read(s, STMT_ARTICLE_PARAGRAPHS, sql_article_paragraphs, id,
                                &out->paragraphs);
    if (rc == STORE_OK && out->paragraphs.n == 0)
        rc = article_paragraphs_cut(out->body, &out->paragraphs);
    if (rc == STORE_OK)
        rc = article_quotes_read(s, out);
    if (rc == STORE_OK)
        rc = article_entities_read(s, out);
    return rc;
}

static const char sql_article_exists[] = "SELECT 1 FROM articles WHERE id = ?1";

enum store_rc store_article_exists(struct store *s, int64_t id)
{
    sqlite3_stmt *st = store_stmt(s, STMT_ARTICLE_EXISTS, sql_article_exists);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_bind_int64(st, 1, id);
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    store_stmt_done(st);
    return src == SQLITE_ROW    ? STORE_OK
           : src == SQLITE_DONE ? STORE_NOT_FOUND
                                : store_rc_from(s, src, "article_exists");
}
