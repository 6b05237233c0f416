/* test_write.c: black-box tests of POST /articles with an API key, and of the
 * `newsd ingest` command line (counts, duplicates, failures, exit status). */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "harness.h"
#include "newsd/util.h"

static struct server srv;
static const char *const key_env[] = {"NEWSD_API_KEY=test-key-123",
                                      "NEWSD_MAX_BODY=65536",
                                      "NEWSD_REQUEST_DEADLINE_MS=1500",
                                      "NEWSD_LOG_FORMAT=json",
                                      "NEWSD_CORS_ORIGINS=http://app.example, https://b.example",
                                      NULL};
#define AUTH "Authorization: Bearer test-key-123\r\n"

static void write_setup(void)
{
    harness_db(&srv, false);
    harness_start(&srv, key_env);
}

static void write_teardown(void)
{
    harness_stop(&srv);
    harness_cleanup(&srv);
}

TestSuite(write, .init = write_setup, .fini = write_teardown, .timeout = 120);

static const char article_text[] =
    "Skip to main content\n"
    "Science\n"
    "\n"
    "Glacier survey finds the ice retreating faster than forecast\n"
    "\n"
    "Researchers measured a loss of 40 metres in one season.\n"
    "\n"
    "GENEVA — A team of glaciologists said on Tuesday that the Rhône glacier lost more ice "
    "this summer than in any season since records began, putting earlier forecasts in doubt.\n"
    "\n"
    "“We expected a bad year, but not this,” said Marta Keller, who led the survey for the "
    "University of Bern. “The front moved back almost 40 metres.”\n"
    "\n"
    "The findings will be presented to the Swiss Federal Office for the Environment next month, "
    "according to the university.\n";

static long long articles_total(void)
{
    struct http_res r;
    http_get(&srv, "/articles", &r);
    cr_assert_eq(r.status, 200);
    long long n = json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total"));
    http_res_clear(&r);
    return n;
}

Test(write, post_needs_the_key)
{
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n", article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 401);
    http_res_clear(&r);
    http_do(&srv, "POST", "/articles",
            "Content-Type: text/plain\r\nAuthorization: Bearer wrong-key-123\r\n", article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 401);
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 0, "a refused write stores nothing");
}

Test(write, post_creates_then_finds_the_duplicate)
{
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    char *loc = http_header(&r, "Location");
    long long id = json_integer_value(json_object_get(r.json, "id"));
    char want[64];
    snprintf(want, sizeof want, "/articles/%lld", id);
    cr_assert_str_eq(loc, want);
    cr_assert_str_eq(json_string_value(json_object_get(r.json, "title")),
                     "Glacier survey finds the ice retreating faster than forecast");
    /* The answer is the stored article: its quote, attributed to its speaker. */
    json_t *quotes = json_object_get(r.json, "quotes");
    bool found = false;
    size_t i;
    json_t *q;
    json_array_foreach(quotes, i, q)
    {
        const char *text = json_string_value(json_object_get(q, "text"));
        if (!text || !strstr(text, "We expected a bad year"))
            continue;
        found = true;
        cr_assert_str_eq(json_string_value(json_object_get(json_object_get(q, "speaker"), "name")),
                         "Marta Keller");
        cr_assert_eq(json_integer_value(json_object_get(q, "article_id")), id);
    }
    cr_assert(found, "the quote of the posted text is in the answer");
    cr_assert_eq((long long)json_array_size(quotes),
                 json_integer_value(json_object_get(r.json, "quote_count")));
    free(loc);
    http_res_clear(&r);

    http_do(&srv, "POST", "/articles", "Content-Type: text/plain; charset=utf-8\r\n" AUTH,
            article_text, sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 200, "the same content again answers 200");
    cr_assert_eq(json_integer_value(json_object_get(r.json, "id")), id);
    cr_assert_str_eq(json_string_value(json_object_get(r.json, "title")),
                     "Glacier survey finds the ice retreating faster than forecast",
                     "the 200 carries the existing article");
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 1);
    http_get(&srv, "/quotes", &r);
    long long quotes_once = json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total"));
    http_res_clear(&r);
    cr_assert_gt(quotes_once, 0);

    http_get(&srv, want, &r);
    cr_assert_eq(r.status, 200);
    http_res_clear(&r);
    http_get(&srv, "/quotes", &r);
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total")),
                 quotes_once, "the duplicate stored no second set of quotes");
    http_res_clear(&r);
}

/* docs/api.md: 200 + the existing article when "the same content (or url) is
 * already stored": another text under a stored url is that article, not a new one. */
Test(write, the_same_url_is_the_stored_article)
{
    const char first[] = "{\"title\": \"Harbour ferry returns after repairs\", \"body\": "
                         "\"OSLO — The harbour ferry resumed service on Monday after three weeks "
                         "of repairs, the operator said.\", \"url\": \"https://example.org/f\"}";
    const char second[] = "{\"title\": \"Harbour ferry back in service\", \"body\": "
                          "\"OSLO — The harbour ferry is back in service after three weeks of "
                          "repairs, its operator said on Monday.\", \"url\": "
                          "\"https://example.org/f\"}";
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, first,
            sizeof first - 1, &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    long long id = json_integer_value(json_object_get(r.json, "id"));
    http_res_clear(&r);
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, second,
            sizeof second - 1, &r);
    cr_assert_eq(r.status, 200, "%s", r.body);
    cr_assert_eq(json_integer_value(json_object_get(r.json, "id")), id);
    cr_assert_str_eq(json_string_value(json_object_get(r.json, "title")),
                     "Harbour ferry returns after repairs", "the stored one, unchanged");
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 1);
}

Test(write, post_json_record)
{
    const char rec[] = "{\"title\": \"Harbour ferry returns after repairs\", \"body\": "
                       "\"OSLO — The harbour ferry resumed service on Monday after three weeks of "
                       "repairs, the operator said.\\n\\n\\\"We are glad to be back,\\\" said "
                       "captain Ida Berg.\", \"url\": \"https://example.org/ferry\", "
                       "\"published_at\": \"2026-05-04T08:00:00Z\", \"id\": 999}";
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, rec,
            sizeof rec - 1, &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    cr_assert_neq(json_integer_value(json_object_get(r.json, "id")), 999,
                  "a client cannot set the id");
    cr_assert_str_eq(json_string_value(json_object_get(r.json, "url")),
                     "https://example.org/ferry");
    cr_assert_str_eq(json_string_value(json_object_get(r.json, "published_at")),
                     "2026-05-04T08:00:00Z");
    http_res_clear(&r);
}

Test(write, bad_bodies_change_nothing)
{
    struct http_res r;
    /* Wrong content type. */
    http_do(&srv, "POST", "/articles", "Content-Type: image/png\r\n" AUTH, "xx", 2, &r);
    cr_assert_eq(r.status, 415);
    http_res_clear(&r);
    /* Invalid UTF-8. */
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, "abc\xff\xfe def", 9,
            &r);
    cr_assert_eq(r.status, 400);
    http_res_clear(&r);
    /* No article in it. */
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, "hello", 5, &r);
    cr_assert_eq(r.status, 422, "%s", r.body);
    http_res_clear(&r);
    /* Malformed and duplicate-key JSON. */
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, "{\"text\":", 8,
            &r);
    cr_assert_eq(r.status, 400);
    http_res_clear(&r);
    const char dup[] = "{\"text\": \"a\", \"text\": \"b\"}";
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, dup,
            sizeof dup - 1, &r);
    cr_assert_eq(r.status, 400);
    http_res_clear(&r);
    /* Deep JSON. */
    char deep[4100];
    memset(deep, '[', 4000);
    deep[4000] = '\0';
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, deep, 4000, &r);
    cr_assert_eq(r.status, 400);
    http_res_clear(&r);
    /* Larger than NEWSD_MAX_BODY (64 KiB here). */
    size_t big = 70000;
    char *huge = malloc(big);
    memset(huge, 'a', big);
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, huge, big, &r);
    cr_assert_eq(r.status, 413);
    http_res_clear(&r);
    free(huge);
    cr_assert_eq(articles_total(), 0, "nothing was stored");
}

Test(write, ingest_cli_counts_duplicates_and_failures)
{
    char out[512];
    char dir[128], bad[256], db[160];
    snprintf(dir, sizeof dir, "%s/in", srv.dir);
    snprintf(db, sizeof db, "%s/cli.db", srv.dir);
    const char *first[] = {"ingest", "--db", db, "samples", NULL};
    cr_assert_eq(harness_run(first, out, sizeof out), 0, "%s", out);
    long ingested = -1, dups = -1, failed = -1;
    cr_assert_eq(sscanf(out, "%ld ingested, %ld duplicates, %ld failed", &ingested, &dups, &failed),
                 3, "%s", out);
    cr_assert_geq(ingested, 12);
    cr_assert_eq(dups, 0);
    cr_assert_eq(failed, 0);
    /* The same folder again: everything is a duplicate. */
    cr_assert_eq(harness_run(first, out, sizeof out), 0);
    long again = -1;
    cr_assert_eq(sscanf(out, "0 ingested, %ld duplicates, 0 failed", &again), 1, "%s", out);
    cr_assert_eq(again, ingested);
    /* A file with no article fails, names itself, and the exit status says so. */
    cr_assert_eq(mkdir(dir, 0700), 0);
    snprintf(bad, sizeof bad, "%s/empty.txt", dir);
    FILE *f = fopen(bad, "w");
    fputs("Menu\n", f);
    fclose(f);
    const char *second[] = {"ingest", "--db", db, dir, NULL};
    cr_assert_eq(harness_run(second, out, sizeof out), 1);
    cr_assert_str_eq(out, "0 ingested, 0 duplicates, 1 failed\n");
    unlink(bad);
    rmdir(dir);
    snprintf(bad, sizeof bad, "%s-wal", db);
    unlink(bad);
    snprintf(bad, sizeof bad, "%s-shm", db);
    unlink(bad);
    unlink(db);
}

/* Sets or reads PRAGMA user_version of a database file directly. */
static int user_version(const char *path, int set)
{
    sqlite3 *db = NULL;
    int v = -1;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    if (set >= 0) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", set);
        cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    }
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

Test(write, a_newer_database_is_refused_untouched)
{
    char db[160], out[256];
    snprintf(db, sizeof db, "%s/newer.db", srv.dir);
    const char *migrate[] = {"migrate", "--db", db, NULL};
    cr_assert_eq(harness_run(migrate, out, sizeof out), 0);
    cr_assert_eq(user_version(db, 99), 99);
    cr_assert_eq(harness_run(migrate, out, sizeof out), 1, "migrate must refuse: %s", out);
    const char *serve[] = {"serve", "--db", db, "--port", "0", NULL};
    cr_assert_eq(harness_run(serve, out, sizeof out), 1, "serve must refuse");
    const char *ingest[] = {"ingest", "--db", db, "samples", NULL};
    cr_assert_eq(harness_run(ingest, out, sizeof out), 1, "ingest must refuse");
    cr_assert_eq(user_version(db, -1), 99, "the file is untouched");
    char side[200];
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    unlink(db);
}

Test(write, delete_needs_the_key_and_removes_the_article)
{
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 201);
    char target[64];
    snprintf(target, sizeof target, "/articles/%lld",
             json_integer_value(json_object_get(r.json, "id")));
    http_res_clear(&r);
    http_do(&srv, "DELETE", target, NULL, NULL, 0, &r);
    cr_assert_eq(r.status, 401);
    http_res_clear(&r);
    http_do(&srv, "DELETE", target, "Authorization: Bearer wrong-key-123\r\n", NULL, 0, &r);
    cr_assert_eq(r.status, 401);
    http_res_clear(&r);
    http_get(&srv, target, &r);
    cr_assert_eq(r.status, 200, "a refused DELETE leaves the article");
    http_res_clear(&r);
    http_do(&srv, "DELETE", target, AUTH, NULL, 0, &r);
    cr_assert_eq(r.status, 204);
    cr_assert_eq(r.body_len, 0);
    http_res_clear(&r);
    http_get(&srv, target, &r);
    cr_assert_eq(r.status, 404);
    http_res_clear(&r);
    http_do(&srv, "DELETE", target, AUTH, NULL, 0, &r);
    cr_assert_eq(r.status, 404);
    http_res_clear(&r);
    cr_assert_eq(articles_total(), 0);
    http_get(&srv, "/entities", &r);
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total")), 0,
                 "entities of the only article went with it");
    http_res_clear(&r);
    http_get(&srv, "/quotes", &r);
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total")), 0,
                 "and its quotes");
    http_res_clear(&r);
    http_get(&srv, "/quotes?group=canonical", &r);
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(r.json, "meta"), "total")), 0,
                 "and its distinct quotations");
    http_res_clear(&r);
}

/* The highest "id" of the objects of a JSON array, and of their "speaker". */
static long long max_id(const json_t *items, long long *speaker)
{
    long long top = 0;
    size_t i;
    const json_t *v;
    json_array_foreach(items, i, v)
    {
        long long id = json_integer_value(json_object_get(v, "id"));
        top = id > top ? id : top;
        long long sp = json_integer_value(json_object_get(json_object_get(v, "speaker"), "id"));
        if (speaker)
            *speaker = sp > *speaker ? sp : *speaker;
    }
    return top;
}

/* The ids one POST of article_text gave: the article, the highest of its
 * quotes, entities, speakers and (from the distinct quotations) groups. */
struct posted_ids {
    long long article, quote, entity, speaker, group;
};

static struct posted_ids post_article_ids(void)
{
    struct http_res r;
    struct posted_ids p = {0};
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 201, "%s", r.body);
    p.article = json_integer_value(json_object_get(r.json, "id"));
    p.quote = max_id(json_object_get(r.json, "quotes"), &p.speaker);
    p.entity = max_id(json_object_get(r.json, "entities"), NULL);
    cr_assert_gt(p.quote, 0, "the article has quotes");
    cr_assert_gt(p.speaker, 0, "and a named speaker");
    http_res_clear(&r);
    http_get(&srv, "/quotes?group=canonical&limit=100", &r);
    cr_assert_eq(r.status, 200);
    p.group = max_id(json_object_get(r.json, "data"), NULL);
    cr_assert_gt(p.group, 0);
    http_res_clear(&r);
    return p;
}

Test(write, ids_are_not_given_again_after_a_delete)
{
    /* SQLite gives max(id) + 1: deleting the newest article handed its id
     * (and its quotes', orphaned entities' and groups') to the next POST,
     * so old links named a different article. */
    struct posted_ids old = post_article_ids();
    char target[64];
    snprintf(target, sizeof target, "/articles/%lld", old.article);
    struct http_res r;
    http_do(&srv, "DELETE", target, AUTH, NULL, 0, &r);
    cr_assert_eq(r.status, 204);
    http_res_clear(&r);
    struct posted_ids now = post_article_ids(); /* the same text: not a duplicate any more */
    cr_assert_gt(now.article, old.article, "article id %lld given again", now.article);
    cr_assert_gt(now.quote, old.quote);
    cr_assert_gt(now.entity, old.entity);
    cr_assert_gt(now.speaker, old.speaker);
    cr_assert_gt(now.group, old.group);
    http_get(&srv, target, &r);
    cr_assert_eq(r.status, 404, "the old link names nothing, not the new article");
    http_res_clear(&r);
}

Test(write, smuggling_framing_is_refused)
{
    const char *reqs[] = {
        "POST /articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
        "text/plain\r\n" AUTH "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
        "POST /articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
        "text/plain\r\n" AUTH
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof reqs / sizeof *reqs; i++) {
        struct http_res r;
        http_raw(&srv, reqs[i], strlen(reqs[i]), &r);
        cr_assert_eq(r.status, 400, "request %zu: %d", i, r.status);
        http_res_clear(&r);
    }
    cr_assert_eq(articles_total(), 0);
}

Test(write, chunked_body_over_the_cap_is_413)
{
    /* 70 chunks of 1000 bytes: past NEWSD_MAX_BODY (64 KiB) with no Content-Length. */
    struct buf req = {0};
    buf_puts(&req, "POST /articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   "Content-Type: text/plain\r\n" AUTH "Transfer-Encoding: chunked\r\n\r\n");
    char chunk[1000];
    memset(chunk, 'a', sizeof chunk);
    for (int i = 0; i < 70; i++) {
        buf_puts(&req, "3e8\r\n");
        buf_append(&req, chunk, sizeof chunk);
        buf_puts(&req, "\r\n");
    }
    buf_puts(&req, "0\r\n\r\n");
    struct http_res r;
    http_raw(&srv, req.data, req.len, &r);
    cr_assert_eq(r.status, 413);
    http_res_clear(&r);
    buf_clear(&req);
    cr_assert_eq(articles_total(), 0);
}

/* Posts a small JSON article number n published on the given date; returns its id. */
static long long post_numbered(int n, const char *date)
{
    char rec[1024];
    snprintf(rec, sizeof rec,
             "{\"title\": \"Ferry timetable change number %d\", \"published_at\": \"%s\", "
             "\"body\": \"BERGEN — The harbour ferry will change its timetable for the %d time "
             "this year, the operator said on Monday.\\n\\n\\\"We are adding a late crossing,\\\" "
             "said Ida Berg, a spokeswoman for the operator.\"}",
             n, date, n);
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: application/json\r\n" AUTH, rec, strlen(rec),
            &r);
    cr_assert_eq(r.status, 201, "post %d: %d %s", n, r.status, r.body);
    long long id = json_integer_value(json_object_get(r.json, "id"));
    http_res_clear(&r);
    return id;
}

Test(write, cursor_walk_is_exact_while_articles_arrive)
{
    long long initial[12];
    for (int i = 0; i < 12; i++) {
        char date[16];
        snprintf(date, sizeof date, "2026-03-%02d", 1 + i % 6); /* ties on purpose */
        initial[i] = post_numbered(i, date);
    }
    int seen[12] = {0}, n_new = 100;
    long long served[200];
    size_t n_served = 0;
    char target[512] = "/articles?limit=3";
    for (int page = 0; page < 50; page++) {
        struct http_res r;
        http_get(&srv, target, &r);
        cr_assert_eq(r.status, 200);
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(r.json, "data"), i, a)
        {
            long long id = json_integer_value(json_object_get(a, "id"));
            for (size_t k = 0; k < n_served; k++)
                cr_assert_neq(served[k], id, "id %lld served twice", id);
            served[n_served++] = id;
            for (int k = 0; k < 12; k++)
                seen[k] += initial[k] == id;
        }
        const char *next =
            json_string_value(json_object_get(json_object_get(r.json, "links"), "next"));
        if (!next) {
            http_res_clear(&r);
            break;
        }
        snprintf(target, sizeof target, "%s", next);
        http_res_clear(&r);
        /* Between pages, articles arrive: newer, older and equal to those served. */
        post_numbered(n_new++, "2026-04-01");
        post_numbered(n_new++, "2026-03-03");
        post_numbered(n_new++, "2026-01-15");
    }
    for (int k = 0; k < 12; k++)
        cr_assert_eq(seen[k], 1, "article %lld was served %d times", initial[k], seen[k]);
}

Test(write, a_trickled_body_is_cut_at_the_deadline)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)srv.port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    const char head[] = "POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" AUTH
                        "Content-Length: 100000\r\n\r\nSkip";
    cr_assert_eq(write(fd, head, sizeof head - 1), (ssize_t)(sizeof head - 1));
    /* One byte every 100 ms, which the idle timeout alone would allow forever,
     * until the server hangs up; give up after 10 s. */
    char answer[512] = "";
    bool closed = false;
    for (int i = 0; i < 100 && !closed; i++) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (poll(&pfd, 1, 100) > 0) {
            ssize_t n = read(fd, answer, sizeof answer - 1);
            answer[n > 0 ? n : 0] = '\0';
            closed = true;
        } else if (send(fd, "a", 1, MSG_NOSIGNAL) != 1) {
            closed = true;
        }
    }
    close(fd);
    cr_assert(closed, "the trickling request was never cut");
    cr_assert_null(strstr(answer, "HTTP/1.1 2"), "a cut request is never a success: %s", answer);
    cr_assert_eq(articles_total(), 0);
}

Test(write, json_logs_are_one_object_a_line_without_secrets)
{
    struct http_res r;
    http_do(&srv, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 201);
    http_res_clear(&r);
    http_get(&srv, "/articles/1?x=%22%0Aforged", &r);
    http_res_clear(&r);
    /* Regression: the logged path is cut at 256 bytes, and was cut inside
     * this "é" (bytes 255 and 256), leaving a line jansson refuses. */
    char target[300] = "/";
    memset(target + 1, 'a', 254);
    memcpy(target + 255, "%C3%A9", 7);
    http_get(&srv, target, &r);
    cr_assert_eq(r.status, 404);
    http_res_clear(&r);
    /* The three requests' access lines (written in a batch) are all there. */
    cr_assert_geq(harness_log_wait(&srv, "\"event\":\"access\"", 3), 3);
    char path[160];
    snprintf(path, sizeof path, "%s/server.log", srv.dir);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    char line[4096];
    int access = 0, serving = 0;
    while (fgets(line, sizeof line, f)) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        cr_assert_not_null(o, "not JSON: %s", line);
        cr_assert(json_is_string(json_object_get(o, "ts")) &&
                  json_is_string(json_object_get(o, "level")));
        const char *event = json_string_value(json_object_get(o, "event"));
        if (event && strcmp(event, "access") == 0) {
            access++;
            /* numbers are JSON numbers, so that jq's .status >= 500 works */
            cr_assert(json_is_integer(json_object_get(o, "status")), "%s", line);
            cr_assert(json_is_string(json_object_get(o, "req_id")));
        }
        if (event && strcmp(event, "serving") == 0) {
            serving++;
            cr_assert(json_is_integer(json_object_get(o, "port")), "%s", line);
            cr_assert(json_is_string(json_object_get(o, "db")), "%s", line);
        }
        cr_assert_null(strstr(line, "test-key-123"), "the key is logged: %s", line);
        cr_assert_null(strstr(line, "Glacier"), "article text is logged: %s", line);
        json_decref(o);
    }
    fclose(f);
    cr_assert_geq(access, 3);
    cr_assert_eq(serving, 1);
}

Test(write, read_only_server_is_not_ready_until_migrated)
{
    struct server ro = {0};
    snprintf(ro.dir, sizeof ro.dir, "/tmp/newsd-test-XXXXXX");
    cr_assert_not_null(mkdtemp(ro.dir));
    snprintf(ro.db, sizeof ro.db, "%s/test.db", ro.dir);
    cr_assert_eq(user_version(ro.db, 0), 0); /* creates an empty database file */
    const char *argv_extra[] = {"NEWSD_API_KEY=test-key-123", NULL};
    harness_start_args(&ro, argv_extra, "--read-only");
    struct http_res r;
    http_get(&ro, "/ready", &r);
    cr_assert_eq(r.status, 503);
    http_res_clear(&r);
    http_get(&ro, "/articles", &r);
    cr_assert_eq(r.status, 503);
    http_res_clear(&r);
    http_get(&ro, "/health", &r);
    cr_assert_eq(r.status, 200, "alive even when not ready");
    http_res_clear(&r);
    http_do(&ro, "POST", "/articles", "Content-Type: text/plain\r\n" AUTH, article_text,
            sizeof article_text - 1, &r);
    cr_assert_eq(r.status, 403, "a read-only server takes no writes");
    http_res_clear(&r);
    char out[256];
    const char *migrate[] = {"migrate", "--db", ro.db, NULL};
    cr_assert_eq(harness_run(migrate, out, sizeof out), 0);
    http_get(&ro, "/ready", &r);
    cr_assert_eq(r.status, 200, "ready once another process migrated it");
    http_res_clear(&r);
    harness_stop(&ro);
    harness_cleanup(&ro);
}

Test(write, trickled_headers_are_cut_at_the_deadline)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)srv.port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    cr_assert_eq(write(fd, "GET /health HTTP/1.1\r\nHost: x\r\n", 31), 31);
    /* A header byte every 100 ms: never idle, never complete. The watchdog
     * must shut the connection once the deadline (1.5 s here) passes. */
    bool closed = false;
    for (int i = 0; i < 100 && !closed; i++) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (poll(&pfd, 1, 100) > 0) {
            char sink[256];
            ssize_t n = read(fd, sink, sizeof sink);
            cr_assert_leq(n, 0, "an unfinished request got an answer: %.*s", (int)n, sink);
            closed = true;
        } else if (send(fd, "X", 1, MSG_NOSIGNAL) != 1) {
            closed = true;
        }
    }
    close(fd);
    cr_assert(closed, "a client trickling its headers was never cut");
    struct http_res r;
    http_get(&srv, "/health", &r);
    cr_assert_eq(r.status, 200, "the server still answers");
    http_res_clear(&r);
}

Test(write, cors_echoes_only_configured_origins)
{
    struct http_res r;
    http_do(&srv, "GET", "/health", "Origin: https://b.example\r\n", NULL, 0, &r);
    char *o = http_header(&r, "Access-Control-Allow-Origin");
    char *vary = http_header(&r, "Vary");
    cr_assert_str_eq(o, "https://b.example");
    cr_assert(vary && strstr(vary, "Origin"), "Vary: %s", vary);
    free(o);
    free(vary);
    http_res_clear(&r);
    http_do(&srv, "OPTIONS", "/articles",
            "Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n", NULL, 0, &r);
    cr_assert_eq(r.status, 204);
    o = http_header(&r, "Access-Control-Allow-Origin");
    cr_assert_null(o, "an origin not configured gets no CORS grant");
    http_res_clear(&r);
}

Test(write, an_unopenable_database_path_is_a_clear_failure)
{
    char db[200], out[256];
    snprintf(db, sizeof db, "%s/no-such-folder/news.db", srv.dir);
    const char *migrate[] = {"migrate", "--db", db, NULL};
    cr_assert_eq(harness_run(migrate, out, sizeof out), 1);
    const char *serve[] = {"serve", "--db", db, "--port", "0", NULL};
    cr_assert_eq(harness_run(serve, out, sizeof out), 1, "serve must not start");
    const char *ingest[] = {"ingest", "--db", db, "samples", NULL};
    cr_assert_eq(harness_run(ingest, out, sizeof out), 1);
    char folder[200];
    snprintf(folder, sizeof folder, "%s/no-such-folder", srv.dir);
    cr_assert_neq(access(folder, F_OK), 0, "nothing was created");
}
