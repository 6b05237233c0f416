/* views.h: the only code that knows the API's field names. Each view turns a
 * struct into a new json_t (NULL when out of memory); the caller owns it. */
#ifndef NEWSD_VIEWS_H
#define NEWSD_VIEWS_H

#include <jansson.h>
#include <stdbool.h>

#include "newsd/model.h"

/* Article summary: id, url, title, subtitle, section, authors, dateline,
 * published_at, word_count, quote_count, entity_count, ingested_at. */
json_t *view_article_summary(const struct article *a);
/* The full article: summary + body, paragraphs, quotes, entities. With
 * with_ids false (newsd extract) ids, counts of stored rows and ingested_at are
 * left out and a speaker is {name, type}. */
json_t *view_article(const struct article *a, bool with_ids);
/* A quote: id, article_id, text, speaker, speaker_text, cue, kind, paragraph,
 * start, end. */
json_t *view_quote(const struct quote *q, bool with_ids);
/* An entity: id, name, type, aliases, titles, article_count, mention_count,
 * quote_count (+ mentions when in_article). */
json_t *view_entity(const struct entity *e, bool in_article);

/* The field names of each view (NULL-terminated), for `fields=` checks. */
extern const char *const view_article_summary_fields[];
extern const char *const view_article_fields[];
extern const char *const view_quote_fields[];
extern const char *const view_quote_get_fields[];
extern const char *const view_entity_fields[];
extern const char *const view_article_entity_fields[];

/* A distinct quotation: id, text, occurrences, first_seen, last_seen,
 * article_ids. */
json_t *view_quote_group(const struct quote_group *g);
json_t *view_quote_groups(const struct quote_group *v, size_t n);
extern const char *const view_quote_group_fields[];

/* Arrays of the views above. */
json_t *view_article_summaries(const struct article *v, size_t n);
json_t *view_quotes(const struct quote *v, size_t n);
json_t *view_entities(const struct entity *v, size_t n, bool in_article);

/* The same views written as JSON text onto b (write.c), byte for byte what
 * json_dumps(JSON_COMPACT) makes of the trees above, keeping only the
 * members in fields (NULL or empty: all). false when memory runs out. */
bool view_write_article_summary(struct buf *b, const struct article *a, const struct strv *fields);
bool view_write_quote(struct buf *b, const struct quote *q, const struct strv *fields);
bool view_write_entity(struct buf *b, const struct entity *e, bool in_article,
                       const struct strv *fields);
/* view_article(a, true) as text. */
bool view_write_article(struct buf *b, const struct article *a, const struct strv *fields);

/* --- exports ------------------------------------------------------------------ */

enum view_kind { VIEW_ARTICLES = 0, VIEW_QUOTES, VIEW_ENTITIES };

/* Appends the CSV header row of a list kind (RFC 4180, CRLF line ends). */
bool view_csv_header(struct buf *b, enum view_kind kind);
/* Appends one CSV row of summary fields. false when memory runs out. */
bool view_article_csv(struct buf *b, const struct article *a);
bool view_quote_csv(struct buf *b, const struct quote *q);
bool view_entity_csv(struct buf *b, const struct entity *e);

#endif
