/* fuzz.h: what the fuzz targets of tests/fuzz/ share: the libFuzzer entry
 * point, an invariant check that aborts (so both libFuzzer and the replay
 * runner report it with a stack), input splitting, and a seeded in-memory
 * store. The targets themselves live one per file (fuzz_<name>.c). */
#ifndef NEWSD_FUZZ_H
#define NEWSD_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct article;
struct req;
struct store;

/* The libFuzzer entry point each fuzz_<name>.c defines. Returns 0; a broken
 * invariant aborts through FUZZ_CHECK. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with file:line and the failed condition when cond is false. assert()
 * would vanish under NDEBUG; an invariant of a fuzz target must not. */
#define FUZZ_CHECK(cond) ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
void fuzz_fail(const char *file, int line, const char *what) __attribute__((noreturn));

/* A NUL-terminated copy of the size bytes at data (which may hold NULs).
 * Aborts when memory runs out: the targets have nothing useful to do then. */
char *fuzz_strndup(const uint8_t *data, size_t size);

/* Splits s in place at every sep into at most max parts (the last part keeps
 * any further separators). Returns the number of parts, at least 1. */
size_t fuzz_split(char *s, char sep, char **parts, size_t max);

/* Checks what every extracted (or stored) article promises, aborting on the
 * first broken promise: all text is valid UTF-8; body is the paragraphs joined
 * by blank lines; counts match the arrays; each quote's paragraph exists (or
 * is QUOTE_IN_TITLE/_SUBTITLE) and its [start, end) code points of the body
 * (or of the title/subtitle) hold exactly its text and, in the body, lie
 * inside that paragraph; a speaker as written holds a letter or digit; and
 * both API
 * views of it serialise to JSON. */
void fuzz_article_check(const struct article *a);

/* Fills rq (zeroed here; req_clear frees the parameters) from s, modified in
 * place, the way the daemon would from a request line:
 *   [METHOD ' '] ['/'PATH] ['?'] QUERY
 * METHOD is one of GET HEAD POST PUT DELETE OPTIONS (GET when absent); PATH
 * defaults to dflt_path; QUERY is name=value pairs split on '&' (a pair with
 * no '=' has an empty value; empty pairs are skipped). Past HTTP_MAX_PARAMS
 * pairs, too_many_params is set, as the daemon does. Returns false when the
 * path or a pair is not valid UTF-8: the daemon answers 400 before any
 * parser runs, so such input never reaches them. */
bool fuzz_req_build(struct req *rq, char *s, const char *dflt_path);

/* Known, reported, not yet fixed bugs, so that a long fuzzing run can look
 * past them: true when the environment has FUZZ_SKIP_KNOWN=1 (`make fuzz`
 * sets it; the replay never does, so the reproducers in tests/fuzz/known/
 * keep failing until the fix). A target tests it where it would otherwise
 * stop on a known finding, with a comment naming the finding. */
bool fuzz_skip_known_on(void);

/* A migrated store (":memory:" unless fuzz_store_use_file was called) holding
 * a few extracted articles (quotes, entities, authors, sections), opened on
 * first use and closed at exit. Every target that needs rows reads this one;
 * targets that write must leave it as they found it. */
struct store *fuzz_store_seeded(void);
/* Called before the first fuzz_store_seeded: the seeded store becomes a file
 * (/dev/shm/newsd-fuzz-<pid>.db, removed at exit, and by the next process
 * when libFuzzer ended this one without exit handlers), for code that opens
 * its own connection by path (the NDJSON/CSV exports). */
void fuzz_store_use_file(void);
/* The path the seeded store is (to be) opened at: ":memory:" or the file. */
const char *fuzz_store_path(void);

#endif
