/* test_ops.c: black-box regression tests for what an operator found trying
 * docs/operations.md as written: signals, database paths, working folders,
 * older databases, logs. Each test runs its own server. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static struct server srv; /* each test's own; .fini ends it if the test failed */

static void ops_teardown(void)
{
    harness_cleanup(&srv);
}

TestSuite(ops, .fini = ops_teardown, .timeout = 120);

/* SIGHUP (a closed terminal or ssh session) used to kill the server at once,
 * with no drain and no log line; it now stops like SIGTERM, exiting 0. */
Test(ops, sighup_stops_the_server_cleanly)
{
    signal(SIGHUP, SIG_DFL); /* as from a terminal, even if this runner is under nohup */
    harness_db(&srv, false);
    harness_start(&srv, NULL);
    struct http_res r;
    http_get(&srv, "/health", &r);
    cr_assert_eq(r.status, 200);
    http_res_clear(&r);
    cr_assert_eq(kill(srv.pid, SIGHUP), 0);
    int status;
    cr_assert_eq(waitpid(srv.pid, &status, 0), srv.pid);
    srv.pid = 0;
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "SIGHUP must stop the server cleanly, got status %d (%s %d)", status,
              WIFSIGNALED(status) ? "signal" : "exit",
              WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    harness_cleanup(&srv);
}

/* `newsd --help` was a usage error (exit 2, usage on stderr): a newcomer's
 * first command now prints the usage on stdout and exits 0. */
Test(ops, help_prints_the_usage)
{
    const char *flags[] = {"--help", "-h", "help"};
    for (size_t i = 0; i < 3; i++) {
        char out[1024] = "";
        const char *args[] = {flags[i], NULL};
        cr_assert_eq(harness_run(args, out, sizeof out), 0, "%s", flags[i]);
        cr_assert(strstr(out, "usage: newsd serve"), "%s printed: %s", flags[i], out);
    }
}

/* Runs `newsd ingest` of one sample with setting (an environment entry) and
 * a tunable of the caller's; true when its start line says it runs with
 * malloc on huge pages, which main.c sets by running ingest again with the
 * tunable added. The line is read from the environment glibc was given. */
static bool ops_ingest_on_huge_pages(const char *setting)
{
    harness_db(&srv, false);
    char log[128];
    snprintf(log, sizeof log, "%s/ingest.log", srv.dir);
    const char *args[] = {"ingest", "--db", srv.db, "samples/01-tromso-pier-storm.txt", NULL};
    const char *env[] = {setting, "GLIBC_TUNABLES=glibc.malloc.arena_max=4", NULL};
    int out;
    pid_t pid = harness_launch(args, env, &out, log);
    char said[256] = "";
    ssize_t k = read(out, said, sizeof said - 1);
    close(out);
    said[k > 0 ? k : 0] = '\0';
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "ingest ended %d: %s", status, said);
    cr_assert(strstr(said, "1 ingested"), "ingest said: %s", said);
    char text[8192] = "";
    FILE *f = fopen(log, "r");
    cr_assert_not_null(f);
    text[fread(text, 1, sizeof text - 1, f)] = '\0';
    fclose(f);
    harness_cleanup(&srv);
    bool on = strstr(text, "event=ingest_start") && strstr(text, "hugepages=requested");
    bool off = strstr(text, "event=ingest_start") && strstr(text, "hugepages=off");
    cr_assert(on != off, "no start line, or a garbled one: %s", text);
    return on;
}

/* Ingest puts malloc on huge pages (glibc.malloc.hugetlb=1: 18% faster at
 * 10,000 articles in docs/performance.md) even when the caller set another
 * tunable; with NEWSD_INGEST_HUGEPAGES=0 it does not. */
Test(ops, ingest_runs_on_huge_pages_unless_told_not_to)
{
    cr_expect(ops_ingest_on_huge_pages("NEWSD_INGEST_HUGEPAGES=1"));
    cr_expect(!ops_ingest_on_huge_pages("NEWSD_INGEST_HUGEPAGES=0"));
}
