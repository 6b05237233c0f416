/* lists.c: the paged list queries (articles, quotes, entities) with keyset
 * cursors and exact totals. Each query is assembled from the constant SQL
 * fragments below, chosen by which filters are set; every value is bound, never
 * written into the SQL. The fragment that leads the query picks the index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsd/log.h"
#include "store_internal.h"

#define LIST_MAX_BINDS 16

/* The UTC form of sort_at; from/to are normalised to it by SQLite. */
#define SORT_FMT "'%Y-%m-%dT%H:%M:%SZ'"

/* A query being assembled: SQL from constant fragments, values in bind order. */
struct list_sql {
    struct buf sql;
    int n;
    bool oom;
    struct {
        char kind; /* 't'ext, 'i'nteger, 'r'eal */
        int64_t i;
        double r;
        const char *s;
    } b[LIST_MAX_BINDS];
};

static void ls_sql(struct list_sql *q, const char *fragment)
{
    if (!buf_puts(&q->sql, fragment))
        q->oom = true;
}

static void ls_text(struct list_sql *q, const char *fragment, const char *v)
{
    ls_sql(q, fragment);
    if (q->n < LIST_MAX_BINDS) {
        q->b[q->n].kind = 't';
        q->b[q->n++].s = v;
    } else {
        q->oom = true;
    }
}

static void ls_int(struct list_sql *q, const char *fragment, int64_t v)
{
    ls_sql(q, fragment);
    if (q->n < LIST_MAX_BINDS) {
        q->b[q->n].kind = 'i';
        q->b[q->n++].i = v;
    } else {
        q->oom = true;
    }
}

static void ls_real(struct list_sql *q, const char *fragment, double v)
{
    ls_sql(q, fragment);
    if (q->n < LIST_MAX_BINDS) {
        q->b[q->n].kind = 'r';
        q->b[q->n++].r = v;
    } else {
        q->oom = true;
    }
}

/* Adds one more bound value for a fragment that has several placeholders. */
static void ls_more_text(struct list_sql *q, const char *v)
{
    ls_text(q, "", v);
}

static void ls_more_int(struct list_sql *q, int64_t v)
{
    ls_int(q, "", v);
}

/* Appends the query plan of q to s->explain, one "what: detail" line per step,
 * so tests can check that every list walks an index. */
static void ls_explain(struct store *s, struct list_sql *q, const char *what);

static enum store_rc ls_count_run(struct store *s, struct list_sql *q, const char *what,
                                  int64_t *total);

/* Prepares q and binds its values; NULL (logged) on failure. Caller finalizes. */
static sqlite3_stmt *ls_prepare(struct store *s, struct list_sql *q, const char *what)
{
    if (q->oom)
        return NULL;
    if (s->explain)
        ls_explain(s, q, what);
    sqlite3_stmt *st = store_prepare_cached(s, q->sql.data, what);
    for (int i = 0; st && i < q->n; i++) {
        int rc = q->b[i].kind == 't'   ? store_bind_text(st, i + 1, q->b[i].s)
                 : q->b[i].kind == 'r' ? sqlite3_bind_double(st, i + 1, q->b[i].r)
                                       : sqlite3_bind_int64(st, i + 1, q->b[i].i);
        if (rc != SQLITE_OK) {
            store_rc_from(s, rc, what);
            store_stmt_release(s, st);
            st = NULL;
        }
    }
    return st;
}

static void ls_explain(struct store *s, struct list_sql *q, const char *what)
{
    struct buf sql = {0};
    struct buf *keep = s->explain;
    s->explain = NULL; /* no recursion through ls_prepare */
    if (buf_puts(&sql, "EXPLAIN QUERY PLAN ") && buf_puts(&sql, q->sql.data)) {
        struct buf text = q->sql;
        q->sql = sql;
        sqlite3_stmt *st = ls_prepare(s, q, what);
        q->sql = text;
        while (st && sqlite3_step(st) == SQLITE_ROW)
            buf_printf(keep, "%s: %s\n", what, (const char *)sqlite3_column_text(st, 3));
        store_stmt_release(s, st);
    }
    buf_clear(&sql);
    s->explain = keep;
}

static enum store_rc ls_count_run(struct store *s, struct list_sql *q, const char *what,
                                  int64_t *total)
{
    sqlite3_stmt *st = ls_prepare(s, q, what);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        *total = sqlite3_column_int64(st, 0);
    store_stmt_release(s, st);
    return src == SQLITE_ROW ? STORE_OK : store_rc_from(s, src, what);
}

static void ls_clear(struct list_sql *q)
{
    buf_clear(&q->sql);
}

/* Changes whenever another connection commits: the database generation. */
static const char sql_data_version[] = "PRAGMA data_version";

/* Empties the totals cache when the database changed since it was filled:
 * data_version moves with other connections' commits, total_changes with this
 * connection's own writes. */
static void ls_counts_check(struct store *s)
{
    sqlite3_stmt *st = store_stmt(s, STMT_DATA_VERSION, sql_data_version);
    int64_t v = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    store_stmt_done(st);
    int64_t own = sqlite3_total_changes64(s->db);
    if (v < 0 || v != s->counts_version || own != s->counts_changes) {
        memset(s->counts, 0, sizeof s->counts);
        s->counts_version = v;
        s->counts_changes = own;
    }
}

bool store_read_moved(struct store *s)
{
    sqlite3_stmt *st = store_stmt(s, STMT_DATA_VERSION, sql_data_version);
    int64_t v = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    store_stmt_done(st);
    /* data_version starts at 1 on a fresh connection, so seen_version 0
     * makes the first call report a move. */
    bool moved = v < 0 || v != s->seen_version;
    s->seen_version = v;
    return moved;
}

/* The cache key of a count query: its SQL and every bound value. */
static uint64_t ls_key(const struct list_sql *q)
{
    uint64_t h = util_fnv1a(q->sql.data, q->sql.len, UTIL_FNV_SEED);
    for (int i = 0; i < q->n; i++) {
        h = util_fnv1a(&q->b[i].kind, 1, h);
        if (q->b[i].kind == 't')
            h = util_fnv1a(q->b[i].s ? q->b[i].s : "", q->b[i].s ? strlen(q->b[i].s) + 1 : 0, h);
        else if (q->b[i].kind == 'r')
            h = util_fnv1a(&q->b[i].r, sizeof q->b[i].r, h);
        else
            h = util_fnv1a(&q->b[i].i, sizeof q->b[i].i, h);
    }
    return h ? h : 1;
}

/* Runs a count(*) query, or answers it from the connection's cache when the
 * database has not changed since: totals stay exact and cost one pragma. */
static enum store_rc ls_count(struct store *s, struct list_sql *q, const char *what, int64_t *total)
{
    if (q->oom)
        return STORE_ERR;
    ls_counts_check(s);
    uint64_t key = ls_key(q);
    size_t slot = key % STORE_COUNT_CACHE;
    if (s->counts[slot].key == key && !s->explain) {
        *total = s->counts[slot].total;
        return STORE_OK;
    }
    enum store_rc rc = ls_count_run(s, q, what, total);
    if (rc == STORE_OK) {
        s->counts[slot].key = key;
        s->counts[slot].total = *total;
    }
    return rc;
}

/* Grows a page array of elem-sized items to hold one more; NULL on OOM. */
static void *ls_grow(void **items, size_t n, size_t *cap, size_t elem)
{
    if (n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void *v = realloc(*items, ncap * elem);
        if (!v)
            return NULL;
        *items = v;
        *cap = ncap;
    }
    char *slot = (char *)*items + n * elem;
    memset(slot, 0, elem);
    return slot;
}

/* Formats an int64 for a cursor field. */
static void ls_i64(char out[24], int64_t v)
{
    snprintf(out, 24, "%lld", (long long)v);
}

/* Parses a cursor integer field. */
static bool ls_parse_i64(const char *s, int64_t *v)
{
    char *end;
    if (!s || !*s)
        return false;
    long long x = strtoll(s, &end, 10);
    if (*end)
        return false;
    *v = x;
    return true;
}

/* --- articles ---------------------------------------------------------------- */

/* The driving fragments: the first one that applies picks the index. */
static const char art_from_default[] = /* articles_by_sort */
    " FROM articles a WHERE 1";
static const char art_from_entity[] = /* mentions_by_entity */
    " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?";
static const char art_from_author[] = /* article_authors_by_key */
    " FROM article_authors au JOIN articles a ON a.id = au.article_id "
    "WHERE au.name_key = newsd_fold(?)";
static const char art_from_section[] = /* articles_by_section */
    " FROM articles a WHERE a.section = ?";
static const char art_from_speaker[] = /* mentions_by_speaker (partial index) */
    " FROM mentions sp JOIN articles a ON a.id = sp.article_id "
    "WHERE sp.entity_id = ? AND sp.quotes > 0";
static const char art_from_fts[] = /* the FTS5 index */
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?";
/* A search with no other filter needs no article row until the page. */
static const char art_from_fts_only[] = " FROM articles_fts WHERE articles_fts MATCH ?";

enum art_driver { ART_DEFAULT, ART_ENTITY, ART_AUTHOR, ART_SECTION, ART_SPEAKER, ART_FTS };

/* Key column names of each driver, so the ORDER BY walks its index. A search
 * is ordered outside a subquery (see store_articles_list), by its column names. */
static const char *const art_key_sort[] = {"a.sort_at", "m.sort_at",  "au.sort_at",
                                           "a.sort_at", "sp.sort_at", "sort_at"};
static const char *const art_key_id[] = {"a.id", "m.article_id",  "au.article_id",
                                         "a.id", "sp.article_id", "id"};

/* Title weighs most, then the subtitle, then the body. */
#define ART_RANK "bm25(articles_fts, 10.0, 4.0, 1.0)"
/* sort=relevance ranks the newest this many matches (after the filters).
 * bm25 costs a docsize lookup and a position-list walk per row, about 1.4 us
 * here, so ranking every match of a common word (18,000 of 20,000 articles)
 * took 20-35 ms; this bound keeps a search under 1 ms however common its
 * words, and news readers want the recent hits anyway. meta.total still
 * counts every match, and sort=-published_at walks them all. */
#define ART_RANK_CANDIDATES 500

/* Adds FROM and the filters (not the cursor) of an article query. */
static void art_where(struct list_sql *q, const struct article_query *aq, enum art_driver d)
{
    switch (d) {
    case ART_ENTITY:
        ls_int(q, art_from_entity, aq->entity_id);
        break;
    case ART_AUTHOR:
        ls_text(q, art_from_author, aq->author);
        break;
    case ART_SECTION:
        ls_text(q, art_from_section, aq->section);
        break;
    case ART_SPEAKER:
        ls_int(q, art_from_speaker, aq->speaker_id);
        break;
    case ART_FTS:
        ls_text(q, art_from_fts, aq->fts);
        break;
    default:
        ls_sql(q, art_from_default);
    }
    if (d != ART_SECTION && aq->section)
        ls_text(q, " AND a.section = ?", aq->section);
    if (d != ART_AUTHOR && aq->author)
        ls_text(q,
                " AND EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id "
                "AND x.name_key = newsd_fold(?))",
                aq->author);
    if (d != ART_ENTITY && aq->entity_id)
        ls_int(
            q,
            " AND EXISTS (SELECT 1 FROM mentions x WHERE x.article_id = a.id AND x.entity_id = ?)",
            aq->entity_id);
    if (d != ART_SPEAKER && aq->speaker_id)
        ls_int(q,
               " AND EXISTS (SELECT 1 FROM mentions x WHERE x.article_id = a.id AND x.entity_id = "
               "? AND x.quotes > 0)",
               aq->speaker_id);
    if (aq->from)
        ls_text(q, " AND a.sort_at >= strftime(" SORT_FMT ", ?)", aq->from);
    if (aq->to)
        ls_text(q, " AND a.sort_at <= strftime(" SORT_FMT ", ?)", aq->to);
}

/* True when a search has no filter besides q: it then runs on the index alone. */
static bool art_fts_only(const struct article_query *aq)
{
    return aq->fts && !aq->section && !aq->author && !aq->entity_id && !aq->speaker_id &&
           !aq->from && !aq->to;
}

static enum art_driver art_driver_pick(const struct article_query *aq)
{
    if (aq->fts)
        return ART_FTS;
    if (aq->entity_id)
        return ART_ENTITY;
    if (aq->author)
        return ART_AUTHOR;
    if (aq->section)
        return ART_SECTION;
    if (aq->speaker_id)
        return ART_SPEAKER;
    return ART_DEFAULT;
}

/* The cursor of a page: its kind tells the sort, so a cursor made for one
 * order is refused by another. */
static char art_cursor_kind(const struct article_query *aq)
{
    return aq->by_relevance ? 'r' : aq->oldest_first ? 'o' : 'a';
}

/* Appends the keyset condition, ORDER BY and LIMIT of an article page. */
static void art_order(struct list_sql *q, const struct article_query *aq, enum art_driver d,
                      const struct store_cursor *c, int64_t cursor_id, double cursor_rank)
{
    bool asc = aq->oldest_first || aq->by_relevance;
    const char *ks = aq->by_relevance ? "rank" : art_key_sort[d];
    char frag[256];
    if (c->n) {
        snprintf(frag, sizeof frag, " AND (%s, %s) %s (?, ?)", ks, art_key_id[d], asc ? ">" : "<");
        if (aq->by_relevance)
            ls_real(q, frag, cursor_rank);
        else
            ls_text(q, frag, c->field[0]);
        ls_more_int(q, cursor_id);
    }
    snprintf(frag, sizeof frag, " ORDER BY %s %s, %s %s LIMIT ?", ks, asc ? "ASC" : "DESC",
             art_key_id[d], asc ? "ASC" : "DESC");
    ls_int(q, frag, aq->limit + 1);
}

void article_page_clear(struct article_page *p)
{
    for (size_t i = 0; p->items && i < p->n; i++)
        article_clear(&p->items[i]);
    free(p->items);
    free(p->meta.next_cursor);
    memset(p, 0, sizeof *p);
}

/* Turns FTS5's marked snippet into plain text plus highlight ranges counted
 * in code points, so a client marks words without parsing markup. */
static bool art_snippet(struct article *a, const char *marked)
{
    struct buf plain = {0};
    size_t cap = 0, cp = 0;
    bool ok = true;
    for (const char *p = marked; ok && *p; p++) {
        if (*p == '\x02' || *p == '\x03') {
            if (a->n_highlights == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                int64_t *v = realloc(a->highlights, ncap * sizeof *v);
                if (!v)
                    return false;
                a->highlights = v;
                cap = ncap;
            }
            a->highlights[a->n_highlights++] = (int64_t)cp;
            continue;
        }
        if (((unsigned char)*p & 0xc0) != 0x80)
            cp++;
        ok = buf_append(&plain, p, 1);
    }
    if (a->n_highlights % 2)
        a->n_highlights--; /* an unclosed mark: drop it */
    a->snippet = ok ? buf_take(&plain) : NULL;
    buf_clear(&plain);
    return a->snippet != NULL;
}

/* Reads the page rows; the row past the limit only tells that a next page exists. */
static enum store_rc art_rows(struct store *s, sqlite3_stmt *st, const struct article_query *aq,
                              uint64_t scope, struct article_page *out)
{
    size_t cap = 0;
    char *last_sort = NULL;
    double last_rank = 0;
    int src;
    enum store_rc rc = STORE_OK;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == (size_t)aq->limit) {
            char id[24], rank[40];
            ls_i64(id, out->items[out->n - 1].id);
            snprintf(rank, sizeof rank, "%.17g", last_rank);
            const char *f[2] = {aq->by_relevance ? rank : last_sort, id};
            if (!(out->meta.next_cursor = store_cursor_encode(art_cursor_kind(aq), 2, f, scope)))
                rc = STORE_ERR;
            break;
        }
        struct article *a = ls_grow((void **)&out->items, out->n, &cap, sizeof *a);
        if (!a) {
            rc = STORE_ERR;
            break;
        }
        out->n++;
        if ((rc = store_article_row(st, 0, a)) != STORE_OK)
            break;
        free(last_sort);
        if (!(last_sort = store_col_text(st, STORE_ARTICLE_SUMMARY_NCOLS - 1))) {
            rc = STORE_ERR;
            break;
        }
        if (aq->fts) {
            last_rank = sqlite3_column_double(st, STORE_ARTICLE_SUMMARY_NCOLS);
            const char *cols[3] = {
                a->title, a->subtitle,
                (const char *)sqlite3_column_text(st, STORE_ARTICLE_SUMMARY_NCOLS + 1)};
            struct buf marked = {0};
            bool ok = store_snippet(aq->fts, cols, 3, &marked) &&
                      art_snippet(a, marked.data ? marked.data : "");
            buf_clear(&marked);
            if (!ok) {
                rc = STORE_ERR;
                break;
            }
        }
    }
    free(last_sort);
    if (rc == STORE_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_rc_from(s, src, "articles_list");
    for (size_t i = 0; rc == STORE_OK && i < out->n; i++)
        rc = store_article_authors(s, &out->items[i]);
    return rc;
}

/* A search page in three layers. Inside, the matches: ids, sort keys and
 * (for relevance) the bm25 rank of the newest ART_RANK_CANDIDATES. In the
 * middle, the cursor, order and limit pick the page's ids. Outside, only the
 * page's rows are read, with the body for the excerpt. */
static void art_search_sql(struct list_sql *q, const struct article_query *aq,
                           const struct store_cursor *c, int64_t cursor_id, double cursor_rank)
{
    ls_sql(q, "SELECT " STORE_ARTICLE_SUMMARY_COLS ", p.rank, a.body FROM (SELECT id, rank");
    if (!aq->by_relevance)
        ls_sql(q, ", sort_at");
    if (aq->by_relevance && art_fts_only(aq)) {
        ls_text(q, " FROM (SELECT rowid AS id, " ART_RANK " AS rank" " FROM articles_fts WHERE articles_fts MATCH ?",
                aq->fts);
    } else {
        ls_sql(q, aq->by_relevance ? " FROM (SELECT a.id AS id, " ART_RANK " AS rank"
                                   : " FROM (SELECT a.id AS id, 0.0 AS rank, a.sort_at AS sort_at");
        art_where(q, aq, ART_FTS);
    }
    if (aq->by_relevance) {
        char lim[96];
        snprintf(lim, sizeof lim, " ORDER BY articles_fts.rowid DESC LIMIT %d", ART_RANK_CANDIDATES);
        ls_sql(q, lim);
    }
    ls_sql(q, ") WHERE 1");
    art_order(q, aq, ART_FTS, c, cursor_id, cursor_rank);
    bool asc = aq->oldest_first || aq->by_relevance;
    ls_sql(q, ") p JOIN articles a ON a.id = p.id ORDER BY ");
    ls_sql(q, aq->by_relevance ? "p.rank" : "p.sort_at");
    ls_sql(q, asc ? " ASC, p.id ASC" : " DESC, p.id DESC");
}

/* Decodes the cursor of an article list into its id and rank (or sort text). */
static bool art_cursor(const struct article_query *aq, uint64_t scope, struct store_cursor *c,
                       int64_t *id, double *rank)
{
    if (!aq->cursor)
        return true;
    if (!store_cursor_decode(aq->cursor, art_cursor_kind(aq), 2, scope, c) ||
        !ls_parse_i64(c->field[1], id))
        return false;
    if (aq->by_relevance) {
        char *end;
        *rank = strtod(c->field[0], &end);
        return *c->field[0] && *end == '\0';
    }
    return true;
}

enum store_rc store_articles_list(struct store *s, const struct article_query *aq,
                                  struct article_page *out)
{
    struct list_sql list = {0}, count = {0};
    struct store_cursor c = {0};
    sqlite3_stmt *st = NULL;
    int64_t cursor_id = 0;
    double cursor_rank = 0;
    enum store_rc rc = STORE_INVALID;
    enum art_driver d = art_driver_pick(aq);

    out->meta.limit = aq->limit;
    /* The count query names every filter: its key is the cursor's scope. */
    ls_sql(&count, "SELECT count(*)");
    if (art_fts_only(aq))
        ls_text(&count, art_from_fts_only, aq->fts);
    else
        art_where(&count, aq, d);
    uint64_t scope = ls_key(&count);
    if ((aq->by_relevance && !aq->fts) || !art_cursor(aq, scope, &c, &cursor_id, &cursor_rank))
        goto out;
    if ((rc = ls_count(s, &count, d == ART_FTS ? "articles_search_count" : "articles_count",
                       &out->meta.total)) != STORE_OK)
        goto out;
    if (d == ART_FTS) {
        art_search_sql(&list, aq, &c, cursor_id, cursor_rank);
    } else {
        ls_sql(&list, "SELECT " STORE_ARTICLE_SUMMARY_COLS);
        art_where(&list, aq, d);
        art_order(&list, aq, d, &c, cursor_id, cursor_rank);
    }
    rc = STORE_ERR;
    if (!(st = ls_prepare(s, &list, d == ART_FTS ? "articles_search" : "articles_list")))
        goto out;
    rc = art_rows(s, st, aq, scope, out);
out:
    store_stmt_release(s, st);
    store_cursor_clear(&c);
    ls_clear(&list);
    ls_clear(&count);
    return rc;
}

/* --- quotes ------------------------------------------------------------------ */

void quote_page_clear(struct quote_page *p)
{
    quotes_free(p->items, p->n);
    free(p->meta.next_cursor);
    memset(p, 0, sizeof *p);
}

/* True when a quote list is read in article order: with no filter but dates,
 * the quotes of the newest articles first are the newest quotes (a quote's
 * sort_at is its article's), so the list walks articles_by_sort and each
 * article's quotes in position order, and no index of quotes by date is kept
 * up to date on every ingest (0004_quote_sort_index.sql). */
static bool quote_walks_articles(const struct quote_query *qq)
{
    return !qq->fts && !qq->article_id && !qq->speaker_id;
}

/* Adds FROM and filters of a quote query. Article lists walk UNIQUE (article_id,
 * position); speaker lists quotes_by_speaker; the rest articles_by_sort and
 * then UNIQUE (article_id, position), except the count of all quotes, which
 * SQLite answers from the smallest index of quotes alone. */
static void quote_where(struct list_sql *q, const struct quote_query *qq, bool count)
{
    const char *sort = "q.sort_at";
    bool by_article = quote_walks_articles(qq) && (!count || qq->from || qq->to);
    if (qq->fts) {
        ls_text(q,
                " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
                "LEFT JOIN entities e ON e.id = q.speaker_id WHERE quotes_fts MATCH ?",
                qq->fts);
    } else if (by_article) {
        ls_sql(q, " FROM articles a JOIN quotes q ON q.article_id = a.id "
                  "LEFT JOIN entities e ON e.id = q.speaker_id WHERE 1");
        sort = "a.sort_at";
    } else {
        ls_sql(q, " FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE 1");
    }
    if (qq->article_id)
        ls_int(q, " AND q.article_id = ?", qq->article_id);
    if (qq->speaker_id)
        ls_int(q, " AND q.speaker_id = ?", qq->speaker_id);
    if (qq->from) {
        ls_sql(q, " AND ");
        ls_text(q, sort, qq->from);
        ls_sql(q, " >= strftime(" SORT_FMT ", ?)");
    }
    if (qq->to) {
        ls_sql(q, " AND ");
        ls_text(q, sort, qq->to);
        ls_sql(q, " <= strftime(" SORT_FMT ", ?)");
    }
}

/* Keyset and order: newest article first, then position in the article. The
 * row-value bound uses the index prefix; the NOT (...) drops the rows of the
 * cursor's own article that were already served. */
static void quote_order(struct list_sql *q, const struct quote_query *qq,
                        const struct store_cursor *c, int64_t art, int64_t pos)
{
    if (qq->article_id) {
        if (c->n)
            ls_int(q, " AND q.position > ?", pos);
        ls_int(q, " ORDER BY q.position LIMIT ?", qq->limit + 1);
        return;
    }
    /* the walked index's columns: the article's when it walks articles */
    bool by_article = quote_walks_articles(qq);
    const char *sort = by_article ? "a.sort_at" : "q.sort_at";
    const char *id = by_article ? "a.id" : "q.article_id";
    char frag[160];
    if (c->n) {
        snprintf(frag, sizeof frag, " AND (%s, %s) <= (?, ?)", sort, id);
        ls_text(q, frag, c->field[0]);
        ls_more_int(q, art);
        snprintf(frag, sizeof frag, " AND NOT (%s = ? AND %s = ? AND q.position <= ?)", sort, id);
        ls_text(q, frag, c->field[0]);
        ls_more_int(q, art);
        ls_more_int(q, pos);
    }
    snprintf(frag, sizeof frag, " ORDER BY %s DESC, %s DESC, q.position LIMIT ?", sort, id);
    ls_int(q, frag, qq->limit + 1);
}

static enum store_rc quote_rows(struct store *s, sqlite3_stmt *st, const struct quote_query *qq,
                                uint64_t scope, struct quote_page *out)
{
    size_t cap = 0;
    char *last_sort = NULL;
    int64_t last_pos = 0;
    int src;
    enum store_rc rc = STORE_OK;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == (size_t)qq->limit) {
            char art[24], pos[24];
            ls_i64(art, out->items[out->n - 1].article_id);
            ls_i64(pos, last_pos);
            const char *f[3] = {last_sort, art, pos};
            if (!(out->meta.next_cursor = store_cursor_encode('q', 3, f, scope)))
                rc = STORE_ERR;
            break;
        }
        struct quote *qt = ls_grow((void **)&out->items, out->n, &cap, sizeof *qt);
        if (!qt) {
            rc = STORE_ERR;
            break;
        }
        out->n++;
        store_quote_row(st, qt);
        free(last_sort);
        last_sort = store_col_text(st, STORE_QUOTE_NCOLS - 2);
        last_pos = sqlite3_column_int64(st, STORE_QUOTE_NCOLS - 1);
        if (!qt->text || !last_sort) {
            rc = STORE_ERR;
            break;
        }
    }
    free(last_sort);
    if (rc == STORE_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_rc_from(s, src, "quotes_list");
    return rc;
}

enum store_rc store_quotes_list(struct store *s, const struct quote_query *qq,
                                struct quote_page *out)
{
    struct list_sql list = {0}, count = {0};
    struct store_cursor c = {0};
    sqlite3_stmt *st = NULL;
    int64_t art = 0, pos = 0;
    enum store_rc rc = STORE_INVALID;

    out->meta.limit = qq->limit;
    ls_sql(&count, "SELECT count(*)");
    quote_where(&count, qq, true);
    uint64_t scope = ls_key(&count); /* the filters: the cursor's scope */
    if (qq->cursor && (!store_cursor_decode(qq->cursor, 'q', 3, scope, &c) ||
                       !ls_parse_i64(c.field[1], &art) || !ls_parse_i64(c.field[2], &pos)))
        goto out;
    if ((rc = ls_count(s, &count, qq->fts ? "quotes_search_count" : "quotes_count",
                       &out->meta.total)) != STORE_OK)
        goto out;
    ls_sql(&list, "SELECT " STORE_QUOTE_COLS);
    quote_where(&list, qq, false);
    quote_order(&list, qq, &c, art, pos);
    rc = STORE_ERR;
    if (!(st = ls_prepare(s, &list, qq->fts ? "quotes_search" : "quotes_list")))
        goto out;
    rc = quote_rows(s, st, qq, scope, out);
out:
    store_stmt_release(s, st);
    store_cursor_clear(&c);
    ls_clear(&list);
    ls_clear(&count);
    return rc;
}

/* --- entities ---------------------------------------------------------------- */

void entity_page_clear(struct entity_page *p)
{
    entities_free(p->items, p->n);
    free(p->meta.next_cursor);
    memset(p, 0, sizeof *p);
}

/* The half-open range of names that start with prefix: [prefix, prefix +
 * U+10FFFF), both folded by newsd_fold in the query, so that it walks
 * entity_names_by_key whatever the case of any letter. */
static char *entity_prefix_end(const char *prefix)
{
    struct buf b = {0};
    if (buf_puts(&b, prefix) && buf_puts(&b, "\xf4\x8f\xbf\xbf"))
        return buf_take(&b);
    buf_clear(&b);
    return NULL;
}

/* Adds FROM and filters. An article's entities walk mentions_by_article_count;
 * by type entities_by_type_mentions; by name entities_by_name; a prefix the
 * matching range of entity_names. */
static void entity_where(struct list_sql *q, const struct entity_query *eq, const char *hi)
{
    if (eq->article_id)
        ls_int(q, " FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?",
               eq->article_id);
    else
        ls_sql(q, " FROM entities e WHERE 1");
    if (eq->type >= 0)
        ls_text(q, " AND e.type = ?", entity_type_name((enum entity_type)eq->type));
    if (hi) {
        ls_text(q,
                " AND e.id IN (SELECT entity_id FROM entity_names "
                "WHERE name_key >= newsd_fold(?) AND name_key < newsd_fold(?))",
                eq->prefix);
        ls_more_text(q, hi);
    }
}

/* The sort key column of the list: mentions in the article, mentions overall or
 * the name; ties go by ascending id. */
static const char *entity_key(const struct entity_query *eq)
{
    if (eq->article_id)
        return "m.count";
    return eq->sort == ENTITY_SORT_NAME ? "e.name" : "e.mention_count";
}

static void entity_order(struct list_sql *q, const struct entity_query *eq,
                         const struct store_cursor *c, int64_t key, int64_t id)
{
    bool by_name = !eq->article_id && eq->sort == ENTITY_SORT_NAME;
    const char *k = entity_key(eq);
    /* The tie-breaker is the id column of the walked index. */
    const char *tie = eq->article_id ? "m.entity_id" : "e.id";
    char frag[200];
    if (c->n && by_name) {
        ls_text(q, " AND (e.name > ? COLLATE NOCASE OR (e.name = ? COLLATE NOCASE AND e.id > ?))",
                c->field[0]);
        ls_more_text(q, c->field[0]);
        ls_more_int(q, id);
    } else if (c->n) {
        snprintf(frag, sizeof frag, " AND %s <= ? AND NOT (%s = ? AND %s <= ?)", k, k, tie);
        ls_int(q, frag, key);
        ls_more_int(q, key);
        ls_more_int(q, id);
    }
    if (by_name)
        ls_int(q, " ORDER BY e.name COLLATE NOCASE, e.id LIMIT ?", eq->limit + 1);
    else {
        snprintf(frag, sizeof frag, " ORDER BY %s DESC, %s LIMIT ?", k, tie);
        ls_int(q, frag, eq->limit + 1);
    }
}

static enum store_rc entity_rows(struct store *s, sqlite3_stmt *st, const struct entity_query *eq,
                                 uint64_t scope, struct entity_page *out)
{
    size_t cap = 0;
    int src;
    enum store_rc rc = STORE_OK;
    bool by_name = !eq->article_id && eq->sort == ENTITY_SORT_NAME;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == (size_t)eq->limit) {
            const struct entity *last = &out->items[out->n - 1];
            char key[24], id[24];
            ls_i64(key, eq->article_id ? last->mentions : last->mention_count);
            ls_i64(id, last->id);
            const char *f[2] = {by_name ? last->name : key, id};
            if (!(out->meta.next_cursor = store_cursor_encode('e', 2, f, scope)))
                rc = STORE_ERR;
            break;
        }
        struct entity *e = ls_grow((void **)&out->items, out->n, &cap, sizeof *e);
        if (!e) {
            rc = STORE_ERR;
            break;
        }
        out->n++;
        store_entity_row(st, e);
        if (eq->article_id)
            e->mentions = sqlite3_column_int64(st, STORE_ENTITY_NCOLS);
        if (!e->name) {
            rc = STORE_ERR;
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_rc_from(s, src, "entities_list");
    for (size_t i = 0; rc == STORE_OK && i < out->n; i++)
        rc = store_entity_names(s, &out->items[i]);
    return rc;
}

enum store_rc store_entities_list(struct store *s, const struct entity_query *eq,
                                  struct entity_page *out)
{
    struct list_sql list = {0}, count = {0};
    struct store_cursor c = {0};
    sqlite3_stmt *st = NULL;
    int64_t key = 0, id = 0;
    char *hi = NULL;
    enum store_rc rc = STORE_INVALID;
    bool by_name = !eq->article_id && eq->sort == ENTITY_SORT_NAME;

    out->meta.limit = eq->limit;
    rc = STORE_ERR;
    if (eq->prefix && !(hi = entity_prefix_end(eq->prefix)))
        goto out;
    ls_sql(&count, "SELECT count(*)");
    entity_where(&count, eq, hi);
    /* The filters and the order make the cursor's scope. */
    uint64_t scope = ls_key(&count) ^ (by_name ? 0x9e3779b97f4a7c15ULL : 0);
    rc = STORE_INVALID;
    if (eq->cursor &&
        (!store_cursor_decode(eq->cursor, 'e', 2, scope, &c) || !ls_parse_i64(c.field[1], &id) ||
         (!by_name && !ls_parse_i64(c.field[0], &key))))
        goto out;
    const char *what = hi ? "entities_search" : "entities_list";
    if ((rc = ls_count(s, &count, hi ? "entities_search_count" : "entities_count",
                       &out->meta.total)) != STORE_OK)
        goto out;
    ls_sql(&list, "SELECT " STORE_ENTITY_COLS);
    if (eq->article_id)
        ls_sql(&list, ", m.count");
    entity_where(&list, eq, hi);
    entity_order(&list, eq, &c, key, id);
    rc = STORE_ERR;
    if (!(st = ls_prepare(s, &list, what)))
        goto out;
    rc = entity_rows(s, st, eq, scope, out);
out:
    store_stmt_release(s, st);
    store_cursor_clear(&c);
    free(hi);
    ls_clear(&list);
    ls_clear(&count);
    return rc;
}

/* --- quote groups ------------------------------------------------------------ */

void quote_group_page_clear(struct quote_group_page *p)
{
    for (size_t i = 0; p->items && i < p->n; i++)
        quote_group_clear(&p->items[i]);
    free(p->items);
    free(p->meta.next_cursor);
    memset(p, 0, sizeof *p);
}

/* The articles of one group, through quotes_by_group; at most 100. */
static const char sql_group_articles[] =
    "SELECT DISTINCT article_id FROM quotes WHERE group_id = ?1 ORDER BY article_id LIMIT 100";

static enum store_rc group_articles(struct store *s, struct quote_group *g)
{
    sqlite3_stmt *st = store_stmt(s, STMT_GROUP_ARTICLES, sql_group_articles);
    if (!st)
        return STORE_ERR;
    size_t cap = 0;
    int src = sqlite3_bind_int64(st, 1, g->id);
    while (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (g->n_article_ids == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            int64_t *v = realloc(g->article_ids, ncap * sizeof *v);
            if (!v) {
                src = SQLITE_NOMEM;
                break;
            }
            g->article_ids = v;
            cap = ncap;
        }
        g->article_ids[g->n_article_ids++] = sqlite3_column_int64(st, 0);
        src = SQLITE_OK;
    }
    store_stmt_done(st);
    return src == SQLITE_DONE ? STORE_OK : store_rc_from(s, src, "group_articles");
}

enum store_rc store_quote_groups_list(struct store *s, int limit, const char *cursor,
                                      struct quote_group_page *out)
{
    struct list_sql list = {0}, count = {0};
    struct store_cursor c = {0};
    sqlite3_stmt *st = NULL;
    int64_t cursor_id = 0;
    size_t cap = 0;
    enum store_rc rc = STORE_INVALID;

    out->meta.limit = limit;
    if (cursor &&
        (!store_cursor_decode(cursor, 'g', 2, 0, &c) || !ls_parse_i64(c.field[1], &cursor_id)))
        goto out;
    ls_sql(&count, "SELECT count(*) FROM quote_groups");
    if ((rc = ls_count(s, &count, "groups_count", &out->meta.total)) != STORE_OK)
        goto out;
    /* quote_groups_by_last walks newest first. */
    ls_sql(&list,
           "SELECT id, text, occurrences, first_seen, last_seen FROM quote_groups g WHERE 1");
    if (c.n) {
        ls_text(&list, " AND (g.last_seen, g.id) < (?, ?)", c.field[0]);
        ls_more_int(&list, cursor_id);
    }
    ls_int(&list, " ORDER BY g.last_seen DESC, g.id DESC LIMIT ?", limit + 1);
    rc = STORE_ERR;
    if (!(st = ls_prepare(s, &list, "groups_list")))
        goto out;
    int src;
    rc = STORE_OK;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == (size_t)limit) {
            char id[24];
            const struct quote_group *last = &out->items[out->n - 1];
            ls_i64(id, last->id);
            const char *f[2] = {last->last_seen, id};
            if (!(out->meta.next_cursor = store_cursor_encode('g', 2, f, 0)))
                rc = STORE_ERR;
            break;
        }
        struct quote_group *g = ls_grow((void **)&out->items, out->n, &cap, sizeof *g);
        if (!g) {
            rc = STORE_ERR;
            break;
        }
        out->n++;
        g->id = sqlite3_column_int64(st, 0);
        g->text = store_col_text(st, 1);
        g->occurrences = sqlite3_column_int64(st, 2);
        g->first_seen = store_col_text(st, 3);
        g->last_seen = store_col_text(st, 4);
        if (!g->text || !g->first_seen || !g->last_seen) {
            rc = STORE_ERR;
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_rc_from(s, src, "groups_list");
    store_stmt_release(s, st);
    st = NULL;
    for (size_t i = 0; rc == STORE_OK && i < out->n; i++)
        rc = group_articles(s, &out->items[i]);
out:
    store_stmt_release(s, st);
    store_cursor_clear(&c);
    ls_clear(&list);
    ls_clear(&count);
    return rc;
}
