#!/usr/bin/env python3
"""Builds Sluice's language-identification model (langid.bin).

Sources (all openly licensed, all reachable through pip or apt; see NOTICE):
  * lingua-language-detector 1.x (pip, Apache-2.0): character n-gram statistics for 75 languages,
    shipped in the wheel under lingua/language-models/<code>/{uni,bi,tri,quadri,five}grams.json.br as
    reduced fractions (unigrams: share of all letters; order n > 1: probability of the last letter
    given the n - 1 before it). load_lingua turns them back into exact counts.
  * Galician (gl), which lingua lacks: the prose of Debian's libreoffice-help-gl package
    (MPL-2.0), counted here: only paragraphs that read as Galician (much of it is English),
    each distinct paragraph once, without the words as frequent in the package's English
    paragraphs as in its Galician ones (names, code, untranslated terms); see count_galician.
  * Maltese (mt), which lingua lacks: the word list inside Debian's tesseract-ocr-mlt package
    (Apache-2.0), extracted with combine_tessdata -u and dawg2wordlist (package tesseract-ocr),
    counted here (one count per word form).

Usage (pip install brotli lingua-language-detector<2 in a venv):
    python data/langid/build_model.py --lingua SITE/lingua/language-models \
        --gl-help DIR_OF_HELP_HTML --mt-words words.txt --out Sources/Sluice/Resources/langid.bin
(the library's bundled model, the only copy in the repository).

Model: naive Bayes over character n-grams (orders 1-5) taken inside words (runs of letters,
lower-cased), each order a Markov chain over the letters of a word, as lingua's own models are:
for a language l, a unigram scores log P(g | l) = log(count / number of letters), an n-gram of
order n > 1 scores log P(last letter | first n - 1 letters, l) = log(count(g) / count(g[:-1])).
The value stored for (g, l) is log P - log eps_n in tenths of a nat (a byte), eps_n being a floor
shared by all languages (UNI_FLOOR, COND_FLOOR), so an unstored pair scores 0 and sums need only
the stored pairs. Which pairs are stored: all of orders 1 and 2; of orders 3-5, among each
language's POOL most frequent, those whose absence would cost their language's own text most --
frequency in that text times value, the expected loss in tenths of a nat per letter (computed
from the training counts alone) -- as many as fit MAX_BYTES (the repository takes no file over
5 MiB; the model must also stay small enough for the lookup tables to be cache-friendly).

File layout (little endian):
  "SLID" u32 version (2)
  u32 nLangs, then per language: u8 len, code (ASCII), u32 script mask, i8 log prior (tenths of a nat)
  u32 nLetters, then per letter: u32 code point, u32 lower-case code point   (code points < 0x3000)
  u32 nKeys, u32 nPostings
  hashes: nKeys LEB128 varints, the differences of the n-grams' hashes in ascending order (the
          first from 0; all > 0)
  postings: nPostings x (u8 language index | 0x80 on the last posting of an n-gram, u8 value),
          the n-grams' lists in hash order, languages ascending, no language twice in a list
Hash of an n-gram: 64-bit FNV-1a over its code points taken right to left, folded to 32 bits,
the low 26 kept (0 mapped to 1); right to left so a reader extends order n to n+1 with one step.
"""
import argparse, glob, html, json, math, os, re, struct, sys, unicodedata
from collections import Counter

ORDERS = (1, 2, 3, 4, 5)
# Log priors in nats. Close languages (bs/hr, ms/id, nb/nn/da) and languages rare in real
# corpora (la, eo, af) are told apart by their n-grams (orders up to 5 carry their spellings and
# short words), not by priors that sacrifice one side. The two priors left are for the
# languages counted from small, narrow sources (gl: software help pages; mt: a word list), whose
# statistics are less sure than lingua's: they lose ties with their big neighbours.
PRIORS = {"gl": -5.0, "mt": -5.0}
# Candidates per language and order (the most frequent); of orders 3-5 the model keeps those whose
# absence would cost their language's text most (see candidates), as many as fit MAX_BYTES.
POOL = {1: 100000, 2: 5000, 3: 40000, 4: 40000, 5: 40000}
MAX_BYTES = 5_000_000
# Floors: a letter unseen in a language counts as probability 1e-6; a continuation (order n > 1)
# that is unseen, pruned or rarer than COND_FLOOR after its n - 1 letters counts as COND_FLOOR.
# 1e-3 was chosen among 0.03, 0.01, 0.003, 0.001 on the dev half of the evaluation set (even
# CRC-32 of the item id); the differences between them were a few items.
UNI_FLOOR = 1e-6
COND_FLOOR = 1e-3
MASK64 = (1 << 64) - 1
# N-gram hashes keep 26 bits: their sorted differences (about 2^26 / 850k = 79 apart) are mostly
# one-byte varints, where 32 bits took two; about 1.5% of the n-grams share a hash with another,
# and so their scores (harmless when the two are of different scripts, whose languages are never
# scored together), and an n-gram the model lacks finds another's hash about 1.4% of the time.
HASH_BITS = 26
HASH_MASK = (1 << HASH_BITS) - 1

# Scripts, as bits of a mask; a language's mask lists the scripts its letters are written in.
SCRIPTS = ["Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Devanagari",
           "Bengali", "Gurmukhi", "Gujarati", "Tamil", "Telugu", "Thai", "Hangul", "Han", "Kana", "Other"]

def script_of(cp):
    if cp < 0x250 or 0x1E00 <= cp < 0x1F00: return 0
    if 0x370 <= cp < 0x400 or 0x1F00 <= cp < 0x2000: return 2
    if 0x400 <= cp < 0x530: return 1
    if 0x530 <= cp < 0x590: return 3
    if 0x10A0 <= cp < 0x1100: return 4
    if 0x590 <= cp < 0x600: return 5
    if 0x600 <= cp < 0x700 or 0x750 <= cp < 0x780 or 0xFB50 <= cp < 0xFE00 or 0xFE70 <= cp < 0xFF00: return 6
    if 0x900 <= cp < 0x980: return 7
    if 0x980 <= cp < 0xA00: return 8
    if 0xA00 <= cp < 0xA80: return 9
    if 0xA80 <= cp < 0xB00: return 10
    if 0xB80 <= cp < 0xC00: return 11
    if 0xC00 <= cp < 0xC80: return 12
    if 0xE00 <= cp < 0xE80: return 13
    if 0xAC00 <= cp < 0xD7B0 or 0x1100 <= cp < 0x1200 or 0x3130 <= cp < 0x3190: return 14
    if 0x3040 <= cp < 0x3100 or 0x31F0 <= cp < 0x3200 or 0xFF66 <= cp < 0xFFA0: return 16
    if 0x3400 <= cp < 0xA000 or 0xF900 <= cp < 0xFB00 or 0x20000 <= cp < 0x32000: return 15
    return 17

def ngram_hash(gram):
    h = 0xcbf29ce484222325
    for ch in reversed(gram):
        h = ((h ^ ord(ch)) * 0x100000001b3) & MASK64
    k = (h ^ (h >> 32)) & HASH_MASK
    return k or 1

def load_lingua_fractions(base, code, name):
    import brotli
    path = os.path.join(base, code, name + ".json.br")
    if not os.path.exists(path):
        return {}
    d = json.loads(brotli.decompress(open(path, "rb").read()))
    out = {}
    for frac, grams in d["ngrams"].items():
        num, den = (int(x) for x in frac.split("/"))
        for g in grams.split(" "):
            out[g] = (num, den)
    return out

def load_lingua(base, code):
    """Counts of n-grams of orders 1-5 for one language, recovered from lingua's files.

    lingua stores reduced fractions: a unigram's share of all letters, and for n > 1 the
    probability of an n-gram's last letter after its first n - 1 letters (count(abc) / count(ab)).
    The counts are rebuilt exactly: count(a) = share x total (the total being the common
    denominator), count(abc) = fraction x count(ab)."""
    counts = {}
    prev = None
    for n, name in zip(ORDERS, ["unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"]):
        fr = load_lingua_fractions(base, code, name)
        c = Counter()
        if n == 1:
            total = math.lcm(*(den for _, den in fr.values()))
            for g, (num, den) in fr.items():
                c[g] = num * (total // den)
        else:
            for g, (num, den) in fr.items():
                parent = prev.get(g[:-1], 0)
                if parent:
                    c[g] = (num * parent + den // 2) // den
        c = Counter({g: k for g, k in c.items() if k > 0})
        counts[n] = c
        prev = c
    return counts

def is_letter(ch):
    return unicodedata.category(ch)[0] in "LM"

def count_text(words, counts):
    """Adds the n-grams of each (lower-cased) word to counts[n]."""
    for w in words:
        for n in ORDERS:
            c = counts[n]
            for i in range(len(w) - n + 1):
                c[w[i:i + n]] += 1

def words_of(text, letters):
    out, cur = [], []
    for ch in text.lower():
        if ch in letters or is_letter(ch):
            cur.append(ch)
        elif cur:
            out.append("".join(cur)); cur = []
    if cur: out.append("".join(cur))
    return out

TAG = re.compile(r"<[^>]+>")
def html_paragraphs(path):
    raw = open(path, encoding="utf-8", errors="replace").read()
    raw = re.sub(r"(?s)<(script|style|pre|code)\b.*?</\1>", " ", raw)
    for m in re.finditer(r"(?s)<p\b[^>]*>(.*?)</p>", raw):
        t = html.unescape(TAG.sub(" ", m.group(1)))
        t = " ".join(t.split())
        if len(t) >= 40:
            yield t

# Much of libreoffice-help-gl is untranslated English (and code). A paragraph is counted when it
# has at least two distinct Galician function words, one of them specific to Galician, and at
# most one English function word per four Galician ones (a quoted English menu name may stay).
GALICIAN = set("unha non coa coas cos cun cunha dun dunha nun nunha polo pola polos polas ao aos "
               "tamén máis xa lle".split())
ROMANCE = set("o os de do da dos das en na nos nas e é que se un con para por á ás está son este "
              "esta isto seu súa como".split())
ENGLISH = set("the and of with this that which from are be can you your should will its by not or "
              "has have is to in for it".split())
GALICIAN_OR_ROMANCE = GALICIAN | ROMANCE

def galician(text):
    words = re.findall(r"[^\W\d_]+", text.lower())
    kinds = set(words)
    gl = kinds & GALICIAN_OR_ROMANCE
    en = sum(w in ENGLISH for w in words)
    return bool(kinds & GALICIAN) and len(gl) >= 2 and 4 * en <= sum(w in GALICIAN or w in ROMANCE for w in words)

def count_galician(gl_help, letters):
    """n-gram counts of the Galician paragraphs of the help pages. Boilerplate repeated across
    pages counts once. Words that are at least as frequent in the package's English paragraphs
    as in its Galician ones (product names, code, untranslated terms: libreoffice, html, calc)
    are not evidence for Galician and are left out."""
    files = sorted(glob.glob(os.path.join(gl_help, "**", "*.html"), recursive=True))
    seen, gl_paras, en_words = set(), [], Counter()
    for f in files:
        for p in html_paragraphs(f):
            if p in seen:
                continue
            seen.add(p)
            if galician(p):
                gl_paras.append(words_of(p, letters))
            elif english(p):
                en_words.update(words_of(p, letters))
    gl_words = Counter(w for ws in gl_paras for w in ws)
    n_gl, n_en = sum(gl_words.values()), max(1, sum(en_words.values()))
    foreign = {w for w, k in gl_words.items() if en_words[w] / n_en >= k / n_gl}
    gl = {n: Counter() for n in ORDERS}
    for ws in gl_paras:
        count_text([w for w in ws if w not in foreign], gl)
    return gl

def english(text):
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    return len(words & ENGLISH) >= 2 and not words & GALICIAN_OR_ROMANCE

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lingua", required=True)
    ap.add_argument("--gl-help", required=True)
    ap.add_argument("--mt-words", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    a = ap.parse_args()
    counts, letters = gather(a.lingua, a.gl_help, a.mt_words)
    out = build(counts, letters, a.max_bytes)
    with open(a.out, "wb") as f:
        f.write(out)
    print(f"{len(counts)} languages, {len(out)} bytes -> {a.out}", file=sys.stderr)

def gather(lingua, gl_help, mt_words):
    """n-gram counts per language and order, and the set of letters."""
    langs = sorted(os.listdir(lingua))
    counts = {}
    for code in langs:
        counts[code] = load_lingua(lingua, code)
    letters = set()
    for code in langs:
        letters.update(counts[code][1].keys())

    counts["gl"] = count_galician(gl_help, letters)
    mt = {n: Counter() for n in ORDERS}
    mwords = []
    for line in open(mt_words, encoding="utf-8"):
        mwords.extend(words_of(line.strip(), letters))
    count_text(mwords, mt)
    counts["mt"] = mt
    for code in ("gl", "mt"):
        letters.update(counts[code][1].keys())
    return counts, letters

def varint(x):
    """LEB128: seven bits a byte, low bits first, the high bit set on all bytes but the last."""
    out = bytearray()
    while x >= 0x80:
        out.append((x & 0x7F) | 0x80)
        x >>= 7
    out.append(x)
    return bytes(out)

def candidates(counts, langs):
    """Every (weight, order, language index, n-gram, value) the model may keep.

    value: log P - log eps_n in tenths of a nat (1...255; pairs at or below the floor score as
    unstored and are not candidates). weight: the expected loss, in tenths of a nat per letter
    of the language's own text, of not storing the pair: its frequency in that text (count /
    letters) times value. Orders 1 and 2 are small and always kept (weight infinite)."""
    eps = {n: UNI_FLOOR if n == 1 else COND_FLOOR for n in ORDERS}
    out = []
    for li, code in enumerate(langs):
        letters_total = sum(counts[code][1].values())
        for n in ORDERS:
            c = counts[code][n]
            if not c:
                continue
            total = sum(c.values())
            prefix = counts[code][n - 1] if n > 1 else None
            for g, k in c.most_common(POOL[n]):
                if n == 1:
                    p = k / total
                else:
                    if k < 2 or prefix[g[:-1]] <= 0:
                        continue
                    p = k / prefix[g[:-1]]
                v = int(round(10 * (math.log(p) - math.log(eps[n]))))
                if v <= 0:
                    continue
                w = math.inf if n <= 2 else k / letters_total * v
                out.append((w, n, li, g, min(v, 255)))
    return out

def select(cands, max_bytes, fixed):
    """The candidates kept: the heaviest first, as many as fit max_bytes (fixed: the bytes of
    the header; each new n-gram costs its hash (a varint of about two bytes), each posting two)."""
    cands.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
    seen = set()
    size = fixed
    kept = []
    for c in cands:
        h = ngram_hash(c[3])
        cost = 2 + (0 if h in seen else 1.2)
        if size + cost > max_bytes:
            break
        seen.add(h)
        size += cost
        kept.append(c)
    return kept

def build(counts, letters, max_bytes=MAX_BYTES):
    """The model file's bytes."""
    langs = sorted(counts)

    masks = []
    for code in langs:
        by = Counter()
        for g, k in counts[code][1].items():
            by[script_of(ord(g))] += k
        tot = sum(by.values())
        m = 0
        for s, k in by.items():
            if s != 17 and k >= 0.05 * tot:
                m |= 1 << s
        masks.append(m)

    letter_pairs = []
    for ch in sorted(letters):
        cp = ord(ch)
        if cp >= 0x3000 or len(ch) != 1:
            continue
        lo = ch.lower()
        letter_pairs.append((cp, ord(lo) if len(lo) == 1 else cp))
    # Upper-case forms of letters, mapped to them.
    known = {cp for cp, _ in letter_pairs}
    for ch in list(letters):
        up = ch.upper()
        if len(up) == 1 and ord(up) < 0x3000 and ord(up) not in known and up.lower() == ch:
            letter_pairs.append((ord(up), ord(ch)))
            known.add(ord(up))
    letter_pairs.sort()

    out = bytearray(b"SLID") + struct.pack("<I", 2)
    out += struct.pack("<I", len(langs))
    for code, m in zip(langs, masks):
        b = code.encode()
        out += struct.pack("<B", len(b)) + b + struct.pack("<Ib", m, int(round(10 * PRIORS.get(code, 0.0))))
    out += struct.pack("<I", len(letter_pairs))
    for cp, lo in letter_pairs:
        out += struct.pack("<II", cp, lo)

    cands = candidates(counts, langs)
    kept = select(cands, max_bytes - 64, len(out) + 8)
    postings = {}   # hash -> list of (lang index, value)
    grams = {}
    per_order = Counter()
    for _, n, li, g, v in kept:
        h = ngram_hash(g)
        grams.setdefault(h, set()).add(g)
        postings.setdefault(h, {})
        # Two n-grams of one language with the same hash (a handful): their scores add up.
        postings[h][li] = min(255, postings[h].get(li, 0) + v)
        per_order[n] += 1
    shared = sum(len(gs) for gs in grams.values() if len(gs) > 1)
    print(f"{shared} n-grams share a hash with another", file=sys.stderr)
    print(f"{len(cands)} candidates, {len(kept)} kept; postings per order {dict(sorted(per_order.items()))}",
          file=sys.stderr)

    keys = sorted(postings)
    nPost = sum(len(postings[h]) for h in keys)
    out += struct.pack("<II", len(keys), nPost)
    prev = 0
    for h in keys:
        out += varint(h - prev)
        prev = h
    for h in keys:
        plist = sorted(postings[h].items())
        for k, (li, v) in enumerate(plist):
            out += struct.pack("<BB", li | (0x80 if k == len(plist) - 1 else 0), v)
    print(f"{len(keys)} n-grams, {nPost} postings", file=sys.stderr)
    if len(out) > max_bytes:
        sys.exit(f"model of {len(out)} bytes is over {max_bytes}")
    return bytes(out)

if __name__ == "__main__":
    main()
