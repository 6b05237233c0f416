/* metrics.c: counting requests and rendering the Prometheus text format
 * (version 0.0.4). Label values are route patterns and status codes only:
 * nothing a client sends reaches a label. */
#include "newsd/metrics.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "newsd/cache.h"

/* Status codes counted one by one; the last slot takes every other code. */
static const int metrics_codes[METRICS_N_STATUS] = {200, 201, 204, 304, 400, 401, 403, 404,
                                                    405, 413, 414, 415, 422, 431, 500, 503};
/* Latency bucket bounds in microseconds. */
static const uint64_t metrics_bounds_us[METRICS_N_BUCKETS] = {
    100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 1000000};

void metrics_init(struct metrics *m)
{
    memset(m, 0, sizeof *m);
}

static size_t metrics_code_slot(int status)
{
    for (size_t i = 0; i < METRICS_N_STATUS; i++)
        if (metrics_codes[i] == status)
            return i;
    return METRICS_N_STATUS - 1;
}

void metrics_request(struct metrics *m, size_t route, enum metrics_kind kind, int status,
                     uint64_t us)
{
    if (route >= METRICS_MAX_ROUTES || kind >= METRICS_N_KINDS) {
        route = METRICS_MAX_ROUTES;
        kind = METRICS_ROUTE;
    }
    atomic_fetch_add(&m->requests[kind][route][metrics_code_slot(status)], 1);
    size_t b = 0;
    while (b < METRICS_N_BUCKETS && us > metrics_bounds_us[b])
        b++;
    atomic_fetch_add(&m->latency[b], 1);
    atomic_fetch_add(&m->latency_sum_us, us);
}

/* Appends the non-zero counts of one route and kind, by status. */
static bool metrics_render_counts(const atomic_uint_fast64_t counts[METRICS_N_STATUS],
                                  const char *method, const char *name, struct buf *out)
{
    bool ok = true;
    for (size_t c = 0; ok && c < METRICS_N_STATUS; c++) {
        uint64_t v = atomic_load(&counts[c]);
        char code[8];
        if (!v)
            continue;
        if (c == METRICS_N_STATUS - 1)
            memcpy(code, "other", 6);
        else
            snprintf(code, sizeof code, "%d", metrics_codes[c]);
        ok = buf_printf(out,
                        "newsd_http_requests_total{method=\"%s\",route=\"%s\",status=\"%s\"} "
                        "%" PRIu64 "\n",
                        method, name, code, v);
    }
    return ok;
}

bool metrics_render(const struct metrics *m, const struct metrics_db *db, size_t n_routes,
                    const char *(*route_name)(size_t i, const char **method), struct buf *out)
{
    bool ok = buf_puts(out, "# HELP newsd_http_requests_total Requests answered, by route and "
                            "status.\n# TYPE newsd_http_requests_total counter\n");
    static const char *const kind_methods[METRICS_N_KINDS] = {NULL, "OPTIONS", "other"};
    for (size_t k = 0; ok && k < METRICS_N_KINDS; k++) {
        for (size_t r = 0; ok && r <= n_routes && r <= METRICS_MAX_ROUTES; r++) {
            const char *method = "", *name = "unmatched";
            size_t slot = r == n_routes ? METRICS_MAX_ROUTES : r;
            if (r < n_routes)
                name = route_name(r, &method);
            if (kind_methods[k])
                method = kind_methods[k];
            ok = metrics_render_counts(m->requests[k][slot], method, name, out);
        }
    }
    ok = ok && buf_puts(out, "# HELP newsd_http_request_duration_seconds Time to answer a "
                             "request.\n# TYPE newsd_http_request_duration_seconds histogram\n");
    uint64_t cumulative = 0;
    for (size_t b = 0; ok && b < METRICS_N_BUCKETS; b++) {
        cumulative += atomic_load(&m->latency[b]);
        ok = buf_printf(out, "newsd_http_request_duration_seconds_bucket{le=\"%g\"} %" PRIu64 "\n",
                        (double)metrics_bounds_us[b] / 1e6, cumulative);
    }
    cumulative += atomic_load(&m->latency[METRICS_N_BUCKETS]);
    ok = ok && buf_printf(out,
                          "newsd_http_request_duration_seconds_bucket{le=\"+Inf\"} %" PRIu64 "\n"
                          "newsd_http_request_duration_seconds_sum %.6f\n"
                          "newsd_http_request_duration_seconds_count %" PRIu64 "\n",
                          cumulative, (double)atomic_load(&m->latency_sum_us) / 1e6, cumulative);
    ok = ok &&
         buf_printf(out,
                    "# HELP newsd_http_in_flight Requests being answered now.\n"
                    "# TYPE newsd_http_in_flight gauge\nnewsd_http_in_flight %d\n"
                    "# HELP newsd_articles_written_total POST and DELETE outcomes.\n"
                    "# TYPE newsd_articles_written_total counter\n"
                    "newsd_articles_written_total{outcome=\"created\"} %" PRIu64 "\n"
                    "newsd_articles_written_total{outcome=\"duplicate\"} %" PRIu64 "\n"
                    "newsd_articles_written_total{outcome=\"refused\"} %" PRIu64 "\n"
                    "newsd_articles_written_total{outcome=\"deleted\"} %" PRIu64 "\n"
                    "# HELP newsd_auth_failures_total Write requests with a missing or wrong key.\n"
                    "# TYPE newsd_auth_failures_total counter\nnewsd_auth_failures_total %" PRIu64
                    "\n",
                    atomic_load(&m->in_flight), atomic_load(&m->articles_created),
                    atomic_load(&m->articles_duplicate), atomic_load(&m->articles_refused),
                    atomic_load(&m->articles_deleted), atomic_load(&m->auth_failures));
    if (ok && db)
        ok = buf_printf(out,
                        "# HELP newsd_rows Rows stored.\n# TYPE newsd_rows gauge\n"
                        "newsd_rows{table=\"articles\"} %" PRId64 "\n"
                        "newsd_rows{table=\"quotes\"} %" PRId64 "\n"
                        "newsd_rows{table=\"entities\"} %" PRId64 "\n"
                        "# HELP newsd_database_bytes Size of the database files.\n"
                        "# TYPE newsd_database_bytes gauge\n"
                        "newsd_database_bytes{file=\"db\"} %" PRId64 "\n"
                        "newsd_database_bytes{file=\"wal\"} %" PRId64 "\n",
                        db->articles, db->quotes, db->entities, db->db_bytes, db->wal_bytes);
    if (ok && m->cache) {
        struct cache_stats cs;
        cache_stats(m->cache, &cs);
        ok = buf_printf(out,
                        "# HELP newsd_cache_lookups_total Response cache lookups by outcome.\n"
                        "# TYPE newsd_cache_lookups_total counter\n"
                        "newsd_cache_lookups_total{outcome=\"hit\"} %" PRIu64 "\n"
                        "newsd_cache_lookups_total{outcome=\"miss\"} %" PRIu64 "\n"
                        "# HELP newsd_cache_entries Answers held by the response cache.\n"
                        "# TYPE newsd_cache_entries gauge\n"
                        "newsd_cache_entries %" PRIu64 "\n"
                        "# HELP newsd_cache_bytes Bytes held by the response cache.\n"
                        "# TYPE newsd_cache_bytes gauge\n"
                        "newsd_cache_bytes %" PRIu64 "\n"
                        "# HELP newsd_cache_two_form_entries Answers held both as gzip "
                        "and in a form for clients without gzip.\n"
                        "# TYPE newsd_cache_two_form_entries gauge\n"
                        "newsd_cache_two_form_entries %" PRIu64 "\n",
                        cs.hits, cs.misses, cs.entries, cs.bytes, cs.alts);
    }
    return ok;
}
