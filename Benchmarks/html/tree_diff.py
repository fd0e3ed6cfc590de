#!/usr/bin/env python3
"""Differential check of Sluice's HTML tree construction against html5lib, as text extraction
sees a tree (issue 14).

Every text node belongs to its nearest block-level ancestor (BLOCK_TAGS below, the same list
as `treeBlockTags` in Benchmarks/sluice-bench/HTMLTree.swift); consecutive text nodes of one
block are one entry, whitespace collapsed; each entry is (path, text) with path the block tags
from the root down, joined by "/". Content of script, style, template, select, noscript
(scripting on, as in a browser, so noscript is raw text), textarea, title, iframe, noembed,
noframes, xmp and foreign elements (SVG, MathML) is skipped on both sides. Implied elements
that are not block tags (html, head, body, tbody) do not appear in paths, so html5lib's
implied tbody and Sluice's missing one agree.

Reported:
  - pages whose (path, text) sequences agree exactly;
  - text bytes whose block path agrees: the two word sequences are aligned (difflib), and a
    word of html5lib's text counts when Sluice has the same word there with the same path;
  - the kinds of disagreement, by bytes: for a path disagreement the parts of the two paths
    that differ once their common head and tail are taken off (e.g. "p/table|table": html5lib
    has the table inside a p, Sluice does not); for text only one side has, where it is.

    python3 -m venv /tmp/venv-tree && /tmp/venv-tree/bin/pip install html5lib
    swift build -c release --product sluice-bench
    .build/release/sluice-bench html-tree ../shared/data/html-eval/pages.jsonl.zst > /tmp/sluice-tree.jsonl
    /tmp/venv-tree/bin/python Benchmarks/html/tree_diff.py ../shared/data/html-eval/pages.jsonl.zst /tmp/sluice-tree.jsonl \
        [--cache /tmp/html5lib-tree.jsonl] [--details /tmp/tree-diff.jsonl] [--examples 3]
"""
import argparse
import collections
import difflib
import json
import os
import re
import subprocess
import sys
import time

import html5lib

BLOCK_TAGS = {
    "p", "div", "li", "td", "th", "tr", "table", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "article", "section", "main", "header", "footer", "nav", "aside", "figure", "figcaption",
    "form", "address",
}
SKIPPED = {"script", "style", "template", "select", "noscript", "textarea", "title", "iframe", "noembed", "noframes",
           "xmp"}
WS = re.compile(r"[ \t\n\r\f]+")


def collapse(s):
    return WS.sub(" ", s).strip(" \t\n\r\f")


def html5lib_blocks(html):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    root = parser.parse(html, scripting=True)
    out = []
    state = {"block": None, "path": "", "text": []}

    def add(text, block, path):
        if not text:
            return
        if block is not state["block"]:
            flush()
            state["block"], state["path"] = block, path
        state["text"].append(text)

    def flush():
        t = collapse("".join(state["text"]))
        if t and state["block"] is not None:
            out.append((state["path"], t))
        state["text"] = []

    # Iterative walk: (element, nearest block, its path).
    stack = [(root, False)]
    blocks = {id(root): (root, "")}
    parents = {}
    while stack:
        el, done = stack.pop()
        tag = el.tag
        b, p = blocks[id(el)]
        if done:
            # The element is closed: its tail belongs to its parent's block.
            par = parents.get(id(el))
            if par is not None:
                pb, pp = blocks[id(par)]
                add(el.tail, pb, pp)
            continue
        stack.append((el, True))
        if not isinstance(tag, str) or tag.startswith("<!") or tag.startswith("{") or tag in SKIPPED:
            continue  # comments, doctypes, foreign and skipped elements: no text, only the tail
        if tag in BLOCK_TAGS:
            b, p = el, (p + "/" + tag if p else tag)
            blocks[id(el)] = (b, p)
        add(el.text, b, p)
        for child in reversed(list(el)):
            parents[id(child)] = el
            blocks[id(child)] = (b, p)
            stack.append((child, False))
    flush()
    return out


def words(blocks):
    """The words of the blocks, each with its block path."""
    ws, ps = [], []
    for path, text in blocks:
        for w in text.split(" "):
            ws.append(w)
            ps.append(path)
    return ws, ps


def kind_of_paths(a, b):
    """The differing middle of two paths: 'p/table|table' for html5lib p/table vs Sluice table."""
    x, y = a.split("/") if a else [], b.split("/") if b else []
    i = 0
    while i < len(x) and i < len(y) and x[i] == y[i]:
        i += 1
    j = 0
    while j < len(x) - i and j < len(y) - i and x[len(x) - 1 - j] == y[len(y) - 1 - j]:
        j += 1
    mid_a = "/".join(x[i:len(x) - j])
    mid_b = "/".join(y[i:len(y) - j])
    last = x[len(x) - 1] if x else ""
    return f"path html5lib [{mid_a}] sluice [{mid_b}]" + (f" (at {last})" if not mid_a and not mid_b else "")


def tail(path, n=2):
    parts = path.split("/") if path else []
    return "/".join(parts[-n:]) or "(none)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages")
    ap.add_argument("sluice", help="output of `sluice-bench html-tree PAGES`")
    ap.add_argument("--cache", help="html5lib blocks, written on the first run, read after")
    ap.add_argument("--details", help="write per-page disagreements here (JSONL)")
    ap.add_argument("--examples", type=int, default=2)
    args = ap.parse_args()

    data = subprocess.run(["zstd", "-dc", args.pages], capture_output=True, check=True).stdout if args.pages.endswith(
        ".zst") else open(args.pages, "rb").read()
    pages = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
    sluice = {}
    with open(args.sluice) as f:
        for line in f:
            r = json.loads(line)
            sluice[json.dumps(r["id"])] = [tuple(b) for b in r["blocks"]]

    cached = {}
    if args.cache and os.path.exists(args.cache):
        with open(args.cache) as f:
            for line in f:
                r = json.loads(line)
                cached[json.dumps(r["id"])] = [tuple(b) for b in r["blocks"]]
    cache_out = open(args.cache, "a") if args.cache else None
    details = open(args.details, "w") if args.details else None

    t0 = time.process_time()
    n_pages = n_exact = 0
    total_bytes = agree_bytes = missing_bytes = extra_bytes = path_bytes = 0
    kinds = collections.Counter()
    kind_pages = collections.defaultdict(set)
    examples = collections.defaultdict(list)
    for page in pages:
        key = json.dumps(page["id"])
        if key not in sluice:
            print(f"no sluice output for {key}", file=sys.stderr)
            continue
        if key in cached:
            ref = cached[key]
        else:
            ref = html5lib_blocks(page["html"])
            if cache_out:
                cache_out.write(json.dumps({"id": page["id"], "blocks": ref}, ensure_ascii=False) + "\n")
        got = sluice[key]
        n_pages += 1
        if ref == got:
            n_exact += 1
            b = sum(len(t.encode()) for _, t in ref)
            total_bytes += b
            agree_bytes += b
            continue
        aw, ap_ = words(ref)
        bw, bp = words(got)
        page_kinds = collections.Counter()

        def note(kind, nbytes, ctx):
            kinds[kind] += nbytes
            page_kinds[kind] += nbytes
            kind_pages[kind].add(key)
            if len(examples[kind]) < args.examples and all(e[0] != key for e in examples[kind]):
                examples[kind].append((key, ctx))

        sm = difflib.SequenceMatcher(None, aw, bw, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                run_kind, run_bytes, run_start = None, 0, i1
                for k in range(i2 - i1):
                    nb = len(aw[i1 + k].encode()) + 1
                    total_bytes += nb - 1
                    if ap_[i1 + k] == bp[j1 + k]:
                        agree_bytes += nb - 1
                        kind = None
                    else:
                        path_bytes += nb - 1
                        kind = kind_of_paths(ap_[i1 + k], bp[j1 + k])
                    if kind != run_kind:
                        if run_kind:
                            note(run_kind, run_bytes, {"text": " ".join(aw[run_start:i1 + k])[:160],
                                                       "html5lib": ap_[run_start], "sluice": bp[j1 + run_start - i1]})
                        run_kind, run_bytes, run_start = kind, 0, i1 + k
                    run_bytes += nb - 1
                if run_kind:
                    note(run_kind, run_bytes, {"text": " ".join(aw[run_start:i2])[:160],
                                               "html5lib": ap_[run_start], "sluice": bp[j1 + run_start - i1]})
            else:
                if i2 > i1:
                    nb = sum(len(w.encode()) for w in aw[i1:i2])
                    total_bytes += nb
                    missing_bytes += nb
                    note(f"only html5lib, under {tail(ap_[i1])}", nb,
                         {"html5lib": " ".join(aw[i1:i2])[:160], "sluice": " ".join(bw[j1:j2])[:160], "path": ap_[i1]})
                if j2 > j1:
                    nb = sum(len(w.encode()) for w in bw[j1:j2])
                    extra_bytes += nb
                    note(f"only sluice, under {tail(bp[j1])}", nb,
                         {"sluice": " ".join(bw[j1:j2])[:160], "html5lib": " ".join(aw[i1:i2])[:160], "path": bp[j1]})
        if details:
            details.write(json.dumps({"id": page["id"], "kinds": page_kinds}, ensure_ascii=False) + "\n")
    dt = time.process_time() - t0

    print(f"{n_pages} pages ({dt:.0f} CPU s)")
    print(f"sequences agree exactly: {n_exact}/{n_pages} = {100 * n_exact / max(1, n_pages):.1f}% of pages")
    print(f"text bytes (html5lib's) with the same block path: {agree_bytes}/{total_bytes} = "
          f"{100 * agree_bytes / max(1, total_bytes):.2f}%")
    print(f"  same text, other path: {path_bytes} ({100 * path_bytes / max(1, total_bytes):.2f}%); "
          f"only html5lib: {missing_bytes} ({100 * missing_bytes / max(1, total_bytes):.2f}%); "
          f"only sluice: {extra_bytes} ({100 * extra_bytes / max(1, total_bytes):.2f}%)")
    print("\nkinds of disagreement (bytes, pages):")
    for kind, nb in kinds.most_common(25):
        print(f"{nb:9d} {len(kind_pages[kind]):4d}  {kind}")
        for key, ctx in examples[kind]:
            print(f"              {key}: {json.dumps(ctx, ensure_ascii=False)[:300]}")


if __name__ == "__main__":
    main()
