/* fuzz_cursor.c: paging cursors, which clients hand back verbatim. First the
 * input itself as a cursor of every list kind, under two scopes
 * (store_cursor_decode must refuse it cleanly or give back exactly n fields
 * that survive a re-encode), and as the cursor of a list. Then, because the
 * check value is not a secret (FNV over the fields and the list's scope, a
 * hash of its SQL and filter values, all knowable from the source), the
 * input's lines are forged into a well-formed cursor with arbitrary fields for
 * a list of the seeded store: the list must answer STORE_OK or STORE_INVALID
 * (never an SQL error, which would be a 500) and following next_cursor must
 * end. The scope of a list is learnt the way an attacker reading the source
 * could compute it, here by watching the list's own store_cursor_decode call
 * (the binary is linked with -Wl,--wrap=store_cursor_decode, see mk/fuzz.mk).
 *
 * Input: line 1 picks the list (its first byte mod 5: articles newest first,
 * oldest first, by relevance, quotes, entities) and the variant (its second
 * byte's bits: filters, sort by name); the next lines are the cursor fields. */
#include <stdlib.h>
#include <string.h>

#include "../../server/store/store_internal.h"
#include "fuzz.h"
#include "newsd/store.h"
#include "newsd/util.h"

/* The scope of the last decode a list asked for (see the file comment). */
static uint64_t fuzz_scope;
static bool fuzz_scope_seen;

bool __real_store_cursor_decode(const char *s, char kind, int n, uint64_t scope,
                                struct store_cursor *c);
bool __wrap_store_cursor_decode(const char *s, char kind, int n, uint64_t scope,
                                struct store_cursor *c);
bool __wrap_store_cursor_decode(const char *s, char kind, int n, uint64_t scope,
                                struct store_cursor *c)
{
    fuzz_scope = scope;
    fuzz_scope_seen = true;
    return __real_store_cursor_decode(s, kind, n, scope, c);
}

#define FUZZ_MAX_PAGES 64

struct fuzz_kind {
    char kind;
    int n;
};
static const struct fuzz_kind fuzz_kinds[] = {{'a', 2}, {'o', 2}, {'r', 2}, {'q', 3}, {'e', 2}};

/* Decodes s as kind/n under scope; accepted fields must survive a re-encode. */
static void fuzz_decode_check(const char *s, char kind, int n, uint64_t scope)
{
    struct store_cursor c;
    bool ok = store_cursor_decode(s, kind, n, scope, &c);
    if (!ok) {
        FUZZ_CHECK(c.n == 0 && c.kind == 0);
        store_cursor_clear(&c);
        return;
    }
    FUZZ_CHECK(c.kind == kind && c.n == n);
    const char *fields[STORE_CURSOR_MAX_FIELDS];
    for (int i = 0; i < n; i++) {
        FUZZ_CHECK(c.field[i] != NULL);
        fields[i] = c.field[i];
    }
    /* Re-encoding gives the canonical text (which may differ from s in the
     * unused low bits of a last base64 group); it must decode to the same. */
    char *again = store_cursor_encode(kind, n, fields, scope);
    FUZZ_CHECK(again != NULL);
    struct store_cursor d;
    FUZZ_CHECK(store_cursor_decode(again, kind, n, scope, &d));
    for (int i = 0; i < n; i++)
        FUZZ_CHECK(strcmp(d.field[i], c.field[i]) == 0);
    store_cursor_clear(&d);
    free(again);
    store_cursor_clear(&c);
    store_cursor_clear(&c);
}

/* Follows next_cursor from the page in *p until the last page. */
#define FUZZ_WALK(list_fn, query, page_t, clear_fn)                                                \
    do {                                                                                           \
        for (int pages_ = 0; (query).cursor; pages_++) {                                           \
            page_t next_ = {0};                                                                    \
            FUZZ_CHECK(pages_ < FUZZ_MAX_PAGES);                                                   \
            FUZZ_CHECK(list_fn(st, &(query), &next_) == STORE_OK);                                 \
            FUZZ_CHECK(next_.n <= (size_t)(query).limit);                                          \
            clear_fn(&page);                                                                       \
            page = next_;                                                                          \
            (query).cursor = page.meta.next_cursor;                                                \
        }                                                                                          \
    } while (0)

static void fuzz_list(char which, unsigned variant, const char *cursor)
{
    struct store *st = fuzz_store_seeded();
    enum store_rc rc;
    if (which == 'q') {
        struct quote_query q = {.limit = 1 + (int)(variant & 3), .cursor = cursor};
        if (variant & 4)
            q.article_id = 1;
        if (variant & 8)
            q.speaker_id = 1;
        if (variant & 16)
            q.from = "2026-01-01";
        struct quote_page page = {0};
        rc = store_quotes_list(st, &q, &page);
        FUZZ_CHECK(rc == STORE_OK || rc == STORE_INVALID);
        if (rc == STORE_OK) {
            FUZZ_CHECK(page.n <= (size_t)q.limit);
            q.cursor = page.meta.next_cursor;
            FUZZ_WALK(store_quotes_list, q, struct quote_page, quote_page_clear);
        }
        quote_page_clear(&page);
    } else if (which == 'e') {
        struct entity_query q = {.limit = 1 + (int)(variant & 3), .cursor = cursor, .type = -1};
        if (variant & 4)
            q.sort = ENTITY_SORT_NAME;
        if (variant & 8)
            q.article_id = 2;
        if (variant & 16)
            q.type = ENTITY_PERSON;
        if (variant & 32)
            q.prefix = "S";
        struct entity_page page = {0};
        rc = store_entities_list(st, &q, &page);
        FUZZ_CHECK(rc == STORE_OK || rc == STORE_INVALID);
        if (rc == STORE_OK) {
            FUZZ_CHECK(page.n <= (size_t)q.limit);
            q.cursor = page.meta.next_cursor;
            FUZZ_WALK(store_entities_list, q, struct entity_page, entity_page_clear);
        }
        entity_page_clear(&page);
    } else {
        struct article_query q = {.limit = 1 + (int)(variant & 3), .cursor = cursor};
        q.oldest_first = which == 'o';
        q.by_relevance = which == 'r';
        if (which == 'r' || (variant & 4))
            q.fts = "((\"said\"))";
        if (variant & 8)
            q.author = "Sigrid Halvorsen";
        if (variant & 16)
            q.section = "Business";
        if (variant & 32)
            q.entity_id = 1;
        if (variant & 64)
            q.to = "2026-12-31T23:59:59";
        struct article_page page = {0};
        rc = store_articles_list(st, &q, &page);
        FUZZ_CHECK(rc == STORE_OK || rc == STORE_INVALID);
        if (rc == STORE_OK) {
            FUZZ_CHECK(page.n <= (size_t)q.limit);
            q.cursor = page.meta.next_cursor;
            FUZZ_WALK(store_articles_list, q, struct article_page, article_page_clear);
        }
        article_page_clear(&page);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_strndup(data, size);

    /* 1. the input as a cursor of every kind, and with too many fields */
    uint64_t scopes[2] = {1, util_fnv1a(data, size, UTIL_FNV_SEED)};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < sizeof fuzz_kinds / sizeof *fuzz_kinds; i++)
            fuzz_decode_check(s, fuzz_kinds[i].kind, fuzz_kinds[i].n, scopes[k]);
        fuzz_decode_check(s, 'a', STORE_CURSOR_MAX_FIELDS, scopes[k]);
    }
    struct store_cursor c;
    FUZZ_CHECK(!store_cursor_decode(s, 'a', STORE_CURSOR_MAX_FIELDS + 1, 1, &c));
    store_cursor_clear(&c);

    /* the raw input handed to a list too (what a client can always do) */
    if (size && size <= 2048)
        fuzz_list(fuzz_kinds[data[0] % 5].kind, 0, s);

    /* 2. a forged, well-formed cursor with the input's fields */
    char *parts[1 + STORE_CURSOR_MAX_FIELDS];
    size_t np = fuzz_split(s, '\n', parts, 1 + STORE_CURSOR_MAX_FIELDS);
    const struct fuzz_kind *fk = &fuzz_kinds[(unsigned char)parts[0][0] % 5];
    unsigned variant = parts[0][0] ? (unsigned char)parts[0][1] : 0;
    const char *fields[STORE_CURSOR_MAX_FIELDS] = {0};
    bool plain = true; /* no field holds the separator: decoding gives them back */
    for (int i = 0; i < fk->n; i++) {
        fields[i] = (size_t)i + 1 < np ? parts[i + 1] : "";
        plain = plain && !strchr(fields[i], '\x1f');
    }
    fuzz_scope_seen = false;
    fuzz_list(fk->kind, variant, "AAAA"); /* refused; tells the list's scope */
    FUZZ_CHECK(fuzz_scope_seen);
    uint64_t scope = fuzz_scope;
    char *forged = store_cursor_encode(fk->kind, fk->n, fields, scope);
    FUZZ_CHECK(forged != NULL);
    bool ok = store_cursor_decode(forged, fk->kind, fk->n, scope, &c);
    if (plain && strlen(forged) <= 1024) {
        FUZZ_CHECK(ok);
        for (int i = 0; i < fk->n; i++)
            FUZZ_CHECK(strcmp(c.field[i], fields[i]) == 0);
    }
    store_cursor_clear(&c);
    fuzz_list(fk->kind, variant, forged);
    free(forged);
    free(s);
    return 0;
}
