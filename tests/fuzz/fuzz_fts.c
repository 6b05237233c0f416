/* fuzz_fts.c: store_fts_parse, the only door from the `q` parameter into
 * FTS5 MATCH. Its promise is that no client text is ever read as FTS5 syntax,
 * so every expression it accepts is run against the articles and quotes
 * indexes of a seeded store: SQLite must take it (an FTS5 syntax error would be
 * a 500). Also: a refusal carries a reason and no expression, and over-long
 * queries are refused. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_utf8.h"
#include "newsd/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *q = fuzz_strndup(data, size);
    size_t len = strlen(q);
    char *expr = NULL;
    const char *why = NULL;
    enum store_rc rc = store_fts_parse(q, &expr, &why);
    FUZZ_CHECK(rc == STORE_OK || rc == STORE_INVALID);
    if (rc != STORE_OK) {
        FUZZ_CHECK(expr == NULL && why != NULL);
        free(q);
        return 0;
    }
    FUZZ_CHECK(expr != NULL && len <= 256);
    /* Each byte of q is emitted at most twice (a doubled quote) plus fixed
     * punctuation per term: the expression stays small. */
    FUZZ_CHECK(strlen(expr) <= 2 * len + 16 * 16 + 8);

    /* The server only passes valid UTF-8 (the daemon refuses the rest). */
    if (fuzz_utf8_valid(q, len)) {
        struct store *st = fuzz_store_seeded();
        for (int rel = 0; rel < 2; rel++) {
            struct article_query aq = {.limit = 5, .fts = expr, .by_relevance = rel};
            struct article_page ap = {0};
            FUZZ_CHECK(store_articles_list(st, &aq, &ap) == STORE_OK);
            for (size_t i = 0; i < ap.n; i++) {
                const struct article *a = &ap.items[i];
                FUZZ_CHECK(a->n_highlights % 2 == 0);
                if (a->snippet) {
                    FUZZ_CHECK(fuzz_utf8_valid(a->snippet, strlen(a->snippet)));
                    long long cps = fuzz_utf8_count(a->snippet, strlen(a->snippet));
                    for (size_t k = 0; k < a->n_highlights; k++)
                        FUZZ_CHECK(a->highlights[k] >= 0 && a->highlights[k] <= cps);
                }
            }
            article_page_clear(&ap);
        }
        struct quote_query qq = {.limit = 5, .fts = expr};
        struct quote_page qp = {0};
        FUZZ_CHECK(store_quotes_list(st, &qq, &qp) == STORE_OK);
        quote_page_clear(&qp);
    }
    free(expr);
    free(q);
    return 0;
}
