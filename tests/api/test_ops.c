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
