/* ceiling.c: the libmicrohttpd ceiling of the benchmark. A minimal server that
 * answers from memory with the bytes and headers newsd sent for each URL, using
 * the daemon setup of server/http/daemon.c (internal polling thread pool, ITC,
 * the same connection limit, timeout and strict parsing) but epoll, the
 * library's best case, where newsd polls (see bench/epoll_stall.sh); answering on
 * the second call of the access handler, as newsd must with 0.9.75. What newsd
 * does beyond this (SQLite, JSON, ETag hashing, routing, logging) is the
 * difference the benchmark measures.
 *
 *   ceiling --dir DIR [--port N] [--threads N] [--poll]
 *
 * --poll: poll() as newsd, instead of epoll.
 *
 * DIR holds one file per URL (made by bench/urls.py): the request target on the
 * first line, then the response headers as "Name: value" lines, a blank line and
 * the body. Date and Content-Length come from the library; X-Request-Id is made
 * per request, as newsd does. An unknown URL is answered 404. Prints
 * "ceiling listening on http://127.0.0.1:PORT" once it accepts connections and
 * stops on SIGINT or SIGTERM. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CEIL_MAX_HEADERS 16

struct entry {
    char *uri;
    uint64_t hash;
    char *body;
    size_t len;
    unsigned status;
    size_t n_headers;
    char *name[CEIL_MAX_HEADERS];
    char *value[CEIL_MAX_HEADERS];
};

static struct entry **table; /* open addressing, power of two */
static size_t table_mask;
static struct entry not_found = {.uri = "", .body = "{\"status\":404}", .len = 14, .status = 404};
static atomic_uint_fast64_t next_id = 1;
static volatile sig_atomic_t stop;

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void table_put(struct entry *e)
{
    size_t i = e->hash & table_mask;
    while (table[i])
        i = (i + 1) & table_mask;
    table[i] = e;
}

static struct entry *table_get(const char *uri)
{
    uint64_t h = fnv1a(uri);
    for (size_t i = h & table_mask; table[i]; i = (i + 1) & table_mask)
        if (table[i]->hash == h && strcmp(table[i]->uri, uri) == 0)
            return table[i];
    return &not_found;
}

/* Reads one response file; NULL when it is malformed. */
static struct entry *load_one(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct entry *e = calloc(1, sizeof *e);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    e->status = 200;
    if (!e || (n = getline(&line, &cap, f)) <= 1)
        goto bad;
    line[strcspn(line, "\r\n")] = '\0';
    e->uri = strdup(line);
    while ((n = getline(&line, &cap, f)) > 0) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!*line)
            break;
        char *colon = strchr(line, ':');
        if (!colon || e->n_headers == CEIL_MAX_HEADERS)
            goto bad;
        *colon = '\0';
        e->name[e->n_headers] = strdup(line);
        e->value[e->n_headers++] = strdup(colon + 1 + strspn(colon + 1, " "));
    }
    long start = ftell(f);
    fseek(f, 0, SEEK_END);
    long end = ftell(f);
    fseek(f, start, SEEK_SET);
    e->len = (size_t)(end - start);
    e->body = malloc(e->len + 1);
    if (!e->body || fread(e->body, 1, e->len, f) != e->len)
        goto bad;
    free(line);
    fclose(f);
    e->hash = fnv1a(e->uri);
    return e;
bad:
    free(line);
    fclose(f);
    free(e);
    return NULL;
}

static size_t load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct entry **all = NULL;
    size_t n = 0, cap = 0;
    char path[4096];
    for (struct dirent *de; (de = readdir(d));) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        struct entry *e = load_one(path);
        if (!e) {
            fprintf(stderr, "ceiling: %s: malformed, skipped\n", path);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            all = realloc(all, cap * sizeof *all);
        }
        all[n++] = e;
    }
    closedir(d);
    size_t size = 1024;
    while (size < n * 2)
        size *= 2;
    table = calloc(size, sizeof *table);
    table_mask = size - 1;
    for (size_t i = 0; i < n; i++)
        table_put(all[i]);
    free(all);
    return n;
}

/* Called with the raw request target (path and query) once per request; what
 * it returns becomes the request's *con_cls. */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    return table_get(uri);
}

/* *con_cls holds the entry; its low bit marks that the first call happened. */
static enum MHD_Result access_cb(void *cls, struct MHD_Connection *c, const char *url,
                                 const char *method, const char *version, const char *upload,
                                 size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)url;
    (void)method;
    (void)version;
    (void)upload;
    uintptr_t p = (uintptr_t)*con_cls;
    if (!(p & 1)) {
        *con_cls = (void *)(p | 1);
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;
        return MHD_YES;
    }
    const struct entry *e = (const struct entry *)(p & ~(uintptr_t)1);
    struct MHD_Response *r =
        MHD_create_response_from_buffer(e->len, e->body, MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    char req_id[32];
    uint64_t n = atomic_fetch_add(&next_id, 1);
    snprintf(req_id, sizeof req_id, "%08llx-%06llx", (unsigned long long)(time(NULL) & 0xffffffff),
             (unsigned long long)(n & 0xffffff));
    for (size_t i = 0; i < e->n_headers; i++) {
        if (strcasecmp(e->name[i], "X-Request-Id") == 0)
            MHD_add_response_header(r, "X-Request-Id", req_id);
        else
            MHD_add_response_header(r, e->name[i], e->value[i]);
    }
    enum MHD_Result ret = MHD_queue_response(c, e->status, r);
    MHD_destroy_response(r);
    return ret;
}

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

int main(int argc, char **argv)
{
    const char *dir = NULL;
    int port = 8090;
    long threads = sysconf(_SC_NPROCESSORS_ONLN);
    bool poll_mode = false, bad = false;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--poll") == 0)
            poll_mode = true;
        else if (strcmp(argv[i], "--dir") == 0 && v)
            dir = argv[++i];
        else if (strcmp(argv[i], "--port") == 0 && v)
            port = (int)strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--threads") == 0 && v)
            threads = strtol(argv[++i], NULL, 10);
        else
            bad = true;
    }
    if (bad || !dir || threads < 1) {
        fprintf(stderr, "usage: ceiling --dir DIR [--port N] [--threads N] [--poll]\n");
        return 2;
    }
    size_t n = load_dir(dir);
    if (!n) {
        fprintf(stderr, "ceiling: no responses in %s\n", dir);
        return 1;
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    /* The flags and options of server/http/daemon.c, less newsd's callbacks. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | (poll_mode ? MHD_USE_POLL : MHD_USE_EPOLL) |
                     MHD_USE_ERROR_LOG | MHD_USE_ITC;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, access_cb, NULL, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
        MHD_OPTION_CONNECTION_LIMIT, 1000u, MHD_OPTION_CONNECTION_TIMEOUT, 10u,
        MHD_OPTION_STRICT_FOR_CLIENT, (int)1, MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "ceiling: cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    printf("ceiling listening on http://127.0.0.1:%d (%zu responses, %ld threads)\n", port, n,
           threads);
    fflush(stdout);
    while (!stop)
        pause();
    MHD_stop_daemon(d);
    return 0;
}
