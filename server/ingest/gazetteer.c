/* gazetteer.c: the word and name lists of the data folder (embedded in the binary) as
 * one hash table, built per ingest run so that ingest keeps no global state. The
 * table points into the embedded text and copies nothing.
 *
 * File format (every data file): one entry a line; "#" starts a comment line;
 * blank lines are skipped; "Canonical|Alias|Alias" lists spellings of one name,
 * the first being the canonical one; given_names.txt lines are "Name|m" or "Name|f". */
#include "ingest_internal.h"

#include <string.h>

#include "newsd/embedded.h"

struct gaz_file {
    const char *name;
    enum ingest_gaz_class cls;
    bool fold; /* match ignoring ASCII case */
};

static const struct gaz_file gaz_files[] = {
    {"countries.txt", INGEST_GAZ_PLACE, false},
    {"us_states.txt", INGEST_GAZ_PLACE, false},
    {"cities.txt", INGEST_GAZ_PLACE, false},
    {"regions.txt", INGEST_GAZ_PLACE, false},
    {"organizations.txt", INGEST_GAZ_ORG, false},
    {"titles.txt", INGEST_GAZ_TITLE, true},
    {"title_words.txt", INGEST_GAZ_TITLE_MOD, true},
    {"demonyms.txt", INGEST_GAZ_DEMONYM, false},
    {"cap_stopwords.txt", INGEST_GAZ_STOPCAP, false},
    {"not_entities.txt", INGEST_GAZ_NOT_ENTITY, false},
    {"org_words.txt", INGEST_GAZ_ORG_WORD, false},
    {"given_names.txt", INGEST_GAZ_GIVEN_MALE, false},
    {"place_words.txt", INGEST_GAZ_PLACE_WORD, false},
};

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static uint64_t gaz_hash(const char *s, size_t n, unsigned cls)
{
    uint64_t h = UTIL_FNV_SEED ^ cls;
    for (size_t i = 0; i < n; i++) {
        h ^= lower((unsigned char)s[i]);
        h *= 0x100000001b3ULL;
    }
    return h;
}

static bool key_eq(const struct ingest_gaz_entry *e, const char *s, size_t n)
{
    if (e->key_len != n)
        return false;
    if (e->fold) {
        for (size_t i = 0; i < n; i++)
            if (lower((unsigned char)e->key[i]) != lower((unsigned char)s[i]))
                return false;
        return true;
    }
    return memcmp(e->key, s, n) == 0;
}

static bool gaz_insert(struct ingest_gaz *g, const struct ingest_gaz_entry *e, uint64_t h)
{
    size_t mask = g->cap - 1;
    size_t i = (size_t)h & mask;
    while (g->slots[i].key) {
        if (g->slots[i].cls == e->cls && key_eq(&g->slots[i], e->key, e->key_len))
            return true; /* first spelling wins */
        i = (i + 1) & mask;
    }
    if (g->used + 1 >= g->cap / 4 * 3)
        return false; /* full: the caller grows the table first */
    g->slots[i] = *e;
    g->used++;
    return true;
}

/* Doubles the table and re-inserts every entry. */
static bool gaz_grow(struct ingest_gaz *g)
{
    struct ingest_gaz old = *g;
    if (old.cap > SIZE_MAX / 2 / sizeof *g->slots)
        return false;
    g->cap = old.cap * 2;
    g->used = 0;
    g->slots = calloc(g->cap, sizeof *g->slots);
    if (!g->slots) {
        *g = old;
        return false;
    }
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            (void)gaz_insert(g, &old.slots[i],
                             gaz_hash(old.slots[i].key, old.slots[i].key_len, old.slots[i].cls));
    free(old.slots);
    return true;
}

/* One pass over a data file: each field of each line is hashed while it is
 * scanned, so building the table costs about one read of the text. */
static bool load_file(struct ingest_gaz *g, const struct gaz_file *f, const char *text)
{
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '#' || *p == '\n' || *p == '\0') {
            while (*p && *p != '\n')
                p++;
            if (*p)
                p++;
            continue;
        }
        enum ingest_gaz_class cls = f->cls;
        if (f->cls == INGEST_GAZ_GIVEN_MALE) {
            const char *bar = p;
            while (*bar && *bar != '\n' && *bar != '|')
                bar++;
            if (*bar == '|' && (bar[1] == 'f' || bar[1] == 'F'))
                cls = INGEST_GAZ_GIVEN_FEMALE;
        }
        const char *canon = NULL;
        size_t canon_len = 0;
        bool first = true;
        for (;;) {
            while (*p == ' ' || *p == '\t')
                p++;
            const char *k = p;
            /* the field: up to '|' or the end of the line, trailing blanks off */
            while ((unsigned char)*p > '|' || (*p != '|' && *p != '\n' && *p != '\r' && *p))
                p++;
            const char *last = p;
            while (last > k && (last[-1] == ' ' || last[-1] == '\t'))
                last--;
            size_t kn = (size_t)(last - k);
            uint64_t h_last = gaz_hash(k, kn, (unsigned)cls);
            if (kn > 0 && kn < 256) {
                if (first) {
                    canon = k;
                    canon_len = kn;
                }
                struct ingest_gaz_entry e = {
                    k, canon, (uint16_t)kn, (uint16_t)canon_len, (uint8_t)cls, f->fold};
                if (g->used + 2 >= g->cap / 4 * 3 && !gaz_grow(g))
                    return false;
                (void)gaz_insert(g, &e, h_last);
            }
            first = false;
            if (*p != '|' || f->cls == INGEST_GAZ_GIVEN_MALE)
                break;
            p++;
        }
        while (*p && *p != '\n')
            p++;
        if (*p)
            p++;
    }
    return true;
}

int ingest_gaz_load(struct ingest_gaz *g)
{
    g->cap = 4096;
    g->used = 0;
    g->slots = calloc(g->cap, sizeof *g->slots);
    if (!g->slots)
        return INGEST_ERR_NOMEM;
    for (size_t f = 0; f < sizeof gaz_files / sizeof *gaz_files; f++) {
        const char *text = embedded_data_get(gaz_files[f].name);
        if (text && !load_file(g, &gaz_files[f], text))
            return INGEST_ERR_NOMEM;
    }
    return 0;
}

void ingest_gaz_clear(struct ingest_gaz *g)
{
    if (!g)
        return;
    free(g->slots);
    g->slots = NULL;
    g->cap = g->used = 0;
}

const struct ingest_gaz_entry *ingest_gaz_find(const struct ingest_gaz *g, const char *s, size_t n,
                                               enum ingest_gaz_class cls)
{
    if (!g || g->cap == 0 || n == 0 || n >= 256)
        return NULL;
    size_t mask = g->cap - 1;
    size_t i = (size_t)gaz_hash(s, n, cls) & mask;
    while (g->slots[i].key) {
        if (g->slots[i].cls == cls && key_eq(&g->slots[i], s, n))
            return &g->slots[i];
        i = (i + 1) & mask;
    }
    return NULL;
}

bool ingest_gaz_has(const struct ingest_gaz *g, const char *s, size_t n, enum ingest_gaz_class cls)
{
    return ingest_gaz_find(g, s, n, cls) != NULL;
}
