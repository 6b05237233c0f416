#!/usr/bin/env python3
"""splice.py FILE BEGIN END < text: replaces the lines between the marker lines
BEGIN and END of FILE with stdin (the markers stay). Used by `make docs`."""
import sys

path, begin, end = sys.argv[1:4]
new = sys.stdin.read()
lines = open(path, encoding="utf-8").read().split("\n")
try:
    b = lines.index(begin)
    e = lines.index(end, b + 1)
except ValueError:
    sys.exit("%s: markers %r / %r not found" % (path, begin, end))
out = lines[: b + 1] + new.rstrip("\n").split("\n") + lines[e:]
open(path, "w", encoding="utf-8").write("\n".join(out))
