/* fuzz_record.c: ingest_record_parse on arbitrary bytes (the body of POST
 * /articles and each line of `newsd ingest`), then ingest_run on every record
 * it accepts. Checks the parser's contract: a static reason on failure, only
 * valid UTF-8 strings on success, text or body present, and a record that
 * parses also round-trips through jansson unchanged. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_utf8.h"
#include "newsd/ingest.h"
#include "newsd/model.h"

static void fuzz_record_field(const char *s)
{
    if (s)
        FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ingest_input in = {0};
    const char *reason = NULL;
    enum ingest_rc rc = ingest_record_parse((const char *)data, size, &in, &reason);
    FUZZ_CHECK(rc == INGEST_OK || rc == INGEST_BAD_INPUT);
    if (rc != INGEST_OK) {
        FUZZ_CHECK(reason != NULL && fuzz_utf8_valid(reason, strlen(reason)));
        ingest_input_clear(&in);
        ingest_input_clear(&in);
        return 0;
    }
    /* Accepted: the bytes were valid UTF-8 JSON holding an object. */
    FUZZ_CHECK(fuzz_utf8_valid((const char *)data, size));
    FUZZ_CHECK(in.text || in.body);
    const char *fields[] = {in.text, in.title, in.body, in.url, in.published_at, in.source};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        fuzz_record_field(fields[i]);
    /* The parser skips one leading byte order mark, as JSON readers may
     * (RFC 8259, 8.1); jansson does not, so the oracle reads past it. */
    size_t bom = size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    json_error_t err;
    json_t *root =
        json_loadb((const char *)data + bom, size - bom, JSON_REJECT_DUPLICATES, &err);
    FUZZ_CHECK(json_is_object(root));
    json_t *t = json_object_get(root, "text");
    FUZZ_CHECK(!in.text || (json_is_string(t) && strcmp(json_string_value(t), in.text) == 0));
    json_decref(root);

    struct article a = {0};
    rc = ingest_run(&in, &a, &reason);
    FUZZ_CHECK(rc == INGEST_OK || rc == INGEST_NO_ARTICLE);
    if (rc == INGEST_OK) {
        fuzz_article_check(&a);
        if (in.url)
            FUZZ_CHECK(a.url && strcmp(a.url, in.url) == 0);
    }
    article_clear(&a);
    ingest_input_clear(&in);
    return 0;
}
