#!/usr/bin/env python3
"""Writes docs/openapi.json, the OpenAPI 3.1 description of newsd's API.

The document is data kept here as Python for brevity; `make` embeds the JSON
into the binary (GET /openapi.json), and a unit test checks that it lists the
same routes as the router's table. Run: python3 tools/gen_openapi.py
"""
import json
import os

def ref(name):
    return {"$ref": "#/components/schemas/" + name}

def param(name, where, schema, desc, required=False):
    p = {"name": name, "in": where, "schema": schema, "description": desc}
    if required or where == "path":
        p["required"] = True
    return p

ID = {"type": "integer", "format": "int64", "minimum": 1}
STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
INT = {"type": "integer"}
TIME = {"type": "string", "description": "ISO 8601 date or date-time"}

id_path = param("id", "path", ID, "A positive 64-bit id.")
limit = param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
              "Page size.")
cursor = param("cursor", "query", STR, "Opaque cursor from meta.next_cursor.")
fields = param("fields", "query", STR, "Comma-separated field names to keep in each item.")
frm = param("from", "query", TIME, "Inclusive lower bound on published_at.")
to = param("to", "query", TIME, "Inclusive upper bound on published_at (a date means the whole day).")

def problem(status, desc):
    return {"description": desc,
            "content": {"application/problem+json": {"schema": ref("Problem")}}}

def ok(schema, desc="OK"):
    return {"description": desc, "content": {"application/json": {"schema": schema}},
            "headers": {"ETag": {"schema": STR}}}

def listof(item):
    return {"type": "object", "required": ["data", "meta", "links"],
            "properties": {"data": {"type": "array", "items": ref(item)},
                           "meta": ref("ListMeta"), "links": ref("ListLinks")}}

ERR_LIST = {"400": problem(400, "Bad parameter, unknown parameter or forged cursor"),
            "503": problem(503, "Busy or shutting down")}
ERR_ONE = {"400": problem(400, "Bad id or parameter"), "404": problem(404, "No such id"),
           "503": problem(503, "Busy or shutting down")}

def get(op_id, summary, params, resp, errors):
    r = {"200": resp, "304": {"description": "Not modified (If-None-Match)"}}
    r.update(errors)
    return {"get": {"operationId": op_id, "summary": summary, "parameters": params,
                    "responses": r}}

paths = {
    "/articles": get("listArticles", "Article summaries, newest first",
        [limit, cursor, fields,
         param("q", "query", STR, 'Full-text search: words, "phrases", OR, -word, prefix*.'),
         param("entity", "query", ID, "Articles mentioning this entity."),
         param("speaker", "query", ID, "Articles quoting this entity."),
         param("section", "query", STR, "Exact section label."),
         param("author", "query", STR, "Author name, exact, case-insensitive in every alphabet."),
         frm, to,
         param("sort", "query", {"enum": ["-published_at", "published_at", "relevance"]},
               "Order; relevance (the default with q) needs q.")],
        ok(listof("ArticleSummary")), ERR_LIST),
    "/articles/{id}": get("getArticle", "One article in full", [id_path, fields],
                          ok(ref("Article")), ERR_ONE),
    "/articles/{id}/quotes": get("listArticleQuotes", "The article's quotes, in order",
                                 [id_path, limit, cursor, fields], ok(listof("Quote")), ERR_ONE),
    "/articles/{id}/entities": get("listArticleEntities",
                                   "The article's entities, most mentioned first",
                                   [id_path, limit, cursor, fields],
                                   ok(listof("ArticleEntity")), ERR_ONE),
    "/quotes": get("listQuotes", "Quotes, newest article first",
                   [limit, cursor, fields,
                    param("q", "query", STR, "Full-text search on the quote text."),
                    param("speaker", "query", ID, "Quotes by this entity."),
                    param("article", "query", ID, "Quotes of this article."), frm, to,
                    param("group", "query", {"enum": ["canonical"]},
                          "One item per distinct quotation (QuoteGroup items); takes only "
                          "limit, cursor and fields.")],
                   ok({"oneOf": [listof("Quote"), listof("QuoteGroup")]}), ERR_LIST),
    "/quotes/{id}": get("getQuote", "One quote with its speaker and article", [id_path, fields],
                        ok(ref("QuoteWithArticle")), ERR_ONE),
    "/entities": get("listEntities", "Entities, most mentioned first",
                     [limit, cursor, fields,
                      param("type", "query", {"enum": ["person", "organization", "place"]},
                            "Entity type."),
                      param("q", "query", STR, "Case-insensitive prefix of a name or alias."),
                      param("sort", "query", {"enum": ["-mentions", "name"]}, "Order.")],
                     ok(listof("Entity")), ERR_LIST),
    "/entities/{id}": get("getEntity", "One entity", [id_path, fields], ok(ref("Entity")), ERR_ONE),
    "/entities/{id}/quotes": get("listEntityQuotes", "What this entity said",
                                 [id_path, limit, cursor, fields, frm, to],
                                 ok(listof("Quote")), ERR_ONE),
    "/entities/{id}/articles": get("listEntityArticles", "Articles that mention this entity",
                                   [id_path, limit, cursor, fields],
                                   ok(listof("ArticleSummary")), ERR_ONE),
    "/health": {"get": {"operationId": "health", "summary": "Liveness",
                        "responses": {"200": {"description": "Alive", "content": {
                            "application/json": {"schema": {"type": "object", "properties": {
                                "status": {"const": "ok"}}}}}}}}},
    "/ready": {"get": {"operationId": "ready", "summary": "Database open and migrated",
                       "responses": {"200": {"description": "Ready", "content": {
                           "application/json": {"schema": {"type": "object", "properties": {
                               "status": {"const": "ready"}}}}}},
                           "503": problem(503, "Not ready or shutting down")}}},
    "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus text format",
                         "responses": {"200": {"description": "Metrics", "content": {
                             "text/plain": {"schema": STR}}}}}},
    "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document",
                              "responses": {"200": {"description": "OpenAPI 3.1",
                                                    "content": {"application/json": {}}}}}},
}

security = [{"bearer": []}]
write_errors = {"400": problem(400, "Invalid UTF-8, malformed JSON or a bad record"),
                "401": problem(401, "Missing or wrong API key"),
                "403": problem(403, "Writes are disabled"),
                "413": problem(413, "Body too large"),
                "503": problem(503, "Busy, disk full or shutting down")}
post_resp = {"201": {"description": "Stored", "headers": {"Location": {"schema": STR}},
                     "content": {"application/json": {"schema": ref("Article")}}},
             "200": {"description": "Already stored (same content or url)",
                     "content": {"application/json": {"schema": ref("Article")}}},
             "415": problem(415, "Not text/plain or application/json"),
             "422": problem(422, "No article in the text")}
post_resp.update(write_errors)
paths["/articles"]["post"] = {
    "operationId": "createArticle", "summary": "Ingest one article", "security": security,
    "requestBody": {"required": True, "content": {
        "text/plain": {"schema": STR},
        "application/json": {"schema": ref("ArticleRecord")}}},
    "responses": post_resp}
del_resp = {"204": {"description": "Deleted"}, "404": problem(404, "No such article")}
del_resp.update(write_errors)
del del_resp["413"]
paths["/articles/{id}"]["delete"] = {
    "operationId": "deleteArticle", "summary": "Remove an article and what only it refers to",
    "security": security, "parameters": [id_path], "responses": del_resp}

speaker = {"type": ["object", "null"], "required": ["id", "name", "type"],
           "properties": {"id": ID, "name": STR,
                          "type": {"enum": ["person", "organization", "place"]}}}
summary_props = {
    "id": ID, "url": NSTR, "title": NSTR, "subtitle": NSTR, "section": NSTR,
    "authors": {"type": "array", "items": STR}, "dateline": NSTR, "published_at": NSTR,
    "word_count": INT, "quote_count": INT, "entity_count": INT, "ingested_at": STR,
    "snippet": {"type": "string", "description": "With q: a plain-text excerpt."},
    "highlights": {"type": "array", "description": "With q: [start, end) code point ranges of the matched words in snippet.",
                   "items": {"type": "array", "items": INT, "minItems": 2, "maxItems": 2}}}
entity_props = {"id": ID, "name": STR, "type": {"enum": ["person", "organization", "place"]},
                "aliases": {"type": "array", "items": STR},
                "titles": {"type": "array", "items": STR},
                "article_count": INT, "mention_count": INT, "quote_count": INT}
quote_props = {"id": ID, "article_id": ID, "text": STR, "speaker": speaker,
               "speaker_text": NSTR, "cue": NSTR, "kind": {"enum": ["full", "partial"]},
               "paragraph": {"type": ["integer", "null"],
                             "description": "Index in paragraphs; null when part is title or subtitle"},
               "part": {"enum": ["body", "title", "subtitle"],
                        "description": "The text that start and end count in"},
               "start": {"type": "integer", "description": "Code point offset in body"},
               "end": {"type": "integer", "description": "Code point offset in body, exclusive"}}
schemas = {
    "Problem": {"type": "object", "required": ["type", "title", "status"],
                "properties": {"type": STR, "title": STR, "status": INT, "detail": STR,
                               "instance": STR}},
    "ListMeta": {"type": "object", "properties": {"limit": INT, "total": INT,
                                                  "next_cursor": NSTR}},
    "ListLinks": {"type": "object", "properties": {"self": STR, "next": NSTR}},
    "ArticleSummary": {"type": "object", "properties": summary_props},
    "Article": {"allOf": [ref("ArticleSummary"), {"type": "object", "properties": {
        "body": STR, "paragraphs": {"type": "array", "items": STR},
        "quotes": {"type": "array", "items": ref("Quote")},
        "entities": {"type": "array", "items": ref("ArticleEntity")}}}]},
    "Quote": {"type": "object", "properties": quote_props},
    "QuoteWithArticle": {"allOf": [ref("Quote"), {"type": "object", "properties": {
        "article": ref("ArticleSummary")}}]},
    "Entity": {"type": "object", "properties": entity_props},
    "QuoteGroup": {"type": "object", "properties": {
        "id": ID, "text": STR, "occurrences": INT,
        "first_seen": {"type": "string", "description": "Date of the earliest article quoting it"},
        "last_seen": {"type": "string", "description": "Date of the latest article quoting it"},
        "article_ids": {"type": "array", "items": ID, "description": "The first 100"}}},
    "ArticleEntity": {"allOf": [ref("Entity"), {"type": "object", "properties": {
        "mentions": INT}}]},
    "ArticleRecord": {"type": "object", "properties": {
        "text": STR, "title": STR, "body": STR, "url": STR, "published_at": STR, "source": STR},
        "description": "text, or title and body; other fields are ignored"},
}

doc = {"openapi": "3.1.0",
       "info": {"title": "newsd", "version": "0.1.0",
                "description": "News articles, their quotes with speakers, and the people, "
                               "organisations and places they name, as a JSON API."},
       "servers": [{"url": "http://127.0.0.1:8080"}],
       "paths": paths,
       "components": {"schemas": schemas,
                      "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}

out = os.path.join(os.path.dirname(__file__), "..", "docs", "openapi.json")
with open(out, "w", encoding="utf-8") as fh:
    json.dump(doc, fh, indent=2, ensure_ascii=False)
    fh.write("\n")
