/* views.c: structs -> JSON. Field names of the API live here and nowhere
 * else; handlers and `newsd extract` call these. */
#include "newsd/views.h"

#define SUMMARY_FIELDS                                                                             \
    "id", "url", "title", "subtitle", "section", "authors", "dateline", "published_at",            \
        "word_count", "quote_count", "entity_count", "ingested_at", "snippet", "highlights"
#define QUOTE_FIELDS                                                                               \
    "id", "article_id", "text", "speaker", "speaker_text", "cue", "kind", "paragraph", "part",     \
        "start", "end"
#define ENTITY_FIELDS                                                                              \
    "id", "name", "type", "aliases", "titles", "article_count", "mention_count", "quote_count"

const char *const view_article_summary_fields[] = {SUMMARY_FIELDS, NULL};
const char *const view_article_fields[] = {SUMMARY_FIELDS, "body",     "paragraphs",
                                           "quotes",       "entities", NULL};
const char *const view_quote_fields[] = {QUOTE_FIELDS, NULL};
const char *const view_quote_get_fields[] = {QUOTE_FIELDS, "article", NULL};
const char *const view_entity_fields[] = {ENTITY_FIELDS, NULL};
const char *const view_quote_group_fields[] = {
    "id", "text", "occurrences", "first_seen", "last_seen", "article_ids", NULL};
const char *const view_article_entity_fields[] = {ENTITY_FIELDS, "mentions", NULL};

/* A JSON array of strings; NULL on OOM. */
static json_t *view_strv(const struct strv *sv)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < sv->n; i++) {
        if (json_array_append_new(arr, json_string(sv->v[i])) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

/* Fills an array by calling make(item i); NULL when any item fails. */
#define VIEW_ARRAY(v, n, make)                                                                     \
    do {                                                                                           \
        json_t *arr_ = json_array();                                                               \
        for (size_t i_ = 0; arr_ && i_ < (n); i_++) {                                              \
            if (json_array_append_new(arr_, make) != 0) {                                          \
                json_decref(arr_);                                                                 \
                arr_ = NULL;                                                                       \
            }                                                                                      \
        }                                                                                          \
        return arr_;                                                                               \
    } while (0)

/* [[start, end], ...] of the matched words in the snippet. */
static json_t *view_highlights(const struct article *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i + 1 < a->n_highlights; i += 2) {
        if (json_array_append_new(arr, json_pack("[I, I]", (json_int_t)a->highlights[i],
                                                 (json_int_t)a->highlights[i + 1])) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

json_t *view_article_summary(const struct article *a)
{
    json_t *o =
        json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:o, s:s?, s:s?, s:I, s:I, s:I, s:s?}", "id",
                  (json_int_t)a->id, "url", a->url, "title", a->title, "subtitle", a->subtitle,
                  "section", a->section, "authors", view_strv(&a->authors), "dateline", a->dateline,
                  "published_at", a->published_at, "word_count", (json_int_t)a->word_count,
                  "quote_count", (json_int_t)a->quote_count, "entity_count",
                  (json_int_t)a->entity_count, "ingested_at", a->ingested_at);
    if (o && a->snippet &&
        (json_object_set_new(o, "snippet", json_string(a->snippet)) != 0 ||
         json_object_set_new(o, "highlights", view_highlights(a)) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *view_quote(const struct quote *q, bool with_ids)
{
    json_t *speaker = json_null();
    if (q->speaker_name) {
        speaker = with_ids ? json_pack("{s:I, s:s, s:s}", "id", (json_int_t)q->speaker_id, "name",
                                       q->speaker_name, "type", entity_type_name(q->speaker_type))
                           : json_pack("{s:s, s:s}", "name", q->speaker_name, "type",
                                       entity_type_name(q->speaker_type));
    }
    /* A quote in the headline or subtitle has no paragraph; part says which
     * text its offsets count in. */
    json_t *para = q->paragraph >= 0 ? json_integer(q->paragraph) : json_null();
    json_t *o = json_pack("{s:s?, s:o, s:s?, s:s?, s:s, s:o, s:s, s:I, s:I}", "text", q->text,
                          "speaker", speaker, "speaker_text", q->speaker_text, "cue", q->cue,
                          "kind", quote_kind_name(q->kind), "paragraph", para, "part",
                          quote_part_name(q->paragraph), "start", (json_int_t)q->start, "end",
                          (json_int_t)q->end);
    if (o && with_ids &&
        (json_object_set_new(o, "id", json_integer(q->id)) != 0 ||
         json_object_set_new(o, "article_id", json_integer(q->article_id)) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *view_entity(const struct entity *e, bool in_article)
{
    json_t *o = json_pack("{s:I, s:s?, s:s, s:o, s:o, s:I, s:I, s:I}", "id", (json_int_t)e->id,
                          "name", e->name, "type", entity_type_name(e->type), "aliases",
                          view_strv(&e->aliases), "titles", view_strv(&e->titles), "article_count",
                          (json_int_t)e->article_count, "mention_count",
                          (json_int_t)e->mention_count, "quote_count", (json_int_t)e->quote_count);
    if (o && in_article && json_object_set_new(o, "mentions", json_integer(e->mentions)) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The extraction's view of an entity: no ids or store totals. */
static json_t *view_entity_extracted(const struct entity *e)
{
    return json_pack("{s:s?, s:s, s:o, s:o, s:I}", "name", e->name, "type",
                     entity_type_name(e->type), "aliases", view_strv(&e->aliases), "titles",
                     view_strv(&e->titles), "mentions", (json_int_t)e->mentions);
}

json_t *view_article_summaries(const struct article *v, size_t n)
{
    VIEW_ARRAY(v, n, view_article_summary(&v[i_]));
}

json_t *view_quotes(const struct quote *v, size_t n)
{
    VIEW_ARRAY(v, n, view_quote(&v[i_], true));
}

json_t *view_entities(const struct entity *v, size_t n, bool in_article)
{
    VIEW_ARRAY(v, n, view_entity(&v[i_], in_article));
}

static json_t *view_quotes_as(const struct quote *v, size_t n, bool with_ids)
{
    VIEW_ARRAY(v, n, view_quote(&v[i_], with_ids));
}

static json_t *view_entities_as(const struct entity *v, size_t n, bool with_ids)
{
    VIEW_ARRAY(v, n, with_ids ? view_entity(&v[i_], true) : view_entity_extracted(&v[i_]));
}

json_t *view_article(const struct article *a, bool with_ids)
{
    json_t *o = view_article_summary(a);
    if (!o)
        return NULL;
    if (!with_ids) {
        json_object_del(o, "id");
        json_object_del(o, "ingested_at");
    }
    if (json_object_set_new(o, "body", json_string(a->body ? a->body : "")) != 0 ||
        json_object_set_new(o, "paragraphs", view_strv(&a->paragraphs)) != 0 ||
        json_object_set_new(o, "quotes", view_quotes_as(a->quotes, a->n_quotes, with_ids)) != 0 ||
        json_object_set_new(o, "entities",
                            view_entities_as(a->entities, a->n_entities, with_ids)) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *view_quote_group(const struct quote_group *g)
{
    json_t *ids = json_array();
    for (size_t i = 0; ids && i < g->n_article_ids; i++) {
        if (json_array_append_new(ids, json_integer(g->article_ids[i])) != 0) {
            json_decref(ids);
            ids = NULL;
        }
    }
    return json_pack("{s:I, s:s, s:I, s:s, s:s, s:o}", "id", (json_int_t)g->id, "text", g->text,
                     "occurrences", (json_int_t)g->occurrences, "first_seen", g->first_seen,
                     "last_seen", g->last_seen, "article_ids", ids);
}

json_t *view_quote_groups(const struct quote_group *v, size_t n)
{
    VIEW_ARRAY(v, n, view_quote_group(&v[i_]));
}
