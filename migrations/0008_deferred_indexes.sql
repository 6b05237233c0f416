-- 0008_deferred_indexes: where a bulk load keeps the indexes it left for its end.
-- `newsd ingest` into a database with no article drops the indexes that only
-- reads use (every explicit, non-unique one) and builds them again once all
-- its articles are in: one sort per index instead of an insert at a random
-- place per row, which at 100,000 articles cost more than the sorts
-- (docs/performance.md, session 17). Each dropped index is recorded here with
-- its CREATE statement in the same transaction that drops it, and removed in
-- the one that builds it again; a load that dies in between leaves its rows,
-- and the next writer to open the database builds what they name
-- (store_indexes_restore, server/store/db.c).
CREATE TABLE deferred_indexes (
    name  TEXT PRIMARY KEY,
    sql   TEXT NOT NULL
) WITHOUT ROWID;
