#!/usr/bin/env python3
"""Generate a multilingual benchmark corpus of real text (article-sized JSONL records).

    python3 Benchmarks/make_multilingual_corpus.py OUT_DIR [--mb 40] [--files 4] [--seed 1]
        [--lingua ../shared/data/lingua-testdata] [--handbook DIR] [--gl-help DIR]

Half of the bytes are English, the other half spread evenly over the other languages. The text
is real prose nobody working on Sluice wrote: the sentences of lingua's public test data (75
languages, Leipzig news corpora, Apache-2.0; read from ../shared/data, never committed), and when
given (data/langid/fetch_sources.sh unpacks both), the paragraphs of Debian's debian-handbook
(en-US and its translations, CC-BY-SA-3.0 / GPL-2+) and Galician paragraphs of
libreoffice-help-gl (MPL-2.0). Maltese, the one supported language without prose here, is left out.

A record is an article: 6–40 consecutive-looking sentences of one language (sampled without
regard to order from its pool), in paragraphs of 1–5 sentences separated by blank lines or
newlines, with a title line. Writes OUT_DIR/part-XXX.jsonl.zst (zstd -3). Deterministic for a
seed and the same inputs.
"""
import argparse, glob, html, json, os, random, re, subprocess, sys

def lingua_sentences(base):
    pools = {}
    d = os.path.join(base, "sentences")
    for name in sorted(os.listdir(d)):
        lang = name.split(".")[0]
        raw = subprocess.run(["zstd", "-dc", os.path.join(d, name)], check=True, capture_output=True).stdout
        pools[lang] = [s.strip() for s in raw.decode("utf-8").splitlines() if s.strip()]
    return pools

TAG = re.compile(r"<[^>]+>")

def html_paragraphs(path):
    raw = open(path, encoding="utf-8", errors="replace").read()
    raw = re.sub(r"(?s)<(script|style|pre|code)\b.*?</\1>", " ", raw)
    for m in re.finditer(r"(?s)<p\b[^>]*>(.*?)</p>", raw):
        t = " ".join(html.unescape(TAG.sub(" ", m.group(1))).split())
        if len(t) >= 80:
            yield t

HANDBOOK_LANGS = {"ar-MA": "ar", "ca-ES": "ca", "cs-CZ": "cs", "da-DK": "da", "de-DE": "de", "el-GR": "el",
                  "en-US": "en", "es-ES": "es", "fa-IR": "fa", "fr-FR": "fr", "hr-HR": "hr", "id-ID": "id",
                  "it-IT": "it", "ja-JP": "ja", "ko-KR": "ko", "nb-NO": "nb", "nl-NL": "nl", "pl-PL": "pl",
                  "pt-BR": "pt", "ro-RO": "ro", "ru-RU": "ru", "sv-SE": "sv", "tr-TR": "tr", "vi-VN": "vi",
                  "zh-CN": "zh", "zh-TW": "zh"}

def handbook_paragraphs(root):
    """Paragraphs per language of debian-handbook's HTML (root: .../debian-handbook/html)."""
    out = {}
    for folder, lang in HANDBOOK_LANGS.items():
        seen = set()
        for f in sorted(glob.glob(os.path.join(root, folder, "**", "*.html"), recursive=True)):
            for p in html_paragraphs(f):
                if p not in seen:
                    seen.add(p)
                    out.setdefault(lang, []).append(p)
    return out

def article(rng, sents, paras):
    """One article: a title and paragraphs, from a language's sentences (and its paragraphs)."""
    parts = []
    k = rng.randint(6, 40)
    while k > 0:
        if paras and rng.random() < 0.5:
            parts.append(rng.choice(paras))
            k -= 3
        else:
            m = min(k, rng.randint(1, 5))
            parts.append(" ".join(rng.choice(sents) for _ in range(m)) if sents else rng.choice(paras))
            k -= m
    title = (rng.choice(sents) if sents else rng.choice(paras))[:90]
    return title, ("\n\n" if rng.random() < 0.6 else "\n").join(parts)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=40)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lingua", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/data/lingua-testdata"))
    ap.add_argument("--handbook", help="debian-handbook's html folder (…/usr/share/doc/debian-handbook/html)")
    ap.add_argument("--gl-help", help="libreoffice-help-gl unpacked (Galician paragraphs)")
    a = ap.parse_args()
    if not os.path.isdir(a.lingua):
        sys.exit(f"lingua test data not found at {a.lingua}")
    sents = lingua_sentences(a.lingua)
    paras = handbook_paragraphs(a.handbook) if a.handbook else {}
    if a.gl_help:
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../data/langid"))
        import build_model
        gl = []
        for f in sorted(glob.glob(os.path.join(a.gl_help, "**", "*.html"), recursive=True)):
            gl.extend(p for p in build_model.html_paragraphs(f) if build_model.galician(p))
        paras["gl"] = sorted(set(gl))
    langs = sorted(set(sents) | set(paras))
    others = [l for l in langs if l != "en"]
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    per_file = int(a.mb * 1e6 / a.files)
    budget = {l: 0 for l in langs}   # bytes written per language, to keep the shares
    n = 0
    for f in range(a.files):
        path = os.path.join(a.out, f"part-{f:03d}.jsonl")
        size = 0
        with open(path, "w", encoding="utf-8") as out:
            while size < per_file:
                n += 1
                en_bytes = budget["en"]
                rest = sum(budget.values()) - en_bytes
                if en_bytes <= rest:
                    lang = "en"
                else:   # the other language furthest behind its share
                    lang = min(others, key=lambda l: (budget[l], l))
                title, text = article(rng, sents.get(lang, []), paras.get(lang, []))
                rec = {"id": f"ml-{n:07d}", "url": f"https://site{n % 89}.example/{lang}/{n}", "title": title,
                       "text": text, "source": f"site{n % 89}.example"}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode())
                budget[lang] += len(text.encode())
        subprocess.run(["zstd", "-3", "-q", "-f", "--rm", path], check=True)
    print(f"{n} records, {len(langs)} languages, {a.files} files in {a.out}")

if __name__ == "__main__":
    main()
