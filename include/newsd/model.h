/* model.h: the plain data structs that flow between ingest, store and views.
 * Every pointer in them is owned by the struct; *_clear frees it all and leaves a
 * zeroed struct, so it can be called twice. Ids are 0 when not stored yet. */
#ifndef NEWSD_MODEL_H
#define NEWSD_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "newsd/util.h"

enum entity_type { ENTITY_PERSON = 0, ENTITY_ORGANIZATION, ENTITY_PLACE };

enum quote_kind { QUOTE_FULL = 0, QUOTE_PARTIAL };

/* quote.paragraph of a quote in the headline or the subtitle rather than the
 * body: its start and end then count code points in that text. */
#define QUOTE_IN_TITLE (-1)
#define QUOTE_IN_SUBTITLE (-2)

/* "title", "subtitle" or "body": which text a quote's offsets point into. */
const char *quote_part_name(int paragraph);

/* "person", "organization", "place". */
const char *entity_type_name(enum entity_type t);
/* Parses one of the names above; returns -1 for anything else. */
int entity_type_parse(const char *s);
/* "full", "partial". */
const char *quote_kind_name(enum quote_kind k);

struct entity {
    int64_t id;
    char *name; /* canonical: "Donald Trump" */
    enum entity_type type;
    struct strv aliases;   /* other spellings seen: "Trump", "President Trump" */
    struct strv titles;    /* "President", "NATO Secretary General" */
    int64_t mentions;      /* in one article (article views), else 0 */
    int64_t article_count; /* store-maintained totals */
    int64_t mention_count;
    int64_t quote_count;
};

struct quote {
    int64_t id;
    int64_t article_id;
    char *text;         /* the quoted words, without the marks */
    char *speaker_name; /* canonical entity name, NULL when no named speaker */
    enum entity_type speaker_type;
    int64_t speaker_id; /* store: entity id, 0 when none */
    char *speaker_text; /* as written: "one diplomatic official", "he" */
    char *cue;          /* "said", "according to"; NULL when none */
    enum quote_kind kind;
    int paragraph;      /* index into article.paragraphs, or QUOTE_IN_TITLE / _SUBTITLE */
    int64_t start, end; /* code point offsets of text in article.body, end exclusive */
};

struct article {
    int64_t id;
    char *url;
    char *source;
    char *title;
    char *subtitle;
    char *section;
    char *dateline;
    char *published_at; /* ISO 8601 or NULL */
    char *ingested_at;  /* set by the store */
    struct strv authors;
    struct strv paragraphs;
    char *body;          /* paragraphs joined by "\n\n" */
    char *snippet;       /* search excerpt (plain text), when searched */
    int64_t *highlights; /* [start, end) code point pairs in snippet, flattened */
    size_t n_highlights; /* 2 per matched word */
    int64_t word_count;
    int64_t quote_count;
    int64_t entity_count;
    struct quote *quotes;
    size_t n_quotes;
    struct entity *entities;
    size_t n_entities;
};

/* One distinct quotation across articles (GET /quotes?group=canonical). */
struct quote_group {
    int64_t id;
    char *text; /* as first stored */
    int64_t occurrences;
    char *first_seen; /* sort time of the earliest and latest article */
    char *last_seen;
    int64_t *article_ids; /* the articles it appears in (first 100) */
    size_t n_article_ids;
};

void quote_group_clear(struct quote_group *g);
void entity_clear(struct entity *e);
void quote_clear(struct quote *q);
void article_clear(struct article *a);

/* Frees an array of n entities/quotes built with the functions below. */
void entities_free(struct entity *v, size_t n);
void quotes_free(struct quote *v, size_t n);

#endif
