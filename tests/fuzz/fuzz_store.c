/* fuzz_store.c: the store round trip on extracted text: ingest_run on the
 * input, store_article_insert (twice: the second is a duplicate with the same
 * id), store_article_get must give back what was stored (body, paragraphs,
 * quotes with their offsets), the article and its quotes must be listed, and
 * store_article_delete must leave the seeded store as it was (same totals),
 * so runs do not pile up. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "newsd/ingest.h"
#include "newsd/model.h"
#include "newsd/store.h"

static int64_t fuzz_total_articles(struct store *st)
{
    struct article_query q = {.limit = 1};
    struct article_page p = {0};
    FUZZ_CHECK(store_articles_list(st, &q, &p) == STORE_OK);
    int64_t total = p.meta.total;
    article_page_clear(&p);
    return total;
}

static int64_t fuzz_total_entities(struct store *st)
{
    struct entity_query q = {.limit = 1, .type = -1};
    struct entity_page p = {0};
    FUZZ_CHECK(store_entities_list(st, &q, &p) == STORE_OK);
    int64_t total = p.meta.total;
    entity_page_clear(&p);
    return total;
}

static void fuzz_same_article(const struct article *a, const struct article *b)
{
    FUZZ_CHECK(strcmp(a->body, b->body) == 0);
    FUZZ_CHECK(a->paragraphs.n == b->paragraphs.n);
    for (size_t i = 0; i < a->paragraphs.n; i++)
        FUZZ_CHECK(strcmp(a->paragraphs.v[i], b->paragraphs.v[i]) == 0);
    FUZZ_CHECK(a->authors.n == b->authors.n);
    FUZZ_CHECK(a->n_quotes == b->n_quotes);
    for (size_t i = 0; i < a->n_quotes; i++) {
        const struct quote *x = &a->quotes[i], *y = &b->quotes[i];
        FUZZ_CHECK(strcmp(x->text, y->text) == 0);
        FUZZ_CHECK(x->start == y->start && x->end == y->end && x->paragraph == y->paragraph);
        FUZZ_CHECK(!x->speaker_name == !y->speaker_name);
    }
    FUZZ_CHECK(a->n_entities == b->n_entities);
    /* F2: an article extracted without a title is stored with title "" (the
     * column is NOT NULL) and read back as "", not null. */
    if (!a->title && b->title && !b->title[0] && fuzz_skip_known_on())
        return;
    FUZZ_CHECK((!a->title && !b->title) || (a->title && b->title && !strcmp(a->title, b->title)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0; /* the extract target covers big inputs; this one is about SQL */
    struct store *st = fuzz_store_seeded();
    char *text = fuzz_strndup(data, size);
    struct ingest_input in = {.text = text};
    struct article a = {0}, got = {0};
    if (ingest_run(&in, &a, NULL) != INGEST_OK)
        goto out;

    int64_t articles = fuzz_total_articles(st), entities = fuzz_total_entities(st);
    struct store_insert ins = {0}, again = {0};
    enum store_rc rc = store_article_insert(st, &a, &ins);
    FUZZ_CHECK(rc == STORE_OK);
    FUZZ_CHECK(ins.id > 0);
    FUZZ_CHECK(a.ingested_at != NULL);
    FUZZ_CHECK(store_article_insert(st, &a, &again) == STORE_OK);
    FUZZ_CHECK(again.duplicate && again.id == ins.id);
    if (ins.duplicate)
        goto out; /* the same text as a seed article: it is not ours to delete */

    FUZZ_CHECK(store_article_get(st, ins.id, &got) == STORE_OK);
    fuzz_article_check(&got);
    fuzz_same_article(&a, &got);
    FUZZ_CHECK(fuzz_total_articles(st) == articles + 1);

    struct article_query q = {.limit = 100};
    struct article_page page = {0};
    FUZZ_CHECK(store_articles_list(st, &q, &page) == STORE_OK);
    bool listed = false;
    for (size_t i = 0; i < page.n; i++)
        listed = listed || page.items[i].id == ins.id;
    FUZZ_CHECK(listed);
    article_page_clear(&page);

    struct quote_query qq = {.limit = 100, .article_id = ins.id};
    struct quote_page qp = {0};
    FUZZ_CHECK(store_quotes_list(st, &qq, &qp) == STORE_OK);
    FUZZ_CHECK(qp.n == a.n_quotes || (a.n_quotes > 100 && qp.n == 100));
    quote_page_clear(&qp);

    FUZZ_CHECK(store_article_delete(st, ins.id) == STORE_OK);
    article_clear(&got);
    FUZZ_CHECK(store_article_get(st, ins.id, &got) == STORE_NOT_FOUND);
    FUZZ_CHECK(fuzz_total_articles(st) == articles);
    FUZZ_CHECK(fuzz_total_entities(st) == entities);
out:
    article_clear(&got);
    article_clear(&a);
    free(text);
    return 0;
}
