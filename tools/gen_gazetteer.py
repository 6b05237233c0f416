#!/usr/bin/env python3
"""gen_gazetteer.py DATA_FILE...: prints build/gen/gazetteer_table.c, the gazetteers
of data/ as one const open-addressed hash table, so ingest looks names up in
read-only data and builds nothing per run (server/ingest/gazetteer.c reads it).

The files and their classes are listed in FILES below (the order in which the
first spelling of a key wins, as in the old per-run loader). File format: one
entry a line; "#" starts a comment line; blank lines are skipped;
"Canonical|Alias|Alias" lists spellings of one name, the first canonical;
given_names.txt lines are "Name|m" or "Name|f". The hash is gazetteer.c's
(gaz_hash_bytes: 8 bytes of the key a step, case bits set, seeded with
UTIL_FNV_SEED ^ class and the length; its top bits pick the slot), and a linear
probe; the table is a power of two at most half full.
"""

import os
import sys

FNV_SEED = 0xCBF29CE484222325
MASK64 = (1 << 64) - 1

# name -> (class enumerator, fold); order matters: first spelling wins.
FILES = [
    ("countries.txt", "INGEST_GAZ_PLACE", False),
    ("us_states.txt", "INGEST_GAZ_PLACE", False),
    ("cities.txt", "INGEST_GAZ_PLACE", False),
    ("regions.txt", "INGEST_GAZ_PLACE", False),
    ("organizations.txt", "INGEST_GAZ_ORG", False),
    ("titles.txt", "INGEST_GAZ_TITLE", True),
    ("title_words.txt", "INGEST_GAZ_TITLE_MOD", True),
    ("demonyms.txt", "INGEST_GAZ_DEMONYM", False),
    ("cap_stopwords.txt", "INGEST_GAZ_STOPCAP", False),
    ("not_entities.txt", "INGEST_GAZ_NOT_ENTITY", False),
    ("org_words.txt", "INGEST_GAZ_ORG_WORD", False),
    ("given_names.txt", "INGEST_GAZ_GIVEN_MALE", False),
    ("place_words.txt", "INGEST_GAZ_PLACE_WORD", False),
]
# enum ingest_gaz_class values (ingest_internal.h)
CLASS = {
    "INGEST_GAZ_PLACE": 1, "INGEST_GAZ_ORG": 2, "INGEST_GAZ_TITLE": 3,
    "INGEST_GAZ_TITLE_MOD": 4, "INGEST_GAZ_DEMONYM": 5, "INGEST_GAZ_STOPCAP": 6,
    "INGEST_GAZ_NOT_ENTITY": 7, "INGEST_GAZ_ORG_WORD": 8,
    "INGEST_GAZ_GIVEN_MALE": 9, "INGEST_GAZ_GIVEN_FEMALE": 10,
    "INGEST_GAZ_PLACE_WORD": 11,
}


def lower(b):
    return b + 32 if 65 <= b <= 90 else b


CASE_BITS = 0x2020202020202020
GAZ_MUL = 0x9E3779B97F4A7C15


def le(b):
    return int.from_bytes(b, "little")


def gaz_hash(key, cls):
    """gazetteer.c's gaz_hash_bytes: 8 bytes a step (little-endian, bit 5 of
    every byte set), the last 1..7 read as 4 + 4 overlapping bytes or as bytes
    0, r/2 and r-1, each xor'ed in and multiplied by GAZ_MUL; the length is in
    the seed. The top bits pick the slot."""
    n, i = len(key), 0
    h = ((FNV_SEED ^ cls) + (n << 32)) & MASK64
    while n - i >= 8:
        h = ((h ^ (le(key[i:i + 8]) | CASE_BITS)) * GAZ_MUL) & MASK64
        i += 8
    r = n - i
    if r:
        t = key[i:]
        if r >= 4:
            w = le(t[:4]) | le(key[n - 4:]) << 32
        else:
            w = t[0] | t[r // 2] << 8 | t[r - 1] << 16
        h = ((h ^ (w | CASE_BITS)) * GAZ_MUL) & MASK64
    return h


def fold_eq(a, b):
    return len(a) == len(b) and all(lower(x) == lower(y) for x, y in zip(a, b))


def entries(paths):
    by_name = {os.path.basename(p): p for p in paths}
    out = []
    for name, cls_name, fold in FILES:
        path = by_name.get(name)
        if not path:
            continue
        with open(path, "rb") as fh:
            for raw in fh.read().split(b"\n"):
                line = raw.lstrip(b" \t\r")
                if not line or line.startswith(b"#") or line.strip() == b"":
                    continue
                line = line.rstrip(b"\r")
                cls = CLASS[cls_name]
                fields = line.split(b"|")
                if cls_name == "INGEST_GAZ_GIVEN_MALE":
                    if len(fields) > 1 and fields[1][:1] in (b"f", b"F"):
                        cls = CLASS["INGEST_GAZ_GIVEN_FEMALE"]
                    fields = fields[:1]
                canon = None
                for i, f in enumerate(fields):
                    k = f.strip(b" \t")
                    if 0 < len(k) < 256:
                        if i == 0:
                            canon = k
                        out.append((k, canon if canon is not None else b"", cls, fold))
    return out


def c_str(b):
    s = []
    for x in b:
        if x in (0x22, 0x5C):
            s.append("\\" + chr(x))
        elif 0x20 <= x < 0x7F and x != 0x3F:  # no '?': no trigraphs
            s.append(chr(x))
        else:
            s.append("\\%03o" % x)
    return '"' + "".join(s) + '"'


def main():
    ents = entries(sys.argv[1:])
    cap, bits = 64, 6
    while cap < 2 * len(ents):
        cap, bits = cap * 2, bits + 1
    slots = [None] * cap
    for k, canon, cls, fold in ents:
        i = gaz_hash(k, cls) >> (64 - bits)
        dup = False
        while slots[i] is not None:
            s = slots[i]
            if s[2] == cls and (fold_eq(s[0], k) if s[3] else s[0] == k):
                dup = True  # first spelling wins
                break
            i = (i + 1) & (cap - 1)
        if not dup:
            slots[i] = (k, canon, cls, fold)
    used = sum(s is not None for s in slots)
    print("/* generated by tools/gen_gazetteer.py from the data files: do not edit */")
    print('#include "../../server/ingest/ingest_internal.h"\n')
    print("const size_t ingest_gaz_table_cap = %d; /* %d used */" % (cap, used))
    print("const struct ingest_gaz_entry ingest_gaz_table[%d] = {" % cap)
    for i, s in enumerate(slots):
        if s is None:
            continue
        k, canon, cls, fold = s
        print("    [%d] = {%s, %s, %d, %d, %d, %d}," %
              (i, c_str(k), c_str(canon), len(k), len(canon), cls, int(fold)))
    print("};")


if __name__ == "__main__":
    main()
