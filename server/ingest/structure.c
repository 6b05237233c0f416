/* structure.c: raw page text -> section, title, subtitle, bylines, date, dateline
 * and body paragraphs. Boilerplate is recognised by shape and position (short
 * lines without sentence punctuation around the headline block, generic site
 * phrases, glued words), never by exact strings. Quotes and entities are left to
 * quotes.c and entities.c; this file only decides which lines are the article. */
#include "ingest_internal.h"

#include <ctype.h>
#include <string.h>

enum unit_class { U_CONTENT = 0, U_BOILER, U_META };

/* One line (or joined hard-wrapped lines) of the page. */
struct unit {
    char *s;
    size_t n;
    size_t words;
    bool term;     /* ends like a sentence */
    bool short_;   /* few words and no sentence punctuation */
    bool dateline; /* starts with "CITY —" */
    bool in_block; /* follows the previous line with no blank line between */
    bool bare;     /* shaped like a byline without "By" (bare_byline_parse) */
    int cls;
};

struct units {
    struct unit *v;
    size_t n, cap;
};

static void units_clear(struct units *u)
{
    for (size_t i = 0; i < u->n; i++)
        free(u->v[i].s);
    free(u->v);
    memset(u, 0, sizeof *u);
}

void ingest_doc_clear(struct ingest_doc *d)
{
    if (!d)
        return;
    free(d->title);
    free(d->subtitle);
    free(d->section);
    free(d->dateline);
    free(d->published_at);
    free(d->masthead);
    strv_clear(&d->authors);
    strv_clear(&d->paragraphs);
    strv_clear(&d->extra);
    memset(d, 0, sizeof *d);
}

/* True when the line ends like a sentence: . ! ? … : ; possibly followed by
 * closing quote marks or brackets. */
static bool line_is_term(const char *s, size_t n)
{
    size_t i = n;
    for (int steps = 0; i > 0 && steps < 4; steps++) {
        size_t p = ingest_utf8_prev(s, i);
        uint32_t c = ingest_utf8_next(s, n, &p);
        i = ingest_utf8_prev(s, i);
        enum ingest_qmark q = ingest_cp_quote_mark(c);
        if (q == INGEST_QM_DOUBLE_CLOSE || q == INGEST_QM_DOUBLE_AMBIG ||
            q == INGEST_QM_SINGLE_CLOSE || q == INGEST_QM_SINGLE_AMBIG || c == ')' || c == ']')
            continue;
        return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';';
    }
    return false;
}

/* The bytes of a short label before a colon that opens the line ("Claim: ",
 * "The claim: "): up to three words, the first capitalised, then a colon and
 * a space; 0 without one. A fact check prints the claim it checks so. */
static size_t line_label_len(const char *s, size_t n)
{
    if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    size_t words = 1;
    for (size_t i = 1; i + 1 < n && i < 40; i++) {
        if (s[i] == ':' && s[i + 1] == ' ')
            return i + 2;
        if (s[i] == ' ' && ++words > 3)
            return 0;
        if (!(isalpha((unsigned char)s[i]) || s[i] == ' ' || s[i] == '-' || s[i] == '\''))
            return 0;
    }
    return 0;
}

/* True when the line is a signed quotation, a vox pop or an epigraph however short:
 * it opens with a double quote mark, maybe behind a short label ("Claim:"),
 * and a double mark then a dash follow later (“Too long.” ― Ann Roe;
 * Claim: “Crime has doubled.” — Ann Roe). */
static bool line_is_signed_quote(const char *s, size_t n)
{
    size_t i = line_label_len(s, n);
    enum ingest_qmark q = ingest_cp_quote_mark(ingest_utf8_next(s, n, &i));
    if (q != INGEST_QM_DOUBLE_OPEN && q != INGEST_QM_DOUBLE_AMBIG)
        return false;
    bool after_mark = false;
    while (i < n) {
        uint32_t c = ingest_utf8_next(s, n, &i);
        if (c == ' ')
            continue;
        q = ingest_cp_quote_mark(c);
        if (after_mark && ingest_cp_is_dash(c))
            return true;
        after_mark = q == INGEST_QM_DOUBLE_CLOSE || q == INGEST_QM_DOUBLE_AMBIG;
    }
    return false;
}

/* True when the line is one short quotation in single marks and nothing else,
 * a subheading that quotes the section's speaker ('Crumbs', 'A stress
 * test'): kept as a paragraph for the words it quotes, as a quoting live-blog
 * heading is. */
static bool line_is_single_quote(const char *s, size_t n)
{
    size_t i = 0, last = 0;
    enum ingest_qmark q = ingest_cp_quote_mark(ingest_utf8_next(s, n, &i));
    if (q != INGEST_QM_SINGLE_OPEN && q != INGEST_QM_SINGLE_AMBIG)
        return false;
    size_t body = i;
    bool letter = false;
    while (i < n) {
        last = i;
        uint32_t c = ingest_utf8_next(s, n, &i);
        enum ingest_qmark m = ingest_cp_quote_mark(c);
        if (i < n && m != INGEST_QM_NONE && m != INGEST_QM_SINGLE_CLOSE &&
            m != INGEST_QM_SINGLE_AMBIG)
            return false; /* another quotation inside */
        letter = letter || (c < 128 && isalpha((int)c));
    }
    enum ingest_qmark e = ingest_cp_quote_mark(ingest_utf8_next(s, n, &last));
    return letter && last == n && i > body &&
           (e == INGEST_QM_SINGLE_CLOSE || e == INGEST_QM_SINGLE_AMBIG);
}

/* Generic phrases of site furniture. A line holding one and no longer than a
 * short paragraph is boilerplate. */
static const char *const boiler_phrases[] = {
    "browser",
    "cookie",
    "javascript",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "all rights reserved",
    "\xc2\xa9",
    "click here",
    "read more",
    "read the full",
    "share this",
    "share on",
    "follow us",
    "download the app",
    "get the app",
    "skip to",
    "privacy policy",
    "terms of use",
    "terms of service",
    "listen to this article",
    "min read",
    "optimal experience",
    "not supported",
    "recommended stories",
    "more stories",
    "most read",
    "trending now",
    "watch live",
    "image source",
    "getty images",
    "ap photo",
    "photo by",
    "photograph by",
    "illustration by",
    "image credit",
    "photo credit",
    "continue reading",
    "view comments",
    "email this",
    "print this",
    "copy link",
    "link copied",
    "enable notifications",
    "related:",
    "related coverage",
    "previously on ",
    "also read:",
    "see also:",
    "read next",
    "up next",
    "this story has been",
    "this article was",
    "ad blocker",
    "register now",
    "already a member",
    "time to read",
    "reading time",
    "subscribers only",
    "market professionals",
};

/* Furniture words that news prose also uses ("who sponsored the bill", "the
 * party's newsletter", "a copyright dispute"): they mark a line as boilerplate
 * only when it does not read as a sentence (no sentence end, or under eight
 * words), as "Sponsored content" and "ADVERTISEMENT" do not. */
static const char *const boiler_prose_words[] = {
    "advertisement", "copyright", "newsletter", "paywall", "sponsored", "subscription",
};

/* A word with a lower-case run followed by an upper-case letter, like
 * "newsLiveon" or "ShareFacebook": two menu items whose space was lost. */
static bool line_has_glued_word(const char *s, size_t n)
{
    size_t i = 0;
    size_t lower_run = 0;
    bool word_start_upper = false, at_word_start = true;
    while (i < n) {
        uint32_t c = ingest_utf8_next(s, n, &i);
        if (!ingest_cp_is_alpha(c)) {
            at_word_start = true;
            lower_run = 0;
            continue;
        }
        if (at_word_start) {
            word_start_upper = ingest_cp_is_upper(c);
            at_word_start = false;
            lower_run = ingest_cp_is_lower(c) ? 1 : 0;
            continue;
        }
        if (ingest_cp_is_lower(c)) {
            lower_run++;
        } else if (ingest_cp_is_upper(c)) {
            if ((!word_start_upper && lower_run >= 4) || (word_start_upper && lower_run >= 6)) {
                uint32_t nx = ingest_cp_at(s, n, i);
                if (ingest_cp_is_lower(nx))
                    return true;
            }
            lower_run = 0;
        }
    }
    return false;
}

/* Whether line u is a row of menu links: three or more items between " | "
 * bars, each one to three words, none ending a sentence ("Home | Football |
 * Cricket | Results"). A headline with a site or section after a bar
 * ("Council votes to close libraries | Local News") has a long item. */
static bool menu_row(const struct unit *u)
{
    size_t items = 0, start = 0;
    for (size_t i = 0; i <= u->n; i++) {
        bool bar = i + 3 <= u->n && memcmp(u->s + i, " | ", 3) == 0;
        if (!bar && i < u->n)
            continue;
        size_t len = i - start;
        size_t words = ingest_words_count(u->s + start, len);
        char last = len ? u->s[i - 1] : '\0';
        if (words == 0 || words > 3 || last == '.' || last == '?' || last == '!')
            return false;
        items++;
        start = i + 3;
        i += 2;
    }
    return items >= 3;
}

static bool line_is_boiler(const struct unit *u)
{
    if (u->words == 0)
        return true;
    /* article paragraphs are long sentences: only short lines can be furniture */
    if ((u->words <= 20 || (u->words <= 30 && !u->term)) && u->n < 512) {
        /* one lower-case copy, then a fast substring search per phrase */
        char low[512];
        uint64_t bigrams[16] = {0}; /* 1024-bit set of hashed letter pairs */
        for (size_t i = 0; i < u->n; i++) {
            char c = u->s[i];
            low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            if (i) {
                unsigned h = (((unsigned char)low[i - 1] * 31u) ^ (unsigned char)low[i]) & 1023u;
                bigrams[h >> 6] |= 1ULL << (h & 63);
            }
        }
        size_t n_strong = sizeof boiler_phrases / sizeof *boiler_phrases;
        size_t n_prose = sizeof boiler_prose_words / sizeof *boiler_prose_words;
        bool prose = u->term && u->words >= 8;
        for (size_t k = 0; k < n_strong + (prose ? 0 : n_prose); k++) {
            const char *ph = k < n_strong ? boiler_phrases[k] : boiler_prose_words[k - n_strong];
            unsigned h = (((unsigned char)ph[0] * 31u) ^ (unsigned char)ph[1]) & 1023u;
            if (!(bigrams[h >> 6] & (1ULL << (h & 63))))
                continue; /* its first two letters never occur together here */
            if (ingest_bytes_find(low, u->n, ph) != (size_t)-1)
                return true;
        }
    }
    if (u->words <= 12 && line_has_glued_word(u->s, u->n))
        return true;
    return u->words <= 30 && menu_row(u);
}

/* ---- bylines ------------------------------------------------------------------ */

static const char *const name_particles[] = {
    "de",  "van", "von", "der", "den", "da", "di",  "del", "della", "la", "le",
    "bin", "ibn", "al",  "dos", "das", "du", "ter", "ten", "y",     "el", "st.",
};

static bool is_particle(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof name_particles / sizeof *name_particles; i++)
        if (ingest_bytes_eq(s, n, name_particles[i]))
            return true;
    return false;
}

/* True when every letter of s/n is a capital, two or more ("MICHAEL TRENT"). */
static bool all_caps(const char *s, size_t n)
{
    return ingest_caps_only(s, n) >= 2;
}

/* "II", "III", "IV": a generation after a name */
static bool roman_numeral(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != 'I' && s[i] != 'V' && s[i] != 'X')
            return false;
    return n > 0;
}

/* True when s/n looks like a person's name: 2..5 words, each capitalised (or a
 * particle, or an initial), and not an organisation. */
static bool is_person_name(const char *s, size_t n, const struct ingest_gaz *g)
{
    size_t words = 0, i = 0;
    if (n == 0 || n > 80)
        return false;
    if (ingest_gaz_has(g, s, n, INGEST_GAZ_ORG) || ingest_gaz_has(g, s, n, INGEST_GAZ_PLACE))
        return false;
    /* "BBC North West": an acronym among words in lower case is no name (a
     * name in capitals throughout, "ANN ROE", is) */
    bool caps_only = all_caps(s, n);
    size_t fw = 0;
    while (fw < n && s[fw] != ' ')
        fw++;
    bool first_caps = all_caps(s, fw);
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        uint32_t c = ingest_cp_at(s, n, i);
        bool ok = ingest_cp_is_upper(c) || is_particle(s + i, j - i);
        if (!ok)
            return false;
        /* ... but "Amina WAWERU" (the agency style of a surname in capitals
         * after a given name) is: a capitals word after the first, no body */
        if (!caps_only && j - i >= 3 && all_caps(s + i, j - i) && !roman_numeral(s + i, j - i) &&
            (words == 0 || first_caps || ingest_gaz_has(g, s + i, j - i, INGEST_GAZ_ORG)))
            return false;
        if (ingest_gaz_has(g, s + i, j - i, INGEST_GAZ_ORG_WORD) ||
            ingest_gaz_has(g, s + i, j - i, INGEST_GAZ_STOPCAP))
            return false;
        /* only letters, periods, apostrophes and hyphens */
        size_t k = i;
        while (k < j) {
            uint32_t d = ingest_utf8_next(s, j, &k);
            if (!ingest_cp_is_alpha(d) && d != '.' && d != '-' && !ingest_cp_is_apos(d) &&
                !(d >= 0x300 && d <= 0x36F))
                return false;
        }
        words++;
        i = j;
    }
    return words >= 2 && words <= 5;
}

static void trim_span(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == ',' || s[*a] == ';'))
        (*a)++;
    while (*b > *a) {
        char c = s[*b - 1];
        /* keep the period of a final initial ("Carol E.") */
        bool initial =
            c == '.' && *b - *a >= 3 && s[*b - 3] == ' ' && s[*b - 2] >= 'A' && s[*b - 2] <= 'Z';
        if (!initial && (c == ' ' || c == ',' || c == ';' || c == '.' || c == ':'))
            (*b)--;
        else
            break;
    }
}

/* Newsroom role nouns that end a byline's role ("Political correspondent",
 * "Asia staff writers" after two names). */
static const char *const desk_nouns[] = {
    "columnist", "columnists", "correspondent", "correspondents", "editor",   "editors",
    "journalist", "journalists", "producer",     "producers",      "reporter", "reporters",
    "sketchwriter", "writer", "writers",
}; /* sorted */

/* Capitalised words that open a newsroom role after a name and that the
 * gazetteer's title words lack ("Tomasz Hale Political correspondent"). */
static const char *const desk_mods[] = {
    "assistant", "associate", "business", "diplomatic", "economics", "political",
    "politics",  "science",   "social",   "sports",     "staff",     "weather",
}; /* sorted */

/* Start of the word that ends at b (s[b-1] is its last byte). */
static size_t word_start_before(const char *s, size_t a, size_t b)
{
    while (b > a && s[b - 1] != ' ')
        b--;
    return b;
}

/* "Ann Roe Political correspondent", "Ann Roe Fox News": cuts a newsroom role
 * (a role noun at the end and up to three lower-case or role words before it)
 * or a listed organisation of up to three words off the end of the span
 * s[a..*b), keeping two words or more. */
static void byline_tail_cut(const char *s, size_t a, size_t *b, const struct ingest_gaz *g)
{
    if (ingest_words_count(s + a, *b - a) < 3)
        return;
    size_t w = word_start_before(s, a, *b);
    if (ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, s + w, *b - w)) {
        size_t cut = w;
        /* a role noun in lower case has its beat before it, whatever the word
         * ("Transport correspondent", "Courts reporter") */
        bool beat = !ingest_cp_is_upper(ingest_cp_at(s, *b, w));
        for (int k = 0; k < 3 && cut > a + 1; k++) {
            size_t e = cut - 1; /* the space before the role so far */
            size_t v = word_start_before(s, a, e);
            if (v <= a)
                break;
            bool mod =
                !ingest_cp_is_upper(ingest_cp_at(s, e, v)) ||
                ingest_word_in(desk_mods, sizeof desk_mods / sizeof *desk_mods, s + v, e - v) ||
                ingest_gaz_has(g, s + v, e - v, INGEST_GAZ_TITLE_MOD) ||
                ingest_gaz_has(g, s + v, e - v, INGEST_GAZ_TITLE) ||
                ingest_gaz_has(g, s + v, e - v, INGEST_GAZ_DEMONYM) ||
                ingest_gaz_has(g, s + v, e - v, INGEST_GAZ_PLACE);
            if ((!mod && !(beat && k == 0)) || ingest_words_count(s + a, v - a) < 2)
                break;
            cut = v;
        }
        if (ingest_words_count(s + a, cut - a) >= 2)
            *b = cut;
        return;
    }
    /* an outlet: the last one to three words a listed organisation */
    size_t v = *b;
    for (int k = 0; k < 3; k++) {
        v = word_start_before(s, a, v > a ? v - 1 : a);
        if (v <= a || ingest_words_count(s + a, v - a) < 2)
            return;
        if (ingest_gaz_has(g, s + v, *b - v, INGEST_GAZ_ORG)) {
            *b = v;
            return;
        }
    }
}

/* "MICHAEL O'NEILL-HART" -> "Michael O'Neill-Hart" (ASCII letters only). */
static void name_title_case(char *s)
{
    bool start = true;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z' && !start)
            *s = (char)(c + 32);
        start = c == ' ' || c == '-' || c == '\'' || c == '.';
    }
}

/* Writes each word of s in capitals (three letters or more, no Roman
 * numeral) in title case: the agency style "Amina WAWERU" is Amina Waweru. */
static void caps_words_title_case(char *s)
{
    for (char *w = s; *w;) {
        char *e = w;
        while (*e && *e != ' ')
            e++;
        size_t wn = (size_t)(e - w);
        if (wn >= 3 && all_caps(w, wn) && !roman_numeral(w, wn)) {
            char save = *e;
            *e = '\0';
            name_title_case(w);
            *e = save;
        }
        w = *e ? e + 1 : e;
    }
}

/* True when s[a..b) is a newsroom role on its own, a title word opening it and
 * a desk noun ending it: "Chief Football Writer", "Senior Political
 * Correspondent" after a name's comma give the author's role, not a second
 * author (a name never opens with "Chief" or "Senior"). */
static bool desk_role(const char *s, size_t a, size_t b, const struct ingest_gaz *g)
{
    size_t lw = word_start_before(s, a, b), fw = a;
    while (fw < b && s[fw] != ' ')
        fw++;
    if (lw <= a || fw >= lw ||
        !ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, s + lw, b - lw))
        return false;
    return ingest_gaz_has(g, s + a, fw - a, INGEST_GAZ_TITLE_MOD) ||
           ingest_gaz_has(g, s + a, fw - a, INGEST_GAZ_TITLE);
}

/* Adds one author name s[a..b) when it is name-shaped. Cuts " in Paris" and
 * " from London" tails and a newsroom role or outlet after the name first; a
 * name in capitals is written in title case. Returns 1 added, 0 not, or NOMEM. */
static int author_add(const char *s, size_t a, size_t b, const struct ingest_gaz *g,
                      struct strv *authors)
{
    static const char *const cuts[] = {" in ", " from ", " at ", " for ", " with ", " of ", " ("};
    for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
        size_t at = ingest_ascii_ifind(s + a, b - a, cuts[k]);
        if (at != (size_t)-1)
            b = a + at;
    }
    trim_span(s, &a, &b);
    if (b > a && desk_role(s, a, b, g))
        return 0;
    if (b > a) {
        byline_tail_cut(s, a, &b, g);
        trim_span(s, &a, &b);
    }
    if (b <= a || !is_person_name(s + a, b - a, g))
        return 0;
    /* "Staff Writer" */
    size_t lw = word_start_before(s, a, b);
    if (ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, s + lw, b - lw))
        return 0;
    char *name = util_strndup(s + a, b - a);
    if (!name)
        return INGEST_ERR_NOMEM;
    if (all_caps(name, b - a))
        name_title_case(name);
    else
        caps_words_title_case(name); /* "Amina WAWERU" -> "Amina Waweru" */
    if (strv_has(authors, name)) {
        free(name);
        return 0;
    }
    return strv_push_taken(authors, name) ? 1 : INGEST_ERR_NOMEM;
}

/* Where the name starting at a ends in a list of names: the next ",", ";",
 * " and ", " & ", and with bars " | " too, or with_next " with " before a
 * capital ("By Ann Roe with Bo Li in Lyon": a second reporter). Sets *skip
 * to the separator's length (0 at the end). */
static size_t name_list_sep(const char *s, size_t n, size_t a, bool bars, bool with_next,
                            size_t *skip)
{
    for (size_t b = a; b < n; b++) {
        *skip = s[b] == ',' || s[b] == ';' ? 1
                : n - b >= 5 && ingest_ascii_iprefix(s + b, n - b, " and ") ? 5
                : n - b >= 3 && (memcmp(s + b, " & ", 3) == 0 || (bars && memcmp(s + b, " | ", 3) == 0))
                    ? 3
                : with_next && n - b >= 7 && memcmp(s + b, " with ", 6) == 0 &&
                        ingest_cp_is_upper(ingest_cp_at(s, n, b + 6))
                    ? 6
                    : 0;
        if (*skip)
            return b;
    }
    *skip = 0;
    return n;
}

int ingest_byline_parse(const char *s, size_t n, const struct ingest_gaz *g, struct strv *authors)
{
    int added = 0;
    size_t a = 0;
    while (a < n) {
        size_t skip;
        size_t b = name_list_sep(s, n, a, false, true, &skip);
        int rc = author_add(s, a, b, g, authors);
        if (rc < 0)
            return rc;
        added += rc;
        a = b + skip;
        if (skip == 0)
            break;
    }
    return added;
}

/* "By A and B" (also "Written by", "Analysis by", "BY"): the names after it. Returns 1 when the
 * segment is a byline, 0 when not, NOMEM. */
/* What opens a byline before its names (case aside; "Analysis by" heads the
 * BBC's analysis boxes; "WRITER:" and "Author:" label it in a page's
 * masthead of labelled fields, "PUBLISHED : ..." above it). */
static const char *const byline_leads[] = {
    "by ",     "written by ", "words by ", "story by ", "analysis by ", "commentary by ",
    "writer: ", "writers: ",  "author: ",  "authors: ", "writer : ",    "author : ",
};

static int byline_segment(const char *s, size_t n, const struct ingest_gaz *g, struct strv *authors)
{
    size_t skip = 0;
    for (size_t k = 0; !skip && k < sizeof byline_leads / sizeof *byline_leads; k++)
        if (ingest_ascii_iprefix(s, n, byline_leads[k]))
            skip = strlen(byline_leads[k]);
    if (!skip || ingest_words_count(s, n) > 16)
        return 0;
    /* "By political reporter Ann Roe", "By our chief correspondent X": a
     * lower-case role of up to four words that ends in a newsroom noun */
    size_t r = skip, w = 0, after = skip;
    while (r < n && w < 4 && !ingest_cp_is_upper(ingest_cp_at(s, n, r))) {
        size_t e = r;
        while (e < n && s[e] != ' ')
            e++;
        w++;
        if (ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, s + r, e - r))
            after = e;
        r = e;
        while (r < n && s[r] == ' ')
            r++;
    }
    if (after > skip && r == after + 1)
        skip = r;
    if (!ingest_cp_is_upper(ingest_cp_at(s, n, skip)))
        return 0;
    int rc = ingest_byline_parse(s + skip, n - skip, g, authors);
    if (rc < 0)
        return rc;
    /* "By Reuters" has no names but is still a byline line */
    return 1;
}

/* A byline without "By": names only, separated as in a byline ("Ann Roe",
 * "Ann Roe and Bo Li", "Ann Roe in Paris", "Ann Roe Political correspondent"),
 * the last part after a comma an outlet or a role ("Ann Roe, USA TODAY").
 * Two capitalised words may also be a section label ("Health Care"), so a
 * listed given name, a role, an outlet or a listed city after "in" must vouch
 * for the names, unless the caller does (vouched: a date shares the line).
 * Whether the line is a byline depends on where it stands: this only tests
 * the shape. Adds the names to authors; returns 1 when the shape holds, 0 when
 * not, or NOMEM. */
static int bare_byline_parse(const char *s, size_t n, const struct ingest_gaz *g, bool vouched,
                             struct strv *authors)
{
    /* a line in capitals is a masthead or a label ("USA TODAY NETWORK") */
    if (n < 5 || n > 160 || !ingest_cp_is_upper(ingest_cp_at(s, n, 0)) || line_is_term(s, n) ||
        ingest_words_count(s, n) > 16 || all_caps(s, n))
        return 0;
    /* "Mayor Ann Roe" is a caption or a name card, not a byline */
    size_t w = 0;
    while (w < n && s[w] != ' ')
        w++;
    if (ingest_gaz_has(g, s, w, INGEST_GAZ_TITLE) || ingest_gaz_has(g, s, w, INGEST_GAZ_STOPCAP))
        return 0;
    struct strv found = {0};
    size_t a = 0;
    int rc = 0;
    bool ok = true, role_or_outlet = false;
    while (a < n && ok) {
        size_t skip;
        size_t b = name_list_sep(s, n, a, true, false, &skip);
        int r = author_add(s, a, b, g, &found);
        if (r < 0) {
            rc = r;
            goto out;
        }
        if (r == 0) {
            /* the last part after a comma: an outlet or a role ("USA TODAY",
             * "The Kelby Courier", "Political reporter") */
            size_t pa = a, pb = b;
            trim_span(s, &pa, &pb);
            size_t pw = ingest_words_count(s + pa, pb - pa);
            /* ("Ann Roe, Political Sketchwriter, in Wellington, Somerset":
             * where the writer filed from ends the line after the role) */
            size_t rest = b + skip;
            while (rest < n && s[rest] == ' ')
                rest++;
            bool place_after = skip != 0 && ingest_ascii_iprefix(s + rest, n - rest, "in ") &&
                               ingest_words_count(s + rest, n - rest) <= 5;
            bool last = (skip == 0 || place_after) && found.n > 0 && a > 0 &&
                        (s[a - 1] == ',' || (a >= 2 && s[a - 2] == '|'));
            bool outlet =
                pw >= 1 && pw <= 4 &&
                (ingest_gaz_has(g, s + pa, pb - pa, INGEST_GAZ_ORG) || all_caps(s + pa, pb - pa) ||
                 ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns,
                                s + word_start_before(s, pa, pb),
                                pb - word_start_before(s, pa, pb)));
            ok = last && outlet;
            role_or_outlet = ok;
            if (ok && place_after)
                break;
        }
        if (skip == 0)
            break;
        a = b + skip;
    }
    if (!ok || found.n == 0)
        goto out;
    /* two capitalised words are also a section label ("Health Care"): a
     * listed given name, a role, an outlet or a listed city must vouch */
    for (size_t i = 0; i < found.n && !vouched; i++) {
        const char *v = found.v[i];
        size_t vn = strcspn(v, " ");
        vouched = ingest_gaz_has(g, v, vn, INGEST_GAZ_GIVEN_MALE) ||
                  ingest_gaz_has(g, v, vn, INGEST_GAZ_GIVEN_FEMALE);
    }
    for (size_t at = 0; !vouched && at < n;) {
        size_t k = ingest_ascii_ifind(s + at, n - at, " in ");
        if (k == (size_t)-1)
            break;
        size_t p0 = at + k + 4, p1 = p0;
        while (p1 < n && s[p1] != ' ' && s[p1] != ',')
            p1++;
        size_t p2 = p1 + 1;
        while (p2 < n && s[p2] != ' ' && s[p2] != ',')
            p2++;
        vouched = ingest_gaz_has(g, s + p0, p1 - p0, INGEST_GAZ_PLACE) ||
                  (p1 < n && s[p1] == ' ' && ingest_gaz_has(g, s + p0, p2 - p0, INGEST_GAZ_PLACE));
        at = p0;
    }
    if (!vouched) {
        size_t lw = word_start_before(s, 0, n);
        vouched =
            role_or_outlet ||
            ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, s + lw, n - lw);
    }
    if (!vouched)
        goto out;
    for (size_t i = 0; i < found.n; i++)
        if (!strv_push_unique(authors, found.v[i])) {
            rc = INGEST_ERR_NOMEM;
            goto out;
        }
    rc = 1;
out:
    strv_clear(&found);
    return rc;
}

/* "by Ann Roe on April 2, 2025 at 11:08 am": a byline whose date follows
 * " on ". Fills authors and the date; returns 1 for such a line, 0 when not,
 * or NOMEM. */
static int byline_on_date(const char *s, size_t n, const struct ingest_gaz *g,
                          struct strv *authors, char *iso, int *date_kind)
{
    size_t on = ingest_ascii_ifind(s, n, " on ");
    if (on == (size_t)-1)
        return 0;
    char diso[32];
    int dkind = ingest_date_line_parse(s + on + 4, n - on - 4, diso, sizeof diso);
    if (dkind == INGEST_DATE_NONE)
        return 0;
    struct strv found = {0};
    int rc = byline_segment(s, on, g, &found);
    for (size_t i = 0; rc == 1 && i < found.n; i++)
        if (!strv_push_unique(authors, found.v[i]))
            rc = INGEST_ERR_NOMEM;
    strv_clear(&found);
    if (rc == 1) {
        memcpy(iso, diso, 32);
        *date_kind = dkind;
    }
    return rc;
}

/* Breadcrumb separators: "Home / News / Education", "News › World". Bars
 * are not among them: "Business | Law" names two desks, neither above. */
static const char *const crumb_seps[] = {" / ", " > ", " \u203a ", " \u00bb "};

/* A breadcrumb section label keeps its last crumb, the article's own desk. */
static void section_last_crumb(char *s)
{
    char *last = s;
    for (size_t k = 0; k < sizeof crumb_seps / sizeof *crumb_seps; k++)
        for (char *p = strstr(last, crumb_seps[k]); p; p = strstr(last, crumb_seps[k]))
            last = p + strlen(crumb_seps[k]);
    if (last != s && *last)
        memmove(s, last, strlen(last) + 1);
}

/* Splits a line into segments at " | ", " · ", " • ", " / " and dashes and
 * tests whether every segment is a byline, a date or short furniture. Fills
 * authors and the date. A segment of names without "By" counts as a byline
 * when another segment is a byline or a date ("Ann Roe / TNN / Updated: ...").
 * Returns 1 for a meta line, 2 for a line that is a byline without "By" by
 * shape alone (see bare_byline_parse; the caller weighs where it stands), 0
 * for neither, or NOMEM. */
static int meta_line_parse(const struct unit *u, const struct ingest_gaz *g, struct strv *authors,
                           char *iso, int *date_kind)
{
    const char *s = u->s;
    size_t n = u->n, a = 0;
    bool any = false, all = true;
    struct strv found = {0};
    char diso[32] = "";
    int dkind = INGEST_DATE_NONE;
    int rc = 0;
    if (u->words > 40)
        return 0;
    dkind = ingest_date_line_parse(s, n, diso, sizeof diso);
    if (dkind != INGEST_DATE_NONE) {
        memcpy(iso, diso, 32);
        *date_kind = dkind;
        return 1;
    }
    int orc = byline_on_date(s, n, g, authors, iso, date_kind);
    if (orc != 0)
        return orc;
    /* without a separator the line is one segment: only a byline can remain */
    bool sep = false;
    for (size_t k = 0; k + 2 < n && !sep; k++)
        sep = s[k] == ' ' &&
              (s[k + 1] == '|' || s[k + 1] == '/' || (s[k + 1] == '-' && s[k + 2] == ' ') ||
               (unsigned char)s[k + 1] >= 0xC2);
    if (!sep) {
        int brc = byline_segment(s, n, g, &found);
        if (brc == 0) {
            brc = bare_byline_parse(s, n, g, false, &found);
            strv_clear(&found);
            return brc == 1 ? 2 : brc;
        }
        if (brc == 1)
            for (size_t i = 0; i < found.n; i++)
                if (!strv_push_unique(authors, found.v[i])) {
                    brc = INGEST_ERR_NOMEM;
                    break;
                }
        strv_clear(&found);
        return brc;
    }
    bool bare = false;
    while (a <= n) {
        size_t b = a, skip = 0;
        while (b < n) {
            uint32_t c;
            size_t k = b;
            if (s[b] == ' ' && b + 1 < n) {
                k = b + 1;
                c = ingest_utf8_next(s, n, &k);
                if ((c == '|' || c == 0xB7 || c == 0x2022 || c == '/' || c == '-' || c == 0x2013 ||
                     c == 0x2014) &&
                    k < n && s[k] == ' ') {
                    skip = k + 1 - b;
                    break;
                }
            }
            b++;
        }
        const char *seg = s + a;
        size_t sn = b - a;
        int brc = byline_segment(seg, sn, g, &found);
        if (brc < 0) {
            rc = brc;
            goto out;
        }
        char tiso[32];
        int k = ingest_date_line_parse(seg, sn, tiso, sizeof tiso);
        if (brc == 1) {
            any = true;
        } else if (k != INGEST_DATE_NONE) {
            any = true;
            if (dkind == INGEST_DATE_NONE) {
                memcpy(diso, tiso, sizeof diso);
                dkind = k;
            }
        } else if ((brc = bare_byline_parse(seg, sn, g, true, &found)) != 0) {
            if (brc < 0) {
                rc = brc;
                goto out;
            }
            bare = true;
        } else if (ingest_words_count(seg, sn) > 4 || line_is_term(seg, sn)) {
            all = false;
        }
        if (skip == 0)
            break;
        a = b + skip;
    }
    if (!all || (!any && !bare))
        goto out;
    if (!any) {
        rc = 2; /* "Ann Roe | Bo Li": names alone */
        goto out;
    }
    for (size_t i = 0; i < found.n; i++)
        if (!strv_push_unique(authors, found.v[i])) {
            rc = INGEST_ERR_NOMEM;
            goto out;
        }
    if (dkind != INGEST_DATE_NONE) {
        memcpy(iso, diso, 32);
        *date_kind = dkind;
    }
    rc = 1;
out:
    strv_clear(&found);
    return rc;
}

/* ---- closing bylines ------------------------------------------------------------ */

/* Name runs of a line: capitalised words (with initials and particles), at least
 * two, not after "from"/"in"/"at", not places or organisations. Adds them as
 * authors. Returns the count or NOMEM. */
static int name_runs_add(const char *s, size_t n, const struct ingest_gaz *g, struct strv *authors)
{
    struct ingest_toks t = {0};
    int added = 0;
    if (!ingest_toks_build(s, n, NULL, 0, &t))
        return INGEST_ERR_NOMEM;
    size_t i = 0;
    while (i < t.n) {
        const struct ingest_tok *k = &t.v[i];
        if (k->kind != INGEST_TOK_WORD || !(k->flags & INGEST_TOKF_CAP)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < t.n && t.v[j].kind == INGEST_TOK_WORD &&
               ((t.v[j].flags & INGEST_TOKF_CAP) ||
                (j > i && is_particle(s + t.v[j].start, t.v[j].end - t.v[j].start))) &&
               !(j > i && (t.v[j - 1].flags & INGEST_TOKF_POSS)))
            j++;
        bool after_prep =
            i > 0 && t.v[i - 1].kind == INGEST_TOK_WORD &&
            (ingest_tok_is(s, &t.v[i - 1], "from") || ingest_tok_is(s, &t.v[i - 1], "in") ||
             ingest_tok_is(s, &t.v[i - 1], "at") || ingest_tok_is(s, &t.v[i - 1], "for") ||
             ingest_tok_is(s, &t.v[i - 1], "of"));
        /* drop a leading sentence word ("The") */
        size_t a = i;
        while (a < j &&
               ingest_gaz_has(g, s + t.v[a].start, t.v[a].end - t.v[a].start, INGEST_GAZ_STOPCAP))
            a++;
        if (!after_prep && j - a >= 2) {
            int rc = author_add(s, t.v[a].start, t.v[j - 1].end, g, authors);
            if (rc < 0) {
                ingest_toks_clear(&t);
                return rc;
            }
            added += rc;
        }
        i = j > i ? j : i + 1;
    }
    ingest_toks_clear(&t);
    return added;
}

/* Whether the line is an editor's note in parentheses that closes a wire
 * story: "(Updates with market reaction in fifth paragraph.)", "(Adds
 * comment from X beginning in ninth paragraph.)", "(With agency inputs)".
 * It is furniture, no paragraph, so the credit lines above it are read. */
static bool editor_note_line(const struct unit *u)
{
    static const char *const heads[] = {
        "(adds ",   "(adding ",  "(changes ",  "(corrects ", "(recasts ",
        "(refiles ", "(removes ", "(rewrites ", "(updates ",  "(with agency inputs",
        "(with inputs from ",
    };
    if (u->n < 8 || u->s[0] != '(' || u->words > 25)
        return false;
    size_t e = u->n;
    while (e > 0 && (u->s[e - 1] == '.' || u->s[e - 1] == ' '))
        e--;
    if (e == 0 || u->s[e - 1] != ')' || memchr(u->s + 1, '(', e - 2))
        return false;
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
        if (ingest_ascii_iprefix(u->s, u->n, heads[k]))
            return true;
    return false;
}

/* Recognises a closing credit line and adds its names to authors: "X and Y
 * reported from W", "Reporting by X; Editing by Y" (editors are not authors),
 * "X contributed to this report", "X is a staff writer ...". Returns 1 when the
 * line is a closing credit, 0 when not, NOMEM. */
static int closing_line_parse(const struct unit *u, const struct ingest_gaz *g,
                              struct strv *authors)
{
    const char *s = u->s;
    size_t n = u->n;
    if (u->words > 45)
        return 0;
    static const char *const credit_heads[] = {
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "produced by",
        "contributing:",
        "contributors:",
        "reporting and writing by",
        "research by",
        "graphics by",
        "edited by",
        "additional reporting:",
        "with assistance from",
        "with files from",
        /* "With inputs from PTI": a wire agency (named in entities), no author */
        "with inputs from",
    };
    /* "— With assistance from X and Y": the dash that sets the credit off */
    if (n > 2 &&
        (s[0] == '-' || memcmp(s, "\xE2\x80\x94", 3) == 0 || memcmp(s, "\xE2\x80\x93", 3) == 0)) {
        size_t d = s[0] == '-' ? 1 : 3;
        while (d < n && (s[d] == '-' || s[d] == ' '))
            d++;
        s += d;
        n -= d;
    }
    for (size_t k = 0; k < sizeof credit_heads / sizeof *credit_heads; k++) {
        if (!ingest_ascii_iprefix(s, n, credit_heads[k]))
            continue;
        /* clause by clause, ";" separated; editing clauses add nobody */
        size_t a = 0;
        while (a < n) {
            size_t b = a;
            while (b < n && s[b] != ';')
                b++;
            const char *c = s + a;
            size_t cn = b - a;
            while (cn && *c == ' ')
                c++, cn--;
            static const char *const author_heads[] = {
                "reporting by ",          "additional reporting by ", "writing by ",
                "contributing: ",         "contributors: ",           "reporting and writing by ",
                "additional reporting: ", "with assistance from ",    "with files from ",
            };
            for (size_t h = 0; h < sizeof author_heads / sizeof *author_heads; h++) {
                size_t hl = strlen(author_heads[h]);
                if (ingest_ascii_iprefix(c, cn, author_heads[h])) {
                    int rc = ingest_byline_parse(c + hl, cn - hl, g, authors);
                    if (rc < 0)
                        return rc;
                    break;
                }
            }
            a = b + 1;
        }
        return 1;
    }
    static const char *const credit_verbs[] = {
        " reported from ",
        " reported this",
        " contributed reporting",
        " contributed to this",
        " contributed additional reporting",
        " contributed.",
        " reported.",
        " reported from",
    };
    for (size_t k = 0; k < sizeof credit_verbs / sizeof *credit_verbs; k++) {
        size_t at = ingest_ascii_ifind(s, n, credit_verbs[k]);
        if (at == (size_t)-1)
            continue;
        int rc = name_runs_add(s, n, g, authors);
        if (rc < 0)
            return rc;
        if (rc > 0)
            return 1;
    }
    /* "Follow Ann Roe on Twitter @annroe", "Contact Ann Roe at ...", "Write to
     * Ann Roe at ...": a reporter's sign-off names the reporter */
    static const char *const reach_heads[] = {"contact ", "email ", "follow ", "reach ",
                                              "write to "};
    static const char *const reach_tails[] = {" on ", " at ", " via "};
    for (size_t k = 0; k < sizeof reach_heads / sizeof *reach_heads; k++) {
        size_t hl = strlen(reach_heads[k]);
        if (!ingest_ascii_iprefix(s, n, reach_heads[k]) || u->words > 16)
            continue;
        for (size_t t = 0; t < sizeof reach_tails / sizeof *reach_tails; t++) {
            size_t at = ingest_ascii_ifind(s + hl, n - hl, reach_tails[t]);
            if (at == (size_t)-1 || at > 60 || !is_person_name(s + hl, at, g))
                continue;
            int rc = author_add(s, hl, hl + at, g, authors);
            return rc < 0 ? rc : 1;
        }
        break;
    }
    /* "Jane Doe is a staff writer at ..." / "Jane Doe covers ..." */
    static const char *const role_words[] = {
        "writer",     "reporter",    "correspondent", "editor",   "columnist",
        "journalist", "contributor", "bureau chief",  "producer",
    };
    static const char *const links[] = {" is a ",   " is an ",      " is the ",     " covers ",
                                        " writes ", " reports on ", " reports for "};
    for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
        size_t at = ingest_ascii_ifind(s, n, links[k]);
        if (at == (size_t)-1 || at > 60)
            continue;
        bool role = k >= 3;
        for (size_t r = 0; !role && r < sizeof role_words / sizeof *role_words; r++)
            role = ingest_ascii_ifind(s + at, n - at, role_words[r]) != (size_t)-1;
        if (!role || !is_person_name(s, at, g))
            continue;
        int rc = author_add(s, 0, at, g, authors);
        if (rc < 0)
            return rc;
        return 1;
    }
    return 0;
}

/* ---- datelines -------------------------------------------------------------------- */

/* True when the period at p[at] ends a short capitalised abbreviation after
 * a comma, as a state's in a dateline ("FLINT, Mich. —"). */
static bool dateline_abbr(const char *p, size_t at, size_t n)
{
    size_t w = at;
    while (w > 0 && p[w - 1] != ' ' && p[w - 1] != ',')
        w--;
    return w >= 2 && p[w - 1] == ' ' && p[w - 2] == ',' && at - w >= 1 && at - w <= 5 &&
           p[w] >= 'A' && p[w] <= 'Z' && at + 1 < n &&
           (p[at + 1] == ' ' || (p[at + 1] >= 'A' && p[at + 1] <= 'Z'));
}

/* "NEW DELHI: The Lok Sabha ...", "THIRUVANANTHAPURAM/NEW DELHI: ...": South
 * Asian papers close a dateline with a colon. True when the colon at p[at]
 * follows capitals only, each part between slashes a listed place, and a
 * space and a capital follow it (a speaker label, "PENCE: We ...", names
 * no listed place). */
static bool dateline_colon(const char *p, size_t at, size_t n, const struct ingest_gaz *g)
{
    if (at < 2 || at + 2 >= n || p[at + 1] != ' ' || !ingest_cp_is_upper(ingest_cp_at(p, n, at + 2)))
        return false;
    for (size_t a = 0, k = 0; k <= at; k++) {
        if (k < at && p[k] != '/') {
            if (ingest_cp_is_lower(ingest_cp_at(p, at, k)))
                return false;
            continue;
        }
        if (k == a || !ingest_gaz_find_nocase(g, p + a, k - a, INGEST_GAZ_PLACE))
            return false;
        a = k + 1;
    }
    return true;
}

int ingest_dateline_find(const char *p, size_t n, const struct ingest_gaz *g, char **out)
{
    *out = NULL;
    size_t lim = n < 80 ? n : 80;
    size_t i = 0, dash = (size_t)-1;
    while (i < lim) {
        size_t at = i;
        uint32_t c = ingest_utf8_next(p, n, &i);
        if (c == 0x2014 || c == 0x2013 || c == 0x2015) {
            dash = at;
            break;
        }
        if (c == '-' && at > 0 && p[at - 1] == ' ' && i < n && (p[i] == ' ' || p[i] == '-')) {
            dash = at;
            break;
        }
        if (c == '.' && dateline_abbr(p, at, n))
            continue; /* "MARLOW, Mich. —", "SANTA FE, N.M. —" */
        if (c == ':' && dateline_colon(p, at, n, g)) {
            dash = at;
            break;
        }
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
            if (!(at > 0 && ingest_cp_is_upper(ingest_cp_before(p, at))))
                return 0; /* a sentence ended before any dash */
    }
    if (dash == (size_t)-1 || dash == 0)
        return 0;
    size_t a = 0, b = dash;
    /* drop an agency in parentheses: "LONDON (Reuters)" */
    for (size_t k = 0; k < b; k++)
        if (p[k] == '(') {
            b = k;
            break;
        }
    while (b > a && (p[b - 1] == ' ' || p[b - 1] == ','))
        b--;
    if (b <= a)
        return 0;
    /* the first word must be all capitals, or the part before a comma a known place */
    size_t w = a;
    while (w < b && p[w] != ' ' && p[w] != ',')
        w++;
    size_t letters = 0, lowers = 0;
    for (size_t k = a; k < w;) {
        uint32_t c = ingest_utf8_next(p, w, &k);
        if (ingest_cp_is_alpha(c))
            letters++;
        if (ingest_cp_is_lower(c))
            lowers++;
    }
    size_t comma = a;
    while (comma < b && p[comma] != ',')
        comma++;
    bool caps = letters >= 2 && lowers == 0;
    bool place = ingest_gaz_has(g, p + a, comma - a, INGEST_GAZ_PLACE);
    if (!caps && !place)
        return 0;
    /* every word capitalised, at most 6 words */
    size_t words = ingest_words_count(p + a, b - a);
    if (words == 0 || words > 6)
        return 0;
    for (size_t k = a; k < b; k++) {
        if (k == a || p[k - 1] == ' ') {
            uint32_t c = ingest_cp_at(p, b, k);
            size_t e = k;
            while (e < b && p[e] != ' ')
                e++;
            if (!ingest_cp_is_upper(c) && !ingest_cp_is_digit(c) && !is_particle(p + k, e - k))
                return 0;
        }
    }
    *out = util_strndup(p + a, b - a);
    return *out ? 0 : INGEST_ERR_NOMEM;
}

/* ---- the page ----------------------------------------------------------------------- */

static bool units_push(struct units *u, const char *s, size_t n)
{
    if (u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 32;
        struct unit *v = realloc(u->v, cap * sizeof *v);
        if (!v)
            return false;
        u->v = v;
        u->cap = cap;
    }
    char *c = util_strndup(s, n);
    if (!c)
        return false;
    struct unit *x = &u->v[u->n++];
    memset(x, 0, sizeof *x);
    x->s = c;
    x->n = n;
    return true;
}

/* Appends " " + s to the last unit (a hard-wrapped line continues). */
static bool unit_extend(struct unit *x, const char *s, size_t n)
{
    char *c = realloc(x->s, x->n + n + 2);
    if (!c)
        return false;
    c[x->n] = ' ';
    memcpy(c + x->n + 1, s, n);
    c[x->n + 1 + n] = '\0';
    x->s = c;
    x->n += n + 1;
    return true;
}

/* Splits clean text into units: one per line, hard-wrapped lines joined. */
static int units_split(const char *text, size_t n, struct units *u)
{
    size_t i = 0;
    bool prev_in_block = false;
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != '\n')
            j++;
        size_t len = j - i;
        if (len == 0) {
            prev_in_block = false;
        } else {
            struct unit *last = u->n ? &u->v[u->n - 1] : NULL;
            bool join = false;
            if (last && prev_in_block && last->n >= 50 && !line_is_term(last->s, last->n)) {
                uint32_t c = ingest_cp_at(text, j, i);
                join = ingest_cp_is_lower(c) || ingest_cp_is_digit(c);
                /* "by ANN ROE" and "01/06/2026 04:12 PM EST" under a long
                 * line are a byline and a date, not its continuation */
                char iso[32];
                if (join && len <= 80 &&
                    ((ingest_ascii_iprefix(text + i, len, "by ") && len > 3 &&
                      ingest_cp_is_upper(ingest_cp_at(text, j, i + 3))) ||
                     ingest_date_line_parse(text + i, len, iso, sizeof iso) != INGEST_DATE_NONE))
                    join = false;
            }
            if (join) {
                if (!unit_extend(last, text + i, len))
                    return INGEST_ERR_NOMEM;
            } else if (!units_push(u, text + i, len)) {
                return INGEST_ERR_NOMEM;
            } else {
                u->v[u->n - 1].in_block = prev_in_block;
            }
            prev_in_block = true;
        }
        i = j + 1;
    }
    return 0;
}

/* Strips a " | Site Name" tail from a headline. */
static void title_trim_site(char *t)
{
    size_t n = strlen(t);
    for (size_t k = n; k >= 3; k--) {
        if (t[k - 3] == ' ' && t[k - 2] == '|' && t[k - 1] == ' ') {
            if (ingest_words_count(t + k, n - k) <= 5 && k - 3 > 0)
                t[k - 3] = '\0';
            return;
        }
    }
}

/* Share of capitalised words, in percent ("Title Case Headline" ~ 100). */
static unsigned caps_share(const struct unit *x)
{
    size_t words = 0, caps = 0, i = 0;
    bool start = true;
    while (i < x->n) {
        uint32_t c = ingest_utf8_next(x->s, x->n, &i);
        if (ingest_cp_is_wordch(c)) {
            if (start) {
                words++;
                if (ingest_cp_is_upper(c) || ingest_cp_is_digit(c))
                    caps++;
            }
            start = false;
        } else {
            start = c == ' ';
        }
    }
    return words ? (unsigned)(caps * 100 / words) : 0;
}

/* A paragraph of article text, not a headline: a dateline, or a long sentence
 * that is not in title case. */
static bool body_like(const struct unit *x)
{
    return x->dateline || x->words > 40 || (x->term && x->words > 15 && caps_share(x) < 60);
}

/* Short lines c[0..k) lead to the first longer line c[k]: true when c[k] is
 * rather the first paragraph under the headline c[k-1] than a headline under a
 * section label. Evidence: a byline or date between the two (it follows a
 * headline, not a section), or c[k-1] too long for a label (five words or more;
 * labels are "Politics", "Global Power") while c[k] reads as a sentence (ends
 * with a period, sentence case) and is itself followed by a sentence. */
static bool lead_after_headline(const struct units *u, const size_t *c, size_t k)
{
    if (k == 0)
        return false;
    const struct unit *h = &u->v[c[k - 1]], *x = &u->v[c[k]];
    for (size_t i = c[k - 1] + 1; i < c[k]; i++)
        if (u->v[i].cls == U_META)
            return true;
    if (!x->term || x->s[x->n - 1] == ':' || x->s[x->n - 1] == ';')
        return false;
    if (h->words < 3)
        return false;
    const struct unit *next = &u->v[c[k + 1]];
    return caps_share(x) < 60 && (h->words >= 5 || x->words >= 8) && next->term &&
           caps_share(next) < 60;
}

/* The first long line c[k] reads as a sentence but is a headline all the same
 * when a byline or date line comes right after it or after the one line below
 * it (a deck): "Prosecutors say X sold a contract. His lawyer calls it 'a
 * story.'" over "By Ann Roe", under nothing longer than a section label.
 * Article paragraphs are not followed by bylines. */
static bool headline_before_meta(const struct units *u, const size_t *c, size_t nc, size_t k)
{
    const struct unit *x = &u->v[c[k]];
    if (x->dateline || x->words > 40 || k + 2 >= nc || (k > 0 && u->v[c[k - 1]].words > 3))
        return false; /* a short line of more words before it is the headline */
    for (size_t i = c[k] + 1; i < c[k + 2]; i++)
        if (u->v[i].cls == U_META)
            return true;
    return false;
}

/* "Political Correspondent", "Health correspondent": a line of one to four
 * words, the first capitalised, the last a newsroom role. */
static bool desk_role_line(const struct unit *x)
{
    if (x->words == 0 || x->words > 4 || x->term ||
        !ingest_cp_is_upper(ingest_cp_at(x->s, x->n, 0)))
        return false;
    size_t a = x->n;
    while (a > 0 && x->s[a - 1] != ' ')
        a--;
    char w[16];
    size_t wn = x->n - a;
    if (wn == 0 || wn >= sizeof w)
        return false;
    for (size_t i = 0; i < wn; i++)
        w[i] = (char)tolower((unsigned char)x->s[a + i]);
    return ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, w, wn);
}

/* A live blog's time stamp line: "02:12", "9.41am", "6:20 p.m.", "14:05 GMT". */
static bool stamp_line(const char *s, size_t n)
{
    size_t i = 0, d = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && d < 2) {
        i++;
        d++;
    }
    if (d == 0 || i >= n || (s[i] != ':' && s[i] != '.'))
        return false;
    i++;
    for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        d++;
    if (d != 2)
        return false;
    while (i < n && s[i] == ' ')
        i++;
    /* an optional am/pm and a zone in capitals ("GMT", "BST", "ET") */
    if (i + 1 < n && (s[i] == 'a' || s[i] == 'p' || s[i] == 'A' || s[i] == 'P') &&
        (s[i + 1] == 'm' || s[i + 1] == 'M'))
        i += 2;
    else if (i + 3 < n && (s[i] == 'a' || s[i] == 'p') && s[i + 1] == '.' && s[i + 2] == 'm' &&
             s[i + 3] == '.')
        i += 4; /* (American style: "6:20 p.m.") */
    while (i < n && s[i] == ' ')
        i++;
    for (d = 0; i < n && s[i] >= 'A' && s[i] <= 'Z' && d < 4; i++)
        d++;
    return i == n;
}

/* "02:12 ¶ Labour candidate concedes - 'The voters have spoken'": a live
 * blog's entry heading after its time stamp is kept as a paragraph when it
 * holds a quotation mark, for the words it quotes; other short lines are
 * furniture. */
static bool quoting_entry_heading(const struct unit *stamp, const struct unit *x)
{
    if (!stamp_line(stamp->s, stamp->n) || x->words > 16)
        return false;
    return memchr(x->s, '\'', x->n) || memchr(x->s, '"', x->n) || strstr(x->s, "\xE2\x80\x98") ||
           strstr(x->s, "\xE2\x80\x9C");
}

/* Whether a short line under a bare byline is the paper's name
 * ("Winnipeg Red River Chronicle"): two to five capitalised words, no comma,
 * ending in a word newspapers are named with. */
static bool outlet_line(const struct unit *y)
{
    static const char *const papers[] = {"chronicle", "courier", "dispatch",  "examiner",
                                         "gazette",   "herald",  "inquirer",  "journal",
                                         "observer",  "post",    "press",     "sentinel",
                                         "standard",  "telegraph", "times",   "tribune"}; /* sorted */
    if (y->words < 2 || y->words > 5 || memchr(y->s, ',', y->n) || y->term)
        return false;
    for (size_t k = 0; k < y->n; k++)
        if ((k == 0 || y->s[k - 1] == ' ') && !ingest_cp_is_upper(ingest_cp_at(y->s, y->n, k)))
            return false;
    size_t lw = word_start_before(y->s, 0, y->n);
    return ingest_word_in(papers, sizeof papers / sizeof *papers, y->s + lw, y->n - lw);
}

/* Whether line x is a site's navigation: "Skip to main content", or a row of
 * three or more section links ("News | Sport | Weather"). */
static bool nav_line(const struct unit *x)
{
    if (!x->in_block)
        return false;
    if (x->n >= 8 && strncmp(x->s, "Skip to ", 8) == 0)
        return true;
    unsigned bars = 0;
    for (const char *p = x->s; (p = strstr(p, " | ")) != NULL; p += 3)
        bars++;
    return bars >= 2;
}

/* Whether line x, the page's first, is shaped as a site's name ("Evening
 * Courier", "The Weekend Review", "HealthWatch"): one to five words, each
 * capitalised, not all in capitals, no punctuation; one word only with a
 * capital inside it, and not a section's name ("Local News", "Politics"). */
static bool site_name_line(const struct unit *x)
{
    static const char *const sections[] = {
        "business", "culture", "economy",  "education", "elections", "entertainment",
        "features", "football", "health",  "home",      "legal",     "lifestyle",
        "live",     "markets",  "menu",    "money",     "national",  "news",
        "opinion",  "politics", "science", "sport",     "sports",    "technology",
        "travel",   "video",    "weather", "world"}; /* sorted */
    if (x->n == 0 || x->n > 40 || x->words > 5 || x->term || all_caps(x->s, x->n) ||
        strpbrk(x->s, ".!?:;,|/&()\"\'"))
        return false;
    bool inner_cap = false;
    for (size_t k = 0; k < x->n; k++) {
        uint32_t c = ingest_cp_at(x->s, x->n, k);
        if (k == 0 || x->s[k - 1] == ' ') {
            if (!ingest_cp_is_upper(c))
                return false;
        } else if (ingest_cp_is_upper(c) && x->s[k - 1] != ' ' &&
                   ingest_cp_is_lower(ingest_cp_at(x->s, x->n, k - 1))) {
            inner_cap = true;
        }
        if (c >= '0' && c <= '9')
            return false;
    }
    size_t lw = word_start_before(x->s, 0, x->n);
    return (x->words > 1 || inner_cap) &&
           !ingest_word_in(sections, sizeof sections / sizeof *sections, x->s + lw, x->n - lw);
}

/* The site's own name on a line of its own above the headline ("POLITICO",
 * "Sky News"): a listed organisation there is the outlet, read for entities
 * as a closing credit is; other page furniture stays unread. 0 or
 * INGEST_ERR_NOMEM. */
static int masthead_read(const struct units *u, size_t title, const struct ingest_gaz *g,
                         struct ingest_doc *d)
{
    for (size_t i = 0; i < title && i < 8; i++) {
        const struct unit *x = &u->v[i];
        if (x->cls == U_META || x->n == 0 || x->n > 48 || x->term ||
            !ingest_gaz_find(g, x->s, x->n, INGEST_GAZ_ORG) ||
            /* a section named for a body ("Congress") is no masthead */
            (!memchr(x->s, ' ', x->n) && ingest_gaz_has(g, x->s, x->n, INGEST_GAZ_ORG_WORD)))
            continue;
        if (!strv_push(&d->extra, x->s))
            return INGEST_ERR_NOMEM;
        return 0; /* one masthead */
    }
    if (title >= 1 && u->n > 1 && site_name_line(&u->v[0]) && nav_line(&u->v[1])) {
        free(d->masthead);
        if (!(d->masthead = util_strdup(u->v[0].s)))
            return INGEST_ERR_NOMEM;
    }
    return 0;
}

/* Bylines without "By" at the head of the page: a line of names shaped as a
 * byline (unit.bare) before the second paragraph of prose (a standfirst may be
 * the first) is one when a byline or date line stands right above it, or
 * below it with nothing but short lines between ("Ann Roe" / "Political
 * reporter, BBC News" / "Published 24 November 2026"). Those short lines
 * (role, outlet, city) go with it. The names become authors; the lines are
 * kept in extra so the entity pass reads the people, outlets and places.
 * 0 or NOMEM. */
static int head_bylines(struct units *u, const struct ingest_gaz *g, struct ingest_doc *d)
{
    size_t prose = 0;
    for (size_t i = 0; i < u->n && i < 24 && prose < 2; i++) {
        struct unit *x = &u->v[i];
        if (x->cls == U_CONTENT && (x->dateline || body_like(x))) {
            prose++;
            continue;
        }
        if (!x->bare || x->cls != U_CONTENT)
            continue;
        size_t j = i + 1;
        while (j < u->n && j <= i + 3 && u->v[j].cls != U_META && !u->v[j].bare &&
               (u->v[j].cls == U_BOILER || (u->v[j].short_ && !u->v[j].dateline)))
            j++;
        bool below = j < u->n && j <= i + 3 && u->v[j].cls == U_META;
        bool above = i > 0 && u->v[i - 1].cls == U_META;
        if (!below && !above)
            continue;
        if (!below)
            j = i + 1;
        for (size_t k = i; k < j; k++) {
            struct unit *y = &u->v[k];
            if (y->cls == U_BOILER)
                continue;
            if (k == i || y->bare) {
                int r = bare_byline_parse(y->s, y->n, g, false, &d->authors);
                if (r < 0)
                    return r;
            }
            y->cls = U_META;
            /* the entity pass would read "Ann Roe Political" as a name */
            size_t lw = word_start_before(y->s, 0, y->n);
            /* ... and a listed outlet on its own line ("BBC North West") */
            if ((k == i || outlet_line(y) || ingest_gaz_find(g, y->s, y->n, INGEST_GAZ_ORG)) &&
                !ingest_word_in(desk_nouns, sizeof desk_nouns / sizeof *desk_nouns, y->s + lw,
                                y->n - lw) &&
                !strv_push(&d->extra, y->s))
                return INGEST_ERR_NOMEM;
        }
        i = j - 1;
    }
    return 0;
}

int ingest_structure_parse(const char *text, size_t n, const struct ingest_gaz *g,
                           struct ingest_doc *d)
{
    struct units u = {0};
    char pub_iso[32] = "", any_iso[32] = "";
    int rc = units_split(text, n, &u);
    if (rc)
        goto out;

    /* classify every unit */
    for (size_t i = 0; i < u.n; i++) {
        struct unit *x = &u.v[i];
        x->words = ingest_words_count(x->s, x->n);
        x->term = line_is_term(x->s, x->n);
        x->short_ = !x->term && x->words <= 6;
        if (x->cls == U_META)
            continue; /* a role line taken with the name above it */
        /* "Cormac Roe" over "Political Correspondent": a name alone on a line
         * above a newsroom role is a byline, and so is the role line */
        if (i + 1 < u.n && x->words >= 2 && x->words <= 5 && is_person_name(x->s, x->n, g)) {
            struct unit *r = &u.v[i + 1];
            r->words = ingest_words_count(r->s, r->n);
            r->term = line_is_term(r->s, r->n);
            if (desk_role_line(r)) {
                char *name = util_strndup(x->s, x->n);
                if (!name || !strv_push_unique(&d->authors, name)) {
                    free(name);
                    rc = INGEST_ERR_NOMEM;
                    goto out;
                }
                free(name);
                x->cls = U_META;
                r->cls = U_META;
                r->short_ = false;
                continue;
            }
        }
        char iso[32] = "";
        int kind = INGEST_DATE_NONE;
        int m = meta_line_parse(x, g, &d->authors, iso, &kind);
        if (m < 0) {
            rc = m;
            goto out;
        }
        if (m == 1) {
            x->cls = U_META;
            if (kind == INGEST_DATE_PUBLISHED && !pub_iso[0])
                memcpy(pub_iso, iso, sizeof pub_iso);
            if (kind != INGEST_DATE_NONE && !any_iso[0])
                memcpy(any_iso, iso, sizeof any_iso);
            continue;
        }
        x->bare = m == 2;
        if (line_is_boiler(x)) {
            x->cls = U_BOILER;
            continue;
        }
        char *dl = NULL;
        if ((rc = ingest_dateline_find(x->s, x->n, g, &dl)))
            goto out;
        x->dateline = dl != NULL;
        free(dl);
    }

    if ((rc = head_bylines(&u, g, d)))
        goto out;

    /* content units in order */
    size_t *c = malloc((u.n + 1) * sizeof *c);
    size_t nc = 0;
    if (!c) {
        rc = INGEST_ERR_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < u.n; i++)
        if (u.v[i].cls == U_CONTENT)
            c[nc++] = i;

    size_t body = 0; /* index into c */
    if (nc > 1) {
        /* section and title: leading short lines, then the headline. The first
         * line that is not short is the headline unless it reads like article
         * text, in which case the last short line was the headline. */
        size_t k = 0;
        while (k < nc && u.v[c[k]].short_ && !u.v[c[k]].dateline)
            k++;
        size_t title = (size_t)-1, section = (size_t)-1;
        if (k < nc && k + 1 < nc &&
            ((!body_like(&u.v[c[k]]) && !lead_after_headline(&u, c, k)) ||
             headline_before_meta(&u, c, nc, k))) {
            title = k;
            if (k > 0 && u.v[c[k - 1]].words <= 4)
                section = k - 1;
        } else if (k > 0 && k < nc) {
            title = k - 1;
            if (k > 1 && u.v[c[k - 2]].words <= 4)
                section = k - 2;
        }
        if (section != (size_t)-1 && !(d->section = util_strdup(u.v[c[section]].s))) {
            rc = INGEST_ERR_NOMEM;
            goto out_c;
        }
        if (d->section)
            section_last_crumb(d->section);
        if (title != (size_t)-1 && (rc = masthead_read(&u, c[title], g, d)))
            goto out_c;
        if (title != (size_t)-1) {
            if (!(d->title = util_strdup(u.v[c[title]].s))) {
                rc = INGEST_ERR_NOMEM;
                goto out_c;
            }
            title_trim_site(d->title);
            body = title + 1;
        }
        /* "Headline;" and a deck on the next line of the same block */
        if (title != (size_t)-1 && body < nc && u.v[c[body]].in_block && c[body] == c[title] + 1 &&
            u.v[c[title]].n > 0 && u.v[c[title]].s[u.v[c[title]].n - 1] == ';' &&
            u.v[c[body]].words <= 40 && body + 1 < nc) {
            size_t tl = strlen(d->title);
            while (tl > 0 && (d->title[tl - 1] == ';' || d->title[tl - 1] == ' '))
                d->title[--tl] = '\0';
            if (!(d->subtitle = util_strdup(u.v[c[body]].s))) {
                rc = INGEST_ERR_NOMEM;
                goto out_c;
            }
            body++;
        }
        /* subtitle: the first real line after the title, when a byline or date
         * line, or a dateline paragraph, follows it (page furniture alone is not
         * enough: ads also sit between body paragraphs) */
        while (body < nc && u.v[c[body]].short_ && !u.v[c[body]].dateline)
            body++;
        if (title != (size_t)-1 && !d->subtitle && body < nc && !u.v[c[body]].dateline) {
            size_t s = body, b = s + 1;
            while (b < nc && u.v[c[b]].short_ && !u.v[c[b]].dateline)
                b++;
            if (b < nc) {
                bool meta = false;
                for (size_t i = c[s] + 1; i < c[b]; i++)
                    if (u.v[i].cls == U_META)
                        meta = true;
                size_t w = u.v[c[s]].words;
                if ((u.v[c[b]].dateline && w <= 60) || (meta && w <= 60)) {
                    if (!(d->subtitle = util_strdup(u.v[c[s]].s))) {
                        rc = INGEST_ERR_NOMEM;
                        goto out_c;
                    }
                    body = b;
                }
            }
        }
    }

    /* closing credits: the last few content lines, short ones included */
    size_t end = nc;
    for (int steps = 0; steps < 4 && end > body + 1; steps++) {
        const struct unit *x = &u.v[c[end - 1]];
        int m = closing_line_parse(x, g, &d->authors);
        if (m < 0) {
            rc = m;
            goto out_c;
        }
        if (m == 0) {
            if (x->short_ || editor_note_line(x)) {
                end--; /* trailing furniture */
                continue;
            }
            break;
        }
        if (!strv_push(&d->extra, x->s)) {
            rc = INGEST_ERR_NOMEM;
            goto out_c;
        }
        end--;
    }
    /* body paragraphs: content from the body start, without short furniture */
    for (size_t k = body; k < end; k++) {
        const struct unit *x = &u.v[c[k]];
        if (!x->term && x->words <= 10 && !x->dateline && !line_is_signed_quote(x->s, x->n) &&
            !line_is_single_quote(x->s, x->n) &&
            !(k > 0 && quoting_entry_heading(&u.v[c[k - 1]], x)))
            continue;
        if (!strv_push(&d->paragraphs, x->s)) {
            rc = INGEST_ERR_NOMEM;
            goto out_c;
        }
    }
    /* "Reporting from Henderson and Reno, Nev." under a byline: where the
     * reporters were, read for entities as a closing credit is, unless the
     * line went into the body already */
    for (size_t i = 0; i < u.n && i < 40; i++) {
        const struct unit *x = &u.v[i];
        if (x->n < 16 || x->words > 14 || !ingest_ascii_iprefix(x->s, x->n, "reporting from ") ||
            strv_has(&d->paragraphs, x->s))
            continue;
        if (!strv_push(&d->extra, x->s)) {
            rc = INGEST_ERR_NOMEM;
            goto out_c;
        }
        break;
    }
    if (d->paragraphs.n > 0) {
        const char *p0 = d->paragraphs.v[0];
        if ((rc = ingest_dateline_find(p0, strlen(p0), g, &d->dateline)))
            goto out_c;
    }
    if (pub_iso[0] || any_iso[0]) {
        if (!(d->published_at = util_strdup(pub_iso[0] ? pub_iso : any_iso)))
            rc = INGEST_ERR_NOMEM;
    }
out_c:
    free(c);
out:
    units_clear(&u);
    return rc;
}

int ingest_structure_from_parts(const char *title, const char *body, size_t body_len,
                                const struct ingest_gaz *g, struct ingest_doc *d)
{
    if (title && title[0] && !(d->title = util_strdup(title)))
        return INGEST_ERR_NOMEM;
    /* paragraphs: blocks separated by blank lines; lines inside a block join */
    size_t i = 0;
    struct buf para = {0};
    while (i <= body_len) {
        size_t j = i;
        while (j < body_len && body[j] != '\n')
            j++;
        if (j > i) {
            if (para.len && !buf_append(&para, " ", 1))
                goto nomem;
            if (!buf_append(&para, body + i, j - i))
                goto nomem;
        }
        if ((j == i || j >= body_len) && para.len) {
            char *p = buf_take(&para);
            if (!strv_push_taken(&d->paragraphs, p))
                goto nomem;
        }
        i = j + 1;
    }
    buf_clear(&para);
    if (d->paragraphs.n > 0) {
        const char *p0 = d->paragraphs.v[0];
        return ingest_dateline_find(p0, strlen(p0), g, &d->dateline);
    }
    return 0;
nomem:
    buf_clear(&para);
    return INGEST_ERR_NOMEM;
}
