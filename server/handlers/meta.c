/* meta.c: GET /health (the process answers), GET /ready (the database is open
 * and migrated to this binary's schema) and GET /metrics (Prometheus text). */
#include <stdio.h>
#include <sys/stat.h>

#include "newsd/embedded.h"
#include "newsd/handlers.h"
#include "newsd/metrics.h"
#include "newsd/router.h"
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

/* Size of a file, 0 when it does not exist. */
static int64_t meta_file_size(const char *path, const char *suffix)
{
    char full[4096];
    struct stat st;
    snprintf(full, sizeof full, "%s%s", path, suffix);
    return stat(full, &st) == 0 ? (int64_t)st.st_size : 0;
}

void handle_metrics(struct req *rq, struct resp *rs)
{
    struct metrics_db db = {0};
    struct buf out = {0};
    size_t n_routes;
    if (!req_params_allow(rq, rs, NULL))
        return;
    router_routes(&n_routes);
    int rc = store_stats(rq->store, &db.articles, &db.quotes, &db.entities);
    if (rc != STORE_OK) {
        handle_store_error(rq, rs, rc);
        return;
    }
    if (rq->cfg && rq->cfg->db) {
        db.db_bytes = meta_file_size(rq->cfg->db, "");
        db.wal_bytes = meta_file_size(rq->cfg->db, "-wal");
    }
    if (!rq->metrics || !metrics_render(rq->metrics, &db, n_routes, router_route_name, &out)) {
        buf_clear(&out);
        return; /* stays 500 */
    }
    rs->text = buf_take(&out);
    rs->content_type = "text/plain; version=0.0.4; charset=utf-8";
    rs->no_etag = true;
    rs->status = 200;
}

void handle_openapi(struct req *rq, struct resp *rs)
{
    if (!req_params_allow(rq, rs, NULL))
        return;
    const char *doc = embedded_doc_get("openapi.json");
    if (!doc || !(rs->text = util_strdup(doc)))
        return; /* stays 500 */
    rs->content_type = "application/json; charset=utf-8";
    rs->status = 200;
}
