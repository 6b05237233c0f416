/* cursor.c: opaque paging cursors. A cursor carries the sort key of the last row
 * of a page, tagged with the list kind and a check value, base64url-encoded; it
 * means nothing to a client and a forged or foreign one is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define CURSOR_SEP '\x1f'
#define CURSOR_MAX_LEN 1024

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static bool cursor_b64_encode(struct buf *out, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        char q[4] = {b64[(v >> 18) & 63], b64[(v >> 12) & 63], b64[(v >> 6) & 63], b64[v & 63]};
        size_t k = i + 2 < n ? 4 : i + 1 < n ? 3 : 2;
        if (!buf_append(out, q, k))
            return false;
    }
    return true;
}

static int cursor_b64_value(char c)
{
    const char *p = c ? strchr(b64, c) : NULL;
    return p ? (int)(p - b64) : -1;
}

static bool cursor_b64_decode(struct buf *out, const char *s, size_t n)
{
    if (n % 4 == 1)
        return false;
    for (size_t i = 0; i < n; i += 4) {
        uint32_t v = 0;
        size_t k = n - i < 4 ? n - i : 4;
        for (size_t j = 0; j < 4; j++) {
            int d = j < k ? cursor_b64_value(s[i + j]) : 0;
            if (d < 0)
                return false;
            v = v << 6 | (uint32_t)d;
        }
        unsigned char b[3] = {(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v};
        if (!buf_append(out, (const char *)b, k - 1))
            return false;
    }
    return true;
}

/* The check value: catches edited and truncated cursors (not a secret), and
 * ties a cursor to the filters of the list that made it (scope). */
static uint32_t cursor_check(const char *s, size_t n, uint64_t scope)
{
    uint64_t h = util_fnv1a("newsd-cursor-v1", 15, UTIL_FNV_SEED);
    h = util_fnv1a(&scope, sizeof scope, h);
    h = util_fnv1a(s, n, h);
    return (uint32_t)(h ^ (h >> 32));
}

char *store_cursor_encode(char kind, int n, const char *const *fields, uint64_t scope)
{
    struct buf raw = {0}, out = {0};
    char *res = NULL;
    if (!buf_append(&raw, &kind, 1))
        goto out;
    for (int i = 0; i < n; i++) {
        char sep = CURSOR_SEP;
        if (!buf_append(&raw, &sep, 1) || !buf_puts(&raw, fields[i] ? fields[i] : ""))
            goto out;
    }
    if (!buf_printf(&raw, "%c%08x", CURSOR_SEP, cursor_check(raw.data, raw.len, scope)))
        goto out;
    if (cursor_b64_encode(&out, (const unsigned char *)raw.data, raw.len))
        res = buf_take(&out);
out:
    buf_clear(&raw);
    buf_clear(&out);
    return res;
}

bool store_cursor_decode(const char *s, char kind, int n, uint64_t scope, struct store_cursor *c)
{
    struct buf raw = {0};
    bool ok = false;
    memset(c, 0, sizeof *c);
    size_t len = strlen(s);
    if (len == 0 || len > CURSOR_MAX_LEN || n > STORE_CURSOR_MAX_FIELDS ||
        !cursor_b64_decode(&raw, s, len) || raw.len < 11 || raw.data[0] != kind)
        goto out;
    if (memchr(raw.data, '\0', raw.len))
        goto out;
    /* The last field is the check value over everything before its separator. */
    char *last = strrchr(raw.data, CURSOR_SEP);
    if (!last || strlen(last + 1) != 8)
        goto out;
    char want[9];
    snprintf(want, sizeof want, "%08x", cursor_check(raw.data, (size_t)(last - raw.data), scope));
    if (strcmp(want, last + 1) != 0)
        goto out;
    *last = '\0';
    char *p = raw.data + 1;
    for (int i = 0; i < n; i++) {
        if (*p != CURSOR_SEP)
            goto out;
        p++;
        char *end = strchr(p, CURSOR_SEP);
        size_t flen = end ? (size_t)(end - p) : strlen(p);
        if (!(c->field[i] = util_strndup(p, flen)))
            goto out;
        c->n = i + 1;
        p += flen;
    }
    ok = *p == '\0';
out:
    buf_clear(&raw);
    if (!ok)
        store_cursor_clear(c);
    c->kind = ok ? kind : 0;
    return ok;
}

void store_cursor_clear(struct store_cursor *c)
{
    for (int i = 0; i < c->n; i++)
        free(c->field[i]);
    memset(c, 0, sizeof *c);
}
