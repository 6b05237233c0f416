-- 0001_init: articles, their authors and paragraphs, entities with aliases and
-- titles, mentions, quotes, and the FTS5 indexes over article text and quotes.
-- sort_at is coalesce(published_at, ingested_at): the "newest first" key, copied
-- into mentions and quotes so that every list is read in index order.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    url           TEXT UNIQUE,
    source        TEXT,
    title         TEXT,            -- NULL when the text had no headline
    subtitle      TEXT,
    section       TEXT,
    dateline      TEXT,
    published_at  TEXT,
    ingested_at   TEXT NOT NULL,
    sort_at       TEXT NOT NULL,
    word_count    INTEGER NOT NULL DEFAULT 0,
    quote_count   INTEGER NOT NULL DEFAULT 0,
    entity_count  INTEGER NOT NULL DEFAULT 0,
    -- Last: a long body spills into overflow pages, and a summary read that
    -- needs no column after it never loads them.
    body          TEXT NOT NULL
);
CREATE INDEX articles_by_sort ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section, sort_at DESC, id DESC);

CREATE TABLE article_paragraphs (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE TABLE article_authors (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    sort_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX article_authors_by_name ON article_authors (name COLLATE NOCASE, sort_at DESC, article_id DESC);

CREATE TABLE entities (
    id             INTEGER PRIMARY KEY,
    type           TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
    name           TEXT NOT NULL,
    article_count  INTEGER NOT NULL DEFAULT 0,
    mention_count  INTEGER NOT NULL DEFAULT 0,
    quote_count    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (type, name)
);
CREATE INDEX entities_by_mentions ON entities (mention_count DESC, id);
CREATE INDEX entities_by_type_mentions ON entities (type, mention_count DESC, id);
CREATE INDEX entities_by_name ON entities (name COLLATE NOCASE, id);

CREATE TABLE entity_aliases (
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_by_alias ON entity_aliases (alias COLLATE NOCASE, entity_id);

-- Every name an entity goes by (its name and aliases), for the
-- case-insensitive prefix match of GET /entities?q=: a range scan.
CREATE TABLE entity_names (
    name       TEXT NOT NULL COLLATE NOCASE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (name, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_by_entity ON entity_names (entity_id);

CREATE TABLE entity_titles (
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    PRIMARY KEY (entity_id, title)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    count       INTEGER NOT NULL,
    quotes      INTEGER NOT NULL DEFAULT 0, -- quotes the entity speaks in the article
    sort_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_by_entity ON mentions (entity_id, sort_at DESC, article_id DESC);
CREATE INDEX mentions_by_speaker ON mentions (entity_id, sort_at DESC, article_id DESC)
    WHERE quotes > 0;
CREATE INDEX mentions_by_article_count ON mentions (article_id, count DESC, entity_id);

-- One row per distinct quotation: the same words after folding case,
-- punctuation and quote marks (canon), wherever and however often they appear.
CREATE TABLE quote_groups (
    id           INTEGER PRIMARY KEY,
    canon        TEXT NOT NULL UNIQUE,
    text         TEXT NOT NULL,     -- as first stored
    occurrences  INTEGER NOT NULL,
    first_seen   TEXT NOT NULL,     -- sort_at of the earliest and latest article
    last_seen    TEXT NOT NULL
);
CREATE INDEX quote_groups_by_last ON quote_groups (last_seen DESC, id DESC);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker_id    INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    speaker_text  TEXT,
    cue           TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('full', 'partial')),
    paragraph     INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    sort_at       TEXT NOT NULL,
    group_id      INTEGER NOT NULL REFERENCES quote_groups (id) ON DELETE CASCADE,
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_by_group ON quotes (group_id, sort_at);
CREATE INDEX quotes_by_sort ON quotes (sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, sort_at DESC, article_id DESC, position);

-- Full-text indexes over external content, so the text is stored once. The
-- store adds an article's rows last in its transaction (FTS5 flushes pending
-- terms at every statement boundary after a write, so doing it once, at the
-- end, is much cheaper than a trigger per row); deletes go through triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, subtitle, body, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, subtitle, body)
    VALUES ('delete', old.id, old.title, old.subtitle, old.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
