-- Names compared without case beyond ASCII. COLLATE NOCASE folds A-Z only,
-- so ?author=TOMÁS REYES missed "Tomás Reyes" and ?q=são missed "São Paulo".
-- Author and entity names keep a folded copy, newsd_fold(name) (canon.c:
-- every letter lowered by the C library's Unicode tables), and the lookups
-- compare folded with folded.

ALTER TABLE article_authors ADD COLUMN name_key TEXT;
UPDATE article_authors SET name_key = newsd_fold(name);
DROP INDEX article_authors_by_name;
CREATE INDEX article_authors_by_key ON article_authors (name_key, sort_at DESC, article_id DESC);

ALTER TABLE entity_names ADD COLUMN name_key TEXT;
UPDATE entity_names SET name_key = newsd_fold(name);
CREATE INDEX entity_names_by_key ON entity_names (name_key, entity_id);
