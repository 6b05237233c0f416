/* config.c: defaults, NEWSD_* environment and command-line flags. Validation
 * happens here, once, so the rest of the program trusts its config. */
#include "newsd/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsd/util.h"

#define CONFIG_MAX_THREADS 256

/* Parses a decimal integer in [min, max]; false for anything else. */
static bool config_int(const char *s, long min, long max, long *out)
{
    char *end;
    if (!s || !*s)
        return false;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static bool config_set_str(char **slot, const char *v)
{
    char *copy = util_strdup(v);
    if (!copy)
        return false;
    free(*slot);
    *slot = copy;
    return true;
}

/* Reads the first line of path as the API key (a trailing newline is dropped). */
static bool config_key_file(struct config *cfg, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "newsd: NEWSD_API_KEY_FILE cannot be read\n");
        return false;
    }
    char line[1024];
    bool ok = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    if (ok) {
        line[strcspn(line, "\r\n")] = '\0';
        ok = line[0] != '\0' && config_set_str(&cfg->api_key, line);
    }
    if (!ok)
        fprintf(stderr, "newsd: NEWSD_API_KEY_FILE holds no key\n");
    return ok;
}

bool config_from_env(struct config *cfg)
{
    const char *v;
    long n;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    cfg->port = 8080;
    cfg->threads = cores > 0 && cores <= CONFIG_MAX_THREADS ? (int)cores : 2;
    cfg->max_body = 1 << 20;
    cfg->request_deadline_ms = 30000;
    cfg->cache_bytes = (size_t)32 << 20;
    cfg->ingest_cache_bytes = (size_t)1024 << 20;
    cfg->ingest_hugepages = true;
    if (!config_set_str(&cfg->db, "newsd.db") || !config_set_str(&cfg->bind, "127.0.0.1") ||
        !config_set_str(&cfg->cors_origins, "*") ||
        !config_set_str(&cfg->cache_control, "public, max-age=60"))
        return false;
    if ((v = getenv("NEWSD_DB")) && *v && !config_set_str(&cfg->db, v))
        return false;
    if ((v = getenv("NEWSD_BIND")) && *v && !config_set_str(&cfg->bind, v))
        return false;
    if ((v = getenv("NEWSD_PORT")) && *v) {
        if (!config_int(v, 0, 65535, &n)) {
            fprintf(stderr, "newsd: NEWSD_PORT must be a port number from 0 to 65535\n");
            return false;
        }
        cfg->port = (int)n;
    }
    if ((v = getenv("NEWSD_THREADS")) && *v) {
        if (!config_int(v, 1, CONFIG_MAX_THREADS, &n)) {
            fprintf(stderr, "newsd: NEWSD_THREADS must be from 1 to %d\n", CONFIG_MAX_THREADS);
            return false;
        }
        cfg->threads = (int)n;
    }
    if ((v = getenv("NEWSD_MAX_BODY")) && *v) {
        if (!config_int(v, 1024, 1L << 30, &n)) {
            fprintf(stderr, "newsd: NEWSD_MAX_BODY must be a byte count from 1024 to 2^30\n");
            return false;
        }
        cfg->max_body = (size_t)n;
    }
    if ((v = getenv("NEWSD_REQUEST_DEADLINE_MS")) && *v) {
        if (!config_int(v, 100, 3600000, &n)) {
            fprintf(stderr, "newsd: NEWSD_REQUEST_DEADLINE_MS must be from 100 to 3600000\n");
            return false;
        }
        cfg->request_deadline_ms = (int)n;
    }
    if ((v = getenv("NEWSD_CACHE_MB")) && *v) {
        if (!config_int(v, 0, 65536, &n)) {
            fprintf(stderr, "newsd: NEWSD_CACHE_MB must be a size in MiB from 0 to 65536\n");
            return false;
        }
        cfg->cache_bytes = (size_t)n << 20;
    }
    if ((v = getenv("NEWSD_INGEST_CACHE_MB")) && *v) {
        if (!config_int(v, 16, 65536, &n)) {
            fprintf(stderr, "newsd: NEWSD_INGEST_CACHE_MB must be a size in MiB from 16 to 65536\n");
            return false;
        }
        cfg->ingest_cache_bytes = (size_t)n << 20;
    }
    if ((v = getenv("NEWSD_INGEST_HUGEPAGES")) && *v) {
        if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
            fprintf(stderr, "newsd: NEWSD_INGEST_HUGEPAGES must be 0 or 1\n");
            return false;
        }
        cfg->ingest_hugepages = v[0] == '1';
    }
    if ((v = getenv("NEWSD_API_KEY")) && *v && !config_set_str(&cfg->api_key, v))
        return false;
    if (!cfg->api_key && (v = getenv("NEWSD_API_KEY_FILE")) && *v && !config_key_file(cfg, v))
        return false;
    if ((v = getenv("NEWSD_CORS_ORIGINS")) && *v && !config_set_str(&cfg->cors_origins, v))
        return false;
    if ((v = getenv("NEWSD_CACHE_CONTROL")) && *v && !config_set_str(&cfg->cache_control, v))
        return false;
    if ((v = getenv("NEWSD_LOG_FORMAT")) && *v) {
        if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0) {
            fprintf(stderr, "newsd: NEWSD_LOG_FORMAT must be text or json\n");
            return false;
        }
        cfg->log_json = strcmp(v, "json") == 0;
    }
    return true;
}

int config_flag(struct config *cfg, const char *flag, const char *value)
{
    long n;
    if (strcmp(flag, "--read-only") == 0) {
        cfg->read_only = true;
        return 0;
    }
    /* An unknown flag is named as such before any value is looked for:
     * `serve --help` said "--help needs a value". */
    const char *valued[] = {"--db", "--bind", "--port", "--threads"};
    bool known = false;
    for (size_t i = 0; i < sizeof valued / sizeof *valued; i++)
        known = known || strcmp(flag, valued[i]) == 0;
    if (!known) {
        fprintf(stderr, "newsd: unknown option %s\n", flag);
        return -1;
    }
    if (!value) {
        fprintf(stderr, "newsd: %s needs a value\n", flag);
        return -1;
    }
    if (strcmp(flag, "--db") == 0)
        return config_set_str(&cfg->db, value) ? 1 : -1;
    if (strcmp(flag, "--bind") == 0)
        return config_set_str(&cfg->bind, value) ? 1 : -1;
    if (strcmp(flag, "--port") == 0) {
        if (!config_int(value, 0, 65535, &n)) {
            fprintf(stderr, "newsd: --port must be a port number from 0 to 65535\n");
            return -1;
        }
        cfg->port = (int)n;
        return 1;
    }
    if (strcmp(flag, "--threads") == 0) {
        if (!config_int(value, 1, CONFIG_MAX_THREADS, &n)) {
            fprintf(stderr, "newsd: --threads must be from 1 to %d\n", CONFIG_MAX_THREADS);
            return -1;
        }
        cfg->threads = (int)n;
        return 1;
    }
    fprintf(stderr, "newsd: unknown option %s\n", flag);
    return -1;
}

void config_clear(struct config *cfg)
{
    free(cfg->db);
    free(cfg->bind);
    free(cfg->api_key);
    free(cfg->cors_origins);
    free(cfg->cache_control);
    memset(cfg, 0, sizeof *cfg);
}
