/* entities.c: GET /entities, /entities/{id}, /entities/{id}/articles. */
#include <stdlib.h>
#include <string.h>

#include "newsd/handlers.h"
#include "newsd/store.h"
#include "newsd/views.h"

static const char *const entities_params[] = {"limit", "cursor", "type", "q",
                                              "sort",  "fields", NULL};

void handle_entities_list(struct req *rq, struct resp *rs)
{
    struct entity_query q = {.type = -1};
    enum http_format fmt = req_format(rq);
    bool all = false;

    if (!req_params_allow(rq, rs, entities_params) ||
        !req_param_fields(rq, rs, view_entity_fields) ||
        !req_param_limit(rq, rs, fmt, &q.limit, &all))
        return;
    const char *type = req_param(rq, "type"), *sort = req_param(rq, "sort");
    if (type && (q.type = entity_type_parse(type)) < 0) {
        resp_problem(rs, rq, 400, "type must be person, organization or place");
        return;
    }
    if (sort && strcmp(sort, "-mentions") != 0 && strcmp(sort, "name") != 0) {
        resp_problem(rs, rq, 400, "sort must be -mentions or name");
        return;
    }
    q.sort = sort && strcmp(sort, "name") == 0 ? ENTITY_SORT_NAME : ENTITY_SORT_MENTIONS;
    q.prefix = req_param(rq, "q");
    if (q.prefix && (!*q.prefix || strlen(q.prefix) > 200)) {
        resp_problem(rs, rq, 400, "q must be a name prefix of 1 to 200 bytes");
        return;
    }
    q.cursor = req_param(rq, "cursor");
    handle_list_entities(rq, rs, &q, fmt, all);
}

void handle_entity_get(struct req *rq, struct resp *rs)
{
    struct entity e = {0};
    int64_t id;

    static const char *const fields_only[] = {"fields", NULL};
    if (!req_params_allow(rq, rs, fields_only) || !req_param_fields(rq, rs, view_entity_fields) ||
        !req_path_id(rq, rs, 0, &id))
        return;
    int rc = store_entity_get(rq->store, id, &e);
    if (rc == STORE_OK)
        resp_json(rs, 200, view_entity(&e, false));
    else if (rc == STORE_NOT_FOUND)
        resp_problem(rs, rq, 404, "no entity with id %lld", (long long)id);
    else
        handle_store_error(rq, rs, rc);
    entity_clear(&e);
}

static const char *const entity_articles_params[] = {"limit", "cursor", "fields", NULL};

void handle_entity_articles(struct req *rq, struct resp *rs)
{
    struct article_query q = {0};
    enum http_format fmt = req_format(rq);
    bool all = false;

    if (!req_params_allow(rq, rs, entity_articles_params) ||
        !req_param_fields(rq, rs, view_article_summary_fields) ||
        !req_path_id(rq, rs, 0, &q.entity_id) || !req_param_limit(rq, rs, fmt, &q.limit, &all))
        return;
    int rc = store_entity_exists(rq->store, q.entity_id);
    if (rc == STORE_NOT_FOUND) {
        resp_problem(rs, rq, 404, "no entity with id %lld", (long long)q.entity_id);
        return;
    }
    if (rc != STORE_OK) {
        handle_store_error(rq, rs, rc);
        return;
    }
    q.cursor = req_param(rq, "cursor");
    handle_list_articles(rq, rs, &q, fmt, all);
}
