#!/usr/bin/env python3
"""Metadata of html-eval pages against their `expect` annotations (issue 14: title, date and
author met on >= 90% of the pages that have them), by field and by page (a page counts when
every annotated field of it is met). Standard library only.

    python3 Benchmarks/html/score_metadata.py ../shared/data/html-eval/pages.jsonl.zst OUTPUT.jsonl
    /tmp/venv-html/bin/python Benchmarks/html/score_metadata.py PAGES --trafilatura /tmp/traf-meta.jsonl

OUTPUT.jsonl: one line per page, {"id", "title", "date", "author"} (missing = not found).
Matching, after collapsing whitespace and case-folding:
- title: equal, once dashes, quotes and apostrophes are made plain and a colon is written
  `: ` (`Korsetts – Shops` is `Korsetts - Shops`); or the found title is the headline followed by a separator (`|`, `-`, `–`, `—`,
  `:`, `»`, `·`) and a site name; or one contains the other and the shorter is at least 60% of
  the longer;
- date: the same calendar day (the first 10 characters, YYYY-MM-DD);
- author: equal, or one contains the other (bylines add "By" or a second name), or every name
  of the annotation is found in the output: an annotated list, or a string split at `;`, `,`,
  `/`, `&`, "und", "and", "et", "y" (names of at most 3 letters, such as "PhD", are not
  required), so "A und B" is met by "A; B";
- the annotation's own slips in dates are read as meant: `2022-29-11` (day and month swapped),
  `2022-01.26`, `2022-11-1`.
"""
import re
import json
import subprocess
import sys

FIELDS = ("title", "date", "author")


TYPOGRAPHY = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "„": '"', "“": '"', "”": '"', "«": '"',
                            "»": '"', "’": "'", "‘": "'", "‚": "'"})


def norm(s):
    return " ".join(str(s).split()).casefold()


def norm_title(s):
    """A title with its typography made plain: dashes, quotes, apostrophes, the space at a colon."""
    t = norm(s).translate(TYPOGRAPHY)
    return re.sub(r"\s*:\s*", ": ", t).strip()


NAME_SEPARATORS = re.compile(r"\s*(?:;|,|/|&|\bund\b|\band\b|\bet\b|\by\b)\s*")


def names(value):
    """The names in an author annotation or output, normalized."""
    parts = value if isinstance(value, list) else NAME_SEPARATORS.split(norm(value))
    return [n for n in (norm(p) for p in parts) if len(n) > 3]


def annotated_date(want):
    """YYYY-MM-DD from an annotation, its slips read as meant."""
    m = re.match(r"(\d{4})[-.](\d{1,2})[-.](\d{1,2})", str(want).strip())
    if not m:
        return norm(want)[:10]
    y, a, b = m.group(1), int(m.group(2)), int(m.group(3))
    if a > 12 and b <= 12:
        a, b = b, a
    return f"{y}-{a:02d}-{b:02d}"


def match(field, got, want):
    if not got:
        return False
    if field == "author" and isinstance(want, list):
        wanted = names(want)
        return bool(wanted) and all(n in norm(got) for n in wanted)
    g, w = (norm_title(got), norm_title(want)) if field == "title" else (norm(got), norm(want))
    if field == "date":
        return g[:10] == annotated_date(want)
    if field == "author":
        wanted = names(want)
        if len(wanted) > 1 and all(n in g for n in wanted):
            return True
    if g == w:
        return True
    short, long_ = sorted((g, w), key=len)
    if field == "title" and g.startswith(w) and g[len(w):].lstrip()[:1] in ("|", "-", "–", "—", ":", "»", "·"):
        return True
    if field == "title":
        return short in long_ and len(short) >= 0.6 * len(long_)
    return short in long_ and len(short) >= 3


def pages(path):
    data = subprocess.run(["zstd", "-dcq", path], check=True, capture_output=True).stdout.decode("utf-8")
    return [json.loads(l) for l in data.split("\n") if l.strip()]


def trafilatura_output(items, out):
    import trafilatura
    with open(out, "w", encoding="utf-8") as f:
        for p in items:
            try:
                d = trafilatura.bare_extraction(p["html"], url=p.get("url"), with_metadata=True)
                d = d.as_dict() if hasattr(d, "as_dict") else (d or {})
            except Exception:
                d = {}
            f.write(json.dumps({"id": p["id"], **{k: d.get(k) for k in FIELDS}}, ensure_ascii=False) + "\n")


def main():
    items = pages(sys.argv[1])
    if sys.argv[2] == "--trafilatura":
        trafilatura_output(items, sys.argv[3])
        out = sys.argv[3]
    else:
        out = sys.argv[2]
    got = {}
    for line in open(out, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            got[r["id"]] = r
    met = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    pages_met = pages_total = 0
    for p in items:
        e = p.get("expect") or {}
        fields = [f for f in FIELDS if e.get(f)]
        oks = [match(f, got.get(p["id"], {}).get(f), e[f]) for f in fields]
        for f, ok in zip(fields, oks):
            total[f] += 1
            met[f] += ok
        if fields:
            pages_total += 1
            pages_met += all(oks)
    for f in FIELDS:
        print(f"{f:7s} {met[f]}/{total[f]} = {100 * met[f] / max(1, total[f]):.1f}%")
    print(f"all     {sum(met.values())}/{sum(total.values())} = {100 * sum(met.values()) / max(1, sum(total.values())):.1f}%")
    print(f"pages   {pages_met}/{pages_total} = {100 * pages_met / max(1, pages_total):.1f}% (every annotated field met)")


if __name__ == "__main__":
    main()
