-- 0007_list_covering_index: articles_by_sort carries the summary columns.
-- A page of /articles read each article's row for its summary, and a row is
-- about one 4 KiB page (the body is in it): at 100,000 articles a page of 20
-- missed the page cache 20 times, 45 system calls and 270-330 us of CPU a
-- list page not in the response cache. From the index alone it is 18 calls
-- and 170-180 us (docs/performance.md). The order and the name are the old
-- index's, so every query that walked it still does. Keep the column list in
-- step with STORE_ARTICLE_SUMMARY_COLS (server/store/store_internal.h): a
-- column missing here sends every list read back to the table.
DROP INDEX articles_by_sort;
CREATE INDEX articles_by_sort ON articles (
    sort_at DESC, id DESC, url, title, subtitle, section, dateline, published_at,
    word_count, quote_count, entity_count, ingested_at, source);
-- The old narrow index, kept under another name for what needs only the
-- order: a count of the articles between two dates walks its entries, and
-- through the wide one it read about eight times as many pages (3 ms -> 26 ms
-- for 55,000 articles).
CREATE INDEX articles_by_sort_key ON articles (sort_at DESC, id DESC);
