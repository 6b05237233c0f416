/* test_store.c: the store on a migrated in-memory database: insert in one
 * transaction, dedup, entity merging across articles, reads, paging. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../server/store/store_internal.h"
#include "newsd/store.h"

static struct store *db;

static void store_setup(void)
{
    cr_assert_eq(store_open(":memory:", STORE_CREATE, &db), STORE_OK);
    int from = -1, to = -1;
    cr_assert_eq(store_migrate(db, &from, &to), STORE_OK);
    cr_assert_eq(from, 0);
    cr_assert_eq(to, store_schema_latest());
    cr_assert_eq(store_schema_check(db), STORE_OK);
}

static void store_teardown(void)
{
    store_close(db);
}

TestSuite(store, .init = store_setup, .fini = store_teardown);

/* Builds a small extracted article whose text varies with n. */
static void make_article(struct article *a, int n, const char *person, const char *published)
{
    memset(a, 0, sizeof *a);
    struct buf b = {0};
    buf_printf(&b, "Story number %d", n);
    a->title = buf_take(&b);
    buf_printf(&b, "First paragraph of story %d.", n);
    strv_push(&a->paragraphs, b.data);
    buf_clear(&b);
    strv_push(&a->paragraphs, "\"We will see,\" she said.");
    buf_printf(&b, "%s\n\n%s", a->paragraphs.v[0], a->paragraphs.v[1]);
    a->body = buf_take(&b);
    a->published_at = published ? strdup(published) : NULL;
    strv_push(&a->authors, "Ana Reporter");
    a->n_entities = 2;
    a->entities = calloc(2, sizeof *a->entities);
    a->entities[0].name = strdup(person);
    a->entities[0].type = ENTITY_PERSON;
    a->entities[0].mentions = 2;
    strv_push(&a->entities[0].titles, "Mayor");
    a->entities[1].name = strdup("Oslo");
    a->entities[1].type = ENTITY_PLACE;
    a->entities[1].mentions = 1;
    a->n_quotes = 1;
    a->quotes = calloc(1, sizeof *a->quotes);
    a->quotes[0].text = strdup("We will see,");
    a->quotes[0].speaker_name = strdup(person);
    a->quotes[0].speaker_type = ENTITY_PERSON;
    a->quotes[0].speaker_text = strdup("she");
    a->quotes[0].cue = strdup("said");
    a->quotes[0].paragraph = 1;
    a->word_count = 10;
}

Test(store, insert_then_read_back_in_full)
{
    struct article a, got = {0};
    struct store_insert res;
    make_article(&a, 1, "Ingrid Solberg", "2026-03-04T18:12:00-05:00");
    cr_assert_eq(store_article_insert(db, &a, &res), STORE_OK);
    cr_assert_gt(res.id, 0);
    cr_assert(!res.duplicate);
    cr_assert_eq(store_article_get(db, res.id, &got), STORE_OK);
    cr_assert_str_eq(got.title, "Story number 1");
    cr_assert_str_eq(got.body, a.body);
    cr_assert_eq(got.paragraphs.n, 2);
    cr_assert_eq(got.authors.n, 1);
    cr_assert_eq(got.n_quotes, 1);
    cr_assert_str_eq(got.quotes[0].speaker_name, "Ingrid Solberg");
    cr_assert_gt(got.quotes[0].speaker_id, 0);
    cr_assert_eq(got.n_entities, 2);
    cr_assert_str_eq(got.entities[0].name, "Ingrid Solberg"); /* most mentioned first */
    cr_assert_eq(got.entities[0].mentions, 2);
    cr_assert_str_eq(got.entities[0].titles.v[0], "Mayor");
    cr_assert_not_null(got.ingested_at);
    article_clear(&got);
    article_clear(&a);
    cr_assert_eq(store_article_get(db, 9999, &got), STORE_NOT_FOUND);
    article_clear(&got);
}

/* Stores an article whose body and paragraphs are given (n of them), reads it
 * back, and checks the paragraphs and how many rows article_paragraphs got. */
static void expect_paragraphs(int n_article, const char *body, const char *const *paras, size_t n,
                              int rows)
{
    struct article a, got = {0};
    struct store_insert res;
    make_article(&a, n_article, "Ana Lima", "2026-03-01");
    strv_clear(&a.paragraphs);
    for (size_t i = 0; i < n; i++)
        strv_push(&a.paragraphs, paras[i]);
    free(a.body);
    a.body = strdup(body);
    a.quotes[0].paragraph = 0;
    cr_assert_eq(store_article_insert(db, &a, &res), STORE_OK);
    cr_assert_eq(store_article_get(db, res.id, &got), STORE_OK);
    cr_assert_eq(got.paragraphs.n, n, "body \"%s\"", body);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(got.paragraphs.v[i], paras[i]);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db->db,
                                    "SELECT count(*) FROM article_paragraphs WHERE article_id = ?1",
                                    -1, &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_int64(st, 1, res.id);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(st, 0), rows, "body \"%s\"", body);
    sqlite3_finalize(st);
    article_clear(&got);
    article_clear(&a);
}

Test(store, paragraphs_are_cut_from_the_body_or_kept_as_rows)
{
    /* Paragraphs the body gives back (cut at each blank line) are not
     * stored twice; any other shape keeps its rows and reads back as it was. */
    const char *two[] = {"First one.", "Second one."};
    expect_paragraphs(1, "First one.\n\nSecond one.", two, 2, 0);
    const char *empty_first[] = {"", "After an empty one."};
    expect_paragraphs(2, "\n\nAfter an empty one.", empty_first, 2, 0);
    const char *blank_inside[] = {"One\n\nparagraph."};
    expect_paragraphs(3, "One\n\nparagraph.", blank_inside, 1, 1);
    const char *newline_end[] = {"Ends with a newline\n", "Next."};
    expect_paragraphs(4, "Ends with a newline\n\n\nNext.", newline_end, 2, 2);
    const char *not_body[] = {"Not the body."};
    expect_paragraphs(5, "Something else.", not_body, 1, 1);
    expect_paragraphs(6, "", NULL, 0, 0);
    const char *one_empty[] = {""};
    expect_paragraphs(7, "", one_empty, 1, 1);
}

Test(store, same_content_is_stored_once)
{
    struct article a, b;
    struct store_insert r1, r2;
    make_article(&a, 7, "Kwame Mensah", NULL);
    make_article(&b, 7, "Kwame Mensah", NULL);
    cr_assert_eq(store_article_insert(db, &a, &r1), STORE_OK);
    cr_assert_eq(store_article_insert(db, &b, &r2), STORE_OK);
    cr_assert(r2.duplicate);
    cr_assert_eq(r2.id, r1.id);
    struct article_page page = {0};
    struct article_query q = {.limit = 20};
    cr_assert_eq(store_articles_list(db, &q, &page), STORE_OK);
    cr_assert_eq(page.meta.total, 1);
    article_page_clear(&page);
    article_clear(&a);
    article_clear(&b);
}

Test(store, entities_merge_across_articles)
{
    struct article a, b;
    struct store_insert r;
    make_article(&a, 1, "Ingrid Solberg", "2026-01-01");
    make_article(&b, 2, "Ingrid Solberg", "2026-01-02");
    cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
    cr_assert_eq(store_article_insert(db, &b, &r), STORE_OK);
    struct entity_page page = {0};
    struct entity_query q = {.limit = 20, .type = ENTITY_PERSON};
    cr_assert_eq(store_entities_list(db, &q, &page), STORE_OK);
    cr_assert_eq(page.n, 1);
    cr_assert_eq(page.items[0].article_count, 2);
    cr_assert_eq(page.items[0].mention_count, 4);
    cr_assert_eq(page.items[0].quote_count, 2);
    int64_t person = page.items[0].id;
    entity_page_clear(&page);
    struct quote_page quotes = {0};
    struct quote_query qq = {.limit = 20, .speaker_id = person};
    cr_assert_eq(store_quotes_list(db, &qq, &quotes), STORE_OK);
    cr_assert_eq(quotes.n, 2);
    /* Newest article first. */
    cr_assert_gt(quotes.items[0].article_id, quotes.items[1].article_id);
    quote_page_clear(&quotes);
    article_clear(&a);
    article_clear(&b);
}

Test(store, cursor_walk_returns_every_row_once)
{
    struct store_insert r;
    for (int i = 0; i < 25; i++) {
        struct article a;
        /* Several share a date, so the id breaks ties. */
        char when[32];
        snprintf(when, sizeof when, "2026-02-%02d", 1 + i / 3);
        make_article(&a, i, "Ana Lima", when);
        cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
        article_clear(&a);
    }
    char *cursor = NULL;
    int seen[32] = {0}, n = 0;
    int64_t last_id = 0;
    for (int page_no = 0; page_no < 10; page_no++) {
        struct article_page page = {0};
        struct article_query q = {.limit = 4, .cursor = cursor};
        cr_assert_eq(store_articles_list(db, &q, &page), STORE_OK);
        cr_assert_eq(page.meta.total, 25);
        for (size_t i = 0; i < page.n; i++) {
            cr_assert_lt(page.items[i].id, 32);
            cr_assert_eq(seen[page.items[i].id]++, 0, "id %lld twice", (long long)page.items[i].id);
            /* Later stories have later (or equal) dates and higher ids, so
             * newest first is falling ids, across pages too. */
            cr_assert(last_id == 0 || page.items[i].id < last_id, "id %lld after %lld",
                      (long long)page.items[i].id, (long long)last_id);
            last_id = page.items[i].id;
            n++;
        }
        free(cursor);
        cursor = page.meta.next_cursor ? strdup(page.meta.next_cursor) : NULL;
        article_page_clear(&page);
        if (!cursor)
            break;
    }
    cr_assert_eq(n, 25);
}

/* Gives article a n quotes, "Quote k of story i." for k = 0 .. n - 1. */
static void give_quotes(struct article *a, int story, int n)
{
    for (size_t k = 0; k < a->n_quotes; k++) {
        free(a->quotes[k].text);
        free(a->quotes[k].speaker_name);
        free(a->quotes[k].speaker_text);
        free(a->quotes[k].cue);
    }
    free(a->quotes);
    a->n_quotes = (size_t)n;
    a->quotes = calloc((size_t)n, sizeof *a->quotes);
    for (int k = 0; k < n; k++) {
        char text[64];
        snprintf(text, sizeof text, "Quote %d of story %d.", k, story);
        a->quotes[k].text = strdup(text);
        a->quotes[k].paragraph = 1;
    }
}

/* The quote list with no filter but dates walks articles newest first and
 * each article's quotes in order (0004_quote_sort_index.sql): a cursor walk
 * meets every quote once, in (sort_at, article) descending then position
 * ascending order, also across articles that share a date and with a date
 * filter. */
Test(store, quote_walk_is_newest_article_first_then_position)
{
    struct store_insert r;
    int n_quotes = 0, n_from = 0;
    for (int i = 0; i < 12; i++) {
        struct article a;
        char when[32];
        snprintf(when, sizeof when, "2026-03-%02d", 1 + i / 4); /* four share each date */
        make_article(&a, i, "Ana Lima", when);
        give_quotes(&a, i, i % 4); /* some have none */
        cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
        n_quotes += i % 4;
        n_from += i >= 4 ? i % 4 : 0;
        article_clear(&a);
    }
    const char *froms[] = {NULL, "2026-03-02"};
    for (int f = 0; f < 2; f++) {
        char *cursor = NULL, *last_sort = NULL;
        int64_t last_art = 0, last_id = 0;
        int n = 0;
        for (int page_no = 0; page_no < 40; page_no++) {
            struct quote_page page = {0};
            struct quote_query q = {.limit = 3, .cursor = cursor, .from = froms[f]};
            cr_assert_eq(store_quotes_list(db, &q, &page), STORE_OK);
            cr_assert_eq(page.meta.total, f ? n_from : n_quotes);
            for (size_t i = 0; i < page.n; i++) {
                /* an article's quotes get ids in position order */
                struct quote *qt = &page.items[i];
                struct article a = {0};
                cr_assert_eq(store_article_get(db, qt->article_id, &a), STORE_OK);
                if (last_sort) {
                    int c = strcmp(a.published_at, last_sort);
                    bool later_in_article = qt->article_id == last_art && qt->id > last_id;
                    cr_assert(c < 0 || (c == 0 && (qt->article_id < last_art || later_in_article)),
                              "quote %lld out of order", (long long)qt->id);
                }
                free(last_sort);
                last_sort = strdup(a.published_at);
                last_art = qt->article_id;
                last_id = qt->id;
                article_clear(&a);
                n++;
            }
            free(cursor);
            cursor = page.meta.next_cursor ? strdup(page.meta.next_cursor) : NULL;
            quote_page_clear(&page);
            if (!cursor)
                break;
        }
        free(last_sort);
        cr_assert_eq(n, f ? n_from : n_quotes, "from %s: %d quotes walked",
                     froms[f] ? froms[f] : "-", n);
    }
}

Test(store, forged_cursor_is_invalid)
{
    struct article_page page = {0};
    struct article_query q = {.limit = 4,
                              .cursor = "YR8yMDI2LTAzLTA0VDIzOjEyOjAwWh8xMx9lYTc3NWZmMg"};
    cr_assert_eq(store_articles_list(db, &q, &page), STORE_INVALID);
    article_page_clear(&page);
    q.cursor = "!!!";
    cr_assert_eq(store_articles_list(db, &q, &page), STORE_INVALID);
    article_page_clear(&page);
}

Test(store, migrate_is_idempotent)
{
    int from = -1, to = -1;
    cr_assert_eq(store_migrate(db, &from, &to), STORE_OK);
    cr_assert_eq(from, store_schema_latest());
    cr_assert_eq(to, store_schema_latest());
}

Test(store, delete_takes_orphans_and_counts_with_it)
{
    struct article a, b;
    struct store_insert ra, rb;
    make_article(&a, 1, "Ingrid Solberg", "2026-01-01");
    make_article(&b, 2, "Kwame Mensah", "2026-01-02");
    cr_assert_eq(store_article_insert(db, &a, &ra), STORE_OK);
    cr_assert_eq(store_article_insert(db, &b, &rb), STORE_OK);
    cr_assert_eq(store_article_delete(db, ra.id), STORE_OK);
    cr_assert_eq(store_article_delete(db, ra.id), STORE_NOT_FOUND);
    struct entity_page page = {0};
    struct entity_query q = {.limit = 20, .type = -1, .sort = ENTITY_SORT_NAME};
    cr_assert_eq(store_entities_list(db, &q, &page), STORE_OK);
    cr_assert_eq(page.n, 2, "Solberg went with her only article");
    cr_assert_str_eq(page.items[0].name, "Kwame Mensah");
    cr_assert_str_eq(page.items[1].name, "Oslo");
    cr_assert_eq(page.items[1].article_count, 1);
    cr_assert_eq(page.items[1].mention_count, 1);
    entity_page_clear(&page);
    struct quote_page quotes = {0};
    struct quote_query qq = {.limit = 20};
    cr_assert_eq(store_quotes_list(db, &qq, &quotes), STORE_OK);
    cr_assert_eq(quotes.meta.total, 1);
    quote_page_clear(&quotes);
    article_clear(&a);
    article_clear(&b);
}

/* Deleting an article takes its many quotes off their groups and speakers,
 * and leaves the counts of what other articles share right. Each count comes
 * off in one grouped pass (a per-group count walked the article's quotes
 * once a group: an article of 10,000 quotes took 13 s to delete). */
Test(store, delete_of_many_quotes_keeps_shared_groups_and_counts)
{
    enum { N = 400 };
    struct article a, b;
    struct store_insert ra, rb;
    make_article(&a, 1, "Ingrid Solberg", "2026-01-01");
    make_article(&b, 2, "Ingrid Solberg", "2026-01-02");
    quotes_free(a.quotes, a.n_quotes);
    a.quotes = calloc(N, sizeof *a.quotes);
    a.n_quotes = N;
    for (int i = 0; i < N; i++) {
        struct buf t = {0};
        buf_printf(&t, "We agree on point %d,", i);
        a.quotes[i].text = i == 0 ? strdup("We will see,") : buf_take(&t);
        buf_clear(&t);
        a.quotes[i].speaker_name = strdup("Ingrid Solberg");
        a.quotes[i].speaker_type = ENTITY_PERSON;
        a.quotes[i].cue = strdup("said");
        a.quotes[i].paragraph = 1;
    }
    cr_assert_eq(store_article_insert(db, &a, &ra), STORE_OK);
    cr_assert_eq(store_article_insert(db, &b, &rb), STORE_OK);
    struct quote_group_page groups = {0};
    cr_assert_eq(store_quote_groups_list(db, 100, NULL, &groups), STORE_OK);
    cr_assert_eq(groups.meta.total, N, "one group per distinct quote");
    quote_group_page_clear(&groups);
    cr_assert_eq(store_article_delete(db, ra.id), STORE_OK);
    cr_assert_eq(store_quote_groups_list(db, 100, NULL, &groups), STORE_OK);
    cr_assert_eq(groups.n, 1, "only the group the other article shares is left");
    cr_assert_str_eq(groups.items[0].text, "We will see,");
    cr_assert_eq(groups.items[0].occurrences, 1);
    cr_assert_str_eq(groups.items[0].first_seen, groups.items[0].last_seen,
                     "first and last seen moved to the remaining quote");
    quote_group_page_clear(&groups);
    struct entity_page page = {0};
    struct entity_query q = {.limit = 20, .type = ENTITY_PERSON};
    cr_assert_eq(store_entities_list(db, &q, &page), STORE_OK);
    cr_assert_eq(page.n, 1);
    cr_assert_eq(page.items[0].quote_count, 1, "the deleted article's %d quotes came off", N);
    cr_assert_eq(page.items[0].article_count, 1);
    cr_assert_eq(page.items[0].mention_count, 2);
    entity_page_clear(&page);
    article_clear(&a);
    article_clear(&b);
}

/* The FTS5 expression for q, or NULL with the reason in why. */
static char *fts(const char *q, const char **why)
{
    char *out = NULL;
    enum store_rc rc = store_fts_parse(q, &out, why);
    cr_assert_eq(rc == STORE_OK, out != NULL);
    return out;
}

/* The excerpt of q in (title, subtitle, body), marks shown as [ ]. */
static char *excerpt(const char *q, const char *title, const char *subtitle, const char *body)
{
    const char *why;
    char *expr = fts(q, &why);
    cr_assert_not_null(expr, "%s", why);
    const char *cols[3] = {title, subtitle, body};
    struct buf out = {0};
    cr_assert(store_snippet(expr, cols, 3, &out));
    free(expr);
    for (size_t i = 0; i < out.len; i++)
        out.data[i] = out.data[i] == '\x02' ? '[' : out.data[i] == '\x03' ? ']' : out.data[i];
    return out.data ? buf_take(&out) : strdup("");
}

Test(store, search_excerpts_mark_the_words_searched_for)
{
    static const char body[] =
        "The harbour board met on Monday. “Port fees will rise,” said the chair, "
        "while dock workers asked for the green-corridor plan to be published before any vote "
        "on the new Port Authority budget, which runs to forty pages and covers dredging, "
        "pilots, moorings and the ferry terminal for the next five years.";
    struct {
        const char *q, *want;
    } cases[] = {
        /* Case folds, curly quotes split words, and the excerpt opens a few
         * words before the first hit. */
        {"port", "…met on Monday. “[Port] fees will rise,” said the chair, while dock workers "
                 "asked for the green-corridor plan to be published before any…"},
        /* The window with both words wins over the one with either. */
        {"authority budget",
         "…the new Port [Authority] [budget], which runs to forty pages and covers dredging, "
         "pilots, moorings and the ferry terminal for the next five years."},
        /* A phrase is marked as one span, a prefix matches longer words. */
        {"\"green corridor\" dredg*",
         "…asked for the [green-corridor] plan to be published before any vote on the new Port "
         "Authority budget, which runs to forty pages and…"},
        {"dredg*", "…the new Port Authority budget, which runs to forty pages and covers "
                   "[dredging], pilots, moorings and the ferry terminal for the next five years."},
        /* Excluded words are never marked. */
        {"ferry -port", "…the new Port Authority budget, which runs to forty pages and covers "
                        "dredging, pilots, moorings and the [ferry] terminal for the next five "
                        "years."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = excerpt(cases[i].q, "Board meets", NULL, body);
        cr_assert_str_eq(got, cases[i].want, "q=%s: %s", cases[i].q, got);
        free(got);
    }
    /* A word only in the title: the title. Nothing visible: the body's opening. */
    char *t = excerpt("meets", "Board meets", NULL, body);
    cr_assert_str_eq(t, "Board [meets]");
    free(t);
    char *none = excerpt("São", "Board meets", NULL, "Short body with no such word.");
    cr_assert_str_eq(none, "Short body with no such word.");
    free(none);
}

Test(store, an_excerpt_of_a_very_long_body_stays_short)
{
    /* Past the tokens the excerpt reads, the body still goes on: a window
     * at that edge must end with an ellipsis, not take the rest of the text. */
    struct buf body = {0};
    for (int i = 0; i < 6000; i++)
        cr_assert(buf_puts(&body, i == 4090 ? "zebra " : "word "));
    char *got = excerpt("zebra", "Title", NULL, body.data);
    cr_assert_lt(strlen(got), 300, "%zu bytes", strlen(got));
    cr_assert_not_null(strstr(got, "[zebra]"));
    size_t n = strlen(got);
    cr_assert(n > 3 && strcmp(got + n - 3, "…") == 0, "%s", got);
    free(got);
    buf_clear(&body);
}

Test(store, search_box_language_becomes_fts5)
{
    const char *why;
    struct {
        const char *q, *want;
    } cases[] = {
        {"port", "((\"port\"))"},
        {"port strike", "((\"port\") AND (\"strike\"))"},
        {"\"green corridor\" farmers", "((\"green corridor\") AND (\"farmers\"))"},
        {"port OR harbour strike", "((\"port\" OR \"harbour\") AND (\"strike\"))"},
        {"cocoa -rain", "((\"cocoa\")) NOT \"rain\""},
        {"rebuil*", "((\"rebuil\" *))"},
        {"NEAR(a b) col:x", "((\"NEAR(a\") AND (\"b)\") AND (\"col:x\"))"},
        {"say \"\"", "((\"say\"))"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = fts(cases[i].q, &why);
        cr_assert_not_null(got, "%s: %s", cases[i].q, why);
        cr_assert_str_eq(got, cases[i].want, "q=%s: %s", cases[i].q, got);
        free(got);
    }
    const char *bad[] = {"\"open phrase", "OR port", "port OR", "-only",
                         "a OR OR b",     "",        "- - -",   "a OR -b"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_null(fts(bad[i], &why), "accepted '%s'", bad[i]);
        cr_assert_not_null(why);
    }
    char long_q[400];
    memset(long_q, 'a', sizeof long_q - 1);
    long_q[sizeof long_q - 1] = '\0';
    cr_assert_null(fts(long_q, &why));
    cr_assert_null(fts("a b c d e f g h i j k l m n o p q", &why), "17 terms");
}

Test(store, every_search_expression_is_valid_fts5)
{
    struct article a;
    struct store_insert r;
    make_article(&a, 1, "Ingrid Solberg", "2026-01-01");
    cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
    article_clear(&a);
    const char *qs[] = {"story",
                        "\"first paragraph\"",
                        "story OR nothing",
                        "story -nothing",
                        "sto*",
                        "NEAR(a b)",
                        "a:b",
                        "\"'\"",
                        "^x",
                        "x AND",
                        "(((",
                        "*"};
    /* A quoted apostrophe, brackets alone and a lone star hold no word to search for. */
    const bool parses[] = {true, true, true, true, true, true, true,
                           false, true, true, false, false};
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        const char *why;
        char *expr = fts(qs[i], &why);
        /* (a refused query was skipped, so a parser refusing all passed) */
        cr_assert_eq(expr != NULL, parses[i], "q=%s: %s", qs[i], expr ? "accepted" : why);
        if (!expr)
            continue;
        struct article_page page = {0};
        struct article_query q = {.limit = 5, .fts = expr};
        cr_assert_eq(store_articles_list(db, &q, &page), STORE_OK, "q=%s -> %s", qs[i], expr);
        if (i < 5)
            cr_assert_eq(page.n, 1, "q=%s finds the story", qs[i]);
        article_page_clear(&page);
        free(expr);
    }
}

/* Stores one article and has the store write every query plan into plan. */
static void explain_with_one_article(struct buf *plan)
{
    struct article a;
    struct store_insert r;
    make_article(&a, 1, "Ingrid Solberg", "2026-01-01");
    cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
    article_clear(&a);
    db->explain = plan;
}

/* The plain article list (newest or oldest first, between dates) reads its
 * page from articles_by_sort alone (0007): each article's row is about a 4 KiB page
 * with its body, so reading rows cost a page-cache miss an article at scale.
 * A summary column added without adding it to the index fails here. */
Test(store, the_article_list_reads_its_page_from_the_index_alone)
{
    struct buf plan = {0};
    explain_with_one_article(&plan);
    struct article_query qs[] = {{.limit = 5},
                                 {.limit = 5, .oldest_first = true},
                                 {.limit = 5, .from = "2025-06-01", .to = "2026-06-01"}};
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        struct article_page page = {0};
        cr_assert_eq(store_articles_list(db, &qs[i], &page), STORE_OK);
        cr_assert_eq(page.n, 1);
        article_page_clear(&page);
    }
    db->explain = NULL;
    cr_assert_not_null(plan.data);
    /* The count between two dates walks the narrow index (articles_by_sort_key):
     * through the wide one it read about eight times the pages. */
    int lists = 0, dated_counts = 0;
    for (const char *line = plan.data; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char one[256];
        snprintf(one, sizeof one, "%.*s", (int)n, line);
        if (strncmp(one, "articles_list: ", 15) == 0) {
            lists++;
            cr_assert(strstr(one, "USING COVERING INDEX articles_by_sort") &&
                          !strstr(one, "articles_by_sort_key"),
                      "%s", one);
        }
        if (strncmp(one, "articles_count: ", 16) == 0 && strstr(one, "sort_at>")) {
            dated_counts++;
            cr_assert_not_null(strstr(one, "USING COVERING INDEX articles_by_sort_key"), "%s", one);
        }
        line = end ? end + 1 : NULL;
    }
    cr_assert_eq(lists, 3, "%s", plan.data);
    cr_assert_eq(dated_counts, 1, "%s", plan.data);
    buf_clear(&plan);
}

/* Every list query walks an index: no full table scan, and no sort in a
 * temporary b-tree except where ranking demands it (search by relevance). */
Test(store, every_list_query_is_served_by_an_index)
{
    struct buf plan = {0};
    explain_with_one_article(&plan);
    char *fts_expr = NULL;
    const char *why;
    cr_assert_eq(store_fts_parse("story", &fts_expr, &why), STORE_OK);

    struct article_query aqs[] = {
        {.limit = 5},
        {.limit = 5, .oldest_first = true},
        {.limit = 5, .entity_id = 1},
        {.limit = 5, .author = "Ana Reporter"},
        {.limit = 5, .section = "Science"},
        {.limit = 5, .section = "Science", .from = "2026-01-01", .to = "2026-02-01T00:00:00"},
        {.limit = 5, .speaker_id = 1},
        {.limit = 5, .fts = fts_expr},
        {.limit = 5, .fts = fts_expr, .by_relevance = true},
    };
    for (size_t i = 0; i < sizeof aqs / sizeof *aqs; i++) {
        struct article_page page = {0};
        cr_assert_eq(store_articles_list(db, &aqs[i], &page), STORE_OK);
        article_page_clear(&page);
    }
    struct quote_query qqs[] = {
        {.limit = 5},
        {.limit = 5, .article_id = 1},
        {.limit = 5, .speaker_id = 1},
        {.limit = 5, .fts = fts_expr},
        {.limit = 5, .from = "2026-01-01"},
    };
    for (size_t i = 0; i < sizeof qqs / sizeof *qqs; i++) {
        struct quote_page page = {0};
        cr_assert_eq(store_quotes_list(db, &qqs[i], &page), STORE_OK);
        quote_page_clear(&page);
    }
    struct entity_query eqs[] = {
        {.limit = 5, .type = -1},
        {.limit = 5, .type = ENTITY_PLACE},
        {.limit = 5, .type = -1, .sort = ENTITY_SORT_NAME},
        {.limit = 5, .type = -1, .article_id = 1},
        {.limit = 5, .type = -1, .prefix = "ingr"},
        {.limit = 5, .type = ENTITY_PERSON, .prefix = "os", .sort = ENTITY_SORT_NAME},
    };
    for (size_t i = 0; i < sizeof eqs / sizeof *eqs; i++) {
        struct entity_page page = {0};
        cr_assert_eq(store_entities_list(db, &eqs[i], &page), STORE_OK);
        entity_page_clear(&page);
    }
    struct quote_group_page groups = {0};
    cr_assert_eq(store_quote_groups_list(db, 5, NULL, &groups), STORE_OK);
    quote_group_page_clear(&groups);
    db->explain = NULL;
    free(fts_expr);
    cr_assert_not_null(plan.data);
    if (getenv("NEWSD_SHOW_PLANS"))
        fputs(plan.data, stderr);
    /* Check line by line. A search reads its page from a subquery it made
     * (MATERIALIZE x, then SCAN x): that scan is of a bounded page, not a table. */
    char materialized[8][32];
    size_t n_mat = 0;
    for (char *line = plan.data; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        bool is_count = strstr(line, "_count:") != NULL;
        const char *mat = strstr(line, "MATERIALIZE "), *scan = strstr(line, "SCAN ");
        if (mat && n_mat < 8)
            snprintf(materialized[n_mat++], sizeof materialized[0], "%s", mat + 12);
        bool of_subquery = scan && strncmp(scan + 5, "(subquery", 9) == 0;
        for (size_t m = 0; scan && m < n_mat; m++)
            of_subquery = of_subquery || strcmp(scan + 5, materialized[m]) == 0;
        bool full_scan = scan && !of_subquery && !strstr(line, "USING") &&
                         !strstr(line, "VIRTUAL TABLE");
        cr_assert(!full_scan, "full table scan: %s", line);
        /* Only a search sorts its (bounded) matches: by rank or by date. */
        cr_assert(is_count || strstr(line, "_search:") || !strstr(line, "TEMP B-TREE"),
                  "sorts in a temporary b-tree: %s", line);
        line = nl ? nl + 1 : NULL;
    }
    buf_clear(&plan);
}

Test(store, quote_canon_folds_case_punctuation_and_marks)
{
    char *a = store_quote_canon("“We will see,” she");
    char *b = store_quote_canon("we will SEE... she");
    char *c = store_quote_canon("We don't — won't stop.");
    cr_assert_str_eq(a, "we will see she");
    cr_assert_str_eq(b, "we will see she");
    cr_assert_str_eq(c, "we dont wont stop");
    free(a);
    free(b);
    free(c);
}

Test(store, one_group_per_distinct_quotation)
{
    struct article a, b;
    struct store_insert ra, rb;
    make_article(&a, 1, "Ingrid Solberg", "2026-01-01");
    make_article(&b, 2, "Kwame Mensah", "2026-02-01");
    free(b.quotes[0].text);
    b.quotes[0].text = strdup("“WE WILL SEE”");
    cr_assert_eq(store_article_insert(db, &a, &ra), STORE_OK);
    cr_assert_eq(store_article_insert(db, &b, &rb), STORE_OK);
    struct quote_group_page page = {0};
    cr_assert_eq(store_quote_groups_list(db, 10, NULL, &page), STORE_OK);
    cr_assert_eq(page.n, 1);
    cr_assert_eq(page.items[0].occurrences, 2);
    cr_assert_str_eq(page.items[0].text, "We will see,");
    cr_assert_str_eq(page.items[0].first_seen, "2026-01-01T00:00:00Z");
    cr_assert_str_eq(page.items[0].last_seen, "2026-02-01T00:00:00Z");
    cr_assert_eq(page.items[0].n_article_ids, 2);
    quote_group_page_clear(&page);

    cr_assert_eq(store_article_delete(db, rb.id), STORE_OK);
    cr_assert_eq(store_quote_groups_list(db, 10, NULL, &page), STORE_OK);
    cr_assert_eq(page.n, 1);
    cr_assert_eq(page.items[0].occurrences, 1);
    cr_assert_str_eq(page.items[0].last_seen, "2026-01-01T00:00:00Z");
    quote_group_page_clear(&page);

    cr_assert_eq(store_article_delete(db, ra.id), STORE_OK);
    cr_assert_eq(store_quote_groups_list(db, 10, NULL, &page), STORE_OK);
    cr_assert_eq(page.n, 0);
    cr_assert_eq(page.meta.total, 0);
    quote_group_page_clear(&page);
    article_clear(&a);
    article_clear(&b);
}

/* A migrated database in a new temporary file (path is its mkstemp
 * template) with a writer *w and a second connection *o opened in mode. */
static void two_connections(char *path, enum store_mode mode, struct store **w, struct store **o)
{
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    cr_assert_eq(store_open(path, STORE_CREATE, w), STORE_OK);
    cr_assert_eq(store_migrate(*w, NULL, NULL), STORE_OK);
    cr_assert_eq(store_open(path, mode, o), STORE_OK);
}

Test(store, cached_totals_follow_writes_from_any_connection)
{
    /* A second connection to a file database sees the first one's commits. */
    char path[] = "/tmp/newsd-store-XXXXXX";
    struct store *w, *r;
    two_connections(path, STORE_READ_ONLY, &w, &r);
    struct article_query q = {.limit = 5};
    for (int i = 0; i < 3; i++) {
        struct article_page page = {0};
        cr_assert_eq(store_articles_list(r, &q, &page), STORE_OK);
        cr_assert_eq(page.meta.total, i, "total after %d inserts", i);
        article_page_clear(&page);
        cr_assert_eq(store_articles_list(r, &q, &page), STORE_OK); /* from the cache */
        cr_assert_eq(page.meta.total, i);
        article_page_clear(&page);
        struct article a;
        struct store_insert res;
        make_article(&a, 100 + i, "Ana Lima", "2026-03-01");
        cr_assert_eq(store_article_insert(w, &a, &res), STORE_OK);
        article_clear(&a);
    }
    store_close(r);
    store_close(w);
    char side[64];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    unlink(path);
}

/* --- batches (newsd ingest) ----------------------------------------------------- */

/* Article n of a varied set: speakers, places and quotations repeat across
 * articles (so entity and group counters add up), one quote per article is
 * its own, and some articles have no date. */
static void make_varied(struct article *a, int n)
{
    static const char *const people[] = {"Ana Lima", "Ingrid Solberg", "Tom Berg", "Ola Nordmann"};
    static const char *const said[] = {"We will see,", "It is too early to say.",
                                       "Nothing is decided,"};
    char date[32];
    snprintf(date, sizeof date, "2026-03-%02dT10:00:00Z", 1 + (n * 7) % 27);
    make_article(a, n, people[n % 4], n % 5 == 4 ? NULL : date);
    strv_push(&a->entities[0].aliases, n % 2 ? "Lima" : "Solberg");
    struct quote *v = realloc(a->quotes, 3 * sizeof *v);
    cr_assert_not_null(v);
    a->quotes = v;
    memset(&a->quotes[1], 0, 2 * sizeof *v);
    a->quotes[1].text = strdup(said[n % 3]);
    a->quotes[1].speaker_name = strdup(people[(n + 1) % 4]); /* a speaker not listed */
    a->quotes[1].speaker_type = ENTITY_PERSON;
    a->quotes[1].paragraph = 1;
    struct buf b = {0};
    buf_printf(&b, "Quote number %d.", n);
    a->quotes[2].text = buf_take(&b);
    a->quotes[2].paragraph = 0;
    a->n_quotes = 3;
}

/* Everything stored, ids included, except ingestion times (and the sort keys
 * of undated articles, which come from them), as one text. */
static char *db_signature(struct store *s)
{
    static const char *const queries[] = {
        "SELECT id, content_hash, title, body, published_at, quote_count, entity_count, "
        " CASE WHEN published_at IS NULL THEN '' ELSE sort_at END FROM articles ORDER BY id",
        "SELECT article_id, position, text FROM article_paragraphs ORDER BY 1, 2",
        "SELECT article_id, position, name FROM article_authors ORDER BY 1, 2",
        "SELECT id, type, name, article_count, mention_count, quote_count FROM entities "
        " ORDER BY id",
        "SELECT entity_id, alias FROM entity_aliases ORDER BY 1, 2",
        "SELECT entity_id, name FROM entity_names ORDER BY 1, 2",
        "SELECT entity_id, title FROM entity_titles ORDER BY 1, 2",
        "SELECT article_id, entity_id, count, quotes FROM mentions ORDER BY 1, 2",
        "SELECT id, canon, text, occurrences, first_seen <= last_seen FROM quote_groups "
        " ORDER BY id",
        "SELECT id, article_id, position, text, speaker_id, group_id FROM quotes ORDER BY id",
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'story' ORDER BY rowid",
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'quote OR see' ORDER BY rowid",
        /* every term with its rows and occurrences: a row indexed twice, or
         * not at all, changes them */
        "SELECT term, doc, cnt FROM temp.sig_articles_vocab ORDER BY term",
        "SELECT term, doc, cnt FROM temp.sig_quotes_vocab ORDER BY term",
    };
    cr_assert_eq(sqlite3_exec(s->db,
                              "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sig_articles_vocab "
                              " USING fts5vocab(main, articles_fts, 'row');"
                              "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sig_quotes_vocab "
                              " USING fts5vocab(main, quotes_fts, 'row');",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    struct buf out = {0};
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        sqlite3_stmt *st = NULL;
        cr_assert_eq(sqlite3_prepare_v2(s->db, queries[i], -1, &st, NULL), SQLITE_OK, "%s",
                     queries[i]);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const unsigned char *t = sqlite3_column_text(st, c);
                buf_printf(&out, "%s|", t ? (const char *)t : "NULL");
            }
            buf_append(&out, "\n", 1);
        }
        sqlite3_finalize(st);
        buf_append(&out, "--\n", 3);
    }
    return buf_take(&out);
}

/* The bulk database equals the one-article-a-transaction one; frees both
 * article sets and the reference store. */
static void expect_same_db(struct store *one, struct article *a, struct article *b, int n)
{
    char *want = db_signature(one), *got = db_signature(db);
    cr_assert_str_eq(got, want);
    free(want);
    free(got);
    for (int i = 0; i < n; i++) {
        article_clear(&a[i]);
        article_clear(&b[i]);
    }
    store_close(one);
}

static struct store *open_memory(void)
{
    struct store *s = NULL;
    cr_assert_eq(store_open(":memory:", STORE_CREATE, &s), STORE_OK);
    cr_assert_eq(store_migrate(s, NULL, NULL), STORE_OK);
    return s;
}

Test(store, batch_stores_what_one_by_one_stores)
{
    /* Full-text rows, entity counters and quote-group counters of a batch
     * are written when it commits; the result must be the same, ids
     * included, as one transaction per article. Two batches, so that the
     * second one starts from what the first remembered. */
    enum { N = 40 };
    struct article a[N], b[N];
    struct store_insert res;
    int64_t want_id[N];
    struct store *one = open_memory();
    for (int i = 0; i < N; i++) {
        make_varied(&a[i], i % 30); /* the last ten are duplicates */
        make_varied(&b[i], i % 30);
        cr_assert_eq(store_article_insert(one, &a[i], &res), STORE_OK);
        cr_assert_eq(res.duplicate, i >= 30);
        want_id[i] = res.id;
    }
    cr_assert_eq(store_bulk_mode(db), STORE_OK);
    cr_assert_eq(store_batch_begin(db), STORE_OK);
    for (int i = 0; i < N; i++) {
        if (i == N / 2) {
            cr_assert_eq(store_batch_commit(db), STORE_OK);
            cr_assert_eq(store_batch_begin(db), STORE_OK);
        }
        /* Every other article comes with its prep made ahead, as the
         * ingest workers make it: the same rows either way. */
        struct store_prep prep = {0};
        if (i % 2)
            cr_assert_eq(store_article_prep(&b[i], &prep), STORE_OK);
        cr_assert_eq(store_article_insert_prep(db, &b[i], i % 2 ? &prep : NULL, &res), STORE_OK);
        store_prep_clear(&prep);
        cr_assert_eq(res.duplicate, i >= 30);
        /* (it compared res.id with itself for the duplicates, whose a[i].id stays 0) */
        cr_assert_eq(res.id, want_id[i], "article %d: id %lld, want %lld", i, (long long)res.id,
                     (long long)want_id[i]);
    }
    cr_assert_eq(store_bulk_finish(db), STORE_OK);
    expect_same_db(one, a, b, N);
}

Test(store, failed_article_in_a_batch_leaves_only_itself_out)
{
    /* Articles in a batch have no savepoint of their own: a failure takes the
     * batch back and writes its earlier articles again. The result must be
     * the batch without the failed article, and the batch goes on. */
    enum { N = 12, BAD = 7 };
    struct article a[N], b[N];
    struct store_insert res;
    struct store *one = open_memory();
    /* Values over 2,000 bytes are refused: article BAD gets a long paragraph. */
    sqlite3_limit(db->db, SQLITE_LIMIT_LENGTH, 2000);
    for (int i = 0; i < N; i++) {
        make_varied(&a[i], i);
        make_varied(&b[i], i);
        if (i == BAD) {
            char *big = calloc(1, 3000);
            memset(big, 'x', 2999);
            strv_push(&b[i].paragraphs, big);
            free(big);
            continue;
        }
        cr_assert_eq(store_article_insert(one, &a[i], &res), STORE_OK);
    }
    cr_assert_eq(store_batch_begin(db), STORE_OK);
    for (int i = 0; i < N; i++) {
        enum store_rc rc = store_article_insert(db, &b[i], &res);
        cr_assert_eq(rc, i == BAD ? STORE_ERR : STORE_OK, "article %d: rc %d", i, rc);
    }
    cr_assert_eq(store_batch_commit(db), STORE_OK);
    expect_same_db(one, a, b, N);
}

Test(store, batch_full_text_rows_written_in_steps_match_one_by_one)
{
    /* A large batch writes its full-text rows every fts_step articles
     * (STORE_FTS_STEP), not only when it commits: every row must be indexed,
     * also when an article fails after a step and the batch is written
     * again. (A row written twice would not show: FTS5 reads the newer
     * entry of a rowid only, so that costs time, not results.) The step is
     * lowered to 256 so that 700 articles cross two steps, the failure
     * falling between them. */
    enum { N = 700, BAD = 300, STEP = 256 };
    struct article *a = calloc(N, sizeof *a), *b = calloc(N, sizeof *b);
    cr_assert(a && b);
    struct store_insert res;
    struct store *one = open_memory();
    for (int i = 0; i < N; i++) {
        make_varied(&a[i], i);
        make_varied(&b[i], i);
        if (i == BAD) {
            char *big = calloc(1, 3000);
            cr_assert_not_null(big);
            memset(big, 'x', 2999);
            strv_push(&b[i].paragraphs, big);
            free(big);
            continue;
        }
        cr_assert_eq(store_article_insert(one, &a[i], &res), STORE_OK);
        cr_assert_not(res.duplicate);
    }
    cr_assert_lt(STEP, BAD);
    cr_assert_gt(STEP * 2, BAD);
    cr_assert_lt(STEP * 2, N);
    db->fts_step = STEP;
    cr_assert_eq(store_bulk_mode(db), STORE_OK);
    cr_assert_eq(store_batch_begin(db), STORE_OK);
    for (int i = 0; i < N; i++) {
        /* values over 2,000 bytes are refused while BAD, with its long
         * paragraph, is written (FTS5's own pages are larger) */
        int limit = sqlite3_limit(db->db, SQLITE_LIMIT_LENGTH, i == BAD ? 2000 : -1);
        enum store_rc rc = store_article_insert(db, &b[i], &res);
        cr_assert_eq(rc, i == BAD ? STORE_ERR : STORE_OK, "article %d: rc %d", i, rc);
        if (i == BAD)
            sqlite3_limit(db->db, SQLITE_LIMIT_LENGTH, limit);
        if (i == STEP) {
            /* The first step's rows are written before the commit. */
            sqlite3_stmt *st;
            cr_assert_eq(sqlite3_prepare_v2(db->db, "SELECT count(*) FROM articles_fts_docsize",
                                            -1, &st, NULL),
                         SQLITE_OK);
            cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
            cr_assert_eq(sqlite3_column_int(st, 0), STEP);
            sqlite3_finalize(st);
        }
    }
    cr_assert_eq(store_bulk_finish(db), STORE_OK);
    expect_same_db(one, a, b, N);
    free(a);
    free(b);
}

Test(store, batch_forgets_entities_another_connection_deleted)
{
    /* The bulk writer remembers entity ids across batches; another
     * connection's delete (which drops orphaned entities) must make it
     * forget them, or the next mention would point at a removed entity. */
    char path[] = "/tmp/newsd-store-XXXXXX";
    struct store *w, *other;
    two_connections(path, STORE_READ_WRITE, &w, &other);
    struct article a, b;
    struct store_insert ra, rb;
    make_article(&a, 1, "Ola Nordmann", "2026-03-01");
    make_article(&b, 2, "Ola Nordmann", "2026-03-02");
    cr_assert_eq(store_batch_begin(w), STORE_OK);
    cr_assert_eq(store_article_insert(w, &a, &ra), STORE_OK);
    cr_assert_eq(store_batch_commit(w), STORE_OK);
    int64_t old_id = a.entities[0].id;
    cr_assert_eq(store_article_delete(other, ra.id), STORE_OK);
    struct entity e = {0};
    cr_assert_eq(store_entity_get(other, old_id, &e), STORE_NOT_FOUND);
    entity_clear(&e);
    cr_assert_eq(store_batch_begin(w), STORE_OK);
    cr_assert_eq(store_article_insert(w, &b, &rb), STORE_OK);
    cr_assert_eq(store_batch_commit(w), STORE_OK);
    cr_assert_eq(store_entity_get(other, b.entities[0].id, &e), STORE_OK);
    cr_assert_str_eq(e.name, "Ola Nordmann");
    cr_assert_eq(e.article_count, 1);
    cr_assert_eq(e.quote_count, 1);
    entity_clear(&e);
    article_clear(&a);
    article_clear(&b);
    store_close(other);
    store_close(w);
    char side[64];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    unlink(path);
}

Test(store, relevance_ranks_the_newest_500_matches_and_counts_them_all)
{
    /* 520 articles match "story"; a relevance walk gives the 500 newest
     * (highest ids), each once, while the total counts all 520. */
    struct store_insert r;
    for (int i = 0; i < 520; i++) {
        struct article a;
        make_article(&a, i, "Ana Lima", "2026-02-01");
        cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
        article_clear(&a);
    }
    const char *why;
    char *expr = fts("story", &why);
    char *cursor = NULL;
    static bool seen[600];
    int n = 0;
    int64_t lowest = INT64_MAX;
    for (int page_no = 0; page_no < 20; page_no++) {
        struct article_page page = {0};
        struct article_query q = {.limit = 100, .cursor = cursor, .fts = expr, .by_relevance = true};
        cr_assert_eq(store_articles_list(db, &q, &page), STORE_OK);
        cr_assert_eq(page.meta.total, 520);
        for (size_t i = 0; i < page.n; i++) {
            int64_t id = page.items[i].id;
            cr_assert(id > 0 && id < 600 && !seen[id], "id %lld twice", (long long)id);
            seen[id] = true;
            lowest = id < lowest ? id : lowest;
            n++;
        }
        free(cursor);
        cursor = page.meta.next_cursor ? strdup(page.meta.next_cursor) : NULL;
        article_page_clear(&page);
        if (!cursor)
            break;
    }
    cr_assert_eq(n, 500);
    cr_assert_eq(lowest, 21, "the 20 oldest matches are not ranked");
    /* By date every match is walked. */
    struct article_page all = {0};
    struct article_query dq = {.limit = 100, .fts = expr};
    cr_assert_eq(store_articles_list(db, &dq, &all), STORE_OK);
    cr_assert_eq(all.meta.total, 520);
    article_page_clear(&all);
    free(expr);
}

/* --- ids are never given twice (0005_id_high.sql) ------------------------------- */

/* One integer the query (no parameters) gives on the suite's database. */
static int64_t db_int(const char *sql)
{
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db->db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The ids one stored article of make_article gave: article, its person
 * entity, its quote and the quote's group. */
struct given_ids {
    int64_t article, person, quote, group;
};

/* Stores article n with a person and a quotation of its own (so deleting it
 * leaves its entity and its quote group orphaned), in a one-article batch
 * when batch, and returns the ids it got. */
static struct given_ids store_own(int n, const char *person, bool batch)
{
    struct article a;
    struct store_insert r;
    make_article(&a, n, person, "2026-04-01");
    free(a.quotes[0].text);
    struct buf b = {0};
    buf_printf(&b, "Words said only in story %d.", n);
    a.quotes[0].text = buf_take(&b);
    if (batch)
        cr_assert_eq(store_batch_begin(db), STORE_OK);
    cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
    if (batch)
        cr_assert_eq(store_batch_commit(db), STORE_OK);
    cr_assert(!r.duplicate);
    struct given_ids g = {.article = r.id, .person = a.entities[0].id, .quote = a.quotes[0].id};
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db->db, "SELECT group_id FROM quotes WHERE id = ?1", -1, &st,
                                    NULL),
                 SQLITE_OK);
    sqlite3_bind_int64(st, 1, g.quote);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "quote %lld is stored", (long long)g.quote);
    g.group = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    article_clear(&a);
    return g;
}

/* Deletes the newest article, whose person and quote group go with it as
 * orphans, stores another (in a batch or not), and expects every new id
 * above the deleted ones: SQLite alone gives max(id) + 1, the same ids. */
static void expect_ids_not_given_again(bool batch)
{
    struct given_ids first = store_own(1, "Ingrid Solberg", batch);
    struct given_ids newest = store_own(2, "Kwame Mensah", batch);
    cr_assert_gt(newest.article, first.article);
    cr_assert_eq(store_article_delete(db, newest.article), STORE_OK);
    struct entity e = {0};
    cr_assert_eq(store_entity_get(db, newest.person, &e), STORE_NOT_FOUND, "an orphan now");
    entity_clear(&e);
    cr_assert_eq(db_int("SELECT count(*) FROM quote_groups"), 1, "its group went with it");

    struct given_ids next = store_own(3, "Tom Berg", batch);
    cr_assert_gt(next.article, newest.article, "article id %lld given again",
                 (long long)next.article);
    cr_assert_gt(next.person, newest.person, "entity id %lld given again", (long long)next.person);
    cr_assert_gt(next.quote, newest.quote, "quote id %lld given again", (long long)next.quote);
    cr_assert_gt(next.group, newest.group, "group id %lld given again", (long long)next.group);
    /* last_insert_rowid users got the ids that were stored. */
    struct article got = {0};
    cr_assert_eq(store_article_get(db, next.article, &got), STORE_OK);
    cr_assert_str_eq(got.title, "Story number 3");
    cr_assert_eq(got.n_quotes, 1);
    cr_assert_eq(got.quotes[0].id, next.quote);
    cr_assert_eq(got.quotes[0].speaker_id, next.person);
    article_clear(&got);
}

Test(store, ids_are_not_given_again_after_the_newest_is_deleted)
{
    expect_ids_not_given_again(false);
}

Test(store, batch_ids_are_not_given_again_after_the_newest_is_deleted)
{
    expect_ids_not_given_again(true);
}

/* Takes the suite's database back to schema 5: what 0006_name_keys.sql,
 * 0007_list_covering_index.sql and 0008_deferred_indexes.sql made, taken
 * away again. */
static void to_schema_5(void)
{
    cr_assert_eq(store_exec(db,
                            "DROP INDEX articles_by_sort_key; DROP INDEX articles_by_sort; "
                            "CREATE INDEX articles_by_sort ON articles (sort_at DESC, id DESC); "
                            "DROP INDEX article_authors_by_key; DROP INDEX entity_names_by_key; "
                            "ALTER TABLE article_authors DROP COLUMN name_key; "
                            "ALTER TABLE entity_names DROP COLUMN name_key; "
                            "CREATE INDEX article_authors_by_name ON article_authors "
                            " (name COLLATE NOCASE, sort_at DESC, article_id DESC); "
                            "DROP TABLE deferred_indexes; PRAGMA user_version = 5;",
                            "to_schema_5"),
                 STORE_OK);
}

/* The ids of the articles by author, in list order, as "id id ...". */
static void authored(const char *author, char *out, size_t cap)
{
    struct article_query q = {.limit = 20, .author = author};
    struct article_page page = {0};
    cr_assert_eq(store_articles_list(db, &q, &page), STORE_OK);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < page.n && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s%lld", i ? " " : "",
                                 (long long)page.items[i].id);
    article_page_clear(&page);
}

/* The names of the entities whose name or alias starts with prefix. */
static void named(const char *prefix, char *out, size_t cap)
{
    struct entity_query q = {.limit = 20, .type = -1, .sort = ENTITY_SORT_NAME, .prefix = prefix};
    struct entity_page page = {0};
    cr_assert_eq(store_entities_list(db, &q, &page), STORE_OK);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < page.n && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? "|" : "", page.items[i].name);
    entity_page_clear(&page);
}

Test(store, names_compare_without_case_beyond_ascii)
{
    /* COLLATE NOCASE folds A-Z only: an author or a name prefix in other
     * capitals found nothing. Stored before and after 0006 alike. */
    struct article a;
    struct store_insert r;
    make_article(&a, 1, "Siobhán Ní Bhriain", "2026-04-01");
    free(a.authors.v[0]);
    a.authors.v[0] = strdup("Tomás Øberg");
    cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
    article_clear(&a);
    to_schema_5(); /* a database made before the keys */
    int from = -1, to = -1;
    cr_assert_eq(store_migrate(db, &from, &to), STORE_OK);
    cr_assert_eq(from, 5);
    make_article(&a, 2, "Ærøskøbing Ödmark", "2026-04-02");
    free(a.authors.v[0]);
    a.authors.v[0] = strdup("TOMÁS ØBERG");
    cr_assert_eq(store_article_insert(db, &a, &r), STORE_OK);
    article_clear(&a);
    char got[256];
    authored("tomás øberg", got, sizeof got);
    cr_assert_str_eq(got, "2 1", "both articles, whatever the case the author was written in");
    authored("TOMÁS ØBERG", got, sizeof got);
    cr_assert_str_eq(got, "2 1");
    authored("tomas oberg", got, sizeof got);
    cr_assert_str_eq(got, "", "case is folded, accents are not");
    named("SIOBHÁN N", got, sizeof got);
    cr_assert_str_eq(got, "Siobhán Ní Bhriain", "a name stored before the migration");
    named("siobhÁn", got, sizeof got);
    cr_assert_str_eq(got, "Siobhán Ní Bhriain");
    named("æRØ", got, sizeof got);
    cr_assert_str_eq(got, "Ærøskøbing Ödmark", "a name stored after it");
}

Test(store, id_high_migration_seeds_from_a_database_with_rows)
{
    /* A database at schema 4 with rows: the suite's, with what 0005 made
     * taken away again, then migrated. The seed is each table's max(id), so
     * the newest rows' ids, deleted after the upgrade, are not given again. */
    for (int i = 1; i <= 3; i++)
        store_own(i, i == 3 ? "Tom Berg" : "Ana Lima", false);
    int64_t art = db_int("SELECT max(id) FROM articles");
    int64_t ent = db_int("SELECT max(id) FROM entities");
    int64_t quo = db_int("SELECT max(id) FROM quotes");
    int64_t grp = db_int("SELECT max(id) FROM quote_groups");
    to_schema_5();
    cr_assert_eq(store_exec(db,
                            "DROP TRIGGER articles_id_high; DROP TRIGGER quotes_id_high; "
                            "DROP TRIGGER entities_id_high; DROP TRIGGER quote_groups_id_high; "
                            "DROP TABLE id_high; PRAGMA user_version = 4;",
                            "to_schema_4"),
                 STORE_OK);
    int from = -1, to = -1;
    cr_assert_eq(store_migrate(db, &from, &to), STORE_OK);
    cr_assert_eq(from, 4);
    cr_assert_eq(to, store_schema_latest());
    cr_assert_eq(db_int("SELECT high FROM id_high WHERE name = 'articles'"), art);
    cr_assert_eq(db_int("SELECT high FROM id_high WHERE name = 'entities'"), ent);
    cr_assert_eq(db_int("SELECT high FROM id_high WHERE name = 'quotes'"), quo);
    cr_assert_eq(db_int("SELECT high FROM id_high WHERE name = 'quote_groups'"), grp);
    cr_assert_eq(store_article_delete(db, art), STORE_OK);
    struct given_ids next = store_own(4, "Ola Nordmann", false);
    cr_assert_gt(next.article, art);
    cr_assert_gt(next.person, ent);
    cr_assert_gt(next.quote, quo);
    cr_assert_gt(next.group, grp);
}

Test(store, deleting_an_older_row_keeps_the_high_mark)
{
    /* Deleting below the mark changes nothing, and the mark only rises: an
     * older article's delete after the newest one's keeps the newest id. */
    struct given_ids a = store_own(1, "Ana Lima", false);
    struct given_ids b = store_own(2, "Tom Berg", false);
    cr_assert_eq(store_article_delete(db, b.article), STORE_OK);
    cr_assert_eq(store_article_delete(db, a.article), STORE_OK);
    cr_assert_eq(db_int("SELECT high FROM id_high WHERE name = 'articles'"), b.article);
    cr_assert_eq(db_int("SELECT count(*) FROM articles"), 0);
    struct given_ids c = store_own(3, "Ola Nordmann", false);
    cr_assert_eq(c.article, b.article + 1);
    cr_assert_gt(c.quote, b.quote);
}

/* The schema's explicit indexes with their SQL, one text, and how many. */
static char *index_schema(struct store *s, int *n)
{
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(s->db,
                                    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                                    "AND sql IS NOT NULL ORDER BY name",
                                    -1, &st, NULL),
                 SQLITE_OK);
    struct buf out = {0};
    *n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        buf_printf(&out, "%s|%s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
        (*n)++;
    }
    sqlite3_finalize(st);
    buf_append(&out, "", 0);
    return out.data ? buf_take(&out) : strdup("");
}

Test(store, bulk_load_into_an_empty_database_builds_its_indexes_at_the_end)
{
    /* The indexes are gone while the load runs and come back as they were;
     * the rows are those of one transaction per article. */
    enum { N = 24 };
    struct article a[N], b[N];
    struct store_insert res;
    int n0 = 0, n1 = 0;
    char *before = index_schema(db, &n0);
    cr_assert_geq(n0, 10, "the schema has %d explicit indexes", n0);
    struct store *one = open_memory();
    bool deferred = false;
    cr_assert_eq(store_bulk_mode(db), STORE_OK);
    cr_assert_eq(store_bulk_defer_indexes(db, &deferred), STORE_OK);
    cr_assert(deferred);
    free(index_schema(db, &n1));
    cr_assert_eq(n1, 0);
    cr_assert_eq(db_int("SELECT count(*) FROM deferred_indexes"), n0);
    cr_assert_eq(store_batch_begin(db), STORE_OK);
    for (int i = 0; i < N; i++) {
        make_varied(&a[i], i);
        make_varied(&b[i], i);
        cr_assert_eq(store_article_insert(one, &a[i], &res), STORE_OK);
        cr_assert_eq(store_article_insert(db, &b[i], &res), STORE_OK);
    }
    cr_assert_eq(store_bulk_finish(db), STORE_OK);
    char *after = index_schema(db, &n1);
    cr_assert_str_eq(after, before);
    cr_assert_eq(db_int("SELECT count(*) FROM deferred_indexes"), 0);
    free(before);
    free(after);
    expect_same_db(one, a, b, N);
}

Test(store, bulk_load_into_a_database_with_articles_keeps_its_indexes)
{
    struct article a;
    struct store_insert res;
    make_varied(&a, 1);
    cr_assert_eq(store_article_insert(db, &a, &res), STORE_OK);
    article_clear(&a);
    int n0 = 0, n1 = 0;
    char *before = index_schema(db, &n0);
    bool deferred = true;
    cr_assert_eq(store_bulk_defer_indexes(db, &deferred), STORE_OK);
    cr_assert(!deferred);
    char *after = index_schema(db, &n1);
    cr_assert_str_eq(after, before);
    cr_assert_eq(db_int("SELECT count(*) FROM deferred_indexes"), 0);
    free(before);
    free(after);
}

Test(store, a_load_that_died_has_its_indexes_built_by_the_next_writer)
{
    char path[] = "/tmp/newsd-test-deferred-XXXXXX";
    struct store *w = NULL, *again = NULL;
    two_connections(path, STORE_READ_ONLY, &w, &again);
    store_close(again);
    int n0 = 0, n1 = 0;
    char *before = index_schema(w, &n0);
    bool deferred = false;
    cr_assert_eq(store_bulk_defer_indexes(w, &deferred), STORE_OK);
    cr_assert(deferred);
    store_close(w); /* no store_bulk_finish: the load died */
    cr_assert_eq(store_open(path, STORE_CREATE, &again), STORE_OK);
    free(index_schema(again, &n1));
    cr_assert_eq(n1, 0);
    cr_assert_eq(store_migrate(again, NULL, NULL), STORE_OK);
    char *after = index_schema(again, &n1);
    cr_assert_str_eq(after, before);
    store_close(again);
    free(before);
    free(after);
    char side[sizeof path + 8];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

Test(store, only_index_statements_are_built_from_deferred_rows)
{
    /* deferred_indexes is data in the file: a row that is not exactly one
     * CREATE INDEX of the index it names is refused and kept, the refusal
     * changes nothing else, and the other rows are still built. */
    int n0 = 0, n1 = 0;
    char *before = index_schema(db, &n0);
    bool deferred = false;
    cr_assert_eq(store_bulk_defer_indexes(db, &deferred), STORE_OK);
    cr_assert(deferred);
    cr_assert_eq(sqlite3_exec(db->db,
                              "INSERT INTO deferred_indexes VALUES "
                              "('a_drop', 'DROP TABLE quotes'), "
                              "('a_two', 'CREATE INDEX a_two ON articles (id); DROP TABLE id_high'), "
                              "('a_other', 'CREATE INDEX a_else ON articles (id)'), "
                              "('a_stale', 'CREATE INDEX a_stale ON gone_table (x)')",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    cr_assert_neq(store_indexes_restore(db, true), STORE_OK);
    cr_assert(sqlite3_get_autocommit(db->db));
    cr_assert_eq(db_int("SELECT count(*) FROM deferred_indexes"), 4);
    cr_assert_eq(db_int("SELECT count(*) FROM sqlite_schema WHERE name IN "
                        "('quotes', 'id_high')"),
                 2);
    cr_assert_eq(db_int("SELECT count(*) FROM sqlite_schema WHERE name IN "
                        "('a_two', 'a_else', 'a_stale')"),
                 0);
    char *after = index_schema(db, &n1);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
}
