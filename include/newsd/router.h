/* router.h: the one static route table. The router alone answers 404, 405
 * (with Allow), OPTIONS, and the API-key check of routes flagged NEEDS_KEY. */
#ifndef NEWSD_ROUTER_H
#define NEWSD_ROUTER_H

#include <stddef.h>

#include "newsd/http.h"

enum route_flags {
    ROUTE_NEEDS_KEY = 1 << 0,    /* write: Authorization: Bearer <key> */
    ROUTE_NEEDS_DB = 1 << 1,     /* borrows a read connection */
    ROUTE_NEEDS_WRITER = 1 << 2, /* takes the write connection */
    ROUTE_CACHED = 1 << 3        /* answers may come from the response cache */
};

typedef void (*route_handler)(struct req *, struct resp *);

struct route {
    const char *method;
    const char *pattern; /* "/articles/{id}/quotes" */
    route_handler handler;
    unsigned flags;
};

/* The outcome of matching a request against the table. */
struct route_match {
    const struct route *route;      /* NULL: no route for this method */
    const struct route *path_route; /* the first route of the path, or NULL */
    char allow[64];                 /* methods of the path, for 405 and OPTIONS */
    bool path_known;
};

/* Matches method and path; fills captures in rq. */
void router_match(struct req *rq, struct route_match *m);
/* Dispatches a matched request: answers 404/405/OPTIONS/401/403 itself, or calls
 * the handler. rs starts at 500. */
void router_dispatch(struct req *rq, struct resp *rs, const struct route_match *m);

/* The whole table, for /openapi.json checks and tests. */
const struct route *router_routes(size_t *n);
/* The pattern of route i and (in *method) its method: metric labels. */
const char *router_route_name(size_t i, const char **method);

#endif
