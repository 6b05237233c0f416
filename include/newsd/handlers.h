/* handlers.h: one function per endpoint. Each reads a filled struct req and
 * fills a struct resp that starts at 500; none sees libmicrohttpd or SQLite. */
#ifndef NEWSD_HANDLERS_H
#define NEWSD_HANDLERS_H

#include "newsd/http.h"

void handle_articles_list(struct req *rq, struct resp *rs);    /* GET /articles */
void handle_article_get(struct req *rq, struct resp *rs);      /* GET /articles/{id} */
void handle_article_quotes(struct req *rq, struct resp *rs);   /* GET /articles/{id}/quotes */
void handle_article_entities(struct req *rq, struct resp *rs); /* GET /articles/{id}/entities */
void handle_article_create(struct req *rq, struct resp *rs);   /* POST /articles */
void handle_article_delete(struct req *rq, struct resp *rs);   /* DELETE /articles/{id} */
void handle_quotes_list(struct req *rq, struct resp *rs);      /* GET /quotes */
void handle_quote_get(struct req *rq, struct resp *rs);        /* GET /quotes/{id} */
void handle_entities_list(struct req *rq, struct resp *rs);    /* GET /entities */
void handle_entity_get(struct req *rq, struct resp *rs);       /* GET /entities/{id} */
void handle_entity_quotes(struct req *rq, struct resp *rs);    /* GET /entities/{id}/quotes */
void handle_entity_articles(struct req *rq, struct resp *rs);  /* GET /entities/{id}/articles */
void handle_health(struct req *rq, struct resp *rs);           /* GET /health */
void handle_ready(struct req *rq, struct resp *rs);            /* GET /ready */
void handle_metrics(struct req *rq, struct resp *rs);          /* GET /metrics */
void handle_openapi(struct req *rq, struct resp *rs);          /* GET /openapi.json */

struct article_query;
struct quote_query;
struct entity_query;

/* Answers a list in fmt: the JSON envelope of one page, one page of NDJSON or
 * CSV, or (all) every page streamed. The query's strings are copied when a
 * stream needs them past the request. */
void handle_list_articles(struct req *rq, struct resp *rs, const struct article_query *q,
                          enum http_format fmt, bool all);
void handle_list_quotes(struct req *rq, struct resp *rs, const struct quote_query *q,
                        enum http_format fmt, bool all);
void handle_list_entities(struct req *rq, struct resp *rs, const struct entity_query *q,
                          enum http_format fmt, bool all);

/* Answers a store failure that no handler turned into a 4xx: 503 when the
 * database is busy or full (worth a retry), else 500. */
void handle_store_error(struct req *rq, struct resp *rs, int store_rc);

#endif
