/* replay.c: a main() for the fuzz targets when libFuzzer is not there (gcc
 * builds): feeds every file of the folders (or files) given on the command
 * line to LLVMFuzzerTestOneInput once, in name order, so `make test` re-checks
 * the corpus under ASan+UBSan. Each input is copied into a buffer of exactly
 * its size, so a read past the end is an ASan report, as under libFuzzer.
 *
 *   replay [-q] [-t SECONDS] PATH...
 *
 * An input running longer than -t seconds (default 10, generous for sanitizer
 * builds) fails the run with its name. Prints one summary line:
 * "NAME: N inputs, 0 failed (slowest X ms: FILE)". Exit 1 when any input could
 * not be read or timed out; sanitizers and broken invariants abort by
 * themselves. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

#if defined(__has_include)
#if __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define REPLAY_HAS_SANITIZER_API 1
#endif
#endif

/* The input being run, for the timeout message (signal-safe to read). */
static const char *volatile replay_current;

/* Names the input being run on stderr (async-signal-safe). */
static void replay_say(const char *msg)
{
    const char *f = replay_current ? replay_current : "?";
    ssize_t w = write(2, msg, strlen(msg));
    w = write(2, f, strlen(f));
    w = write(2, "\n", 1);
    (void)w;
}

static void replay_on_alarm(int sig)
{
    (void)sig;
    replay_say("replay: timeout on input ");
    _exit(1);
}

/* A broken invariant aborts: say which input did it, then die of SIGABRT. */
static void replay_on_abort(int sig)
{
    replay_say("replay: failing input: ");
    signal(sig, SIG_DFL);
    raise(sig);
}

#ifdef REPLAY_HAS_SANITIZER_API
/* ASan and UBSan (with recovery off) end the process here, not by abort(). */
static void replay_on_sanitizer_death(void)
{
    replay_say("replay: failing input: ");
}
#endif

static double replay_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct replay_stats {
    size_t inputs;
    size_t failed;
    double slowest_ms;
    char slowest[512];
};

/* Reads the whole of path into a malloc'd buffer of exactly *size bytes.
 * False when it cannot be read. */
static bool replay_read(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    *data = NULL;
    *size = 0;
    if (!f)
        return false;
    bool ok = true;
    uint8_t chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        uint8_t *p = realloc(*data, *size + n);
        if (!p) {
            ok = false;
            break;
        }
        memcpy(p + *size, chunk, n);
        *data = p;
        *size += n;
    }
    ok = ok && !ferror(f);
    fclose(f);
    /* An empty input still gets a pointer, as libFuzzer gives one: a zero-size
     * block, so reading even one byte of it is an ASan report. */
    if (ok && !*data && !(*data = malloc(0)))
        ok = false;
    if (!ok) {
        free(*data);
        *data = NULL;
    }
    return ok;
}

static void replay_one(const char *path, unsigned timeout_s, bool quiet, struct replay_stats *st)
{
    uint8_t *data;
    size_t size;
    if (!replay_read(path, &data, &size)) {
        fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
        st->failed++;
        return;
    }
    if (!quiet)
        fprintf(stderr, "replay: %s (%zu bytes)\n", path, size);
    replay_current = path;
    alarm(timeout_s);
    double t0 = replay_now_ms();
    LLVMFuzzerTestOneInput(data, size);
    double ms = replay_now_ms() - t0;
    alarm(0);
    replay_current = NULL;
    free(data);
    st->inputs++;
    if (ms > st->slowest_ms) {
        st->slowest_ms = ms;
        snprintf(st->slowest, sizeof st->slowest, "%s", path);
    }
}

static int replay_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays path: a regular file, or every regular file directly inside a folder
 * (name order; dot files skipped). */
static void replay_path(const char *path, unsigned timeout_s, bool quiet, struct replay_stats *st)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        st->failed++;
        return;
    }
    if (!S_ISDIR(sb.st_mode)) {
        replay_one(path, timeout_s, quiet, st);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        st->failed++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + 1 + strlen(e->d_name) + 1;
        char *full = malloc(len);
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **v = realloc(names, cap * sizeof *names);
            FUZZ_CHECK(v != NULL);
            names = v;
        }
        FUZZ_CHECK(full != NULL);
        size_t plen = strlen(path);
        snprintf(full, len, "%s%s%s", path, plen && path[plen - 1] == '/' ? "" : "/", e->d_name);
        if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode))
            names[n++] = full;
        else
            free(full);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, replay_cmp);
    for (size_t i = 0; i < n; i++) {
        replay_one(names[i], timeout_s, quiet, st);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    struct replay_stats st = {0};
    unsigned timeout_s = 10;
    bool quiet = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-q") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
            char *end;
            long t = strtol(argv[++i], &end, 10);
            if (*end || t < 1 || t > 3600) {
                fprintf(stderr, "replay: -t wants seconds from 1 to 3600\n");
                return 2;
            }
            timeout_s = (unsigned)t;
        } else {
            fprintf(stderr, "usage: %s [-q] [-t SECONDS] PATH...\n", argv[0]);
            return 2;
        }
    }
    if (i == argc) {
        fprintf(stderr, "usage: %s [-q] [-t SECONDS] PATH...\n", argv[0]);
        return 2;
    }
    signal(SIGALRM, replay_on_alarm);
    signal(SIGABRT, replay_on_abort);
#ifdef REPLAY_HAS_SANITIZER_API
    __sanitizer_set_death_callback(replay_on_sanitizer_death);
#endif
    for (; i < argc; i++)
        replay_path(argv[i], timeout_s, quiet, &st);
    const char *name = strrchr(argv[0], '/');
    printf("%s: %zu inputs, %zu failed (slowest %.0f ms: %s)\n", name ? name + 1 : argv[0],
           st.inputs, st.failed, st.slowest_ms, st.slowest[0] ? st.slowest : "-");
    return st.failed ? 1 : 0;
}
