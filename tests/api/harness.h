/* harness.h: black-box helpers for the API tests: run the real newsd binary
 * (NEWSD_BIN) on a free loopback port over a database in a fresh temporary
 * folder, and speak HTTP/1.1 to it over a plain socket. */
#ifndef NEWSD_TEST_HARNESS_H
#define NEWSD_TEST_HARNESS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct server {
    pid_t pid;
    int port;
    char dir[64]; /* temporary folder holding the database */
    char db[96];
};

struct http_res {
    int status;
    char *head; /* status line and headers, NUL-terminated */
    char *body; /* body bytes, NUL-terminated (may hold NULs when gzip) */
    size_t body_len;
    json_t *json; /* parsed body when it is JSON, else NULL */
};

/* Makes a temporary folder with a database, optionally ingesting the samples
 * (asserting that the ingest succeeds). */
void harness_db(struct server *s, bool with_samples);
/* Starts `newsd serve` on port 0 with extra environment entries (NULL-ended,
 * "NAME=value"), waiting for its "listening" line. */
void harness_start(struct server *s, const char *const *env);
/* The same with one more serve flag (e.g. "--read-only"), or NULL. */
void harness_start_args(struct server *s, const char *const *env, const char *flag);
/* SIGTERM, then asserts a clean exit (status 0: no leak under ASan). */
void harness_stop(struct server *s);
/* Removes the temporary folder. */
void harness_cleanup(struct server *s);
/* Waits until the server's log holds at least n lines containing needle, for
 * at most 10 s, reading the log again each time it is written to (inotify):
 * access lines are written in batches, up to about a second after the answer.
 * Returns the count of such lines found (fewer than n on a timeout). */
int harness_log_wait(const struct server *s, const char *needle, int n);

/* Sends one request (extra headers as "Name: value\r\n" lines, may be NULL) and
 * reads the whole answer. body may be NULL. */
void http_do(const struct server *s, const char *method, const char *target, const char *headers,
             const char *body, size_t body_len, struct http_res *r);
/* Sends raw bytes as the request and reads the whole answer. */
void http_raw(const struct server *s, const char *raw, size_t len, struct http_res *r);
/* GET shorthand. */
void http_get(const struct server *s, const char *target, struct http_res *r);
/* The value of a response header (case-insensitive name) in a new string, or NULL. */
char *http_header(const struct http_res *r, const char *name);
void http_res_clear(struct http_res *r);

/* Runs newsd with args (NULL-ended) and captures stdout; returns the exit status. */
int harness_run(const char *const *args, char *out, size_t out_size);
/* Starts newsd with args and extra environment entries (both NULL-ended;
 * env may be NULL) without waiting: its stdout is *out_fd, its stderr goes
 * to the file log_path. The caller reads, closes and reaps it. */
pid_t harness_launch(const char *const *args, const char *const *env, int *out_fd,
                     const char *log_path);

/* The binary under test. */
const char *harness_bin(void);

#endif
