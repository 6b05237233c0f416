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

/* The access line of one request, as log_info("access method=%s path=\"%s\"
 * status=%d bytes=%zu us=%lld req_id=%s", ...) writes it, made without
 * printf (it is written for every request). path must be safe already: no
 * quote, backslash or control byte. */
void log_access(const char *method, const char *path, int status, size_t bytes, long long us,
                const char *req_id);

#define log_error(...) log_write(LOG_ERROR, __VA_ARGS__)
#define log_warn(...) log_write(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_write(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_write(LOG_DEBUG, __VA_ARGS__)

#endif
