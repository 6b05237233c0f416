/* test_docs.c: the curl examples in README.md and docs/api.md are what the
 * server really answers. Each "$ curl -s [-X METHOD] URL" block is replayed
 * against a server on the samples and its JSON compared, ingested_at aside. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct server srv;

static void docs_setup(void)
{
    harness_db(&srv, true);
    harness_start(&srv, NULL);
}

static void docs_teardown(void)
{
    harness_stop(&srv);
    harness_cleanup(&srv);
}

TestSuite(docs, .init = docs_setup, .fini = docs_teardown, .timeout = 120);

/* Removes what differs per run: ingested_at and what derives from it, and
 * the cursors that carry it (only their presence is compared). */
static void drop_volatile(json_t *j)
{
    if (json_is_object(j)) {
        /* first/last seen are the ingest time of an undated article. */
        const char *times[] = {"ingested_at", "first_seen", "last_seen"};
        for (size_t i = 0; i < 3; i++)
            json_object_del(j, times[i]);
        const char *cursor_keys[] = {"next_cursor", "next"};
        for (size_t i = 0; i < 2; i++)
            if (json_is_string(json_object_get(j, cursor_keys[i])))
                json_object_set_new(j, cursor_keys[i], json_string("<cursor>"));
        const char *k;
        json_t *v;
        json_object_foreach(j, k, v) drop_volatile(v);
    } else if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) drop_volatile(v);
    }
}

/* Replays one example; returns false when it is not a plain curl JSON example. */
static bool check_example(const char *file, const char *cmd, const char *want_text)
{
    char method[16] = "GET", target[1024];
    const char *p = cmd + strlen("$ curl -s ");
    if (strncmp(p, "-X ", 3) == 0) {
        if (sscanf(p + 3, "%15s", method) != 1)
            return false;
        p += 3 + strlen(method) + 1;
    }
    if (*p == '\'')
        p++;
    if (strncmp(p, "localhost:8080", 14) != 0)
        return false;
    p += 14;
    size_t n = strcspn(p, "' \n");
    if (n >= sizeof target)
        return false;
    memcpy(target, p, n);
    target[n] = '\0';
    json_error_t err;
    json_t *want = json_loads(want_text, 0, &err);
    if (!want)
        return false;
    struct http_res r;
    http_do(&srv, method, target, NULL, NULL, 0, &r);
    cr_assert_not_null(r.json, "%s: %s %s answered no JSON", file, method, target);
    drop_volatile(want);
    drop_volatile(r.json);
    if (!json_equal(want, r.json)) {
        char *got = json_dumps(r.json, JSON_INDENT(2));
        cr_assert_fail("%s: the example `%s` is stale; run `make docs`. Now it prints:\n%.2000s",
                       file, cmd, got);
        free(got);
    }
    json_decref(want);
    http_res_clear(&r);
    return true;
}

static int check_file(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s", path);
    char *line = NULL, cmd[2048] = "";
    size_t cap = 0;
    int checked = 0;
    bool in_block = false;
    char *body = NULL;
    size_t body_len = 0;
    FILE *out = NULL;
    while (getline(&line, &cap, f) > 0) {
        if (!in_block && strncmp(line, "```console", 10) == 0) {
            in_block = true;
            cmd[0] = '\0';
            out = open_memstream(&body, &body_len);
        } else if (in_block && strncmp(line, "```", 3) == 0) {
            in_block = false;
            fclose(out);
            if (strncmp(cmd, "$ curl -s ", 10) == 0 && check_example(path, cmd, body))
                checked++;
            free(body);
            body = NULL;
        } else if (in_block && !cmd[0] && strncmp(line, "$ ", 2) == 0) {
            snprintf(cmd, sizeof cmd, "%s", line);
            cmd[strcspn(cmd, "\n")] = '\0';
        } else if (in_block) {
            fputs(line, out);
        }
    }
    free(line);
    fclose(f);
    return checked;
}

Test(docs, readme_tour_matches_the_server)
{
    cr_assert_geq(check_file("README.md"), 12, "README.md's tour covers the endpoints");
}

Test(docs, api_examples_match_the_server)
{
    cr_assert_geq(check_file("docs/api.md"), 12, "docs/api.md has an example per endpoint");
}
