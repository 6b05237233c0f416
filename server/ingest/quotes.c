/* quotes.c: quotations and who said them. Spans come from double quote marks
 * (curly, straight, mixed, guillemets; unclosed spans run to the paragraph end and
 * may continue in the next paragraph). Attribution looks for a cue verb from the
 * table below next to the quote, then its subject (before the verb, or after it
 * when inverted: "said Macron"), and resolves the subject to an entity, a pronoun
 * to the last fitting person, or keeps an anonymous source as written. Cue-less
 * quotations inherit a neighbour's speaker; those with the shape of a scare quote
 * or a title ("damage control" operation, so-called "X") are dropped, the rest
 * are kept without a speaker. Every search window is bounded, so the stage is
 * linear in the text length. */
#include "ingest_internal.h"

#include <ctype.h>
#include <string.h>

/* ---- spans ------------------------------------------------------------------------ */

enum role { R_NONE = 0, R_OPEN, R_CLOSE };

static bool opener_context(uint32_t c)
{
    return c == 0 || ingest_cp_is_space(c) || c == '(' || c == '[' || c == '{' ||
           ingest_cp_is_dash(c) || c == '/' || c == ':' || c == 0x2018 || c == '\'' ||
           c == 0x201A || c == 0x2026;
}

static bool closer_context(uint32_t c)
{
    return c == 0 || ingest_cp_is_space(c) || c == '.' || c == ',' || c == ';' || c == ':' ||
           c == '!' || c == '?' || c == ')' || c == ']' || c == '}' || ingest_cp_is_dash(c) ||
           c == 0x2019 || c == '\'' || c == 0x2026;
}

static bool is_single_mark(uint32_t c)
{
    return c == '\'' || c == 0x2018 || c == 0x2019;
}

/* Role of a double mark of class q at byte at (len bytes) given its neighbours and
 * whether a quotation is open. */
static enum role mark_role(const char *p, size_t n, size_t at, size_t len, enum ingest_qmark q,
                           bool in)
{
    uint32_t before = ingest_cp_before(p, at);
    uint32_t after = ingest_cp_at(p, n, at + len);
    bool ob = opener_context(before), ca = closer_context(after);
    switch (q) {
    case INGEST_QM_DOUBLE_OPEN:
        return (!ob && ca) ? R_CLOSE : R_OPEN;
    case INGEST_QM_DOUBLE_CLOSE:
        return (ob && !ca) ? R_OPEN : R_CLOSE;
    case INGEST_QM_DOUBLE_AMBIG:
        if (ob && !ca)
            return R_OPEN;
        if (!ob && ca)
            return R_CLOSE;
        if (ob && ca) {
            /* next to a single mark: "'A'" nests a quotation in one */
            if (in && is_single_mark(before))
                return R_CLOSE;
            if (!in && is_single_mark(after))
                return R_OPEN;
            /* a word censored with hyphens ends the quotation: "flatten the next b-----" who */
            if (in && before == '-') {
                size_t b = at;
                while (b > 0 && p[b - 1] == '-')
                    b--;
                if (b > 0 && b < at && ingest_cp_is_alpha(ingest_cp_before(p, b)))
                    return R_CLOSE;
            }
            /* next to a single mark with a space between: "'A,' " he said */
            if (in && at >= 2 && before == ' ' && is_single_mark(ingest_cp_before(p, at - 1)))
                return R_CLOSE;
            if (!in && after == ' ' && is_single_mark(ingest_cp_at(p, n, at + len + 1)))
                return R_OPEN;
            return before == 0 ? R_OPEN : R_NONE;
        }
        return R_NONE;
    default:
        return R_NONE;
    }
}

static bool spans_push(struct ingest_qspan **v, size_t *n, size_t *cap,
                       const struct ingest_qspan *x)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        struct ingest_qspan *nv = realloc(*v, c * sizeof *nv);
        if (!nv)
            return false;
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = *x;
    return true;
}

/* Trims spaces around [a, b) and pushes a span when anything is left. */
static bool span_emit(const char *p, size_t open, size_t a, size_t b, size_t close_end, bool closed,
                      bool has_open, struct ingest_qspan **v, size_t *n, size_t *cap)
{
    while (a < b && p[a] == ' ')
        a++;
    while (b > a && p[b - 1] == ' ')
        b--;
    if (b <= a)
        return true;
    struct ingest_qspan x = {open, a, b, close_end, closed, has_open, false, false, false};
    return spans_push(v, n, cap, &x);
}

/* One double quote mark of a paragraph, with its role as if no quotation were open
 * and how many closing marks of its style follow before the next opening one. */
struct qmark {
    size_t at, end;
    enum ingest_qmark q;
    uint8_t style; /* 1 straight ", 2 curly or guillemet, 3 typewriter '' and `` */
    uint8_t role;
    uint8_t closes_ahead; /* capped at 3 */
};

/* Collects the double marks of p into *v (the caller frees it when it is not buf). */
static int qmarks_collect(const char *p, size_t n, struct qmark *buf, size_t bufn,
                          struct qmark **v, size_t *nv)
{
    struct qmark *m = buf;
    size_t cap = bufn, k = 0, i = 0;
    while (i < n) {
        /* the common case: plain ASCII that is no quote mark */
        i = ingest_bytes_find3(p, n, i, '"', '\'', '`', true);
        if (i == n)
            break;
        size_t at = i;
        unsigned char b = (unsigned char)p[i];
        enum ingest_qmark q;
        if (b == '\'' || b == '`') {
            /* typewriter doubles: ``A'' and ''A'' (wire and archive copy) */
            if (i + 1 >= n || (unsigned char)p[i + 1] != b) {
                i++;
                continue;
            }
            i += 2;
            q = b == '`' ? INGEST_QM_DOUBLE_OPEN : INGEST_QM_DOUBLE_AMBIG;
        } else {
            q = ingest_cp_quote_mark(ingest_utf8_next(p, n, &i));
        }
        if (q != INGEST_QM_DOUBLE_OPEN && q != INGEST_QM_DOUBLE_CLOSE &&
            q != INGEST_QM_DOUBLE_AMBIG)
            continue;
        if (k == cap) {
            size_t c = cap * 2;
            struct qmark *nm = m == buf ? malloc(c * sizeof *nm) : realloc(m, c * sizeof *nm);
            if (!nm)
                goto nomem;
            if (m == buf)
                memcpy(nm, buf, k * sizeof *nm);
            m = nm;
            cap = c;
        }
        m[k].at = at;
        m[k].end = i;
        m[k].q = q;
        m[k].style = b == '"' ? 1 : (b == '\'' || b == '`') ? 3 : 2;
        m[k].role = (uint8_t)mark_role(p, n, at, i - at, q, false);
        k++;
    }
    /* backwards: closing marks of each style before the next opening one */
    uint8_t ahead[4] = {0};
    for (size_t j = k; j-- > 0;) {
        uint8_t st = m[j].style;
        m[j].closes_ahead = ahead[st];
        if (m[j].role == R_OPEN)
            ahead[st] = 0;
        else if (m[j].role == R_CLOSE && ahead[st] < 3)
            ahead[st]++;
    }
    *v = m;
    *nv = k;
    return 0;
nomem:
    if (m != buf)
        free(m);
    return INGEST_ERR_NOMEM;
}

int ingest_qspans_find(const char *p, size_t n, bool *open_carry, struct ingest_qspan **spans,
                       size_t *n_spans)
{
    struct ingest_qspan *v = NULL;
    size_t nv = 0, cap = 0;
    bool in = false;
    size_t open = 0, start = 0;
    bool has_open = true;
    bool first_mark = true;
    bool nested = false;      /* inside a quotation of the other style within this one */
    bool nested_same = false; /* in B of “A “B” C” (same marks) */
    int style = 0;
    struct qmark mbuf[64], *marks = NULL;
    size_t n_marks = 0;
    free(*spans);
    *spans = NULL;
    *n_spans = 0;
    if (qmarks_collect(p, n, mbuf, sizeof mbuf / sizeof *mbuf, &marks, &n_marks))
        return INGEST_ERR_NOMEM;
    for (size_t k = 0; k < n_marks; k++) {
        const struct qmark *mk = &marks[k];
        size_t at = mk->at, i = mk->end;
        enum role r = mark_role(p, n, at, i - at, mk->q, in);
        int st = mk->style;
        if (in && st != style) {
            /* a quotation inside a quotation, in the other style: “A "B" C” */
            if (!nested && r == R_OPEN) {
                nested = true;
                continue;
            }
            if (nested) {
                if (r == R_CLOSE)
                    nested = false;
                continue;
            }
        }
        if (in && st == style && nested_same && r == R_CLOSE) {
            /* the end of a quotation inside one in the same marks: the outer one
             * resumes after it and ends at the next closing mark */
            if (!span_emit(p, open, start, at, i, true, has_open, &v, &nv, &cap))
                goto nomem;
            nested_same = false;
            open = at;
            start = i;
            has_open = false;
            continue;
        }
        bool opens_inner = in && st == style && r == R_OPEN && mk->closes_ahead >= 2;
        if (first_mark && r == R_CLOSE && !in && *open_carry) {
            /* a quotation carried over from the previous paragraph closes here
             * without a new opening mark */
            if (!span_emit(p, 0, 0, at, i, true, false, &v, &nv, &cap))
                goto nomem;
            first_mark = false;
            continue;
        }
        first_mark = false;
        if (r == R_OPEN) {
            if (in && !span_emit(p, open, start, at, at, false, has_open, &v, &nv, &cap))
                goto nomem;
            in = true;
            open = at;
            start = i;
            has_open = true;
            style = st;
            nested = false;
            /* “A “B” C”, as vox pops write: two closing marks follow before any
             * other opening one, so B is a quotation inside A (a span of its own)
             * and C is A's again; with fewer, A was left unclosed */
            nested_same = opens_inner;
        } else if (r == R_CLOSE && in) {
            if (!span_emit(p, open, start, at, i, true, has_open, &v, &nv, &cap))
                goto nomem;
            in = false;
            nested = false;
        }
    }
    if (in && !span_emit(p, open, start, n, n, false, has_open, &v, &nv, &cap))
        goto nomem;
    /* the convention for a quotation over several paragraphs: each one opens
     * again and only the last one closes */
    if (*open_carry && nv > 0 && v[0].open < 4)
        v[0].continued = true;
    *open_carry = in;
    *spans = v;
    *n_spans = nv;
    if (marks != mbuf)
        free(marks);
    return 0;
nomem:
    if (marks != mbuf)
        free(marks);
    free(v);
    return INGEST_ERR_NOMEM;
}

/* Whether span x of p is a nickname written inside a name: 'Thomas "Tam"
 * Ruddock', "Delroy 'Bigga' Campbell". One capitalised word stands in the
 * marks between a given name and a capitalised word right after the closing
 * mark and a space. With a listed given name (g may be NULL: none is) that
 * is enough; else the given name must be capitalised, the word after the
 * mark must end the name (no capitalised word follows it), so "said 'Yes'"
 * ending a sentence stays a quotation, and the paragraph must be running
 * text. */
static bool nickname_in_name(const char *p, size_t n, const struct ingest_gaz *g,
                             const struct ingest_qspan *x)
{
    if (!x->closed || !x->has_open || x->label || x->end - x->start > 24 || x->open < 3 ||
        p[x->open - 1] != ' ' || x->close_end + 1 >= n || p[x->close_end] != ' ' ||
        ingest_cap_word_end(p, n, x->start) != x->end)
        return false;
    /* the word before the opening mark: a given name */
    size_t e = x->open - 1, a = e;
    while (a > 0 && p[a - 1] != ' ')
        a--;
    if (e == a)
        return false;
    size_t se = ingest_cap_word_end(p, n, x->close_end + 1);
    if (se == x->close_end + 1)
        return false;
    if (g && (ingest_gaz_has(g, p + a, e - a, INGEST_GAZ_GIVEN_MALE) ||
              ingest_gaz_has(g, p + a, e - a, INGEST_GAZ_GIVEN_FEMALE)))
        return true;
    if (ingest_cap_word_end(p, n, a) != e || !ingest_has_long_lower_word(p, n))
        return false;
    /* the surname ends the name: "Campbell," "Campbell said", "Campbell." */
    return ingest_cap_word_ends_name(p, n, se);
}

void ingest_qspans_drop_nicknames(const char *p, size_t n, const struct ingest_gaz *g,
                                  struct ingest_qspan *spans, size_t *n_spans)
{
    size_t w = 0;
    for (size_t k = 0; k < *n_spans; k++)
        if (!nickname_in_name(p, n, g, &spans[k]))
            spans[w++] = spans[k];
    *n_spans = w;
}

/* A single mark that may open a quotation: ‘ or ' after a space, bracket, dash,
 * slash, colon or the start, before a letter or digit. */
static bool single_opens(const char *p, size_t n, size_t at, size_t len, uint32_t c)
{
    if (c != 0x2018 && c != '\'')
        return false;
    uint32_t before = ingest_cp_before(p, at);
    if (!(before == 0 || ingest_cp_is_space(before) || before == '(' || before == '[' ||
          ingest_cp_is_dash(before) || before == '/' || before == ':'))
        return false;
    return ingest_cp_is_wordch(ingest_cp_at(p, n, at + len));
}

/* A single mark that may close one: ’ or ' after a non-space, before a space,
 * punctuation or the end (an apostrophe inside a word is neither). */
static bool single_closes(const char *p, size_t n, size_t at, size_t len, uint32_t c)
{
    if (c != 0x2019 && c != '\'')
        return false;
    uint32_t before = ingest_cp_before(p, at);
    if (before == 0 || ingest_cp_is_space(before))
        return false;
    uint32_t after = ingest_cp_at(p, n, at + len);
    return after == 0 || ingest_cp_is_space(after) || after == '.' || after == ',' ||
           after == ';' || after == ':' || after == '!' || after == '?' || after == ')' ||
           ingest_cp_is_dash(after) || after == 0x201D || after == '"';
}

static bool cue_word(const char *w, size_t n);

/* The lower-cased ASCII word ending at byte e of p (letters only), or 0 length. */
static size_t word_before(const char *p, size_t e, size_t *a)
{
    size_t i = e;
    while (i > 0 && ((p[i - 1] | 0x20) >= 'a' && (p[i - 1] | 0x20) <= 'z'))
        i--;
    *a = i;
    return e - i;
}

/* A reporting verb right next to single-quoted span x of p: "‘A,’ she said",
 * "said Jane Roe: ‘A’", "told reporters ‘A’". Looks at four words each way, not
 * across sentence punctuation. */
static bool single_cue_near(const char *p, size_t n, const struct ingest_qspan *x)
{
    size_t j = x->close_end;
    for (int words = 0; j < n && words < 4;) {
        char c = p[j];
        if (c == ' ' || c == ',') {
            j++;
            continue;
        }
        if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            break;
        size_t k = j;
        while (k < n && ((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z'))
            k++;
        if (cue_word(p + j, k - j))
            return true;
        words++;
        j = k;
    }
    j = x->open;
    for (int words = 0; j > 0 && words < 4;) {
        char c = p[j - 1];
        if (c == ' ' || ((c == ':' || c == ',') && words == 0)) {
            j--;
            continue;
        }
        size_t a;
        size_t wl = word_before(p, j, &a);
        if (wl == 0)
            break;
        if (cue_word(p + a, wl))
            return true;
        words++;
        j = a;
    }
    return false;
}

/* Moves *i to the next mark before lim that may be a single quotation mark ('
 * or the lead byte of ‘ ’), decodes it into *c from *at and steps past it;
 * false when none is left. */
static bool single_mark_next(const char *p, size_t n, size_t lim, size_t *i, size_t *at,
                             uint32_t *c)
{
    while (*i < lim) {
        unsigned char b = (unsigned char)p[*i];
        if (b != '\'' && b != 0xE2) {
            (*i)++;
            continue;
        }
        *at = *i;
        *c = ingest_utf8_next(p, n, i);
        return true;
    }
    return false;
}

size_t ingest_single_opens_count(const char *p, size_t n)
{
    size_t count = 0, i = 0, at;
    uint32_t c;
    while (single_mark_next(p, n, n, &i, &at, &c))
        count += single_opens(p, n, at, i - at, c);
    return count;
}

/* "the developers’ charter": a closing mark after an "s" and before a space and
 * a lower-case word may be a plural possessive inside the quotation. */
static bool plural_possessive(const char *p, size_t n, size_t at, size_t len)
{
    /* words no possessive goes before: "to colleagues’ concerns about the
     * role of planning committees’ and was ..." closes at the second mark */
    static const char *const no_noun[] = {
        "and", "as", "at", "but", "by", "for", "from", "in", "is", "of", "on", "or", "than",
        "that", "the", "to", "was", "when", "which", "while", "who", "with",
    }; /* sorted */
    if (!(at > 0 && p[at - 1] == 's' && at + len + 1 < n && p[at + len] == ' ' &&
          p[at + len + 1] >= 'a' && p[at + len + 1] <= 'z'))
        return false;
    size_t w = at + len + 1, e = w;
    while (e < n && e - w < 8 && p[e] >= 'a' && p[e] <= 'z')
        e++;
    return !ingest_word_in(no_noun, sizeof no_noun / sizeof *no_noun, p + w, e - w);
}

/* Whether another mark that closes (and is no plural possessive) comes after
 * byte i, before any mark that opens and before byte lim (at most 240 bytes
 * on: the scan stays linear in the paragraph). */
static bool closer_ahead(const char *p, size_t n, size_t i, size_t lim)
{
    if (lim > i + 240)
        lim = i + 240;
    if (lim > n)
        lim = n;
    size_t at;
    uint32_t c;
    while (single_mark_next(p, n, lim, &i, &at, &c)) {
        if (single_closes(p, n, at, i - at, c) && !plural_possessive(p, n, at, i - at))
            return true;
        if (single_opens(p, n, at, i - at, c))
            return false;
    }
    return false;
}

/* Whether byte b of p ends a sentence: '.', '?' or '!', closing marks aside. */
static bool sentence_end_before(const char *p, size_t b)
{
    while (b > 0 && (p[b - 1] == '\'' || p[b - 1] == '"'))
        b--;
    while (b >= 3 && (unsigned char)p[b - 3] == 0xE2 && (unsigned char)p[b - 2] == 0x80 &&
           ((unsigned char)p[b - 1] == 0x99 || (unsigned char)p[b - 1] == 0x9D))
        b -= 3;
    return b > 0 && (p[b - 1] == '.' || p[b - 1] == '?' || p[b - 1] == '!');
}

/* "‘A,’ she said. ‘B.’": a single-quoted span x that holds whole sentences
 * (opens at a sentence's start with a capital, ends with one's end, or runs
 * to the paragraph's end: a quotation that goes on in the next one) after a
 * sentence that ends the cued one before it. Where a house style prints full
 * quotations in single marks, the cue is given once and the next sentences in
 * marks are the same speaker's, as they are with double marks. */
static bool single_sentences_after_cued(const char *p, const struct ingest_qspan *x)
{
    size_t b = x->open;
    while (b > 0 && p[b - 1] == ' ')
        b--;
    if (!sentence_end_before(p, b) || !(p[x->start] >= 'A' && p[x->start] <= 'Z'))
        return false;
    return sentence_end_before(p, x->end);
}

/* The single-quoted span from the mark at open to the closing mark at
 * [close, close_end) (closed false: left open, close == close_end == n), its
 * words trimmed of spaces. */
static struct ingest_qspan single_span_at(const char *p, size_t open, size_t close,
                                          size_t close_end, bool closed)
{
    size_t olen = p[open] == '\'' ? 1 : 3;
    struct ingest_qspan x = {open, open + olen, close, close_end, closed, true, false, true, false};
    while (x.start < x.end && p[x.start] == ' ')
        x.start++;
    while (x.end > x.start && p[x.end - 1] == ' ')
        x.end--;
    return x;
}

/* Whether the single-quoted span x is a quotation: it holds words and, with
 * need_cue, a reporting verb is near (*near) or (cued: a span before it in the
 * paragraph had one) it holds whole sentences after that span's cue; and it
 * is no nickname ("Delroy 'Bigga' Campbell"). */
static bool single_span_wanted(const char *p, size_t n, const struct ingest_qspan *x,
                               bool need_cue, bool cued, bool *near)
{
    *near = false;
    if (x->end <= x->start)
        return false;
    if (need_cue) {
        *near = single_cue_near(p, n, x);
        if (!*near && !(cued && single_sentences_after_cued(p, x)))
            return false;
    }
    return !nickname_in_name(p, n, NULL, x);
}

/* Keeps the single-quoted span from open to [close, close_end) when
 * single_span_wanted says so; sets *cued when a verb is near. False when
 * memory runs out. */
static bool single_span_keep(const char *p, size_t n, size_t open, size_t close, size_t close_end,
                             bool closed, bool need_cue, bool *cued, struct ingest_qspan **v,
                             size_t *nv, size_t *cap)
{
    struct ingest_qspan x = single_span_at(p, open, close, close_end, closed);
    bool near;
    bool want = single_span_wanted(p, n, &x, need_cue, *cued, &near);
    *cued |= near;
    return !want || spans_push(v, nv, cap, &x);
}

/* Whether the single mark opened at open closes after byte from (a double
 * span's end) and before lim, within max_len, into a span single_span_keep
 * would keep: then the double span between is nested in it. */
static bool single_nests(const char *p, size_t n, size_t open, size_t from, size_t lim,
                         size_t max_len, bool need_cue, bool cued)
{
    size_t i = from, at;
    uint32_t c;
    while (single_mark_next(p, n, lim, &i, &at, &c)) {
        if (single_opens(p, n, at, i - at, c))
            return false;
        if (!single_closes(p, n, at, i - at, c) || plural_possessive(p, n, at, i - at))
            continue;
        if (at - open > max_len)
            return false;
        struct ingest_qspan x = single_span_at(p, open, at, i, true);
        bool near;
        return single_span_wanted(p, n, &x, need_cue, cued, &near);
    }
    return false;
}

int ingest_qspans_single(const char *p, size_t n, size_t max_len, bool need_cue, bool open_end,
                         struct ingest_qspan **spans, size_t *n_spans)
{
    struct ingest_qspan *v = NULL;
    size_t nv = 0, cap = 0, di = 0;
    const struct ingest_qspan *d = *spans;
    size_t nd = *n_spans;
    size_t open = SIZE_MAX, i = 0;
    bool cued = false;
    while (i < n) {
        /* the common case: no single mark starts here (' or the lead byte of
         * U+2018/U+2019) */
        i = ingest_bytes_find3(p, n, i, '\'', 0xE2, 0xE2, false);
        if (i == n)
            break;
        /* inside a double-quoted span (marks included): keep that one */
        while (di < nd && d[di].close_end <= i) {
            /* "‘One woman told me, "..." That should not ...’": a double
             * span nested in a single-quoted quotation is part of it */
            if (open != SIZE_MAX && d[di].open > open &&
                single_nests(p, n, open, d[di].close_end, di + 1 < nd ? d[di + 1].open : n,
                             max_len, need_cue, cued)) {
                di++;
                continue;
            }
            if (!spans_push(&v, &nv, &cap, &d[di]))
                goto nomem;
            di++;
            open = SIZE_MAX; /* a single quotation does not run across a double one */
        }
        if (di < nd && i >= d[di].open) {
            i = d[di].close_end;
            continue;
        }
        size_t at = i;
        uint32_t c = ingest_utf8_next(p, n, &i);
        size_t len = i - at;
        if (open != SIZE_MAX && single_closes(p, n, at, len, c) &&
            !(plural_possessive(p, n, at, len) && closer_ahead(p, n, i, open + max_len))) {
            if (at - open <= max_len &&
                !single_span_keep(p, n, open, at, i, true, need_cue, &cued, &v, &nv, &cap))
                goto nomem;
            open = SIZE_MAX;
        } else if (single_opens(p, n, at, len, c)) {
            open = at;
        }
    }
    /* "... she said. ‘B. ¶": left open after a cued span, it runs on */
    if ((open_end || (need_cue && cued)) && open != SIZE_MAX && n - open <= max_len && di >= nd &&
        !single_span_keep(p, n, open, n, n, false, need_cue, &cued, &v, &nv, &cap))
        goto nomem;
    for (; di < nd; di++)
        if (!spans_push(&v, &nv, &cap, &d[di]))
            goto nomem;
    free(*spans);
    *spans = v;
    *n_spans = nv;
    return 0;
nomem:
    free(v);
    return INGEST_ERR_NOMEM;
}

size_t ingest_transcript_label(const char *s, size_t n, size_t *label_len)
{
    size_t i = 0, words = 0, letters = 0;
    while (i < n && words < 3) {
        size_t w = i;
        while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') ||
                         ((s[i] == '.' || s[i] == '\'' || s[i] == '-') && i > w)))
            i++;
        if (i == w)
            return 0;
        letters += i - w;
        words++;
        if (i < n && s[i] == ' ' && i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
            i++;
        else
            break;
    }
    if (i + 1 >= n || s[i] != ':' || s[i + 1] != ' ')
        return 0;
    /* "Q:" and "A:", else a name of two letters or more */
    if (letters < 2 && !(i == 1 && (s[0] == 'Q' || s[0] == 'A')))
        return 0;
    *label_len = i;
    size_t t = i + 2;
    while (t < n && s[t] == ' ')
        t++;
    return t < n ? t : 0;
}

/* ---- cues --------------------------------------------------------------------------- */

enum cue_kind {
    CUE_VERB = 1,  /* subject before ("X said") or after ("said X") */
    CUE_PART,      /* participle continuing a clause: "adding", "saying" */
    CUE_ACCORDING, /* "according to X" */
};

/* The cue table: data, not code. Multi-word cues list their words with spaces. */
static const struct cue {
    const char *words;
    uint8_t kind;
    uint8_t weak; /* naming verbs ("called"): only with a short quote after them */
} cues[] = {
    {"said", CUE_VERB, 0},         {"says", CUE_VERB, 0},
    {"say", CUE_VERB, 0},          {"told", CUE_VERB, 0},
    {"tells", CUE_VERB, 0},        {"added", CUE_VERB, 0},
    {"adds", CUE_VERB, 0},         {"asked", CUE_VERB, 0},
    {"asks", CUE_VERB, 0},         {"replied", CUE_VERB, 0},
    {"replies", CUE_VERB, 0},      {"responded", CUE_VERB, 0},
    {"answered", CUE_VERB, 0},     {"answers", CUE_VERB, 0},
    {"wrote", CUE_VERB, 0},        {"writes", CUE_VERB, 0},
    {"warned", CUE_VERB, 0},       {"warns", CUE_VERB, 0},
    {"argued", CUE_VERB, 0},       {"argues", CUE_VERB, 0},
    {"insisted", CUE_VERB, 0},     {"insists", CUE_VERB, 0},
    {"noted", CUE_VERB, 0},        {"explained", CUE_VERB, 0},
    {"explains", CUE_VERB, 0},     {"called", CUE_VERB, 1},
    {"described", CUE_VERB, 1},    {"describes", CUE_VERB, 1},
    {"tweeted", CUE_VERB, 0},      {"tweets", CUE_VERB, 0},
    {"posted", CUE_VERB, 0},       {"stated", CUE_VERB, 0},
    {"declared", CUE_VERB, 0},     {"announced", CUE_VERB, 0},
    {"acknowledged", CUE_VERB, 0}, {"admitted", CUE_VERB, 0},
    {"claimed", CUE_VERB, 0},      {"claims", CUE_VERB, 0},
    {"conceded", CUE_VERB, 0},     {"continued", CUE_VERB, 0},
    {"recalled", CUE_VERB, 0},     {"recalls", CUE_VERB, 0},
    {"remarked", CUE_VERB, 0},     {"suggested", CUE_VERB, 0},
    {"urged", CUE_VERB, 0},        {"vowed", CUE_VERB, 0},
    {"pledged", CUE_VERB, 0},      {"predicted", CUE_VERB, 0},
    {"promised", CUE_VERB, 0},     {"testified", CUE_VERB, 0},
    {"wondered", CUE_VERB, 0},     {"joked", CUE_VERB, 0},
    {"quipped", CUE_VERB, 0},      {"lamented", CUE_VERB, 0},
    {"complained", CUE_VERB, 0},   {"cautioned", CUE_VERB, 0},
    {"countered", CUE_VERB, 0},    {"emphasized", CUE_VERB, 0},
    {"emphasised", CUE_VERB, 0},   {"stressed", CUE_VERB, 0},
    {"observed", CUE_VERB, 0},     {"boasted", CUE_VERB, 0},
    {"confirmed", CUE_VERB, 0},    {"denied", CUE_VERB, 0},
    {"maintained", CUE_VERB, 0},   {"contended", CUE_VERB, 0},
    {"asserted", CUE_VERB, 0},     {"charged", CUE_VERB, 0},
    {"alleged", CUE_VERB, 0},      {"mused", CUE_VERB, 0},
    {"alleges", CUE_VERB, 0},      {"assured", CUE_VERB, 0},
    {"agreed", CUE_VERB, 0},       {"concluded", CUE_VERB, 0},
    {"reiterated", CUE_VERB, 0},   {"shouted", CUE_VERB, 0},
    {"yelled", CUE_VERB, 0},       {"exclaimed", CUE_VERB, 0},
    {"whispered", CUE_VERB, 0},    {"texted", CUE_VERB, 0},
    {"emailed", CUE_VERB, 0},      {"blasted", CUE_VERB, 0},
    {"slammed", CUE_VERB, 0},      {"praised", CUE_VERB, 1},
    {"labeled", CUE_VERB, 1},      {"labelled", CUE_VERB, 1},
    {"dubbed", CUE_VERB, 1},       {"termed", CUE_VERB, 1},
    {"branded", CUE_VERB, 1},      {"describing", CUE_PART, 1},
    {"adding", CUE_PART, 0},       {"saying", CUE_PART, 0},
    {"noting", CUE_PART, 0},       {"telling", CUE_PART, 0},
    {"arguing", CUE_PART, 0},      {"warning", CUE_PART, 0},
    {"insisting", CUE_PART, 0},    {"explaining", CUE_PART, 0},
    {"asking", CUE_PART, 0},       {"calling", CUE_PART, 1},
    {"writing", CUE_PART, 0},      {"declaring", CUE_PART, 0},
    {"stating", CUE_PART, 0},      {"claiming", CUE_PART, 0},
    {"tweeting", CUE_PART, 0},     {"according to", CUE_ACCORDING, 0},
    {"put it", CUE_VERB, 0},       {"in a statement", CUE_PART, 0},
    {"per", CUE_ACCORDING, 0}, /* "per the rulebook", "per Reuters": see cue_verb_context */
    /* present and base forms: "they say", "would ask", "notes" */
    {"ask", CUE_VERB, 0},          {"tell", CUE_VERB, 0},
    {"add", CUE_VERB, 0},          {"note", CUE_VERB, 0},
    {"notes", CUE_VERB, 0},        {"write", CUE_VERB, 0},
    {"argue", CUE_VERB, 0},        {"warn", CUE_VERB, 0},
    {"insist", CUE_VERB, 0},       {"explain", CUE_VERB, 0},
    {"claim", CUE_VERB, 0},        {"reply", CUE_VERB, 0},
    {"respond", CUE_VERB, 0},      {"responds", CUE_VERB, 0},
    {"recall", CUE_VERB, 0},       {"continues", CUE_VERB, 0},
    {"acknowledges", CUE_VERB, 0}, {"admits", CUE_VERB, 0},
    {"concedes", CUE_VERB, 0},     {"contends", CUE_VERB, 0},
    {"maintains", CUE_VERB, 0},    {"predicts", CUE_VERB, 0},
    {"promises", CUE_VERB, 0},     {"suggests", CUE_VERB, 0},
    {"declares", CUE_VERB, 0},     {"announces", CUE_VERB, 0},
    {"boasts", CUE_VERB, 0},       {"vows", CUE_VERB, 0},
    {"pledges", CUE_VERB, 0},      {"urges", CUE_VERB, 0},
    {"demands", CUE_VERB, 0},      {"calls", CUE_VERB, 1},
    {"call", CUE_VERB, 1},         {"commented", CUE_VERB, 0},
    {"comments", CUE_VERB, 0},     {"chanted", CUE_VERB, 0},
    /* infinitives continue the clause's subject: "went on to say" */
    {"to say", CUE_PART, 0},       {"to tell", CUE_PART, 0},
    {"to ask", CUE_PART, 0},       {"to add", CUE_PART, 0},
    {"to write", CUE_PART, 0},     {"to call", CUE_PART, 1},
    {"to claim", CUE_PART, 0},     {"to warn", CUE_PART, 0},
    /* more reporting verbs */
    {"reported", CUE_VERB, 0},     {"reports", CUE_VERB, 0},
    {"reads", CUE_VERB, 0},        {"read", CUE_VERB, 0},
    {"states", CUE_VERB, 0},       {"demanded", CUE_VERB, 0},
    {"recounted", CUE_VERB, 0},    {"retorted", CUE_VERB, 0},
    {"pleaded", CUE_VERB, 0},      {"scoffed", CUE_VERB, 0},
    {"pressed", CUE_VERB, 0},      {"followed up", CUE_VERB, 0},
    {"snapped", CUE_VERB, 0},      {"bragged", CUE_VERB, 0},
    {"sang", CUE_VERB, 0},         {"sings", CUE_VERB, 0},
    {"echoed", CUE_VERB, 0},       {"pointed out", CUE_VERB, 0},
    {"went on", CUE_VERB, 0},      {"shot back", CUE_VERB, 0},
    {"fired back", CUE_VERB, 0},   {"chided", CUE_VERB, 0},
    {"cut in", CUE_VERB, 0},
    /* (feature present tense: "X points out that ... ‘...’") */
    {"points out", CUE_VERB, 0},   {"observes", CUE_VERB, 0},
    /* (tabloid anger verbs: "Roe fumed: “...”", "“...,” raged Poe") */
    {"fumed", CUE_VERB, 0},        {"raged", CUE_VERB, 0},
    {"seethed", CUE_VERB, 0},
    {"interjected", CUE_VERB, 0},  {"interrupted", CUE_VERB, 0},
    {"protested", CUE_VERB, 0},    {"objected", CUE_VERB, 0},
    {"grumbled", CUE_VERB, 0},     {"screamed", CUE_VERB, 0},
    {"sighed", CUE_VERB, 0},       {"laughed", CUE_VERB, 0},
    {"clarified", CUE_VERB, 0},    {"speculated", CUE_VERB, 0},
    {"messaged", CUE_VERB, 0},
    /* a sports or human-interest page's manner of saying: "“...,” X grinned" */
    {"grinned", CUE_VERB, 0},      {"chuckled", CUE_VERB, 0},
    {"beamed", CUE_VERB, 0},       {"smiled", CUE_VERB, 0},
    /* how words were said across a chamber or a hearing: "muttered “Here we
     * go again”", "“Answer the question!” bellowed X" */
    {"muttered", CUE_VERB, 0},     {"mumbled", CUE_VERB, 0},
    {"murmured", CUE_VERB, 0},     {"bellowed", CUE_VERB, 0},
    {"roared", CUE_VERB, 0},       {"heckled", CUE_VERB, 0},
    {"hissed", CUE_VERB, 0},       {"barked", CUE_VERB, 0},
    {"growled", CUE_VERB, 0},      {"thundered", CUE_VERB, 0},
    /* verbs that characterise: only with a short quotation after them */
    {"accuse", CUE_VERB, 1},       {"accused", CUE_VERB, 1},      {"accuses", CUE_VERB, 1},
    {"criticized", CUE_VERB, 1},   {"criticised", CUE_VERB, 1},
    {"mocked", CUE_VERB, 1},       {"dismissed", CUE_VERB, 1},
    {"likened", CUE_VERB, 1},      {"compared", CUE_VERB, 1},
    {"condemned", CUE_VERB, 1},    {"denounced", CUE_VERB, 1},
    {"derided", CUE_VERB, 1},      {"decried", CUE_VERB, 1},
    {"hailed", CUE_VERB, 1},       {"lauded", CUE_VERB, 1},
    {"touted", CUE_VERB, 1},       {"questioned", CUE_VERB, 1},
    {"cited", CUE_VERB, 1},        {"rated", CUE_VERB, 1},
    {"ruled", CUE_VERB, 1},        {"characterized", CUE_VERB, 1},
    {"characterised", CUE_VERB, 1}, {"characterizes", CUE_VERB, 1},
    {"chimed in", CUE_VERB, 0},
    /* findings of reports and studies: "a 2015 audit found that"; weak, as
     * people find things too */
    {"found", CUE_VERB, 1},        {"finds", CUE_VERB, 1},
    /* participles continuing a clause */
    {"admitting", CUE_PART, 0},    {"asserting", CUE_PART, 0},
    {"stressing", CUE_PART, 0},    {"promising", CUE_PART, 0},
    {"announcing", CUE_PART, 0},   {"suggesting", CUE_PART, 0},
    {"vowing", CUE_PART, 0},       {"urging", CUE_PART, 0},
    {"pledging", CUE_PART, 0},
    {"predicting", CUE_PART, 0},   {"acknowledging", CUE_PART, 0},
    {"recalling", CUE_PART, 0},    {"quipping", CUE_PART, 0},
    {"joking", CUE_PART, 0},       {"boasting", CUE_PART, 0},
    {"complaining", CUE_PART, 0},  {"conceding", CUE_PART, 0},
    {"replying", CUE_PART, 0},     {"responding", CUE_PART, 0},
    {"countering", CUE_PART, 0},   {"demanding", CUE_PART, 0},
    {"denouncing", CUE_PART, 1},   {"accusing", CUE_PART, 1},
    {"criticizing", CUE_PART, 1},  {"mocking", CUE_PART, 1},
    {"praising", CUE_PART, 1},     {"dismissing", CUE_PART, 1},
    {"labeling", CUE_PART, 1},     {"branding", CUE_PART, 1},
};

/* True when the n bytes at w spell a one-word entry of the cue table, ignoring
 * ASCII case. */
static bool cue_word(const char *w, size_t n)
{
    if (n < 3 || n > 16)
        return false;
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++)
        if (!strchr(cues[c].words, ' ') && ingest_ascii_ieq(w, n, cues[c].words))
            return true;
    return false;
}

/* Matches the cue table at token i of p by scanning it; used once per token to
 * build the paragraph's cue index. Lower case, or capitalised at a sentence
 * start ("According to ..."). Returns the entry index or -1 and sets *len. */
/* The cue table indexed by first letter and the length of the first word, built
 * once per run: a token is tried against the few cues that can start with it
 * (a letter alone left up to 39, tried for each of 360,000 tokens per 500
 * articles). Each bucket keeps table order, so the first match is the same. */
#define CUE_WORD_MAX 16  /* longest token cue_match tries */
#define CUE_BUCKET_MAX 16 /* cues with one first letter and first-word length */
struct cue_buckets {
    uint8_t n[26][CUE_WORD_MAX + 1];
    uint16_t idx[26][CUE_WORD_MAX + 1][CUE_BUCKET_MAX]; /* cues passed 256 entries */
};

/* The length of the first word of cue entry words (a loop: strcspn sets up a
 * table per call, dearer for words this short). */
static size_t cue_first_len(const char *words)
{
    size_t n = 0;
    while (words[n] != ' ' && words[n] != '\0')
        n++;
    return n;
}

_Static_assert(sizeof cues / sizeof *cues <= UINT16_MAX, "cue_buckets holds a cue's index in 16 bits");

static void cue_buckets_build(struct cue_buckets *b)
{
    memset(b->n, 0, sizeof b->n); /* idx is read only below n */
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++) {
        unsigned l = (unsigned)(cues[c].words[0] - 'a');
        size_t wl = cue_first_len(cues[c].words);
        if (l < 26 && wl <= CUE_WORD_MAX && b->n[l][wl] < CUE_BUCKET_MAX)
            b->idx[l][wl][b->n[l][wl]++] = (uint16_t)c;
    }
}

static int cue_match(const struct ingest_para *p, const struct cue_buckets *p_buckets, size_t i,
                     size_t *len)
{
    const struct ingest_tok *t = p->toks.v;
    size_t n = p->toks.n;
    if (t[i].kind != INGEST_TOK_WORD || t[i].quote >= 0 || (t[i].flags & INGEST_TOKF_POSS))
        return -1;
    size_t wl = t[i].end - t[i].start;
    if (wl < 2 || wl > CUE_WORD_MAX)
        return -1;
    char first = p->s[t[i].start];
    if (first >= 'A' && first <= 'Z')
        first = (char)(first + 32);
    if (first < 'a' || first > 'z')
        return -1;
    const struct cue_buckets *bk = p_buckets;
    unsigned letter = (unsigned)(first - 'a');
    for (size_t bi = 0; bi < bk->n[letter][wl]; bi++) {
        size_t c = bk->idx[letter][wl][bi];
        const char *w = cues[c].words;
        if (w[1] != p->s[t[i].start + 1])
            continue; /* cheap reject: every cue word has two letters or more */
        size_t k = i;
        bool ok = true;
        while (*w && ok) {
            /* the first word is as long as the token: its bucket says so */
            size_t ln = k == i ? wl : cue_first_len(w);
            if (k >= n || t[k].kind != INGEST_TOK_WORD || t[k].quote >= 0 ||
                t[k].end - t[k].start != ln) {
                ok = false;
                break;
            }
            const char *tw = p->s + t[k].start;
            bool exact = memcmp(tw, w, ln) == 0;
            bool capital = !exact && k == i && (t[k].flags & INGEST_TOKF_SENT_START) &&
                           tw[0] == (char)(w[0] - 32) && memcmp(tw + 1, w + 1, ln - 1) == 0;
            if (!exact && !capital)
                ok = false;
            k++;
            w += ln;
            if (*w == ' ')
                w++;
        }
        if (ok) {
            *len = k - i;
            return (int)c;
        }
    }
    return -1;
}

static bool tok_in(const char *s, const struct ingest_tok *t, const char *const *list, size_t n)
{
    return t->kind == INGEST_TOK_WORD && ingest_word_in(list, n, s + t->start, t->end - t->start);
}

#define CUE_BASES_N (sizeof cue_bases / sizeof *cue_bases)
#define BASE_SUBJECTS_N (sizeof base_subjects / sizeof *base_subjects)
#define NOUN_MARKERS_N (sizeof noun_markers / sizeof *noun_markers)

/* Base forms of cue verbs, which double as nouns ("a call", "Trump's claim"). */
static const char *const cue_bases[] = {
    "accuse", "add", "argue", "ask", "call", "claim", "explain", "insist", "note", "recall", "reply",
    "respond", "tell", "warn", "write",
};
/* What may stand before a base form used as a verb: "they say", "would ask". */
static const char *const base_subjects[] = {
    "also", "can", "could", "did", "do", "does", "i", "may", "might", "must", "not", "often",
    "should", "still", "they", "we", "will", "would", "you",
};
/* Determiners and possessives that make the next word a noun: "those reports". */
static const char *const noun_markers[] = {
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "this", "those", "your",
};

/* Cue forms in -s that are also plural nouns ("her angry tweets"). */
static const char *const cue_plurals[] = {
    "calls", "claims", "comments", "demands", "notes", "pledges", "promises", "reports", "states",
    "tweets", "vows",
};

/* Writings and pages that "state" things: "the council's website states that" is
 * a verb behind an owner's noun, not "X's neighbouring states". Sorted. */
static const char *const stating_writings[] = {
    "charter", "document", "guidance", "handbook", "leaflet", "letter", "manual",
    "memo",    "notice",   "page",     "policy",   "report",  "site",   "website",
};
#define STATING_WRITINGS_N (sizeof stating_writings / sizeof *stating_writings)

/* True when token b is a lower-case word with a hyphen inside ("late-night"). */
static bool tok_hyphenated(const struct ingest_para *p, const struct ingest_tok *b)
{
    return (b->flags & INGEST_TOKF_LOWER) && memchr(p->s + b->start, '-', b->end - b->start);
}

static bool is_punct(const struct ingest_tok *t, uint32_t c);


/* Verbs of agreeing that report a commitment, not words, when a to-infinitive
 * follows ("the parties had agreed to meet again “...”"): the quotation then
 * belongs to whoever reports the agreement. Sorted. */
static const char *const commitment_verbs[] = {"agree", "agreed", "agrees"};

/* True when token i is a commitment verb right before "to". */
static bool commitment_verb(const struct ingest_para *p, size_t i)
{
    const struct ingest_tok *t = p->toks.v;
    return i + 1 < p->toks.n && t[i + 1].quote < 0 &&
           tok_in(p->s, &t[i], commitment_verbs, sizeof commitment_verbs / sizeof *commitment_verbs) &&
           ingest_tok_is(p->s, &t[i + 1], "to");
}

/* False when the cue word at token i reads as a noun (or "per" as a rate) here. */
static bool cue_verb_context(const struct ingest_para *p, size_t i, const struct cue *c)
{
    const struct ingest_tok *t = p->toks.v;
    if (c->kind == CUE_ACCORDING && ingest_tok_ieq(p->s, &t[i], "per")) {
        /* a source ("per the rulebook", "per Reuters", "per her lawyer"), not a
         * rate ("per cent", "$4 per gallon") */
        const struct ingest_tok *a = i + 1 < p->toks.n ? &t[i + 1] : NULL;
        return a && a->quote < 0 && a->kind == INGEST_TOK_WORD &&
               (tok_in(p->s, a, noun_markers, NOUN_MARKERS_N) ||
                ((a->flags & INGEST_TOKF_CAP) && !(a->flags & INGEST_TOKF_SENT_START)));
    }
    if (ingest_tok_is(p->s, &t[i], "states")) {
        /* mostly a noun ("in battleground states"): a verb only before "that",
         * a colon, or where a quotation or the sentence ends */
        const struct ingest_tok *a = i + 1 < p->toks.n ? &t[i + 1] : NULL;
        if (!a || (a->quote < 0 && !ingest_tok_is(p->s, a, "that") && !is_punct(a, ':') &&
                   !is_punct(a, '.') && !is_punct(a, ',')))
            return false;
    }
    if (ingest_tok_is(p->s, &t[i], "pressed") ||
        (ingest_tok_is(p->s, &t[i], "followed") && i + 1 < p->toks.n && ingest_tok_is(p->s, &t[i + 1], "up"))) {
        /* "pressed the lawyer on the numbers" reports a question without
         * its words: a cue only before a colon, also behind one object
         * pronoun ("Another reporter pressed her: “...”", "followed up:") */
        size_t j = ingest_tok_is(p->s, &t[i], "followed") ? i + 2 : i + 1;
        static const char *const objects[] = {"her", "him", "me", "them", "us"}; /* sorted */
        if (j < p->toks.n && t[j].quote < 0 && tok_in(p->s, &t[j], objects, sizeof objects / sizeof *objects))
            j++;
        if (j >= p->toks.n || t[j].quote >= 0 || !is_punct(&t[j], ':'))
            return false;
    }
    if ((ingest_tok_is(p->s, &t[i], "added") || ingest_tok_is(p->s, &t[i], "adds") ||
         ingest_tok_is(p->s, &t[i], "adding")) && i + 1 < p->toks.n && t[i + 1].quote < 0) {
        /* "the Government had added more than 1,100 beds", "adding 400 jobs":
         * a count or "more"/"another" after it is what was added, not words */
        static const char *const counts[] = {"about", "almost", "another", "extra", "more",
                                             "nearly", "some"}; /* sorted */
        if (t[i + 1].kind == INGEST_TOK_NUM || tok_in(p->s, &t[i + 1], counts, sizeof counts / sizeof *counts))
            return false;
    }
    if (commitment_verb(p, i))
        return false;
    if (i == 0)
        return true;
    const struct ingest_tok *b = &t[i - 1];
    /* "the creditors' claims": a plural owner's apostrophe makes a noun */
    if (i >= 2 && b->quote < 0 && (is_punct(b, '\'') || is_punct(b, 0x2019)) &&
        t[i - 2].kind == INGEST_TOK_WORD && t[i - 2].end == b->start &&
        p->s[t[i - 2].end - 1] == 's')
        return false;
    if (b->quote >= 0 || b->kind != INGEST_TOK_WORD)
        return true;

    if ((b->flags & INGEST_TOKF_POSS) || tok_in(p->s, b, noun_markers, NOUN_MARKERS_N))
        return false;
    /* "had intruded into waters it claims and that ...": a verb in a
     * relative clause without "that" (a noun, a subject pronoun, the verb)
     * whose object is the noun before it says nothing; the words after
     * "and" belong to the sentence's own cue */
    static const char *const rel_pronouns[] = {"he", "it", "she", "they", "we"}; /* sorted */
    static const char *const wh_words[] = {"than", "that", "what", "when", "where", "which",
                                           "while"}; /* sorted */
    if (c->kind == CUE_VERB && i >= 2 && i + 1 < p->toks.n && t[i + 1].quote < 0 &&
        (ingest_tok_is(p->s, &t[i + 1], "and") || is_punct(&t[i + 1], ',')) &&
        tok_in(p->s, b, rel_pronouns, sizeof rel_pronouns / sizeof *rel_pronouns) &&
        t[i - 2].quote < 0 && t[i - 2].kind == INGEST_TOK_WORD &&
        (t[i - 2].flags & INGEST_TOKF_LOWER) &&
        !tok_in(p->s, &t[i - 2], wh_words, sizeof wh_words / sizeof *wh_words) &&
        t[i - 2].end - t[i - 2].start > 3)
        return false;
    /* "said in a statement posted on its website", "... emailed to
     * reporters": a past participle of publishing or sending right after
     * the noun of "in/on a ..." describes that noun */
    static const char *const publish_participles[] = {"emailed", "posted"}; /* cues only; sorted */
    if (tok_in(p->s, &t[i], publish_participles,
               sizeof publish_participles / sizeof *publish_participles) &&
        i >= 3 && (b->flags & INGEST_TOKF_LOWER) && t[i - 2].quote < 0 && t[i - 3].quote < 0 &&
        (ingest_tok_ieq(p->s, &t[i - 2], "a") || ingest_tok_ieq(p->s, &t[i - 2], "an")) &&
        (ingest_tok_ieq(p->s, &t[i - 3], "in") || ingest_tok_ieq(p->s, &t[i - 3], "on")))
        return false;
    /* "a hurriedly called session": a participle behind an article and an
     * adverb describes the noun after it */
    size_t bl0 = b->end - b->start;
    if (i >= 2 && (b->flags & INGEST_TOKF_LOWER) && bl0 > 4 &&
        ingest_ascii_ieq(p->s + b->end - 2, 2, "ly") && t[i - 2].quote < 0 &&
        tok_in(p->s, &t[i - 2], noun_markers, NOUN_MARKERS_N))
        return false;
    /* a plural noun behind an adjective: "X's early-morning tweets", "a flurry
     * of angry tweets"; a verb's subject is no hyphenated word nor "of ..." */
    bool writing_states = ingest_tok_is(p->s, &t[i], "states") &&
                          tok_in(p->s, b, stating_writings, STATING_WRITINGS_N);
    if (tok_in(p->s, &t[i], cue_plurals, sizeof cue_plurals / sizeof *cue_plurals) &&
        !writing_states && (ingest_tok_is(p->s, b, "of") || tok_hyphenated(p, b) ||
         (i >= 2 && (b->flags & INGEST_TOKF_LOWER) && t[i - 2].quote < 0 &&
          t[i - 2].kind == INGEST_TOK_WORD &&
          ((t[i - 2].flags & INGEST_TOKF_POSS) || ingest_tok_is(p->s, &t[i - 2], "of")))))
        return false;
    /* "spent the morning fielding calls from food banks": the object of a
     * participle in -ing ("issuing demands", "making promises"); not a
     * pronoun in -thing ("nothing demands") */
    if (tok_in(p->s, &t[i], cue_plurals, sizeof cue_plurals / sizeof *cue_plurals) &&
        (b->flags & INGEST_TOKF_LOWER) && bl0 > 5 &&
        ingest_ascii_ieq(p->s + b->end - 3, 3, "ing") &&
        !ingest_ascii_ieq(p->s + b->end - 5, 5, "thing"))
        return false;
    /* "brushed off reports of tension", "denied claims that": the object
     * of a verb in the past tense or of its particle */
    static const char *const particles[] = {"aside", "away", "down", "off", "out", "up"}; /* sorted */
    if (tok_in(p->s, &t[i], cue_plurals, sizeof cue_plurals / sizeof *cue_plurals) &&
        (b->flags & INGEST_TOKF_LOWER) &&
        (tok_in(p->s, b, particles, sizeof particles / sizeof *particles) ||
         (bl0 > 4 && ingest_ascii_ieq(p->s + b->end - 2, 2, "ed"))))
        return false;
    size_t wl = t[i].end - t[i].start;
    if (c->kind != CUE_VERB || !ingest_word_in(cue_bases, CUE_BASES_N, p->s + t[i].start, wl))
        return true;
    /* a base form is a verb after a pronoun or modal ("they now call"), a plural
     * noun ("critics call") or two names joined ("Lopez and Reyes call") */
    for (size_t j = i; j > 0 && i - j < 3; j--) {
        const struct ingest_tok *x = &t[j - 1];
        if (x->quote >= 0 || x->kind != INGEST_TOK_WORD)
            return false;
        if (tok_in(p->s, x, base_subjects, BASE_SUBJECTS_N))
            return true;
    }
    size_t bl = b->end - b->start;
    if ((b->flags & (INGEST_TOKF_LOWER | INGEST_TOKF_SENT_START)) && !(b->flags & INGEST_TOKF_ALLCAPS) &&
        bl > 3 && p->s[b->end - 1] == 's' && p->s[b->end - 2] != 's')
        return true;
    return i >= 3 && (b->flags & INGEST_TOKF_CAP) && ingest_tok_is(p->s, &t[i - 2], "and");
}

/* Builds p->cue / p->cue_len: the cue starting at each token, -1 for none. */
static int cues_index(struct ingest_para *p, const struct cue_buckets *bk)
{
    free(p->cue);
    p->cue = NULL;
    if (p->toks.n == 0)
        return 0;
    p->cue = malloc(p->toks.n * sizeof *p->cue);
    if (!p->cue)
        return INGEST_ERR_NOMEM;
    for (size_t i = 0; i < p->toks.n; i++) {
        size_t len = 0;
        int c = cue_match(p, bk, i, &len);
        if (c >= 0 && !cue_verb_context(p, i, &cues[c]))
            c = -1;
        p->cue[i] = (int16_t)(c < 0 ? -1 : c | (int)(len << 10));
    }
    return 0;
}

/* The cue at token i (from the index) and its length in tokens, or NULL. */
static const struct cue *cue_at(const struct ingest_para *p, size_t i, size_t *len)
{
    if (!p->cue || i >= p->toks.n || p->cue[i] < 0)
        return NULL;
    *len = (size_t)(p->cue[i] >> 10);
    return &cues[p->cue[i] & 0x3FF];
}

const char *ingest_cue_is_at(const char *s, const struct ingest_toks *tk, size_t i, size_t *len)
{
    const struct ingest_tok *t = tk->v;
    if (i >= tk->n || t[i].kind != INGEST_TOK_WORD || t[i].quote >= 0)
        return NULL;
    if (i > 0 &&
        ((t[i - 1].flags & INGEST_TOKF_POSS) || tok_in(s, &t[i - 1], noun_markers, NOUN_MARKERS_N)))
        return NULL;
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++) {
        const char *w = cues[c].words;
        size_t k = i;
        bool ok = true;
        while (*w && ok) {
            const char *sp = strchr(w, ' ');
            size_t ln = sp ? (size_t)(sp - w) : strlen(w);
            ok = k < tk->n && t[k].kind == INGEST_TOK_WORD && t[k].quote < 0 &&
                 t[k].end - t[k].start == ln && !(t[k].flags & INGEST_TOKF_POSS);
            for (size_t q = 0; ok && q < ln; q++) {
                char a = s[t[k].start + q];
                if (a >= 'A' && a <= 'Z')
                    a = (char)(a + 32);
                ok = a == w[q];
            }
            k++;
            w += ln;
            if (*w == ' ')
                w++;
        }
        if (ok) {
            *len = k - i;
            return cues[c].words;
        }
    }
    return NULL;
}

/* ---- word classes --------------------------------------------------------------------- */


/* The word lists below are sorted (binary search); keep them so. */
#define TOK_IN(s, t, list) tok_in((s), (t), (list), sizeof(list) / sizeof *(list))

static const char *const determiners[] = {
    "a",     "an",    "another", "any",    "both",    "each", "every",    "few",
    "four",  "her",   "his",     "its",    "many",    "most", "multiple", "my",
    "no",    "one",   "other",   "our",    "senior",  "several", "some",  "that",
    "the",   "their", "these",   "this",   "those",   "three",   "top",   "two",
};
static const char *const pronouns_m[] = {"he"};
static const char *const pronouns_f[] = {"she"};
static const char *const pronouns_other[] = {
    "i", "it", "they", "we", "who", "you",
};
static const char *const clause_stops[] = {
    "after", "although", "and",   "as",    "because", "before", "but",    "if",    "once",
    "or",    "since",    "so",    "than",  "that",    "though", "unless", "until", "what",
    "when",  "where",    "whether", "which", "while", "who",    "whom",   "whose",
};
static const char *const aux_adverbs[] = {
    "again",      "already",    "also",       "always",      "angrily",   "are",     "been",
    "being",      "bluntly",    "can",        "could",       "did",       "do",      "does",
    "even",       "finally",    "first",      "flatly",      "further",   "had",     "has",
    "have",       "herself",    "himself",    "immediately", "initially", "is",      "itself",
    "just",       "later",      "may",        "might",       "never",     "not",     "often",
    "once",       "only",       "previously", "privately",   "publicly",  "quickly", "recently",
    "repeatedly", "reportedly", "separately", "should",      "simply",    "since",   "still",   "themselves",
    "then",       "was",        "were",       "will",        "would",     "yet",
};
static const char *const lead_drops[] = {
    "also", "and", "but",  "earlier",    "however", "indeed", "instead", "later", "meanwhile",
    "now",  "or",  "plus", "separately", "so",      "still",  "then",    "thus",  "yet",
};
static const char *const function_words[] = {
    "a",       "about",  "across", "after",   "again", "against", "all",    "also",    "although",
    "amid",    "among",  "an",     "and",     "are",   "around",  "as",     "at",      "be",
    "because", "before", "behind", "between", "both",  "but",     "by",     "can",     "could",
    "despite", "did",    "do",     "does",    "down",  "during",  "either", "even",    "for",
    "from",    "had",    "has",    "have",    "he",    "her",     "here",   "his",     "how",
    "i",       "if",     "in",     "into",    "is",    "it",      "its",    "just",    "like",
    "may",     "might",  "must",   "neither", "nor",   "not",     "now",    "of",      "off",
    "on",      "once",   "only",   "or",      "our",   "out",     "over",   "per",     "said",
    "says",    "she",    "should", "since",   "so",    "than",    "that",   "the",     "their",
    "then",    "there",  "these",  "they",    "this",  "those",   "though", "through", "throughout",
    "to",      "too",    "toward", "towards", "under", "unless",  "unlike", "until",   "up",
    "upon",    "via",    "was",    "we",      "were",  "what",    "when",   "where",   "whereas",
    "whether", "which",  "while",  "who",     "why",   "will",    "with",   "within",  "without",
    "would",   "yet",
};
static const char *const prepositions[] = {
    "about", "after",  "among", "at", "before", "behind", "by",    "during", "for",    "from",
    "in",    "inside", "near",  "of", "on",     "to",     "under", "with",   "within", "without",
};

/* Words that open a description of a group: "several environmental groups". */
static const char *const group_quantifiers[] = {
    "both", "few", "many", "most", "several", "some",
};

/* Prepositions that put a name in a place ("a hall in X"). */
static const char *const locatives[] = {"in", "inside", "near", "outside"};

static bool is_punct(const struct ingest_tok *t, uint32_t c)
{
    return t->kind == INGEST_TOK_PUNCT && t->ch == c;
}

static bool is_clause_punct(const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_PUNCT &&
           (t->ch == ',' || t->ch == ';' || t->ch == ':' || t->ch == '.' || t->ch == '!' ||
            t->ch == '?' || t->ch == '(' || t->ch == ')' || ingest_cp_is_dash(t->ch) ||
            t->ch == 0x2026);
}

static bool is_end_punct(const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_PUNCT &&
           (t->ch == '.' || t->ch == '!' || t->ch == '?' || t->ch == ';' || t->ch == 0x2026);
}

/* ---- subjects ------------------------------------------------------------------------ */

#define SUBJ_MAX 12   /* tokens in a subject phrase */
#define CUE_WINDOW 48 /* tokens searched around a quotation for its cue */
#define PRON_PARAS 3  /* paragraphs searched back for a pronoun's person */
#define ORG_NAME_PARAS 20 /* paragraphs searched back for a name holding "the district"'s noun */

struct subj {
    size_t a, b;  /* token range, b exclusive; a == b: none */
    bool inherit; /* no subject: take the previous cue's */
};

static bool tok_capital(const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD && (t->flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS));
}

static const char *const relatives[] = {
    "which",
    "who",
    "whose",
};
static const char *const possessives[] = {
    "her", "his", "its", "my", "our", "their", "your",
};

/* First of paragraph o's mentions (sorted by start) starting at or after
 * byte b, by binary search. */
static size_t para_mention_lower(const struct ingest_para *o, size_t b)
{
    size_t lo = 0, hi = o->n_m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->m[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Start byte of the entity mention of p that covers byte b, or SIZE_MAX. */
static size_t mention_start_at(const struct ingest_para *p, size_t b)
{
    size_t lo = para_mention_lower(p, b + 1); /* past the last starting at or before b */
    if (lo > 0 && p->m[lo - 1].start < b && b < p->m[lo - 1].end)
        return p->m[lo - 1].start;
    return SIZE_MAX;
}

/* True when one entity mention of p spans bytes [a, b). */
static bool mention_covers(const struct ingest_para *p, size_t a, size_t b)
{
    for (size_t i = 0; i < p->n_m; i++)
        if (p->m[i].start <= a && b <= p->m[i].end)
            return true;
    return false;
}

/* The noun phrase ending at token e (exclusive), walking back no further than lim:
 * it stops at quotations, clause punctuation, clause words ("that", "and") and
 * cues. *stop is the token it stopped at (or lim). */
static struct subj np_before(const struct ingest_para *p, size_t e, size_t lim, size_t *stop)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    struct subj r = {e, e, false};
    size_t a = e, steps = 0, dummy;
    while (a > lim && steps < SUBJ_MAX + 8) {
        const struct ingest_tok *x = &t[a - 1];
        if (x->quote >= 0)
            break;
        /* "Marlowe & Finch said": a mark inside a name (not a comma) is
         * part of it */
        if (x->kind == INGEST_TOK_PUNCT && x->ch != ',' && !is_clause_punct(x) &&
            mention_start_at(p, x->start) != SIZE_MAX && a < e) {
            a--;
            steps++;
            continue;
        }
        if (x->kind == INGEST_TOK_PUNCT && x->ch != '\'' && x->ch != 0x2019 && x->ch != '-')
            break;
        /* "KELBY -- X said": two hyphens are a typed dash, not a hyphen */
        if (is_punct(x, '-') && ((a >= 2 && is_punct(&t[a - 2], '-')) ||
                                 (a < p->toks.n && is_punct(&t[a], '-'))))
            break;
        if (TOK_IN(s, x, clause_stops) || cue_at(p, a - 1, &dummy)) {
            /* "Ministry of Science and Technology": a name is one piece */
            size_t ms = mention_start_at(p, x->start);
            if (ms == SIZE_MAX)
                break;
            while (a > lim && t[a - 1].start >= ms && steps < SUBJ_MAX + 8) {
                a--;
                steps++;
            }
            continue;
        }
        a--;
        steps++;
    }
    *stop = a > lim ? a - 1 : lim;
    /* apostrophes and hyphens are let in for "the Smiths' lawyer", but none
     * opens a noun phrase: "... to them,' said X", where the mark closed a
     * quotation the pairing missed, has no subject before the cue */
    while (a < e && (TOK_IN(s, &t[a], lead_drops) || t[a].kind == INGEST_TOK_PUNCT))
        a++;
    /* long: keep the trailing noun phrase (names, or from the last determiner) */
    if (e - a > SUBJ_MAX) {
        size_t z = e;
        if (tok_capital(&t[e - 1])) {
            while (z > a && (tok_capital(&t[z - 1]) || ingest_tok_is(s, &t[z - 1], "de") ||
                             ingest_tok_is(s, &t[z - 1], "van")))
                z--;
            a = z;
        } else {
            for (z = e; z > a && e - z < 8; z--)
                if (TOK_IN(s, &t[z - 1], determiners)) {
                    a = z - 1;
                    break;
                }
            if (e - a > SUBJ_MAX)
                a = e - 3;
        }
    }
    r.a = a;
    r.b = e;
    return r;
}

static const char *const name_particles[] = {
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von",
};

/* A lower-case word inside names: "de" in "Pieter de Vries". */
static bool is_name_particle(const struct ingest_para *p, const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD && (t->flags & INGEST_TOKF_LOWER) &&
           TOK_IN(p->s, t, name_particles);
}

/* A run of capitalised words (particles allowed inside): a name as written. */
static bool is_name_run(const struct ingest_para *p, size_t a, size_t b)
{
    if (b <= a || b - a > 6 || !tok_capital(&p->toks.v[a]))
        return false;
    for (size_t k = a; k < b; k++)
        if (!tok_capital(&p->toks.v[k]) && !is_name_particle(p, &p->toks.v[k]))
            return false;
    return true;
}

static bool role_noun_tok(const struct ingest_para *p, const struct ingest_tok *t);

/* A description rather than a name: "a spokesman", "its CEO", "the minister",
 * and an owner's role ("Niger's minister of agriculture", "Velora's chief
 * executive": a name's possessive, then a lower-case noun, also after a place:
 * "Velora's Ohio field director"). */
static bool is_description(const struct ingest_para *p, struct subj sj)
{
    const struct ingest_tok *t = p->toks.v;
    /* (the owner's name may be several words: "Sinn Féin's spokeswoman") */
    size_t o = sj.a;
    while (o + 1 < sj.b && o < sj.a + 3 && tok_capital(&t[o]) && !(t[o].flags & INGEST_TOKF_POSS))
        o++;
    /* (and the role may open with a place: "Marsh's Ohio state director") */
    size_t r = o + 1;
    while (r + 1 < sj.b && r < o + 3 && tok_capital(&t[r]))
        r++;
    if (o < sj.b && (t[o].flags & INGEST_TOKF_POSS) && tok_capital(&t[sj.a]) && r < sj.b &&
        (t[r].flags & INGEST_TOKF_LOWER) && (r == o + 1 || (t[sj.b - 1].flags & INGEST_TOKF_LOWER)))
        return true;
    /* "B.C.'s Minister of Emergency Management": an owner's role spelt as a
     * capitalised title, a role noun right after the possessive */
    if (o + 1 < sj.b && (t[o].flags & INGEST_TOKF_POSS) && tok_capital(&t[sj.a]) &&
        tok_capital(&t[o + 1]) && role_noun_tok(p, &t[o + 1]))
        return true;
    /* "Manitoba's Housing Minister": or its portfolio first, the role noun
     * last, all capitalised (at most three words after the possessive) */
    if (o + 1 < sj.b && sj.b - o <= 4 && (t[o].flags & INGEST_TOKF_POSS) && tok_capital(&t[sj.a]) &&
        role_noun_tok(p, &t[sj.b - 1])) {
        bool caps = true;
        for (size_t k = o + 1; k < sj.b && caps; k++)
            caps = tok_capital(&t[k]) && !(t[k].flags & INGEST_TOKF_POSS);
        if (caps)
            return true;
    }
    return sj.a < sj.b && (TOK_IN(p->s, &t[sj.a], determiners) ||
                           TOK_IN(p->s, &t[sj.a], possessives) ||
                           (t[sj.a].flags & INGEST_TOKF_LOWER));
}

/* Words that open a hometown aside: "of Ashton", "from Lyon". */
static const char *const aside_openers[] = {"from", "of"};

/* Institutions whose "X of Y" name may take a campus after a comma
 * ("University of Nevada, Reno"); sorted. */
static const char *const campus_heads[] = {"college", "institute", "university"};

/* A party tag between commas after a name: "R-Ky.", also with a place of two
 * or three words ("D-San Antonio", "R-Grand Junction"). Tokens [a, b). */
static bool party_tag_segment(const struct ingest_para *p, size_t a, size_t b)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    if (b <= a || b - a > 3 || t[a].kind != INGEST_TOK_WORD || t[a].end - t[a].start < 3 ||
        (s[t[a].start] != 'R' && s[t[a].start] != 'D' && s[t[a].start] != 'I') ||
        s[t[a].start + 1] != '-')
        return false;
    for (size_t j = a + 1; j < b; j++)
        if (t[j].kind != INGEST_TOK_WORD || !tok_capital(&t[j]) || t[j].quote >= 0)
            return false;
    return true;
}

/* An aside between commas after a name, which is not the subject: an age
 * ("59"), a party tag ("R-Ky."), a hometown ("of Ashton", "Md.") or a relative
 * clause ("who watched the vote"). Tokens [a, b). */
static bool aside_segment(const struct ingest_para *p, size_t a, size_t b)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    if (b - a == 1 && t[a].kind == INGEST_TOK_NUM)
        return true;
    if (TOK_IN(s, &t[a], relatives))
        return true;
    /* "A campaign official, asked whether ..., said": a participle of
     * questioning opens an aside on the subject, not a clause of its own */
    if ((t[a].flags & INGEST_TOKF_LOWER) &&
        (ingest_tok_is(s, &t[a], "asked") || ingest_tok_is(s, &t[a], "pressed") ||
         ingest_tok_is(s, &t[a], "questioned") || ingest_tok_is(s, &t[a], "reached")))
        return true;
    if (party_tag_segment(p, a, b))
        return true;
    /* "a professor at the University of Nevada, Reno, said": a campus after
     * "University of X" (campus_heads) belongs to the institution's name */
    if (a >= 4 && b - a <= 3 && is_punct(&t[a - 1], ',') && tok_capital(&t[a - 2]) &&
        ingest_tok_is(s, &t[a - 3], "of") && tok_capital(&t[a - 4]) && TOK_IN(s, &t[a - 4], campus_heads)) {
        bool caps = true;
        for (size_t j = a; j < b && caps; j++)
            caps = tok_capital(&t[j]) && t[j].quote < 0;
        /* (only inside an appositive after a comma: "The president of the
         * University of Oregon, Jane Alder, said" names the president) */
        size_t c = a - 4;
        while (c > 0 && a - c < 16 && !is_clause_punct(&t[c - 1]) && t[c - 1].quote < 0)
            c--;
        if (caps && c > 0 && is_punct(&t[c - 1], ','))
            return true;
    }
    /* "X, president of a union local in Lorain, Ohio, wrote": the region
     * after a town named after "in" is the town's, inside the appositive */
    if (a >= 3 && b - a <= 3 && is_punct(&t[a - 1], ',') && tok_capital(&t[a - 2]) &&
        t[a - 2].quote < 0) {
        bool caps = true;
        for (size_t j = a; j < b && caps; j++)
            caps = tok_capital(&t[j]) && t[j].quote < 0;
        size_t c = a - 2;
        while (c > 0 && a - 2 - c < 3 && tok_capital(&t[c - 1]) && t[c - 1].quote < 0)
            c--;
        /* (only inside an appositive between commas: "Its organiser in
         * Rustenburg, Ann Roe, said" names the organiser) */
        size_t d = c;
        while (d > 0 && c - d < 16 && !is_clause_punct(&t[d - 1]) && t[d - 1].quote < 0)
            d--;
        if (caps && c > 1 && ingest_tok_is(s, &t[c - 1], "in") &&
            (t[c - 2].flags & INGEST_TOKF_LOWER) && d > 0 && is_punct(&t[d - 1], ','))
            return true;
    }
    size_t k = a;
    if (TOK_IN(s, &t[k], aside_openers))
        k++;
    if (k == b || b - k > 4)
        return false;
    for (size_t j = k; j < b; j++)
        if (!tok_capital(&t[j]))
            return false;
    /* "of Ashton": any place name; without "of", only a state abbreviation */
    return k > a || (b - k <= 2 && (t[b - 1].flags & INGEST_TOKF_ABBR));
}

/* Tokens of a dash before token e ("—", or "--" typed as two hyphens): 0 when
 * there is none. */
static size_t dash_len_before(const struct ingest_para *p, size_t e, size_t lim)
{
    const struct ingest_tok *t = p->toks.v;
    if (e <= lim || t[e - 1].quote >= 0 || t[e - 1].kind != INGEST_TOK_PUNCT)
        return 0;
    if (t[e - 1].ch != '-')
        return ingest_cp_is_dash(t[e - 1].ch) ? 1 : 0;
    return e - 1 > lim && is_punct(&t[e - 2], '-') ? 2 : 0;
}

/* "X, the head of Y -- the yard that built Z -- told us": when token e
 * follows a dash that closes an aside, the token after the dash that opens it
 * (so the subject search sees "X, the chief of Y"); else e. */
static size_t dash_aside_skip(const struct ingest_para *p, size_t e, size_t lim)
{
    size_t dl = dash_len_before(p, e, lim);
    if (dl == 0)
        return e;
    for (size_t j = e - dl; j > lim && e - j < 40; j--) {
        if (p->toks.v[j - 1].quote >= 0 || is_end_punct(&p->toks.v[j - 1]))
            return e;
        size_t ol = dash_len_before(p, j, lim);
        if (ol > 0)
            return j - ol > lim ? j - ol : e;
    }
    return e;
}

/* Nouns for writings that speak for their authors: "The report found ...",
 * "The article opens with her motto: “...”". Sorted. */
static const char *const document_nouns[] = {
    "ad", "ads", "analysis", "article", "audit", "commentary", "complaint", "document", "editorial",
    "filing", "lawsuit", "letter", "memo", "memorandum", "motion", "petition", "piece", "poll",
    "presentation", "readout", "release", "report", "review", "ruling", "statement", "study", "submission",
    "suit", "survey",
};

/* "The party, in a statement signed by its secretary, Ann Roe, hailed":
 * an aside between commas that opens with "in" and a writing ("in a
 * statement", "in a letter to members") says how the subject spoke, and a
 * name in it (the signer) is not the subject; the body that issues the
 * writing speaks. Returns the token of the comma that opens the aside (the
 * nearest ", in a <writing>" before e, the comma before the verb, within 40
 * tokens and the sentence; the commas inside the aside, around the signer's
 * name, are part of it); SIZE_MAX when there is none. */
static size_t writing_aside_open(const struct ingest_para *p, size_t e, size_t lim)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    for (size_t j = e; j > lim + 2 && e - j < 40; j--) {
        const struct ingest_tok *w = &t[j - 1];
        if (w->quote >= 0 || is_end_punct(w) || is_punct(w, ':') || is_punct(w, ';'))
            return SIZE_MAX;
        if (!ingest_tok_is(s, w, "in") || !is_punct(&t[j - 2], ',') || j >= e ||
            !TOK_IN(s, &t[j], determiners))
            continue;
        for (size_t d = j + 1; d < e && d <= j + 3; d++)
            if (TOK_IN(s, &t[d], document_nouns) && (t[d].flags & INGEST_TOKF_LOWER))
                return j - 2;
        return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* "Paul Roe, the New York Democrat who has vowed": a definite description
 * in apposition to a name before its comma heads a relative clause for the
 * name; the name's tokens, else np unchanged. */
static struct subj appositive_name(const struct ingest_para *p, struct subj np, size_t lim)
{
    const struct ingest_tok *t = p->toks.v;
    size_t a = np.a;
    if (a > lim && ingest_tok_ieq(p->s, &t[a - 1], "the"))
        a--;
    if (a >= np.b || !ingest_tok_ieq(p->s, &t[a], "the") || a < lim + 2 || !is_punct(&t[a - 1], ',') ||
        t[a - 1].quote >= 0 || !tok_capital(&t[a - 2]) || t[a - 2].quote >= 0 ||
        mention_start_at(p, t[a - 2].end - 1) == SIZE_MAX)
        return np;
    size_t e = a - 1, b = e - 1;
    while (b > lim && e - b < 6 && tok_capital(&t[b - 1]) && t[b - 1].quote < 0 &&
           mention_covers(p, t[b - 1].start, t[e - 1].end))
        b--;
    if (!mention_covers(p, t[b].start, t[e - 1].end))
        return np;
    return (struct subj){b, e, false};
}

/* Indefinite determiners (sorted). */
static const char *const indefinites[] = {"a", "an", "another", "one"};

/* The name a relative pronoun at token w stands for ("Ann Roe, who ..."):
 * the capitalised words right before it (and its comma); false when none. */
static bool relative_antecedent(const struct ingest_para *p, size_t w, size_t lim,
                                struct subj *out)
{
    const struct ingest_tok *t = p->toks.v;
    if (w <= lim || !TOK_IN(p->s, &t[w], relatives))
        return false;
    size_t b = w;
    if (is_punct(&t[b - 1], ',') && b - 1 > lim)
        b--;
    /* "Sen. Ann Roe (D-Ore.), who ...": step over a short parenthesis */
    if (b - 1 > lim && is_punct(&t[b - 1], ')'))
        for (size_t c = b - 1; c > lim && b - c < 8; c--)
            if (is_punct(&t[c - 1], '(')) {
                b = c - 1;
                break;
            }
    size_t a = b;
    while (a > lim && b - a < 6 && tok_capital(&t[a - 1]) && t[a - 1].quote < 0)
        a--;
    if (a < b && b < w) {
        /* "X, executive director of the nonprofit Y Housing, who called":
         * a name that is the object of the appositive's preposition is
         * where X works; the pronoun means the person the appositive
         * describes */
        size_t c = a;
        while (c > lim && a - c < 4 && (t[c - 1].flags & INGEST_TOKF_LOWER) &&
               !TOK_IN(p->s, &t[c - 1], prepositions) && t[c - 1].quote < 0)
            c--;
        /* "Rep. Ann Roe of Crane County, who said": a place after "of" right
         * behind a name (a mention that ends there) is where the person is
         * from; the pronoun means the person */
        size_t ms = c == a && c > lim + 1 && ingest_tok_is(p->s, &t[c - 1], "of")
                        ? mention_start_at(p, t[c - 2].end - 1)
                        : SIZE_MAX;
        for (size_t mi = 0; ms != SIZE_MAX && mi < p->n_m; mi++)
            if (p->m[mi].start == ms && p->m[mi].end == t[c - 2].end && !p->m[mi].in_quote) {
                size_t f = c - 2;
                while (f > lim && t[f - 1].start >= ms)
                    f--;
                *out = (struct subj){f, c - 1, false};
                return true;
            }
        if (c > lim && TOK_IN(p->s, &t[c - 1], prepositions)) {
            /* (an appositive up to 16 words: "X, a senior fellow at the Y
             * think tank in Z, who predicted") */
            size_t d = c - 1;
            while (d > lim && c - d < 16 && !is_clause_punct(&t[d - 1]) && t[d - 1].quote < 0)
                d--;
            if (d > lim + 1 && d < c - 1 && is_punct(&t[d - 1], ',') && tok_capital(&t[d - 2]) &&
                t[d - 2].quote < 0) {
                size_t e = d - 1, f = e;
                while (f > lim && e - f < 6 && tok_capital(&t[f - 1]) && t[f - 1].quote < 0)
                    f--;
                /* (a title before the name is outside its mention: "Dr X") */
                while (f + 1 < e && !mention_covers(p, t[f].start, t[e - 1].end))
                    f++;
                if (mention_covers(p, t[f].start, t[e - 1].end)) {
                    a = f;
                    b = e;
                }
            }
        }
    }
    if (a == b && b < w) {
        /* "McCoy, now the county's treasurer, who ...": past the appositive */
        size_t c = b;
        while (c > lim && b - c < 16 && !is_clause_punct(&t[c - 1]) && t[c - 1].quote < 0)
            c--;
        /* (past eight words only an indefinite description: "X, a
         * pharmacologist at Y called by the defence, who said") */
        if (b - c > 8 && !TOK_IN(p->s, &t[c], indefinites))
            c = b;
        if (c > lim + 1 && c < b && is_punct(&t[c - 1], ',')) {
            b = a = c - 1;
            while (a > lim && b - a < 6 && tok_capital(&t[a - 1]) && t[a - 1].quote < 0)
                a--;
        }
    }
    if (a == b && b < w && b > lim + 2 && TOK_IN(p->s, &t[b - 1], document_nouns)) {
        /* "X (AEMO) released its annual gas statement, which warned": a
         * writing that its author's verb put out speaks for the author */
        size_t d = b - 1;
        while (d > lim && b - d < 5 && (t[d - 1].flags & INGEST_TOKF_LOWER) &&
               !TOK_IN(p->s, &t[d - 1], noun_markers))
            d--;
        if (d > lim + 1 && TOK_IN(p->s, &t[d - 1], noun_markers) &&
            (t[d - 2].flags & INGEST_TOKF_LOWER) && t[d - 2].kind == INGEST_TOK_WORD &&
            !TOK_IN(p->s, &t[d - 2], prepositions) && !TOK_IN(p->s, &t[d - 2], function_words)) {
            size_t e = d - 2;
            if (e > lim + 1 && is_punct(&t[e - 1], ')'))
                for (size_t c = e - 1; c > lim && e - c < 8; c--)
                    if (is_punct(&t[c - 1], '(')) {
                        e = c - 1;
                        break;
                    }
            a = e;
            while (a > lim && e - a < 6 && tok_capital(&t[a - 1]) && t[a - 1].quote < 0)
                a--;
            if (a < e && mention_start_at(p, t[e - 1].end - 1) != SIZE_MAX) {
                *out = (struct subj){a, e, false};
                return true;
            }
        }
        return false;
    }
    if (a == b && b == w) {
        /* "Paul Roe, the majority leader who has vowed": a description in
         * apposition to a name heads the clause for the name */
        size_t c = b;
        while (c > lim && b - c < 6 && t[c - 1].kind == INGEST_TOK_WORD &&
               ((t[c - 1].flags & INGEST_TOKF_LOWER) || tok_capital(&t[c - 1])) &&
               t[c - 1].quote < 0 && !TOK_IN(p->s, &t[c - 1], function_words))
            c--;
        if (c < b && c > lim && ingest_tok_ieq(p->s, &t[c - 1], "the")) {
            struct subj np = {c, b, false}, nm = appositive_name(p, np, lim);
            if (nm.a != np.a) {
                *out = nm;
                return true;
            }
        }
        /* "the witness, a former security supervisor who testified that
         * ...": an indefinite description in apposition right before the
         * pronoun is whom it stands for, as written (not the sentence's
         * subject) */
        if (c < b && c > lim + 1 && TOK_IN(p->s, &t[c - 1], indefinites) &&
            is_punct(&t[c - 2], ',') && (t[b - 1].flags & INGEST_TOKF_LOWER)) {
            *out = (struct subj){c - 1, b, false};
            return true;
        }
    }
    if (a == b)
        return false;
    /* "a letter she and 14 others sent the agency in October, which
     * warned": a month or a day is no one who speaks */
    static const char *const calendar_words[] = {
        "april",  "august",  "december", "february", "friday",   "january",  "july",
        "june",   "monday",  "november", "october",  "saturday", "september", "sunday",
        "thursday", "tuesday", "wednesday",
    }; /* sorted */
    if (b == a + 1 && TOK_IN(p->s, &t[a], calendar_words))
        return false;
    /* "at odds with the Taoiseach, who has described": one capitalised
     * word behind "the" that names no entity is a role, kept with its
     * article so it resolves as a description */
    if (b == a + 1 && a > lim && ingest_tok_ieq(p->s, &t[a - 1], "the") &&
        !mention_covers(p, t[a].start, t[a].end)) {
        *out = (struct subj){a - 1, b, false};
        return true;
    }
    *out = appositive_name(p, (struct subj){a, b, false}, lim);
    return true;
}

/* The name that a long appositive ending before token j belongs to
 * ("Ann Roe, a former commissioner who ... through her firm"): the name run
 * before the first comma found going back (at most 40 tokens, in one
 * sentence, outside quotations) when it opens its clause; empty when none. */
static struct subj appositive_head(const struct ingest_para *p, size_t j, size_t lim)
{
    const struct ingest_tok *t = p->toks.v;
    struct subj none = {j, j, false};
    size_t c = j;
    while (c > lim && j - c < 40 && t[c - 1].quote < 0 && !is_clause_punct(&t[c - 1]))
        c--;
    if (c <= lim + 1 || !is_punct(&t[c - 1], ',') || c == j)
        return none;
    size_t b = c - 1, a = b;
    while (a > lim && b - a < 6 && t[a - 1].quote < 0 &&
           (tok_capital(&t[a - 1]) || is_name_particle(p, &t[a - 1])))
        a--;
    if (!is_name_run(p, a, b) || (a > lim && !is_clause_punct(&t[a - 1])))
        return none;
    return (struct subj){a, b, false};
}

/* Words that open an adverbial before the subject: "In recent weeks, X ...". */
static const char *const clause_openers[] = {
    "across", "addressing", "after", "although", "amid", "appearing", "around", "as", "asked",
    "at", "because", "before", "behind", "beyond", "by", "campaigning", "despite", "during",
    "following", "for", "from", "if", "in", "inside", "last", "near", "next", "on", "once",
    "outside", "pressed", "reacting", "responding", "since", "speaking", "talking",
    "testifying", "this", "though", "throughout", "to", "toward", "towards", "under", "until",
    "visiting", "when", "while", "with", "within", "without",
};

/* Subject to the left of the cue at token k, not crossing token lim. Handles
 * "X, a spokesman for Y, said", "its CEO, X, said", "an official who asked not to
 * be named said", and marks "he said, adding" / "... and argued" as inheriting. */
/* A noun phrase np_before found right after a relative pronoun at stop that
 * opens a verb phrase ("One strategist who has advised the campaign, speaking
 * ..., put it"): the phrase before the pronoun, with its appositive name;
 * otherwise np itself. */
static struct subj np_no_relative(const struct ingest_para *p, struct subj np, size_t stop,
                                  size_t lim)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    if (np.a == np.b || stop <= lim || stop + 1 != np.a || !TOK_IN(s, &t[stop], relatives) ||
        !(t[np.a].flags & INGEST_TOKF_LOWER) || TOK_IN(s, &t[np.a], pronouns_m) ||
        TOK_IN(s, &t[np.a], pronouns_f) || TOK_IN(s, &t[np.a], pronouns_other))
        return np;
    /* "documents in which the company's head of strategy, X, described":
     * after a preposition the pronoun is no subject; the phrase after it is */
    if (stop > lim && TOK_IN(s, &t[stop - 1], prepositions) && TOK_IN(s, &t[np.a], determiners))
        return np;
    size_t stop2;
    struct subj head = np_before(p, stop, lim, &stop2);
    if (head.a < head.b && (TOK_IN(s, &t[head.a], determiners) || tok_capital(&t[head.a])))
        return appositive_name(p, head, lim);
    return np;
}

/* Nouns of public bodies and institutions that stand for an organisation only
 * when its name holds them: "the district said" after "the Cedar Hollow School
 * District", "the department" after "the Department of Labor" (sorted). */
static const char *const institution_nouns[] = {
    "academy",  "board",   "church",     "city",
    "coalition", "college",       "command",   "committee", "county",   "court",      "department",
    "district", "foundation",     "hospital",  "institute", "league",    "museum",
    "office",   "organization",   "party",     "school",   "tribunal",   "trust",
    "university",
};

static bool anon_clause(const struct ingest_para *p, size_t a, size_t b);

static struct subj subject_left(const struct ingest_para *p, size_t k, size_t lim)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    struct subj r = {k, k, false}, none = {k, k, false};
    size_t e = k, stop, dummy;
    while (e > lim && TOK_IN(s, &t[e - 1], aux_adverbs) && k - e < 4)
        e--;
    while (e > lim && t[e - 1].kind == INGEST_TOK_WORD && (t[e - 1].flags & INGEST_TOKF_LOWER) &&
           t[e - 1].end - t[e - 1].start > 4 && ingest_ascii_ieq(s + t[e - 1].end - 2, 2, "ly") &&
           k - e < 4)
        e--;
    /* "Sen. Ann Roe (R-Texas) said": step over a short parenthesis */
    if (e > lim + 1 && is_punct(&t[e - 1], ')')) {
        size_t o = e - 1;
        while (o > lim && e - o < 10 && !is_punct(&t[o - 1], '(') && t[o - 1].quote < 0)
            o--;
        if (o > lim + 1 && is_punct(&t[o - 1], '(') && e - o < 10)
            e = o - 1;
    }
    if (e == lim || t[e - 1].quote >= 0)
        return none;
    size_t e_dash = dash_aside_skip(p, e, lim);
    if (e_dash != e) {
        /* "X, the chief of Y -- ... -- told": the name before the appositive */
        e = e_dash;
        struct subj d = np_before(p, e, lim, &stop);
        if (d.a < d.b && is_description(p, d) && d.a > lim + 1 && is_punct(&t[d.a - 1], ',')) {
            size_t b = d.a - 1, a = b;
            while (a > lim && b - a < 6 && t[a - 1].quote < 0 &&
                   (tok_capital(&t[a - 1]) || is_name_particle(p, &t[a - 1])))
                a--;
            if (is_name_run(p, a, b))
                return (struct subj){a, b, false};
        }
    }
    if (is_punct(&t[e - 1], ',') && e - 1 > lim + 2) {
        /* "The lawsuit, filed ... by X on behalf of Y's mother, Ann Roe,
         * alleges": a writing that opens the clause, its aside set off by
         * commas, is the subject, not a name inside the aside */
        size_t h = lim + 1;
        while (h < lim + 3 && h < e && (t[h].flags & INGEST_TOKF_LOWER) &&
               !TOK_IN(s, &t[h], document_nouns))
            h++;
        if ((ingest_tok_ieq(s, &t[lim], "the") || ingest_tok_ieq(s, &t[lim], "a")) &&
            h + 1 < e - 1 && TOK_IN(s, &t[h], document_nouns) && (t[h].flags & INGEST_TOKF_LOWER) &&
            is_punct(&t[h + 1], ',') && e - h < 40) {
            bool plain = true;
            for (size_t j = h + 1; j < e && plain; j++)
                plain = t[j].quote < 0 && !is_end_punct(&t[j]);
            if (plain)
                return (struct subj){lim, h + 1, false};
        }
    }
    if (is_punct(&t[e - 1], ',')) {
        size_t wa = writing_aside_open(p, e - 1, lim);
        if (wa != SIZE_MAX && wa > lim) {
            struct subj np = np_before(p, wa, lim, &stop);
            np = np_no_relative(p, np, stop, lim);
            if (np.a < np.b && (np.a == lim || is_clause_punct(&t[np.a - 1]) ||
                                (t[np.a].flags & INGEST_TOKF_SENT_START)))
                return np;
        }
    }
    if (is_punct(&t[e - 1], ',')) {
        /* "X, 67, of Brayford, Neb., who waited, said", "X, R-Ky., said": step
         * over the asides between commas back to the name */
        size_t hop = e - 1;
        int hops = 0;
        for (; hops < 6; hops++) {
            size_t x = hop;
            while (x > lim && hop - x < 20 && !is_clause_punct(&t[x - 1]) && t[x - 1].quote < 0)
                x--;
            if (x == hop || x <= lim || !is_punct(&t[x - 1], ',') || !aside_segment(p, x, hop))
                break;
            hop = x - 1;
        }
        if (hops > 0) {
            size_t x = hop;
            while (x > lim && hop - x < 20 && !is_clause_punct(&t[x - 1]) && t[x - 1].quote < 0)
                x--;
            if (x <= lim || !is_punct(&t[x - 1], ',')) {
                /* "Sen. Ann Roe (D-Ore.), who sponsors the bill, wrote" */
                size_t hb = hop;
                if (hb > lim + 1 && is_punct(&t[hb - 1], ')'))
                    for (size_t o = hb - 1; o > lim && hb - o < 10; o--)
                        if (is_punct(&t[o - 1], '(')) {
                            hb = o - 1;
                            break;
                        }
                struct subj h = np_before(p, hb, lim, &stop);
                return np_no_relative(p, h, stop, lim);
            }
            /* "In Marseille, where ..., retired docker Jo Roe, 68, said": after an
             * opening phrase, a description and the name it heads are the subject */
            struct subj d = np_before(p, hop, lim, &stop);
            size_t z = hop;
            while (z > x && hop - z < 6 && tok_capital(&t[z - 1]))
                z--;
            bool desc = d.a == x && z > x && z < hop;
            for (size_t w = x; desc && w < z; w++)
                desc = t[w].kind == INGEST_TOK_WORD && (t[w].flags & INGEST_TOKF_LOWER) &&
                       (!TOK_IN(s, &t[w], function_words) ||
                        (w == x && TOK_IN(s, &t[w], determiners)));
            if (desc && mention_covers(p, t[z].start, t[hop - 1].end))
                return (struct subj){z, hop, false};
            e = hop + 1;
        }
    }
    if (is_punct(&t[e - 1], ',')) {
        size_t c1 = e - 1, steps = 0;
        /* "..., Councillor Jo Roe (Ind.), said": the parenthesis belongs to the name */
        if (c1 > lim + 1 && is_punct(&t[c1 - 1], ')')) {
            size_t o = c1 - 1;
            while (o > lim && c1 - o < 10 && !is_punct(&t[o - 1], '(') && t[o - 1].quote < 0)
                o--;
            if (o > lim + 1 && is_punct(&t[o - 1], '('))
                c1 = o - 1;
        }
        size_t x = c1;
        bool has_cue = false;
        while (x > lim && steps < SUBJ_MAX + 8 && !is_clause_punct(&t[x - 1]) &&
               t[x - 1].quote < 0) {
            has_cue = has_cue || cue_at(p, x - 1, &dummy) != NULL;
            x--;
            steps++;
        }
        bool relative = x < c1 && TOK_IN(s, &t[x], relatives);
        /* "Rep. X (R-Fla.), one of the Republicans Axios is told are
         * undecided, posted": a lower-case appositive after a name that opens
         * the clause is no "he said, adding", whatever verb it holds */
        if (has_cue && !relative && x < c1 && x > lim + 1 && (t[x].flags & INGEST_TOKF_LOWER) &&
            is_punct(&t[x - 1], ',')) {
            size_t hb = x - 1;
            if (hb > lim + 1 && is_punct(&t[hb - 1], ')'))
                for (size_t o = hb - 1; o > lim && hb - o < 10; o--)
                    if (is_punct(&t[o - 1], '(')) {
                        hb = o - 1;
                        break;
                    }
            size_t ha = hb;
            while (ha > lim && hb - ha < 6 && t[ha - 1].quote < 0 &&
                   (tok_capital(&t[ha - 1]) || is_name_particle(p, &t[ha - 1])))
                ha--;
            if (is_name_run(p, ha, hb) && (ha == lim || is_clause_punct(&t[ha - 1])) &&
                mention_covers(p, t[hb - 1].start, t[hb - 1].end))
                has_cue = false;
        }
        if (has_cue && !relative) {
            r.inherit = true; /* "he said, adding" */
            return r;
        }
        if (x < c1 && x > lim && is_punct(&t[x - 1], ',')) {
            struct subj seg = {x, c1, false};
            /* "Rep. Jane Roe (D-Ohio), a member, said": step over the parenthesis */
            size_t ce = x - 1;
            if (ce > lim + 1 && is_punct(&t[ce - 1], ')')) {
                size_t o = ce - 1;
                while (o > lim && ce - o < 10 && !is_punct(&t[o - 1], '(') && t[o - 1].quote < 0)
                    o--;
                if (o > lim + 1 && is_punct(&t[o - 1], '('))
                    ce = o - 1;
            }
            /* "Sen. Jo Roe, D-San Antonio, vice chair of X, said": and over a
             * party tag between commas */
            for (size_t o = ce; o > lim + 1 && ce - o < 4; o--)
                if (is_punct(&t[o - 1], ',')) {
                    if (o < ce && party_tag_segment(p, o, ce))
                        ce = o - 1;
                    break;
                }
            struct subj np = np_before(p, ce, lim, &stop);
            np = np_no_relative(p, np, stop, lim);
            /* "Luz Marina Cárdenas, 52, a cleaner ..., put it": skip the age */
            if (np.b - np.a == 1 && t[np.a].kind == INGEST_TOK_NUM && np.a > lim + 1 &&
                is_punct(&t[np.a - 1], ','))
                np = np_before(p, np.a - 1, lim, &stop);
            /* "Ann Roe, a former commissioner who advised clients through her
             * firm, Bitterroot Strategies, told": a firm's name in apposition
             * to an organisation noun closes the person's appositive */
            if (is_name_run(p, seg.a, seg.b) && np.a < np.b &&
                ingest_org_noun(s + t[np.b - 1].start, t[np.b - 1].end - t[np.b - 1].start)) {
                struct subj head = appositive_head(p, np.a, lim);
                if (head.a < head.b)
                    return head;
            }
            /* "The deputy leader and Green Party spokesman, X, said": two
             * roles joined by "and" behind one determiner are a description */
            bool coord_desc = false;
            if (np.a < np.b && np.a > lim + 1 && ingest_tok_ieq(s, &t[np.a - 1], "and")) {
                size_t w = np.a - 1;
                while (w > lim && np.a - w < 5 && t[w - 1].kind == INGEST_TOK_WORD &&
                       t[w - 1].quote < 0 && !TOK_IN(s, &t[w - 1], determiners) &&
                       !TOK_IN(s, &t[w - 1], function_words))
                    w--;
                coord_desc = w > lim && w + 1 < np.a && TOK_IN(s, &t[w - 1], determiners) &&
                             (w - 1 == lim || is_clause_punct(&t[w - 2]) ||
                              (t[w - 1].flags & INGEST_TOKF_SENT_START));
            }
            if (is_name_run(p, seg.a, seg.b) &&
                (np.a == np.b || is_description(p, np) || coord_desc))
                return seg; /* "its CEO, Ruud Verhoeven, said" */
            /* "Lorland's shipping regulator, the Maritime Authority, urged":
             * an organisation's name keeps its article in apposition */
            if (seg.b - seg.a >= 2 && ingest_tok_ieq(s, &t[seg.a], "the") && np.a < np.b &&
                is_description(p, np) && is_name_run(p, seg.a + 1, seg.b) &&
                mention_covers(p, t[seg.a + 1].start, t[seg.b - 1].end))
                return (struct subj){seg.a + 1, seg.b, false};
            /* "Addressing a rally in X on Monday, Roe, who ..., said": a
             * name after an opening adverbial up to the first comma */
            if (is_name_run(p, seg.a, seg.b) && np.a < np.b &&
                mention_covers(p, t[seg.a].start, t[seg.b - 1].end)) {
                size_t ca = np.a;
                while (ca > lim && np.a - ca < 24 && !is_clause_punct(&t[ca - 1]) &&
                       t[ca - 1].quote < 0)
                    ca--;
                if ((ca == lim || (t[ca].flags & INGEST_TOKF_SENT_START)) && ca + 1 < np.b &&
                    TOK_IN(s, &t[ca], clause_openers) && !is_name_run(p, np.a, np.b))
                    return seg;
            }
            /* "Her likely opponent, former federal prosecutor Luis Carranza,
             * has": the name that ends the appositive */
            if (np.a < np.b && is_description(p, np)) {
                size_t z = seg.b;
                while (z > seg.a && seg.b - z < 6 && tok_capital(&t[z - 1]))
                    z--;
                /* (an outlet or party may open the title: "the moderator,
                 * WKMT anchor Dan Roe,", "the chair, Labor senator Ann Roe,") */
                size_t w0 = seg.a;
                while (w0 + 1 < z && w0 - seg.a < 3 && t[w0].kind == INGEST_TOK_WORD &&
                       tok_capital(&t[w0]) && !(t[w0].flags & INGEST_TOKF_POSS))
                    w0++;
                bool desc = z > w0 && z < seg.b;
                for (size_t w = w0; desc && w < z; w++)
                    desc = t[w].kind == INGEST_TOK_WORD && (t[w].flags & INGEST_TOKF_LOWER) &&
                           !TOK_IN(s, &t[w], function_words);
                /* (titles before the name: "state Attorney General X") */
                size_t zn = z;
                while (desc && zn + 1 < seg.b && zn < z + 3 &&
                       !mention_covers(p, t[zn].start, t[seg.b - 1].end))
                    zn++;
                if (desc && mention_covers(p, t[zn].start, t[seg.b - 1].end))
                    return (struct subj){z, seg.b, false};
                /* "Japan's top currency diplomat, Vice Finance Minister for
                 * International Affairs Shiro Nakadai, told": a long
                 * capitalised title, then the name that ends the appositive */
                size_t ms = mention_start_at(p, t[seg.b - 1].end - 1);
                if (!desc && ms != SIZE_MAX && ms > t[seg.a].start && tok_capital(&t[seg.a])) {
                    size_t na = seg.b - 1;
                    while (na > seg.a && t[na - 1].start >= ms)
                        na--;
                    if (t[na].start == ms && na > seg.a && tok_capital(&t[na - 1]))
                        return (struct subj){na, seg.b, false};
                }
            }
            /* "X's attorney, Ann Roe of the firm Roe & Lee, wrote": the name
             * before its affiliation */
            size_t z = seg.a;
            while (z < seg.b && z - seg.a < 6 && tok_capital(&t[z]))
                z++;
            /* (titles before the name are outside its mention: "Dr. Ann Roe of X") */
            size_t zm = z > seg.a ? mention_start_at(p, t[z - 1].end - 1) : SIZE_MAX;
            if (z > seg.a && z < seg.b && TOK_IN(s, &t[z], aside_openers) &&
                is_name_run(p, seg.a, z) && np.a < np.b && is_description(p, np) &&
                zm != SIZE_MAX && zm >= t[seg.a].start)
                return (struct subj){seg.a, z, false};
            /* "Ann Roe, the president of X, a group that ..., said": two
             * descriptions in a row; the name before the first opens the clause */
            if (!is_name_run(p, seg.a, seg.b) && np.a < np.b && is_description(p, np) &&
                np.a > lim + 1 && is_punct(&t[np.a - 1], ',')) {
                size_t hb = np.a - 1, ha = hb;
                while (ha > lim && hb - ha < 6 && t[ha - 1].quote < 0 &&
                       (tok_capital(&t[ha - 1]) || is_name_particle(p, &t[ha - 1])))
                    ha--;
                if (is_name_run(p, ha, hb) && (ha == lim || is_clause_punct(&t[ha - 1])) &&
                    mention_covers(p, t[ha].start, t[hb - 1].end))
                    return (struct subj){ha, hb, false};
            }
            /* "After the hearing, a senior official, who ..., said": the phrase
             * before the first comma is an opening adverbial (a preposition
             * opens the sentence), so the description is the subject */
            if (np.a < np.b && seg.b - seg.a >= 2 && TOK_IN(s, &t[seg.a], determiners) &&
                (t[seg.b - 1].flags & INGEST_TOKF_LOWER)) {
                size_t ca = np.a;
                while (ca > lim && np.a - ca < SUBJ_MAX && !is_clause_punct(&t[ca - 1]) &&
                       t[ca - 1].quote < 0)
                    ca--;
                if ((ca == lim || (t[ca].flags & INGEST_TOKF_SENT_START)) &&
                    TOK_IN(s, &t[ca], prepositions) && !is_name_run(p, np.a, np.b))
                    return seg;
            }
            if (np.a < np.b)
                return np; /* "Pieter de Vries, a spokesman for the port, said" */
            if (is_name_run(p, seg.a, seg.b))
                return seg;
        }
        return none;
    }
    r = np_before(p, e, lim, &stop);
    /* "The United Democratic Alliance (UDA) party said": a name, its
     * abbreviation in brackets, then its lower-case noun */
    if (r.b == r.a + 1 && r.a > lim + 4 && (t[r.a].flags & INGEST_TOKF_LOWER) &&
        is_punct(&t[r.a - 1], ')') &&
        (ingest_org_noun(s + t[r.a].start, t[r.a].end - t[r.a].start) ||
         TOK_IN(s, &t[r.a], institution_nouns))) {
        size_t o = r.a - 1;
        while (o > lim && r.a - o < 4 && !is_punct(&t[o - 1], '('))
            o--;
        if (o > lim + 1 && is_punct(&t[o - 1], '(') && tok_capital(&t[o - 2]) &&
            t[o - 2].quote < 0 && mention_start_at(p, t[o - 2].end - 1) != SIZE_MAX) {
            size_t ms = mention_start_at(p, t[o - 2].end - 1), a = o - 2;
            while (a > lim && t[a].start > ms)
                a--;
            if (t[a].start == ms) {
                r.a = a; /* the name, as the speaker's words */
                r.b = o - 1;
            }
        }
    }
    if (r.a == r.b) {
        if (stop < e && (ingest_tok_ieq(s, &t[stop], "and") || ingest_tok_ieq(s, &t[stop], "but") ||
                         cue_at(p, stop, &dummy)))
            r.inherit = true; /* "... and argued", "... but said" */
        /* "Miriam Sato, who joked" / "the Harbour Board which reported":
         * the relative pronoun stands for the name before it */
        struct subj ante;
        if (stop < e && relative_antecedent(p, stop, lim, &ante))
            return ante;
        return r;
    }
    /* "X, who in 2019 told": a short adverbial between the relative pronoun
     * and the verb leaves the pronoun the subject */
    if (TOK_IN(s, &t[r.a], prepositions) && r.b - r.a <= 3 && stop + 1 == r.a) {
        struct subj ante;
        if (relative_antecedent(p, stop, lim, &ante))
            return ante;
    }
    /* "In an interview with the station last week he blasted": a subject
     * pronoun right before the verb is the subject, whatever precedes it */
    if (r.b - r.a > 1 && (TOK_IN(s, &t[r.b - 1], pronouns_m) || TOK_IN(s, &t[r.b - 1], pronouns_f) ||
                          ingest_tok_ieq(s, &t[r.b - 1], "they"))) {
        r.a = r.b - 1;
        return r;
    }
    if (TOK_IN(s, &t[r.a], prepositions)) {
        /* "in a decision some members described as": a quantified group
         * right before the verb opens a clause of its own */
        if (r.b - r.a >= 3 && (t[r.b - 1].flags & INGEST_TOKF_LOWER) &&
            TOK_IN(s, &t[r.b - 2], group_quantifiers)) {
            r.a = r.b - 2;
            return r;
        }
        /* "In an interview Jensen declared": the name; "of Republican claims": none */
        if (!tok_capital(&t[r.b - 1]) || r.b - r.a < 2)
            return none;
        size_t z = r.b;
        while (z > r.a + 1 && tok_capital(&t[z - 1]))
            z--;
        r.a = z;
        if (!mention_covers(p, t[r.a].start, t[r.b - 1].end))
            return none;
        return r;
    }
    /* "an evaluation commissioned by X and published this month described" */
    if (stop > lim && stop < r.a &&
        (ingest_tok_ieq(s, &t[stop], "and") || ingest_tok_ieq(s, &t[stop], "or")) &&
        (t[r.a].flags & INGEST_TOKF_LOWER) && !TOK_IN(s, &t[r.a], determiners) &&
        !TOK_IN(s, &t[r.a], possessives)) {
        size_t stop2;
        struct subj np = np_before(p, stop, lim, &stop2);
        if (np.a < np.b && r.b - np.a <= SUBJ_MAX + 4 &&
            (TOK_IN(s, &t[np.a], determiners) || tok_capital(&t[np.a]))) {
            r.a = np.a;
            return r;
        }
    }
    /* "a memo in which the company's strategy chief described": after a
     * preposition the pronoun opens a clause whose subject is the phrase */
    if (stop > lim + 1 && stop + 1 == r.a && TOK_IN(s, &t[stop], relatives) &&
        TOK_IN(s, &t[stop - 1], prepositions) &&
        (TOK_IN(s, &t[r.a], determiners) ||
         (r.b == r.a + 1 && (t[r.a].flags & INGEST_TOKF_LOWER) && t[r.a].end - t[r.a].start > 3 &&
          s[t[r.a].end - 1] == 's'))) /* ("in which investigators described") */
        return r;
    /* "an official who asked not to be named said": the phrase before "who";
     * "One Labour MP who had worked with her on the bill said": an unnamed
     * source's clause that describes it, not why it is unnamed, is part of it */
    if (stop > lim && stop < r.a && TOK_IN(s, &t[stop], relatives) &&
        (t[r.a].flags & INGEST_TOKF_LOWER) && !TOK_IN(s, &t[r.a], pronouns_m) &&
        !TOK_IN(s, &t[r.a], pronouns_f) && !TOK_IN(s, &t[r.a], pronouns_other)) {
        size_t stop2;
        struct subj np = np_before(p, stop, lim, &stop2);
        if (np.a < np.b && TOK_IN(s, &t[np.a], indefinites) && stop == np.b &&
            ingest_tok_is(s, &t[stop], "who") && !anon_clause(p, stop, r.b))
            return (struct subj){np.a, r.b, false};
        if (np.a < np.b)
            return appositive_name(p, np, lim);
    }
    /* "a nurse who asked not to be named because she was ... said": the phrase
     * before the relative pronoun, when no punctuation intervenes ("to which
     * she said" keeps its pronoun) */
    bool pron = r.b - r.a == 1 &&
                (TOK_IN(s, &t[r.a], pronouns_m) || TOK_IN(s, &t[r.a], pronouns_f) ||
                 TOK_IN(s, &t[r.a], pronouns_other));
    for (size_t w = r.a, steps = 0; !pron && w > lim && steps < 2 * SUBJ_MAX; w--, steps++) {
        const struct ingest_tok *x = &t[w - 1];
        if (x->quote >= 0 || (x->kind == INGEST_TOK_PUNCT && x->ch != '\'' && x->ch != 0x2019))
            break;
        if (TOK_IN(s, x, relatives) && w - 1 > lim && t[w - 2].kind == INGEST_TOK_WORD) {
            /* "a meeting in which Lindqvist argued": a name right after the
             * relative pronoun is the relative clause's own subject */
            if (w == r.a && tok_capital(&t[r.a]) && mention_covers(p, t[r.a].start, t[r.b - 1].end))
                return r;
            size_t stop2;
            struct subj np = np_before(p, w - 1, lim, &stop2);
            if (np.a < np.b && (TOK_IN(s, &t[np.a], determiners) || tok_capital(&t[np.a])))
                return appositive_name(p, np, lim);
            break;
        }
    }
    if ((t[r.a].flags & INGEST_TOKF_LOWER) && !TOK_IN(s, &t[r.a], determiners) &&
        !TOK_IN(s, &t[r.a], possessives) && !TOK_IN(s, &t[r.a], pronouns_m) &&
        !TOK_IN(s, &t[r.a], pronouns_f) && !TOK_IN(s, &t[r.a], pronouns_other) && r.b - r.a > 3 &&
        !tok_capital(&t[r.b - 1]))
        return none; /* a verb phrase, not a subject */
    return r;
}

/* Words before a preposition that tell how an anonymous source knows
 * ("familiar with the talks", "briefed on the plan", "close to the mayor"), sorted. */
static const char *const source_links[] = {
    "briefed", "close", "familiar", "involved", "knowledgeable",
};

/* Nouns that head an anonymous source ("a Treasury source", "two people
 * briefed on the talks"), besides the role nouns; sorted. */
/* Cues by which an interviewer's words are put: "“...?” I asked." Sorted. */
static const char *const asking_cues[] = {"asked", "asks", "inquired", "pressed", "wondered"};

/* Words by which a line of dialogue speaks to the other one about the two of
 * them: second person ("you") and first ("me"). Sorted. */
static const char *const address_words[] = {"you", "your", "yourself"};
static const char *const self_words[] = {"i", "me", "my", "myself"};

/* Speech verbs that frame a quotation nested inside another one ("... once
 * told this country, ‘...’"). The cue index skips words inside quotations,
 * so the frame has its own short list. Sorted. */
static const char *const inner_cues[] = {"added", "asked", "declared", "replied", "said",
                                         "say",   "saying", "says", "tell", "telling",
                                         "tells", "told",   "writes", "writing", "wrote"};

static const char *const source_heads[] = {
    "adviser",    "advisers",   "agent",       "agents",    "aide",       "aides",
    "diplomat",   "diplomats",  "figure",      "figures",   "functionary", "insider",
    "insiders",   "lawmaker",
    "lawmakers",  "mep",        "meps",        "mla",       "mlas",       "mp",
    "mps",        "msp",        "msps",        "official",  "officials",  "operative",
    "operatives", "people",     "person",      "senator",   "senators",   "source",
    "sources",    "staffer",    "staffers",    "strategist", "strategists", "td",
    "tds",
};

/* Participles that open what a source was allowed or asked to do, not who
 * it is: "said a lawmaker granted anonymity to speak candidly". */
static const char *const anon_licences[] = {
    "allowed", "asking", "authorised", "authorized", "granted", "permitted", "requesting", "speaking",
};

/* Words of a relative clause that says why a source is unnamed ("who was
 * not authorized to speak publicly", "who asked not to be named"); sorted. */
static const char *const anon_clause_words[] = {
    "anonymity", "authorised", "authorized", "identified", "named", "permitted",
};

/* Whether tokens [a, b) of p hold one of anon_clause_words: a clause on why
 * the source is unnamed, which is no part of how it is described. */
static bool anon_clause(const struct ingest_para *p, size_t a, size_t b)
{
    for (size_t j = a; j < b && j < p->toks.n; j++)
        if (TOK_IN(p->s, &p->toks.v[j], anon_clause_words))
            return true;
    return false;
}

/* The nouns of an organisation's own voice ("a Commission spokesperson"), sorted. */
static const char *const spokes_nouns[] = {
    "spokesman", "spokespeople", "spokesperson", "spokeswoman",
};

/* When, not who: "said Tuesday". */
static const char *const time_words[] = {
    "friday", "monday",  "saturday", "sunday",    "thursday",
    "today",  "tonight", "tuesday",  "wednesday", "yesterday",
};

/* Subject after the cue (inverted "said X", or "according to X"), from token k. */
static struct subj subject_right(const struct ingest_para *p, size_t k, bool according)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    size_t n = p->toks.n;
    struct subj r = {k, k, false};
    if (k >= n || t[k].quote >= 0 || (t[k].kind == INGEST_TOK_WORD && TOK_IN(s, &t[k], time_words)))
        return r; /* "said Tuesday" */
    if (t[k].kind != INGEST_TOK_WORD) {
        /* "said 1998 flood survivor Ana Lima": a number (with / or -) opening a description */
        if (t[k].kind != INGEST_TOK_NUM)
            return r;
        size_t j = k + 1;
        while (j < n && j <= k + 3 && t[j].kind == INGEST_TOK_PUNCT && (t[j].ch == '/' || t[j].ch == '-') &&
               j + 1 < n && t[j + 1].kind == INGEST_TOK_NUM)
            j += 2;
        if (j >= n || t[j].kind != INGEST_TOK_WORD || !(t[j].flags & INGEST_TOKF_LOWER) ||
            TOK_IN(s, &t[j], prepositions) || TOK_IN(s, &t[j], function_words) ||
            TOK_IN(s, &t[j], time_words))
            return r;
        bool cap = false;
        for (size_t m = j + 1; m < n && m <= j + 3 && t[m].kind == INGEST_TOK_WORD && t[m].quote < 0; m++)
            if (tok_capital(&t[m])) {
                cap = true;
                break;
            }
        if (!cap)
            return r;
    }
    bool particle = k + 1 < n && (t[k + 1].flags & INGEST_TOKF_CAP) &&
                    (ingest_tok_is(s, &t[k], "de") || ingest_tok_is(s, &t[k], "van") ||
                     ingest_tok_is(s, &t[k], "von") || ingest_tok_is(s, &t[k], "al") ||
                     ingest_tok_is(s, &t[k], "da") || ingest_tok_is(s, &t[k], "le") ||
                     ingest_tok_is(s, &t[k], "la") || ingest_tok_is(s, &t[k], "di"));
    bool ok = particle || t[k].kind == INGEST_TOK_NUM ||
              (t[k].flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS)) ||
              TOK_IN(s, &t[k], determiners) || TOK_IN(s, &t[k], pronouns_m) ||
              TOK_IN(s, &t[k], pronouns_f) || TOK_IN(s, &t[k], pronouns_other) ||
              (according && (t[k].flags & INGEST_TOKF_LOWER));
    if (!ok && !according && (t[k].flags & INGEST_TOKF_LOWER) && !TOK_IN(s, &t[k], prepositions) &&
        !TOK_IN(s, &t[k], function_words)) {
        /* "said farmer Ana Lima", "said Harbour Board spokesman Piet Laan" */
        for (size_t j = k + 1;
             j < n && j <= k + 3 && t[j].kind == INGEST_TOK_WORD && t[j].quote < 0; j++)
            if (tok_capital(&t[j])) {
                ok = true;
                break;
            }
    }
    if (!ok || (!according && TOK_IN(s, &t[k], prepositions)))
        return r;
    size_t e = k;
    while (e < n && e - k < SUBJ_MAX) {
        const struct ingest_tok *x = &t[e];
        if (x->quote >= 0)
            break;
        if (x->kind == INGEST_TOK_PUNCT && x->ch != '\'' && x->ch != 0x2019 && x->ch != '-' &&
            !(x->ch == '/' && t[k].kind == INGEST_TOK_NUM))
            break;
        /* "said a Democratic aide familiar with the call": an anonymous
         * source's phrase goes on past the words that say how it knows */
        if (!according && e > k && TOK_IN(s, x, prepositions) &&
            TOK_IN(s, &t[e - 1], source_links) && TOK_IN(s, &t[k], determiners)) {
            e++;
            continue;
        }
        /* "said one Labour MP from a neighbouring seat": where an anonymous
         * source comes from is part of its phrase */
        if (!according && e > k && ingest_tok_is(s, x, "from") && e + 1 < n &&
            (ingest_tok_is(s, &t[e + 1], "a") || ingest_tok_is(s, &t[e + 1], "an") ||
             /* "said one longtime party member from the Midwest": a region
              * named after "the", not the body a spokesman speaks for */
             (ingest_tok_is(s, &t[e + 1], "the") && e + 2 < n && tok_capital(&t[e + 2]) &&
              t[e + 2].quote < 0 && (t[e - 1].flags & INGEST_TOKF_LOWER) &&
              !TOK_IN(s, &t[e - 1], spokes_nouns))) &&
            (ingest_tok_is(s, &t[k], "one") || ingest_tok_is(s, &t[k], "a") ||
             ingest_tok_is(s, &t[k], "an"))) {
            e++;
            continue;
        }
        /* "said a party official in Paris": where an anonymous source sits,
         * a named place, is part of its phrase */
        if (!according && e > k + 1 && ingest_tok_is(s, x, "in") && e + 1 < n &&
            tok_capital(&t[e + 1]) && !(t[e + 1].flags & INGEST_TOKF_SENT_START) &&
            mention_start_at(p, t[e + 1].start + 1) == t[e + 1].start &&
            (ingest_tok_is(s, &t[k], "one") || ingest_tok_is(s, &t[k], "a") ||
             ingest_tok_is(s, &t[k], "an")) &&
            (TOK_IN(s, &t[e - 1], source_heads) ||
             /* (any unnamed source: "said a caseworker in Harlingen, who
              * asked not to be named") */
             ((t[e - 1].flags & INGEST_TOKF_LOWER) && t[e - 1].kind == INGEST_TOK_WORD &&
              !TOK_IN(s, &t[e - 1], function_words) && !TOK_IN(s, &t[e - 1], prepositions)))) {
            e++;
            continue;
        }
        /* "said a longtime adviser to Colorado Gov. Ann Roe": whom an
         * anonymous source serves, a name, is part of its phrase */
        if (!according && e > k + 1 && ingest_tok_is(s, x, "to") && e + 1 < n &&
            tok_capital(&t[e + 1]) && t[e + 1].quote < 0 &&
            (ingest_tok_is(s, &t[k], "one") || ingest_tok_is(s, &t[k], "a") ||
             ingest_tok_is(s, &t[k], "an")) &&
            TOK_IN(s, &t[e - 1], source_heads)) {
            e++;
            continue;
        }
        /* "said a senior diplomat from a country that has stayed neutral in
         * the dispute.": a relative clause on where the source comes from
         * (not on the source itself: "who asked not to be named"), up to the
         * sentence's end, is part of the phrase */
        if (!according && e > k + 2 && (ingest_tok_is(s, x, "that") || ingest_tok_is(s, x, "which")) &&
            (t[e - 1].flags & INGEST_TOKF_LOWER) && !TOK_IN(s, &t[e - 1], source_heads) &&
            (ingest_tok_is(s, &t[k], "one") || ingest_tok_is(s, &t[k], "a") ||
             ingest_tok_is(s, &t[k], "an"))) {
            bool src = false;
            for (size_t j = k + 1; j < e && !src; j++)
                src = TOK_IN(s, &t[j], source_heads);
            size_t z = e + 1;
            while (src && z < n && z - e <= 14 && t[z].quote < 0 && t[z].kind == INGEST_TOK_WORD)
                z++;
            if (src && z < n && z - e <= 14 && t[z].quote < 0 && is_end_punct(&t[z])) {
                e = z;
                break;
            }
        }
        if (!according && e > k + 1 && TOK_IN(s, x, anon_licences) && TOK_IN(s, &t[k], determiners))
            break;
        /* "said one of the people", "said one of the officials": a source
         * picked out of a group named before */
        if (!according && e == k + 1 && ingest_tok_is(s, &t[k], "one") &&
            ingest_tok_is(s, x, "of") &&
            e + 1 < n && TOK_IN(s, &t[e + 1], determiners)) {
            e++;
            continue;
        }
        /* "said University of Leeds professor Ann Roe", "said Rural City of
         * Wangaratta Mayor Ann Roe": "of" inside a capitalised name that a
         * title and a name follow */
        if (!according && e > k && ingest_tok_is(s, x, "of") && tok_capital(&t[e - 1]) &&
            e + 1 < n && tok_capital(&t[e + 1]) && t[e + 1].quote < 0) {
            size_t z = e + 1;
            while (z < n && z - e <= 5 && tok_capital(&t[z]) && t[z].quote < 0)
                z++;
            /* (or a lower-case role or two, then the name: "of Kestlow
             * council leader Ann Roe") */
            size_t w = z;
            while (w < n && w - z < 3 && z - e >= 2 && t[w].kind == INGEST_TOK_WORD &&
                   (t[w].flags & INGEST_TOKF_LOWER) && t[w].quote < 0 &&
                   !TOK_IN(s, &t[w], function_words) && !TOK_IN(s, &t[w], prepositions))
                w++;
            if (z - e >= 4 || (w > z && w < n && tok_capital(&t[w]) && t[w].quote < 0)) {
                e++;
                continue;
            }
        }
        if (!according && e > k &&
            (TOK_IN(s, x, prepositions) || TOK_IN(s, x, clause_stops) || TOK_IN(s, x, aux_adverbs)))
            break;
        if (according && e > k && (TOK_IN(s, x, clause_stops)))
            break;
        e++;
    }
    r.b = e;
    return r;
}

/* ---- speakers ------------------------------------------------------------------------ */

struct attr {
    bool found;
    const struct cue *cue;
    int32_t subj_para;
    size_t subj_a, subj_b; /* bytes in subj_para */
    int32_t speaker;
    const char *lit; /* pronoun as written when subj is that pronoun */
};

/* First mention index with (para, start) >= (para, byte), by binary search. */
static size_t mention_lower(const struct ingest_ents *e, int32_t para, size_t byte)
{
    size_t lo = 0, hi = e->n_m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct ingest_mention *m = &e->m[mid];
        if (m->para < para || (m->para == para && m->start < byte))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The next person mentioned before the walk's position *i (start it at
 * mention_lower() with *steps 0), nearest first: the look-back of pronouns,
 * descriptions and kin nouns. It reads at most 64 mentions, none more than
 * PRON_PARAS paragraphs before para, so a page of names costs a constant a
 * question. NULL when the walk is over. */
static const struct ingest_mention *person_before(const struct ingest_ents *e, int32_t para,
                                                  size_t *i, size_t *steps)
{
    while (*i > 0 && *steps < 64) {
        const struct ingest_mention *m = &e->m[--*i];
        ++*steps;
        if (m->para < para - PRON_PARAS)
            return NULL;
        if (e->v[m->entity].type == ENTITY_PERSON)
            return m;
    }
    return NULL;
}

struct ctx {
    struct ingest_para *paras;
    size_t n_paras;
    const struct ingest_ents *ents;
    const struct ingest_gaz *g;
    /* the last named person who spoke, for pronouns */
    int32_t last_speaker;
    int32_t last_speaker_para;
    size_t last_speaker_byte;
    /* gender learnt from the pronouns that resolved to a person whose name
     * told none ("Joost Kamara ... he said"), per entity; NULL when unknown */
    uint8_t *pron_gender;
    /* the last named speaker of each sex ([1] male, [2] female) and the
     * paragraph of that quotation, for a he/she whose sex the last speaker
     * lacks */
    int32_t sex_speaker[3];
    int32_t sex_speaker_para[3];
    /* the named entities sorted by name (strcmp), so the names that start
     * with one word are found by bisection; NULL when there are none */
    struct name_ix *by_name;
    size_t n_by_name;
    /* the person whose question ("“...?” X asked.") was the last paragraph's
     * one quotation, and who had spoken before that question, for the
     * he/she of the answer in the next paragraph; -1 when none */
    int32_t asker;
    int32_t asker_para;
    int32_t answerer;
    /* the person the last "A:" transcript line was given to, so the next
     * answer stays theirs although a question quoted somebody else; -1 */
    int32_t label_answerer;
    /* the quotations attributed so far (earlier paragraphs first) */
    const struct ingest_qs *out;
    /* a person pronoun_resolve passes over (speaker_named_inside); -1 */
    int32_t pron_skip;
    /* set while a paragraph without quotations is read for its last cue's
     * subject: a he/she there is a guess nobody's quotation confirms
     * ("X gave evidence that he had told her ..."), so it teaches no sex */
    bool pron_learn_off;
};

struct name_ix {
    const char *name;
    int32_t ent;
};

static int name_ix_cmp(const void *a, const void *b)
{
    return strcmp(((const struct name_ix *)a)->name, ((const struct name_ix *)b)->name);
}

/* Fills x->by_name from x->ents. Returns false on allocation failure. */
static bool ctx_names_build(struct ctx *x)
{
    const struct ingest_ents *e = x->ents;
    x->by_name = e->n ? malloc(e->n * sizeof *x->by_name) : NULL;
    if (e->n && !x->by_name)
        return false;
    x->n_by_name = 0;
    for (size_t i = 0; i < e->n; i++)
        if (e->v[i].name)
            x->by_name[x->n_by_name++] = (struct name_ix){e->v[i].name, (int32_t)i};
    if (x->n_by_name > 1)
        qsort(x->by_name, x->n_by_name, sizeof *x->by_name, name_ix_cmp);
    return true;
}

/* Releases what ingest_quotes_attribute allocated in x. */
static void ctx_clear(struct ctx *x)
{
    free(x->pron_gender);
    x->pron_gender = NULL;
    free(x->by_name);
    x->by_name = NULL;
    x->n_by_name = 0;
}

/* Orders name against the prefix "w " (the word w[0..wn) and a space) as
 * strcmp orders them, so the names with that prefix are one run of by_name. */
static int name_prefix_cmp(const char *name, const char *w, size_t wn)
{
    for (size_t i = 0; i <= wn; i++) {
        unsigned char a = (unsigned char)name[i], b = i < wn ? (unsigned char)w[i] : ' ';
        if (a != b)
            return a < b ? -1 : 1;
    }
    return 0;
}

static bool gender_fits(const struct ctx *x, int32_t ent, int gender)
{
    int g = x->ents->v[ent].gender;
    if (g == 0 && x->pron_gender)
        g = x->pron_gender[ent];
    return gender == 0 || g == 0 || g == gender;
}

static size_t tok_at_byte(const struct ingest_para *p, size_t b);

/* Whether word w looks like a verb of the past or an adverb of frequency
 * ("Judge X twice admonished lawyer Y"): a word of five letters or more
 * ending in "-ed", or "once"/"twice"; no modifier of a name. */
static bool past_verb_like(const struct ingest_para *p, const struct ingest_tok *w)
{
    size_t n = w->end - w->start;
    return (n >= 5 && p->s[w->end - 2] == 'e' && p->s[w->end - 1] == 'd') ||
           ingest_tok_is(p->s, w, "once") || ingest_tok_is(p->s, w, "twice");
}

/* True when the name ending at byte a of p modifies the name starting at byte b
 * through one to three lower-case words that are no cue or function word
 * ("Roe campaign spokesman Ann Vale"). */
static bool modifies_name(const struct ingest_para *p, size_t a, size_t b)
{
    if (b <= a || b - a > 64)
        return false;
    size_t k = tok_at_byte(p, a), words = 0, len;
    for (; k < p->toks.n && p->toks.v[k].start < b; k++) {
        const struct ingest_tok *w = &p->toks.v[k];
        if (w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER) || w->quote >= 0 ||
            TOK_IN(p->s, w, function_words) || TOK_IN(p->s, w, prepositions) ||
            cue_at(p, k, &len) || past_verb_like(p, w) || ++words > 3)
            return false;
    }
    return words >= 1;
}

static void sentence_bounds(const struct ingest_para *p, size_t i, size_t *a, size_t *b);

/* True when mention m closes its paragraph with an appositive and holds no
 * reporting verb (a participle may describe others: "crews working nights"):
 * "..., which worries Ana Reyes, head of the tenants' union."
 * The writer has just introduced a source, and the he/she of the quotation
 * that opens the next paragraph is that source. */
static bool closing_appositive(const struct ingest_para *p, const struct ingest_mention *m)
{
    const struct ingest_tok *t = p->toks.v;
    size_t k = tok_at_byte(p, m->end), len;
    if (k + 2 >= p->toks.n || !is_punct(&t[k], ',') || t[k].quote >= 0 ||
        !(t[k + 1].flags & INGEST_TOKF_LOWER))
        return false;
    size_t sa, sb;
    sentence_bounds(p, k, &sa, &sb);
    if (sb != p->toks.n || !is_end_punct(&t[sb - 1]))
        return false;
    for (size_t j = sa; j < sb; j++) {
        const struct cue *c = cue_at(p, j, &len);
        if (t[j].quote >= 0 || (c && c->kind != CUE_PART) ||
            (j > k && is_clause_punct(&t[j]) && j + 1 < sb))
            return false;
    }
    return true;
}

static int32_t pronoun_pick(const struct ctx *x, int32_t para, int gender, int32_t best,
                            int32_t best_para, int32_t best_sent, size_t best_start,
                            size_t best_end);

/* Words that open a clause fronted before the main clause's subject. Sorted. */
static const char *const fronted_subordinators[] = {"after", "as",   "before",
                                                    "once",  "when", "while"};

/* Whether token n of paragraph p lies in a clause fronted by one of
 * fronted_subordinators (the sentence's first word) that a comma closes
 * before token k. */
static bool in_fronted_clause(const struct ingest_para *p, size_t n, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    if (n >= k || k >= p->toks.n)
        return false;
    size_t f = n;
    while (f > 0 && t[f - 1].sent == t[n].sent)
        f--;
    if (!TOK_IN(p->s, &t[f], fronted_subordinators) || t[f].quote >= 0)
        return false;
    for (size_t j = n + 1; j < k; j++)
        if (is_punct(&t[j], ',') && t[j].quote < 0)
            return true;
    return false;
}

/* "When I put this to Ann Roe, she said ...": a he/she (at byte) that opens
 * the main clause right after the comma of a fronted clause (one of
 * fronted_subordinators, the sentence's first word) means the person that
 * clause names (at name_start, in sentence sent), whoever spoke last. */
static bool fronted_clause_names(const struct ingest_para *p, int32_t sent, size_t name_start,
                                 size_t byte)
{
    const struct ingest_tok *t = p->toks.v;
    size_t k = tok_at_byte(p, byte), n = tok_at_byte(p, name_start);
    if (k == 0 || k >= p->toks.n || n >= k || t[k].sent != sent || !is_punct(&t[k - 1], ',') ||
        t[k - 1].quote >= 0)
        return false;
    size_t f = n;
    while (f > 0 && t[f - 1].sent == sent)
        f--;
    if (!TOK_IN(p->s, &t[f], fronted_subordinators) || t[f].quote >= 0)
        return false;
    for (size_t j = f; j + 1 < k; j++)
        if (t[j].quote >= 0 || is_clause_punct(&t[j]))
            return false; /* one clause only, no quotation in it */
    return true;
}

/* True when the mention that starts at token lo and ends at byte end is in
 * the possessive ("Roe's record"): its last token carries the mark. */
static bool poss_mention_end(const struct ingest_para *p, size_t lo, size_t end)
{
    size_t k = lo;
    while (k + 1 < p->toks.n && p->toks.v[k + 1].start < end)
        k++;
    return k < p->toks.n && (p->toks.v[k].flags & INGEST_TOKF_POSS);
}

static bool role_opens_sentence(const struct ingest_para *p, size_t lo);

/* The person a he/she at (para, byte) refers to, or -1. Candidates: the first
 * person (outside quotations) of the nearest earlier sentence that names one,
 * i.e. its likely subject, and the last named speaker. The speaker wins unless
 * that sentence came after the speaker was named. Bounded to a few paragraphs. */
static int32_t pronoun_resolve(const struct ctx *x, int32_t para, size_t byte, int gender)
{
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, para, byte);
    int32_t best = -1, best_sent = -1, best_para = -1, intro = -1;
    int32_t skip_para = -1, skip_sent = -1;
    size_t best_start = 0, best_end = 0;
    size_t own_tok = tok_at_byte(&x->paras[para], byte);
    int32_t own_sent = own_tok < x->paras[para].toks.n ? x->paras[para].toks.v[own_tok].sent : -1;
    size_t steps = 0;
    for (const struct ingest_mention *m; (m = person_before(e, para, &i, &steps));) {
        if (m->in_quote || !gender_fits(x, m->entity, gender) || m->entity == x->pron_skip)
            continue;
        if (best < 0 && m->para < para && closing_appositive(&x->paras[m->para], m))
            intro = m->entity;
        /* sentence of the mention, by binary search over the tokens */
        const struct ingest_para *p = &x->paras[m->para];
        size_t lo = 0, hi = p->toks.n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (p->toks.v[mid].start < m->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        int32_t sent = lo < p->toks.n ? p->toks.v[lo].sent : -1;
        /* a name behind an article modifies a noun ("the Vale campaign"): no
         * antecedent for a pronoun */
        if (lo > 0 && lo < p->toks.n && p->toks.v[lo - 1].sent == sent &&
            (ingest_tok_ieq(p->s, &p->toks.v[lo - 1], "the") ||
             ingest_tok_ieq(p->s, &p->toks.v[lo - 1], "a") ||
             ingest_tok_ieq(p->s, &p->toks.v[lo - 1], "an")))
            continue;
        /* "meet at a hall in Charles Town. “...,” he said": a name right
         * behind "in" or "near" names a place the entity list took for a
         * person; a pronoun never means it */
        if (lo > 0 && lo < p->toks.n && p->toks.v[lo - 1].sent == sent &&
            TOK_IN(p->s, &p->toks.v[lo - 1], locatives) && !poss_mention_end(p, lo, m->end))
            continue;
        if (best >= 0 && m->para == best_para && sent == best_sent &&
            modifies_name(p, m->end, best_start))
            continue; /* "Roe campaign spokesman Ann Vale": Vale is the subject */
        /* "Asked about merging with Roe's list, Vale said ...": a name behind
         * a preposition is no subject, the later one is; also past the name's
         * title ("Asked by Rep. Jo Roe whether ..., Vale said no") */
        size_t pb = lo;
        while (pb > 0 && lo - pb < 3 && p->toks.v[pb - 1].sent == sent &&
               tok_capital(&p->toks.v[pb - 1]) && p->toks.v[pb - 1].quote < 0)
            pb--;
        if (best >= 0 && m->para == best_para && sent == best_sent && pb > 0 &&
            p->toks.v[pb - 1].sent == sent && TOK_IN(p->s, &p->toks.v[pb - 1], prepositions))
            continue;
        if (m->para == skip_para && sent == skip_sent)
            continue;
        /* "The governor ripped into Roe's record and mocked what he called
         * ...": in the pronoun's own sentence, whose subject is a person's
         * role, a name in the possessive owns a noun and is no subject (but
         * "The address was aimed at Roe's comments, in which he said": with
         * a thing for the subject the owner is whom he means) */
        if (best < 0 && m->para == para && sent == own_sent && lo > 0 && lo < p->toks.n &&
            p->toks.v[lo - 1].sent == sent && poss_mention_end(p, lo, m->end) &&
            role_opens_sentence(p, lo))
            continue;
        /* "He and his wife's cousin, X, drove down": a sentence whose subject
         * is already a he/she of this sex names X as no subject; the pronoun
         * goes on to mean whom the earlier sentence named */
        if (best < 0 && gender != 0) {
            size_t f = lo;
            while (f > 0 && lo - f < 48 && p->toks.v[f - 1].sent == sent)
                f--;
            if (f < lo && (f == 0 || p->toks.v[f - 1].sent != sent) &&
                (gender == 1 ? TOK_IN(p->s, &p->toks.v[f], pronouns_m)
                             : TOK_IN(p->s, &p->toks.v[f], pronouns_f))) {
                skip_para = m->para;
                skip_sent = sent;
                continue;
            }
            /* "One of a few women riding in the city, she switched from X to
             * Y": a name behind a preposition after such a he/she, later in
             * the sentence, is no subject either */
            bool prev_pron = false;
            for (size_t j = f; j + 1 < lo && !prev_pron; j++)
                prev_pron = p->toks.v[j].quote < 0 &&
                            (gender == 1 ? TOK_IN(p->s, &p->toks.v[j], pronouns_m)
                                         : TOK_IN(p->s, &p->toks.v[j], pronouns_f));
            size_t pp = lo; /* (past a title: "for Councillor Jo Roe") */
            while (pp > f + 1 && lo - pp < 3 && tok_capital(&p->toks.v[pp - 1]))
                pp--;
            if (prev_pron && f < lo && (f == 0 || p->toks.v[f - 1].sent != sent) &&
                TOK_IN(p->s, &p->toks.v[pp - 1], prepositions))
                continue;
        }
        /* "Ann Roe spoke briefly. Jo Vale stood behind her. “...,” she
         * said": a sentence whose own object is a him/her of this sex is
         * about somebody else, whom the pronoun means too */
        if (best < 0 && (gender == 1 || gender == 2)) {
            bool obj = false;
            for (size_t j = lo; j < p->toks.n && j < lo + 10 && p->toks.v[j].sent == sent && !obj;
                 j++) {
                const struct ingest_tok *w = &p->toks.v[j];
                /* (not in a clause of its own: "X laughed it off when the
                 * paper put it to him" is X) */
                if (w->quote >= 0 || TOK_IN(p->s, w, clause_stops)) {
                    obj = false;
                    break;
                }
                obj = ingest_tok_ieq(p->s, w, gender == 1 ? "him" : "her") && j > lo &&
                      TOK_IN(p->s, &p->toks.v[j - 1], prepositions) && j + 1 < p->toks.n &&
                      p->toks.v[j + 1].sent == sent && is_end_punct(&p->toks.v[j + 1]);
            }
            if (obj) {
                skip_para = m->para;
                skip_sent = sent;
                continue;
            }
        }
        /* "When Ann Roe rose again, Jo Vale declined to give way": a name in
         * a fronted clause is not the subject the main clause names after it */
        if (best >= 0 && m->para == best_para && sent == best_sent &&
            in_fronted_clause(p, lo, tok_at_byte(p, best_start)))
            continue;
        if (best < 0 || (m->para == best_para && sent == best_sent)) {
            best = m->entity; /* earlier in the same sentence: the subject */
            best_sent = sent;
            best_para = m->para;
            best_start = m->start;
            best_end = m->end;
        } else {
            break;
        }
    }
    if (intro >= 0)
        return intro; /* the source the previous paragraph just introduced */
    if (best >= 0 && best_para == para && fronted_clause_names(&x->paras[para], best_sent,
                                                               best_start, byte))
        return best;
    int32_t r = pronoun_pick(x, para, gender, best, best_para, best_sent, best_start, best_end);
    /* "“Would you vote for it?” X asked. ¶ “No,” she said": who asks a
     * question does not answer it; the one who spoke before the question does */
    if (r >= 0 && r == x->asker && para == x->asker_para + 1 && x->answerer >= 0 &&
        x->answerer != r && x->answerer != x->pron_skip && gender_fits(x, x->answerer, gender))
        return x->answerer;
    return r;
}

static bool owns_person(const struct ingest_para *p, size_t k);

/* True when the sentence of the name at token name opens with an
 * organisation's title in apposition: "The" (or nothing), capitalised words
 * (an "of" or "and" among them) the last of them possessive, one or two
 * lower-case words, a comma, then the name ("The Bank of Lorland's governor,
 * X, has warned"): the name is the sentence's subject, as it would be had it
 * opened it. */
static bool owner_title_before_name(const struct ingest_para *p, size_t name)
{
    const struct ingest_tok *t = p->toks.v;
    if (name < 4 || name >= p->toks.n || !is_punct(&t[name - 1], ',') || t[name - 1].quote >= 0)
        return false;
    size_t j = name - 1, lower = 0;
    while (j > 0 && lower < 2 && (t[j - 1].flags & INGEST_TOKF_LOWER) &&
           t[j - 1].kind == INGEST_TOK_WORD && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
           !TOK_IN(p->s, &t[j - 1], function_words) && t[j - 1].sent == t[name].sent) {
        j--;
        lower++;
    }
    if (lower == 0 || j == 0 || !(t[j - 1].flags & INGEST_TOKF_POSS) ||
        !tok_capital(&t[j - 1]) || t[j - 1].sent != t[name].sent)
        return false;
    for (size_t k = j - 1, n = 0; n < 6; k--, n++) {
        if (t[k].quote >= 0 || t[k].kind != INGEST_TOK_WORD || t[k].sent != t[name].sent)
            return false;
        bool joiner = ingest_tok_ieq(p->s, &t[k], "of") || ingest_tok_ieq(p->s, &t[k], "and");
        if (!joiner && !tok_capital(&t[k]))
            return false;
        if (t[k].flags & INGEST_TOKF_SENT_START)
            return !joiner;
        if (k == 0)
            return false;
    }
    return false;
}

/* True when tokens [k, name) of sentence sent, which open the sentence or
 * follow a comma, are a description of the name that follows them rather
 * than a clause with its own verb: an article or possessive and modifiers
 * ("Accepting the award, a visibly emotional Ms X thanked"), or lower-case
 * modifiers in apposition to a possessive head that opens the sentence
 * ("Her neighbor, retired bus driver X, 71, said"). No function word other
 * than that opening article and no cue word stands among them, so "Police
 * arrested retired teacher X" keeps its subject. */
static bool description_before_name(const struct ingest_para *p, size_t k, size_t name,
                                    int32_t sent)
{
    const struct ingest_tok *t = p->toks.v;
    if (k >= name || name >= p->toks.n || name - k > 5)
        return false;
    bool opens = TOK_IN(p->s, &t[k], noun_markers);
    for (size_t j = k + opens; j < name; j++)
        if (t[j].quote >= 0 || t[j].kind != INGEST_TOK_WORD || cue_word(p->s + t[j].start, t[j].end - t[j].start) ||
            ((t[j].flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, &t[j], function_words)))
            return false;
    if (opens)
        return true;
    /* the appositive's head: a possessive and up to three words that open
     * the sentence right before the comma */
    if (k < 3 || !is_punct(&t[k - 1], ',') || t[k - 1].quote >= 0)
        return false;
    size_t f = k - 1;
    while (f > 0 && t[f - 1].sent == sent && k - 1 - f < 4)
        f--;
    if (f > 0 && t[f - 1].sent == sent)
        return false;
    if (!TOK_IN(p->s, &t[f], possessives) || k - 1 - f < 2)
        return false;
    for (size_t j = f + 1; j < k - 1; j++)
        if (t[j].quote >= 0 || !(t[j].flags & INGEST_TOKF_LOWER) ||
            TOK_IN(p->s, &t[j], function_words))
            return false;
    return true;
}

/* The person a he/she means once no paragraph-end introduction decided:
 * the last speaker or a person who became the topic after (best, the
 * latest person mentioned before the pronoun, in para/sentence/byte). */
static int32_t pronoun_pick(const struct ctx *x, int32_t para, int gender, int32_t best,
                            int32_t best_para, int32_t best_sent, size_t best_start,
                            size_t best_end)
{
    bool speaker_ok = x->last_speaker >= 0 && x->last_speaker != x->pron_skip &&
                      para - x->last_speaker_para <= 2 && gender_fits(x, x->last_speaker, gender);
    /* "“...,” she said" after a man spoke and a man asked: the last woman
     * who spoke, a few paragraphs back (a briefing's answers) */
    if (!speaker_ok && best < 0 && (gender == 1 || gender == 2) &&
        x->sex_speaker[gender] >= 0 && x->sex_speaker[gender] != x->pron_skip &&
        para - x->sex_speaker_para[gender] <= PRON_PARAS + 2)
        return x->sex_speaker[gender];
    if (!speaker_ok)
        return best;
    if (best < 0 || best == x->last_speaker)
        return x->last_speaker;
    /* a person who became the topic after the speaker was named */
    if (best_para > x->last_speaker_para ||
        (best_para == x->last_speaker_para && best_start > x->last_speaker_byte)) {
        const struct ingest_para *p = &x->paras[best_para];
        /* only when that person opens the sentence (a subject, not an object) */
        /* an opening adverbial up to a comma does not count: "In an essay last
         * week, X acknowledged ..." */
        size_t k = tok_at_byte(p, best_start), words_before = 0;
        while (k > 0 && p->toks.v[k - 1].sent == best_sent && words_before < 6 &&
               !(p->toks.v[k - 1].kind == INGEST_TOK_PUNCT && p->toks.v[k - 1].ch == ',' &&
                 p->toks.v[k - 1].quote < 0)) {
            k--;
            if (p->toks.v[k].kind == INGEST_TOK_WORD && (p->toks.v[k].flags & INGEST_TOKF_LOWER))
                words_before++;
        }
        /* "... the house where she grew up, the daughter of an engineer
         * and a schoolteacher, Ann Roe.": a name after a comma that ends
         * a sentence already about a he/she of this sex is an appositive
         * of somebody else, no new topic (the comma opened no adverbial) */
        size_t e = tok_at_byte(p, best_end);
        bool closing = k > 0 && is_punct(&p->toks.v[k - 1], ',') && e < p->toks.n &&
                       p->toks.v[e].sent == best_sent && is_end_punct(&p->toks.v[e]) &&
                       (gender == 1 || gender == 2);
        for (size_t j = k; closing && j > 0 && p->toks.v[j - 1].sent == best_sent; j--) {
            const struct ingest_tok *w = &p->toks.v[j - 1];
            if (w->quote < 0 && (gender == 1 ? TOK_IN(p->s, w, pronouns_m) : TOK_IN(p->s, w, pronouns_f)))
                break;
            if (j == 1 || p->toks.v[j - 2].sent != best_sent)
                closing = false; /* (the sentence's start: no such pronoun) */
        }
        size_t nt = tok_at_byte(p, best_start);
        if ((words_before <= 2 || description_before_name(p, k, nt, best_sent)) && !closing &&
            !owns_person(p, nt))
            return best;
    }
    return x->last_speaker;
}

/* True when mention m is followed by a possessive 's or ’s ("Trump's plan"). */
static bool mention_is_possessive(const struct ctx *x, const struct ingest_mention *m)
{
    if (m->para < 0 || (size_t)m->para >= x->n_paras)
        return false;
    const struct ingest_para *p = &x->paras[m->para];
    size_t e = m->end;
    if (e + 2 <= p->n && p->s[e] == '\'' && p->s[e + 1] == 's')
        return true;
    return e + 4 <= p->n && memcmp(p->s + e, "\xe2\x80\x99s", 4) == 0;
}

/* The organisation an "it" or "they" at (para, byte) stands for, or -1: the
 * last organisation named outside quotations in this or the previous paragraph
 * ("The council ... what it called"), when no person was named after it (then
 * "they" more likely means people). Bounded to 32 mentions. */
static bool org_opens_sentence(const struct ingest_para *p, const struct ingest_mention *m);
static bool mention_is_possessive(const struct ctx *x, const struct ingest_mention *m);

/* "The Coalition said ... in states with competitive Senate races, and it
 * called ...": an "it" that opens a clause joined by "and" or "but" shares
 * the subject of its sentence's first clause, the organisation that opens
 * the sentence, whatever organisation was named in between. -1 when the
 * sentence opens with no organisation or a person (not an owner) is named
 * before the pronoun. */
static int32_t org_pronoun_coordinated(const struct ctx *x, int32_t para, size_t byte)
{
    const struct ingest_para *p = &x->paras[para];
    const struct ingest_tok *t = p->toks.v;
    size_t k = tok_at_byte(p, byte);
    if (k < 2 || k >= p->toks.n || t[k - 1].sent != t[k].sent ||
        !(ingest_tok_ieq(p->s, &t[k - 1], "and") || ingest_tok_ieq(p->s, &t[k - 1], "but")) ||
        !is_punct(&t[k - 2], ','))
        return -1;
    int32_t org = -1;
    for (size_t mi = 0; mi < p->n_m && p->m[mi].start < byte; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        size_t mk = tok_at_byte(p, m->start);
        if (m->in_quote || mk >= p->toks.n || t[mk].sent != t[k].sent)
            continue;
        enum entity_type ty = x->ents->v[m->entity].type;
        if (ty == ENTITY_PERSON && !mention_is_possessive(x, m))
            return -1; /* (an owner is no subject: "opposing Mr. X's nominee") */
        if (org < 0 && ty == ENTITY_ORGANIZATION) {
            if (!org_opens_sentence(p, m))
                return -1;
            org = m->entity;
        }
    }
    return org;
}

static int32_t org_pronoun_resolve(const struct ctx *x, int32_t para, size_t byte)
{
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, para, byte);
    bool skipped = false;
    int32_t sent = -1;
    int32_t first = org_pronoun_coordinated(x, para, byte);
    if (first >= 0)
        return first;
    int32_t owner = -1, owner_sent = -1; /* (an organisation owner passed over) */
    for (size_t steps = 0; i > 0 && steps < 32; steps++) {
        const struct ingest_mention *m = &e->m[--i];
        if (m->para < para - 1)
            break;
        if (m->in_quote)
            continue;
        enum entity_type ty = e->v[m->entity].type;
        /* "the ministry said it had summoned the Chinese Embassy's deputy
         * ... over what it called": an organisation named as an owner in
         * the pronoun's sentence yields to one named before it there */
        if (ty == ENTITY_ORGANIZATION && owner < 0 && !skipped && m->para == para &&
            mention_is_possessive(x, m)) {
            const struct ingest_para *p = &x->paras[para];
            size_t k = tok_at_byte(p, byte), mk = tok_at_byte(p, m->start);
            if (k < p->toks.n && mk < p->toks.n && p->toks.v[k].sent == p->toks.v[mk].sent) {
                owner = m->entity;
                owner_sent = p->toks.v[k].sent;
                continue;
            }
        }
        if (ty == ENTITY_ORGANIZATION && owner >= 0) {
            const struct ingest_para *p = &x->paras[para];
            size_t mk = m->para == para ? tok_at_byte(p, m->start) : p->toks.n;
            return mk < p->toks.n && p->toks.v[mk].sent == owner_sent ? m->entity : owner;
        }
        if (ty == ENTITY_ORGANIZATION) {
            if (!skipped)
                return m->entity;
            /* past an owner only within the sentence of the pronoun */
            const struct ingest_para *p = &x->paras[para];
            size_t k = m->para == para ? tok_at_byte(p, m->start) : p->toks.n;
            return k < p->toks.n && p->toks.v[k].sent == sent ? m->entity : -1;
        }
        if (ty == ENTITY_PERSON) {
            /* "While the agency kept X's company out of its findings, it ...": an
             * owner in the pronoun's own sentence is no subject it could mean */
            if (m->para != para || !mention_is_possessive(x, m))
                return owner;
            if (!skipped) {
                const struct ingest_para *p = &x->paras[para];
                size_t k = tok_at_byte(p, byte);
                if (k >= p->toks.n)
                    return -1;
                sent = p->toks.v[k].sent;
                skipped = true;
            }
        }
    }
    return owner;
}

/* Words that make a title another office than the bare one: "shadow home
 * secretary", "deputy mayor" ("former" and "acting" do not: desc_modifiers).
 * Sorted. */
static const char *const rank_words[] = {"assistant", "deputy", "junior", "shadow", "vice"};

/* True when title tt (tl bytes) ends with the words w/n, ASCII case aside,
 * and no rank word stands right before them: "Deputy Mayor" is another
 * office than "the mayor" a reader means by the bare noun. */
static bool title_ends_with(const char *tt, size_t tl, const char *w, size_t n)
{
    if (tl < n || (tl > n && tt[tl - n - 1] != ' '))
        return false;
    if (tl > n) {
        size_t q = tl - n - 1;
        while (q > 0 && tt[q - 1] != ' ')
            q--;
        if (ingest_word_in(rank_words, sizeof rank_words / sizeof *rank_words, tt + q,
                           tl - n - 1 - q))
            return false;
    }
    for (size_t q = 0; q < n; q++) {
        char c1 = tt[tl - n + q], c2 = w[q];
        if (c1 >= 'A' && c1 <= 'Z')
            c1 = (char)(c1 + 32);
        if (c2 >= 'A' && c2 <= 'Z')
            c2 = (char)(c2 + 32);
        if (c1 != c2)
            return false;
    }
    return true;
}

static bool desc_word_is(const char *c, size_t cn, const char *d, size_t dn);

/* True when the last word of title tt is an abbreviation of the one-word
 * description w/n ("Gov." for "governor"). */
static bool title_abbreviates(const char *tt, size_t tl, const char *w, size_t n)
{
    size_t q = tl;
    while (q > 0 && tt[q - 1] != ' ')
        q--;
    return tl - q < n && desc_word_is(tt + q, tl - q, w, n);
}

/* Of the first 512 people, the most mentioned with a title that fits w/n. */
static int32_t titled_person(const struct ingest_ents *e, const char *w, size_t n,
                             bool (*fits)(const char *tt, size_t tl, const char *w, size_t n))
{
    int32_t best = -1;
    for (size_t k = 0; k < e->n && k < 512; k++) {
        const struct ingest_ent *en = &e->v[k];
        if (en->type != ENTITY_PERSON)
            continue;
        for (size_t ti = 0; ti < en->titles.n; ti++)
            if (fits(en->titles.v[ti], strlen(en->titles.v[ti]), w, n) &&
                (best < 0 || en->mentions > e->v[best].mentions))
                best = (int32_t)k;
    }
    return best;
}

/* The person whose recorded title ends with the words w/n (ignoring case, on a
 * word boundary): "president" -> the entity titled "French President". The most
 * mentioned one wins; -1 when none. */
static int32_t title_holder(const struct ingest_ents *e, const char *w, size_t n)
{
    return titled_person(e, w, n, title_ends_with);
}

/* True when the n words starting at ws (spaces between) have initials that
 * spell the capitals acr/an ("chief financial officer" and "CFO"), also with
 * the first letter left out ("financial officer": a sentence's "Chief" is
 * lost to the title) or a last "O" left out ("chief executive" for "CEO":
 * "officer" goes unsaid). At least two words and two letters. */
static bool initials_spell(const char *ws, size_t wl, const char *acr, size_t an)
{
    char ini[8];
    size_t k = 0;
    for (size_t i = 0; i < wl; i++)
        if ((i == 0 || ws[i - 1] == ' ') && ws[i] != ' ') {
            if (k == sizeof ini)
                return false;
            char c = ws[i];
            ini[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
    if (k < 2 || an < 2 || an > sizeof ini)
        return false;
    return (k == an && memcmp(ini, acr, an) == 0) ||
           (k + 1 == an && memcmp(ini, acr + 1, k) == 0) ||
           (k + 1 == an && acr[an - 1] == 'O' && memcmp(ini, acr, k) == 0);
}

/* True when w/n is two to five capitals: an initialism ("CFO", "CEO"). */
static bool is_initialism(const char *w, size_t n)
{
    if (n < 2 || n > 5)
        return false;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return false;
    return true;
}

/* Title tt fits the description w/n through initials: its last words for an
 * initialism description ("the CFO", titled "Chief financial officer"), or its
 * last word as an initialism for a description of words ("the chief
 * executive", titled "Aldercrest Gold CEO"). */
static bool title_initials(const char *tt, size_t tl, const char *w, size_t n)
{
    size_t q = tl;
    while (q > 0 && tt[q - 1] != ' ')
        q--;
    if (is_initialism(w, n)) {
        /* the title's last n or n - 1 words */
        for (size_t words = n; words + 1 >= n && words >= 2; words--) {
            size_t a = tl, seen = 0;
            while (a > 0 && seen < words) {
                a--;
                if (a == 0 || tt[a - 1] == ' ')
                    seen++;
            }
            if (seen == words && initials_spell(tt + a, tl - a, w, n))
                return true;
        }
        return false;
    }
    return is_initialism(tt + q, tl - q) && initials_spell(w, n, tt + q, tl - q);
}

/* title_holder, also through an abbreviated title's last word ("the governor"
 * for the one titled "Gov."), for a one-word description w/n, and through
 * initials ("the CFO", "the chief executive" for "X CEO"). */
static int32_t title_holder_abbr(const struct ingest_ents *e, const char *w, size_t n)
{
    int32_t best = title_holder(e, w, n);
    if (best < 0)
        best = titled_person(e, w, n, title_initials);
    if (best >= 0 || memchr(w, ' ', n))
        return best;
    return titled_person(e, w, n, title_abbreviates);
}

/* Abbreviated titles and the words they stand for; also the party adjective
 * a title carries for the party noun a later description uses ("Democratic
 * Sen. X ... The Democrat called"), as "Republican" serves both; and the
 * courtesy title of a judge ("Justice X ... the judge said", as courts of
 * the Commonwealth, Nigeria and India style their judges). */
static const struct {
    const char *abbr, *word;
} title_abbrs[] = {
    {"atty", "attorney"},   {"democratic", "democrat"}, {"dr", "doctor"}, {"gen", "general"},
    {"gov", "governor"},    {"justice", "judge"},     {"lt", "lieutenant"},
    {"pres", "president"},
    {"rep", "congressman"}, {"rep", "congresswoman"}, {"rep", "representative"},
    {"reps", "representative"}, {"sec", "secretary"}, {"sen", "senator"},
    {"sens", "senator"},    {"supt", "superintendent"},
};

/* Nouns that describe a person by role: the head of "the Republican nominee".
 * Titles from data/titles.txt count too. */
static const char *const role_nouns[] = {
    "activist",       "actor",          "actress",        "adviser",
    "advisor",        "aide",           "ambassador",     "analyst",
    "anchor",         "attorney",       "author",         "backbencher",    "billionaire",
    "businessman",    "businesswoman",  "candidate",      "captain",
    "ceo",            "chairman",       "chairwoman",     "chancellor",
    "chief",          "coach",          "columnist",      "commissioner",
    "congressman",    "congresswoman",  "councillor",     "councilor",
    "critic",         "dean",           "defender",       "democrat",
    "diplomat",       "director",       "doctor",         "economist",
    "editor",         "executive",      "forward",        "founder",
    "general",        "goalkeeper",     "governor",       "host",
    "judge",          "lawmaker",       "lawyer",         "leader",
    "legislator",     "manager",        "mayor",          "mediator",
    "midfielder",     "minister",       "mogul",          "negotiator",
    "nominee",        "novelist",       "official",       "player",
    "president",      "professor",      "prosecutor",     "representative",
    "republican",     "researcher",     "scientist",      "secretary",
    "senator",        "singer",         "speaker",        "spokesman",
    "spokesperson",   "spokeswoman",    "star",           "strategist",
    "striker",        "superintendent", "treasurer",      "veteran",
    "winger",
};

/* True when the sentence of token lo opens, before lo, with "The" and a role
 * noun within its next four words ("The former Missouri governor, ..."). */
static bool role_opens_sentence(const struct ingest_para *p, size_t lo)
{
    const struct ingest_tok *t = p->toks.v;
    size_t f = lo;
    while (f > 0 && t[f - 1].sent == t[lo].sent)
        f--;
    if (!ingest_tok_ieq(p->s, &t[f], "the"))
        return false;
    for (size_t k = f + 1; k < lo && k <= f + 4; k++) {
        if (t[k].quote >= 0 || t[k].kind != INGEST_TOK_WORD)
            return false;
        if ((t[k].flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, &t[k], role_nouns))
            return true;
    }
    return false;
}

/* Whether token t is one of role_nouns, any case ("Minister", "minister"). */
static bool role_noun_tok(const struct ingest_para *p, const struct ingest_tok *t)
{
    return TOK_IN(p->s, t, role_nouns);
}

/* Role nouns that usually describe a second, unnamed person ("the official
 * said"), never the one the paragraph is about. */
static const char *const unnamed_roles[] = {
    "adviser", "advisor", "aide", "analyst", "diplomat", "official", "spokesman",
    "spokesperson", "spokeswoman",
};

/* Words of a description that say nothing about who: "the former senator". */
static const char *const desc_modifiers[] = {
    "current", "embattled", "former", "incoming", "main", "new", "outgoing", "then", "top",
};

/* True when the context word c/cn names the description word d/dn: the same
 * word ignoring case, or an abbreviated title ("Sen." for "senator"). */
static bool desc_word_is(const char *c, size_t cn, const char *d, size_t dn)
{
    while (cn > 0 && c[cn - 1] == '.')
        cn--;
    if (cn == 0)
        return false;
    bool same = cn == dn;
    for (size_t i = 0; same && i < cn; i++) {
        char a = c[i], b = d[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (b >= 'A' && b <= 'Z')
            b = (char)(b + 32);
        same = a == b;
    }
    if (same)
        return true;
    for (size_t i = 0; i < sizeof title_abbrs / sizeof *title_abbrs; i++)
        if (ingest_ascii_ieq(c, cn, title_abbrs[i].abbr) &&
            ingest_ascii_ieq(d, dn, title_abbrs[i].word))
            return true;
    return false;
}

/* "the lawyer" for "defense attorney X": "attorney" w/wn heading a title
 * (prev/pn the word before it, if any, even outside the title words:
 * "State's" is a possessive no title run holds) answers to the description
 * word d/dn "lawyer", but not a prosecutor's or a minister's post
 * ("District Attorney", "U.S. Attorney"; "Attorney General" has another
 * head), whom "the lawyer" in a trial story is not. */
static bool attorney_is_lawyer(const char *prev, size_t pn, const char *w, size_t wn,
                               const char *d, size_t dn)
{
    static const char *const prosecutors[] = {"county", "district", "prosecuting", "state",
                                              "state's", "state’s", "u.s", "u.s.", "us"}; /* sorted */
    return ingest_ascii_ieq(d, dn, "lawyer") && ingest_ascii_ieq(w, wn, "attorney") &&
           !ingest_word_in(prosecutors, sizeof prosecutors / sizeof *prosecutors, prev, pn);
}

/* Counts the words of the description d[0..nd) found among the tokens [a, b)
 * of paragraph p (an appositive, or the title words before a name). */
static size_t desc_hits(const struct ingest_para *p, size_t a, size_t b,
                        const struct ingest_tok *const *d, const char *ds, size_t nd)
{
    size_t hits = 0;
    for (size_t i = 0; i < nd; i++)
        for (size_t k = a; k < b; k++)
            if (p->toks.v[k].kind == INGEST_TOK_WORD &&
                (desc_word_is(p->s + p->toks.v[k].start, p->toks.v[k].end - p->toks.v[k].start,
                              ds + d[i]->start, d[i]->end - d[i]->start) ||
                 (k + 1 == b &&
                  attorney_is_lawyer(k > 0 ? p->s + p->toks.v[k - 1].start : NULL,
                                     k > 0 ? p->toks.v[k - 1].end - p->toks.v[k - 1].start : 0,
                                     p->s + p->toks.v[k].start,
                                     p->toks.v[k].end - p->toks.v[k].start, ds + d[i]->start,
                                     d[i]->end - d[i]->start)))) {
                hits++;
                break;
            }
    return hits;
}

/* "the Republican nominee" against "X, the Democratic nominee,": the
 * description names a party or nationality (a demonym) and the words around
 * the name hold another one, so the head noun alone does not make them one. */
static bool party_clash(const struct ingest_gaz *g, const struct ingest_para *mp, size_t a,
                        size_t b, const struct ingest_tok *const *d, const char *ds, size_t nd)
{
    bool desc_has = false;
    for (size_t i = 0; i < nd && !desc_has; i++)
        desc_has = ingest_gaz_has(g, ds + d[i]->start, d[i]->end - d[i]->start, INGEST_GAZ_DEMONYM);
    if (!desc_has)
        return false;
    for (size_t k = a; k < b; k++) {
        const struct ingest_tok *w = &mp->toks.v[k];
        if (w->kind != INGEST_TOK_WORD ||
            !ingest_gaz_has(g, mp->s + w->start, w->end - w->start, INGEST_GAZ_DEMONYM))
            continue;
        bool same = false;
        for (size_t i = 0; i < nd && !same; i++)
            same = desc_word_is(mp->s + w->start, w->end - w->start, ds + d[i]->start,
                                d[i]->end - d[i]->start);
        if (!same)
            return true;
    }
    return false;
}

/* The one person named earlier in paragraph pi, before byte at, as the
 * subject that opens a sentence ("Farrow, who scored ..., was more measured.
 * “...,” the defender said."): a role description no title matches means
 * the person the paragraph is about. -1 when nobody, or more than one person,
 * is named before it, and when more than TOPIC_MENTIONS mentions stand before
 * it (no paragraph of news is about one person over so many names; the bound
 * keeps a paragraph of many "the senator said" quotations linear). */
#define TOPIC_MENTIONS 256
/* True when token k follows a dateline that opens its paragraph
 * ("YOUNGSTOWN, Ohio (AP) — X stood ...": capitals, commas, an agency in
 * parentheses, then a dash): k opens the sentence as a reader takes it. */
static bool after_dateline(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    if (k < 2 || k > 12 || t[k - 1].kind != INGEST_TOK_PUNCT || !ingest_cp_is_dash(t[k - 1].ch) ||
        !(t[0].flags & INGEST_TOKF_ALLCAPS))
        return false;
    for (size_t j = 0; j + 1 < k; j++)
        if (t[j].quote >= 0 || (t[j].kind == INGEST_TOK_WORD && !tok_capital(&t[j])) ||
            (t[j].kind == INGEST_TOK_PUNCT && t[j].ch != ',' && t[j].ch != '(' && t[j].ch != ')' &&
             t[j].ch != '.'))
            return false;
    return true;
}

/* True when the sentence holding token k of p opens with "he" or "she" as
 * its subject, before k. */
static bool pronoun_led_sentence(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    size_t a = k;
    while (a > 0 && t[a - 1].sent == t[k].sent)
        a--;
    return a < k && t[a].quote < 0 &&
           (TOK_IN(p->s, &t[a], pronouns_m) || TOK_IN(p->s, &t[a], pronouns_f));
}

static int32_t paragraph_topic(const struct ctx *x, int32_t pi, size_t at, bool loose)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    int32_t who = -1;
    bool opens = false, who_owner = false; /* (the topic itself named as an owner) */
    int32_t sent0 = 0;
    for (size_t i = 0; i < p->n_m && p->m[i].start < at; i++) {
        const struct ingest_mention *m = &p->m[i];
        if (i >= TOPIC_MENTIONS)
            return -1;
        if (m->in_quote || x->ents->v[m->entity].type != ENTITY_PERSON)
            continue;
        /* titles may stand before the name ("Mr. Dunmore's campaign ...",
         * "Libertarian nominee Carl Brenner says") */
        size_t k = tok_at_byte(p, m->start), k0 = k;
        bool role = false; /* (a lower-case role noun stepped over) */
        /* ("Harbour Minister X", "Finance Secretary X": a capitalised
         * portfolio word that opens the sentence right before a title) */
        while (k > 0 && k0 - k < 4 && !(t[k].flags & INGEST_TOKF_SENT_START) &&
               t[k - 1].sent == t[k].sent &&
               ((tok_capital(&t[k - 1]) &&
                 ((t[k - 1].flags & INGEST_TOKF_ABBR) || role ||
                  (k < k0 && (t[k - 1].flags & INGEST_TOKF_SENT_START)) ||
                  ingest_gaz_has(x->g, p->s + t[k - 1].start, t[k - 1].end - t[k - 1].start,
                                 INGEST_GAZ_TITLE))) ||
                (!role && (t[k - 1].flags & INGEST_TOKF_LOWER) &&
                 TOK_IN(p->s, &t[k - 1], role_nouns)))) {
            role = role || (t[k - 1].flags & INGEST_TOKF_LOWER);
            k--;
        }
        bool at_start = (t[k].flags & INGEST_TOKF_SENT_START) != 0 || after_dateline(p, k);
        /* ("The left-handed X, who ..., said afterwards": behind a
         * description that opens the sentence) */
        size_t f = k;
        while (!at_start && f > 0 && k - f < 6 && t[f - 1].sent == t[k].sent)
            f--;
        if (!at_start && f < k && (t[f].flags & INGEST_TOKF_SENT_START))
            at_start = description_before_name(p, f, k, t[k].sent);
        if (!at_start)
            at_start = owner_title_before_name(p, k);
        /* ("X said the answer was no. ..., and Ms. Y's street had been
         * hit": a person named later only as an owner, opening no
         * sentence, is what the topic talks about, no rival topic) */
        size_t last = tok_at_byte(p, m->end);
        bool owner = last > 0 && (t[last - 1].flags & INGEST_TOKF_POSS);
        if (who >= 0 && who != m->entity && !at_start && owner && !who_owner)
            continue;
        /* ("X had clearly expected it. He thanked Ms. Y and said ...": a
         * person named inside a sentence whose subject is a he/she, which
         * carries the topic on, is its object, no rival topic) */
        if (who >= 0 && who != m->entity && !at_start && !owner &&
            pronoun_led_sentence(p, k))
            continue;
        if (who >= 0 && who != m->entity) {
            /* (the paragraph before: "X is telling supporters that
             * Democrat Y ...": a person named inside X's sentence, opening
             * none, leaves X the topic, unless X bears a title of his own:
             * "Sen. X ... asked whether Y would", then "the nominee said") */
            if (loose && !at_start && t[k].sent == sent0 && x->ents->v[who].titles.n == 0)
                continue;
            return -1;
        }
        if (who < 0) {
            opens = at_start;
            sent0 = t[k].sent;
            who_owner = owner;
        }
        who = m->entity;
    }
    return opens ? who : -1;
}

/* True when mention m opens its sentence (behind "The" at most): "Velora,
 * which has ..., rejected the criticism". */
static bool org_opens_sentence(const struct ingest_para *p, const struct ingest_mention *m)
{
    size_t k = tok_at_byte(p, m->start);
    if (k >= p->toks.n)
        return false;
    if (k > 0 && ingest_tok_ieq(p->s, &p->toks.v[k - 1], "the") &&
        p->toks.v[k - 1].sent == p->toks.v[k].sent)
        k--;
    return (p->toks.v[k].flags & INGEST_TOKF_SENT_START) != 0;
}

/* Organisation nouns that only a company answers to (sorted). */
static const char *const business_nouns[] = {
    "airline", "bank", "carmaker", "carrier", "chain", "company", "conglomerate", "firm",
    "insurer", "lender", "operator", "retailer", "startup",
};

/* Whether the organisation name holds every lower-case word of the
 * description [a, b) of paragraph p that is no determiner: "the hospital
 * association" is the "American Hospital Association", not the "National Rural
 * Health Association" named after it. */
static bool org_name_holds(const struct ingest_para *p, size_t a, size_t b, const char *name)
{
    size_t nl = strlen(name);
    for (size_t k = a; k < b; k++) {
        const struct ingest_tok *w = &p->toks.v[k];
        char word[32];
        size_t wn = w->end - w->start;
        if (w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER) ||
            TOK_IN(p->s, w, determiners) || wn >= sizeof word)
            continue;
        memcpy(word, p->s + w->start, wn);
        word[wn] = '\0';
        if (ingest_ascii_ifind(name, nl, word) == (size_t)-1)
            return false;
    }
    return true;
}


/* The organisation "the company" (or "the German carmaker": the last word is
 * one of ingest_org_noun's, or an institution noun its name holds) at subject sj of paragraph pi stands for: the most
 * recent organisation named outside quotations (and before the description's
 * own sentence) within PRON_PARAS paragraphs,
 * preferring one whose name holds every word of the description ("the
 * hospital association"), then one whose name holds the noun ("the bank" after
 * "the Bank of England" and a later "Treasury"). -1 when none. */
/* The organisation the article is about: the most mentioned one (counted
 * over the mention list, outside quotations), when mentioned at least three
 * times and half as often again as any other; -1 otherwise. Only the first
 * 16 organisations met are counted. A business story's "the company" far
 * from any name means it. */
static int32_t main_org(const struct ingest_ents *e)
{
    int32_t ent[16];
    int64_t cnt[16];
    size_t n = 0;
    for (size_t i = 0; i < e->n_m; i++) {
        const struct ingest_mention *m = &e->m[i];
        if (m->in_quote || e->v[m->entity].type != ENTITY_ORGANIZATION)
            continue;
        size_t k = 0;
        while (k < n && ent[k] != m->entity)
            k++;
        if (k == n) {
            if (n == 16)
                continue;
            ent[n] = m->entity;
            cnt[n++] = 0;
        }
        cnt[k]++;
    }
    size_t best = n;
    int64_t second = 0;
    for (size_t k = 0; k < n; k++) {
        if (best == n || cnt[k] > cnt[best]) {
            if (best < n)
                second = cnt[best];
            best = k;
        } else if (cnt[k] > second) {
            second = cnt[k];
        }
    }
    return best < n && cnt[best] >= 3 && cnt[best] * 2 >= second * 3 ? ent[best] : -1;
}

/* Nouns of one kind of body each: "the union" is no ministry, "the council"
 * no department ("authority" is left out: an authority is "the agency" as
 * often as not). Sorted. */
static const char *const body_kinds[] = {
    "agency",     "association", "bank",    "board",      "club",     "commission",
    "committee",  "council",     "court",   "department", "federation", "ministry",
    "party",      "union",       "university",
};

/* Whether noun (a body_kinds word) and the first or last word of name name
 * two different kinds of body ("the union" and "Ministry of Education"). */
static bool other_kind_of_body(const char *noun, const char *name)
{
    size_t nn = strlen(noun);
    if (!ingest_word_in(body_kinds, sizeof body_kinds / sizeof *body_kinds, noun, nn))
        return false;
    /* "The National Disaster ... Council said ... The agency said": the
     * generic noun stands for a council, board or commission of government
     * too; only a name that says "Agency" keeps other nouns off it */
    if (strcmp(noun, "agency") == 0)
        return false;
    size_t len = strlen(name), fe = 0, ls = len;
    while (fe < len && name[fe] != ' ')
        fe++;
    while (ls > 0 && name[ls - 1] != ' ')
        ls--;
    const char *w[2] = {name, name + ls};
    size_t wl[2] = {fe, len - ls};
    for (int i = 0; i < 2; i++)
        if (ingest_word_in(body_kinds, sizeof body_kinds / sizeof *body_kinds, w[i], wl[i]) &&
            !ingest_ascii_ieq(w[i], wl[i], noun))
            return true;
    return false;
}

/* True when noun stands in name only as a modifier of another body's
 * noun: "the league" is not the "Continental Volleyball League Players
 * Association", a name neither opening with the noun nor ending in it but
 * in another organisation noun. */
static bool noun_modifies_name(const char *noun, const char *name)
{
    size_t len = strlen(name), nn = strlen(noun), ls = len;
    while (ls > 0 && name[ls - 1] != ' ')
        ls--;
    if (ls == 0 || ingest_ascii_ieq(name + ls, len - ls, noun) ||
        (len > nn && name[nn] == ' ' && ingest_ascii_ieq(name, nn, noun)))
        return false;
    return ingest_org_noun(name + ls, len - ls);
}

static int32_t org_holder(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *hw = &p->toks.v[sj.b - 1];
    if (hw->kind != INGEST_TOK_WORD || !(hw->flags & INGEST_TOKF_LOWER))
        return -1;
    bool inst = false;
    /* (a business noun too: "a spokesperson for the operator") */
    if (!ingest_org_noun(p->s + hw->start, hw->end - hw->start) &&
        !TOK_IN(p->s, hw, business_nouns)) {
        if (!TOK_IN(p->s, hw, institution_nouns))
            return -1;
        inst = true;
    }
    char noun[32];
    size_t nn = hw->end - hw->start;
    if (nn >= sizeof noun)
        return -1;
    memcpy(noun, p->s + hw->start, nn);
    noun[nn] = '\0';
    bool business = TOK_IN(p->s, hw, business_nouns);
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, p->toks.v[sj.a].start);
    int32_t recent = -1, holds_noun = -1;
    /* (an organisation whose name holds the noun is sought farther back:
     * "the district" long after "the Cedar Hollow School District") */
    for (size_t steps = 0; i > 0 && steps < 192; steps++) {
        const struct ingest_mention *m = &e->m[--i];
        bool far = m->para < pi - PRON_PARAS;
        /* (a nearer organisation without the noun ends no search for an
         * institution's: only "the company" may mean it) */
        if (m->para < pi - ORG_NAME_PARAS || (far && (holds_noun >= 0 || (recent >= 0 && !inst))))
            break;
        const struct ingest_ent *en = &e->v[m->entity];
        if (m->in_quote || en->type != ENTITY_ORGANIZATION)
            continue;
        /* "after The Associated Press called the race, the group said": an
         * organisation of the description's own sentence is another one */
        size_t mk = tok_at_byte(p, m->start);
        if (m->para == pi && p->toks.v[mk].sent == p->toks.v[sj.a].sent)
            continue;
        /* "The far-right Alternative for Germany (AfD) ... called for X.
         * “...,” the party said": an institution noun stands for the
         * organisation that opened the sentence before, in its paragraph,
         * though its name lacks the noun (parties seldom say "party") */
        if (inst && m->para == pi && p->toks.v[mk].sent + 1 == p->toks.v[sj.a].sent) {
            size_t z = mk;
            while (z > 0 && mk - z < 4 && p->toks.v[z - 1].sent == p->toks.v[mk].sent &&
                   ((p->toks.v[z - 1].flags & INGEST_TOKF_LOWER) || is_punct(&p->toks.v[z - 1], '-')) &&
                   !ingest_tok_ieq(p->s, &p->toks.v[z - 1], "the"))
                z--;
            if (z > 0 && ingest_tok_ieq(p->s, &p->toks.v[z - 1], "the") &&
                p->toks.v[z - 1].sent == p->toks.v[mk].sent)
                z--;
            if (p->toks.v[z].flags & INGEST_TOKF_SENT_START)
                return m->entity;
        }
        if (ingest_ascii_ifind(en->name, strlen(en->name), noun) != (size_t)-1 &&
            !noun_modifies_name(noun, en->name)) {
            if (org_name_holds(p, sj.a, sj.b - 1, en->name))
                return m->entity;
            /* ("the appeal court" is not the Constitutional Court: an
             * institution noun with a modifier needs a name holding it) */
            if (holds_noun < 0 && !(inst && sj.b - sj.a >= 3))
                holds_noun = m->entity;
            continue;
        }
        /* "the company said" after "Halcyon Pharmaceuticals ... a review by the
         * Food and Drug Administration": a business noun means a company, or
         * an organisation that was a sentence's subject */
        /* (a watchdog or regulator is no company: "a report by Audit
         * Scotland ... vessels built by Clydeside Marine Engineering. The
         * spending watchdog said") */
        static const char *const overseers[] = {"regulator", "watchdog"}; /* sorted */
        bool overseer = ingest_word_in(overseers, 2, noun, strlen(noun));
        if (recent < 0 && !far && !other_kind_of_body(noun, en->name) &&
            !(overseer && ingest_company_name(en->name)) &&
            (!business || ingest_company_name(en->name) ||
             org_opens_sentence(&x->paras[m->para], m)))
            recent = m->entity;
    }
    if (holds_noun < 0 && !inst && recent < 0 && business)
        return main_org(e); /* "the company said" long after its name */
    return holds_noun >= 0 || inst ? holds_noun : recent;
}

/* Whether the description d[0..nd) of text ds holds the title word w/n (as
 * desc_word_is reads one: "Dep." for "deputy" too). */
static bool desc_has_word(const char *ds, const struct ingest_tok *const *d, size_t nd,
                          const char *w, size_t n)
{
    for (size_t i = 0; i < nd; i++)
        if (desc_word_is(w, n, ds + d[i]->start, d[i]->end - d[i]->start))
            return true;
    return false;
}

/* Whether the title words [a, b) of paragraph mp hold one of rank_words that
 * the description d[0..nd) (text ds) lacks: then they name another office. */
static bool rank_clash(const struct ingest_para *mp, size_t a, size_t b,
                       const struct ingest_tok *const *d, const char *ds, size_t nd)
{
    for (size_t k = a; k < b; k++) {
        if (!TOK_IN(mp->s, &mp->toks.v[k], rank_words))
            continue;
        if (desc_hits(mp, k, k + 1, d, ds, nd) == 0)
            return true;
    }
    return false;
}

/* Lower-case words that join a capitalised office to its domain: "Minister
 * of Mines and Energy", "Minister of State at the Department of Housing". */
static const char *const office_joiners[] = {"and", "at", "for", "of", "on", "the"};

/* Whether the name starting at token a of paragraph mp stands right behind a
 * capitalised office with its domain whose first word is the description's
 * one word hw/hn: "Minister of Mines and Energy, Ann Roe," or "Minister of
 * State at the Department of Housing Ann Roe said" for "the minister" (the
 * title words right before a name stop at "of", so neither reaches the
 * office's head noun). Not behind a rank word: a "Deputy Minister of ..."
 * is not "the minister". Bounded: twelve words back. */
static bool office_with_domain_before(const struct ingest_para *mp, size_t a, const char *hw,
                                      size_t hn)
{
    const struct ingest_tok *t = mp->toks.v;
    size_t z = a;
    if (z > 0 && is_punct(&t[z - 1], ',') && t[z - 1].quote < 0)
        z--; /* the comma of "Energy, Ann Roe," */
    bool joined = false;
    for (size_t k = z; k > 0 && z - k < 12; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind != INGEST_TOK_WORD || w->quote >= 0 || (w->flags & INGEST_TOKF_POSS))
            return false;
        if (TOK_IN(mp->s, w, office_joiners)) {
            joined = true;
            continue;
        }
        if (!(w->flags & INGEST_TOKF_CAP))
            return false;
        /* the office's head must be followed by a joiner ("Minister of"),
         * else it is only a title word before the name, tested elsewhere */
        if (joined && k < z && TOK_IN(mp->s, &t[k], office_joiners) &&
            desc_word_is(mp->s + w->start, w->end - w->start, hw, hn))
            return !(k >= 2 && TOK_IN(mp->s, &t[k - 2], rank_words));
    }
    return false;
}

/* True when byte b of paragraph pi lies in a person's mention: "Judge X
 * jailed Tom Roe" gives Roe no title words from X's name and title. */
static bool person_named_at(const struct ctx *x, int32_t pi, size_t b)
{
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, b + 1);
    if (i == 0)
        return false;
    const struct ingest_mention *m = &e->m[i - 1];
    return m->para == pi && m->start <= b && b < m->end && e->v[m->entity].type == ENTITY_PERSON;
}

/* How well the description d[0..nd) (head word d[head]) of paragraph p fits
 * the person mention m: true when all its words stand around the name (title
 * words before it, an appositive after it, "of Maine" right after it: "Sens.
 * Ann Roe of Maine" for "the Maine senator"); *head_ok when its head word
 * does and no other party or nationality does. */
static bool desc_fits_mention(const struct ctx *x, const struct ingest_mention *m,
                              const struct ingest_para *p, const struct ingest_tok *const *d,
                              size_t nd, size_t head, bool *head_ok)
{
    const struct ingest_para *mp = &x->paras[m->para];
    const struct ingest_tok *t = mp->toks.v;
    size_t a = tok_at_byte(mp, m->start), b = tok_at_byte(mp, m->end);
    *head_ok = false;
    /* title words right before the name, up to punctuation; an abbreviated
     * title's full stop may stand alone ("Sens. Ann Roe and Al Poe") */
    size_t before = a;
    if (a >= 2 && is_punct(&t[a - 1], '.') && t[a - 2].kind == INGEST_TOK_WORD &&
        tok_capital(&t[a - 2]) && t[a - 2].end - t[a - 2].start <= 4 && t[a - 2].end == t[a - 1].start)
        before = a - 2;
    while (before > 0 && a - before < 4 && t[before - 1].kind == INGEST_TOK_WORD &&
           t[before - 1].quote < 0 && !TOK_IN(mp->s, &t[before - 1], function_words) &&
           !TOK_IN(mp->s, &t[before - 1], determiners) && !(t[before - 1].flags & INGEST_TOKF_POSS) &&
           !person_named_at(x, m->para, t[before - 1].start))
        before--;
    /* "the White House press secretary, Ann Roe,": a description right
     * before the name, behind its article, is its title too */
    size_t before_end = a;
    if (before == a && a >= 3 && is_punct(&t[a - 1], ',') && t[a - 1].quote < 0) {
        size_t z = a - 1;
        while (z > 0 && a - 1 - z < 6 && t[z - 1].kind == INGEST_TOK_WORD && t[z - 1].quote < 0 &&
               !TOK_IN(mp->s, &t[z - 1], function_words) &&
               !TOK_IN(mp->s, &t[z - 1], determiners) && !(t[z - 1].flags & INGEST_TOKF_POSS))
            z--;
        /* ("the Tánaiste, Ann Roe,": a capitalised title word too; and
         * with no article when the title opens the sentence: "Harbour
         * City manager, Ann Roe, said ...") */
        bool opens = z < a - 1 && (z == 0 || t[z - 1].sent != t[z].sent);
        /* ("whether he would debate the state senator, Ann Roe said": an
         * object of a verb mid-sentence, with no comma closing it after the
         * name, is no appositive: that name opens the main clause) */
        bool object = z >= 2 && t[z - 2].kind == INGEST_TOK_WORD && t[z - 2].quote < 0 &&
                      t[z - 2].sent == t[z].sent && (t[z - 2].flags & INGEST_TOKF_LOWER) &&
                      !(b < mp->toks.n && (is_punct(&t[b], ',') || is_punct(&t[b], ')')));
        if (!object && ((z > 0 && z < a - 1 && ingest_tok_ieq(mp->s, &t[z - 1], "the")) || opens) &&
            ((t[a - 2].flags & INGEST_TOKF_LOWER) ||
             ingest_gaz_has(x->g, mp->s + t[a - 2].start, t[a - 2].end - t[a - 2].start,
                            INGEST_GAZ_TITLE))) {
            before = z;
            before_end = a - 1;
        }
    }
    /* ", the Republican nominee," right after it: a closed noun phrase, up
     * to 16 words, as a coordinated one runs long (", the nominee for Senate
     * in Michigan and a former three-term congressman from the Thumb,") */
    size_t after = b, after_end = b;
    if (after < mp->toks.n && is_punct(&t[after], ',')) {
        size_t z = ++after;
        size_t dummy;
        while (z < mp->toks.n && z - after < 16 && t[z].kind == INGEST_TOK_WORD && t[z].quote < 0 &&
               !cue_at(mp, z, &dummy))
            z++;
        if (z < mp->toks.n && z > after && (is_punct(&t[z], ',') || is_end_punct(&t[z])))
            after_end = z;
    }
    /* "Ann Roe of Maine": where the person is from */
    size_t of = b, of_end = b;
    if (b + 1 < mp->toks.n && ingest_tok_ieq(mp->s, &t[b], "of") && t[b + 1].quote < 0 &&
        tok_capital(&t[b + 1])) {
        of = b + 1;
        for (of_end = of; of_end < mp->toks.n && of_end - of < 3 && tok_capital(&t[of_end]) &&
                          t[of_end].quote < 0;
             of_end++)
            ;
    }
    /* "Rep. Ann Roe (R-Iowa)" is "the Iowa Republican": a party tag after
     * the name holds the party's letter, then the state; every other word
     * of the description must be in the state's part */
    if (b + 1 < mp->toks.n && (is_punct(&t[b], '(') || is_punct(&t[b], ',')) &&
        t[b + 1].kind == INGEST_TOK_WORD && t[b + 1].quote < 0 &&
        t[b + 1].end - t[b + 1].start > 2 && mp->s[t[b + 1].start + 1] == '-') {
        static const char *const party_of[] = {"democrat", "independent", "republican"};
        char letter = mp->s[t[b + 1].start];
        const char *st = mp->s + t[b + 1].start + 2;
        size_t sl = t[b + 1].end - t[b + 1].start - 2;
        size_t hits = 0;
        for (size_t i = 0; i < nd; i++) {
            const char *w = p->s + d[i]->start;
            size_t wl = d[i]->end - d[i]->start;
            if (i == head) {
                for (size_t j = 0; j < 3; j++)
                    if (letter == (char)(party_of[j][0] - 'a' + 'A') &&
                        desc_word_is(party_of[j], strlen(party_of[j]), w, wl))
                        hits++;
            } else if (wl >= 2 && wl <= sl && desc_word_is(st, wl, w, wl) &&
                       (wl == sl || !isalpha((unsigned char)st[wl]))) {
                hits++;
            }
        }
        if (hits == nd)
            return true;
    }
    if (nd == 1 && office_with_domain_before(mp, a, p->s + d[0]->start, d[0]->end - d[0]->start))
        return true;
    /* "The shadow home secretary, Fiona Roe," is not "the home secretary" */
    if (rank_clash(mp, before, before_end, d, p->s, nd))
        before = before_end;
    if (rank_clash(mp, after, after_end, d, p->s, nd))
        after = after_end;
    size_t hb = desc_hits(mp, before, before_end, d, p->s, nd);
    size_t ha = desc_hits(mp, after, after_end, d, p->s, nd);
    size_t ho = desc_hits(mp, of, of_end, d, p->s, nd);
    bool head_b = desc_hits(mp, before, before_end, &d[head], p->s, 1) > 0;
    bool head_a = desc_hits(mp, after, after_end, &d[head], p->s, 1) > 0;
    if ((head_b && hb == nd) || (head_a && ha == nd) ||
        (head_b && nd >= 2 && ho > 0 && hb + ho >= nd && !desc_hits(mp, of, of_end, &d[head], p->s, 1)))
        return true;
    *head_ok = (head_b || head_a) &&
               !party_clash(x->g, mp, head_b ? before : after, head_b ? before_end : after_end, d,
                            p->s, nd);
    return false;
}

/* "“...,” the Taoiseach said" resolved once (to the person who opened the
 * paragraph before), then "at odds with the Taoiseach, who has described
 * ... as “...”" where nobody near holds the title: the person an earlier
 * quotation of the article gave the same definite description to (its
 * words as written, case aside), the latest of the last 64 quotations.
 * -1 when none. */
static int32_t role_said_before(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const char *w = p->s + p->toks.v[sj.a].start;
    size_t wn = p->toks.v[sj.b - 1].end - p->toks.v[sj.a].start;
    for (size_t k = x->out->n; k > 0 && x->out->n - k < 64; k--) {
        const struct ingest_q *o = &x->out->v[k - 1];
        if (o->speaker < 0 || o->subj_para < 0 || o->subj_para > pi || o->subj_head ||
            o->speaker_lit || o->subj_end - o->subj_start != wn ||
            x->ents->v[o->speaker].type != ENTITY_PERSON)
            continue;
        if (strncasecmp(x->paras[o->subj_para].s + o->subj_start, w, wn) == 0)
            return o->speaker;
    }
    return -1;
}

/* The person paragraph pi is about before byte at: its topic, or, when it
 * names no person before at, the topic of the paragraph before ("Roe ...
 * hit back. ¶ “...,” the party leader said."). -1 when none. */
static int32_t topic_before(const struct ctx *x, int32_t pi, size_t at)
{
    const struct ingest_para *p = &x->paras[pi];
    int32_t who = paragraph_topic(x, pi, at, false);
    bool named = false; /* (past TOPIC_MENTIONS mentions, someone surely is) */
    for (size_t mi = 0; mi < p->n_m && p->m[mi].start < at && !named; mi++)
        named = mi >= TOPIC_MENTIONS ||
                (!p->m[mi].in_quote && x->ents->v[p->m[mi].entity].type == ENTITY_PERSON);
    if (who < 0 && !named && pi > 0)
        who = paragraph_topic(x, pi - 1, SIZE_MAX, true);
    return who;
}

/* True when the word w/n is an age used as a noun: digits or a number word
 * then "-year-old" ("22-year-old", "six-year-old"). */
static bool age_word(const char *w, size_t n)
{
    static const char suffix[] = "-year-old";
    size_t sl = sizeof suffix - 1;
    return n > sl && strncasecmp(w + n - sl, suffix, sl) == 0 &&
           ((w[0] >= '0' && w[0] <= '9') || (w[0] >= 'a' && w[0] <= 'z'));
}

/* Whether the capitalised title right before the name at token a of mp
 * (a comma between allowed: "the Commissioner of Police, Ann Roe,") has the
 * initials ac/an, case aside: "Commissioner of Police" for "CP", "Divisional
 * Police Officer" for "DPO". Joiners ("of", "and", "for") add no letter, a
 * hyphen's parts one each ("Inspector-General"). At most six words back. */
static bool title_initials_are(const struct ingest_para *mp, size_t a, const char *ac, size_t an)
{
    static const char *const joiners[] = {"and", "for", "of"}; /* sorted */
    const struct ingest_tok *t = mp->toks.v;
    size_t z = a;
    if (z > 0 && is_punct(&t[z - 1], ',') && t[z - 1].quote < 0)
        z--;
    char got[8];
    size_t ng = 0; /* initials, last word's first */
    for (size_t k = z; k > 0 && z - k < 6; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind != INGEST_TOK_WORD || w->quote >= 0 || (w->flags & INGEST_TOKF_POSS))
            break;
        if (TOK_IN(mp->s, w, joiners))
            continue;
        if (!(w->flags & INGEST_TOKF_CAP) || ingest_tok_ieq(mp->s, w, "the"))
            break;
        for (size_t c = w->end; c > w->start && ng < sizeof got; c--)
            if (c - 1 == w->start || mp->s[c - 2] == '-')
                got[ng++] = mp->s[c - 1];
    }
    if (ng != an)
        return false;
    for (size_t i = 0; i < an; i++)
        if ((got[an - 1 - i] | 0x20) != (ac[i] | 0x20))
            return false;
    return true;
}

/* "the Commissioner of Police, Ann Roe, vowed ... ¶ “...,” the CP said": an
 * upper-case description of two to four letters is the initials of a title,
 * and stands for the latest person (64 mentions back, PRON_PARAS paragraphs)
 * named right behind a title with those initials. -1 when none. */
static int32_t initials_holder(const struct ctx *x, int32_t pi, size_t at, const char *ac,
                               size_t an)
{
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, at), steps = 0;
    for (const struct ingest_mention *m; (m = person_before(e, pi, &i, &steps));) {
        if (m->in_quote)
            continue;
        const struct ingest_para *mp = &x->paras[m->para];
        if (title_initials_are(mp, tok_at_byte(mp, m->start), ac, an))
            return m->entity;
    }
    return -1;
}

/* The person a definite description ("the senator", "the Republican nominee",
 * "the former secretary of state") at subject sj of paragraph pi stands for:
 * walking back from it over at most 64 mentions in PRON_PARAS paragraphs, the
 * most recent person whose title words before the name ("Republican nominee
 * Donald Trump", "Sen. Ann Roe") or appositive after it ("Ann Roe, the
 * Republican nominee,") hold the description's head noun, preferring one that
 * holds every word of it. -1 when none. */
static int32_t description_holder(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *d[6];
    size_t nd = 0;
    for (size_t k = sj.a + 1; k < sj.b && nd < 6; k++) {
        const struct ingest_tok *w = &p->toks.v[k];
        if (w->kind != INGEST_TOK_WORD || TOK_IN(p->s, w, desc_modifiers) ||
            ingest_tok_ieq(p->s, w, "of") || ingest_tok_ieq(p->s, w, "the"))
            continue;
        d[nd++] = w;
    }
    if (nd == 0 || nd > 4)
        return -1;
    /* the head noun: the last word, or the one before "of" ("secretary of state") */
    size_t head = nd - 1;
    for (size_t k = sj.a + 1; k + 1 < sj.b; k++)
        if (ingest_tok_ieq(p->s, &p->toks.v[k + 1], "of"))
            for (size_t i = 0; i < nd; i++)
                if (d[i] == &p->toks.v[k])
                    head = i;
    const struct ingest_tok *hw = d[head];
    /* "the 22-year-old said": an age names a person as a role does, and no
     * title holds it, so it is the person the paragraph is about */
    if (nd == 1 && age_word(p->s + hw->start, hw->end - hw->start))
        return topic_before(x, pi, p->toks.v[sj.a].start);
    /* ("the 61-year-old former banker said": an age before the noun makes
     * it a person whatever the noun, so a trade no title list holds still
     * falls back on the person the paragraph is about; an age and one
     * noun only: "the 34-year-old mother of three" says more, left as
     * written) */
    bool aged = nd == 2 && age_word(p->s + d[0]->start, d[0]->end - d[0]->start);
    if (nd == 1 && (hw->flags & INGEST_TOKF_ALLCAPS) && hw->end - hw->start <= 4) {
        int32_t who = initials_holder(x, pi, p->toks.v[sj.a].start, p->s + hw->start,
                                      hw->end - hw->start);
        if (who >= 0)
            return who;
    }
    if (!(hw->flags & INGEST_TOKF_LOWER) && !(hw->flags & INGEST_TOKF_CAP))
        return -1;
    /* ("the Italian said" after "X, the world No 6 from Italy, ...": a
     * nationality alone stands for a person as a role does) */
    if (!aged && !TOK_IN(p->s, hw, role_nouns) &&
        !ingest_gaz_has(x->g, p->s + hw->start, hw->end - hw->start, INGEST_GAZ_TITLE) &&
        !(nd == 1 && (hw->flags & INGEST_TOKF_CAP) &&
          ingest_gaz_has(x->g, p->s + hw->start, hw->end - hw->start, INGEST_GAZ_DEMONYM)))
        return -1; /* "the letter", "the union": no person */
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, p->toks.v[sj.a].start);
    int32_t head_only = -1;
    size_t seen = 0;
    for (const struct ingest_mention *m; (m = person_before(e, pi, &i, &seen));) {
        bool head_ok;
        if (desc_fits_mention(x, m, p, d, nd, head, &head_ok))
            return m->entity;
        if (head_ok && head_only < 0)
            head_only = m->entity;
        /* a title recorded elsewhere for this person ("Sen." in another
         * paragraph); not behind a rank word the description lacks: a
         * "Deputy Mayor" is not "the mayor" */
        const struct ingest_ent *en = &e->v[m->entity];
        for (size_t ti = 0; ti < en->titles.n && head_only < 0; ti++) {
            const char *tt = en->titles.v[ti];
            size_t tl = strlen(tt), q = 0, pq = 0, pl = 0; /* pq/pl: the word before */
            bool ranked = false;
            while (q < tl) {
                size_t r = q;
                while (r < tl && tt[r] != ' ')
                    r++;
                size_t wl = r;
                while (wl > q && tt[wl - 1] == '.')
                    wl--;
                const char *dh = p->s + d[head]->start;
                size_t dhn = d[head]->end - d[head]->start;
                /* (a bare "Attorney" may be what is left of "State's
                 * Attorney": only "attorney" in lower case stands alone) */
                if (!ranked && (desc_word_is(tt + q, wl - q, dh, dhn) ||
                                (r == tl && (pl > 0 || tt[q] == 'a') &&
                                 attorney_is_lawyer(tt + pq, pl, tt + q, wl - q, dh, dhn))))
                    head_only = m->entity;
                pq = q;
                pl = r - q;
                ranked = ingest_word_in(rank_words, sizeof rank_words / sizeof *rank_words,
                                        tt + q, wl - q) &&
                         !desc_has_word(p->s, d, nd, tt + q, wl - q);
                q = r + 1;
            }
        }
    }
    /* "the Maine senator" for "Sens. Ann Roe of Maine" introduced further
     * back: a description of two words or more that fits one person fully
     * beats a near one that only shares its head (bounded: 256 mentions) */
    if (nd >= 2) {
        size_t f = mention_lower(e, pi, p->toks.v[sj.a].start);
        for (size_t steps = 0; f > 0 && steps < 256; steps++) {
            const struct ingest_mention *m = &e->m[--f];
            bool head_ok;
            if (e->v[m->entity].type == ENTITY_PERSON && !m->in_quote &&
                desc_fits_mention(x, m, p, d, nd, head, &head_ok))
                return m->entity;
        }
    }
    /* "the actor said" long after "Hollywood actor Ann Roe" and nobody near
     * it: the one person (bounded: 256 mentions) with the noun right before
     * the name or in an appositive after it, when no other person has it
     * ("the actor told host Ann Roe" is no title of Roe's) */
    if (nd == 1 && head_only < 0 && !TOK_IN(p->s, hw, unnamed_roles)) {
        int32_t only = -1;
        size_t f = mention_lower(e, pi, p->toks.v[sj.a].start);
        for (size_t steps = 0; f > 0 && steps < 256 && only != -2; steps++) {
            const struct ingest_mention *m = &e->m[--f];
            /* (the cheap tests first: the token lookups are two binary searches) */
            if (e->v[m->entity].type != ENTITY_PERSON || m->in_quote || m->entity == only)
                continue;
            const struct ingest_para *mp = &x->paras[m->para];
            size_t ma = tok_at_byte(mp, m->start), mb = tok_at_byte(mp, m->end);
            bool head_ok;
            if (((ma > 0 && desc_word_is(mp->s + mp->toks.v[ma - 1].start,
                                         mp->toks.v[ma - 1].end - mp->toks.v[ma - 1].start,
                                         p->s + hw->start, hw->end - hw->start)) ||
                 (mb < mp->toks.n && is_punct(&mp->toks.v[mb], ','))) &&
                desc_fits_mention(x, m, p, d, nd, head, &head_ok))
                only = only < 0 ? m->entity : -2;
        }
        if (only >= 0)
            return only;
    }
    if (head_only < 0 && !TOK_IN(p->s, hw, unnamed_roles))
        head_only = topic_before(x, pi, p->toks.v[sj.a].start);
    /* "..., with the Welsh Conservatives leader accusing ..." in a lead
     * that names the leader only later ("Welsh Conservatives leader X
     * opened"): the first person after it who fits fully, within eight
     * paragraphs (bounded: 128 mentions) */
    if (nd >= 2 && pi <= 2 && head_only < 0) {
        size_t g = mention_lower(e, pi, p->toks.v[sj.b - 1].end);
        for (size_t steps = 0; g < e->n_m && steps < 128 && e->m[g].para <= pi + 8;
             steps++, g++) {
            const struct ingest_mention *m = &e->m[g];
            bool head_ok;
            if (m->para > pi && e->v[m->entity].type == ENTITY_PERSON && !m->in_quote &&
                desc_fits_mention(x, m, p, d, nd, head, &head_ok))
                return m->entity;
        }
    }
    if (head_only < 0 && !TOK_IN(p->s, hw, unnamed_roles))
        head_only = role_said_before(x, pi, sj);
    return head_only;
}

/* Roles a campaign story calls its subject by: "the candidate said". */
static const char *const campaign_roles[] = {"candidate", "nominee"};

void ingest_people_lead(const struct ingest_ents *e, bool no_authors, struct ingest_lead *out)
{
    out->best = out->first = -1;
    out->second = 0;
    for (size_t k = 0; e && k < e->n && k < 512; k++) {
        if (e->v[k].type != ENTITY_PERSON || (no_authors && e->v[k].is_author))
            continue;
        if (out->first < 0 || e->v[k].first_pos < e->v[out->first].first_pos)
            out->first = (int32_t)k;
        if (out->best < 0 || e->v[k].mentions > e->v[out->best].mentions) {
            if (out->best >= 0)
                out->second = e->v[out->best].mentions;
            out->best = (int32_t)k;
        } else if (e->v[k].mentions > out->second) {
            out->second = e->v[k].mentions;
        }
    }
}

bool ingest_lead_dominates(const struct ingest_ents *e, const struct ingest_lead *l)
{
    return l->best >= 0 && e->v[l->best].mentions >= 4 &&
           e->v[l->best].mentions * 2 >= l->second * 3;
}

/* The person the article is about: the most mentioned one, when mentioned at
 * least four times and half as often again as anybody else (among the first
 * 512 entities). -1 otherwise. */
static int32_t protagonist(const struct ingest_ents *e)
{
    struct ingest_lead l;
    ingest_people_lead(e, false, &l);
    return ingest_lead_dominates(e, &l) ? l.best : -1;
}

/* Common nouns for family members and people that a he/she can refer back to,
 * with their sex (1 male, 2 female), sorted. */
static const struct {
    const char *word;
    int gender;
} kin_nouns[] = {
    {"aunt", 2},        {"boyfriend", 1}, {"brother", 1}, {"dad", 1},     {"daughter", 2},
    {"father", 1},      {"girlfriend", 2}, {"grandfather", 1}, {"grandmother", 2},
    {"husband", 1},     {"mom", 2},       {"mother", 2},  {"nephew", 1},  {"niece", 2},
    {"sister", 2},      {"son", 1},       {"uncle", 1},   {"wife", 2},
};

/* "“You owed money, didn't you?” X asked. ¶ “Yes,” the nephew said": a
 * definite person noun (kin, role, or "witness") that names nobody, right
 * after another's question, is who spoke before that question, the one the
 * question was put to (court testimony, an interview). -1 otherwise. */
static int32_t answering_description(const struct ctx *x, int32_t pi, const struct ingest_tok *w,
                                     const char *s)
{
    if (pi != x->asker_para + 1 || x->answerer < 0 || x->answerer == x->asker ||
        !(w->flags & INGEST_TOKF_LOWER))
        return -1;
    bool person = TOK_IN(s, w, role_nouns) || ingest_tok_is(s, w, "witness");
    for (size_t i = 0; i < sizeof kin_nouns / sizeof *kin_nouns && !person; i++)
        person = ingest_tok_ieq(s, w, kin_nouns[i].word);
    return person ? x->answerer : -1;
}

/* Nouns for a person one belongs with, besides roles and kin: "X's running
 * mate", sorted. */
static const char *const companion_nouns[] = {"deputy", "mate", "partner", "successor"};

/* True when the name at token k is an owner whose noun is another person
 * ("Dunmore's running mate was speaking ...", "X's campaign manager") or a
 * writing ("Dr. X's letter said only ..."): the sentence is about that
 * person or writing, not the owner. */
/* True when the kin noun at w answers kin the other way round: "his
 * daughter, X" makes X's owner her father (parents and children, husbands
 * and wives). */
static bool kin_inverse(const struct ingest_para *p, const struct ingest_tok *w, const char *kin)
{
    static const char *const parents[] = {"dad", "father", "mom", "mother"}; /* sorted */
    static const char *const children[] = {"daughter", "son"};              /* sorted */
    static const char *const spouses[] = {"husband", "wife"};               /* sorted */
    if (ingest_word_in(parents, sizeof parents / sizeof *parents, kin, strlen(kin)))
        return TOK_IN(p->s, w, children);
    if (ingest_word_in(children, sizeof children / sizeof *children, kin, strlen(kin)))
        return TOK_IN(p->s, w, parents);
    if (ingest_word_in(spouses, sizeof spouses / sizeof *spouses, kin, strlen(kin)))
        return TOK_IN(p->s, w, spouses) && !ingest_tok_ieq(p->s, w, kin);
    return false;
}

/* The owner of a "his daughter, X" phrase whose name X is mention mi
 * (entity named): the latest other person named before it, in its
 * paragraph or the one before; -1 when none. */
static int32_t kin_owner(const struct ctx *x, int32_t mi, int32_t para, int32_t named)
{
    const struct ingest_ents *e = x->ents;
    for (int32_t i = mi - 1; i >= 0 && mi - i < 32; i--) {
        const struct ingest_mention *m = &e->m[i];
        if (m->para < para - 1)
            break;
        if (!m->in_quote && m->entity != named && e->v[m->entity].type == ENTITY_PERSON)
            return m->entity;
    }
    return -1;
}

/* "His daughter, Sophie Roe, took over the farm." many paragraphs before
 * "Sophie said ... Her father nodded": the his/her stands for a person
 * (pronoun_resolve, a few paragraphs back); when that person was once named
 * behind the inverse kin noun, anywhere earlier, the kin is that phrase's
 * owner. The pronoun's own referent bounds the long look back. */
/* How far kin_far_inverse looks back: over this many earlier mentions, and
 * this many of the referent's own (a token search each), far more than a
 * long article holds, yet bounds, so that a "Her father said" after every
 * one of thousands of mentions stays linear. */
enum { KIN_FAR_STEPS = 4096, KIN_FAR_OWN = 64 };

static int32_t kin_far_inverse(const struct ctx *x, int32_t pi, struct subj sj, const char *kin)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    bool his = ingest_tok_ieq(p->s, &t[sj.a], "his");
    if (!his && !ingest_tok_ieq(p->s, &t[sj.a], "her"))
        return -1;
    int32_t who = pronoun_resolve(x, pi, t[sj.a].start, his ? 1 : 2);
    if (who < 0)
        return -1;
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, t[sj.a].start);
    size_t seen = 0;
    for (size_t steps = 0; i > 0 && steps < KIN_FAR_STEPS && seen < KIN_FAR_OWN; steps++) {
        const struct ingest_mention *m = &e->m[--i];
        if (m->entity != who || m->in_quote)
            continue;
        seen++;
        const struct ingest_para *mp = &x->paras[m->para];
        const struct ingest_tok *u = mp->toks.v;
        size_t a = tok_at_byte(mp, m->start);
        if (a >= 3 && is_punct(&u[a - 1], ',') && TOK_IN(mp->s, &u[a - 3], possessives) &&
            kin_inverse(mp, &u[a - 2], kin))
            return kin_owner(x, (int32_t)i, m->para, who);
    }
    return -1;
}

/* "X waited with her mother, Ann Roe, 68. ... Her mother said": a subject
 * of a possessive and a kin noun (kin_nouns) is the person an earlier
 * "her mother, NAME" named (same noun, a possessive before it), the latest
 * within PRON_PARAS paragraphs (64 mentions); -1 when none. */
static int32_t kin_named(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (sj.b != sj.a + 2 || !TOK_IN(p->s, &t[sj.a], possessives))
        return -1;
    const char *kin = NULL;
    for (size_t i = 0; i < sizeof kin_nouns / sizeof *kin_nouns && !kin; i++)
        if (ingest_tok_ieq(p->s, &t[sj.a + 1], kin_nouns[i].word))
            kin = kin_nouns[i].word;
    if (!kin)
        return -1;
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, t[sj.a].start), steps = 0;
    for (const struct ingest_mention *m; (m = person_before(e, pi, &i, &steps));) {
        if (m->in_quote)
            continue;
        const struct ingest_para *mp = &x->paras[m->para];
        const struct ingest_tok *u = mp->toks.v;
        size_t a = tok_at_byte(mp, m->start);
        if (a >= 3 && is_punct(&u[a - 1], ',') && ingest_tok_ieq(mp->s, &u[a - 2], kin) &&
            TOK_IN(mp->s, &u[a - 3], possessives))
            return m->entity;
        if (a >= 3 && is_punct(&u[a - 1], ',') && TOK_IN(mp->s, &u[a - 3], possessives) &&
            kin_inverse(mp, &u[a - 2], kin))
            return kin_owner(x, (int32_t)(i), m->para, m->entity);
    }
    return kin_far_inverse(x, pi, sj, kin);
}

static bool owns_person(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    size_t o = k;
    while (o < p->toks.n && o < k + 4 && tok_capital(&t[o]) && !(t[o].flags & INGEST_TOKF_POSS))
        o++;
    if (o >= p->toks.n || !(t[o].flags & INGEST_TOKF_POSS) || !tok_capital(&t[o]))
        return false;
    for (size_t j = o + 1; j < p->toks.n && j < o + 4 && t[j].sent == t[o].sent; j++) {
        const struct ingest_tok *w = &t[j];
        if (w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER))
            return false;
        if (TOK_IN(p->s, w, role_nouns) || TOK_IN(p->s, w, companion_nouns) ||
            TOK_IN(p->s, w, document_nouns))
            return true;
        for (size_t i = 0; i < sizeof kin_nouns / sizeof *kin_nouns; i++)
            if (ingest_tok_ieq(p->s, w, kin_nouns[i].word))
                return true;
    }
    return false;
}

/* True when the he/she at token k has a family noun of its sex behind a
 * possessive earlier in its own sentence ("His mother mends nets, and she
 * calls ..."), with no person named in between: the pronoun means that
 * unnamed relative, not a person named elsewhere. */
static bool pronoun_means_kin(const struct ctx *x, int32_t pi, size_t k, int gender)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    for (size_t j = k; j > 1 && k - j < 24 && t[j - 1].sent == t[k].sent; j--) {
        const struct ingest_tok *w = &t[j - 1];
        if (w->quote >= 0)
            return false;
        if (w->kind != INGEST_TOK_WORD || !TOK_IN(p->s, &t[j - 2], possessives))
            continue;
        int kin = 0;
        for (size_t i = 0; i < sizeof kin_nouns / sizeof *kin_nouns && !kin; i++)
            if (ingest_tok_ieq(p->s, w, kin_nouns[i].word))
                kin = kin_nouns[i].gender;
        if (!kin)
            continue;
        if (kin != gender)
            return false;
        for (size_t mi = 0; mi < p->n_m; mi++)
            if (p->m[mi].start > w->start && p->m[mi].start < t[k].start && !p->m[mi].in_quote &&
                x->ents->v[p->m[mi].entity].type == ENTITY_PERSON)
                return false; /* a person named closer to the pronoun */
        return true;
    }
    return false;
}

/* Nouns for a body of people that "it" or "they" can stand for, sorted. */
static const char *const collective_nouns[] = {
    "administration", "agency", "board",  "campaign", "committee", "company", "council",
    "court",          "department", "firm", "government", "group", "ministry", "office",
    "party",          "staff",  "team",   "union",
};

/* "X's campaign has started ... against what they call “...”": the
 * subject of the pronoun's own sentence when it is a body of people ("X's
 * campaign", "the council") that no entity names; its tokens in [*a, *b). */
static bool group_subject(const struct ingest_para *p, size_t k, size_t *a, size_t *b)
{
    const struct ingest_tok *t = p->toks.v;
    size_t sa, sb;
    sentence_bounds(p, k, &sa, &sb);
    size_t c = sa;
    while (c < k && TOK_IN(p->s, &t[c], lead_drops))
        c++;
    size_t o = c; /* the owner's name: "Mayor Ann Roe's campaign" */
    while (o < k && o - c < 3 && tok_capital(&t[o]) && !(t[o].flags & INGEST_TOKF_POSS) &&
           t[o].quote < 0)
        o++;
    size_t h = o + 1;
    if (h >= k || t[o].quote >= 0 || t[h].quote >= 0 || !TOK_IN(p->s, &t[h], collective_nouns))
        return false;
    if (!(o == c && ingest_tok_ieq(p->s, &t[o], "the")) &&
        !((t[o].flags & INGEST_TOKF_POSS) && tok_capital(&t[o])))
        return false;
    *a = c;
    *b = h + 1;
    return true;
}


/* "A Labour source at the count has told X the party is bracing for
 * defeat. ¶ “...,” they said": a "they" whose nearest sentence before it
 * without quotations (in its paragraph, else the last of the paragraph
 * before) opens with an anonymous source (an indefinite word, up to five
 * modifiers, a source noun) means that source, as written up to its noun:
 * a singular "they" for a source whose sex the writer keeps back. */
static bool they_source(const struct ctx *x, int32_t pi, size_t k, struct attr *at)
{
    static const char *const indefinite[] = {"a", "an", "another", "one", "three", "two"};
    const struct ingest_para *p = &x->paras[pi];
    int32_t qi = pi;
    size_t j = k;
    /* back to the nearest sentence that holds no quotation */
    while (j > 0 && k - j < 400 && (p->toks.v[j - 1].quote >= 0 ||
                                     p->toks.v[j - 1].sent == p->toks.v[k].sent))
        j--;
    if (j == 0) {
        if (pi == 0 || x->paras[pi - 1].n_spans || x->paras[pi - 1].toks.n == 0)
            return false;
        qi = pi - 1;
        p = &x->paras[qi];
        j = p->toks.n;
    }
    const struct ingest_tok *u = p->toks.v;
    size_t sa, sb;
    sentence_bounds(p, j - 1, &sa, &sb);
    for (size_t i = sa; i < sb; i++)
        if (u[i].quote >= 0)
            return false;
    size_t c = sa;
    while (c < sb && TOK_IN(p->s, &u[c], lead_drops))
        c++;
    if (c >= sb || !TOK_IN(p->s, &u[c], indefinite))
        return false;
    for (size_t h = c + 1; h < sb && h <= c + 6; h++) {
        if (u[h].kind != INGEST_TOK_WORD || TOK_IN(p->s, &u[h], function_words))
            return false;
        if (TOK_IN(p->s, &u[h], source_heads)) {
            at->speaker = -1;
            at->subj_para = qi;
            at->subj_a = u[c].start;
            at->subj_b = u[h].end;
            return true;
        }
    }
    return false;
}

/* Counts that open a group of sources ("Two strategists who ..."), sorted. */
static const char *const group_counts[] = {
    "eight", "five", "four", "nine", "seven", "several", "six", "ten", "three", "two",
};

/* Forms of "be" that say what a source was ("A second aide was blunter."), sorted. */
static const char *const copulas[] = {"are", "is", "was", "were"};

/* Whether a person's name follows byte b of paragraph pi after a comma: "A
 * spokesperson for the council, Ann Roe, said" names the phrase ending at b. */
static bool named_after(const struct ctx *x, int32_t pi, size_t b)
{
    const struct ingest_para *p = &x->paras[pi];
    size_t k = tok_at_byte(p, b);
    if (k + 1 >= p->toks.n || !is_punct(&p->toks.v[k], ','))
        return false;
    for (size_t mi = 0; mi < p->n_m; mi++)
        if (p->m[mi].start == p->toks.v[k + 1].start && !p->m[mi].in_quote)
            return x->ents->v[p->m[mi].entity].type == ENTITY_PERSON;
    return false;
}

/* "A person close to Bell said ... . “...,” said the person, who ...": a
 * definite "the person" (a source noun) with no name is the anonymous source
 * an indefinite phrase with that noun introduced, before it in this paragraph
 * or in the two before; at takes that phrase as written, up to its cue.
 * Bounded: 400 tokens a paragraph. */
static bool anon_antecedent(const struct ctx *x, int32_t pi, struct subj sj, bool loose,
                            struct attr *at)
{
    static const char *const indefinite[] = {"a", "an", "another", "one", "three", "two"};
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *hn = &p->toks.v[sj.b - 1];
    for (int32_t qi = pi; qi >= 0 && qi >= pi - 2; qi--) {
        const struct ingest_para *o = &x->paras[qi];
        const struct ingest_tok *u = o->toks.v;
        size_t lim = qi == pi ? sj.a : o->toks.n;
        for (size_t j = lim; j > 1 && lim - j < 400; j--) {
            size_t h = j - 1, d = h, len;
            /* ("the source said" after "A senior party figure suggested":
             * a source is whoever an indefinite source noun introduced) */
            bool any_source = ingest_tok_is(p->s, hn, "source") && (u[h].flags & INGEST_TOKF_LOWER) &&
                              TOK_IN(o->s, &u[h], source_heads);
            if (u[h].quote >= 0 || u[h].kind != INGEST_TOK_WORD ||
                (!any_source && (u[h].end - u[h].start != hn->end - hn->start ||
                                 memcmp(o->s + u[h].start, p->s + hn->start, hn->end - hn->start) != 0)))
                continue;
            /* up to five modifiers, words or hyphens ("A senior Marsh
             * foreign policy adviser"), none a function word or "the" */
            while (d > 0 && h - d < 5 && !TOK_IN(o->s, &u[d - 1], indefinite) && u[d - 1].quote < 0 &&
                   (u[d - 1].kind == INGEST_TOK_WORD || is_punct(&u[d - 1], '-')) &&
                   !TOK_IN(o->s, &u[d - 1], prepositions) && !TOK_IN(o->s, &u[d - 1], function_words) &&
                   !ingest_tok_ieq(o->s, &u[d - 1], "the"))
                d--;
            /* "More than 40 Labour MPs have warned ... . ¶ ..., the MPs say":
             * a count (a number, or "several", "dozens of", ...) opens a
             * group as an indefinite word does, with "more than", "at
             * least", "about", ... before it */
            if (d > 0 && d < h + 1 && !TOK_IN(o->s, &u[d - 1], indefinite) &&
                (u[d - 1].kind == INGEST_TOK_NUM || TOK_IN(o->s, &u[d - 1], group_counts)) &&
                hn->end - hn->start > 1 && (p->s[hn->end - 1] == 's' || p->s[hn->end - 1] == 'S')) {
                size_t g = d - 1;
                if (g >= 2 && (ingest_tok_ieq(o->s, &u[g - 1], "than") || ingest_tok_ieq(o->s, &u[g - 1], "least")) &&
                    (ingest_tok_ieq(o->s, &u[g - 2], "more") || ingest_tok_ieq(o->s, &u[g - 2], "fewer") ||
                     ingest_tok_ieq(o->s, &u[g - 2], "at")))
                    g -= 2;
                else if (g >= 1 && (ingest_tok_ieq(o->s, &u[g - 1], "about") || ingest_tok_ieq(o->s, &u[g - 1], "nearly") ||
                                    ingest_tok_ieq(o->s, &u[g - 1], "almost") || ingest_tok_ieq(o->s, &u[g - 1], "over")))
                    g -= 1;
                if (g == 0 || (u[g].flags & INGEST_TOKF_SENT_START)) {
                    at->subj_para = qi;
                    at->subj_a = u[g].start;
                    at->subj_b = u[h].end;
                    return true;
                }
            }
            if (d == 0 || !TOK_IN(o->s, &u[d - 1], indefinite))
                continue;
            /* "..., according to a Republican committee aide, who was
             * granted anonymity ... . The aide said": the source a cue
             * before the phrase named */
            if (d >= 3 && ingest_tok_ieq(o->s, &u[d - 2], "to") &&
                ingest_tok_ieq(o->s, &u[d - 3], "according") && u[d - 3].quote < 0) {
                /* (with how it knows: "a person familiar with the case",
                 * up to a comma, a clause or the sentence's end) */
                size_t f = h;
                if (h + 2 < o->toks.n && TOK_IN(o->s, &u[h + 1], source_links) &&
                    TOK_IN(o->s, &u[h + 2], prepositions)) {
                    f = h + 2;
                    while (f + 1 < o->toks.n && f - h < 12 && u[f + 1].quote < 0 &&
                           u[f + 1].sent == u[h].sent &&
                           (u[f + 1].kind == INGEST_TOK_WORD || is_punct(&u[f + 1], '-') ||
                            is_punct(&u[f + 1], 0x2019) || is_punct(&u[f + 1], '\'')) &&
                           !TOK_IN(o->s, &u[f + 1], relatives) &&
                           !TOK_IN(o->s, &u[f + 1], anon_licences))
                        f++;
                }
                at->subj_para = qi;
                at->subj_a = u[d - 1].start;
                at->subj_b = u[f].end;
                return true;
            }
            /* a long aside may stand between the phrase and its cue: "A
             * strategist close to X, who was granted anonymity to speak
             * candidly about the race, said" (the same sentence) */
            /* (a cue right after the relative pronoun is the aside's own
             * verb: "A ministry official who asked not to be named ... said") */
            for (size_t e = h + 1;
                 e < o->toks.n && e <= h + 32 && u[e].quote < 0 && u[e].sent == u[h].sent; e++)
                if (cue_at(o, e, &len) && !TOK_IN(o->s, &u[e - 1], relatives)) {
                    /* the phrase ends before an aside: "A White House official,
                     * speaking on background, told" */
                    size_t c = h + 1;
                    while (c < e && !(u[c].kind == INGEST_TOK_PUNCT && u[c].ch == ','))
                        c++;
                    /* (and before a clause on why it is unnamed: "An aide
                     * who was not authorized to speak publicly said") */
                    for (size_t w = h + 1; w < c; w++)
                        if (TOK_IN(o->s, &u[w], relatives)) {
                            if (anon_clause(o, w, c))
                                c = w;
                            break;
                        }
                    at->subj_para = qi;
                    at->subj_a = u[d - 1].start;
                    at->subj_b = c < e ? u[c - 1].end : u[e - 1].full_end;
                    return true;
                }
            /* "A senior official from X, speaking on condition of anonymity,
             * was less optimistic.": a phrase that opens its sentence is the
             * source with no cue, up to the aside's comma, when only a
             * prepositional phrase follows its noun ("One person left the
             * meeting early, and ..." is no such phrase) */
            if ((d - 1 == 0 || (u[d - 1].flags & INGEST_TOKF_SENT_START)) && h + 1 < o->toks.n &&
                (is_punct(&u[h + 1], ',') || TOK_IN(o->s, &u[h + 1], prepositions))) {
                size_t c = h + 1;
                while (c < o->toks.n && c <= h + 12 && u[c].quote < 0 &&
                       !(u[c].kind == INGEST_TOK_PUNCT && u[c].ch == ','))
                    c++;
                if (c < o->toks.n && c <= h + 12 && is_punct(&u[c], ',')) {
                    at->subj_para = qi;
                    at->subj_a = u[d - 1].start;
                    at->subj_b = u[c - 1].end;
                    return true;
                }
            }
            /* "A second Brandt aide was blunter.": a phrase that opens its
             * sentence and is only said to be so (a copula and up to two
             * lower-case words to the sentence's end or a colon) is the source */
            if ((d - 1 == 0 || (u[d - 1].flags & INGEST_TOKF_SENT_START)) && h + 2 < o->toks.n &&
                TOK_IN(o->s, &u[h + 1], copulas)) {
                size_t c = h + 2;
                while (c < o->toks.n && c <= h + 4 && u[c].kind == INGEST_TOK_WORD &&
                       (u[c].flags & INGEST_TOKF_LOWER) && u[c].quote < 0)
                    c++;
                if (c > h + 2 && c < o->toks.n && c <= h + 4 &&
                    (is_end_punct(&u[c]) || is_punct(&u[c], ':'))) {
                    at->subj_para = qi;
                    at->subj_a = u[d - 1].start;
                    at->subj_b = u[h].end;
                    return true;
                }
            }
            /* "a text message a night-shift nurse sent ... . “...,” the nurse
             * wrote": a noun that heads no anonymous source as a rule (loose)
             * is the indefinite phrase as written, cue or none */
            if (loose) {
                at->subj_para = qi;
                at->subj_a = u[d - 1].start;
                at->subj_b = u[h].end;
                return true;
            }
            /* the nearest "One person" is the one meant, though it spoke no
             * words: an older "A person familiar with the matter" is not */
            return false;
        }
    }
    return false;
}

/* Units and staff that speak for the organisation owning them: "The
 * European Union's observer mission said", "Harrow Bank's currency team
 * said", "the Kestrel analysts wrote", its spokesperson. Sorted. */
static const char *const org_units[] = {
    "analysts",     "delegation",  "economists",  "mission",
    "office",       "researchers", "secretariat", "spokesman",
    "spokesperson", "spokeswoman", "strategists", "team",
};

/* "a spokesperson for the company", "analysts at Meridian Bank", "officials
 * at the ministry", "our investors at Corvane": a voice noun in the first words of subject sj and a
 * preposition after it; the organisation its object names (or, for "the
 * company", stands for: org_holder). -1 when there is none: "a spokesman
 * for Ann Roe" speaks for a person, and stays as written. */
static int32_t voice_org(const struct ctx *x, int32_t pi, struct subj sj)
{
    static const char *const voices[] = {
        "analyst",     "analysts",    "economist",      "economists",
        "executives",  "investors",
        "official",    "officials",   "representative", "representatives",
        "spokesman",   "spokesmen",   "spokespeople",   "spokesperson",
        "spokeswoman", "spokeswomen", "strategist",     "strategists",
    }; /* sorted */
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t k = sj.a;
    while (k < sj.b && k < sj.a + 4 && !TOK_IN(p->s, &t[k], voices))
        k++;
    if (k + 2 >= sj.b || !TOK_IN(p->s, &t[k], voices) ||
        !(ingest_tok_is(p->s, &t[k + 1], "for") || ingest_tok_is(p->s, &t[k + 1], "at") ||
          ingest_tok_is(p->s, &t[k + 1], "with") || ingest_tok_is(p->s, &t[k + 1], "from")))
        return -1;
    size_t oa = k + 2;
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, t[oa].start);
    if (i < e->n_m && e->m[i].para == pi && e->m[i].start < t[sj.b - 1].end)
        return e->v[e->m[i].entity].type == ENTITY_ORGANIZATION ? e->m[i].entity : -1;
    if (ingest_tok_ieq(p->s, &t[oa], "the") && sj.b - oa >= 2 && sj.b - oa <= 3)
        return org_holder(x, pi, (struct subj){oa, sj.b, false});
    return -1;
}



/* "The Department of Agriculture declined to comment on the bill, but a
 * spokesperson said": a bare "a spokesperson" (spokes_nouns, no "for")
 * speaks for the organisation that opens its sentence or, failing that, the
 * sentence before it in the paragraph. -1 when none. */
static int32_t bare_spokes_org(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    /* "A council spokesperson said": the organisation whose name holds the
     * noun ("Hartley Borough Council"), as for "the council" */
    if (sj.b == sj.a + 3 && TOK_IN(p->s, &t[sj.a], indefinites) &&
        (t[sj.a + 1].flags & INGEST_TOKF_LOWER) && (t[sj.a + 2].flags & INGEST_TOKF_LOWER) &&
        TOK_IN(p->s, &t[sj.a + 2], spokes_nouns) &&
        !(sj.b < p->toks.n && t[sj.b].quote < 0 &&
          (ingest_tok_is(p->s, &t[sj.b], "for") || ingest_tok_is(p->s, &t[sj.b], "at"))))
        return org_holder(x, pi, (struct subj){sj.a, sj.a + 2, false});
    if (sj.b != sj.a + 2 || !TOK_IN(p->s, &t[sj.a], indefinites) ||
        !(t[sj.a + 1].flags & INGEST_TOKF_LOWER) || !TOK_IN(p->s, &t[sj.a + 1], spokes_nouns) ||
        (sj.b < p->toks.n && t[sj.b].quote < 0 &&
         (ingest_tok_is(p->s, &t[sj.b], "for") || ingest_tok_is(p->s, &t[sj.b], "at"))))
        return -1;
    const struct ingest_ents *e = x->ents;
    int32_t sent = t[sj.a].sent, best = -1;
    /* (mentions from the start of the sentence before on: from the
     * paragraph's start, many "a spokesperson said" in one paragraph would
     * each walk every mention before them, quadratic in the paragraph) */
    size_t sa, sb;
    sentence_bounds(p, sj.a, &sa, &sb);
    if (sa > 0)
        sentence_bounds(p, sa - 1, &sa, &sb);
    for (size_t i = mention_lower(e, pi, t[sa].start); i < e->n_m && e->m[i].para == pi; i++) {
        const struct ingest_mention *m = &e->m[i];
        if (m->start >= t[sj.a].start)
            break;
        size_t k = tok_at_byte(p, m->start);
        if (k >= p->toks.n || m->in_quote || t[k].sent + 1 < sent ||
            e->v[m->entity].type != ENTITY_ORGANIZATION || !org_opens_sentence(p, m))
            continue;
        size_t z = k;
        while (z + 1 < p->toks.n && t[z + 1].start < m->end)
            z++;
        if (t[z].flags & INGEST_TOKF_POSS)
            continue;
        best = m->entity; /* the sentence's own opener wins over the one before */
    }
    return best;
}


/* "Two Democratic strategists who have worked on X races, speaking on ...,
 * said ... . ¶ “...,” one of them said": "one of them" (or "of those") is
 * one of the group that opens the sentence before it (in its paragraph, or
 * the last of the paragraph before): a count and up to sixteen words with a
 * source noun in the first five, up to a comma or a cue. at takes that
 * phrase as written, with no entity. */
static bool them_group(const struct ctx *x, int32_t pi, struct subj sj, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (sj.b != sj.a + 3 || !ingest_tok_ieq(p->s, &t[sj.a], "one") ||
        !ingest_tok_is(p->s, &t[sj.a + 1], "of") ||
        !(ingest_tok_is(p->s, &t[sj.a + 2], "them") || ingest_tok_is(p->s, &t[sj.a + 2], "those")))
        return false;
    /* "One of them, a former contract analyst, called": the appositive
     * says who, as written */
    if (sj.b + 2 < p->toks.n && is_punct(&t[sj.b], ',') &&
        (ingest_tok_is(p->s, &t[sj.b + 1], "a") || ingest_tok_is(p->s, &t[sj.b + 1], "an"))) {
        size_t c = sj.b + 2;
        while (c < p->toks.n && c < sj.b + 10 && t[c].quote < 0 && t[c].kind == INGEST_TOK_WORD &&
               (t[c].flags & INGEST_TOKF_LOWER))
            c++;
        if (c > sj.b + 2 && c < p->toks.n && is_punct(&t[c], ',')) {
            *at = (struct attr){.found = true, .speaker = -1, .subj_para = pi,
                                .subj_a = t[sj.b + 1].start, .subj_b = t[c - 1].end};
            return true;
        }
    }
    size_t sa, sb;
    int32_t qi = pi;
    sentence_bounds(p, sj.a, &sa, &sb);
    if (sa > 0) {
        sentence_bounds(p, sa - 1, &sa, &sb);
    } else {
        if (pi == 0 || x->paras[pi - 1].toks.n == 0)
            return false;
        qi = pi - 1;
        sentence_bounds(&x->paras[qi], x->paras[qi].toks.n - 1, &sa, &sb);
    }
    const struct ingest_para *o = &x->paras[qi];
    const struct ingest_tok *u = o->toks.v;
    size_t ia = sa, len;
    while (ia < sb && ia < sa + 3 && TOK_IN(o->s, &u[ia], lead_drops))
        ia++;
    if (ia + 2 >= sb || u[ia].quote >= 0 || !TOK_IN(o->s, &u[ia], group_counts))
        return false;
    size_t h = ia + 1;
    bool source = false;
    while (h < sb && h < ia + 17 && u[h].quote < 0 && u[h].kind == INGEST_TOK_WORD &&
           !cue_at(o, h, &len)) {
        source = source || (h < ia + 6 && TOK_IN(o->s, &u[h], source_heads));
        h++;
    }
    if (!source || h >= sb || !(is_clause_punct(&u[h]) || cue_at(o, h, &len)))
        return false;
    *at = (struct attr){.found = true, .speaker = -1, .subj_para = qi,
                        .subj_a = u[ia].start, .subj_b = u[h - 1].end};
    return true;
}

/* Participles after which "by" names who got hold of a writing, not who wrote
 * it ("a memo obtained by the Gazette"); sorted. */
static const char *const access_participles[] = {
    "leaked", "obtained", "received", "reviewed", "seen", "viewed",
};

/* Participles after which "by" names the writing's author ("a letter
 * drafted by X, ... and obtained by the Gazette"); sorted. */
static const char *const author_participles[] = {
    "authored", "compiled", "drafted", "issued",   "penned",
    "prepared", "published", "sent",    "signed",   "written",
};

/* "The lawsuit, filed ... by the ACLU of Missouri ..., alleges", "A 2023
 * review by the State Auditor's office found ... . “...,” the audit report
 * states": the author a writing's own phrase names after "by" (within 16
 * tokens of its noun, in its sentence), for the nearest such writing from
 * the head of subject sj back through the two paragraphs before. The
 * organisation or person named there, else (at) its capitalised name as
 * written, with -1; -1 and at untouched when there is none. Bounded: 400
 * tokens a paragraph. */
static int32_t document_by_author(const struct ctx *x, int32_t pi, struct subj sj, struct attr *at)
{
    const struct ingest_ents *e = x->ents;
    for (int32_t qi = pi; qi >= 0 && qi >= pi - 2; qi--) {
        const struct ingest_para *o = &x->paras[qi];
        const struct ingest_tok *u = o->toks.v;
        size_t lim = qi == pi ? sj.b : o->toks.n;
        for (size_t j = lim; j > 0 && lim - j < 400; j--) {
            size_t h = j - 1;
            if (u[h].quote >= 0 || !(u[h].flags & INGEST_TOKF_LOWER) ||
                !TOK_IN(o->s, &u[h], document_nouns))
                continue;
            size_t b = h + 1;
            while (b < o->toks.n && b <= h + 16 && u[b].quote < 0 && u[b].sent == u[h].sent &&
                   !(ingest_tok_is(o->s, &u[b], "by") && !TOK_IN(o->s, &u[b - 1], access_participles)))
                b++;
            if (b + 1 >= o->toks.n || b > h + 16 || !ingest_tok_is(o->s, &u[b], "by") ||
                u[b + 1].quote >= 0)
                continue;
            size_t c = b + 1;
            if (ingest_tok_ieq(o->s, &u[c], "the") && c + 1 < o->toks.n)
                c++;
            if (!tok_capital(&u[c]) || u[c].quote >= 0)
                continue;
            size_t i = mention_lower(e, qi, u[c].start);
            /* (titles before the name stay outside its mention: "signed by
             * Dr. Ann Roe") */
            size_t tc = c;
            while (i < e->n_m && e->m[i].para == qi && tc < c + 3 && tc + 1 < o->toks.n &&
                   e->m[i].start > u[tc].start && tok_capital(&u[tc]) && u[tc + 1].quote < 0 &&
                   ingest_gaz_has(x->g, o->s + u[tc].start, u[tc].end - u[tc].start,
                                  INGEST_GAZ_TITLE))
                tc++;
            if (i < e->n_m && e->m[i].para == qi && e->m[i].start == u[tc].start &&
                e->v[e->m[i].entity].type != ENTITY_PLACE)
                return e->m[i].entity;
            /* an organisation the entity pass missed: its capitalised words,
             * with "of" and "for" between them ("ACLU of Missouri") */
            size_t z = c + 1;
            while (z < o->toks.n && z < c + 8 && u[z].quote < 0 &&
                   (tok_capital(&u[z]) || ((ingest_tok_is(o->s, &u[z], "of") ||
                                            ingest_tok_is(o->s, &u[z], "for")) &&
                                           z + 1 < o->toks.n && tok_capital(&u[z + 1]))))
                z++;
            at->subj_para = qi;
            at->subj_a = u[c].start;
            at->subj_b = u[z - 1].end;
            return -1;
        }
    }
    return -1;
}

/* "The district said in a statement that ...": the writing of a sentence
 * whose subject is a definite description of two words, before the
 * writing's phrase (starting at token d of paragraph qi, its noun at h),
 * speaks for the organisation or person the description stands for. -1
 * when the sentence opens otherwise or the description finds nobody. */
static int32_t writing_subject_description(const struct ctx *x, int32_t qi, size_t h, size_t d)
{
    const struct ingest_para *o = &x->paras[qi];
    const struct ingest_tok *u = o->toks.v;
    size_t s0 = h;
    while (s0 > 0 && u[s0 - 1].sent == u[h].sent)
        s0--;
    if (s0 + 2 >= d || !ingest_tok_ieq(o->s, &u[s0], "the") || u[s0 + 1].quote >= 0 ||
        u[s0 + 1].kind != INGEST_TOK_WORD || !(u[s0 + 1].flags & INGEST_TOKF_LOWER))
        return -1;
    struct subj sj = {s0, s0 + 2, false};
    int32_t who = org_holder(x, qi, sj);
    return who >= 0 ? who : description_holder(x, qi, sj);
}

/* "a written statement attributed to press secretary Ann Roe", "a statement
 * from spokeswoman Ann Roe", "a letter signed by party secretary Ann Roe":
 * the name at token a (behind up to three title words) after the writing's
 * noun at h is its author. */
static bool writing_from_person(const struct ingest_para *o, size_t h, size_t a)
{
    const struct ingest_tok *u = o->toks.v;
    size_t b = a;
    while (b > h + 2 && a - b < 3 && u[b - 1].kind == INGEST_TOK_WORD && u[b - 1].quote < 0 &&
           !TOK_IN(o->s, &u[b - 1], function_words) && !TOK_IN(o->s, &u[b - 1], determiners))
        b--;
    if (b <= h + 1 || u[b - 1].sent != u[h].sent)
        return false;
    const struct ingest_tok *prep = &u[b - 1];
    if (ingest_tok_is(o->s, prep, "from"))
        return b - 1 == h + 1; /* right after the noun: "a statement from" */
    if (ingest_tok_is(o->s, prep, "to"))
        return b >= 2 && ingest_tok_is(o->s, &u[b - 2], "attributed");
    return ingest_tok_is(o->s, prep, "by") && b >= 2 && TOK_IN(o->s, &u[b - 2], author_participles);
}

/* "X released a statement ... . “...,” the statement said": a definite
 * writing ("the statement", a document noun) is the one an indefinite phrase
 * with that noun ("a statement", "a brief statement") introduced, before it in
 * this paragraph or the two before, and speaks for the person or organisation
 * named first in that phrase's sentence before it, its subject as a rule
 * (outside quotations, no owner's possessive: "X, led by Y, said in a
 * statement" is X's). -1 when none. Bounded: 400 tokens a paragraph. */
static int32_t document_author(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *hn = &p->toks.v[sj.b - 1];
    const struct ingest_ents *e = x->ents;
    bool plural_ok = ingest_tok_is(p->s, hn, "ads");
    for (int32_t qi = pi; qi >= 0 && qi >= pi - 2; qi--) {
        const struct ingest_para *o = &x->paras[qi];
        const struct ingest_tok *u = o->toks.v;
        size_t lim = qi == pi ? sj.a : o->toks.n;
        for (size_t j = lim; j > 1 && lim - j < 400; j--) {
            size_t h = j - 1, d = h;
            size_t hl = hn->end - hn->start, ul = u[h].end - u[h].start;
            /* (a plural after its singular: "an ad campaign ... The ads") */
            bool plural = plural_ok && ul + 1 == hl && u[h].kind == INGEST_TOK_WORD &&
                          memcmp(o->s + u[h].start, p->s + hn->start, ul) == 0;
            if (u[h].quote >= 0 || u[h].kind != INGEST_TOK_WORD ||
                (!plural && (ul != hl || memcmp(o->s + u[h].start, p->s + hn->start, hl) != 0)))
                continue;
            while (d > 0 && h - d < 3 && (u[d - 1].flags & INGEST_TOKF_LOWER) &&
                   u[d - 1].quote < 0 && !ingest_tok_ieq(o->s, &u[d - 1], "a") &&
                   !ingest_tok_ieq(o->s, &u[d - 1], "an"))
                d--; /* "a brief statement", "a six-figure digital ad" */
            if (d == 0 || !(ingest_tok_ieq(o->s, &u[d - 1], "a") || ingest_tok_ieq(o->s, &u[d - 1], "an")))
                continue;
            int32_t who = -1, by_who = -1;
            /* "In a letter to the premier, released to the media by the
             * Chief Minister's Office, Abraham said": in an opening
             * adverbial, who passed the writing on is no author when a
             * subject follows */
            bool opener = d >= 2 && ingest_tok_ieq(o->s, &u[d - 2], "in") &&
                          (d == 2 || (u[d - 2].flags & INGEST_TOKF_SENT_START));
            /* (after the phrase when nobody stands before it, past the
             * phrase's comma: "In a statement, Corvant said", "In a letter
             * seen by The Times, the minister, X, wrote") */
            size_t comma = h + 1;
            while (comma < o->toks.n && comma < h + 24 && u[comma].sent == u[h].sent &&
                   !is_punct(&u[comma], ','))
                comma++;
            for (size_t i = mention_lower(e, qi, 0); i < e->n_m && e->m[i].para == qi; i++) {
                const struct ingest_mention *m = &e->m[i];
                size_t a = tok_at_byte(o, m->start);
                if (a > h && u[a].sent != u[h].sent)
                    break;
                if (m->in_quote || u[a].sent != u[h].sent || e->v[m->entity].type == ENTITY_PLACE)
                    continue;
                /* "a letter drafted by X, ... and obtained by the Gazette":
                 * the author the phrase names, not who got hold of it */
                size_t by = a > 0 && ingest_tok_ieq(o->s, &u[a - 1], "the") ? a - 1 : a;
                bool after_by = by > 1 && ingest_tok_is(o->s, &u[by - 1], "by");
                if ((after_by && a > h && TOK_IN(o->s, &u[by - 2], author_participles)) ||
                    (a > h && writing_from_person(o, h, by))) {
                    who = m->entity;
                    break;
                }
                if ((a > d && a < comma) || (after_by && TOK_IN(o->s, &u[by - 2], access_participles)))
                    continue;
                if (opener && after_by && a > h) {
                    if (by_who < 0)
                        by_who = m->entity;
                    continue;
                }
                size_t z = a;
                while (z + 1 < o->toks.n && u[z + 1].start < m->end)
                    z++;
                if (!(u[z].flags & INGEST_TOKF_POSS)) {
                    who = m->entity;
                    break;
                }
            }
            if (who < 0)
                who = by_who;
            if (who < 0)
                who = writing_subject_description(x, qi, h, d);
            /* "In a statement released ..., he said the governor “...”":
             * a he/she right after the phrase's comma is whom the
             * quotation of that clause went to */
            if (who < 0 && comma + 1 < o->toks.n && is_punct(&u[comma], ',') &&
                (ingest_tok_ieq(o->s, &u[comma + 1], "he") || ingest_tok_ieq(o->s, &u[comma + 1], "she")))
                for (size_t k = x->out->n; k > 0 && x->out->n - k < 64; k--) {
                    const struct ingest_q *oq = &x->out->v[k - 1];
                    if (oq->para < qi)
                        break;
                    if (oq->para == qi && oq->subj_para == qi && oq->speaker >= 0 &&
                        oq->subj_start == u[comma + 1].start) {
                        who = oq->speaker;
                        break;
                    }
                }
            return who;
        }
    }
    return -1;
}


static void subject_resolve(struct ctx *x, int32_t pi, struct subj sj, struct attr *at);

/* True when the writing noun at token h of o is the object of a
 * participle that opens the sentence ("Reading out the ruling, the court
 * said", "Releasing its annual report, the agency said"): who reads or
 * releases a writing speaks through it, as after "In a statement,". */
static bool reading_out(const struct ingest_para *o, size_t h)
{
    static const char *const owners[] = {"her", "his", "its", "the", "their"};
    static const char *const particles[] = {"out", "up"};
    const struct ingest_tok *u = o->toks.v;
    size_t d = h;
    if (d >= 2 && (u[d - 1].flags & INGEST_TOKF_LOWER) && !TOK_IN(o->s, &u[d - 1], owners))
        d--; /* (one modifier: "its annual report") */
    if (d < 2 || !TOK_IN(o->s, &u[d - 1], owners))
        return false;
    size_t e = d - 2;
    if (e > 0 && TOK_IN(o->s, &u[e], particles))
        e--;
    size_t n = u[e].end - u[e].start;
    return u[e].kind == INGEST_TOK_WORD && u[e].quote < 0 && n > 4 &&
           memcmp(o->s + u[e].end - 3, "ing", 3) == 0 &&
           ((u[e].flags & INGEST_TOKF_SENT_START) || e == 0);
}

/* "In a letter seen by the Guardian, the MPs, most of whom ..., say ... .
 * ¶ “...,” the letter says": a definite writing that an opening "In a
 * <writing>" adverbial introduced (in this paragraph or the two before)
 * speaks for that sentence's subject when the subject is a definite
 * description ("the MPs", up to three words after "the"), resolved
 * as that description would be; a name there is left to document_author. */
static bool document_opener(struct ctx *x, int32_t pi, struct subj sj, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *hn = &p->toks.v[sj.b - 1];
    size_t hl = hn->end - hn->start;
    for (int32_t qi = pi; qi >= 0 && qi >= pi - 2; qi--) {
        const struct ingest_para *o = &x->paras[qi];
        const struct ingest_tok *u = o->toks.v;
        size_t lim = qi == pi ? sj.a : o->toks.n;
        for (size_t j = lim; j > 2 && lim - j < 400; j--) {
            size_t h = j - 1, d = h;
            if (u[h].quote >= 0 || u[h].kind != INGEST_TOK_WORD || u[h].end - u[h].start != hl ||
                memcmp(o->s + u[h].start, p->s + hn->start, hl) != 0)
                continue;
            if (d >= 3 && (u[d - 1].flags & INGEST_TOKF_LOWER) &&
                !TOK_IN(o->s, &u[d - 1], indefinites))
                d--; /* "In a joint letter" */
            if (!(d >= 2 && TOK_IN(o->s, &u[d - 1], indefinites) &&
                  ingest_tok_ieq(o->s, &u[d - 2], "in") &&
                  ((u[d - 2].flags & INGEST_TOKF_SENT_START) || d - 2 == 0)) &&
                !reading_out(o, h))
                return false;
            size_t c = h + 1;
            while (c < o->toks.n && c < h + 24 && u[c].sent == u[h].sent && u[c].quote < 0 &&
                   !is_punct(&u[c], ','))
                c++;
            if (c + 2 >= o->toks.n || !is_punct(&u[c], ',') || !ingest_tok_ieq(o->s, &u[c + 1], "the"))
                return false;
            size_t b = c + 2;
            while (b < o->toks.n && b < c + 5 && u[b].kind == INGEST_TOK_WORD && u[b].quote < 0 &&
                   !TOK_IN(o->s, &u[b], function_words) &&
                   !cue_at(o, b, &(size_t){0}))
                b++;
            /* (the subject ends at its aside's comma or at its own cue:
             * "In a statement, the ministry said ...") */
            if (b == c + 2 || b >= o->toks.n ||
                (u[b].kind != INGEST_TOK_PUNCT && !cue_at(o, b, &(size_t){0})) ||
                TOK_IN(o->s, &u[b - 1], document_nouns))
                return false;
            subject_resolve(x, qi, (struct subj){c + 1, b, false}, at);
            return true;
        }
    }
    return false;
}

/* "China's mission to the EU said it was “...” . ¶ “...,” the mission
 * said": a definite "the <noun>" that found nobody is an owner's phrase
 * with that noun as the subject of an earlier cue in this paragraph or the
 * two before ("X's mission", "X's embassy in Y": a capitalised owner in the
 * possessive right before the noun, and a place or body after "to", "in" or
 * "at"), as written. Bounded: 400 tokens a paragraph. */
static bool possessive_antecedent(const struct ctx *x, int32_t pi, struct subj sj, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *hn = &p->toks.v[sj.b - 1];
    size_t hl = hn->end - hn->start, len;
    if (!(hn->flags & INGEST_TOKF_LOWER))
        return false;
    for (int32_t qi = pi; qi >= 0 && qi >= pi - 2; qi--) {
        const struct ingest_para *o = &x->paras[qi];
        const struct ingest_tok *u = o->toks.v;
        size_t lim = qi == pi ? sj.a : o->toks.n;
        for (size_t j = lim; j > 1 && lim - j < 400; j--) {
            size_t h = j - 1;
            if (u[h].quote >= 0 || u[h].end - u[h].start != hl ||
                memcmp(o->s + u[h].start, p->s + hn->start, hl) != 0)
                continue;
            if (!(u[h - 1].flags & INGEST_TOKF_POSS) || !tok_capital(&u[h - 1]))
                return false;
            size_t a = h - 1;
            while (a > 0 && h - a < 4 && tok_capital(&u[a - 1]) && u[a - 1].quote < 0 &&
                   u[a - 1].sent == u[h].sent)
                a--;
            size_t b = h + 1;
            if (b + 1 < o->toks.n && (ingest_tok_is(o->s, &u[b], "to") || ingest_tok_is(o->s, &u[b], "in") ||
                                      ingest_tok_is(o->s, &u[b], "at"))) {
                size_t c = b + 1;
                if (c < o->toks.n && ingest_tok_is(o->s, &u[c], "the"))
                    c++;
                size_t d = c;
                while (d < o->toks.n && d < c + 4 && tok_capital(&u[d]) && u[d].quote < 0)
                    d++;
                if (d > c)
                    b = d;
            }
            /* the phrase is the subject of a cue right after it */
            if (b >= o->toks.n || !cue_at(o, b, &len))
                return false;
            at->speaker = -1;
            at->subj_para = qi;
            at->subj_a = u[a].start;
            at->subj_b = u[b - 1].end;
            return true;
        }
    }
    return false;
}

/* Resolves the subject tokens [a, b) of paragraph pi into at. */
static bool prev_sentence_at(const struct ingest_para *p, size_t k, size_t *sa, size_t *sb);
static bool backshift_subject(const struct ingest_para *p, size_t s0, size_t k, struct subj *out);
static bool clause_subject(const struct ctx *x, int32_t pi, size_t sa, size_t k, struct subj *out);

/* "The FTC's complaint states: “...”" and, paragraphs later, "“...,” the
 * complaint says": a definite writing whose noun ends the subject of an
 * earlier quotation with a speaker (the last 64 quotations) is that
 * writing again. -1 when none. */
static int32_t writing_quoted_before(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *hn = &p->toks.v[sj.b - 1];
    size_t hl = hn->end - hn->start;
    for (size_t k = x->out->n; k > 0 && x->out->n - k < 64; k--) {
        const struct ingest_q *o = &x->out->v[k - 1];
        if (o->speaker < 0 || o->subj_para < 0 || o->subj_para > pi || o->subj_head ||
            o->speaker_lit || o->subj_end - o->subj_start <= hl + 1)
            continue;
        const char *e = x->paras[o->subj_para].s + o->subj_end - hl;
        if (e[-1] == ' ' && strncasecmp(e, p->s + hn->start, hl) == 0)
            return o->speaker;
    }
    return -1;
}

/* Indefinite determiners that introduce somebody new and unnamed. */
static const char *const new_person_dets[] = {"a", "an", "another", "one"}; /* sorted */

/* Whether the sentence [sa, sb) of paragraph pi opens with a new, unnamed
 * person: an indefinite phrase with a lower-case head noun ("One worker, a
 * winch operator who asked not to be named, told", "An engineer on the
 * payments team said") that subject_resolve gives to nobody. A he/she
 * opening the next sentence stands for that person, not for the last named
 * speaker. *out takes the phrase up to its first comma or cue. */
/* True when token k of p is a capitalised word of a place's name: in a
 * mention of a place, or in none and no given name ("Rae Town"). */
static bool place_word_at(const struct ctx *x, const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *w = &p->toks.v[k];
    if (!tok_capital(w) || (w->flags & INGEST_TOKF_ALLCAPS))
        return false;
    for (size_t i = 0; i < p->n_m; i++)
        if (p->m[i].start <= w->start && w->start < p->m[i].end)
            return x->ents->v[p->m[i].entity].type == ENTITY_PLACE;
    return !ingest_gaz_has(x->g, p->s + w->start, w->end - w->start, INGEST_GAZ_GIVEN_MALE) &&
           !ingest_gaz_has(x->g, p->s + w->start, w->end - w->start, INGEST_GAZ_GIVEN_FEMALE) &&
           !ingest_gaz_has(x->g, p->s + w->start, w->end - w->start, INGEST_GAZ_STOPCAP);
}

static bool unnamed_newcomer(struct ctx *x, int32_t pi, size_t sa, size_t sb, struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t len;
    /* ("That executive, who asked not to be named, said": a demonstrative
     * and a noun before a comma take up a person just introduced as "a
     * former executive", still unnamed) */
    bool demonstrative = sb >= sa + 3 &&
                         (ingest_tok_ieq(p->s, &t[sa], "that") || ingest_tok_ieq(p->s, &t[sa], "this")) &&
                         (t[sa + 1].flags & INGEST_TOKF_LOWER) && t[sa + 1].kind == INGEST_TOK_WORD &&
                         !TOK_IN(p->s, &t[sa + 1], function_words) && is_punct(&t[sa + 2], ',');
    if (sb < sa + 3 || (!TOK_IN(p->s, &t[sa], new_person_dets) && !demonstrative) ||
        t[sa].quote >= 0)
        return false;
    /* (the head may follow a modifier or two: "One longtime resident") */
    size_t h = sa + 1;
    /* (or a party or nationality: "One Republican senator", "A Dutch official") */
    /* (or where they live: "One Harbour Street resident", "One Rae Town
     * resident", a place the entity list may not know) */
    while (h + 1 < sb && h < sa + 4 &&
           ((t[h].flags & INGEST_TOKF_LOWER) || place_word_at(x, p, h) ||
            (tok_capital(&t[h]) && mention_start_at(p, t[h].start + 1) == SIZE_MAX &&
             ingest_gaz_has(x->g, p->s + t[h].start, t[h].end - t[h].start, INGEST_GAZ_DEMONYM))) &&
           t[h + 1].kind == INGEST_TOK_WORD &&
           ((t[h + 1].flags & INGEST_TOKF_LOWER) || place_word_at(x, p, h + 1)) &&
           !TOK_IN(p->s, &t[h + 1], prepositions) && !TOK_IN(p->s, &t[h + 1], relatives) &&
           !cue_at(p, h + 1, &len))
        h++;
    if (t[h].kind != INGEST_TOK_WORD || !(t[h].flags & INGEST_TOKF_LOWER) ||
        TOK_IN(p->s, &t[h], document_nouns) || TOK_IN(p->s, &t[h], function_words))
        return false;
    size_t e = h + 1;
    while (e < sb && e < h + 12 && t[e].quote < 0 && !is_clause_punct(&t[e]) &&
           !TOK_IN(p->s, &t[e], relatives) && !cue_at(p, e, &len))
        e++;
    /* "One of only four women on the late routes, she moved ...": a
     * phrase before a he/she describes that he/she, no one new */
    if (e + 1 < sb && is_punct(&t[e], ',') &&
        (TOK_IN(p->s, &t[e + 1], pronouns_m) || TOK_IN(p->s, &t[e + 1], pronouns_f)))
        return false;
    struct attr pat = {0};
    subject_resolve(x, pi, (struct subj){sa, e, false}, &pat);
    if (pat.speaker >= 0)
        return false;
    /* a person the sentence names may be the newcomer ("Another analyst,
     * Hannah Strom, said") or its real speaker ("A poll worker brought a
     * chair, Ruiz said"): then it is no newcomer nobody can name */
    const struct ingest_ents *en = x->ents;
    for (size_t i = mention_lower(en, pi, t[sa].start);
         i < en->n_m && en->m[i].para == pi && en->m[i].start < t[sb - 1].end; i++)
        if (!en->m[i].in_quote && en->v[en->m[i].entity].type == ENTITY_PERSON)
            return false;
    *out = (struct subj){sa, e, false};
    return true;
}

/* "The union has filed an objection, arguing that ... what its submission
 * calls “...”": a writing owned by "its" (subject sj, "its" and a document
 * noun) is the organisation's that opens the sentence, named or as "the
 * union" (org_holder), else the one an "it" there stands for. -1 when none
 * (the writing stays as written). */
static int32_t its_writing_org(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t f = sj.a;
    while (f > 0 && t[f - 1].sent == t[sj.a].sent)
        f--;
    int32_t who = -1;
    if (TOK_IN(p->s, &t[f], determiners)) {
        /* "The union has filed": the description's head within three words;
         * one that names nobody ("The residents' association") keeps the
         * writing as written */
        for (size_t h = f + 2; who < 0 && h <= f + 3 && h < sj.a; h++)
            if (ingest_tok_ieq(p->s, &t[f], "the") && t[h].quote < 0 &&
                (t[h].flags & INGEST_TOKF_LOWER))
                who = org_holder(x, pi, (struct subj){f, h, false});
    } else {
        who = org_pronoun_resolve(x, pi, t[sj.a].start);
    }
    return who >= 0 && x->ents->v[who].type == ENTITY_ORGANIZATION ? who : -1;
}

/* Whether a person's mention (outside quotations) of p starts at token i. */
static bool person_starts_at(const struct ctx *x, const struct ingest_para *p, size_t i)
{
    for (size_t mi = 0; mi < p->n_m; mi++)
        if (p->m[mi].start == p->toks.v[i].start && !p->m[mi].in_quote &&
            x->ents->v[p->m[mi].entity].type == ENTITY_PERSON)
            return true;
    return false;
}

/* Sentence [sa, sb) of paragraph pi puts a question to "him"/"her" (by
 * gender): "X pressed him on whether ...", "She asked her why ...". The
 * person the object pronoun stands for, resolved from the sentence's start,
 * when that is not a person the sentence names before the verb (the
 * questioner); -1 otherwise. */
static int32_t questioned_one(const struct ctx *x, int32_t pi, size_t sa, size_t sb, int gender)
{
    static const char *const askers[] = {"asked",     "challenged", "pressed",
                                         "questioned", "quizzed"}; /* sorted */
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    const char *obj = gender == 1 ? "him" : "her";
    size_t j = sa;
    while (j + 1 < sb && !(t[j].quote < 0 && TOK_IN(p->s, &t[j], askers)))
        j++;
    if (j + 1 >= sb)
        return -1;
    if (!ingest_tok_is(p->s, &t[j + 1], obj)) {
        /* "The chair, X, asked Dr Raman whether she ...": a person named
         * as the object (titles before the name) */
        size_t k = j + 1;
        while (k < sb && k - j <= 3 && tok_capital(&t[k]) && t[k].quote < 0 &&
               !person_starts_at(x, p, k))
            k++;
        if (k >= sb || !person_starts_at(x, p, k))
            return -1;
        for (size_t mi = 0; mi < p->n_m; mi++)
            if (p->m[mi].start == t[k].start && gender_fits(x, p->m[mi].entity, gender))
                return p->m[mi].entity;
        return -1;
    }
    int32_t who = pronoun_resolve(x, pi, t[sa].start, gender);
    if (who < 0)
        return -1;
    for (size_t mi = 0; mi < p->n_m && p->m[mi].start < t[j].start; mi++)
        if (p->m[mi].start >= t[sa].start && p->m[mi].entity == who)
            return -1;
    return who;
}

/* Parts of an organisation that speak for it: "the Lagos chapter of the
 * Labour Party", "the youth wing of X". Sorted. */
static const char *const org_parts[] = {"arm", "branch", "chapter", "division", "wing"};

/* "The Enugu State chapter of the Labour Party hailed": a part of an
 * organisation (org_parts) named by "of" and the organisation, which ends the
 * subject, is that organisation speaking; -1 when the subject is not so. */
static int32_t org_part_of(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    for (size_t j = sj.a + 1; j + 1 < sj.b && j <= sj.a + 5; j++) {
        if (!ingest_tok_is(p->s, &t[j], "of") || !TOK_IN(p->s, &t[j - 1], org_parts) ||
            !(t[j - 1].flags & INGEST_TOKF_LOWER))
            continue;
        size_t o = j + 1;
        if (o + 1 < sj.b && ingest_tok_ieq(p->s, &t[o], "the"))
            o++;
        for (size_t mi = 0; mi < p->n_m; mi++) {
            const struct ingest_mention *m = &p->m[mi];
            if (m->start == t[o].start && !m->in_quote && m->end == t[sj.b - 1].end &&
                x->ents->v[m->entity].type == ENTITY_ORGANIZATION)
                return m->entity;
        }
        return -1;
    }
    return -1;
}

/* True when tokens [k, b) of paragraph pi are "in" and a place's name to
 * the end ("The Paris Police Department in Tennessee"): where a body named
 * before it sits, which leaves the body the head of the phrase. */
static bool place_tail(const struct ctx *x, int32_t pi, size_t k, size_t b)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (k + 2 > b || t[k].quote >= 0 || !ingest_tok_is(p->s, &t[k], "in"))
        return false;
    for (size_t j = k + 1; j < b; j++)
        if (!tok_capital(&t[j]) || t[j].quote >= 0)
            return false;
    size_t ms = mention_start_at(p, t[k + 1].start + 1);
    if (ms != t[k + 1].start)
        return false;
    for (size_t mi = 0; mi < p->n_m; mi++)
        if (p->m[mi].start == ms)
            return x->ents->v[p->m[mi].entity].type == ENTITY_PLACE && p->m[mi].end == t[b - 1].end;
    return false;
}

static bool person_at(const struct ctx *x, int32_t pi, size_t j, size_t lim, struct subj *out);

/* Verbs by which somebody sends a message ("had sent her a voice note",
 * "left a voicemail"). Sorted. */
static const char *const sending_verbs[] = {"left", "posted", "sent", "wrote"};

/* Personal messages, whose words are their sender's ("the last voice note
 * from X read", "X's final text said"). Sorted. */
static const char *const message_nouns[] = {"email",  "message", "note",
                                            "text",   "tweet",   "voicemail"};

/* "the last voice note from X", "X's final message": a subject [a, b) whose
 * head is a personal message with a named sender (after "from", or owning it)
 * quotes the sender, not the message. True with out = the sender's tokens. */
static bool message_sender(const struct ctx *x, int32_t pi, struct subj sj, struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t h = sj.a;
    while (h < sj.b && !(t[h].quote < 0 && (t[h].flags & INGEST_TOKF_LOWER) &&
                         TOK_IN(p->s, &t[h], message_nouns)))
        h++;
    if (h >= sj.b)
        return false;
    for (size_t j = h + 1; j + 1 < sj.b; j++) {
        if (t[j].quote >= 0)
            continue;
        if (ingest_tok_is(p->s, &t[j], "from") ||
            (ingest_tok_is(p->s, &t[j], "by") && TOK_IN(p->s, &t[j - 1], sending_verbs)))
            return person_at(x, pi, j + 1, sj.b, out);
        /* "an email sent under (Ms.) X's name" */
        size_t n1 = j + 2 < sj.b && (t[j + 1].flags & INGEST_TOKF_ABBR) ? j + 2 : j + 1;
        if (ingest_tok_is(p->s, &t[j], "under") && person_at(x, pi, n1, sj.b, out))
            return (t[out->b - 1].flags & INGEST_TOKF_POSS) && out->b < sj.b &&
                   ingest_tok_is(p->s, &t[out->b], "name");
    }
    for (size_t j = sj.a; j < h; j++)
        if (person_at(x, pi, j, h, out))
            return (t[out->b - 1].flags & INGEST_TOKF_POSS) != 0;
    return false;
}

/* How many tokens before "the N head" headed_by_holder searches for
 * "headed by", over all its paragraphs: some ten news paragraphs, a bound so
 * that a "the N head" quote repeated through one endless paragraph stays
 * linear. */
enum { HEADED_BY_TOKS = 1024 };

/* "a four-member bench headed by Justice Ann Roe ... “...,” the bench head
 * shot back": "the N head" is the person an earlier "N ... headed by X" (N
 * within four words before "headed") named, in this paragraph or the six
 * before; -1 when none. */
static int32_t headed_by_holder(const struct ctx *x, int32_t pi, struct subj sj)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (sj.b - sj.a != 3 || !ingest_tok_ieq(p->s, &t[sj.a], "the") ||
        !ingest_tok_ieq(p->s, &t[sj.a + 2], "head") || !(t[sj.a + 1].flags & INGEST_TOKF_LOWER))
        return -1;
    const struct ingest_tok *nt = &t[sj.a + 1];
    size_t nl = nt->end - nt->start;
    size_t budget = HEADED_BY_TOKS;
    for (int32_t qi = pi; qi >= 0 && qi >= pi - 6 && budget > 0; qi--) {
        const struct ingest_para *o = &x->paras[qi];
        const struct ingest_tok *u = o->toks.v;
        size_t lim = qi == pi ? sj.a : o->toks.n;
        size_t lo = lim > budget + 1 ? lim - budget : 1;
        budget -= lim > lo ? lim - lo : 0;
        for (size_t h = lo; h + 2 < lim; h++) {
            if (u[h].quote >= 0 || !ingest_tok_is(o->s, &u[h], "headed") ||
                !ingest_tok_is(o->s, &u[h + 1], "by"))
                continue;
            bool noun = false;
            for (size_t j = h; j > 0 && h - j < 4 && u[j - 1].sent == u[h].sent && !noun; j--)
                noun = u[j - 1].end - u[j - 1].start == nl &&
                       memcmp(o->s + u[j - 1].start, p->s + nt->start, nl) == 0;
            if (!noun)
                continue;
            for (size_t mi = para_mention_lower(o, u[h + 2].start); mi < o->n_m; mi++) {
                const struct ingest_mention *m = &o->m[mi];
                size_t a = tok_at_byte(o, m->start);
                if (a > h + 6)
                    break; /* sorted by start: none further on is near */
                if (a > h + 1 && a < o->toks.n && u[a].sent == u[h].sent &&
                    x->ents->v[m->entity].type == ENTITY_PERSON)
                    return m->entity;
            }
        }
    }
    return -1;
}

/* The first token of token k's sentence, by binary search: sentence numbers
 * never decrease along a paragraph, and a walk back from every "it" of one
 * endless sentence would be quadratic. */
static size_t sent_first(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    size_t lo = 0, hi = k;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].sent < t[k].sent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "The league pushed back. In a statement, it said ...": an "it" whose
 * paragraph's sentence before opens with "the" and an organisation noun
 * ("the league", "the state agency") stands for the organisation that noun
 * means (org_holder); -1 when that sentence opens otherwise. */
static int32_t prev_sentence_body(const struct ctx *x, int32_t pi, size_t k)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t f = sent_first(p, k);
    if (f == 0)
        return -1;
    size_t g = sent_first(p, f - 1);
    if (!ingest_tok_ieq(p->s, &t[g], "the") || t[g].quote >= 0)
        return -1;
    for (size_t h = g + 2; h <= g + 3 && h < f; h++) {
        if (t[h - 1].quote >= 0 || !(t[h - 1].flags & INGEST_TOKF_LOWER))
            return -1;
        if (t[h].kind == INGEST_TOK_WORD && (t[h].flags & INGEST_TOKF_LOWER)) {
            int32_t who = org_holder(x, pi, (struct subj){g, h, false});
            if (who >= 0)
                return x->ents->v[who].type == ENTITY_ORGANIZATION ? who : -1;
        }
    }
    return -1;
}

/* "Orbell Mining, which dismissed X, said it had noted the ruling. ¶ “...,”
 * it said": the organisation that opens paragraph q's last sentence, when
 * no other organisation is named in that sentence; -1 otherwise. */
static int32_t para_last_org_subject(const struct ctx *x, int32_t q)
{
    if (q < 0 || x->paras[q].toks.n == 0)
        return -1;
    const struct ingest_para *p = &x->paras[q];
    int32_t last = p->toks.v[p->toks.n - 1].sent, who = -1;
    for (size_t mi = 0; mi < p->n_m; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        size_t k = tok_at_byte(p, m->start);
        if (m->in_quote || k >= p->toks.n || p->toks.v[k].sent != last ||
            x->ents->v[m->entity].type != ENTITY_ORGANIZATION || m->entity == who)
            continue;
        if (who >= 0 || !org_opens_sentence(p, m))
            return -1;
        who = m->entity;
    }
    return who;
}

/* "“...,” the association said. ¶ It said its members were “...”": an "it"
 * opening the paragraph's first sentence, with no organisation named since,
 * is the organisation the previous paragraph quoted (its last quotation's
 * speaker); -1 when that speaker is no organisation or none. */
static int32_t prev_para_org_speaker(const struct ctx *x, int32_t pi, size_t k)
{
    const struct ingest_para *p = &x->paras[pi];
    if (k >= p->toks.n || p->toks.v[k].sent != p->toks.v[0].sent || !x->out)
        return -1;
    for (size_t j = 0; j < k; j++)
        if (p->toks.v[j].quote < 0)
            return -1; /* (only the pronoun, or a quotation, before it) */
    for (size_t i = x->out->n; i > 0; i--) {
        const struct ingest_q *o = &x->out->v[i - 1];
        if (o->para < pi - 1)
            break;
        if (o->para == pi - 1)
            return o->speaker >= 0 && x->ents->v[o->speaker].type == ENTITY_ORGANIZATION
                       ? o->speaker
                       : -1;
    }
    return para_last_org_subject(x, pi - 1);
}

static void subject_resolve(struct ctx *x, int32_t pi, struct subj sj, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    at->found = true;
    at->speaker = -1;
    at->subj_para = -1;
    at->lit = NULL;
    if (sj.a >= sj.b)
        return;
    at->subj_para = pi;
    at->subj_a = t[sj.a].start;
    at->subj_b = t[sj.b - 1].full_end;
    if (sj.b - sj.a == 2 && ingest_tok_is(s, &t[sj.a], "its") &&
        (t[sj.a + 1].flags & INGEST_TOKF_LOWER) && TOK_IN(s, &t[sj.a + 1], document_nouns)) {
        at->speaker = its_writing_org(x, pi, sj);
        return;
    }
    struct subj sender;
    if (sj.b - sj.a >= 3 && message_sender(x, pi, sj, &sender)) {
        /* (the name's mention itself: "X's" as a subject is an owner) */
        const struct ingest_mention *m = NULL;
        for (size_t mi = 0; mi < p->n_m && !m; mi++)
            if (p->m[mi].start == t[sender.a].start)
                m = &p->m[mi];
        if (m) {
            at->speaker = m->entity;
            at->subj_a = m->start;
            at->subj_b = m->end;
            return;
        }
    }
    if (sj.b - sj.a == 1 && (TOK_IN(s, &t[sj.a], pronouns_m) || TOK_IN(s, &t[sj.a], pronouns_f))) {
        int gender = TOK_IN(s, &t[sj.a], pronouns_m) ? 1 : 2;
        if (pronoun_means_kin(x, pi, sj.a, gender))
            return;
        at->speaker = -1;
        /* "Asked about X's remarks, the press secretary was conciliatory.
         * “...,” she said": the role that is the subject of the sentence
         * before, which reports no speech, beats a person it mentions */
        size_t sa, sb, pa, pb, len;
        sentence_bounds(p, sj.a, &sa, &sb);
        struct subj ps;
        /* (also the last sentence of a paragraph before, without quotations,
         * when the pronoun's sentence opens its own: "The governor ... closed
         * with a story about her father. ¶ “...,” she said") */
        int32_t ppi = pi;
        const struct ingest_para *pp = p;
        /* (a quotation over several paragraphs counts from its first one:
         * "..., the governor bristled. ¶ “... ¶ “...,” he said") */
        int32_t ci = pi;
        while (sa == 0 && ci > 0 && pi - ci < 4 && x->paras[ci].n_spans &&
               x->paras[ci].spans[0].continued && x->paras[ci - 1].n_spans &&
               !x->paras[ci - 1].spans[x->paras[ci - 1].n_spans - 1].closed &&
               x->paras[ci - 1].spans[0].open < 4)
            ci--;
        if (sa == 0 && ci > 0 && x->paras[ci - 1].n_spans == 0 && x->paras[ci - 1].toks.n > 0) {
            ppi = ci - 1;
            pp = &x->paras[ppi];
            sentence_bounds(pp, pp->toks.n - 1, &pa, &pb);
        }
        const struct ingest_tok *pt = pp->toks.v;
        bool prev_at = ppi != pi || prev_sentence_at(p, sa, &pa, &pb);
        /* "One worker, who asked not to be named, told the ABC that ... ¶
         * “...,” he said": the newcomer, whom nobody can name */
        if (prev_at && unnamed_newcomer(x, ppi, pa, pb, &ps)) {
            at->subj_para = ppi;
            at->subj_a = pt[ps.a].start;
            at->subj_b = pt[ps.b - 1].full_end;
            return;
        }
        /* (also when that last sentence quotes a word or two of its own:
         * "One senator, speaking on condition of anonymity, said ... a
         * “minibus.” ¶ “...,” he said") */
        if (sa == 0 && ppi == pi && ci > 0 && x->paras[ci - 1].toks.n > 0) {
            const struct ingest_para *qp = &x->paras[ci - 1];
            size_t qa, qb;
            sentence_bounds(qp, qp->toks.n - 1, &qa, &qb);
            if (qp->toks.v[qa].quote < 0 && unnamed_newcomer(x, ci - 1, qa, qb, &ps)) {
                at->subj_para = ci - 1;
                at->subj_a = qp->toks.v[ps.a].start;
                at->subj_b = qp->toks.v[ps.b - 1].full_end;
                return;
            }
        }
        /* "Barrow pressed him on whether ... . ¶ “...,” he said": the one
         * questioned answers, not the questioner */
        if (prev_at)
            at->speaker = questioned_one(x, ppi, pa, pb, gender);
        if (at->speaker < 0 && prev_at && clause_subject(x, ppi, pa, pb, &ps) && ps.a < ps.b &&
            ingest_tok_ieq(pp->s, &pt[ps.a], "the")) {

            bool speech = false;
            for (size_t j = pa; j < pb && !speech; j++)
                speech = pt[j].quote >= 0 || (j >= ps.a && cue_at(pp, j, &len));
            struct attr pat = {0};
            if (!speech) {
                subject_resolve(x, ppi, ps, &pat);
                if (pat.speaker >= 0 && x->ents->v[pat.speaker].type == ENTITY_PERSON &&
                    gender_fits(x, pat.speaker, gender))
                    at->speaker = pat.speaker;
            }
        }
        if (at->speaker < 0)
            at->speaker = pronoun_resolve(x, pi, t[sj.a].start, gender);
        if (at->speaker < 0) {
            /* "Would you run again? ¶ She laughs. “...”": a he/she that
             * nobody near accounts for is the person the article is about */
            int32_t pr = protagonist(x->ents);
            if (pr >= 0 && gender_fits(x, pr, gender))
                at->speaker = pr;
        }
        if (at->speaker >= 0 && x->pron_gender && !x->pron_learn_off &&
            x->pron_gender[at->speaker] == 0)
            x->pron_gender[at->speaker] = (uint8_t)gender;
        return;
    }
    if (sj.b - sj.a == 1 &&
        (ingest_tok_ieq(s, &t[sj.a], "it") || ingest_tok_ieq(s, &t[sj.a], "they"))) {
        if (ingest_tok_ieq(s, &t[sj.a], "they") && they_source(x, pi, sj.a, at))
            return;
        at->speaker = org_pronoun_resolve(x, pi, t[sj.a].start);
        if (at->speaker < 0 && ingest_tok_ieq(s, &t[sj.a], "it"))
            at->speaker = prev_sentence_body(x, pi, sj.a);
        if (at->speaker < 0 && ingest_tok_ieq(s, &t[sj.a], "it"))
            at->speaker = prev_para_org_speaker(x, pi, sj.a);
        size_t ga, gb;
        if (at->speaker < 0 && group_subject(p, sj.a, &ga, &gb)) {
            at->subj_a = t[ga].start; /* the group as written */
            at->subj_b = t[gb - 1].full_end;
        }
        return;
    }
    if (sj.b - sj.a == 1 && TOK_IN(s, &t[sj.a], pronouns_other))
        return;
    if ((at->speaker = org_part_of(x, pi, sj)) >= 0)
        return;
    /* entity mentions inside the subject */
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, pi, at->subj_a);
    int32_t person = -1, org = -1, owner = -1;
    bool det = TOK_IN(s, &t[sj.a], determiners);
    for (; i < e->n_m && e->m[i].para == pi && e->m[i].start < at->subj_b; i++) {
        const struct ingest_mention *m = &e->m[i];
        /* skip mentions after a preposition ("a spokesman for Smith") and owners */
        size_t k = sj.a;
        while (k < sj.b && t[k].start < m->start)
            k++;
        /* "a spokesperson for Immigration Minister X": titles in between
         * ("Secretary of State X" is one title) */
        size_t kp = k;
        while (kp > sj.a + 1 && k - kp < 3 && tok_capital(&t[kp - 1]) &&
               !(t[kp - 1].flags & INGEST_TOKF_POSS))
            kp--;
        /* ("China's mission to the EU": an article between) */
        size_t kd = k > sj.a + 2 && ingest_tok_ieq(s, &t[k - 1], "the") ? k - 1 : k;
        /* "Borough of Kestlow council leader Ann Roe": a place or body
         * after "of" inside the capitalised name that opens the subject
         * modifies the title; the person after it is the head */
        bool in_name = k > sj.a + 1 && ingest_tok_is(s, &t[k - 1], "of") &&
                       e->v[m->entity].type != ENTITY_PERSON;
        for (size_t z = sj.a; in_name && z + 1 < k; z++)
            in_name = tok_capital(&t[z]) && !(t[z].flags & INGEST_TOKF_POSS);
        if (in_name)
            continue;
        if (k > sj.a && (TOK_IN(s, &t[k - 1], prepositions) ||
                         (kd < k && TOK_IN(s, &t[kd - 1], prepositions) &&
                          !ingest_tok_is(s, &t[kd - 1], "by")) ||
                         (kp < k && kp >= sj.a + 2 && TOK_IN(s, &t[kp - 1], prepositions) &&
                          (t[kp - 2].flags & INGEST_TOKF_LOWER))))
            break;
        /* "Ann Roe at the Valley Review": a name after a preposition that
         * follows a person belongs to the person's description */
        if (person >= 0) {
            bool prep = false;
            for (size_t z = k; z > sj.a && !prep && k - z < 8; z--)
                prep = TOK_IN(s, &t[z - 1], prepositions);
            if (prep)
                break;
        }
        size_t last = k;
        while (last + 1 < sj.b && t[last + 1].start < m->end)
            last++;
        if (last < sj.b && (t[last].flags & INGEST_TOKF_POSS)) {
            /* "Dr. Roe's letter said", "X's 2015 annual report found": an
             * owner that opens the subject wrote the writing it owns */
            /* (or a unit that speaks for it: "The European Union's observer
             * mission said", "Harrow Bank's currency team said", "the
             * firm's analysts wrote", its spokesperson) */

            bool writing = owner < 0 && kp <= sj.a + 1 && last + 4 >= sj.b && last + 1 < sj.b &&
                           e->v[m->entity].type != ENTITY_PLACE &&
                           (t[sj.b - 1].flags & INGEST_TOKF_LOWER) &&
                           (TOK_IN(s, &t[sj.b - 1], document_nouns) ||
                            (e->v[m->entity].type == ENTITY_ORGANIZATION &&
                             TOK_IN(s, &t[sj.b - 1], org_units)));
            for (size_t z = last + 1; writing && z + 1 < sj.b; z++)
                writing = (t[z].kind == INGEST_TOK_NUM || (t[z].flags & INGEST_TOKF_LOWER)) &&
                          !TOK_IN(s, &t[z], function_words);
            if (writing)
                owner = m->entity;
            continue;
        }
        bool tail = last + 1 >= sj.b;
        enum entity_type ty = e->v[m->entity].type;
        /* "one senior Marsh adviser", "a Brandt campaign official": a name
         * modifying the lower-case head of an indefinite phrase is not the
         * speaker, who stays anonymous */
        bool indef = TOK_IN(s, &t[sj.a], indefinites);
        /* "a Commission spokesperson", "A Labour party spokesman": an
         * organisation's own spokesperson speaks for it */
        if (!tail && indef && ty == ENTITY_ORGANIZATION && org < 0 && person < 0 &&
            last + 3 >= sj.b && TOK_IN(s, &t[sj.b - 1], spokes_nouns)) {
            bool lower = true;
            for (size_t z = last + 1; z + 1 < sj.b; z++)
                lower = lower && (t[z].flags & INGEST_TOKF_LOWER) &&
                        !TOK_IN(s, &t[z], function_words);
            if (lower) {
                org = m->entity;
                continue;
            }
        }
        if (!tail && indef && (t[sj.b - 1].flags & INGEST_TOKF_LOWER))
            continue;
        /* the head of "Morrow campaign spokesman Daniel Pike" is at the end */
        if (ty == ENTITY_PERSON)
            person = m->entity;
        else if (ty == ENTITY_ORGANIZATION && org < 0 && (!det || k <= sj.a + 1) &&
                 (tail ||
                  /* "The United Steelworkers union said": the kind of body after its
                   * name; "The Westland Audit Office report found": its writing */
                  (last + 2 == sj.b && (t[last + 1].flags & INGEST_TOKF_LOWER) &&
                   (ingest_org_noun(s + t[last + 1].start, t[last + 1].end - t[last + 1].start) ||
                    TOK_IN(s, &t[last + 1], institution_nouns) ||
                    TOK_IN(s, &t[last + 1], document_nouns) ||
                    TOK_IN(s, &t[last + 1], org_units))) ||
                  place_tail(x, pi, last + 1, sj.b)))
            org = m->entity;
    }
    if (person >= 0) {
        at->speaker = person;
        /* speaker_text: from the first capitalised word to the end of the name */
        return;
    }
    if (org >= 0 || owner >= 0) {
        at->speaker = org >= 0 ? org : owner;
        return;
    }
    if ((at->speaker = voice_org(x, pi, sj)) >= 0)
        return;
    if ((at->speaker = bare_spokes_org(x, pi, sj)) >= 0)
        return;
    if (them_group(x, pi, sj, at))
        return;
    if ((at->speaker = kin_named(x, pi, sj)) >= 0)
        return;
    /* "Malawi's main opposition leader rejected ..." (a lead) and later
     * "Opposition leader Grace Nkhoma": a place's role, lower-case words up
     * to a role noun, is the person the role describes, as "the main
     * opposition leader" would be */
    if (sj.b - sj.a >= 2 && tok_capital(&t[sj.a])) {
        size_t o = sj.a;
        while (o + 1 < sj.b && o < sj.a + 3 && !(t[o].flags & INGEST_TOKF_POSS))
            o++;
        bool role = (t[o].flags & INGEST_TOKF_POSS) && o + 1 < sj.b && sj.b - o <= 5 &&
                    TOK_IN(s, &t[sj.b - 1], role_nouns);
        for (size_t z = o + 1; role && z < sj.b; z++)
            role = (t[z].flags & INGEST_TOKF_LOWER) && t[z].kind == INGEST_TOK_WORD;
        size_t ms = role ? mention_start_at(p, t[o].start + 1) : SIZE_MAX;
        for (size_t mi = 0; ms != SIZE_MAX && mi < p->n_m; mi++)
            if (p->m[mi].start == ms && ms == t[sj.a].start &&
                x->ents->v[p->m[mi].entity].type == ENTITY_PLACE) {
                at->speaker = description_holder(x, pi, (struct subj){o, sj.b, false});
                if (at->speaker >= 0)
                    return;
                break;
            }
    }
    /* "A commentary published by Xinhua later in the day said": a writing
     * whose own phrase names its author after "by" */
    for (size_t j = sj.a; j + 1 < sj.b && j < sj.a + 4; j++)
        if ((t[j].flags & INGEST_TOKF_LOWER) && TOK_IN(s, &t[j], document_nouns)) {
            for (size_t b = j + 1; b + 1 < sj.b && b <= j + 3; b++)
                if (ingest_tok_is(s, &t[b], "by")) {
                    if (TOK_IN(s, &t[b - 1], access_participles))
                        break; /* "a memo obtained by the Gazette" */
                    size_t c = b + 1;
                    if (ingest_tok_ieq(s, &t[c], "the") && c + 1 < sj.b)
                        c++;
                    size_t mi = mention_lower(e, pi, t[c].start);
                    if (mi < e->n_m && e->m[mi].para == pi && e->m[mi].start == t[c].start &&
                        e->v[e->m[mi].entity].type != ENTITY_PLACE) {
                        at->speaker = e->m[mi].entity;
                        return;
                    }
                    break;
                }
            break;
        }
    /* "Meridian later said": the first word of one organisation's name
     * ("Meridian Labs"), alone, no person's name holding it */
    if (sj.b - sj.a == 1 && tok_capital(&t[sj.a]) && !(t[sj.a].flags & INGEST_TOKF_ALLCAPS) &&
        !TOK_IN(s, &t[sj.a], determiners) && !TOK_IN(s, &t[sj.a], function_words)) {
        /* the names starting with the word and a space, found by bisection
         * (a scan of every entity per subject was quadratic); at most 64 of
         * them are looked at, more being no one organisation anyway */
        const char *w = s + t[sj.a].start;
        size_t wn = t[sj.a].end - t[sj.a].start;
        size_t lo = 0, hi = x->n_by_name;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (name_prefix_cmp(x->by_name[mid].name, w, wn) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        int32_t hit = -1, lone = -1;
        for (size_t ni = lo; ni < x->n_by_name && name_prefix_cmp(x->by_name[ni].name, w, wn) == 0;
             ni++) {
            int32_t ei = x->by_name[ni].ent;
            if (ni - lo >= 64)
                hit = lone = -2;
            else if (e->v[ei].type == ENTITY_PERSON)
                lone = lone == -1 ? ei : -2;
            else if (e->v[ei].type == ENTITY_ORGANIZATION)
                hit = hit == -1 ? ei : -2;
            if (hit == -2 && lone == -2)
                break;
        }
        if (hit >= 0 && lone == -1) {
            at->speaker = hit;
            return;
        }
        /* "According to Loh" after "Loh Kim Hock": the first word of one
         * person's name (a family name written first, or a given name),
         * alone, when no other name starts with it */
        if (lone >= 0 && hit == -1) {
            at->speaker = lone;
            return;
        }
    }
    /* "The central bank's statement added": a writing owned by a
     * description ("the central bank's", "the senator's") is the one the
     * description stands for */
    if (ingest_tok_ieq(s, &t[sj.a], "the") && sj.b - sj.a >= 3 && sj.b - sj.a <= 5 &&
        (t[sj.b - 1].flags & INGEST_TOKF_LOWER) && TOK_IN(s, &t[sj.b - 1], document_nouns) &&
        (t[sj.b - 2].flags & INGEST_TOKF_POSS)) {
        struct attr oa = {0};
        subject_resolve(x, pi, (struct subj){sj.a, sj.b - 1, false}, &oa);
        if (oa.speaker >= 0) {
            at->speaker = oa.speaker;
            return;
        }
    }
    /* "One complaint, filed by Ann Roe of Dayton, whose son ..., alleges":
     * an indefinite writing whose aside names its author after "by" */
    if (TOK_IN(s, &t[sj.a], indefinites) && sj.b - sj.a >= 2 && sj.b - sj.a <= 4 &&
        (t[sj.b - 1].flags & INGEST_TOKF_LOWER) && TOK_IN(s, &t[sj.b - 1], document_nouns)) {
        bool by = false;
        for (size_t j = sj.b; j < p->toks.n && j < sj.b + 16 && !by && t[j].quote < 0 &&
                              t[j].sent == t[sj.a].sent;
             j++)
            by = ingest_tok_is(s, &t[j], "by") && !TOK_IN(s, &t[j - 1], access_participles);
        struct attr au = *at;
        int32_t who = by ? document_by_author(x, pi, sj, &au) : -1;
        if (who >= 0) {
            at->speaker = who;
            return;
        }
    }
    /* "The chief executive of a Toronto-based gold miner says": a role of an
     * organisation the sentence does not name is the person the article
     * records with that title ("Aldercrest Gold CEO X", before or after) */
    if (ingest_tok_ieq(s, &t[sj.a], "the") && sj.b - sj.a >= 5 && sj.b - sj.a <= 12) {
        size_t of = sj.a + 2;
        while (of < sj.a + 5 && of + 1 < sj.b && !ingest_tok_is(s, &t[of], "of"))
            of++;
        if (of + 1 < sj.b && ingest_tok_is(s, &t[of], "of") && TOK_IN(s, &t[of + 1], indefinites)) {
            int32_t who =
                title_holder_abbr(e, s + t[sj.a + 1].start, t[of - 1].end - t[sj.a + 1].start);
            if (who >= 0) {
                at->speaker = who;
                return;
            }
        }
    }
    /* "the president", "the Republican nominee", "the former secretary of state":
     * the last person named with that title or role, else a title held here */
    if (ingest_tok_ieq(s, &t[sj.a], "the") && sj.b - sj.a >= 2 && sj.b - sj.a <= 6) {
        /* "One Republican senator, who asked not to be named, said ... .
         * “...,” the senator said": an indefinite introduction within three
         * paragraphs is the antecedent before any senator named by title */
        if (sj.b - sj.a == 2 && TOK_IN(s, &t[sj.a + 1], source_heads) &&
            anon_antecedent(x, pi, sj, false, at))
            return;
        /* "A senior executive at one of the two companies, who spoke on
         * condition of anonymity, was more candid. “...,” the executive
         * said": any other head noun, when its indefinite introduction is in
         * this same paragraph, goes to it before a person titled so earlier */
        if (sj.b - sj.a == 2 && (t[sj.a + 1].flags & INGEST_TOKF_LOWER) &&
            TOK_IN(s, &t[sj.a + 1], role_nouns)) {
            struct attr an = *at;
            if (anon_antecedent(x, pi, sj, false, &an) && an.subj_para == pi &&
                !named_after(x, pi, an.subj_b)) {
                *at = an;
                return;
            }
        }
        at->speaker = headed_by_holder(x, pi, sj);
        if (at->speaker < 0)
            at->speaker = description_holder(x, pi, sj);
        if (at->speaker < 0 && sj.b - sj.a == 2)
            at->speaker = answering_description(x, pi, &t[sj.a + 1], s);
        if (at->speaker < 0 && sj.b - sj.a <= 4)
            at->speaker =
                title_holder_abbr(e, s + t[sj.a + 1].start, t[sj.b - 1].end - t[sj.a + 1].start);
        if (at->speaker < 0 && sj.b - sj.a <= 3)
            at->speaker = org_holder(x, pi, sj);
        if (at->speaker < 0 && sj.b - sj.a == 2 && possessive_antecedent(x, pi, sj, at))
            return;
        if (at->speaker < 0 && sj.b - sj.a == 2 && TOK_IN(s, &t[sj.a + 1], campaign_roles))
            at->speaker = protagonist(e);
        if (at->speaker < 0 && sj.b - sj.a <= 3 && TOK_IN(s, &t[sj.b - 1], document_nouns) &&
            (t[sj.b - 1].flags & INGEST_TOKF_LOWER)) {
            if (sj.b - sj.a == 2 && document_opener(x, pi, sj, at))
                return;
            if (sj.b - sj.a == 2)
                at->speaker = document_author(x, pi, sj);
            if (at->speaker < 0)
                at->speaker = document_by_author(x, pi, sj, at);
            if (at->speaker < 0 && at->subj_para == pi)
                at->speaker = writing_quoted_before(x, pi, sj);
        }
        /* "the nurse wrote" after "a night-shift nurse": any other lower-case
         * noun that found nobody (no title, organisation or writing) */
        else if (at->speaker < 0 && sj.b - sj.a == 2 && (t[sj.a + 1].flags & INGEST_TOKF_LOWER) &&
                 !TOK_IN(s, &t[sj.a + 1], source_heads) && !TOK_IN(s, &t[sj.a + 1], campaign_roles) &&
                 !TOK_IN(s, &t[sj.a + 1], institution_nouns) &&
                 !ingest_org_noun(s + t[sj.a + 1].start, t[sj.a + 1].end - t[sj.a + 1].start))
            anon_antecedent(x, pi, sj, true, at);
    }
}

/* ---- attribution of one paragraph ------------------------------------------------------ */

struct qinfo {
    size_t tq0, tq1; /* first and last token inside */
    bool has_tokens;
    struct attr at;
    bool adjacent; /* the cue sits right next to the quotation */
    bool starts_sentence;
    enum quote_kind kind;
    bool drop;
    bool inherited;
    bool by_cue_after; /* attributed by the cue right after it: “...,” X said */
    bool renamed;      /* “...,” a charge X called: the cue after is not its own */
    bool passive;      /* its only cue is a passive one that names nobody */
    size_t next_found;
};

/* True when the quotation q opens after a topic label that opens paragraph
 * pi of x ("On the pitch: “...”", "On his own form (four innings): “...”"),
 * the way a run of press-conference excerpts gives each answer its subject:
 * "On", at most 24 tokens of one sentence outside quotations and naming
 * nobody, then a colon right before the quotation. */
static bool topic_label(const struct ctx *x, int32_t pi, const struct qinfo *q)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (!q->has_tokens || q->tq0 < 3 || q->tq0 > 24 || !is_punct(&t[q->tq0 - 1], ':') ||
        t[q->tq0 - 1].quote >= 0 || !ingest_tok_is(p->s, &t[0], "On"))
        return false;
    for (size_t k = 0; k + 1 < q->tq0; k++)
        if (t[k].quote >= 0 || is_end_punct(&t[k]) || t[k].sent != t[0].sent)
            return false;
    for (size_t i = 0; i < p->n_m && p->m[i].start < t[q->tq0 - 1].start; i++)
        if (x->ents->v[p->m[i].entity].type == ENTITY_PERSON)
            return false;
    return true;
}

/* Sentence token range holding token i. */
static void sentence_bounds(const struct ingest_para *p, size_t i, size_t *a, size_t *b)
{
    const struct ingest_tok *t = p->toks.v;
    int32_t s = t[i].sent;
    size_t x = i, y = i;
    while (x > 0 && t[x - 1].sent == s && i - x < 4 * CUE_WINDOW)
        x--;
    while (y + 1 < p->toks.n && t[y + 1].sent == s && y - i < 4 * CUE_WINDOW)
        y++;
    *a = x;
    *b = y + 1;
}

/* Token index of the first token of p starting at or after byte b. */
static size_t tok_at_byte(const struct ingest_para *p, size_t b)
{
    size_t lo = 0, hi = p->toks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->toks.v[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/* Plural heads of a description after "the" (sorted). */
static const char *const group_nouns[] = {
    "activists", "advocates",   "analysts",  "attorneys",  "critics",     "economists",
    "experts",   "groups",      "lawmakers", "lawyers",    "leaders",     "officials",
    "organizers", "protesters", "researchers", "residents", "scientists", "unions",
    "voters",
};

static bool title_case_span(const struct ingest_para *p, const struct qinfo *q);

/* True when token i lies in a title-case quoted span ("On “Meet the Voters,”
 * X said"): a name in an adverbial, not a quotation to stop at. */
static bool title_quote_at(const struct ingest_para *p, size_t i)
{
    const struct ingest_tok *t = p->toks.v;
    int32_t qi = t[i].quote;
    if (qi < 0)
        return false;
    struct qinfo q = {0};
    q.has_tokens = true;
    q.tq0 = q.tq1 = i;
    while (q.tq0 > 0 && t[q.tq0 - 1].quote == qi && i - q.tq0 < 12)
        q.tq0--;
    while (q.tq1 + 1 < p->toks.n && t[q.tq1 + 1].quote == qi && q.tq1 - i < 12)
        q.tq1++;
    return title_case_span(p, &q);
}

/* The subject of the clause that runs from token sa to token k: a person or an
 * organisation named (or a he/she) at its start, after an opening adverbial
 * ("In recent weeks, Adeyemi has ...") and leading words like "But". "X's doctor"
 * is the doctor: the subject then keeps the noun, and no entity resolves it. */
/* "A day earlier, she ...", "The next morning, he ...": a short noun phrase
 * opening the clause, up to a comma and a he/she, is an adverbial of time. */
static bool time_adverbial(const struct ingest_para *p, size_t c0, size_t k)
{
    /* "Hours before the vote, X ...", "Days later, X ...": a span of time
     * and its relation open an adverbial too (sorted lists) */
    static const char *const spans[] = {"days",    "hours",  "minutes", "moments",
                                        "months",  "seconds", "weeks",  "years"};
    static const char *const relations[] = {"after", "before", "earlier", "later"};
    const struct ingest_tok *t = p->toks.v;
    if (c0 + 1 < k && TOK_IN(p->s, &t[c0], spans) && TOK_IN(p->s, &t[c0 + 1], relations))
        return true;
    if (!TOK_IN(p->s, &t[c0], determiners))
        return false;
    for (size_t c = c0 + 1; c + 1 < k && c - c0 <= 4; c++) {
        if (t[c].quote >= 0 || (t[c].kind == INGEST_TOK_WORD && !(t[c].flags & INGEST_TOKF_LOWER)))
            return false;
        if (is_punct(&t[c], ','))
            return TOK_IN(p->s, &t[c + 1], pronouns_m) || TOK_IN(p->s, &t[c + 1], pronouns_f);
    }
    return false;
}

/* "co-leader", "vice-chair": a hyphenated word whose last part is a role noun. */
static bool hyphen_role(const struct ingest_para *p, const struct ingest_tok *w)
{
    size_t h = w->end;
    while (h > w->start && p->s[h - 1] != '-')
        h--;
    return h > w->start + 1 && h < w->end &&
           ingest_word_in(role_nouns, sizeof role_nouns / sizeof *role_nouns, p->s + h, w->end - h);
}

/* The participles that give a name: "a resident named X", "a group called
 * X" (also the name a thing goes by, span_is_name); sorted. */
static const char *const namings[] = {"called", "named"};

/* The person named by a mention that starts at token j of paragraph pi,
 * outside quotation marks, as a subject over its tokens (before lim); false
 * when no person's name starts there. */
static bool person_at(const struct ctx *x, int32_t pi, size_t j, size_t lim, struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    for (size_t mi = 0; mi < p->n_m; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        if (m->start != t[j].start || m->in_quote || x->ents->v[m->entity].type != ENTITY_PERSON)
            continue;
        size_t e = j;
        while (e < lim && t[e].start < m->end)
            e++;
        *out = (struct subj){j, e, false};
        return true;
    }
    return false;
}

/* "A resident named Ann Roe stood up and asked": a newcomer brought in by a
 * description (a determiner and up to three lower-case words) and the
 * participle that names him is the person named, who is the subject. True
 * with out = the name's tokens when the clause at c0 (before k) opens so. */
static bool named_newcomer(const struct ctx *x, int32_t pi, size_t c0, size_t k, struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (c0 >= k || !TOK_IN(p->s, &t[c0], indefinites))
        return false;
    size_t w = c0 + 1;
    while (w < k && w - c0 <= 3 && t[w].quote < 0 && t[w].kind == INGEST_TOK_WORD &&
           (t[w].flags & INGEST_TOKF_LOWER) && !TOK_IN(p->s, &t[w], namings))
        w++;
    if (w == c0 + 1 || w + 1 >= k || !TOK_IN(p->s, &t[w], namings) || t[w].quote >= 0)
        return false;
    return person_at(x, pi, w + 1, k, out);
}

/* "“...,” said one woman, who held a toddler. “...” The woman, Ann Roe,
 * 36, said she ...": a source brought in by an indefinite description (a
 * determiner and up to three lower-case words) and named later in the
 * paragraph by the same head noun behind "the" and a comma is the person
 * named there. A reporter quotes a voter first and names her after. */
static void renamed_source(struct ctx *x, int32_t pi, struct qinfo *q)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t n = p->toks.n;
    if (!q->at.found || q->at.speaker >= 0 || q->at.subj_para != pi ||
        q->at.subj_b <= q->at.subj_a)
        return;
    size_t a = tok_at_byte(p, q->at.subj_a), b = tok_at_byte(p, q->at.subj_b);
    if (a >= n || b > n || b < a + 2 || b - a > 4 || !TOK_IN(p->s, &t[a], indefinites))
        return;
    for (size_t k = a + 1; k < b; k++)
        if (t[k].quote >= 0 || t[k].kind != INGEST_TOK_WORD || !(t[k].flags & INGEST_TOKF_LOWER))
            return;
    const struct ingest_tok *head = &t[b - 1];
    for (size_t k = q->tq1 + 1; k + 3 < n; k++) {
        if (t[k].quote >= 0 || !ingest_tok_ieq(p->s, &t[k], "the") ||
            t[k + 1].end - t[k + 1].start != head->end - head->start ||
            strncasecmp(p->s + t[k + 1].start, p->s + head->start, head->end - head->start) != 0 ||
            !is_punct(&t[k + 2], ','))
            continue;
        struct subj sj;
        if (person_at(x, pi, k + 3, n, &sj)) {
            const struct cue *c = q->at.cue;
            subject_resolve(x, pi, sj, &q->at);
            q->at.cue = c;
        }
        return;
    }
}

/* True when token c of p opens a participle phrase that a comma closes
 * before token k ("Accepting the award, a visibly emotional Ms X thanked"):
 * a capitalised word in -ing that no entity mention starts with (not
 * "Beijing"), followed by a lower-case word. Such a phrase is an opening
 * adverbial like "Speaking outside the court,", which clause_openers lists. */
static bool participle_opener(const struct ingest_para *p, size_t c, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    size_t n = t[c].end - t[c].start;
    if (c + 2 >= k || t[c].kind != INGEST_TOK_WORD || !(t[c].flags & INGEST_TOKF_CAP) || n < 6 ||
        !ingest_ascii_ieq(p->s + t[c].end - 3, 3, "ing") || !(t[c + 1].flags & INGEST_TOKF_LOWER) ||
        mention_start_at(p, t[c].start + 1) != SIZE_MAX)
        return false;
    for (size_t j = c + 1; j < k && j - c < 16; j++)
        if (t[j].quote < 0 && is_punct(&t[j], ','))
            return true;
    return false;
}

/* True when token c of p is an article with a role noun or title one or
 * two words after it, before token k ("But the judge rejected ...", "And
 * the former minister said"): after a dropped connective that is the
 * clause's subject, not an opening adverbial ("But the next day, ..."). */
static bool role_after_article(const struct ctx *x, const struct ingest_para *p, size_t c, size_t k)
{
    static const char *const articles[] = {"a", "an", "the"}; /* sorted */
    const struct ingest_tok *t = p->toks.v;
    if (!TOK_IN(p->s, &t[c], articles))
        return false;
    for (size_t j = c + 1; j < k && j <= c + 2 && t[j].quote < 0 && t[j].kind == INGEST_TOK_WORD; j++)
        if (TOK_IN(p->s, &t[j], role_nouns) ||
            ingest_gaz_has(x->g, p->s + t[j].start, t[j].end - t[j].start, INGEST_GAZ_TITLE))
            return true;
    return false;
}

/* The token after a short parenthesis opening at token e, before token k
 * (a party and state after a name: "Rep. Ann Roe (D-Md.)"); e itself when
 * none opens there. Bounded: eight tokens inside, no quotation. */
static size_t after_paren_tag(const struct ingest_para *p, size_t e, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    if (e >= k || t[e].quote >= 0 || !is_punct(&t[e], '('))
        return e;
    for (size_t j = e + 1; j < k && j - e <= 8 && t[j].quote < 0; j++)
        if (is_punct(&t[j], ')'))
            return j + 1;
    return e;
}

static bool clause_subject(const struct ctx *x, int32_t pi, size_t sa, size_t k, struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    /* "Harbour Council Vote: Dredging “...” is ...": a heading before a
     * colon is no subject of the clause after it */
    for (size_t j = sa; j + 1 < k; j++)
        if (is_punct(&t[j], ':') && t[j].quote < 0 && t[j + 1].quote < 0)
            sa = j + 1;
    /* "YOUNGSTOWN, Ohio (AP) — X stood ... and promised": past the dateline */
    if (sa == 0)
        for (size_t j = 2; j < k && j <= 12; j++)
            if (after_dateline(p, j)) {
                sa = j;
                break;
            }
    size_t c0 = sa;
    bool comma = false;
    while (c0 < k && TOK_IN(p->s, &t[c0], lead_drops)) {
        c0++;
        if (c0 < k && is_punct(&t[c0], ',')) { /* "Separately, the Riksbank ..." */
            c0++;
            comma = true;
        }
    }
    /* (a he/she after a dropped connective is the subject, no adverbial:
     * "Then she said the thing ...") */
    bool pron = c0 > sa && c0 < k &&
                (TOK_IN(p->s, &t[c0], pronouns_m) || TOK_IN(p->s, &t[c0], pronouns_f) ||
                 role_after_article(x, p, c0, k));
    if (c0 < k && t[c0].quote < 0 &&
        (TOK_IN(p->s, &t[c0], clause_openers) || participle_opener(p, c0, k) ||
         ((t[c0].flags & INGEST_TOKF_LOWER) && !comma && !pron) || time_adverbial(p, c0, k))) {
        size_t c = c0;
        while (c < k && c - c0 < 24 && !is_punct(&t[c], ',') &&
               (t[c].quote < 0 || title_quote_at(p, c)))
            c++;
        if (c >= k || !is_punct(&t[c], ','))
            return false;
        if (t[c].quote >= 0 && c + 1 < k && t[c + 1].quote >= 0)
            return false;
        c0 = c + 1;
        /* "Under questioning, though, he declined": a connective between
         * commas after the adverbial */
        if (c0 + 1 < k && t[c0].quote < 0 && is_punct(&t[c0 + 1], ',') &&
            (TOK_IN(p->s, &t[c0], lead_drops) || ingest_tok_ieq(p->s, &t[c0], "though")))
            c0 += 2;
        /* "In one letter, dated March 2014 and obtained by the Post, he
         * thanked": a participle aside on the adverbial's noun */
        if (c0 + 2 < k && t[c0].kind == INGEST_TOK_WORD && t[c0].quote < 0 &&
            (t[c0].flags & INGEST_TOKF_LOWER) &&
            (TOK_IN(p->s, &t[c0], access_participles) || TOK_IN(p->s, &t[c0], author_participles) ||
             (t[c0].end - t[c0].start > 4 && ingest_ascii_ieq(p->s + t[c0].end - 2, 2, "ed")))) {
            size_t d = c0 + 1;
            while (d < k && d - c0 < 16 && !is_clause_punct(&t[d]) && t[d].quote < 0)
                d++;
            if (d + 1 < k && is_punct(&t[d], ',') && t[d + 1].quote < 0)
                c0 = d + 1;
        }
        /* "Asked whether they would free X, a senior politician whose fate
         * is unknown, Mr Y paused": an indefinite appositive on the
         * adverbial's last noun, when a name or a he/she follows it */
        if (c0 + 2 < k && t[c0].quote < 0 &&
            (ingest_tok_is(p->s, &t[c0], "a") || ingest_tok_is(p->s, &t[c0], "an")) &&
            (t[c0 + 1].flags & INGEST_TOKF_LOWER) && c0 >= 2 && tok_capital(&t[c0 - 2])) {
            size_t d = c0 + 1;
            while (d < k && d - c0 < 24 && !is_clause_punct(&t[d]) && t[d].quote < 0)
                d++;
            if (d + 1 < k && is_punct(&t[d], ',') && t[d + 1].quote < 0 &&
                (tok_capital(&t[d + 1]) || TOK_IN(p->s, &t[d + 1], pronouns_m) ||
                 TOK_IN(p->s, &t[d + 1], pronouns_f)))
                c0 = d + 1;
        }
        /* "On March 3, 2019, X made": the year of a date is still the adverbial */
        if (c0 + 1 < k && t[c0].kind == INGEST_TOK_NUM && is_punct(&t[c0 + 1], ','))
            c0 += 2;
        /* "After a hurriedly called, two-hour session, X ...": a second
         * adjective of the adverbial's noun, up to the next comma */
        if (c0 < k && t[c0].kind == INGEST_TOK_WORD && t[c0].quote < 0 && tok_hyphenated(p, &t[c0])) {
            size_t d = c0;
            while (d < k && d - c0 < 6 && !is_clause_punct(&t[d]) && t[d].quote < 0)
                d++;
            if (d < k && is_punct(&t[d], ','))
                c0 = d + 1;
        }
    }
    if (c0 >= k || t[c0].quote >= 0)
        return false;
    if (named_newcomer(x, pi, c0, k, out))
        return true;
    if (TOK_IN(p->s, &t[c0], pronouns_m) || TOK_IN(p->s, &t[c0], pronouns_f) ||
        ingest_tok_is(p->s, &t[c0], "it")) {
        *out = (struct subj){c0, c0 + 1, false};
        return true;
    }
    /* "Her mother, for her part, was unbothered: “...”": a possessive and
     * a kin noun (kin_named finds whom it names) */
    if (c0 + 2 < k && TOK_IN(p->s, &t[c0], possessives) && t[c0 + 1].quote < 0) {
        bool kin = false;
        for (size_t i = 0; i < sizeof kin_nouns / sizeof *kin_nouns && !kin; i++)
            kin = ingest_tok_ieq(p->s, &t[c0 + 1], kin_nouns[i].word);
        if (kin && (is_punct(&t[c0 + 2], ',') || (t[c0 + 2].flags & INGEST_TOKF_LOWER))) {
            /* "Her brother and hitting partner, Ivo Roe, was more critical,
             * writing": the name the kin noun's appositive gives */
            size_t c = c0 + 2;
            if (ingest_tok_is(p->s, &t[c], "and"))
                for (c++; c < k && c - c0 < 7 && t[c].kind == INGEST_TOK_WORD &&
                          (t[c].flags & INGEST_TOKF_LOWER) && t[c].quote < 0;)
                    c++;
            struct subj nm;
            if (c + 2 < k && is_punct(&t[c], ',') && t[c + 1].quote < 0 &&
                person_at(x, pi, c + 1, k, &nm) && nm.b < k && is_punct(&t[nm.b], ',')) {
                *out = nm;
                return true;
            }
            *out = (struct subj){c0, c0 + 2, false};
            return true;
        }
    }
    /* "The mayor also outlined ...", "Several fishing groups
     * granted ...": a description whose head is a role or group noun, then a
     * lower-case word (no "of": "the chief of X"); kept as written when it
     * names nobody */
    bool the = ingest_tok_ieq(p->s, &t[c0], "the");
    if (the || TOK_IN(p->s, &t[c0], group_quantifiers)) {
        for (size_t h = c0 + 1; h < k && h <= c0 + 4 && t[h].kind == INGEST_TOK_WORD &&
                                t[h].quote < 0;
             h++) {
            /* after a quantifier any plural is a head: "several fishing cooperatives" */
            size_t hl = t[h].end - t[h].start;
            bool plural = (t[h].flags & INGEST_TOKF_LOWER) && hl > 3 && p->s[t[h].end - 1] == 's' &&
                          p->s[t[h].end - 2] != 's' && !TOK_IN(p->s, &t[h], function_words);
            /* (an organisation's noun too: "..., the commission directed X
             * to ..., saying") */
            bool head = the ? TOK_IN(p->s, &t[h], role_nouns) || TOK_IN(p->s, &t[h], group_nouns) ||
                                  TOK_IN(p->s, &t[h], document_nouns) ||
                                  (!(t[h].flags & INGEST_TOKF_POSS) &&
                                   (TOK_IN(p->s, &t[h], institution_nouns) ||
                                    ((t[h].flags & INGEST_TOKF_LOWER) &&
                                     ingest_org_noun(p->s + t[h].start, t[h].end - t[h].start))))
                            : plural;
            if (!head)
                continue;
            /* "the veteran senator": a role noun before another is its modifier */
            if (the && h + 1 < k && h + 1 <= c0 + 4 && t[h + 1].quote < 0 &&
                TOK_IN(p->s, &t[h + 1], role_nouns))
                continue;
            /* "The authors of the report, which include X and Y, combed ...":
             * a relative clause between commas is stepped over to the verb */
            size_t v = h + 1;
            if (v + 1 < k && is_punct(&t[v], ',') && t[v].quote < 0 &&
                TOK_IN(p->s, &t[v + 1], relatives)) {
                size_t c = v + 2;
                while (c < k && c - v < 20 && t[c].quote < 0 && !is_clause_punct(&t[c]))
                    c++;
                if (c < k && is_punct(&t[c], ','))
                    v = c + 1;
            }
            if (v < k && t[v].kind == INGEST_TOK_WORD && (t[v].flags & INGEST_TOKF_LOWER) &&
                t[v].quote < 0 && !TOK_IN(p->s, &t[v], prepositions) &&
                !TOK_IN(p->s, &t[v], role_nouns)) {
                *out = (struct subj){c0, h + 1, false};
                return true;
            }
            break;
        }
    }
    /* "A spokesperson for X, Ann Roe, disputed ...": a lower-case
     * description behind a determiner, then a person's name between commas;
     * also behind a capitalised owner ("The UN's coordinator for Sudan, Ann
     * Roe, welcomed ... but said") */
    size_t d0 = c0 + 1;
    while (d0 < k && d0 - c0 <= 4 && tok_capital(&t[d0]) && t[d0].quote < 0 &&
           !(t[d0].flags & INGEST_TOKF_POSS))
        d0++;
    if (!(d0 < k && tok_capital(&t[d0]) && (t[d0].flags & INGEST_TOKF_POSS) && t[d0].quote < 0))
        d0 = c0; /* no owner */
    /* (a title in capitals too: "The Special Adviser to the Governor on
     * Security Matters, Mr X, commended ... and assured") */
    bool cap_title = false;
    for (size_t j = d0 + 1; j < k && j <= d0 + 2 && !cap_title; j++)
        cap_title = tok_capital(&t[j]) && t[j].quote < 0 &&
                    ingest_gaz_has(x->g, p->s + t[j].start, t[j].end - t[j].start,
                                   INGEST_GAZ_TITLE);
    if (TOK_IN(p->s, &t[c0], determiners) && d0 + 1 < k &&
        ((t[d0 + 1].flags & INGEST_TOKF_LOWER) || (d0 == c0 && cap_title))) {
        size_t c = d0 + 1;
        while (c < k && c - d0 < (cap_title ? 12u : 8u) && t[c].quote < 0 &&
               t[c].kind == INGEST_TOK_WORD)
            c++;
        /* (the name may follow a role behind "the": "Her opponent, the
         * retired general Augusto Benavente, has gone further, promising") */
        bool the_role = false;
        if (c + 3 < k && is_punct(&t[c], ',') && ingest_tok_ieq(p->s, &t[c + 1], "the")) {
            size_t r = c + 2;
            while (r < k && r - c <= 5 && t[r].kind == INGEST_TOK_WORD && t[r].quote < 0 &&
                   (t[r].flags & INGEST_TOKF_LOWER) && !TOK_IN(p->s, &t[r], function_words))
                r++;
            if (r > c + 2 && r < k && tok_capital(&t[r]) &&
                (TOK_IN(p->s, &t[r - 1], role_nouns) ||
                 ingest_gaz_has(x->g, p->s + t[r - 1].start, t[r - 1].end - t[r - 1].start,
                                INGEST_GAZ_TITLE)))
            {
                c = r - 1; /* the name starts at c + 1 */
                the_role = true;
            }
        }
        if (c + 2 < k && (is_punct(&t[c], ',') || the_role) && t[c + 1].quote < 0 &&
            tok_capital(&t[c + 1])) {
            /* (titles may come first: "The committee's chair, Greens
             * senator Ann Roe, allowed ... but warned") */
            size_t n0 = c + 1;
            while (n0 < k && n0 - c <= 3 && t[n0].kind == INGEST_TOK_WORD && t[n0].quote < 0 &&
                   !person_starts_at(x, p, n0) &&
                   (tok_capital(&t[n0]) || TOK_IN(p->s, &t[n0], role_nouns) ||
                    ingest_gaz_has(x->g, p->s + t[n0].start, t[n0].end - t[n0].start,
                                   INGEST_GAZ_TITLE)))
                n0++;
            if (n0 >= k || !person_starts_at(x, p, n0))
                n0 = c + 1;
            for (size_t mi = 0; mi < p->n_m; mi++) {
                const struct ingest_mention *m = &p->m[mi];
                if (m->start < t[n0].start)
                    continue;
                if (m->start == t[n0].start && !m->in_quote &&
                    x->ents->v[m->entity].type == ENTITY_PERSON) {
                    size_t e = n0;
                    while (e < k && t[e].start < m->end)
                        e++;
                    size_t pe = after_paren_tag(p, e, k); /* "X (D-Md.)," */
                    if (pe < k && is_punct(&t[pe], ',')) {
                        *out = (struct subj){c + 1, e, false};
                        return true;
                    }
                }
                break;
            }
        }
    }
    for (size_t mi = 0; mi < p->n_m; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        if (m->start < t[c0].start)
            continue;
        size_t a = tok_at_byte(p, m->start);
        if (a >= k || a - c0 > 4 || m->in_quote)
            return false;
        /* only capitalised words (titles, "Rival") before the name, or a
         * capitalised phrase ending in a title: "Opposition councillor X",
         * also lower-case after an opening adverbial: "At a briefing,
         * ministry spokeswoman X went further" */
        for (size_t j = c0; j < a; j++)
            if (!tok_capital(&t[j]) && !TOK_IN(p->s, &t[j], determiners) &&
                !((tok_capital(&t[c0]) || (c0 > sa && is_punct(&t[c0 - 1], ','))) && a - j <= 3 &&
                  t[j].kind == INGEST_TOK_WORD &&
                  !TOK_IN(p->s, &t[j], function_words) &&
                  (tok_capital(&t[a - 1]) || TOK_IN(p->s, &t[a - 1], role_nouns) ||
                   ingest_gaz_has(x->g, p->s + t[a - 1].start, t[a - 1].end - t[a - 1].start,
                                  INGEST_GAZ_TITLE))))
                return false;
        enum entity_type ty = x->ents->v[m->entity].type;
        if (ty == ENTITY_PLACE) {
            /* "Haiti's Transitional Council thanked ...": a place as the
             * owner of the name after it */
            size_t pe = a;
            while (pe + 1 < k && t[pe + 1].start < m->end)
                pe++;
            if ((t[pe].flags & INGEST_TOKF_POSS) && pe + 1 < k && tok_capital(&t[pe + 1]))
                continue;
            /* "Zambia's main opposition leader on Sunday rejected ...,
             * calling": a place's role, lower-case words up to a role noun
             * or title, is the subject as written */
            size_t r = pe + 1;
            while ((t[pe].flags & INGEST_TOKF_POSS) && r < k && r - pe <= 4 &&
                   t[r].kind == INGEST_TOK_WORD && t[r].quote < 0 &&
                   (t[r].flags & INGEST_TOKF_LOWER) && !TOK_IN(p->s, &t[r], function_words)) {
                if (TOK_IN(p->s, &t[r], role_nouns) ||
                    ingest_gaz_has(x->g, p->s + t[r].start, t[r].end - t[r].start,
                                   INGEST_GAZ_TITLE)) {
                    /* "Spain's prime minister, Javier Olmedo, took the
                     * opposite line, telling": the name between commas */
                    if (r + 3 < k && is_punct(&t[r + 1], ',') && t[r + 2].quote < 0 &&
                        person_starts_at(x, p, r + 2)) {
                        size_t e2 = r + 2;
                        for (size_t mj = 0; mj < p->n_m; mj++)
                            if (p->m[mj].start == t[r + 2].start)
                                while (e2 < k && t[e2].start < p->m[mj].end)
                                    e2++;
                        if (e2 < k && is_punct(&t[e2], ',')) {
                            *out = (struct subj){r + 2, e2, false};
                            return true;
                        }
                    }
                    if (r + 1 < k && t[r + 1].quote < 0 && !TOK_IN(p->s, &t[r + 1], role_nouns)) {
                        *out = (struct subj){c0, r + 1, false};
                        return true;
                    }
                    break;
                }
                r++;
            }
            return false;
        }
        size_t e = a;
        while (e < k && t[e].start < m->end)
            e++;
        if (e < k && (t[e - 1].flags & INGEST_TOKF_POSS) && t[e].kind == INGEST_TOK_WORD &&
            (t[e].flags & INGEST_TOKF_LOWER)) {
            /* "X's campaign manager, Ann Roe, went further, calling": an
             * owner's role before a person's name between commas gives the name */
            size_t c = e;
            while (c < k && c - e < 4 && t[c].kind == INGEST_TOK_WORD && t[c].quote < 0 &&
                   (t[c].flags & INGEST_TOKF_LOWER) &&
                   (!TOK_IN(p->s, &t[c], function_words) ||
                    (c > e && ingest_tok_is(p->s, &t[c], "of")))) /* "chief of staff" */
                c++;
            if (c > e && c + 2 < k && is_punct(&t[c], ',') && mi + 1 < p->n_m &&
                p->m[mi + 1].start == t[c + 1].start && !p->m[mi + 1].in_quote &&
                x->ents->v[p->m[mi + 1].entity].type == ENTITY_PERSON) {
                size_t e2 = c + 1;
                while (e2 < k && t[e2].start < p->m[mi + 1].end)
                    e2++;
                if (e2 < k && is_punct(&t[e2], ',')) {
                    *out = (struct subj){c + 1, e2, false};
                    return true;
                }
            }
            e++; /* "X's doctor" */
        }
        /* "RNC spokesperson Kyle Roe piled on": the organisation modifies the
         * role before the person's name, who is the subject */
        if (ty == ENTITY_ORGANIZATION && mi + 1 < p->n_m && !p->m[mi + 1].in_quote &&
            x->ents->v[p->m[mi + 1].entity].type == ENTITY_PERSON) {
            size_t a2 = tok_at_byte(p, p->m[mi + 1].start), e2 = a2;
            bool role = a2 > e && a2 - e <= 3 && a2 < k;
            for (size_t j = e; role && j < a2; j++)
                role = t[j].kind == INGEST_TOK_WORD && !TOK_IN(p->s, &t[j], function_words) &&
                       (TOK_IN(p->s, &t[j], role_nouns) || hyphen_role(p, &t[j]) ||
                        ingest_gaz_has(x->g, p->s + t[j].start, t[j].end - t[j].start,
                                       INGEST_GAZ_TITLE) ||
                        (j + 1 < a2 && (t[j].flags & INGEST_TOKF_LOWER)));
            while (role && e2 < k && t[e2].start < p->m[mi + 1].end)
                e2++;
            if (role)
                e = e2;
        }
        *out = (struct subj){c0, e, false};
        return true;
    }
    return false;
}

/* Words that open a participle phrase fronted before its subject. */
static const char *const part_openers[] = {"after", "before", "by", "since", "upon", "when", "while"};

/* "After saying the bridge was “safe,” he faced ...", "Asked about it, X
 * said": a participle at the sentence start (lim), alone or behind one of
 * part_openers, has the subject of the main clause after the phrase's comma
 * (inside the marks or not). */
static bool fronted_part_subject(const struct ctx *x, int32_t pi, size_t k, size_t lim,
                                 struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (!(k == lim || (k == lim + 1 && TOK_IN(p->s, &t[lim], part_openers))))
        return false;
    size_t sa, sb;
    sentence_bounds(p, k, &sa, &sb);
    for (size_t c = k + 1; c + 1 < sb && c - k < CUE_WINDOW; c++) {
        if (!is_punct(&t[c], ',') || t[c + 1].quote >= 0 || t[c + 1].kind != INGEST_TOK_WORD)
            continue;
        if (TOK_IN(p->s, &t[c + 1], pronouns_m) || TOK_IN(p->s, &t[c + 1], pronouns_f) ||
            ingest_tok_is(p->s, &t[c + 1], "they")) {
            *out = (struct subj){c + 1, c + 2, false};
            return true;
        }
        return tok_capital(&t[c + 1]) && clause_subject(x, pi, c + 1, sb, out);
    }
    return false;
}

/* Who does the participle at token k ("saying", "is calling") when no earlier
 * cue of the sentence names them: a name right before it ("footage of Vos
 * saying"), the subject of a progressive ("X is calling"), or after a comma the
 * subject of the clause ("X brushed off the complaint, saying"). */
/* Verbs of aspect before a participle cue ("has begun describing", "kept
 * calling"): the participle is then the clause's main verb. Sorted. */
/* "Lee criticised Roe for calling ...", "..., where he appeared at a hearing
 * for his role in ... and for saying ...": a gerund after "for" at token k
 * reports the nearest person before it, the subject or the object of the verb
 * it explains (a he/she, or a name that is no owner). Bounded: 32 tokens back,
 * not past lim. */
static bool gerund_for_subject(const struct ctx *x, int32_t pi, size_t k, size_t lim,
                               struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (k <= lim || t[k - 1].quote >= 0 || !ingest_tok_ieq(p->s, &t[k - 1], "for"))
        return false;
    for (size_t j = k - 1; j > lim && k - j < 32; j--) {
        const struct ingest_tok *w = &t[j - 1];
        if (w->quote >= 0 || is_end_punct(w) || is_punct(w, ';'))
            break;
        if (TOK_IN(p->s, w, pronouns_m) || TOK_IN(p->s, w, pronouns_f)) {
            *out = (struct subj){j - 1, j, false};
            return true;
        }
        size_t ms = w->kind == INGEST_TOK_WORD ? mention_start_at(p, w->end - 1) : SIZE_MAX;
        if (ms == SIZE_MAX || (w->flags & INGEST_TOKF_POSS))
            continue;
        const struct ingest_mention *m = NULL;
        for (size_t mi = 0; mi < p->n_m && !m; mi++)
            if (p->m[mi].start == ms && p->m[mi].end == w->end)
                m = &p->m[mi];
        if (!m || m->in_quote || x->ents->v[m->entity].type != ENTITY_PERSON)
            continue;
        size_t a = tok_at_byte(p, ms);
        while (a > lim && ms - t[a - 1].start < 40 && tok_capital(&t[a - 1]) &&
               t[a - 1].quote < 0 && mention_start_at(p, t[a - 1].end - 1) == SIZE_MAX)
            a--; /* the titles before the name: "Councillor X was censured" */
        *out = (struct subj){a, j, false};
        return true;
    }
    return false;
}

/* Passive verbs of perception before a participle cue ("was heard
 * telling", "were seen shouting") and the auxiliaries before them. Sorted. */
static const char *const perceived_participles[] = {
    "caught", "filmed", "heard", "overheard", "recorded", "seen", "spotted",
};
static const char *const perceived_aux[] = {"been", "is", "was", "were"};

static const char *const aspect_verbs[] = {
    "began", "begin", "begun", "continued", "continues", "keeps", "kept", "started", "starts",
};

/* "he had sent her a voice note, which was played to the jury, saying": a
 * participle after a personal message (and a relative aside on it) reports
 * the message's words, so its sender, the subject of the sending verb up
 * to five words before the message, speaks. True with out = that subject. */
static bool message_participle(const struct ctx *x, int32_t pi, size_t k, size_t lim,
                               struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t e = k;
    if (e > lim + 1 && is_punct(&t[e - 1], ',')) {
        size_t c = e - 1; /* the aside: ", which was read in court," */
        while (c > lim && e - c < 16 && t[c - 1].quote < 0 && !is_clause_punct(&t[c - 1]))
            c--;
        if (c > lim && e - c < 16 && is_punct(&t[c - 1], ',') && TOK_IN(p->s, &t[c], relatives))
            e = c - 1;
    }
    if (e <= lim + 2 || t[e - 1].quote >= 0 || !(t[e - 1].flags & INGEST_TOKF_LOWER) ||
        !TOK_IN(p->s, &t[e - 1], message_nouns))
        return false;
    for (size_t v = e - 1; v > lim + 1 && e - v < 7; v--) {
        const struct ingest_tok *w = &t[v - 1];
        if (w->quote >= 0 || w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER))
            return false;
        if (!TOK_IN(p->s, w, sending_verbs))
            continue;
        struct subj np = subject_left(p, v - 1, lim);
        if (np.a >= np.b || np.inherit || np.b - np.a > 6)
            return false;
        *out = np;
        return true;
    }
    return false;
}

static bool part_subject(const struct ctx *x, int32_t pi, size_t k, size_t lim, struct subj *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (fronted_part_subject(x, pi, k, lim, out))
        return true;
    if (k <= lim)
        return false;
    /* "X has run ads touting ... and describing himself as": a participle
     * joined by "and" to an earlier one reports that one's subject (the
     * leftmost -ing word within ten lower-case words, not a gerund behind a
     * preposition or determiner) */
    if (k - 1 > lim + 1 && ingest_tok_ieq(p->s, &t[k - 1], "and")) {
        size_t ing = 0, words = 0;
        /* (the earlier one's quotation is stepped over: "pledging to “...”
         * and accusing X of “...”") */
        for (size_t v = k - 1; v > lim + 1 && words < 10 && k - 1 - v < 48; v--) {
            const struct ingest_tok *w = &t[v - 1];
            if (w->quote >= 0)
                continue;
            if (w->quote >= 0 || w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER))
                break;
            words++;
            size_t wn = w->end - w->start;
            if (wn > 5 && memcmp(p->s + w->end - 3, "ing", 3) == 0 &&
                !TOK_IN(p->s, &t[v - 2], prepositions) && !TOK_IN(p->s, &t[v - 2], determiners) &&
                !TOK_IN(p->s, &t[v - 2], possessives))
                ing = v - 1;
        }
        if (ing > lim)
            return part_subject(x, pi, ing, lim, out);
    }
    size_t e = k;
    bool aux = false, aspect = false;
    while (e > lim && k - e < 3 &&
           (TOK_IN(p->s, &t[e - 1], aux_adverbs) || TOK_IN(p->s, &t[e - 1], aspect_verbs))) {
        aspect = aspect || TOK_IN(p->s, &t[e - 1], aspect_verbs);
        e--;
        aux = true;
    }
    if (e > lim && tok_capital(&t[e - 1]) && t[e - 1].quote < 0 &&
        mention_start_at(p, t[e - 1].end - 1) != SIZE_MAX) {
        size_t a = e - 1;
        while (a > lim && tok_capital(&t[a - 1]) && t[a - 1].quote < 0 && e - a < 6)
            a--;
        /* ("sent a letter to Bristol asking": a name behind "to" is where
         * the message went, not who asks; the sender is found below) */
        if (aux || a == lim || !ingest_tok_ieq(p->s, &t[a - 1], "to")) {
            *out = (struct subj){a, e, false};
            return true;
        }
    }
    if (aux) {
        /* "X, the likely nominee, has begun describing": the subject of the
         * finite verb that the aspect verb heads */
        struct subj np = subject_left(p, aspect ? e : k, lim);
        if (np.a < np.b && !np.inherit && np.b - np.a <= 6) {
            *out = np;
            return true;
        }
        return false;
    }
    if (is_punct(&t[k - 1], ','))
        return clause_subject(x, pi, lim, k - 1, out);
    /* "X, a former prosecutor, has run ads accusing": the subject of the
     * auxiliary that opens the short verb phrase before the participle */
    static const char *const finite_aux[] = {"had", "has", "have", "is", "was"}; /* sorted */
    for (size_t v = k; v > lim + 1 && k - v < 6 && t[v - 1].kind == INGEST_TOK_WORD &&
                       t[v - 1].quote < 0 && (t[v - 1].flags & INGEST_TOKF_LOWER);
         v--)
        if (TOK_IN(p->s, &t[v - 1], finite_aux) && is_punct(&t[v - 2], ',')) {
            struct subj np = subject_left(p, v - 1, lim);
            if (np.a < np.b && !np.inherit && np.b - np.a <= 6 && tok_capital(&t[np.b - 1])) {
                *out = np;
                return true;
            }
            break;
        }
    /* "In a clip shared by the league, X was heard telling": a participle
     * after a passive verb of perception reports the passive's subject,
     * however long the adverbial before it */
    if (k >= lim + 3 && TOK_IN(p->s, &t[k - 1], perceived_participles) &&
        t[k - 1].quote < 0 && TOK_IN(p->s, &t[k - 2], perceived_aux)) {
        struct subj np = subject_left(p, k - 2, lim);
        if (np.a < np.b && !np.inherit && np.b - np.a <= 6 && tok_capital(&t[np.b - 1])) {
            *out = np;
            return true;
        }
    }
    /* "the mayor, who won office two years ago promising to “...”": a
     * participle inside a relative clause (no clause mark between) reports
     * the person the "who" stands for, the noun phrase before its comma */
    for (size_t v = k; v > lim + 2 && k - v < 16; v--) {
        const struct ingest_tok *w = &t[v - 1];
        if (w->quote >= 0 || is_clause_punct(w))
            break;
        if (ingest_tok_is(p->s, w, "who") && is_punct(&t[v - 2], ',') && t[v - 2].quote < 0) {
            /* the noun phrase: back from the comma to a determiner or a
             * capitalised word, over words and hyphens, past no
             * preposition ("a rebuke for the first-term mayor, who") */
            size_t c = v - 2, a = c;
            while (a > lim && c - a < 8 && t[a - 1].quote < 0 &&
                   (t[a - 1].kind == INGEST_TOK_WORD || is_punct(&t[a - 1], '-')) &&
                   !TOK_IN(p->s, &t[a - 1], prepositions) && !TOK_IN(p->s, &t[a - 1], determiners))
                a--;
            if (a > lim && TOK_IN(p->s, &t[a - 1], determiners) && t[a - 1].quote < 0)
                a--;
            if (a < c && (TOK_IN(p->s, &t[a], determiners) || tok_capital(&t[a]))) {
                *out = (struct subj){a, c, false};
                return true;
            }
            break;
        }
    }
    /* "X released a statement Friday saying": a participle right after the
     * object of a short clause reports the clause's subject */
    if (k - lim <= 14 && t[k - 1].kind == INGEST_TOK_WORD && t[k - 1].quote < 0 &&
        clause_subject(x, pi, lim, k, out))
        return true;
    /* "The standoff began Wednesday, when the agency sent a letter to the
     * state asking": the same inside a clause a subordinator opens after a
     * comma, whose subject is a name (behind "the" at most) right before a
     * lower-case verb */
    static const char *const comma_subordinators[] = {"after", "as", "when", "while"}; /* sorted */
    for (size_t c = k; t[k - 1].kind == INGEST_TOK_WORD && c > lim && c >= 2 && k - c < 14;
         c--) {
        const struct ingest_tok *w = &t[c - 1];
        if (w->quote >= 0 || is_clause_punct(w) || is_end_punct(w))
            break;
        if (TOK_IN(p->s, w, comma_subordinators)) {
            size_t a = c + (c < k && ingest_tok_ieq(p->s, &t[c], "the"));
            if (!is_punct(&t[c - 2], ',') || t[c - 2].quote >= 0 || a + 2 >= k)
                break;
            for (size_t mi = 0; mi < p->n_m; mi++) {
                const struct ingest_mention *m = &p->m[mi];
                if (m->start != t[a].start || m->in_quote)
                    continue;
                size_t b = tok_at_byte(p, m->end);
                if (b < k && t[b].kind == INGEST_TOK_WORD && (t[b].flags & INGEST_TOKF_LOWER) &&
                    !TOK_IN(p->s, &t[b], function_words)) {
                    *out = (struct subj){a, b, false};
                    return true;
                }
            }
            break;
        }
    }
    /* "Mayor X, who ... had backed the lease, issued a statement after the
     * vote calling it": the same past a relative clause between commas
     * after the subject, the short clause counted from its end; also past
     * a lower-case appositive ("X, a medical doctor, then appeared on TV
     * and began by saying", "X, chair of Y, sent a letter ... urging") */
    struct subj rs;
    if (t[k - 1].kind == INGEST_TOK_WORD && t[k - 1].quote < 0 &&
        clause_subject(x, pi, lim, k, &rs) && rs.b + 2 < k && is_punct(&t[rs.b], ',') &&
        (TOK_IN(p->s, &t[rs.b + 1], relatives) ||
         (TOK_IN(p->s, &t[rs.b + 1], determiners) && (t[rs.b + 2].flags & INGEST_TOKF_LOWER)) ||
         /* (a bare role: "X, chair of the State Election Board, sent
          * a letter ... urging") */
         ((t[rs.b + 1].flags & INGEST_TOKF_LOWER) &&
          (TOK_IN(p->s, &t[rs.b + 1], role_nouns) ||
           ingest_gaz_has(x->g, p->s + t[rs.b + 1].start, t[rs.b + 1].end - t[rs.b + 1].start,
                          INGEST_GAZ_TITLE)))) &&
        tok_capital(&t[rs.b - 1])) {
        size_t c = rs.b + 2;
        while (c < k && c - rs.b < 24 && t[c].quote < 0 && !is_clause_punct(&t[c]))
            c++;
        if (c < k && is_punct(&t[c], ',') && k - c <= 12) {
            for (size_t j = c + 1; j < k; j++)
                if (t[j].quote >= 0 || is_clause_punct(&t[j]))
                    return false;
            *out = rs;
            return true;
        }
    }
    if (gerund_for_subject(x, pi, k, lim, out))
        return true;
    return false;
}

/* "an arrangement officials have described as": a noun phrase followed by a
 * clause with its own subject (a relative clause without "that"). The subject
 * of the cue is then that clause's: a pronoun, a plural noun after "a"/"an" (an
 * article cannot govern it, so no compound noun: "the county officials" stays
 * whole), or a name right after a lower-case noun ("the deal Trump called"). */
static struct subj reduced_relative(const struct ingest_para *p, struct subj sj)
{
    const struct ingest_tok *t = p->toks.v;
    const char *s = p->s;
    if (sj.b - sj.a < 3)
        return sj;
    /* "It is a plan Mayor X called": the noun phrase after the copula */
    size_t d0 = sj.a;
    if (!TOK_IN(s, &t[d0], determiners)) {
        for (d0 = sj.a + 1; d0 + 2 < sj.b && !TOK_IN(s, &t[d0], determiners); d0++)
            ;
        if (d0 + 2 >= sj.b || d0 < sj.a + 2 ||
            !(ingest_tok_ieq(s, &t[d0 - 1], "is") || ingest_tok_ieq(s, &t[d0 - 1], "was")))
            return sj;
    }
    bool indefinite = ingest_tok_ieq(s, &t[d0], "a") || ingest_tok_ieq(s, &t[d0], "an");
    for (size_t i = d0 + 2; i < sj.b; i++) {
        const struct ingest_tok *w = &t[i], *b = &t[i - 1];
        if (w->kind != INGEST_TOK_WORD || b->kind != INGEST_TOK_WORD)
            return sj;
        if ((b->flags & INGEST_TOKF_POSS) || TOK_IN(s, b, function_words) ||
            TOK_IN(s, b, prepositions) || TOK_IN(s, b, determiners) ||
            !(b->flags & INGEST_TOKF_LOWER))
            continue;
        size_t wl = w->end - w->start;
        bool pron = TOK_IN(s, w, pronouns_m) || TOK_IN(s, w, pronouns_f) ||
                    ingest_tok_is(s, w, "they") || ingest_tok_is(s, w, "we");
        bool plural = indefinite && (w->flags & INGEST_TOKF_LOWER) && wl > 3 &&
                      s[w->end - 1] == 's' && s[w->end - 2] != 's' && s[w->end - 2] != 'u' &&
                      s[w->end - 2] != 'i';
        bool name = false;
        if ((w->flags & INGEST_TOKF_CAP) && !(w->flags & INGEST_TOKF_SENT_START)) {
            /* a name, maybe behind title words: "Mayor Ines Vogt" */
            size_t z = i;
            while (z < sj.b && z - i < 3 && tok_capital(&t[z]) &&
                   mention_start_at(p, t[z].start + 1) != t[z].start)
                z++;
            name =
                z < sj.b && tok_capital(&t[z]) && mention_start_at(p, t[z].start + 1) == t[z].start;
            /* "the former Utah governor": a place modifying a role noun
             * that ends the phrase is no clause's subject */
            if (name && z + 1 < sj.b && (t[sj.b - 1].flags & INGEST_TOKF_LOWER) &&
                TOK_IN(s, &t[sj.b - 1], role_nouns))
                name = false;
        }
        /* "a timeline the diplomat described as": a definite role at the
         * end, right before the verb */
        bool role = ingest_tok_ieq(s, w, "the") && i + 2 == sj.b &&
                    (TOK_IN(s, &t[i + 1], role_nouns) || TOK_IN(s, &t[i + 1], source_heads));
        /* "a move the union said would", "a move the Public Sector Union
         * (PSU) said": an organisation, by its noun or its name */
        if (!role && ingest_tok_ieq(s, w, "the") && i + 1 < sj.b)
            role = (i + 2 == sj.b && (t[i + 1].flags & INGEST_TOKF_LOWER) &&
                    ingest_org_noun(s + t[i + 1].start, t[i + 1].end - t[i + 1].start)) ||
                   (tok_capital(&t[i + 1]) && mention_start_at(p, t[i + 1].start + 1) == t[i + 1].start);
        if (pron || plural || name || role) {
            sj.a = i;
            return sj;
        }
    }
    return sj;
}

/* "said its chief executive, Ann Roe.": an inverted subject that is a
 * description, then a name in apposition that ends the sentence or clause,
 * is that name; else r as it is. */
static struct subj right_appositive(const struct ingest_para *p, struct subj r)
{
    const struct ingest_tok *t = p->toks.v;
    size_t n0 = r.b + 1, n1 = n0;
    if (r.a >= r.b || n0 >= p->toks.n || !is_punct(&t[r.b], ',') || !is_description(p, r))
        return r;
    while (n1 < p->toks.n && n1 - n0 < 5 && t[n1].quote < 0 &&
           (tok_capital(&t[n1]) || is_name_particle(p, &t[n1])))
        n1++;
    if (n1 < p->toks.n && (is_end_punct(&t[n1]) || is_punct(&t[n1], ',')) && is_name_run(p, n0, n1))
        return (struct subj){n0, n1, false};
    return r;
}

/* True when the cue at token k follows "having" ("She left, having called
 * the cuts “...”"): a participle like "adding", whose subject is the
 * clause's. */
static bool perfect_participle(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    return k > 0 && t[k - 1].quote < 0 && ingest_tok_ieq(p->s, &t[k - 1], "having");
}

/* True when the cue at token k opens its sentence as a passive participle
 * ("Asked about the delay, Roe ...", "Told of the ruling, ..."): the phrase
 * up to its comma is fronted, and the clause after it has the subject; what
 * follows "Asked" is no inverted speaker. */
static bool fronted_passive(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    return (t[k].flags & INGEST_TOKF_SENT_START) && t[k].quote < 0 &&
           (ingest_tok_is(p->s, &t[k], "Asked") || ingest_tok_is(p->s, &t[k], "Told"));
}

/* True when the fronted "Asked by X whether ..." at token k holds the
 * quotation at token q0 in its question ("Asked by analyst Ann Roe whether
 * the company faced “a trough or a false floor,” Vale said ..."): the
 * words are the asker's, X in tokens *out. Bounded: the asker within eight
 * tokens after "by", the question word right after them. */
static bool asked_by_question(const struct ingest_para *p, size_t k, size_t q0, struct subj *out)
{
    static const char *const question_words[] = {"how", "if", "what", "when", "whether", "why"};
    const struct ingest_tok *t = p->toks.v;
    if (!fronted_passive(p, k) || !ingest_tok_is(p->s, &t[k], "Asked") || k + 3 >= q0 ||
        !ingest_tok_is(p->s, &t[k + 1], "by"))
        return false;
    size_t w = k + 2;
    while (w < q0 && w - k <= 10 && t[w].kind == INGEST_TOK_WORD && t[w].quote < 0 &&
           !TOK_IN(p->s, &t[w], question_words))
        w++;
    if (w == k + 2 || w >= q0 || !TOK_IN(p->s, &t[w], question_words) || !tok_capital(&t[w - 1]))
        return false;
    for (size_t j = w + 1; j < q0; j++)
        if (t[j].quote >= 0 || is_punct(&t[j], ',') || is_end_punct(&t[j]))
            return false; /* (the question ends before the quotation) */
    *out = (struct subj){k + 2, w, false};
    return true;
}

/* True when token k is a verb whose object is the one spoken to ("told",
 * "assured"): never inverted, so the phrase after it right after a quotation
 * is the listener ("“...,” told a farmer that ..." in a list of what the
 * sentence's subject did), never the speaker. Sorted. */
static const char *const listener_verbs[] = {"assured", "tell", "tells", "told", "urged"};

static bool listener_after(const struct ingest_para *p, size_t k)
{
    return k < p->toks.n && p->toks.v[k].quote < 0 && TOK_IN(p->s, &p->toks.v[k], listener_verbs);
}

/* True when "according to" after a quotation (its object from token k)
 * says where the reporter found the words, not who said them, and a verb
 * cue before the quotation (any in tokens [sa, q0)) is there to name the
 * speaker: "X told donors that she was “...,” according to a pool report".
 * The object is such a source when it is
 * - a capitalised word not opening the sentence, behind "the" at most: an
 *   outlet or body that relayed the words ("according to Xinhua", "according
 *   to the Meridian Press Agency"), or any other name there;
 * - a number, a group count or a witness noun with a lower-case witness noun
 *   within four words ("two people who attended", "sources familiar with");
 * - any of those or a determiner followed within four words by a lower-case
 *   document, record or witness noun ("a pool report", "the transcript",
 *   "a person who attended"). */
static bool record_after_cue(const struct ingest_para *p, size_t sa, size_t q0, size_t k)
{
    static const char *const records[] = {"account", "accounts", "recording", "recordings",
                                          "transcript", "transcripts", "video"}; /* sorted */
    /* people who heard the words: "according to two people who attended" */
    static const char *const witnesses[] = {"attendee", "attendees", "participant", "participants",
                                            "people",   "person",    "persons",     "source",
                                            "sources",  "witness",   "witnesses"}; /* sorted */
    const struct ingest_tok *t = p->toks.v;
    if (k >= p->toks.n)
        return false;
    /* a named outlet or body relaying the words ("according to Xinhua",
     * "according to the Meridian Press Agency") */
    size_t nk = k + (ingest_tok_ieq(p->s, &t[k], "the") && k + 1 < p->toks.n);
    bool rec = t[nk].kind == INGEST_TOK_WORD && t[nk].quote < 0 && tok_capital(&t[nk]) &&
               !(t[nk].flags & INGEST_TOKF_SENT_START);
    if (rec) {
        /* the outlet itself is the record */
    } else if (t[k].kind == INGEST_TOK_NUM || TOK_IN(p->s, &t[k], group_counts) ||
               TOK_IN(p->s, &t[k], witnesses)) {
        for (size_t j = k; j < p->toks.n && j <= k + 3 && t[j].kind != INGEST_TOK_PUNCT &&
                           t[j].quote < 0 && !rec;
             j++)
            rec = (t[j].flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, &t[j], witnesses);
    } else if (!TOK_IN(p->s, &t[k], determiners)) {
        return false;
    }
    for (size_t j = k + 1; j < p->toks.n && j <= k + 4 && t[j].kind == INGEST_TOK_WORD &&
                           t[j].quote < 0 && !rec;
         j++)
        rec = (t[j].flags & INGEST_TOKF_LOWER) &&
              (TOK_IN(p->s, &t[j], document_nouns) || TOK_IN(p->s, &t[j], records) ||
               /* ("according to a person who attended") */
               TOK_IN(p->s, &t[j], witnesses));
    if (!rec)
        return false;
    size_t len;
    for (size_t j = sa; j < q0; j++) {
        const struct cue *c = t[j].quote < 0 ? cue_at(p, j, &len) : NULL;
        if (c && c->kind == CUE_VERB)
            return true;
    }
    return false;
}

/* Whether the phrase at token k (after "according to") is an article and a
 * writing within four words: "a memo seen by Reuters", "the draft". */
static bool written_source_after(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    if (k >= p->toks.n || !TOK_IN(p->s, &t[k], determiners))
        return false;
    for (size_t j = k + 1; j < p->toks.n && j <= k + 4 && t[j].kind == INGEST_TOK_WORD &&
                           t[j].quote < 0;
         j++)
        if ((t[j].flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, &t[j], document_nouns))
            return true;
    return false;
}

/* Fills at from the cue at token k (len tokens) of paragraph pi. */
static bool attr_from_cue(struct ctx *x, int32_t pi, size_t k, size_t len, const struct cue *cue,
                          size_t lim, bool prev_cue_ok, struct attr *at, struct attr *prev_at);

/* "She said early data suggested ..., but cautioned that": a verb of saying
 * joined by "but"/"and" right after a reported clause, whose subject (sj,
 * before the verb at k) is a thing in lower-case words, continues the
 * sentence of the named speaker of a cue before it: things do not caution.
 * Sets at to that speaker's attribution. Bounded: CUE_WINDOW tokens back. */
static bool coordinated_after_thing(struct ctx *x, int32_t pi, size_t k, size_t lim,
                                    struct subj sj, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (sj.a >= sj.b || k < sj.b + 2 || k <= lim + 1 ||
        !(ingest_tok_is(p->s, &t[k - 1], "but") || ingest_tok_is(p->s, &t[k - 1], "and")))
        return false;
    for (size_t j = sj.a; j < sj.b; j++)
        if (t[j].kind != INGEST_TOK_WORD || !(t[j].flags & INGEST_TOKF_LOWER) ||
            t[j].quote >= 0 || TOK_IN(p->s, &t[j], role_nouns) ||
            TOK_IN(p->s, &t[j], group_nouns) || TOK_IN(p->s, &t[j], pronouns_m) ||
            TOK_IN(p->s, &t[j], pronouns_f) || TOK_IN(p->s, &t[j], pronouns_other) ||
            ingest_org_noun(p->s + t[j].start, t[j].end - t[j].start))
            return false;
    size_t len;
    for (size_t j = sj.a; j > lim && sj.a - j < CUE_WINDOW; j--) {
        const struct cue *c = cue_at(p, j - 1, &len);
        if (!c || c->kind != CUE_VERB || j - 1 + len > sj.a)
            continue;
        struct attr a = {0};
        if (attr_from_cue(x, pi, j - 1, len, c, lim, false, &a, NULL) && a.found &&
            a.speaker >= 0) {
            *at = a;
            return true;
        }
        return false;
    }
    return false;
}

/* The last he/she in tokens [a, k) followed by a lower-case word (its verb),
 * outside quotations and with no clause punctuation after it before k, as
 * a one-token subject in *out; false when none. */
static bool inner_pronoun_subject(const struct ingest_para *p, size_t a, size_t k,
                                  struct subj *out)
{
    const struct ingest_tok *t = p->toks.v;
    for (size_t j = k; j > a; j--) {
        const struct ingest_tok *w = &t[j - 1];
        if (w->quote >= 0 || is_clause_punct(w))
            return false;
        if (j < k && (ingest_tok_ieq(p->s, w, "he") || ingest_tok_ieq(p->s, w, "she")) &&
            (t[j].flags & INGEST_TOKF_LOWER)) {
            *out = (struct subj){j - 1, j, false};
            return true;
        }
    }
    return false;
}

/* "led by Ann Roe, who represents the ward and has called the plan “...”":
 * a verb cue after "and" (auxiliaries and adverbs between) that ends a
 * relative clause opened by "who" or "which" shares that clause's subject,
 * the name the pronoun stands for; no quotation or clause punctuation
 * between the pronoun and the cue at k (at most 16 words). */
static bool relative_coordinated(const struct ingest_para *p, size_t s0, size_t k, size_t lim,
                                 struct subj *out)
{
    const struct ingest_tok *t = p->toks.v;
    size_t r = k;
    while (r > s0 && k - r < 3 && TOK_IN(p->s, &t[r - 1], aux_adverbs))
        r--;
    if (r <= s0 + 3 || !ingest_tok_ieq(p->s, &t[r - 1], "and"))
        return false;
    for (size_t w = r - 1; w > s0 && r - w < 16; w--) {
        const struct ingest_tok *x = &t[w - 1];
        if (x->quote >= 0 || is_clause_punct(x) || is_end_punct(x))
            return false;
        /* ("a meeting in which Ann Roe tore up the draft and told staff":
         * the name right after "which" behind a preposition) */
        if (ingest_tok_is(p->s, x, "which") && w - 1 > s0 && TOK_IN(p->s, &t[w - 2], prepositions) &&
            tok_capital(&t[w])) {
            size_t b = w;
            while (b < r && b - w < 6 && tok_capital(&t[b]) && t[b].quote < 0)
                b++;
            /* (a title before the name: "in which Mayor Ann Roe") */
            size_t a = w;
            while (a + 1 < b && !mention_covers(p, t[a].start, t[b - 1].end))
                a++;
            if (!mention_covers(p, t[a].start, t[b - 1].end))
                return false;
            *out = (struct subj){a, b, false};
            return true;
        }
        if (ingest_tok_is(p->s, x, "who") || ingest_tok_is(p->s, x, "which"))
            return w - 1 > lim && is_punct(&t[w - 2], ',') &&
                   relative_antecedent(p, w - 1, lim > s0 ? lim : s0, out);
    }
    return false;
}

static bool attr_from_cue(struct ctx *x, int32_t pi, size_t k, size_t len, const struct cue *cue,
                          size_t lim, bool prev_cue_ok, struct attr *at, struct attr *prev_at)
{
    const struct ingest_para *p = &x->paras[pi];
    struct subj sj;
    if (cue->kind == CUE_ACCORDING) {
        sj = subject_right(p, k + len, true);
    } else if (cue->kind == CUE_PART || perfect_participle(p, k)) {
        sj.a = sj.b = k;
        sj.inherit = true;
    } else if (fronted_passive(p, k) && fronted_part_subject(x, pi, k, k, &sj)) {
        /* "Asked the same question by a reporter, Roe offered only: “...”":
         * the one asked answers, by no verb of saying */
        subject_resolve(x, pi, sj, at);
        at->cue = NULL;
        return true;
    } else {
        sj = reduced_relative(p, subject_left(p, k, lim));
        /* inverted "said X" only right after a quotation or at a sentence start */
        const struct ingest_tok *t = p->toks.v;
        bool inverted_pos = k == 0 || t[k - 1].quote >= 0 ||
                            (t[k].flags & INGEST_TOKF_SENT_START) ||
                            (k >= 2 && is_clause_punct(&t[k - 1]) && t[k - 2].quote >= 0);
        if (sj.a == sj.b && !sj.inherit && inverted_pos && !listener_after(p, k)) {
            struct subj r = subject_right(p, k + len, false);
            if (r.a < r.b)
                sj = r;
            sj = right_appositive(p, sj);
        }
    }
    /* "though nobody will quite say with whom": a subject that denies
     * anyone spoke reports no words */
    static const char *const nobodies[] = {"no-one", "nobody", "none", "noone"}; /* sorted */
    if (sj.a < sj.b && (TOK_IN(p->s, &p->toks.v[sj.a], nobodies) ||
                        (sj.a + 1 < sj.b && ingest_tok_ieq(p->s, &p->toks.v[sj.a], "no") &&
                         ingest_tok_ieq(p->s, &p->toks.v[sj.a + 1], "one"))))
        return false;
    if (cue->kind == CUE_PART && gerund_for_subject(x, pi, k, lim, &sj)) {
        /* "X criticised Roe for calling": Roe, not the outer cue's X */
        subject_resolve(x, pi, sj, at);
        at->cue = cue;
        return true;
    }
    /* ", with spokeswoman Ann Roe accusing X of “...”", ", with one local
     * paper calling X “...”": the noun phrase after "with" (behind a comma
     * or opening the sentence) is the participle's own subject */
    if (cue->kind == CUE_PART && k >= 2) {
        const struct ingest_tok *t = p->toks.v;
        size_t w = k - 1;
        while (w > lim && k - w < 7 && t[w].kind == INGEST_TOK_WORD && t[w].quote < 0 &&
               !ingest_tok_ieq(p->s, &t[w], "with"))
            w--;
        if (w + 1 < k && ingest_tok_ieq(p->s, &t[w], "with") && t[w].quote < 0 &&
            ((t[w].flags & INGEST_TOKF_SENT_START) || (w > 0 && is_punct(&t[w - 1], ',')))) {
            size_t l1;
            bool np = true;
            for (size_t j = w + 1; j < k && np; j++)
                np = !cue_at(p, j, &l1) && !TOK_IN(p->s, &t[j], prepositions) &&
                     !TOK_IN(p->s, &t[j], relatives);
            if (np) {
                subject_resolve(x, pi, (struct subj){w + 1, k, false}, at);
                at->cue = cue;
                return true;
            }
        }
    }
    if (sj.inherit || sj.a == sj.b) {
        struct subj bs;
        size_t b0, b1;
        sentence_bounds(p, k, &b0, &b1);
        /* (before the verb of an earlier cue: "X described a meeting in
         * which Y ... and told staff") */
        if (sj.inherit && cue->kind == CUE_VERB && relative_coordinated(p, b0, k, lim, &bs)) {
            subject_resolve(x, pi, bs, at);
            at->cue = cue;
            return true;
        }
        if (sj.inherit && cue->kind == CUE_VERB && backshift_subject(p, b0, k, &bs)) {
            subject_resolve(x, pi, bs, at);
            at->cue = cue;
            return true;
        }
        /* (a message's sender outranks the cue that reports it: "X said
         * he had sent her a note saying") */
        if (cue->kind == CUE_PART && message_participle(x, pi, k, lim, &bs)) {
            subject_resolve(x, pi, bs, at);
            at->cue = cue;
            return true;
        }
        if (sj.inherit && cue->kind == CUE_VERB && prev_cue_ok && prev_at && prev_at->found &&
            prev_at->speaker < 0 && prev_at->subj_para == pi) {
            const struct ingest_tok *t = p->toks.v;
            size_t ta = tok_at_byte(p, prev_at->subj_a), tb = ta;
            while (tb < k && t[tb].start < prev_at->subj_b)
                tb++;
            if (coordinated_after_thing(x, pi, k, lim, (struct subj){ta, tb, false}, at)) {
                at->cue = cue;
                return true;
            }
        }
        if (prev_cue_ok && prev_at && prev_at->found) {
            const struct cue *keep = prev_at->cue;
            *at = *prev_at;
            /* "said in a statement": the verb stays the cue */
            size_t l2;
            at->cue = (cue->kind == CUE_PART && k > 0 && cue_at(p, k - 1, &l2)) ? keep : cue;
            return true;
        }
        if (cue->kind == CUE_PART && part_subject(x, pi, k, lim, &sj)) {
            subject_resolve(x, pi, sj, at);
            at->cue = cue;
            return true;
        }
        /* "X declined ..., saying in a statement that ...": the verb right
         * before the phrase is the cue, and its subject speaks (only for a
         * phrase cue of several words, so the call recurses once: a run of
         * one-word participles must not recurse down the paragraph) */
        size_t l0;
        const struct cue *c0 =
            cue->kind == CUE_PART && len > 1 && k > 0 ? cue_at(p, k - 1, &l0) : NULL;
        if (c0 && c0 != cue && l0 == 1 &&
            attr_from_cue(x, pi, k - 1, l0, c0, lim, prev_cue_ok, at, prev_at) && at->found &&
            at->subj_para >= 0)
            return true;
        struct subj cs;
        size_t s0, s1;
        sentence_bounds(p, k, &s0, &s1);
        if (sj.inherit && cue->kind == CUE_VERB && clause_subject(x, pi, s0, k, &cs)) {
            /* "X bemoaned the unrest and said ..." */
            subject_resolve(x, pi, cs, at);
            at->cue = cue;
            return true;
        }
        if (sj.inherit && cue->kind == CUE_VERB && inner_pronoun_subject(p, s0, k, &cs)) {
            /* "Others remember the moment she took the wheel and said":
             * with no subject found, the he/she of the clause the verb is
             * joined to */
            subject_resolve(x, pi, cs, at);
            at->cue = cue;
            return true;
        }
        if (sj.inherit || cue->kind == CUE_PART) {
            at->found = true;
            at->cue = cue;
            at->speaker = -1;
            at->subj_para = -1;
            return true;
        }
        return false;
    }
    subject_resolve(x, pi, sj, at);
    at->cue = cue;
    return true;
}

/* "A source said the minister had been “...” when he left and had told
 * colleagues he would not be “...”": a cue in the past perfect after "and"
 * (the tense of reported speech) continues the clause an earlier cue of the
 * sentence reports, so the subject of that clause (up to six words right
 * after the earlier cue, or its "that", before "had") speaks, not the
 * source that reports it. The cue at k; its sentence opens at s0. */
static bool backshift_subject(const struct ingest_para *p, size_t s0, size_t k, struct subj *out)
{
    const struct ingest_tok *t = p->toks.v;
    size_t len;
    if (k < s0 + 4 || !ingest_tok_ieq(p->s, &t[k - 1], "had") ||
        !ingest_tok_ieq(p->s, &t[k - 2], "and"))
        return false;
    for (size_t c = s0; c + 2 < k - 2; c++) {
        const struct cue *c1 = cue_at(p, c, &len);
        if (!c1 || c1->kind != CUE_VERB || t[c].quote >= 0)
            continue;
        size_t a = c + len;
        if (a < k && ingest_tok_ieq(p->s, &t[a], "that"))
            a++;
        if (a >= k || !(TOK_IN(p->s, &t[a], determiners) || tok_capital(&t[a])))
            return false;
        size_t b = a;
        while (b < k && b - a < 6 && t[b].kind == INGEST_TOK_WORD && t[b].quote < 0 &&
               !ingest_tok_ieq(p->s, &t[b], "had"))
            b++;
        if (b == a || b >= k || !ingest_tok_ieq(p->s, &t[b], "had"))
            return false;
        out->a = a;
        out->b = b;
        out->inherit = false;
        return true;
    }
    return false;
}

static bool passive_cue(const struct ingest_para *p, size_t k, const struct cue *c);

/* The attribution of the nearest verb cue before token k in the same sentence
 * (for "he said, adding ..." and "... and argued"), computed on demand. */
static bool prev_attr(struct ctx *x, int32_t pi, size_t k, size_t sa, struct attr *out)
{
    const struct ingest_para *p = &x->paras[pi];
    size_t len;
    for (size_t j = k; j > sa && k - j < CUE_WINDOW; j--) {
        const struct cue *c = cue_at(p, j - 1, &len);
        /* (a passive cue reports nobody: "X said it had counted three
         * deaths since the result was announced, and called on ...") */
        if (!c || c->kind != CUE_VERB || passive_cue(p, j - 1, c))
            continue;
        struct attr a = {0};
        if (attr_from_cue(x, pi, j - 1, len, c, sa, false, &a, NULL) && a.found &&
            a.subj_para >= 0) {
            *out = a;
            return true;
        }
    }
    return false;
}

static bool title_case_span(const struct ingest_para *p, const struct qinfo *q)
{
    size_t words = 0, caps = 0;
    for (size_t i = q->tq0; i <= q->tq1; i++) {
        const struct ingest_tok *t = &p->toks.v[i];
        if (t->kind != INGEST_TOK_WORD)
            continue;
        words++;
        if (t->flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS))
            caps++;
        else if (!TOK_IN(p->s, t, function_words))
            return false;
    }
    return words >= 2 && caps >= 2;
}

/* Nouns that name a work before its title: "the anthem “...”", "his book, “...”". */
static const char *const work_nouns[] = {
    "ad",      "album",  "anthem", "article", "book",    "column", "commercial", "documentary",
    "episode", "essay",  "film",   "memoir",  "movie",   "musical", "novel",     "opera",
    "play",    "podcast",
    "poem",  "program", "programme", "report", "series", "show", "song", "speech", "study",
};

/* True when span q, of at most six words, is closed off by a dash or a
 * closing bracket right after it: the second half of a gloss set off in
 * any case ("nicknamed “ordonanțe trenuleț” – “train ordinances” –"). */
static bool gloss_closed(const struct ingest_para *p, const struct qinfo *q, size_t words)
{
    size_t k = q->tq1 + 1;
    if (k < p->toks.n && is_punct(&p->toks.v[k], ',') && p->toks.v[k].quote >= 0)
        k++; /* (a comma inside the marks) */
    return words <= 6 && k < p->toks.n && p->toks.v[k].quote < 0 &&
           (ingest_cp_is_dash(p->toks.v[k].ch) || is_punct(&p->toks.v[k], ')'));
}

/* True when quotation q is wrapped in parentheses that open at token open
 * (“wakil rakyat” (“representatives of the people, not of the parties”)):
 * a translation of the dropped name or sign text before it, in any case. */
static bool paren_gloss(const struct ingest_para *p, const struct qinfo *q, size_t open,
                        size_t words)
{
    size_t k = q->tq1 + 1;
    if (k < p->toks.n && p->toks.v[k].quote >= 0 && p->toks.v[k].kind == INGEST_TOK_PUNCT)
        k++; /* (a comma or stop inside the marks) */
    return words <= 15 && is_punct(&p->toks.v[open], '(') && k < p->toks.n &&
           p->toks.v[k].quote < 0 && is_punct(&p->toks.v[k], ')');
}

static size_t span_words(const struct ingest_para *p, const struct qinfo *q);

/* A title-case span that names a work: after "on" or "of" ("appeared on “Meet
 * the Voters,”", "an episode of “...”"), after an owner's possessive ("told
 * Channel Nine's “Harbour Week,”", "her “Tides of the North”"), or after a noun
 * of works ("his book, “...”"). A title is nobody's words whoever the sentence
 * quotes, so it goes even when a cue would attribute it. */
static bool work_title(const struct ingest_para *p, const struct qinfo *q)
{
    const struct ingest_tok *t = p->toks.v;
    /* "Her team's study, ‘Silent riffles: ...’, published in June": in
     * sentence case too, a span set off by commas right after a noun that
     * takes a title is its title, unless a speech verb or a pronoun and one
     * follows the comma ("In her speech, ‘We will not be moved’, she told") */
    static const char *const title_nouns[] = {"album",  "book",   "documentary", "film",
                                              "motto",  "paper",  "report",      "slogan",
                                              "study",  "tagline"}; /* sorted */
    static const char *const subj[] = {"he", "i", "it", "she", "they", "we"};
    size_t cl = 0;
    if (q->tq0 >= 2 && is_punct(&t[q->tq0 - 1], ',') && t[q->tq0 - 2].quote < 0 &&
        TOK_IN(p->s, &t[q->tq0 - 2], title_nouns) && q->tq1 + 1 < p->toks.n &&
        is_punct(&t[q->tq1 + 1], ',') && t[q->tq1 + 1].quote < 0 && span_words(p, q) <= 15 &&
        !cue_at(p, q->tq1 + 2, &cl) &&
        !(q->tq1 + 2 < p->toks.n && TOK_IN(p->s, &t[q->tq1 + 2], subj) &&
          cue_at(p, q->tq1 + 3, &cl)))
        return true;
    /* "splashed the headline “Koalition am Abgrund” across its front page":
     * a page's headline or caption, in any case or language, is no speech */
    if (q->tq0 > 0 && t[q->tq0 - 1].quote < 0 &&
        (ingest_tok_ieq(p->s, &t[q->tq0 - 1], "headline") ||
         ingest_tok_ieq(p->s, &t[q->tq0 - 1], "caption") ||
         /* "an email with the subject line “FINAL NOTICE: ...”" */
         (q->tq0 >= 2 && ingest_tok_ieq(p->s, &t[q->tq0 - 1], "line") &&
          ingest_tok_ieq(p->s, &t[q->tq0 - 2], "subject"))))
        return true;
    if (q->tq0 == 0 || !title_case_span(p, q))
        return false;
    /* "told “Sunday Report” host X": a programme's name before the role of
     * the one who presents it */
    static const char *const show_roles[] = {"anchor", "anchors", "co-host", "host", "hosts",
                                             "moderator", "presenter"}; /* sorted */
    if (q->tq1 + 1 < p->toks.n && t[q->tq1 + 1].quote < 0 &&
        (t[q->tq1 + 1].flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, &t[q->tq1 + 1], show_roles))
        return true;
    /* a named law or rulebook: "the “Secure Border Communities Act,”", "its
     * own “Emergency Procurement Procedures Manual”" */
    static const char *const doc_heads[] = {
        "act",        "amendment",   "bill",       "charter",    "code",      "convention",
        "directive",  "fund",        "guidelines", "initiative", "manual",    "ordinance",
        "procedures", "program",     "programme",  "protocol",   "regulation", "regulations",
        "resolution", "scheme",      "statute",    "treaty",
    }; /* sorted */
    size_t lw = q->tq1 + 1;
    while (lw > q->tq0 && t[lw - 1].kind != INGEST_TOK_WORD)
        lw--;
    if (lw > q->tq0 && (t[lw - 1].flags & INGEST_TOKF_CAP) && TOK_IN(p->s, &t[lw - 1], doc_heads))
        return true;
    /* in apposition to a thing, after a comma, an article or "including":
     * "including “The Limits of Deference,” a 2014 article", "a report, “Working
     * Lands, Working Towns,” which argued" (not "called it “Pure Fantasy,” a
     * phrase ...": a verdict) */
    static const char *const thing_followers[] = {"a", "an", "which"}; /* sorted */
    const struct ingest_tok *pv = &t[q->tq0 - 1];
    bool lead = pv->quote < 0 && (t[q->tq0].flags & INGEST_TOKF_CAP) &&
                (is_punct(pv, ',') || TOK_IN(p->s, pv, determiners) ||
                 TOK_IN(p->s, pv, possessives) || ingest_tok_ieq(p->s, pv, "including"));
    size_t f = q->tq1 + 1;
    bool comma = lead && is_punct(&t[q->tq1], ',');
    if (f < p->toks.n && is_punct(&t[f], ',') && t[f].quote < 0) {
        comma = true;
        f++;
    }
    if (comma && lead && f < p->toks.n && t[f].quote < 0 && TOK_IN(p->s, &t[f], thing_followers))
        return true;
    size_t k = q->tq0 - 1;
    if (is_punct(&t[k], ',') && k > 0)
        k--;
    const struct ingest_tok *b = &t[k];
    /* "on Fox News' “Sunday Night Frontline,”": a plural owner's bare
     * apostrophe, right after a capitalised word in -s */
    if (k + 1 == q->tq0 && k > 0 && b->quote < 0 && b->kind == INGEST_TOK_PUNCT &&
        (b->ch == '\'' || b->ch == 0x2019) && t[k - 1].end == b->start &&
        t[k - 1].kind == INGEST_TOK_WORD && (t[k - 1].flags & INGEST_TOKF_CAP) &&
        (p->s[t[k - 1].end - 1] == 's' || p->s[t[k - 1].end - 1] == 'S'))
        return true;
    if (b->quote >= 0 || b->kind != INGEST_TOK_WORD)
        return false;
    if (TOK_IN(p->s, b, work_nouns))
        return true;
    if (k + 1 != q->tq0)
        return false; /* the comma only follows a noun of works */
    return (b->flags & INGEST_TOKF_POSS) || TOK_IN(p->s, b, possessives) ||
           ingest_tok_ieq(p->s, b, "on") || ingest_tok_ieq(p->s, b, "of");
}

/* Works named so far in the article (their titles as written, trailing
 * punctuation off), so that a title met again elsewhere ("“The Salt Road” is
 * published in May") is dropped like the first one. Bounded: titles beyond
 * the first few are not remembered. */
#define QUOTES_WORKS_MAX 8
struct works_seen {
    const char *s[QUOTES_WORKS_MAX];
    size_t n[QUOTES_WORKS_MAX];
    size_t count;
};

/* The quoted text of span x in p without trailing punctuation. */
static size_t span_core(const struct ingest_para *p, const struct ingest_qspan *x, const char **s)
{
    size_t e = x->end;
    while (e > x->start && strchr(",.;:!?", p->s[e - 1]))
        e--;
    *s = p->s + x->start;
    return e - x->start;
}

/* True when span x of p is a question: its text ends with a question mark
 * inside the marks. */
static bool qspan_is_question(const struct ingest_para *p, const struct ingest_qspan *x)
{
    return x && x->end > x->start && p->s[x->end - 1] == '?';
}

static void works_note(struct works_seen *w, const struct ingest_para *p,
                       const struct ingest_qspan *x)
{
    if (w->count < QUOTES_WORKS_MAX) {
        w->n[w->count] = span_core(p, x, &w->s[w->count]);
        w->count++;
    }
}

static bool works_has(const struct works_seen *w, const struct ingest_para *p,
                      const struct ingest_qspan *x)
{
    const char *s;
    size_t n = span_core(p, x, &s);
    for (size_t i = 0; i < w->count; i++)
        if (w->n[i] == n && memcmp(w->s[i], s, n) == 0)
            return true;
    return false;
}

/* Things that bear a text to be read, not said ("a banner reading “X”"), sorted. */
static const char *const display_nouns[] = {
    "banner",  "banners",  "billboard", "billboards", "placard", "placards", "poster",
    "posters", "shirt",    "shirts",    "sign",       "signs",   "sticker",  "stickers",
    "t-shirt", "t-shirts",
};

/* Nouns that introduce a name (sorted): "by his nickname “Tong”". */
static const char *const naming_nouns[] = {"moniker", "name", "nickname", "sobriquet"};

/* Adverbs that make "called"/"named" (namings) the name a thing goes by,
 * not words someone said ("supporters, popularly called “Obidients”"), sorted. */
static const char *const naming_adverbs[] = {"affectionately", "colloquially", "commonly",
                                             "informally",     "locally",      "popularly",
                                             "widely"};

/* True when token k is the object of a cue right before it, behind one
 * determiner at most ("now calls the slogan “...”": the quotation is the
 * caller's verdict on the slogan, not the slogan). */
static bool object_of_cue(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    size_t j = k;
    if (j > 0 && t[j - 1].quote < 0 && TOK_IN(p->s, &t[j - 1], noun_markers))
        j--;
    return j > 0 && t[j - 1].quote < 0 && cue_at(p, j - 1, &(size_t){0}) != NULL;
}

/* Verbs by which a sign says its text: "a rusting sign still reads “X”". */
static const char *const display_verbs[] = {"read", "reads", "said", "say", "says"}; /* sorted */

/* True when the quotation right after token k is the text of a sign, a
 * placard or a banner that is the subject of its clause: a display noun
 * before one of display_verbs, up to two adverbs between ("a sign still
 * reads “X”"), or before a participle whose clause the quotation ends
 * ("placards mocking lawmakers as “X”", "a banner proclaiming “X”"). What
 * a sign says is nobody's quotation. */
static bool display_says(const struct ingest_para *p, size_t k)
{
    const struct ingest_tok *t = p->toks.v;
    if (k >= p->toks.n || t[k].quote >= 0 || t[k].kind != INGEST_TOK_WORD)
        return false;
    if (TOK_IN(p->s, &t[k], display_verbs)) {
        for (size_t j = k; j > 0 && k - j < 3; j--) {
            const struct ingest_tok *w = &t[j - 1];
            if (w->quote >= 0 || w->kind != INGEST_TOK_WORD)
                return false;
            if (TOK_IN(p->s, w, display_nouns))
                return true;
            size_t wl = w->end - w->start;
            if (!(wl > 3 && ingest_ascii_ieq(p->s + w->end - 2, 2, "ly")) &&
                !TOK_IN(p->s, w, aux_adverbs))
                return false;
        }
        return false;
    }
    for (size_t j = k + 1; j > 1 && k + 1 - j < 6; j--) {
        const struct ingest_tok *w = &t[j - 1];
        if (w->quote >= 0 || w->kind != INGEST_TOK_WORD)
            return false;
        size_t wl = w->end - w->start;
        if ((w->flags & INGEST_TOKF_LOWER) && wl > 4 && ingest_ascii_ieq(p->s + w->end - 3, 3, "ing"))
            return t[j - 2].quote < 0 && TOK_IN(p->s, &t[j - 2], display_nouns);
    }
    return false;
}

/* True when quotation q (words long) is a name or a text, not somebody's
 * words: so-called “X”, what critics have dubbed the “X”, a group calling
 * itself “X”, a program known as “X” (the writer's distance or a name; at
 * most six words). Longer spans too after a title verb ("a report titled
 * “...”", up to 15 words) and after a slogan noun in any case ("under the
 * slogan “...”", up to 12 words; not when the slogan is the object of a cue:
 * "now calls the slogan “...”"), and the text a sign says (display_says).
 * After "banner" only a title-case span is a name ("under the banner “Hands
 * Off Our Kitchens”"). */
static bool span_is_name(const struct ingest_para *p, const struct qinfo *q, size_t words)
{
    static const char *const namers[] = {"code-named", "codenamed", "dubbed",   "entitled",
                                         "nicknamed",  "so-called", "titled"}; /* sorted */
    static const char *const selves[] = {"herself", "himself", "itself", "themselves"};
    const struct ingest_tok *t = p->toks.v;
    size_t k = q->tq0;
    if (k == 0 || t[k - 1].quote >= 0)
        return false;
    /* "The report, titled “Drug Coverage at Year One: Costs and Gaps,”
     * found": a report's or a paper's title runs longer than a nickname */
    static const char *const title_verbs[] = {"entitled", "titled"}; /* sorted */
    if (words <= 15 && TOK_IN(p->s, &t[k - 1], title_verbs))
        return true;
    /* "under the slogan “Shield of the Motherland, Sword against
     * Separatism.”": a slogan in any case, not somebody's words */
    static const char *const slogan_nouns[] = {"motto", "slogan", "slogans"}; /* sorted */
    if (words <= 12 && TOK_IN(p->s, &t[k - 1], slogan_nouns) && !object_of_cue(p, k - 1))
        return true;
    if (display_says(p, k - 1))
        return true;
    if (words > 6)
        return false;
    k--;
    /* "have dubbed the “X”", "dubbed it the “X”", "dubbed China's “X”" */
    for (size_t j = k, skip = 0;
         j > 0 && skip < 2 && t[j].quote < 0 &&
         (ingest_tok_is(p->s, &t[j], "the") || ingest_tok_is(p->s, &t[j], "it") ||
          ingest_tok_is(p->s, &t[j], "them") ||
          (t[j].kind == INGEST_TOK_WORD && (t[j].flags & INGEST_TOKF_POSS)));
         j--, skip++)
        if (ingest_tok_is(p->s, &t[j - 1], "dubbed"))
            return true;
    if (TOK_IN(p->s, &t[k], namers))
        return true;
    /* a proper name given in title case: "dubbed the project “the Glass
     * Box”", "formally titled the “X Law”", "is calling the “Northern
     * Corridor”", "a package it calls “X Works Again”" (a relative clause
     * naming the noun before it; never "what it calls", a quotation) */
    if (title_case_span(p, q)) {
        static const char *const callers[] = {"call", "called", "calling", "calls"};
        static const char *const subj_prons[] = {"he", "it", "she", "they", "we"};
        bool the_span = ingest_tok_is(p->s, &t[q->tq0], "the") ||
                        ingest_tok_is(p->s, &t[q->tq0], "The");
        bool the_before = ingest_tok_is(p->s, &t[k], "the");
        for (size_t j = k + 1, gap = 0; j > 1 && gap < 4; j--, gap++) {
            const struct ingest_tok *w = &t[j - 2];
            const struct ingest_tok *o = &t[j - 1];
            if (o->kind != INGEST_TOK_WORD || o->quote >= 0 || !(o->flags & INGEST_TOKF_LOWER))
                break;
            if (w->quote >= 0 || w->kind != INGEST_TOK_WORD)
                break;
            if (TOK_IN(p->s, w, namers) || ingest_tok_is(p->s, w, "dubbed"))
                return true;
            /* "calling the “X”", "calling the scheme the “X”", "called the
             * plan “the X”" */
            if (TOK_IN(p->s, w, callers) &&
                (the_before || (gap > 0 && the_span)))
                return true;
        }
        /* "The plan, which the district has branded “Right-Sizing for
         * Students,”": a relative clause that names the noun before it */
        static const char *const branders[] = {"branded", "called", "calls", "named",
                                               "rebranded"}; /* sorted */
        if (TOK_IN(p->s, &t[k], branders))
            for (size_t j = k; j > 0 && k - j < 6 && t[j - 1].quote < 0 &&
                               t[j - 1].kind == INGEST_TOK_WORD;
                 j--)
                if (ingest_tok_ieq(p->s, &t[j - 1], "which"))
                    return true;
        if (TOK_IN(p->s, &t[k], callers) && k >= 2 && TOK_IN(p->s, &t[k - 1], subj_prons) &&
            t[k - 2].kind == INGEST_TOK_WORD && (t[k - 2].flags & INGEST_TOKF_LOWER) &&
            t[k - 2].quote < 0 && !TOK_IN(p->s, &t[k - 2], function_words) &&
            !ingest_tok_is(p->s, &t[k - 2], "what"))
            return true;
    }
    /* "have taken to calling the “one river, one ruler” law": a label
     * between "the" after a naming verb and the lower-case noun it names */
    static const char *const labellers[] = {"branded", "call",    "called",  "calling",
                                            "calls",   "labeled", "labelled", "labelling"};
    size_t lb = k > 1 && (ingest_tok_is(p->s, &t[k - 1], "it") || ingest_tok_is(p->s, &t[k - 1], "them"))
                    ? k - 2
                    : k - 1; /* ("calling it the “...” plan") */
    if (k > 0 && ingest_tok_is(p->s, &t[k], "the") && TOK_IN(p->s, &t[lb], labellers) &&
        t[lb].quote < 0 && q->tq1 + 1 < p->toks.n && t[q->tq1 + 1].quote < 0 &&
        t[q->tq1 + 1].kind == INGEST_TOK_WORD && (t[q->tq1 + 1].flags & INGEST_TOKF_LOWER) &&
        !TOK_IN(p->s, &t[q->tq1 + 1], function_words) && !cue_at(p, q->tq1 + 1, &(size_t){0}))
        return true;
    /* "a glide vehicle known inside the building as “Longbow”", "what is
     * known as the “X Rule”": a name given (capitalised), not words said;
     * right after "known as" a short term in any case too ("the procedure
     * known as “assuming responsibility”") */
    size_t as = ingest_tok_is(p->s, &t[k], "the") && k > 0 ? k - 1 : k;
    if (ingest_tok_is(p->s, &t[as], "as") && as > 0 && words <= 4 &&
        ingest_tok_is(p->s, &t[as - 1], "known") && t[as - 1].quote < 0)
        return true;
    if (ingest_tok_is(p->s, &t[as], "as") && (t[q->tq0].flags & INGEST_TOKF_CAP) &&
        (words == 1 || title_case_span(p, q)))
        for (size_t j = as; j > 0 && as - j < 5 && t[j - 1].quote < 0 &&
                            t[j - 1].kind == INGEST_TOK_WORD;
             j--)
            if (ingest_tok_is(p->s, &t[j - 1], "known"))
                return true;
    /* "better known by his nickname “Tong”", "it has acquired a name: “the
     * pill run.”": what a noun of naming introduces is a name */
    size_t nn = is_punct(&t[k], ':') && k > 0 ? k - 1 : k;
    if (TOK_IN(p->s, &t[nn], naming_nouns) && t[nn].quote < 0)
        return true;
    /* "supporters, popularly called “Obidients”", "is commonly called": a
     * name in common use, when no subject says it ("what one aide
     * affectionately called “...”" is the aide's) */
    if (k > 1 && TOK_IN(p->s, &t[k], namings) && TOK_IN(p->s, &t[k - 1], naming_adverbs) &&
        t[k - 2].quote < 0 && (is_punct(&t[k - 2], ',') || TOK_IN(p->s, &t[k - 2], copulas)))
        return true;
    if (TOK_IN(p->s, &t[k], selves) && k > 0 &&
        (ingest_tok_is(p->s, &t[k - 1], "calling") || ingest_tok_is(p->s, &t[k - 1], "calls") ||
         ingest_tok_is(p->s, &t[k - 1], "called")))
        return true;
    /* "who goes by “Kit”": a name one is called by */
    if (ingest_tok_is(p->s, &t[k], "by") && k > 0 && words <= 3 &&
        (ingest_tok_is(p->s, &t[k - 1], "goes") || ingest_tok_is(p->s, &t[k - 1], "go") ||
         ingest_tok_is(p->s, &t[k - 1], "went") || ingest_tok_is(p->s, &t[k - 1], "going")))
        return true;
    /* "a banner reading “X”", "placards that read “X”": what a sign says */
    size_t r = k > 0 && ingest_tok_is(p->s, &t[k], "read") && ingest_tok_is(p->s, &t[k - 1], "that")
                   ? k - 1
                   : k;
    if ((ingest_tok_is(p->s, &t[k], "reading") || r != k) && r > 0 && t[r - 1].quote < 0 &&
        TOK_IN(p->s, &t[r - 1], display_nouns))
        return true;
    return ingest_tok_is(p->s, &t[k], "banner") && title_case_span(p, q);
}

static size_t span_words(const struct ingest_para *p, const struct qinfo *q)
{
    size_t w = 0;
    for (size_t i = q->tq0; q->has_tokens && i <= q->tq1; i++)
        if (p->toks.v[i].kind != INGEST_TOK_PUNCT)
            w++;
    return w;
}

static bool q_push(struct ingest_qs *out, const struct ingest_q *q)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        struct ingest_q *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return false;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = *q;
    return true;
}

/* Forms of "be" that make a participle after them passive. */
static const char *const passive_aux[] = {"are", "be", "been", "being", "is", "was", "were"};

/* True when the verb cue at token k (len tokens) is passive: "they had been
 * promised “...”", "it was labeled “...”". Its subject heard or bore the
 * words; somebody else said them, so the cue names nobody (the person who
 * reports it in an outer clause, if any, is the speaker). */
static bool passive_cue(const struct ingest_para *p, size_t k, const struct cue *c)
{
    const struct ingest_tok *t = p->toks.v;
    size_t cw = t[k].end - t[k].start;
    return c->kind == CUE_VERB && k > 0 && t[k - 1].quote < 0 &&
           TOK_IN(p->s, &t[k - 1], passive_aux) &&
           ((cw > 3 && ingest_ascii_ieq(p->s + t[k].end - 2, 2, "ed")) ||
            ingest_tok_is(p->s, &t[k], "told"));
}

/* Verbs of the cue table that a thing can be the subject of without reporting
 * anybody's words: "the spate of shootings demands that ...". */
static const char *const thing_verbs[] = {
    /* ("X said the sides had agreed on “...”": what a group agreed on is
     * reported by the outer speaker, in their words) */
    "agreed", "demanded", "demands", "suggested", "suggests",
};

/* True when the subject of attribution at is the pronoun "it" in the paragraph
 * itself: "X said it would tell newcomers “...”" -- a thing
 * that "tells" or "shows" reports nobody's words; the person reporting it in an
 * outer clause is the speaker, when there is one (as with thing_verbs). */
static bool it_subject(const struct ingest_para *p, const struct attr *at)
{
    if (!at->found || at->subj_para < 0 || !at->cue || at->cue->kind != CUE_VERB)
        return false;
    size_t a = tok_at_byte(p, at->subj_a), b = tok_at_byte(p, at->subj_b);
    return b == a + 1 && b <= p->toks.n && ingest_tok_ieq(p->s, &p->toks.v[a], "it");
}

/* True when attribution at (from one of thing_verbs) has a subject that is a
 * thing: a phrase opened by a determiner with no name, pronoun or role noun. */
static bool thing_subject(const struct ingest_para *p, const struct attr *at, bool any_verb)
{
    if (it_subject(p, at))
        return true;
    if (!at->found || at->speaker >= 0 || at->subj_para < 0 || !at->cue ||
        (!any_verb && !ingest_word_in(thing_verbs, sizeof thing_verbs / sizeof *thing_verbs,
                                      at->cue->words, strlen(at->cue->words))))
        return false;
    size_t a = tok_at_byte(p, at->subj_a), b = tok_at_byte(p, at->subj_b);
    if (b <= a + 1 || b > p->toks.n || !TOK_IN(p->s, &p->toks.v[a], determiners))
        return false;
    for (size_t k = a; k < b; k++)
        if (tok_capital(&p->toks.v[k]) || TOK_IN(p->s, &p->toks.v[k], role_nouns))
            return false;
    return true;
}

/* A paragraph that opens with a quotation and ends with a signature,
 * “...” ― Name (vox pops): the name's tokens in *out. Every quotation of such
 * a paragraph is the signer's, the words of a quotation inside it too. */
static bool para_signature(const struct ingest_para *p, struct subj *out)
{
    const struct ingest_tok *t = p->toks.v;
    size_t n = p->toks.n, e = n;
    if (n < 4 || t[0].quote < 0)
        return false;
    if (is_end_punct(&t[e - 1]))
        e--;
    size_t a = e;
    while (a > 0 && e - a < 6 && t[a - 1].quote < 0 &&
           (tok_capital(&t[a - 1]) || (a < e && is_name_particle(p, &t[a - 1]))))
        a--;
    if (a == e || a < 2 || t[a - 1].quote >= 0 || t[a - 1].kind != INGEST_TOK_PUNCT ||
        !ingest_cp_is_dash(t[a - 1].ch) || !is_name_run(p, a, e))
        return false;
    *out = (struct subj){a, e, false};
    return true;
}

/* Words that open an adverbial clause with a subject of its own. */
static const char *const subordinators[] = {
    "after", "although", "because", "before", "since", "though", "unless", "until", "when",
    "whereas", "while",
};

/* A naming verb ("described", "called") frames only the words right after it:
 * when an adverbial clause with its own subject ("after she had put ...")
 * opens between the verb's end (token a) and the quotation (token b), the
 * quotation is in that clause, and its subject is the source. The subject: a
 * he/she/they or a capitalised name right after the subordinator. */
static bool subordinate_subject(const struct ingest_para *p, size_t a, size_t b, struct subj *out)
{
    const struct ingest_tok *t = p->toks.v;
    for (size_t k = a; k + 1 < b; k++) {
        if (t[k].quote >= 0 || !TOK_IN(p->s, &t[k], subordinators))
            continue;
        const struct ingest_tok *w = &t[k + 1];
        if (w->quote >= 0 || w->kind != INGEST_TOK_WORD)
            return false;
        if (TOK_IN(p->s, w, pronouns_m) || TOK_IN(p->s, w, pronouns_f) ||
            ingest_tok_is(p->s, w, "they")) {
            *out = (struct subj){k + 1, k + 2, false};
            return true;
        }
        size_t e = k + 1;
        while (e < b && e - k <= 4 && tok_capital(&t[e]) && t[e].quote < 0)
            e++;
        if (e == k + 1 || !mention_covers(p, t[k + 1].start, t[e - 1].end))
            return false;
        *out = (struct subj){k + 1, e, false};
        return true;
    }
    return false;
}

/* The person named between the cue at token c and the he/she at token k whose
 * known sex is the pronoun's ("X called Ann Roe ... after she ..."): the
 * verb's object, who the adverbial clause goes on about. -1 when none, or
 * when the token at k is no he/she. */
static int32_t object_of_pronoun(const struct ctx *x, int32_t pi, size_t c, size_t k)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    int gender = TOK_IN(p->s, &t[k], pronouns_m) ? 1 : TOK_IN(p->s, &t[k], pronouns_f) ? 2 : 0;
    int32_t who = -1;
    for (size_t mi = 0; gender && mi < p->n_m; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        if (m->start > t[c].start && m->end <= t[k].start && !m->in_quote &&
            x->ents->v[m->entity].type == ENTITY_PERSON && x->ents->v[m->entity].gender == gender)
            who = m->entity;
    }
    return who;
}

/* Finds the attribution for quotation qi of paragraph pi. */
/* Participles of saying and writing that take an agent: "“...” was written by
 * X". Sorted. */
static const char *const agent_participles[] = {
    "chanted", "coined", "delivered", "penned",  "posted", "said",
    "shouted", "spoken", "sung",      "tweeted", "uttered", "written",
};

/* "“...” was written by Ewan Carrick", "“...,” had been tweeted by X": a
 * passive verb of saying right after the quotation names its speaker in the
 * agent after "by". True with q->at filled (no cue from the table). */
static bool passive_agent(struct ctx *x, int32_t pi, struct qinfo *q)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t n = p->toks.n, j = q->tq1 + 1;
    if (j < n && t[j].quote < 0 && is_punct(&t[j], ','))
        j++;
    size_t v = j;
    while (v < n && v - j < 2 && t[v].quote < 0 &&
           (TOK_IN(p->s, &t[v], passive_aux) || ingest_tok_ieq(p->s, &t[v], "has") ||
            ingest_tok_ieq(p->s, &t[v], "had") || ingest_tok_ieq(p->s, &t[v], "have")))
        v++;
    if (v == j || v + 2 >= n || !TOK_IN(p->s, &t[v - 1], passive_aux) ||
        t[v].quote >= 0 || !TOK_IN(p->s, &t[v], agent_participles) ||
        !ingest_tok_ieq(p->s, &t[v + 1], "by"))
        return false;
    struct subj sj = subject_right(p, v + 2, false);
    if (sj.a >= sj.b)
        return false;
    subject_resolve(x, pi, sj, &q->at);
    q->at.cue = NULL;
    q->adjacent = true;
    q->by_cue_after = true;
    return true;
}

/* "Ruyven replied that the Netherlands had been “...,” one of the officials
 * said": when an anonymous source's cue after the quotation reports a
 * sentence whose own verb cue before it (tokens [sa, q0)) has a person for a
 * subject and a "that" clause holding the quotation, the words are that
 * person's; at keeps the source otherwise. */
static bool anon_source(const struct ctx *x, const struct attr *a);

static void reported_speaker(struct ctx *x, int32_t pi, size_t sa, size_t q0, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t len;
    for (size_t k = sa; k < q0 && k < sa + 24; k++) {
        const struct cue *c = t[k].quote < 0 ? cue_at(p, k, &len) : NULL;
        if (!c || c->kind != CUE_VERB)
            continue;
        /* (an object may stand between: "told colleagues that") */
        size_t th = k + len;
        while (th < q0 && th < k + len + 4 && t[th].kind == INGEST_TOK_WORD &&
               !ingest_tok_ieq(p->s, &t[th], "that"))
            th++;
        if (th >= q0 || !ingest_tok_ieq(p->s, &t[th], "that"))
            return;
        struct attr a = {0};
        if (attr_from_cue(x, pi, k, len, c, sa, false, &a, NULL) && a.found && a.speaker >= 0 &&
            x->ents->v[a.speaker].type == ENTITY_PERSON)
            *at = a;
        return;
    }
}

/* True when a relative clause's own cue frames quotation q: "Asked about
 * Ann Roe, who has described the tax as “working”, Ms Vale said ...": a
 * verb cue right after "who" or "which" (auxiliaries and adverbs between)
 * before the quotation, with no clause punctuation or quotation between.
 * The clause after the quotation then starts a new subject's sentence. */
static bool relative_cue_before(const struct ingest_para *p, const struct qinfo *q, size_t sa)
{
    const struct ingest_tok *t = p->toks.v;
    size_t len;
    for (size_t k = q->tq0; k > sa && q->tq0 - k < 12; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->quote >= 0 || is_clause_punct(w) || is_end_punct(w))
            return false;
        const struct cue *c = cue_at(p, k - 1, &len);
        if (!c || c->kind == CUE_ACCORDING)
            continue;
        size_t r = k - 1;
        while (r > sa && k - 1 - r < 3 && TOK_IN(p->s, &t[r - 1], aux_adverbs))
            r--;
        return r > sa && TOK_IN(p->s, &t[r - 1], relatives) && t[r - 1].quote < 0;
    }
    return false;
}

/* The colon rule: "X put it this way: “...”" -- the subject opening the
 * sentence of a quotation right after a colon, a person or organisation by
 * name, or an indefinite source phrase as written. False, with q->at
 * untouched, when the quotation follows no colon or the subject names
 * nobody. */
static bool colon_subject(struct ctx *x, int32_t pi, struct qinfo *q, size_t sa)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    if (q->tq0 <= sa || !is_punct(&t[q->tq0 - 1], ':'))
        return false;
    struct subj sj = {sa, sa, false};
    size_t e = sa;
    /* a lower-case role between capitals: "RNC spokesperson Kyle Roe" */
    while (e < q->tq0 - 1 && e - sa < 6 && t[e].kind == INGEST_TOK_WORD &&
           (t[e].flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS) ||
            TOK_IN(p->s, &t[e], pronouns_m) || TOK_IN(p->s, &t[e], pronouns_f) ||
            (e > sa && TOK_IN(p->s, &t[e], role_nouns) && e + 1 < q->tq0 - 1 &&
             (t[e + 1].flags & INGEST_TOKF_CAP))))
        e++;
    sj.b = e;
    while (sj.a < sj.b && TOK_IN(p->s, &t[sj.a], lead_drops))
        sj.a++;
    /* "One Liberal volunteer, who ..., summed up the mood: “...”", "A
     * veteran organiser summed it up:": an indefinite source phrase that
     * opens the sentence, up to an aside's comma or its role noun */
    size_t ia = sa;
    while (ia < q->tq0 && TOK_IN(p->s, &t[ia], lead_drops))
        ia++;
    if (ia + 1 < q->tq0 && TOK_IN(p->s, &t[ia], indefinites) && t[ia].quote < 0) {
        size_t h = ia + 1, role = 0;
        while (h < q->tq0 - 1 && h - ia <= 5 && t[h].kind == INGEST_TOK_WORD &&
               t[h].quote < 0 && !TOK_IN(p->s, &t[h], function_words)) {
            if (TOK_IN(p->s, &t[h], role_nouns) || TOK_IN(p->s, &t[h], source_heads))
                role = h + 1;
            h++;
        }
        size_t end = h > ia + 1 && is_punct(&t[h], ',') ? h : role;
        if (end > ia + 1) {
            q->at = (struct attr){.found = true,
                                  .speaker = -1,
                                  .subj_para = pi,
                                  .subj_a = t[ia].start,
                                  .subj_b = t[end - 1].end};
            return true;
        }
    }
    if (sj.a < sj.b) {
        struct attr at = {0};
        subject_resolve(x, pi, sj, &at);
        if (at.found && at.speaker >= 0) {
            at.cue = NULL;
            q->at = at;
            return true;
        }
    }
    return false;
}

/* "“Walang tunog,” (No sound) said X": a translation in brackets between a
 * quotation and its cue is no subject; returns the token past the closing
 * bracket (and a comma after it) when a cue follows it there, else j. */
static size_t past_gloss(const struct ingest_para *p, size_t j)
{
    const struct ingest_tok *t = p->toks.v;
    size_t n = p->toks.n, len;
    if (j >= n || !is_punct(&t[j], '(') || t[j].quote >= 0)
        return j;
    size_t k = j + 1;
    while (k < n && k - j < 24 && !is_punct(&t[k], ')') && t[k].quote < 0)
        k++; /* (the gloss may hold sentences: "(No sound. Nothing.)") */
    if (k >= n || !is_punct(&t[k], ')'))
        return j;
    k++;
    if (k < n && is_punct(&t[k], ','))
        k++;
    return k < n && cue_at(p, k, &len) ? k : j;
}

static void attribute_one(struct ctx *x, int32_t pi, struct qinfo *qs, size_t qi)
{
    struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t n = p->toks.n;
    struct qinfo *q = &qs[qi];
    size_t sa, sb, len;
    sentence_bounds(p, q->tq0, &sa, &sb);
    const struct cue *c;
    struct attr prev = {0};

    /* (a0) a signature line: “...” ― Name (vox pops, epigraphs) */
    if (q->tq1 + 2 < n && t[q->tq1 + 1].quote < 0 && t[q->tq1 + 1].kind == INGEST_TOK_PUNCT &&
        ingest_cp_is_dash(t[q->tq1 + 1].ch)) {
        size_t a = q->tq1 + 2, e = a;
        while (e < n && e - a < 6 && t[e].quote < 0 &&
               (tok_capital(&t[e]) || (e > a && is_name_particle(p, &t[e]))))
            e++;
        bool ends = e == n || (e + 1 == n && is_end_punct(&t[e])) || is_punct(&t[e], ',');
        if (e > a && ends && is_name_run(p, a, e)) {
            subject_resolve(x, pi, (struct subj){a, e, false}, &q->at);
            q->at.cue = NULL;
            q->adjacent = true;
            return;
        }
    }
    /* (a1) an aside in dashes right after a person's name: "including Ann Roe --
     * “...” -- and Bo Lind" quotes the person the quotation interrupts for */
    if (q->tq0 >= 2 && q->tq1 + 1 < n && t[q->tq1 + 1].quote < 0 &&
        t[q->tq1 + 1].kind == INGEST_TOK_PUNCT && ingest_cp_is_dash(t[q->tq1 + 1].ch)) {
        size_t d = q->tq0;
        while (d > sa && q->tq0 - d < 2 && t[d - 1].quote < 0 && t[d - 1].kind == INGEST_TOK_PUNCT &&
               ingest_cp_is_dash(t[d - 1].ch))
            d--;
        size_t ms = d < q->tq0 && d > sa ? mention_start_at(p, t[d - 1].end - 1) : SIZE_MAX;
        for (size_t mi = 0; ms != SIZE_MAX && mi < p->n_m; mi++) {
            const struct ingest_mention *m = &p->m[mi];
            if (m->start != ms || m->in_quote || m->end != t[d - 1].end ||
                x->ents->v[m->entity].type != ENTITY_PERSON)
                continue;
            q->at = (struct attr){.found = true, .speaker = m->entity, .subj_para = pi,
                                  .subj_a = m->start, .subj_b = m->end};
            q->adjacent = true;
            return;
        }
    }
    /* (a0) the last of a list of quotations under one cue ("warned of “A,” “B”
     * and “C,” Y said ..."): the speaker of the one before it, not the
     * cue after it, which starts the next clause */
    if (qi > 0 && q->tq0 >= 2 && t[q->tq0 - 1].quote < 0 && t[q->tq0 - 2].quote == (int32_t)qi - 1 &&
        (ingest_tok_ieq(p->s, &t[q->tq0 - 1], "and") || ingest_tok_ieq(p->s, &t[q->tq0 - 1], "or")) &&
        qs[qi - 1].at.found && qs[qi - 1].at.cue && !qs[qi - 1].by_cue_after) {
        q->at = qs[qi - 1].at;
        return;
    }
    if (passive_agent(x, pi, q))
        return;
    /* "Asked by X whether it faced “...,” Y said": the asker's words */
    struct subj asker;
    if (asked_by_question(p, sa, q->tq0, &asker)) {
        subject_resolve(x, pi, asker, &q->at);
        q->at.cue = NULL;
        return;
    }
    /* (a) right after the quotation: “...,” X said / said X / according to X */
    size_t j = q->tq1 + 1;
    while (j < n && j - q->tq1 <= 2 && t[j].kind == INGEST_TOK_PUNCT &&
           (t[j].ch == ',' || ingest_cp_is_dash(t[j].ch)) && t[j].quote < 0)
        j++;
    j = past_gloss(p, j);
    bool clause_end = j > q->tq1 + 1 || q->starts_sentence ||
                      (t[q->tq1].kind == INGEST_TOK_PUNCT && is_clause_punct(&t[q->tq1]));
    /* "X said “... is wrong.” Y said a delay ...": a quotation ending its
     * sentence inside the marks in the middle of a sentence; a capitalised
     * sentence after it is a new one with its own speaker */
    bool ends_sentence = !q->starts_sentence && j == q->tq1 + 1 && j < n &&
                         t[q->tq1].kind == INGEST_TOK_PUNCT &&
                         (t[q->tq1].ch == '.' || t[q->tq1].ch == '!') && tok_capital(&t[j]) &&
                         q->tq0 > sa && !cue_at(p, j, &len);
    if (j < n && t[j].quote < 0 && !ends_sentence) {
        c = cue_at(p, j, &len);
        if (c && (c->kind == CUE_ACCORDING || (c->kind == CUE_VERB && clause_end)) &&
            !(c->kind == CUE_ACCORDING && record_after_cue(p, sa, q->tq0, j + len)) &&
            !listener_after(p, j)) {
            struct subj sj = subject_right(p, j + len, c->kind == CUE_ACCORDING);
            if (c->kind == CUE_VERB)
                sj = right_appositive(p, sj);
            if (sj.a < sj.b) {
                subject_resolve(x, pi, sj, &q->at);
                q->at.cue = c;
                q->adjacent = true;
                q->by_cue_after = true;
                return;
            }
        }
        for (size_t k = j; k < n && k - j < 16; k++) {
            if (t[k].quote >= 0 || is_end_punct(&t[k]) || is_punct(&t[k], ':'))
                break;
            c = cue_at(p, k, &len);
            if (!c)
                continue;
            if (c->kind == CUE_VERB && k > j) {
                struct subj sj = subject_left(p, k, j);
                bool np =
                    sj.a < sj.b &&
                    ((t[sj.a].flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS)) ||
                     (sj.b - sj.a <= 5 && tok_capital(&t[sj.b - 1])) ||
                     TOK_IN(p->s, &t[sj.a], determiners) || TOK_IN(p->s, &t[sj.a], pronouns_m) ||
                     TOK_IN(p->s, &t[sj.a], pronouns_f) || TOK_IN(p->s, &t[sj.a], pronouns_other));
                /* "accusing her of “...,” a charge Roe has called": a phrase
                 * that renames the quotation, whose cue is someone's answer */
                bool renames = sj.a + 1 < sj.b && TOK_IN(p->s, &t[sj.a], indefinites) &&
                               ingest_claim_noun(p->s + t[sj.a + 1].start,
                                                 t[sj.a + 1].end - t[sj.a + 1].start);
                if (renames) {
                    q->renamed = true;
                    break;
                }
                if (np && sj.a == j && !relative_cue_before(p, q, sa)) {
                    subject_resolve(x, pi, sj, &q->at);
                    q->at.cue = c;
                    q->adjacent = true;
                    q->by_cue_after = true;
                    /* "X replied that the Netherlands had been “...,” one of
                     * the officials said": the source reports X's words */
                    if (q->at.speaker < 0 && q->at.subj_para == (int32_t)pi && anon_source(x, &q->at))
                        reported_speaker(x, pi, sa, q->tq0, &q->at);
                    return;
                }
            }
            break;
        }
    }
    /* (b) the nearest cue before it in the sentence */
    size_t lo = q->tq0 > CUE_WINDOW ? q->tq0 - CUE_WINDOW : 0;
    if (lo < sa)
        lo = sa;
    struct attr thing = {0}; /* "the spate of shootings demands ...": kept as a fallback */
    bool thing_adjacent = false, thing_passive = false;
    /* "X said the memo described ..., and that the testing had “...”": a
     * second "that" clause after the cue's clause belongs to an outer cue,
     * when the inner one's subject is a thing */
    bool and_that = false;
    for (size_t k = q->tq0; k > lo; k--) {
        if (t[k - 1].quote >= 0)
            continue;
        if (k < q->tq0 && ingest_tok_ieq(p->s, &t[k - 1], "and") &&
            ingest_tok_ieq(p->s, &t[k], "that"))
            and_that = true;
        c = cue_at(p, k - 1, &len);
        if (!c)
            continue;
        /* "the model described in the memo “...”": a naming verb's participle
         * that places a thing reports nobody's words */
        if (c->weak && k - 1 + len < q->tq0 && t[k - 1 + len].quote < 0 &&
            ingest_tok_is(p->s, &t[k - 1 + len], "in"))
            continue;
        struct subj sub;
        if (c->weak && !thing.found && subordinate_subject(p, k - 1 + len, q->tq0, &sub)) {
            /* "X called Y “reckless” after she put ... down to “luck”" */
            int32_t obj = object_of_pronoun(x, pi, k - 1, sub.a);
            if (obj >= 0) /* resolved here: no sex is learnt from a guess */
                q->at = (struct attr){.found = true, .speaker = obj, .subj_para = pi,
                                      .subj_a = t[sub.a].start, .subj_b = t[sub.b - 1].full_end};
            else
                subject_resolve(x, pi, sub, &q->at);
            q->at.cue = NULL;
            return;
        }
        bool have_prev = prev_attr(x, pi, k - 1, sa, &prev);
        if (attr_from_cue(x, pi, k - 1, len, c, sa, have_prev, &q->at, &prev)) {
            q->adjacent =
                k - 1 + len == q->tq0 ||
                (k + len <= q->tq0 && is_clause_punct(&t[k - 1 + len]) && k + len == q->tq0);
            if (thing.found && (q->at.speaker < 0 ||
                                x->ents->v[q->at.speaker].type != ENTITY_PERSON)) {
                q->at = thing; /* the outer cue names no person either */
                q->adjacent = thing_adjacent;
                return;
            }
            /* a naming verb frames a long quotation only through "as":
             * "characterized X as, “...”" */
            size_t as = q->tq0;
            while (as > k && t[as - 1].quote < 0 && t[as - 1].kind == INGEST_TOK_PUNCT &&
                   q->tq0 - as < 3)
                as--; /* the mark and a comma */
            bool framed = as > k && t[as - 1].quote < 0 && ingest_tok_is(p->s, &t[as - 1], "as");
            if (c->weak && span_words(p, q) > 12 && !q->adjacent && !framed)
                q->at.found = false;
            else if (!thing.found && passive_cue(p, k - 1, c)) {
                thing = (struct attr){.found = true, .cue = c, .speaker = -1, .subj_para = -1};
                thing_passive = true;
                thing_adjacent = q->adjacent;
                q->at.found = false;
                /* "X said she asked for a copy and was told the list was
                 * “...”": words somebody told X are not X's, whatever cue
                 * X has further back; only in the clause told ("told that",
                 * "told it was"), not "told of the cuts “by reading ...”" */
                static const char *const told_clause[] = {"are",  "had", "has",  "is",
                                                          "that", "was", "were", "will",
                                                          "would"};
                bool clause = false;
                for (size_t w = k - 1 + len; w < q->tq0 && !clause; w++)
                    clause = t[w].quote < 0 && TOK_IN(p->s, &t[w], told_clause);
                if (clause && strcmp(c->words, "told") == 0)
                    break;
                continue;
            } else if (!thing.found && thing_subject(p, &q->at, and_that)) {
                /* a thing "demands" or "suggests": the person who reports it in
                 * an outer clause ("X said the spate demands ...") is the
                 * speaker, when there is one */
                thing = q->at;
                thing_adjacent = q->adjacent;
                q->at.found = false;
                continue;
            } else
                return;
            break;
        }
        /* a cue without a subject of its own ("Republican claims"): look further */
    }
    /* "X, the group's treasurer, celebrated ... after the results were
     * posted: “...”": a passive cue naming nobody inside the clause before a
     * colon yields to the named subject the colon rule finds */
    if (thing.found && thing_passive && thing.speaker < 0 && thing.subj_para < 0 &&
        colon_subject(x, pi, q, sa))
        return;
    if (thing.found && !q->at.found) {
        q->at = thing;
        q->adjacent = thing_adjacent;
        q->passive = thing_passive;
        return;
    }
    /* (c) the first cue after it in the sentence */
    for (size_t k = q->tq1 + 1; k < sb && k - q->tq1 < CUE_WINDOW && !q->renamed; k++) {
        if (t[k].quote >= 0)
            continue;
        c = cue_at(p, k, &len);
        if (!c)
            continue;
        /* "X instructed agencies to “...”, according to a memo seen by
         * Reuters": a writing after "according to" is where the reporter
         * read the words; the named subject of the clause wrote them */
        if (c->kind == CUE_ACCORDING && written_source_after(p, k + len)) {
            struct subj cs;
            struct attr ca = {0};
            if (clause_subject(x, pi, sa, q->tq0, &cs) && cs.a < cs.b) {
                subject_resolve(x, pi, cs, &ca);
                if (ca.speaker >= 0) {
                    q->at = ca;
                    q->at.cue = NULL;
                    return;
                }
            }
        }
        /* the subject may not reach back past the previous quotation */
        size_t lim = k;
        while (lim > q->tq1 + 1 && t[lim - 1].quote < 0)
            lim--;
        bool have_prev = prev_attr(x, pi, k, sa, &prev);
        if (attr_from_cue(x, pi, k, len, c, lim, have_prev, &q->at, &prev))
            return;
        break;
    }
    /* (d) colon: "X put it this way: “...”" */
    colon_subject(x, pi, q, sa);
}

/* True when the span holds a comma or a period inside its marks (“fairly paid,”
 * earning ...): its phrase is over, or it is a list, so it does not modify the
 * word after it. */
static bool span_closes_phrase(const struct ingest_para *p, const struct qinfo *q)
{
    if (!q->has_tokens)
        return false;
    /* a list inside the marks ("its “costly, pointless” strikes")
     * is somebody's words, not one modifier */
    for (size_t i = q->tq0; i <= q->tq1; i++)
        if (is_punct(&p->toks.v[i], ',') || is_punct(&p->toks.v[i], '.'))
            return true;
    return false;
}

/* Auxiliaries and modals that make the quoted words after them a verb with
 * its object ("deals he said had “hollowed out” towns"), not a modifier of
 * the noun after them; sorted. */
static const char *const verb_auxiliaries[] = {
    "can", "could", "did", "do", "does", "had", "has", "have", "may", "might",
    "must", "shall", "should", "will", "would",
};

/* A short quoted span that modifies the noun after it ("a “damage control”
 * operation") or stands alone as a word in quotes without any speech around it. */
/* "urging lawmakers to “keep the promise” made to families": after "to", a
 * span of several words is a verb phrase, and a participle after it modifies
 * the span's own noun; the span modifies no noun after it. */
static bool verb_span_before_participle(const struct ingest_para *p, const struct qinfo *q)
{
    static const char *const participles[] = {"given", "held", "kept", "made", "paid",
                                              "sent",  "set",  "taken", "won"}; /* sorted */
    const struct ingest_tok *t = p->toks.v;
    size_t k = q->tq1 + 1;
    return k < p->toks.n && q->tq0 > 0 && span_words(p, q) >= 2 &&
           ingest_tok_is(p->s, &t[q->tq0 - 1], "to") && t[q->tq0 - 1].quote < 0 &&
           t[k].quote < 0 && t[k].kind == INGEST_TOK_WORD &&
           (TOK_IN(p->s, &t[k], participles) ||
            (t[k].end - t[k].start > 4 && memcmp(p->s + t[k].end - 2, "ed", 2) == 0));
}

/* Coordinators that join two epithets inside one pair of marks; sorted. */
static const char *const epithet_joins[] = {"and", "but", "or", "yet"};

/* A span of two lowercase epithets joined by a coordinator ("frank but
 * friendly", "best and final"): a characterisation somebody chose, so a
 * speech cue that attributes it keeps it even before a noun ("had made its
 * “best and final” offer"); a term of art in marks is one idea, not a pair. */
static bool paired_epithet(const struct ingest_para *p, const struct qinfo *q)
{
    const struct ingest_tok *t = p->toks.v;
    if (!q->has_tokens || q->tq1 != q->tq0 + 2)
        return false;
    for (size_t i = q->tq0; i <= q->tq1; i++)
        if (t[i].kind != INGEST_TOK_WORD || !(t[i].flags & INGEST_TOKF_LOWER))
            return false;
    return TOK_IN(p->s, &t[q->tq0 + 1], epithet_joins);
}

/* "expected to “significantly reduce” conflicts": after "to", a span that
 * opens with an -ly adverb is a verb phrase taking the noun after it as its
 * object, not a modifier of that noun. */
static bool infinitive_span(const struct ingest_para *p, const struct qinfo *q)
{
    const struct ingest_tok *t = p->toks.v;
    if (q->tq0 == 0 || t[q->tq0 - 1].quote >= 0 || !ingest_tok_is(p->s, &t[q->tq0 - 1], "to"))
        return false;
    size_t w = q->tq0;
    while (w <= q->tq1 && t[w].kind != INGEST_TOK_WORD)
        w++;
    return w < q->tq1 && (t[w].flags & INGEST_TOKF_LOWER) && t[w].end - t[w].start > 4 &&
           ingest_ascii_ieq(p->s + t[w].end - 2, 2, "ly");
}

/* "could not “in good conscience” support the bill": a span of several
 * words opening with a preposition is an adverbial, no modifier of the word
 * after it. */
static bool prepositional_span(const struct ingest_para *p, const struct qinfo *q)
{
    const struct ingest_tok *t = p->toks.v;
    size_t w = q->tq0;
    while (w <= q->tq1 && t[w].kind != INGEST_TOK_WORD)
        w++;
    return w < q->tq1 && (t[w].flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, &t[w], prepositions);
}

static bool scare_shaped(const struct ingest_para *p, const struct qinfo *q)
{
    size_t k = q->tq1 + 1, len;
    if (verb_span_before_participle(p, q))
        return false;
    if (!span_closes_phrase(p, q) && k < p->toks.n && p->toks.v[k].quote < 0 && p->toks.v[k].kind == INGEST_TOK_WORD &&
        (p->toks.v[k].flags & INGEST_TOKF_LOWER) && !TOK_IN(p->s, &p->toks.v[k], function_words) &&
        !TOK_IN(p->s, &p->toks.v[k], determiners) && !cue_at(p, k, &len))
        return true;
    return span_words(p, q) <= 1;
}

/* Nouns of speech that an owner's name can govern: "X's claim that ...". */
static const char *const claim_nouns[] = {
    "accusation",  "accusations", "argument",   "assertion",  "assertions", "boast",
    "characterization", "charge", "claim",      "claims",     "comment",    "comments",
    "depiction",   "description", "insistence",
    "pledge",      "prediction",  "predictions", "promise",   "promises",   "remark",
    "remarks",     "statement",   "suggestion", "vow",        "warning",    "warnings",
    "words",
};

/* Speech nouns that frame their object "as" the quoted words ("his
 * description of X as a “...”"); also in claim_nouns; sorted. */
static const char *const framing_nouns[] = {"characterization", "depiction", "description"};

bool ingest_claim_noun(const char *s, size_t n)
{
    return ingest_word_in(claim_nouns, sizeof claim_nouns / sizeof *claim_nouns, s, n);
}

/* A quotation with no cue inside "X's claim that ... “...”": the owner of the
 * speech noun, a person or organisation named right before it, when the noun
 * introduces the quotation (right before it, or followed by "that"/"of"),
 * within the sentence and with no other quotation or cue in between. */
static bool owner_claim(struct ctx *x, int32_t pi, struct qinfo *q)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t sa, sb, len;
    sentence_bounds(p, q->tq0, &sa, &sb);
    for (size_t k = q->tq0; k > sa + 1 && q->tq0 - k < 16; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->quote >= 0 && k < q->tq0)
            return false;
        if (is_end_punct(w) || cue_at(p, k - 1, &len))
            return false;
        if (!TOK_IN(p->s, w, claim_nouns))
            continue;
        /* (one modifier may stand between: "X's recent warnings that") */
        size_t ow = k - 2;
        if (ow > sa && (t[ow].flags & INGEST_TOKF_LOWER) && t[ow].kind == INGEST_TOK_WORD &&
            !TOK_IN(p->s, &t[ow], function_words) && t[ow].quote < 0 &&
            (t[ow - 1].flags & INGEST_TOKF_POSS) && tok_capital(&t[ow - 1]))
            ow--;
        bool his = ingest_tok_ieq(p->s, &t[ow], "his");
        bool her = ingest_tok_ieq(p->s, &t[ow], "her");
        /* ("the lawyer's remark that": a lower-case role as owner too) */
        bool role = (t[ow].flags & INGEST_TOKF_POSS) && (t[ow].flags & INGEST_TOKF_LOWER) &&
                    ow > sa && ingest_tok_ieq(p->s, &t[ow - 1], "the") && role_noun_tok(p, &t[ow]);
        if (t[ow].quote >= 0 ||
            (!his && !her && !role && (!(t[ow].flags & INGEST_TOKF_POSS) || !tok_capital(&t[ow]))))
            continue;
        /* the noun introduces the quotation: "X's claim that ...", "X's
         * words: “...”", not "treating X's remark as a compliment, “...”" */
        /* ("his description in August of X as a “...”": a framing noun
         * reaches its quotation through "as") */
        bool as = false;
        for (size_t j = k; j < q->tq0 && !as && TOK_IN(p->s, w, framing_nouns); j++)
            as = ingest_tok_is(p->s, &t[j], "as");
        /* ("the minister's promise to “look again”": a pledge names what
         * is promised after "to") */
        static const char *const pledges[] = {"pledge", "promise", "vow"}; /* sorted */
        bool to = k + 1 == q->tq0 && ingest_tok_is(p->s, &t[k], "to") && TOK_IN(p->s, w, pledges);
        if (k < q->tq0 && t[k].quote < 0 && t[k].kind == INGEST_TOK_WORD && !as && !to &&
            !ingest_tok_is(p->s, &t[k], "that") && !ingest_tok_is(p->s, &t[k], "of"))
            return false;
        /* "Ortiz said that Ms. Hollis's remarks “reflect a long-held
         * view”": the quotation right after the noun says what the remarks
         * do, in the words of the cue's speaker */
        if (k == q->tq0 && q->at.found && q->at.cue && q->at.cue->kind == CUE_VERB)
            return false;
        /* "X said in his statement that he felt “...”": a writing the cue
         * was made in is the cue's subject's; the cue attributes it */
        if ((his || her) && ow >= sa + 2 && ingest_tok_is(p->s, &t[ow - 1], "in") &&
            cue_at(p, ow - 2, &len))
            return false;
        if (his || her) {
            /* "his claim that “...”": the person the pronoun stands for */
            int32_t who = pronoun_resolve(x, pi, t[ow].start, his ? 1 : 2);
            if (who < 0)
                return false;
            q->at = (struct attr){.found = true, .speaker = who, .subj_para = pi,
                                  .subj_a = t[ow].start, .subj_b = t[ow].end};
            return true;
        }
        size_t ms = mention_start_at(p, t[ow].end - 1);
        if (ms == SIZE_MAX && ow > sa && ingest_tok_ieq(p->s, &t[ow - 1], "the")) {
            /* "the Tánaiste's promise to “...”": a role as owner */
            struct attr ra = {0};
            subject_resolve(x, pi, (struct subj){ow - 1, ow + 1, false}, &ra);
            if (ra.speaker < 0 || x->ents->v[ra.speaker].type != ENTITY_PERSON)
                return false;
            q->at = ra;
            return true;
        }
        if (ms == SIZE_MAX)
            return false;
        for (size_t mi = 0; mi < p->n_m; mi++) {
            const struct ingest_mention *m = &p->m[mi];
            if (m->start != ms || m->in_quote)
                continue;
            enum entity_type ty = x->ents->v[m->entity].type;
            if (ty != ENTITY_PERSON && ty != ENTITY_ORGANIZATION)
                return false;
            q->at = (struct attr){.found = true, .speaker = m->entity, .subj_para = pi,
                                  .subj_a = m->start, .subj_b = t[ow].end};
            return true;
        }
        return false;
    }
    return false;
}

/* A partial quotation with no cue: the person or organisation its clause is
 * about ("X has long mocked the “failing” paper"); after a colon (colon)
 * also a writing the clause names as written ("The article opens with her
 * motto: “...”"). Leaves q->at unset otherwise. */
static void sentence_subject(struct ctx *x, int32_t pi, struct qinfo *q, bool colon)
{
    const struct ingest_para *p = &x->paras[pi];
    size_t sa, sb;
    sentence_bounds(p, q->tq0, &sa, &sb);
    if (sa >= q->tq0)
        return;
    struct subj sj;
    if (!clause_subject(x, pi, sa, q->tq0, &sj))
        return;
    struct attr at = {0};
    subject_resolve(x, pi, sj, &at);
    /* a writing as written, when it introduces the quotation with a colon:
     * "The article opens with her motto: “...”" */
    bool doc = colon && sj.b - sj.a >= 2 && TOK_IN(p->s, &p->toks.v[sj.b - 1], document_nouns);
    if (at.speaker >= 0 || (doc && at.subj_para >= 0)) {
        q->at = at;
        q->at.cue = NULL;
    }
}

/* Records the person named as the subject of the last verb cue of paragraph pi
 * as the last speaker (for pronouns that follow). */
static void cue_subject_note(struct ctx *x, int32_t pi)
{
    const struct ingest_para *p = &x->paras[pi];
    size_t len;
    for (size_t j = p->toks.n; j > 0; j--) {
        const struct cue *c = cue_at(p, j - 1, &len);
        if (!c || c->kind != CUE_VERB)
            continue;
        size_t sa, sb;
        sentence_bounds(p, j - 1, &sa, &sb);
        /* A cue inside the clause an earlier cue of the sentence reports
         * ("The governor said one member, X, had argued for ...") is not
         * the last speaker: the reporter is. A cue that ends the sentence
         * ("A neighbor, X, found three men in her barn, Y said.") reports
         * the whole sentence itself, so the earlier cue is not looked for. */
        size_t after = j - 1 + len;
        bool inverted = after >= sb || after >= p->toks.n || is_end_punct(&p->toks.v[after]) ||
                        (after + 1 < p->toks.n && is_end_punct(&p->toks.v[after + 1]));
        for (size_t o = sa; o + 1 < j && !inverted; o++) {
            size_t olen;
            const struct cue *oc = p->toks.v[o].quote < 0 ? cue_at(p, o, &olen) : NULL;
            struct attr oa = {0};
            if (oc && oc->kind == CUE_VERB && !oc->weak && !passive_cue(p, o, oc) &&
                attr_from_cue(x, pi, o, olen, oc, sa, false, &oa, NULL) && oa.found &&
                oa.speaker >= 0) {
                j = o + 1;
                len = olen;
                c = oc;
                break;
            }
        }
        struct attr a = {0};
        bool ok =
            attr_from_cue(x, pi, j - 1, len, c, sa, false, &a, NULL) && a.found && a.speaker >= 0;
        if (!ok && j >= 2 && is_punct(&p->toks.v[j - 2], ',')) {
            /* "..., noted NBC's Jane Roe.": inverted at the end of the sentence */
            struct subj r = subject_right(p, j - 1 + len, false);
            if (r.a < r.b && (r.b >= sb || is_end_punct(&p->toks.v[r.b]))) {
                subject_resolve(x, pi, r, &a);
                ok = a.speaker >= 0;
            }
        }
        if (ok && x->ents->v[a.speaker].type == ENTITY_PERSON && a.subj_para == pi) {
            x->last_speaker = a.speaker;
            x->last_speaker_para = pi;
            x->last_speaker_byte = p->n;
        }
        return;
    }
}

/* The sentence right before the one token k opens, in [*sa, *sb): false when k
 * does not open a sentence or a quotation ends right before it. */
static bool prev_sentence_at(const struct ingest_para *p, size_t k, size_t *sa, size_t *sb)
{
    const struct ingest_tok *t = p->toks.v;
    if (k == 0 || t[k - 1].quote >= 0 || t[k - 1].sent == t[k].sent)
        return false;
    sentence_bounds(p, k - 1, sa, sb);
    return true;
}

/* Whether the subject of attribution a, which names nobody, is an anonymous
 * source: an indefinite phrase ("a", "an", "one", "two", ...) of at most eight
 * words holding a role noun or a source noun ("A Treasury source said ...").
 * A document ("A 2019 audit") is no source for the quotation after it. */
static bool anon_source(const struct ctx *x, const struct attr *a)
{
    const struct ingest_para *p = &x->paras[a->subj_para];
    const struct ingest_tok *t = p->toks.v;
    size_t k = tok_at_byte(p, a->subj_a);
    static const char *const indefinite[] = {"a", "an", "another", "one", "three", "two"};
    if (k >= p->toks.n || !TOK_IN(p->s, &t[k], indefinite))
        return false;
    for (size_t j = k + 1; j < p->toks.n && j < k + 8 && t[j].start < a->subj_b; j++)
        if (TOK_IN(p->s, &t[j], source_heads) || TOK_IN(p->s, &t[j], role_nouns))
            return true;
    return false;
}

/* When the sentence right before token k is an attribution without quotation
 * marks ("Work cannot start yet, Petrova said."), its speaker: the quotation that
 * opens the next sentence is theirs. */
static bool prev_sentence_attr(struct ctx *x, int32_t pi, size_t k, struct attr *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t sa, sb, len;
    if (!prev_sentence_at(p, k, &sa, &sb))
        return false;
    for (size_t j = sa; j < sb; j++)
        if (t[j].quote >= 0)
            return false;
    for (size_t j = sb; j > sa; j--) {
        const struct cue *c = cue_at(p, j - 1, &len);
        /* (a passive cue's subject was spoken to: "the question she has
         * been asked more than any other. “...?”" is not hers) */
        if (!c || c->kind == CUE_PART || passive_cue(p, j - 1, c))
            continue;
        struct attr a = {0};
        if (attr_from_cue(x, pi, j - 1, len, c, sa, false, &a, NULL) && a.found &&
            a.subj_para >= 0 && (a.speaker >= 0 || anon_source(x, &a))) {
            *out = a;
            return true;
        }
        /* "She said pace was a measure GPs could ask about. “...”": a later
         * cue whose subject is nobody (a group, a thing) gives way to an
         * earlier one of the sentence */
    }
    return false;
}

/* "X listed falling stocks as the main reason. “We cannot ...”": a
 * quotation opening the sentence after one that reports no speech, holds no
 * quotation and has a person as its subject is that person's, as a reader
 * takes it (the writer has just said what X did). */
static bool prev_sentence_subject(struct ctx *x, int32_t pi, size_t k, struct attr *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t sa, sb, len;
    if (!prev_sentence_at(p, k, &sa, &sb))
        return false;
    /* "I started with the question ... . “...?”": the reporter's question
     * (asker_is_author names the byline) */
    const struct ingest_qspan *qs = t[k].quote >= 0 ? &p->spans[t[k].quote] : NULL;
    bool my_question = t[sa].end == t[sa].start + 1 && p->s[t[sa].start] == 'I' &&
                       qspan_is_question(p, qs);
    /* (a question quoted in an opening clause is somebody else's: "When a
     * reporter asked, “...?”, Roe paused before replying. “...”": the main
     * clause after it has the subject) */
    size_t ca = sa;
    for (size_t j = sa; j < sb && !my_question; j++)
        if (t[j].quote >= 0 && !title_quote_at(p, j)) {
            if (!qspan_is_question(p, &p->spans[t[j].quote]) || j + 1 >= sb)
                return false;
            ca = j + 1;
        }
    while (ca > sa && ca < sb && is_punct(&t[ca], ','))
        ca++;
    if (ca > sa && (ca >= sb || t[ca - 1].quote >= 0))
        return false; /* (no comma closes the opening clause) */
    struct subj sj = {sa, sa + 1, false};
    if (!my_question && !clause_subject(x, pi, ca, sb, &sj))
        return false;
    /* (a cue in an opening adverbial is no speech of the subject's:
     * "Asked about the vote, Roe smiles. “...”") */
    /* (a passive one neither: "the question she has been asked") */
    const struct cue *c;
    /* (but "Roe paused before replying. “...”": the reply the subject
     * gives is the quotation) */
    for (size_t j = sj.a; j < sb; j++)
        if ((c = cue_at(p, j, &len)) && !passive_cue(p, j, c) &&
            !(c->kind == CUE_PART && j > sj.b && j + len + 1 == sb && ingest_tok_is(p->s, &t[j - 1], "before")))
            return false;
    struct attr a = {0};
    subject_resolve(x, pi, sj, &a);
    if (!my_question && (a.speaker < 0 || x->ents->v[a.speaker].type != ENTITY_PERSON))
        return false;
    *out = a;
    out->cue = NULL;
    return true;
}

/* "Ann Roe, 38, a billing clerk who ..., described sitting at her kitchen
 * table ... . ¶ “My daughter asked me ...”": a paragraph that opens with a
 * quotation no cue attributes, after a paragraph without quotations whose
 * last sentence has a person as its subject, is that person's (the writer
 * has just introduced the speaker). With asked, only when that subject
 * "asked" or "also asked" (an interviewer's question announced before it is
 * printed). */
static bool prev_para_subject(struct ctx *x, int32_t pi, bool asked, struct attr *out)
{
    if (pi == 0 || x->paras[pi - 1].toks.n < 4)
        return false;
    /* (quoted words of its own, a term or a phrase, do not stop it: "He
     * said gains in the “shunto” talks were spreading. ¶ “...”"; a full
     * quotation does) */
    for (size_t k = x->out->n; k > 0 && x->out->v[k - 1].para >= pi - 1; k--)
        if (x->out->v[k - 1].para == pi - 1 && x->out->v[k - 1].kind != QUOTE_PARTIAL)
            return false;
    const struct ingest_para *pp = &x->paras[pi - 1];
    size_t pa, pb;
    sentence_bounds(pp, pp->toks.n - 1, &pa, &pb);
    if (!is_end_punct(&pp->toks.v[pb - 1]))
        return false;
    struct subj sj;
    if (!clause_subject(x, pi - 1, pa, pb, &sj))
        return false;
    if (asked) {
        size_t v = sj.b;
        if (v < pb && ingest_tok_is(pp->s, &pp->toks.v[v], "also"))
            v++;
        if (!(v < pb && (ingest_tok_is(pp->s, &pp->toks.v[v], "asked") ||
                         ingest_tok_is(pp->s, &pp->toks.v[v], "asks"))))
            return false;
    }
    struct attr a = {0};
    subject_resolve(x, pi - 1, sj, &a);
    if (a.speaker < 0 || x->ents->v[a.speaker].type != ENTITY_PERSON)
        return false;
    *out = a;
    out->cue = NULL;
    return true;
}

/* "Qatar's chief mediator said a ceasefire was “not yet within reach.” ¶
 * “...,” Faisal Al-Nuaimi, Qatar's minister of state, told reporters": a
 * lead's source kept as an owner's role (a capitalised owner in the
 * possessive, then lower-case words up to a singular head that is not a
 * stand-in such as "official" or "spokesman") is the person the next
 * paragraph introduces: the first person outside quotations there, right at
 * its start or right after its opening quotation, named for the first time
 * and followed by an appositive comma. The title rarely repeats the lead's
 * words ("chief mediator", "minister of state"), so the delayed introduction
 * is the evidence. Tokens [a, b) of the lead hold the description. */
static void lede_owner_role_named(struct ctx *x, int32_t pi, size_t a, size_t b, struct attr *at)
{
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    /* (an owner's name may open with "the" and hold "of": "The Office of
     * Water Standards' most senior official") */
    if (a + 2 < b && ingest_tok_ieq(p->s, &t[a], "the") && tok_capital(&t[a + 1]))
        a++;
    size_t o = a;
    while (o + 1 < b && o < a + 6 && !(t[o].flags & INGEST_TOKF_POSS) &&
           (tok_capital(&t[o]) ||
            (o > a && (ingest_tok_is(p->s, &t[o], "of") || ingest_tok_is(p->s, &t[o], "for")) &&
             tok_capital(&t[o + 1]))))
        o++;
    const struct ingest_tok *h = &t[b - 1];
    size_t hl = h->end - h->start;
    if (!tok_capital(&t[a]) || !(t[o].flags & INGEST_TOKF_POSS) || o + 1 >= b ||
        !(t[o + 1].flags & INGEST_TOKF_LOWER) || TOK_IN(p->s, h, unnamed_roles) ||
        (hl > 3 && p->s[h->end - 1] == 's'))
        return;
    const struct ingest_para *np = &x->paras[pi + 1];
    const struct ingest_tok *nt = np->toks.v;
    const struct ingest_ents *e = x->ents;
    /* the first token outside the next paragraph's opening quotation, past
     * titles that stay outside the name's mention ("Dame", "Sir") */
    size_t f = 0;
    while (f < np->toks.n && (nt[f].quote >= 0 || nt[f].kind == INGEST_TOK_PUNCT))
        f++;
    for (size_t ti = 0; ti < 2 && f + 1 < np->toks.n && tok_capital(&nt[f]) &&
                        ingest_gaz_has(x->g, np->s + nt[f].start, nt[f].end - nt[f].start,
                                       INGEST_GAZ_TITLE) &&
                        mention_start_at(np, nt[f].end - 1) == SIZE_MAX;
         ti++)
        f++;
    size_t first = mention_lower(e, pi + 1, 0);
    for (size_t mi = first; mi < e->n_m && e->m[mi].para == pi + 1; mi++) {
        const struct ingest_mention *m = &e->m[mi];
        if (m->in_quote)
            continue;
        if (e->v[m->entity].type != ENTITY_PERSON || tok_at_byte(np, m->start) != f)
            return;
        size_t end = f;
        while (end < np->toks.n && nt[end].start < m->end)
            end++;
        if (end >= np->toks.n || !is_punct(&nt[end], ','))
            return;
        for (size_t k = 0; k < first; k++)
            if (e->m[k].entity == m->entity)
                return; /* named before: not the one the writer holds back */
        at->speaker = m->entity;
        return;
    }
}

/* "A Texas border sheriff says smugglers are “adapting fast” ... ¶ Kinney
 * County Sheriff Wade Pruitt told ...": a lead's source kept as an
 * indefinite description (a/an, then its words up to a lower-case head) is
 * the person the next paragraph opens with, when that person's title ends in
 * the head noun. Only in the lead (no quotation in the paragraphs before, at
 * most the third paragraph), where the writer names the source next. */
static void lede_source_named(struct ctx *x, int32_t pi, struct attr *at)
{
    if (!at->found || at->speaker >= 0 || at->subj_para != pi || pi > 2 ||
        (size_t)pi + 1 >= x->n_paras)
        return;
    for (int32_t k = 0; k < pi; k++)
        if (x->paras[k].n_spans)
            return;
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_tok *t = p->toks.v;
    size_t a = tok_at_byte(p, at->subj_a), b = a;
    while (b < p->toks.n && t[b].start < at->subj_b)
        b++;
    if (a >= p->toks.n || b - a < 2 || b - a > 10)
        return;
    const struct ingest_tok *h = &t[b - 1];
    if (h->kind != INGEST_TOK_WORD || !(h->flags & INGEST_TOKF_LOWER))
        return;
    if (!(ingest_tok_ieq(p->s, &t[a], "a") || ingest_tok_ieq(p->s, &t[a], "an"))) {
        lede_owner_role_named(x, pi, a, b, at);
        return;
    }
    if (b - a > 6)
        return;
    const struct ingest_para *np = &x->paras[pi + 1];
    const struct ingest_ents *e = x->ents;
    size_t mi = mention_lower(e, pi + 1, 0);
    for (; mi < e->n_m && e->m[mi].para == pi + 1; mi++) {
        const struct ingest_mention *m = &e->m[mi];
        if (tok_at_byte(np, m->start) > 12)
            return;
        if (m->in_quote || e->v[m->entity].type != ENTITY_PERSON)
            continue;
        const struct ingest_ent *en = &e->v[m->entity];
        for (size_t ti = 0; ti < en->titles.n; ti++)
            if (title_ends_with(en->titles.v[ti], strlen(en->titles.v[ti]), p->s + h->start,
                                h->end - h->start)) {
                at->speaker = m->entity;
                return;
            }
        return; /* only the person the paragraph opens with */
    }
}

/* Whether a token of the sentence of token k0 of p, from token k on, is one
 * of the n words of list. */
static bool first_sent_has(const struct ingest_para *p, size_t k0, size_t k,
                           const char *const *list, size_t n)
{
    const struct ingest_tok *t = p->toks.v;
    for (; k < p->toks.n && t[k].sent == t[k0].sent; k++)
        if (tok_in(p->s, &t[k], list, n))
            return true;
    return false;
}
#define FIRST_SENT_HAS(p, k0, k, list)                                                             \
    first_sent_has((p), (k0), (k), (list), sizeof(list) / sizeof *(list))

/* “...” standing alone, then "That was the message from X, who ..." or
 * "That was how X summed up the claim.": a paragraph that opens with a
 * demonstrative and a form of "be" in a speech frame names the speaker of the
 * quotation that ended the paragraph before it: "the" and a speech noun
 * (assessment, reaction, verdict, view, ...) with "of"/"from" right before
 * the name, or "how" right before it and a verb of describing later in the
 * sentence ("described", "put it", "summed up"), or the name itself after
 * "be" and a participle of speaking later ("That was X, ..., speaking after
 * the match") or a relative clause of speaking ("That was X, ..., who said
 * ..."). "So said X, ..." frames the same way. "That is not what the
 * figures from the Office for National Statistics show" names no speaker.
 * The name is the first person or organisation outside quotations in the
 * first twelve tokens (same sentence); after a speech noun, "So said" or
 * "be", it may follow a title or role ("the view of Dr X", "That was county
 * clerk X"), since the whole phrase is read as the subject after "said".
 * The frame may also follow the quotation in its own paragraph, as the next
 * sentence (“...” That was the assessment of X, ...): the quotation must
 * then open the paragraph and end its sentence. */
static bool next_para_names(struct ctx *x, int32_t pi, const struct qinfo *q, struct attr *out)
{
    static const char *const demos[] = {"such", "that", "these", "this", "those"};
    static const char *const bes[] = {"are", "is", "was", "were"};
    static const char *const nouns[] = {"analysis", "assessment", "conclusion", "diagnosis",
                                        "judgement", "judgment", "message", "prediction",
                                        "reaction", "response", "verdict", "view",
                                        "warning", "words"};
    static const char *const froms[] = {"from", "of"};
    static const char *const descs[] = {"characterised", "characterized", "described",
                                        "describes",     "explained",     "explains",
                                        "put",           "puts",          "recalled",
                                        "recalls",       "remembered",    "remembers",
                                        "summed",        "sums"}; /* sorted */
    static const char *const speaking[] = {"addressing", "speaking", "talking", "testifying",
                                           "writing"};
    static const char *const so_cues[] = {"said", "says"};
    /* "That was X, who said ...": verbs of a relative clause that speaks */
    static const char *const who_cues[] = {"added", "argued", "cautioned", "noted",
                                           "predicted", "said", "says", "told",
                                           "warned", "wrote"};
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_para *n;
    int32_t npi; /* the paragraph of the frame */
    size_t k0 = 0; /* and the token it opens at */
    if (q->tq1 + 2 >= p->toks.n) {
        if ((size_t)pi + 1 >= x->n_paras)
            return false;
        npi = pi + 1;
    } else {
        /* the quotation opens the paragraph (a mark, at most, before it) */
        if (p->spans[p->toks.v[q->tq0].quote].open >= 4)
            return false;
        k0 = q->tq1 + 1;
        if (is_punct(&p->toks.v[k0], '.') && p->toks.v[k0].quote < 0)
            k0++; /* (British style: the full stop outside the marks) */
        if (!(p->toks.v[k0].flags & INGEST_TOKF_SENT_START))
            return false;
        npi = pi;
    }
    n = &x->paras[npi];
    const struct ingest_tok *t = n->toks.v + k0;
    if (n->toks.n < k0 + 4 || t[0].quote >= 0)
        return false;
    size_t nt = n->toks.n - k0; /* tokens from the frame on */
    size_t name_at = 0; /* the token the name must start at */
    bool by_np = true;  /* the name is the phrase there, titles and all */
    if (ingest_tok_ieq(n->s, &t[0], "so") && TOK_IN(n->s, &t[1], so_cues)) {
        name_at = 2; /* "So said X, a fellow at ..." */
    } else if (!TOK_IN(n->s, &t[0], demos) || !TOK_IN(n->s, &t[1], bes)) {
        return false;
    } else if (ingest_tok_is(n->s, &t[2], "how")) {
        if (!FIRST_SENT_HAS(n, k0, k0 + 3, descs))
            return false;
        name_at = 3;
        by_np = false;
        /* ("That is how pharmacist Ann Roe remembers it": past a lower-case
         * role before the name) */
        while (name_at < 6 && name_at + 1 < nt && (t[name_at].flags & INGEST_TOKF_LOWER) &&
               t[name_at].quote < 0 && !TOK_IN(n->s, &t[name_at], function_words) &&
               !TOK_IN(n->s, &t[name_at], descs))
            name_at++;
    } else if (nt > 5 && ingest_tok_is(n->s, &t[2], "the") && TOK_IN(n->s, &t[3], nouns) &&
               TOK_IN(n->s, &t[4], froms)) {
        name_at = 5;
    } else {
        /* "That was Kendra Oyelaran, a setter ..., speaking after a match",
         * "That was Ann Roe, a county clerk, who said ..." */
        bool who = false;
        for (size_t k = 3; k + 1 < nt && t[k].sent == t[0].sent && !who; k++)
            who = ingest_tok_is(n->s, &t[k], "who") && TOK_IN(n->s, &t[k + 1], who_cues);
        if (!who && !FIRST_SENT_HAS(n, k0, k0 + 3, speaking))
            return false;
        name_at = 2;
    }
    struct subj np = {k0 + name_at, k0 + name_at + 1, false};
    if (by_np) {
        np = subject_right(n, k0 + name_at, false);
        if (np.b <= np.a)
            return false;
    }
    name_at += k0;
    t = n->toks.v; /* (absolute token numbers from here) */
    /* the next paragraph's own mention list is set when its turn comes */
    const struct ingest_ents *en = x->ents;
    for (size_t mi = mention_lower(en, npi, t[k0].start); mi < en->n_m && en->m[mi].para == npi;
         mi++) {
        const struct ingest_mention *m = &en->m[mi];
        size_t a = tok_at_byte(n, m->start);
        if (a >= k0 + 12 || t[a].sent != t[k0].sent)
            return false;
        if (m->in_quote)
            continue;
        enum entity_type ty = en->v[m->entity].type;
        if (ty != ENTITY_PERSON && ty != ENTITY_ORGANIZATION)
            continue;
        if (a < name_at || a >= np.b || (!by_np && a != name_at))
            return false;
        size_t e = a;
        while (e < n->toks.n && t[e].start < m->end)
            e++;
        struct attr at = {0};
        subject_resolve(x, npi, by_np ? np : (struct subj){a, e, false}, &at);
        if (at.speaker < 0)
            return false;
        *out = at;
        out->cue = NULL;
        return true;
    }
    return false;
}

/* True when quotation q follows a comma inside its sentence with no cue
 * there ("She credits the engineers because, to her, “...”"): set off like
 * a full quotation, yet what the sentence's subject holds. */
static bool comma_in_sentence(const struct ingest_para *p, const struct qinfo *q)
{
    const struct ingest_tok *t = p->toks.v;
    return !q->starts_sentence && q->tq0 > 1 && t[q->tq0 - 1].quote < 0 &&
           is_punct(&t[q->tq0 - 1], ',') && t[q->tq0 - 2].quote < 0;
}

/* Kind: a quotation that stands as its own sentence or follows ", :" or its cue
 * is full; one woven into reported speech is partial. */
static enum quote_kind kind_of(const struct ingest_para *p, const struct qinfo *q)
{
    const struct ingest_tok *t = p->toks.v;
    if (q->starts_sentence)
        return QUOTE_FULL;
    if (q->tq0 == 0)
        return QUOTE_FULL;
    const struct ingest_tok *b = &t[q->tq0 - 1];
    if (b->quote >= 0)
        return QUOTE_FULL;
    if (is_punct(b, ':') || is_punct(b, ','))
        return QUOTE_FULL;
    size_t len;
    bool cue_before = cue_at(p, q->tq0 - 1, &len) != NULL;
    if (cue_before && span_words(p, q) >= 5) {
        const struct ingest_tok *e = &t[q->tq1];
        if (e->kind == INGEST_TOK_PUNCT && (e->ch == '.' || e->ch == '!' || e->ch == '?'))
            return QUOTE_FULL;
    }
    return QUOTE_PARTIAL;
}

#define LIST_SORTED(l) ingest_words_sorted((l), sizeof(l) / sizeof *(l))

/* True when every cue fits its bucket (cue_buckets_build drops the rest
 * silently) and the index encoding (10 bits of entry, length above). */
static bool cue_table_fits(void)
{
    uint8_t n[26][CUE_WORD_MAX + 1] = {{0}};
    if (sizeof cues / sizeof *cues >= 1024)
        return false;
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++) {
        unsigned l = (unsigned)(cues[c].words[0] - 'a');
        size_t wl = cue_first_len(cues[c].words);
        if (l >= 26 || wl > CUE_WORD_MAX || ++n[l][wl] > CUE_BUCKET_MAX)
            return false;
    }
    return true;
}

bool ingest_quotes_lists_sorted(void)
{
    return cue_table_fits() && LIST_SORTED(determiners) && LIST_SORTED(locatives) && LIST_SORTED(group_quantifiers) && LIST_SORTED(naming_nouns) &&
           LIST_SORTED(naming_adverbs) && LIST_SORTED(asking_cues) && LIST_SORTED(org_parts) &&
           LIST_SORTED(address_words) && LIST_SORTED(self_words) && LIST_SORTED(namings) &&
           LIST_SORTED(pronouns_other) && LIST_SORTED(clause_stops) && LIST_SORTED(aux_adverbs) &&
           LIST_SORTED(lead_drops) && LIST_SORTED(function_words) && LIST_SORTED(prepositions) &&
           LIST_SORTED(relatives) && LIST_SORTED(possessives) && LIST_SORTED(name_particles) &&
           LIST_SORTED(clause_openers) && LIST_SORTED(cue_bases) && LIST_SORTED(base_subjects) &&
           LIST_SORTED(noun_markers) && LIST_SORTED(aside_openers) && LIST_SORTED(time_words) &&
           LIST_SORTED(desc_modifiers) && LIST_SORTED(companion_nouns) &&
           LIST_SORTED(role_nouns) && LIST_SORTED(unnamed_roles) &&
           LIST_SORTED(fronted_subordinators) && LIST_SORTED(rank_words) &&
           LIST_SORTED(thing_verbs) && LIST_SORTED(work_nouns) && LIST_SORTED(business_nouns) &&
           LIST_SORTED(institution_nouns) && LIST_SORTED(part_openers) &&
           LIST_SORTED(collective_nouns) && LIST_SORTED(subordinators) &&
           LIST_SORTED(passive_aux) && LIST_SORTED(agent_participles) &&
           LIST_SORTED(document_nouns) && LIST_SORTED(org_units) && LIST_SORTED(access_participles) &&
           LIST_SORTED(framing_nouns) && LIST_SORTED(verb_auxiliaries) &&
           LIST_SORTED(author_participles) && LIST_SORTED(stating_writings) &&
           LIST_SORTED(campus_heads) && LIST_SORTED(group_counts) && LIST_SORTED(source_heads) &&
           LIST_SORTED(inner_cues) && LIST_SORTED(aspect_verbs) &&
           LIST_SORTED(perceived_participles) && LIST_SORTED(perceived_aux) &&
           LIST_SORTED(message_nouns) && LIST_SORTED(sending_verbs) &&
           LIST_SORTED(office_joiners) &&
           LIST_SORTED(indefinites) && LIST_SORTED(commitment_verbs) &&
           LIST_SORTED(display_verbs) && LIST_SORTED(listener_verbs);
}

/* The person an interview is with when no answer has been attributed yet: the
 * first person named in the body before paragraph pi, outside quotations (the
 * introduction names them: "Maren Dahl's sixth novel ... We spoke to the
 * author"). Bounded to 64 mentions; -1 when none. */
static int32_t interview_subject(const struct ctx *x, int32_t pi)
{
    const struct ingest_ents *e = x->ents;
    size_t i = mention_lower(e, 0, 0);
    for (size_t steps = 0; i < e->n_m && steps < 64; steps++, i++) {
        const struct ingest_mention *m = &e->m[i];
        if (m->para >= pi)
            break;
        if (m->para >= 0 && !m->in_quote && e->v[m->entity].type == ENTITY_PERSON)
            return m->entity;
    }
    return -1;
}

/* The article's one byline author, a person; -1 when there is none or more
 * than one (a joint byline does not say which of them asked). */
static int32_t sole_author(const struct ingest_ents *e)
{
    int32_t who = -1;
    for (size_t i = 0; i < e->n; i++) {
        if (!e->v[i].is_author || e->v[i].type != ENTITY_PERSON)
            continue;
        if (who >= 0)
            return -1;
        who = (int32_t)i;
    }
    return who;
}

/* "“What did you do the first night?” I asked": in an interview write-up the
 * first person who asks is the reporter of the byline. Only an asking cue,
 * or a question after a sentence of the reporter's without a cue ("I started
 * with the question ... . “...?”"), counts: "“Can you ...?”, I said, “Give me
 * three years”" inside a Q&A answer is the interviewee's "I". Sets the
 * speaker of an attribution whose subject is the bare "I" and that names
 * nobody yet; leaves anything else alone. */
static void asker_is_author(const struct ctx *x, int32_t pi, struct qinfo *q)
{
    const struct attr *at = &q->at;
    if (!at->found || at->speaker >= 0 || at->subj_para < 0 || at->subj_b - at->subj_a != 1)
        return;
    const struct ingest_para *sp = &x->paras[at->subj_para];
    if (sp->s[at->subj_a] != 'I')
        return;
    const struct ingest_para *p = &x->paras[pi];
    const struct ingest_qspan *span = &p->spans[p->toks.v[q->tq0].quote];
    bool question = qspan_is_question(p, span);
    bool asking = at->cue && ingest_word_in(asking_cues, sizeof asking_cues / sizeof *asking_cues,
                                            at->cue->words, strlen(at->cue->words));
    if (asking || (question && !at->cue))
        q->at.speaker = sole_author(x->ents);
}

/* "EB: ... I told them, “...”": in a Q&A answer line whose label is a
 * person's initials (two or three capitals, each opening a word of exactly
 * one person's name), the bare "I" of the line's cue is that person. Sets
 * the speaker of an attribution to "I" in paragraph pi that names nobody. */
static void labelled_i(const struct ctx *x, int32_t pi, struct qinfo *q)
{
    const struct attr *at = &q->at;
    const struct ingest_para *p = &x->paras[pi];
    size_t ll;
    if (!at->found || at->speaker >= 0 || at->subj_para != pi || at->subj_b - at->subj_a != 1 ||
        p->s[at->subj_a] != 'I' || !ingest_transcript_label(p->s, p->n, &ll) || ll < 2 || ll > 3 ||
        p->n_spans == 0 || p->spans[0].open <= ll)
        return;
    for (size_t i = 0; i < ll; i++)
        if (p->s[i] < 'A' || p->s[i] > 'Z')
            return;
    int32_t who = -1;
    const struct ingest_ents *e = x->ents;
    for (size_t k = 0; k < e->n && k < 512; k++) {
        const char *nm = e->v[k].name;
        if (e->v[k].type != ENTITY_PERSON)
            continue;
        size_t got = 0;
        bool ok = true;
        for (size_t c = 0; nm[c] && ok; c++)
            if (c == 0 || nm[c - 1] == ' ')
                ok = got < ll && nm[c] == p->s[got++];
        if (!ok || got != ll)
            continue;
        if (who >= 0)
            return; /* two people with those initials */
        who = (int32_t)k;
    }
    if (who >= 0)
        q->at.speaker = who;
}

/* A transcript line, quoted or not: "OKAFOR: No, we ..." or "Q: ...", or a
 * paragraph's first quotation right after one ("PRYCE: \"...\"", as fact checks
 * quote a debate; the label then stays outside the quotation). The label names the speaker (the person whose name or surname it spells, ignoring
 * case; "A:" is the last named speaker, "Q:" nobody named) and is cut off the
 * quotation. False when span qi opens with no label, or with one that names
 * nobody in the article. */
static bool transcript_line(struct ctx *x, int32_t pi, struct qinfo *q, size_t qi)
{
    struct ingest_para *p = &x->paras[pi];
    struct ingest_qspan *sp = &p->spans[qi];
    size_t ll, ts = ingest_transcript_label(p->s + sp->start, sp->end - sp->start, &ll);
    size_t lab = sp->start; /* where the label starts */
    bool outside = false;   /* "PRYCE: \"...\"": the label before the marks */
    /* "Reporter: “...”", "QUESTION: ...": whoever asks, named by role */
    static const char *const asker_labels[] = {"question", "questioner", "reporter"};
    bool asker = false;
    if (!ts && qi == 0 && sp->has_open && sp->open > 0 && sp->open < 48 &&
        ingest_transcript_label(p->s, p->n, &ll) == sp->open) {
        ts = sp->open;
        lab = 0;
        outside = true;
    }
    if (!ts && qi == 0 && sp->has_open && sp->open > 2 && sp->open < 16)
        for (size_t k = 0; k < sizeof asker_labels / sizeof *asker_labels && !ts; k++) {
            size_t al = strlen(asker_labels[k]);
            if (al + 2 <= sp->open && ingest_ascii_ieq(p->s, al, asker_labels[k]) &&
                p->s[al] == ':' && p->s[al + 1] == ' ' && sp->open - al - 2 <= 1) {
                ts = sp->open;
                ll = al;
                lab = 0;
                outside = true;
            }
        }
    if (!ts)
        return false;
    const char *l = p->s + lab;
    int32_t who = -1;
    bool ok = false;
    for (size_t k = 0; k < sizeof asker_labels / sizeof *asker_labels && !asker; k++)
        asker = strlen(asker_labels[k]) == ll && ingest_ascii_ieq(l, ll, asker_labels[k]);
    if (ll == 1 || asker) {
        ok = true;
        /* "A:" is whoever gave the last answer; before any, the interview's
         * subject, then the last named speaker. A person the question quoted
         * ("Q: Coun. X said ... How do you respond?") does not answer it. */
        bool answer = l[0] == 'A' && ll == 1;
        who = answer ? x->label_answerer : -1;
        if (answer && who < 0)
            who = interview_subject(x, pi);
        if (answer && who < 0)
            who = x->last_speaker;
        if (answer)
            x->label_answerer = who;
        /* "Q: ...": the unnamed interviewer's question frames the answers;
         * readers do not count it among the article's quotations */
        if (l[0] == 'Q' && ll == 1)
            q->drop = true;
    } else {
        const struct ingest_ents *e = x->ents;
        for (size_t k = 0; k < e->n && k < 512 && !ok; k++) {
            const struct ingest_ent *en = &e->v[k];
            if (en->type != ENTITY_PERSON)
                continue;
            size_t nl = strlen(en->name);
            ok = (nl == ll && ingest_ascii_ieq(l, ll, en->name)) ||
                 (nl > ll && en->name[nl - ll - 1] == ' ' &&
                  ingest_ascii_ieq(l, ll, en->name + nl - ll));
            if (ok)
                who = (int32_t)k;
        }
    }
    if (!ok)
        return false;
    q->at = (struct attr){true, NULL, pi, lab, lab + ll, who, NULL};
    q->kind = QUOTE_FULL;
    if (!outside)
        sp->start += ts;
    if (who >= 0 && ll > 1) {
        x->last_speaker = who;
        x->last_speaker_para = pi;
        x->last_speaker_byte = sp->end;
    }
    return true;
}

#define ECHO_WORDS_MAX 8   /* words of a fragment an echo may hand a speaker */
#define ECHO_AHEAD 64      /* later quotations searched for the fragment */
#define ECHO_BYTES_MAX 120 /* bytes of such a fragment (keeps the search linear) */

/* Whether the text a[0..an) occurs in b[0..bn) at word boundaries, ignoring
 * ASCII case. Linear in bn for the short fragments given (an bounded). */
static bool text_holds_words(const char *a, size_t an, const char *b, size_t bn)
{
    if (an == 0 || an > bn)
        return false;
    for (size_t i = 0; i + an <= bn; i++) {
        if (i > 0 && (isalnum((unsigned char)b[i - 1]) || (unsigned char)b[i - 1] >= 0x80))
            continue;
        size_t j = 0;
        while (j < an && tolower((unsigned char)a[j]) == tolower((unsigned char)b[i + j]))
            j++;
        if (j < an)
            continue;
        if (i + an < bn && (isalnum((unsigned char)b[i + an]) || (unsigned char)b[i + an] >= 0x80))
            continue;
        return true;
    }
    return false;
}

/* True when the subject at names a writing ("Dr. X's letter said", "The
 * letter, signed by X, said"): its author is not the last person heard, so a
 * later he/she still means whoever spoke in person. */
static bool subj_is_writing(const struct ctx *x, const struct attr *at)
{
    if (at->subj_para < 0 || at->subj_b <= at->subj_a)
        return false;
    const struct ingest_para *p = &x->paras[at->subj_para];
    size_t k = tok_at_byte(p, at->subj_b);
    if (k == 0)
        return false;
    const struct ingest_tok *w = &p->toks.v[k - 1];
    return (w->flags & INGEST_TOKF_LOWER) && TOK_IN(p->s, w, document_nouns);
}

/* True when c is a mark of the style other than the outer quotation's
 * (single when the outer is double, double when it is single) that may open
 * (open) or close (!open) a quotation nested in it. */
static bool inner_mark(uint32_t c, bool outer_single, bool open)
{
    enum ingest_qmark qm = ingest_cp_quote_mark(c);
    if (outer_single)
        return qm == (open ? INGEST_QM_DOUBLE_OPEN : INGEST_QM_DOUBLE_CLOSE) ||
               qm == INGEST_QM_DOUBLE_AMBIG;
    return qm == (open ? INGEST_QM_SINGLE_OPEN : INGEST_QM_SINGLE_CLOSE) ||
           qm == INGEST_QM_SINGLE_AMBIG;
}

/* The person named as the subject of the speech frame that ends right
 * before byte open inside quotation span sp of p: a comma or colon before
 * the inner mark, a speech verb at most four words before that ("told this
 * country,", "went on TV ... and said,"), and a person's name opening the
 * verb's sentence, behind titles at most. -1 when the words name nobody so
 * (a he/she or an "I" inside a quotation is not resolved here). Sets *name
 * to the mention and *cue to the verb (static). */
static int32_t inner_frame_speaker(const struct ctx *x, const struct ingest_para *p,
                                   const struct ingest_qspan *sp, size_t open,
                                   const struct ingest_mention **name, const char **cue)
{
    const struct ingest_tok *t = p->toks.v;
    size_t k = tok_at_byte(p, open), first = tok_at_byte(p, sp->start);
    while (k > first && t[k - 1].kind == INGEST_TOK_PUNCT &&
           ingest_cp_quote_mark(t[k - 1].ch) != INGEST_QM_NONE)
        k--; /* (an inner mark that became a token) */
    if (k <= first + 1 || !(is_punct(&t[k - 1], ',') || is_punct(&t[k - 1], ':')))
        return -1;
    size_t ce = k - 1, cs = ce;
    const char *verb = NULL;
    while (cs > first && ce - cs < 5 && !verb) {
        cs--;
        if (t[cs].kind != INGEST_TOK_WORD)
            return -1;
        for (size_t v = 0; v < sizeof inner_cues / sizeof *inner_cues && !verb; v++)
            if (ingest_tok_is(p->s, &t[cs], inner_cues[v]))
                verb = inner_cues[v];
    }
    if (!verb)
        return -1;
    size_t a = cs; /* the verb's sentence inside the quotation */
    while (a > first && !(t[a].flags & INGEST_TOKF_SENT_START))
        a--;
    for (size_t mi = 0; mi < p->n_m; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        if (m->start < t[a].start || m->end > t[cs].start ||
            x->ents->v[m->entity].type != ENTITY_PERSON)
            continue;
        size_t h = a; /* only titles before the name: it opens the sentence */
        while (h < cs && t[h].start < m->start && tok_capital(&t[h]) &&
               ((t[h].flags & INGEST_TOKF_ABBR) ||
                ingest_gaz_has(x->g, p->s + t[h].start, t[h].end - t[h].start, INGEST_GAZ_TITLE)))
            h++;
        if (t[h].start != m->start)
            return -1;
        *name = m;
        *cue = verb;
        return m->entity;
    }
    return -1;
}

/* Quotations nested in quotation span sp in the other marks, framed as a
 * named person's words ("“Senator Roe once told this country, ‘Shutdowns
 * are a failure,’ and ...”", "“Ann Roe went on TV and said, 'X.' Well
 * ...”"): readers count the inner words as that person's own quotation,
 * beside the outer one. A term in marks inside a quotation, or words framed
 * by a pronoun, stay part of the outer quotation only. Appends to out;
 * false when memory runs out. */
static bool inner_quotes(const struct ctx *x, int32_t pi, const struct ingest_qspan *sp,
                         struct ingest_qs *out)
{
    const struct ingest_para *p = &x->paras[pi];
    const char *s = p->s;
    size_t i = sp->start;
    while (i < sp->end) {
        size_t at = i;
        uint32_t c = ingest_utf8_next(s, sp->end, &i);
        if (!inner_mark(c, sp->single, true) || at == 0 || (s[at - 1] != ' ' && s[at - 1] != ':') ||
            i >= sp->end || !ingest_cp_is_alpha(ingest_cp_at(s, sp->end, i)))
            continue;
        size_t j = i, close = SIZE_MAX;
        while (j < sp->end && close == SIZE_MAX) {
            size_t b = j;
            uint32_t d = ingest_utf8_next(s, sp->end, &j);
            if (inner_mark(d, sp->single, false) && s[b - 1] != ' ' &&
                (j >= sp->end || !ingest_cp_is_alpha(ingest_cp_at(s, sp->end, j))))
                close = b;
        }
        if (close == SIZE_MAX)
            return true;
        const struct ingest_mention *m = NULL;
        const char *cue = NULL;
        int32_t who = inner_frame_speaker(x, p, sp, at, &m, &cue);
        if (who >= 0 && ingest_words_count(s + i, close - i) >= 2) {
            struct ingest_q o = {.para = pi,
                                 .start = i,
                                 .end = close,
                                 .speaker = who,
                                 .subj_para = pi,
                                 .subj_start = m->start,
                                 .subj_end = m->end,
                                 .cue = cue,
                                 .kind = ingest_cp_is_upper(ingest_cp_at(s, close, i))
                                             ? QUOTE_FULL
                                             : QUOTE_PARTIAL};
            if (!q_push(out, &o))
                return false;
        }
        i = j;
    }
    return true;
}

/* A lead that previews a later quotation: "with one parent accusing officials
 * of “hiding the ball”" ... "“... why did it feel like they were hiding the
 * ball?” said Jo Roe". A partial quotation left with nobody (not even an
 * unnamed description) whose words recur inside one later, longer quotation
 * with a speaker is that speaker's. Only the first later holder counts, and
 * only when every later holder within reach agrees. */
#define ECHO_DROP INT32_MIN /* para of a subheading quotation dropped below */

static void echo_speakers(const struct ingest_para *paras, struct ingest_qs *out)
{
    for (size_t i = 0; i < out->n; i++) {
        struct ingest_q *o = &out->v[i];
        /* "with one parent accusing officials of “...”": an indefinite
         * description that names nobody previews the person quoted later */
        bool indef = false;
        if (o->speaker < 0 && o->subj_para >= 0 && !o->speaker_lit && o->subj_end > o->subj_start) {
            const char *st = paras[o->subj_para].s + o->subj_start;
            size_t sl = o->subj_end - o->subj_start;
            indef = (sl > 4 && ingest_ascii_ieq(st, 4, "one ")) ||
                    (sl > 2 && ingest_ascii_ieq(st, 2, "a ")) ||
                    (sl > 3 && ingest_ascii_ieq(st, 3, "an "));
        }
        /* "02:12 ¶ Labour source: 'We're not expecting miracles'": a live
         * blog's entry heading quotes the entry below it telegraphically, so
         * the first later quotation holding its words gives its source */
        /* (a short description nobody in reach answered to: "Ukraine's
         * chief negotiator said Russia was “...”" before she, named, says
         * it whole; a he/she stays as resolved, and a long description,
         * "the former X and current Y", is kept as written) */
        if (!indef && o->speaker < 0 && o->subj_para >= 0 && !o->speaker_lit &&
            o->subj_end > o->subj_start + 2) {
            const char *st = paras[o->subj_para].s + o->subj_start;
            size_t sl = o->subj_end - o->subj_start, spaces = 0;
            for (size_t j = 0; j < sl; j++)
                spaces += st[j] == ' ';
            indef = spaces >= 1 && spaces <= 3;
        }
        bool heading = o->para >= 0 && paras[o->para].heading;
        if (!heading && (o->speaker >= 0 || (o->subj_para >= 0 && !indef) || o->speaker_lit ||
                         o->kind != QUOTE_PARTIAL))
            continue;
        const char *a = paras[o->para].s + o->start;
        size_t an = o->end - o->start, words = 1;
        while (an > 0 && (a[an - 1] == '.' || a[an - 1] == ',' || a[an - 1] == ' '))
            an--;
        for (size_t j = 0; j < an && words <= ECHO_WORDS_MAX; j++)
            words += a[j] == ' ';
        /* ("'Crumbs'" on a line of its own: a subheading that is one
         * quotation, one word or more, is only ever its holder's) */
        bool whole = heading && o->start <= 3 && o->end + 3 >= paras[o->para].n;
        if (whole) {
            o->speaker = -1;
            o->subj_para = -1;
            o->speaker_lit = NULL;
            o->cue = NULL;
        }
        if (words < (whole ? 1u : 2u) || words > ECHO_WORDS_MAX || an > ECHO_BYTES_MAX) {
            if (whole)
                o->para = ECHO_DROP;
            continue;
        }
        int32_t who = -1;
        size_t from = 0;
        bool clash = false, held = false;
        for (size_t k = i + 1; k < out->n && k - i <= ECHO_AHEAD && !clash; k++) {
            const struct ingest_q *h = &out->v[k];
            /* (a lead's fragment recurs inside a longer quotation; a
             * heading's may be the whole of a partial below it: "Nationals
             * leader: fund ‘a cheque with no map’" ... was “a cheque with no
             * map”) */
            if ((!heading && h->end - h->start <= an) ||
                !text_holds_words(a, an, paras[h->para].s + h->start, h->end - h->start))
                continue;
            if (heading) {
                held = h->speaker >= 0 || h->subj_para >= 0 || h->speaker_lit;
                /* (a subheading that cuts a longer quotation is a fragment) */
                if (whole && h->end - h->start > an + 2)
                    o->kind = QUOTE_PARTIAL;
                if ((h->speaker >= 0 || h->subj_para >= 0 || h->speaker_lit) && !h->subj_head) {
                    o->speaker = h->speaker;
                    o->subj_para = h->subj_para;
                    o->subj_start = h->subj_start;
                    o->subj_end = h->subj_end;
                    o->speaker_lit = h->speaker_lit;
                    o->cue = h->cue;
                }
                clash = true; /* (only the first holder; nothing more to do) */
                break;
            }
            if (h->speaker < 0 || (who >= 0 && who != h->speaker))
                clash = true;
            else if (who < 0) {
                who = h->speaker;
                from = k;
            }
        }
        /* (a subheading whose words no quotation below holds for a source
         * is a slogan or a title: "'Our gold, our future'" over "the
         * slogan “...”") */
        if (whole && !held)
            o->para = ECHO_DROP;
        /* (a heading's short term that no quotation below holds is a term) */
        if (heading && !held && words <= 3 && o->speaker < 0 && o->subj_para < 0 &&
            !o->speaker_lit)
            o->para = ECHO_DROP;
        if (clash || who < 0)
            continue;
        const struct ingest_q *h = &out->v[from];
        o->speaker = who;
        if (!h->subj_head) { /* (offsets in the other quotation's own text are not ours) */
            o->subj_para = h->subj_para;
            o->subj_start = h->subj_start;
            o->subj_end = h->subj_end;
            o->speaker_lit = h->speaker_lit;
        }
        if (!o->cue)
            o->cue = h->cue;
    }
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++)
        if (out->v[i].para != ECHO_DROP)
            out->v[kept++] = out->v[i];
    out->n = kept;
}

/* A line of a two-person exchange: a paragraph that is one quotation in
 * which the speaker talks to somebody about the two of them ("you" and "me")
 * and a short tag ("he said"), no narration. Two such lines by two people in
 * a row make a dialogue, so a bare quotation after them answers the last, as
 * a question's answer does: “You sent me home,” he said. ¶ “I sent you home
 * because you were asleep,” she said. ¶ “You were still there at two.”
 * (his). A vox pop's lines ("“You can't stop progress,” said X") speak to
 * nobody in particular and do not count. */
static bool addressed_line(const struct ingest_para *p)
{
    const struct ingest_tok *t = p->toks.v;
    size_t outside = 0;
    bool you = false, me = false;
    if (p->n_spans != 1)
        return false;
    for (size_t i = 0; i < p->toks.n; i++) {
        if (t[i].quote < 0)
            outside += t[i].kind == INGEST_TOK_WORD;
        else if (TOK_IN(p->s, &t[i], address_words))
            you = true;
        else if (TOK_IN(p->s, &t[i], self_words))
            me = true;
    }
    return you && me && outside <= 3;
}

/* True when paragraph p ends with a question mark inside its last quotation. */
static bool ends_question(const struct ingest_para *p)
{
    return p->n_spans && qspan_is_question(p, &p->spans[p->n_spans - 1]);
}

/* The person a question put in paragraph p is addressed to, who answers it
 * on the next bare line (its mention); NULL when it names nobody. Two shapes:
 * - a question in marks that ends by calling someone by name (“How did you
 *   pay for it, Ms. Roe?”): that person, named inside its last quotation
 *   right before the question mark, when not its speaker `asker`;
 * - a question reported without marks (“Vale asked whether Roe had ever
 *   ...”, “Vale asked Roe why ...”): the first person named after the asking
 *   verb at token v, within six tokens, other than the asker. */
static const struct ingest_mention *addressee_of(const struct ctx *x,
                                                const struct ingest_para *p, size_t v,
                                                int32_t asker)
{
    const struct ingest_tok *t = p->toks.v;
    if (v == SIZE_MAX) {
        if (!ends_question(p))
            return NULL;
        const struct ingest_qspan *ls = &p->spans[p->n_spans - 1];
        for (size_t mi = 0; mi < p->n_m; mi++) {
            const struct ingest_mention *m = &p->m[mi];
            size_t b = tok_at_byte(p, m->end);
            if (!m->in_quote || m->entity == asker || m->start < ls->start || b >= p->toks.n ||
                !is_punct(&t[b], '?') || t[b].end + 4 < ls->end ||
                x->ents->v[m->entity].type != ENTITY_PERSON)
                continue;
            size_t a = tok_at_byte(p, m->start);
            while (a > 0 && tok_capital(&t[a - 1]) && t[a - 1].quote >= 0)
                a--; /* the title: "Ms.", "Senator" */
            if (a > 0 && t[a - 1].kind != INGEST_TOK_WORD && is_punct(&t[a - 1], '.'))
                a--; /* (an abbreviation's full stop) */
            if (a > 0 && is_punct(&t[a - 1], ','))
                return m;
        }
        return NULL;
    }
    for (size_t mi = 0; mi < p->n_m; mi++) {
        const struct ingest_mention *m = &p->m[mi];
        if (m->start < t[v].end || m->in_quote || m->entity == asker ||
            x->ents->v[m->entity].type != ENTITY_PERSON)
            continue;
        size_t a = tok_at_byte(p, m->start);
        return a <= v + 6 && t[a].sent == t[v].sent ? m : NULL;
    }
    return NULL;
}

/* True when quotation qi of p is a press conference's question from an
 * unnamed asker ("“...?” one reporter asked"): the paragraph's only
 * quotation, a question, with an asking cue and no entity for a speaker.
 * Such a turn counts in a question-and-answer exchange, so a bare “...?”
 * two paragraphs later is the reporters' again, not the answerer's. */
static bool unnamed_question(const struct ingest_para *p, const struct qinfo *qs, size_t qi)
{
    const struct attr *a = &qs[qi].at;
    return p->n_spans == 1 && a->speaker < 0 && a->cue && ends_question(p) &&
           ingest_word_in(asking_cues, sizeof asking_cues / sizeof *asking_cues, a->cue->words,
                          strlen(a->cue->words));
}

/* True when mention m of p sits inside span sp as the person talked about,
 * not the one talked to: no comma right before or after it ("Marlene will
 * come around", not "Thanks, Marlene" or "Marlene, listen"). */
static bool named_as_third(const struct ingest_para *p, const struct ingest_mention *m,
                           const struct ingest_qspan *sp)
{
    const struct ingest_tok *t = p->toks.v;
    if (!m->in_quote || m->start < sp->start || m->end > sp->end)
        return false;
    size_t a = tok_at_byte(p, m->start), b = tok_at_byte(p, m->end);
    return a < p->toks.n && !(a > 0 && is_punct(&t[a - 1], ',')) &&
           !(b < p->toks.n && is_punct(&t[b], ','));
}

/* "“Marlene will come around. She always does,” she said": a he/she that
 * resolved to a person the quotation itself names in the third person
 * means somebody else, the person of that sex named before them. Leaves
 * q->at as it is when the subject is no he/she or nobody else fits. */
static void speaker_named_inside(struct ctx *x, int32_t pi, struct qinfo *q,
                                 const struct ingest_qspan *sp)
{
    const struct attr *a = &q->at;
    if (!a->found || a->speaker < 0 || a->subj_para < 0)
        return;
    const struct ingest_para *spp = &x->paras[a->subj_para];
    size_t k = tok_at_byte(spp, a->subj_a);
    if (k >= spp->toks.n || spp->toks.v[k].full_end != a->subj_b)
        return;
    int gender = TOK_IN(spp->s, &spp->toks.v[k], pronouns_m)   ? 1
                 : TOK_IN(spp->s, &spp->toks.v[k], pronouns_f) ? 2
                                                               : 0;
    if (gender == 0)
        return;
    const struct ingest_para *p = &x->paras[pi];
    bool named = false;
    for (size_t mi = 0; mi < p->n_m && !named; mi++)
        named = p->m[mi].entity == a->speaker && named_as_third(p, &p->m[mi], sp);
    if (!named)
        return;
    x->pron_skip = a->speaker;
    int32_t alt = pronoun_resolve(x, a->subj_para, a->subj_a, gender);
    x->pron_skip = -1;
    if (alt >= 0)
        q->at.speaker = alt;
}

int ingest_quotes_attribute(struct ingest_para *paras, size_t n_paras,
                            const struct ingest_ents *ents, const struct ingest_gaz *g,
                            struct ingest_qs *out)
{
    struct ctx x = {paras,        n_paras,      ents, g, -1, -1, 0, NULL, {-1, -1, -1},
                    {-1, -1, -1}, NULL,         0,    -1, -1, -1, -1, out, -1, false};
    x.pron_gender = ents->n ? calloc(ents->n, 1) : NULL;
    if ((ents->n && !x.pron_gender) || !ctx_names_build(&x)) {
        ctx_clear(&x);
        return INGEST_ERR_NOMEM;
    }
    struct cue_buckets buckets;
    cue_buckets_build(&buckets);
    struct qinfo *qs = NULL;
    size_t qcap = 0;
    struct attr carry = {0}; /* the speaker a quote-only next paragraph continues */
    bool carry_ok = false;
    int32_t carry_para = -1;
    size_t pend_from = SIZE_MAX; /* first unattributed part of an open multi-paragraph quote */
    struct works_seen works = {0};
    /* the last two paragraphs that were one attributed quotation each, for a
     * question-and-answer exchange: [0] the older */
    struct xturn {
        struct attr at;
        int32_t para;
        bool question;
        bool alt;      /* itself a bare line the exchange gave its speaker */
        bool address; /* a line that speaks to the other: “You sent me home,” he said. */
    } xch[2] = {{.para = -1}, {.para = -1}};

    for (size_t pi = 0; pi < n_paras; pi++) {
        struct ingest_para *p = &paras[pi];
        const struct ingest_tok *t = p->toks.v;
        size_t first_out = out->n;
        if (p->n_spans > qcap) {
            size_t cap = p->n_spans;
            struct qinfo *nq = realloc(qs, cap * sizeof *nq);
            if (!nq) {
                free(qs);
                ctx_clear(&x);
                return INGEST_ERR_NOMEM;
            }
            qs = nq;
            qcap = cap;
        }
        if (p->n_spans)
            memset(qs, 0, p->n_spans * sizeof *qs);
        {
            size_t m0 = mention_lower(ents, (int32_t)pi, 0), m1 = m0;
            while (m1 < ents->n_m && ents->m[m1].para == (int32_t)pi)
                m1++;
            p->m = ents->m ? ents->m + m0 : NULL;
            p->n_m = m1 - m0;
        }
        if (cues_index(p, &buckets)) {
            free(qs);
            ctx_clear(&x);
            return INGEST_ERR_NOMEM;
        }
        /* token ranges of the spans */
        for (size_t i = 0; i < p->toks.n; i++) {
            int32_t qi = t[i].quote;
            if (qi < 0)
                continue;
            if (!qs[qi].has_tokens) {
                qs[qi].has_tokens = true;
                qs[qi].tq0 = i;
            }
            qs[qi].tq1 = i;
        }
        for (size_t qi = 0; qi < p->n_spans; qi++) {
            struct qinfo *q = &qs[qi];
            if (!q->has_tokens) {
                q->drop = true;
                continue;
            }
            /* starts its sentence: nothing but other quotations before it */
            bool st = true;
            for (size_t k = q->tq0; k > 0 && q->tq0 - k < CUE_WINDOW; k--) {
                if (t[k - 1].sent != t[q->tq0].sent)
                    break;
                if (t[k - 1].quote < 0 && !is_punct(&t[k - 1], '(') &&
                    !ingest_cp_is_dash(t[k - 1].ch)) {
                    st = false;
                    break;
                }
            }
            q->starts_sentence = st;
            if (transcript_line(&x, (int32_t)pi, q, qi))
                continue;
            if (p->spans[qi].label) {
                q->drop = true; /* "CLARIFICATION: ...": a label, but nobody's */
                continue;
            }
            attribute_one(&x, (int32_t)pi, qs, qi);
            speaker_named_inside(&x, (int32_t)pi, q, &p->spans[qi]);
            asker_is_author(&x, (int32_t)pi, q);
            labelled_i(&x, (int32_t)pi, q);
            q->kind = kind_of(p, q);
            /* (the byline's "I" is no he/she of the quotations after it) */
            if (q->at.found && q->at.speaker >= 0 && ents->v[q->at.speaker].type == ENTITY_PERSON &&
                !ents->v[q->at.speaker].is_author && !subj_is_writing(&x, &q->at)) {
                x.last_speaker = q->at.speaker;
                x.last_speaker_para = (int32_t)pi;
                x.last_speaker_byte = p->spans[qi].end;
                int sx = ents->v[q->at.speaker].gender;
                if (sx == 0 && x.pron_gender)
                    sx = x.pron_gender[q->at.speaker];
                if (sx == 1 || sx == 2) {
                    x.sex_speaker[sx] = q->at.speaker;
                    x.sex_speaker_para[sx] = (int32_t)pi;
                }
            }
        }
        /* a vox pop: every quotation of the paragraph is the signer's */
        struct subj sig;
        if (p->n_spans > 1 && para_signature(p, &sig)) {
            struct attr sat = {0};
            subject_resolve(&x, (int32_t)pi, sig, &sat);
            sat.cue = NULL;
            for (size_t qi = 0; qi < p->n_spans; qi++)
                if (!qs[qi].drop && qs[qi].has_tokens && !p->spans[qi].label)
                    qs[qi].at = sat;
        }
        /* quotations of the paragraph without a cue: the speaker of a neighbour.
         * One pass each way keeps this linear in the number of quotations. */
        size_t next_found = p->n_spans;
        for (size_t qi = p->n_spans; qi > 0; qi--) {
            struct qinfo *q = &qs[qi - 1];
            q->next_found = next_found;
            if (q->at.found && !q->drop && q->starts_sentence)
                next_found = qi - 1;
        }
        size_t last_found = p->n_spans, last_full = p->n_spans;
        bool alternated = false; /* took its speaker from the exchange, not a name */
        for (size_t qi = 0; qi < p->n_spans; qi++) {
            struct qinfo *q = &qs[qi];
            if (q->drop)
                continue;
            if (q->at.found) {
                last_found = qi;
                if (q->kind != QUOTE_PARTIAL)
                    last_full = qi;
                continue;
            }
            if (!q->starts_sentence && q->kind == QUOTE_PARTIAL)
                continue;
            if (!q->starts_sentence && q->tq0 > 0 && is_punct(&t[q->tq0 - 1], ':') &&
                t[q->tq0 - 1].quote < 0) {
                /* "X is rolling out a new message: “...”": the clause's subject */
                sentence_subject(&x, (int32_t)pi, q, true);
                if (q->at.found) {
                    q->inherited = true;
                    continue;
                }
            }
            /* “...” standing alone ¶ "That was the view of X": a name the
             * next paragraph gives it outranks any speaker carried over */
            if (qi == 0 && q->starts_sentence && p->spans[0].open < 4 &&
                !p->spans[0].continued && qspan_is_question(p, &p->spans[0]) &&
                prev_para_subject(&x, (int32_t)pi, true, &q->at))
                ; /* "X also asked about Y. ¶ “...?” ¶ “...,” Z said" */
            else if (qi == 0 && q->starts_sentence && p->spans[0].open < 4 &&
                     next_para_names(&x, (int32_t)pi, q, &q->at))
                ;
            else if (q->starts_sentence && last_full < p->n_spans &&
                     qspan_is_question(p, &p->spans[last_full]) &&
                     prev_sentence_subject(&x, (int32_t)pi, q->tq0, &q->at))
                ; /* "When a reporter asked, “...?”, Roe paused before replying. “...”" */
            else if (q->starts_sentence && prev_sentence_attr(&x, (int32_t)pi, q->tq0, &q->at))
                ; /* "..., Petrova said. “We would be digging ...”" */
            else if (q->starts_sentence && last_full < p->n_spans)
                q->at = qs[last_full].at; /* “...,” X said after Y described “...” “...” */
            else if (last_found < p->n_spans)
                q->at = qs[last_found].at;
            else if (q->starts_sentence && q->next_found < p->n_spans)
                q->at = qs[q->next_found].at;
            else if (qi == 0 && p->n_spans == 1 && p->spans[0].open < 4 && q->starts_sentence &&
                     !p->spans[0].continued && xch[1].para == (int32_t)pi - 1 &&
                     xch[0].para == (int32_t)pi - 2 &&
                     (xch[0].question || xch[1].question || xch[1].alt ||
                      (xch[0].address && xch[1].address)) &&
                     (xch[0].at.speaker >= 0 || ends_question(p)) &&
                     (xch[1].at.speaker >= 0 || xch[1].question) &&
                     xch[0].at.speaker != xch[1].at.speaker)
            {
                q->at = xch[0].at; /* “...?” X asked. ¶ “...,” Y replied. ¶ “...?” (X again) */
                alternated = true;
            }
            else if (qi == 0 && carry_ok && carry_para == (int32_t)pi - 1 &&
                     ((p->spans[0].open < 4 && q->starts_sentence) || topic_label(&x, (int32_t)pi, q)))
                q->at = carry; /* (also "On the pitch: “...”" in a run of excerpts) */
            else if (q->starts_sentence)
                prev_sentence_subject(&x, (int32_t)pi, q->tq0, &q->at);
            if (!q->at.found && q->starts_sentence)
                next_para_names(&x, (int32_t)pi, q, &q->at);
            if (!q->at.found && qi == 0 && q->starts_sentence && p->spans[0].open < 4 &&
                !p->spans[0].continued)
                prev_para_subject(&x, (int32_t)pi, false, &q->at);
            q->inherited = q->at.found;
            asker_is_author(&x, (int32_t)pi, q); /* "I started with the question. “...?”" */
        }
        for (size_t qi = 0; qi < p->n_spans; qi++)
            if (!qs[qi].drop)
                lede_source_named(&x, (int32_t)pi, &qs[qi].at);
        /* a quotation over several paragraphs: once a later part is attributed,
         * the earlier unattributed parts get the same speaker */
        if (p->n_spans && p->spans[0].continued && qs[0].at.found && pend_from < first_out) {
            for (size_t k = pend_from; k < first_out; k++) {
                struct ingest_q *o = &out->v[k];
                if (o->speaker >= 0 || o->subj_para >= 0 || o->cue)
                    continue;
                o->speaker = qs[0].at.speaker;
                o->cue = qs[0].at.cue ? qs[0].at.cue->words : NULL;
                o->subj_para = qs[0].at.subj_para;
                o->subj_start = qs[0].at.subj_a;
                o->subj_end = qs[0].at.subj_b;
            }
        }
        if (!(p->n_spans && p->spans[0].continued))
            pend_from = SIZE_MAX;
        for (size_t qi = 0; qi < p->n_spans; qi++)
            if (!qs[qi].drop)
                renamed_source(&x, (int32_t)pi, &qs[qi]);
        /* emit */
        carry_ok = false;
        size_t named_end = SIZE_MAX; /* last token of the last span dropped as a name */
        for (size_t qi = 0; qi < p->n_spans; qi++) {
            struct qinfo *q = &qs[qi];
            if (q->drop)
                continue;
            size_t words = span_words(p, q);
            /* "a memoir titled “Les deux rives” — “The Two Banks” —": a
             * title-case span set off right after a name is its gloss */
            if (named_end != SIZE_MAX && q->tq0 == named_end + 2 && t[named_end + 1].quote < 0 &&
                (ingest_cp_is_dash(t[named_end + 1].ch) || is_punct(&t[named_end + 1], '(')) &&
                (title_case_span(p, q) || gloss_closed(p, q, words) ||
                 paren_gloss(p, q, named_end + 1, words))) {
                named_end = q->tq1;
                continue;
            }
            if (work_title(p, q)) {
                works_note(&works, p, &p->spans[qi]);
                named_end = q->tq1;
                continue;
            }
            if (works_has(&works, p, &p->spans[qi]) && title_case_span(p, q))
                continue; /* a work named before, met again */
            /* "X's claim that “...”", also before a cue of the whole sentence:
             * "X's claim that wind “killed jobs” is false, officials said" */
            if (!q->at.found || (q->kind == QUOTE_PARTIAL && !q->adjacent && !q->by_cue_after))
                owner_claim(&x, (int32_t)pi, q);
            /* "Every awkward question is answered with a reference to
             * “fiscal space”": a short partial whose only cue is a passive
             * one naming nobody is as good as unattributed */
            if (q->passive && q->at.found && q->at.speaker < 0 && q->at.subj_para < 0 &&
                q->kind == QUOTE_PARTIAL && words <= 3 && (t[q->tq0].flags & INGEST_TOKF_LOWER))
                q->at.found = false; /* (a capitalised verdict stays: was rated “Mostly True”) */
            if (!q->at.found) {
                /* unattributed: drop what has the shape of a scare quote or a title;
                 * a cue-less partial quote goes to the person the sentence is about */
                /* (a live blog's entry heading keeps its short quotation for
                 * echo_speakers, which drops it unless a quotation below
                 * holds its words: "Beijing: drills are 'stern warning'") */
                if (title_case_span(p, q) ||
                    (q->kind == QUOTE_PARTIAL && words <= 3 && !p->heading && scare_shaped(p, q)))
                    continue;
                if (q->kind == QUOTE_PARTIAL || comma_in_sentence(p, q))
                    sentence_subject(&x, (int32_t)pi, q, false);
                /* a term in marks: three words or fewer with no cue and nobody
                 * the sentence is about ("held in a “holding account”") */
                if (!q->at.found && q->kind == QUOTE_PARTIAL && words <= 3 && !p->heading)
                    continue;
            }
            if (q->at.found && !q->adjacent && words <= 3) {
                /* a short span modifying a noun after it: “damage control” operation */
                size_t k = q->tq1 + 1;
                if (!span_closes_phrase(p, q) && k < p->toks.n && p->toks.v[k].quote < 0 &&
                    p->toks.v[k].kind == INGEST_TOK_WORD &&
                    (p->toks.v[k].flags & INGEST_TOKF_LOWER) &&
                    !TOK_IN(p->s, &p->toks.v[k], function_words) &&
                    !TOK_IN(p->s, &p->toks.v[k], determiners) && !cue_at(p, k, &(size_t){0}) &&
                    !(q->tq0 > 0 && TOK_IN(p->s, &p->toks.v[q->tq0 - 1], verb_auxiliaries)) &&
                    !infinitive_span(p, q) && !prepositional_span(p, q) &&
                    !verb_span_before_participle(p, q) &&
                    !paired_epithet(p, q))
                    continue; /* (before a determiner it is a verb: would “own” any shutdown;
                               * after an auxiliary too: had “hollowed out” towns) */
                /* a short title-case span a cue attributes is a name-calling
                 * or a verdict ("dismissed ... as “Pure Fantasy”",
                 * "judged ... “Not Credible.”"); works went above (work_title) */
            }
            if (span_is_name(p, q, words)) {
                named_end = q->tq1;
                continue;
            }
            struct ingest_q o = {0};
            o.para = (int32_t)pi;
            o.start = p->spans[qi].start;
            o.end = p->spans[qi].end;
            o.kind = q->kind;
            o.speaker = q->at.found ? q->at.speaker : -1;
            o.subj_para = q->at.found ? q->at.subj_para : -1;
            o.subj_start = q->at.subj_a;
            o.subj_end = q->at.subj_b;
            o.cue = q->at.found && q->at.cue ? q->at.cue->words : NULL;
            if (!q_push(out, &o) || !inner_quotes(&x, (int32_t)pi, &p->spans[qi], out)) {
                free(qs);
                ctx_clear(&x);
                return INGEST_ERR_NOMEM;
            }
            if (q->at.found) {
                carry = q->at;
                carry_ok = true;
                carry_para = (int32_t)pi;
            }
        }
        /* (a line of several quotations counts when one speaker has them all:
         * "“...,” she said. “...?”") */
        bool one_voice = p->n_spans >= 1 && p->spans[p->n_spans - 1].closed;
        for (size_t qi = 0; qi < p->n_spans && one_voice; qi++)
            one_voice = !qs[qi].drop && qs[qi].at.found &&
                        (qs[qi].at.speaker >= 0 || unnamed_question(p, qs, qi)) &&
                        qs[qi].at.speaker == qs[0].at.speaker;
        if (one_voice) {
            const struct ingest_qspan *ls = &p->spans[p->n_spans - 1];
            xch[0] = xch[1];
            xch[1].at = qs[0].at;
            xch[1].para = (int32_t)pi;
            xch[1].question = qspan_is_question(p, ls);
            xch[1].alt = alternated;
            xch[1].address = addressed_line(p);
            /* “How did you pay for it, Ms. Roe?”: the one called by name
             * answers on the next bare line, as if she had spoken just before */
            const struct ingest_mention *to =
                xch[1].question && qs[0].at.speaker >= 0
                    ? addressee_of(&x, p, SIZE_MAX, qs[0].at.speaker)
                    : NULL;
            if (to)
                xch[0] = (struct xturn){
                    .at = {true, NULL, (int32_t)pi, to->start, to->end, to->entity, NULL},
                    .para = (int32_t)pi - 1};
            if (xch[1].question && qs[0].at.cue && qs[0].at.speaker >= 0 &&
                strcmp(qs[0].at.cue->words, "asked") == 0) {
                x.asker = qs[0].at.speaker;
                x.asker_para = (int32_t)pi;
                x.answerer = xch[0].para >= (int32_t)pi - 3 ? xch[0].at.speaker : -1;
            }
        } else if (p->n_spans == 0 && p->toks.n > 3) {
            /* "Brennan then asked whether the minister had ...": a question
             * reported without marks is the interviewer's turn, so a bare
             * “...?” after the answer to it is the interviewer's again */
            static const char *const ask_verbs[] = {"asked", "pressed", "queried"};
            static const char *const ask_objects[] = {"about", "how",  "if",  "what",
                                                      "when",  "whether", "why"};
            const struct ingest_ents *e = x.ents;
            size_t mi = mention_lower(e, (int32_t)pi, 0);
            /* (the asker's titles may come first: "Defence lawyer X asked") */
            size_t before = 0;
            while (mi < e->n_m && e->m[mi].para == (int32_t)pi && before < 3 &&
                   before < p->toks.n && t[before].start < e->m[mi].start &&
                   t[before].kind == INGEST_TOK_WORD && t[before].quote < 0)
                before++;
            if (mi < e->n_m && e->m[mi].para == (int32_t)pi &&
                e->m[mi].start == t[before].start && !e->m[mi].in_quote &&
                e->v[e->m[mi].entity].type == ENTITY_PERSON) {
                size_t z = tok_at_byte(p, e->m[mi].start);
                while (z + 1 < p->toks.n && t[z + 1].start < e->m[mi].end)
                    z++;
                size_t v = z + 1;
                if (v < p->toks.n && (t[v].flags & INGEST_TOKF_LOWER) && !TOK_IN(p->s, &t[v], ask_verbs))
                    v++; /* "then", "also" */
                if (v + 1 < p->toks.n && TOK_IN(p->s, &t[v], ask_verbs) &&
                    (TOK_IN(p->s, &t[v + 1], ask_objects) || person_starts_at(&x, p, v + 1))) {
                    /* "X asked whether Roe had ...": Roe answers the next
                     * bare line, as if she had spoken just before */
                    const struct ingest_mention *to =
                        addressee_of(&x, p, v, e->m[mi].entity);
                    if (to)
                        xch[0] = (struct xturn){
                            .at = {true, NULL, (int32_t)pi, to->start, to->end, to->entity, NULL},
                            .para = (int32_t)pi - 1};
                    else
                        xch[0] = xch[1];
                    xch[1].at = (struct attr){true, NULL, (int32_t)pi, e->m[mi].start,
                                              e->m[mi].end, e->m[mi].entity, NULL};
                    xch[1].para = (int32_t)pi;
                    xch[1].question = true;
                    xch[1].alt = false;
                    xch[1].address = false;
                }
            }
        }
        /* an unattributed quotation left open at the end starts (or extends) a chain */
        if (p->n_spans && !p->spans[p->n_spans - 1].closed && !qs[p->n_spans - 1].at.found &&
            out->n > first_out) {
            if (pend_from == SIZE_MAX)
                pend_from = out->n - 1;
        } else if (!(p->n_spans && !p->spans[p->n_spans - 1].closed)) {
            pend_from = SIZE_MAX;
        }
        /* "X said:" at the end of a paragraph introduces the next one */
        if (!carry_ok && p->toks.n >= 2 && is_punct(&t[p->toks.n - 1], ':')) {
            size_t k = p->toks.n - 1, len;
            for (size_t j = k; j > 0 && k - j < 8; j--) {
                const struct cue *c = cue_at(p, j - 1, &len);
                if (c) {
                    struct attr a = {0};
                    size_t sa, sb;
                    sentence_bounds(p, j - 1, &sa, &sb);
                    if (attr_from_cue(&x, (int32_t)pi, j - 1, len, c, sa, false, &a, NULL)) {
                        carry = a;
                        carry_ok = true;
                        carry_para = (int32_t)pi;
                    }
                    break;
                }
            }
            /* "Roe made the following comment:": the subject of the clause */
            struct subj cs;
            size_t sa, sb;
            sentence_bounds(p, k - 1, &sa, &sb);
            if (!carry_ok && clause_subject(&x, (int32_t)pi, sa, k, &cs)) {
                struct attr a = {0};
                subject_resolve(&x, (int32_t)pi, cs, &a);
                if (a.speaker >= 0) {
                    carry = a;
                    carry.cue = NULL;
                    carry_ok = true;
                    carry_para = (int32_t)pi;
                }
            }
        }
        /* "It's worth reading in full:": a paragraph that ends with a colon
         * and names nobody introduces a speech by the one person the
         * paragraph before it names (outside quotations) */
        if (!carry_ok && pi > 0 && p->n_spans == 0 && p->toks.n >= 2 &&
            is_punct(&t[p->toks.n - 1], ':')) {
            int32_t who = -1;
            size_t wa = 0, wb = 0;
            bool one = true;
            for (size_t i = 0; i < p->n_m && one; i++)
                if (ents->v[p->m[i].entity].type == ENTITY_PERSON)
                    one = false;
            const struct ingest_para *o = &paras[pi - 1];
            for (size_t i = 0; i < o->n_m && one; i++) {
                const struct ingest_mention *m = &o->m[i];
                if (m->in_quote || ents->v[m->entity].type != ENTITY_PERSON)
                    continue;
                if (who >= 0 && who != m->entity)
                    one = false;
                who = m->entity;
                wa = m->start;
                wb = m->end;
            }
            if (one && who >= 0) {
                carry = (struct attr){.found = true, .speaker = who, .subj_para = (int32_t)pi - 1,
                                      .subj_a = wa, .subj_b = wb};
                carry_ok = true;
                carry_para = (int32_t)pi;
            } else if (one && who < 0 && carry_para == (int32_t)pi - 1 && carry.found &&
                       carry.speaker >= 0 && ents->v[carry.speaker].type == ENTITY_PERSON) {
                /* ("“...,” he said. ¶ Excerpts from the press conference:"
                 * names nobody outside its quotations: their speaker) */
                carry_ok = true;
                carry_para = (int32_t)pi;
            }
        }
        /* the named subject of the paragraph's last reporting verb outside
         * quotations ("..., noted KXTV's Jane Roe.") is who a he/she in the
         * next quotation most likely means */
        if (!carry_ok && p->n_spans == 0) {
            x.pron_learn_off = true;
            cue_subject_note(&x, (int32_t)pi);
            x.pron_learn_off = false;
        }
        /* a bare line of an exchange names nobody: a he/she after it still
         * means the last speaker named (the witness, not the questioner) */
        if (alternated && x.last_speaker >= 0)
            x.last_speaker_para = (int32_t)pi;
        else if (carry_ok && carry.speaker >= 0 && ents->v[carry.speaker].type == ENTITY_PERSON &&
                 !ents->v[carry.speaker].is_author && !subj_is_writing(&x, &carry)) {
            x.last_speaker = carry.speaker;
            x.last_speaker_para = (int32_t)pi;
            x.last_speaker_byte = p->n;
        }
    }
    echo_speakers(paras, out);
    free(qs);
    ctx_clear(&x);
    return 0;
}
