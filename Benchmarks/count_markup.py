#!/usr/bin/env python3
"""Counts the records of `sluice clean` output (JSONL on stdin) whose text still holds markup.

    zstd -dc pages.jsonl.zst | python3 -c '…html → text…' | sluice clean | Benchmarks/count_markup.py

Each kind counts records (and occurrences) with a tag-shaped token of that kind: `<name`
followed by whitespace, `/`, `>` or `=`; closing tags `</name` count too.
"""
import json
import re
import sys

END = r"(?=[\s/>=])"
KINDS = {
    "svg": r"</?svg" + END,
    "path": r"</?path" + END,
    "select": r"</?select" + END,
    "option": r"</?option" + END,
    "textarea": r"</?textarea" + END,
    "math": r"</?math" + END,
    "script": r"</?script" + END,
    "style": r"</?style" + END,
    "iframe": r"</?iframe" + END,
    "custom": r"</?[a-z][a-z0-9._]*-[a-z0-9._-]*" + END,
    "any known": r"</?(?:a|b|i|p|br|div|span|img|li|ul|ol|h[1-6]|table|tr|td|th|form|input|button|label|link|meta|nav|section|article|header|footer|aside|figure|picture|source|noscript|template|object|embed|strong|em)" + END,
    "doctype/pi": r"<!doctype|<\?xml",
}
pats = {k: re.compile(v, re.I if k not in ("custom",) else 0) for k, v in KINDS.items()}
records = {k: 0 for k in KINDS}
hits = {k: 0 for k in KINDS}
anyrec = 0
n = 0
for line in sys.stdin:
    text = json.loads(line)["text"]
    n += 1
    seen = False
    for k, p in pats.items():
        c = len(p.findall(text))
        if c:
            records[k] += 1
            hits[k] += c
            seen = True
    anyrec += seen
print(f"{n} records; {anyrec} with any markup below")
for k in KINDS:
    print(f"  {k:12} {records[k]:5} records {hits[k]:8} tokens")
