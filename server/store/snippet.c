/* snippet.c: the search excerpt of a hit, made from the page's rows only.
 * FTS5's snippet() re-reads and re-tokenises the whole document through its
 * auxiliary-function API, 66-140 us per 4 KB article here, which made it the
 * largest cost of a search page. This does the same job in one pass over the
 * text: find the query's words, pick the window of SNIPPET_TOKENS tokens that
 * covers the most distinct ones, and mark them between \x02 and \x03 as the
 * FTS5 snippet was marked (art_snippet turns marks into highlights).
 *
 * Tokens follow unicode61 closely enough for excerpts: runs of ASCII letters
 * and digits and of non-ASCII characters outside the punctuation blocks
 * (curly quotes, dashes and the ellipsis split words). Case folds for ASCII
 * only, and diacritics are not removed, so a match FTS5 found through folding
 * may go unmarked; the excerpt then opens the column, which is still right. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define SNIPPET_TOKENS 24
#define SNIPPET_MAX_TERMS 16
#define SNIPPET_MAX_WORDS 8 /* words of one phrase that are compared */

/* One query term: a word or a phrase of words, the last maybe a prefix. */
struct snip_term {
    const char *w[SNIPPET_MAX_WORDS];
    size_t n[SNIPPET_MAX_WORDS];
    int words;
    bool prefix;
};

struct snip_token {
    size_t start, end; /* bytes in the text */
};

/* The length of the UTF-8 sequence at s (1 for a stray byte) and its code point. */
static size_t snip_decode(const unsigned char *s, size_t left, unsigned *cp)
{
    size_t n = s[0] < 0xc0 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
    if (n > left)
        n = 1;
    unsigned v = n == 1 ? s[0] : s[0] & (0x3f >> (n - 1));
    for (size_t i = 1; i < n; i++)
        v = (v << 6) | (s[i] & 0x3f);
    *cp = v;
    return n;
}

/* Whether code point cp is part of a word. */
static bool snip_word_cp(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    if ((cp >= 0xa0 && cp <= 0xbf && cp != 0xaa && cp != 0xb5 && cp != 0xba) || cp == 0xd7 ||
        cp == 0xf7)
        return false; /* Latin-1 punctuation and signs */
    if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) || cp == 0xfeff)
        return false; /* general and CJK punctuation, spaces */
    return true;
}

/* Splits text into tokens (at most max; *cut tells whether text went on). */
static size_t snip_tokens(const char *text, struct snip_token *tok, size_t max, bool *cut)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), i = 0, n = 0;
    bool in = false;
    while (i < len && n < max) {
        unsigned cp = s[i];
        size_t k = cp < 0x80 ? 1 : snip_decode(s + i, len - i, &cp);
        bool w = snip_word_cp(cp);
        if (w && !in)
            tok[n].start = i;
        if (!w && in)
            tok[n++].end = i;
        in = w;
        i += k;
    }
    if (in && n < max)
        tok[n++].end = i;
    *cut = i < len;
    return n;
}

static bool snip_same(const char *a, size_t na, const char *b, size_t nb, bool prefix)
{
    if (prefix ? na < nb : na != nb)
        return false;
    for (size_t i = 0; i < nb; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x != y && !(x < 0x80 && y < 0x80 && (x | 32) == (y | 32) && (x | 32) >= 'a' &&
                        (x | 32) <= 'z'))
            return false;
    }
    return true;
}

/* Reads the positive terms of an FTS5 expression made by store_fts_parse:
 * quoted strings ("" inside is a quote), " *" after a prefix, and every
 * string after the first NOT excluded. The words of each string are
 * pointers into the expression. */
static int snip_terms(const char *fts, struct snip_term *terms)
{
    int n = 0;
    const char *p = fts;
    while (*p && n < SNIPPET_MAX_TERMS) {
        if (strncmp(p, " NOT ", 5) == 0)
            break; /* store_fts_parse puts every excluded word last */
        if (*p != '"') {
            p++;
            continue;
        }
        const char *s = ++p;
        while (*p && !(p[0] == '"' && p[1] != '"'))
            p += p[0] == '"' ? 2 : 1;
        struct snip_term *t = &terms[n];
        memset(t, 0, sizeof *t);
        struct snip_token tok[SNIPPET_MAX_WORDS];
        char word[256];
        size_t len = (size_t)(p - s) < sizeof word - 1 ? (size_t)(p - s) : sizeof word - 1;
        memcpy(word, s, len);
        word[len] = '\0';
        bool cut;
        size_t k = snip_tokens(word, tok, SNIPPET_MAX_WORDS, &cut);
        for (size_t i = 0; i < k; i++) {
            t->w[i] = s + tok[i].start;
            t->n[i] = tok[i].end - tok[i].start;
        }
        t->words = (int)k;
        if (*p)
            p++;
        t->prefix = strncmp(p, " *", 2) == 0;
        if (t->words > 0)
            n++;
    }
    return n;
}

/* The number of words of term t matched at token i of text, or 0. */
static int snip_match_at(const char *text, const struct snip_token *tok, size_t ntok, size_t i,
                         const struct snip_term *t)
{
    if (i + (size_t)t->words > ntok)
        return 0;
    for (int w = 0; w < t->words; w++) {
        const struct snip_token *x = &tok[i + (size_t)w];
        bool last = w == t->words - 1;
        if (!snip_same(text + x->start, x->end - x->start, t->w[w], t->n[w], last && t->prefix))
            return 0;
    }
    return t->words;
}

/* A match: tokens [at, at + len) are term `term`. */
struct snip_hit {
    size_t at, len;
    int term;
};

#define SNIPPET_MAX_HITS 512

/* Finds the hits of the terms in text, left to right, never overlapping. */
static size_t snip_hits(const char *text, const struct snip_token *tok, size_t ntok,
                        const struct snip_term *terms, int nt, struct snip_hit *hits)
{
    size_t nh = 0;
    for (size_t i = 0; i < ntok && nh < SNIPPET_MAX_HITS; i++) {
        for (int t = 0; t < nt; t++) {
            int len = snip_match_at(text, tok, ntok, i, &terms[t]);
            if (len) {
                hits[nh++] = (struct snip_hit){i, (size_t)len, t};
                i += (size_t)len - 1;
                break;
            }
        }
    }
    return nh;
}

/* The best window of one column: the most distinct terms, then the most hits;
 * *start is its first token. Returns its score (0: no hit). */
static unsigned snip_best(const struct snip_hit *hits, size_t nh, size_t ntok, size_t *start)
{
    unsigned best = 0;
    for (size_t h = 0; h < nh; h++) {
        /* Open a few tokens before the hit, so it reads in context. */
        size_t s = hits[h].at > 3 ? hits[h].at - 3 : 0;
        if (s + SNIPPET_TOKENS > ntok)
            s = ntok > SNIPPET_TOKENS ? ntok - SNIPPET_TOKENS : 0;
        unsigned seen = 0, count = 0;
        for (size_t j = 0; j < nh; j++) {
            if (hits[j].at >= s && hits[j].at + hits[j].len <= s + SNIPPET_TOKENS) {
                seen |= 1u << hits[j].term;
                count++;
            }
        }
        unsigned score = (unsigned)__builtin_popcount(seen) * 1024 + (count < 1024 ? count : 1023);
        if (score > best) {
            best = score;
            *start = s;
        }
    }
    return best;
}

/* Appends the window [s, e) of text with its hits marked. cut: the text has
 * more than its ntok tokens (so the window never reaches its end). */
static bool snip_emit(struct buf *out, const char *text, const struct snip_token *tok,
                      size_t ntok, bool cut, size_t s, size_t e, const struct snip_hit *hits,
                      size_t nh)
{
    bool ok = true;
    if (s > 0)
        ok = buf_puts(out, "…");
    /* A window at an end of the column keeps the text around its tokens
     * (an opening quote, the final full stop). */
    size_t pos = s > 0 ? tok[s].start : 0, h = 0;
    bool to_end = e == ntok && !cut;
    size_t end = to_end ? strlen(text) : tok[e - 1].end;
    for (size_t i = s; ok && i < e; i++) {
        while (h < nh && hits[h].at < i)
            h++;
        if (h < nh && hits[h].at == i && i + hits[h].len <= e) {
            size_t last = i + hits[h].len - 1;
            ok = buf_append(out, text + pos, tok[i].start - pos) && buf_puts(out, "\x02") &&
                 buf_append(out, text + tok[i].start, tok[last].end - tok[i].start) &&
                 buf_puts(out, "\x03");
            pos = tok[last].end;
            i = last;
        }
    }
    ok = ok && buf_append(out, text + pos, end - pos);
    if (ok && !to_end)
        ok = buf_puts(out, "…");
    return ok;
}

/* One column's tokens and hits; two of these let the best column so far be
 * kept while the next one is read. */
struct snip_col {
    struct snip_token *tok;
    struct snip_hit *hits;
    size_t ntok, nh, start;
    bool cut;
    unsigned score;
    const char *text;
};

#define SNIPPET_MAX_TOKENS 4096 /* longer texts: the excerpt comes from their start */

bool store_snippet(const char *fts, const char *const *cols, size_t ncols, struct buf *out)
{
    struct snip_term terms[SNIPPET_MAX_TERMS];
    int nt = snip_terms(fts, terms);
    struct snip_col slot[2] = {0}, *cur = &slot[0], *best = NULL;
    bool ok = true;
    for (int i = 0; i < 2; i++) {
        slot[i].tok = malloc(SNIPPET_MAX_TOKENS * sizeof *slot[i].tok);
        slot[i].hits = malloc(SNIPPET_MAX_HITS * sizeof *slot[i].hits);
        ok = ok && slot[i].tok && slot[i].hits;
    }
    /* Columns from the last (the body) back, the earlier winning only with a
     * strictly better window: an excerpt of the body tells a reader more than
     * a copy of the title they already see. With no hit at all, the body's
     * opening. */
    for (size_t c = ncols; ok && c-- > 0;) {
        if (!cols[c] || !*cols[c])
            continue;
        cur->text = cols[c];
        cur->ntok = snip_tokens(cols[c], cur->tok, SNIPPET_MAX_TOKENS, &cur->cut);
        cur->nh = snip_hits(cols[c], cur->tok, cur->ntok, terms, nt, cur->hits);
        cur->start = 0;
        cur->score = snip_best(cur->hits, cur->nh, cur->ntok, &cur->start);
        if (!best || cur->score > best->score) {
            best = cur;
            cur = cur == &slot[0] ? &slot[1] : &slot[0];
        }
    }
    if (ok && best && best->ntok) {
        size_t e = best->start + SNIPPET_TOKENS < best->ntok ? best->start + SNIPPET_TOKENS
                                                             : best->ntok;
        ok = snip_emit(out, best->text, best->tok, best->ntok, best->cut, best->start, e,
                       best->hits, best->nh);
    }
    for (int i = 0; i < 2; i++) {
        free(slot[i].tok);
        free(slot[i].hits);
    }
    return ok;
}
