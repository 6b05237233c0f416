/* test_views.c: the text writers of list pages give the very bytes that
 * json_dumps(JSON_COMPACT) gives for the jansson views, with every kind of
 * string (NULL, escapes, control bytes, UTF-8) and with `fields=` subsets. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsd/views.h"

/* The tree view dumped, keeping only fields (when any), as the daemon did. */
static char *dumped(json_t *o, const struct strv *fields)
{
    cr_assert_not_null(o);
    if (fields && fields->n) {
        const char *key;
        json_t *value;
        void *tmp;
        json_object_foreach_safe(o, tmp, key, value)
        {
            (void)value;
            if (!strv_has(fields, key))
                json_object_del(o, key);
        }
    }
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

static void same(char *want, struct buf *got)
{
    cr_assert_not_null(got->data);
    cr_assert_str_eq(got->data, want);
    free(want);
    buf_clear(got);
}

static char tricky[] = "Troms\xc3\xb8 \"pier\"\\ tab\there\nnew \x01\x1f end/slash";

Test(views, article_summaries_are_written_as_jansson_dumps_them)
{
    struct article a = {.id = 42, .title = (char *)tricky, .section = (char *)"World",
                        .published_at = (char *)"2026-11-02T10:00:00Z",
                        .ingested_at = (char *)"2026-11-30T12:00:00.123Z", .word_count = 612,
                        .quote_count = 7, .entity_count = 9};
    strv_push(&a.authors, "Ana Lima");
    strv_push(&a.authors, tricky);
    struct strv some = {0};
    strv_push(&some, "title");
    strv_push(&some, "authors");
    strv_push(&some, "highlights");
    struct buf b = {0};
    for (int round = 0; round < 2; round++) {
        cr_assert(view_write_article_summary(&b, &a, NULL));
        same(dumped(view_article_summary(&a), NULL), &b);
        cr_assert(view_write_article_summary(&b, &a, &some));
        same(dumped(view_article_summary(&a), &some), &b);
        /* The second round as a search hit. */
        a.snippet = (char *)"…the \"pier\" was…";
        static int64_t hl[] = {5, 9, 12, 20};
        a.highlights = hl;
        a.n_highlights = 4;
    }
    strv_clear(&a.authors);
    strv_clear(&some);
}

Test(views, quotes_and_entities_are_written_as_jansson_dumps_them)
{
    struct quote q = {.id = 3, .article_id = 42, .text = (char *)tricky,
                      .speaker_name = (char *)"Ana Lima", .speaker_type = ENTITY_PERSON,
                      .speaker_id = 17, .speaker_text = (char *)"she", .cue = (char *)"said",
                      .kind = QUOTE_FULL, .paragraph = 4, .start = 100, .end = 140};
    struct strv some = {0};
    strv_push(&some, "speaker");
    strv_push(&some, "end");
    struct buf b = {0};
    cr_assert(view_write_quote(&b, &q, NULL));
    same(dumped(view_quote(&q, true), NULL), &b);
    cr_assert(view_write_quote(&b, &q, &some));
    same(dumped(view_quote(&q, true), &some), &b);
    /* No named speaker, no cue, a quote in the headline. */
    q.speaker_name = NULL;
    q.cue = NULL;
    q.paragraph = -1;
    q.kind = QUOTE_PARTIAL;
    cr_assert(view_write_quote(&b, &q, NULL));
    same(dumped(view_quote(&q, true), NULL), &b);

    struct entity e = {.id = 9, .name = (char *)tricky, .type = ENTITY_ORGANIZATION,
                       .mentions = 3, .article_count = 2, .mention_count = 11,
                       .quote_count = 1};
    strv_push(&e.aliases, "NATO");
    strv_push(&e.titles, tricky);
    for (int in_article = 0; in_article < 2; in_article++) {
        cr_assert(view_write_entity(&b, &e, in_article, NULL));
        same(dumped(view_entity(&e, in_article), NULL), &b);
        cr_assert(view_write_entity(&b, &e, in_article, &some));
        same(dumped(view_entity(&e, in_article), &some), &b);
    }
    strv_clear(&e.aliases);
    strv_clear(&e.titles);
    strv_clear(&some);
}

Test(views, whole_articles_are_written_as_jansson_dumps_them)
{
    struct article a = {.id = 7, .title = tricky, .body = tricky, .ingested_at = tricky};
    strv_push(&a.paragraphs, tricky);
    strv_push(&a.paragraphs, "second");
    struct quote q[2] = {{.id = 1, .article_id = 7, .text = tricky, .kind = QUOTE_FULL},
                         {.id = 2, .article_id = 7, .text = tricky, .speaker_name = tricky,
                          .speaker_id = 4, .paragraph = 1, .kind = QUOTE_PARTIAL}};
    struct entity e = {.id = 4, .name = tricky, .mentions = 2};
    a.quotes = q;
    a.n_quotes = 2;
    a.entities = &e;
    a.n_entities = 1;
    struct strv some = {0};
    strv_push(&some, "quotes");
    strv_push(&some, "id");
    struct buf b = {0};
    cr_assert(view_write_article(&b, &a, NULL));
    same(dumped(view_article(&a, true), NULL), &b);
    cr_assert(view_write_article(&b, &a, &some));
    same(dumped(view_article(&a, true), &some), &b);
    a.quotes = NULL;
    a.n_quotes = 0;
    a.entities = NULL;
    a.n_entities = 0;
    a.body = NULL;
    cr_assert(view_write_article(&b, &a, NULL));
    same(dumped(view_article(&a, true), NULL), &b);
    strv_clear(&a.paragraphs);
    strv_clear(&some);
}

/* CSV exports: a cell a spreadsheet would run as a formula is made text
 * (OWASP CSV injection): a leading single quote, and the cell quoted. */
Test(views, csv_neutralises_formulas)
{
    static const struct {
        const char *title, *cell;
    } cases[] = {
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
        {"+1", "\"'+1\""},
        {"-2+3", "\"'-2+3\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"\tx", "\"'\tx\""},
        {"\rx", "\"'\rx\""},
        {"plain = title", "plain = title"},
        {"a, b", "\"a, b\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char title[64];
        snprintf(title, sizeof title, "%s", cases[i].title);
        struct article a = {.id = 7, .title = title};
        struct buf b = {0};
        cr_assert(view_article_csv(&b, &a));
        char want[256];
        snprintf(want, sizeof want, "7,,%s,", cases[i].cell);
        cr_assert(strncmp(b.data, want, strlen(want)) == 0, "%zu: got %s want %s", i, b.data,
                  want);
        buf_clear(&b);
    }
}
