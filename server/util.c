/* util.c: the shared byte buffer and string vector. Everything here reports
 * allocation failure to the caller; nothing aborts. */
#include "newsd/util.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xxHash from its header alone (the library's documented inline mode), so
 * the binary needs no libxxhash at run time. */
#define XXH_INLINE_ALL
#include <xxhash.h>

bool buf_reserve(struct buf *b, size_t extra)
{
    if (extra > SIZE_MAX / 2 - b->len - 1)
        return false;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return false;
    b->data = p;
    b->cap = cap;
    return true;
}

bool buf_append(struct buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool buf_puts(struct buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

bool buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return false;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return true;
}

bool buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

char *buf_take(struct buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void buf_clear(struct buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

bool strv_push_taken(struct strv *sv, char *s)
{
    if (!s)
        return false;
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 4;
        char **v = realloc(sv->v, cap * sizeof *v);
        if (!v) {
            free(s);
            return false;
        }
        sv->v = v;
        sv->cap = cap;
    }
    sv->v[sv->n++] = s;
    return true;
}

bool strv_push(struct strv *sv, const char *s)
{
    return strv_push_taken(sv, util_strdup(s));
}

bool strv_has(const struct strv *sv, const char *s)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], s) == 0)
            return true;
    return false;
}

bool strv_push_unique(struct strv *sv, const char *s)
{
    return strv_has(sv, s) || strv_push(sv, s);
}

void strv_clear(struct strv *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

char *util_strdup(const char *s)
{
    return s ? util_strndup(s, strlen(s)) : NULL;
}

char *util_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

uint64_t util_fnv1a(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = seed;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t util_hash_body(const void *p, size_t n)
{
    return XXH3_64bits(p, n);
}

bool util_parse_id(const char *s, int64_t *out)
{
    if (!s || *s < '1' || *s > '9')
        return false;
    int64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        int d = *s - '0';
        if (v > (INT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

size_t util_utf8_put(uint32_t cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool util_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += len;
    }
    return true;
}

size_t util_utf8_prefix(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    size_t k = max;
    /* Step back over continuation bytes to the start of the cut sequence. */
    while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
        k--;
    return k;
}

/* Bytes a JSON string cannot hold as they are: controls, '"' and '\\'. */
static const bool json_escaped[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
    [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1,
};

/* Copies runs of plain bytes at once, found through a table: a body of
 * prose has a mark to escape every few hundred bytes. */
bool buf_json_string(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    if (!buf_reserve(b, n + 2))
        return false;
    bool ok = buf_append(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
    while (ok && p < end) {
        while (p < end && !json_escaped[*p])
            p++;
        if (p == end)
            break;
        unsigned char c = *p;
        ok = buf_append(b, (const char *)run, (size_t)(p - run));
        const char *esc = c == '"'    ? "\\\""
                          : c == '\\' ? "\\\\"
                          : c == '\n'  ? "\\n"
                          : c == '\r'  ? "\\r"
                          : c == '\t'  ? "\\t"
                          : c == '\b'  ? "\\b"
                          : c == '\f'  ? "\\f"
                                       : NULL;
        ok = ok && (esc ? buf_puts(b, esc) : buf_printf(b, "\\u%04X", c));
        run = ++p;
    }
    return ok && buf_append(b, (const char *)run, (size_t)(end - run)) && buf_append(b, "\"", 1);
}

bool buf_i64(struct buf *b, int64_t v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    /* the magnitude as unsigned: -INT64_MIN does not fit an int64_t */
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* The number the n digits at s spell, or -1 when one is not a digit. */
static int util_num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Shared by the date filters of the lists (a bad value is a 400, not an empty
 * list: the store normalises good ones with SQLite's strftime) and by the
 * published_at of an ingest record. */
bool util_iso8601_valid(const char *v)
{
    size_t n = strlen(v);
    if (n < 10 || n > 35 || v[4] != '-' || v[7] != '-')
        return false;
    int year = util_num(v, 4), mon = util_num(v + 5, 2), day = util_num(v + 8, 2);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 0 || mon < 1 || mon > 12 || day < 1 || day > days[mon - 1] + (mon == 2 && leap))
        return false; /* 2026-02-30 is no date, not March 2 */
    if (n == 10)
        return true;
    const char *t = v + 10;
    if ((*t != 'T' && *t != ' ') || strlen(t) < 6 || t[3] != ':')
        return false;
    int hh = util_num(t + 1, 2), mm = util_num(t + 4, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
        return false;
    t += 6;
    if (*t == ':') {
        int ss = util_num(t + 1, 2);
        if (ss < 0 || ss > 59)
            return false;
        t += 3;
        if (*t == '.') {
            t++;
            size_t k = 0;
            while (isdigit((unsigned char)t[k]))
                k++;
            if (k == 0 || k > 9)
                return false;
            t += k;
        }
    }
    if (*t == '\0' || strcmp(t, "Z") == 0)
        return true;
    /* (an offset within what SQLite's strftime takes, and the world uses:
     * up to 14:59 either way; "+99:99" would store as no date at all) */
    if ((*t != '+' && *t != '-') || strlen(t) != 6 || t[3] != ':')
        return false;
    int oh = util_num(t + 1, 2), om = util_num(t + 4, 2);
    return oh >= 0 && oh <= 14 && om >= 0 && om <= 59;
}
