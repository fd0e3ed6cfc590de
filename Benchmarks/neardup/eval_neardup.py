#!/usr/bin/env python3
"""Near-duplicate precision/recall of Sluice, datatrove and datasketch on one evaluation set.

    python3 Benchmarks/neardup/make_evalset.py /tmp/nd-eval
    python3 -m venv /tmp/venv-dd && /tmp/venv-dd/bin/pip install datatrove datasketch xxhash
    /tmp/venv-dd/bin/python Benchmarks/neardup/eval_neardup.py /tmp/nd-eval [--sluice .build/release/sluice] [--tools sluice,datatrove,datasketch]

A document is a true near-duplicate at threshold t when its word-shingle Jaccard with some
earlier document is ≥ t (truth.jsonl). A tool's prediction is the set of documents it removes.
Precision, recall and F1 over documents, at t = 0.7, 0.8, 0.9, and throughput in MB of input
per CPU-second of the tool's process (children included, Python start-up excluded where
measurable). Sluice runs a pipeline holding only `near_dedup` with `threshold: t`; datatrove
runs its 4-step MinHash with its defaults (5-grams, 14 buckets × 8 hashes, 64-bit, no threshold
to set: one run scored at each t); datasketch runs MinHashLSH(threshold=t, num_perm=128) over
the same shingles as the truth, keeping a candidate only when the MinHash estimate is ≥ t.
"""
import argparse, json, os, resource, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_evalset import shingles  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THRESHOLDS = (0.7, 0.8, 0.9)


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def score(pred, truth, t):
    true = {x["id"] for x in truth if x["max_j"] >= t}
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_sluice(evaldir, binary, t, work, extra="", args=()):
    pipe = os.path.join(work, f"near-{t}.yaml")
    with open(pipe, "w") as f:
        f.write(f"name: near\nstages:\n  - near_dedup:\n      threshold: {t}\n" + "".join(f"      {x}\n" for x in extra.split(";" if ";" in extra else ",") if x))
    out = os.path.join(work, f"sluice-{t}")
    shutil.rmtree(out, ignore_errors=True)
    c0 = cpu_children()
    subprocess.run([binary, "run", os.path.join(evaldir, "eval.jsonl"), "-o", out, "-p", pipe, "--progress", "none", *args],
                   check=True, capture_output=True)
    cpu = cpu_children() - c0
    rej = subprocess.run(["zstd", "-dc", os.path.join(out, "_rejected", "eval.jsonl.zst")], capture_output=True).stdout
    pred = set()
    for line in rej.decode("utf-8").splitlines():
        o = json.loads(line)
        if o["reason"] == "near_duplicate":
            pred.add(o["record"]["id"])
    return pred, cpu


def run_datatrove(evaldir, work):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup import MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter, MinhashDedupSignature
    from datatrove.pipeline.dedup.minhash import MinhashConfig
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    cfg = MinhashConfig()
    base = os.path.join(work, "datatrove")
    shutil.rmtree(base, ignore_errors=True)
    reader = lambda: JsonlReader(evaldir, glob_pattern="eval.jsonl", id_key="id", text_key="text")
    c0 = cpu_self()
    LocalPipelineExecutor(pipeline=[reader(), MinhashDedupSignature(output_folder=f"{base}/sigs", config=cfg)],
                          tasks=1, logging_dir=f"{base}/logs/1").run()
    LocalPipelineExecutor(pipeline=[MinhashDedupBuckets(input_folder=f"{base}/sigs", output_folder=f"{base}/buckets", config=cfg)],
                          tasks=cfg.num_buckets, logging_dir=f"{base}/logs/2").run()
    LocalPipelineExecutor(pipeline=[MinhashDedupCluster(input_folder=f"{base}/buckets", output_folder=f"{base}/remove_ids", config=cfg)],
                          tasks=1, logging_dir=f"{base}/logs/3").run()
    LocalPipelineExecutor(pipeline=[reader(), MinhashDedupFilter(input_folder=f"{base}/remove_ids",
                                                                 exclusion_writer=JsonlWriter(f"{base}/removed", compression=None)),
                                    JsonlWriter(f"{base}/kept", compression=None)],
                          tasks=1, logging_dir=f"{base}/logs/4").run()
    cpu = cpu_self() - c0
    pred = set()
    for name in os.listdir(f"{base}/removed"):
        with open(os.path.join(base, "removed", name), encoding="utf-8") as f:
            for line in f:
                pred.add(json.loads(line)["id"])
    return pred, cpu


def run_datasketch(docs, t):
    from datasketch import MinHash, MinHashLSH
    c0 = cpu_self()
    lsh = MinHashLSH(threshold=t, num_perm=128)
    sigs = {}
    pred = set()
    for d in docs:
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in shingles(d["text"])])
        for c in lsh.query(m):
            if sigs[c].jaccard(m) >= t:
                pred.add(d["id"])
                break
        lsh.insert(d["id"], m)
        sigs[d["id"]] = m
    return pred, cpu_self() - c0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evaldir")
    ap.add_argument("--sluice", default=os.path.join(ROOT, ".build", "release", "sluice"))
    ap.add_argument("--tools", default="sluice,datatrove,datasketch")
    ap.add_argument("--sluice-options", default="", help="more near_dedup options, e.g. 'check_bins: 512,preset: datatrove' (separated by ';' when a value holds commas)")
    ap.add_argument("--sluice-args", default="", help="more `sluice run` arguments, e.g. '--memory 1M' (memory mode)")
    a = ap.parse_args()
    tools = a.tools.split(",")
    truth = [json.loads(l) for l in open(os.path.join(a.evaldir, "truth.jsonl"))]
    docs = [json.loads(l) for l in open(os.path.join(a.evaldir, "eval.jsonl"), encoding="utf-8")]
    mb = os.path.getsize(os.path.join(a.evaldir, "eval.jsonl")) / 1e6
    work = tempfile.mkdtemp(prefix="neardup-eval-")
    print(f"{len(docs)} documents, {mb:.1f} MB; true near-duplicates: "
          + ", ".join(f"J≥{t}: {sum(x['max_j'] >= t for x in truth)}" for t in THRESHOLDS))
    print(f"{'tool':<34} {'t':>4} {'P':>6} {'R':>6} {'F1':>6} {'dropped':>8} {'MB/CPU-s':>9}")
    rows = []
    if "sluice" in tools:
        for t in THRESHOLDS:
            pred, cpu = run_sluice(a.evaldir, a.sluice, t, work, a.sluice_options, a.sluice_args.split())
            rows.append(("sluice " + (a.sluice_options or "defaults") + (" " + a.sluice_args if a.sluice_args else ""), t, *score(pred, truth, t), len(pred), mb / cpu))
    if "datatrove" in tools:
        pred, cpu = run_datatrove(a.evaldir, work)
        for t in THRESHOLDS:
            rows.append(("datatrove 0.10 defaults (14×8)", t, *score(pred, truth, t), len(pred), mb / cpu))
    if "datasketch" in tools:
        for t in THRESHOLDS:
            pred, cpu = run_datasketch(docs, t)
            rows.append(("datasketch LSH 128 + check", t, *score(pred, truth, t), len(pred), mb / cpu))
    for name, t, p, r, f, n, speed in rows:
        print(f"{name:<34} {t:>4} {p:>6.3f} {r:>6.3f} {f:>6.3f} {n:>8} {speed:>9.2f}", flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
