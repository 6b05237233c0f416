/* util.h: the small containers every module shares: a growable byte buffer and a
 * growable vector of owned strings. No I/O, no globals. Allocation failure is
 * reported as a false/-1 return, never an abort. */
#ifndef NEWSD_UTIL_H
#define NEWSD_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable, always NUL-terminated byte buffer. A zeroed struct is empty. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

/* Grows b so that it can hold extra more bytes plus the terminating NUL;
 * false when memory runs out (buf unchanged). */
bool buf_reserve(struct buf *b, size_t extra);
/* Appends n bytes of s. Returns false when memory runs out (buf unchanged). */
bool buf_append(struct buf *b, const char *s, size_t n);
/* Appends a NUL-terminated string. */
bool buf_puts(struct buf *b, const char *s);
/* Appends s as a JSON string, escaped as jansson escapes it (quote, backslash,
 * control characters; UTF-8 passes through). */
bool buf_json_string(struct buf *b, const char *s);
/* Appends v in decimal (what printf's %lld writes, without its cost). */
bool buf_i64(struct buf *b, int64_t v);
/* Appends a printf-formatted string. */
bool buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The va_list form of buf_printf. */
bool buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands the bytes to the caller (free() them) and leaves b empty. Never NULL
 * unless memory ran out: an empty buffer yields "". */
char *buf_take(struct buf *b);
/* Frees the bytes; b is empty afterwards. Accepts a zeroed struct, twice. */
void buf_clear(struct buf *b);

/* A growable vector of owned, NUL-terminated strings. A zeroed struct is empty. */
struct strv {
    char **v;
    size_t n;
    size_t cap;
};

/* Appends a copy of s. Returns false when memory runs out. */
bool strv_push(struct strv *sv, const char *s);
/* Appends s itself (taken); on failure s is freed. */
bool strv_push_taken(struct strv *sv, char *s);
/* Appends a copy of s unless an equal string is already present. */
bool strv_push_unique(struct strv *sv, const char *s);
/* True when sv holds a string equal to s. */
bool strv_has(const struct strv *sv, const char *s);
/* Frees every string and the vector. Accepts a zeroed struct, twice. */
void strv_clear(struct strv *sv);

/* strdup that accepts NULL (returns NULL). */
char *util_strdup(const char *s);
/* Copies n bytes of s into a new NUL-terminated string. */
char *util_strndup(const char *s, size_t n);

/* 64-bit FNV-1a of n bytes, for content keys and small in-memory keys (not
 * for security). Keys stored in the database (content hashes, quote keys) are
 * FNV-1a and must stay so. */
uint64_t util_fnv1a(const void *p, size_t n, uint64_t seed);
#define UTIL_FNV_SEED 0xcbf29ce484222325ULL
/* XXH3 (xxHash, 64 bits) of n bytes: for hashes of whole response bodies
 * (ETags), which nothing stores. FNV-1a takes a multiply per byte in one
 * chain, 10% of an uncached article's CPU for its 12 KB; XXH3 reads 32 bytes
 * a step. Not for security. */
uint64_t util_hash_body(const void *p, size_t n);

/* A macro's value as a string literal: a limit's digits in a message, so the
 * text cannot drift from the limit. */
#define UTIL_STR(x) UTIL_STR_(x)
#define UTIL_STR_(x) #x

/* Parses a decimal positive 64-bit id (1..INT64_MAX, digits only, no sign, no
 * leading zero). Returns false for anything else. */
bool util_parse_id(const char *s, int64_t *out);

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing past U+10FFFF) and hold no NUL byte. */
bool util_utf8_valid(const char *s, size_t n);

/* Writes code point cp (not a surrogate, at most U+10FFFF) as UTF-8 at o, which
 * has room for 4 bytes; returns the bytes written. */
size_t util_utf8_put(uint32_t cp, char *o);

/* The length of the longest prefix of the n bytes at s that is at most max
 * bytes and does not cut a UTF-8 sequence: for quoting client text in a
 * message without making it invalid. */
size_t util_utf8_prefix(const char *s, size_t n, size_t max);

/* True when s is an ISO 8601 date (YYYY-MM-DD, a real day: not 2026-02-30) or
 * date-time (THH:MM[:SS[.fffffffff]], then nothing, Z or +HH:MM / -HH:MM up to
 * 14:59; a space may stand for the T). */
bool util_iso8601_valid(const char *s);

#endif
