/* fuzz_extract.c: the whole extract path on raw text: ingest_run on the input
 * as page text, then as title (first line) + body (the rest), and for every
 * article found the invariants of fuzz_article_check (offsets, UTF-8, views,
 * JSON). Also checks both UTF-8 validators against an independent one, that
 * ingest_run refuses exactly the input that is not valid UTF-8, and, on short
 * input, that a second run gives the same article (a rule reading memory it
 * never wrote, or state left from an earlier call, shows up as a difference
 * that ASan alone would not report). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_utf8.h"
#include "newsd/ingest.h"
#include "newsd/model.h"
#include "newsd/views.h"

/* Inputs up to this size are extracted twice and the two articles compared. */
#define FUZZ_EXTRACT_TWICE_MAX 8192

/* The API view of a (ids included) as text; the caller frees it. */
static char *fuzz_article_text(const struct article *a)
{
    json_t *o = view_article(a, true);
    FUZZ_CHECK(o != NULL);
    char *t = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    FUZZ_CHECK(t != NULL);
    json_decref(o);
    return t;
}

static void fuzz_extract_run(const struct ingest_input *in, bool valid, bool twice)
{
    struct article a = {0};
    const char *reason = NULL;
    enum ingest_rc rc = ingest_run(in, &a, &reason);
    FUZZ_CHECK(rc == INGEST_OK || rc == INGEST_NO_ARTICLE || rc == INGEST_BAD_INPUT);
    FUZZ_CHECK((rc == INGEST_BAD_INPUT) == !valid);
    if (rc == INGEST_OK)
        fuzz_article_check(&a);
    else
        FUZZ_CHECK(reason != NULL && fuzz_utf8_valid(reason, strlen(reason)));
    if (twice) {
        struct article b = {0};
        FUZZ_CHECK(ingest_run(in, &b, NULL) == rc);
        if (rc == INGEST_OK) {
            char *ta = fuzz_article_text(&a), *tb = fuzz_article_text(&b);
            FUZZ_CHECK(strcmp(ta, tb) == 0);
            free(ta);
            free(tb);
        }
        article_clear(&b);
    }
    article_clear(&a);
    article_clear(&a); /* a second clear must be harmless */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    bool valid = fuzz_utf8_valid(bytes, size);
    FUZZ_CHECK(util_utf8_valid(bytes, size) == valid);
    FUZZ_CHECK(ingest_text_is_valid(bytes, size) == valid);

    /* Text reaches ingest as a C string, cut at the first NUL as the CLI and
     * the record parser would; what is left must be judged on its own. */
    char *text = fuzz_strndup(data, size);
    size_t len = strlen(text);
    bool text_valid = fuzz_utf8_valid(text, len);

    struct ingest_input in = {.text = text};
    bool twice = len <= FUZZ_EXTRACT_TWICE_MAX;
    fuzz_extract_run(&in, text_valid, twice);

    /* title + body: the first line is the title. */
    char *nl = strchr(text, '\n');
    char *title = nl ? fuzz_strndup(data, (size_t)(nl - text)) : NULL;
    char *body = nl ? nl + 1 : text;
    bool parts_valid =
        fuzz_utf8_valid(body, strlen(body)) && (!title || fuzz_utf8_valid(title, strlen(title)));
    struct ingest_input parts = {.title = title, .body = body, .url = "https://example.org/x"};
    fuzz_extract_run(&parts, parts_valid, twice);

    free(title);
    free(text);
    return 0;
}
