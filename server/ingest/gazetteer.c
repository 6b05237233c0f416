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

/* ASCII capitals lowered, as a table: key comparisons read it */
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

static bool curly_at(const char *s, size_t n, size_t i)
{
    return (unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
           (unsigned char)s[i + 2] == 0x99;
}

/* The k bytes at p (k <= 8) as a little-endian number, on any machine. */
static uint64_t load_le(const char *p, size_t k)
{
    uint64_t w = 0;
    memcpy(&w, p, k);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w); /* the k bytes land in the low ones, as on x86 */
#endif
    return w;
}

/* The last r bytes (1..7) of a key as one number, reading nothing past them:
 * 4 + 4 overlapping bytes, or bytes 0, r/2 and r-1 (the length, hashed too,
 * tells "ab" from "abb"). */
static inline uint64_t tail_le(const char *p, size_t r)
{
    if (r >= 4)
        return load_le(p, 4) | load_le(p + r - 4, 4) << 32;
    const unsigned char *t = (const unsigned char *)p;
    return (uint64_t)t[0] | (uint64_t)t[r / 2] << 8 | (uint64_t)t[r - 1] << 16;
}

/* Bit 5 of every byte: set, it makes 'A' 'a' (and '[' '{', which no key minds),
 * so every spelling of a key that folds ASCII case hashes alike. */
#define GAZ_CASE_BITS 0x2020202020202020ULL
#define GAZ_MUL 0x9E3779B97F4A7C15ULL /* 2^64 / golden ratio, odd */

/* The hash of the n bytes at s for class cls; *high gets every byte or'ed, so
 * the caller sees non-ASCII. The generator computes the same: keep the two in
 * step. A lookup hashes about 860 words an article, so it takes 8 bytes a step,
 * not one: each 8 (then the rest, as tail_le reads it) is xor'ed in and the sum
 * multiplied by GAZ_MUL, whose top bits, which pick the slot, depend on all. */
static inline uint64_t gaz_hash_bytes(const char *s, size_t n, unsigned cls, uint64_t *high)
{
    uint64_t h = (UTIL_FNV_SEED ^ cls) + ((uint64_t)n << 32), all = 0, w;
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        w = load_le(s + i, 8);
        all |= w;
        h = (h ^ (w | GAZ_CASE_BITS)) * GAZ_MUL;
    }
    if (i < n) {
        w = tail_le(s + i, n - i);
        all |= w;
        h = (h ^ (w | GAZ_CASE_BITS)) * GAZ_MUL;
    }
    *high = all;
    return h;
}

/* The hash of s/n (n < 256, not all ASCII) for class cls, given h, its hash as
 * written. A curly apostrophe (U+2019) hashes as the straight one the lists are
 * written with ("EMILY’s List", "King’s College"); *m gets the length so
 * folded. Apart from the ASCII lookups, which need none of this. */
static uint64_t gaz_hash_folded(const char *s, size_t n, unsigned cls, uint64_t h, size_t *m)
{
    char folded[256];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (curly_at(s, n, i)) {
            folded[k++] = '\'';
            i += 2;
        } else {
            folded[k++] = s[i];
        }
    }
    *m = k;
    if (k == n)
        return h;
    uint64_t high;
    return gaz_hash_bytes(folded, k, cls, &high);
}

/* Whether entry e is s/n, which holds a curly apostrophe: compared byte by
 * folded byte. */
static bool key_eq_curly(const struct ingest_gaz_entry *e, const char *s, size_t n, bool fold)
{
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

/* Whether entry e is s/n, whose length with curly apostrophes folded is m. */
static bool key_eq(const struct ingest_gaz_entry *e, const char *s, size_t n, size_t m, bool fold)
{
    if (e->key_len != m)
        return false;
    if (m != n)
        return key_eq_curly(e, s, n, fold);
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
    g->shift = 64;
    for (size_t c = g->cap; c > 1; c >>= 1)
        g->shift--;
    return 0;
}

void ingest_gaz_clear(struct ingest_gaz *g)
{
    if (!g)
        return;
    g->slots = NULL;
    g->cap = g->used = 0;
    g->shift = 0;
}

static const struct ingest_gaz_entry *gaz_probe(const struct ingest_gaz *g, const char *s, size_t n,
                                                enum ingest_gaz_class cls, bool fold)
{
    if (!g || g->cap == 0 || n == 0 || n >= 256)
        return NULL;
    size_t mask = g->cap - 1, m = n;
    uint64_t high, h = gaz_hash_bytes(s, n, cls, &high);
    if (high & 0x8080808080808080ULL)
        h = gaz_hash_folded(s, n, cls, h, &m);
    size_t i = (size_t)(h >> g->shift);
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
    return gaz_probe(g, s, n, cls, false) != NULL;
}
