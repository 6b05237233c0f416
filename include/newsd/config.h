/* config.h: the daemon's settings from flags and NEWSD_* environment (flags
 * win). The only mutable state of the process besides the logger's format. */
#ifndef NEWSD_CONFIG_H
#define NEWSD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct config {
    char *db;                /* NEWSD_DB, --db; default ./newsd.db */
    char *bind;              /* NEWSD_BIND, --bind; default 127.0.0.1 */
    int port;                /* NEWSD_PORT, --port; default 8080; 0 picks a free port */
    int threads;             /* NEWSD_THREADS, --threads; default: CPU cores */
    char *api_key;           /* NEWSD_API_KEY or the file NEWSD_API_KEY_FILE; NULL: writes off */
    char *cors_origins;      /* NEWSD_CORS_ORIGINS; default "*" */
    char *cache_control;     /* NEWSD_CACHE_CONTROL; default "public, max-age=60" */
    size_t max_body;         /* NEWSD_MAX_BODY bytes; default 1 MiB */
    int request_deadline_ms; /* NEWSD_REQUEST_DEADLINE_MS: a request arrives whole within it */
    size_t cache_bytes;      /* NEWSD_CACHE_MB: the response cache's bound (32 MiB); 0: off */
    size_t ingest_cache_bytes; /* NEWSD_INGEST_CACHE_MB: newsd ingest's page cache (1 GiB) */
    bool ingest_hugepages;   /* NEWSD_INGEST_HUGEPAGES (1): ingest's malloc on huge pages */
    bool read_only;          /* --read-only: no write connection at all */
    bool log_json;           /* NEWSD_LOG_FORMAT=json */
};

/* Fills cfg from the environment and defaults. Returns false with a message on
 * stderr for a malformed value (a port of "http", an unreadable key file). */
bool config_from_env(struct config *cfg);
/* Applies one command-line flag (with its value, or NULL for a switch).
 * Returns 1 when the flag was known and consumed its value, 0 when the flag is a
 * switch, -1 (message on stderr) when unknown or malformed. */
int config_flag(struct config *cfg, const char *flag, const char *value);
/* Frees every string; accepts a zeroed struct, twice. */
void config_clear(struct config *cfg);

#endif
