/* fuzz_http.c: raw bytes on the wire. Each input is written, as it is, into
 * one end of a socketpair whose other end is handed to a real newsd daemon
 * (no listening socket: http_server_start_unbound + http_server_add_connection),
 * so libmicrohttpd's parser, our framing checks, the unescaper, the deadline
 * bookkeeping, the router and the handlers all see it. Whatever comes back
 * must be HTTP and never a 500 (a 503 is allowed: busy or draining). The
 * daemon runs over the seeded store and a write key, so POST and DELETE are
 * reached too; a created article changes the store, which is fine here. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz.h"
#include "newsd/config.h"
#include "newsd/http.h"
#include "newsd/log.h"
#include "newsd/store.h"

static struct config fuzz_cfg;
static struct http_server *fuzz_srv;

static void fuzz_http_stop(void)
{
    http_server_stop(fuzz_srv);
    fuzz_srv = NULL;
}

/* One daemon for the whole run, over the seeded store's file. */
static struct http_server *fuzz_http_server(void)
{
    if (fuzz_srv)
        return fuzz_srv;
    fuzz_store_use_file();
    FUZZ_CHECK(fuzz_store_seeded() != NULL);
    /* A socketpair is no TCP socket: the library warns about TCP_CORK. */
    log_init(false, LOG_ERROR);
    FUZZ_CHECK(config_from_env(&fuzz_cfg));
    free(fuzz_cfg.db);
    fuzz_cfg.db = strdup(fuzz_store_path());
    free(fuzz_cfg.api_key);
    fuzz_cfg.api_key = strdup("fuzz-key");
    fuzz_cfg.threads = 2;
    fuzz_cfg.request_deadline_ms = 2000;
    FUZZ_CHECK(fuzz_cfg.db && fuzz_cfg.api_key);
    FUZZ_CHECK((fuzz_srv = http_server_start_unbound(&fuzz_cfg)) != NULL);
    atexit(fuzz_http_stop);
    return fuzz_srv;
}

/* Reads the answer until the daemon closes its end, or nothing comes for
 * half a second (a request the library still waits on). */
static size_t fuzz_read_all(int fd, char *out, size_t cap)
{
    size_t len = 0;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, 500);
        if (r <= 0)
            break;
        char sink[4096];
        ssize_t n =
            read(fd, len + 1 < cap ? out + len : sink, len + 1 < cap ? cap - 1 - len : sizeof sink);
        if (n <= 0)
            break;
        if (len + 1 < cap)
            len += (size_t)n;
    }
    out[len] = '\0';
    return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct http_server *srv = fuzz_http_server();
    int sv[2];
    FUZZ_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    if (!http_server_add_connection(srv, sv[0])) {
        close(sv[1]);
        return 0; /* the daemon refused the socket: nothing was parsed */
    }
    /* The whole input, then end of stream: the daemon answers what it got. */
    size_t off = 0;
    while (off < size) {
        ssize_t n = send(sv[1], data + off, size - off, MSG_NOSIGNAL);
        if (n <= 0)
            break; /* the daemon hung up early: a refusal */
        off += (size_t)n;
    }
    shutdown(sv[1], SHUT_WR);
    static char answer[1 << 16];
    size_t n = fuzz_read_all(sv[1], answer, sizeof answer);
    close(sv[1]);
    /* An answer, when there is one, is HTTP/1.x and its first status is no
     * server error (503: busy or draining; 505: an HTTP version we refuse). */
    if (n == 0)
        return 0; /* closed without an answer: a request cut by the library */
    FUZZ_CHECK(n >= 12 && strncmp(answer, "HTTP/1.", 7) == 0 && answer[8] == ' ');
    int status = 0;
    for (int i = 9; i < 12; i++) {
        FUZZ_CHECK(answer[i] >= '0' && answer[i] <= '9');
        status = status * 10 + (answer[i] - '0');
    }
    FUZZ_CHECK(status >= 100);
    FUZZ_CHECK(status < 500 || status == 503 || status == 505);
    return 0;
}
