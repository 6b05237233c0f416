/* extract_bench.c: how long ingest_run takes on one core. Builds deterministic
 * synthetic articles of 250, 1000 and 4000 words (headline, byline, dateline,
 * paragraphs with named people, places, organisations and attributed quotes)
 * and a 1 MiB hostile input (one line, 100,000 quote marks, invalid UTF-8 bytes:
 * once as is, which ingest refuses, and once with them replaced by U+FFFD, which
 * runs the whole pipeline), and prints the median microseconds per article.
 *
 *   build/bench/extract_bench                 the table (make bench-extract)
 *   build/bench/extract_bench --once N|hostile one extraction, for callgrind
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsd/ingest.h"

static const char *const people[] = {
    "Maria Lindqvist", "Tomas Berg",    "Anika Sharma", "Pieter de Vries",
    "Laura Chen",      "Daniel Okafor", "Sofia Marino", "Jonas Weber",
};
static const char *const titles[] = {"Finance Minister", "Senator", "Mayor", "President",
                                     "spokesman", "Governor"};
static const char *const places[] = {"Berlin", "Lagos", "Chicago", "Lisbon",
                                     "Texas",  "Japan", "Brazil",  "Madrid"};
static const char *const orgs[] = {"the European Union", "NATO",         "the World Bank",
                                   "the United Nations", "the Pentagon", "Reuters"};
static const char *const cues[] = {"said", "told reporters", "added", "warned", "argued"};
static const char *const filler[] = {
    "the budget talks continued late into the evening without an agreement on spending",
    "officials expect the new rules to take effect early next year after a final vote",
    "critics say the plan does too little for families facing higher energy prices",
    "the proposal would raise about two billion in new revenue over five years",
    "several regional leaders have asked for more time to study the details",
    "the committee will publish its findings before the end of the month",
};

static uint32_t rng_state = 12345;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 16) % n;
}

#define PICK(a) a[rnd(sizeof a / sizeof *a)]

/* Appends formatted text; exits on overflow (the buffers are sized generously). */
__attribute__((format(printf, 4, 5))) static void put(char *buf, size_t cap, size_t *len,
                                                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (w < 0 || (size_t)w >= cap - *len) {
        fprintf(stderr, "extract_bench: buffer too small\n");
        exit(1);
    }
    *len += (size_t)w;
}

static size_t words_in(const char *s)
{
    size_t w = 0;
    int in = 0;
    for (; *s; s++) {
        int a = (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9');
        if (a && !in)
            w++;
        in = a;
    }
    return w;
}

/* A news article of about `words` words. */
static char *article_make(size_t words)
{
    size_t cap = words * 16 + 4096, len = 0;
    char *b = malloc(cap);
    if (!b)
        exit(1);
    rng_state = (uint32_t)words;
    put(b, cap, &len, "Leaders meet in %s as %s weighs %s\n\n", PICK(places), PICK(orgs),
        "new budget rules");
    put(b, cap, &len, "By %s and %s\n\n", PICK(people), PICK(people));
    put(b, cap, &len, "Published March 4, 2026 6:12 PM EST\n\n");
    put(b, cap, &len, "BERLIN — %s met %s", PICK(people), PICK(orgs));
    put(b, cap, &len, " officials on Tuesday as %s.\n\n", PICK(filler));
    size_t have = words_in(b), mark = len;
    while (have < words) {
        have += words_in(b + mark);
        mark = len;
        const char *who = PICK(people);
        switch (rnd(5)) {
        case 0:
            put(b, cap, &len, "“We cannot wait another year for this,” %s %s. ", who, PICK(cues));
            put(b, cap, &len, "“The people of %s deserve an answer.”\n\n", PICK(places));
            break;
        case 1:
            put(b, cap, &len, "%s %s, the %s, ", PICK(titles), who, PICK(titles));
            put(b, cap, &len, "said in %s that %s.\n\n", PICK(places), PICK(filler));
            break;
        case 2:
            put(b, cap, &len, "In %s, %s described the talks as \"%s\" and said ", PICK(places),
                who, "difficult but useful");
            put(b, cap, &len, "%s.\n\n", PICK(filler));
            break;
        case 3:
            put(b, cap, &len, "\"%s,\" she said. According to %s, %s.\n\n", "It is a fair deal",
                PICK(orgs), PICK(filler));
            break;
        default:
            put(b, cap, &len, "The talks in %s followed a week in which %s. ", PICK(places),
                PICK(filler));
            put(b, cap, &len, "%s and %s were also present as %s.\n\n", PICK(people),
                PICK(people), PICK(filler));
            break;
        }
    }
    return b;
}

/* 1 MiB on one line: 100,000 quote marks of every kind among words, and invalid
 * UTF-8 bytes; with replace, the invalid bytes become U+FFFD. */
static char *hostile_make(int replace, size_t *n)
{
    size_t cap = 1u << 20, len = 0;
    char *b = malloc(cap + 1);
    if (!b)
        exit(1);
    static const char *const marks[] = {"\"", "“", "”", "''", "‘", "’", "«", "»"};
    size_t nmarks = 0;
    rng_state = 7;
    while (len + 16 < cap) {
        const char *m = nmarks < 100000 ? marks[rnd(8)] : "";
        nmarks += *m != 0;
        size_t ml = strlen(m);
        memcpy(b + len, m, ml);
        len += ml;
        if (rnd(50) == 0) {
            const char *bad = replace ? "\xEF\xBF\xBD" : "\xC3\x28";
            memcpy(b + len, bad, strlen(bad));
            len += strlen(bad);
        }
        static const char *const w[] = {"said ", "He ", "Smith. ", "the ", "NATO ", "x, "};
        const char *x = w[rnd(6)];
        memcpy(b + len, x, strlen(x));
        len += strlen(x);
    }
    b[len] = '\0';
    *n = len;
    return b;
}

/* Hostile shapes that once made a stage quadratic (each fixed; see
 * docs/extraction.md, Speed): head, then piece repeated up to n bytes; with
 * named, each piece is followed by a name of its own ("Bxxxxco") and after. */
struct shape {
    const char *label, *head, *piece;
    int named;
    const char *after;
};

static const struct shape shapes[] = {
    {"quote marks", "Headline of the shape\n\n",
     "\"Yes,\" he said \xe2\x80\x9cno\xe2\x80\x9d said Smith \"Jones, a man, said \" ", 0, ""},
    {"two-word names, no organisation", "Names of the shape\n\n", "Anna Berg met Carl Dunn. ", 0,
     ""},
    {"participles before a quotation", "Participles of the shape\n\nJo Roe said ",
     "adding saying ", 0, ""},
    {"role cues in one paragraph", "Senators of the shape\n\n",
     "Acme Corp. \xe2\x80\x9cYes,\xe2\x80\x9d the senator said. ", 0, ""},
    {"one-word subjects, many organisations", "Critics of the shape\n\n", "", 1,
     " Labs grew. Critics said \xe2\x80\x9cit works.\xe2\x80\x9d "},
    {"bare spokespeople of an organisation", "Spokespeople of the shape\n\n",
     "The Department of Agriculture declined to comment, but a spokesperson said "
     "\"we are reviewing it.\" ",
     0, ""},
    {"a paper's head word, never named in full", "Weather of the shape\n\n",
     "Then the Mercury rose again. ", 0, ""},
    {"lists of places, each new", "Trips of the shape\n\n", "They went to ", 1,
     ", Dornfeld. "},
};

static char *shape_make(const struct shape *sh, size_t cap)
{
    char *b = malloc(cap + 256);
    if (!b)
        exit(1);
    size_t len = 0;
    put(b, cap + 256, &len, "%s", sh->head);
    for (unsigned k = 0; len + 128 < cap; k++) {
        put(b, cap + 256, &len, "%s", sh->piece);
        if (sh->named)
            put(b, cap + 256, &len, "B%c%c%c%cco%s", 'a' + k % 26, 'a' + k / 26 % 26,
                'a' + k / 676 % 26, 'a' + k / 17576 % 26, sh->after);
    }
    put(b, cap + 256, &len, "\xe2\x80\x9cit is fine.\xe2\x80\x9d\n");
    return b;
}

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Runs the extraction reps times; returns the median microseconds. */
static double time_run(char *text, int reps, enum ingest_rc *rc_out, size_t *quotes)
{
    double *t = malloc((size_t)reps * sizeof *t);
    if (!t)
        exit(1);
    for (int r = 0; r < reps; r++) {
        struct ingest_input in = {0};
        struct article a = {0};
        const char *why = NULL;
        in.text = text;
        double t0 = now_us();
        *rc_out = ingest_run(&in, &a, &why);
        t[r] = now_us() - t0;
        *quotes = a.n_quotes;
        article_clear(&a);
    }
    qsort(t, (size_t)reps, sizeof *t, dbl_cmp);
    double med = t[reps / 2];
    free(t);
    return med;
}

int main(int argc, char **argv)
{
    enum ingest_rc rc;
    size_t nq = 0, n = 0;
    if (argc == 3 && strcmp(argv[1], "--once") == 0) {
        char *text;
        if (strcmp(argv[2], "hostile") == 0)
            text = hostile_make(1, &n);
        else
            text = article_make((size_t)strtoul(argv[2], NULL, 10));
        time_run(text, 1, &rc, &nq);
        free(text);
        return rc == INGEST_OK || rc == INGEST_NO_ARTICLE ? 0 : 1;
    }
    printf("%-44s %8s %8s %12s\n", "input", "bytes", "quotes", "median us");
    static const size_t sizes[] = {250, 1000, 4000};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        char *text = article_make(sizes[i]);
        int reps = sizes[i] >= 4000 ? 200 : 1000;
        time_run(text, 20, &rc, &nq); /* warm up */
        double us = time_run(text, reps, &rc, &nq);
        char label[64];
        snprintf(label, sizeof label, "article, %zu words", words_in(text));
        printf("%-44s %8zu %8zu %12.1f\n", label, strlen(text), nq, us);
        free(text);
    }
    for (int replace = 0; replace <= 1; replace++) {
        char *text = hostile_make(replace, &n);
        double us = time_run(text, 5, &rc, &nq);
        printf("%-44s %8zu %8zu %12.1f  (%s)\n",
               replace ? "hostile 1 MiB, bad bytes replaced" : "hostile 1 MiB, invalid UTF-8", n,
               nq, us,
               rc == INGEST_OK          ? "extracted"
               : rc == INGEST_BAD_INPUT ? "refused"
                                        : "no article");
        free(text);
    }
    /* Linear cost shows as 1 MiB taking about four times 256 KiB. */
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        double us[2];
        for (int big = 0; big <= 1; big++) {
            char *text = shape_make(&shapes[i], big ? 1u << 20 : 1u << 18);
            us[big] = time_run(text, 3, &rc, &nq);
            free(text);
        }
        char label[64];
        snprintf(label, sizeof label, "shape: %s", shapes[i].label);
        printf("%-44s %8s %8zu %12.1f  (256 KiB: %.0f us, x%.1f)\n", label, "1 MiB", nq, us[1],
               us[0], us[1] / us[0]);
    }
    return 0;
}
