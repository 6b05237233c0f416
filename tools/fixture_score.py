#!/usr/bin/env python3
"""Scores `newsd extract` on hand-annotated fixture articles (tests/fixtures/news-*).

Each <case>.expected.json lists what a careful reader extracts: "quotes" (the
ones the extractor must get, checked by tests/unit/test_ingest.c), "known_misses"
(quotes a reader sees that the extractor still misses or attributes wrongly;
documented in docs/extraction.md, counted here so the figures stay honest),
"entities" (type, canonical name, aliases) and "entity_misses" (entities the
extractor still misses, counted here likewise); "known_extras" lists quoted
spans the extractor still reports though a reader would not (a slogan, a
word in marks), kept out of "not_quotes" so the unit test passes and counted
here as false positives like any other extra. Prints quote precision/recall/F1
(exact text after whitespace and mark normalisation), speaker accuracy on the
found quotes (canonical name, or null for sources that name nobody) and entity
recall/precision (same type and a shared name or alias, as tools/eval.py scores
the seed sample).

    python3 tools/fixture_score.py [--newsd build/newsd] [--glob 'tests/fixtures/news-*.txt'] [-v]
                                   [--shared ../shared]

When ../shared/eval/score.py is there, speaker accuracy is also given by its
rule (shared name words count: "Labour Party" for "a Labour spokesperson",
"Transportation Department" for "Department of Transportation"), so the
figures compare with `make eval`'s.
"""
import argparse
import glob
import importlib.util
import json
import os
import subprocess
import sys

MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm(s):
    """Marks and whitespace normalised, and a comma or full stop before the
    closing mark dropped: annotators differ on whether it belongs to the
    quotation (American style puts both inside the marks)."""
    return " ".join(s.translate(MARKS).split()).rstrip(",.")


def speaker_of(q):
    sp = q.get("speaker")
    return sp.get("name") if isinstance(sp, dict) else sp


def same_speaker(q, want):
    """The canonical name, or for a source that names nobody (speaker null)
    either null or the source as written ("a senior aide"), case aside."""
    got = speaker_of(q)
    if got is None and want is not None:
        return (q.get("speaker_text") or "").lower() == want.lower()
    return got == want


def load_score(shared):
    """score.py of the evaluation set, for its speaker rule; None without it."""
    path = os.path.join(shared, "eval", "score.py")
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def speaker_as_reported(q):
    """What tools/eval.py reports as the speaker: the entity, else as written."""
    return speaker_of(q) or q.get("speaker_text")


def same_entity(g, p):
    names = {g["name"]} | set(g.get("aliases", []))
    pnames = {p["name"]} | set(p.get("aliases", []))
    return g["type"] == p["type"] and bool(names & pnames)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--newsd", default="build/newsd")
    ap.add_argument("--glob", default="tests/fixtures/news-*.txt")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--shared", default="../shared")
    args = ap.parse_args()
    score = load_score(args.shared)
    q_tp = q_fp = q_fn = s_ok = s_n = e_tp = e_n = p_tp = p_n = 0
    l_ok = l_n = 0
    for path in sorted(glob.glob(args.glob)):
        exp = json.load(open(path[:-4] + ".expected.json", encoding="utf-8"))
        out = subprocess.run([args.newsd, "extract", path], capture_output=True, check=True)
        ex = json.loads(out.stdout)
        gold = exp.get("quotes", []) + exp.get("known_misses", [])
        got = ex.get("quotes") or []
        used = set()
        for g in gold:
            hit = [i for i, q in enumerate(got) if norm(q["text"]) == norm(g["text"])]
            if not hit:
                q_fn += 1
                if args.verbose:
                    print("%s: missed %r" % (path, g["text"]))
                continue
            q_tp += 1
            used.update(hit)
            if "speaker" in g:
                s_n += 1
                ok = any(same_speaker(got[i], g["speaker"]) for i in hit)
                s_ok += ok
                if score and g["speaker"]:
                    l_n += 1
                    l_ok += any(score.speaker_ok(speaker_as_reported(got[i]),
                                                 {"speaker_resolved": g["speaker"]})
                                for i in hit)
                if args.verbose and not ok:
                    print("%s: speaker of %r: want %s, got %s" % (
                        path, g["text"], g["speaker"], speaker_of(got[hit[0]])))
        for i, q in enumerate(got):
            if i not in used:
                q_fp += 1
                if args.verbose:
                    print("%s: extra %r (%s)" % (path, q["text"], speaker_of(q)))
        gents = exp.get("entities", []) + exp.get("entity_misses", [])
        pents = ex.get("entities") or []
        for g in gents:
            e_n += 1
            ok = any(same_entity(g, p) for p in pents)
            e_tp += ok
            if args.verbose and not ok:
                print("%s: entity missed %s (%s)" % (path, g["name"], g["type"]))
        for p in pents:
            p_n += 1
            ok = any(same_entity(g, p) for g in gents)
            p_tp += ok
            if args.verbose and not ok:
                print("%s: entity extra %s (%s)" % (path, p["name"], p["type"]))
    prec = q_tp / (q_tp + q_fp) if q_tp + q_fp else 0
    rec = q_tp / (q_tp + q_fn) if q_tp + q_fn else 0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
    print("quotes     P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)" % (prec, rec, f1, q_tp, q_fp, q_fn))
    print("speakers   %.3f  (%d/%d)" % (s_ok / s_n if s_n else 0, s_ok, s_n))
    if score:
        print("speakers, score.py rule (named gold only)  %.3f  (%d/%d)"
              % (l_ok / l_n if l_n else 0, l_ok, l_n))
    print("entities   R %.3f (%d/%d)  P %.3f (%d/%d)" % (
        e_tp / e_n if e_n else 0, e_tp, e_n, p_tp / p_n if p_n else 0, p_tp, p_n))


if __name__ == "__main__":
    sys.exit(main())
