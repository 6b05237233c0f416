/* test_log.c: the access-log batch (log.h): under concurrent writers, a slow
 * pipe on stderr and other lines written at once, every line arrives whole
 * and none is lost. Batches go out when full, and the rest at the end. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsd/log.h"

#define LOG_TEST_WRITERS 2
#define LOG_TEST_LINES 20000 /* access lines per writer */
#define LOG_TEST_WARNS 2000

struct log_test_writer {
    struct log_batch *batch;
    int id;
};

/* Logs LOG_TEST_LINES access lines with a long path, so that a batch holds a
 * few dozen and any splice shows. */
static void *log_test_access(void *arg)
{
    const struct log_test_writer *w = arg;
    char path[200], req_id[32];
    memset(path, 'a', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    for (int i = 0; i < LOG_TEST_LINES; i++) {
        snprintf(req_id, sizeof req_id, "w%d-%d", w->id, i);
        log_access(w->batch, "GET", path, 200, 1234, 56, req_id);
    }
    return NULL;
}

/* Lines that bypass the batch, as warnings do. */
static void *log_test_warn(void *arg)
{
    (void)arg;
    for (int i = 0; i < LOG_TEST_WARNS; i++)
        log_warn("event=connection_pressure open=%d", i);
    return NULL;
}

/* Reads the pipe in small pieces, so that writers find it full: a write of
 * more than PIPE_BUF to a full pipe is taken in parts, and another writer's
 * line could land between them. */
struct log_test_reader {
    int fd;
    char *data;
    size_t len, cap;
};

static void *log_test_read(void *arg)
{
    struct log_test_reader *r = arg;
    char chunk[64];
    ssize_t n;
    while ((n = read(r->fd, chunk, sizeof chunk)) > 0) {
        if (r->len + (size_t)n > r->cap) {
            r->cap = (r->cap + (size_t)n) * 2;
            r->data = realloc(r->data, r->cap);
            cr_assert_not_null(r->data);
        }
        memcpy(r->data + r->len, chunk, (size_t)n);
        r->len += (size_t)n;
    }
    return NULL;
}

Test(log, batched_access_lines_arrive_whole_and_none_is_lost)
{
    log_init(false, LOG_INFO);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    int saved = dup(STDERR_FILENO);
    cr_assert_geq(saved, 0);
    cr_assert_geq(dup2(fds[1], STDERR_FILENO), 0);
    close(fds[1]);

    struct log_test_reader reader = {.fd = fds[0]};
    pthread_t rt, wt, at[LOG_TEST_WRITERS];
    cr_assert_eq(pthread_create(&rt, NULL, log_test_read, &reader), 0);
    struct log_batch *batch = log_batch_new();
    cr_assert_not_null(batch);
    struct log_test_writer writers[LOG_TEST_WRITERS];
    cr_assert_eq(pthread_create(&wt, NULL, log_test_warn, NULL), 0);
    for (int i = 0; i < LOG_TEST_WRITERS; i++) {
        writers[i] = (struct log_test_writer){.batch = batch, .id = i};
        cr_assert_eq(pthread_create(&at[i], NULL, log_test_access, &writers[i]), 0);
    }
    for (int i = 0; i < LOG_TEST_WRITERS; i++)
        pthread_join(at[i], NULL);
    pthread_join(wt, NULL);
    log_batch_free(batch); /* flushes what is left */
    dup2(saved, STDERR_FILENO); /* the pipe's last write end closes: the reader ends */
    close(saved);
    pthread_join(rt, NULL);
    close(fds[0]);

    int access = 0, warns = 0;
    static int seen[LOG_TEST_WRITERS][LOG_TEST_LINES];
    memset(seen, 0, sizeof seen);
    char *text = reader.data;
    cr_assert_not_null(text);
    cr_assert_eq(text[reader.len - 1], '\n', "the output ends with a whole line");
    for (char *line = text; line < text + reader.len;) {
        char *end = memchr(line, '\n', (size_t)(text + reader.len - line));
        cr_assert_not_null(end);
        *end = '\0';
        /* 2026-12-02T11:00:00.000Z level ... : a timestamp starts every line. */
        cr_assert(strlen(line) > 25 && line[4] == '-' && line[10] == 'T' && line[23] == 'Z',
                  "a line starts with its time: %.80s", line);
        int w, i;
        const char *rid = strstr(line, " req_id=w");
        if (strstr(line, " info access method=GET ")) {
            cr_assert_not_null(rid, "%.120s", line);
            cr_assert_eq(sscanf(rid, " req_id=w%d-%d", &w, &i), 2, "%.120s", line);
            cr_assert(w >= 0 && w < LOG_TEST_WRITERS && i >= 0 && i < LOG_TEST_LINES);
            cr_assert_null(strstr(line, "event="), "a spliced line: %.300s", line);
            seen[w][i]++;
            access++;
        } else {
            cr_assert_not_null(strstr(line, " warn event=connection_pressure open="), "%.300s",
                               line);
            cr_assert_null(rid, "a spliced line: %.300s", line);
            warns++;
        }
        line = end + 1;
    }
    cr_assert_eq(access, LOG_TEST_WRITERS * LOG_TEST_LINES);
    cr_assert_eq(warns, LOG_TEST_WARNS);
    for (int w = 0; w < LOG_TEST_WRITERS; w++)
        for (int i = 0; i < LOG_TEST_LINES; i++)
            cr_assert_eq(seen[w][i], 1, "line w%d-%d came %d times", w, i, seen[w][i]);
    free(reader.data);
}
