/* lists.c: answering a list query in the format the client asked for: the JSON
 * envelope, or NDJSON / CSV exports for data journalists. An export page is
 * answered whole; limit=all streams every page through its own read
 * connection, so a long export never holds one of the server's pooled ones. */
#include <stdlib.h>
#include <string.h>

#include "newsd/handlers.h"
#include "newsd/store.h"
#include "newsd/views.h"

struct export
{
    enum view_kind kind;
    enum http_format fmt;
    struct article_query aq;
    struct quote_query qq;
    struct entity_query eq;
    struct strv owned; /* copies of the query's strings, for a stream */
    char *cursor;      /* where the next page starts; NULL: first page */
    struct buf first;  /* a stream's first page, rendered before the answer began */
    bool first_pending; /* first is still to be sent */
    struct store *own; /* a stream's own connection */
    bool header_done;
    bool done;
    int64_t total;
};

static void export_free(void *arg)
{
    struct export *x = arg;
    if (!x)
        return;
    store_close(x->own);
    buf_clear(&x->first);
    strv_clear(&x->owned);
    free(x->cursor);
    free(x);
}

/* Keeps a copy of *s in x and points *s at it. */
static bool export_own(struct export *x, const char **s)
{
    if (!*s)
        return true;
    if (!strv_push(&x->owned, *s))
        return false;
    *s = x->owned.v[x->owned.n - 1];
    return true;
}

/* Appends one item in the export format. */
static bool export_item(struct export *x, struct buf *out, json_t *json, bool csv_ok)
{
    if (x->fmt == HTTP_FORMAT_CSV) {
        json_decref(json);
        return csv_ok;
    }
    char *line = json ? json_dumps(json, JSON_COMPACT) : NULL;
    json_decref(json);
    bool ok = line && buf_puts(out, line) && buf_append(out, "\n", 1);
    free(line);
    return ok;
}

/* Renders the rows of one page of x's list from store s into out, and moves
 * the cursor on. Returns a store_rc. */
static int export_page(struct export *x, struct store *s, struct buf *out)
{
    struct store_meta *meta = NULL;
    struct article_page ap = {0};
    struct quote_page qp = {0};
    struct entity_page ep = {0};
    int rc;
    bool ok = true, csv = x->fmt == HTTP_FORMAT_CSV;
    if (csv && !x->header_done && !(x->header_done = view_csv_header(out, x->kind)))
        return STORE_ERR;
    switch (x->kind) {
    case VIEW_ARTICLES:
        x->aq.cursor = x->cursor;
        rc = store_articles_list(s, &x->aq, &ap);
        for (size_t i = 0; rc == STORE_OK && ok && i < ap.n; i++)
            ok = export_item(x, out, csv ? NULL : view_article_summary(&ap.items[i]),
                             csv && view_article_csv(out, &ap.items[i]));
        meta = &ap.meta;
        break;
    case VIEW_QUOTES:
        x->qq.cursor = x->cursor;
        rc = store_quotes_list(s, &x->qq, &qp);
        for (size_t i = 0; rc == STORE_OK && ok && i < qp.n; i++)
            ok = export_item(x, out, csv ? NULL : view_quote(&qp.items[i], true),
                             csv && view_quote_csv(out, &qp.items[i]));
        meta = &qp.meta;
        break;
    default:
        x->eq.cursor = x->cursor;
        rc = store_entities_list(s, &x->eq, &ep);
        for (size_t i = 0; rc == STORE_OK && ok && i < ep.n; i++)
            ok = export_item(x, out, csv ? NULL : view_entity(&ep.items[i], x->eq.article_id),
                             csv && view_entity_csv(out, &ep.items[i]));
        meta = &ep.meta;
    }
    if (rc == STORE_OK && !ok)
        rc = STORE_ERR;
    if (rc == STORE_OK) {
        x->total = meta->total;
        free(x->cursor);
        x->cursor = meta->next_cursor;
        meta->next_cursor = NULL;
        x->done = x->cursor == NULL;
    }
    article_page_clear(&ap);
    quote_page_clear(&qp);
    entity_page_clear(&ep);
    return rc;
}

static int export_next(void *arg, struct buf *out)
{
    struct export *x = arg;
    if (x->first_pending) {
        x->first_pending = false;
        bool ok = buf_append(out, x->first.data ? x->first.data : "", x->first.len);
        buf_clear(&x->first);
        return ok ? 1 : -1;
    }
    if (x->done)
        return 0;
    store_deadline_set(x->own, 2000); /* each page, like each request (not the first) */
    return export_page(x, x->own, out) == STORE_OK ? 1 : -1;
}

/* Answers x: one page now, or a stream of every page. x is taken. */
static void export_answer(struct req *rq, struct resp *rs, struct export *x, bool all)
{
    rs->content_type = x->fmt == HTTP_FORMAT_CSV ? "text/csv; charset=utf-8; header=present"
                                                 : "application/x-ndjson";
    rs->no_etag = all;
    if (!all) {
        struct buf out = {0};
        x->cursor = util_strdup(req_param(rq, "cursor"));
        int rc = export_page(x, rq->store, &out);
        if (rc == STORE_OK) {
            /* The headers a JSON page has: the count, and Link to the next page. */
            if (resp_header(rs, "X-Total-Count", "%lld", (long long)x->total) &&
                resp_link_next(rq, rs, x->cursor)) {
                rs->text = buf_take(&out);
                rs->status = 200;
            }
        } else {
            handle_store_error(rq, rs, rc);
        }
        buf_clear(&out);
        export_free(x);
        return;
    }
    bool ok = export_own(x, &x->aq.section) && export_own(x, &x->aq.author) &&
              export_own(x, &x->aq.from) && export_own(x, &x->aq.to) && export_own(x, &x->aq.fts) &&
              export_own(x, &x->qq.from) && export_own(x, &x->qq.to) && export_own(x, &x->qq.fts) &&
              export_own(x, &x->eq.prefix);
    const char *cursor = req_param(rq, "cursor");
    if (ok && cursor)
        ok = (x->cursor = util_strdup(cursor)) != NULL;
    /* The first page is made now, on the request's connection: a bad cursor
     * (or a busy database) is then a 400 (503) before any byte is sent,
     * where a failure inside the stream can only cut it short. */
    int rc = ok ? export_page(x, rq->store, &x->first) : STORE_ERR;
    if (ok && rc != STORE_OK)
        handle_store_error(rq, rs, rc);
    if (!ok || rc != STORE_OK ||
        (!x->done && store_open(rq->cfg->db, STORE_READ_ONLY, &x->own) != STORE_OK)) {
        export_free(x);
        return; /* 500 unless the store's error was answered */
    }
    x->first_pending = true;
    rs->stream.ctx = x;
    rs->stream.next = export_next;
    rs->stream.free = export_free;
    rs->status = 200;
}

static struct export *export_new(enum view_kind kind, enum http_format fmt)
{
    struct export *x = calloc(1, sizeof *x);
    if (x) {
        x->kind = kind;
        x->fmt = fmt;
    }
    return x;
}

/* Answers a JSON page, written straight as text (see views/write.c). */
static void list_answer(struct req *rq, struct resp *rs, enum view_kind kind, const void *items,
                        size_t n, bool in_article, const struct store_meta *meta)
{
    struct buf b = {0};
    bool ok = buf_append(&b, "[", 1);
    for (size_t i = 0; ok && i < n; i++) {
        ok = i == 0 || buf_append(&b, ",", 1);
        if (kind == VIEW_ARTICLES)
            ok = ok && view_write_article_summary(&b, (const struct article *)items + i, &rq->fields);
        else if (kind == VIEW_QUOTES)
            ok = ok && view_write_quote(&b, (const struct quote *)items + i, &rq->fields);
        else
            ok = ok && view_write_entity(&b, (const struct entity *)items + i, in_article,
                                         &rq->fields);
    }
    if (ok && buf_append(&b, "]", 1))
        resp_list_items(rq, rs, &b, meta);
    buf_clear(&b);
}

void handle_list_articles(struct req *rq, struct resp *rs, const struct article_query *q,
                          enum http_format fmt, bool all)
{
    if (fmt != HTTP_FORMAT_JSON) {
        struct export *x = export_new(VIEW_ARTICLES, fmt);
        if (x) {
            x->aq = *q;
            export_answer(rq, rs, x, all);
        }
        return;
    }
    struct article_page page = {0};
    int rc = store_articles_list(rq->store, q, &page);
    if (rc == STORE_OK)
        list_answer(rq, rs, VIEW_ARTICLES, page.items, page.n, false, &page.meta);
    else
        handle_store_error(rq, rs, rc);
    article_page_clear(&page);
}

void handle_list_quotes(struct req *rq, struct resp *rs, const struct quote_query *q,
                        enum http_format fmt, bool all)
{
    if (fmt != HTTP_FORMAT_JSON) {
        struct export *x = export_new(VIEW_QUOTES, fmt);
        if (x) {
            x->qq = *q;
            export_answer(rq, rs, x, all);
        }
        return;
    }
    struct quote_page page = {0};
    int rc = store_quotes_list(rq->store, q, &page);
    if (rc == STORE_OK)
        list_answer(rq, rs, VIEW_QUOTES, page.items, page.n, false, &page.meta);
    else
        handle_store_error(rq, rs, rc);
    quote_page_clear(&page);
}

void handle_list_entities(struct req *rq, struct resp *rs, const struct entity_query *q,
                          enum http_format fmt, bool all)
{
    if (fmt != HTTP_FORMAT_JSON) {
        struct export *x = export_new(VIEW_ENTITIES, fmt);
        if (x) {
            x->eq = *q;
            export_answer(rq, rs, x, all);
        }
        return;
    }
    struct entity_page page = {0};
    int rc = store_entities_list(rq->store, q, &page);
    if (rc == STORE_OK)
        list_answer(rq, rs, VIEW_ENTITIES, page.items, page.n, q->article_id != 0, &page.meta);
    else
        handle_store_error(rq, rs, rc);
    entity_page_clear(&page);
}
