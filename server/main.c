/* main.c: the command line: serve | ingest | extract | migrate | version. Each
 * verb parses its flags into struct config and calls the modules; nothing
 * here knows SQL or HTTP details. */
#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "newsd/config.h"
#include "newsd/http.h"
#include "newsd/ingest.h"
#include "newsd/log.h"
#include "newsd/store.h"
#include "newsd/views.h"

#define NEWSD_VERSION "0.1.0"
/* The largest input file the CLI reads: a .jsonl of many articles. */
#define MAIN_MAX_FILE (256u << 20)

/* Prints the usage on f: stderr after a mistake (exit 2), stdout when asked
 * for with --help, -h or help (exit 0), so `newsd --help | less` works. */
static int usage_to(FILE *f)
{
    fprintf(
        f,
        "usage: newsd serve   [--db FILE] [--bind ADDR] [--port N] [--threads N] [--read-only]\n"
        "       newsd ingest  [--db FILE] [--format txt|json|jsonl] [--threads N] PATH... | -\n"
        "       newsd extract [--format txt|json|jsonl] PATH | -\n"
        "       newsd migrate [--db FILE]\n"
        "       newsd version\n");
    return f == stdout ? 0 : 2;
}

static int usage(void)
{
    return usage_to(stderr);
}

/* Reads a whole file (or stdin for "-") into *out; returns 0 or an errno. */
static int main_read_file(const char *path, struct buf *out)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return errno ? errno : EIO;
    char chunk[65536];
    size_t n;
    int err = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (out->len + n > MAIN_MAX_FILE) {
            err = EFBIG;
            break;
        }
        if (!buf_append(out, chunk, n)) {
            err = ENOMEM;
            break;
        }
    }
    if (!err && ferror(f))
        err = EIO;
    if (f != stdin)
        fclose(f);
    if (!err && !out->data && !buf_append(out, "", 0))
        err = ENOMEM;
    return err;
}

/* Splits argv into flags (applied to cfg) and positional arguments. */
static bool main_flags(int argc, char **argv, struct config *cfg, const char **format,
                       const char ***pos, int *npos)
{
    *pos = calloc((size_t)argc + 1, sizeof **pos);
    *npos = 0;
    if (!*pos)
        return false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-") == 0 || strncmp(a, "--", 2) != 0) {
            (*pos)[(*npos)++] = a;
            continue;
        }
        if (strcmp(a, "--format") == 0 && format) {
            if (i + 1 >= argc) {
                fprintf(stderr, "newsd: --format needs a value\n");
                return false;
            }
            *format = argv[++i];
            continue;
        }
        int used = config_flag(cfg, a, i + 1 < argc ? argv[i + 1] : NULL);
        if (used < 0)
            return false;
        i += used;
    }
    return true;
}

/* Opens the database for writing, creating and migrating it as needed. */
static struct store *main_open_db(const struct config *cfg)
{
    struct store *s = NULL;
    if (store_open(cfg->db, STORE_CREATE, &s) != STORE_OK) {
        fprintf(stderr, "newsd: cannot open the database %s\n", cfg->db);
        return NULL;
    }
    int from = 0, to = 0;
    enum store_rc rc = store_migrate(s, &from, &to);
    if (rc != STORE_OK) {
        fprintf(stderr,
                rc == STORE_SCHEMA
                    ? "newsd: %s was written by a newer newsd (schema %d > %d); upgrade newsd\n"
                    : "newsd: migrating %s failed (schema %d of %d)\n",
                cfg->db, from, store_schema_latest());
        store_close(s);
        return NULL;
    }
    return s;
}

/* --- ingest ------------------------------------------------------------------ */

/* `newsd ingest` is a pipeline: this thread walks the inputs and cuts them into
 * jobs, worker threads parse and extract each job (ingest/ has no shared
 * state), and this thread stores the jobs strictly in input order, so ids,
 * messages and counts are those of a one-by-one run. Memory is bounded
 * whatever the input size: a window of jobs in flight, plus the stored
 * articles of the open batch, which the store borrows until it commits. */

struct ingest_tally {
    long ingested, duplicates, failed, skipped;
    long in_batch;  /* articles since the batch began */
    long batch_new; /* of which newly stored: lost if the batch cannot commit */
    bool progress;
};

/* Articles per transaction of `newsd ingest`: the store says
 * (store_batch_size), from 1,024 to 8,192 as the database grows: large
 * enough to spread the commit's cost (index pages dirtied by many articles
 * are written once per batch), small enough that a crash loses a few seconds
 * of work and that the batch's articles, kept for a replay (store.h), stay
 * around 120 MB. MAIN_BATCH is the first allocation of the batch's list. */
#define MAIN_BATCH 1024
/* Niceness of the extraction threads (see pipe_worker). */
#define MAIN_WORKER_NICE 5
/* Jobs in flight: enough for the workers to run a second or two ahead, so
 * that they keep extracting while the storing thread commits a batch
 * (seconds at 8,192 articles; 64 jobs were extracted in a few ms and the
 * workers then sat idle). About 12 KB of memory a job. */
#define MAIN_WINDOW 4096

enum job_kind {
    JOB_RECORD, /* one JSON record (a .json file or a .jsonl line) */
    JOB_TEXT,   /* one raw article (a .txt file or stdin) */
    JOB_FAIL,   /* a failure found while reading: data is the reason */
    JOB_SKIP,   /* a file that is not an input: data is the note */
};

struct job {
    enum job_kind kind;
    char *where;  /* names the input in messages */
    char *data;   /* the input bytes (JOB_RECORD, JOB_TEXT) */
    size_t len;
    /* Filled by a worker. */
    bool done;
    bool extracted; /* the input parsed and ingest_run ran: rc and reason are its */
    enum ingest_rc rc;
    const char *reason; /* static text from ingest/, NULL for out of memory */
    struct article a;
    /* What the store works out from the article alone, made here so that the
     * storing thread, the pipeline's bottleneck, does less. */
    struct store_prep prep;
    bool prepped;
};

static void job_free(struct job *j)
{
    if (!j)
        return;
    article_clear(&j->a);
    store_prep_clear(&j->prep);
    free(j->data);
    free(j->where);
    free(j);
}

/* Parses and extracts one job; runs on a worker thread. */
static void job_run(struct job *j)
{
    struct ingest_input in = {0};
    const char *reason = NULL;
    if (j->kind == JOB_RECORD) {
        j->rc = ingest_record_parse(j->data, j->len, &in, &reason);
    } else if (!ingest_text_is_valid(j->data, j->len)) {
        j->rc = INGEST_BAD_INPUT;
        reason = "not valid UTF-8 text";
    } else {
        in.text = j->data; /* taken */
        j->data = NULL;
        j->rc = INGEST_OK;
    }
    if (j->rc == INGEST_OK) {
        j->extracted = true;
        j->rc = ingest_run(&in, &j->a, &reason);
        j->prepped = j->rc == INGEST_OK && store_article_prep(&j->a, &j->prep) == STORE_OK;
    }
    j->reason = reason;
    free(j->data);
    j->data = NULL;
    ingest_input_clear(&in);
}

struct ingest_pipe {
    struct store *store;
    struct ingest_tally *t;
    pthread_mutex_t lock;
    pthread_cond_t work; /* a job was queued, or stop */
    pthread_cond_t done; /* a job was extracted */
    struct job *ring[MAIN_WINDOW];
    size_t head; /* oldest job, next to store (this thread only) */
    size_t next; /* next job for a worker */
    size_t tail; /* where the next job goes */
    bool stop;
    pthread_t *threads;
    int n_threads;
    /* Stored jobs of the open batch: the store borrows their articles until
     * the batch commits (it may write them again, see store.h). */
    struct job **batch;
    size_t n_batch, cap_batch;
};

static void *pipe_worker(void *arg)
{
    struct ingest_pipe *p = arg;
    /* The storing thread is the bottleneck and the workers run ahead of it:
     * on a busy machine they give way to it (Linux: nice is per thread). */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), MAIN_WORKER_NICE);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next == p->tail && !p->stop)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->next == p->tail)
            break; /* stopping and nothing left */
        struct job *j = p->ring[p->next++ % MAIN_WINDOW];
        if (j->done)
            continue; /* a failure or a note: nothing to extract */
        pthread_mutex_unlock(&p->lock);
        job_run(j);
        pthread_mutex_lock(&p->lock);
        j->done = true;
        pthread_cond_signal(&p->done); /* one waiter: the storing thread */
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Makes room for one more job in the open batch's list; false on OOM. */
static bool main_batch_room(struct ingest_pipe *p)
{
    if (p->n_batch < p->cap_batch)
        return true;
    size_t cap = p->cap_batch ? p->cap_batch * 2 : MAIN_BATCH;
    struct job **v = realloc(p->batch, cap * sizeof *v);
    if (!v)
        return false;
    p->batch = v;
    p->cap_batch = cap;
    return true;
}

static void tally_fail(struct ingest_tally *t, const char *where, const char *why)
{
    t->failed++;
    fprintf(stderr, "%sfailed: %s: %s\n", t->progress ? "\r\033[K" : "", where, why);
}

/* A batch that could not commit stored none of its new articles: count them
 * as failed, so that the summary still adds up to the input. */
static void main_batch_lost(struct ingest_tally *t)
{
    fprintf(stderr, "%sfailed: the last %ld new articles could not be committed\n",
            t->progress ? "\r\033[K" : "", t->batch_new);
    t->failed += t->batch_new;
    t->ingested -= t->batch_new;
    t->batch_new = 0;
}

/* Commits the open batch and frees its jobs; false when the batch is lost
 * (its new articles are then counted as failed). */
static bool pipe_commit(struct ingest_pipe *p, enum store_rc (*commit)(struct store *))
{
    bool ok = commit(p->store) == STORE_OK;
    if (!ok)
        main_batch_lost(p->t);
    for (size_t i = 0; i < p->n_batch; i++)
        job_free(p->batch[i]);
    p->n_batch = 0;
    return ok;
}

/* Stores (or reports) one finished job, in input order; true when the store
 * kept it (it is then freed when the batch commits). */
static bool main_store_job(struct ingest_pipe *p, struct job *j)
{
    struct ingest_tally *t = p->t;
    struct store *s = p->store;
    struct store_insert res = {0};
    if (j->kind == JOB_FAIL) {
        tally_fail(t, j->where, j->data);
        return false;
    }
    if (j->kind == JOB_SKIP) {
        t->skipped++;
        fprintf(stderr, "%sskipped: %s: %s\n", t->progress ? "\r\033[K" : "", j->where, j->data);
        return false;
    }
    if (!j->extracted) { /* the record or text itself was refused */
        tally_fail(t, j->where, j->reason ? j->reason : "out of memory");
        return false;
    }
    if ((size_t)t->in_batch >= store_batch_size(s)) {
        pipe_commit(p, store_batch_commit);
        if (store_batch_begin(s) != STORE_OK)
            tally_fail(t, j->where, "database error (see log)");
        t->in_batch = t->batch_new = 0;
    }
    bool kept = false;
    if (j->rc != INGEST_OK) {
        tally_fail(t, j->where, j->reason ? j->reason : "out of memory");
    } else if (!main_batch_room(p)) {
        tally_fail(t, j->where, "out of memory");
    } else {
        t->in_batch++;
        enum store_rc rc = store_article_insert_prep(s, &j->a, j->prepped ? &j->prep : NULL, &res);
        store_prep_clear(&j->prep); /* a replay of the batch works it out again */
        j->prepped = false;
        if (rc != STORE_OK)
            tally_fail(t, j->where, rc == STORE_FULL ? "disk full" : "database error (see log)");
        else if (res.duplicate)
            t->duplicates++;
        else
            t->ingested++, t->batch_new++, kept = true;
    }
    if (kept)
        p->batch[p->n_batch++] = j;
    if (t->progress)
        fprintf(stderr, "\r\033[K%ld ingested, %ld duplicates, %ld failed  %s", t->ingested,
                t->duplicates, t->failed, j->where);
    return kept;
}

/* Waits for the oldest job, stores it and frees its slot. */
static void pipe_complete_oldest(struct ingest_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    struct job *j = p->ring[p->head % MAIN_WINDOW];
    while (!j->done)
        pthread_cond_wait(&p->done, &p->lock);
    pthread_mutex_unlock(&p->lock);
    if (!main_store_job(p, j))
        job_free(j);
    p->head++; /* only this thread reads head */
}

/* Queues a job (taken), storing older ones while the window is full. With no
 * worker thread the job runs here. */
static void pipe_submit(struct ingest_pipe *p, struct job *j)
{
    if (p->tail - p->head == MAIN_WINDOW)
        pipe_complete_oldest(p);
    bool extract = j->kind == JOB_RECORD || j->kind == JOB_TEXT;
    if (!extract)
        j->done = true;
    else if (p->n_threads == 0)
        job_run(j), j->done = true;
    pthread_mutex_lock(&p->lock);
    p->ring[p->tail++ % MAIN_WINDOW] = j;
    if (extract && p->n_threads)
        pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
}

/* Queues a job named where: the input data[0..len) to extract, or for
 * JOB_FAIL and JOB_SKIP the text to report (data is NUL-terminated then).
 * Both are copied. A job that cannot be made is reported as out of memory,
 * still in order. */
static void pipe_add(struct ingest_pipe *p, enum job_kind kind, const char *where,
                     const char *data, size_t len)
{
    if (kind == JOB_FAIL || kind == JOB_SKIP)
        len = strlen(data);
    struct job *j = calloc(1, sizeof *j);
    if (j && (j->where = util_strdup(where)) && (j->data = malloc(len + 1))) {
        memcpy(j->data, data, len);
        j->data[len] = '\0';
        j->len = len;
        j->kind = kind;
        pipe_submit(p, j);
        return;
    }
    job_free(j);
    while (p->head != p->tail) /* what came before is reported first */
        pipe_complete_oldest(p);
    tally_fail(p->t, where, "out of memory");
}

/* Starts up to n worker threads (none when n < 2 or threads cannot start:
 * then jobs run on this thread, in the same order). */
static void pipe_start(struct ingest_pipe *p, struct store *s, struct ingest_tally *t, int n)
{
    memset(p, 0, sizeof *p);
    p->store = s;
    p->t = t;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    if (n < 2 || !(p->threads = calloc((size_t)n, sizeof *p->threads)))
        return;
    for (int i = 0; i < n; i++) {
        if (pthread_create(&p->threads[i], NULL, pipe_worker, p) != 0)
            break;
        p->n_threads++;
    }
}

/* Stores every job left, commits the last batch (and checkpoints), then
 * stops and joins the workers. */
static void pipe_finish(struct ingest_pipe *p)
{
    while (p->head != p->tail)
        pipe_complete_oldest(p);
    pipe_commit(p, store_bulk_finish);
    free(p->batch);
    pthread_mutex_lock(&p->lock);
    p->stop = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < p->n_threads; i++)
        pthread_join(p->threads[i], NULL);
    free(p->threads);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->lock);
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Queues the records of a .jsonl text, one per line. */
static void main_ingest_jsonl(struct ingest_pipe *p, const char *path, const char *text)
{
    long lineno = 0;
    for (const char *line = text; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        lineno++;
        if (len && strspn(line, " \t\r") < len) {
            char where[4200];
            snprintf(where, sizeof where, "%.4096s:%ld", path, lineno);
            pipe_add(p, JOB_RECORD, where, line, len);
        }
        line = nl ? nl + 1 : NULL;
    }
}

/* Queues one file by its kind: .txt raw text, .json one record, .jsonl many. */
static void main_ingest_file(struct ingest_pipe *p, const char *path, const char *format)
{
    struct buf text = {0};
    int err = main_read_file(path, &text);
    if (err) {
        pipe_add(p, JOB_FAIL, path, strerror(err), 0);
        goto out;
    }
    bool jsonl = format ? strcmp(format, "jsonl") == 0 : has_suffix(path, ".jsonl");
    bool json = format ? strcmp(format, "json") == 0 : has_suffix(path, ".json");
    if (jsonl)
        main_ingest_jsonl(p, path, text.data);
    else
        pipe_add(p, json ? JOB_RECORD : JOB_TEXT, path, text.data, text.len);
out:
    buf_clear(&text);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks a folder in name order, ingesting .txt, .json and .jsonl files. */
static void main_ingest_path(struct ingest_pipe *p, const char *path, const char *format,
                             int depth)
{
    struct stat st;
    if (strcmp(path, "-") == 0) {
        main_ingest_file(p, path, format ? format : "txt");
        return;
    }
    if (stat(path, &st) != 0) {
        pipe_add(p, JOB_FAIL, path, strerror(errno), 0);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        main_ingest_file(p, path, format);
        return;
    }
    if (depth > 32) {
        pipe_add(p, JOB_FAIL, path, "folders nested too deep", 0);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        pipe_add(p, JOB_FAIL, path, strerror(errno), 0);
        return;
    }
    struct strv names = {0};
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.')
            strv_push(&names, e->d_name);
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, name_cmp);
    for (size_t i = 0; i < names.n; i++) {
        struct buf child = {0};
        if (!buf_printf(&child, "%s/%s", path, names.v[i]))
            continue;
        struct stat cst;
        bool dir = stat(child.data, &cst) == 0 && S_ISDIR(cst.st_mode);
        if (dir || has_suffix(child.data, ".txt") || has_suffix(child.data, ".json") ||
            has_suffix(child.data, ".jsonl"))
            main_ingest_path(p, child.data, NULL, depth + 1);
        else
            pipe_add(p, JOB_SKIP, child.data, "not a .txt, .json or .jsonl file", 0);
        buf_clear(&child);
    }
    strv_clear(&names);
}

/* True under valgrind, whose preloaded library is in LD_PRELOAD: running
 * /proc/self/exe again there would start the tool, not newsd. */
static bool main_under_valgrind(void)
{
    const char *pre = getenv("LD_PRELOAD");
    return pre && strstr(pre, "vgpreload");
}

/* A bulk load grows SQLite's page cache and the workers' heaps to hundreds of
 * MiB, 4 KiB page by 4 KiB page: each first touch is a page fault (costly in
 * a VM) and the b-tree walks over that cache miss the TLB. glibc puts malloc
 * on transparent huge pages only when told so before the program starts (the
 * tunable glibc.malloc.hugetlb=1; the kernel must allow madvise, Debian's
 * default), so ingest runs itself again once with it added to what the
 * caller set: a third of the page faults, 18% more articles a second at
 * 10,000 (docs/performance.md). When exec fails this process goes on. */
static void main_ingest_hugepages(char **argv)
{
    static const char tunable[] = "glibc.malloc.hugetlb=1";
    /* Run again once at most: a privileged binary (setuid, file
     * capabilities) gets GLIBC_TUNABLES filtered, so the tunable alone
     * cannot mark the second run; under valgrind /proc/self/exe is the tool. */
    if (getenv("NEWSD_INGEST_RAN_AGAIN")) {
        unsetenv("NEWSD_INGEST_RAN_AGAIN");
        return;
    }
    if (getauxval(AT_SECURE) || main_under_valgrind())
        return;
    const char *have = getenv("GLIBC_TUNABLES");
    if (have && strstr(have, "glibc.malloc.hugetlb="))
        return; /* the caller chose */
    char *old = have ? util_strdup(have) : NULL;
    struct buf v = {0};
    if ((!have || old) &&
        buf_printf(&v, "%s%s%s", have ? have : "", have && *have ? ":" : "", tunable) &&
        setenv("GLIBC_TUNABLES", v.data, 1) == 0 && setenv("NEWSD_INGEST_RAN_AGAIN", "1", 1) == 0)
        execv("/proc/self/exe", argv);
    /* exec failed (no /proc, a sandbox): go on as we were */
    unsetenv("NEWSD_INGEST_RAN_AGAIN");
    if (old)
        setenv("GLIBC_TUNABLES", old, 1);
    else
        unsetenv("GLIBC_TUNABLES");
    free(old);
    buf_clear(&v);
}

static int cmd_ingest(struct config *cfg, int argc, char **argv)
{
    const char *format = NULL, **pos = NULL;
    int npos = 0, ret = 2;
    struct store *s = NULL;
    if (!main_flags(argc, argv, cfg, &format, &pos, &npos) || npos == 0) {
        ret = usage();
        goto out;
    }
    if (format && strcmp(format, "txt") && strcmp(format, "json") && strcmp(format, "jsonl")) {
        fprintf(stderr, "newsd: --format must be txt, json or jsonl\n");
        goto out;
    }
    if (!(s = main_open_db(cfg))) {
        ret = 1;
        goto out;
    }
    struct ingest_tally t = {.progress = isatty(STDERR_FILENO)};
    bool deferred = false;
    if (store_bulk_mode(s) != STORE_OK || store_cache_limit(s, cfg->ingest_cache_bytes) != STORE_OK ||
        store_bulk_defer_indexes(s, &deferred) != STORE_OK || store_batch_begin(s) != STORE_OK) {
        if (deferred)
            store_indexes_restore(s, true);
        fprintf(stderr, "newsd: cannot write to %s (see the log above)\n", cfg->db);
        ret = 1;
        goto out;
    }
    const char *tun = getenv("GLIBC_TUNABLES"); /* restored when the run again failed */
    log_info("event=ingest_start threads=%d cache_mb=%zu hugepages=%s", cfg->threads,
             cfg->ingest_cache_bytes >> 20,
             tun && strstr(tun, "glibc.malloc.hugetlb=1") ? "requested" : "off");
    struct ingest_pipe p;
    pipe_start(&p, s, &t, cfg->threads);
    for (int i = 0; i < npos; i++)
        main_ingest_path(&p, pos[i], format, 0);
    pipe_finish(&p);
    if (t.progress)
        fprintf(stderr, "\r\033[K");
    printf("%ld ingested, %ld duplicates, %ld failed\n", t.ingested, t.duplicates, t.failed);
    ret = t.failed ? 1 : 0;
out:
    store_close(s);
    free(pos);
    return ret;
}

/* --- extract ----------------------------------------------------------------- */

/* Prints the extraction of one input: pretty JSON, or one line with jsonl. */
static bool main_extract_one(struct ingest_input *in, bool line, const char *where)
{
    struct article a = {0};
    const char *reason = NULL;
    bool ok = false;
    if (ingest_run(in, &a, &reason) != INGEST_OK) {
        fprintf(stderr, "newsd: %s: %s\n", where, reason ? reason : "out of memory");
        if (line)
            printf("{\"error\": \"no article\"}\n");
        goto out;
    }
    json_t *o = view_article(&a, false);
    if (o) {
        ok = json_dumpf(o, stdout, line ? JSON_COMPACT : JSON_INDENT(2)) == 0;
        fputc('\n', stdout);
    }
    json_decref(o);
out:
    article_clear(&a);
    return ok;
}

static int cmd_extract(struct config *cfg, int argc, char **argv)
{
    const char *format = NULL, **pos = NULL;
    int npos = 0, ret = 2;
    struct buf text = {0};
    struct ingest_input in = {0};
    const char *reason = NULL;
    if (!main_flags(argc, argv, cfg, &format, &pos, &npos) || npos != 1) {
        ret = usage();
        goto out;
    }
    const char *path = pos[0];
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* fopen takes a folder and fread fails with EIO: say what is wanted. */
        fprintf(stderr, "newsd: %s: is a folder; extract takes one file, or - for stdin\n",
                path);
        ret = 2;
        goto out;
    }
    int err = main_read_file(path, &text);
    if (err) {
        fprintf(stderr, "newsd: %s: %s\n", path, strerror(err));
        ret = 1;
        goto out;
    }
    bool jsonl = format ? strcmp(format, "jsonl") == 0 : has_suffix(path, ".jsonl");
    bool json = format ? strcmp(format, "json") == 0 : has_suffix(path, ".json");
    ret = 0;
    if (jsonl) {
        /* One output line per input line, in order, so callers can zip them. */
        for (char *line = text.data; line && *line;) {
            char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            if (len && strspn(line, " \t\r") < len) {
                struct ingest_input rec = {0};
                if (ingest_record_parse(line, len, &rec, &reason) != INGEST_OK) {
                    fprintf(stderr, "newsd: %s: %s\n", path, reason ? reason : "out of memory");
                    printf("{\"error\": \"bad record\"}\n");
                    ret = 1;
                } else if (!main_extract_one(&rec, true, path)) {
                    ret = 1;
                }
                ingest_input_clear(&rec);
            }
            line = nl ? nl + 1 : NULL;
        }
    } else if (json) {
        if (ingest_record_parse(text.data, text.len, &in, &reason) != INGEST_OK) {
            fprintf(stderr, "newsd: %s: %s\n", path, reason ? reason : "out of memory");
            ret = 1;
        } else if (!main_extract_one(&in, false, path)) {
            ret = 1;
        }
    } else {
        in.text = buf_take(&text);
        if (!in.text || !main_extract_one(&in, false, path))
            ret = 1;
    }
out:
    ingest_input_clear(&in);
    buf_clear(&text);
    free(pos);
    return ret;
}

/* --- migrate, serve ---------------------------------------------------------- */

static int cmd_migrate(struct config *cfg, int argc, char **argv)
{
    const char **pos = NULL;
    int npos = 0;
    if (!main_flags(argc, argv, cfg, NULL, &pos, &npos) || npos != 0) {
        free(pos);
        return usage();
    }
    free(pos);
    struct store *s = main_open_db(cfg);
    if (!s)
        return 1;
    store_close(s);
    printf("%s is at schema version %d\n", cfg->db, store_schema_latest());
    return 0;
}

static int cmd_serve(struct config *cfg, int argc, char **argv)
{
    const char **pos = NULL;
    int npos = 0;
    if (!main_flags(argc, argv, cfg, NULL, &pos, &npos) || npos != 0) {
        free(pos);
        return usage();
    }
    free(pos);
    if (!cfg->read_only) {
        struct store *s = main_open_db(cfg); /* creates and migrates */
        if (!s)
            return 1;
        store_close(s);
    }
    /* Block the stop signals before any thread starts, so that only sigwait
     * below sees them and the worker threads never do. SIGHUP (the terminal
     * or ssh session went away) stops as gracefully as SIGTERM: by default it
     * killed the server mid-request with nothing logged. Under nohup (HUP
     * ignored) it stays ignored: blocking it would make sigwait take it. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    struct sigaction hup;
    if (sigaction(SIGHUP, NULL, &hup) == 0 && hup.sa_handler != SIG_IGN)
        sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct http_server *srv = http_server_start(cfg);
    if (!srv) {
        fprintf(stderr, "newsd: cannot serve on %s:%d (see the log above)\n", cfg->bind, cfg->port);
        return 1;
    }
    bool v6 = strchr(cfg->bind, ':') != NULL;
    printf("newsd listening on http://%s%s%s:%d\n", v6 ? "[" : "", cfg->bind, v6 ? "]" : "",
           http_server_port(srv));
    fflush(stdout);
    /* the database by its absolute path: a relative --db says nothing about
     * which folder the server started in */
    char *db = realpath(cfg->db, NULL);
    log_info("event=serving bind=%s port=%d threads=%d db=\"%s\"", cfg->bind, http_server_port(srv),
             cfg->threads, db ? db : cfg->db);
    free(db);
    int sig = 0;
    sigwait(&stop, &sig);
    log_info("event=stopping signal=%d", sig);
    http_server_drain(srv);
    http_server_stop(srv);
    log_info("event=stopped");
    return 0;
}

int main(int argc, char **argv)
{
    struct config cfg = {0};
    int ret = 2;
    if (argc < 2)
        return usage();
    if (!config_from_env(&cfg)) {
        config_clear(&cfg);
        return 2;
    }
    const char *verb = argv[1];
    if (strcmp(verb, "ingest") == 0 && cfg.ingest_hugepages)
        main_ingest_hugepages(argv);
    log_init(cfg.log_json, LOG_INFO);
    store_library_init();
    if (strcmp(verb, "serve") == 0)
        ret = cmd_serve(&cfg, argc - 2, argv + 2);
    else if (strcmp(verb, "ingest") == 0)
        ret = cmd_ingest(&cfg, argc - 2, argv + 2);
    else if (strcmp(verb, "extract") == 0)
        ret = cmd_extract(&cfg, argc - 2, argv + 2);
    else if (strcmp(verb, "migrate") == 0)
        ret = cmd_migrate(&cfg, argc - 2, argv + 2);
    else if (strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0 || strcmp(verb, "help") == 0)
        ret = usage_to(stdout);
    else if (strcmp(verb, "version") == 0 || strcmp(verb, "--version") == 0)
        ret = printf("newsd %s (schema %d)\n", NEWSD_VERSION, store_schema_latest()) > 0 ? 0 : 1;
    else
        ret = usage();
    config_clear(&cfg);
    return ret;
}
