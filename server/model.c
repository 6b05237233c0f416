/* model.c: names of the enums and the free functions of the shared structs. */
#include "newsd/model.h"

#include <stdlib.h>
#include <string.h>

static const char *const entity_type_names[] = {"person", "organization", "place"};

const char *entity_type_name(enum entity_type t)
{
    return (unsigned)t < 3 ? entity_type_names[t] : "person";
}

int entity_type_parse(const char *s)
{
    for (int i = 0; s && i < 3; i++)
        if (strcmp(s, entity_type_names[i]) == 0)
            return i;
    return -1;
}

const char *quote_kind_name(enum quote_kind k)
{
    return k == QUOTE_PARTIAL ? "partial" : "full";
}

const char *quote_part_name(int paragraph)
{
    return paragraph == QUOTE_IN_TITLE      ? "title"
           : paragraph == QUOTE_IN_SUBTITLE ? "subtitle"
                                            : "body";
}

void quote_group_clear(struct quote_group *g)
{
    if (!g)
        return;
    free(g->text);
    free(g->first_seen);
    free(g->last_seen);
    free(g->article_ids);
    memset(g, 0, sizeof *g);
}

void entity_clear(struct entity *e)
{
    if (!e)
        return;
    free(e->name);
    strv_clear(&e->aliases);
    strv_clear(&e->titles);
    memset(e, 0, sizeof *e);
}

void quote_clear(struct quote *q)
{
    if (!q)
        return;
    free(q->text);
    free(q->speaker_name);
    free(q->speaker_text);
    free(q->cue);
    memset(q, 0, sizeof *q);
}

void entities_free(struct entity *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        entity_clear(&v[i]);
    free(v);
}

void quotes_free(struct quote *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        quote_clear(&v[i]);
    free(v);
}

void article_clear(struct article *a)
{
    if (!a)
        return;
    free(a->url);
    free(a->source);
    free(a->title);
    free(a->subtitle);
    free(a->section);
    free(a->dateline);
    free(a->published_at);
    free(a->ingested_at);
    strv_clear(&a->authors);
    strv_clear(&a->paragraphs);
    free(a->body);
    free(a->snippet);
    free(a->highlights);
    quotes_free(a->quotes, a->n_quotes);
    entities_free(a->entities, a->n_entities);
    memset(a, 0, sizeof *a);
}
