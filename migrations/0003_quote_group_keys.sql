-- 0003_quote_group_keys: quote_groups.canon holds a 16-byte key of the folded
-- quotation (newsd_quote_key: two 64-bit FNV-1a hashes of the folded text,
-- store/canon.c) instead of the folded text. UNIQUE (canon) is looked up and
-- added to at random by every quote stored; with whole quotations as keys it
-- was the largest index a batch dirtied (3,000 of 17,000 pages written per
-- batch at 20,000 articles) and kept growing out of the page cache. Nothing
-- reads the folded text back: the groups' own text is in `text`.
UPDATE quote_groups SET canon = newsd_quote_key(canon);
