#!/usr/bin/env python3
"""Sluice on lingua's public accuracy benchmark (../shared/data/lingua-testdata: 75 languages x
1,000 sentences, word pairs and single words; Apache-2.0, Leipzig corpora). Evaluation only: the
items are never used to build or tune the model.

    python3 Benchmarks/langid/score_lingua.py [--data DIR] [--sluice .build/release/sluice]
        [--pipeline FILE.yaml] [--kinds sentences,word-pairs,single-words] [--confusion]

Runs `sluice tag --jobs 1` (or `sluice run --pipeline FILE` when given, e.g. to try stage
options) on every item of each kind, and prints the macro mean accuracy over the languages per
kind, the per-language accuracy, the items per second of CPU, and with --confusion the confusion
tables of the groups of close languages (rows: true language, columns: answers).
"""
import argparse, collections, json, os, resource, subprocess, sys, tempfile

KINDS = ["sentences", "word-pairs", "single-words"]
GROUPS = [["bs", "hr", "sr"], ["ms", "id"], ["nb", "nn", "da"], ["gl", "pt", "es"], ["ca", "es"],
          ["cs", "sk"], ["hi", "mr", "ne"]]

def read_items(data, kind):
    base = os.path.join(data, kind)
    items = []
    for f in sorted(os.listdir(base)):
        lang = f.split(".")[0]
        raw = subprocess.run(["zstd", "-dc", os.path.join(base, f)], capture_output=True, check=True).stdout
        for k, line in enumerate(raw.decode("utf-8").splitlines()):
            if line.strip():
                items.append((f"{lang}-{k}", lang, line))
    return items

def run_sluice(binary, pipeline, items):
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, _, t in items)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if pipeline:
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "in.jsonl")
            open(src, "w", encoding="utf-8").write(lines)
            subprocess.run([binary, "run", "--pipeline", pipeline, "--jobs", "1", "--output", os.path.join(d, "out"), src],
                           capture_output=True, check=True)
            outdir = os.path.join(d, "out")
            text = ""
            for f in sorted(os.listdir(outdir)):
                p = os.path.join(outdir, f)
                if f.endswith(".zst"):
                    text += subprocess.run(["zstd", "-dc", p], capture_output=True, check=True).stdout.decode()
                elif f.endswith(".jsonl"):
                    text += open(p, encoding="utf-8").read()
    else:
        text = subprocess.run([binary, "tag", "--jobs", "1"], input=lines.encode(), capture_output=True,
                              check=True).stdout.decode()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    res = {}
    for line in text.splitlines():
        o = json.loads(line)
        res[o["id"]] = o.get("lang", "und")
    return [res.get(i, "und") for i, _, _ in items], cpu, len(lines.encode())

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data/lingua-testdata"))
    ap.add_argument("--sluice", default=".build/release/sluice")
    ap.add_argument("--pipeline")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--per-language", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        sys.exit(f"no lingua test data at {a.data}")
    summary, per = {}, {}
    confusions = {}
    for kind in a.kinds.split(","):
        items = read_items(a.data, kind)
        preds, cpu, nbytes = run_sluice(a.sluice, a.pipeline, items)
        by = collections.defaultdict(lambda: [0, 0])
        conf = collections.Counter()
        for (_, lang, _), p in zip(items, preds):
            by[lang][1] += 1
            by[lang][0] += p == lang
            conf[(lang, p)] += 1
        accs = {l: 100.0 * c / n for l, (c, n) in by.items()}
        summary[kind] = (sum(accs.values()) / len(accs), cpu, nbytes, len(items))
        per[kind] = accs
        confusions[kind] = conf
    print("| kind | macro mean % | items | CPU s (whole process) |")
    print("|---|---|---|---|")
    for kind, (m, cpu, nbytes, n) in summary.items():
        print(f"| {kind} | {m:.2f} | {n} | {cpu:.2f} |")
    langs = sorted(next(iter(per.values())))
    if a.per_language:
        print("\n| lang | " + " | ".join(per) + " |\n|---|" + "---|" * len(per))
        for l in langs:
            print(f"| {l} | " + " | ".join(f"{per[k].get(l, 0):.1f}" for k in per) + " |")
    low = [(l, per["sentences"][l]) for l in langs if "sentences" in per and per["sentences"][l] < 80]
    if "sentences" in per:
        print("\nbelow 80% on sentences:", ", ".join(f"{l} {v:.1f}" for l, v in low) or "none")
    if a.confusion:
        for kind, conf in confusions.items():
            for g in GROUPS:
                present = [l for l in g if any(conf[(l, x)] for x in langs + ["und"] + g)]
                if not present:
                    continue
                cols = g + ["other"]
                print(f"\n{kind}: {'/'.join(g)} (rows: truth; columns: answer)\n| | " + " | ".join(cols) + " |\n|---|" + "---|" * len(cols))
                for l in present:
                    row = [conf[(l, c)] for c in g]
                    total = sum(v for (t, _), v in conf.items() if t == l)
                    print(f"| {l} | " + " | ".join(str(v) for v in row) + f" | {total - sum(row)} |")

if __name__ == "__main__":
    main()
