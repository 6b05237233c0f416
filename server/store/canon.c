/* canon.c: the folded key that makes "the same quotation" one group: case,
 * punctuation and quote marks folded away, runs of space made one. ASCII
 * letters are lowered; other letters are kept as written. The database keeps
 * a 16-byte hash of it (store_quote_key). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "store_internal.h"

/* Decodes the UTF-8 sequence at s (valid: the store only sees checked text);
 * returns its length and the code point in *cp. */
static size_t canon_decode(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
    uint32_t v = s[0] & (0x3f >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) { /* not valid after all: take one byte */
            *cp = s[0];
            return 1;
        }
        v = v << 6 | (s[i] & 0x3f);
    }
    *cp = v;
    return n;
}

/* Punctuation and marks that do not change which words were said. */
static bool canon_is_punct(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                 cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r');
    return (cp >= 0x2010 && cp <= 0x205e) || /* dashes, quotes, ellipsis, primes */
           cp == 0xa0 || cp == 0xab || cp == 0xbb || cp == 0xbf || cp == 0xa1 ||
           (cp >= 0x3000 && cp <= 0x303f); /* CJK punctuation */
}

char *store_quote_canon(const char *text)
{
    /* The key is never longer than the text (marks and runs of space shrink
     * to at most one space, letters keep their bytes), so one allocation
     * holds it. */
    size_t len = strlen(text);
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    bool space = false;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        uint32_t cp;
        size_t n;
        if (*p < 0x80) { /* ASCII, most of any quotation: no decoding */
            cp = *p;
            n = 1;
        } else {
            n = canon_decode(p, &cp);
        }
        bool is_space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xa0;
        if (is_space || canon_is_punct(cp)) {
            /* Punctuation between letters (don't, U.S.) joins; space separates. */
            space = space || is_space || cp == 0x2014 || cp == 0x2013 || cp == 0x2026;
        } else {
            if (space && o > out)
                *o++ = ' ';
            space = false;
            if (cp < 0x80)
                *o++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            else
                memcpy(o, p, n), o += n;
        }
        p += n;
    }
    *o = '\0';
    return out;
}

/* The second hash's seed: the one article_content_hash uses beside
 * UTIL_FNV_SEED. Fixed forever: stored keys depend on it. */
#define CANON_SEED2 0x84222325cbf29ce4ULL

void store_quote_key(const char *canon, size_t n, unsigned char key[STORE_QUOTE_KEY_LEN])
{
    uint64_t h[2] = {util_fnv1a(canon, n, UTIL_FNV_SEED), util_fnv1a(canon, n, CANON_SEED2)};
    for (int i = 0; i < 2; i++)
        for (int b = 0; b < 8; b++)
            key[i * 8 + b] = (unsigned char)(h[i] >> (56 - 8 * b));
}

/* newsd_quote_key(text): the key of a folded text, as a blob (NULL stays NULL). */
static void canon_key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    if (!t) {
        sqlite3_result_null(ctx);
        return;
    }
    unsigned char key[STORE_QUOTE_KEY_LEN];
    store_quote_key(t, (size_t)sqlite3_value_bytes(argv[0]), key);
    sqlite3_result_blob(ctx, key, sizeof key, SQLITE_TRANSIENT);
}

int store_quote_key_register(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "newsd_quote_key", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      canon_key_fn, NULL, NULL, NULL);
}

/* --- names compared without case -------------------------------------------------
 *
 * COLLATE NOCASE folds ASCII only, so ?author=TOMÁS REYES missed Tomás Reyes.
 * Names also keep a folded copy (0006_name_keys.sql), made by newsd_fold:
 * every letter lowered by the C library's Unicode tables (towlower_l in the
 * C.UTF-8 locale, whatever the process locale is). */

/* The lower-case form of text[0..len), NUL-terminated, in a new string;
 * ASCII only when loc is NULL (no C.UTF-8 locale). NULL on OOM. */
static char *canon_fold(const char *text, size_t len, locale_t loc)
{
    /* Lowering never takes more than twice the bytes (U+023A, 2 bytes, lowers
     * to U+2C65, 3 bytes). */
    char *out = malloc(2 * len + 1), *o = out;
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end) {
        if (*p < 0x80) {
            *o++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
            p++;
            continue;
        }
        uint32_t cp;
        /* text is NUL-terminated (SQLite's), which ends a cut sequence */
        size_t n = canon_decode(p, &cp);
        if (n == 1 || !loc) { /* a byte that is not UTF-8 here: kept */
            memcpy(o, p, n);
            o += n;
        } else {
            wint_t lo = towlower_l((wint_t)cp, loc);
            o += util_utf8_put(lo > 0 && lo <= 0x10ffff ? (uint32_t)lo : cp, o);
        }
        p += n;
    }
    *o = '\0';
    return out;
}

/* newsd_fold(text): text lowered, for comparing names without case (NULL
 * stays NULL). */
static void canon_fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    if (!t) {
        sqlite3_result_null(ctx);
        return;
    }
    char *f = canon_fold(t, (size_t)sqlite3_value_bytes(argv[0]), sqlite3_user_data(ctx));
    if (!f) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, f, -1, free);
}

static void canon_locale_free(void *loc)
{
    freelocale((locale_t)loc);
}

int store_name_fold_register(sqlite3 *db)
{
    locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    /* SQLite calls the destructor itself when registration fails */
    return sqlite3_create_function_v2(db, "newsd_fold", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, loc,
                                      canon_fold_fn, NULL, NULL, loc ? canon_locale_free : NULL);
}
