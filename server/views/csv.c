/* csv.c: RFC 4180 rows of the summary fields, for `Accept: text/csv` exports.
 * Like views.c, the only place that names these columns. */
#include <inttypes.h>
#include <string.h>

#include "newsd/views.h"

/* True when a spreadsheet would read s as a formula: it opens with = + - @,
 * or a tab or CR (OWASP, "CSV Injection"). Article text is whatever was
 * scraped, so a title such as =HYPERLINK(...) must not come out live. */
static bool csv_formula_like(const char *s)
{
    return *s && strchr("=+-@\t\r", *s);
}

/* Appends one field, quoted when it holds a comma, quote, CR or LF. A field
 * that looks like a formula gets a leading single quote, and quotes, so
 * spreadsheets show it as text (the quote is then part of the value). */
static bool csv_field(struct buf *b, const char *s, bool first)
{
    bool ok = first || buf_append(b, ",", 1);
    if (!s)
        return ok;
    bool formula = csv_formula_like(s);
    if (!formula && !strpbrk(s, ",\"\r\n"))
        return ok && buf_puts(b, s);
    ok = ok && buf_append(b, "\"", 1) && (!formula || buf_append(b, "'", 1));
    for (const char *p = s; ok && *p; p++)
        ok = *p == '"' ? buf_append(b, "\"\"", 2) : buf_append(b, p, 1);
    return ok && buf_append(b, "\"", 1);
}

static bool csv_int(struct buf *b, int64_t v)
{
    return buf_printf(b, ",%" PRId64, v);
}

/* A list of names as one field, joined by "; ". */
static bool csv_list(struct buf *b, const struct strv *sv)
{
    struct buf joined = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < sv->n; i++)
        ok = (i == 0 || buf_puts(&joined, "; ")) && buf_puts(&joined, sv->v[i]);
    ok = ok && csv_field(b, joined.data ? joined.data : "", false);
    buf_clear(&joined);
    return ok;
}

bool view_csv_header(struct buf *b, enum view_kind kind)
{
    static const char *const headers[] = {
        [VIEW_ARTICLES] = "id,url,title,subtitle,section,authors,dateline,published_at,"
                          "word_count,quote_count,entity_count,ingested_at\r\n",
        [VIEW_QUOTES] = "id,article_id,text,speaker_id,speaker_name,speaker_type,speaker_text,"
                        "cue,kind,paragraph,part,start,end\r\n",
        [VIEW_ENTITIES] = "id,name,type,aliases,titles,article_count,mention_count,"
                          "quote_count\r\n",
    };
    return buf_puts(b, headers[kind]);
}

bool view_article_csv(struct buf *b, const struct article *a)
{
    return buf_printf(b, "%" PRId64, a->id) && csv_field(b, a->url, false) &&
           csv_field(b, a->title, false) && csv_field(b, a->subtitle, false) &&
           csv_field(b, a->section, false) && csv_list(b, &a->authors) &&
           csv_field(b, a->dateline, false) && csv_field(b, a->published_at, false) &&
           csv_int(b, a->word_count) && csv_int(b, a->quote_count) && csv_int(b, a->entity_count) &&
           csv_field(b, a->ingested_at, false) && buf_puts(b, "\r\n");
}

bool view_quote_csv(struct buf *b, const struct quote *q)
{
    bool named = q->speaker_name != NULL;
    bool ok =
        buf_printf(b, "%" PRId64 ",%" PRId64, q->id, q->article_id) && csv_field(b, q->text, false);
    ok = ok && (named ? buf_printf(b, ",%" PRId64, q->speaker_id) : buf_puts(b, ","));
    return ok && csv_field(b, q->speaker_name, false) &&
           csv_field(b, named ? entity_type_name(q->speaker_type) : NULL, false) &&
           csv_field(b, q->speaker_text, false) && csv_field(b, q->cue, false) &&
           csv_field(b, quote_kind_name(q->kind), false) &&
           (q->paragraph >= 0 ? csv_int(b, q->paragraph) : buf_puts(b, ",")) &&
           csv_field(b, quote_part_name(q->paragraph), false) && csv_int(b, q->start) &&
           csv_int(b, q->end) && buf_puts(b, "\r\n");
}

bool view_entity_csv(struct buf *b, const struct entity *e)
{
    return buf_printf(b, "%" PRId64, e->id) && csv_field(b, e->name, false) &&
           csv_field(b, entity_type_name(e->type), false) && csv_list(b, &e->aliases) &&
           csv_list(b, &e->titles) && csv_int(b, e->article_count) &&
           csv_int(b, e->mention_count) && csv_int(b, e->quote_count) && buf_puts(b, "\r\n");
}
