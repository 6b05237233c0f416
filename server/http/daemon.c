/* daemon.c: the libmicrohttpd daemon. It collects a request into a struct req,
 * lets the router answer it, and serialises the struct resp: JSON, ETag and
 * 304, gzip, CORS, request id, cache headers, and one access-log line. The
 * only file that includes microhttpd.h. */
#include <arpa/inet.h>
#include <libdeflate.h>
#include <limits.h>
#include <lz4.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "newsd/cache.h"
#include "newsd/handlers.h"
#include "newsd/http.h"
#include "newsd/log.h"
#include "newsd/metrics.h"
#include "newsd/router.h"
#include "newsd/store.h"
#include "newsd/util.h"

/* Bodies smaller than this are sent as they are: gzip would not pay. */
#define HTTP_GZIP_MIN CACHE_PACK_MIN
#define HTTP_CONN_LIMIT 1000
/* With this many connections open the server is under pressure: a request
 * (or keep-alive gap) older than HTTP_PRESSURE_DEADLINE_MS is cut, so that
 * trickling clients cannot hold every slot for the whole request deadline. */
#define HTTP_PRESSURE_CONNS (HTTP_CONN_LIMIT * 9 / 10)
#define HTTP_PRESSURE_DEADLINE_MS 1000
#define HTTP_CONN_TIMEOUT_S 10
/* Each connection's libmicrohttpd memory pool: the request head, the
 * response head and the read buffer, not the bodies (uploads pass through in
 * chunks, answers are sent from our own buffers). The default, 32 KiB, is
 * malloc'd per connection and made 8 MB of the RSS at 256 connections; 16 KiB
 * still takes a request head of 14 KiB (one of 20 KiB, which 32 KiB took,
 * now gets 431). */
#define HTTP_CONN_MEMORY (16 * 1024)
/* What a request may bring so that its answer still fits in that pool: the
 * pool keeps the request head (and 64 bytes per header field and query
 * parameter) until the answer's head is written into what is left, and a
 * list's answer echoes the URL in its Link header. A URL longer than
 * HTTP_URL_MAX (percent-encoded, as the links write it) is answered 414, a
 * head (request line and headers) over HTTP_HEAD_MAX or with more than
 * HTTP_MAX_FIELDS header fields 431: 8 KiB + 64 x 64 + 2 KiB + about 700
 * bytes of answer head is 15 KiB. Heads past these, up to what the pool
 * holds, are refused with a lean answer head (see http_send). */
#define HTTP_URL_MAX 2048
#define HTTP_HEAD_MAX 8192
#define HTTP_MAX_FIELDS 64
/* A read query that runs longer is interrupted and answered 503. */
#define HTTP_QUERY_MS 2000

struct http_server {
    const struct config *cfg;
    struct MHD_Daemon *mhd;
    struct store_pool *pool;
    struct store *writer;
    pthread_mutex_t write_lock;
    atomic_bool draining;
    atomic_bool ready; /* the database is at this binary's schema */
    atomic_uint_fast64_t next_id;
    int port;
    pthread_mutex_t socks_lock; /* the open connections, for the watchdog */
    pthread_cond_t watchdog_wake;
    struct http_sock *socks;
    size_t n_socks;
    bool watchdog_stop;
    bool watchdog_running;
    pthread_t watchdog;
    pthread_mutex_t idle_lock; /* with idle: signalled when in_flight drops to 0 */
    pthread_cond_t idle;
    struct metrics metrics;
    struct cache *cache; /* NULL: off */
    struct cache_watch *watch; /* NULL: every cached request asks its connection */
    pthread_key_t z_key;       /* each pool thread's struct http_z */
    bool z_key_made;
    struct log_batch *access_log; /* flushed by the watchdog; NULL: lines go at once */
};

/* The libdeflate state of one pool thread, made on its first use and freed
 * when the thread ends: allocating (and zeroing) it for every answer cost
 * about as much as inflating a 13 KB one. */
struct http_z {
    struct libdeflate_compressor *gz;
    struct libdeflate_decompressor *gunz;
    struct buf lz4; /* where LZ4 blocks are made, before a copy of their size is kept */
};

static void http_z_free(void *p)
{
    struct http_z *z = p;
    if (!z)
        return;
    libdeflate_free_compressor(z->gz);
    libdeflate_free_decompressor(z->gunz);
    buf_clear(&z->lz4);
    free(z);
}

/* This thread's state, NULL when out of memory. */
static struct http_z *http_z_of(struct http_server *srv)
{
    struct http_z *z = pthread_getspecific(srv->z_key);
    if (z)
        return z;
    if (!(z = calloc(1, sizeof *z)))
        return NULL;
    z->gz = libdeflate_alloc_compressor(1);
    z->gunz = libdeflate_alloc_decompressor();
    if (!z->gz || !z->gunz || pthread_setspecific(srv->z_key, z) != 0) {
        http_z_free(z);
        return NULL;
    }
    return z;
}

/* Per-request state, from the first call of the access handler to the
 * completion callback. */
struct http_conn {
    struct buf body;
    bool too_large;
    const char *refusal; /* why the head is refused (refusal_status), or NULL */
    int refusal_status;  /* 400, 414 or 431 */
    bool before_drain;   /* arrived before shutdown began: answered normally */
    struct timespec start;
};

/* --- connections: the request deadline and its watchdog ----------------------- */

static uint64_t http_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* True when a request that may have started at t0 is more than deadline ms
 * old at now. t0 may be later than now: the watchdog reads the clock once
 * and then walks the connections while pool threads complete requests and
 * set their t0 to a later millisecond. A plain now - t0 then wrapped to
 * 2^64 - 1 and cut a keep-alive connection that had just been answered, its
 * client's next request failing with a reset (the bench's rare socket read
 * errors at 256 connections, docs/performance.md, session 11). */
bool http_overdue(uint64_t now, uint64_t t0, uint64_t deadline)
{
    return now > t0 && now - t0 > deadline;
}

/* Per TCP connection: when the current request may have started (the accept,
 * then each completion). Owned by the connection notifications. */
struct http_sock {
    _Atomic uint64_t t0_ms;
    atomic_bool answering; /* a response is on its way: exempt from the deadline */
    bool nul;              /* the current request's URL held %00 (see http_unescape) */
    size_t uri_len;        /* the current request target's length, as sent */
    int fd;
    struct http_sock *prev, *next; /* the server's list, under socks_lock */
};

static void http_connection_notify(void *cls, struct MHD_Connection *c, void **socket_context,
                                   enum MHD_ConnectionNotificationCode toe)
{
    struct http_server *srv = cls;
    struct http_sock *sock = *socket_context;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!(sock = calloc(1, sizeof *sock)))
            return; /* no deadline for this connection */
        atomic_init(&sock->t0_ms, http_now_ms());
        atomic_init(&sock->answering, false);
        sock->fd = info ? info->connect_fd : -1;
        pthread_mutex_lock(&srv->socks_lock);
        sock->next = srv->socks;
        if (srv->socks)
            srv->socks->prev = sock;
        srv->socks = sock;
        srv->n_socks++;
        pthread_mutex_unlock(&srv->socks_lock);
        *socket_context = sock;
    } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && sock) {
        /* libmicrohttpd closes the socket after this call, so the watchdog,
         * which works under the same lock, never sees a reused descriptor. */
        pthread_mutex_lock(&srv->socks_lock);
        if (sock->prev)
            sock->prev->next = sock->next;
        else
            srv->socks = sock->next;
        if (sock->next)
            sock->next->prev = sock->prev;
        srv->n_socks--;
        pthread_mutex_unlock(&srv->socks_lock);
        free(sock);
        *socket_context = NULL;
    }
}

/* Hands the free pages inside the heap back to the kernel when the cache let
 * go of answers since the last call (*dropped: its count then). Evicted
 * bodies of every size leave holes between the ones kept, and glibc keeps
 * those pages resident: at 100,000 articles that was a third of the heap.
 * Once a second (from the watchdog), a trim took 0.85 ms at the median and
 * 7 ms at most, holding the arena's lock meanwhile. */
static void http_heap_trim(struct http_server *srv, uint64_t *dropped)
{
    struct cache_stats cs;
    cache_stats(srv->cache, &cs);
    if (cs.dropped == *dropped)
        return;
    *dropped = cs.dropped;
    malloc_trim(0);
}

/* The watchdog: once a second, shuts down the socket of every connection
 * whose request has been arriving for longer than the deadline. The access
 * handler only runs once headers are complete, so without this a client
 * trickling its headers would hold its connection (and, a thousand times
 * over, every connection slot) for as long as it likes. shutdown() makes
 * libmicrohttpd see the end of the stream and close the connection itself.
 * Near the connection limit the deadline drops to a second (a real client
 * sends its head in milliseconds), so slots come back within a second or two
 * instead of the whole request deadline. */
static void *http_watchdog(void *arg)
{
    struct http_server *srv = arg;
    uint64_t dropped = 0;
    pthread_mutex_lock(&srv->socks_lock);
    while (!srv->watchdog_stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&srv->watchdog_wake, &srv->socks_lock, &until);
        uint64_t now = http_now_ms();
        uint64_t deadline = (uint64_t)srv->cfg->request_deadline_ms;
        if (srv->n_socks >= HTTP_PRESSURE_CONNS) {
            if (deadline > HTTP_PRESSURE_DEADLINE_MS)
                deadline = HTTP_PRESSURE_DEADLINE_MS;
            log_warn("event=connection_pressure open=%zu", srv->n_socks);
        }
        for (struct http_sock *k = srv->socks; k && !srv->watchdog_stop; k = k->next) {
            uint64_t t0 = atomic_load(&k->t0_ms);
            if (k->fd >= 0 && !atomic_load(&k->answering) && http_overdue(now, t0, deadline)) {
                /* Logged: a cut that should not have happened (see
                 * http_overdue) was invisible but for the client's reset. */
                log_warn("event=connection_cut age_ms=%llu", (unsigned long long)(now - t0));
                shutdown(k->fd, SHUT_RDWR);
                atomic_store(&k->t0_ms, now); /* once per deadline, not every second */
            }
        }
        /* Outside the lock: a trim may take milliseconds, and connections
         * come and go meanwhile. */
        pthread_mutex_unlock(&srv->socks_lock);
        http_heap_trim(srv, &dropped);
        log_batch_flush(srv->access_log);
        pthread_mutex_lock(&srv->socks_lock);
    }
    pthread_mutex_unlock(&srv->socks_lock);
    return NULL;
}

static struct http_sock *http_sock_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/* Decodes %HH in the path and query, as libmicrohttpd's own unescaper does,
 * except %00: a NUL would cut the C string the rest of the server sees
 * ("/articles/1%00junk" read as "/articles/1"). It stays as the three
 * characters and the request is marked, to be refused with a 400. */
static size_t http_unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    static const char hex[] = "0123456789abcdef0123456789ABCDEF";
    char *out = s;
    for (const char *p = s; *p; p++) {
        const char *h = p[0] == '%' && p[1] ? strchr(hex, p[1]) : NULL;
        const char *l = h && p[2] ? strchr(hex, p[2]) : NULL;
        int v = h && l ? ((int)(h - hex) % 16) * 16 + (int)(l - hex) % 16 : 0;
        if (v) {
            *out++ = (char)v;
            p += 2;
            continue;
        }
        if (h && l) {
            struct http_sock *sock = http_sock_of(c);
            if (sock)
                sock->nul = true;
        }
        *out++ = *p;
    }
    *out = '\0';
    return (size_t)(out - s);
}

/* Notes the length of the request target as the client sent it (the URI log
 * callback sees it before unescaping); returns NULL, which leaves the
 * request's context to http_access. */
static void *http_uri_seen(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    struct http_sock *sock = http_sock_of(c);
    if (sock)
        sock->uri_len = strlen(uri);
    return NULL;
}

/* True when the request on c has been arriving for longer than the deadline
 * (NEWSD_REQUEST_DEADLINE_MS, from the end of the previous request on the
 * connection or from the accept): trickled headers and bodies are cut here,
 * where the idle timeout alone would let them live forever. */
static bool http_request_late(const struct http_server *srv, struct MHD_Connection *c)
{
    const struct http_sock *sock = http_sock_of(c);
    if (!sock)
        return false;
    uint64_t t0 = atomic_load(&sock->t0_ms);
    return http_overdue(http_now_ms(), t0, (uint64_t)srv->cfg->request_deadline_ms);
}

/* --- collecting the request -------------------------------------------------- */

struct http_params_ctx {
    struct req *rq;
    bool bad_utf8;
};

static enum MHD_Result http_param_collect(void *cls, enum MHD_ValueKind kind, const char *key,
                                          const char *value)
{
    (void)kind;
    struct http_params_ctx *ctx = cls;
    struct req *rq = ctx->rq;
    const char *v = value ? value : "";
    if (!util_utf8_valid(key, strlen(key)) || !util_utf8_valid(v, strlen(v))) {
        ctx->bad_utf8 = true;
        return MHD_NO;
    }
    if (rq->n_params == HTTP_MAX_PARAMS) {
        /* Cache-busting names ('_') count too: an ignored parameter still
         * costs the connection's pool its room. */
        rq->too_many_params = true;
        return MHD_NO;
    }
    struct req_param *p = &rq->params[rq->n_params];
    p->name = util_strdup(key);
    p->value = util_strdup(v);
    if (!p->name || !p->value) {
        free(p->name);
        free(p->value);
        p->name = p->value = NULL;
        return MHD_NO;
    }
    rq->n_params++;
    return MHD_YES;
}

/* Accepts a client's X-Request-Id when it is short and plain, else makes one. */
static void http_request_id(struct http_server *srv, struct MHD_Connection *c, char out[65])
{
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Request-Id");
    if (h && *h && strlen(h) <= 64 &&
        strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                  "0123456789-_.") == strlen(h)) {
        memcpy(out, h, strlen(h) + 1);
        return;
    }
    uint64_t n = atomic_fetch_add(&srv->next_id, 1);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    /* "%08llx-%06llx" of the seconds and the counter, by hand: snprintf was
     * a tenth of what newsd itself spends on a cache hit. */
    static const char hex[] = "0123456789abcdef";
    uint64_t t = (uint64_t)ts.tv_sec & 0xffffffff;
    for (int i = 7; i >= 0; i--, t >>= 4)
        out[i] = hex[t & 15];
    out[8] = '-';
    for (int i = 14; i >= 9; i--, n >>= 4)
        out[i] = hex[n & 15];
    out[15] = '\0';
}

/* --- serialising the response ------------------------------------------------ */

/* Compresses in[0..n) as gzip into out; false when out of memory.
 * libdeflate rather than zlib: it compresses whole buffers with no stream
 * state to set up, which for a 10 KB answer cost more than compressing it
 * (bench: 8,167 bytes to 1,535 in 24 us at level 1; zlib took 44 us for
 * 1,632 with a trimmed state, 103 us at its defaults). */
static bool http_gzip(struct http_z *z, const char *in, size_t n, struct buf *out)
{
    if (!z)
        return false;
    size_t bound = libdeflate_gzip_compress_bound(z->gz, n);
    char *dst = malloc(bound);
    size_t got = dst ? libdeflate_gzip_compress(z->gz, in, n, dst, bound) : 0;
    bool ok = got > 0 && buf_append(out, dst, got);
    free(dst);
    return ok;
}

/* True when the client lists gzip in Accept-Encoding (q=0 is not checked:
 * no client sends it for gzip). */
static bool http_accepts_gzip(struct MHD_Connection *c)
{
    const char *h =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    /* The gzip (or x-gzip) token, unless its weight is zero ("gzip;q=0"). */
    for (const char *p = h; p && *p; p += strcspn(p, ",")) {
        p += strspn(p, ", \t");
        size_t n = strcspn(p, ",; \t");
        if (!((n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
              (n == 6 && strncasecmp(p, "x-gzip", 6) == 0)))
            continue;
        const char *q = strstr(p, ";");
        const char *next = p + strcspn(p, ",");
        if (!q || q > next)
            return true;
        q += 1 + strspn(q + 1, " \t");
        return !(strncasecmp(q, "q=", 2) == 0 && strtod(q + 2, NULL) <= 0.0);
    }
    return false;
}

/* True when If-None-Match lists etag (or is "*"). */
static bool http_etag_matches(struct MHD_Connection *c, const char *etag)
{
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (!h)
        return false;
    if (strcmp(h, "*") == 0)
        return true;
    size_t n = strlen(etag);
    for (const char *p = strstr(h, etag); p; p = strstr(p + 1, etag)) {
        char after = p[n];
        if (after == '\0' || after == ',' || after == ' ')
            return true;
    }
    return false;
}

/* The Access-Control-Allow-Origin value for this request, or NULL. A
 * configured entry matches without regard to case (scheme and host are
 * case-insensitive; browsers send them in lower case) and with a trailing '/'
 * ignored: "https://app.example/" copied from an address bar never matched
 * the "https://app.example" a browser sends, and every page was refused. */
static const char *http_cors_origin(const struct config *cfg, struct MHD_Connection *c)
{
    if (strcmp(cfg->cors_origins, "*") == 0)
        return "*";
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (!origin || !*origin)
        return NULL;
    size_t n = strlen(origin);
    for (const char *p = cfg->cors_origins; *p;) {
        size_t len = strcspn(p, ", ");
        size_t cmp = len > 1 && p[len - 1] == '/' ? len - 1 : len;
        if (cmp == n && strncasecmp(p, origin, n) == 0)
            return origin;
        p += len;
        p += strspn(p, ", ");
    }
    return NULL;
}

static void http_add_cors(struct http_server *srv, struct MHD_Connection *c, struct MHD_Response *r,
                          const char *method)
{
    const char *origin = http_cors_origin(srv->cfg, c);
    if (!origin)
        return;
    MHD_add_response_header(r, "Access-Control-Allow-Origin", origin);
    /* Allow (405) and Retry-After (503) are what the error docs promise; a
     * header left out here is invisible to a page's JavaScript. */
    MHD_add_response_header(r, "Access-Control-Expose-Headers",
                            "ETag, Link, Location, X-Total-Count, X-Request-Id, Allow, "
                            "Retry-After");
    if (strcmp(method, "OPTIONS") == 0) {
        MHD_add_response_header(r, "Access-Control-Allow-Methods",
                                srv->cfg->read_only ? "GET, HEAD, OPTIONS"
                                                    : "GET, HEAD, POST, DELETE, OPTIONS");
        MHD_add_response_header(r, "Access-Control-Allow-Headers",
                                "Authorization, Content-Type, If-None-Match, X-Request-Id");
        MHD_add_response_header(r, "Access-Control-Max-Age", "600");
    }
}

/* The one CORS header of a lean refusal (414, 431, 413 on its head): without
 * it a browser hides the status and the problem body from the page, which
 * sees only a network error. Only for a request that carries Origin (every
 * cross-origin fetch does), so a curl client's lean answer stays as short. */
static void http_add_cors_lean(struct http_server *srv, struct MHD_Connection *c,
                               struct MHD_Response *r)
{
    const char *sent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    const char *origin = sent ? http_cors_origin(srv->cfg, c) : NULL;
    if (origin)
        MHD_add_response_header(r, "Access-Control-Allow-Origin", origin);
}

/* Everything the wire form of a response needs besides resp itself. */
static const char *http_content_type(const struct resp *rs, int status)
{
    if (rs->content_type)
        return rs->content_type;
    return status >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
}

struct http_out {
    char *body;
    size_t len;
    int status;
    char etag[CACHE_ETAG_MAX];
    bool gzip; /* body holds gzip bytes */
    char *gz;  /* the gzip bytes when made but not (yet) sent, else NULL */
    size_t gz_len;
    char etag_gz[CACHE_ETAG_MAX];
    struct cache_blob *blob; /* a cache hit: body lies in it (a reference), not malloc'd */
};

/* Lets go of the body (a reference on a cached blob, or malloc'd bytes). */
static void http_out_drop_body(struct http_out *o)
{
    if (o->blob)
        cache_blob_release(o->blob);
    else
        free(o->body);
    o->blob = NULL;
    o->body = NULL;
    o->len = 0;
}

/* Strong ETags of the identity bytes and of their gzip form: a hash of the
 * identity bytes, "-gz" added for gzip. The gzip form's names its bytes as
 * well, since libdeflate at one level makes the same bytes from the same
 * input; so it is known before they are made, as a cached answer first
 * kept for a client without gzip needs it. */
static void http_etags(const char *body, size_t len, char etag[CACHE_ETAG_MAX],
                       char etag_gz[CACHE_ETAG_MAX])
{
    unsigned long long h = util_hash_body(body, len);
    snprintf(etag, CACHE_ETAG_MAX, "\"%016llx\"", h);
    snprintf(etag_gz, CACHE_ETAG_MAX, "\"%016llx-gz\"", h);
}

/* Turns rs into the bytes to send and their ETag; the gzip bytes too when
 * the client takes them (gz_ok). */
static void http_encode(struct http_server *srv, const char *method, struct resp *rs, bool gz_ok,
                        struct http_out *o)
{
    o->status = rs->status;
    if (rs->body) {
        o->body = json_dumps(rs->body, JSON_COMPACT);
        if (!o->body) {
            o->status = 500;
            o->body = util_strdup("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\","
                                  "\"status\":500}");
        }
    } else if (rs->text) {
        o->body = rs->text;
        rs->text = NULL;
    }
    o->len = o->body ? strlen(o->body) : 0;
    bool cacheable = o->status == 200 && !rs->no_etag &&
                     (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
    if (cacheable)
        http_etags(o->body, o->len, o->etag, o->etag_gz);
    if (o->len >= HTTP_GZIP_MIN && gz_ok) {
        struct buf z = {0};
        if (http_gzip(http_z_of(srv), o->body, o->len, &z)) {
            o->gz_len = z.len;
            o->gz = buf_take(&z);
        }
        buf_clear(&z);
    }
}

/* Sends the gzip bytes instead of the identity ones when the client takes them. */
static void http_pick_encoding(bool gz_ok, struct http_out *o)
{
    if (!o->gz || !gz_ok)
        return;
    free(o->body);
    o->body = o->gz;
    o->len = o->gz_len;
    o->gz = NULL;
    o->gzip = true;
    memcpy(o->etag, o->etag_gz, sizeof o->etag);
}

/* A request's use of the response cache: its key and generation, and the
 * answer found (hit) or to store. */
struct http_cache_use {
    bool on;      /* the route is cacheable and the key was built */
    bool hit;     /* answer holds the stored bytes */
    bool watched; /* the watch vouched for gen: no per-connection check */
    bool gz_ok;   /* the client takes gzip (Accept-Encoding, read once) */
    uint64_t gen;
    const struct timespec *start; /* the request's start: what a miss cost */
    struct buf key;
    struct cache_hit answer;
};

/* The cache key: everything a cached route's answer depends on besides the
 * data. The path and parameters (decoded, in order) and the format Accept
 * picks, separated by bytes that cannot occur in them. The format, not the
 * header's text: clients word Accept in many ways (curl's "any type", a
 * browser's list, none at all) for the same JSON, and keyed by the text they
 * kept one copy each of the same answer. One entry serves gzip and identity. */
static bool http_cache_key(const struct req *rq, struct buf *key)
{
    bool ok = buf_append(key, rq->path, strlen(rq->path) + 1);
    for (size_t i = 0; ok && i < rq->n_params; i++)
        ok = buf_append(key, rq->params[i].name, strlen(rq->params[i].name) + 1) &&
             buf_append(key, rq->params[i].value, strlen(rq->params[i].value) + 1);
    char format[2] = {'\x01', (char)('0' + (int)req_format(rq))};
    ok = ok && buf_append(key, format, sizeof format);
    return ok && !rq->too_many_params;
}

/* The n bytes at p as one LZ4 block, made in z's buffer (valid until its next
 * use); false when out of memory or when it would not be smaller. LZ4 rather
 * than a second gzip copy or the identity bytes themselves: a 12 KB article
 * unpacks in 2.5 us against 12 us to inflate (docs/performance.md), and
 * takes 1.4 times gzip's room, not 4.5. Made in a buffer of the thread's,
 * not in a blob cut to size afterwards: the cut-off tails left holes in the
 * heap. */
static bool http_lz4_pack(struct http_z *z, const char *p, size_t n, const char **out,
                          size_t *out_len)
{
    if (!z || n > (size_t)LZ4_MAX_INPUT_SIZE)
        return false;
    int bound = LZ4_compressBound((int)n);
    z->lz4.len = 0;
    if (!buf_reserve(&z->lz4, (size_t)bound))
        return false;
    int got = LZ4_compress_default(p, z->lz4.data, (int)n, bound);
    if (got <= 0 || (size_t)got >= n)
        return false;
    *out = z->lz4.data;
    *out_len = (size_t)got;
    return true;
}

/* Unpacks the LZ4 block of n bytes at in into out, which takes exactly want. */
static bool http_lz4_unpack(const char *in, size_t n, char *out, size_t want)
{
    if (n > (size_t)INT_MAX || want > (size_t)INT_MAX)
        return false;
    return LZ4_decompress_safe(in, out, (int)n, (int)want) == (int)want;
}

/* Copies a fresh 200 into the cache (the answer borrows o's and rs's bytes). */
static void http_cache_store(struct http_server *srv, struct http_cache_use *cu,
                             const struct resp *rs, const struct http_out *o)
{
    if (!cu->on || cu->hit || o->status != 200 || !o->etag[0] || rs->stream.next ||
        rs->n_headers > CACHE_MAX_HEADERS)
        return;
    /* Before http_pick_encoding: body is the identity bytes, gz the gzip ones
     * (made when this client takes gzip). Kept in the form this client took:
     * gzip, or else the identity bytes while the cache is roomy and an LZ4
     * block of a body worth compressing once it is not. */
    struct cache_answer a = {.body = o->gz ? o->gz : o->body,
                             .len = o->gz ? o->gz_len : o->len,
                             .form = o->gz ? CACHE_GZIP : CACHE_IDENTITY,
                             .plain_len = o->len};
    const char *lz;
    if (!o->gz && o->len >= HTTP_GZIP_MIN && !cache_roomy(srv->cache, o->len) &&
        http_lz4_pack(http_z_of(srv), o->body, o->len, &lz, &a.len)) {
        a.body = lz; /* copied by cache_put, like the rest */
        a.form = CACHE_LZ4;
    }
    memcpy(a.etag, o->etag, sizeof a.etag);
    memcpy(a.etag_gz, o->etag_gz, sizeof a.etag_gz);
    char ctype[128]; /* the answer is copied by cache_put: a local copy will do */
    snprintf(ctype, sizeof ctype, "%s", http_content_type(rs, o->status));
    a.content_type = ctype;
    for (size_t i = 0; i < rs->n_headers; i++) {
        a.headers[i].name = rs->headers[i].name;
        a.headers[i].value = rs->headers[i].value;
    }
    a.n_headers = rs->n_headers;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long us = (now.tv_sec - cu->start->tv_sec) * 1000000LL +
                   (now.tv_nsec - cu->start->tv_nsec) / 1000;
    a.build_us = us > 0 ? (uint64_t)us : 0;
    cache_put(srv->cache, cu->key.data, cu->key.len, cu->gen, &a);
}

/* Inflates the n gzip bytes at in into out, which takes exactly want bytes. */
/* The gzip bytes are our own (http_gzip: libdeflate writes a bare 10-byte
 * header, FLG 0, and an 8-byte trailer), so only the deflate stream between
 * is inflated: the trailer's CRC-32 over the output would guard only against
 * our own memory going bad, and cost 2 of the 15 us of a 12 KB article. The
 * length must still come out exact. */
static bool http_gunzip(struct http_z *z, const char *in, size_t n, char *out, size_t want)
{
    size_t got = 0;
    if (!z)
        return false;
    const unsigned char *u = (const unsigned char *)in;
    bool bare = n > 18 && u[0] == 0x1f && u[1] == 0x8b && u[2] == 8 && u[3] == 0;
    enum libdeflate_result r =
        bare ? libdeflate_deflate_decompress(z->gunz, in + 10, n - 18, out, want, &got)
             : libdeflate_gzip_decompress(z->gunz, in, n, out, want, &got);
    return r == LIBDEFLATE_SUCCESS && got == want;
}

/* Makes h's body the identity bytes from its LZ4 or gzip form; false when
 * that fails. */
static bool http_cache_unpack(struct http_server *srv, struct cache_hit *h)
{
    size_t n = h->a->plain_len;
    struct cache_blob *plain = cache_blob_new(n);
    bool ok = plain && (h->form == CACHE_LZ4
                            ? http_lz4_unpack(h->body, h->len, cache_blob_data(plain), n)
                            : http_gunzip(http_z_of(srv), h->body, h->len, cache_blob_data(plain),
                                          n));
    if (!ok) {
        cache_blob_release(plain);
        return false;
    }
    cache_hit_body(h, plain, CACHE_IDENTITY);
    return true;
}

/* Offers a gzip entry whose hit h was unpacked the form for clients without
 * gzip: the identity bytes themselves (h's body, shared) while the cache is
 * roomy, else an LZ4 block, about a third of them. */
static void http_cache_offer_plain(struct http_server *srv, struct cache_hit *h)
{
    size_t n = h->a->plain_len;
    if (cache_roomy(srv->cache, n)) {
        if (cache_alt_room(srv->cache, h, n))
            cache_hit_offer(srv->cache, h, h->blob, CACHE_IDENTITY);
        return;
    }
    const char *lz;
    size_t lz_len;
    struct cache_blob *b = NULL;
    if (cache_alt_room(srv->cache, h, n / 3) &&
        http_lz4_pack(http_z_of(srv), h->body, n, &lz, &lz_len) &&
        (b = cache_blob_new(lz_len))) {
        memcpy(cache_blob_data(b), lz, lz_len);
        cache_hit_offer(srv->cache, h, b, CACHE_LZ4);
    }
    cache_blob_release(b);
}

/* Gives a hit the form its client takes when the entry holds only the other
 * kind: the identity bytes (unpacked from LZ4 or inflated), gzipped for a
 * gzip client; and offers the entry the form it lacked when it has room for
 * it, so the next such client finds it. False when that fails: the request
 * is then answered afresh. */
static bool http_cache_convert(struct http_server *srv, bool gz_ok, struct cache_hit *h)
{
    if (h->form == CACHE_GZIP ? gz_ok : !gz_ok && h->form == CACHE_IDENTITY)
        return true; /* as the client takes it */
    if (h->form == CACHE_IDENTITY && h->len < HTTP_GZIP_MIN)
        return true; /* too small for gzip to pay */
    enum cache_form had = h->form;
    if (had != CACHE_IDENTITY && !http_cache_unpack(srv, h))
        return false;
    if (!gz_ok) {
        if (had == CACHE_GZIP)
            http_cache_offer_plain(srv, h);
        return true;
    }
    /* To gzip, which is about a fourth of the identity bytes. */
    struct http_z *z = http_z_of(srv);
    struct buf gz = {0};
    if (!http_gzip(z, h->body, h->len, &gz))
        return true; /* the identity bytes will do: gzip is the client's option */
    struct cache_blob *b = cache_blob_new(gz.len);
    if (b) {
        memcpy(cache_blob_data(b), gz.data, gz.len);
        if (cache_alt_room(srv->cache, h, gz.len))
            cache_hit_offer(srv->cache, h, b, CACHE_GZIP);
        cache_hit_body(h, b, CACHE_GZIP);
    }
    buf_clear(&gz);
    return true;
}

/* Turns a cache hit into the bytes to send; the body's reference moves to o. */
static void http_cache_out(struct http_cache_use *cu, struct http_out *o)
{
    struct cache_hit *h = &cu->answer;
    o->status = 200;
    o->body = h->body;
    o->len = h->len;
    o->gzip = h->form == CACHE_GZIP;
    o->blob = h->blob;
    memcpy(o->etag, o->gzip ? h->a->etag_gz : h->a->etag, sizeof o->etag);
    h->blob = NULL;
    h->body = NULL;
}

/* A streamed body on its way out: the producer and the bytes not yet sent. */
struct http_stream {
    struct resp_stream src;
    struct buf pending;
    size_t off;
    bool ended;
};

static ssize_t http_stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    struct http_stream *st = cls;
    while (st->off == st->pending.len && !st->ended) {
        st->pending.len = st->off = 0;
        int more = st->src.next(st->src.ctx, &st->pending);
        if (more < 0) {
            log_error("event=stream_failed");
            return MHD_CONTENT_READER_END_WITH_ERROR;
        }
        st->ended = more == 0;
    }
    size_t n = st->pending.len - st->off;
    if (n == 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    if (n > max)
        n = max;
    memcpy(buf, st->pending.data + st->off, n);
    st->off += n;
    return (ssize_t)n;
}

static void http_stream_free(void *cls)
{
    struct http_stream *st = cls;
    if (st->src.free)
        st->src.free(st->src.ctx);
    buf_clear(&st->pending);
    free(st);
}

/* Makes the response object: from a buffer, or from rs's stream (taken). */
static struct MHD_Response *http_response_new(struct resp *rs, struct http_out *o)
{
    if (o->blob) {
        /* The response holds the reference until libmicrohttpd is done. */
        struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback_cls(
            o->len, o->body, cache_blob_release, o->blob);
        if (r)
            o->blob = NULL;
        return r;
    }
    if (!rs->stream.next)
        return MHD_create_response_from_buffer(o->len, o->body ? o->body : (char *)"",
                                               o->body ? MHD_RESPMEM_MUST_FREE
                                                       : MHD_RESPMEM_PERSISTENT);
    struct http_stream *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->src = rs->stream;
    memset(&rs->stream, 0, sizeof rs->stream);
    struct MHD_Response *r = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 32 * 1024, http_stream_read, st, http_stream_free);
    if (!r)
        http_stream_free(st);
    return r;
}

/* Sends rs (or the cache hit). lean: the request head nearly fills the
 * connection's pool (a 414 or 431 refusal), so the answer head carries only
 * its type and Connection: close, the fewest bytes that still say what went
 * wrong; libmicrohttpd adds the status line, Date and Content-Length. */
static enum MHD_Result http_send(struct http_server *srv, struct MHD_Connection *c,
                                 const char *method, struct resp *rs, struct http_cache_use *cu,
                                 const char *req_id, bool lean, size_t *sent, int *status_out)
{
    struct http_out o = {0};
    if (cu->hit) {
        http_cache_out(cu, &o);
    } else {
        http_encode(srv, method, rs, cu->gz_ok, &o);
        http_cache_store(srv, cu, rs, &o);
        http_pick_encoding(cu->gz_ok, &o);
        free(o.gz);
        o.gz = NULL;
    }
    if (o.etag[0] && http_etag_matches(c, o.etag)) {
        o.status = 304; /* the client's copy is current */
        http_out_drop_body(&o);
    }
    struct MHD_Response *r = http_response_new(rs, &o);
    if (!r) {
        http_out_drop_body(&o);
        return MHD_NO;
    }
    const char *ctype = cu->hit ? cu->answer.a->content_type : http_content_type(rs, o.status);
    if (o.status != 204 && o.status != 304)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    if (lean) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
        http_add_cors_lean(srv, c, r);
        goto queue;
    }
    if (o.etag[0])
        MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, o.etag);
    if (o.gzip)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    bool cacheable = o.etag[0] != '\0';
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            cacheable ? srv->cfg->cache_control : "no-store");
    /* One Vary: the format, the encoding, and the origin when it is echoed. */
    bool by_origin = strcmp(srv->cfg->cors_origins, "*") != 0;
    MHD_add_response_header(r, MHD_HTTP_HEADER_VARY,
                            by_origin ? "Accept, Accept-Encoding, Origin"
                                      : "Accept, Accept-Encoding");
    MHD_add_response_header(r, "X-Request-Id", req_id);
    for (size_t i = 0; i < rs->n_headers; i++)
        MHD_add_response_header(r, rs->headers[i].name, rs->headers[i].value);
    for (size_t i = 0; cu->hit && i < cu->answer.a->n_headers; i++)
        MHD_add_response_header(r, cu->answer.a->headers[i].name, cu->answer.a->headers[i].value);
    http_add_cors(srv, c, r, method);
queue:;
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)o.status, r);
    MHD_destroy_response(r);
    *sent = o.len;
    *status_out = o.status;
    return ret;
}

/* --- answering --------------------------------------------------------------- */

/* Writes the access-log line; returns the request's duration in microseconds.
 * method must be a token already (http_answer logs "?" for any other). The
 * path is the client's: quotes, backslashes and control bytes become '?', so
 * a line cannot be split or forged, and it is cut at 256 bytes (at a
 * character boundary). */
static uint64_t http_access_log(struct http_server *srv, const char *method, const char *path,
                                int status, size_t bytes, const struct timespec *start,
                                const char *req_id)
{
    struct timespec now;
    char safe[257];
    size_t n = 0;
    for (; path[n] && n < sizeof safe - 1; n++) {
        unsigned char ch = (unsigned char)path[n];
        safe[n] = ch < 0x20 || ch == 0x7f || ch == '"' || ch == '\\' ? '?' : (char)ch;
    }
    /* A cut path ends before the character the cut fell in: half a UTF-8
     * sequence would make the JSON line invalid. */
    while (path[n] && n > 0 && ((unsigned char)path[n] & 0xc0) == 0x80)
        n--;
    safe[n] = '\0';
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long us = (now.tv_sec - start->tv_sec) * 1000000LL + (now.tv_nsec - start->tv_nsec) / 1000;
    log_access(srv->access_log, method, safe, status, bytes, us, req_id);
    return us > 0 ? (uint64_t)us : 0;
}

/* Counts the request in the metrics, with the outcome of writes. */
static void http_count(struct http_server *srv, size_t route, enum metrics_kind kind,
                       unsigned flags, const char *method, int status, uint64_t us)
{
    struct metrics *m = &srv->metrics;
    metrics_request(m, route, kind, status, us);
    if (!(flags & ROUTE_NEEDS_KEY))
        return;
    if (status == 401)
        atomic_fetch_add(&m->auth_failures, 1);
    else if (status == 201)
        atomic_fetch_add(&m->articles_created, 1);
    else if (status == 204 && strcmp(method, "DELETE") == 0)
        atomic_fetch_add(&m->articles_deleted, 1);
    else if (status == 200)
        atomic_fetch_add(&m->articles_duplicate, 1);
    else if (status >= 400)
        atomic_fetch_add(&m->articles_refused, 1);
}

/* Finds the request's answer for generation cu->gen (the key is kept for a
 * store after a miss). */
static void http_cache_find(struct http_server *srv, struct req *rq, struct http_cache_use *cu)
{
    if (!(cu->on = http_cache_key(rq, &cu->key)))
        return;
    cu->hit = cache_get(srv->cache, cu->key.data, cu->key.len, cu->gen, cu->gz_ok, &cu->answer);
    if (cu->hit && !http_cache_convert(srv, cu->gz_ok, &cu->answer)) {
        cu->hit = false;
        cache_hit_clear(&cu->answer);
    }
}

/* Looks the request up before any database work, when the watch can tell
 * that no commit came since the generation began: a hit then costs no read
 * transaction. The generation is read after the check (see cache_watch_check)
 * and before a miss's snapshot starts, so an answer stored under it is never
 * older than it. False when the watch cannot tell. */
static bool http_cache_watched(struct http_server *srv, struct req *rq, struct http_cache_use *cu)
{
    if (!srv->watch || !atomic_load(&srv->ready) ||
        cache_watch_check(srv->watch, srv->cache) == CACHE_WATCH_UNKNOWN)
        return false;
    cu->watched = true;
    cu->gen = cache_generation(srv->cache);
    http_cache_find(srv, rq, cu);
    return true;
}

/* Looks the request up in the cache, inside the request's read transaction:
 * a commit seen for the first time by this connection starts a new
 * generation first, so no answer from an older snapshot is served or kept.
 * The fallback when the watch cannot tell. */
static void http_cache_lookup(struct http_server *srv, struct req *rq, struct http_cache_use *cu)
{
    /* cu->gen was read before the snapshot began (http_route). When this
     * connection now sees a commit, the generation moves past it: the request
     * misses and its answer is not kept, since it cannot tell whether another
     * request already stored a newer one under the new generation. */
    if (store_read_moved(rq->store))
        cache_bump(srv->cache);
    http_cache_find(srv, rq, cu);
}

/* The metrics label of a match: the route, or for an answer about a known
 * path that no route's handler gives (OPTIONS, a 405), the path's first
 * route with the kind of answer; METRICS_MAX_ROUTES for an unknown path. */
static size_t http_metrics_route(const struct req *rq, const struct route_match *m,
                                 enum metrics_kind *kind)
{
    size_t n_routes;
    const struct route *table = router_routes(&n_routes);
    *kind = METRICS_ROUTE;
    if (m->route)
        return (size_t)(m->route - table);
    if (!m->path_route)
        return METRICS_MAX_ROUTES;
    *kind = strcmp(rq->method, "OPTIONS") == 0 ? METRICS_OPTIONS : METRICS_OTHER;
    return (size_t)(m->path_route - table);
}

/* The metrics label of a request refused before routing (a 413, a head
 * refused, a drain): the route it was for, so operators see which one. */
static size_t http_metrics_label(struct req *rq, enum metrics_kind *kind)
{
    struct route_match m;
    router_match(rq, &m);
    return http_metrics_route(rq, &m, kind);
}

/* Runs the router with the connections the route needs; *route and *kind
 * get the request's metrics label (http_metrics_route). */
static void http_route(struct http_server *srv, struct MHD_Connection *c, struct req *rq,
                       struct resp *rs, struct http_cache_use *cu, size_t *route,
                       enum metrics_kind *kind, unsigned *route_flags)
{
    struct route_match m;
    router_match(rq, &m);
    unsigned flags = m.route ? m.route->flags : 0;
    *route = http_metrics_route(rq, &m, kind);
    *route_flags = flags;
    bool options = strcmp(rq->method, "OPTIONS") == 0;
    bool cached = (flags & ROUTE_CACHED) && srv->cache && !options;
    if (cached && http_cache_watched(srv, rq, cu) && cu->hit)
        return; /* answered from memory: no connection, no transaction */
    if ((flags & ROUTE_NEEDS_WRITER) && !options && !srv->writer) {
        if (!srv->cfg->api_key || (flags & ROUTE_NEEDS_KEY) == 0) {
            router_dispatch(rq, rs, &m); /* 403 writes disabled comes from the router */
            return;
        }
        resp_problem(rs, rq, 403, "writes are disabled: the server runs read-only");
        return;
    }
    if ((flags & ROUTE_NEEDS_DB) && !options) {
        /* Before the read snapshot starts: see http_cache_lookup. */
        if (!cu->watched)
            cu->gen = cache_generation(srv->cache);
        rq->store = store_pool_acquire(srv->pool);
        store_deadline_set(rq->store, HTTP_QUERY_MS);
        if (store_read_begin(rq->store) != STORE_OK) {
            store_pool_release(srv->pool, rq->store);
            rq->store = NULL;
            resp_header(rs, "Retry-After", "1");
            resp_problem(rs, rq, 503, "the database is busy; retry shortly");
            return;
        }
        /* Until the database is at this binary's schema (a --read-only server
         * on a database not migrated yet) only /ready answers, with 503. */
        if (!atomic_load(&srv->ready) && store_schema_check(rq->store) == STORE_OK) {
            atomic_store(&srv->ready, true);
            /* The -shm file exists now that a read began: the watch opens its
             * descriptor here, once, rather than at some later request, so
             * the server's open files are the same from its first answer on
             * (the reliability tests count them to find leaks). */
            if (srv->watch)
                cache_watch_check(srv->watch, srv->cache);
        }
        if (!atomic_load(&srv->ready) && m.route->handler != handle_ready) {
            store_read_end(rq->store);
            store_pool_release(srv->pool, rq->store);
            rq->store = NULL;
            resp_header(rs, "Retry-After", "5");
            resp_problem(rs, rq, 503, "not ready: the database is not migrated to this version");
            return;
        }
    }
    if (cached && rq->store && !cu->watched)
        http_cache_lookup(srv, rq, cu);
    if ((flags & ROUTE_NEEDS_WRITER) && !options) {
        pthread_mutex_lock(&srv->write_lock);
        rq->writer = srv->writer;
    }
    if (!cu->hit)
        router_dispatch(rq, rs, &m);
    if (rq->writer)
        pthread_mutex_unlock(&srv->write_lock);
    if (rq->store) {
        store_read_end(rq->store);
        store_pool_release(srv->pool, rq->store);
    }
    rq->writer = rq->store = NULL;
}

static enum MHD_Result http_answer(struct http_server *srv, struct MHD_Connection *c,
                                   struct http_conn *hc, const char *url, const char *method)
{
    struct req rq = {0};
    struct resp rs = {.status = 500};
    struct http_params_ctx pctx = {.rq = &rq};
    char req_id[65];
    size_t sent = 0, route = METRICS_MAX_ROUTES;
    enum metrics_kind kind = METRICS_ROUTE;
    unsigned flags = 0;
    int status = 500;
    struct http_cache_use cu = {.gz_ok = http_accepts_gzip(c), .start = &hc->start};

    struct http_sock *sock = http_sock_of(c);
    if (sock)
        atomic_store(&sock->answering, true); /* a long export is not a slow client */
    http_request_id(srv, c, req_id);
    rq.method = method;
    rq.path = url;
    rq.request_id = req_id;
    rq.cfg = srv->cfg;
    rq.body = hc->body.data;
    rq.body_len = hc->body.len;
    rq.content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    rq.authorization =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);

    rq.metrics = &srv->metrics;
    rq.accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
    /* RFC 9110 token characters only: the method is echoed in 405 details. */
    bool method_ok =
        *method && strspn(method, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789!#$%&'*+-.^_`|~") == strlen(method);
    bool path_ok = util_utf8_valid(url, strlen(url));
    if (path_ok)
        MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, http_param_collect, &pctx);
    if (!method_ok) {
        rq.method = "?";
        rq.path = "/";
        resp_problem(&rs, &rq, 400, "the request method is not a valid token");
    } else if (!path_ok || pctx.bad_utf8) {
        rq.path = "/";
        resp_problem(&rs, &rq, 400, "the URL is not valid UTF-8");
    } else if (hc->refusal) {
        route = http_metrics_label(&rq, &kind);
        resp_problem(&rs, &rq, hc->refusal_status, "%s", hc->refusal);
    } else if (hc->too_large) {
        route = http_metrics_label(&rq, &kind);
        resp_problem(&rs, &rq, 413, "the body is larger than %zu bytes", srv->cfg->max_body);
    } else if (atomic_load(&srv->draining) && !hc->before_drain) {
        route = http_metrics_label(&rq, &kind);
        resp_header(&rs, "Retry-After", "5");
        resp_problem(&rs, &rq, 503, "the server is shutting down");
    } else {
        http_route(srv, c, &rq, &rs, &cu, &route, &kind, &flags);
        if (!cu.hit)
            resp_fields_apply(&rq, &rs);
    }
    /* A handler that stopped early left a bare 500: give it a problem body. */
    if (!cu.hit && rs.status >= 400 && !rs.body && !rs.text)
        resp_problem(&rs, &rq, rs.status, "internal error; the server log has the details");
    bool lean = hc->refusal && hc->refusal_status != 400;
    /* The lean head has no room for Content-Encoding, so its body goes as it
     * is: a 414's problem echoes the long URL and was gzipped past 1 KiB,
     * which a browser then failed to parse as JSON. */
    if (lean)
        cu.gz_ok = false;
    enum MHD_Result ret = http_send(srv, c, method, &rs, &cu, req_id, lean, &sent, &status);
    /* rq.method, not method: the raw one may hold any byte but space (ESC, CR,
     * DEL, quotes), and the access line must not carry them. */
    uint64_t us = http_access_log(srv, rq.method, rq.path, status, sent, &hc->start, req_id);
    http_count(srv, route, kind, flags, method, status, us);
    resp_clear(&rs);
    req_clear(&rq);
    buf_clear(&cu.key);
    cache_hit_clear(&cu.answer);
    return ret;
}

/* What the header scan of a new request found. */
struct http_header_scan {
    int content_lengths;
    bool nul;
    size_t head_bytes; /* header lines, "Name: value\r\n" each */
    size_t fields;     /* header fields and query parameters */
    size_t url_bytes;  /* the query as links echo it (http_url_encoded_len) */
};

static enum MHD_Result http_header_scanner(void *cls, enum MHD_ValueKind kind, const char *key,
                                           size_t key_size, const char *value, size_t value_size)
{
    struct http_header_scan *scan = cls;
    if (kind == MHD_HEADER_KIND && strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0)
        scan->content_lengths++;
    if (strlen(key) != key_size || (value && strlen(value) != value_size))
        scan->nul = true;
    scan->fields++;
    if (kind == MHD_HEADER_KIND)
        scan->head_bytes += key_size + value_size + 4;
    else
        scan->url_bytes += 2 + http_url_encoded_len(key, key_size) +
                           (value ? http_url_encoded_len(value, value_size) : 0);
    return MHD_YES;
}

/* Checks the sizes of a request against what the connection's pool can
 * answer (HTTP_URL_MAX and its kin); returns the problem, with its status
 * in *status, or NULL. */
static const char *http_size_refusal(struct MHD_Connection *c, const char *url, const char *method,
                                     const struct http_header_scan *scan, int *status)
{
    const struct http_sock *sock = http_sock_of(c);
    size_t echoed = strlen(url) + scan->url_bytes;
    size_t target = sock && sock->uri_len ? sock->uri_len : echoed;
    /* "METHOD target HTTP/1.1\r\n", the header lines and the blank line. */
    size_t head = strlen(method) + target + 12 + scan->head_bytes + 2;
    if (echoed > HTTP_URL_MAX || target > HTTP_URL_MAX) {
        *status = 414;
        return "the URL is longer than " UTIL_STR(HTTP_URL_MAX) " bytes (counted percent-encoded)";
    }
    if (head > HTTP_HEAD_MAX) {
        *status = 431;
        return "the request line and headers are larger than " UTIL_STR(HTTP_HEAD_MAX) " bytes";
    }
    if (scan->fields > HTTP_MAX_FIELDS) {
        *status = 431;
        return "more than " UTIL_STR(HTTP_MAX_FIELDS) " header fields and query parameters";
    }
    return NULL;
}

/* Checks the framing and the bytes of a request's headers and query; returns
 * the problem to answer with, or NULL. libmicrohttpd 0.9.75 accepts a repeated
 * Content-Length (request smuggling relies on it) and passes NUL bytes inside
 * values, which C strings would cut. */
static const char *http_request_refusal(struct MHD_Connection *c, const char *url,
                                        const char *method, int *status)
{
    struct http_header_scan scan = {0};
    MHD_get_connection_values_n(c, MHD_HEADER_KIND, http_header_scanner, &scan);
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, http_header_scanner, &scan);
    const char *cl =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *te =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    const struct http_sock *sock = http_sock_of(c);
    const char *size = http_size_refusal(c, url, method, &scan, status);
    if (size)
        return size;
    *status = 400;
    if (scan.nul || (sock && sock->nul))
        return "the URL or a header holds a NUL byte (%00)";
    if ((cl && te) || scan.content_lengths > 1)
        return "conflicting Content-Length / Transfer-Encoding headers";
    if (te && strcasecmp(te, "chunked") != 0)
        return "the only Transfer-Encoding accepted is chunked";
    return NULL;
}

/* The first call only sets up state: libmicrohttpd 0.9.75 closes the connection
 * after a response queued on the first call, so we answer on a later one. The
 * exception is a request refused on its headers (bad framing, a body declared
 * over the cap): it is answered at once, before any body is read, and its
 * connection closed, which is what such a client deserves. */
static enum MHD_Result http_access(void *cls, struct MHD_Connection *c, const char *url,
                                   const char *method, const char *version, const char *upload_data,
                                   size_t *upload_data_size, void **con_cls)
{
    (void)version;
    struct http_server *srv = cls;
    struct http_conn *hc = *con_cls;
    if (http_request_late(srv, c)) {
        log_warn("event=request_deadline method=%s", method);
        return MHD_NO; /* closes the connection */
    }
    if (!hc) {
        if (!(hc = calloc(1, sizeof *hc)))
            return MHD_NO;
        clock_gettime(CLOCK_MONOTONIC, &hc->start);
        atomic_fetch_add(&srv->metrics.in_flight, 1);
        const char *cl =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        hc->refusal = http_request_refusal(c, url, method, &hc->refusal_status);
        if (!hc->refusal && cl && strtoull(cl, NULL, 10) > srv->cfg->max_body)
            hc->too_large = true;
        hc->before_drain = !atomic_load(&srv->draining);
        *con_cls = hc;
        if (hc->refusal || hc->too_large)
            return http_answer(srv, c, hc, url, method);
        return MHD_YES;
    }
    if (*upload_data_size) {
        /* Past the cap the rest is read and dropped, then 413 is answered. */
        if (!hc->too_large && !hc->refusal) {
            if (hc->body.len + *upload_data_size > srv->cfg->max_body) {
                hc->too_large = true;
                buf_clear(&hc->body);
            } else if (!buf_append(&hc->body, upload_data, *upload_data_size)) {
                return MHD_NO;
            }
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    return http_answer(srv, c, hc, url, method);
}

static void http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                           enum MHD_RequestTerminationCode toe)
{
    (void)toe;
    struct http_server *srv = cls;
    struct http_sock *sock = http_sock_of(c);
    if (sock) {
        atomic_store(&sock->t0_ms, http_now_ms()); /* the next request's clock */
        atomic_store(&sock->answering, false);
        sock->nul = false;
        sock->uri_len = 0;
    }
    struct http_conn *hc = *con_cls;
    if (hc) {
        buf_clear(&hc->body);
        free(hc);
        if (atomic_fetch_sub(&srv->metrics.in_flight, 1) == 1) {
            pthread_mutex_lock(&srv->idle_lock);
            pthread_cond_broadcast(&srv->idle);
            pthread_mutex_unlock(&srv->idle_lock);
        }
    }
    *con_cls = NULL;
}

static void http_mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    struct buf b = {0};
    if (buf_vprintf(&b, fmt, ap)) {
        b.data[strcspn(b.data, "\n")] = '\0';
        log_warn("event=http_library msg=\"%s\"", b.data);
    }
    buf_clear(&b);
}

/* --- life cycle -------------------------------------------------------------- */

/* Parses cfg->bind into addr; false when it is not an IPv4 or IPv6 literal. */
static bool http_bind_addr(const struct config *cfg, struct sockaddr_storage *addr, bool *v6)
{
    memset(addr, 0, sizeof *addr);
    struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
    const char *host = strcmp(cfg->bind, "localhost") == 0 ? "127.0.0.1" : cfg->bind;
    if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)cfg->port);
        *v6 = false;
        return true;
    }
    if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)cfg->port);
        *v6 = true;
        return true;
    }
    return false;
}

/* Reads back the port the kernel chose (for --port 0). */
static int http_bound_port(struct MHD_Daemon *d)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (!info || getsockname(info->listen_fd, (struct sockaddr *)&ss, &len) != 0)
        return -1;
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

/* Starts a server: listening on cfg->bind:cfg->port, or (listen false) with
 * no socket of its own, fed by http_server_add_connection. */
static struct http_server *http_server_new(const struct config *cfg, bool listen)
{
    struct sockaddr_storage addr;
    bool v6 = false;
    if (listen && !http_bind_addr(cfg, &addr, &v6)) {
        log_error("event=bad_bind bind=\"%s\" msg=\"not an IPv4 or IPv6 address\"", cfg->bind);
        return NULL;
    }
    /* A malloc arena for each pool thread and one for the rest, set before
     * the pool threads start. A cache hit for a client without gzip unpacks
     * into a fresh 5-15 KB block, beyond the thread caches of small blocks:
     * with one arena for all, the two pool threads queued for its lock
     * (futex waits and wakes: a tenth of the CPU in a profile), and article
     * hits at 100,000 articles cost 23-28 us of CPU against 18-23 with an
     * arena each. Each arena keeps its own free space between cached bodies:
     * about 4 MB more peak RSS. */
    mallopt(M_ARENA_MAX, (int)cfg->threads + 1);
    struct http_server *srv = calloc(1, sizeof *srv);
    if (!srv)
        return NULL;
    srv->cfg = cfg;
    pthread_mutex_init(&srv->write_lock, NULL);
    pthread_mutex_init(&srv->idle_lock, NULL);
    pthread_mutex_init(&srv->socks_lock, NULL);
    pthread_cond_init(&srv->watchdog_wake, NULL);
    pthread_cond_init(&srv->idle, NULL);
    metrics_init(&srv->metrics);
    if (pthread_key_create(&srv->z_key, http_z_free) != 0)
        goto fail;
    srv->z_key_made = true;
    /* Without a batch (out of memory) each access line is written at once. */
    srv->access_log = log_batch_new();
    atomic_init(&srv->draining, false);
    atomic_init(&srv->ready, false);
    atomic_init(&srv->next_id, 1);
    if (store_pool_open(cfg->db, cfg->threads, &srv->pool) != STORE_OK)
        goto fail;
    if (cfg->cache_bytes && !(srv->cache = cache_new(cfg->cache_bytes)))
        goto fail;
    srv->metrics.cache = srv->cache;
    if (!cfg->read_only && store_open(cfg->db, STORE_READ_WRITE, &srv->writer) != STORE_OK)
        goto fail;
    srv->watch = srv->cache ? cache_watch_new(cfg->db) : NULL;
    /* ITC lets MHD_quiesce_daemon wake the pool threads at shutdown. poll(),
     * not epoll: in libmicrohttpd 0.9.75's epoll mode a pool thread with
     * exactly 128 connections ready at one moment (its event array's size)
     * stops answering; bench/epoll_stall.sh shows it at 128 connections in a
     * few seconds. At 256 connections over two threads, the bench's epoll
     * ceiling stalled in 1 run of 17 to 1 of 80 (docs/performance.md,
     * sessions 3 and 19). */
    unsigned flags =
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG | MHD_USE_ITC;
    if (v6)
        flags |= MHD_USE_IPv6;
    if (!listen)
        flags |= MHD_USE_NO_LISTEN_SOCKET;
    struct MHD_OptionItem options[] = {
        {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)http_mhd_log, srv}, /* first: see MHD docs */
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->threads, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, HTTP_CONN_LIMIT, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, HTTP_CONN_TIMEOUT_S, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, HTTP_CONN_MEMORY, NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)http_completed, srv},
        {MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL},
        {MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)http_unescape, srv},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)http_uri_seen, srv},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)http_connection_notify, srv},
        {listen ? MHD_OPTION_SOCK_ADDR : MHD_OPTION_END, 0, listen ? (void *)&addr : NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    srv->mhd = MHD_start_daemon(flags, listen ? (uint16_t)cfg->port : 0, NULL, NULL, http_access,
                                srv, MHD_OPTION_ARRAY, options, MHD_OPTION_END);
    if (!srv->mhd) {
        log_error("event=listen_failed bind=%s port=%d", cfg->bind, cfg->port);
        goto fail;
    }
    srv->port = listen ? http_bound_port(srv->mhd) : 0;
    if (pthread_create(&srv->watchdog, NULL, http_watchdog, srv) != 0) {
        log_error("event=watchdog_failed");
        goto fail;
    }
    srv->watchdog_running = true;
    return srv;
fail:
    http_server_stop(srv);
    return NULL;
}

struct http_server *http_server_start(const struct config *cfg)
{
    return http_server_new(cfg, true);
}

struct http_server *http_server_start_unbound(const struct config *cfg)
{
    return http_server_new(cfg, false);
}

bool http_server_add_connection(struct http_server *srv, int fd)
{
    /* The peer address only feeds per-IP accounting, which newsd does not use. */
    struct sockaddr_in peer = {.sin_family = AF_INET};
    peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return MHD_add_connection(srv->mhd, fd, (const struct sockaddr *)&peer, sizeof peer) == MHD_YES;
}

int http_server_port(const struct http_server *srv)
{
    return srv->port;
}

/* How long shutdown waits for in-flight requests before closing anyway. */
#define HTTP_DRAIN_S 5

void http_server_drain(struct http_server *srv)
{
    atomic_store(&srv->draining, true);
    if (!srv->mhd)
        return;
    /* Stop accepting; requests already read are answered (new ones on open
     * keep-alive connections get 503), then we wait for them to finish. */
    MHD_socket fd = MHD_quiesce_daemon(srv->mhd);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += HTTP_DRAIN_S;
    pthread_mutex_lock(&srv->idle_lock);
    while (atomic_load(&srv->metrics.in_flight) > 0 &&
           pthread_cond_timedwait(&srv->idle, &srv->idle_lock, &deadline) == 0)
        ;
    pthread_mutex_unlock(&srv->idle_lock);
}

void http_server_stop(struct http_server *srv)
{
    if (!srv)
        return;
    if (srv->watchdog_running) {
        pthread_mutex_lock(&srv->socks_lock);
        srv->watchdog_stop = true;
        pthread_cond_signal(&srv->watchdog_wake);
        pthread_mutex_unlock(&srv->socks_lock);
        pthread_join(srv->watchdog, NULL);
    }
    if (srv->mhd)
        MHD_stop_daemon(srv->mhd);
    log_batch_free(srv->access_log); /* the last requests' lines, once they are all answered */
    store_close(srv->writer);
    store_pool_close(srv->pool);
    cache_watch_free(srv->watch); /* after the connections: see cache_watch_new */
    if (srv->z_key_made)
        pthread_key_delete(srv->z_key); /* the pool threads, now ended, freed theirs */
    cache_free(srv->cache);
    pthread_mutex_destroy(&srv->write_lock);
    pthread_cond_destroy(&srv->idle);
    pthread_mutex_destroy(&srv->idle_lock);
    pthread_cond_destroy(&srv->watchdog_wake);
    pthread_mutex_destroy(&srv->socks_lock);
    free(srv);
}
