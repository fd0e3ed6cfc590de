#!/usr/bin/env python3
"""Accuracy of Sluice's language identification and of langdetect, langid (py3langid) and
pycld2 on the held-out set make_evalset.py builds (Debian's translated documentation).

    python data/langid/evaluate.py EVALSET.jsonl --sluice .build/release/sluice
Run it with a venv's python that has langdetect, py3langid and pycld2 (fetch_sources.sh makes
one); tools missing from it are skipped. Prints accuracy per tool on paragraphs and sentences,
then Sluice's errors per language.
"""
import argparse, collections, json, subprocess, sys

def norm(code):
    code = (code or "und").lower().replace("_", "-")
    code = {"zh-cn": "zh", "zh-tw": "zh", "zh-hant": "zh", "no": "nb"}.get(code, code)
    return code.split("-")[0]

def run_sluice(binary, items):
    lines = "".join(json.dumps({"id": it["id"], "text": it["text"]}, ensure_ascii=False) + "\n" for it in items)
    out = subprocess.run([binary, "tag", "--jobs", "1"], input=lines.encode(), capture_output=True, check=True)
    res = {}
    for line in out.stdout.decode().splitlines():
        o = json.loads(line)
        res[o["id"]] = o["lang"]
    return [res.get(it["id"], "und") for it in items]

def run_langdetect(items):
    from langdetect import DetectorFactory, detect
    DetectorFactory.seed = 0
    out = []
    for it in items:
        try:
            out.append(detect(it["text"]))
        except Exception:
            out.append("und")
    return out

def run_langid(items):
    import py3langid
    return [py3langid.classify(it["text"])[0] for it in items]

def run_cld2(items):
    import pycld2
    out = []
    for it in items:
        try:
            ok, _, details = pycld2.detect(it["text"])
            out.append(details[0][1] if ok and details[0][1] != "un" else "und")
        except Exception:
            out.append("und")
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evalset")
    ap.add_argument("--sluice", default=".build/release/sluice")
    ap.add_argument("--only-sluice", action="store_true")
    a = ap.parse_args()
    items = [json.loads(l) for l in open(a.evalset, encoding="utf-8")]
    tools = {"sluice": lambda: run_sluice(a.sluice, items)}
    if not a.only_sluice:
        tools.update({"langdetect": lambda: run_langdetect(items), "langid": lambda: run_langid(items),
                      "pycld2": lambda: run_cld2(items)})
    langs = sorted({it["lang"] for it in items})
    kinds = collections.Counter(it["kind"] for it in items)
    print(f"{len(items)} items, {len(langs)} languages ({' '.join(langs)}): "
          f"{kinds['paragraph']} paragraphs, {kinds['sentence']} sentences")
    print(f"| tool | paragraphs | sentences |\n|---|---|---|")
    errors = None
    for name, fn in tools.items():
        try:
            preds = [norm(p) for p in fn()]
        except ImportError as e:
            print(f"| {name} | skipped ({e}) | |")
            continue
        acc = {}
        for kind in ("paragraph", "sentence"):
            sel = [(it, p) for it, p in zip(items, preds) if it["kind"] == kind]
            acc[kind] = sum(it["lang"] == p for it, p in sel) / max(1, len(sel))
        print(f"| {name} | {acc['paragraph']:.2%} | {acc['sentence']:.2%} |")
        if name == "sluice":
            errors = [(it, p) for it, p in zip(items, preds) if it["lang"] != p]
    if errors is not None:
        by = collections.Counter((it["lang"], it["kind"][0], p) for it, p in errors)
        print("sluice errors (lang, kind, predicted): count:",
              ", ".join(f"{l}/{k}->{p}: {c}" for (l, k, p), c in by.most_common(40)))

if __name__ == "__main__":
    main()
