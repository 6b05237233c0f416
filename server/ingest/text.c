/* text.c: the character layer of ingest: UTF-8 validation and decoding, character
 * classes (letters, cases, spaces, dashes, quote marks), whitespace normalisation,
 * code point offsets and the word/punctuation tokenizer the later stages share.
 * It knows nothing about articles. */
#include "ingest_internal.h"

#include <string.h>

/* How many of the 8 bytes at p, from the first, are ASCII other than NUL (8 when
 * all are): most of a text is, so validation skips it a word at a time and
 * decodes only the rest. A byte of 0x80 or more has its high bit set, and
 * ingest_zero_bytes marks the first NUL exactly: on a little-endian machine
 * the lowest marked byte is the first bad one. Elsewhere a word with a bad
 * byte counts 0 and its bytes are decoded one by one. */
static size_t ascii8_run(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    uint64_t bad = (w & 0x8080808080808080ULL) | ingest_zero_bytes(w);
    if (!bad)
        return 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(bad) / 8;
#else
    return 0;
#endif
}

bool ingest_text_is_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    if (!s && n)
        return false;
    while (i < n) {
        if (n - i >= 8) {
            size_t run = ascii8_run(p + i);
            i += run;
            if (run == 8)
                continue;
        }
        unsigned c = p[i];
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

uint32_t ingest_utf8_next_wide(const char *s, size_t n, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = *i;
    unsigned c = p[k];
    if (c < 0x80) {
        *i = k + 1;
        return c;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || n - k < len) {
        *i = k + 1;
        return 0xFFFD;
    }
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t j = 1; j < len; j++) {
        if ((p[k + j] & 0xC0) != 0x80) {
            *i = k + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[k + j] & 0x3F);
    }
    *i = k + len;
    return cp;
}

size_t ingest_utf8_prev(const char *s, size_t i)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = i;
    /* At most three continuation bytes precede a lead byte. */
    for (int steps = 0; k > 0 && steps < 4; steps++) {
        k--;
        if ((p[k] & 0xC0) != 0x80)
            return k;
    }
    return i > 0 ? i - 1 : 0;
}

uint32_t ingest_cp_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t k = ingest_utf8_prev(s, i);
    return ingest_utf8_next(s, i, &k);
}

uint32_t ingest_cp_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    return ingest_utf8_next(s, n, &i);
}

size_t ingest_cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

bool ingest_cp_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x85;
}

/* Ranges where a capital and its small letter alternate, capital first
 * (even code point): Latin Extended-B's Romanian and Livonian letters (Ș, Ț,
 * Ȯ), Ǟ..ǯ, Ǵ, Ǹ..ǿ, Cyrillic beyond Russian (Ѡ.., Ґ.., Ӑ..), and Latin
 * Extended Additional (Vietnamese Ạ..ỹ, Welsh Ẁ, Ẃ). */
static bool ingest_cp_cased_pair(uint32_t c)
{
    return (c >= 0x1DE && c <= 0x1EF) || c == 0x1F4 || c == 0x1F5 || (c >= 0x1F8 && c <= 0x233) ||
           (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
           (c >= 0x4D0 && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1E95) ||
           (c >= 0x1EA0 && c <= 0x1EFF);
}

bool ingest_cp_is_upper_wide(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x137)
        return (c & 1) == 0;
    if (c >= 0x139 && c <= 0x148)
        return (c & 1) == 1;
    if (c >= 0x14A && c <= 0x177)
        return (c & 1) == 0;
    if (c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D)
        return true;
    if (c >= 0x1CD && c <= 0x1DC) /* pinyin tones: odd upper */
        return (c & 1) == 1;
    if (ingest_cp_cased_pair(c))
        return (c & 1) == 0;
    if (c == 0x386 || (c >= 0x388 && c <= 0x38A) || c == 0x38C || c == 0x38E || c == 0x38F)
        return true; /* Greek capitals with tonos */
    if (c >= 0x391 && c <= 0x3AB)
        return c != 0x3A2;
    if (c >= 0x400 && c <= 0x42F)
        return true;
    return c == 0x1E9E; /* capital sharp s */
}

bool ingest_cp_is_lower_wide(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF)
        return c != 0xF7;
    if (c >= 0x100 && c <= 0x137)
        return (c & 1) == 1;
    if (c == 0x138)
        return true;
    if (c >= 0x139 && c <= 0x148)
        return (c & 1) == 0;
    if (c == 0x149)
        return true;
    if (c >= 0x14A && c <= 0x177)
        return (c & 1) == 1;
    if (c == 0x17A || c == 0x17C || c == 0x17E || c == 0x17F)
        return true;
    if (c >= 0x1CD && c <= 0x1DC)
        return (c & 1) == 0;
    if (ingest_cp_cased_pair(c))
        return (c & 1) == 1;
    if (c >= 0x3AC && c <= 0x3CE)
        return true;
    if (c >= 0x430 && c <= 0x45F)
        return true;
    return false;
}

bool ingest_cp_is_alpha_wide(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xAA || c == 0xB5 || c == 0xBA)
        return true;
    if (c >= 0xC0 && c <= 0x24F)
        return c != 0xD7 && c != 0xF7;
    if (c >= 0x250 && c <= 0x2AF) /* IPA */
        return true;
    if (c >= 0x370 && c <= 0x3FF)
        return c != 0x37E && c != 0x387;
    if (c >= 0x400 && c <= 0x52F)
        return !(c >= 0x482 && c <= 0x489);
    if (c >= 0x530 && c <= 0x1FFF) /* Armenian .. Greek extended: letters mostly */
        return true;
    if (c >= 0x2C00 && c <= 0x2DFF)
        return true;
    if (c >= 0x3040 && c <= 0x9FFF) /* kana, CJK */
        return c != 0x3000;
    if (c >= 0xAC00 && c <= 0xD7AF) /* Hangul */
        return true;
    if (c >= 0xF900 && c <= 0xFAFF)
        return true;
    if (c >= 0x10000 && c <= 0x1F000)
        return true;
    if (c >= 0x20000 && c <= 0x3FFFF)
        return true;
    return false;
}

static bool cp_is_mark(uint32_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

bool ingest_cp_is_wordch_wide(uint32_t c)
{
    return ingest_cp_is_alpha(c) || ingest_cp_is_digit(c) || cp_is_mark(c);
}

bool ingest_cp_is_apos(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

bool ingest_cp_is_dash(uint32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012 || c == 0x2212;
}

enum ingest_qmark ingest_cp_quote_mark(uint32_t c)
{
    switch (c) {
    case 0x201C:
    case 0x201E:
    case 0xAB:
        return INGEST_QM_DOUBLE_OPEN;
    case 0x201D:
    case 0xBB:
        return INGEST_QM_DOUBLE_CLOSE;
    case '"':
    case 0x201F:
    case 0x2033:
        return INGEST_QM_DOUBLE_AMBIG;
    case 0x2018:
    case 0x201A:
    case 0x2039:
        return INGEST_QM_SINGLE_OPEN;
    case 0x2019:
    case 0x203A:
        return INGEST_QM_SINGLE_CLOSE;
    case '\'':
        return INGEST_QM_SINGLE_AMBIG;
    default:
        return INGEST_QM_NONE;
    }
}

/* Characters that vanish in normalisation: zero-width ones and the soft hyphen. */
static bool cp_is_invisible(uint32_t c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD ||
           c == 0x200E || c == 0x200F;
}

bool ingest_text_normalize(const char *s, size_t n, struct buf *out)
{
    size_t i = 0;
    size_t line_start = out->len;
    bool pending_space = false;
    while (i < n) {
        size_t at = i;
        uint32_t c = ingest_utf8_next(s, n, &i);
        if (c == '\r' && i < n && s[i] == '\n')
            continue; /* the \n that follows ends the line */
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) {
            if (!buf_append(out, "\n", 1))
                return false;
            line_start = out->len;
            pending_space = false;
            continue;
        }
        if (cp_is_invisible(c))
            continue;
        if (ingest_cp_is_space(c) || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            pending_space = out->len > line_start;
            continue;
        }
        if (pending_space && !buf_append(out, " ", 1))
            return false;
        pending_space = false;
        /* copy a run of plain printable ASCII at once, single spaces between
         * words included (each would set pending_space after a non-empty
         * line and be written back as one " "): a call per line, not per word */
        while (i < n) {
            unsigned char b = (unsigned char)s[i];
            if (b > 0x20 && b < 0x7F)
                i++;
            else if (b == ' ' && i + 1 < n && (unsigned char)s[i + 1] > 0x20 &&
                     (unsigned char)s[i + 1] < 0x7F)
                i += 2;
            else
                break;
        }
        if (!buf_append(out, s + at, i - at))
            return false;
    }
    return true;
}

size_t ingest_caps_only(const char *s, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = ingest_utf8_next(s, n, &i);
        if (ingest_cp_is_lower(c))
            return 0;
        caps += ingest_cp_is_upper(c);
    }
    return caps;
}

/* The ASCII letters and digits (ingest_cp_is_wordch below 0x80), as a table:
 * the word-counting loop reads it for every byte of a text. */
#define WCH2(c) [(c)] = true, [(c) + 1] = true
#define WCH8(c) WCH2(c), WCH2((c) + 2), WCH2((c) + 4), WCH2((c) + 6)
#define WCH26(c) WCH8(c), WCH8((c) + 8), WCH8((c) + 16), WCH2((c) + 24)
static const bool ascii_wordch[256] = {WCH8('0'), WCH2('8'), WCH26('A'), WCH26('a')};

size_t ingest_words_count(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t words = 0, i = 0;
    bool in = false;
    while (i < n) {
        /* most of a text is runs of ASCII letters between single spaces: those
         * are taken a byte at a time without decoding; the rest is decoded */
        if (ascii_wordch[p[i]]) {
            words += !in;
            in = true;
            do
                i++;
            while (i < n && ascii_wordch[p[i]]);
            continue;
        }
        if (p[i] == ' ') {
            in = false;
            i++;
            continue;
        }
        size_t at = i; /* i itself stays in a register */
        uint32_t c = ingest_utf8_next(s, n, &at);
        i = at;
        bool w = ingest_cp_is_wordch(c);
        if (w && !in)
            words++;
        /* an apostrophe or hyphen between letters keeps the word going, and so
         * does a separator between digits (3.5, 2,000, 10:05) */
        if (!w && in && (ingest_cp_is_apos(c) || c == '-') && i < n &&
            ingest_cp_is_wordch(ingest_cp_at(s, n, i)))
            continue;
        if (!w && in && (c == '.' || c == ',' || c == ':') && i < n && i >= 2 &&
            ingest_cp_is_digit((unsigned char)s[i - 2]) &&
            ingest_cp_is_digit(ingest_cp_at(s, n, i)))
            continue;
        in = w;
    }
    return words;
}

static unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

bool ingest_ascii_ieq(const char *s, size_t n, const char *lit)
{
    size_t i = 0;
    for (; i < n; i++) {
        unsigned char l = (unsigned char)lit[i];
        if (!l || ascii_lower((unsigned char)s[i]) != ascii_lower(l))
            return false;
    }
    return lit[i] == '\0';
}

bool ingest_ascii_iprefix(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return m <= n && ingest_ascii_ieq(s, m, lit);
}

size_t ingest_ascii_ifind(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (m == 0)
        return 0;
    if (m > n)
        return (size_t)-1;
    unsigned char first = ascii_lower((unsigned char)lit[0]);
    for (size_t i = 0; i + m <= n; i++)
        if (ascii_lower((unsigned char)s[i]) == first && ingest_ascii_ieq(s + i, m, lit))
            return i;
    return (size_t)-1;
}

size_t ingest_bytes_find(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (m == 0)
        return 0;
    for (size_t i = 0; i + m <= n;) {
        const char *p = memchr(s + i, lit[0], n - m + 1 - i);
        if (!p)
            return (size_t)-1;
        i = (size_t)(p - s);
        if (memcmp(p, lit, m) == 0)
            return i;
        i++;
    }
    return (size_t)-1;
}

void ingest_cp_cursor_init(struct ingest_cp_cursor *c, const char *s, size_t n)
{
    c->s = s;
    c->n = n;
    c->byte = 0;
    c->cp = 0;
}

int64_t ingest_cp_cursor_at(struct ingest_cp_cursor *c, size_t b)
{
    if (b > c->n)
        b = c->n;
    if (b < c->byte) {
        c->byte = 0;
        c->cp = 0;
    }
    const unsigned char *p = (const unsigned char *)c->s;
    while (c->byte < b) {
        unsigned char x = p[c->byte];
        if (x != 0 && x < 0x80 && b - c->byte >= 8) {
            /* ASCII, one code point a byte: the run from here, 8 at a time */
            size_t run = ascii8_run(p + c->byte);
            c->byte += run;
            c->cp += (int64_t)run;
            if (run > 0)
                continue;
        }
        c->cp += (x & 0xC0) != 0x80;
        c->byte++;
    }
    return c->cp;
}

/* ---- tokenizer ---------------------------------------------------------------- */

/* Words whose trailing period belongs to them (checked ignoring case). */
static const char *const abbreviations[] = {
    "adm",  "al",   "ala",  "approx", "apr",  "ariz", "ark",  "aug",  "brig", "calif",
    "capt", "cmdr", "co",   "col",    "colo", "conn", "corp", "coun", "cpl",  "dec",  "del",
    "dept", "dr",   "est",  "etc",    "feb",  "fig",  "fla",  "ft",   "ga",   "gen",
    "gov",  "govt", "hon",  "ill",    "inc",  "ind",  "jan",  "jr",   "jul",  "jun",
    "kan",  "ky",   "la",   "lt",     "ltd",  "maj",  "mar",  "mass", "md",   "messrs",
    "mich", "minn", "miss", "mmes",   "mo",   "mont", "mr",   "mrs",  "ms",   "mt",
    "neb",  "nev",  "no",   "nov",    "oct",  "okla", "ore",  "pa",   "pres", "prof",
    "pvt",  "rep",  "ret",  "rev",    "sen",  "sep",  "sept", "sgt",  "shri", "smt",  "sr",   "st",
    "ste",  "supt", "tenn", "tex",    "univ", "va",   "vs",   "vt",   "wash", "wis",
    "wyo",
};

static bool word_is_abbreviation(const char *s, size_t n)
{
    return ingest_word_in(abbreviations, sizeof abbreviations / sizeof *abbreviations, s, n);
}

/* Whether the word before "Ma" at start is a capitalised word a name can
 * end on ("founded by Jack Ma. Ant Group"), not a title ("Vice Governor
 * Ma.") or a word closed by punctuation ("By: Ma.", "in Manila. Ma."). */
static bool ma_ends_name(const char *s, size_t n, size_t start)
{
    if (start < 2 || s[start - 1] != ' ')
        return false;
    size_t e = start - 1, w = e;
    while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\n' && s[w - 1] != '\t')
        w--;
    unsigned char last = (unsigned char)s[e - 1];
    bool letter = (last | 32) >= 'a' && (last | 32) <= 'z';
    if (w == e || !ingest_cp_is_upper(ingest_cp_at(s, n, w)) || !(letter || last >= 0x80))
        return false;
    struct ingest_gaz g;
    ingest_gaz_load(&g);
    return !ingest_gaz_has(&g, s + w, e - w, INGEST_GAZ_TITLE);
}

/* "Governor Ma. Teresa Lagdameo-Ong": Filipino names shorten Maria to "Ma.",
 * which then opens a given name and a surname. "Ma" followed by a period (at
 * byte at) keeps it when it opens a name and two capitalised words follow,
 * the first no word that opens a sentence, so "founded by Jack Ma. The
 * firm" and "Jack Ma. Ant Group" still end one. */
static bool maria_abbreviation(const char *s, size_t n, size_t start, size_t at)
{
    static const char *const openers[] = {
        "a",   "after", "an",    "and", "as",   "at",    "but",  "for",  "he",  "her", "his",
        "in",  "it",    "its",   "on",  "one",  "she",   "that", "the",  "their", "then",
        "these", "they", "this", "those", "to", "we",    "when", "while",
    }; /* sorted */
    if (at != start + 2 || s[start] != 'M' || s[start + 1] != 'a' || at + 2 >= n ||
        s[at + 1] != ' ' || ma_ends_name(s, n, start))
        return false;
    size_t e1 = ingest_cap_word_end(s, n, at + 2);
    if (e1 <= at + 3 || ingest_word_in(openers, sizeof openers / sizeof *openers, s + at + 2,
                                       e1 - at - 2))
        return false;
    return e1 + 1 < n && s[e1] == ' ' && ingest_cap_word_end(s, n, e1 + 1) > e1 + 2;
}

/* The sign of strcmp(word, the len bytes at s lowered), without copying them:
 * the word lists are searched 430,000 times per 500 articles. */
static int word_cmp_lower(const char *word, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char w = (unsigned char)word[i], l = ascii_lower((unsigned char)s[i]);
        if (w != l || w == '\0')
            return w - l;
    }
    return (unsigned char)word[len];
}

bool ingest_word_in(const char *const *sorted, size_t n, const char *s, size_t len)
{
    if (len == 0 || len >= 24) /* longer than any listed word */
        return false;
    unsigned char first = ascii_lower((unsigned char)s[0]);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        /* the first byte decides most steps */
        int c = (unsigned char)sorted[mid][0] - first;
        if (c == 0 && first != '\0')
            c = word_cmp_lower(sorted[mid] + 1, s + 1, len - 1);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool ingest_words_sorted(const char *const *list, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(list[i - 1], list[i]) >= 0)
            return false;
    return true;
}

bool ingest_text_lists_sorted(void)
{
    return ingest_words_sorted(abbreviations, sizeof abbreviations / sizeof *abbreviations);
}

static bool toks_push(struct ingest_toks *t, const struct ingest_tok *k)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        if (cap > SIZE_MAX / sizeof *t->v)
            return false;
        struct ingest_tok *v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return false;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = *k;
    return true;
}

void ingest_toks_clear(struct ingest_toks *t)
{
    if (!t)
        return;
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

/* Scans one word starting at byte i (a word character) and fills k. Returns the
 * byte after it. Apostrophes and hyphens between word characters stay inside;
 * an uppercase initial or a known abbreviation keeps its period ("U.S.", "Mr."). */
static size_t scan_word(const char *s, size_t n, size_t i, struct ingest_tok *k)
{
    size_t start = i, j = i;
    bool digits_only = true;
    size_t letters = 0, uppers = 0, lowers = 0;
    uint32_t first = 0;
    for (;;) {
        size_t at = j;
        if (j >= n)
            break;
        unsigned char b = (unsigned char)s[j];
        if (ascii_wordch[b]) {
            /* an ASCII letter or digit, the usual case: as below, undecoded */
            if (!first)
                first = b;
            if (b >= 'A') {
                digits_only = false;
                letters++;
                if (b <= 'Z')
                    uppers++;
                else
                    lowers++;
            }
            j++;
            continue;
        }
        uint32_t c = ingest_utf8_next(s, n, &j);
        if (ingest_cp_is_wordch(c)) {
            if (!first)
                first = c;
            if (!ingest_cp_is_digit(c))
                digits_only = false;
            if (ingest_cp_is_alpha(c))
                letters++;
            if (ingest_cp_is_upper(c))
                uppers++;
            if (ingest_cp_is_lower(c))
                lowers++;
            continue;
        }
        uint32_t next = ingest_cp_at(s, n, j);
        if ((ingest_cp_is_apos(c) || c == '-' || c == 0x2010 || c == 0x2011) &&
            ingest_cp_is_wordch(next)) {
            /* possessive: stop before 's at the end of the word */
            if (ingest_cp_is_apos(c) && (next == 's' || next == 'S')) {
                size_t after = j + 1;
                if (!ingest_cp_is_wordch(ingest_cp_at(s, n, after))) {
                    k->end = at;
                    k->full_end = after;
                    k->flags |= INGEST_TOKF_POSS;
                    goto done;
                }
            }
            continue;
        }
        /* "Symons' barrister", "the Joneses’ house": a name ending in s
         * takes a bare apostrophe as its possessive: only a capitalised
         * word before a space and a lowercase word, so that a name goes on
         * ("the Western Governors' Association") and a single-quoted phrase
         * closing on a plural ("‘more buses’,") keeps its mark */
        if (ingest_cp_is_apos(c) && ingest_cp_is_upper(first) && letters >= 2 &&
            (s[at - 1] == 's' || s[at - 1] == 'S') && next == ' ' &&
            ingest_cp_is_lower(ingest_cp_at(s, n, j + 1))) {
            k->end = at;
            k->full_end = j;
            k->flags |= INGEST_TOKF_POSS;
            goto done;
        }
        /* number separators: 2,000 and 3.5 and 10:05 */
        if (digits_only && (c == ',' || c == '.' || c == ':') && ingest_cp_is_digit(next))
            continue;
        if (c == '.' && !digits_only) {
            size_t wl = at - start;
            bool initial = letters == 1 && uppers == 1 && wl <= 2;
            /* "U.S." / "a.m.": letter-period pairs */
            bool dotted = ingest_cp_is_alpha(next) &&
                          !ingest_cp_is_alpha(ingest_cp_at(s, n, j + 1)) && letters <= 3 &&
                          (wl == 1 || s[at - 2] == '.');
            bool prev_dotted = wl >= 3 && s[at - 2] == '.';
            /* a party tag with a dotted state: "D-N.M.", "R-W.Va.", "R-S.C." */
            bool tag = wl >= 3 && s[start + 1] == '-' && ingest_cp_is_upper(first) &&
                       ingest_cp_is_upper((unsigned char)s[at - 1]) &&
                       (s[at - 2] == '-' || s[at - 2] == '.');
            if (dotted || (tag && ingest_cp_is_upper(next))) {
                continue;
            }
            /* "R-Md.", "D-Calif.": a party tag ends with a state abbreviation;
             * "R-W.Va.": the part after the last period */
            size_t hy = wl;
            while (hy > 0 && s[start + hy - 1] != '-' && s[start + hy - 1] != '.')
                hy--;
            if (initial || prev_dotted || tag || word_is_abbreviation(s + start, wl) ||
                maria_abbreviation(s, n, start, at) ||
                (hy > 0 && word_is_abbreviation(s + start + hy, wl - hy))) {
                k->flags |= INGEST_TOKF_ABBR;
                at = j;
            }
        }
        k->end = at;
        k->full_end = at;
        goto done;
    }
    k->end = j;
    k->full_end = j;
done:
    k->start = start;
    k->kind = digits_only ? INGEST_TOK_NUM : INGEST_TOK_WORD;
    if (!digits_only) {
        if (ingest_cp_is_upper(first))
            k->flags |= INGEST_TOKF_CAP;
        else if (ingest_cp_is_lower(first))
            k->flags |= INGEST_TOKF_LOWER;
        if (letters >= 2 && lowers == 0 && uppers >= 2)
            k->flags |= INGEST_TOKF_ALLCAPS;
    }
    return k->full_end;
}

static bool cp_ends_sentence(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* The last non-space code point inside quotation span sp, or 0. */
static uint32_t span_last_cp(const char *s, const struct ingest_qspan *sp)
{
    if (sp->end <= sp->start)
        return 0;
    return ingest_cp_before(s, sp->end);
}

/* Whether s holds a lower-case word of four letters or more: running
 * text, no title-case headline ("Website Shows Bias When 'Fact-Checking'
 * Candidates", where a quoted word between capitals is no nickname). */
bool ingest_has_long_lower_word(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 < n; i++)
        if (s[i] == ' ' && s[i + 1] >= 'a' && s[i + 1] <= 'z' && s[i + 2] >= 'a' &&
            s[i + 2] <= 'z' && s[i + 3] >= 'a' && s[i + 3] <= 'z' && s[i + 4] >= 'a' &&
            s[i + 4] <= 'z')
            return true;
    return false;
}

/* The end of the capitalised word (letters, "-", ".", an apostrophe before a
 * capital) from byte a of s; a when none starts there. */
size_t ingest_cap_word_end(const char *s, size_t n, size_t a)
{
    if (a >= n || !ingest_cp_is_upper(ingest_cp_at(s, n, a)))
        return a;
    size_t e = a;
    while (e < n) {
        size_t at = e;
        uint32_t c = ingest_utf8_next(s, n, &e);
        /* letters (a closing mark ends the word), "-", ".", and an
         * apostrophe before a capital: "O'Neil" */
        if (!(ingest_cp_is_alpha(c) || c == '-' || c == '.' ||
              (c == '\'' && e < n && s[e] >= 'A' && s[e] <= 'Z'))) {
            e = at;
            break;
        }
    }
    return e > a + 1 && s[e - 1] == '.' ? e - 1 : e;
}

bool ingest_cap_word_ends_name(const char *s, size_t n, size_t se)
{
    return se >= n || !(s[se] == ' ' && se + 1 < n && ingest_cap_word_end(s, n, se + 1) > se + 1);
}

/* Whether the single mark at byte at (len bytes) opens a nickname inside a
 * name, "Oneil 'Jiggy' Francis": a capitalised word before it, one in the
 * marks, and after the closing mark and a space a capitalised word that ends
 * the name (the rule quotes.c keeps such a nickname out of the quotations
 * by). Its marks are no tokens, so the name runs on; *close gets the byte of
 * the closing mark. */
static bool nick_open_mark(const char *s, size_t n, size_t at, size_t len, size_t *close)
{
    if (at < 3 || s[at - 1] != ' ')
        return false;
    size_t a = at - 1;
    while (a > 0 && s[a - 1] != ' ')
        a--;
    size_t w = at + len, e = ingest_cap_word_end(s, n, w);
    if (a == at - 1 || ingest_cap_word_end(s, n, a) != at - 1 || e == w || e - w > 24)
        return false;
    size_t after = e;
    uint32_t c = ingest_utf8_next(s, n, &after);
    if ((c != '\'' && c != 0x2019) || after + 1 >= n || s[after] != ' ')
        return false;
    size_t se = ingest_cap_word_end(s, n, after + 1);
    if (se == after + 1 || !ingest_cap_word_ends_name(s, n, se))
        return false;
    *close = e;
    return ingest_has_long_lower_word(s, n);
}

bool ingest_toks_build(const char *s, size_t n, const struct ingest_qspan *spans, size_t n_spans,
                       struct ingest_toks *out)
{
    out->n = 0;
    size_t i = 0, si = 0;
    int32_t sent = 0;
    bool next_start = true; /* next word starts a sentence */
    bool boundary = false;  /* a sentence boundary is pending (outside quotes) */
    int32_t cur_quote = -1;
    bool prev_allcaps = false;
    bool kicker = true; /* every word so far in capitals: "THE GOP RESPONSE —" */
    size_t nick_close = SIZE_MAX; /* the closing mark of a nickname in a name */
    while (i < n) {
        /* leave / enter quotation spans by position */
        while (si < n_spans && i >= spans[si].close_end) {
            if (cur_quote == (int32_t)si) {
                cur_quote = -1;
                uint32_t last = span_last_cp(s, &spans[si]);
                if (cp_ends_sentence(last))
                    boundary = true;
            }
            si++;
        }
        if (si < n_spans && i >= spans[si].start && i < spans[si].end && cur_quote != (int32_t)si) {
            cur_quote = (int32_t)si;
            next_start = true;
        }
        size_t at = i;
        uint32_t c = ingest_utf8_next(s, n, &i);
        bool inside = si < n_spans && at >= spans[si].start && at < spans[si].end;
        /* an ASCII letter or digit (most tokens start with one) is no space
         * and no quote mark: straight to the word */
        bool ascii_word = ascii_wordch[(unsigned char)s[at]];
        if (!ascii_word) {
            if (c == ' ' || c == '\n' || ingest_cp_is_space(c))
                continue;
            enum ingest_qmark qm = ingest_cp_quote_mark(c);
            /* the marks that open and close a span (two bytes for '' and ``) */
            if (si < n_spans && !inside &&
                ((at >= spans[si].open && at < spans[si].start) ||
                 (at >= spans[si].end && at < spans[si].close_end)) &&
                (c == '\'' || c == '`' || c == '"' || (spans[si].single && qm != INGEST_QM_NONE)))
                continue;
            if ((qm == INGEST_QM_DOUBLE_OPEN || qm == INGEST_QM_DOUBLE_CLOSE ||
                 qm == INGEST_QM_DOUBLE_AMBIG) &&
                !inside)
                continue; /* a top-level mark: no token */
            if (!inside && (at == nick_close || ((c == '\'' || c == 0x2018) &&
                                                 nick_open_mark(s, n, at, i - at, &nick_close))))
                continue; /* "Oneil 'Jiggy' Francis": the name runs on */
        }
        struct ingest_tok k = {0};
        k.quote = inside ? (int32_t)si : -1;
        if (ascii_word || ingest_cp_is_wordch(c)) {
            i = scan_word(s, n, at, &k);
        } else {
            k.kind = INGEST_TOK_PUNCT;
            k.start = at;
            k.end = k.full_end = i;
            k.ch = c;
        }
        /* sentence numbering: boundaries outside quotations only */
        if (k.quote < 0 && boundary) {
            bool starts = k.kind != INGEST_TOK_PUNCT ? !(k.flags & INGEST_TOKF_LOWER) : false;
            if (starts)
                sent++;
            boundary = false;
        }
        if (k.quote >= 0 && boundary) {
            /* a new quotation right after a finished sentence starts one */
            if (k.start == spans[k.quote].start)
                sent++;
            boundary = false;
        }
        k.sent = sent;
        if (k.kind != INGEST_TOK_PUNCT) {
            if (next_start)
                k.flags |= INGEST_TOKF_SENT_START;
            next_start = false;
        } else {
            if (cp_ends_sentence(c) || c == ':' || (ingest_cp_is_dash(c) && prev_allcaps))
                next_start = true;
            if (cp_ends_sentence(c) && k.quote < 0)
                boundary = true;
            /* a capitals kicker and its dash open the paragraph: the clause
             * after it is a sentence of its own */
            if (ingest_cp_is_dash(c) && prev_allcaps && kicker && k.quote < 0)
                boundary = true;
        }
        if (k.kind != INGEST_TOK_PUNCT && !(k.flags & INGEST_TOKF_ALLCAPS) &&
            !(k.kind == INGEST_TOK_WORD && k.end - k.start == 1 && (k.flags & INGEST_TOKF_CAP)))
            kicker = false;
        prev_allcaps = (k.flags & INGEST_TOKF_ALLCAPS) != 0;
        if (!toks_push(out, &k))
            return false;
    }
    return true;
}

bool ingest_tok_ieq(const char *s, const struct ingest_tok *t, const char *lit)
{
    return ingest_ascii_ieq(s + t->start, t->end - t->start, lit);
}
