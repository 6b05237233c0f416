/* pipeline.c: ingest_run, the one entry point that chains the stages: validate ->
 * normalise -> structure (or title + body) -> quotation spans and tokens ->
 * entities -> quotes and speakers -> struct article. It owns the per-run state
 * (gazetteer table, paragraph tokens) and frees it; the stages do the work. */
#include "ingest_internal.h"

#include <ctype.h>

#include <string.h>

/* Minimum shape of an article: one paragraph that reads like sentences. */
#define INGEST_MIN_PARA_WORDS 6
#define INGEST_MIN_BODY_WORDS 12
/* Longest single-quoted quotation taken from the body, in bytes (a few
 * sentences): an opening mark left unmatched must not swallow a paragraph. */
#define INGEST_SINGLE_QUOTE_MAX 600

struct run {
    struct ingest_gaz gaz;
    struct ingest_doc doc;
    struct ingest_para *paras;
    size_t n_paras;
    struct ingest_ents ents;
    struct ingest_qs qs;  /* body */
    struct ingest_qs hqs; /* headline, then subtitle */
};

static void run_clear(struct run *r)
{
    for (size_t i = 0; r->paras && i < r->n_paras; i++) {
        free(r->paras[i].spans);
        free(r->paras[i].cue);
        ingest_toks_clear(&r->paras[i].toks);
    }
    free(r->paras);
    ingest_ents_clear(&r->ents);
    free(r->qs.v);
    free(r->hqs.v);
    ingest_doc_clear(&r->doc);
    ingest_gaz_clear(&r->gaz);
    memset(r, 0, sizeof *r);
}

static bool str_ok(const char *s)
{
    return !s || ingest_text_is_valid(s, strlen(s));
}

/* Normalised copy of s (NULL stays NULL); false when memory runs out. */
static bool normalized(const char *s, char **out)
{
    struct buf b = {0};
    *out = NULL;
    if (!s)
        return true;
    if (!ingest_text_normalize(s, strlen(s), &b)) {
        buf_clear(&b);
        return false;
    }
    *out = buf_take(&b);
    return *out != NULL;
}

/* A normalised one-line copy (newlines become spaces), for titles. */
static bool one_line(char *s)
{
    if (!s)
        return true;
    for (char *p = s; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return true;
}

/* True when s holds at least one letter or digit (stops at the first). */
static bool has_word_char(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n)
        if (ingest_cp_is_wordch(ingest_utf8_next(s, n, &i)))
            return true;
    return false;
}

static bool has_article_shape(const struct ingest_doc *d)
{
    size_t total = 0;
    bool sentence = false;
    for (size_t i = 0; i < d->paragraphs.n && !(sentence && total >= INGEST_MIN_BODY_WORDS); i++) {
        const char *p = d->paragraphs.v[i];
        size_t n = strlen(p);
        size_t w = ingest_words_count(p, n);
        total += w;
        if (w >= INGEST_MIN_PARA_WORDS) {
            /* some sentence punctuation in it */
            for (size_t k = 0; k < n && !sentence; k++)
                if (p[k] == '.' || p[k] == '!' || p[k] == '?')
                    sentence = true;
            if (!sentence && n >= 3 && (unsigned char)p[n - 3] == 0xE2 &&
                (unsigned char)p[n - 2] == 0x80 && (unsigned char)p[n - 1] == 0xA6)
                sentence = true; /* ends with an ellipsis */
        }
    }
    return sentence && total >= INGEST_MIN_BODY_WORDS;
}

/* Joins the paragraphs into the body and records where each one starts. */
static int body_build(const struct ingest_doc *d, char **body, size_t *starts)
{
    struct buf b = {0};
    for (size_t i = 0; i < d->paragraphs.n; i++) {
        if (i && !buf_append(&b, "\n\n", 2))
            goto nomem;
        starts[i] = b.len;
        if (!buf_puts(&b, d->paragraphs.v[i]))
            goto nomem;
    }
    *body = buf_take(&b);
    return *body ? 0 : INGEST_ERR_NOMEM;
nomem:
    buf_clear(&b);
    return INGEST_ERR_NOMEM;
}

/* Whether the body quotes in single marks (British house style): at least one
 * single-quoted span next to a reporting verb, and no double marks or, since
 * British copy still puts a quotation inside a quotation or a term in double
 * marks, at least three marks that open a single quotation and three times as
 * many as double-quoted spans (which then stay inside the single ones). Then every single-quoted span is a candidate, as double
 * ones are elsewhere, so a quotation continued after "said X." or a partial
 * after "called" is found too; the attribution rules drop scare quotes and
 * titles as they do for double marks. The paragraphs hold the spans found
 * with the verb test. */
static bool paras_single_style(const struct run *r)
{
    size_t cued = 0, doubles = 0;
    for (size_t i = 0; i < r->n_paras; i++)
        for (size_t k = 0; k < r->paras[i].n_spans; k++) {
            if (r->paras[i].spans[k].single)
                cued++;
            else
                doubles++;
        }
    if (cued == 0 || doubles == 0)
        return cued > 0;
    size_t opens = 0;
    for (size_t i = 0; i < r->n_paras; i++)
        opens += ingest_single_opens_count(r->paras[i].s, r->paras[i].n);
    return opens >= 3 && doubles * 3 <= opens;
}

/* A paragraph shaped like a heading (a live blog's entry heading, kept by
 * structure.c for the words it quotes): up to 160 bytes, ending in a letter
 * or digit, closing marks aside. Its single marks are quotation marks, as in
 * a headline. */
static bool heading_para(const struct ingest_para *p)
{
    size_t n = p->n;
    if (n == 0 || n > 160)
        return false;
    for (;;) {
        if (n >= 1 && (p->s[n - 1] == '\'' || p->s[n - 1] == '"')) {
            n--;
            continue;
        }
        if (n >= 3 && (unsigned char)p->s[n - 3] == 0xE2 && (unsigned char)p->s[n - 2] == 0x80 &&
            ((unsigned char)p->s[n - 1] == 0x99 || (unsigned char)p->s[n - 1] == 0x9D)) {
            n -= 3;
            continue;
        }
        break;
    }
    return n > 0 && isalnum((unsigned char)p->s[n - 1]);
}

static int paras_prepare(struct run *r)
{
    size_t n = r->doc.paragraphs.n;
    r->paras = calloc(n ? n : 1, sizeof *r->paras);
    if (!r->paras)
        return INGEST_ERR_NOMEM;
    r->n_paras = n;
    bool carry = false;
    for (size_t i = 0; i < n; i++) {
        struct ingest_para *p = &r->paras[i];
        p->s = r->doc.paragraphs.v[i];
        p->n = strlen(p->s);
        if (ingest_qspans_find(p->s, p->n, &carry, &p->spans, &p->n_spans))
            return INGEST_ERR_NOMEM;
        p->ends_open = carry;
        ingest_qspans_drop_nicknames(p->s, p->n, &r->gaz, p->spans, &p->n_spans);
        bool heading = p->n_spans == 0 && heading_para(p);
        p->heading = heading;
        if (ingest_qspans_single(p->s, p->n, INGEST_SINGLE_QUOTE_MAX, !heading, false, &p->spans,
                                 &p->n_spans))
            return INGEST_ERR_NOMEM;
    }
    if (paras_single_style(r))
        for (size_t i = 0; i < n; i++) {
            /* only single spans are here: find them again without the verb test */
            struct ingest_para *p = &r->paras[i];
            p->n_spans = 0;
            /* "... he told the BBC. ‘Growth for whom? ¶ ‘If you ask ...’": a
             * quotation left open runs on when the next paragraph opens with
             * a single mark */
            const char *nx = i + 1 < n ? r->paras[i + 1].s : "";
            bool runs_on = nx[0] == '\'' || strncmp(nx, "\xE2\x80\x98", 3) == 0;
            bool carried = i > 0 && r->paras[i - 1].ends_open;
            if (ingest_qspans_single(p->s, p->n, INGEST_SINGLE_QUOTE_MAX, false, runs_on,
                                     &p->spans, &p->n_spans))
                return INGEST_ERR_NOMEM;
            if (carried && p->n_spans && p->spans[0].open < 4)
                p->spans[0].continued = true;
            p->ends_open = p->n_spans && !p->spans[p->n_spans - 1].closed;
        }
    for (size_t i = 0; i < n; i++) {
        struct ingest_para *p = &r->paras[i];
        size_t ll, ts;
        if (p->n_spans == 0 && !p->ends_open && (ts = ingest_transcript_label(p->s, p->n, &ll))) {
            /* "OKAFOR: No. ...": a transcript line, quoted without marks */
            free(p->spans);
            p->spans = malloc(sizeof *p->spans);
            if (!p->spans)
                return INGEST_ERR_NOMEM;
            p->spans[0] = (struct ingest_qspan){0, 0, p->n, p->n, true, false, false, false, true};
            p->n_spans = 1;
        }
        if (!ingest_toks_build(p->s, p->n, p->spans, p->n_spans, &p->toks))
            return INGEST_ERR_NOMEM;
    }
    return 0;
}

/* Fills o from q: text and offsets from the string src, where q's bytes point
 * (cur counts code points in it), speaker and cue. */
static int quote_fill(struct run *r, const struct ingest_q *q, const char *src,
                      struct ingest_cp_cursor *cur, size_t base, struct quote *o)
{
    o->paragraph = q->para;
    o->kind = q->kind;
    if (!(o->text = util_strndup(src + q->start, q->end - q->start)))
        return INGEST_ERR_NOMEM;
    o->start = ingest_cp_cursor_at(cur, base + q->start);
    o->end = ingest_cp_cursor_at(cur, base + q->end);
    if (q->cue && !(o->cue = util_strdup(q->cue)))
        return INGEST_ERR_NOMEM;
    if (q->speaker >= 0) {
        const struct ingest_ent *e = &r->ents.v[q->speaker];
        if (!(o->speaker_name = util_strdup(e->name)))
            return INGEST_ERR_NOMEM;
        o->speaker_type = e->type;
    }
    if (q->subj_head) {
        if (!(o->speaker_text = util_strndup(src + q->subj_start, q->subj_end - q->subj_start)))
            return INGEST_ERR_NOMEM;
    } else if (q->subj_para >= 0) {
        const struct ingest_para *sp = &r->paras[q->subj_para];
        o->speaker_text = util_strndup(sp->s + q->subj_start, q->subj_end - q->subj_start);
        if (!o->speaker_text)
            return INGEST_ERR_NOMEM;
    } else if (q->speaker_lit && !(o->speaker_text = util_strdup(q->speaker_lit))) {
        return INGEST_ERR_NOMEM;
    }
    return 0;
}

/* The body quotations' texts without a trailing comma or period, sorted by
 * length then bytes, so that each head quote is looked up in log time (a
 * title may hold thousands of quotations, and so may the body). Built on
 * first use; n == 0 and v == NULL until then. */
struct quote_cores {
    struct quote_core {
        const char *s;
        size_t n;
    } * v;
    size_t n;
    bool built;
};

static void quote_cores_clear(struct quote_cores *c)
{
    free(c->v);
    *c = (struct quote_cores){0};
}

static size_t quote_core_len(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    return n;
}

static int quote_core_cmp(const void *a, const void *b)
{
    const struct quote_core *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return memcmp(x->s, y->s, x->n);
}

static int quote_cores_build(const struct run *r, struct quote_cores *c)
{
    c->built = true;
    if (r->qs.n == 0)
        return 0;
    if (!(c->v = malloc(r->qs.n * sizeof *c->v)))
        return INGEST_ERR_NOMEM;
    for (size_t i = 0; i < r->qs.n; i++) {
        const struct ingest_q *b = &r->qs.v[i];
        c->v[i].s = r->paras[b->para].s + b->start;
        c->v[i].n = quote_core_len(c->v[i].s, b->end - b->start);
    }
    c->n = r->qs.n;
    qsort(c->v, c->n, sizeof *c->v, quote_core_cmp);
    return 0;
}

/* Sets *repeats when head quote q (in src) repeats a body quotation of four
 * words or more word for word: a dek that reprints a pull quote is the same
 * quotation, and the body one has its context. body is the lookup table,
 * built here on first need. Returns 0 or INGEST_ERR_NOMEM. */
static int head_repeats_body(const struct run *r, const struct ingest_q *q, const char *src,
                             struct quote_cores *body, bool *repeats)
{
    struct quote_core key = {src + q->start, quote_core_len(src + q->start, q->end - q->start)};
    *repeats = false;
    if (ingest_words_count(key.s, key.n) < 4)
        return 0;
    if (!body->built && quote_cores_build(r, body))
        return INGEST_ERR_NOMEM;
    *repeats = body->n && bsearch(&key, body->v, body->n, sizeof *body->v, quote_core_cmp);
    return 0;
}

/* "... over contract: 'Who signed off?'": a headline quotation that names no
 * person (no speaker, one holder by role or a place as written: "Perth miner
 * says ... 'could cost us $40 million'", or an organisation: "'Absolute
 * insanity': X GOP lawmakers torch ..."; a group as written, "Campaigners
 * say ...", stays) that a person's body quotation holds ("Who signed off on this
 * contract, ...," Caraway asked) has the body quotation's speaker: the
 * headline speaks telegraphically for the person the body names. With no
 * person's, a body quotation of an organisation or of a source named only
 * as written ("'He's faking'" ... "“Pretty sure he's faking,” the nurse
 * wrote" after "a night-shift nurse") gives its source. Bounded:
 * the first 8 head quotations of 2 to 30 words (one word after one holder),
 * against the first 512 body ones. */
/* True if the head quote's subject as written ends in a plural noun
 * ("Campaigners", "Black Lawmakers"; not "Boss" nor "Senate Nominee"). */
static bool head_subject_plural(const char *src, const struct ingest_q *h)
{
    if (!h->subj_head || h->subj_end <= h->subj_start)
        return false;
    const char *w = src + h->subj_start;
    size_t n = h->subj_end - h->subj_start;
    while (n > 0 && !ingest_cp_is_wordch((unsigned char)w[n - 1]))
        n--;
    return n >= 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] != 's' && w[n - 2] != 'S' &&
           w[n - 2] != '\'' && w[n - 2] != 'u';
}

/* True if the line is in title case: most of its words of four letters or
 * more start with a capital ("Ex-Finance Chief Says Founder Told Her"). */
static bool head_line_title_case(const char *src)
{
    size_t words = 0, caps = 0;
    for (const char *p = src; *p;) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80))
            p++;
        if (p - w >= 4) {
            words++;
            caps += isupper((unsigned char)*w) != 0;
        }
    }
    return words >= 3 && caps * 5 >= words * 4;
}

/* True if, in a line in sentence case, the subject goes on in capitals
 * ("Royal College of Nursing says ..."): a name as written, not a role. */
static bool head_subject_proper(const char *src, const struct ingest_q *h)
{
    if (head_line_title_case(src))
        return false;
    for (size_t i = h->subj_start + 1; i < h->subj_end; i++)
        if (src[i - 1] == ' ' && isupper((unsigned char)src[i]))
            return true;
    return false;
}

/* True if the subject labels the headline ("PolitiFact: Trump Is Right
 * About '...'"): the source it names vouches for the claim as written. */
static bool head_subject_labels(const char *src, const struct ingest_q *h)
{
    size_t e = h->subj_end;
    while (src[e] == ' ')
        e++;
    return src[e] == ':';
}

static void head_speakers_from_body(struct run *r)
{
    size_t scanned = 0; /* body bytes searched, at most 256 KiB in all */
    for (size_t i = 0; i < r->hqs.n && i < 8; i++) {
        struct ingest_q *h = &r->hqs.v[i];
        const char *src = h->para == QUOTE_IN_TITLE ? r->doc.title : r->doc.subtitle;
        /* "His lawyer calls it 'a story'": a role by a possessive names
         * nobody either; the body says whose lawyer */
        bool whose = h->speaker < 0 && h->subj_head && !h->speaker_lit && h->subj_end > h->subj_start &&
                     (ingest_ascii_ifind(src + h->subj_start, h->subj_end - h->subj_start, "his ") == 0 ||
                      ingest_ascii_ifind(src + h->subj_start, h->subj_end - h->subj_start, "her ") == 0 ||
                      ingest_ascii_ifind(src + h->subj_start, h->subj_end - h->subj_start, "their ") == 0);
        /* a holder as written ("Senate Nominee Told Donors ...") takes only
         * a named speaker of the same words in the body; a plural group
         * ("Black Lawmakers Rip ...") stays as written: the body's speaker
         * is one of many */
        bool group = h->speaker < 0 && !whose && !h->subj_one && (h->subj_head || h->speaker_lit);
        if ((h->speaker >= 0 && r->ents.v[h->speaker].type == ENTITY_PERSON) ||
            (group && (!h->subj_head || head_subject_plural(src, h) ||
                       head_subject_labels(src, h) || head_subject_proper(src, h))) ||
            h->subj_para >= 0)
            continue; /* the headline names a person, or a group as written */
        char key[256];
        size_t a = h->start, b = h->end;
        while (a < b && !ingest_cp_is_wordch((unsigned char)src[a]))
            a++;
        while (b > a && !ingest_cp_is_wordch((unsigned char)src[b - 1]))
            b--; /* "signed off?" is found in "signed off on this contract" */
        size_t words = ingest_words_count(src + a, b - a);
        /* one word only after a single holder, and only as the first word of
         * a body partial ("CEO vows a 'leaner' company" and “leaner and
         * faster, ...”): one word alone is found in too many quotations */
        bool one = words == 1 && h->subj_one;
        if (b - a >= sizeof key || (words < 2 && !one) || words > 30)
            continue;
        memcpy(key, src + a, b - a);
        key[b - a] = '\0';
        /* a person's quotation first; failing that, one of a source the body
         * names only as written ("a night-shift nurse") or an organisation */
        const struct ingest_q *other = NULL, *q = NULL;
        for (size_t k = 0; k < r->qs.n && k < 512 && !q; k++) {
            const struct ingest_q *c = &r->qs.v[k];
            bool person = c->speaker >= 0 && r->ents.v[c->speaker].type == ENTITY_PERSON;
            if (!person && (other || (c->speaker < 0 && (c->subj_para < 0 || c->speaker_lit))))
                continue;
            if ((scanned += c->end - c->start) > 256 * 1024)
                return;
            const char *cs = r->paras[c->para].s + c->start;
            size_t at = ingest_ascii_ifind(cs, c->end - c->start, key);
            if (at == (size_t)-1)
                continue;
            if (one && (at != 0 || c->kind != QUOTE_PARTIAL ||
                        (b - a < c->end - c->start &&
                         ingest_cp_is_wordch((unsigned char)cs[b - a]))))
                continue;
            if (person)
                q = c;
            else
                other = c;
        }
        if (!q && !group)
            q = other;
        if (q) {
            h->speaker = q->speaker;
            h->subj_para = q->subj_para;
            h->subj_start = q->subj_start;
            h->subj_end = q->subj_end;
            h->subj_head = false;
            h->speaker_lit = q->speaker_lit;
            h->cue = q->cue;
        }
    }
}

/* The quotes in reading order: headline, subtitle, body. Offsets count code
 * points in the text each one sits in (title, subtitle or body). */
static int quotes_fill(struct run *r, struct article *out, const size_t *starts)
{
    size_t n = r->qs.n + r->hqs.n;
    if (n == 0)
        return 0;
    out->quotes = calloc(n, sizeof *out->quotes);
    if (!out->quotes)
        return INGEST_ERR_NOMEM;
    struct ingest_cp_cursor cur;
    const char *cur_src = NULL;
    struct quote_cores body = {0};
    for (size_t i = 0; i < r->hqs.n; i++) {
        const struct ingest_q *q = &r->hqs.v[i];
        const char *src = q->para == QUOTE_IN_TITLE ? out->title : out->subtitle;
        bool repeats;
        if (head_repeats_body(r, q, src, &body, &repeats)) {
            quote_cores_clear(&body);
            return INGEST_ERR_NOMEM;
        }
        if (repeats)
            continue;
        /* one cursor per part, as for the body: the head quotes of a part come
         * in order, and a cursor set up per quote walked the part from its
         * start each time (quadratic in a title of many quotations) */
        if (src != cur_src) {
            ingest_cp_cursor_init(&cur, src, strlen(src));
            cur_src = src;
        }
        if (quote_fill(r, q, src, &cur, 0, &out->quotes[out->n_quotes++])) {
            quote_cores_clear(&body);
            return INGEST_ERR_NOMEM;
        }
    }
    quote_cores_clear(&body);
    ingest_cp_cursor_init(&cur, out->body, strlen(out->body));
    for (size_t i = 0; i < r->qs.n; i++) {
        const struct ingest_q *q = &r->qs.v[i];
        if (quote_fill(r, q, r->paras[q->para].s, &cur, starts[q->para],
                       &out->quotes[out->n_quotes++]))
            return INGEST_ERR_NOMEM;
    }
    out->quote_count = (int64_t)out->n_quotes;
    return 0;
}

/* Entities go out most mentioned first, then in order of appearance. */
static int ent_cmp(const void *a, const void *b)
{
    const struct ingest_ent *x = *(const struct ingest_ent *const *)a;
    const struct ingest_ent *y = *(const struct ingest_ent *const *)b;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return x->first_pos < y->first_pos ? -1 : x->first_pos > y->first_pos;
}

static int entities_fill(struct run *r, struct article *out)
{
    size_t n = r->ents.n;
    if (n == 0)
        return 0;
    struct ingest_ent **order = malloc(n * sizeof *order);
    out->entities = calloc(n, sizeof *out->entities);
    if (!order || !out->entities) {
        free(order);
        return INGEST_ERR_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (r->ents.v[i].mentions > 0) /* an entity whose mentions all moved elsewhere */
            order[k++] = &r->ents.v[i];
    n = k;
    qsort(order, n, sizeof *order, ent_cmp);
    for (size_t i = 0; i < n; i++) {
        struct ingest_ent *e = order[i];
        struct entity *o = &out->entities[out->n_entities++];
        o->type = e->type;
        o->mentions = e->mentions;
        o->name = e->name;
        o->aliases = e->aliases;
        o->titles = e->titles;
        e->name = NULL; /* moved */
        memset(&e->aliases, 0, sizeof e->aliases);
        memset(&e->titles, 0, sizeof e->titles);
    }
    free(order);
    out->entity_count = (int64_t)out->n_entities;
    return 0;
}

static enum ingest_rc fail(const char **reason, const char *why, enum ingest_rc rc)
{
    if (reason)
        *reason = why;
    return rc;
}

enum ingest_rc ingest_run(const struct ingest_input *in, struct article *out, const char **reason)
{
    struct run r = {0};
    char *text = NULL, *title = NULL, *body = NULL;
    size_t *starts = NULL;
    enum ingest_rc rc = INGEST_NOMEM;
    const char *why = "out of memory";

    if (!in || !out)
        return fail(reason, "no input", INGEST_BAD_INPUT);
    if (!in->text && !in->body)
        return fail(reason, "the input has neither text nor a body", INGEST_BAD_INPUT);
    if (!str_ok(in->text) || !str_ok(in->title) || !str_ok(in->body) || !str_ok(in->url) ||
        !str_ok(in->source) || !str_ok(in->published_at))
        return fail(reason, "the text is not valid UTF-8 or contains a NUL byte", INGEST_BAD_INPUT);
    if (!normalized(in->text, &text) || !normalized(in->title, &title) ||
        !normalized(in->body, &body))
        goto out;
    one_line(title);
    const char *main_text = text ? text : body;
    if (!has_word_char(main_text)) {
        rc = INGEST_NO_ARTICLE;
        why = "the text is empty";
        goto out;
    }
    if (ingest_gaz_load(&r.gaz))
        goto out;
    int src = text ? ingest_structure_parse(text, strlen(text), &r.gaz, &r.doc)
                   : ingest_structure_from_parts(title, body, strlen(body), &r.gaz, &r.doc);
    if (src)
        goto out;
    if (!has_article_shape(&r.doc)) {
        rc = INGEST_NO_ARTICLE;
        /* Says what is missing, with the thresholds has_article_shape uses. */
        why = r.doc.paragraphs.n
                  ? "the text is too short to be an article: newsd needs at least "
                    UTIL_STR(INGEST_MIN_BODY_WORDS) " words of body text, with one paragraph "
                    "of " UTIL_STR(INGEST_MIN_PARA_WORDS) " or more words that holds a "
                    "sentence (. ! ? or an ellipsis)"
                  : "the text holds no article, only page furniture";
        goto out;
    }
    if (paras_prepare(&r))
        goto out;
    if (ingest_entities_find(&r.doc, r.paras, r.n_paras, &r.gaz, &r.ents))
        goto out;
    if (ingest_quotes_attribute(r.paras, r.n_paras, &r.ents, &r.gaz, &r.qs) ||
        ingest_quotes_head(r.doc.title, QUOTE_IN_TITLE, &r.ents, &r.gaz, &r.hqs) ||
        ingest_quotes_head(r.doc.subtitle, QUOTE_IN_SUBTITLE, &r.ents, &r.gaz, &r.hqs))
        goto out;
    head_speakers_from_body(&r);

    /* fill the article */
    starts = calloc(r.n_paras ? r.n_paras : 1, sizeof *starts);
    if (!starts || body_build(&r.doc, &out->body, starts))
        goto out;
    out->title = r.doc.title;
    out->subtitle = r.doc.subtitle;
    out->section = r.doc.section;
    out->dateline = r.doc.dateline;
    r.doc.title = r.doc.subtitle = r.doc.section = r.doc.dateline = NULL;
    if (in->published_at && in->published_at[0]) {
        if (!(out->published_at = util_strdup(in->published_at)))
            goto out;
    } else {
        out->published_at = r.doc.published_at;
        r.doc.published_at = NULL;
    }
    if ((in->url && !(out->url = util_strdup(in->url))) ||
        (in->source && !(out->source = util_strdup(in->source))))
        goto out;
    for (size_t i = 0; i < r.doc.authors.n; i++)
        if (!strv_push(&out->authors, r.doc.authors.v[i]))
            goto out;
    out->paragraphs = r.doc.paragraphs;
    memset(&r.doc.paragraphs, 0, sizeof r.doc.paragraphs);
    /* paras point into the paragraph strings, which now belong to out: still
     * alive until the caller clears out, and run_clear frees only our arrays */
    out->word_count = (int64_t)ingest_words_count(out->body, strlen(out->body));
    if (quotes_fill(&r, out, starts) || entities_fill(&r, out))
        goto out;
    rc = INGEST_OK;
    why = NULL;
out:
    free(starts);
    run_clear(&r);
    free(text);
    free(title);
    free(body);
    if (rc != INGEST_OK && reason)
        *reason = why;
    return rc;
}
