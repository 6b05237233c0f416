/* resp.c: filling responses (JSON, problem+json, headers) and the list
 * envelope with its self/next links. Serialising to the wire is daemon.c's. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsd/http.h"
#include "newsd/store.h"
#include "newsd/util.h"

const char *http_status_title(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return status >= 500 ? "Internal Server Error" : "Error";
    }
}

void resp_json(struct resp *rs, int status, json_t *body)
{
    if (!body) {
        rs->status = 500;
        return;
    }
    json_decref(rs->body);
    rs->body = body;
    rs->status = status;
    rs->content_type = NULL;
}

/* Appends the request's path and query, percent-encoded, as the instance. */
static bool resp_append_url(struct buf *b, const struct req *rq, const char *skip,
                            const char *cursor);

void resp_problem(struct resp *rs, const struct req *rq, int status, const char *fmt, ...)
{
    struct buf detail = {0}, instance = {0};
    va_list ap;
    va_start(ap, fmt);
    bool ok = buf_vprintf(&detail, fmt, ap);
    va_end(ap);
    ok = ok && resp_append_url(&instance, rq, NULL, NULL);
    json_t *body = NULL;
    if (ok)
        body = json_pack("{s:s, s:s, s:i, s:s%, s:s%}", "type", "about:blank", "title",
                         http_status_title(status), "status", status, "detail", detail.data,
                         detail.len, "instance", instance.data, instance.len);
    buf_clear(&detail);
    buf_clear(&instance);
    /* A problem body replaces whatever was there; OOM leaves a bare 500. */
    json_decref(rs->body);
    rs->body = body;
    rs->status = body ? status : 500;
    rs->content_type = NULL;
}

bool resp_header(struct resp *rs, const char *name, const char *fmt, ...)
{
    if (rs->n_headers == HTTP_MAX_HEADERS)
        return false;
    struct buf v = {0};
    va_list ap;
    va_start(ap, fmt);
    bool ok = buf_vprintf(&v, fmt, ap);
    va_end(ap);
    char *n = util_strdup(name);
    if (!ok || !n) {
        free(n);
        buf_clear(&v);
        return false;
    }
    rs->headers[rs->n_headers].name = n;
    rs->headers[rs->n_headers++].value = buf_take(&v);
    return true;
}

void resp_clear(struct resp *rs)
{
    if (rs->stream.free)
        rs->stream.free(rs->stream.ctx);
    json_decref(rs->body);
    free(rs->text);
    for (size_t i = 0; i < rs->n_headers; i++) {
        free(rs->headers[i].name);
        free(rs->headers[i].value);
    }
    memset(rs, 0, sizeof *rs);
}

void req_clear(struct req *rq)
{
    strv_clear(&rq->fields);
    for (size_t i = 0; i < rq->n_params; i++) {
        free(rq->params[i].name);
        free(rq->params[i].value);
    }
    rq->n_params = 0;
}

/* True for a byte a query component keeps as it is (RFC 3986 unreserved). */
static bool resp_url_plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c && strchr("-._~", c));
}

size_t http_url_encoded_len(const char *s, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += resp_url_plain((unsigned char)s[i]) ? 1 : 3;
    return len;
}

/* Percent-encodes s for a query component (RFC 3986 unreserved kept). */
static bool resp_url_encode(struct buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool plain = resp_url_plain(*p);
        char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        if (!(plain ? buf_append(b, (const char *)p, 1) : buf_append(b, enc, 3)))
            return false;
    }
    return true;
}

/* Writes path?query, leaving out parameter skip and adding cursor when given. */
static bool resp_append_url(struct buf *b, const struct req *rq, const char *skip,
                            const char *cursor)
{
    bool ok = buf_puts(b, rq->path ? rq->path : "/");
    char sep = '?';
    for (size_t i = 0; ok && i < rq->n_params; i++) {
        /* Names starting with '_' are the client's cache-busting: not echoed. */
        if ((skip && strcmp(rq->params[i].name, skip) == 0) || rq->params[i].name[0] == '_')
            continue;
        ok = buf_append(b, &sep, 1) && resp_url_encode(b, rq->params[i].name) && buf_puts(b, "=") &&
             resp_url_encode(b, rq->params[i].value);
        sep = '&';
    }
    if (ok && cursor)
        ok = buf_append(b, &sep, 1) && buf_puts(b, "cursor=") && resp_url_encode(b, cursor);
    return ok;
}

json_t *http_list_envelope(const struct req *rq, json_t *data, const struct store_meta *meta)
{
    struct buf self = {0}, next = {0};
    json_t *env = NULL;
    if (!data)
        goto out;
    if (!resp_append_url(&self, rq, NULL, NULL) ||
        (meta->next_cursor && !resp_append_url(&next, rq, "cursor", meta->next_cursor)))
        goto out;
    env = json_pack("{s:O, s:{s:i, s:I, s:s?}, s:{s:s, s:s?}}", "data", data, "meta", "limit",
                    meta->limit, "total", (json_int_t)meta->total, "next_cursor", meta->next_cursor,
                    "links", "self", self.data, "next", meta->next_cursor ? next.data : NULL);
out:
    json_decref(data);
    buf_clear(&self);
    buf_clear(&next);
    return env;
}

bool resp_link_next(const struct req *rq, struct resp *rs, const char *cursor)
{
    struct buf next = {0};
    bool ok = !cursor || (resp_append_url(&next, rq, "cursor", cursor) &&
                          resp_header(rs, "Link", "<%s>; rel=\"next\"", next.data));
    buf_clear(&next);
    return ok;
}

void resp_list(const struct req *rq, struct resp *rs, json_t *data, const struct store_meta *meta)
{
    json_t *env = http_list_envelope(rq, data, meta);
    if (!env)
        return; /* stays 500 */
    const char *next = json_string_value(json_object_get(json_object_get(env, "links"), "next"));
    if (!resp_header(rs, "X-Total-Count", "%lld", (long long)meta->total) ||
        (next && !resp_header(rs, "Link", "<%s>; rel=\"next\"", next))) {
        json_decref(env);
        return;
    }
    resp_json(rs, 200, env);
}

void resp_list_items(const struct req *rq, struct resp *rs, const struct buf *items,
                     const struct store_meta *meta)
{
    struct buf self = {0}, next = {0}, out = {0};
    bool has_next = meta->next_cursor != NULL;
    /* Member for member what http_list_envelope's json_pack makes. */
    bool ok = resp_append_url(&self, rq, NULL, NULL) &&
              (!has_next || resp_append_url(&next, rq, "cursor", meta->next_cursor)) &&
              buf_puts(&out, "{\"data\":") && buf_append(&out, items->data, items->len) &&
              buf_printf(&out, ",\"meta\":{\"limit\":%d,\"total\":%lld,\"next_cursor\":",
                         meta->limit, (long long)meta->total) &&
              (has_next ? buf_json_string(&out, meta->next_cursor) : buf_puts(&out, "null")) &&
              buf_puts(&out, "},\"links\":{\"self\":") && buf_json_string(&out, self.data) &&
              buf_puts(&out, ",\"next\":") &&
              (has_next ? buf_json_string(&out, next.data) : buf_puts(&out, "null")) &&
              buf_puts(&out, "}}") &&
              resp_header(rs, "X-Total-Count", "%lld", (long long)meta->total) &&
              (!has_next || resp_header(rs, "Link", "<%s>; rel=\"next\"", next.data));
    if (ok) {
        free(rs->text);
        rs->text = buf_take(&out);
        rs->status = 200;
    }
    buf_clear(&out);
    buf_clear(&self);
    buf_clear(&next);
}

/* Deletes every key of obj that is not in fields. */
static void resp_fields_pick(json_t *obj, const struct strv *fields)
{
    const char *key;
    json_t *value;
    void *tmp;
    json_object_foreach_safe(obj, tmp, key, value)
    {
        (void)value;
        if (!strv_has(fields, key))
            json_object_del(obj, key);
    }
}

void resp_fields_apply(const struct req *rq, struct resp *rs)
{
    if (!rq->fields.n || rs->status != 200 || !json_is_object(rs->body))
        return;
    json_t *data = json_object_get(rs->body, "data");
    if (json_is_array(data) && json_object_get(rs->body, "meta")) {
        size_t i;
        json_t *item;
        json_array_foreach(data, i, item) resp_fields_pick(item, &rq->fields);
    } else {
        resp_fields_pick(rs->body, &rq->fields);
    }
}
