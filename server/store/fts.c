/* fts.c: the search-box language of `q` (words, "phrases", OR, -word,
 * prefix*) translated into an FTS5 MATCH expression. Every term is emitted as
 * an FTS5 string, so no client text is ever read as FTS5 syntax; the size of
 * the query is bounded so that a hostile `q` costs no more than a plain one. */
#include <stdlib.h>
#include <string.h>

#include "newsd/store.h"
#include "newsd/util.h"

#define FTS_MAX_BYTES 256
#define FTS_MAX_TERMS 16

struct fts_term {
    const char *s; /* the words, not NUL-terminated */
    size_t n;
    bool phrase;
    bool prefix;
    bool negated;
    bool or_before; /* joined to the previous positive term by OR */
};

/* True when the n bytes at s hold a letter or digit (or any non-ASCII byte,
 * which the unicode61 tokenizer may read as a letter). */
static bool fts_has_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            return true;
    }
    return false;
}

/* Appends term as an FTS5 string ("..." with quotes doubled), and * when it is
 * a prefix. */
static bool fts_emit(struct buf *b, const struct fts_term *t)
{
    bool ok = buf_append(b, "\"", 1);
    for (size_t i = 0; ok && i < t->n; i++)
        ok = t->s[i] == '"' ? buf_append(b, "\"\"", 2) : buf_append(b, t->s + i, 1);
    ok = ok && buf_append(b, "\"", 1);
    if (ok && t->prefix)
        ok = buf_append(b, " *", 2);
    return ok;
}

/* Splits q into terms; *why names the first problem. */
static bool fts_split(const char *q, struct fts_term *terms, int *n, const char **why)
{
    const char *p = q;
    bool pending_or = false;
    *n = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        struct fts_term t = {0};
        if (*p == '-') {
            t.negated = true;
            p++;
        }
        if (*p == '"') {
            const char *end = strchr(p + 1, '"');
            if (!end) {
                *why = "q has a phrase with no closing quote";
                return false;
            }
            t.s = p + 1;
            t.n = (size_t)(end - p - 1);
            t.phrase = true;
            p = end + 1;
        } else {
            t.s = p;
            t.n = strcspn(p, " \t\"");
            p += t.n;
            if (!t.negated && t.n == 2 && strncmp(t.s, "OR", 2) == 0) {
                if (*n == 0 || pending_or) {
                    *why = "q has an OR without a word on each side";
                    return false;
                }
                pending_or = true;
                continue;
            }
            if (t.n > 1 && t.s[t.n - 1] == '*') {
                t.prefix = true;
                t.n--;
            }
        }
        if (!fts_has_word(t.s, t.n))
            continue; /* punctuation alone matches nothing: drop it */
        if (*n == FTS_MAX_TERMS) {
            *why = "q has too many terms (at most 16)";
            return false;
        }
        if (pending_or && t.negated) {
            *why = "q cannot OR an excluded word";
            return false;
        }
        t.or_before = pending_or;
        pending_or = false;
        terms[(*n)++] = t;
    }
    if (pending_or) {
        *why = "q has an OR without a word on each side";
        return false;
    }
    return true;
}

enum store_rc store_fts_parse(const char *q, char **out, const char **why)
{
    struct fts_term terms[FTS_MAX_TERMS];
    int n = 0;
    struct buf b = {0};
    *out = NULL;
    *why = NULL;
    if (!q || strlen(q) > FTS_MAX_BYTES) {
        *why = "q must be at most 256 bytes";
        return STORE_INVALID;
    }
    if (!fts_split(q, terms, &n, why))
        return STORE_INVALID;
    /* FTS5 binds NOT tighter than AND and AND tighter than OR, so each run of
     * OR'd words gets its own parentheses: `a b OR c -d` becomes
     * ((("a") AND ("b" OR "c")) NOT "d"). */
    bool ok = buf_puts(&b, "(("), any = false;
    for (int i = 0; ok && i < n; i++) {
        if (terms[i].negated)
            continue;
        if (any)
            ok = buf_puts(&b, terms[i].or_before ? " OR " : ") AND (");
        ok = ok && fts_emit(&b, &terms[i]);
        any = true;
    }
    ok = ok && buf_puts(&b, "))");
    for (int i = 0; ok && i < n; i++) {
        if (terms[i].negated)
            ok = buf_puts(&b, " NOT ") && fts_emit(&b, &terms[i]);
    }
    if (!any) {
        buf_clear(&b);
        *why = "q needs at least one word to search for";
        return STORE_INVALID;
    }
    if (!ok) {
        buf_clear(&b);
        return STORE_ERR;
    }
    *out = buf_take(&b);
    return STORE_OK;
}
