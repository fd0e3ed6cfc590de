#!/usr/bin/env python3
"""A near-duplicate evaluation set from real prose, with exact word-shingle Jaccard labels.

    python3 Benchmarks/neardup/make_evalset.py OUT_DIR [--data ../shared/data] [--seed 1]

Documents are 8–20 consecutive sentences of one language of lingua's public test sentences
(75 languages, Leipzig corpora; `lingua-testdata/sentences/*.txt.zst`, Apache-2.0, read from
the shared data folder, never copied into the repository). A third of them get 1–3 synthetic
near-copies of varied strength: another headline, a byline, a footer, a paragraph cut, words
replaced, sentences swapped — so their Jaccard similarity spreads from ~0.3 to ~1. Hard
negatives: groups of unrelated documents ending in the same long site footer, and pairs of
same-language documents sharing one quoted sentence. Everything is shuffled (a copy may come
first). Writes OUT_DIR/eval.jsonl ({"id", "text"}) and OUT_DIR/truth.jsonl: per document, in
order, the highest Jaccard with any earlier document ("max_j") and that document's id.

Jaccard is over sets of 5-word shingles with Sluice's word boundaries (``reference_words``):
runs of letters, marks, digits and underscore, ASCII lowercased, soft hyphen / zero-width
characters skipped; Han, kana, Thai, Lao, Khmer and Myanmar letters one word each.
"""
import argparse, json, os, random, subprocess, sys, unicodedata
from collections import defaultdict

SHINGLE = 5
INVISIBLE = {0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}


def spaceless(v):
    return (0x0E00 <= v <= 0x0EFF or 0x1000 <= v <= 0x109F or 0x1780 <= v <= 0x17FF or 0x3040 <= v <= 0x30FF
            or 0x31F0 <= v <= 0x31FF or 0x3400 <= v <= 0x4DBF or 0x4E00 <= v <= 0x9FFF or 0xF900 <= v <= 0xFAFF
            or 0x20000 <= v <= 0x3FFFF)


def reference_words(text):
    words, cur, char_word = [], [], False
    for ch in text:
        v = ord(ch)
        if v in INVISIBLE:
            continue
        cat = unicodedata.category(ch)
        is_word = cat[0] in "LMN" or ch == "_"
        is_mark = cat[0] == "M"
        if not is_word:
            if cur:
                words.append("".join(cur)); cur = []
            char_word = False
            continue
        ch = ch.lower() if v < 0x80 else ch
        if spaceless(v) and not is_mark:
            if cur:
                words.append("".join(cur))
            cur, char_word = [ch], True
        else:
            if char_word and not is_mark and cur:
                words.append("".join(cur)); cur = []; char_word = False
            cur.append(ch)
    if cur:
        words.append("".join(cur))
    return words


def shingles(text, n=SHINGLE):
    w = reference_words(text)
    if not w:
        return set()
    if len(w) < n:
        return {" ".join(w)}
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


FOOTERS = [
    "Copyright 2024 Harbour Media Group. All rights reserved. This material may not be published, broadcast, rewritten or "
    "redistributed in whole or in part without prior written permission. Subscribe to our newsletter for the latest news, "
    "follow us on social media and download our app for breaking alerts, weather and traffic updates every morning.",
    "Diese Seite verwendet Cookies. Mit der Nutzung unserer Website erklären Sie sich damit einverstanden, dass wir Cookies "
    "verwenden. Weitere Informationen finden Sie in unserer Datenschutzerklärung. Alle Rechte vorbehalten, Nachdruck nur mit "
    "Genehmigung der Redaktion, Kontakt und Impressum am Ende jeder Seite.",
    "© Nouvelles du Port 2024 — Tous droits réservés. Reproduction interdite sans autorisation écrite préalable. Abonnez-vous "
    "à notre lettre d'information pour recevoir chaque matin les principales actualités de la région, la météo et les "
    "résultats sportifs du week-end.",
]
BYLINES = ["By Anna Kowalski, staff reporter", "Reporting by J. Martín; editing by K. Osei", "Von unserem Korrespondenten",
           "Par la rédaction, avec AFP", "(Reuters) —", "Associated Press"]


def load_docs(data, rng):
    base = os.path.join(data, "lingua-testdata", "sentences")
    docs = []
    for name in sorted(os.listdir(base)):
        lang = name.split(".")[0]
        sents = subprocess.run(["zstd", "-dc", os.path.join(base, name)], check=True, capture_output=True).stdout.decode("utf-8").splitlines()
        sents = [s.strip() for s in sents if s.strip()]
        i = 0
        while i + 8 <= len(sents):
            k = rng.randint(8, 20)
            part = sents[i:i + k]
            i += k
            # Paragraphs of 2–4 sentences, as articles have.
            paras, j = [], 0
            while j < len(part):
                m = rng.randint(2, 4)
                paras.append(" ".join(part[j:j + m]))
                j += m
            docs.append({"lang": lang, "paras": paras})
    return docs


def near_copy(doc, others, rng):
    paras = list(doc["paras"])
    edits = rng.sample(["headline", "byline", "footer", "cut", "words", "swap", "words", "cut"], rng.randint(1, 3))
    for e in edits:
        if e == "headline":
            paras.insert(0, rng.choice(rng.choice(others)["paras"]).split(". ")[0])
        elif e == "byline":
            paras.insert(0 if rng.random() < 0.5 else len(paras), rng.choice(BYLINES))
        elif e == "footer":
            paras.append("Read more: " + rng.choice(rng.choice(others)["paras"]))
        elif e == "cut" and len(paras) > 2:
            del paras[rng.randrange(len(paras))]
        elif e == "words":
            text = "\n\n".join(paras)
            w = text.split(" ")
            for _ in range(rng.randint(1, max(1, len(w) // rng.choice([8, 15, 30, 60])))):
                w[rng.randrange(len(w))] = rng.choice(["the", "new", "said", "2024", "also", "и", "die", "le"])
            paras = " ".join(w).split("\n\n")
        elif e == "swap" and len(paras) > 2:
            i = rng.randrange(len(paras) - 1)
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return paras


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    docs = load_docs(a.data, rng)
    out = []
    for i, d in enumerate(docs):
        out.append({"id": f"d{i}", "paras": d["paras"]})
    by_lang = defaultdict(list)
    for i, d in enumerate(docs):
        by_lang[d["lang"]].append(i)
    n_copies = 0
    for i, d in enumerate(docs):
        if rng.random() < 1 / 3:
            for c in range(rng.randint(1, 3)):
                out.append({"id": f"d{i}-c{c}", "paras": near_copy(d, docs, rng)})
                n_copies += 1
    # Hard negatives: unrelated documents sharing a long footer.
    for f in FOOTERS:
        for i in rng.sample(range(len(docs)), 150):
            out.append({"id": f"d{i}-foot{FOOTERS.index(f)}", "paras": docs[i]["paras"][: rng.randint(1, 3)] + [f]})
    # Hard negatives: same-language documents sharing one quoted sentence.
    for lang, idx in by_lang.items():
        for _ in range(4):
            x, y = rng.sample(idx, 2)
            quote = "“" + rng.choice(docs[rng.choice(idx)]["paras"]) + "”"
            for k in (x, y):
                p = list(docs[k]["paras"])
                p.insert(rng.randrange(len(p) + 1), quote)
                out.append({"id": f"d{k}-q{_}", "paras": p})
    rng.shuffle(out)
    os.makedirs(a.out, exist_ok=True)
    sets = [shingles("\n\n".join(o["paras"])) for o in out]
    index = defaultdict(list)
    truth = []
    for i, s in enumerate(sets):
        best, best_id = 0.0, None
        seen = set()
        for sh in s:
            for j in index[sh]:
                if j in seen:
                    continue
                seen.add(j)
                jac = len(s & sets[j]) / len(s | sets[j])
                if jac > best:
                    best, best_id = jac, out[j]["id"]
        for sh in s:
            index[sh].append(i)
        truth.append({"id": out[i]["id"], "max_j": round(best, 6), "of": best_id})
    with open(os.path.join(a.out, "eval.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps({"id": o["id"], "text": "\n\n".join(o["paras"])}, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truth:
            f.write(json.dumps(t) + "\n")
    size = os.path.getsize(os.path.join(a.out, "eval.jsonl"))
    hist = defaultdict(int)
    for t in truth:
        hist[min(9, int(t["max_j"] * 10))] += 1
    print(f"{len(out)} documents ({len(docs)} originals, {n_copies} near-copies, hard negatives), {size / 1e6:.1f} MB; "
          f"max-J histogram by tenth: {dict(sorted(hist.items()))}")


if __name__ == "__main__":
    main()
