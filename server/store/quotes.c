/* quotes.c: reading quote rows: one quote with its speaker and article. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

void store_quote_row(sqlite3_stmt *st, struct quote *q)
{
    q->id = sqlite3_column_int64(st, 0);
    q->article_id = sqlite3_column_int64(st, 1);
    q->text = store_col_text(st, 2);
    q->speaker_id = sqlite3_column_int64(st, 3);
    q->speaker_name = store_col_text(st, 4);
    const char *type = (const char *)sqlite3_column_text(st, 5);
    int t = entity_type_parse(type);
    q->speaker_type = t < 0 ? ENTITY_PERSON : (enum entity_type)t;
    q->speaker_text = store_col_text(st, 6);
    q->cue = store_col_text(st, 7);
    const char *kind = (const char *)sqlite3_column_text(st, 8);
    q->kind = kind && strcmp(kind, "partial") == 0 ? QUOTE_PARTIAL : QUOTE_FULL;
    q->paragraph = sqlite3_column_int(st, 9);
    q->start = sqlite3_column_int64(st, 10);
    q->end = sqlite3_column_int64(st, 11);
}

/* Used by store_quote_get; the quote by primary key, its article by primary key. */
static const char sql_quote_get[] =
    "SELECT " STORE_QUOTE_COLS ", " STORE_ARTICLE_SUMMARY_COLS " FROM quotes q "
    "JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?1";

enum store_rc store_quote_get(struct store *s, int64_t id, struct quote *out,
                              struct article *article)
{
    sqlite3_stmt *st = store_stmt(s, STMT_QUOTE_GET, sql_quote_get);
    if (!st)
        return STORE_ERR;
    enum store_rc rc = STORE_OK;
    int src = sqlite3_bind_int64(st, 1, id);
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        store_quote_row(st, out);
        if (!out->text)
            rc = STORE_ERR;
        if (article && rc == STORE_OK) {
            rc = store_article_row(st, STORE_QUOTE_NCOLS, article); /* columns follow */
        }
    } else {
        rc = src == SQLITE_DONE ? STORE_NOT_FOUND : store_rc_from(s, src, "quote_get");
    }
    store_stmt_done(st);
    if (rc == STORE_OK && article)
        rc = store_article_authors(s, article);
    return rc;
}
