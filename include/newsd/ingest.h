/* ingest.h: turns article text into a struct article: structure (boilerplate,
 * section, headline, subtitle, dateline, date, paragraphs, byline), quotes with
 * speakers, and entities. Pure: text in, structs out, no I/O and no globals, so
 * it can be unit-tested and fuzzed alone. Storing is the store's job. */
#ifndef NEWSD_INGEST_H
#define NEWSD_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "newsd/model.h"

/* What one article arrives as. Either text (raw scraped page text) or title and
 * body (already separated) is set. All strings are owned by the struct. */
struct ingest_input {
    char *text;
    char *title;
    char *body;
    char *url;
    char *published_at;
    char *source;
};

enum ingest_rc {
    INGEST_OK = 0,
    INGEST_NO_ARTICLE, /* nothing that looks like an article: reason says why */
    INGEST_BAD_INPUT,  /* invalid UTF-8, NUL bytes, bad record: reason says why */
    INGEST_NOMEM,
};

/* Frees every string; accepts a zeroed struct, twice. */
void ingest_input_clear(struct ingest_input *in);

/* Runs the whole pipeline on in and fills out (caller-owned, zeroed on entry;
 * clear it with article_clear whatever the result). Ids and ingested_at stay
 * unset. On failure *reason (when reason is not NULL) points to a static,
 * client-safe English sentence. url, source and published_at are copied from in;
 * a published_at found in the text is used only when in has none. A date found in
 * the text becomes "2026-03-04T18:12:00-05:00" when it has a time and a known zone
 * (EST, GMT, ET with US daylight saving, +01:00, ...) and "2026-03-04" otherwise;
 * a "Published" date wins over an "Updated" one. Quotes come in reading order:
 * headline, subtitle, body; offsets are code points in body, or in title /
 * subtitle for a quote whose paragraph is QUOTE_IN_TITLE / QUOTE_IN_SUBTITLE.
 * Entities include the authors. */
enum ingest_rc ingest_run(const struct ingest_input *in, struct article *out, const char **reason);

/* Parses one JSON record ({"text"|"title"+"body", "url", "published_at",
 * "source"}) of len bytes into in (zeroed on entry; clear it whatever the
 * result). Unknown fields are ignored; duplicate keys, wrong types, a missing
 * text and invalid UTF-8 are INGEST_BAD_INPUT with a static *reason. */
enum ingest_rc ingest_record_parse(const char *json, size_t len, struct ingest_input *in,
                                   const char **reason);

/* True when the n bytes at s are valid UTF-8 with no NUL byte. */
bool ingest_text_is_valid(const char *s, size_t n);

#endif
