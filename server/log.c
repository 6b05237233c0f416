/* log.c: the line logger. Its two settings are written once by log_init before
 * threads start and only read afterwards. */
#include "newsd/log.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* True when s is a JSON number as the text lines write them (-12, 0, 3.25):
 * no leading zero, no exponent, so what passes is valid JSON as it stands. */
static bool log_json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
        return false;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.') {
        if (s[1] < '0' || s[1] > '9')
            return false;
        for (s++; *s >= '0' && *s <= '9'; s++)
            ;
    }
    return *s == '\0';
}

/* Appends the key=value pairs of a message as JSON members: key="quoted value"
 * becomes "key":"value", and so does key=value, except that an unquoted number
 * stays a number ("status":404), so that jq's `.status >= 500` means what it
 * says; a leading word with no '=' (the access log's "access") becomes
 * "event". */
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
        bool quoted = false;
        if (p[klen] != '=') {
            buf_puts(&key, "event");
            buf_append(&val, p, klen);
            p += klen;
        } else {
            buf_append(&key, p, klen);
            p += klen + 1;
            if (*p == '"') {
                quoted = true;
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
            bool number = !quoted && log_json_number(val.data);
            buf_puts(b, ",\"");
            log_json_escape(b, key.data);
            buf_puts(b, number ? "\":" : "\":\"");
            log_json_escape(b, val.data);
            if (!number)
                buf_puts(b, "\"");
        }
        buf_clear(&key);
        buf_clear(&val);
    }
}

/* Writes the UTC time of t as 2026-11-30T17:00:00.000Z into out[25]. By hand,
 * not gmtime_r: glibc takes a process-wide lock in every gmtime_r call, and
 * every request logs a line. Days to civil date after H. Hinnant's
 * days_from_civil inverse (proleptic Gregorian). */
static void log_utc(const struct timespec *t, char out[25])
{
    int64_t secs = (int64_t)t->tv_sec;
    int64_t days = secs / 86400, rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        days--;
    }
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    if (y < 0 || y > 9999) { /* not a time a server logs at; keep the width */
        memcpy(out, "0000-00-00T00:00:00.000Z", 25);
        return;
    }
    /* Digits by hand: snprintf was half of the cost of a log line. */
    int v[7] = {(int)y, (int)m, (int)d, (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60),
                (int)(t->tv_nsec / 1000000)};
    static const int width[7] = {4, 2, 2, 2, 2, 2, 3};
    static const char after[7] = {'-', '-', 'T', ':', ':', '.', 'Z'};
    char *p = out;
    for (int i = 0; i < 7; i++) {
        for (int k = width[i] - 1; k >= 0; k--, v[i] /= 10)
            p[k] = (char)('0' + v[i] % 10);
        p += width[i];
        *p++ = after[i];
    }
    *p = '\0';
}

/* Lines up to this long are made on the stack, with no allocation. */
#define LOG_LINE_STACK 1024

/* Lines of access logs batched for one write(2) (see log.h). Two buffers:
 * lines go into fill under lock; a flush takes out_lock (which orders the
 * writes), swaps the buffers under lock and writes the full one with only
 * out_lock held, so request threads go on logging while stderr is slow. */
_Static_assert(LOG_BATCH_BYTES <= PIPE_BUF, "a batch must go to a pipe in one piece");

struct log_batch {
    pthread_mutex_t lock;     /* fill and len */
    pthread_mutex_t out_lock; /* taken before lock, never after it */
    size_t len;
    char *fill, *spare;
    char bufs[2][LOG_BATCH_BYTES];
};

struct log_batch *log_batch_new(void)
{
    struct log_batch *b = malloc(sizeof *b);
    if (!b)
        return NULL;
    pthread_mutex_init(&b->lock, NULL);
    pthread_mutex_init(&b->out_lock, NULL);
    b->len = 0;
    b->fill = b->bufs[0];
    b->spare = b->bufs[1];
    return b;
}

/* Writes len bytes of whole lines to stderr. A batch is at most PIPE_BUF
 * bytes, so on a pipe or socket it goes in one piece, never spliced with
 * another writer's line; a short write (a file on a full disk) is
 * continued, and a write that would block drops the rest (whole lines, not
 * half of one glued to the next batch). */
static void log_out(const char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = write(STDERR_FILENO, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        len -= (size_t)w;
    }
}

void log_batch_flush(struct log_batch *b)
{
    if (!b)
        return;
    pthread_mutex_lock(&b->out_lock);
    pthread_mutex_lock(&b->lock);
    char *full = b->fill;
    size_t len = b->len;
    b->fill = b->spare;
    b->spare = full;
    b->len = 0;
    pthread_mutex_unlock(&b->lock);
    log_out(full, len);
    pthread_mutex_unlock(&b->out_lock);
}

void log_batch_free(struct log_batch *b)
{
    if (!b)
        return;
    log_batch_flush(b);
    pthread_mutex_destroy(&b->out_lock);
    pthread_mutex_destroy(&b->lock);
    free(b);
}

/* Adds a line to b's buffer when it has room; false when it has not. */
static bool log_batch_add(struct log_batch *b, const char *line, size_t len)
{
    pthread_mutex_lock(&b->lock);
    bool room = b->len + len <= LOG_BATCH_BYTES;
    if (room) {
        memcpy(b->fill + b->len, line, len);
        b->len += len;
    }
    pthread_mutex_unlock(&b->lock);
    return room;
}

/* Writes one whole line: into b when given (flushing it first when it is
 * full), else at once. A line that still finds no room (other threads
 * filled the fresh buffer first, or it is longer than a batch) is written
 * at once, whole. */
static void log_emit(struct log_batch *b, const char *line, size_t len)
{
    if (b && len <= LOG_BATCH_BYTES) {
        if (log_batch_add(b, line, len))
            return;
        log_batch_flush(b);
        if (log_batch_add(b, line, len))
            return;
    }
    log_out(line, len);
}

/* Formats one line (log_write's) and emits it through b (log_emit). */
static void log_vemit(struct log_batch *b, enum log_level lvl, const char *fmt, va_list ap)
{
    if (lvl > log_max)
        return;
    char ts[25];
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    log_utc(&now, ts);

    if (!log_json) {
        /* The common case: one vsnprintf into the stack and one write(2), so
         * lines of concurrent threads never interleave. */
        char line[LOG_LINE_STACK];
        int head = snprintf(line, sizeof line, "%s %s ", ts, level_names[lvl]);
        va_list ap2;
        va_copy(ap2, ap);
        int n = vsnprintf(line + head, sizeof line - (size_t)head, fmt, ap2);
        va_end(ap2);
        if (n >= 0 && (size_t)head + (size_t)n + 1 < sizeof line) {
            size_t len = (size_t)head + (size_t)n;
            line[len++] = '\n';
            log_emit(b, line, len);
            return;
        }
    }
    struct buf msg = {0}, line = {0};
    if (!buf_vprintf(&msg, fmt, ap)) {
        buf_clear(&msg);
        return;
    }
    const char *text = msg.data;
    if (log_json) {
        buf_printf(&line, "{\"ts\":\"%s\",\"level\":\"%s\"", ts, level_names[lvl]);
        log_json_fields(&line, text);
        buf_puts(&line, "}\n");
    } else {
        buf_printf(&line, "%s %s %s\n", ts, level_names[lvl], text);
    }
    if (line.data)
        log_emit(b, line.data, line.len);
    buf_clear(&line);
    buf_clear(&msg);
}

/* log_vemit with arguments. */
static void log_emitf(struct log_batch *b, enum log_level lvl, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void log_emitf(struct log_batch *b, enum log_level lvl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vemit(b, lvl, fmt, ap);
    va_end(ap);
}

void log_write(enum log_level lvl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vemit(NULL, lvl, fmt, ap);
    va_end(ap);
}

/* A line being made in a fixed buffer; ok turns false when it does not fit. */
struct log_line {
    char *p, *end;
    bool ok;
};

static void log_put(struct log_line *l, const char *s)
{
    size_t n = strlen(s);
    if (!l->ok || (size_t)(l->end - l->p) < n) {
        l->ok = false;
        return;
    }
    memcpy(l->p, s, n);
    l->p += n;
}

static void log_put_u(struct log_line *l, unsigned long long v, bool neg)
{
    char d[24];
    int i = (int)sizeof d;
    d[--i] = '\0';
    do
        d[--i] = (char)('0' + v % 10);
    while ((v /= 10) && i > 1);
    if (neg)
        d[--i] = '-';
    log_put(l, d + i);
}

void log_access(struct log_batch *b, const char *method, const char *path, int status,
                size_t bytes, long long us, const char *req_id)
{
    if (LOG_INFO > log_max)
        return;
    char line[LOG_LINE_STACK];
    struct log_line l = {line, line + sizeof line - 1, !log_json};
    if (l.ok) {
        /* The text line of log_write, made without printf. */
        struct timespec now;
        char ts[25];
        clock_gettime(CLOCK_REALTIME, &now);
        log_utc(&now, ts);
        log_put(&l, ts);
        log_put(&l, " info access method=");
        log_put(&l, method);
        log_put(&l, " path=\"");
        log_put(&l, path);
        log_put(&l, "\" status=");
        log_put_u(&l, (unsigned long long)(status < 0 ? -(long long)status : status), status < 0);
        log_put(&l, " bytes=");
        log_put_u(&l, bytes, false);
        log_put(&l, " us=");
        log_put_u(&l, (unsigned long long)(us < 0 ? -us : us), us < 0);
        log_put(&l, " req_id=");
        log_put(&l, req_id);
        log_put(&l, "\n");
    }
    if (!l.ok) { /* JSON, or too long for the stack */
        log_emitf(b, LOG_INFO, "access method=%s path=\"%s\" status=%d bytes=%zu us=%lld req_id=%s",
                  method, path, status, bytes, us, req_id);
        return;
    }
    log_emit(b, line, (size_t)(l.p - line));
}
