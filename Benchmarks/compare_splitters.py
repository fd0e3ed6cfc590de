#!/usr/bin/env python3
"""Scores Sluice, pySBD and sentencex on Sluice's sentence-splitting suite, and times them on
English news text.

    python3 -m venv /tmp/venv-split && /tmp/venv-split/bin/pip install pysbd sentencex
    swift build -c release --scratch-path .build --product sluice
    /tmp/venv-split/bin/python Benchmarks/compare_splitters.py [--sluice PATH] [--news FILE.jsonl.zst]

pySBD and sentencex are never dependencies of Sluice: install them in a venv outside the repo.

Score: pySBD's metric — a case counts only if every sentence matches (sentences compared with
surrounding whitespace stripped and empty ones dropped). Cases come from
Tests/SluiceTextTests/Fixtures/split_cases.jsonl; languages pySBD does not support are run with
its English rules (marked * in the table).

Speed: MB/s of text (UTF-8 bytes of `text`) on one core, on the English records of a
make_corpus.py file (generated into a temp dir when --news is not given). Sluice runs as
`sluice split --lang en` over JSONL on stdin, so its figure includes process start, JSON
decoding and encoding; `sluice-bench` measures the splitter alone.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = ROOT / "Tests/SluiceTextTests/Fixtures/split_cases.jsonl"


def norm(sents):
    return [s.strip() for s in sents if s.strip()]


def base(lang):
    return lang.split("-")[0].split("_")[0]


def find_sluice(explicit):
    if explicit:
        return explicit
    for d in [".build-split2/release", ".build/release", ".build-split2/debug", ".build/debug"]:
        p = ROOT / d / "sluice"
        if p.exists():
            return str(p)
    sys.exit("sluice binary not found: build it or pass --sluice")


def run_sluice(binary, records, lang=None):
    """`sluice split` over JSONL records; returns (sentences per record, seconds)."""
    payload = "".join(json.dumps({"id": i, "text": r["text"], **({"lang": r["lang"]} if "lang" in r else {})},
                                 ensure_ascii=False) + "\n" for i, r in enumerate(records)).encode()
    cmd = [binary, "split"] + (["--lang", lang] if lang else [])
    t0 = time.perf_counter()
    out = subprocess.run(cmd, input=payload, stdout=subprocess.PIPE, check=True).stdout
    dt = time.perf_counter() - t0
    return [json.loads(line)["sentences"] for line in out.decode().splitlines()], dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sluice", help="path to the sluice binary")
    ap.add_argument("--news", help="a make_corpus.py .jsonl.zst file (English records are used)")
    ap.add_argument("--mb", type=float, default=20, help="MB of English text for Sluice and sentencex")
    ap.add_argument("--pysbd-mb", type=float, default=0.3, help="MB of English text for pySBD (it is slow)")
    a = ap.parse_args()

    import pysbd
    from pysbd.languages import LANGUAGE_CODES
    from sentencex import segment

    binary = find_sluice(a.sluice)
    cases = [json.loads(l) for l in CASES.read_text(encoding="utf-8").split("\n") if l.strip()]
    sluice_out, _ = run_sluice(binary, cases)

    segmenters = {}

    def pysbd_split(lang, text):
        code = base(lang) if base(lang) in LANGUAGE_CODES else "en"
        if code not in segmenters:
            segmenters[code] = pysbd.Segmenter(language=code, clean=False)
        return segmenters[code].segment(text)

    def sentencex_split(lang, text):
        return list(segment(base(lang), text))

    per = {}
    for c, got in zip(cases, sluice_out):
        want = c["sentences"]
        lang = base(c["lang"])
        row = per.setdefault(lang, [0, 0, 0, 0])
        row[0] += 1
        row[1] += norm(got) == want
        try:
            row[2] += norm(pysbd_split(c["lang"], c["text"])) == want
        except Exception:
            pass
        try:
            row[3] += norm(sentencex_split(c["lang"], c["text"])) == want
        except Exception:
            pass

    print(f"Sentence-splitting suite: {len(cases)} cases ({CASES.relative_to(ROOT)})")
    print(f"{'lang':<6}{'cases':>6}{'sluice':>9}{'pysbd':>9}{'sentencex':>11}")
    tot = [0, 0, 0, 0]
    for lang in sorted(per):
        n, s, p, x = per[lang]
        tot = [t + v for t, v in zip(tot, per[lang])]
        star = "" if lang in LANGUAGE_CODES else "*"
        print(f"{lang:<6}{n:>6}{100 * s / n:>8.1f}%{100 * p / n:>7.1f}%{star:1}{100 * x / n:>10.1f}%")
    n = tot[0]
    print(f"{'all':<6}{n:>6}{100 * tot[1] / n:>8.1f}%{100 * tot[2] / n:>8.1f}%{100 * tot[3] / n:>10.1f}%")
    print("(* pySBD has no rules for the language: its English rules were used)")

    # Speed on English news text.
    news = a.news
    tmp = None
    if not news:
        tmp = tempfile.TemporaryDirectory()
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/make_corpus.py"), tmp.name, "--mb", str(max(8 * a.mb, 40)),
                        "--files", "1"], check=True, stdout=subprocess.DEVNULL)
        news = str(next(pathlib.Path(tmp.name).glob("*.jsonl.zst")))
    raw = subprocess.run(["zstd", "-dc", news], stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "replace")
    texts = []
    for line in raw.splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if isinstance(r, dict) and isinstance(r.get("text"), str) and "/en/" in str(r.get("url", "")):
            texts.append(r["text"])

    def take(mb):
        out, size = [], 0
        for t in texts:
            if size >= mb * 1e6:
                break
            out.append(t)
            size += len(t.encode())
        return out, size

    print(f"\nSpeed on English news text ({len(texts)} English records available), one core:")
    sub, size = take(a.mb)
    best = min(run_sluice(binary, [{"text": t} for t in sub], lang="en")[1] for _ in range(3))
    print(f"  sluice split (CLI, JSONL in/out) {size / 1e6:6.1f} MB  {size / 1e6 / best:8.2f} MB/s")
    sub, size = take(a.mb / 4)
    t0 = time.perf_counter()
    for t in sub:
        list(segment("en", t))
    dt = time.perf_counter() - t0
    print(f"  sentencex                        {size / 1e6:6.1f} MB  {size / 1e6 / dt:8.2f} MB/s")
    sub, size = take(a.pysbd_mb)
    seg = pysbd.Segmenter(language="en", clean=False)
    t0 = time.perf_counter()
    for t in sub:
        seg.segment(t)
    dt = time.perf_counter() - t0
    print(f"  pysbd                            {size / 1e6:6.1f} MB  {size / 1e6 / dt:8.2f} MB/s")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
