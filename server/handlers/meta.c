/* meta.c: GET /health (the process answers) and GET /ready (the database is
 * open and migrated to this binary's schema). */
#include "newsd/handlers.h"
#include "newsd/store.h"

void handle_health(struct req *rq, struct resp *rs)
{
    if (!req_params_allow(rq, rs, NULL))
        return;
    rs->no_etag = true;
    resp_json(rs, 200, json_pack("{s:s}", "status", "ok"));
}

void handle_ready(struct req *rq, struct resp *rs)
{
    if (!req_params_allow(rq, rs, NULL))
        return;
    rs->no_etag = true;
    if (store_schema_check(rq->store) == STORE_OK)
        resp_json(rs, 200, json_pack("{s:s}", "status", "ready"));
    else
        resp_problem(rs, rq, 503, "the database is not migrated to this version");
}
