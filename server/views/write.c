/* write.c: list pages written as JSON text straight into a buffer. Building a
 * jansson tree per row and then serialising it was a third of an uncached
 * list request's CPU (a node and a string copy per field, then the walk);
 * these writers emit the same bytes as json_dumps(JSON_COMPACT) of the tree
 * views.c builds, field order included, and leave out the fields a `fields=`
 * request did not ask for. test_views checks the two against each other. */
#include <stdio.h>
#include <string.h>

#include "newsd/views.h"

/* A JSON object being written: the fields asked for (NULL or empty: all). */
struct vw {
    struct buf *b;
    const struct strv *fields;
    bool first;
    bool ok;
};

/* Starts member name when it is asked for; false when it is left out. */
static bool vw_key(struct vw *w, const char *name)
{
    if (!w->ok || (w->fields && w->fields->n && !strv_has(w->fields, name)))
        return false;
    w->ok = buf_append(w->b, w->first ? "\"" : ",\"", w->first ? 1 : 2) &&
            buf_append(w->b, name, strlen(name)) && buf_append(w->b, "\":", 2);
    w->first = false;
    return w->ok;
}

static void vw_str(struct vw *w, const char *name, const char *v)
{
    if (vw_key(w, name))
        w->ok = v ? buf_json_string(w->b, v) : buf_append(w->b, "null", 4);
}

static void vw_int(struct vw *w, const char *name, int64_t v)
{
    if (vw_key(w, name))
        w->ok = buf_i64(w->b, v);
}

static void vw_strv(struct vw *w, const char *name, const struct strv *sv)
{
    if (!vw_key(w, name))
        return;
    w->ok = buf_append(w->b, "[", 1);
    for (size_t i = 0; w->ok && i < sv->n; i++)
        w->ok = (i == 0 || buf_append(w->b, ",", 1)) && buf_json_string(w->b, sv->v[i]);
    w->ok = w->ok && buf_append(w->b, "]", 1);
}

static bool vw_open(struct vw *w, struct buf *b, const struct strv *fields)
{
    *w = (struct vw){.b = b, .fields = fields, .first = true, .ok = buf_append(b, "{", 1)};
    return w->ok;
}

static bool vw_close(struct vw *w)
{
    return w->ok && buf_append(w->b, "}", 1);
}

/* The members of an article summary, in view_article_summary's order. */
static void vw_summary(struct vw *w, const struct article *a)
{
    struct buf *b = w->b;
    vw_int(w, "id", a->id);
    vw_str(w, "url", a->url);
    vw_str(w, "title", a->title);
    vw_str(w, "subtitle", a->subtitle);
    vw_str(w, "section", a->section);
    vw_strv(w, "authors", &a->authors);
    vw_str(w, "dateline", a->dateline);
    vw_str(w, "published_at", a->published_at);
    vw_int(w, "word_count", a->word_count);
    vw_int(w, "quote_count", a->quote_count);
    vw_int(w, "entity_count", a->entity_count);
    vw_str(w, "ingested_at", a->ingested_at);
    if (a->snippet) {
        vw_str(w, "snippet", a->snippet);
        if (vw_key(w, "highlights")) {
            w->ok = buf_append(b, "[", 1);
            for (size_t i = 0; w->ok && i + 1 < a->n_highlights; i += 2)
                w->ok = (i == 0 || buf_append(b, ",", 1)) && buf_append(b, "[", 1) &&
                        buf_i64(b, a->highlights[i]) &&
                        buf_append(b, ",", 1) && buf_i64(b, a->highlights[i + 1]) &&
                        buf_append(b, "]", 1);
            w->ok = w->ok && buf_append(b, "]", 1);
        }
    }
}

bool view_write_article_summary(struct buf *b, const struct article *a,
                                const struct strv *fields)
{
    struct vw w;
    vw_open(&w, b, fields);
    vw_summary(&w, a);
    return vw_close(&w);
}

bool view_write_quote(struct buf *b, const struct quote *q, const struct strv *fields)
{
    struct vw w;
    vw_open(&w, b, fields);
    vw_str(&w, "text", q->text);
    if (vw_key(&w, "speaker")) {
        if (!q->speaker_name) {
            w.ok = buf_append(b, "null", 4);
        } else {
            struct vw s;
            vw_open(&s, b, NULL);
            vw_int(&s, "id", q->speaker_id);
            vw_str(&s, "name", q->speaker_name);
            vw_str(&s, "type", entity_type_name(q->speaker_type));
            w.ok = vw_close(&s);
        }
    }
    vw_str(&w, "speaker_text", q->speaker_text);
    vw_str(&w, "cue", q->cue);
    vw_str(&w, "kind", quote_kind_name(q->kind));
    if (vw_key(&w, "paragraph"))
        w.ok = q->paragraph >= 0 ? buf_i64(b, q->paragraph) : buf_append(b, "null", 4);
    vw_str(&w, "part", quote_part_name(q->paragraph));
    vw_int(&w, "start", q->start);
    vw_int(&w, "end", q->end);
    vw_int(&w, "id", q->id);
    vw_int(&w, "article_id", q->article_id);
    return vw_close(&w);
}

bool view_write_entity(struct buf *b, const struct entity *e, bool in_article,
                       const struct strv *fields)
{
    struct vw w;
    vw_open(&w, b, fields);
    vw_int(&w, "id", e->id);
    vw_str(&w, "name", e->name);
    vw_str(&w, "type", entity_type_name(e->type));
    vw_strv(&w, "aliases", &e->aliases);
    vw_strv(&w, "titles", &e->titles);
    vw_int(&w, "article_count", e->article_count);
    vw_int(&w, "mention_count", e->mention_count);
    vw_int(&w, "quote_count", e->quote_count);
    if (in_article)
        vw_int(&w, "mentions", e->mentions);
    return vw_close(&w);
}

bool view_write_article(struct buf *b, const struct article *a, const struct strv *fields)
{
    struct vw w;
    vw_open(&w, b, fields);
    vw_summary(&w, a);
    vw_str(&w, "body", a->body ? a->body : "");
    vw_strv(&w, "paragraphs", &a->paragraphs);
    if (vw_key(&w, "quotes")) {
        w.ok = buf_append(b, "[", 1);
        for (size_t i = 0; w.ok && i < a->n_quotes; i++)
            w.ok = (i == 0 || buf_append(b, ",", 1)) && view_write_quote(b, &a->quotes[i], NULL);
        w.ok = w.ok && buf_append(b, "]", 1);
    }
    if (vw_key(&w, "entities")) {
        w.ok = buf_append(b, "[", 1);
        for (size_t i = 0; w.ok && i < a->n_entities; i++)
            w.ok = (i == 0 || buf_append(b, ",", 1)) &&
                   view_write_entity(b, &a->entities[i], true, NULL);
        w.ok = w.ok && buf_append(b, "]", 1);
    }
    return vw_close(&w);
}
