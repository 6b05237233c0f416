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

/* ASCII capitals lowered, as a table: the hash loop of every lookup reads it */
#define L4(c) (unsigned char)(c), (unsigned char)((c) + 1), (unsigned char)((c) + 2), \
              (unsigned char)((c) + 3)
#define L16(c) L4(c), L4((c) + 4), L4((c) + 8), L4((c) + 12)
static const unsigned char lower_tab[256] = {
    L16(0x00), L16(0x10), L16(0x20), L16(0x30),
    0x40, L4(0x61), L4(0x65), L4(0x69), 0x6D, 0x6E, 0x6F, /* '@', 'A'..'O' */
    L4(0x70), L4(0x74), 0x78, 0x79, 0x7A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, /* 'P'..'Z', '['..'_' */
    L16(0x60), L16(0x70), L16(0x80), L16(0x90), L16(0xA0), L16(0xB0),
    L16(0xC0), L16(0xD0), L16(0xE0), L16(0xF0),
};

/* The generator computes the same hash: keep the two in step. A curly
 * apostrophe (U+2019) hashes as the straight one the lists are written with
 * ("EMILY’s List", "King’s College"); *m gets the length so folded. */
static bool curly_at(const char *s, size_t n, size_t i)
{
    return (unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
           (unsigned char)s[i + 2] == 0x99;
}

static uint64_t gaz_hash(const char *s, size_t n, unsigned cls, size_t *m)
{
    uint64_t h = UTIL_FNV_SEED ^ cls;
    *m = n;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && curly_at(s, n, i)) {
            c = '\'';
            i += 2;
            *m -= 2;
        }
        h ^= lower_tab[c];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Whether entry e is s/n, whose length with curly apostrophes folded is m. */
static bool key_eq(const struct ingest_gaz_entry *e, const char *s, size_t n, size_t m, bool fold)
{
    if (e->key_len != m)
        return false;
    if (m != n) { /* a curly apostrophe inside: compare byte by folded byte */
        for (size_t i = 0, k = 0; i < n; i++, k++) {
            unsigned char c = (unsigned char)s[i];
            if (c == 0xE2 && curly_at(s, n, i)) {
                c = '\'';
                i += 2;
            }
            unsigned char x = (unsigned char)e->key[k];
            if (e->fold || fold ? lower_tab[x] != lower_tab[c] : x != c)
                return false;
        }
        return true;
    }
    if (e->fold || fold) {
        for (size_t i = 0; i < n; i++)
            if (lower_tab[(unsigned char)e->key[i]] != lower_tab[(unsigned char)s[i]])
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
    size_t mask = g->cap - 1, m;
    size_t i = (size_t)gaz_hash(s, n, cls, &m) & mask;
    while (g->slots[i].key) {
        if (g->slots[i].cls == cls && key_eq(&g->slots[i], s, n, m, fold))
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
