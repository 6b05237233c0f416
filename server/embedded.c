/* embedded.c: lookup over the files tools/embed.sh compiled in. */
#include "newsd/embedded.h"

#include <string.h>

const char *embedded_doc_get(const char *name)
{
    for (size_t i = 0; i < embedded_docs_count; i++)
        if (strcmp(embedded_docs[i].name, name) == 0)
            return embedded_docs[i].text;
    return NULL;
}
