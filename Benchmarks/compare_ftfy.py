#!/usr/bin/env python3
"""Compares Sluice's mojibake repair with ftfy on Tests/SluiceTextTests/Fixtures/mojibake_cases.jsonl.

ftfy is never a dependency of Sluice: install it in a venv outside the repository.

    python3 -m venv /tmp/venv-ftfy && /tmp/venv-ftfy/bin/pip install ftfy
    swift build -c release --product sluice
    /tmp/venv-ftfy/bin/python Benchmarks/compare_ftfy.py [--sluice .build/release/sluice]

The Sluice side runs `sluice clean` on stdin (records carry the case's `lang`). ftfy runs
`fix_text` with the options that change more than encoding turned off (uncurl_quotes,
fix_character_width, fix_latin_ligatures), so both sides are judged on mojibake only.
A case counts as repaired when the output equals `expected` exactly; "clean" cases count as
kept when the output equals the input.
"""
import argparse
import json
import subprocess
import sys

FIXTURE = "Tests/SluiceTextTests/Fixtures/mojibake_cases.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sluice", default=".build/release/sluice")
    ap.add_argument("--fixture", default=FIXTURE)
    ap.add_argument("--show", action="store_true", help="print the cases either side gets wrong")
    args = ap.parse_args()

    import ftfy

    cases = [json.loads(line) for line in open(args.fixture, encoding="utf-8") if line.strip()]
    stdin = "".join(json.dumps({"id": c["id"], "text": c["input"], "lang": c["lang"]}, ensure_ascii=False) + "\n" for c in cases)
    proc = subprocess.run([args.sluice, "clean"], input=stdin.encode(), capture_output=True, check=True)
    sluice_out = {}
    for line in proc.stdout.decode().splitlines():
        r = json.loads(line)
        sluice_out[r["id"]] = r["text"]

    def ftfy_fix(s: str) -> str:
        return ftfy.fix_text(s, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False)

    kinds = sorted({c["kind"] for c in cases})
    totals = {}
    for c in cases:
        s = sluice_out[c["id"]]
        f = ftfy_fix(c["input"])
        t = totals.setdefault(c["kind"], [0, 0, 0])
        t[0] += 1
        t[1] += s == c["expected"]
        t[2] += f == c["expected"]
        if args.show and (s != c["expected"] or f != c["expected"]):
            print("%s %s/%s\n  input:    %r\n  expected: %r\n  sluice:   %r\n  ftfy:     %r"
                  % (c["id"], c["lang"], c["kind"], c["input"], c["expected"], s, f))
    print("ftfy %s" % ftfy.__version__ if hasattr(ftfy, "__version__") else "ftfy")
    print("%-10s %6s %14s %14s" % ("kind", "cases", "sluice", "ftfy"))
    all_n = all_s = all_f = 0
    bad_n = bad_s = bad_f = 0
    for k in kinds:
        n, s, f = totals[k]
        print("%-10s %6d %8d %5.1f%% %8d %5.1f%%" % (k, n, s, 100 * s / n, f, 100 * f / n))
        all_n += n; all_s += s; all_f += f
        if k != "clean":
            bad_n += n; bad_s += s; bad_f += f
    print("%-10s %6d %8d %5.1f%% %8d %5.1f%%" % ("mojibake", bad_n, bad_s, 100 * bad_s / bad_n, bad_f, 100 * bad_f / bad_n))
    print("%-10s %6d %8d %5.1f%% %8d %5.1f%%" % ("all", all_n, all_s, 100 * all_s / all_n, all_f, 100 * all_f / all_n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
