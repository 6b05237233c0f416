/* entities.c: people, organisations and places named in an article. Candidates are
 * runs of capitalised words; gazetteers (data/) name known places and
 * organisations; title words are split off into titles[] ("President Donald
 * Trump" -> "Donald Trump", title "President"); a lone surname joins the person
 * whose full name ends with it. Quote attribution (quotes.c) uses the mentions. */
#include "ingest_internal.h"

#include <ctype.h>
#include <string.h>

enum cand_kind { C_PERSON = 0, C_ORG, C_PLACE, C_SINGLE, C_TITLED_SINGLE };

/* One candidate mention before entities are merged. */
struct cand {
    int32_t para;      /* body paragraph, -1 for title/subtitle/credits */
    size_t start, end; /* whole span as written (title included), bytes */
    size_t nstart;     /* where the name part starts */
    const char *text;  /* the segment text */
    const char *canon; /* gazetteer canonical (not NUL-terminated) or NULL */
    size_t canon_len;
    int kind;
    bool in_quote;
    bool cue_after;   /* followed by a speech verb */
    bool person_hint; /* a speech verb before it, an appositive after it, a role noun */
    bool place_hint;  /* after "in", "near" */
    bool town_hint;   /* one word after "in", "near", "from (nearby)" or "and" after one */
    bool after_the;   /* "the" right before it: "the North", no person */
    bool org_hint;    /* ", which" or an organisation noun after it, or "Xs' Y" inside */
    bool acronym;     /* "(UNECE)" after the organisation it abbreviates (canon) */
    bool sent_start;  /* the name starts a sentence */
    bool title_only;  /* a lone title word ("Dean"): a person only as a known surname */
    bool paper_bare;  /* "the Mercury" alone with no telling context: a paper only when
                       * the article names it in full ("the Ashmere Mercury") */
    bool in_title;    /* an organisation inside a person's title: no mention for quotes */
    bool not_person;  /* a demonym inside ("Keystone Southern"): an organisation or nothing */
    size_t party_lead; /* "Republican Cal Drummond": where the name after a party word
                        * would start though no listed given name opens it, or 0;
                        * pass 2 takes it when the surname comes back alone */
    bool age_after;   /* ", 67, a retired pharmacist", "her son, Kyle,": a lone first name, a person */
    bool plural_title; /* "Sens. Voss": the title as written is plural; xtitle is its own */
    bool the_alias;   /* "told The Western Journal": the span's "The" is no title */
    bool firm_by_first; /* a firm its first word names alone ("Meridian said") */
    bool firm;          /* a company by what surrounds it ("Norvik shares fell") */
    bool caps_lead;     /* "ROSS KELWAY tore into": a name in capitals opening a paragraph */
    const char *xtitle; /* a title outside the span ("outgoing mayor X", the singular of
                         * "Sens." for each senator named after it), or NULL */
    size_t xtitle_len;
    const char *xalias; /* a listed spelling the span stands for though its case
                         * differs ("Welsh Government" for "Welsh government"), or NULL */
    size_t xalias_len;
    size_t pos;       /* global order */
    int32_t entity;
};

struct cands {
    struct cand *v;
    size_t n, cap;
};

/* the paragraph number of a closing credit line ("Contributing: Ann Roe, The
 * Kelby Courier"); the title and subtitle are -1, and both read as headlines */
#define PARA_CREDIT (-2)

void ingest_ents_clear(struct ingest_ents *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].name);
        strv_clear(&e->v[i].aliases);
        strv_clear(&e->v[i].titles);
    }
    free(e->v);
    free(e->m);
    memset(e, 0, sizeof *e);
}

static bool cands_push(struct cands *c, const struct cand *x)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        struct cand *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return false;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = *x;
    return true;
}

/* Pushes the acronym at token k as an alias candidate of the organisation
 * out->v[ci] ("the X Agency (XA)", "X, known as XA"); returns that
 * organisation again, since the push may move the array, or NULL on OOM. */
static struct cand *acronym_push(struct cands *out, size_t ci, int32_t para, const char *s,
                                 const struct ingest_tok *k, size_t *pos)
{
    const struct cand *c = &out->v[ci];
    struct cand ac = {.para = para, .start = k->start, .end = k->end, .nstart = k->start,
                      .text = s, .canon = c->canon ? c->canon : s + c->nstart,
                      .canon_len = c->canon ? c->canon_len : c->end - c->nstart, .kind = C_ORG,
                      .acronym = true, .in_quote = k->quote >= 0, .entity = -1, .pos = (*pos)++};
    return cands_push(out, &ac) ? &out->v[ci] : NULL;
}

static const char *const speech_verbs[] = {
    "acknowledged", "added",      "adds",      "admitted",   "agreed",    "alleged",
    "announced",    "argued",     "argues",    "asked",      "asks",      "asserted",
    "blasted",      "boasted",    "called",    "cautioned",  "charged",   "claimed",
    "claims",       "complained", "conceded",  "concluded",  "confirmed", "contended",
    "continued",    "countered",  "declared",  "denied",     "described", "emailed",
    "emphasised",   "emphasized", "exclaimed", "explained",  "explains",  "insisted",
    "insists",      "joked",      "lamented",  "maintained", "mused",     "noted",
    "observed",     "pledged",    "posted",    "praised",    "predicted", "promised",
    "quipped",      "recalled",   "recalls",   "reiterated", "remarked",  "replied",
    "replies",      "responded",  "said",      "says",       "shouted",   "slammed",
    "stated",       "stressed",   "suggested", "tells",      "testified", "texted",
    "told",         "tweeted",    "tweets",    "urged",      "vowed",     "warned",
    "warns",        "whispered",  "wondered",  "writes",     "wrote",     "yelled",
};

static bool tok_is_speech_verb(const char *s, const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD &&
           ingest_word_in(speech_verbs, sizeof speech_verbs / sizeof *speech_verbs, s + t->start,
                          t->end - t->start) &&
           (t->flags & INGEST_TOKF_LOWER);
}

/* Letters written after a name: a senior lawyer's rank (KC, QC, SC, Nigeria's
 * SAN) or an honour (OBE ...). They are no part of the name: "Sarah Lindqvist
 * KC" is Sarah Lindqvist, whom "Ms Lindqvist" later joins. In capitals only
 * ("Sc" is no rank). */
static const char *const postnominals[] = {
    "cbe", "dbe", "kbe", "kc", "mbe", "obe", "qc", "san", "sc",
}; /* sorted */

/* A member's seat written after a name ("Ann Roe MP") or after the party
 * ("a New Dawn Party MP for"): cut only when a given name opens the run or an
 * organisation word ends what is left; a headline's "New Dawn MP" stays as
 * it was (no entity) */
static const char *const seat_letters[] = {"mep", "mla", "mp", "msp", "td"}; /* sorted */

static bool tok_postnominal(const char *s, const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD && (t->flags & INGEST_TOKF_ALLCAPS) &&
           ingest_word_in(postnominals, sizeof postnominals / sizeof *postnominals, s + t->start,
                          t->end - t->start);
}

static bool tok_seat_letters(const char *s, const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD && (t->flags & INGEST_TOKF_ALLCAPS) &&
           ingest_word_in(seat_letters, sizeof seat_letters / sizeof *seat_letters, s + t->start,
                          t->end - t->start);
}

static const char *const of_heads[] = {
    "Gulf",    "Bay",    "Sea",       "Strait",  "Isle", "Cape",  "Lake",    "Mount",  "Republic",
    "Kingdom", "Museum", "Sultanate", "Emirate", "City", "State", "Islands", "Island", "Straits",
    "Order",   "District",
    /* a municipality's formal name ("Town of Farrowdale"): municipality_of */
    "Town", "Township", "Village", "Borough", "Shire", "Municipality",
};

static bool is_of_head(const struct ingest_gaz *g, const char *s, size_t n)
{
    if (ingest_gaz_has(g, s, n, INGEST_GAZ_ORG_WORD) || ingest_gaz_has(g, s, n, INGEST_GAZ_TITLE))
        return true;
    for (size_t i = 0; i < sizeof of_heads / sizeof *of_heads; i++)
        if (ingest_bytes_eq(s, n, of_heads[i]))
            return true;
    return false;
}

static bool is_geo_head(const char *s, size_t n)
{
    for (size_t i = 0; i < 9; i++)
        if (ingest_bytes_eq(s, n, of_heads[i]))
            return true;
    return false;
}

static bool is_particle_word(const char *w, size_t n)
{
    static const char *const p[] = {"De",  "Van", "Von", "Da",  "Di",    "Del", "Le",  "La",  "Al",
                                    "El",  "Du",  "Der", "Den", "Ter",   "Ten", "Dos", "Das", "de",
                                    "van", "von", "da",  "di",  "del",   "le",  "la",  "al",  "bin",
                                    "ibn", "der", "den", "du",  "della", "dos", "das", "el",  "ter",
                                    /* Irish "Ó Dálaigh", "Ní Bhraonáin", "Mac Lochlainn"; Welsh "ap" */
                                    "Ó",   "Ní",  "Nic", "Mac", "Mhic",  "Uí",  "Ua",  "ap"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (ingest_bytes_eq(w, n, p[i]))
            return true;
    return false;
}

/* Vietnamese names hold a middle name that marks the sex, "Van" for men and
 * "Thi" for women, after the family name: "Le Van Quang", "La Thi Mai". A
 * family name spelt like a particle ("Le", "La") before one opens a full
 * name, no surname with its particles (Dutch "Van" never follows "Le"). */
static bool vietnamese_middle(const char *w, size_t n)
{
    return ingest_bytes_eq(w, n, "Van") || ingest_bytes_eq(w, n, "Thi");
}

/* Moves *w past the particle words that open it ("van der Berg" -> "Berg"),
 * at most three and never its last word; "Le Van Quang" has none. */
static void surname_after_particles(const char **w, size_t *n)
{
    const char *sp0 = memchr(*w, ' ', *n);
    if (sp0 && **w >= 'A' && **w <= 'Z') {
        const char *m = sp0 + 1, *sp1 = memchr(m, ' ', *n - (size_t)(m - *w));
        if (sp1 && vietnamese_middle(m, (size_t)(sp1 - m)))
            return;
    }
    for (int k = 0; k < 3; k++) {
        const char *sp = memchr(*w, ' ', *n);
        if (!sp || !is_particle_word(*w, (size_t)(sp - *w)))
            return;
        *n -= (size_t)(sp - *w) + 1;
        *w = sp + 1;
    }
}

static bool is_particle_tok(const char *s, const struct ingest_tok *t)
{
    static const char *const p[] = {"al",  "ap",  "bin", "da",  "das", "de",  "del",
                                    "della", "den", "der", "di",  "dos", "du",  "el",
                                    "ibn", "la",  "le",  "ten", "ter", "van", "von"}; /* sorted */
    return t->kind == INGEST_TOK_WORD && (t->flags & INGEST_TOKF_LOWER) &&
           ingest_word_in(p, sizeof p / sizeof *p, s + t->start, t->end - t->start);
}

/* End of a capitalised token, cut before a lower-case hyphen suffix
 * ("Pentagon-led" -> "Pentagon"). Sets *cut when it cut. */
static size_t tok_name_end(const char *s, const struct ingest_tok *t, bool *cut)
{
    static const char *const affixes[] = {
        "style", "era",      "born",  "like", "wide",    "made",    "bound",   "run",   "sized",
        "type",  "friendly", "proof", "free", "centric", "skeptic", "sceptic", "linked"};
    *cut = false;
    for (size_t k = t->start + 1; k + 1 < t->end; k++) {
        if (s[k] == '-' && ingest_cp_is_lower(ingest_cp_at(s, t->end, k + 1))) {
            /* "Pentagon-led", "Trump-style" but not "Ji-hoon" */
            size_t e = k + 1;
            while (e < t->end && s[e] != '-')
                e++;
            bool affix = e - (k + 1) >= 3 && s[e - 2] == 'e' && s[e - 1] == 'd';
            for (size_t i = 0; !affix && i < sizeof affixes / sizeof *affixes; i++)
                affix = ingest_bytes_eq(s + k + 1, e - (k + 1), affixes[i]);
            if (!affix)
                continue;
            *cut = true;
            return k;
        }
    }
    return t->end;
}

static bool tok_capword(const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD && (t->flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS));
}

/* "9th", "21st": an ordinal in figures (a word token opening with a digit) */
/* "T.M.", "V.R.", "S.": a person's initials, capital letters each closed by a
 * period (as South Asian names open: "V.R. Sathyan") */
static bool initials_tok(const char *w, size_t n)
{
    if (n < 2 || n % 2)
        return false;
    for (size_t i = 0; i < n; i += 2)
        if (w[i] < 'A' || w[i] > 'Z' || w[i + 1] != '.')
            return false;
    return true;
}

static bool tok_ordinal(const char *s, const struct ingest_tok *t)
{
    size_t n = t->end - t->start;
    const char *w = s + t->start;
    if (t->kind != INGEST_TOK_WORD || n < 3 || n > 5 || w[0] < '1' || w[0] > '9')
        return false;
    for (size_t i = 1; i + 2 < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return false;
    const char *o = w + n - 2;
    return ingest_bytes_eq(o, 2, "st") || ingest_bytes_eq(o, 2, "nd") ||
           ingest_bytes_eq(o, 2, "rd") || ingest_bytes_eq(o, 2, "th");
}

/* "Côte d'Ivoire", "Val d'Isère", "Jeanne d'Arc": a French or Italian
 * article elided before a capitalised word ("d'", "l'", either apostrophe)
 * goes on the name it stands in. */
static bool elided_article_tok(const char *s, const struct ingest_tok *t)
{
    const char *w = s + t->start;
    size_t n = t->end - t->start;
    if (w[0] != 'd' && w[0] != 'l')
        return false;
    size_t k = w[1] == '\'' ? 2 : (n > 4 && memcmp(w + 1, "\xe2\x80\x99", 3) == 0) ? 4 : 0;
    return k && k + 2 < n && ingest_cp_is_upper(ingest_cp_at(s, t->end, t->start + k));
}

/* "al-Tayeb", "el-Sisi", "bin-Hamad": an Arabic article or kin word joined by a
 * hyphen to a capitalised name is a name word, though it starts in lower case */
static bool hyphen_particle_tok(const char *s, const struct ingest_tok *t)
{
    static const char *const p[] = {"abd", "ad", "al", "an", "ar", "as", "ash", "at",
                                    "az",  "bin", "el", "ibn"}; /* sorted */
    if (t->kind != INGEST_TOK_WORD || !(t->flags & INGEST_TOKF_LOWER) || t->end - t->start < 4)
        return false;
    if (elided_article_tok(s, t))
        return true;
    const char *w = s + t->start; /* the hyphen is third to fifth: "al-", "ibn-" */
    const char *h = w[2] == '-' ? w + 2 : w[3] == '-' ? w + 3 : NULL;
    if (!h || h + 1 >= s + t->end ||
        !ingest_cp_is_upper(ingest_cp_at(s, t->end, (size_t)(h + 1 - s))))
        return false;
    return ingest_word_in(p, sizeof p / sizeof *p, s + t->start, (size_t)(h - (s + t->start)));
}

/* A word that may stand in a person's name: capitalised, or "al-Tayeb". */
static bool tok_nameword(const char *s, const struct ingest_tok *t)
{
    return tok_capword(t) || hyphen_particle_tok(s, t);
}

/* How many lower-case particles ("van der", "de la", "bin") stand at token i
 * before a capitalised word: at most three, else 0. With lead, "ten" and
 * "ter" do not count: opening a run they are a number and a word first. */
static size_t particles_then_cap(const char *s, const struct ingest_tok *t, size_t n, size_t i,
                                 bool lead)
{
    size_t c = i + 1; /* the capitalised word first: it is rare, the test cheap */
    while (c < n && c <= i + 3 && !tok_capword(&t[c]))
        c++;
    if (c >= n || c > i + 3 || t[c].quote != t[i].quote || (t[c].flags & INGEST_TOKF_ALLCAPS))
        return 0;
    for (size_t k = i; k < c; k++)
        if (t[k].kind != INGEST_TOK_WORD || !(t[k].flags & INGEST_TOKF_LOWER) ||
            !is_particle_tok(s, &t[k]) || t[k].quote != t[i].quote ||
            (lead && (ingest_tok_is(s, &t[k], "ten") || ingest_tok_is(s, &t[k], "ter"))))
            return 0;
    return c - i;
}

/* "van der Berg said", "de la Cruz, a nurse", "bin Salman told": the
 * particles that open a surname at token i, when no capitalised word before
 * them (that run already took them), else 0. */
static size_t particle_lead(const char *s, const struct ingest_tok *t, size_t n, size_t i)
{
    size_t len = t[i].end - t[i].start; /* particles are two to five letters */
    if (len < 2 || len > 5 || t[i].kind != INGEST_TOK_WORD || !(t[i].flags & INGEST_TOKF_LOWER) ||
        i + 1 >= n || (i > 0 && tok_nameword(s, &t[i - 1])))
        return 0;
    return particles_then_cap(s, t, n, i, true);
}

/* Pronouns, relative pronouns and articles, which title case capitalises but
 * no name holds ("The Governor Who Only Wants to Talk About Water"). */
static const char *const function_words[] = {"He",    "She", "It",  "They", "We",    "I",
                                             "You",   "His", "Her", "Their", "The",  "A",
                                             "An",    "Its", "Our", "Your",  "Them", "Him",
                                             "Who",   "Whose"};

/* True when one of the words of name (n bytes, single spaces) after the first
 * is a function word, spelled as title case writes it. */
static bool has_function_word(const char *name, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (name[i] != ' ')
            continue;
        size_t j = i + 1, k = j;
        while (k < n && name[k] != ' ')
            k++;
        for (size_t f = 0; f < sizeof function_words / sizeof *function_words; f++)
            if (strlen(function_words[f]) == k - j && memcmp(function_words[f], name + j, k - j) == 0)
                return true;
    }
    return false;
}

/* The small letter of the capital c, by the case table of text.c: ASCII,
 * Latin-1 and basic Greek and Russian are 0x20 apart, the Latin and Cyrillic
 * extensions pair a capital with the next code point; else c itself. */
static uint32_t cp_small(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (!ingest_cp_is_upper_wide(c))
        return c;
    if (c <= 0xDE || (c >= 0x391 && c <= 0x3AB) || (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50; /* Ѐ..Џ */
    if (c == 0x178)
        return 0xFF; /* Ÿ */
    if (c == 0x1E9E)
        return 0xDF; /* capital sharp s */
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 0x25;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 0x3F;
    return ingest_cp_is_lower_wide(c + 1) ? c + 1 : c;
}

/* UTF-8 bytes of c into out; returns their number. */
static size_t put_utf8(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/* Title-case copy of an all-caps word into out (cap bytes): "TROMSØ" is
 * "Tromsø", "ȘTEFĂNEȘTI" "Ștefănești". No small letter is longer than its
 * capital in UTF-8, so the copy fits in n bytes. */
static size_t titlecase(const char *s, size_t n, char *out, size_t cap)
{
    if (n >= cap)
        return 0;
    bool start = true;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t c = ingest_utf8_next(s, n, &i);
        bool letter = ingest_cp_is_alpha(c);
        if (letter && !start && c < 0x10000) {
            o += put_utf8(cp_small(c), out + o);
        } else {
            memcpy(out + o, s + at, i - at);
            o += i - at;
        }
        start = !letter;
    }
    return o;
}

/* True when s/n has capitals and no small letter ("TROMSØ"). */
static bool all_caps(const char *s, size_t n)
{
    return ingest_caps_only(s, n) > 0;
}

/* Gazetteer place or organisation for s/n, also trying the title-case form of an
 * all-caps spelling ("WASHINGTON"). */
static const struct ingest_gaz_entry *gaz_name(const struct ingest_gaz *g, const char *s, size_t n,
                                               bool allcaps)
{
    const struct ingest_gaz_entry *e = ingest_gaz_find(g, s, n, INGEST_GAZ_ORG);
    if (!e)
        e = ingest_gaz_find(g, s, n, INGEST_GAZ_PLACE);
    if (!e && allcaps) {
        char tmp[256];
        size_t m = titlecase(s, n, tmp, sizeof tmp);
        if (m) {
            e = ingest_gaz_find_nocase(g, tmp, m, INGEST_GAZ_PLACE);
            if (!e)
                e = ingest_gaz_find_nocase(g, tmp, m, INGEST_GAZ_ORG);
        }
    }
    return e;
}

/* "Sens.", "Reps.", "Govs.": the listed title abbreviation whose plural w/n
 * is ("Sen."), or NULL ("Mrs." is no plural of "Mr."). */
static const struct ingest_gaz_entry *plural_title_of(const struct ingest_gaz *g, const char *w,
                                                      size_t n, bool full_ok)
{
    char sg[24];
    if (n < 5 || n >= sizeof sg || w[0] < 'A' || w[0] > 'Z')
        return NULL;
    if (w[n - 1] == '.' && w[n - 2] == 's' && w[n - 3] >= 'a' && w[n - 3] <= 'z') {
        memcpy(sg, w, n - 2);
        sg[n - 2] = '.';
        return ingest_gaz_find(g, sg, n - 1, INGEST_GAZ_TITLE);
    }
    /* "Justices Ann Roe and X", "Senators X and Y": the full word's plural */
    if (full_ok && w[n - 1] == 's' && w[n - 2] >= 'a' && w[n - 2] <= 'z' && w[n - 2] != 's' &&
        !ingest_gaz_has(g, w, n, INGEST_GAZ_TITLE))
        return ingest_gaz_find(g, w, n - 1, INGEST_GAZ_TITLE);
    return NULL;
}

static bool titleish(const struct ingest_gaz *g, const char *s, size_t n)
{
    return ingest_gaz_has(g, s, n, INGEST_GAZ_TITLE) ||
           ingest_gaz_has(g, s, n, INGEST_GAZ_TITLE_MOD) ||
           ingest_gaz_has(g, s, n, INGEST_GAZ_DEMONYM);
}

/* Lower-case nouns for kinds of organisation that stand before one's name: "the
 * union Unison", "the streaming service Velora", "the German newspaper Die
 * Zeit". Sorted. */
static const char *const org_nouns[] = {
    "agency",    "airline",   "association", "authority", "automaker",   "bank",
    "broadcaster", "carmaker", "chain",      "charity",   "chipmaker",   "club",
    "commission", "company",  "conglomerate", "consortium", "cooperative", "council",
    "daily",     "diocese",   "drugmaker", "exchange",    "federation", "firm",       "group",
    "insurer",   "lender",    "magazine",    "ministry",  "newspaper",   "nonprofit",
    "platform",  "publisher", "regulator",   "retailer",  "service",     "startup",
    "synod",     "tabloid",   "tank",      "union",       "watchdog",
};

bool ingest_org_noun(const char *s, size_t n)
{
    return ingest_word_in(org_nouns, sizeof org_nouns / sizeof *org_nouns, s, n);
}

/* determiners that open "her firm, X" or "her consulting firm, X": the name
 * after the comma is the noun's */
static const char *const appos_dets[] = {"her", "his", "its", "their", "our", "my", "the", "own"};

/* The ASCII base letter of each Latin-1 and Latin Extended-A letter,
 * U+00C0..U+017F ('?' for the two signs there); Æ, ß, Þ, Œ take two letters. */
static const char latin_base[] = "AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty"
                                 "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
                                 "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Copies w/n into out (cap bytes) with Latin letters' diacritics dropped
 * ("Pádraig" -> "Padraig", "Łukasz" -> "Lukasz", "Şebnem" -> "Sebnem");
 * combining marks are skipped. Returns the length, or 0 when w is plain
 * ASCII (nothing to fold), holds another script, or does not fit. */
static size_t fold_latin(const char *w, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    bool folded = false;
    for (size_t i = 0; i < n;) {
        uint32_t c = ingest_utf8_next(w, n, &i);
        const char *r = NULL;
        char one[2] = {0, 0};
        if (c < 0x80) {
            one[0] = (char)c;
        } else if (c >= 0x300 && c <= 0x36F) { /* a combining accent */
            folded = true;
            continue;
        } else if (c == 0xC6 || c == 0xE6 || c == 0xDF || c == 0xDE || c == 0xFE || c == 0x152 ||
                   c == 0x153) {
            r = c == 0xC6   ? "AE"
                : c == 0xE6 ? "ae"
                : c == 0xDF ? "ss"
                : c == 0xDE ? "Th"
                : c == 0xFE ? "th"
                : c == 0x152 ? "OE"
                             : "oe";
        } else if (c >= 0xC0 && c <= 0x17F && latin_base[c - 0xC0] != '?') {
            one[0] = latin_base[c - 0xC0];
        } else if (c >= 0x218 && c <= 0x21B) { /* Romanian comma below: Ș ș Ț ț */
            one[0] = "SsTt"[c - 0x218];
        } else {
            return 0;
        }
        folded = folded || c >= 0x80;
        for (r = r ? r : one; *r; r++) {
            if (o + 1 >= cap)
                return 0;
            out[o++] = *r;
        }
    }
    return folded ? o : 0;
}

/* A listed given name of class cls (male or female), spelled with or without
 * its diacritics: the list holds "Padraig", "Joao", "Lukasz", so "Pádraig",
 * "João", "Łukasz" are found too. */
static bool given_has(const struct ingest_gaz *g, const char *w, size_t n,
                      enum ingest_gaz_class cls)
{
    if (ingest_gaz_has(g, w, n, cls))
        return true;
    char buf[64];
    size_t m = n < sizeof buf ? fold_latin(w, n, buf, sizeof buf) : 0;
    return m && ingest_gaz_has(g, buf, m, cls);
}

/* "Central", "North-Central", "South-West": compass words, one token, which
 * after a known place name a constituency ("Dublin South Central"). */
static bool compass_tok(const char *s, const struct ingest_tok *t, size_t end)
{
    static const char *const w[] = {"central", "east",  "mid",  "north",     "northeast",
                                    "northwest", "south", "southeast", "southwest",
                                    "west"}; /* sorted, lower */
    if (t->kind != INGEST_TOK_WORD || !(t->flags & INGEST_TOKF_CAP) ||
        (t->flags & INGEST_TOKF_ALLCAPS))
        return false;
    for (size_t i = t->start, j; i < end; i = j + 1) {
        for (j = i; j < end && s[j] != '-'; j++)
            ;
        if (!ingest_word_in(w, sizeof w / sizeof *w, s + i, j - i))
            return false;
    }
    return true;
}

/* "the banking regulator, Victor Lanning": a listed given name opens a person */
static bool given_name_at(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t)
{
    return given_has(g, s + t->start, t->end - t->start, INGEST_GAZ_GIVEN_MALE) ||
           given_has(g, s + t->start, t->end - t->start, INGEST_GAZ_GIVEN_FEMALE);
}

/* "Curlew Press publisher Séamus Ó Dálaigh": an organisation noun that is a
 * person's job too, before a name of two words or more that opens with a
 * listed given name, names the person ("the publisher Penguin" stays a firm). */
static bool role_org_noun_person(const struct ingest_gaz *g, const char *s,
                                 const struct ingest_tok *t, size_t a, size_t b)
{
    static const char *const jobs[] = {"publisher"}; /* sorted */
    return a > 0 && b - a >= 2 &&
           ingest_word_in(jobs, sizeof jobs / sizeof *jobs, s + t[a - 1].start,
                          t[a - 1].end - t[a - 1].start) &&
           given_name_at(g, s, &t[a]);
}

/* True when none of the words t[from..b) (the last one ending at end) is in
 * one of the n lists cls, nor a given name: the rest of a run that names a
 * place or an organisation, not a person or a title. */
static bool words_plain(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                        size_t from, size_t b, size_t end, const enum ingest_gaz_class *cls,
                        size_t n)
{
    for (size_t k = from; k < b; k++) {
        const char *w = s + t[k].start;
        size_t wn = (k == b - 1 ? end : t[k].end) - t[k].start;
        for (size_t c = 0; c < n; c++)
            if (ingest_gaz_has(g, w, wn, cls[c]))
                return false;
        if (given_name_at(g, s, &t[k]))
            return false;
    }
    return true;
}

static bool role_noun(const char *s, const struct ingest_tok *t);
static bool surname_he(const char *s, const struct ingest_tok *t, size_t a, size_t b);
static bool service_district(const struct ingest_gaz *g, const char *s, const struct ingest_tok *w);
static bool syllable_pair(const char *w, size_t n);
static bool title_of_before_holder(const struct ingest_gaz *g, const char *s,
                                   const struct ingest_tok *t, size_t n, size_t a, size_t b,
                                   size_t *org);

/* Common Chinese surnames as romanised in Singapore, Malaysia, Hong Kong and
 * the mainland, left out where they are also English words or given names
 * ("Lee", "Low", "Ho"). Such a surname before two short words is a name in
 * family-name-first order ("Tan Kai Ming"), though the middle word is also
 * a listed given name ("Kai"). */
static const char *const chinese_surnames[] = {
    "ang", "chan", "chang", "chen", "cheng", "cheong", "chew", "chia", "chin", "chong", "chow",
    "chua", "chung", "fong", "foo", "goh", "hu", "huang", "koh", "kwok", "lai", "lam", "lau",
    "leong", "leung", "li", "liew", "lim", "lin", "liu", "loh", "lu", "mok", "neo", "ng", "ong",
    "pang", "poh", "quek", "seah", "seow", "sim", "soh", "tan", "tay", "teh", "teo", "toh",
    "tong", "wang", "wee", "wong", "wu", "xu", "yang", "yap", "yeo", "yeoh", "yip", "zhang",
    "zhao", "zhou",
}; /* sorted */

/* Three words t[a..a+3), the first a surname above and the other two short
 * ASCII syllables: "Goh Kai Ming", "Tan Mei Ling". */
static bool chinese_name_at(const char *s, const struct ingest_tok *t, size_t a, size_t b,
                            size_t end)
{
    if (b - a != 3 ||
        !ingest_word_in(chinese_surnames, sizeof chinese_surnames / sizeof *chinese_surnames,
                        s + t[a].start, t[a].end - t[a].start))
        return false;
    for (size_t k = a; k < b; k++) {
        size_t e = k + 1 == b ? end : t[k].end;
        if (t[k].kind != INGEST_TOK_WORD || e - t[k].start < 2 || e - t[k].start > 5 ||
            !(t[k].flags & INGEST_TOKF_CAP) || (t[k].flags & INGEST_TOKF_ALLCAPS))
            return false;
        for (size_t q = t[k].start + 1; q < e; q++)
            if (!(s[q] >= 'a' && s[q] <= 'z'))
                return false;
    }
    return true;
}

/* "the national chairman, Nana Kofi Adu-Gyamfi": Ghanaian and West African
 * honorifics that stand before a full name even in an appositive, where the
 * lists know no title */
static bool west_african_honorific(const char *s, const struct ingest_tok *t)
{
    static const char *const words[] = {"alhaji", "hajia", "nana", "togbe"}; /* sorted */
    return ingest_word_in(words, sizeof words / sizeof *words, s + t->start, t->end - t->start);
}

/* "Taoiseach Conor Breathnach", "Ceann Comhairle Verona Kehoe", "Sinn Féin TD
 * Pádraig Coyle": one to three capitalised words the lists do not know as a
 * title, then a listed given name and one or two surname words closing the
 * run. Returns the given name's token, or 0. The words before it are no
 * given names, particles or place openers ("San Antonio Spurs"), and no known
 * name runs from a into the person ("Kerry Washington" stays whole). */
static size_t given_after_unknown(const struct ingest_gaz *g, const char *s,
                                  const struct ingest_tok *t, size_t a, size_t b, size_t end)
{
    static const char *const openers[] = {"cape", "el",    "fort",   "la",    "lake",
                                          "las",  "los",   "mount",  "port",  "saint",
                                          "san",  "santa", "sao",    "st",    "st."}; /* sorted */
    if (b - a < 3)
        return 0;
    /* the given name: three or two words before the end */
    size_t k = b - 3 > a && given_name_at(g, s, &t[b - 3]) ? b - 3
               : given_name_at(g, s, &t[b - 2])              ? b - 2
                                                            : a;
    /* "Khalid bin Nasser Al-Mahmoud": a given name, "bin" or "ibn" and the
     * father's name */
    while (k >= a + 2 && is_particle_tok(s, &t[k - 1]) && given_name_at(g, s, &t[k - 2]))
        k -= 2;
    /* "Minister for International Affairs Shiro Nakadai": after a title and
     * "for" or "of", a remit that ends in a title word leaves the last two
     * words for the name, though no list knows its given name */
    if (k == a && a >= 2 && b - a >= 3 &&
        (ingest_tok_is(s, &t[a - 1], "for") || ingest_tok_is(s, &t[a - 1], "of")) &&
        ingest_gaz_has(g, s + t[a - 2].start, t[a - 2].end - t[a - 2].start, INGEST_GAZ_TITLE) &&
        ingest_gaz_has(g, s + t[b - 3].start, t[b - 3].end - t[b - 3].start, INGEST_GAZ_TITLE_MOD))
        k = b - 2;
    if (k <= a || k > a + 3 || chinese_name_at(s, t, a, b, end))
        return 0;
    /* "its chairman Abdi Hassan Jelle": after a lower-case role noun the
     * unknown word is the first given name of a three-part name (Somali,
     * Arabic, East African usage), not a title; so too after the role noun
     * and a comma ("its governor, Jameel Ahmad Siddiqui"): the appositive
     * names the holder, it does not title him a second time */
    if (k == a + 1 && a > 0 && role_noun(s, &t[a - 1]) && t[a - 1].end + 1 == t[a].start)
        return 0;
    if (k == a + 1 && a > 1 && ingest_tok_is(s, &t[a - 1], ",") && role_noun(s, &t[a - 2]) &&
        !west_african_honorific(s, &t[a]))
        return 0;
    for (size_t j = k; j < b; j++) {
        const char *w = s + t[j].start;
        size_t wn = (j == b - 1 ? end : t[j].end) - t[j].start;
        if (j > k && j + 1 < b && is_particle_tok(s, &t[j]))
            continue;
        if (t[j].kind != INGEST_TOK_WORD || !(t[j].flags & INGEST_TOKF_CAP) ||
            (t[j].flags & INGEST_TOKF_ALLCAPS) || ingest_gaz_has(g, w, wn, INGEST_GAZ_ORG_WORD) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_PLACE_WORD) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE) || ingest_gaz_has(g, w, wn, INGEST_GAZ_STOPCAP) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM))
            return 0;
    }
    for (size_t j = a; j < k; j++) {
        const char *w = s + t[j].start;
        size_t wn = t[j].end - t[j].start;
        if (t[j].kind != INGEST_TOK_WORD || !(t[j].flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS)) ||
            given_name_at(g, s, &t[j]) || is_particle_word(w, wn) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE) ||
            ingest_word_in(openers, sizeof openers / sizeof *openers, w, wn) ||
            ingest_bytes_eq(w, wn, "Ma.")) /* Filipino "Ma." is Maria, a given name */
            return 0;
    }
    for (size_t q = k + 1; q <= b; q++)
        if (gaz_name(g, s + t[a].start, (q == b ? end : t[q - 1].end) - t[a].start, false))
            return 0;
    return k;
}

static bool appos_det(const char *s, const struct ingest_tok *t)
{
    return ingest_word_in(appos_dets, sizeof appos_dets / sizeof *appos_dets, s + t->start,
                          t->end - t->start);
}

static bool org_noun_before(const char *s, const struct ingest_tok *t)
{
    return (t->flags & INGEST_TOKF_LOWER) && ingest_org_noun(s + t->start, t->end - t->start);
}

/* Nouns of a body of people that a name follows ("a group called X"). */
static const char *const group_nouns[] = {"alliance",     "campaign",     "coalition",
                                          "committee",    "movement",     "organisation",
                                          "organization"}; /* sorted */

/* A lower-case organisation noun or a group noun: "a coalition named X". */
static bool group_noun_before(const char *s, const struct ingest_tok *t)
{
    return org_noun_before(s, t) ||
           ingest_word_in(group_nouns, sizeof group_nouns / sizeof *group_nouns, s + t->start,
                          t->end - t->start);
}

/* Officials whose office is a body of its own, beyond the listed person titles:
 * "the County Clerk's office", "the medical examiner's office". */
static const char *const officials[] = {
    "assessor",  "attorney", "auditor",   "clerk",    "comptroller", "controller",
    "coroner",   "counsel",  "engineer",  "examiner", "prosecutor",  "recorder",
    "registrar", "sheriff",  "solicitor", "treasurer"}; /* sorted */
static const size_t n_officials = sizeof officials / sizeof *officials;

/* "the New Hampshire attorney general's office", "the Tamarack County medical
 * examiner's office", "the White House counsel's office", "the Georgia
 * Secretary of State's office": a known place or body (or a "... County"),
 * then its official in either case, possessive, then "office" in lower case
 * (a capitalised "Office" is read with the run): the office is an
 * organisation, whole. t[a..j) is the capitalised run, which holds the place
 * and may hold the title; returns the token after "office" and sets
 * *holder_end to the token after the place, else returns 0. */
static size_t official_office_end(const struct ingest_gaz *g, const char *s,
                                  const struct ingest_tok *t, size_t n, size_t a, size_t j,
                                  size_t *holder_end)
{
    for (size_t m = a + 1; m <= j && m < n; m++) {
        if (!tok_capword(&t[m - 1]) || (t[m - 1].flags & INGEST_TOKF_POSS))
            return 0;
        bool holder =
            gaz_name(g, s + t[a].start, t[m - 1].end - t[a].start, false) ||
            (m - 1 > a &&
             !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_STOPCAP) &&
             ingest_gaz_has(g, s + t[m - 1].start, t[m - 1].end - t[m - 1].start,
                            INGEST_GAZ_PLACE_WORD));
        if (!holder)
            continue;
        size_t p = m;
        while (p < n && p < m + 4 && t[p].kind == INGEST_TOK_WORD && t[p].quote == t[a].quote &&
               !(t[p].flags & INGEST_TOKF_POSS))
            p++;
        if (p >= n || p == m + 4 || t[p].kind != INGEST_TOK_WORD || t[p].quote != t[a].quote ||
            !(t[p].flags & INGEST_TOKF_POSS) || p + 1 >= n || t[p + 1].start > t[p].full_end + 1 ||
            !ingest_tok_is(s, &t[p + 1], "office"))
            continue;
        /* the title whole ("attorney general") or its head ("examiner") */
        if (ingest_gaz_has(g, s + t[m].start, t[p].end - t[m].start, INGEST_GAZ_TITLE) ||
            (ingest_word_in(officials, n_officials, s + t[p].start, t[p].end - t[p].start) &&
             (t[p].flags & INGEST_TOKF_LOWER))) {
            *holder_end = m;
            return p + 2;
        }
    }
    return 0;
}

/* The end of the list item of one to three capitalised words at t[k], with
 * no possessive or capitals throughout ("Weston", "Cleobury Mortimer"), or 0. */
static size_t list_item_end(const char *s, const struct ingest_tok *t, size_t n, size_t k,
                            int quote)
{
    size_t e = k;
    while (e < n && e < k + 3 && t[e].quote == quote && tok_capword(&t[e]) &&
           !(t[e].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) &&
           !ingest_tok_is(s, &t[e], "and") && !ingest_tok_is(s, &t[e], "or"))
        e++;
    if (e == k || (e < n && t[e].quote == quote &&
                   ((t[e].kind == INGEST_TOK_WORD && tok_capword(&t[e])) || /* longer */
                    t[e].kind == INGEST_TOK_NUM))) /* "North 24 Parganas" */
        return 0;
    /* "Delaware, Chester and Montgomery Counties": the plural of an area
     * closes a list of names that are no places alone */
    static const char *const plural_areas[] = {"counties", "districts", "provinces", "regions",
                                               "states"}; /* sorted */
    if (ingest_word_in(plural_areas, sizeof plural_areas / sizeof *plural_areas,
                       s + t[e - 1].start, t[e - 1].end - t[e - 1].start))
        return 0; /* (the list compares case aside) */
    return e;
}

/* how many of the latest candidates list_item_placed reads back */
#define PLACE_LOOKBACK 1024

/* True when the list item t[k..e) is a place: listed (and no given name, "Chad",
 * "Georgia"), or read as a place already: a candidate the scan pushed for it,
 * or a place of the same name earlier in the article. */
static bool list_item_placed(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                             size_t k, size_t e, const struct cands *out, int32_t para)
{
    size_t nb = t[e - 1].end - t[k].start;
    if (ingest_gaz_has(g, s + t[k].start, nb, INGEST_GAZ_PLACE) &&
        !ingest_gaz_has(g, s + t[k].start, nb, INGEST_GAZ_ORG) && !given_name_at(g, s, &t[k]))
        return true;
    /* the look back is bounded: no article names a thousand things between
     * two mentions of a place, and a page of endless lists stays linear */
    size_t stop = out->n > PLACE_LOOKBACK ? out->n - PLACE_LOOKBACK : 0;
    for (size_t c = out->n; c > stop; c--) {
        const struct cand *pc = &out->v[c - 1];
        if ((pc->para == para && pc->start == t[k].start && pc->end == t[e - 1].end &&
             (pc->kind == C_PLACE || pc->town_hint)) ||
            (pc->kind == C_PLACE && pc->end - pc->start == nb &&
             memcmp(pc->text + pc->start, s + t[k].start, nb) == 0))
            return true;
    }
    return false;
}

/* how many items place_list_sibling reads either side of the one it tests */
#define PLACE_LIST_ITEMS 40

/* "in Doral, Weston and Kendall", "from Bexford, Pellam or Leeds": a list of
 * short capitalised names joined by commas and closed by "and" or "or",
 * opened by a preposition of place, in which another item is a place (listed,
 * or read as one before), is a list of places; so t[a..j) is one, unless it
 * opens with a given name or is a listed name (people and companies are listed
 * the same way, but seldom after "in" beside a town). A place read only later
 * ("in Salida and Leadville", both unknown until then) is not seen here. */
static bool place_list_sibling(const struct ingest_gaz *g, const char *s,
                               const struct ingest_tok *t, size_t n, size_t a, size_t j,
                               const struct cands *out, int32_t para)
{
    static const char *const placing[] = {"across", "from", "in", "near", "outside"}; /* sorted */
    int q = t[a].quote;
    if (j - a > 3 || list_item_end(s, t, n, a, q) != j || given_name_at(g, s, &t[a]) ||
        gaz_name(g, s + t[a].start, t[j - 1].end - t[a].start, false))
        return false;
    /* "Mei Lin Chan in Beijing": a person placed somewhere */
    if (j < n && (ingest_tok_is(s, &t[j], "in") || ingest_tok_is(s, &t[j], "from")))
        return false;
    bool sibling = false, joined = false; /* a list closes with "and" or "or" */
    /* the items before: walk back over "X, " and "X and ", at most
     * PLACE_LIST_ITEMS of them (each item of a list tries this walk, so an
     * unbounded one is quadratic in a page-long list); a longer list is read
     * as no list of places past its first items */
    size_t k = a, items = 0, item_b[PLACE_LIST_ITEMS], item_e[PLACE_LIST_ITEMS];
    while (k >= 2 && t[k - 1].quote == q && items < PLACE_LIST_ITEMS &&
           ((t[k - 1].kind == INGEST_TOK_PUNCT && t[k - 1].ch == ',') ||
            ingest_tok_is(s, &t[k - 1], "and") || ingest_tok_is(s, &t[k - 1], "or"))) {
        size_t sep = k - 1;
        bool serial = false;
        joined = joined || t[sep].kind == INGEST_TOK_WORD;
        if (sep >= 1 && t[sep - 1].kind == INGEST_TOK_PUNCT && t[sep - 1].ch == ',' &&
            t[sep].kind == INGEST_TOK_WORD) {
            sep--; /* the serial comma: "X, Y, and Z" */
            serial = true;
        }
        size_t b = sep;
        while (b > 0 && sep - b < 3 && t[b - 1].quote == q && tok_capword(&t[b - 1]) &&
               !(t[b - 1].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)))
            b--;
        if (b == sep || list_item_end(s, t, n, b, q) != sep)
            return false;
        /* "in Rwanda, and Wazalendo is": a serial comma needs a third item */
        if (serial && !(b >= 2 && t[b - 1].kind == INGEST_TOK_PUNCT && t[b - 1].ch == ','))
            return false;
        item_b[items] = b;
        item_e[items++] = sep;
        k = b;
    }
    if (k == 0 || t[k - 1].kind != INGEST_TOK_WORD || t[k - 1].quote != q ||
        !ingest_word_in(placing, sizeof placing / sizeof *placing, s + t[k - 1].start,
                        t[k - 1].end - t[k - 1].start))
        return false;
    /* only a list opened by a preposition of place looks its items up (the
     * lookup reads back over the latest candidates) */
    for (size_t i = 0; i < items && !sibling; i++)
        sibling = list_item_placed(g, s, t, item_b[i], item_e[i], out, para);
    /* the items after: ", Y", "and Y", ", and Y" */
    size_t e = j;
    items = 0;
    while ((!sibling || !joined) && e + 1 < n && t[e].quote == q && items++ < PLACE_LIST_ITEMS &&
           ((t[e].kind == INGEST_TOK_PUNCT && t[e].ch == ',') || ingest_tok_is(s, &t[e], "and") ||
            ingest_tok_is(s, &t[e], "or"))) {
        size_t f = e + 1;
        joined = joined || t[e].kind == INGEST_TOK_WORD;
        if (t[e].kind == INGEST_TOK_PUNCT && f < n &&
            (ingest_tok_is(s, &t[f], "and") || ingest_tok_is(s, &t[f], "or"))) {
            f++;
            joined = true;
        }
        size_t fe = f < n ? list_item_end(s, t, n, f, q) : 0;
        if (fe <= f)
            break;
        sibling = sibling || list_item_placed(g, s, t, f, fe, out, para);
        e = fe;
    }
    return sibling && joined;
}

/* "talks in the regional capital, Abancay, broke down", "Burundi's commercial
 * capital, Bujumbura.", "the county seat, Millbrook,": one to three capitalised
 * words set off by commas after a lower-case noun for a town, which an article
 * or a possessive opens (a few lower-case words between), name that town. Not
 * "Across town, Haddad told": no article, and a speech verb follows. */
static bool town_noun_appositive(const struct ingest_gaz *g, const char *s,
                                 const struct ingest_tok *t, size_t n, size_t a, size_t j)
{
    static const char *const town_nouns[] = {"capital", "city",   "hamlet", "port",
                                             "seat",    "suburb", "town",   "village"}; /* sorted */
    static const char *const dets[] = {"a", "an", "its", "the", "their"};               /* sorted */
    if (j - a > 3 || a < 3 || t[a - 1].kind != INGEST_TOK_PUNCT || t[a - 1].ch != ',' ||
        t[a - 1].quote != t[a].quote || given_name_at(g, s, &t[a]) ||
        (t[j - 1].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)))
        return false;
    /* the name closes the apposition: ",", ".", ";" or ")" follows */
    if (j < n && !(t[j].kind == INGEST_TOK_PUNCT &&
                   (t[j].ch == ',' || t[j].ch == '.' || t[j].ch == ';' || t[j].ch == ')')))
        return false;
    if (j + 1 < n && t[j].ch == ',' && tok_is_speech_verb(s, &t[j + 1]))
        return false; /* "the town, Haddad, said" reads as a speaker */
    const struct ingest_tok *h = &t[a - 2];
    if (h->kind != INGEST_TOK_WORD || !(h->flags & INGEST_TOKF_LOWER) ||
        !ingest_word_in(town_nouns, sizeof town_nouns / sizeof *town_nouns, s + h->start,
                        h->end - h->start))
        return false;
    for (size_t k = a - 2; k > 0 && a - 2 - k < 4; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind != INGEST_TOK_WORD || w->quote != t[a].quote)
            return false;
        if ((w->flags & INGEST_TOKF_POSS) ||
            ingest_word_in(dets, sizeof dets / sizeof *dets, s + w->start, w->end - w->start))
            return true;
        if (!(w->flags & INGEST_TOKF_LOWER))
            return false;
    }
    return false;
}

/* Pushes the span from token first to byte end as one organisation, with
 * the gazetteer's canonical name when known; false on OOM. */
static bool org_span_push(struct cands *out, int32_t para, const char *s,
                          const struct ingest_tok *first, size_t end,
                          const struct ingest_gaz_entry *known, size_t *pos)
{
    struct cand c = {.para = para,
                     .start = first->start,
                     .end = end,
                     .nstart = first->start,
                     .text = s,
                     .canon = known ? known->canon : NULL,
                     .canon_len = known ? known->canon_len : 0,
                     .kind = C_ORG,
                     .in_quote = first->quote >= 0,
                     .entity = -1,
                     .pos = (*pos)++};
    return cands_push(out, &c);
}

/* The offsets of the first and second spaces of name nm (n when missing). */
static void name_spaces(const char *nm, size_t n, size_t *s1, size_t *s2)
{
    size_t a = 0, b;
    while (a < n && nm[a] != ' ')
        a++;
    for (b = a + 1; b < n && nm[b] != ' '; b++)
        ;
    *s1 = a;
    *s2 = b < n ? b : n;
}

/* Pushes bytes [start, end) of a person's title as an entity of its own
 * (template c, canonical name from entry when known): the place or the
 * organisation a title names ("Colorado Gov.", "NATO Secretary General"). */
static bool title_part_push(const struct cand *c, size_t start, size_t end, enum cand_kind kind,
                            const struct ingest_gaz_entry *entry, struct cands *out, size_t *pos)
{
    struct cand o = *c;
    o.start = o.nstart = start;
    o.end = end;
    o.kind = kind;
    o.canon = entry ? entry->canon : NULL;
    o.canon_len = entry ? entry->canon_len : 0;
    o.in_title = true;
    o.pos = (*pos)++;
    return cands_push(out, &o);
}

/* "The U.S. Justice Department": a run whose title word turned out to open an
 * organisation's name (it ends in an organisation word). The longest known
 * name ending the run, else the run from its first word that is no place, is
 * pushed as an organisation (template c). */
static bool run_org_tail(const char *s, const struct ingest_tok *t, size_t a, size_t b, size_t end,
                         const struct ingest_gaz *g, const struct cand *c, struct cands *out,
                         size_t *pos)
{
    struct cand o = *c;
    o.kind = C_ORG;
    o.canon = NULL;
    o.canon_len = 0;
    size_t from = a;
    for (size_t q = a; q < b; q++) {
        const struct ingest_gaz_entry *e = gaz_name(g, s + t[q].start, end - t[q].start, false);
        if (e && e->cls == INGEST_GAZ_ORG) {
            o.canon = e->canon;
            o.canon_len = e->canon_len;
            from = q;
            break;
        }
    }
    if (!o.canon)
        while (from + 1 < b &&
               gaz_name(g, s + t[from].start, t[from].end - t[from].start,
                        (t[from].flags & INGEST_TOKF_ALLCAPS) != 0) &&
               /* "Missouri State Auditor's Office": the state's own office;
                * "Milwaukee City Attorney's Office": the city's */
               !ingest_tok_is(s, &t[from + 1], "State") && !ingest_tok_is(s, &t[from + 1], "County") &&
               !ingest_tok_is(s, &t[from + 1], "City") &&
               !ingest_gaz_has(g, s + t[from + 1].start, t[from + 1].end - t[from + 1].start,
                               INGEST_GAZ_TITLE))
            from++;
    o.start = o.nstart = t[from].start;
    o.end = end;
    o.pos = (*pos)++;
    return cands_push(out, &o);
}

/* Courtesy titles. The stop list drops "Mr", "Ms" and "Mrs" from a run (so
 * "Mr Roe" is the single "Roe"), so they are read back from the text. */
static const char *const courtesies[] = {
    "dr", "dr.", "khun", "miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
}; /* sorted */

/* Whether t[k - 1] is a courtesy title ("Mr. Napier", "Dr Houston"). */
static bool courtesy_tok(const char *s, const struct ingest_tok *t, size_t k)
{
    return k > 0 && t[k - 1].kind == INGEST_TOK_WORD &&
           ingest_word_in(courtesies, sizeof courtesies / sizeof *courtesies, s + t[k - 1].start,
                          t[k - 1].end - t[k - 1].start);
}

/* Honorifics written right before a name (South Asian and British usage:
 * "Dr Ann Roe", "Smt. Ann Roe", "Shri Ann Roe", "Prof Ann Roe"). */
static const char *const honorifics[] = {"dr", "dr.", "prof", "prof.", "shri", "shrimati",
                                         "smt", "smt."}; /* sorted */

/* Malaysian and Bruneian honorifics (state and federal awards, and the
 * Muslim pilgrim's and teacher's styles) stand before a name and are no part
 * of it: "Datuk Ann Roe" is Ann Roe. A first word opens one, sorted lower. */
static const char *const malay_honorifics[] = {"datin", "dato",  "dato'", "datuk", "hajah",
                                               "haji",  "tun",   "ustaz", "ustazah"}; /* sorted */

/* The number of tokens of a Malay honorific at t[k] inside t[k..b), a name
 * word still after it; 0 when none. Two-word styles are read whole ("Tan
 * Sri", "Puan Sri", "Toh Puan", "Datuk Seri", "Dato' Sri", "Datin Paduka")
 * and styles chain ("Datuk Seri Haji"). "Tan" and "Puan" alone are names
 * ("Mr Tan"), so they count only with their second word. A run cut at the
 * apostrophe of "Dato' Sri" opens with the second word, which counts when
 * "Dato'" stands right before it. */
static size_t malay_honorific_len(const char *s, const struct ingest_tok *t, size_t k, size_t b)
{
    size_t x = k; /* "Dato' Sri" cut at k == b-1 leaves x == b: every read checks x < b */
    if (k > 0 && (ingest_tok_is(s, &t[k], "Sri") || ingest_tok_is(s, &t[k], "Seri")) &&
        ((t[k - 1].kind == INGEST_TOK_PUNCT && k > 1 && ingest_tok_is(s, &t[k - 2], "Dato")) ||
         ingest_tok_is(s, &t[k - 1], "Dato")))
        x++;
    for (;;) {
        size_t n = 0;
        if (x + 1 < b && (ingest_tok_is(s, &t[x], "Tan") || ingest_tok_is(s, &t[x], "Puan")) &&
            ingest_tok_is(s, &t[x + 1], "Sri"))
            n = 2;
        else if (x + 1 < b && ingest_tok_is(s, &t[x], "Toh") && ingest_tok_is(s, &t[x + 1], "Puan"))
            n = 2;
        else if (x < b && t[x].kind == INGEST_TOK_WORD && (t[x].flags & INGEST_TOKF_CAP) &&
                 ingest_word_in(malay_honorifics, sizeof malay_honorifics / sizeof *malay_honorifics,
                                s + t[x].start, t[x].end - t[x].start)) {
            n = 1;
            if (x + 1 < b && t[x + 1].kind == INGEST_TOK_PUNCT && t[x + 1].start == t[x].end &&
                (s[t[x + 1].start] == '\'' ||
                 (t[x + 1].end - t[x + 1].start >= 3 &&
                  memcmp(s + t[x + 1].start, "\xe2\x80\x99", 3) == 0)))
                n = 2; /* "Dato" and its apostrophe as two tokens */
            if (x + n + 1 < b &&
                (ingest_tok_is(s, &t[x + n], "Seri") || ingest_tok_is(s, &t[x + n], "Sri") ||
                 ingest_tok_is(s, &t[x + n], "Paduka")))
                n++;
        }
        if (n == 0 || x + n >= b)
            break;
        x += n;
    }
    return x < b && tok_capword(&t[x]) ? x - k : 0;
}

/* The index of an honorific inside t[from+1 .. b-2] (a word before it, a
 * name word after it), the last such; 0 when none. The words before it are
 * an office ("Director General Health Services Sindh"), so it ends the title. */
static size_t honorific_inside(const char *s, const struct ingest_tok *t, size_t from, size_t b)
{
    for (size_t k = b >= 2 ? b - 2 : 0; k > from; k--)
        if (t[k].kind == INGEST_TOK_WORD &&
            ingest_word_in(honorifics, sizeof honorifics / sizeof *honorifics, s + t[k].start,
                           t[k].end - t[k].start) &&
            tok_capword(&t[k + 1]))
            return k;
    return 0;
}

/* "NATO Secretary General Jens Stoltenberg", "African Union Commission
 * Chairperson X": the words before the first title word of the prefix t[a..h)
 * may name an organisation, which a reader counts as named. The longest known
 * name from a, else a capitalised run ending with an organisation word, is
 * pushed as an organisation candidate (person template c for position and
 * paragraph). It gets no mention for quotes: the person is the subject there. */
static bool title_org(const char *s, const struct ingest_tok *t, size_t a, size_t h,
                      const struct ingest_gaz *g, const struct cand *c, struct cands *out,
                      size_t *pos)
{
    /* "Opposition NDP Leader X", "Former SNP Leader X": a title word before
     * a known name opens the title, not the organisation */
    if (h > a + 2 && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_TITLE_MOD) &&
        !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_TITLE) &&
        !gaz_name(g, s + t[a].start, t[a + 1].end - t[a].start, false)) {
        const struct ingest_gaz_entry *e1 =
            gaz_name(g, s + t[a + 1].start, t[a + 1].end - t[a + 1].start,
                     (t[a + 1].flags & INGEST_TOKF_ALLCAPS) != 0);
        if (e1 && e1->cls == INGEST_GAZ_ORG &&
            ingest_gaz_has(g, s + t[a + 2].start, t[a + 2].end - t[a + 2].start, INGEST_GAZ_TITLE))
            a++;
    }
    /* "Orange County Supervisor X", "Assistant Lucas County Prosecutor X",
     * "Lucas County Common Pleas Judge X": a county's name in a title is a
     * place (no organisation word follows it in the title); so is a town's
     * before "Mayor" ("Former Savannah Mayor X") */
    for (size_t k = a + 1; k < h && c->para >= 0; k++) {
        bool mayor = ingest_tok_is(s, &t[k], "Mayor");
        if (!ingest_tok_is(s, &t[k], "County") && !ingest_tok_is(s, &t[k], "Parish") &&
            !ingest_tok_is(s, &t[k], "Borough") && !mayor)
            continue;
        size_t e = mayor ? k : k + 1; /* the place's end: "Savannah", "Lucas County" */
        size_t ks = k;
        while (ks > a && k - ks < 2 && tok_capword(&t[ks - 1]) &&
               !(t[ks - 1].flags & (INGEST_TOKF_ALLCAPS | INGEST_TOKF_POSS)) &&
               !titleish(g, s + t[ks - 1].start, t[ks - 1].end - t[ks - 1].start))
            ks--;
        bool org_after = false;
        for (size_t q = k + 1; q < h && !org_after; q++)
            org_after = ingest_gaz_has(g, s + t[q].start, t[q].end - t[q].start,
                                       INGEST_GAZ_ORG_WORD);
        if (ks == k || org_after ||
            ingest_gaz_find(g, s + t[ks].start, t[e - 1].end - t[ks].start, INGEST_GAZ_ORG))
            break;
        const struct ingest_gaz_entry *pe =
            ingest_gaz_find(g, s + t[ks].start, t[e - 1].end - t[ks].start, INGEST_GAZ_PLACE);
        return title_part_push(c, t[ks].start, t[e - 1].end, C_PLACE, pe, out, pos);
    }
    size_t p = a;
    while (p < h && !ingest_gaz_has(g, s + t[p].start, t[p].end - t[p].start, INGEST_GAZ_TITLE))
        p++;
    /* "White House Press Secretary": words that build the title are not the
     * organisation's */
    while (p > a &&
           ingest_gaz_has(g, s + t[p - 1].start, t[p - 1].end - t[p - 1].start,
                          INGEST_GAZ_TITLE_MOD) &&
           !ingest_gaz_find(g, s + t[a].start, t[p - 1].end - t[a].start, INGEST_GAZ_ORG)) {

        /* ... but "Ohio Democratic Party Chairman": an organisation word
         * ends the name unless a known name is left without it */
        bool known_before = p - 1 > a && ingest_gaz_find(g, s + t[a].start,
                                                         t[p - 2].end - t[a].start,
                                                         INGEST_GAZ_ORG);
        if (!known_before && ingest_gaz_has(g, s + t[p - 1].start, t[p - 1].end - t[p - 1].start,
                                            INGEST_GAZ_ORG_WORD))
            break;
        p--;
    }
    for (size_t q = p; q > a; q--) {
        const char *w = s + t[a].start;
        size_t n = t[q - 1].end - t[a].start;
        const struct ingest_gaz_entry *e =
            gaz_name(g, w, n, q - a == 1 && (t[a].flags & INGEST_TOKF_ALLCAPS));
        bool org_end = !e && q - a >= 2 && q == p &&
                       ingest_gaz_has(g, s + t[q - 1].start, t[q - 1].end - t[q - 1].start,
                                      INGEST_GAZ_ORG_WORD);
        /* "Colorado GOP Chairman X": a state's party, named as written */
        if (!e && q - a == 2 && q == p && ingest_tok_is(s, &t[a + 1], "GOP") &&
            ingest_gaz_find(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_PLACE))
            org_end = true;
        /* "Saudi Energy Minister X": a nationality and one word before a
         * minister or secretary is a portfolio, not an organisation */
        if (org_end && q - a == 2 && p < h &&
            ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_DEMONYM) &&
            (ingest_tok_is(s, &t[p], "Minister") || ingest_tok_is(s, &t[p], "Secretary")))
            org_end = false;
        /* "Local Government Minister X": the portfolio of local government */
        if (org_end && q - a == 2 && p < h && ingest_tok_is(s, &t[p], "Minister") &&
            ingest_tok_is(s, &t[q - 1], "Government") && ingest_tok_is(s, &t[a], "Local"))
            org_end = false;
        /* "Labour Minister Ann Roe": a portfolio, not the party */
        if (e && e->cls == INGEST_GAZ_ORG && q - a == 1 && q == p && p < h &&
            e->canon_len > 6 && memcmp(e->canon + e->canon_len - 6, " Party", 6) == 0 &&
            ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_TITLE_MOD) &&
            (ingest_tok_is(s, &t[p], "Minister") || ingest_tok_is(s, &t[p], "Secretary")))
            return true;
        if ((e && e->cls == INGEST_GAZ_ORG) || org_end) {
            return title_part_push(c, t[a].start, t[q - 1].end, C_ORG, e, out, pos);
        }
        /* "Colorado Gov. Eli Brandt", "California Rep. X": a state whose
         * name is written out is named; "U.S. Ambassador" is the title only */
        if (e && q == p && p < h && q - a <= 2 && c->para >= 0 &&
            ingest_gaz_find(g, w, n, INGEST_GAZ_PLACE) && !all_caps(w, n) && !memchr(w, '.', n)) {
            return title_part_push(c, t[a].start, t[q - 1].end, C_PLACE, e, out, pos);
        }
        if (e)
            return true; /* a place ("U.S. Ambassador"): the person's title only */
    }
    return true;
}

/* "New Jersey Department of Labor": the sentence word "New" opens a known
 * place of two or three words inside the run t[a..b), so it stays. */
static bool place_opens(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                        size_t a, size_t b)
{
    for (size_t e = a + 2; e <= b && e <= a + 3; e++)
        if (e < b && ingest_gaz_find(g, s + t[a].start, t[e - 1].end - t[a].start, INGEST_GAZ_PLACE))
            return true;
    return false;
}

/* "Closing Hawthorne would save ...", "Keeping Ashdown open would cost": a
 * gerund that opens a sentence before a name is no part of it. The run
 * t[a..b) (its text ends at byte end) opens with a word of six letters or more
 * ending in -ing, not a listed given name ("Sterling"), title ("King"), place
 * ("Wyoming") or organisation; the run does not end in an organisation or
 * place word ("Reading Borough Council", "Kettering General Hospital"); and a
 * verb follows it: an auxiliary among the next two lower-case words, or a
 * first one ending in -s or -ed ("Closing Hawthorne saves"). */
static bool gerund_opener(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                          size_t a, size_t b, size_t end)
{
    static const char *const aux[] = {"can",   "could", "did",   "does",   "had",  "has",
                                      "have",  "is",    "may",   "might",  "must", "should",
                                      "was",   "will",  "would"}; /* sorted */
    const char *w = s + t[a].start;
    size_t n = t[a].end - t[a].start;
    const char *lw = s + t[b - 1].start;
    size_t ln = end - t[b - 1].start;
    if (!((t[a].flags & INGEST_TOKF_SENT_START) && (t[a].flags & INGEST_TOKF_CAP) && n >= 6 &&
          memcmp(w + n - 3, "ing", 3) == 0 && !given_has(g, w, n, INGEST_GAZ_GIVEN_MALE) &&
          !given_has(g, w, n, INGEST_GAZ_GIVEN_FEMALE) &&
          !ingest_gaz_has(g, w, n, INGEST_GAZ_TITLE) && !ingest_gaz_find(g, w, n, INGEST_GAZ_PLACE) &&
          !ingest_gaz_find(g, w, n, INGEST_GAZ_ORG) &&
          !ingest_gaz_has(g, lw, ln, INGEST_GAZ_ORG_WORD) &&
          !ingest_gaz_has(g, lw, ln, INGEST_GAZ_PLACE_WORD)))
        return false;
    const char *p = s + end;
    for (int k = 0; k < 2; k++) {
        if (*p != ' ')
            return false;
        p++;
        size_t m = 0;
        while (p[m] >= 'a' && p[m] <= 'z')
            m++;
        if (m == 0 || (p[m] != ' ' && p[m] != ',' && p[m] != '.' && p[m] != '\0'))
            return false;
        if (ingest_word_in(aux, sizeof aux / sizeof *aux, p, m) ||
            (k == 0 && m >= 3 && (p[m - 1] == 's' || (p[m - 2] == 'e' && p[m - 1] == 'd'))))
            return true;
        /* "Joining Delgado-Finch in voting yes were ...": the gerund's object
         * and its phrase, the subject still to come */
        if (k == 0 && ((m == 2 && memcmp(p, "in", 2) == 0) || (m == 4 && memcmp(p, "with", 4) == 0)))
            return true;
        p += m;
    }
    return false;
}

/* A US broadcaster's call sign with its band: K or W, two or three more
 * capitals, then -TV, -FM, -AM or -DT ("WRGN-TV"). */
static bool call_sign(const char *w, size_t n)
{
    static const char *const bands[] = {"AM", "DT", "FM", "TV"};
    if (n < 6 || n > 7 || (w[0] != 'K' && w[0] != 'W') || w[n - 3] != '-')
        return false;
    for (size_t i = 1; i < n - 3; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return false;
    for (size_t i = 0; i < 4; i++)
        if (memcmp(w + n - 2, bands[i], 2) == 0)
            return true;
    return false;
}

/* A US broadcaster's call sign alone ("told WLQX", "(KVRC)"): K or W and
 * three more capitals, at most one of them a vowel (so "WHAT" may pass, but
 * "WWII" not: the caller also wants no capitals around it and no quote). */
static bool bare_call_sign(const char *w, size_t n)
{
    if (n != 4 || (w[0] != 'K' && w[0] != 'W'))
        return false;
    int vowels = 0;
    for (size_t i = 1; i < 4; i++) {
        if (w[i] < 'A' || w[i] > 'Z')
            return false;
        vowels += strchr("AEIOU", w[i]) != NULL;
    }
    return vowels <= 1;
}

/* Whether w/n is an organisation word that names a trade ("Kallio Steel",
 * "Lakeshore Electric") and is also a surname ("Danielle Steel"). */
static bool trade_word(const char *w, size_t n)
{
    static const char *const trades[] = {"electric", "stahlwerke", "steel", "textiles"}; /* sorted */
    return ingest_word_in(trades, sizeof trades / sizeof *trades, w, n);
}

/* Whether the run t[a..) whose text ends at byte end stands where a sports
 * club does: after "beat", "against", "host" ..., or before a score ("3-2"), a
 * match verb or a club role ("boss", "striker", "fans"). "Dodge City" stays a
 * town elsewhere. */
static bool club_context(const char *s, const struct ingest_tok *t, size_t a, size_t end)
{
    static const char *const before[] = {"against", "beat",  "beating", "face",  "faced",
                                         "faces",   "host",  "hosted",  "hosts", "sink",
                                         "sinks",   "v",     "vs"}; /* sorted */
    static const char *const after[] = {
        "beat",    "boss",   "captain",   "defender", "drew",   "fans",    "goalkeeper",
        "host",    "hosted", "lost",      "manager",  "midfielder", "striker", "supporters",
        "won"}; /* sorted */
    if (a > 0 && t[a - 1].kind == INGEST_TOK_WORD &&
        ingest_word_in(before, sizeof before / sizeof *before, s + t[a - 1].start,
                       t[a - 1].end - t[a - 1].start))
        return true;
    const char *p = s + end;
    if (*p != ' ')
        return false;
    p++;
    if (p[0] >= '0' && p[0] <= '9' && (p[1] == '-' || (p[1] >= '0' && p[1] <= '9' && p[2] == '-')))
        return true;
    size_t m = 0;
    while (p[m] >= 'a' && p[m] <= 'z')
        m++;
    return m > 0 && ingest_word_in(after, sizeof after / sizeof *after, p, m);
}

/* Classifies the run of tokens t[a..b) of text s and pushes a candidate. */
/* Head words that stand alone after "the" for a body named in full ("the
 * Commission" after "European Commission", "the Coalition" after "Coalition
 * for Fair Courts"): the index of w in short_bodies, or -1. "the Coalition"
 * with none named is itself a name (Australian and British copy). */
static const char *const short_bodies[] = {"Coalition", "Commission", "Council", "Parliament",
                                           "Legislature", "Army",      "Navy"};
/* the ones that name themselves when no such body is named in full: "the
 * Coalition" (Australia's), "the GOP-controlled Legislature" (a US state's),
 * "the Navy's shipbuilding plan" */
static bool short_body_alone(int b)
{
    return b == 0 || b == 4 || b == 5 || b == 6;
}
#define N_SHORT_BODIES (sizeof short_bodies / sizeof *short_bodies)

static int short_body(const char *w, size_t n)
{
    for (size_t i = 0; i < N_SHORT_BODIES; i++)
        if (ingest_bytes_eq(w, n, short_bodies[i]))
            return (int)i;
    return -1;
}

/* "told the Herald", "seen by the Guardian", "covers courts for the Ledger":
 * a newspaper's head word alone after "the" inside a sentence is the paper,
 * the way a reader takes it; not "the Journal of Applied ...", nor a word a
 * hyphen or another capitalised word carries on ("the Courier-Ledger"). */
static const char *const paper_heads[] = {
    "advertiser", "chronicle", "courier",  "dispatch", "examiner",  "gazette",
    "guardian",   "herald",    "inquirer", "journal",  "ledger",    "mercury",
    "observer",   "post",      "sentinel", "telegraph", "times",    "tribune"}; /* sorted */

/* True if the head word t[a] (after "the") sits where a paper is told,
 * read or credited: "told the Herald", "seen by the Chronicle", "speaking
 * to the Courier", "for the Ledger", or "the Post reported"; elsewhere ("as
 * the Mercury hit 40") it is a paper only when the article names it in
 * full (index_paper_heads). */
static bool paper_context(const char *s, const struct ingest_tok *t, size_t n, size_t a)
{
    static const char *const before[] = {"by",    "for", "tell", "telling",
                                         "tells", "to",  "told"}; /* sorted */
    static const char *const after[] = {"found",     "learned",  "learnt",   "obtained",
                                        "published", "reported", "reports",  "revealed",
                                        "understands", "wrote"}; /* sorted */
    if (a >= 2 && t[a - 2].kind == INGEST_TOK_WORD &&
        ingest_word_in(before, sizeof before / sizeof *before, s + t[a - 2].start,
                       t[a - 2].end - t[a - 2].start))
        return true;
    /* "the Herald has learned": one auxiliary may stand between */
    size_t k = a + 1;
    if (k + 1 < n && (ingest_tok_is(s, &t[k], "has") || ingest_tok_is(s, &t[k], "had")))
        k++;
    return k < n && t[k].kind == INGEST_TOK_WORD &&
           ingest_word_in(after, sizeof after / sizeof *after, s + t[k].start,
                          t[k].end - t[k].start);
}

static bool newspaper_alone(const char *s, const struct ingest_tok *t, size_t n, size_t a)
{
    if (a == 0 || (t[a].flags & INGEST_TOKF_SENT_START) || !ingest_tok_is(s, &t[a - 1], "the") ||
        !ingest_word_in(paper_heads, sizeof paper_heads / sizeof *paper_heads, s + t[a].start,
                        t[a].end - t[a].start))
        return false;
    if (a + 1 < n && t[a + 1].start == t[a].end && t[a + 1].kind == INGEST_TOK_PUNCT &&
        t[a + 1].ch == '-')
        return false;
    return !(a + 1 < n && (ingest_tok_is(s, &t[a + 1], "of") || tok_capword(&t[a + 1])));
}

/* "Tarn-et-Garonne", "Stratford-upon-Avon", "Aix-en-Provence": a capitalised
 * word with a lower-case connector between hyphens inside is a place; no
 * person's name is joined so ("Abd-el-Kader" has an article, not listed). */
static bool hyphen_place(const char *w, size_t n)
{
    /* "Ashton-in-Makerfield", "Weston-super-Mare"; not "Editor-in-Chief" */
    static const char *const joins[] = {"by",  "de",   "des",  "du",  "en",   "et",
                                        "in",  "la",   "le",   "les", "on",   "sous",
                                        "super", "sur", "under", "upon"}; /* sorted */
    if (n < 7 || w[0] < 'A' || w[0] > 'Z')
        return false;
    for (size_t i = 1; i + 2 < n; i++) {
        if (w[i] != '-')
            continue;
        size_t k = i + 1;
        while (k < n && w[k] >= 'a' && w[k] <= 'z')
            k++;
        if (k < n - 1 && w[k] == '-' && k > i + 1 &&
            ingest_word_in(joins, sizeof joins / sizeof *joins, w + i + 1, k - i - 1) &&
            w[k + 1] >= 'A' && w[k + 1] <= 'Z' &&
            !(k - i - 1 == 2 && w[i + 1] == 'i' &&
              (ingest_bytes_eq(w + k + 1, n - k - 1, "Chief") ||
               ingest_bytes_eq(w + k + 1, n - k - 1, "Law"))))
            return true;
    }
    return false;
}

/* True if token k is a number in words or a Roman numeral ("Eleven",
 * "Twenty", "IV"): what closes a numbered part ("Chapter Eleven", "Part
 * II"), never a place's last word. */
static bool numbered_part_end(const char *s, const struct ingest_tok *k)
{
    static const char *const numbers[] = {
        "eight",   "eighteen", "eighty",    "eleven",   "fifteen", "fifty",    "five",
        "forty",   "four",     "fourteen",  "hundred",  "nine",    "nineteen", "ninety",
        "one",     "seven",    "seventeen", "seventy",  "six",     "sixteen",  "sixty",
        "ten",     "thirteen", "thirty",    "three",    "twelve",  "twenty",   "two"}; /* sorted */
    const char *w = s + k->start;
    size_t wn = k->end - k->start;
    if (k->kind == INGEST_TOK_NUM ||
        ingest_word_in(numbers, sizeof numbers / sizeof *numbers, w, wn))
        return true;
    size_t i = 0;
    while (i < wn && (w[i] == 'I' || w[i] == 'V' || w[i] == 'X'))
        i++;
    return wn >= 2 && i == wn;
}

/* "In Mahalla al-Kubra, several dozen people gathered": a sentence that
 * opens with "In" and a name closed by a comma says where (the run t[a..j)
 * holds "In"; "In Ann Roe's view," is no place, nor is a numbered part of a
 * law or a plan, "In Chapter Eleven," "In Part II,"). */
static bool sentence_opens_in(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                              size_t j)
{
    return j - a >= 2 && ingest_tok_is(s, &t[a], "In") &&
           (t[a].flags & INGEST_TOKF_SENT_START) && j < n && t[j].kind == INGEST_TOK_PUNCT &&
           t[j].ch == ',' && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
           !(j - a >= 3 && numbered_part_end(s, &t[j - 1]));
}

/* Whether the word after one space at p (a NUL-terminated text) is one of
 * sorted (lower case): "Gallup polling". */
static bool next_word_in(const char *p, const char *const *sorted, size_t n)
{
    if (*p != ' ')
        return false;
    size_t k = 1;
    while (k < 16 && p[k] >= 'a' && p[k] <= 'z')
        k++;
    return k > 1 && ingest_word_in(sorted, n, p + 1, k - 1);
}

/* Names the words t[a..he) before a chamber (a party or a state, by its
 * gazetteer entry head when there is one, as kind), then makes c the chamber
 * t[ch] itself (he <= ch: a party label may stand between), an organisation, and names it: "GOP Senate", "Ohio Senate
 * race", "North Carolina Senate race". */
static bool chamber_push_at(const char *s, const struct ingest_tok *t, size_t a, size_t he,
                            size_t ch, const struct ingest_gaz *g,
                            const struct ingest_gaz_entry *head, int kind, struct cand c,
                            struct cands *out, size_t *pos)
{
    if (head) {
        struct cand hc = c;
        hc.end = t[he - 1].end;
        hc.kind = kind;
        hc.canon = head->canon;
        hc.canon_len = head->canon_len;
        hc.pos = (*pos)++;
        if (!cands_push(out, &hc))
            return false;
    }
    const struct ingest_gaz_entry *ce =
        ingest_gaz_find(g, s + t[ch].start, t[ch].end - t[ch].start, INGEST_GAZ_ORG);
    c.start = c.nstart = t[ch].start;
    c.sent_start = false;
    c.kind = C_ORG;
    c.canon = ce ? ce->canon : NULL;
    c.canon_len = ce ? ce->canon_len : 0;
    c.pos = (*pos)++;
    return cands_push(out, &c);
}

/* chamber_push_at for one word before the chamber */
static bool chamber_push(const char *s, const struct ingest_tok *t, size_t a,
                         const struct ingest_gaz *g, const struct ingest_gaz_entry *head, int kind,
                         struct cand c, struct cands *out, size_t *pos)
{
    return chamber_push_at(s, t, a, a + 1, a + 1, g, head, kind, c, out, pos);
}

/* Whether the bytes [from, to) fill a quotation: an opening mark right
 * before, a closing one right after (past a full stop, comma, "!" or "?") */
static bool quote_filled(const char *s, size_t from, size_t to)
{
    bool open = (from >= 1 && s[from - 1] == '"') ||
                (from >= 3 && (unsigned char)s[from - 3] == 0xE2 &&
                 (unsigned char)s[from - 2] == 0x80 &&
                 ((unsigned char)s[from - 1] == 0x9C || (unsigned char)s[from - 1] == 0x98));
    if (!open)
        return false;
    size_t k = to;
    if (s[k] == '.' || s[k] == ',' || s[k] == '!' || s[k] == '?')
        k++;
    return s[k] == '"' || ((unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
                           ((unsigned char)s[k + 2] == 0x9D || (unsigned char)s[k + 2] == 0x99));
}

/* True when t[a] is "First", "Second" or "Third" in mid-sentence opening a
 * run of three words or more that ends in an organisation or place word:
 * "at the First National Bank Arena", "First Baptist Church" keep it (but
 * "First Amendment", "First Lady X" do not end so). */
static bool ordinal_opens(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                          size_t a, size_t a0, size_t b, size_t end, bool org_tail)
{
    static const char *const ords[] = {"first", "second", "third"}; /* sorted */
    if (a != a0 || b - a < 3 || (t[a].flags & INGEST_TOKF_SENT_START) ||
        !ingest_word_in(ords, 3, s + t[a].start, t[a].end - t[a].start))
        return false;
    return org_tail ||
           ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_PLACE_WORD);
}

/* "when the City of Edmonton overhauled its buses", "the leader of City of
 * York Council": a municipality's formal name (a kind of town, "of", its
 * name, maybe an organisation word) is its government, an organisation, and
 * the town it names is a place. Pushes both for the run t[a..b) (template c)
 * and returns true, or returns false and pushes nothing when the run is no
 * such name. Sets *ok false when a push fails. */
static bool municipality_of(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                            size_t a, size_t b, size_t end, const struct cand *c,
                            struct cands *out, size_t *pos, bool *ok)
{
    static const char *const kinds[] = {"borough", "city",     "county", "municipality",
                                        "shire",   "town",     "township", "village"}; /* sorted */
    if (b - a < 3 || !(t[a].flags & INGEST_TOKF_CAP) || !ingest_tok_is(s, &t[a + 1], "of") ||
        !(t[a + 2].flags & INGEST_TOKF_CAP) ||
        !ingest_word_in(kinds, sizeof kinds / sizeof *kinds, s + t[a].start, t[a].end - t[a].start))
        return false;
    size_t pe = b; /* the town's words are t[a+2..pe) */
    if (b - a >= 4 && ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_ORG_WORD))
        pe = b - 1;
    for (size_t k = a + 2; k < pe; k++)
        if (t[k].kind != INGEST_TOK_WORD || !(t[k].flags & INGEST_TOKF_CAP) ||
            ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_ORG_WORD))
            return false;
    size_t town_end = pe == b ? end : t[pe - 1].end;
    struct cand o = *c, p = *c;
    o.kind = C_ORG;
    o.canon = NULL;
    o.canon_len = 0;
    o.pos = (*pos)++;
    p.start = p.nstart = t[a + 2].start;
    p.end = town_end;
    p.sent_start = false;
    p.kind = C_PLACE;
    const struct ingest_gaz_entry *pl =
        ingest_gaz_find(g, s + p.start, town_end - p.start, INGEST_GAZ_PLACE);
    p.canon = pl ? pl->canon : NULL;
    p.canon_len = pl ? pl->canon_len : 0;
    p.pos = (*pos)++;
    *ok = cands_push(out, &o) && cands_push(out, &p);
    return true;
}

/* "the main opposition People Power Party", "of the Residents Action
 * Group": a plural noun that the stop list holds because it often opens a
 * sentence ("People said") opens an organisation's name in mid-sentence,
 * after a lower-case word, when two capitalised words or more follow it
 * (the caller checks the run ends in an organisation word). */
static bool noun_opens_org(const char *s, const struct ingest_tok *t, size_t a, size_t b)
{
    static const char *const nouns[] = {"analysts", "critics", "experts", "officials",
                                        "people",   "police",  "residents"}; /* sorted */
    return b - a >= 3 && a > 0 && !(t[a].flags & INGEST_TOKF_SENT_START) &&
           t[a - 1].kind == INGEST_TOK_WORD && (t[a - 1].flags & INGEST_TOKF_LOWER) &&
           t[a - 1].quote == t[a].quote &&
           ingest_word_in(nouns, sizeof nouns / sizeof *nouns, s + t[a].start,
                          t[a].end - t[a].start);
}

/* Whether "and" at t[a - 1] closes a title's portfolio ("Minister of
 * Industry and", "Secretary for Health, Welfare and"): "of" or "for" after a
 * listed title word, then capitalised words and commas only. */
static bool portfolio_and_before(const struct ingest_gaz *g, const char *s,
                                 const struct ingest_tok *t, size_t a)
{
    if (a < 4 || !ingest_tok_is(s, &t[a - 1], "and") || !tok_capword(&t[a - 2]))
        return false;
    for (size_t k = a - 2; k >= 2 && a - k <= 8; k--) {
        if (ingest_tok_is(s, &t[k - 1], "of") || ingest_tok_is(s, &t[k - 1], "for"))
            return ingest_gaz_has(g, s + t[k - 2].start, t[k - 2].end - t[k - 2].start,
                                  INGEST_GAZ_TITLE);
        if (!tok_capword(&t[k - 1]) &&
            !(t[k - 1].kind == INGEST_TOK_PUNCT && t[k - 1].ch == ','))
            return false;
    }
    return false;
}

/* Words of a government portfolio ("Foreign Affairs", "Trade and Industry"). */
static const char *const portfolio_words[] = {
    "affairs",     "agriculture", "communications", "culture",     "defence",        "defense",
    "development", "digital",     "economy",        "education",   "employment",     "energy",
    "environment", "family",      "finance",        "fisheries",   "foreign",        "health",
    "home",        "housing",     "industry",       "information", "infrastructure", "interior",
    "justice",     "labour",      "manpower",       "national",    "planning",       "resources",
    "science",     "social",      "sustainability", "technology",  "tourism",        "trade",
    "transport",   "welfare",     "youth",
}; /* sorted */

/* When the run t[a..b) follows "for" or "of" after a title ("Minister for",
 * "Minister of State for") and opens with portfolio words (and "and"), the
 * token after them if two or three capitalised words are left; else 0. */
static size_t portfolio_for_end(const struct ingest_gaz *g, const char *s,
                                const struct ingest_tok *t, size_t a, size_t b, size_t end)
{
    if (a < 2 || b - a < 3 || end != t[b - 1].end ||
        !(ingest_tok_is(s, &t[a - 1], "for") || ingest_tok_is(s, &t[a - 1], "of")))
        return 0;
    size_t h = a - 2; /* the title, or "State" of "Minister of State for" */
    if (ingest_tok_is(s, &t[h], "State") && h >= 2 && ingest_tok_is(s, &t[h - 1], "of"))
        h -= 2;
    if (t[h].kind != INGEST_TOK_WORD ||
        !ingest_gaz_has(g, s + t[h].start, t[h].end - t[h].start, INGEST_GAZ_TITLE))
        return 0;
    size_t k = a;
    while (k < b &&
           (ingest_tok_is(s, &t[k], "and") ||
            (tok_capword(&t[k]) && !(t[k].flags & INGEST_TOKF_POSS) &&
             ingest_word_in(portfolio_words, sizeof portfolio_words / sizeof *portfolio_words,
                            s + t[k].start, t[k].end - t[k].start))))
        k++;
    if (k == a || b - k < 2 || b - k > 3)
        return 0;
    for (size_t q = k; q < b; q++)
        if (!tok_capword(&t[q]) || (t[q].flags & INGEST_TOKF_ALLCAPS) ||
            ingest_gaz_has(g, s + t[q].start, t[q].end - t[q].start, INGEST_GAZ_ORG_WORD) ||
            ingest_gaz_has(g, s + t[q].start, t[q].end - t[q].start, INGEST_GAZ_PLACE_WORD))
            return 0;
    return k;
}

/* "Department of Housing Ciarán Mac Giolla Rí", "Ministry of Finance Ann
 * Roe": when the run t[a..b) opens with an organisation word, "of" or "for"
 * and one to three topic words, then a listed given name and one to three
 * name words (capitalised or particles) closing the run, the index of that
 * given name; else 0. A last organisation or place word keeps the run one
 * name ("Bank of America Merrill Lynch Group"), and a title word before the
 * given name leaves the run to the title rules. */
static size_t org_then_person(const struct ingest_gaz *g, const char *s,
                              const struct ingest_tok *t, size_t a, size_t b, size_t end)
{
    if (b - a < 5 || !(t[a].flags & INGEST_TOKF_CAP) ||
        !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_ORG_WORD) ||
        !(ingest_tok_is(s, &t[a + 1], "of") || ingest_tok_is(s, &t[a + 1], "for")))
        return 0;
    const char *wl = s + t[b - 1].start;
    size_t wln = end - t[b - 1].start;
    if (ingest_gaz_has(g, wl, wln, INGEST_GAZ_ORG_WORD) ||
        ingest_gaz_has(g, wl, wln, INGEST_GAZ_PLACE_WORD))
        return 0;
    for (size_t k = a + 3; k + 1 < b && k <= a + 5; k++) {
        /* "Bank of England Deputy Governor Ann Roe": a title's words are
         * read by the title rules */
        if (!tok_capword(&t[k]) || titleish(g, s + t[k].start, t[k].end - t[k].start))
            return 0;
        if (!given_name_at(g, s, &t[k]) || b - k - 1 > 3)
            continue;
        bool names = true;
        for (size_t q = k + 1; q < b && names; q++)
            names = tok_capword(&t[q]) || is_particle_tok(s, &t[q]);
        if (names)
            return k;
    }
    return 0;
}

/* "Republican Cal Drummond", "Democrat Tish Okwu": two or three capitalised
 * words after a party word, none of them a listed word of another kind (a
 * demonym, sentence word, title, organisation or place word, capitals),
 * may be a name whose given name the list lacks. True if t[pa..b) (the last
 * ending at byte end) are such words; pass 2 decides on the surname. */
static bool plain_name_after_party(const struct ingest_gaz *g, const char *s,
                                   const struct ingest_tok *t, size_t pa, size_t b, size_t end)
{
    static const enum ingest_gaz_class other[] = {
        INGEST_GAZ_DEMONYM,  INGEST_GAZ_STOPCAP,    INGEST_GAZ_NOT_ENTITY, INGEST_GAZ_TITLE,
        INGEST_GAZ_ORG_WORD, INGEST_GAZ_PLACE_WORD, INGEST_GAZ_TITLE_MOD};
    if (b - pa < 2 || b - pa > 3)
        return false;
    for (size_t k = pa; k < b; k++) {
        const char *w = s + t[k].start;
        size_t wn = (k + 1 == b ? end : t[k].end) - t[k].start;
        if (t[k].kind != INGEST_TOK_WORD || !(t[k].flags & INGEST_TOKF_CAP) ||
            (t[k].flags & INGEST_TOKF_ALLCAPS) || ingest_gaz_find(g, w, wn, INGEST_GAZ_PLACE))
            return false;
        for (size_t c = 0; c < sizeof other / sizeof *other; c++)
            if (ingest_gaz_has(g, w, wn, other[c]))
                return false;
    }
    return true;
}

/* True if the tokens t[0..k) can be a dateline: capitalised words
 * ("LANSING", "Mich.") and commas only, or a date's day number ("Rajkot,
 * Jan 26", "Oct 23"), so a bracket at k follows it. */
static bool dateline_before(const struct ingest_tok *t, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (!(t[i].kind == INGEST_TOK_WORD && (t[i].flags & INGEST_TOKF_CAP)) &&
            !(t[i].kind == INGEST_TOK_NUM && i > 0 && t[i].end - t[i].start <= 2) &&
            !(t[i].kind == INGEST_TOK_PUNCT && (t[i].ch == ',' || t[i].ch == '.')))
            return false;
    return true;
}

/* True if the dateline t[0..k) holds a comma or a day number ("Rajkot, Jan
 * 26", "Oct 23"): a bare capitalised run before a bracket and a colon is
 * more often a name with its party or ward ("Maria Lopez (Harborview):"). */
static bool dateline_dated(const struct ingest_tok *t, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (t[i].kind == INGEST_TOK_NUM || (t[i].kind == INGEST_TOK_PUNCT && t[i].ch == ','))
            return true;
    return false;
}

/* True if `sys` and `num` make a US highway by its number alone ("north on
 * U.S. 641", "US 30"): the system's name, then a number of at most three
 * digits; "U.S. 2020 elections" is a year after the country. */
static bool us_highway_tok(const char *s, const struct ingest_tok *sys,
                           const struct ingest_tok *num)
{
    if (num->kind != INGEST_TOK_NUM || num->end - num->start > 3 ||
        !(ingest_tok_is(s, sys, "U.S.") || ingest_tok_is(s, sys, "US")))
        return false;
    for (size_t i = num->start; i < num->end; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Police and military ranks as newspapers abbreviate them, which stack
 * before a name: British "Det Ch Insp Simon Oduya", "Det Supt", "DCI", "PC";
 * Nigerian, Ghanaian, Malaysian and Indian police "SP", "DSP", "CSP", "ACP",
 * "IGP"; army "Brig Gen", "Lt Col", "Maj". They mark the words after them as
 * a person's name even when the given name is one no list holds. */
static const char *const police_ranks[] = {
    "acc", "acp", "asp", "brig", "capt", "ch", "col", "con", "cpl", "csp", "dc",  "dci",
    "dcp", "det", "di",  "dig",  "ds",   "dsi", "dsp", "dsupt", "gen", "igp", "insp", "lt",
    "maj", "pc",  "sgt", "sp",   "ssp",  "supt",
}; /* sorted */

/* The token after a stack of police ranks opening t[a..b) (a when none). */
static size_t police_ranks_end(const char *s, const struct ingest_tok *t, size_t a, size_t b)
{
    size_t k = a;
    while (k + 2 < b && t[k].kind == INGEST_TOK_WORD && (t[k].flags & INGEST_TOKF_CAP) &&
           !(t[k].flags & INGEST_TOKF_POSS) &&
           ingest_word_in(police_ranks, sizeof police_ranks / sizeof *police_ranks, s + t[k].start,
                          t[k].end - t[k].start))
        k++;
    return k;
}

/* "ROSS KELWAY tore into the officials": tabloids open a story with the
 * name in capitals. A run of two or three words in capitals at a paragraph's
 * start, the first a listed given name, followed by a word in lower case (the
 * verb), is that person; a headline or label in capitals has no such verb. */
static bool caps_lead_name(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                           size_t n, size_t a, size_t b, int32_t para)
{
    if (para < 0 || a != 0 || b - a < 2 || b - a > 3 || b >= n || t[b].kind != INGEST_TOK_WORD ||
        !(t[b].flags & INGEST_TOKF_LOWER) || t[b].start != t[b - 1].end + 1)
        return false;
    for (size_t k = a; k < b; k++)
        if (t[k].kind != INGEST_TOK_WORD || !(t[k].flags & INGEST_TOKF_ALLCAPS) ||
            (t[k].flags & INGEST_TOKF_POSS) || t[k].end - t[k].start < 2 ||
            memchr(s + t[k].start, '.', t[k].end - t[k].start))
            return false;
    char tc[64];
    size_t m = titlecase(s + t[a].start, t[a].end - t[a].start, tc, sizeof tc);
    return m && (given_has(g, tc, m, INGEST_GAZ_GIVEN_MALE) ||
                 given_has(g, tc, m, INGEST_GAZ_GIVEN_FEMALE));
}

static bool age_follows(const char *s, const struct ingest_tok *t, size_t n, size_t j);

/* "Thabo Zulu", "Bongani Zulu, 45,": a language's name (listed as no entity)
 * closing a run of two or three words is a surname ("Zulu" is one of South
 * Africa's commonest) when a listed given name opens the run or an age
 * follows it. Token k is the word, na the name's first token. */
static bool language_surname(const struct ingest_gaz *g, const char *s,
                             const struct ingest_tok *t, size_t n, size_t na, size_t k, size_t b)
{
    return k + 1 == b && k > na && b - na <= 3 && !(t[k].flags & INGEST_TOKF_ALLCAPS) &&
           (given_name_at(g, s, &t[na]) || age_follows(s, t, n, b));
}

/* "Martin Okafor III": a generational numeral closing a name of two words
 * or more is part of it, though in capitals. */
static bool numeral_suffix(const char *w, size_t n)
{
    static const char *const numerals[] = {"ii", "iii", "iv"}; /* sorted, lower */
    return ingest_word_in(numerals, sizeof numerals / sizeof *numerals, w, n);
}

/* "the Shri Kalbhairav Temple", "President Ann Roe Drive": a run that
 * reads as a title and a name but ends in a street's or a place of
 * worship's word names that site, after the person it honours. */
static bool titled_site(const char *s, const struct ingest_tok *t, size_t na, size_t b, size_t end)
{
    static const char *const sites[] = {"avenue", "drive",  "mosque", "road",
                                        "shrine", "street", "temple", "way"}; /* sorted */
    return b - na >= 2 && (t[b - 1].flags & INGEST_TOKF_CAP) &&
           ingest_word_in(sites, sizeof sites / sizeof *sites, s + t[b - 1].start,
                          end - t[b - 1].start);
}

/* "All Pakistan Textile Mills Association", "All India Radio": "All"
 * before a country's name opens a nationwide body's name, kept whole when
 * the run ends in an organisation word (or is listed). */
static bool all_country_org(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                            size_t a, size_t b, size_t end)
{
    return b - a >= 3 && ingest_tok_is(s, &t[a], "All") &&
           ingest_gaz_find(g, s + t[a + 1].start, t[a + 1].end - t[a + 1].start,
                           INGEST_GAZ_PLACE) &&
           ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_ORG_WORD);
}

/* "University of the Sunshine Coast", "College of the North Atlantic": a
 * university or college of a place is the institution, though the place's
 * last word ("Coast") would make the run a place. */
static bool academy_of(const char *s, const struct ingest_tok *t, size_t a, size_t b)
{
    return b - a >= 3 &&
           (ingest_tok_is(s, &t[a], "University") || ingest_tok_is(s, &t[a], "College")) &&
           ingest_tok_is(s, &t[a + 1], "of");
}

static size_t town_of_state(const char *s, const struct ingest_tok *t, size_t n, size_t j,
                            const struct ingest_gaz *g, const struct ingest_gaz_entry **abbr);

/* "Prince William County", "in Loudoun and Prince William counties", "King
 * George County": a county named after a royal opens with a title word; a
 * word for a county closing the name t[na..b) (the last word ending at end),
 * or a plural one in lower case right after it, makes the run a place, no
 * titled person (not "Prince William, who"). */
static bool titled_county(const char *s, const struct ingest_tok *t, size_t n, size_t na,
                          size_t b, size_t end)
{
    static const char *const areas[] = {"borough", "county", "parish", "township"}; /* sorted */
    static const char *const plurals[] = {"boroughs", "counties", "parishes",
                                          "townships"}; /* sorted */
    if (b - na >= 2 && (t[b - 1].flags & INGEST_TOKF_CAP) &&
        ingest_word_in(areas, sizeof areas / sizeof *areas, s + t[b - 1].start,
                       end - t[b - 1].start))
        return true;
    return end == t[b - 1].end && b < n && t[b].kind == INGEST_TOK_WORD &&
           (t[b].flags & INGEST_TOKF_LOWER) && t[b].quote == t[b - 1].quote &&
           ingest_word_in(plurals, sizeof plurals / sizeof *plurals, s + t[b].start,
                          t[b].end - t[b].start);
}

/* Whether the run t[a..b) (last word ending at end), of three words at most
 * and closed by a plural organisation word ("Services", "Affairs"), is
 * followed by "and", one or two capitalised words, a title word and a
 * capitalised name: a portfolio cut by its "and". */
static bool remit_before_and_title(const struct ingest_gaz *g, const char *s,
                                   const struct ingest_tok *t, size_t n, size_t a, size_t b,
                                   size_t end)
{
    const char *wl = s + t[b - 1].start;
    size_t wln = end - t[b - 1].start;
    if (b - a > 3 || end != t[b - 1].end || b + 3 >= n || wln < 4 || wl[wln - 1] != 's' ||
        !ingest_gaz_has(g, wl, wln, INGEST_GAZ_ORG_WORD) || !ingest_tok_is(s, &t[b], "and"))
        return false;
    size_t k = b + 1;
    while (k < n && k < b + 3 && tok_capword(&t[k]) && t[k].quote == t[a].quote &&
           !ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_TITLE))
        k++;
    return k > b + 1 && k + 1 < n && t[k].quote == t[a].quote &&
           ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_TITLE) &&
           tok_capword(&t[k + 1]);
}

static bool run_classify(const char *s, const struct ingest_tok *t, size_t n, size_t a, size_t b,
                         size_t run_end_byte, int32_t para, const struct ingest_gaz *g,
                         struct cands *out, size_t *pos, bool cue_after)
{
    struct cand c = {0};
    c.para = para;
    c.text = s;
    c.in_quote = t[a].quote >= 0;
    c.entity = -1;
    c.cue_after = cue_after;
    size_t end = run_end_byte;
    /* "its Director of Communications, Ademola Olaoye,", "the Commissioner
     * of Police, Kola Adeyemi,": a title of a service in apposition to its
     * holder's name is the post, no organisation */
    size_t org = a;
    if (title_of_before_holder(g, s, t, n, a, b, &org))
        return org == a || run_classify(s, t, n, org, b, run_end_byte, para, g, out, pos, cue_after);
    /* "published in the journal Cell Reports Medicine": what follows the
     * word "journal" in lower case is its title, an organisation */
    if (a >= 1 && para >= 0 && b - a <= 5 && ingest_tok_is(s, &t[a - 1], "journal") &&
        t[a - 1].end + 1 == t[a].start && t[a - 1].quote == t[a].quote &&
        !(t[a].flags & INGEST_TOKF_POSS) && end == t[b - 1].end &&
        !(b + 1 < n && t[b].start == end + 1 && tok_capword(&t[b + 1]) &&
          (ingest_tok_is(s, &t[b], "and") || ingest_tok_is(s, &t[b], "of")))) {
        /* (not "the journal Ageing and Vascular Health": a title the run
         * holds only in part is left to the rules below) */
        c.kind = C_ORG;
        c.start = c.nstart = t[a].start;
        c.end = end;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "a Des Moines Register/Mediacom Iowa Poll", "USA TODAY/Suffolk
     * University Poll": the partner glued by a slash to a named poll is an
     * organisation; the poll's name and its place are not part of it */
    if (a >= 2 && b - a >= 2 && t[a - 1].kind == INGEST_TOK_PUNCT && t[a - 1].ch == '/' &&
        t[a - 1].start == t[a - 2].end && t[a - 1].end == t[a].start &&
        t[a - 2].kind == INGEST_TOK_WORD && !(t[a - 2].flags & INGEST_TOKF_LOWER) &&
        end == t[b - 1].end && ingest_tok_is(s, &t[b - 1], "Poll")) {
        size_t pb = b - 1;
        const struct ingest_gaz_entry *pl =
            pb - a >= 2 ? ingest_gaz_find(g, s + t[pb - 1].start, t[pb - 1].end - t[pb - 1].start,
                                          INGEST_GAZ_PLACE)
                        : NULL;
        if (pl)
            pb--;
        const struct ingest_gaz_entry *ke =
            ingest_gaz_find(g, s + t[a].start, t[pb - 1].end - t[a].start, INGEST_GAZ_ORG);
        if (!org_span_push(out, para, s, &t[a], t[pb - 1].end, ke, pos))
            return false;
        if (pl) {
            c.kind = C_PLACE;
            c.start = c.nstart = t[pb].start;
            c.end = t[pb].end;
            c.canon = pl->canon;
            c.canon_len = pl->canon_len;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
        return true;
    }
    /* "Harriet Colquhoun Political correspondent and X": the capitalised word
     * before a newsroom role is the beat, not the last word of a name that a
     * given name opens */
    static const char *const desk_roles[] = {"columnist", "correspondent", "editor",
                                             "reporter",  "writer"}; /* sorted */
    if (b - a >= 3 && b < n && t[b].kind == INGEST_TOK_WORD && (t[b].flags & INGEST_TOKF_LOWER) &&
        end == t[b - 1].end && t[b].start == end + 1 && given_name_at(g, s, &t[a]) &&
        !given_name_at(g, s, &t[b - 1]) &&
        ingest_word_in(desk_roles, sizeof desk_roles / sizeof *desk_roles, s + t[b].start,
                       t[b].end - t[b].start)) {
        b--;
        end = t[b - 1].end;
    }
    /* "Sarah Lindqvist KC", "a New Dawn Party MP for": letters after a name
     * of two words or more are no part of it */
    if (b - a >= 3 && end == t[b - 1].end &&
        (tok_postnominal(s, &t[b - 1]) ||
         (tok_seat_letters(s, &t[b - 1]) &&
          (given_name_at(g, s, &t[a]) ||
           ingest_gaz_has(g, s + t[b - 2].start, t[b - 2].end - t[b - 2].start,
                          INGEST_GAZ_ORG_WORD))))) {
        b--;
        end = t[b - 1].end;
    }
    /* "Minister of State at the Department of Housing Ciarán Mac Giolla Rí
     * said": a body's "X of Topic" runs into the name of its officer; the
     * body is named, and the run goes on from the given name */
    size_t op = org_then_person(g, s, t, a, b, end);
    if (op) {
        if (!org_span_push(out, para, s, &t[a], t[op - 1].end,
                           ingest_gaz_find(g, s + t[a].start, t[op - 1].end - t[a].start,
                                           INGEST_GAZ_ORG),
                           pos))
            return false;
        a = op;
        c.in_quote = t[a].quote >= 0;
    }
    /* "Deputy Minister of Industry and Trade Nguyen Thi Thu Hang": the run
     * after a title's "of A and" opens with the portfolio's last word */
    if (b - a >= 3 && portfolio_and_before(g, s, t, a))
        a++;
    /* "Minister for Transport Lim Wei Ling", "Minister of State for Foreign
     * Affairs Lim Wei Ling said": the portfolio after a title's "for" runs
     * into a name no list knows; the name is the rest, a person */
    size_t pf = portfolio_for_end(g, s, t, a, b, end);
    if (pf) {
        a = pf;
        c.person_hint = true;
    }
    /* "Mrs Ngozi Aneke-Okafor, SAN, described": the letters alone between a
     * name and a comma or full stop name nothing */
    if (b - a == 1 && a >= 2 && tok_postnominal(s, &t[a]) && t[a - 1].kind == INGEST_TOK_PUNCT &&
        t[a - 1].ch == ',' && tok_capword(&t[a - 2]) && !(t[a - 2].flags & INGEST_TOKF_ALLCAPS) &&
        (b >= n || t[b].kind == INGEST_TOK_PUNCT))
        return true;
    bool allcaps1 = b - a == 1 && (t[a].flags & INGEST_TOKF_ALLCAPS);
    /* "NEW DELHI: The Lok Sabha ...", "NEW YORK —", "MUMBAI/NEW DELHI:": a
     * dateline of two or three words in capitals opening the first
     * paragraph, alone or after another place and a slash */
    if (para == 0 && a <= 4 && b - a <= 3 && b < n && t[b].kind == INGEST_TOK_PUNCT) {
        allcaps1 = true;
        for (size_t k = 0; k < b && allcaps1; k++)
            allcaps1 = (t[k].flags & INGEST_TOKF_ALLCAPS) ||
                       (k < a && t[k].kind == INGEST_TOK_PUNCT && t[k].ch == '/');
    }
    /* whole run known? */
    const struct ingest_gaz_entry *e = gaz_name(g, s + t[a].start, end - t[a].start, allcaps1);
    /* "a Washington Post-ABC News poll": two known organisations joined by
     * a hyphen inside one word (a joint poll) are both named */
    for (size_t q = a; !e && q < b; q++) {
        const char *h = memchr(s + t[q].start, '-', t[q].end - t[q].start);
        if (!h || h == s + t[q].start || h + 1 >= s + t[q].end)
            continue;
        size_t hb = (size_t)(h - s), f = a; /* past "A" and other sentence words */
        const struct ingest_gaz_entry *l = NULL;
        for (; !l && f <= q && f < a + 3; f++)
            l = ingest_gaz_find(g, s + t[f].start, hb - t[f].start, INGEST_GAZ_ORG);
        const struct ingest_gaz_entry *r =
            l ? ingest_gaz_find(g, s + hb + 1, end - hb - 1, INGEST_GAZ_ORG) : NULL;
        if (!r)
            break;
        f--;
        struct cand lc = c, rc = c;
        lc.start = lc.nstart = t[f].start;
        lc.end = hb;
        lc.sent_start = (t[f].flags & INGEST_TOKF_SENT_START) != 0;
        lc.kind = rc.kind = C_ORG;
        lc.canon = l->canon;
        lc.canon_len = l->canon_len;
        lc.pos = (*pos)++;
        rc.start = rc.nstart = hb + 1;
        rc.end = end;
        rc.canon = r->canon;
        rc.canon_len = r->canon_len;
        rc.pos = (*pos)++;
        return cands_push(out, &lc) && cands_push(out, &rc);
    }
    /* strip leading sentence words and retry; past the first word, a name
     * ending in an organisation word keeps its capitalised words ("A
     * Government Accountability Office report") */
    bool org_tail = ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_ORG_WORD);
    size_t a0 = a;
    /* "near New Albany", "in Little Rock": in mid-sentence these open a name */
    static const char *const name_openers[] = {"big", "great", "little", "new", "old"}; /* sorted */
    while (!e && a < b &&
           (ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_STOPCAP) ||
            (a == a0 && b - a >= 2 && gerund_opener(g, s, t, a, b, end))) &&
           !(org_tail && a > a0 && b - a >= 3) && !place_opens(g, s, t, a, b) &&
           !(a == a0 && b - a >= 2 && !(t[a].flags & INGEST_TOKF_SENT_START) &&
             (t[a].flags & INGEST_TOKF_CAP) &&
             ingest_word_in(name_openers, 5, s + t[a].start, t[a].end - t[a].start)) &&
           !ordinal_opens(g, s, t, a, a0, b, end, org_tail) &&
           !(a == a0 && org_tail && noun_opens_org(s, t, a, b)) &&
           !(a == a0 && surname_he(s, t, a, b)) && !(a == a0 && all_country_org(g, s, t, a, b, end))) {
        a++;
        if (a < b)
            e = gaz_name(g, s + t[a].start, end - t[a].start,
                         b - a == 1 && (t[a].flags & INGEST_TOKF_ALLCAPS));
    }
    /* "the U.S. Federal Reserve", "UK Competition and Markets Authority": a
     * country's short form (capitals, four letters at most) before a known
     * organisation is a modifier; the organisation is named */
    if (!e && a < b && b - a >= 2 && t[a].end - t[a].start <= 4 &&
        !(t[a].flags & INGEST_TOKF_LOWER) && all_caps(s + t[a].start, t[a].end - t[a].start) &&
        ingest_gaz_find(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_PLACE)) {
        const struct ingest_gaz_entry *eo =
            ingest_gaz_find(g, s + t[a + 1].start, end - t[a + 1].start, INGEST_GAZ_ORG);
        if (eo) {
            e = eo;
            a++;
        }
    }
    if (a >= b)
        return true;
    /* "her State of the State address": a listed name of no entity, whole */
    if (!e && b - a >= 2 && ingest_gaz_has(g, s + t[a].start, end - t[a].start, INGEST_GAZ_NOT_ENTITY))
        return true;
    /* "The Greens were blunter": a known name with and without "The" is
     * written without it, so the alias is the bare name */
    if (e && b - a >= 2 && ingest_tok_ieq(s, &t[a], "the")) {
        const struct ingest_gaz_entry *e2 = gaz_name(g, s + t[a + 1].start, end - t[a + 1].start,
                                                     false);
        if (e2 && e2->canon == e->canon)
            a++;
    }
    c.start = t[a].start;
    c.end = end;
    c.nstart = c.start;
    c.sent_start = (t[a].flags & INGEST_TOKF_SENT_START) != 0;
    /* "a statement to The Western Journal": a capitalised "The" in
     * mid-sentence before a paper's name is the paper's own; the name is
     * kept bare (as "Western Journal" is written elsewhere) and with it */
    static const char *const papers[] = {"chronicle", "courier",  "dispatch", "examiner",
                                         "gazette",   "herald",   "inquirer", "journal",
                                         "news",      "observer", "post",     "register",
                                         "sentinel",  "telegraph",
                                         "times",     "tribune"}; /* sorted */
    /* at a sentence's start only before two words or more ("The Des Moines
     * Register urged"), since "The Times" there may be the article */
    if (!e && (para >= 0 || para == PARA_CREDIT) && a == a0 + 1 && b - a >= 1 &&
        ingest_tok_is(s, &t[a0], "The") &&
        (!(t[a0].flags & INGEST_TOKF_SENT_START) || b - a >= 2) && t[a0].quote == t[a].quote &&
        ingest_word_in(papers, sizeof papers / sizeof *papers, s + t[b - 1].start,
                       end - t[b - 1].start)) {
        c.start = t[a0].start;
        c.the_alias = true;
        /* "The Charlotte Observer": a paper, though a given name opens it */
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "a single mother in Gallup who": a pollster that is also a town is the
     * town after "in", "near", "outside" (not "in Gallup polling") */
    static const char *const loc_preps[] = {"in", "near", "outside"};          /* sorted */
    static const char *const poll_nouns[] = {"data", "figures", "numbers", "poll", "polling",
                                             "polls", "survey", "surveys"}; /* sorted */
    if (e && e->cls == INGEST_GAZ_ORG && b - a == 1 && a > 0 &&
        !(t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) &&
        t[a - 1].kind == INGEST_TOK_WORD &&
        ingest_word_in(loc_preps, 3, s + t[a - 1].start, t[a - 1].end - t[a - 1].start) &&
        !next_word_in(s + end, poll_nouns, 8)) {
        const struct ingest_gaz_entry *pl =
            ingest_gaz_find(g, s + t[a].start, end - t[a].start, INGEST_GAZ_PLACE);
        if (pl)
            e = pl;
    }
    /* "deforestation in the Amazon": a company that is also a listed region
     * is the region behind "the" ("compete with Walmart and Amazon": the firm) */
    if (e && e->cls == INGEST_GAZ_ORG && b - a == 1 && a > 0 && ingest_tok_is(s, &t[a - 1], "the") &&
        !(t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS))) {
        const struct ingest_gaz_entry *pl =
            ingest_gaz_find(g, s + t[a].start, end - t[a].start, INGEST_GAZ_PLACE);
        if (pl)
            e = pl;
    }
    if (e) {
        c.kind = e->cls == INGEST_GAZ_ORG ? C_ORG : C_PLACE;
        c.canon = e->canon;
        c.canon_len = e->canon_len;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "a student at UNC Charlotte", "UC Davis": a university's initials (a
     * "U" first or last) before a listed town name its campus */
    if (b - a == 2 && t[a].end - t[a].start >= 2 && t[a].end - t[a].start <= 5 &&
        !(t[a].flags & INGEST_TOKF_POSS) && all_caps(s + t[a].start, t[a].end - t[a].start) &&
        (s[t[a].start] == 'U' || s[t[a].end - 1] == 'U') &&
        !gaz_name(g, s + t[a].start, t[a].end - t[a].start, true) &&
        ingest_gaz_find(g, s + t[a + 1].start, end - t[a + 1].start, INGEST_GAZ_PLACE)) {
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "the \u201cSteel Horizon\u201d franchise", a sign that read "Save Our
     * Mill.": capitalised words filling a quotation are a work's title or a
     * slogan, no entity, unless a given name opens them ("\u201cDennis
     * Roe,\u201d she said") or an organisation or place word ends them */
    if (para >= 0 && b - a >= 2 && quote_filled(s, t[a].start, end) && !given_name_at(g, s, &t[a]) &&
        !ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_ORG_WORD) &&
        !ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_PLACE_WORD))
        return true;
    /* "Dublin South Central", "Cork North-Central": a known place and one or
     * two compass words, a constituency or district, is a place */
    if (para >= 0 && b - a >= 2 && b - a <= 4) {
        size_t q = b - 1;
        while (q > a && b - q <= 2 && compass_tok(s, &t[q], q == b - 1 ? end : t[q].end))
            q--;
        const struct ingest_gaz_entry *pe =
            q + 1 < b && !compass_tok(s, &t[q], t[q].end)
                ? gaz_name(g, s + t[a].start, t[q].end - t[a].start, false)
                : NULL;
        if (pe && pe->cls == INGEST_GAZ_PLACE && (t[q + 1].flags & INGEST_TOKF_CAP) &&
            !compass_tok(s, &t[a], t[a].end)) {
            c.kind = C_PLACE;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "Taoiseach Conor Breathnach", "Sinn Féin TD Pádraig Coyle": words the
     * lists do not know before a given name and surname make a title; a
     * known organisation or place opening them is named too */
    size_t gk = para >= 0 ? given_after_unknown(g, s, t, a, b, end) : 0;
    if (gk) {
        size_t p = 0;
        const struct ingest_gaz_entry *pe = NULL;
        for (size_t q = gk; q > a && !pe; q--)
            if ((pe = gaz_name(g, s + t[a].start, t[q - 1].end - t[a].start,
                               q - a == 1 && (t[a].flags & INGEST_TOKF_ALLCAPS))))
                p = q;
        if (pe) {
            struct cand pc = c;
            pc.end = t[p - 1].end;
            pc.kind = pe->cls == INGEST_GAZ_ORG ? C_ORG : C_PLACE;
            pc.canon = pe->canon;
            pc.canon_len = pe->canon_len;
            pc.pos = (*pos)++;
            if (!cands_push(out, &pc))
                return false;
            c.start = t[p].start;
            c.sent_start = false;
        } else if (gk - a > 2) {
            gk = 0;
        }
        if (gk) {
            c.nstart = t[gk].start;
            c.kind = C_PERSON;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "Bank of Canada Cuts Rates Again": title case glues a headline's verb
     * to a known name; the longest known name of two words or more opening
     * the run is named, unless a title or a given name follows it */
    if (para < 0 && b - a >= 3) {
        size_t q = b - 1;
        const struct ingest_gaz_entry *pe = NULL;
        for (; q >= a + 2 && !pe; q--)
            pe = gaz_name(g, s + t[a].start, t[q - 1].end - t[a].start, false);
        q++; /* the loop stepped once past the prefix's end */
        static const enum ingest_gaz_class name_words[] = {
            INGEST_GAZ_TITLE, INGEST_GAZ_TITLE_MOD, INGEST_GAZ_ORG_WORD, INGEST_GAZ_PLACE_WORD};
        bool rest_plain = pe != NULL && words_plain(g, s, t, q, b, end, name_words, 4);
        if (rest_plain) {
            c.end = t[q - 1].end;
            c.kind = pe->cls == INGEST_GAZ_ORG ? C_ORG : C_PLACE;
            c.canon = pe->canon;
            c.canon_len = pe->canon_len;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "the Clean Water Act", "the Renters' Security Bill": a law, no entity;
     * nor is a public programme not listed ("the Children's Health Insurance
     * Program"; "World Food Programme" is), nor a market or price index
     * ("the KBW Nasdaq Bank Index", "the Consumer Price Index") */
    static const char *const laws[] = {"act",     "bill",    "index",
                                       "ordinance", "program", "programme"}; /* sorted, lower */
    if (b - a >= 2 && (t[b - 1].flags & INGEST_TOKF_CAP) &&
        ingest_word_in(laws, sizeof laws / sizeof *laws, s + t[b - 1].start,
                       end - t[b - 1].start) &&
        (b - a >= 3 || !ingest_bytes_eq(s + t[b - 1].start, end - t[b - 1].start, "Bill")))
        return true;
    /* "Public Services and Procurement Minister Ann Roe": a plural remit
     * before "and", one or two words and a title is the first half of the
     * minister's portfolio, no body of its own ("Human Services") */
    if (remit_before_and_title(g, s, t, n, a, b, end))
        return true;
    /* "Toledo Blade columnist Mara Quinn": an unlisted name of two words or
     * more before a newsroom job and a capitalised name is the outlet the
     * person writes for (no given name opens it, no listed place ends it) */
    static const char *const press_jobs[] = {"anchor", "columnist", "correspondent",
                                             "reporter"}; /* sorted */
    if (!e && b - a >= 2 && end == t[b - 1].end && b + 1 < n && t[b].kind == INGEST_TOK_WORD &&
        (t[b].flags & INGEST_TOKF_LOWER) && t[b].quote == t[a].quote &&
        ingest_word_in(press_jobs, sizeof press_jobs / sizeof *press_jobs, s + t[b].start,
                       t[b].end - t[b].start) &&
        tok_capword(&t[b + 1]) && !given_name_at(g, s, &t[a]) &&
        !(t[b - 1].flags & INGEST_TOKF_POSS) &&
        !ingest_gaz_find(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_PLACE)) {
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "the Building Management (Amendment) Bill": a bracketed word before
     * the law word splits the law's title; its first part is no entity */
    if (end == t[b - 1].end && b + 3 < n && ingest_tok_is(s, &t[b], "(") &&
        (t[b + 1].flags & INGEST_TOKF_CAP) && ingest_tok_is(s, &t[b + 2], ")") &&
        ingest_word_in(laws, sizeof laws / sizeof *laws, s + t[b + 3].start,
                       t[b + 3].end - t[b + 3].start))
        return true;
    /* "the GOP Senate primary": the party and the chamber, each named */
    if (b - a == 2 && (ingest_tok_is(s, &t[a + 1], "Senate") || ingest_tok_is(s, &t[a + 1], "House")) &&
        end == t[a + 1].end) {
        const struct ingest_gaz_entry *pe =
            ingest_gaz_find(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_ORG);
        if (pe && ingest_tok_is(s, &t[a], "GOP"))
            return chamber_push(s, t, a, g, pe, C_ORG, c, out, pos);
    }
    /* "Republican Senate candidate", "a Democratic House aide": a party's
     * label on the chamber names the chamber alone; "Michigan Senate
     * hopeful", "the Ohio Senate race", "North Carolina Senate race",
     * "Michigan Republican Senate nominee": a state's seat in the chamber
     * names the state and the chamber, not the state's own senate */
    size_t ch = b - 1;
    if (b - a >= 2 && b - a <= 4 &&
        (ingest_tok_is(s, &t[ch], "Senate") || ingest_tok_is(s, &t[ch], "House")) &&
        end == t[ch].end && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        !(t[ch - 1].flags & INGEST_TOKF_POSS)) {
        static const char *const labels[] = {"democrat", "democratic", "republican"}; /* sorted */
        static const char *const races[] = {
            "bid",      "campaign", "candidacy", "candidate", "candidates", "challenger",
            "contest",  "contests", "debate",    "debates",   "hopeful",    "hopefuls",
            "matchup",  "nominee",  "nominees",  "primary",   "race",       "races",
            "run",      "runoff",   "seat",      "seats"}; /* sorted */
        bool race = b < n && t[b].kind == INGEST_TOK_WORD && (t[b].flags & INGEST_TOKF_LOWER) &&
                    t[b].quote == t[a].quote &&
                    ingest_word_in(races, sizeof races / sizeof *races, s + t[b].start,
                                   t[b].end - t[b].start);
        bool label = ingest_word_in(labels, 3, s + t[ch - 1].start, t[ch - 1].end - t[ch - 1].start);
        size_t se = label ? ch - 1 : ch; /* the state's words end here */
        const struct ingest_gaz_entry *st =
            se > a ? ingest_gaz_find(g, s + t[a].start, t[se - 1].end - t[a].start, INGEST_GAZ_PLACE)
                   : NULL;
        if (b - a == 2 && (label || (st && race)))
            return chamber_push(s, t, a, g, st, C_PLACE, c, out, pos);
        if (b - a > 2 && st && race)
            return chamber_push_at(s, t, a, se, ch, g, st, C_PLACE, c, out, pos);
    }
    /* "Senate Democrats", "House GOP aides": a chamber's party members name
     * the chamber; "the House", "a House vote": the chamber alone */
    static const char *const chambers[] = {"House", "Senate"};
    static const char *const party_words[] = {"democratic", "democrats", "gop", "republican",
                                              "republicans"}; /* sorted, lower */
    if ((b - a == 1 || (b - a == 2 && ingest_word_in(party_words, 5, s + t[a + 1].start,
                                                     end - t[a + 1].start))) &&
        !(t[a].flags & INGEST_TOKF_ALLCAPS) && !(t[a].flags & INGEST_TOKF_POSS && b - a == 2)) {
        for (size_t k = 0; k < 2; k++) {
            if (!ingest_bytes_eq(s + t[a].start, t[a].end - t[a].start, chambers[k]))
                continue;
            /* "House GOP campaign chief": "GOP" is the party's own name */
            const struct ingest_gaz_entry *gop =
                b - a == 2 && ingest_tok_is(s, &t[a + 1], "GOP")
                    ? ingest_gaz_find(g, s + t[a + 1].start, end - t[a + 1].start, INGEST_GAZ_ORG)
                    : NULL;
            if (gop) {
                struct cand pc = c;
                pc.start = pc.nstart = t[a + 1].start;
                pc.end = end;
                pc.kind = C_ORG;
                pc.canon = gop->canon;
                pc.canon_len = gop->canon_len;
                pc.pos = (*pos)++;
                if (!cands_push(out, &pc))
                    return false;
            }
            e = ingest_gaz_find(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_ORG);
            c.end = t[a].end;
            c.kind = C_ORG;
            c.canon = e ? e->canon : NULL;
            c.canon_len = e ? e->canon_len : 0;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "Guardian Australia", "BBC Scotland": a known organisation's branch in a
     * known place is an organisation, no person */
    for (size_t q = a + 1; q < b && b - a <= 4; q++) {
        const struct ingest_gaz_entry *po =
            gaz_name(g, s + t[q].start, end - t[q].start, false);
        const struct ingest_gaz_entry *oo =
            po && po->cls == INGEST_GAZ_PLACE
                ? gaz_name(g, s + t[a].start, t[q - 1].end - t[a].start,
                           q - a == 1 && (t[a].flags & INGEST_TOKF_ALLCAPS))
                : NULL;
        if (oo && oo->cls == INGEST_GAZ_ORG) {
            c.kind = C_ORG;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "the Ohio AFL-CIO", "the Michigan NAACP": a known organisation's
     * branch in a known place, named before it, is one organisation */
    for (size_t q = a + 1; q < b && q <= a + 2 && b - a <= 4; q++) {
        const struct ingest_gaz_entry *pp = gaz_name(g, s + t[a].start, t[q - 1].end - t[a].start,
                                                     false);
        const struct ingest_gaz_entry *po =
            pp && pp->cls == INGEST_GAZ_PLACE && !(t[a].flags & INGEST_TOKF_ALLCAPS)
                ? gaz_name(g, s + t[q].start, end - t[q].start,
                           b - q == 1 && (t[q].flags & INGEST_TOKF_ALLCAPS))
                : NULL;
        if (po && po->cls == INGEST_GAZ_ORG) {
            c.kind = C_ORG;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "a 2009 Chevrolet Impala": a model year, a known maker and its model;
     * the maker is named */
    if (b - a >= 2 && a > 0 && t[a - 1].kind == INGEST_TOK_NUM && t[a - 1].end - t[a - 1].start == 4 &&
        (s[t[a - 1].start] == '1' || s[t[a - 1].start] == '2')) {
        const struct ingest_gaz_entry *mk =
            gaz_name(g, s + t[a].start, t[a].end - t[a].start, false);
        if (mk && mk->cls == INGEST_GAZ_ORG) {
            c.end = t[a].end;
            c.kind = C_ORG;
            c.canon = mk->canon;
            c.canon_len = mk->canon_len;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "played a Navy SEAL", "an Army Ranger": a member of a service's unit
     * names the service */
    if (b - a == 2 &&
        (ingest_tok_is(s, &t[a], "Navy") || ingest_tok_is(s, &t[a], "Army")) &&
        (ingest_bytes_eq(s + t[a + 1].start, end - t[a + 1].start, "SEAL") ||
         ingest_bytes_eq(s + t[a + 1].start, end - t[a + 1].start, "SEALs") ||
         ingest_bytes_eq(s + t[a + 1].start, end - t[a + 1].start, "Ranger") ||
         ingest_bytes_eq(s + t[a + 1].start, end - t[a + 1].start, "Rangers"))) {
        c.end = t[a].end;
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "Athletics Kenya", "Statistics Norway", "Cycling New Zealand": a
     * field's national body is named by the field and the country */
    /* ... and a public agency by its remit ("Housing Australia", "Transport
     * Canada", "Parks Victoria", "Services Australia") */
    static const char *const fields[] = {
        "athletics", "basketball", "cricket",   "cycling",  "football", "golf",
        "gymnastics", "hockey",    "housing",   "infrastructure", "netball", "parks",
        "rowing",    "rugby",      "sailing",   "screen",   "services", "skiing",
        "sport",     "statistics", "swimming",  "tennis",   "tourism",  "transport",
        "triathlon", "volleyball"}; /* sorted */
    if (b - a >= 2 && b - a <= 4 && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        ingest_word_in(fields, sizeof fields / sizeof *fields, s + t[a].start,
                       t[a].end - t[a].start)) {
        const struct ingest_gaz_entry *po = gaz_name(g, s + t[a + 1].start, end - t[a + 1].start,
                                                     false);
        if (po && po->cls == INGEST_GAZ_PLACE) {
            c.kind = C_ORG;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "caught Fine Gael Ministers by surprise", "Labour MPs": a known
     * organisation before a plural title names the organisation alone */
    /* ... and before a member's title with no name after it ("a Fianna Fáil
     * TD not usually counted among rebels", "a Labour MP") */
    static const char *const members[] = {"MEP", "MEPs", "MLA", "MLAs", "MP",  "MPP",
                                          "MPs", "MSP",  "MSPs", "TD",  "TDs"}; /* sorted */
    bool member = false;
    for (size_t k = 0; k < sizeof members / sizeof *members && !member && b - a >= 2; k++)
        member = ingest_bytes_eq(s + t[b - 1].start, end - t[b - 1].start, members[k]);
    if (b - a >= 2 && (plural_title_of(g, s + t[b - 1].start, end - t[b - 1].start, true) ||
                       member)) {
        const struct ingest_gaz_entry *oe = gaz_name(g, s + t[a].start, t[b - 2].end - t[a].start,
                                                     b - a == 2 && (t[a].flags & INGEST_TOKF_ALLCAPS));
        if (oe && oe->cls == INGEST_GAZ_ORG) {
            c.end = t[b - 2].end;
            c.kind = C_ORG;
            c.canon = oe->canon;
            c.canon_len = oe->canon_len;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
    }
    /* "Ohio House", "the Pennsylvania House": a state's lower chamber */
    if (b - a == 2 && ingest_bytes_eq(s + t[b - 1].start, end - t[b - 1].start, "House") &&
        ingest_gaz_find(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_PLACE)) {
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "the Brussels-based NGO Clean Mobility Europe": the kind, in capitals,
     * opens the run; the name after it is an organisation */
    if (b - a >= 2 && (ingest_tok_is(s, &t[a], "NGO") || ingest_tok_is(s, &t[a], "NGOs"))) {
        c.start = c.nstart = t[a + 1].start;
        c.sent_start = false;
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* an organisation noun right before the name says what it is, also in
     * apposition behind a determiner: "her firm, Bitterroot Strategies,"
     * (not a lone letter, which names a class: "blood group O") */
    if (a > 0 && !(b - a == 1 && end - t[a].start == 1) && ((t[a - 1].kind == INGEST_TOK_WORD && t[a - 1].end + 1 == t[a].start &&
                   org_noun_before(s, &t[a - 1]) && !role_org_noun_person(g, s, t, a, b)) ||
                  (a >= 3 && ingest_tok_is(s, &t[a - 1], ",") && !given_name_at(g, s, &t[a]) &&
                   t[a - 2].kind == INGEST_TOK_WORD && org_noun_before(s, &t[a - 2]) &&
                   /* not across a closing quote: "the largest company,” Senator X" */
                   t[a - 2].quote == t[a].quote &&
                   (appos_det(s, &t[a - 3]) ||
                    (a >= 4 && (t[a - 3].flags & INGEST_TOKF_LOWER) &&
                     t[a - 3].kind == INGEST_TOK_WORD && appos_det(s, &t[a - 4])))))) {
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* title prefix: titles, title words, demonyms, known names ("NATO") */
    size_t x = a;
    bool head = false;
    size_t last_head = a;
    while (x < b) {
        const char *w = s + t[x].start;
        size_t wn = t[x].end - t[x].start;
        size_t mh = malay_honorific_len(s, t, x, b);
        if (mh) { /* "Datuk Seri Ann Roe" */
            head = true;
            x += mh;
            last_head = x;
            continue;
        }
        /* (a plural opens the run: "Justices Ann Roe and X"; a title-case
         * headline's "Senators Found Common Ground" is none) */
        if (ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE) ||
            (x == a && plural_title_of(g, w, wn, para >= 0))) {
            head = true;
            x++;
            last_head = x;
            continue;
        }
        if (titleish(g, w, wn) || ingest_tok_is(s, &t[x], "of") || ingest_tok_is(s, &t[x], "the") ||
            gaz_name(g, w, wn, (t[x].flags & INGEST_TOKF_ALLCAPS) != 0) ||
            ((t[x].flags & INGEST_TOKF_ALLCAPS) && wn <= 6 && x + 1 < b)) {
            /* "Chief Executive Ann Roe": a title word right after the head,
             * with a name still to come, completes the title */
            if (head && last_head == x && x + 1 < b &&
                ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE_MOD))
                last_head = x + 1;
            x++;
            continue;
        }
        break;
    }
    /* "Secretary of State Ann Roe": "of" and title words after the head
     * belong to the title, not to the name */
    if (head && last_head < x && x < b && ingest_tok_is(s, &t[last_head], "of")) {
        size_t y = last_head + 1;
        if (y < x && ingest_tok_is(s, &t[y], "the"))
            y++;
        bool mods = y < x;
        for (size_t z = y; z < x && mods; z++)
            mods = ingest_gaz_has(g, s + t[z].start, t[z].end - t[z].start, INGEST_GAZ_TITLE_MOD);
        if (mods)
            last_head = x;
    }
    if (!head && b - a >= 3) {
        /* "Mobility Secretary María José Ortega": capitalised modifiers, then a
         * title word, then the name */
        for (size_t h = b - 1; h > a; h--) {
            if (ingest_gaz_has(g, s + t[h - 1].start, t[h - 1].end - t[h - 1].start,
                               INGEST_GAZ_TITLE) &&
                !ingest_gaz_has(g, s + t[h].start, t[h].end - t[h].start, INGEST_GAZ_TITLE)) {
                head = true;
                last_head = h;
                /* "White House Chief of Staff Ann Roe": "of" and title words
                 * after the head belong to the title */
                if (last_head + 2 < b && ingest_tok_is(s, &t[last_head], "of") &&
                    ingest_gaz_has(g, s + t[last_head + 1].start,
                                   t[last_head + 1].end - t[last_head + 1].start,
                                   INGEST_GAZ_TITLE_MOD))
                    last_head += 2;
                /* "Meridian Chief Executive Gordon Roe": the title goes on */
                while (last_head + 1 < b &&
                       ingest_gaz_has(g, s + t[last_head].start, t[last_head].end - t[last_head].start,
                                      INGEST_GAZ_TITLE_MOD))
                    last_head++;
                break;
            }
        }
    }
    /* "Director General Health Services Sindh Dr Shahnaz Abro", "Director of
     * Horticulture Dr. M. Prasanna Kumar": an honorific inside the run closes
     * the office before it, whatever its words; the name follows it */
    size_t hk = honorific_inside(s, t, head ? last_head : a, b);
    if (hk) {
        head = true;
        last_head = hk + 1;
    }
    /* "Minister of Agriculture and Food Security Datuk Ann Roe": a Malay
     * honorific inside the run likewise ends the office before it */
    for (size_t k = b - 1; k > (head ? last_head : a); k--) {
        size_t mh = malay_honorific_len(s, t, k, b);
        if (mh) {
            head = true;
            last_head = k + mh;
            break;
        }
    }
    size_t na = head ? last_head : a;
    /* the prefix must end with the head title word; "Defense Department" is none */
    if (head && na < b) {
        c.nstart = t[na].start;
        /* skip "of"/"the" left between title and name */
        bool of_left = false;
        while (na < b && (ingest_tok_is(s, &t[na], "of") || ingest_tok_is(s, &t[na], "the"))) {
            of_left = of_left || ingest_tok_is(s, &t[na], "of");
            na++;
        }
        if (na >= b || t[na].kind == INGEST_TOK_PUNCT) /* "Leaders' Questions" */
            return true;
        /* "Deputy Minister of Plantation and Commodities Datuk Ann Roe": one
         * word after the title's "of", cut off by "and", is the portfolio */
        if (of_left && b - na == 1 && b < n && ingest_tok_is(s, &t[b], "and") && b + 1 < n &&
            tok_capword(&t[b + 1]) &&
            !gaz_name(g, s + t[na].start, end - t[na].start, false))
            return true;
        c.nstart = t[na].start;
        /* "UNION CHIEF WARNS STATIONS ARE FULL": a headline in capitals, no name */
        if (b - na >= 3 && all_caps(s + t[na].start, end - t[na].start))
            return true;
        if (titled_site(s, t, na, b, end)) { /* "the Shri Ann Roe Temple" */
            c.nstart = c.start;
            c.kind = C_PLACE;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
        e = gaz_name(g, s + t[na].start, end - t[na].start, false);
        /* (not "Mr. Napier", "Dr Houston": a courtesy title right before
         * a listed town makes it a surname) */
        if (e && e->cls == INGEST_GAZ_PLACE && !courtesy_tok(s, t, na)) {
            /* "President of France": a title and a place, no person */
            c.start = t[na].start;
            c.nstart = c.start;
            c.kind = C_PLACE;
            c.canon = e->canon;
            c.canon_len = e->canon_len;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
        /* "Prince Albert, Sask.": a state's or province's abbreviation
         * after the comma places a town whose name opens with a title */
        const struct ingest_gaz_entry *st_ab = NULL;
        if (titled_county(s, t, n, na, b, end) ||
            (end == t[b - 1].end && town_of_state(s, t, n, b, g, &st_ab) && st_ab)) {
            c.nstart = c.start;
            c.kind = C_PLACE;
            c.pos = (*pos)++;
            return cands_push(out, &c);
        }
        const char *wl = s + t[b - 1].start;
        size_t wln = end - t[b - 1].start;
        if (ingest_gaz_has(g, wl, wln, INGEST_GAZ_ORG_WORD) ||
            /* "General Directorate of General Security": the words after
             * the title open with an organisation word and "of" */
            (b - na >= 3 && ingest_tok_is(s, &t[na + 1], "of") &&
             ingest_gaz_has(g, s + t[na].start, t[na].end - t[na].start, INGEST_GAZ_ORG_WORD)) ||
            /* "U.S. Attorney's Office for the District of Arizona" */
            (b - na >= 3 && ingest_tok_is(s, &t[na], "Office") && na > a &&
             (t[na - 1].flags & INGEST_TOKF_POSS)))
            return run_org_tail(s, t, a, b, end, g, &c, out, pos); /* "Justice Department" */
        if (b - na == 1 && ingest_gaz_has(g, wl, wln, INGEST_GAZ_TITLE_MOD))
            return true; /* "the US Secretary of State, X": no name yet */
        /* "Secretary of the Commonwealth Angela Ruiz": the title's object,
         * then the name; right after the head title the unknown words open
         * the name ("BJP MP Lalit Mohan Bisht": a three-part name) */
        size_t gk2 = na > last_head ? given_after_unknown(g, s, t, na, b, end) : 0;
        if (gk2 && gk2 - na <= 2) {
            na = gk2;
            c.nstart = t[na].start;
        }
        if (!title_org(s, t, a, last_head, g, &c, out, pos))
            return false;
        /* "GOP Senator Torches Democrats' Bill": a headline's verb and a
         * group noun after the title are no name */
        for (size_t k = na; k < b; k++)
            if (ingest_gaz_has(g, s + t[k].start, (k + 1 == b ? end : t[k].end) - t[k].start,
                               INGEST_GAZ_DEMONYM))
                return true;
        c.kind = b - na == 1 ? C_TITLED_SINGLE : C_PERSON;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    if (head && b - a == 1 && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        !(a > 0 && ingest_tok_ieq(s, &t[a - 1], "the"))) {
        /* "Dean, a retired pilot, said": a title word alone may be the
         * surname of a person named in full elsewhere (pass 2 decides) */
        c.kind = C_SINGLE;
        c.title_only = true;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    if (head)
        return true; /* a title alone: "the Defense Secretary" */
    size_t n_words = b - a;
    const char *w0 = s + t[a].start;
    size_t w0n = t[a].end - t[a].start;
    const char *wl = s + t[b - 1].start;
    size_t wln = (b - 1 == a) ? end - t[a].start : end - t[b - 1].start;
    /* "(MNN) — Michigan Attorney General ...", "(KXAN) -": the outlet's
     * credit in brackets before the dash that opens a wire story, alone or
     * after the dateline ("LANSING, Mich. (MNN) —"), is the newsroom, an
     * organisation though no list names it; Indian wires close the credit
     * with a colon, but only after a dated dateline ("Rajkot, Jan 26
     * (CricWire):", not "Maria Lopez (Harborview):"); a standfirst read as
     * the first paragraph may stand above it */
    if (n_words == 1 && !e && (para == 0 || para == 1) && a >= 1 && a <= 6 && b + 1 < n && wln >= 2 &&
        dateline_before(t, a - 1) && t[a - 1].kind == INGEST_TOK_PUNCT && t[a - 1].ch == '(' &&
        t[b].kind == INGEST_TOK_PUNCT &&
        t[b].ch == ')' && t[b + 1].kind == INGEST_TOK_PUNCT &&
        (ingest_cp_is_dash(t[b + 1].ch) || t[b + 1].ch == '-' ||
         (t[b + 1].ch == ':' && dateline_dated(t, a - 1))) &&
        (t[a].flags & INGEST_TOKF_CAP)) {
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    if (n_words == 1 && call_sign(w0, wln)) {
        c.kind = C_ORG; /* "WRGN-TV", "KQED-FM": a broadcaster */
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* "the Commission", "the Council", "the Parliament": a body's head word
     * alone; pass 1 joins it to the one such body named in full */
    if (n_words == 1 && a > 0 && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        (ingest_tok_ieq(s, &t[a - 1], "the") ||
         /* "the GOP-controlled Legislature", "our Legislature", "orders
          * Legislature to redraw", "a Coalition government": capitalised
          * in mid-sentence, always a body */
         (short_body_alone(short_body(w0, wln)) && !(t[a].flags & INGEST_TOKF_SENT_START) &&
          t[a - 1].kind == INGEST_TOK_WORD)) &&
        short_body(w0, wln) >= 0) {
        c.kind = C_ORG;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    if (n_words == 1 && hyphen_place(w0, wln)) {
        c.kind = C_PLACE; /* "Tarn-et-Garonne", "Stratford-upon-Avon" */
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    if (n_words == 1 && newspaper_alone(s, t, n, a)) {
        c.kind = C_ORG;
        c.paper_bare = !paper_context(s, t, n, a);
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    if (n_words == 1) {
        /* "Zulu said": a language's name that speaks is a surname */
        bool says = b < n && !(t[a].flags & INGEST_TOKF_ALLCAPS) && tok_is_speech_verb(s, &t[b]);
        if (ingest_gaz_has(g, w0, wln, INGEST_GAZ_STOPCAP) ||
            (ingest_gaz_has(g, w0, wln, INGEST_GAZ_NOT_ENTITY) && !says) ||
            ingest_gaz_has(g, w0, wln, INGEST_GAZ_DEMONYM) ||
            ingest_gaz_has(g, w0, wln, INGEST_GAZ_TITLE_MOD) ||
            ingest_gaz_has(g, w0, wln, INGEST_GAZ_ORG_WORD))
            return true;
        c.kind = C_SINGLE;
        c.pos = (*pos)++;
        return cands_push(out, &c);
    }
    /* drop a trailing demonym/title word run? keep simple: classify */
    /* in a title-case headline ("Saudis Press Overproducers to Pay") or a
     * quoted title ("\"Georgia Manufacturing Outlook 2026\""), capitals say
     * nothing: only a last organisation word makes an organisation */
    bool caps_free = para < 0 || (a > 0 && t[a].quote >= 0 && t[a - 1].kind == INGEST_TOK_PUNCT &&
                                  t[a - 1].quote < 0);
    bool org_word = false;
    /* "United" makes a group only last ("Harbor Tenants United"): first it
     * opens a country's name ("the United States-Mexico-Canada Agreement") */
    for (size_t k = caps_free ? b - 1 : a; k < b && !org_word; k++)
        org_word = ingest_gaz_has(g, s + t[k].start, (k == b - 1 ? end : t[k].end) - t[k].start,
                                  INGEST_GAZ_ORG_WORD) &&
                   (k == b - 1 || !ingest_tok_is(s, &t[k], "United")) &&
                   /* "Fed Calms Markets": in a headline the plural noun */
                   !(para < 0 && ingest_bytes_eq(s + t[k].start, end - t[k].start, "Markets"));
    /* "Carpenters Local 1187": a numbered branch; "Interstate 95": a road */
    /* "U.S. Route 224", "State Highway 14", "National Route 8": a numbered
     * road with its system's name before it */
    size_t ra = b - a == 3 && (ingest_tok_is(s, &t[a], "U.S.") || ingest_tok_is(s, &t[a], "US") ||
                               ingest_tok_is(s, &t[a], "State") ||
                               ingest_tok_is(s, &t[a], "County") ||
                               ingest_tok_is(s, &t[a], "National") ||
                               ingest_tok_is(s, &t[a], "Provincial"))
                    ? a + 1
                    : a;
    /* ("Barangay 88": a Philippine village ward by its number, a place) */
    bool road = t[b - 1].kind == INGEST_TOK_NUM && b - ra == 2 &&
                (ingest_tok_is(s, &t[ra], "Interstate") || ingest_tok_is(s, &t[ra], "Highway") ||
                 ingest_tok_is(s, &t[ra], "Route") || ingest_tok_is(s, &t[ra], "Barangay") ||
                 (ra == a && us_highway_tok(s, &t[ra], &t[b - 1])));
    /* "Lakeshore Valley Public Health said", "Toronto Public Health": a
     * public health unit is a body ("Health" alone opens titles: "Health
     * Secretary", so only the pair) */
    if (b - a >= 3 && ingest_tok_is(s, &t[b - 2], "Public") &&
        ingest_bytes_eq(s + t[b - 1].start, end - t[b - 1].start, "Health"))
        org_word = true;
    if (b - a >= 2 && ingest_bytes_eq(wl, wln, "District") && service_district(g, s, &t[b - 2]))
        org_word = true;
    if (t[b - 1].kind == INGEST_TOK_NUM && !road)
        org_word = true;
    /* "Harrow & Finch": no person's name holds an ampersand */
    for (size_t k = a + 1; k + 1 < b && !org_word; k++)
        org_word = t[k].kind == INGEST_TOK_PUNCT && t[k].ch == '&';
    /* "River Severn", "Lake Ohrid", "Mount Kenya", "Salar de Atacama", "Río
     * Bravo": a feature word first (not "Sierra Club": an organisation word
     * last keeps the organisation) */
    /* ("Barangay San Roque": a Philippine village ward) */
    static const char *const place_firsts[] = {
        "bahía", "barangay", "cape",  "cerro", "fort",   "isle",  "lago",  "laguna", "lake",
        "loch",  "mount",    "piazza", "place", "plaza", "rio",   "river",  "rue",
        "río",   "salar",    "volcán"}; /* sorted, lower (bytes) */
    bool place_first = n_words >= 2 &&
                       ingest_word_in(place_firsts, sizeof place_firsts / sizeof *place_firsts,
                                      w0, w0n) &&
                       !ingest_gaz_has(g, wl, wln, INGEST_GAZ_ORG_WORD);
    /* "Sault Ste. Marie", "Baie-Ste. Claire": a female saint's name inside
     * a run is a town's, never a person's */
    for (size_t k = a; k + 1 < b && !place_first; k++) {
        size_t kn = t[k].end - t[k].start;
        const char *kw = s + t[k].start;
        bool ste = ingest_tok_is(s, &t[k], "Ste.") || ingest_tok_is(s, &t[k], "Ste");
        place_first = (k > a && ste) ||
                      (kn > 5 && memcmp(kw + kn - 5, "-Ste.", 5) == 0) || /* "Lac-Ste. Rose" */
                      (kn > 4 && memcmp(kw + kn - 4, "-Ste", 4) == 0);
    }
    /* "a cafe in St. Boniface", "Ste. Agathe": a saint's name opens a town
     * (a surname with it, "St. Pierre said", speaks) */
    static const char *const saints[] = {"saint", "sainte", "st", "st.", "ste", "ste."}; /* sorted */
    if (!place_first && n_words >= 2 && n_words <= 3 && !cue_after &&
        ingest_word_in(saints, 6, w0, w0n) && !(t[b - 1].flags & INGEST_TOKF_POSS) &&
        !ingest_gaz_has(g, wl, wln, INGEST_GAZ_ORG_WORD)) {
        /* (not "a St. Louis Democrat": the place and a party label) */
        place_first = true;
        for (size_t k = a + 1; k < b && place_first; k++) {
            const char *w = s + t[k].start;
            size_t wn = (k == b - 1 ? end : t[k].end) - t[k].start;
            place_first = !ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM) &&
                          !ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE) &&
                          !ingest_gaz_has(g, w, wn, INGEST_GAZ_STOPCAP);
        }
    }
    /* "Port Glasgow", "Port Talbot": a town, but "Port Authority" stays an
     * organisation; "West Texas", "North Slope", "South Uist": a compass
     * point before a name makes a region, not a person */
    /* ("Central Texas", "Central Java": the middle of a place likewise) */
    /* ("North-West England", "South-East Asia": hyphenated points too) */
    static const char *const compass_firsts[] = {
        "central",    "east",      "north", "north-east", "north-west", "northeast",
        "northwest",  "port",      "south", "south-east", "south-west", "southeast",
        "southwest",  "west"}; /* sorted, lower */
    if (!place_first && n_words == 2 && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        ingest_word_in(compass_firsts, sizeof compass_firsts / sizeof *compass_firsts, w0, w0n) && !ingest_tok_is(s, &t[a + 1], "of")) {
        static const enum ingest_gaz_class region_words[] = {
            INGEST_GAZ_ORG_WORD, INGEST_GAZ_DEMONYM, INGEST_GAZ_STOPCAP, INGEST_GAZ_TITLE};
        place_first = words_plain(g, s, t, a + 1, b, end, region_words, 4);
    }
    /* "Adelaide Convention Centre", "the Civic Center": a venue, a place */
    static const char *const venues[] = {"aquatic",  "aquatics",  "civic",   "community",
                                         "conference", "convention", "events", "exhibition",
                                         "expo",     "leisure",   "shopping", "sports",
                                         "visitor",  "visitors"}; /* sorted, lower */
    if (n_words >= 2 && (ingest_bytes_eq(wl, wln, "Centre") || ingest_bytes_eq(wl, wln, "Center")) &&
        ingest_word_in(venues, sizeof venues / sizeof *venues, s + t[b - 2].start,
                       t[b - 2].end - t[b - 2].start))
        place_first = true;
    /* "a press conference in the Mural Hall", "told reporters in the Blue
     * Room": a hall or room behind "the" is a place, no person named Hall */
    if (n_words >= 2 && a > 0 && ingest_tok_ieq(s, &t[a - 1], "the") &&
        (ingest_bytes_eq(wl, wln, "Hall") || ingest_bytes_eq(wl, wln, "Room")))
        place_first = true;
    /* "the Theatre Royal", "Theatre Royal, Nelson": British and Commonwealth
     * theatres put the word first; a theatre is a venue like an arena */
    if (n_words == 2 &&
        (ingest_bytes_eq(w0, w0n, "Theatre") || ingest_bytes_eq(w0, w0n, "Theater")))
        place_first = true;
    /* "Pinecrest Industrial Area", "the Old Mill Industrial Estate": a
     * district zoned for industry is a place, though "Industrial" also
     * closes a manufacturer's name ("Hallstrom Industrial") */
    if (n_words >= 3 && ingest_bytes_eq(s + t[b - 2].start, t[b - 2].end - t[b - 2].start,
                                        "Industrial") &&
        (ingest_bytes_eq(wl, wln, "Area") || ingest_bytes_eq(wl, wln, "Estate") ||
         ingest_bytes_eq(wl, wln, "Zone")))
        place_first = true;
    bool pushed = true;
    if (municipality_of(g, s, t, a, b, end, &c, out, pos, &pushed))
        return pushed;
    bool club = ingest_bytes_eq(wl, wln, "City") && club_context(s, t, a, end);
    if (club) {
        c.kind = C_ORG; /* "Manchester City beat Leicester City 2-1": clubs */
    } else if (place_first || road ||
               (ingest_gaz_has(g, wl, wln, INGEST_GAZ_PLACE_WORD) && !academy_of(s, t, a, b) &&
                !(ingest_bytes_eq(wl, wln, "District") && service_district(g, s, &t[b - 2])) &&
                /* "Hyun-woo Park": a romanised given name, then the surname */
                !(n_words == 2 && syllable_pair(w0, w0n))) ||
        (ingest_gaz_has(g, w0, w0n, INGEST_GAZ_PLACE_WORD) && b - a > 2 &&
         ingest_tok_is(s, &t[a + 1], "of"))) {
        c.kind = C_PLACE;
    } else if (org_word && !(n_words == 2 && trade_word(wl, wln) &&
                             (given_has(g, w0, w0n, INGEST_GAZ_GIVEN_MALE) ||
                              given_has(g, w0, w0n, INGEST_GAZ_GIVEN_FEMALE)))) {
        c.kind = C_ORG; /* not "Danielle Steel": a given name and a trade is a person */
    } else {
        bool has_of = false;
        for (size_t k = a; k < b; k++)
            if (ingest_tok_is(s, &t[k], "of"))
                has_of = true;
        /* "José Carlos Pereira da Silva": particles do not count; nor does
         * a stack of police ranks before a name ("Det Ch Insp Simon Oduya") */
        size_t n_caps = 0, rk = police_ranks_end(s, t, a, b);
        for (size_t k = rk; k < b; k++)
            n_caps += !(t[k].flags & INGEST_TOKF_LOWER);
        if (has_of)
            c.kind = is_geo_head(w0, w0n) ? C_PLACE : C_ORG;
        else if (n_caps <= 4)
            c.kind = C_PERSON;
        else
            return true;
        if (c.kind == C_PERSON) {
            /* "Republican Curtis Vale", "Democrat Ann Roe": a party or
             * nationality before a name of two words or more is a title */
            size_t pa = a;
            while (pa < b &&
                   ingest_gaz_has(g, s + t[pa].start, t[pa].end - t[pa].start, INGEST_GAZ_DEMONYM))
                pa++;
            if (pa > a && b - pa >= 2 &&
                (given_has(g, s + t[pa].start, t[pa].end - t[pa].start, INGEST_GAZ_GIVEN_MALE) ||
                 given_has(g, s + t[pa].start, t[pa].end - t[pa].start, INGEST_GAZ_GIVEN_FEMALE)))
                c.nstart = t[pa].start;
            else {
                if (pa > a && plain_name_after_party(g, s, t, pa, b, end))
                    c.party_lead = t[pa].start;
                pa = a;
            }
            /* "an Illinois Democrat", "a Texas Republican": the state is named */
            if (pa == a && b - a >= 2 &&
                ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_DEMONYM)) {
                e = ingest_gaz_find(g, s + t[a].start, t[b - 2].end - t[a].start, INGEST_GAZ_PLACE);
                if (e) {
                    c.end = t[b - 2].end;
                    c.kind = C_PLACE;
                    c.canon = e->canon;
                    c.canon_len = e->canon_len;
                    c.pos = (*pos)++;
                    return cands_push(out, &c);
                }
            }
            /* a person's name has no demonyms or stop words inside; a run with
             * a demonym inside ("Keystone Southern", "Southern Vale Water,
             * which") may still be an organisation, never a person */
            /* "the South Korean firm": an adjective of a place, no name */
            static const char *const compass[] = {"central",   "east",      "latin",
                                                  "north",     "northeast", "northwest",
                                                  "south",     "southeast", "southwest",
                                                  "west"}; /* sorted */
            if (pa == a && b - a == 2 &&
                ingest_gaz_has(g, s + t[b - 1].start, end - t[b - 1].start, INGEST_GAZ_DEMONYM) &&
                ingest_word_in(compass, 10, s + t[a].start, t[a].end - t[a].start))
                return true;
            if (rk > a && pa == a && c.nstart == c.start)
                c.nstart = t[rk].start; /* the ranks are the title */
            c.caps_lead = pa == a && caps_lead_name(g, s, t, n, a, b, para);
            /* the ranks ("SP", "DSP") are in capitals but are no part of the name */
            for (size_t k = pa > rk ? pa : rk; k < b && !c.caps_lead; k++) {
                const char *w = s + t[k].start;
                size_t wn = t[k].end - t[k].start;
                if (ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM) && b - a >= 2) {
                    c.not_person = true;
                    continue;
                }
                if (ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM) ||
                    (ingest_gaz_has(g, w, wn, INGEST_GAZ_STOPCAP) &&
                     !(k == a && ingest_word_in(name_openers, 5, w, wn)) &&
                     !(k == a && surname_he(s, t, a, b))) ||
                    (ingest_gaz_has(g, w, wn, INGEST_GAZ_NOT_ENTITY) &&
                     !language_surname(g, s, t, n, pa > rk ? pa : rk, k, b)) ||
                    ((t[k].flags & INGEST_TOKF_ALLCAPS) &&
                     !(para >= 0 && k + 1 < b && initials_tok(w, wn) &&
                       !gaz_name(g, w, wn, false)) &&
                     !(k + 1 == b && k >= pa + 2 && numeral_suffix(w, wn))))
                    return true;
            }
        }
    }
    c.pos = (*pos)++;
    return cands_push(out, &c);
}

/* "the ACLU of Missouri", "Planned Parenthood of Wisconsin": a known
 * organisation t[a..j) before "of" (token j) and a known place of one or two
 * words is the organisation's branch there, one name. */
static bool org_of_place(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                         size_t n, size_t a, size_t j)
{
    if (j + 1 >= n || !tok_capword(&t[j + 1]) || t[j + 1].quote != t[a].quote)
        return false;
    if (j > a + 1 && ingest_tok_ieq(s, &t[a], "the")) /* "The ACLU of Ohio filed" */
        a++;
    if (!ingest_gaz_find(g, s + t[a].start, t[j - 1].end - t[a].start, INGEST_GAZ_ORG))
        return false;
    if (ingest_gaz_find(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start, INGEST_GAZ_PLACE))
        return true;
    return j + 2 < n && tok_capword(&t[j + 2]) && t[j + 2].start == t[j + 1].end + 1 &&
           ingest_gaz_find(g, s + t[j + 1].start, t[j + 2].end - t[j + 1].start, INGEST_GAZ_PLACE);
}

static bool company_word(const char *w, size_t n);

/* True when t[a..j) is a firm's name of two words or more ending in a trade
 * word ("Kestrel Semiconductor", "Halden Robotics") and "of" at t[j] opens a
 * known place that ends the run: "Kestrel Semiconductor of Taiwan" says where
 * the firm is, as "of Dayton, Ohio" would; a bank keeps its country ("Commonwealth
 * Bank of Australia" is the name). */
static bool firm_of_place(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                          size_t n, size_t a, size_t j)
{
    if (j < a + 2 || j + 1 >= n || !tok_capword(&t[j + 1]))
        return false;
    const char *h = s + t[j - 1].start;
    size_t hn = t[j - 1].end - t[j - 1].start;
    if (!company_word(h, hn) || ingest_bytes_eq(h, hn, "Bank"))
        return false;
    size_t pe = j + 2; /* the place: one word, or two ("South Korea") */
    if (!ingest_gaz_find(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start,
                         INGEST_GAZ_PLACE)) {
        if (!(j + 2 < n && tok_capword(&t[j + 2]) &&
              ingest_gaz_find(g, s + t[j + 1].start, t[j + 2].end - t[j + 1].start,
                              INGEST_GAZ_PLACE)))
            return false;
        pe = j + 3;
    }
    return pe >= n || !tok_capword(&t[pe]);
}

/* True when the run t[a..j) already holds an organisation word followed by "of"
 * or "for", so "and"/"for" may continue the name. */
static bool run_has_org_of(const char *s, const struct ingest_tok *t, size_t a, size_t j,
                           const struct ingest_gaz *g)
{
    for (size_t k = a; k + 1 < j; k++)
        if (ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_ORG_WORD) &&
            (ingest_tok_is(s, &t[k + 1], "of") || ingest_tok_is(s, &t[k + 1], "for")))
            return true;
    return ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                          INGEST_GAZ_ORG_WORD) &&
           ingest_tok_is(s, &t[j], "for");
}

/* "spokesperson He Yuting said": after a lower-case role noun, "He" and
 * one more capitalised word in mid-sentence are a Chinese surname and
 * given name, not the pronoun (which no capitalised word follows there). */
static bool surname_he(const char *s, const struct ingest_tok *t, size_t a, size_t b)
{
    return b == a + 2 && a > 0 && ingest_tok_is(s, &t[a], "He") &&
           !(t[a].flags & INGEST_TOKF_SENT_START) && role_noun(s, &t[a - 1]) &&
           (t[a + 1].flags & INGEST_TOKF_CAP) && t[a + 1].start == t[a].end + 1;
}

/* "Mead School District", "the Kelby Regional Health District": a district
 * named for the service it runs (an organisation word or a service noun
 * before "District") is a public body, not an area. */
static bool service_district(const struct ingest_gaz *g, const char *s, const struct ingest_tok *w)
{
    static const char *const services[] = {
        "conservation", "fire",   "health",     "hospital", "irrigation", "library",
        "park",         "parks",  "sanitation", "sewer",    "transit",    "utility",
        "water"}; /* sorted, lower */
    return ingest_gaz_has(g, s + w->start, w->end - w->start, INGEST_GAZ_ORG_WORD) ||
           ingest_word_in(services, sizeof services / sizeof *services, s + w->start,
                          w->end - w->start);
}

/* Whether the capitalised words t[a..b) after "the President of" name a
 * body, not a field: two words or more ending in an organisation word
 * ("Brayford University", "Kelby Water Services"), not only title words
 * before it ("Financial Services") nor a field's own head ("Human
 * Resources", "Corporate Communications"). */
static bool post_of_body(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                         size_t a, size_t b)
{
    static const char *const fields[] = {"communications", "engineering", "research",
                                         "resources",      "strategies"}; /* sorted, lower */
    const struct ingest_tok *l = &t[b - 1];
    if (b < a + 2 || !ingest_gaz_has(g, s + l->start, l->end - l->start, INGEST_GAZ_ORG_WORD) ||
        ingest_word_in(fields, sizeof fields / sizeof *fields, s + l->start, l->end - l->start))
        return false;
    for (size_t k = a; k + 1 < b; k++)
        if (!ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_TITLE_MOD))
            return true;
    return false;
}

/* Whether the run t[a..b) is a title word (no organisation word), "of" and
 * its service in capitalised words, with a comma and a capitalised name right after it: the post
 * in apposition to its holder ("its Director of Communications, Ann Roe,"); or
 * after the holder, a comma and "the" ("Dr Faith Mutua, the Director of Public
 * Health, said"), closed by punctuation. */
static bool title_of_before_holder(const struct ingest_gaz *g, const char *s,
                                   const struct ingest_tok *t, size_t n, size_t a, size_t b,
                                   size_t *org)
{
    bool after_holder = false;
    if (b > a && ingest_tok_ieq(s, &t[a], "the")) {
        after_holder = a > 0 && t[a - 1].kind == INGEST_TOK_PUNCT && t[a - 1].ch == ',';
        a++;
    } else {
        after_holder = a >= 2 && ingest_tok_is(s, &t[a - 1], "the") &&
                       t[a - 2].kind == INGEST_TOK_PUNCT && t[a - 2].ch == ',';
    }
    if (b < a + 3 || b + 1 >= n || !ingest_tok_is(s, &t[a + 1], "of") ||
        !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_TITLE) ||
        ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_ORG_WORD))
        return false;
    /* (a portfolio list, "Minister of Mineral and Petroleum Resources, X",
     * is read by the title rules, which keep its holder) */
    for (size_t k = a + 2; k < b; k++)
        if (!tok_capword(&t[k]))
            return false;
    /* (not "Ann Roe, the Governor of Texas,": a known place or body stays) */
    if (after_holder && t[b].kind == INGEST_TOK_PUNCT &&
        (t[b].ch == ',' || t[b].ch == '.' || t[b].ch == ';')) {
        /* ("Ann Roe, the President of Brayford University,": a named body
         * after the post is the organisation, without the post) */
        if (post_of_body(g, s, t, a + 2, b)) {
            *org = a + 2;
            return true;
        }
        return !gaz_name(g, s + t[a + 2].start, t[b - 1].end - t[a + 2].start, false);
    }
    return t[b].kind == INGEST_TOK_PUNCT && t[b].ch == ',' && tok_capword(&t[b + 1]) &&
           !ingest_gaz_has(g, s + t[b + 1].start, t[b + 1].end - t[b + 1].start,
                           INGEST_GAZ_STOPCAP);
}

/* Lower-case nouns that stand before a person's name: "farmer Ana Lima". */
static bool role_noun(const char *s, const struct ingest_tok *t)
{
    static const char *const roles[] = {
        "activist",   "adviser",   "advisor",      "aide",        "ambassador", "analyst",
        "attorney",   "author",    "brother",      "candidate",   "captain",    "chairman",
        "chairwoman", "chief",     "coach",        "colleague",   "columnist",  "commissioner",
        "councillor", "councilor", "counterpart", "daughter",  "director",   "doctor",
        "driver",
        "economist",  "editor",    "engineer",     "executive",   "farmer",     "father",
        "fisherman",  "founder",   "friend",       "general",     "governor",    "head",       "historian",
        "husband",    "judge",     "lawmaker",     "lawyer",      "leader",     "legislator",
        "manager",    "mayor",     "member",
        "minister",   "mother",    "neighbor",     "neighbour",   "novelist",   "nurse",
        "official",
        "operator",   "organiser", "organizer",    "owner",       "pilot",      "player",
        "pollster",   "president", "professor",    "prosecutor",  "reporter",   "researcher",
        "resident",   "rival",     "scientist",    "secretary",   "senator",    "sister",
        "son",        "spokesman", "spokesperson", "spokeswoman", "strategist", "student",
        "teacher",    "trader",    "undersecretary", "veteran",   "volunteer",  "wife",
        "worker",
        "writer",
    };
    return (t->flags & INGEST_TOKF_LOWER) &&
           ingest_word_in(roles, sizeof roles / sizeof *roles, s + t->start, t->end - t->start);
}

/* "The party's secretary general, Wongani Phiri,", "its spokesman, X": the
 * name at token a stands in apposition to an owned or definite role noun
 * (a possessive or determiner at most three words before the noun). */
static bool role_appositive_before(const struct ingest_gaz *g, const char *s,
                                   const struct ingest_tok *t, size_t a)
{
    if (a < 3 || !ingest_tok_is(s, &t[a - 1], ",") || t[a - 2].kind != INGEST_TOK_WORD ||
        t[a - 2].quote != t[a].quote)
        return false;
    if (!role_noun(s, &t[a - 2])) {
        /* "the Minister for Health, Eoghan Rafter,": a listed title and the
         * portfolio it is of or for, after a determiner or a possessive */
        if (!tok_capword(&t[a - 2]))
            return false;
        for (size_t k = a - 2; k >= 2 && a - k <= 7; k--) {
            const struct ingest_tok *w = &t[k - 1];
            if (w->kind != INGEST_TOK_WORD || w->quote != t[a].quote)
                return false;
            if (tok_capword(w) || ingest_tok_is(s, w, "and"))
                continue;
            if (!ingest_tok_is(s, w, "of") && !ingest_tok_is(s, w, "for"))
                return false;
            const struct ingest_tok *ti = &t[k - 2];
            if (k >= 3 && tok_capword(ti) && ti->quote == t[a].quote &&
                ingest_gaz_has(g, s + ti->start, ti->end - ti->start, INGEST_GAZ_TITLE))
                return appos_det(s, &t[k - 3]) || (t[k - 3].flags & INGEST_TOKF_POSS);
        }
        return false;
    }
    for (size_t k = a - 2; k > 0 && a - 2 - k < 3; k--) {
        const struct ingest_tok *w = &t[k - 1];
        /* "The Liberal Democrats' campaigns chief, X,": a plural possessive,
         * its apostrophe a token of its own */
        if (w->kind == INGEST_TOK_PUNCT && (w->ch == '\'' || w->ch == 0x2019) && k >= 2 &&
            t[k - 2].kind == INGEST_TOK_WORD && t[k - 2].end == w->start &&
            s[t[k - 2].end - 1] == 's' && w->end < t[k].start)
            return true;
        if (w->kind != INGEST_TOK_WORD || w->quote != t[a].quote)
            return false;
        /* "A Corvant spokesman, Grant Pelley, declined" */
        if ((w->flags & INGEST_TOKF_POSS) || appos_det(s, w) || ingest_tok_ieq(s, w, "a") ||
            ingest_tok_ieq(s, w, "an"))
            return true;
    }
    return false;
}

/* ", a spokesman for ...", ", the port's director": an appositive naming a role
 * of a person, within a few words after the article. */
static bool appositive_role(const char *s, const struct ingest_tok *t, size_t n, size_t k)
{
    /* "X, president of the American Soybean Association,": a bare role and
     * what it is of */
    /* "X, chief eurozone economist at Orsay Partners,": a few lower-case
     * words may qualify the bare role */
    for (size_t r = k + 1; r < n && r <= k + 3 && t[r].kind == INGEST_TOK_WORD &&
                           (t[r].flags & INGEST_TOKF_LOWER) && t[r].quote == t[k].quote &&
                           t[r - 1].kind == INGEST_TOK_WORD && (t[r - 1].flags & INGEST_TOKF_LOWER);
         r++) {
        size_t rl = t[r].end - t[r].start;
        if ((rl == 2 || rl == 3) &&
            (ingest_tok_is(s, &t[r], "of") || ingest_tok_is(s, &t[r], "at") ||
             ingest_tok_is(s, &t[r], "for")))
            return role_noun(s, &t[r - 1]);
    }
    if (k >= n || !(ingest_tok_is(s, &t[k], "a") || ingest_tok_is(s, &t[k], "an") ||
                    ingest_tok_is(s, &t[k], "the")))
        return false;
    for (size_t j = k + 1; j < n && j <= k + 10; j++) {
        if (t[j].kind != INGEST_TOK_WORD) {
            /* ", the harbour master, said": an appositive closed before a speech verb */
            return t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' && j + 1 < n &&
                   tok_is_speech_verb(s, &t[j + 1]);
        }
        if (j <= k + 4 && role_noun(s, &t[j]))
            return true;
    }
    return false;
}

/* "said 1998 flood survivor Ana Lima", "noted KXTV's Ana Lima": a speech verb, then a few
 * lower-case words, numbers or an owner's possessive, then the name at a. */
static bool described_after_verb(const char *s, const struct ingest_tok *t, size_t a)
{
    for (size_t j = a; j > 0 && a - j < 5; j--) {
        const struct ingest_tok *x = &t[j - 1];
        if (x->quote != t[a].quote)
            return false;
        if (j < a && tok_is_speech_verb(s, x))
            return true;
        bool ok = x->kind == INGEST_TOK_NUM ||
                  (x->kind == INGEST_TOK_PUNCT && (x->ch == '/' || x->ch == '-')) ||
                  (x->kind == INGEST_TOK_WORD &&
                   ((x->flags & INGEST_TOKF_LOWER) || ((x->flags & INGEST_TOKF_POSS) && j == a)) &&
                   !ingest_tok_is(s, x, "the") && !ingest_tok_is(s, x, "to") &&
                   !ingest_tok_is(s, x, "of") && !ingest_tok_is(s, x, "in") &&
                   !ingest_tok_is(s, x, "on") && !ingest_tok_is(s, x, "at") &&
                   !ingest_tok_is(s, x, "by") && !ingest_tok_is(s, x, "for") &&
                   !ingest_tok_is(s, x, "and") && !ingest_tok_is(s, x, "that"));
        if (!ok)
            return false;
    }
    return false;
}

/* AP abbreviations of US states, as written after a town ("Carrollton, Ga.").
 * Only there: alone, "Mass." or "Ind." are words. */
static const struct {
    const char *abbr, *state;
} state_abbrs[] = {
    {"Ala", "Alabama"},      {"Ariz", "Arizona"},      {"Ark", "Arkansas"},
    {"Calif", "California"}, {"Colo", "Colorado"},     {"Conn", "Connecticut"},
    {"Del", "Delaware"},     {"Fla", "Florida"},       {"Ga", "Georgia"},
    {"Ill", "Illinois"},     {"Ind", "Indiana"},       {"Kan", "Kansas"},
    {"Ky", "Kentucky"},      {"La", "Louisiana"},      {"Mass", "Massachusetts"},
    {"Md", "Maryland"},      {"Mich", "Michigan"},     {"Minn", "Minnesota"},
    {"Miss", "Mississippi"}, {"Mo", "Missouri"},       {"Mont", "Montana"},
    {"N.C", "North Carolina"}, {"N.D", "North Dakota"}, {"N.H", "New Hampshire"},
    {"N.J", "New Jersey"},   {"N.M", "New Mexico"},    {"N.Y", "New York State"},
    {"Neb", "Nebraska"},     {"Nev", "Nevada"},        {"Okla", "Oklahoma"},
    {"Ore", "Oregon"},       {"Pa", "Pennsylvania"},   {"R.I", "Rhode Island"},
    {"S.C", "South Carolina"}, {"S.D", "South Dakota"}, {"Tenn", "Tennessee"},
    {"Va", "Virginia"},      {"Vt", "Vermont"},        {"W.Va", "West Virginia"},
    {"Wash", "Washington State"}, {"Wis", "Wisconsin"}, {"Wyo", "Wyoming"},
    /* older forms some papers keep ("AMES, Ia. —", "Waco, Tex.") */
    {"Cal", "California"},   {"Ia", "Iowa"},           {"Penn", "Pennsylvania"},
    {"Tex", "Texas"},        {"Wisc", "Wisconsin"},
    /* Canada's provinces as the Canadian Press abbreviates them after a
     * town ("Lévis, Que.", "Hamilton, Ont.") */
    {"Alta", "Alberta"},     {"B.C", "British Columbia"}, {"Man", "Manitoba"},
    {"N.B", "New Brunswick"}, {"N.S", "Nova Scotia"},  {"Nfld", "Newfoundland and Labrador"},
    {"Ont", "Ontario"},      {"P.E.I", "Prince Edward Island"}, {"Que", "Quebec"},
    {"Sask", "Saskatchewan"},
};

/* Postal codes of US states in the order of their names, as some outlets
 * write party tags ("(R-SC)", "(D-LA)"). Only there: alone, "IN", "OR" and
 * "LA" are words or a city. */
static const char postal_codes[] = "ALAKAZARCACOCTDEFLGAHIIDILINIAKSKYLAMEMDMAMIMNMSMOMTNENVNHNJ"
                                   "NMNYNCNDOHOKORPARISCSDTNTXUTVTVAWAWVWIWY";
static const char *const postal_states[] = {
    "Alabama",       "Alaska",       "Arizona",        "Arkansas",     "California",
    "Colorado",      "Connecticut",  "Delaware",       "Florida",      "Georgia",
    "Hawaii",        "Idaho",        "Illinois",       "Indiana",      "Iowa",
    "Kansas",        "Kentucky",     "Louisiana",      "Maine",        "Maryland",
    "Massachusetts", "Michigan",     "Minnesota",      "Mississippi",  "Missouri",
    "Montana",       "Nebraska",     "Nevada",         "New Hampshire", "New Jersey",
    "New Mexico",    "New York State", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma",      "Oregon",       "Pennsylvania",   "Rhode Island", "South Carolina",
    "South Dakota",  "Tennessee",    "Texas",          "Utah",         "Vermont",
    "Virginia",      "Washington State", "West Virginia", "Wisconsin",  "Wyoming"};

static const struct ingest_gaz_entry *state_of_postal(const struct ingest_gaz *g, const char *w,
                                                      size_t n)
{
    if (n != 2)
        return NULL;
    for (size_t i = 0; i + 1 < sizeof postal_codes; i += 2)
        if (postal_codes[i] == w[0] && postal_codes[i + 1] == w[1])
            return ingest_gaz_find(g, postal_states[i / 2], strlen(postal_states[i / 2]),
                                   INGEST_GAZ_PLACE);
    return NULL;
}

/* The gazetteer place the abbreviation w/n (with its period: "Ga.", "N.M.")
 * stands for, or NULL. */
static const struct ingest_gaz_entry *state_of_abbr(const struct ingest_gaz *g, const char *w,
                                                    size_t n)
{
    if (n < 2 || w[n - 1] != '.')
        return NULL;
    for (size_t i = 0; i < sizeof state_abbrs / sizeof *state_abbrs; i++)
        if (ingest_bytes_eq(w, n - 1, state_abbrs[i].abbr))
            return ingest_gaz_find(g, state_abbrs[i].state, strlen(state_abbrs[i].state),
                                   INGEST_GAZ_PLACE);
    return NULL;
}

/* A party tag ("(R-Texas)", "(D-N.M.)", ", I-Vt.,", and the Wall Street
 * Journal's "(D., Colo.)") at token t names a state: the gazetteer entry, or
 * NULL when there is no tag. Read from the bytes up to the closing
 * parenthesis or comma (the tokenizer cuts "D-N.M." at its first period);
 * the state's name runs from *from to *end. */
static const struct ingest_gaz_entry *party_tag_state(const struct ingest_gaz *g, const char *s,
                                                      size_t n, const struct ingest_tok *t,
                                                      size_t *from, size_t *end)
{
    const char *w = s + t->start;
    bool comma = t->start >= 2 && s[t->start - 1] == ' ' && s[t->start - 2] == ','; /* ", R-Ky.," */
    bool wsj = t->start > 0 && s[t->start - 1] == '(' && t->start + 5 < n && w[1] == '.' &&
               w[2] == ',' && w[3] == ' ';
    if (t->start == 0 || (s[t->start - 1] != '(' && !comma) || t->start + 4 > n ||
        (w[1] != '-' && !wsj) || (w[0] != 'R' && w[0] != 'D' && w[0] != 'I'))
        return NULL;
    size_t a = t->start + (wsj ? 4 : 2), e = a;
    *from = a;
    while (e < n && e - a < 20 && s[e] != ')' && s[e] != ',')
        e++;
    if (e >= n || e - a >= 20 || e == a)
        return NULL;
    *end = e;
    if (e - a == 2 && s[a] >= 'A' && s[a] <= 'Z' && s[a + 1] >= 'A' && s[a + 1] <= 'Z')
        return state_of_postal(g, s + a, 2);
    return s[e - 1] == '.' ? state_of_abbr(g, s + a, e - a)
                           : ingest_gaz_find(g, s + a, e - a, INGEST_GAZ_PLACE);
}

/* ", R-Hamilton,": after a legislator's name and a comma, a party letter and
 * a hyphen before a capitalised word that is no state name, then a comma, is a
 * home town (AP style for state legislators). The name before the comma
 * (tokens before t[i]) must be a titled legislator's ("State Sen. Gary Lutz",
 * "Del. Ann Roe") or open with a listed given name, so ", D-Day," and ",
 * I-Team," name no town. True with *end where the town ends (at the comma),
 * at most three words. */
static bool party_tag_town(const struct ingest_gaz *g, const char *s, size_t n,
                           const struct ingest_tok *t, size_t i, size_t *end)
{
    static const char *const legislators[] = {
        "Assemblyman", "Assemblymember", "Assemblywoman", "Del.",  "Delegate", "Leader",
        "Rep.",        "Representative", "Sen.",          "Senator", "Speaker", "Whip",
    };
    const char *w = s + t[i].start;
    if (t[i].start < 3 || s[t[i].start - 1] != ' ' || s[t[i].start - 2] != ',' ||
        t[i].start + 4 > n || w[1] != '-' || (w[0] != 'R' && w[0] != 'D' && w[0] != 'I') ||
        !ingest_cp_is_upper(ingest_cp_at(s, n, t[i].start + 2)))
        return false;
    size_t a = t[i].start + 2, e = a, spaces = 0;
    while (e < n && e - a < 30 && s[e] != ')' && s[e] != ',' && s[e] != '.' && spaces < 3) {
        if (s[e] == ' ') {
            if (e + 1 >= n || !ingest_cp_is_upper(ingest_cp_at(s, n, e + 1)))
                return false;
            spaces++;
        }
        e++;
    }
    if (e >= n || s[e] != ',' || e == a || e - a >= 30)
        return false;
    if (ingest_gaz_find(g, s + a, e - a, INGEST_GAZ_PLACE) || state_of_abbr(g, s + a, e - a))
        return false; /* ", R-Texas,": the state, named by the speaker rules */
    /* the name before the comma: up to five capitalised words */
    if (i < 2 || !tok_capword(&t[i - 2]))
        return false;
    size_t r = i - 2;
    while (r > 0 && r + 6 > i && tok_capword(&t[r - 1]))
        r--;
    bool legislator = false;
    for (size_t k = r; k < i - 1 && !legislator; k++)
        for (size_t l = 0; l < sizeof legislators / sizeof *legislators && !legislator; l++)
            legislator = ingest_tok_is(s, &t[k], legislators[l]);
    /* "Senate Majority Leader Todd Roe, R-Blair,": a given name may follow the title */
    for (size_t k = r; k + 2 < i && !legislator; k++)
        legislator = given_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_GIVEN_MALE) ||
                     given_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_GIVEN_FEMALE);
    if (!legislator)
        return false;
    *end = e;
    return true;
}

/* "Dayton, Ohio", "Carrollton, Ga.", "Leeds, England": when the run ending at
 * token j is followed by a comma and a state, country or region (and then no
 * capitalised word or possessive: "Smith, Ohio's governor"), the run is a town.
 * Returns the number of tokens of the place after the comma (0: none); *abbr
 * is the state an abbreviation stands for. */
static size_t town_of_state(const char *s, const struct ingest_tok *t, size_t n, size_t j,
                            const struct ingest_gaz *g, const struct ingest_gaz_entry **abbr)
{
    *abbr = NULL;
    if (j + 1 >= n || t[j].kind != INGEST_TOK_PUNCT || t[j].ch != ',' || !tok_capword(&t[j + 1]))
        return 0;
    size_t k = j + 1, len = 0;
    const struct ingest_gaz_entry *ab = state_of_abbr(g, s + t[k].start, t[k].end - t[k].start);
    /* "AMES, Ia. —": an older abbreviation the tokenizer does not know
     * keeps its period as a token of its own */
    if (!ab && k + 1 < n && t[k + 1].kind == INGEST_TOK_PUNCT && t[k + 1].ch == '.' &&
        t[k + 1].start == t[k].end)
        ab = state_of_abbr(g, s + t[k].start, t[k].end + 1 - t[k].start);
    /* "Charlotte, N.C.-based": the abbreviation glued to "-based" */
    if (!ab && t[k].end - t[k].start > 8 && memcmp(s + t[k].end - 6, "-based", 6) == 0)
        ab = state_of_abbr(g, s + t[k].start, t[k].end - 6 - t[k].start);
    if (ab)
        len = 1;
    for (size_t m = 3; m >= 1 && !len; m--) {
        if (k + m > n)
            continue;
        bool caps = true;
        for (size_t z = k; z < k + m; z++)
            caps = caps && tok_capword(&t[z]) && !(t[z].flags & INGEST_TOKF_POSS);
        const struct ingest_gaz_entry *e =
            caps ? ingest_gaz_find(g, s + t[k].start, t[k + m - 1].end - t[k].start, INGEST_GAZ_PLACE)
                 : NULL;
        if (e)
            len = m;
    }
    if (!len || (t[k + len - 1].flags & INGEST_TOKF_POSS))
        return 0;
    /* "in Greenwich, Conn. Asked whether ...", "Dover, Del. She moved": an
     * abbreviation's period ends the sentence too when the capitalised word
     * after it is a stop word or a lone one before a lower-case word */
    size_t x = k + len;
    bool next_sentence =
        ab && x < n && tok_capword(&t[x]) && !(t[x].flags & INGEST_TOKF_POSS) &&
        s[t[k].end - 1] == '.' && t[x].start == t[k].end + 1 &&
        (ingest_gaz_has(g, s + t[x].start, t[x].end - t[x].start, INGEST_GAZ_STOPCAP) ||
         (x + 1 < n && t[x + 1].kind == INGEST_TOK_WORD && (t[x + 1].flags & INGEST_TOKF_LOWER) &&
          !ingest_gaz_has(g, s + t[x].start, t[x].end - t[x].start, INGEST_GAZ_ORG_WORD) &&
          !ingest_gaz_has(g, s + t[x].start, t[x].end - t[x].start, INGEST_GAZ_PLACE_WORD)));
    if (!next_sentence && x < n && (tok_capword(&t[x]) || (t[x].flags & INGEST_TOKF_POSS)))
        return 0; /* "Ann Roe, Mass. General Hospital's ...": no state here */
    *abbr = ab;
    return len;
}

/* Whether a gazetteer place ends with the possessive of token j - 1 and
 * starts at one of the run's first two tokens ("In St. John's": a sentence's
 * first word opens the run and is dropped later). */
static bool poss_place_at(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                          size_t a, size_t j)
{
    for (size_t f = a; f + 1 < j && f < a + 2; f++)
        if (ingest_gaz_find(g, s + t[f].start, t[j - 1].full_end - t[f].start, INGEST_GAZ_PLACE))
            return true;
    return false;
}

/* Whether a gazetteer organisation spans from one of the first three tokens
 * of the run at a over the "and" at token j and up to three capitalised words
 * after it. */
static bool known_org_through(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                              size_t n, size_t a, size_t j)
{
    for (size_t f = a; f < j && f < a + 3; f++) /* past "The" and other sentence words */
        for (size_t e = j + 1; e < n && e <= j + 3 && tok_capword(&t[e]); e++)
            if (ingest_gaz_find(g, s + t[f].start, t[e].end - t[f].start, INGEST_GAZ_ORG))
                return true;
    return false;
}

/* "Committee on Ways and Means", "Subcommittee on Communications and
 * Technology", "Committee on Health, Education, Labor and Pensions": after an
 * organisation word and "on", the topic goes on over the "," or "and" at
 * token j to a list that "and" closes, each item one or two capitalised
 * words that are no title, given name, known place or name of its own, the
 * last one ending the run (not before a speech verb: "and Voss said").
 * Returns the end (exclusive) of the topic, or 0. */
static size_t on_topic_end(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                           size_t n, size_t a, size_t j)
{
    bool and_seen = false;
    for (size_t k = j, steps = 0; k < n && steps < 6; steps++) {
        bool is_and = ingest_tok_is(s, &t[k], "and");
        if (and_seen || !(is_and || (t[k].kind == INGEST_TOK_PUNCT && t[k].ch == ',')))
            return 0;
        k++;
        if (!is_and && k < n && ingest_tok_is(s, &t[k], "and")) { /* serial comma */
            is_and = true;
            k++;
        }
        and_seen = is_and;
        size_t w = 0;
        while (k + w < n && w < 3 && tok_capword(&t[k + w]) && t[k + w].quote == t[a].quote &&
               !(t[k + w].flags & INGEST_TOKF_POSS))
            w++;
        if (w == 0 || w > 2)
            return 0;
        const char *x = s + t[k].start;
        size_t xn = t[k].end - t[k].start;
        if (ingest_gaz_has(g, x, xn, INGEST_GAZ_TITLE) || ingest_gaz_has(g, x, xn, INGEST_GAZ_STOPCAP) ||
            given_has(g, x, xn, INGEST_GAZ_GIVEN_MALE) || given_has(g, x, xn, INGEST_GAZ_GIVEN_FEMALE) ||
            ingest_gaz_find(g, x, t[k + w - 1].end - t[k].start, INGEST_GAZ_PLACE) ||
            ingest_gaz_find(g, x, t[k + w - 1].end - t[k].start, INGEST_GAZ_ORG))
            return 0;
        k += w;
        if (and_seen)
            return k < n && tok_is_speech_verb(s, &t[k]) ? 0 : k;
    }
    return 0;
}

/* "Senate Energy and Natural Resources Committee", "New Mexico Farm and
 * Livestock Bureau": a run of two or more capitalised words at a, not
 * opening with a first name nor ending in the head of a whole organisation
 * (Department, Committee, Inc: "the Justice Department and Commerce
 * Department" stay two) nor in the word the name after "and" ends in, goes
 * on over the "and" at token j when the one to three capitalised words after
 * it end the name with an organisation word.
 * A weaker organisation word may end the first part ("Senate Energy"). */
static bool company_word(const char *w, size_t n);

/* "at Lorn and Islands Hospital", "from Kelby and District Hospital": after
 * "at", "from" or "to" (or a town's possessive: "Oban's"), one unlisted word, "and", one plain word and a word
 * for a hospital, school or college are one institution; a second name
 * the lists know ("at Harvard and Yale University") keeps two. */
static bool at_and_hospital(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                            size_t n, size_t a, size_t j)
{
    static const char *const preps[] = {"at", "from", "to"};              /* sorted */
    static const char *const kinds[] = {"college", "hospital", "infirmary", "school"}; /* sorted */
    if (j != a + 1 || a == 0 || j + 2 >= n ||
        !((t[a - 1].flags & INGEST_TOKF_POSS) ||
          ((t[a - 1].flags & INGEST_TOKF_LOWER) &&
           ingest_word_in(preps, 3, s + t[a - 1].start, t[a - 1].end - t[a - 1].start))) ||
        !tok_capword(&t[j + 1]) || !tok_capword(&t[j + 2]) ||
        (j + 3 < n && tok_capword(&t[j + 3])) ||
        (t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) ||
        (t[j + 1].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) ||
        !ingest_word_in(kinds, sizeof kinds / sizeof *kinds, s + t[j + 2].start,
                        t[j + 2].end - t[j + 2].start))
        return false;
    return !given_name_at(g, s, &t[a]) && !given_name_at(g, s, &t[j + 1]) &&
           !gaz_name(g, s + t[a].start, t[a].end - t[a].start, false) &&
           !gaz_name(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start, false) &&
           !gaz_name(g, s + t[j + 1].start, t[j + 2].end - t[j + 1].start, false);
}

static bool and_org_tail(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                         size_t n, size_t a, size_t j)
{
    static const char *const heads[] = { /* sorted, lower case */
        "agency", "association", "authority", "board", "bureau", "co", "commission",
        "committee", "company", "corp", "corporation", "council", "department", "group", "inc",
        "institute", "ltd", "ministry", "office", "party", "service", "union", "university"};
    /* "the Energy and Natural Resources Committee": one word behind "the" */
    /* ... or behind a possessive: "the party's Rules and Bylaws Committee",
     * "its Ways and Means Committee" */
    static const char *const owners[] = {"her", "his", "its", "our", "their"}; /* sorted */
    bool one_after_the =
        j == a + 1 && a > 0 && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
        t[a - 1].kind == INGEST_TOK_WORD && t[a - 1].quote == t[a].quote &&
        (ingest_tok_is(s, &t[a - 1], "the") ||
         ((t[a - 1].flags & INGEST_TOKF_LOWER) &&
          ((t[a - 1].flags & INGEST_TOKF_POSS) ||
           ingest_word_in(owners, 5, s + t[a - 1].start, t[a - 1].end - t[a - 1].start))));
    if ((j < a + 2 && !one_after_the && !at_and_hospital(g, s, t, n, a, j)) ||
        ingest_word_in(heads, sizeof heads / sizeof *heads, s + t[j - 1].start,
                       t[j - 1].end - t[j - 1].start) ||
        given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_MALE) ||
        given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_FEMALE))
        return false;
    size_t e = j + 1;
    while (e < n && e <= j + 3 && tok_capword(&t[e]) && t[e].quote == t[a].quote)
        e++;
    if (e == j + 1 || (e < n && tok_capword(&t[e])))
        return false; /* nothing after "and", or more than three words */
    /* "Lincoln Elementary and Prairie View Elementary": two of a kind */
    size_t ln = t[j - 1].end - t[j - 1].start, rn = t[e - 1].end - t[e - 1].start;
    if (ln == rn && strncasecmp(s + t[j - 1].start, s + t[e - 1].start, ln) == 0)
        return false;
    /* "Front Range Energy and Pinecrest Resources": two firms listed, each
     * a name of two words or more ending in a company word (not "Department
     * of Energy and Natural Resources") */
    if (j >= a + 2 && e >= j + 3 && company_word(s + t[j - 1].start, ln) &&
        company_word(s + t[e - 1].start, rn)) {
        bool plain = true;
        for (size_t k = a; k + 1 < j && plain; k++)
            plain = tok_capword(&t[k]) && !ingest_word_in(heads, sizeof heads / sizeof *heads,
                                                          s + t[k].start, t[k].end - t[k].start);
        if (plain)
            return false;
    }
    /* "the House and Senate": two chambers, each named */
    static const char *const chambers[] = {"assembly", "house", "senate"}; /* sorted */
    if (e == j + 2 && (j == a + 1 || (j == a + 2 && ingest_tok_ieq(s, &t[a], "the"))) &&
        ingest_word_in(chambers, 3, s + t[j - 1].start, t[j - 1].end - t[j - 1].start) &&
        ingest_word_in(chambers, 3, s + t[j + 1].start, t[j + 1].end - t[j + 1].start))
        return false;
    return ingest_gaz_has(g, s + t[e - 1].start, rn, INGEST_GAZ_ORG_WORD);
}

/* Whether ", NN," and a lower-case word follow at token j: an age in a
 * person's appositive ("Josiane, 67, a retired pharmacist"). */
static bool age_follows(const char *s, const struct ingest_tok *t, size_t n, size_t j)
{
    /* "One of them, Margaret, an 81-year-old widow": the age as a
     * compound adjective after "a" or "an" */
    if (j + 2 < n && ingest_tok_is(s, &t[j], ",") &&
        (ingest_tok_is(s, &t[j + 1], "a") || ingest_tok_is(s, &t[j + 1], "an"))) {
        const char *p = s + t[j + 2].start;
        size_t d = 0;
        while (d < 3 && p[d] >= '0' && p[d] <= '9')
            d++;
        return d >= 1 && d <= 2 && p[0] >= '1' && strncmp(p + d, "-year-old", 9) == 0;
    }
    if (j + 3 >= n || !ingest_tok_is(s, &t[j], ",") || t[j + 1].kind != INGEST_TOK_NUM ||
        !ingest_tok_is(s, &t[j + 2], ",") || !(t[j + 3].flags & INGEST_TOKF_LOWER))
        return false;
    size_t dn = t[j + 1].end - t[j + 1].start;
    if (dn != 2)
        return false;
    for (size_t k = 0; k < dn; k++)
        if (s[t[j + 1].start + k] < '0' || s[t[j + 1].start + k] > '9')
            return false;
    return s[t[j + 1].start] >= '1';
}

/* "Alzheimer's Research UK": the end (exclusive) of a gazetteer organisation
 * that starts at one of the first three tokens of the run at a and goes on
 * over the possessive before token j with up to three capitalised words, or 0. */
static size_t poss_known_end(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                             size_t n, size_t a, size_t j)
{
    size_t best = 0;
    for (size_t f = a; f < j && f < a + 3; f++)
        for (size_t e = j; e < n && e < j + 3 && tok_capword(&t[e]) && t[e].quote == t[a].quote;
             e++)
            if (ingest_gaz_find(g, s + t[f].start, t[e].end - t[f].start, INGEST_GAZ_ORG) &&
                e + 1 > best)
                best = e + 1;
    return best;
}

/* Whether a gazetteer organisation spans from one of the first three tokens
 * of the run at a over the comma at token j and up to six tokens after it. */
static bool known_org_over_comma(const struct ingest_gaz *g, const char *s,
                                 const struct ingest_tok *t, size_t n, size_t a, size_t j)
{
    for (size_t f = a; f < j && f < a + 3; f++)
        for (size_t e = j + 1; e < n && e <= j + 6 && t[e].kind == INGEST_TOK_WORD; e++)
            if (ingest_gaz_find(g, s + t[f].start, t[e].end - t[f].start, INGEST_GAZ_ORG))
                return true;
    return false;
}

/* "House of Lords", "UN Office for the Coordination of Humanitarian Affairs",
 * "Dar es Salaam", "CDU/CSU", "JD(U)": the end (exclusive) of the longest gazetteer name that
 * starts at one of the first three tokens of the run at a and goes on over
 * the connector at token j (a lower-case word or a punctuation mark) within
 * ten tokens, or 0. Only tokens a name may end with are tried. */
static size_t known_span_end(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                             size_t n, size_t a, size_t j)
{
    const struct ingest_tok *k = &t[j];
    if (k->kind == INGEST_TOK_NUM || t[j].quote != t[a].quote)
        return 0;
    if (k->kind == INGEST_TOK_PUNCT && k->ch != '(' && k->ch != '/' && k->ch != ',' &&
        k->ch != '-' && k->ch != '&')
        return 0;
    /* "Dar es Salaam", "Castel del Monte": the small words of other languages */
    static const char *const conns[] = {"al", "and", "au", "da",  "de",  "del", "des",
                                        "di", "do",  "dos", "du", "el", "en",  "es",
                                        "for", "la", "le",  "of", "on", "the"}; /* sorted */
    if (k->kind == INGEST_TOK_WORD &&
        (!(k->flags & INGEST_TOKF_LOWER) ||
         !ingest_word_in(conns, sizeof conns / sizeof *conns, s + k->start, k->end - k->start)))
        return 0;
    /* the name goes on with a capitalised word (or "the" and one) */
    if (j + 1 >= n || !(tok_capword(&t[j + 1]) ||
                        (ingest_tok_is(s, &t[j + 1], "the") && j + 2 < n && tok_capword(&t[j + 2]))))
        return 0;
    size_t last = j + 10 < n ? j + 10 : n - 1;
    for (size_t e = last; e > j; e--) {
        bool closer = t[e].kind == INGEST_TOK_PUNCT && t[e].ch == ')';
        if (!tok_capword(&t[e]) && !closer)
            continue;
        for (size_t f = a; f < j && f < a + 3; f++) {
            size_t len = t[e].end - t[f].start;
            if (ingest_gaz_find(g, s + t[f].start, len, INGEST_GAZ_ORG) ||
                ingest_gaz_find(g, s + t[f].start, len, INGEST_GAZ_PLACE))
                return e + 1;
        }
    }
    return 0;
}

/* "from Georgians", "in Ohioans' view": the shape of a plural demonym or a
 * group of people (-ans, -ers, -ites), which is no town. */
static bool plural_people(const char *s, const struct ingest_tok *t)
{
    const char *w = s + t->start;
    size_t n = t->end - t->start;
    return (n > 4 && memcmp(w + n - 3, "ans", 3) == 0) ||
           (n > 4 && memcmp(w + n - 3, "ers", 3) == 0) ||
           (n > 5 && memcmp(w + n - 4, "ites", 4) == 0);
}

/* Whether t[a - 1] ("of", "from") opens a person's hometown after an age:
 * "Ann Roe, 26, of Warren,", "Ann Roe, 64, a former steelworker from
 * Struthers" (back over up to five lower-case words to "a"/"an") */
static bool age_hometown(const char *s, const struct ingest_tok *t, size_t a)
{
    if (a < 5 || !(ingest_tok_is(s, &t[a - 1], "of") || ingest_tok_is(s, &t[a - 1], "from")))
        return false;
    size_t k = a - 2;
    if (ingest_tok_is(s, &t[a - 1], "from")) {
        while (k + 7 > a && k >= 4 && t[k].kind == INGEST_TOK_WORD &&
               (t[k].flags & INGEST_TOKF_LOWER) && !ingest_tok_is(s, &t[k], "a") &&
               !ingest_tok_is(s, &t[k], "an"))
            k--;
        if (k + 2 < a) {
            if (!ingest_tok_is(s, &t[k], "a") && !ingest_tok_is(s, &t[k], "an"))
                return false;
            k--;
        }
    }
    return k >= 3 && t[k].kind == INGEST_TOK_PUNCT && t[k].ch == ',' &&
           t[k - 1].kind == INGEST_TOK_NUM && t[k - 2].kind == INGEST_TOK_PUNCT &&
           t[k - 2].ch == ',' && tok_capword(&t[k - 3]);
}

/* Whether the one unknown capitalised word t[a..j) after "in", "near",
 * "outside" or "from" (t[a - 1]) may be a town. Never after a finance or
 * abstract head ("cuts in Medicaid", "Shares in Norvane", "a letter from
 * Vance"). "from" alone is no sign ("a former executive from Cisco"): it
 * needs a person's appositive before it (", a Republican from Findlay"), a
 * verb of going or coming ("fished from Kelby"), or "and" joining the word to
 * a known place ("from Halifax and Leeds"). */
static bool town_word_sign(const char *s, const struct ingest_tok *t, size_t n, size_t a, size_t j,
                           const struct ingest_gaz *g)
{
    static const char *const heads[] = {
        "cuts",    "demand",  "email",   "funding",   "interest", "investment", "investors",
        "letter",  "message", "money",   "prices",    "shares",   "stake",      "stakes",
        "support", "trading",
    };
    static const char *const moves[] = {
        "away", "back", "came", "come", "comes", "drove", "fished", "fled", "flew",
        "hail", "hailed", "hails", "home", "moved", "returned", "travelled", "traveled",
        /* "told Reuters by telephone from Ballina": where a speaker is */
        "phone", "telephone",
    };
    if (a < 2)
        return false;
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
        if (ingest_tok_ieq(s, &t[a - 2], heads[k]))
            return false;
    if (!ingest_tok_is(s, &t[a - 1], "from"))
        return true;
    if (j + 1 < n && ingest_tok_is(s, &t[j], "and") && tok_capword(&t[j + 1]) &&
        ingest_gaz_find(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start, INGEST_GAZ_PLACE))
        return true;
    for (size_t k = 0; k < sizeof moves / sizeof *moves; k++)
        if (ingest_tok_is(s, &t[a - 2], moves[k]))
            return true;
    /* "who drove in from Lakeland", "came up from": a particle after the verb */
    static const char *const parts[] = {"down", "in", "out", "over", "up"}; /* sorted */
    if (a >= 3 && ingest_word_in(parts, 5, s + t[a - 2].start, t[a - 2].end - t[a - 2].start))
        for (size_t k = 0; k < sizeof moves / sizeof *moves; k++)
            if (ingest_tok_is(s, &t[a - 3], moves[k]))
                return true;
    if (ingest_tok_is(s, &t[a - 2], "executive") || ingest_tok_is(s, &t[a - 2], "employee"))
        return false;
    /* "Ann Roe, 72, from Harrogate": a person's age, then the hometown */
    if (a >= 5 && t[a - 2].kind == INGEST_TOK_PUNCT && t[a - 2].ch == ',' &&
        t[a - 3].kind == INGEST_TOK_NUM && t[a - 4].kind == INGEST_TOK_PUNCT && t[a - 4].ch == ',' &&
        tok_capword(&t[a - 5]))
        return true;
    /* ", a [former talk radio] host from": back over up to five words to
     * "a"/"an" after a comma that closes a name */
    for (size_t k = a - 2; k + 7 > a && k >= 2; k--) {
        if (t[k].kind != INGEST_TOK_WORD)
            return false;
        if (ingest_tok_is(s, &t[k], "a") || ingest_tok_is(s, &t[k], "an"))
            return t[k - 1].kind == INGEST_TOK_PUNCT && t[k - 1].ch == ',' &&
                   (tok_capword(&t[k - 2]) ||
                    /* "Ann Roe, 67, a retired machinist from Neenah" */
                    (k >= 4 && t[k - 2].kind == INGEST_TOK_NUM && t[k - 3].kind == INGEST_TOK_PUNCT &&
                     t[k - 3].ch == ',' && tok_capword(&t[k - 4])));
    }
    return false;
}

/* Whether an entity's name opens with the word w/n and goes on ("Norvane" of
 * "Norvane ASA"): then the word is that name, not a town. A name ending in a
 * lower-case word ("Harbridge borough council") is the town's own body, and
 * so is one whose next word is a kind of town or county ("Ashby City
 * Council", "Renfrew County Commissioners"). */
static bool opens_entity_name(const struct ingest_ents *e, const char *w, size_t n)
{
    /* ("in Ames" after "Ames Public Library": a public body named for its town) */
    static const char *const municipal[] = {"borough", "city",     "county", "parish", "public",
                                            "town",    "township", "village"}; /* sorted */
    static const char *const roads[] = {"avenue", "highway", "lane", "road", "street",
                                        "way"}; /* sorted */
    for (size_t i = 0; i < e->n && i < 512; i++) {
        const char *nm = e->v[i].name;
        /* (the first byte first: this runs for every lone word) */
        if (n == 0 || nm[0] != w[0] || strncmp(nm, w, n) != 0 || nm[n] != ' ')
            continue;
        const char *sp = strrchr(nm, ' ');
        if (sp && sp[1] >= 'a' && sp[1] <= 'z')
            continue;
        size_t k = n + 1;
        while (nm[k] && nm[k] != ' ')
            k++;
        /* ("in Appin" after "Appin Road": a road named for the town it leads to) */
        if (e->v[i].type == ENTITY_PLACE && !nm[k] &&
            ingest_word_in(roads, sizeof roads / sizeof *roads, nm + n + 1, k - n - 1))
            continue;
        if (!ingest_word_in(municipal, sizeof municipal / sizeof *municipal, nm + n + 1, k - n - 1))
            return true;
    }
    return false;
}

/* "Toronto-based Aldercrest Gold", "Telvara shares fell 3.8 percent",
 * "Aldercrest's shares fell": a name right after a town's "-based", or before
 * "shares" or "stock" and a verb of price, is a company's. The name is
 * t[a..j). */
static bool firm_sign(const char *s, const struct ingest_tok *t, size_t n, size_t a, size_t j)
{
    static const char *const moves[] = {
        "climbed", "closed", "dipped", "dropped", "eased",  "edged",  "fell",  "gained",
        "jumped",  "plunged", "rallied", "rose",  "sank",   "slid",   "slipped", "slumped",
        "soared",  "surged",  "tumbled"}; /* sorted */
    const struct ingest_tok *p = a > 0 ? &t[a - 1] : NULL;
    if (p && p->kind == INGEST_TOK_WORD && p->end + 1 == t[a].start && p->quote == t[a].quote &&
        p->end - p->start > 7 && memcmp(s + p->end - 6, "-based", 6) == 0)
        return true;
    return j + 1 < n && t[j].kind == INGEST_TOK_WORD && t[j].quote == t[a].quote &&
           (ingest_tok_is(s, &t[j], "shares") || ingest_tok_is(s, &t[j], "stock")) &&
           t[j + 1].kind == INGEST_TOK_WORD &&
           ingest_word_in(moves, sizeof moves / sizeof *moves, s + t[j + 1].start,
                          t[j + 1].end - t[j + 1].start);
}

/* Finds candidate runs in one tokenised text. */
/* A party's adjective ("the Liberal party", "Labor's vote"), sorted lower. */
static const char *const party_adjs[] = {
    "communist", "conservative", "democratic",  "green",   "labor",      "labour",
    "liberal",   "libertarian",  "nationalist", "progressive", "republican", "socialist"};

/* "Tory", "Labour", "Conservative": a word that names a party or its side
 * ("on Tory council benches"), never a town. */
static bool party_word(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t)
{
    static const char *const sides[] = {"independent", "tory", "unionist"}; /* sorted */
    size_t n = t->end - t->start;
    return ingest_word_in(party_adjs, sizeof party_adjs / sizeof *party_adjs, s + t->start, n) ||
           ingest_word_in(sides, sizeof sides / sizeof *sides, s + t->start, n) ||
           ingest_gaz_has(g, s + t->start, n, INGEST_GAZ_ORG) ||
           ingest_gaz_has(g, s + t->start, n, INGEST_GAZ_DEMONYM);
}

/* "the Liberal party", "the Republican party": one or two party adjectives
 * before a lower-case "party" name that party. Returns the token after
 * "party", or 0. */
static size_t party_with_noun(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                              size_t j)
{
    if (j == a || j - a > 2 || j >= n || !ingest_tok_is(s, &t[j], "party") ||
        t[j].start != t[j - 1].end + 1 || (t[j - 1].flags & INGEST_TOKF_POSS))
        return 0;
    for (size_t k = a; k < j; k++)
        if (!(t[k].flags & INGEST_TOKF_CAP) || (t[k].flags & INGEST_TOKF_ALLCAPS) ||
            !ingest_word_in(party_adjs, sizeof party_adjs / sizeof *party_adjs, s + t[k].start,
                            t[k].end - t[k].start))
            return 0;
    return j + 1;
}

/* "Labor's Dana Kovac", "led Labor to victory", "Labor lost six seats": the
 * Australian party's short name, a common noun too. In mid-sentence a
 * capitalised "Labor" alone is the party; at a sentence's start only before
 * a possessive or a verb ("Labor negotiations stalled" is the noun). */
static bool labor_party(const char *s, const struct ingest_tok *t, size_t n, size_t a, size_t j)
{
    static const char *const verbs[] = {"could", "did",   "had",  "has",   "held",  "holds",
                                        "is",    "led",   "lost", "must",  "needs", "wants",
                                        "was",   "will",  "won",  "would"}; /* sorted */
    if (j != a + 1 || !ingest_tok_is(s, &t[a], "Labor") || (t[a].flags & INGEST_TOKF_ALLCAPS))
        return false;
    if (t[a].flags & INGEST_TOKF_POSS)
        return true;
    if (j < n && t[j].kind == INGEST_TOK_WORD && !(t[j].flags & INGEST_TOKF_LOWER))
        return false;
    if (!(t[a].flags & INGEST_TOKF_SENT_START))
        return true;
    return j < n && t[j].kind == INGEST_TOK_WORD &&
           (tok_is_speech_verb(s, &t[j]) ||
            ingest_word_in(verbs, sizeof verbs / sizeof *verbs, s + t[j].start,
                           t[j].end - t[j].start));
}

/* "a resident of Wexbury, told", "the village of Kelby, said": a lower-case
 * noun for where people live, or a town's mayor, and "of" before token a: a
 * town, though a speech verb after the comma closes the appositive; "off
 * the coast of Ras Tamura", "on the shores of": a shore names a place too. */
static bool home_of_before(const char *s, const struct ingest_tok *t, size_t a)
{
    static const char *const homes[] = {"city",      "coast",    "mayor",     "native",
                                        "natives",   "outskirts", "resident", "residents",
                                        "shores",    "suburb",   "town",      "township",
                                        "village"}; /* sorted */
    return a >= 2 && ingest_tok_is(s, &t[a - 1], "of") && t[a - 2].kind == INGEST_TOK_WORD &&
           (t[a - 2].flags & INGEST_TOKF_LOWER) &&
           ingest_word_in(homes, sizeof homes / sizeof *homes, s + t[a - 2].start,
                          t[a - 2].end - t[a - 2].start);
}

/* "Lahore's Anarkali market", "Cairo's Zamalek district": the words t[a..j)
 * after a listed place's possessive and before a lower-case word for a part
 * of a town name that part, a place. */
static bool quarter_of_town(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                            size_t n, size_t a, size_t j)
{
    static const char *const parts[] = {"bazaar", "district", "market", "neighborhood",
                                        "neighbourhood", "quarter", "souk"}; /* sorted */
    return a >= 1 && j < n && j - a <= 2 && (t[a - 1].flags & INGEST_TOKF_POSS) &&
           t[a - 1].quote == t[a].quote && t[j].kind == INGEST_TOK_WORD &&
           (t[j].flags & INGEST_TOKF_LOWER) &&
           ingest_word_in(parts, sizeof parts / sizeof *parts, s + t[j].start,
                          t[j].end - t[j].start) &&
           ingest_gaz_find(g, s + t[a - 1].start, t[a - 1].end - t[a - 1].start,
                           INGEST_GAZ_PLACE) != NULL;
}

/* "the Labour MP for Kettlebrook and Fenwood", "the seat of St Austell and
 * Newquay": a name where a constituency stands, which may hold "and". */
static bool constituency_before(const char *s, const struct ingest_tok *t, size_t a)
{
    /* Canadian provincial members too: "MPP for Lakeshore North" (Ontario),
     * "MNA for Gouin" (Quebec), "MHA for Placentia" (Newfoundland) */
    /* "the Greens senator for Victoria": an Australian senator sits for a state */
    static const char *const members[] = {"am",  "member", "mha",  "mla",     "mlas",
                                          "mna", "mp",     "mpp",  "mpps",    "mps",
                                          "ms",  "msp",    "msps", "senator", "td"}; /* sorted */
    static const char *const seats[] = {"constituency", "seat"}; /* sorted */
    /* "an MSP for the Highlands and Islands region" */
    if (a >= 3 && ingest_tok_is(s, &t[a - 1], "the") && ingest_tok_is(s, &t[a - 2], "for"))
        a--;
    if (a < 2 || t[a - 2].kind != INGEST_TOK_WORD)
        return false;
    const char *w = s + t[a - 2].start;
    size_t wn = t[a - 2].end - t[a - 2].start;
    /* "MP", "Member", "member", but not "I am for" */
    /* "whose constituency covers Sham Shui Po", "her riding includes Leduc" */
    static const char *const spans[] = {"covers", "encompasses", "includes", "spans"}; /* sorted */
    static const char *const areas[] = {"constituency", "district", "electorate",
                                        "riding",       "seat",     "ward"}; /* sorted */
    if (ingest_word_in(spans, 4, s + t[a - 1].start, t[a - 1].end - t[a - 1].start) &&
        ingest_word_in(areas, 6, w, wn))
        return true;
    return (ingest_tok_is(s, &t[a - 1], "for") &&
            ingest_word_in(members, sizeof members / sizeof *members, w, wn) &&
            (!(t[a - 2].flags & INGEST_TOKF_LOWER) || ingest_tok_is(s, &t[a - 2], "member") ||
             ingest_tok_is(s, &t[a - 2], "senator"))) ||
           (ingest_tok_is(s, &t[a - 1], "of") && ingest_word_in(seats, 2, w, wn));
}

/* "the Greens senator for Victoria Colin Weatherby", "the MP for Kettlebrook
 * Anne Roe": after a seat's "for", a listed given name at t[j] and one more
 * capitalised word closing the run are the member, and the words before
 * them the seat (a state may be a given name too, "Victoria"). */
static bool seat_then_name(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                           size_t n, size_t a, size_t j)
{
    if (j + 1 >= n || !tok_capword(&t[j + 1]) || t[j + 1].quote != t[a].quote ||
        (j + 2 < n && tok_capword(&t[j + 2]) && t[j + 2].start <= t[j + 1].end + 1) ||
        (t[j].flags & INGEST_TOKF_POSS) || !given_name_at(g, s, &t[j]))
        return false; /* "the MP for Chiang Mai's Constituency 4" is one seat */
    return constituency_before(s, t, a);
}

/* "the Hartsbridge and Wyre by-election": a lower-case word for an election
 * to one seat at t[j], after a run behind "the" or "a" (t[a - 1]). */
static bool by_election_at(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                           size_t j)
{
    static const char *const words[] = {"by-election", "by-elections", "byelection",
                                        "byelections"}; /* sorted */
    return j < n && a > 0 && t[j].kind == INGEST_TOK_WORD && (t[j].flags & INGEST_TOKF_LOWER) &&
           t[j].quote == t[a].quote &&
           (ingest_tok_is(s, &t[a - 1], "the") || ingest_tok_is(s, &t[a - 1], "a")) &&
           ingest_word_in(words, sizeof words / sizeof *words, s + t[j].start,
                          t[j].end - t[j].start);
}

/* "the ultra-Orthodox Kol Yisrael party", "his Yesod faction", "the centrist
 * Yesh Kivun party": a name before a lower-case "party" or "faction", behind a
 * determiner and at most three lower-case words, is the party (but not "the
 * office Christmas party"). t[a..j) is the run. */
static bool group_noun_after(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                             size_t j)
{
    static const char *const dets[] = {"a", "an", "her", "his", "its", "the", "their"};
    static const char *const occasions[] = {
        "birthday", "bowl",  "christmas", "easter", "eid",         "halloween", "hanukkah",
        "holiday",  "oscar", "oscars",    "super",  "thanksgiving", "year"}; /* sorted */
    if (j >= n || j == a || t[j].kind != INGEST_TOK_WORD || !(t[j].flags & INGEST_TOKF_LOWER) ||
        t[j].quote != t[a].quote || (t[j - 1].flags & INGEST_TOKF_POSS) ||
        !(ingest_tok_is(s, &t[j], "party") || ingest_tok_is(s, &t[j], "faction")))
        return false;
    for (size_t k = a; k < j; k++) {
        char lw[16];
        size_t m = t[k].end - t[k].start;
        if (t[k].kind != INGEST_TOK_WORD || m >= sizeof lw)
            continue;
        for (size_t q = 0; q < m; q++)
            lw[q] = (char)(s[t[k].start + q] >= 'A' && s[t[k].start + q] <= 'Z'
                               ? s[t[k].start + q] + 32
                               : s[t[k].start + q]);
        if (ingest_word_in(occasions, sizeof occasions / sizeof *occasions, lw, m))
            return false;
    }
    for (size_t k = a, steps = 0; k > 0 && steps < 4; k--, steps++) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind != INGEST_TOK_WORD)
            return false;
        for (size_t q = 0; q < sizeof dets / sizeof *dets; q++)
            if (ingest_tok_ieq(s, w, dets[q]))
                return true;
        if (!(w->flags & INGEST_TOKF_LOWER))
            return false;
    }
    return false;
}

/* "Badger Forward, a super PAC backing Lindahl", "Tern Labs, a startup that":
 * an appositive whose head is a lower-case organisation noun (or "PAC") says
 * the name before the comma is an organisation. t[j] is the comma. */
/* True when t[a..j) closes a person's appositive after "from", before a
 * comma: "Hector Villalobos, a melon grower from Rocky Ford, said" -- where
 * the person is from, so a place (the speech verb after it is the person's). */
static bool appositive_from(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                            size_t j)
{
    if (a < 4 || j >= n || t[j].kind != INGEST_TOK_PUNCT || t[j].ch != ',' ||
        !ingest_tok_is(s, &t[a - 1], "from"))
        return false;
    for (size_t k = a - 1; k > 1 && a - k < 8; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER) ||
            (w->flags & INGEST_TOKF_POSS))
            return false;
        if ((ingest_tok_is(s, w, "a") || ingest_tok_is(s, w, "an")) &&
            t[k - 2].kind == INGEST_TOK_PUNCT && t[k - 2].ch == ',')
            return true;
    }
    return false;
}

/* ", one of the country's largest quick-commerce platforms": "one of the"
 * and lower-case words up to an organisation noun in the plural ("banks",
 * "platforms") closing the phrase, after the name ending at token j. */
static bool org_one_of(const char *s, const struct ingest_tok *t, size_t n, size_t j)
{
    if (j + 4 >= n || t[j].kind != INGEST_TOK_PUNCT || t[j].ch != ',' ||
        !ingest_tok_is(s, &t[j + 1], "one") || !ingest_tok_is(s, &t[j + 2], "of") ||
        !ingest_tok_is(s, &t[j + 3], "the"))
        return false;
    for (size_t k = j + 4; k < n && k < j + 10; k++) {
        const struct ingest_tok *w = &t[k];
        if (w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER) || w->quote != t[j].quote)
            return false;
        size_t wn = w->end - w->start;
        if (wn > 3 && s[w->end - 1] == 's' && !(w->flags & INGEST_TOKF_POSS) &&
            (ingest_org_noun(s + w->start, wn - 1) ||
             (s[w->end - 2] == 'e' && ingest_org_noun(s + w->start, wn - 2))))
            return k + 1 >= n || t[k + 1].kind == INGEST_TOK_PUNCT;
    }
    return false;
}

static bool org_appositive(const char *s, const struct ingest_tok *t, size_t n, size_t j)
{
    if (org_one_of(s, t, n, j))
        return true;
    static const char *const after[] = {"aligned", "allied",  "backed",   "backing", "based",
                                        "created", "formed",  "founded",  "funded",  "in",
                                        "launched", "led",    "opposing", "run",     "set",
                                        "started", "supporting", "that",  "which",   "with"}; /* sorted */
    if (j + 2 >= n || t[j].kind != INGEST_TOK_PUNCT || t[j].ch != ',' ||
        !(ingest_tok_is(s, &t[j + 1], "a") || ingest_tok_is(s, &t[j + 1], "an") ||
          ingest_tok_is(s, &t[j + 1], "the"))) /* "X, the national federation," */
        return false;
    for (size_t k = j + 2; k < n && k < j + 7; k++) {
        const struct ingest_tok *w = &t[k];
        /* "the sector's biggest farmers' cooperative": a plural owner's
         * apostrophe, a token of its own */
        if (w->kind == INGEST_TOK_PUNCT && (w->ch == '\'' || w->ch == 0x2019) &&
            t[k - 1].kind == INGEST_TOK_WORD && t[k - 1].end == w->start &&
            (t[k - 1].flags & INGEST_TOKF_LOWER) && s[w->start - 1] == 's')
            continue;
        if (w->kind != INGEST_TOK_WORD || w->quote != t[j].quote)
            return false;
        /* "X, an analyst at a securities firm,": a role's prepositional
         * phrase comes after the head, which was no organisation noun */
        static const char *const preps[] = {"at", "for", "from", "in", "of", "on", "with"};
        if (ingest_word_in(preps, sizeof preps / sizeof *preps, s + w->start, w->end - w->start))
            return false;
        bool head = org_noun_before(s, w) || ingest_tok_is(s, w, "PAC");
        /* "X, the firm's founder" is a person; "X, the industry's main lobby
         * group," an organisation: a lower-case owner is a modifier */
        if (w->flags & INGEST_TOKF_POSS) {
            if (head || !(w->flags & INGEST_TOKF_LOWER))
                return false;
            continue;
        }
        if (!head) {
            if (!(w->flags & INGEST_TOKF_LOWER))
                return false;
            continue;
        }
        /* the noun heads the appositive: "a union leader" is a person */
        if (k + 1 >= n)
            return true;
        const struct ingest_tok *x = &t[k + 1];
        return x->kind == INGEST_TOK_PUNCT ||
               (x->kind == INGEST_TOK_WORD &&
                ingest_word_in(after, sizeof after / sizeof *after, s + x->start,
                               x->end - x->start));
    }
    return false;
}

static bool company_word(const char *w, size_t n);

/* "towns like Youngstown, Warren and Steubenville", "cities such as Leeds or
 * Hull", "towns in his state, including Ketchum and Salmon", "the villages of
 * Amble and Warkby": whether the word at a is an item of a list of capitalised
 * words that a plural noun for places introduces with "like", "such as",
 * "including" or "of" (at most twelve tokens back). */
static bool town_list_item(const char *s, const struct ingest_tok *t, size_t a)
{
    static const char *const kinds[] = {"boroughs", "cities",  "communities", "counties",
                                        "districts", "islands", "places", "ports",
                                        "suburbs",  "towns",   "villages"}; /* sorted */
    static const char *const joins[] = {"and", "as", "including", "like", "of", "or"}; /* sorted */
    if (a == 0)
        return false;
    const struct ingest_tok *p = &t[a - 1];
    if (p->kind == INGEST_TOK_PUNCT ? p->ch != ','
                                    : !(p->flags & INGEST_TOKF_LOWER) ||
                                          !ingest_word_in(joins, sizeof joins / sizeof *joins,
                                                          s + p->start, p->end - p->start))
        return false;
    for (size_t k = a; k > 0 && a - k < 12; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->quote != t[a].quote)
            return false;
        if (w->kind == INGEST_TOK_PUNCT && w->ch == ',')
            continue;
        if (w->kind != INGEST_TOK_WORD)
            return false;
        if (tok_capword(w) || ingest_tok_is(s, w, "and") || ingest_tok_is(s, w, "or"))
            continue;
        size_t h = k - 1; /* "like" or "as" */
        /* "several towns in his state, including Ketchum and Salmon", "every
         * town in the constituency, including Fleetwood": the plural noun a
         * few lower-case words before "including" */
        if (ingest_tok_is(s, w, "including")) {
            for (size_t q = h; q > 0 && h - q < 7; q--) {
                const struct ingest_tok *x = &t[q - 1];
                if (x->quote != t[a].quote ||
                    (x->kind == INGEST_TOK_WORD && !(x->flags & INGEST_TOKF_LOWER)))
                    return false;
                if (x->kind == INGEST_TOK_WORD &&
                    (ingest_word_in(kinds, sizeof kinds / sizeof *kinds, s + x->start,
                                    x->end - x->start) ||
                     ingest_tok_is(s, x, "town") || ingest_tok_is(s, x, "city")))
                    return true;
            }
            return false;
        }
        /* "the towns of Carrow, Lisdane and Bray", "the islands of Mull and
         * Iona": the plural noun names the kind of every item */
        if (ingest_tok_is(s, w, "as") && h > 0 && ingest_tok_is(s, &t[h - 1], "such"))
            h--;
        else if (!ingest_tok_is(s, w, "like") && !ingest_tok_is(s, w, "of"))
            return false;
        return h > 0 && t[h - 1].kind == INGEST_TOK_WORD &&
               ingest_word_in(kinds, sizeof kinds / sizeof *kinds, s + t[h - 1].start,
                              t[h - 1].end - t[h - 1].start);
    }
    return false;
}

/* "Campaign", "Committee": the capitalised head of a body named for its aim
 * with "to" ("Campaign to Protect Rural England"). */
static bool aim_body_word(const char *s, const struct ingest_tok *t)
{
    static const char *const heads[] = {"alliance", "campaign",  "coalition", "committee",
                                        "fund",     "movement",  "network",   "partnership",
                                        "project",  "society"}; /* sorted */
    return tok_capword(t) &&
           ingest_word_in(heads, sizeof heads / sizeof *heads, s + t->start, t->end - t->start);
}

/* "Embassy", "embassy", "Consulate", "consulate": a diplomatic mission. */
static bool mission_word(const char *s, const struct ingest_tok *t)
{
    return ingest_tok_ieq(s, t, "embassy") || ingest_tok_ieq(s, t, "consulate");
}

/* After a mission's name ending before token j: "in" and a known place of
 * one or two capitalised words that ends the run ("Embassy in Lusaka"). The
 * token after the place, or 0; *city gets its gazetteer entry. */
static size_t mission_city_end(const struct ingest_gaz *g, const char *s,
                               const struct ingest_tok *t, size_t n, size_t a, size_t j,
                               const struct ingest_gaz_entry **city)
{
    if (j + 1 >= n || !ingest_tok_is(s, &t[j], "in") || !tok_capword(&t[j + 1]) ||
        t[j + 1].quote != t[a].quote)
        return 0;
    for (size_t e = j + 3; e > j + 1; e--) {
        if (e > n || (e == j + 3 && t[j + 2].start != t[j + 1].end + 1))
            continue;
        if (e < n && tok_capword(&t[e]) && t[e].start == t[e - 1].end + 1)
            continue; /* the run goes on: "in Lusaka Province" */
        *city = ingest_gaz_find(g, s + t[j + 1].start, t[e - 1].end - t[j + 1].start,
                                INGEST_GAZ_PLACE);
        if (*city)
            return e;
    }
    return 0;
}

static void last_word(const char *s, size_t n, const char **w, size_t *wn);

/* "Japan's Foreign Ministry said", "South Korea's Finance Ministry": a
 * state body after its country's possessive keeps its own name (as "the
 * Foreign Ministry" later), and the whole as written is its alias; the
 * country stays a place of its own. c is the first candidate of the run at a. */
static void country_body_alias(const struct ingest_gaz *g, const char *s,
                               const struct ingest_tok *t, size_t a, struct cand *c)
{
    static const char *const bodies[] = {"consulate", "department", "embassy",
                                         "ministry"}; /* sorted */
    if (c->kind != C_ORG || c->start != t[a].start || c->xalias || a == 0 ||
        !(t[a - 1].flags & INGEST_TOKF_POSS) || t[a - 1].full_end + 1 != t[a].start)
        return;
    const char *w;
    size_t wn;
    last_word(c->text + c->start, c->end - c->start, &w, &wn);
    if (!ingest_word_in(bodies, sizeof bodies / sizeof *bodies, w, wn))
        return;
    for (size_t k = a >= 2 ? a - 2 : a - 1; k < a; k++) {
        if (k + 1 < a && t[k].end + 1 != t[k + 1].start)
            continue;
        const struct ingest_gaz_entry *pl =
            ingest_gaz_find(g, s + t[k].start, t[a - 1].end - t[k].start, INGEST_GAZ_PLACE);
        if (pl && tok_capword(&t[k])) {
            c->xalias = s + t[k].start;
            c->xalias_len = c->end - t[k].start;
            return;
        }
    }
}

/* "the Patriots for Change Alliance": after "the", one plural capitalised
 * word (no demonym), "for" (token j) and one to three capitalised words
 * whose last is an organisation word make one name. */
static bool for_org_tail(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                         size_t n, size_t a, size_t j)
{
    size_t wl = t[a].end - t[a].start;
    if (wl < 4 || s[t[a].end - 1] != 's' || s[t[a].end - 2] == 's' ||
        ingest_gaz_has(g, s + t[a].start, wl, INGEST_GAZ_DEMONYM))
        return false;
    size_t e = j + 1;
    while (e < n && e <= j + 3 && tok_capword(&t[e]) && t[e].quote == t[a].quote &&
           t[e].start == t[e - 1].end + 1 && !(t[e].flags & INGEST_TOKF_POSS))
        e++;
    return e > j + 1 && (e >= n || !tok_capword(&t[e])) &&
           ingest_gaz_has(g, s + t[e - 1].start, t[e - 1].end - t[e - 1].start,
                          INGEST_GAZ_ORG_WORD);
}

/* The first token among [a, e) that starts at or after byte pos. */
static size_t tok_at(const struct ingest_tok *t, size_t a, size_t e, size_t pos)
{
    while (a < e && t[a].start < pos)
        a++;
    return a;
}

/* "the South African Local Government Association (Salga)": whether the
 * word k, written in title case as some papers write acronyms they say as a
 * word, spells the initials of the capitalised words among tokens [a, e),
 * four letters or more so a short word ("(Ann)") is not taken. */
static bool initials_word(const char *s, const struct ingest_tok *t, size_t a, size_t e,
                          const struct ingest_tok *k)
{
    size_t an = k->end - k->start, i = 0;
    if (k->kind != INGEST_TOK_WORD || !(k->flags & INGEST_TOKF_CAP) || an < 4)
        return false;
    const char *ac = s + k->start;
    for (size_t q = a; q < e; q++) {
        if (!tok_capword(&t[q]))
            continue;
        char want = (char)(s[t[q].start] | 0x20);
        if (i >= an || want < 'a' || want > 'z' || (ac[i] | 0x20) != want)
            return false;
        i++;
    }
    return i == an;
}

/* True when tokens e, e+1, e+2 are "(", a word in capitals and ")" and
 * that word is the initials of the capitalised words among tokens [a, e)
 * ("Commission for Conciliation, Mediation and Arbitration (CCMA)"). */
static bool initials_in_brackets(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                                 size_t e)
{
    if (e + 2 >= n || t[e].kind != INGEST_TOK_PUNCT || t[e].ch != '(' ||
        t[e + 2].kind != INGEST_TOK_PUNCT || t[e + 2].ch != ')' ||
        !(t[e + 1].flags & INGEST_TOKF_ALLCAPS))
        return false;
    const char *ac = s + t[e + 1].start;
    size_t an = t[e + 1].end - t[e + 1].start, k = 0;
    for (size_t q = a; q < e; q++)
        if (tok_capword(&t[q]) && (k >= an || ac[k++] != s[t[q].start]))
            return false;
    return k == an && an >= 2;
}

/* "Ministry of Housing, Communities and Local Government", "Department for
 * Culture, Media and Sport": when the run at a opens with "Ministry" or
 * "Department" and "of"/"for", the end (exclusive) of a list of capitalised
 * portfolios that goes on over the comma at token j and closes with "and" and
 * capitalised words, within twelve tokens; else 0. A listed place or
 * organisation in the list ends no ministry ("the Ministry of Defence,
 * Britain and France"). */
static size_t portfolio_list_end(const struct ingest_gaz *g, const char *s,
                                 const struct ingest_tok *t, size_t n, size_t a, size_t j)
{
    if (ingest_tok_is(s, &t[a], "The") && j >= a + 4)
        a++;
    bool ministry = ingest_tok_is(s, &t[a], "Ministry") || ingest_tok_is(s, &t[a], "Department");
    if (!(ministry || ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start,
                                     INGEST_GAZ_ORG_WORD)) ||
        !(ingest_tok_is(s, &t[a + 1], "of") || ingest_tok_is(s, &t[a + 1], "for")))
        return 0;
    bool and_seen = false, word = false;
    size_t e = j + 1;
    for (; e < n && e <= j + 12 && t[e].quote == t[a].quote; e++) {
        const struct ingest_tok *x = &t[e];
        if (tok_capword(x)) {
            if ((x->flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) ||
                (!word && ingest_gaz_has(g, s + x->start, x->end - x->start, INGEST_GAZ_STOPCAP)) ||
                ingest_gaz_find(g, s + x->start, x->end - x->start, INGEST_GAZ_PLACE))
                return 0;
            word = true;
            continue;
        }
        /* "Department of Agriculture, Food and the Marine": "the" after
         * "and" in a short list (a long one is left cut, as the quote
         * finder reads an appositive name after it only within a few words) */
        if (and_seen && !word && ingest_tok_is(s, x, "the") && ministry && e <= j + 4)
            continue;
        if (!word || and_seen)
            break;
        if (x->kind == INGEST_TOK_PUNCT && x->ch == ',') {
            word = false;
            continue;
        }
        if (ingest_tok_is(s, x, "and")) {
            and_seen = true;
            word = false;
            continue;
        }
        return 0;
    }
    if (!and_seen || !word)
        return 0;
    /* "the Commission for Conciliation, Mediation and Arbitration (CCMA)":
     * another organisation word heads such a list only when the acronym
     * in brackets after it spells its capitalised words */
    return ministry || initials_in_brackets(s, t, n, a, e) ? e : 0;
}

/* "the Senate Health, Education, Labor and Pensions Committee", "the
 * Agriculture, Nutrition and Forestry Committee": a committee named for a
 * list of portfolios, after a chamber or "the", goes on over its commas to
 * the words after "and" and its head word. The comma is token j; returns
 * the token after "Committee" or "Subcommittee", or 0. Each item is one or
 * two capitalised words that are no place or given name. */
static size_t committee_list_end(const struct ingest_gaz *g, const char *s,
                                 const struct ingest_tok *t, size_t n, size_t a, size_t j)
{
    static const char *const chambers[] = {"Assembly", "House", "Joint", "Senate"};
    if (ingest_tok_is(s, &t[a], "The") && j >= a + 2)
        a++;
    bool chamber = false;
    for (size_t k = 0; k < 4 && !chamber; k++)
        chamber = ingest_tok_is(s, &t[a], chambers[k]);
    /* (also after a chamber's possessive: "Parliament's Food, Agriculture
     * and Cocoa Affairs Committee") */
    if (!(chamber && j >= a + 2 && j <= a + 3) &&
        !(j == a + 1 && a > 0 && ingest_tok_ieq(s, &t[a - 1], "the")) &&
        !(j == a + 1 && a > 0 && tok_capword(&t[a - 1]) && (t[a - 1].flags & INGEST_TOKF_POSS)))
        return 0;
    bool and_seen = false;
    size_t words = 0;
    for (size_t e = j + 1; e < n && e <= j + 14 && t[e].quote == t[a].quote; e++) {
        const struct ingest_tok *x = &t[e];
        if (tok_capword(x)) {
            size_t xn = x->end - x->start;
            if (and_seen && words >= 1 &&
                (ingest_tok_is(s, x, "Committee") || ingest_tok_is(s, x, "Subcommittee")))
                return !(x->flags & INGEST_TOKF_POSS) || e + 1 < n ? e + 1 : 0;
            if ((x->flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) || ++words > 2 ||
                ingest_gaz_find(g, s + x->start, xn, INGEST_GAZ_PLACE) ||
                given_name_at(g, s, x) || ingest_gaz_has(g, s + x->start, xn, INGEST_GAZ_STOPCAP))
                return 0;
            continue;
        }
        if (!words || and_seen)
            return 0;
        if (x->kind == INGEST_TOK_PUNCT && x->ch == ',')
            words = 0;
        else if (ingest_tok_is(s, x, "and"))
            and_seen = true, words = 0;
        else
            return 0;
    }
    return 0;
}

/* Whether two to four capitalised words from token j, in quotation q, end
 * in an organisation word with no possessive among them and no stop word
 * first
 * ("Lake Neighbors Association" after "the Sloan's"). */
static bool poss_org_run(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                         size_t n, size_t j, int32_t q)
{
    for (size_t k = j; k < n && k < j + 4 && tok_capword(&t[k]) && t[k].quote == q; k++) {
        if (k > j && t[k].start > t[k - 1].full_end + 1)
            return false;
        if (k == j && ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_STOPCAP))
            return false;
        /* ("the People's Liberation Army's Eastern Theater Command": the
         * organisation word's own possessive closes the name too) */
        if (k > j && ingest_gaz_has(g, s + t[k].start, t[k].end - t[k].start, INGEST_GAZ_ORG_WORD))
            return (t[k].flags & INGEST_TOKF_POSS) || k + 1 >= n || !tok_capword(&t[k + 1]) ||
                   t[k + 1].start > t[k].full_end + 1;
        if (t[k].flags & INGEST_TOKF_POSS)
            return false;
    }
    return false;
}

/* Whether the words before "read"/"reads" at token r name a thing bearing
 * words ("a sign on his office door that read"): a display noun at most
 * eight words before it, in the same sentence. */
static bool display_reads(const char *s, const struct ingest_tok *t, size_t r)
{
    static const char *const shows[] = {"banner", "banners", "caption", "placard", "placards",
                                        "plaque", "poster",  "posters", "shirt",   "shirts",
                                        "sign",   "signs",   "slogan",  "sticker", "t-shirt",
                                        "t-shirts"}; /* sorted */
    for (size_t k = r; k > 0 && r - k < 8; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->sent != t[r].sent || w->quote >= 0)
            return false;
        if (w->kind == INGEST_TOK_WORD &&
            ingest_word_in(shows, sizeof shows / sizeof *shows, s + w->start, w->end - w->start))
            return true;
    }
    return false;
}

/* Whether the quotation opening at token i is the title of a work: it follows
 * "titled" or "entitled", or "called" or "named" after a noun for a work
 * ("a 30-second ad called", "a white paper called"), a headline ("under the
 * headline", "headlined"), or a sign's "read" ("a sign ... that read"). */
static bool work_title_before(const char *s, const struct ingest_tok *t, size_t i)
{
    static const char *const works[] = {
        "ad",        "advert",      "album",   "article", "bill",    "blog",   "book",
        "booklet",   "column",      "document", "documentary", "essay", "film",   "leaflet",
        "memo",      "memoir",      "movie",   "newsletter", "novel", "pamphlet", "paper", "play",
        "podcast",   "poem",        "program", "programme", "report", "series", "show",
        "song",      "speech",      "study",   "video"}; /* sorted */
    const struct ingest_tok *v = &t[i - 1];
    size_t vl = v->end - v->start;
    /* "his posthumous memoir, \"The Empty Palace,\"": the work's title in
     * apposition to the noun for it */
    if (i >= 2 && v->kind == INGEST_TOK_PUNCT && v->ch == ',' && t[i - 2].kind == INGEST_TOK_WORD &&
        (t[i - 2].flags & INGEST_TOKF_LOWER) && t[i - 2].quote < 0 &&
        ingest_word_in(works, sizeof works / sizeof *works, s + t[i - 2].start,
                       t[i - 2].end - t[i - 2].start))
        return true;
    if (v->kind != INGEST_TOK_WORD || !(v->flags & INGEST_TOKF_LOWER) || vl < 4 || vl > 9)
        return false;
    if (ingest_tok_is(s, v, "titled") || ingest_tok_is(s, v, "entitled") ||
        ingest_tok_is(s, v, "headlined") ||
        (ingest_tok_is(s, v, "headline") && i >= 2 && ingest_tok_is(s, &t[i - 2], "the")))
        return true;
    if ((ingest_tok_is(s, v, "read") || ingest_tok_is(s, v, "reads")) && i >= 2 &&
        (ingest_tok_is(s, &t[i - 2], "that") || ingest_tok_is(s, &t[i - 2], "which")))
        return display_reads(s, t, i - 2);
    if (!ingest_tok_is(s, v, "called") && !ingest_tok_is(s, v, "named"))
        return false;
    for (size_t k = i - 1; k > 0 && i - 1 - k < 3; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind != INGEST_TOK_WORD || w->quote >= 0)
            return false;
        if (ingest_word_in(works, sizeof works / sizeof *works, s + w->start, w->end - w->start))
            return true;
    }
    return false;
}

/* "worked 31 years at X", "a job at X": the run at token a follows "at"
 * and, at most three words before it, a word of working. */
static bool employer_at(const char *s, const struct ingest_tok *t, size_t a)
{
    static const char *const work[] = {"employed", "job",     "jobs",  "work",
                                       "worked",   "working", "works"}; /* sorted */
    if (a < 2 || !ingest_tok_is(s, &t[a - 1], "at"))
        return false;
    for (size_t k = a - 1; k > 0 && a - 1 - k < 4; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->kind == INGEST_TOK_NUM)
            continue; /* "worked 31 years at" */
        if (w->kind != INGEST_TOK_WORD || !(w->flags & INGEST_TOKF_LOWER))
            return false;
        if (ingest_word_in(work, sizeof work / sizeof *work, s + w->start, w->end - w->start))
            return true;
    }
    return false;
}

/* Whether w/n is a plain capitalised word no list knows as a place,
 * organisation, people, title or sentence word. */
static bool plain_surname(const struct ingest_gaz *g, const char *w, size_t n)
{
    if (n < 3 || w[0] < 'A' || w[0] > 'Z')
        return false;
    for (size_t k = 1; k < n; k++)
        if (w[k] < 'a' || w[k] > 'z')
            return false;
    static const enum ingest_gaz_class known[] = {
        INGEST_GAZ_PLACE, INGEST_GAZ_ORG, INGEST_GAZ_DEMONYM, INGEST_GAZ_STOPCAP,
        INGEST_GAZ_TITLE, INGEST_GAZ_TITLE_MOD, INGEST_GAZ_NOT_ENTITY, INGEST_GAZ_ORG_WORD,
        INGEST_GAZ_PLACE_WORD};
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        if (ingest_gaz_has(g, w, n, known[k]))
            return false;
    return true;
}

/* "the Obama-Marsh agenda", "the Reyes-Lowell ticket": a lone word at token
 * i of two plain capitalised parts joined by a hyphen, before a lower-case
 * noun for a pair's time in power. Returns the hyphen's byte, or 0. */
static size_t pair_of_people(const struct ingest_gaz *g, const char *s,
                             const struct ingest_tok *t, size_t n, size_t i)
{
    static const char *const spans[] = {"administration", "agenda", "era", "presidency",
                                        "ticket",         "years"}; /* sorted */
    if (i + 1 >= n || t[i].kind != INGEST_TOK_WORD || t[i + 1].kind != INGEST_TOK_WORD ||
        !(t[i + 1].flags & INGEST_TOKF_LOWER) || t[i + 1].quote != t[i].quote ||
        (t[i].flags & INGEST_TOKF_POSS) ||
        !ingest_word_in(spans, sizeof spans / sizeof *spans, s + t[i + 1].start,
                        t[i + 1].end - t[i + 1].start))
        return 0;
    if (i > 0 && tok_capword(&t[i - 1]) && t[i - 1].quote == t[i].quote)
        return 0; /* inside a longer name */
    const char *w = s + t[i].start, *h = memchr(w, '-', t[i].end - t[i].start);
    if (!h)
        return 0;
    size_t ln = (size_t)(h - w), rn = t[i].end - t[i].start - ln - 1;
    if (!plain_surname(g, w, ln) || !plain_surname(g, h + 1, rn))
        return 0;
    return (size_t)(h - s);
}

/* The token of a one-word name that an organisation's name ending before
 * token j is also known by: ", known as Finanstilsynet," or ", or JA-Zenchu,"
 * (set off by commas, so "the Senate or Congress" is two bodies). The word
 * is capitalised and listed as nothing else, and a comma, a full stop or a
 * closing bracket follows it. 0 when there is none. */
static size_t own_name_after(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                             size_t n, size_t j)
{
    if (j + 3 >= n || t[j].kind != INGEST_TOK_PUNCT || t[j].ch != ',')
        return 0;
    size_t w = 0;
    if (ingest_tok_is(s, &t[j + 1], "or"))
        w = j + 2;
    else if (j + 4 < n && ingest_tok_is(s, &t[j + 1], "known") && ingest_tok_is(s, &t[j + 2], "as"))
        w = j + 3;
    if (!w || w + 1 >= n || !tok_capword(&t[w]) || t[w].quote != t[j].quote ||
        (t[w].flags & INGEST_TOKF_POSS) || t[w + 1].kind != INGEST_TOK_PUNCT ||
        (t[w + 1].ch != ',' && t[w + 1].ch != '.' && t[w + 1].ch != ')') ||
        t[w].end - t[w].start < 3 || gaz_name(g, s + t[w].start, t[w].end - t[w].start, false) ||
        ingest_gaz_has(g, s + t[w].start, t[w].end - t[w].start, INGEST_GAZ_STOPCAP) ||
        given_has(g, s + t[w].start, t[w].end - t[w].start, INGEST_GAZ_GIVEN_MALE) ||
        given_has(g, s + t[w].start, t[w].end - t[w].start, INGEST_GAZ_GIVEN_FEMALE))
        return 0;
    return w;
}

/* "Ann Roe, 52, of Sevenoaks, Kent, pleaded guilty": one word set off by
 * commas right after a town that "of", "in" or "from" opens is the county or
 * region the town lies in, though the word is also a name. Tokens a..j-1 are
 * the word; out holds the candidates so far. */
static bool region_after_town(const char *s, const struct ingest_tok *t, size_t n, size_t a,
                              size_t j, const struct cands *out, int32_t para)
{
    if (a < 3 || j >= n || t[a - 1].kind != INGEST_TOK_PUNCT || t[a - 1].ch != ',' ||
        t[j].kind != INGEST_TOK_PUNCT || (t[j].ch != ',' && t[j].ch != '.') || out->n == 0)
        return false;
    const struct cand *p = &out->v[out->n - 1];
    if (p->para != para || p->end != t[a - 2].end || (p->kind != C_PLACE && !p->town_hint))
        return false;
    size_t ps = a - 2; /* the town's first token */
    while (ps > 0 && t[ps].start > p->start)
        ps--;
    return ps > 0 && t[ps].start == p->start &&
           (ingest_tok_is(s, &t[ps - 1], "of") || ingest_tok_is(s, &t[ps - 1], "in") ||
            ingest_tok_is(s, &t[ps - 1], "from"));
}

/* speech_after_aside from token j, reading no token at or past lim, with
 * nested asides left ("of the Harbour Daily then asked" is one inside
 * another). Bounded so that "X of Post Y of Post Z of ..." chains, tried from
 * every run, stay linear. */
static bool speech_after_aside_in(const char *s, const struct ingest_tok *t, size_t n, size_t j,
                                  size_t lim, int nested)
{
    static const char *const adverbs[] = {"again", "also", "finally", "first", "later",
                                          "then"}; /* sorted */
    if (lim < n)
        n = lim;
    if (j + 1 >= n || t[j].kind != INGEST_TOK_WORD || !(t[j].flags & INGEST_TOKF_LOWER) ||
        t[j].quote != t[j + 1].quote)
        return false;
    if (ingest_word_in(adverbs, sizeof adverbs / sizeof *adverbs, s + t[j].start,
                       t[j].end - t[j].start))
        return tok_is_speech_verb(s, &t[j + 1]);
    if (!ingest_tok_is(s, &t[j], "of") && !ingest_tok_is(s, &t[j], "from"))
        return false;
    size_t k = j + 1;
    if (ingest_tok_is(s, &t[k], "the"))
        k++;
    size_t c = k;
    while (k < n && k < c + 4 && tok_capword(&t[k]) && t[k].quote == t[j].quote)
        k++;
    if (k == c || k + 1 >= n || t[k].quote != t[j].quote)
        return false;
    /* "Ann Roe of the Harbour Daily then asked" */
    return tok_is_speech_verb(s, &t[k]) ||
           (nested > 0 && speech_after_aside_in(s, t, n, k, lim, nested - 1));
}

/* Whether a speech verb follows token j past a short aside with no comma:
 * a sequencing adverb ("Chan Mei Fong then asked") or the outlet or body the
 * speaker is of ("Ann Roe of the Harbour Daily asked"), or both, so the
 * name before it is cued like one right before the verb. At most one aside
 * inside another, within 8 tokens (the verb included). */
static bool speech_after_aside(const char *s, const struct ingest_tok *t, size_t n, size_t j)
{
    return speech_after_aside_in(s, t, n, j, j + 9, 1);
}

/* Whether ", a season-ticket holder for 31 years, said" starts at token j:
 * an appositive opened by "a" or "an", of at most a dozen words and numbers,
 * closed by a comma right before a speech verb. */
static bool appositive_then_speech(const char *s, const struct ingest_tok *t, size_t n, size_t j)
{
    if (j + 2 >= n || !ingest_tok_is(s, &t[j], ",") ||
        !(ingest_tok_is(s, &t[j + 1], "a") || ingest_tok_is(s, &t[j + 1], "an")))
        return false;
    for (size_t k = j + 2; k < n && k <= j + 14; k++) {
        if (t[k].quote != t[j].quote)
            return false;
        if (t[k].kind == INGEST_TOK_PUNCT)
            return t[k].ch == ',' && k > j + 2 && k + 1 < n && tok_is_speech_verb(s, &t[k + 1]);
    }
    return false;
}

/* "a Dauphin County Republican", "a Fulton County Democrat who": a party
 * label after a county names the county and the person's side; the label is
 * no part of the place ("the Dauphin County Republican Party" goes on, since
 * a capitalised word follows). True when token j is such a label. */
static bool county_then_party(const char *s, const struct ingest_tok *t, size_t n, size_t j)
{
    static const char *const sides[] = {"democrat", "independent", "tory"}; /* sorted */
    static const char *const units[] = {"borough", "county", "parish"};     /* sorted */
    size_t wn = t[j].end - t[j].start;
    if (!(t[j].flags & INGEST_TOKF_CAP) || (t[j].flags & INGEST_TOKF_ALLCAPS) ||
        (t[j - 1].flags & INGEST_TOKF_POSS) || !tok_capword(&t[j - 1]) ||
        !ingest_word_in(units, 3, s + t[j - 1].start, t[j - 1].end - t[j - 1].start) ||
        !(ingest_word_in(party_adjs, sizeof party_adjs / sizeof *party_adjs, s + t[j].start, wn) ||
          ingest_word_in(sides, 3, s + t[j].start, wn)))
        return false;
    return j + 1 >= n || !tok_capword(&t[j + 1]) || t[j + 1].quote != t[j].quote;
}

/* Words that close the name of a published code or set of rules ("Trust
 * Principles", "Editorial Guidelines"), which no reader takes for a body.
 * Sorted. */
static bool code_word(const char *s, const struct ingest_tok *t)
{
    static const char *const codes[] = {"guidelines", "principles"}; /* sorted, lower */
    return ingest_word_in(codes, sizeof codes / sizeof *codes, s + t->start, t->end - t->start);
}

/* The end (one past the last token) of the longest listed organisation that
 * opens tokens a..b-1, "The" aside ("The Thomson Reuters" of "The Thomson
 * Reuters Trust Principles"), or 0 when none does. */
static size_t listed_org_head(const struct ingest_gaz *g, const char *s,
                              const struct ingest_tok *t, size_t a, size_t b)
{
    for (size_t e = b; e > a; e--)
        for (size_t f = a; f < e && f < a + 2; f++)
            if (ingest_gaz_find(g, s + t[f].start, t[e - 1].end - t[f].start, INGEST_GAZ_ORG))
                return e;
    return 0;
}

/* Whether tokens a..j-1 (after an opening "The") spell a listed place, so
 * the apostrophe at j is the place's plural possessive: "The Philippines'
 * Department of Foreign Affairs" is the country and its department, where
 * "Ohio Consumers' Counsel" keeps its inner possessive. */
static bool place_plural_poss(const struct ingest_gaz *g, const char *s,
                              const struct ingest_tok *t, size_t a, size_t j)
{
    if (j < a + 1)
        return false;
    if (ingest_gaz_has(g, s + t[a].start, t[j - 1].end - t[a].start, INGEST_GAZ_PLACE))
        return true;
    return j > a + 1 && (ingest_tok_is(s, &t[a], "The") || ingest_tok_is(s, &t[a], "the")) &&
           ingest_gaz_has(g, s + t[a + 1].start, t[j - 1].end - t[a + 1].start,
                          INGEST_GAZ_PLACE);
}

/* Whether t[a..b) are one to three plain capitalised words, such as a
 * romanised Asian district's ("San Pa Tong"): no list knows them as a title,
 * an organisation or place word, a demonym or a stop word, and they hold no
 * capitals, hyphen or possessive. */
static bool plain_place_words(const struct ingest_gaz *g, const char *s,
                              const struct ingest_tok *t, size_t a, size_t b)
{
    if (b <= a || b - a > 3)
        return false;
    for (size_t k = a; k < b; k++) {
        const char *w = s + t[k].start;
        size_t wn = t[k].end - t[k].start;
        if (t[k].kind != INGEST_TOK_WORD || !(t[k].flags & INGEST_TOKF_CAP) ||
            (t[k].flags & (INGEST_TOKF_ALLCAPS | INGEST_TOKF_POSS)) || memchr(w, '-', wn) ||
            (k > a && t[k].start != t[k - 1].end + 1) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_STOPCAP) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_ORG_WORD) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_PLACE_WORD) ||
            ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM))
            return false;
    }
    return true;
}

/* Lower-case words for administrative areas, and for the bodies that run one
 * ("district council"), both sorted. */
static const char *const admin_areas[] = {"district", "districts", "province", "provinces",
                                          "subdistrict", "subdistricts"};
static const char *const admin_bodies[] = {"administration", "attorney", "council",  "court",
                                           "government",     "office",   "officials"};

/* Whether t[j] is a lower-case word for an administrative area; *plural
 * says whether it names several ("districts"). */
static bool admin_area_at(const char *s, const struct ingest_tok *t, size_t n, size_t a, size_t j,
                          bool *plural)
{
    if (j >= n || t[j].kind != INGEST_TOK_WORD || !(t[j].flags & INGEST_TOKF_LOWER) ||
        t[j].quote != t[a].quote ||
        !ingest_word_in(admin_areas, sizeof admin_areas / sizeof *admin_areas, s + t[j].start, t[j].end - t[j].start))
        return false;
    /* "Mid Weald district council", "the Kelby district court": the area's
     * body, which the council rules name */
    if (j + 1 < n && t[j + 1].kind == INGEST_TOK_WORD && (t[j + 1].flags & INGEST_TOKF_LOWER) &&
        (ingest_word_in(admin_bodies, sizeof admin_bodies / sizeof *admin_bodies, s + t[j + 1].start,
                        t[j + 1].end - t[j + 1].start) ||
         ingest_org_noun(s + t[j + 1].start, t[j + 1].end - t[j + 1].start)))
        return false;
    *plural = s[t[j].end - 1] == 's';
    return true;
}

/* "San Pa Tong district": two or three plain capitalised words t[a..j)
 * before a word for an administrative area are one place; a listed given
 * name opening them makes them a person's ("Ann Roe district office"). */
static bool area_run(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                     size_t n, size_t a, size_t j)
{
    bool plural;
    return j - a >= 2 && admin_area_at(s, t, n, a, j, &plural) && !given_name_at(g, s, &t[a]) &&
           plain_place_words(g, s, t, a, j);
}

/* "covers Saraphi and San Pa Tong districts": a run t[a..j) holding "and"
 * before a plural word for administrative areas is two places; returns the
 * token of "and", or 0. */
static size_t area_pair_and(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                            size_t n, size_t a, size_t j)
{
    bool plural = false;
    if (!admin_area_at(s, t, n, a, j, &plural) || !plural)
        return 0;
    for (size_t k = a + 1; k + 1 < j; k++)
        if (ingest_tok_is(s, &t[k], "and"))
            return plain_place_words(g, s, t, a, k) && plain_place_words(g, s, t, k + 1, j) ? k
                                                                                             : 0;
    return 0;
}

/* Words that name a weather system before its given name ("Hurricane
 * Hanna", "Tropical Storm Ana", "Storm Isolde", "Super Typhoon Ulan"). */
static const char *const storm_words[] = {"cyclone", "hurricane", "storm", "typhoon"}; /* sorted */

/* The token after a storm's name when one starts at token i (the storm word
 * capitalised, a qualifier such as "Tropical" allowed before it, the name a
 * capitalised word right after and the last of the run, no place or
 * organisation word: "Storm Lake" is a town, "Hurricane Creek Road" a road),
 * else 0. */
static size_t storm_name_end(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                             size_t n, size_t i)
{
    size_t k = i;
    if (k + 1 < n && (ingest_tok_is(s, &t[k], "Tropical") || ingest_tok_is(s, &t[k], "Super") ||
                      ingest_tok_is(s, &t[k], "Severe")))
        k++;
    if (k + 1 >= n || !tok_capword(&t[k]) ||
        !ingest_word_in(storm_words, sizeof storm_words / sizeof *storm_words,
                                      s + t[k].start, t[k].end - t[k].start))
        return 0;
    const struct ingest_tok *nm = &t[k + 1];
    if (!tok_capword(nm) || nm->start != t[k].end + 1 || nm->sent != t[k].sent)
        return 0;
    if (k + 2 < n && tok_capword(&t[k + 2]) && t[k + 2].start == nm->end + 1)
        return 0;
    size_t nl = nm->end - nm->start;
    if (ingest_gaz_has(g, s + nm->start, nl, INGEST_GAZ_PLACE_WORD) ||
        ingest_gaz_has(g, s + nm->start, nl, INGEST_GAZ_ORG_WORD))
        return 0;
    return k + 2;
}

/* "shootout on the N12 near Daveyton", "the side of the N2", "towards the
 * A38": a British, Irish or South African road number (A, M or N and one to
 * three digits) after "the" and a word of travel or place is a road, a
 * place. The word after it is no lower-case noun: "the M23 rebels" are an
 * armed group. Returns the token after the road, or 0. */
static size_t road_number_end(const char *s, const struct ingest_tok *t, size_t n, size_t i)
{
    static const char *const before[] = {"across", "along", "down", "near", "off", "on",
                                         "onto", "toward", "towards", "up", "via"}; /* sorted */
    /* (no "from", "to", "when", "was", "and" or "for": "on the A320 from
     * Lisbon" is an aircraft, "relied on the N95 when" a mask) */
    static const char *const after[] = {
        "after",  "at",    "before",  "between", "east",  "in",   "into",  "motorway",
        "near",   "north", "on",      "outside", "south", "towards", "west", "where",
        "which"}; /* sorted */
    const char *w = s + t[i].start;
    size_t wn = t[i].end - t[i].start;
    if (t[i].kind != INGEST_TOK_WORD || wn < 2 || wn > 4 || i < 2 ||
        (w[0] != 'A' && w[0] != 'M' && w[0] != 'N') || !ingest_tok_is(s, &t[i - 1], "the"))
        return 0;
    for (size_t k = 1; k < wn; k++)
        if (w[k] < '0' || w[k] > '9')
            return 0;
    const struct ingest_tok *p = &t[i - 2];
    bool side = i >= 4 && ingest_tok_is(s, p, "of") &&
                (ingest_tok_is(s, &t[i - 3], "side") || ingest_tok_is(s, &t[i - 3], "stretch") ||
                 ingest_tok_is(s, &t[i - 3], "section"));
    if (!side && !(p->kind == INGEST_TOK_WORD && (p->flags & INGEST_TOKF_LOWER) &&
                   ingest_word_in(before, sizeof before / sizeof *before, s + p->start,
                                  p->end - p->start)))
        return 0;
    /* ("the side of the N2 and": that form names a road whatever follows) */
    if (!side && i + 1 < n && t[i + 1].kind == INGEST_TOK_WORD &&
        !ingest_word_in(after, sizeof after / sizeof *after, s + t[i + 1].start,
                        t[i + 1].end - t[i + 1].start))
        return 0;
    return i + 1;
}

/* "the MV Isle of Ulva", "the CCGS Louis S. St-Laurent", "HMS Belfast": a
 * ship's prefix in capitals and the name after it, not ending in an
 * organisation word after RV or MV. A ship is no person,
 * organisation or place, though its name is often a person's or an island's.
 * Returns the token after the name, or 0 when no ship is named at i. */
static size_t ship_name_end(const struct ingest_gaz *g, const char *s, const struct ingest_tok *t,
                            size_t n, size_t i)
{
    static const char *const prefixes[] = {"ccgs", "hmas", "hmcs", "hmnzs", "hms",
                                           "mv",   "rms",  "rv",   "usns",  "uss"}; /* sorted */
    size_t wn = t[i].end - t[i].start;
    if (i + 1 >= n || !(t[i].flags & INGEST_TOKF_ALLCAPS) || wn > 5 ||
        !ingest_word_in(prefixes, sizeof prefixes / sizeof *prefixes, s + t[i].start, wn) ||
        !tok_capword(&t[i + 1]) || t[i + 1].start != t[i].end + 1 || t[i + 1].sent != t[i].sent)
        return 0;
    for (size_t k = 0; k < wn; k++) /* the list is matched ignoring case: "Hms" is no prefix */
        if (s[t[i].start + k] < 'A' || s[t[i].start + k] > 'Z')
            return 0;
    size_t k = i + 1;
    while (k < n && t[k].start <= t[k - 1].end + 1 && t[k].sent == t[i].sent &&
           (tok_capword(&t[k]) ||
            (k + 1 < n && ingest_tok_is(s, &t[k], "of") && tok_capword(&t[k + 1]))))
        k++;
    /* (RV and MV also shorten "recreational vehicle" and "motor vessel" in
     * ordinary names: "the RV Show Center" is an organisation) */
    if (wn == 2 && s[t[i].start + 1] == 'V' &&
        ingest_gaz_has(g, s + t[k - 1].start, t[k - 1].end - t[k - 1].start, INGEST_GAZ_ORG_WORD))
        return 0;
    return k;
}

static bool text_scan(const char *s, const struct ingest_toks *tk, int32_t para,
                      const struct ingest_gaz *g, struct cands *out, size_t *pos)
{
    const struct ingest_tok *t = tk->v;
    size_t i = 0, n = tk->n;
    size_t slen = n ? t[n - 1].end : 0; /* the bytes the tokens cover */
    const struct ingest_gaz_entry *plural = NULL; /* "Sens." opening a list of names */
    int32_t plural_sent = -1;
    size_t plural_at = SIZE_MAX; /* the token of the first name after it */
    while (i < n) {
        const struct ingest_gaz_entry *tag = NULL;
        size_t tag_end;
        size_t tag_from = t[i].start + 2;
        if (tok_capword(&t[i]) &&
            ((tag = party_tag_state(g, s, slen, &t[i], &tag_from, &tag_end)) ||
             party_tag_town(g, s, slen, t, i, &tag_end))) {
            /* "Sen. Ann Roe (D-N.M.)": the state is named; "State Sen. Gary
             * Lutz, R-Hamilton, said": a state legislator's home town. No
             * name starts here */
            struct cand c = {.para = para, .start = tag ? tag_from : t[i].start + 2,
                             .end = tag_end, .nstart = tag ? tag_from : t[i].start + 2,
                             .text = s, .canon = tag ? tag->canon : NULL,
                             .canon_len = tag ? tag->canon_len : 0, .kind = C_PLACE,
                             .in_quote = t[i].quote >= 0, .entity = -1, .pos = (*pos)++};
            if (!cands_push(out, &c))
                return false;
            while (i < n && t[i].start < tag_end)
                i++;
            continue;
        }
        /* "Sens. Voss of Maine and Bledsoe": the tokenizer ends a sentence
         * at an unlisted plural abbreviation; the name after it is titled */
        if (tok_capword(&t[i]) && i + 2 < n && t[i + 1].kind == INGEST_TOK_PUNCT &&
            t[i + 1].ch == '.' && t[i + 1].start == t[i].end && tok_capword(&t[i + 2])) {
            char w[16];
            size_t wn = t[i].end - t[i].start;
            const struct ingest_gaz_entry *pl = NULL;
            if (wn + 1 < sizeof w) {
                memcpy(w, s + t[i].start, wn);
                w[wn] = '.';
                pl = plural_title_of(g, w, wn + 1, false);
            }
            if (pl) {
                plural = pl;
                plural_at = i + 2;
                plural_sent = t[i + 2].sent;
                i += 2;
                continue;
            }
        }
        /* "a web video titled \"The Party of Chaos\"", "a white paper called
         * \"A Digital Front Door for Britain\"": the title of a work names no
         * person or organisation; only the listed places in it are named */
        if (t[i].quote >= 0 && i > 0 && t[i - 1].quote != t[i].quote && work_title_before(s, t, i)) {
            int32_t q = t[i].quote;
            while (i < n && t[i].quote == q) {
                const struct ingest_gaz_entry *pe = NULL;
                size_t pj = i;
                for (size_t e = i; tok_capword(&t[i]) && e < n && e < i + 3 && t[e].quote == q &&
                                   tok_capword(&t[e]);
                     e++) {
                    const struct ingest_gaz_entry *x =
                        ingest_gaz_find(g, s + t[i].start, t[e].end - t[i].start, INGEST_GAZ_PLACE);
                    if (x) {
                        pe = x;
                        pj = e;
                    }
                }
                if (pe) {
                    struct cand c = {.para = para, .start = t[i].start, .end = t[pj].end,
                                     .nstart = t[i].start, .text = s, .canon = pe->canon,
                                     .canon_len = pe->canon_len, .kind = C_PLACE,
                                     .in_quote = true, .entity = -1, .pos = (*pos)++};
                    if (!cands_push(out, &c))
                        return false;
                    i = pj;
                }
                i++;
            }
            continue;
        }
        size_t road = road_number_end(s, t, n, i);
        if (road) {
            struct cand c = {.para = para, .start = t[i].start, .end = t[i].end,
                             .nstart = t[i].start, .text = s, .kind = C_PLACE,
                             .in_quote = t[i].quote >= 0, .entity = -1, .pos = (*pos)++};
            if (!cands_push(out, &c))
                return false;
            i = road;
            continue;
        }
        /* "Hurricane Hanna", "Typhoon Ulan": a storm's name is no person,
         * though it is often a given name; the storm word and the name are
         * skipped (a lone "Hanna" later finds no full name to join) */
        size_t storm = storm_name_end(g, s, t, n, i);
        if (!storm)
            storm = ship_name_end(g, s, t, n, i);
        if (!storm && i + 1 < n && ingest_tok_is(s, &t[i], "The")) /* "The MV Isle of Ulva" */
            storm = ship_name_end(g, s, t, n, i + 1);
        if (storm) {
            i = storm;
            continue;
        }
        size_t lead = particle_lead(s, t, n, i);
        if (!tok_capword(&t[i]) && !lead && !hyphen_particle_tok(s, &t[i])) {
            i++;
            continue;
        }
        /* "wrote on X", "in a post on X.", "posted to X": the social network
         * (alone, "X" is a letter); at a sentence's end the tokenizer may
         * read "X." as an initial */
        size_t xl = t[i].end - t[i].start;
        bool x_end = xl == 2 && s[t[i].start + 1] == '.' &&
                     (i + 1 >= n || t[i + 1].kind != INGEST_TOK_WORD || t[i + 1].start > t[i].end + 1 ||
                      !tok_capword(&t[i + 1]) || (t[i + 1].flags & INGEST_TOKF_SENT_START) ||
                      ingest_gaz_has(g, s + t[i + 1].start, t[i + 1].end - t[i + 1].start,
                                     INGEST_GAZ_STOPCAP));
        if (s[t[i].start] == 'X' && (xl == 1 || x_end) && i > 0 &&
            (ingest_tok_is(s, &t[i - 1], "on") ||
             (ingest_tok_is(s, &t[i - 1], "to") && i > 1 &&
              (ingest_tok_is(s, &t[i - 2], "posted") || ingest_tok_is(s, &t[i - 2], "posting") ||
               ingest_tok_is(s, &t[i - 2], "posts") || ingest_tok_is(s, &t[i - 2], "post")))) &&
            (x_end || i + 1 >= n || !tok_capword(&t[i + 1]))) {
            struct cand c = {.para = para, .start = t[i].start, .end = t[i].start + 1,
                             .nstart = t[i].start, .text = s, .canon = "X", .canon_len = 1,
                             .kind = C_ORG, .in_quote = t[i].quote >= 0, .entity = -1,
                             .pos = (*pos)++};
            if (!cands_push(out, &c))
                return false;
            i++;
            continue;
        }
        /* "the Obama-Marsh agenda", "the Reyes-Lowell ticket": two surnames
         * joined by a hyphen before a noun for a pair's time in power are
         * two people */
        size_t pair_hy = pair_of_people(g, s, t, n, i);
        if (pair_hy) {
            struct cand c = {.para = para, .start = t[i].start, .end = pair_hy,
                             .nstart = t[i].start, .text = s, .kind = C_SINGLE,
                             .in_quote = t[i].quote >= 0, .age_after = true, .entity = -1,
                             .pos = (*pos)++};
            if (!cands_push(out, &c))
                return false;
            c.start = c.nstart = pair_hy + 1;
            c.end = t[i].end;
            c.pos = (*pos)++;
            if (!cands_push(out, &c))
                return false;
            i++;
            continue;
        }
        size_t a = i, j = i + lead; /* "van der Berg": the particles open the run */
        size_t end_byte = t[i].end;
        bool stop = false, inner_poss = false, local_office = false, on_topic = false;
        bool named_body = false; /* "Campaign to Protect ...", "Ministry of A, B and C" */
        while (j < n && !stop) {
            const struct ingest_tok *k = &t[j];
            if (j > a && k->quote != t[a].quote)
                break;
            if (j > a && county_then_party(s, t, n, j))
                break;
            if (j > a && seat_then_name(g, s, t, n, a, j))
                break;
            if (tok_nameword(s, k)) {
                bool cut;
                end_byte = tok_name_end(s, k, &cut);
                j++;
                /* "the Pima County Sheriff's Office": a title's office goes on */
                /* ... also one of "Title of X": "the Georgia Secretary of
                 * State's Office" */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && j < n && tok_capword(&t[j]) &&
                    t[j].quote == t[a].quote && t[j].start <= k->full_end + 1 &&
                    (ingest_gaz_has(g, s + k->start, k->end - k->start, INGEST_GAZ_TITLE) ||
                     (j >= a + 3 && ingest_tok_is(s, &t[j - 2], "of") &&
                      ingest_gaz_has(g, s + t[j - 3].start, t[j - 3].end - t[j - 3].start,
                                     INGEST_GAZ_TITLE))) &&
                    ingest_tok_is(s, &t[j], "Office"))
                    continue;
                /* "the Hood River County Clerk's office", "the Maricopa County
                 * Attorney's office": a local official's office, in lower case */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && j < n && j >= a + 3 &&
                    ingest_tok_is(s, &t[j], "office") && t[j].quote == t[a].quote &&
                    t[j].start <= k->full_end + 1 &&
                    ingest_word_in(officials, n_officials, s + k->start, k->end - k->start) &&
                    (ingest_tok_is(s, &t[j - 2], "County") || ingest_tok_is(s, &t[j - 2], "City") ||
                     ingest_tok_is(s, &t[j - 2], "District") ||
                     ingest_tok_is(s, &t[j - 2], "State"))) {
                    end_byte = t[j].end;
                    j++;
                    stop = local_office = true;
                    continue;
                }
                /* "Alzheimer's Research UK": a known name with a possessive */
                if (!cut && (k->flags & INGEST_TOKF_POSS)) {
                    size_t pe = poss_known_end(g, s, t, n, a, j);
                    if (pe) {
                        end_byte = t[pe - 1].end;
                        j = pe;
                        stop = true;
                        continue;
                    }
                }
                /* "St. Brendan's Regional Medical Center", "Saint Mary's
                 * College": a saint's possessive opens a name that goes on */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && j == a + 2 && j < n &&
                    tok_capword(&t[j]) && t[j].quote == t[a].quote &&
                    t[j].start <= k->full_end + 1 &&
                    (ingest_tok_is(s, &t[a], "St.") || ingest_tok_is(s, &t[a], "St") ||
                     ingest_tok_is(s, &t[a], "Saint")) &&
                    !ingest_gaz_has(g, s + t[j].start, t[j].end - t[j].start,
                                    INGEST_GAZ_STOPCAP))
                    continue;
                /* "the Children's Hospital of Kelby", "Women's Health
                 * Alliance": an irregular plural's possessive goes on; so
                 * does "Magistrate's" ("the Benoni Magistrate's Court",
                 * South African and Nigerian usage) */
                static const char *const plurals[] = {"children", "magistrate", "men",
                                                      "women"}; /* sorted, lower */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && j < n && tok_capword(&t[j]) &&
                    t[j].quote == t[a].quote && t[j].start <= k->full_end + 1 &&
                    ingest_word_in(plurals, sizeof plurals / sizeof *plurals, s + k->start,
                                   k->end - k->start) &&
                    !ingest_gaz_has(g, s + t[j].start, t[j].end - t[j].start, INGEST_GAZ_TITLE) &&
                    !ingest_gaz_has(g, s + t[j].start, t[j].end - t[j].start,
                                    INGEST_GAZ_STOPCAP))
                    continue;
                /* "Moody's Analytics", "Macy's Inc.": one word's possessive
                 * and a company word closing the run is a firm's name */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && j == a + 1 && j < n &&
                    tok_capword(&t[j]) && t[j].quote == t[a].quote &&
                    t[j].start <= k->full_end + 1 &&
                    company_word(s + t[j].start, t[j].end - t[j].start) &&
                    !(j + 1 < n && tok_capword(&t[j + 1]) && t[j + 1].start <= t[j].end + 1) &&
                    !gaz_name(g, s + t[a].start, k->end - t[a].start, false)) {
                    end_byte = t[j].end;
                    j++;
                    stop = true;
                    continue;
                }
                /* "the Sloan's Lake Neighbors Association": after "the", one
                 * word's possessive opens a name that an organisation word
                 * closes within four words */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && t[j].start <= k->full_end + 1 &&
                    ((j == a + 1 && a > 0 && ingest_tok_is(s, &t[a - 1], "the")) ||
                     (j == a + 2 && ingest_tok_is(s, &t[a], "The"))) &&
                    poss_org_run(g, s, t, n, j, t[a].quote))
                    continue;
                /* "In St. John's, the premier said": a listed place whose
                 * name ends in a possessive keeps it ("St. John" is no one) */
                if (!cut && (k->flags & INGEST_TOKF_POSS) && poss_place_at(g, s, t, a, j)) {
                    end_byte = k->full_end;
                    stop = true;
                    continue;
                }
                if (cut || (k->flags & INGEST_TOKF_POSS))
                    stop = true;
                /* "OPEC+": a known name with a plus sign */
                if (!stop && j < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == '+' &&
                    t[j].start == k->end && (j + 1 >= n || t[j + 1].start > t[j].end) &&
                    ingest_gaz_find(g, s + t[a].start, t[j].end - t[a].start, INGEST_GAZ_ORG)) {
                    end_byte = t[j].end;
                    j++;
                    stop = true;
                    continue;
                }
                /* "France 24", "FRANCE 24": a listed name that ends in a
                 * number goes on over it, or its first word alone reads as
                 * the country */
                if (!stop && j < n && t[j].kind == INGEST_TOK_NUM && t[j].start == k->end + 1 &&
                    t[j].quote == t[a].quote &&
                    ingest_gaz_find(g, s + t[a].start, t[j].end - t[a].start, INGEST_GAZ_ORG)) {
                    end_byte = t[j].end;
                    j++;
                    stop = true;
                    continue;
                }
                /* "Fraternal Order of Police Lodge 27", "Teamsters Local 727";
                 * "a steward with Local 1187": a branch named by its number */
                if (!stop && (j > a + 1 || !(k->flags & INGEST_TOKF_SENT_START)) && j < n &&
                    t[j].kind == INGEST_TOK_NUM &&
                    t[j].start == k->end + 1 &&
                    (ingest_tok_is(s, k, "Lodge") || ingest_tok_is(s, k, "Local") ||
                     (ingest_tok_is(s, k, "Radio") && j > a + 1) || /* "BBC Radio 4" */
                     /* "told Channel 12 news", "Channel 4 News": a broadcaster */
                     (ingest_tok_is(s, k, "Channel") && j == a + 1) ||
                     /* "a stretch of Interstate 95", "Route 9": a numbered road */
                     ingest_tok_is(s, k, "Interstate") || ingest_tok_is(s, k, "Highway") ||
                     ingest_tok_is(s, k, "Route") || ingest_tok_is(s, k, "Barangay") ||
                     (j == a + 1 && us_highway_tok(s, k, &t[j])))) {
                    end_byte = t[j].end;
                    j++;
                    stop = true;
                }
                continue;
            }
            /* a known name goes on over its connectors: "House of Lords" */
            size_t ke = j > a ? known_span_end(g, s, t, n, a, j) : 0;
            if (ke > j) {
                j = ke;
                end_byte = t[ke - 1].end;
                continue;
            }
            /* "Pieter van der Berg", "Maria de la Cruz": particles inside a name */
            size_t pl = j > a ? particles_then_cap(s, t, n, j, false) : 0;
            if (pl) {
                j += pl;
                continue;
            }
            /* connectors inside a name */
            if (j > a && j + 1 < n && tok_capword(&t[j + 1]) && t[j + 1].quote == t[a].quote) {
                if (ingest_tok_is(s, k, "of") && !firm_of_place(g, s, t, n, a, j) &&
                    (is_of_head(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start) ||
                     org_of_place(g, s, t, n, a, j))) {
                    j++;
                    continue;
                }
                /* "Commission on Coastal Heritage", "Council on Rural Affairs" */
                if (ingest_tok_is(s, k, "on") &&
                    ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                                   INGEST_GAZ_ORG_WORD) &&
                    !ingest_gaz_has(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start,
                                    INGEST_GAZ_STOPCAP)) {
                    on_topic = true;
                    j++;
                    continue;
                }
                if (k->kind == INGEST_TOK_PUNCT && k->ch == '&') {
                    j++;
                    continue;
                }
                /* "Ohio Consumers' Counsel", "Firefighters' Pension Trust": a
                 * plural possessive inside a name (no person's name has one) */
                if (k->kind == INGEST_TOK_PUNCT && (k->ch == '\'' || k->ch == 0x2019) &&
                    k->start == t[j - 1].end && s[k->start - 1] == 's' &&
                    t[j + 1].start == k->end + 1 &&
                    !ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                                    INGEST_GAZ_DEMONYM) &&
                    !ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                                    INGEST_GAZ_STOPCAP) &&
                    !place_plural_poss(g, s, t, a, j)) {
                    inner_poss = true;
                    j++;
                    continue;
                }
            }
            /* "Transport for the North": a known name goes on over "for the" */
            if (j > a && j + 2 < n && (ingest_tok_is(s, k, "for") || ingest_tok_is(s, k, "of")) &&
                ingest_tok_is(s, &t[j + 1], "the") && known_org_through(g, s, t, n, a, j + 1)) {
                j += 2;
                continue;
            }
            /* "Department for Environment, Food and Rural Affairs": a known
             * name with a comma inside */
            if (j > a && j + 1 < n && k->kind == INGEST_TOK_PUNCT && k->ch == ',' &&
                tok_capword(&t[j + 1]) && known_org_over_comma(g, s, t, n, a, j)) {
                j++;
                continue;
            }
            /* "Ministry of Housing, Communities and Local Government": a
             * ministry's portfolio list with commas, closed by "and"; the
             * "Senate Health, Education, Labor and Pensions Committee" */
            size_t pe = k->kind == INGEST_TOK_PUNCT && k->ch == ',' && j >= a + 3
                            ? portfolio_list_end(g, s, t, n, a, j)
                            : 0;
            if (!pe && k->kind == INGEST_TOK_PUNCT && k->ch == ',' && j > a)
                pe = committee_list_end(g, s, t, n, a, j);
            if (pe) {
                j = pe;
                end_byte = t[pe - 1].end;
                named_body = true;
                stop = true;
                continue;
            }
            /* "Campaign to Protect Rural England", "Committee to Protect
             * Journalists": a body named for its aim goes on over "to" */
            if ((j == a + 1 || (j == a + 2 && ingest_tok_is(s, &t[a], "The"))) && j + 2 < n &&
                ingest_tok_is(s, k, "to") && tok_capword(&t[j + 1]) && tok_capword(&t[j + 2]) &&
                t[j + 2].quote == t[a].quote && aim_body_word(s, &t[j - 1]) &&
                !ingest_gaz_has(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start,
                                INGEST_GAZ_STOPCAP) &&
                !gaz_name(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start, false)) {
                named_body = true;
                j++;
                continue;
            }
            /* "the University of Nevada, Reno,": a state university's campus
             * town after a comma is part of its name */
            if (j == a + 3 && j + 1 < n && k->kind == INGEST_TOK_PUNCT && k->ch == ',' &&
                ingest_tok_is(s, &t[a], "University") && ingest_tok_is(s, &t[a + 1], "of") &&
                tok_capword(&t[j + 1]) && t[j + 1].quote == t[a].quote &&
                !(t[j + 1].flags & INGEST_TOKF_POSS) &&
                ingest_gaz_find(g, s + t[a + 2].start, t[a + 2].end - t[a + 2].start,
                                INGEST_GAZ_PLACE) &&
                ingest_gaz_find(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start,
                                INGEST_GAZ_PLACE) &&
                (j + 2 >= n || t[j + 2].kind == INGEST_TOK_PUNCT ||
                 (t[j + 2].flags & INGEST_TOKF_LOWER))) {
                j += 2;
                end_byte = t[j - 1].end;
                stop = true;
                continue;
            }
            /* "Committee on Ways and Means": a topic list after "on" */
            size_t te = on_topic && j > a ? on_topic_end(g, s, t, n, a, j) : 0;
            if (te) {
                j = te;
                end_byte = t[te - 1].end;
                stop = true;
                continue;
            }
            /* "the MP for Kettlebrook and Fenwood": one constituency */
            if (j > a && j + 1 < n && ingest_tok_is(s, k, "and") && tok_capword(&t[j + 1]) &&
                t[j + 1].quote == t[a].quote && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
                (constituency_before(s, t, a) ||
                 (j - a == 1 && by_election_at(s, t, n, a, j + 2)))) {
                j++;
                continue;
            }
            /* "worked 31 years at Youngstown Sheet and Tube": an employer's
             * name goes on over "and" to one last word */
            if (j > a && j + 1 < n && ingest_tok_is(s, k, "and") && tok_capword(&t[j + 1]) &&
                t[j + 1].quote == t[a].quote && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
                (j + 2 >= n || !tok_capword(&t[j + 2])) && employer_at(s, t, a) &&
                !given_name_at(g, s, &t[a])) {
                j++;
                continue;
            }
            /* "National Oceanic and Atmospheric Administration": a known name;
             * "House Energy and Commerce Committee": an unknown one */
            if (j > a && j + 1 < n && ingest_tok_is(s, k, "and") &&
                (known_org_through(g, s, t, n, a, j) || and_org_tail(g, s, t, n, a, j))) {
                j++;
                continue;
            }
            /* "Centre for Disease Control", "Ministry of Infrastructure and
             * Water", "Commission for the Conservation of Marine Life" */
            if (j > a && j + 1 < n && tok_capword(&t[j + 1]) && t[j + 1].quote == t[a].quote &&
                (ingest_tok_is(s, k, "for") || ingest_tok_is(s, k, "and") ||
                 ingest_tok_is(s, k, "of")) &&
                run_has_org_of(s, t, a, j, g)) {
                j++;
                continue;
            }
            /* "the nonpartisan group Ohio Voters for Fair Maps", "Parents for
             * Safer Streets": a group named for its members goes on over "for" */
            if (j >= a + 1 && j + 1 < n && ingest_tok_is(s, k, "for") && tok_capword(&t[j + 1]) &&
                t[j + 1].quote == t[a].quote && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
                !ingest_gaz_has(g, s + t[j + 1].start, t[j + 1].end - t[j + 1].start,
                                INGEST_GAZ_STOPCAP) &&
                ((a > 0 && org_noun_before(s, &t[a - 1])) ||
                 (j == a + 1 && a > 0 && ingest_tok_is(s, &t[a - 1], "the") &&
                  for_org_tail(g, s, t, n, a, j)) ||
                 (j >= a + 2 && t[j - 1].end - t[j - 1].start >= 4 &&
                  s[t[j - 1].end - 1] == 's' && s[t[j - 1].end - 2] != 's' &&
                  !ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                                  INGEST_GAZ_DEMONYM)))) {
                j++;
                continue;
            }
            /* "Court of Appeals for the Ninth Circuit", "Kiel Institute for
             * the World Economy": an organisation word goes on over "for the";
             * "for the 9th Circuit": over an ordinal in figures too */
            bool ord = j + 3 < n && tok_ordinal(s, &t[j + 2]) && tok_capword(&t[j + 3]) &&
                       t[j + 3].quote == t[a].quote;
            if (j > a && j + 2 < n && ingest_tok_is(s, k, "for") &&
                ingest_tok_is(s, &t[j + 1], "the") && (tok_capword(&t[j + 2]) || ord) &&
                t[j + 2].quote == t[a].quote &&
                ((j >= a + 3 && run_has_org_of(s, t, a, j, g)) ||
                 ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                                INGEST_GAZ_ORG_WORD))) {
                j += ord ? 3 : 2;
                continue;
            }
            /* "Committee for a Responsible Federal Budget", "Alliance for a
             * Green Economy": an organisation word goes on over "for a" */
            if (j > a && j + 2 < n && ingest_tok_is(s, k, "for") &&
                (ingest_tok_is(s, &t[j + 1], "a") || ingest_tok_is(s, &t[j + 1], "an")) &&
                tok_capword(&t[j + 2]) && t[j + 2].quote == t[a].quote &&
                ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                               INGEST_GAZ_ORG_WORD) &&
                !ingest_gaz_has(g, s + t[j + 2].start, t[j + 2].end - t[j + 2].start,
                                INGEST_GAZ_STOPCAP)) {
                j += 2;
                continue;
            }
            if (j > a && j + 2 < n && ingest_tok_is(s, k, "of") &&
                ingest_tok_is(s, &t[j + 1], "the") && tok_capword(&t[j + 2]) &&
                is_of_head(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start)) {
                j += 2;
                continue;
            }
            break;
        }
        /* the official's office; a capitalised "The" opening a sentence is no
         * part of it, but "New" opening "New Hampshire" is */
        size_t oo = a, holder_end = 0;
        size_t office_end = local_office ? 0 : official_office_end(g, s, t, n, a, j, &holder_end);
        if (!office_end && !local_office &&
            ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_STOPCAP))
            office_end = official_office_end(g, s, t, n, ++oo, j, &holder_end);
        if (office_end) {
            if (!org_span_push(out, para, s, &t[oo], t[office_end - 1].end, NULL, pos))
                return false;
            /* the place or body that holds the office is read on its own */
            j = holder_end;
            end_byte = t[j - 1].end;
        }
        /* "Our Standards: The Thomson Reuters Trust Principles": a code a
         * body publishes is no organisation; the listed body at its head
         * still is named, and an unlisted code names nothing */
        if (j > a + 1 && code_word(s, &t[j - 1])) {
            size_t e = listed_org_head(g, s, t, a, j - 1);
            if (!e) {
                i = j;
                continue;
            }
            j = e;
            end_byte = t[e - 1].end;
        }
        bool cue = (j < n && tok_is_speech_verb(s, &t[j])) ||
                   (j + 1 < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' &&
                    tok_is_speech_verb(s, &t[j + 1])) ||
                   speech_after_aside(s, t, n, j);
        bool person =
            (a > 0 && tok_is_speech_verb(s, &t[a - 1])) || described_after_verb(s, t, a) ||
            (j + 1 < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' &&
             (ingest_tok_is(s, &t[j + 1], "who") || ingest_tok_is(s, &t[j + 1], "whose") ||
              (t[j + 1].kind == INGEST_TOK_NUM && j + 2 < n && t[j + 2].kind == INGEST_TOK_PUNCT &&
               t[j + 2].ch == ',') ||
              /* a hometown aside: "Ann Roe, of Brayford, Neb., said" */
              (ingest_tok_is(s, &t[j + 1], "of") && j + 3 < n && tok_capword(&t[j + 2]) &&
               t[j + 3].kind == INGEST_TOK_PUNCT && t[j + 3].ch == ',' &&
               (a == 0 || t[a - 1].kind == INGEST_TOK_PUNCT)) ||
              appositive_role(s, t, n, j + 1))) ||
            (a > 0 && t[a - 1].kind == INGEST_TOK_WORD && (t[a - 1].flags & INGEST_TOKF_LOWER) &&
             t[a - 1].quote == t[a].quote && role_noun(s, &t[a - 1])) ||
            role_appositive_before(g, s, t, a);
        /* "north of La Ronge", "40 miles southwest of Kelby": a compass
         * point and "of" before a name say where */
        static const char *const compass[] = {"east",      "north",     "northeast", "northwest",
                                              "south",     "southeast", "southwest", "west"};
        bool compass_of = a >= 2 && ingest_tok_is(s, &t[a - 1], "of") &&
                          t[a - 1].quote == t[a].quote &&
                          ingest_word_in(compass, 8, s + t[a - 2].start, t[a - 2].end - t[a - 2].start);
        bool place =
            (a > 0 && t[a - 1].kind == INGEST_TOK_WORD &&
            (ingest_tok_is(s, &t[a - 1], "in") || ingest_tok_is(s, &t[a - 1], "near") ||
             ingest_tok_is(s, &t[a - 1], "outside") || ingest_tok_is(s, &t[a - 1], "across") ||
             compass_of || (j - a == 2 && appositive_from(s, t, n, a, j)))) ||
            sentence_opens_in(s, t, n, a, j);
        /* "a Republican from Findlay", "from nearby Belmont", "in Halifax and
         * Todmorden": one unknown word where a town stands */
        /* ... "in suburban Westerville", "from rural Kelby"; "in north-east
         * Victoria", "in central Kelby": a part of the region by its compass point */
        static const char *const near_mods[] = {
            "central",    "coastal",    "downtown",  "eastern",  "nearby",    "neighboring",
            "neighbouring", "north-east", "north-west", "northeast", "northern", "northwest",
            "rural",      "south-east", "south-west", "southeast", "southern", "southwest",
            "suburban",   "western"}; /* sorted */
        size_t pw = a > 0 && ingest_word_in(near_mods, sizeof near_mods / sizeof *near_mods,
                                            s + t[a - 1].start, t[a - 1].end - t[a - 1].start)
                        ? a - 1
                        : a;
        bool region = j - a == 1 && !(t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) &&
                      region_after_town(s, t, n, a, j, out, para);
        bool town_word =
            (j - a == 1 && !(t[a].flags & INGEST_TOKF_POSS) && !(t[a].flags & INGEST_TOKF_ALLCAPS) &&
             town_list_item(s, t, a)) ||
            region ||
            (j - a == 1 && !(t[a].flags & INGEST_TOKF_POSS) && pw > 0 &&
            /* "from nearby Struthers": after a word of nearness a town may
             * read as a plural */
            (!plural_people(s, &t[a]) || pw < a || (pw == a && age_hometown(s, t, a))) &&
            !(j < n && t[j].kind == INGEST_TOK_NUM) && /* "in Room 12", "at Gate 4" */
            t[pw - 1].kind == INGEST_TOK_WORD && t[pw - 1].quote == t[a].quote &&
            (ingest_tok_is(s, &t[pw - 1], "in") || ingest_tok_is(s, &t[pw - 1], "near") ||
             ingest_tok_is(s, &t[pw - 1], "from") || ingest_tok_is(s, &t[pw - 1], "outside") ||
             (compass_of && pw == a) || (pw == a && age_hometown(s, t, a)) ||
             /* ("in Lismore and nearby Coraki": a nearness word between) */
             (ingest_tok_is(s, &t[pw - 1], "and") && out->n > 0 &&
              out->v[out->n - 1].para == para &&
              (out->v[out->n - 1].kind == C_PLACE || out->v[out->n - 1].town_hint) && pw >= 2 &&
              out->v[out->n - 1].end == t[pw - 2].end) ||
             /* "the 400 miles from Reno to Laughlin": a trip's end */
             (ingest_tok_is(s, &t[pw - 1], "to") && pw == a && out->n > 0 &&
              out->v[out->n - 1].para == para && out->v[out->n - 1].kind == C_PLACE && a >= 3 &&
              out->v[out->n - 1].end == t[a - 2].end && out->v[out->n - 1].start == t[a - 2].start &&
              ingest_tok_is(s, &t[a - 3], "from")) ||
             /* "Leader Wade Pruett of Clovis said": a person's home town
              * between the name and the speech verb */
             (ingest_tok_is(s, &t[pw - 1], "of") && pw == a && a >= 2 && out->n > 0 &&
              out->v[out->n - 1].para == para && out->v[out->n - 1].kind == C_PERSON &&
              out->v[out->n - 1].end == t[a - 2].end && j < n &&
              (tok_is_speech_verb(s, &t[j]) ||
               (t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',')))));
        if (town_word && pw == a && !ingest_tok_is(s, &t[a - 1], "and") &&
            !ingest_tok_is(s, &t[a - 1], "of"))
            town_word = town_word_sign(s, t, n, a, j, g);
        /* "a rig in the Permian", "a cabin in the Poconos": one unlisted word
         * after "in the" is a region (a listed body, "in the Knesset", and an
         * organisation word, "in the Senate", are found as such before this) */
        if (j - a == 1 && !town_word && a >= 2 && ingest_tok_is(s, &t[a - 1], "the") &&
            ingest_tok_is(s, &t[a - 2], "in") && t[a - 2].quote == t[a].quote &&
            !(t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) &&
            !memchr(s + t[a].start, '-', t[a].end - t[a].start) && /* "the C-suite" */
            (j >= n || t[j].kind == INGEST_TOK_PUNCT) && /* not "the Zamzam camp" */
            !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_ORG) &&
            !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_ORG_WORD))
            town_word = place = true;
        /* "ports like Cape May and Point Pleasant": two words in such a list
         * are a place as well (one word is a town above) */
        if (j - a == 2 && !place && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
            !(t[a].flags & INGEST_TOKF_ALLCAPS) && town_list_item(s, t, a))
            place = true;
        if (!town_word && town_noun_appositive(g, s, t, n, a, j)) {
            place = true;
            town_word = j - a == 1;
        }
        if (!town_word && place_list_sibling(g, s, t, n, a, j, out, para)) {
            place = true;
            town_word = j - a == 1;
        }
        /* "will be in Flint, Saginaw and Grand Rapids": one word after a
         * place and a comma, before another item ("," or "and" and a
         * capital), in a list that a preposition of place opens */
        if (j - a == 1 && !town_word && a >= 3 && j + 1 < n && out->n > 0 &&
            t[a - 1].kind == INGEST_TOK_PUNCT && t[a - 1].ch == ',' &&
            !(t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) &&
            (ingest_tok_is(s, &t[j], ",") || ingest_tok_is(s, &t[j], "and") ||
             ingest_tok_is(s, &t[j], "or")) &&
            tok_capword(&t[j + 1]) && t[j + 1].quote == t[a].quote) {
            const struct cand *pc = &out->v[out->n - 1];
            size_t ps = a - 1; /* the token where the place before opens */
            while (ps > 0 && t[ps - 1].end > pc->start)
                ps--;
            if (pc->para == para && pc->kind == C_PLACE && pc->end == t[a - 2].end &&
                pc->start == t[ps].start && ps > 0 &&
                (ingest_tok_is(s, &t[ps - 1], "in") || ingest_tok_is(s, &t[ps - 1], "to") ||
                 ingest_tok_is(s, &t[ps - 1], "from") || ingest_tok_is(s, &t[ps - 1], "near")))
                town_word = place = true;
        }
        /* "a shipyard at Henderson, south of Perth,": one word placed by a
         * compass point from another place is a town */
        if (j - a == 1 && !town_word && j + 3 < n && ingest_tok_is(s, &t[j], ",") &&
            (t[j + 1].flags & INGEST_TOKF_LOWER) && ingest_tok_is(s, &t[j + 2], "of") &&
            tok_capword(&t[j + 3]) && t[j + 3].quote == t[a].quote &&
            !(t[a].flags & (INGEST_TOKF_POSS | INGEST_TOKF_ALLCAPS)) &&
            ingest_word_in(compass, 8, s + t[j + 1].start, t[j + 1].end - t[j + 1].start))
            town_word = place = true;
        /* "a Durham-based civil rights group": the word before "-based" is
         * where something is, a town */
        if (j - a == 1 && !town_word && end_byte + 6 == t[a].end &&
            memcmp(s + end_byte, "-based", 6) == 0 && !(t[a].flags & INGEST_TOKF_ALLCAPS))
            town_word = true;
        /* "in the Naco area", "Vaishali and Samastipur districts": one word
         * before a lower-case noun for a stretch of land is a place */
        static const char *const areas[] = {
            "area",          "areas",         "basin",     "basins",    "counties",
            "county",        "district",
            "districts",     "hills",         "neighborhood", "neighborhoods", "neighbourhood",
            "neighbourhoods", "province",     "region",    "suburb",    "suburbs",
            "township",      "valley",        "ward",      "wards"}; /* sorted */
        /* "Republican-drawn districts": a hyphenated adjective is no place */
        const char *hy = memchr(s + t[a].start, '-', t[a].end - t[a].start);
        bool adj_hyphen = hy && hy + 1 < s + t[a].end && hy[1] >= 'a' && hy[1] <= 'z' &&
                          !memchr(hy + 1, '-', (size_t)(s + t[a].end - hy - 1));
        /* "In Cobden ward": a capitalised preposition opening the sentence
         * is no part of the word */
        size_t aw = j - a == 2 && (t[a].flags & INGEST_TOKF_SENT_START) &&
                            ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start,
                                           INGEST_GAZ_STOPCAP)
                        ? a + 1
                        : a;
        bool area_word = j - aw == 1 && j < n && !(t[aw].flags & INGEST_TOKF_POSS) && !adj_hyphen &&
                         !(t[aw].flags & INGEST_TOKF_SENT_START) && t[j].kind == INGEST_TOK_WORD &&
                         (t[j].flags & INGEST_TOKF_LOWER) &&
                         ingest_word_in(areas, sizeof areas / sizeof *areas, s + t[j].start,
                                        t[j].end - t[j].start);
        /* "lost the Oakley seat", "represents a Calderdale seat": a seat named
         * by its place, after "the" or "a" */
        if (!area_word && j - aw == 1 && j < n && aw > 0 && ingest_tok_is(s, &t[j], "seat") &&
            (ingest_tok_is(s, &t[aw - 1], "the") || ingest_tok_is(s, &t[aw - 1], "a")) &&
            !(t[aw].flags & INGEST_TOKF_POSS) && !(t[aw].flags & INGEST_TOKF_ALLCAPS) &&
            !adj_hyphen) /* "a Labour-held seat" */
            area_word = true;
        /* "the Kingsbridge section of the Bronx": a part of a place (not "the
         * Opinion section" of a paper, which no "of" and place follow) */
        if (!area_word && j - aw == 1 && j + 2 < n && aw > 0 &&
            ingest_tok_is(s, &t[j], "section") && ingest_tok_is(s, &t[j + 1], "of") &&
            ingest_tok_is(s, &t[aw - 1], "the") && !(t[aw].flags & INGEST_TOKF_POSS) &&
            !(t[aw].flags & INGEST_TOKF_ALLCAPS) &&
            (ingest_gaz_find(g, s + t[j + 2].start, t[j + 2].end - t[j + 2].start,
                             INGEST_GAZ_PLACE) ||
             (ingest_tok_is(s, &t[j + 2], "the") && j + 3 < n &&
              ingest_gaz_find(g, s + t[j + 3].start, t[j + 3].end - t[j + 3].start,
                              INGEST_GAZ_PLACE))))
            area_word = true;
        if (area_word) {
            town_word = true;
            /* the words joined to it before: "Muzaffarpur, Vaishali and" */
            size_t q = out->n, at = a;
            while (q > 0 && at >= 2 && out->v[q - 1].para == para &&
                   (ingest_tok_is(s, &t[at - 1], "and") ||
                    (t[at - 1].kind == INGEST_TOK_PUNCT && t[at - 1].ch == ',')) &&
                   out->v[q - 1].end == t[at - 2].end && out->v[q - 1].kind == C_SINGLE) {
                q--;
                out->v[q].town_hint = true;
                at -= 2; /* the candidate's last token; then its first */
                while (at > 0 && t[at - 1].start >= out->v[q].start)
                    at--;
            }
        }
        /* "the Piedmont Workers United union", "Ardent Compute, which is
         * building": a name that is no person */
        bool org_after =
            inner_poss || named_body ||
            (j < n && t[j].kind == INGEST_TOK_WORD && t[j].quote == t[a].quote &&
             org_noun_before(s, &t[j]) && j - a >= 2 && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
             a > 0 && ingest_tok_ieq(s, &t[a - 1], "the")) ||
            (j + 1 < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' &&
             ingest_tok_is(s, &t[j + 1], "which") && j - a >= 2 && t[a].quote < 0 &&
             /* not "a 1951 X Treaty, which"; "head of trade at Dairy Board
              * Kelland, which represents": a workplace */
             (a == 0 || t[a - 1].kind == INGEST_TOK_PUNCT || ingest_tok_is(s, &t[a - 1], "at")));
        /* "told the Funke media group", "the Lindqvist shipping company": a
         * trade word and an organisation noun after a name behind "the" */
        static const char *const trades[] = {
            "banking", "construction", "energy", "engineering", "investment", "media",
            "mining", "publishing", "retail", "shipping", "steel", "tech"}; /* sorted */
        bool trade_org = j + 1 < n && a > 0 && ingest_tok_ieq(s, &t[a - 1], "the") &&
                         t[j].kind == INGEST_TOK_WORD && (t[j].flags & INGEST_TOKF_LOWER) &&
                         t[j].quote == t[a].quote && t[j + 1].quote == t[a].quote &&
                         !(t[j - 1].flags & INGEST_TOKF_POSS) &&
                         ingest_word_in(trades, sizeof trades / sizeof *trades, s + t[j].start,
                                        t[j].end - t[j].start) &&
                         t[j + 1].kind == INGEST_TOK_WORD && org_noun_before(s, &t[j + 1]) &&
                         !ingest_gaz_find(g, s + t[a].start, end_byte - t[a].start,
                                          INGEST_GAZ_PLACE);
        /* "members of the Unite union": one unlisted word between "the" and
         * "union" is the union's name (not "the Ohio union", a place's) */
        if (!trade_org && j == a + 1 && j < n && a > 0 && ingest_tok_ieq(s, &t[a - 1], "the") &&
            t[j].quote == t[a].quote && ingest_tok_is(s, &t[j], "union") &&
            !(t[a].flags & INGEST_TOKF_POSS) &&
            !ingest_gaz_find(g, s + t[a].start, end_byte - t[a].start, INGEST_GAZ_PLACE) &&
            !ingest_gaz_has(g, s + t[a].start, end_byte - t[a].start, INGEST_GAZ_DEMONYM))
            trade_org = true;
        org_after = org_after || trade_org;
        bool firm = firm_sign(s, t, n, a, j);
        bool group_after = group_noun_after(s, t, n, a, j);
        bool appos_org = !given_name_at(g, s, &t[a]) && org_appositive(s, t, n, j);
        bool after_the = a > 0 && ingest_tok_ieq(s, &t[a - 1], "the");
        const struct ingest_gaz_entry *abbr = NULL;
        /* a town, not "Eliud Kipchoge, Kenya" in a results list: one word, a
         * place preposition before it, or a capitals dateline */
        /* ("The Charlotte, N.C.-based lender": one word after a sentence's "The") */
        bool town_ok = j - a == 1 || (j - a == 2 && ingest_tok_is(s, &t[a], "The")) || place ||
                       (a > 0 && (ingest_tok_is(s, &t[a - 1], "of") ||
                                                        ingest_tok_is(s, &t[a - 1], "from") ||
                                                        ingest_tok_is(s, &t[a - 1], "at"))) ||
                       all_caps(s + t[a].start, end_byte - t[a].start);
        size_t town = j - a <= 3 && town_ok ? town_of_state(s, t, n, j, g, &abbr) : 0;
        size_t pa = j - a >= 2 && ingest_tok_is(s, &t[a], "The") ? a + 1 : a;
        size_t pe = party_with_noun(s, t, n, pa, j);
        if (pe || labor_party(s, t, n, a, j) ||
            /* "The Labor senator Rosa X", not "The Labor negotiations" */
            (pa > a && labor_party(s, t, n, pa, j) &&
             ((t[pa].flags & INGEST_TOKF_POSS) || (j < n && role_noun(s, &t[j]))))) {
            a = pa;
            /* "the Liberal party": the gazetteer's "Liberal Party" if it
             * knows one, else as written; "Labor" alone as written */
            char tc[64];
            size_t m = pe ? t[pe - 1].end - t[a].start : 0;
            const struct ingest_gaz_entry *pg = NULL;
            if (m && m < sizeof tc) {
                memcpy(tc, s + t[a].start, m);
                tc[m - 5] = 'P'; /* "party" */
                pg = ingest_gaz_find(g, tc, m, INGEST_GAZ_ORG);
            }
            if (!org_span_push(out, para, s, &t[a], pe ? t[pe - 1].end : t[a].end, pg, pos))
                return false;
            i = pe ? pe : j;
            continue;
        }
        /* "a group called Keep Harrow Falls Small", "a coalition named
         * Parents First": the name a group goes by, whole (an opening
         * imperative included) */
        size_t cw = a > 0 && t[a - 1].kind == INGEST_TOK_PUNCT && t[a].quote >= 0 &&
                            t[a - 1].quote < 0
                        ? a - 1
                        : a;
        /* the official's office read above is an organisation, whole */
        size_t la = a < j && ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start,
                                            INGEST_GAZ_STOPCAP)
                        ? a + 1
                        : a;
        if (local_office && la + 3 < j) {
            if (!org_span_push(out, para, s, &t[la], end_byte, NULL, pos))
                return false;
            i = j;
            continue;
        }
        /* a package "it calls “Wisconsin Works Again”", a district "critics
         * have nicknamed the “Lake Erie Lasso”": a coined name in marks after
         * a verb of naming is a label, no entity (unless a group bears it) */
        static const char *const naming[] = {"branded", "call",      "called",   "calls",
                                             "dubbed",  "labeled",   "labelled", "nicknamed",
                                             "termed"}; /* sorted */
        bool qfirst = t[a].quote >= 0 && a > 0 &&
                      (t[a - 1].quote != t[a].quote || t[a - 1].kind == INGEST_TOK_PUNCT);
        size_t qm = qfirst && t[a - 1].kind == INGEST_TOK_PUNCT ? a - 1 : a;
        size_t nv = qm > 0 && ingest_tok_is(s, &t[qm - 1], "the") ? qm - 1 : qm;
        if (nv > 0 && (ingest_tok_is(s, &t[nv - 1], "it") || ingest_tok_is(s, &t[nv - 1], "them")))
            nv--; /* "nicknamed it the ..." */
        if (qfirst && nv >= 1 && t[nv - 1].kind == INGEST_TOK_WORD &&
            (t[nv - 1].flags & INGEST_TOKF_LOWER) &&
            ingest_word_in(naming, sizeof naming / sizeof *naming, s + t[nv - 1].start,
                           t[nv - 1].end - t[nv - 1].start) &&
            (j >= n || t[j].quote != t[a].quote || t[j].kind == INGEST_TOK_PUNCT) &&
            !(nv >= 2 && t[nv - 2].kind == INGEST_TOK_WORD && group_noun_before(s, &t[nv - 2])) &&
            !gaz_name(g, s + t[a].start, end_byte - t[a].start, false)) {
            i = j;
            continue;
        }
        /* "a group calling itself Elm Street Neighbors United" */
        bool calls_itself = cw >= 3 &&
                            (ingest_tok_is(s, &t[cw - 1], "itself") ||
                             ingest_tok_is(s, &t[cw - 1], "themselves")) &&
                            (ingest_tok_is(s, &t[cw - 2], "calling") ||
                             ingest_tok_is(s, &t[cw - 2], "calls"));
        if (calls_itself)
            cw--;
        if (cw >= 2 && j - a <= 6 &&
            (ingest_tok_is(s, &t[cw - 1], "called") || ingest_tok_is(s, &t[cw - 1], "named") ||
             calls_itself) &&
            t[cw - 2].kind == INGEST_TOK_WORD && (t[cw - 2].flags & INGEST_TOKF_LOWER) &&
            group_noun_before(s, &t[cw - 2]) &&
            !gaz_name(g, s + t[a].start, end_byte - t[a].start, false)) {
            if (!org_span_push(out, para, s, &t[a], end_byte, NULL, pos))
                return false;
            i = j;
            continue;
        }
        /* "Campaign to Protect Rural England", "Ministry of Housing,
         * Communities and Local Government": a body named for its aim or its
         * portfolios, "The" opening the sentence left out */
        if (named_body) {
            size_t oa = ingest_tok_is(s, &t[a], "The") ? a + 1 : a;
            if (!org_span_push(out, para, s, &t[oa], end_byte,
                               ingest_gaz_find(g, s + t[oa].start, end_byte - t[oa].start,
                                               INGEST_GAZ_ORG),
                               pos))
                return false;
            i = j;
            continue;
        }
        /* "worked 31 years at Youngstown Sheet and Tube", "a job at Kessler
         * Axle": an unknown name of two words or more where someone works is
         * the employer, though a place opens it */
        if (j - a >= 2 && employer_at(s, t, a) && !given_name_at(g, s, &t[a]) &&
            !gaz_name(g, s + t[a].start, end_byte - t[a].start, false) &&
            !ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                            INGEST_GAZ_PLACE_WORD) &&
            !(t[j - 1].flags & INGEST_TOKF_POSS)) {
            if (!org_span_push(out, para, s, &t[a], end_byte, NULL, pos))
                return false;
            i = j;
            continue;
        }
        /* "in the Europa building", "outside the Hartley building": an
         * unlisted name behind "the" before a lower-case "building" is the
         * building, a place named as written */
        if (j - a <= 2 && j < n && a > 0 && ingest_tok_ieq(s, &t[a - 1], "the") &&
            ingest_tok_is(s, &t[j], "building") && t[j].start == end_byte + 1 &&
            t[j].quote == t[a].quote && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
            !(t[a].flags & INGEST_TOKF_ALLCAPS) && !given_name_at(g, s, &t[a]) &&
            !gaz_name(g, s + t[a].start, end_byte - t[a].start, false) &&
            !ingest_gaz_has(g, s + t[j - 1].start, t[j - 1].end - t[j - 1].start,
                            INGEST_GAZ_ORG_WORD) && /* "the Council building" */
            (j + 1 >= n || !tok_capword(&t[j + 1]))) {
            struct cand bc = {.para = para, .start = t[a].start, .end = t[j].end,
                              .nstart = t[a].start, .text = s, .kind = C_PLACE,
                              .in_quote = t[a].quote >= 0, .entity = -1, .pos = (*pos)++};
            if (!cands_push(out, &bc))
                return false;
            i = j + 1;
            continue;
        }
        /* "deputy leader in the Lok Sabha Vikramjit Sood said": a known body
         * behind "the", then two or three unlisted capitalised words before a
         * speech verb, are the body and the person who speaks for it */
        if (para >= 0 && cue && a > 0 && ingest_tok_ieq(s, &t[a - 1], "the") && j - a >= 3 &&
            j - a <= 7 && !(t[a].flags & INGEST_TOKF_POSS)) {
            size_t p = 0;
            const struct ingest_gaz_entry *ke = NULL;
            bool body = false; /* "the Kerala Legislative Assembly V.R. Sathyan said" */
            for (size_t q = j - 2; q > a && j - q <= 3 && !ke && !body; q--) {
                if ((ke = ingest_gaz_find(g, s + t[a].start, t[q - 1].end - t[a].start,
                                          INGEST_GAZ_ORG)))
                    p = q;
                else if (q - a >= 2 && !(t[q - 1].flags & INGEST_TOKF_POSS) &&
                         ingest_gaz_has(g, s + t[q - 1].start, t[q - 1].end - t[q - 1].start,
                                        INGEST_GAZ_ORG_WORD))
                    p = q, body = true;
            }
            for (size_t q = p; (ke || body) && q < j; q++) {
                const char *w = s + t[q].start;
                size_t wn = (q + 1 == j ? end_byte : t[q].end) - t[q].start;
                if (t[q].kind != INGEST_TOK_WORD || !(t[q].flags & INGEST_TOKF_CAP) ||
                    ((t[q].flags & INGEST_TOKF_ALLCAPS) && !(q == p && initials_tok(w, wn))) ||
                    ((t[q].flags & INGEST_TOKF_POSS) && q + 1 < j) ||
                    ingest_gaz_has(g, w, wn, INGEST_GAZ_ORG_WORD) ||
                    ingest_gaz_has(g, w, wn, INGEST_GAZ_PLACE_WORD) ||
                    ingest_gaz_has(g, w, wn, INGEST_GAZ_TITLE) ||
                    ingest_gaz_has(g, w, wn, INGEST_GAZ_STOPCAP) ||
                    ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM) || is_particle_word(w, wn))
                    ke = NULL, body = false;
            }
            if ((ke || body) && !gaz_name(g, s + t[p].start, end_byte - t[p].start, false)) {
                if (!org_span_push(out, para, s, &t[a], t[p - 1].end, ke, pos))
                    return false;
                a = p;
            }
        }
        /* "Treasury yields rose", "the 10-year Treasury note": the
         * government's debt, no department */
        static const char *const debt_nouns[] = {
            "auction", "auctions", "bill",   "bills",  "bond",   "bonds",  "curve",
            "futures", "market",   "note",   "notes",  "prices", "rally",  "securities",
            "selloff", "supply",   "yield",  "yields"}; /* sorted */
        if (j < n && t[j].kind == INGEST_TOK_WORD && (t[j].flags & INGEST_TOKF_LOWER) &&
            t[j].start == end_byte + 1 && ingest_tok_is(s, &t[j - 1], "Treasury") &&
            !(t[j - 1].flags & INGEST_TOKF_POSS) &&
            ingest_word_in(debt_nouns, sizeof debt_nouns / sizeof *debt_nouns, s + t[j].start,
                           t[j].end - t[j].start)) {
            i = j;
            continue;
        }
        /* "Zoom in: Quiñones told reporters ...": a section label that
         * opens a paragraph with a verb and its particle names nothing */
        if (a == 0 && j == 1 && j + 1 < n && t[j + 1].kind == INGEST_TOK_PUNCT &&
            t[j + 1].ch == ':' && (ingest_tok_is(s, &t[j], "in") || ingest_tok_is(s, &t[j], "out"))) {
            i = j;
            continue;
        }
        /* "told RTÉ's Morning Ireland", "ABC's Good Morning America", "on ABC
         * Radio National Breakfast": a broadcaster's programme is no entity;
         * the broadcaster before it is named */
        static const char *const shows[] = {"breakfast", "drive",   "good",
                                            "morning",   "tonight", "today"}; /* sorted */
        if (a > 0 && (t[a - 1].flags & INGEST_TOKF_POSS) && t[a].start <= t[a - 1].full_end + 1 &&
            ingest_word_in(shows, 6, s + t[a].start, t[a].end - t[a].start) &&
            gaz_name(g, s + t[a - 1].start, t[a - 1].end - t[a - 1].start,
                     (t[a - 1].flags & INGEST_TOKF_ALLCAPS) != 0)) {
            i = j;
            continue;
        }
        if (j - a >= 3 && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
            ingest_word_in(shows, 6, s + t[j - 1].start, end_byte - t[j - 1].start)) {
            const struct ingest_gaz_entry *be =
                ingest_gaz_find(g, s + t[a].start, t[j - 2].end - t[a].start, INGEST_GAZ_ORG);
            if (be) {
                if (!org_span_push(out, para, s, &t[a], t[j - 2].end, be, pos))
                    return false;
                i = j;
                continue;
            }
        }
        /* "a senior official in the Jal Shakti ministry", "the Home
         * ministry": a portfolio behind "the" before a lower-case "ministry"
         * is the ministry, named as written */
        if (j < n && a > 0 && j - a <= 3 && ingest_tok_is(s, &t[j], "ministry") &&
            t[j].start == end_byte + 1 && t[j].quote == t[a].quote &&
            ingest_tok_ieq(s, &t[a - 1], "the") && !(t[j - 1].flags & INGEST_TOKF_POSS) &&
            !gaz_name(g, s + t[a].start, end_byte - t[a].start, false)) {
            bool plain = true;
            for (size_t k = a; k < j && plain; k++) {
                const char *w = s + t[k].start;
                size_t wn = (k + 1 == j ? end_byte : t[k].end) - t[k].start;
                plain = tok_capword(&t[k]) && !(t[k].flags & INGEST_TOKF_ALLCAPS) &&
                        !ingest_gaz_find(g, w, wn, INGEST_GAZ_PLACE) &&
                        !ingest_gaz_has(g, w, wn, INGEST_GAZ_DEMONYM) &&
                        !ingest_gaz_has(g, w, wn, INGEST_GAZ_STOPCAP) && !given_name_at(g, s, &t[k]);
            }
            if (plain) {
                if (!org_span_push(out, para, s, &t[a], t[j].end, NULL, pos))
                    return false;
                i = j + 1;
                continue;
            }
        }
        size_t before = out->n;
        if (!run_classify(s, t, n, a, j, end_byte, para, g, out, pos, cue))
            return false;
        if (out->n > before)
            country_body_alias(g, s, t, a, &out->v[before]);
        /* "The U.S. Embassy in Lusaka said", "the Chinese embassy in Suva":
         * a mission and the city it sits in; the name stays the mission's
         * (other writers say "the U.S. Embassy"), the whole is its alias */
        size_t mj = j < n && (t[j].flags & INGEST_TOKF_LOWER) && t[j].start == end_byte + 1 &&
                            mission_word(s, &t[j])
                        ? j + 1
                        : j;
        const struct ingest_gaz_entry *city = NULL;
        size_t ce = mission_city_end(g, s, t, n, a, mj, &city);
        if (ce && (mj > j || (out->n > before && out->v[out->n - 1].kind == C_ORG &&
                              out->v[out->n - 1].end == end_byte &&
                              mission_word(s, &t[j - 1])))) {
            size_t ma = ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_STOPCAP)
                            ? a + 1
                            : a;
            if (mj > j) { /* lower case: the run before is a demonym or a place */
                out->n = before;
                if (!(ingest_gaz_has(g, s + t[ma].start, end_byte - t[ma].start,
                                     INGEST_GAZ_DEMONYM) ||
                      ingest_gaz_find(g, s + t[ma].start, end_byte - t[ma].start,
                                      INGEST_GAZ_PLACE)) ||
                    !org_span_push(out, para, s, &t[ma], t[j].end, NULL, pos))
                    ce = 0;
            }
            if (ce) {
                struct cand *c = &out->v[out->n - 1];
                if (!c->canon) {
                    c->canon = s + c->nstart;
                    c->canon_len = c->end - c->nstart;
                }
                c->end = t[ce - 1].end;
                struct cand pc = {.para = para, .start = t[mj + 1].start, .end = t[ce - 1].end,
                                  .nstart = t[mj + 1].start, .text = s, .canon = city->canon,
                                  .canon_len = city->canon_len, .kind = C_PLACE,
                                  .in_quote = t[mj + 1].quote >= 0, .entity = -1,
                                  .pos = (*pos)++};
                if (!cands_push(out, &pc))
                    return false;
                i = ce;
                continue;
            }
            if (!run_classify(s, t, n, a, j, end_byte, para, g, out, pos, cue))
                return false; /* the lower-case case undone: as before */
        }
        /* "the Scottish government", "the Northern Ireland executive": a
         * listed government ("Scottish Government") written in lower case is
         * an organisation named as written */
        if (j < n && t[j].kind == INGEST_TOK_WORD && (t[j].flags & INGEST_TOKF_LOWER) &&
            t[j].start == end_byte + 1 && t[j].quote == t[a].quote &&
            !(t[j - 1].flags & INGEST_TOKF_POSS) &&
            (t[j].end - t[j].start == 10 || t[j].end - t[j].start == 9) &&
            (ingest_tok_is(s, &t[j], "government") || ingest_tok_is(s, &t[j], "executive"))) {
            size_t ga = ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_STOPCAP)
                            ? a + 1
                            : a;
            const struct ingest_gaz_entry *gov =
                ga < j && j - ga <= 3 ? ingest_gaz_find_nocase(g, s + t[ga].start,
                                                               t[j].end - t[ga].start,
                                                               INGEST_GAZ_ORG)
                                      : NULL;
            if (gov) {
                /* named as written (readers differ on the case), with the
                 * listed spelling as alias */
                if (!org_span_push(out, para, s, &t[ga], t[j].end, NULL, pos))
                    return false;
                out->v[out->n - 1].xalias = gov->canon;
                out->v[out->n - 1].xalias_len = gov->canon_len;
                i = j + 1;
                continue;
            }
        }
        /* "Niños Primero New Mexico, an advocacy group that", "Cedar Hollow
         * Parents United, a group formed": an organisation's appositive
         * keeps a name whose words (a place, "New", "United") read as no
         * person whole */
        if (out->n == before && appos_org && !cue && j - a >= 2 &&
            !ingest_gaz_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_STOPCAP)) {
            if (!org_span_push(out, para, s, &t[a], end_byte, NULL, pos))
                return false;
            i = j;
            continue;
        }
        if (out->n > before) {
            struct cand *c = &out->v[out->n - 1];
            /* "the 3rd U.S. Circuit Court of Appeals", "the 82nd Airborne
             * Division": an ordinal right before an organisation's name
             * belongs to it */
            if (c->kind == C_ORG && !c->canon && c->start == t[a].start && a > 0 &&
                t[a - 1].kind == INGEST_TOK_WORD && s[t[a - 1].start] >= '1' &&
                s[t[a - 1].start] <= '9' && t[a - 1].end + 1 == t[a].start &&
                t[a - 1].quote == t[a].quote && t[a - 1].end - t[a - 1].start >= 3 &&
                t[a - 1].end - t[a - 1].start <= 5) {
                const char *o = s + t[a - 1].end - 2;
                if (ingest_bytes_eq(o, 2, "st") || ingest_bytes_eq(o, 2, "nd") ||
                    ingest_bytes_eq(o, 2, "rd") || ingest_bytes_eq(o, 2, "th"))
                    c->start = c->nstart = t[a - 1].start;
            }
            c->person_hint = c->person_hint || person; /* or a portfolio before it */
            c->place_hint = place;
            c->town_hint = town_word;
            c->after_the = after_the;
            /* "San Pa Tong district"; "Saraphi and San Pa Tong districts" */
            size_t pk = !c->canon && c->start == t[a].start && c->nstart == c->start &&
                                c->end == t[j - 1].end
                            ? area_pair_and(g, s, t, n, a, j)
                            : 0;
            if (c->kind == C_PERSON && !c->canon && c->start == t[a].start &&
                c->nstart == c->start && c->end == t[j - 1].end && area_run(g, s, t, n, a, j)) {
                c->kind = C_PLACE;
                /* the one word joined to it before: "Saraphi and" */
                if (out->n >= 2 && a >= 2 && ingest_tok_is(s, &t[a - 1], "and")) {
                    struct cand *pc = &out->v[out->n - 2];
                    if (pc->para == para && pc->kind == C_SINGLE && pc->start == t[a - 2].start &&
                        pc->end == t[a - 2].end && !pc->title_only &&
                        plain_place_words(g, s, t, a - 2, a - 1))
                        pc->town_hint = true;
                }
            } else if (pk && (c->kind == C_PERSON || c->kind == C_PLACE)) {
                struct cand right = *c;
                c->kind = right.kind = C_PLACE;
                c->end = t[pk - 1].end;
                right.start = right.nstart = t[pk + 1].start;
                right.pos = (*pos)++;
                if (!cands_push(out, &right))
                    return false;
                c = &out->v[out->n - 2];
            }
            /* ("of Sevenoaks, Kent,": the county, though "Kent Police" opens with it) */
            if (region && c->kind == C_SINGLE && c->start == t[a].start)
                c->kind = C_PLACE;
            /* "In Tewkesbury, where the river burst": the word after a
             * sentence's capitalised "In" or "Near", before a comma, is a town */
            if (c->kind == C_SINGLE && j - a == 2 && c->start == t[a + 1].start &&
                (t[a].flags & INGEST_TOKF_SENT_START) && j < n &&
                t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' &&
                (ingest_tok_is(s, &t[a], "In") || ingest_tok_is(s, &t[a], "Near")))
                c->town_hint = c->place_hint = true;
            /* "This Bill says", "this Bill": after a demonstrative (cut off
             * the run as a sentence word, or before it) no person either */
            size_t dk = a + 1 < j && c->start == t[a + 1].start ? a
                        : a > 0 && c->start == t[a].start      ? a - 1
                                                                : n;
            if (dk < n && (ingest_tok_ieq(s, &t[dk], "this") || ingest_tok_ieq(s, &t[dk], "these") ||
                           ingest_tok_ieq(s, &t[dk], "those") ||
                           /* "The Elysée said": a sentence's "The" cut off the run */
                           (dk == a && ingest_tok_is(s, &t[dk], "The"))))
                c->after_the = true;
            c->org_hint = org_after;
            /* "residents of Barra and South Uist": one word after a place
             * preposition, joined by "and" to a place, is a town too */
            static const char *const place_preps[] = {"between", "from", "in", "near", "of",
                                                      "to"}; /* sorted */
            if (c->kind == C_PLACE && c->start == t[a].start && a >= 3 && out->n >= 2 &&
                ingest_tok_is(s, &t[a - 1], "and") && t[a - 3].kind == INGEST_TOK_WORD &&
                ingest_word_in(place_preps, 6, s + t[a - 3].start, t[a - 3].end - t[a - 3].start)) {
                struct cand *pc = &out->v[out->n - 2];
                if (pc->para == para && pc->kind == C_SINGLE && pc->start == t[a - 2].start &&
                    pc->end == t[a - 2].end && !pc->title_only && !pc->in_quote)
                    pc->town_hint = true;
            }
            if (org_after && !person && c->nstart == c->start && !c->canon &&
                (c->kind == C_PERSON || (c->kind == C_SINGLE && (inner_poss || trade_org))))
                c->kind = C_ORG;
            if (firm && c->nstart == c->start && !c->canon && c->start == t[a].start &&
                (c->kind == C_PERSON || (c->kind == C_SINGLE && !c->title_only)) &&
                !given_name_at(g, s, &t[a])) {
                c->kind = C_ORG;
                c->person_hint = false;
                c->firm = true;
            }
            if ((group_after || appos_org) && !cue && c->nstart == c->start && !c->canon &&
                c->start == t[a].start && (c->kind == C_PERSON || c->kind == C_SINGLE) &&
                !c->title_only) {
                c->kind = C_ORG;
                c->person_hint = false;
            }
            /* "grew up on the Navajo Nation", "come to the Navajo Nation": a
             * First Nation's land after a preposition of place is a place;
             * "Chief X of Kinosew Lake Cree Nation" is the band itself */
            static const char *const on_land[] = {"across", "in", "into", "on", "onto",
                                                  "to", "within"}; /* sorted */
            if (c->kind == C_ORG && !c->canon && c->end == t[j - 1].end && j - a >= 2 &&
                ingest_tok_is(s, &t[j - 1], "Nation") && a >= 2 &&
                ingest_tok_is(s, &t[a - 1], "the") &&
                ingest_word_in(on_land, sizeof on_land / sizeof *on_land, s + t[a - 2].start,
                               t[a - 2].end - t[a - 2].start))
                c->kind = C_PLACE;
            /* "Lena Park, a spokesperson for the company", "Jim Garrison
             * said": a listed given name and a place word, in a person's
             * appositive or before a speech verb, are a person */
            if (c->kind == C_PLACE && !c->canon && (person || cue) && j - a == 2 &&
                c->start == t[a].start && given_name_at(g, s, &t[a]))
                c->kind = C_PERSON;
            /* "executive director of Clean Air Colorado", "president of X":
             * an organisational role's organisation, not a person (but not
             * "a student of Noam Chomsky", nor a name opening with a given
             * name) */
            static const char *const org_roles[] = {
                "ceo",       "chair",     "chairman", "chairwoman", "director", "executive",
                "founder",   "head",      "president", "spokesman", "spokesperson",
                "spokeswoman"}; /* sorted */
            if (c->kind == C_PERSON && !person && c->start == t[a].start && a >= 2 &&
                ingest_tok_is(s, &t[a - 1], "of") &&
                ingest_word_in(org_roles, sizeof org_roles / sizeof *org_roles,
                               s + t[a - 2].start, t[a - 2].end - t[a - 2].start) &&
                !given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_MALE) &&
                !given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_FEMALE))
                c->kind = C_ORG;
            /* "run by state-owned Kelnet", "chief economist at Varbank",
             * "analysts at Harbour Economics": an owner's adjective, or a
             * research role and "at", before a name make it a firm */
            static const char *const owned[] = {"family-owned", "government-owned",
                                                "privately-held", "publicly-listed",
                                                "state-controlled", "state-owned",
                                                "state-run"}; /* sorted */
            static const char *const desk_roles[] = {
                "analyst",    "analysts",    "economist",  "economists", "researcher",
                "researchers", "strategist", "strategists"}; /* sorted */
            if ((c->kind == C_PERSON || (c->kind == C_SINGLE && !c->title_only)) && !cue &&
                c->start == t[a].start && c->nstart == c->start && !c->canon && a >= 1 &&
                t[a - 1].quote == t[a].quote &&
                ((t[a - 1].kind == INGEST_TOK_WORD &&
                  ingest_word_in(owned, sizeof owned / sizeof *owned, s + t[a - 1].start,
                                 t[a - 1].end - t[a - 1].start)) ||
                 (a >= 2 && ingest_tok_is(s, &t[a - 1], "at") &&
                  ingest_word_in(desk_roles, sizeof desk_roles / sizeof *desk_roles,
                                 s + t[a - 2].start, t[a - 2].end - t[a - 2].start))) &&
                !given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_MALE) &&
                !given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_FEMALE)) {
                c->kind = C_ORG;
                c->person_hint = false;
                c->town_hint = false;
            }
            /* a group calling itself “Hands Around Hawthorne”: a name in marks
             * that a group gives itself is an organisation */
            size_t wb = a > 0 && t[a - 1].kind == INGEST_TOK_PUNCT ? a - 1 : a;
            if (c->kind == C_PERSON && t[a].quote >= 0 && wb > 0 &&
                (ingest_tok_is(s, &t[wb - 1], "itself") ||
                 ingest_tok_is(s, &t[wb - 1], "themselves")))
                c->kind = C_ORG;
            /* "writing in the Boston Ledger": a place's name behind "the" that
             * goes on is a newspaper, team or firm, not a person */
            if (after_the && !person && c->kind == C_PERSON && c->start == t[a].start &&
                c->nstart == c->start &&
                !(j + 1 < n && ingest_tok_is(s, &t[j], "and") && tok_capword(&t[j + 1])) &&
                ingest_gaz_find(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_PLACE))
                c->kind = C_ORG;
            /* "the United Nations Economic Commission for Europe (UNECE)": the
             * acronym in parentheses is the organisation's, wherever it recurs */
            if (c->kind == C_ORG && j + 2 < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == '(' &&
                (((t[j + 1].flags & INGEST_TOKF_ALLCAPS) && t[j + 1].end - t[j + 1].start >= 2) ||
                 initials_word(s, t, tok_at(t, a, j, c->nstart), j, &t[j + 1])) &&
                t[j + 2].kind == INGEST_TOK_PUNCT && t[j + 2].ch == ')') {
                if (!(c = acronym_push(out, (size_t)(c - out->v), para, s, &t[j + 1], pos)))
                    return false;
                j += 3;
            }
            /* "the European Automobile Manufacturers' Association, known as
             * ACEA,": the acronym it is known by is its alias too */
            size_t ka = j < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' ? j + 1 : j;
            if (ka < n && ingest_tok_is(s, &t[ka], "also"))
                ka++;
            if (c->kind == C_ORG && ka + 2 < n && ingest_tok_is(s, &t[ka], "known") &&
                ingest_tok_is(s, &t[ka + 1], "as") && (t[ka + 2].flags & INGEST_TOKF_ALLCAPS) &&
                t[ka + 2].end - t[ka + 2].start >= 2 && t[ka + 2].quote == t[a].quote &&
                !(ka + 3 < n && tok_capword(&t[ka + 3]) && t[ka + 3].start == t[ka + 2].end + 1)) {
                if (!(c = acronym_push(out, (size_t)(c - out->v), para, s, &t[ka + 2], pos)))
                    return false;
                j = ka + 3;
            }
            /* "the Financial Supervisory Authority of Norway, known as
             * Finanstilsynet,", "the Central Union of Agricultural
             * Cooperatives, or JA-Zenchu, said": the one-word name set off
             * after it is its own, in its language or short form */
            size_t on = own_name_after(g, s, t, n, j);
            if (c->kind == C_ORG && c->end - c->nstart > 0 && on) {
                if (!(c = acronym_push(out, (size_t)(c - out->v), para, s, &t[on], pos)))
                    return false;
                j = on + 1;
            }
            if (town && !person && !cue && c->nstart == c->start &&
                (c->kind == C_SINGLE || c->kind == C_PERSON))
                c->kind = C_PLACE;
            /* "said Josiane, 67, a retired pharmacist": an age after a lone
             * word makes it a person named by the first name alone */
            if (c->kind == C_SINGLE && j - a == 1 && !c->in_quote && !c->title_only &&
                age_follows(s, t, n, j))
                c->age_after = true;
            /* "whose 19-year-old son, Kyle, was struck": a listed given name
             * set off after a kin noun is a person named by it alone */
            static const char *const kin[] = {"brother", "daughter", "father",      "granddaughter",
                                              "grandson", "husband", "mother", "nephew",
                                              "niece",   "sister",   "son",    "wife"}; /* sorted */
            if (c->kind == C_SINGLE && j - a == 1 && !c->in_quote && !c->title_only && a >= 2 &&
                j < n && t[j].kind == INGEST_TOK_PUNCT && t[j].ch == ',' &&
                t[a - 1].kind == INGEST_TOK_PUNCT && t[a - 1].ch == ',' &&
                t[a - 2].kind == INGEST_TOK_WORD &&
                ingest_word_in(kin, sizeof kin / sizeof *kin, s + t[a - 2].start,
                               t[a - 2].end - t[a - 2].start) &&
                (given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_MALE) ||
                 given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_FEMALE)))
                c->age_after = true;
            /* "Phil, a season-ticket holder for 31 years, said": a listed
             * given name alone, then an appositive with "a" closed before a
             * speech verb, is a person named by the first name */
            if (c->kind == C_SINGLE && j - a == 1 && !c->in_quote && !c->title_only &&
                c->start == t[a].start && appositive_then_speech(s, t, n, j) &&
                (given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_MALE) ||
                 given_has(g, s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_GIVEN_FEMALE)))
                c->age_after = true;
            /* "told WLQX after the meeting", "PUEBLO, Colo. (KVRC) -": a bare
             * call sign, outside quotes and capitals lines, is a broadcaster */
            if (c->kind == C_SINGLE && j - a == 1 && !c->in_quote &&
                bare_call_sign(s + t[a].start, t[a].end - t[a].start) &&
                !(a > 0 && t[a - 1].kind == INGEST_TOK_WORD &&
                  (t[a - 1].flags & INGEST_TOKF_ALLCAPS)) &&
                !(j < n && t[j].kind == INGEST_TOK_WORD && (t[j].flags & INGEST_TOKF_ALLCAPS)))
                c->kind = C_ORG;
            /* "the MP for Kettlebrook and Fenwood, said": a constituency is a
             * place, though the appositive it ends belongs to a person */
            if (c->kind != C_ORG && !c->canon && c->nstart == c->start &&
                (constituency_before(s, t, a) || home_of_before(s, t, a) ||
                 (c->end == t[j - 1].end && quarter_of_town(g, s, t, n, a, j)) ||
                 (c->end == t[j - 1].end && j - a <= 3 && by_election_at(s, t, n, a, j))) &&
                c->start == t[a].start) {
                c->kind = C_PLACE;
                c->person_hint = c->cue_after = false;
            }
            /* "the opposition INDIA bloc": a place's name in capitals before
             * a lower-case word for a political grouping is an acronym that
             * happens to spell it; the grouping is named with its noun */
            static const char *const blocs[] = {"alliance", "bloc", "coalition", "front",
                                                "party"}; /* sorted */
            if (c->kind == C_PLACE && c->canon && j - a == 1 && j < n &&
                (t[a].flags & INGEST_TOKF_ALLCAPS) && (t[j].flags & INGEST_TOKF_LOWER) &&
                t[j].start == t[a].end + 1 && !all_caps(s + t[j].start, t[j].end - t[j].start) &&
                (ingest_word_in(blocs, 5, s + t[j].start, t[j].end - t[j].start) ||
                 org_noun_before(s, &t[j]))) {
                c->kind = C_ORG;
                c->canon = NULL;
                c->canon_len = 0;
                c->end = t[j].end;
                j++;
            }
            /* "Sens. Voss of Maine and Bledsoe of Alaska": a plural title is
             * each listed name's, in the singular */
            const struct ingest_gaz_entry *pl =
                c->nstart > c->start && c->start == t[a].start
                    ? plural_title_of(g, s + t[a].start, t[a].end - t[a].start, para >= 0)
                    : NULL;
            if (a == plural_at && c->start == t[a].start && !c->canon &&
                (c->kind == C_SINGLE || c->kind == C_PERSON)) {
                c->xtitle = plural->canon;
                c->xtitle_len = plural->canon_len;
                c->kind = j - a == 1 ? C_TITLED_SINGLE : C_PERSON;
                c->person_hint = true;
                c->title_only = false;
            } else if (pl) {
                c->plural_title = true;
                c->xtitle = pl->canon;
                c->xtitle_len = pl->canon_len;
                plural = pl;
                plural_sent = t[a].sent;
            } else if (plural && t[a].sent == plural_sent && a > 0 && c->start == t[a].start &&
                       c->nstart == c->start && !c->canon && t[a].quote < 0 &&
                       (ingest_tok_is(s, &t[a - 1], "and") ||
                        (t[a - 1].kind == INGEST_TOK_PUNCT && t[a - 1].ch == ',')) &&
                       (c->kind == C_SINGLE || c->kind == C_PERSON || c->kind == C_PLACE)) {
                c->xtitle = plural->canon;
                c->xtitle_len = plural->canon_len;
                c->kind = j - a == 1 ? C_TITLED_SINGLE : C_PERSON;
                c->person_hint = true;
                c->town_hint = c->place_hint = c->title_only = false;
                if (ingest_tok_is(s, &t[a - 1], "and"))
                    plural = NULL; /* the list ends */
            }
            /* "the outgoing mayor Bernard Lafitte", "said state senator Ann
             * Roe": a lower-case title right before a full name is its title */
            if (!c->xtitle && c->kind == C_PERSON && c->nstart == c->start &&
                c->start == t[a].start && a > 0 && t[a - 1].kind == INGEST_TOK_WORD &&
                (t[a - 1].flags & INGEST_TOKF_LOWER) && t[a - 1].quote == t[a].quote &&
                t[a - 1].end + 1 == t[a].start &&
                ingest_gaz_has(g, s + t[a - 1].start, t[a - 1].end - t[a - 1].start,
                               INGEST_GAZ_TITLE)) {
                size_t k = a - 1;
                while (k > 0 && a - k < 3 && t[k - 1].kind == INGEST_TOK_WORD &&
                       (t[k - 1].flags & INGEST_TOKF_LOWER) && t[k - 1].end + 1 == t[k].start &&
                       ingest_gaz_has(g, s + t[k - 1].start, t[k - 1].end - t[k - 1].start,
                                      INGEST_GAZ_TITLE_MOD))
                    k--;
                c->xtitle = s + t[k].start;
                c->xtitle_len = t[a - 1].end - t[k].start;
            }
            /* "the Saskatchewan government said": a known place's government
             * in lower case is an organisation named as written */
            size_t ca = a; /* the token the candidate starts at ("The" stripped) */
            while (ca + 1 < j && t[ca].start < c->start)
                ca++;
            if (c->kind == C_PLACE && c->canon && c->start == t[ca].start && j < n &&
                ca > 0 && ingest_tok_ieq(s, &t[ca - 1], "the") &&
                !(t[j - 1].flags & INGEST_TOKF_POSS) && ingest_tok_is(s, &t[j], "government") &&
                t[j].start == end_byte + 1 && t[j].quote == t[a].quote) {
                struct cand oc = {.para = para, .start = t[ca].start, .end = t[j].end,
                                  .nstart = t[ca].start, .text = s, .kind = C_ORG,
                                  .in_quote = t[ca].quote >= 0, .entity = -1, .pos = (*pos)++};
                if (!cands_push(out, &oc))
                    return false;
                c = &out->v[out->n - 2];
                j++;
            }
            /* "control of Harbridge borough council": a place's local council
             * in lower case (British style) is an organisation named as written;
             * the place keeps its own mention */
            static const char *const councils[] = {"borough", "city",   "county",
                                                   "district", "parish", "town"}; /* sorted */
            /* ("before Mid Weald district council": a run read as a person,
             * with no title or listed given name, is the district's name) */
            bool council_kind = j - a <= 3 && j + 1 < n && c->start == t[a].start &&
                                !(t[j - 1].flags & INGEST_TOKF_POSS) &&
                                (t[j].flags & INGEST_TOKF_LOWER) && t[j].start == end_byte + 1 &&
                                ingest_word_in(councils, 6, s + t[j].start, t[j].end - t[j].start) &&
                                ingest_tok_is(s, &t[j + 1], "council") &&
                                t[j + 1].start == t[j].end + 1;
            bool district_person = council_kind && c->kind == C_PERSON && c->nstart == c->start &&
                                   !c->person_hint && j - a >= 2 && !given_name_at(g, s, &t[a]);
            if (council_kind && ((c->kind != C_PERSON && c->kind != C_ORG) || district_person)) {
                struct cand oc = {.para = para, .start = t[a].start, .end = t[j + 1].end,
                                  .nstart = t[a].start, .text = s, .kind = C_ORG,
                                  .in_quote = t[a].quote >= 0, .entity = -1, .pos = (*pos)++};
                if (district_person) {
                    /* the name alone is the council ("Mid Weald cannot
                     * demonstrate"), an alias of it */
                    c->kind = C_ORG;
                    c->canon = s + oc.start;
                    c->canon_len = oc.end - oc.start;
                }
                if (!cands_push(out, &oc))
                    return false;
                j += 2;
            } else if (j < n && t[j].end - t[j].start == 7 && c->kind != C_PERSON &&
                       c->kind != C_ORG && c->start == t[a].start && j - a <= 2 && a > 0 &&
                       !(t[j - 1].flags & INGEST_TOKF_POSS) && t[j].start == end_byte + 1 &&
                       ingest_tok_is(s, &t[j], "council") &&
                       t[j].quote == t[a].quote &&
                       (ingest_tok_is(s, &t[a - 1], "of") || ingest_tok_is(s, &t[a - 1], "on") ||
                        ingest_tok_is(s, &t[a - 1], "for")) &&
                       !party_word(g, s, &t[a])) {
                /* "a former leader of Lewisham council", "control of Kelbury
                 * council": the same after "of", "on" or "for", with no word
                 * for the kind of council */
                struct cand oc = {.para = para, .start = t[a].start, .end = t[j].end,
                                  .nstart = t[a].start, .text = s, .kind = C_ORG,
                                  .in_quote = t[a].quote >= 0, .entity = -1, .pos = (*pos)++};
                if (!cands_push(out, &oc))
                    return false;
                j++;
            }
        } else if (town && !person && !cue && all_caps(s + t[a].start, end_byte - t[a].start)) {
            /* "SANTA FE, N.M. —": a dateline town in capitals, no name otherwise */
            struct cand c = {.para = para, .start = t[a].start, .end = end_byte,
                             .nstart = t[a].start, .text = s, .kind = C_PLACE,
                             .in_quote = t[a].quote >= 0, .entity = -1, .pos = (*pos)++};
            if (!cands_push(out, &c))
                return false;
        }
        if (abbr) {
            /* the state an abbreviation names is named too */
            size_t ae = t[j + 1].end; /* "Ia." whose period is a token */
            if (s[ae - 1] != '.' && s[ae] == '.')
                ae++;
            if (ae - t[j + 1].start > 8 && memcmp(s + ae - 6, "-based", 6) == 0)
                ae -= 6; /* "N.C.-based" */
            struct cand c = {.para = para, .start = t[j + 1].start, .end = ae,
                             .nstart = t[j + 1].start, .text = s, .canon = abbr->canon,
                             .canon_len = abbr->canon_len, .kind = C_PLACE,
                             .in_quote = t[j + 1].quote >= 0, .entity = -1, .pos = (*pos)++};
            if (!cands_push(out, &c))
                return false;
            j += 2; /* the comma and the abbreviation are read */
        }
        i = j > i ? j : i + 1;
    }
    return true;
}

static bool text_scan_str(const char *s, int32_t para, const struct ingest_gaz *g,
                          struct cands *out, size_t *pos, struct ingest_toks *scratch)
{
    if (!s)
        return true;
    /* a closing line's quotations ("appears in print under the headline
     * \"The River Candidate\""), so a work's title there is read as one */
    struct ingest_qspan *spans = NULL;
    size_t n_spans = 0;
    bool carry = false;
    size_t n = strlen(s);
    bool ok = (para != PARA_CREDIT || ingest_qspans_find(s, n, &carry, &spans, &n_spans) == 0) &&
              ingest_toks_build(s, n, spans, n_spans, scratch);
    free(spans);
    return ok && text_scan(s, scratch, para, g, out, pos);
}

/* ---- the entity table ---------------------------------------------------------- */

/* "Ohio House", "House of Commons", "Missouri House of Representatives": a
 * lower or only chamber's full name, which "the House" shortens. */
static bool chamber_name(const struct ingest_gaz *g, const char *nm, size_t n)
{
    static const char *const of_kinds[] = {"House of Assembly", "House of Commons",
                                           "House of Delegates", "House of Representatives"};
    for (size_t k = 0; k < 4; k++) {
        size_t kn = strlen(of_kinds[k]);
        if (n >= kn && memcmp(nm + n - kn, of_kinds[k], kn) == 0 &&
            (n == kn || nm[n - kn - 1] == ' '))
            return true;
    }
    return n > 6 && memcmp(nm + n - 6, " House", 6) == 0 &&
           ingest_gaz_find(g, nm, n - 6, INGEST_GAZ_PLACE) != NULL;
}

/* The end of a nickname's word starting at byte j of s: ASCII up to a space,
 * a double mark or a straight single mark before a space (an apostrophe
 * inside "O'Neil" stays in it). */
static size_t nick_word_end(const char *s, size_t n, size_t j)
{
    size_t k = j;
    while (k < n && s[k] != ' ' && s[k] != '"' && (unsigned char)s[k] < 0x80 &&
           !(s[k] == '\'' && (k + 1 == n || s[k + 1] == ' ')))
        k++;
    return k;
}

/* Whether quote mark kind q opens (open) or closes a nickname in marks of
 * the same style as the opening kind o. */
static bool nick_mark(enum ingest_qmark q, bool open, enum ingest_qmark o)
{
    bool dbl = open ? q == INGEST_QM_DOUBLE_OPEN || q == INGEST_QM_DOUBLE_AMBIG
                    : o != INGEST_QM_SINGLE_OPEN && o != INGEST_QM_SINGLE_AMBIG;
    if (dbl)
        return q == (open ? INGEST_QM_DOUBLE_OPEN : INGEST_QM_DOUBLE_CLOSE) ||
               q == INGEST_QM_DOUBLE_AMBIG;
    return q == (open ? INGEST_QM_SINGLE_OPEN : INGEST_QM_SINGLE_CLOSE) ||
           q == INGEST_QM_SINGLE_AMBIG;
}

/* Cuts a nickname quoted inside a name, in place: 'Thomas "Tam" Ruddock' and
 * "Oneil 'Jiggy' Francis" are Thomas Ruddock and Oneil Francis (the span
 * finder leaves such a nickname in the name). */
static void name_drop_nickname(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != ' ')
            continue;
        size_t j = i + 1;
        enum ingest_qmark o = ingest_cp_quote_mark(ingest_utf8_next(s, n, &j));
        if (!nick_mark(o, true, o))
            continue;
        size_t k = nick_word_end(s, n, j);
        size_t after = k;
        if (k == j || k >= n)
            return;
        /* "Rock 'n' Roll": in single marks only a capitalised word */
        if ((o == INGEST_QM_SINGLE_OPEN || o == INGEST_QM_SINGLE_AMBIG) &&
            !(s[j] >= 'A' && s[j] <= 'Z'))
            return;
        enum ingest_qmark q = ingest_cp_quote_mark(ingest_utf8_next(s, n, &after));
        if (!nick_mark(q, false, o) || after >= n || s[after] != ' ')
            return;
        memmove(s + i, s + after, n - after + 1); /* keeps the space after it */
        return;
    }
}

/* The nickname quoted inside a written name ('Margaret "Peg" Roe': "Peg")
 * and, in buf (size bn), the nickname with the surname ("Peg Roe"); false
 * when the name holds none or buf is too small. */
static bool name_nickname(const char *name, size_t n, const char **nick, size_t *nick_n, char *buf,
                          size_t bn)
{
    char tmp[128];
    if (n >= sizeof tmp)
        return false;
    memcpy(tmp, name, n);
    tmp[n] = '\0';
    name_drop_nickname(tmp);
    size_t tn = strlen(tmp);
    if (tn == n)
        return false;
    /* the nickname starts past the first space and its opening mark */
    size_t i = 0;
    while (i < n && name[i] != ' ')
        i++;
    size_t j = i + 1;
    ingest_utf8_next(name, n, &j);
    size_t k = nick_word_end(name, n, j);
    const char *lw = strrchr(tmp, ' ');
    if (!lw || k == j || (k - j) + strlen(lw) + 1 > bn)
        return false;
    *nick = name + j;
    *nick_n = k - j;
    memcpy(buf, name + j, k - j);
    memcpy(buf + (k - j), lw, strlen(lw) + 1); /* with its NUL */
    return true;
}

static int ent_add(struct ingest_ents *e, const char *name, size_t n, enum entity_type type,
                   size_t pos)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 32;
        struct ingest_ent *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return INGEST_ERR_NOMEM;
        e->v = v;
        e->cap = cap;
    }
    struct ingest_ent *x = &e->v[e->n];
    memset(x, 0, sizeof *x);
    if (!(x->name = util_strndup(name, n)))
        return INGEST_ERR_NOMEM;
    name_drop_nickname(x->name);
    x->type = type;
    x->first_pos = pos;
    return (int)e->n++;
}

/* Small open-addressed index from a name string to an entity, per run. */
struct name_index {
    struct {
        const char *s;
        size_t n;
        int32_t ent;
    } * v;
    size_t cap;
};

static uint64_t nx_hash(const char *s, size_t n)
{
    return util_fnv1a(s, n, UTIL_FNV_SEED);
}

static int nx_find(const struct name_index *x, const char *s, size_t n)
{
    if (!x->cap)
        return -1;
    size_t m = x->cap - 1, i = (size_t)nx_hash(s, n) & m;
    while (x->v[i].s) {
        if (x->v[i].n == n && memcmp(x->v[i].s, s, n) == 0)
            return x->v[i].ent;
        i = (i + 1) & m;
    }
    return -1;
}

static void nx_put(struct name_index *x, const char *s, size_t n, int32_t ent)
{
    size_t m = x->cap - 1, i = (size_t)nx_hash(s, n) & m;
    while (x->v[i].s) {
        if (x->v[i].n == n && memcmp(x->v[i].s, s, n) == 0)
            return;
        i = (i + 1) & m;
    }
    x->v[i].s = s;
    x->v[i].n = n;
    x->v[i].ent = ent;
}

/* Keeps s alive in r (freed with r) instead of freeing it: the run's name
 * indexes hold pointers into an entity's old name. Leaves r and s as they
 * were on OOM (unlike strv_push_taken, which would free s). */
static bool retire_name(struct strv *r, char *s)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4;
        char **v = realloc(r->v, cap * sizeof *v);
        if (!v)
            return false;
        r->v = v;
        r->cap = cap;
    }
    r->v[r->n++] = s;
    return true;
}

/* 'Margaret "Peg" Roe' named earlier as "Peg Roe" (a headline's form) is
 * that person: the entity takes the full name, written without the
 * nickname. The old name goes to retired, not free(): `full` and `last`
 * still point into it. The entity's id, -1 when no person has the
 * nickname form (or memory fails). */
static int nickname_person(struct ingest_ents *e, const struct name_index *full,
                           struct strv *retired, const char *name, size_t n)
{
    const char *nick;
    size_t nick_n;
    char buf[128];
    if (!name_nickname(name, n, &nick, &nick_n, buf, sizeof buf))
        return -1;
    int id = nx_find(full, buf, strlen(buf));
    if (id < 0 || e->v[id].type != ENTITY_PERSON)
        return -1;
    char *nm = util_strndup(name, n);
    if (!nm)
        return -1;
    name_drop_nickname(nm);
    if (!retire_name(retired, e->v[id].name)) {
        free(nm);
        return -1;
    }
    e->v[id].name = nm;
    return id;
}

static bool ent_strv_add(struct strv *sv, const char *s, size_t n);

/* After 'Margaret "Peg" Roe', "Peg Roe" and a lone "Peg" are her: the
 * nickname form becomes an alias, and both are indexed to the person. */
static bool index_nickname(struct ingest_ents *e, struct name_index *full, const char *name,
                           size_t n, int id)
{
    const char *nick;
    size_t nick_n;
    char buf[128];
    if (!name_nickname(name, n, &nick, &nick_n, buf, sizeof buf))
        return true;
    struct strv *al = &e->v[id].aliases;
    if (!ent_strv_add(al, buf, strlen(buf)))
        return false;
    for (size_t k = 0; k < al->n; k++)
        if (strcmp(al->v[k], buf) == 0)
            nx_put(full, al->v[k], strlen(buf), id);
    nx_put(full, nick, nick_n, id);
    return true;
}

/* "the Department of Agriculture said": a listed department whose usual
 * name is the US newsroom's "Agriculture Department" keeps the form the
 * article writes, "Department of X", since outside the US that is the
 * body's own name (Malaysia's, Ireland's, a province's); both forms stay
 * one entity. */
static bool dept_written(const struct cand *c)
{
    static const char dep[] = " Department";
    size_t dn = sizeof dep - 1;
    return c->canon && (c->kind == C_ORG) && c->canon_len > dn &&
           memcmp(c->canon + c->canon_len - dn, dep, dn) == 0 && c->end - c->nstart > 14 &&
           memcmp(c->text + c->nstart, "Department of ", 14) == 0;
}

/* Points name s/n at ent in x, replacing the entity it pointed at. */
static void nx_set(struct name_index *x, const char *s, size_t n, int32_t ent)
{
    size_t m = x->cap - 1, i = (size_t)nx_hash(s, n) & m;
    while (x->v[i].s && !(x->v[i].n == n && memcmp(x->v[i].s, s, n) == 0))
        i = (i + 1) & m;
    x->v[i].s = s;
    x->v[i].n = n;
    x->v[i].ent = ent;
}

/* An empty index with room for n names at most half full; false on OOM. */
static bool nx_new(struct name_index *x, size_t n)
{
    size_t cap = 64;
    while (cap < n * 2 + 8)
        cap *= 2;
    x->v = calloc(cap, sizeof *x->v);
    x->cap = x->v ? cap : 0;
    return x->v != NULL;
}

/* "Ka-ho", "Hoi-ying", "Wai-man": a romanised two-syllable given name (Hong
 * Kong, Korean and Taiwanese usage), a capital, one to four small letters, a
 * hyphen and two to five small letters, ASCII only; "Co-op", "Ex-con" and
 * the like are English words, not names. */
static bool syllable_pair(const char *w, size_t n)
{
    static const char *const prefixes[] = {"All",  "Anti", "Co",   "Ex",  "Half", "Mid",
                                           "Non",  "Post", "Pre",  "Pro", "Re",   "Self",
                                           "Semi", "Step", "Vice", "Well"}; /* sorted */
    const char *h = memchr(w, '-', n);
    if (!h || h == w || !(w[0] >= 'A' && w[0] <= 'Z'))
        return false;
    size_t a = (size_t)(h - w), b = n - a - 1;
    if (a < 2 || a > 5 || b < 2 || b > 5)
        return false;
    for (size_t k = 1; k < n; k++)
        if (k != a && !(w[k] >= 'a' && w[k] <= 'z'))
            return false;
    return !ingest_word_in(prefixes, sizeof prefixes / sizeof *prefixes, w, a);
}

/* Last word of a name: after the last space. */
static void last_word(const char *s, size_t n, const char **w, size_t *wn)
{
    size_t k = n;
    while (k > 0 && s[k - 1] != ' ')
        k--;
    *w = s + k;
    *wn = n - k;
}

/* Last word of a person's name that is no generational suffix: "Okafor" of
 * "Martin T. Okafor Jr.", since a writer drops the suffix with the given
 * name ("Okafor said"). */
static void name_last_word(const char *s, size_t n, const char **w, size_t *wn)
{
    static const char *const suffixes[] = {"ii",  "iii", "iv", "jr",
                                           "jr.", "sr",  "sr."}; /* sorted, lower */
    last_word(s, n, w, wn);
    if (*w > s + 1 && ingest_word_in(suffixes, sizeof suffixes / sizeof *suffixes, *w, *wn)) {
        size_t e = (size_t)(*w - s) - 1; /* the space before the suffix */
        if (e > 0 && s[e - 1] == ',')
            e--;
        last_word(s, e, w, wn);
    }
}

/* The length of the surname that opens person name nm (Chinese, Korean,
 * Vietnamese usage), else 0: a first word before a romanised given name of
 * one hyphenated word ("Kwok Wai-man", and "Park Jae-sung" though "Park" is
 * a listed English given name: no English given name comes before a
 * romanised one) or of two short words none of them a listed given name
 * ("Lim Hock Seng", ASCII only). */
static size_t surname_first(const struct ingest_gaz *g, const char *nm, size_t n)
{
    size_t s1, s2;
    name_spaces(nm, n, &s1, &s2);
    if (s1 < 2 || s1 > 6 || s1 >= n)
        return 0;
    if (s2 >= n) /* two words: "Kwok Wai-man" */
        return syllable_pair(nm + s1 + 1, n - s1 - 1) ? s1 : 0;
    if (given_has(g, nm, s1, INGEST_GAZ_GIVEN_MALE) ||
        given_has(g, nm, s1, INGEST_GAZ_GIVEN_FEMALE))
        return 0;
    size_t l2 = s2 - s1 - 1, l3 = n - s2 - 1; /* three: "Lim Hock Seng" */
    /* a listed Chinese surname first: "Tan Kai Ming", though "Kai" is listed */
    bool known = ingest_word_in(chinese_surnames,
                                sizeof chinese_surnames / sizeof *chinese_surnames, nm, s1);
    bool ok = !memchr(nm + s2 + 1, ' ', l3) && l2 >= 2 && l2 <= 5 && l3 >= 2 && l3 <= 5 &&
              ingest_cp_is_upper(ingest_cp_at(nm, n, s1 + 1)) &&
              ingest_cp_is_upper(ingest_cp_at(nm, n, s2 + 1)) &&
              (known || (!given_has(g, nm + s1 + 1, l2, INGEST_GAZ_GIVEN_MALE) &&
                         !given_has(g, nm + s1 + 1, l2, INGEST_GAZ_GIVEN_FEMALE) &&
                         !given_has(g, nm + s2 + 1, l3, INGEST_GAZ_GIVEN_MALE) &&
                         !given_has(g, nm + s2 + 1, l3, INGEST_GAZ_GIVEN_FEMALE)));
    for (size_t q = s1 + 1; ok && q < n; q++)
        ok = nm[q] == ' ' || (nm[q] & 0x80) == 0;
    return ok ? s1 : 0;
}

/* The surname of person name nm: its first word when written first (above),
 * else its last word. */
static void person_surname(const struct ingest_gaz *g, const char *nm, size_t n, const char **w,
                           size_t *wn)
{
    size_t s1 = surname_first(g, nm, n);
    if (s1) {
        *w = nm;
        *wn = s1;
    } else {
        name_last_word(nm, n, w, wn);
    }
}

/* The sex one title word tells: 1 for a man, 2 for a woman, else 0. Whole
 * words ("German Chancellor" is no man, "Queensland Premier" no queen),
 * and compounds by their end ("Congresswoman", "Chairman"). */
static int title_word_gender(const char *w, size_t n)
{
    static const char *const female[] = {"dame", "lady", "madam", "mrs", "ms", "queen"}; /* sorted */
    static const char *const male[] = {"king", "lord", "mr", "sir"}; /* sorted */
    static const char *const not_men[] = {"german", "human", "ottoman", "roman"}; /* sorted */
    while (n > 0 && w[n - 1] == '.')
        n--;
    if (ingest_word_in(female, sizeof female / sizeof *female, w, n) ||
        (n >= 5 && ingest_ascii_ifind(w + n - 5, 5, "woman") == 0))
        return 2;
    if (ingest_word_in(male, sizeof male / sizeof *male, w, n) ||
        (n >= 5 && ingest_ascii_ifind(w + n - 3, 3, "man") == 0 &&
         !ingest_word_in(not_men, sizeof not_men / sizeof *not_men, w, n)))
        return 1;
    return 0;
}

static int gender_of(const struct ingest_gaz *g, const char *name, size_t n, const char *title,
                     size_t tn)
{
    for (size_t i = 0; i < tn;) {
        while (i < tn && !isalpha((unsigned char)title[i]))
            i++;
        size_t b = i;
        while (i < tn && (isalpha((unsigned char)title[i]) || title[i] == '.'))
            i++;
        int sex = title_word_gender(title + b, i - b);
        if (sex)
            return sex;
    }
    size_t k = 0;
    while (k < n && name[k] != ' ')
        k++;
    bool m = given_has(g, name, k, INGEST_GAZ_GIVEN_MALE);
    bool f = given_has(g, name, k, INGEST_GAZ_GIVEN_FEMALE);
    return m && !f ? 1 : f && !m ? 2 : 0;
}

static bool courtesy_before(const struct cand *c);

/* Courtesy titles that tell a sex, read back from the text before a lone
 * word ("Mrs Garside": the stop list left only "Garside"): 1 for a man, 2 for
 * a woman. "Dr" and "Khun" tell none. */
static const char *const courtesies_male[] = {"mr", "mr."};
static const char *const courtesies_female[] = {"miss", "mrs", "mrs.", "ms", "ms."}; /* sorted */

static int courtesy_gender(const struct cand *c)
{
    if (c->kind != C_SINGLE || !courtesy_before(c))
        return 0;
    size_t e = c->start - 1, b = e;
    while (b > 0 && c->text[b - 1] != ' ' && c->text[b - 1] != '\n' && c->text[b - 1] != '"')
        b--;
    if (ingest_word_in(courtesies_male, 2, c->text + b, e - b))
        return 1;
    return ingest_word_in(courtesies_female, 5, c->text + b, e - b) ? 2 : 0;
}

/* The sex a title gives ("Mr. Roe", "Mr Roe": 1, "Mrs. Roe", "Mrs Roe": 2), else 0. */
static int cand_title_gender(const struct ingest_gaz *g, const struct cand *c)
{
    if (c->kind == C_SINGLE)
        return courtesy_gender(c);
    if (c->kind != C_TITLED_SINGLE || c->nstart <= c->start)
        return 0;
    return gender_of(g, c->text + c->nstart, 0, c->text + c->start, c->nstart - c->start);
}

/* The person of sex gender whose name ends with the surname w/n, or -1. */
static int surname_holder(const struct ingest_ents *e, const char *w, size_t n, int gender)
{
    for (size_t k = 0; k < e->n && k < 512; k++) {
        const struct ingest_ent *x = &e->v[k];
        size_t nl = strlen(x->name);
        if (x->type == ENTITY_PERSON && x->gender == gender && nl >= n &&
            memcmp(x->name + nl - n, w, n) == 0 && (nl == n || x->name[nl - n - 1] == ' '))
            return (int)k;
    }
    return -1;
}

/* Whether a kin noun, then a comma or a space, stands right before byte e of
 * text ("her mother, Petra Moravec", "his son Tomas"): a relative brought in
 * beside the person the article is about. */
static bool kin_before(const char *text, size_t e)
{
    static const char *const kin[] = {"aunt",   "brother",     "cousin",      "daughter",
                                      "father", "grandfather", "grandmother", "husband",
                                      "mother", "nephew",      "niece",       "sister",
                                      "son",    "uncle",       "wife"}; /* sorted */
    if (e < 2 || text[e - 1] != ' ')
        return false;
    e -= text[e - 2] == ',' ? 2 : 1;
    size_t b = e;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '"')
        b--;
    return ingest_word_in(kin, sizeof kin / sizeof *kin, text + b, e - b);
}

/* True if the person called name has the surname sur/sn. */
static bool surname_is(const struct ingest_gaz *g, const char *name, const char *sur, size_t sn)
{
    const char *w;
    size_t wn;
    person_surname(g, name, strlen(name), &w, &wn);
    return wn == sn && memcmp(w, sur, sn) == 0;
}

/* The person of surname sur/sn whom a bare surname named
 * most recently (bare_para), or -1: "Ivana Moravec ... Moravec, 19, ... her
 * mother, Petra Moravec ... Moravec said" keeps the bare surname with the
 * player, since a writer calls the relative by given name or role. */
static int bare_owner(const struct ingest_ents *out, const struct ingest_gaz *g,
                      const int32_t *bare_para, size_t n_full, const char *sur, size_t sn)
{
    int best = -1;
    for (size_t k = 0; k < n_full && k < 512; k++) {
        if (bare_para[k] == INT32_MIN || out->v[k].type != ENTITY_PERSON ||
            (best >= 0 && bare_para[k] <= bare_para[best]))
            continue;
        if (surname_is(g, out->v[k].name, sur, sn))
            best = (int)k;
    }
    return best;
}

/* "Ryan Roe ... his father, Paul Roe ... Mr Roe said", many paragraphs on: a
 * courtesy title names the man (or woman) of that surname named in full, or
 * so titled, most recently, however far back; the plain surname's
 * three-paragraph window is for an untitled "Roe", which may be anyone.
 * Returns id when no other holder of sex tg was named later. */
static int titled_recent(const struct ingest_ents *out, const struct ingest_gaz *g,
                         const int32_t *seen_para, size_t n_full, int id, const char *sur,
                         size_t sn, int tg)
{
    if (out->v[id].gender != tg)
        return id;
    int best = id;
    for (size_t k = 0; k < n_full && k < 512; k++) {
        if ((int)k == best || out->v[k].type != ENTITY_PERSON || out->v[k].gender != tg ||
            seen_para[k] <= seen_para[best])
            continue;
        if (surname_is(g, out->v[k].name, sur, sn))
            best = (int)k;
    }
    return best;
}

/* "Mr. Roe" in an article that names "Anna Roe" in full is another person: a
 * title of the other sex splits the surname off as a person of its own, and
 * the surname alone then means them (a writer names the woman in full, or as
 * "Mrs. Roe", once a man of that name is about). Returns 0 or NOMEM. */
static int surname_splits(const struct cands *cs, const struct ingest_gaz *g,
                          struct ingest_ents *out, struct name_index *full,
                          struct name_index *last)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *c = &cs->v[i];
        int tg = cand_title_gender(g, c);
        if (tg == 0)
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        int id = nx_find(last, name, nn);
        if (id < 0 || out->v[id].type != ENTITY_PERSON || out->v[id].gender == 0 ||
            out->v[id].gender == tg || surname_holder(out, name, nn, tg) >= 0)
            continue;
        int nid = ent_add(out, name, nn, ENTITY_PERSON, c->pos);
        if (nid < 0)
            return INGEST_ERR_NOMEM;
        out->v[nid].gender = tg;
        nx_put(full, out->v[nid].name, nn, nid);
        nx_set(last, out->v[nid].name, nn, nid);
    }
    return 0;
}

/* "the Bank of Japan ... the BOJ said", "the National Union of Mineworkers
 * ... the NUM": a word in capitals never introduced in brackets is the one
 * organisation (among the first n_full entities, 512 at most) of two words
 * or more whose initials it spells, of every word or of the capitalised ones
 * ("of" left out). -1 when none, or more than one. */
static int org_by_initials(const struct ingest_ents *e, const char *w, size_t n, size_t n_full)
{
    int hit = -1;
    for (size_t k = 0; k < n_full && k < 512; k++) {
        const char *nm = e->v[k].name;
        if (e->v[k].type != ENTITY_ORGANIZATION || !strchr(nm, ' '))
            continue;
        char all[8], caps[8];
        size_t na = 0, nc = 0;
        bool ok = true;
        for (const char *p = nm; *p && ok; p++) {
            if (p != nm && p[-1] != ' ')
                continue;
            ok = na < sizeof all;
            if (ok)
                all[na++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
            if (ok && *p >= 'A' && *p <= 'Z')
                caps[nc++] = *p;
        }
        if (!ok || !((na == n && memcmp(all, w, n) == 0) || (nc == n && memcmp(caps, w, n) == 0)))
            continue;
        if (hit >= 0)
            return -1;
        hit = (int)k;
    }
    return hit;
}

/* True if a body candidate for a person is written nm (n bytes). */
static bool body_person_named(const struct cands *cs, const char *nm, size_t n)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *c = &cs->v[i];
        if (c->para >= 0 && c->kind == C_PERSON && c->end - c->nstart == n &&
            memcmp(c->text + c->nstart, nm, n) == 0)
            return true;
    }
    return false;
}

/* True if w (n bytes) is the last word of a person named in full in the
 * body: a full-name candidate there with evidence of a person (people). */
static bool body_surname(const struct cands *cs, const struct name_index *people, const char *w,
                         size_t n)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *c = &cs->v[i];
        if (c->para < 0 || c->kind != C_PERSON || c->not_person)
            continue;
        const char *lw;
        size_t lwn;
        last_word(c->text + c->nstart, c->end - c->nstart, &lw, &lwn);
        if (lwn == n && lwn < c->end - c->nstart && memcmp(lw, w, n) == 0 &&
            nx_find(people, c->text + c->nstart, c->end - c->nstart) >= 0)
            return true;
    }
    return false;
}

/* Whether a courtesy title and one space stand right before byte e of text. */
static bool courtesy_at(const char *text, size_t e)
{
    if (e < 2 || text[e - 1] != ' ')
        return false;
    size_t b = e - 1;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '"')
        b--;
    return ingest_word_in(courtesies, sizeof courtesies / sizeof *courtesies, text + b, e - 1 - b);
}

/* Whether a courtesy title stands right before the mention c ("Mr Kittisak"). */
static bool courtesy_before(const struct cand *c)
{
    return courtesy_at(c->text, c->start);
}

/* The person entity whose name is name/nn and one more word ("Nur Aisyah"
 * opens "Nur Aisyah Rahman"), when exactly one has it; else -1. */
static int person_by_opening(const struct ingest_ents *e, const char *name, size_t nn)
{
    int id = -1;
    for (size_t i = 0; i < e->n; i++) {
        const char *fn = e->v[i].name;
        size_t fl = strlen(fn);
        if (e->v[i].type != ENTITY_PERSON || fl <= nn + 1 || fn[nn] != ' ' ||
            memcmp(fn, name, nn) != 0 || memchr(fn + nn + 1, ' ', fl - nn - 1))
            continue;
        if (id >= 0)
            return -1; /* two people share the opening: neither */
        id = (int)i;
    }
    return id;
}

/* The surname of a plain person candidate of two words or more, in w/wn
 * (false for one word or a titled name). */
static bool cand_surname(const struct cand *c, const char **w, size_t *wn)
{
    const char *name = c->text + c->nstart;
    size_t nn = c->end - c->nstart;
    if (c->kind != C_PERSON || c->not_person || c->para < 0)
        return false;
    last_word(name, nn, w, wn);
    return *w != name;
}

/* "Halyna Petrenko travelled ... Iryna Petrenko, her daughter-in-law": a
 * plain name of two words with no sign of its own is a person when another
 * person the article names in full has its last word (one family), and it
 * is no other person's name. The people's surnames are indexed once
 * (surnames: an empty index from nx_new): a scan of every candidate
 * for each one took seconds on a long list of unknown names. */
static void kin_by_surname(const struct cands *cs, struct name_index *people,
                           struct name_index *surnames)
{
    const char *w;
    size_t wn;
    for (size_t k = 0; k < cs->n; k++) {
        const struct cand *o = &cs->v[k];
        if (cand_surname(o, &w, &wn) && nx_find(people, o->text + o->nstart, o->end - o->nstart) >= 0)
            nx_put(surnames, w, wn, 1);
    }
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *c = &cs->v[i];
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        if (c->place_hint || c->org_hint || c->after_the || c->nstart != c->start || nn >= 64 ||
            !cand_surname(c, &w, &wn) || memchr(name, ' ', nn) != w - 1)
            continue;
        /* (a name already in people is not looked at, so the one whose
         * surname matched is always another person) */
        if (nx_find(people, name, nn) < 0 && nx_find(surnames, w, wn) >= 0)
            nx_put(people, name, nn, 1);
    }
}

/* Whether a titled lone name ends its title with a courtesy ("Mr. Napier"). */
static bool courtesy_before_name(const struct cand *c)
{
    return c->nstart > c->start && courtesy_at(c->text, c->nstart);
}

/* Whether the lone word w/n appears behind a courtesy title in the body. */
static bool courtesy_single(const struct cands *cs, const char *w, size_t n)
{
    for (size_t k = 0; k < cs->n; k++) {
        const struct cand *o = &cs->v[k];
        if (o->kind == C_SINGLE && o->para >= 0 && o->nstart == o->start &&
            o->end - o->start == n && memcmp(o->text + o->start, w, n) == 0 && courtesy_before(o))
            return true;
    }
    return false;
}

/* "Mr. Napier, who chairs the board ... Napier said": a listed town that
 * bears a courtesy title somewhere is a surname, and so is the same lone
 * word elsewhere unless a place word stands before it ("in Napier"); it
 * becomes a lone name, which pass 2 makes that person. */
static bool titled_places_unlist(struct cands *cs)
{
    struct name_index titled; /* lone words behind a courtesy title */
    if (!nx_new(&titled, cs->n))
        return false;
    for (size_t k = 0; k < cs->n; k++) {
        const struct cand *o = &cs->v[k];
        if (o->kind == C_TITLED_SINGLE && o->para >= 0 && courtesy_before_name(o))
            nx_put(&titled, o->text + o->nstart, o->end - o->nstart, 1);
    }
    for (size_t i = 0; i < cs->n; i++) {
        struct cand *c = &cs->v[i];
        const char *w = c->text + c->nstart;
        size_t wn = c->end - c->nstart;
        if (c->kind == C_PLACE && c->nstart == c->start && !c->place_hint && !c->town_hint &&
            !memchr(w, ' ', wn) && nx_find(&titled, w, wn) >= 0) {
            c->kind = C_SINGLE;
            c->canon = NULL;
            c->canon_len = 0;
        }
    }
    free(titled.v);
    return true;
}

/* Where the words of a person's full name end, for the look-ups of pass 2
 * that try every person named in full for each lone word: measured once, not
 * once a word (30,000 lone words against 512 names took a quarter of the
 * time of a hostile page). words: 1, 2, 3, or 4 for more. */
struct name_shape {
    uint32_t len, s1, s2; /* bytes; the first and second space, or len */
    uint8_t words;
};

/* The shapes of the first n entities (the people's; others get words 0). */
static void name_shapes(const struct ingest_ents *e, struct name_shape *sh, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const char *nm = e->v[k].name;
        size_t nl = strlen(nm), s1, s2;
        memset(&sh[k], 0, sizeof sh[k]);
        if (e->v[k].type != ENTITY_PERSON || nl > UINT32_MAX)
            continue;
        name_spaces(nm, nl, &s1, &s2);
        sh[k].len = (uint32_t)nl;
        sh[k].s1 = (uint32_t)s1;
        sh[k].s2 = (uint32_t)s2;
        sh[k].words = s1 >= nl ? 1 : s2 >= nl ? 2 : memchr(nm + s2 + 1, ' ', nl - s2 - 1) ? 4 : 3;
    }
}

/* The one person among the first n_full entities (512 at most) whose full
 * name opens with the word w ("Rosa" for "Rosa Quispe Mamani"); -1 for none
 * or for two. */
static int person_by_first(const struct ingest_ents *e, const struct name_shape *sh,
                           const char *w, size_t n, size_t n_full)
{
    int hit = -1;
    for (size_t k = 0; k < n_full && k < 512 && hit != -2; k++) {
        if (sh[k].words >= 2 && sh[k].s1 == n && memcmp(e->v[k].name, w, n) == 0)
            hit = hit == -1 ? (int)k : -2;
    }
    return hit >= 0 ? hit : -1;
}

/* "Consul General Hernando Ruiz Palacios ... Ruiz said": a lone word that
 * is the middle one of exactly one person's three-word name (among the
 * first n_full entities, 512 at most) is the first part of a double
 * surname, though no list knows the given name before it; a listed given
 * name ("Mary Ann Roe ... Ann") or an initial is no surname. -1 when none or
 * more than one. */
static int person_by_middle(const struct ingest_ents *e, const struct ingest_gaz *g,
                            const struct name_shape *sh, const char *w, size_t n, size_t n_full)
{
    if (n < 3 || memchr(w, '.', n) || !ingest_cp_is_upper(ingest_cp_at(w, n, 0)) ||
        given_has(g, w, n, INGEST_GAZ_GIVEN_MALE) || given_has(g, w, n, INGEST_GAZ_GIVEN_FEMALE))
        return -1;
    int hit = -1;
    for (size_t k = 0; k < n_full && k < 512; k++) {
        if (sh[k].words != 3 || sh[k].s2 - sh[k].s1 - 1 != n ||
            memcmp(e->v[k].name + sh[k].s1 + 1, w, n) != 0)
            continue;
        if (hit >= 0)
            return -1;
        hit = (int)k;
    }
    return hit;
}

/* Last words of company names, which the text later shortens to their first
 * word ("Halcyon Pharmaceuticals ... Halcyon said"); a coalition or a
 * committee is not called so. */
static const char *const company_words[] = {
    "Airlines", "Airways", "Bank", "Brokers", "Capital", "Co.", "Corp.", "Corporation", "Electronics",
    "Energy", "Group", "Holdings", "Inc.", "Industries", "Insurance", "Investments", "LLC",
    "Logistics", "Ltd.", "Media",
    /* agency style writes the forms without a full stop: "Brackwell Industries Inc" */
    "Corp", "Inc", "Ltd", "Plc", "Motors", "PLC", "Partners", "Pharmaceuticals", "Railroad",
    "Railway", "Securities", "Steel", "Studios", "Systems", "Technologies",
    /* a firm's trade */
    "Aerospace", "Analytics", "Biosciences", "Brewing", "Chemicals", "Communications",
    "Construction", "Consulting", "Engineering", "Foods", "Labs", "Manufacturing", "Midstream",
    "Markets", "Mining", "Networks", "Nutrition", "Petroleum", "Properties", "Realty", "Robotics",
    "Semiconductor", "Semiconductors", "Shipping",
    "Software", "Solutions", "Strategies", "Therapeutics",
    /* endings that say only "a business": "Corvant Health Services ... Corvant said" */
    "Bancorp", "Brands", "Enterprises", "Financial", "Healthcare", "Materials", "Minerals",
    "Resources", "Services", "Telecom", "Utilities", "Ventures",
    /* transport operators: "Northway Buses ... Northway said" */
    "Buses", "Coaches", "Ferries",
    /* Latin American and European company forms: "Andes Minera SAC ... Andes
     * Minera said" (sociedad anónima cerrada, limitada, société anonyme) */
    "Ltda", "Ltda.", "S.A.", "S.A.C.", "SA", "SAC", "SRL",
};

static bool company_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof company_words / sizeof *company_words; i++)
        if (ingest_bytes_eq(w, n, company_words[i]))
            return true;
    return false;
}

bool ingest_company_name(const char *name)
{
    const char *w;
    size_t wn;
    last_word(name, strlen(name), &w, &wn);
    return wn > 0 && wn < strlen(name) && company_word(w, wn);
}

/* Indexes the last words of the candidates of two words or more, whatever
 * kind they were read as ("the Ashmere Mercury", "Kelso Gazette"): a paper's
 * head word alone is that paper when the article names it in full. */
static bool index_paper_heads(const struct cands *cs, struct name_index *heads)
{
    if (!nx_new(heads, cs->n))
        return false;
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *o = &cs->v[i];
        const char *nm = o->text + o->nstart, *w;
        size_t nn = o->end - o->nstart, wn;
        last_word(nm, nn, &w, &wn);
        if (wn < nn)
            nx_put(heads, w, wn, 1);
    }
    return true;
}

/* True when the lone word c speaks of itself as "it": "Pulsewell said it
 * would cut 200 jobs", "Tallgrass said its retention rate had risen"; a
 * person is "he" or "she" there, a body "it". */
static bool speaks_as_it(const struct cand *c)
{
    static const char *const verbs[] = {"says", "said"}; /* sorted */
    const char *p = c->text + c->end;
    if (*p != ' ')
        return false;
    size_t k = 1;
    while (p[k] >= 'a' && p[k] <= 'z')
        k++;
    if (!ingest_word_in(verbs, 2, p + 1, k - 1) || p[k] != ' ')
        return false;
    p += k + 1;
    return p[0] == 'i' && p[1] == 't' && (p[2] == ' ' || (p[2] == 's' && p[3] == ' '));
}

/* True if the lone word w/n speaks of itself as "it" somewhere in the
 * article ("Pulsewell said it would"): a body, so its other lone mentions
 * that speak ("200 jobs, Pulsewell said") are no person either. */
static bool lone_body_said(const struct cands *cs, const char *w, size_t n)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *o = &cs->v[i];
        if (o->kind == C_SINGLE && o->nstart == o->start && o->end - o->start == n &&
            memcmp(o->text + o->start, w, n) == 0 && speaks_as_it(o))
            return true;
    }
    return false;
}

/* True when the lone word c closes an appositive and the speech verb after
 * its comma is the person's the appositive describes: "a fund manager at
 * Aldgate, said", "a retired teacher from Bedminster, said", "the start-up
 * Pulsewell, described": a lower-case word right before it, a comma right
 * after, and no listed given name ("gave her name only as Rachel, asked"). */
static bool appositive_tail(const struct ingest_gaz *g, const struct cand *c)
{
    const char *name = c->text + c->nstart;
    size_t nn = c->end - c->nstart;
    if (c->kind != C_SINGLE || c->age_after || c->nstart != c->start || c->start < 3 ||
        c->text[c->end] != ',' || c->text[c->start - 1] != ' ' ||
        c->text[c->start - 2] == ',' || /* "gave only his surname, Jung, said" */
        given_has(g, name, nn, INGEST_GAZ_GIVEN_MALE) ||
        given_has(g, name, nn, INGEST_GAZ_GIVEN_FEMALE))
        return false;
    size_t b = c->start - 1;
    while (b > 0 && c->text[b - 1] != ' ' && c->text[b - 1] != '\n')
        b--;
    return c->text[b] >= 'a' && c->text[b] <= 'z';
}

/* True when candidate c is a newsroom's desk, a place and "Bureau" before a
 * newsroom role ("Albany Bureau reporter Ann Roe", "the Kyiv Bureau chief"):
 * part of a reporter's description, no organisation of the story. */
static bool newsroom_desk(const struct cand *c)
{
    static const char *const roles[] = {"chief", "correspondent", "editor", "reporter",
                                        "reporters"}; /* sorted */
    const char *w;
    size_t wn;
    last_word(c->text + c->nstart, c->end - c->nstart, &w, &wn);
    if (!ingest_bytes_eq(w, wn, "Bureau") || c->text[c->end] != ' ')
        return false;
    const char *r = c->text + c->end + 1;
    size_t rn = 0;
    while (r[rn] >= 'a' && r[rn] <= 'z')
        rn++;
    return ingest_word_in(roles, sizeof roles / sizeof *roles, r, rn);
}

/* Makes candidate c (a person, or an organisation the gazetteer does not
 * know) the company with the longest full name (a candidate among the first
 * 512 organisation ones, ending in a company word) that opens with c's words:
 * "Keystone Allied" and "Keystone Allied Energy" for "Keystone Allied Energy
 * Corp.". orgs/n_orgs index those organisation candidates in cs, found once
 * per text: scanning cs for them on every call was quadratic in a long text
 * of names without a single organisation. */
static void company_short_form(const struct cands *cs, const size_t *orgs, size_t n_orgs,
                               struct cand *c)
{
    const char *name = c->text + c->nstart, *best = NULL;
    size_t nn = c->end - c->nstart, best_n = 0;
    for (size_t j = 0; j < n_orgs; j++) {
        const struct cand *o = &cs->v[orgs[j]];
        if (o->kind != C_ORG)
            continue;
        const char *on = o->canon ? o->canon : o->text + o->nstart;
        size_t onn = o->canon ? o->canon_len : o->end - o->nstart;
        if (onn <= nn + 1 || memcmp(on, name, nn) != 0 || on[nn] != ' ')
            continue;
        const char *w;
        size_t wn;
        last_word(on, onn, &w, &wn);
        /* "Charlotte-Mecklenburg Police Chief X" (the title cut the name)
         * and "the Charlotte-Mecklenburg Police Department": the department */
        bool dept = c->kind == C_ORG && w == on + nn + 1 &&
                    (ingest_bytes_eq(w, wn, "Department") || ingest_bytes_eq(w, wn, "Office"));
        if ((!company_word(w, wn) && !dept) || onn <= best_n)
            continue;
        best = on; /* the longest: "Keystone Allied Energy" is short too */
        best_n = onn;
    }
    if (best) {
        c->kind = C_ORG;
        c->canon = best;
        c->canon_len = best_n;
    }
}

/* "Halcyon Pharmaceuticals ... Halcyon said": the one company (among the
 * first 512 entities) whose name of two words or more opens with the lone
 * word name/n, when that word is no known place or demonym ("Texas Instruments"
 * does not take "Texas"). -1 when none, or more than one. */
static int org_by_first_word(const struct ingest_ents *e, const struct ingest_gaz *g,
                             const char *name, size_t n)
{
    if (ingest_gaz_find(g, name, n, INGEST_GAZ_PLACE) ||
        ingest_gaz_has(g, name, n, INGEST_GAZ_DEMONYM))
        return -1;
    int found = -1;
    for (size_t k = 0; k < e->n && k < 512; k++) {
        const char *en = e->v[k].name;
        if (n == 0 || en[0] != name[0] || strncmp(en, name, n) != 0 || en[n] != ' ')
            continue;
        if (e->v[k].type == ENTITY_PERSON)
            return -1; /* "Morgan" with a Morgan Lee and Morgan Partners: no company */
        if (e->v[k].type != ENTITY_ORGANIZATION)
            continue;
        const char *w;
        size_t wn;
        last_word(en, strlen(en), &w, &wn);
        /* "Reform UK ... hand Reform the seat": a name and a country */
        if (!company_word(w, wn) &&
            !(w == en + n + 1 && ingest_gaz_find(g, w, wn, INGEST_GAZ_PLACE)))
            continue;
        if (found >= 0)
            return -1;
        found = (int)k;
    }
    return found;
}

/* Adds a copy of the n bytes at s to sv unless it holds them; false on OOM. */
static bool ent_strv_add(struct strv *sv, const char *s, size_t n)
{
    char *v = util_strndup(s, n);
    if (!v)
        return false;
    if (strv_has(sv, v)) {
        free(v);
        return true;
    }
    return strv_push_taken(sv, v); /* frees v when it fails */
}

/* Records alias and title strings of candidate c on entity x. */
static int ent_note(struct ingest_ent *x, const struct cand *c)
{
    size_t n = c->end - c->start;
    const char *s = c->text + c->start;
    if (!ingest_bytes_eq(s, n, x->name)) {
        if (!ent_strv_add(&x->aliases, s, n))
            return INGEST_ERR_NOMEM;
    }
    if (c->xalias && !ingest_bytes_eq(c->xalias, c->xalias_len, x->name)) {
        if (!ent_strv_add(&x->aliases, c->xalias, c->xalias_len))
            return INGEST_ERR_NOMEM;
    }
    if (c->xtitle) {
        if (!ent_strv_add(&x->titles, c->xtitle, c->xtitle_len))
            return INGEST_ERR_NOMEM;
    }
    if (c->nstart > c->start && !c->plural_title && !c->the_alias) {
        size_t tn = c->nstart - c->start;
        while (tn && s[tn - 1] == ' ')
            tn--;
        /* "Mrs. Clinton" later in the text settles a gender the name left open */
        if (tn && x->type == ENTITY_PERSON && x->gender == 0) {
            if (ingest_ascii_ieq(s, tn, "Mrs.") || ingest_ascii_ieq(s, tn, "Ms.") ||
                ingest_ascii_ieq(s, tn, "Miss") || ingest_ascii_ieq(s, tn, "Mrs") ||
                ingest_ascii_ieq(s, tn, "Ms"))
                x->gender = 2;
            else if (ingest_ascii_ieq(s, tn, "Mr.") || ingest_ascii_ieq(s, tn, "Mr"))
                x->gender = 1;
        }
        if (tn) {
            if (!ent_strv_add(&x->titles, s, tn))
                return INGEST_ERR_NOMEM;
        }
    }
    x->mentions++;
    return 0;
}

static bool mention_push(struct ingest_ents *e, const struct cand *c)
{
    if (c->para < 0)
        return true;
    if (e->n_m == e->cap_m) {
        size_t cap = e->cap_m ? e->cap_m * 2 : 64;
        struct ingest_mention *v = realloc(e->m, cap * sizeof *v);
        if (!v)
            return false;
        e->m = v;
        e->cap_m = cap;
    }
    struct ingest_mention *m = &e->m[e->n_m++];
    m->para = c->para;
    m->start = c->nstart;
    m->end = c->end;
    m->entity = c->entity;
    m->in_quote = c->in_quote;
    return true;
}

/* "farmers walk out of Clare council meeting" over "Clare County Council":
 * a council named in lower case after its place ("X council") is the one
 * council named in full ("X <Kind> Council", kind a capitalised word) in the
 * article, whose name it takes as canonical. */
static void council_short_forms(struct cands *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        struct cand *c = &cs->v[i];
        const char *nm = c->text + c->nstart;
        size_t n = c->end - c->nstart;
        if (c->kind != C_ORG || c->canon || n < 10 || memcmp(nm + n - 8, " council", 8) != 0)
            continue;
        size_t pn = n - 8; /* the place's bytes */
        const struct cand *full = NULL;
        for (size_t k = 0; k < cs->n; k++) {
            const struct cand *o = &cs->v[k];
            const char *on = o->canon ? o->canon : o->text + o->nstart;
            size_t onn = o->canon ? o->canon_len : o->end - o->nstart;
            if (o->kind != C_ORG || onn < pn + 10 || memcmp(on, nm, pn) != 0 || on[pn] != ' ' ||
                !ingest_cp_is_upper(ingest_cp_at(on, onn, pn + 1)) ||
                memcmp(on + onn - 8, " Council", 8) != 0 ||
                memchr(on + pn + 1, ' ', onn - 8 - pn - 1))
                continue;
            if (full && (full->canon ? full->canon_len : full->end - full->nstart) == onn &&
                memcmp(full->canon ? full->canon : full->text + full->nstart, on, onn) == 0)
                continue;
            if (full) {
                full = NULL; /* two councils of that place: neither */
                break;
            }
            full = o;
        }
        if (full) {
            c->canon = full->canon ? full->canon : full->text + full->nstart;
            c->canon_len = full->canon ? full->canon_len : full->end - full->nstart;
        }
    }
}

/* Indexes each organisation named in two words or more by its last word
 * when that word is a paper's head ("Ashmere Mercury" under "Mercury"): the
 * entry is the candidate, or -2 when two different names end in that word.
 * Built once, so a long list of mentions costs one pass, not one per
 * mention. */
static bool index_paper_fulls(const struct cands *cs, struct name_index *fulls)
{
    if (!nx_new(fulls, cs->n))
        return false;
    for (size_t k = 0; k < cs->n; k++) {
        const struct cand *o = &cs->v[k];
        const char *on = o->canon ? o->canon : o->text + o->nstart, *w;
        size_t onn = o->canon ? o->canon_len : o->end - o->nstart, wn;
        if (o->kind != C_ORG)
            continue;
        last_word(on, onn, &w, &wn);
        if (wn == 0 || wn + 2 > onn ||
            !ingest_word_in(paper_heads, sizeof paper_heads / sizeof *paper_heads, w, wn))
            continue;
        int e = nx_find(fulls, w, wn);
        if (e == -1)
            nx_put(fulls, w, wn, (int32_t)k);
        else if (e >= 0) {
            const struct cand *f = &cs->v[e];
            const char *fn = f->canon ? f->canon : f->text + f->nstart;
            size_t fl = f->canon ? f->canon_len : f->end - f->nstart;
            if (fl != onn || memcmp(fn, on, onn) != 0)
                nx_set(fulls, w, wn, -2);
        }
    }
    return true;
}

/* "told the Herald" in an article that names the New Zealand Herald: a
 * newspaper's head word alone is the one paper named in full with it last
 * (the site's masthead among them); two such papers, neither. */
static void paper_short_forms(struct cands *cs)
{
    struct name_index fulls = {0};
    if (!index_paper_fulls(cs, &fulls))
        return;
    for (size_t i = 0; i < cs->n; i++) {
        struct cand *c = &cs->v[i];
        const char *nm = c->text + c->nstart;
        size_t n = c->end - c->nstart;
        if (c->kind != C_ORG || c->canon || memchr(nm, ' ', n))
            continue;
        int e = nx_find(&fulls, nm, n);
        if (e < 0)
            continue;
        const struct cand *f = &cs->v[e];
        c->canon = f->canon ? f->canon : f->text + f->nstart;
        c->canon_len = f->canon ? f->canon_len : f->end - f->nstart;
    }
    free(fulls.v);
}

/* "The Kelby Ledger asked the board": where the text names the site whose
 * name heads the page (masthead, "The" aside on either side), the mention is
 * that organisation, whatever its words would make of it alone. */
static void masthead_mentions(struct cands *cs, const char *masthead)
{
    size_t mn = strlen(masthead);
    const char *bare = masthead;
    if (mn > 4 && strncmp(masthead, "The ", 4) == 0)
        bare += 4;
    size_t bn = mn - (size_t)(bare - masthead);
    for (size_t i = 0; i < cs->n; i++) {
        struct cand *c = &cs->v[i];
        if (c->text == masthead)
            continue;
        const char *w = c->text + c->nstart;
        size_t wn = c->end - c->nstart;
        if (wn > 4 && strncmp(w, "The ", 4) == 0) {
            w += 4;
            wn -= 4;
        }
        if (wn != bn || memcmp(w, bare, bn) != 0)
            continue;
        c->kind = C_ORG;
        c->canon = masthead;
        c->canon_len = mn;
        c->person_hint = c->town_hint = c->place_hint = false;
    }
}

bool ingest_entities_lists_sorted(void)
{
    return ingest_words_sorted(speech_verbs, sizeof speech_verbs / sizeof *speech_verbs) &&
           ingest_words_sorted(org_nouns, sizeof org_nouns / sizeof *org_nouns) &&
           ingest_words_sorted(postnominals, sizeof postnominals / sizeof *postnominals) &&
           ingest_words_sorted(police_ranks, sizeof police_ranks / sizeof *police_ranks) &&
           ingest_words_sorted(chinese_surnames,
                               sizeof chinese_surnames / sizeof *chinese_surnames) &&
           ingest_words_sorted(portfolio_words, sizeof portfolio_words / sizeof *portfolio_words) &&
           ingest_words_sorted(seat_letters, sizeof seat_letters / sizeof *seat_letters) &&
           ingest_words_sorted(courtesies, sizeof courtesies / sizeof *courtesies) &&
           ingest_words_sorted(honorifics, sizeof honorifics / sizeof *honorifics) &&
           ingest_words_sorted(malay_honorifics,
                               sizeof malay_honorifics / sizeof *malay_honorifics) &&
           ingest_words_sorted(admin_areas, sizeof admin_areas / sizeof *admin_areas) &&
           ingest_words_sorted(admin_bodies, sizeof admin_bodies / sizeof *admin_bodies) &&
           ingest_words_sorted(officials, n_officials) &&
           ingest_words_sorted(paper_heads, sizeof paper_heads / sizeof *paper_heads);
}

int ingest_entities_find(const struct ingest_doc *doc, struct ingest_para *paras, size_t n_paras,
                         const struct ingest_gaz *g, struct ingest_ents *out)
{
    struct cands cs = {0};
    struct ingest_toks scratch = {0};
    struct name_index full = {0}, last = {0}, heads = {0};
    struct strv retired = {0}; /* old names `full` and `last` point into */
    int rc = INGEST_ERR_NOMEM;
    int32_t *seen_para = NULL;
    struct name_shape *shapes = NULL;
    size_t pos = 0;

    /* candidates: title, subtitle, paragraphs, credit lines */
    if (!text_scan_str(doc->title, -1, g, &cs, &pos, &scratch) ||
        !text_scan_str(doc->subtitle, -1, g, &cs, &pos, &scratch))
        goto out;
    for (size_t i = 0; i < n_paras; i++)
        if (!text_scan(paras[i].s, &paras[i].toks, (int32_t)i, g, &cs, &pos))
            goto out;
    for (size_t i = 0; i < doc->extra.n; i++)
        if (!text_scan_str(doc->extra.v[i], PARA_CREDIT, g, &cs, &pos, &scratch))
            goto out;
    /* the site's own name over its navigation: an organisation as it stands */
    if (doc->masthead) {
        struct cand mc = {.para = PARA_CREDIT, .end = strlen(doc->masthead),
                          .text = doc->masthead, .kind = C_ORG, .entity = -1, .pos = pos++};
        if (!cands_push(&cs, &mc))
            goto out;
        masthead_mentions(&cs, doc->masthead);
    }
    council_short_forms(&cs);
    paper_short_forms(&cs);

    /* a nicknamed person puts up to four names in `full` ('Margaret "Peg"
     * Roe', "Margaret Roe", "Peg Roe", "Peg"), besides acronyms and short
     * forms: room for eight a candidate keeps the probes short even then */
    size_t cap = 64;
    while (cap < (cs.n + doc->authors.n) * 8 + 8)
        cap *= 2;
    full.v = calloc(cap, sizeof *full.v);
    last.v = calloc(cap, sizeof *last.v);
    if (!full.v || !last.v)
        goto out;
    full.cap = last.cap = cap;

    /* authors are people */
    for (size_t i = 0; i < doc->authors.n; i++) {
        const char *a = doc->authors.v[i];
        size_t an = strlen(a);
        if (nx_find(&full, a, an) >= 0)
            continue;
        int id = ent_add(out, a, an, ENTITY_PERSON, pos + i);
        if (id < 0)
            goto out;
        out->v[id].gender = gender_of(g, a, an, NULL, 0);
        out->v[id].is_author = true;
        an = strlen(out->v[id].name); /* a nickname is dropped */
        nx_put(&full, out->v[id].name, an, id);
        const char *w;
        size_t wn;
        name_last_word(out->v[id].name, an, &w, &wn);
        if (wn && wn < an)
            nx_put(&last, w, wn, id);
    }
    /* which lone words appear, and which full names have evidence of being people:
     * a first name, a title, a speech verb, an appositive, a role noun, an initial,
     * or the surname used alone elsewhere */
    struct name_index singles = {0}, people = {0};
    singles.v = calloc(cap, sizeof *singles.v);
    people.v = calloc(cap, sizeof *people.v);
    if (!singles.v || !people.v) {
        free(singles.v);
        free(people.v);
        goto out;
    }
    singles.cap = people.cap = cap;
    /* value 1: a lone word that may be a surname; 2: a known place or
     * organisation, which is evidence only in the body: a title-case headline
     * glues words to it ("Tillery: Pryor 'Sold Out Georgia'") */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind == C_SINGLE || c->kind == C_TITLED_SINGLE || c->kind == C_PLACE ||
            c->kind == C_ORG) {
            if (c->end - c->nstart >= 64 || memchr(c->text + c->nstart, ' ', c->end - c->nstart))
                continue;
            if (c->kind == C_PLACE || c->kind == C_ORG)
                nx_put(&singles, c->text + c->nstart, c->end - c->nstart, 2);
            else
                nx_set(&singles, c->text + c->nstart, c->end - c->nstart, 1);
        }
    }
    /* "Republican Cal Drummond ... Drummond said": a name after a party word
     * whose first word the list lacks is a person when the article calls
     * someone by its last word alone; the party word is the title */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind != C_PERSON || !c->not_person || !c->party_lead || c->party_lead >= c->end)
            continue;
        const char *w;
        size_t wn;
        last_word(c->text + c->party_lead, c->end - c->party_lead, &w, &wn);
        if (nx_find(&singles, w, wn) == 1) {
            c->not_person = false;
            c->nstart = c->party_lead;
        }
    }
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind != C_PERSON || c->not_person)
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        /* "De Vries", "van der Berg": a surname with its particles, which
         * pass 2 matches by the surname after them */
        size_t sp = 0;
        while (sp < nn && name[sp] != ' ')
            sp++;
        const char *sur = name;
        size_t sn = nn;
        surname_after_particles(&sur, &sn);
        /* ("north of La Ronge", "in Van Buren": a town, after a place word) */
        if (sur != name && !memchr(sur, ' ', sn) && !(c->place_hint && !c->person_hint)) {
            c->kind = C_SINGLE;
            continue;
        }
        const char *w;
        size_t wn;
        last_word(name, nn, &w, &wn);
        /* "near New Albany, said": the speech verb closes an appositive */
        /* ("Mr Chidubem Nwosu was freed": a courtesy title vouches too) */
        bool ev = c->person_hint || (c->cue_after && !c->place_hint) || c->nstart > c->start ||
                  courtesy_before(c) || given_has(g, name, sp, INGEST_GAZ_GIVEN_MALE) ||
                  given_has(g, name, sp, INGEST_GAZ_GIVEN_FEMALE) ||
                  nx_find(&singles, w, wn) == 1 ||
                  (c->para >= 0 && !c->after_the && nx_find(&singles, w, wn) == 2) ||
                  nx_find(&full, name, nn) >= 0 ||
                  memchr(name, '.', nn) != NULL ||
                  /* "Benson Tang Ka-ho": a romanised given name closing it */
                  (sp < nn && syllable_pair(w, wn)) ||
                  /* "Ji-hoon Park": or opening a name of two words */
                  (sp < nn && w == name + sp + 1 && syllable_pair(name, sp) &&
                   !ingest_gaz_has(g, w, wn, INGEST_GAZ_ORG_WORD)) ||
                  /* "Kittisak Chaiwattana ... Mr Kittisak": the given name
                   * behind a courtesy title (Thai usage) */
                  (sp < nn && nx_find(&singles, name, sp) == 1 && courtesy_single(&cs, name, sp));
        if (ev)
            nx_put(&people, name, nn, 1);
    }
    struct name_index surnames;
    if (!nx_new(&surnames, cs.n)) {
        free(singles.v);
        free(people.v);
        goto out;
    }
    kin_by_surname(&cs, &people, &surnames);
    free(surnames.v);
    /* "orders Meridian Skyworks to ... Meridian said ... Meridian, which is
     * based in": a name with no sign of a person whose first word comes back
     * alone, and whose last word never does, is a firm called by its first
     * word (a person is called by the surname); the lone word joins it below */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind != C_PERSON || c->not_person || c->place_hint || c->para < 0 ||
            c->nstart != c->start || c->end - c->nstart >= 64)
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        const char *sp = memchr(name, ' ', nn);
        if (!sp || nx_find(&people, name, nn) >= 0)
            continue;
        const char *w;
        size_t wn;
        last_word(name, nn, &w, &wn);
        if (w != sp + 1 || nx_find(&singles, name, (size_t)(sp - name)) != 1 ||
            nx_find(&singles, w, wn) >= 0 ||
            ingest_gaz_find(g, name, (size_t)(sp - name), INGEST_GAZ_PLACE))
            continue;
        /* ... alone inside a sentence at least once: "Election ... Election
         * Day" is a sentence's capital; never after a courtesy title: "Mr
         * Kittisak" calls a Thai man by his given name */
        bool inside = false;
        for (size_t k = 0; k < cs.n && !inside; k++)
            inside = cs.v[k].kind == C_SINGLE && !cs.v[k].sent_start && cs.v[k].para >= 0 &&
                     cs.v[k].end - cs.v[k].nstart == (size_t)(sp - name) &&
                     memcmp(cs.v[k].text + cs.v[k].nstart, name, (size_t)(sp - name)) == 0;
        if (inside && !courtesy_single(&cs, name, (size_t)(sp - name))) {
            c->kind = C_ORG;
            c->firm_by_first = true;
        }
    }
    /* "Entergy Arkansas said": an unlisted word and a known place is a firm's
     * arm in that place (no given name opens it, so it is no "Jack Montana");
     * "Public Safety Canada said": two such words, an agency by its remit */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind != C_PERSON || c->not_person || c->nstart != c->start || c->para < 0 ||
            c->place_hint || c->after_the) /* "in Co Kildare", "in Lower Manhattan": a
                                              * place; "outside the Royal Brisbane" */
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        const char *sp = memchr(name, ' ', nn);
        const char *lw;
        size_t lwn;
        last_word(name, nn, &lw, &lwn);
        const char *lsp = sp ? lw - 1 : NULL; /* the space before the place */
        const char *mid = sp && lsp != sp ? memchr(sp + 1, ' ', (size_t)(lsp - sp)) : NULL;
        if (!sp || (mid && mid != lsp) || name[nn - 1] == '.' ||
            given_has(g, name, (size_t)(sp - name), INGEST_GAZ_GIVEN_MALE) ||
            given_has(g, name, (size_t)(sp - name), INGEST_GAZ_GIVEN_FEMALE) ||
            (lsp != sp && (ingest_gaz_find(g, name, (size_t)(sp - name), INGEST_GAZ_PLACE) ||
                           ingest_gaz_find(g, sp + 1, (size_t)(lsp - sp - 1), INGEST_GAZ_PLACE) ||
                           !(sp[1] >= 'A' && sp[1] <= 'Z'))) ||
            !ingest_gaz_find(g, lsp + 1, nn - (size_t)(lsp + 1 - name), INGEST_GAZ_PLACE) ||
            ingest_gaz_has(g, name, (size_t)(sp - name), INGEST_GAZ_STOPCAP) ||
            ingest_gaz_has(g, name, (size_t)(sp - name), INGEST_GAZ_PLACE_WORD))
            continue;
        c->kind = C_ORG;
    }
    /* "Norvik Connect said ... Norvik Connect shares dropped": a name that one
     * mention shows to be a company's is that company at every mention */
    for (size_t i = 0; i < cs.n; i++) {
        const struct cand *f = &cs.v[i];
        if (!f->firm || f->kind != C_ORG)
            continue;
        for (size_t k = 0; k < cs.n; k++) {
            struct cand *c = &cs.v[k];
            if (c->kind == C_PERSON && !c->canon && c->nstart == c->start &&
                c->end - c->nstart == f->end - f->nstart &&
                memcmp(c->text + c->nstart, f->text + f->nstart, f->end - f->nstart) == 0)
                c->kind = C_ORG;
        }
    }
    /* "Keystone Allied Energy Corp. ... Keystone Allied said": a short form of a
     * company named in full is that company, not a person */
    size_t orgs[512], n_orgs = 0;
    for (size_t i = 0; i < cs.n && n_orgs < 512; i++)
        if (cs.v[i].kind == C_ORG)
            orgs[n_orgs++] = i;
    for (size_t i = 0; i < cs.n && n_orgs > 0; i++)
        if ((cs.v[i].kind == C_PERSON || (cs.v[i].kind == C_ORG && !cs.v[i].canon)) &&
            cs.v[i].nstart == cs.v[i].start)
            company_short_form(&cs, orgs, n_orgs, &cs.v[i]);
    /* "FTC Sues to Block Harrow Foods' $14 Billion Deal": title case glues
     * a headline's verb to an organisation the body names; a headline
     * organisation (no listed name) whose last words are a body
     * organisation's name is that organisation */
    for (size_t i = 0; i < cs.n && cs.v[i].para < 0; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind != C_ORG || c->canon || c->nstart != c->start)
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        const char *sp = memchr(name, ' ', nn);
        if (!sp || !memchr(sp + 1, ' ', nn - (size_t)(sp + 1 - name)))
            continue; /* two words or more must stay */
        size_t rest = nn - (size_t)(sp + 1 - name);
        for (size_t j = 0; j < n_orgs; j++) {
            const struct cand *o = &cs.v[orgs[j]];
            if (o->para < 0 || o->kind != C_ORG || o->end - o->nstart != rest ||
                memcmp(o->text + o->nstart, sp + 1, rest) != 0)
                continue;
            c->start = c->nstart = (size_t)(sp + 1 - c->text);
            break;
        }
    }
    /* "the House" is the one chamber the article names in full ("Ohio House",
     * "House of Commons"), if it names one */
    const char *house = NULL;
    size_t house_n = 0;
    bool house_many = false;
    for (size_t i = 0; i < cs.n && !house_many; i++) {
        const struct cand *c = &cs.v[i];
        if (c->kind != C_ORG)
            continue;
        const char *nm = c->canon ? c->canon : c->text + c->nstart;
        size_t n = c->canon ? c->canon_len : c->end - c->nstart;
        if (!chamber_name(g, nm, n) || (house && house_n == n && memcmp(house, nm, n) == 0))
            continue;
        if (house)
            house_many = true;
        house = nm;
        house_n = n;
    }
    if (house_many)
        house = NULL;
    /* "the Commission" after "European Commission": the one organisation
     * named in full (two words or more) that ends or opens with the head word */
    const char *body[N_SHORT_BODIES] = {0};
    size_t body_n[N_SHORT_BODIES] = {0};
    bool body_many[N_SHORT_BODIES] = {0};
    for (size_t i = 0; i < cs.n; i++) {
        const struct cand *c = &cs.v[i];
        if (c->kind != C_ORG)
            continue;
        const char *nm = c->canon ? c->canon : c->text + c->nstart;
        size_t n = c->canon ? c->canon_len : c->end - c->nstart;
        const char *w;
        size_t wn;
        last_word(nm, n, &w, &wn);
        int b = wn < n ? short_body(w, wn) : -1;
        if (b < 0) { /* "Coalition for Fair Courts ... the Coalition" */
            const char *sp = memchr(nm, ' ', n);
            b = sp ? short_body(nm, (size_t)(sp - nm)) : -1;
        }
        if (b < 0 || (body[b] && body_n[b] == n && memcmp(body[b], nm, n) == 0))
            continue;
        if (body[b])
            body_many[b] = true;
        body[b] = nm;
        body_n[b] = n;
    }
    for (size_t k = 0; k < N_SHORT_BODIES; k++)
        if (body_many[k])
            body[k] = NULL;
    /* "Calloway Torches Holt in ...": title case glues a headline's verb to
     * the surname before it; a headline run (no title) that opens with the
     * surname of a person the body names in full, then a word that is no
     * given name, is that surname alone (pass 2 joins it to the person) */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->para >= 0 || c->kind != C_PERSON || c->not_person || c->nstart != c->start)
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        const char *sp = memchr(name, ' ', nn);
        if (!sp || body_person_named(&cs, name, nn))
            continue;
        size_t fw = (size_t)(sp - name);
        const char *nx = sp + 1;
        size_t nxn = 0;
        while (nx + nxn < name + nn && nx[nxn] != ' ')
            nxn++;
        if (given_has(g, nx, nxn, INGEST_GAZ_GIVEN_MALE) ||
            given_has(g, nx, nxn, INGEST_GAZ_GIVEN_FEMALE) || !body_surname(&cs, &people, name, fw))
            continue;
        c->end = c->nstart + fw;
        c->kind = C_SINGLE;
    }
    if (!titled_places_unlist(&cs) || !index_paper_heads(&cs, &heads))
        goto out;
    /* pass 1: known names and full person names */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        const char *name;
        size_t nn;
        enum entity_type type;
        char tc[64];
        if (c->kind == C_ORG || c->kind == C_PLACE) {
            name = c->canon ? c->canon : c->text + c->nstart;
            nn = c->canon ? c->canon_len : c->end - c->nstart;
            type = c->kind == C_ORG ? ENTITY_ORGANIZATION : ENTITY_PLACE;
            if (dept_written(c)) {
                name = c->text + c->nstart;
                nn = c->end - c->nstart;
            }
            if (house && ingest_bytes_eq(name, nn, "House")) {
                name = house;
                nn = house_n;
            }
            int sb = c->kind == C_ORG ? short_body(name, nn) : -1;
            if (sb >= 0 && body[sb]) {
                name = body[sb];
                nn = body_n[sb];
            } else if (sb >= 0 && !c->canon && !short_body_alone(sb)) {
                continue; /* "the Council" with no council named in full */
            } /* "the Coalition" alone: the governing or opposing coalition */
            if (!c->canon && c->para < 0 && has_function_word(name, nn))
                continue; /* "Then The Council Read It Aloud" */
            if (!c->canon && c->kind == C_ORG && newsroom_desk(c))
                continue; /* "Albany Bureau reporter Ann Roe contributed" */
            if (c->paper_bare && nx_find(&heads, c->text + c->nstart, c->end - c->nstart) < 0)
                continue; /* "as the Mercury hit 40": no paper named */
            /* a town in a dateline ("FLINT, Mich. —") is the Flint named later */
            /* (not a numbered road: "US 30" is written so) */
            if (!c->canon && c->kind == C_PLACE && all_caps(name, nn) &&
                !(name[nn - 1] >= '0' && name[nn - 1] <= '9')) {
                size_t m = titlecase(name, nn, tc, sizeof tc);
                const struct ingest_gaz_entry *ge =
                    m ? ingest_gaz_find_nocase(g, tc, m, INGEST_GAZ_PLACE) : NULL;
                if (ge) { /* "TROMSO", "DAR ES SALAAM": the listed spelling */
                    name = ge->canon;
                    nn = ge->canon_len;
                } else if (m) {
                    name = tc;
                    nn = m;
                }
            }
        } else if (c->kind == C_PERSON && !c->not_person) {
            name = c->text + c->nstart;
            nn = c->end - c->nstart;
            type = ENTITY_PERSON;
            /* "ROSS KELWAY tore into": the name in title case; its listed
             * given name is the evidence (caps_lead_name) */
            size_t tcn = c->caps_lead ? titlecase(name, nn, tc, sizeof tc) : 0;
            if (tcn) {
                name = tc;
                nn = tcn;
            }
            /* title case glues a name to the verb after it ("Maria Lopez Speaks"):
             * in the headline, a run that starts with another person's full name
             * is that name */
            if (c->para < 0) {
                for (size_t k = nn; k > 0; k--) {
                    if (name[k - 1] != ' ')
                        continue;
                    if (nx_find(&people, name, k - 1) >= 0 && memchr(name, ' ', k - 1)) {
                        c->end = c->nstart + k - 1;
                        nn = k - 1;
                        break;
                    }
                }
            }
            /* "Congressman Swears He Never Called Teachers ...": a title-case
             * headline run holding a pronoun or article is a clause, no name */
            if (c->para < 0 && has_function_word(name, nn))
                continue;
            /* "The Governor Who Only Wants ...": after a title, too, the first */
            if (c->para < 0 && c->nstart > c->start) {
                char pre[8] = "x ";
                size_t fw = 0;
                while (fw < nn && name[fw] != ' ')
                    fw++;
                if (fw + 2 <= sizeof pre) {
                    memcpy(pre + 2, name, fw);
                    if (has_function_word(pre, fw + 2))
                        continue;
                }
            }
            /* "Governor Used Private Email for ...": a title-case headline's
             * past-tense verb after a title opens no name (unless a listed
             * given name: "Ahmed", "Fred") */
            if (c->para < 0 && c->nstart > c->start) {
                const char *sp = memchr(name, ' ', nn);
                size_t fw = sp ? (size_t)(sp - name) : nn;
                /* ... nor a present-tense one before two words or more ("Its
                 * CEO Wants Looser Capital Rules") */
                size_t words = 1;
                for (size_t k = 0; k < nn; k++)
                    words += name[k] == ' ';
                if (fw >= 4 &&
                    ((name[fw - 2] == 'e' && name[fw - 1] == 'd') ||
                     (words >= 3 && name[fw - 1] == 's' && name[fw - 2] != 's' &&
                      name[fw - 2] != '\'')) &&
                    !given_has(g, name, fw, INGEST_GAZ_GIVEN_MALE) &&
                    !given_has(g, name, fw, INGEST_GAZ_GIVEN_FEMALE))
                    continue;
                /* "Ohio Governor Shuts Down CNN Host's Attempt": a known
                 * organisation's acronym inside makes a clause, no name */
                bool org_inside = false;
                for (size_t w0 = fw + 1; w0 < nn && !org_inside;) {
                    size_t w1 = w0;
                    while (w1 < nn && name[w1] != ' ')
                        w1++;
                    org_inside = all_caps(name + w0, w1 - w0) && w1 - w0 >= 2 &&
                                 ingest_gaz_has(g, name + w0, w1 - w0, INGEST_GAZ_ORG);
                    w0 = w1 + 1;
                }
                if (org_inside)
                    continue;
            }
            if (!tcn && nx_find(&people, name, nn) < 0) {
                if (!c->place_hint)
                    continue; /* no evidence either way: leave it out */
                type = ENTITY_PLACE;
            }
        } else {
            continue;
        }
        int id = nx_find(&full, name, nn);
        /* "Rosa Cruz Anza ... Ximena Cruz Anza ... Cruz Anza says": a double
         * surname (no listed given name first) is the person named in full
         * with it, the one named most recently */
        if (id < 0 && type == ENTITY_PERSON && memchr(name, ' ', nn) && nn < 60 &&
            !given_has(g, name, (size_t)((const char *)memchr(name, ' ', nn) - name),
                       INGEST_GAZ_GIVEN_MALE) &&
            !given_has(g, name, (size_t)((const char *)memchr(name, ' ', nn) - name),
                       INGEST_GAZ_GIVEN_FEMALE)) {
            for (size_t k = i; k > 0 && i - k < 400 && id < 0; k--) {
                const struct cand *pc = &cs.v[k - 1];
                if (pc->kind != C_PERSON || pc->entity < 0 ||
                    out->v[pc->entity].type != ENTITY_PERSON)
                    continue;
                const char *fn = out->v[pc->entity].name;
                size_t fl = strlen(fn);
                if (fl > nn + 1 && fn[fl - nn - 1] == ' ' && memcmp(fn + fl - nn, name, nn) == 0)
                    id = pc->entity;
            }
        }
        /* "Nur Aisyah Rahman ... Ms Nur Aisyah said": a Malay name has no
         * surname, so the courtesy title goes before the given names; a
         * titled name of two words or more that opens an earlier person's
         * longer name is that person */
        if (id < 0 && type == ENTITY_PERSON && (courtesy_before_name(c) || courtesy_before(c)) &&
            memchr(name, ' ', nn))
            id = person_by_opening(out, name, nn);
        if (id < 0 && dept_written(c))
            id = nx_find(&full, c->canon, c->canon_len);
        if (id < 0 && type == ENTITY_PERSON) {
            id = nickname_person(out, &full, &retired, name, nn);
            if (id >= 0) {
                nx_put(&full, out->v[id].name, strlen(out->v[id].name), id);
                if (!index_nickname(out, &full, name, nn, id)) {
                    free(singles.v);
                    free(people.v);
                    goto out;
                }
            }
        }
        if (id < 0) {
            id = ent_add(out, name, nn, type, c->pos);
            if (id >= 0 && dept_written(c))
                nx_put(&full, c->canon, c->canon_len, id); /* "Agriculture Department" later */
            if (id < 0 || (type == ENTITY_PERSON && !index_nickname(out, &full, name, nn, id))) {
                free(singles.v);
                free(people.v);
                goto out;
            }
            /* 'Harold "Hal" Brekke' is stored without the nickname: index
             * the stored name, and the written one too */
            size_t sl = strlen(out->v[id].name);
            nx_put(&full, out->v[id].name, sl, id);
            if (sl != nn)
                nx_put(&full, name, nn, id);
            if (type == ENTITY_PERSON) {
                const char *w;
                size_t wn;
                name_last_word(out->v[id].name, sl, &w, &wn);
                if (wn && wn < sl && nx_find(&last, w, wn) < 0)
                    nx_put(&last, w, wn, id);
                out->v[id].gender =
                    gender_of(g, name, nn, c->text + c->start, c->nstart - c->start);
            }
        }
        c->entity = id;
        if (c->acronym && nx_find(&full, c->text + c->start, c->end - c->start) < 0)
            nx_put(&full, c->text + c->start, c->end - c->start, id);
    }
    /* the lone first word of a firm found above is that firm */
    for (size_t i = 0; i < cs.n; i++) {
        const struct cand *c = &cs.v[i];
        if (!c->firm_by_first || c->entity < 0)
            continue;
        const char *sp = memchr(c->text + c->nstart, ' ', c->end - c->nstart);
        if (sp && nx_find(&full, c->text + c->nstart, (size_t)(sp - c->text - c->nstart)) < 0)
            nx_put(&full, c->text + c->nstart, (size_t)(sp - c->text - c->nstart), c->entity);
    }
    /* "Gabriela Ochoa Ruelas ... Ochoa said": a given name and two capitalised
     * words may be a double surname, whose first part alone is the person too,
     * unless some other person's name ends with it */
    for (size_t k = 0; k < out->n; k++) {
        const char *nm = out->v[k].name;
        size_t n = strlen(nm), s1, s2;
        if (out->v[k].type != ENTITY_PERSON)
            continue;
        name_spaces(nm, n, &s1, &s2);
        if (s2 >= n || memchr(nm + s2 + 1, ' ', n - s2 - 1) || s2 - s1 - 1 < 3 ||
            !ingest_cp_is_upper(ingest_cp_at(nm, n, s1 + 1)) ||
            memchr(nm + s1 + 1, '.', s2 - s1 - 1) ||
            !(given_has(g, nm, s1, INGEST_GAZ_GIVEN_MALE) ||
              given_has(g, nm, s1, INGEST_GAZ_GIVEN_FEMALE) ||
              /* "Benson Tang Ka-ho ... Tang said": an English given name,
               * the surname and a romanised given name (Hong Kong usage) */
              syllable_pair(nm + s2 + 1, n - s2 - 1)))
            continue;
        if (nx_find(&last, nm + s1 + 1, s2 - s1 - 1) < 0)
            nx_put(&last, nm + s1 + 1, s2 - s1 - 1, (int32_t)k);
    }
    /* "Lim Hock Seng ... Mr Lim", "Kwok Wai-man ... Kwok": a surname written
     * first is the person alone too, unless another's name ends with it */
    for (size_t k = 0; k < out->n; k++) {
        const char *nm = out->v[k].name;
        size_t s1 = out->v[k].type == ENTITY_PERSON ? surname_first(g, nm, strlen(nm)) : 0;
        if (s1 && nx_find(&last, nm, s1) < 0)
            nx_put(&last, nm, s1, (int32_t)k);
    }
    free(singles.v);
    free(people.v);
    if (surname_splits(&cs, g, out, &full, &last))
        goto out;
    /* the paragraph where each person was last named in full, so a surname that
     * two people share goes to the one named most recently (below) */
    size_t n_full = out->n;
    /* Names below n_full are fixed from here on: pass 2 only appends
     * (ent_add, k >= n_full) and must never rename or retype them, since
     * the shapes table below caches their words' lengths and offsets. */
    /* bare_para: where a bare surname last named each person; kin_full:
     * whether a person was named in full behind a kin noun (one block) */
    seen_para = malloc((n_full ? 3 * n_full : 1) * sizeof *seen_para);
    shapes = malloc((n_full ? (n_full < 512 ? n_full : 512) : 1) * sizeof *shapes);
    if (!seen_para || !shapes)
        goto out;
    name_shapes(out, shapes, n_full < 512 ? n_full : 512);
    int32_t *bare_para = seen_para + n_full, *kin_full = seen_para + 2 * n_full;
    for (size_t k = 0; k < n_full; k++)
        seen_para[k] = bare_para[k] = INT32_MIN, kin_full[k] = 0;
    /* pass 2: lone names join the person with that surname; a known place or
     * organisation spelled like a surname here is that person ("Lima") */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind == C_PERSON && c->entity >= 0 && (size_t)c->entity < n_full) {
            seen_para[c->entity] = c->para;
            if (c->para >= 0 && kin_before(c->text, c->start))
                kin_full[c->entity] = 1;
        }
        if ((c->kind == C_PLACE || c->kind == C_ORG) && c->entity >= 0 &&
            !memchr(c->text + c->nstart, ' ', c->end - c->nstart)) {
            int id = nx_find(&last, c->text + c->nstart, c->end - c->nstart);
            if (id >= 0)
                c->entity = id;
            continue;
        }
        if (c->kind != C_SINGLE && c->kind != C_TITLED_SINGLE)
            continue;
        const char *name = c->text + c->nstart;
        size_t nn = c->end - c->nstart;
        const char *sur = name; /* "van der Berg" is found as "Berg" */
        size_t sn = nn;
        surname_after_particles(&sur, &sn);
        int id = nx_find(&last, sur, sn);
        if (id < 0 && c->title_only)
            continue;
        if (id >= 0 && (size_t)id < n_full && c->para >= 0) {
            /* "Oskar Brandt ... Brandt said" after an Alma Brandt earlier: the
             * person with that surname named in full most recently, within
             * three paragraphs; else the first one */
            int best = id;
            int32_t best_para = seen_para[id];
            for (size_t k = 0; k < n_full && k < 512; k++) {
                if ((int)k == id || out->v[k].type != ENTITY_PERSON ||
                    seen_para[k] < c->para - 3 || seen_para[k] <= best_para)
                    continue;
                /* "Park Jae-sung ... Park said": his surname */
                if (surname_is(g, out->v[k].name, sur, sn))
                    best = (int)k, best_para = seen_para[k];
            }
            if (best != id && seen_para[id] < best_para)
                id = best;
            /* a relative named in full does not take the bare surname from
             * the person it already stood for */
            int owner = kin_full[id] ? bare_owner(out, g, bare_para, n_full, sur, sn) : -1;
            if (owner >= 0)
                id = owner;
        }
        /* "Mrs. Roe" after a split: the woman named in full, not Mr. Roe */
        int tg = cand_title_gender(g, c);
        if (id >= 0 && tg != 0 && out->v[id].type == ENTITY_PERSON && out->v[id].gender != 0 &&
            out->v[id].gender != tg) {
            int h = surname_holder(out, sur, sn, tg);
            if (h >= 0)
                id = h;
        }
        if (id >= 0 && (size_t)id < n_full && tg != 0 && c->para >= 0)
            id = titled_recent(out, g, seen_para, n_full, id, sur, sn, tg);
        /* "Mr. Roe" names him as surely as his full name would: the bare
         * "Roe" that follows is his, not the most recent full Anna Roe's */
        if (id >= 0 && (size_t)id < n_full && tg != 0 && out->v[id].gender == tg && c->para >= 0)
            seen_para[id] = c->para;
        if (id >= 0 && (size_t)id < n_full && tg == 0 && c->kind == C_SINGLE && c->para >= 0 &&
            !c->title_only)
            bare_para[id] = c->para;
        if (id < 0)
            id = nx_find(&full, name, nn);
        /* "Rosa Quispe Mamani ... Rosa says": a listed given name alone is
         * the one person named in full with it as the first name */
        if (id < 0 && !c->title_only && c->kind == C_SINGLE && nn < 40 &&
            (given_has(g, name, nn, INGEST_GAZ_GIVEN_MALE) ||
             given_has(g, name, nn, INGEST_GAZ_GIVEN_FEMALE)))
            id = person_by_first(out, shapes, name, nn, n_full);
        /* "Kittisak Chaiwattana ... Mr Kittisak": Thai news calls a person by
         * the given name behind a title; a titled word that no surname
         * claims is the one person named in full with it first */
        if (id < 0 && c->kind == C_SINGLE && nn < 40 && courtesy_before(c))
            id = person_by_first(out, shapes, name, nn, n_full);
        if (id < 0 && !c->title_only && sur == name)
            id = person_by_middle(out, g, shapes, name, nn, n_full);
        if (id < 0 && !c->title_only && c->kind == C_SINGLE)
            id = org_by_first_word(out, g, name, nn);
        if (id < 0 && c->kind == C_SINGLE && nn >= 2 && nn <= 6 && all_caps(name, nn))
            id = org_by_initials(out, name, nn, n_full);
        /* "a retired loom fixer from nearby Belmont, said": a town, though
         * a speech verb follows its appositive */
        if (id < 0 && c->kind == C_SINGLE && c->town_hint && !c->title_only &&
            name[nn - 1] != '.' && !opens_entity_name(out, name, nn)) {
            id = ent_add(out, name, nn, ENTITY_PLACE, c->pos);
            if (id < 0)
                goto out;
            nx_put(&full, out->v[id].name, nn, id);
            c->kind = C_PLACE;
        }
        /* "The Elysée said", "the Quai added": one unlisted word after "the"
         * that speaks is a body (a person takes no article; titles, "the
         * Pope", are found as such, and capitals, "the CM said", may be a
         * title's abbreviation) */
        if (id < 0 && c->kind == C_SINGLE && c->after_the && c->cue_after && !c->title_only &&
            !c->in_quote && name[nn - 1] != '.' && !all_caps(name, nn)) {
            id = ent_add(out, name, nn, ENTITY_ORGANIZATION, c->pos);
            if (id < 0)
                goto out;
            nx_put(&full, out->v[id].name, nn, id);
            c->kind = C_ORG;
            c->entity = id;
            continue;
        }
        /* "Morikawa said he had asked ...": at a sentence's start too, a
         * lone word that speaks is the one person named in full with it
         * first (below, it makes no new person there) */
        if (id < 0 && c->kind == C_SINGLE && c->cue_after && c->sent_start && !c->after_the &&
            !c->title_only && nn < 40 && !all_caps(name, nn))
            id = person_by_first(out, shapes, name, nn, n_full);
        /* "Ann Roe, of Brayford, Neb., said": an abbreviation is no person,
         * nor is "the North" */
        if (id < 0 &&
            (c->kind == C_TITLED_SINGLE || (c->cue_after && !c->sent_start) || c->age_after) &&
            !c->after_the && name[nn - 1] != '.') {
            /* "ACEA said": a lone acronym that speaks is a body, no person;
             * so is a word that says "it" of itself ("Pulsewell said it") */
            bool a_body = c->kind == C_SINGLE &&
                        ((nn >= 3 && all_caps(name, nn)) || lone_body_said(&cs, name, nn));
            /* "Chief Cabinet Secretary Sugiura Haruka ... Sugiura said": a
             * lone word that speaks or bears a title, which no surname
             * claims, is the one person named in full with it first, the
             * family name in Japanese, Chinese and Korean order (or a given
             * name the writer calls them by); a new person otherwise */
            if (!a_body && nn < 40) {
                id = person_by_first(out, shapes, name, nn, n_full);
                if (id >= 0) {
                    c->entity = id;
                    continue;
                }
            }
            if (!a_body && appositive_tail(g, c))
                continue;
            id = ent_add(out, name, nn, a_body ? ENTITY_ORGANIZATION : ENTITY_PERSON, c->pos);
            if (id < 0)
                goto out;
            nx_put(&full, out->v[id].name, nn, id);
            if (a_body) {
                c->kind = C_ORG;
                c->entity = id;
                continue;
            }
            nx_put(&last, out->v[id].name, nn, id);
            out->v[id].gender = gender_of(g, name, nn, c->text + c->start, c->nstart - c->start);
        }
        c->entity = id;
    }
    /* "a former Meridian software engineer, Daniel Sato,": a firm's lone word
     * after "a", "an" or "former" describes a person, so it names the firm
     * but is no mention that could speak */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->kind != C_SINGLE || c->entity < 0 || c->start < 3 ||
            out->v[c->entity].type != ENTITY_ORGANIZATION)
            continue;
        const char *p = c->text + c->start - 1;
        size_t back = c->start - 1;
        while (back > 0 && c->text[back - 1] != ' ')
            back--;
        size_t pn = (size_t)(p - (c->text + back));
        if (*p == ' ' && (ingest_bytes_eq(c->text + back, pn, "a") ||
                          ingest_bytes_eq(c->text + back, pn, "an") ||
                          ingest_bytes_eq(c->text + back, pn, "former")))
            c->in_title = true;
    }
    /* aliases, titles, mention counts, and the mention list for quotes */
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *c = &cs.v[i];
        if (c->entity < 0)
            continue;
        if (ent_note(&out->v[c->entity], c))
            goto out;
        if (!c->in_title && !mention_push(out, c))
            goto out;
    }
    for (size_t i = 0; i < out->n; i++) {
        if (out->v[i].mentions == 0 && out->v[i].is_author)
            out->v[i].mentions = 1; /* an author named only in the byline */
    }
    rc = 0;
out:
    free(seen_para);
    free(shapes);
    free(full.v);
    free(last.v);
    free(heads.v);
    strv_clear(&retired);
    free(cs.v);
    ingest_toks_clear(&scratch);
    return rc;
}
