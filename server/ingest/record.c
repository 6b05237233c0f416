/* record.c: one JSON ingest record ({"text"} or {"title","body"}, plus "url",
 * "published_at", "source") -> struct ingest_input. Strict about what it reads
 * (duplicate keys, types, UTF-8), silent about fields it does not know. */
#include "ingest_internal.h"

#include <jansson.h>
#include <string.h>

void ingest_input_clear(struct ingest_input *in)
{
    if (!in)
        return;
    free(in->text);
    free(in->title);
    free(in->body);
    free(in->url);
    free(in->published_at);
    free(in->source);
    memset(in, 0, sizeof *in);
}

/* Copies the string member key of obj into *dst. A missing member or JSON null
 * leaves *dst NULL. Returns INGEST_OK, INGEST_BAD_INPUT (reason set) or NOMEM. */
static enum ingest_rc member_take(json_t *obj, const char *key, char **dst, const char *type_reason,
                                  const char **reason)
{
    json_t *v = json_object_get(obj, key); /* borrowed */
    if (!v || json_is_null(v))
        return INGEST_OK;
    if (!json_is_string(v)) {
        *reason = type_reason;
        return INGEST_BAD_INPUT;
    }
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (!s || !ingest_text_is_valid(s, n)) {
        *reason = "the record holds text that is not valid UTF-8 or contains a NUL character";
        return INGEST_BAD_INPUT;
    }
    *dst = util_strndup(s, n);
    return *dst ? INGEST_OK : INGEST_NOMEM;
}

enum ingest_rc ingest_record_parse(const char *json, size_t len, struct ingest_input *in,
                                   const char **reason)
{
    const char *why = NULL;
    enum ingest_rc rc = INGEST_BAD_INPUT;
    json_error_t err;
    json_t *root = NULL;

    if (!json || len == 0) {
        why = "the record is empty";
        goto out;
    }
    if (!ingest_text_is_valid(json, len)) {
        why = "the record is not valid UTF-8 or contains a NUL byte";
        goto out;
    }
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (json_error_code(&err) == json_error_duplicate_key)
            why = "the record has a duplicate key";
        else if (json_error_code(&err) == json_error_out_of_memory) {
            rc = INGEST_NOMEM;
            why = "out of memory";
        } else
            why = "the record is not valid JSON";
        goto out;
    }
    if (!json_is_object(root)) {
        why = "the record must be a JSON object";
        goto out;
    }
    static const struct {
        const char *key;
        size_t off;
        const char *type_reason;
    } fields[] = {
        {"text", offsetof(struct ingest_input, text), "\"text\" must be a string"},
        {"title", offsetof(struct ingest_input, title), "\"title\" must be a string"},
        {"body", offsetof(struct ingest_input, body), "\"body\" must be a string"},
        {"url", offsetof(struct ingest_input, url), "\"url\" must be a string"},
        {"published_at", offsetof(struct ingest_input, published_at),
         "\"published_at\" must be a string"},
        {"source", offsetof(struct ingest_input, source), "\"source\" must be a string"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        char **dst = (char **)((char *)in + fields[i].off);
        rc = member_take(root, fields[i].key, dst, fields[i].type_reason, &why);
        if (rc != INGEST_OK) {
            if (rc == INGEST_NOMEM)
                why = "out of memory";
            goto out;
        }
    }
    rc = INGEST_BAD_INPUT;
    if (!in->text && !in->body) {
        why = in->title ? "the record has a title but no body"
                        : "the record needs \"text\", or \"title\" and \"body\"";
        goto out;
    }
    rc = INGEST_OK;
out:
    json_decref(root);
    if (rc != INGEST_OK && reason)
        *reason = why;
    return rc;
}
