-- 0004_quote_sort_index: drops quotes_by_sort. The quote list with no filter
-- but dates (newest first) now walks articles_by_sort and each article's
-- quotes by UNIQUE (article_id, position): a quote's sort_at is its
-- article's, so that is the same order. The index took a random insert for
-- every quote stored (the bench corpus's dates come in any order) and 60 MB
-- at 100,000 articles, and `newsd ingest` rewrote most of its pages at every
-- batch.
DROP INDEX quotes_by_sort;
