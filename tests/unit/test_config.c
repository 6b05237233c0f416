/* test_config.c: NEWSD_* settings are read, bounded, and refused with a message
 * when malformed (config.c). */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>

#include "newsd/config.h"

/* Reads the environment with one variable set; returns what config_from_env said. */
static bool config_with(const char *name, const char *value, struct config *cfg)
{
    setenv(name, value, 1);
    bool ok = config_from_env(cfg);
    unsetenv(name);
    return ok;
}

Test(config, ingest_cache_defaults_to_one_gib)
{
    struct config cfg = {0};
    unsetenv("NEWSD_INGEST_CACHE_MB");
    cr_assert(config_from_env(&cfg));
    cr_expect_eq(cfg.ingest_cache_bytes, (size_t)1024 << 20);
    config_clear(&cfg);
}

Test(config, ingest_cache_takes_mib_within_bounds)
{
    struct config cfg = {0};
    cr_assert(config_with("NEWSD_INGEST_CACHE_MB", "256", &cfg));
    cr_expect_eq(cfg.ingest_cache_bytes, (size_t)256 << 20);
    config_clear(&cfg);
    const char *bad[] = {"15", "65537", "-1", "1g", "64 MiB", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct config c2 = {0};
        bool ok = config_with("NEWSD_INGEST_CACHE_MB", bad[i], &c2);
        /* an empty value means unset: the default */
        if (bad[i][0] == '\0')
            cr_expect(ok && c2.ingest_cache_bytes == (size_t)1024 << 20);
        else
            cr_expect(!ok, "NEWSD_INGEST_CACHE_MB=\"%s\" was taken", bad[i]);
        config_clear(&c2);
    }
}

Test(config, ingest_hugepages_is_on_unless_zero)
{
    struct config cfg = {0};
    unsetenv("NEWSD_INGEST_HUGEPAGES");
    cr_assert(config_from_env(&cfg));
    cr_expect(cfg.ingest_hugepages);
    config_clear(&cfg);
    cr_assert(config_with("NEWSD_INGEST_HUGEPAGES", "0", &cfg));
    cr_expect(!cfg.ingest_hugepages);
    config_clear(&cfg);
    const char *bad[] = {"yes", "2", "off", " 1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct config c2 = {0};
        cr_expect(!config_with("NEWSD_INGEST_HUGEPAGES", bad[i], &c2),
                  "NEWSD_INGEST_HUGEPAGES=\"%s\" was taken", bad[i]);
        config_clear(&c2);
    }
}

/* `newsd serve --help` said "--help needs a value": an unknown flag is named
 * as unknown whether or not anything follows it. */
Test(config, an_unknown_flag_is_named_unknown, .init = cr_redirect_stderr)
{
    struct config cfg = {0};
    cr_assert_eq(config_flag(&cfg, "--help", NULL), -1);
    fflush(stderr);
    cr_assert_stderr_eq_str("newsd: unknown option --help\n");
    config_clear(&cfg);
}

Test(config, a_known_flag_without_value_says_so, .init = cr_redirect_stderr)
{
    struct config cfg = {0};
    cr_assert_eq(config_flag(&cfg, "--port", NULL), -1);
    fflush(stderr);
    cr_assert_stderr_eq_str("newsd: --port needs a value\n");
    config_clear(&cfg);
}
