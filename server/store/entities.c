/* entities.c: reading entity rows with their aliases and titles. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

void store_entity_row(sqlite3_stmt *st, struct entity *e)
{
    e->id = sqlite3_column_int64(st, 0);
    e->name = store_col_text(st, 1);
    int t = entity_type_parse((const char *)sqlite3_column_text(st, 2));
    e->type = t < 0 ? ENTITY_PERSON : (enum entity_type)t;
    e->article_count = sqlite3_column_int64(st, 3);
    e->mention_count = sqlite3_column_int64(st, 4);
    e->quote_count = sqlite3_column_int64(st, 5);
}

/* Served by the primary keys (entity_id, alias) and (entity_id, title). */
static const char sql_entity_aliases[] =
    "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias";
static const char sql_entity_titles[] =
    "SELECT title FROM entity_titles WHERE entity_id = ?1 ORDER BY title";

static enum store_rc entity_texts_read(struct store *s, enum store_stmt_id id, const char *sql,
                                       int64_t entity_id, struct strv *out)
{
    sqlite3_stmt *st = store_stmt(s, id, sql);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_bind_int64(st, 1, entity_id);
    while (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW)
        src = strv_push_taken(out, store_col_text(st, 0)) ? SQLITE_OK : SQLITE_NOMEM;
    store_stmt_done(st);
    return src == SQLITE_DONE ? STORE_OK : store_rc_from(s, src, "entity_texts");
}

enum store_rc store_entity_names(struct store *s, struct entity *e)
{
    enum store_rc rc =
        entity_texts_read(s, STMT_ENTITY_ALIASES, sql_entity_aliases, e->id, &e->aliases);
    if (rc == STORE_OK)
        rc = entity_texts_read(s, STMT_ENTITY_TITLES, sql_entity_titles, e->id, &e->titles);
    return rc;
}

static const char sql_entity_get[] = "SELECT " STORE_ENTITY_COLS " FROM entities e WHERE e.id = ?1";

enum store_rc store_entity_get(struct store *s, int64_t id, struct entity *out)
{
    sqlite3_stmt *st = store_stmt(s, STMT_ENTITY_GET, sql_entity_get);
    if (!st)
        return STORE_ERR;
    enum store_rc rc = STORE_OK;
    int src = sqlite3_bind_int64(st, 1, id);
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        store_entity_row(st, out);
        if (!out->name)
            rc = STORE_ERR;
    } else {
        rc = src == SQLITE_DONE ? STORE_NOT_FOUND : store_rc_from(s, src, "entity_get");
    }
    store_stmt_done(st);
    if (rc == STORE_OK)
        rc = store_entity_names(s, out);
    return rc;
}

static const char sql_entity_exists[] = "SELECT 1 FROM entities WHERE id = ?1";

enum store_rc store_entity_exists(struct store *s, int64_t id)
{
    sqlite3_stmt *st = store_stmt(s, STMT_ENTITY_EXISTS, sql_entity_exists);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_bind_int64(st, 1, id);
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    store_stmt_done(st);
    return src == SQLITE_ROW    ? STORE_OK
           : src == SQLITE_DONE ? STORE_NOT_FOUND
                                : store_rc_from(s, src, "entity_exists");
}

/* Used by /metrics; count(*) walks the smallest index of each table. */
static const char sql_stats[] = "SELECT (SELECT count(*) FROM articles), "
                                "(SELECT count(*) FROM quotes), (SELECT count(*) FROM entities)";

enum store_rc store_stats(struct store *s, int64_t *articles, int64_t *quotes, int64_t *entities)
{
    sqlite3_stmt *st = store_stmt(s, STMT_STATS, sql_stats);
    if (!st)
        return STORE_ERR;
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        *articles = sqlite3_column_int64(st, 0);
        *quotes = sqlite3_column_int64(st, 1);
        *entities = sqlite3_column_int64(st, 2);
    }
    store_stmt_done(st);
    return src == SQLITE_ROW ? STORE_OK : store_rc_from(s, src, "stats");
}
