/* fuzz_common.c: the helpers of fuzz.h, linked into every fuzz target and its
 * replay binary. The seeded store is built through the real ingest pipeline,
 * so the rows look like what the server stores. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "fuzz_utf8.h"
#include "newsd/http.h"
#include "newsd/ingest.h"
#include "newsd/log.h"
#include "newsd/model.h"
#include "newsd/store.h"
#include "newsd/views.h"

void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", file, line, what);
    abort();
}

char *fuzz_strndup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    FUZZ_CHECK(s != NULL);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

size_t fuzz_split(char *s, char sep, char **parts, size_t max)
{
    size_t n = 0;
    parts[n++] = s;
    for (char *p = s; n < max && (p = strchr(p, sep)) != NULL;) {
        *p++ = '\0';
        parts[n++] = p;
    }
    return n;
}

/* Three short articles with sections, datelines, bylines, dates, named and
 * anonymous speakers and shared entities, so every list has more than one
 * page at limit=1 and every cursor kind has rows to point at. */
static const char *const fuzz_seed_texts[] = {
    "Local\n\n"
    "Harbour pier will be rebuilt by spring, mayor promises\n\n"
    "Published 12 Feb 2026\n\n"
    "By Sigrid Halvorsen\n\n"
    "TROMSØ, Norway — The city will rebuild the fishing pier before the spring "
    "landings, Mayor Ingrid Solberg said on Thursday.\n\n"
    "“We will rebuild the pier by spring,” Mayor Ingrid Solberg said. “The boats "
    "cannot stay where they are.”\n\n"
    "The harbour master, Eirik Nilsen, said the moorings would not survive a gale. "
    "\"It is a matter of weeks,\" he said.\n",

    "Business\n\n"
    "Port dredging plan delayed again as costs climb\n\n"
    "2026-03-04T18:12:00Z\n\n"
    "By Anna de Vries and Pieter Bakker\n\n"
    "ROTTERDAM, Netherlands — The Port of Rotterdam said on Monday that dredging of "
    "the main channel would start a year late, according to a statement.\n\n"
    "“Costs have risen by a third,” said Mayor Ingrid Solberg, who visited the port. "
    "One official said the delay was “regrettable but unavoidable”.\n\n"
    "The European Union has not committed any money to the plan, officials said.\n",

    "Health\n\n"
    "Vaccination drive reaches northern villages\n\n"
    "By Sigrid Halvorsen\n\n"
    "ABUJA, Nigeria — Health workers reached 40 villages in the north this week, the "
    "World Health Organization said on Friday.\n\n"
    "\"We are ahead of the rains for once,\" said Dr Amina Bello, who leads the team. "
    "She said supplies would last until May.\n\n"
    "'Nobody expected this,' one nurse said.\n",
};

static struct store *fuzz_store;
static char fuzz_store_file[64];

static void fuzz_store_close(void)
{
    store_close(fuzz_store);
    fuzz_store = NULL;
    if (fuzz_store_file[0]) {
        static const char *const suffixes[] = {"", "-wal", "-shm"};
        for (size_t i = 0; i < 3; i++) {
            char p[80];
            snprintf(p, sizeof p, "%s%s", fuzz_store_file, suffixes[i]);
            unlink(p);
        }
    }
}

/* Removes the store files of fuzzing processes that are gone: libFuzzer ends
 * a run (time limit, -runs, a finding) without running atexit handlers. */
static void fuzz_store_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        long pid;
        int end = 0;
        if (sscanf(e->d_name, "newsd-fuzz-%ld.db%n", &pid, &end) != 1 || end == 0 || pid <= 0)
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* alive, or not ours to judge */
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
}

void fuzz_store_use_file(void)
{
    if (fuzz_store || fuzz_store_file[0])
        return;
    /* tmpfs when there is one: synchronous=FULL costs nothing there */
    const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    fuzz_store_sweep(dir);
    snprintf(fuzz_store_file, sizeof fuzz_store_file, "%s/newsd-fuzz-%ld.db", dir, (long)getpid());
    fuzz_store_close(); /* a file left by an earlier process with this pid */
}

const char *fuzz_store_path(void)
{
    return fuzz_store_file[0] ? fuzz_store_file : ":memory:";
}

struct store *fuzz_store_seeded(void)
{
    if (fuzz_store)
        return fuzz_store;
    log_init(false, LOG_WARN); /* no "migrated" line per process */
    FUZZ_CHECK(store_open(fuzz_store_path(), STORE_CREATE, &fuzz_store) == STORE_OK);
    FUZZ_CHECK(store_migrate(fuzz_store, NULL, NULL) == STORE_OK);
    for (size_t i = 0; i < sizeof fuzz_seed_texts / sizeof *fuzz_seed_texts; i++) {
        struct ingest_input in = {0};
        struct article a = {0};
        struct store_insert ins = {0};
        in.text = strdup(fuzz_seed_texts[i]);
        in.url = strdup(i == 0   ? "https://example.org/a"
                        : i == 1 ? "https://example.org/b"
                                 : "https://example.org/c");
        FUZZ_CHECK(in.text && in.url);
        FUZZ_CHECK(ingest_run(&in, &a, NULL) == INGEST_OK);
        FUZZ_CHECK(store_article_insert(fuzz_store, &a, &ins) == STORE_OK);
        article_clear(&a);
        ingest_input_clear(&in);
    }
    atexit(fuzz_store_close);
    return fuzz_store;
}

static void fuzz_text_check(const char *s)
{
    if (s)
        FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s)));
}

/* Whether s holds a letter or digit (any non-ASCII code point counts). */
static bool fuzz_has_word_char(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
            return true;
    return false;
}

static void fuzz_strv_check(const struct strv *sv)
{
    for (size_t i = 0; i < sv->n; i++) {
        FUZZ_CHECK(sv->v[i] != NULL);
        fuzz_text_check(sv->v[i]);
    }
}

/* Serialises one view of a and parses the text back. */
static void fuzz_view_check(const struct article *a, bool with_ids)
{
    json_t *o = view_article(a, with_ids);
    FUZZ_CHECK(o != NULL); /* NULL here is a 500 in the server */
    char *text = json_dumps(o, JSON_COMPACT);
    FUZZ_CHECK(text != NULL);
    json_error_t err;
    json_t *back = json_loads(text, 0, &err);
    FUZZ_CHECK(back != NULL);
    FUZZ_CHECK(json_equal(o, back));
    json_decref(back);
    free(text);
    json_decref(o);
}

void fuzz_article_check(const struct article *a)
{
    const char *strs[] = {a->url,      a->source,       a->title,       a->subtitle, a->section,
                          a->dateline, a->published_at, a->ingested_at, a->snippet};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        fuzz_text_check(strs[i]);
    fuzz_strv_check(&a->authors);
    fuzz_strv_check(&a->paragraphs);

    /* body: the paragraphs joined by "\n\n" */
    FUZZ_CHECK(a->body != NULL);
    size_t blen = strlen(a->body), off = 0;
    fuzz_text_check(a->body);
    /* byte offset of each paragraph in the body, for the quotes below */
    size_t *para_at = malloc((a->paragraphs.n + 1) * sizeof *para_at);
    FUZZ_CHECK(para_at != NULL);
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        size_t plen = strlen(a->paragraphs.v[i]);
        if (i) {
            FUZZ_CHECK(off + 2 <= blen && memcmp(a->body + off, "\n\n", 2) == 0);
            off += 2;
        }
        FUZZ_CHECK(off + plen <= blen && memcmp(a->body + off, a->paragraphs.v[i], plen) == 0);
        para_at[i] = off;
        off += plen;
    }
    FUZZ_CHECK(off == blen);

    FUZZ_CHECK(a->quote_count == (int64_t)a->n_quotes);
    FUZZ_CHECK(a->entity_count == (int64_t)a->n_entities);
    FUZZ_CHECK(a->n_quotes == 0 || a->quotes != NULL);
    FUZZ_CHECK(a->n_entities == 0 || a->entities != NULL);
    /* Offsets count code points in the body, the title or the subtitle. The
     * byte offset of every code point of each is tabled once: walking the
     * text per quote made the check quadratic, and a page with a thousand
     * quotes timed out in the harness instead of the extractor. */
    const char *parts[3] = {a->body, a->title, a->subtitle};
    size_t plens[3] = {blen, 0, 0};
    long long pcps[3] = {0};
    size_t *part_at[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++) {
        if (!parts[k])
            continue;
        if (k)
            plens[k] = strlen(parts[k]);
        pcps[k] = fuzz_utf8_count(parts[k], plens[k]);
        part_at[k] = fuzz_utf8_offsets(parts[k], plens[k], pcps[k]);
        FUZZ_CHECK(part_at[k] != NULL);
    }
    for (size_t i = 0; i < a->n_quotes; i++) {
        const struct quote *q = &a->quotes[i];
        FUZZ_CHECK(q->text != NULL);
        fuzz_text_check(q->text);
        fuzz_text_check(q->speaker_name);
        fuzz_text_check(q->speaker_text);
        /* a source as written is words, never a stray mark ("'", "--") */
        FUZZ_CHECK(!q->speaker_text || fuzz_has_word_char(q->speaker_text));
        fuzz_text_check(q->cue);
        int k = q->paragraph == QUOTE_IN_TITLE ? 1 : q->paragraph == QUOTE_IN_SUBTITLE ? 2 : 0;
        if (k)
            FUZZ_CHECK(parts[k] != NULL);
        else
            FUZZ_CHECK(q->paragraph >= 0 && (size_t)q->paragraph < a->paragraphs.n);
        FUZZ_CHECK(q->start >= 0 && q->start <= q->end && q->end <= pcps[k]);
        size_t b0 = part_at[k][q->start], b1 = part_at[k][q->end];
        FUZZ_CHECK(b1 - b0 == strlen(q->text) && memcmp(parts[k] + b0, q->text, b1 - b0) == 0);
        /* and a body quote lies inside the paragraph it names */
        if (k == 0)
            FUZZ_CHECK(b0 >= para_at[q->paragraph] &&
                       b1 <= para_at[q->paragraph] + strlen(a->paragraphs.v[q->paragraph]));
    }
    for (int k = 0; k < 3; k++)
        free(part_at[k]);
    free(para_at);
    for (size_t i = 0; i < a->n_entities; i++) {
        const struct entity *e = &a->entities[i];
        FUZZ_CHECK(e->name != NULL && e->name[0] != '\0');
        fuzz_text_check(e->name);
        fuzz_strv_check(&e->aliases);
        fuzz_strv_check(&e->titles);
        FUZZ_CHECK((unsigned)e->type <= ENTITY_PLACE);
    }
    fuzz_view_check(a, false);
    fuzz_view_check(a, true);
}

bool fuzz_req_build(struct req *rq, char *s, const char *dflt_path)
{
    static const char *const methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"};
    memset(rq, 0, sizeof *rq);
    rq->method = "GET";
    rq->path = dflt_path;
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
        size_t n = strlen(methods[i]);
        if (strncmp(s, methods[i], n) == 0 && s[n] == ' ') {
            rq->method = methods[i];
            s += n + 1;
            break;
        }
    }
    char *query = s;
    if (*s == '/') {
        rq->path = s;
        query = strchr(s, '?');
        if (query)
            *query++ = '\0';
        else
            query = s + strlen(s);
        if (!fuzz_utf8_valid(rq->path, strlen(rq->path)))
            return false;
    } else if (*s == '?') {
        query = s + 1;
    }
    while (*query) {
        char *pair = query, *amp = strchr(query, '&');
        if (amp) {
            *amp = '\0';
            query = amp + 1;
        } else {
            query = pair + strlen(pair);
        }
        if (!*pair)
            continue;
        char *eq = strchr(pair, '=');
        const char *value = "";
        if (eq) {
            *eq = '\0';
            value = eq + 1;
        }
        if (!fuzz_utf8_valid(pair, strlen(pair)) || !fuzz_utf8_valid(value, strlen(value)))
            return false;
        if (rq->n_params == HTTP_MAX_PARAMS) {
            rq->too_many_params = true;
            break;
        }
        rq->params[rq->n_params].name = strdup(pair);
        rq->params[rq->n_params].value = strdup(value);
        FUZZ_CHECK(rq->params[rq->n_params].name && rq->params[rq->n_params].value);
        rq->n_params++;
    }
    return true;
}

bool fuzz_skip_known_on(void)
{
    static int on = -1;
    if (on < 0) {
        const char *v = getenv("FUZZ_SKIP_KNOWN");
        on = v && strcmp(v, "1") == 0;
    }
    return on;
}
