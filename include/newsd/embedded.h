/* embedded.h: files compiled into the binary by tools/embed.sh (migrations and
 * the OpenAPI document), so newsd needs no data directory at run time. The
 * gazetteers are compiled separately, into a hash table (tools/gen_gazetteer.py). */
#ifndef NEWSD_EMBEDDED_H
#define NEWSD_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
    const char *name; /* base name: "0001_init.sql" */
    const char *text; /* whole file, NUL-terminated */
};

/* migrations/NNNN_name.sql, in file name order. */
extern const struct embedded_file embedded_migrations[];
extern const size_t embedded_migrations_count;

/* docs/openapi.json, served at GET /openapi.json. */
extern const struct embedded_file embedded_docs[];
extern const size_t embedded_docs_count;

/* Returns the embedded document with this base name, or NULL. */
const char *embedded_doc_get(const char *name);

#endif
