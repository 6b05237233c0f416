#!/usr/bin/env python3
"""run.py: runs the reliability tests of newsd against build/newsd.

    python3 tests/reliability/run.py            the quick set (make reliability)
    python3 tests/reliability/run.py --soak     long variants (make soak)
    python3 tests/reliability/run.py kill-post hostile   some tests only
Options: --rounds N (rounds of the kill tests), -v (one line per round),
RELIABILITY_SEED=N in the environment replays the random choices of a run.
Ends with one line "N passed, N failed, N skipped" (tests, not checks).
"""

import argparse
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lib  # noqa: E402
import t1_kill_post  # noqa: E402
import t2_kill_ingest  # noqa: E402
import t3_sigterm  # noqa: E402
import t4_hostile  # noqa: E402
import t5_stalled  # noqa: E402
import t6_disk_full  # noqa: E402
import t7_fiu  # noqa: E402
import t8_readers  # noqa: E402

TESTS = [t1_kill_post, t2_kill_ingest, t3_sigterm, t4_hostile, t5_stalled, t6_disk_full,
         t8_readers, t7_fiu]
QUICK = ["kill-post", "kill-ingest", "sigterm", "hostile", "stalled", "disk-full", "readers"]


def _stop(signum, frame):
    # make or a CI runner stopping us: unwind, so that every test's finally
    # clause kills its server and unmounts its tmpfs.
    raise KeyboardInterrupt("signal %d" % signum)


def main():
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*", help="tests to run (default: the quick set, "
                    "or all with --soak)")
    ap.add_argument("--soak", action="store_true")
    ap.add_argument("--rounds", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_args()
    if not os.environ.get("RELIABILITY_SEED"):
        os.environ["RELIABILITY_SEED"] = str(random.randrange(1, 1 << 30))
    by_name = {m.NAME: m for m in TESTS}
    names = opts.names or ([m.NAME for m in TESTS] if opts.soak else QUICK)
    for n in names:
        if n not in by_name:
            ap.error("unknown test %s (known: %s)" % (n, ", ".join(by_name)))
    if not os.access(lib.BIN, os.X_OK):
        print("reliability: %s is missing; run make build/newsd" % lib.BIN)
        return 2
    # A private copy of the binary: a rebuild of build/newsd during the run
    # (another make, an editor's build) must not change the server mid-test.
    snap = tempfile.mkdtemp(prefix="newsd-rel-bin-")
    shutil.copy2(lib.BIN, os.path.join(snap, "newsd"))
    built = lib.BIN
    lib.BIN = os.path.join(snap, "newsd")
    print("reliability: %s (copied to %s), seed %s (RELIABILITY_SEED=%s replays it)%s"
          % (built, lib.BIN, os.environ["RELIABILITY_SEED"], os.environ["RELIABILITY_SEED"],
             ", soak" if opts.soak else ""), flush=True)
    try:
        results = []
        t_all = time.monotonic()
        for n in names:
            m = by_name[n]
            t = lib.Test(n, opts.verbose)
            print("== %s: %s" % (n, m.TITLE), flush=True)
            t0 = time.monotonic()
            try:
                m.run(t, opts)
            except lib.Skip as e:
                t.skipped = str(e)
            except lib.Failed as e:
                t.failed.append(("aborted", str(e)))
                print("  ABORTED: %s" % e, flush=True)
            except Exception as e:  # a bug in the test itself
                t.failed.append(("error", repr(e)))
                traceback.print_exc()
            dt = time.monotonic() - t0
            if t.skipped:
                verdict = "SKIP (%s)" % t.skipped
            elif t.failed:
                verdict = "FAIL"
            else:
                verdict = "ok"
            extra = ""
            if t.xfailed:
                extra += ", %d expected failures (known bugs)" % len(t.xfailed)
            if t.fixed:
                extra += "; FIXED? known checks now pass: %s" % ", ".join(t.fixed)
            print("-- %s: %s: %d checks passed, %d failed%s (%.1f s)"
                  % (n, verdict, t.passed, len(t.failed), extra, dt), flush=True)
            results.append(t)
    except KeyboardInterrupt as e:
        print("reliability: interrupted (%s)" % e, flush=True)
        return 130
    finally:
        shutil.rmtree(snap, ignore_errors=True)
    passed = sum(1 for t in results if not t.failed and not t.skipped)
    failed = sum(1 for t in results if t.failed)
    skipped = sum(1 for t in results if t.skipped)
    print()
    print("reliability summary (%.0f s):" % (time.monotonic() - t_all))
    for t in results:
        state = "skipped" if t.skipped else ("FAILED" if t.failed else "passed")
        print("  %-12s %s" % (t.name, state))
        for c, d in t.failed[:10]:
            print("      failed %s: %s" % (c, d[:200]))
        whys = []
        for c, d, why in t.xfailed:
            if why not in whys:
                whys.append(why)
        for why in whys:
            print("      known bug (expected failure): %s" % why)
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
