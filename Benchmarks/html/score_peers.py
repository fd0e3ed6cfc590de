#!/usr/bin/env python3
"""Main-content extraction peers on html-eval (issue 14): trafilatura, readability-lxml, jusText,
and "all text" (lxml's text_content) as the floor. Writes OUT/<tool>.jsonl ({"id","text"} per
page) and prints each tool's score from the set's own score.py plus pages per CPU-second.

    python3 -m venv /tmp/venv-html && /tmp/venv-html/bin/pip install trafilatura readability-lxml justext lxml_html_clean
    /tmp/venv-html/bin/python Benchmarks/html/score_peers.py ../shared/data/html-eval /tmp/html-peers

The peers are never dependencies of Sluice: they run from a venv outside the repository.
"""
import json
import os
import subprocess
import sys
import time


def pages(folder):
    data = subprocess.run(["zstd", "-dcq", os.path.join(folder, "pages.jsonl.zst")], check=True, capture_output=True).stdout
    for line in data.decode("utf-8").split("\n"):
        if line.strip():
            yield json.loads(line)


def tools():
    out = {}
    import trafilatura
    out["trafilatura " + trafilatura.__version__] = lambda html: trafilatura.extract(html) or ""
    from readability import Document
    import lxml.html

    def readability(html):
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    out["readability-lxml"] = readability
    import justext

    def jt(html):
        paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("German") | justext.get_stoplist("English"))
        return "\n".join(p.text for p in paras if not p.is_boilerplate)
    out["jusText (de+en stoplists)"] = jt

    def all_text(html):
        try:
            return lxml.html.fromstring(html).text_content()
        except Exception:
            return ""
    out["all text (lxml)"] = all_text
    return out


def main():
    folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    items = list(pages(folder))
    mb = sum(len(p["html"].encode("utf-8")) for p in items) / 1e6
    print(f"{len(items)} pages, {mb:.1f} MB of HTML")
    for name, fn in tools().items():
        path = os.path.join(out, name.split()[0] + ".jsonl")
        t0 = time.process_time()
        with open(path, "w", encoding="utf-8") as f:
            for p in items:
                try:
                    text = fn(p["html"])
                except Exception:
                    text = ""
                f.write(json.dumps({"id": p["id"], "text": text}, ensure_ascii=False) + "\n")
        cpu = time.process_time() - t0
        score = subprocess.run([sys.executable, os.path.join(folder, "score.py"), os.path.join(folder, "pages.jsonl.zst"), path, "--json"],
                               capture_output=True, text=True).stdout
        s = json.loads(score) if score.strip().startswith("{") else {}
        print(f"| {name} | {s.get('precision', 0):.3f} | {s.get('recall', 0):.3f} | {s.get('fscore', 0):.3f} | "
              f"{len(items) / cpu:.1f} pages/CPU-s | {mb / cpu:.2f} MB/CPU-s |")


if __name__ == "__main__":
    main()
