/* gazetteer.c: lookups in the word and name lists of the data folder. The lists
 * are compiled at build time (tools/gen_gazetteer.py -> build/gen/gazetteer_table.c)
 * into one const open-addressed hash table, so a run builds nothing and ingest
 * keeps no mutable global state; this file only hashes and probes.
 *
 * File format (every data file): one entry a line; "#" starts a comment line;
 * blank lines are skipped; "Canonical|Alias|Alias" lists spellings of one name,
 * the first being the canonical one; given_names.txt lines are "Name|m" or "Name|f".
 * Apostrophes are written straight ("King's College London"): a lookup reads a
 * curly one (U+2019) as straight. */
#include "ingest_internal.h"

#include <string.h>

/* build/gen/gazetteer_table.c: cap is a power of two; empty slots have key NULL. */
extern const struct ingest_gaz_entry ingest_gaz_table[];
extern const size_t ingest_gaz_table_cap;

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* The generator computes the same hash: keep the two in step. */
static uint64_t gaz_hash(const char *s, size_t n, unsigned cls)
{
    uint64_t h = UTIL_FNV_SEED ^ cls;
    for (size_t i = 0; i < n; i++) {
        h ^= lower((unsigned char)s[i]);
        h *= 0x100000001b3ULL;
    }
    return h;
}

static bool key_eq(const struct ingest_gaz_entry *e, const char *s, size_t n, bool fold)
{
    if (e->key_len != n)
        return false;
    if (e->fold || fold) {
        for (size_t i = 0; i < n; i++)
            if (lower((unsigned char)e->key[i]) != lower((unsigned char)s[i]))
                return false;
        return true;
    }
    return memcmp(e->key, s, n) == 0;
}

int ingest_gaz_load(struct ingest_gaz *g)
{
    g->slots = ingest_gaz_table;
    g->cap = ingest_gaz_table_cap;
    g->used = 0;
    return 0;
}

void ingest_gaz_clear(struct ingest_gaz *g)
{
    if (!g)
        return;
    g->slots = NULL;
    g->cap = g->used = 0;
}

static const struct ingest_gaz_entry *gaz_probe(const struct ingest_gaz *g, const char *s, size_t n,
                                                enum ingest_gaz_class cls, bool fold)
{
    if (!g || g->cap == 0 || n == 0 || n >= 256)
        return NULL;
    /* "EMILY’s List", "King’s College": a curly apostrophe looks up as the
     * straight one the lists are written with */
    char buf[256];
    if (n >= 3 && memchr(s, 0xE2, n)) {
        size_t m = 0;
        for (size_t k = 0; k < n; k++) {
            if (k + 2 < n && memcmp(s + k, "\xE2\x80\x99", 3) == 0) {
                buf[m++] = '\'';
                k += 2;
            } else {
                buf[m++] = s[k];
            }
        }
        s = buf;
        n = m;
    }
    size_t mask = g->cap - 1;
    size_t i = (size_t)gaz_hash(s, n, cls) & mask;
    while (g->slots[i].key) {
        if (g->slots[i].cls == cls && key_eq(&g->slots[i], s, n, fold))
            return &g->slots[i];
        i = (i + 1) & mask;
    }
    return NULL;
}

const struct ingest_gaz_entry *ingest_gaz_find(const struct ingest_gaz *g, const char *s, size_t n,
                                               enum ingest_gaz_class cls)
{
    return gaz_probe(g, s, n, cls, false);
}

/* The hash lowers ASCII capitals, so every spelling of a key probes the same
 * slots: only the comparison changes. */
const struct ingest_gaz_entry *ingest_gaz_find_nocase(const struct ingest_gaz *g, const char *s,
                                                      size_t n, enum ingest_gaz_class cls)
{
    return gaz_probe(g, s, n, cls, true);
}

bool ingest_gaz_has(const struct ingest_gaz *g, const char *s, size_t n, enum ingest_gaz_class cls)
{
    return ingest_gaz_find(g, s, n, cls) != NULL;
}
