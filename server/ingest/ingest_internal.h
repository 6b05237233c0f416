/* ingest_internal.h: what the files of server/ingest/ share and nobody else sees:
 * UTF-8 and character-class helpers and the tokenizer (text.c), the page-structure
 * stage (structure.c), dates (date.c), gazetteers (gazetteer.c), entities
 * (entities.c) and quotes (quotes.c). pipeline.c glues them into ingest_run. */
#ifndef NEWSD_INGEST_INTERNAL_H
#define NEWSD_INGEST_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "newsd/ingest.h"
#include "newsd/model.h"
#include "newsd/util.h"

#include <stdlib.h>
#include <string.h>

/* Internal status: 0 ok, -1 out of memory. Every stage below uses it. */
#define INGEST_ERR_NOMEM (-1)

/* ---- text.c: UTF-8 and characters ------------------------------------------ */

/* Decodes the code point at s[*i] (i < n) and advances *i past it. Input that is
 * not valid UTF-8 yields U+FFFD and advances one byte, so it never reads past n. */
uint32_t ingest_utf8_next_wide(const char *s, size_t n, size_t *i);
static inline uint32_t ingest_utf8_next(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    return ingest_utf8_next_wide(s, n, i);
}
/* Start of the code point that ends just before byte i (i > 0). */
size_t ingest_utf8_prev(const char *s, size_t i);
/* The code point just before byte i, or 0 at the start. */
uint32_t ingest_cp_before(const char *s, size_t i);
/* Whether s holds a lower-case word of four letters or more: running text,
 * no title-case headline (where a quoted word between capitals is no
 * nickname). */
bool ingest_has_long_lower_word(const char *s, size_t n);
/* The end of the capitalised word (letters, "-", ".", an apostrophe before a
 * capital) from byte a of s, a full stop after it left out; a when none
 * starts there. */
size_t ingest_cap_word_end(const char *s, size_t n, size_t a);
/* Whether the capitalised word ending at byte se of s ends a name: no
 * capitalised word follows it after a space ("Campbell," "Campbell said"). */
bool ingest_cap_word_ends_name(const char *s, size_t n, size_t se);
/* The code point at byte i, or 0 at or past n. */
uint32_t ingest_cp_at(const char *s, size_t n, size_t i);
/* Number of code points in the n bytes at s (valid UTF-8 assumed). */
size_t ingest_cp_count(const char *s, size_t n);

bool ingest_cp_is_space(uint32_t c);
/* Character classes beyond ASCII (the inline versions below handle ASCII). */
bool ingest_cp_is_alpha_wide(uint32_t c);
bool ingest_cp_is_upper_wide(uint32_t c);
bool ingest_cp_is_lower_wide(uint32_t c);
bool ingest_cp_is_wordch_wide(uint32_t c);

static inline bool ingest_cp_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}
static inline bool ingest_cp_is_upper(uint32_t c)
{
    return c < 0x80 ? (c >= 'A' && c <= 'Z') : ingest_cp_is_upper_wide(c);
}
static inline bool ingest_cp_is_lower(uint32_t c)
{
    return c < 0x80 ? (c >= 'a' && c <= 'z') : ingest_cp_is_lower_wide(c);
}
static inline bool ingest_cp_is_alpha(uint32_t c)
{
    return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : ingest_cp_is_alpha_wide(c);
}
/* Letters, digits and combining marks: what words are made of. */
static inline bool ingest_cp_is_wordch(uint32_t c)
{
    return c < 0x80 ? (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'))
                    : ingest_cp_is_wordch_wide(c);
}
/* Apostrophe-like marks that may sit inside a word: ' and U+2019. */
bool ingest_cp_is_apos(uint32_t c);
/* Dashes used as separators: - (only when spaced), en dash, em dash, bar. */
bool ingest_cp_is_dash(uint32_t c);

/* Quote-mark classes by shape alone (context decides the role of " and '). */
enum ingest_qmark {
    INGEST_QM_NONE = 0,
    INGEST_QM_DOUBLE_OPEN,  /* U+201C, U+201E, U+00AB */
    INGEST_QM_DOUBLE_CLOSE, /* U+201D, U+00BB */
    INGEST_QM_DOUBLE_AMBIG, /* U+0022, U+201F */
    INGEST_QM_SINGLE_OPEN,  /* U+2018, U+201A, U+2039 */
    INGEST_QM_SINGLE_CLOSE, /* U+2019, U+203A */
    INGEST_QM_SINGLE_AMBIG, /* U+0027 */
};
enum ingest_qmark ingest_cp_quote_mark(uint32_t c);

/* Cleans raw text: CR and CRLF and Unicode line separators become \n, every other
 * space-like or control character becomes a space, zero-width characters and soft
 * hyphens go, runs of spaces collapse, and each line is trimmed. Quote marks are
 * kept as written. Appends to out; false when memory runs out. */
bool ingest_text_normalize(const char *s, size_t n, struct buf *out);

/* Number of words (runs of letters or digits) in the n bytes at s. */
size_t ingest_words_count(const char *s, size_t n);
/* The capitals of s/n when it has no small letter ("TROMSØ": 6), else 0. */
size_t ingest_caps_only(const char *s, size_t n);

/* ASCII case-insensitive comparisons of n bytes at s with the string lit. */
bool ingest_ascii_ieq(const char *s, size_t n, const char *lit);
bool ingest_ascii_iprefix(const char *s, size_t n, const char *lit);
/* Case-insensitive (ASCII) substring search; returns the offset or (size_t)-1. */
size_t ingest_ascii_ifind(const char *s, size_t n, const char *lit);
/* True when the word s/len, lower-cased (ASCII), is in the sorted list of n
 * lower-case words (binary search). */
bool ingest_word_in(const char *const *sorted, size_t n, const char *s, size_t len);
/* True when the list is strictly sorted by strcmp (the word lists must be). */
bool ingest_words_sorted(const char *const *list, size_t n);
bool ingest_text_lists_sorted(void);
bool ingest_quotes_lists_sorted(void);
bool ingest_entities_lists_sorted(void);
bool ingest_headline_lists_sorted(void);
/* Bit 7 set in each byte of w that is zero. Exact for the lowest zero byte
 * (only a zero byte borrows, so nothing below the first one is marked). */
static inline uint64_t ingest_zero_bytes(uint64_t w)
{
    return (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
}

/* The offset of the first byte at or after i (i <= n) that is a, b or c, or (with
 * high) 0x80 or more; n when there is none. Tests 8 bytes a step: for scanners
 * that look for a few marks in long plain text. Inline, so that constant
 * arguments fold. */
static inline size_t ingest_bytes_find3(const char *s, size_t n, size_t i, unsigned char a,
                                        unsigned char b, unsigned char c, bool high)
{
    const unsigned char *p = (const unsigned char *)s;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL;
    for (; i < n && n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, sizeof w);
        uint64_t hit = ingest_zero_bytes(w ^ a * ones) | ingest_zero_bytes(w ^ b * ones) |
                       ingest_zero_bytes(w ^ c * ones) | (high ? w & 0x80 * ones : 0);
        if (hit) /* the lowest marked byte is the first one sought */
            return i + (size_t)__builtin_ctzll(hit) / 8;
    }
#endif
    for (; i < n; i++)
        if (p[i] == a || p[i] == b || p[i] == c || (high && p[i] >= 0x80))
            return i;
    return n;
}
/* Exact substring search; returns the offset or (size_t)-1. */
size_t ingest_bytes_find(const char *s, size_t n, const char *lit);
/* Exact comparison of n bytes with a NUL-terminated string. Byte by byte,
 * without strlen, and inline: most calls test a token against a word it is
 * not and stop at the first byte (2.8 million calls per 1,000 articles, most
 * through ingest_tok_is), so the call was the larger part of the cost. */
static inline bool ingest_bytes_eq(const char *s, size_t n, const char *lit)
{
    for (size_t i = 0; i < n; i++)
        if (lit[i] == '\0' || lit[i] != s[i])
            return false;
    return lit[n] == '\0';
}

/* Forward-only byte -> code point offset translation for one string: asking for
 * byte positions in ascending order costs O(length) in total. */
struct ingest_cp_cursor {
    const char *s;
    size_t n;
    size_t byte;
    int64_t cp;
};
void ingest_cp_cursor_init(struct ingest_cp_cursor *c, const char *s, size_t n);
/* Code point offset of byte position b; b below the previous call restarts. */
int64_t ingest_cp_cursor_at(struct ingest_cp_cursor *c, size_t b);

/* ---- text.c: tokens ---------------------------------------------------------- */

enum ingest_tok_kind { INGEST_TOK_WORD = 0, INGEST_TOK_NUM, INGEST_TOK_PUNCT };

#define INGEST_TOKF_CAP 0x01        /* first letter upper case */
#define INGEST_TOKF_ALLCAPS 0x02    /* two or more letters, none lower case */
#define INGEST_TOKF_SENT_START 0x04 /* first word of a sentence or of a quotation */
#define INGEST_TOKF_ABBR 0x08       /* word ends with a period that belongs to it */
#define INGEST_TOKF_POSS 0x10       /* possessive 's / ’s was cut off the end */
#define INGEST_TOKF_LOWER 0x20      /* first letter lower case */

struct ingest_tok {
    size_t start, end; /* bytes in the text (end excludes a possessive 's) */
    size_t full_end;   /* end including the possessive */
    uint32_t ch;       /* PUNCT: its code point */
    uint8_t kind;
    uint8_t flags;
    int32_t quote; /* index of the quotation holding it, -1 outside */
    int32_t sent;  /* sentence number within the text */
};

struct ingest_toks {
    struct ingest_tok *v;
    size_t n, cap;
};

/* A quotation span inside one paragraph, in bytes. */
struct ingest_qspan {
    size_t open;       /* byte of the opening mark (or text start when none) */
    size_t start, end; /* the quoted words, trimmed */
    size_t close_end;  /* byte after the closing mark (end of paragraph when unclosed) */
    bool closed;
    bool has_open;  /* false for a quote that continues from the previous paragraph */
    bool continued; /* continues a quotation left open at the previous paragraph's end */
    bool single;    /* in single marks (‘A’, 'A'): ingest_qspans_single */
    bool label;     /* no marks: a transcript line "NAME: ..." (kept only when NAME
                     * is somebody named in the article) */
};

/* Tokenizes the n bytes at s. spans (sorted, non-overlapping, may be NULL) mark
 * which tokens sit inside which quotation; quote marks themselves are no tokens.
 * Sentence numbers count boundaries outside quotations. Replaces out's content;
 * false when memory runs out. */
bool ingest_toks_build(const char *s, size_t n, const struct ingest_qspan *spans, size_t n_spans,
                       struct ingest_toks *out);
void ingest_toks_clear(struct ingest_toks *t);

/* True when the word token t (in s) equals lit exactly / ignoring ASCII case. */
static inline bool ingest_tok_is(const char *s, const struct ingest_tok *t, const char *lit)
{
    return ingest_bytes_eq(s + t->start, t->end - t->start, lit);
}
bool ingest_tok_ieq(const char *s, const struct ingest_tok *t, const char *lit);

/* ---- gazetteer.c -------------------------------------------------------------- */

/* Gazetteer classes. A word list entry is a set member; a name entry maps each
 * of its spellings to a canonical name and an entity type. */
enum ingest_gaz_class {
    INGEST_GAZ_PLACE = 1,  /* countries, cities, states, regions */
    INGEST_GAZ_ORG,        /* organisations */
    INGEST_GAZ_TITLE,      /* person titles: "President", "Secretary" */
    INGEST_GAZ_TITLE_MOD,  /* words that build titles: "Defense", "Prime" */
    INGEST_GAZ_DEMONYM,    /* "French", "European" */
    INGEST_GAZ_STOPCAP,    /* capitalised words that are not names */
    INGEST_GAZ_NOT_ENTITY, /* acronyms and words never entities: GDP, CEO */
    INGEST_GAZ_ORG_WORD,   /* words that end organisation names: "Department" */
    INGEST_GAZ_GIVEN_MALE, /* first names */
    INGEST_GAZ_GIVEN_FEMALE,
    INGEST_GAZ_PLACE_WORD, /* words that end place names: "Sea", "Valley" */
    INGEST_GAZ_CLASSES
};

struct ingest_gaz_entry {
    const char *key;   /* spelling, as in the embedded text (not NUL-terminated) */
    const char *canon; /* canonical spelling */
    uint16_t key_len;
    uint16_t canon_len;
    uint8_t cls;
    uint8_t fold; /* key is matched ignoring ASCII case */
};

/* The open-addressed hash table over the data files, generated at build time
 * (tools/gen_gazetteer.py): read-only, shared by every run. */
struct ingest_gaz {
    const struct ingest_gaz_entry *slots;
    size_t cap;
    size_t used;
    unsigned shift; /* 64 - log2(cap): a hash's top bits pick the slot */
};

/* Points g at the generated table; always 0 (the signature keeps room for a
 * table built at run time). */
int ingest_gaz_load(struct ingest_gaz *g);
void ingest_gaz_clear(struct ingest_gaz *g);
/* The entry of class cls for the n bytes at s, or NULL. */
const struct ingest_gaz_entry *ingest_gaz_find(const struct ingest_gaz *g, const char *s, size_t n,
                                               enum ingest_gaz_class cls);
/* True when s/n is in class cls. */
bool ingest_gaz_has(const struct ingest_gaz *g, const char *s, size_t n, enum ingest_gaz_class cls);
/* As ingest_gaz_find, but ASCII case never counts, whatever the list says:
 * for names written in capitals ("DAR ES SALAAM" is "Dar es Salaam"). */
const struct ingest_gaz_entry *ingest_gaz_find_nocase(const struct ingest_gaz *g, const char *s,
                                                      size_t n, enum ingest_gaz_class cls);

/* ---- date.c ------------------------------------------------------------------- */

enum ingest_date_kind {
    INGEST_DATE_NONE = 0,
    INGEST_DATE_PLAIN,
    INGEST_DATE_PUBLISHED,
    INGEST_DATE_UPDATED
};

/* When the line s/n is a date line (a date with optional time and zone, plus only
 * words like "Updated", "Published", weekday names and separators), writes the
 * ISO 8601 form to iso (size >= 32): "2026-03-04T18:12:00-05:00" when a time and
 * a known zone are given, else "2026-03-04". Returns the kind, NONE otherwise. */
enum ingest_date_kind ingest_date_line_parse(const char *s, size_t n, char *iso, size_t cap);

/* ---- structure.c ------------------------------------------------------------- */

/* What the page-structure stage finds. Strings are owned. */
struct ingest_doc {
    char *title, *subtitle, *section, *dateline, *published_at;
    struct strv authors;
    struct strv paragraphs;
    struct strv extra; /* removed closing lines, still scanned for entities */
    char *masthead;    /* an unlisted site's name above its navigation, or NULL */
};
void ingest_doc_clear(struct ingest_doc *d);

/* Splits clean (normalised) raw page text into d. 0, INGEST_ERR_NOMEM. */
int ingest_structure_parse(const char *text, size_t n, const struct ingest_gaz *g,
                           struct ingest_doc *d);
/* Title + body form: title as given, body split on blank lines. */
int ingest_structure_from_parts(const char *title, const char *body, size_t body_len,
                                const struct ingest_gaz *g, struct ingest_doc *d);
/* The dateline at the start of paragraph p ("WASHINGTON —"), as a new string in
 * *out (NULL when none). 0 or INGEST_ERR_NOMEM. */
int ingest_dateline_find(const char *p, size_t n, const struct ingest_gaz *g, char **out);
/* Parses a "By A, B and C" line (or part of one) into authors; returns the count
 * added, or INGEST_ERR_NOMEM. Names that are organisations are skipped. */
int ingest_byline_parse(const char *s, size_t n, const struct ingest_gaz *g, struct strv *authors);

/* ---- entities.c --------------------------------------------------------------- */

/* One mention of an entity in a paragraph (bytes), for the quote stage. */
struct ingest_mention {
    int32_t para;
    size_t start, end;
    int32_t entity;
    bool in_quote;
};

struct ingest_ent {
    char *name;
    enum entity_type type;
    struct strv aliases, titles;
    int64_t mentions;
    int gender; /* 0 unknown, 1 male, 2 female */
    bool is_author;
    size_t first_pos; /* order of first appearance */
};

struct ingest_ents {
    struct ingest_ent *v;
    size_t n, cap;
    struct ingest_mention *m; /* sorted by paragraph and start */
    size_t n_m, cap_m;
};
void ingest_ents_clear(struct ingest_ents *e);

/* Paragraph text with its tokens and quotation spans, shared by the stages. */
struct ingest_para {
    const char *s;
    size_t n;
    struct ingest_qspan *spans;
    size_t n_spans;
    bool ends_open; /* pipeline.c: ends inside a quotation that may go on in the next */
    bool heading;   /* pipeline.c: a live blog's entry heading, quoting as a headline does */
    struct ingest_toks toks;
    int16_t *cue;                   /* quotes.c: cue table entry per token (-1 none), owned */
    const struct ingest_mention *m; /* quotes.c: this paragraph's mentions (borrowed) */
    size_t n_m;
};

/* Finds entities in the paragraphs (and in title, subtitle, dateline, authors and
 * the extra lines of doc) and their mentions in paragraphs. 0 or NOMEM. */
/* True for a lower-case noun naming a kind of organisation ("company",
 * "union", "carmaker"): "the company said" stands for one named before. */
bool ingest_org_noun(const char *s, size_t n);
/* True for an organisation name of two words or more ending in a company word
 * ("Halcyon Pharmaceuticals", "Keystone Allied Energy Corp."). */
bool ingest_company_name(const char *name);
int ingest_entities_find(const struct ingest_doc *doc, struct ingest_para *paras, size_t n_paras,
                         const struct ingest_gaz *g, struct ingest_ents *out);

/* ---- quotes.c ------------------------------------------------------------------ */

/* Finds the quotation spans of paragraph p (double marks; multi-paragraph
 * continuation via *open_carry, which is true on return when the paragraph ends
 * inside an open quotation). Replaces *spans (owned, free()). 0 or NOMEM. */
int ingest_qspans_find(const char *p, size_t n, bool *open_carry, struct ingest_qspan **spans,
                       size_t *n_spans);

/* Removes from spans (in place) the nicknames quoted inside a name, as in
 * Thomas "Tam" Ruddock: one capitalised word in double marks between a given
 * name of g and another capitalised word. They are part of the name, no
 * quotation. Linear in the number of spans. */
void ingest_qspans_drop_nicknames(const char *p, size_t n, const struct ingest_gaz *g,
                                  struct ingest_qspan *spans, size_t *n_spans);

/* Adds the single-quoted spans (‘A’ or 'A', at most max_len bytes) of the n bytes
 * at p that lie outside the double-quoted spans already in *spans (sorted), keeping
 * the order. An opening mark follows a space, bracket, dash, colon or the start
 * and precedes a letter or digit; a closing one follows a non-space and precedes
 * a space, punctuation or the end, so apostrophes inside words (don't, U.N.'s)
 * and a plural possessive with no opening mark (aides') are no quotation marks.
 * With need_cue (body text, where single marks are mostly apostrophes or scare
 * quotes), a span is kept only with a reporting verb within four words of it
 * ("‘A,’ she said", "said: ‘A’"). With open_end (the next paragraph opens
 * with a single mark: a quotation over several paragraphs), a quotation left
 * open at the end is kept, unclosed. Linear in n. Replaces *spans (owned,
 * free()). 0 or NOMEM. */
/* True for a noun of speech an owner governs: "X's claim that ...". */
bool ingest_claim_noun(const char *s, size_t n);
/* The marks in p that may open a single-quoted quotation (house style test). */
size_t ingest_single_opens_count(const char *p, size_t n);
int ingest_qspans_single(const char *p, size_t n, size_t max_len, bool need_cue, bool open_end,
                         struct ingest_qspan **spans, size_t *n_spans);

/* The cue-table entry (static words: "says", "according to") at token i of tk
 * (text s), compared ignoring ASCII case (headlines capitalise every word), or
 * NULL; *len gets its length in tokens. A word after a possessive or a
 * determiner is a noun ("Trump's Claims"), no cue. */
const char *ingest_cue_is_at(const char *s, const struct ingest_toks *tk, size_t i, size_t *len);

/* A transcript speaker label at the start of the n bytes at s: "PENCE: ",
 * "MIKE PENCE: ", "Q: ", "A: " (capitals, up to three words, then a colon and a
 * space). Returns the offset of the words after it and sets *label_len, or
 * returns 0 when there is none. */
size_t ingest_transcript_label(const char *s, size_t n, size_t *label_len);

/* A quote before it becomes a struct quote. */
struct ingest_q {
    int32_t para;
    size_t start, end;           /* bytes in the paragraph */
    int32_t speaker;             /* entity index, -1 none */
    size_t subj_start, subj_end; /* speaker as written, bytes in subj_para */
    int32_t subj_para;           /* -1 when none */
    const char *speaker_lit;     /* speaker_text when not a span ("he" resolved...) */
    const char *cue;             /* static */
    enum quote_kind kind;
    bool subj_head; /* subj offsets are in the quote's own head text */
    bool subj_one;  /* head only: the subject as written is one holder by role
                       or a place ("Perth miner", "agency chief", "Ghana"), no
                       group ("Riders", "Campaigners") */
};

struct ingest_qs {
    struct ingest_q *v;
    size_t n, cap;
};

/* ---- headline.c ---------------------------------------------------------------- */

/* Finds the quotations of the headline or subtitle s (part QUOTE_IN_TITLE or
 * QUOTE_IN_SUBTITLE; headline style quotes in single marks too) and their
 * speakers from headline cues: "X: ... 'Q'", "X says ... 'Q'", "'Q', X says", or
 * a person who opens the headline as its subject. Titles of works ("X's 'Film'",
 * "clip of 'Show'") are dropped. Appends to out with para = part, start/end in
 * bytes of s. 0 or NOMEM. */
int ingest_quotes_head(const char *s, int part, const struct ingest_ents *ents,
                       const struct ingest_gaz *g, struct ingest_qs *out);

/* Attributes the quotation spans of all paragraphs: cue, speaker, kind; drops
 * scare quotes and titles. 0 or NOMEM. */
int ingest_quotes_attribute(struct ingest_para *paras, size_t n_paras,
                            const struct ingest_ents *ents, const struct ingest_gaz *g,
                            struct ingest_qs *out);

/* The people an article is most about (among its first 512 entities): the
 * most mentioned person (best), how often the next one is mentioned
 * (second), and the person named first (first); -1 when none. no_authors
 * leaves the byline's people out. quotes.c. */
struct ingest_lead {
    int32_t best, first;
    int64_t second;
};
void ingest_people_lead(const struct ingest_ents *e, bool no_authors, struct ingest_lead *out);
/* Whether l's best is the article's subject: at least four mentions and
 * half as many again as anybody else. */
bool ingest_lead_dominates(const struct ingest_ents *e, const struct ingest_lead *l);

#endif
