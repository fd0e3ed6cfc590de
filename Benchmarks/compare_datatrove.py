#!/usr/bin/env python3
"""Agreement of Sluice's quality signals with datatrove's filters.

    python3 -m venv /tmp/venv-dt && /tmp/venv-dt/bin/pip install datatrove spacy regex
    /tmp/venv-dt/bin/python Benchmarks/compare_datatrove.py [--docs 600] [--sluice PATH] [--input FILE.jsonl]

Generates (deterministically) realistic web/news-like documents of varied quality, or reads
`--input` (JSONL with "text"), runs datatrove's GopherQualityFilter, GopherRepetitionFilter,
C4QualityFilter and FineWebQualityFilter (their defaults) on each, recomputes every signal
with datatrove's own helpers (its spaCy word tokenizer, find_duplicates, …), runs
`sluice run` with a pipeline holding only the quality stage, and prints per filter the
keep/drop agreement and, per signal, the share of documents within 2% of datatrove's value
(absolute difference ≤ 0.02 × |datatrove| or ≤ 1e-9). Exit status 1 when a target is missed
(decisions ≥ 99%, each signal ≥ 95%). All text is generated here (CC0).
"""
import argparse, json, os, random, subprocess, sys, tempfile
from collections import Counter

# ---------------------------------------------------------------- generator

NAMES = ["Mr. Okafor", "Dr. Hannah Morrow", "Prime Minister Ellis", "Sen. Ruiz", "Ms. Chen", "the U.S. Treasury",
         "Northgate University", "the city council", "local farmers", "union leaders", "Gov. Patel", "the E.U. commission"]
VERBS = ["said", "announced", "warned", "confirmed", "told reporters", "argued", "wrote in a blog post", "didn't deny"]
OBJECTS = ["spending would rise by 4.5 percent next year", "the new bridge would open in 2026",
           "prices had fallen for the third month in a row", "about 12,000 homes were still without power",
           "talks would resume after the summer break", "the plan would cost $3.2 billion",
           "the well-known program (launched in 2019) hadn't met its goals", "they're \"not yet ready\" to decide",
           "it's the first time since the 1990s that exports grew", "the state-run utility can't raise rates until March",
           "a 15-year-old boy was rescued at 5pm on Sunday", "researchers found the effect in 3 of 4 cases",
           "the company's shares rose 7% to $41.20", "the so-called 'green deal' would be revised"]
CONNECT = ["However,", "Meanwhile,", "In addition,", "According to officials,", "Still,", "On Monday,", "Critics say"]
EXTRA = ["The decision follows months of debate — and some protests.", "Officials declined to comment further.",
         "\"We will see,\" she said.", "It was not immediately clear why.", "Details are expected later this week.",
         "The report, published Tuesday, runs to 240 pages.", "That's a big change from last year's figures.",
         "Analysts at Smith & Co. expect a rebound in Q3.", "The vote passed 52-48 after a long night.",
         "See also: the e-mail sent on 3/14 to all staff.", "Visit https://example.com/news/2024 for more."]
MENU = ["Home", "News", "Sport", "Business", "Opinion", "About us", "Contact", "Subscribe", "Log in", "Search",
        "Share on Facebook", "Share on Twitter", "Print this page", "Related articles", "Most read", "Advertisement"]
POLICY = ["This website uses cookies to improve your experience.", "By continuing you agree to our Terms of Use.",
          "Read our Privacy Policy for details on how we use cookies.", "We use cookies to personalise content and ads.",
          "See our cookie policy.", "All rights reserved. Terms of use apply."]
JS = ["Please enable JavaScript to view the comments.", "You need JavaScript enabled to use this site.",
      "function init() { var x = document.getElementById('main'); x.style.display = 'none'; }",
      "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
      "if (a > b) { return a; } else { return b; }"]
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
         "et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.")
WORDS = ("time people year way day thing man world life hand part child eye woman place work week case point "
         "government company number group problem fact market price energy water policy report city country").split()


def sentence(r):
    s = f"{r.choice(NAMES)} {r.choice(VERBS)} that {r.choice(OBJECTS)}."
    s = s[0].upper() + s[1:]
    if r.random() < 0.3:
        s = f"{r.choice(CONNECT)} {s[0].lower() + s[1:]}"
    if r.random() < 0.1:
        s = s[:-1] + f" [{r.randint(1, 40)}]."
    return s


def paragraph(r, n):
    out = []
    for _ in range(n):
        out.append(sentence(r) if r.random() < 0.7 else r.choice(EXTRA))
    return " ".join(out)


def article(r, paras):
    return "\n\n".join(paragraph(r, r.randint(2, 6)) for _ in range(paras))


def gen_doc(r, kind):
    if kind == "article":
        return r.choice(["", "BREAKING: "]) + article(r, r.randint(2, 8))
    if kind == "short_article":
        return article(r, 1)
    if kind == "boilerplate":
        top = "\n".join(r.sample(MENU, r.randint(4, 12)))
        bottom = "\n".join(r.sample(POLICY, r.randint(1, 4)))
        return f"{top}\n{article(r, r.randint(1, 3))}\n{bottom}\n" + "\n".join(r.sample(MENU, 3))
    if kind == "list":
        bullet = r.choice(["- ", "• ", "* ", "1. ", ""])
        items = [f"{bullet}{' '.join(r.choice(WORDS) for _ in range(r.randint(1, 9)))}" + r.choice(["", ".", ";"])
                 for _ in range(r.randint(8, 40))]
        head = paragraph(r, r.randint(0, 2))
        return (head + "\n" if head else "") + "\n".join(items)
    if kind == "repeated":
        p = paragraph(r, r.randint(1, 3))
        parts = [p] * r.randint(2, 5) + [article(r, r.randint(1, 3))]
        r.shuffle(parts)
        return r.choice(["\n\n", "\n"]).join(parts)
    if kind == "repeated_lines":
        lines = [sentence(r) for _ in range(r.randint(5, 15))]
        lines += r.choices(lines, k=r.randint(1, 10))
        return "\n".join(lines)
    if kind == "short_lines":
        return "\n".join(" ".join(r.choice(WORDS) for _ in range(r.randint(1, 5))).capitalize()
                         + r.choice(["", "", ".", "!"]) for _ in range(r.randint(10, 60)))
    if kind == "code":
        return article(r, r.randint(1, 3)) + "\n" + "\n".join(r.choices(JS, k=r.randint(1, 5))) + "\n" + paragraph(r, 3)
    if kind == "lorem":
        return article(r, r.randint(1, 2)) + "\n" + LOREM + "\n" + paragraph(r, 2)
    if kind == "policy":
        return "\n".join(r.choices(POLICY, k=r.randint(3, 10))) + "\n" + paragraph(r, r.randint(1, 4))
    if kind == "hashtags":
        tags = " ".join("#" + r.choice(WORDS) for _ in range(r.randint(5, 30)))
        return paragraph(r, r.randint(1, 4)) + "\n" + tags
    if kind == "ellipsis":
        return "\n".join(paragraph(r, 1)[:r.randint(20, 120)].rstrip() + r.choice(["...", "…", " ...", "."])
                         for _ in range(r.randint(3, 12)))
    if kind == "tiny":
        return " ".join(r.choice(WORDS) for _ in range(r.randint(0, 60)))
    if kind == "numbers":
        return "\n".join(f"{r.randint(1, 9999)} {r.choice(['km', 'kg', '%', '$', 'USD'])} {r.random():.3f} | {r.randint(1, 99)}"
                         for _ in range(r.randint(5, 40)))
    if kind == "mixed":
        return r.choice(MENU) + "\n\n" + article(r, r.randint(1, 4)) + "\n\n" + r.choice(POLICY) + "\n" + "#news #world"
    raise ValueError(kind)


KINDS = ["article"] * 6 + ["short_article", "boilerplate", "boilerplate", "list", "list", "repeated", "repeated_lines",
         "short_lines", "code", "lorem", "policy", "hashtags", "ellipsis", "tiny", "numbers", "mixed", "mixed"]


def generate(n, seed=7):
    r = random.Random(seed)
    return [{"id": f"doc{i:04d}", "kind": (k := r.choice(KINDS)), "text": gen_doc(r, k)} for i in range(n)]

# ---------------------------------------------------------------- datatrove reference


def reference(docs):
    import numpy as np
    from datatrove.data import Document
    from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,
                                            GopherRepetitionFilter)
    from datatrove.pipeline.filters.c4_filters import CITATION_REGEX, END_PUNCTUATION, ELLIPSIS, POLICY_SUBSTRINGS
    from datatrove.pipeline.filters.gopher_quality_filter import STOP_WORDS
    from datatrove.pipeline.filters.gopher_repetition_filter import (find_all_duplicate, find_duplicates,
                                                                     find_top_duplicate, get_n_grams)
    from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION, split_into_sentences, split_into_words
    import re

    filters = {"gopher_quality": GopherQualityFilter(), "gopher_repetition": GopherRepetitionFilter(),
               "c4": C4QualityFilter(), "fineweb": FineWebQualityFilter()}
    out = []
    for d in docs:
        text = d["text"]
        res = {}
        for name, f in filters.items():
            try:
                r = f.filter(Document(text=text, id=d["id"]))
            except ZeroDivisionError:
                r = (False, "error")
            keep, reason = (r, None) if isinstance(r, bool) else r
            res[name] = {"keep": bool(keep), "reason": reason}
        words = split_into_words(text)
        n = len(words)
        # Gopher quality
        ns = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
        lines = text.splitlines()
        g = res["gopher_quality"]
        g["words"] = n
        g["non_symbol_words"] = len(ns)
        g["mean_word_length"] = float(np.mean([len(w) for w in ns])) if ns else 0.0
        g["hash_to_word_ratio"] = text.count("#") / n if n else 0.0
        g["ellipsis_to_word_ratio"] = (text.count("...") + text.count("…")) / n if n else 0.0
        g["bullet_lines_ratio"] = (sum(s.lstrip().startswith("•") or s.lstrip().startswith("-") for s in lines) / len(lines)) if lines else 0.0
        g["ellipsis_lines_ratio"] = (sum(s.rstrip().endswith("...") or s.rstrip().endswith("…") for s in lines) / len(lines)) if lines else 0.0
        g["alpha_words_ratio"] = sum(any(c.isalpha() for c in w) for w in words) / n if n else 0.0
        g["stop_words"] = len(set(STOP_WORDS).intersection(set(words)))
        # Gopher repetition
        rp = res["gopher_repetition"]
        if text:
            paras = re.split(r"\n{2,}", text.strip())
            pd, pc = find_duplicates(paras)
            rp["dup_para_frac"] = pd / len(paras)
            rp["dup_para_char_frac"] = pc / len(text)
            ls = re.split("\n+", text)
            ld, lc = find_duplicates(ls)
            rp["dup_line_frac"] = ld / len(ls)
            rp["dup_line_char_frac"] = lc / len(text)
            for k in (2, 3, 4):
                grams = get_n_grams(words, k)
                rp[f"top_{k}_gram_char_frac"] = find_top_duplicate(grams) / len(text) if grams else 0.0
            for k in range(5, 11):
                rp[f"dup_{k}_gram_char_frac"] = find_all_duplicate(words, k) / len(text)
        # C4, scanning every line (datatrove stops at a document-level drop)
        c = res["c4"]
        cnt = Counter()
        sentences = 0
        first = None
        for line in text.splitlines():
            cnt["lines"] += 1
            line = line.strip()
            ws = line.split()
            if any(len(w) > 1000 for w in ws):
                cnt["lines_too_long_word"] += 1
                continue
            line = CITATION_REGEX.sub("", line)
            if not line.endswith(END_PUNCTUATION) or line.endswith(ELLIPSIS):
                cnt["lines_no_terminal_punct"] += 1
                continue
            if len(ws) < 3:
                cnt["lines_too_few_words"] += 1
                continue
            low = line.lower()
            if "lorem ipsum" in low:
                first = first or "lorem_ipsum"
                continue
            if "javascript" in low:
                cnt["lines_javascript"] += 1
                continue
            if "{" in line:
                first = first or "curly_bracket"
                continue
            if any(p in low for p in POLICY_SUBSTRINGS):
                cnt["lines_policy"] += 1
                continue
            sentences += len(split_into_sentences(line))
            cnt["kept_lines"] += 1
        for k in ["lines", "kept_lines", "lines_too_long_word", "lines_no_terminal_punct", "lines_too_few_words",
                  "lines_javascript", "lines_policy"]:
            c[k] = cnt[k]
        c["sentences"] = sentences
        # FineWeb
        fw = res["fineweb"]
        fl = [l for l in text.split("\n") if l.strip() != ""]
        if fl:
            fw["lines"] = len(fl)
            fw["line_punct_ratio"] = sum(1 for l in fl if l.endswith(tuple(TERMINAL_PUNCTUATION))) / len(fl)
            fw["short_line_ratio"] = sum(1 for l in fl if len(l) <= 30) / len(fl)
            fw["char_dup_ratio"] = find_duplicates(fl)[1] / len(text.replace("\n", ""))
            fw["new_line_ratio"] = text.count("\n") / n if n else 0.0
        out.append((res, words))
    return out

# ---------------------------------------------------------------- sluice


def run_sluice(docs, sluice):
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "docs.jsonl")
        with open(inp, "w") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
        pipe = os.path.join(tmp, "quality.yaml")
        with open(pipe, "w") as f:
            f.write("name: quality-check\nstages:\n  - quality\n")
        outp = subprocess.run([*sluice, "run", inp, "--output", "-", "--pipeline", pipe, "--progress", "none"],
                              check=True, capture_output=True, text=True).stdout
    got = {}
    for line in outp.splitlines():
        rec = json.loads(line)
        got[rec["id"]] = (rec["attributes"]["quality"], rec["text"])
    return got


def within(a, b):
    return abs(a - b) <= 0.02 * abs(b) or abs(a - b) <= 1e-9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--input", help="JSONL file with `text` (and `id`) instead of generated documents")
    ap.add_argument("--sluice", help="sluice executable (default: .build-quality/{release,debug}/sluice, else swift run)")
    ap.add_argument("--show", type=int, default=3, help="examples to print per disagreeing signal")
    args = ap.parse_args()

    if args.input:
        docs = []
        with open(args.input) as f:
            for i, line in enumerate(f):
                d = json.loads(line)
                docs.append({"id": str(d.get("id", i)), "kind": "input", "text": d["text"]})
    else:
        docs = generate(args.docs, args.seed)

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if args.sluice:
        sluice = [args.sluice]
    else:
        sluice = None
        for conf in ("release", "debug"):
            p = os.path.join(root, ".build-quality", conf, "sluice")
            if os.path.exists(p):
                sluice = [p]
                break
        sluice = sluice or ["swift", "run", "--package-path", root, "-c", "release", "sluice"]

    ref = reference(docs)
    got = run_sluice(docs, sluice)
    kinds = Counter(d["kind"] for d in docs)
    print(f"{len(docs)} documents: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))

    ok = True
    word_exact = 0
    for filt in ["gopher_quality", "gopher_repetition", "c4", "fineweb"]:
        agree = 0
        sig_ok, sig_n = Counter(), Counter()
        examples = {}
        for d, (r, words) in zip(docs, ref):
            q, text = got[d["id"]]
            assert text == d["text"], "sluice changed the text"
            mine, theirs = q[filt], r[filt]
            if mine["keep"] == theirs["keep"]:
                agree += 1
            elif "decision" not in examples:
                examples["decision"] = (d["id"], theirs.get("reason"), mine["reasons"])
            for k, v in theirs.items():
                if k in ("keep", "reason"):
                    continue
                sig_n[k] += 1
                if within(float(mine[k]), float(v)):
                    sig_ok[k] += 1
                else:
                    examples.setdefault(k, []).append((d["id"], v, mine[k]))
        pct = 100 * agree / len(docs)
        ok &= pct >= 99
        dropped = Counter(r[filt]["reason"] for r, _ in ref if not r[filt]["keep"])
        print(f"\n{filt}: decisions agree on {agree}/{len(docs)} = {pct:.1f}%  "
              f"(datatrove drops {sum(dropped.values())}: " + ", ".join(f"{k} {v}" for k, v in dropped.most_common()) + ")")
        if "decision" in examples:
            print(f"    first disagreement: {examples['decision']}")
        for k in sig_n:
            p = 100 * sig_ok[k] / sig_n[k]
            ok &= p >= 95
            print(f"    {k:26s} within 2%: {p:6.1f}%  ({sig_ok[k]}/{sig_n[k]})")
            for ex in examples.get(k, [])[:args.show]:
                print(f"        {ex[0]}: datatrove {ex[1]}  sluice {ex[2]}")
    for d, (r, words) in zip(docs, ref):
        if got[d["id"]][0]["gopher_quality"]["words"] == len(words):
            word_exact += 1
    print(f"\nword tokenizer: same word count as datatrove/spaCy on {word_exact}/{len(docs)} documents "
          f"({100 * word_exact / len(docs):.1f}%)")
    print("\nTARGETS MET" if ok else "\nTARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
