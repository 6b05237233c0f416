/* http.h: the request and response structs handlers see (no libmicrohttpd types:
 * handlers are testable without a socket), the helpers that parse parameters
 * into them and fill responses, and the daemon that serialises them. */
#ifndef NEWSD_HTTP_H
#define NEWSD_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "newsd/config.h"
#include "newsd/util.h"

struct metrics;
struct store;
struct store_meta;

#define HTTP_MAX_PARAMS 32
#define HTTP_MAX_CAPTURES 2
#define HTTP_MAX_HEADERS 8

struct req_param {
    char *name;
    char *value;
};

struct req {
    const char *method; /* "GET", ... */
    const char *path;   /* decoded path, no query */
    struct req_param params[HTTP_MAX_PARAMS];
    size_t n_params;
    bool too_many_params;
    const char *captures[HTTP_MAX_CAPTURES]; /* {id} segments, set by the router */
    char capture_buf[HTTP_MAX_CAPTURES][32]; /* where captures point */
    const char *body;                        /* request body (POST), may be NULL */
    size_t body_len;
    const char *content_type;
    const char *accept;
    const char *authorization;
    const char *request_id;
    const struct config *cfg;
    struct store *store;           /* a read connection, borrowed */
    struct store *writer;          /* the write connection (locked), or NULL */
    const struct metrics *metrics; /* the server's counters, for /metrics */
    struct strv fields;            /* fields= asked for (owned); empty: all */
};

struct resp_header {
    char *name;
    char *value;
};

/* A body produced piece by piece (exports with limit=all). next appends the
 * next bytes and returns 1 while more follow, 0 at the end, -1 on error; free
 * releases ctx. The daemon sends it with chunked encoding. */
struct resp_stream {
    void *ctx;
    int (*next)(void *ctx, struct buf *out);
    void (*free)(void *ctx);
};

/* What a list is answered in, from the Accept header. */
enum http_format { HTTP_FORMAT_JSON = 0, HTTP_FORMAT_NDJSON, HTTP_FORMAT_CSV };

struct resp {
    int status;               /* starts at 500: a forgotten path cannot answer 200 */
    json_t *body;             /* JSON body (owned), or NULL */
    char *text;               /* a non-JSON body (owned), e.g. /metrics */
    const char *content_type; /* static; NULL means JSON (or problem+json on >= 400) */
    struct resp_header headers[HTTP_MAX_HEADERS];
    size_t n_headers;
    bool no_etag;              /* health, ready, metrics */
    struct resp_stream stream; /* set: a streamed body (owned) */
};

/* --- request parsing: each returns false after writing a 400 into rs --------- */

/* Refuses parameters outside the NULL-terminated list of allowed names (names
 * starting with '_' are always allowed: cache-busting). */
bool req_params_allow(const struct req *rq, struct resp *rs, const char *const *allowed);
/* The value of a parameter, or NULL. Borrowed from rq. */
const char *req_param(const struct req *rq, const char *name);
/* An integer parameter in [min, max]; def when absent. */
bool req_param_int(const struct req *rq, struct resp *rs, const char *name, int min, int max,
                   int def, int *out);
/* The list format asked for: application/x-ndjson or text/csv in Accept, else
 * JSON. */
enum http_format req_format(const struct req *rq);
/* `limit`: 1..100 (default 20), or `all` (*all set, *limit 100) for NDJSON and
 * CSV exports, which then stream every page. */
bool req_param_limit(const struct req *rq, struct resp *rs, enum http_format f, int *limit,
                     bool *all);
/* An optional positive 64-bit id parameter; 0 when absent. */
bool req_param_id(const struct req *rq, struct resp *rs, const char *name, int64_t *out);
/* An optional ISO 8601 date or date-time, normalised to the store's UTC sort
 * form; end_of_day turns a bare date into its last second (for inclusive `to`).
 * *out is owned by the caller (NULL when absent). */
bool req_param_time(const struct req *rq, struct resp *rs, const char *name, bool end_of_day,
                    char **out);
/* Reads `fields=a,b,c` into rq->fields, refusing names not in known
 * (NULL-terminated). Absent means every field. */
bool req_param_fields(struct req *rq, struct resp *rs, const char *const *known);
/* Keeps only rq->fields in a 200 body: in each item of a list envelope's data,
 * or in the object itself. Does nothing when no fields were asked for. */
void resp_fields_apply(const struct req *rq, struct resp *rs);

/* The {id} capture number i as a positive 64-bit id. */
bool req_path_id(const struct req *rq, struct resp *rs, int i, int64_t *out);

/* --- responses --------------------------------------------------------------- */

/* Sets a JSON response; body is taken (NULL means out of memory: stays 500). */
void resp_json(struct resp *rs, int status, json_t *body);
/* Sets an application/problem+json response with a printf detail. */
void resp_problem(struct resp *rs, const struct req *rq, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Adds a response header (copied). Returns false when full or out of memory. */
bool resp_header(struct resp *rs, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Frees everything attached to rs; accepts a zeroed struct, twice. */
void resp_clear(struct resp *rs);
/* Frees the parameters copied into rq. */
void req_clear(struct req *rq);

/* The reason phrase of a status ("Not Found"). */
const char *http_status_title(int status);

/* --- list links -------------------------------------------------------------- */

/* The length of s[0..n) percent-encoded the way links and problem instances
 * write a query name or value (RFC 3986 unreserved bytes kept, the rest %XX):
 * what the daemon checks a URL against before answering. */
size_t http_url_encoded_len(const char *s, size_t n);

/* Builds the envelope {"data","meta","links"} around data (taken) for the
 * request's path and parameters, with next pointing at meta->next_cursor. */
json_t *http_list_envelope(const struct req *rq, json_t *data, const struct store_meta *meta);
/* Answers 200 with the envelope, plus X-Total-Count and (when there is a next
 * page) Link: <next>; rel="next" for clients that read headers. data is taken. */
void resp_list(const struct req *rq, struct resp *rs, json_t *data, const struct store_meta *meta);
/* Adds Link: <this URL with cursor>; rel="next" when cursor is not NULL (the
 * export pages, which have no envelope). False when out of memory. */
bool resp_link_next(const struct req *rq, struct resp *rs, const char *cursor);
/* The same for a page written as JSON text: items holds the array ("[...]"),
 * its items already cut to rq->fields (see view_write_*). */
void resp_list_items(const struct req *rq, struct resp *rs, const struct buf *items,
                     const struct store_meta *meta);

/* --- the daemon -------------------------------------------------------------- */

struct http_server;

/* Starts serving cfg->bind:cfg->port with cfg->threads threads over the
 * database at cfg->db. Returns NULL (logged) on failure. */
struct http_server *http_server_start(const struct config *cfg);
/* Starts a server with no listening socket of its own (fuzzing the HTTP
 * layer): connections come from http_server_add_connection. */
struct http_server *http_server_start_unbound(const struct config *cfg);
/* Hands a connected stream socket to the server, which owns it from then on
 * (closed on failure too). */
bool http_server_add_connection(struct http_server *srv, int fd);
/* The port actually bound (useful with port 0). */
int http_server_port(const struct http_server *srv);
/* Marks the server as shutting down (/ready answers 503, new requests 503). */
void http_server_drain(struct http_server *srv);
/* Stops accepting, finishes in-flight requests and frees everything. */
void http_server_stop(struct http_server *srv);
/* True when a request that may have started at t0 (ms) is more than deadline
 * ms old at now; a t0 later than now (set by a completion while the watchdog
 * walked the connections) is never overdue. */
bool http_overdue(uint64_t now, uint64_t t0, uint64_t deadline);

#endif
