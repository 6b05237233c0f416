/* quotes.c: GET /quotes, /quotes/{id}, and /entities/{id}/quotes (the quotes
 * of one speaker share the list code). */
#include <stdlib.h>
#include <string.h>

#include "newsd/handlers.h"
#include "newsd/store.h"
#include "newsd/views.h"

/* Runs a quote list with the request's paging and date filters; the caller
 * has set the fixed filters (article or speaker) in q. */
static void quotes_list(struct req *rq, struct resp *rs, struct quote_query *q)
{
    enum http_format fmt = req_format(rq);
    bool all = false;
    char *from = NULL, *to = NULL;

    if (!req_param_limit(rq, rs, fmt, &q->limit, &all) ||
        !req_param_time(rq, rs, "from", false, &from) || !req_param_time(rq, rs, "to", true, &to))
        goto out;
    q->cursor = req_param(rq, "cursor");
    q->from = from;
    q->to = to;
    handle_list_quotes(rq, rs, q, fmt, all);
out:
    free(from);
    free(to);
}

/* GET /quotes?group=canonical: one item per distinct quotation. Filters do not
 * apply to groups (a group spans articles and speakers). */
static void quote_groups_list(struct req *rq, struct resp *rs)
{
    static const char *const group_params[] = {"group", "limit", "cursor", "fields", NULL};
    struct quote_group_page page = {0};
    int limit;
    if (!req_params_allow(rq, rs, group_params)) {
        resp_problem(rs, rq, 400, "group=canonical takes only limit, cursor and fields");
        return;
    }
    /* Groups have no export form: say so rather than answer JSON to a client
     * that asked for CSV, or refuse limit=all as a mere bad number. */
    if (req_format(rq) != HTTP_FORMAT_JSON) {
        resp_problem(rs, rq, 406, "group=canonical is answered as JSON only, with no CSV or "
                                  "NDJSON export");
        return;
    }
    const char *lim = req_param(rq, "limit");
    if (lim && strcmp(lim, "all") == 0) {
        resp_problem(rs, rq, 400, "group=canonical has no limit=all: page it with limit (1 to "
                                  "100) and cursor");
        return;
    }
    if (!req_param_fields(rq, rs, view_quote_group_fields) ||
        !req_param_int(rq, rs, "limit", 1, 100, 20, &limit))
        return;
    int rc = store_quote_groups_list(rq->store, limit, req_param(rq, "cursor"), &page);
    if (rc == STORE_OK)
        resp_list(rq, rs, view_quote_groups(page.items, page.n), &page.meta);
    else
        handle_store_error(rq, rs, rc);
    quote_group_page_clear(&page);
}

static const char *const quotes_params[] = {"fields",  "group", "limit", "cursor", "speaker",
                                            "article", "from",  "to",    "q",      NULL};

void handle_quotes_list(struct req *rq, struct resp *rs)
{
    const char *group = req_param(rq, "group");
    if (group) {
        if (strcmp(group, "canonical") == 0)
            quote_groups_list(rq, rs);
        else
            resp_problem(rs, rq, 400, "group must be canonical");
        return;
    }
    struct quote_query q = {0};
    if (!req_params_allow(rq, rs, quotes_params) || !req_param_fields(rq, rs, view_quote_fields) ||
        !req_param_id(rq, rs, "speaker", &q.speaker_id) ||
        !req_param_id(rq, rs, "article", &q.article_id))
        return;
    const char *text = req_param(rq, "q"), *why = NULL;
    char *fts = NULL;
    if (text && store_fts_parse(text, &fts, &why) != STORE_OK) {
        if (why)
            resp_problem(rs, rq, 400, "%s", why);
        return;
    }
    q.fts = fts;
    quotes_list(rq, rs, &q);
    free(fts);
}

static const char *const entity_quotes_params[] = {"limit", "cursor", "from", "to", "fields", NULL};

void handle_entity_quotes(struct req *rq, struct resp *rs)
{
    struct quote_query q = {0};
    if (!req_params_allow(rq, rs, entity_quotes_params) ||
        !req_param_fields(rq, rs, view_quote_fields) || !req_path_id(rq, rs, 0, &q.speaker_id))
        return;
    int rc = store_entity_exists(rq->store, q.speaker_id);
    if (rc == STORE_NOT_FOUND)
        resp_problem(rs, rq, 404, "no entity with id %lld", (long long)q.speaker_id);
    else if (rc != STORE_OK)
        handle_store_error(rq, rs, rc);
    else
        quotes_list(rq, rs, &q);
}

void handle_quote_get(struct req *rq, struct resp *rs)
{
    struct quote q = {0};
    struct article a = {0};
    int64_t id;

    static const char *const fields_only[] = {"fields", NULL};
    if (!req_params_allow(rq, rs, fields_only) ||
        !req_param_fields(rq, rs, view_quote_get_fields) || !req_path_id(rq, rs, 0, &id))
        return;
    int rc = store_quote_get(rq->store, id, &q, &a);
    if (rc == STORE_OK) {
        json_t *o = view_quote(&q, true);
        if (o && json_object_set_new(o, "article", view_article_summary(&a)) == 0)
            resp_json(rs, 200, o);
        else
            json_decref(o);
    } else if (rc == STORE_NOT_FOUND) {
        resp_problem(rs, rq, 404, "no quote with id %lld", (long long)id);
    } else {
        handle_store_error(rq, rs, rc);
    }
    quote_clear(&q);
    article_clear(&a);
}
