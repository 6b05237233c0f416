/* headline.c: quotations in the headline and the subtitle. Headlines quote in
 * single marks and attribute in a telegraphic style ("X: 'Q'", "X says Y is 'Q'",
 * "'Q', X says", "X Slams 'Q'"), so they get their own short rules here; the
 * body's sentence, pronoun and neighbour machinery (quotes.c) does not apply.
 * Spans and cue words come from quotes.c; names are looked up in the entities
 * the article names (entities.c). */
#include "ingest_internal.h"

#include <string.h>

/* Words before a headline quotation that make it the name of a work or a thing
 * ("clip of 'The Show'", "the 'Reform' bill"), sorted. */
static const char *const title_before[] = {"in", "of", "on", "the"};

/* Longest capitalised run looked up as a name at the start of a headline. */
#define HEAD_NAME_WORDS 8
/* subject_attr and group_subject_attr read no token past this one, so for a
 * quotation starting here or later their answer does not depend on it. */
#define HEAD_SUBJ_REACH (HEAD_NAME_WORDS + 4)

/* The part being read: its text and tokens. */
struct head_attr;
struct head {
    const char *s;
    size_t n;
    struct ingest_toks toks;
    const struct ingest_ents *ents;
    const struct ingest_gaz *g;
    /* the answers of subject_attr and group_subject_attr for a quotation at
     * HEAD_SUBJ_REACH or later, worked out once (found == false: none) */
    const struct head_attr *subj_far, *group_far;
};

/* A speaker found for a quotation: entity (or -1) and the words as written. */
struct head_attr {
    bool found;
    int32_t speaker;
    size_t a, b; /* bytes of the speaker as written; a == b: none */
    const char *cue;
};

/* Records speaker id (-1: as written only) with its words at bytes [a, b). */
static bool head_attr_set(struct head_attr *at, int32_t id, size_t a, size_t b)
{
    at->found = true;
    at->speaker = id;
    at->a = a;
    at->b = b;
    return true;
}

static bool tok_cap(const struct ingest_tok *t)
{
    return t->kind == INGEST_TOK_WORD && t->quote < 0 &&
           (t->flags & (INGEST_TOKF_CAP | INGEST_TOKF_ALLCAPS));
}

static bool tok_punct(const struct ingest_tok *t, uint32_t c)
{
    return t->kind == INGEST_TOK_PUNCT && t->ch == c;
}

/* A word that is no name though capitalised: "Exclusive", "Watch", "GDP". */
static bool tok_not_name(const struct head *h, const struct ingest_tok *t)
{
    return ingest_gaz_has(h->g, h->s + t->start, t->end - t->start, INGEST_GAZ_STOPCAP) ||
           ingest_gaz_has(h->g, h->s + t->start, t->end - t->start, INGEST_GAZ_NOT_ENTITY);
}

/* The person or organisation (persons first) whose name, an alias or, for a
 * person, the surname is spelled by bytes [a, b) of the headline, or -1. Title
 * case glues words into one capitalised run ("Maria Lopez Says"), so the
 * entity stage's mentions do not mark names here; the run is looked up instead. */
static int32_t ent_named(const struct head *h, size_t a, size_t b)
{
    const struct ingest_ents *e = h->ents;
    const char *w = h->s + a;
    size_t n = b - a;
    int32_t org = -1, by_surname = -1, by_alias = -1;
    bool surname_shared = false;
    for (size_t k = 0; k < e->n && k < 512; k++) {
        const struct ingest_ent *x = &e->v[k];
        if (x->type == ENTITY_PLACE)
            continue;
        bool hit = ingest_bytes_eq(w, n, x->name);
        if (hit && x->type == ENTITY_PERSON)
            return (int32_t)k; /* a person so named beats one it is an alias of */
        for (size_t i = 0; !hit && i < x->aliases.n; i++)
            hit = ingest_bytes_eq(w, n, x->aliases.v[i]);
        if (hit && x->type == ENTITY_PERSON && by_alias < 0)
            by_alias = (int32_t)k;
        if (hit && org < 0)
            org = (int32_t)k;
        size_t nl = strlen(x->name);
        if (!hit && x->type == ENTITY_PERSON && nl > n && x->name[nl - n - 1] == ' ' &&
            memcmp(x->name + nl - n, w, n) == 0) {
            surname_shared = by_surname >= 0;
            by_surname = (int32_t)k;
        }
    }
    if (by_alias >= 0)
        return by_alias;
    /* a surname two people share names neither */
    return org >= 0 ? org : surname_shared ? -1 : by_surname;
}

/* The longest name inside the capitalised tokens [a, b) (at most 6), preferring
 * the one that ends at b (anchor_end) or starts at a; fills at. */
static bool run_name(const struct head *h, size_t a, size_t b, bool anchor_end,
                     struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    if (b > a + 6)
        a = anchor_end ? b - 6 : a, b = anchor_end ? b : a + 6;
    for (size_t len = b - a; len > 0; len--) {
        size_t i = anchor_end ? b - len : a;
        int32_t id = ent_named(h, t[i].start, t[i + len - 1].end);
        if (id >= 0) {
            return head_attr_set(at, id, t[i].start, t[i + len - 1].end);
        }
    }
    return false;
}

/* Words that join a second verb to the headline's subject: "..., but warns". */
static const char *const coordinators[] = {"also", "and", "but", "then", "yet"};

static bool subject_attr(const struct head *h, size_t q0, struct head_attr *at);

/* Words of a role description that say nothing about who ("the outgoing
 * premier"), sorted. */
static const char *const role_modifiers[] = {
    "current", "embattled", "former", "incoming", "new", "outgoing", "the", "then", "top",
};

/* True when title tt holds the word w/wn (whole words, case aside); with last,
 * only as its last word. */
static bool title_holds(const char *tt, const char *w, size_t wn, bool last)
{
    size_t tl = strlen(tt), i = 0;
    while (i < tl) {
        size_t j = i;
        while (j < tl && tt[j] != ' ')
            j++;
        bool same = (!last || j == tl) && j - i == wn;
        for (size_t c = 0; same && c < wn; c++) {
            char x = tt[i + c], y = w[c];
            same = (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
        }
        if (same)
            return true;
        i = j + 1;
    }
    return false;
}

/* "Energy secretary says ...", "the board's chair calls ...": the one person
 * the article records with a title that ends with the description's last
 * word and holds each of its other words (an owner's noun counts as a word:
 * "board" of "Board Chair"); -1 when nobody or more than one person holds
 * such a title, so "the press secretary" is not a "Defense Secretary". The
 * words are tokens [a, k) of the headline. */
static int32_t role_holder(const struct head *h, size_t a, size_t k)
{
    const struct ingest_tok *t = h->toks.v;
    size_t w[4], nw = 0;
    for (size_t i = a; i < k; i++) {
        if (t[i].kind != INGEST_TOK_WORD || t[i].quote >= 0)
            return -1;
        if (ingest_word_in(role_modifiers, sizeof role_modifiers / sizeof *role_modifiers,
                           h->s + t[i].start, t[i].end - t[i].start))
            continue;
        if (nw == 4)
            return -1;
        w[nw++] = i;
    }
    if (nw == 0 || (t[w[nw - 1]].flags & INGEST_TOKF_POSS))
        return -1;
    int32_t who = -1;
    for (size_t e = 0; e < h->ents->n && e < 512; e++) {
        const struct ingest_ent *x = &h->ents->v[e];
        if (x->type != ENTITY_PERSON)
            continue;
        for (size_t ti = 0; ti < x->titles.n; ti++) {
            const char *tt = x->titles.v[ti];
            bool all = true;
            for (size_t i = 0; i < nw && all; i++)
                all = title_holds(tt, h->s + t[w[i]].start, t[w[i]].end - t[w[i]].start,
                                  i + 1 == nw);
            if (!all)
                continue;
            if (who >= 0 && who != (int32_t)e)
                return -1;
            who = (int32_t)e;
        }
    }
    return who;
}

/* "X says", "'Q', X says", "says X", from token from on: the speaker of the first
 * reporting verb with a name right before it (or right after it). A capitalised
 * run that names no entity counts as written when it opens a clause ("Critics
 * Say ..."). Participles ("Mayor Asking ...") are no headline cues. */
static bool cue_attr(const struct head *h, size_t from, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    size_t len;
    for (size_t k = from; k < h->toks.n; k++) {
        const char *cue = ingest_cue_is_at(h->s, &h->toks, k, &len);
        size_t cl = cue ? strlen(cue) : 0;
        if (!cue || (cl > 3 && memcmp(cue + cl - 3, "ing", 3) == 0))
            continue;
        /* "Fees likened to 'X'", "Plan described by critics as 'X'": passive */
        if (k + len < h->toks.n &&
            (ingest_tok_ieq(h->s, &t[k + len], "to") || ingest_tok_ieq(h->s, &t[k + len], "by") ||
             ingest_tok_ieq(h->s, &t[k + len], "as")))
            continue;
        size_t a = k;
        while (a > from && k - a < 6 && tok_cap(&t[a - 1]) && !(t[a - 1].flags & INGEST_TOKF_POSS))
            a--;
        if (a < k && run_name(h, a, k, true, at)) {
            at->cue = cue;
            return true;
        }
        size_t b = k + len;
        while (b < h->toks.n && b - (k + len) < 6 && tok_cap(&t[b]))
            b++;
        if (b > k + len && run_name(h, k + len, b, false, at)) {
            at->cue = cue;
            return true;
        }
        /* no name: the words before the verb as written ("officials say") */
        a = k;
        while (a > from && k - a < 6 && t[a - 1].quote < 0 &&
               (t[a - 1].kind == INGEST_TOK_WORD || tok_punct(&t[a - 1], '\'') ||
                tok_punct(&t[a - 1], 0x2019)))
            a--;
        if (a < k && t[a].kind == INGEST_TOK_PUNCT)
            a++;
        size_t a0 = a; /* the clause opens here: "His lawyer calls it" */
        /* (a capitalised common word is no name, but a plural one right
         * before the verb is its subject: "Critics warn of 'Q'") */
        while (a < k &&
               (ingest_word_in(coordinators, sizeof coordinators / sizeof *coordinators,
                               h->s + t[a].start, t[a].end - t[a].start) ||
                (tok_not_name(h, &t[a]) && !(a + 1 == k && h->s[t[a].end - 1] == 's'))))
            a++;
        if (a == k && k > from && t[k - 1].kind == INGEST_TOK_WORD) {
            /* "X survives the vote, but warns ...": the headline's subject */
            if (h->subj_far->found) {
                *at = *h->subj_far;
                at->cue = cue;
                return true;
            }
            continue;
        }
        /* (the clause opens after a mark, before any coordinator the loop
         * above stepped over: ", but the Treasurer insists") */
        if (a < k && (a0 == 0 || (from > 0 && a0 == from) || t[a0 - 1].quote >= 0 ||
                      (t[a0 - 1].kind == INGEST_TOK_PUNCT &&
                       (t[a0 - 1].ch == ',' || t[a0 - 1].ch == ';' || t[a0 - 1].ch == ':')))) {
            size_t w0 = from > 0 && a0 == from ? a0 : a;
            at->found = true;
            at->speaker = role_holder(h, w0, k); /* (-1: nobody holds the role) */
            at->a = t[w0].start; /* "His lawyer" as written */
            at->b = t[k - 1].end;
            at->cue = cue;
            return true;
        }
    }
    return false;
}

/* "X: ..." with a short lead before the colon: the first person or organisation
 * named in it, else a short capitalised lead as written. *colon is the colon
 * token (toks.n when none). */
static bool colon_attr(const struct head *h, size_t *colon, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    size_t c = 0, words = 0;
    *colon = h->toks.n;
    while (c < h->toks.n && t[c].quote < 0 && !tok_punct(&t[c], ':') && words <= 8) {
        if (t[c].kind == INGEST_TOK_WORD)
            words++;
        c++;
    }
    if (c == 0 || c >= h->toks.n || !tok_punct(&t[c], ':') || words > 8)
        return false;
    *colon = c;
    for (size_t i = 0; i < c; i++) {
        if (!tok_cap(&t[i]))
            continue;
        size_t j = i;
        while (j < c && tok_cap(&t[j]))
            j++;
        if (run_name(h, i, j, false, at))
            return true;
        i = j;
    }
    if (c > 4)
        return false;
    for (size_t i = 0; i < c; i++)
        if (!tok_cap(&t[i]) || tok_not_name(h, &t[i]))
            return false;
    return head_attr_set(at, -1, t[0].start, t[c - 1].end);
}

/* The person the article is about: the one with the most mentions, at
 * least four and half as many again as any other person; or, with fewer
 * (a namesake introduced later takes some of the bare surnames), the
 * person named first, when no one else is named as often; -1 when none. */
static int32_t head_protagonist(const struct ingest_ents *e)
{
    struct ingest_lead l;
    ingest_people_lead(e, true, &l);
    if (ingest_lead_dominates(e, &l))
        return l.best;
    return l.best >= 0 && l.best == l.first && e->v[l.best].mentions >= 3 &&
                   e->v[l.best].mentions > l.second
               ? l.best
               : -1;
}

/* "'I write the villain first': novelist X on her new thriller": a headline
 * that opens with quotation qi and a colon gives it to the first person or
 * organisation named in the eight words after the colon (interview and
 * profile headlines). */
static bool quote_lead_attr(const struct head *h, size_t qi, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    size_t c = 0;
    while (c < h->toks.n && t[c].quote == (int32_t)qi)
        c++;
    if (c == 0 || c >= h->toks.n || !tok_punct(&t[c], ':'))
        return false;
    size_t words = 0;
    for (size_t i = c + 1; i < h->toks.n && words < 8 && t[i].quote < 0; i++) {
        if (t[i].kind == INGEST_TOK_WORD)
            words++;
        if (!tok_cap(&t[i]))
            continue;
        size_t j = i;
        while (j < h->toks.n && tok_cap(&t[j]) && t[j].quote < 0)
            j++;
        if (run_name(h, i, j, false, at) && at->speaker >= 0)
            return true;
        *at = (struct head_attr){0};
        i = j - 1;
    }
    /* "'Q': a Galway scientist on the seaweed boom": a description with no
     * name is the person the interview is about, the article's one
     * dominant person */
    int32_t who = c + 1 < h->toks.n && (ingest_tok_ieq(h->s, &t[c + 1], "a") ||
                                        ingest_tok_ieq(h->s, &t[c + 1], "an"))
                      ? head_protagonist(h->ents)
                      : -1;
    if (who < 0)
        return false;
    size_t e = c + 1; /* (the description as written, up to "on ...") */
    while (e < h->toks.n && e < c + 9 && t[e].quote < 0 && !ingest_tok_ieq(h->s, &t[e], "on") &&
           !ingest_tok_ieq(h->s, &t[e], "about") && !tok_punct(&t[e], ','))
        e++;
    return head_attr_set(at, who, t[c + 1].start, t[e - 1].end);
}

/* A person who opens the headline as its subject ("Sen. X Slams ..."): only
 * titles before the name, and a word (the verb) after it. */
static bool subject_attr(const struct head *h, size_t q0, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    size_t a = 0;
    while (a < q0 && a < 3 && tok_cap(&t[a]) &&
           ((t[a].flags & INGEST_TOKF_ABBR) ||
            ingest_gaz_has(h->g, h->s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_TITLE) ||
            ingest_gaz_has(h->g, h->s + t[a].start, t[a].end - t[a].start, INGEST_GAZ_TITLE_MOD)))
        a++;
    size_t b = a;
    while (b < q0 && b - a < HEAD_NAME_WORDS && tok_cap(&t[b]) && !(t[b].flags & INGEST_TOKF_POSS))
        b++;
    if (b == a)
        return false;
    /* the name from the start of the run, then the verb after it */
    for (size_t e = b; e > a; e--) {
        int32_t id = ent_named(h, t[a].start, t[e - 1].end);
        if (id < 0)
            continue;
        if (e >= q0 || t[e].kind != INGEST_TOK_WORD || t[e].quote >= 0)
            continue; /* "X Speaks" glued into one name by title case */
        if (h->ents->v[id].type != ENTITY_PERSON)
            return false;
        return head_attr_set(at, id, t[a].start, t[e - 1].end);
    }
    return false;
}

/* The owner named in the possessive that ends at token e - 1 ("Roe's",
 * "Ann Roe's"), its words going back no further than token lo: the first
 * entity that a run of its last words names, unless a place. Sets at. */
static bool possessive_owner(const struct head *h, size_t lo, size_t e, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    if (e == 0 || !(t[e - 1].flags & INGEST_TOKF_POSS) || !tok_cap(&t[e - 1]))
        return false;
    size_t a = e - 1;
    while (a > lo && e - a < HEAD_NAME_WORDS && tok_cap(&t[a - 1]) &&
           !(t[a - 1].flags & INGEST_TOKF_POSS) && t[a - 1].quote < 0)
        a--;
    for (; a < e; a++) {
        int32_t id = ent_named(h, t[a].start, t[e - 1].end);
        if (id < 0)
            continue;
        if (h->ents->v[id].type == ENTITY_PLACE)
            return false;
        return head_attr_set(at, id, t[a].start, t[e - 1].end);
    }
    return false;
}

/* "Fact Check: Stroud's Claim That Wind 'Killed Jobs' Is False": a person or
 * organisation in the possessive before a noun of speech, up to eight words
 * before the quotation, owns it. */
static bool claim_owner_attr(const struct head *h, size_t q0, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    for (size_t k = q0; k > 1 && q0 - k < 8; k--) {
        const struct ingest_tok *w = &t[k - 1];
        if (w->quote >= 0 || !ingest_claim_noun(h->s + w->start, w->end - w->start))
            continue;
        /* the noun introduces the quotation: right before it, or "Claim That",
         * "Claim Of"; not "Roe's Remarks Overshadowed as Lee Unveils 'Q'" */
        if (k < q0 && !ingest_tok_ieq(h->s, &t[k], "that") && !ingest_tok_ieq(h->s, &t[k], "of"))
            return false;
        return possessive_owner(h, 0, k - 1, at);
    }
    return false;
}

/* Labels that open a fact check's headline before its colon, sorted. */
static const char *const check_labels[] = {
    "claim check", "fact check", "fact-check", "factcheck", "reality check",
};

/* "Fact check: Roe's '100 new schools' and Lee's 'crime has doubled'": after
 * a fact check's label a quotation right after a possessive name is that
 * person's or organisation's claim, the thing checked, not a work's title
 * as "X's 'Film'" elsewhere is. colon is the label's colon token. */
static bool check_owner_attr(const struct head *h, size_t colon, size_t q0, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    if (colon == 0 || colon >= h->toks.n || q0 <= colon + 1 ||
        !ingest_word_in(check_labels, sizeof check_labels / sizeof *check_labels,
                        h->s + t[0].start, t[colon - 1].end - t[0].start))
        return false;
    return t[q0 - 1].quote < 0 && possessive_owner(h, colon + 1, q0, at);
}

/* Present-tense verbs a headline uses to report or judge somebody's words, both
 * numbers ("Fishermen Slam", "Skipper Reveals"), sorted. */
static const char *const head_verbs[] = {
    "accuse",   "accuses",  "blame",   "blames",   "blast",    "blasts",   "condemn",
    "condemns", "decries",  "decry",   "denounce", "denounces", "deride",  "derides",
    "mock",     "mocks",    "rallies", "rally",  "reveal",   "reveals",  "rip",
    "rips",     "slam",     "slams",   "urge",     "urges",    "vow",      "vows",
    "warn",     "warns",
};

/* A group or a role that opens the headline as written, names nobody, and
 * reports or judges the quotation with one of head_verbs ("Angry Fishermen Slam
 * 'Betrayal' Over Plan", "Veteran Skipper Reveals 'Grim' Years"): its words as
 * written, with no entity, because a capitalised common noun is a description
 * (the body names the person, if anyone). Up to four capitalised words, no
 * name or stop word among them, and the verb before the quotation. */
static bool group_subject_attr(const struct head *h, size_t q0, struct head_attr *at)
{
    const struct ingest_tok *t = h->toks.v;
    size_t v = 0;
    while (v < q0 && v < 4 && tok_cap(&t[v]) && !(t[v].flags & INGEST_TOKF_POSS) &&
           !tok_not_name(h, &t[v]) &&
           !ingest_word_in(head_verbs, sizeof head_verbs / sizeof *head_verbs, h->s + t[v].start,
                           t[v].end - t[v].start))
        v++;
    if (v == 0 || v >= q0 || t[v].kind != INGEST_TOK_WORD || t[v].quote >= 0 ||
        !ingest_word_in(head_verbs, sizeof head_verbs / sizeof *head_verbs, h->s + t[v].start,
                        t[v].end - t[v].start))
        return false;
    /* a named subject belongs to subject_attr (and may be no person) */
    for (size_t a = 0; a < v; a++)
        for (size_t e = v; e > a; e--)
            if (ent_named(h, t[a].start, t[e - 1].end) >= 0)
                return false;
    return head_attr_set(at, -1, t[0].start, t[v - 1].end);
}

/* Words that head a group though they do not end in a plural s ("police
 * say", "staff warn"), and pronouns of more than one, sorted. */
static const char *const group_heads[] = {
    "clergy", "crew", "faculty", "folk", "people", "police", "public", "staff", "they", "we",
};

/* True when the subject as written at bytes [a, b) of the headline is one
 * holder: a singular role ("Perth miner", "agency chief", "Telvara boss", "as
 * CEO"), a title ("President warns") or a place ("Ghana insists"). Not a
 * group ("Riders", "Wildlife carers", "Union and company"), and not a name
 * the entity stage did not know: a capitalised head word after other words
 * ("Royal College of Nursing"), or one capitalised word alone that is no
 * place or title ("Operator", a bare surname), which the dev set keeps as
 * written. A headline names one person by role for brevity, and the body
 * names that person; a group stays as written. */
static bool subject_one(const struct head *h, size_t a, size_t b)
{
    const char *s = h->s;
    size_t w0 = a, w1 = a; /* the last word */
    bool alone = true;
    for (size_t i = a; i < b;) {
        if (!ingest_cp_is_wordch((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < b && (ingest_cp_is_wordch((unsigned char)s[j]) || s[j] == '-'))
            j++;
        if (j - i == 3 && ingest_ascii_ifind(s + i, 3, "and") == 0)
            return false;
        alone = w1 == a;
        w0 = i, w1 = j;
        i = j;
    }
    size_t n = w1 - w0;
    if (n == 0 || ingest_word_in(group_heads, sizeof group_heads / sizeof *group_heads, s + w0, n))
        return false;
    /* (an acronym is a role: "as CEO vows") */
    bool capital = n > 1 && s[w0] >= 'A' && s[w0] <= 'Z' && s[w0 + 1] >= 'a' && s[w0 + 1] <= 'z';
    if (capital && (!alone || (!ingest_gaz_has(h->g, s + w0, n, INGEST_GAZ_PLACE) &&
                               !ingest_gaz_has(h->g, s + w0, n, INGEST_GAZ_TITLE))))
        return false;
    char z = s[w1 - 1], y = n > 1 ? s[w1 - 2] : 0;
    /* a plural s, not "boss", "census", "analysis" */
    return !((z == 's' || z == 'S') && y != 's' && y != 'S' && y != 'u' && y != 'i');
}

/* The name of a work or a thing rather than somebody's words: after a possessive
 * or an article or preposition ("X's 'Film'", "clip of 'Show'"). */
static bool title_shaped(const struct head *h, size_t q0)
{
    if (q0 == 0)
        return false;
    const struct ingest_tok *b = &h->toks.v[q0 - 1];
    if (b->quote >= 0 || b->kind != INGEST_TOK_WORD)
        return false;
    return (b->flags & INGEST_TOKF_POSS) ||
           ingest_word_in(title_before, sizeof title_before / sizeof *title_before, h->s + b->start,
                          b->end - b->start);
}

/* Words after a short quotation that leave it a quotation ("'Q' if ..."). */
static const char *const scare_after_ok[] = {
    "after", "as", "at", "for", "from", "if", "in", "of", "on", "over", "to", "with",
};
/* Words before a quotation that mark the writer's distance: so-called "X". */
static const char *const distance_before[] = {
    "dubbed", "entitled", "nicknamed", "so-called", "titled",
};

/* The writer's distance rather than somebody's words: so-called 'X', or, with
 * no speaker, a short span that modifies the lower-case noun after it ("goes
 * into 'damage control' mode"). Title case hides that noun, so a capitalised
 * word after the span proves nothing. */
static bool distanced(const struct head *h, size_t qi, size_t q0, bool attributed)
{
    const struct ingest_tok *t = h->toks.v;
    if (q0 > 0 && t[q0 - 1].quote < 0 && t[q0 - 1].kind == INGEST_TOK_WORD &&
        ingest_word_in(distance_before, sizeof distance_before / sizeof *distance_before,
                       h->s + t[q0 - 1].start, t[q0 - 1].end - t[q0 - 1].start))
        return true;
    if (attributed)
        return false;
    size_t k = q0, words = 0;
    while (k < h->toks.n && t[k].quote == (int32_t)qi) {
        words += t[k].kind != INGEST_TOK_PUNCT;
        k++;
    }
    /* "Torches Democrats' Election 'Modernization' Bill": a word of a
     * law's name held in marks; the law noun shows even in title case */
    static const char *const law_nouns[] = {"act", "bill"}; /* sorted */
    if (words <= 3 && k < h->toks.n && t[k].quote < 0 && t[k].kind == INGEST_TOK_WORD &&
        (t[k].flags & INGEST_TOKF_CAP) &&
        ingest_word_in(law_nouns, sizeof law_nouns / sizeof *law_nouns, h->s + t[k].start,
                       t[k].end - t[k].start))
        return true;
    return words <= 3 && k < h->toks.n && t[k].quote < 0 && t[k].kind == INGEST_TOK_WORD &&
           (t[k].flags & INGEST_TOKF_LOWER) &&
           !ingest_word_in(scare_after_ok, sizeof scare_after_ok / sizeof *scare_after_ok,
                           h->s + t[k].start, t[k].end - t[k].start);
}

int ingest_quotes_head(const char *s, int part, const struct ingest_ents *ents,
                       const struct ingest_gaz *g, struct ingest_qs *out)
{
    struct ingest_qspan *spans = NULL;
    size_t n_spans = 0;
    bool carry = false;
    int rc = INGEST_ERR_NOMEM;
    size_t *first = NULL;
    struct head_attr subj_far = {0}, group_far = {0};
    struct head h = {s, s ? strlen(s) : 0, {0}, ents, g, &subj_far, &group_far};
    if (!s || !*s)
        return 0;
    if (ingest_qspans_find(s, h.n, &carry, &spans, &n_spans) ||
        ingest_qspans_single(s, h.n, h.n, false, false, &spans, &n_spans))
        goto out;
    rc = 0;
    if (n_spans == 0)
        goto out;
    rc = INGEST_ERR_NOMEM;
    if (!ingest_toks_build(s, h.n, spans, n_spans, &h.toks))
        goto out;
    /* the first token of each quotation, in one pass: a title of thousands of
     * quotations (a record's "title" may be as long as the body cap) would
     * otherwise be searched from its start once per quotation */
    first = malloc(n_spans * sizeof *first);
    if (!first)
        goto out;
    for (size_t qi = 0; qi < n_spans; qi++)
        first[qi] = h.toks.n;
    for (size_t k = h.toks.n; k > 0; k--)
        if (h.toks.v[k - 1].quote >= 0 && (size_t)h.toks.v[k - 1].quote < n_spans)
            first[h.toks.v[k - 1].quote] = k - 1;
    if (!subject_attr(&h, h.toks.n, &subj_far))
        subj_far = (struct head_attr){0};
    if (!group_subject_attr(&h, h.toks.n, &group_far))
        group_far = (struct head_attr){0};
    size_t colon;
    struct head_attr by_colon = {0}, by_cue = {0};
    bool has_colon = colon_attr(&h, &colon, &by_colon);
    bool has_cue = cue_attr(&h, colon < h.toks.n ? colon + 1 : 0, &by_cue);
    struct head_attr own = {0}, clause = {0};
    size_t scan = 0, s0 = 0, own_from = SIZE_MAX, c0 = 0, clause_from = SIZE_MAX;
    bool own_ok = false, clause_ok = false;
    int clauses = 0; /* clause cues searched: a headline has few */
    for (size_t qi = 0; qi < n_spans; qi++) {
        size_t q0 = first[qi];
        if (q0 == h.toks.n)
            continue;
        struct head_attr at = {0};
        bool after_colon = colon < h.toks.n && q0 > colon;
        /* "X says Y sold a contract. His lawyer calls it 'Q'": a quotation in
         * a later sentence has that sentence's cue */
        for (; scan <= q0; scan++) {
            if (scan == 0 || h.toks.v[scan].sent != h.toks.v[scan - 1].sent)
                s0 = c0 = scan; /* one pass over the tokens in all */
            else if (tok_punct(&h.toks.v[scan - 1], ';') && h.toks.v[scan - 1].quote < 0)
                c0 = scan;
        }
        if (s0 != own_from && h.toks.v[q0].sent <= 3) { /* a headline's few sentences */
            own_from = s0;
            own_ok = s0 > 0 && (colon >= h.toks.n || s0 > colon) && cue_attr(&h, s0, &own);
        }
        /* "X admits delay at hearing; Y says bill 'done and dusted'": a
         * clause after a semicolon has its own cue */
        if (c0 > s0 && c0 != clause_from && h.toks.v[q0].sent <= 3 && clauses < 4) {
            clauses++;
            clause_from = c0;
            clause_ok = (colon >= h.toks.n || c0 > colon) && cue_attr(&h, c0, &clause);
        }
        if (c0 > s0 && c0 == clause_from && clause_ok)
            at = clause;
        else if (s0 == own_from && own_ok)
            at = own;
        else if (has_cue)
            at = by_cue; /* searched after the colon, when there is one */
        else if (claim_owner_attr(&h, q0, &at))
            ; /* "X's claim that ... 'Q'" */
        else if (check_owner_attr(&h, colon, q0, &at))
            ; /* "Fact check: X's 'Q'" */
        else if (has_colon && after_colon)
            at = by_colon;
        else if (q0 == 0 && quote_lead_attr(&h, qi, &at))
            ; /* "'Q': novelist X on ..." */
        else if (title_shaped(&h, q0))
            continue;
        else if (q0 >= HEAD_SUBJ_REACH)
            at = subj_far.found ? subj_far : group_far;
        else if (!subject_attr(&h, q0, &at))
            group_subject_attr(&h, q0, &at);
        if (distanced(&h, qi, q0, at.found))
            continue;
        struct ingest_q o = {0};
        o.para = part;
        o.start = spans[qi].start;
        o.end = spans[qi].end;
        o.kind = (q0 == 0 || (colon < h.toks.n && q0 == colon + 1)) ? QUOTE_FULL : QUOTE_PARTIAL;
        o.speaker = at.found ? at.speaker : -1;
        o.subj_para = -1;
        o.subj_head = at.found && at.a < at.b;
        o.subj_start = at.a;
        o.subj_end = at.b;
        o.subj_one = at.found && at.speaker < 0 && at.a < at.b && subject_one(&h, at.a, at.b);
        o.cue = at.cue;
        if (out->n == out->cap) {
            size_t cap = out->cap ? out->cap * 2 : 4;
            struct ingest_q *v = realloc(out->v, cap * sizeof *v);
            if (!v)
                goto out;
            out->v = v;
            out->cap = cap;
        }
        out->v[out->n++] = o;
    }
    rc = 0;
out:
    free(first);
    ingest_toks_clear(&h.toks);
    free(spans);
    return rc;
}

bool ingest_headline_lists_sorted(void)
{
    return ingest_words_sorted(check_labels, sizeof check_labels / sizeof *check_labels) &&
           ingest_words_sorted(head_verbs, sizeof head_verbs / sizeof *head_verbs);
}
