-- 0002_fts_merge: how the two full-text indexes grow. `newsd ingest` adds a
-- batch's rows in one statement per index; FTS5 wrote a new segment every
-- 1 MB of pending terms (three or four per batch) and merged them four at a
-- time, a seventh of the writer's instructions. With room for a whole batch
-- in memory (hashsize, bytes, flushed at each statement end anyway) and
-- merges of eight segments, each term is rewritten about half as often. A
-- search reads a few more segments; results are the same.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 8);
