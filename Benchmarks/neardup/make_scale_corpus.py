#!/usr/bin/env python3
"""Writes a synthetic corpus for near_dedup's memory: N short documents (40 words from a 20,000-word
vocabulary) in FILES JSONL files, 5% of them copies of an earlier document with one word changed.

    python3 Benchmarks/neardup/make_scale_corpus.py 1000000 /tmp/scale/1m [--files 8]

Peak RSS over two sizes gives the bytes held per document:
    /usr/bin/time -f %M sluice run /tmp/scale/1m -o OUT -p near.yaml --memory 64M
The texts are random words: only memory and speed are measured on them, never accuracy.
"""
import argparse, os, random

ap = argparse.ArgumentParser()
ap.add_argument("count", type=int)
ap.add_argument("out")
ap.add_argument("--files", type=int, default=8)
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()
rng = random.Random(a.seed)
letters = "abcdefghijklmnopqrstuvwxyz"
vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(20000)]
os.makedirs(a.out, exist_ok=True)
per = (a.count + a.files - 1) // a.files
kept = []
n = 0
for f in range(a.files):
    with open(os.path.join(a.out, f"part-{f:03d}.jsonl"), "w") as out:
        for _ in range(min(per, a.count - n)):
            if kept and rng.random() < 0.05:
                words = list(rng.choice(kept))
                words[rng.randrange(len(words))] = rng.choice(vocab)
            else:
                words = [rng.choice(vocab) for _ in range(40)]
                if len(kept) < 100000:
                    kept.append(words)
                else:
                    kept[rng.randrange(len(kept))] = words
            out.write('{"id":"doc-%d","text":"%s"}\n' % (n, " ".join(words)))
            n += 1
print(f"{n} documents in {a.files} files under {a.out}")
