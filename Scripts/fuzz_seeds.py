#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz harness (Fuzz/Sources/SluiceFuzz) into OUT/<harness>/.

Seeds come from the repository itself: the sample dumps in data/, the test fixtures, the
string literals of the Swift test cases, the pipeline files, and Fuzz/Seeds/<harness>/
(inputs worth keeping, such as past findings). Harnesses that take an option byte first get
each seed once per few option values. Usage: fuzz_seeds.py OUT_DIR
"""
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX = 16384
PER_HARNESS = 400


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".zst"):
        data = subprocess.run(["zstd", "-dcq", path], capture_output=True).stdout
    return data


def texts():
    """Real and test texts, as bytes: paragraphs, fixture lines, test-case literals."""
    out = []
    for p in glob.glob(f"{ROOT}/data/**/*.txt*", recursive=True):
        out += [c for c in read(p).split(b"\n\n") if c.strip()]
    for p in sorted(glob.glob(f"{ROOT}/Tests/SluiceTextTests/Fixtures/split/*.txt")):
        out += read(p).split(b"\n")[:20]
    for p in glob.glob(f"{ROOT}/Tests/**/Fixtures/**/*.jsonl", recursive=True) + glob.glob(f"{ROOT}/data/**/*.jsonl*", recursive=True):
        for line in read(p).split(b"\n")[:40]:
            try:
                v = json.loads(line)
            except Exception:
                continue
            for k in ("text", "input", "expected", "content", "body"):
                if isinstance(v, dict) and isinstance(v.get(k), str):
                    out.append(v[k].encode())
    # String literals of the test cases: the hand-written corner cases.
    lit = re.compile(r'(?:TextCase|CleanCase|Case|check\w*)\(\s*"((?:[^"\\]|\\.)*)"')
    for p in glob.glob(f"{ROOT}/Tests/**/*.swift", recursive=True):
        for m in lit.finditer(open(p, encoding="utf-8").read()):
            s = m.group(1)
            try:
                s = s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            except Exception:
                pass
            s = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda g: chr(int(g.group(1), 16)), s)
            out.append(s.encode("utf-8", "surrogatepass"))
    return [t[:MAX] for t in out if t]


def jsonl_lines():
    out = []
    for p in glob.glob(f"{ROOT}/data/**/*.jsonl*", recursive=True) + glob.glob(f"{ROOT}/Tests/**/Fixtures/**/*.jsonl*", recursive=True):
        out += [l for l in read(p).split(b"\n")[:60] if l.strip()]
    return [l[:MAX] for l in out]


def with_options(seeds, options):
    return [bytes([o]) + s for s in seeds for o in options]


def write(out, harness, seeds):
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    extra = sorted(glob.glob(f"{ROOT}/Fuzz/Seeds/{harness}/*"))
    seeds = list(seeds)
    # An even spread over the sources when there are more seeds than the cap.
    if len(seeds) > PER_HARNESS:
        step = len(seeds) / PER_HARNESS
        seeds = [seeds[int(i * step)] for i in range(PER_HARNESS)]
    seeds += [open(p, "rb").read() for p in extra]
    for s in seeds:
        with open(os.path.join(d, hashlib.sha1(s).hexdigest()), "wb") as f:
            f.write(s)
    return len(seeds)


def main():
    out = sys.argv[1]
    t = texts()
    lines = jsonl_lines()
    counts = {}
    for h in ["patterns", "pii", "quality", "words", "dedup-key", "hashtags", "timestamp", "json-roundtrip", "near-dup"]:
        counts[h] = write(out, h, t)
    counts["clean"] = write(out, "clean", with_options(t, [0, 2]))
    counts["clean-steps"] = write(out, "clean-steps", [b"\xff\xff" + s for s in t] + [b"\x00\x00" + s for s in t[:50]])
    # Letters with marks that compose, reorder or neither (Latin, Vietnamese, Hebrew, Indic, Hangul jamo).
    marks = ["e\u0301", "v\u00e2\u0323t", "\u1eb9\u0300", "\u05d1\u05bc\u05b0", "\u0915\u094d\u0937", "\u09c7\u09be",
             "\u1100\u1161\u11a8", "\uac00\u11a8", "a\u0323\u0301", "\u2126", "\u0958"]
    counts["nfc-check"] = write(out, "nfc-check", t + [m.encode() for m in marks])
    counts["split"] = write(out, "split", with_options(t, range(0, 30, 3)))
    counts["language"] = write(out, "language", with_options(t, [0, 1]))
    counts["terms"] = write(out, "terms", [b"\x01New York\nPutin\n\xc3\xa9lection\nCOP29\n\x00" + s for s in t])
    counts["json"] = write(out, "json", lines + [json.dumps({"text": s.decode("utf-8", "replace")}).encode() for s in t[:100]])
    counts["record"] = write(out, "record", with_options(lines, [0, 1, 0x18, 0x22]))
    counts["pipeline-record"] = write(out, "pipeline-record", with_options(lines, [0, 0x80]))
    # JSON files: JSON Lines, a JSON array of them, and the same in UTF-16 (with and without a BOM).
    groups = [b"\n".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
    arrays = [b"[\n  " + g.replace(b"\n", b",\n  ") + b"\n]\n" for g in groups[:40]]
    wide = [g.decode("utf-8", "replace").encode("utf-16-le") for g in groups[:20]] + [b"\xff\xfe" + g.decode("utf-8", "replace").encode("utf-16-le") for g in groups[20:40]]
    counts["record-json-file"] = write(out, "record-json-file", with_options(groups + arrays + wide, [0, 0x18]))
    # JSON arrays: raw bytes after "[" (even options), and lines made an array (option bit 6).
    counts["json-array"] = write(out, "json-array", with_options([b"\n".join(lines[i:i + 5]) for i in range(0, len(lines), 5)], [0, 3, 64, 71]))
    txt = []
    for p in glob.glob(f"{ROOT}/data/**/*.txt*", recursive=True) + glob.glob(f"{ROOT}/Tests/**/Fixtures/**/*.txt", recursive=True):
        txt.append(read(p)[:MAX])
    counts["record-text"] = write(out, "record-text", with_options(txt, [0, 0x20, 0x40]))
    zst = [open(p, "rb").read()[:MAX] for p in glob.glob(f"{ROOT}/data/**/*.zst", recursive=True) + glob.glob(f"{ROOT}/Tests/**/Fixtures/**/*.zst", recursive=True)]
    counts["zstd"] = write(out, "zstd", with_options(zst, [0, 5]) + with_options(t[:40], [0x80, 0xC0, 0xD1]))
    encodings = ["cp1252", "latin-1", "iso8859-2", "cp1251", "koi8-r", "cp932", "shift_jis", "euc-jp", "iso2022-jp",
                 "iso2022-kr", "euc-kr", "cp949", "gb18030", "gbk", "big5", "big5hkscs", "utf-16", "utf-16-le",
                 "utf-16-be", "utf-32", "utf-7", "tis-620", "cp1255", "cp1256", "iso8859-7", "iso8859-9", "mac-roman",
                 "cp437", "utf-8"]
    conv = []
    for i, enc in enumerate(encodings):
        for s in t[:200]:
            try:
                conv.append(bytes([i]) + s.decode("utf-8").encode(enc))
            except Exception:
                continue
            if len([c for c in conv if c[0] == i]) >= 12:
                break
    counts["iconv"] = write(out, "iconv", conv)
    # Archives and compressed streams of the test texts, made with Python's standard library.
    import bz2, gzip as gz, io, lzma, tarfile, zipfile
    packed = []
    for fmt in (tarfile.GNU_FORMAT, tarfile.PAX_FORMAT, tarfile.USTAR_FORMAT):
        for comp in ("", "gz", "bz2", "xz"):
            b = io.BytesIO()
            with tarfile.open(fileobj=b, mode="w:" + comp, format=fmt) as tf:
                for k, s in enumerate(t[:4]):
                    info = tarfile.TarInfo(f"dir/{k}.txt" if k % 2 else f"{k}.jsonl.gz")
                    data = s if k % 2 else gz.compress(s, mtime=0)
                    info.size = len(data)
                    tf.addfile(info, io.BytesIO(data))
            packed.append(b.getvalue()[:MAX])
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as zf:
        for k, s in enumerate(t[:4]):
            zf.writestr(f"z/{k}.txt", s)
    packed.append(b.getvalue())
    counts["archive"] = write(out, "archive", with_options(packed, [0, 3]))
    # bzip2xz: real streams decoded raw (bit 4 picks xz), and texts the harness compresses,
    # concatenates (0x80), cuts (0xC0) or damages (0xE0).
    counts["bzip2xz"] = write(out, "bzip2xz", with_options([bz2.compress(s) for s in t[:8]], [0, 3])
                              + with_options([lzma.compress(s) for s in t[:8]], [0x10, 0x13])
                              + with_options(t[:24], [0x80, 0x90, 0xC1, 0xD1, 0xE2, 0xF2]))
    counts["gzip"] = write(out, "gzip", with_options([gz.compress(s, mtime=0) for s in t[:40]], [0, 5]) + with_options(t[:40], [0x80, 0xC0, 0xD1]))
    # WARC: the fixture whole and record by record, and each response block (the HTTP parser).
    warcs = [read(p) for p in sorted(glob.glob(f"{ROOT}/Tests/**/Fixtures/warc/*.warc", recursive=True))]
    recs = [b"WARC/" + r for w in warcs for r in w.split(b"WARC/") if r]
    blocks = [r.split(b"\r\n\r\n", 1)[1] for r in recs if b"\r\n\r\n" in r]
    counts["warc"] = write(out, "warc", with_options([w[:MAX] for w in warcs] + recs + blocks, [0, 0x41, 0x87, 0xC3]))
    # encoding: texts in legacy encodings, bare and in HTML with a declaration, read with
    # detection (option < 0x80) in a few chunkings.
    enc = []
    for name in ["cp1251", "koi8_r", "shift_jis", "euc_kr", "big5", "gb18030", "iso2022_jp", "iso2022_kr",
                 "utf-16", "cp1250", "cp1252", "iso8859_7", "cp1255", "utf-8-sig", "cp1257"]:
        for s in t[:300]:
            try:
                raw = s.decode("utf-8").encode(name)
            except Exception:
                continue
            if raw == s:
                continue
            page = b"<meta charset=" + name.encode() + b"><p>" + raw
            enc += [bytes([0x13]) + raw, bytes([0x6A]) + page]
            if len(enc) % 8 == 0:
                break
    counts["encoding"] = write(out, "encoding", enc)
    counts["pipeline-yaml"] = write(out, "pipeline-yaml", [read(p) for p in glob.glob(f"{ROOT}/Pipelines/*.yaml")])
    model = read(f"{ROOT}/Sources/Sluice/Resources/langid.bin")
    counts["language-model"] = write(out, "language-model", [model[:n] for n in (8, 64, 512, 4096)])
    counts["html-tokenizer"] = write(out, "html-tokenizer", html_seeds(t))
    pages = html_pages()
    counts["html-sniffer"] = write(out, "html-sniffer", sniffer_seeds(pages))
    counts["article-extract"] = write(out, "article-extract", extract_seeds(pages))
    # html-tree: the same pages without the options byte, and misnesting corner cases.
    tree = [b"<b><p>x</b>y</p>", b"<table><tr><td>a<td>b<tr><td>c</table>", b"<ul><li>a<li>b</ul>", b"<svg><svg/><![CDATA[x]]></svg>t",
            b"<template><template></template></template>t", b"<select><option>a<input>b", b"<x-a><x-b></x-a>t", b"<div>" * 600]
    counts["html-tree"] = write(out, "html-tree", tree + [p[:MAX] for p in pages])
    counts["html-metadata"] = write(out, "html-metadata", html_metadata_seeds())
    # report: stats files (Fuzz/Seeds/report/: a finished run, a killed one) and JSONL lines.
    counts["report"] = write(out, "report", lines[:20])
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))


def html_seeds(t):
    """HTML for the tokenizer: the html5lib-tests tokenizer inputs, pieces of the html-eval pages
    (both in ../shared/data when present) and hand-made corner cases; the first byte picks the
    state switched to after the k-th start tag."""
    out = []
    shared = os.path.join(os.path.dirname(ROOT), "shared", "data")
    for p in sorted(glob.glob(f"{shared}/html5lib-tests/tokenizer/*.test")):
        try:
            tests = json.load(open(p, encoding="utf-8")).get("tests", [])
        except Exception:
            continue
        for k, case in enumerate(tests[:60]):
            try:
                out.append(bytes([k % 256]) + case["input"].encode("utf-8", "surrogatepass"))
            except Exception:
                pass
    pages = f"{shared}/html-eval/pages.jsonl.zst"
    if os.path.exists(pages):
        for k, line in enumerate(read(pages).split(b"\n")[:80:4]):
            try:
                html = json.loads(line)["html"].encode("utf-8")
            except Exception:
                continue
            for start in (0, len(html) // 2):
                out.append(bytes([(k * 8 + 2) % 256]) + html[start:start + 4000])
    out += [bytes([c]) + s for c, s in [
        (1, b"<title>a &amp; </TITLE x> b</title>c"), (3, b"<script><!--<script>--></script>x</script>y"),
        (2, b"<style>a</style >b"), (4, b"<plaintext></plaintext>&amp;"), (0, b"<!DOCTYPE html PUBLIC \"-//W3C//DTD\" 'x'>"),
        (0, b"<a href=\"?a=1&not=2&amp;b\" B=1 b=2>&#x80;&#0;&#xD800;&#1114112;&notit;&notin;\r\n\x00</a>"),
        (0, b"<!-- a -- b --!><!--><!---><![CDATA[x]]><?xml?></ >"), (5, b"<svg>]]]>x]]></svg>")]]
    return out


def html_pages(limit=40):
    """Whole pages of the html-eval set (../shared/data, when present), as UTF-8 bytes."""
    pages = os.path.join(os.path.dirname(ROOT), "shared", "data", "html-eval", "pages.jsonl.zst")
    if not os.path.exists(pages):
        return []
    out = []
    for line in read(pages).split(b"\n")[: limit * 3 : 3]:
        try:
            out.append(json.loads(line)["html"].encode("utf-8"))
        except Exception:
            pass
    return out


def sniffer_seeds(pages):
    """Starts of documents and of things that are no documents, for the HTML sniffer."""
    made = [b"<!DOCTYPE html><html>", b"<!doctype  HTML PUBLIC>", b"\xef\xbb\xbf<html lang=en>", b"<!-- c --><head>",
            b"<!--><body>", b"<!---><meta charset=utf-8>", b"<?xml version='1.0'?><html>", b" \n<title>x</title>",
            b"<p>fragment</p>", b"<header>", b"<!doctype svg>", b"<!-- never closed", b"Plain text <html>", b"<html"]
    return made + [p[:300] for p in pages]


def extract_seeds(pages):
    """Pages for the article extractor; the first byte picks the options (favor, comments, tables,
    links, min_chars)."""
    made = [b"<html><body><article><p>An article paragraph.</p></article></body></html>",
            b"<html><body><nav>Home</nav><main><h1>T</h1><p>Text.</p><table><tr><td>a<td>b</table></main><footer>c</footer>",
            b"<html><body></body></html>", b"<p>fragment", b"<div>" * 200, b"<a href='/x'>link</a>",
            b"<head><title>T | Site</title><meta property='og:title' content='T'><script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script>"]
    out = [bytes([k * 37 % 256]) + s for k, s in enumerate(made)]
    out += [bytes([k * 53 % 256]) + p[:MAX - 1] for k, p in enumerate(pages)]
    return out


def html_metadata_seeds():
    """Page heads and bodies for the metadata reader (first byte: 0/4 extract, 1 JSON-LD reader,
    3 date parser): the parts of html-eval pages where metadata sits, and the JSON-LD blocks."""
    out = []
    pages = os.path.join(os.path.dirname(ROOT), "shared", "data", "html-eval", "pages.jsonl.zst")
    if os.path.exists(pages):
        for k, line in enumerate(read(pages).split(b"\n")[:200:2]):
            try:
                html = json.loads(line)["html"].encode("utf-8")
            except Exception:
                continue
            head = html.find(b"</head>")
            out.append(bytes([(k % 2) * 4]) + html[max(0, head - 12000):head + 2000])
            h1 = html.find(b"<h1")
            if h1 >= 0:
                out.append(bytes([0]) + html[max(0, h1 - 2000):h1 + 4000])
            for m in re.finditer(rb'<script[^>]*ld\+json[^>]*>(.*?)</script>', html, re.S):
                out.append(bytes([1]) + m.group(1)[:8000])
    out += [bytes([3]) + s for s in (b"2019-07-28T10:30:00+0530", b"28. Juli 2019", b"Jul 28th, 2019", b"07/28/2019", b"/2019/07/28/")]
    return out


if __name__ == "__main__":
    main()
