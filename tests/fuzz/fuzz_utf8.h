/* fuzz_utf8.h: a second, independent UTF-8 validator (Unicode Table 3-7,
 * "well-formed UTF-8 byte sequences") and a code point counter, for the targets
 * that check the project's validators and offsets against it. Header-only. */
#ifndef NEWSD_FUZZ_UTF8_H
#define NEWSD_FUZZ_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

/* Length of the well-formed sequence at s[i..n), or 0 when there is none. NUL
 * counts as ill-formed here, as it does for util_utf8_valid. */
static inline size_t fuzz_utf8_seq(const unsigned char *s, size_t n, size_t i)
{
    unsigned char b0 = s[i];
    if (b0 == 0)
        return 0;
    if (b0 < 0x80)
        return 1;
    unsigned char lo = 0x80, hi = 0xbf;
    size_t len;
    if (b0 >= 0xc2 && b0 <= 0xdf)
        len = 2;
    else if (b0 == 0xe0)
        len = 3, lo = 0xa0;
    else if ((b0 >= 0xe1 && b0 <= 0xec) || b0 == 0xee || b0 == 0xef)
        len = 3;
    else if (b0 == 0xed)
        len = 3, hi = 0x9f;
    else if (b0 == 0xf0)
        len = 4, lo = 0x90;
    else if (b0 >= 0xf1 && b0 <= 0xf3)
        len = 4;
    else if (b0 == 0xf4)
        len = 4, hi = 0x8f;
    else
        return 0;
    if (n - i < len)
        return 0;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (s[i + k] < 0x80 || s[i + k] > 0xbf)
            return 0;
    return len;
}

static inline bool fuzz_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        size_t k = fuzz_utf8_seq(s, n, i);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

/* Byte offset of code point number cp in the valid UTF-8 string s of n bytes
 * (n when cp is past the end). */
static inline size_t fuzz_utf8_offset(const char *str, size_t n, long long cp)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    for (long long c = 0; i < n && c < cp; c++) {
        size_t k = fuzz_utf8_seq(s, n, i);
        i += k ? k : 1;
    }
    return i;
}

/* The byte offset of each code point 0..cps of the valid UTF-8 string s of n
 * bytes holding cps code points (entry cps is n), in one pass; malloc'd, the
 * caller frees it. NULL when memory runs out. */
static inline size_t *fuzz_utf8_offsets(const char *str, size_t n, long long cps)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t *at = malloc(((size_t)cps + 1) * sizeof *at);
    if (!at)
        return NULL;
    size_t i = 0;
    for (long long c = 0; c < cps; c++) {
        at[c] = i;
        size_t k = fuzz_utf8_seq(s, n, i);
        i += k ? k : 1;
    }
    at[cps] = i;
    return at;
}

/* Number of code points in the valid UTF-8 string s of n bytes. */
static inline long long fuzz_utf8_count(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    long long c = 0;
    for (size_t i = 0; i < n; c++) {
        size_t k = fuzz_utf8_seq(s, n, i);
        i += k ? k : 1;
    }
    return c;
}

#endif
