-- 0005_id_high: an id, once given, is never given again. The four tables
-- with public ids (articles, quotes, entities, quote_groups) are plain
-- INTEGER PRIMARY KEY tables, which give max(id) + 1: deleting the newest
-- row handed its id to the next insert, and clients' links, bookmarks and
-- ETags then named a different object. Rebuilding them with AUTOINCREMENT
-- would copy the whole database (1.3 GB at 100,000 articles) at startup.
-- Instead id_high holds, per table, an id at least as high as every id it
-- gave that is no longer there: the triggers raise it when a row above it
-- is deleted (cascades and the orphan cleanup included), and the store's
-- inserts give max(max(id), high) + 1 explicitly (server/store/articles.c).
-- Both lookups are one b-tree descent; the seed reads max(id) the same way.
-- Ids freed before this migration, above today's max(id), are not known.
CREATE TABLE id_high (
    name  TEXT PRIMARY KEY,         -- the table
    high  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO id_high (name, high)
    VALUES ('articles', coalesce((SELECT max(id) FROM articles), 0)),
           ('quotes', coalesce((SELECT max(id) FROM quotes), 0)),
           ('entities', coalesce((SELECT max(id) FROM entities), 0)),
           ('quote_groups', coalesce((SELECT max(id) FROM quote_groups), 0));

CREATE TRIGGER articles_id_high AFTER DELETE ON articles
WHEN old.id > (SELECT high FROM id_high WHERE name = 'articles') BEGIN
    UPDATE id_high SET high = old.id WHERE name = 'articles';
END;
CREATE TRIGGER quotes_id_high AFTER DELETE ON quotes
WHEN old.id > (SELECT high FROM id_high WHERE name = 'quotes') BEGIN
    UPDATE id_high SET high = old.id WHERE name = 'quotes';
END;
CREATE TRIGGER entities_id_high AFTER DELETE ON entities
WHEN old.id > (SELECT high FROM id_high WHERE name = 'entities') BEGIN
    UPDATE id_high SET high = old.id WHERE name = 'entities';
END;
CREATE TRIGGER quote_groups_id_high AFTER DELETE ON quote_groups
WHEN old.id > (SELECT high FROM id_high WHERE name = 'quote_groups') BEGIN
    UPDATE id_high SET high = old.id WHERE name = 'quote_groups';
END;
