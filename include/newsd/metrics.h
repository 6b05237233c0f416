/* metrics.h: the server's counters (requests by route and status, latency,
 * in-flight requests, write outcomes, failed auth) and their Prometheus text
 * rendering. Counters are atomics owned by the server, not globals. */
#ifndef NEWSD_METRICS_H
#define NEWSD_METRICS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "newsd/util.h"

struct cache;

#define METRICS_MAX_ROUTES 24
#define METRICS_N_STATUS 16
#define METRICS_N_BUCKETS 12

/* How a request met its route: the route's own method, or an answer about
 * its path that no route's handler gives (a preflight, a 405). */
enum metrics_kind {
    METRICS_ROUTE,   /* labelled with the route's method */
    METRICS_OPTIONS, /* OPTIONS on the route's path */
    METRICS_OTHER,   /* a method the path does not take: method="other" */
    METRICS_N_KINDS,
};

struct metrics {
    atomic_uint_fast64_t requests[METRICS_N_KINDS][METRICS_MAX_ROUTES + 1][METRICS_N_STATUS];
    atomic_uint_fast64_t latency[METRICS_N_BUCKETS + 1]; /* cumulative at render */
    atomic_uint_fast64_t latency_sum_us;
    atomic_int in_flight;
    atomic_uint_fast64_t articles_created;
    atomic_uint_fast64_t articles_duplicate;
    atomic_uint_fast64_t articles_refused;
    atomic_uint_fast64_t articles_deleted;
    atomic_uint_fast64_t auth_failures;
    struct cache *cache; /* the server's response cache (not owned), or NULL */
};

/* Database figures read at scrape time. */
struct metrics_db {
    int64_t articles, quotes, entities;
    int64_t db_bytes, wal_bytes;
};

/* Zeroes every counter. */
void metrics_init(struct metrics *m);
/* Counts one answered request: route index (METRICS_MAX_ROUTES for none),
 * how it met the route, status code and duration in microseconds. */
void metrics_request(struct metrics *m, size_t route, enum metrics_kind kind, int status,
                     uint64_t us);
/* Appends the Prometheus text exposition to out; route_name(i) names route i. */
bool metrics_render(const struct metrics *m, const struct metrics_db *db, size_t n_routes,
                    const char *(*route_name)(size_t i, const char **method), struct buf *out);

#endif
