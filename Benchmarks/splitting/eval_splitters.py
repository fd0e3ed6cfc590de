#!/usr/bin/env python3
"""Sentence-splitting evaluations: the UD sentence-boundary set and the English Golden Rules,
for Sluice and (optionally) pySBD, sentencex and blingfire side by side.

    python3 -m venv /tmp/venv-sbd && /tmp/venv-sbd/bin/pip install pysbd sentencex blingfire
    swift build -c release --product sluice
    /tmp/venv-sbd/bin/python Benchmarks/splitting/eval_splitters.py [--peers] [--ud DIR]
    /tmp/venv-sbd/bin/python Benchmarks/splitting/eval_splitters.py --errors da   # Sluice's errors on da-*

The peers are never dependencies of Sluice: install them in a venv outside the repo.

UD (`/work/shared/data/ud-sbd` or --ud): one JSONL line per paragraph, `text` = gold sentences
joined by one space. A boundary is the offset in `text` where a sentence ends (trailing spaces
dropped); the end of the paragraph is not counted. Per file: precision, recall and F1 of the
predicted boundaries against the gold ones (micro over the file's paragraphs); "macro F1" is the
mean of the 18 per-file F1; "exact" is the share of paragraphs whose every sentence matches
(sentences compared with surrounding whitespace stripped, empty ones dropped).

Golden Rules: `golden_rules_en.jsonl` beside this file, the 48 English cases of pragmatic_segmenter
as shipped in pySBD's sdist (MIT, see golden_rules_en.LICENSE); a case counts if every sentence
matches (same comparison as above).

Sluice runs as `sluice split` over JSONL on stdin with each record's `lang`; pySBD gets the
language where it has one, else English (marked * in the per-file table); sentencex gets the
language code; blingfire has no language parameter.
"""
import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UD_DEFAULT = pathlib.Path("/work/shared/data/ud-sbd")


def norm(sents):
    return [s.strip() for s in sents if s.strip()]


def find_sluice(explicit):
    if explicit:
        return explicit
    for d in [".build/release", ".build/debug"]:
        p = ROOT / d / "sluice"
        if p.exists():
            return str(p)
    sys.exit("sluice binary not found: build it or pass --sluice")


def read_ud(ud_dir):
    files = {}
    for path in sorted(pathlib.Path(ud_dir).glob("*.jsonl.zst")):
        raw = subprocess.run(["zstd", "-dc", str(path)], stdout=subprocess.PIPE, check=True).stdout
        files[path.name.split(".")[0]] = [json.loads(l) for l in raw.decode().splitlines() if l.strip()]
    return files


def boundaries(text, sents):
    """End offsets (trailing whitespace excluded) of all sentences but the last, located in text."""
    out, pos = [], 0
    for s in norm(sents):
        at = text.find(s, pos)
        if at < 0:  # a splitter that changed the text: fall back to a whitespace-free match
            at = pos
        end = at + len(s)
        out.append(end)
        pos = end
    return set(out[:-1])


LANG_OVERRIDE = None


def run_sluice(binary, records):
    payload = "".join(json.dumps({"id": i, "text": r["text"], "lang": LANG_OVERRIDE or r.get("lang", "en")},
                                 ensure_ascii=False) + "\n"
                      for i, r in enumerate(records)).encode()
    out = subprocess.run([binary, "split"], input=payload, stdout=subprocess.PIPE, check=True).stdout
    return [json.loads(line)["sentences"] for line in out.decode().splitlines()]


def peer_splitters():
    peers = {}
    try:
        import pysbd
        from pysbd.languages import LANGUAGE_CODES
        cache = {}

        def pysbd_split(text, lang):
            code = lang if lang in LANGUAGE_CODES else "en"
            if code not in cache:
                cache[code] = pysbd.Segmenter(language=code, clean=False)
            return cache[code].segment(text)
        peers["pySBD"] = (pysbd_split, set(LANGUAGE_CODES))
    except ImportError:
        pass
    try:
        from sentencex import segment
        peers["sentencex"] = (lambda text, lang: list(segment(lang, text)), None)
    except ImportError:
        pass
    try:
        import blingfire
        peers["blingfire"] = (lambda text, lang: blingfire.text_to_sentences(text).split("\n"), None)
    except ImportError:
        pass
    return peers


def score_ud(records, outputs):
    tp = fp = fn = exact = 0
    for r, sents in zip(records, outputs):
        gold = boundaries(r["text"], r["sentences"])
        pred = boundaries(r["text"], sents)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        exact += norm(sents) == norm(r["sentences"])
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    return {"p": 100 * p, "r": 100 * rc, "f1": 100 * f, "exact": exact, "n": len(records)}


def summary(per_file):
    f1s = [s["f1"] for s in per_file.values()]
    ex = sum(s["exact"] for s in per_file.values())
    n = sum(s["n"] for s in per_file.values())
    return sum(f1s) / len(f1s), min(f1s), 100 * ex / n


def show_errors(records, outputs, limit):
    shown = 0
    for r, sents in zip(records, outputs):
        if norm(sents) == norm(r["sentences"]):
            continue
        text = r["text"]
        gold = boundaries(text, r["sentences"])
        pred = boundaries(text, sents)
        for kind, pos in sorted([("MISSED", b) for b in gold - pred] + [("EXTRA", b) for b in pred - gold],
                                key=lambda x: x[1]):
            print(f"{r['id']} {kind:6} …{text[max(0, pos - 50):pos]}⟦|⟧{text[pos:pos + 40]}…")
            shown += 1
            if shown >= limit:
                return


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sluice", help="path to the sluice binary")
    ap.add_argument("--ud", default=str(UD_DEFAULT))
    ap.add_argument("--peers", action="store_true", help="also run pySBD, sentencex and blingfire")
    ap.add_argument("--errors", metavar="FILE_PREFIX",
                    help="print Sluice's boundary errors on matching UD files, or 'golden', or 'suite' (Sluice's test cases)")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--json", help="write all scores to this file")
    ap.add_argument("--sluice-lang", help="run Sluice with this language code on every file (e.g. xx: the generic rules)")
    a = ap.parse_args()
    global LANG_OVERRIDE
    LANG_OVERRIDE = a.sluice_lang

    binary = find_sluice(a.sluice)
    ud = read_ud(a.ud)
    golden = [json.loads(l) for l in (HERE / "golden_rules_en.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    for g in golden:
        g["lang"] = "en"

    if a.errors:
        if a.errors == "suite":  # Sluice's own test cases (Tests/SluiceTextTests/Fixtures/split_cases.jsonl)
            cases = [json.loads(l) for l in (ROOT / "Tests/SluiceTextTests/Fixtures/split_cases.jsonl")
                     .read_text(encoding="utf-8").splitlines() if l.strip()]
            bad = 0
            for c, out in zip(cases, run_sluice(binary, cases)):
                if norm(out) != norm(c["sentences"]):
                    bad += 1
                    print(f"[{c.get('lang')}] {c.get('rule')}\n  gold: {c['sentences']}\n  got:  {out}")
            print(f"{bad} of {len(cases)} suite cases fail")
            return
        if a.errors == "golden":
            for g, out in zip(golden, run_sluice(binary, golden)):
                if norm(out) != norm(g["sentences"]):
                    print(f"#{g['n']} {g['rule']}\n  gold: {g['sentences']}\n  got:  {out}")
            return
        for name, recs in ud.items():
            if name.startswith(a.errors):
                show_errors(recs, run_sluice(binary, recs), a.limit)
        return

    systems = {"Sluice": (lambda recs: run_sluice(binary, recs), None)}
    if a.peers:
        for name, (fn, langs) in peer_splitters().items():
            systems[name] = ((lambda fn: lambda recs: [fn(r["text"], r["lang"]) for r in recs])(fn), langs)

    results = {}
    for name, (run, langs) in systems.items():
        per_file = {f: score_ud(recs, run(recs)) for f, recs in ud.items()}
        gout = run(golden)
        gscore = sum(norm(o) == norm(g["sentences"]) for g, o in zip(golden, gout))
        results[name] = {"ud": per_file, "golden": gscore, "golden_failed": [g["n"] for g, o in zip(golden, gout)
                                                                              if norm(o) != norm(g["sentences"])]}
        print(f"{name}: done", file=sys.stderr)

    names = list(results)
    print("| UD file | " + " | ".join(f"{n} F1 (P/R)" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for f in ud:
        cells = []
        for n in names:
            s = results[n]["ud"][f]
            star = "*" if systems[n][1] is not None and ud[f][0]["lang"] not in systems[n][1] else ""
            cells.append(f"{s['f1']:.1f}{star} ({s['p']:.1f}/{s['r']:.1f})")
        print(f"| {f} | " + " | ".join(cells) + " |")
    print()
    print("| | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    sums = {n: summary(results[n]["ud"]) for n in names}
    print("| UD macro boundary F1 | " + " | ".join(f"{sums[n][0]:.1f}" for n in names) + " |")
    print("| UD lowest file F1 | " + " | ".join(f"{sums[n][1]:.1f}" for n in names) + " |")
    print("| UD paragraphs exact | " + " | ".join(f"{sums[n][2]:.1f}%" for n in names) + " |")
    print(f"| Golden Rules (en, {len(golden)}) | " + " | ".join(
        f"{results[n]['golden']}/{len(golden)} ({100 * results[n]['golden'] / len(golden):.1f}%)" for n in names) + " |")
    for n in names:
        print(f"{n} fails Golden Rules: {results[n]['golden_failed']}")
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
