/* log.c: the line logger. Its two settings are written once by log_init before
 * threads start and only read afterwards. */
#include "newsd/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "newsd/util.h"

static bool log_json;
static enum log_level log_max = LOG_INFO;

void log_init(bool json, enum log_level max)
{
    log_json = json;
    log_max = max;
}

static const char *const level_names[] = {"error", "warn", "info", "debug"};

/* Appends s as the inside of a JSON string (quotes and control bytes escaped). */
static void log_json_escape(struct buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c < 0x20)
            buf_printf(b, "\\u%04x", c);
        else
            buf_append(b, s, 1);
    }
}

/* Appends the key=value pairs of a message as JSON members: key=value and
 * key="quoted value" become "key":"value"; a leading word with no '=' (the
 * access log's "access") becomes "event". */
static void log_json_fields(struct buf *b, const char *text)
{
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t klen = strcspn(p, "= ");
        struct buf key = {0}, val = {0};
        if (p[klen] != '=') {
            buf_puts(&key, "event");
            buf_append(&val, p, klen);
            p += klen;
        } else {
            buf_append(&key, p, klen);
            p += klen + 1;
            if (*p == '"') {
                const char *end = strchr(p + 1, '"');
                size_t vlen = end ? (size_t)(end - p - 1) : strlen(p + 1);
                buf_append(&val, p + 1, vlen);
                p += vlen + 1 + (end ? 1 : 0);
            } else {
                size_t vlen = strcspn(p, " ");
                buf_append(&val, p, vlen);
                p += vlen;
            }
        }
        if (key.data && val.data) {
            buf_puts(b, ",\"");
            log_json_escape(b, key.data);
            buf_puts(b, "\":\"");
            log_json_escape(b, val.data);
            buf_puts(b, "\"");
        }
        buf_clear(&key);
        buf_clear(&val);
    }
}

void log_write(enum log_level lvl, const char *fmt, ...)
{
    if (lvl > log_max)
        return;
    char ts[32];
    struct timespec now;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);

    struct buf msg = {0}, line = {0};
    va_list ap;
    va_start(ap, fmt);
    bool ok = buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (!ok) {
        buf_clear(&msg);
        return;
    }
    const char *text = msg.data;
    if (log_json) {
        buf_printf(&line, "{\"ts\":\"%s.%03ldZ\",\"level\":\"%s\"", ts, now.tv_nsec / 1000000,
                   level_names[lvl]);
        log_json_fields(&line, text);
        buf_puts(&line, "}\n");
    } else {
        buf_printf(&line, "%s.%03ldZ %s %s\n", ts, now.tv_nsec / 1000000, level_names[lvl], text);
    }
    if (line.data) {
        ssize_t w = write(STDERR_FILENO, line.data, line.len);
        (void)w;
    }
    buf_clear(&line);
    buf_clear(&msg);
}
