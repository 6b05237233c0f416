/* log.h: one event a line on stderr, as key=value text or as JSON
 * (NEWSD_LOG_FORMAT). Never log keys, bodies or article text. */
#ifndef NEWSD_LOG_H
#define NEWSD_LOG_H

#include <stdbool.h>
#include <stddef.h>

enum log_level { LOG_ERROR = 0, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Sets the format (json when true) and the most verbose level written. Called
 * once at start-up, before any thread exists. */
void log_init(bool json, enum log_level max);

/* Writes one line: level, then the formatted message (key=value pairs are the
 * convention). Thread-safe: each line is one write(2). */
void log_write(enum log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A batch of access lines, written out in one write(2) when it is full (or a
 * line would not fit) and whenever log_batch_flush is called: a server
 * flushes it once a second and when it stops, so an access line reaches
 * stderr at most about a second late, whole, while a busy server makes one
 * system call per LOG_BATCH_BYTES of lines instead of one a request (as
 * nginx's access_log buffer= and flush= do). A batch is at most PIPE_BUF
 * (4 KiB, POSIX's least), the most a write to a pipe or socket keeps in one
 * piece: a larger one could be spliced with another writer's line. Lines of
 * other kinds are written at once, so they may come before the access lines
 * of requests that finished just earlier; each line has its own time.
 * Thread-safe; a slow stderr holds up only the thread writing a batch. */
#define LOG_BATCH_BYTES 4096
struct log_batch;
struct log_batch *log_batch_new(void);   /* NULL when out of memory */
void log_batch_flush(struct log_batch *b);
void log_batch_free(struct log_batch *b); /* flushes first; accepts NULL */

/* The access line of one request, as log_info("access method=%s path=\"%s\"
 * status=%d bytes=%zu us=%lld req_id=%s", ...) writes it, made without
 * printf (it is written for every request), into batch b (NULL: written at
 * once). path must be safe already: no quote, backslash or control byte. */
void log_access(struct log_batch *b, const char *method, const char *path, int status,
                size_t bytes, long long us, const char *req_id);

#define log_error(...) log_write(LOG_ERROR, __VA_ARGS__)
#define log_warn(...) log_write(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_write(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_write(LOG_DEBUG, __VA_ARGS__)

#endif
