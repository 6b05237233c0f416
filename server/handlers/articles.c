/* articles.c: GET /articles, /articles/{id}, /articles/{id}/quotes,
 * /articles/{id}/entities, and POST /articles. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "newsd/handlers.h"
#include "newsd/ingest.h"
#include "newsd/store.h"
#include "newsd/views.h"

static const char *const articles_params[] = {"fields",  "limit",   "cursor", "entity",
                                              "speaker", "section", "author", "from",
                                              "to",      "sort",    "q",      NULL};

void handle_articles_list(struct req *rq, struct resp *rs)
{
    struct article_query q = {0};
    enum http_format fmt = req_format(rq);
    bool all = false;
    char *from = NULL, *to = NULL, *fts = NULL;

    if (!req_params_allow(rq, rs, articles_params) ||
        !req_param_fields(rq, rs, view_article_summary_fields) ||
        !req_param_limit(rq, rs, fmt, &q.limit, &all) ||
        !req_param_id(rq, rs, "entity", &q.entity_id) ||
        !req_param_id(rq, rs, "speaker", &q.speaker_id) ||
        !req_param_time(rq, rs, "from", false, &from) || !req_param_time(rq, rs, "to", true, &to))
        goto out;
    const char *sort = req_param(rq, "sort"), *why = NULL;
    const char *text = req_param(rq, "q");
    if (text && store_fts_parse(text, &fts, &why) != STORE_OK) {
        if (why)
            resp_problem(rs, rq, 400, "%s", why);
        goto out;
    }
    if (sort && strcmp(sort, "-published_at") != 0 && strcmp(sort, "published_at") != 0 &&
        strcmp(sort, "relevance") != 0) {
        resp_problem(rs, rq, 400, "sort must be -published_at, published_at or relevance");
        goto out;
    }
    if (sort && strcmp(sort, "relevance") == 0 && !fts) {
        resp_problem(rs, rq, 400, "sort=relevance needs a search query q");
        goto out;
    }
    /* With q the best match comes first unless a date order is asked for. */
    q.fts = fts;
    q.by_relevance = fts && (!sort || strcmp(sort, "relevance") == 0);
    q.oldest_first = sort && strcmp(sort, "published_at") == 0;
    q.cursor = req_param(rq, "cursor");
    q.section = req_param(rq, "section");
    q.author = req_param(rq, "author");
    q.from = from;
    q.to = to;
    handle_list_articles(rq, rs, &q, fmt, all);
out:
    free(fts);
    free(from);
    free(to);
}

static const char *const fields_only[] = {"fields", NULL};

void handle_article_get(struct req *rq, struct resp *rs)
{
    struct article a = {0};
    int64_t id;

    if (!req_params_allow(rq, rs, fields_only) || !req_param_fields(rq, rs, view_article_fields) ||
        !req_path_id(rq, rs, 0, &id))
        return;
    int rc = store_article_get(rq->store, id, &a);
    struct buf text = {0};
    if (rc == STORE_OK) {
        /* Written as text: the hottest answer skips the jansson tree. */
        if (view_write_article(&text, &a, &rq->fields)) {
            rs->text = buf_take(&text);
            rs->status = 200;
        }
        buf_clear(&text);
    } else if (rc == STORE_NOT_FOUND)
        resp_problem(rs, rq, 404, "no article with id %lld", (long long)id);
    else
        handle_store_error(rq, rs, rc);
    article_clear(&a);
}

/* The parent of a sub-resource list must exist: an unknown id is a 404, not an
 * empty list. */
static bool article_must_exist(struct req *rq, struct resp *rs, int64_t id)
{
    int rc = store_article_exists(rq->store, id);
    if (rc == STORE_NOT_FOUND)
        resp_problem(rs, rq, 404, "no article with id %lld", (long long)id);
    else if (rc != STORE_OK)
        handle_store_error(rq, rs, rc);
    return rc == STORE_OK;
}

static const char *const page_params[] = {"limit", "cursor", "fields", NULL};

void handle_article_quotes(struct req *rq, struct resp *rs)
{
    struct quote_query q = {0};
    enum http_format fmt = req_format(rq);
    bool all = false;

    if (!req_params_allow(rq, rs, page_params) || !req_param_fields(rq, rs, view_quote_fields) ||
        !req_path_id(rq, rs, 0, &q.article_id) || !req_param_limit(rq, rs, fmt, &q.limit, &all) ||
        !article_must_exist(rq, rs, q.article_id))
        return;
    q.cursor = req_param(rq, "cursor");
    handle_list_quotes(rq, rs, &q, fmt, all);
}

void handle_article_entities(struct req *rq, struct resp *rs)
{
    struct entity_query q = {.type = -1};
    enum http_format fmt = req_format(rq);
    bool all = false;

    if (!req_params_allow(rq, rs, page_params) ||
        !req_param_fields(rq, rs, view_article_entity_fields) ||
        !req_path_id(rq, rs, 0, &q.article_id) || !req_param_limit(rq, rs, fmt, &q.limit, &all) ||
        !article_must_exist(rq, rs, q.article_id))
        return;
    q.cursor = req_param(rq, "cursor");
    handle_list_entities(rq, rs, &q, fmt, all);
}

/* True when url is an absolute http or https URL with a host: the only kind
 * a reader may follow from an article (javascript:, data: and file: are not
 * links to a source). Checked here, for records sent to the API, rather
 * than in ingest_record_parse, which `newsd ingest` shares. The scheme is case-insensitive (RFC 3986); no byte of
 * the URL may be a space or a control character. */
static bool article_url_ok(const char *url)
{
    size_t skip = strncasecmp(url, "http://", 7) == 0    ? 7
                  : strncasecmp(url, "https://", 8) == 0 ? 8
                                                         : 0;
    if (!skip || !url[skip] || strchr("/?#", url[skip]))
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* Reads the POST body as an ingest input: text/plain is raw page text,
 * application/json one record. Writes 415/400 and returns false otherwise. */
static bool article_body_input(struct req *rq, struct resp *rs, struct ingest_input *in)
{
    const char *ct = rq->content_type ? rq->content_type : "";
    size_t ctlen = strcspn(ct, ";");
    const char *reason = NULL;
    if (ctlen == 10 && strncasecmp(ct, "text/plain", 10) == 0) {
        if (!ingest_text_is_valid(rq->body ? rq->body : "", rq->body_len)) {
            resp_problem(rs, rq, 400, "the body is not valid UTF-8 text");
            return false;
        }
        if (!(in->text = malloc(rq->body_len + 1)))
            return false;
        if (rq->body_len)
            memcpy(in->text, rq->body, rq->body_len);
        in->text[rq->body_len] = '\0';
        return true;
    }
    if (ctlen == 16 && strncasecmp(ct, "application/json", 16) == 0) {
        enum ingest_rc rc =
            ingest_record_parse(rq->body ? rq->body : "", rq->body_len, in, &reason);
        if (rc == INGEST_OK && in->url && !article_url_ok(in->url)) {
            resp_problem(rs, rq, 400, "\"url\" must be an absolute http:// or https:// URL");
            return false;
        }
        if (rc == INGEST_OK)
            return true;
        if (rc != INGEST_NOMEM)
            resp_problem(rs, rq, 400, "%s", reason ? reason : "the JSON record is not valid");
        return false;
    }
    resp_problem(rs, rq, 415, "send text/plain (raw article text) or application/json (a record)");
    return false;
}

void handle_article_create(struct req *rq, struct resp *rs)
{
    struct ingest_input in = {0};
    struct article ex = {0}, stored = {0};
    struct store_insert st = {0};
    const char *reason = NULL;

    if (!req_params_allow(rq, rs, NULL) || !article_body_input(rq, rs, &in))
        goto out;
    enum ingest_rc irc = ingest_run(&in, &ex, &reason);
    if (irc == INGEST_NO_ARTICLE || irc == INGEST_BAD_INPUT) {
        resp_problem(rs, rq, irc == INGEST_NO_ARTICLE ? 422 : 400, "%s",
                     reason ? reason
                     : irc == INGEST_NO_ARTICLE ? "no article found in the text"
                                                : "the input is not valid");
        goto out;
    }
    if (irc != INGEST_OK)
        goto out;
    int rc = store_article_insert(rq->writer, &ex, &st);
    if (rc == STORE_OK)
        rc = store_article_get(rq->writer, st.id, &stored);
    if (rc != STORE_OK) {
        handle_store_error(rq, rs, rc);
        goto out;
    }
    resp_header(rs, "Location", "/articles/%lld", (long long)st.id);
    resp_json(rs, st.duplicate ? 200 : 201, view_article(&stored, true));
out:
    article_clear(&stored);
    article_clear(&ex);
    ingest_input_clear(&in);
}

void handle_article_delete(struct req *rq, struct resp *rs)
{
    int64_t id;
    if (!req_params_allow(rq, rs, NULL) || !req_path_id(rq, rs, 0, &id))
        return;
    int rc = store_article_delete(rq->writer, id);
    if (rc == STORE_OK) {
        rs->status = 204;
        rs->no_etag = true;
    } else if (rc == STORE_NOT_FOUND) {
        resp_problem(rs, rq, 404, "no article with id %lld", (long long)id);
    } else {
        handle_store_error(rq, rs, rc);
    }
}
