/* record.c: one JSON ingest record ({"text"} or {"title","body"}, plus "url",
 * "published_at", "source") -> struct ingest_input. Strict about what it reads
 * (duplicate keys, types, UTF-8), silent about fields it does not know. The
 * usual record, a flat object of strings, is read by a short scanner of its
 * own; jansson reads (and words the error of) everything else. */
#include "ingest_internal.h"

#include <jansson.h>
#include <string.h>

/* The fields a record may set, in struct ingest_input. */
static const struct {
    const char *key;
    size_t off;
    const char *type_reason;
} record_fields[] = {
    {"text", offsetof(struct ingest_input, text), "\"text\" must be a string"},
    {"title", offsetof(struct ingest_input, title), "\"title\" must be a string"},
    {"body", offsetof(struct ingest_input, body), "\"body\" must be a string"},
    {"url", offsetof(struct ingest_input, url), "\"url\" must be a string"},
    {"published_at", offsetof(struct ingest_input, published_at),
     "\"published_at\" must be a string"},
    {"source", offsetof(struct ingest_input, source), "\"source\" must be a string"},
};
#define RECORD_NFIELDS (sizeof record_fields / sizeof *record_fields)

void ingest_input_clear(struct ingest_input *in)
{
    if (!in)
        return;
    free(in->text);
    free(in->title);
    free(in->body);
    free(in->url);
    free(in->published_at);
    free(in->source);
    memset(in, 0, sizeof *in);
}

/* Copies the string member key of obj into *dst. A missing member or JSON null
 * leaves *dst NULL. Returns INGEST_OK, INGEST_BAD_INPUT (reason set) or NOMEM. */
static enum ingest_rc member_take(json_t *obj, const char *key, char **dst, const char *type_reason,
                                  const char **reason)
{
    json_t *v = json_object_get(obj, key); /* borrowed */
    if (!v || json_is_null(v))
        return INGEST_OK;
    if (!json_is_string(v)) {
        *reason = type_reason;
        return INGEST_BAD_INPUT;
    }
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (!s || !ingest_text_is_valid(s, n)) {
        *reason = "the record holds text that is not valid UTF-8 or contains a NUL character";
        return INGEST_BAD_INPUT;
    }
    *dst = util_strndup(s, n);
    return *dst ? INGEST_OK : INGEST_NOMEM;
}

/* --- the flat-record scanner ------------------------------------------------
 *
 * jansson spent about 0.5M instructions on a 4 KB record, a quarter of
 * extracting it: it reads one character at a time through a stream and
 * builds a tree that is copied out again. A record is almost always one flat
 * object of strings, which this scanner reads straight into the input's
 * fields. It only ever accepts what jansson (JSON_REJECT_DUPLICATES) accepts,
 * with the same values; anything else, errors included, it leaves to jansson
 * by answering SCAN_OTHER, so the reasons given stay jansson's. The caller
 * has checked that the bytes are UTF-8 without NUL. */

enum scan_rc { SCAN_OK, SCAN_OTHER, SCAN_NOMEM };

/* Keys one record may have for the scanner (more: jansson reads it). */
#define SCAN_MAX_KEYS 16

struct scan {
    const char *p, *end;
};

static void scan_ws(struct scan *sc)
{
    while (sc->p < sc->end &&
           (*sc->p == ' ' || *sc->p == '\t' || *sc->p == '\n' || *sc->p == '\r'))
        sc->p++;
}

/* True when the next byte is c (then skipped). */
static bool scan_take(struct scan *sc, char c)
{
    if (sc->p < sc->end && *sc->p == c) {
        sc->p++;
        return true;
    }
    return false;
}

/* The four hex digits at p as a number; false when they are not hex. */
static bool scan_hex4(const char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

/* Decodes the \u escape whose hex digits start at *r (before q) into o;
 * false for what jansson refuses (NUL, a lone surrogate) or bad hex. */
static bool scan_unicode(const char **r, const char *q, char **o)
{
    uint32_t cp, lo;
    if (q - *r < 4 || !scan_hex4(*r, &cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return false;
    *r += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        const char *x = *r;
        if (q - x < 6 || x[0] != '\\' || x[1] != 'u' || !scan_hex4(x + 2, &lo) || lo < 0xDC00 ||
            lo > 0xDFFF)
            return false;
        *r += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    *o += util_utf8_put(cp, *o);
    return true;
}

/* Decodes the escapes of the string body [r, q) into o (room for q - r + 1
 * bytes: no escape decodes longer than it is written); *n gets the length.
 * The runs between escapes are copied whole: a body's paragraphs are long
 * and its escapes a few "\n". */
static bool scan_unescape(const char *r, const char *q, char *out, size_t *n)
{
    char *o = out;
    while (r < q) {
        const char *bs = memchr(r, '\\', (size_t)(q - r));
        size_t run = (size_t)((bs ? bs : q) - r);
        memcpy(o, r, run);
        o += run;
        r += run;
        if (!bs)
            break;
        char e = r[1]; /* a backslash is never last: the scan skipped its pair */
        r += 2;
        switch (e) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
            if (!scan_unicode(&r, q, &o))
                return false;
            break;
        default:
            return false;
        }
    }
    *o = '\0';
    *n = (size_t)(o - out);
    return true;
}

/* The bytes that end a run of plain string bytes: the closing quote, an
 * escape, and the control characters jansson refuses in strings. */
#define SCAN_CTL8(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1, [b + 4] = 1, [b + 5] = 1, \
                     [b + 6] = 1, [b + 7] = 1
static const unsigned char scan_stop[256] = {
    SCAN_CTL8(0), SCAN_CTL8(8), SCAN_CTL8(16), SCAN_CTL8(24), ['"'] = 1, ['\\'] = 1,
};

/* The first byte of [q, end) in scan_stop, or end. A record is mostly one long
 * run of plain bytes, so 8 are tested a step: a quote, a backslash (the zero
 * bytes of w xor them) or a byte below 0x20 (one that borrows when 0x20 is
 * taken from it) marks its bit 7, and the lowest mark is exact. */
static const char *scan_plain(const char *q, const char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL;
    for (; end - q >= 8; q += 8) {
        uint64_t w;
        memcpy(&w, q, sizeof w);
        uint64_t hit = ingest_zero_bytes(w ^ '"' * ones) | ingest_zero_bytes(w ^ '\\' * ones) |
                       ((w - 0x20 * ones) & ~w & 0x80 * ones);
        if (hit)
            return q + __builtin_ctzll(hit) / 8;
    }
#endif
    while (q < end && !scan_stop[(unsigned char)*q])
        q++;
    return q;
}

/* Reads the string that starts after the opening quote at sc->p into a new
 * NUL-terminated *out (*n bytes) and moves past its closing quote. */
static enum scan_rc scan_string(struct scan *sc, char **out, size_t *n)
{
    const char *r = sc->p, *q = r;
    bool escaped = false;
    for (;;) {
        q = scan_plain(q, sc->end);
        if (q >= sc->end || *q == '"')
            break;
        if (*q != '\\' || sc->end - q < 2)
            return SCAN_OTHER; /* a control character: jansson refuses it too */
        escaped = true;
        q += 2;
    }
    if (q >= sc->end)
        return SCAN_OTHER;
    char *buf = malloc((size_t)(q - r) + 1);
    if (!buf)
        return SCAN_NOMEM;
    if (!escaped) {
        memcpy(buf, r, (size_t)(q - r));
        buf[q - r] = '\0';
        *n = (size_t)(q - r);
    } else if (!scan_unescape(r, q, buf, n)) {
        free(buf);
        return SCAN_OTHER;
    }
    sc->p = q + 1;
    *out = buf;
    return SCAN_OK;
}

/* The record field named key[0..n), or -1. */
static int scan_field(const char *key, size_t n)
{
    for (size_t i = 0; i < RECORD_NFIELDS; i++)
        if (strlen(record_fields[i].key) == n && memcmp(record_fields[i].key, key, n) == 0)
            return (int)i;
    return -1;
}

/* Reads one member value: a string into *val, or null (*val stays NULL). */
static enum scan_rc scan_value(struct scan *sc, char **val)
{
    size_t n;
    if (scan_take(sc, '"'))
        return scan_string(sc, val, &n);
    if (sc->end - sc->p >= 4 && memcmp(sc->p, "null", 4) == 0) {
        sc->p += 4;
        return SCAN_OK;
    }
    return SCAN_OTHER; /* numbers, booleans, arrays, objects: jansson's */
}

/* Reads the members of the object after its '{' into tmp (owned by the
 * caller, freed there on any outcome); keys are remembered to refuse a
 * duplicate the way jansson does (it then says so). */
static enum scan_rc scan_members(struct scan *sc, struct ingest_input *tmp)
{
    char *keys[SCAN_MAX_KEYS];
    size_t klen[SCAN_MAX_KEYS], nkeys = 0;
    enum scan_rc rc = SCAN_OTHER;
    scan_ws(sc);
    if (scan_take(sc, '}'))
        return SCAN_OK;
    for (;;) {
        char *val = NULL;
        if (nkeys == SCAN_MAX_KEYS || !scan_take(sc, '"'))
            goto out;
        if ((rc = scan_string(sc, &keys[nkeys], &klen[nkeys])) != SCAN_OK)
            goto out;
        const char *k = keys[nkeys];
        size_t kn = klen[nkeys++];
        rc = SCAN_OTHER;
        for (size_t i = 0; i + 1 < nkeys; i++)
            if (klen[i] == kn && memcmp(keys[i], k, kn) == 0)
                goto out;
        scan_ws(sc);
        if (!scan_take(sc, ':'))
            goto out;
        scan_ws(sc);
        if ((rc = scan_value(sc, &val)) != SCAN_OK)
            goto out;
        int f = scan_field(k, kn);
        if (f >= 0)
            *(char **)((char *)tmp + record_fields[f].off) = val; /* taken */
        else
            free(val); /* a field it does not know */
        rc = SCAN_OTHER;
        scan_ws(sc);
        if (scan_take(sc, '}'))
            break;
        if (!scan_take(sc, ','))
            goto out;
        scan_ws(sc);
    }
    rc = SCAN_OK;
out:
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    return rc;
}

/* The scanner's whole record: one object and nothing after it but space.
 * On SCAN_OK the fields it found are moved into in (the others untouched,
 * as jansson's path leaves them). */
static enum scan_rc record_scan(const char *json, size_t len, struct ingest_input *in)
{
    struct scan sc = {json, json + len};
    struct ingest_input tmp = {0};
    enum scan_rc rc = SCAN_OTHER;
    scan_ws(&sc);
    if (!scan_take(&sc, '{'))
        return SCAN_OTHER;
    if ((rc = scan_members(&sc, &tmp)) != SCAN_OK)
        goto out;
    scan_ws(&sc);
    if (sc.p != sc.end) {
        rc = SCAN_OTHER;
        goto out;
    }
    for (size_t i = 0; i < RECORD_NFIELDS; i++) {
        char **src = (char **)((char *)&tmp + record_fields[i].off);
        if (*src) {
            *(char **)((char *)in + record_fields[i].off) = *src; /* taken */
            *src = NULL;
        }
    }
out:
    ingest_input_clear(&tmp);
    return rc;
}

/* The general reader: jansson, for every record the scanner leaves. */
static enum ingest_rc record_load(const char *json, size_t len, struct ingest_input *in,
                                  const char **why)
{
    json_error_t err;
    enum ingest_rc rc = INGEST_BAD_INPUT;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (json_error_code(&err) == json_error_duplicate_key)
            *why = "the record has a duplicate key";
        else if (json_error_code(&err) == json_error_out_of_memory) {
            rc = INGEST_NOMEM;
            *why = "out of memory";
        } else
            *why = "the record is not valid JSON";
        goto out;
    }
    if (!json_is_object(root)) {
        *why = "the record must be a JSON object";
        goto out;
    }
    for (size_t i = 0; i < RECORD_NFIELDS; i++) {
        char **dst = (char **)((char *)in + record_fields[i].off);
        rc = member_take(root, record_fields[i].key, dst, record_fields[i].type_reason, why);
        if (rc != INGEST_OK) {
            if (rc == INGEST_NOMEM)
                *why = "out of memory";
            goto out;
        }
    }
    rc = INGEST_OK;
out:
    json_decref(root);
    return rc;
}

/* Checks the values of the optional fields; returns the reason or NULL. */
static const char *record_values_check(const struct ingest_input *in)
{
    if (in->published_at && !util_iso8601_valid(in->published_at))
        return "\"published_at\" must be an ISO 8601 date (2026-03-04) or date-time "
               "(2026-03-04T18:12:00Z, 2026-03-04T18:12:00-05:00)";
    return NULL;
}

enum ingest_rc ingest_record_parse(const char *json, size_t len, struct ingest_input *in,
                                   const char **reason)
{
    const char *why = NULL;
    enum ingest_rc rc = INGEST_BAD_INPUT;

    /* One leading UTF-8 byte order mark, as some editors save files: JSON
     * text must not begin with one (RFC 8259 8.1) but may be read past it. */
    if (json && len >= 3 && memcmp(json, "\xef\xbb\xbf", 3) == 0) {
        json += 3;
        len -= 3;
    }
    if (!json || len == 0) {
        why = "the record is empty";
        goto out;
    }
    if (!ingest_text_is_valid(json, len)) {
        why = "the record is not valid UTF-8 or contains a NUL byte";
        goto out;
    }
    enum scan_rc sr = record_scan(json, len, in);
    if (sr == SCAN_NOMEM) {
        rc = INGEST_NOMEM;
        why = "out of memory";
        goto out;
    }
    if (sr == SCAN_OTHER && (rc = record_load(json, len, in, &why)) != INGEST_OK)
        goto out;
    rc = INGEST_BAD_INPUT;
    if (!in->text && !in->body) {
        why = in->title ? "the record has a title but no body"
                        : "the record needs \"text\", or \"title\" and \"body\"";
        goto out;
    }
    if ((why = record_values_check(in)))
        goto out;
    rc = INGEST_OK;
out:
    if (rc != INGEST_OK && reason)
        *reason = why;
    return rc;
}
