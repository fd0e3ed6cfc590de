#!/usr/bin/env python3
"""Builds the held-out evaluation set for language identification (never used for training).

Sources: Debian packages, fetched with `apt-get download` and unpacked with `dpkg-deb -x`:
  * debian-handbook (27 translations of the same book; CC-BY-SA-3.0 / GPL-2+): the paragraphs
    (div.para) of each translation; paragraphs and sentences identical to English ones
    (untranslated text) are left out, as are items with English function words (looks_english).
  * manpages-fi, -hu, -mk, -uk, -sr (manpages-l10n, GPL-3+): prose lines of the translated
    man pages, for languages the handbook lacks.
Output: JSONL lines {"id", "lang", "kind": "paragraph"|"sentence", "text"}; paragraphs have
>= 200 characters, sentences 20-200 characters (paragraphs cut at sentence punctuation).

    python data/langid/make_evalset.py --root UNPACKED_DIR --out evalset.jsonl
"""
import argparse, glob, gzip, html, json, os, random, re

TAG = re.compile(r"<[^>]+>")
SENT = re.compile(r"(?<=[.!?;])\s+(?=[^\s])|(?<=[。！？])")
HANDBOOK_LANG = {"ar-MA": "ar", "zh-CN": "zh", "zh-TW": "zh", "pt-BR": "pt", "nb-NO": "nb"}

def handbook_paragraphs(d):
    out = []
    for f in sorted(glob.glob(os.path.join(d, "*.html"))):
        raw = open(f, encoding="utf-8", errors="replace").read()
        raw = re.sub(r"(?s)<(script|style|pre)\b.*?</\1>", " ", raw)
        for m in re.finditer(r'(?s)<div class="para"[^>]*>(.*?)</div>', raw):
            t = " ".join(html.unescape(TAG.sub("", m.group(1))).split())
            out.append(t)
    return out

def man_paragraphs(root):
    out = []
    for f in sorted(glob.glob(os.path.join(root, "usr/share/man/*/man*/*.gz"))):
        try:
            lines = gzip.open(f, "rt", encoding="utf-8", errors="replace").read().split("\n")
        except OSError:
            continue
        cur = []
        for line in lines:
            if line.startswith((".", "'")) or not line.strip():
                if cur:
                    out.append(" ".join(cur)); cur = []
                continue
            if "\\" in line or line.count("-") > 3:
                if cur:
                    out.append(" ".join(cur)); cur = []
                continue
            cur.append(line.strip())
        if cur:
            out.append(" ".join(cur))
    return out

# Untranslated English left in a translation (often not byte-identical to the English book):
# items of another language with English function words are left out.
ENGLISH = set("the and of with this that which from are be can you your should will its by not or has have".split())
WORD = re.compile(r"[^\W\d_]+")

def looks_english(text):
    words = [w.lower() for w in WORD.findall(text)]
    hits = sum(w in ENGLISH for w in words)
    return hits >= 2 or (hits >= 1 and hits >= 0.2 * len(words))

def sentences(paragraphs):
    for p in paragraphs:
        for s in SENT.split(p):
            s = s.strip()
            if 20 <= len(s) <= 200:
                yield s

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--paragraphs", type=int, default=120)
    ap.add_argument("--sentences", type=int, default=240)
    a = ap.parse_args()
    rng = random.Random(6)
    base = glob.glob(os.path.join(a.root, "handbook/usr/share/doc/debian-handbook/html"))[0]
    english = set(handbook_paragraphs(os.path.join(base, "en-US")))
    english_sents = set(sentences(english))
    sources = {}
    for d in sorted(os.listdir(base)):
        code = HANDBOOK_LANG.get(d, d.split("-")[0])
        ps = handbook_paragraphs(os.path.join(base, d))
        if code != "en":
            ps = [p for p in ps if p not in english]
        sources.setdefault(code, []).extend(ps)
    for code in ["fi", "hu", "mk", "uk", "sr"]:
        sources[code] = man_paragraphs(os.path.join(a.root, f"man-{code}"))
    n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for code in sorted(sources):
            ps = sorted(set(sources[code]))
            if code != "en":
                ps = [p for p in ps if not looks_english(p)]
            paras = [p for p in ps if len(p) >= 200]
            sents = sorted(set(sentences(ps)) - (english_sents if code != "en" else set()))
            if code != "en":
                sents = [t for t in sents if not looks_english(t)]
            rng.shuffle(paras); rng.shuffle(sents)
            for kind, items, k in (("paragraph", paras, a.paragraphs), ("sentence", sents, a.sentences)):
                for i, t in enumerate(items[:k]):
                    out.write(json.dumps({"id": f"{code}-{kind[0]}{i}", "lang": code, "kind": kind, "text": t},
                                         ensure_ascii=False) + "\n")
                    n += 1
                print(code, kind, min(k, len(items)))
    print(n, "items")

if __name__ == "__main__":
    main()
