/* test_ingest_units.c: the ingest helpers one by one (UTF-8, normalisation, code
 * point offsets, tokens, dates, the JSON record) and the run's contract on odd
 * input: refusals with reasons and no crash on hostile text. How long hostile
 * shapes take is measured by bench/extract_bench.c (make bench-extract), not
 * asserted here: a timed test fails on a loaded machine, not on a slow path. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../server/ingest/ingest_internal.h"

Test(ingest, utf8_validation)
{
    cr_expect(ingest_text_is_valid("", 0));
    cr_expect(ingest_text_is_valid("plain ascii", 11));
    cr_expect(ingest_text_is_valid("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80", 18));
    cr_expect_not(ingest_text_is_valid("a\0b", 3), "NUL byte");
    cr_expect_not(ingest_text_is_valid("\xc3", 1), "truncated sequence");
    cr_expect_not(ingest_text_is_valid("\xc0\xaf", 2), "overlong");
    cr_expect_not(ingest_text_is_valid("\xe0\x80\xaf", 3), "overlong 3-byte");
    cr_expect_not(ingest_text_is_valid("\xed\xa0\x80", 3), "surrogate");
    cr_expect_not(ingest_text_is_valid("\xf4\x90\x80\x80", 4), "above U+10FFFF");
    cr_expect_not(ingest_text_is_valid("\xff", 1));
    cr_expect_not(ingest_text_is_valid("\x80", 1), "lone continuation byte");
}

Test(ingest, utf8_decoding_never_reads_past_the_end)
{
    const char s[] = "\xe2\x80"; /* truncated */
    size_t i = 0;
    uint32_t c = ingest_utf8_next(s, 2, &i);
    cr_expect_eq(c, 0xFFFD);
    cr_expect_eq(i, 1);
    i = 0;
    cr_expect_eq(ingest_utf8_next("\xe2\x80\x94", 3, &i), 0x2014);
    cr_expect_eq(i, 3);
    cr_expect_eq(ingest_cp_before("a\xe2\x80\x94", 4), 0x2014);
    cr_expect_eq(ingest_cp_before("a", 0), 0);
}

Test(ingest, normalize_spaces_and_lines)
{
    struct buf b = {0};
    const char *in = "  Title\xc2\xa0 here \r\nline\ttwo\xe2\x80\x8b!\rthird\xc2\xad line  ";
    cr_assert(ingest_text_normalize(in, strlen(in), &b));
    cr_expect_str_eq(b.data, "Title here\nline two!\nthird line");
    buf_clear(&b);
    /* quote marks are kept as written */
    in = "\xe2\x80\x9cYes,\" she said.";
    cr_assert(ingest_text_normalize(in, strlen(in), &b));
    cr_expect_str_eq(b.data, in);
    buf_clear(&b);
}

Test(ingest, code_point_counting)
{
    cr_expect_eq(ingest_cp_count("caf\xc3\xa9", 5), 4);
    cr_expect_eq(ingest_words_count("It's a well-known fact, 3.5 times.", 34), 6);
    struct ingest_cp_cursor c;
    const char *s = "\xe2\x80\x9c"
                    "ab\xc3\xa9"
                    "c";
    ingest_cp_cursor_init(&c, s, strlen(s));
    cr_expect_eq(ingest_cp_cursor_at(&c, 3), 1);
    cr_expect_eq(ingest_cp_cursor_at(&c, 7), 4);
    cr_expect_eq(ingest_cp_cursor_at(&c, 0), 0, "going back restarts");
}

Test(ingest, tokens_keep_abbreviations_and_possessives)
{
    struct ingest_toks t = {0};
    const char *s = "U.S. officials met Mr. Trump\xe2\x80\x99s aide on Nov. 3.";
    cr_assert(ingest_toks_build(s, strlen(s), NULL, 0, &t));
    cr_assert_geq(t.n, 9);
    cr_expect(ingest_tok_is(s, &t.v[0], "U.S."));
    cr_expect(ingest_tok_is(s, &t.v[3], "Mr."));
    cr_expect(ingest_tok_is(s, &t.v[4], "Trump"));
    cr_expect(t.v[4].flags & INGEST_TOKF_POSS);
    ingest_toks_clear(&t);
}

static const char *date_of(const char *line, char *iso)
{
    return ingest_date_line_parse(line, strlen(line), iso, 32) ? iso : "";
}

Test(ingest, date_lines)
{
    char iso[32];
    cr_expect_str_eq(date_of("Updated March 4, 2026, 6:12 PM EST", iso),
                     "2026-03-04T18:12:00-05:00");
    cr_expect_str_eq(date_of("Published 12 Feb 2026", iso), "2026-02-12");
    cr_expect_str_eq(date_of("Nov. 3, 2025 / 10:05 AM GMT", iso), "2025-11-03T10:05:00+00:00");
    cr_expect_str_eq(date_of("2026-01-19", iso), "2026-01-19");
    cr_expect_str_eq(date_of("2026-01-19T07:30:00Z", iso), "2026-01-19T07:30:00+00:00");
    cr_expect_str_eq(date_of("Thursday, July 9, 2026 9:00 a.m. ET", iso),
                     "2026-07-09T09:00:00-04:00", "ET in summer is EDT");
    cr_expect_str_eq(date_of("Jan. 9, 2026 9:00 a.m. ET", iso), "2026-01-09T09:00:00-05:00");
    cr_expect_str_eq(date_of("March 4, 2026 6:12 PM", iso), "2026-03-04", "no zone: date only");
    cr_expect_str_eq(date_of("5 May 2026 14:00 +0200", iso), "2026-05-05T14:00:00+02:00");
    cr_expect_str_eq(date_of("Trump said on March 4, 2026 that he would go", iso), "");
    cr_expect_str_eq(date_of("February 30, 2026", iso), "", "no such day");
    /* all-number dates: dots and dashes put the day first; slashes too, unless a
     * number above 12 or an American zone says otherwise */
    cr_expect_str_eq(date_of("Published 30.01.2026", iso), "2026-01-30");
    cr_expect_str_eq(date_of("4.3.2026 09:15 CET", iso), "2026-03-04T09:15:00+01:00");
    cr_expect_str_eq(date_of("30-01-2026", iso), "2026-01-30");
    cr_expect_str_eq(date_of("08/12/2025 07:30 ICT", iso), "2025-12-08T07:30:00+07:00");
    cr_expect_str_eq(date_of("01/30/2026", iso), "2026-01-30");
    cr_expect_str_eq(date_of("Updated 03/04/2026 6:12 PM EST", iso), "2026-03-04T18:12:00-05:00");
    cr_expect_str_eq(date_of("2026/01/19", iso), "2026-01-19");
    cr_expect_str_eq(date_of("2026.01.19 14:20 AEDT", iso), "2026-01-19T14:20:00+11:00");
    cr_expect_str_eq(date_of("31.02.2026", iso), "", "no such day");
    cr_expect_str_eq(date_of("13/13/2026", iso), "", "no such month");
    cr_expect_eq(ingest_date_line_parse("Updated Jan 2, 2026", 19, iso, 32), INGEST_DATE_UPDATED);
    cr_expect_eq(ingest_date_line_parse("Posted Jan 2, 2026", 18, iso, 32), INGEST_DATE_PUBLISHED);
}

static enum ingest_rc record(const char *json, struct ingest_input *in, const char **why)
{
    memset(in, 0, sizeof *in);
    *why = NULL;
    return ingest_record_parse(json, strlen(json), in, why);
}

Test(ingest, record_forms_and_errors)
{
    struct ingest_input in;
    const char *why;
    cr_expect_eq(record("{\"text\":\"x\",\"url\":\"u\",\"extra\":1}", &in, &why), INGEST_OK);
    cr_expect_str_eq(in.text, "x");
    cr_expect_str_eq(in.url, "u");
    ingest_input_clear(&in);
    ingest_input_clear(&in); /* twice is fine */

    cr_expect_eq(record("{\"title\":\"T\",\"body\":\"B\",\"published_at\":null}", &in, &why),
                 INGEST_OK);
    cr_expect_str_eq(in.title, "T");
    cr_expect_null(in.published_at);
    ingest_input_clear(&in);

    cr_expect_eq(record("{\"text\":\"a\",\"text\":\"b\"}", &in, &why), INGEST_BAD_INPUT);
    cr_expect_str_eq(why, "the record has a duplicate key");
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"url\":\"u\"}", &in, &why), INGEST_BAD_INPUT, "missing text");
    cr_expect_not_null(why);
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"title\":\"only\"}", &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"text\":42}", &in, &why), INGEST_BAD_INPUT);
    cr_expect_str_eq(why, "\"text\" must be a string");
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"text\":\"x\",\"url\":[]}", &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
    cr_expect_eq(record("[\"text\"]", &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"text\":", &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"text\":\"a\\u0000b\"}", &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
    cr_expect_eq(record("{\"text\":\"\xff\"}", &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
    memset(&in, 0, sizeof in);
    cr_expect_eq(ingest_record_parse("", 0, &in, &why), INGEST_BAD_INPUT);
    ingest_input_clear(&in);
}

static enum ingest_rc run_text(const char *text, struct article *a, const char **why)
{
    struct ingest_input in = {0};
    in.text = (char *)(uintptr_t)text;
    memset(a, 0, sizeof *a);
    *why = NULL;
    return ingest_run(&in, a, why);
}

Test(ingest, refusals_carry_a_reason)
{
    struct article a;
    const char *why;
    struct ingest_input in = {0};
    cr_expect_eq(ingest_run(&in, &a, &why), INGEST_BAD_INPUT, "neither text nor body");
    cr_expect_not_null(why);
    cr_expect_eq(run_text("", &a, &why), INGEST_NO_ARTICLE);
    cr_expect_str_eq(why, "the text is empty");
    article_clear(&a);
    cr_expect_eq(run_text("Home\nNews\nSport\n", &a, &why), INGEST_NO_ARTICLE);
    cr_expect_not_null(why);
    article_clear(&a);
    cr_expect_eq(
        run_text("Bad \xc3\x28 byte in a long enough line of article text here.", &a, &why),
        INGEST_BAD_INPUT);
    article_clear(&a);
}

Test(ingest, record_metadata_wins_over_the_text)
{
    struct ingest_input in = {0};
    struct article a = {0};
    const char *why;
    in.text = strdup("A headline\n\nPublished 12 Feb 2026\n\nThe council met on Monday and "
                     "approved the budget for next year after a long debate.\n");
    in.published_at = strdup("2026-02-13T09:00:00Z");
    in.url = strdup("https://example.test/a");
    cr_assert_eq(ingest_run(&in, &a, &why), INGEST_OK);
    cr_expect_str_eq(a.published_at, "2026-02-13T09:00:00Z");
    cr_expect_str_eq(a.url, "https://example.test/a");
    cr_expect_str_eq(a.title, "A headline");
    cr_expect_eq(a.word_count, 16);
    article_clear(&a);
    article_clear(&a);
    ingest_input_clear(&in);
}

/* Hostile shapes must neither crash nor take long: unbalanced and odd marks. */
Test(ingest, odd_marks_and_shapes)
{
    static const char *const texts[] = {
        "\"\"\"\"\"\n\n\xe2\x80\x9c\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\x9d said he.",
        "T\n\n\xe2\x80\x9c"
        "a b c d e f g h said. \xe2\x80\x9c\n\n\xe2\x80\x9c\n\n\xe2\x80\x9d",
        "Title here\n\nBy\n\nBy , and ,\n\n\xe2\x80\x94 \xe2\x80\x94 \xe2\x80\x94 said said said "
        "said, according to, adding. He said: \"x\" she said. They said. It said.",
        "A\n\n\xe2\x80\x9cOne two three four five,\xe2\x80\x9d "
        "said\n\n\xe2\x80\x9cSix.\xe2\x80\x9d",
        "WASHINGTON \xe2\x80\x94\n\nWASHINGTON \xe2\x80\x94 \xe2\x80\x9c\" said the Mr. U.S. of "
        "Bank of of of the the Zed, a, b, c, said.",
        "Title\n\n'Single' quotes 'only' here, he said, with words enough to be a paragraph.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        struct article a;
        const char *why;
        enum ingest_rc rc = run_text(texts[i], &a, &why);
        cr_expect(rc == INGEST_OK || rc == INGEST_NO_ARTICLE, "case %zu: rc %d", i, rc);
        for (size_t k = 0; k < a.n_quotes; k++)
            cr_expect(a.quotes[k].start <= a.quotes[k].end);
        article_clear(&a);
    }
}

/* Single-mark copy where an apostrophe ("rock 'n' roll") pairs with the wrong
 * mark: the closing mark left over before "said X" is no subject, so the next
 * quotation's source as written was "'" (found by fuzzing). A source as
 * written always holds a word. */
Test(ingest, a_stray_mark_is_no_subject)
{
    static const char text[] =
        "Harbour plan\n\n"
        "FALMOUTH \xe2\x80\x94 The harbour master, Sean Smith, said on Monday the pier "
        "would close.\n\n"
        "'We can't keep it open,' Mr Smith said.\n\n"
        "'It's rock 'n' roll to them,' said Mary Jones. 'They don't care about the town.'\n";
    struct article a;
    const char *why;
    cr_assert_eq(run_text(text, &a, &why), INGEST_OK);
    cr_expect_geq(a.n_quotes, 2);
    for (size_t k = 0; k < a.n_quotes; k++) {
        const char *st = a.quotes[k].speaker_text;
        if (!st)
            continue;
        bool word = false;
        for (const char *c = st; *c; c++)
            word = word || (unsigned char)*c >= 0x80 || ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z');
        cr_expect(word, "quote %zu (%s): source as written \"%s\"", k, a.quotes[k].text, st);
    }
    article_clear(&a);
}

/* A 1 MiB single line holding 100,000 quote marks is read whole (its time:
 * bench-extract's "quote marks" shape). */
Test(ingest, many_quote_marks_are_read)
{
    size_t n = 1 << 20;
    char *s = malloc(n + 64);
    cr_assert_not_null(s);
    memcpy(s, "Headline of the test\n\n", 22);
    size_t i = 22, marks = 0;
    static const char *const pieces[] = {"\"Yes,\" he said ", "\xe2\x80\x9cno\xe2\x80\x9d ",
                                         "said Smith \"", "Jones, a man, said \" "};
    for (size_t k = 0; i + 40 < n; k++) {
        const char *p = pieces[k % 4];
        size_t l = strlen(p);
        memcpy(s + i, p, l);
        i += l;
        marks += k % 4 == 0 ? 2 : k % 4 == 1 ? 2 : 1;
    }
    memcpy(s + i, "end.", 5);
    cr_assert_geq(marks, 100000);
    struct article a;
    const char *why;
    cr_assert_eq(run_text(s, &a, &why), INGEST_OK, "%s", why ? why : "");
    cr_expect_geq(a.n_quotes, 20000, "%zu quotations", a.n_quotes);
    article_clear(&a);
    free(s);
}

/* A record's title may be as long as the body cap allows. 40,000 quotations in
 * a 320 KB title took 10 s (each was searched for from the title's start, its
 * code point offsets counted from there, and its text compared with every body
 * quotation); now the run stays linear. */
Test(ingest, many_title_quotations_keep_their_offsets)
{
    static const char *const pieces[] = {"'a' ", "\xe2\x80\x9cWe b c d\xe2\x80\x9d "};
    struct buf title = {0}, body = {0};
    for (int k = 0; k < 40000; k++)
        cr_assert(buf_puts(&title, pieces[k % 2]));
    cr_assert(buf_puts(&body, "The mayor, Mary Jones, said on Monday the pier would be rebuilt. "));
    for (int k = 0; k < 2000; k++)
        cr_assert(
            buf_printf(&body, "Aide%d Roe%d said \xe2\x80\x9cWe b c %d\xe2\x80\x9d. ", k, k, k));
    struct ingest_input in = {0};
    in.title = title.data;
    in.body = body.data;
    struct article a = {0};
    const char *why = NULL;
    cr_assert_eq(ingest_run(&in, &a, &why), INGEST_OK, "%s", why ? why : "");
    cr_expect_geq(a.n_quotes, 40000);
    /* the last title quotation's offsets are those of its place in the title */
    size_t last = 0;
    for (size_t k = 0; k < a.n_quotes; k++)
        if (a.quotes[k].paragraph == QUOTE_IN_TITLE)
            last = k;
    const struct quote *q = &a.quotes[last];
    size_t b0 = 0, cp = 0;
    while (a.title[b0] && cp < (size_t)q->start) {
        b0++;
        while (((unsigned char)a.title[b0] & 0xC0) == 0x80)
            b0++;
        cp++;
    }
    cr_expect_eq(strncmp(a.title + b0, q->text, strlen(q->text)), 0);
    cr_expect_eq((size_t)q->end, ingest_cp_count(a.title, strlen(a.title)) - 1);
    article_clear(&a);
    buf_clear(&title);
    buf_clear(&body);
}

/* Runs head + piece repeated to n bytes; *pieces gets how many. */
static enum ingest_rc run_repeated(const char *head, const char *piece, size_t n,
                                   struct article *a, size_t *pieces)
{
    struct buf b = {0};
    cr_assert(buf_puts(&b, head));
    for (*pieces = 0; b.len + strlen(piece) < n; ++*pieces)
        cr_assert(buf_puts(&b, piece));
    const char *why;
    enum ingest_rc rc = run_text(b.data, a, &why);
    buf_clear(&b);
    return rc;
}

/* 1 MiB of two-word names and no organisation: every pair is a person (the
 * company short-form check once scanned every candidate for each person; its
 * time is bench-extract's "names" shape). */
Test(ingest, many_names_without_organisations_are_people)
{
    struct article a;
    size_t n;
    cr_assert_eq(run_repeated("Names of the test\n\n", "Anna Berg met Carl Dunn. ", 1u << 20, &a, &n),
                 INGEST_OK);
    cr_expect_eq(a.n_entities, 2, "%zu entities", a.n_entities);
    for (size_t e = 0; e < a.n_entities; e++)
        cr_expect_eq(a.entities[e].type, ENTITY_PERSON, "%s", a.entities[e].name);
    article_clear(&a);
}

/* A run of one-word participle cues before a quotation ("adding saying adding
 * saying ... \u201c...\u201d") overflowed the stack: each participle looked for a
 * cue right before it by recursing, down the whole paragraph. */
Test(ingest, participle_runs_do_not_recurse)
{
    struct buf b = {0};
    cr_assert(buf_puts(&b, "Participles of the test\n\nJo Roe said "));
    while (b.len < (1u << 20) - 64)
        cr_assert(buf_puts(&b, "adding saying "));
    cr_assert(buf_puts(&b, "\xe2\x80\x9cit is fine.\xe2\x80\x9d\n"));
    struct article a;
    const char *why;
    cr_assert_eq(run_text(b.data, &a, &why), INGEST_OK, "%s", why ? why : "");
    cr_expect_eq(a.n_quotes, 1);
    article_clear(&a);
    buf_clear(&b);
}

/* One paragraph of many "the senator said" quotations after organisations
 * only: every quotation is found and attributed as written (each description
 * once looked for the paragraph's one person over every mention before it;
 * the time is bench-extract's "role cues" shape). */
Test(ingest, many_role_quotations_in_a_paragraph_are_each_attributed)
{
    struct article a;
    size_t n;
    cr_assert_eq(run_repeated("Senators of the test\n\n",
                              "Acme Corp. \xe2\x80\x9cYes,\xe2\x80\x9d the senator said. ", 1u << 18,
                              &a, &n),
                 INGEST_OK);
    cr_expect_eq(a.n_quotes, n);
    for (size_t k = 0; k < a.n_quotes; k++)
        cr_expect(a.quotes[k].speaker_text && a.quotes[k].cue, "quotation %zu", k);
    article_clear(&a);
}

/* One paragraph of many "but a spokesperson said" after the organisation
 * that opens each sentence: every quotation speaks for that organisation
 * (each bare "a spokesperson" once walked every mention from the
 * paragraph's start, quadratic: 15 s for this 1 MiB, 0.35 s now). */
Test(ingest, many_bare_spokespeople_in_a_paragraph_speak_for_the_organisation)
{
    struct article a;
    size_t n;
    cr_assert_eq(run_repeated("Spokespeople of the test\n\n",
                              "The Department of Agriculture declined to comment, but a "
                              "spokesperson said \xe2\x80\x9cwe are reviewing it.\xe2\x80\x9d ",
                              1u << 20, &a, &n),
                 INGEST_OK);
    cr_expect_eq(a.n_quotes, n);
    for (size_t k = 0; k < a.n_quotes; k++)
        cr_expect(a.quotes[k].speaker_name && a.quotes[k].speaker_type == ENTITY_ORGANIZATION,
                  "quotation %zu", k);
    article_clear(&a);
}

/* Many organisations and many one-word subjects ("Critics said"): each
 * quotation is found with "Critics" as its source (the subject was once
 * compared with every entity's first word; bench-extract's "one-word
 * subjects" shape). */
Test(ingest, one_word_subjects_among_many_organisations_are_attributed)
{
    struct buf b = {0};
    cr_assert(buf_puts(&b, "Critics of the test\n\n"));
    size_t n = 0;
    for (unsigned k = 0; b.len < (1u << 18); k++, n++)
        cr_assert(buf_printf(&b,
                             "B%c%c%c%cco Labs grew. Critics said \xe2\x80\x9cit works.\xe2\x80\x9d ",
                             'a' + k % 26, 'a' + k / 26 % 26, 'a' + k / 676 % 26,
                             'a' + k / 17576 % 26));
    struct article a;
    const char *why;
    cr_assert_eq(run_text(b.data, &a, &why), INGEST_OK, "%s", why ? why : "");
    cr_expect_eq(a.n_quotes, n);
    for (size_t k = 0; k < a.n_quotes; k++)
        cr_expect(a.quotes[k].speaker_text && strcmp(a.quotes[k].speaker_text, "Critics") == 0,
                  "quotation %zu: %s", k, a.quotes[k].speaker_text ? a.quotes[k].speaker_text : "-");
    article_clear(&a);
    buf_clear(&b);
}

/* An acronym in parentheses after an organisation is pushed as a second
 * candidate while the organisation's is still in use; with the organisation
 * at every position around the candidate array's first growth (64), the
 * acronym still names it (under ASan, a stale pointer into the old array
 * would be caught). */
Test(ingest, acronym_after_organisation_at_array_growth)
{
    for (int k = 50; k < 80; k++) {
        struct buf b = {0};
        cr_assert(buf_puts(&b, "Water board names a new chief\n\n"));
        for (int i = 0; i < k; i++)
            cr_assert(buf_printf(&b, "Member%c%c Roe%c%c voted. ", 'a' + i % 26, 'a' + i / 26,
                                 'a' + i % 26, 'a' + i / 26));
        cr_assert(buf_puts(&b, "The Harbour Water Agency (HWA) said on Monday it would "
                               "appoint a chief. HWA did not say when.\n"));
        struct article a;
        const char *why;
        cr_assert_eq(run_text(b.data, &a, &why), INGEST_OK, "%s", why ? why : "");
        bool found = false;
        for (size_t e = 0; e < a.n_entities; e++)
            found = found || (strcmp(a.entities[e].name, "Harbour Water Agency") == 0 &&
                              a.entities[e].type == ENTITY_ORGANIZATION);
        cr_expect(found, "with %d names before it", k);
        article_clear(&a);
        buf_clear(&b);
    }
}

/* A 1,000-word article of 26 attributed paragraphs: all its words counted and
 * every quotation found (its time is bench-extract's 1,000-word row). */
Test(ingest, thousand_words_are_read_whole)
{
    struct buf b = {0};
    cr_assert(buf_puts(&b, "Council approves the budget\n\nBy Jane Roe\n\n"));
    for (int p = 0; p < 26; p++) {
        cr_assert(buf_printf(&b,
                             "Mayor Ann Lee met council members on Monday in Springfield "
                             "to discuss paragraph %d of the budget, aides said. \xe2\x80\x9cWe "
                             "will balance it,\xe2\x80\x9d she said, adding that the vote was "
                             "close and the city would borrow less next year.\n\n",
                             p));
    }
    struct article a;
    const char *why;
    cr_assert_eq(run_text(b.data, &a, &why), INGEST_OK);
    cr_expect_geq(a.word_count, 900, "%lld words", (long long)a.word_count);
    cr_expect_eq(a.n_quotes, 26);
    article_clear(&a);
    buf_clear(&b);
}

/* Capitals beyond Latin-1 start names: Romanian, Vietnamese, pinyin,
 * Ukrainian and accented Greek letters are cased, each with its small form. */
Test(ingest, capitals_beyond_latin_1_are_cased)
{
    static const uint32_t pairs[][2] = {
        {0x218, 0x219},   /* Ș ș */
        {0x21A, 0x21B},   /* Ț ț */
        {0x1F4, 0x1F5},   /* Ǵ ǵ */
        {0x1CD, 0x1CE},   /* Ǎ ǎ */
        {0x1EA0, 0x1EA1}, /* Ạ ạ */
        {0x1E80, 0x1E81}, /* Ẁ ẁ */
        {0x490, 0x491},   /* Ґ ґ */
        {0x100, 0x101},   /* Ā ā */
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        cr_expect(ingest_cp_is_upper_wide(pairs[i][0]), "U+%04X upper", pairs[i][0]);
        cr_expect_not(ingest_cp_is_lower_wide(pairs[i][0]), "U+%04X not lower", pairs[i][0]);
        cr_expect(ingest_cp_is_lower_wide(pairs[i][1]), "U+%04X lower", pairs[i][1]);
        cr_expect_not(ingest_cp_is_upper_wide(pairs[i][1]), "U+%04X not upper", pairs[i][1]);
    }
    cr_expect(ingest_cp_is_upper_wide(0x386), "Ά");
    cr_expect_not(ingest_cp_is_upper_wide(0x3AC), "ά");
    struct article a;
    const char *why;
    cr_assert_eq(run_text("Talks resume\n\nTalks with \xc8\x98tefan Popescu resumed on Monday "
                          "after a long pause in the capital city.\n",
                          &a, &why),
                 INGEST_OK);
    bool found = false;
    for (size_t e = 0; e < a.n_entities; e++)
        found = found || (strcmp(a.entities[e].name, "\xc8\x98tefan Popescu") == 0 &&
                          a.entities[e].type == ENTITY_PERSON);
    cr_expect(found, "\u0218tefan Popescu is a person");
    article_clear(&a);
}

/* A capitals dateline town is cased beyond ASCII and named as the listed
 * place: "TROMSØ" and a later "Tromso" are one entity, "Tromsø"; an unlisted
 * "ȘTEFĂNEȘTI" is "Ștefănești". */
Test(ingest, capitals_dateline_town_is_cased_and_listed)
{
    struct article a;
    const char *why;
    cr_assert_eq(run_text("Harbour reopens\n\nTROMS\xc3\x98, Norway \xe2\x80\x94 The harbour "
                          "reopened on Monday. Ferries to Tromso resume next week.\n\n"
                          "\xc8\x98TEF\xc4\x82NE\xc8\x98TI, Romania \xe2\x80\x94 Farmers "
                          "in the town met on Tuesday.\n",
                          &a, &why),
                 INGEST_OK);
    size_t places = 0;
    bool troms = false, stef = false;
    for (size_t e = 0; e < a.n_entities; e++) {
        if (a.entities[e].type != ENTITY_PLACE)
            continue;
        places++;
        troms = troms || strcmp(a.entities[e].name, "Troms\xc3\xb8") == 0;
        stef = stef || strcmp(a.entities[e].name, "\xc8\x98tef\xc4\x83ne\xc8\x99ti") == 0;
    }
    cr_expect(troms, "Troms\u00f8 named by its own spelling");
    cr_expect(stef, "\u0218tef\u0103ne\u0219ti cased");
    cr_expect_eq(places, 4, "Troms\u00f8, Norway, \u0218tef\u0103ne\u0219ti, Romania");
    article_clear(&a);
}

/* The word lists are searched by bisection, so they must stay sorted. */
Test(ingest, word_lists_are_sorted)
{
    cr_expect(ingest_text_lists_sorted());
    cr_expect(ingest_quotes_lists_sorted());
    cr_expect(ingest_entities_lists_sorted());
    cr_expect(ingest_headline_lists_sorted());
    static const char *const l[] = {"and", "but", "or"};
    cr_expect(ingest_word_in(l, 3, "But", 3));
    cr_expect_not(ingest_word_in(l, 3, "nor", 3));
}
