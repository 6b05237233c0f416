/* harness.c: spawning newsd and a minimal HTTP/1.1 client for the API tests.
 * Synchronisation is by the server's own "listening" line, never by sleeping. */
#include "harness.h"

#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

const char *harness_bin(void)
{
    const char *b = getenv("NEWSD_BIN");
    return b && *b ? b : "build/newsd";
}

/* Spawns argv with stdout to a pipe (read end in *out_fd) and env additions. */
static pid_t harness_spawn(const char *const *argv, const char *const *env, int *out_fd,
                           const char *log_path)
{
    int p[2];
    cr_assert_eq(pipe(p), 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    /* The server's log goes to a file in its folder, to keep test output short. */
    if (log_path)
        posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, log_path,
                                         O_WRONLY | O_CREAT | O_APPEND, 0600);
    /* The environment: ours without NEWSD_* (tests set what they need). */
    size_t n = 0;
    for (char **e = environ; *e; e++)
        n++;
    for (const char *const *e = env; e && *e; e++)
        n++;
    char **envp = calloc(n + 1, sizeof *envp);
    cr_assert_not_null(envp);
    size_t k = 0;
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "NEWSD_", 6) != 0)
            envp[k++] = *e;
    for (const char *const *e = env; e && *e; e++)
        envp[k++] = (char *)(uintptr_t)*e;
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)(uintptr_t)argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    free(envp);
    close(p[1]);
    cr_assert_eq(rc, 0, "cannot spawn %s: %s", argv[0], strerror(rc));
    *out_fd = p[0];
    return pid;
}

/* Reads fd to EOF into out (truncating at size - 1). */
static void harness_drain(int fd, char *out, size_t size)
{
    size_t len = 0;
    ssize_t n;
    char sink[4096];
    while ((n = read(fd, len + 1 < size ? out + len : sink,
                     len + 1 < size ? size - 1 - len : sizeof sink)) > 0)
        if (len + 1 < size)
            len += (size_t)n;
    out[len < size ? len : size - 1] = '\0';
}

int harness_run(const char *const *args, char *out, size_t out_size)
{
    const char *argv[32] = {harness_bin()};
    size_t i = 1;
    for (; args[i - 1] && i < 31; i++)
        argv[i] = args[i - 1];
    argv[i] = NULL;
    int fd;
    char sink[64];
    pid_t pid = harness_spawn(argv, NULL, &fd, "/dev/null"); /* stderr: notes only */
    harness_drain(fd, out ? out : sink, out ? out_size : sizeof sink);
    close(fd);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

pid_t harness_launch(const char *const *args, const char *const *env, int *out_fd,
                     const char *log_path)
{
    const char *argv[32] = {harness_bin()};
    size_t i = 1;
    for (; args[i - 1] && i < 31; i++)
        argv[i] = args[i - 1];
    argv[i] = NULL;
    return harness_spawn(argv, env, out_fd, log_path);
}

void harness_db(struct server *s, bool with_samples)
{
    memset(s, 0, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "/tmp/newsd-test-XXXXXX");
    cr_assert_not_null(mkdtemp(s->dir));
    snprintf(s->db, sizeof s->db, "%s/test.db", s->dir);
    char out[512];
    if (with_samples) {
        const char *args[] = {"ingest", "--db", s->db, "samples", NULL};
        int rc = harness_run(args, out, sizeof out);
        cr_assert_eq(rc, 0, "ingest of samples failed (%d): %s", rc, out);
    } else {
        const char *args[] = {"migrate", "--db", s->db, NULL};
        cr_assert_eq(harness_run(args, out, sizeof out), 0);
    }
}

void harness_start(struct server *s, const char *const *env)
{
    harness_start_args(s, env, NULL);
}

void harness_start_args(struct server *s, const char *const *env, const char *flag)
{
    const char *argv[] = {harness_bin(), "serve",     "--db", s->db, "--port",
                          "0",           "--threads", "2",    flag,  NULL};
    int fd;
    char log_path[128];
    snprintf(log_path, sizeof log_path, "%s/server.log", s->dir);
    s->pid = harness_spawn(argv, env, &fd, log_path);
    /* The first stdout line names the port; reading it is the only wait. */
    char line[256];
    size_t len = 0;
    while (len + 1 < sizeof line) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        cr_assert_gt(poll(&pfd, 1, 30000), 0, "server did not start within 30 s");
        ssize_t n = read(fd, line + len, 1);
        cr_assert_gt(n, 0, "server exited before listening");
        if (line[len] == '\n')
            break;
        len++;
    }
    line[len] = '\0';
    close(fd);
    const char *colon = strrchr(line, ':');
    cr_assert(strstr(line, "listening on http://127.0.0.1:") && colon, "got: %s", line);
    s->port = (int)strtol(colon + 1, NULL, 10);
    cr_assert_gt(s->port, 0);
}

void harness_stop(struct server *s)
{
    if (s->pid <= 0)
        return;
    kill(s->pid, SIGTERM);
    int status;
    cr_assert_eq(waitpid(s->pid, &status, 0), s->pid);
    s->pid = 0;
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "server did not exit cleanly (status %d): a leak or crash under sanitizers?", status);
}

void harness_cleanup(struct server *s)
{
    if (s->pid > 0) {
        kill(s->pid, SIGKILL);
        waitpid(s->pid, NULL, 0);
        s->pid = 0;
    }
    if (s->dir[0]) {
        char path[160];
        const char *suffix[] = {"", "-wal", "-shm"};
        for (int i = 0; i < 3; i++) {
            snprintf(path, sizeof path, "%s%s", s->db, suffix[i]);
            unlink(path);
        }
        snprintf(path, sizeof path, "%s/server.log", s->dir);
        unlink(path);
        rmdir(s->dir);
        s->dir[0] = '\0'; /* a second call (a suite's .fini after the test's own) is a no-op */
    }
}

/* Writes all of buf to fd. */
static void write_all(int fd, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = write(fd, buf, n);
        cr_assert_gt(w, 0, "write failed: %s", strerror(errno));
        buf += w;
        n -= (size_t)w;
    }
}

/* Decodes a chunked body in place: size line, data, CRLF, ... , 0. */
static void dechunk(struct http_res *r)
{
    char *in = r->body, *end = r->body + r->body_len, *out = r->body;
    for (;;) {
        char *nl = strstr(in, "\r\n");
        cr_assert_not_null(nl, "bad chunk framing");
        size_t n = strtoul(in, NULL, 16);
        in = nl + 2;
        if (n == 0)
            break;
        cr_assert_leq(in + n, end, "chunk past the end");
        memmove(out, in, n);
        out += n;
        in += n + 2;
    }
    r->body_len = (size_t)(out - r->body);
    r->body[r->body_len] = '\0';
}

void http_raw(const struct server *s, const char *raw, size_t len, struct http_res *r)
{
    memset(r, 0, sizeof *r);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert_geq(fd, 0);
    struct timeval tv = {.tv_sec = 30};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    write_all(fd, raw, len);
    /* Connection: close: the answer ends at EOF. */
    size_t cap = 65536, got = 0;
    char *all = malloc(cap + 1);
    ssize_t n;
    while ((n = read(fd, all + got, cap - got)) > 0) {
        got += (size_t)n;
        if (got == cap) {
            cap *= 2;
            all = realloc(all, cap + 1);
        }
    }
    close(fd);
    all[got] = '\0';
    char *sep = strstr(all, "\r\n\r\n");
    cr_assert_not_null(sep, "no complete response head: %.200s", all);
    size_t head_len = (size_t)(sep - all);
    r->head = strndup(all, head_len);
    r->body_len = got - head_len - 4;
    r->body = malloc(r->body_len + 1);
    memcpy(r->body, sep + 4, r->body_len);
    r->body[r->body_len] = '\0';
    free(all);
    cr_assert_eq(sscanf(r->head, "HTTP/1.1 %d", &r->status), 1, "bad status line: %s", r->head);
    char *te = http_header(r, "Transfer-Encoding");
    if (te && strcmp(te, "chunked") == 0)
        dechunk(r);
    free(te);
    char *ct = http_header(r, "Content-Type");
    char *ce = http_header(r, "Content-Encoding");
    if (ct && strstr(ct, "json") && !ce)
        r->json = json_loadb(r->body, r->body_len, 0, NULL);
    free(ct);
    free(ce);
}

void http_do(const struct server *s, const char *method, const char *target, const char *headers,
             const char *body, size_t body_len, struct http_res *r)
{
    char *req = NULL;
    size_t reqlen = 0;
    FILE *f = open_memstream(&req, &reqlen);
    fprintf(f, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s", method, target,
            headers ? headers : "");
    if (body)
        fprintf(f, "Content-Length: %zu\r\n", body_len);
    fprintf(f, "\r\n");
    if (body)
        fwrite(body, 1, body_len, f);
    fclose(f);
    http_raw(s, req, reqlen, r);
    free(req);
}

void http_get(const struct server *s, const char *target, struct http_res *r)
{
    http_do(s, "GET", target, NULL, NULL, 0, r);
}

char *http_header(const struct http_res *r, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(r->head, "\r\n"); p; p = strstr(p + 2, "\r\n")) {
        const char *h = p + 2;
        if (strncasecmp(h, name, n) == 0 && h[n] == ':') {
            h += n + 1;
            while (*h == ' ')
                h++;
            return strndup(h, strcspn(h, "\r\n"));
        }
    }
    return NULL;
}

void http_res_clear(struct http_res *r)
{
    free(r->head);
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof *r);
}

/* Counts the lines of the log at path that contain needle. */
static int harness_log_count(const char *path, const char *needle)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "no server log at %s", path);
    char line[8192];
    int found = 0;
    while (fgets(line, sizeof line, f))
        found += strstr(line, needle) != NULL;
    fclose(f);
    return found;
}

int harness_log_wait(const struct server *s, const char *needle, int n)
{
    char path[160];
    snprintf(path, sizeof path, "%s/server.log", s->dir);
    int in = inotify_init1(IN_CLOEXEC);
    cr_assert_geq(in, 0);
    cr_assert_geq(inotify_add_watch(in, path, IN_MODIFY), 0);
    int found = harness_log_count(path, needle);
    while (found < n) {
        struct pollfd pfd = {.fd = in, .events = POLLIN};
        char ev[4096];
        if (poll(&pfd, 1, 10000) != 1)
            break; /* nothing written for 10 s */
        cr_assert_gt(read(in, ev, sizeof ev), 0);
        found = harness_log_count(path, needle);
    }
    close(in);
    return found;
}
