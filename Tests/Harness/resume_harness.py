#!/usr/bin/env python3
"""Resume exactness harness: SIGKILL `sluice run` at random moments, resume, compare.

    python3 Tests/Harness/resume_harness.py [--mb 60] [--kills 20] [--seed 1] [--sluice PATH]
    python3 Tests/Harness/resume_harness.py --pipeline Pipelines/news-neardup.yaml --near-copies 400

With `--near-copies N`, a file of N near-copies (a few words cut or changed) of documents drawn
from both halves of the corpus sits between them in run order, so near_dedup drops documents
before and after it; the harness then also checks that near-duplicates were dropped.

1. Generates a multi-file corpus (Benchmarks/make_corpus.py; one file holds half the data so it
   spans many checkpoints) plus a few small files.
2. Runs sluice once uninterrupted (the reference).
3. Starts the same command again and again on a second output directory, killing it with
   SIGKILL after a random delay, until `--kills` kills landed while it was running; then runs
   it to completion.
4. Compares: decompressed outputs and _rejected/ files byte for byte, stats.jsonl file events
   (all fields but seconds) exactly once per file, and the run event says resumed.
Exit status 0 when everything matches. Uses small checkpoint intervals so kills land between,
during and after checkpoints.
"""
import argparse, json, os, random, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def decompressed(path):
    return subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout


def outputs(out):
    found = {}
    for d, _, names in os.walk(out):
        if os.path.relpath(d, out).startswith(".sluice"):
            continue
        for n in names:
            p = os.path.join(d, n)
            rel = os.path.relpath(p, out)
            if n.endswith(".partial"):
                found[rel] = b"<partial left behind>"
            elif n.endswith(".zst"):
                found[rel] = decompressed(p)
    return found


def file_events(out):
    events, run = {}, None
    with open(os.path.join(out, "stats.jsonl"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["event"] == "file":
                e.pop("seconds", None)
                if e["file"] in events:
                    raise SystemExit(f"duplicate file event for {e['file']}")
                events[e["file"]] = e
            elif e["event"] == "run":
                run = e
    return events, run


def write_near_copies(corpus, n, rng):
    """copies/near.jsonl.zst: near-copies of documents of big/ (earlier in run order) and many/
    (later), so some copies are dropped and some originals are."""
    docs = []
    for d, _, names in sorted(os.walk(corpus)):
        for name in sorted(names):
            for line in decompressed(os.path.join(d, name)).decode("utf-8", "replace").splitlines():
                try:
                    o = json.loads(line)
                except ValueError:
                    continue
                if isinstance(o, dict) and isinstance(o.get("text"), str) and len(o["text"].split()) >= 80:
                    docs.append(o)
    lines = []
    for i, o in enumerate(rng.sample(docs, min(n, len(docs)))):
        words = o["text"].split(" ")
        words = words[: len(words) - 3]
        words[len(words) // 2] = "changed"
        lines.append(json.dumps({"id": f"near-{i}", "text": " ".join(words)}, ensure_ascii=False))
    os.makedirs(os.path.join(corpus, "copies"), exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    subprocess.run(["zstd", "-q", "-o", os.path.join(corpus, "copies", "near.jsonl.zst")], input=data, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=60)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sluice", default=os.path.join(ROOT, ".build", "release", "sluice"))
    ap.add_argument("--work", default=None, help="working directory (default: a temporary one)")
    ap.add_argument("--checkpoint-records", type=int, default=2000)
    ap.add_argument("--pipeline", default=None, help="pipeline file or name (default: the built-in news)")
    ap.add_argument("--near-copies", type=int, default=0, help="add a file of N near-copies (see above)")
    ap.add_argument("--test-args", default="", help="more `sluice run` arguments for the killed runs only, e.g. '--memory 1M': "
                    "the reference runs without them, so their outputs must not change anything")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = a.work or tempfile.mkdtemp(prefix="sluice-harness-")
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    gen = os.path.join(ROOT, "Benchmarks", "make_corpus.py")
    subprocess.run([sys.executable, gen, os.path.join(corpus, "big"), "--mb", str(a.mb / 2), "--files", "1", "--seed", str(a.seed)], check=True, capture_output=True)
    subprocess.run([sys.executable, gen, os.path.join(corpus, "many"), "--mb", str(a.mb / 2), "--files", "6", "--seed", str(a.seed + 1)], check=True, capture_output=True)
    if a.near_copies:
        write_near_copies(corpus, a.near_copies, rng)
    size = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(corpus) for n in ns)

    cmd = lambda out: [a.sluice, "run", corpus, "-o", out, "--jobs", str(a.jobs), "--progress", "none",
                       "--checkpoint-records", str(a.checkpoint_records), "--checkpoint-seconds", "0.5"] + (["-p", a.pipeline] if a.pipeline else []) \
        + (a.test_args.split() if out != ref else [])
    ref, test = os.path.join(work, "ref"), os.path.join(work, "test")
    for d in (ref, test):
        shutil.rmtree(d, ignore_errors=True)
    t0 = time.time()
    subprocess.run(cmd(ref), check=True, capture_output=True)
    duration = time.time() - t0
    print(f"corpus {size / 1e6:.1f} MB compressed, reference run {duration:.2f} s", flush=True)

    kills = attempts = 0
    while kills < a.kills:
        attempts += 1
        if attempts > a.kills * 10:
            raise SystemExit("could not land enough kills: the run finishes too fast; raise --mb")
        p = subprocess.Popen(cmd(test), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.02, max(0.05, duration * 0.6)))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()
            kills += 1
        else:
            # Finished before the kill: start over so later kills still hit real work.
            shutil.rmtree(test, ignore_errors=True)
    final = subprocess.run(cmd(test), capture_output=True, text=True)
    print(f"{kills} kills landed in {attempts} attempts; final run exit {final.returncode}: {final.stderr.strip()}", flush=True)

    ok = final.returncode == 0
    ro, to = outputs(ref), outputs(test)
    if ro.keys() != to.keys():
        print("different output files:", sorted(set(ro) ^ set(to)))
        ok = False
    for k in sorted(ro.keys() & to.keys()):
        if ro[k] != to[k]:
            print(f"MISMATCH {k}: {len(ro[k])} vs {len(to[k])} bytes")
            ok = False
    re_, _ = file_events(ref)
    te, run = file_events(test)
    if re_ != te:
        for f in sorted(set(re_) | set(te)):
            if re_.get(f) != te.get(f):
                print(f"stats differ for {f}:\n  ref  {re_.get(f)}\n  test {te.get(f)}")
        ok = False
    if not run or not run.get("resumed"):
        print("run event missing or not marked resumed:", run)
        ok = False
    if a.near_copies:
        near = sum(e.get("dropped", {}).get("near_duplicate", 0) for e in te.values())
        print(f"near_duplicate drops: {near}")
        if near < a.near_copies // 2:
            print("too few near-duplicates dropped")
            ok = False
    print(f"{'PASS' if ok else 'FAIL'}: {len(ro)} outputs compared, {len(te)} file events")
    if not a.work and ok:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
